"""GB/T 9704-2012 《党政机关公文格式》 for python-docx documents.

Reusable helpers that turn a blank python-docx ``Document`` into a 公文: A4 page with the
standard margins and a 22-line grid, named paragraph styles whose Chinese fonts are set through
``w:eastAsia`` (python-docx's ``font.name`` only sets the Latin font), odd/even page-number
footers "— N —", the signature block, a landscape section for wide attachments and bordered
tables with a repeated header row.

The built-in templates (``scripts/build_doc_templates.py``) are made with these helpers, and
so can any later document (督办通知, 销号审批表 …). Every measure lives in a module constant
so a reviewer can compare it with the standard.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, Twips
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from ledger_tools.output import reproducible_zip

# ---------------------------------------------------------------------------------------------
# Page (GB/T 9704-2012 §5.2): A4, 版心 156 × 225 mm.
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 37
MARGIN_BOTTOM_MM = 35
MARGIN_LEFT_MM = 28
MARGIN_RIGHT_MM = 26
# Landscape attachment pages (GB/T 9704 §10): the sheet is the portrait sheet turned a quarter
# so that the table's head lies along the portrait left edge (the binding edge of odd pages,
# the outer edge of even ones). Landscape top = portrait left (28 mm), bottom = portrait right
# (26 mm), left = portrait bottom (35 mm), right = portrait top (37 mm): the 版心 is the same
# 156 × 225 mm, turned, and the page number stays where it is on portrait pages.
LANDSCAPE_MARGINS_MM = {"top": 28, "bottom": 26, "left": 35, "right": 37}

# 22 lines of 28 characters: an exact 28.95 pt line (579 twips) and a matching document grid.
LINE_PITCH_TWIPS = 579
CHARS_PER_LINE = 28
# "lines" snaps lines only. "linesAndChars" with w:charSpace="-849" is how Word squeezes 3号
# characters to 28 a line, but LibreOffice (7.4) puts every 16 pt character into two 15.8 pt
# grid cells of such a grid (14 characters a line). So the grid snaps lines, and the 28
# characters come from a character spacing every reader applies alike:
GRID_TYPE = "lines"
# 28 × 16 pt = 448 pt does not fit the 156 mm (442.2 pt) 版心, so lines held 27 characters.
# Condensing by 0.25 pt (5 twips, Word's 字符间距“紧缩 0.25 磅”) gives 28 × 15.75 = 441 pt:
# exactly 28 full-width characters, in Word, WPS and LibreOffice.
CHAR_SPACING_TWIPS = -5
# Punctuation at a full line end: Word lets "。，、" hang into the margin (w:overflowPunct, on by
# default). LibreOffice's DOCX import reads the flag inverted (hanging = val == "0") and hangs
# by default, and then does not draw the hanging mark in justified text: a "。" at the end of a
# full line was missing from the PDF. Writing w:overflowPunct="1" — Word's own default, so
# Word is unchanged — turns hanging off in LibreOffice, which then moves the last character
# down with the mark (禁则), as WPS does; nothing is lost.
OVERFLOW_PUNCT = "1"
# A heading whose last line would hold one or two characters ("……决策部署方" / "面") is set
# 1.5 pt tighter instead, so those characters move up (GB/T 9704 §7.3.5 allows 调整字距 to keep
# text together). The templates choose the tighter paragraph by the heading's length.
TIGHT_SPACING_TWIPS = -30

# Fonts (GB/T 9704-2012 §7.3, §7.4) and sizes in points (2号 22, 3号 16, 4号 14).
FONT_LATIN = "Times New Roman"
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEI = "黑体"
FONT_KAI = "楷体_GB2312"
FONT_SONG = "宋体"
SIZE_TITLE = 22
SIZE_BODY = 16
SIZE_PAGE_NUMBER = 14
SIZE_TABLE = 12  # tables: 10.5–12 pt

# House style: bold level-2/3 headings (off by default, see docs/公文格式.md) and bold leads
# ("（一）提高思想认识。…" at the start of a paragraph, on by default).
BOLD_HEADINGS = False
BOLD_LEADS = True

# Page numbers: 4号 宋体 "— 1 —", odd pages right, even pages left, one character in from the
# edge of the 版心, the top of the number line 7 mm below the 版心. Word measures the footer
# distance from the page edge to the *bottom* of the footer, so subtract the line height.
PAGE_NUMBER_GAP_MM = 7
PAGE_NUMBER_LINE_PT = 18  # exact line height of the footer paragraph
PAGE_NUMBER_INDENT_TWIPS = SIZE_PAGE_NUMBER * 20  # one 4号 character
EM_DASH = "\u2014"

# 落款 (GB/T 9704 §7.3.5). Sealed (加盖印章, the default): 成文日期 右空四字, the 发文机关署名
# centred over the date; two blank lines above, so that a 42 mm seal pressing on both lies
# within one line of the text above (§7.3.5.1). Unsealed (不加盖印章): one blank line, the
# 署名 右空二字, the date's first character two characters right of the 署名's (§7.3.5.2).
SIGNATURE_RIGHT_CHARS = 4
UNSEALED_RIGHT_CHARS = 2
SEALED_BLANK_LINES = 2
UNSEALED_BLANK_LINES = 1
# Width of a typical 成文日期 "2024年5月10日" in body characters: three full-width characters,
# seven half-width digits and the small gaps Word and LibreOffice put between Chinese and
# digits (w:autoSpaceDN), measured 7.4 characters. The 署名 is centred on it; one digit more
# or less moves it by a quarter of a character.
DATE_WIDTH_CHARS = 7.5


def footer_distance_mm(bottom_margin_mm: float) -> float:
    """Footer distance that puts the page number's line ``PAGE_NUMBER_GAP_MM`` below the 版心."""
    line_mm = PAGE_NUMBER_LINE_PT * 25.4 / 72
    return round(bottom_margin_mm - PAGE_NUMBER_GAP_MM - line_mm, 1)


