"""How the documents word what the ledger says: the rules of docs/文稿生成规则.md.

Pure text functions, no I/O. ``context`` applies them when it builds the template context:

* people: "陈志远（党组书记、局长）" is "陈志远" inside a 责任 bracket and "党组书记、局长陈志远" in
  a 领导小组 sentence (``split_people``, ``names_only``, ``title_first``);
* departments: 牵头部门 = 责任部门 is said once (``duty_text``);
* deadlines: one form per document, "2024年6月底前" / "2024年4月15日前" / 立行立改 / 长期坚持
  (``deadline_form``);
* money: one form per document, the one the statistics sentence uses (``money_in_text``);
* the unit's short self-name after the first mention (``self_name``, ``use_self_name``);
* measures in a report: a short lead and the narrative, or the narrative alone when it says
  the lead already; tense by status (``measure_lead``, ``report_measure``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

from ledger_tools.lazyre import lazy
from ledger_tools.ledger.dates import TERM_NOTE, format_cn_date, keeps_on
from ledger_tools.ledger.model import Deadline

# ---------------------------------------------------------------------------------------------
# Splitting text outside brackets and quotes.

# Pure functions called for every measure with values that repeat (names, departments, due
# days) are cached: this many distinct values each, whatever the ledger's size.
CACHED = 1 << 14

_OPEN = "（(“‘《〈「『【〔"
_CLOSE = "）)”’》〉」』】〕"


def split_outside(value: str, separators: str) -> list[str]:
    """``value`` split at any of ``separators`` that is not inside brackets or quotes:
    "陈志远（党组书记、局长）、王建国" → ["陈志远（党组书记、局长）", "王建国"]."""
    return list(_parts_outside(value, separators))


def _parts_outside(value: str, separators: str) -> Iterator[str]:
    """The parts of ``split_outside``, stripped, empty ones skipped, one at a time."""
    marks = _marks(separators)
    if not _OPENING.search(value):  # nothing is inside brackets: split at every separator
        parts: Iterable[str] = marks[0].split(value)
    else:
        parts = _bracketed_split(value, separators, marks[1])
    for part in parts:
        part = part.strip()
        if part:
            yield part


def _bracketed_split(value: str, separators: str, marks: re.Pattern[str]) -> Iterator[str]:
    # only the brackets and separators are looked at, not every character
    depth, start = 0, 0
    for m in marks.finditer(value):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        if depth == 0 and ch in separators:
            yield value[start : m.start()]
            start = m.end()
    yield value[start:]


_OPENING = lazy(f"[{re.escape(_OPEN)}]")


@functools.lru_cache(maxsize=32)
def _marks(separators: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any one of ``separators``, any separator or bracket) as patterns."""
    one = re.compile(f"[{re.escape(separators)}]") if separators else re.compile("(?!)")
    return one, re.compile(f"[{re.escape(_OPEN + _CLOSE + separators)}]")


# ---------------------------------------------------------------------------------------------
# People and departments.

_PERSON = re.compile(r"^(?P<name>[^（(）)]+?)\s*[（(](?P<title>[^（()）]+)[）)]$")
_LIST_SEPARATORS = "、，,；;/／\n"


def split_people(value: str) -> list[tuple[str, str]]:
    """(name, title) of each person in a cell; title "" when the cell gives none."""
    out = []
    for part in split_outside(value or "", _LIST_SEPARATORS):
        m = _PERSON.match(part)
        out.append((m.group("name").strip(), m.group("title").strip()) if m else (part, ""))
    return out


@functools.lru_cache(maxsize=CACHED)
def names_only(value: str) -> str:
    """ "陈志远（党组书记、局长）、王建国（副局长）" → "陈志远、王建国" (for the 责任 bracket)."""
    return "、".join(dict.fromkeys(name for name, _ in split_people(value)))


def title_first(value: str) -> str:
    """ "陈志远（局党组书记、局长）" → "局党组书记、局长陈志远", the order of a 领导小组 sentence.
    Several people are separated by "，" when a title holds "、" (else by "、")."""
    people = split_people(value)
    shown = [f"{title}{name}" if title else name for name, title in people]
    joiner = "，" if any("、" in title for _, title in people) else "、"
    return joiner.join(shown)


