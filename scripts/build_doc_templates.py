"""Build the three built-in Word templates in ``doc_templates/`` from python-docx.

    python scripts/build_doc_templates.py            # writes doc_templates/*.docx
    python scripts/build_doc_templates.py --out DIR  # elsewhere (tests use this)
    python scripts/build_doc_templates.py --bold-headings

The templates are docxtpl templates: ``{{ 名称 }}`` prints a context value, ``{%p … %}`` on a
paragraph of its own repeats or hides paragraphs, ``{%tr … %}`` does the same for table rows
and ``{% vm %}`` merges a cell vertically over the iterations of the innermost loop. The
context keys are documented in README “自己改模板” and printed by ``ledger-tools context``.

Every Jinja tag is written inside one run (one ``Text``/string part), so Word never holds a
tag in pieces. The output is byte-stable: fixed metadata and zip timestamps.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ledger_tools.documents import docformat as f  # noqa: E402
from ledger_tools.documents.docformat import Text  # noqa: E402
from ledger_tools.output import atomic_output  # noqa: E402

PLAN = "整改方案.docx"
REPORT = "整改情况报告.docx"
NOTICE = "整改进展情况通报.docx"
DUBAN = "督办通知.docx"


def _lead(number: bool) -> str:
    """The bold lead of a 文稿段落 paragraph, "（一）小标题。" (or "小标题。"), when 小标题 is set.

    The context already ends 小标题 with exactly one "。" (``join_sentences``).
    """
    num = "{{ loop.index|cn_paren_num }}" if number else ""
    return "{% if 段.小标题 %}" + num + "{{ 段.小标题 }}{% endif %}"


def section_paragraphs(
    doc: object,
    key: str,
    *,
    numbered: bool,
    keep_last: bool = False,
    bold_headings: bool = f.BOLD_HEADINGS,
) -> None:
    """The 文稿段落 of one 章节: one paragraph each, bold lead then 内容.

    Numbered leads "（一）…" are second-level headings run into the text, so they take the
    level-2 font (楷体_GB2312); unnumbered leads stay in the body font.

    ``keep_last``: the section just before the signature. Its last paragraph is kept with the
    signature (GB/T 9704: the 落款 never stands on a page without body text), so the template
    holds that paragraph twice, once for the other iterations and once for ``loop.last``; a
    paragraph property cannot be switched by a tag. Only the last one: LibreOffice moves every
    paragraph of a keep-with-next chain whole, so keeping them all would empty half a page.
    """
    lead_font = f.FONT_KAI if numbered else f.FONT_BODY
    # A numbered lead is a level-2 heading run into its paragraph: the same 楷体 and weight as
    # the "（一）…方面" headings of the document (one style per level).
    lead_bold = bold_headings if numbered else f.BOLD_LEADS

    def paragraph() -> object:
        return f.add_paragraph(
            doc,
            f.STYLE_BODY,
            Text(_lead(numbered), bold=lead_bold, east_asia=lead_font),
            "{{ 段.内容 }}",
        )

    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 段 in 段落." + key + " %}")
    if keep_last:
        f.add_paragraph(doc, f.STYLE_BODY, "{%p if not loop.last %}")
        paragraph()
        f.add_paragraph(doc, f.STYLE_BODY, "{%p else %}")
        keep_with_next(paragraph())
        f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    else:
        paragraph()
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")


def title_block(doc: object, *, addressee: bool = False) -> None:
    """The title, one paragraph per line of ``标题行`` (broken at word boundaries in a
    trapezoid or diamond, GB/T 9704 §7.3.1), then one blank line; with ``addressee`` the
    主送机关 line follows (顶格, full-width colon, §7.3.2), omitted when 主送机关 is empty."""
    f.add_paragraph(doc, f.STYLE_TITLE, "{%p for 行 in 标题行 %}")
    f.add_paragraph(doc, f.STYLE_TITLE, "{{ 行 }}")
    f.add_paragraph(doc, f.STYLE_TITLE, "{%p endfor %}")
    f.add_blank(doc)
    if addressee:
        f.add_paragraph(doc, f.STYLE_ADDRESSEE, "{%p if 主送机关 %}")
        f.add_paragraph(doc, f.STYLE_ADDRESSEE, "{{ 主送机关 }}：")
        f.add_paragraph(doc, f.STYLE_ADDRESSEE, "{%p endif %}")


def keep_with_next(*paragraphs: object) -> None:
    """Keep the signature block together with what precedes it, so it never opens a page alone.

    The chain starts at the last body paragraph (see ``section_paragraphs``): GB/T 9704 wants
    the 落款 on a page with body text, never on a page of its own.
    """
    for p in paragraphs:
        p.paragraph_format.keep_with_next = True


def signature_block(doc: object) -> list[object]:
    """The 落款 (GB/T 9704 §7.3.5), chosen by ``落款方式``.

    加盖印章 (default): two blank lines above a 署名 of one line, one above a longer one
    (``sealed_blank_lines``), the 署名 centred over the 成文日期, the date 右空四字
    (``sealed_signature``). 不加盖印章: one blank line, the 署名
    右空二字, the date starting two characters right of the 署名's first character (leading
    full-width spaces, counted from its longest line).
    Returns the last paragraph of each branch (the date): one of them ends the document's text.
    """
    sealed = "{%p if 落款方式 != '不加盖印章' %}"
    f.add_paragraph(doc, f.STYLE_BODY, sealed)
    sealed_blank_lines(doc, "党组织名称")
    sealed_signature(doc, "党组织名称")
    sealed_date = f.add_paragraph(doc, f.STYLE_DATE, "{{ 成文日期 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p else %}")
    keep_with_next(*(f.add_blank(doc) for _ in range(f.UNSEALED_BLANK_LINES)))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 行 in 党组织名称|signature_lines %}")
    name = f.add_paragraph(doc, f.STYLE_DATE, "{{ 行 }}")
    unsealed_indent(name, f.UNSEALED_RIGHT_CHARS)
    name.paragraph_format.keep_with_next = True
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    lead = f"{f.CHARS_PER_LINE - f.UNSEALED_RIGHT_CHARS}"
    widest = "(党组织名称|signature_lines|map('length')|max)"
    unsealed_date = f.add_paragraph(
        doc,
        f.STYLE_ADDRESSEE,
        "{{ '\u3000' * ([" + lead + " - " + widest + " + 2, 0]|max) }}{{ 成文日期 }}",
    )
    unsealed_date.paragraph_format.keep_with_next = False
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    return [sealed_date, unsealed_date]


def imprint_paragraphs(doc: object, dates: list[object]) -> None:
    """The 版记 of a report (GB/T 9704 §7.4; docs/公文格式.md §12) after the 落款 (``dates``:
    the last paragraph of each 落款 branch): blank lines kept with the 落款, one for each line
    of the 版记 and one more (``版记.留白``), the last holding the 版记, a text box aligned with
    the bottom of the 版心 (``docformat.imprint_box``). The blank lines keep the bottom of the
    page free for it: when they do not fit below the 落款, the 落款 goes to the next page with
    its last body paragraph, and the 版记 with it."""
    keep_with_next(*dates)
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 行 in 版记.留白 %}")
    keep_with_next(f.add_blank(doc))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    issued = "{{ 版记.印发机关 }}\t{{ 版记.印发日期 }}印发"
    lead = "\u3000"  # 印发机关 左空一字
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 版记.抄送 %}")
    f.add_blank(doc).add_run()._r.append(f.imprint_box("{{ 版记.抄送 }}", lead + issued))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p else %}")
    f.add_blank(doc).add_run()._r.append(f.imprint_box(None, lead + issued))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")


def signature_line_count(key: str) -> str:
    """The number of lines ``sealed_signature`` prints for the 署名 ``key`` (a Jinja
    expression): those of ``centred_signature_lines``, else those of ``signature_lines``."""
    return f"({key}|centred_signature_lines or {key}|signature_lines)|length"


def sealed_blank_lines(doc: object, key: str) -> None:
    """The blank lines above a sealed 署名 (GB/T 9704 §7.3.5.1), kept with the 落款: two above
    a 署名 of one line, one above a 署名 of two lines or more. The 42 mm seal (four lines)
    presses on the 署名 and the date with its top within a line of the body: over a 署名 of
    one line and the date it reaches about 1.3 lines above the 署名, over two lines and the
    date about 0.8, so two blank lines above a 署名 of two lines left 1.2 lines of paper
    between the body and the seal. The 署名 comes from 基本信息 (党组织名称; the 督办通知's
    from 单位名称 and 监督类型): the count is decided when the document is rendered."""
    f.add_paragraph(doc, f.STYLE_BODY, f"{{%p if {signature_line_count(key)} < 2 %}}")
    keep_with_next(f.add_blank(doc))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    keep_with_next(*(f.add_blank(doc) for _ in range(f.SEALED_BLANK_LINES - 1)))


def sealed_signature(doc: object, key: str) -> None:
    """The 署名 of a sealed 落款 (GB/T 9704 §7.3.5.1: 以成文日期为准居中编排): the lines of
    ``centred_signature_lines``, each centred over the date ("中共某某省某某市某某区 / 经济技术开发区
    管理委员会 / 规划建设交通运输局党组"); a name that cannot be cut into such lines is
    right-aligned with the date, in lines of ``signature_lines`` when longer than a line. (A
    long name used to be right-aligned with the date at once: its first line of 24 characters
    began near the left margin, nowhere near centred over the date.)"""
    f.add_paragraph(doc, f.STYLE_BODY, f"{{%p if {key}|centred_signature_lines %}}")
    f.add_paragraph(doc, f.STYLE_BODY, f"{{%p for 行 in {key}|centred_signature_lines %}}")
    f.add_paragraph(doc, f.STYLE_SIGNATURE, "{{ 行 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p else %}")
    f.add_paragraph(doc, f.STYLE_BODY, f"{{%p for 行 in {key}|signature_lines %}}")
    keep_with_next(f.add_paragraph(doc, f.STYLE_DATE, "{{ 行 }}"))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")


def unsealed_indent(p: object, chars: int) -> None:
    """Right indent of ``chars`` characters on one paragraph (the unsealed 署名)."""
    from docx.oxml.ns import qn

    ind = f.child(p._p.get_or_add_pPr(), "ind")
    twips = chars * (f.SIZE_BODY * 20 + f.CHAR_SPACING_TWIPS)
    ind.set(qn("w:rightChars"), str(chars * 100))
    ind.set(qn("w:right"), str(twips))


# ---------------------------------------------------------------------------------------------
# 整改方案


# A ledger of one 方面: its heading is not numbered "（一）" (nor its task-list row "一、"): a
# level of numbering with one item in it is struck out by any 办公室 reviewer, as a problem's
# only measure is not numbered "（1）". The report's heading is then the 方面 itself
# ("落实……方面"), not "在落实……方面" standing alone like half a sentence.
LONE_ASPECT = "{% if 方面列表|length != 1 %}"
# A ledger of one problem in all: it is not numbered "1." (nor "问题1：") either, for the same
# reason; its task-list row keeps its 序号 (a column of the table, not a level of the text).
SEVERAL_PROBLEMS = "方面列表|map(attribute='问题列表')|map('length')|sum != 1"
# A ledger with no 方面 at all (no 方面 column, or an empty one): no 方面 heading, rather than
# a heading "【方面未填】" over every problem (``aspects_context`` leaves its 标题 empty); a
# ledger where only some rows lack a 方面 keeps the marker.
ASPECT_NAMED = "{%p if 方面.标题 %}"


def aspect_heading(title: str) -> tuple[str, str]:
    """The 方面 heading "（一）{title}" (the title alone when it is the only 方面) and the
    Jinja expression of its length, for ``widow_free_heading``."""
    lone = "方面.标题" if title == "方面.在标题" else title
    text = (
        LONE_ASPECT
        + "（{{ 方面.序号 }}）{{ "
        + title
        + " }}{% else %}{{ "
        + lone
        + " }}{% endif %}"
    )
    length = f"(({title}|length + 3) if 方面列表|length != 1 else {lone}|length)"
    return text, length


def named_aspect_heading(doc: object, title: str) -> None:
    """The 方面 heading (``aspect_heading``), left out when the ledger has no 方面 at all."""
    f.add_paragraph(doc, f.STYLE_BODY, ASPECT_NAMED)
    f.widow_free_heading(doc, f.STYLE_H2, *aspect_heading(title))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")


def build_plan(bold_headings: bool) -> object:
    doc = f.new_document(bold_headings=bold_headings)
    title_block(doc)
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        # 反馈日期 is not among the plan's required fields: unmarked when empty, and the
        # sentence must not then open with "，"
        "{% if 反馈日期 %}{{ 反馈日期 }}{% else %}【反馈日期未填】{% endif %}，"
        "{{ 监督机构 }}向{{ 单位名称 }}反馈了{{ 监督类型 }}意见。"
        "为扎实做好反馈意见整改落实，做到问题逐条整改、措施逐项落地、责任逐人压实，"
        "结合{{ 单位简称 }}实际，制定本方案。",
    )

    f.add_paragraph(doc, f.STYLE_H1, "一、指导思想")
    section_paragraphs(doc, "指导思想", numbered=False)

    f.add_paragraph(doc, f.STYLE_H1, "二、整改目标")
    section_paragraphs(doc, "整改目标", numbered=False)

    f.add_paragraph(doc, f.STYLE_H1, "三、组织领导")
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        "成立{{ 监督类型 }}整改工作领导小组，由{{ 领导小组.组长 }}任组长"
        "{% if 领导小组.副组长 %}，{{ 领导小组.副组长 }}任副组长{% endif %}"
        "{% if 领导小组.成员 %}，{{ 领导小组.成员 }}为成员{% endif %}。"
        "领导小组统筹部署整改工作，研究解决整改中的重要问题，审定整改方案和整改情况报告。",
    )
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        "领导小组下设办公室"
        "{% if 领导小组.办公室主任句 %}，{{ 领导小组.办公室主任句 }}{% endif %}，"
        "负责整改工作的日常调度、督促检查、台账管理和材料汇总。",
    )

    f.add_paragraph(doc, f.STYLE_H1, "四、整改任务")
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        # 统计.显示: a figure that depends on an unreadable cell is in 【】, as in the report
        # one 方面 is not counted ("共梳理1个方面2项问题" reads as a form filled in)
        "对照反馈意见，共梳理{% if 统计.显示.方面数 != '1' %}{{ 统计.显示.方面数 }}个方面"
        "{% endif %}{{ 统计.显示.问题数 }}项问题，"
        "制定整改措施{{ 统计.显示.措施数 }}条，逐项明确责任领导、责任部门、责任人和完成时限"
        "（详见附件）。",
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 方面 in 方面列表 %}")
    named_aspect_heading(doc, "方面.标题")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 问题 in 方面.问题列表 %}")
    # under a 方面 heading a problem is "1." (level 3); with no 方面 at all it stands right
    # under "四、整改任务" and is "（一）" (level 2), its measures "1.": no level is skipped
    f.add_paragraph(doc, f.STYLE_BODY, ASPECT_NAMED)
    f.widow_free_heading(
        doc,
        f.STYLE_H3,
        "{% if " + SEVERAL_PROBLEMS + " %}{{ 问题.序号 }}.{% endif %}{{ 问题.问题 }}",
        "(问题.问题|length + (2 if " + SEVERAL_PROBLEMS + " else 0))",
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p else %}")
    f.widow_free_heading(
        doc,
        f.STYLE_H2,
        "{% if " + SEVERAL_PROBLEMS + " %}{{ 问题.序号|cn_paren_num }}{% endif %}{{ 问题.问题 }}",
        "(问题.问题|length + ((问题.序号|cn_paren_num|length) if " + SEVERAL_PROBLEMS + " else 0))",
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 问题.问题表现 %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{{ 问题.问题表现 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 问题.整改目标 %}")
    f.add_paragraph(doc, f.STYLE_BODY, Text("整改目标：", bold=True), "{{ 问题.整改目标 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 措施 in 问题.措施列表 %}")
    # the measure ends with one "。" before its 责任 bracket, whether or not the cell has it;
    # a problem's only measure is not numbered "（1）" (a level of numbering with one item in
    # it is struck out by any 办公室 reviewer) but led by "整改措施：", as 整改目标 is
    measure = "{{ 措施.整改措施|join_sentences }}{{ 措施.责任说明 }}"
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if loop.first and loop.last %}")
    f.add_paragraph(doc, f.STYLE_BODY, Text("整改措施：", bold=True), measure)
    f.add_paragraph(doc, f.STYLE_BODY, "{%p elif 方面.标题 %}")
    f.add_paragraph(doc, f.STYLE_H4, "（{{ 措施.序号 }}）" + measure)
    f.add_paragraph(doc, f.STYLE_BODY, "{%p else %}")
    f.add_paragraph(doc, f.STYLE_H3, "{{ 措施.序号 }}." + measure)
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")

    f.add_paragraph(doc, f.STYLE_H1, "五、工作要求")
    section_paragraphs(doc, "工作要求", numbered=True, keep_last=True, bold_headings=bold_headings)

    keep_with_next(f.add_blank(doc), f.add_paragraph(doc, f.STYLE_BODY, "附件：整改任务清单"))
    dates = signature_block(doc)

    attachment_task_list(doc, dates)
    f.set_core_properties(doc, "整改方案（模板）", "整改方案")
    return doc


# 附件 整改任务清单: column, width in mm (landscape 版心 225 mm), cell text, alignment. The
# widths follow the content: 整改措施 (a sentence or two) widest, then 问题; names, units and
# 整改时限 are short names (``names_only``: 陈志远 without （党组书记、局长）), so their columns
# need four to six characters; 整改时限 is written as in the body ("2024年4月15日前",
# "2024年6月底前"), two lines broken after 年 (``in_lines``; 26 mm so that "4月15日前" fits a
# line): one form of date in the whole document, not "2024.4.15前" in the rows next to
# "2024年6月底前". The 方面 is not a column: it heads
# its problems once, in a row across the table.
def cell_chars(mm: float) -> float:
    """How many characters of table text a column ``mm`` wide holds: its width less the cell
    margins and 0.3 mm to spare, over the advance of a character (``SIZE_TABLE`` pt less the
    0.25 pt condensing, ``CHAR_SPACING_TWIPS``, that the table text has from the body). The
    gaps between Chinese and digits are counted by ``tabletext.text_width`` ("4月15日前" is 5.1
    characters: it did not fit the 4.99 of a 24 mm column, it fits the 5.47 of 26 mm)."""
    margins = 2 * f.TABLE_CELL_MARGINS_TWIPS["left"] / 1440 * 25.4
    advance = (f.SIZE_TABLE + f.CHAR_SPACING_TWIPS / 20) / 72 * 25.4
    return round((mm - margins - 0.3) / advance, 2)


def in_lines(value: str, mm: float) -> str:
    """``value`` printed with its lines broken where a column ``mm`` wide should break it
    (``cell_lines``: after 年 of a date, after a name's "、"), not after any character."""
    return f"{{{{ {value}|cell_lines({cell_chars(mm)}) }}}}"


def even(value: str, mm: float) -> str:
    """``value`` printed with no stub of one to three characters on its last line in a
    column ``mm`` wide (``even_lines``: "公务接待管/理不规范", not "公务接待管理不规/范")."""
    return f"{{{{ {value}|even_lines({cell_chars(mm)}) }}}}"


TASK_COLUMNS = (
    ("序号", 12, "{{ 问题.序号 }}", "center"),
    ("问题", 37, even("问题.问题", 37), "left"),
    ("整改措施", 84, even("措施.整改措施", 84), "both"),
    ("责任领导", 21, in_lines("措施.责任领导|names_only", 21), "center"),
    # 29 mm: a five-character department with its "、" ("组织人事科、") fits a line, so a list
    # of departments keeps its "、" (a longer name breaks between its words, "、" after it)
    ("责任部门", 29, in_lines("(措施.责任部门 or 措施.牵头部门)|names_only", 29), "center"),
    ("责任人", 16, in_lines("措施.责任人|names_only", 16), "center"),
    ("整改时限", 26, in_lines("措施.整改时限", 26), "center"),
)
# 序号 and 问题 span the rows of their problem: a vertical merge (``w:vMerge``), started on the
# problem's first row and continued on the others, whose cells stay empty. The merged cell is
# closed by its border at the foot of a page, where a look-alike made of missing borders left
# the table open. A problem up to a quarter of a page is kept on one page (every row but its
# last "kept with the next"); a taller one keeps only the rows its 问题 text needs and runs on
# (措施.清单连排, ``tabletext.task_list_blocks``): kept whole, each left the rest of a page
# empty. A problem taller than a page is cut into blocks (措施.清单续 opens one, 措施.清单段末
# ends one), each kept on one page and opened by the 序号 and "问题（续）" again. Six row
# variants, by position in the block and whether the row is kept with the next.
PROBLEM_COLUMNS = 2
# A row taller than about a quarter of the landscape page (seven lines of its 问题 or 整改措施
# column: 56 and 140 characters) may split across pages. Kept whole, one such row filled each
# page and left the rest of it empty (a 150-character problem: six pages for six rows).
TALL_ROW = "((问题.问题 or '')|length > 56 or (措施.整改措施 or '')|length > 140)"
_OPENS = "(loop.first or 措施.清单续)"
_ENDS = "(loop.last or 措施.清单段末)"
_KEPT = "措施.清单连排"  # kept with the next row (tabletext.task_list_blocks)
_POSITIONS = (  # the row's place in its block: condition, 序号/问题 printed, vMerge, kept
    (f"{_OPENS} and {_ENDS}", True, None, False),
    (f"{_OPENS} and {_KEPT}", True, "restart", True),
    (_OPENS, True, "restart", False),
    (_ENDS, False, "continue", False),
    (_KEPT, False, "continue", True),
    ("", False, "continue", False),
)
PROBLEM_CELLS = (
    "{{ 问题.序号 }}",
    even("(问题.问题 ~ ('（续）' if 措施.清单续 else ''))", 37),
)


def _row_variants() -> list[tuple[str, bool, str | None, bool, bool]]:
    """(tag, first, merge, kept with the next row, may split): each position twice, tall
    rows first."""
    variants: list[tuple[str, bool, str | None, bool, bool]] = []
    for where, first, merge, kept in _POSITIONS:
        for tall in (True, False):
            condition = " and ".join(c for c in (where, TALL_ROW if tall else "") if c)
            keyword = "if" if not variants else "elif" if condition else "else"
            variants.append(
                (f"{{%tr {keyword} {condition} %}}".replace("  ", " "), first, merge, kept, tall)
            )
    return variants


ROW_VARIANTS = _row_variants()


def set_vmerge(cell: object, value: str) -> None:
    """``w:vMerge``: "restart" opens a vertically merged cell, "continue" extends it."""
    merge = f.child(cell._tc.get_or_add_tcPr(), "vMerge")  # type: ignore[attr-defined]
    if value == "restart":
        merge.set(f.qn("w:val"), "restart")


def attachment_task_list(doc: object, carriers: list[object]) -> None:
    """Landscape 附件: "附件", the title on the third line, the task table.

    One row per measure, nested loops 方面 → 问题 → 措施; each 方面 opens with a row across the
    table ("一、…", kept with its first problem); 序号 and 问题 on the first row of the problem
    (see ``ROW_VARIANTS``). No row is split across pages and the header row repeats on each
    page. ``carriers``: the paragraphs that end the portrait part (see
    ``docformat.start_landscape_section``).
    """
    f.start_landscape_section(doc, carriers)
    f.add_paragraph(doc, f.STYLE_ATTACHMENT_MARK, "附件")
    f.add_blank(doc)
    f.add_paragraph(doc, f.STYLE_TITLE, "整改任务清单")
    f.add_blank(doc)
    widths = [c[1] for c in TASK_COLUMNS]
    table = f.add_table(doc, widths, [c[0] for c in TASK_COLUMNS])
    blanks = [""] * (len(TASK_COLUMNS) - 1)
    f.add_table_row(table, ["{%tr for 方面 in 方面列表 %}", *blanks])
    f.add_table_row(table, [ASPECT_NAMED.replace("{%p", "{%tr"), *blanks])
    f.add_spanning_row(
        table,
        [
            Text(
                LONE_ASPECT + "{{ 方面.序号 }}、{% endif %}{{ 方面.标题 }}",
                bold=True,
                east_asia=f.FONT_HEI,
            )
        ],
    )
    f.add_table_row(table, ["{%tr endif %}", *blanks])
    for tag in ("{%tr for 问题 in 方面.问题列表 %}", "{%tr for 措施 in 问题.措施列表 %}"):
        f.add_table_row(table, [tag, *blanks])
    aligns = [c[3] for c in TASK_COLUMNS]
    for tag, first, merge, kept, tall in ROW_VARIANTS:
        f.add_table_row(table, [tag, *blanks])
        texts = [
            (PROBLEM_CELLS[i] if first else "") if i < PROBLEM_COLUMNS else c[2]
            for i, c in enumerate(TASK_COLUMNS)
        ]
        # a row split across pages has its text at the top: centred, a cell's few lines sat
        # at the middle of the whole row, half on each page
        valign = "top" if tall else "center"
        row = f.add_table_row(table, texts, aligns, valign=valign, may_split=tall)
        for cell in row.cells[:PROBLEM_COLUMNS]:
            f.set_cell_valign(cell, "top")
            if merge:
                set_vmerge(cell, merge)
        if kept:  # every cell's own paragraph (``row.cells`` gives a merged cell's first)
            for paragraph in row._tr.iter(f.qn("w:p")):  # type: ignore[attr-defined]
                paragraph.get_or_add_pPr().keepNext_val = True
    f.add_table_row(table, ["{%tr endif %}", *blanks])
    for _ in range(3):
        f.add_table_row(table, ["{%tr endfor %}", *blanks])


# ---------------------------------------------------------------------------------------------
# 整改情况报告 and 整改进展情况通报 (same sections; the notice its own per-problem paragraphs and a contact block)

OPENING = (
    "根据{{ 上级党委 }}统一部署，{{ 进驻开始日期 }}至{{ 进驻结束日期 }}，"
    "{{ 监督机构 }}对{{ 单位名称 }}进行了{{ 监督类型 }}。"
    "{{ 反馈日期 }}，{{ 监督机构 }}反馈了{{ 监督类型 }}意见。"
)


def report_body(
    doc: object,
    *,
    bold_headings: bool,
    problem: Callable[[object], None],
    keep_last: bool = True,
) -> None:
    """Sections 一 to 三 of the report and the notice; ``problem`` writes the paragraphs of one
    problem (the report's measures and status, or the notice's short public paragraph). With
    ``keep_last`` (the report) the last paragraph of 下一步打算 keeps with the 落款. The notice
    passes False: its own last body paragraph, the call to supervise, is kept with the contact
    block and the 落款, so no page holds only those; chaining 下一步打算 as well moved a dozen
    lines whole and left half a page empty before them."""
    f.add_paragraph(doc, f.STYLE_H1, "一、整改工作开展情况")
    section_paragraphs(doc, "工作开展情况", numbered=True, bold_headings=bold_headings)

    f.add_paragraph(doc, f.STYLE_H1, "二、反馈问题整改落实情况")
    f.add_paragraph(
        doc, f.STYLE_BODY, "{{ 统计.统计句 }}{% if 与上期说明 %}{{ 与上期说明 }}{% endif %}"
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 方面 in 方面列表 %}")
    named_aspect_heading(doc, "方面.在标题")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 问题 in 方面.问题列表 %}")
    problem(doc)
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")

    f.add_paragraph(doc, f.STYLE_H1, "三、下一步工作打算")
    section_paragraphs(
        doc, "下一步打算", numbered=True, keep_last=keep_last, bold_headings=bold_headings
    )


def report_problem(doc: object) -> None:
    """One problem in the report: heading, its measures "一是…二是…" (labelled 整改措施及结果,
    or 整改措施 while the problem is not started), the status sentence."""
    f.widow_free_heading(
        doc,
        f.STYLE_H3,
        "{% if " + SEVERAL_PROBLEMS + " %}问题{{ 问题.序号 }}：{% endif %}{{ 问题.问题 }}",
        "(问题.问题|length + (4 if " + SEVERAL_PROBLEMS + " else 0))",
    )
    # nothing done yet, nothing to report as a result: a problem not started has its 整改措施
    label = "{% if 问题.状态 == '未启动' %}整改措施：{% else %}整改措施及结果：{% endif %}"
    f.add_paragraph(doc, f.STYLE_BODY, label, "{{ 问题.措施段落 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{{ 问题.状态句 }}")


def notice_problem(doc: object, bold_headings: bool = f.BOLD_HEADINGS) -> None:
    """One problem in the public notice: one short paragraph (``问题.通报段落``: what was done,
    the figures, where it stands; no names, no 佐证材料) after the problem's title. Under a
    方面 heading the title is "1." (level 3, bold); with no 方面 at all it stands right under
    "二、" and is a level-2 lead "（一）" in 楷体, as the numbered 文稿段落 leads."""
    f.add_paragraph(doc, f.STYLE_BODY, ASPECT_NAMED)
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        Text(
            "{% if " + SEVERAL_PROBLEMS + " %}{{ 问题.序号 }}.{% endif %}{{ 问题.问题 }}。",
            bold=f.BOLD_LEADS,
        ),
        "{{ 问题.通报段落 }}",
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p else %}")
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        Text(
            "{% if " + SEVERAL_PROBLEMS + " %}{{ 问题.序号|cn_paren_num }}{% endif %}"
            "{{ 问题.问题 }}。",
            bold=bold_headings,
            east_asia=f.FONT_KAI,
        ),
        "{{ 问题.通报段落 }}",
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")


