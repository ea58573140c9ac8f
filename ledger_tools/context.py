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
import re
from collections.abc import Callable, Iterable
from typing import Any

from ledger_tools import columns as C
from ledger_tools.cells import strip_forbidden
from ledger_tools.dates import deadline_text as dates_deadline_text
from ledger_tools.dates import format_cn_date
from ledger_tools.model import Deadline, Ledger, Measure, Problem
from ledger_tools.status import closure_rate_text, percent_text

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
    if n < 10000:
        text = _cn_below_10000(n)
    else:
        high, low = divmod(n, 10000)
        text = cn_num(high) + "万"
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
    from ledger_tools.stats import money_text

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

    return _PUNCT_RUN.sub(strongest, text)


def _sentence(text: str, end: str) -> str:
    text = _collapse_punct(text.strip()).lstrip("。；;，,、 ").rstrip(_TRAILING)
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
        if part is None or _is_undefined(part):
            continue
        sentence = _sentence(str(part), end)
        if sentence:
            out.append(sentence)
    return "".join(out)


def _is_undefined(value: Any) -> bool:
    import jinja2

    return isinstance(value, jinja2.Undefined)


FILTERS: dict[str, Callable[..., str]] = {
    "cn_num": cn_num,
    "cn_paren_num": cn_paren_num,
    "cn_ordinal": cn_ordinal,
    "cn_date": cn_date,
    "percent": percent,
    "money": money,
    "join_sentences": join_sentences,
}

# ---------------------------------------------------------------------------------------------
# Cleaning text for a Word document.

_CLAUSE_END = "。；;，,、：:！？!?"


def text(value: Any) -> str:
    """A cell as one line of document text: no forbidden characters, line breaks joined (a
    line that does not end in punctuation is followed by "；"), tabs as spaces."""
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


def build_context(
    ledger: Ledger,
    kind: str = "report",
    as_of: dt.date | None = None,
    today: dt.date | None = None,
    comparison: Any = None,
) -> dict[str, Any]:
    """The context of document ``kind`` (plan | report | notice), as of ``as_of`` (the 截至
    date; default today). ``today`` is the default 成文日期 (default: the real today).
    ``comparison`` (``upward.diff.Comparison``, ``report --since``) fills 与上期 and
    与上期说明; without it they are empty."""
    from ledger_tools.stats import compute_stats, long_term_counts
    from ledger_tools.upward.diff import since_context

    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}; expected one of {KINDS}")
    today = today or dt.date.today()
    as_of = as_of or today
    ctx = info_context(ledger, kind)
    ctx["标题"] = title(ledger, kind)
    ctx["文稿"] = TEXT_DOC[kind]
    ctx["截至日期"] = cn_date(as_of)
    ctx["成文日期"] = cn_date(ledger.info.get("成文日期") or today)
    ctx["方面列表"] = aspects_context(ledger, as_of)
    ctx["统计"] = compute_stats(ledger, as_of)
    ctx["长期坚持计入办结"] = "是" if long_term_counts(ledger) else "否"
    ctx["段落"] = paragraphs(ledger, kind)
    ctx["附件任务清单"] = task_rows(ctx["方面列表"])
    ctx.update(since_context(comparison))
    # Every ledger string above went through text(); the statistics quote names (方面,
    # 责任部门, 监督机构) as read, so they are cleaned here. render() strips forbidden
    # characters again from every printed value (the environment's finalize).
    ctx["统计"] = clean(ctx["统计"])
    return ctx


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
    """The document title (DOCUMENTS.md §1), or the 基本信息 override (方案标题 …)."""
    override = text(ledger.info.get(TITLE_FIELDS[kind]))
    if override:
        return override
    info = {name: text(ledger.info.get(name)) for name in ("党组织名称", "监督机构", "监督类型")}
    org = info["党组织名称"] or missing_mark("党组织名称")
    body = info["监督机构"] or missing_mark("监督机构")
    # "其他" is a drop-down value, not a word to print in a title.
    sort = "" if info["监督类型"] == "其他" else info["监督类型"]
    if kind == "plan":
        return f"{org}关于落实{body}{sort}反馈意见的整改方案"
    if kind == "report":
        return f"{org}关于{body}{sort}反馈意见整改情况的报告"
    return f"{org}关于{sort or '反馈意见'}整改落实进展情况的通报"


def aspects_context(ledger: Ledger, as_of: dt.date) -> list[dict[str, Any]]:
    """方面列表 → 问题列表 → 措施列表, numbered: 方面 一、二…, 问题 1, 2… across the
    document, 措施 1, 2… within each problem."""
    from ledger_tools.stats import long_term_counts
    from ledger_tools.status import closed_statuses

    closed = closed_statuses(long_term_counts(ledger))
    out, number = [], 0
    for i, aspect in enumerate(ledger.aspects, start=1):
        problems = []
        for p in aspect.problems:
            number += 1
            problems.append(problem_context(p, number, as_of))
        out.append(
            {
                "序号": cn_num(i),
                "标题": text(aspect.title) or missing_mark("方面"),
                "在标题": in_aspect_title(aspect.title),
                "问题列表": problems,
                "问题数": len(problems),
                "措施数": sum(len(p.measures) for p in aspect.problems),
                "办结数": sum(1 for p in aspect.problems if p.status in closed),
            }
        )
    return out


