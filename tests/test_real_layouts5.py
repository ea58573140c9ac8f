"""The fifth round of ledgers laid out as real organisations send them (``real_layouts5``), run
through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: 高校, 医院 and 国企 headers (责任校领导, 牵头职能部门, 科室负责人, 整改牵头部门), 民主生活会
对照检查 lists, 安全生产 ledgers closed by 闭环 and 复查, staged and moved deadlines, measures
numbered 第一，第二，, sheets per status or per quarter, sign-off lines and a 合计 sentence under
the table, two-row headers whose sub-headers name a column only with their group title."""

from __future__ import annotations

import datetime as dt
from typing import Any

import layout_checks as L
import pytest
import real_layouts5 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import split_measures, strip_number
from ledger_tools.ledger.dates import YearSource, parse_deadline
from ledger_tools.ledger.normalise import _PERSON_HEADING, _month_of
from ledger_tools.ledger.sheets import _kind_name
from ledger_tools.ledger.status import normalise_status, suggest_status

_build, _rules, _messages, _reads = L.build, L.rules, L.messages, L.reads

BUILDERS = [
    R.university_functional_offices,
    R.hospital_departments,
    R.soe_lead_department,
    R.eco_staged_deadlines,
    R.numbered_measures_merged_problems,
    R.measures_numbered_other_ways,
    R.sheets_by_status,
    R.quarter_sheets,
    R.sign_off_lines_and_hidden_column,
    R.total_sentence_under_table,
    R.democratic_life_checklist,
    R.safety_closed_loop,
    R.status_words_round5,
    R.audit_combined_headers,
    R.finish_written_as_words,
    R.short_sub_headers,
    R.problem_and_measure_numbers,
    R.parts_as_sections,
    R.yes_no_with_remarks,
    R.span_deadlines_and_rates,
    R.college_with_home_offices,
    R.checkbox_answers,
    R.deadlines_put_back,
    R.hospital_safety_recheck,
    R.college_feedback_and_audit,
    R.members_as_sections,
    R.wide_cells_and_two_numbers,
    R.deadline_and_done_on,
    R.time_and_explanation,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); 审计, 督察, 检视 and 隐患 lists have no 方面, a 民主生活会
