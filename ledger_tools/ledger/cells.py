"""Cell-level text helpers: cleaning cell text, splitting numbered measures, column letters.

Called per cell for ledgers of 100,000 rows: the common case (ordinary Chinese text with
nothing to clean, a measure without numbering) returns after one precompiled regex search, and
the slow paths are cached because cell text repeats (merged cells, department names).
Stdlib only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, NamedTuple, overload

from ledger_tools.lazyre import lazy

# ---------------------------------------------------------------------------------------------
# clean_text

# Only full-width digits and letters become ASCII. Full NFKC would also turn Chinese
# punctuation （）：， into ASCII, which must stay as written in documents.
_TRANSLATE: dict[int, int | str | None] = {}
for _first, _last, _ascii in (
    (0xFF10, 0xFF19, 0x30),
    (0xFF21, 0xFF3A, 0x41),
    (0xFF41, 0xFF5A, 0x61),
):
    for _cp in range(_first, _last + 1):
        _TRANSLATE[_cp] = _ascii + _cp - _first
# Odd spaces become plain spaces; line separators and vertical tab/form feed become line breaks.
for _cp in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0x09):
    _TRANSLATE[_cp] = " "
for _cp in (0x0B, 0x0C, 0x85, 0x2028, 0x2029):
    _TRANSLATE[_cp] = "\n"
# Zero-width characters, and what XML 1.0 (so .xlsx/.docx) cannot hold: control characters,
# U+FFFE/U+FFFF and lone surrogates. Written to a workbook they make the file unreadable.
for _cp in (
    *range(0x00, 0x09),
    *range(0x0E, 0x20),
    0x7F,
    0x200B,
    0x2060,
    0xFEFF,
    0xFFFE,
    0xFFFF,
    *range(0xD800, 0xE000),
):
    _TRANSLATE[_cp] = None

# Anything clean_text would change; ordinary text without it is returned at once.
_NEEDS_WORK = lazy(
    r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\x00-\x08\x0b-\x1f\x7f\u200b\u2060\ufeff"
    r"\ufffe\uffff\ud800-\udfff]|[^\S ]|  |^ | $"
)
_FULL_WIDTH = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_BLANKS = re.compile(r" +")
_HAN_GAP = lazy(r"(?<=[\u3400-\u9fff]) +(?=[\u3400-\u9fff])")
_NAME_MAX = 8  # a short value with spaces between Han characters is a padded name ("王　芳")


def clean_text(value: object) -> str | None:
    """Cell text as stored: full-width digits/letters as ASCII, odd spaces (non-breaking,
    ideographic, tabs) as one space, lines trimmed and blank lines dropped, characters XML
    cannot hold removed; ``None`` when nothing is left. Chinese punctuation stays as written.

    A short value (≤ 8 characters) loses the spaces between Han characters: names are padded
    to line up ("王　芳" beside "李小明") and must compare equal to "王芳"."""
    if value is None:
        return None
    if not isinstance(value, str):
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            value = str(int(value))
        else:
            value = str(value)
    if not value:
        return None
    # str.isprintable() (C speed) is False for every control, odd-space, zero-width and
    # unassigned character _NEEDS_WORK looks for; what is left is spaces and full-width letters.
    if (
        value.isprintable()
        and value[0] != " "
        and value[-1] != " "
        and "  " not in value
        and not _FULL_WIDTH.search(value)
    ):
        return value
    if not _NEEDS_WORK.search(value):
        return value
    return _clean_slow(value)


def convert_distinct(
    values: list[Any],
    convert: Callable[[Any], Any],
    unchanged: Callable[[set[Any]], set[Any]] | None = None,
) -> list[Any]:
    """``convert`` applied to every value of a column, each distinct value once (a column
    repeats its values: merged cells, the same few dates, statuses, departments). Values
    ``unchanged`` says need no conversion stand for themselves. A column holding True/False
    is converted cell by cell: True == 1 == 1.0 share one dict key but convert differently."""
    distinct = set(values)
    if bool in set(map(type, distinct)):
        return [convert(v) for v in values]
    same = unchanged(distinct) if unchanged is not None else ()
    converted = {v: convert(v) for v in distinct.difference(same)}
    if all(k is v and k.__class__ in _SELF for k, v in converted.items()):
        # every value stands for itself (a column of clean texts): no lookup per cell
        return values.copy()
    return list(map(converted.get, values, values))


# The values a column is copied as they are when each converts to itself. (Not numbers:
# 1 == 1.0 share a dict key, and the lookup gave both the one kept in the key.)
_SELF = (str, type(None))


def unchanged_texts(values: Iterable[Any]) -> set[str]:
    """The texts among ``values`` that ``clean_text`` returns as they are (equal). A column of
    long, all-different texts (整改措施, 进展) would take a Python call per cell; here the
    texts are tested a few hundred at a time, joined by NUL: a control or odd space, a double
    space, a full-width letter, a space or line break at either end of a text or of one of its
    lines, an empty line — each is in the joined text exactly when it is in one of the texts.
    Only a batch where something is found is looked at text by text."""
    distinct = values if isinstance(values, (set, frozenset)) else set(values)
    texts = [v for v in distinct if v.__class__ is str and v]
    return _texts_where(texts, _clean_as_written, lambda v: clean_text(v) == v)


def _texts_where(
    texts: list[str], all_hold: Callable[[str], bool], holds: Callable[[str], bool]
) -> set[str]:
    """The ``texts`` for which ``holds`` is true, tested ``_BATCH`` at a time: ``all_hold`` of
    a batch joined by NUL is true only when ``holds`` is true of each text in it (what it looks
    for is in the joined text exactly when it is in one of them); only a batch where it is
    false is looked at text by text."""
    out: set[str] = set()
    for start in range(0, len(texts), _BATCH):
        batch = texts[start : start + _BATCH]
        if all_hold("\x00".join(batch)):
            out.update(batch)
        else:
            out.update(v for v in batch if holds(v))
    return out


_BATCH = 512
# In texts joined by NUL, with line breaks: a line break opening or closing a text, or a
# space or line break opening or closing a line.
_LINE_EDGES = ("\n\x00", "\x00\n", " \n", "\n ", "\n\n")


def _clean_as_written(joined: str) -> bool:
    """Whether every text joined (by NUL) in ``joined`` is as ``clean_text`` would write it.
    (Substring tests, not a regular expression: they run at memory speed over long text;
    the tests about lines only when there is a line break.)"""
    if (
        " " in joined
        and (  # (one search when no text holds a space: most long texts)
            joined[:1] == " "
            or joined[-1:] == " "
            or " \x00" in joined
            or "\x00 " in joined
            or "  " in joined  # (no space is next to a NUL or, below, a line break)
        )
    ):
        return False
    flat = joined.replace("\x00", "")
    if "\n" in flat:
        if joined[:1] == "\n" or joined[-1:] == "\n" or any(e in joined for e in _LINE_EDGES):
            return False
        flat = flat.replace("\n", "")
    return flat.isprintable() and not _FULL_WIDTH.search(flat)


@lru_cache(maxsize=16384)
def _clean_slow(s: str) -> str | None:
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    # translate looks every character up in a dict (slow over long Chinese text): only when
    # the text holds one it maps — full-width letters, or what isprintable() rejects
    if not s.replace("\n", "").isprintable() or _FULL_WIDTH.search(s):
        s = s.translate(_TRANSLATE)
    lines = [
        _BLANKS.sub(" ", line).strip() if "  " in line else line.strip() for line in s.split("\n")
    ]
    s = "\n".join(line for line in lines if line)
    if len(s) <= _NAME_MAX and "\n" not in s:
        s = _HAN_GAP.sub("", s)
    return s or None


# Characters XML 1.0 forbids: written to an .xlsx or .docx they make the file unreadable.
_XML_FORBIDDEN = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def strip_forbidden(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (everything else as it is)."""
    return _XML_FORBIDDEN.sub("", text)


