"""Peak memory of a process and every process under it, summed: what a build costs the machine, forked workers and
Chromium included, where the kernel's maxrss gives the largest single process only. Part of `invoke bench`.

A thread samples /proc every INTERVAL seconds while the build runs: each process's parent from /proc/PID/stat,
then the resident set (VmRSS, /proc/PID/status) of the build's tree; and, at the first sample at least PSS_INTERVAL
seconds after the last reading once that sum has reached a new high, the proportional set (Pss,
/proc/PID/smaps_rollup: shared pages divided among the processes sharing them, so a fork's pages are not counted
twice). The proportional peak is then a lower bound: what the tree held up to PSS_INTERVAL after its resident peak.

The proportional set is read seldom because reading it costs the build being measured: the kernel walks every page
table of the tree. Over the 10,000-article build (1.7 GB summed) a reading took 36 ms of a core (2 ms for the
resident set); taken every 0.2 s, it slowed that build from 33.7 to 38.1 s.
"""

from __future__ import annotations

import os
import threading
import time

INTERVAL = 0.2  # seconds: short next to any build, long next to a sample of the resident sets (a few ms)
PSS_INTERVAL = 2.0  # seconds, at least, between two readings of the proportional sets (tens of ms each)


def parents() -> dict[int, int]:
    """{pid: parent pid} of every process now running."""
    found: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:  # gone between the listing and the read
            continue
        found[int(name)] = int(stat.rpartition(")")[2].split()[1])  # the name may hold spaces and parentheses
    return found


def tree(root: int) -> list[int]:
    """``root`` and all its descendants now running."""
    children: dict[int, list[int]] = {}
    for pid, parent in parents().items():
        children.setdefault(parent, []).append(pid)
    found: list[int] = []
    todo = [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def field_kb(path: str, name: str) -> int:
    """The ``name:`` line of a /proc file, in kB; 0 when the process is gone or a zombie."""
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(name):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class PeakMemory:
    """``with PeakMemory(pid) as peak:`` … ``peak.rss_kb``, ``peak.pss_kb``, ``peak.processes``: the largest sums
    seen over the tree of ``pid`` while the block ran (and the most processes at once); the proportional one is
    read seldom (PSS_INTERVAL), so it is a lower bound of its peak."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.rss_kb = self.pss_kb = self.processes = 0
        self._pss_read_at = float("-inf")  # time.monotonic() of the last reading of the proportional sets
        self._pss_due = True  # the resident sets reached a new high since that reading
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def sample(self) -> None:
        pids = tree(self.pid)
        rss_kb = sum(field_kb(f"/proc/{pid}/status", "VmRSS:") for pid in pids)
        self._pss_due = self._pss_due or rss_kb > self.rss_kb
        self.rss_kb = max(self.rss_kb, rss_kb)
        now = time.monotonic()
        if self._pss_due and now - self._pss_read_at >= PSS_INTERVAL:
            self.pss_kb = max(self.pss_kb, sum(field_kb(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in pids))
            self._pss_read_at = now
            self._pss_due = False
        self.processes = max(self.processes, len(pids))

    def _sample_until_stopped(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(INTERVAL)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
