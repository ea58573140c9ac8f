"""Reading a workbook into plain cell grids (``RawBook``), whatever wrote it.

This stage knows about files (xlsx/xlsm/xls, encryption, corrupt zips, hidden rows, formulas
without cached values) and nothing about ledgers. ``normalise`` turns a ``RawBook`` into a
``Ledger``. The Excel add-in (``excel``) builds the same ``RawBook`` from a live workbook, so
both paths share every rule after this point.
"""

from __future__ import annotations

import html
import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger_tools.cells import column_index
from ledger_tools.errors import UnreadableFile


@dataclass
class RawSheet:
    """One sheet as a grid of values.

    ``rows[i][j]`` is the value of Excel row ``i + 1``, column ``j + 1`` (str, float, int, bool,
    datetime.date/datetime, or None). ``merged`` holds 0-based inclusive ranges
    ``(first_row, first_col, last_row, last_col)``. ``hidden_rows`` are Excel row numbers,
    ``hidden_cols`` 0-based column indexes. ``formulas_without_value`` are 0-based
    ``(row, col)`` of formula cells that have no cached value.
    """

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)


@dataclass
class RawBook:
    path: str
    sheets: dict[str, RawSheet]  # in workbook order


# ---------------------------------------------------------------------------------------------
# The file reader.

_ZIP_MAGIC = b"PK\x03\x04"
_CFB_MAGIC = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls/.et, or an encrypted .xlsx
)
_SAVE_AS_HINT = "请用 Excel 或 WPS 打开后“另存为” .xlsx 格式再试。"


def read_workbook(path: str | os.PathLike[str], sheets: Iterable[str] | None = None) -> RawBook:
    """Read every sheet (or only ``sheets``) of an .xlsx/.xlsm/.xls file into grids.

    Raises ``UnreadableFile`` with a Chinese message for anything that is not a readable
    workbook: missing, not Excel, corrupt, encrypted, unsupported.
    """
    p = Path(path)
    kind = _sniff(p)
    book = _open_calamine(p, kind)
    wanted = list(sheets) if sheets is not None else None
    names = [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")] or list(
        book.sheet_names
    )
    xml_parts = _sheet_parts(p) if kind == "zip" else {}
    result: dict[str, RawSheet] = {}
    for name in names:
        if wanted is not None and name not in wanted:
            continue
        result[name] = _read_sheet(p, book, name, xml_parts.get(name))
    return RawBook(path=str(p), sheets=result)


def _sniff(p: Path) -> str:
    if not p.exists():
        raise UnreadableFile(f"找不到文件：{p}。请检查文件名和路径是否正确。")
    if p.is_dir():
        raise UnreadableFile(f"{p} 是一个文件夹，不是 Excel 文件。请指定台账文件。")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnreadableFile(
            f"无法打开 {p}：{exc.strerror}。请检查文件是否被占用或有无读取权限。"
        ) from exc
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    if head == _CFB_MAGIC:
        if _is_encrypted_ooxml(p):
            raise UnreadableFile(
                f"{p.name} 设置了打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码"
                "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存一份再试。"
            )
        return "cfb"
    if not head:
        raise UnreadableFile(f"{p.name} 是空文件（0 字节），不是有效的 Excel 文件。{_SAVE_AS_HINT}")
    raise UnreadableFile(f"{p.name} 不是 Excel 工作簿（.xlsx/.xlsm/.xls）。{_SAVE_AS_HINT}")


def _is_encrypted_ooxml(p: Path) -> bool:
    # An encrypted .xlsx is a compound file holding "EncryptionInfo"/"EncryptedPackage" streams.
    marker = "EncryptionInfo".encode("utf-16-le")
    with p.open("rb") as fh:
        return marker in fh.read(4 * 1024 * 1024)


def _open_calamine(p: Path, kind: str) -> Any:
    import python_calamine as pc

    if kind == "zip":
        try:
            with zipfile.ZipFile(p) as zf:
                members = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
            members = set()
        if "xl/workbook.xml" not in members:
            raise UnreadableFile(_not_a_workbook(p, members)) from None
    try:
        if kind == "cfb":
            # Old binary .xls (and WPS .et, which shares the format): calamine reads it
            # whatever the file is called.
            with p.open("rb") as fh:
                return pc.CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
        return pc.CalamineWorkbook.from_path(str(p))
    except pc.PasswordError:
        raise UnreadableFile(f"{p.name} 设置了密码，无法读取。请取消密码后另存一份再试。") from None
    except Exception as exc:  # calamine raises several error types for broken files
        raise UnreadableFile(f"无法读取 {p.name}（{_short(exc)}）。{_SAVE_AS_HINT}") from None


