"""Stage 1 of ``import``: a document file → its text as ``Block``s in reading order.

Understood: .docx (python-docx/lxml: paragraphs and tables in body order, Word's automatic
list numbering rendered to its number text, bold run-in leads), .doc/.wps/.rtf/.odt (converted
to .docx by LibreOffice headless, bounded in time), .txt (UTF-8, UTF-16 with BOM, GB18030/GBK)
and text PDFs (``pdftotext -layout``: lines re-joined into paragraphs by their indentation,
page numbers "— 3 —" dropped). A PDF without a text layer (a scan) is refused.

Every failure is an ``UnreadableFile`` whose Chinese message names the file.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger_tools.errors import UnreadableFile
from ledger_tools.files import read_at_most

OFFICE_TIMEOUT = 120  # seconds for one LibreOffice conversion
PDFTOTEXT_TIMEOUT = 60
OFFICE_SUFFIXES = (".doc", ".wps", ".rtf", ".odt", ".docm", ".dotx", ".dot")
SUFFIXES = (".docx", ".txt", ".pdf", *OFFICE_SUFFIXES)


@dataclass
class Block:
    """One paragraph (or one table) of a document, as read.

    ``where`` is how a clerk finds it again: "第12段", "第3页", "表1第4行". ``lead`` is the bold
    run-in text the paragraph starts with (the whole text for a bold heading); ``style`` the
    Word paragraph style; ``align`` "center"/"right" when the paragraph is aligned so; ``rows``
    the cell texts of a table (then ``text`` is empty)."""

    text: str
    where: str
    style: str = ""
    lead: str = ""
    align: str = ""
    rows: list[list[str]] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


MAX_BLOCKS = 20_000  # paragraphs of one document (a long 整改方案 has a few hundred)
MAX_BLOCK_CHARS = 32_767  # one paragraph: what one Excel cell can hold


def read_blocks(path: str | os.PathLike[str]) -> list[Block]:
    """The blocks of the document at ``path``, chosen by its extension (and content). A
    document of more than ``MAX_BLOCKS`` paragraphs, or with one longer than an Excel cell
    holds, is refused: it is not a feedback, plan or report, and parsing it would take long."""
    blocks = _read_blocks(path)
    name = Path(path).name
    refuse_many_blocks(name, len(blocks))
    for block in blocks:
        if len(block.text) > MAX_BLOCK_CHARS:
            refuse_long_block(name, f"{block.where}有 {len(block.text):,} 个字")
    return blocks


def refuse_long_block(name: str, what: str) -> None:
    """Refuse a paragraph longer than a cell holds: ``what`` says where and how long."""
    raise UnreadableFile(
        f"“{name}”{what}，超过一个台账单元格能容纳的 {MAX_BLOCK_CHARS:,} 字（可能是没有分段的文字）。"
        "请在 Word/记事本中把它分成段落后再导入。"
    )


def refuse_many_blocks(name: str, count: int) -> None:
    """Refuse a document of more than ``MAX_BLOCKS`` paragraphs. Each reader also calls it
    with what it can count before it builds a paragraph (a Word body's paragraphs that have
    text): building 800,000 one-character paragraphs took 30 s and 750 MB to be refused."""
    if count > MAX_BLOCKS:
        raise UnreadableFile(
            f"“{name}”有 {count:,} 段，超过导入的上限 {MAX_BLOCKS:,} 段"
            "（反馈意见、整改方案、整改情况报告一般只有几十到几百段）。"
            "请确认选对了文件；如果确实很长，请只保留需要导入的部分另存后再导入。"
        )


_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ett")


def _read_blocks(path: str | os.PathLike[str]) -> list[Block]:
    p = Path(path)
    if not p.is_file():
        from ledger_tools.errors import missing_file_hint

        hint = missing_file_hint(p) or "请检查文件名和所在文件夹。"
        raise UnreadableFile(f"找不到文件“{p}”。{hint}")
    suffix = p.suffix.lower()
    if suffix in _WORKBOOK_SUFFIXES:
        from ledger_tools.output import command_arg

        raise UnreadableFile(
            f"“{p.name}”是 Excel 工作簿。import 把反馈意见、整改方案、整改情况报告等 Word、PDF、"
            "TXT 文稿变成台账；已经是台账的，请直接校验：ledger-tools check "
            f"{command_arg(p)}（几个单位的台账请用 ledger-tools merge 汇总）。"
        )
    from ledger_tools.importing.ofd import OFD_SUFFIXES, is_ofd, read_ofd

    if suffix in OFD_SUFFIXES or is_ofd(p):  # (by its content too: an OFD named .pdf or .zip)
        return read_ofd(p)
    _refuse_disguised(p, suffix)
    from ledger_tools.errors import archive_refusal

    if note := archive_refusal(p, "import"):  # a unit's .zip/.rar: named, with what is inside
        raise UnreadableFile(note)
    if suffix == ".docx" or (suffix not in SUFFIXES and zipfile.is_zipfile(p)):
        return read_docx(p)
    if suffix == ".txt":
        return read_txt(p)
    if suffix == ".pdf" or suffix in OFFICE_SUFFIXES:
        refuse_large_document(p)
    if suffix == ".pdf":
        return read_pdf(p)
    if suffix in OFFICE_SUFFIXES:
        check_office_package(p)
        with tempfile.TemporaryDirectory(prefix="ledger-tools-import-") as work:
            return read_docx(convert_to_docx(p, Path(work)), shown=p)
    from ledger_tools.importing.webpage import HTML_SUFFIXES, read_html

    if suffix in HTML_SUFFIXES:
        return read_html(p)
    raise UnreadableFile(
        f"“{p.name}”的格式（{suffix or '无扩展名'}）不能导入。可导入 Word（.docx/.doc/.wps/.rtf/.odt）、"
        "文本文件（.txt）、保存的网页（.html/.mht）、带文字层的 PDF 和 OFD。"
    )


def _refuse_disguised(p: Path, suffix: str) -> None:
    """Refuse, naming what it is, a PDF named .docx/.doc, a Word document named .pdf, or an
    Excel workbook under any document's name: each was “不是有效的 Word 文档/PDF”, which
    left the clerk wondering why Word or the PDF reader opens it."""
    with p.open("rb") as fh:
        head = fh.read(8)
    what = ""
    if head.startswith(b"%PDF-") and suffix != ".pdf":
        what, fix = "PDF 文件", "请把扩展名改为 .pdf 后再导入"
    elif head.startswith(b"PK\x03\x04") and suffix not in (".odt",):
        try:
            with zipfile.ZipFile(p) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return  # (said by the reader of its kind)
        if "xl/workbook.xml" in names:
            from ledger_tools.output import command_arg

            what = "Excel 工作簿"
            fix = (
                "已经是台账的，请直接校验：ledger-tools check "
                f"{command_arg(p.with_suffix('.xlsx').name)}（先把扩展名改回 .xlsx）"
            )
        elif "word/document.xml" in names and suffix == ".pdf":
            what, fix = "Word 文档", "请把扩展名改回 .docx 后再导入"
    if what:
        raise UnreadableFile(f"“{p.name}”其实是 {what}（只是扩展名为 {suffix or '空'}）。{fix}。")


# ---------------------------------------------------------------------------------------------
# Text clean-up shared by every format.

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019"
# A space with a CJK character (or full-width punctuation) on either side is layout, not text:
# "2024 年 3 月" and the justified "区委 第二 巡察 组" from PDF text.
_LAYOUT_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # control characters except \t \n


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


# Some PDF producers write common characters in the text layer as Kangxi radicals (⼀ ⼈ ⾏,
# U+2F00–U+2FDF), CJK radicals (⻓ ⻔, U+2E80–U+2EFF) or CJK compatibility ideographs
# (U+F900–U+FAFF, U+2F800–U+2FA1F): they look the same but match no column name, status word
# or number. NFKC maps them, and only them (full NFKC would also change the full-width
# punctuation of the text); the simplified radicals it leaves alone are mapped here.
_RADICAL = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
_SIMPLIFIED_RADICALS = dict(
    zip(
        "⻄⻁⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰",
        "西虎见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙",
        strict=True,
    )
)


def _radical(match: re.Match[str]) -> str:
    ch = match.group()
    return _SIMPLIFIED_RADICALS.get(ch) or unicodedata.normalize("NFKC", ch)


def join_clean(cleaned: str, text: str) -> str:
    """``clean_line(cleaned + text)`` for a ``cleaned`` that ``clean_line`` made, in the time
    of ``text``: what ``clean_line`` changes depends on one character before it at most (a
    space after a Chinese character), and ``cleaned`` ends in one that it keeps. A paragraph
    joined on page after page was re-cleaned whole each time: 2,000 pages of one-letter lines
    took 38 s, 5,000 over 10 minutes."""
    if not cleaned:
        return clean_line(text)
    return cleaned[:-1] + clean_line(cleaned[-1] + text)


def clean_line(text: str) -> str:
    """A paragraph's text without layout spaces, zero-width characters or control characters;
    full-width digits ("２０２４年６月") as the ordinary ones a ledger cell and a date hold;
    radicals and compatibility ideographs standing for ordinary characters as those."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    if _RADICAL.search(text):
        text = _RADICAL.sub(_radical, text)
    text = _CONTROL.sub("", text.replace("\u200b", "").replace("\ufeff", ""))
    text = _LAYOUT_SPACE.sub("", text)
    return _SPACES.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------------
# .docx


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_Q = f"{{{_W}}}"


def _head(path: Path, size: int) -> bytes:
    with path.open("rb") as f:  # (not the whole file, which may be of gigabytes)
        return f.read(size)


def read_docx(path: Path, shown: Path | None = None) -> list[Block]:
    """Paragraphs and tables of the body in order; list numbering rendered as text."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    name = (shown or path).name
    if not zipfile.is_zipfile(path) and _head(path, 4) == b"\xd0\xcf\x11\xe0":
        raise UnreadableFile(
            f"“{name}”是加密的 Word 文档或旧版 .doc 文件改成了 .docx 扩展名。"
            "请在 Word/WPS 中打开（如有密码请先取消密码），另存为 .docx 后再导入。"
        )
    _check_docx_sizes(path, name)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError) as exc:
        raise UnreadableFile(
            f"“{name}”不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名。"
            "请在 Word/WPS 中打开后另存为 .docx 再导入。"
        ) from exc
    numbering = _Numbering(document)
    styles = _StyleInfo(document)
    blocks: list[Block] = []
    para_no = table_no = 0
    if document.element.body is None:  # <w:document/>: Word always writes a body
        raise UnreadableFile(
            f"“{name}”没有正文部分（document.xml 中没有 <w:body>），可能已损坏或不是 Word 保存的文件。"
            "请在 Word/WPS 中打开确认内容，另存为 .docx 后再导入。"
        )
    refuse_many_blocks(name, int(_text_paragraphs()(document.element.body)))
    for child in _body_items(document.element.body):
        if child.tag == f"{_Q}p":
            para_no += 1
            block = _paragraph_block(child, para_no, numbering, styles)
            if block.text:
                blocks += _split_at_breaks(block)
        elif child.tag == f"{_Q}tbl":
            table_no += 1
            rows = _table_rows(child)
            if rows:
                blocks.append(Block("", f"表{table_no}", rows=rows))
    return blocks


# The body's paragraphs with text outside tables (a table is one block), counted in libxml2
# before any is read (each becomes Python objects: 800,000 took 30 s to be refused).
@functools.cache
def _text_paragraphs() -> Any:
    from lxml import etree

    return etree.XPath(
        "count(.//w:p[not(ancestor::w:tbl)][.//w:t[normalize-space()]])", namespaces={"w": _W}
    )


MAX_TABLE_COLUMNS = 64
MAX_XML_PART_BYTES = 32 << 20  # one XML part of a Word or OFD file (a 300-page text is ~5 MB)
_DOCX_HINT = (
    "可能已损坏或是特意构造的文件，未读取。请在 Word/WPS 中打开确认内容，另存为新的 .docx 再导入；"
    "如果文件确实很大，请只保留需要导入的正文。"
)


def _check_docx_sizes(path: Path, name: str) -> None:
    """python-docx inflates and parses every part in memory: check the zip directory first."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return  # python-docx says the file is not a valid .docx
    check_package_sizes(path, name, infos, {"word/document.xml": "正文"}, _DOCX_HINT)