def person_names(values: Iterable[str]) -> list[str]:
    """The personal names in cells of 责任人/责任领导/领导小组 (2–4 Chinese characters, not a
    department or a role), longest first: what a public document must not print."""
    names: set[str] = set()
    for value in values:
        for part in split_outside(value or "", _LIST_SEPARATORS + " "):
            name = person.group("name") if (person := _PERSON.match(part)) else part
            name = name.strip()
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name) and not name.endswith(_NOT_A_NAME):
                names.add(name)
    return sorted(names, key=len, reverse=True)


# Endings of a department, role or body: never a personal name.
_NOT_A_NAME = (
    "科", "室", "局", "站", "部", "委", "组", "会", "处", "办", "所", "中心", "队", "院", "馆",
    "校", "长", "任", "记", "员", "人", "厅", "股", "司", "社", "团",
)  # fmt: skip


def duty_text(leader: str, lead: str, depts: str, deadline: str) -> str:
    """The 责任 bracket of a plan measure, without nested brackets or repeats:
    "（责任领导：陈志远；责任部门：规划建设科；完成时限：2024年6月底前）"."""
    # the people and departments repeat down a ledger, their deadlines vary: only the people
    # and departments are cached (with the deadline in the key, most calls missed the cache)
    shown = _duty_people(leader, lead, depts)
    if deadline:
        shown = f"{shown}；完成时限：{deadline}" if shown else f"完成时限：{deadline}"
    return f"（{shown}）" if shown else ""


@functools.lru_cache(maxsize=CACHED)
def _duty_people(leader: str, lead: str, depts: str) -> str:
    """The 责任领导 and departments of ``duty_text``, "；"-joined."""
    leads = split_outside(lead, _LIST_SEPARATORS)
    resp = split_outside(depts, _LIST_SEPARATORS)
    items = []
    if leader:
        items.append(("责任领导", names_only(leader)))
    if not leads or not resp or set(leads) == set(resp):
        items.append(("责任部门", "、".join(resp or leads)))
    elif set(leads) <= set(resp):
        items.append(("牵头部门", "、".join(leads)))
        items.append(("配合部门", "、".join(d for d in resp if d not in leads)))
    else:
        items.append(("牵头部门", "、".join(leads)))
        items.append(("责任部门", "、".join(resp)))
    return "；".join(f"{k}：{v}" for k, v in items if v)


# ---------------------------------------------------------------------------------------------
# Deadlines: one form per document.

IMMEDIATE = "立行立改"
LONG_TERM = "长期坚持"


def _month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


@functools.lru_cache(maxsize=CACHED)
def date_form(day: dt.date) -> str:
    """A due day as the documents write it: "2024年6月底前" for a month's last day, else
    "2024年4月15日前"."""
    if _month_end(day):
        return f"{day.year}年{day.month}月底前"
    return f"{format_cn_date(day)}前"


def deadline_form(deadline: Deadline | None) -> str:
    """整改时限 in the document's one form: 立行立改, 长期坚持 (本届任期内 as written), or a due day as ``date_form``
    (2024年6月, 2024年第二季度, 2024年上半年, 2024-06-30 all become "2024年6月底前").
    "" when the deadline is empty or unreadable (the caller marks it)."""
    if deadline is None:
        return ""
    if deadline.kind == "immediate":
        return _kept_on(IMMEDIATE, deadline)
    if deadline.kind == "long_term":
        # 本届任期内 has no day but is not 长期坚持: said as the ledger says it
        return deadline.text if deadline.note == TERM_NOTE else LONG_TERM
    if deadline.due is not None and deadline.kind in ("date", "period"):
        return _kept_on(date_form(deadline.due), deadline)
    return ""


def _kept_on(form: str, deadline: Deadline) -> str:
    """ "2025年9月底前并长期坚持" when the cell also said 长期坚持 beside its date or 立行立改
    ("9月30日前完成并长期坚持"): the date alone would drop what the clerk wrote."""
    return f"{form}并{LONG_TERM}" if keeps_on(deadline.text) else form


