"""Shared test helpers: write real ledgers with openpyxl, or build them in memory (model objects)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

from ledger_tools.ledger.model import Aspect, Deadline, Ledger, Measure, Origin, Problem

ROOT = Path(__file__).resolve().parents[1]


def load_script(name: str) -> ModuleType:
    """A fresh import of ``scripts/<name>.py`` (the scripts folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STANDARD_HEADER = [
    "序号",
    "方面",
    "问题",
    "整改措施",
    "责任领导",
    "牵头部门",
    "责任部门",
    "责任人",
    "整改时限",
    "整改状态",
    "完成时间",
    "整改进展及成效",
    "佐证材料",
]

INFO = {
    "单位名称": "某区测试局",
    "党组织名称": "中共某区测试局党组",
    "监督类型": "巡察",
    "监督机构": "区委第一巡察组",
    "上级党委": "区委",
    "进驻开始日期": dt.date(2024, 1, 8),
    "进驻结束日期": dt.date(2024, 2, 7),
    "反馈日期": dt.date(2024, 3, 4),
    "集中整改截止日期": dt.date(2024, 5, 31),
}


def good_row(n: int, **over: Any) -> list[Any]:
    """A valid measure row in STANDARD_HEADER order (problem ``n``)."""
    row = {
        "序号": n,
        "方面": "落实全面从严治党方面",
        "问题": f"问题{n}",
        "整改措施": f"措施{n}",
        "责任领导": "王某",
        "牵头部门": "办公室",
        "责任部门": "办公室",
        "责任人": "李某",
        "整改时限": "2024年4月30日",
        "整改状态": "已完成",
        "完成时间": dt.date(2024, 4, 20),
        "整改进展及成效": "已完成整改。",
        "佐证材料": "会议纪要",
    }
    row.update(over)
    return [row[h] for h in STANDARD_HEADER]


def write_ledger(
    path: Path,
    rows: list[list[Any]],
    header: list[str] | None = None,
    *,
    title_rows: list[list[Any]] = (),
    merges: list[str] = (),
    info: dict[str, Any] | None = None,
    sheet: str = "整改台账",
    after: list[list[Any]] = (),
) -> Path:
    """Write a ledger workbook: optional title rows, a header, rows, merges, 基本信息."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r in title_rows:
        ws.append(r)
    ws.append(header or STANDARD_HEADER)
    for r in rows:
        ws.append(r)
    for r in after:
        ws.append(r)
    for rng in merges:
        ws.merge_cells(rng)
    if info is not None:
        wi = wb.create_sheet("基本信息")
        wi.append(["项目", "内容"])
        for k, v in info.items():
            wi.append([k, v])
    wb.save(path)
    return path


def set_error_values(path: Path, cells: dict[str, str], sheet: str = "整改台账") -> Path:
    """Make ``cells`` (``{"N2": "#DIV/0!"}``) of ``path`` show Excel error values."""
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref].value = value
        wb[sheet][ref].data_type = "e"
    wb.save(path)
    return path


@pytest.fixture
def ledger_file(tmp_path: Path):
    """Factory: ``ledger_file(rows, **kw)`` writes ``tmp_path/台账.xlsx`` and returns its path."""
    counter = {"n": 0}

    def make(rows: list[list[Any]], **kw: Any) -> Path:
        counter["n"] += 1
        return write_ledger(tmp_path / f"台账{counter['n']}.xlsx", rows, **kw)

    return make


# ---------------------------------------------------------------------------------------------
# In-memory ledgers, for the tests of the context, statistics and rendering (no file read)

Spec = list[tuple[str, str, list[Measure], str | None]]


def day(text: str) -> Deadline:
    """A dated deadline from an ISO date."""
    return Deadline("date", text, dt.date.fromisoformat(text))


def measure(
    status: str | None = "已完成",
    due: Deadline | None = None,
    *,
    complete: bool = False,
    **values: Any,
) -> Measure:
    """A measure due 2024-04-30 (unless ``due``), finished 2024-04-20 when 已完成/长期坚持.
    Filled: 整改措施, 责任领导, 责任部门; with ``complete`` every standard column but 序号/方面/问题
    (``build`` adds those), in ledger order, as a fully filled row. ``values`` override."""
    finished = day("2024-04-20") if status in ("已完成", "长期坚持") else None
    if complete:
        base = {
            "整改措施": "措施",
            "责任领导": "王某",
            "牵头部门": "办公室",
            "责任部门": "办公室",
            "责任人": "李某",
            "整改时限": "2024-04-30",
            "整改状态": status,
            "完成时间": finished.due if finished else None,
            "整改进展及成效": "已完成整改",
            "佐证材料": "会议纪要",
        }
    else:
        base = {"整改措施": "措施", "责任领导": "王某", "责任部门": "办公室"}
    return Measure(
        row=0,
        values={**base, **values},
        deadline=due or day("2024-04-30"),
        finished=finished,
        status=status,
    )


def build(
    spec: Spec,
    info: dict[str, Any],
    texts: list[dict[str, str]] = (),
    *,
    complete: bool = False,
) -> Ledger:
    """A Ledger from ``spec``: (方面, 问题, measures, problem status) in ledger order. Each measure
    gets its row (from 2) and, unless it names its own, 方面 and 问题. With ``complete`` it looks
    like a ledger read from a complete file: 序号 written, every column has a letter, a 基本信息
    sheet exists (rendering checks all three); its path is then empty (output next to the cwd)."""
    aspects: dict[str, Aspect] = {}
    measures: list[Measure] = []
    for n, (aspect, title, ms, status) in enumerate(spec, start=1):
        for m in ms:
            if complete:
                m.values["序号"] = str(n)
            m.values.setdefault("方面", aspect)
            m.values.setdefault("问题", title)
            m.row = len(measures) + 2
            measures.append(m)
        aspects.setdefault(aspect, Aspect(aspect)).problems.append(
            Problem(str(n), title, aspect, ms, status)
        )
    if complete:
        columns = {name: chr(ord("A") + i) for i, name in enumerate(measures[0].values)}
        origin = Origin("", "整改台账", 1, columns)
    else:
        origin = Origin("台账.xlsx", "整改台账", 1, {})
    return Ledger(
        origin, measures, list(aspects.values()), dict(info), list(texts), has_info_sheet=complete
    )


def run_cli_measured(args: list[str], limit_s: float = 240) -> tuple[int, str, float, float]:
    """``python -m ledger_tools *args`` in a child (this repository's code): (exit code,
    stdout+stderr, wall seconds, the child's peak RSS in MB).

    A fresh wrapper process runs the command as its only child and reports its
    ``RUSAGE_CHILDREN`` peak: Linux keeps a process's high-water mark across fork and exec,
    so a child started straight from this (large, long-running) test process would report
    at least this process's own peak."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        wrapper = (
            "import resource, subprocess, sys; r = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL); "
            "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
            "sys.exit(r.returncode)"
        )
        command = [sys.executable, "-m", "ledger_tools", *args]
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", wrapper, str(peak_file), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            env=env,
        )
        try:
            out, _ = proc.communicate(timeout=limit_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail(f"ledger-tools {' '.join(args[:1])} took more than {limit_s} s")
        wall = time.perf_counter() - start
        peak_mb = int(peak_file.read_text()) / 1024  # ru_maxrss is in KiB on Linux
    return proc.returncode, out.decode("utf-8", "replace"), wall, peak_mb
