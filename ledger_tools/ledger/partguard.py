"""Guards on what an Office file claims in its parts, before a library acts on the claim
(README “安全与可靠性”, the third attack run). Used by ``reading`` (ledgers) and, through
``reading.check_zip_sizes``, by Word templates and imported Word files:

* no XML part declares a DTD (``check_prologs``);
* a shared strings table holds as many texts as it claims (``check_claims``);
* a style sheet holds no more formats than Excel can (``check_claims``): a million cell
  formats took ``check --mark`` 29 s and 1.5 GB, ``diff --mark`` 300 s and 2.5 GB;
* no part is named like a path out of the folder it is unpacked into (``check_part_names``):
  a marked copy carried them on;
* a sheet calamine cannot convert names the number no date can be (``number_beyond_dates``),
  with Rust's English panic text kept off the screen (``quiet_stderr``).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from ledger_tools.errors import UnreadableFile

PROLOG_BYTES = 65536  # an XML part's prolog (declaration, a comment) is a few hundred bytes
PROLOG_HEAD = 1024  # inflated first: enough for the prolog of any part Office writes
MIN_SHARED_TEXT_BYTES = 13  # <si><t/></si>


def check_prologs(
    p: Path,
    infos: Iterable[zipfile.ZipInfo],
    label: str,
    hint: str,
    zf: zipfile.ZipFile | None = None,
) -> None:
    """No XML part declares a DTD (``<!DOCTYPE``): Office never writes one, and its entities
    (billion laughs, ``file:///`` reads) would be expanded by whoever parses the part next —
    Excel, LibreOffice, the recipient of a marked copy or a 公文 that carries it over. Only
    each part's prolog is inflated: its first ``PROLOG_HEAD`` bytes, up to ``PROLOG_BYTES``
    where the prolog goes on (inflating 64 KB of each of a dozen parts was a tenth of reading
    a small ledger). ``zf``: the file already open (else it is opened here)."""
    from ledger_tools.ledger.reading import ZIP_ERRORS

    try:
        with contextlib.nullcontext(zf) if zf is not None else zipfile.ZipFile(p) as z:
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with z.open(info) as fh:
                    head = fh.read(PROLOG_HEAD)
                    why = _prolog_problem(head, complete=len(head) < PROLOG_HEAD)
                    if why is None:
                        why = _prolog_problem(head + fh.read(PROLOG_BYTES - len(head)))
                if why:
                    raise UnreadableFile(
                        f"{label} 中的“{info.filename}”部分{why}，Office/WPS 保存的文件中不会有"
                        f"（可用来读取本机文件或撑爆内存），{hint}"
                    )
    except ZIP_ERRORS:
        return  # a damaged zip: the reader says so


def _prolog_problem(head: bytes, complete: bool = True) -> str | None:
    """What is wrong before the root element of an XML part (empty: nothing). ``complete``:
    ``head`` holds the whole part or its first ``PROLOG_BYTES``; else None where the answer
    lies beyond ``head``."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\0", b"\0<"):  # UTF-16
        big = head[:2] in (b"\xfe\xff", b"\0<")
        head = head.decode("utf-16-be" if big else "utf-16-le", "ignore").encode()
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while pos < len(head) and head[pos] in b" \t\r\n":
            pos += 1
        if not complete and len(head) - pos < len(b"<!DOCTYPE"):
            return None  # (the next tag may be cut)
        if head.startswith(b"<!DOCTYPE", pos) or head.startswith(b"<!doctype", pos):
            return "含有 DTD 声明（<!DOCTYPE …>）"
        if head.startswith(b"<?", pos):
            close = b"?>"
        elif head.startswith(b"<!--", pos):
            close = b"-->"
        else:
            return ""
        end = head.find(close, pos + 2)
        if end < 0:
            return None if not complete else f"的开头有超过 {PROLOG_BYTES // 1024} KB 的声明或注释"
        pos = end + len(close)


_SHARED_COUNT = re.compile(rb'\buniqueCount="(\d{1,30})"')  # (count: references, may be many)


