"""Reading a workbook into plain cell grids (``RawBook``), whatever wrote it.

This stage knows about files (xlsx/xlsm/xls, encryption, corrupt zips, hidden rows, formulas
without cached values, error values, hostile sizes) and nothing about ledgers. ``normalise``
turns a ``RawBook`` into a ``Ledger``. The Excel add-in (``excel``) builds the same ``RawBook``
from a live workbook, so both paths share every rule after this point.

Reading is bounded by the data, not by what a file claims (README, 安全与可靠性):

* sheets are read when first asked for (``RawBook.sheets`` is a lazy mapping), so a sheet the
  ledger does not use costs nothing, whatever it holds;
* every zip part read is checked against ``MAX_PART_BYTES`` and ``MAX_RATIO`` from the zip
  directory before anything is inflated (the zip reader under calamine stops at the declared
  size, so the declared size is a bound), and the sheet XML is scanned in bounded chunks;
* a cell far outside the used table (``XFD1048576``) is not given to calamine, which would
  build a dense grid up to it: the sheet is handed over in a copy without those cells, which
  are listed in ``RawSheet.stray_cells`` and become a warning (``reading_notes``).
"""

from __future__ import annotations

import contextlib
import functools
import html
import io
import itertools
import os
import re
import shutil
import struct
import tempfile
import threading
import zipfile
import zlib
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger_tools.errors import UnreadableFile
from ledger_tools.lazyre import lazy
from ledger_tools.ledger.cells import column_index, column_letter
from ledger_tools.ledger.findings import WARNING, Finding
from ledger_tools.ledger.partguard import (
    check_claims,
    check_macro_sheets,
    check_part_names,
    check_prologs,
    number_beyond_dates,
    other_format,
    quiet_stderr,
)


@dataclass
class RawSheet:
    """One sheet as a grid of values.

    ``rows[i][j]`` is the value of Excel row ``i + 1``, column ``j + 1`` (str, float, int, bool,
    datetime.date/datetime, or None). ``merged`` holds 0-based inclusive ranges
    ``(first_row, first_col, last_row, last_col)``, clipped to the grid. ``hidden_rows`` are
    Excel row numbers, ``hidden_cols`` 0-based column indexes. ``formulas_without_value`` are
    0-based ``(row, col)`` of formula cells that have no cached value. ``error_cells`` maps
    0-based ``(row, col)`` to the Excel error value a cell holds (``"#DIV/0!"``, ``"#REF!"``,
    ``"#N/A"``…); the grid has None there. ``stray_cells`` are 0-based ``(row, col)`` of cells
    far outside the used table that were not read (at most ``STRAY_LISTED``; ``stray_count``
    is the full number). ``live_formulas`` maps 0-based ``(row, col)`` to the text of formulas
    that reach outside the file (another workbook, DDE, WEBSERVICE/FILTERXML/RTD).
    """

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)
    stray_cells: list[tuple[int, int]] = field(default_factory=list)
    stray_count: int = 0
    live_formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    table_end: tuple[int, int] | None = None  # 0-based last (row, col) kept when cells were cut


@dataclass
class RawBook:
    """A workbook's sheets by name, in workbook order. ``sheets`` may be a plain dict (the
    Excel add-in) or the file reader's lazy mapping, which reads a sheet on first access."""

    path: str
    sheets: Mapping[str, RawSheet]
    # Defined names (名称管理器) that reach outside the file themselves: a cell's harmless
    # =zz runs them when the workbook is opened. name → formula.
    live_names: dict[str, str] = field(default_factory=dict)
    # Sheets hidden in Excel/WPS (右键→隐藏): never joined to the ledger unasked.
    hidden_sheets: frozenset[str] = frozenset()

    def sheets_read(self) -> list[RawSheet]:
        """The sheets read so far (every sheet of a plain dict)."""
        loaded = getattr(self.sheets, "loaded", None)
        return loaded() if callable(loaded) else list(self.sheets.values())


def _live_note(ws: RawSheet) -> Finding:
    (r, c), text = min(ws.live_formulas.items())
    cells = [f"{column_letter(c)}{r + 1}" for r, c in sorted(ws.live_formulas)[:5]]
    more = f" 等 {len(ws.live_formulas)} 个单元格" if len(ws.live_formulas) > 1 else " "
    return Finding(
        "live-formula",
        WARNING,
        f"工作表“{ws.name}”中 {'、'.join(cells)}{more}的公式引用其他工作簿或外部程序/网络"
        f"（如 ={text[:40]}），在 Excel/WPS 中打开时可能自动联网或运行程序。请确认来源可信，"
        "或把这些公式改为数值后再上报；--mark 的标注副本中已去掉这些公式，只保留计算结果。",
        ws.name,
        r + 1,
        column_letter(c),
        "",
        "=" + text,
    )


# ---------------------------------------------------------------------------------------------
# Limits. A real 100,000-measure ledger has a 53 MB sheet XML and a 78 MB shared-string table,
# each about 8-13 times their compressed size.

MAX_PART_BYTES = 1 << 30  # one decompressed part (sheet XML, shared strings, styles)
MAX_RATIO = 100  # decompressed/compressed above RATIO_FLOOR: beyond it, a zip bomb
RATIO_FLOOR = 16 << 20  # small parts may compress extremely well (empty rows, one style)
GRID_MIN_CELLS = 4_000_000  # a sheet's grid may always be this large …
GRID_PER_CELL = 8  # … or this many times the cells it really holds
GRID_HARD_CELLS = 60_000_000  # a grid calamine already built larger than this is refused
# The table read from one sheet (rows × columns, after stray cells far away are cut) at most:
# each cell costs calamine and Python ~150 bytes, each row a measure and its findings. A
# 200,000-row ledger of 20 columns (4 million, the largest benchmark) takes `check` 1 GB;
# 1,000,000 rows of 序号 and 问题 (13 million, a 13 MB file) took 5.6 GB, and calamine aborted
# the process under a 2 GB limit.
MAX_TABLE_CELLS = 6_000_000
SMALL_PART_BYTES = 64 << 20  # workbook.xml and its relationships
MAX_MEMBERS = 10_000  # parts of one zip (a workbook with a picture per row has a few thousand)
MAX_TOTAL_BYTES = 2 << 30  # all parts together, when far beyond the file's own size
CHUNK_BYTES = 4 << 20  # the sheet XML is scanned in chunks of about this size
MAX_CELL_BYTES = 64 << 20  # one row (or, inside a huge row, one cell) of XML
STRAY_LISTED = 100
MAX_CELL_CHARS = 32_767  # Excel's limit for the text of one cell
MAX_MERGES = 200_000  # merged ranges a sheet may always have (else at most one per cell)
ROW_GAP, COL_GAP = 1000, 26  # a gap at least this wide (and wider than the table) ends it

_ZIP_MAGIC = b"PK\x03\x04"
# What zipfile raises for a damaged part: bad CRC or header, truncated data, a compression
# method it does not know (NotImplementedError), an encrypted member (RuntimeError).
ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError)
_CFB_MAGIC = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls/.et, or an encrypted .xlsx
)
_SAVE_AS_HINT = "请用 Excel 或 WPS 打开后“另存为” .xlsx 格式再试。"
_SAVE_HINT = "未读取。请用 Excel/WPS 打开确认内容后“另存为”新的 .xlsx 再试。"
_TOO_BIG_HINT = (
    "可能已损坏或是特意构造的文件，未读取。请用 Excel/WPS 打开确认内容，删除多余内容后"
    "“另存为”新的 .xlsx 再试；如果确实是超大台账，请拆分成几个文件分别校验。"
)
_NOT_TO_SPLIT_HINT = _TOO_BIG_HINT.split("；")[0] + "。"  # (a part to clean, not a size)


def read_workbook(path: str | os.PathLike[str], sheets: Iterable[str] | None = None) -> RawBook:
    """Open an .xlsx/.xlsm/.xls file; its sheets (or only ``sheets``) are read into grids when
    first asked for (``raw.sheets[name]``).

    Raises ``UnreadableFile`` with a Chinese message for anything that is not a readable
    workbook: missing, not Excel, corrupt, encrypted, unsupported, over the size limits —
    here for the file, or on first access for a sheet.
    """
    p = Path(path)
    kind = _sniff(p)
    reader = _ZipReader(p) if kind == "zip" else _XlsReader(p)
    wanted = set(sheets) if sheets is not None else None
    names = [n for n in reader.names if wanted is None or n in wanted]
    live = getattr(reader, "live_names", {})
    hidden = frozenset(getattr(reader, "hidden_sheets", ()))
    return RawBook(
        path=str(p), sheets=_LazySheets(names, reader.read), live_names=live, hidden_sheets=hidden
    )


