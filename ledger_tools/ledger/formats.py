"""整改时限 and 完成时间 typed as a month ("2025年6月", "2025-6", "2025/6"): Excel and WPS turn it
into the date of the month's first day and show it as the month (number format
``yyyy"年"m"月"``, ``yyyy-mm``, ``mmm-yy``). The value alone says 1 June; the clerk wrote June,
which as a deadline is the end of June (README “整改时限”: 2024年6月 → 2024年6月30日) and as a
完成时间 some day in June (``dates.parse_finished``: printed as the month).

Only looked at when most of the 整改时限 dates of a ledger fall on a 1st (a cheap test on the
values), and only for .xlsx/.xlsm files of at most ``MAX_ROWS`` rows: the cells' number formats
are then read with openpyxl (read-only). A cell whose format shows no day is read as the month it
shows, and the 读取方式 block says so. For other files (.xls, .et: the formats are not read) a
note says the dates may have been typed as months — asked, not guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ledger_tools.ledger.cells import column_letter
from ledger_tools.ledger.dates import format_cn_date

if TYPE_CHECKING:
    from ledger_tools.ledger.normalise import Header
    from ledger_tools.ledger.reading import RawSheet

MAX_ROWS = 20_000  # (as colours.MAX_ROWS: reading every cell's style of a larger sheet costs more)
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def shows_month_only(number_format: str) -> bool:
    """A date format showing the year and month but no day (``yyyy"年"m"月"``, ``yyyy-mm``,
    ``mmm-yy``); literal text in quotes, [颜色]/[$-804] parts and escapes are not format codes."""
    codes = _QUOTED.sub("", number_format or "").lower()
    return "y" in codes and "m" in codes and "d" not in codes and "h" not in codes


def _firsts(ws: RawSheet, j: int, start: int, stop: int) -> tuple[list[int], int]:
    """0-based rows of the column ``j`` dates that fall on a 1st, and how many dates it holds."""
    firsts, dates = [], 0
    for r in range(start, stop):
        row = ws.rows[r]
        v = row[j] if j < len(row) else None
        if isinstance(v, dt.date):
            dates += 1
            if v.day == 1:
                firsts.append(r)
    return firsts, dates


def month_deadlines(path: str, ws: RawSheet, header: Header, stop: int) -> list[str]:
    """Read the 整改时限 and 完成时间 cells shown as a month as that month (in ``ws.rows``: the
    text "2025年6月"; a 完成时间 so written is done within the month, ``dates.parse_finished``);
    returns the notes for the 读取方式 block."""
    return [
        note
        for name in ("整改时限", "完成时间")
        if (j := header.columns.get(name)) is not None
        for note in _month_column(path, ws, header, stop, name, j)
    ]


def _month_column(
    path: str, ws: RawSheet, header: Header, stop: int, name: str, j: int
) -> list[str]:
    firsts, dates = _firsts(ws, j, header.data_start, stop)
    if len(firsts) < 2 or len(firsts) * 2 < dates:
        return []  # a 1st here and there is a day the clerk chose
    letter = column_letter(j)
    first = firsts[0]
    example = f"{letter}{first + 1} {format_cn_date(ws.rows[first][j])}"
    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm") or stop - header.data_start > MAX_ROWS:
        counted = "已按 1 日计超期预警" if name == "整改时限" else "已按 1 日计"
        written = "2025年6月底前" if name == "整改时限" else "2025年6月"
        return [
            f"{letter} 列{name}中有 {len(firsts)} 个日期都是某月 1 日（如 {example}），"
            f"可能是只写了年月（如“2025年6月”）、Excel 自动存成了当月 1 日；{counted}。"
            f"如不是 1 日，请把单元格写成文本（如“{written}”）或写明日子。"
            if name == "完成时间"
            else f"{letter} 列{name}中有 {len(firsts)} 个日期都是某月 1 日（如 {example}），"
            f"可能是只写了年月（如“2025年6月”）、Excel 自动存成了当月 1 日；{counted}。"
            f"如应为月底，请把单元格写成文本（如“{written}”）。"
        ]
    try:
        months = _month_cells(p, ws.name, j, firsts)
    except Exception:  # a file calamine read but openpyxl cannot: nothing to say
        return []
    if not months:
        return []
    for r in months:
        day = ws.rows[r][j]
        ws.rows[r][j] = f"{day.year}年{day.month}月"
    r = months[0]
    shown = ws.rows[r][j]
    how = (
        "按所显示的月份读，到月底为止。"
        if name == "整改时限"
        else "按所显示的月份读（当月内完成；只有整月都晚于整改时限才算逾期完成）。"
    )
    return [
        f"{letter} 列有 {len(months)} 个{name}单元格只显示年月（如 {letter}{r + 1} 显示“{shown}”，"
        f"Excel 存的是当月 1 日），{how}"
    ]


def _month_cells(path: Path, sheet: str, j: int, rows: list[int]) -> list[int]:
    """Of ``rows`` (0-based), those whose cell in column ``j`` is formatted as a month."""
    import openpyxl

    wanted = set(rows)
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = wb[sheet]
        out = []
        first, last = min(rows) + 1, max(rows) + 1
        for r, cells in enumerate(
            ws.iter_rows(min_row=first, max_row=last, min_col=j + 1, max_col=j + 1), start=first
        ):
            if r - 1 in wanted and cells and shows_month_only(cells[0].number_format):
                out.append(r - 1)
        return out
    finally:
        wb.close()
