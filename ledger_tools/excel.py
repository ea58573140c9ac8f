"""Excel integration (xlwings): the check and the documents from buttons in the open workbook.

A thin adapter over the library. The live workbook's cells (values, merged areas, hidden rows)
become the same ``RawBook`` the file reader produces, so the same normaliser and validator run;
the findings are painted onto the live workbook with the same cell → colour/comment decision
as the ``--mark`` copy; the documents come from the same renderer.

Entry points for VBA ``RunPython`` (no arguments, on ``xw.Book.caller()``)::

    RunPython "import ledger_tools.excel as lt; lt.check()"     ' 校验台账
    RunPython "import ledger_tools.excel as lt; lt.plan()"      ' 生成整改方案
    RunPython "import ledger_tools.excel as lt; lt.report()"    ' 生成整改情况报告
    RunPython "import ledger_tools.excel as lt; lt.clear()"     ' 清除校验标记

and the same on any ``xlwings.Book``: ``check_book``, ``clear_marks``, ``plan_book``,
``report_book``. xlwings is imported lazily: ``import ledger_tools`` never imports it.

Each button press is a new Python process, so what ``clear_marks`` needs (the fills that the
check replaced, the notes it added) is kept in the workbook itself, on a hidden sheet.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from ledger_tools.errors import LedgerToolsError
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import EXCEL_ERRORS, column_letter
from ledger_tools.ledger.findings import NOTE, Finding, Report
from ledger_tools.ledger.reading import RawBook, RawSheet

RESULTS_SHEET = C.SHEET_RESULTS
# Hidden sheet holding the fills the check replaced and the notes it added (see clear_marks).
MARKS_SHEET = "_ledger_tools_marks"
MARKS_HEADER = ["工作表", "单元格", "原填充色", "已加批注"]
OWN_SHEETS = (RESULTS_SHEET, MARKS_SHEET)

ALERT_TITLE = "整改台账工具"
INSTALL_HINT = 'pip install "ledger-tools[excel]"'


class ExcelUnavailable(LedgerToolsError):
    """xlwings is not installed, or no Microsoft Excel is running (exit 2)."""


# ---------------------------------------------------------------------------------------------
# xlwings and Excel availability.


def require_xlwings() -> ModuleType:
    """The xlwings module, or a Chinese message saying how to install it."""
    try:
        import xlwings
    except ImportError:
        raise ExcelUnavailable(
            f"没有安装 xlwings，无法连接 Excel。请先运行：{INSTALL_HINT}，"
            "再运行 xlwings addin install 安装 Excel 加载项。"
            "不使用 Excel 时可直接用命令行，如 ledger-tools check 台账.xlsx。"
        ) from None
    return xlwings


def active_book() -> Any:
    """The active workbook of the running Microsoft Excel (Windows or macOS)."""
    xw = require_xlwings()
    no_excel = (
        "需要 Microsoft Excel：ledger-tools excel 只能在装有 Microsoft Excel 的 Windows 或 macOS "
        "电脑上使用，并且要先用 Excel 打开台账。"
    )
    if sys.platform not in ("win32", "darwin"):
        raise ExcelUnavailable(
            f"{no_excel}本机（{sys.platform}）没有 Excel，请改用命令行，如 ledger-tools check 台账.xlsx。"
        )
    try:
        app = xw.apps.active
        book = app.books.active if app is not None else None
    except Exception as exc:  # noqa: BLE001 - COM/AppleScript errors of every kind
        raise ExcelUnavailable(
            f"{no_excel}连接 Excel 失败（{type(exc).__name__}）：请确认 Excel 已打开台账且没有对话框在等待。"
        ) from None
    if book is None:
        raise ExcelUnavailable(f"{no_excel}没有找到正在运行且打开了工作簿的 Excel。")
    return book


# ---------------------------------------------------------------------------------------------
# Reading: live workbook → RawBook.


def book_to_rawbook(book: Any, sheet: str | None = None) -> RawBook:
    """The live workbook's sheets as the grids the file reader produces (``RawBook``).

    Values come from Excel as they are now, unsaved edits included; dates arrive as datetimes
    and numbers as floats, as from the file reader. Merged areas and hidden rows/columns are
    read where the engine can report them. The tool's own sheets (校验结果 and the hidden
    marks sheet) are left out.
    """
    return _read_book(book, sheet)[0]


def _read_book(book: Any, wanted: str | None = None) -> tuple[RawBook, list[str], list[str]]:
    """``RawBook`` plus the facts the engine could not report and the sheets passed over for
    their size (``MAX_LIVE_CELLS``), for notes in the report. ``wanted``: the ledger sheet
    asked for (``sheet=``), refused rather than passed over."""
    sheets: dict[str, RawSheet] = {}
    limits: set[str] = set()
    skipped: list[str] = []
    for sheet in book.sheets:
        if sheet.name in OWN_SHEETS:
            continue
        last = sheet.used_range.last_cell
        if last.row * last.column > MAX_LIVE_CELLS:
            where = f"{column_letter(last.column - 1)}{last.row}"
            if sheet.name in NEEDED_SHEETS or sheet.name == wanted:
                raise LedgerToolsError(_too_wide(sheet.name, where, last.row * last.column))
            skipped.append(f"“{sheet.name}”（已用区域到 {where}）")
            continue
        sheets[sheet.name] = _read_sheet(sheet, limits)
    return RawBook(path=book_path(book), sheets=sheets), sorted(limits), skipped


# Excel hands over a sheet's whole used range, cell by cell: a value far away (XFD1048576) or
# borders set down whole columns make it millions or billions of cells, and Excel stops
# answering. The file reader reads only the sheets it needs and cuts stray cells off; here a
# sheet that large is not read: refused if the ledger needs it, passed over otherwise.
MAX_LIVE_CELLS = 4_000_000
NEEDED_SHEETS = (C.SHEET_LEDGER, C.SHEET_INFO, C.SHEET_TEXT, C.SHEET_MAPPING, C.SHEET_STATUS_MAP)


def _too_wide(name: str, where: str, cells: int) -> str:
    return (
        f"工作表“{name}”的已用区域到 {where}（{cells:,} 个单元格），远大于台账的实际内容"
        "（通常是整列、整行设置了格式或边框，或很远处有内容），从 Excel 逐格读取会让 Excel 长时间无响应，"
        "未读取。请删除表格下方和右侧多余的行、列（选中后右键“删除”），保存后再试；"
        "或在命令行运行 ledger-tools check 台账.xlsx（它只读取有内容的部分）。"
    )


def book_path(book: Any) -> str:
    """The workbook's full name (path on disk, a URL for cloud files, the name if unsaved)."""
    try:
        return str(book.fullname)
    except Exception:  # noqa: BLE001 - some engines know only the name
        return str(book.name)