# The 结语 of a 报告 to the body above (《党政机关公文处理工作条例》: 报告 is 上行文), on its
# own line before the 落款 and kept with it.
CLOSING = "特此报告。"


def build_report(bold_headings: bool) -> object:
    doc = f.new_document(bold_headings=bold_headings)
    title_block(doc, addressee=True)
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        OPENING + "{{ 单位简称 }}坚决扛起整改主体责任，对照反馈意见逐条研究整改措施、"
        "逐项推动落实。现将整改情况报告如下。",
    )
    report_body(doc, bold_headings=bold_headings, problem=report_problem)
    # the 结语 of a 报告 (the context drops one the 文稿段落 already end with)
    keep_with_next(f.add_paragraph(doc, f.STYLE_BODY, CLOSING))
    imprint_paragraphs(doc, signature_block(doc))
    f.set_core_properties(doc, "整改情况报告（模板）", "整改情况报告")
    return doc


def build_notice(bold_headings: bool) -> object:
    doc = f.new_document(bold_headings=bold_headings)
    title_block(doc)
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        OPENING + "为主动接受干部群众监督，现将整改进展情况予以通报。",
    )
    report_body(
        doc,
        bold_headings=bold_headings,
        problem=lambda d: notice_problem(d, bold_headings),
        keep_last=False,
    )
    keep_with_next(
        f.add_paragraph(
            doc,
            f.STYLE_BODY,
            "欢迎广大干部群众对整改落实情况进行监督。如有意见建议，请及时向我们反映。",
        )
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 联系电话 %}")
    keep_with_next(f.add_paragraph(doc, f.STYLE_BODY, "联系电话：{{ 联系电话 }}"))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 通信地址 %}")
    address = f.add_paragraph(
        doc,
        f.STYLE_BODY,
        "通信地址：{{ 通信地址 }}{% if 邮政编码 %}（邮政编码：{{ 邮政编码 }}）{% endif %}",
    )
    keep_with_next(address)
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 电子邮箱 %}")
    keep_with_next(f.add_paragraph(doc, f.STYLE_BODY, "电子邮箱：{{ 电子邮箱 }}"))
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    signature_block(doc)
    f.set_core_properties(doc, "整改进展情况通报（模板）", "整改进展情况通报")
    return doc