def in_aspect_title(title_text: Any) -> str:
    """The report's aspect heading "在…方面" (DOCUMENTS.md §1) without doubling 在 or 方面."""
    t = text(title_text).rstrip("。；;，,：: ")
    if not t:
        return missing_mark("方面")
    if not t.startswith(("在", "关于")):
        t = "在" + t
    if not t.endswith(("方面", "问题", "情况")):
        t += "方面"
    return t


def _first(measures: list[Measure], column: str) -> str:
    """A per-problem column (问题表现, 整改目标): the first non-empty value over its rows."""
    for m in measures:
        value = text(m.values.get(column))
        if value:
            return value
    return ""


def problem_context(p: Problem, number: int, as_of: dt.date) -> dict[str, Any]:
    measures = [measure_context(m, i) for i, m in enumerate(p.measures, start=1)]
    leaders = dict.fromkeys(m["责任领导"] for m in measures if m["责任领导"])
    return {
        "序号": number,
        "原序号": text(p.number),
        "方面": text(p.aspect),
        "问题": text(p.title) or missing_mark("问题"),
        "问题表现": _first(p.measures, "问题表现"),
        "整改目标": _first(p.measures, "整改目标"),
        "责任领导": "、".join(leaders),
        "状态": p.status or missing_mark("状态"),
        "状态句": status_sentence(p, as_of),
        "措施段落": measures_paragraph(measures),
        "措施列表": measures,
        "措施数": len(measures),
    }


def status_sentence(p: Problem, as_of: dt.date) -> str:
    """The sentence closing a problem in the report (DOCUMENTS.md §1)."""
    fixed = {
        C.STATUS_DONE: "目前已整改到位。",
        C.STATUS_ONGOING: "目前已整改到位并长期坚持。",
        C.STATUS_MOSTLY_DONE: "目前已基本完成，正在持续巩固。",
        C.STATUS_NOT_STARTED: "尚未启动。",
    }
    if p.status in fixed:
        return fixed[p.status]
    if p.status != C.STATUS_IN_PROGRESS:
        return STATUS_SENTENCE_UNKNOWN
    return in_progress_sentence(p.measures, as_of)


def in_progress_sentence(measures: list[Measure], as_of: dt.date) -> str:
    """正在推进: "计划于{the latest due date among unfinished measures}前完成". A date already
    past is said to be past; no date at all (only 长期坚持 deadlines) is not invented."""
    unfinished = [m for m in measures if m.status not in C.FINISHED_STATUSES]
    dated = [m.deadline for m in unfinished if m.deadline is not None and m.deadline.due]
    if dated:
        latest = max(dated, key=lambda d: d.due or dt.date.min)
        when = deadline_phrase(latest)
        if latest.due and latest.due < as_of:
            return f"目前正在推进，原计划于{when}前完成，现已超期。"
        return f"目前正在推进，计划于{when}前完成。"
    bad = [
        m.deadline for m in unfinished if m.deadline is not None and m.deadline.kind == "invalid"
    ]
    if bad:
        return f"目前正在推进（整改时限{invalid_mark('时限', bad[0].text)}）。"
    return "目前正在推进。"


def deadline_phrase(deadline: Deadline) -> str:
    """The due date to put in "计划于…前完成": a period written as its end ("2024年6月底",
    "2024年三季度末") as written; any other form as the day itself, since "2024年6月前" or
    "第二季度前" would read as *before* the period."""
    if deadline.kind == "period" and deadline.text:
        written = re.sub(r"(之?前|以前)$", "", text(deadline.text).rstrip("。 "))
        if written.endswith(("底", "末")):
            return written
    return cn_date(deadline.due)


def deadline_text(m: Measure) -> str:
    """整改时限 as the documents print it; an unreadable or empty one is visibly marked."""
    d = m.deadline
    raw = text(m.values.get("整改时限"))
    if d is None or d.kind == "empty":
        return invalid_mark("时限", raw) if raw else missing_mark("时限")
    if d.kind == "invalid":
        return invalid_mark("时限", d.text or raw)
    return text(dates_deadline_text(d))


def _finished_text(m: Measure) -> str:
    f = m.finished
    if f is None or f.kind == "empty":
        return ""
    if f.kind == "invalid" or f.due is None:
        return invalid_mark("完成时间", f.text)
    return cn_date(f.due)


