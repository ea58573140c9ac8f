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

The copy is written at the XML level, not through openpyxl (whose load and save of a
100,000-row ledger take minutes and drop formulas' cached values, images and charts): zip
members that do not change are copied byte for byte, compressed as they are; the sheets are
streamed, and only the marked cells' style index changes (two fills and cloned cell formats
added to styles.xml); comments and their VML drawing are written as text, and so is the
校验结果 sheet. Where the ``merge`` extra (ISA-L) is installed, it inflates the sheets and
deflates the large parts (``output.fast_deflater``); else zlib does, at level 1. Formulas keep their cached values. Live links are neutralised in the copy:
formulas reading other workbooks (``[1]Sheet1!A1``), DDE (``cmd|'…'!A1``), WEBSERVICE,
FILTERXML and RTD keep their cached value and lose the formula, and external link parts are
removed (``check`` reports them as ``live-formula``). An .xlsm copied to .xlsx loses its macros.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import datetime as dt
import gc
import html
import itertools
import os
import posixpath
import re
import struct
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from ledger_tools.errors import OutputError, UnreadableFile
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import column_index, column_letter, strip_forbidden
from ledger_tools.ledger.dates import format_cn_date, format_cn_iso
from ledger_tools.ledger.findings import (
    ERROR,
    NOTE,
    SEVERITY_LABEL,
    WARNING,
    Finding,
    Report,
    cell_marks,
)
from ledger_tools.ledger.reading import (
    _CELL,
    _R_NUM,
    _R_REF,
    _ROW_ELEMENT,
    _ROW_SIMPLE,
    DEFINED_NAME,
    LIVE_FORMULA,
    MAX_PART_BYTES,
    _col,
    chunks,
    is_live_formula,
)
from ledger_tools.ledger.reading import (
    ZIP_ERRORS as _ZIP_ERRORS,
)
from ledger_tools.ledger.workbook import (
    FILL_RED,
    FILL_YELLOW,
    FONT_BODY,
    FONT_HEAD,
    FORMULA_PREFIXES,
    display_width,
    quote_sheet,
)
from ledger_tools.output import atomic_output, fast_crc32, fast_deflater, isal_zlib

