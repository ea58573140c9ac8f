"""Smoke test of benchmarks/run.py (no timing asserted: the table's figures are the coordinator's
to read): a row measures real commands and gets a verdict, and a command that fails makes its
row say so instead of stopping the run."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "benchmarks" / "run.py"


def _run(tmp_path: Path, *args: str) -> tuple[str, str]:
    md = tmp_path / "table.md"
    proc = subprocess.run(
        [sys.executable, str(RUN), "--runs", "1", "--warmup", "0", "--markdown", str(md), *args],
        cwd=tmp_path,  # run.py must measure this repository's code from any folder
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert md.read_text(encoding="utf-8") == proc.stdout[:-1]  # print() adds a newline
    return proc.stdout, proc.stderr


def _row(table: str, start: str) -> list[str]:
    line = next(line for line in table.splitlines() if line.startswith(f"| {start}"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_the_help_row_is_measured_against_its_baseline(tmp_path):
    table, _ = _run(tmp_path, "--only", "help")
    what, ours, baseline, ratio, target, verdict = _row(table, "`ledger-tools --help`")
    assert ours.endswith(" s") and "import click" in baseline and ratio.endswith("×")
    assert target == "≤ 2×" and verdict in ("达标", "未达标")
    # the measured command (the installed console script, or python -m) is in the details
    details = table.split("<details>", 1)[1].splitlines()
    assert any("ledger" in line and " --help`：中位数" in line for line in details)


def test_a_failing_command_marks_its_rows_unavailable(tmp_path):
    broken = shlex.join([sys.executable, "-c", "import sys; sys.exit(3)"])
    table, _ = _run(tmp_path, "--only", "check1k", "--only", "plan", "--ledger-tools", broken)
    assert _row(table, "`check` 1,000 条")[-1] == "不可用（check 命令尚未实现）"
    assert _row(table, "`plan` 40,000 条")[-1] == "不可用（plan 命令尚未实现）"
    assert _row(table, "`plan` 每翻一倍")[-1] == "不可用（未测得）"
