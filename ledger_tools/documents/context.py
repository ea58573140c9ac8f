"""The template context: the ledger as the Chinese-keyed data the Word templates read.

``build_context(ledger, kind)`` returns plain dicts, lists, strings and numbers (so
``ledger-tools context`` can print it as JSON). Keys match the ledger's headings, so a user
editing a template in Word writes ``{{ 单位名称 }}`` or ``{% for 问题 in 方面.问题列表 %}``.
The filters for template authors (Chinese numerals, dates, percentages, money and the
sentence joiner) live here too; ``render`` installs them in the Jinja environment.

Nothing here invents a fact: a value the ledger does not give is either empty or, where a
document would otherwise state something false, a visible marker such as 【状态未填】.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterable
from typing import Any

from ledger_tools.documents import wording as W
from ledger_tools.documents.tabletext import FILTERS as TABLE_FILTERS
from ledger_tools.documents.tabletext import (
    TASK_FIRST_PAGE_PT,
    TASK_PAGE_PT,
    task_list_blocks,
)
from ledger_tools.documents.titles import centred_signature_lines, signature_lines
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import strip_forbidden
from ledger_tools.ledger.dates import FINISHED_MONTH_NOTE, finished_form, format_cn_date
from ledger_tools.ledger.findings import ERROR, Finding
from ledger_tools.ledger.model import Deadline, Ledger, Measure, Problem
from ledger_tools.ledger.stats import (
    _sums,
    _sums_sentence,
    compute_stats,
    long_term_counts,
    money_text,
    no_aspects,
)
from ledger_tools.ledger.status import closure_rate_text, percent_text

KINDS = ("plan", "report", "notice")
DOC_NAMES = {"plan": "整改方案", "report": "整改情况报告", "notice": "整改进展情况通报"}
TEXT_DOC = {"plan": "方案", "report": "报告", "notice": "通报"}  # 文稿段落 文稿 column
TITLE_FIELDS = {"plan": "方案标题", "report": "报告标题", "notice": "通报标题"}


def missing_mark(what: str) -> str:
    """Marker for a value the ledger leaves empty (rendered only with --force)."""
    return f"【{what}未填】"


def invalid_mark(what: str, value: Any) -> str:
    """Marker for a value that cannot be read, quoting it."""
    return f"【{what}无法识别：{text(value)}】"


STATUS_SENTENCE_UNKNOWN = "【整改状态未填或无法识别】"
OVERDUE_MARK = "【请说明超期原因及预计完成时间】"
NAME_MARK = "【姓名不宜公开，请删改】"
# 成文日期 of each document: its own 基本信息 field, then the shared 成文日期, then today.
DATE_FIELDS = {"plan": ("方案成文日期", "成文日期"), "report": ("报告成文日期", "成文日期")}
DATE_FIELDS["notice"] = DATE_FIELDS["report"]

# ---------------------------------------------------------------------------------------------
# Filters for template authors.

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")


def _cn_below_10000(n: int) -> str:
    out, zero = "", False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + _SMALL_UNITS[power]
    return out


def cn_num(value: Any) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五, 10000 → 一万."""
    n = int(value)
    if n < 0:
        return "负" + cn_num(-n)
    if n == 0:
        return "零"
    # Groups of four digits, each but the first after a 万 (10^8 is 一万万): a loop, not a
    # call per group (a number of thousands of digits, from a template or a Word file's list
    # numbering, went past Python's recursion limit).
    groups = []
    while n >= 10000:
        n, low = divmod(n, 10000)
        groups.append(low)
    text = _cn_below_10000(n)
    for low in reversed(groups):
        text += "万"
        if low:
            text += ("零" if low < 1000 else "") + _cn_below_10000(low)
    # 一十一 is written 十一 (only at the start of the number).
    return text[1:] if text.startswith("一十") else text


def cn_paren_num(value: Any) -> str:
    """1 → （一）: the second-level heading number."""
    return f"（{cn_num(value)}）"


def cn_ordinal(value: Any) -> str:
    """1 → 一是, 11 → 十一是: the enumerator of measures in a report paragraph."""
    return f"{cn_num(value)}是"


def cn_date(value: Any) -> str:
    """A date (or ISO text) as "2024年5月10日"; other text is returned as written."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return format_cn_date(value)
    text = str(value).strip()
    try:
        return cn_date(dt.date.fromisoformat(text[:10]))
    except ValueError:
        return text


def percent(value: Any, total: Any = None) -> str:
    """A ratio (0.875) or ``value`` out of ``total`` as "87.5%" (at most one decimal, never
    rounded up to 100% or down to 0% when that would be false). Text passes through."""
    if isinstance(value, str):
        return value
    if total is not None:
        return closure_rate_text(int(value), int(total))
    return percent_text(value)


def money(value: Any) -> str:
    """An amount in 元 as "12,300元", or above 10,000 as "1.23万元"."""
    if value is None or value == "":
        return ""
    return money_text(float(value))


_PUNCT_RANK = {"。": 4, "；": 3, ";": 3, "，": 2, ",": 2, "、": 1}
_PUNCT_RUN = re.compile(r"[。；;，,、]{2,}")
_TRAILING = "。；;，,、：:. \t"
_FINAL = "！？!?…"
_CLOSING_QUOTES = "”’」』"


def _collapse_punct(text: str) -> str:
    """A run of clause punctuation ("；。", "。。", "，、") becomes its strongest mark."""

    def strongest(m: re.Match[str]) -> str:
        mark = max(m.group(0), key=lambda ch: _PUNCT_RANK[ch])
        return {";": "；", ",": "，"}.get(mark, mark)

    return _PUNCT_RUN.sub(strongest, text) if _PUNCT_RUN.search(text) else text


def _sentence(text: str, end: str = "。") -> str:
    """``join_sentences`` of one string."""
    text = text.strip()
    if _PUNCT_RUN.search(text):
        text = _collapse_punct(text)
    text = text.lstrip("。；;，,、 ").rstrip(_TRAILING)
    if not text:
        return ""
    if text[-1] in _FINAL or (text[-1] in _CLOSING_QUOTES and text[-2:-1] in ("。", *_FINAL)):
        return text
    return text + end


def join_sentences(parts: Any, end: str = "。") -> str:
    """Join fragments into sentences: each ends with exactly one "。" (or its own ！？), so the
    result never contains "。。", "；。" or "，。". Empty parts are skipped; a string is
    treated as one part."""
    if parts is None:
        return ""
    if isinstance(parts, str):
        parts = [parts]
    out = []
    for part in parts:
        if type(part) is not str and (part is None or _is_undefined(part)):
            continue
        sentence = _sentence(str(part), end)
        if sentence:
            out.append(sentence)
    return "".join(out)


def _sentences(parts: list[str]) -> str:
    """``join_sentences`` of a list of strings (the context's own calls, 100,000 at 40,000
    measures: without the checks a template's values need)."""
    return "".join([_sentence(part) for part in parts])


def _is_undefined(value: Any) -> bool:
    import jinja2

    return isinstance(value, jinja2.Undefined)


FILTERS: dict[str, Callable[..., Any]] = {
    "cn_num": cn_num,
    "cn_paren_num": cn_paren_num,
    "cn_ordinal": cn_ordinal,
    "cn_date": cn_date,
    "percent": percent,
    "money": money,
    "join_sentences": join_sentences,
    # the 落款's 署名 as lines: one, or cut after a suffix when longer than a line (titles.py)
    "signature_lines": signature_lines,
    # the sealed 署名 centred over the date, in lines when longer than 15 characters ([] when it
    # cannot be cut evenly: then right-aligned with the date by signature_lines)
    "centred_signature_lines": centred_signature_lines,
}
FILTERS.update(TABLE_FILTERS)  # names_only, short_date: the task table's narrow cells

# ---------------------------------------------------------------------------------------------
# Cleaning text for a Word document.

_CLAUSE_END = "。；;，,、：:！？!?"


# What ``text`` changes in a string besides the spaces at its ends (XML-forbidden characters,
# as ``cells.strip_forbidden``, and line breaks and tabs): most cells have none of it.
_NOT_ONE_LINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\n\r\t]")