COMMENT_AUTHOR = "ledger-tools"
ORIGINAL_COMMENT = "\n——原批注（{author}）——\n"  # separates our text from a user's comment
FILLS = {ERROR: FILL_RED, WARNING: FILL_YELLOW}
RESULTS_HEADER = ("序号", "级别", "位置", "规则", "内容", "说明")
RESULTS_WIDTHS = (6, 6, 18, 22, 30, 80)
RESULTS_HEADER_ROW = 5  # rows 1-3: summary lines, row 4: blank (or the note of unmarked findings)
# Findings a marked copy lists and marks at most (errors first, then warnings, then notes, by
# sheet and row: the order the terminal lists them in). Real ledgers have at most a few
# thousand; a 100,000-measure ledger with a warning on every other row has ~50,000. Beyond it
# the ledger was almost always read wrongly (a header or a column taken for another), and
# every further finding costs a table row, a comment and a VML shape: 840,000 findings took
# 45–193 s and 2.3 GB. The rest are counted in a note (row 4 of 校验结果, and on the terminal)
# and listed in full by ``check --format json``.
MARK_LIMIT = 100_000
SUFFIXES = (".xlsx", ".xlsm")

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = _R + "/"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
_CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
_CT_MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def replaceable_mark(dest: str | os.PathLike[str]) -> bool:
    """Whether ``dest`` may be replaced by a marked copy without asking: it does not exist,
    is empty, is a symbolic link (the link is replaced, never written through: what it
    points to stays as it is) or is itself a marked copy (its first sheet is 校验结果). Any
    other workbook (another ledger, a 汇总台账 named by mistake) is not overwritten."""
    p = Path(dest)
    try:
        if p.is_symlink() or not p.exists() or p.stat().st_size == 0:
            return True
        with zipfile.ZipFile(p) as zf:
            head = zf.open("xl/workbook.xml").read(1 << 20).decode("utf-8", "replace")
    except (*_ZIP_ERRORS, KeyError):
        return False
    first = re.search(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"', head)
    return first is not None and html.unescape(first.group(1)) == C.SHEET_RESULTS


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
    if src.suffix.lower() not in SUFFIXES:
        raise UnreadableFile(
            f"{src.name} 不是 .xlsx/.xlsm 文件，无法另存标注副本（--mark）。"
            "请先用 Excel/WPS 另存为 .xlsx 后再校验。"
        )
    with _no_gc():
        copy = _Copy(src, keep_vba=out.suffix.lower() == ".xlsm")
        try:
            copy.mark(limited_report(report), full=report)
            with atomic_output(out, src) as tmp:
                copy.write(tmp)
        finally:
            copy.zf.close()
    return out


def limited_report(report: Report, limit: int = MARK_LIMIT) -> Report:
    """``report`` with only the first ``limit`` findings in the order they are listed (errors,
    warnings, notes; by sheet and row): what a marked copy lists and marks. ``report``
    itself when it has no more."""
    if len(report.findings) <= limit:
        return report
    return dataclasses.replace(report, findings=report.sorted()[:limit])


def unmarked_note(report: Report, limit: int = MARK_LIMIT) -> str:
    """The note of the findings a marked copy leaves out ("" when it has them all): how
    many, which were kept, and how to see them all. Row 4 of 校验结果 and the terminal."""
    total = len(report.findings)
    if total <= limit:
        return ""
    name = Path(report.path).name if report.path else "台账.xlsx"
    return (
        f"问题共 {total:,} 处，超过标注副本的上限 {limit:,} 处：本副本只列出并标注了前 {limit:,} 处"
        f"（先错误、后警告，按工作表和行的顺序），其余 {total - limit:,} 处没有列出，单元格也没有标注。"
        "问题这么多，通常是表头或列读错了，请先运行 ledger-tools check 看“读取方式”是否正确；"
        f"查看全部问题：ledger-tools check {name} --format json > 校验结果.json"
    )


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cycle collector paused: marking makes hundreds of thousands of small objects
    (tuples, byte strings) and no cycles, and the collector's passes over them were ~3% of
    the time of a 100,000-measure ledger's copy."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------------------------------------
# The package: parts read, changed, added and removed.


def _unreadable(src: Path, exc: BaseException | None = None) -> UnreadableFile:
    why = f"（{str(exc).splitlines()[0][:80]}）" if exc is not None and str(exc) else ""
    return UnreadableFile(
        f"无法复制 {src.name} 来生成标注副本{why}。请用 Excel/WPS 打开后另存为 .xlsx 再试，"
        "或去掉 --mark。"
    )


_T = TypeVar("_T")


def _bad_xml(src: Path, part: str, exc: Exception) -> UnreadableFile:
    """A part of ``src`` the XML parser refused, in Chinese (lxml's text is English)."""
    text, line = str(exc), getattr(exc, "lineno", 0)
    if "depth" in text.lower():
        why = "的元素嵌套层数过多（Excel/WPS 保存的文件中不会有，可能是特意构造的文件）"
    else:
        why = (
            f"不是格式正确的 XML（第 {line} 行附近），文件可能已损坏"
            if line
            else "不是格式正确的 XML"
        )
    return UnreadableFile(
        f"{src.name} 中的“{part}”部分{why}，无法生成标注副本。校验结果不受影响；"
        "请用 Excel/WPS 打开后“另存为”新的 .xlsx 再标注，或去掉 --mark。"
    )


@dataclass
class _Sheet:
    name: str
    rid: str
    part: str
    tag: str  # its <sheet …/> element in workbook.xml
    rels_part: str = ""
    rels: str = ""  # the sheet's relationships (XML text), "" when it has none
    merge_index: dict[int, Any] = field(default_factory=dict)  # see _merge_index
    ops: dict[int, dict[int, str]] = field(default_factory=dict)  # row → col → op
    comments: dict[str, tuple[str, str, float]] = field(
        default_factory=dict
    )  # ref → (author, text, h)
    comments_part: str = ""
    vml_part: str = ""
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # ref → _split_ref
    other_shapes: list[str] = field(default_factory=list)  # VML shapes that are not notes
    changed_comments: bool = False
    legacy_rid: str = ""  # set when a <legacyDrawing> must be added


class _Copy:
    def __init__(self, src: Path, *, keep_vba: bool) -> None:
        self.src = src
        self.keep_vba = keep_vba
        try:
            # one open zip for every part read: opened again per part, its whole directory was
            # read again (a workbook of 5,000 small sheets took minutes to mark)
            self.zf = zipfile.ZipFile(src)
            self.infos = self.zf.infolist()
        except _ZIP_ERRORS as exc:
            raise _unreadable(src, exc) from None
        self.members = {i.filename: i for i in self.infos}
        if "xl/workbook.xml" not in self.members:
            raise _unreadable(src)
        self.new: dict[str, bytes | Callable[[], bytes | Iterator[bytes]]] = {}
        self.removed: set[str] = set()
        self.content_types = self.text("[Content_Types].xml")
        self.workbook = self.text("xl/workbook.xml")
        self.wb_rels = self.text("xl/_rels/workbook.xml.rels")
        self.styles_part = self._target_of("styles") or "xl/styles.xml"
        self.styles = self._parsed(
            self.styles_part,
            lambda: _Styles(
                self.text(self.styles_part) if self.styles_part in self.members else ""
            ),
        )
        self.sheets = self._sheets()
        self.neutralised: list[str] = []
        self.vml_block = 1  # the next free 1024-id block of VML shape ids
        self.comment_entries: dict[str, tuple[str, str, float]] = {}  # see _set_comment

    # Reading parts ---------------------------------------------------------------------------
    def _parsed(self, part: str, parse: Callable[[], _T]) -> _T:
        """``parse()`` of ``part``, its XML errors (nesting deeper than the parser takes,
        a part cut short) said in Chinese with the part's name."""
        from lxml import etree

        try:
            return parse()
        except etree.XMLSyntaxError as exc:
            raise _bad_xml(self.src, part, exc) from None

    def text(self, name: str) -> str:
        info = self.members.get(name)
        if info is None:
            return ""
        if info.file_size > MAX_PART_BYTES:
            raise _unreadable(self.src)
        try:
            return self.zf.read(name).decode("utf-8")
        except (*_ZIP_ERRORS, UnicodeDecodeError) as exc:
            raise _unreadable(self.src, exc) from None

    def stream(self, name: str) -> Iterator[bytes]:
        info = self.members[name]
        isal = isal_zlib()
        try:
            if isal is not None and info.compress_type == zipfile.ZIP_DEFLATED:
                fh: Any = _Inflated(self.src, info, isal)
            else:
                fh = self.zf.open(name)
            with fh:
                yield from chunks(fh, whole_rows=True)
        except _ZIP_ERRORS as exc:
            raise _unreadable(self.src, exc) from None

    def _target_of(self, kind: str) -> str:
        for rel in _relationships(self.wb_rels):
            if rel["Type"].endswith("/" + kind):
                return _resolve("xl/workbook.xml", rel["Target"])
        return ""

    def _sheets(self) -> list[_Sheet]:
        targets = {r["Id"]: r for r in _relationships(self.wb_rels)}
        sheets = []
        for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", self.workbook):
            tag = m.group(0)
            name = re.search(r'\bname="([^"]*)"', tag)
            rid = re.search(r'\b(?:\w+:)?id="([^"]+)"', tag)
            rel = targets.get(rid.group(1)) if rid else None
            if not (name and rid and rel and rel["Type"].endswith("/worksheet")):
                continue
            part = _resolve("xl/workbook.xml", rel["Target"])
            if part not in self.members:
                continue
            rels_part = posixpath.join(
                posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels"
            )
            sheets.append(
                _Sheet(
                    html.unescape(name.group(1)),
                    rid.group(1),
                    part,
                    tag,
                    rels_part,
                    self.text(rels_part),
                )
            )
        return sheets

    # Marking ---------------------------------------------------------------------------------
    def mark(self, report: Report, full: Report | None = None) -> None:
        """Mark ``report``'s findings (``limited_report``: at most ``MARK_LIMIT``) and list
        them in 校验结果, whose summary lines count those of ``full`` (all of them)."""
        old = next((s for s in self.sheets if s.name == C.SHEET_RESULTS), None)
        if old is not None:
            self._drop_sheet(old)
        owners: dict[str, str] = {}  # comments or VML part → the sheet it belongs to
        for sheet in self.sheets:
            self._load_comments(sheet)
            for part in filter(None, (sheet.comments_part, sheet.vml_part)):
                if part in owners:  # each sheet's comments would be written over the other's
                    raise UnreadableFile(
                        f"无法为 {self.src.name} 生成标注副本：工作表“{owners[part]}”和“{sheet.name}”"
                        f"的批注存在同一部分 {part} 中（Excel/WPS 不会保存出这样的文件），标注时"
                        "一张表的批注会覆盖另一张表的。请用 Excel/WPS 打开后“另存为”新的 .xlsx 再试，"
                        "或去掉 --mark。"
                    )
                owners[part] = sheet.name
            if old is not None:
                self._remove_old_marks(sheet)
        by_name = {s.name: s for s in self.sheets}
        marked = [f for f in report.findings if f.row and f.column and f.sheet in by_name]
        columns: dict[str, set[str]] = defaultdict(set)
        for f in marked:
            columns[f.sheet].add(f.column)
        for name, letters in columns.items():
            needed = _column_numbers(letters)
            flat = report.merged.get(name)
            ranges = _flat_ranges(flat, needed) if flat is not None else self._merges(by_name[name])
            by_name[name].merge_index = _merge_index(ranges, needed)
        # Only cells in a column that has merged ranges can move to a range's top-left cell.
        merged_letters = {s.name: {column_letter(c) for c in s.merge_index} for s in self.sheets}

        def anchor(name: str, coord: str) -> str:
            if coord.rstrip("0123456789") in merged_letters[name] or "$" in coord:
                return _anchor(by_name[name], coord)
            return coord

        for m in cell_marks(marked, anchor):
            sheet = by_name[m.sheet]
            row, col = _split_ref(m.cell)
            sheet.ops.setdefault(row, {})[col] = m.severity
            sheet.positions[m.cell] = (row, col)
            self._set_comment(sheet, m.cell, m.comment)
        self._drop_live_parts()
        self._results_sheet(report, full or report)

    def _drop_sheet(self, sheet: _Sheet) -> None:
        index = self.sheets.index(sheet)
        self.sheets.remove(sheet)
        self.removed |= {sheet.part, sheet.rels_part}
        self.workbook = self.workbook.replace(sheet.tag, "", 1)
        self.workbook = _shift_local_ids(self.workbook, removed=index)
        self.wb_rels = _drop_relationship(self.wb_rels, sheet.rid)

    def _merges(self, sheet: _Sheet) -> list[tuple[int, int, int, int]]:
        merged = []
        for buf in self.stream(sheet.part):
            if b"<mergeCell" in buf or b":mergeCell" in buf:
                for m in _MERGE.finditer(buf):
                    c1, r1, c2, r2 = m.groups()
                    merged.append((int(r1), _col(c1), int(r2), _col(c2)))
        return merged

    # Comments --------------------------------------------------------------------------------
    def _load_comments(self, sheet: _Sheet) -> None:
        for rel in _relationships(sheet.rels):
            target = _resolve(sheet.part, rel["Target"])
            if rel["Type"].endswith("/comments") and target in self.members:
                sheet.comments_part = target
            elif rel["Type"].endswith("/vmlDrawing") and target in self.members:
                sheet.vml_part = target
        if sheet.comments_part:
            part = sheet.comments_part
            sheet.comments = self._parsed(part, lambda: _parse_comments(self.text(part)))
        if sheet.vml_part:
            vml = self.text(sheet.vml_part)
            sheet.other_shapes = [s for s in _vml_shapes(vml) if 'ObjectType="Note"' not in s]

    def _remove_old_marks(self, sheet: _Sheet) -> None:
        for ref, (author, text, _) in list(sheet.comments.items()):
            if author != COMMENT_AUTHOR:
                continue
            _, sep, original = text.partition("\n——原批注（")
            del sheet.comments[ref]
            if sep:
                user, _, body = original.partition("）——\n")
                sheet.comments[ref] = (user, body, 0)
            row, col = _split_ref(ref)
            sheet.ops.setdefault(row, {})[col] = "clear"
            sheet.changed_comments = True

    def _set_comment(self, sheet: _Sheet, ref: str, text: str) -> None:
        old = sheet.comments.get(ref)
        if old is not None and old[0] != COMMENT_AUTHOR:
            text += ORIGINAL_COMMENT.format(author=old[0] or "") + old[1]
        entry = self.comment_entries.get(text)
        if entry is None:  # (cells share their texts: one per distinct text)
            n_lines = sum(max(1, _lines_at(line, 44)) for line in text.split("\n"))
            entry = (COMMENT_AUTHOR, strip_forbidden(text), min(20 * n_lines + 10, 400))
            self.comment_entries[text] = entry
        sheet.comments[ref] = entry
        sheet.changed_comments = True

    # Live links ------------------------------------------------------------------------------
    def _drop_live_parts(self) -> None:
        """External links, the calculation chain (Excel rebuilds it; a formula neutralised
        here must not stay listed) and, for an .xlsx copy, macros."""
        for rel in _relationships(self.wb_rels):
            if rel["Type"].endswith("/calcChain"):
                self.removed.add(_resolve("xl/workbook.xml", rel["Target"]))
                self.wb_rels = _drop_relationship(self.wb_rels, rel["Id"])
        for rel in _relationships(self.wb_rels):
            if rel["Type"].endswith("/externalLink"):
                part = _resolve("xl/workbook.xml", rel["Target"])
                self.removed |= {
                    part,
                    posixpath.join(
                        posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels"
                    ),
                }
                self.wb_rels = _drop_relationship(self.wb_rels, rel["Id"])
                self.neutralised.append(part)
        self.workbook = re.sub(
            r"<(?:\w+:)?externalReferences\b.*?</(?:\w+:)?externalReferences>|<(?:\w+:)?externalReferences/>",
            "",
            self.workbook,
            flags=re.S,
        )
        # Names that point into another workbook ([1]Sheet1!A1) go with the links, and so do
        # names that are live themselves (zz = cmd|'/C calc'!A0, WEBSERVICE(…)): a cell's
        # harmless-looking =zz would run them when the copy is opened
        self.workbook = DEFINED_NAME.sub(
            lambda m: "" if is_live_formula(html.unescape(m.group(2))) else m.group(0),
            self.workbook,
        )
        if not self.keep_vba:
            for name in list(self.members):
                if name.lower().endswith("vbaproject.bin") or name.lower().endswith("vbadata.xml"):
                    self.removed.add(name)
            for rel in _relationships(self.wb_rels):
                if rel["Type"].endswith("/vbaProject"):
                    self.wb_rels = _drop_relationship(self.wb_rels, rel["Id"])
            self.content_types = self.content_types.replace(_CT_MACRO, _CT_MAIN)

    # The 校验结果 sheet ------------------------------------------------------------------------
    def _results_sheet(self, report: Report, full: Report) -> None:
        part = _free_name(self.members, self.new, "xl/worksheets/sheet{}.xml")
        rid = _free_rid(self.wb_rels)
        names = [C.SHEET_RESULTS, *(s.name for s in self.sheets)]
        self.new[part] = _results_xml(report, names, self.styles, full)
        self.wb_rels = _add_relationship(
            self.wb_rels, rid, "worksheet", _relative("xl/workbook.xml", part)
        )
        self._override(part, _CT_SHEET)
        ids = [
            int(x) for x in re.findall(r'<(?:\w+:)?sheet\b[^>]*\bsheetId="(\d+)"', self.workbook)
        ]
        r_prefix = _prefix_of(self.workbook, _R)
        r_attr = f'{r_prefix}:id="{rid}"' if r_prefix else f'xmlns:r="{_R}" r:id="{rid}"'
        sheets_tag = re.search(r"<((?:\w+:)?)sheets\b[^>]*>", self.workbook)
        if sheets_tag is None:
            raise _unreadable(self.src)
        p = sheets_tag.group(1)
        tag = f'<{p}sheet name="{_esc(C.SHEET_RESULTS)}" sheetId="{max(ids, default=0) + 1}" {r_attr}/>'
        at = sheets_tag.end()
        self.workbook = self.workbook[:at] + tag + self.workbook[at:]
        self.workbook = _shift_local_ids(self.workbook, inserted=True)
        last = RESULTS_HEADER_ROW + max(len(report.findings), 1)
        quoted = quote_sheet(C.SHEET_RESULTS)
        names_xml = (
            f'<{p}definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"{_esc(quoted)}!$A${RESULTS_HEADER_ROW}:$F${last}</{p}definedName>"
            f'<{p}definedName name="_xlnm.Print_Titles" localSheetId="0">'
            f"{_esc(quoted)}!${RESULTS_HEADER_ROW}:${RESULTS_HEADER_ROW}</{p}definedName>"
        )
        self.workbook = _add_defined_names(self.workbook, names_xml, p)
        self.workbook = _activate_first(self.workbook, p)

    # Writing ---------------------------------------------------------------------------------
    def write(self, dest: Path) -> None:
        for sheet in self.sheets:
            if sheet.changed_comments:
                self._comment_parts(sheet)
            self.new[sheet.part] = _bind(self._rewrite_sheet, sheet)
        self.new["xl/workbook.xml"] = self.workbook.encode("utf-8")
        self.new["xl/_rels/workbook.xml.rels"] = self.wb_rels.encode("utf-8")
        for part in self.removed:
            self.content_types = re.sub(
                rf'<Override\b[^>]*PartName="/{re.escape(part)}"[^>]*/>', "", self.content_types
            )
        self.new["[Content_Types].xml"] = self.content_types.encode("utf-8")
        # styles.xml last: the sheets' cloned formats are known once the sheets are written.
        self.new[self.styles_part] = self.styles.to_bytes
        if self.styles_part not in self.members:  # a workbook without styles gets ours
            rid = _free_rid(self.wb_rels)
            self.wb_rels = _add_relationship(self.wb_rels, rid, "styles", "styles.xml")
            self.new["xl/_rels/workbook.xml.rels"] = self.wb_rels.encode("utf-8")
            self._override(self.styles_part, _CT_STYLES)
            self.new["[Content_Types].xml"] = self.content_types.encode("utf-8")
        order = [i.filename for i in self.infos if i.filename not in self.removed]
        order += [n for n in self.new if n not in self.members]
        order.sort(key=lambda n: n == self.styles_part)
        try:
            with dest.open("wb") as out:
                _write_zip(
                    out, self.src, [(n, self.members.get(n), self.new.get(n)) for n in order]
                )
        except OSError as exc:
            from ledger_tools.errors import describe_os_error

            exc.filename = None  # named in the sentence
            raise OutputError(f"无法写入标注副本 {dest.name}：{describe_os_error(exc)}") from exc

    def _override(self, part: str, content_type: str) -> None:
        tag = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
        self.content_types = self.content_types.replace("</Types>", tag + "</Types>")

    def _comment_parts(self, sheet: _Sheet) -> None:
        if not sheet.comments_part:
            sheet.comments_part = _free_name(
                self.members, self.new, "xl/comments/ledger-tools-comment{}.xml"
            )
            self.new[sheet.comments_part] = b""
            self._override(sheet.comments_part, _CT_COMMENTS)
            rid = _free_rid(sheet.rels)
            sheet.rels = _add_relationship(
                sheet.rels or _EMPTY_RELS,
                rid,
                "comments",
                _relative(sheet.part, sheet.comments_part),
            )
        if not sheet.vml_part:
            sheet.vml_part = _free_name(
                self.members, self.new, "xl/drawings/ledger-tools-vml{}.vml"
            )
            self.new[sheet.vml_part] = b""
            if 'Extension="vml"' not in self.content_types:
                self.content_types = self.content_types.replace(
                    "<Default ", f'<Default Extension="vml" ContentType="{_CT_VML}"/><Default ', 1
                )
            sheet.legacy_rid = _free_rid(sheet.rels)
            sheet.rels = _add_relationship(
                sheet.rels or _EMPTY_RELS,
                sheet.legacy_rid,
                "vmlDrawing",
                _relative(sheet.part, sheet.vml_part),
            )
        self.new[sheet.rels_part] = sheet.rels.encode("utf-8")
        self.new[sheet.comments_part] = _comments_xml(sheet.comments)
        self.new[sheet.vml_part] = _vml(
            sheet.comments, sheet.positions, sheet.other_shapes, self.vml_block
        )
        self.vml_block += len(sheet.comments) // 1024 + 1

    def _rewrite_sheet(self, sheet: _Sheet) -> Iterator[bytes]:
        rows = sorted(sheet.ops)
        state = {"next": 0, "last": 0}
        dead: set[bytes] = set()  # shared-formula groups whose master was neutralised
        ns = [b""]
        first = True

        def missing(upto: int | None) -> bytes:
            out = []
            while state["next"] < len(rows) and (upto is None or rows[state["next"]] < upto):
                r = rows[state["next"]]
                state["next"] += 1
                head, close = b'<%srow r="%d">' % (ns[0], r), b"</%srow>" % ns[0]
                cells = self._patch_row(head, b"", close, r, sheet.ops[r], ns[0])
                out.append(cells)
            return b"".join(out)

        def patch(element: bytes, r: int) -> bytes:
            tag_end = element.find(b">") + 1
            if element[tag_end - 2 : tag_end] == b"/>":
                name_at = _NAME_END.search(element)
                assert name_at is not None  # the element ends in "/>", which _NAME_END matches
                name = element[1 : name_at.start()]
                head, body, close = element[: tag_end - 2] + b">", b"", b"</" + name + b">"
            else:
                close_at = element.rfind(b"</")
                head, body, close = element[:tag_end], element[tag_end:close_at], element[close_at:]
            return self._patch_row(head, body, close, r, sheet.ops[r], ns[0])

        def row(m: re.Match[bytes]) -> bytes:
            element = m.group(0)
            num = _R_NUM.search(element, 0, element.find(b">") + 1)
            r = int(num.group(1)) if num else state["last"] + 1
            state["last"] = r
            before = missing(r)
            if state["next"] < len(rows) and rows[state["next"]] == r:
                state["next"] += 1
                return before + patch(element, r)
            return before + element

        def fast(buf: bytes) -> bytes | None:
            """Only the marked rows touched, found by their ``<row r="N"``; None when the
            chunk is not written that way or a marked row is missing from it."""
            if buf.count(b"<row") != buf.count(b'<row r="') or b":row" in buf:
                return None
            first, last = _ROW_SIMPLE.search(buf), buf.rfind(b'<row r="')
            if first is None:
                return buf
            last_num = int(buf[last + 8 : buf.find(b'"', last + 8)])
            k, pos, found = state["next"], 0, []
            while k < len(rows) and rows[k] <= last_num:
                needle = b'<row r="%d"' % rows[k]
                i = buf.find(needle, pos)
                if i < 0 or buf[i + len(needle) : i + len(needle) + 1] not in (b" ", b">", b"/"):
                    return None
                tag_end = buf.find(b">", i) + 1
                end = tag_end if buf[tag_end - 2] == 47 else buf.find(b"</row>", tag_end) + 6
                found.append((i, end, rows[k]))
                pos, k = end, k + 1
            out, pos = [], 0
            for i, end, r in found:
                edits = self._row_edits(buf, i, end, r, sheet.ops[r])
                if edits is None:
                    out += [buf[pos:i], patch(buf[i:end], r)]
                    pos = end
                    continue
                for start, stop, piece in edits:
                    out += [buf[pos:start], piece]
                    pos = stop
            out.append(buf[pos:])
            state["next"] = k
            return b"".join(out)

        for buf in self.stream(sheet.part):
            if first:
                root = re.search(rb"<(\w+:)?worksheet\b", buf)
                ns[0] = (root.group(1) or b"") if root else b""  # a prefix such as x:
                # (the sheet views come before the cells: the regex only up to them)
                data = buf.find(b"sheetData")
                head = buf if data < 0 else buf[:data]
                buf = _TAB_SELECTED.sub(rb'\1 tabSelected="0"', head) + buf[len(head) :]
                first = False
            # A formula that can be live has text: <f …>…</f> (or </x:f>), so "f>" is in the
            # chunk; without a neutralised shared formula (``dead``), a chunk without it has
            # nothing to change (one scan of the chunk instead of two).
            formulas = b"f>" in buf or (dead and (b"<f" in buf or b":f" in buf))
            if formulas and LIVE_FORMULA.search(buf):
                buf = self._neutralise(sheet, buf, dead)
            if rows:
                patched = fast(buf)
                buf = _ROW_ELEMENT.sub(row, buf) if patched is None else patched
                # (a piece that ends with a row ends before </sheetData>: pieces are cut
                # after rows, and nothing after the cells is a <row>)
                more = state["next"] < len(rows) and not buf.endswith(b"</row>")
                end = _sheetdata_end(buf) if more else None
                if end is not None:
                    if end.group(0).endswith(b"/>"):
                        name = end.group(0)[1:-2].strip()
                        rest = b"<" + name + b">" + missing(None) + b"</" + name + b">"
                    else:
                        rest = missing(None) + end.group(0)
                    buf = buf[: end.start()] + rest + buf[end.end() :]
            if (
                sheet.legacy_rid
                and (end_ws := buf.rfind(b"</")) >= 0
                and b"worksheet>" in buf[end_ws:]
            ):
                buf = _insert_legacy_drawing(buf, sheet.legacy_rid)
            yield buf

    def _row_edits(
        self, buf: bytes, i: int, end: int, r: int, ops: dict[int, str]
    ) -> list[tuple[int, int, bytes]] | None:
        """The changes to the row ``buf[i:end]`` (``<row r="N" …>…</row>``, no prefix) as
        (start, stop, new bytes) in order, made in place in the chunk, without copying the
        row out and back; None when ``_patch_row`` must do it (an empty ``<row/>``, cells out
        of column order)."""
        body = buf.find(b">", i, end) + 1
        close = end - 6  # </row>
        if buf[body - 2] == 47:  # <row …/>
            return None
        edits, missing = [], []
        # in _patch_row's order (right to left, then the added cells), so that the formats
        # are cloned in the same order and get the same numbers
        for col in sorted(ops, reverse=True):
            at = buf.find(b' r="%s%d"' % (_letters(col), r), body, close)
            if at >= 0:
                start, stop = buf.rfind(b"<", body, at), buf.find(b">", at) + 1
                edits.append((start, stop, self._restyle(buf[start:stop], ops[col])))
            elif ops[col] != "clear":
                missing.append(col)
        for col in reversed(missing):
            at = _insert_at(buf, body, close, r, col)
            edits.append((at, at, self._new_cell(r, col, ops, b"")))
        edits.sort(key=lambda e: (e[0], e[1]))  # (stable: added cells in column order)
        if any(a[1] > b[0] for a, b in itertools.pairwise(edits)):
            return None
        return edits

    def _patch_row(
        self, head: bytes, body: bytes, close: bytes, r: int, ops: dict[int, str], ns: bytes
    ) -> bytes:
        """A row with the cells of ``ops`` restyled; marked cells the row lacks are added."""
        missing = []
        for col in sorted(ops, reverse=True):  # from the right: earlier positions stay valid
            needle = b' r="%s%d"' % (_letters(col), r)
            i = body.find(needle)
            if i < 0:
                if ops[col] != "clear":
                    missing.append(col)
                continue
            start, end = body.rfind(b"<", 0, i), body.find(b">", i) + 1
            body = body[:start] + self._restyle(body[start:end], ops[col]) + body[end:]
        for col in reversed(missing):
            body = self._insert_cell(body, r, col, ops, ns)
        return head + body + close

    def _insert_cell(self, body: bytes, r: int, col: int, ops: dict[int, str], ns: bytes) -> bytes:
        at = _insert_at(body, 0, len(body), r, col)
        return body[:at] + self._new_cell(r, col, ops, ns) + body[at:]

    def _new_cell(self, r: int, col: int, ops: dict[int, str], ns: bytes) -> bytes:
        if ops[col] == "clear":
            return b""
        return b'<%sc r="%s%d" s="%d"/>' % (
            ns,
            _letters(col),
            r,
            self.styles.marked(0, ops[col]),
        )

    def _restyle(self, tag: bytes, op: str) -> bytes:
        """A cell's start tag with the marked (or cleared) copy of its format."""
        s = _S_ATTR.search(tag)
        old = int(s.group(1)) if s else 0
        new = self.styles.cleared(old) if op == "clear" else self.styles.marked(old, op)
        if new is None or new == old:
            return tag
        if s:
            return tag[: s.start(1)] + str(new).encode() + tag[s.end(1) :]
        name_at = _NAME_END.search(tag)
        assert name_at is not None  # a start tag ends in ">", which _NAME_END matches
        name_end = name_at.start()
        return tag[:name_end] + b' s="%d"' % new + tag[name_end:]

    def _neutralise(self, sheet: _Sheet, buf: bytes, dead: set[bytes]) -> bytes:
        def cell(m: re.Match[bytes]) -> bytes:
            tag = m.group(0)
            if b"<f" not in tag and b":f" not in tag:
                return tag

            def formula(f: re.Match[bytes]) -> bytes:
                attrs, text = f.group(1), f.group(2) or b""
                si = re.search(rb'\bsi="(\d+)"', attrs)
                shared = b't="shared"' in attrs
                if shared and si and si.group(1) in dead and not text:
                    return b""
                if not is_live_formula(html.unescape(text.decode("utf-8", "replace"))):
                    return f.group(0)
                if shared and si:
                    dead.add(si.group(1))
                ref = _R_REF.search(tag, 0, tag.find(b">") + 1)
                self.neutralised.append(
                    f"{sheet.name}!{ref.group(1).decode()}{ref.group(2).decode()}"
                    if ref
                    else sheet.name
                )
                return b""

            return _F_ELEMENT.sub(formula, tag)

        return _CELL.sub(cell, buf)


# ---------------------------------------------------------------------------------------------
# XML pieces, by regex over the few places that change (the rest is copied as it is).

_TAB_SELECTED = re.compile(rb'(<(?:\w+:)?sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"')
_SHEETDATA_END = re.compile(rb"</(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*/>")
_F_ELEMENT = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)"')
_S_ATTR = re.compile(rb'\ss="(\d+)"')
_NAME_END = re.compile(rb"[\s/>]")  # where an element's name ends
_AFTER_LEGACY = re.compile(
    rb"<(?:\w+:)?(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts)\b"
)
_EMPTY_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{_PKG_REL}"></Relationships>'
)


