"""Guards on what an Office file claims in its parts, before a library acts on the claim
(README “安全与可靠性”, the third attack run). Used by ``reading`` (ledgers) and, through
``reading.check_zip_sizes``, by Word templates and imported Word files:

* no XML part declares a DTD (``check_prologs``);
* a shared strings table holds as many texts as it claims (``check_shared_count``);
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
MIN_SHARED_TEXT_BYTES = 13  # <si><t/></si>


def check_prologs(p: Path, infos: Iterable[zipfile.ZipInfo], label: str, hint: str) -> None:
    """No XML part declares a DTD (``<!DOCTYPE``): Office never writes one, and its entities
    (billion laughs, ``file:///`` reads) would be expanded by whoever parses the part next —
    Excel, LibreOffice, the recipient of a marked copy or a 公文 that carries it over. Only
    each part's prolog is inflated."""
    from ledger_tools.ledger.reading import ZIP_ERRORS

    try:
        with zipfile.ZipFile(p) as zf:
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with zf.open(info) as fh:
                    why = _prolog_problem(fh.read(PROLOG_BYTES))
                if why:
                    raise UnreadableFile(
                        f"{label} 中的“{info.filename}”部分{why}，Office/WPS 保存的文件中不会有"
                        f"（可用来读取本机文件或撑爆内存），{hint}"
                    )
    except ZIP_ERRORS:
        return  # a damaged zip: the reader says so


def _prolog_problem(head: bytes) -> str:
    """What is wrong before the root element of an XML part (empty: nothing)."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\0", b"\0<"):  # UTF-16
        big = head[:2] in (b"\xfe\xff", b"\0<")
        head = head.decode("utf-16-be" if big else "utf-16-le", "ignore").encode()
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while pos < len(head) and head[pos] in b" \t\r\n":
            pos += 1
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
            return f"的开头有超过 {PROLOG_BYTES // 1024} KB 的声明或注释"
        pos = end + len(close)


_SHARED_COUNT = re.compile(rb'\buniqueCount="(\d{1,30})"')  # (count: references, may be many)


def check_shared_count(
    name: str,
    zf: zipfile.ZipFile | None,
    members: Mapping[str, zipfile.ZipInfo],
    parts: Iterable[str],
    hint: str,
) -> None:
    """calamine reserves room for as many texts as a shared strings table says it holds
    (``uniqueCount``) before reading one: a claim of 4,294,967,295 in a 7 KB file aborted
    the process. A text takes at least ``MIN_SHARED_TEXT_BYTES`` of the part."""
    from ledger_tools.ledger.reading import ZIP_ERRORS

    for part in dict.fromkeys(parts):
        info = members.get(part)
        if zf is None or info is None:
            continue
        with contextlib.suppress(*ZIP_ERRORS), zf.open(info) as fh:
            head = fh.read(4096)
            for claim in _SHARED_COUNT.findall(head):
                if int(claim) > max(info.file_size // MIN_SHARED_TEXT_BYTES, 1000):
                    raise UnreadableFile(
                        f"{name} 的共享字符串表（{part}）声称有 {int(claim):,} 条文字，"
                        f"而它解压后只有 {info.file_size:,} 字节（Excel/WPS 不会保存出这样的文件），"
                        f"{hint}"
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
