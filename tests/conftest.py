"""Shared test helpers: write real ledgers with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest

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


@pytest.fixture
def ledger_file(tmp_path: Path):
    """Factory: ``ledger_file(rows, **kw)`` writes ``tmp_path/台账.xlsx`` and returns its path."""
    counter = {"n": 0}

    def make(rows: list[list[Any]], **kw: Any) -> Path:
        counter["n"] += 1
        return write_ledger(tmp_path / f"台账{counter['n']}.xlsx", rows, **kw)

    return make
