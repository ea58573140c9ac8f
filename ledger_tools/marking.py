"""The marked copy of a checked ledger (``ledger-tools check --mark 校验结果.xlsx``).

``write_marked_copy(source, report, dest)`` writes a **copy** of the workbook in which

* every cell a finding points at (``Finding.sheet/row/column``) is filled red (errors) or
  yellow (warnings) and carries one comment (author ``ledger-tools``) listing all findings on
  that cell; a finding inside a merged range marks the range's top-left cell;
* a first sheet 校验结果 lists every finding — 序号, 级别, 位置 (a link to the cell), 规则, 内容,
  说明 — under summary lines with the counts; the workbook opens on it.

Notes (提示) are listed but do not colour cells; findings without a row and column (a missing
column, a missing 基本信息 sheet) are listed without a link. The source file is never written.

Re-checking a marked copy replaces its 校验结果 sheet and first removes the previous marks:
comments by ``ledger-tools`` (a user's own comment that was on a marked cell is restored) and
the red/yellow fill of those cells (the cell's fill before the first marking is not kept).

The copy goes through openpyxl: cell values, styles, merges, comments, data validation,
conditional formatting and VBA (``.xlsm`` → ``.xlsm``) survive; images, charts and shapes do not.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger_tools import columns as C
from ledger_tools.cells import strip_forbidden
from ledger_tools.dates import format_cn_date, format_cn_iso
from ledger_tools.errors import OutputError, UnreadableFile
from ledger_tools.findings import (
    ERROR,
    NOTE,
    SEVERITY_LABEL,
    WARNING,
    Finding,
    Report,
    cell_marks,
)
from ledger_tools.output import atomic_output
from ledger_tools.workbook import (
    FILL_RED,
    FILL_YELLOW,
    FONT_BODY,
    FONT_HEAD,
    display_width,
    quote_sheet,
    set_active,
    set_text,
)

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

COMMENT_AUTHOR = "ledger-tools"
ORIGINAL_COMMENT = "\n——原批注（{author}）——\n"  # separates our text from a user's comment
FILLS = {ERROR: FILL_RED, WARNING: FILL_YELLOW}
RESULTS_HEADER = ("序号", "级别", "位置", "规则", "内容", "说明")
RESULTS_WIDTHS = (6, 6, 18, 22, 30, 80)
RESULTS_HEADER_ROW = 5  # rows 1-3: summary lines, row 4: blank
SUFFIXES = (".xlsx", ".xlsm")


def write_marked_copy(
    source: str | os.PathLike[str], report: Report, dest: str | os.PathLike[str]
) -> Path:
    """Write a copy of ``source`` with the cells of ``report``'s findings marked and a first
    sheet 校验结果 listing them (see the module docstring). Returns ``dest``."""
    src, out = Path(source), Path(dest)
    if out.suffix.lower() not in SUFFIXES:
        raise OutputError(
            f"标注副本 {out.name} 的扩展名应为 .xlsx（或 .xlsm）。请改为“{out.stem}.xlsx”。"
        )
    wb = _load(src, keep_vba=src.suffix.lower() == ".xlsm" and out.suffix.lower() == ".xlsm")
    if C.SHEET_RESULTS in wb.sheetnames:
        del wb[C.SHEET_RESULTS]
        _remove_old_marks(wb)
    _mark_cells(wb, report.findings)
    _results_sheet(wb, report)
    with atomic_output(out, src) as tmp:
        wb.save(tmp)
    return out


def _load(src: Path, *, keep_vba: bool) -> Workbook:
    from openpyxl import load_workbook

    if src.suffix.lower() not in SUFFIXES:
        raise UnreadableFile(
            f"{src.name} 不是 .xlsx/.xlsm 文件，无法另存标注副本（--mark）。"
            "请先用 Excel/WPS 另存为 .xlsx 后再校验。"
        )
    try:
        # rich_text keeps partly formatted cell text as it was.
        return load_workbook(src, keep_vba=keep_vba, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - any openpyxl failure is "cannot copy this file"
        raise UnreadableFile(
            f"无法复制 {src.name} 来生成标注副本：{type(exc).__name__}: {exc}。"
            "请用 Excel/WPS 打开后另存为 .xlsx 再试，或去掉 --mark。"
        ) from exc


# ---------------------------------------------------------------------------------------------
# Marking cells.


def _markable(f: Finding, wb: Workbook) -> bool:
    return bool(f.row and f.column and f.sheet in {ws.title for ws in wb.worksheets})


def _merged_anchors(ws: Worksheet) -> dict[str, str]:
    """Every cell inside a merged range → the range's top-left cell."""
    from openpyxl.utils import get_column_letter

    anchors: dict[str, str] = {}
    for rng in ws.merged_cells.ranges:
        top_left = f"{get_column_letter(rng.min_col)}{rng.min_row}"
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                anchors[f"{get_column_letter(col)}{row}"] = top_left
    return anchors