def due_form(deadline: Deadline | None) -> str:
    """The due day of a deadline for "计划于…完成" (立行立改 by its computed day), or ""."""
    if deadline is None or deadline.due is None or deadline.kind == "long_term":
        return ""
    return date_form(deadline.due)


# ---------------------------------------------------------------------------------------------
# Money: one form per document.

_MONEY = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万)?元")


def amount_text(yuan: Decimal) -> str:
    """An amount in the form of the statistics sentence (``stats.money_text``: 元 with
    thousands separators up to 10,000, 万元 above), but never rounded: an amount that form
    would round is given with the decimals it needs."""
    from ledger_tools.ledger.stats import money_text

    shown = money_text(float(yuan))
    if _parse_amount(shown) == yuan:
        return shown
    if shown.endswith("万元"):
        return f"{(yuan / 10000).normalize():f}万元"
    grouped = "," in money_text(1000.0)  # thousands separators, as the statistics write them
    return f"{yuan.normalize():,f}元" if grouped else f"{yuan.normalize():f}元"


def _parse_amount(text: str) -> Decimal | None:
    m = _MONEY.fullmatch(text)
    if not m:
        return None
    value = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
    return value * 10000 if m.group(3) else value


def money_in_text(text: str) -> str:
    """Every amount "42300元", "4,060.5元", "186.4万元" in ``text`` rewritten in the one form."""

    return _AMOUNT_RUN.sub(_amounts_in_run, text) if "元" in text else text


# Every amount _MONEY finds is a whole run of digits, commas and points followed by 万?元 (its
# lookbehind forbids starting inside a run, and 万/元 cannot follow a shorter part of one), so
# _MONEY only needs to look at those runs. This pattern starts with a character class, which
# the regex engine scans for quickly; _MONEY, starting with a lookbehind, is tried at every
# character of a text (a fifth of a report's context at 40,000 measures). tests/
# test_doc_fastpaths.py compares the two.
_AMOUNT_RUN = re.compile(r"[\d,.]+万?元")


@functools.lru_cache(maxsize=CACHED)
def _run_amounts(run: str) -> str:
    return _MONEY.sub(_amount_form, run)


def _amounts_in_run(m: re.Match[str]) -> str:
    run = m.group(0)
    digits = run[:-1]
    # most runs are one whole amount, "42300元" (_MONEY's one match), and distinct: said
    # directly, without the caches' lookups that would miss
    if digits.isascii() and digits.isdigit() and len(digits) <= 15:
        return _whole_yuan(int(digits))
    return _run_amounts(run)


def _amount_form(m: re.Match[str]) -> str:
    return _one_amount(m.group(0))


@functools.lru_cache(maxsize=CACHED)  # amounts repeat; Decimal arithmetic is slow
def _one_amount(written: str) -> str:
    digits = written[:-1]
    if digits.isascii() and digits.isdigit() and len(digits) <= 15:
        return _whole_yuan(int(digits))
    try:
        value = _parse_amount(written)
    except InvalidOperation:
        return written
    return amount_text(value) if value is not None else written


def _whole_yuan(yuan: int) -> str:
    """``amount_text`` of a whole number of 元 (most amounts a narrative quotes: "42300元")
    without Decimal where that is safe: above 10,000 and not a multiple of 100, the
    statistics' form (万元 with two decimals) would round it, so it is given in 万元 with the
    decimals it needs. tests/test_doc_fastpaths.py compares it with ``amount_text``."""
    if yuan <= 10000 or yuan % 100 == 0:
        return amount_text(Decimal(yuan))
    high, low = divmod(yuan, 10000)
    return f"{high}.{low:04d}".rstrip("0") + "万元"


# ---------------------------------------------------------------------------------------------
# The unit's short self-name.

