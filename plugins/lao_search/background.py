"""Run the search indexing beside Pelican: in a forked process, on another core, fed as Pelican reads.

Pelican reads and writes with one core. The search needs each article once it is read, and the whole list once
every article is; so a child forked before the reading starts takes each article as Pelican reads it (``send``),
analyses it while Pelican reads the next, and makes and writes the search data while Pelican writes the pages.
It answers through the same pipe: its progress, its log records, then its result or its error (``wait``). What the
parent sends goes through a thread of its own, so that Pelican never waits for the child to take it: a pipe holds
some 64 KB, and a child behind with its analysis would otherwise hold up the reading. Where
there is no fork (not Linux) the same task runs in this process when ``wait`` is called, on what was sent.

Pelican's command line runs a thread beside the build (rich's status line), so the child may not use what a thread
of the parent could have held at the fork: it never writes to the console, and its log records go to the parent,
which handles them (the logging module itself makes its locks new in a forked child). While the parent is still
sending, the child keeps what it has to say: the parent reads only once it waits, and two full pipes would wait
for each other for ever.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import sys
import threading
import traceback
import warnings
import weakref
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

END = ("end",)  # the parent's last message
# what the child sends: (kind, value), kind one of "message", "log", "done", "error"
Message = tuple[str, Any]
# task(inbox, report): what runs in the background
Task = Callable[["Inbox", Callable[..., object]], Any]


def can_fork() -> bool:
    return sys.platform.startswith("linux")


class _Outbox:
    """What the child says: held back while the parent is sending, then sent. Steps of progress are kept as the
    latest of each label only."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.held: list[Message] = []
        self.steps: dict[str, Message] = {}
        self.holding = True

    def say(self, message: Message) -> None:
        if self.holding:
            if message[0] == "message" and message[1] and message[1][0] == "step":
                self.steps[message[1][1]] = message
            else:
                self.held.append(message)
        else:
            self.connection.send(message)

    def release(self) -> None:
        self.holding = False
        held, self.held, self.steps = [*self.steps.values(), *self.held], [], {}
        for message in held:
            self.connection.send(message)


class _ToParent(logging.Handler):
    """Sends the child's log records to the parent, as plain data."""

    def __init__(self, outbox: _Outbox) -> None:
        super().__init__()
        self.outbox = outbox

    def emit(self, record: logging.LogRecord) -> None:
        self.outbox.say(("log", {"name": record.name, "levelno": record.levelno, "msg": record.getMessage()}))


class Inbox:
    """What the parent sends, message by message, until it waits; ``close()`` when the task needs no more, so that
    what the task says goes out at once (the parent no longer sends, so the pipe cannot fill both ways)."""

    def __init__(self, messages: Iterable[Any], outbox: _Outbox | None = None) -> None:
        self.messages = messages
        self.outbox = outbox

    def __iter__(self) -> Iterator[Any]:
        return iter(self.messages)

    def close(self) -> None:
        if self.outbox is not None:
            self.outbox.release()