def _read_sheet(sheet: Any, limits: set[str]) -> RawSheet:
    last = sheet.used_range.last_cell
    nrows, ncols = last.row, last.column
    # Read from A1 so that rows[i][j] is Excel row i+1, column j+1, as from the file reader.
    grid = sheet.range((1, 1), (nrows, ncols)).options(ndim=2, err_to_str=True).value or [[]]
    # Empty cells as "" like the file reader (calamine); error values (#DIV/0! …) arrive as
    # their text and are kept apart, as the file reader keeps them (a formula-error finding).
    rows = _trim([["" if v is None else v for v in r] for r in grid])
    nrows = len(rows)
    ncols = max((len(r) for r in rows), default=0)
    raw = RawSheet(name=sheet.name, rows=rows)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v.__class__ is str and v in EXCEL_ERRORS:
                row[c] = None
                raw.error_cells[(r, c)] = v
    if nrows and ncols:
        raw.merged = (
            _optional(lambda: merged_areas(sheet, nrows, ncols), "合并单元格", limits) or []
        )
        raw.hidden_rows = _optional(lambda: hidden_rows(sheet, nrows), "隐藏行", limits) or set()
        raw.hidden_cols = _optional(lambda: hidden_cols(sheet, ncols), "隐藏列", limits) or set()
    return raw


