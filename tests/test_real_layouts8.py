"""The eighth round of ledgers laid out as real organisations send them (``real_layouts8``), run
through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: a 县 summary of several units' rows under 单位名称, 隐患 limits in days, 填报单位/填报日期
in cells of their own, a hidden drop-down sheet, two-digit years, check boxes (TRUE/FALSE), ☑ and
"进度：50%", 序号 1 / 1.1 / 1.1.1, 整治 words, 解决 words, 村（社区） with 挂点领导, 小计/总计 with blank
rows, ●◐○ and 1/2/3 explained in the header, a subtitle over a three-row header, 说明, deadlines
of this round (6-9月, stages without a year), the status column first, .xls written as WPS
writes it, 责任人 with phone numbers, overdue words, a status merged over a problem's measures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import layout_checks as L
import pytest
import real_layouts8 as R
from click.testing import CliRunner

from ledger_tools.cli import cli
from ledger_tools.documents.tabletext import names_only
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import (
    DAYS_NUMBER_NOTE,
    YearSource,
    parse_date_value,
    parse_deadline,
)
from ledger_tools.ledger.status import normalise_status

_rules, _messages, _reads = L.rules, L.messages, L.reads

BUILDERS = [
    R.county_units_in_one_sheet,
    R.hazard_days_to_fix,
    R.filled_by_in_cells,
    R.hidden_dropdown_sheet,
    R.two_digit_years,
    R.checkbox_booleans,
    R.ticked_progress_words,
    R.three_level_decimal_numbers,
    R.eco_rectify_words,
    R.petition_resolve_words,
    R.township_villages_hanging_leader,
    R.hospital_subtotals_and_total,
    R.symbols_legend_in_header,
    R.subtitle_three_row_header,
    R.audit_advice_and_remarks,
    R.deadline_forms_round8,
    R.status_column_first,
    R.xls_township_merged,
    R.xls_school_two_row_header,
    R.person_with_phone,
    R.overdue_words,
    R.stage_deadlines_unlabelled,
    R.status_codes_in_header,
    R.status_merged_over_measures,
    R.theme_spacer_and_evidence,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "county_units_in_one_sheet": {
        _UNDATED: ["汇总台账!3行"],
        "due-green": ["汇总台账!H8"],  # 2025年7月31日, 正在推进
    },
    "hazard_days_to_fix": {
        _UNDATED: ["隐患台账!1行"],
        # 方面, 责任领导, 责任部门: a list of firms' hazards
        "missing-column": ["隐患台账!1行", "隐患台账!1行", "隐患台账!1行"],
        "bad-deadline": ["隐患台账!G2", "隐患台账!G3", "隐患台账!G4"],  # 7 / 15 / 30 days
        "unused-column": ["隐患台账!B1", "隐患台账!C1"],  # 排查时间, 企业名称
    },
    "filled_by_in_cells": {},
    "hidden_dropdown_sheet": {_UNDATED: ["整改台账!1行"]},
    # 25年6月底, 25.9.30, 25年底前: read as 2025, said once (round 10; before: asked for in
    # four digits, bad-deadline G2 G3 G4)
    "two_digit_years": {_UNDATED: ["整改台账!1行"], "short-year": ["整改台账!G2"]},
    "checkbox_booleans": {},
    "ticked_progress_words": {_UNDATED: ["整改台账!1行"]},
    "three_level_decimal_numbers": {_UNDATED: ["整改台账!1行"]},
    "eco_rectify_words": {_UNDATED: ["督察整改!1行"]},
    "petition_resolve_words": {
        _UNDATED: ["信访积案!1行"],
        "missing-column": ["信访积案!1行"],  # 方面
        "unused-column": ["信访积案!B1"],  # 信访人
    },
    "township_villages_hanging_leader": {
        _UNDATED: ["问题清单!1行"],
        # 方面, 责任领导 (the 挂点领导 is the 镇's, not the village's), 责任部门
        "missing-column": ["问题清单!1行", "问题清单!1行", "问题清单!1行"],
        "unused-column": ["问题清单!E1"],  # 挂点领导
        "assumed-year": ["问题清单!G2"],  # 上半年, 6-12月, 年底前
    },
    "hospital_subtotals_and_total": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": ["整改台账!1行"],  # 方面
        "due-green": ["整改台账!F6"],
    },
    "symbols_legend_in_header": {_UNDATED: ["整改台账!1行"]},
    "subtitle_three_row_header": {_UNDATED: ["台账!4行"]},
    "audit_advice_and_remarks": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行", "审计整改!1行"],  # 方面, 责任领导
        "unused-column": ["审计整改!H1"],  # 说明
    },
    # 2025年6月30日前完成, open: overdue; 上半年 (and 6-9月) this year's, said
    "deadline_forms_round8": {
        "overdue-no-reason": ["整改台账!G6"],
        "overdue-red": ["整改台账!G6"],
        "assumed-year": ["整改台账!G5"],
    },
    "status_column_first": {},
    "xls_township_merged": {_UNDATED: ["整改清单!2行"]},
    "xls_school_two_row_header": {"missing-column": ["Sheet1!1行"]},  # 方面
    "person_with_phone": {_UNDATED: ["整改台账!1行"]},
    # G2, G3 late with their 滞后原因 written: no ask for a reason
    "overdue_words": {
        _UNDATED: ["整改台账!1行"],
        "overdue-red": ["整改台账!G2", "整改台账!G3"],
        # the status cells say 滞后 themselves (round 13: said, no longer silent)
        "marked-lagging": ["整改台账!H2", "整改台账!H3"],
    },
    "stage_deadlines_unlabelled": {_UNDATED: ["整改台账!1行"], "assumed-year": ["整改台账!G4"]},
    "status_codes_in_header": {_UNDATED: ["整改台账!1行"]},
    "status_merged_over_measures": {_UNDATED: ["巡视整改!1行"]},
    "theme_spacer_and_evidence": {_UNDATED: ["整改清单!1行"], "unused-column": ["整改清单!F1"]},
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "county_units_in_one_sheet": "40%",
    "hazard_days_to_fix": "66.7%",
    "filled_by_in_cells": "33.3%",
    "hidden_dropdown_sheet": "33.3%",
    "two_digit_years": "33.3%",
    "checkbox_booleans": "66.7%",
    "ticked_progress_words": "25%",
    "three_level_decimal_numbers": "33.3%",
    "eco_rectify_words": "25%",
    "petition_resolve_words": "33.3%",
    "township_villages_hanging_leader": "33.3%",
    "hospital_subtotals_and_total": "33.3%",
    "symbols_legend_in_header": "33.3%",
    "subtitle_three_row_header": "33.3%",
    "audit_advice_and_remarks": "33.3%",
    "deadline_forms_round8": "37.5%",
    "status_column_first": "33.3%",
    "xls_township_merged": "0%",  # (problem 1: one measure done, one under way)
    "xls_school_two_row_header": "33.3%",
    "person_with_phone": "33.3%",
    "overdue_words": "25%",
    "stage_deadlines_unlabelled": "33.3%",
    "status_codes_in_header": "25%",
    "status_merged_over_measures": "33.3%",
    "theme_spacer_and_evidence": "50%",
}

# The builders that write the binary .xls themselves (as WPS saves an old template).
_XLS_WRITTEN = {R.xls_township_merged, R.xls_school_two_row_header}


def _build(tmp_path: Path, builder: Any) -> tuple[Path, Any]:
    return L.build(tmp_path, builder, ".xls" if builder in _XLS_WRITTEN else ".xlsx")


def _run(*args: str) -> dict[str, Any]:
    return L.run(R.TODAY, *args)


@pytest.fixture(params=BUILDERS, ids=[b.__name__ for b in BUILDERS])
def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Any]:
    return _build(tmp_path, request.param)


def test_stats_counts_what_the_clerk_put_in(built: tuple[Path, Any]) -> None:
    L.assert_counts(R.TODAY, *built)


def test_every_column_read_as_what_it_is(built: tuple[Path, Any]) -> None:
    path, expect = built
    L.assert_columns(_run("check", str(path)), expect)


def test_every_finding_on_its_cell(built: tuple[Path, Any]) -> None:
    path, _ = built
    L.assert_findings(R.TODAY, path, FINDINGS[path.stem])


test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)


XLS = [
    R.county_units_in_one_sheet,
    R.three_level_decimal_numbers,
    R.checkbox_booleans,
    R.status_codes_in_header,
    R.hospital_subtotals_and_total,
    R.symbols_legend_in_header,
    R.stage_deadlines_unlabelled,
    R.hazard_days_to_fix,
    R.eco_rectify_words,
]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


# ---------------------------------------------------------------------------------------------
# How each column is read (读取方式).


def test_each_reading_is_said(tmp_path: Path) -> None:
    said = {}
    for builder, letter in (
        (R.county_units_in_one_sheet, "A"),
        (R.county_units_in_one_sheet, "G"),
        (R.county_units_in_one_sheet, "I"),
        (R.eco_rectify_words, "D"),
        (R.eco_rectify_words, "H"),
        (R.township_villages_hanging_leader, "A"),
        (R.township_villages_hanging_leader, "E"),
        (R.audit_advice_and_remarks, "H"),
        (R.theme_spacer_and_evidence, "I"),
    ):
        path, _ = _build(tmp_path, builder)
        read = _reads(_run("check", str(path)))[letter]
        said[f"{builder.__name__}:{letter}"] = (read["read_as"], read["how"])
    assert said == {
        "county_units_in_one_sheet:A": ("单位", "别名"),  # 单位名称
        "county_units_in_one_sheet:G": ("责任部门", "别名"),  # 责任科（股）室
        "county_units_in_one_sheet:I": ("整改进展及成效", "别名"),  # 目前整改情况
        "eco_rectify_words:D": ("整改措施", "别名"),  # 整治措施
        "eco_rectify_words:H": ("整改状态", "按内容"),  # 整治情况 holding 已整治 / 整治中
        "township_villages_hanging_leader:A": ("单位", "别名"),  # 村（社区）
        "township_villages_hanging_leader:E": (None, "未识别"),  # 挂点领导: kept, not used
        "audit_advice_and_remarks:H": (None, "未识别"),  # 说明: kept, not used
        "theme_spacer_and_evidence:I": ("整改进展及成效", "别名"),  # 完成情况及佐证
    }


def test_units_numbering_from_one_are_not_a_restart_under_each_aspect(tmp_path: Path) -> None:
    # (before: 单位名称 unread, 序号 1, 2 of 县卫健局 taken for those of 县教育局 — 3 problems,
    # two number-conflict errors; then, with 单位 read, a note that 序号 restarts "在每个方面下")
    path, _ = _build(tmp_path, R.county_units_in_one_sheet)
    report = _run("check", str(path))
    assert not [n for n in report["layout"]["notes"] if "重新编号" in n]
    by_unit = _run("stats", str(path), "--by", "单位")
    assert "县卫健局" in str(by_unit)


def test_three_levels_of_decimal_numbers(tmp_path: Path) -> None:
    # (before: "1 党的建设方面" read as a problem line, "1.1" lines as its measures' problems:
    # 1 方面, 5 problems, 6 measures, ten required-cell errors on the 方面 rows)
    path, _ = _build(tmp_path, R.three_level_decimal_numbers)
    layout = _run("check", str(path))["layout"]
    headings = [(g["row"], g["text"]) for g in layout["group_rows"]]
    assert headings == [(2, "1党的建设方面"), (8, "2作风建设方面")]


def test_two_levels_of_decimal_numbers_stay_problem_lines(tmp_path: Path) -> None:
    """ "1 问题" over "1.1 措施": the "1" line is the problem (round 1's layout), not a 方面."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    ws.append([1, None, "学习制度执行不严", None, None, None, None, None])
    ws.append(["1.1", "党建", None, "修订学习制度", "甲", "办公室", "2025年6月30日", "已完成"])
    ws.append(["1.2", "党建", None, "开展学习检查", "甲", "办公室", "2025年9月30日", "正在推进"])
    ws.append([2, None, "会议记录不全", None, None, None, None, None])
    ws.append(["2.1", "党建", None, "规范会议记录", "乙", "办公室", "2025年8月31日", "正在推进"])
    path = tmp_path / "二级.xlsx"
    wb.save(path)
    stats = _run("stats", str(path))
    assert (stats["方面数"], stats["问题数"], stats["措施数"]) == (1, 2, 3)


# ---------------------------------------------------------------------------------------------
# Headers.


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("单位名称", "单位", None),
        ("村（社区）", "单位", None),
        ("责任科（股）室", "责任部门", None),
        ("责任处（科）室", "责任部门", None),
        ("目前整改情况", "整改进展及成效", None),
        ("当前整改进展", "整改进展及成效", None),
        ("整治措施", "整改措施", None),
        ("整治时限", "整改时限", None),
        ("整治情况", "整改进展及成效", None),  # (holding status words: read as the status)
        ("完成情况及佐证", "整改进展及成效", None),
        ("说明", None, "说明"),  # (not the 备注: 说明 heads many sheets that are no ledger)
        ("挂点领导", None, "督办领导"),
        ("挂钩领导", None, "督办领导"),
        ("整改期限（天）", "整改时限", None),
    ],
)
def test_headers_of_this_round(header: str, column: str | None, unused: str | None) -> None:
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)