# list no 责任部门, a 企业 hazard ledger no 责任领导; the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "university_functional_offices": {"unused-column": ["整改台账!F3"]},  # 配合单位
    "hospital_departments": {
        _UNDATED: ["Sheet1!2行"],
        "overdue-no-reason": ["Sheet1!H8"],  # 固定资产: 2025年6月30日, 未完成
        "overdue-red": ["Sheet1!H8"],
    },
    "soe_lead_department": {
        "unused-column": ["巡视整改台账!G1"],  # 整改配合部门
        "assumed-year": ["巡视整改台账!H4"],  # 6月底前
    },
    "eco_staged_deadlines": {
        _UNDATED: ["督察整改!2行"],
        "missing-column": ["督察整改!2行"],  # 方面
        "unused-column": ["督察整改!G2"],  # 督导单位
    },
    "numbered_measures_merged_problems": {_UNDATED: ["整改台账!1行"]},
    "measures_numbered_other_ways": {_UNDATED: ["Sheet1!1行"]},
    "sheets_by_status": {
        _UNDATED: ["已完成整改事项!1行"],
        "missing-column": ["已完成整改事项!1行"],  # 方面: the sheet names are statuses
    },
    "quarter_sheets": {
        _UNDATED: ["'2025年二季度'!1行"],
        "other-ledger-sheet": ["'2025年一季度'!1行"],  # the earlier quarter: said, not counted
    },
    "sign_off_lines_and_hidden_column": {
        _UNDATED: ["整改台账!3行"],
        "hidden-columns": ["整改台账!H"],
        "unused-column": ["整改台账!H3"],  # 上月整改状态, hidden
    },
    "total_sentence_under_table": {_UNDATED: ["整改台账!1行"]},
    "democratic_life_checklist": {
        _UNDATED: ["整改清单!2行"],
        "missing-column": ["整改清单!2行"],  # 责任部门
    },
    "safety_closed_loop": {
        "missing-column": ["隐患整改台账!1行", "隐患整改台账!1行"],  # 方面, 责任领导
        "due-green": ["隐患整改台账!I4"],  # 2025年7月31日, 未闭环
        # 检查日期, 隐患部位, 隐患等级
        "unused-column": ["隐患整改台账!B1", "隐患整改台账!C1", "隐患整改台账!E1"],
    },
    "status_words_round5": {
        # 已完成（未销号）: 基本完成, past its 2025年6月30日 and not 办结
        "overdue-no-reason": ["整改台账!G5"],
        "overdue-red": ["整改台账!G5"],
        "open-with-finish-date": ["整改台账!I5"],
    },
    "audit_combined_headers": {
        _UNDATED: ["审计整改台账!1行"],
        "missing-column": ["审计整改台账!1行"],  # 方面
    },
    "finish_written_as_words": {
        "bad-finish-date": ["整改台账!I3"],  # 已于6月完成: no year, no day — asked
        "assumed-year": ["整改台账!G3"],  # 6月底前
    },
    "short_sub_headers": {},
    "problem_and_measure_numbers": {
        _UNDATED: ["检视问题清单!1行"],
        "missing-column": ["检视问题清单!1行"],  # 方面
        "unused-column": ["检视问题清单!C1"],  # 措施序号
    },
    "parts_as_sections": {_UNDATED: ["整改台账!1行"]},
    "yes_no_with_remarks": {},
    "span_deadlines_and_rates": {"unused-column": ["整改台账!I1"]},  # 完成率 beside the status
    "college_with_home_offices": {_UNDATED: ["整改台账!1行"]},
    "checkbox_answers": {},
    "deadlines_put_back": {_UNDATED: ["整改台账!1行"]},  # put back to 9月30日: not overdue
    "hospital_safety_recheck": {
        _UNDATED: ["安全检查整改!2行"],
        "missing-column": ["安全检查整改!2行"],  # 方面
        "overdue-no-reason": ["安全检查整改!G4"],  # 待复查 past 2025年7月10日: not yet 办结
        "overdue-red": ["安全检查整改!G4"],
        "due-green": ["安全检查整改!G5"],
        "unused-column": ["安全检查整改!I2"],  # 监督责任单位
    },
    "college_feedback_and_audit": {
        _UNDATED: ["巡视整改!1行"],
        "other-ledger-sheet": ["审计整改!1行"],  # another layout: said, not joined
    },
    "members_as_sections": {
        _UNDATED: ["Sheet1!1行"],
        "missing-column": ["Sheet1!1行", "Sheet1!1行"],  # 责任领导, 责任部门
    },
    # the measure's 序号 under the merged 序号: said as a note; the wide 整改措施: nothing
    "wide_cells_and_two_numbers": {"unused-column": ["整改台账!B1"]},
    "deadline_and_done_on": {},
    "time_and_explanation": {_UNDATED: ["Sheet1!1行"]},
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "university_functional_offices": "25%",
    "hospital_departments": "25%",
    "soe_lead_department": "50%",
    "eco_staged_deadlines": "33.3%",
    "numbered_measures_merged_problems": "33.3%",
    "measures_numbered_other_ways": "66.7%",
    "sheets_by_status": "66.7%",
    "quarter_sheets": "50%",
    "sign_off_lines_and_hidden_column": "33.3%",
    "total_sentence_under_table": "50%",
    "democratic_life_checklist": "66.7%",
    "safety_closed_loop": "66.7%",
    "status_words_round5": "60%",
    "audit_combined_headers": "50%",
    "finish_written_as_words": "100%",
    "short_sub_headers": "50%",
    "problem_and_measure_numbers": "0%",
    "parts_as_sections": "33.3%",
    "yes_no_with_remarks": "33.3%",
    "span_deadlines_and_rates": "33.3%",
    "college_with_home_offices": "33.3%",
    "checkbox_answers": "50%",
    "deadlines_put_back": "33.3%",
    "hospital_safety_recheck": "33.3%",
    "college_feedback_and_audit": "33.3%",
    "members_as_sections": "33.3%",
    "wide_cells_and_two_numbers": "50%",
    "deadline_and_done_on": "66.7%",
    "time_and_explanation": "50%",
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


