"""整改状态 (README “整改状态”): every synonym, unknown values and their suggestion, the problem
roll-up, 办结 and the 办结率 text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.status import (
    closure_rate_text,
    is_closed,
    normalise_status,
    read_status_map,
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
    assert suggest_status(value) is None


# The words seen in real ledgers (issue 7), each read as the least advanced status it can mean.
REAL_WORDS = {
    "整改完成": C.STATUS_DONE,
    "已完成整改": C.STATUS_DONE,
    "已整改": C.STATUS_DONE,
    "已办结": C.STATUS_DONE,
    "已销号": C.STATUS_DONE,
    "完成": C.STATUS_DONE,
    "关闭": C.STATUS_DONE,
    "待整改": C.STATUS_NOT_STARTED,
    "未整改": C.STATUS_NOT_STARTED,
    "待办理": C.STATUS_NOT_STARTED,
    "到期未整改": C.STATUS_NOT_STARTED,
    "开始整改": C.STATUS_IN_PROGRESS,
    "整改中": C.STATUS_IN_PROGRESS,
    "推进中": C.STATUS_IN_PROGRESS,
    "正按序推进": C.STATUS_IN_PROGRESS,
    "正在推进整改": C.STATUS_IN_PROGRESS,
    "持续整改": C.STATUS_IN_PROGRESS,
    "申请延期": C.STATUS_IN_PROGRESS,
    "已延期": C.STATUS_IN_PROGRESS,
    "长期坚持整改": C.STATUS_ONGOING,
    "整改完成待审核": C.STATUS_MOSTLY_DONE,
    "待验收": C.STATUS_MOSTLY_DONE,
}


@pytest.mark.parametrize(("word", "status"), REAL_WORDS.items())
def test_real_status_words(word, status):
    assert normalise_status(word) == status
    assert suggest_status(word) == status


def test_no_word_is_listed_under_two_statuses():
    words = [w for syns in C.STATUS_SYNONYMS.values() for w in syns]
    assert len(words) == len(set(words))
    assert not set(words) & set(C.STATUSES)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("已经完成", C.STATUS_DONE),
        ("目前已整改到位", C.STATUS_DONE),
        ("均已办结", C.STATUS_DONE),
        ("目前正在推进", C.STATUS_IN_PROGRESS),
    ],
)
def test_everyday_variants(text, canonical):
    assert normalise_status(text) == canonical


RANK = {s: i for i, s in enumerate(C.STATUSES)}


@pytest.mark.parametrize(
    ("text", "ceiling"),
    [
        # Pending and negated words never get a finished suggestion.
        ("待整改落实", C.STATUS_NOT_STARTED),
        ("待开展", C.STATUS_NOT_STARTED),
        ("尚未开始实施", C.STATUS_NOT_STARTED),
        ("暂未开展整改", C.STATUS_NOT_STARTED),  # (暂未启动 itself is 未启动)
        ("没有完成", C.STATUS_IN_PROGRESS),
        ("尚未完成整改", C.STATUS_IN_PROGRESS),
        ("申请延期待批", C.STATUS_IN_PROGRESS),
        ("延期至年底", C.STATUS_IN_PROGRESS),
        ("逾期未完成", C.STATUS_IN_PROGRESS),
        ("已延期完成", C.STATUS_IN_PROGRESS),
        ("长期坚持中", C.STATUS_IN_PROGRESS),
        ("正在推进中吧", C.STATUS_IN_PROGRESS),
        ("基本完成了", C.STATUS_MOSTLY_DONE),
        ("差不多完成", C.STATUS_MOSTLY_DONE),
        ("已完成，另有一家待整改", C.STATUS_IN_PROGRESS),
        ("已完成长期坚持，但尚有问题", C.STATUS_IN_PROGRESS),
        # a plan is not a result
        ("计划于6月30日完成", C.STATUS_IN_PROGRESS),
        ("预计6月底完成", C.STATUS_IN_PROGRESS),
    ],
)
def test_suggestion_is_never_more_advanced_than_the_word(text, ceiling):
    assert normalise_status(text) is None
    suggestion = suggest_status(text)
    assert suggestion is not None
    assert RANK[suggestion] <= RANK[ceiling], suggestion


@pytest.mark.parametrize("text", ["xyz", "见附件", "张三", "2024年5月", "——"])
def test_no_suggestion_when_the_word_says_nothing(text):
    assert normalise_status(text) is None
    assert suggest_status(text) is None


def test_yes_no_only_suggested():
    # 是/否 mean a status only in a 是否完成 column (normalise reads them there).
    assert normalise_status("是") is None
    assert suggest_status("是") == C.STATUS_DONE
    assert suggest_status("否") == C.STATUS_IN_PROGRESS


def test_users_own_words():
    words = read_status_map({"办结归档": "已完成", "列入计划": "未启动", "挂账": "整改中"})
    assert normalise_status("办结归档", words) == C.STATUS_DONE
    assert normalise_status(" 列入 计划。", words) == C.STATUS_NOT_STARTED
    assert normalise_status("挂账", words) == C.STATUS_IN_PROGRESS
    assert normalise_status("已完成", words) == C.STATUS_DONE
    with pytest.raises(ValueError, match="甲=乙"):
        read_status_map({"甲": "乙"})


def test_non_text_status():
    assert normalise_status(1) is None
    assert suggest_status(1.5) is None


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
    suggestion = suggest_status(text)
    assert suggestion is None or suggestion in C.STATUSES
    if result is not None:
        assert suggestion == result
    assert roll_up([text]) in (*C.STATUSES, None)
    assert isinstance(is_closed(text), bool)


@pytest.mark.parametrize(
    ("text", "status"),
    [("100%", C.STATUS_DONE), ("100％", C.STATUS_DONE), ("80%", C.STATUS_IN_PROGRESS),
     ("5.5%", C.STATUS_IN_PROGRESS), ("0%", C.STATUS_NOT_STARTED), ("120%", None)],
)  # fmt: skip
def test_progress_percentages_in_a_status_column(text, status):
    assert normalise_status(text) == status


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        # 已完成 with a "keep it up" part is 长期坚持, written in any of the usual ways.
        ("已完成，长期坚持", C.STATUS_ONGOING),
        ("已完成（长期坚持）", C.STATUS_ONGOING),
        ("已完成 长期坚持", C.STATUS_ONGOING),
        ("已整改完成并长期坚持", C.STATUS_ONGOING),
        ("已完成，需长期坚持", C.STATUS_ONGOING),
        ("已整改，持续推进", C.STATUS_ONGOING),
        # ... but only 已完成: the least advanced part is the status.
        ("基本完成，长期坚持", C.STATUS_MOSTLY_DONE),
        ("部分完成，持续推进", C.STATUS_IN_PROGRESS),
        ("已完成；正在推进", C.STATUS_IN_PROGRESS),
        # a bracket that is a remark is not part of the status
        ("已完成（见附件3）", C.STATUS_DONE),
        ("已办结（2024年4月）", C.STATUS_DONE),
        ("已完成，见附件", C.STATUS_DONE),
        # a day said with the status, a tick before it, the deadline word before it
        ("已于4月20日完成", C.STATUS_DONE),
        ("2024年4月已完成", C.STATUS_DONE),
        ("√ 已完成", C.STATUS_DONE),
        ("立行立改已完成", C.STATUS_DONE),
        ("已提请销号", C.STATUS_MOSTLY_DONE),
        # percentages and the ...中 form
        ("完成80%", C.STATUS_IN_PROGRESS),
        ("完成100%", C.STATUS_DONE),
        ("持续推进中", C.STATUS_IN_PROGRESS),
        ("申请延期中", C.STATUS_IN_PROGRESS),
        # words real units use
        ("部分整改", C.STATUS_IN_PROGRESS),
        ("按时序推进", C.STATUS_IN_PROGRESS),
        ("序时推进", C.STATUS_IN_PROGRESS),
        ("阶段性完成", C.STATUS_MOSTLY_DONE),
        ("已整改销号", C.STATUS_DONE),
        ("未开展", C.STATUS_NOT_STARTED),
    ],
)
def test_compound_and_real_words(text, canonical):
    assert normalise_status(text) == canonical


@pytest.mark.parametrize("text", ["已完成，但尚有2家未整改", "已完成长期坚持，但尚有问题"])
def test_a_part_that_is_no_status_leaves_the_cell_unknown(text):
    # outside brackets, a part that says something else may take back what the status says
    assert normalise_status(text) is None