def text(value: Any) -> str:
    """A cell as one line of document text: no forbidden characters, line breaks joined (a
    line that does not end in punctuation is followed by "；"), tabs as spaces."""
    # the common case first: a printable string (str.isprintable, a quick C loop) holds none
    # of _NOT_ONE_LINE's characters, which the slower search looks for in the others
    if type(value) is str and (value.isprintable() or not _NOT_ONE_LINE.search(value)):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return cn_date(value)
    s = strip_forbidden(str(value))
    if "\n" not in s and "\r" not in s and "\t" not in s:
        return s.strip()
    s = s.replace("\t", " ")
    lines = [ln.strip() for ln in s.splitlines() if ln.strip()]
    out = ""
    for ln in lines:
        if out and out[-1] not in _CLAUSE_END:
            out += "；"
        out += ln
    return out


def clean(value: Any) -> Any:
    """Strip XML-forbidden characters from every string of a nested context."""
    if isinstance(value, str):
        return strip_forbidden(value)
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


# ---------------------------------------------------------------------------------------------
# The context.


# Parts of the context that cost time on a large ledger and that a template may well not
# read: each problem's 通报段落, the 附件任务清单 rows, the statistics' groupings (统计.按方面,
# 按责任部门, 按责任领导, 按整改状态, 按单位). Keyed by the name a template would use.
OPTIONAL_PARTS = {
    "通报段落": ("通报段落",),
    "附件任务清单": ("附件任务清单",),
    "统计分组": ("按方面", "按责任部门", "按责任领导", "按整改状态", "按单位"),
    # the report's wording of each problem: its 措施段落 (each measure's 措施及成效) and the
    # 状态句 closing it (the plan prints neither)
    "措施段落": ("措施段落", "措施及成效", "状态句"),
    # each problem's 措施列表, one dict of every column per measure (the report and the
    # notice print the problems' paragraphs, not the measures: only what those paragraphs
    # are made of is worked out); the task table is made of them too
    "措施列表": ("措施列表", "附件任务清单"),
}


def build_context(
    ledger: Ledger,
    kind: str = "report",
    as_of: dt.date | None = None,
    today: dt.date | None = None,
    comparison: Any = None,
    skip: Collection[str] = (),
) -> dict[str, Any]:
    """The context of document ``kind`` (plan | report | notice), as of ``as_of`` (the 截至
    date; default today). ``today`` is the default 成文日期 (default: the real today).
    ``comparison`` (``upward.diff.Comparison``, ``report --since``) fills 与上期 and
    与上期说明; without it they are empty. ``skip``: parts of ``OPTIONAL_PARTS`` left out
    (only for a built-in template that reads none of them: ``trusted.unread_parts``); by
    default the context is whole, as any template may read anything in it."""
    from ledger_tools.ledger.normalise import gc_paused

    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {KINDS}")
    # hundreds of thousands of dicts and strings, no reference cycles: the collector would
    # walk the growing context again and again (a tenth of its time at 40,000 measures)
    with gc_paused():
        return _build_context(ledger, kind, as_of, today, comparison, frozenset(skip))


def _build_context(
    ledger: Ledger,
    kind: str,
    as_of: dt.date | None,
    today: dt.date | None,
    comparison: Any,
    skip: frozenset[str],
) -> dict[str, Any]:
    from ledger_tools.upward.diff import since_context

    today = today or dt.date.today()
    as_of = as_of or today
    say = body_text(ledger)
    ctx: dict[str, Any] = info_context(ledger, kind)
    ctx["标题行"] = title_lines(ledger, kind)
    ctx["标题"] = "".join(ctx["标题行"])
    # 落款方式 (加盖印章: 署名 centred over the date; 不加盖印章: GB/T 9704 §7.3.5.2) is a layout
    # switch the templates read; the 基本信息 field of the same name, when filled, wins.
    ctx["落款方式"] = ctx.get("落款方式") or "加盖印章"
    ctx["文稿"] = TEXT_DOC[kind]
    ctx["截至日期"] = cn_date(as_of)
    ctx["成文日期"] = cn_date(document_date(ledger, kind) or today)
    ctx["单位简称"] = short_name(ledger)
    ctx["主送机关"] = addressee(ledger, kind)
    ctx["版记"] = imprint(ledger, ctx["成文日期"])
    ctx["领导小组"] = group_context(ledger)
    ctx["方面列表"] = aspects_context(
        ledger,
        as_of,
        say,
        public="通报段落" not in skip,
        wording="措施段落" not in skip,
        # (the task table is made of 措施列表)
        measures="措施列表" not in skip or "附件任务清单" not in skip,
    )
    ctx["统计"] = compute_stats(ledger, as_of, groups="统计分组" not in skip)
    ctx["长期坚持计入办结"] = "是" if long_term_counts(ledger) else "否"
    ctx["段落"] = paragraphs(ledger, kind, say)
    if "附件任务清单" not in skip:
        ctx["附件任务清单"] = task_rows(ctx["方面列表"])
    if kind == "notice":
        without_names(ctx, ledger)
    ctx.update(since_context(comparison))
    # Every ledger string above went through text(); the statistics quote names (方面,
    # 责任部门, 监督机构) as read, so they are cleaned here. render() strips forbidden
    # characters again from every printed value (the environment's finalize).
    ctx["统计"] = clean(ctx["统计"])
    return ctx