def _sheetdata_end(buf: bytes) -> re.Match[bytes] | None:
    """The first ``</sheetData>`` (or ``<sheetData/>``) of ``buf``. The regex is tried only
    where the name is: searched over a whole 4 MB piece, it is tried at every position."""
    at = buf.find(b"sheetData")
    while at >= 0:
        m = _SHEETDATA_END.search(buf, buf.rfind(b"<", max(at - 64, 0), at), at + 80)
        if m is not None:
            return m
        at = buf.find(b"sheetData", at + 9)
    return None


def _bind(fn: Callable[[_Sheet], Iterator[bytes]], sheet: _Sheet) -> Callable[[], Iterator[bytes]]:
    return lambda: fn(sheet)


_XML_SPECIAL = re.compile("[&<>\"']")


def _esc(text: str) -> str:
    # most texts (Chinese messages, cell references) hold none of the five characters
    return html.escape(text, quote=True) if _XML_SPECIAL.search(text) else text


def _insert_at(buf: bytes, lo: int, hi: int, r: int, col: int) -> int:
    """Where in the cells ``buf[lo:hi]`` of row ``r`` a cell of column ``col`` goes: before
    the first cell right of it (cells are written in column order)."""
    # The usual places first: before one of the next columns, or after the last cell.
    for c in range(col + 1, col + 4):
        i = buf.find(b' r="%s%d"' % (_letters(c), r), lo, hi)
        if i >= 0:
            return buf.rfind(b"<", lo, i)
    letters = _letters(col)
    last = _R_REF.match(buf, max(buf.rfind(b' r="', lo, hi), lo), hi)
    if last is not None and _before(last.group(1), letters):
        return hi
    for m in _R_REF.finditer(buf, lo, hi):
        if _before(letters, m.group(1)):
            return buf.rfind(b"<", lo, m.start())
    return hi


