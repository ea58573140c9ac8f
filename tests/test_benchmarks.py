"""Smoke test of the benchmark ledger generator (no timings: benchmarks/run.py measures)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import pytest

from ledger_tools.ledger.columns import (
    COLUMNS,
    INFO_FIELDS,
    SHEET_INFO,
    SHEET_LEDGER,
    SHEET_TEXT,
    STATUSES,
    TEXT_COLUMNS,
    header_label,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate import generate_ledger  # noqa: E402

INDEX = {c.name: i for i, c in enumerate(COLUMNS)}


@pytest.fixture(scope="module")
def small_ledger(tmp_path_factory):
    return generate_ledger(tmp_path_factory.mktemp("bench") / "台账.xlsx", measures=50, seed=3)


def _rows(path: Path, title_row: bool = False):
    wb = openpyxl.load_workbook(path)  # not read-only: merged ranges are needed
    ws = wb[SHEET_LEDGER]
    header_at = 3 if title_row else 1
    rows = list(ws.iter_rows(min_row=header_at, values_only=True))
    return wb, ws, rows[0], rows[1:]


def test_small_ledger_is_a_valid_workbook(small_ledger):
    wb, ws, header, rows = _rows(small_ledger)
    assert {SHEET_INFO, SHEET_LEDGER, SHEET_TEXT} <= set(wb.sheetnames)
    assert list(header) == [header_label(c.name) for c in COLUMNS]
    assert len(rows) == 50
    # Every measure row has its own 整改措施, a status and a deadline.
    for row in rows:
        assert row[INDEX["整改措施"]]
        assert row[INDEX["整改时限"]] is not None
    statuses = {row[INDEX["整改状态"]] for row in rows}
    assert statuses & set(STATUSES)


def test_per_problem_columns_are_merged_over_measure_rows(small_ledger):
    wb, ws, header, rows = _rows(small_ledger)
    merged = [r for r in ws.merged_cells.ranges if r.max_row > r.min_row]
    assert merged, "a ledger of 50 measures has problems with several measures"
    merged_cols = {r.min_col for r in merged}
    per_problem = {INDEX[c.name] + 1 for c in COLUMNS if c.per_problem}
    assert merged_cols == per_problem
    for r in merged:
        # The top-left cell holds the value, the rest of the range is empty.
        assert ws.cell(r.min_row, r.min_col).value is not None
        for row in range(r.min_row + 1, r.max_row + 1):
            assert ws.cell(row, r.min_col).value is None
    # 序号 runs 1, 2, 3 … and every problem title is unique.
    numbers = [row[INDEX["序号"]] for row in rows if row[INDEX["序号"]] is not None]
    assert numbers == list(range(1, len(numbers) + 1))
    titles = [row[INDEX["问题"]] for row in rows if row[INDEX["问题"]] is not None]
    assert len(titles) == len(set(titles)) == len(numbers)


def test_deadlines_mix_date_cells_and_text_forms(small_ledger):
    wb, ws, header, rows = _rows(small_ledger)
    deadlines = [row[INDEX["整改时限"]] for row in rows]
    assert any(isinstance(d, dt.datetime) for d in deadlines)
    assert any(isinstance(d, str) for d in deadlines)
    # Finished measures carry a 完成时间.
    for row in rows:
        if row[INDEX["整改状态"]] in ("已完成", "长期坚持"):
            assert row[INDEX["完成时间"]] is not None


def test_info_and_text_sheets(small_ledger):
    wb = openpyxl.load_workbook(small_ledger)
    info = {r[0]: r[1] for r in wb[SHEET_INFO].iter_rows(min_row=2, values_only=True)}
    assert list(info) == [f.name for f in INFO_FIELDS]
    for f in INFO_FIELDS:
        if f.needed_by:
            assert info[f.name], f.name
    text_rows = list(wb[SHEET_TEXT].iter_rows(values_only=True))
    assert list(text_rows[0]) == list(TEXT_COLUMNS)
    assert len(text_rows) > 1


def test_deterministic_and_title_row(tmp_path):
    a = generate_ledger(tmp_path / "a.xlsx", measures=30, seed=7)
    b = generate_ledger(tmp_path / "b.xlsx", measures=30, seed=7)
    assert _rows(a)[3] == _rows(b)[3]
    c = generate_ledger(tmp_path / "c.xlsx", measures=30, seed=7, title_row=True)
    wb, ws, header, rows = _rows(c, title_row=True)
    assert ws["A1"].value and "整改台账" in ws["A1"].value
    assert list(header) == [header_label(col.name) for col in COLUMNS]
    assert rows == _rows(a)[3]
