"""The twelfth round of ledgers laid out as real organisations send them (``real_layouts12``),
run through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: a 民主生活会 查摆问题清单 with 查摆人, 立行立改 and 长期整改 lists on two sheets, 整改类型
as a column, 月度进展 over a column per month, 销号申请 / 销号时间 / 销号审核, 分管领导 beside
主要负责人, 问题编号 with deadlines as text ("2025.6", "12月底", "Q4"), "完成80%" as a status,
print titles repeated by a PDF conversion (header words broken by a space), a 合计 row inside
the table, 问题类别 under "一、……方面" section rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import layout_checks as L
import openpyxl
import pytest
import real_layouts12 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import YearSource, parse_deadline

BUILDERS = [
    R.life_meeting_self_examined,
    R.inspection_two_lists,
    R.campaign_kind_column,
    R.monthly_progress_columns,
    R.closure_application_columns,
    R.duty_list_two_leaders,
    R.coded_problems_text_dates,
    R.percent_status_and_closed_note,
    R.pdf_repeated_headers,
    R.totals_row_inside,
    R.merged_problem_closed_in_brackets,
    R.category_under_sections,
    R.pdf_headers_broken_words,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "life_meeting_self_examined": {
        _UNDATED: ["查摆问题清单!2行"],
        "missing-column": ["查摆问题清单!2行", "查摆问题清单!2行"],  # 责任领导, 责任部门
        "unused-column": ["查摆问题清单!D2"],  # 查摆人: the 班子成员 (before: unmapped-column)
    },
    # (长期整改清单 has no 已完成 row: the 长期坚持 one is counted on its own sheet's header)
    "inspection_two_lists": {_UNDATED: ["立行立改清单!1行"]},
    "campaign_kind_column": {
        _UNDATED: ["集中整治!1行"],
        "missing-column": ["集中整治!1行", "集中整治!1行"],  # 方面, 责任领导
        "unused-column": ["集中整治!D1"],  # 整改类型
    },
    "monthly_progress_columns": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": ["整改台账!1行", "整改台账!1行"],  # 方面, 责任领导
        # 7月, 8月 kept; 9月 (the latest) read as the progress (before: unmapped ×3)
        "unused-column": ["整改台账!F1", "整改台账!G1"],
    },
    "closure_application_columns": {
        "missing-column": ["整改销号台账!1行", "整改销号台账!1行"],  # 方面, 责任领导
        # 销号时间 is read as the 完成时间 (no other date of completion): 销号 after the deadline
        "late-completion": ["整改销号台账!H2", "整改销号台账!H3"],
        # 销号申请, 销号审核 (before: unmapped-column)
        "unused-column": ["整改销号台账!G1", "整改销号台账!I1"],
    },
    "duty_list_two_leaders": {
        _UNDATED: ["整改责任清单!1行"],
        "missing-column": ["整改责任清单!1行"],  # 方面
        "unused-column": ["整改责任清单!E1"],  # 主要负责人: 主要领导, kept
    },
    "coded_problems_text_dates": {
        _UNDATED: ["巡察整改!1行"],
        "missing-column": ["巡察整改!1行"],  # 责任领导
        # 12月底 and Q4 without their year (before: Q4 a bad-deadline)
        "assumed-year": ["巡察整改!G4"],
    },
    "percent_status_and_closed_note": {
        _UNDATED: ["整改台账!1行"],
        # 方面, 责任领导, 责任部门
        "missing-column": ["整改台账!1行", "整改台账!1行", "整改台账!1行"],
    },
    # the title, header and "第 1 页 共 2 页" printed again between pages: no measure, no finding
    "pdf_repeated_headers": {
        _UNDATED: ["'Table 1'!2行"],
        "missing-column": ["'Table 1'!2行", "'Table 1'!2行"],  # 方面, 责任领导
    },
    # the 合计 row is no measure
    "totals_row_inside": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行", "审计整改!1行"],  # 方面, 责任领导
        "unused-column": ["审计整改!F1"],  # 已整改金额: not money got back
    },
    "merged_problem_closed_in_brackets": {
        _UNDATED: ["专项整治!1行"],
        "missing-column": ["专项整治!1行", "专项整治!1行"],  # 方面, 责任领导
    },
    # the 问题类别 column is a finer kind under each "一、……方面" row (a note, no finding)
    "category_under_sections": {_UNDATED: ["整改台账!1行"]},
    # row 4 ("整改 时限", "完成 情况") is the header again (before: a measure with bad-deadline
    # and unknown-status)
    "pdf_headers_broken_words": {
        _UNDATED: ["Sheet1!1行"],
        "missing-column": ["Sheet1!1行", "Sheet1!1行"],  # 方面, 责任领导
    },
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "life_meeting_self_examined": "50%",
    "inspection_two_lists": "75%",
    "campaign_kind_column": "33.3%",
    "monthly_progress_columns": "33.3%",
    "closure_application_columns": "66.7%",
    "duty_list_two_leaders": "33.3%",
    "coded_problems_text_dates": "25%",
    "percent_status_and_closed_note": "33.3%",  # 100% 已完成, 完成80% under way, 0% 未启动
    "pdf_repeated_headers": "40%",
    "totals_row_inside": "33.3%",
    "merged_problem_closed_in_brackets": "50%",  # （一）: one of its two measures done
    "category_under_sections": "33.3%",
    "pdf_headers_broken_words": "33.3%",  # (before: 25%, the header row a 4th problem)
}

(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)
test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)

XLS = [
    R.monthly_progress_columns,
    R.pdf_repeated_headers,
    R.coded_problems_text_dates,
    R.category_under_sections,
]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


@pytest.mark.parametrize(
    ("header", "kept_as"),
    [
        ("查摆人", "班子成员"),
        ("查摆对象", "班子成员"),
        ("销号申请", "销号申请"),
        ("是否申请销号", "销号申请"),
        ("销号审核", "销号审核"),
        ("销号审核结果", "销号审核"),
    ],
)
def test_kept_columns_are_named_not_unknown(header: str, kept_as: str) -> None:
    assert C.header_column(header) is None
    assert C.unused_column(C.normalise_header(header)) == kept_as


@pytest.mark.parametrize("header", ["月度进展", "每月进展", "月度推进情况"])
def test_month_group_titles_are_the_progress(header: str) -> None:
    assert C.header_column(header) == "整改进展及成效"


@pytest.mark.parametrize(
    ("text", "due"),
    [("Q4", dt.date(2025, 12, 31)), ("q1", dt.date(2026, 3, 31)), ("Q3末", dt.date(2025, 9, 30))],
)
def test_a_quarter_in_shorthand_takes_the_year(text: str, due: dt.date) -> None:
    found = parse_deadline(text, year_from=YearSource(dt.date(2025, 9, 15), "检查日期", roll=True))
    assert found.due == due
    assert found.assumed_year == due.year


def test_sections_say_the_aspect_over_a_category_column(tmp_path: Path) -> None:
    """Two 方面 rows ("一、政治建设方面") over three 问题类别: 2 方面, each measure under its
    section, and a note naming the column; a column headed 方面 keeps its own values."""
    path, _ = L.build(tmp_path, R.category_under_sections)
    report = L.run(R.TODAY, "check", str(path))
    assert any("A 列“问题类别”是各方面下的细分类别" in n for n in report["layout"]["notes"])
    wb = openpyxl.load_workbook(path)
    wb.active["A1"] = "方面"
    wb.save(path)
    assert L.run(R.TODAY, "stats", str(path))["方面数"] == 3