def _before(a: bytes, b: bytes) -> bool:
    """Column letters ``a`` left of ``b`` (columns compare by length, then by text)."""
    return len(a) < len(b) or (len(a) == len(b) and a < b)


@lru_cache(maxsize=4096)
def _letters(col: int) -> bytes:
    return column_letter(col).encode()


def _split_ref(ref: str) -> tuple[int, int]:
    """``"K12"`` → (12, 10): Excel row, 0-based column. (Called for every finding: no regular
    expression, and no cache of whole references that 100,000 distinct cells would churn.)"""
    plain = ref.replace("$", "") if "$" in ref else ref
    at = len(plain.rstrip("0123456789"))
    if at == len(plain):
        raise ValueError(ref)
    return int(plain[at:]), _column_of(plain[:at])


@lru_cache(maxsize=4096)
def _column_of(letters: str) -> int:
    if not (1 <= len(letters) <= 3 and letters.isascii() and letters.isalpha()):
        raise ValueError(letters)
    return column_index(letters)


def _anchor(sheet: _Sheet, coord: str) -> str:
    """The top-left cell of the merged range holding ``coord`` (or ``coord``)."""
    row, col = _split_ref(coord)
    starts, ranges = sheet.merge_index.get(col, ((), ()))
    k = bisect.bisect_right(starts, row) - 1
    # Ranges in one column do not overlap: only the last one starting above can hold the row.
    if k >= 0 and ranges[k][2] >= row:
        r1, c1 = ranges[k][:2]
        return f"{column_letter(c1)}{r1}"
    return coord