def body_text(ledger: Ledger) -> Callable[[Any], str]:
    """The cleaner of body text from the ledger: ``text`` plus the document's one money form
    and the unit's self-name in place of its full name (body text follows the opening
    paragraph, which names the unit in full)."""
    unit = text(ledger.info.get("单位名称"))
    short = short_name(ledger)
    renames = bool(unit and len(unit) >= 4 and short)  # else use_self_name changes nothing

    def say(value: Any) -> str:
        # called for four cells of every measure: what changes nothing is not called
        if value is None:
            return ""
        said = text(value)
        if "元" in said:
            said = W.money_in_text(said)
        if renames and unit in said:
            said = W.use_self_name(said, unit, short)
        return said

    return say


def short_name(ledger: Ledger) -> str:
    """单位简称 as given, else derived from 单位名称 (某区档案馆 → 我馆; default 我单位)."""
    return text(ledger.info.get("单位简称")) or W.self_name(text(ledger.info.get("单位名称")))


def document_date(ledger: Ledger, kind: str) -> Any:
    """The 成文日期 of document ``kind`` from 基本信息 (None when no field gives one)."""
    return _date_field(ledger, kind)[1]


def _date_field(ledger: Ledger, kind: str) -> tuple[str, Any]:
    """The 基本信息 field giving document ``kind`` its 成文日期, and its value (("", None)
    when none does)."""
    for name in DATE_FIELDS[kind]:
        if ledger.info.get(name):
            return name, ledger.info[name]
    return "", None


def stale_date_note(ledger: Ledger, kind: str, as_of: dt.date) -> str:
    """A 提示 when the 成文日期 that 基本信息 gives the document is earlier than the day its
    figures are as of (the document would be dated before the state it reports); "" else.
    The plan states no figures as of a day: it gets none."""
    if kind not in ("report", "notice"):
        return ""
    name, value = _date_field(ledger, kind)
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date) or value >= as_of:
        return ""
    return (
        f"提示：基本信息的“{name}”是{cn_date(value)}，早于文稿中“截至{cn_date(as_of)}”的统计日期，"
        "落款日期将早于所述情况。请在基本信息中更新成文日期，或用 --as-of 指定统计截止日期。"
    )


# The 版记 (GB/T 9704 §7.4; docs/公文格式.md §12): 4号 (14 pt) in the 156 mm 版心 holds 31
# characters a line; 抄送 and 印发机关 stand one character in from either end, so a 抄送 line
# holds 26 names' characters after "抄送：" (its later lines start under the first name).
IMPRINT_LINE_CHARS = 31 - 2 - 3
_IMPRINT_SEPARATORS = re.compile(r"[、，,；;\s]+")
IMPRINT_INDENT = "\u3000"  # one character in from the left end of the lines


def copy_to_lines(given: str, width: int = IMPRINT_LINE_CHARS) -> list[str]:
    """The 抄送 line of the 版记 in lines: "抄送：" and the names separated by "，", the last
    followed by "。" (GB/T 9704 §7.4.2), broken after a name's "，" (never inside a name that
    fits a line); later lines aligned under the first name."""
    names = [n for n in _IMPRINT_SEPARATORS.split(given.strip().rstrip("。.")) if n]
    lines: list[str] = []
    line = ""
    for i, name in enumerate(names):
        part = name + ("。" if i == len(names) - 1 else "，")
        while len(part) > width:  # a name longer than a line: cut where the line ends
            if line:
                lines.append(line)
                line = ""
            lines.append(part[:width])
            part = part[width:]
        if len(line) + len(part) > width:
            lines.append(line)
            line = ""
        line += part
    if line:
        lines.append(line)
    lead = IMPRINT_INDENT + "抄送："
    return [(lead if i == 0 else IMPRINT_INDENT * 4) + t for i, t in enumerate(lines)]


def imprint(ledger: Ledger, date: str) -> dict[str, Any]:
    """The 版记 of a report (上行文): 抄送 (``抄送``, its lines joined by line breaks; "" when
    none), 印发机关 (marked when empty) and 印发日期 (the 成文日期 ``date`` unless given), and
    ``留白``: one item per blank line kept after the 落款 (the 版记's lines and one more), so
    that the 版记, drawn at the foot of the page, never covers the 落款."""
    from ledger_tools.documents.tabletext import text_width

    copies = copy_to_lines(text(ledger.info.get("抄送机关")))
    given = ledger.info.get("印发日期")
    issuer = text(ledger.info.get("印发机关")) or missing_mark("印发机关")
    issued = (cn_date(given) if given else "") or date
    # 印发机关 and 印发日期 in one line, one character in from either end and one apart; a
    # longer name puts the date on a second line
    issued_lines = 1 if text_width(issuer + issued + "印发") + 3 <= IMPRINT_LINE_CHARS + 5 else 2
    return {
        "抄送": "\n".join(copies),
        "抄送行数": len(copies),
        "印发机关": issuer,
        "印发日期": issued,
        "留白": list(range(len(copies) + issued_lines)),
    }


def addressee(ledger: Ledger, kind: str) -> str:
    """主送机关: as given; the report, which must have one, marks it when empty."""
    given = text(ledger.info.get("主送机关"))
    if given or kind != "report":
        return given
    return missing_mark("主送机关")


_GROUP = ("组长", "副组长", "成员", "办公室主任")


def group_context(ledger: Ledger) -> dict[str, str]:
    """领导小组: 组长/副组长 "局党组书记、局长陈志远" (title before the name, as a 公文 writes
    it), 成员 as written, and the 办公室主任 clause, which never reads "办公室主任任办公室主任"."""
    field = {k: text(ledger.info.get(f"领导小组{k}")) for k in _GROUP}
    head = W.title_first(field["办公室主任"])
    if not head:
        clause = ""
    elif head.endswith("办公室主任"):
        clause = f"由{head}兼任领导小组办公室主任"
    else:
        clause = f"由{head}任办公室主任"
    return {
        # needed by the plan ("由…任组长"): marked when empty, like the other missing fields
        "组长": W.title_first(field["组长"]) or missing_mark("领导小组组长"),
        "副组长": W.title_first(field["副组长"]),
        "成员": field["成员"],
        "办公室主任": head,
        "办公室主任句": clause,
    }


def without_names(ctx: dict[str, Any], ledger: Ledger) -> None:
    """The public notice names no one: a personal name of a 责任人, 责任领导 or 领导小组 member
    in the text it prints is replaced by a visible marker for the clerk to rewrite."""
    cells = [text(m.values.get(c)) for m in ledger.measures for c in ("责任人", "责任领导")]
    cells += [text(ledger.info.get(f"领导小组{k}")) for k in _GROUP]
    names = W.person_names(cells)
    if not names:
        return
    pattern = re.compile("|".join(map(re.escape, names)))

    def scrub(value: str) -> str:
        return pattern.sub(NAME_MARK, value)

    for rows in ctx["段落"].values():
        for row in rows:
            row["小标题"], row["内容"] = scrub(row["小标题"]), scrub(row["内容"])
    for aspect in ctx["方面列表"]:
        for p in aspect["问题列表"]:
            for key in ("问题", "状态句", "通报段落"):
                if key in p:
                    p[key] = scrub(p[key])


