"""The bundled example ledger (examples/示例台账.xlsx): it is what the builder makes, it has the
content the README promises (counts, every status and deadline form, every layout), and
``ledger-tools check --today 2024-05-10`` finds no errors and exactly the intended warnings."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ledger_tools.ledger import columns as C

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
COMMITTED = EXAMPLES / "示例台账.xlsx"
sys.path.insert(0, str(EXAMPLES))

import build_example as B  # noqa: E402
import example_data as X  # noqa: E402

CHECK_DAY = dt.date(2024, 5, 10)


# ---------------------------------------------------------------------------------------------
# Reading the committed file back with openpyxl alone (independent of the project's reader).


@pytest.fixture(scope="module")
def book():
    return load_workbook(COMMITTED)


def _filled_grid(ws) -> list[list[Any]]:
    """Cell values with merged ranges filled from their top-left cell."""
    grid = [[c.value for c in row] for row in ws.iter_rows()]
    for rng in ws.merged_cells.ranges:
        value = ws.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                grid[r - 1][col - 1] = value
    return grid


@pytest.fixture(scope="module")
def rows(book) -> list[dict[str, Any]]:
    """整改台账 data rows as {canonical column: value}, merged cells filled, plus ``_row``."""
    ws = book[C.SHEET_LEDGER]
    grid = _filled_grid(ws)
    header = [C.ALIASES.get(C.normalise_header(v)) for v in grid[0]]
    assert header == list(C.COLUMN_NAMES)
    out = []
    for r, values in enumerate(grid[1:], start=2):
        if all(v is None for v in values):
            continue
        item = dict(zip(header, values, strict=True))
        item["_row"] = r
        out.append(item)
    return out


# Several numbered measures in one cell: 1. 2. /（1）（2）/ 一是 二是 / ①②, at the start of the
# cell or after a line break or sentence end.
_NUMBERED = re.compile(
    r"(?:^|(?<=[\n。；;]))\s*(?:\d+[.．、]|[（(]\d+[)）]|[一二三四五六七八九十]是|[①-⑩])"
)


def _measure_count(text: str) -> int:
    return max(1, len(_NUMBERED.findall(text)))


# ---------------------------------------------------------------------------------------------
# The committed file is what the builder produces.


def _content(wb) -> dict[str, Any]:
    sheets = {}
    for ws in wb.worksheets:
        cells = {
            c.coordinate: (c.value, c.number_format if c.value is not None else None)
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        }
        merges = sorted(str(r) for r in ws.merged_cells.ranges)
        sheets[ws.title] = (cells, merges)
    return sheets


def test_committed_file_matches_builder(tmp_path, book):
    fresh = B.build(tmp_path / "示例台账.xlsx")
    assert fresh.exists()
    rebuilt = load_workbook(fresh)
    assert rebuilt.sheetnames == book.sheetnames == list(C.SHEETS)
    ours, committed = _content(rebuilt), _content(book)
    for name in C.SHEETS:
        assert ours[name] == committed[name], (
            f"{name} differs: run `python examples/build_example.py` and commit the result"
        )


def test_builder_is_reproducible(tmp_path):
    a = B.build(tmp_path / "a.xlsx").read_bytes()
    b = B.build(tmp_path / "b.xlsx").read_bytes()
    assert a == b


# ---------------------------------------------------------------------------------------------
# Content read back from the committed file.


def test_counts(rows):
    aspects = list(dict.fromkeys(r["方面"] for r in rows))
    problems = list(dict.fromkeys((r["方面"], r["问题"]) for r in rows))
    measures = sum(_measure_count(r["整改措施"]) for r in rows)
    assert 3 <= len(aspects) <= 4
    assert aspects == list(X.ASPECTS)
    assert len(problems) >= 12
    assert 36 <= measures <= 48
    assert measures == X.measure_total()
    # 序号 runs 1..N over the problems, each 序号 naming one problem.
    numbers = {r["序号"]: (r["方面"], r["问题"]) for r in rows}
    assert sorted(numbers) == list(range(1, len(problems) + 1))
    assert len(set(numbers.values())) == len(problems)


def test_every_status_and_typed_synonyms(rows):
    written = {r["整改状态"] for r in rows}
    canonical = {C.STATUS_INDEX[s] for s in written}
    assert canonical == set(C.STATUSES)
    assert {"已整改到位", "整改中"} <= written
    counts = {s: sum(C.STATUS_INDEX[r["整改状态"]] == s for r in rows) for s in C.STATUSES}
    # Mostly done: finished rows outnumber all others together.
    assert counts["已完成"] + counts["长期坚持"] > 2 * (
        len(rows) - counts["已完成"] - counts["长期坚持"]
    )


# One regex per deadline form of README “整改时限” that the example must show.
DEADLINE_FORMS = {
    "2024-04-30": r"\d{4}-\d{1,2}-\d{1,2}",
    "2024/4/30": r"\d{4}/\d{1,2}/\d{1,2}",
    "2024.4.30": r"\d{4}\.\d{1,2}\.\d{1,2}",
    "2024年4月30日": r"\d{4}年\d{1,2}月\d{1,2}日",
    "20240430": r"\d{8}",
    "2024年4月底前": r"\d{4}年\d{1,2}月底前?",
    "2024年6月": r"\d{4}年\d{1,2}月",
    "2024年底": r"\d{4}年底",
    "2024年上半年": r"\d{4}年[上下]半年",
    "2024年第二季度": r"\d{4}年第[一二三四]季度",
    "2024年三季度末": r"\d{4}年[一二三四]季度末",
    "立行立改": "|".join(C.DEADLINE_SYNONYMS[C.DEADLINE_IMMEDIATE]),
    "长期坚持": "|".join(C.DEADLINE_SYNONYMS[C.DEADLINE_LONG_TERM]),
}


def _deadline_form(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return "date cell"
    for form, pattern in DEADLINE_FORMS.items():
        if re.fullmatch(pattern, str(value)):
            return form
    return f"unknown: {value!r}"


def test_every_deadline_form(rows):
    forms = {_deadline_form(r["整改时限"]) for r in rows}
    assert forms == {"date cell", *DEADLINE_FORMS}
    # A real date cell carries the workbook's date format.
    ws_rows = [r for r in rows if isinstance(r["整改时限"], dt.datetime)]
    assert ws_rows


def test_date_cells_use_the_workbook_date_format(book):
    ws = book[C.SHEET_LEDGER]
    dates = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, dt.datetime)]
    assert len(dates) >= 20
    assert {c.number_format for c in dates} == {'yyyy"年"m"月"d"日"'}


def test_finished_rows_have_plausible_completion(rows):
    feedback, signed = X.INFO["反馈日期"], X.INFO["报告成文日期"]
    for r in rows:
        if C.STATUS_INDEX[r["整改状态"]] in C.FINISHED_STATUSES:
            assert r["完成时间"], f"row {r['_row']}"
            assert r["整改进展及成效"], f"row {r['_row']}"
            if isinstance(r["完成时间"], dt.datetime):
                assert feedback < r["完成时间"].date() <= signed
        else:
            assert r["完成时间"] is None, f"row {r['_row']}"


def test_numbers_sum_to_non_zero(rows):
    for column in C.NUMERIC_COLUMNS:
        values = [r[column] for r in rows if r[column] is not None]
        assert all(isinstance(v, int | float) and v >= 0 for v in values)
        assert sum(values) > 0, column


def test_layouts_merged_repeated_and_one_cell(book, rows):
    ws = book[C.SHEET_LEDGER]
    letter = {name: B.W.column_letter(name) for name in C.COLUMN_NAMES}
    merged = [r for r in ws.merged_cells.ranges if r.min_row != r.max_row]
    merged_columns = {ws.cell(1, r.min_col).value for r in merged}
    assert {"序号", "方面", "问题", "问题表现", "责任领导"} <= merged_columns
    # Merged ranges are vertical and hold their value in the top-left cell only.
    for rng in merged:
        assert rng.min_col == rng.max_col
        assert ws.cell(rng.min_row, rng.min_col).value is not None
    # Most problems are merged (by 序号).
    numbers_merged = [r for r in merged if r.min_col == ws[f"{letter['序号']}1"].column]
    assert len(numbers_merged) >= len(X.PROBLEMS) // 2
    # A problem written with 序号/方面 repeated on each row, not merged.
    by_number: dict[int, list[int]] = {}
    for r in rows:
        by_number.setdefault(r["序号"], []).append(r["_row"])
    repeated = [
        n
        for n, rs in by_number.items()
        if len(rs) > 1 and all(ws[f"{letter['序号']}{x}"].value == n for x in rs)
    ]
    assert repeated
    for n in repeated:
        assert len({ws[f"{letter['方面']}{x}"].value for x in by_number[n]}) == 1
    # Several numbered measures in one cell, in more than one numbering style.
    multi = [r["整改措施"] for r in rows if _measure_count(r["整改措施"]) > 1]
    assert len(multi) >= 2
    assert any(re.match(r"\s*1[.．、]", t) for t in multi)
    assert any(re.match(r"\s*[（(]1[)）]", t) for t in multi)


def test_info_sheet_complete(book):
    ws = book[C.SHEET_INFO]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    for field in C.INFO_FIELDS:
        if field.name.endswith("标题") or field.name in ("成文日期", "印发日期"):
            continue  # optional overrides and fallback dates: left empty on purpose
        assert values.get(field.name) not in (None, ""), field.name
        if field.kind == "date":
            assert isinstance(values[field.name], dt.datetime), field.name
        if field.choices:
            assert values[field.name] in field.choices, field.name
    assert values["监督类型"] == "巡察"
    assert values["电子邮箱"].endswith("@example.org")


def test_text_sheet_covers_every_section_and_no_example_marks(book):
    ws = book[C.SHEET_TEXT]
    texts = [
        dict(zip(C.TEXT_COLUMNS, (ws.cell(r, j).value for j in range(1, 5)), strict=True))
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, 4).value
    ]
    for doc, sections in C.TEXT_SECTIONS.items():
        for section in sections:
            found = [t for t in texts if t["章节"] == section and t["文稿"] in (doc, "全部")]
            assert found, (doc, section)
    report_work = [t for t in texts if t["章节"] == "工作开展情况" and t["文稿"] != "通报"]
    assert 4 <= len(report_work) <= 6 and all(t["小标题"] for t in report_work)
    assert all(len(t["内容"]) >= 60 for t in report_work)
    for ws_ in book.worksheets:
        if ws_.title == C.SHEET_GUIDE:  # the guide explains the mark; it is not data
            continue
        for row in ws_.iter_rows():
            for c in row:
                assert C.EXAMPLE_MARK not in str(c.value or ""), f"{ws_.title}!{c.coordinate}"


def test_aspect_drop_down_lists_the_units_aspects(book):
    ws = book[C.SHEET_LISTS]
    listed = [ws.cell(r, 1).value for r in range(2, 2 + B.W.ASPECT_SLOTS)]
    assert [v for v in listed if v] == list(X.ASPECTS)


# ---------------------------------------------------------------------------------------------
# ledger-tools check: no errors, exactly the intended warnings.


def _intended_cells() -> set[tuple[str, int]]:
    first_rows, r = {}, B.W.FIRST_DATA_ROW
    for p in X.PROBLEMS:
        first_rows[p.number] = r
        r += len(p.measures)
    return {(rule, first_rows[n] + i) for rule, n, i in X.INTENDED_WARNINGS}


def test_check_finds_only_the_intended_warnings():
    checking = pytest.importorskip("ledger_tools.ledger.checking")
    report = checking.check_file(COMMITTED, today=CHECK_DAY)
    assert report.errors == [], [f.message for f in report.errors]
    got = {(f.rule, f.row) for f in report.warnings}
    assert got == _intended_cells(), [f"{f.cell} {f.rule} {f.message}" for f in report.warnings]


def test_check_command_exits_zero():
    pytest.importorskip("ledger_tools.ledger.checking")
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    result = CliRunner().invoke(cli, ["check", str(COMMITTED), "--today", "2024-05-10"])
    assert result.exit_code == 0, result.output
