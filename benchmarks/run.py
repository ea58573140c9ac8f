"""Measure every row of issue 10's table (and issue 12's merge row) against its target, in one
run, and print them as a Markdown table.

Every figure is a ratio to a baseline measured in the same run (these machines are noisy;
absolute times alone mean little). Each command runs in a fresh process; after a warm-up run
(so the file is in the page cache for ours and the baseline alike) the median of N runs is
taken, with hyperfine when it is installed and ``time.perf_counter`` otherwise. Peak memory is
the child's ``ru_maxrss`` from ``os.wait4`` (merge: the sum over its worker processes, sampled
by ``bench_merge.py``). The floor of ``check`` is a bare
``polars.read_excel(F, engine="calamine", sheet_name="整改台账", infer_schema_length=None)``.

    python benchmarks/run.py [--quick] [--only NAME ...] [--runs N] [--markdown FILE]

Names for ``--only``: help, check1k, check100k, check200k, pandas, mark, plan, report, pdf,
merge. The code measured is this repository's (``PYTHONPATH`` is set for every child), never an
installed copy. Exit code 0 always: benchmarks report, they do not fail CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import bench_merge  # noqa: E402
from generate import AS_OF  # noqa: E402

from ledger_tools.ledger.columns import SHEET_LEDGER  # noqa: E402

PY = sys.executable
# Children run this repository's code (an installed copy of ledger-tools would otherwise win
# outside the repository root) and may write and use .pyc files, as in any pip install (some
# sandboxes set PYTHONDONTWRITEBYTECODE, which would make every start-up recompile).
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
)
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
FAST_RUNS = 20  # samples for commands that take under half a second
SLOW_SECONDS = 30  # a warm-up slower than this: at most 3 runs
HARD_LIMIT = 1800  # seconds: a command still running is stopped (a benchmark never hangs)
NAMES = (
    "help",
    "check1k",
    "check100k",
    "check200k",
    "pandas",
    "mark",
    "plan",
    "report",
    "pdf",
    "merge",
)
DOC_SIZES = (20_000, 40_000)  # plan/report: one doubling
PDF_SIZE = 10_000
MERGE_UNITS, MERGE_MEASURES = 300, 100

# Issue 10's targets (issue 12 for merge).
T_CHECK = 1.3  # check 100k/200k: time and memory, × the polars+calamine floor
T_PANDAS = 6.0  # check 100k: times faster than pandas+openpyxl
T_COLD = 1.5  # check 1k cold, × the floor
T_MARK = 1.5  # check --mark, × a plain check
T_DOUBLING = 2.05  # plan/report, per doubling of the ledger
T_PLAN_40K = 10.0  # seconds
T_REPORT_40K = 5.0  # seconds
T_MERGE = 2.0  # × bare python-calamine reading of the same files
T_MERGE_MB = 1024
T_HELP = 2.0  # ledger-tools --help, × python -c "import click"


# ---------------------------------------------------------------------------------------------
# Running commands.
@dataclass
class Timing:
    seconds: float  # median wall time
    runs: int
    rss_mb: float | None = None  # median peak resident set size
    spread: str = ""  # min–max, for the noise note
    cpu: str = ""  # CPU seconds of the process tree, where measured (merge)


@dataclass
class Unavailable(Exception):
    reason: str


@dataclass
class Outcome:
    """One run of a command whose result matters (the PDF row): code, time, last stderr line."""

    code: int
    seconds: float
    rss_mb: float
    stderr: str
    stopped: bool  # killed at the hard limit

    @property
    def message(self) -> str:
        """The last line of stderr: where the CLI's one-line Chinese message is."""
        return (self.stderr.strip().splitlines() or [""])[-1]