def _trim(rows: list[list[Any]]) -> list[list[Any]]:
    """Drop trailing empty rows and columns (formatted but empty cells widen Excel's used range)."""
    while rows and all(v == "" for v in rows[-1]):
        rows.pop()
    width = 0
    for row in rows:
        for j in range(len(row) - 1, -1, -1):
            if row[j] != "":
                width = max(width, j + 1)
                break
    return [row[:width] for row in rows]


def _optional(read: Callable[[], Any], what: str, limits: set[str]) -> Any:
    # The JSON (remote) engine cannot read merged areas, fills or hidden rows synchronously
    # (NotImplementedError); an older xlwings may lack rows.hidden (AttributeError).
    try:
        return read()
    except (NotImplementedError, AttributeError):
        limits.add(what)
        return None


def merged_areas(sheet: Any, nrows: int, ncols: int) -> list[tuple[int, int, int, int]]:
    """Merged areas within rows 1..nrows, columns 1..ncols, as 0-based inclusive tuples.

    Excel answers ``merge_cells`` for a whole range (True all merged, False none, None mixed),
    so each column is split in halves only where it is mixed and walked area by area where it
    is all merged: a few calls per merged area instead of one per cell.
    """
    found: dict[tuple[int, int, int, int], None] = {}
    if sheet.range((1, 1), (nrows, ncols)).merge_cells is False:
        return []  # most sheets: one call
    for c in range(1, ncols + 1):
        covered = _covered_rows(found, c)
        stack = [(1, nrows)]
        while stack:
            a, b = stack.pop()
            state = sheet.range((a, c), (b, c)).merge_cells
            if state is False:
                continue
            if state is True:
                r = a
                while r <= b:
                    if r in covered:  # already known from a wider area found in an earlier column
                        r = covered[r] + 1
                        continue
                    area = sheet.range((r, c)).merge_area
                    last = area.last_cell
                    key = (area.row - 1, area.column - 1, last.row - 1, last.column - 1)
                    found[key] = None
                    r = last.row + 1
            elif a < b:
                mid = (a + b) // 2
                stack += [(mid + 1, b), (a, mid)]
    return list(found)


def _covered_rows(found: dict[tuple[int, int, int, int], None], c: int) -> dict[int, int]:
    """Row → last row of a known merged area covering column ``c`` (1-based)."""
    covered = {}
    for r1, c1, r2, c2 in found:
        if c1 <= c - 1 <= c2:
            for r in range(r1 + 1, r2 + 2):
                covered[r] = r2 + 1
    return covered


def hidden_rows(sheet: Any, nrows: int) -> set[int]:
    """Excel numbers of the hidden rows among 1..nrows."""
    return {r for r in _hidden(lambda a, b: sheet.range((a, 1), (b, 1)).rows.hidden, nrows)}


def hidden_cols(sheet: Any, ncols: int) -> set[int]:
    """0-based indexes of the hidden columns among 1..ncols."""
    return {c - 1 for c in _hidden(lambda a, b: sheet.range((1, a), (1, b)).columns.hidden, ncols)}


def _hidden(state: Callable[[int, int], Any], n: int) -> Iterator[int]:
    # Same bisection as merged_areas: True all hidden, False none, None mixed.
    stack = [(1, n)]
    while stack:
        a, b = stack.pop()
        s = state(a, b)
        if s is True:
            yield from range(a, b + 1)
        elif s is not False and a < b:
            mid = (a + b) // 2
            stack += [(mid + 1, b), (a, mid)]


# ---------------------------------------------------------------------------------------------
# Check.


