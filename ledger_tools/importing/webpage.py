"""A web page saved from a browser (.html/.htm, or one file .mht/.mhtml) → ``Block``s.

Published 通报 and 整改情况报告 are read on government sites and 公众号 and saved from the
browser as they are. Only the article is read: the page's menus, breadcrumbs, link lists and
footer are left out by taking the deepest element that holds most of the page's text outside
links (menus and link lists are links; the article is not). The page title is put first when
the article does not repeat it. Paragraphs, headings, list items and lines broken by ``<br>``
become paragraphs; a table of data becomes a table (merged cells repeat their text, as Word
tables are read), while a table used only to lay out the page is read as paragraphs. What is
left of the page (bylines, 【打印本页】, counters) is furniture the parser already knows.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import re
from pathlib import Path
from typing import Any

from ledger_tools.errors import UnreadableFile
from ledger_tools.files import read_at_most
from ledger_tools.importing.extract import (
    MAX_BLOCKS,
    Block,
    clean_line,
    decode_text,
)

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml")
MAX_PAGE_BYTES = 30 << 20  # a saved article is tens to hundreds of KB; images are not inside
ARTICLE_SHARE = 0.7  # the article holds at least this share of the page's text outside links
MAX_SPAN = 63  # colspan/rowspan beyond this is not a real table (Word's limit on columns)
MAX_TABLE_CELLS = 1_000_000  # cells of one table with its merged cells repeated
# Elements of one page (tags counted before it is parsed): a saved article has a few thousand,
# a long document Word saved as a web page tens of thousands. lxml takes ~300 bytes an element
# and the article search a Python object more: 3 million ``<i>整</i>`` (a 30 MB page, within
# MAX_PAGE_BYTES) took 1.4 GB and 24 s.
MAX_PAGE_ELEMENTS = 300_000

_DROPPED = {
    "script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "select",
    "button", "head", "template", "svg", "object", "embed", "aside", "input", "textarea",
}  # fmt: skip
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "blockquote", "pre", "dd", "dt", "dl", "center", "address", "figure", "figcaption", "main",
    "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "hr",
}  # fmt: skip
_BOLD = {"b", "strong"}
_CJK = re.compile(r"[\u3400-\u9fff]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_WORDS = ("整改", "通报", "报告", "方案", "意见", "情况")


def read_html(path: Path) -> list[Block]:
    """The blocks of the saved page at ``path``."""
    data, size = read_at_most(path, MAX_PAGE_BYTES)  # (a huge file is not read whole)
    if size > MAX_PAGE_BYTES:
        raise UnreadableFile(
            f"“{path.name}”有 {size >> 20} MB，不像是保存下来的一篇网页文章（一般只有几百 KB）。"
            "请在浏览器中打开原文，选“另存为…网页，仅 HTML”，或把正文复制到记事本存为 .txt 后再导入。"
        )
    if path.suffix.lower() in (".mht", ".mhtml"):
        data, charset = _mhtml_page(data, path.name)
    else:
        charset = None
    text = _decode(data, charset, path.name)
    _refuse_too_many_elements(text, path.name)
    root = _parse(text, path.name)
    title = _page_title(root)  # (before <head> goes with the rest of the page's furniture)
    for element in [*root.iter(*_DROPPED), *_office_furniture(root)]:
        if element.getparent() is not None:
            element.drop_tree()
    article = _article(root)
    _drop_link_bars(article)
    blocks = _without_repeated_title(_Blocks(path.name).read(article))
    titled = any(b.align == "center" for b in blocks[:3])
    if title and not titled and not any(title in b.text for b in blocks[:5]):
        blocks.insert(0, Block(title, "网页标题", align="center"))
    if not blocks:
        raise UnreadableFile(
            f"“{path.name}”中没有读到正文文字（可能是只保存了网页框架，正文要由脚本加载）。"
            "请在浏览器中打开原文，把正文复制到记事本存为 .txt 后再导入。"
        )
    for n, block in enumerate(blocks, start=1):
        block.where = block.where or f"第{n}段"
    return blocks  # (more than MAX_BLOCKS is refused by read_blocks, which counts them)


def _office_furniture(root: Any) -> list[Any]:
    """The page headers and footers of a document saved as a web page by Word
    (``mso-element:header``) or LibreOffice (``<div title="header">``): a running title or
    page number, not the document's text."""
    return [
        e
        for e in root.iter("div")
        if (e.get("title") or "").lower() in ("header", "footer")
        or re.search(r"mso-element:\s*(?:header|footer)", e.get("style") or "")
    ]


def _without_repeated_title(blocks: list[Block]) -> list[Block]:
    """The blocks without a repeat of a text among the first few (the site's heading over the
    byline, then the article's own title line)."""
    seen: set[str] = set()
    kept = []
    for k, b in enumerate(blocks):
        if k < TITLE_LINES and b.text:
            if b.text in seen:
                continue
            seen.add(b.text)
        kept.append(b)
    return kept


TITLE_LINES = 6  # a repeated title is looked for among the first lines