def check_claims(
    name: str,
    zf: zipfile.ZipFile | None,
    members: Mapping[str, zipfile.ZipInfo],
    shared: Iterable[str],
    styles: Iterable[str],
) -> None:
    """The shared strings tables ``shared`` and style sheets ``styles`` of an open workbook
    hold what calamine and the copies can afford (``_check_shared_count``,
    ``_check_style_count``); parts that are not there are skipped."""
    from ledger_tools.ledger.reading import _NOT_TO_SPLIT_HINT, _TOO_BIG_HINT

    if zf is None:
        return
    for check, parts, hint in (
        (_check_shared_count, shared, _TOO_BIG_HINT),
        (_check_style_count, styles, _NOT_TO_SPLIT_HINT),
    ):
        for part in dict.fromkeys(parts):
            if part in members:
                check(name, zf, members[part], hint)


def _check_shared_count(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, hint: str) -> None:
    """calamine reserves room for as many texts as a shared strings table says it holds
    (``uniqueCount``) before reading one: a claim of 4,294,967,295 in a 7 KB file aborted
    the process. A text takes at least ``MIN_SHARED_TEXT_BYTES`` of the part."""
    from ledger_tools.ledger.reading import ZIP_ERRORS

    with contextlib.suppress(*ZIP_ERRORS), zf.open(info) as fh:
        head = fh.read(4096)
        for claim in _SHARED_COUNT.findall(head):
            if int(claim) > max(info.file_size // MIN_SHARED_TEXT_BYTES, 1000):
                raise UnreadableFile(
                    f"{name} 的共享字符串表（{info.filename}）声称有 {int(claim):,} 条文字，"
                    f"而它解压后只有 {info.file_size:,} 字节（Excel/WPS 不会保存出这样的文件），"
                    f"{hint}"
                )


# Excel keeps at most 65,490 cell formats and 1,024 fonts: a style sheet with this many
# records (formats, fonts, fills, borders, number formats, conditional formats) together was
# not saved by Excel or WPS.
MAX_STYLE_RECORDS = 200_000
_STYLE_RECORD = re.compile(rb"<(?:\w+:)?(?:xf|font|fill|border|numFmt|dxf|cellStyle)\b")


def _check_style_count(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, hint: str) -> None:
    """Refuse a style sheet of more than ``MAX_STYLE_RECORDS`` records, counted in a stream
    (the part is within the size limits, but every copy of the workbook rebuilds them)."""
    from ledger_tools.ledger.reading import CHUNK_BYTES, ZIP_ERRORS

    if info.file_size < MAX_STYLE_RECORDS * 8:
        return  # (a record takes more than 8 bytes)
    count, tail = 0, b""
    with contextlib.suppress(*ZIP_ERRORS), zf.open(info) as fh:
        while count <= MAX_STYLE_RECORDS and (data := fh.read(CHUNK_BYTES)):
            buf = tail + data
            cut = buf.rfind(b"<")  # a tag cut in two is counted in the next piece
            count += len(_STYLE_RECORD.findall(buf, 0, max(cut, 0)))
            tail = buf[max(cut, 0) :]
        count += len(_STYLE_RECORD.findall(tail))
    if count > MAX_STYLE_RECORDS:
        raise UnreadableFile(
            f"{name} 的样式表（{info.filename}）中有超过 {MAX_STYLE_RECORDS:,} 个单元格格式、字体等样式记录"
            "（Excel 最多保存 65,490 种单元格格式，Excel/WPS 不会保存出这样的文件），"
            f"复制或标注它需要的时间和内存远超台账本身，{hint}"
        )


def check_part_names(label: str, names: Iterable[str], hint: str) -> None:
    """Refuse a zip part named with an absolute path, a drive or ``..`` (with ``/`` or ``\\``
    between the steps): Office never writes one, and a copy that carried it on (a marked
    copy, a 公文 from a template) would write outside its folder when unpacked by a careless
    tool (zip slip)."""
    for part in names:
        steps = part.replace("\\", "/").split("/")
        if not steps[0] or ".." in steps or ":" in steps[0]:
            raise UnreadableFile(
                f"{label} 中有一个部分的名称是“{part}”，指向压缩包以外的位置（Office/WPS 保存的文件中"
                f"不会有，解压时可能写到别的文件夹），可能已损坏或是特意构造的文件，{hint}"
            )


def has_vba(path: str | os.PathLike[str]) -> bool:
    """Whether a workbook holds a VBA project (macros), whatever its extension says."""
    with contextlib.suppress(zipfile.BadZipFile, OSError), zipfile.ZipFile(path) as zf:
        return any(n.lower().endswith("vbaproject.bin") for n in zf.namelist())
    return False


def macro_note(
    source: str | os.PathLike[str], dest: str | os.PathLike[str], what: str = "标注副本"
) -> str:
    """What the copy ``dest`` (``what``: 标注副本, 对比副本) did with the macros of ``source``
    (empty: it had none), as found in the copy: kept (an .xlsm; they run when the copy is
    opened, as the original's would) or dropped."""
    if not has_vba(source):
        return ""
    name, kind = Path(source).name, Path(dest).suffix.lower()
    if has_vba(dest):
        return (
            f"注意：{name} 含有 VBA 宏，{what}（{kind}）原样保留了宏，打开时 Excel 可能提示启用宏："
            f"只在确认台账来源可信时启用；不需要宏时请另存为 .xlsx {what}。"
        )
    return f"注意：{name} 含有 VBA 宏，{what}（{kind}）中已去掉宏，其他内容不变。"


def check_macro_sheets(name: str, rels: str) -> None:
    """An Excel 4.0 macro sheet (宏表; its formulas such as EXEC run when the workbook opens,
    a common way to deliver malware) stops calamine from reading any sheet: said as such,
    not as a damaged file."""
    if re.search(r'Type="[^"]*/xl(?:Intl)?Macrosheet"', rels):
        raise UnreadableFile(
            f"{name} 含有 Excel 4.0 宏表（一种旧式宏，打开文件时可自动运行程序），本工具不读取这样的"
            "工作簿。请确认文件来源可信；台账不需要宏表：请在 Excel/WPS 中删除宏表（或把台账复制到"
            "新工作簿），“另存为” .xlsx 后再试。"
        )


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """File descriptor 2 sent to the null device for the block (what a library writes there
    directly, past ``sys.stderr``: a Rust panic's message and backtrace)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_STYLED = re.compile(rb'\ss="[1-9]')


def number_beyond_dates(p: Path, part: str) -> tuple[str, str] | None:
    """The first formatted number cell of sheet ``part`` far outside any date (cell, value as
    written); read again only after calamine failed on the sheet."""
    from ledger_tools.ledger.reading import _CELL, _R_REF, _VALUE, ZIP_ERRORS, chunks

    try:
        with zipfile.ZipFile(p) as zf, zf.open(part) as fh:
            for buf in chunks(fh, whole_rows=True):
                for m in _CELL.finditer(buf):
                    tag = m.group(0)
                    ref, value = _R_REF.search(tag), _VALUE.search(tag)
                    head = tag[: tag.find(b">")]
                    if ref is None or value is None or b' t="' in head or not _STYLED.search(head):
                        continue  # text, error, boolean and General cells are not dates
                    text = value.group(1).decode("ascii", "replace")
                    try:
                        beyond = not -1e11 < float(text) < 1e11  # also NaN
                    except ValueError:
                        continue
                    if beyond:
                        return (ref.group(1) + ref.group(2)).decode(), text
    except ZIP_ERRORS:
        pass
    return None


def other_format(p: Path) -> str:
    """What a file that is neither a zip nor a compound file (so no workbook) really is, for
    the refusal: business systems export web pages, Excel 2003 XML and CSV text named
    ``.xls``; "" when it is none of these."""
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return ""
    low = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").replace(b"\0", b"").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in low:
        return "Excel 2003 XML 表格"
    if low.startswith(b"<") and (b"<html" in low or b"<table" in low):
        return "网页（HTML）文件"
    if head.startswith(b"%PDF"):
        return "PDF 文件"
    if b"\0" in head:
        return ""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(sep in text for sep in (",", "\t", "，")):
            return "文本（CSV，逗号或制表符分隔）文件"
        return "文本文件"
    return ""
