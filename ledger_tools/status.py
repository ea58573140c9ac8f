"""整改状态: reading a status cell, suggesting a fix for an unknown one, rolling measures up to
their problem, and 办结/办结率 (LEDGER.md §4). Stdlib only; the values come from ``columns``."""

from __future__ import annotations

import difflib
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from ledger_tools import columns as C

_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[。.，,；;：:!！?？、…~\-—]+$")
# A bracketed remark after the status ("已完成（见附件3）") is not part of it.
_REMARK = re.compile(r"\([^()]*\)$|\[[^\[\]]*\]$|【[^【】]*】$")
# Least to most advanced, for the roll-up.
_RANK = {s: i for i, s in enumerate(C.STATUSES)}
_KEYS = tuple(C.STATUS_INDEX)
_NEGATION = re.compile(r"未|没|尚|不|无|暂")
_NOT_STARTED_HINT = re.compile(r"启动|开始|实施|开展")
_YES = frozenset(("是", "√", "✓", "✔", "y", "yes", "ok"))
_NO = frozenset(("否", "×", "✗", "x", "n", "no"))


def _clean(text: str) -> str:
    s = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    prev = None
    while prev != s:
        prev = s
        s = _TRAILING.sub("", _REMARK.sub("", s))
    return s


def normalise_status(text: object) -> str | None:
    """The canonical status (one of ``columns.STATUSES``) of a cell, after NFKC, removing all
    spaces, trailing punctuation and a trailing bracketed remark; synonyms are mapped via
    ``columns.STATUS_INDEX``. None when the cell is empty or the value is not known."""
    if text is None:
        return None
    if not isinstance(text, str):
        text = str(text)
    hit = C.STATUS_INDEX.get(text)  # the common case: picked from the drop-down
    if hit is not None:
        return hit
    return _normalise_slow(text)


@lru_cache(maxsize=4096)
def _normalise_slow(text: str) -> str | None:
    s = _clean(text)
    return C.STATUS_INDEX.get(s) if s else None


def suggest_status(text: object) -> str:
    """The allowed status nearest to ``text`` (always one of ``columns.STATUSES``), for the
    message about an unknown one ("是否应为“已完成”？").

    difflib over the accepted spellings, mapped to their canonical status. A negation (未, 没,
    尚, 不 …) never leads to a finished status: "没有完成" suggests 正在推进 (未启动 if it speaks
    of starting). Nothing similar at all → 正在推进, the suggestion that claims least."""
    s = _clean(str(text)) if text is not None else ""
    known = C.STATUS_INDEX.get(s)
    if known is not None:
        return known
    if not s:
        return C.STATUS_IN_PROGRESS
    if s.lower() in _YES:  # a 是否完成 column answered 是/否
        return C.STATUS_DONE
    if s.lower() in _NO:
        return C.STATUS_IN_PROGRESS
    return _suggest_cached(s)


@lru_cache(maxsize=1024)
def _suggest_cached(s: str) -> str:
    best, best_score = "", 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(s)
    for key in _KEYS:
        matcher.set_seq1(key)
        score = matcher.ratio()
        # Ties go to the longer (more specific) spelling: "已经完成" → 已完成 rather than 完成.
        if score > best_score or (score == best_score and score and len(key) > len(best)):
            best, best_score = key, score
    if not best:
        return C.STATUS_IN_PROGRESS
    status = C.STATUS_INDEX[best]
    if _NEGATION.search(s) and status in (C.STATUS_DONE, C.STATUS_ONGOING, C.STATUS_MOSTLY_DONE):
        return C.STATUS_NOT_STARTED if _NOT_STARTED_HINT.search(s) else C.STATUS_IN_PROGRESS
    return status


def roll_up(statuses: list[str | None]) -> str | None:
    """A problem's status from its measures' (LEDGER.md §4).

    All 已完成 → 已完成; all 已完成/长期坚持 with at least one 长期坚持 → 长期坚持; all 未启动 →
    未启动; otherwise the least advanced of 正在推进/基本完成 (未启动 beside anything started
    counts as 正在推进). None for no measures or when any status is missing/unknown."""
    if not statuses:
        return None
    ranks = set()
    for s in statuses:
        canonical = normalise_status(s)
        if canonical is None:
            return None
        ranks.add(_RANK[canonical])
    done, ongoing = _RANK[C.STATUS_DONE], _RANK[C.STATUS_ONGOING]
    if ranks <= {done, ongoing}:
        return C.STATUS_ONGOING if ongoing in ranks else C.STATUS_DONE
    if ranks == {_RANK[C.STATUS_NOT_STARTED]}:
        return C.STATUS_NOT_STARTED
    if _RANK[C.STATUS_NOT_STARTED] in ranks or _RANK[C.STATUS_IN_PROGRESS] in ranks:
        return C.STATUS_IN_PROGRESS
    return C.STATUS_MOSTLY_DONE


def closed_statuses(ongoing_counts_as_closed: bool = True) -> tuple[str, ...]:
    """The statuses that count as 办结: 已完成, and 长期坚持 when 长期坚持计入办结 is 是."""
    if ongoing_counts_as_closed:
        return (C.STATUS_DONE, C.STATUS_ONGOING)
    return (C.STATUS_DONE,)


def is_closed(status: str | None, ongoing_counts_as_closed: bool = True) -> bool:
    """办结: 已完成, and 长期坚持 when 长期坚持计入办结 is 是 (the default)."""
    return normalise_status(status) in closed_statuses(ongoing_counts_as_closed)


def closure_rate_text(closed: int, total: int) -> str:
    """办结率 as printed: "100%", "87.5%", "33.3%", "0%" (at most one decimal, half up).

    Rounding never claims more or less than is true: 2499 of 2500 prints 99.9%, not 100%;
    1 of 3000 prints 0.1%, not 0%. ``total`` 0 → "0%"."""
    if total <= 0 or closed <= 0:
        return "0%"
    if closed >= total:
        return "100%"
    return percent_text(Decimal(closed) / Decimal(total))


def percent_text(ratio: Decimal | float) -> str:
    """A ratio as a percentage with at most one decimal, half up; a ratio strictly between 0
    and 1 is never shown as 100% or 0% (0.9996 → "99.9%", 0.0003 → "0.1%")."""
    ratio = ratio if isinstance(ratio, Decimal) else Decimal(str(ratio))
    shown = (ratio * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if ratio < 1 and shown >= 100:
        shown = Decimal("99.9")
    if ratio > 0 and shown <= 0:
        shown = Decimal("0.1")
    text = f"{shown:f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"
