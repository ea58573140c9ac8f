"""Short forms for narrow table cells (the 整改任务清单 attachment), as template filters.

``names_only``: "陈志远（党组书记、局长）、王建国（副局长）" → "陈志远、王建国": a 责任领导 column
holds names; the job titles (in brackets) stay in the body text. ``short_date``:
"2024年6月30日" → "2024.6.30"; other deadline forms ("2024年6月底前", "长期坚持") are already
short and pass through.
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


FILTERS = {"names_only": names_only, "short_date": short_date}