# Beyond this a figure is a typo or a formula gone wrong, not money or a count of people: a
# trillion yuan is more than any unit's ledger recovers.
NUMBER_LIMIT = 1e12


def parse_number(value: object) -> float | None:
    """A numeric cell (清退资金, 问责人次 …) as float: None when empty, ``ValueError`` when it is
    not a number, or not a finite one (NaN, ±inf), or absurdly large (≥ ``NUMBER_LIMIT``).
    Thousands separators are allowed ("1,200")."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        number = float(str(value).replace(",", "").replace("，", "").strip())
    if not math.isfinite(number) or abs(number) >= NUMBER_LIMIT:
        raise ValueError(value)
    return number


# The error values an Excel/WPS cell can show instead of a value, with what each means (the
# formula-error message quotes it; the file reader and the Excel buttons both know them by it).
EXCEL_ERRORS = {
    "#DIV/0!": "除数为 0",
    "#REF!": "引用的单元格已被删除",
    "#N/A": "查找不到对应的值",
    "#VALUE!": "参与计算的值类型不对",
    "#NAME?": "函数名或名称写错",
    "#NUM!": "数值无效",
    "#NULL!": "区域引用有误",
    "#SPILL!": "溢出区域被占用",
    "#CALC!": "计算出错",
    "#GETTING_DATA": "数据尚未取回",
    "#DATA!": "公式有误",
    "#FIELD!": "公式有误",
    "#BLOCKED!": "公式有误",
    "#CONNECT!": "公式有误",
    "#BUSY!": "公式有误",
    "#UNKNOWN!": "公式有误",
}


# Amounts written with their unit, as clerks do: "1.5万元", "3000元", "3人次", "2项".
MONEY_UNITS = {"元": 1, "万元": 10_000, "万": 10_000, "亿元": 100_000_000, "亿": 100_000_000}
COUNT_UNITS = frozenset("人次 人 次 项 个 条 件 份 名 起 家 篇 处 批".split())
_AMOUNT = lazy(r"([+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?)\s*([^\d\s.,，]{0,2})")


def read_amount(value: object, kind: str, scale: int = 1) -> object:
    """A cell of a numeric column as the number it means, in the column's standard unit
    (元 for money, a count for counts): a number × ``scale`` (the header's unit: 10,000 under
    “清退资金（万元）”), text with a unit that fits the column ("1.5万元" → 15000, "3人次" → 3;
    an explicit unit wins over the header's). Anything else is returned as it is, for the
    bad-number rule to report."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return _whole(value * scale) if scale != 1 and math.isfinite(value) else value
    if not isinstance(value, str):
        return value
    m = _AMOUNT.fullmatch(value.strip())
    if m is None:
        return value
    number, unit = float(m.group(1).replace(",", "").replace("，", "")), m.group(2)
    if not unit and scale == 1:
        return value  # a plain number as text: read later, as written
    if kind == "money" and (unit in MONEY_UNITS or not unit):
        return _whole(number * (MONEY_UNITS[unit] if unit else scale))
    if kind == "count" and (unit in COUNT_UNITS or not unit):
        return _whole(number)
    return value


def _whole(number: float) -> int | float:
    # 0.35万 is 3500 yuan, not 3500.0000000000005; whole amounts are written without ".0".
    rounded = float(round(number, 2))  # (an int amount × 10,000 is an int: no is_integer)
    return int(rounded) if rounded.is_integer() and abs(rounded) < 1e15 else rounded


# ---------------------------------------------------------------------------------------------
# split_measures

_CN_NUM = "一二三四五六七八九十"
# Numbering that may stand before a measure. Each style is matched on its own; only a run of
# consecutive numbers 1, 2, 3 … of one style splits a cell.
_STYLES: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # (name, pattern with group 1 = the number, may a later marker stand anywhere?)
    # The first marker must be at a boundary (below), except circled numbers.
    # "1." "1．" "1、" "1)" "1）" — not "1.5万元" (digit after the dot), not "2024.6.30".
    ("arabic", re.compile(r"(?<![\d.．])([1-9]\d?)(?:[.．](?![\d])|[、)）])"), False),
    ("paren", re.compile(r"[（(] ?([1-9]\d?) ?[)）]"), True),
    ("paren_cn", re.compile(rf"[（(]([{_CN_NUM}]{{1,3}})[)）]"), True),
    ("shi", re.compile(rf"([{_CN_NUM}]{{1,3}})是"), False),
    ("dun", re.compile(rf"([{_CN_NUM}]{{1,3}})、"), False),
    # "第一，…第二，…" (not 第一书记, 第一季度: the ordinal is followed by a comma or colon)
    ("di", re.compile(rf"第([{_CN_NUM}]{{1,3}})[，,：:]"), False),
    ("circled", re.compile(r"([\u2460-\u2473\u2474-\u2487\u2488-\u249b\u2776-\u277f])"), True),
)
# A character each style's markers cannot do without (styles not listed: always searched).
_STYLE_NEEDS = {"paren": "(（", "paren_cn": "(（", "shi": "是", "dun": "、", "di": "第"}
# Any character that can begin a marker: texts without one (most measures) return at once.
_ANY_MARKER = re.compile(
    rf"\d[.．、)）]|[（(] ?[\d{_CN_NUM}]|[{_CN_NUM}][是、]|[\u2460-\u249b\u2776-\u277f]"
    rf"|第[{_CN_NUM}]"
)
# A marker counts only at the start of the text or after one of these (line break, space,
# sentence or clause end): "第1条", "完成2024年度3项", "落实1.5万元" are not numbering.
_MARKER_START = re.compile(rf"[\d（(第{_CN_NUM}\u2460-\u249b\u2776-\u277f]")
_BOUNDARY = frozenset("\n \t\u3000。；;：:，,！!？?")
_LEAD = " \t\u3000\n，,、：:.．"
_TRAIL = " \t\u3000\n；;，,、"