test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)


XLS = [R.sheets_by_status, R.quarter_sheets, R.short_sub_headers, R.total_sentence_under_table]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


# ---------------------------------------------------------------------------------------------
# Headers.


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("牵头职能部门", "牵头部门", None),
        ("整改牵头部门", "牵头部门", None),
        ("责任职能部门", "责任部门", None),
        ("归口部门", "责任部门", None),
        ("责任学院", "责任部门", None),
        ("整改主体", "责任部门", None),
        ("责任人及联系电话", "责任人", None),
        ("科室负责人", "责任人", None),
        ("整改目标及措施", "整改措施", None),
        ("整改要求及措施", "整改措施", None),
        ("完成标准", "整改目标", None),
        ("审计建议", "整改目标", None),
        ("佐证材料目录", "佐证材料", None),
        ("佐证材料名称", "佐证材料", None),
        ("对照检查问题", "问题", None),
        ("巡视反馈意见", "问题", None),
        ("是否闭环", "整改状态", None),
        ("整改情况说明", "整改进展及成效", None),
        ("闭环时间", "完成时间", None),
        ("整改配合部门", None, "配合部门"),
        ("督导单位", None, "督导单位"),
        ("监督责任单位", None, "督导单位"),
        ("措施序号", None, "措施序号"),
        ("措施编号", None, "措施序号"),  # not a second 序号 (…编号 is one otherwise)
    ],
)
def test_headers_of_this_round(header, column, unused):
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)


def test_sub_headers_named_with_their_group_title(tmp_path):
    # 责任 over 领导 | 部门 | 人员: each is the column the group title and it name together
    path, _ = _build(tmp_path, R.short_sub_headers)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [1, 2]
    reads = _reads(report)
    assert [(reads[c]["header"], reads[c]["read_as"]) for c in "EFG"] == [
        ("责任（领导）", "责任领导"),
        ("责任（部门）", "责任部门"),
        ("责任（人员）", "责任人"),
    ]
    assert "“领导”在“责任（领导）”中" == reads["E"]["detail"]


# ---------------------------------------------------------------------------------------------
# Rows.


def test_measures_numbered_per_row_under_merged_problems(tmp_path):
    # 序号 1 … 5 numbers the measures; the merged 问题 cells are the problems
    path, _ = _build(tmp_path, R.numbered_measures_merged_problems)
    stats = _run("stats", str(path))
    assert [(a["方面"], a["问题数"], a["措施数"]) for a in stats["按方面"]] == [
        ("政治建设方面", 2, 3),
        ("作风建设方面", 1, 2),
    ]


def test_a_cell_two_columns_wide_is_one_column(tmp_path):
    path, _ = _build(tmp_path, R.wide_cells_and_two_numbers)
    report = _run("check", str(path))
    reads = _reads(report)
    assert reads["F"]["read_as"] is None
    assert reads["F"]["detail"] == "与 E 列是同一个跨列合并的单元格"
    assert "duplicate-column" not in _rules(report)
    [said] = _messages(report, "unused-column")
    assert "在合并的“序号”下，是各条措施的序号，问题按 A 列的序号区分" in said


def test_sign_off_and_notes_under_the_table_are_footers(tmp_path):
    # a 说明 block merged across the table is notes, not 分组标题 (nor measures)
    path, _ = _build(tmp_path, R.sign_off_lines_and_hidden_column)
    layout = _run("check", str(path))["layout"]
    assert [f["row"] for f in layout["footer_rows"]] == [8, 9, 10, 11]
    assert not layout.get("group_rows")