class _LazySheets(Mapping[str, RawSheet]):
    """Sheet name → ``RawSheet``, read on first access and kept."""

    def __init__(self, names: list[str], read: Callable[[str], RawSheet]) -> None:
        self._names = names
        self._read = read
        self._done: dict[str, RawSheet] = {}

    def __getitem__(self, name: str) -> RawSheet:
        if name not in self._done:
            if name not in self._names:
                raise KeyError(name)
            self._done[name] = self._read(name)
        return self._done[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def loaded(self) -> list[RawSheet]:
        return [self._done[n] for n in self._names if n in self._done]


def live_names(workbook_xml: str) -> dict[str, str]:
    """The defined names of ``workbook_xml`` whose formula reaches outside the file (DDE,
    WEBSERVICE, another workbook): name → formula."""
    found = {}
    for m in DEFINED_NAME.finditer(workbook_xml):
        text = html.unescape(m.group(2))
        if is_live_formula(text):
            name = re.search(r'\bname="([^"]*)"', m.group(1))
            found[html.unescape(name.group(1)) if name else "?"] = text
    return found


# a defined name (名称管理器) with its formula: (attributes, formula); marking drops the live ones
DEFINED_NAME = re.compile(r"<(?:\w+:)?definedName\b([^>]*)>([^<]*)</(?:\w+:)?definedName>")


def _live_names_note(names: dict[str, str]) -> Finding:
    name, text = next(iter(names.items()))
    more = f"等 {len(names)} 个名称" if len(names) > 1 else ""
    return Finding(
        "live-formula",
        WARNING,
        f"工作簿中定义的名称“{name}”{more}指向其他工作簿或外部程序/网络"
        f"（={text[:40]}），表格中引用它的单元格在 Excel/WPS 中打开时可能自动联网或"
        "运行程序。请确认来源可信，或在“公式→名称管理器”中删除这些名称后再上报；"
        "--mark 的标注副本中已去掉这些名称。",
        "",
        None,
        "",
        "",
        "=" + text,
    )


def reading_notes(raw: RawBook) -> list[Finding]:
    """Findings about what the reader left out or warns of: cells far outside the used
    table, formulas and defined names that reach outside the file."""
    notes = [_live_names_note(raw.live_names)] if raw.live_names else []
    for ws in raw.sheets_read():
        if ws.live_formulas:
            notes.append(_live_note(ws))
        if not ws.stray_count:
            continue
        r, c = ws.stray_cells[0]
        listed = "、".join(f"{column_letter(c)}{r + 1}" for r, c in ws.stray_cells[:5])
        more = f"等 {ws.stray_count} 个单元格" if ws.stray_count > 1 else " 单元格"
        end = ""
        if ws.table_end is not None:
            end = f"（表格到 {column_letter(ws.table_end[1])}{ws.table_end[0] + 1} 为止）"
        notes.append(
            Finding(
                "stray-cells",
                WARNING,
                f"工作表“{ws.name}”的 {listed}{more}远在表格之外{end}，未读取。"
                "如果这些内容有用，请移到表格内；否则请删除这些单元格后保存。",
                ws.name,
                r + 1,
                column_letter(c),
                "",
                ws.stray_count,
            )
        )
    return notes


def _sniff(p: Path) -> str:
    if not p.exists():
        from ledger_tools.errors import missing_file_hint

        hint = missing_file_hint(p) or "请检查文件名和路径是否正确。"
        raise UnreadableFile(f"找不到文件：{p}。{hint}")
    if p.is_dir():
        raise UnreadableFile(f"{p} 是一个文件夹，不是 Excel 文件。请指定台账文件。")
    if not p.is_file():  # a FIFO would block the read forever, a device never end
        raise UnreadableFile(f"{p} 不是普通文件（可能是管道或设备），无法读取。请指定台账文件。")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        from ledger_tools.errors import describe_os_error

        exc.filename = None  # named in the sentence
        raise UnreadableFile(f"无法打开 {p}：{describe_os_error(exc)}") from exc
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    if head == _CFB_MAGIC:
        if _is_encrypted_ooxml(p):
            raise UnreadableFile(
                f"{p.name} 设置了打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码"
                "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存一份再试。"
            )
        return "cfb"
    if p.name.startswith("~$"):
        raise UnreadableFile(_lock_file_message(p))
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"PK\x05\x06")):
        from ledger_tools.errors import archive_refusal

        raise UnreadableFile(archive_refusal(p, "ledger") or "")
    if not head:
        raise UnreadableFile(f"{p.name} 是空文件（0 字节），不是有效的 Excel 文件。{_SAVE_AS_HINT}")
    if what := other_format(p):
        if p.suffix.lower() in (".xls", ".xlsx", ".xlsm", ".et"):
            export = "（一些业务系统导出的“Excel”就是这样）" if what != "文本文件" else ""
            what = f"其实是{what}，只是扩展名为 {p.suffix}{export}，"
        else:
            what = f"是{what}，"
        hint = "如要从整改方案等 PDF 生成台账，请用 ledger-tools import。" if "PDF" in what else ""
        raise UnreadableFile(f"{p.name} {what}不是 Excel 工作簿。{hint or _SAVE_AS_HINT}")
    raise UnreadableFile(f"{p.name} 不是 Excel 工作簿（.xlsx/.xlsm/.xls）。{_SAVE_AS_HINT}")


def _lock_file_message(p: Path) -> str:
    """Excel and WPS put ``~$台账.xlsx`` beside a workbook while it is open (for a long name,
    ``~$`` and the name less its first two characters); a clerk who picks it up is told so,
    and which file is the ledger where it is there."""
    rest = p.name[2:]
    try:
        beside = sorted(
            q.name
            for q in p.parent.iterdir()
            if q.name != p.name and not q.name.startswith("~$") and q.name.endswith(rest)
        )
    except OSError:
        beside = []
    ledger = f"（{beside[0]}）" if len(beside) == 1 else ""
    return (
        f"{p.name} 是 Excel/WPS 打开台账{ledger}时生成的临时锁定文件，不是台账（关闭台账后它会自动消失）。"
        f"请校验台账文件本身{ledger}；如果台账已经关闭而这个文件还在，可以删除它。"
    )


def _is_encrypted_ooxml(p: Path) -> bool:
    # An encrypted .xlsx is a compound file holding "EncryptionInfo"/"EncryptedPackage" streams.
    marker = "EncryptionInfo".encode("utf-16-le")
    with p.open("rb") as fh:
        return marker in fh.read(4 * 1024 * 1024)


# Other Office files are zips too: a Word or PowerPoint file given by mistake is named as such.
_OTHER_OFFICE = {"word/document.xml": "Word 文档", "ppt/presentation.xml": "PowerPoint 演示文稿"}


# Spreadsheets of another format in a zip: intact, only to be saved again as .xlsx
_OTHER_SHEETS = {
    "xl/workbook.bin": "Excel 二进制工作簿（.xlsb）",
    "content.xml": "OpenDocument 格式的文件（.ods 等，LibreOffice/WPS 可保存成这种格式）",
}


def _not_a_workbook(p: Path, members: set[str]) -> str:
    for member, what in _OTHER_SHEETS.items():
        if member in members:
            return f"{p.name} 是 {what}，本工具只读取 .xlsx/.xlsm/.xls。{_SAVE_AS_HINT}"
    for member, what in _OTHER_OFFICE.items():
        if member in members:
            return (
                f"{p.name} 是 {what}，不是 Excel 台账。请指定整改台账的 .xlsx 文件"
                "（文稿模板请用 --template 指定）。"
            )
    from ledger_tools.errors import archive_refusal

    if note := archive_refusal(p, "ledger"):  # a unit's .zip: named, with what is inside
        return note
    return (
        f"{p.name} 已损坏或不是完整的 .xlsx 文件（可能下载或拷贝不完整）。"
        "请重新获取原文件，或用 Excel 或 WPS 打开后“另存为” .xlsx 格式再试。"
    )


def _why(exc: BaseException) -> str:
    """The library's reason in Chinese when it is one we know, else nothing: English text from
    calamine or zipfile is not shown to the user."""
    text = str(exc)
    for needle, reason in _REASONS:
        if needle in text or needle == type(exc).__name__:
            return f"（{reason}）"
    return ""


_REASONS = (
    ("CRC", "校验和不符，文件不完整或被改动过"),
    ("larger than its declared", "压缩包内记录的大小与实际不符"),
    ("compression method", "使用了不支持的压缩方式"),
    ("encrypted", "压缩包内的部分已加密"),
    ("NotImplementedError", "使用了不支持的压缩方式"),
    ("Truncated", "文件不完整"),
    ("EOFError", "文件不完整"),
)


# ---------------------------------------------------------------------------------------------
# Readers: .xlsx/.xlsm (a zip of XML parts) and the old binary .xls/.et.


class _XlsReader:
    """Old binary .xls (and WPS .et, which shares the format): calamine reads it whatever the
    file is called. Its grid cannot exceed 65,536 × 256 cells."""

    def __init__(self, p: Path) -> None:
        self.p = p
        self.hidden = _check_biff_extent(p)
        with p.open("rb") as fh:
            self.book = _calamine(
                p, lambda pc: pc.CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
            )
        self.names = _worksheet_names(self.book)
        self.hidden_sheets = {
            m.name for m in self.book.sheets_metadata if not str(m.visible).endswith("Visible")
        }

    def read(self, name: str) -> RawSheet:
        raw = _to_rawsheet(self.p, self.book, name, None)
        rows, cols = self.hidden.get(name, ((), ()))
        height, width = len(raw.rows), max((len(r) for r in raw.rows), default=0)
        raw.hidden_rows = {r for r in rows if r <= height}
        raw.hidden_cols = {c for c in cols if c < width}
        return raw


# BIFF records that give a sheet's extent or a cell's position (row u16, column u16 first;
# MULRK/MULBLANK end with the last column). A crafted DIMENSIONS record claiming 2**28 rows
# made calamine try to allocate terabytes and abort the process, which Python cannot catch.
_DIMENSIONS = 0x0200
_CELL_RECORDS = frozenset((0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6))
_MULTI_CELL_RECORDS = frozenset((0x00BD, 0x00BE))
XLS_ROWS, XLS_COLS = 65536, 256