# ---------------------------------------------------------------------------------------------
# 督办通知 (ledger-tools duban): one per department, leader or unit with late measures


# 督办事项 table: column, width in mm (portrait 版心 156 mm), cell text, alignment.
# 整改措施 is the widest text: 38 mm (8.4 characters a line; at 35 mm a measure of 100
# characters stood in fourteen lines, two rows a page, beside columns holding "正在推进" and
# "超期71天" in wide space); the short columns as narrow as their words allow.
DUBAN_COLUMNS = (
    ("序号", 12, "{{ 事项.序号 }}", "center"),  # the heading "序号" in a line
    ("问题", 22, even("事项.问题", 22), "left"),
    ("整改措施", 38, even("事项.整改措施", 38), "left"),
    ("责任人", 16, in_lines("事项.责任人", 16), "center"),
    # 26 mm: every date breaks after 年 ("2024年/4月15日前"), none after its month's digit
    ("整改时限", 26, in_lines("事项.整改时限", 26), "center"),
    ("整改状态", 20, "{{ 事项.整改状态 }}", "center"),  # "正在推进" in a line
    # "超期71天", "还剩7天": the heading fits both (a 黄色 item is not 超期)
    ("时限情况", 22, in_lines("事项.超期情况", 22), "center"),
)


# Seven lines of the 问题 (22 mm) or 整改措施 (38 mm) column of the 督办事项 table.
DUBAN_TALL_ROW = "((事项.问题 or '')|length > 31 or (事项.整改措施 or '')|length > 57)"


