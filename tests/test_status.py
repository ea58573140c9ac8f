"""整改状态 (LEDGER.md §4): every synonym, unknown values and their suggestion, the problem
roll-up, 办结 and the 办结率 text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger_tools import columns as C
from ledger_tools.status import (
    closure_rate_text,
    is_closed,
    normalise_status,
    roll_up,
    suggest_status,
)

ALL_SPELLINGS = [(s, s) for s in C.STATUSES] + [
    (syn, canonical) for canonical, syns in C.STATUS_SYNONYMS.items() for syn in syns
]


@pytest.mark.parametrize(("text", "canonical"), ALL_SPELLINGS)
def test_every_status_and_synonym(text, canonical):
    assert normalise_status(text) == canonical
    # As people type them: spaces (also inside), full-width/ideographic spaces, a line break,
    # trailing punctuation, a bracketed remark.
    for variant in (
        f" {text} ",
        "\u3000" + text + "\u00a0",
        " ".join(text),
        f"{text}\n",
        f"{text}。",
        f"{text}；",
        f"{text}（见附件3）",
        f"{text}(2024年5月)",
    ):
        assert normalise_status(variant) == canonical, variant
    assert suggest_status(text) == canonical


def test_index_covers_the_spec():
    assert set(C.STATUS_INDEX.values()) == set(C.STATUSES)
    assert len(C.STATUSES) == 5


@pytest.mark.parametrize("value", [None, "", "  ", "\u3000"])
def test_empty_is_none(value):
    assert normalise_status(value) is None
    assert suggest_status(value) in C.STATUSES


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("已经完成", C.STATUS_DONE),
        ("整改完毕", C.STATUS_DONE),
        ("已完结", C.STATUS_DONE),
        ("基本完成了", C.STATUS_MOSTLY_DONE),
        ("长期坚持中", C.STATUS_ONGOING),
        ("已完成，长期坚持", C.STATUS_ONGOING),
        ("正在推进中", C.STATUS_IN_PROGRESS),
        ("推进", C.STATUS_IN_PROGRESS),
        ("未启", C.STATUS_NOT_STARTED),
        # A negation never suggests a finished status.
        ("没有完成", C.STATUS_IN_PROGRESS),
        ("尚未完成整改", C.STATUS_IN_PROGRESS),
        ("尚未开始实施", C.STATUS_NOT_STARTED),
        # A 是否完成 column answered 是/否.
        ("是", C.STATUS_DONE),
        ("否", C.STATUS_IN_PROGRESS),
        # Nothing similar: the suggestion that claims least.
        ("xyz", C.STATUS_IN_PROGRESS),
    ],
)
def test_unknown_status_and_suggestion(text, suggestion):
    assert normalise_status(text) is None
    assert suggest_status(text) == suggestion


def test_non_text_status():
    assert normalise_status(1) is None
    assert suggest_status(1.5) in C.STATUSES


DONE, ONGOING, MOSTLY, PROGRESS, NOT = (
    C.STATUS_DONE,
    C.STATUS_ONGOING,
    C.STATUS_MOSTLY_DONE,
    C.STATUS_IN_PROGRESS,
    C.STATUS_NOT_STARTED,
)


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([DONE], DONE),
        ([DONE, DONE, DONE], DONE),
        ([ONGOING], ONGOING),
        ([DONE, ONGOING], ONGOING),
        ([ONGOING, ONGOING], ONGOING),
        ([NOT], NOT),
        ([NOT, NOT], NOT),
        ([NOT, DONE], PROGRESS),  # a mix of not started and done is in progress
        ([NOT, ONGOING], PROGRESS),
        ([NOT, MOSTLY], PROGRESS),
        ([PROGRESS], PROGRESS),
        ([PROGRESS, DONE], PROGRESS),
        ([MOSTLY, PROGRESS, DONE], PROGRESS),
        ([MOSTLY], MOSTLY),
        ([MOSTLY, DONE], MOSTLY),
        ([MOSTLY, ONGOING, DONE], MOSTLY),
        # Synonyms are understood.
        (["已整改到位", "完成"], DONE),
        (["已办结", "持续巩固"], ONGOING),
        # Missing or unknown → no roll-up.
        ([], None),
        ([DONE, None], None),
        ([None], None),
        ([DONE, "不知道"], None),
    ],
)
def test_roll_up(statuses, expected):
    assert roll_up(statuses) == expected
    assert roll_up(list(reversed(statuses))) == expected  # order does not matter


def test_is_closed():
    assert is_closed(DONE)
    assert is_closed("已销号")
    assert is_closed(ONGOING)
    assert is_closed(ONGOING, ongoing_counts_as_closed=True)
    assert not is_closed(ONGOING, ongoing_counts_as_closed=False)
    assert is_closed(DONE, ongoing_counts_as_closed=False)
    for s in (MOSTLY, PROGRESS, NOT, None, "", "未知"):
        assert not is_closed(s)


@pytest.mark.parametrize(
    ("closed", "total", "text"),
    [
        (8, 8, "100%"),
        (7, 8, "87.5%"),
        (0, 8, "0%"),
        (0, 0, "0%"),
        (5, 10, "50%"),
        (1, 3, "33.3%"),
        (2, 3, "66.7%"),  # half up, not truncated
        (1, 8, "12.5%"),
        (1, 16, "6.3%"),  # 6.25 → 6.3 (half up, not banker's)
        (3, 16, "18.8%"),  # 18.75 → 18.8
        (2499, 2500, "99.9%"),  # never rounds up to 100% while one is open
        (1, 3000, "0.1%"),  # never rounds down to 0% while one is closed
        (19, 20, "95%"),
    ],
)
def test_closure_rate_text(closed, total, text):
    assert closure_rate_text(closed, total) == text


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_closure_rate_format(closed, total):
    text = closure_rate_text(min(closed, total), total)
    assert text.endswith("%")
    number = text[:-1]
    assert not number.endswith(".0")
    assert len(number.partition(".")[2]) <= 1
    assert 0 <= float(number) <= 100
    if total and 0 < closed < total:
        assert number not in ("0", "100")


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.sampled_from(list(C.STATUS_INDEX)).map(lambda s: f" {s}（注）。")))
def test_any_text_never_raises(text):
    result = normalise_status(text)
    assert result is None or result in C.STATUSES
    assert suggest_status(text) in C.STATUSES
    assert roll_up([text]) in (*C.STATUSES, None)
    assert isinstance(is_closed(text), bool)
