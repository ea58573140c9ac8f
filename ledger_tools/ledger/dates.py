"""Reading 整改时限 and 完成时间 cells (README “整改时限”), and printing dates the Chinese way.

Called once per cell for ledgers of 100,000 rows, so: typed values (date/datetime/number)
take a short path, text goes through precompiled regexes, and parsed text is cached (the same
"2024年6月底前" or "立行立改" repeats down a column). Stdlib only.

Results are ``model.Deadline`` values (frozen, so cached ones can be shared):

- ``date``: an exact day; ``period``: the last day of a month/旬/quarter/half/year written as
  such (``note`` says how it was read); ``immediate`` (立行立改) and ``long_term`` (长期坚持) for
  the keywords of ``columns.DEADLINE_SYNONYMS``; ``empty``; ``invalid`` with a Chinese ``note``.

Choices where the spec is silent (documented here and in the tests):
- A date must fall in 1990–2100 (typed, serial or text): "2204年6月30日" is a typo, not a date.
- A cell with a date *and* a keyword ("2024年6月底前完成并长期坚持") is read as the date: a
  deadline that exists must not be hidden by the keyword. Several dates → the latest one.
- "立行立改并长期坚持" (both keywords, no date) is ``immediate``: the immediate part has a due
  date and an unstarted measure must still become overdue. Once done, its status (长期坚持)
  decides 办结.
- A span "2024年3月至6月" / "2024.3—2024.6" is read as its end.
- A bare year (2024) is invalid: it is more often a truncated date than "by the end of 2024";
  "2024年" / "2024年底" are periods.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.model import Deadline

MIN_YEAR = 1990
MAX_YEAR = 2100
_MIN_DATE = dt.date(MIN_YEAR, 1, 1)
_MAX_DATE = dt.date(MAX_YEAR, 12, 31)
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 0 for serials after the fake 1900-02-29 (60)
# Serials of 1990-01-01 and 2100-12-31: anything outside is not a plausible ledger date.
_MIN_SERIAL = (_MIN_DATE - _EXCEL_EPOCH).days
_MAX_SERIAL = (_MAX_DATE - _EXCEL_EPOCH).days

_EMPTY = Deadline("empty", "")

# ---------------------------------------------------------------------------------------------
# Printing.


def format_cn_date(d: dt.date) -> str:
    """``2024年5月10日`` (no zero padding), as official documents write dates."""
    return f"{d.year}年{d.month}月{d.day}日"


def format_cn_iso(iso: str) -> str:
    """``"2024-05-10"`` → ``"2024年5月10日"``; text that is not an ISO date is returned as is."""
    try:
        return format_cn_date(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def deadline_text(dl: Deadline) -> str:
    """整改时限 as a document prints it: an exact date formatted the Chinese way; a period or a
    keyword as written (2024年6月底前, 立行立改); empty or invalid as written (maybe "")."""
    if dl.kind == "date" and dl.due is not None:
        return format_cn_date(dl.due)
    return dl.text


# ---------------------------------------------------------------------------------------------
# Numbers: Excel serials and yyyymmdd integers.


def excel_serial_to_date(n: float) -> dt.date | None:
    """The date of an Excel serial (1900 date system), or None if it is not a plausible one.

    Excel counts 1900-01-01 as 1 and keeps the Lotus bug of a 1900-02-29 (serial 60), so serials
    from 61 on are days since 1899-12-30. A time of day (the fraction) is dropped. Only dates in
    1990–2100 are accepted: a small number in a date column is a typo, not a day in 1900.
    """
    if isinstance(n, bool) or not isinstance(n, (int, float)):
        return None
    if not math.isfinite(n):
        return None
    serial = math.floor(n)
    if serial < _MIN_SERIAL or serial > _MAX_SERIAL:
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=serial)


def _yyyymmdd(n: int) -> dt.date | None:
    y, md = divmod(n, 10000)
    m, d = divmod(md, 100)
    if MIN_YEAR <= y <= MAX_YEAR:
        try:
            return dt.date(y, m, d)
        except ValueError:
            return None
    return None


def _number_text(n: float) -> str:
    if isinstance(n, float) and n.is_integer() and abs(n) < 1e15:
        return str(int(n))
    return str(n)


def _from_number(n: float) -> Deadline:
    if not math.isfinite(n):
        return Deadline("invalid", str(n), note="不是日期")
    if isinstance(n, float) and MIN_YEAR <= n < MAX_YEAR + 1 and not n.is_integer():
        return _year_month_number(n)
    if isinstance(n, int) or n.is_integer():
        i = int(n)
        if 10_000_000 <= i <= 99_999_999:  # yyyymmdd typed as a number (20240630)
            d = _yyyymmdd(i)
            if d is not None:
                return _exact(d)
            return Deadline("invalid", str(i), note=_yyyymmdd_note(i))
        if MIN_YEAR <= i <= MAX_YEAR:
            return Deadline("invalid", str(i), note="只有年份，没有月份和日期")
    d = excel_serial_to_date(n)
    if d is None:
        return Deadline("invalid", _number_text(n), note=f"数字{_number_text(n)}不是有效的日期")
    return _exact(d)


def _year_month_number(n: float) -> Deadline:
    """A deadline typed as a number: 2025.6 / 2025.06 / 2025.12 (Excel keeps what was typed as
    "2025.6" as the number 2025.6) is that month. 2025.1 is not read: Excel also stores what
    was typed as 2025.10 as 2025.1, so it may be January or October."""
    text = repr(n)
    year, _, digits = text.partition(".")
    y, m = int(year), int(digits) if len(digits) <= 2 else 0
    if digits == "1":
        note = (
            f"{text}可能是{y}年1月，也可能是{y}年10月（单元格是数字时，Excel 把 {y}.10 存成"
            f" {y}.1），请写成“{y}年1月”或“{y}年10月”"
        )
        return Deadline("invalid", text, note=note)
    if not 1 <= m <= 12:
        return Deadline("invalid", text, note=f"数字{text}不是有效的日期")
    return _period(y, m, None, text, "月")


def _yyyymmdd_note(i: int) -> str:
    y, md = divmod(i, 10000)
    m, d = divmod(md, 100)
    if MIN_YEAR <= y <= MAX_YEAR:
        return _bad_day_note(y, m, d)
    return f"数字{i}不是有效的日期"


# ---------------------------------------------------------------------------------------------
# Text.

# Drop a time of day written after the date ("2024-06-30 00:00:00", "2024/6/30 8:00 AM").
_TIME = re.compile(r"(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*$")
_SPACES = re.compile(r"\s+")
# Bracketed remarks (after NFKC （） are ()); innermost first, repeated for nesting.
_REMARK = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")
_TRAILING_PUNCT = re.compile(r"[。.,，;；:：!！?？、…~\-—]+$")
# Words around the date that carry no date information ("于2024年6月底前完成").
_SUFFIXES = tuple(
    sorted(
        (
            "之前",
            "以前",
            "前",
            "为止",
            "止",
            "以内",
            "之内",
            "内",
            "已完成",
            "全部完成",
            "全面完成",
            "基本完成",
            "完成",
            "办结",
            "销号",
            "见效",
            "到位",
            "落实",
            "整改",
            "结束",
        ),
        key=len,
        reverse=True,
    )
)
_PREFIXES = tuple(
    sorted(
        (
            "于",
            "在",
            "截至",
            "截止",
            "截止到",
            "至",
            "到",
            "争取",
            "力争",
            "确保",
            "预计",
            "计划",
            "应于",
            "须于",
            "需于",
            "最迟",
            "最晚",
            "不晚于",
            "不迟于",
            "已于",
        ),
        key=len,
        reverse=True,
    )
)

# Chinese numerals before 年/月/日/号 ("二〇二四年六月三十日").
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGITS["零"] = 0
_CN_NUMBER = re.compile(r"[〇零一二三四五六七八九十]+(?=[年月日号])")

_Y = r"(?P<y>\d{4})"
_DATE_SEP = re.compile(_Y + r"(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})$")
_DATE_CN = re.compile(_Y + r"年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?$")
_DATE_8 = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$")
_MONTH = re.compile(
    _Y + r"(?:年|[-/.])(?P<m>\d{1,2})(?:月份?|月)?(?:(?P<xun>上旬|中旬|下旬)|底|末|份)?$"
)
_QUARTER = re.compile(_Y + r"年?(?:第?(?P<q>[一二三四1-4])季度?|[Qq](?P<q2>[1-4]))(?:末|底)?$")
_HALF = re.compile(_Y + r"年?(?P<h>上半年|下半年|年中|上半|下半)(?:底|末)?$")
# (全年: by its end; "2025年年内" is 年年 once 内 is dropped)
_YEAR = re.compile(_Y + r"(?:年(?:度|底|末|年底|年末|全年|年)?|年?底|年?末)$")
_NUMERIC = re.compile(r"\d+(?:\.\d+)?$")
_SHORT_YEAR = re.compile(
    r"(?P<y>\d{2})(?:(?:年|[-/.])\d{1,2}(?:月|[-/.])|年(?:底|末|度|内|[上下]半年|第?[一二三四1-4]季度))"
)
_LEADING_YEAR = re.compile(r"^(\d{4})")
# A year written in two digits ("25年6月底", "25.9.30", "25年底前"): one beginning with 2 is read as
# 20xx (no ledger kept now has a deadline in the 1920s; 2x covers 2020–2029), and said, in the
# Deadline's note (the reader turns it into the ``short-year`` note). Another (19.6.30, 31年)
# is asked for in full.
SHORT_YEAR_NOTE = "年份只写了两位"


@lru_cache(maxsize=8192)  # Deadline is frozen: date cells repeat the same few days
def _exact(d: dt.date, text: str | None = None) -> Deadline:
    return Deadline("date", text if text is not None else format_cn_date(d), due=d)


def _cn_number(s: str) -> str:
    if "十" not in s:
        return "".join(str(_CN_DIGITS[c]) for c in s)
    tens, _, ones = s.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return s  # not a day/month number; leave it for the "unreadable" message
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))


def _clean(text: str) -> str:
    """NFKC, no spaces, no time of day, no bracketed remarks, no trailing punctuation."""
    s = unicodedata.normalize("NFKC", text)
    s = _TIME.sub("", s.strip())
    s = _SPACES.sub("", s)
    prev = None
    while prev != s:
        prev, s = s, _REMARK.sub("", s)
    return _TRAILING_PUNCT.sub("", s)


_DOTTED_DAY = re.compile(r"^(\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})[日号]")


def _prepare(text: str) -> str:
    """Text reduced to the date expression: cleaned, filler words gone, 〇一二 as digits."""
    s = _strip_words(_clean(text))
    if "日" in s or "号" in s:
        s = _DOTTED_DAY.sub(r"\1", s)  # 2025.6.30日: the dotted date with 日 after it
    if _CN_NUMBER.search(s):
        s = _CN_NUMBER.sub(lambda m: _cn_number(m.group()), s)
    return s


def _strip_words(s: str) -> str:
    changed = True
    while changed:
        changed = False
        for suf in _SUFFIXES:
            if len(s) > len(suf) and s.endswith(suf):
                s = _TRAILING_PUNCT.sub("", s[: -len(suf)])
                changed = True
                break
        for pre in _PREFIXES:
            if len(s) > len(pre) and s.startswith(pre):
                s = s[len(pre) :]
                changed = True
                break
    return s


def _bad_day_note(y: int, m: int, d: int | None = None) -> str:
    """Why y/m/d is not a date ("" if it is one)."""
    if not MIN_YEAR <= y <= MAX_YEAR:
        return f"年份{y}不在{MIN_YEAR}—{MAX_YEAR}年之间，请检查是否写错"
    if not 1 <= m <= 12:
        return f"{y}年{m}月不存在"
    if d is not None and not 1 <= d <= calendar.monthrange(y, m)[1]:
        return f"{y}年{m}月{d}日不存在"
    return ""


def _day(y: int, m: int, d: int, text: str) -> Deadline:
    note = _bad_day_note(y, m, d)
    if note:
        return Deadline("invalid", text, note=note)
    return Deadline("date", text, due=dt.date(y, m, d))


def _period(y: int, m: int, d: int | None, text: str, unit: str) -> Deadline:
    """The last day (or ``d``) of month ``m``: a period deadline with a note saying so."""
    note = _bad_day_note(y, m)
    if note:
        return Deadline("invalid", text, note=note)
    due = dt.date(y, m, d if d is not None else calendar.monthrange(y, m)[1])
    return Deadline("period", text, due=due, note=f"期限写到{unit}，按{format_cn_date(due)}计")


_XUN_DAY = {"上旬": 10, "中旬": 20}
_QUARTER_NO = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _match(s: str, text: str) -> Deadline | None:
    """``s`` (prepared) as a date or period; None if it is no date expression at all."""
    m = _DATE_SEP.match(s) or _DATE_CN.match(s) or _DATE_8.match(s)
    if m:
        return _day(int(m["y"]), int(m["m"]), int(m["d"]), text)
    m = _MONTH.match(s)
    if m:
        xun = m["xun"]
        if xun in _XUN_DAY:
            return _period(int(m["y"]), int(m["m"]), _XUN_DAY[xun], text, xun)
        return _period(int(m["y"]), int(m["m"]), None, text, xun or "月")
    m = _QUARTER.match(s)
    if m:
        q = _QUARTER_NO[m["q"] or m["q2"]]
        return _period(int(m["y"]), q * 3, None, text, "季度")
    m = _HALF.match(s)
    if m:
        month = 12 if m["h"].startswith("下") else 6
        return _period(int(m["y"]), month, None, text, "半年")
    m = _YEAR.match(s)
    if m:
        return _period(int(m["y"]), 12, None, text, "年")
    return None


_SPAN_STRONG = re.compile(r"至|到|~|—+|–")


def _parse_span(s: str, text: str) -> Deadline | None:
    """A span "2024年3月至6月" / "2024.3-2024.6" read as its end (year borrowed if missing)."""
    cuts = [m.end() for m in _SPAN_STRONG.finditer(s)]
    if not cuts and s.count("-") == 1:
        cuts = [s.index("-") + 1]
    if not cuts:
        return None
    start, end = s[: cuts[-1]], s[cuts[-1] :]
    found = _match(end, text) if _LEADING_YEAR.match(end) else None
    if found is None:
        head = _LEADING_YEAR.match(start)
        if head is None or _LEADING_YEAR.match(end) or not end:
            return None
        year = head.group(1)
        found = _match(f"{year}年{end}", text) or _match(f"{year}.{end}", text)
    if found is None or found.kind == "invalid" or found.due is None:
        return found
    note = f"时间段，按结束日期{format_cn_date(found.due)}计"
    return Deadline(found.kind, text, found.due, note=note)


_HAS_YEAR = re.compile(r"\d{4}")
# A month, day, quarter or half written without its year: "9月30日", "年底", "三季度末", "6.30", "Q3".
_YEARLESS = re.compile(
    r"^(?:\d{1,2}月|年底|年末|年内|本年|今年|当年|[上下]半年|第?[一二三四1-4]季度|\d{1,2}[./-]\d{1,2}$"
    r"|[Qq][1-4](?:末|底)?$"  # Q3: the quarter in a 周报's shorthand
    r"|\d{1,2}(?:[-~—–]|至|到)\d{1,2}月)"  # 6-9月: a span of months
)
# The end of the year said without its number (after ``_prepare``: 年内 → 年, 本年度内 → 本年度,
# 今年底前 → 今年底): read as 年底.
_THIS_YEAR_END = re.compile(r"^(?:今年|本年|当年|年)(?:年|度)?(?:内|底|末)?$")
# "This year" before a month or quarter (今年6月底前, 本年度三季度): the year not written.
_THIS_YEAR = re.compile(r"^(?:今年|本年度?|当年)(?=\d|第|[上下]半年)")
_DATE_WORDS = re.compile(r"月|旬|季|年底|年末|半年|\d{1,2}[-/.]\d{1,2}$")


# A time said relative to the day it was written (本月底前, 下季度, 本周内, 月底前): which month
# that is depends on when the cell was typed, which the ledger does not record.
_RELATIVE = re.compile(r"[本下上当次]月|[本下当]季度?|[本下]周|本旬|(?<![\d十])月[底末]")


def _unreadable_note(s: str) -> str:
    if not s:
        return "没有日期"
    if relative := _RELATIVE.search(s):
        return f"“{relative.group()}”随填写的时间而变，看不出是哪一天"
    if _SHORT_YEAR.match(s) and not _LEADING_YEAR.match(s):
        return "年份应写全4位，如2024年6月30日"
    if not _HAS_YEAR.search(s) and _DATE_WORDS.search(s):
        return "没有年份，请写明年份，如2024年6月30日"
    if len(s) == 4 and s.isdigit():
        return "只有年份，没有月份和日期"
    return ""


@lru_cache(maxsize=8192)
def _parse_text(text: str) -> Deadline:
    """Text as a date or period (no keywords); invalid with a note otherwise."""
    written = _SPACES.sub(" ", text.strip())
    if not written:
        return _EMPTY
    s = _prepare(text)
    found = _match(s, written)
    if found is not None:
        return found
    # An Excel serial kept as text ("45473"); "6.30" is a day without a year, below.
    if len(s) <= 20 and _NUMERIC.match(s) and ("." not in s or float(s) >= 1000):
        num = _from_number(float(s) if "." in s else int(s))
        return Deadline(num.kind, written, num.due, num.note)
    found = _parse_span(s, written)
    if found is not None:
        return found
    if _SHORT_YEAR.match(s) and s[0] == "2" and not _LEADING_YEAR.match(s):
        full = _parse_text(f"20{s}")
        if full.due is not None:
            note = f"{SHORT_YEAR_NOTE}，按20{s[:2]}年计" + (f"；{full.note}" if full.note else "")
            return Deadline(full.kind, written, full.due, note=note)
    return Deadline("invalid", written, note=_unreadable_note(s) or "不是可识别的日期")


# ---------------------------------------------------------------------------------------------
# Public entry points.


def parse_date_value(value: object) -> Deadline:
    """A 完成时间 (or any date cell): date/datetime, Excel serial, yyyymmdd integer, or text
    such as 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日, 20240630, full-width digits,
    "2024-06-30 00:00:00", and periods (2024年6月底前, 2024年第三季度 …) read as their last day.
    Never raises: anything unreadable is ``kind="invalid"`` with a Chinese ``note``."""
    if value is None:
        return _EMPTY
    t = type(value)
    if t is dt.date:  # the common case: a date cell
        return _typed_date(cast(dt.date, value))
    if t is dt.datetime:
        return _typed_date(cast(dt.datetime, value).date())
    if isinstance(value, bool):
        return Deadline("invalid", str(value), note="不是日期")
    if isinstance(value, (int, float)):
        return _from_number(value)
    if isinstance(value, dt.datetime):  # subclasses (pandas Timestamp …)
        return _typed_date(value.date())
    if isinstance(value, dt.date):
        return _typed_date(dt.date(value.year, value.month, value.day))
    if isinstance(value, str):
        return _parse_text(value)
    return _parse_text(str(value))


# A 完成时间 written as a month ("2025年6月", "2025-6", "2025.6"; or a date the cell shows as
# a month, ``formats.month_cells``): done some day in that month. Its ``due`` is the month's 1st
# — so that it is called late (after the 整改时限) or in the future only when the whole month
# is — and it is printed as the month (``finished_form``), never as the 1st or the 30th.
_MONTH_ONLY = re.compile(r"^(\d{4})\s*(?:年|[-./／])\s*(\d{1,2})\s*月?(?:份)?$")
FINISHED_MONTH_NOTE = "完成时间只写到月"


def parse_finished(value: object) -> Deadline:
    """A 完成时间: ``parse_date_value``, but a month alone is the month (``_MONTH_ONLY``)."""
    if value.__class__ is str and (
        m := _MONTH_ONLY.match(unicodedata.normalize("NFKC", value).strip())
    ):
        return _finished_month(value.strip(), int(m.group(1)), int(m.group(2)))
    return parse_date_value(value)


@lru_cache(maxsize=1024)
def _finished_month(text: str, year: int, month: int) -> Deadline:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return parse_date_value(text)
    return Deadline("period", text, dt.date(year, month, 1), note=FINISHED_MONTH_NOTE)


def finished_form(finished: Deadline | None) -> str:
    """A 完成时间 as the documents and messages print it: "2025年6月" for one written as a month,
    else its day ("2025年6月20日"); "" for a measure without one (``Measure.finished`` None)."""
    if finished is None:
        return ""
    if finished.due is None:
        return finished.text
    if finished.note == FINISHED_MONTH_NOTE:
        return f"{finished.due.year}年{finished.due.month}月"
    return format_cn_date(finished.due)


def _typed_date(d: dt.date) -> Deadline:
    if _MIN_DATE <= d <= _MAX_DATE:
        return _exact(d)
    return Deadline("invalid", format_cn_date(d), note=_bad_day_note(d.year, d.month, d.day))


# Deadline keywords (columns.DEADLINE_SYNONYMS and DEADLINE_PHRASES), longest first so 长期坚持
# wins over 长期.
_KEYWORDS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        (
            (syn, kind)
            for words in (C.DEADLINE_SYNONYMS, C.DEADLINE_PHRASES)
            for kind, syns in words.items()
            for syn in syns
        ),
        key=lambda p: len(p[0]),
        reverse=True,
    )
)
_KIND_OF = {C.DEADLINE_IMMEDIATE: "immediate", C.DEADLINE_LONG_TERM: "long_term"}
RECURRING_NOTE = "周期性工作，按长期坚持计，不设截止日期"  # 每季度 … (columns.DEADLINE_RECURRING)
TERM_NOTE = "任期内完成，没有具体日期，按长期坚持计，不设截止日期"  # columns.DEADLINE_TERM
_PARTS = re.compile(r"并且|同时|[并和及与,;、]")
_BEFORE = re.compile(r"^(.+?(?:之前|以前|前))")


@dataclass(frozen=True)
class YearSource:
    """Where a deadline written without a year ("9月30日前", "年底前") takes its year from: the
    ledger's own dates (反馈日期, then 集中整改截止日期), else the check date. ``day`` is that
    date; ``label`` names it for the note; with ``roll``, a day before ``day`` is taken in the
    next year (a deadline set after the feedback cannot fall before it)."""

    day: dt.date
    label: str
    roll: bool = True


# A small whole number in a 整改时限 cell (整改期限（天）: 7, 15, 30): a number of days, counted
# from a day the ledger does not give — asked, as "15个工作日内" is.
DAYS_NUMBER_NOTE = "像是天数（几天内完成），没有写从哪一天算起，不是具体的日子：本工具不推算"
_MAX_DAYS = 366


def parse_deadline(
    value: object,
    *,
    feedback: dt.date | None = None,
    concentrated_end: dt.date | None = None,
    year_from: YearSource | None = None,
) -> Deadline:
    """A 整改时限: everything ``parse_date_value`` reads, plus the keywords of
    ``columns.DEADLINE_SYNONYMS``: 立行立改 (and synonyms) → ``immediate``, due on
    ``concentrated_end``, else ``feedback`` + ``IMMEDIATE_FALLBACK_DAYS``, else None;
    长期坚持 (and synonyms) → ``long_term``, never due. See the module doc for mixed forms.
    With ``year_from``, a date or period written without a year takes the year it gives, and
    the note says so (``Deadline.assumed_year``)."""
    if not isinstance(value, str):
        found = parse_date_value(value)
        if found.kind == "invalid" and value.__class__ in (int, float):
            n = float(value)
            if n.is_integer() and 1 <= n <= _MAX_DAYS:
                return Deadline("invalid", found.text, note=f"数字{found.text}{DAYS_NUMBER_NOTE}")
        return found
    found = _parse_deadline_text(value, feedback, concentrated_end)
    if found.kind == "invalid" and year_from is not None:
        dated = _with_year(value, found, year_from)
        if dated.due is None:
            # "7月底前完成清单编制，10月底前公示": stages without their year, the last one due
            stages = _keyword_with_yearless_date(
                value, feedback, concentrated_end, year_from, every_part=True
            )
            dated = stages or dated
        return dated
    if found.kind in ("long_term", "immediate") and year_from is not None:
        # "9月30日前完成并长期坚持": the date beside the keyword counts (as with a year), in
        # the year ``year_from`` gives — not a deadline that never falls due
        kept = _keyword_with_yearless_date(value, feedback, concentrated_end, year_from)
        if kept is not None:
            return kept
    return found


def _keyword_with_yearless_date(
    text: str,
    feedback: dt.date | None,
    concentrated_end: dt.date | None,
    source: YearSource,
    every_part: bool = False,
) -> Deadline | None:
    """The latest date written without a year in a cell that also holds 立行立改 / 长期坚持,
    with the year taken from ``source``; None when there is none. With ``every_part`` (a cell
    of stages, "7月底前完成清单编制，10月底前公示"), None unless every part not a keyword is
    such a date: a stage that is no day ("开学前完成整改") may be the last one."""
    dates = []
    for part in _PARTS.split(_clean(text)):
        if not part or _keyword(part) not in ("", "long_term", "immediate"):
            if every_part and part:
                return None
            continue  # (每季度, 本届任期内: no date of this year in them)
        bare = _without_keywords(part)
        # ("年内完成并长期坚持": 年内 is left as 年, the end of the year as 年内 is)
        if not bare or not (_YEARLESS.search(bare) or _THIS_YEAR_END.match(bare)):
            if every_part and bare:
                return None
            continue
        dated = _with_year(bare, _parse_deadline_text(bare, feedback, concentrated_end), source)
        if dated.due is None and (before := _BEFORE.match(bare)):
            dated = _with_year(before.group(1), _parse_text(before.group(1)), source)
        if dated.due is not None and dated.assumed_year:
            dates.append(dated)
        elif every_part:
            return None
    if not dates:
        return None
    latest = max(dates, key=_due_key)
    written = _SPACES.sub(" ", text.strip())
    return Deadline(latest.kind, written, latest.due, latest.note, latest.assumed_year)


# "Next year" (明年6月底前, 次年3月, 来年年底): the year after the one ``YearSource`` gives.
_NEXT_YEAR = re.compile(r"^(?:明年|次年|来年)(?:度)?")


@lru_cache(maxsize=4096)
def _with_year(text: str, found: Deadline, source: YearSource) -> Deadline:
    s = _prepare(text)
    years: tuple[int, ...] = (source.day.year, source.day.year + 1)
    if nxt := _NEXT_YEAR.match(s):
        s, years = s[nxt.end() :] or "年底", (source.day.year + 1,)
        if s in ("内", "底", "末"):
            s = "年底"
    if _THIS_YEAR_END.match(s):
        s = "年底"
    s = _THIS_YEAR.sub("", s)  # 今年6月底: the month of the year taken
    if not s or _HAS_YEAR.search(s) or not _YEARLESS.search(s):
        return found
    for year in years:
        dated = None
        for form in (f"{year}年{s}", f"{year}.{s}"):
            dated = _match(form, found.text) or _parse_span(form, found.text)
            if dated is not None:
                break
        if dated is None or dated.kind == "invalid" or dated.due is None:
            return found
        if not source.roll or dated.due >= source.day or year > source.day.year:
            note = f"未写年份，按{year}年计（{source.label}）"
            return Deadline(dated.kind, found.text, dated.due, note=note, assumed_year=year)
    return found


# A deadline moved, said in brackets after the first ("2025年6月30日（已延期至9月30日）",
# "（调整为2025年10月31日）"): the date it was moved to is the deadline now.
_PUT_BACK = re.compile(
    r"[(（【\[][^()（）【】\[\]]*?(?:延期|延长|顺延|推迟|调整)(?:至|到|为)([^()（）【】\[\]]+)[)）】\]]"
)


@lru_cache(maxsize=8192)
def _parse_deadline_text(
    text: str, feedback: dt.date | None, concentrated_end: dt.date | None
) -> Deadline:
    plain = _parse_text(text)
    if plain.kind != "invalid":
        if plain.due is not None and (back := _PUT_BACK.search(text)):
            return _put_back(plain, back.group(1))
        return plain
    written = plain.text
    kinds: set[str] = set()
    dates: list[Deadline] = []
    for part in _PARTS.split(_clean(text)):
        kind = _keyword(part) if part else ""
        if kind:
            kinds.add(kind)
            # "2024年6月长期坚持" (no separator): the date beside the keyword still counts
            found = _date_in(_without_keywords(part))
            if found is not None:
                dates.append(found)
        elif part:
            found = _date_in(part)
            if found is not None:
                dates.append(found)
    if dates:
        dates += _yearless_parts(text, dates)
        latest = max(dates, key=_due_key)
        kind = "date" if all(d.kind == "date" for d in dates) else "period"
        note = f"按{format_cn_date(latest.due)}计"  # type: ignore[arg-type]
        return Deadline(kind, written, latest.due, note=note)
    if "immediate" in kinds:
        return _immediate(written, feedback, concentrated_end)
    if "long_term" in kinds:
        return Deadline("long_term", written, note="长期坚持，不设截止日期")
    if "recurring" in kinds:
        return Deadline("long_term", written, note=RECURRING_NOTE)
    if "term" in kinds:
        return Deadline("long_term", written, note=TERM_NOTE)
    if _SCHOOL_TERM.search(written):
        return Deadline("invalid", written, note=SCHOOL_TERM_NOTE)
    if _SPAN_OF_DAYS.match(written):
        return Deadline("invalid", written, note=SPAN_OF_DAYS_NOTE)
    if plain.note != "不是可识别的日期":
        return plain  # a specific reason (no year, no such day …) says more than the generic one
    if _SEASON.search(written):
        return Deadline("invalid", written, note=SEASON_NOTE)
    return Deadline("invalid", written, note="不是日期，也不是“立行立改”“长期坚持”")


# A deadline set by a season or a festival ("汛期前", "春节前", "秋季开学前", "入冬前"): a time
# of year, but not a day — when it falls differs by year and by place, so it is asked, not
# guessed (a wrong day would put a measure in red, or keep it out).
_SEASON = re.compile(
    r"(?:汛期|汛前|主汛期|春节|元旦|国庆|中秋|清明|端午|五一|开学|秋收|夏收|春耕|麦收|三夏|三秋|"
    r"入冬|入夏|采暖期|供暖期|冬季|夏季|春季|秋季|旅游旺季)"
)
SEASON_NOTE = "是时节或节日，不是具体的日子：每年、各地不同，本工具不推算"
# A deadline set by the school year ("本学期末", "2025年秋季学期前", "寒假前", "下学期开学前"):
# when a term ends or a holiday begins is set by each school's calendar — asked, like a season.
_SCHOOL_TERM = re.compile(r"学期|学年|寒假|暑假|假期|放假|开学")
SCHOOL_TERM_NOTE = "是学期或假期，不是具体的日子：各地、各校的校历不同，本工具不推算"
# A length of time instead of a day ("15个工作日内", "30日内办结", "3个月内"): counted from the
# day the matter was handed over, which the ledger does not say — asked, not guessed.
_SPAN_OF_DAYS = re.compile(
    r"^(?:在|于|自交办之日起|自受理之日起)?[0-9一二三四五六七八九十百两]+\s*"
    r"(?:个工作日|个自然日|工作日|自然日|天|日|周|个星期|个月)(?:内|以内|之内)"
    r"(?:完成|办结|办理|整改到位|整改完成)?$"
)
SPAN_OF_DAYS_NOTE = "是办理期限的长短，没有写从哪一天算起，不是具体的日子：本工具不推算"


def _put_back(first: Deadline, later: str) -> Deadline:
    """``first`` moved to the date ``later`` says (without a year: ``first``'s year, or the
    next when that would fall before it); ``first`` itself when ``later`` is no date."""
    assert first.due is not None
    found = _parse_text(later)
    if found.due is None:
        found = _with_year(later, found, YearSource(first.due, "", roll=True))
    if found.due is None or found.due == first.due:
        return first
    note = f"原时限{format_cn_date(first.due)}已调整，按{format_cn_date(found.due)}计"
    return Deadline(found.kind, first.text, found.due, note=note)


def _yearless_parts(text: str, dates: list[Deadline]) -> list[Deadline]:
    """The parts of a cell written without a year, in the year of its dated parts ("2025年6月
    底前完成初步整改，年底前全面完成": 年底 is 2025年底, the cell's last deadline)."""
    years = {d.due.year for d in dates if d.due is not None}
    if len(years) != 1:
        return []
    source = YearSource(dt.date(years.pop(), 1, 1), "", roll=False)
    out = []
    for part in _PARTS.split(_clean(text)):
        if part and not _HAS_YEAR.search(part):
            m = _BEFORE.match(part)
            for piece in (part, m.group(1) if m else None):
                if piece:
                    found = _with_year(piece, _parse_text(piece), source)
                    if found.due is not None:
                        out.append(found)
                        break
    return out


def _due_key(d: Deadline) -> dt.date:
    return d.due or _MIN_DATE


# A short label before a date in one part of a deadline cell: the stage it is the date of
# ("第一阶段：2025年6月底前；第二阶段：2025年12月底前", "全面完成：2025年底前").
_LABELLED = re.compile(r"^[^:：\d]{1,8}[:：](.+)$")


def _date_in(part: str) -> Deadline | None:
    """A date or period in one part of a deadline cell: the whole part, or a date followed by
    前 and words ("2024年6月底前制定制度"), or either after a short label ("第二阶段：…")."""
    whole = _parse_text(part)
    found: Deadline | None = whole
    if whole.kind not in ("date", "period"):
        m = _BEFORE.match(part)
        found = _parse_text(m.group(1)) if m else None
    if (found is None or found.kind not in ("date", "period")) and (label := _LABELLED.match(part)):
        return _date_in(label.group(1))
    return found if found is not None and found.kind in ("date", "period") else None


@lru_cache(maxsize=4096)
def keeps_on(text: str) -> bool:
    """Whether a deadline cell also says the work goes on after its date or its 立行立改
    ("9月30日前完成并长期坚持", "2025年6月30日/长期坚持", "立行立改并长期坚持"): the documents say
    both, not the date alone."""
    return bool(text) and any(
        _keyword(part) == "long_term" for part in _PARTS.split(_clean(text)) if part
    )


def _keyword(part: str) -> str:
    """``immediate``/``long_term`` if ``part`` holds a deadline keyword, else "".

    Four-character keywords may appear anywhere ("已立行立改"); the short 长期 only at the start
    ("长期执行"), so that free text merely mentioning it is not taken for a deadline."""
    for syn, canonical in _KEYWORDS:
        if (syn in part) if len(syn) >= 4 else part.startswith(syn):
            return _KIND_OF[canonical]
    if part.startswith(C.DEADLINE_RECURRING):
        return "recurring"  # 每季度开展一次
    if any((w in part) if len(w) >= 4 else part.startswith(w) for w in C.DEADLINE_TERM):
        return "term"  # 本届任期内完成
    return ""


def _without_keywords(part: str) -> str:
    for syn, _ in _KEYWORDS:
        part = part.replace(syn, "")
    part = part.strip("/|")  # "2025年6月30日/长期坚持": the slash parted date and keyword
    return _TRAILING_PUNCT.sub("", _strip_words(part)) if part else ""


def _immediate(text: str, feedback: dt.date | None, concentrated_end: dt.date | None) -> Deadline:
    if concentrated_end is not None:
        return Deadline("immediate", text, concentrated_end, note="立行立改，按集中整改截止日期计")
    if feedback is not None:
        due = feedback + dt.timedelta(days=C.IMMEDIATE_FALLBACK_DAYS)
        note = f"立行立改，按反馈日期后{C.IMMEDIATE_FALLBACK_DAYS}天计"
        return Deadline("immediate", text, due, note=note)
    return Deadline(
        "immediate", text, note="立行立改，但基本信息中没有集中整改截止日期和反馈日期，无法推算时限"
    )
