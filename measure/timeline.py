"""Where a build's cores go, second by second: each process of its tree, the share of a core it took in each second.

    .venv/bin/python -m measure.timeline -- .venv/bin/pelican CONTENT -s pelicanconf.py -o OUT --cache-path CACHE

prints a line a second (``12 0:97 3:41 5:58``: in the 12th second, the build's own process took 97% of a core,
the fourth process it started 41%...), then each process's CPU seconds, numbered in the order they were first seen.
What it showed is in docs/benchmarks.md: a core idle while one process still works is the time a build can lose.
The command's own output goes to a file beside (``--log``), not between the lines.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time

from .proctree import tree

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU of a process so far; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (the 14th and 15th of stat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log", default="timeline.log", help="where the command's own output goes")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    options = parser.parse_args()
    command = options.command[1:] if options.command[:1] == ["--"] else options.command
    started = time.perf_counter()
    with open(options.log, "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        numbers: dict[int, int] = {}  # pid -> its number, in the order first seen
        seen: dict[int, float] = {}  # pid -> its CPU seconds at the last sample
        second = 0
        while process.poll() is None:
            time.sleep(1)
            second += 1
            shares = []
            for pid in tree(process.pid):
                now = cpu_seconds(pid)
                if now is None:
                    continue
                number = numbers.setdefault(pid, len(numbers))
                took = now - seen.get(pid, 0.0)
                seen[pid] = now
                if took >= 0.05:
                    shares.append(f"{number}:{round(100 * took)}")
            print(f"{second:4d} " + " ".join(shares), flush=True)
    print(f"wall {time.perf_counter() - started:.1f} s, exit code {process.returncode}")
    print("CPU seconds: " + ", ".join(f"{numbers[pid]}: {cpu:.1f}" for pid, cpu in seen.items()))


if __name__ == "__main__":
    main()
