"""Measure the quality targets of CLI.md §4 and print them as a Markdown table.

Every figure is a ratio to a baseline measured in the same run (these machines are noisy;
absolute times alone mean little). Each command runs in a fresh process; after a warm-up run
(so the file is in the page cache for ours and the baseline alike) the median of N runs is
taken, with hyperfine when it is installed and ``time.perf_counter`` otherwise. Peak memory is
the child's ``ru_maxrss`` from ``os.wait4``.

    python benchmarks/run.py [--quick] [--only NAME ...] [--runs N] [--markdown FILE]

Names for ``--only``: help, check1k, check100k, pandas, mark, report. Exit code 0 always:
benchmarks report, they do not fail CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import AS_OF, cached_ledger  # noqa: E402

from ledger_tools.ledger.columns import SHEET_LEDGER  # noqa: E402

PY = sys.executable
# Children may write and use .pyc files, as in any pip install (some sandboxes set
# PYTHONDONTWRITEBYTECODE, which would make every start-up recompile the project's modules).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
FAST_RUNS = 20  # samples for commands that take under half a second
NAMES = ("help", "check1k", "check100k", "pandas", "mark", "report")


# ---------------------------------------------------------------------------------------------
# Running commands.
@dataclass
class Timing:
    seconds: float  # median wall time
    runs: int
    rss_mb: float | None = None  # median peak resident set size
    spread: str = ""  # min–max, for the noise note


@dataclass
class Unavailable(Exception):
    reason: str


@dataclass
class Runner:
    runs: int
    warmup: int
    use_hyperfine: bool
    log: Callable[[str], None] = field(default=lambda s: print(s, file=sys.stderr))
    measured: list[tuple[str, Timing]] = field(default_factory=list)  # for the notes

    def once(self, cmd: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
        """Run ``cmd`` once in a fresh process: (wall seconds, peak RSS in MB)."""
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=CHILD_ENV)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            if code not in ok:
                err.seek(0)
                first = err.read().decode(errors="replace").strip().splitlines()[-1:] or [""]
                raise Unavailable(f"退出码 {code}：{first[0][:160]}")
        return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux

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
        # Sub-second commands are noisy: take more samples of them (they cost little).
        runs = runs or (max(self.runs, FAST_RUNS) if warm and max(warm) < 0.5 else self.runs)
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
    """The installed console script (not a pyenv shim, whose bash start-up would be timed)."""
    script = Path(sysconfig.get_path("scripts")) / "ledger-tools"
    return [str(script)] if script.exists() else [PY, "-m", "ledger_tools"]


def command_help(lt: list[str], name: str) -> str | None:
    """``ledger-tools NAME --help`` text, or None when the command does not exist (yet)."""
    proc = subprocess.run([*lt, name, "--help"], capture_output=True, text=True, env=CHILD_ENV)
    return proc.stdout if proc.returncode == 0 else None


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


@dataclass
class Bench:
    runner: Runner
    big: int
    seed: int
    quick: bool
    lt: list[str] = field(default_factory=ledger_tools_cmd)
    rows: list[Row] = field(default_factory=list)

    def ledger(self, measures: int) -> Path:
        self.runner.log(f"准备 {measures} 条措施的台账（首次生成需要一些时间）……")
        return cached_ledger(measures, self.seed)

    def check_cmd(self, path: Path) -> list[str]:
        return [*self.lt, "check", str(path), "--today", AS_OF.isoformat()]

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
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= 2)

        self.guarded(Row("`ledger-tools --help`，冷启动", target="≤ 2×"), body)

    def bench_check_small(self) -> None:
        def body(row: Row) -> None:
            if command_help(self.lt, "check") is None:
                raise Unavailable("check 命令尚未实现")
            path = self.ledger(1000)
            ours = self.runner.time(self.check_cmd(path), ok=(0, 1))
            base = self.runner.time([PY, "-c", "pass"])
            row.ours, row.baseline = _s(ours), f"`python -c pass` {_s(base)}"
            row.ratio = f"{ours.seconds / base.seconds:.1f}×"
            row.verdict = _pass(ours.seconds <= 1.0)

        self.guarded(Row("`check`，1,000 条措施，冷启动", target="≤ 1.0 s"), body)

    def bench_check_big(self, with_pandas: bool) -> None:
        size = f"{self.big:,}"
        t_row = Row(f"`check`，{size} 条措施，耗时", target="≤ 1.5×")
        m_row = Row(f"`check`，{size} 条措施，峰值内存", target="≤ 2×")
        p_row = Row(f"`check`，{size} 条措施，对比 pandas+openpyxl", target="快 ≥ 6 倍")
        ours: dict[str, Timing] = {}

        def body(row: Row) -> None:
            if command_help(self.lt, "check") is None:
                raise Unavailable("check 命令尚未实现")
            path = self.ledger(self.big)
            code = (
                "import sys, polars; "
                f'polars.read_excel(sys.argv[1], engine="calamine", sheet_name="{SHEET_LEDGER}")'
            )
            base = self.runner.time([PY, "-c", code, str(path)], memory=True)
            ours["t"] = t = self.runner.time(self.check_cmd(path), ok=(0, 1), memory=True)
            label = "`polars.read_excel(calamine)`"
            row.ours, row.baseline = _s(t), f"{label} {_s(base)}"
            ratio = t.seconds / base.seconds
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= 1.5)
            assert t.rss_mb and base.rss_mb
            mem = t.rss_mb / base.rss_mb
            m_row.ours, m_row.baseline = _mb(t.rss_mb), f"{label} {_mb(base.rss_mb)}"
            m_row.ratio, m_row.verdict = f"{mem:.2f}×", _pass(mem <= 2)

        self.guarded(t_row, body)
        self.rows.append(m_row)
        if m_row.ours == "—":
            m_row.verdict = t_row.verdict
        if not with_pandas:
            p_row.verdict = "跳过（--quick）"
            self.rows.append(p_row)
            return

        def pandas_body(row: Row) -> None:
            if "t" not in ours:
                raise Unavailable("check 未测得")
            path = self.ledger(self.big)
            script = HERE / "baseline_pandas_check.py"
            # Minutes per run: measured once; the file is already in the page cache from ours.
            cmd = [PY, str(script), str(path), "--today", AS_OF.isoformat()]
            base = self.runner.time(cmd, ok=(0, 1), runs=1, warmup=0)
            speedup = base.seconds / ours["t"].seconds
            row.ours, row.baseline = _s(ours["t"]), f"pandas+openpyxl {_s(base)}（1 次）"
            row.ratio, row.verdict = f"快 {speedup:.1f} 倍", _pass(speedup >= 6)

        self.guarded(p_row, pandas_body)

    def bench_mark(self) -> None:
        """``check --mark`` (the XML-level marked copy) against a plain ``check`` of the same
        ledger, both measured here."""
        size = f"{self.big:,}"
        tmp = Path(tempfile.mkdtemp(prefix="ledger-bench-"))
        out = tmp / "校验结果.xlsx"

        def body(row: Row) -> None:
            text = command_help(self.lt, "check")
            if text is None or "--mark" not in text:
                raise Unavailable("check 尚无 --mark 选项")
            path = self.ledger(self.big)
            plain = self.runner.time(self.check_cmd(path), ok=(0, 1), memory=True)
            marked = self.runner.time(
                [*self.check_cmd(path), "--mark", str(out)],
                ok=(0, 1),
                prepare=lambda: out.unlink(missing_ok=True),
                memory=True,
            )
            ratio = marked.seconds / plain.seconds
            row.ours = f"{_s(marked)}，{_mb(marked.rss_mb)}"
            row.baseline = f"`check` {_s(plain)}，{_mb(plain.rss_mb)}"
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= 1.5)

        try:
            self.guarded(
                Row(f"`check --mark`，{size} 条措施", target="≤ 1.5×（不带 --mark 的 check）"), body
            )
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def bench_report(self) -> None:
        small: dict[str, Timing] = {}
        tmp = Path(tempfile.mkdtemp(prefix="ledger-bench-"))
        out = tmp / "整改情况报告.docx"

        def cmd(path: Path) -> list[str]:
            return [
                *self.lt,
                "report",
                str(path),
                "-o",
                str(out),
                "--force",
                "--as-of",
                AS_OF.isoformat(),
            ]

        def fresh() -> None:
            out.unlink(missing_ok=True)

        def available() -> None:
            text = command_help(self.lt, "report")
            if text is None:
                raise Unavailable("report 命令尚未实现")
            if "--force" not in text or "--as-of" not in text:
                raise Unavailable("report 尚无 --force/--as-of 选项")

        def body_small(row: Row) -> None:
            available()
            small["t"] = t = self.runner.time(cmd(self.ledger(2000)), prepare=fresh)
            base = self.runner.time([PY, "-c", "pass"])
            row.ours, row.baseline = _s(t), f"`python -c pass` {_s(base)}"
            row.ratio, row.verdict = f"{t.seconds / base.seconds:.1f}×", _pass(t.seconds <= 3)

        def body_big(row: Row) -> None:
            if "t" not in small:
                raise Unavailable("2,000 条未测得")
            t = self.runner.time(cmd(self.ledger(20000)), prepare=fresh)
            ratio = t.seconds / small["t"].seconds
            row.ours, row.baseline = _s(t), f"report 2,000 条 {_s(small['t'])}"
            row.ratio, row.verdict = f"{ratio:.2f}×", _pass(ratio <= 10)

        try:
            self.guarded(Row("`report`，2,000 条措施", target="≤ 3 s"), body_small)
            self.guarded(Row("`report`，20,000 条措施", target="≤ 10×（2,000 条的耗时）"), body_big)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

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
            short = cmd.replace(str(HERE.parent) + "/", "").replace(sys.executable, "python")
            short = short.replace(sysconfig.get_path("scripts") + "/", "")
            mem = f"，峰值内存 {_mb(t.rss_mb)}" if t.rss_mb is not None else ""
            details.append(f"- `{short}`：中位数 {_s(t)}，范围 {t.spread} s，{t.runs} 次{mem}")
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
        for mod in ("polars", "fastexcel", "openpyxl", "pandas"):
            try:
                versions.append(f"{mod} {__import__(mod).__version__}")
            except Exception:  # noqa: BLE001
                pass
        method = "hyperfine -N" if self.runner.use_hyperfine else "time.perf_counter"
        return [
            f"测于 {dt.datetime.now():%Y-%m-%d %H:%M}；{cpu}，{os.cpu_count()} 核；"
            f"Python {platform.python_version()}；{'，'.join(versions)}。",
            f"每项都在新进程中运行，预热 {self.runner.warmup} 次后取 {self.runner.runs} 次的中位数"
            f"（不到 0.5 秒的命令取 {FAST_RUNS} 次；pandas 基线只跑 1 次）。计时用 {method}，"
            "测内存的项用 time.perf_counter 和子进程的 ru_maxrss（os.wait4）。"
            "机器负载会带来误差，请看比值而非绝对时间。",
        ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="测量 CLI.md §4 的性能指标，输出 Markdown 表。")
    parser.add_argument("--quick", action="store_true", help="少跑几次，并跳过很慢的 pandas 基线")
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
        help="被测命令（默认：当前 Python 安装的 ledger-tools 脚本），如 'python -m ledger_tools'",
    )
    args = parser.parse_args(argv)

    runs = args.runs or (3 if args.quick else 5)
    use_hyperfine = shutil.which("hyperfine") is not None and not args.no_hyperfine
    bench = Bench(Runner(runs, args.warmup, use_hyperfine), args.big, args.seed, args.quick)
    if args.ledger_tools:
        bench.lt = shlex.split(args.ledger_tools)
    only = set(args.only or NAMES)
    if "help" in only:
        bench.bench_help()
    if "check1k" in only:
        bench.bench_check_small()
    if "check100k" in only or "pandas" in only:
        bench.bench_check_big(with_pandas="pandas" in only and not args.quick)
    if "mark" in only:
        bench.bench_mark()
    if "report" in only:
        bench.bench_report()

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
