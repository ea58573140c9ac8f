"""A folder of units' ledgers in different layouts, made from the example ledger, for ``merge``.

Used by tests/test_merge.py and by the README section 汇总多个单位的台账. Every file is
a real workbook written with openpyxl or xlwt:

- 局机关/住建局.xlsx: the example ledger as it is (standard layout);
- 下属单位/档案馆.xlsx: title rows above the header, header aliases, a 列名对照 sheet;
- 下属单位/城管局.xls: the old binary format (xlwt), merged cells;
- 下属单位/水务局.xlsx: two errors (an unknown status, an impossible date);
- 下属单位/统计局.xlsx: a standard workbook with no measures yet;
- 下属单位/损坏.xlsx: not a workbook at all (unreadable);
- 重复报送/住建局-重报.xlsx: the same 单位名称 as 局机关/住建局.xlsx, other statuses;
- 下属单位/~$档案馆.xlsx: an Excel lock file.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
TODAY = dt.date(2024, 5, 10)

# Aliases the reader knows (columns.py) for the title-row layout, plus one only the workbook's
# own 列名对照 sheet explains.
ALIASES = {
    "方面": "问题类别",
    "问题": "反馈问题",
    "整改措施": "具体措施",
    "责任部门": "责任单位",
    "整改时限": "完成时限",
    "整改状态": "完成状态",
    "完成时间": "办结时间",
    "佐证材料": "印证资料",  # explained by 列名对照
}


def _set_info(wb: Any, **values: Any) -> None:
    ws = wb["基本信息"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]


def _example(unit: str, party: str) -> Any:
    wb = openpyxl.load_workbook(EXAMPLE)
    _set_info(wb, 单位名称=unit, 党组织名称=party, 方案标题=None, 报告标题=None, 通报标题=None)
    return wb


def standard(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EXAMPLE, path)
    return path


def title_rows_and_aliases(path: Path) -> Path:
    """The example's table moved two rows down under a title and a 填报单位 line, with
    aliased headers and a 列名对照 sheet."""
    src = openpyxl.load_workbook(EXAMPLE)
    wb = _example("某区档案馆", "中共某区档案馆机关支部委员会")
    del wb["整改台账"]
    ws = wb.create_sheet("台账", 2)
    old = src["整改台账"]
    width = old.max_column
    ws.append(["某区档案馆落实区委第二巡察组反馈意见整改台账"] + [None] * (width - 1))
    ws.append(["填报单位：某区档案馆（盖章）", None, None, None, None, "填报日期：2024年5月8日"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for row in old.iter_rows(min_row=1, max_row=old.max_row, values_only=True):
        if not any(v is not None for v in row):
            continue
        ws.append(list(row))
    for j in range(1, width + 1):
        cell = ws.cell(3, j)
        name = str(cell.value).replace("（元）", "").replace("（项）", "")
        cell.value = ALIASES.get(name, cell.value)
    for rng in old.merged_cells.ranges:
        ws.merge_cells(
            start_row=rng.min_row + 2,
            start_column=rng.min_col,
            end_row=rng.max_row + 2,
            end_column=rng.max_col,
        )
    mapping = wb.create_sheet("列名对照")
    mapping.append(["原列名", "标准列名"])
    mapping.append(["印证资料", "佐证材料"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def old_xls(path: Path) -> Path:
    """The example's 基本信息 and 整改台账 (values and merged cells) as a binary .xls."""
    import xlwt

    src = openpyxl.load_workbook(EXAMPLE)
    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name in ("基本信息", "整改台账"):
        old = src[name]
        ws = book.add_sheet(name)
        merged = {(r.min_row, r.min_col): r for r in old.merged_cells.ranges}
        inside = {
            (row, col)
            for r in old.merged_cells.ranges
            for row in range(r.min_row, r.max_row + 1)
            for col in range(r.min_col, r.max_col + 1)
        }
        for row in old.iter_rows():
            for cell in row:
                value = cell.value
                if name == "基本信息" and cell.column == 2 and row[0].value == "单位名称":
                    value = "某区城市管理局"
                if name == "基本信息" and row[0].value in ("方案标题", "报告标题", "通报标题"):
                    value = None if cell.column == 2 else value
                key = (cell.row, cell.column)
                if key in merged:
                    r = merged[key]
                    ws.write_merge(
                        r.min_row - 1, r.max_row - 1, r.min_col - 1, r.max_col - 1, value
                    )
                elif key in inside or value is None:
                    continue
                elif isinstance(value, dt.datetime):
                    ws.write(cell.row - 1, cell.column - 1, value, date_style)
                else:
                    ws.write(cell.row - 1, cell.column - 1, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(path))
    return path


def with_errors(path: Path) -> Path:
    wb = _example("某区水务局", "中共某区水务局党组")
    ws = wb["整改台账"]
    ws["L12"] = "差不多完成"
    ws["K6"] = "2024年2月30日"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def empty(path: Path) -> Path:
    from ledger_tools.ledger.workbook import new_workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    return new_workbook(path, "某区统计局", timestamp=dt.datetime(2024, 5, 1))


def unreadable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("这不是 Excel 文件".encode())
    return path


def duplicate(path: Path) -> Path:
    """Same 单位名称 as the standard one, resubmitted with more work done."""
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["整改台账"]
    status = {c.value: c.column for c in ws[1]}["整改状态"]
    finish = {c.value: c.column for c in ws[1]}["完成时间"]
    for row in ws.iter_rows(min_row=2):
        if row[status - 1].value == "正在推进":
            row[status - 1].value = "已完成"
            row[finish - 1].value = dt.datetime(2024, 5, 6)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def build_units(folder: Path) -> dict[str, Path]:
    """Write the folder; return {role: path}."""
    files = {
        "standard": standard(folder / "局机关" / "住建局.xlsx"),
        "title": title_rows_and_aliases(folder / "下属单位" / "档案馆.xlsx"),
        "xls": old_xls(folder / "下属单位" / "城管局.xls"),
        "errors": with_errors(folder / "下属单位" / "水务局.xlsx"),
        "empty": empty(folder / "下属单位" / "统计局.xlsx"),
        "unreadable": unreadable(folder / "下属单位" / "损坏.xlsx"),
        "duplicate": duplicate(folder / "重复报送" / "住建局-重报.xlsx"),
    }
    lock = folder / "下属单位" / "~$档案馆.xlsx"
    lock.write_bytes(b"\x00" * 165)
    files["lock"] = lock
    return files