# ---------------------------------------------------------------------------------------------
# Words.


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已整治", "已完成"),
        ("整治中", "正在推进"),
        ("未整治", "未启动"),
        ("已整治，拟销号", "基本完成"),
        ("拟销号", "基本完成"),
        ("已解决", "已完成"),
        ("解决中", "正在推进"),
        ("未解决", "正在推进"),  # an open case being worked on, as 未化解
        ("逾期未完成", None),  # not done: under way or not started? asked (rounds 2 and 4)
        ("进度滞后，已完成60%", "正在推进"),
        ("整改滞后", "正在推进"),
        ("在整改", "正在推进"),
        ("☑已完成", "已完成"),
        ("进度：50%", "正在推进"),
        ("进度：100%", "已完成"),
        ("推进中（完成30%）", "正在推进"),
        ("已超期", None),  # late, but how far along is not said: asked
    ],
)
def test_status_words_of_this_round(text: str, status: str | None) -> None:
    assert normalise_status(text) == status


def test_check_boxes_are_yes_and_no(tmp_path: Path) -> None:
    # (before: three unknown-status errors "整改状态“True”不是规定的值", 办结率 0%)
    path, _ = _build(tmp_path, R.checkbox_booleans)
    assert _run("stats", str(path))["措施状态"]["已完成"] == 2


