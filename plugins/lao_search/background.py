"""Run the search indexing beside Pelican's page writing: in a forked process, on another core.

Pelican writes pages with one core; the search data need nothing from that phase, only the articles it has read.
A forked child inherits those (copy-on-write, no pickling), makes and writes the search data, and reports back
through a pipe: progress as it goes, then a summary or the error. Where fork is unsafe (not Linux, or other
threads running, as under a live-reload server) the same work runs in this process instead.

The child logs nothing itself (a logging lock held by another thread at fork time would hang it): it sends its
messages, and the parent logs them.
"""
import multiprocessing
import sys
import threading
import traceback


def can_fork():
    return sys.platform.startswith("linux") and threading.active_count() == 1


class Job:
    """``task(report)`` run now (in the background when possible); ``wait(on_message)`` gives its result.

    ``report(*message)`` sends a message to the parent's ``on_message`` (progress, say); the task's return value
    is the result, and an exception in it is raised again by ``wait``."""

    def __init__(self, task, background=True):
        self.task = task
        self.process = None
        self.connection = None
        if background and can_fork():
            context = multiprocessing.get_context("fork")
            self.connection, child_end = context.Pipe(duplex=False)
            self.process = context.Process(target=self._child, args=(child_end,), daemon=True)
            self.process.start()
            child_end.close()

    def _child(self, connection):
        try:
            result = self.task(lambda *message: connection.send(("message", message)))
            connection.send(("done", result))
        except BaseException as error:  # everything reaches the parent, which fails the build
            connection.send(("error", f"{type(error).__name__}: {error}\n{traceback.format_exc()}"))
        finally:
            connection.close()

    def wait(self, on_message):
        if self.process is None:
            return self.task(lambda *message: on_message(message))
        try:
            while True:
                try:
                    kind, value = self.connection.recv()
                except EOFError:
                    self.process.join()
                    raise RuntimeError(f"search indexing stopped without a word (exit code {self.process.exitcode})")
                if kind == "message":
                    on_message(value)
                elif kind == "done":
                    return value
                else:
                    raise RuntimeError(f"search indexing failed in its background process:\n{value}")
        finally:
            self.connection.close()
            self.process.join()
