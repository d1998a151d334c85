"""Processes a build starts to work beside it (reading Markdown ahead, making thumbnails): one way to start them.
The citations' process (citeworker.py, started from the command line) yields as much.

Forked where there is fork: a spawned process would run the caller's main module again, which a script without
``if __name__ == "__main__"`` does not survive. Each yields to the build (NICE): it takes what the cores leave, while
the build and the search's PDF readers and indexing, which the build waits for sooner, go first. Each is silent: a
thread of the build (rich's status line) may hold the console's lock at the fork, so a process that logged could
wait for it for ever; what fails in one is raised in the build, by the future that carries it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

NICE = 10  # how much nicer than the build: at 10, a process gets about a tenth of a core the build wants


def forked_pool(
    count: int, initializer: Callable[..., object] | None = None, initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor:
    """``count`` processes, each started nicer and silent, then with ``initializer(*initargs)``."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    return ProcessPoolExecutor(count, mp_context=context, initializer=_started, initargs=(initializer, initargs))


def _started(initializer: Callable[..., object] | None, initargs: tuple[Any, ...]) -> None:
    os.nice(NICE)
    logging.disable(logging.CRITICAL)
    if initializer is not None:
        initializer(*initargs)
