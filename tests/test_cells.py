"""Cell text cleaning, splitting numbered measures, column letters."""

from __future__ import annotations

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils import column_index_from_string, get_column_letter

from ledger_tools.ledger.cells import (
    _ANY_MARKER,  # noqa: PLC2701
    clean_text,
    column_index,
    column_letter,
    split_measures,
    strip_number,
    unchanged_texts,
    unnumbered_texts,
)

# --------------------------------------------------------------------------------------------
# clean_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("加强学习", "加强学习"),
        ("  加强学习  ", "加强学习"),
        ("２０２４年完成３项", "2024年完成3项"),  # full-width digits
        ("ＡＢＣ ｘｙｚ", "ABC xyz"),  # full-width letters
        ("王\u3000芳", "王芳"),  # a padded two-character name
        (" 王  芳 ", "王芳"),
        ("办公室\u00a0", "办公室"),
        ("a\u00a0\u00a0b", "a b"),
        ("加强\t\t学习教育，提高思想认识和政治站位", "加强 学习教育，提高思想认识和政治站位"),
        ("第一行\r\n\r\n  第二行  \r第三行", "第一行\n第二行\n第三行"),
        ("第一行\u2028第二行", "第一行\n第二行"),
        ("坏\x00字\x08符\x1f", "坏字符"),
        ("零\u200b宽\ufeff", "零宽"),
        ("半\ud800代", "半代"),
        ("", None),
        ("   ", None),
        ("\u3000\u00a0\n", None),
        ("\x00", None),
        (None, None),
        (3.0, "3"),
        (2.5, "2.5"),
        (12, "12"),
    ],
)
def test_clean_text(value, expected):
    assert clean_text(value) == expected


def test_clean_text_keeps_chinese_punctuation():
    text = "修订《财务管理办法》（试行）：共３项，完成率１００％。"
    assert clean_text(text) == "修订《财务管理办法》（试行）：共3项，完成率100％。"


def test_cleaned_text_can_be_saved_and_reopened(tmp_path):
    """What clean_text returns is always storable in an .xlsx (openpyxl refuses control chars)."""
    dirty = "措施\x01一\x0b二\x1b三\ufffe\u3000"
    path = tmp_path / "clean.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = clean_text(dirty)
    wb.save(path)
    assert openpyxl.load_workbook(path).active["A1"].value == "措施一\n二三"


# --------------------------------------------------------------------------------------------
# split_measures

