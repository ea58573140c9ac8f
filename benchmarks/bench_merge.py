"""``merge`` of 300 ledgers × 100 measures against reading the same files with bare
python-calamine in one process (benchmarks/README.md: target ≤ 2× that time, ≤ 1 GB).

    python benchmarks/bench_merge.py [--units 300] [--measures 100] [--runs 3] [--jobs N]
                                     [--breakdown] [--phases]

Both run as fresh processes, after a warm-up run (files in the page cache for both); the
median of ``--runs`` is taken. Besides the wall-clock time, the CPU time of the process and
of its children (user + system, from ``wait4``) is printed: on a machine shared with other
work the wall-clock time grows with the load, the CPU time much less. Peak memory is the
largest sum of the resident sizes of the process and its children (merge's worker
processes), sampled every 20 ms from /proc, so it is Linux-only (elsewhere only the times
are printed). The ledgers come from ``generate.generate_ledger`` (one seed per unit) and are
kept in benchmarks/out/. The units are named by file (``--unit-from file``): the generated
ledgers all carry the same 单位名称. ``--phases`` prints where merge's time goes: each
phase of reading one unit (ms per file, in one process), a worker's start-up, and writing the
汇总台账. Exit code 0 always: benchmarks report, they do not fail CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import AS_OF, GENERATOR_KEY, OUT_DIR, generate_ledger  # noqa: E402

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
    folder = OUT_DIR / f"merge_v{GENERATOR_KEY}_{units}x{measures}"
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


@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float | None  # user + system of the process and its children (None: no wait4)
    peak_mb: float | None  # of the process tree (None: no /proc)


def run(cmd: list[str]) -> Run:
    """One fresh process: its times and the peak memory of its process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    linux = os.path.isdir("/proc/self")
    cpu = None
    while True:
        if hasattr(os, "wait4"):
            # wait4's usage of the finished child includes its own waited-for children
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
                break
        elif proc.poll() is not None:
            break
        if linux:
            peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode()}")
    return Run(seconds, cpu, peak / 1024 if linux else None)


def median_run(cmd: list[str], runs: int) -> Run:
    run(cmd)  # warm-up
    results = [run(cmd) for _ in range(runs)]
    peaks = [r.peak_mb for r in results if r.peak_mb is not None]
    cpus = [r.cpu for r in results if r.cpu is not None]
    return Run(
        statistics.median(r.seconds for r in results),
        statistics.median(cpus) if cpus else None,
        max(peaks) if peaks else None,
    )


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
    parser.add_argument(
        "--phases", action="store_true", help="also print where merge's time goes, phase by phase"
    )
    args = parser.parse_args(argv)
    folder = ledgers(args.units, args.measures)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "汇总台账.xlsx"
        merge = [sys.executable, "-m", "ledger_tools", "merge", str(folder), "-o", str(out)]
        merge += ["--today", AS_OF.isoformat(), "--unit-from", "file", "--force"]
        if args.jobs:
            merge += ["--jobs", str(args.jobs)]
        bare = median_run([sys.executable, "-c", BARE_READ, str(folder)], args.runs)
        merged = median_run(merge, args.runs)
        if args.breakdown:
            floor = [sys.executable, "-c", READ_AND_VALIDATE, str(folder), AS_OF.isoformat()]
            alone = median_run(floor, args.runs)
    cpus = os.cpu_count()
    print(
        f"| what ({args.units} ledgers × {args.measures} measures, {cpus} CPUs) "
        "| time | CPU time | peak memory |"
    )
    print("|---|---|---|---|")
    print(f"| bare python-calamine read, one process | {_row(bare, bare)} |")
    if args.breakdown:
        print(
            f"| load_ledger + validate of every file, one process, no output | {_row(alone, bare)} |"
        )
    print(f"| `ledger-tools merge` | {_row(merged, bare)} |")
    ratio = merged.seconds / bare.seconds
    memory = merged.peak_mb
    print(
        f"| ratio (target ≤ 2×, ≤ 1 GB) | {ratio:.1f}× {'✅' if ratio <= 2 else '❌'} | "
        f"{_ratio(merged.cpu, bare.cpu)} | "
        f"{'✅' if memory is not None and memory <= 1024 else '❌' if memory else '—'} |"
    )
    if args.phases:
        print()
        for line in phases(folder, jobs=args.jobs):
            print(line)