def test_a_total_sentence_is_a_total_row(tmp_path):
    path, _ = _build(tmp_path, R.total_sentence_under_table)
    layout = _run("check", str(path))["layout"]
    assert [(f["row"], f["text"][:3]) for f in layout["footer_rows"]] == [(8, "合计：")]
    assert not layout["notes"]  # not an unexplained heading


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "第一，按月公开村级财务；第二，建立财务公开台账",
            ["按月公开村级财务", "建立财务公开台账"],
        ),
        ("第一：建立制度\n第二：开展培训\n第三：督查", ["建立制度", "开展培训", "督查"]),
        ("配备第一书记，开展第一季度检查", ["配备第一书记，开展第一季度检查"]),
        ("第一，建立制度", ["第一，建立制度"]),  # one alone numbers nothing
        ("1）推行便民服务代办制\n2）公开办事流程", ["推行便民服务代办制", "公开办事流程"]),
    ],
)
def test_measures_numbered_first_second(text, parts):
    assert split_measures(text) == parts


def test_a_measure_numbered_third_loses_its_number():
    assert strip_number("第三，开展培训") == "开展培训"
    assert strip_number("第一书记带头") == "第一书记带头"


# ---------------------------------------------------------------------------------------------
# Sheets.


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("已完成整改事项", "已完成"),
        ("正在整改事项", "正在推进"),
        ("未完成问题", "正在推进"),
        ("已销号问题清单", "已完成"),
        ("立行立改事项", "立行立改"),
        ("政治建设方面", None),
        ("第一巡察组", None),
        ("医政股", None),
        ("作风建设", None),
    ],
)
def test_sheet_names_that_say_a_status(name, kind):
    assert _kind_name(name) == kind


def test_sheets_per_status_are_no_aspects(tmp_path):
    path, _ = _build(tmp_path, R.sheets_by_status)
    report = _run("check", str(path))
    assert report["layout"]["sheets"] == ["已完成整改事项", "正在整改事项"]
    notes = " ".join(report["layout"]["notes"])
    assert "是按整改状态或整改时限分的表，表名不是方面" in notes
    assert "各表的表名即其中各行的方面" not in notes
    [missing] = _messages(report, "missing-column")
    assert "缺少必需的列“方面”" in missing


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("2025年一季度", (2025, 3)),
        ("2025年二季度", (2025, 6)),
        ("第三季度", (0, 9)),
        ("2025Q4", (2025, 12)),
        ("一季度整改台账", (0, 3)),
        ("6月", (0, 6)),
        ("第一巡察组", None),
    ],
)
def test_quarter_sheet_names(name, month):
    found = _month_of(name)
    assert (found[1:] if found else None) == month


def test_the_latest_quarter_is_read(tmp_path):
    path, _ = _build(tmp_path, R.quarter_sheets)
    report = _run("check", str(path))
    assert report["layout"]["sheet"] == "2025年二季度"
    [said] = _messages(report, "other-ledger-sheet")
    assert "台账按季度分表：本次读取的是最近一个季度的工作表“2025年二季度”" in said
    assert "请用 --sheet 指定要读取的季度" in said


def test_a_sheet_of_another_layout_is_read_alone_on_request(tmp_path):
    path, _ = _build(tmp_path, R.college_feedback_and_audit)
    report = _run("check", str(path), "--sheet", "审计整改")
    reads = {c["read_as"]: c["column"] for c in report["layout"]["columns"] if c["read_as"]}
    assert (reads["问题"], reads["整改目标"], reads["责任部门"]) == ("B", "C", "F")
    assert _run("stats", str(path), "--sheet", "审计整改")["问题数"] == 1


# ---------------------------------------------------------------------------------------------
# Words.

