"""How long `ledger-tools web` takes from start until the page answers (median of 5 runs).

python benchmarks/web_start.py
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def once() -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ledger_tools", "web", "--port", "0", "--no-browser"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = re.search(r"http://\S+", proc.stdout.readline()).group(0)
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as res:
                    res.read()
                return time.perf_counter() - start
            except OSError:
                time.sleep(0.01)
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    runs = [once() for _ in range(5)]
    print(
        f"ledger-tools web: page answers {statistics.median(runs):.2f} s after start (median of 5)"
    )