def phases(folder: Path, jobs: int | None = None, sample: int = 60) -> list[str]:
    """Where merge's time goes: each phase of reading one unit (ms per file, the median over
    ``sample`` files after one warm-up file, in this process), the start-up of a worker
    process, reading every file with the pool, and writing the 汇总台账 (seconds)."""
    import datetime as dt
    import pickle
    from collections import defaultdict

    import python_calamine as pc

    sys.path.insert(0, str(ROOT))
    from ledger_tools.ledger.normalise import ledger_from_rawbook
    from ledger_tools.ledger.reading import read_workbook
    from ledger_tools.ledger.schema import validate, validate_many
    from ledger_tools.upward import merge as M
    from ledger_tools.upward.merge_xlsx import render_unit

    today = dt.date.fromisoformat(AS_OF.isoformat())
    ms: dict[str, list[tuple[float, float]]] = defaultdict(list)
    files = sorted(folder.rglob("*.xlsx"))[: sample + 1]
    ledgers: list[Any] = []
    for i, path in enumerate(files):
        lap = _Laps()
        book = pc.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
        lap("bare python-calamine: open + every sheet (the baseline)")
        raw = read_workbook(path)
        lap("read_workbook: zip directory, workbook.xml, part sizes")
        for name in list(raw.sheets):
            raw.sheets[name]
            lap(f"sheet {name}: calamine + XML scan → RawSheet")
        ledger = ledger_from_rawbook(raw)
        lap("ledger_from_rawbook (sheets already read)")
        report = validate(ledger, today=today)
        lap(ALONE)
        if i:
            ledgers.append(ledger)
        unit = M.unit_of(str(path), ledger, report, "file", M.Keep(rows=False, xml=False))
        lap("merge: the unit's 全部措施 columns and findings")
        unit.xml = render_unit(unit, M._measure_columns(M._row_measures(ledger.measures)))
        lap("merge: its rows of 全部措施 and 校验问题 rendered as sheet XML (in the worker)")
        pickle.loads(pickle.dumps(unit))
        lap("pickling the unit (figures, findings, rendered rows) to the parent and back")
        if i:  # the first file warms the caches
            for name, v in lap.laps:
                ms[name].append(v)
    # merge's workers validate a task's ledgers together (schema.validate_many)
    lap = _Laps()
    for k in range(0, len(ledgers), M.CHUNK):
        validate_many(ledgers[k : k + M.CHUNK], today)
    lap("")
    (_, (wall, cpu)) = lap.laps[0]
    per_file = (wall / len(ledgers), cpu / len(ledgers))
    ms = {
        (f"validate_many, {M.CHUNK} ledgers a batch as in merge's workers" if k == ALONE else k): (
            [per_file] if k == ALONE else v
        )
        for k, v in ms.items()
    }
    lines = [
        f"| phase of one unit ({len(files) - 1} files, one process) | ms per file | CPU ms |",
        "|---|---|---|",
    ]
    total = total_cpu = 0.0
    for name, values in ms.items():
        v = statistics.median(w for w, _ in values)
        c = statistics.median(c for _, c in values)
        if not name.startswith("bare"):
            total, total_cpu = total + v, total_cpu + c
        lines.append(f"| {name} | {v:.2f} | {c:.2f} |")
    lines.append(f"| sum of merge's phases | {total:.2f} | {total_cpu:.2f} |")
    start = "import ledger_tools.upward.merge, ledger_tools.ledger.normalise, ledger_tools.ledger.schema"
    worker = run([sys.executable, "-c", start + ", polars"])
    empty = run([sys.executable, "-c", "pass"])
    t = time.perf_counter()
    merge = M.merge_ledgers([folder], today, "file", jobs, keep=M.Keep(rows=False))
    read_s = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t, cpu = time.perf_counter(), _cpu()
        M.merge_workbook(merge, Path(tmp) / "汇总台账.xlsx")
        write_s, write_cpu = time.perf_counter() - t, _cpu() - cpu
    lines += [
        "",
        "| phase of the whole merge | seconds | CPU seconds |",
        "|---|---|---|",
        f"| a worker's imports (polars, the reader and validator), beyond `python -c pass` "
        f"| {worker.seconds - empty.seconds:.2f} | {_minus(worker.cpu, empty.cpu)} |",
        f"| reading all {len(merge.units) + len(merge.failed)} files with the pool "
        f"| {read_s:.2f} | — (the workers are the forkserver's) |",
        f"| writing the 汇总台账 ({sum(len(u.xml.measures) for u in merge.units):,} rows of "
        f"全部措施, {sum(len(u.findings) for u in merge.units):,} of 校验问题, rendered by "
        f"the workers) | {write_s:.2f} | {write_cpu:.2f} |",
    ]
    return lines


def _cpu() -> float:
    """CPU seconds (user + system) of this process."""
    t = os.times()
    return t.user + t.system


def _minus(a: float | None, b: float | None) -> str:
    return f"{a - b:.2f}" if a is not None and b is not None else "—"


ALONE = "validate (rules, findings, stats), one ledger alone"


class _Laps:
    """lap(name) records the milliseconds since the previous lap under ``name``: wall clock
    and CPU time of this process (on a shared machine the wall clock grows with the load)."""

    def __init__(self) -> None:
        self.t, self.cpu = time.perf_counter(), time.process_time()
        self.laps: list[tuple[str, tuple[float, float]]] = []

    def __call__(self, name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        self.laps.append((name, ((now - self.t) * 1000, (cpu - self.cpu) * 1000)))
        self.t, self.cpu = now, cpu


def _row(r: Run, bare: Run) -> str:
    ratio = f" ({r.seconds / bare.seconds:.1f}×)" if r is not bare else ""
    cpu = (
        f"{r.cpu:.2f} s{f' ({_ratio(r.cpu, bare.cpu)})' if r is not bare else ''}" if r.cpu else "—"
    )
    return f"{r.seconds:.2f} s{ratio} | {cpu} | {_mb(r.peak_mb)}"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.1f}×" if a and b else "—"


def _mb(mb: float | None) -> str:
    return f"{mb:.0f} MB" if mb is not None else "—"


if __name__ == "__main__":
    main()