def info_context(ledger: Ledger, kind: str) -> dict[str, str]:
    """Every 基本信息 field by name; dates as "2024年3月4日"; missing → "" (or, for a field
    this document needs, a visible marker: only reachable with --force)."""
    out = {}
    for f in C.INFO_FIELDS:
        value = ledger.info.get(f.name)
        shown = cn_date(value) if f.kind == "date" else text(value)
        if not shown and kind in f.needed_by:
            shown = missing_mark(f.name)
        out[f.name] = shown
    return out


def title(ledger: Ledger, kind: str) -> str:
    """The document title as one string (docs/公文格式.md), or the 基本信息 override (方案标题 …)
    without the manual line breaks ("/") it may hold."""
    from ledger_tools.documents.titles import join_lines

    return join_lines(title_lines(ledger, kind))


def title_lines(ledger: Ledger, kind: str) -> list[str]:
    """The title broken into lines for the title block (``titles.break_title``): at word
    boundaries, never inside the unit's or the inspecting body's name, in a trapezoid or
    diamond; the breaks a user wrote into the override with "/" (or a line break) win."""
    from ledger_tools.documents.titles import break_title, fit_manual, split_manual

    raw = ledger.info.get(TITLE_FIELDS[kind])
    override = strip_forbidden(str(raw)).strip() if raw not in (None, "") else ""
    names = [text(ledger.info.get(n)) for n in ("党组织名称", "监督机构", "单位名称", "上级党委")]
    if override:
        manual = split_manual(override)
        if manual:
            return fit_manual([text(line) for line in manual], names)
        return break_title(text(override), names)
    return break_title(default_title(ledger, kind), names)


def default_title(ledger: Ledger, kind: str) -> str:
    """The title built from 基本信息. The 监督类型 is left out where the 监督机构 already names
    it: "区委第二巡察组反馈意见", not "区委第二巡察组巡察反馈意见"."""
    info = {name: text(ledger.info.get(name)) for name in ("党组织名称", "监督机构", "监督类型")}
    org = info["党组织名称"] or missing_mark("党组织名称")
    body = info["监督机构"] or missing_mark("监督机构")
    # "其他" is a drop-down value, not a word to print in a title.
    sort = "" if info["监督类型"] == "其他" else info["监督类型"]
    said = sort if sort and sort not in body else ""
    if kind == "plan":
        return f"{org}关于落实{body}{said}反馈意见的整改方案"
    if kind == "report":
        return f"{org}关于{body}{said}反馈意见整改情况的报告"
    if not info["监督类型"]:  # needed by the notice: marked like the other missing fields
        sort = missing_mark("监督类型")
    return f"{org}关于{sort or '反馈意见'}整改落实进展情况的通报"


def aspects_context(
    ledger: Ledger,
    as_of: dt.date,
    say: Callable[[Any], str] = text,
    public: bool = True,
    wording: bool = True,
    measures: bool = True,
) -> list[dict[str, Any]]:
    """方面列表 → 问题列表 → 措施列表, numbered: 方面 一、二…, 问题 1, 2… across the
    document, 措施 1, 2… within each problem (``public=False``: without 通报段落;
    ``wording=False``: without 措施段落 and 状态句; ``measures=False``: without 措施列表;
    see ``problem_context``)."""
    from ledger_tools.ledger.status import closed_statuses

    closed = closed_statuses(long_term_counts(ledger))
    # Every problem in one status: the statistics sentence above the list says it for all of
    # them ("上述问题均尚未启动整改", "已整改到位6项，办结率100%"), so the notice does not close
    # problem after problem with the same "目前尚未启动，…" (docs/文稿生成规则.md, 八). All of
    # them closed (办结率100%): the 已完成 ones are not told "目前已整改到位" one by one either.
    statuses = {p.status for aspect in ledger.aspects for p in aspect.problems}
    said_for_all = statuses if len(statuses) == 1 else set()
    if len(statuses) > 1 and statuses <= set(closed):
        said_for_all = {C.STATUS_DONE}
    out, number = [], 0
    # No 方面 anywhere in the ledger (no 方面 column, or an empty one): the documents have no
    # 方面 heading (标题 empty) instead of "【方面未填】" over all the problems; a ledger where
    # only some rows lack one keeps the marker on those.
    unnamed = no_aspects(ledger)
    for i, aspect in enumerate(ledger.aspects, start=1):
        problems = []
        for p in aspect.problems:
            number += 1
            problems.append(
                problem_context(p, number, as_of, say, public, wording, measures, said_for_all)
            )
        out.append(
            {
                "序号": cn_num(i),
                "标题": "" if unnamed else text(aspect.title) or missing_mark("方面"),
                "在标题": "" if unnamed else in_aspect_title(aspect.title),
                "问题列表": problems,
                "问题数": len(problems),
                "措施数": sum(len(p.measures) for p in aspect.problems),
                "办结数": sum(1 for p in aspect.problems if p.status in closed),
            }
        )
    return out


# 在 as a preposition inside an aspect title (not the 在 of 存在, 现在, 所在, 实在, 正在 …)
_PREPOSITION_ZAI = re.compile(r"(?<![存现所实正内潜外自旨好健志意])在(?!于|乎)")


def in_aspect_title(title_text: Any) -> str:
    """The report's aspect heading "在…方面" (docs/公文格式.md) without doubling 在 or 方面."""
    t = text(title_text).rstrip("。；;，,：: ")
    if not t:
        return missing_mark("方面")
    # "带头在推动高质量发展上创新实干方面" has its 在 already: "在带头在推动…" says it twice
    if not t.startswith(("在", "关于")) and not _PREPOSITION_ZAI.search(t):
        t = "在" + t
    if not t.endswith(("方面", "问题", "情况")):
        t += "方面"
    return t


def _first(measures: list[Measure], column: str, say: Callable[[Any], str] = text) -> str:
    """A per-problem column (问题表现, 整改目标): the first non-empty value over its rows."""
    for m in measures:
        value = say(m.values.get(column))
        if value:
            return value
    return ""


