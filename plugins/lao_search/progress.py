"""How far a long build has come: a progress bar on a terminal (rich, which Pelican prints with), plain lines
elsewhere (CI), nothing when Pelican is asked to be quiet (-q) or the job is short.

The work reports ``step(label, done, total)`` from wherever it runs (background.py may run it in another
process, which passes on the latest step of each label); a ``Progress`` in the build's own process shows it.
"""

from __future__ import annotations

import logging

from pelican.log import console
from rich import progress as rich_progress

LONG = 500  # items from which a job is worth reporting
LINES = 10  # lines over a job, when there is no terminal
UNKNOWN_EVERY = 1000  # items between two lines, when how many there will be is not known


class Progress:
    """Shows reported steps; a context manager."""

    def __init__(self) -> None:
        self.bar: rich_progress.Progress | None = None
        self.tasks: dict[str, rich_progress.TaskID] = {}
        self.logged: dict[str, int] = {}

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def step(self, label: str, done: int, total: int | None) -> None:
        """``done`` of ``total`` items (None: of a number not known yet) are done."""
        if (total if total is not None else done) < LONG or quiet():
            return
        if console.is_terminal:
            if self.bar is None:
                columns = (
                    rich_progress.TextColumn("{task.description}"),
                    rich_progress.BarColumn(),
                    rich_progress.MofNCompleteColumn(),
                    rich_progress.TimeElapsedColumn(),
                )
                self.bar = rich_progress.Progress(*columns, console=console, transient=True)
                self.bar.start()
            if label not in self.tasks:
                self.tasks[label] = self.bar.add_task(label, total=total)
            self.bar.update(self.tasks[label], completed=done)
            return
        if total is None:
            if done // UNKNOWN_EVERY > self.logged.get(label, 0):
                self.logged[label] = done // UNKNOWN_EVERY
                say(f"{label}: {done}")
            return
        tenth = done * LINES // total
        if tenth > self.logged.get(label, 0):
            self.logged[label] = tenth
            say(f"{label}: {done} of {total}")


def quiet() -> bool:
    """Whether Pelican was asked to show only critical errors (-q); it shows warnings by default."""
    return not logging.getLogger("pelican").isEnabledFor(logging.WARNING)


def say(line: str) -> None:
    """A line of the build's report, as Pelican prints its own ("Done: Processed ...")."""
    if not quiet():
        console.print(line, highlight=False)
