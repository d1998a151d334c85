"""measure/timeline.py: each process of a command's tree, its share of a core each second and its CPU in all."""

import re
import subprocess
import sys

from tools.build import ROOT

BUSY_CHILD = (
    "import subprocess, sys; "
    "subprocess.run([sys.executable, '-c', 'import time\\nt = time.time()\\nwhile time.time() - t < 2.5: pass'])"
)


def test_a_process_the_command_starts_is_seen_and_its_cpu_counted(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "measure.timeline",
            "--log",
            str(tmp_path / "log"),
            "--",
            sys.executable,
            "-c",
            BUSY_CHILD,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    seconds = [line for line in result.stdout.splitlines() if re.fullmatch(r"\s*\d+( \d+:\d+)*", line)]
    assert len(seconds) >= 2 and any(" 1:" in line for line in seconds)  # the child, numbered after the command
    cpu = dict(re.findall(r"(\d+): ([\d.]+)", result.stdout.splitlines()[-1]))
    assert float(cpu["1"]) > 0.3 and "exit code 0" in result.stdout