def problem_context(
    p: Problem,
    number: int,
    as_of: dt.date,
    say: Callable[[Any], str] = text,
    public: bool = True,
    wording: bool = True,
    whole: bool = True,
    said_for_all: Collection[str | None] = (),
) -> dict[str, Any]:
    """One problem of 问题列表. Parts a built-in template never reads are left out
    (``trusted.unread_parts``): ``public=False`` without 通报段落, ``wording=False`` without
    措施段落 and 状态句 (nor each measure's 措施及成效), ``whole=False`` without 措施列表
    (the measures are worked out only as far as the paragraphs need them:
    ``measure_wording``). ``said_for_all``: the statuses the notice's statistics sentence says
    of every problem (a problem in one of them is not told its status again)."""
    if whole:
        measures = [measure_context(m, i, say) for i, m in enumerate(p.measures, start=1)]
        leaders = dict.fromkeys(m["责任领导"] for m in measures if m["责任领导"])
    else:
        measures = [measure_wording(m, say) for m in p.measures]
        leaders = dict.fromkeys(filter(None, map(text, _column(p.measures, "责任领导"))))
    out: dict[str, Any] = {
        "序号": number,
        "原序号": text(p.number),
        "方面": text(p.aspect),
        "问题": text(p.title) or missing_mark("问题"),
        # paragraphs of the plan: closed with "。" when the cell is not
        "问题表现": _sentence(_first(p.measures, "问题表现", say)),
        "整改目标": _sentence(_first(p.measures, "整改目标", say)),
        "责任领导": "、".join(leaders),
        "状态": p.status or missing_mark("状态"),
    }
    status = status_sentence(p, as_of, say) if wording or public else ""
    if wording:
        report_items(p, measures, as_of)
        paragraph = measures_paragraph(measures)
        out["状态句"] = unsaid_plan(status, paragraph)
        out["措施段落"] = paragraph
    if public:
        out["通报段落"] = public_paragraph(p, measures, status, p.status in said_for_all)
    if whole:
        # where the task list cuts a problem taller than a page (清单续, 清单段末)
        # (the first problem opens the table, under "附件" and the title: less room)
        task_list_blocks(out["问题"], measures, TASK_FIRST_PAGE_PT if number == 1 else TASK_PAGE_PT)
        out["措施列表"] = measures  # (with their 措施及成效 only when ``wording``)
    out["措施数"] = len(measures)
    return out


def _column(measures: list[Measure], name: str) -> list[Any]:
    return [m.values.get(name) for m in measures]


# ---------------------------------------------------------------------------------------------
# Status sentences: tense by status, the due date of what is open, the reason of what is late.


def status_sentence(p: Problem, as_of: dt.date, say: Callable[[Any], str] = text) -> str:
    """The sentence closing a problem in the report and the notice (docs/文稿生成规则.md):
    已完成 "目前已整改到位。"; 长期坚持 "目前已整改到位并长期坚持。"; 基本完成 "目前已基本完成，
    剩余工作计划于…完成。"; 正在推进 "目前正在推进，计划于…完成。"; 未启动 "目前尚未启动，计划于…
    完成。" A date already past is said with the 延期说明 of the late measures, or a visible
    【请说明超期原因及预计完成时间】."""
    fixed = {C.STATUS_DONE: "目前已整改到位。", C.STATUS_ONGOING: "目前已整改到位并长期坚持。"}
    if p.status in fixed:
        return fixed[p.status]
    heads = {
        C.STATUS_MOSTLY_DONE: ("目前已基本完成", "剩余工作"),
        C.STATUS_IN_PROGRESS: ("目前正在推进", ""),
        C.STATUS_NOT_STARTED: ("目前尚未启动", ""),
    }
    if p.status not in heads:
        return STATUS_SENTENCE_UNKNOWN + "。"  # a sentence like the others
    head, rest = heads[p.status]
    clause = open_work_clause(p.measures, as_of, rest, say)
    return _sentence(f"{head}，{clause}" if clause else head)


def unsaid_plan(status: str, said: str) -> str:
    """The report's status sentence without the plan the measures paragraph just ended with:
    "……正在跟踪复查，计划于2024年6月底前完成。" is followed by "目前正在推进。", not by
    "目前正在推进，计划于2024年6月底前完成。" (the same clause twice in a row). The notice,
    whose measures are leads without dates, keeps the whole sentence."""
    head, comma, clause = status.removesuffix("。").partition("，")
    plan = clause.removeprefix("剩余工作")
    if comma and plan.startswith("计划于") and "；" not in plan and said.endswith(plan + "。"):
        return head + "。"
    # nothing started, each measure said with its own date ("一是将于2024年9月底前…二是将于
    # 2024年10月底前…"): the last date is said, "计划于2024年10月底前完成" would repeat it
    day = plan.removeprefix("计划于").removesuffix("完成")
    if (
        head == "目前尚未启动"
        and plan.startswith("计划于")
        and "；" not in plan
        and f"将于{day}" in said
    ):
        return head + "。"
    return status


def open_work_clause(
    measures: list[Measure], as_of: dt.date, subject: str, say: Callable[[Any], str] = text
) -> str:
    """ "计划于2024年6月底前完成" for the unfinished measures; the late ones "原计划于…完成，
    {延期说明}" (or the overdue marker); no date at all (长期坚持 only): nothing, or
    "剩余工作正在抓紧推进" when ``subject`` is given."""
    unfinished = [m for m in measures if m.status not in C.FINISHED_STATUSES]
    late = [m for m in unfinished if m.deadline and m.deadline.due and m.deadline.due < as_of]
    timely = [m for m in unfinished if m.deadline and m.deadline.due and m.deadline.due >= as_of]
    parts = []
    if timely:
        # (every one has its due date: ``timely``)
        latest = max(
            timely, key=lambda m: m.deadline.due if m.deadline and m.deadline.due else as_of
        )
        parts.append(f"{subject}计划于{W.due_form(latest.deadline)}完成")
    if late:
        reasons = list(dict.fromkeys(W.strip_end(say(m.values.get("延期说明"))) for m in late))
        reason = "；".join(r for r in reasons if r) if all(reasons) else ""
        who = f"其中{len(late)}条措施" if timely else subject  # 措施 are counted in 条
        said = f"{who}原计划{_late_days(late)}完成，"
        parts.append(said + (reason or f"现已超期{OVERDUE_MARK}"))
    if not parts:
        bad = [m.deadline for m in unfinished if m.deadline and m.deadline.kind == "invalid"]
        if bad:
            return f"整改时限{invalid_mark('时限', bad[0].text)}"
        return f"{subject}正在抓紧推进" if subject else ""
    return "；".join(parts)


def _late_days(late: list[Measure]) -> str:
    """ "于2024年4月底前" when the late measures were due the same day; their days, earliest
    first, when they were not ("分别于2024年3月底前、4月底前" for two measures): the latest
    alone would tell the reader a measure due in March was due in April, against the task
    list. More than three days: "最迟于…"."""
    days = sorted({m.deadline.due for m in late if m.deadline and m.deadline.due})
    forms = [W.date_form(day) for day in days]
    if len(forms) == 1:
        return f"于{forms[0]}"
    if len(forms) > 3:
        return f"最迟于{forms[-1]}"
    year = forms[0][:5] if forms[0][4:5] == "年" else ""
    shown = [forms[0]] + [f.removeprefix(year) if year else f for f in forms[1:]]
    each = "分别" if len(forms) == len(late) else ""
    return f"{each}于{'、'.join(shown)}"


