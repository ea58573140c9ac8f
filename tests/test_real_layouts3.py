"""The third round of ledgers laid out as real organisations send them (``real_layouts3``), run
through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: every count and status as the clerk meant it, every column read as what it is, every
finding on the right cell, and where the ledger cannot be read as meant, a word saying so."""

from __future__ import annotations

import datetime as dt
from typing import Any

import docx
import layout_checks as L
import pytest
import real_layouts3 as R
from click.testing import CliRunner

from ledger_tools.cli import cli
from ledger_tools.ledger import colours
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import YearSource, parse_deadline
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.status import normalise_status

_build, _rules, _messages, _reads = L.build, L.rules, L.messages, L.reads

BUILDERS = [
    R.provincial_three_levels,
    R.audit_monthly_no_status,
    R.patrol_progress_as_of_month,
    R.theme_tick_per_status,
    R.democratic_life_meeting,
    R.lookback_ledger,
    R.ideology_notes_under,
    R.party_assessment,
    R.fire_hazards,
    R.food_safety,
    R.education_supervision,
    R.medical_insurance_fund,
    R.asset_check_hidden_helper,
    R.statistics_sheet_per_aspect,
    R.business_environment,
    R.petition_backlog,
    R.hotline_work_orders,
    R.sheet_per_month,
    R.eco_colour_with_legend,
    R.colour_without_legend,
    R.status_in_remarks,
    R.merged_problem_dotted_numbers,
    R.ticks_in_one_header_row,
    R.progress_group_over_months,
    R.combined_responsibility_headers,
    R.numbered_cells_side_by_side,
    R.month_sheets_across_new_year,
    R.section_rows_with_counts,
    R.inspection_office_form,
    R.theme_colours_legend_above,
    R.yes_no_ticked,
    R.units_row_under_header,
    R.attachment_chinese_column_numbers,
    R.placeholders_in_cells,
]

