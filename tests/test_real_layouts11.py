"""The eleventh round of ledgers laid out as real organisations send them (``real_layouts11``),
run through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: 粮食购销 专项整治 with 追回资金, 统计督察, 生态环保督察 达到序时进度, 巡视反馈 numbered
"一、（一）1.", 国企 问责人数, a 高校 two-row header, 医院 headers with footnote marks, 组织生活会
per 党支部, stages in columns (第一阶段 | 第二阶段), 序号 "1-1", 应追回 beside 已追回, 顽瘴痼疾,
a status box ticked among all of them, 填报说明 under the table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import layout_checks as L
import openpyxl
import pytest
import real_layouts11 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.status import normalise_status, suggest_status

_messages, _reads = L.messages, L.reads
_TODAY = dt.date(2025, 9, 15)

BUILDERS = [
    R.grain_depots_recovered,
    R.statistics_status_opens_the_text,
    R.eco_sequential_progress,
    R.inspection_report_numbering,
    R.soe_accountability_counts,
    R.college_progress_group,
    R.hospital_footnote_marks,
    R.street_branches_life_meeting,
    R.township_two_stages,
    R.dash_serials_repeated_problem,
    R.audit_due_and_recovered,
    R.judicial_stubborn_ills,
    R.theme_sources_and_kinds,
    R.wps_spacer_and_signers,
    R.secrecy_spaced_brackets,
    R.ticked_box_among_all,
    R.soe_rate_fraction,
    R.hospital_progress_text,
    R.stage_status_columns,
    R.dotted_serials_quarters,
    R.stage_goals_and_deadlines,
    R.yes_no_with_reason_group,
    R.word_paste_progress_rows,
    R.hospital_pdca_words,
    R.community_status_words,
    R.colour_with_status_in_brackets,
    R.lead_and_assisting_units,
    R.street_on_the_spot_deadlines,
    R.soe_a_and_b_roles,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "grain_depots_recovered": {
        _UNDATED: ["专项整治台账!2行"],
        "missing-column": ["专项整治台账!2行"],  # 责任领导
        "unused-column": ["专项整治台账!C2", "专项整治台账!E2"],  # 库点名称, 涉及金额
    },
    "statistics_status_opens_the_text": {
        _UNDATED: ["统计督察!1行"],
        "missing-column": ["统计督察!1行"],  # 方面
        "unused-column": ["统计督察!G1"],  # 配合单位
    },
    "eco_sequential_progress": {
        _UNDATED: ["督察反馈问题!2行"],
        "missing-column": ["督察反馈问题!2行"],  # 方面
        "overdue-no-reason": ["督察反馈问题!G5"],  # 2025年8月31日, 滞后序时进度
        "overdue-red": ["督察反馈问题!G5"],
        "marked-lagging": ["督察反馈问题!I5"],  # 滞后序时进度 (round 13)
    },
    "inspection_report_numbering": {_UNDATED: ["巡视整改台账!1行"]},
    "soe_accountability_counts": {_UNDATED: ["巡视整改!1行"]},
    "college_progress_group": {"unused-column": ["整改台账!H1"]},  # 进度（%） beside 状态
    # 问题描述※, 责任科室②, 整改时限①, 整改状态③: read by their names
    "hospital_footnote_marks": {_UNDATED: ["巡查整改!1行"]},
    "street_branches_life_meeting": {
        _UNDATED: ["查摆问题清单!1行"],
        # 方面, 责任领导, 责任部门 (the 支部 is the 单位; its 书记 the 责任人)
        "missing-column": ["查摆问题清单!1行", "查摆问题清单!1行", "查摆问题清单!1行"],
    },
    "township_two_stages": {
        _UNDATED: ["整改台账!1行"],
        "overdue-no-reason": ["整改台账!H5"],  # 第二阶段 2025年9月10日
        "overdue-red": ["整改台账!H5"],
        "unused-column": ["整改台账!G1"],  # 第一阶段: kept
    },
    "dash_serials_repeated_problem": {
        _UNDATED: ["整改台账!1行"],
        "due-green": ["整改台账!G4"],
    },
    "audit_due_and_recovered": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行", "审计整改!1行"],  # 方面, 责任领导
        # 问题金额, 整改类型, 应追回资金
        "unused-column": ["审计整改!C1", "审计整改!H1", "审计整改!I1"],
    },
    "judicial_stubborn_ills": {_UNDATED: ["顽瘴痼疾整治!1行"]},
    "theme_sources_and_kinds": {
        _UNDATED: ["检视整改清单!1行"],
        "unused-column": ["检视整改清单!C1", "检视整改清单!F1"],  # 问题来源, 整改类型
    },
    # the blank spacer column E says nothing; 填报说明 and 填表人 rows are the footer
    "wps_spacer_and_signers": {_UNDATED: ["Sheet1!2行"]},
    "secrecy_spaced_brackets": {
        _UNDATED: ["保密自查!1行"],
        "missing-column": ["保密自查!1行", "保密自查!1行"],  # 责任领导, 责任部门
    },
    "ticked_box_among_all": {_UNDATED: ["整改台账!1行"]},
    "soe_rate_fraction": {
        _UNDATED: ["审计整改台账!1行"],
        "missing-column": ["审计整改台账!1行"],  # 责任领导
    },
    "hospital_progress_text": {
        _UNDATED: ["自查整改!1行"],
        "missing-column": ["自查整改!1行", "自查整改!1行"],  # 方面, 责任领导
    },
    "stage_status_columns": {
        _UNDATED: ["整改台账!1行"],
        "unused-column": ["整改台账!H1"],  # 第一阶段完成情况: kept
    },
    "dotted_serials_quarters": {_UNDATED: ["班子查摆问题!1行"]},
    "stage_goals_and_deadlines": {
        _UNDATED: ["整改台账!1行"],
        "due-green": ["整改台账!J4"],  # 第二阶段时限 2025年9月30日
        # 第一阶段目标, 第一阶段时限 (kept), 第二阶段目标
        "unused-column": ["整改台账!G1", "整改台账!H1", "整改台账!I1"],
    },
    # 未完成原因 is the 延期说明: the overdue row 4 has one
    "yes_no_with_reason_group": {"overdue-red": ["整改台账!G4"]},
    # row 3 only carries on row 2's progress: joined, no measure of its own
    "word_paste_progress_rows": {_UNDATED: ["整改台账!1行"]},
    "hospital_pdca_words": {_UNDATED: ["评审整改!1行"]},
    "community_status_words": {_UNDATED: ["整改台账!1行"]},
    "colour_with_status_in_brackets": {_UNDATED: ["整改台账!1行"]},
    "lead_and_assisting_units": {
        _UNDATED: ["整改台账!1行"],
        "unused-column": ["整改台账!G1"],  # 责任单位（配合）
    },
    # 即时整改, 随时整改: 立行立改; 常态化: 长期坚持 (nothing due)
    "street_on_the_spot_deadlines": {_UNDATED: ["整改台账!1行"]},
    "soe_a_and_b_roles": {
        _UNDATED: ["整改台账!1行"],
        "unused-column": ["整改台账!H1"],  # 责任人（B角）: kept (before: duplicate-column)
    },
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "grain_depots_recovered": "33.3%",
    "statistics_status_opens_the_text": "33.3%",
    "eco_sequential_progress": "25%",  # 达到序时进度 / 滞后序时进度: under way
    "inspection_report_numbering": "33.3%",  # (（一） of 一、: one of its two measures done)
    "soe_accountability_counts": "66.7%",
    "college_progress_group": "33.3%",
    "hospital_footnote_marks": "33.3%",
    "street_branches_life_meeting": "50%",
    "township_two_stages": "33.3%",
    "dash_serials_repeated_problem": "66.7%",  # 1-1 已完成 and 1-2 长期坚持: closed
    "audit_due_and_recovered": "33.3%",  # 部分整改: under way
    "judicial_stubborn_ills": "33.3%",
    "theme_sources_and_kinds": "66.7%",
    "wps_spacer_and_signers": "33.3%",
    "secrecy_spaced_brackets": "66.7%",
    "ticked_box_among_all": "33.3%",
    "soe_rate_fraction": "33.3%",
    "hospital_progress_text": "33.3%",
    "stage_status_columns": "33.3%",  # (第一阶段已完成, 第二阶段正在推进: under way)
    "dotted_serials_quarters": "50%",
    "stage_goals_and_deadlines": "33.3%",
    "yes_no_with_reason_group": "33.3%",
    "word_paste_progress_rows": "33.3%",
    "hospital_pdca_words": "50%",  # 已整改，持续改进: 长期坚持; 持续改进 alone: under way
    "community_status_words": "33.3%",
    "colour_with_status_in_brackets": "33.3%",
    "lead_and_assisting_units": "33.3%",
    "street_on_the_spot_deadlines": "100%",
    "soe_a_and_b_roles": "33.3%",
}

(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)
test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)

XLS = [
    R.township_two_stages,
    R.lead_and_assisting_units,
    R.stage_status_columns,
    R.ticked_box_among_all,
    R.hospital_footnote_marks,
]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


def _run(*args: str) -> dict[str, Any]:
    return L.run(R.TODAY, *args)


def _build(tmp_path: Path, builder: Any) -> tuple[Path, Any]:
    return L.build(tmp_path, builder)


def _rewrite(path: Path, cells: dict[str, Any]) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb.active[ref] = value
    wb.save(path)


# ---------------------------------------------------------------------------------------------
# Headers: footnote marks, money got back and money at issue, 被审计单位, 库点, 支部.


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("责任科室②", "责任部门", None),
        ("整改时限①", "整改时限", None),
        ("整改状态③", "整改状态", None),
        ("①整改措施", "整改措施", None),
        ("问题描述※①", "问题表现", None),
        ("整改时限¹", "整改时限", None),
        ("责任单位⑴", "责任部门", None),
        ("整改措施1", None, None),  # a digit typed after the name is no footnote mark
        ("已追回资金（元）", "清退资金", None),
        ("累计收回金额", "清退资金", None),
        ("实际退还款项", "清退资金", None),
        ("已挽回经济损失", "清退资金", None),
        ("应追回资金", None, "问题金额"),
        ("应清退款项", None, "问题金额"),
        ("未追回资金", None, "整改金额"),
        ("尚未退还金额", None, "整改金额"),
        ("库点名称", None, "涉及单位"),
        ("被审计单位", None, "被审计单位"),
        ("支部名称", "单位", None),
        ("第一阶段目标", None, "阶段节点"),
        ("第二阶段任务", None, "阶段节点"),
        ("评审章节", "方面", None),
        ("评审条款", "方面", None),
    ],
)
def test_headers_of_this_round(header: str, column: str | None, unused: str | None) -> None:
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)


def test_each_reading_is_said(tmp_path: Path) -> None:
    said = {}
    for builder, letter in (
        (R.hospital_footnote_marks, "F"),
        (R.audit_due_and_recovered, "F"),
        (R.audit_due_and_recovered, "J"),
        (R.street_branches_life_meeting, "B"),
        (R.township_two_stages, "G"),
        (R.township_two_stages, "H"),
        (R.stage_status_columns, "H"),
        (R.stage_status_columns, "I"),
        (R.stage_goals_and_deadlines, "J"),
        (R.hospital_pdca_words, "B"),
        (R.lead_and_assisting_units, "F"),
        (R.lead_and_assisting_units, "G"),
    ):
        path, _ = _build(tmp_path, builder)
        read = _reads(_run("check", str(path)))[letter]
        said[f"{builder.__name__}:{letter}"] = (read["header"], read["read_as"], read["how"])
    assert said == {
        "hospital_footnote_marks:F": ("责任科室②", "责任部门", "别名"),
        "audit_due_and_recovered:F": ("被审计单位", "责任部门", "按内容"),
        "audit_due_and_recovered:J": ("已追回资金（元）", "清退资金", "别名"),
        "street_branches_life_meeting:B": ("支部名称", "单位", "别名"),
        "township_two_stages:G": ("整改时限（第一阶段）", None, "未识别"),
        "township_two_stages:H": ("整改时限（第二阶段）", "整改时限", "按内容"),
        "stage_status_columns:H": ("第一阶段完成情况", None, "未识别"),
        "stage_status_columns:I": ("第二阶段完成情况", "整改状态", "按内容"),
        "stage_goals_and_deadlines:J": ("第二阶段时限", "整改时限", "按内容"),
        "hospital_pdca_words:B": ("评审章节", "方面", "别名"),
        "lead_and_assisting_units:F": ("责任单位（牵头）", "牵头部门", "别名"),
        "lead_and_assisting_units:G": ("责任单位（配合）", None, "未识别"),
    }


def test_audited_unit_beside_a_department_column_stays_unused(tmp_path: Path) -> None:
    # a 责任部门 column of its own: the 被审计单位 is kept and not read
    path, _ = _build(tmp_path, R.audit_due_and_recovered)
    _rewrite(
        path,
        {"L1": "责任部门", "L2": "文旅局办公室", "L3": "农业农村局计财科", "L4": "教育局财务科"},
    )
    reads = _reads(_run("check", str(path)))
    assert (reads["F"]["read_as"], reads["L"]["read_as"]) == (None, "责任部门")
    assert reads["F"]["detail"] == "常见的“被审计单位”列，本工具不使用"


def test_branches_counted_as_units(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.street_branches_life_meeting)
    rows = _run("stats", str(path), "--by", "单位")["按单位"]
    assert [(r["单位"], r["问题数"], r["办结数"]) for r in rows] == [
        ("第一社区党支部", 2, 1),
        ("第二社区党支部", 2, 1),
    ]


# ---------------------------------------------------------------------------------------------
# A status box ticked among all of them.


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("☑已完成 □推进中 □未启动", "已完成"),
        ("□已完成 ☑推进中 □未启动", "正在推进"),
        ("□已完成 □推进中 ■未启动", "未启动"),
        ("☒已完成 ☐正在推进 ☐未启动", "已完成"),  # Word's check box: ☒ ticked
        ("√已完成 □正在推进 □未启动", "已完成"),
        ("☑已完成/□正在推进/□未启动", "已完成"),
        ("已完成■ 正在推进□ 未启动□", "已完成"),  # the box after the word
        ("●已完成 ○正在推进 ○未启动", "已完成"),
        ("□已完成 □推进中 □未启动", None),  # none ticked: asked
        ("☑已完成 ☑推进中 □未启动", None),  # two ticked: asked
        ("●", None),  # one symbol alone: a legend's business, as before
        ("√已完成", "已完成"),
    ],
)
def test_ticked_box_among_all(text: str, status: str | None) -> None:
    assert normalise_status(text) == status


def test_no_box_ticked_is_asked_not_guessed(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.ticked_box_among_all)
    _rewrite(path, {"H3": "□已完成 □推进中 □未启动", "H4": "☑已完成 ☑推进中 □未启动"})
    report = _run("check", str(path))
    assert L.rules(report)["unknown-status"] == ["整改台账!H3", "整改台账!H4"]
    assert suggest_status("□已完成 □推进中 □未启动") is None
    first, second = _messages(report, "unknown-status")
    assert first.startswith(
        "整改状态“□已完成 □推进中 □未启动”不是规定的值。格中列出了全部状态，但没有勾选任何一项，"
        "本工具不推断；请只勾选一项（☑），或改写为整改状态。"
    )
    assert "格中列出了全部状态，勾选了2项，本工具不推断" in second


# ---------------------------------------------------------------------------------------------
# Stages kept in columns.


def test_each_row_stands_at_its_latest_stage(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.stage_status_columns)
    ledger = load_ledger(path, today=_TODAY)
    # 已完成 | 已完成; 已完成 | 正在推进; 正在推进 | (blank)
    assert [m.status for m in ledger.measures] == ["已完成", "正在推进", "正在推进"]
    assert [
        n["message"] for n in _run("check", str(path))["findings"] if n["cell"] == "整改台账!H1"
    ] == [
        "H 列是“整改状态”分阶段填写中较早的阶段：每行按最近填写的阶段读取（I 列没有填写的行取前面"
        "最近的一个阶段），已原样保留，不需要修改。"
    ]


def test_the_last_stage_is_the_deadline(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.stage_goals_and_deadlines)
    ledger = load_ledger(path, today=_TODAY)
    due = [m.deadline.due if m.deadline else None for m in ledger.measures]
    # (row 3 has one stage only: its 第一阶段时限)
    assert due == [dt.date(2025, 12, 31), dt.date(2025, 7, 31), dt.date(2025, 9, 30)]
    path, _ = _build(tmp_path, R.township_two_stages)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [1, 2]  # 第一阶段 | 第二阶段: a header row
    assert report["layout"]["notes"] == []  # (before: "第 2 行重复了表头")
    ledger = load_ledger(path, today=_TODAY)
    due = [m.deadline.due for m in ledger.measures if m.deadline]
    assert due == [dt.date(2025, 8, 31), dt.date(2025, 12, 31), dt.date(2025, 9, 10)]


def test_stages_beside_a_status_column_are_kept(tmp_path: Path) -> None:
    # a 整改状态 column of its own: it says where the row stands, the stages are not read
    path, _ = _build(tmp_path, R.stage_status_columns)
    _rewrite(path, {"J1": "整改状态", "J2": "已完成", "J3": "已完成", "J4": "已完成"})
    ledger = load_ledger(path, today=_TODAY)
    assert [m.status for m in ledger.measures] == ["已完成", "已完成", "已完成"]
    assert _reads(_run("check", str(path)))["J"]["read_as"] == "整改状态"


# ---------------------------------------------------------------------------------------------
# The feedback report's own numbers, the notes under the table.


def test_problem_titles_without_their_numbers(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.inspection_report_numbering)
    ledger = load_ledger(path, today=_TODAY)
    assert [p.title for p in ledger.problems] == [
        "学习贯彻党的创新理论不够深入系统",
        "推动重点任务落地见效有差距",
        "落实“两个责任”有温差",
    ]
    assert [a.title for a in ledger.aspects] == ["贯彻落实党中央决策部署方面", "全面从严治党方面"]
    report = L.document_text(R.TODAY, tmp_path, "report", path)
    assert "问题1：学习贯彻党的创新理论不够深入系统" in report
    assert "问题3：落实“两个责任”有温差" in report
    assert "一是修订党组理论学习中心组学习规则。二是开展处级干部轮训。" in report


def test_filling_notes_under_the_table_are_the_footer(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.wps_spacer_and_signers)
    layout = _run("check", str(path))["layout"]
    assert layout["footer_rows"] == [
        {"row": 7, "text": "填报说明：整改进度填写已完成、推进中、未启动。"},
        {"row": 8, "text": "填表人：王某某"},
    ]
    assert layout["group_rows"] == [] and layout["notes"] == []


# ---------------------------------------------------------------------------------------------
# Status words of this round.


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("绿色（已完成）", "已完成"),
        ("黄色（推进中）", "正在推进"),
        ("红灯(未启动)", "未启动"),
        ("绿色", None),  # a colour alone: only a legend says what it means
        ("绿色（见附件）", None),
        ("持续改进", "正在推进"),  # (as 持续推进)
        ("已整改，持续改进", "长期坚持"),  # (as 已完成，持续推进)
        ("已整改并持续改进", "长期坚持"),
        ("已落实", "已完成"),
        ("待启动", "未启动"),
    ],
)
def test_status_words_of_this_round(text: str, status: str | None) -> None:
    assert normalise_status(text) == status


# ---------------------------------------------------------------------------------------------
# A measure whose progress ran on over rows (a table pasted from Word).


def test_progress_rows_of_one_measure_joined(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.word_paste_progress_rows)
    ledger = load_ledger(path, today=_TODAY)
    assert [m.get("整改进展及成效") for m in ledger.measures][0] == (
        "已制定年度督查检查考核计划。\n压减事项12项，压减比例40%。"
    )
    assert _run("check", str(path))["layout"]["notes"] == [
        "第 3 行是第 2 行措施的续行（整改措施单元格跨这几行合并，只有 H 列“整改进展”分成了几行，"
        "多见于从 Word 粘贴的表格），已并入第 2 行。"
    ]
    report = L.document_text(R.TODAY, tmp_path, "report", path)
    assert "精简督查检查考核事项。已制定年度督查检查考核计划。压减事项12项，压减比例40%。" in report


def test_rows_of_a_merged_measure_with_their_own_status_stay_measures(tmp_path: Path) -> None:
    # the status not merged and row 3 with its own: two rows of one measure text, each counted
    path, _ = _build(tmp_path, R.word_paste_progress_rows)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.unmerge_cells("I2:I3")
    ws["I3"] = "正在推进"
    wb.save(path)
    stats = _run("stats", str(path))
    assert (stats["措施数"], stats["措施状态"]["已完成"], stats["措施状态"]["正在推进"]) == (
        4,
        1,
        2,
    )
    assert _run("check", str(path))["layout"]["notes"] == []


# ---------------------------------------------------------------------------------------------
# 责任单位 over 牵头 | 配合; deadlines fixed on the spot.


def test_lead_and_assisting_under_one_title(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.lead_and_assisting_units)
    layout = _run("check", str(path))["layout"]
    assert (layout["header_rows"], layout["notes"]) == ([1, 2], [])  # (before: a repeated header)
    # the same under 整改责任部门 over 主责 | 协办
    _rewrite(path, {"F1": "整改责任部门", "F2": "主责", "G2": "协办"})
    reads = _reads(_run("check", str(path)))
    assert (reads["F"]["read_as"], reads["G"]["read_as"]) == ("责任部门", None)
    assert reads["G"]["detail"] == "常见的“配合部门”列，本工具不使用"


@pytest.mark.parametrize("text", ["随时整改", "随查随改", "即时整改"])
def test_on_the_spot_is_immediate(text: str) -> None:
    from ledger_tools.ledger.dates import parse_deadline

    assert parse_deadline(text).kind == "immediate"


# ---------------------------------------------------------------------------------------------
# A角 and B角.


@pytest.mark.parametrize(
    ("header", "backup"),
    [
        ("责任人（B角）", True),
        ("责任人(B 角)", True),
        ("联系人（B岗）", True),
        ("责任人B角", True),
        ("责任人（A角）", False),
        ("整改措施（B）", False),
        ("B角", False),
    ],
)
def test_backup_headers(header: str, backup: bool) -> None:
    assert C.names_backup(header) is backup


def test_the_b_role_is_kept_and_said(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.soe_a_and_b_roles)
    report = _run("check", str(path))
    read = _reads(report)["H"]
    assert (read["read_as"], read["detail"]) == (None, "B角（备岗人员），本工具不使用")
    assert _messages(report, "unused-column") == [
        "列“责任人（B角）”是 B角（备岗人员），校验、统计和文稿都按 A角读取，这一列已原样保留，"
        "不需要修改。"
    ]
    # the B角 first: the A角 is still the 责任人
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.move_range("G1:G4", cols=10)
    ws.move_range("H1:H4", cols=-1)
    ws.move_range("Q1:Q4", cols=-9)
    wb.save(path)
    reads = _reads(_run("check", str(path)))
    assert (reads["G"]["header"], reads["G"]["read_as"]) == ("责任人（B角）", None)
    assert (reads["H"]["header"], reads["H"]["read_as"]) == ("责任人（A角）", "责任人")