# ---------------------------------------------------------------------------------------------
# Paragraph styles users see in Word's style gallery.


@dataclass(frozen=True)
class StyleSpec:
    name: str  # shown in Word (Chinese)
    style_id: str  # ASCII id in styles.xml (Word itself uses ASCII ids for Chinese names)
    east_asia: str
    size: float  # pt
    latin: str = FONT_LATIN
    bold: bool = False
    align: str = "both"  # both | center | left | right
    first_line_chars: int = 200  # hundredths of a character
    right_chars: int = 0
    left_chars: int = 0
    outline_level: int | None = None  # 0 = level 1 in Word's navigation pane
    keep_next: bool = False
    line_twips: int | None = LINE_PITCH_TWIPS  # exact line height; None = single
    snap_to_grid: bool = True


STYLE_TITLE = "公文标题"
STYLE_BODY = "公文正文"
STYLE_H1 = "一级标题"
STYLE_H2 = "二级标题"
STYLE_H3 = "三级标题"
STYLE_H4 = "四级标题"
STYLE_SIGNATURE = "落款"
STYLE_ADDRESSEE = "主送机关"
STYLE_DATE = "成文日期"
STYLE_ATTACHMENT_MARK = "附件标记"
STYLE_TABLE = "表格文字"
STYLE_PAGE_NUMBER = "页码"


def sealed_signature_right_chars(date_chars: float = DATE_WIDTH_CHARS) -> float:
    """Right indent (in characters, negative) of a centred 署名 whose centre is the centre of
    a right-aligned date ``date_chars`` wide with a right indent of four characters: the box
    [0, 28 − r] has its centre at 28 − 4 − date/2, so r = 8 + date − 28."""
    return 2 * SIGNATURE_RIGHT_CHARS + date_chars - CHARS_PER_LINE


# A 署名 longer than this, centred on the date, would run past the right edge of the 版心:
# then it is right-aligned with the date's right edge instead (the template chooses).
SEALED_CENTRED_MAX_CHARS = int(2 * (SIGNATURE_RIGHT_CHARS + DATE_WIDTH_CHARS / 2))


def style_specs(bold_headings: bool = BOLD_HEADINGS) -> dict[str, StyleSpec]:
    """All named styles, by name. ``bold_headings`` makes level-2 and level-3 headings bold."""
    specs = [
        StyleSpec(
            STYLE_TITLE,
            "GongwenTitle",
            FONT_TITLE,
            SIZE_TITLE,
            align="center",
            first_line_chars=0,
            outline_level=None,
            keep_next=True,
            # A 2号 line is taller than the grid pitch; LibreOffice would then give it two
            # grid lines. Off the grid, every reader keeps the exact 28.95 pt.
            snap_to_grid=False,
        ),
        StyleSpec(STYLE_BODY, "GongwenBody", FONT_BODY, SIZE_BODY),
        StyleSpec(
            STYLE_H1, "GongwenHeading1", FONT_HEI, SIZE_BODY, outline_level=0, keep_next=True
        ),
        StyleSpec(
            STYLE_H2,
            "GongwenHeading2",
            FONT_KAI,
            SIZE_BODY,
            bold=bold_headings,
            outline_level=1,
            keep_next=True,
        ),
        StyleSpec(
            STYLE_H3,
            "GongwenHeading3",
            FONT_BODY,
            SIZE_BODY,
            bold=bold_headings,
            outline_level=2,
            keep_next=True,
        ),
        # Level 4 "（1）…" carries whole measures, so it is body text with a name, not an outline level.
        StyleSpec(STYLE_H4, "GongwenHeading4", FONT_BODY, SIZE_BODY),
        # Centred on the date: the paragraph's box runs from the left margin to a point as far
        # right of the date's centre, past the page edge (a negative right indent).
        StyleSpec(
            STYLE_SIGNATURE,
            "GongwenSignature",
            FONT_BODY,
            SIZE_BODY,
            align="center",
            first_line_chars=0,
            right_chars=round(sealed_signature_right_chars() * 100),
            keep_next=True,
        ),
        StyleSpec(
            STYLE_ADDRESSEE,
            "GongwenAddressee",
            FONT_BODY,
            SIZE_BODY,
            align="left",
            first_line_chars=0,
            keep_next=True,
        ),
        StyleSpec(
            STYLE_DATE,
            "GongwenDate",
            FONT_BODY,
            SIZE_BODY,
            align="right",
            first_line_chars=0,
            right_chars=SIGNATURE_RIGHT_CHARS * 100,
        ),
        StyleSpec(
            STYLE_ATTACHMENT_MARK,
            "GongwenAttachmentMark",
            FONT_HEI,
            SIZE_BODY,
            align="left",
            first_line_chars=0,
            keep_next=True,
        ),
        StyleSpec(
            STYLE_TABLE,
            "GongwenTableText",
            FONT_BODY,
            SIZE_TABLE,
            align="left",
            first_line_chars=0,
            line_twips=TABLE_LINE_TWIPS,
            snap_to_grid=False,
        ),
        StyleSpec(
            STYLE_PAGE_NUMBER,
            "GongwenPageNumber",
            FONT_SONG,
            SIZE_PAGE_NUMBER,
            latin=FONT_SONG,  # GB/T: 半角宋体阿拉伯数码
            align="right",
            first_line_chars=0,
            line_twips=PAGE_NUMBER_LINE_PT * 20,
            snap_to_grid=False,
        ),
    ]
    return {s.name: s for s in specs}


# ---------------------------------------------------------------------------------------------
# Low-level XML: get-or-create children in schema order (Word rejects out-of-order elements).

_PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()
_RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
_SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
).split()
_TCPR_ORDER = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark"
).split()
_TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook"
).split()
_TRPR_ORDER = (
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden ins del trPrChange"
).split()
_ORDERS = {
    "trPr": _TRPR_ORDER,
    "pPr": _PPR_ORDER,
    "rPr": _RPR_ORDER,
    "sectPr": _SECTPR_ORDER,
    "tcPr": _TCPR_ORDER,
    "tblPr": _TBLPR_ORDER,
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def child(parent: Any, name: str) -> Any:
    """The ``w:name`` child of ``parent``, created in schema order if missing. (An lxml
    element: ``Any``, as lxml is to mypy here, see pyproject.toml.)"""
    found = parent.find(qn(f"w:{name}"))
    if found is not None:
        return found
    el = OxmlElement(f"w:{name}")
    order = _ORDERS.get(_local(parent.tag))
    if order and name in order:
        later = set(order[order.index(name) + 1 :])
        for i, sib in enumerate(parent):
            if _local(sib.tag) in later:
                parent.insert(i, el)
                return el
    parent.append(el)
    return el


def _set_attrs(el: object, **attrs: object) -> None:
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))  # type: ignore[attr-defined]


def set_fonts(rpr: object, east_asia: str, latin: str = FONT_LATIN) -> None:
    """Name the fonts of a run/style ``w:rPr``: Chinese through ``w:eastAsia``, Latin and digits
    through ``w:ascii``/``w:hAnsi``. Theme-font attributes would win over them, so drop those."""
    fonts = child(rpr, "rFonts")
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    _set_attrs(fonts, ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin)


def _set_size(rpr: object, size_pt: float) -> None:
    half_points = str(round(size_pt * 2))
    _set_attrs(child(rpr, "sz"), val=half_points)
    _set_attrs(child(rpr, "szCs"), val=half_points)


def _set_bold(rpr: object, bold: bool) -> None:
    for name in ("b", "bCs"):
        _set_attrs(child(rpr, name), val="1" if bold else "0")


# ---------------------------------------------------------------------------------------------
# Document set-up.


def new_document(*, bold_headings: bool = BOLD_HEADINGS) -> DocxDocument:
    """A blank A4 公文: page, grid, defaults, named styles and page-number footers."""
    doc = Document()
    _set_defaults(doc)
    add_styles(doc, bold_headings=bold_headings)
    section = doc.sections[0]
    setup_page(section)
    add_page_number_footers(doc, section)
    _settings(doc)
    add_font_table_entries(doc)
    # python-docx's template starts with one empty paragraph; start from nothing.
    for p in list(doc.paragraphs):
        p._element.getparent().remove(p._element)
    return doc


def _set_defaults(doc: DocxDocument) -> None:
    """Document defaults: 3号 仿宋_GB2312 / Times New Roman, Chinese language, no spacing."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, FONT_BODY)
    _set_size(rpr, SIZE_BODY)
    _set_attrs(child(rpr, "lang"), val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set_attrs(child(ppr, "spacing"), before=0, after=0, line=240, lineRule="auto")
    normal = doc.styles["Normal"]
    rpr = normal.element.get_or_add_rPr()
    set_fonts(rpr, FONT_BODY)
    _set_size(rpr, SIZE_BODY)
    _set_attrs(child(rpr, "spacing"), val=CHAR_SPACING_TWIPS)
    npr = normal.element.get_or_add_pPr()
    # Widow/orphan control moves single lines and breaks the 22-line page; 公文 fill every page
    # (GB/T 9704 §5.2.2: 22 lines a page), so it is off and only headings keep with the text.
    _set_attrs(child(npr, "widowControl"), val="0")
    # Chinese line breaking (禁则: no "。" at a line start) and the punctuation rule above.
    _set_attrs(child(npr, "kinsoku"), val="1")
    _set_attrs(child(npr, "overflowPunct"), val=OVERFLOW_PUNCT)


# fontTable entries for the standard Chinese fonts. Windows 10/11 ships 仿宋 and 楷体 but not
# the *_GB2312 variants; ``w:altName`` tells Word/WPS what to use instead, and the GB2312
# charset (86) and family keep other substitutes Chinese and serif/sans as intended.
# name: (altName, panose1, family, pitch)
CHINESE_FONTS = {
    FONT_BODY: ("仿宋", "02010609030101010101", "modern", "fixed"),
    FONT_KAI: ("楷体", "02010609030101010101", "modern", "fixed"),
    FONT_HEI: ("SimHei", "02010609060101010101", "modern", "fixed"),
    FONT_SONG: ("SimSun", "02010600030101010101", "auto", "variable"),
    FONT_TITLE: ("宋体", "02000000000000000000", "auto", "variable"),
}


def add_font_table_entries(doc: DocxDocument) -> None:
    """Declare the Chinese fonts in ``word/fontTable.xml`` (python-docx has no API for it)."""
    from lxml import etree

    part = next(p for p in doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    root = etree.fromstring(part.blob)
    # python-docx's template lists Japanese fonts; they are unused here and only confuse
    # font substitution, so drop them.
    for font in root.findall(qn("w:font")):
        if (
            font.find(qn("w:charset")) is not None
            and font.find(qn("w:charset")).get(qn("w:val")) == "80"
        ):
            root.remove(font)
    for name, (alt, panose, family, pitch) in CHINESE_FONTS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        for tag, val in (
            ("altName", alt),
            ("panose1", panose),
            ("charset", "86"),
            ("family", family),
            ("pitch", pitch),
        ):
            etree.SubElement(font, qn(f"w:{tag}")).set(qn("w:val"), val)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _settings(doc: DocxDocument) -> None:
    settings = doc.settings
    settings.odd_and_even_pages_header_footer = True  # w:evenAndOddHeaders
    lang = settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        _set_attrs(lang, val="en-US", eastAsia="zh-CN")
    # A line ended by a line break (``tabletext.even_lines`` gives a table cell its lines, so
    # that no stub of one to three characters is left at its foot) is not spread out to the
    # full width in a justified paragraph: Word's "不扩展以 Shift+Enter 结尾的行中的字符间距",
    # read by LibreOffice as well. Before the first element of w:compat (schema order).
    compat = settings.element.find(qn("w:compat"))
    if compat is not None and compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def add_styles(doc: DocxDocument, *, bold_headings: bool = BOLD_HEADINGS) -> None:
    """Create the named paragraph styles of :func:`style_specs`."""
    for spec in style_specs(bold_headings).values():
        _add_style(doc, spec)
    body = doc.styles[STYLE_BODY]
    for name in (STYLE_TITLE, STYLE_BODY, STYLE_H1, STYLE_H2, STYLE_H3, STYLE_H4):
        doc.styles[name].next_paragraph_style = body  # pressing Enter continues in body text
    # A table row tall enough to split across pages (``add_table_row(may_split=True)``) leaves
    # at least two lines of a cell on each page, never one line under a 方面 row at a page
    # foot; tables have no 22-line grid to keep.
    table_ppr = doc.styles[STYLE_TABLE].element.get_or_add_pPr()
    _set_attrs(child(table_ppr, "widowControl"), val="1")


def _add_style(doc: DocxDocument, spec: StyleSpec) -> None:
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.base_style = doc.styles["Normal"]
    style.quick_style = True  # show in the style gallery
    style.priority = 1
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, spec.east_asia, spec.latin)
    _set_bold(rpr, spec.bold)
    _set_size(rpr, spec.size)
    pf = style.paragraph_format
    pf.alignment = {
        "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[spec.align]
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if spec.line_twips:
        pf.line_spacing = Twips(spec.line_twips)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.keep_with_next = spec.keep_next or None
    ppr = style.element.get_or_add_pPr()
    _set_indent(ppr, spec)
    if not spec.snap_to_grid:
        _set_attrs(child(ppr, "snapToGrid"), val="0")
    if spec.outline_level is not None:
        _set_attrs(child(ppr, "outlineLvl"), val=spec.outline_level)


def _set_indent(ppr: object, spec: StyleSpec) -> None:
    """Indents in characters (``w:*Chars``, what Word shows as “字符”) with a twips fallback
    for readers that ignore the character units."""
    ind = child(ppr, "ind")
    char_twips = round(spec.size * 20) + CHAR_SPACING_TWIPS
    _set_attrs(
        ind,
        firstLineChars=spec.first_line_chars,
        firstLine=spec.first_line_chars * char_twips // 100,
    )
    if spec.right_chars:
        _set_attrs(ind, rightChars=spec.right_chars, right=spec.right_chars * char_twips // 100)
    if spec.left_chars:
        _set_attrs(ind, leftChars=spec.left_chars, left=spec.left_chars * char_twips // 100)


def setup_page(section: Section, *, landscape: bool = False) -> None:
    """A4 with the GB/T 9704 margins, the 579-twip line grid and the page-number footer distance."""
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(PAGE_HEIGHT_MM), Mm(PAGE_WIDTH_MM)
        m = LANDSCAPE_MARGINS_MM
        top, bottom, left, right = m["top"], m["bottom"], m["left"], m["right"]
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
        top, bottom, left, right = MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(footer_distance_mm(bottom))
    section.gutter = Mm(0)
    set_doc_grid(section)


def set_doc_grid(section: Section, line_pitch: int = LINE_PITCH_TWIPS) -> None:
    grid = child(section._sectPr, "docGrid")
    grid.attrib.clear()
    _set_attrs(grid, type=GRID_TYPE, linePitch=line_pitch)


def add_page_number_footers(doc: DocxDocument, section: Section) -> None:
    """Odd pages "— N —" on the right, even pages on the left (needs ``w:evenAndOddHeaders``)."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number_paragraph(section.footer.paragraphs[0], "right")
    _page_number_paragraph(section.even_page_footer.paragraphs[0], "left")