# Every finding of each ledger, rule -> cells, checked by hand: each is a real issue of that
# ledger (most of these units keep no 完成时间 column, 12345 work orders have no measures and
# no 责任领导), none is missing, and no column the clerk keeps on purpose is called unknown.
FINDINGS: dict[str, dict[str, list[str]]] = {
    "provincial_three_levels": {
        "finished-without-date": ["整改台账!2行"],
        "unused-column": ["整改台账!F2"],
    },
    "audit_monthly_no_status": {
        "finished-without-date": ["审计整改!2行"],
        "missing-column": ["审计整改!2行"],  # 责任领导
        "unused-column": ["审计整改!H2", "审计整改!I2", "审计整改!J2"],  # earlier months
    },
    "patrol_progress_as_of_month": {
        "finished-without-date": ["整改台账!1行"],
        "unused-column": ["整改台账!I1", "整改台账!J1"],
    },
    "theme_tick_per_status": {"finished-without-date": ["检视问题清单!2行"]},
    "democratic_life_meeting": {
        "finished-without-date": ["查摆问题清单!3行"],
        "overdue-no-reason": ["查摆问题清单!G6"],  # 部分整改, 2024年6月底前
        "overdue-red": ["查摆问题清单!G6"],
    },
    "lookback_ledger": {
        "finished-without-date": ["回头看台账!1行"],
        "unused-column": ["回头看台账!C1", "回头看台账!D1"],  # 原反馈问题, 原整改情况
    },
    "ideology_notes_under": {
        "finished-without-date": ["Sheet1!3行"],
        "missing-column": ["Sheet1!3行"],  # 方面
        "immediate-undated": ["Sheet1!G6"],
    },
    "party_assessment": {
        "finished-without-date": ["考核反馈整改!1行"],
        "unused-column": ["考核反馈整改!C1", "考核反馈整改!J1"],  # 扣分, 整改完成率
    },
    "fire_hazards": {
        "finished-without-date": ["消防隐患台账!2行"],
        "missing-column": ["消防隐患台账!2行", "消防隐患台账!2行"],  # 方面, 责任领导
        "unused-column": ["消防隐患台账!B2", "消防隐患台账!I2"],  # 隐患部位, 复查情况
        "immediate-undated": ["消防隐患台账!G6"],
    },
    "food_safety": {
        "finished-without-date": ["整改台账!1行"],
        "missing-column": ["整改台账!1行"],  # 责任领导
        "due-green": ["整改台账!I4"],
        "unused-column": ["整改台账!B1", "整改台账!C1", "整改台账!H1"],
    },
    "education_supervision": {
        "finished-without-date": ["督导整改!2行"],
        "bad-deadline": ["督导整改!G5"],  # 2024年秋季开学前: no day to count
    },
    "medical_insurance_fund": {
        "finished-without-date": ["医保基金整改!2行"],
        "unused-column": ["医保基金整改!H2", "医保基金整改!I2"],  # 违规金额, 应退回金额
    },
    "asset_check_hidden_helper": {
        "missing-column": ["资产清查整改!1行"],
        "unused-column": ["资产清查整改!I1"],  # the hidden helper column: a note
        "hidden-columns": ["资产清查整改!I"],
    },
    "statistics_sheet_per_aspect": {"finished-without-date": ["数据质量方面!1行"]},
    "business_environment": {
        "finished-without-date": ["营商环境问题台账!1行"],
        "bad-deadline": ["营商环境问题台账!H4"],  # 5个工作日
        "unused-column": ["营商环境问题台账!B1", "营商环境问题台账!K1"],
    },
    "petition_backlog": {
        "finished-without-date": ["积案化解台账!1行"],
        "unused-column": ["积案化解台账!B1", "积案化解台账!C1"],
    },
    "hotline_work_orders": {
        "finished-without-date": ["工单台账!1行"],
        "missing-column": ["工单台账!1行", "工单台账!1行"],  # 整改措施, 责任领导
        "due-yellow": ["工单台账!G4", "工单台账!G5"],
        "unused-column": ["工单台账!B1"],  # 来电时间
    },
    "sheet_per_month": {
        "finished-without-date": ["'6月'!1行"],
        "other-ledger-sheet": ["'4月'!1行", "'5月'!1行"],
    },
    "eco_colour_with_legend": {"finished-without-date": ["整改台账!1行"]},
    "colour_without_legend": {"missing-column": ["整改台账!1行"]},
    "status_in_remarks": {
        "finished-without-date": ["整改台账!1行"],
        "overdue-no-reason": ["整改台账!G3"],  # 2024年6月, 正在推进
        "overdue-red": ["整改台账!G3"],
    },
    "merged_problem_dotted_numbers": {"unused-column": ["巡察整改台账!G1"]},
    "ticks_in_one_header_row": {"finished-without-date": ["问题清单!1行"]},
    "progress_group_over_months": {
        "finished-without-date": ["整改台账!1行"],
        "unused-column": ["整改台账!H1", "整改台账!I1"],  # 4月, 5月
    },
    "combined_responsibility_headers": {
        "finished-without-date": ["整改台账!1行"],
        "unused-column": ["整改台账!G1"],  # 配合单位及责任人
    },
    "numbered_cells_side_by_side": {
        "finished-without-date": ["整改台账!1行"],
        "unused-column": ["整改台账!I1"],  # 整改类型: not the 方面
    },
    "month_sheets_across_new_year": {
        "finished-without-date": ["'整改台账（2024年2月）'!1行"],
        "other-ledger-sheet": ["'整改台账（2023年12月）'!1行", "'整改台账（2024年1月）'!1行"],
    },
    "section_rows_with_counts": {},
    "inspection_office_form": {
        "finished-without-date": ["整改落实情况!1行"],
        # 整改期限类型, 下一步工作打算, 是否按期完成, 验收意见, 填报时间: kept, not used
        "unused-column": [f"整改落实情况!{c}1" for c in "EKLMN"],
    },
    "theme_colours_legend_above": {
        "finished-without-date": ["整改台账!3行"],
        "required-cell": ["整改台账!I8"],  # the row left without colour
    },
    "yes_no_ticked": {},
    "units_row_under_header": {"unused-column": ["整改台账!K1"]},  # 完成进度 beside the status
    "attachment_chinese_column_numbers": {},
    "placeholders_in_cells": {},  # "/" under 完成时间 and 清退资金 is no bad date or amount
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


def test_three_levels_of_numbering_in_the_number_column(tmp_path):
    # 一、 on the 方面 row, （一） on the problem row, 1. 2. on the measures
    path, _ = _build(tmp_path, R.provincial_three_levels)
    stats = _run("stats", str(path))
    assert [a["方面"] for a in stats["按方面"]] == [
        "贯彻落实党中央决策部署方面",
        "全面从严治党方面",
    ]
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    problems = {m.row: m.get("问题") for m in ledger.measures}
    assert problems == {
        5: "落实交通强国建设部署不够有力",
        6: "落实交通强国建设部署不够有力",
        8: "农村公路管护责任落实不到位",
        11: "工程建设领域廉政风险防控不严",
    }


def test_the_latest_month_written_is_the_progress(tmp_path):
    path, _ = _build(tmp_path, R.audit_monthly_no_status)
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    progress = {m.row: (m.status, m.get("整改进展及成效")) for m in ledger.measures}
    assert progress == {
        3: ("已完成", "全部部门预算已细化"),  # 6月 (7月 left blank: it was done)
        4: ("正在推进", "累计收回资金230万元"),  # 7月
        5: ("已完成", "台账已建立"),  # 5月
    }
    report = _run("check", str(path))
    [k] = [c for c in report["layout"]["columns"] if c["read_as"] == "整改进展及成效"]
    assert k["column"] == "K" and "H—K 列是逐月进展" in k["detail"]
    [april, *_] = _messages(report, "unused-column")
    assert "整改进展按每行最近填写的月份读取" in april
    # with a status column too (截至4月底进展 … 截至6月底进展)
    path, _ = _build(tmp_path, R.patrol_progress_as_of_month)
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    assert [m.get("整改进展及成效") for m in ledger.measures] == [
        "会议同比减少30%",
        "计划已报局党组审定",
        None,
    ]


def test_months_under_a_progress_group_title(tmp_path):
    # 整改进展情况 over 4月 | 5月 | 6月: the row of months is a header row, and the latest
    # month written is the progress (not the first column under the title)
    path, _ = _build(tmp_path, R.progress_group_over_months)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [1, 2]
    reads = _reads(report)
    assert (reads["J"]["read_as"], reads["J"]["header"]) == (
        "整改进展及成效",
        "整改进展情况（6月）",
    )
    assert reads["H"]["read_as"] is None and reads["H"]["header"] == "整改进展情况（4月）"
    assert "duplicate-column" not in _rules(report)
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    assert [m.get("整改进展及成效") for m in ledger.measures] == [
        "累计清收1500万元",
        "办法已印发",
        None,
    ]


def test_report_quotes_the_latest_month(tmp_path):
    path, _ = _build(tmp_path, R.audit_monthly_no_status)
    out = tmp_path / "报告.docx"
    args = ["report", str(path), "--as-of", R.TODAY, "--today", R.TODAY, "--force", "-o", str(out)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "整改措施及结果：清理收回结转两年以上资金。累计收回资金230" in text  # 7月
    assert "整改措施及结果：建立补贴发放台账。台账已建立。" in text  # 5月: done since
    assert "已下发通知" not in text and "已摸底" not in text  # earlier months are not quoted


def test_a_tick_under_the_status_it_has(tmp_path):
    path, _ = _build(tmp_path, R.theme_tick_per_status)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [2, 3]
    reads = _reads(report)
    assert (reads["H"]["read_as"], reads["H"]["header"]) == ("整改状态", "整改情况（已完成）")
    assert "打 √ 的那一列即该行的状态" in reads["H"]["detail"]
    assert reads["J"]["read_as"] is None and reads["J"]["header"] == "整改情况（未启动）"
    assert "重复了表头" not in " ".join(report["layout"]["notes"])


def test_yes_and_no_ticked_under_is_it_done(tmp_path):
    path, _ = _build(tmp_path, R.yes_no_ticked)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [1, 2]
    reads = _reads(report)
    assert [reads[c]["header"] for c in "HI"] == ["是否完成（是）", "是否完成（否）"]


def test_a_row_of_units_under_the_header(tmp_path):
    path, _ = _build(tmp_path, R.units_row_under_header)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [1, 2]
    j = _reads(report)["J"]
    assert j["header"] == "追回资金（万元）" and j["read_as"] == "清退资金"


def test_statuses_as_headers_of_one_row(tmp_path):
    path, _ = _build(tmp_path, R.ticks_in_one_header_row)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [1, 1]
    reads = _reads(report)
    assert reads["H"]["read_as"] == "整改状态" and reads["I"]["read_as"] is None
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    assert [m.status for m in ledger.measures] == ["已完成", "正在推进", "未启动"]


def test_status_read_from_the_fill_colour_by_its_legend(tmp_path):
    path, _ = _build(tmp_path, R.eco_colour_with_legend)
    report = _run("check", str(path))
    i = _reads(report)["I"]
    assert i["read_as"] == "整改状态" and i["header"] == "各行底色（表中没有这一列，按图例读出）"
    assert "按第 6 行的图例（绿色为已完成，黄色为正在推进，红色为未启动）" in i["detail"]
    assert [f["row"] for f in report["layout"]["footer_rows"]] == [6]  # the legend
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    assert [m.status for m in ledger.measures] == ["正在推进", "已完成", "未启动"]


def test_theme_colours_and_a_legend_written_the_other_way_round(tmp_path):
    # 已完成的标绿 … above the table; 个性色 fills with a tint; Excel's 橙色 where the legend
    # says 黄
    path, _ = _build(tmp_path, R.theme_colours_legend_above)
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    assert [m.status for m in ledger.measures] == ["正在推进", "正在推进", "已完成", "未启动", None]
    notes = _run("check", str(path))["layout"]["notes"]
    assert (
        "第 8 行没有底色，整改状态按未填计（校验结果中的 I 列是按底色读出的整改状态，台账中没有这一列）。"
        in notes
    )


@pytest.mark.parametrize(
    ("text", "legend"),
    [
        ("图例：绿色为已完成，黄色为正在推进，红色为未启动", ("已完成", "正在推进", "未启动")),
        ("说明：已完成的标绿，正在推进的标黄，未启动的标红", ("已完成", "正在推进", "未启动")),
        ("绿色：已完成；黄色：推进中；红色：未启动", ("已完成", "正在推进", "未启动")),
        ("标红为未启动、标黄为正在推进、标绿为已完成", ("已完成", "正在推进", "未启动")),
        ("红旗渠精神学习教育和黄河保护", None),
    ],
)
def test_legends_as_written(text, legend):
    found = colours._legend([[text]])
    assert (found and tuple(found[0].get(c) for c in ("绿色", "黄色", "红色"))) == (legend or None)


@pytest.mark.parametrize(
    ("rgb", "name"),
    [
        ("FF92D050", "绿色"),  # Excel's 浅绿
        ("FF00B050", "绿色"),
        ("FFFFFF00", "黄色"),
        ("FFFFC000", "橙色"),  # Excel's 橙色
        ("FFFFEB9C", "黄色"),  # the 中性 style's pale yellow
        ("FFFF0000", "红色"),
        ("FFFFC7CE", "红色"),  # the 差 style's pale red
        ("FFFFFFFF", None),
        ("00000000", None),
    ],
)
def test_fill_colour_names(rgb, name):
    assert colours._colour_name(rgb) == name


def test_colours_without_a_legend_are_not_guessed(tmp_path):
    path, _ = _build(tmp_path, R.colour_without_legend)
    report = _run("check", str(path))
    assert (
        "台账没有整改状态列，第 2、3 行有底色，但表中没有图例说明颜色代表什么，本工具不按颜色推断整改状态。"
        in " ".join(report["layout"]["notes"])
    )
    assert "整改状态" in _messages(report, "missing-column")[0]


def test_sheet_per_month_reads_the_latest(tmp_path):
    path, _ = _build(tmp_path, R.sheet_per_month)
    report = _run("check", str(path))
    assert report["layout"]["sheet"] == "6月"
    [april, _may] = _messages(report, "other-ledger-sheet")
    assert "本次读取的是最近一个月的工作表“6月”，工作表“4月”（3 行措施）是之前月份的台账" in april


def test_deadline_and_status_numbered_like_the_measures(tmp_path):
    path, _ = _build(tmp_path, R.numbered_cells_side_by_side)
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    read = [
        (m.row, m.part, m.get("整改时限"), m.deadline.kind if m.deadline else None, m.status)
        for m in ledger.measures
    ]
    assert read == [
        (2, 1, "2024年6月30日", "date", "已完成"),
        (2, 2, "长期坚持", "long_term", "正在推进"),
        (3, 1, "立行立改", "immediate", "已完成"),
        (3, 2, "2024年9月30日", "date", "未启动"),
        (4, 0, "2024年5月31日", "date", "已完成"),
    ]


def test_month_sheets_across_a_year_end(tmp_path):
    path, _ = _build(tmp_path, R.month_sheets_across_new_year)
    assert _run("check", str(path))["layout"]["sheet"] == "整改台账（2024年2月）"


def test_a_count_beside_a_heading_is_part_of_it(tmp_path):
    path, _ = _build(tmp_path, R.section_rows_with_counts)
    stats = _run("stats", str(path))
    assert [a["方面"] for a in stats["按方面"]] == ["政治建设方面", "作风建设方面"]
    layout = _run("check", str(path))["layout"]
    assert [r["row"] for r in layout["group_rows"]] == [2, 5]


def test_sheet_per_aspect_is_read_as_one_ledger(tmp_path):
    # each sheet's name is the 方面 of its rows (the cover sheet is no part of it)
    path, _ = _build(tmp_path, R.statistics_sheet_per_aspect)
    stats = _run("stats", str(path))
    assert [(a["方面"], a["措施数"]) for a in stats["按方面"]] == [
        ("数据质量方面", 2),
        ("统计执法方面", 1),
    ]
    assert _run("check", str(path))["layout"]["sheets"] == ["数据质量方面", "统计执法方面"]


def test_earlier_round_beside_this_one(tmp_path):
    path, _ = _build(tmp_path, R.lookback_ledger)
    reads = _reads(_run("check", str(path)))
    assert reads["C"]["read_as"] is None and "原整改内容" in reads["C"]["detail"]
    assert reads["D"]["read_as"] is None
    assert reads["E"]["read_as"] == "问题" and reads["F"]["read_as"] == "整改措施"


def test_status_kept_in_remarks(tmp_path):
    path, _ = _build(tmp_path, R.status_in_remarks)
    report = _run("check", str(path))
    assert "备注中" in _reads(report)["H"]["detail"]
    ledger = load_ledger(path, today=dt.date(2024, 7, 15))
    due = [(m.deadline.kind, m.deadline.due) for m in ledger.measures if m.deadline]
    assert due == [
        ("period", dt.date(2024, 6, 30)),  # 2024年上半年
        ("period", dt.date(2024, 6, 30)),  # 2024年6月
        ("date", dt.date(2024, 12, 31)),
    ]


def test_hidden_helper_column_is_a_note(tmp_path):
    path, _ = _build(tmp_path, R.asset_check_hidden_helper)
    report = _run("check", str(path))
    [f] = [f for f in report["findings"] if f["rule"] == "unused-column"]
    assert f["severity"] == "note" and "隐藏列" in f["message"]


def test_money_returned_not_owed(tmp_path):
    # 违规金额 and 应退回金额 are what the problem involves; 已退回金额 what was recovered
    path, _ = _build(tmp_path, R.medical_insurance_fund)
    report = _run("check", str(path))
    assert [f["text"] for f in report["layout"]["footer_rows"]] == ["合计"]
    reads = _reads(report)
    assert reads["I"]["read_as"] is None and reads["J"]["read_as"] == "清退资金"


XLS = [R.fire_hazards, R.petition_backlog]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(
    R.TODAY, XLS, FINDINGS, also=(R.eco_colour_with_legend,)
)


def test_colours_of_an_xls_are_said_unread(as_xls):
    notes = _run("check", str(as_xls["eco_colour_with_legend"]))["layout"]["notes"]
    assert (
        "表中第 6 行有颜色图例，但本工具读不出 .xls 文件的单元格底色，没有按颜色读取整改状态。"
        "请在 WPS 或 Excel 中另存为 .xlsx 后再校验，或增加“整改状态”列。" in notes
    )


_YEAR = YearSource(dt.date(2024, 7, 15), "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("2024年6月底前", "period", dt.date(2024, 6, 30)),
        ("2024.6.30", "date", dt.date(2024, 6, 30)),
        ("2024年上半年", "period", dt.date(2024, 6, 30)),
        ("长期坚持", "long_term", None),
        ("立行立改", "immediate", None),
        ("每季度", "long_term", None),
        ("今年6月底前", "period", dt.date(2024, 6, 30)),  # the year of the check
        ("本年度第三季度", "period", dt.date(2024, 9, 30)),
        ("5个工作日", "invalid", None),  # counted from when? asked
        ("2024年秋季开学前", "invalid", None),
    ],
)
def test_deadline_words(text, kind, due):
    found = parse_deadline(text, year_from=_YEAR)
    assert (found.kind, found.due) == (kind, due)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已整改到位", "已完成"),
        ("已销号", "已完成"),
        ("复查合格", "已完成"),
        ("息诉罢访", "已完成"),
        ("已回访", "已完成"),
        ("阶段性完成", "基本完成"),
        ("整改中", "正在推进"),
        ("持续整改", "正在推进"),
        ("部分整改", "正在推进"),
        ("责令整改中", "正在推进"),
        ("正在化解", "正在推进"),
        ("未化解", "正在推进"),
        ("未整改", "未启动"),
        ("待签收", "未启动"),
        ("已退单", None),  # sent back: neither done nor under way — asked
        ("正在实施", "正在推进"),
        ("尚未整改到位", "正在推进"),
        ("暂未启动", "未启动"),
        ("已完成，2024年5月20日", "已完成"),  # the day said with it
        ("正在整改，预计6月底完成", "正在推进"),  # the plan said with it
        ("已完成，预计6月底完成", None),  # done, and still to be done? asked
    ],
)
def test_status_words(text, status):
    assert normalise_status(text) == status


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("诉求内容", "问题", None),
        ("“回头看”发现的问题", "问题", None),
        ("原反馈问题", None, "原整改内容"),
        ("原因", None, None),
        ("化解时限", "整改时限", None),
        ("工单状态", "整改状态", None),
        ("化解情况", "整改进展及成效", None),
        ("办理单位", "责任部门", None),
        ("已退回金额（元）", "清退资金", None),
        ("应退回金额（元）", None, "问题金额"),
        ("考核项目", "方面", None),
        ("截至6月底进展", None, "逐月进展"),
        ("2024年6月进展", None, "逐月进展"),
        ("来电时间", None, "发现或登记日期"),
        ("扣分（分）", None, "考核扣分"),
    ],
)
def test_headers_as_units_write_them(header, column, unused):
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)