def test_status_codes_explained_in_the_header(tmp_path: Path) -> None:
    # (before: 1 / 2 / 3 read as percentages — four 正在推进, G2 called overdue)
    path, _ = _build(tmp_path, R.status_codes_in_header)
    notes = _run("check", str(path))["layout"]["notes"]
    assert notes == [
        "H 列整改状态中的“1”、“2”、“3”按 H 列列名“整改状态（1.已完成 2.正在推进 3.未启动）”"
        "中的说明读（1为已完成，2为正在推进，3为未启动）。如不对，请用 --status-map 或“状态对照”表说明。"
    ]


def test_numbers_without_a_legend_are_still_percentages(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    for i, done in enumerate((100, 60, 0), start=1):
        ws.append([i, "党建", f"问题{i}", f"措施{i}", "甲", "办公室", "2025年12月31日", done])
    path = tmp_path / "百分比.xlsx"
    wb.save(path)
    statuses = _run("stats", str(path))["措施状态"]
    assert (statuses["已完成"], statuses["正在推进"], statuses["未启动"]) == (1, 1, 1)


# ---------------------------------------------------------------------------------------------
# Deadlines.


_YEAR = YearSource(dt.date(2025, 7, 15), "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "kind", "due", "assumed"),
    [
        ("6-9月", "period", dt.date(2025, 9, 30), 2025),
        ("6-12月", "period", dt.date(2025, 12, 31), 2025),
        ("6至9月", "period", dt.date(2025, 9, 30), 2025),
        ("2025年6-9月", "period", dt.date(2025, 9, 30), None),
        ("7月底前完成清单编制，10月底前公示", "period", dt.date(2025, 10, 31), 2025),
        ("2025年6月底前完成摸底，9月底前完成整改", "period", dt.date(2025, 9, 30), None),
        # the last stage is no day: the cell is asked about, not read as its first stage
        ("6月底前完成方案，开学前完成整改", "invalid", None, None),
        ("2025年10月中旬", "period", dt.date(2025, 10, 20), None),
        ("即查即改", "immediate", None, None),
    ],
)
def test_deadlines_of_this_round(
    text: str, kind: str, due: dt.date | None, assumed: int | None
) -> None:
    found = parse_deadline(text, year_from=_YEAR)
    assert (found.kind, found.due, found.assumed_year) == (kind, due, assumed)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("25年6月底", dt.date(2025, 6, 30)),
        ("25.9.30", dt.date(2025, 9, 30)),
        ("25年底前", dt.date(2025, 12, 31)),
        ("25年上半年", dt.date(2025, 6, 30)),
    ],
)
def test_two_digit_years_are_read_as_this_century(text: str, due: dt.date) -> None:
    # (before round 10: asked for in four digits; a year 2x is 202x, said in a note)
    found = parse_deadline(text, year_from=_YEAR)
    assert (found.due, found.note.startswith("年份只写了两位，按2025年计")) == (due, True)


