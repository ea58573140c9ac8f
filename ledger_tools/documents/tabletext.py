"""Short forms for narrow table cells (the 整改任务清单 attachment), as template filters.

``names_only``: "陈志远（党组书记、局长）、王建国（副局长）" → "陈志远、王建国": a 责任领导 column
holds names; the job titles (in brackets) stay in the body text. ``short_date``:
"2024年6月30日" → "2024.6.30"; other deadline forms ("2024年6月底前", "长期坚持") are already
short and pass through. ``cell_lines``: where a narrow cell's text breaks: "2024年6月底前" as
"2024年" over "6月底前", not "2024年6" over "月底前"; "财务科、规划建设科" after the "、", not
"财务科、规" over "划建设科".
"""

from __future__ import annotations

import functools
import re
from typing import Any

_BRACKETED = re.compile(r"\s*[（(][^（）()]*[）)]")
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def names_only(value: Any) -> str:
    """Drop bracketed job titles after names; separators and unbracketed text are kept."""
    if value is None:
        return ""
    return _names_only(str(value))


def short_date(value: Any) -> str:
    """Every full date "2024年6月30日" in ``value`` as "2024.6.30"."""
    if value is None:
        return ""
    return _short_date(str(value))


# Both run for every row of the task table, on values that repeat: cached by text.
@functools.lru_cache(maxsize=1 << 14)
def _names_only(text: str) -> str:
    previous = None
    while previous != text:  # nested brackets: innermost first
        previous, text = text, _BRACKETED.sub("", text)
    return text.strip()


@functools.lru_cache(maxsize=1 << 14)
def _short_date(text: str) -> str:
    return _FULL_DATE.sub(lambda m: f"{m[1]}.{int(m[2])}.{int(m[3])}", text)


def cell_lines(value: Any, width: float) -> str:
    """``value`` with line breaks where a cell ``width`` characters wide (a CJK character is
    one, a digit or Latin letter half) should break it, so that Word and LibreOffice, which
    break Chinese text after any character, do not cut a date after its month's digit or a
    name in two: a date "2024年4月15日前" longer than the cell breaks after 年 (when the rest
    fits a line); a list of names "财务科、规划建设科" breaks after a "、", as many whole names
    on a line as fit. Anything else, or what fits, is returned as it is."""
    if value is None:
        return ""
    return _cell_lines(str(value), float(width))


def _width(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


_YEAR_FIRST = re.compile(r"(\d{4}年)(\d{1,2}月\S*)")


@functools.lru_cache(maxsize=1 << 14)
def _cell_lines(text: str, width: float) -> str:
    if _width(text) <= width or "\n" in text:
        return text
    date = _YEAR_FIRST.fullmatch(text)
    if date:
        return f"{date[1]}\n{date[2]}" if _width(date[2]) <= width else text
    names = [n for n in text.split("、") if n]
    if len(names) < 2:
        return text
    lines = [names[0]]
    for name in names[1:]:
        if _width(f"{lines[-1]}、{name}、") <= width:
            lines[-1] = f"{lines[-1]}、{name}"
        else:
            lines.append(name)
    return "、\n".join(lines)


FILTERS = {"names_only": names_only, "short_date": short_date, "cell_lines": cell_lines}