def check_package_sizes(
    path: Path,
    name: str,
    infos: list[zipfile.ZipInfo],
    parts: dict[str, str],
    hint: str,
    zf: zipfile.ZipFile | None = None,
) -> None:
    """A document package (a Word file, an OFD) within the limits before it is parsed: every
    part within a workbook's (``check_zip_sizes``; ``parts`` names the known ones in Chinese),
    and each XML part within ``MAX_XML_PART_BYTES``, lower, because lxml holds it as a tree
    several times its size. ``hint`` says what to do."""
    from ledger_tools.ledger.reading import check_zip_sizes

    check_zip_sizes(path, infos, parts, hint, f"“{name}”", zf=zf)
    for info in infos:
        xml = info.filename.lower().endswith((".xml", ".rels"))
        if xml and info.file_size > MAX_XML_PART_BYTES:
            raise UnreadableFile(
                f"“{name}”中的“{info.filename}”部分解压后有 {info.file_size / 2**20:,.0f} MB，"
                f"超过导入的上限 {MAX_XML_PART_BYTES // 2**20} MB，{hint}"
            )


def _body_items(parent: Any) -> Any:
    """The body's paragraphs and tables in order, also those inside content controls (w:sdt)
    and custom XML wrappers, which WPS and form templates put around parts of the text."""
    for child in parent.iterchildren():
        if child.tag in (f"{_Q}p", f"{_Q}tbl"):
            yield child
        elif child.tag == f"{_Q}sdt":
            content = child.find(f"{_Q}sdtContent")
            if content is not None:
                yield from _body_items(content)
        elif child.tag == f"{_Q}customXml":
            yield from _body_items(child)


def _paragraph_block(p: Any, number: int, numbering: _Numbering, styles: _StyleInfo) -> Block:
    ppr = p.find(f"{_Q}pPr")
    style_id = ""
    align = ""
    num: tuple[str, str] | None = None
    if ppr is not None:
        ps = ppr.find(f"{_Q}pStyle")
        style_id = ps.get(f"{_Q}val", "") if ps is not None else ""
        jc = ppr.find(f"{_Q}jc")
        align = jc.get(f"{_Q}val", "") if jc is not None else ""
        num = _num_pr(ppr)
    if num is None and style_id:
        num = styles.numbering(style_id)
    align = align or styles.alignment(style_id)
    style_bold = styles.bold(style_id)
    parts: list[str] = []
    lead: list[str] = []
    in_lead = True
    for run in p.iter(f"{_Q}r"):
        text = "".join(
            (t.text or "") if t.tag == f"{_Q}t" else "\t" if t.tag == f"{_Q}tab" else "\n"
            for t in run
            if t.tag in (f"{_Q}t", f"{_Q}tab", f"{_Q}br")
        )
        if not text:
            continue
        parts.append(text)
        if in_lead:
            if _run_bold(run, style_bold):
                lead.append(text)
            elif text.strip():
                in_lead = False
    prefix = numbering.render(*num) if num else ""
    text = clean_line(prefix + "".join(parts))
    lead_text = clean_line("".join(lead))
    if lead_text and prefix:
        lead_text = clean_line(prefix + lead_text)
    return Block(
        text,
        f"第{number}段",
        style=styles.name(style_id),
        lead=lead_text.replace("\n", ""),
        align="center" if align == "center" else "right" if align in ("right", "end") else "",
    )


_LABEL_START = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:]")


def _split_at_breaks(block: Block) -> list[Block]:
    """A paragraph with manual line breaks (Shift+Enter) as the lines a reader sees: a heading
    line "1.……的问题" over "整改情况：……" is two paragraphs; a long line broken without
    punctuation, with no number or label after it, is one paragraph wrapped by hand."""
    from ledger_tools.importing.outline import match_marker

    parts = [clean_line(t) for t in block.text.split("\n")]
    parts = [t for t in parts if t]
    if len(parts) <= 1:
        block.text = "".join(parts)
        return [block]
    lines = [parts[0]]
    for part in parts[1:]:
        prev = lines[-1]
        wrapped = (
            len(prev) > 40
            and not prev.endswith(_LINE_END)
            and not match_marker(part)
            and not _LABEL_START.match(part)
        )
        if wrapped:
            lines[-1] = prev + part
        else:
            lines.append(part)
    first = Block(lines[0], block.where, block.style, block.lead, block.align)
    return [first, *(Block(t, block.where, block.style, align=block.align) for t in lines[1:])]


def _run_bold(run: Any, style_bold: bool) -> bool:
    rpr = run.find(f"{_Q}rPr")
    b = rpr.find(f"{_Q}b") if rpr is not None else None
    if b is None:
        return style_bold
    return b.get(f"{_Q}val", "true") not in ("0", "false", "off")


def _num_pr(ppr: Any) -> tuple[str, str] | None:
    numpr = ppr.find(f"{_Q}numPr")
    if numpr is None:
        return None
    num_id = numpr.find(f"{_Q}numId")
    ilvl = numpr.find(f"{_Q}ilvl")
    nid = num_id.get(f"{_Q}val", "0") if num_id is not None else "0"
    return (nid, ilvl.get(f"{_Q}val", "0") if ilvl is not None else "0")


def _table_rows(tbl: Any) -> list[list[str]]:
    """Cell texts row by row; a merged cell's text repeats in every row/column it spans."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in tbl.iterchildren(f"{_Q}tr"):
        row: list[str] = []
        for tc in tr.iterchildren(f"{_Q}tc"):
            tcpr = tc.find(f"{_Q}tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                gs = tcpr.find(f"{_Q}gridSpan")
                span = _int(gs.get(f"{_Q}val"), 1) if gs is not None else 1
                span = min(max(span, 1), MAX_TABLE_COLUMNS)  # Word tables have at most 63
                vm = tcpr.find(f"{_Q}vMerge")
                vmerge = vm.get(f"{_Q}val", "continue") if vm is not None else None
            text = clean_line(
                "\n".join(
                    "".join(t.text or "" for t in para.iter(f"{_Q}t"))
                    for para in tc.iterchildren(f"{_Q}p")
                )
            )
            col = len(row)
            if vmerge == "continue":
                text = above.get(col, "")
            for k in range(span):
                above[col + k] = text
                row.append(text)
        if any(row):
            rows.append(row)
    return rows


class _StyleInfo:
    """Style names, bold, alignment and numbering of paragraph styles (following basedOn)."""

    def __init__(self, document: Any) -> None:
        self._styles: dict[str, Any] = {}
        try:
            root = document.styles.element
        except Exception:  # noqa: BLE001 - a document without styles part
            return
        for st in root.iterchildren(f"{_Q}style"):
            self._styles[st.get(f"{_Q}styleId", "")] = st

    def _chain(self, style_id: str) -> list[Any]:
        chain, seen = [], set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            st = self._styles[style_id]
            chain.append(st)
            based = st.find(f"{_Q}basedOn")
            style_id = based.get(f"{_Q}val", "") if based is not None else ""
        return chain

    def name(self, style_id: str) -> str:
        st = self._styles.get(style_id)
        el = st.find(f"{_Q}name") if st is not None else None
        return el.get(f"{_Q}val", style_id) if el is not None else style_id

    def bold(self, style_id: str) -> bool:
        for st in self._chain(style_id):
            b = st.find(f"{_Q}rPr/{_Q}b")
            if b is not None:
                return b.get(f"{_Q}val", "true") not in ("0", "false", "off")
        return False

    def alignment(self, style_id: str) -> str:
        for st in self._chain(style_id):
            jc = st.find(f"{_Q}pPr/{_Q}jc")
            if jc is not None:
                return jc.get(f"{_Q}val", "")
        return ""

    def numbering(self, style_id: str) -> tuple[str, str] | None:
        for st in self._chain(style_id):
            ppr = st.find(f"{_Q}pPr")
            if ppr is not None and (num := _num_pr(ppr)) is not None:
                return num
        return None


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _int(text: str | None, default: int) -> int:
    """An integer attribute of Word XML; ``default`` when missing or malformed."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# Word's largest list number. A start value past it is taken as 1 (``_start``); roman numerals,
# written with one M per thousand, past it (a long list from a start near it) are in digits.
MAX_ROMAN = 32767
# A level's number text ("%1.", "（%2）", "第%1条"): a few characters; a longer one is not shown.
MAX_LEVEL_TEXT = 64


def _start(text: str | None) -> int:
    """A list level's start value (``w:start``, ``w:startOverride``): past Word's largest
    (32,767; a number of thousands of digits, written into every paragraph's label, made
    gigabytes of text) or malformed, 1."""
    start = _int(text, 1)
    return start if 0 <= start <= MAX_ROMAN else 1