def _column_numbers(letters: set[str]) -> set[int]:
    """The 0-based columns of ``letters`` (those that are column letters)."""
    out = set()
    for text in letters:
        try:
            out.add(_column_of(text.replace("$", "")))
        except ValueError:
            pass
    return out


def _flat_ranges(flat: Sequence[int], needed: set[int]) -> list[tuple[int, int, int, int]]:
    """The merged ranges of ``Report.merged`` (flat, 0-based) that may hold a column of
    ``needed``, as (row1, col1, row2, col2) with 1-based rows. A ledger of 100,000 measures
    has 170,000 ranges, most in columns no finding points at: they are passed over in one
    comprehension, not made into tuples and indexed."""
    if not needed:
        return []
    lo, hi = min(needed), max(needed)
    keep = [
        i
        for i, (a, b) in enumerate(zip(flat[1::4], flat[3::4], strict=True))
        if b >= lo and a <= hi
    ]
    return [(flat[4 * i] + 1, flat[4 * i + 1], flat[4 * i + 2] + 1, flat[4 * i + 3]) for i in keep]


def _merge_index(merged: list[tuple[int, int, int, int]], needed: set[int]) -> dict[int, Any]:
    """Column of ``needed`` → (first rows, ranges) sorted by first row, for ``_anchor``'s
    bisect."""
    by_col: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
    for rng in merged:
        for c in range(rng[1], min(rng[3], rng[1] + 16384) + 1):
            if c in needed:
                by_col[c].append(rng)
    index = {}
    for c, ranges in by_col.items():
        ranges.sort()
        index[c] = ([r[0] for r in ranges], ranges)
    return index


def _relationships(xml: str) -> list[dict[str, str]]:
    rels = []
    for m in re.finditer(r"<(?:\w+:)?Relationship\b[^>]*>", xml):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(0)))
        if "Id" in attrs and "Target" in attrs:
            attrs.setdefault("Type", "")
            attrs["Target"] = html.unescape(attrs["Target"])
            attrs["_tag"] = m.group(0)
            rels.append(attrs)
    return rels


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _relative(source: str, part: str) -> str:
    return posixpath.relpath(part, posixpath.dirname(source))


def _drop_relationship(xml: str, rid: str) -> str:
    for rel in _relationships(xml):
        if rel["Id"] == rid:
            xml = xml.replace(rel["_tag"], "", 1)
    return xml


def _add_relationship(xml: str, rid: str, kind: str, target: str) -> str:
    tag = f'<Relationship Id="{rid}" Type="{_REL}{kind}" Target="{_esc(target)}"/>'
    if "</Relationships>" in xml:
        return xml.replace("</Relationships>", tag + "</Relationships>")
    return re.sub(r"<Relationships\b([^>]*)/>", rf"<Relationships\1>{tag}</Relationships>", xml)


def _free_rid(xml: str) -> str:
    used = set(re.findall(r'\bId="([^"]+)"', xml))
    n = 1
    while f"rId{n}" in used:
        n += 1
    return f"rId{n}"


def _free_name(members: Any, new: Any, pattern: str) -> str:
    n = 1
    while pattern.format(n) in members or pattern.format(n) in new:
        n += 1
    return pattern.format(n)


def _prefix_of(xml: str, namespace: str) -> str:
    """The prefix the root element declares for ``namespace`` ("" when it declares none)."""
    root = re.search(r"<(?![?!])[^>]*>", xml)
    m = re.search(rf'xmlns:(\w+)="{re.escape(namespace)}"', root.group(0) if root else "")
    return m.group(1) if m else ""


def _shift_local_ids(xml: str, *, removed: int | None = None, inserted: bool = False) -> str:
    """Sheet-local names follow their sheet's position: one sheet removed at ``removed``, or
    one inserted first."""

    def fix(m: re.Match[str]) -> str:
        tag = m.group(0)
        local = re.search(r'\blocalSheetId="(\d+)"', tag)
        if local is None:
            return tag
        k = int(local.group(1))
        if removed is not None:
            if k == removed:
                return ""
            k -= k > removed
        if inserted:
            k += 1
        return tag[: local.start(1)] + str(k) + tag[local.end(1) :]

    return re.sub(
        r"<(?:\w+:)?definedName\b[^>]*(?<!/)>.*?</(?:\w+:)?definedName>|<(?:\w+:)?definedName\b[^>]*/>",
        fix,
        xml,
        flags=re.S,
    )


def _add_defined_names(xml: str, names: str, p: str) -> str:
    end = re.search(r"</(?:\w+:)?definedNames>", xml)
    if end is not None:
        return xml[: end.start()] + names + xml[end.start() :]
    empty = re.search(r"<(?:\w+:)?definedNames\s*/>", xml)
    block = f"<{p}definedNames>{names}</{p}definedNames>"
    if empty is not None:
        return xml[: empty.start()] + block + xml[empty.end() :]
    after = re.search(
        r"</(?:\w+:)?functionGroups>|<(?:\w+:)?functionGroups\s*/>|</(?:\w+:)?sheets>", xml
    )
    assert after is not None  # a workbook has <sheets>
    return xml[: after.end()] + block + xml[after.end() :]


def _activate_first(xml: str, p: str) -> str:
    view = re.search(r"<(?:\w+:)?workbookView\b[^>]*?(/?)>", xml)
    if view is None:
        sheets = re.search(r"<(?:\w+:)?sheets\b", xml)
        assert sheets is not None
        tag = f'<{p}bookViews><{p}workbookView activeTab="0"/></{p}bookViews>'
        return xml[: sheets.start()] + tag + xml[sheets.start() :]
    tag = re.sub(r'\s(?:activeTab|firstSheet)="\d+"', "", view.group(0))
    tag = re.sub(r"(<(?:\w+:)?workbookView\b)", r'\1 activeTab="0"', tag)
    return xml[: view.start()] + tag + xml[view.end() :]


def _insert_legacy_drawing(buf: bytes, rid: str) -> bytes:
    """``<legacyDrawing r:id>`` (the comments' drawing) where the schema wants it: before the
    elements that follow it, or before the sheet's own ``<extLst>``, or at the end."""
    tail = buf.rfind(b"</")
    name = buf[tail + 2 : buf.find(b">", tail)]
    prefix = name[: -len(b"worksheet")]
    tag = b'<%slegacyDrawing xmlns:r="%s" r:id="%s"/>' % (prefix, _R.encode(), rid.encode())
    start = max(buf.rfind(b"sheetData"), 0)
    at = _AFTER_LEGACY.search(buf, start)
    if at is not None:
        pos = at.start()
    else:
        last_before = max([buf.rfind(b"<" + prefix + t, start) for t in _BEFORE_EXT] + [start])
        ext = buf.find(b"<" + prefix + b"extLst", last_before)
        pos = ext if ext >= 0 else tail
    return buf[:pos] + tag + buf[pos:]


_BEFORE_EXT = (
    b"pageMargins",
    b"pageSetup",
    b"headerFooter",
    b"rowBreaks",
    b"colBreaks",
    b"drawing ",
)


# ---------------------------------------------------------------------------------------------
# Comments and their VML drawing.


_VML_SHAPE = re.compile(r"<v:shape\b")


def _vml_shapes(vml: str) -> list[str]:
    """The ``<v:shape …>…</v:shape>`` elements of a VML drawing. One find per shape: a lazy
    regex to the end tag would rescan the rest of the part from every unclosed opening."""
    shapes = []
    pos = 0
    while (m := _VML_SHAPE.search(vml, pos)) is not None:
        end = vml.find("</v:shape>", m.end())
        if end < 0:
            break
        pos = end + len("</v:shape>")
        shapes.append(vml[m.start() : pos])
    return shapes


