"""The 版记 on an even page (GB/T 9704 §7.4: the 版记 is on the last page of the document,
the back of its last sheet when printed on both sides).

The 版记 is a text box at the foot of the page of the 落款 (``docformat.imprint_box``), so it
lands where the text ends: on an odd page, a sheet printed on both sides has the 版记 on its
front, with the next document's first page on its back. Where the text ends is known only once
a program has laid the pages out; with ``--pdf`` LibreOffice has. When its PDF has an odd
number of pages, the text box is moved out of the last paragraph into a paragraph of its own
that begins a new page (``w:pageBreakBefore``), and the document converted again: the 版记
then stands at the foot of the next, even page. The paragraphs before it are left as they were
(the blank lines kept with the 落款 included), so the odd page is laid out as before.

The .docx gets the same page break: it puts the 版记 on an even page as long as Word or WPS
breaks the pages where LibreOffice did (they may differ by a line or two; the command says so).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
IMPRINT_NAME = "版记"  # the name of the text box (docformat.imprint_box)


def pdf_pages(pdf: Path) -> int:
    """The number of pages of a PDF LibreOffice wrote (its page objects are not compressed)."""
    return len(_PAGE.findall(pdf.read_bytes()))


def _imprint_paragraph(body: Any) -> Any:
    """The last paragraph of ``body`` holding the 版记 text box, or None."""
    from docx.oxml.ns import qn

    found = None
    for p in body.iter(qn("w:p")):
        if p.getparent() is body and any(d.get("name") == IMPRINT_NAME for d in p.iter(_DOC_PR)):
            found = p
    return found


def imprint_on_next_page(docx: Path) -> bool:
    """Whether the 版记 of ``docx`` stands in a paragraph that begins a page (set by
    ``move_imprint_to_next_page``)."""
    from docx import Document
    from docx.oxml.ns import qn

    p = _imprint_paragraph(Document(str(docx)).element.body)
    return p is not None and p.find(qn("w:pPr") + "/" + qn("w:pageBreakBefore")) is not None


def move_imprint_to_next_page(docx: Path) -> bool:
    """Move the 版记 text box of ``docx`` into a new last paragraph beginning a new page;
    False (nothing changed) when the document has no 版记 or it begins a page already."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from ledger_tools.documents import docformat as f

    document = Document(str(docx))
    body = document.element.body
    anchor = _imprint_paragraph(body)
    if anchor is None:
        return False
    ppr = anchor.find(qn("w:pPr"))
    if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
        return False
    paragraph = OxmlElement("w:p")
    if ppr is not None:  # the style, line height and grid of the blank line it was in
        paragraph.append(_copy(ppr))
    new_ppr = paragraph.get_or_add_pPr()
    for tag in ("keepNext", "keepLines"):
        for old in new_ppr.findall(qn(f"w:{tag}")):
            new_ppr.remove(old)
    f.child(new_ppr, "pageBreakBefore")
    for run in [r for r in anchor.findall(qn("w:r")) if any(True for _ in r.iter(_DOC_PR))]:
        anchor.remove(run)
        paragraph.append(run)
    anchor.addnext(paragraph)
    folder = docx.parent
    fd, name = tempfile.mkstemp(prefix=".版记-", suffix=".docx", dir=folder)
    os.close(fd)
    try:
        document.save(name)
        os.replace(name, docx)
    finally:
        if os.path.exists(name):
            os.remove(name)
    return True


def _copy(element: Any) -> Any:
    import copy

    return copy.deepcopy(element)


def even_imprint_note(docx: Path) -> str | None:
    """What the command says when the 版记 of ``docx`` was moved to an even page."""
    pdf = docx.with_suffix(".pdf")
    if not (pdf.is_file() and imprint_on_next_page(docx)):
        return None
    return (
        f"提示：正文和落款在第 {pdf_pages(pdf) - 1} 页（奇数页）结束，版记已移到第 {pdf_pages(pdf)} 页"
        "（偶数页，双面印刷时在最后一张纸的背面）；Word 文档中也在版记前加了分页。"
        "Word/WPS 的分页可能与 PDF 差一两行，打印 Word 文档前请核对版记是否在偶数页。"
    )