SPLITS = [
    # 1. 2. with spaces, line breaks, 、 ．) ）
    ("1.加强学习 2.完善制度", ["加强学习", "完善制度"]),
    ("1. 加强学习\n2. 完善制度\n3. 建立台账", ["加强学习", "完善制度", "建立台账"]),
    ("1、加强学习；2、完善制度；3、建立台账。", ["加强学习", "完善制度", "建立台账。"]),
    ("1．加强学习。2．完善制度。", ["加强学习。", "完善制度。"]),
    ("1)加强学习;2)完善制度", ["加强学习", "完善制度"]),
    ("1）加强学习\n2）完善制度", ["加强学习", "完善制度"]),
    # （1）（2）, also without punctuation between them, and (1)
    ("（1）加强学习（2）完善制度", ["加强学习", "完善制度"]),
    ("（1）加强学习；（2）完善制度；（3）建立台账", ["加强学习", "完善制度", "建立台账"]),
    ("(1)加强学习 (2)完善制度", ["加强学习", "完善制度"]),
    ("（一）加强学习。（二）完善制度。", ["加强学习。", "完善制度。"]),
    # 一是 二是: the marker is stripped
    ("一是加强学习，二是完善制度，三是建立台账。", ["加强学习", "完善制度", "建立台账。"]),
    ("一是加强学习。\n二是完善制度。", ["加强学习。", "完善制度。"]),
    (
        "一是a；二是b；三是c；四是d；五是e；六是f；七是g；八是h；九是i；十是j；十一是k",
        list("abcdefghijk"),
    ),
    ("一、加强学习。二、完善制度", ["加强学习。", "完善制度"]),
    # ①②③ (and ⑴⑵, ⒈⒉, ❶❷), even without separators
    ("①加强学习②完善制度③建立台账", ["加强学习", "完善制度", "建立台账"]),
    ("①加强学习；\n②完善制度。", ["加强学习", "完善制度。"]),
    ("⑴加强学习⑵完善制度", ["加强学习", "完善制度"]),
    ("⒈加强学习⒉完善制度", ["加强学习", "完善制度"]),
    ("❶加强学习❷完善制度", ["加强学习", "完善制度"]),
    # Numbers inside a measure stay in it.
    (
        "1.修订3项制度，落实1.5万元\n2.于2024.6.30前完成第1条",
        ["修订3项制度，落实1.5万元", "于2024.6.30前完成第1条"],
    ),
    (
        "一是补充制定2022年7月29日学习方案。二是2023年3月14日约谈12名干部。",
        ["补充制定2022年7月29日学习方案。", "2023年3月14日约谈12名干部。"],
    ),
    # Nested numbering: the outer list splits, the inner stays.
    (
        "1.加强学习：（1）集中学习（2）个人自学\n2.完善制度",
        ["加强学习：（1）集中学习（2）个人自学", "完善制度"],
    ),
    # Text before the first number: a lead-in with a colon goes before the first measure,
    # a sentence is a measure of its own; nothing is lost.
    ("整改措施：1.加强学习 2.完善制度", ["整改措施：加强学习", "完善制度"]),
    ("高度重视。一是加强学习，二是完善制度", ["高度重视。", "加强学习", "完善制度"]),
    # Only a run from 1: the run stops where the numbers stop.
    ("1.加强学习 2.完善制度 5.其他", ["加强学习", "完善制度 5.其他"]),
]


@pytest.mark.parametrize(("text", "parts"), SPLITS)
def test_split_measures(text, parts):
    assert split_measures(text) == parts


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("3.开展专题研讨", "开展专题研讨"),  # numbering carried on from the row above
        (" 2．落实", "落实"),
        ("10、建章立制", "建章立制"),
        ("（3）修订制度", "修订制度"),
        ("（一）加强学习", "加强学习"),
        ("④建立台账", "建立台账"),
        ("三是完善制度", "完善制度"),
        ("二、修订办法", "修订办法"),
        # Not numbering: left as written.
        ("2024年底前完成", "2024年底前完成"),
        ("1.5万元已清退", "1.5万元已清退"),
        ("三会一课落实", "三会一课落实"),
        ("第1条", "第1条"),
        ("1.", "1."),  # nothing after the number: keep the text
    ],
)
def test_strip_number(text, bare):
    assert strip_number(text) == bare


NOT_SPLIT = [
    "完成2024年度3项制度修订",
    "落实1.5万元",
    "2024.6.30前完成",
    "于2024.6.30前完成整改",
    "第1条",
    "按照第1条、第2条规定执行",
    "1、2月份完成",
    "1.加强学习",  # one numbered measure is not split (and keeps its number)
    "加强学习",
    "共约谈2人，1人诫勉",
    "完成1.2.3项工作",
    "修订《办法》第（1）项，（2）",
    "统一是前提，二是关键",
    "一是加强学习",
    "①加强学习",
    "②完善制度③建立台账",  # does not start at 1
    "2.完善制度 3.建立台账",
    "1.\n2.",  # numbers without measures
    "",
    "   ",
]


@pytest.mark.parametrize("text", NOT_SPLIT)
def test_not_split(text):
    assert split_measures(text) == [text]


def test_split_non_text_is_returned_as_is():
    assert split_measures(None) == [None]  # type: ignore[arg-type]