def _check_biff_extent(p: Path) -> dict[str, tuple[set[int], set[int]]]:
    """Refuse an .xls whose sheets claim (DIMENSIONS) or hold cells beyond the format's
    65,536 rows × 256 columns, before calamine sizes its grid by them. Returns, per sheet, its
    hidden rows (Excel row numbers) and hidden columns (0-based), which calamine does not
    report: the same pass over the records finds them (ROW and COLINFO)."""
    import olefile

    claimed: tuple[str, int] | None = None  # a stream larger than the file
    looped = None  # a chain of sectors that comes back on itself
    try:
        with olefile.OleFileIO(str(p)) as ole:
            size = p.stat().st_size
            looped = _looped_chain(ole)
            claimed = next(
                (
                    (e.name, e.size)
                    for e in ole.direntries  # type: ignore[attr-defined]  # not in types-olefile
                    if e is not None and e.entry_type == olefile.STGTY_STREAM and e.size > size
                ),
                None,
            )
            name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            whole = claimed is None and looped is None
            stream = ole.openstream(name).read() if name and whole else b""
    except Exception:  # noqa: BLE001 - not a compound file olefile reads: calamine says why
        return {}
    if looped is not None:
        # (the directory's chain looped on itself: calamine aborted the process, exit 250)
        raise UnreadableFile(
            f"{p.name} 是 .xls 格式，但其中{looped}的存放位置首尾相连成环（Excel/WPS 不会保存出这样的文件），"
            f"读取时会无休止地重复，可能已损坏或是特意构造的文件，未读取。{_SAVE_AS_HINT}"
        )
    if claimed is not None:
        # Its sectors chained in a loop: olefile and calamine each read the 4 GB an 8 KB file
        # claimed (calamine aborted the process under a 2 GB limit, in English).
        raise UnreadableFile(
            f"{p.name} 是 .xls 格式，但其中的数据“{claimed[0]}”声称有 "
            f"{claimed[1] / 2**20:,.0f} MB，比整个文件（{_kb_or_mb(size)}）还大，"
            f"可能已损坏或是特意构造的文件，未读取。{_SAVE_AS_HINT}"
        )
    pos, end = 0, len(stream)
    sst: list[bytes] = []  # the SST record and the CONTINUE records after it
    sheets: dict[int, str] = {}  # BOUNDSHEET: where each sheet's BOF is → its name
    sheet, last = "", 0
    refs: dict[str, list[int]] = defaultdict(list)  # sheet → string numbers of its LABELSST cells
    hidden: dict[str, tuple[set[int], set[int]]] = {}
    while pos + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = pos + 4
        if kind == _SST or (kind == _CONTINUE and sst and last == _SST):
            sst.append(stream[body : body + size])
        elif kind == _BOUNDSHEET and size >= 8:
            sheets[struct.unpack_from("<I", stream, body)[0]] = _biff_sheet_name(
                stream[body + 6 : body + size]
            )
        elif kind == _BOF:
            sheet = sheets.get(pos, sheet)
        elif kind == _LABELSST and size >= 10:
            refs[sheet].append(struct.unpack_from("<I", stream, body + 6)[0])
        elif kind == _ROW and size >= 16 and struct.unpack_from("<H", stream, body + 12)[0] & 0x20:
            # (fDyZero: a row hidden, by hand or by a filter)
            row = struct.unpack_from("<H", stream, body)[0] + 1
            hidden.setdefault(sheet, (set(), set()))[0].add(row)
        elif kind == _COLINFO and size >= 10 and struct.unpack_from("<H", stream, body + 8)[0] & 1:
            first, final = struct.unpack_from("<HH", stream, body)
            cols = range(first, min(final, XLS_COLS - 1) + 1)
            hidden.setdefault(sheet, (set(), set()))[1].update(cols)
        if kind != _CONTINUE:
            last = kind
        if kind == _DIMENSIONS and size >= 14:
            last_row, _, last_col = struct.unpack_from("<IHH", stream, body + 4)
            too_big = last_row > XLS_ROWS or last_col > XLS_COLS
        elif kind in _CELL_RECORDS and size >= 4:
            too_big = struct.unpack_from("<H", stream, body + 2)[0] >= XLS_COLS
        elif kind in _MULTI_CELL_RECORDS and size >= 6:
            too_big = struct.unpack_from("<H", stream, body + size - 2)[0] >= XLS_COLS
        else:
            too_big = False
        if too_big:
            raise UnreadableFile(
                f"{p.name} 是 .xls 格式，但其中的工作表声称超过 .xls 的上限（{XLS_ROWS:,} 行 × "
                f"{XLS_COLS} 列），可能已损坏或是特意构造的文件，未读取。{_SAVE_AS_HINT}"
            )
        pos = body + size
    _check_biff_repeated_text(p, _sst_sizes(sst), refs, len(stream))
    return hidden


def _looped_chain(ole: Any) -> str | None:
    """What of the compound file ``ole`` (its directory, the mini stream's tables, a stream)
    has a chain of sectors that comes back on itself, in Chinese, or None. Each sector is
    followed once: a chain that runs into one an earlier chain went through ends there."""
    import olefile

    fat = ole.fat
    starts = [("的目录", ole.first_dir_sector), ("的小数据表", ole.first_mini_fat_sector)]
    starts += [
        (f"的数据“{e.name}”", e.isectStart)
        for e in ole.direntries
        if e is not None and (e.entry_type == olefile.STGTY_ROOT or e.size >= ole.minisectorcutoff)
    ]
    done: set[int] = set()
    for what, sector in starts:
        chain: set[int] = set()
        while 0 <= sector < len(fat) and sector not in done:
            if sector in chain:
                return what
            chain.add(sector)
            sector = fat[sector]
        done |= chain
    return None


def _kb_or_mb(size: int) -> str:
    return f"{size / 2**20:,.1f} MB" if size >= 2**20 else f"{max(size // 1024, 1):,} KB"


# BIFF records of the shared strings table and the cells that refer to it
_BOF, _BOUNDSHEET, _SST, _CONTINUE, _LABELSST = 0x0809, 0x0085, 0x00FC, 0x003C, 0x00FD
_ROW, _COLINFO = 0x0208, 0x007D  # a row's and a run of columns' height/width and options