def run_once(cmd: list[str], limit: float = HARD_LIMIT) -> Outcome:
    """Run ``cmd`` in a fresh process (its own session, so the whole group can be stopped at
    ``limit`` seconds): exit code, wall seconds, peak RSS in MB, the last line of stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=err, env=CHILD_ENV, start_new_session=True
        )
        stopped = threading.Event()

        def stop() -> None:
            stopped.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

        timer = threading.Timer(limit, stop)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    # ru_maxrss is in KiB on Linux
    return Outcome(code, wall, usage.ru_maxrss / 1024, stderr, stopped.is_set())


@dataclass
class Runner:
    runs: int
    warmup: int
    use_hyperfine: bool
    fast_runs: int = FAST_RUNS
    log: Callable[[str], None] = field(default=lambda s: print(s, file=sys.stderr))
    measured: list[tuple[str, Timing]] = field(default_factory=list)  # for the notes

    def once(self, cmd: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
        """Run ``cmd`` once in a fresh process: (wall seconds, peak RSS in MB)."""
        out = run_once(cmd)
        if out.stopped:
            raise Unavailable(f"超过 {HARD_LIMIT} 秒仍未结束，已停止")
        if out.code not in ok:
            raise Unavailable(f"退出码 {out.code}：{out.message[:160]}")
        return out.seconds, out.rss_mb

    def time(
        self,
        cmd: list[str],
        ok: tuple[int, ...] = (0,),
        runs: int | None = None,
        prepare: Callable[[], None] | None = None,
        memory: bool = False,
        warmup: int | None = None,
    ) -> Timing:
        warm = []
        for _ in range(self.warmup if warmup is None else warmup):
            if prepare:  # the warm-up also checks that the command works at all
                prepare()
            warm.append(self.once(cmd, ok)[0])
        if runs is None:
            runs = self.runs
            if warm and max(warm) < 0.5:  # sub-second commands are noisy: more samples
                runs = max(runs, self.fast_runs)
            elif warm and min(warm) > SLOW_SECONDS:  # minutes per run: a median of three
                runs = min(runs, 3)
        self.log(f"  运行 {runs} 次：{shlex.join(cmd)[:140]}")
        timing = self._measure(cmd, ok, runs, prepare, memory)
        self.measured.append((shlex.join(cmd), timing))
        return timing

    def _measure(
        self,
        cmd: list[str],
        ok: tuple[int, ...],
        runs: int,
        prepare: Callable[[], None] | None,
        memory: bool,
    ) -> Timing:
        if self.use_hyperfine and prepare is None and runs > 1:
            timing = self._hyperfine(cmd, ok, runs)
            if memory:
                timing.rss_mb = statistics.median(
                    self.once(cmd, ok)[1] for _ in range(min(runs, 3))
                )
            return timing
        walls, rss = [], []
        for _ in range(runs):
            if prepare:
                prepare()
            wall, mem = self.once(cmd, ok)
            walls.append(wall)
            rss.append(mem)
        return Timing(
            statistics.median(walls),
            runs,
            statistics.median(rss) if memory else None,
            f"{min(walls):.3f}–{max(walls):.3f}",
        )

    def _hyperfine(self, cmd: list[str], ok: tuple[int, ...], runs: int) -> Timing:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "h.json"
            args = [
                "hyperfine",
                "-N",
                "--style",
                "none",
                "--runs",
                str(runs),
                "--export-json",
                str(out),
            ]
            if ok != (0,):
                args.append("--ignore-failure")  # check exits 1 when the ledger has errors
            subprocess.run([*args, shlex.join(cmd)], check=True, capture_output=True, env=CHILD_ENV)
            result = json.loads(out.read_text())["results"][0]
        codes = set(result.get("exit_codes") or [0])
        if not codes <= set(ok):
            raise Unavailable(f"退出码 {sorted(codes)}")
        return Timing(result["median"], runs, None, f"{result['min']:.3f}–{result['max']:.3f}")


def ledger_tools_cmd() -> list[str]:
    """The console script when installed (not a pyenv shim, whose bash start-up would be
    timed; with PYTHONPATH set it runs this repository's code), else ``python -m``."""
    script = Path(sysconfig.get_path("scripts")) / "ledger-tools"
    return [str(script)] if script.exists() else [PY, "-m", "ledger_tools"]


def command_help(lt: list[str], name: str) -> str | None:
    """``ledger-tools NAME --help`` text, or None when the command does not exist (yet)."""
    proc = subprocess.run([*lt, name, "--help"], capture_output=True, text=True, env=CHILD_ENV)
    return proc.stdout if proc.returncode == 0 else None


def in_child(call: str) -> Path:
    """The path returned by ``call`` (of generate.py or bench_merge.py), evaluated in a child
    process. Generating a ledger in this process would spoil every later memory figure: a
    child's ``ru_maxrss`` starts at its parent's peak (Linux keeps the high-water mark of the
    address space it replaces at exec), so this process must stay small."""
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r}); sys.path.insert(0, {str(ROOT)!r}); "
        f"from generate import cached_ledger; from bench_merge import ledgers; print({call})"
    )
    proc = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=CHILD_ENV)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or [""])[-1]
        raise Unavailable(f"生成台账失败：{last[:160]}")
    return Path(proc.stdout.strip().splitlines()[-1])


