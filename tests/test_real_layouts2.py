"""The second round of ledgers laid out as real organisations keep them (``real_layouts2``), run
through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: every count, status and deadline as the clerk meant it, every column read as what it
is, every finding on the right cell, and where the ledger is ambiguous, a word saying so."""

from __future__ import annotations

import datetime as dt
from typing import Any

import docx
import layout_checks as L
import pytest
import real_layouts2 as R
from click.testing import CliRunner

from ledger_tools.cli import cli
from ledger_tools.ledger.dates import YearSource, parse_deadline
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.status import normalise_status

BUILDERS = [
    R.county_patrol_split_deadline,
    R.audit_codes_and_percent,
    R.school_titled_sections,
    R.hospital_circled,
    R.soe_wide_monthly,
    R.township_spaced_headers,
    R.jiwei_duban_percent,
    R.provincial_odd_order,
    R.eco_inspection_page_headers,
    R.safety_hazards,
    R.petition_ledger,
    R.numeric_month_deadlines,
    R.short_subheaders_and_notes,
    R.many_status_words,
    R.aspect_number_beside_title,
    R.minshenghuo_one_list,
    R.unit_line_above_header,
    R.progress_percent_no_status,
    R.status_and_closing_both,
    R.county_theme_bracketed_times,
    R.labels_typed_in_cells,
    R.three_row_header,
]

# Every finding of each ledger, rule -> cells, as the clerk should see them (checked by hand: a
# finding here is a real issue of that ledger, none is missing).
FINDINGS: dict[str, dict[str, list[str]]] = {
    "county_patrol_split_deadline": {
        # 待销号 (基本完成) past its 整改时限 2025年4月30日
        "overdue-red": ["台账!H7"],
        "overdue-no-reason": ["台账!H7"],
        "unused-column": ["台账!G3"],  # 开始时间
    },
    "audit_codes_and_percent": {
        "unused-column": ["整改清单!J2", "整改清单!K2"],
        "assumed-year": ["整改清单!G5"],  # 年底前
    },
    "school_titled_sections": {"overdue-red": ["Sheet1!G9"], "overdue-no-reason": ["Sheet1!G9"]},
    "hospital_circled": {"assumed-year": ["整改台账!H2"]},  # 12月31日前, 年底前
    "soe_wide_monthly": {
        "unused-column": [  # (in sheet order: X before AC)
            "整改台账!B2",
            "整改台账!K2",
            *(f"整改台账!{c}2" for c in "MNOPQRSTUVWX"),  # 1月进展 … 12月进展
            "整改台账!AC2",
            "整改台账!AD2",
            "整改台账!AF2",
            "整改台账!AG2",
        ]
    },
    "township_spaced_headers": {"assumed-year": ["Sheet1!G5"]},
    "jiwei_duban_percent": {
        "overdue-red": ["督办台账!I5"],  # 0% at 2025年4月30日
        "overdue-no-reason": ["督办台账!I5"],
        "unused-column": ["督办台账!E2"],  # 督办领导
    },
    "provincial_odd_order": {
        "overdue-red": ["检视问题清单!I5"],
        "overdue-no-reason": ["检视问题清单!I5"],
    },
    "eco_inspection_page_headers": {
        "missing-column": ["交办问题整改台账!2行"],  # 责任领导: the ledger has none
        "overdue-red": ["交办问题整改台账!H8"],
        "overdue-no-reason": ["交办问题整改台账!H8"],
        "unused-column": ["交办问题整改台账!B2", "交办问题整改台账!L2"],
    },
    "safety_hazards": {
        "finished-without-date": ["隐患台账!2行"],  # 已整改, and no 完成时间 column
        "overdue-red": ["隐患台账!L5"],
        "overdue-no-reason": ["隐患台账!L5"],
        "unused-column": [f"隐患台账!{c}2" for c in "BCFHNO"],
    },
    "petition_ledger": {
        "overdue-red": ["信访台账!K3"],
        "overdue-no-reason": ["信访台账!K3"],
        "due-yellow": ["信访台账!K4"],
        "unused-column": ["信访台账!B1", "信访台账!C1", "信访台账!D1", "信访台账!O1"],
    },
    "numeric_month_deadlines": {"bad-deadline": ["整改台账!G6"]},  # 2025.1: January or October?
    "short_subheaders_and_notes": {"immediate-undated": ["整改台账!H9"]},
    "many_status_words": {},
    "aspect_number_beside_title": {},
    "minshenghuo_one_list": {
        "finished-without-date": ["问题清单!2行"],
        "missing-column": ["问题清单!2行"],  # 方面: one list, no 方面
        "unused-column": ["问题清单!B2"],  # 班子成员
    },
    "unit_line_above_header": {"finished-without-date": ["审计整改台账!3行"]},
    "progress_percent_no_status": {},
    "status_and_closing_both": {"duplicate-column": ["整改台账!I3"]},
    "county_theme_bracketed_times": {"assumed-year": ["整改清单!G5"]},  # 年内
    "labels_typed_in_cells": {},
    "three_row_header": {},
}