def _biff_sheet_name(data: bytes) -> str:
    """A BOUNDSHEET's name (ShortXLUnicodeString: length, flags, 8- or 16-bit characters)."""
    if len(data) < 2:
        return ""
    n, wide = data[0], data[1] & 1
    raw = data[2 : 2 + n * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def _sst_sizes(records: list[bytes]) -> list[int]:
    """The size of each string of a BIFF8 shared strings table (its SST record and the
    CONTINUE records after it), in UTF-8 bytes at most (16-bit characters counted as 3): the
    same measure as an .xlsx table's. A string's characters may continue in the next record,
    which then starts with a flags byte of its own (8- or 16-bit); its formatting runs and
    phonetic data are skipped."""
    sizes: list[int] = []
    if not records or len(records[0]) < 8:
        return sizes
    unique = struct.unpack_from("<I", records[0], 4)[0]
    ri, pos, rec = 0, 8, records[0]

    def advance(n: int) -> bytes | None:
        """The next ``n`` bytes (not characters: no flags byte where a record ends)."""
        nonlocal ri, pos, rec
        out = b""
        while n > 0:
            if pos >= len(rec):
                ri += 1
                if ri >= len(records):
                    return None
                rec, pos = records[ri], 0
                continue
            piece = rec[pos : pos + n] if n < 64 else b""  # (long runs are skipped, not kept)
            step = min(n, len(rec) - pos)
            out += piece[:step]
            pos += step
            n -= step
        return out

    while len(sizes) < unique:
        head = advance(3)
        if head is None or len(head) < 3:
            break
        cch, flags = struct.unpack("<HB", head)
        runs = ext = 0
        if flags & 0x08:
            b = advance(2)
            runs = struct.unpack("<H", b)[0] if b and len(b) == 2 else 0
        if flags & 0x04:
            b = advance(4)
            ext = struct.unpack("<I", b)[0] if b and len(b) == 4 else 0
        wide, left, size = flags & 1, cch, 0
        while left > 0:
            if pos >= len(rec):
                ri += 1
                if ri >= len(records):
                    sizes.append(size)
                    return sizes
                rec, pos = records[ri], 0
                if rec:
                    wide, pos = rec[0] & 1, 1
                continue
            width = 2 if wide else 1
            n = min(left, (len(rec) - pos) // width)
            if n == 0:  # half a character before the record ends: damaged
                sizes.append(size)
                return sizes
            pos += n * width
            left -= n
            size += n * (3 if wide else 1)
        sizes.append(size)
        if (runs or ext) and advance(4 * runs + ext) is None:
            break
    return sizes


def _check_biff_repeated_text(
    p: Path, sizes: list[int], refs: dict[str, list[int]], table: int
) -> None:
    """The .xlsx rule of ``_ZipReader._check_repeated_text`` for an .xls: calamine reads every
    sheet when it opens the file and copies a shared string for each cell that refers to it.
    One text of 32,000 characters referred to by 20,000 cells (a 700 KB file) made it abort
    the process under a 2 GB limit."""
    worst, worst_refs, total = "", 0, 0
    for name, numbers in refs.items():
        count = size = 0
        for i in numbers:
            length = sizes[i] if 0 <= i < len(sizes) else 0
            if length > LONG_SHARED:
                count += 1
                size += length
        total += size
        if count > worst_refs:
            worst, worst_refs = name, count
    if total > MAX_REPEATED_TEXT and total > 4 * table:
        raise UnreadableFile(
            f"{p.name} 的工作表“{worst}”中有 {worst_refs:,} 个单元格引用了很长的共享文字"
            f"（同样的长文字被引用了很多次），展开后共有约 {total >> 20:,} MB 文字，"
            f"读取需要的内存远超台账本身，{_TOO_BIG_HINT}"
        )


class _ZipReader:
    def __init__(self, p: Path) -> None:
        self.p = p
        self._book: Any = None
        self._zf: zipfile.ZipFile | None = None
        self._blank: frozenset[bytes] | None = None  # see _blank_shared
        self._long: tuple[dict[bytes, int], int] | None = None  # see _long_shared
        zf = self._zip()  # one open zip: its directory is read once for every part and sheet
        infos: list[zipfile.ZipInfo] = zf.infolist() if zf is not None else []
        self.members = {i.filename: i for i in infos}
        wb = rels = ""
        try:
            if zf is not None:
                wb, rels = (_read_small(zf, self.members, n) for n in _WORKBOOK_PARTS)
        except ZIP_ERRORS:
            self.members = {}
        if zf is None or "xl/workbook.xml" not in self.members:
            raise UnreadableFile(_not_a_workbook(p, set(self.members))) from None
        check_macro_sheets(p.name, rels)
        self.parts, self.shared, self.hidden_sheets = _workbook_parts(wb, rels)
        _check_parts_unique(p, self.parts)
        self.live_names = live_names(wb)
        # Every part, read here or not (a marked copy, openpyxl for diff --mark and Excel itself
        # read others), is within the limits; the ones calamine reads are named in Chinese.
        names = {part: f"工作表“{name}”" for name, part in self.parts.items()}
        names.update({n: "工作簿目录" for n in _WORKBOOK_PARTS})
        names.update(dict(self.shared))
        check_zip_sizes(p, infos, names, zf=zf)
        shared = [t for t, _ in self.shared] + ["xl/sharedStrings.xml"]
        styles = [t for t, what in self.shared if what == _SHARED["styles"]] + ["xl/styles.xml"]
        check_claims(p.name, zf, self.members, shared, styles)
        if self.parts:
            self.names = list(self.parts)
        else:  # a workbook.xml this parser does not follow: let calamine list the sheets
            self.names = _worksheet_names(self._calamine())

    def _calamine(self) -> Any:
        if self._book is None:
            if self.p.suffix.lower() in (".xlsx", ".xlsm") and _utf8(str(self.p)):
                self._book = _calamine(
                    self.p, lambda pc: pc.CalamineWorkbook.from_path(str(self.p))
                )
            else:  # an .xlsx renamed .xls (or .et, …): calamine goes by the name, not the content
                # (and a name that is no UTF-8, as a GBK name unzipped on Linux, which
                # calamine's path cannot take: read as an open file)
                self._book = _calamine(self.p, self._from_content)
        return self._book

    def _from_content(self, pc: Any) -> Any:
        with self.p.open("rb") as fh:
            return pc.CalamineWorkbook.from_filelike(fh)

    def _zip(self) -> zipfile.ZipFile | None:
        """One open zip for every sheet's scan: opened again per sheet, its whole directory
        was read again (a workbook of 5,000 small sheets took minutes)."""
        if self._zf is None:
            with contextlib.suppress(*ZIP_ERRORS):
                self._zf = zipfile.ZipFile(_zip_source(self.p))
        return self._zf

    def read(self, name: str) -> RawSheet:
        part = self.parts.get(name)
        if part is None or part not in self.members:
            return _to_rawsheet(self.p, self._calamine(), name, None)
        info = self.members[part]  # (its size was checked with every part's when opened)
        # A large sheet is scanned while calamine loads the shared strings; a small one at
        # once (a thread costs more than it saves there: merge reads hundreds of them).
        if self._book is None and info.file_size > CHUNK_BYTES:
            scanned = _in_background(lambda: _scan_part(self.p, part, sheet=name, zf=self._zip()))
            self._calamine()
            scan = scanned()
        else:
            scan = _scan_part(self.p, part, sheet=name, zf=self._zip())
        if scan.merges > max(MAX_MERGES, scan.cells):
            raise UnreadableFile(
                f"{self.p.name} 的工作表“{name}”只有约 {scan.cells:,} 个单元格，却有 "
                f"{scan.merges:,} 个合并单元格区域，读取它们需要的内存远超台账本身，{_TOO_BIG_HINT}"
            )
        if scan.beyond_excel:
            raise UnreadableFile(
                f"{self.p.name} 的工作表“{name}”中有单元格的位置写成了 {scan.beyond_excel}，"
                "超出了 Excel 的最大范围（最右一列是 XFD 列，Excel/WPS 不会保存出这样的文件），"
                f"{_TOO_BIG_HINT}"
            )
        if scan.bad_shared:
            raise UnreadableFile(
                f"{self.p.name} 的工作表“{name}”中单元格 {scan.bad_shared} 指向编号为负数的共享文字"
                "（Excel/WPS 不会保存出这样的文件，照读会读成另一个单元格的文字），"
                f"可能已损坏或是特意构造的文件，{_SAVE_HINT}"
            )
        if scan.far_ref:
            raise UnreadableFile(
                f"{self.p.name} 的工作表“{name}”中有单元格的位置写成了 {scan.far_ref}，"
                f"在表格各行（到第 {scan.far_top:,} 行为止）之外（Excel/WPS 不会保存出这样的文件），"
                f"{_TOO_BIG_HINT}"
            )
        self._check_repeated_text(part, name, scan.shared_refs)
        box = None
        if scan.over_budget():  # rare: find where the table ends, row by row
            blank = self._blank_shared()
            scan = _scan_part(self.p, part, exact=True, sheet=name, zf=self._zip(), blank=blank)
            box = scan.table_box()
        _check_table_size(self.p, name, scan, box, lambda: _widest_column(self._zip(), part))
        if box is None:
            raw = _to_rawsheet(self.p, self._calamine(), name, scan, part)
        else:
            if box == (-1, -1):
                raise UnreadableFile(_scattered(self.p, name, scan))
            with tempfile.TemporaryDirectory(prefix="ledger-tools-") as tmp:
                copy = Path(tmp) / "sheet.xlsx"
                stray = self._copy_without_stray(part, box, copy)
                book = _calamine(self.p, lambda pc: pc.CalamineWorkbook.from_path(str(copy)))
                raw = _to_rawsheet(self.p, book, name, scan, part)
                book.close()
            raw.stray_cells, raw.stray_count = stray[:STRAY_LISTED], stray.count
            raw.table_end = (box[0] - 1, box[1])
        return raw

    def _shared_part(self) -> str | None:
        parts = [t for t, what in self.shared if what == _SHARED["sharedStrings"]]
        return next((t for t in [*parts, "xl/sharedStrings.xml"] if t in self.members), None)

    def _long_shared(self) -> tuple[dict[bytes, int], int]:
        """The long shared strings (index as written in a cell's ``<v>`` → bytes) and the size
        of the table, streamed once per workbook."""
        if self._long is None:
            part = self._shared_part()
            long = _long_strings(self._zip(), part) if part else {}
            self._long = long, self.members[part].file_size if part else 0
        return self._long

    def _check_repeated_text(self, part: str, name: str, refs_at_most: int) -> None:
        """Refuse a sheet whose cells refer to the same long shared strings so many times that
        the text read (each reference is its own copy, in calamine and in Python) is far more
        than the table holds: one text of 32,000 characters referred to by 10,000 cells (a
        205 KB file) took 1.6 GB, and calamine aborted the process under a 2 GB limit.
        ``refs_at_most``: the sheet's text cells (``_Scan.shared_refs``). When even that many
        references to a text as long as the whole table stay within the limit, the table is
        not streamed to find its long texts (a small ledger: none can be too many)."""
        part_table = self._shared_part()
        if part_table is None:
            return
        if refs_at_most * self.members[part_table].file_size <= MAX_REPEATED_TEXT:
            return
        long, table = self._long_shared()
        if not long:
            return
        refs, total = _repeated_text(self._zip(), part, long)
        if total > MAX_REPEATED_TEXT and total > 4 * table:
            raise UnreadableFile(
                f"{self.p.name} 的工作表“{name}”中有 {refs:,} 个单元格引用了很长的共享文字"
                f"（同样的长文字被引用了很多次），展开后共有约 {total >> 20:,} MB 文字，"
                f"读取需要的内存远超台账本身，{_TOO_BIG_HINT}"
            )

    def _blank_shared(self) -> frozenset[bytes]:
        """The indexes (as written in a cell's ``<v>``) of the shared strings that are blank:
        cells referring to them hold nothing, however many rows they fill. Read only when a
        sheet's grid is far larger than its cells (then streamed once per workbook)."""
        if self._blank is None:
            parts = [t for t, what in self.shared if what == _SHARED["sharedStrings"]]
            part = next((t for t in [*parts, "xl/sharedStrings.xml"] if t in self.members), None)
            self._blank = _blank_strings(self._zip(), part) if part else frozenset()
        return self._blank

    def _copy_without_stray(self, part: str, box: tuple[int, int], dest: Path) -> _Stray:
        """A minimal copy of the workbook (the parts calamine needs) whose ``part`` keeps only
        rows ≤ ``box[0]`` and columns ≤ ``box[1]``; returns the cells left out."""
        stray = _Stray()
        needed = {"[Content_Types].xml", "_rels/.rels", *_WORKBOOK_PARTS, part}
        keep = [n for n in self.members if n in needed or n in dict(self.shared)]
        with (
            zipfile.ZipFile(self.p) as src,
            zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
        ):
            for n in keep:
                with src.open(n) as fh, out.open(n, "w", force_zip64=True) as w:
                    if n == part:
                        for buf in chunks(fh, whole_rows=True):
                            w.write(_cut_stray(_without_blank(buf, self._blank), box, stray))
                    else:
                        shutil.copyfileobj(fh, w, CHUNK_BYTES)
        return stray


IN_MEMORY_BYTES = 1 << 20  # a workbook file this small is read into memory once (``_zip_source``)


def _zip_source(p: Path) -> Path | io.BytesIO:
    """What ``zipfile`` opens for the parts of ``p``: a small file (``IN_MEMORY_BYTES``: the
    ledger of one unit) read into memory at once, else the file. Each part opened (a dozen
    prologs, the sheets, the shared strings) is then read without a seek and a read of the
    file each (a tenth of reading a small ledger's parts; ``merge`` reads hundreds)."""
    with contextlib.suppress(OSError):
        if p.stat().st_size <= IN_MEMORY_BYTES:
            return io.BytesIO(p.read_bytes())
    return p


def _check_table_size(
    p: Path,
    name: str,
    scan: _Scan,
    box: tuple[int, int] | None,
    widest: Callable[[], int],
) -> None:
    """Refuse a sheet whose table (the grid calamine builds: rows × columns, or ``box`` when
    stray cells are cut off) is larger than ``MAX_TABLE_CELLS``, before it is read. The quick
    scan bounds one-letter columns by Z: past the limit by that bound, the last column is
    found exactly (``widest``: one more pass, only for sheets of 100,000 rows and more)."""
    if box is None:
        rows, cols = max(scan.max_row, scan.grid_row), scan.max_col + 1
        if rows * cols > MAX_TABLE_CELLS and not scan.exact:
            cols = widest() + 1
    else:
        rows, cols = box[0], box[1] + 1
    if rows * cols <= MAX_TABLE_CELLS:
        return
    raise UnreadableFile(
        f"{p.name} 的工作表“{name}”的表格有 {rows:,} 行、{cols} 列（{rows * cols:,} 个单元格），"
        f"超过本工具一次读取的上限 {MAX_TABLE_CELLS:,} 个单元格（13 列的台账约 46 万行；正常的台账"
        "只有几百到几千行），读取需要的内存和时间远超一般电脑，未读取。请确认表格下方或右侧没有多余的"
        "内容（可在 Excel/WPS 中删除多余的行、列后保存）；确实有这么多措施时，请按年度、单位或方面拆分成"
        "几个文件，分别处理（汇总时可用 ledger-tools merge）。"
    )


def _check_parts_unique(p: Path, parts: dict[str, str]) -> None:
    """Refuse a workbook whose directory lists two sheets stored in the same part (Excel/WPS
    never save one; Excel repairs it): each sheet's marks would be written over the other's
    in a marked copy, which lost them."""
    seen: dict[str, str] = {}
    for name, part in parts.items():
        if part in seen:
            raise UnreadableFile(
                f"{p.name} 的工作簿目录中，工作表“{seen[part]}”和“{name}”指向同一部分 {part}"
                f"（Excel/WPS 不会保存出这样的文件），可能已损坏或是特意构造的文件，{_SAVE_HINT}"
            )
        seen[part] = name


_CELL_LETTERS = re.compile(rb' r="([A-Z]{1,3})\d')  # (rows have r="12": no letters)


def _widest_column(zf: zipfile.ZipFile | None, part: str) -> int:
    """The 0-based column of the rightmost cell of sheet ``part``, streamed."""
    best = -1
    with contextlib.suppress(*ZIP_ERRORS), zf.open(part) if zf else io.BytesIO() as fh:
        for buf in chunks(fh):
            for letters in set(_CELL_LETTERS.findall(buf)):
                best = max(best, _col(letters))
    return best


_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
_SHARED = {"sharedStrings": "共享字符串表", "styles": "样式表"}


def check_part_size(
    label: str, info: zipfile.ZipInfo, what: str, hint: str = _TOO_BIG_HINT
) -> None:
    """Refuse a zip part over ``MAX_PART_BYTES``, or over ``RATIO_FLOOR`` and compressed more
    than ``MAX_RATIO`` times, from the zip directory (nothing is inflated). ``label`` names
    the file in the message."""
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > MAX_PART_BYTES or (size > RATIO_FLOOR and size > MAX_RATIO * packed):
        raise UnreadableFile(
            f"{label} 中的{what}解压后有 {size / 2**20:,.0f} MB（压缩前 "
            f"{packed / 2**20:,.1f} MB），超过本工具的安全上限（每部分 "
            f"{MAX_PART_BYTES // 2**20} MB、压缩比 {MAX_RATIO} 倍），{hint}"
        )


def check_zip_sizes(
    p: Path,
    infos: list[zipfile.ZipInfo],
    names: Mapping[str, str],
    hint: str = _TOO_BIG_HINT,
    label: str = "",
    zf: zipfile.ZipFile | None = None,
) -> None:
    """Every part of an Office file (a zip) within the limits, read here or not: a marked copy,
    openpyxl, python-docx and Excel itself read parts this module does not. ``names`` gives
    the Chinese name of known parts; the others are named by their path in the zip. ``hint``
    says what to do (the default is for a workbook); ``label`` names the file (its name);
    ``zf`` the file, when it is open already."""
    label = label or p.name
    if len(infos) > MAX_MEMBERS:
        raise UnreadableFile(
            f"{label} 的压缩包中有 {len(infos):,} 个部分（正常的 Office 文件只有几十到几百个），"
            f"超过本工具的安全上限 {MAX_MEMBERS:,} 个，{hint}"
        )
    _check_parts(label, infos, {i.filename: i for i in infos})
    check_part_names(
        label, (i.filename for i in infos), _SAVE_HINT if hint is _TOO_BIG_HINT else hint
    )
    for info in infos:
        check_part_size(label, info, names.get(info.filename, f"“{info.filename}”部分"), hint)
    total = sum(i.file_size for i in infos)
    size = max(p.stat().st_size, 1)
    if total > MAX_TOTAL_BYTES and total > MAX_RATIO * size:
        raise UnreadableFile(
            f"{label} 的各部分解压后共有 {total / 2**20:,.0f} MB（文件只有 "
            f"{size / 2**20:,.1f} MB），超过本工具的安全上限，{hint}"
        )
    # nothing to split when a part declares a DTD: only to save the file again
    check_prologs(p, infos, label, _NOT_TO_SPLIT_HINT if hint is _TOO_BIG_HINT else hint, zf)


def _check_parts(
    label: str, infos: list[zipfile.ZipInfo], members: Mapping[str, zipfile.ZipInfo]
) -> None:
    """A zip that names one part twice is refused: readers disagree on which copy they take
    (Python's zipfile the last, others the first), so what is checked need not be what is
    read."""
    if len(members) != len(infos):
        seen: set[str] = set()
        twice = ""
        for i in infos:
            if i.filename in seen:
                twice = i.filename
                break
            seen.add(i.filename)
        raise UnreadableFile(
            f"{label} 已损坏：压缩包中有两个同名的部分（{twice}），Office 也无法正常打开。"
            "请重新获取原文件，或用 Office/WPS 打开后“另存为”新文件再试。"
        )


def _read_small(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], name: str) -> str:
    """A part that is small in any real workbook (workbook.xml and its relationships); one
    over ``SMALL_PART_BYTES`` is not parsed here (calamine then lists the sheets)."""
    info = members.get(name)
    if info is None or info.file_size > SMALL_PART_BYTES:
        return ""
    return zf.read(name).decode("utf-8", "replace")


def _workbook_parts(wb: str, rels: str) -> tuple[dict[str, str], list[tuple[str, str]], set[str]]:
    """Worksheet name → zip member of its XML, in workbook order; the shared parts (shared
    strings, styles) with their Chinese names; and the names of the sheets marked hidden or
    very hidden."""
    targets: dict[str, tuple[str, str]] = {}
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group(0)
        rid = re.search(r'\bId="([^"]+)"', tag)
        target = re.search(r'\bTarget="([^"]+)"', tag)
        kind = re.search(r'\bType="[^"]*/([^"/]+)"', tag)
        if rid and target:
            t = html.unescape(target.group(1))
            t = t.lstrip("/") if t.startswith("/") else "xl/" + t
            targets[rid.group(1)] = (t, kind.group(1) if kind else "")
    parts = {}
    hidden = set()
    for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", wb):
        tag = m.group(0)
        name = re.search(r'\bname="([^"]*)"', tag)
        rid = re.search(r'\b(?:\w+:)?id="([^"]+)"', tag)
        if name and re.search(r'\bstate="(?:hidden|veryHidden)"', tag):
            hidden.add(html.unescape(name.group(1)))
        if name and rid and rid.group(1) in targets:
            part, part_kind = targets[rid.group(1)]
            if part_kind == "worksheet":
                parts[html.unescape(name.group(1))] = part
    shared = [(t, _SHARED[k]) for t, k in targets.values() if k in _SHARED]
    return parts, shared, hidden


def _worksheet_names(book: Any) -> list[str]:
    return [m.name for m in book.sheets_metadata if str(m.typ).endswith("WorkSheet")] or list(
        book.sheet_names
    )


def _utf8(text: str) -> bool:
    """Whether a path can be given to calamine by name (a Rust string is UTF-8: a file name of
    other bytes, held by Python as surrogate escapes, was “文件内容已损坏”)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _calamine(p: Path, open_book: Callable[[Any], Any]) -> Any:
    import python_calamine as pc

    try:
        return open_book(pc)
    except pc.PasswordError:
        raise UnreadableFile(f"{p.name} 设置了密码，无法读取。请取消密码后另存一份再试。") from None
    except Exception as exc:  # calamine raises several error types for broken files
        raise UnreadableFile(
            f"无法读取 {p.name}：文件内容已损坏，或含有本工具不支持的格式{_why(exc)}。{_SAVE_AS_HINT}"
        ) from None


def _in_background(fn: Callable[[], Any]) -> Callable[[], Any]:
    """Start ``fn`` in a thread; the returned function waits for its result (or exception)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def result() -> Any:
        thread.join()
        if "error" in box:
            raise box["error"]
        return box["value"]

    return result


def _to_rawsheet(
    p: Path, book: Any, name: str, scan: _Scan | None, part: str | None = None
) -> RawSheet:
    try:
        sheet = book.get_sheet_by_name(name)
        if sheet.height * sheet.width > GRID_HARD_CELLS:
            raise UnreadableFile(
                f"{p.name} 的工作表“{name}”的表格范围有 {sheet.height:,} 行 × {sheet.width:,} 列，"
                f"{_TOO_BIG_HINT}"
            )
        # a panic prints Rust's English message and backtrace on stderr before it is caught
        with quiet_stderr() if scan is None or scan.beyond_dates else contextlib.nullcontext():
            rows = sheet.to_python(skip_empty_area=False)
        merged = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])]
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken sheet is reported, not a traceback
        raise UnreadableFile(
            f"无法读取 {p.name} 的工作表“{name}”：内容已损坏，或含有本工具不支持的格式"
            f"{_why(exc)}。{_SAVE_AS_HINT}"
        ) from None
    except BaseException as exc:
        # calamine panics (a BaseException) on a date-formatted number that no date can be
        # (-1E+308, -inf): Excel/WPS never write one
        if type(exc).__name__ != "PanicException":
            raise
        cell = number_beyond_dates(p, part) if part else None
        where = f"单元格 {cell[0]} 设为日期格式，数值却是 {cell[1]}，" if cell else "有单元格的数值"
        raise UnreadableFile(
            f"{p.name} 的工作表“{name}”中{where}超出了日期能表示的范围（Excel/WPS 不会保存出"
            "这样的值），文件可能已损坏或是特意构造的。请用 Excel/WPS 打开，改正或清除这个单元格后"
            "“另存为”新的 .xlsx 再试。"
        ) from None
    _check_text_lengths(p, name, rows)
    height, width = len(rows), max((len(r) for r in rows), default=0)
    raw = RawSheet(name=name, rows=rows, merged=_clip_merged(p, name, merged, height, width))
    if scan is not None:
        raw.hidden_rows = {r for r in scan.hidden_rows if r <= height}
        raw.hidden_cols = {c for c in scan.hidden_cols if c < width}
        raw.formulas_without_value = scan.formulas
        raw.live_formulas = scan.live
        for (r, c), value in scan.errors.items():
            if r < height and c < len(rows[r]):
                rows[r][c] = None
                raw.error_cells[(r, c)] = value
    return raw


