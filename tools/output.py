"""Putting a finished site or file in place in one step: a reader of output/ sees the old site or the new one,
never part of either, and a failed or killed run leaves the old one whole.

A folder cannot replace a non-empty folder with one rename(2), so ``output/`` is a symbolic link to a sibling
folder (``.output-<random>/``): a build writes a new sibling and, only when it has succeeded, points the link at
it with one ``os.replace`` (rename(2) of a new link over the old one, which is atomic). The folder the link pointed
at is then removed. A file (the offline bundle) is written beside its target and renamed over it.

Whatever an interrupted run left (staging folders, half-written files, links being made) is named
``.<target>-<random>`` beside the target, and the next run removes it. A lock file beside the target keeps two runs
from swapping at once.
"""

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator


def _parts(target: str) -> tuple[str, str, str]:
    parent, name = os.path.split(os.path.abspath(target))
    return parent, name, f".{name}-"


@contextlib.contextmanager
def locked(target: str) -> Iterator[None]:
    """Held while a run prepares and swaps ``target``: one run at a time."""
    parent, name, _prefix = _parts(target)
    os.makedirs(parent, exist_ok=True)
    with open(os.path.join(parent, f".{name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def remove_leftovers(target: str) -> list[str]:
    """Remove what earlier runs left beside ``target`` (not what it points at now); returns their names."""
    parent, _name, prefix = _parts(target)
    current = os.path.basename(os.readlink(target)) if os.path.islink(target) else None  # a sibling's name
    removed: list[str] = []
    for entry in sorted(os.listdir(parent)):
        path = os.path.join(parent, entry)
        if not entry.startswith(prefix) or entry == current:
            continue
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.remove(path)
        removed.append(entry)
    return removed


@contextlib.contextmanager
def replacing_folder(target: str) -> Iterator[str]:
    """A new, empty folder beside ``target``; when the block ends without an error it becomes ``target`` in one
    step, and the old site is removed. On an error (or Ctrl-C) the new folder is removed and ``target`` is untouched.
    """
    parent, _name, prefix = _parts(target)
    with locked(target):
        remove_leftovers(target)
        new = tempfile.mkdtemp(prefix=prefix, dir=parent)
        try:
            yield new
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        os.chmod(new, 0o755)  # mkdtemp makes it private; a web server must read it
        _point(target, new)
        remove_leftovers(target)  # the old site among them


def _point(target: str, folder: str) -> None:
    """Make ``target`` a link to ``folder`` (a sibling) in one rename; a real folder there is exchanged for it."""
    parent, _name, prefix = _parts(target)
    link = tempfile.mktemp(prefix=prefix + "link-", dir=parent)  # a name for os.symlink, used at once
    os.symlink(os.path.basename(folder), link)
    if os.path.isdir(target) and not os.path.islink(target):
        # An output/ folder from before this scheme: swap it with the link in one step where Linux can
        # (renameat2 RENAME_EXCHANGE); the old folder, now under the link's name, is removed with the leftovers.
        if not _exchange(link, target):
            os.replace(target, tempfile.mktemp(prefix=prefix + "old-", dir=parent))
            os.replace(link, target)
        return
    os.replace(link, target)


def _exchange(a: str, b: str) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        at_fdcwd, rename_exchange = -100, 2
        return libc.renameat2(at_fdcwd, a.encode(), at_fdcwd, b.encode(), rename_exchange) == 0
    except (AttributeError, OSError):
        return False


@contextlib.contextmanager
def replacing_file(target: str) -> Iterator[str]:
    """A path beside ``target`` to write; when the block ends without an error it is renamed over ``target``."""
    parent, _name, prefix = _parts(target)
    with locked(target):
        remove_leftovers(target)
        handle, path = tempfile.mkstemp(prefix=prefix, dir=parent)
        os.close(handle)
        try:
            yield path
        except BaseException:
            os.remove(path)
            raise
        os.chmod(path, 0o644)
        os.replace(path, target)


def remove(target: str) -> None:
    """Remove ``target`` (a link and the folder it points at, or a folder) and what runs left beside it."""
    if not os.path.lexists(target):
        return
    with locked(target):
        if os.path.islink(target):
            folder = os.path.realpath(target)
            os.remove(target)
            shutil.rmtree(folder, ignore_errors=True)
        else:
            shutil.rmtree(target)
        remove_leftovers(target)