def _cn_value(s: str) -> int:
    """一 → 1 … 十 → 10, 十二 → 12, 二十三 → 23; 0 for what is not a small number."""
    if "十" not in s:
        return _CN_NUM.index(s) + 1 if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in tens + ones:
        return 0
    t = _CN_NUM.index(tens) + 1 if tens else 1
    return t * 10 + (_CN_NUM.index(ones) + 1 if ones else 0)


def _circled_value(c: str) -> int:
    cp = ord(c)
    for first in (0x2460, 0x2474, 0x2488, 0x2776):
        if first <= cp < first + (10 if first == 0x2776 else 20):
            return cp - first + 1
    return 0


class _Marker(NamedTuple):
    start: int
    end: int
    value: int
    at_boundary: bool


def _markers(text: str, style: str, pattern: re.Pattern[str]) -> list[_Marker]:
    found = []
    for m in pattern.finditer(text):
        g = m.group(1)
        if style == "circled":
            value = _circled_value(g)
        elif g.isdigit():
            value = int(g)
        else:
            value = _cn_value(g)
        if value:
            start = m.start()
            found.append(_Marker(start, m.end(), value, start == 0 or text[start - 1] in _BOUNDARY))
    return found


def _chain(markers: list[_Marker], anywhere: bool, first_anywhere: bool) -> list[_Marker]:
    """The first run 1, 2, 3 … (at least two long) of ``markers``; [] if there is none."""
    for i, first in enumerate(markers):
        if first.value != 1 or not (first.at_boundary or first_anywhere):
            continue
        run = [first]
        for m in markers[i + 1 :]:
            if (
                m.start >= run[-1].end
                and m.value == run[-1].value + 1
                and (m.at_boundary or anywhere)
            ):
                run.append(m)
        if len(run) >= 2:
            return run
    return []