def _check_text_lengths(p: Path, name: str, rows: list[list[Any]]) -> None:
    """Refuse a cell longer than Excel allows (32,767 characters): Excel and WPS cannot write
    one, and every later step (comparisons, documents, comments) would copy it."""
    texts = filter(str.__instancecheck__, itertools.chain.from_iterable(rows))
    if max(map(len, texts), default=0) <= MAX_CELL_CHARS:  # C loops: 0.1 s a million cells
        return
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if type(value) is str and len(value) > MAX_CELL_CHARS:
                raise UnreadableFile(
                    f"{p.name} 的工作表“{name}”的单元格 {column_letter(c)}{r + 1} 有 {len(value):,} 个字，"
                    f"超过 Excel 单元格的上限 {MAX_CELL_CHARS:,} 字（Excel/WPS 不会保存出这样的文件），"
                    f"{_TOO_BIG_HINT}"
                )


def _clip_merged(
    p: Path, name: str, merged: list[tuple[int, int, int, int]], height: int, width: int
) -> list[tuple[int, int, int, int]]:
    """The merged ranges clipped to the grid, each once. A range reaching far beyond the cells
    (A1:XFD1048576) must not be filled in; and ranges that together cover more cells than the
    grid has overlap, which Excel does not allow: filling them in would cost their total
    area (thousands of copies of A2:M20001), so such a sheet is refused."""
    clipped = list(
        dict.fromkeys(
            (r1, c1, min(r2, height - 1), min(c2, width - 1))
            for r1, c1, r2, c2 in merged
            if r1 < height and c1 < width and r1 <= r2 and c1 <= c2
        )
    )
    area = sum((r2 - r1 + 1) * (c2 - c1 + 1) for r1, c1, r2, c2 in clipped)
    if area > height * width:
        r1, c1, r2, c2 = max(clipped, key=lambda m: (m[2] - m[0] + 1) * (m[3] - m[1] + 1))
        where = f"{column_letter(c1)}{r1 + 1}:{column_letter(c2)}{r2 + 1}"
        raise UnreadableFile(
            f"{p.name} 的工作表“{name}”中的合并单元格互相重叠（如 {where}，共 {len(clipped):,} "
            "个合并区域），Excel 不允许这样的合并，文件可能已损坏或是特意构造的。请用 Excel/WPS "
            "打开（按提示修复），取消并重新合并这些单元格后“另存为”新的 .xlsx 再试。"
        )
    return clipped


