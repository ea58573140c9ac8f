"""Property-based tests: arbitrary cell text, merges and date forms never crash the reader or
the validator; they only produce findings."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ledger_tools import columns as C
from ledger_tools.errors import LedgerToolsError
from ledger_tools.findings import Report
from ledger_tools.normalise import load_ledger
from ledger_tools.schema import validate

# Cell text as users paste it: any Unicode (openpyxl itself refuses XML-forbidden characters,
# so those are tested through the reader-independent functions), markup characters, dates.
text = st.one_of(
    st.none(),
    st.text(max_size=60).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)),
    st.sampled_from(
        [
            "&<>\"'",
            "=1+1",
            "-3",
            "@x",
            "😀整改",
            "2024年2月30日",
            "2024年6月底前",
            "立行立改",
            "长期坚持",
            "20240630",
            "2024.6.30",
            "已整改到位",
            "整改中",
            " ",
            "\u00a0",
            "１２３",
            "1.甲 2.乙",
            "一是甲；二是乙",
            "（1）甲（2）乙",
            "①甲②乙",
            "填表人：某",
        ]
    ),
    st.integers(min_value=-10, max_value=80000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
headers = st.lists(
    st.sampled_from([*C.COLUMN_NAMES, *[a for c in C.COLUMNS for a in c.aliases], "其他", ""]),
    min_size=3,
    max_size=12,
)


@st.composite
def layouts(draw):
    header = draw(headers)
    n_rows = draw(st.integers(min_value=0, max_value=8))
    rows = [[draw(text) for _ in header] for _ in range(n_rows)]
    titles = draw(st.integers(min_value=0, max_value=3))
    merges = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        if n_rows < 2:
            break
        col = draw(st.integers(min_value=1, max_value=len(header)))
        top = draw(st.integers(min_value=2 + titles, max_value=n_rows + titles))
        bottom = draw(st.integers(min_value=top, max_value=n_rows + 1 + titles))
        merges.append((top, col, bottom, col))
    return header, rows, titles, merges


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layouts(), st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_reader_and_validator_never_crash(layout, today):
    header, rows, titles, merges = layout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "台账.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "整改台账"
        for i in range(titles):
            ws.append([f"标题{i}"])
        ws.append(header)
        for r in rows:
            ws.append(r)
        for top, col, bottom, _ in merges:
            if bottom > top:
                try:
                    ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)
                except ValueError:
                    pass
        wb.save(path)
        try:
            ledger = load_ledger(path)
        except LedgerToolsError as err:  # e.g. no header found: a clear message, not a crash
            assert err.message and err.exit_code == 2
            return
        report = validate(ledger, today=today)
        assert isinstance(report, Report)
        for f in report.findings:
            assert f.message and f.severity in ("error", "warning", "note")
            assert f.sheet