def test_a_number_of_days_is_no_day(tmp_path: Path) -> None:
    assert parse_deadline(15).note == f"数字15{DAYS_NUMBER_NOTE}"
    assert parse_deadline(15.0).note == f"数字15{DAYS_NUMBER_NOTE}"
    assert parse_date_value(15).note == "数字15不是有效的日期"  # (a 完成时间 is no span)
    path, _ = _build(tmp_path, R.hazard_days_to_fix)
    said = _messages(_run("check", str(path)), "bad-deadline")
    assert said[0].startswith(
        "整改时限“7”无法识别（数字7像是天数（几天内完成），没有写从哪一天算起，不是具体的日子"
    )


# ---------------------------------------------------------------------------------------------
# Documents.


def test_names_in_the_task_table_without_phone_numbers() -> None:
    assert names_only("张某/13800000021") == "张某"
    assert names_only("李某 0571-88880000") == "李某"
    assert names_only("王某（手机13800000023）") == "王某"
    assert names_only("村支书王某 13900000001") == "村支书王某"
    assert names_only("第3组张某") == "第3组张某"


def test_plan_prints_no_phone_numbers(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.person_with_phone)
    out = tmp_path / "方案.docx"
    args = ["plan", str(path), "--today", R.TODAY, "--force", "-o", str(out)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    doc = docx.Document(str(out))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert {"张某", "李某", "王某"} <= cells
    assert not [c for c in cells if "13800000021" in c or "0571" in c]