def split_measures(text: str) -> list[str]:
    """Several numbered measures in one cell, in order, without their numbering.

    Understood: "1.…2.…" (also 1． 1、 1) 1）), "（1）…（2）…", "（一）…（二）…", "一是…二是…",
    "一、…二、…", "第一，…第二，…", "①…②…". A cell is split only by at least two consecutive numbers of one style
    starting at 1, each at the start of the text or after a line break, space or punctuation
    (circled numbers, and bracketed ones after the first, may stand anywhere). A numbered item keeps
    its text as written, minus separators (；，、) at its end. Text before the first number is
    kept: a lead-in ending in a colon ("整改措施：") is put before the first measure, any other
    text becomes a measure of its own. Returns ``[text]`` when the cell is not split."""
    if not isinstance(text, str) or not _ANY_MARKER.search(text):
        return [text]
    return list(_split_cached(text))


def unnumbered_texts(values: Iterable[Any]) -> set[str]:
    """The texts among ``values`` with no number ``split_measures`` looks for (it returns
    each of them whole): tested a few hundred at a time, joined by NUL (no marker spans a
    NUL), so a column of 100,000 measures is not searched one cell at a time."""
    texts = [v for v in set(values) if v.__class__ is str]
    return _texts_where(texts, _unmarked, _unmarked)


def _unmarked(text: str) -> bool:
    return not _ANY_MARKER.search(text)


# A label a clerk typed before the text: "问题1：", "问题（2）：", "措施一：", "整改措施3：", "问题：".
_LABEL = lazy(
    rf"^(?:整改)?(?:问题|措施)\s*(?:[（(]?\d{{1,3}}[)）]?|[{_CN_NUM}]{{1,3}})?\s*[:：]\s*"
)