def check_book(
    book: Any,
    today: dt.date | None = None,
    *,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Report:
    """Check the live workbook and mark it, like ``ledger-tools check --mark`` but in place.

    The 校验结果 sheet is created (first) or refreshed: the same summary lines and table as
    the marked copy (序号, 级别, 位置, 规则, 内容, 说明), 位置 linking to the cell. Cells with
    errors are filled red, with warnings yellow, and get a note listing the findings unless
    they already have one. The previous check's marks are undone first; what the fills were
    before is kept on a hidden sheet so ``clear_marks`` can restore them. Values are never
    touched. Returns the same ``Report`` as ``ledger-tools check`` gives for the saved file.
    """
    report, merged = _validate(book, today, mapping, sheet)
    _paint(book, report, merged)
    results = _sheet(book, RESULTS_SHEET)
    if results is not None:
        results.activate()
    return report


def validate_book(
    book: Any,
    today: dt.date | None = None,
    *,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Report:
    """The same checks as ``ledger-tools check`` on the live workbook, without marking it."""
    return _validate(book, today, mapping, sheet)[0]


def _validate(
    book: Any, today: dt.date | None, mapping: dict[str, str] | None, sheet: str | None
) -> tuple[Report, dict[str, list[tuple[int, int, int, int]]]]:
    from ledger_tools.ledger.normalise import ledger_from_rawbook
    from ledger_tools.ledger.schema import validate

    raw, limits, skipped = _read_book(book, sheet)
    # The normaliser consumes the merged areas (it fills them); the painter needs them after.
    merged = {name: list(ws.merged) for name, ws in raw.sheets.items()}
    ledger = ledger_from_rawbook(raw, mapping=mapping, sheet=sheet)
    report = validate(ledger, today=today)
    from ledger_tools.upward.consistency import add_merge_findings

    add_merge_findings(raw, ledger, report, today)  # a 汇总台账: its 汇总 sheet, as check does
    if limits:
        report.findings.append(
            Finding(
                "excel-engine-limits",
                NOTE,
                f"当前连接 Excel 的方式无法读取{'、'.join(limits)}，校验时按没有处理；"
                "请在桌面版 Microsoft Excel 中使用本功能。",
            )
        )
    if skipped:
        report.findings.append(
            Finding(
                "excel-sheet-too-large",
                NOTE,
                f"工作表{'、'.join(skipped)}的已用区域过大（超过 {MAX_LIVE_CELLS:,} 个单元格，"
                "通常是整列设置了格式或很远处有内容），从 Excel 读取会长时间无响应，未读取。"
                "它不是台账需要的表，不影响校验；需要时请删除多余的行、列后保存。",
            )
        )
    return report, merged


@dataclass
class _Mark:
    """One cell the check filled: enough to undo it in a later process (``clear_marks``)."""

    sheet: str
    address: str  # "K12"
    previous: str | None  # "#RRGGBB", or None for no fill
    note_added: bool = False


def _paint(book: Any, report: Report, merged: dict[str, list[tuple[int, int, int, int]]]) -> None:
    from ledger_tools.ledger.findings import cell_marks
    from ledger_tools.ledger.marking import FILLS

    old = _read_marks(book)
    _restore(book, old)
    # A cell marked last time shows our colour now: what it had before is in the old marks.
    before = {(m.sheet, m.address): m.previous for m in old}
    sheets = {s.name: s for s in book.sheets if s.name not in OWN_SHEETS}
    findings = [f for f in report.findings if f.sheet in sheets]
    marks: list[_Mark] = []
    notes_ok = True
    for mark in cell_marks(findings, _anchor(merged)):
        rng = sheets[mark.sheet].range(mark.cell)
        key = (mark.sheet, mark.cell)
        previous = before[key] if key in before else _fill_of(rng)
        rng.color = "#" + FILLS[mark.severity]
        added = False
        if notes_ok:
            added, notes_ok = _add_note(rng, mark.comment)
        marks.append(_Mark(mark.sheet, mark.cell, previous, added))
    _write_results(book, report, set(sheets))
    _write_marks(book, marks)


def _anchor(merged: dict[str, list[tuple[int, int, int, int]]]) -> Callable[[str, str], str]:
    """(sheet, "K12") → the top-left cell of the merged area holding it (else the cell)."""
    from ledger_tools.ledger.cells import column_index, column_letter

    def anchor(sheet: str, coord: str) -> str:
        m = re.match(r"([A-Z]+)(\d+)$", coord)
        if not m:
            return coord
        r, c = int(m.group(2)) - 1, column_index(m.group(1))
        for r1, c1, r2, c2 in merged.get(sheet, ()):
            if r1 <= r <= r2 and c1 <= c <= c2:
                return f"{column_letter(c1)}{r1 + 1}"
        return coord

    return anchor


def _fill_of(rng: Any) -> str | None:
    try:
        rgb = rng.color
    except NotImplementedError:  # the JSON engine cannot read fills: restore to no fill
        return None
    return None if rgb is None else "#{:02X}{:02X}{:02X}".format(*rgb)


def _add_note(rng: Any, text: str) -> tuple[bool, bool]:
    """Add a note unless the cell has one. Returns (added, the engine can add notes)."""
    try:
        if rng.note is not None:
            return False, True  # the user's own note stays as it is
        rng.add_note(text)
    except (NotImplementedError, AttributeError):  # engine or xlwings version without notes
        return False, False
    return True, True


def clear_marks(book: Any) -> int:
    """Undo ``check_book``: restore the fills it replaced, delete the notes it added, remove the
    校验结果 and marks sheets. Returns how many cells were restored. Values are untouched."""
    old = _read_marks(book)
    _restore(book, old)
    for name in OWN_SHEETS:
        ws = _sheet(book, name)
        if ws is not None:
            ws.delete()
    return len(old)


def _restore(book: Any, marks: list[_Mark]) -> None:
    sheets = {s.name: s for s in book.sheets}
    for m in marks:
        ws = sheets.get(m.sheet)
        if ws is None:
            continue
        rng = ws.range(m.address)
        rng.color = m.previous
        if m.note_added:
            try:
                note = rng.note
                if note is not None:
                    note.delete()
            except (NotImplementedError, AttributeError):
                pass


def _sheet(book: Any, name: str) -> Any:
    for s in book.sheets:
        if s.name == name:
            return s
    return None


_ADDRESS = re.compile(r"^[A-Z]{1,3}[1-9][0-9]{0,6}$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _read_marks(book: Any) -> list[_Mark]:
    ws = _sheet(book, MARKS_SHEET)
    if ws is None:
        return []
    last = ws.used_range.last_cell
    # its four columns only: a value far to the right (XFD1048576, in a workbook from
    # elsewhere) made the used range, and the read, 17 billion cells
    grid = ws.range((1, 1), (last.row, len(MARKS_HEADER))).options(ndim=2).value or []
    marks = []
    for row in grid[1:]:
        sheet_name, address, colour, note = (list(row) + [None] * 4)[:4]
        if not sheet_name or not isinstance(address, str) or not _ADDRESS.match(address):
            continue  # a damaged row: skip it rather than restore the wrong cell
        colour = colour if isinstance(colour, str) and _COLOUR.match(colour) else None
        marks.append(_Mark(str(sheet_name), address, colour, note in (1, 1.0, True, "1")))
    return marks


def _write_marks(book: Any, marks: list[_Mark]) -> None:
    ws = _sheet(book, MARKS_SHEET)
    if not marks:
        if ws is not None:
            ws.delete()
        return
    if ws is None:
        ws = book.sheets.add(MARKS_SHEET, after=book.sheets[len(book.sheets) - 1])
        ws.visible = False
    else:
        ws.clear()
    rows = [MARKS_HEADER] + [
        [_text(m.sheet), m.address, m.previous or "", 1 if m.note_added else 0] for m in marks
    ]
    ws.range((1, 1)).value = rows


def _write_results(book: Any, report: Report, sheet_names: set[str]) -> None:
    """Create or refresh 校验结果: the marked copy's summary lines and table, 位置 linking to
    the cell (a HYPERLINK formula: one write for the whole column however many findings)."""
    from ledger_tools.ledger.marking import (
        FILLS,
        RESULTS_HEADER,
        RESULTS_HEADER_ROW,
        RESULTS_WIDTHS,
        link_target,
        result_rows,
        summary_lines,
    )

    ws = _sheet(book, RESULTS_SHEET)
    if ws is None:
        ws = book.sheets.add(RESULTS_SHEET, before=book.sheets[0])
    else:
        ws.clear()
    ws.range((1, 1)).value = [[_text(line)] for line in summary_lines(report)]
    rows = result_rows(report)
    ws.range((RESULTS_HEADER_ROW, 1)).value = [list(RESULTS_HEADER)] + [
        [_text(v) for v in values] for values, _ in rows
    ]
    ws.range((RESULTS_HEADER_ROW, 1), (RESULTS_HEADER_ROW, len(RESULTS_HEADER))).font.bold = True
    for j, width in enumerate(RESULTS_WIDTHS, start=1):
        ws.range((RESULTS_HEADER_ROW, j)).column_width = width
    if not rows:
        return
    first = RESULTS_HEADER_ROW + 1
    link_col = RESULTS_HEADER.index("位置") + 1
    links = []
    for values, f in rows:
        target = link_target(f, sheet_names)
        label = values[link_col - 1]
        links.append([_hyperlink(target, label) if target else _text(label)])
    ws.range((first, link_col), (first + len(rows) - 1, link_col)).formula = links
    level_col = RESULTS_HEADER.index("级别") + 1
    for i, (_, f) in enumerate(rows):
        if f.severity in FILLS:
            ws.range((first + i, level_col)).color = "#" + FILLS[f.severity]


def _hyperlink(target: str, label: str) -> str:
    """``=HYPERLINK("#'整改台账'!K12","整改台账!K12")``: a link within the workbook."""

    def q(text: str) -> str:
        return text.replace('"', '""')

    return f'=HYPERLINK("#{q(target)}","{q(label)}")'


_FORMULA_START = ("=", "+", "-", "@")


def _text(value: Any) -> Any:
    """A value as written into a cell: text starting with = + - @ stays text (a leading
    apostrophe, which Excel keeps as the cell's prefix, not as part of the value)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


# ---------------------------------------------------------------------------------------------
# Documents.


def plan_book(
    book: Any,
    out: str | os.PathLike[str] | None = None,
    *,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Path:
    """Write the 整改方案 for the live workbook next to its file (under a new name such as
    整改方案(2).docx when one exists); returns the path. An explicit ``out`` that exists is
    refused (``OutputError``)."""
    return _render_book(
        book, "plan", out, template=template, force=force, mapping=mapping, sheet=sheet
    )


def report_book(
    book: Any,
    kind: str = "report",
    out: str | os.PathLike[str] | None = None,
    *,
    as_of: dt.date | None = None,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Path:
    """Write the 整改情况报告 (``kind="report"``) or 整改进展情况通报 (``"notice"``) next to
    the workbook's file (under a new name such as 整改情况报告(2).docx when one exists);
    returns the path. An explicit ``out`` that exists is refused (``OutputError``)."""
    return _render_book(
        book, kind, out, as_of=as_of, template=template, force=force, mapping=mapping, sheet=sheet
    )


def _render_book(
    book: Any,
    kind: str,
    out: str | os.PathLike[str] | None,
    *,
    as_of: dt.date | None = None,
    template: str | os.PathLike[str] | None = None,
    force: bool = False,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Path:
    from ledger_tools.documents.context import DOC_NAMES
    from ledger_tools.documents.render import render
    from ledger_tools.ledger.normalise import ledger_from_rawbook
    from ledger_tools.output import numbered_name

    ledger = ledger_from_rawbook(book_to_rawbook(book, sheet), mapping=mapping, sheet=sheet)
    if out is None:
        # a button cannot ask "overwrite?": an existing document (perhaps edited by hand)
        # is kept and the new one is 整改情况报告(2).docx, as Word and Explorer name copies
        out = numbered_name(document_folder(book) / f"{DOC_NAMES[kind]}.docx")
    return render(ledger, kind, out, template=template, as_of=as_of, force=force)


def document_folder(book: Any) -> Path:
    """Where documents go: the workbook's folder; for an unsaved or cloud workbook (no local
    folder), the user's 文档/Documents folder, else the home folder."""
    full = book_path(book)
    if "://" not in full:
        folder = Path(full).parent
        if str(folder) not in ("", ".") and folder.is_dir():
            return folder
    home = Path.home()
    docs = home / "Documents"
    return docs if docs.is_dir() else home


# ---------------------------------------------------------------------------------------------
# RunPython entry points (each button press runs one of these in a fresh Python process).


def check() -> None:
    """Button 校验台账: check the calling workbook, mark it, show the 校验结果 sheet."""
    _from_excel(_check_and_tell)


def clear() -> None:
    """Button 清除标记: undo the last check's colours and notes, remove 校验结果."""

    def run(book: Any) -> None:
        n = clear_marks(book)
        _alert(book, f"已清除校验标记，恢复了 {n} 个单元格的原有底色。")

    _from_excel(run)


def plan() -> None:
    """Button 生成整改方案: write the plan next to the workbook and say where."""
    _from_excel(lambda book: _document_and_tell(book, "plan"))


def report() -> None:
    """Button 生成整改情况报告: write the report next to the workbook and say where."""
    _from_excel(lambda book: _document_and_tell(book, "report"))


def _document_and_tell(book: Any, kind: str) -> None:
    from ledger_tools.documents.context import DOC_NAMES
    from ledger_tools.errors import LedgerHasErrors

    try:
        out = plan_book(book) if kind == "plan" else report_book(book, kind)
    except LedgerHasErrors as err:
        errors = list(getattr(err.report, "findings", []) or [])
        lines = [
            f"台账有 {len(errors)} 处错误，未生成{DOC_NAMES[kind]}。"
            "请先点“校验台账”，按“校验结果”表改正后再生成。"
        ]
        lines += [f"{f.cell or f.sheet}：{f.message}" for f in errors[:5]]
        if len(errors) > 5:
            lines.append(f"……另有 {len(errors) - 5} 处。")
        _alert(book, "\n".join(lines), critical=True)
        return
    _alert(book, f"已生成{DOC_NAMES[kind]}，保存在：\n{out}")


def _check_and_tell(book: Any) -> None:
    _alert(book, summary(check_book(book)))


def summary(report: Report) -> str:
    """One line for the alert after a check."""
    n_err, n_warn = len(report.errors), len(report.warnings)
    if n_err:
        return f"发现 {n_err} 处错误、{n_warn} 处警告，已在“{RESULTS_SHEET}”表列出并标红/标黄，请修改后再校验。"
    if n_warn:
        return (
            f"没有错误，可以上报；有 {n_warn} 处警告（已标黄），请在“{RESULTS_SHEET}”表逐条核实。"
        )
    return "没有发现问题，可以上报。"


def _from_excel(action: Callable[[Any], None]) -> None:
    xw = require_xlwings()
    book = xw.Book.caller()
    try:
        action(book)
    except LedgerToolsError as err:
        _alert(book, err.message, critical=True)
    except Exception as err:  # noqa: BLE001 - a message box, not a VBA traceback dialog
        _alert(
            book,
            f"处理时发生意外问题（{type(err).__name__}）。"
            "请在命令行运行 ledger-tools check 台账.xlsx --debug 并把输出反馈给开发者。",
            critical=True,
        )


def _alert(book: Any, message: str, *, critical: bool = False) -> None:
    book.app.alert(message, title=ALERT_TITLE, mode="critical" if critical else "info")