def _page_number_paragraph(p: Paragraph, side: str, *, indent: bool = True) -> None:
    """ "— N —": 单页码居右空一字, 双页码居左空一字 (GB/T 9704 §7.5); ``indent=False`` inside a
    text box that is already placed one character in."""
    ppr = p._p.get_or_add_pPr()
    _set_attrs(child(ppr, "pStyle"), val=style_specs()[STYLE_PAGE_NUMBER].style_id)
    _set_attrs(child(ppr, "jc"), val=side)
    ind = child(ppr, "ind")
    _set_attrs(ind, firstLine=0)
    if indent:
        _set_attrs(ind, **{side: PAGE_NUMBER_INDENT_TWIPS})
    spec = style_specs()[STYLE_PAGE_NUMBER]
    add_text_run(p, EM_DASH + " ", spec.east_asia, latin=spec.latin)
    add_field(p, "PAGE", "1", spec.east_asia, latin=spec.latin)
    add_text_run(p, " " + EM_DASH, spec.east_asia, latin=spec.latin)


def add_field(p: Paragraph, instruction: str, shown: str, east_asia: str, latin: str) -> None:
    """A complex field (begin / instruction / separate / result / end), e.g. ``PAGE``."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = p.add_run()
        set_fonts(run._r.get_or_add_rPr(), east_asia, latin)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        else:
            fld = OxmlElement("w:fldChar")
            _set_attrs(fld, fldCharType=kind)
            run._r.append(fld)
    add_text_run(p, shown, east_asia, latin=latin)
    run = p.add_run()
    set_fonts(run._r.get_or_add_rPr(), east_asia, latin)
    fld = OxmlElement("w:fldChar")
    _set_attrs(fld, fldCharType="end")
    run._r.append(fld)


# ---------------------------------------------------------------------------------------------
# Paragraphs and runs.


@dataclass(frozen=True)
class Text:
    """One run of a paragraph: its text, and optionally bold and a different Chinese font."""

    text: str
    bold: bool | None = None
    east_asia: str | None = None


def add_text_run(
    p: Paragraph, text: str, east_asia: str, *, latin: str = FONT_LATIN, bold: bool | None = None
) -> object:
    """Append one run with its fonts named explicitly (every run carries ``w:eastAsia``)."""
    run = p.add_run(text)
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr, east_asia, latin)
    if bold is not None:
        _set_bold(rpr, bold)
    return run


def add_paragraph(
    container: object, style: str, *parts: str | Text, align: str | None = None
) -> Paragraph:
    """Append a paragraph in named ``style`` to a document or table cell, one run per part.

    Each part becomes exactly one run, so a Jinja tag written inside a part can never be split
    across runs (docxtpl needs each tag whole).
    """
    spec = style_specs()[style]
    p = container.add_paragraph(style=style)  # type: ignore[attr-defined]
    _fill(p, spec, parts)
    if align:
        p.alignment = _ALIGN[align]
    return p


_ALIGN = {
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _fill(p: Paragraph, spec: StyleSpec, parts: Iterable[str | Text]) -> None:
    for part in parts:
        t = part if isinstance(part, Text) else Text(part)
        add_text_run(p, t.text, t.east_asia or spec.east_asia, latin=spec.latin, bold=t.bold)


def widow_free_heading(container: object, style: str, text: str, length: str) -> None:
    """A heading paragraph ``text`` that never leaves one or two characters alone on its last
    line: ``{%p if %}`` chooses between the normal paragraph and one set
    ``TIGHT_SPACING_TWIPS`` tighter, by ``length`` (a Jinja expression for the number of
    characters). The first line holds 26 characters (2 indented), the others 28."""
    first = CHARS_PER_LINE - 2
    # The remainder without "%" (docxtpl does not see a {%p %} tag holding one) and without
    # "<"/">" (escaped in the XML); a length below the first line never gives 1 or 2 here.
    over = f"({length} - {first})"
    short_last = f"{over} - {over} // {CHARS_PER_LINE} * {CHARS_PER_LINE} in [1, 2]"
    add_paragraph(container, STYLE_BODY, "{%p if " + short_last + " %}")
    tight = add_paragraph(container, style, text)
    for run in tight.runs:
        _set_attrs(child(run._r.get_or_add_rPr(), "spacing"), val=TIGHT_SPACING_TWIPS)
    add_paragraph(container, STYLE_BODY, "{%p else %}")
    add_paragraph(container, style, text)
    add_paragraph(container, STYLE_BODY, "{%p endif %}")


def add_blank(container: object, style: str = STYLE_BODY) -> Paragraph:
    """An empty line of the grid (e.g. after the title, before the signature)."""
    return container.add_paragraph(style=style)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# Sections.


def start_landscape_section(
    doc: DocxDocument, carriers: Sequence[Paragraph] | None = None
) -> Section:
    """End the current section and start a landscape one on a new page.

    python-docx's ``add_section`` would add an empty paragraph to carry the old section's
    properties, which can spill onto a page of its own; here the last paragraph carries them,
    or each of ``carriers``: the last paragraphs of the branches of a ``{%p if %}`` of which
    exactly one survives rendering (a ``{%p …%}`` paragraph itself is removed by docxtpl, and
    the section break with it). The new section gets its own footers: the page number turned a
    quarter at the place it has on portrait pages (GB/T 9704 §10, see
    :func:`add_landscape_page_numbers`).
    """
    body = doc.element.body
    old = body.find(qn("w:sectPr"))
    for p in carriers or [Paragraph(body.findall(qn("w:p"))[-1], doc)]:
        p._p.get_or_add_pPr()._insert_sectPr(copy.deepcopy(old))
    section = doc.sections[-1]
    sect = section._sectPr
    for ref in sect.findall(qn("w:headerReference")) + sect.findall(qn("w:footerReference")):
        sect.remove(ref)
    _set_attrs(child(sect, "type"), val="nextPage")
    setup_page(section, landscape=True)
    add_landscape_page_numbers(section)
    return section


# The page number of a landscape page, in landscape page coordinates (mm from the top-left
# corner). Portrait bottom = landscape left: the number's line lies 7 mm outside the 版心's
# landscape left edge (35 mm), i.e. between 35 − 7 − line and 35 − 7 mm from the left. Along
# the portrait width (= landscape top to bottom) it keeps its portrait place: odd pages end one
# character before the portrait right edge of the 版心 (28 + 156 mm), even pages start one
# character after its left edge (28 mm).
_PN_BOX_LENGTH_MM = 50.0


def _landscape_page_number_box(odd: bool) -> tuple[float, float, float, float]:
    """(x, y, width, height) in mm of the text box holding the turned page number."""
    line_mm = PAGE_NUMBER_LINE_PT * 25.4 / 72
    char_mm = PAGE_NUMBER_INDENT_TWIPS / 20 * 25.4 / 72
    x = LANDSCAPE_MARGINS_MM["left"] - PAGE_NUMBER_GAP_MM - line_mm
    top = LANDSCAPE_MARGINS_MM["top"]
    if odd:
        y = top + (PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) - char_mm - _PN_BOX_LENGTH_MM
    else:
        y = top + char_mm
    return x, y, line_mm, _PN_BOX_LENGTH_MM


def add_landscape_page_numbers(section: Section) -> None:
    """Odd and even footers of a landscape section whose page number is a text box turned a
    quarter (reading top to bottom), so that on the bound, portrait-held sheet it stands where
    the numbers of portrait pages stand: odd pages lower right, even pages lower left."""
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        p = footer.paragraphs[0]
        p.style = STYLE_PAGE_NUMBER
        run = p.add_run()
        run._r.append(_page_number_text_box(odd))


_EMU_PER_MM = 36000
_NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def _text_box_drawing(
    box_id: int,
    name: str,
    size: tuple[int, int],
    *,
    position: str,
    text: tuple[str, str],
    height: int,
) -> Any:
    """A ``w:drawing`` anchored where ``position`` (``wp:positionH``/``wp:positionV``) says:
    a borderless, unfilled text box of ``size`` (EMU), not wrapping the text around it, with an
    empty ``w:txbxContent`` to fill; ``text``: the text's direction and anchor (``wps:bodyPr``);
    ``height``: its ``relativeHeight`` (z-order)."""
    from lxml import etree

    w, h = size
    vert, anchor = text
    return etree.fromstring(f"""<w:drawing xmlns:w="{_NS_W}" xmlns:wp="{_NS_WP}"
 xmlns:a="{_NS_A}" xmlns:wps="{_NS_WPS}">
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{height}"
 behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/>
{position}
<wp:extent cx="{w}" cy="{h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{box_id}" name="{name}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="{_NS_WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>
<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent/></wps:txbx>
<wps:bodyPr rot="0" vert="{vert}" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="{anchor}"
 anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>
</w:drawing>""")


def _as_alternate_content(drawing: object) -> object:
    """``drawing`` wrapped in ``mc:AlternateContent``/``mc:Choice Requires="wps"``, as Word
    and WPS write text boxes."""
    from lxml import etree

    wrapper = etree.fromstring(
        f'<mc:AlternateContent xmlns:mc="{_NS_MC}" xmlns:wps="{_NS_WPS}">'
        '<mc:Choice Requires="wps"/></mc:AlternateContent>'
    )
    wrapper[0].append(drawing)
    return wrapper


def _page_number_text_box(odd: bool) -> object:
    """A ``w:drawing`` anchored to the page: a borderless text box with vertical text
    (``vert="vert"``: turned 90° clockwise) holding "— PAGE —". Wrapped in
    ``mc:AlternateContent``/``mc:Choice Requires="wps"`` as Word and WPS write text boxes."""

    x, y, w, h = (round(v * _EMU_PER_MM) for v in _landscape_page_number_box(odd))
    box_id = 9001 if odd else 9002
    drawing = _text_box_drawing(
        box_id,
        f"页码{'单' if odd else '双'}",
        (w, h),
        position=(
            f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>\n'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        ),
        text=("vert", "ctr"),
        height=251659264,
    )
    content = drawing.find(".//" + qn("w:txbxContent"))
    p = OxmlElement("w:p")
    content.append(p)
    # (no story part: the box's paragraph is only formatted, nothing asks for its part)
    para = Paragraph(p, None)  # type: ignore[arg-type]
    _page_number_paragraph(para, "right" if odd else "left", indent=False)
    return _as_alternate_content(drawing)


# ---------------------------------------------------------------------------------------------
# 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 at the foot of the last page, between a
# thick first and last line (0.35 mm) and a thin one between them (0.25 mm), as wide as the
# 版心; 4号仿宋, one character in from either end. It is a borderless text box anchored to the
# last paragraph and aligned with the bottom of the 版心 (``wrapNone``): the blank lines kept
# with the 落款 before that paragraph (``imprint_paragraphs`` in scripts/build_doc_templates.py)
# leave it room, so it never covers the 落款 and goes with it to the next page. A section that
# starts on an even page, a bottom-aligned section and a floating table were tried before and
# LibreOffice placed them wrongly or dropped them (docs/公文格式.md §12).

SIZE_IMPRINT = 14  # 4号
IMPRINT_THICK = 8  # eighths of a point: 1 pt ≈ 0.35 mm
IMPRINT_THIN = 6  # 0.75 pt ≈ 0.26 mm
IMPRINT_BOX_LINES = 6  # the text box's height in lines: up to five lines of 抄送 and 印发


def _imprint_paragraph(content: object, text: str, top: int, bottom: int, tab: bool) -> None:
    """One paragraph of the 版记: no indent (its lines span the 版心), exact line height of the
    grid, 4号 仿宋 without the body's condensed spacing; ``tab``: a right tab one character
    before the right end (印发日期 右空一字)."""
    width = round((PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) / 25.4 * 1440)
    p = OxmlElement("w:p")
    content.append(p)  # type: ignore[attr-defined]
    ppr = OxmlElement("w:pPr")
    p.append(ppr)
    borders = OxmlElement("w:pBdr")
    for side, size in (("top", top), ("bottom", bottom)):
        if size:
            line = OxmlElement(f"w:{side}")
            _set_attrs(line, val="single", sz=size, space=1, color="000000")
            borders.append(line)
    ppr.append(borders)
    if tab:
        stop = OxmlElement("w:tab")
        _set_attrs(stop, val="right", pos=width - SIZE_IMPRINT * 20)
        tabs = OxmlElement("w:tabs")
        tabs.append(stop)
        ppr.append(tabs)
    _set_attrs(child(ppr, "spacing"), before=0, after=0, line=LINE_PITCH_TWIPS, lineRule="exact")
    _set_attrs(child(ppr, "ind"), left=0, right=0, firstLine=0)
    _set_attrs(child(ppr, "jc"), val="left")
    parts = text.split("\t")
    for i, part in enumerate(parts):
        run = OxmlElement("w:r")
        p.append(run)
        rpr = OxmlElement("w:rPr")
        run.append(rpr)
        set_fonts(rpr, FONT_BODY)
        _set_attrs(child(rpr, "spacing"), val=0)
        _set_size(rpr, SIZE_IMPRINT)
        if i:
            run.append(OxmlElement("w:tab"))
        t = OxmlElement("w:t")
        t.text = part
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)


def imprint_box(copies: str | None, issued: str) -> object:
    """The 版记 as a ``w:drawing`` (in ``mc:AlternateContent``) to put in a run of the last
    paragraph: a text box as wide as the 版心, aligned with its bottom, its text at the box's
    foot. ``copies``: the 抄送 paragraph's text (None: no 抄送, the 印发 line alone between two
    thick lines); ``issued``: the 印发 line, 印发机关 and 印发日期 separated by a tab."""

    w = round((PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) * _EMU_PER_MM)
    h = round(IMPRINT_BOX_LINES * LINE_PITCH_TWIPS * 635)  # 635 EMU a twip
    box_id = 9011 if copies is not None else 9012
    drawing = _text_box_drawing(
        box_id,
        "版记",
        (w, h),
        position=(
            '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>\n'
            '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        ),
        text=("horz", "b"),
        height=251660288,
    )
    content = drawing.find(".//" + qn("w:txbxContent"))
    if copies is not None:
        _imprint_paragraph(content, copies, IMPRINT_THICK, IMPRINT_THIN, tab=False)
        _imprint_paragraph(content, issued, 0, IMPRINT_THICK, tab=True)
    else:
        _imprint_paragraph(content, issued, IMPRINT_THICK, IMPRINT_THICK, tab=True)
    return _as_alternate_content(drawing)


# ---------------------------------------------------------------------------------------------
# Tables.

TABLE_BORDER_SIZE = 4  # eighths of a point: 0.5 pt lines
# Cell padding: 1.5 mm left/right, 0.8 mm top/bottom; with the 16 pt lines of 表格文字 a
# one-line row is 7.3 mm high, a 44-measure table four to five landscape pages.
TABLE_CELL_MARGINS_TWIPS = {"left": 85, "right": 85, "top": 34, "bottom": 34}
TABLE_LINE_TWIPS = 300  # exact 15 pt lines for 12 pt text


def add_table(container: DocxDocument, widths_mm: Sequence[float], header: Sequence[str]) -> Table:
    """A fixed-layout table with full borders and a bold, repeated header row. No row of it
    is split across pages (``w:cantSplit`` on every row, see :func:`add_table_row`)."""
    table = container.add_table(rows=1, cols=len(widths_mm))
    tbl = table._tbl
    tblpr = tbl.tblPr
    total = sum(widths_mm)
    _set_attrs(child(tblpr, "tblW"), w=round(Mm(total).twips), type="dxa")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_attrs(child(tblpr, "tblLayout"), type="fixed")
    borders = child(tblpr, "tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _set_attrs(
            child(borders, edge), val="single", sz=TABLE_BORDER_SIZE, space=0, color="000000"
        )
    margins = child(tblpr, "tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        _set_attrs(child(margins, edge), w=TABLE_CELL_MARGINS_TWIPS[edge], type="dxa")
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        _set_attrs(col, w=round(Mm(width).twips))
    header_row = table.rows[0]
    for cell, text, width in zip(header_row.cells, header, widths_mm, strict=True):
        set_cell_width(cell, width)
        set_cell_text(cell, text, bold=True, align="center", east_asia=FONT_HEI)
        set_cell_valign(cell, "center")
    set_repeat_header(header_row)
    set_cant_split(header_row)
    return table


def add_table_row(
    table: Table,
    texts: Sequence[str],
    aligns: Sequence[str] | None = None,
    valign: str | None = None,
    *,
    may_split: bool = False,
) -> _Row:
    """Append a row with one run per cell (so a tag in a cell stays whole); the row is never
    split across pages unless ``may_split`` (a row too tall to move whole: moved, it leaves
    most of a page empty)."""
    row = table.add_row()
    widths = [col.get(qn("w:w")) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    for i, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
        _set_attrs(child(cell._tc.get_or_add_tcPr(), "tcW"), w=widths[i], type="dxa")
        set_cell_text(cell, text, align=(aligns[i] if aligns else "left"))
        if valign:
            set_cell_valign(cell, valign)
    if not may_split:
        set_cant_split(row)
    return row


def add_spanning_row(table: Table, parts: Sequence[str | Text], *, keep_next: bool = True) -> _Row:
    """A row of one cell across all columns (a group heading such as a 方面), kept on the
    page of the row after it."""
    row = table.add_row()
    cells = row.cells
    merged = cells[0].merge(cells[-1]) if len(cells) > 1 else cells[0]
    for extra in merged.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    p = merged.paragraphs[0]
    p.style = STYLE_TABLE
    spec = style_specs()[STYLE_TABLE]
    _fill(p, spec, parts)
    if keep_next:
        p.paragraph_format.keep_with_next = True
    set_cant_split(row)
    return row


def set_cell_width(cell: _Cell, width_mm: float) -> None:
    _set_attrs(child(cell._tc.get_or_add_tcPr(), "tcW"), w=round(Mm(width_mm).twips), type="dxa")


def set_cell_valign(cell: _Cell, where: str) -> None:
    _set_attrs(child(cell._tc.get_or_add_tcPr(), "vAlign"), val=where)


def set_cell_text(
    cell: _Cell,
    text: str,
    *,
    bold: bool | None = None,
    align: str = "left",
    east_asia: str | None = None,
) -> Paragraph:
    """Put ``text`` as a single run into the cell's (first) paragraph in style 表格文字."""
    p = cell.paragraphs[0]
    p.style = STYLE_TABLE
    p.alignment = _ALIGN[align]
    if text:
        spec = style_specs()[STYLE_TABLE]
        add_text_run(p, text, east_asia or spec.east_asia, latin=spec.latin, bold=bold)
    return p