# ---------------------------------------------------------------------------------------------
# Measures.


def deadline_text(m: Measure) -> str:
    """整改时限 in the document's one form (2024年6月底前, 2024年4月15日前, 立行立改, 长期坚持);
    an unreadable or empty one is visibly marked."""
    d = m.deadline
    return W.deadline_form(d) or _unreadable_deadline(d, text(m.values.get("整改时限")))


def _unreadable_deadline(d: Deadline | None, raw: str) -> str:
    """The marker of a deadline ``W.deadline_form`` cannot say (``raw``: the cell's text)."""
    if d is not None and d.kind == "invalid":
        return invalid_mark("时限", d.text or raw)
    return invalid_mark("时限", raw) if raw else missing_mark("时限")


def _finished_text(m: Measure) -> str:
    f = m.finished
    if f is None or f.kind == "empty":
        return ""
    if f.kind == "invalid" or f.due is None:
        return invalid_mark("完成时间", f.text)
    if f.note == FINISHED_MONTH_NOTE:
        return finished_form(f)  # "2025年6月": the month the clerk wrote, not its 1st
    return _cn_day(f.due)


def _status_text(m: Measure) -> str:
    if m.status:
        return m.status
    raw = text(m.values.get("整改状态"))
    return invalid_mark("状态", raw) if raw else missing_mark("状态")