def _format_number(n: int, fmt: str) -> str:
    from ledger_tools.documents.context import cn_num

    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt.startswith(("chinese", "ideograph", "taiwanese", "japanese")) and fmt not in (
        "ideographTraditional",
        "ideographZodiac",
    ):
        return cn_num(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n <= MAX_ROMAN:
        roman = _roman(n)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + sym, n - value
    return out


class _Numbering:
    """Word's automatic list numbering (numbering.xml) rendered to the text it shows: counters
    per list, a level's counter restarting when a higher level advances."""

    def __init__(self, document: Any) -> None:
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> lvl -> spec
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for an in root.iterchildren(f"{_Q}abstractNum"):
            abstract[an.get(f"{_Q}abstractNumId", "")] = {
                _int(lvl.get(f"{_Q}ilvl"), 0): self._level_spec(lvl)
                for lvl in an.iterchildren(f"{_Q}lvl")
            }
        for num in root.iterchildren(f"{_Q}num"):
            ref = num.find(f"{_Q}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_Q}val", "") if ref is not None else "", {}))
            for ov in num.iterchildren(f"{_Q}lvlOverride"):
                ilvl = _int(ov.get(f"{_Q}ilvl"), 0)
                lvl = ov.find(f"{_Q}lvl")
                if lvl is not None:
                    levels[ilvl] = self._level_spec(lvl)
                so = ov.find(f"{_Q}startOverride")
                if so is not None and ilvl in levels:
                    _, fmt, text = levels[ilvl]
                    levels[ilvl] = (_start(so.get(f"{_Q}val")), fmt, text)
            self._levels[num.get(f"{_Q}numId", "")] = levels

    @staticmethod
    def _level_spec(lvl: Any) -> tuple[int, str, str]:
        def val(tag: str, default: str) -> str:
            el = lvl.find(f"{_Q}{tag}")
            return el.get(f"{_Q}val", default) if el is not None else default

        text = val("lvlText", "")
        if len(text) > MAX_LEVEL_TEXT:
            text = ""  # not a number's text: no label (each %1 would be filled in each paragraph)
        return (_start(val("start", "1")), val("numFmt", "decimal"), text)

    def render(self, num_id: str, ilvl_text: str) -> str:
        levels = self._levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        ilvl = _int(ilvl_text, 0)
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        start = levels[ilvl][0]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        _, fmt, template = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def level_text(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            spec = levels.get(k)
            value = counters.get(k, spec[0] if spec else 1)
            return _format_number(value, spec[1] if spec else "decimal")

        return re.sub(r"%(\d)", level_text, template)


# ---------------------------------------------------------------------------------------------
# .doc / .wps / .rtf / .odt through LibreOffice

# A PDF or a file LibreOffice converts, by its size on disk, before anything reads it: a
# 整改方案 or 反馈意见 is a few hundred KB to a few MB (pictures, embedded fonts: tens of MB).
# Before, any size was copied to a temporary folder and handed to LibreOffice, whose memory
# has no other bound than ``OFFICE_MEMORY``.
MAX_DOCUMENT_BYTES = 200 << 20
OFFICE_MEMORY = 2 << 30  # address space of LibreOffice converting one file (a .doc: ~0.2 GB)


def refuse_large_document(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise UnreadableFile(
            f"“{path.name}”有 {size / 2**20:,.0f} MB，超过导入的上限 {MAX_DOCUMENT_BYTES >> 20} MB"
            "（反馈意见、整改方案、整改情况报告的 Word、PDF 文件一般只有几百 KB 到几 MB），未读取。"
            "请确认选对了文件；图片很多的文件，请在 Word/WPS 中删去图片（或只保留需要导入的正文）"
            "另存后再导入。"
        )


_OFFICE_HINT = (
    "可能已损坏或是特意构造的文件，未转换。请在 Word/WPS 中打开确认内容，另存为 .docx 后再导入。"
)


def check_office_package(path: Path) -> None:
    """An .odt/.docm/.dotx (a zip) within a Word file's limits before LibreOffice inflates it
    (``check_package_sizes``), its parts measured by inflating them too, not only by what
    the zip's directory declares: a 2.6 MB .odt whose content.xml is 1 GB took LibreOffice
    past 1.5 GB. An .rtf (text) has its paragraphs and table cells counted first
    (``_rtf_breaks``); a .doc/.wps has only LibreOffice's time and memory limits."""
    if _head(path, 5) == b"{\\rtf":
        count = _rtf_breaks(path)
        if count > MAX_TEXT_LINES:
            raise UnreadableFile(
                f"“{path.name}”中有 {count:,} 个段落和表格单元格，超过导入的上限 "
                f"{MAX_TEXT_LINES:,} 个（反馈意见、整改方案、整改情况报告一般只有几百到几千段），"
                "未转换。请确认选对了文件；如果确实很长，请只保留需要导入的部分另存后再导入。"
            )
        return
    if not zipfile.is_zipfile(path):
        return
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            parts = {"content.xml": "正文", "word/document.xml": "正文"}
            check_package_sizes(path, path.name, infos, parts, _OFFICE_HINT, zf=zf)
            for info in infos:
                _check_inflated(path, zf, info)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return  # (encrypted or damaged: LibreOffice's refusal explains it)


# An RTF's paragraph ends, cells and rows (not \pard, \pararsid …): 18 MB of "x\par" (three
# million paragraphs) took LibreOffice to its 2 GB memory limit; a table of 1.2 million
# cells (20 MB) past its two minutes. Counted before it is converted, as a .txt's lines.
_RTF_BREAK = re.compile(rb"\\(?:par|cell|row)(?![a-zA-Z])")
# Binary data of a declared length (``\bin50000000``): LibreOffice reads on to that length
# past the end of the file, 43 s for 50 million bytes (a 60-byte file), two minutes and more
# for billions. A length longer than the rest of the file is refused.
_RTF_BIN = re.compile(rb"\\bin(\d+)")


def _rtf_breaks(path: Path) -> int:
    """How many ``_RTF_BREAK`` an .rtf holds, read in chunks (it is at most
    ``MAX_DOCUMENT_BYTES``); ``UnreadableFile`` at a ``\bin`` longer than the rest."""
    size = path.stat().st_size
    count = offset = 0
    tail = b""
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(4 << 20)
            buf = tail + chunk
            # a match before the last backslash ends (with what follows it) before it; one
            # at the last backslash may need the next chunk, unless 24 bytes follow it
            cut = buf.rfind(b"\\")
            if not chunk or cut < 0 or len(buf) - cut > 24:
                cut = len(buf)
            count += len(_RTF_BREAK.findall(buf, 0, cut))
            for m in _RTF_BIN.finditer(buf, 0, cut):
                declared = int(m.group(1)[:15])
                if declared > size - (offset + m.end()):
                    raise UnreadableFile(
                        f"“{path.name}”中有一段声称 {declared:,} 字节的二进制数据（\\bin），"
                        f"但文件只有 {size:,} 字节，{_OFFICE_HINT}"
                    )
            if not chunk:
                return count
            offset += cut
            tail = buf[cut:]


def _check_inflated(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Inflate ``info``'s stored data without keeping it, and refuse it when it holds more
    than its declared size or, being XML, more than ``MAX_XML_PART_BYTES``. (Python's
    zipfile stops at the declared size; LibreOffice's reader need not.)"""
    import struct
    import zlib

    limit = info.file_size
    if info.filename.lower().endswith((".xml", ".rels")):
        limit = min(limit, MAX_XML_PART_BYTES)
    fp = zf.fp
    if fp is None or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return
    fp.seek(info.header_offset)
    header = fp.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fp.seek(info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    inflated = 0
    while left > 0 and inflated <= limit:
        data = fp.read(min(left, 1 << 20))
        if not data:
            break
        left -= len(data)
        while data and inflated <= limit:
            if inflate is None:
                inflated += len(data)
                break
            try:
                out = inflate.decompress(data, 1 << 20)
            except zlib.error:
                return  # (damaged: LibreOffice's refusal explains it)
            inflated += len(out)
            data = inflate.unconsumed_tail
            if inflate.eof:
                left = 0
                break
    if inflated > limit:
        raise UnreadableFile(
            f"“{path.name}”中的“{info.filename}”部分解压后超过 {_bytes_text(limit)}"
            f"（压缩包目录中声称 {_bytes_text(info.file_size)}），{_OFFICE_HINT}"
        )


def _bytes_text(n: int) -> str:
    return f"{n / 2**20:,.1f} MB" if n >= 1 << 20 else f"{n / 1024:,.0f} KB"


def convert_to_docx(path: Path, work: Path, timeout: int = OFFICE_TIMEOUT) -> Path:
    """``path`` converted to .docx in ``work`` by LibreOffice headless (a private profile);
    after ``timeout`` seconds the whole process group is killed."""
    from ledger_tools.documents.render import find_office

    office = find_office()
    if office is None:
        raise UnreadableFile(
            f"“{path.name}”需要先转换为 .docx，但本机没有找到 LibreOffice（soffice）。"
            "请安装 LibreOffice，或在 Word/WPS 中把它另存为 .docx 后再导入。"
        )
    # A copy with an ASCII name: LibreOffice names its output after the input.
    src = work / f"input{path.suffix.lower()}"
    shutil.copyfile(path, src)
    outdir = work / "out"
    cmd = [
        office,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(outdir),
        str(src),
    ]
    _run_bounded(cmd, timeout, path, "LibreOffice 转换")
    produced = outdir / "input.docx"
    if not produced.is_file():
        raise UnreadableFile(
            f"LibreOffice 未能把“{path.name}”转换为 .docx。"
            "文件可能已损坏或加了密码（也可能是转换它需要的内存超过了上限 "
            f"{OFFICE_MEMORY >> 30} GB）；请在 Word/WPS 中打开后另存为 .docx 再导入。"
        )
    return produced


def _run_bounded(cmd: list[str], timeout: int, path: Path, what: str) -> str:
    """Run ``cmd`` in its own process group; kill the group after ``timeout`` seconds. On
    POSIX its address space is capped at ``OFFICE_MEMORY``: a 60-byte .rtf, a table of a
    million cells, may make LibreOffice take gigabytes."""
    kwargs: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT}
    if os.name == "posix":
        import resource

        kwargs["start_new_session"] = True
        kwargs["preexec_fn"] = lambda: lower_limit(resource.RLIMIT_AS, OFFICE_MEMORY)
    else:  # pragma: no cover - Windows
        kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    try:
        proc = subprocess.Popen(cmd, **kwargs)
    except OSError as exc:
        raise UnreadableFile(
            f"无法启动{what}来读取“{path.name}”：程序不存在或没有执行权限。"
            "请检查 LibreOffice 的安装，或在 Word/WPS 中把它另存为 .docx 后再导入。"
        ) from exc
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill_group(proc)
        raise UnreadableFile(
            f"{what}“{path.name}”超过 {timeout} 秒仍未完成，已停止。"
            "请在 Word/WPS 中把它另存为 .docx 后再导入。"
        ) from exc
    return (out or b"").decode("utf-8", "replace").strip()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


# ---------------------------------------------------------------------------------------------
# .txt


def decode_text(data: bytes, name: str) -> str:
    """Text of a .txt file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which
    includes GBK and GB2312)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except (
            UnicodeDecodeError
        ):  # cut short (an odd byte at the end), or text of another encoding
            raise UnreadableFile(
                f"“{name}”以 UTF-16 编码的标记开头，但后面的内容不是完整的 UTF-16 文字"
                "（文件可能不完整，或混有其他编码的文字）。请在记事本或 WPS 中打开确认，"
                "另存为 UTF-8 编码的文本后再导入。"
            ) from None
    if data.startswith(b"PK\x03\x04"):
        raise UnreadableFile(
            f"“{name}”其实是 Word/Excel 等 Office 文件（只是扩展名为 .txt）。"
            "请把扩展名改回 .docx 后再导入。"
        )
    if b"\x00" in data and (text := _utf16_without_bom(data)) is not None:
        return text  # no NUL in UTF-8 or GB18030 text: UTF-16 whose BOM was lost
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        f"“{name}”的文字编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）。"
        "请在记事本或 WPS 中另存为 UTF-8 编码的文本后再导入。"
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """``data`` as UTF-16 (little- or big-endian) when one of them reads as text: nearly all
    of its characters Chinese, ASCII or common punctuation."""
    best = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        plain = sum(
            ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text
        )
        if text and plain >= 0.95 * len(text) and (best is None or plain > best[0]):
            best = (plain, text)
    return best[1] if best else None


_MD_HEADING = re.compile(r"^#{1,6}\s*")
_MD_BOLD = re.compile(r"^\*\*(.+?)\*\*")


MAX_TEXT_BYTES = 32 << 20  # a .txt to import (as a PDF's text: a 300-page report is ~1 MB)
MAX_TEXT_LINES = 10 * MAX_BLOCKS  # lines of it (a 300-page text copied out of a PDF: ~30,000)
_LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def refuse_many_lines(said: str, count: int, limit: str, part: str) -> None:
    """Refuse a text of more than ``MAX_TEXT_LINES`` lines, counted before any is looked at:
    ``said`` opens the message ("“X.txt”有"), ``limit`` names the limit after "导入", ``part``
    what to keep of a long document (部分, 页)."""
    if count > MAX_TEXT_LINES:
        raise UnreadableFile(
            f"{said} {count:,} 行，超过导入{limit} {MAX_TEXT_LINES:,} 行"
            "（反馈意见、整改方案、整改情况报告一般只有几百到几千行），未读取。"
            f"请确认选对了文件；如果确实很长，请只保留需要导入的{part}另存后再导入。"
        )


def read_txt(path: Path) -> list[Block]:
    """One block per non-empty line; a Markdown ``**lead**`` is kept as the bold lead. Text
    copied out of a PDF is broken into lines of one width: such lines are joined again into
    paragraphs (a paragraph ends at a short line, an indented line or a blank line)."""
    data, size = read_at_most(path, MAX_TEXT_BYTES)
    if size > MAX_TEXT_BYTES:
        raise UnreadableFile(
            f"“{path.name}”有 {size / 2**20:,.0f} MB，超过导入文本文件的上限 "
            f"{MAX_TEXT_BYTES // 2**20} MB（反馈意见、整改方案、整改情况报告的文字一般只有几十到几百 KB），"
            "未读取。请确认选对了文件；如果确实很长，请只保留需要导入的部分另存后再导入。"
        )
    text = decode_text(data, path.name)
    del data
    # Lines are counted before any is looked at: 5 million one-character lines (a 20 MB
    # file) took 97 s and 3.3 GB to be refused by the count of paragraphs made of them.
    count = sum(map(text.count, _LINE_BREAKS)) - text.count("\r\n")
    count += bool(text) and text[-1] not in _LINE_BREAKS  # (a last line without its break)
    refuse_many_lines(f"“{path.name}”有", count, "文本文件的上限", "部分")
    lines = text.splitlines()
    wrap = _wrap_width(lines)
    indents = _indents_paragraphs(lines)
    blocks: list[Block] = []
    pieces: list[list[str]] = []  # the lines of each block
    joining = False
    after_blank = True
    opened_indented = False  # whether the last block started with an indent
    tables = _text_tables(lines)
    running = _text_running_lines(lines)
    signature = _signature_lines(lines)
    notes = _text_footnotes(lines)  # (the lines' reference numbers taken out)
    furniture: list[Block] = []
    for i, raw in enumerate(lines, start=1):
        if i - 1 in tables:
            rows, span = tables[i - 1]
            if blocks:
                blocks[-1].text = clean_line("".join(pieces[-1]))
            blocks.append(Block("", f"第{i}行起的表格", rows=rows))
            pieces.append([""])
            joining, after_blank = False, True
            continue
        if any(start < i - 1 < start + span for start, (_, span) in tables.items()):
            continue
        if indents and raw.strip() and not after_blank and opened_indented and not joining:
            # Paragraphs start indented ("　　" copied from a web page): a line that is not
            # indented, right after a line that did not end its sentence, goes on with it.
            last = blocks[-1].text
            joining = (
                not last.endswith(_LINE_END)
                and not last.endswith(_TITLE_END)
                # (a date alone is a whole line: the 落款's; "【打印本页】【关闭窗口】" under it is
                # the page's, not the date's continuation)
                and not _DATE_LINE.fullmatch(last)
                and not raw.lstrip().startswith(("【", "["))
            )
        after_blank = not raw.strip()
        line = _MD_HEADING.sub("", raw.strip())
        lead = ""
        if m := _MD_BOLD.match(line):
            lead = clean_line(m.group(1))
            line = m.group(1) + line[m.end() :]
        line = clean_line(line)
        if line and (i - 1 in running or i - 1 in notes):
            # The running header copied with each page ("某局巡察整改情况报告" after "— 2 —"),
            # a footnote: listed as not imported; a sentence broken by the page goes on.
            style = FOOTNOTE_STYLE if i - 1 in notes else FURNITURE_STYLE
            furniture.append(Block(line, f"第{i}行", style=style))
            line = ""
        if not line or _PAGE_NUMBER.match(line):
            # A blank line or page number inside a broken sentence (a page break) keeps joining.
            joining = joining and bool(blocks) and not blocks[-1].text.endswith(_LINE_END)
            continue
        indented = raw[:1] in (" ", "\u3000", "\t", "\u00a0")  # (no-break spaces: a web page's)
        item = _starts_item(line)
        # A character or two alone on a line after an unfinished one ("整改时限：2024年12月底"
        # over "前"): the end of that line, broken off, never a paragraph of its own.
        fragment = (
            wrap > 0
            and len(line) <= 2
            and line not in ("附件", "附表", "附录", "目录")
            and bool(blocks)
            and not blocks[-1].text.endswith(_LINE_END)
            and not _DATE_LINE.search(blocks[-1].text)
        )
        if (
            (joining or fragment)
            and not indented
            and not item
            and blocks
            and i - 1 not in signature
        ):
            # Joined once at the end: re-cleaning the growing text per line is quadratic.
            pieces[-1].append(line)
            blocks[-1].text = line  # its end decides whether joining goes on
        else:
            if blocks:
                blocks[-1].text = clean_line("".join(pieces[-1]))
            blocks.append(Block(line, f"第{i}行", lead=lead))
            pieces.append([line])
            opened_indented = indented
        # (the title on the first line ends the first block, however wide: "……的整改方案")
        top_title = len(blocks) == 1 and len(pieces[0]) == 1 and line.endswith(_TITLE_END)
        joining = wrap > 0 and _continues(line, wrap, item) and not top_title
    if blocks:
        blocks[-1].text = clean_line("".join(pieces[-1]))
    return blocks + furniture


# A footnote as text copied out of a PDF has it: after a blank line, its number, a space, and
# a citation ("1 见《……办法》（……〔2024〕7号）第十二条。").
_TEXT_NOTE = re.compile(
    r"^\s*([1-9][0-9]?)\s+(?=\S)(?=.{0,12}(?:见|依据|根据|引自|参照|出自|《))(?=.*(?:《|〔|第.{1,6}条))"
)


def _text_footnotes(lines: list[str]) -> set[int]:
    """Indexes of the footnotes of a text copied out of a PDF (a line after a blank line: its
    number, a space, a citation), their reference numbers taken out of ``lines`` (changed in
    place): the nearest number before the note that follows a Chinese character and stands
    before a punctuation mark ("……拨付情况1。")."""
    found: set[int] = set()
    since = first = 0  # the end of the notes before, the first of this page's notes
    for i, ln in enumerate(lines):
        m = _TEXT_NOTE.match(ln)
        after = i and (not lines[i - 1].strip() or i - 1 in found)  # a blank line or a note
        if not (m and after and len(ln) <= 120):
            continue
        if i - 1 not in found:
            first = i
        found.add(i)
        mark = re.compile(rf"(?<=[\u4e00-\u9fff）》”]){m.group(1)}(?=[。，；、])")
        for k in range(first - 1, max(since, first - 60) - 1, -1):
            hits = list(mark.finditer(lines[k]))
            if hits:
                at = hits[-1]
                lines[k] = lines[k][: at.start()] + lines[k][at.end() :]
                break
        if i + 1 >= len(lines) or not _TEXT_NOTE.match(lines[i + 1]):
            since = i + 1
    return found


_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def _signature_lines(lines: list[str]) -> set[int]:
    """Indexes of the 落款 lines: a date alone on its line and the short line or two naming the
    issuer just above it. Never joined onto the paragraph before, however full its last line."""
    found: set[int] = set()
    for i, ln in enumerate(lines):
        if not _DATE_LINE.match(clean_line(ln)):
            continue
        found.add(i)
        for j in (i - 1, i - 2):
            above = clean_line(lines[j]) if j >= 0 else ""
            if not above or len(above) > 30 or re.search(r"[，,。；;：:]", above):
                break
            found.add(j)
    return found


def _text_running_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of a text copied out of a PDF that are its running header or footer:
    a short line, not a sentence, that stands within two lines of a page number ("— 2 —",
    "第 2 页 共 3 页") two or more times."""
    from collections import defaultdict

    numbers = {i for i, ln in enumerate(lines) if _PAGE_NUMBER.match(clean_line(ln))}
    if len(numbers) < 2:
        return set()
    seen: defaultdict[str, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        text = clean_line(ln)
        if text and i not in numbers and len(text) <= 40 and not text.endswith(_LINE_END):
            seen[text].append(i)
    found: set[int] = set()
    for places in seen.values():
        near = [i for i in places if any(abs(i - n) <= 2 for n in numbers)]
        if len(near) >= 2:
            found.update(near)  # (the same words as the title, on page 1 far from a number, stay)
    return found


_DATE_LINE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_LINE_END = tuple("。！？；：”）」…!?;:")
_SENTENCE_END = tuple("。！？；!?;")
_TITLE_END = ("报告", "方案", "通报", "意见", "清单", "材料")


_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def _table_cells(line: str) -> list[str] | None:
    """The cells of a table row as text has it: cells between tabs (a table copied from a web
    page or Word), or a Markdown row "| a | b |"; None for any other line."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        return [clean_line(c) for c in stripped[1:-1].split("|")]
    if line.count("\t") >= 2:
        return [clean_line(c) for c in line.strip("\r\n").split("\t")]
    return None


def _text_tables(lines: list[str]) -> dict[int, tuple[list[list[str]], int]]:
    """Runs of two or more table rows in a text: {first line index: (rows, lines spanned)}."""
    tables: dict[int, tuple[list[list[str]], int]] = {}
    i = 0
    while i < len(lines):
        rows: list[list[str]]
        j, rows = i, []
        while j < len(lines):
            cells = _table_cells(lines[j])
            if cells is None:
                heading = clean_line(lines[j])
                if (
                    rows
                    and j + 1 < len(lines)
                    and _table_cells(lines[j + 1]) is not None
                    and heading
                    and _is_heading_row(heading)
                ):
                    # "一、基层治理方面" on a line of its own between the rows: a row across
                    # the table, as a merged row of a Word table reads.
                    rows.append([heading] * max(len(r) for r in rows))
                    j += 1
                    continue
                break
            if not _MD_RULE.match(lines[j].strip()):
                rows.append(cells)
            j += 1
        if len(rows) >= 2:
            width = max(len(r) for r in rows)
            tables[i] = ([r + [""] * (width - len(r)) for r in rows], j - i)
        i = max(j, i + 1)
    return tables


def _indents_paragraphs(lines: list[str]) -> bool:
    """Whether the text starts its paragraphs with an indent (most lines are indented)."""
    filled = [ln for ln in lines if ln.strip()]
    indented = sum(
        1 for ln in filled if ln[:1] in ("\u3000", "\t", "\u00a0") or ln.startswith("  ")
    )
    return len(filled) >= 5 and indented >= 0.5 * len(filled)


def _starts_item(line: str) -> bool:
    from ledger_tools.importing.outline import match_marker
    from ledger_tools.importing.parse import strip_label

    found = match_marker(line)
    if found is not None and found[0] != "shi":  # "二是" often falls at a line start
        return True
    if re.match(r"【[^【】]{2,30}】", line):
        return True  # "【作风建设方面】", "【整改措施】……": a heading or a label opens a part
    # "整改情况：……" at a line's start opens a part of its own, after a title broken short.
    # (Not "责任单位：", which a responsibility tail broken over lines may start a line with.)
    label, rest = strip_label(line)
    return label.startswith(("整改", "问题")) and len(label) <= 8 and bool(rest)


def _continues(line: str, wrap: int, item: bool) -> bool:
    """Whether a line of hard-wrapped text goes on in the next line: a full line does; a
    shorter one does unless it ends a sentence, is a heading or a title."""
    if _width(line) >= wrap - 4:
        return True
    if line.endswith(("”", "」")) and not line[:-1].endswith(_SENTENCE_END):
        return True  # a quoted name at the line's end ("“三会一课”"), not a sentence's end
    if line.endswith(_LINE_END) or line.endswith(_TITLE_END):
        return False
    return not (item and _width(line) < wrap - 8)


def _width(text: str) -> int:
    """Display width: CJK and full-width characters count 2 (a PDF line holds 28 of them)."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _wrap_width(lines: list[str]) -> int:
    """The display width text copied from a PDF was broken at (most lines that wide), or 0."""
    from collections import Counter

    widths = [_width(clean_line(ln)) for ln in lines if ln.strip()]
    long = [w for w in widths if w >= 30]
    if len(widths) < 8 or not long:
        return 0
    width = max(Counter(long).most_common(3), key=lambda kv: (kv[1], kv[0]))[0]
    near = sum(1 for w in widths if width - 4 <= w <= width + 2)
    # A short report has many one-line headings and paragraph ends; its broken lines are still
    # most of the long ones (a text of unbroken paragraphs has long lines of all widths).
    return width if near >= 0.4 * len(widths) or (near >= 4 and near >= 0.5 * len(long)) else 0


# ---------------------------------------------------------------------------------------------
# PDF


_PAGE_NUMBER = re.compile(
    r"^[—–\-－─]*\s*[0-9０-９]{1,4}\s*[—–\-－─]*$"
    r"|^第\s*\d+\s*页\s*(?:[，,/]?\s*共\s*\d+\s*页)?$|^共\s*\d+\s*页\s*[，,/]?\s*第\s*\d+\s*页$"
    r"|^\d+\s*/\s*\d+$"
)


def read_pdf(path: Path) -> list[Block]:
    """Paragraphs of a text PDF; a PDF without text (a scan) is refused."""
    text = _pdftotext(path)
    # Lines are counted before a page is looked at (each costs a few ms: 5,000 pages of 95
    # one-letter lines, a 0.8 MB PDF, ran over 10 minutes): as many as a .txt may have.
    refuse_many_lines(f"“{path.name}”的文字有", text.count("\n"), "的上限", "页")
    pages = text.split("\f")
    del text
    _refuse_scans(path, pages)
    furniture = _running_lines(pages)
    image_only = _image_only_pages(path, pages)
    footnotes = _take_footnotes(path, pages)
    columns = [n for n, page in enumerate(pages, start=1) if _two_columns(page)]
    flows = _pdf_flows(path, columns[0], columns[-1]) if columns else {}
    narrow = [
        n
        for n, page in enumerate(pages, start=1)
        if n not in image_only
        and (
            (n in columns and len(flows.get(n, [])) < 2)
            or (n not in columns and _narrow_two_columns(page))
        )
    ]
    if narrow:
        # Columns set close together: poppler takes both for one flow and reads lines across
        # them; split the words at the gutter instead.
        found = _word_flows(path, narrow[0], narrow[-1], set(narrow))
        flows.update(found)
        columns = sorted({*columns, *found})
    ruled = _ruled_pages(path, pages)
    ruled.update(_positional_pages(path, pages, furniture, ruled))
    blocks: list[Block] = []
    table: _PdfTable | None = None  # a table running on from the page before
    for number, page in enumerate(pages, start=1):
        if number in image_only:
            blocks.append(Block(f"第{number}页", f"第{number}页", style=IMAGE_PAGE_STYLE))
            table = None
            continue
        if number in ruled:
            page_blocks, continues = _ruled_page_blocks(path, number, ruled[number], furniture)
            table = None
            page_blocks = _join_ruled_table(blocks, page_blocks)
        elif number in columns and number in flows and table is None:
            page_blocks, continues = _flow_blocks(flows[number], number, furniture)
        else:
            page_blocks, continues, table = _page_with_tables(
                _mark_furniture(page, furniture), number, table
            )
        prev = next((b for b in reversed(blocks) if b.style != FURNITURE_STYLE), None)
        if (
            continues
            and prev is not None
            and not prev.is_table
            and page_blocks
            and not page_blocks[0].is_table
            and not prev.align
            and len(prev.text) >= 20  # a broken paragraph fills at least one line
        ):
            # A paragraph continued from the page before (its first line is not indented).
            prev.text = join_clean(prev.text, page_blocks.pop(0).text)
            if len(prev.text) > MAX_BLOCK_CHARS:  # (refused now, not after every page)
                refuse_long_block(
                    path.name,
                    f"{prev.where}起的一段接续到第{number}页，已有 {len(prev.text):,} 个字",
                )
        blocks.extend(page_blocks)
    return blocks + footnotes


# A footnote at a page's foot ("1 见《……办法》（……〔2024〕7号）第十二条。"): kept as a block of
# this style, which ``parse`` lists as not imported.
FOOTNOTE_STYLE = "脚注"
# The last lines of a page that may be its footnotes: after a blank line, the first starting
# with the note's number ("1 见……", "①……").
_NOTE_START = re.compile(r"^\s*([1-9][0-9]?|[①-⑳])\s*(?=\S)")


def _take_footnotes(path: Path, pages: list[str]) -> list[Block]:
    """The footnotes of the PDF's pages, taken out of ``pages`` (changed in place) with their
    reference numbers in the text ("……逐月通报拨付情况¹。"). A footnote is told by its type:
    the lines at the page's foot, after a blank line, beginning with a number, set smaller than
    the body; its reference is that number raised and smaller, right after a word of the text.
    Only pages whose layout text ends so are looked at in the words' boxes."""
    candidates = {n for n, page in enumerate(pages, start=1) if _foot_lines(page)}
    if not candidates:
        return []
    notes: list[Block] = []
    for number, page_el in _candidate_pages(path, candidates):
        if number not in candidates:
            continue
        words = [
            (
                _float(w.get("xMin")),
                _float(w.get("yMin")),
                _float(w.get("yMax")),
                clean_line(w.text or ""),
            )
            for w in page_el.iter("{*}word")
            if (w.text or "").strip()
        ]
        if len(words) < 10:
            continue
        heights = sorted(y1 - y0 for _, y0, y1, _ in words)
        body = heights[len(heights) // 2]
        page = pages[number - 1]
        lines = page.splitlines()
        foot = _foot_lines(page)
        texts = [clean_line(lines[i]) for i in foot]
        # The foot's words: those whose text starts one of its lines' words, set smaller.
        small = [w for w in words if w[2] - w[1] < 0.85 * body]
        first_words = {lines[i].split()[0] for i in foot if lines[i].split()}
        if not any(w[3] in first_words for w in small):
            continue
        found: list[tuple[str, str]] = []  # (number, text)
        for t in texts:
            if m := _NOTE_START.match(t):
                found.append((m.group(1), t))
            elif found:
                found[-1] = (found[-1][0], found[-1][1] + t)
        if not found:
            continue
        for i in foot:
            lines[i] = ""
        text = "\n".join(lines)
        # The references: a raised small number right after a word of the body.
        ordered = words  # in reading order, as pdftotext gives them
        for k, (_, y0, y1, t) in enumerate(ordered):
            if k == 0 or t not in {n for n, _ in found} or y1 - y0 >= 0.85 * body:
                continue
            before = ordered[k - 1][3]
            if not before or before[-1].isdigit() or abs(ordered[k - 1][1] - y0) > body:
                continue
            text = re.sub(
                rf"(?<={re.escape(before[-6:])})\s*{re.escape(t)}(?!\d)", "", text, count=1
            )
        pages[number - 1] = text
        notes += [Block(t, f"第{number}页", style=FOOTNOTE_STYLE) for _, t in found]
    return notes


def _candidate_pages(path: Path, numbers: set[int]) -> list[tuple[int, Any]]:
    """(number, page element) of ``pdftotext -bbox`` for each page of ``numbers``: one run over
    each stretch of pages close together, not over all the pages between the first and last."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n - runs[-1][-1] <= 3:
            runs[-1].append(n)
        else:
            runs.append([n])
    found = []
    for run in runs:
        root = pdftotext_xml(path, "-bbox", run[0], run[-1])
        if root is None:
            continue
        for number, page in enumerate(root.iter("{*}page"), start=run[0]):
            if number in numbers:
                found.append((number, page))
    return found


def _foot_lines(page: str) -> list[int]:
    """Indexes of the lines at a page's foot that may be footnotes: the last run of text lines
    after a blank line (page numbers aside), starting with a number; [] when there is none."""
    lines = page.splitlines()
    end = len(lines)
    while end and (not lines[end - 1].strip() or _PAGE_NUMBER.match(lines[end - 1].strip())):
        end -= 1
    found: list[int] = []
    while end:
        start = end
        while start and lines[start - 1].strip():
            start -= 1
        first = lines[start]
        if start == 0 or end - start > 8 or not _NOTE_START.match(first):
            break
        if first.strip()[:1].isdigit() and not re.match(r"^\s*\d{1,2}\s+\S", first):
            break  # "2023年……" opening a line of text, not a note's number
        if any(_GAP.search(lines[k].strip()) for k in range(start, end)):
            break  # cells apart on the line: a table's last rows, not a note
        found[:0] = range(start, end)
        end = start
        while end and not lines[end - 1].strip():
            end -= 1
    return found if len(found) <= 12 else []


# A page of an otherwise text PDF that is only a picture (a scanned 附件 appended to the
# text): kept as a block of this style, which ``parse`` reports (its content is not read).
IMAGE_PAGE_STYLE = "没有文字层的页"
_TEXT_CHAR = re.compile(r"[\w\u4e00-\u9fff]")
SCAN_CHARS_PER_PAGE = 40  # no page with this many characters (page numbers aside): a scan


def _text_size(page: str) -> int:
    """Characters of text on a page, its page number and blank lines aside."""
    return sum(
        len(_TEXT_CHAR.findall(ln))
        for ln in page.splitlines()
        if not _PAGE_NUMBER.match(ln.strip())
    )


def _refuse_scans(path: Path, pages: list[str]) -> None:
    """A PDF with no text layer, or one whose text layer holds only page numbers or a stamp
    (a scan with a typed footer): refused with what to do, no guess at the images' text."""
    sizes = [_text_size(p) for p in pages]
    if max(sizes, default=0) >= SCAN_CHARS_PER_PAGE:
        return  # some page has text: pages that are pictures are reported one by one
    total = sum(sizes)
    if not any(ch.isalnum() for ch in "".join(pages)):
        what = "是扫描件或图片 PDF，没有文字层"
    elif total == 0:
        what = "的文字层只有页码，正文是扫描的图片"
    else:
        what = f"的文字层只有零星文字（共 {total:,} 个字，如页码、页眉），正文是扫描的图片"
    raise UnreadableFile(
        f"“{path.name}”{what}，无法读取其中的文字（本工具不识别图片中的文字）。"
        "请导入 Word 原文，或先用 OCR（文字识别）软件把它转换为带文字的 PDF 或 Word。"
    )


def _image_only_pages(path: Path, pages: list[str]) -> set[int]:
    """Pages with no text but a picture on them (``pdfimages -list``), in a PDF that has text
    elsewhere. Without pdfimages, every page without text is counted (blank pages are rare in
    a published document, and the note says the page may be a picture)."""
    empty = {n for n, page in enumerate(pages, start=1) if _text_size(page) == 0}
    empty.discard(len(pages))  # the text after the last form feed (nothing, normally)
    if not empty:
        return set()
    exe = shutil.which("pdfimages")
    if exe is None:
        return empty
    try:
        proc = subprocess.run(
            [exe, "-list", str(path)],
            capture_output=True,
            timeout=PDFTOTEXT_TIMEOUT,
            check=False,
            **_pdftotext_limits(),
        )
    except (subprocess.TimeoutExpired, OSError):
        return empty
    pictured = set()
    for line in proc.stdout.decode("utf-8", "replace").splitlines()[2:]:
        first = line.split(maxsplit=1)[:1]
        if first and first[0].isdigit():
            pictured.add(int(first[0]))
    return empty & pictured


# Tables drawn with borders (``pdftables``, where pdfplumber is installed): read by their cells.
RULED_TABLE_STYLE = "按边框读取的表格"


def _ruled_pages(path: Path, pages: list[str]) -> dict[int, Any]:
    from ledger_tools.importing import pdftables

    starts = [n for n, page in enumerate(pages, start=1) if _has_table_header(page.splitlines())]
    return pdftables.bounded_ruled_pages(path, starts)


def _has_table_header(lines: list[str]) -> bool:
    """A task table's header among ``lines``: on one line, or with its cells wrapped over two or
    three lines in narrow columns ("问题类" over "别", "序号" alone between them)."""
    return any(map(_table_header, lines)) or any(
        _stacked_header(lines[i : i + 3]) for i in range(len(lines))
    )


@functools.lru_cache(maxsize=4096)
def _tokens(line: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, text) of each run of non-blank characters in a -layout line (cached: the
    header search looks at each line in three windows)."""
    return tuple((m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", line))


def _stacked_header_lines(lines: list[str]) -> set[int]:
    """Indexes of ``lines`` that make a table header wrapped over lines (``_stacked_header``)."""
    found: set[int] = set()
    for i in range(len(lines)):
        if i not in found and not _table_header(lines[i]) and _stacked_header(lines[i : i + 3]):
            found.update(k for k in range(i, min(i + 3, len(lines))) if lines[k].strip())
    return found


def _stacked_header(lines: list[str]) -> bool:
    return _stacked_cells(lines) is not None


def _stacked_cells(lines: list[str]) -> list[str] | None:
    """Whether ``lines`` (up to three) are one table header whose cells wrap: the words of the
    line with most of them are the cells; a word of another line joins the cell it stands
    under or over (its span within two characters of the cell's), or is a cell of its own."""
    from ledger_tools.importing.fields import table_columns

    spans = [_tokens(ln) for ln in lines]
    if len(spans) < 2 or not spans[0] or max(map(len, spans)) < 3:
        return None
    main = max(range(len(spans)), key=lambda k: len(spans[k]))
    cols = spans[main]
    if any(b - a > 8 for a, b, _ in cols) or any(
        nxt[0] - end < 2 for (_, end, _), nxt in zip(cols, cols[1:], strict=False)
    ):
        return None  # not short cells spaced apart in columns (a line of prose, "2024 年 5 月")
    cells: list[list[Any]] = [[a, b, [(main, t)]] for a, b, t in spans[main]]  # [start, end, words]
    for k, words in enumerate(spans):
        if k == main:
            continue
        for a, b, t in words:
            home = next((c for c in cells if a < c[1] + 2 and b > c[0] - 2), None)
            if home is None:
                cells.append([a, b, [(k, t)]])
            else:
                home[2].append((k, t))
    texts = ["".join(t for _, t in sorted(c[2])) for c in sorted(cells, key=lambda c: c[0])]
    return texts if len(texts) >= 3 and table_columns([texts]) is not None else None


def _positional_pages(
    path: Path, pages: list[str], furniture: set[str], ruled: dict[int, Any]
) -> dict[int, Any]:
    """Tables without ruling lines that the text cannot split into rows (cells centred
    vertically in rows of several lines, see ``_table_lines``): read again by the positions of
    their words (``pdfwords``), in the same form as a ruled table's pages. A dry run of the
    text reading finds them."""
    from ledger_tools.importing import pdfwords

    table: _PdfTable | None = None
    made: list[Block] = []
    for number, page in enumerate(pages, start=1):
        if number in ruled:
            table = None
            continue
        page_blocks, _, table = _page_with_tables(_mark_furniture(page, furniture), number, table)
        made += [b for b in page_blocks if b.where.endswith("页表格")]
    found: dict[int, Any] = {}
    failed: dict[str, int] = {}  # a table's header → the last page it could not be read on
    for block in made[: pdfwords.MAX_TABLES]:
        start = int(re.sub(r"\D", "", block.where))
        if start in found:
            continue
        key = block.text or "|".join(next((r for r in block.rows if len(set(r)) > 1), []))
        if failed.get(key) == start - 1:
            # The same table going on from a page it could not be read on: its rows at this
            # page's top are the rest of rows never read (reported with the table instead).
            failed[key] = start
            continue
        # Read again by position when the text gave up, read nothing under the header (the
        # line below it is a wrapped cell's, not a row's with its number), or saw fewer
        # columns than the words show (header cells wrapped over lines: "序" over "号").
        header = next((r for r in block.rows if len(set(r)) > 1), [])
        data = [r for r in block.rows if len(set(r)) > 1][1:]
        suspect = block.style == UNREADABLE_TABLE_STYLE or not data
        try:
            read = pdfwords.read_table(path, start, len(pages), furniture.__contains__)
        except (ValueError, IndexError, KeyError, StopIteration):  # odd geometry: text reading
            read = {}
        if not read or (not suspect and len(read[start].tables[0].rows[0]) <= len(header)):
            if suspect:
                failed[key] = start
            continue
        found.update({n: p for n, p in read.items() if n not in ruled})
    return found


def _ruled_page_blocks(
    path: Path, number: int, ruled: Any, furniture: set[str]
) -> tuple[list[Block], bool]:
    """A page with ruled tables: each table a block of its rows, the text above, between and
    below them read from ``pdftotext -layout`` of that part of the page only."""
    blocks: list[Block] = []
    continues = False
    top = 0.0
    for k, part in enumerate([*ruled.tables, None]):
        bottom = part.top if part is not None else ruled.height
        if bottom - top > 1:
            text = _pdftotext(
                path, "-layout", "-f", str(number), "-l", str(number), "-x", "0",
                "-y", str(int(top)), "-W", str(int(ruled.width) + 1), "-H", str(int(bottom - top)),
            )  # fmt: skip
            text = text.strip("\f")
            if not re.search(r"\w", text):
                text = ""  # a rule or a dash below the table's last line, no text
            text_blocks, cont = _page_blocks(_mark_furniture(text, furniture), number, title=k == 0)
            continues = continues or (k == 0 and cont)
            blocks += text_blocks
        if part is not None:
            blocks.append(Block("", f"第{number}页表格", style=RULED_TABLE_STYLE, rows=part.rows))
            top = part.bottom
    return blocks, continues


def _join_ruled_table(before: list[Block], page: list[Block]) -> list[Block]:
    """``page``'s blocks, its first table joined to the table the page before ended with
    (same number of columns, nothing but running headers between them)."""
    from ledger_tools.importing.pdftables import continue_rows

    last = next((b for b in reversed(before) if b.style != FURNITURE_STYLE), None)
    at = next((i for i, b in enumerate(page) if b.is_table or b.style != FURNITURE_STYLE), 0)
    lead, rest = page[:at], page[at:]
    if (
        last is None
        or last.style != RULED_TABLE_STYLE
        or not rest
        or rest[0].style != RULED_TABLE_STYLE
        or len(rest[0].rows[0]) != len(last.rows[0])
    ):
        return page
    last.rows = continue_rows(last.rows, rest[0].rows)
    return [*lead, *rest[1:]]


# A page header or footer printed on every page ("某街道党工委巡察整改工作方案"): kept as a
# block of this style, which ``parse`` lists as not imported.
FURNITURE_STYLE = "页眉页脚"


def _running_lines(pages: list[str]) -> set[str]:
    """The first and last lines (page numbers aside) that repeat on most pages: a running
    header or footer. Needs at least two pages."""
    from collections import Counter

    ends: Counter[str] = Counter()
    for page in pages:
        # A task table's header repeated at the top of every page is the table's, not a
        # running header (the table reading skips the repeats itself).
        raw = page.splitlines()
        stacked = _stacked_header_lines(raw)
        lines = [
            clean_line(ln)
            for k, ln in enumerate(raw)
            if ln.strip()
            and not _PAGE_NUMBER.match(ln.strip())
            and not _table_header(ln)
            and k not in stacked
        ]
        if lines:
            ends.update({lines[0], lines[-1]})
    filled = sum(1 for page in pages if page.strip())
    return {
        t
        for t, n in ends.items()
        if filled >= 2 and n >= max(2, (filled + 1) // 2) and len(t) <= 60
    }


def _mark_furniture(page: str, furniture: set[str]) -> str:
    """The page with its running header/footer lines marked (``\x00`` prefix) for ``_page_blocks``."""
    if not furniture:
        return page
    return "\n".join(
        "\x00" + ln if ln.strip() and clean_line(ln) in furniture else ln
        for ln in page.splitlines()
    )


# Two columns of text side by side in ``pdftotext -layout``: many lines of two runs of text
# with a wide gap between them about the middle; a table has more runs on a line.
_GAP = re.compile(r"(?<=\S)\s{4,}(?=\S)")


def _two_columns(page: str) -> bool:
    lines = [ln.rstrip() for ln in page.splitlines() if ln.strip()]
    if len(lines) < 8:
        return False
    if any(_table_header(ln) for ln in lines):
        return False  # a task table's columns, read by _page_with_tables
    width = max(len(ln) for ln in lines)
    two = many = 0
    for ln in lines:
        gaps = list(_GAP.finditer(ln, len(ln) - len(ln.lstrip())))
        if len(gaps) >= 2:
            many += 1
        elif gaps and 0.3 * width <= gaps[0].end() <= 0.7 * width:
            two += 1
    return two >= 0.3 * len(lines) and many <= 0.05 * len(lines)


# Two runs of Chinese text on one layout line, one space or more apart: columns set close
# together (a single column's text has no space between two Chinese characters).
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ ]+(?=[{_CJK}])")


def _narrow_two_columns(page: str) -> bool:
    """Whether a page looks set in two columns whose gutter ``_two_columns`` cannot see in the
    layout text: many lines split by a space between Chinese characters about the middle."""
    lines = [ln.rstrip() for ln in page.splitlines() if ln.strip()]
    if len(lines) < 8 or any(_table_header(ln) for ln in lines):
        return False
    width = max(len(ln) for ln in lines)
    split = sum(
        1
        for ln in lines
        if any(0.3 * width <= m.start() <= 0.7 * width for m in _CJK_GAP.finditer(ln.strip()))
    )
    return split >= 0.3 * len(lines)


def _word_flows(
    path: Path, first: int, last: int, wanted: set[int]
) -> dict[int, list[list[list[tuple[float, float, str]]]]]:
    """Per page of ``wanted`` that is set in two columns: its flows as ``_pdf_flows`` gives
    them (the lines above the columns, the left column, the right one, the lines below), made
    by splitting each line's words at the gutter: the x about the page's middle that no word
    of the columns crosses and most lines have words on both sides of. A page with no such
    gutter is left out (read as one column)."""
    root = pdftotext_xml(path, "-bbox-layout", first, last)
    if root is None:
        return {}
    pages: dict[int, list[list[list[tuple[float, float, str]]]]] = {}
    for number, page in enumerate(root.iter("{*}page"), start=first):
        if number not in wanted:
            continue
        width = _float(page.get("width"))
        lines = [
            [
                (_float(w.get("xMin")), _float(w.get("xMax")), w.text or "")
                for w in line.iter("{*}word")
                if (w.text or "").strip()
            ]
            for line in page.iter("{*}line")
        ]
        lines = [ln for ln in lines if ln]
        if width <= 0 or len(lines) < 8:
            continue
        flows = _split_at_gutter(lines, width)
        if flows:
            pages[number] = flows
    return pages


def _split_at_gutter(
    lines: list[list[tuple[float, float, str]]], width: float
) -> list[list[list[tuple[float, float, str]]]] | None:
    best: tuple[int, float, int, int] | None = None
    for step in range(int(0.3 * width), int(0.7 * width), 2):
        x = float(step)
        crossing = [any(x0 < x < x1 for x0, x1, _ in ln) for ln in lines]
        # Lines across the gutter only above and below the columns (title, signature).
        top = next((i for i, c in enumerate(crossing) if not c), len(lines))
        bottom = len(lines) - next((i for i, c in enumerate(reversed(crossing)) if not c), 0)
        if any(crossing[top:bottom]):
            continue
        middle = lines[top:bottom]
        # Words on each side in many lines (poppler gives a line per column, or one across).
        on_left = sum(1 for ln in middle if any(x1 <= x for _, x1, _ in ln))
        on_right = sum(1 for ln in middle if any(x0 >= x for x0, _, _ in ln))
        both = min(on_left, on_right)
        if best is None or both > best[0]:
            best = (both, x, top, bottom)
    if best is None or best[0] < 0.25 * len(lines) or best[0] < 4:
        return None
    _, x, top, bottom = best

    def joined(words: list[tuple[float, float, str]]) -> tuple[float, float, str]:
        return (words[0][0], words[-1][1], clean_line(" ".join(t for _, _, t in words)))

    middle = lines[top:bottom]
    left = [joined(ws) for ln in middle if (ws := [w for w in ln if w[1] <= x])]
    right = [joined(ws) for ln in middle if (ws := [w for w in ln if w[0] >= x])]
    for column in (left, right):
        # Text set in columns is justified: most of a column's lines reach its right edge (a
        # table's cells, ragged, are not read so).
        edge = max(x1 for _, x1, _ in column)
        em = min((x1 - x0) / max(len(t), 1) for x0, x1, t in column if t) * 1.5
        if sum(1 for _, x1, _ in column if edge - x1 <= em) < 0.5 * len(column):
            return None
    flows = [
        [[joined(ln) for ln in lines[:top]]],
        [[ln for ln in left if ln[2]]],
        [[ln for ln in right if ln[2]]],
        [[joined(ln) for ln in lines[bottom:]]],
    ]
    return [flow for flow in flows if flow[0]]


def pdftotext_xml(path: Path, mode: str, first: int, last: int) -> Any:
    """The root element of ``pdftotext`` in a box mode (``-bbox``, ``-bbox-layout``) for pages
    first..last, parsed without entities or network; None when the output is beyond the
    limits or not XML (the caller then reads the plain layout)."""
    from lxml import etree

    try:
        xhtml = _pdftotext(path, mode, "-f", str(first), "-l", str(last))
    except UnreadableFile:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        return etree.fromstring(xhtml.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return None


def _pdf_flows(
    path: Path, first: int, last: int
) -> dict[int, list[list[list[tuple[float, float, str]]]]]:
    """Per page number (``first`` to ``last``): its text flows (columns, in reading order) as
    poppler's layout analysis finds them, each a list of blocks, each a list of lines (x min,
    x max, text). Empty when that output is beyond the limits (the pages are then read from
    the plain layout, column by column less well, rather than refused)."""
    root = pdftotext_xml(path, "-bbox-layout", first, last)
    if root is None:
        return {}
    pages: dict[int, list[list[list[tuple[float, float, str]]]]] = {}
    for number, page in enumerate(root.iter("{*}page"), start=first):
        flows = []
        for flow in page.iter("{*}flow"):
            blocks = []
            for block in flow.iter("{*}block"):
                lines = []
                for line in block.iter("{*}line"):
                    words = [w.text or "" for w in line.iter("{*}word")]
                    text = clean_line(" ".join(words))
                    if text:
                        lines.append((_float(line.get("xMin")), _float(line.get("xMax")), text))
                if lines:
                    blocks.append(lines)
            if blocks:
                flows.append(blocks)
        pages[number] = flows
    return pages


def _float(text: str | None) -> float:
    try:
        return float(text or 0)
    except ValueError:
        return 0.0


def _flow_blocks(
    flows: list[list[list[tuple[float, float, str]]]], number: int, furniture: set[str]
) -> tuple[list[Block], bool]:
    """Paragraphs of a page set in columns, column by column. A line indented from its
    column's left edge starts a paragraph; a column's first paragraph continues the one before
    when it is not indented and that one did not end its sentence; a short line far right of
    the column is a signature (right-aligned)."""
    blocks: list[Block] = []
    marked: list[Block] = []
    continues = False
    for k, flow in enumerate(flows):
        left = min(x for block in flow for x, _, _ in block)
        right = max(x for block in flow for _, x, _ in block)
        for j, lines in enumerate(flow):
            text = clean_line("".join(t for _, _, t in lines))
            if _PAGE_NUMBER.match(text):
                continue
            if text in furniture:
                marked.append(Block(text, f"第{number}页", style=FURNITURE_STYLE))
                continue
            em = max((x1 - x0) / max(len(t), 1) for x0, x1, t in lines)
            paragraphs: list[list[str]] = []
            for x0, _, t in lines:
                if not paragraphs or x0 - left >= 1.5 * em:
                    paragraphs.append([])
                paragraphs[-1].append(t)
            first_indented = lines[0][0] - left >= 1.5 * em
            align = ""
            if number == 1 and k == 0 and j == 0 and first_indented:
                align = "center"  # the title
            elif lines[0][0] - left > 0.4 * (right - left) and len(text) <= 40:
                align = "right"
            for i, para in enumerate(paragraphs):
                block = _pdf_block(para, number, align=align)
                prev = blocks[-1] if blocks else None
                if (
                    j == 0
                    and i == 0
                    and not first_indented
                    and not align
                    and not _looks_new(block.text)
                ):
                    if k == 0:
                        continues = True
                    elif (
                        prev is not None
                        and not prev.align
                        and not prev.text.endswith(_SENTENCE_END)
                    ):
                        prev.text = join_clean(prev.text, block.text)
                        continue
                blocks.append(block)
    return blocks + marked, continues and bool(blocks)


def _looks_new(text: str) -> bool:
    """A paragraph that starts something (a numbered item), not the rest of one."""
    from ledger_tools.importing.outline import match_marker

    return match_marker(text) is not None


def _pdftotext(path: Path, *mode: str) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise UnreadableFile(
            f"读取 PDF“{path.name}”需要 poppler 的 pdftotext，本机没有找到。"
            "请安装 poppler-utils（Windows 可安装 poppler 并加入 PATH），或导入 Word 原文。"
        )
    with tempfile.TemporaryDirectory(prefix="ledger-tools-pdf-") as work:
        text_file = Path(work) / "text.txt"
        try:
            proc = subprocess.run(
                [exe, *(mode or ("-layout",)), "-enc", "UTF-8", str(path), str(text_file)],
                capture_output=True,
                timeout=PDFTOTEXT_TIMEOUT,
                check=False,
                **_pdftotext_limits(),
            )
        except subprocess.TimeoutExpired as exc:
            raise UnreadableFile(
                f"读取 PDF“{path.name}”超过 {PDFTOTEXT_TIMEOUT} 秒仍未完成，已停止。请导入 Word 原文。"
            ) from exc
        size = text_file.stat().st_size if text_file.exists() else 0
        if size >= MAX_PDF_TEXT_BYTES or proc.returncode == -getattr(signal, "SIGXFSZ", 0):
            raise UnreadableFile(
                f"“{path.name}”中的文字超过导入的上限 {MAX_PDF_TEXT_BYTES // 2**20} MB"
                "（可能是特意构造的文件），未读取。请导入 Word 原文。"
            )
        if proc.returncode != 0:
            raise UnreadableFile(
                f"“{path.name}”不是有效的 PDF，或已加密、已损坏，读不出文字"
                "（也可能是读取它需要的内存超过了上限）。请导入 Word 原文。"
            )
        return text_file.read_bytes().decode("utf-8", "replace")


MAX_PDF_TEXT_BYTES = 32 << 20  # text of one PDF (a 300-page report has about 1 MB)
PDFTOTEXT_MEMORY = 512 << 20  # address space of pdftotext


def _pdftotext_limits() -> dict[str, Any]:
    """On POSIX, pdftotext runs with its address space and output file size capped: a small
    PDF can hold a compressed stream that draws gigabytes of text."""
    if os.name != "posix":  # pragma: no cover - Windows: the timeout still applies
        return {}
    import resource

    def limit() -> None:
        lower_limit(resource.RLIMIT_AS, PDFTOTEXT_MEMORY)
        lower_limit(resource.RLIMIT_FSIZE, MAX_PDF_TEXT_BYTES)

    return {"preexec_fn": limit}


def lower_limit(kind: int, value: int) -> None:
    """Set a child's resource limit ``kind`` to ``value``, or to the limit it already has when
    that is lower: raising a hard limit is refused, and under a ``ulimit -v`` of 2 GB the PDF
    table reader's 2 GiB ended every PDF import in 意外问题（SubprocessError）."""
    import resource

    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, value))


@dataclass
class _PdfTable:
    """A task table read from ``pdftotext -layout`` lines: its columns' left boundaries (in
    characters), the index of its 序号 column (or -1), and its rows of cell texts so far."""

    bounds: list[int]
    number_col: int
    rows: list[list[str]]
    block: Block
    text_cols: set[int] = field(default_factory=set)  # 问题 / 整改措施 / 问题表现 columns
    fresh: bool = True  # only its header read yet (its bounds not yet refined)
    unreliable: bool = False  # its rows cannot be told apart from the text (see _table_lines)


_NUMBER_CELL = re.compile(r"^\d{1,3}[.．、]?$")


def _header_name(cell: str) -> str | None:
    from ledger_tools.importing.fields import table_header

    return table_header(cell)


def _page_with_tables(
    page: str, number: int, table: _PdfTable | None
) -> tuple[list[Block], bool, _PdfTable | None]:
    """``_page_blocks`` of a page, with the task tables on it read into table blocks (cells by
    the columns of the header line, rows by the 序号 column and by cells starting again), and
    whether a table runs on at the page's end (returned for the next page)."""
    lines = page.splitlines()
    blocks: list[Block] = []
    continues = False
    start = 0
    if table is not None and not _rebound(lines, table):
        table = None  # the page does not go on with the table
    if table is not None:
        end = _table_lines(lines, 0, table)
        _give_up_if_unreliable(table)
        if end == 0:
            table = None
        start = end
    i = start
    while i < len(lines):
        header = _table_header(lines[i])
        if header is None and _stacked_header(lines[i : i + 3]):
            # A header whose cells wrap over lines ("问题类" over "别"): the text cannot tell
            # its columns; the words' positions may (``_positional_pages``), else it is
            # reported once, never read as lines of prose.
            text_blocks, cont = _page_blocks("\n".join(lines[start:i]), number, title=start == 0)
            if start == 0:
                continues = cont
            blocks += text_blocks
            end = _stacked_table_end(lines, i)
            names = _stacked_cells(lines[i : i + 3]) or []
            block = Block(" ".join(names), f"第{number}页表格")
            block.style = UNREADABLE_TABLE_STYLE
            blocks.append(block)
            table = None
            i = start = end
            continue
        if header is None:
            i += 1
            continue
        text_blocks, cont = _page_blocks("\n".join(lines[start:i]), number, title=start == 0)
        if start == 0:
            continues = cont
        blocks += text_blocks
        # (the first line of the document is its title, never a table's caption)
        caption = _caption(text_blocks) if len(blocks) > 1 or number > 1 else None
        table = _PdfTable(header[0], header[1], [header[2]], Block("", f"第{number}页表格"))
        table.text_cols = {
            j
            for j, t in enumerate(header[2])
            if _header_name(t) in ("问题", "整改措施", "问题表现")
        }
        if caption is not None:
            # The table's own title line just above its header (a merged title row in Word).
            blocks.remove(caption)
            table.rows.insert(0, [caption.text] * len(header[0]))
        blocks.append(table.block)
        i = start = _table_lines(lines, i + 1, table)
        table.block.rows = table.rows
        _give_up_if_unreliable(table)
    if start < len(lines):
        text_blocks, cont = _page_blocks("\n".join(lines[start:]), number, title=start == 0)
        if start == 0:
            continues = cont
        blocks += text_blocks
        table = None if any(_is_text_line(ln) for ln in lines[start:]) else table
    return blocks, continues, table


UNREADABLE_TABLE_STYLE = "无法分列的表格"


def _stacked_table_end(lines: list[str], i: int) -> int:
    """Where a table whose header wraps (at ``lines[i]``) ends on its page: at the first line
    of prose (one run of text, no gap of two spaces inside it, 15 characters or more), or the
    page's end."""
    for k in range(i + 3, len(lines)):
        text = lines[k].strip()
        if (
            len(text) >= 15
            and not re.search(r"\S\s{2,}\S", text)
            and not lines[k].startswith("\x00")
        ):
            return k
    return len(lines)


def _give_up_if_unreliable(table: _PdfTable) -> None:
    """A table whose rows cannot be told apart becomes one block of its header's words, of a
    style ``parse`` reports once (the attachment reader knows it by its header), not rows of
    guessed cells."""
    if table.unreliable and table.block.rows:
        header = next((r for r in table.block.rows if len(set(r)) > 1), table.block.rows[0])
        table.block.text = " ".join(header)
        table.block.rows = []
        table.block.style = UNREADABLE_TABLE_STYLE


def _is_text_line(line: str) -> bool:
    """A line with text that is not a page number or a running header/footer."""
    return (
        bool(line.strip()) and not line.startswith("\x00") and not _PAGE_NUMBER.match(line.strip())
    )


def _caption(blocks: list[Block]) -> Block | None:
    """The last block before a table when it is a short title line (no sentence in it)."""
    if not blocks or blocks[-1].align:
        return None
    text = blocks[-1].text
    return blocks[-1] if len(text) <= 40 and not re.search(r"[。；;，,：:]", text) else None


def _table_header(line: str) -> tuple[list[int], int, list[str]] | None:
    """(column bounds, 序号 column, header cells) of a line that is a task table's header:
    three or more cells (or just "反馈问题  整改措施") separated by spaces, ledger column names among them."""
    from ledger_tools.importing.fields import table_columns

    cells = [(m.start(), m.group()) for m in re.finditer(r"\S+", line)]
    if len(cells) < 2 or table_columns([[t for _, t in cells]]) is None:
        return None
    number_col = next((j for j, (_, t) in enumerate(cells) if _header_name(t) == "序号"), -1)
    return [x for x, _ in cells], number_col, [t for _, t in cells]


def _table_lines(lines: list[str], i: int, table: _PdfTable) -> int:
    """Read table lines from ``lines[i]`` into ``table.rows``; the index where the table ends
    (a line that crosses the columns, a line in the 序号 column that is no number, a blank line
    not followed by a new row, a repeated header is skipped)."""
    if table.fresh:
        _refine_bounds(lines, i, table.bounds, table.rows[-1])
        table.fresh = False
    bounds = table.bounds
    # Columns with text on the current row's first line (a row going on from the page before:
    # all of them, its first line is not on this page).
    first_line: set[int] = set(range(len(table.bounds)))
    open_cols: set[int] = set()  # columns whose cell in the current row has text and goes on
    ended: set[int] = set()  # columns whose cell in the current row has stopped
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip() or line.startswith("\x00") or _PAGE_NUMBER.match(line.strip()):
            nxt = next((ln for ln in lines[i + 1 :] if ln.strip()), "")
            if (
                line.strip()
                and not line.startswith("\x00")
                and not _PAGE_NUMBER.match(line.strip())
            ):
                break
            if not nxt or not _new_row(_cells(nxt, bounds), table.number_col):
                if not nxt:
                    i += 1
                    continue
                break
            i += 1
            continue
        if _table_header(line) is not None:
            i += 1  # the header repeated on a new page
            continue
        cells = _cells(line, bounds)
        if cells is None:
            title = clean_line(line)
            if _is_heading_row(title):
                table.rows.append([title] * len(bounds))  # a 方面 row across the table
                open_cols, ended = set(), set()
                i += 1
                continue
            break
        filled = {j for j, c in enumerate(cells) if c}
        if (
            table.number_col >= 0
            and cells[table.number_col]
            and not _NUMBER_CELL.match(cells[table.number_col])
        ):
            break
        new = _new_row(cells, table.number_col)
        if table.number_col < 0 and table.text_cols and not filled & table.text_cols:
            break  # below the table: a line with nothing in the 问题/措施 columns (its 落款)
        if table.number_col < 0:
            # No 序号 column to mark where a row starts: only a table whose every line fills
            # every column (one line a row) can be read; a cell wrapped over lines cannot be
            # told from the next row's first line.
            new = len(filled) == len(bounds)
            if not new:
                table.unreliable = True
        if not new and filled & ended and table.text_cols and not filled & table.text_cols:
            break  # a line below the table (its 落款) that happens to fall in one column
        if not any(table.rows[-1]) or len(table.rows) == 1 or new or filled & ended:
            table.rows.append([""] * len(bounds))
            open_cols, ended = set(), set()
            first_line = filled
        elif filled - first_line - open_cols:
            # A cell that starts below its row's first line: the cells are centred vertically
            # and lines of neighbouring rows interleave, which text alone cannot untangle.
            table.unreliable = True
        row = table.rows[-1]
        for j in filled:
            row[j] = clean_line(row[j] + cells[j])
        ended |= open_cols - filled
        open_cols = filled | (open_cols - ended)
        i += 1
    return i


def _rebound(lines: list[str], table: _PdfTable) -> bool:
    """The columns of a table going on at the top of a new page, where pdftotext lays the
    characters out afresh: from the page's first row (a line of as many runs of text as the
    table has columns, starting with its 序号). False when the page does not start so."""
    n = len(table.bounds)
    for line in [ln for ln in lines if ln.strip() and not ln.startswith("\x00")][:12]:
        if header := _table_header(line):
            if len(header[0]) != n:
                return False
            table.bounds = header[0]  # the header repeated: the columns are taken from it
            i = lines.index(line) + 1
            _refine_bounds(lines, i, table.bounds, header[2])
            return True
        runs = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line.rstrip())]
        if len(runs) == n and (
            table.number_col < 0 or _NUMBER_CELL.match(runs[table.number_col][1])
        ):
            table.bounds = [x for x, _ in runs]
            _refine_bounds(lines, 0, table.bounds, [t for _, t in runs])
            return True
    return False


def _refine_bounds(lines: list[str], i: int, bounds: list[int], header: list[str]) -> None:
    """Move each column's left bound to where the cells below the header start: a header
    centred over its column starts to the right of the column's text. The bound chosen is the
    one no text crosses (the rightmost such position between the two headers)."""
    sample = [ln.rstrip() for ln in lines[i : i + 60] if ln.strip()]
    for j in range(1, len(bounds)):
        lo = bounds[j - 1] + len(header[j - 1])
        best, fewest = bounds[j], None
        for pos in range(max(lo, bounds[j - 1] + 1), bounds[j] + 1):
            crossing = sum(
                1 for ln in sample if pos < len(ln) and ln[pos - 1] != " " and ln[pos] != " "
            )
            if fewest is None or crossing <= fewest:
                best, fewest = pos, crossing
        bounds[j] = best


def _cells(line: str, bounds: list[int]) -> list[str] | None:
    """The cell texts of a table line, or None when text crosses a column bound."""
    cells = [""] * len(bounds)
    for m in re.finditer(r"\S+(?: \S+)*", line):
        col = max((j for j, b in enumerate(bounds) if m.start() >= b - 1), default=0)
        nxt = bounds[col + 1] if col + 1 < len(bounds) else None
        if nxt is not None and m.end() > nxt + 1:
            # Text running over the next column: two cells one space apart, or not a table line.
            parts = [(p.start() + m.start(), p.group()) for p in re.finditer(r"\S+", m.group())]
            for start, text in parts:
                c = max((j for j, b in enumerate(bounds) if start >= b - 1), default=0)
                n = bounds[c + 1] if c + 1 < len(bounds) else None
                if n is not None and start + len(text) > n + 1:
                    return None
                cells[c] += text
            continue
        cells[col] += m.group()
    return cells


def _new_row(cells: list[str] | None, number_col: int) -> bool:
    if not cells:
        return False
    return number_col >= 0 and bool(_NUMBER_CELL.match(cells[number_col]))


def _is_heading_row(text: str) -> bool:
    from ledger_tools.importing.outline import match_marker

    return len(text) <= 60 and (match_marker(text) is not None or text.endswith("方面"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _page_blocks(page: str, number: int, title: bool = True) -> tuple[list[Block], bool]:
    """Lines of one page joined into paragraphs, and whether the first one continues a
    paragraph of the page before. GB/T 9704 body text has a first-line indent: a line indented
    more than the page's usual left edge starts a paragraph (so does a centred line); a blank
    line ends one. On the first page the lines before the first blank line are the title."""
    lines = [ln.rstrip() for ln in page.splitlines()]
    lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln.strip())]
    marked = [
        Block(clean_line(ln[1:]), f"第{number}页", style=FURNITURE_STYLE)
        for ln in lines
        if ln.startswith("\x00")
    ]
    lines = [ln for ln in lines if not ln.startswith("\x00")]
    body = [ln for ln in lines if ln.strip()]
    if not body:
        return [], False
    left = min(_indent(ln) for ln in body)
    width = max(len(ln) for ln in body)
    blocks: list[Block] = []
    while lines and not lines[0].strip():
        lines.pop(0)
    if title and number == 1 and "" in [ln.strip() for ln in lines[:5]]:
        head = lines[: [ln.strip() for ln in lines].index("")]
        blocks.append(_pdf_block([ln.strip() for ln in head], number, align="center"))
        lines = lines[len(head) :]
    elif title and number == 1 and (head := _title_lines(lines, left)):
        # A title of two lines with no space under it: a full first line, the rest centred.
        blocks.append(_pdf_block([ln.strip() for ln in head], number, align="center"))
        lines = lines[len(head) :]
    continues = bool(lines) and _indent(lines[0]) - left < 2 and not blocks
    current: list[str] = []
    for ln in lines:
        if not ln.strip():
            if current:
                blocks.append(_pdf_block(current, number))
            current = []
            continue
        indent = _indent(ln) - left
        centred = indent > 6 and indent + len(ln.strip()) < width - 2
        if indent >= 2 and current:
            blocks.append(_pdf_block(current, number))
            current = []
        if centred or indent > 20:
            if current:
                blocks.append(_pdf_block(current, number))
            blocks.append(
                _pdf_block(
                    [ln.strip()], number, align="right" if indent > 20 and not centred else "center"
                )
            )
            current = []
            continue
        current.append(ln.strip())
    if current:
        blocks.append(_pdf_block(current, number))
    # Furniture last: the first block is the one a paragraph from the page before may go on in.
    return blocks + marked, continues


def _title_lines(lines: list[str], left: int) -> list[str]:
    """The title lines at the top of the first page when no blank line follows them: a first
    line with no sentence punctuation and the centred lines under it that have none either
    (an empty list when the line under the first is not centred: no title to tell apart)."""
    clause = re.compile(r"[。，；：,;:]")
    if not lines or clause.search(lines[0]) or len(lines[0].strip()) > 40:
        return []
    head = [lines[0]]
    for ln in lines[1:4]:
        indent = _indent(ln) - left
        if indent > 6 and not clause.search(ln) and len(ln.strip()) <= 40:
            head.append(ln)
        else:
            break
    return head if len(head) > 1 else []


def _pdf_block(lines: list[str], page: int, align: str = "") -> Block:
    text = ""
    for ln in lines:
        # Re-join a line broken by the layout: no space, except between two Latin words.
        sep = (
            " "
            if text
            and text[-1].isascii()
            and text[-1].isalnum()
            and ln[:1].isascii()
            and ln[:1].isalpha()
            else ""
        )
        text += sep + ln
    return Block(clean_line(text), f"第{page}页", align=align)