class Job:
    """``task(inbox, report)`` run in the background when possible; ``send`` feeds its ``inbox`` (an Inbox of the
    messages sent, ending when the parent waits), ``wait(on_message)`` gives its result.

    ``report(*message)`` reaches the parent's ``on_message`` (progress, say); the task's return value is the
    result, and an exception in it is raised again by ``wait``. A job whose parent gives up on it (a build that
    fails before waiting) is stopped when the Job is collected."""

    def __init__(self, task: Task, background: bool = True) -> None:
        self.task = task
        self.process: BaseProcess | None = None
        self.connection: Connection | None = None
        self.sent: list[Any] = []  # what the task gets when it runs in this process
        self.feeder: _Feeder | None = None
        if background and can_fork():
            context = multiprocessing.get_context("fork")
            connection, child_end = context.Pipe(duplex=True)
            self.connection = connection
            self.process = context.Process(target=self._child, args=(child_end,), daemon=True)
            with warnings.catch_warnings():  # Python 3.12 warns of fork beside threads: see the module's doc
                warnings.simplefilter("ignore", DeprecationWarning)
                self.process.start()
            child_end.close()
            self.feeder = _Feeder(connection)
            self.stop = weakref.finalize(self, _stop, self.process, connection, self.feeder)

    def send(self, message: Any) -> None:
        """Hands ``message`` on and returns at once: a thread sends it through the pipe, so that the build goes on
        reading while the child is behind (it analyses the articles before it, the pipe is full). The message is
        pickled there, later: it must not change once sent (the search's are frozen dataclasses)."""
        if self.feeder is None:
            self.sent.append(message)
        else:
            self.feeder.put(message)

    def _child(self, connection: Connection) -> None:
        assert self.connection is not None  # a child is only forked beside a pipe
        self.connection.close()  # the parent's end, inherited: without this, the child never sees the parent go
        # Daemonic to the parent, which stops it when it exits; to itself not, so that the task may start a pool of
        # processes (readahead.py), which multiprocessing refuses a daemonic process. The pool ends with the task.
        multiprocessing.current_process().daemon = False
        outbox = _Outbox(connection)
        logging.getLogger().handlers = [_ToParent(outbox)]
        for logger in logging.Logger.manager.loggerDict.values():
            if isinstance(logger, logging.Logger):
                logger.handlers = []  # records reach the root's handler, which passes them on
                logger.propagate = True

        def received() -> Iterator[Any]:
            while True:
                message = connection.recv()
                if message == END:
                    outbox.release()
                    return
                yield message

        try:
            result = self.task(Inbox(received(), outbox), lambda *message: outbox.say(("message", message)))
            outbox.release()
            connection.send(("done", result))
        except BaseException as error:  # noqa: BLE001 - the parent fails the build with it
            if not outbox.holding:  # else the parent may be sending still: say only this, and briefly
                outbox.release()
            connection.send(("error", f"{type(error).__name__}: {error}\n{traceback.format_exc()[-4000:]}"))
        finally:
            connection.close()

    def wait(self, on_message: Callable[[tuple[Any, ...]], object]) -> Any:
        if self.process is None or self.connection is None:
            return self.task(Inbox(self.sent), lambda *message: on_message(message))
        assert self.feeder is not None  # made with the process
        self.send(END)
        try:
            failure = self.feeder.finish()
            if failure is not None and not isinstance(failure, OSError):  # an OSError: the child stopped (it says why)
                raise RuntimeError(f"search indexing could not be given what the build read: {failure!r}") from failure
            while True:
                try:
                    kind, value = self.connection.recv()
                except EOFError:
                    self.process.join()
                    raise RuntimeError(
                        f"search indexing stopped without a word (exit code {self.process.exitcode})"
                    ) from None
                if kind == "message":
                    on_message(value)
                elif kind == "log":  # logged again here, as if here: Pelican's filters and --fatal apply
                    logging.getLogger(value["name"]).log(value["levelno"], value["msg"])
                elif kind == "done":
                    return value
                else:
                    raise RuntimeError(f"search indexing failed in its background process:\n{value}")
        finally:
            self.stop()


class _Feeder:
    """The parent's side of the pipe, sending: what the build sends goes out on a thread of its own (started with
    the first message, after every fork of the build's start), so that the build never waits for the child to take
    it. It holds no reference to the Job, which is collected when given up on."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.outgoing: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.thread: threading.Thread | None = None
        self.failure: BaseException | None = None  # what stopped the sending: the child gone, or a message
        self.dropping = threading.Event()  # the job was given up on: what is left is not sent

    def put(self, message: Any) -> None:
        if self.failure is not None:
            return
        if self.thread is None:
            self.thread = threading.Thread(target=self._send_all, name="search-feed", daemon=True)
            self.thread.start()
        self.outgoing.put(message)

    def _send_all(self) -> None:
        while (message := self.outgoing.get()) is not None and not self.dropping.is_set():
            try:
                self.connection.send(message)
            except BaseException as error:  # noqa: BLE001 - kept for wait(): lost in a thread, the build would hang
                self.failure = error
                return

    def finish(self) -> BaseException | None:
        """Once everything is sent (or the sending failed): what failed it, if anything."""
        self.outgoing.put(None)
        if self.thread is not None:
            self.thread.join()
        return self.failure

    def drop(self, process: BaseProcess) -> None:
        """Stops the sending; a child that takes nothing more is stopped, so that a send under way ends."""
        self.dropping.set()
        self.outgoing.put(None)
        if self.thread is not None:
            self.thread.join(timeout=5)
            if self.thread.is_alive():
                process.terminate()
                self.thread.join()


def _stop(process: BaseProcess, connection: Connection, feeder: _Feeder) -> None:
    """Ends the sending, closes the parent's end (no send under way then) and lets the child finish, or stops it if
    it does not (it was given up on)."""
    feeder.drop(process)
    connection.close()
    process.join(timeout=5)
    if process.is_alive():
        process.terminate()
        process.join()