def _parse_comments(xml: str) -> dict[str, tuple[str, str, float]]:
    from lxml import etree

    if not xml:
        return {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(xml.encode("utf-8"), parser)
    ns = root.nsmap.get(None) or _MAIN
    authors = [a.text or "" for a in root.iter(f"{{{ns}}}author")]
    out: dict[str, tuple[str, str, float]] = {}
    for c in root.iter(f"{{{ns}}}comment"):
        ref = c.get("ref") or ""
        k = int(c.get("authorId") or 0)
        text_el = c.find(f"{{{ns}}}text")
        text = ""
        if text_el is not None:
            # as openpyxl reads it: the plain text of every run (phonetic runs left out)
            text = "".join(
                t.text or ""
                for t in text_el.iter(f"{{{ns}}}t")
                if t.getparent().tag != f"{{{ns}}}rPh"
            )
        out[ref] = (authors[k] if k < len(authors) else "", text, 0)
    return out


def _comments_xml(comments: dict[str, tuple[str, str, float]]) -> bytes:
    authors = list(dict.fromkeys(a for a, _, _ in comments.values()))
    index = {a: k for k, a in enumerate(authors)}
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<comments xmlns="{_MAIN}"><authors>'
        + "".join(f"<author>{_esc(a)}</author>" for a in authors)
        + "</authors><commentList>"
    )
    parts = [head.encode()]
    # Texts repeat (one per message): each escaped and encoded once; written as bytes.
    escaped: dict[tuple[str, str], bytes] = {}
    for ref, (author, text, _) in comments.items():
        tail = escaped.get((author, text))
        if tail is None:
            tail = escaped[author, text] = (
                f'" authorId="{index[author]}"><text><t xml:space="preserve">'
                f"{_esc(strip_forbidden(text))}</t></text></comment>"
            ).encode()
        parts.append(b'<comment ref="%b%b' % (ref.encode(), tail))
    parts.append(b"</commentList></comments>")
    return b"".join(parts)


def _vml(
    comments: dict[str, tuple[str, str, float]],
    positions: dict[str, tuple[int, int]],
    others: list[str],
    block: int,
) -> bytes:
    """The comments' VML drawing; shape ids are taken from 1024-id blocks starting at
    ``block`` (each drawing of the workbook has its own blocks, listed in o:idmap)."""
    blocks = ",".join(str(b) for b in range(block, block + len(comments) // 1024 + 1))
    shapes = []
    sizes: dict[float, str] = {}
    for k, (ref, (_, _, height)) in enumerate(comments.items(), start=1):
        row, col = positions.get(ref) or _split_ref(ref)
        size = sizes.get(height)
        if size is None:
            size = sizes[height] = (
                f"width:320px;height:{height:g}px" if height else "width:144px;height:79px"
            )
        shapes.append(
            f'<v:shape id="_x0000_s{1024 * block + k}" type="#_x0000_t202" '
            f'style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;{size};z-index:{k};'
            'visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">'
            '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>'
            '<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left"></div></v:textbox>'
            '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>'
            f"<x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{col}</x:Column>"
            "</x:ClientData></v:shape>"
        )
    return (
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel">'
        f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{blocks}"/></o:shapelayout>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        + "".join(others)
        + "".join(shapes)
        + "</xml>"
    ).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# styles.xml: fills, fonts, borders and cell formats added; nothing existing changes.

_MINIMAL_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font>'
    '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill '
    'patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/>'
    '<bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
    'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" '
    'fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>'
)
_SECTIONS = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs")


class _Styles:
    def __init__(self, xml: str) -> None:
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        self.root = etree.fromstring((xml or _MINIMAL_STYLES).encode("utf-8"), parser)
        self.ns = self.root.nsmap.get(None) or _MAIN
        self.section = {name: self._section(name) for name in _SECTIONS[1:]}
        if not len(self.section["cellXfs"]):
            self._append(
                "cellXfs", '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            )
        self.memo: dict[Any, int] = {}

    def _q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}"

    def _section(self, name: str) -> Any:
        from lxml import etree

        found = self.root.find(self._q(name))
        if found is not None:
            return found
        el = etree.Element(self._q(name))
        later = _SECTIONS.index(name) + 1
        for child in self.root:
            if etree.QName(child).localname not in _SECTIONS[:later]:
                child.addprevious(el)
                break
        else:
            self.root.append(el)
        return el

    def _append(self, name: str, xml: str) -> int:
        from lxml import etree

        el = etree.fromstring(f'<r xmlns="{self.ns}">{xml}</r>')[0]
        self.section[name].append(el)
        return len(self.section[name]) - 1

    def _once(self, key: Any, make: Callable[[], int]) -> int:
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    def fill(self, rgb: str) -> int:
        xml = (
            f'<fill><patternFill patternType="solid"><fgColor rgb="00{rgb}"/>'
            f'<bgColor rgb="00{rgb}"/></patternFill></fill>'
        )
        return self._once(("fill", rgb), lambda: self._append("fills", xml))

    def _none_fill(self) -> int:
        for k, f in enumerate(self.section["fills"]):
            pattern = f.find(self._q("patternFill"))
            if (
                pattern is not None
                and pattern.get("patternType", "none") == "none"
                and not len(pattern)
            ):
                return k
        return self._append("fills", '<fill><patternFill patternType="none"/></fill>')

    def _fill_rgb(self, s: int) -> str:
        xfs = self.section["cellXfs"]
        xf = xfs[s] if s < len(xfs) else xfs[0]
        fills = self.section["fills"]
        k = int(xf.get("fillId") or 0)
        if k >= len(fills):
            return ""
        fg = fills[k].find(f"{self._q('patternFill')}/{self._q('fgColor')}")
        return (fg.get("rgb") or "")[-6:].upper() if fg is not None else ""

    def _clone(self, s: int, fill_id: int) -> int:
        from copy import deepcopy

        xfs = self.section["cellXfs"]
        xf = deepcopy(xfs[s] if s < len(xfs) else xfs[0])
        xf.set("fillId", str(fill_id))
        xf.set("applyFill", "1")
        xfs.append(xf)
        return len(xfs) - 1

    def marked(self, s: int, severity: str) -> int:
        return self._once(("mark", s, severity), lambda: self._clone(s, self.fill(FILLS[severity])))

    def cleared(self, s: int) -> int | None:
        if self._fill_rgb(s) not in FILLS.values():
            return None
        return self._once(("clear", s), lambda: self._clone(s, self._none_fill()))

    def xf(
        self,
        font: str,
        *,
        fill: str = "",
        border: bool = False,
        align: str = "",
        quote: bool = False,
    ) -> int:
        """A cell format of the 校验结果 sheet (font, fill, border and alignment as XML)."""

        def make() -> int:
            font_id = self._once(("font", font), lambda: self._append("fonts", font))
            fill_id = self.fill(fill) if fill else 0
            border_id = (
                self._once(("border",), lambda: self._append("borders", _THIN_BORDER))
                if border
                else 0
            )
            attrs = f'numFmtId="0" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" xfId="0" applyFont="1"'
            attrs += ' applyFill="1"' * bool(fill) + ' applyBorder="1"' * border
            attrs += ' applyAlignment="1"' * bool(align) + ' quotePrefix="1"' * quote
            return self._append(
                "cellXfs", f"<xf {attrs}>{align}</xf>" if align else f"<xf {attrs}/>"
            )

        return self._once(("xf", font, fill, border, align, quote), make)

    def to_bytes(self) -> bytes:
        from lxml import etree

        for el in self.section.values():
            el.set("count", str(len(el)))
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


_THIN_BORDER = (
    "<border>"
    + "".join(
        f'<{side} style="thin"><color rgb="00808080"/></{side}>'
        for side in ("left", "right", "top", "bottom")
    )
    + "<diagonal/></border>"
)


def _font(
    name: str, size: int, *, bold: bool = False, color: str = "", underline: bool = False
) -> str:
    return (
        "<font>"
        + "<b/>" * bold
        + "<u/>" * underline
        + f'<sz val="{size}"/>'
        + (f'<color rgb="00{color}"/>' if color else "")
        + f'<name val="{_esc(name)}"/></font>'
    )


# ---------------------------------------------------------------------------------------------
# The zip: unchanged members copied compressed as they are; changed ones deflated.

_EPOCH = (0 << 11, (0 << 9) | (1 << 5) | 1)  # 1980-01-01 00:00 as (DOS time, DOS date)


def _write_zip(
    out: BinaryIO,
    src: Path,
    members: list[tuple[str, zipfile.ZipInfo | None, bytes | Callable[[], Any] | None]],
) -> None:
    """Write the zip: unchanged members copied as stored, new ones deflated. Every write and
    every compression runs in order in one worker thread while this thread produces the next
    piece (patched sheet rows, the 校验结果 sheet): zlib, crc32 and file writes release the
    GIL, so on two cores compressing the copy costs almost no time of its own."""
    from concurrent.futures import ThreadPoolExecutor

    central: list[list[Any]] = []
    with src.open("rb") as raw, ThreadPoolExecutor(1, "ledger-tools-zip") as pool:
        behind = _InOrder(pool)
        try:
            for name, info, new in members:
                member = _Member(name, info)
                behind.run(member.start, out)
                if new is None:
                    assert info is not None
                    for block in _stored_blocks(raw, info):
                        behind.run(out.write, block)
                else:
                    data = new() if callable(new) else new
                    member.deflate(small=isinstance(data, bytes) and len(data) < 1 << 20)
                    for piece in [data] if isinstance(data, bytes) else data:
                        behind.run(member.add, out, piece)
                behind.run(member.finish, out)
                central.append(member.entry)
        finally:
            behind.wait()
    start = out.tell()
    for entry in central:
        # The central record: "made by", the local header's fields, then comment/disk/attributes.
        body = _local_header(entry)[4:]
        out.write(
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + body[:26]
            + struct.pack("<HHHII", 0, 0, 0, 0, entry[7])
            + body[26:]
        )
    end = out.tell()
    out.write(
        struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), end - start, start, 0
        )
    )


