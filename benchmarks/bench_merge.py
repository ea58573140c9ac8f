"""``merge`` of 300 ledgers × 100 measures against reading the same files with bare
python-calamine in one process (CLI.md §4: target ≤ 2× that time, ≤ 1 GB).

    python benchmarks/bench_merge.py [--units 300] [--measures 100] [--runs 3] [--jobs N]

Both run as fresh processes, after a warm-up run (files in the page cache for both); the
median of ``--runs`` is taken. Peak memory is the largest sum of the resident sizes of the
process and its children (merge's worker processes), sampled every 20 ms from /proc, so it
is Linux-only (elsewhere only the times are printed). The ledgers come from
``generate.generate_ledger`` (one seed per unit) and are kept in benchmarks/out/. The units
are named by file (``--unit-from file``): the generated ledgers all carry the same 单位名称.
Exit code 0 always: benchmarks report, they do not fail CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import AS_OF, GENERATOR_VERSION, OUT_DIR, generate_ledger  # noqa: E402

BARE_READ = """
import sys, pathlib, python_calamine as pc
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.xlsx")):
    wb = pc.CalamineWorkbook.from_path(str(p))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()
"""

# What merge does per file (read + validate + stats), in one process and without writing: the
# floor the parallel merge divides by the number of workers.
READ_AND_VALIDATE = """
import sys, pathlib, datetime as dt
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.schema import validate
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.xlsx")):
    validate(load_ledger(p), today=dt.date.fromisoformat(sys.argv[2]))
"""


def ledgers(units: int, measures: int) -> Path:
    folder = OUT_DIR / f"merge_v{GENERATOR_VERSION}_{units}x{measures}"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(units):
        path = folder / f"单位{i + 1:03d}.xlsx"
        if not path.exists():
            generate_ledger(path, measures, seed=1000 + i)
    return folder


def _tree_rss_kb(pid: int) -> int:
    """Resident size of ``pid`` and all its descendants, in kB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        p = int(entry)
        children.setdefault(int(fields[1]), []).append(p)  # ppid
        rss[p] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def run(cmd: list[str]) -> tuple[float, float | None]:
    """(seconds, peak MB of the process tree or None) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    linux = os.path.isdir("/proc/self")
    while proc.poll() is None:
        if linux:
            peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()}")
    return seconds, (peak / 1024 if linux else None)


def median_run(cmd: list[str], runs: int) -> tuple[float, float | None]:
    run(cmd)  # warm-up
    results = [run(cmd) for _ in range(runs)]
    peaks = [p for _, p in results if p is not None]
    return statistics.median(t for t, _ in results), (max(peaks) if peaks else None)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--measures", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="merge --jobs (default: CPUs)")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time reading + validating every file in one process (what merge parallelises)",
    )
    args = parser.parse_args(argv)
    folder = ledgers(args.units, args.measures)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "汇总台账.xlsx"
        merge = [sys.executable, "-m", "ledger_tools", "merge", str(folder), "-o", str(out)]
        merge += ["--today", AS_OF.isoformat(), "--unit-from", "file", "--force"]
        if args.jobs:
            merge += ["--jobs", str(args.jobs)]
        bare_t, bare_m = median_run([sys.executable, "-c", BARE_READ, str(folder)], args.runs)
        merge_t, merge_m = median_run(merge, args.runs)
        if args.breakdown:
            floor = [sys.executable, "-c", READ_AND_VALIDATE, str(folder), AS_OF.isoformat()]
            floor_t, floor_m = median_run(floor, args.runs)
    ratio = merge_t / bare_t
    cpus = os.cpu_count()
    print(
        f"| what ({args.units} ledgers × {args.measures} measures, {cpus} CPUs) | time | peak memory |"
    )
    print("|---|---|---|")
    print(f"| bare python-calamine read, one process | {bare_t:.2f} s | {_mb(bare_m)} |")
    if args.breakdown:
        print(
            f"| load_ledger + validate of every file, one process, no output "
            f"| {floor_t:.2f} s ({floor_t / bare_t:.1f}×) | {_mb(floor_m)} |"
        )
    print(f"| `ledger-tools merge` | {merge_t:.2f} s | {_mb(merge_m)} |")
    print(
        f"| ratio (target ≤ 2×, ≤ 1 GB) | {ratio:.1f}× {'✅' if ratio <= 2 else '❌'} | "
        f"{'✅' if merge_m is not None and merge_m <= 1024 else '❌' if merge_m else '—'} |"
    )


def _mb(mb: float | None) -> str:
    return f"{mb:.0f} MB" if mb is not None else "—"


if __name__ == "__main__":
    main()