def _refuse_too_many_elements(text: str, name: str) -> None:
    """Refuse a page of more than ``MAX_PAGE_ELEMENTS`` tags before lxml builds its tree."""
    if text.count("<") <= MAX_PAGE_ELEMENTS:  # (an upper bound, counted at memory speed)
        return
    tags = sum(1 for _ in _TAG.finditer(text))
    if tags > MAX_PAGE_ELEMENTS:
        raise UnreadableFile(
            f"“{name}”中有 {tags:,} 个网页标签，超过一篇网页文章的上限 {MAX_PAGE_ELEMENTS:,} 个"
            "（保存下来的文章一般只有几千个；可能是特意构造的文件），读取需要的内存远超一般电脑，未读取。"
            "请在浏览器中打开原文，把正文复制到记事本存为 .txt 后再导入。"
        )


_TAG = re.compile(r"<[A-Za-z]")


def _mhtml_page(data: bytes, name: str) -> tuple[bytes, str | None]:
    """The HTML part of a one-file web page (MIME, as browsers and WPS save it)."""
    try:
        # (the email parser recurses once per nested multipart: a part nested a few hundred
        # deep, which no browser saves, ended in RecursionError)
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    return payload, part.get_content_charset()
    except RecursionError:
        raise UnreadableFile(
            f"“{name}”的各部分嵌套层数过多（浏览器保存的 .mht 只有一两层；可能是特意构造的文件），无法读取。"
            "请在浏览器中打开原文，把正文复制到记事本存为 .txt 后再导入。"
        ) from None
    raise UnreadableFile(
        f"“{name}”中没有网页内容（.mht 文件里没有 HTML 部分）。"
        "请在浏览器中重新“另存为”网页后再导入，或把正文复制到记事本存为 .txt。"
    )


def _decode(data: bytes, charset: str | None, name: str) -> str:
    """The page's text: by the charset the MIME part or the page's ``<meta>`` declares (GB2312
    and GBK read as GB18030, which holds them), else as a text file is read."""
    declared = charset or (
        m.group(1).decode("ascii", "ignore") if (m := _CHARSET.search(data[:8192])) else ""
    )
    declared = declared.lower()
    if declared in ("gb2312", "gbk", "x-gbk", "gb_2312-80", "euc-cn"):
        declared = "gb18030"
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration (a GBK page that says utf-8): as a text file is read
    return decode_text(data, name)


def _parse(text: str, name: str) -> Any:
    import lxml.html

    text = _XML_DECLARATION.sub("", text)  # lxml refuses a str with an encoding declaration
    if not text.strip():
        raise UnreadableFile(f"“{name}”是空文件。请确认选对了文件。")
    try:
        return lxml.html.document_fromstring(text)
    except Exception:  # noqa: BLE001 - lxml raises several types on what is not HTML
        raise UnreadableFile(
            f"“{name}”不是能读取的网页文件。请在浏览器中打开原文，把正文复制到记事本存为 .txt 后再导入。"
        ) from None


def _own_texts(root: Any) -> dict[Any, int]:
    """Chinese characters in each element outside links (menus and link lists are links),
    counted in one pass from the leaves up (counting each element's text again at every level
    of a deep page took minutes)."""
    own: dict[Any, int] = {}
    for element in reversed(list(root.iter())):  # (children before their parents)
        count = len(_CJK.findall(element.text or "")) if isinstance(element.tag, str) else 0
        for child in element:
            count += own.get(child, 0) + len(_CJK.findall(child.tail or ""))
        own[element] = 0 if element.tag == "a" else count
    return own


def _article(root: Any) -> Any:
    """The deepest element holding at least ``ARTICLE_SHARE`` of the page's text outside links."""
    body = root.find("body")
    node = body if body is not None else root
    own = _own_texts(node)
    total = own[node]
    if total == 0:
        return node
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        best = max(children, key=own.__getitem__, default=None)
        if best is None or own[best] < ARTICLE_SHARE * total:
            return node
        if best.tag == "table" and _is_data_table(best):
            # A task list holds most of a short 方案's text: its container is the article
            # (the opening paragraph that names the 巡察组 and the 落款 stand beside it).
            return node
        node = best


def _drop_link_bars(article: Any) -> None:
    """Drop the children of ``article`` that are only a row of links (the site's menu "首页
    信息公开 办事服务" beside a task table: the article is then the whole page)."""
    own = _own_texts(article)
    for child in list(article):
        if not isinstance(child.tag, str) or own.get(child, 0):
            continue
        links = [clean_line(a.text_content()) for a in child.iter("a")]
        if len(links) >= 2 and all(len(text) <= 8 for text in links):
            child.drop_tree()


def _page_title(root: Any) -> str:
    """The page's heading for the document (``<h1>``…, else ``<title>`` without the site's name)
    when it names a document of the genre; "" otherwise."""
    for tag in ("h1", "h2", "h3"):
        for h in root.iter(tag):
            text = clean_line(h.text_content())
            if any(w in text for w in _TITLE_WORDS) and 6 <= len(text) <= 80:
                return text
    title = root.find(".//title")
    if title is None:
        return ""
    parts = re.split(r"\s*(?:[_|｜]|--|—|-\s)\s*", clean_line(title.text_content()))
    named = [p for p in parts if any(w in p for w in _TITLE_WORDS)]
    return max(named, key=len) if named and len(max(named, key=len)) <= 80 else ""


