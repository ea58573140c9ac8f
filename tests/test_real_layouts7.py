"""The seventh round of ledgers laid out as real organisations send them (``real_layouts7``),
run through ``check``, ``stats``, ``plan`` and ``report`` as the clerk who filled them in would
read the results: 巡视 牵头部门 and "一-1" numbering, 审计 in 万元 with SUM rows, 督察 达标/销号
words and 整改任务, 主题教育 percentages, 民主生活会 problem and measures in one cell, 组织生活会 by
党员, 医院 科室（责任人）, 学校 terms and holidays, 国企 status by date only, 乡镇 包片领导, 街道 网格,
村"两委", 隐患 ticks under 已整改/整改中/未整改, 1/0 under 已完成/正在推进/未启动, 信访 稳控,
营商环境 working days, WPS text dates, "（一）1" numbering, deadlines with 并长期坚持, 完成时间 typed as
months, 责任单位/责任人 in one cell, sign-off columns, 督导意见, 滞后原因."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import layout_checks as L
import openpyxl
import pytest
import real_layouts7 as R
from click.testing import CliRunner

from ledger_tools.cli import cli
from ledger_tools.documents.tabletext import cell_lines
from ledger_tools.documents.wording import deadline_form
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import (
    SCHOOL_TERM_NOTE,
    SEASON_NOTE,
    SPAN_OF_DAYS_NOTE,
    YearSource,
    finished_form,
    parse_deadline,
    parse_finished,
)
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.status import normalise_status

_build, _rules, _messages, _reads = L.build, L.rules, L.messages, L.reads

BUILDERS = [
    R.xunshi_party_offices_lead,
    R.audit_wan_yuan_ticked,
    R.eco_inspection_standard_words,
    R.theme_review_percentages,
    R.life_meeting_problem_and_measures,
    R.branch_members_review,
    R.hospital_dept_and_person,
    R.school_terms_and_holidays,
    R.soe_done_by_date_only,
    R.township_area_leaders,
    R.street_grid_events,
    R.village_two_committees,
    R.hazard_grades_ticked,
    R.ones_and_zeros_summed,
    R.petition_stability_watch,
    R.business_environment_working_days,
    R.wps_text_dates,
    R.bracketed_problem_numbers,
    R.deadline_forms_round7,
    R.remarks_carry_closure,
    R.finished_typed_as_months,
    R.dept_slash_person,
    R.three_rows_tick_groups,
    R.education_sheets_hidden_column,
    R.fund_recovered_percent,
    R.patrol_unit_with_person,
    R.soe_audit_formulas,
    R.hospital_signoff_columns,
    R.supervision_opinions_and_reasons,
    R.school_bracket_sections,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); 审计, 督察, 信访, 网格, 学校, 隐患 and 村级 lists have no
# 方面; the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "xunshi_party_offices_lead": {
        _UNDATED: ["整改台账!2行"],
        "unused-column": ["整改台账!F2"],  # 配合部门
        "assumed-year": ["整改台账!G8"],  # 年底前
    },
    "audit_wan_yuan_ticked": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行", "审计整改!1行"],  # 方面, 责任领导
        "unused-column": ["审计整改!C1", "审计整改!J1"],  # 问题金额, 已整改金额
    },
    "eco_inspection_standard_words": {
        _UNDATED: ["督察整改!2行"],
        "missing-column": ["督察整改!2行"],  # 方面
        "assumed-year": ["督察整改!H4"],  # 年底前
        "marked-lagging": ["督察整改!J6"],  # 滞后序时进度 (round 13)
    },
    "theme_review_percentages": {_UNDATED: ["检视问题清单!1行"]},
    # 方面, 问题 (the 问题 finding names B, which holds both, and asks for it to be split)
    "life_meeting_problem_and_measures": {"missing-column": ["查摆问题整改清单!1行"]},  # 方面
    "branch_members_review": {
        _UNDATED: ["组织生活会!2行"],
        # 方面, 责任领导, 责任部门: the 党员 answers for his own problem
        "missing-column": ["组织生活会!2行", "组织生活会!2行", "组织生活会!2行"],
    },
    "hospital_dept_and_person": {_UNDATED: ["巡察整改!1行"]},
    "school_terms_and_holidays": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": ["整改台账!1行"],  # 方面
        "bad-deadline": ["整改台账!F2", "整改台账!F3", "整改台账!F5"],  # 本学期末, 开学前, 寒假前
    },
    "soe_done_by_date_only": {"missing-column": ["整改台账!1行"]},  # 整改状态, rows 2 and 3 named
    "township_area_leaders": {
        _UNDATED: ["巡察整改!1行"],
        "bad-deadline": ["巡察整改!H4"],  # 次年春节前
        "unused-column": ["巡察整改!F1"],  # 包片领导 beside the 分管领导
        "assumed-year": ["巡察整改!H2"],  # 6月底前, 年底前
    },
    "street_grid_events": {
        _UNDATED: ["网格问题台账!1行"],
        "missing-column": ["网格问题台账!1行"],  # 方面
        "due-green": ["网格问题台账!I3"],  # 2025年7月31日, 处置中
        # 所属网格, 网格员, 发现时间
        "unused-column": ["网格问题台账!B1", "网格问题台账!C1", "网格问题台账!D1"],
    },
    "village_two_committees": {
        _UNDATED: ["Sheet1!2行"],
        "missing-column": ["Sheet1!2行", "Sheet1!2行", "Sheet1!2行"],  # 方面, 责任领导, 责任部门
    },
    "hazard_grades_ticked": {
        _UNDATED: ["隐患台账!1行"],
        "missing-column": ["隐患台账!1行"],  # 方面
        "unused-column": ["隐患台账!C1", "隐患台账!G1"],  # 隐患等级, 整改资金
    },
    "ones_and_zeros_summed": {_UNDATED: ["整改台账!1行"]},
    "petition_stability_watch": {
        _UNDATED: ["信访积案!1行"],
        "missing-column": ["信访积案!1行"],  # 方面
        "unused-column": ["信访积案!B1", "信访积案!F1"],  # 信访人, 稳控责任人
    },
    "business_environment_working_days": {
        _UNDATED: ["问题清单!1行"],
        "bad-deadline": ["问题清单!I3"],  # 15个工作日内
        "unused-column": ["问题清单!C1", "问题清单!H1"],  # 涉及企业, 配合单位 (问题来源: the 方面)
    },
    "wps_text_dates": {},
    "bracketed_problem_numbers": {},
    # 6月底前 (this year's), open: overdue; 年底前, 9月30日前完成并长期坚持 and 6月底前 said
    "deadline_forms_round7": {
        "overdue-no-reason": ["整改台账!G8"],
        "overdue-red": ["整改台账!G8"],
        "assumed-year": ["整改台账!G4"],
    },
    "remarks_carry_closure": {},
    # done in 2025年6月, due 4月30日: the whole month is later (I2, I3: done within the month due)
    "finished_typed_as_months": {"late-completion": ["整改台账!I4"]},
    "dept_slash_person": {_UNDATED: ["督办台账!1行"]},
    "three_rows_tick_groups": {},
    "education_sheets_hidden_column": {
        _UNDATED: ["党建工作!1行"],
        "bad-deadline": ["校园安全!F2"],  # 本学期末
        "hidden-columns": ["党建工作!G"],
        "unused-column": ["党建工作!G1"],  # 上次整改状态
    },
    "fund_recovered_percent": {_UNDATED: ["整改台账!1行"]},
    "patrol_unit_with_person": {},
    "soe_audit_formulas": {
        "missing-column": ["审计整改台账!1行"],  # 方面
        # 应整改金额, 已整改金额, 未整改金额, 整改率
        "unused-column": [
            "审计整改台账!C1",
            "审计整改台账!D1",
            "审计整改台账!E1",
            "审计整改台账!F1",
        ],
    },
    # G3 is late but its 滞后原因 is written: no ask for a reason
    "hospital_signoff_columns": {
        _UNDATED: ["整改台账!1行"],
        "overdue-red": ["整改台账!G3"],
        "unused-column": ["整改台账!J1", "整改台账!K1"],  # 责任人签字, 分管领导签字
    },
    "supervision_opinions_and_reasons": {
        _UNDATED: ["督办台账!1行"],
        "missing-column": ["督办台账!1行"],  # 方面
        "overdue-red": ["督办台账!F3"],  # 2025年6月中旬 (6月20日), its reason written
        "unused-column": ["督办台账!J1"],  # 督导意见
    },
    "school_bracket_sections": {"bad-deadline": ["整改台账!F6"]},  # 本学期末
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "xunshi_party_offices_lead": "50%",
    "audit_wan_yuan_ticked": "33.3%",
    "eco_inspection_standard_words": "25%",
    "theme_review_percentages": "25%",
    "life_meeting_problem_and_measures": "0%",
    "branch_members_review": "33.3%",
    "hospital_dept_and_person": "33.3%",
    "school_terms_and_holidays": "25%",
    "soe_done_by_date_only": "0%",
    "township_area_leaders": "33.3%",
    "street_grid_events": "33.3%",
    "village_two_committees": "66.7%",
    "hazard_grades_ticked": "33.3%",
    "ones_and_zeros_summed": "25%",
    "petition_stability_watch": "33.3%",
    "business_environment_working_days": "33.3%",
    "wps_text_dates": "33.3%",
    "bracketed_problem_numbers": "50%",
    "deadline_forms_round7": "28.6%",
    "remarks_carry_closure": "33.3%",
    "finished_typed_as_months": "75%",
    "dept_slash_person": "33.3%",
    "three_rows_tick_groups": "33.3%",
    "education_sheets_hidden_column": "50%",
    "fund_recovered_percent": "33.3%",
    "patrol_unit_with_person": "0%",
    "soe_audit_formulas": "50%",
    "hospital_signoff_columns": "33.3%",
    "supervision_opinions_and_reasons": "33.3%",
    "school_bracket_sections": "33.3%",
}


def _run(*args: str) -> dict[str, Any]:
    return L.run(R.TODAY, *args)


# every ledger of the round: its counts, its columns, its findings
(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)


_says_what_the_clerk_counts = L.report_test(R.TODAY, RATES)

# The ledger the tool asks about (no 整改状态 column): the report marks the numbers it cannot
# vouch for, as it does for any ledger with such gaps. (The 问题 written before the measures in
# one cell, "问题：……整改措施：……", is read since round 10: its 问题数 is no longer doubted.)
DOUBTED = {
    "soe_done_by_date_only": "已整改到位【0】项，【整改状态未填或无法识别】4项，办结率【0%】。",
}


def test_closure_rate_and_report_say_what_the_clerk_counts(
    built: tuple[Path, Any], tmp_path: Path
) -> None:
    path, _ = built
    if path.stem not in DOUBTED:
        _says_what_the_clerk_counts(built, tmp_path)
        return
    assert _run("stats", str(path))["办结率"] == RATES[path.stem]
    out = tmp_path / "报告.docx"
    args = ["report", str(path), "--as-of", R.TODAY, "--today", R.TODAY, "--force", "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert DOUBTED[path.stem] in text


XLS = [
    R.audit_wan_yuan_ticked,
    R.ones_and_zeros_summed,
    R.three_rows_tick_groups,
    R.wps_text_dates,
    R.bracketed_problem_numbers,
    R.fund_recovered_percent,
    R.hazard_grades_ticked,
    R.village_two_committees,
]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(
    R.TODAY, XLS, FINDINGS, also=(R.finished_typed_as_months,)
)


# ---------------------------------------------------------------------------------------------
# How each column is read (读取方式).


def test_each_reading_is_said(tmp_path):
    said = {}
    for builder, letter in (
        (R.eco_inspection_standard_words, "B"),
        (R.ones_and_zeros_summed, "H"),
        (R.fund_recovered_percent, "I"),
        (R.dept_slash_person, "F"),
        (R.branch_members_review, "B"),
        (R.street_grid_events, "B"),
        (R.petition_stability_watch, "F"),
    ):
        path, _ = _build(tmp_path, builder)
        read = _reads(_run("check", str(path)))[letter]
        said[builder.__name__] = (read["read_as"], read["how"], read["detail"])
    assert said == {
        "eco_inspection_standard_words": (
            "问题",
            "按内容",
            "台账没有“问题”列，整改措施左边的这一列（要整改的任务）就是问题",
        ),
        "ones_and_zeros_summed": (
            "整改状态",
            "按内容",
            "H、I、J 列各是一种整改状态（已完成、正在推进、未启动），填 1（其余填 0）的那一列即该行的状态",
        ),
        "fund_recovered_percent": ("整改状态", "按内容", "台账没有整改状态列，这一列是完成百分比"),
        "dept_slash_person": (
            "责任部门",
            "别名",
            "“责任单位/责任人”合写了单位和责任人，按单位读作责任部门（单元格中的人名照原样保留）",
        ),
        "branch_members_review": ("责任人", "别名", "“党员姓名”是“责任人”的常见写法"),
        "street_grid_events": (None, "未识别", "常见的“行政区域”列，本工具不使用"),
        "petition_stability_watch": (None, "未识别", "常见的“稳控责任人”列，本工具不使用"),
    }


def test_ones_and_zeros_under_the_statuses_are_ticks(tmp_path):
    # (before: the 1/0 row was taken for a repeated header, H for 整改进展 read as percentages:
    # 已完成 1, 未启动 3)
    path, _ = _build(tmp_path, R.ones_and_zeros_summed)
    layout = _run("check", str(path))["layout"]
    assert layout["header_rows"] == [1, 2]
    assert not layout["notes"]
    assert [(f["row"], f["text"]) for f in layout["footer_rows"]] == [(9, "合计")]


def test_sums_cached_under_the_table_are_a_total_row(tmp_path):
    path, _ = _build(tmp_path, R.audit_wan_yuan_ticked)
    layout = _run("check", str(path))["layout"]
    assert [(f["row"], f["text"]) for f in layout["footer_rows"]] == [(6, "合计")]


def test_a_cell_holding_problem_and_measures_is_split_at_its_labels(tmp_path):
    # (before round 10: asked about, the 问题 column called missing)
    path, _ = _build(tmp_path, R.life_meeting_problem_and_measures)
    report = _run("check", str(path))
    assert not [m for m in _messages(report, "missing-column") if "“问题”" in m]
    assert report["layout"]["notes"] == [
        "B 列“查摆问题及整改措施”把问题和整改措施写在同一格里，第 2、3 行按格中的“问题：”“措施：”拆开："
        "前一段是问题，后一段是整改措施。"
    ]
    ledger = load_ledger(path, today=dt.date(2025, 7, 15))
    problems = [p.title for a in ledger.aspects for p in a.problems]
    assert problems == ["理论学习不够系统深入", "联系服务群众不够经常"]
    assert [m.get("整改措施") for m in ledger.measures][:3] == [
        "制定党组理论学习中心组年度学习计划",
        "每季度开展一次专题研讨",
        "班子成员每年撰写理论文章1篇。",
    ]


def test_a_cell_holding_problem_and_measures_unlabelled_is_asked_about(tmp_path):
    path, _ = _build(tmp_path, R.life_meeting_problem_and_measures)
    wb = openpyxl.load_workbook(path)
    wb.active["B2"] = "理论学习不够系统深入。1.制定学习计划；2.每季度开展一次专题研讨。"
    wb.active["B3"] = "联系服务群众不够经常。建立班子成员联系基层点制度。"
    wb.save(path)
    said = [m for m in _messages(_run("check", str(path)), "missing-column") if "“问题”" in m]
    assert len(said) == 1
    assert (
        "B 列“查摆问题及整改措施”把问题和整改措施写在同一格里，没有用“问题：”“措施：”分别标明，本工具不拆分"
        in said[0]
    )


def test_a_status_kept_by_the_date_alone_is_asked_for(tmp_path):
    path, _ = _build(tmp_path, R.soe_done_by_date_only)
    [said] = _messages(_run("check", str(path)), "missing-column")
    assert "缺少必需的列“整改状态”" in said
    assert "台账只在“完成时间”列记了第 2、3 行的完成日期，本工具不据此认定整改状态" in said


# ---------------------------------------------------------------------------------------------
# Headers.


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("检视出的问题", "问题", None),
        ("查摆出的问题", "问题", None),
        ("隐患名称", "问题", None),
        ("党员姓名", "责任人", None),
        ("责任单位/责任人", "责任部门", None),  # a unit and a person: the unit is the 部门
        ("责任单位及责任人", "责任部门", None),
        ("牵头部门/责任人", "牵头部门", None),
        ("责任领导/责任人", None, None),  # two people: which is which is not guessed
        ("问题/措施", None, None),
        ("所属网格", None, "行政区域"),
        ("网格员", None, "检查单位"),
        ("涉及企业", None, "涉及单位"),
        ("稳控责任人", None, "稳控责任人"),
        ("主责部门", "责任部门", None),
        ("当前进度", "整改状态", None),
        ("滞后原因", "延期说明", None),
        ("未完成原因及下步措施", "延期说明", None),
        ("责任人签字", None, "签字"),
        ("分管领导签字", None, "签字"),
        ("督导意见", None, "验收审核"),
        ("整改任务", "整改措施", None),  # (the problem only where the ledger has none)
    ],
)
def test_headers_of_this_round(header, column, unused):
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)


# ---------------------------------------------------------------------------------------------
# Words.


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已完成整改并销号", "已完成"),  # 督察
        ("已处置", "已完成"),  # 网格
        ("处置完毕", "已完成"),
        ("已达标待销号", "基本完成"),
        ("超序时进度", "正在推进"),
        ("处置中", "正在推进"),
        ("稳控中", "正在推进"),  # 信访: kept stable, not resolved
        ("未处置", "未启动"),
        ("待处置", "未启动"),
        ("已达标", None),  # a target met says nothing of the striking off: asked
        ("完成并销号", "已完成"),
        ("长效坚持", "长期坚持"),
        ("已完成，长效坚持", "长期坚持"),  # as 已完成，长期坚持
        ("正在推进，长效坚持", "正在推进"),
    ],
)
def test_status_words_of_this_round(text, status):
    assert normalise_status(text) == status


_YEAR = YearSource(dt.date(2025, 7, 15), "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "kind", "due", "note"),
    [
        ("2025.6.30", "date", dt.date(2025, 6, 30), ""),
        ("2025/6/30", "date", dt.date(2025, 6, 30), ""),
        ("2025年三季度", "period", dt.date(2025, 9, 30), "期限写到季度，按2025年9月30日计"),
        # a term or a holiday is no day: each school's calendar sets it
        ("本学期末", "invalid", None, SCHOOL_TERM_NOTE),
        ("2025年秋季学期前", "invalid", None, SCHOOL_TERM_NOTE),
        ("寒假前", "invalid", None, SCHOOL_TERM_NOTE),
        ("下学期开学前", "invalid", None, SCHOOL_TERM_NOTE),
        ("本学年末", "invalid", None, SCHOOL_TERM_NOTE),
        ("次年春节前", "invalid", None, SEASON_NOTE),
        # a length of time: from a day the ledger does not give
        ("15个工作日内", "invalid", None, SPAN_OF_DAYS_NOTE),
        ("30日内办结", "invalid", None, SPAN_OF_DAYS_NOTE),
        ("3个月内", "invalid", None, SPAN_OF_DAYS_NOTE),
        (
            "2025年6月底前（暑假前）",
            "period",
            dt.date(2025, 6, 30),
            "期限写到月，按2025年6月30日计",
        ),
        ("二〇二五年六月三十日", "date", dt.date(2025, 6, 30), ""),
        ("2025. 9. 30", "date", dt.date(2025, 9, 30), ""),
    ],
)
def test_deadlines_of_this_round(text, kind, due, note):
    found = parse_deadline(text, year_from=_YEAR)
    assert (found.kind, found.due, found.note) == (kind, due, note)


def test_a_term_names_its_cell(tmp_path):
    path, _ = _build(tmp_path, R.school_terms_and_holidays)
    said = _messages(_run("check", str(path)), "bad-deadline")
    assert said[0].startswith("整改时限“本学期末”无法识别（是学期或假期，不是具体的日子")
    assert len(said) == 3


# ---------------------------------------------------------------------------------------------
# 并长期坚持 beside a date or 立行立改 is printed with it.


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("9月30日前完成并长期坚持", "2025年9月底前并长期坚持"),
        ("2025年6月30日/长期坚持", "2025年6月底前并长期坚持"),
        ("年底前完成，长期坚持", "2025年12月底前并长期坚持"),
        ("2025年12月底前完成并长期坚持", "2025年12月底前并长期坚持"),
        ("立行立改并长期坚持", "立行立改并长期坚持"),
        ("2025年6月底前", "2025年6月底前"),
        ("立行立改", "立行立改"),
        ("长期坚持", "长期坚持"),
        ("2025年底前，本届任期内", "2025年12月底前"),  # (a term is no 长期坚持)
    ],
)
def test_deadlines_kept_on_are_printed_so(text, printed):
    assert deadline_form(parse_deadline(text, year_from=_YEAR)) == printed


def test_plan_and_report_say_kept_on(tmp_path):
    path, _ = _build(tmp_path, R.deadline_forms_round7)
    out = tmp_path / "方案.docx"
    args = ["plan", str(path), "--today", R.TODAY, "--force", "-o", str(out)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "完成时限：2025年9月底前并长期坚持）" in text
    assert "完成时限：立行立改并长期坚持）" in text
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "立行立改\n并长期坚持" in cells


def test_kept_on_breaks_before_it_in_a_narrow_cell():
    assert cell_lines("2025年9月底前并长期坚持", 5) == "2025年\n9月底前\n并长期坚持"
    assert cell_lines("立行立改并长期坚持", 5) == "立行立改\n并长期坚持"


# ---------------------------------------------------------------------------------------------
# 完成时间 written as a month.


def test_finished_months_are_said_as_months(tmp_path):
    path, _ = _build(tmp_path, R.finished_typed_as_months)
    report = _run("check", str(path))
    assert report["layout"]["notes"] == [
        "I 列有 3 个完成时间单元格只显示年月（如 I2 显示“2025年6月”，Excel 存的是当月 1 日），"
        "按所显示的月份读（当月内完成；只有整月都晚于整改时限才算逾期完成）。"
    ]
    [late] = _messages(report, "late-completion")
    assert late.startswith("逾期完成：完成时间 2025年6月 晚于整改时限 2025年4月30日。")
    out = tmp_path / "报告.docx"
    args = ["report", str(path), "--as-of", R.TODAY, "--today", R.TODAY, "--force", "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "已于2025年6月完成" in text
    assert "2025年6月1日" not in text


def test_finished_months_in_an_xls_are_asked_about(as_xls):
    report = _run("check", str(as_xls["finished_typed_as_months"]))
    [said] = [n for n in report["layout"]["notes"] if "某月 1 日" in n]
    assert said.startswith("I 列完成时间中有 3 个日期都是某月 1 日（如 I2 2025年6月1日）")


@pytest.mark.parametrize(
    ("value", "due", "printed"),
    [
        ("2025年6月", dt.date(2025, 6, 1), "2025年6月"),
        ("2025-6", dt.date(2025, 6, 1), "2025年6月"),
        ("2025.6", dt.date(2025, 6, 1), "2025年6月"),
        ("2025年6月底", dt.date(2025, 6, 30), "2025年6月30日"),  # the end: that day
        ("2025/6/20", dt.date(2025, 6, 20), "2025年6月20日"),
        (dt.date(2025, 6, 20), dt.date(2025, 6, 20), "2025年6月20日"),
    ],
)
def test_finished_written_as_a_month(value, due, printed):
    found = parse_finished(value)
    assert (found.due, finished_form(found)) == (due, printed)


def test_a_month_done_is_late_only_when_the_whole_month_is(tmp_path: Path):
    path, _ = _build(tmp_path, R.finished_typed_as_months)
    found = _rules(_run("check", str(path)))
    # I2: 2025年6月, due 6月30日 — done within the month due, not called late
    assert found["late-completion"] == ["整改台账!I4"]


def test_a_month_done_is_before_the_feedback_only_when_the_whole_month_is(tmp_path: Path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    ws["I1"] = "完成时间"
    for i, done in enumerate(("2025年6月", "2025年5月", "2025年6月5日"), start=1):
        row = [i, "党建", f"问题{i}", f"措施{i}", "甲", "办公室", "2025年6月30日", "已完成", done]
        ws.append(row)
    info = wb.create_sheet("基本信息")
    info.append(["项目", "内容"])
    info.append(["反馈日期", dt.date(2025, 6, 10)])
    path = tmp_path / "反馈.xlsx"
    wb.save(path)
    report = _run("check", str(path))
    assert _rules(report) == {"finished-before-feedback": ["整改台账!I3", "整改台账!I4"]}
    assert _messages(report, "finished-before-feedback")[0].startswith(
        "完成时间 2025年5月 早于反馈日期 2025年6月10日。"
    )