def _number_value(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else value
    return text(value)


def measure_context(m: Measure, number: int, say: Callable[[Any], str] = text) -> dict[str, Any]:
    # Called for every measure (40,000 in a large 汇总): the cells are read into locals once,
    # the common cases (a readable deadline and status, empty numbers) decided inline.
    get = m.values.get
    leader, lead, depts = text(get("责任领导")), text(get("牵头部门")), text(get("责任部门"))
    progress = say(get("整改进展及成效"))
    d, written = m.deadline, text(get("整改时限"))
    when = W.deadline_form(d) or _unreadable_deadline(d, written)
    measure = say(get("整改措施")) or missing_mark("整改措施")
    due = d.due if d else None
    f = m.finished
    money, people, rules = get("清退资金"), get("问责人次"), get("建立制度")
    return {
        "序号": number,
        "整改措施": measure,
        "措施要点": W.measure_lead(measure),
        "责任领导": leader,
        "责任领导姓名": W.names_only(leader),
        "牵头部门": lead,
        "责任部门": depts,
        "责任人": text(get("责任人")),
        "整改时限": when,
        "整改时限原文": written,
        "整改时限日期": _cn_day(due) if due else "",
        "整改状态": m.status or _status_text(m),
        "完成时间": "" if f is None or f.kind == "empty" else _finished_text(m),
        "整改进展及成效": progress,
        "延期说明": say(get("延期说明")),
        "佐证材料": text(get("佐证材料")),
        "清退资金": "" if money is None else _number_value(money),
        "问责人次": "" if people is None else _number_value(people),
        "建立制度": "" if rules is None else _number_value(rules),
        "备注": text(get("备注")),
        "责任说明": W.duty_text(leader, lead, depts, when),
        "措施及成效": "",  # the report's wording, set by report_items
    }


def measure_wording(m: Measure, say: Callable[[Any], str] = text) -> dict[str, Any]:
    """What ``report_items`` and ``public_paragraph`` read of ``measure_context``, alone
    (for a template that prints the problems' paragraphs but not 措施列表): the same values."""
    get = m.values.get
    measure = say(get("整改措施")) or missing_mark("整改措施")
    f = m.finished
    return {
        "整改措施": measure,
        "措施要点": W.measure_lead(measure),
        "完成时间": "" if f is None or f.kind == "empty" else _finished_text(m),
        "整改进展及成效": say(get("整改进展及成效")),
    }


@functools.lru_cache(maxsize=W.CACHED)
def _cn_day(day: dt.date) -> str:
    """``cn_date`` of a due or finishing day (a few hundred distinct ones in any ledger)."""
    return cn_date(day)


def report_items(p: Problem, measures: list[dict[str, Any]], as_of: dt.date) -> None:
    """Set each measure's 措施及成效: how the report says it, by its status.

    已完成/长期坚持 with a narrative: the short lead, then the narrative ("修订学习制度。2024年
    3月28日印发…"), or the narrative alone when it already says the lead; never the plan text
    followed by its own progress. Without a narrative: "…，已于2024年3月28日完成". 基本完成/
    正在推进: lead and narrative, "该项工作正在推进" when there is none (unless the whole
    problem is in that state: its status sentence says so), and its due date when the
    problem's measures fall due on different days. 未启动: a plan, "将于2024年9月底前…"
    ("将…" when the problem's status sentence gives the date).
    Consecutive measures sharing one narrative (a merged cell, one cell split into several
    measures) say it once, after the last of them."""
    open_dues = {
        W.due_form(m.deadline)
        for m in p.measures
        if m.status not in C.FINISHED_STATUSES and m.deadline and m.deadline.due
    }
    for i, (m, ctx) in enumerate(zip(p.measures, measures, strict=True)):
        progress = ctx["整改进展及成效"]
        shared = (
            i + 1 < len(measures) and progress and measures[i + 1]["整改进展及成效"] == progress
        )
        if shared and m.status != C.STATUS_NOT_STARTED:
            # its narrative follows the last measure of the group: only the lead here
            ctx["措施及成效"] = _sentence(ctx["措施要点"])
            continue
        ctx["措施及成效"] = _sentences(
            report_item(m, ctx, "" if shared else progress, as_of, len(open_dues) > 1, p.status)
        )


def report_item(
    m: Measure,
    ctx: dict[str, Any],
    progress: str,
    as_of: dt.date,
    own_date: bool,
    problem_status: str | None = None,
) -> list[str]:
    """The sentences of one measure in the report (see ``report_items``). A measure in the
    state of its whole problem does not say that state: the problem's status sentence, right
    after, says it ("目前正在推进，…", "目前尚未启动，原计划于…完成，…"), and a reader would
    hear it twice."""
    measure, lead = ctx["整改措施"], ctx["措施要点"]
    due = W.due_form(m.deadline)
    late = bool(m.deadline and m.deadline.due and m.deadline.due < as_of)
    said_by_problem = m.status == problem_status
    if m.status == C.STATUS_NOT_STARTED:
        plan = measure[1:] if measure.startswith("将") else measure  # never "将于…将…"
        if said_by_problem and (late or not own_date):
            return [f"将{plan}", progress]  # the status sentence gives the date (and delay)
        if late:
            return [f"{W.strip_end(measure)}，原定于{due}完成，目前尚未启动", progress]
        return [f"将于{due}{plan}" if due else f"将{plan}", progress]
    said = [progress] if progress and W.says_lead(progress, lead) else [lead, progress]
    if m.status in C.FINISHED_STATUSES:
        if progress:
            return said
        day = ctx["完成时间"]
        if m.status == C.STATUS_ONGOING:
            return [f"{W.strip_end(measure)}，自{day}起长期坚持" if day else measure]
        return [f"{W.strip_end(measure)}，已于{day}完成" if day else measure]
    if m.status not in (C.STATUS_IN_PROGRESS, C.STATUS_MOSTLY_DONE):
        return [measure, progress]  # status unknown (only with --force): as written
    if not progress:
        word = "已基本完成" if m.status == C.STATUS_MOSTLY_DONE else "正在推进"
        said = [measure] if said_by_problem else [measure, f"该项工作{word}"]
    if own_date and due and not late and not W.PLAN_WORDS.search(progress):
        said[-1] = f"{W.strip_end(said[-1])}，计划于{due}完成"
    return said


def measures_paragraph(measures: list[dict[str, Any]]) -> str:
    """ "一是…。二是…。" in one paragraph (each item as ``report_items`` words it); a single
    measure is not numbered."""
    items = [m["措施及成效"] for m in measures]
    if len(items) == 1:
        return items[0]
    return "".join(_ordinal(i) + item for i, item in enumerate(items, start=1))


@functools.lru_cache(maxsize=256)
def _ordinal(number: int) -> str:
    return cn_ordinal(number)


# ---------------------------------------------------------------------------------------------
# The public notice: per problem, what was done, the figures and where it stands.


def public_paragraph(
    p: Problem, measures: list[dict[str, Any]], status: str, said_for_all: bool = False
) -> str:
    """The notice's paragraph of one problem, shorter than the report's and without names:
    "主要措施：{lead}；{lead}。共{money, 问责}。{status}下一步计划：{leads not started}。"
    (a list after a colon reads right whatever the leads start with: a verb or a subject).

    ``said_for_all``: every problem is in this problem's status, which the statistics sentence
    has said of them all. The status is then not said again here, only what is this problem's
    own: its date ("下一步计划：…；…，于2024年10月底前完成。", "计划于2024年6月底前完成。") or
    its delay; a problem closed like all the others gets no status sentence."""
    started, planned = [], []
    for m, c in zip(p.measures, measures, strict=True):
        if m.status == C.STATUS_NOT_STARTED:
            planned.append(c["措施要点"])
        elif m.status:
            started.append(c["措施要点"])
    # The problem's own 清退资金 and 问责人次, summed and worded as the statistics sentence
    # words the totals ("共清退资金8,600元，约谈问责3人次。"). Not its 建立制度: the leads name
    # the 制度 already, the statistics sentence gives the total, and "共建立完善制度1项。" after
    # problem upon problem read as a form filled in (the 公文 review).
    sums, bad = _sums(p.measures)
    sums["建立制度"] = bad["建立制度"] = 0
    # a sum missing a cell that cannot be read ("约3万") is in 【】, as in the statistics sentence
    sums["存疑"] = {name: "" for name, n in bad.items() if n}
    parts = []
    if started:
        parts.append(f"主要措施：{'；'.join(dict.fromkeys(started))}")
    parts.append(_sums_sentence(sums))
    own = status_without_head(status) if said_for_all else status
    leads = list(dict.fromkeys(planned))
    plan = f"下一步计划：{'；'.join(leads)}" if planned else ""
    nothing_started = said_for_all and p.status == C.STATUS_NOT_STARTED
    if plan and nothing_started and own.startswith("计划于") and "；" not in own:
        # nothing started anywhere: the date belongs to the plan, said once
        plan, own = f"{plan}，{own.removeprefix('计划')}", ""
    elif plan and nothing_started and own.startswith(("计划于", "原计划")):
        # the dates of the plan and its delay ("计划于…完成；其中2条措施原计划…，现已超期")
        # come after the plan they are of, not before anything has been said to be planned
        subject = "上述措施" if len(leads) > 1 else "该措施"
        parts.append(plan)
        plan, own = "", subject + own
    parts.append(own)
    if plan:  # a problem not started at all says what is planned too, not only its date
        parts.append(plan)
    return _sentences(parts)


def status_without_head(status: str) -> str:
    """A status sentence less its opening state ("目前正在推进，计划于…完成。" → "计划于…完成";
    "目前已整改到位。" → ""): what the problem adds to a state the statistics sentence said of
    every problem. A marker (an unknown status) is kept whole."""
    if not status.startswith("目前"):
        return status
    return status.removesuffix("。").partition("，")[2]


# ---------------------------------------------------------------------------------------------
# 文稿段落.


def paragraphs(
    ledger: Ledger, kind: str, say: Callable[[Any], str] = text
) -> dict[str, list[dict[str, str]]]:
    """段落: the 文稿段落 rows of this document (文稿 = its name or 全部), grouped by 章节 in
    order. The notice uses the report's rows when it has none of its own. Every known 章节
    is present (possibly empty) so a template can loop over it without an error."""
    out: dict[str, list[dict[str, str]]] = {s: [] for s in C.ALL_TEXT_SECTIONS}
    # a figure of the whole typed into the text ("把反馈的13个问题细化为44条整改措施") that the
    # ledger no longer bears out is marked where it stands, for the clerk to correct
    totals = ledger_totals(ledger)
    for t in text_rows(ledger, kind):
        section = text(t.get("章节")) or "其他"
        out.setdefault(section, []).append(
            {
                "小标题": join_sentences(say(t.get("小标题"))),
                "内容": W.mark_typed_totals(join_sentences(say(t.get("内容"))), totals),
            }
        )
    if kind == "report":
        without_closing(out)
    # A section of this document with no text would print its heading over nothing: say so
    # in the document, visibly, the way other missing values are marked.
    doc = TEXT_DOC[kind]
    for section in C.TEXT_SECTIONS[doc]:
        if not out[section]:
            out[section] = [{"小标题": "", "内容": missing_text_marker(doc, section)}]
    return out


REPORT_CLOSING = "特此报告。"


def without_closing(sections: dict[str, list[dict[str, str]]]) -> None:
    """The report's template ends the body with its own "特此报告。": a 文稿段落 ending with
    it (or holding only it) would print it twice."""
    for section, rows in sections.items():
        kept = []
        for row in rows:
            if row["内容"].endswith(REPORT_CLOSING):
                row["内容"] = row["内容"].removesuffix(REPORT_CLOSING)
            if row["内容"] or row["小标题"]:
                kept.append(row)
        sections[section] = kept


def ledger_totals(ledger: Ledger) -> dict[str, int]:
    """方面数, 问题数 and 措施数 as the statistics sentence counts them."""
    problems = sum(len(a.problems) for a in ledger.aspects)
    return {"方面数": len(ledger.aspects), "问题数": problems, "措施数": len(ledger.measures)}


def text_rows(ledger: Ledger, kind: str) -> list[dict[str, Any]]:
    """The 文稿段落 rows document ``kind`` prints (文稿 = its name or 全部; the notice falls
    back on the report's rows when it has none of its own)."""
    doc = TEXT_DOC[kind]

    def rows_for(names: Iterable[str]) -> list[dict[str, Any]]:
        wanted = set(names)
        return [t for t in ledger.texts if (text(t.get("文稿")) or "全部") in wanted]

    if kind == "notice" and not any(text(t.get("文稿")) == doc for t in ledger.texts):
        return rows_for(("报告", "全部"))
    return rows_for((doc, "全部"))


def missing_text_marker(doc: str, section: str) -> str:
    """The 【】 marker a document prints for a 文稿段落 章节 the ledger does not fill."""
    return f"【本节未填写：请在台账“{C.SHEET_TEXT}”表中填写（文稿：{doc}，章节：{section}）】"


def missing_sections(ledger: Ledger, kind: str) -> list[str]:
    """The 章节 of document ``kind`` that the ledger's 文稿段落 leaves empty."""
    marked = paragraphs(ledger, kind)
    doc = TEXT_DOC[kind]
    return [s for s in C.TEXT_SECTIONS[doc] if marked[s][0]["内容"] == missing_text_marker(doc, s)]


# ---------------------------------------------------------------------------------------------
# Sample text of the standard workbook: a document is not generated while it remains.

# The ledger columns each document prints.
_PRINTED_COLUMNS = {
    "plan": ("方面", "问题", "问题表现", "整改目标", "整改措施", "责任领导", "牵头部门",
             "责任部门", "责任人", "整改时限"),
    "report": ("方面", "问题", "整改措施", "整改进展及成效", "延期说明"),
    "notice": ("方面", "问题", "整改措施", "延期说明"),
}  # fmt: skip


def sample_text_findings(ledger: Ledger, kind: str) -> list[Finding]:
    """Errors for the workbook's sample text (【示例，请修改】) that document ``kind`` would
    print: its 文稿段落 rows, 基本信息 and the ledger columns it quotes. ``render`` refuses
    the document while there are any (unless --force)."""
    mark = C.EXAMPLE_MARK
    advice = (
        f"还是标准台账的示例文字（“{mark}”），{DOC_NAMES[kind]}会原样印出。请改为本单位的实际内容"
    )
    out = []
    for t in text_rows(ledger, kind):
        if any(mark in text(t.get(k)) for k in ("小标题", "内容")):
            row = t.get("行") or ""
            out.append(
                Finding(
                    "example-text",
                    ERROR,
                    f"{C.SHEET_TEXT}（{text(t.get('章节'))}）{advice}，或删除这一行。",
                    C.SHEET_TEXT,
                    int(row) if str(row or "").isdigit() else None,
                    "D",
                    "内容",
                    text(t.get("内容")),
                )
            )
    for name, value in ledger.info.items():
        if isinstance(value, str) and mark in value:
            sheet, _, addr = ledger.info_cells.get(name, C.SHEET_INFO).partition("!")
            row = int(addr[1:]) if addr[1:].isdigit() else None
            out.append(
                Finding(
                    "example-text",
                    ERROR,
                    f"基本信息“{name}”{advice}。",
                    sheet,
                    row,
                    "B" if row else "",
                    name,
                    value,
                )  # fmt: skip
            )
    columns, first = _PRINTED_COLUMNS[kind], mark[0]
    for m in ledger.measures:
        get = m.values.get
        for column in columns:
            # text() removes characters and joins lines with "；" or " ": a cell without the
            # mark's first character cannot show the mark
            value = get(column)
            if value is None or (type(value) is str and first not in value):
                continue
            if mark in text(value):
                out.append(
                    Finding(
                        "example-text",
                        ERROR,
                        f"“{column}”{advice}。",
                        m.sheet or ledger.origin.sheet,
                        m.row,
                        ledger.origin.columns.get(column, ""),
                        column,
                        text(m.values.get(column)),
                    )  # fmt: skip
                )
    return out


def task_rows(aspects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """附件任务清单: one row per measure; 序号/方面/问题 repeat over a problem's rows (the
    template merges them), 首行 and 跨行数 say where a problem starts and how many rows it has."""
    rows = []
    for aspect in aspects:
        for p in aspect["问题列表"]:
            for m in p["措施列表"]:
                rows.append(
                    {
                        "序号": p["序号"],
                        "方面": aspect["标题"],
                        "问题": p["问题"],
                        "措施序号": m["序号"],
                        "整改措施": m["整改措施"],
                        "责任领导": m["责任领导"],
                        "责任部门": m["责任部门"] or m["牵头部门"],
                        "责任人": m["责任人"],
                        "整改时限": m["整改时限"],
                        "首行": m["序号"] == 1,
                        "跨行数": p["措施数"],
                    }
                )
    return rows


def sample_ledger() -> Ledger:
    """A tiny ledger with one of everything (every 基本信息 field, every column, every 文稿段落
    章节, two measures): used by ``templates check`` to know every name a template may use."""
    from ledger_tools.ledger.model import Aspect, Origin

    day = dt.date(2024, 3, 29)
    values: dict[str, Any] = {name: f"示例{name}" for name in C.COLUMN_NAMES}
    values.update({"清退资金": 100.0, "问责人次": 1, "建立制度": 1, "完成时间": day})
    measures = [
        Measure(
            row=row,
            values=dict(values),
            deadline=Deadline("date", "2024年3月31日", dt.date(2024, 3, 31)),
            finished=Deadline("date", "2024年3月29日", day),
            status=C.STATUS_DONE,
        )
        for row in (2, 3)
    ]
    problem = Problem("1", values["问题"], values["方面"], measures, C.STATUS_DONE)
    info: dict[str, Any] = {f.name: f"示例{f.name}" for f in C.INFO_FIELDS}
    info.update({f.name: day for f in C.INFO_FIELDS if f.kind == "date"})
    info["长期坚持计入办结"] = "是"
    texts = [
        {"文稿": "全部", "章节": s, "小标题": f"示例{s}", "内容": f"示例{s}内容"}
        for s in C.ALL_TEXT_SECTIONS
    ]
    origin = Origin("示例台账.xlsx", C.SHEET_LEDGER, 1, {n: "A" for n in C.COLUMN_NAMES})
    return Ledger(origin, measures, [Aspect(values["方面"], [problem])], info, texts)