class _Enough(Exception):
    """More paragraphs than an import takes: no need to read on."""


class _Blocks:
    """The article's paragraphs and tables in reading order."""

    def __init__(self, name: str) -> None:
        self.name = name  # the file's, for messages
        self.blocks: list[Block] = []
        self.pieces: list[tuple[str, bool]] = []  # (text, bold) of the paragraph being read
        self.align = ""

    def read(self, article: Any) -> list[Block]:
        """The blocks, stopping past ``MAX_BLOCKS`` (``read_blocks`` refuses such a page)."""
        with contextlib.suppress(_Enough):
            self._walk(article, False)
            self._flush()
        return self.blocks

    def _walk(self, element: Any, outer_bold: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""  # ("": a comment)
        if tag == "table" and _is_data_table(element):
            self._flush()
            rows = _table_rows(element, self.name)
            if rows:
                self.blocks.append(Block("", "", rows=rows))
        else:
            block = tag in _BLOCKS or tag == "br"
            if block:
                self._flush()
                # (a site's <h1> over the article is its title, centred by the site's CSS)
                self.align = _alignment(element) or ("center" if tag == "h1" else self.align)
            style = (element.get("style") or "").replace(" ", "") if tag else ""
            bold = outer_bold or tag in _BOLD or "font-weight:bold" in style
            if element.text and tag:
                self.pieces.append((element.text, bold))
            for child in element:
                self._walk(child, bold)
            if block:
                self._flush()
                self.align = ""
        if element.tail:  # the text after the element is its parent's
            self.pieces.append((element.tail, outer_bold))

    def _flush(self) -> None:
        text = clean_line("".join(t for t, _ in self.pieces).replace("\n", " ").strip())
        if text:
            lead = ""
            for piece, is_bold in self.pieces:  # the bold text the paragraph opens with
                if not is_bold:
                    if piece.strip():
                        break
                    continue
                lead += piece
            # (the same text twice running: the site's heading over the article's own title)
            if not self.blocks or self.blocks[-1].text != text:
                self.blocks.append(Block(text, "", lead=clean_line(lead), align=self.align))
                if len(self.blocks) > MAX_BLOCKS:
                    raise _Enough
        self.pieces = []


def _alignment(element: Any) -> str:
    style = (element.get("style") or "").replace(" ", "").lower()
    align = (element.get("align") or "").lower()
    for side in ("center", "right"):
        if f"text-align:{side}" in style or align == side or element.tag == "center":
            return "center" if element.tag == "center" else side
    return ""


def _is_data_table(table: Any) -> bool:
    """A table of data (rows and columns of cells), not one laying out the page: no table
    inside it, at least two rows and two columns."""
    if next(table.iterdescendants("table"), None) is not None:
        return False
    rows = [tr for tr in table.iter("tr")]
    widths = [len([c for c in tr if c.tag in ("td", "th")]) for tr in rows]
    return len(rows) >= 2 and max(widths, default=0) >= 2


def _table_rows(table: Any, name: str) -> list[list[str]]:
    """Cell texts row by row; a cell spanning rows or columns repeats its text in each."""
    rows: list[list[str]] = []
    below: dict[int, tuple[str, int]] = {}  # column → (text, rows still to fill)
    filled = 0
    for tr in table.iter("tr"):
        if filled > MAX_TABLE_CELLS:
            raise UnreadableFile(
                f"“{name}”中有一个表格展开合并单元格后超过 {MAX_TABLE_CELLS:,} 格，不像是问题清单或任务清单"
                "（可能是特意构造的文件）。请把正文复制到记事本存为 .txt 后再导入。"
            )
        row: list[str] = []
        cells = [c for c in tr if c.tag in ("td", "th")]
        for cell in cells:
            while len(row) in below:
                row.append(_spanned(below, len(row)))
            text = clean_line(_cell_text(cell))
            cols = min(max(_int(cell.get("colspan")), 1), MAX_SPAN)
            down = min(max(_int(cell.get("rowspan")), 1), MAX_SPAN)
            for _ in range(cols):
                if down > 1:
                    below[len(row)] = (text, down - 1)
                row.append(text)
        while len(row) in below:
            row.append(_spanned(below, len(row)))
        filled += len(row)
        if any(row):
            rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


def _spanned(below: dict[int, tuple[str, int]], col: int) -> str:
    text, left = below.pop(col)
    if left > 1:
        below[col] = (text, left - 1)
    return text


def _cell_text(cell: Any) -> str:
    """A cell's text with its paragraphs and ``<br>`` lines on lines of their own."""
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in cell.iter("p", "div", "li"):
        p.tail = "\n" + (p.tail or "")
    lines = [line.strip() for line in cell.text_content().split("\n")]
    return "\n".join(line for line in lines if line)


def _int(value: str | None) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return 1