class _InOrder:
    """Tasks run one after another in ``pool`` (one thread), at most ``depth`` waiting, so
    the pieces held in memory stay bounded; the first error is raised in the caller."""

    def __init__(self, pool: Any, depth: int = 3) -> None:
        self.pool, self.depth = pool, depth
        self.pending: list[Any] = []

    def run(self, fn: Callable[..., Any], *args: Any) -> None:
        while self.pending and (self.pending[0].done() or len(self.pending) >= self.depth):
            self.pending.pop(0).result()
        self.pending.append(self.pool.submit(fn, *args))

    def wait(self) -> None:
        while self.pending:
            self.pending.pop(0).result()


def _stored_blocks(raw: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The compressed bytes of an unchanged member, as stored in the source file."""
    raw.seek(info.header_offset)
    head = raw.read(30)
    n, e = struct.unpack("<HH", head[26:30])
    raw.seek(info.header_offset + 30 + n + e)
    left = info.compress_size
    while left:
        block = raw.read(min(left, 1 << 20))
        if not block:
            raise zipfile.BadZipFile(info.filename)
        yield block
        left -= len(block)


class _Inflated:
    """A deflated member read as ``ZipFile.open`` reads it (its CRC-32 and size checked at
    the end), but inflated by ISA-L: about twice zlib's speed on the 50 MB sheet of a
    100,000-measure ledger. ``read`` returns what one compressed block gives."""

    def __init__(self, src: Path, info: zipfile.ZipInfo, isal: Any) -> None:
        self.info, self.isal = info, isal
        self.raw = src.open("rb")
        self.blocks = _stored_blocks(self.raw, info)
        self.inflate = isal.decompressobj(-15)
        self.crc = self.size = 0
        self.done = False

    def read(self, _n: int = -1) -> bytes:
        data = b""
        try:
            while not data and not self.done:
                block = next(self.blocks, None)
                if block is None:
                    data, self.done = self.inflate.flush(), True
                else:
                    data = self.inflate.decompress(block)
        except self.isal.error as exc:
            raise zipfile.BadZipFile(f"{self.info.filename}: {exc}") from None
        self.crc = fast_crc32(data, self.crc)
        self.size += len(data)
        if self.done and (self.crc != self.info.CRC or self.size != self.info.file_size):
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {self.info.filename!r}")
        return data

    def __enter__(self) -> _Inflated:
        return self

    def __exit__(self, *_: object) -> None:
        self.raw.close()


class _Member:
    """One member of the zip being written: its local-header fields (``entry``: name, flags,
    method, DOS time, crc, packed and full size, offset) and, for a new member, the deflate
    state. Its methods run in the writer thread, in order."""

    entry: list[Any]

    def __init__(self, name: str, info: zipfile.ZipInfo | None) -> None:
        flags = 0x800 if not name.isascii() else 0
        if info is None:
            self.entry = [name.encode("utf-8"), flags, zipfile.ZIP_DEFLATED, _EPOCH, 0, 0, 0, 0]
        else:
            y, mo, d, h, mi, s = info.date_time
            when = (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d
            self.entry = [
                name.encode("utf-8"),
                flags,
                info.compress_type,
                when,
                info.CRC,
                info.compress_size,
                info.file_size,
                0,
            ]
        self.comp: Any = None
        self.crc = self.size = self.packed = 0

    def deflate(self, *, small: bool) -> None:
        """Small parts at zlib's level 6; the large ones (sheets, comments) fast (``output``:
        ISA-L where installed, else zlib's level 1)."""
        self.entry[2:7] = [zipfile.ZIP_DEFLATED, _EPOCH, 0, 0, 0]
        self.comp = zlib.compressobj(6, zlib.DEFLATED, -15) if small else fast_deflater()

    def start(self, out: BinaryIO) -> None:
        self.entry[7] = out.tell()
        out.write(_local_header(self.entry))

    def add(self, out: BinaryIO, piece: bytes) -> None:
        self.crc = fast_crc32(piece, self.crc)
        self.size += len(piece)
        z = self.comp.compress(piece)
        self.packed += len(z)
        out.write(z)

    def finish(self, out: BinaryIO) -> None:
        entry = self.entry
        if self.comp is not None:
            z = self.comp.flush()
            self.packed += len(z)
            out.write(z)
            entry[4:7] = [self.crc, self.packed, self.size]
            end = out.tell()
            out.seek(entry[7])
            out.write(_local_header(entry))
            out.seek(end)
        if max(entry[5], entry[6], entry[7]) >= 0xFFFFFFFF:
            raise OutputError("标注副本超过 4 GB，无法写出。请拆分台账后再用 --mark。")


def _local_header(entry: list[Any]) -> bytes:
    name_b, flags, method, (t, d), crc, packed, size, _ = entry
    fields = (20, flags, method, t, d, crc, packed, size, len(name_b), 0)
    return b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + name_b


# ---------------------------------------------------------------------------------------------
# The 校验结果 sheet.


def _rule_titles() -> dict[str, str]:
    try:
        from ledger_tools.ledger.schema import RULES
    except ImportError:  # the validator is optional for this module
        return {}
    return {rule_id: rule.title for rule_id, rule in RULES.items()}


RESULTS_CHUNK_ROWS = 4096  # table rows joined and encoded at a time (streamed into the zip)
_INLINE = '" t="inlineStr"><is><t xml:space="preserve">'  # a text cell, after its s="…"
_END = "</t></is></c>"
_ROW_TEMPLATE = (  # a row of the 校验结果 table (see _table_rows)
    b'<row r="%b" ht="%b" customHeight="1"><c r="A%b" s="%b"><v>%d</v></c><c r="B%b%b'
    b'<c r="C%b" s="%b' + _INLINE.encode() + b"%b" + _END.encode() + b'<c r="D%b%b'
    b'<c r="E%b%b<c r="F%b%b</row>'
)


def _results_xml(
    report: Report, sheet_names: list[str], styles: _Styles, full: Report | None = None
) -> Callable[[], Iterator[bytes]]:
    """The 校验结果 worksheet: summary lines, the table with links, widths, frozen header,
    filter, print settings. Its cell formats are added to ``styles`` now (before the marked
    copies of the ledger's formats); the XML is produced when the zip writer asks for it,
    in pieces (``_results_pieces``). The table lists ``report``'s findings; the summary lines
    count ``full``'s (all of them), and a fourth line says how many the table leaves out."""
    body = _font(FONT_BODY, 11)
    wrap = '<alignment horizontal="left" vertical="center" wrapText="1"/>'
    lines = summary_lines(full or report)
    if note := unmarked_note(full or report, len(report.findings)):
        lines.append(note)
    line_xfs = [
        styles.xf(_font(FONT_HEAD, 14, bold=True) if r == 1 else body)
        for r in range(1, min(len(lines), 3) + 1)
    ]
    if len(lines) > 3:  # the note of unmarked findings, in dark red
        line_xfs.append(styles.xf(_font(FONT_BODY, 11, bold=True, color="C00000")))
    xfs = _ResultsXfs(
        head=styles.xf(
            _font(FONT_HEAD, 11, bold=True),
            fill="D9E1F2",
            border=True,
            align='<alignment horizontal="center" vertical="center"/>',
        ),
        plain=styles.xf(body, border=True, align=wrap),
        quoted=styles.xf(body, border=True, align=wrap, quote=True),
        link=styles.xf(
            _font(FONT_BODY, 11, color="0563C1", underline=True), border=True, align=wrap
        ),
        by_severity={
            sev: styles.xf(body, fill=rgb, border=True, align=wrap) for sev, rgb in FILLS.items()
        },
    )
    summary = "".join(
        f'<row r="{r}">{_cell(1, r, line, xf)}</row>'
        for r, (line, xf) in enumerate(zip(lines, line_xfs, strict=True), start=1)
    )
    return lambda: _results_pieces(report, sheet_names, xfs, summary)


@dataclass(frozen=True)
class _ResultsXfs:
    head: int
    plain: int
    quoted: int
    link: int
    by_severity: dict[str, int]


def _results_pieces(
    report: Report, sheet_names: list[str], xfs: _ResultsXfs, summary: str
) -> Iterator[bytes]:
    rows = result_rows(report)
    r = RESULTS_HEADER_ROW + len(rows)  # the last row
    top = f"A{RESULTS_HEADER_ROW + 1}"
    cols = "".join(
        f'<col min="{j}" max="{j}" width="{w}" customWidth="1"/>'
        for j, w in enumerate(RESULTS_WIDTHS, start=1)
    )
    header = "".join(
        _cell(j, RESULTS_HEADER_ROW, v, xfs.head) for j, v in enumerate(RESULTS_HEADER, 1)
    )
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_R}">'
        '<sheetPr><tabColor rgb="00C00000"/><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:F{r}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        f'<pane ySplit="{RESULTS_HEADER_ROW}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
        f'<selection pane="bottomLeft" activeCell="{top}" sqref="{top}"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols}</cols><sheetData>{summary}"
        f'<row r="{RESULTS_HEADER_ROW}">{header}</row>'
    ).encode()
    links: list[str] = []
    yield from _table_rows(rows, set(sheet_names), xfs, links)
    last = max(r, RESULTS_HEADER_ROW + 1)
    yield (
        f'</sheetData><autoFilter ref="A{RESULTS_HEADER_ROW}:F{last}"/>'
        + (f"<hyperlinks>{''.join(links)}</hyperlinks>" if links else "")
        + '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
        '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
    ).encode("utf-8")