_YEAR = YearSource(dt.date(2025, 7, 15), "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("第一阶段：2025年6月底前；第二阶段：2025年12月底前", dt.date(2025, 12, 31)),
        ("近期：2025年6月；远期：2026年12月", dt.date(2026, 12, 31)),
        ("2025年10月31日前完成2处，2026年6月底前全部完成", dt.date(2026, 6, 30)),
        ("2025年6月30日\n（已延期至9月30日）", dt.date(2025, 9, 30)),
        ("2025年6月30日（经批准延期至2026年3月）", dt.date(2026, 3, 31)),
        ("2025年12月31日（调整为2025年10月31日）", dt.date(2025, 10, 31)),
        ("2025年6月30日（见附件）", dt.date(2025, 6, 30)),
        ("2025.6.30日", dt.date(2025, 6, 30)),
        ("2025年6月—12月", dt.date(2025, 12, 31)),
        ("2025.3-2025.10", dt.date(2025, 10, 31)),
        ("说明：见附件", None),
    ],
)
def test_deadlines_of_this_round(text, due):
    assert parse_deadline(text, year_from=_YEAR).due == due


def test_not_yet_due_is_asked_without_a_suggestion():
    # 未到期 says when it is due, not how far the work has got: no status is suggested
    assert suggest_status("未到期") is None
    assert suggest_status("未到整改时限") is None
    assert suggest_status("待整改") == "未启动"


def test_a_moved_deadline_says_so():
    found = parse_deadline("2025年6月30日（已延期至9月30日）", year_from=_YEAR)
    assert found.note == "原时限2025年6月30日已调整，按2025年9月30日计"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已完成整改任务", "已完成"),
        ("已全部整改到位", "已完成"),
        ("已按要求整改", "已完成"),
        ("已闭环", "已完成"),
        ("未闭环", "正在推进"),
        ("☑", "已完成"),
        ("复查通过", "已完成"),
        ("待复查", "基本完成"),
        ("正在验收", "基本完成"),
        ("已完成（未销号）", "基本完成"),  # as 已完成待销号
        ("已整改，未验收", "基本完成"),
        ("已完成，待复查", "基本完成"),
        ("未销号", "正在推进"),  # alone: the item is open
        ("正在推进，未销号", "正在推进"),
        ("达到序时进度", "正在推进"),
        ("未达到序时进度", "正在推进"),
        ("正在推进\n预计9月完成", "正在推进"),
        ("整改中，已完成60%", "正在推进"),
        ("基本完成，正在验收", "基本完成"),
        ("已完成，尚有2家未整改", None),  # a part that is no status: asked
        ("已完成✓", "已完成"),
        ("未到期", None),  # not due yet: under way or not started? asked
    ],
)
def test_status_words_of_this_round(text, status):
    assert normalise_status(text) == status


def test_sections_naming_members_are_said(tmp_path):
    # each 班子成员's own list under his name: read as the 方面, and said (he may be the
    # 责任领导 of the rows below: not guessed)
    path, _ = _build(tmp_path, R.members_as_sections)
    stats = _run("stats", str(path))
    assert [a["方面"] for a in stats["按方面"]] == [
        "党组书记、局长 张某某",
        "党组成员、副局长 李某某",
    ]
    notes = _run("check", str(path))["layout"]["notes"]
    [said] = [n for n in notes if "班子成员" in n]
    assert "第 2 行“一、党组书记、局长 张某某”、第 5 行“二、党组成员、副局长 李某某”" in said
    assert "请增加一列“责任领导”" in said


@pytest.mark.parametrize(
    ("title", "person"),
    [
        ("党组书记、局长 张某某", True),
        ("张某某同志", True),
        ("张某某（党组成员、副局长）", True),
        ("关于书记带头问题", False),
        ("党委书记抓基层党建", False),
        ("政治建设", False),
    ],
)
def test_headings_that_name_a_person(title, person):
    assert bool(_PERSON_HEADING.search(title)) is person


def test_checkbox_left_empty_is_not_done(tmp_path):
    path, _ = _build(tmp_path, R.checkbox_answers)
    ledger = _run("stats", str(path))
    assert (ledger["措施状态"]["已完成"], ledger["措施状态"]["正在推进"]) == (1, 1)
