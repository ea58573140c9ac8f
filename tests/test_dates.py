"""整改时限 / 完成时间 parsing (README “整改时限”): every form the spec lists, the keywords, the
invalid ones with their Chinese notes, Excel serials from a real workbook, and properties."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import (
    YearSource,
    deadline_text,
    excel_serial_to_date,
    format_cn_date,
    parse_date_value,
    parse_deadline,
)
from ledger_tools.ledger.model import Deadline

D = dt.date
FEEDBACK = D(2024, 3, 4)
END = D(2024, 5, 31)


# --------------------------------------------------------------------------------------------
# Exact dates.

EXACT = [
    "2024-06-30",
    "2024-6-30",
    "2024/6/30",
    "2024/06/30",
    "2024.6.30",
    "2024.06.30",
    "2024年6月30日",
    "2024年06月30日",
    "2024年6月30号",
    "20240630",
    "2024-06-30 00:00:00",
    "2024-06-30T00:00:00",
    "2024/6/30 8:15",
    "２０２４年６月３０日",  # full-width digits
    "２０２４－０６－３０",
    "２０２４．６．３０",
    " 2024 年 6 月 30 日 ",  # stray spaces
    "2024年6月30日\u00a0",
    "\u30002024-06-30",
    "2024年6月30日前",
    "2024年6月30日之前",
    "2024年6月30日以前",
    "2024年6月30日前完成",
    "于2024年6月30日前完成",
    "截至2024年6月30日",
    "2024年6月30日（星期日）",
    "2024年6月30日(已提前)",
    "二〇二四年六月三十日",
    "45473",  # an Excel serial kept as text
]


@pytest.mark.parametrize("text", EXACT)
def test_exact_date_text(text):
    for parse in (parse_date_value, parse_deadline):
        dl = parse(text)
        assert dl.kind == "date", (text, dl)
        assert dl.due == D(2024, 6, 30)
        assert dl.is_valid


@pytest.mark.parametrize(
    "value",
    [
        D(2024, 6, 30),
        dt.datetime(2024, 6, 30),
        dt.datetime(2024, 6, 30, 17, 45),
        45473,  # Excel serial as the reader returns it for CJK built-in date formats
        45473.0,
        45473.75,  # with a time of day
        20240630,  # yyyymmdd typed as a number
        20240630.0,
    ],
)
def test_typed_values(value):
    dl = parse_date_value(value)
    assert dl == Deadline("date", "2024年6月30日", D(2024, 6, 30))
    assert parse_deadline(value, feedback=FEEDBACK, concentrated_end=END) == dl


def test_excel_serials():
    assert excel_serial_to_date(45473) == D(2024, 6, 30)
    assert excel_serial_to_date(36526) == D(2000, 1, 1)
    assert excel_serial_to_date(32874) == D(1990, 1, 1)  # first plausible day
    assert excel_serial_to_date(73415) == D(2100, 12, 31)  # last plausible day
    assert excel_serial_to_date(45473.999) == D(2024, 6, 30)
    # Implausible for a ledger: 1900 dates (incl. the fake 1900-02-29 = 60), negatives, huge.
    for n in (0, 1, 59, 60, 61, 32873, 73416, -5, 1e12, float("nan"), float("inf"), True):
        assert excel_serial_to_date(n) is None, n


def test_serials_and_dates_from_a_real_workbook(tmp_path):
    """A date cell and a plain number formatted as a CJK date, written by openpyxl and read back
    as the readers return them (a date, and a number when the format is not recognised)."""
    path = tmp_path / "dates.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = dt.datetime(2024, 6, 30)
    ws["A1"].number_format = 'yyyy"年"m"月"d"日"'
    ws["A2"] = 45473
    ws["A2"].number_format = "General"
    ws["A3"] = 20240630
    wb.save(path)
    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    values = [r[0] for r in rows]
    assert isinstance(values[0], (dt.date, dt.datetime))
    for v in values:
        assert parse_date_value(v).due == D(2024, 6, 30), v


# --------------------------------------------------------------------------------------------
# Periods.

PERIODS = [
    ("2024年6月底前", D(2024, 6, 30)),
    ("2024年6月底(前)", D(2024, 6, 30)),
    ("2024年6月底（前）", D(2024, 6, 30)),
    ("2024年6月底", D(2024, 6, 30)),
    ("2024年6月末", D(2024, 6, 30)),
    ("2024年6月", D(2024, 6, 30)),
    ("2024年6月份", D(2024, 6, 30)),
    ("2024年6月底前完成", D(2024, 6, 30)),
    ("2024-06", D(2024, 6, 30)),
    ("2024.6", D(2024, 6, 30)),
    ("2024年2月底", D(2024, 2, 29)),  # leap year
    ("2023年2月底", D(2023, 2, 28)),
    ("2024年底", D(2024, 12, 31)),
    ("2024年底前", D(2024, 12, 31)),
    ("2024年年底", D(2024, 12, 31)),
    ("2024年末", D(2024, 12, 31)),
    ("2024年", D(2024, 12, 31)),
    ("2024年度", D(2024, 12, 31)),
    ("2024年内", D(2024, 12, 31)),
    ("2024年全年", D(2024, 12, 31)),  # (work of the whole year: by its end)
    ("2024年全年完成", D(2024, 12, 31)),
    ("2024年上半年", D(2024, 6, 30)),
    ("2024年下半年", D(2024, 12, 31)),
    ("2024年中", D(2024, 6, 30)),
    ("2024年第三季度", D(2024, 9, 30)),
    ("2024年三季度末", D(2024, 9, 30)),
    ("2024年一季度", D(2024, 3, 31)),
    ("2024年第1季度", D(2024, 3, 31)),
    ("2024年四季度", D(2024, 12, 31)),
    ("2024Q2", D(2024, 6, 30)),
    ("2024年Q3", D(2024, 9, 30)),
    ("2024年6月上旬", D(2024, 6, 10)),
    ("2024年6月中旬", D(2024, 6, 20)),
    ("2024年6月下旬", D(2024, 6, 30)),
    ("二〇二四年十二月底", D(2024, 12, 31)),
    ("２０２４年６月底前", D(2024, 6, 30)),
    ("2024年3月至6月", D(2024, 6, 30)),  # a span is read as its end
    ("2024.3-2024.6", D(2024, 6, 30)),
    ("2024年3月—2024年6月", D(2024, 6, 30)),
]


@pytest.mark.parametrize(("text", "due"), PERIODS)
def test_periods(text, due):
    for parse in (parse_date_value, parse_deadline):
        dl = parse(text)
        assert (dl.kind, dl.due) == ("period", due), (text, dl)
        assert format_cn_date(due) in dl.note  # the note says how it was read
        assert dl.text == text.strip()
        assert deadline_text(dl) == text.strip()  # documents print a period as written


# --------------------------------------------------------------------------------------------
# Keywords (整改时限 only).


@pytest.mark.parametrize("word", C.DEADLINE_SYNONYMS[C.DEADLINE_IMMEDIATE])
def test_immediate_keywords(word):
    dl = parse_deadline(word, feedback=FEEDBACK, concentrated_end=END)
    assert (dl.kind, dl.due, dl.text) == ("immediate", END, word)
    assert dl.is_valid
    assert deadline_text(dl) == word
    fallback = parse_deadline(word, feedback=FEEDBACK)
    assert fallback.due == FEEDBACK + dt.timedelta(days=C.IMMEDIATE_FALLBACK_DAYS)
    assert fallback.due == D(2024, 4, 3)
    neither = parse_deadline(word)
    assert (neither.kind, neither.due) == ("immediate", None)
    assert "无法推算" in neither.note


@pytest.mark.parametrize("word", C.DEADLINE_SYNONYMS[C.DEADLINE_LONG_TERM])
def test_long_term_keywords(word):
    dl = parse_deadline(word, feedback=FEEDBACK, concentrated_end=END)
    assert (dl.kind, dl.due, dl.text) == ("long_term", None, word)
    assert dl.is_valid
    assert deadline_text(dl) == word


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("立行立改（已完成）", "immediate", END),
        ("立行立改(已完成)", "immediate", END),
        (" 立行立改 ", "immediate", END),
        ("立行立改。", "immediate", END),
        ("已立行立改", "immediate", END),
        ("即知即改、立行立改", "immediate", END),
        # Both keywords: the immediate part has a due date (documented choice).
        ("立行立改并长期坚持", "immediate", END),
        ("立行立改，长期坚持", "immediate", END),
        ("长期坚持（每季度检查）", "long_term", None),
        ("持续推进中", "long_term", None),
        ("长期执行", "long_term", None),
        # A date beside a keyword wins: a deadline that exists must not be hidden.
        ("2024年6月底前完成并长期坚持", "period", D(2024, 6, 30)),
        ("2024年6月30日前完成，长期坚持", "date", D(2024, 6, 30)),
        ("2024年6月底前制定制度", "period", D(2024, 6, 30)),
        ("2024年5月底前完成初稿，2024年6月底前完成定稿", "period", D(2024, 6, 30)),
    ],
)
def test_combined_deadlines(text, kind, due):
    dl = parse_deadline(text, feedback=FEEDBACK, concentrated_end=END)
    assert (dl.kind, dl.due) == (kind, due), dl
    assert dl.text == text.strip()


def test_keywords_are_not_dates():
    """完成时间 must be a date: a deadline keyword there is invalid."""
    for word in ("立行立改", "长期坚持", "已完成"):
        dl = parse_date_value(word)
        assert dl.kind == "invalid" and dl.note, word


# --------------------------------------------------------------------------------------------
# Invalid and empty.


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("2023年2月30日", "2023年2月30日不存在"),
        ("2023-02-29", "2023年2月29日不存在"),
        ("2024年13月", "2024年13月不存在"),
        ("2024-13-01", "2024年13月不存在"),
        (20230230, "2023年2月30日不存在"),
        ("6月30日", "没有年份"),
        ("6月底前", "没有年份"),
        ("6.30", "没有年份"),
        ("年底前", "没有年份"),
        ("第三季度", "没有年份"),
        ("19年6月30日", "4位"),  # (a year 2x is read as 202x: test_real_layouts10)
        ("2024", "只有年份"),
        (2024, "只有年份"),
        ("2204年6月30日", "2204"),  # a typo, outside 1990–2100
        (D(1900, 1, 1), "1900"),
        (
            400,
            "不是有效的日期",
        ),  # (a small number in a 整改时限 is a count of days: test_real_layouts8)
        (-3.5, "不是有效的日期"),
        (float("nan"), "不是日期"),
        (True, "不是日期"),
        ("尽快", ""),
        ("按上级要求", ""),
    ],
)
def test_invalid(value, note):
    for parse in (parse_date_value, parse_deadline):
        dl = parse(value)
        assert dl.kind == "invalid", (value, dl)
        assert dl.due is None
        assert not dl.is_valid
        assert dl.note  # always a Chinese explanation
        assert note in dl.note


def test_invalid_text_is_quoted_as_written():
    dl = parse_deadline("  尽快  完成 ")
    assert dl.kind == "invalid"
    assert dl.text == "尽快 完成"
    assert "立行立改" in dl.note  # says what would have been accepted
    assert deadline_text(dl) == "尽快 完成"


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000", "\n"])
def test_empty(value):
    for parse in (parse_date_value, parse_deadline):
        dl = parse(value)
        assert dl.kind == "empty" and dl.due is None and not dl.is_valid
        assert deadline_text(dl) == ""


# --------------------------------------------------------------------------------------------
# Printing.


def test_format_cn_date():
    assert format_cn_date(D(2024, 5, 10)) == "2024年5月10日"
    assert format_cn_date(D(2024, 12, 1)) == "2024年12月1日"
    assert format_cn_date(dt.datetime(2024, 1, 9, 13, 0)) == "2024年1月9日"


def test_deadline_text():
    assert deadline_text(parse_deadline("2024-06-30")) == "2024年6月30日"
    assert deadline_text(parse_deadline(20240630)) == "2024年6月30日"
    assert deadline_text(parse_deadline(D(2024, 6, 30))) == "2024年6月30日"
    assert deadline_text(parse_deadline("2024年6月底前")) == "2024年6月底前"
    assert deadline_text(parse_deadline("立行立改", concentrated_end=END)) == "立行立改"
    assert deadline_text(parse_deadline("长期坚持")) == "长期坚持"


# --------------------------------------------------------------------------------------------
# Properties: nothing raises, and what is valid is plausible.

_VALID_KINDS = {"date", "period", "immediate", "long_term", "empty", "invalid"}
_date_chars = st.sampled_from(
    list("0123456789年月日号底末前之以内完成-/.:（）() 上下半季度第一二三四Q十〇旬至长期立行改")
)
_datey_text = st.lists(_date_chars, max_size=24).map("".join)


def _check(dl: Deadline) -> None:
    assert dl.kind in _VALID_KINDS
    assert isinstance(dl.text, str) and isinstance(dl.note, str)
    if dl.kind in ("date", "period"):
        assert dl.due is not None and D(1990, 1, 1) <= dl.due <= D(2100, 12, 31)
    if dl.kind in ("invalid", "empty", "long_term"):
        assert dl.due is None
    if dl.kind == "invalid":
        assert dl.note
    assert isinstance(deadline_text(dl), str)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), _datey_text))
def test_any_text_never_raises(text):
    _check(parse_date_value(text))
    _check(parse_deadline(text))
    _check(parse_deadline(text, feedback=FEEDBACK, concentrated_end=END))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.dates(),
        st.datetimes(),
        st.booleans(),
        st.none(),
        st.decimals(allow_nan=False),
    )
)
def test_any_value_never_raises(value):
    _check(parse_date_value(value))
    _check(parse_deadline(value, feedback=FEEDBACK))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        d = excel_serial_to_date(value)
        assert d is None or D(1990, 1, 1) <= d <= D(2100, 12, 31)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)))
def test_written_dates_round_trip(d):
    """Every way of writing a plausible day reads back as that day."""
    for text in (
        d.isoformat(),
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}.{d.month}.{d.day}",
        format_cn_date(d),
        d.strftime("%Y%m%d"),
        f"{d.isoformat()} 00:00:00",
    ):
        assert parse_date_value(text).due == d, text
    serial = (d - D(1899, 12, 30)).days
    assert excel_serial_to_date(serial) == d
    assert parse_date_value(int(d.strftime("%Y%m%d"))).due == d


@pytest.mark.parametrize(
    "text", ["每季度", "每月", "每季度开展一次", "定期开展", "每半年", "按季度"]
)
def test_a_recurring_task_is_long_term(text):
    from ledger_tools.ledger.dates import RECURRING_NOTE

    d = parse_deadline(text)
    assert (d.kind, d.due, d.note) == ("long_term", None, RECURRING_NOTE)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # a date beside a keyword, with or without a separator, is the deadline
        ("2024年6月 长期坚持", dt.date(2024, 6, 30)),
        ("2024年6月长期坚持", dt.date(2024, 6, 30)),
        ("2024年6月底前完成，此后每季度开展", dt.date(2024, 6, 30)),
        ("2024年6月30日前完成，并长期坚持", dt.date(2024, 6, 30)),
    ],
)
def test_the_date_beside_a_keyword_counts(text, due):
    assert parse_deadline(text).due == due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("明年6月底前", dt.date(2025, 6, 30)),
        ("次年3月底前", dt.date(2025, 3, 31)),
        ("来年年底前", dt.date(2025, 12, 31)),
        ("明年底", dt.date(2025, 12, 31)),
        ("明年第一季度", dt.date(2025, 3, 31)),
    ],
)
def test_next_year_is_the_year_after_the_feedback(text, due):
    """“明年”“次年” are the year after the one a year-less deadline takes (反馈日期's), even
    for a month after the feedback's; the note says which year was taken."""
    source = YearSource(dt.date(2024, 3, 4), "取自基本信息的反馈日期 2024年3月4日")
    found = parse_deadline(text, year_from=source)
    assert (found.due, found.assumed_year) == (due, 2025)
    assert "按2025年计" in found.note


@pytest.mark.parametrize(
    "text", ["本月底前", "下月15日前", "本季度末", "本周内", "月底前", "下季度"]
)
def test_a_deadline_relative_to_when_it_was_typed_is_not_guessed(text):
    source = YearSource(dt.date(2024, 3, 4), "反馈日期")
    found = parse_deadline(text, year_from=source)
    assert found.kind == "invalid" and found.due is None
    assert "”随填写的时间而变，看不出是哪一天" in found.note
    assert parse_deadline("6月底前", year_from=source).due == dt.date(2024, 6, 30)  # not relative