def _mark_cells(wb: Workbook, findings: list[Finding]) -> None:
    # Which cell gets which fill and comment is decided by findings.cell_marks, shared with the
    # live-workbook painter (excel.check_book).
    anchors: dict[str, dict[str, str]] = {}

    def anchor(sheet: str, coord: str) -> str:
        if sheet not in anchors:
            anchors[sheet] = _merged_anchors(wb[sheet])
        return anchors[sheet].get(coord, coord)

    for mark in cell_marks([f for f in findings if _markable(f, wb)], anchor):
        cell = wb[mark.sheet][mark.cell]
        cell.fill = _solid(FILLS[mark.severity])
        _set_comment(cell, mark.comment)


def _solid(rgb: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


def _set_comment(cell: Any, text: str) -> None:
    from openpyxl.comments import Comment

    old = cell.comment
    if old is not None and old.author != COMMENT_AUTHOR:
        text += ORIGINAL_COMMENT.format(author=old.author or "") + old.text
    n_lines = sum(max(1, -(-display_width(line) // 44)) for line in text.split("\n"))
    text = strip_forbidden(text)
    cell.comment = Comment(text, COMMENT_AUTHOR, height=min(20 * n_lines + 10, 400), width=320)


def _remove_old_marks(wb: Workbook) -> None:
    """Undo a previous marking: our comments (restoring a user's comment kept in ours) and the
    red/yellow fill of the cells that had them."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    for ws in wb.worksheets:
        for cell in list(ws._cells.values()):  # only the cells that exist, not the whole grid
            comment = cell.comment
            if comment is None or comment.author != COMMENT_AUTHOR:
                continue
            head, sep, original = comment.text.partition("\n——原批注（")
            cell.comment = None
            if sep:
                author, _, body = original.partition("）——\n")
                cell.comment = Comment(body, author)
            # openpyxl reads "FFC7CE" back as "00FFC7CE": compare the colour part only.
            if cell.fill is not None and str(cell.fill.fgColor.rgb)[-6:] in FILLS.values():
                cell.fill = PatternFill()


# ---------------------------------------------------------------------------------------------
# The 校验结果 sheet.


def _rule_titles() -> dict[str, str]:
    try:
        from ledger_tools.schema import RULES
    except ImportError:  # the validator is optional for this module
        return {}
    return {rule_id: rule.title for rule_id, rule in RULES.items()}


def summary_lines(report: Report) -> list[str]:
    """The three lines above the 校验结果 table (file and date, counts, what to do)."""
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in (ERROR, WARNING, NOTE)}
    name = Path(report.path).name if report.path else ""
    first = f"校验结果：{name}" + (
        f"（检查日期 {format_cn_iso(report.today)}）" if report.today else ""
    )
    second = "，".join(f"{SEVERITY_LABEL[s]} {n} 处" for s, n in counts.items()) + "。"
    colours: dict[str, int] = defaultdict(int)
    for f in report.findings:
        if f.extra.get("colour"):
            colours[f.extra["colour"]] += 1
    if colours:
        second += "预警：" + "，".join(f"{c} {n} 项" for c, n in colours.items()) + "。"
    third = (
        "有错误，请按“说明”修改后再上报。"
        if counts[ERROR]
        else "没有错误，可以上报；警告请逐条核实。"
    )
    third += "点击“位置”跳到对应单元格；红色为错误，黄色为警告，鼠标移到单元格上可看批注。原台账未作修改。"
    return [first, second, third]


VALUE_CHARS = 40  # 内容 is there to recognise the cell; long text is cut


def _value_for_cell(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, (dt.date, dt.datetime)):
        return format_cn_date(value)
    if value is None or isinstance(value, (int, float)):
        return value
    text = str(value)
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS] + "……"


def _results_sheet(wb: Workbook, report: Report) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws = wb.create_sheet(C.SHEET_RESULTS, 0)
    body, bold = Font(name=FONT_BODY, size=11), Font(name=FONT_HEAD, size=11, bold=True)
    wrap = Alignment(horizontal="left", vertical="center", wrap_text=True)
    side = Side(style="thin", color="808080")
    border = Border(left=side, right=side, top=side, bottom=side)
    for r, line in enumerate(summary_lines(report), start=1):
        cell = set_text(ws.cell(r, 1), line)
        cell.font = Font(name=FONT_HEAD, size=14, bold=True) if r == 1 else body
    for j, (label, width) in enumerate(zip(RESULTS_HEADER, RESULTS_WIDTHS, strict=True), start=1):
        cell = set_text(ws.cell(RESULTS_HEADER_ROW, j), label)
        cell.font, cell.border = bold, border
        cell.fill = _solid("D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[cell.column_letter].width = width
    link_font = Font(name=FONT_BODY, size=11, color="0563C1", underline="single")
    r = RESULTS_HEADER_ROW
    for values, f in result_rows(report):
        r += 1
        for j, value in enumerate(values, start=1):
            cell = set_text(ws.cell(r, j), value)
            cell.font, cell.alignment, cell.border = body, wrap, border
        if f.severity in FILLS:
            ws.cell(r, 2).fill = _solid(FILLS[f.severity])
        target = link_target(f, wb.sheetnames)
        if target:
            ws.cell(r, 3).hyperlink = Hyperlink(ref=f"C{r}", location=target)
            ws.cell(r, 3).font = link_font
        ws.row_dimensions[r].height = _height(values, RESULTS_WIDTHS)
    ws.freeze_panes = f"A{RESULTS_HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{RESULTS_HEADER_ROW}:F{max(r, RESULTS_HEADER_ROW + 1)}"
    ws.sheet_properties.tabColor = "C00000"
    ws.print_title_rows = f"{RESULTS_HEADER_ROW}:{RESULTS_HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    set_active(wb, C.SHEET_RESULTS)


def result_rows(report: Report) -> list[tuple[tuple[Any, ...], Finding]]:
    """The 校验结果 table: one row of values (in ``RESULTS_HEADER`` order) per finding, with
    the finding, in report order. Shared with the live-workbook painter (excel.check_book)."""
    titles = _rule_titles()
    return [
        (
            (
                n,
                SEVERITY_LABEL[f.severity],
                f.cell or "—",
                titles.get(f.rule, f.rule),
                _value_for_cell(f.value),
                f.message,
            ),
            f,
        )
        for n, f in enumerate(report.sorted(), start=1)
    ]


def link_target(f: Finding, sheet_names: Any) -> str:
    """``'整改台账'!K12`` for a finding with a row (column A when it names no column) on one of
    ``sheet_names``; "" for a finding that has no cell to go to."""
    if not f.row or f.sheet not in set(sheet_names):
        return ""
    return f"{quote_sheet(f.sheet)}!{f.column or 'A'}{f.row}"


def _height(values: tuple[Any, ...], widths: tuple[int, ...]) -> float:
    lines = 1
    for value, width in zip(values, widths, strict=True):
        if isinstance(value, str):
            lines = max(lines, -(-display_width(value) // max(width - 1, 1)))
    return max(15.0, 14.5 * lines + 4)
