"""OFD (GB/T 33190, the format of 党政机关电子公文) read as the PDF it would print as.

An OFD is a zip of XML: a document lists its pages, each page its text objects (each with
the characters' positions, in millimetres from the page's top left) and path objects (the
lines of a table). ``import`` reads PDFs by the positions of their words (paragraph indents,
table columns, ruled tables, running page numbers); rather than a second reader of positioned
text, the OFD's text and lines are written as a PDF with exactly those positions, and that PDF
is read as any other. The PDF carries no glyphs (nothing is drawn from it): each character is
a code of a font whose ``ToUnicode`` map gives the character back, which is all pdftotext and
pdfplumber read.

Understood: the document named by ``OFD.xml`` (the first ``DocBody``), pages in order with
their template pages (headers, footers, page numbers), text objects (``Boundary``, ``CTM``
scale and offset, ``Size``, ``TextCode`` with ``X``/``Y`` and ``DeltaX`` including its
``g`` repetitions), page blocks (nested), and path objects (``AbbreviatedData``: M, L, C, B,
Q, A, S). Images are left out; an OFD with no text is refused as a scan is.
"""

from __future__ import annotations

import posixpath
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger_tools.errors import UnreadableFile

OFD_SUFFIXES = (".ofd",)

MM = 72 / 25.4  # points per millimetre
MAX_OFD_PAGES = 2000  # a 整改方案 with its task list is tens of pages
MAX_OFD_CHARS = 1_000_000  # characters of text over all pages (a 300-page text is ~300,000)
MAX_OFD_LINES = 500_000  # straight segments over all pages (a ruled table page has hundreds)
# What reading the pages costs, counted each time a part is read: every page may name the same
# content or template part (a template's running footer is named by all of them), so a small
# package can ask for the same large part to be parsed and walked thousands of times. A real
# 300-page OFD parses ~30 MB, walks ~1,000,000 elements and ~10 MB of path data.
MAX_OFD_PARSED_BYTES = 256 << 20  # XML parsed, each part as often as it is read
MAX_OFD_ELEMENTS = 5_000_000  # elements walked (one text object per character: ~4 each)
MAX_OFD_PATH_DATA = 32 << 20  # characters of path data (``AbbreviatedData``) read
_HINT = (
    "可能已损坏或是特意构造的文件，未读取。请在数科、福昕等 OFD 阅读器中打开确认内容，"
    "另存为 PDF 或导出 Word 后再导入。"
)


@dataclass(slots=True)
class _Char:
    x: float  # mm from the page's left
    y: float  # mm from the page's top (the baseline)
    size: float  # mm
    text: str
    step: float = 0.0  # mm to the next character of its text (0: the last)


@dataclass
class _Page:
    width: float = 210.0  # mm (A4 unless the document says otherwise)
    height: float = 297.0
    chars: list[_Char] = field(default_factory=list)
    lines: list[tuple[float, float, float, float]] = field(default_factory=list)  # mm


def is_ofd(path: Path) -> bool:
    """Whether ``path`` is an OFD package (a zip with ``OFD.xml`` at its root), whatever its
    name."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(n.lstrip("/").lower() == "ofd.xml" for n in zf.namelist())
    except (zipfile.BadZipFile, EOFError, OSError):
        return False


def read_ofd(path: Path) -> list[Any]:
    """The blocks of an OFD, as ``extract.read_pdf`` reads the PDF it prints as."""
    from ledger_tools.importing.extract import read_pdf

    pages = ofd_pages(path)
    if not any(page.chars for page in pages):
        raise UnreadableFile(
            f"“{path.name}”中没有文字（是扫描件或图片），无法读取其中的文字（本工具不识别图片中的文字）。"
            "请导入 Word 原文，或先用 OCR（文字识别）软件把它转换为带文字的 PDF 或 Word。"
        )
    with tempfile.TemporaryDirectory(prefix="ledger-tools-ofd-") as work:
        pdf = Path(work) / (path.stem + ".pdf")
        pdf.write_bytes(pdf_of(pages))
        try:
            return read_pdf(pdf)
        except UnreadableFile as exc:
            # the messages name the PDF made here: they are about the user's OFD
            said = str(exc).replace(f"“{pdf.name}”", f"“{path.name}”").replace("PDF“", "“")
            raise UnreadableFile(said) from None


# ---------------------------------------------------------------------------------------------
# Reading the OFD.


def ofd_pages(path: Path) -> list[_Page]:
    """The pages of the OFD's first document, with their characters and lines."""
    try:
        with zipfile.ZipFile(path) as zf:
            _check_sizes(path, zf)
            return _Reader(path, zf).pages()
    except (zipfile.BadZipFile, EOFError, OSError, KeyError, ValueError):
        raise UnreadableFile(f"“{path.name}”不是有效的 OFD 文件，或已损坏，{_HINT}") from None