def _run(*args: str) -> dict[str, Any]:
    return L.run(R.TODAY, *args)


_build, _rules, _messages, _reads = L.build, L.rules, L.messages, L.reads


# every ledger of the round: its counts, its columns, its findings
(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)


def test_split_deadline_under_its_group_title(tmp_path):
    # 整改时限 merged over 开始时间 | 完成时间: the second is the deadline, not the finish date
    # (which is 销号时间, under 整改情况)
    path, _ = _build(tmp_path, R.county_patrol_split_deadline)
    report = _run("check", str(path))
    reads = _reads(report)
    assert reads["H"]["header"] == "整改时限（完成时间）" and reads["H"]["read_as"] == "整改时限"
    assert reads["G"]["read_as"] is None and "开始时间" in reads["G"]["detail"]
    assert reads["K"]["read_as"] == "完成时间"
    assert report["layout"]["header_rows"] == [3, 4]
    stats = _run("stats", str(path))
    problems = [stats[s] for s in ("未启动", "正在推进", "基本完成", "已完成", "长期坚持")]
    assert problems == [1, 1, 1, 0, 0]  # 问题1: 已销号 + 正在整改 → 正在推进


def test_percentages_stored_as_numbers_are_the_status(tmp_path):
    # a cell formatted 0% holds 0.6: 60%, in progress; 1 is 100%, 0 not started
    path, _ = _build(tmp_path, R.audit_codes_and_percent)
    report = _run("check", str(path))
    assert any(
        n.startswith("H 列整改状态中的数字按完成百分比读") for n in report["layout"]["notes"]
    )
    assert _reads(report)["A"]["read_as"] == "序号"  # 问题编号 SJ-2024-01 …


def test_a_percent_column_is_the_status_only_when_there_is_none(tmp_path):
    path, _ = _build(tmp_path, R.progress_percent_no_status)
    report = _run("check", str(path))
    h = _reads(report)["H"]
    assert (h["read_as"], h["how"]) == ("整改状态", "按内容")
    assert (
        "第 6 行重复了表头（打印时每页重复的表头，或几张表格接在一起），未作为措施读取。"
        in report["layout"]["notes"]
    )


def test_deadlines_typed_as_numbers(tmp_path):
    path, _ = _build(tmp_path, R.numeric_month_deadlines)
    report = _run("check", str(path))
    [message] = _messages(report, "bad-deadline")
    assert "2025.1可能是2025年1月，也可能是2025年10月" in message
    stats = _run("stats", str(path))
    # 2025.3 (done) is no warning; 2025.6 / 2025.06.30 are 2025年6月30日, 2025.12 not yet due
    assert (stats["预警"]["红色"], stats["预警"]["黄色"]) == (0, 0)