def flush_left(paragraph: object) -> object:
    """No first-line indent (主送机关 starts at the left margin, GB/T 9704 §7.3.2)."""
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ind = f.child(ppr, "ind")
    ind.set(f.qn("w:firstLineChars"), "0")
    ind.set(f.qn("w:firstLine"), "0")
    return paragraph


def build_duban(bold_headings: bool) -> object:
    """The 督办通知: title, 主送, the situation, the table of late items, the requirements with
    the reply date, signed by the 领导小组办公室. Variables: ``ledger_tools.upward.duban``."""
    doc = f.new_document(bold_headings=bold_headings)
    title_block(doc)
    flush_left(f.add_paragraph(doc, f.STYLE_BODY, "{{ 主送 }}："))
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        "根据{{ 整改工作 }}安排，经对整改台账逐项梳理，截至{{ 截至日期 }}，"
        "{{ 督办情况句 }}现予督办，有关事项通知如下。",
    )
    f.add_paragraph(doc, f.STYLE_H1, "一、需督办的整改事项")
    table = f.add_table(doc, [c[1] for c in DUBAN_COLUMNS], [c[0] for c in DUBAN_COLUMNS])
    blanks = [""] * (len(DUBAN_COLUMNS) - 1)
    f.add_table_row(table, ["{%tr for 事项 in 事项列表 %}", *blanks])
    # a row taller than about a quarter of the page may split (see TALL_ROW)
    for tag, tall in ((f"{{%tr if {DUBAN_TALL_ROW} %}}", True), ("{%tr else %}", False)):
        f.add_table_row(table, [tag, *blanks])
        texts, aligns = [c[2] for c in DUBAN_COLUMNS], [c[3] for c in DUBAN_COLUMNS]
        f.add_table_row(table, texts, aligns, may_split=tall)
    f.add_table_row(table, ["{%tr endif %}", *blanks])
    f.add_table_row(table, ["{%tr endfor %}", *blanks])
    f.add_paragraph(doc, f.STYLE_H1, "二、工作要求")
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        Text("（一）加快推进整改。", east_asia=f.FONT_KAI),
        # two lines with the 超期 clause (three before: a notice of one item ran to a second
        # page holding only （三）, 联系人 and 落款)
        "请逐项查找滞后原因，明确责任人和完成时限，集中力量推进"
        "{% if 红色数 %}；已超期的要立即整改到位{% endif %}。",
    )
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        Text("（二）如实说明情况。", east_asia=f.FONT_KAI),
        "确因客观原因不能按期完成的，请书面说明理由，提出调整后的完成时限和保障措施。",
    )
    # The last body paragraph is kept with the signature (GB/T 9704: no signature page alone).
    keep_with_next(
        f.add_paragraph(
            doc,
            f.STYLE_BODY,
            Text("（三）按时报送进展。", east_asia=f.FONT_KAI),
            "请于{{ 回复日期 }}前将整改进展情况及佐证材料书面报送领导小组办公室。",
        )
    )
    # the reply needs someone to reply to: 联系人 and 联系电话 always, 【…未填】 when missing
    keep_with_next(
        f.add_paragraph(doc, f.STYLE_BODY, "联系人：{{ 联系人 }}，联系电话：{{ 联系电话 }}")
    )
    duban_signature(doc)
    f.set_core_properties(doc, "督办通知（模板）", "督办通知")
    return doc