def _status_text(m: Measure) -> str:
    if m.status:
        return m.status
    raw = text(m.values.get("整改状态"))
    return invalid_mark("状态", raw) if raw else missing_mark("状态")


def _number_value(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else value
    return text(value)


_MEASURE_TEXT = (
    "整改措施",
    "责任领导",
    "牵头部门",
    "责任部门",
    "责任人",
    "整改进展及成效",
    "佐证材料",
    "备注",
)


def measure_context(m: Measure, number: int) -> dict[str, Any]:
    v = {name: text(m.values.get(name)) for name in _MEASURE_TEXT}
    when = deadline_text(m)
    measure = v["整改措施"] or missing_mark("整改措施")
    duty = [
        ("责任领导", v["责任领导"]),
        ("牵头部门", v["牵头部门"]),
        ("责任部门", v["责任部门"]),
        ("完成时限", when),
    ]
    duty_text = "；".join(f"{k}：{val}" for k, val in duty if val)
    return {
        "序号": number,
        "整改措施": measure,
        "责任领导": v["责任领导"],
        "牵头部门": v["牵头部门"],
        "责任部门": v["责任部门"],
        "责任人": v["责任人"],
        "整改时限": when,
        "整改时限日期": cn_date(m.deadline.due) if m.deadline and m.deadline.due else "",
        "整改状态": _status_text(m),
        "完成时间": _finished_text(m),
        "整改进展及成效": v["整改进展及成效"],
        "佐证材料": v["佐证材料"],
        "清退资金": _number_value(m.values.get("清退资金")),
        "问责人次": _number_value(m.values.get("问责人次")),
        "建立制度": _number_value(m.values.get("建立制度")),
        "备注": v["备注"],
        "责任说明": f"（{duty_text}）" if duty_text else "",
        "措施及成效": join_sentences([measure, v["整改进展及成效"]]),
    }


def measures_paragraph(measures: list[dict[str, Any]]) -> str:
    """ "一是…。二是…。" in one paragraph; a single measure is not numbered. When consecutive
    measures share one 整改进展及成效 (a merged cell, or one cell split into several
    measures), it is said once, after the last of them, not repeated after each."""
    items = []
    for i, m in enumerate(measures):
        progress = m["整改进展及成效"]
        shared = (
            i + 1 < len(measures) and progress and measures[i + 1]["整改进展及成效"] == progress
        )
        items.append(join_sentences([m["整改措施"], "" if shared else progress]))
    if len(items) == 1:
        return items[0]
    return "".join(cn_ordinal(i) + item for i, item in enumerate(items, start=1))


def paragraphs(ledger: Ledger, kind: str) -> dict[str, list[dict[str, str]]]:
    """段落: the 文稿段落 rows of this document (文稿 = its name or 全部), grouped by 章节 in
    order. The notice uses the report's rows when it has none of its own. Every known 章节
    is present (possibly empty) so a template can loop over it without an error."""
    doc = TEXT_DOC[kind]

    def rows_for(names: Iterable[str]) -> list[dict[str, str]]:
        wanted = set(names)
        return [t for t in ledger.texts if (text(t.get("文稿")) or "全部") in wanted]

    rows = rows_for((doc, "全部"))
    if kind == "notice" and not any(text(t.get("文稿")) == doc for t in ledger.texts):
        rows = rows_for(("报告", "全部"))
    out: dict[str, list[dict[str, str]]] = {s: [] for s in C.ALL_TEXT_SECTIONS}
    for t in rows:
        section = text(t.get("章节")) or "其他"
        out.setdefault(section, []).append(
            {
                "小标题": join_sentences(text(t.get("小标题"))),
                "内容": join_sentences(text(t.get("内容"))),
            }
        )
    # A section of this document with no text would print its heading over nothing: say so
    # in the document, visibly, the way other missing values are marked.
    for section in C.TEXT_SECTIONS[doc]:
        if not out[section]:
            out[section] = [{"小标题": "", "内容": missing_text_marker(doc, section)}]
    return out


def missing_text_marker(doc: str, section: str) -> str:
    """The 【】 marker a document prints for a 文稿段落 章节 the ledger does not fill."""
    return f"【本节未填写：请在台账“{C.SHEET_TEXT}”表中填写（文稿：{doc}，章节：{section}）】"


def missing_sections(ledger: Ledger, kind: str) -> list[str]:
    """The 章节 of document ``kind`` that the ledger's 文稿段落 leaves empty."""
    marked = paragraphs(ledger, kind)
    doc = TEXT_DOC[kind]
    return [s for s in C.TEXT_SECTIONS[doc] if marked[s][0]["内容"] == missing_text_marker(doc, s)]


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
    from ledger_tools.model import Aspect, Origin

    day = dt.date(2024, 3, 29)
    values = {name: f"示例{name}" for name in C.COLUMN_NAMES}
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