def test_term_of_office_is_said_not_guessed(tmp_path):
    path, _ = _build(tmp_path, R.hospital_circled)
    report = _run("check", str(path))
    assert (
        "1 行的整改时限是“任期内”一类（如 H4“本届任期内”），没有具体日期，按长期坚持计：不设截止日期，"
        "不计超期预警。如有具体截止日期，请写明。" in report["layout"]["notes"]
    )
    path, _ = _build(tmp_path, R.provincial_odd_order)
    notes = _run("check", str(path))["layout"]["notes"]
    assert any("（如 I4“本届任期内”）" in n for n in notes)


def test_dates_that_are_neither_deadline_nor_finish(tmp_path):
    # 检查时间 / 来访日期 are dates, but neither the 整改时限 nor the 完成时间
    path, _ = _build(tmp_path, R.safety_hazards)
    reads = _reads(_run("check", str(path)))
    assert reads["B"]["read_as"] is None and "发现或登记日期" in reads["B"]["detail"]
    assert reads["L"]["read_as"] == "整改时限"
    path, _ = _build(tmp_path, R.petition_ledger)
    report = _run("check", str(path))
    reads = _reads(report)
    assert reads["C"]["read_as"] is None and reads["K"]["read_as"] == "整改时限"
    # 信访编号 beside 序号 is a code kept with each problem: a note, not a second 序号
    assert reads["B"]["read_as"] is None
    [note] = [m for m in _messages(report, "unused-column") if "信访编号" in m]
    assert "问题按 A 列“序号”区分" in note


def test_money_unit_on_a_line_above_the_header(tmp_path):
    path, _ = _build(tmp_path, R.unit_line_above_header)
    report = _run("check", str(path))
    assert any("以万元为单位（表头上方第 2 行注明）" in n for n in report["layout"]["notes"])
    assert [f["text"] for f in report["layout"]["footer_rows"]] == ["合计"]


def test_two_status_columns_that_disagree_are_said(tmp_path):
    path, _ = _build(tmp_path, R.status_and_closing_both)
    report = _run("check", str(path))
    [message] = _messages(report, "duplicate-column")
    assert "第 3 行 H 列已完成、I 列为“否”" in message
    assert "应算“基本完成”，请改 H 列" in message


def test_header_repeated_on_every_page(tmp_path):
    path, _ = _build(tmp_path, R.eco_inspection_page_headers)
    report = _run("check", str(path))
    assert (
        "第 6、7 行重复了表头（打印时每页重复的表头，或几张表格接在一起），未作为措施读取。"
        in report["layout"]["notes"]
    )
    reads = _reads(report)
    assert reads["A"]["read_as"] == "序号" and reads["D"]["read_as"] == "问题"  # 受理编号, 交办问题


def test_three_header_rows_and_a_numbering_row(tmp_path):
    path, _ = _build(tmp_path, R.three_row_header)
    layout = _run("check", str(path))["layout"]
    assert layout["header_rows"] == [2, 5]
    assert _reads({"layout": layout})["K"]["header"] == "完成情况（时间）"


def test_notes_rows_inside_the_table(tmp_path):
    path, _ = _build(tmp_path, R.short_subheaders_and_notes)
    layout = _run("check", str(path))["layout"]
    assert layout["header_rows"] == [1, 3]  # two header rows and a row numbering the columns
    assert [r["row"] for r in layout["group_rows"]] == [6]
    assert [r["row"] for r in layout["footer_rows"]] == [8]


def test_report_says_each_problem_as_the_ledger_does(tmp_path):
    path, _ = _build(tmp_path, R.county_patrol_split_deadline)
    out = tmp_path / "报告.docx"
    res = CliRunner().invoke(
        cli,
        ["report", str(path), "--as-of", R.TODAY, "--today", R.TODAY, "--force", "-o", str(out)],
    )
    assert res.exit_code == 0, res.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "对照" in text and "2个方面3项问题，细化整改措施4条" in text
    assert "尚无问题整改到位，基本完成1项，正在推进1项，尚未启动1项。" in text
    # the deadline of 问题2 is the 整改时限's 完成时间 (2025年4月30日), not its 开始时间
    assert "原计划于2025年4月底前完成，现已超期" in text
    # 问题3 has not started: the measure says what will be done, the status sentence when
    assert "将建立补贴发放月调度制度。\n目前尚未启动，计划于2025年9月底前完成。" in text