def own_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pdf_pages(pdf: Path) -> int | None:
    """Page count from poppler's pdfinfo, when installed."""
    if not shutil.which("pdfinfo"):
        return None
    proc = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    found = re.search(r"^Pages:\s+(\d+)", proc.stdout, re.M)
    return int(found.group(1)) if found else None


# ---------------------------------------------------------------------------------------------
# The table.
@dataclass
class Row:
    what: str
    ours: str = "—"
    baseline: str = "—"
    ratio: str = "—"
    target: str = ""
    verdict: str = "不可用"


def _s(t: Timing) -> str:
    return f"{t.seconds:.3f} s"


def _mb(mb: float | None) -> str:
    return f"{mb:.0f} MB" if mb is not None else "—"


def _pass(ok: bool) -> str:
    return "达标" if ok else "未达标"


def _n(n: int) -> str:
    return f"{n:,}"


FLOOR_CODE = (
    "import sys, polars; "
    f'polars.read_excel(sys.argv[1], engine="calamine", sheet_name="{SHEET_LEDGER}", '
    "infer_schema_length=None)"
)
FLOOR_LABEL = "polars+calamine 读取"


@dataclass
class Bench:
    runner: Runner
    big: int
    seed: int
    quick: bool
    lt: list[str] = field(default_factory=ledger_tools_cmd)
    rows: list[Row] = field(default_factory=list)
    checks: dict[int, Timing] = field(default_factory=dict)  # plain check, by size
    tmp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="ledger-bench-")))

    def ledger(self, measures: int) -> Path:
        self.runner.log(f"准备 {_n(measures)} 条措施的台账（首次生成需要一些时间）……")
        return in_child(f"cached_ledger({measures}, {self.seed})")

    def check_cmd(self, path: Path) -> list[str]:
        return [*self.lt, "check", str(path), "--today", AS_OF.isoformat()]

    def floor(self, path: Path, memory: bool = True) -> Timing:
        return self.runner.time([PY, "-c", FLOOR_CODE, str(path)], memory=memory)

    def plain_check(self, measures: int) -> Timing:
        """``check`` of the generated ledger, measured once per run and shared by the rows."""
        if measures not in self.checks:
            self.require("check")
            path = self.ledger(measures)
            self.checks[measures] = self.runner.time(self.check_cmd(path), ok=(0, 1), memory=True)
        return self.checks[measures]

    def require(self, command: str, *options: str) -> str:
        text = command_help(self.lt, command)
        if text is None:
            raise Unavailable(f"{command} 命令尚未实现")
        missing = [o for o in options if o not in text]
        if missing:
            raise Unavailable(f"{command} 尚无 {'/'.join(missing)} 选项")
        return text

    def guarded(self, row: Row, body: Callable[[Row], None]) -> None:
        """Run one measurement; a failure makes the row say why instead of stopping the run."""
        self.rows.append(row)
        try:
            body(row)
        except Unavailable as err:
            row.verdict = f"不可用（{err.reason}）"
        except Exception as err:  # noqa: BLE001 - a benchmark reports, it never crashes
            row.verdict = f"不可用（{type(err).__name__}: {err}）"

    # Rows ------------------------------------------------------------------------------------
    def bench_help(self) -> None:
        def body(row: Row) -> None:
            ours = self.runner.time([*self.lt, "--help"])
            base = self.runner.time([PY, "-c", "import click"])
            ratio = ours.seconds / base.seconds
            row.ours, row.baseline = _s(ours), f'`python -c "import click"` {_s(base)}'
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= T_HELP)

        self.guarded(Row("`ledger-tools --help`，冷启动", target=f"≤ {T_HELP:g}×"), body)

    def bench_check_small(self) -> None:
        def body(row: Row) -> None:
            ours = self.plain_check(1000)
            base = self.floor(self.ledger(1000), memory=False)
            ratio = ours.seconds / base.seconds
            row.ours, row.baseline = _s(ours), f"{FLOOR_LABEL}（冷启动）{_s(base)}"
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= T_COLD)

        self.guarded(Row("`check` 1,000 条，冷启动", target=f"≤ {T_COLD:g}× 下限"), body)

    def bench_check_big(self, measures: int) -> None:
        """Time and peak memory of ``check`` as ratios to the polars+calamine floor."""
        t_row = Row(f"`check` {_n(measures)} 条，耗时", target=f"≤ {T_CHECK:g}× 下限")
        m_row = Row(f"`check` {_n(measures)} 条，峰值内存", target=f"≤ {T_CHECK:g}× 下限")

        def body(row: Row) -> None:
            base = self.floor(self.ledger(measures))
            ours = self.plain_check(measures)
            ratio = ours.seconds / base.seconds
            row.ours, row.baseline = _s(ours), f"{FLOOR_LABEL} {_s(base)}"
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= T_CHECK)
            assert ours.rss_mb and base.rss_mb
            mem = ours.rss_mb / base.rss_mb
            m_row.ours, m_row.baseline = _mb(ours.rss_mb), f"{FLOOR_LABEL} {_mb(base.rss_mb)}"
            m_row.ratio, m_row.verdict = f"{mem:.2f}×", _pass(mem <= T_CHECK)

        self.guarded(t_row, body)
        self.rows.append(m_row)
        if m_row.ours == "—":
            m_row.verdict = t_row.verdict

    def bench_pandas(self) -> None:
        row = Row(
            f"`check` {_n(self.big)} 条，对比 pandas+openpyxl", target=f"快 ≥ {T_PANDAS:g} 倍"
        )
        if self.quick:
            row.verdict = "跳过（--quick）"
            self.rows.append(row)
            return

        def body(row: Row) -> None:
            ours = self.plain_check(self.big)
            path = self.ledger(self.big)
            script = HERE / "baseline_pandas_check.py"
            # Minutes per run: measured once; the file is already in the page cache from ours.
            cmd = [PY, str(script), str(path), "--today", AS_OF.isoformat()]
            base = self.runner.time(cmd, ok=(0, 1), runs=1, warmup=0)
            speedup = base.seconds / ours.seconds
            row.ours, row.baseline = _s(ours), f"pandas+openpyxl {_s(base)}（1 次）"
            row.ratio, row.verdict = f"快 {speedup:.1f} 倍", _pass(speedup >= T_PANDAS)

        self.guarded(row, body)

    def bench_mark(self) -> None:
        """``check --mark`` against a plain ``check`` of the same ledger, both measured here."""
        out = self.tmp / "校验结果.xlsx"

        def body(row: Row) -> None:
            self.require("check", "--mark")
            plain = self.plain_check(self.big)
            marked = self.runner.time(
                [*self.check_cmd(self.ledger(self.big)), "--mark", str(out)],
                ok=(0, 1),
                prepare=lambda: out.unlink(missing_ok=True),
                memory=True,
            )
            if not out.is_file():
                raise Unavailable("check --mark 没有生成标注副本")
            ratio = marked.seconds / plain.seconds
            row.ours = f"{_s(marked)}，{_mb(marked.rss_mb)}"
            row.baseline = f"`check` {_s(plain)}，{_mb(plain.rss_mb)}"
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= T_MARK)

        what = f"`check --mark` {_n(self.big)} 条"
        self.guarded(Row(what, target=f"≤ {T_MARK:g}× 不带 --mark 的 check"), body)

    def document_cmd(self, command: str, measures: int, out: Path, *extra: str) -> list[str]:
        path = self.ledger(measures)
        return [*self.lt, command, str(path), "-o", str(out), "--as-of", AS_OF.isoformat(), *extra]

    def bench_documents(self, command: str, limit_40k: float) -> None:
        """``plan`` or ``report`` at 20k and 40k measures: the 40k time and the growth per
        doubling (linear work doubles; the target leaves 2.5 % for noise)."""
        small, large = DOC_SIZES
        out = self.tmp / f"{command}.docx"
        timings: dict[int, Timing] = {}

        def fresh() -> None:
            out.unlink(missing_ok=True)

        def body_large(row: Row) -> None:
            self.require(command, "--as-of")
            for n in DOC_SIZES:
                timings[n] = self.runner.time(
                    self.document_cmd(command, n, out), prepare=fresh, memory=True
                )
                if not out.is_file():
                    raise Unavailable(f"{command} 没有生成 Word 文档")
            t = timings[large]
            row.ours = f"{_s(t)}，{_mb(t.rss_mb)}"
            row.baseline = f"{_n(small)} 条 {_s(timings[small])}，{_mb(timings[small].rss_mb)}"
            row.verdict = _pass(t.seconds <= limit_40k)

        def body_doubling(row: Row) -> None:
            if len(timings) < 2:
                raise Unavailable("未测得")
            ratio = timings[large].seconds / timings[small].seconds
            row.ours = f"{_n(small)} → {_n(large)} 条：{_s(timings[small])} → {_s(timings[large])}"
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= T_DOUBLING)

        self.guarded(Row(f"`{command}` {_n(large)} 条", target=f"≤ {limit_40k:g} s"), body_large)
        self.guarded(
            Row(f"`{command}` 每翻一倍", target=f"≤ {T_DOUBLING:g}×"),
            body_doubling,
        )

    def bench_pdf(self) -> None:
        """``report --pdf`` of a 10k ledger, run once with the default time limit (the time and
        pages, or the message it stops with), then once with ``--pdf-timeout 10`` to show the
        limit at work. Bounded means it ends by itself (a PDF, or a clear Chinese message
        without a traceback) before the harness has to stop it."""
        what = f"`report --pdf` {_n(PDF_SIZE)} 条"
        rows = [
            Row(f"{what}，默认时限", target="有上限、不卡住（记录耗时或时限提示）"),
            Row(f"{what}，`--pdf-timeout 10`", target="到时限即停止，中文提示，Word 保留"),
        ]
        if self.quick:
            for row in rows:
                row.verdict = "跳过（--quick）"
            self.rows += rows
            return
        self.guarded(rows[0], lambda row: self._pdf_row(row))
        self.guarded(rows[1], lambda row: self._pdf_row(row, "--pdf-timeout", "10"))

    def _pdf_row(self, row: Row, *extra: str) -> None:
        self.require("report", "--pdf", "--as-of", *extra[:1])
        out = self.tmp / "pdf" / "整改情况报告.docx"
        if out.parent.exists():
            shutil.rmtree(out.parent)
        out.parent.mkdir()
        cmd = self.document_cmd("report", PDF_SIZE, out, "--pdf", *extra)
        self.runner.log(f"  运行 1 次：{shlex.join(cmd)[:140]}")
        res = run_once(cmd)
        timing = Timing(res.seconds, 1, res.rss_mb, "")
        self.runner.measured.append((shlex.join(cmd), timing))
        pdf = out.with_suffix(".pdf")
        docx = "Word 已生成" if out.is_file() else "Word 未生成"
        row.baseline = f"{docx}；运行 1 次"
        if res.stopped:
            row.ours = f"{HARD_LIMIT} s 时仍未结束，被测试程序停止"
            row.verdict = _pass(False)
        elif res.code == 0 and pdf.is_file():
            pages = pdf_pages(pdf)
            row.ours = f"{_s(timing)}，PDF {pages:,} 页" if pages else f"{_s(timing)}，PDF 已生成"
            row.verdict = _pass(not extra)  # with a 10 s limit a PDF means no limit was applied
        else:
            row.ours = f"{_s(timing)} 后停止（退出码 {res.code}）：{res.message[:150]}"
            clear = bool(res.message) and "Traceback" not in res.stderr
            row.verdict = _pass(clear and out.is_file())

    def bench_merge(self) -> None:
        """Issue 12: ``merge`` of 300 ledgers × 100 measures against bare python-calamine
        reading of the same files in one process (``bench_merge.py``'s files and timer)."""
        what = f"`merge` {MERGE_UNITS} 本 × {MERGE_MEASURES} 条"
        t_row = Row(f"{what}，耗时", target=f"≤ {T_MERGE:g}× 纯 python-calamine 读取")
        m_row = Row(f"{what}，峰值内存（含子进程）", target=f"≤ {T_MERGE_MB} MB")
        out = self.tmp / "汇总台账.xlsx"

        def timed(cmd: list[str]) -> Timing:
            self.runner.log(f"  预热 1 次并运行 {self.runner.runs} 次：{shlex.join(cmd)[:140]}")
            try:
                run = bench_merge.median_run(cmd, self.runner.runs)
            except SystemExit as err:  # bench_merge reports a failed command this way
                raise Unavailable(str(err).strip().splitlines()[-1][:160]) from None
            cpu = f"{run.cpu:.2f}" if run.cpu is not None else ""
            timing = Timing(run.seconds, self.runner.runs, run.peak_mb, cpu=cpu)
            self.runner.measured.append((shlex.join(cmd), timing))
            return timing

        def body(row: Row) -> None:
            self.require("merge", "--unit-from")
            self.runner.log(f"准备 {MERGE_UNITS} 本台账（首次生成需要一些时间）……")
            folder = in_child(f"ledgers({MERGE_UNITS}, {MERGE_MEASURES})")
            base = timed([PY, "-c", bench_merge.BARE_READ, str(folder)])
            merge = [*self.lt, "merge", str(folder), "-o", str(out), "--today", AS_OF.isoformat()]
            ours = timed([*merge, "--unit-from", "file", "--force"])
            ratio = ours.seconds / base.seconds
            row.ours, row.baseline = _s(ours), f"python-calamine 单进程读取 {_s(base)}"
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= T_MERGE)
            m_row.ours = _mb(ours.rss_mb)
            m_row.baseline = f"python-calamine 单进程读取 {_mb(base.rss_mb)}"
            if ours.rss_mb is not None:
                m_row.verdict = _pass(ours.rss_mb <= T_MERGE_MB)

        self.guarded(t_row, body)
        self.rows.append(m_row)
        if m_row.ours == "—":
            m_row.verdict = t_row.verdict

    # Output ----------------------------------------------------------------------------------
    def markdown(self) -> str:
        lines = [
            "| 指标 | 本工具 | 同次测得的基线 | 比值 | 目标 | 结论 |",
            "|---|---|---|---|---|---|",
        ]
        for r in self.rows:
            lines.append(
                f"| {r.what} | {r.ours} | {r.baseline} | {r.ratio} | {r.target} | {r.verdict} |"
            )
        details = ["<details><summary>每条命令的测量明细</summary>", ""]
        for cmd, t in self.runner.measured:
            short = cmd.replace(str(ROOT) + "/", "").replace(sys.executable, "python")
            short = short.replace(sysconfig.get_path("scripts") + "/", "")
            short = short.replace(str(self.tmp) + "/", "")
            short = re.sub(r"\s+", " ", short)  # the inline scripts of bench_merge
            mem = f"，峰值内存 {_mb(t.rss_mb)}" if t.rss_mb is not None else ""
            spread = f"，范围 {t.spread} s" if t.spread else ""
            spread += f"，CPU（含子进程）{t.cpu} s" if t.cpu else ""
            details.append(f"- `{short}`：中位数 {_s(t)}{spread}，{t.runs} 次{mem}")
        details += ["", "</details>"]
        return "\n".join([*self.header(), "", *lines, "", *details]) + "\n"

    def header(self) -> list[str]:
        cpu = platform.processor() or platform.machine()
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        versions = []
        for dist in ("polars", "fastexcel", "python-calamine", "openpyxl", "pandas", "docxtpl"):
            try:
                versions.append(f"{dist} {version(dist)}")
            except PackageNotFoundError:
                pass
        method = "hyperfine -N" if self.runner.use_hyperfine else "time.perf_counter"
        return [
            f"测于 {dt.datetime.now():%Y-%m-%d %H:%M}；{cpu}，{os.cpu_count()} 核；"
            f"Python {platform.python_version()}；{'，'.join(versions)}。",
            f"每项都在新进程中运行，预热 {self.runner.warmup} 次后取 {self.runner.runs} 次的中位数"
            f"（不到 0.5 秒的命令取 {self.runner.fast_runs} 次，预热超过 {SLOW_SECONDS} 秒的最多 3 次；"
            "pandas 基线和 report --pdf 只跑 1 次）。"
            f"计时用 {method}，测内存的项用 time.perf_counter 和子进程的 ru_maxrss（os.wait4），"
            "merge 的内存是主进程与各子进程之和（每 20 ms 采样）。"
            f"测量程序自身的峰值内存 {own_peak_mb():.0f} MB（子进程的 ru_maxrss 不会低于它，"
            "所以台账都在另外的进程中生成）。"
            f'“下限”是 `polars.read_excel(F, engine="calamine", sheet_name="{SHEET_LEDGER}", '
            "infer_schema_length=None)` 单独运行。机器负载会带来误差，请看比值而非绝对时间。",
        ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="测量 issue 10 表中的各项性能指标，输出 Markdown 表。"
    )
    parser.add_argument(
        "--quick", action="store_true", help="少跑几次，并跳过很慢的 pandas 基线和 report --pdf"
    )
    parser.add_argument("--only", action="append", choices=NAMES, help="只测这些项（可重复）")
    parser.add_argument("--runs", type=int, help="每项运行次数（默认 5，--quick 时 3）")
    parser.add_argument("--warmup", type=int, default=1, help="预热次数（默认 1）")
    parser.add_argument("--big", type=int, default=100_000, help="大台账的措施数（默认 100000）")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-hyperfine", action="store_true", help="不用 hyperfine 计时")
    parser.add_argument("--markdown", type=Path, help="把表格另存为 Markdown 文件")
    parser.add_argument(
        "--ledger-tools",
        metavar="CMD",
        help="被测命令（默认：ledger-tools 脚本或 python -m ledger_tools），如 'python -m ledger_tools'",
    )
    args = parser.parse_args(argv)

    runs = args.runs or (3 if args.quick else 5)
    use_hyperfine = shutil.which("hyperfine") is not None and not args.no_hyperfine
    # --runs given: exactly that many, even for sub-second commands
    runner = Runner(runs, args.warmup, use_hyperfine, fast_runs=args.runs or FAST_RUNS)
    bench = Bench(runner, args.big, args.seed, args.quick)
    if args.ledger_tools:
        bench.lt = shlex.split(args.ledger_tools)
    only = set(args.only or NAMES)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("help", bench.bench_help),
        ("check1k", bench.bench_check_small),
        ("check100k", lambda: bench.bench_check_big(args.big)),
        ("check200k", lambda: bench.bench_check_big(2 * args.big)),
        ("pandas", bench.bench_pandas),
        ("mark", bench.bench_mark),
        ("plan", lambda: bench.bench_documents("plan", T_PLAN_40K)),
        ("report", lambda: bench.bench_documents("report", T_REPORT_40K)),
        ("pdf", bench.bench_pdf),
        ("merge", bench.bench_merge),
    ]
    try:
        for name, step in steps:
            if name in only:
                step()
    finally:
        shutil.rmtree(bench.tmp, ignore_errors=True)

    table = bench.markdown()
    print(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
    sys.exit(0)