def test_split_a_real_workbook_cell(tmp_path):
    """A cell written with Alt+Enter line breaks, read back through openpyxl."""
    path = tmp_path / "m.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "1.组织专题学习\n2.修订《学习制度》\n3.每季度通报学习情况"
    wb.save(path)
    cell = openpyxl.load_workbook(path).active["A1"].value
    assert split_measures(clean_text(cell)) == [
        "组织专题学习",
        "修订《学习制度》",
        "每季度通报学习情况",
    ]


# --------------------------------------------------------------------------------------------
# Column letters


@pytest.mark.parametrize(
    ("index0", "letter"),
    [
        (0, "A"),
        (1, "B"),
        (25, "Z"),
        (26, "AA"),
        (27, "AB"),
        (51, "AZ"),
        (52, "BA"),
        (701, "ZZ"),
        (702, "AAA"),
        (16383, "XFD"),
    ],
)
def test_column_letters(index0, letter):
    assert column_letter(index0) == letter
    assert column_index(letter) == index0
    assert column_index(letter.lower()) == index0


def test_column_letters_match_openpyxl():
    for i in range(0, 16384, 7):
        assert column_letter(i) == get_column_letter(i + 1)
        assert (
            column_index(get_column_letter(i + 1))
            == column_index_from_string(get_column_letter(i + 1)) - 1
        )


@pytest.mark.parametrize("bad", ["", "A1", "1", "中", "$A", " "])
def test_column_index_rejects(bad):
    with pytest.raises(ValueError):
        column_index(bad)


def test_column_letter_rejects_negative():
    with pytest.raises(ValueError):
        column_letter(-1)


# --------------------------------------------------------------------------------------------
# Properties

_measure_chars = st.sampled_from(
    list("0123456789.．、)）(（一二三四五六七八九十是①②③⑴⑵\n ，。；：第条项年月日加强学习制度")
)
_measurey = st.lists(_measure_chars, max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), _measurey))
def test_any_text_never_raises(text):
    cleaned = clean_text(text)
    assert cleaned is None or (cleaned and cleaned == cleaned.strip())
    if cleaned is not None:
        assert clean_text(cleaned) == cleaned  # idempotent
    parts = split_measures(text)
    assert parts and all(isinstance(p, str) for p in parts)
    if len(parts) > 1:
        assert all(p.strip() for p in parts)
        # Nothing invented: each part is a piece of the cell, in order.
        pos = 0
        for p in parts:
            at = text.find(p[-1], pos)
            assert at >= 0
            pos = at


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 100_000))
def test_column_letter_round_trip(i):
    assert column_index(column_letter(i)) == i


_PIECES = [
    "中",
    "文",
    "a",
    "1",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u3000",
    "Ａ",
    "１",
    "\u200b",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), max_size=1200),
    st.lists(st.sampled_from(["中文", "措施", "a", "\n"]), min_size=1, max_size=6).map("".join),
)
def test_unchanged_texts_are_those_clean_text_keeps(texts, clean_looking):
    # batches of clean texts are accepted at once, a batch with one loose text text by text:
    # either way the texts clean_text leaves as they are, and only those
    values = [*texts, clean_looking, None, 3.0]
    expected = {v for v in values if isinstance(v, str) and v and clean_text(v) == v}
    assert unchanged_texts(values) == expected


_NUMBERED_PIECES = [
    "开展整改",
    "1.",
    "2、",
    "（一）",
    "(二)",
    "①",
    "②",
    "一是",
    "二是",
    "第一，",
    "3",
    "\n",
    " ",
    "；",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_NUMBERED_PIECES), max_size=6).map("".join), max_size=1200)
)
def test_unnumbered_texts_are_returned_whole(texts):
    # tested a batch at a time: a batch with one numbered text is looked at text by text;
    # every text found is one split_measures returns whole, and every text without a
    # number marker is found
    values = [*texts, None, 3.0]
    found = unnumbered_texts(values)
    assert found <= {v for v in texts if split_measures(v) == [v]}
    assert found == {v for v in texts if not _ANY_MARKER.search(v)}
