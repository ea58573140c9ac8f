"""Today's openpyxl marked-copy writer, kept only in the tests as the reference the XML-level
writer (``ledger_tools.ledger.marking``) is compared with: both copies, read back with openpyxl, must
hold the same values, fills, fonts, borders, comments, merges and links."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger_tools.errors import OutputError, UnreadableFile
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import strip_forbidden
from ledger_tools.ledger.findings import ERROR, WARNING, Finding, Report, cell_marks
from ledger_tools.ledger.marking import (
    COMMENT_AUTHOR,
    ORIGINAL_COMMENT,
    RESULTS_HEADER,
    RESULTS_HEADER_ROW,
    RESULTS_WIDTHS,
    SUFFIXES,
    _height,
    link_target,
    result_rows,
    summary_lines,
)
from ledger_tools.ledger.workbook import (
    FILL_RED,
    FILL_YELLOW,
    FONT_BODY,
    FONT_HEAD,
    display_width,
    set_active,
    set_text,
)
from ledger_tools.output import atomic_output

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FILLS = {ERROR: FILL_RED, WARNING: FILL_YELLOW}


def write_marked_copy_openpyxl(
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
