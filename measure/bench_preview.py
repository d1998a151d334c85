"""The preview's memory over many rebuilds, as `make serve` runs them: part of `invoke bench` (bench.py).

In a process of its own: the preview's Pelican, its content cache, one article changed before each rebuild (as an
editor saving it), the process's resident memory after each. Run as ``python -m measure.bench_preview CONTENT WORK N``
it prints one JSON list of MB.
"""

import contextlib
import gc
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence

BOUND_MB = 10  # the preview may grow by at most this much from its 10th rebuild to its last


def resident_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def edited(path: str, n: int) -> None:
    """The article at ``path`` with its last line changed, as an editor's save would."""
    with open(path, encoding="utf-8") as f:
        text = f.read().rstrip("\n").rsplit("\n", 1)[0]
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{text}\nSaved {n} times.\n")


def rebuild_loop(content: str, work: str, rebuilds: int) -> list[float]:
    from tools.preview import preview_settings, rebuilder

    settings = preview_settings(cache=os.path.join(work, "cache"), PATH=content, OUTPUT_PATH=os.path.join(work, "out"))
    rebuild = rebuilder(settings)
    article = next(
        os.path.join(folder, name)
        for folder, _dirs, names in sorted(os.walk(content))
        for name in sorted(names)
        if name.endswith(".md")
    )
    sizes: list[float] = []
    for n in range(rebuilds):
        edited(article, n)
        with contextlib.redirect_stdout(io.StringIO()):
            if not rebuild():
                raise SystemExit("bench: a preview rebuild failed")
        gc.collect()
        sizes.append(resident_mb())
    return sizes


def measure(content: str, work: str, rebuilds: int) -> list[float]:
    """[MB after each rebuild] of a preview session over a copy of ``content`` (in ``work``)."""
    import shutil

    copy = os.path.join(work, "preview-content")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(content, copy)
    command = [sys.executable, "-m", "measure.bench_preview", copy, work, str(rebuilds)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(sizes: Sequence[float], say: Callable[[str], object] = print) -> bool:
    """Lines for the benchmark: memory after the first, the 10th and the last rebuild, the growth, PASS/MISS."""
    settled = sizes[min(9, len(sizes) - 1)]
    growth = sizes[-1] - settled
    say(f"\nPreview memory over {len(sizes)} rebuilds (make serve; one article saved before each rebuild)")
    say(
        f"  resident MB after rebuild 1: {sizes[0]:.1f}, 10: {settled:.1f}, {len(sizes)}: {sizes[-1]:.1f}; "
        f"max {max(sizes):.1f}"
    )
    verdict = "PASS" if growth <= BOUND_MB else "MISS"
    say(f"  grows ≤ {BOUND_MB} MB from rebuild 10 to the last: {growth:+.1f} MB  {verdict}")
    return growth <= BOUND_MB


if __name__ == "__main__":
    content, work, rebuilds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps(rebuild_loop(content, work, rebuilds)))