# (ending of the unit's name, self-name); the first match wins.
_SELF_NAMES = (
    ("街道办事处", "我街道"),
    ("办公室", "我办"),
    ("委员会", "我委"),
    ("管理局", "我局"),
    ("中心", "我中心"),
    ("公司", "我公司"),
    ("学校", "我校"),
    ("中学", "我校"),
    ("小学", "我校"),
    ("大学", "我校"),
    ("学院", "我院"),
    ("医院", "我院"),
    ("街道", "我街道"),
    ("局", "我局"),
    ("馆", "我馆"),
    ("委", "我委"),
    ("院", "我院"),
    ("厅", "我厅"),
    ("部", "我部"),
    ("办", "我办"),
    ("所", "我所"),
    ("站", "我站"),
    ("校", "我校"),
    ("镇", "我镇"),
    ("乡", "我乡"),
    ("处", "我处"),
)


def self_name(unit: str) -> str:
    """The short self-name derived from the unit's full name: 某区住房和城乡建设局 → 我局,
    某区档案馆 → 我馆, 某区某某街道办事处 → 我街道; anything else → 我单位."""
    unit = re.sub(r"[（(][^（()）]*[)）]$", "", (unit or "").strip())  # 某局（某办公室）
    for ending, name in _SELF_NAMES:
        if unit.endswith(ending):
            return name
    return "我单位"


_TITLE = re.compile(r"(《[^《》]*》)")


def use_self_name(text: str, unit: str, short: str) -> str:
    """``text`` with the unit's full name replaced by its self-name (body text comes after the
    opening paragraph, which names the unit in full). A name inside 《》 is part of a document's
    title and stays; short names (under 4 characters) are left alone: they may be part of
    other words."""
    if not unit or len(unit) < 4 or not short or unit not in text:
        return text
    parts = _TITLE.split(text)  # odd indexes are 《titles》
    return "".join(p if i % 2 else p.replace(unit, short) for i, p in enumerate(parts))


# ---------------------------------------------------------------------------------------------
# Measures in a report.

_CLAUSE_STOPS = "，；。：,;:！？"


def measure_lead(measure: str) -> str:
    """The first clause of a measure (outside quotes and brackets), its short lead:
    "修订学习制度，制定年度学习计划" → "修订学习制度"."""
    measure = measure.strip()
    first = _FIRST_CLAUSE.search(measure)
    if first is None:  # nothing but stops and spaces
        return measure
    if not _OPENING.search(first.group()):  # no bracket opens before the first stop
        return first.group()
    return next(_parts_outside(measure, _CLAUSE_STOPS), measure)


# The first clause of a text, stripped, brackets not minded: from the first character that is
# neither a stop nor a space to the last such character before the next stop (``\s`` is
# what ``str.strip`` strips). Only stops and spaces come before it, so when no bracket opens
# inside it, it is the first clause outside brackets too: one search instead of a split.
_STOPS = re.escape(_CLAUSE_STOPS)
_FIRST_CLAUSE = lazy(f"[^{_STOPS}\\s](?:[^{_STOPS}]*[^{_STOPS}\\s])?")


# Anything but a letter or digit (``[^\W_]`` is exactly what ``str.isalnum`` accepts).
_NOT_ALNUM = re.compile(r"[\W_]+")


def _bigrams(text: str) -> set[str]:
    chars = _NOT_ALNUM.sub("", text)
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def says_lead(progress: str, lead: str) -> bool:
    """Whether the narrative already says what the lead says (most of the lead's character
    pairs recur in it): then the narrative stands alone, fused with the action."""
    pairs = _bigrams(lead)
    if not pairs:
        return False
    n = len(pairs)
    # A pair of the lead recurs in the narrative iff it is a substring of the narrative's
    # letters and digits (the narrative's own pairs, hundreds, need not be built). Stripping
    # the narrative costs most, and two bounds nearly always decide without it (96 % of a
    # generated 40,000-measure ledger, 98 % of the example): a pair recurs only if both its
    # characters occur in the narrative; a pair written as it is in the narrative recurs.
    if sum(pair[0] in progress and pair[1] in progress for pair in pairs) / n < 0.7:
        return False
    if sum(map(progress.__contains__, pairs)) / n >= 0.7:
        return True
    chars = _NOT_ALNUM.sub("", progress)
    return sum(map(chars.__contains__, pairs)) / n >= 0.7


def strip_end(text: str) -> str:
    """``text`` without trailing clause punctuation (the joiner adds one "。")."""
    return text.strip().rstrip("。；;，,、：: ")