# Other Office files are zips too: a Word or PowerPoint file given by mistake is named as such.
_OTHER_OFFICE = {"word/document.xml": "Word 文档", "ppt/presentation.xml": "PowerPoint 演示文稿"}


def _not_a_workbook(p: Path, members: set[str]) -> str:
    for member, what in _OTHER_OFFICE.items():
        if member in members:
            return (
                f"{p.name} 是 {what}，不是 Excel 台账。请指定整改台账的 .xlsx 文件"
                "（文稿模板请用 --template 指定）。"
            )
    return (
        f"{p.name} 已损坏或不是完整的 .xlsx 文件（可能下载或拷贝不完整）。"
        "请重新获取原文件，或用 Excel 或 WPS 打开后“另存为” .xlsx 格式再试。"
    )


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def _read_sheet(p: Path, book: Any, name: str, part: str | None) -> RawSheet:
    try:
        sheet = book.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
        merged = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])]
    except Exception as exc:  # noqa: BLE001 - a broken sheet is reported, not a traceback
        raise UnreadableFile(
            f"无法读取 {p.name} 的工作表“{name}”（{_short(exc)}）。{_SAVE_AS_HINT}"
        ) from None
    raw = RawSheet(name=name, rows=rows, merged=merged)
    if part:
        _scan_sheet_xml(p, part, raw)
    return raw


# Attributes calamine does not expose, read straight from the sheet XML with regexes: much
# cheaper than a full XML parse of a 100,000-row sheet, and only these three facts are needed.
_ROW_HIDDEN = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"')
_ROW_HIDDEN_REV = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*?\br="(\d+)"')
_COL_HIDDEN = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_FORMULA_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*(?:/>|>.*?</(?:\w+:)?f>)\s*(<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>)?',
    re.S,
)


_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?\bt="e"[^>]*>.*?<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>',
    re.S,
)


def _scan_sheet_xml(p: Path, part: str, raw: RawSheet) -> None:
    try:
        with zipfile.ZipFile(p) as zf:
            xml = zf.read(part)
    except (KeyError, zipfile.BadZipFile, OSError):
        return
    if b'hidden="' in xml:  # one fast scan spares two regexes over a large sheet
        raw.hidden_rows = {int(m.group(1)) for m in _ROW_HIDDEN.finditer(xml)}
        raw.hidden_rows |= {int(m.group(1)) for m in _ROW_HIDDEN_REV.finditer(xml)}
    head = xml[: xml.find(b"sheetData")]  # <cols> comes before the cells
    for m in _COL_HIDDEN.finditer(head):
        attrs = m.group(1)
        if re.search(rb'\bhidden="(?:1|true)"', attrs):
            lo = re.search(rb'\bmin="(\d+)"', attrs)
            hi = re.search(rb'\bmax="(\d+)"', attrs)
            if lo and hi:
                raw.hidden_cols |= set(range(int(lo.group(1)) - 1, min(int(hi.group(1)), 16384)))
    if b't="e"' in xml:  # Excel error values (#DIV/0!, #REF! …): calamine gives ""
        for m in _ERROR_CELL.finditer(xml):
            r, c = int(m.group(2)) - 1, column_index(m.group(1).decode())
            raw.error_cells[(r, c)] = html.unescape(m.group(3).decode("utf-8", "replace"))
            if r < len(raw.rows) and c < len(raw.rows[r]):
                raw.rows[r][c] = None
    if b"<f" in xml or b":f" in xml:
        for m in _FORMULA_CELL.finditer(xml):
            if m.group(3) is None or not m.group(4):
                raw.formulas_without_value.add(
                    (int(m.group(2)) - 1, column_index(m.group(1).decode()))
                )


def _sheet_parts(p: Path) -> dict[str, str]:
    """Sheet name → zip member of its XML, from workbook.xml and its relationships."""
    try:
        with zipfile.ZipFile(p) as zf:
            wb = zf.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    targets = {}
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        rid = re.search(r'\bId="([^"]+)"', tag)
        target = re.search(r'\bTarget="([^"]+)"', tag)
        if rid and target:
            t = target.group(1)
            t = t.lstrip("/") if t.startswith("/") else "xl/" + t
            targets[rid.group(1)] = t
    parts = {}
    for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", wb):
        tag = m.group(0)
        name = re.search(r'\bname="([^"]*)"', tag)
        rid = re.search(r'\br:id="([^"]+)"|\b\w+:id="([^"]+)"', tag)
        if name and rid:
            key = rid.group(1) or rid.group(2)
            if key in targets:
                parts[html.unescape(name.group(1))] = targets[key]
    return parts