# ---------------------------------------------------------------------------------------------
# One streaming pass over a sheet's XML: the facts calamine does not report (hidden rows and
# columns, formulas without a cached value, error values) and the real extent of the cells.
# Regexes and bytes.find over bounded chunks: much cheaper than an XML parse of a
# 100,000-row sheet, and memory stays at a few chunks whatever the part inflates to.

_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_R_NUM = re.compile(rb'\sr="(\d+)"')
_R_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_FORMULA_CELL = lazy(
    rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|(?<!/)>.*?</(?:\w+:)?f>)\s*(<(?:\w+:)?v\b[^>]*(?<!/)>(.*?)</(?:\w+:)?v>)?',
    re.S,
)
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)(?<!/)>(.*?)</(?:\w+:)?c>', re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v\b[^>]*>([^<]*)</(?:\w+:)?v>")
# -1E+11 days and beyond (and -inf): calamine's date conversion panics on them
_BEYOND_DATES = re.compile(rb"v>-\s*(?:inf|\d{12}|\d*\.?\d+[eE]\+?(?:1[1-9]|[2-9]\d|\d{3}))", re.I)
_SHARED_COUNT = re.compile(rb'\buniqueCount="(\d{1,30})"')  # (count: references, may be many)
_MERGE_TAG = re.compile(rb"<(?:\w+:)?mergeCell\b")
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\sref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_CELL_TAG_END = re.compile(rb"<(?:\w+:)?c\b[^>]*[^/]>")  # a cell that holds something
# Tags that begin like a cell's "<c" but are not cells (<cols>, <cfRule>, <customSheetViews>,
# <colBreaks>, a rich text run's <color> …): one pass for the four, not four counts.
_NOT_CELL = re.compile(rb"<c[ofue]")
# What follows the start tag of a cell that holds nothing but is not written <c …/>: empty
# (or blank) inline text or value. calamine sizes its grid by such cells too, so a million
# rows of them (8.7 MB) cost 750 MB and 40 s while holding nothing: they are not counted as
# cells, and end no row of the table. (A literal start and no namespace prefix: a tenth of the
# time of the general form on a chunk.)
_BLANK_BODY = rb"(?:<is>(?:<t[^>]*/>|<t[^>]*>\s*</t>)?</is>|<is/>|<v>\s*</v>|<v/>)?</c>"
_BLANK_AFTER = re.compile(_BLANK_BODY)
_BLANK_CELL = re.compile(rb"<c [^>]*[^/]>" + _BLANK_BODY)
_BLANK_HINT = (b"></t>", b"<t/>", b"<v></v>", b"<v/>", b"<is/>", b"></is>")
_EMPTY_ROW = re.compile(rb'<row r="\d+"[^>]*?(?:/>|></row>)')


_SHARED_CELL = re.compile(rb'<c [^>]*t="s"[^>]*><v>(\d+)</v></c>')
_SHARED_ITEM = re.compile(rb"<si\s*/>|<si>(.*?)</si>", re.S)
_TAG = re.compile(rb"<[^>]*>")


def _without_blank(buf: bytes, shared: frozenset[bytes] | None = None) -> bytes:
    """``buf`` without blank cells (also those referring to one of the ``shared`` strings)
    and then empty rows (those numbered ``r=""``, so the rows after keep their numbers):
    what is left holds the table, and the step per row after it is not taken a million
    times for nothing."""
    if shared and b't="s"' in buf:
        buf = _SHARED_CELL.sub(lambda m: b"" if m.group(1) in shared else m.group(0), buf)
    elif not any(hint in buf for hint in _BLANK_HINT):
        return buf
    return _EMPTY_ROW.sub(b"", _BLANK_CELL.sub(b"", buf))


LONG_SHARED = 4096  # bytes of a shared string's XML: a text this long repeated is what costs
MAX_REPEATED_TEXT = 256 << 20  # bytes of long text the cells' references expand to


def _long_strings(zf: zipfile.ZipFile | None, part: str) -> dict[bytes, int]:
    """Index (as written in a cell) → size of each item of shared strings table ``part``
    longer than ``LONG_SHARED`` bytes, streamed; items split at ``</si>`` (one C call per
    chunk), the rare ``<si/>`` one by one."""
    found: dict[bytes, int] = {}
    index, carry = 0, b""
    with contextlib.suppress(*ZIP_ERRORS), zf.open(part) if zf else io.BytesIO() as fh:
        while data := fh.read(CHUNK_BYTES):
            buf = carry + data
            cut = max(buf.rfind(b"</si>"), buf.rfind(b"<si/>")) + 5
            if cut < 5:  # no item ends in it yet
                carry = buf
                continue
            if b"<si/>" in buf:
                sizes = [len(m.group(0)) for m in _SHARED_ITEM.finditer(buf, 0, cut)]
            elif _short_items(buf, cut):  # (most tables: no list of a million sizes made)
                index += buf.count(b"</si>", 0, cut)
                carry = buf[cut:]
                continue
            else:
                sizes = list(map(len, buf[:cut].split(b"</si>")))
                sizes.pop()
            if max(sizes, default=0) > LONG_SHARED:  # (most tables: none, one C loop)
                for i, size in enumerate(sizes):
                    if size > LONG_SHARED:
                        found[str(index + i).encode()] = size
            index += len(sizes)
            carry = buf[cut:]
    return found


_WINDOW = LONG_SHARED // 2


def _short_items(buf: bytes, cut: int) -> bool:
    """Whether no item of ``buf[:cut]`` (split at ``</si>``) is longer than ``LONG_SHARED``:
    an item end starts in every window of ``_WINDOW`` bytes, so two ends are less than
    ``2 * _WINDOW`` apart (a short search per window). False when a window has none."""
    find = buf.find
    return all(find(b"</si>", k, k + _WINDOW + 4) >= 0 for k in range(0, cut, _WINDOW))


_SHARED_REF = re.compile(rb'\bt="s"[^>]*><(?:\w+:)?v>(\d+)<')


def _repeated_text(
    zf: zipfile.ZipFile | None, part: str, long: dict[bytes, int]
) -> tuple[int, int]:
    """(cells referring to one of the ``long`` shared strings, bytes they expand to) in
    sheet ``part``, streamed."""
    refs = total = 0
    with contextlib.suppress(*ZIP_ERRORS), zf.open(part) if zf else io.BytesIO() as fh:
        for buf in chunks(fh):
            for v in _SHARED_REF.findall(buf):
                size = long.get(v)
                if size:
                    refs += 1
                    total += size
    return refs, total


def _blank_strings(zf: zipfile.ZipFile | None, part: str) -> frozenset[bytes]:
    """The indexes of the blank items of shared strings table ``part``, streamed."""
    found: set[bytes] = set()
    index, carry = 0, b""
    with contextlib.suppress(*ZIP_ERRORS), zf.open(part) if zf else io.BytesIO() as fh:
        while data := fh.read(CHUNK_BYTES):
            buf = carry + data
            cut = max(buf.rfind(b"</si>") + 5, buf.rfind(b"<si/>") + 5)
            for m in _SHARED_ITEM.finditer(buf, 0, max(cut, 0)):
                if m.group(1) is None or not _TAG.sub(b"", m.group(1)).strip():
                    found.add(str(index).encode())
                index += 1
            carry = buf[max(cut, 0) :]
    return frozenset(found)


_CELL = re.compile(  # (shared with marking)
    rb"<(?:\w+:)?c\b[^>]*?(?:/>|>.*?</(?:\w+:)?c>)", re.S
)
_ROW_ELEMENT = re.compile(rb"<(?:\w+:)?row\b[^>]*?(?:/>|>.*?</(?:\w+:)?row>)", re.S)
_ROW_R = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_ROW_SIMPLE = re.compile(rb'<row r="(\d+)"')
_LETTERS23 = re.compile(rb' r="([A-Z]{2,3})\d')
_NEGATIVE_SHARED = re.compile(rb'<c r="([A-Za-z]+\d+)"[^>]*t="s"><v>-')
_LETTERS4 = re.compile(rb'r="([A-Za-z]{4,}\d+)"')  # a column past ZZZ, so past Excel's XFD