def set_cell_borders(cell: _Cell, **edges: str) -> None:
    """Per-cell borders, e.g. ``top="nil"`` (no line) or ``bottom="single"``."""
    borders = child(cell._tc.get_or_add_tcPr(), "tcBorders")
    for edge, val in edges.items():
        attrs: dict[str, object] = {"val": val}
        if val != "nil":
            attrs.update(sz=TABLE_BORDER_SIZE, space=0, color="000000")
        _set_attrs(child(borders, edge), **attrs)


def set_repeat_header(row: _Row) -> None:
    """Mark a row as a header row repeated at the top of each page (``w:tblHeader``)."""
    trpr = row._tr.get_or_add_trPr()
    _set_attrs(child(trpr, "tblHeader"), val="1")


def set_cant_split(row: _Row) -> None:
    """Keep a row whole on one page (``w:cantSplit``): no page holding "促整改。" alone."""
    trpr = row._tr.get_or_add_trPr()
    _set_attrs(child(trpr, "cantSplit"), val="1")


# ---------------------------------------------------------------------------------------------
# PDF conversion on machines without the standard fonts.

# Free fonts that look closest to each standard font, best first, after the names Windows uses
# for it. Debian/Ubuntu packages: fonts-arphic-uming (AR PL UMing CN: a light 明体, the closest
# free face to the thin strokes of 仿宋 and to 宋体), fonts-arphic-ukai (AR PL UKai CN: 楷体),
# fonts-wqy-zenhei (文泉驿正黑: 黑体), fonts-noto-cjk-extra (Noto Serif CJK SC Bold: the heavy
# 宋 of 小标宋) and fonts-noto-cjk (Noto Serif/Sans CJK SC, the fallback for every face).
# Only simplified-Chinese faces are named: without them fontconfig picks the first face of
# the Noto CJK collection, the Japanese one (different glyphs for 骨, 直, 今 …).
FONT_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    FONT_BODY: ("仿宋", "FangSong", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC"),
    FONT_KAI: ("楷体", "KaiTi", "AR PL UKai CN", "LXGW WenKai", "Noto Serif CJK SC"),
    FONT_TITLE: ("Noto Serif CJK SC", "Source Han Serif SC", "宋体", "SimSun", "AR PL UMing CN"),
    FONT_SONG: ("SimSun", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC"),
    FONT_HEI: ("SimHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC"),
    FONT_LATIN: ("Liberation Serif", "DejaVu Serif"),
}
# 小标宋 is a heavy 宋: its substitute is asked for in bold (Noto Serif CJK SC Bold), unless
# the real font is installed.
BOLD_SUBSTITUTE = (FONT_TITLE,)
STANDARD_FONTS = (FONT_TITLE, FONT_BODY, FONT_KAI, FONT_HEI, FONT_SONG, FONT_LATIN)


def _fc(*args: str, config: str | None = None) -> str:
    """Run a fontconfig tool (``fc-match``/``fc-list``); "" where fontconfig is missing."""
    import os
    import shutil
    import subprocess
    import tempfile

    if not shutil.which(args[0]):
        return ""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="ledger-tools-fc-") as tmp:
        if config is not None:
            conf = Path(tmp) / "fonts.conf"
            conf.write_text(config, encoding="utf-8")
            env["FONTCONFIG_FILE"] = str(conf)
        try:
            proc = subprocess.run(
                args, capture_output=True, text=True, timeout=30, env=env, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return ""
    return proc.stdout


def installed_families() -> set[str]:
    """Every font family name fontconfig knows (all names of each family), lowercased."""
    out = _fc("fc-list", ":", "family")
    return {name.strip().lower() for line in out.splitlines() for name in line.split(",")}


def fontconfig_substitutes(installed: set[str] | None = None) -> str:
    """A fontconfig file (include the system configuration, then alias each standard font to
    its closest free font). Point ``FONTCONFIG_FILE`` at it when running LibreOffice on Linux,
    otherwise every missing Chinese font falls back to the same sans-serif face.

    ``<accept>`` puts the substitutes *after* the standard font (``<prefer>`` would put them
    before it), so a machine that has 仿宋_GB2312 or 方正小标宋简体 installed still uses them.
    ``installed`` (default: asked from fontconfig) decides whether 小标宋's substitute is asked
    in bold."""
    aliases = "\n".join(
        f'  <alias binding="same"><family>{name}</family><accept>'
        + "".join(f"<family>{sub}</family>" for sub in subs)
        + "</accept></alias>"
        for name, subs in FONT_SUBSTITUTES.items()
    )
    have = installed_families() if installed is None else installed
    bold = "\n".join(
        f'  <match target="pattern"><test name="family"><string>{name}</string></test>'
        '<edit name="weight" mode="assign"><const>bold</const></edit></match>'
        for name in BOLD_SUBSTITUTE
        if name.lower() not in have
    )
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"{aliases}\n{bold}\n</fontconfig>\n"
    )