def duban_signature(doc: object) -> None:
    """The sealed 落款 of the 领导小组办公室 (GB/T 9704 §7.3.5.1, as ``signature_block``'s):
    the 发文机关 centred over the date (``sealed_signature``: "…整改工作领导小组办公室" is
    usually two centred lines), two blank lines above a 署名 of one line, one above a longer
    one (``sealed_blank_lines``: two blank lines pushed a notice of one item onto a second
    page)."""
    sealed_blank_lines(doc, "发文机关")
    sealed_signature(doc, "发文机关")
    f.add_paragraph(doc, f.STYLE_DATE, "{{ 成文日期 }}")


BUILDERS = {PLAN: build_plan, REPORT: build_report, NOTICE: build_notice, DUBAN: build_duban}


def build_all(out_dir: Path, *, bold_headings: bool = f.BOLD_HEADINGS) -> list[Path]:
    """Write the three templates into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        target = out_dir / name
        with atomic_output(target) as tmp:
            f.save_reproducible(build(bold_headings), tmp)
            tmp.chmod(0o644)  # mkstemp makes 0600; users and the wheel need it readable
        written.append(target)
    return written


# ---------------------------------------------------------------------------------------------
# 汇总报告 (ledger-tools report 汇总台账.xlsx --kind summary), from a merge's 汇总台账. Kept apart
# from BUILDERS: its context is ledger_tools.upward.summary's, not a unit ledger's.

SUMMARY = "汇总报告.docx"


def build_summary(bold_headings: bool) -> object:
    doc = f.new_document(bold_headings=bold_headings)
    title_block(doc, addressee=True)  # a 报告 has its 主送机关 (marked 【】 when not filled)
    f.add_paragraph(doc, f.STYLE_BODY, "{{ 开头 }}现将整改进展情况汇总报告如下。")

    f.add_paragraph(doc, f.STYLE_H1, "一、总体情况")
    # --since 上期汇总台账.xlsx: the units that came and went, 办结 and overdue since then
    f.add_paragraph(
        doc, f.STYLE_BODY, "{{ 统计.统计句 }}{% if 与上期说明 %}{{ 与上期说明 }}{% endif %}"
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 分布句 %}")  # none for a single unit
    f.add_paragraph(doc, f.STYLE_BODY, "{{ 分布句 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")

    f.add_paragraph(doc, f.STYLE_H1, "二、各单位整改进展")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 单位 in 单位列表 %}")
    # Body style, not a level-3 heading: a list of headings kept with the next would move
    # the whole list to a new page.
    f.add_paragraph(doc, f.STYLE_BODY, "{{ 单位.序号 }}.{{ 单位.单位 }}：{{ 单位.进展句 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")

    f.add_paragraph(doc, f.STYLE_H1, "三、进度滞后的单位和超期事项")
    f.add_paragraph(doc, f.STYLE_H2, "（一）进度滞后的单位")
    f.add_paragraph(doc, f.STYLE_BODY, "{{ 滞后句 }}")
    f.add_paragraph(doc, f.STYLE_H2, "（二）超期未办结事项")
    f.add_paragraph(doc, f.STYLE_BODY, "{{ 超期句 }}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 单位 in 超期单位 %}")
    f.widow_free_heading(
        doc,
        f.STYLE_H3,
        # "（16条，均尚未启动）": a state all the unit's overdue measures share is said once
        # here, not at the end of each item; "（住建局.xlsx，1条）" for a unit named twice
        "{{ 单位.序号 }}.{{ 单位.标题 }}",
        "(单位.标题|length + 单位.序号|string|length + 1)",
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p for 事项 in 单位.事项 %}")
    f.add_paragraph(
        doc,
        f.STYLE_BODY,
        # a unit's only item is not numbered "（1）" (a level with one item in it)
        "{% if not (loop.first and loop.last) %}（{{ 事项.序号 }}）{% endif %}"
        "{{ 事项.问题 }}：{{ 事项.整改措施|join_sentences }}"
        "（{% if 单位.状态 %}{{ 事项.超期说明 }}{% else %}{{ 事项.说明 }}{% endif %}）",
    )
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p if 单位.另有 %}")
    f.add_paragraph(doc, f.STYLE_BODY, "另有{{ 单位.另有 }}条，详见汇总台账“校验问题”表。")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endif %}")
    f.add_paragraph(doc, f.STYLE_BODY, "{%p endfor %}")

    f.add_paragraph(doc, f.STYLE_H1, "四、下一步工作")
    # the last body paragraph is kept with the 落款: never a page holding only the signature
    keep_with_next(f.add_paragraph(doc, f.STYLE_BODY, "{{ 下一步 }}"))
    keep_with_next(f.add_paragraph(doc, f.STYLE_BODY, CLOSING))
    imprint_paragraphs(doc, signature_block(doc))
    f.set_core_properties(doc, "汇总报告（模板）", "汇总报告")
    return doc


def build_summary_template(out_dir: Path, *, bold_headings: bool = f.BOLD_HEADINGS) -> Path:
    """Write 汇总报告.docx into ``out_dir``; return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / SUMMARY
    with atomic_output(target) as tmp:
        f.save_reproducible(build_summary(bold_headings), tmp)
        tmp.chmod(0o644)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成内置公文模板（GB/T 9704-2012 格式）")
    parser.add_argument("--out", type=Path, default=ROOT / "doc_templates", help="输出文件夹")
    parser.add_argument(
        "--bold-headings", action="store_true", help="二级、三级标题加粗（默认不加粗）"
    )
    args = parser.parse_args(argv)
    built = build_all(args.out, bold_headings=args.bold_headings)
    built.append(build_summary_template(args.out, bold_headings=args.bold_headings))
    for path in built:
        print(f"已生成 {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