def _table_rows(
    rows: list[tuple[tuple[Any, ...], Finding]],
    known: set[str],
    xfs: _ResultsXfs,
    links: list[str],
) -> Iterator[bytes]:
    """The table's ``<row>`` elements as UTF-8, ``RESULTS_CHUNK_ROWS`` at a time; their
    links are appended to ``links``. One bytes template per row: what a cell holds after its
    ``r="B7`` is the same for every equal text, so it is escaped, measured (its lines at the
    column's width, for the row height) and encoded once per distinct text (the level, the
    rule's title, a value, a message); only the place (位置) is new on every row, and its
    sheet part is done once per sheet. (Encoding every row's text again cost as much as
    formatting it.)"""
    plain, link_xf = b"%d" % xfs.plain, b"%d" % xfs.link
    w_label, w_where, w_title, w_value, w_message = (max(w - 1, 1) for w in RESULTS_WIDTHS[1:])
    severity_tail: dict[str, tuple[bytes, int]] = {}
    title_tail: dict[str, tuple[bytes, int]] = {}
    value_tail: dict[str, tuple[bytes, int]] = {}
    message_tail: dict[str, tuple[bytes, int]] = {}
    place_head: dict[str, tuple[bytes, int]] = {}  # "'O''Brien 台账'!" → (escaped, width)
    link_sheet: dict[str, str] = {}
    heights: dict[int, bytes] = {}
    out: list[bytes] = []
    r = RESULTS_HEADER_ROW
    for (n, label, where, title, value, message), f in rows:
        r += 1
        b = severity_tail.get(f.severity)
        if b is None:
            xf = xfs.by_severity.get(f.severity, xfs.plain)
            b = severity_tail[f.severity] = _tail(label, xf, w_label)
        d = title_tail.get(title)
        if d is None:
            d = title_tail[title] = _tail(title, xfs.plain, w_title)
        if value.__class__ is str:
            e = value_tail.get(value)
            if e is None:
                text = strip_forbidden(value)
                xf = xfs.quoted if text.startswith(FORMULA_PREFIXES) else xfs.plain
                e = value_tail[value] = _tail(value, xf, w_value)
        else:
            e = (_cell(5, r, value, xfs.plain)[len(f'<c r="E{r}') :].encode(), 0)
        m = message_tail.get(message)
        if m is None:
            m = message_tail[message] = _tail(message, xfs.plain, w_message)
        # 位置 is "整改台账!K12" (or "整改台账!12行", a sheet alone, "—"); escaping and width
        # go character by character, so the sheet's part is done once
        head, bang, tail = where.rpartition("!")
        if bang and tail.isascii() and tail.isalnum():
            h = place_head.get(head)
            if h is None:
                text = head + "!"
                h = place_head[head] = (_esc(strip_forbidden(text)).encode(), display_width(text))
            place, width = h[0] + tail.encode(), h[1] + len(tail)
        else:
            place, width = _esc(strip_forbidden(where)).encode(), display_width(where)
        lines = max(1, b[1], d[1], e[1], m[1], -(-width // w_where))
        ht = heights.get(lines)
        if ht is None:
            ht = heights[lines] = f"{_row_height(lines):g}".encode()
        where_xf = plain
        if f.row and f.sheet in known:
            where_xf = link_xf
            prefix = link_sheet.get(f.sheet)
            if prefix is None:
                prefix = link_sheet[f.sheet] = _esc(quote_sheet(f.sheet)) + "!"
            column = f.column or "A"
            if not column.isalnum():
                column = _esc(column)
            links.append(f'<hyperlink ref="C{r}" location="{prefix}{column}{f.row}"/>')
        rs = b"%d" % r
        out.append(
            _ROW_TEMPLATE
            % (rs, ht, rs, plain, n, rs, b[0], rs, where_xf, place, rs, d[0], rs, e[0], rs, m[0])
        )
        if len(out) == RESULTS_CHUNK_ROWS:
            yield b"".join(out)
            out.clear()
    if out:
        yield b"".join(out)


def _tail(text: str, xf: int, width: int) -> tuple[bytes, int]:
    """A text cell after its ``r="B7`` (as ``_cell`` writes it) in UTF-8, and the lines
    ``text`` takes at ``width``."""
    cell = f'" s="{xf}{_INLINE}{_esc(strip_forbidden(text))}{_END}'
    return cell.encode(), _lines_at(text, width)


def _inline(letter: str, row: int, escaped: str, xf: int) -> str:
    """A text cell (what ``_cell`` writes for a str), its text already escaped."""
    return (
        f'<c r="{letter}{row}" s="{xf}" t="inlineStr"><is><t xml:space="preserve">'
        f"{escaped}</t></is></c>"
    )


def _cell(col: int, row: int, value: Any, xf: int) -> str:
    letter = "ABCDEF"[col - 1]
    ref = f"{letter}{row}"
    if value is None:
        return f'<c r="{ref}" s="{xf}"/>'
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{xf}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}" s="{xf}"><v>{value!r}</v></c>'
    return _inline(letter, row, _esc(strip_forbidden(str(value))), xf)


@lru_cache(maxsize=8192)  # comment lines and messages repeat
def _lines_at(text: str, width: int) -> int:
    return -(-display_width(text) // width)


def summary_lines(report: Report) -> list[str]:
    """The three lines above the 校验结果 table (file and date, counts, what to do)."""
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in (ERROR, WARNING, NOTE)}
    name = Path(report.path).name if report.path else ""
    first = f"校验结果：{name}" + (
        f"（检查日期 {format_cn_iso(report.today)}）" if report.today else ""
    )
    second = "，".join(f"{SEVERITY_LABEL[s]} {n} 处" for s, n in counts.items()) + "。"
    from ledger_tools.ledger.checking import colour_counts, doubt_text

    colours = colour_counts(report)  # (in the order and with the zeros check prints)
    if any(colours.values()):
        second += "预警：" + "，".join(f"{c} {n} 项" for c, n in colours.items()) + "。"
    second += doubt_text(report.totals)
    third = (
        "有错误，请按“说明”修改后再上报。"
        if counts[ERROR]
        else "没有错误，可以上报；警告请逐条核实。"
    )
    third += "点击“位置”跳到对应单元格；红色为错误，黄色为警告，鼠标移到单元格上可看批注。原台账未作修改。"
    return [first, second, third]


VALUE_CHARS = 40  # 内容 is there to recognise the cell; long text is cut


def _value_for_cell(value: Any) -> Any:
    if value.__class__ is str:
        return value if len(value) <= VALUE_CHARS else value[:VALUE_CHARS] + "……"
    if isinstance(value, (dt.date, dt.datetime)):
        return format_cn_date(value)
    if value is None or isinstance(value, (int, float)):
        return value
    text = str(value)
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS] + "……"


def result_rows(report: Report) -> list[tuple[tuple[Any, ...], Finding]]:
    """The 校验结果 table: one row of values (in ``RESULTS_HEADER`` order) per finding, with
    the finding, in report order. Shared with the live-workbook painter (excel.check_book)."""
    titles = _rule_titles()
    dates: dict[Any, str] = {}  # a date is written as text once (deadlines repeat)
    rows = []
    for n, f in enumerate(report.sorted(), start=1):
        value = f.value
        kind = value.__class__
        if kind is dt.date:
            shown = dates.get(value)
            if shown is None:
                shown = dates[value] = format_cn_date(value)
        elif kind is str and len(value) <= VALUE_CHARS:
            shown = value
        else:
            shown = _value_for_cell(value)
        label, title = SEVERITY_LABEL[f.severity], titles.get(f.rule, f.rule)
        rows.append(((n, label, f.cell or "—", title, shown, f.message), f))
    return rows


def link_target(f: Finding, sheet_names: Any) -> str:
    """``'整改台账'!K12`` for a finding with a row (column A when it names no column) on one of
    ``sheet_names``; "" for a finding that has no cell to go to."""
    if not f.row or f.sheet not in set(sheet_names):
        return ""
    return f"{quote_sheet(f.sheet)}!{f.column or 'A'}{f.row}"


def _height(values: tuple[Any, ...], widths: tuple[int, ...]) -> float:
    lines = max(
        [1]
        + [
            _lines_at(value, max(width - 1, 1))
            for value, width in zip(values, widths, strict=True)
            if value.__class__ is str
        ]
    )
    return _row_height(lines)


def _row_height(lines: int) -> float:
    """The height of a 校验结果 row whose fullest cell takes ``lines`` lines."""
    return max(15.0, 14.5 * lines + 4)
