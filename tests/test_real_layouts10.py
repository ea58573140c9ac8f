"""The tenth round of ledgers laid out as real organisations send them (``real_layouts10``), run
through ``check``, ``stats``, ``plan`` and ``report`` as the clerk who filled them in would read
the results: 巡视/审计/自查 problems grouped by their 问题来源, "年内完成" deadlines, two-digit
years, the problem and its measures labelled in one cell, a 12345 工单 list, a 隐患 list with
复查 columns, 环保 交办件, 营商环境 诉求 in per cent, 群众身边不正之风 整治, 意识形态 风险点,
a 村 销号 list, one sheet per 方面 behind a 汇总 sheet, a notes row mid-table, 院感 督查 with
扣分, 教育督导 with 督导意见, 信访 积案, and a 班子 list with merged problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import layout_checks as L
import openpyxl
import pytest
import real_layouts10 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import YearSource, parse_deadline, parse_finished
from ledger_tools.ledger.normalise import labelled_problem, load_ledger

_messages, _reads = L.messages, L.reads
_TODAY = dt.date(2025, 7, 15)

BUILDERS = [
    R.sources_as_aspects,
    R.within_the_year,
    R.two_digit_years_both_columns,
    R.problem_and_measures_in_one_cell,
    R.hotline_work_orders,
    R.hazard_review_and_closing,
    R.eco_petitions_stage_closed,
    R.business_requests_percent,
    R.grassroots_misconduct_campaign,
    R.ideology_risk_points,
    R.village_closing_words,
    R.sheet_per_aspect_with_summary,
    R.note_row_in_the_middle,
    R.hospital_infection_points,
    R.school_inspection_evidence,
    R.petition_backlog,
    R.leadership_merged_problem,
    R.merged_sources,
    R.audit_status_with_amounts,
    R.hotline_export_times,
    R.village_secretary_progress,
    R.sheets_per_aspect_with_sources,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    # 问题来源 (巡视反馈 / 审计发现 / 自查发现) is the 方面: no missing-column, no unused B
    "sources_as_aspects": {_UNDATED: ["问题整改台账!2行"]},
    # 年内完成, 计划年内全面完成: 2025年12月31日, the year said once
    "within_the_year": {"assumed-year": ["检视问题清单!G2"]},
    # 25年6月底前, 25.9.30, 25年底前 and the 完成时间 25.6.20: read as 2025, said once
    "two_digit_years_both_columns": {"short-year": ["整改台账!G2"]},
    # "问题：……\n措施：……": split at the clerk's labels, nothing asked
    "problem_and_measures_in_one_cell": {_UNDATED: ["整改清单!1行"]},
    "hotline_work_orders": {
        _UNDATED: ["工单台账!1行"],
        "missing-column": ["工单台账!1行", "工单台账!1行"],  # 整改措施, 责任领导
        "overdue-no-reason": ["工单台账!F4"],  # 2025年7月12日, 办理中
        "overdue-red": ["工单台账!F4"],
        "due-green": ["工单台账!F5"],  # 2025年7月30日
        "unused-column": ["工单台账!B1", "工单台账!I1"],  # 工单编号, 回访满意度
    },
    "hazard_review_and_closing": {
        _UNDATED: ["隐患台账!2行"],
        "missing-column": ["隐患台账!2行", "隐患台账!2行", "隐患台账!2行"],  # 方面, 责任领导, 部门
        "overdue-no-reason": ["隐患台账!H5"],  # 2025年7月10日, 是否销号 否
        "overdue-red": ["隐患台账!H5"],
        # 排查日期, 隐患部位, 隐患等级, 复查人, 复查日期
        "unused-column": [
            "隐患台账!B2",
            "隐患台账!C2",
            "隐患台账!E2",
            "隐患台账!I2",
            "隐患台账!J2",
        ],
    },
    "eco_petitions_stage_closed": {
        _UNDATED: ["交办件!1行"],
        "missing-column": ["交办件!1行", "交办件!1行"],  # 责任领导, 整改时限
        # 交办批次 (a batch is no 方面: 污染类型 is), 受理编号, 行政区域, 是否属实
        "unused-column": ["交办件!B1", "交办件!C1", "交办件!D1", "交办件!G1"],
    },
    "business_requests_percent": {
        _UNDATED: ["企业诉求!1行"],
        "missing-column": ["企业诉求!1行"],  # 责任领导
        "unused-column": ["企业诉求!C1", "企业诉求!G1"],  # 诉求企业, 配合单位
    },
    "grassroots_misconduct_campaign": {_UNDATED: ["专项整治台账!1行"]},
    "ideology_risk_points": {
        _UNDATED: ["风险排查!1行"],
        "missing-column": ["风险排查!1行"],  # 责任领导
        "unused-column": ["风险排查!D1"],  # 风险等级
    },
    "village_closing_words": {
        _UNDATED: ["Sheet1!2行"],
        "missing-column": ["Sheet1!2行", "Sheet1!2行"],  # 责任领导, 责任部门
        "unused-column": ["Sheet1!F2"],  # 包村干部
    },
    "sheet_per_aspect_with_summary": {_UNDATED: ["党建工作!1行"]},
    "note_row_in_the_middle": {_UNDATED: ["整改台账!1行"]},
    "hospital_infection_points": {
        _UNDATED: ["院感督查!1行"],
        "missing-column": ["院感督查!1行"],  # 责任领导 (科室负责人 is the 责任人)
        "due-green": ["院感督查!H3"],
        "unused-column": ["院感督查!E1"],  # 扣分
    },
    "school_inspection_evidence": {_UNDATED: ["督导整改!1行"]},
    "petition_backlog": {
        _UNDATED: ["积案化解!1行"],
        "missing-column": ["积案化解!1行"],  # 方面
        "unused-column": ["积案化解!B1"],  # 信访人
    },
    "leadership_merged_problem": {_UNDATED: ["班子查摆问题!1行"]},
    # 反馈来源 merged down over each source's rows: still the 方面
    "merged_sources": {_UNDATED: ["整改台账!1行"]},
    "audit_status_with_amounts": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行"],  # 方面 (an audit ledger: the hint says how to fill)
        "assumed-year": ["审计整改!F4"],  # 9月底前 (2025年内 is written with its year)
    },
    "hotline_export_times": {
        "missing-column": ["工单!1行", "工单!1行"],  # 整改措施, 责任领导
        "due-yellow": ["工单!G4"],  # 2025-07-17 18:00:00
        "unused-column": ["工单!B1", "工单!C1"],  # 工单号 (a code beside 序号), 来电时间
    },
    "village_secretary_progress": {
        _UNDATED: ["村级整改!1行"],
        "missing-column": ["村级整改!1行", "村级整改!1行", "村级整改!1行"],  # 方面, 领导, 部门
        "unused-column": ["村级整改!E1"],  # 包村领导 (the 镇 leader over the village)
    },
    # the sheets' names are the 方面; 问题来源 kept (read alike on both sheets: joined)
    "sheets_per_aspect_with_sources": {
        _UNDATED: ["党的建设!1行"],
        "unused-column": ["党的建设!B1"],
    },
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "sources_as_aspects": "40%",
    "within_the_year": "0%",
    "two_digit_years_both_columns": "33.3%",
    "problem_and_measures_in_one_cell": "33.3%",
    "hotline_work_orders": "50%",
    "hazard_review_and_closing": "66.7%",
    "eco_petitions_stage_closed": "33.3%",  # (阶段性办结: 基本完成, not counted)
    "business_requests_percent": "33.3%",
    "grassroots_misconduct_campaign": "33.3%",
    "ideology_risk_points": "33.3%",
    "village_closing_words": "33.3%",  # (申请销号: 基本完成)
    "sheet_per_aspect_with_summary": "50%",
    "note_row_in_the_middle": "25%",
    "hospital_infection_points": "33.3%",
    "school_inspection_evidence": "33.3%",
    "petition_backlog": "33.3%",
    "leadership_merged_problem": "0%",  # (problem 1: one measure of two done)
    "merged_sources": "25%",
    "audit_status_with_amounts": "33.3%",  # 已整改（收回资金5.2万元）: done
    "hotline_export_times": "66.7%",  # 已办结（不满意）: done, the caller's word kept aside
    "village_secretary_progress": "33.3%",
    "sheets_per_aspect_with_sources": "33.3%",
}

(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)
test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)


def _run(*args: str) -> dict[str, Any]:
    return L.run(R.TODAY, *args)


def _build(tmp_path: Path, builder: Any) -> tuple[Path, Any]:
    return L.build(tmp_path, builder)


# ---------------------------------------------------------------------------------------------
# How each column is read (读取方式).


def test_each_reading_is_said(tmp_path: Path) -> None:
    said = {}
    for builder, letter in (
        (R.sources_as_aspects, "B"),
        (R.problem_and_measures_in_one_cell, "C"),
        (R.hotline_work_orders, "I"),
        (R.business_requests_percent, "C"),
        (R.ideology_risk_points, "C"),
        (R.ideology_risk_points, "E"),
        (R.hospital_infection_points, "B"),
        (R.hospital_infection_points, "C"),
        (R.school_inspection_evidence, "C"),
        (R.eco_petitions_stage_closed, "B"),
    ):
        path, _ = _build(tmp_path, builder)
        read = _reads(_run("check", str(path)))[letter]
        said[f"{builder.__name__}:{letter}"] = (read["read_as"], read["how"])
    assert said == {
        "sources_as_aspects:B": ("方面", "按内容"),  # 问题来源, no 方面 column
        "problem_and_measures_in_one_cell:C": ("整改措施", "别名"),  # 问题及整改措施 (split)
        "hotline_work_orders:I": (None, "未识别"),  # 回访满意度: kept, not used
        "business_requests_percent:C": (None, "未识别"),  # 诉求企业: kept, not used
        "ideology_risk_points:C": ("问题", "别名"),  # 风险点
        "ideology_risk_points:E": ("整改措施", "别名"),  # 防控措施
        "hospital_infection_points:B": ("责任部门", "别名"),  # 被督查科室
        "hospital_infection_points:C": ("方面", "别名"),  # 督查内容
        "school_inspection_evidence:C": ("问题", "按内容"),  # 督导意见, left of the measures
        "eco_petitions_stage_closed:B": (None, "未识别"),  # 交办批次: a batch, not the 方面
    }


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("风险点", "问题", None),
        ("风险隐患", "问题", None),
        ("防控措施", "整改措施", None),
        ("防范措施", "整改措施", None),
        ("管控措施", "整改措施", None),
        ("督查内容", "方面", None),
        ("检查内容", "方面", None),
        ("被督查科室", "责任部门", None),
        ("回访满意度", None, "群众满意度"),
        ("诉求企业", None, "涉及单位"),
        ("工单号", "序号", None),  # (beside a 序号: a code, kept)
        ("受理号", "序号", None),
        ("村支书", "责任人", None),
        ("村（社区）书记", "责任人", None),
        ("督导意见", None, "验收审核"),  # (the problem only left of the measures, no 问题 column)
    ],
)
def test_headers_of_this_round(header: str, column: str | None, unused: str | None) -> None:
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)


# ---------------------------------------------------------------------------------------------
# 问题来源 as the 方面.


def test_sources_are_the_aspects_said_and_written(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.sources_as_aspects)
    read = _reads(_run("check", str(path)))["B"]
    assert read["detail"] == "台账没有“方面”列，问题按这一列的3种来源分组，来源即方面"
    plan = L.document_text(R.TODAY, tmp_path, "plan", path)
    assert "对照反馈意见，共梳理3个方面5项问题，制定整改措施5条" in plan
    headings = [line for line in plan.splitlines() if line[:3] in ("（一）", "（二）", "（三）")]
    assert headings == ["（一）巡视反馈", "（二）审计发现", "（三）自查发现"]


def _rewrite(path: Path, cells: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb.active[ref] = value
    wb.save(path)


def test_sheet_names_say_the_aspects_not_the_source(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.sheets_per_aspect_with_sources)
    ledger = load_ledger(path, today=_TODAY)
    assert [a.title for a in ledger.aspects] == ["党的建设", "业务工作"]
    read = _reads(_run("check", str(path)))["B"]
    assert (read["read_as"], read["how"]) == (None, "未识别")


def test_one_source_is_no_grouping(tmp_path: Path) -> None:
    # every row 巡视反馈: it says nothing of the problems' kinds — 方面 asked for, as before
    path, _ = _build(tmp_path, R.sources_as_aspects)
    _rewrite(path, {f"B{r}": "巡视反馈" for r in range(3, 8)})
    found = L.rules(_run("check", str(path)))
    assert found["missing-column"] == ["问题整改台账!2行"]
    assert "问题整改台账!B2" in found["unused-column"]


def test_heading_rows_say_the_aspects_not_the_source(tmp_path: Path) -> None:
    # a heading row "一、党的建设方面" inside the table: the headings are the 方面, the 问题来源
    # column stays a column kept and unused
    path, _ = _build(tmp_path, R.sources_as_aspects)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.insert_rows(3)
    ws["A3"] = "一、党的建设方面"
    wb.save(path)
    read = _reads(_run("check", str(path)))["B"]
    assert (read["read_as"], read["how"]) == (None, "未识别")


# ---------------------------------------------------------------------------------------------
# Deadlines and dates.


def test_within_the_year_is_the_years_end(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.within_the_year)
    ledger = load_ledger(path, today=_TODAY)
    due = [m.deadline.due if m.deadline else None for m in ledger.measures]
    assert due == [dt.date(2025, 12, 31), dt.date(2025, 12, 31), None, dt.date(2025, 10, 31)]
    assert _messages(_run("check", str(path)), "assumed-year") == [
        "有 2 行的整改时限没有写年份（如 G2“年内完成”），已按 2025 年计（基本信息中没有反馈日期，"
        "取检查日期 2025年7月15日）。如不对，请在整改时限中写明年份。"
    ]


_YEAR = YearSource(_TODAY, "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("计划年内全面完成", dt.date(2025, 12, 31)),
        ("年内全面完成", dt.date(2025, 12, 31)),
        ("6月底前基本完成", dt.date(2025, 6, 30)),
        ("2025年底前全面完成", dt.date(2025, 12, 31)),
        ("2025年年内完成", dt.date(2025, 12, 31)),
        ("年内销号", dt.date(2025, 12, 31)),
        ("年内见效", dt.date(2025, 12, 31)),
        # 年内 beside 长期坚持 is a day, as "9月底前完成并长期坚持" is (before: never due)
        ("年内完成并长期坚持", dt.date(2025, 12, 31)),
        ("年内完成，长期坚持", dt.date(2025, 12, 31)),
    ],
)
def test_deadlines_of_this_round(text: str, due: dt.date) -> None:
    assert parse_deadline(text, year_from=_YEAR).due == due


def test_two_digit_years_read_as_this_century(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.two_digit_years_both_columns)
    ledger = load_ledger(path, today=_TODAY)
    due = [m.deadline.due for m in ledger.measures if m.deadline]
    assert due == [dt.date(2025, 6, 30), dt.date(2025, 9, 30), dt.date(2025, 12, 31)]
    assert ledger.measures[0].finished.due == dt.date(2025, 6, 20)
    assert _messages(_run("check", str(path)), "short-year") == [
        "有 4 处日期的年份只写了两位（如 G2“25年6月底前”），已按 2025 年计。"
        "如不对，请写全4位年份，如2025年6月30日。"
    ]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("25年6月30日", dt.date(2025, 6, 30)),
        ("25-6-30", dt.date(2025, 6, 30)),
        ("25/6/30", dt.date(2025, 6, 30)),
        ("25年第三季度", dt.date(2025, 9, 30)),
        ("26年6月底前", dt.date(2026, 6, 30)),
        # not a year 2x: asked for in full (19.6.30 is 2019? 1919? the clerk says)
        ("19.6.30", None),
        ("25年13月", None),  # no such month
        ("25.6", None),  # 2025年6月, or 25 June? asked
    ],
)
def test_two_digit_year_forms(text: str, due: dt.date | None) -> None:
    assert parse_deadline(text, year_from=_YEAR).due == due


def test_two_digit_finish_date() -> None:
    found = parse_finished("25.6.20")
    assert (found.due, found.note) == (dt.date(2025, 6, 20), "年份只写了两位，按2025年计")


# ---------------------------------------------------------------------------------------------
# The problem and its measures in one cell.


def test_problem_and_measures_split_at_the_labels(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.problem_and_measures_in_one_cell)
    assert _run("check", str(path))["layout"]["notes"] == [
        "C 列“问题及整改措施”把问题和整改措施写在同一格里，第 2、3、4 行按格中的“问题：”“措施：”拆开："
        "前一段是问题，后一段是整改措施。"
    ]
    ledger = load_ledger(path, today=_TODAY)
    assert [p.title for a in ledger.aspects for p in a.problems] == [
        "文件办理时限意识不强，部分文件超期办理",
        "会议多、会议长",
        "行政执法案卷归档不及时",
    ]
    assert [m.get("整改措施") for m in ledger.measures] == [
        "建立文件办理时限提醒制度。",
        "严控会议数量和时长。",
        "开展执法案卷集中评查。",
    ]
    report = L.document_text(R.TODAY, tmp_path, "report", path)
    assert "问题1：文件办理时限意识不强，部分文件超期办理" in report


def test_an_unlabelled_cell_of_the_column_is_asked_about(tmp_path: Path) -> None:
    # one cell without the labels: its 问题 is empty, asked on its cell; the others are split
    path, _ = _build(tmp_path, R.problem_and_measures_in_one_cell)
    _rewrite(path, {"C4": "行政执法案卷归档不及时，开展执法案卷集中评查。"})
    report = _run("check", str(path))
    assert "missing-column" not in L.rules(report)
    assert [f["cell"] for f in report["findings"] if f["rule"] == "required-cell"] == [
        "整改清单!C4"
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("问题：会议多。\n措施：严控会议。", ("会议多", "严控会议。")),
        (
            "存在问题：会议多；整改措施：1.严控数量；2.压缩时长",
            ("会议多", "1.严控数量；2.压缩时长"),
        ),
        ("查摆问题: 会议多 整改举措: 严控会议", ("会议多", "严控会议")),
        ("会议多。措施：严控会议。", None),  # the problem not labelled: where does it start?
        ("问题：会议多，严控会议。", None),  # no measures label
        ("问题：\n措施：严控会议。", None),  # no problem written
    ],
)
def test_labelled_cells(text: str, parts: tuple[str, str] | None) -> None:
    assert labelled_problem(text) == parts


# ---------------------------------------------------------------------------------------------
# 督导意见.


def test_an_opinion_right_of_the_measures_is_a_sign_off(tmp_path: Path) -> None:
    # 督导意见 after the measures (the inspectors' sign-off of the work): kept and unused, the
    # 问题 column asked for
    path, _ = _build(tmp_path, R.school_inspection_evidence)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.move_range("C1:C4", cols=8)  # 督导意见 to K
    ws.move_range("D1:K4", cols=-1)
    wb.save(path)
    report = _run("check", str(path))
    read = _reads(report)["J"]
    assert (read["header"], read["read_as"]) == ("督导意见", None)
    assert [m for m in _messages(report, "missing-column") if "“问题”" in m]
