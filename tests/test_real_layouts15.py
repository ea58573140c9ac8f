"""The fifteenth round of ledgers laid out as real organisations send them (``real_layouts15``),
of kinds of 整改 not covered before: a 村（社区）巡察“回头看” ledger, a 纪检监察建议书 ledger, 党建
考核 反馈问题, 营商环境 problems from 督查 and the 12345 hotline, a 网络安全检查 and a 意识形态工作
责任制检查 ledger, a 县级部门 WPS ledger with an 附注 block under the table, a 述职评议 ledger, a 镇
ledger grouped under each village's name and a 督查通报 ledger. Run through ``check``, ``stats``
and ``report`` as the clerk who filled them in would read the results."""

from __future__ import annotations

from pathlib import Path

import layout_checks as L
import openpyxl
import pytest
import real_layouts15 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.status import normalise_status

BUILDERS = [
    R.village_look_back,
    R.supervision_proposal,
    R.party_building_assessment,
    R.business_environment,
    R.cyber_security_check,
    R.ideology_responsibility_check,
    R.county_wps_with_notes,
    R.village_secretary_review,
    R.village_section_rows,
    R.government_inspection_notice,
]

# Every finding of each ledger, rule -> cells, checked by hand. None of these units keeps a
# 完成时间 column (finished-without-date on the header row); the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    # 村（社区） is the 单位 (a 镇 summary of its villages), 持续整改 under way; the 原巡察反馈
    # 问题 / 原整改情况 kept as they are; H6 "6月底" has no year
    "village_look_back": {
        _UNDATED: ["回头看!2行"],
        "missing-column": ["回头看!2行", "回头看!2行", "回头看!2行"],  # 方面, 责任领导, 责任部门
        "unused-column": ["回头看!C2", "回头看!D2"],
        "assumed-year": ["回头看!H6"],
    },
    # 建议事项 is the problem, 建议书文号 its source (before: both unknown columns, the problem
    # column asked for, 问题数 in doubt)
    "supervision_proposal": {
        _UNDATED: ["监察建议整改!2行"],
        "missing-column": ["监察建议整改!2行"],  # 方面
        "unused-column": ["监察建议整改!B2"],
    },
    # "6月底" "9月底" without a year; F7 9月底 (未整改) due in 15 days
    "party_building_assessment": {
        _UNDATED: ["Sheet1!2行"],
        "due-green": ["Sheet1!F7"],
        "assumed-year": ["Sheet1!F4"],
    },
    "business_environment": {
        _UNDATED: ["营商环境问题!2行"],
        "missing-column": ["营商环境问题!2行", "营商环境问题!2行"],  # 方面, 责任领导
        "unused-column": ["营商环境问题!B2", "营商环境问题!F2"],  # 问题来源, 配合单位
    },
    "cyber_security_check": {
        _UNDATED: ["网络安全!2行"],
        "missing-column": ["网络安全!2行", "网络安全!2行", "网络安全!2行"],  # 方面, 领导, 部门
        "due-green": ["网络安全!F4"],
        "unused-column": ["网络安全!C2"],  # 隐患等级
    },
    "ideology_responsibility_check": {
        _UNDATED: ["意识形态!2行"],
        "missing-column": ["意识形态!2行", "意识形态!2行"],  # 责任领导, 责任部门
    },
    # the 附注 and its numbered lines and the 填表人 line are no measures
    "county_wps_with_notes": {
        _UNDATED: ["Sheet1!3行"],
        "missing-column": ["Sheet1!3行", "Sheet1!3行"],  # 方面, 责任部门
    },
    # 述职人 is the 责任人, 点评问题 the problem (before: both unknown columns, one problem for
    # three rows, 办结率 0%)
    "village_secretary_review": {
        _UNDATED: ["述职评议!2行"],
        "missing-column": ["述职评议!2行", "述职评议!2行", "述职评议!2行"],  # 方面, 领导, 部门
        "assumed-year": ["述职评议!D3"],  # "年底前"
    },
    # the village names are the 方面 (before: note rows naming nothing, 1 方面, 方面 asked for)
    "village_section_rows": {
        _UNDATED: ["村级问题!2行"],
        "missing-column": ["村级问题!2行", "村级问题!2行"],  # 责任领导, 责任部门
        "unused-column": ["村级问题!D2"],  # 包村领导
    },
    # 督查通报问题 is the problem, 未到位 / 部分到位 under way (before: an unknown column, two
    # unknown-status); F5 "2025年8月底" 未到位 is overdue
    "government_inspection_notice": {
        _UNDATED: ["督查通报问题!2行"],
        "missing-column": ["督查通报问题!2行"],  # 方面
        "overdue-no-reason": ["督查通报问题!F5"],
        "overdue-red": ["督查通报问题!F5"],
    },
}

# 办结率 as the clerk counts it: problems whose every measure is done over all problems.
RATES: dict[str, str] = {
    "village_look_back": "50%",
    "supervision_proposal": "50%",
    "party_building_assessment": "33.3%",
    "business_environment": "66.7%",
    "cyber_security_check": "66.7%",
    "ideology_responsibility_check": "66.7%",
    "county_wps_with_notes": "66.7%",
    "village_secretary_review": "33.3%",  # (before: 0%, the three rows one problem)
    "village_section_rows": "66.7%",
    "government_inspection_notice": "33.3%",
}

(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)
test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)

XLS = [R.village_look_back, R.county_wps_with_notes, R.village_section_rows]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("建议事项", "问题"),
        ("纪检监察建议事项", "问题"),
        ("督查通报问题", "问题"),
        ("通报问题", "问题"),
        ("点评问题", "问题"),
        ("述职评议点评问题", "问题"),
        ("评议指出问题", "问题"),
        ("述职人", "责任人"),
    ],
)
def test_proposal_notice_and_review_headers(header: str, column: str) -> None:
    assert C.header_column(header) == column


@pytest.mark.parametrize("header", ["建议书文号", "文号", "交办文号"])
def test_a_document_number_is_the_source(header: str) -> None:
    assert C.header_column(header) is None
    assert C.unused_column(C.normalise_header(header)) == "问题来源"


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("已到位", "已完成"),
        ("未到位", "正在推进"),
        ("尚未到位", "正在推进"),
        ("部分到位", "正在推进"),
    ],
)
def test_put_right_or_not_words(word: str, status: str) -> None:
    assert normalise_status(word) == status


@pytest.mark.parametrize(
    ("first", "second", "aspects"),
    [
        ("东坡村（2个问题）", "西河社区（1个问题）", 2),
        ("东坡村党支部", "西河社区党总支", 2),
        ("城关镇", "石门乡", 2),
        # one text naming no place: a note row naming nothing, as before
        ("以下为立行立改事项", "以下为长期坚持事项", 1),
    ],
)
def test_a_place_named_alone_on_its_row_is_the_aspect(
    tmp_path: Path, first: str, second: str, aspects: int
) -> None:
    """A 村（社区）or 乡镇 named alone on its row gives the 方面 of the rows below it (no 方面
    asked for); other unnumbered text alone names nothing."""
    path, _ = L.build(tmp_path, R.village_section_rows)
    wb = openpyxl.load_workbook(path)
    wb.active["A3"], wb.active["A6"] = first, second
    wb.save(path)
    stats = L.run(R.TODAY, "stats", str(path))
    assert (stats["方面数"], stats["问题数"], stats["措施数"]) == (aspects, 3, 3)
    asked = [m for m in L.messages(L.run(R.TODAY, "check", str(path)), "missing-column")]
    assert any("“方面”" in m for m in asked) == first.startswith("以下")