@overload
def strip_label(text: str) -> str: ...
@overload
def strip_label(text: object) -> object: ...
def strip_label(text: object) -> object:
    """Text without a "问题1：" / "措施2：" label typed before it (documents number problems and
    measures themselves and would print "问题1：问题1：…"); other values as they are."""
    if text.__class__ is not str or not text.startswith(("问题", "措施", "整改")):
        return text
    label = _LABEL.match(text)
    return (text[label.end() :] or text) if label else text


def numbered_parts(text: str, n: int) -> list[str] | None:
    """The ``n`` parts of a cell numbered like a cell of ``n`` measures (a 整改时限 or 整改状态
    beside them: "1.2024年6月底前\n2.长期坚持", "①已完成②正在推进"), without their numbers;
    None when it is not in ``n`` numbered parts. Lines each starting with a number count too
    (split_measures keeps "1.2024年…" whole: a date may follow the number)."""
    parts = split_measures(text)
    if len(parts) == n:
        return parts
    lines = [line.strip() for line in re.split(r"[\r\n；;]+", text) if line.strip()]
    numbers = [_LINE_NUMBER.match(line) for line in lines]
    if len(lines) != n or not all(numbers):
        return None
    return [line[m.end() :].strip() for line, m in zip(lines, numbers, strict=True) if m]


# The number a line starts with: 1. 1、 (1) （1） ① 一是 一、
_LINE_NUMBER = lazy(
    r"^(?:\d{1,2}\s*[.．、)）]|[（(]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十](?:是|、))\s*"
)


def strip_number(text: str) -> str:
    """One measure without the number a clerk typed before it: "3.开展专题研讨" → "开展专题研讨".

    Rows often go on numbering from the row above (1. 2. in one cell, "3.…" in the next), and
    documents number measures themselves, which would print "（3）3.开展…". Only a marker of
    the ``split_measures`` styles at the very start is removed, never the whole text.
    """
    if not isinstance(text, str):
        return text
    stripped = text.lstrip()
    if stripped.startswith(("措施", "整改措施")) and (label := _LABEL.match(stripped)):
        return stripped[label.end() :] or text  # "措施1：规范会议记录": the label too
    if not stripped or not _MARKER_START.match(stripped):
        return text  # most measures: one cheap test
    for _style, pattern, _anywhere in _STYLES:
        m = pattern.match(stripped)
        if m:
            rest = stripped[m.end() :].lstrip(_LEAD)
            return rest or text
    return text


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[str, ...]:
    best: list[_Marker] = []
    for style, pattern, anywhere in _STYLES:
        needs = _STYLE_NEEDS.get(style)
        if needs and not any(c in text for c in needs):
            continue  # (a style whose marks cannot be in the text: no search)
        run = _chain(_markers(text, style, pattern), anywhere, style == "circled")
        if run and (not best or run[0].start < best[0].start):
            best = run
    if not best:
        return (text,)
    items = []
    for k, m in enumerate(best):
        end = best[k + 1].start if k + 1 < len(best) else len(text)
        item = text[m.end : end].lstrip(_LEAD).rstrip(_TRAIL)
        if item:
            items.append(item)
    lead = text[: best[0].start].strip().rstrip(_TRAIL)
    if lead and items:
        if lead[-1] in "：:":
            items[0] = lead + items[0]
        else:
            items.insert(0, lead)
    return tuple(items) if len(items) >= 2 else (text,)


# ---------------------------------------------------------------------------------------------
# Column letters.


def column_letter(index0: int) -> str:
    """Excel column letters of 0-based column ``index0``: 0 → "A", 25 → "Z", 26 → "AA"."""
    if index0 < 0:
        raise ValueError(f"列序号不能为负数：{index0}")
    return _letter(index0)


@lru_cache(maxsize=1024)
def _letter(index0: int) -> str:
    letters = ""
    n = index0 + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def column_index(letter: str) -> int:
    """0-based column index of Excel column letters: "A" → 0, "AA" → 26 (case-insensitive)."""
    s = letter.strip().upper()
    if not s or not s.isascii() or not s.isalpha():
        raise ValueError(f"不是有效的列字母：{letter!r}")
    n = 0
    for c in s:
        n = n * 26 + ord(c) - 64
    return n - 1