def _beyond_excel(buf: bytes) -> str:
    """The first cell reference in ``buf`` with a column of four letters or more (Excel's
    last is XFD), or "". The scan's other patterns take one to three letters, so calamine
    alone saw ``ZZZZZ5`` and sized its grid by it: 12 million columns aborted the process
    (no memory). Matches in text (``r="ABCD1"`` typed in a cell) are skipped."""
    for m in _LETTERS4.finditer(buf):
        tag = max(buf.rfind(b"<c ", 0, m.start()), buf.rfind(b":c ", 0, m.start()))
        if tag >= 0 and buf.find(b">", tag, m.start()) < 0:
            return m.group(1).decode()
    return ""


_COLUMN_CACHE: dict[bytes, int] = {}
# A formula that reaches outside the file, in its text without string literals: another
# workbook ([1]Sheet1!A1), DDE (app|topic!item), web and real-time functions.
LIVE_TEXT = re.compile(r"\[\d+\]|\|[^|]*!|\b(?:WEBSERVICE|FILTERXML|RTD)\s*\(", re.I)
# A quick first look at a chunk that has formulas (function names are stored upper-case).
LIVE_FORMULA = re.compile(rb"\[\d+\]|\||WEBSERVICE|FILTERXML|RTD")
_STRING_LITERAL = re.compile(r'"[^"]*"')


def is_live_formula(text: str) -> bool:
    """Whether formula ``text`` reaches outside the workbook (another workbook, DDE,
    WEBSERVICE/FILTERXML/RTD). Text inside string literals ("[1]" in a label) does not count."""
    return LIVE_TEXT.search(_STRING_LITERAL.sub("", text)) is not None


_FORMULA_TEXT = lazy(
    rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*(?<!/)>(.*?)</(?:\w+:)?f>',
    re.S,
)


@functools.lru_cache(maxsize=256)
def _far_ref(top: int) -> re.Pattern[bytes]:
    """A cell reference whose row number is above ``top``: more digits, or as many digits
    and a larger number (B999 in a table of 200 rows), without a Python step per cell."""
    digits = str(top)
    larger = [
        digits[:i] + (f"[{int(d) + 1}-9]" if d != "8" else "9") + rf"\d{{{len(digits) - i - 1}}}"
        for i, d in enumerate(digits)
        if d != "9"
    ]
    rows = "|".join([rf"\d{{{len(digits) + 1},}}", *larger])
    return re.compile(rb' r="([A-Z]{1,3}(?:%s))"' % rows.encode())


def _col(letters: bytes) -> int:
    col = _COLUMN_CACHE.get(letters)
    if col is None:
        col = _COLUMN_CACHE[letters] = column_index(letters.decode())
    return col


def chunks(fh: Any, *, whole_rows: bool = False, label: str = "工作表") -> Iterator[bytes]:
    """The inflated part in pieces of about ``CHUNK_BYTES``, each ending after a row (or,
    inside a very long row and unless ``whole_rows``, after a cell), so no cell is split
    between two pieces. ``label`` names the sheet in the refusal of an endless row."""
    carry = b""
    while True:
        data = fh.read(CHUNK_BYTES)
        buf = carry + data if carry else data
        if not data:
            if buf:
                yield buf
            return
        cut = _last_end(buf, b"row>")
        if cut < 0 and len(buf) > CHUNK_BYTES:  # rows of formatting only: <row r="9" s="1"/>
            cut = _last_empty_row(buf)
        if cut < 0 and len(buf) > CHUNK_BYTES and not whole_rows:
            cut = _last_end(buf, b"c>")
        if cut < 0:
            if len(buf) > MAX_CELL_BYTES:
                raise UnreadableFile(
                    f"{label}中有一行的内容超过 {MAX_CELL_BYTES // 2**20} MB，{_TOO_BIG_HINT}"
                )
            carry = buf
            continue
        carry = buf[cut:]
        yield buf[:cut]


def _last_empty_row(buf: bytes) -> int:
    """The position just after the last row without cells (``<row …/>``), or -1."""
    k = len(buf)
    for _ in range(8):  # the last rows that hold cells are skipped, a few of them
        k = max(buf.rfind(b"<row", 0, k), buf.rfind(b":row", 0, k))
        end = buf.find(b">", k) if k >= 0 else -1
        if end < 0:
            return -1
        if buf[end - 1 : end] == b"/":
            return end + 1
    return -1


def _last_end(buf: bytes, name: bytes) -> int:
    """The position just after the last end tag ``</name`` or ``</prefix:name``, or -1."""
    k = buf.rfind(name)
    while k > 0:
        start = buf.rfind(b"<", 0, k)
        if start >= 0 and buf[start + 1 : start + 2] == b"/" and b">" not in buf[start:k]:
            tag = buf[start + 2 : k]
            if not tag or (tag.endswith(b":") and tag[:-1].isalnum()):
                return k + len(name)
        k = buf.rfind(name, 0, k)
    return -1


@dataclass
class _Scan:
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    formulas: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    live: dict[tuple[int, int], str] = field(default_factory=dict)
    row_ends: list[tuple[int, int]] = field(default_factory=list)  # (Excel row, last col)
    cells: int = 0
    exact: bool = False  # row_ends wanted (else only the extent, much cheaper)
    max_row: int = 0
    max_col: int = -1
    in_data: bool = False
    last_row: int = 0
    open_row: int | None = None  # a row whose end is in a later chunk
    open_col: int = -1
    merges: int = 0
    merge_area: int = 0  # cells the merged ranges cover, as written (not clipped)
    areas: bool = False  # merge_area wanted (a Python step per range: only for copies)
    beyond_dates: bool = False  # a number calamine panics on if it is date-formatted
    far_ref: str = ""  # a cell placed below every row (<row r="2"><c r="I99999999999">)
    far_top: int = 0  # the last row there was when far_ref was found
    beyond_excel: str = ""  # a cell placed right of Excel's last column (<c r="ZZZZZ5">)
    bad_shared: str = ""  # a text cell pointing to shared string -1 (calamine read text 0)
    shared_refs: int = 0  # cells marked t="s" (each refers to a shared string at most once)
    grid_row: int = 0  # (exact) the last row with a cell calamine keeps, blank ones too
    blank: frozenset[bytes] = frozenset()  # (exact) indexes of blank shared strings

    def feed(self, buf: bytes) -> None:
        head = not self.in_data
        if head:
            at = buf.find(b"sheetData")
            self._cols(buf if at < 0 else buf[:at])
            self.in_data = at >= 0
        cells = buf.count(b"<c")
        if head or b"</sheetData" in buf:  # <cols>, <conditionalFormatting>…
            cells -= len(_NOT_CELL.findall(buf))
        blank = len(_BLANK_CELL.findall(buf)) if any(h in buf for h in _BLANK_HINT) else 0
        if self.blank and b't="s"' in buf:  # (exact: cells that refer to a blank shared string)
            blank += sum(v in self.blank for v in _SHARED_CELL.findall(buf))
        self.cells += cells - blank
        self.shared_refs += buf.count(b't="s"')
        if self.exact or not self._extent(buf, cells):
            self._grid_row(buf)
            self._rows(_without_blank(buf, self.blank) if blank and self.exact else buf)
        if b"<f" in buf or (b":f" in buf and b":c" in buf):
            for m in _FORMULA_CELL.finditer(buf):
                if m.group(3) is None or not m.group(4):
                    self.formulas.add((int(m.group(2)) - 1, _col(m.group(1))))
            if LIVE_FORMULA.search(buf):
                for m in _FORMULA_TEXT.finditer(buf):
                    text = html.unescape(m.group(3).decode("utf-8", "replace"))
                    if is_live_formula(text):
                        self.live[(int(m.group(2)) - 1, _col(m.group(1)))] = text
        first = buf.find(b"mergeCell")
        if first >= 0:
            # from the first one's tag on: the regexes would try every "<" of the cells before
            at = max(0, buf.rfind(b"<", 0, first))
            self.merges += len(_MERGE_TAG.findall(buf, at))
            for c1, r1, c2, r2 in _MERGE_REF.findall(buf, at) if self.areas else ():
                rows, cols = abs(int(r2) - int(r1)) + 1, abs(_col(c2) - _col(c1)) + 1
                self.merge_area += rows * cols
        if not self.far_ref:
            # calamine places a cell by its own reference, not by its row, and sizes the grid
            # by it: one reference far below the rows would abort the process (no memory)
            # (or only within the same number of digits: a cell B999 in a table of 200 rows)
            top = max(self.max_row, self.last_row, self.open_row or 0, 1)
            far = _far_ref(top).search(buf)
            if far:
                self.far_ref, self.far_top = far.group(1).decode(), top
        if not self.beyond_excel and b'r="' in buf:
            self.beyond_excel = _beyond_excel(buf)
        minus = b"v>-" in buf  # (one pass: both checks below need it)
        if not self.bad_shared and minus and b'"s"><v>-' in buf:
            m = _NEGATIVE_SHARED.search(buf)
            self.bad_shared = m.group(1).decode() if m else ""
        if minus and _BEYOND_DATES.search(buf):
            self.beyond_dates = True
        if b't="e"' in buf:
            for m in _ERROR_CELL.finditer(buf):
                ref, value = _R_REF.search(m.group(1)), _VALUE.search(m.group(2))
                if ref and value:
                    text = html.unescape(value.group(1).decode("utf-8", "replace")).strip()
                    self.errors[(int(ref.group(2)) - 1, _col(ref.group(1)))] = text

    def _cols(self, head: bytes) -> None:
        for m in _COL_TAG.finditer(head):
            attrs = m.group(1)
            if _HIDDEN.search(attrs):
                lo = re.search(rb'\bmin="(\d+)"', attrs)
                hi = re.search(rb'\bmax="(\d+)"', attrs)
                if lo and hi:
                    self.hidden_cols |= set(
                        range(int(lo.group(1)) - 1, min(int(hi.group(1)), 16384))
                    )

    def _extent(self, buf: bytes, cells: int) -> bool:
        """The largest row and column in ``buf`` without a Python step per row or cell;
        False when this shortcut does not apply (a namespace prefix, a row or cell without
        ``r=""``): then ``_rows`` goes row by row."""
        rows = _ROW_SIMPLE.findall(buf)
        refs = buf.count(b' r="')
        # Every row written <row r="…" and every cell with r="…" (<col>/<cfRule> outside the
        # cells only make a chunk take the slow path).
        if len(rows) != buf.count(b"<row") or refs != len(rows) + cells:
            return False
        if rows:
            self.max_row = max(self.max_row, max(map(int, rows)))
        if b"hidden" in buf:
            for m in _ROW_TAG.finditer(buf):
                if b"hidden" in m.group(1) and _HIDDEN.search(m.group(1)):
                    num = _R_NUM.search(m.group(1))
                    if num:
                        self.hidden_rows.add(int(num.group(1)))
        wide = set(_LETTERS23.findall(buf))
        # One-letter columns only: Z bounds them (an exact scan follows if that matters).
        col = max(_col(c) for c in wide) if wide else 25 if refs > len(rows) else -1
        self.max_col = max(self.max_col, col)
        return True

    def _grid_row(self, buf: bytes) -> None:
        """The row of the last cell in ``buf`` that calamine keeps (blank text too)."""
        k = max(buf.rfind(b"</c>"), buf.rfind(b":c>"))
        at = max(buf.rfind(b"<row", 0, k), buf.rfind(b":row", 0, k)) if k >= 0 else -1
        num = _R_NUM.search(buf, at, buf.find(b">", at) + 1) if at >= 0 else None
        if num:
            self.grid_row = max(self.grid_row, int(num.group(1)))

    def over_budget(self) -> bool:
        """Whether the grid calamine would build is much larger than the cells it holds."""
        for r, c in self.row_ends:
            self.max_row, self.max_col = max(self.max_row, r), max(self.max_col, c)
        area = max(self.max_row, self.grid_row) * (self.max_col + 1)
        return area > max(GRID_MIN_CELLS, GRID_PER_CELL * self.cells)

    def _rows(self, buf: bytes) -> None:
        starts = [(m.start(), m.end(), m.group(1)) for m in _ROW_TAG.finditer(buf)]
        ends = [m.start() for m in _ROW_END.finditer(buf)]
        seg = 0
        si = ei = 0
        while si < len(starts) or ei < len(ends):
            if ei >= len(ends) or (si < len(starts) and starts[si][0] < ends[ei]):
                _, seg, attrs = starts[si]
                si += 1
                m = _R_NUM.search(attrs)
                row = int(m.group(1)) if m else self.last_row + 1
                self.last_row = row
                if b"hidden" in attrs and _HIDDEN.search(attrs):
                    self.hidden_rows.add(row)
                if attrs.endswith(b"/"):
                    self.open_row = None
                else:
                    self.open_row, self.open_col = row, -1
            else:
                end = ends[ei]
                ei += 1
                if self.open_row is not None:
                    col = max(self.open_col, _last_col(buf, seg, end))
                    if col >= 0:
                        self.row_ends.append((self.open_row, col))
                self.open_row = None
        if self.open_row is not None:  # continues in the next chunk
            self.open_col = max(self.open_col, _last_col(buf, seg, len(buf)))

    def table_box(self) -> tuple[int, int] | None:
        """None when the grid calamine builds is within bounds; else (last Excel row, last
        0-based column) of the table to keep, or (-1, -1) when no cut brings it in bounds."""
        if not self.row_ends or not self.over_budget():
            return None
        rows = sorted({r for r, _ in self.row_ends})
        cols = sorted({c for _, c in self.row_ends})
        budget = max(GRID_MIN_CELLS, GRID_PER_CELL * self.cells)
        col_cut = _cluster_end(cols, COL_GAP)
        row_cut = _cluster_end(rows, ROW_GAP)
        for box in ((rows[-1], col_cut), (row_cut, cols[-1]), (row_cut, col_cut)):
            kept = [c for r, c in self.row_ends if r <= box[0]]
            width = min(box[1], max((c for c in kept), default=0))
            if box[0] * (width + 1) <= budget:
                return (box[0], width)
        return (-1, -1)


