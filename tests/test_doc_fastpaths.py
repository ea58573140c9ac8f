"""The fast paths of the document code give what the plain code they replaced gives.

Each plain version is kept here, written the obvious way, and compared with the library's on
generated text (hypothesis) or on every Unicode code point.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger_tools.documents import context as ctx
from ledger_tools.documents import docxrender, tabletext
from ledger_tools.documents import render as R
from ledger_tools.documents import wording as W
from ledger_tools.ledger.cells import strip_forbidden

# Brackets, quotes, every separator the callers use, spaces, line breaks, letters, digits,
# characters that are alphanumeric to Python but not ASCII, and regex metacharacters.
ALPHABET = list(
    "陈志远王（）()“”‘’《》〈〉「」『』【】〔〕、，,；;/／\n 。：:！？!?aZ9_-—\t０①Ⅲ²\\]^元万"
)
TEXT = st.text(alphabet=st.sampled_from(ALPHABET), max_size=40)
SEPARATORS = st.sampled_from(
    [W._LIST_SEPARATORS, W._LIST_SEPARATORS + " ", W._CLAUSE_STOPS, "、（", "）", "]\\^-", ""]
)


def plain_split_outside(value: str, separators: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in value:
        if ch in W._OPEN:
            depth += 1
        elif ch in W._CLOSE:
            depth = max(depth - 1, 0)
        if ch in separators and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def plain_bigrams(text: str) -> set[str]:
    chars = [ch for ch in text if ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:], strict=False)}


def plain_says_lead(progress: str, lead: str) -> bool:
    pairs = plain_bigrams(lead)
    return bool(pairs) and len(pairs & plain_bigrams(progress)) / len(pairs) >= 0.7


@settings(max_examples=3000, deadline=None)
@given(TEXT, SEPARATORS)
def test_split_outside(value, separators):
    assert W.split_outside(value, separators) == plain_split_outside(value, separators)


@settings(max_examples=2000, deadline=None)
@given(TEXT)
def test_measure_lead(value):
    first = plain_split_outside(value.strip(), W._CLAUSE_STOPS)
    assert W.measure_lead(value) == (first[0] if first else value.strip())


@settings(max_examples=3000, deadline=None)
@given(TEXT, st.text(alphabet=st.sampled_from(ALPHABET[:12] + ["a", "9", "_"]), max_size=8))
def test_says_lead(progress, lead):
    assert W._bigrams(lead) == plain_bigrams(lead)
    assert W.says_lead(progress, lead) == plain_says_lead(progress, lead)
    assert W.says_lead(lead + progress, lead) == plain_says_lead(lead + progress, lead)
    # the lead's characters spread over the narrative, some pairs only across punctuation:
    # the case the cheap bounds leave to the full comparison
    spread = "，".join(lead) + progress
    assert W.says_lead(spread, lead) == plain_says_lead(spread, lead)


@settings(max_examples=5000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789,.万元 约共计合¥") + ["٣", "１"]), max_size=30)
)
def test_money_in_text_as_the_plain_substitution(text):
    def plain(m):
        return W._one_amount(m.group(0))

    assert W.money_in_text(text) == (W._MONEY.sub(plain, text) if "元" in text else text)


def test_alphanumeric_pattern_is_str_isalnum():
    for cp in range(0x110000):
        ch = chr(cp)
        assert (W._NOT_ALNUM.sub("", ch) == ch) == ch.isalnum(), hex(cp)


def test_finalize_searches_for_exactly_what_clean_text_removes():
    for cp in range(0x110000):
        ch = chr(cp)
        assert (R._UNCLEAN.search(ch) is not None) == (R.clean_text(ch) != ch), hex(cp)


def test_text_fast_path_is_taken_only_when_nothing_changes_but_the_ends():
    for cp in range(0x110000):
        ch = chr(cp)
        plain = strip_forbidden(ch) == ch and ch not in "\n\r\t"
        assert (ctx._NOT_ONE_LINE.search(ch) is None) == plain, hex(cp)


def test_a_printable_string_needs_neither_cleaning_nor_word_breaks():
    # text() and the finalize return a printable string as it is (stripped) without searching
    for cp in range(0x110000):
        ch = chr(cp)
        if ch.isprintable():
            assert ctx._NOT_ONE_LINE.search(ch) is None, hex(cp)
            assert R._UNCLEAN.search(ch) is None, hex(cp)
            assert ch not in "\n\t", hex(cp)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["\n", "<w:p", " ", ">", "<w:pPr>", "x", "\n\n"])))
def test_paragraph_lines_joined_as_the_regex_did(pieces):
    text = "".join(pieces)
    expected = re.sub(r"\n<w:p([ >])", r"<w:p\1", text)
    assert docxrender._join_paragraph_lines(text) == expected


def test_cached_table_filters_take_any_value():
    assert tabletext.names_only(["陈志远（局长）"]) == "['陈志远']"
    assert tabletext.names_only(None) == ""
    assert tabletext.short_date(20240630) == "20240630"
    assert tabletext.short_date("2024年06月30日前") == "2024.6.30前"


def plain_one_amount(written: str) -> str:
    """``_one_amount`` before its whole-yuan shortcut: every amount through Decimal."""
    value = W._parse_amount(written)
    return W.amount_text(value) if value is not None else written


def test_whole_yuan_amounts_as_through_decimal():
    for yuan in [*range(0, 30001), *range(30000, 10**7, 997), 10**12 + 1, 10**14 + 99]:
        written = f"{yuan}元"
        assert W._one_amount(written) == plain_one_amount(written), written
    for written in ("00042元", "0000000010500元", "123456789012345元", "1234567890123456元"):
        assert W._one_amount(written) == plain_one_amount(written), written


# Spaces a Chinese cell may hold besides ASCII ones: ideographic, no-break, separators.
SPACES = ["\u3000", "\xa0", "\u2003", "\x1c", "\x85"]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET + SPACES), max_size=40))
def test_measure_lead_with_every_kind_of_space(value):
    first = plain_split_outside(value.strip(), W._CLAUSE_STOPS)
    assert W.measure_lead(value) == (first[0] if first else value.strip())


def test_space_pattern_is_what_strip_strips():
    for cp in range(0x110000):
        ch = chr(cp)
        assert (re.fullmatch(r"\s", ch) is not None) == (ch.strip() == ""), hex(cp)


@pytest.mark.parametrize(
    "leader,lead,depts,deadline,expected",
    [
        ("", "", "", "", ""),
        ("", "", "", "立行立改", "（完成时限：立行立改）"),
        ("陈志远（局长）", "", "", "", "（责任领导：陈志远）"),
        ("", "甲科", "甲科、乙科", "", "（牵头部门：甲科；配合部门：乙科）"),
        ("", "甲科", "乙科", "2024年6月底前", "（牵头部门：甲科；责任部门：乙科；完成时限：2024年6月底前）"),
        ("王某", "办公室", "", "长期坚持", "（责任领导：王某；责任部门：办公室；完成时限：长期坚持）"),
    ],
)  # fmt: skip
def test_duty_text_joins_the_cached_people_with_the_deadline(
    leader, lead, depts, deadline, expected
):
    # the people and departments are cached apart from the deadline: every combination of
    # present and absent parts is still joined by one "；" inside one bracket
    assert W.duty_text(leader, lead, depts, deadline) == expected


UNIT = "某区档案馆"


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.none(),
        st.floats(allow_nan=False),
        st.lists(st.sampled_from([*ALPHABET, UNIT, "《", "》", "42300元", "\x01"])).map("".join),
    )
)
def test_body_text_skips_only_passes_that_change_nothing(value):
    ledger = ctx.sample_ledger()
    ledger.info.update({"单位名称": UNIT, "单位简称": ""})
    say = ctx.body_text(ledger)
    plain = W.use_self_name(W.money_in_text(ctx.text(value)), UNIT, "我馆")
    assert say(value) == plain


MARK_PIECES = [*"【示例，请修改】", "\n", "\r", "\t", " ", "\x01", "x", "【示例，请修改】"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(MARK_PIECES), max_size=20).map("".join))
def test_sample_mark_needs_its_first_character_in_the_cell(value):
    from ledger_tools.ledger.columns import EXAMPLE_MARK

    if EXAMPLE_MARK[0] not in value:
        assert EXAMPLE_MARK not in ctx.text(value)