@dataclass(frozen=True)
class FontSubstitution:
    font: str  # the standard font the document names
    used: str  # the face the PDF gets instead ("" = not known)


def font_substitutions(fonts: Sequence[str] = STANDARD_FONTS) -> list[FontSubstitution]:
    """The standard fonts this machine lacks, each with the face a PDF made here uses instead
    (through :func:`fontconfig_substitutes`). Empty where fontconfig is missing (Windows,
    macOS: LibreOffice substitutes there by its own table, which we cannot ask)."""
    installed = installed_families()
    if not installed:
        return []
    config = fontconfig_substitutes(installed)
    out = []
    for font in fonts:
        if font.lower() in installed:
            continue
        used = _fc(
            "fc-match", "-f", "%{family[0]}|%{style[0]}", f"{font}:lang=zh-cn", config=config
        )
        family, _, style = used.partition("|")
        shown = f"{family} {style}" if style.lower() in ("bold", "black", "heavy") else family
        out.append(FontSubstitution(font, shown.strip()))
    return out


def substitution_note(subs: Sequence[FontSubstitution]) -> str:
    """One line for ``--pdf``: which standard fonts the PDF replaced, or "" when none."""
    if not subs:
        return ""
    pairs = "，".join(f"{s.font}→{s.used or '系统默认字体'}" for s in subs)
    return f"PDF 中替换了本机未安装的标准字体：{pairs}（.docx 仍使用标准字体）。"


# ---------------------------------------------------------------------------------------------
# Reproducible output.

FIXED_TIME = _dt.datetime(2024, 1, 1, 0, 0, 0)


def set_core_properties(doc: DocxDocument, title: str, subject: str = "") -> None:
    """Fixed metadata, so that rebuilding a template changes nothing unless its content does."""
    cp = doc.core_properties
    cp.author = "ledger-tools"
    cp.last_modified_by = "ledger-tools"
    cp.title = title
    cp.subject = subject
    cp.comments = (
        "由 scripts/build_doc_templates.py 生成；可在 Word/WPS 中修改后用 --template 使用。"
    )
    cp.keywords = "整改台账;公文模板;GB/T 9704-2012"
    cp.category = "公文模板"
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    cp.last_printed = FIXED_TIME
    cp.revision = 1


def save_reproducible(doc: DocxDocument, path: str | Path) -> None:
    """Save with fixed zip timestamps: the same code gives byte-identical files."""
    buf = io.BytesIO()
    doc.save(buf)
    Path(path).write_bytes(reproducible_zip(buf.getvalue()))