# Words that show a narrative already says when the rest will be done.
PLAN_WORDS = lazy(r"(计划|预计|拟|将于|力争|争取).{0,16}(前|底|末|内|完成|开工|办结)")


# ---------------------------------------------------------------------------------------------
# Figures typed into 文稿段落.

# A 文稿段落 that counts the whole rectification ("把反馈的13个问题细化为44条整改措施") goes
# stale when problems or measures are added to the ledger later, and then contradicts the
# statistics sentence a page below it. Such a figure is a number of 方面, 问题 or 措施 in a
# clause that speaks of the feedback as a whole (反馈, 梳理, 细化 …) and not of a part of it
# or of another round (其中, 上轮, 已整改 …).
_TYPED_TOTAL = re.compile(
    r"(?<![\d.第零〇一二三四五六七八九十百两每各这那同某另任哪])(\d+|[一二三四五六七八九十百两]+)"
    r"(个方面|(?:个|项)(?:具体)?问题|(?:条|项)(?:具体)?(?:整改)?(?:措施|任务))"
    r"|(问题|整改措施|整改任务)(\d+|[一二三四五六七八九十百两]+)(?:个|项|条)(?![\d%])"
)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip


def cn_count(figure: str) -> int | None:
    """A count written in digits or in Chinese numerals ("十三" 13, "四十四" 44, "一百零五"
    105, "两" 2); None when it is not a well-formed number."""
    if figure.isdigit():
        return int(figure)
    total, rest = 0, figure
    for unit, size in (("百", 100), ("十", 10)):
        head, sep, tail = rest.partition(unit)
        if sep:
            if len(head) > 1 or (head and head not in _CN_DIGITS):
                return None
            total += (_CN_DIGITS[head] if head else 1) * size
            rest = tail.removeprefix("零")
    if len(rest) > 1 or (rest and rest not in _CN_DIGITS):
        return None
    return total + (_CN_DIGITS[rest] if rest else 0) if figure else None


_WHOLE_CUES = ("反馈", "梳理", "细化", "制定", "共", "涉及", "分解", "对照", "交办", "移交")
_PART_CUES = (
    "上轮", "上一轮", "上次", "以往", "历次", "往年", "去年", "其中", "剩余", "尚有", "尚未",
    "已整改", "已完成", "已办结", "整改到位", "未完成", "正在", "滞后", "超期", "新增", "个别",
    "部分", "审计", "信访", "%",
)  # fmt: skip
_CLAUSE_BREAK = lazy(r"[，。；：！？,;:!?]")
_WHAT = {"方面": ("方面数", "个方面"), "问题": ("问题数", "项问题")}


def typed_total_conflicts(text: str, totals: dict[str, int]) -> list[tuple[int, str, str]]:
    """The figures of the whole rectification in ``text`` that are not the ledger's count
    (``totals``: 方面数, 问题数, 措施数): (where the figure ends, the figure as typed, the
    ledger's count with its unit: "6项问题"). A figure that agrees, or counts a part, is not
    one of them."""
    if not _TYPED_TOTAL.search(text):
        return []
    out = []
    for m in _TYPED_TOTAL.finditer(text):
        figure, noun = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        count = cn_count(figure)
        if count is None:
            continue
        kind = next((k for k in _WHAT if k in noun), "措施")
        key, unit = _WHAT.get(kind, ("措施数", "条措施"))
        clause = _CLAUSE_BREAK.split(text[: m.start()])[-1]
        whole = any(c in clause for c in _WHOLE_CUES) and not any(c in clause for c in _PART_CUES)
        if whole and key in totals and count != totals[key]:
            out.append((m.end(), m.group(0), f"{totals[key]}{unit}"))
    return out


def mark_typed_totals(text: str, totals: dict[str, int]) -> str:
    """``text`` with a visible marker after each figure ``typed_total_conflicts`` finds:
    "把反馈的13个问题【台账为6项问题，请核对】细化为…"."""
    out, start = [], 0
    for end, _typed, counted in typed_total_conflicts(text, totals):
        out.append(f"{text[start:end]}【台账为{counted}，请核对】")
        start = end
    return "".join(out) + text[start:] if out else text
