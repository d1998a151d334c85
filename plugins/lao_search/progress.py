"""How far a long build has come: a progress bar on a terminal (rich, which Pelican prints with), plain lines
elsewhere (CI), nothing when Pelican is asked to be quiet (-q) or the job is short.

The work reports ``step(label, done, total)`` from wherever it runs (background.py may run it in another
process); a ``Progress`` in the build's own process shows it.
"""
import logging

from pelican.log import console
from rich import progress as rich_progress

LONG = 500  # items from which a job is worth reporting
LINES = 10  # lines over a job, when there is no terminal
STEPS = 100  # reports over a job: few enough to cross a pipe cheaply


def stepper(report, label, total):
    """A function to call once per item done; it calls ``report(label, done, total)`` now and then."""
    every = max(1, total // STEPS)
    done = 0

    def advance():
        nonlocal done
        done += 1
        if done % every == 0 or done == total:
            report(label, done, total)

    return advance


class Progress:
    """Shows reported steps; a context manager."""

    def __init__(self):
        self.bar = None
        self.tasks = {}
        self.logged = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()

    def step(self, label, done, total):
        if total < LONG or quiet():
            return
        if console.is_terminal:
            if self.bar is None:
                columns = (rich_progress.TextColumn("{task.description}"), rich_progress.BarColumn(),
                           rich_progress.MofNCompleteColumn(), rich_progress.TimeElapsedColumn())
                self.bar = rich_progress.Progress(*columns, console=console, transient=True)
                self.bar.start()
            if label not in self.tasks:
                self.tasks[label] = self.bar.add_task(label, total=total)
            self.bar.update(self.tasks[label], completed=done)
            return
        tenth = done * LINES // total
        if tenth > self.logged.get(label, 0):
            self.logged[label] = tenth
            say(f"{label}: {done} of {total}")


def quiet():
    """Whether Pelican was asked to show only critical errors (-q); it shows warnings by default."""
    return not logging.getLogger("pelican").isEnabledFor(logging.WARNING)


def say(line):
    """A line of the build's report, as Pelican prints its own ("Done: Processed ...")."""
    if not quiet():
        console.print(line, highlight=False)