XLS = [R.county_patrol_split_deadline, R.numeric_month_deadlines, R.school_titled_sections]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


def test_deadlines_as_clerks_write_them(tmp_path):
    path, _ = _build(tmp_path, R.county_theme_bracketed_times)
    ledger = load_ledger(path, today=dt.date(2025, 5, 10))
    due = {(m.row, m.part): (m.deadline.kind, m.deadline.due) for m in ledger.measures}
    # the cell's last deadline: 年底前 in the year of the 2025年6月底前 beside it
    assert due[(4, 1)] == due[(4, 2)] == ("period", dt.date(2025, 12, 31))
    assert due[(5, 0)] == ("period", dt.date(2025, 12, 31))  # 年内
    assert due[(7, 0)][0] == "immediate"  # 即日起
    assert due[(8, 0)] == ("long_term", None)  # 持续落实
    reads = _reads(_run("check", str(path)))
    # 完成时间（计划） is the deadline, 完成时间（实际） the finish date
    assert (reads["G"]["read_as"], reads["H"]["read_as"]) == ("整改时限", "完成时间")


def test_numbering_and_labels_typed_into_cells_are_not_printed_twice(tmp_path):
    path, _ = _build(tmp_path, R.labels_typed_in_cells)
    stats = _run("stats", str(path))
    assert [a["方面"] for a in stats["按方面"]] == ["政治监督方面", "作风监督方面"]
    out = tmp_path / "报告.docx"
    args = ["report", str(path), "--as-of", R.TODAY, "--today", R.TODAY, "--force", "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "（一）在政治监督方面" in text and "问题1：党委会议记录不规范" in text
    assert "一是统一会议记录本格式" in text
    assert "问题1：问题1" not in text and "措施1" not in text and "（共" not in text


# The words of this round, one by one (the layouts above use them in context).
_YEAR = YearSource(dt.date(2025, 5, 10), "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("2025年6月底前完成初步整改，年底前全面完成", "period", dt.date(2025, 12, 31)),
        ("2024年12月前完成初步整改，2025年6月底前全面完成", "period", dt.date(2025, 6, 30)),
        ("年内", "period", dt.date(2025, 12, 31)),
        ("本年度内", "period", dt.date(2025, 12, 31)),
        ("今年底前", "period", dt.date(2025, 12, 31)),
        ("即日起", "immediate", None),
        ("即日起至2025年12月", "period", dt.date(2025, 12, 31)),
        ("持续落实", "long_term", None),
        ("本届任期内", "long_term", None),
        ("2025年底前，本届任期内", "period", dt.date(2025, 12, 31)),
        (2025.6, "period", dt.date(2025, 6, 30)),
        (2025.12, "period", dt.date(2025, 12, 31)),
        (2025.1, "invalid", None),  # January, or 2025.10 kept by Excel as 2025.1?
        ("2026年春季学期开学前", "invalid", None),  # no day to count: asked, not guessed
    ],
)
def test_deadline_words(text, kind, due):
    found = parse_deadline(text, year_from=_YEAR)
    assert (found.kind, found.due) == (kind, due)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("未办结", "正在推进"),
        ("整改未到位", "正在推进"),
        ("阶段性办结", "基本完成"),
        ("验收中", "基本完成"),
        ("申请销号中", "基本完成"),
        ("已结案", "已完成"),
        ("已落实到位", "已完成"),
        ("完成率100%", "已完成"),
        ("完成比例为60%", "正在推进"),
        ("整改率0%", "未启动"),
        ("未到期", None),  # not started, or under way? asked
        ("逾期未完成", None),
    ],
)
def test_status_words(text, status):
    assert normalise_status(text) == status