def _last_col(buf: bytes, start: int, end: int) -> int:
    """0-based column of the last cell holding something between ``start`` and ``end`` (the
    inside of one row), or -1. Cells are in column order; empty ``<c …/>`` are skipped."""
    k = end
    for _ in range(8):
        k = max(buf.rfind(b"<c", start, k), buf.rfind(b":c", start, k))
        if k < 0:
            return -1
        if buf[k + 2 : k + 3] not in (b" ", b">", b"\t", b"\n", b"\r"):
            continue
        tag_end = buf.find(b">", k, end)
        if tag_end < 0:
            return -1
        if buf[tag_end - 1 : tag_end] == b"/" or _BLANK_AFTER.match(buf, tag_end + 1, end + 4):
            continue  # an empty cell (only a style), or blank text: not the table's end
        m = _R_REF.search(buf, k, tag_end)
        if m:
            return _col(m.group(1))
        return buf.count(b"<c", start, end) - 1  # cells without r="": by position
    # Many empty cells at the end of the row: find the last full one with one regex.
    tail = deque(
        (
            m
            for m in _CELL_TAG_END.finditer(buf, start, end)
            if not _BLANK_AFTER.match(buf, m.end())
        ),
        maxlen=1,
    )
    if not tail:
        return -1
    m = _R_REF.search(tail[0].group(0))
    return _col(m.group(1)) if m else -1


def _cluster_end(values: list[int], min_gap: int) -> int:
    """The last value before the first gap that is wider than ``min_gap`` and than everything
    before it: where the table ends and stray cells begin."""
    prev = values[0]
    for v in values[1:]:
        if v - prev > max(min_gap, prev):
            return prev
        prev = v
    return prev


def _scan_part(
    p: Path,
    part: str,
    *,
    exact: bool = False,
    sheet: str = "",
    zf: zipfile.ZipFile | None = None,
    areas: bool = False,
    blank: frozenset[bytes] = frozenset(),
) -> _Scan:
    scan = _Scan(exact=exact, areas=areas, blank=blank)
    try:
        with contextlib.nullcontext(zf) if zf else zipfile.ZipFile(p) as z, z.open(part) as fh:
            for buf in chunks(fh, label=f"{p.name} 的工作表“{sheet or part}”"):
                scan.feed(buf)
    except ZIP_ERRORS as exc:
        raise UnreadableFile(
            f"{p.name} 已损坏{_why(exc)}，无法读取。请重新获取原文件，"
            "或用 Excel/WPS 打开后“另存为” .xlsx 格式再试。"
        ) from None
    return scan


@dataclass
class _Stray:
    cells: list[tuple[int, int]] = field(default_factory=list)
    count: int = 0

    def add(self, row0: int, col: int) -> None:
        self.count += 1
        if len(self.cells) < STRAY_LISTED:
            self.cells.append((row0, col))

    def __getitem__(self, s: slice) -> list[tuple[int, int]]:
        return self.cells[s]


def _cut_stray(buf: bytes, box: tuple[int, int], stray: _Stray) -> bytes:
    """``buf`` without the rows below ``box[0]`` and the cells right of column ``box[1]``."""
    last_row, last_col = box

    def cell(m: re.Match[bytes], row: int) -> bytes:
        tag = m.group(0)
        ref = _R_REF.search(tag, 0, tag.find(b">") + 1)
        if ref is None or _col(ref.group(1)) <= last_col:
            return tag
        if not tag[: tag.find(b">") + 1].endswith(b"/>"):
            stray.add(row - 1, _col(ref.group(1)))
        return b""

    def row(m: re.Match[bytes]) -> bytes:
        element = m.group(0)
        num = _R_NUM.search(element, 0, element.find(b">") + 1)
        r = int(num.group(1)) if num else 0
        if r <= last_row and _last_col(element, 0, len(element)) <= last_col:
            return element
        if r > last_row:
            for c in _CELL.finditer(element):
                ref = _R_REF.search(c.group(0))
                if ref and not c.group(0)[: c.group(0).find(b">") + 1].endswith(b"/>"):
                    stray.add(r - 1, _col(ref.group(1)))
            return b""
        return _CELL.sub(lambda c: cell(c, r), element)

    return _ROW_ELEMENT.sub(row, buf)


def check_copyable(path: str | os.PathLike[str]) -> None:
    """Refuse, in Chinese, a workbook that a whole-workbook reader (openpyxl, for ``diff
    --mark``) cannot load in bounded time and memory: a sheet, used by the ledger or not,
    whose cells or merged ranges span a range far larger than the cells it holds
    (``XFD1048576``, ``A1:XFD1048576`` merged), which openpyxl fills in cell by cell."""
    p = Path(path)
    reader = _ZipReader(p)
    for name, part in reader.parts.items():
        if part not in reader.members:
            continue
        scan = _scan_part(p, part, areas=True)
        budget = max(GRID_MIN_CELLS, GRID_PER_CELL * scan.cells)
        if scan.over_budget() or scan.merge_area > budget:
            raise UnreadableFile(
                f"{p.name} 的工作表“{name}”的单元格或合并单元格分布在远大于实际内容的范围内"
                f"（约 {scan.cells:,} 个单元格，范围到 {column_letter(max(scan.max_col, 0))}"
                f"{max(scan.max_row, 1)}），逐格复制它需要的时间和内存远超台账本身，无法生成副本。"
                "请在 Excel/WPS 中删除表格外的单元格、取消过大的合并区域，“另存为”新的 .xlsx 后再试。"
            )


def _scattered(p: Path, name: str, scan: _Scan) -> str:
    return (
        f"{p.name} 的工作表“{name}”只有约 {scan.cells:,} 个单元格，却分散在 A1:"
        f"{column_letter(scan.max_col)}{scan.max_row} 这么大的范围内，读取它需要的内存远超台账本身，"
        f"{_TOO_BIG_HINT}"
    )