def _check_sizes(path: Path, zf: zipfile.ZipFile) -> None:
    from ledger_tools.importing.extract import check_package_sizes

    check_package_sizes(path, path.name, zf.infolist(), {"OFD.xml": "文档入口"}, _HINT, zf)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c.tag) == name]


def _first(el: Any, name: str) -> Any:
    return next((c for c in el.iter() if _local(c.tag) == name), None)


def _numbers(text: str | None) -> list[float]:
    out = []
    for piece in (text or "").split():
        try:
            out.append(float(piece))
        except ValueError:
            continue
    return out


class _Reader:
    def __init__(self, path: Path, zf: zipfile.ZipFile) -> None:
        self.path, self.zf = path, zf
        self.names = {info.filename.lstrip("/"): info.filename for info in zf.infolist()}
        self.chars = 0
        self.lines = 0
        self.parsed = 0  # bytes of XML parsed, elements walked, path data read: each part
        self.elements = 0  # counted as often as the pages name it
        self.path_data = 0

    def too_much(self, what: str, limit: str) -> UnreadableFile:
        return UnreadableFile(
            f"“{self.path.name}”的页面内容过多：读取各页时{what}超过导入的上限 {limit}"
            "（各页共用的部分每页都要重读一次；正常的公文远用不到），"
            "读取需要的时间远超一般电脑，" + _HINT
        )

    def xml(self, name: str) -> Any:
        from lxml import etree

        member = self.names.get(name.lstrip("/"))
        if member is None:  # paths are case-sensitive, but writers differ
            lower = name.lstrip("/").lower()
            member = next((m for k, m in self.names.items() if k.lower() == lower), None)
        if member is None:
            raise KeyError(name)
        self.parsed += self.zf.getinfo(member).file_size
        if self.parsed > MAX_OFD_PARSED_BYTES:
            raise self.too_much("要解析的 XML", f"{MAX_OFD_PARSED_BYTES >> 20} MB")
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, recover=True
        )
        root = etree.fromstring(self.zf.read(member), parser)
        if root is None:
            raise ValueError(name)
        return root

    def pages(self) -> list[_Page]:
        entry = self.xml("OFD.xml")
        doc_root = _first(entry, "DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            raise ValueError("DocRoot")
        doc_name = _resolve("", doc_root.text.strip())
        doc = self.xml(doc_name)
        base = posixpath.dirname(doc_name)
        box = _box(_first(doc, "PageArea"))
        templates = {
            t.get("ID"): _resolve(base, t.get("BaseLoc") or "")
            for t in doc.iter()
            if _local(t.tag) == "TemplatePage" and t.get("BaseLoc")
        }
        listed = [p for p in doc.iter() if _local(p.tag) == "Page" and p.get("BaseLoc")]
        if len(listed) > MAX_OFD_PAGES:
            raise UnreadableFile(
                f"“{self.path.name}”有 {len(listed):,} 页，超过导入的上限 {MAX_OFD_PAGES:,} 页，{_HINT}"
            )
        pages = []
        for listed_page in listed:
            name = _resolve(base, listed_page.get("BaseLoc") or "")
            content = self.xml(name)
            page = _Page(*(box or (210.0, 297.0)))
            own = _box(_first(content, "Area"))
            if own:
                page.width, page.height = own
            for template in _children(content, "Template"):
                loc = templates.get(template.get("TemplateID"))
                if loc:
                    self.objects(self.xml(loc), page)
            self.objects(content, page)
            pages.append(page)
            self.lines += len(page.lines)
            if self.lines > MAX_OFD_LINES:
                raise UnreadableFile(
                    f"“{self.path.name}”中的线条超过导入的上限 {MAX_OFD_LINES:,} 条，{_HINT}"
                )
        return pages

    def objects(self, root: Any, page: _Page) -> None:
        for el in root.iter():
            self.elements += 1
            if self.elements > MAX_OFD_ELEMENTS:
                raise self.too_much("要处理的元素", f"{MAX_OFD_ELEMENTS:,} 个")
            kind = _local(el.tag)
            if kind == "TextObject":
                self.text(el, page)
            elif kind == "PathObject":
                data = _first(el, "AbbreviatedData")
                self.path_data += len(data.text or "") if data is not None else 0
                if self.path_data > MAX_OFD_PATH_DATA:
                    raise self.too_much("要读取的线条数据", f"{MAX_OFD_PATH_DATA >> 20} MB")
                _path(el, page)

    def text(self, el: Any, page: _Page) -> None:
        boundary = _numbers(el.get("Boundary"))
        if len(boundary) < 2:
            return
        ox, oy = boundary[0], boundary[1]
        a, d, e, f = _scale_and_offset(el.get("CTM"))
        font = (_numbers(el.get("Size")) or [3.5])[0]  # in the object's own units
        size = font * abs(d)  # on the page
        right = ox + boundary[2] if len(boundary) >= 4 else None  # (the box: page space)
        x = y = 0.0
        for code in _children(el, "TextCode"):
            text = code.text or ""
            self.chars += len(text)  # (before the characters are kept: a part may be 30 MB)
            if self.chars > MAX_OFD_CHARS:
                raise UnreadableFile(
                    f"“{self.path.name}”中的文字超过导入的上限 {MAX_OFD_CHARS:,} 个字，{_HINT}"
                )
            if code.get("X") is not None:
                x = (_numbers(code.get("X")) or [0.0])[0]
            if code.get("Y") is not None:
                y = (_numbers(code.get("Y")) or [0.0])[0]
            steps = _deltas(code.get("DeltaX"), len(text))
            at = x
            for i, ch in enumerate(text):
                step = steps[i] if i < len(steps) else font * _advance(ch)
                if not ch.isspace():
                    left = ox + e + at * a
                    shown = step * a
                    if i == len(text) - 1:  # the last: as far as the object's box reaches
                        room = (right - left) if right is not None else 0.0
                        shown = room if 0.3 * size <= room <= 1.5 * size else 0.0
                    page.chars.append(_Char(left, oy + f + y * d, size, ch, shown))
                at += step
            x = at


def _scale_and_offset(ctm: str | None) -> tuple[float, float, float, float]:
    """The horizontal and vertical scale and the offset of a ``CTM`` ("a b c d e f"); the
    rotation and skew terms (b, c) are not followed: text is set upright in a 公文."""
    values = (_numbers(ctm) + [0.0] * 6)[:6] if ctm else [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    return values[0] or 1.0, values[3] or 1.0, values[4], values[5]


def _resolve(base: str, loc: str) -> str:
    """A ``BaseLoc`` as a member of the zip: absolute (from the package root) or relative to
    the part that names it."""
    loc = loc.replace("\\", "/")
    if loc.startswith("/"):
        return posixpath.normpath(loc.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, loc))


def _box(area: Any) -> tuple[float, float] | None:
    if area is None:
        return None
    physical = _first(area, "PhysicalBox")
    values = _numbers(physical.text if physical is not None else None)
    if len(values) == 4 and 0 < values[2] < 5000 and 0 < values[3] < 5000:
        return values[2], values[3]
    return None


_G = re.compile(r"g\s+(\d+)\s+(\S+)")


def _deltas(text: str | None, n: int) -> list[float]:
    """``DeltaX`` as one step per character: "3.5 3.5 g 3 1.75" → 3.5, 3.5, 1.75, 1.75, 1.75."""
    if not text:
        return []
    out: list[float] = []
    pieces = text.split()
    i = 0
    while i < len(pieces) and len(out) < n:
        if pieces[i] == "g" and i + 2 < len(pieces):
            try:
                count, step = int(pieces[i + 1]), float(pieces[i + 2])
            except ValueError:
                break
            out += [step] * min(count, n - len(out))
            i += 3
            continue
        try:
            out.append(float(pieces[i]))
        except ValueError:
            break
        i += 1
    return out


def _advance(ch: str) -> float:
    """The advance of a character without a ``DeltaX`` step, in ems: in a Chinese text the
    characters of ambiguous width (“”、…—) are full-width too."""
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


def _path(el: Any, page: _Page) -> None:
    """The straight segments of a path object (a table's rules), in page millimetres."""
    boundary = _numbers(el.get("Boundary"))
    data = _first(el, "AbbreviatedData")
    if len(boundary) < 2 or data is None or not data.text:
        return
    ox, oy = boundary[0], boundary[1]
    tokens = data.text.split()
    args = {"M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0, "S": 2}
    i, here, start = 0, None, None
    while i < len(tokens) and len(page.lines) <= MAX_OFD_LINES:
        op = tokens[i]
        n = args.get(op)
        if n is None:
            i += 1
            continue
        values = _numbers(" ".join(tokens[i + 1 : i + 1 + n]))
        i += 1 + n
        if len(values) < n:
            break
        if op in ("M", "S"):
            here = start = (ox + values[0], oy + values[1])
        elif op == "L" and here is not None:
            end = (ox + values[0], oy + values[1])
            page.lines.append((*here, *end))
            here = end
        elif op == "C" and here is not None and start is not None:
            if here != start:
                page.lines.append((*here, *start))
            here = start
        elif op in ("Q", "B", "A"):  # curves: not a table's rule; the pen moves on
            here = (ox + values[-2], oy + values[-1])


# ---------------------------------------------------------------------------------------------
# Writing the PDF: one page per page, each character placed where the OFD puts it.


def pdf_of(pages: list[_Page]) -> bytes:
    """A PDF (1.4) of ``pages``: their characters as text of one font without glyphs whose
    ``ToUnicode`` map gives each character back, and their lines as stroked segments."""
    codes: dict[str, int] = {}
    for page in pages:
        for ch in page.chars:
            if ch.text not in codes:
                codes[ch.text] = len(codes) + 1
    if len(codes) > 0xFFF0:  # (two-byte codes; a Chinese text uses a few thousand characters)
        raise UnreadableFile(f"OFD 中不同的字符超过 {0xFFF0:,} 个，{_HINT}")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = _font(codes, add)
    kids = []
    pages_id = len(objects) + 1 + 2 * len(pages)  # (written after the pages)
    for page in pages:
        stream = _content(page, codes)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, page.width * MM, page.height * MM, font, content)
            )
        )
    listed = b" ".join(b"%d 0 R" % k for k in kids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (listed, len(kids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def _font(codes: dict[str, int], add: Any) -> int:
    """A Type0 font of two-byte codes (Identity-H) whose ``ToUnicode`` map gives each code's
    character; full-width characters one em wide, others half."""
    entries = [
        b"<%04X> <%s>" % (code, ch.encode("utf-16-be").hex().upper().encode())
        for ch, code in codes.items()
    ]
    chunks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    cmap = (
        b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + b"".join(
            b"%d beginbfchar\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfchar\n"
            for chunk in chunks
        )
        + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    )
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    widths = b" ".join(b"%d [%d]" % (code, 1000 * _advance(ch)) for ch, code in codes.items())
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /LedgerToolsOFD /Flags 4 "
        b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >>"
    )
    cid = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /LedgerToolsOFD "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>" % (descriptor, widths)
    )
    return add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /LedgerToolsOFD /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, to_unicode)
    )


def _content(page: _Page, codes: dict[str, int]) -> bytes:
    height = page.height * MM
    out = [b"0.5 w"]
    for x0, y0, x1, y1 in page.lines:
        out.append(
            b"%.2f %.2f m %.2f %.2f l S" % (x0 * MM, height - y0 * MM, x1 * MM, height - y1 * MM)
        )
    out.append(b"BT")
    size = None
    for ch in page.chars:
        if ch.size != size:
            size = ch.size
            out.append(b"/F1 %.2f Tf" % (size * MM))
        # each glyph as wide as the step to the next character (stretched or narrowed): a
        # gap between two characters of one word would be read as a space
        # (within reason: a step of two characters or more is a gap, a column of a table,
        # and must stay one)
        width = ch.size * _advance(ch.text)
        scale = ch.step / width if width > 0 and 0 < ch.step <= 1.6 * width else 1.0
        out.append(
            b"%.4f 0 0 1 %.2f %.2f Tm <%04X> Tj"
            % (scale, ch.x * MM, height - ch.y * MM, codes[ch.text])
        )
    out.append(b"ET")
    return b"\n".join(out)
