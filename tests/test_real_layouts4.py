"""The fourth round of ledgers laid out as real organisations send them (``real_layouts4``), run
through ``check``, ``stats``, ``merge`` and ``report`` as the clerk who filled them in would
read the results. Most of this round is the ledger kept in several sheets of one header (one
per 方面, per 科室, per 督查组): read as one ledger, every finding on its own sheet's cell, the
汇总 and the documents counting what ``stats`` counts; a cover, a 目录, a 汇总 of counts or a
总表 of all rows beside it is not counted again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import docx
import layout_checks as L
import openpyxl
import pytest
import real_layouts4 as R
from click.testing import CliRunner

from ledger_tools.cli import cli
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import YearSource, parse_deadline
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.status import normalise_status

_build, _rules, _messages, _reads = L.build, L.rules, L.messages, L.reads

BUILDERS = [
    R.sheet_per_aspect_with_cover,
    R.sheet_per_office_with_aspect_column,
    R.total_sheet_then_groups,
    R.aspect_sheets_then_all_rows,
    R.default_named_sheets,
    R.sheets_of_different_layouts,
    R.three_row_header,
    R.responsibility_under_unit,
    R.seasonal_deadlines,
    R.supervision_status_words,
    R.problem_rows_carry_measures,
    R.subtotal_rows_inside,
    R.notes_under_the_table,
    R.spaced_and_bilingual_headers,
    R.sorted_by_department,
    R.safety_hazard_ledger,
    R.eco_inspection_petitions,
    R.aspect_sheets_for_xls,
    R.audit_amounts_and_rate,
    R.patrol_group_sheets_merged,
    R.handling_progress_columns,
    R.sheets_with_and_without_title,
    R.total_row_in_problem_column,
    R.numbered_problems_sorted_by_department,
    R.office_sheets_with_aspect_rows,
    R.aspect_sheets_numbered_on,
    R.headers_named_two_ways,
    R.branch_sheets,
    R.sample_sheet_in_front,
    R.office_sheets_with_extra_columns,
    R.default_sheets_titled,
]

# Every finding of each ledger, rule -> cells, checked by hand: none of these units keeps a
# 完成时间 column (finished-without-date), a 企业 hazard ledger has no 责任领导 or 责任部门, an
# 环保 交办件 no 责任领导; the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "sheet_per_aspect_with_cover": {_UNDATED: ["政治建设方面!2行"]},
    "sheet_per_office_with_aspect_column": {_UNDATED: ["医政股!1行"]},
    "total_sheet_then_groups": {
        _UNDATED: ["总表!1行"],
        "missing-column": ["总表!1行"],  # 方面: the 督查组 is not it
        "unused-column": ["总表!B1"],  # 督查组
        "other-ledger-sheet": ["第一督查组!1行", "第二督查组!1行"],  # notes: already in 总表
    },
    "aspect_sheets_then_all_rows": {
        _UNDATED: ["思想政治方面!1行"],
        "other-ledger-sheet": ["汇总表!1行"],  # a note: its rows are those of the two sheets
    },
    "default_named_sheets": {
        _UNDATED: ["Sheet1!1行"],
        "missing-column": ["Sheet1!1行"],  # 方面: "Sheet2" is no 方面
        "overdue-no-reason": ["Sheet2!F2"],  # on the second sheet, its own cell
        "overdue-red": ["Sheet2!F2"],
    },
    "sheets_of_different_layouts": {
        _UNDATED: ["预算执行审计!1行"],
        "other-ledger-sheet": ["专项资金审计!1行"],  # another layout: not joined, said
    },
    "three_row_header": {_UNDATED: ["整改台账!2行"]},
    "responsibility_under_unit": {_UNDATED: ["整改台账!1行"]},
    "seasonal_deadlines": {
        "bad-deadline": ["整改台账!G3", "整改台账!G5"],  # 汛期前, 春节前: no day
        "assumed-year": ["整改台账!G4"],  # 年底前
    },
    # 进度滞后: 正在推进, said as the ledger's own mark of lagging (marked-lagging, round 13)
    "supervision_status_words": {
        _UNDATED: ["督查整改台账!1行"],
        "marked-lagging": ["督查整改台账!H9"],
    },
    "problem_rows_carry_measures": {_UNDATED: ["整改台账!1行"]},
    "subtotal_rows_inside": {
        _UNDATED: ["审计整改台账!1行"],
        "unused-column": ["审计整改台账!I1"],  # 整改金额 is not 清退资金
    },
    "notes_under_the_table": {_UNDATED: ["检视问题清单!2行"]},
    "spaced_and_bilingual_headers": {_UNDATED: ["整改台账!1行"]},
    "sorted_by_department": {_UNDATED: ["整改台账!1行"]},
    "safety_hazard_ledger": {
        _UNDATED: ["隐患排查治理台账!2行"],
        "missing-column": ["隐患排查治理台账!2行", "隐患排查治理台账!2行"],
        # 排查日期, 隐患等级, 整改资金, 复查人, 复查日期
        "unused-column": [f"隐患排查治理台账!{c}2" for c in "BEGJK"],
    },
    "eco_inspection_petitions": {
        _UNDATED: ["交办件办理台账!1行"],
        "missing-column": ["交办件办理台账!1行"],
        "due-green": ["交办件办理台账!L4"],
        # 交办批次, 受理编号 (beside 序号), 行政区域, 调查核实情况, 是否属实
        "unused-column": [f"交办件办理台账!{c}1" for c in "BCDGH"],
    },
    "aspect_sheets_for_xls": {_UNDATED: ["'一、政治建设方面'!1行"]},
    "audit_amounts_and_rate": {
        _UNDATED: ["审计整改!1行"],
        # 审计项目, 问题金额, 已整改金额, 整改率
        "unused-column": ["审计整改!B1", "审计整改!E1", "审计整改!J1", "审计整改!K1"],
    },
    "patrol_group_sheets_merged": {_UNDATED: ["第一巡察组!1行"]},
    "handling_progress_columns": {_UNDATED: ["督办事项台账!1行"]},
    "sheets_with_and_without_title": {_UNDATED: ["组织建设方面!3行"]},
    "total_row_in_problem_column": {_UNDATED: ["整改台账!1行"]},
    "numbered_problems_sorted_by_department": {_UNDATED: ["整改台账!1行"]},
    "office_sheets_with_aspect_rows": {_UNDATED: ["外贸科!1行"]},
    "aspect_sheets_numbered_on": {_UNDATED: ["平安建设方面!1行"]},
    "headers_named_two_ways": {
        _UNDATED: ["整改台账!1行"],
        "unused-column": ["整改台账!H1"],  # 完成节点: a step, not the deadline
    },
    "office_sheets_with_extra_columns": {
        _UNDATED: ["文物科!1行"],
        # 配合科室, 联系电话: once, not once per sheet
        "unused-column": ["文物科!G1", "文物科!H1"],
    },
    "default_sheets_titled": {_UNDATED: ["Sheet1!2行"]},
    "sample_sheet_in_front": {
        _UNDATED: ["统计数据质量方面!1行"],
        "other-ledger-sheet": ["填报样表!1行"],  # the sample in front: said, not counted
    },
    "branch_sheets": {
        _UNDATED: ["第一支部!1行"],
        "missing-column": ["第一支部!1行", "第一支部!1行"],  # 责任领导, 责任部门
    },
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


# ---------------------------------------------------------------------------------------------
# One sheet per 方面 / 科室 / 督查组.


def test_sheet_names_are_the_aspects(tmp_path):
    path, _ = _build(tmp_path, R.sheet_per_aspect_with_cover)
    stats = _run("stats", str(path))
    assert [(a["方面"], a["问题数"], a["办结数"]) for a in stats["按方面"]] == [
        ("政治建设方面", 2, 1),
        ("作风建设方面", 1, 1),
        ("队伍建设方面", 2, 0),
    ]
    assert (stats["办结率"], stats["未启动"]) == ("40%", 1)
    layout = _run("check", str(path))["layout"]
    assert layout["sheets"] == ["政治建设方面", "作风建设方面", "队伍建设方面"]
    assert "各表的表名即其中各行的方面" in " ".join(layout["notes"])


def test_each_measure_keeps_its_sheet_and_row(tmp_path):
    path, _ = _build(tmp_path, R.sheet_per_aspect_with_cover)
    ledger = load_ledger(path, today=dt.date(2025, 7, 15))
    assert [(m.sheet, m.row, m.get("方面")) for m in ledger.measures] == [
        (None, 3, "政治建设方面"),
        (None, 4, "政治建设方面"),
        ("作风建设方面", 3, "作风建设方面"),
        ("队伍建设方面", 3, "队伍建设方面"),
        ("队伍建设方面", 4, "队伍建设方面"),
    ]
    assert ledger.origin.sheet == "政治建设方面"
    # the 序号 starts at 1 on each sheet: each sheet's problems are its own
    assert [p.number for p in ledger.problems] == ["1", "2", "1", "1", "2"]


def test_a_numbered_title_of_a_sheet_is_not_the_aspect(tmp_path):
    path, _ = _build(tmp_path, R.aspect_sheets_for_xls)
    assert [a["方面"] for a in _run("stats", str(path))["按方面"]] == [
        "政治建设方面",
        "法治建设方面",
    ]
    path, _ = _build(tmp_path, R.patrol_group_sheets_merged)  # 第一 is part of the name
    assert [a["方面"] for a in _run("stats", str(path))["按方面"]] == ["第一巡察组", "第二巡察组"]


def test_sheets_named_sheet1_take_the_aspect_from_their_titles(tmp_path):
    path, _ = _build(tmp_path, R.default_sheets_titled)
    assert [a["方面"] for a in _run("stats", str(path))["按方面"]] == [
        "森林防火方面",
        "林地管理方面",
    ]
    notes = _run("check", str(path))["layout"]["notes"]
    assert "各表标题中写的方面即其中各行的方面" in " ".join(notes)


def test_one_problem_taken_up_on_two_sheets(tmp_path):
    # 外贸科 and 市场科 both number it 1, under 一、服务企业方面 on each sheet
    path, _ = _build(tmp_path, R.office_sheets_with_aspect_rows)
    ledger = load_ledger(path, today=dt.date(2025, 7, 15))
    [first, second] = ledger.problems
    assert first.title == "外贸企业帮扶不精准" and first.status == "正在推进"
    assert [(m.sheet, m.row) for m in first.measures] == [(None, 3), ("市场科", 3)]
    assert second.aspect == "市场监管方面" and second.measures[0].sheet == "市场科"


def test_a_findings_cell_on_the_second_sheet_is_marked_there(tmp_path):
    path, _ = _build(tmp_path, R.default_named_sheets)
    out = tmp_path / "标注.xlsx"
    res = CliRunner().invoke(cli, ["check", str(path), "--today", R.TODAY, "--mark", str(out)])
    assert res.exit_code in (0, 1), res.output
    wb = openpyxl.load_workbook(out)
    assert "超期" in (wb["Sheet2"]["F2"].comment.text if wb["Sheet2"]["F2"].comment else "")
    assert wb["Sheet1"]["F2"].comment is None


def test_a_total_sheet_and_its_parts_are_not_counted_twice(tmp_path):
    path, _ = _build(tmp_path, R.total_sheet_then_groups)
    report = _run("check", str(path))
    assert report["layout"]["sheet"] == "总表" and "sheets" not in report["layout"]
    [first, second] = [f for f in report["findings"] if f["rule"] == "other-ledger-sheet"]
    assert first["severity"] == "note"
    assert first["message"].startswith(
        "工作表“第一督查组”中的 2 行措施都已在工作表“总表”中，没有重复计入统计。"
    )
    path, _ = _build(tmp_path, R.aspect_sheets_then_all_rows)
    [note] = _messages(_run("check", str(path)), "other-ledger-sheet")
    assert note.startswith(
        "工作表“汇总表”中的 2 行措施都已在工作表“思想政治方面”、“校园安全方面”中"
    )


def test_a_sample_in_front_is_not_the_ledger(tmp_path):
    path, _ = _build(tmp_path, R.sample_sheet_in_front)
    report = _run("check", str(path))
    assert report["layout"]["sheets"] == ["统计数据质量方面", "统计执法方面"]
    [message] = _messages(report, "other-ledger-sheet")
    assert message.startswith(
        "工作表“填报样表”（1 行措施）的表名是样表、说明一类，没有当作台账数据读取"
    )


def test_a_sheet_laid_out_differently_is_said_not_joined(tmp_path):
    path, _ = _build(tmp_path, R.sheets_of_different_layouts)
    [message] = _messages(_run("check", str(path)), "other-ledger-sheet")
    assert "本次只读取了工作表“预算执行审计”" in message and "--sheet 专项资金审计" in message


def test_sheet_option_reads_one_sheet_alone(tmp_path):
    path, _ = _build(tmp_path, R.sheet_per_aspect_with_cover)
    res = CliRunner().invoke(
        cli, ["stats", str(path), "--sheet", "队伍建设方面", "--today", R.TODAY, "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    assert '"措施数": 2' in res.output


def test_merge_counts_each_sheet_ledger_as_stats_does(tmp_path):
    # per-方面 sheets numbered from 1, per-科室 sheets sharing a 方面 (1 on both), sheets
    # numbered on: the 汇总's row of each unit, and the 汇总台账 read back, agree with stats
    units = tmp_path / "各单位"
    units.mkdir()
    builders = [
        R.sheet_per_aspect_with_cover,
        R.sheet_per_office_with_aspect_column,
        R.office_sheets_with_aspect_rows,
        R.aspect_sheets_numbered_on,
        R.default_named_sheets,
    ]
    own = {}
    for b in builders:
        path, _ = _build(units, b)
        stats = _run("stats", str(path))
        own[b.__name__] = (stats["问题数"], stats["措施数"], stats["办结数"], stats["预警"]["红色"])
    out = tmp_path / "汇总.xlsx"
    res = CliRunner().invoke(
        cli,
        [
            "merge",
            str(units),
            "-o",
            str(out),
            "--today",
            R.TODAY,
            "--unit-from",
            "file",
            "--jobs",
            "1",
        ],
    )
    assert res.exit_code in (0, 1), res.output
    merged = _run("merge", str(units), "--unit-from", "file", "--jobs", "1")
    rows = {
        u["单位"]: (u["问题数"], u["措施数"], u["办结数"], u["红色预警"]) for u in merged["units"]
    }
    assert rows == own
    sources = [m["来源"] for m in merged["measures"] if m["单位"] == "sheet_per_aspect_with_cover"]
    assert sources[2].endswith("作风建设方面!C3")
    back = _run("stats", str(out), "--by", "单位")
    assert {u["单位"]: (u["问题数"], u["措施数"]) for u in back["按单位"]} == {
        k: v[:2] for k, v in own.items()
    }
    assert "number-conflict" not in _rules(_run("check", str(out)))


def test_report_has_every_sheets_aspect(tmp_path):
    path, _ = _build(tmp_path, R.sheet_per_aspect_with_cover)
    out = tmp_path / "报告.docx"
    args = ["report", str(path), "--as-of", R.TODAY, "--today", R.TODAY, "--force", "-o", str(out)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "3个方面5项问题，细化整改措施5条" in text
    for heading in ("（一）在政治建设方面", "（二）在作风建设方面", "（三）在队伍建设方面"):
        assert heading in text
    assert "问题5：年轻干部培养不足" in text


XLS = [R.sheet_per_aspect_with_cover, R.aspect_sheets_for_xls, R.total_sheet_then_groups]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


# ---------------------------------------------------------------------------------------------
# Headers, rows and words.


def test_a_header_three_rows_deep(tmp_path):
    path, _ = _build(tmp_path, R.three_row_header)
    report = _run("check", str(path))
    assert report["layout"]["header_rows"] == [2, 4]
    reads = _reads(report)
    assert [(reads[c]["header"], reads[c]["read_as"]) for c in "EFGHI"] == [
        ("责任领导", "责任领导"),
        ("责任部门", "责任部门"),
        ("进展", "整改进展及成效"),
        ("状态", "整改状态"),
        ("时限", "整改时限"),
    ]
    assert "duplicate-column" not in _rules(report)


def test_totals_and_notes_rows_are_not_measures(tmp_path):
    path, _ = _build(tmp_path, R.subtotal_rows_inside)
    layout = _run("check", str(path))["layout"]
    assert [(f["row"], f["text"]) for f in layout["footer_rows"]] == [
        (4, "小计"),
        (6, "小计"),
        (7, "合计"),
    ]
    path, _ = _build(tmp_path, R.notes_under_the_table)
    layout = _run("check", str(path))["layout"]
    assert [f["row"] for f in layout["footer_rows"]] == [6, 7]


def test_rows_sorted_by_department_keep_one_problem(tmp_path):
    path, _ = _build(tmp_path, R.sorted_by_department)
    ledger = load_ledger(path, today=dt.date(2025, 7, 15))
    rows = {p.title: [m.row for m in p.measures] for p in ledger.problems}
    assert rows == {"文山会海问题反弹": [2, 4], "内控制度不健全": [3, 6], "执法不规范": [5]}
    path, _ = _build(tmp_path, R.numbered_problems_sorted_by_department)
    ledger = load_ledger(path, today=dt.date(2025, 7, 15))
    assert [[m.row for m in p.measures] for p in ledger.problems] == [[2, 4], [3], [5]]


_YEAR = YearSource(dt.date(2025, 7, 15), "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("2025年第三季度", "period", dt.date(2025, 9, 30)),
        ("年底前", "period", dt.date(2025, 12, 31)),
        ("2025.6", "period", dt.date(2025, 6, 30)),
        ("2025年5月底（汛期前）", "period", dt.date(2025, 5, 31)),  # the date written wins
        ("汛期前", "invalid", None),
        ("2026年春节前", "invalid", None),
        ("国庆节前", "invalid", None),
        ("入冬前", "invalid", None),
    ],
)
def test_deadline_words(text, kind, due):
    found = parse_deadline(text, year_from=_YEAR)
    assert (found.kind, found.due) == (kind, due)


def test_a_season_is_asked_for_its_day(tmp_path):
    path, _ = _build(tmp_path, R.seasonal_deadlines)
    [flood, _festival] = _messages(_run("check", str(path)), "bad-deadline")
    assert (
        "整改时限“汛期前”无法识别（是时节或节日，不是具体的日子：每年、各地不同，本工具不推算）"
        in flood
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("已整改到位待验收", "基本完成"),
        ("已完成待销号", "基本完成"),
        ("已提交销号申请", "基本完成"),
        ("已验收销号", "已完成"),
        ("进度滞后", "正在推进"),
        ("常态化推进", "正在推进"),  # kept up, but it does not say it is done
        ("序时推进", "正在推进"),
        ("逾期未完成", None),  # under way or not started? asked (round 2)
    ],
)
def test_status_words(text, status):
    assert normalise_status(text) == status


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("整改\n措施\nMeasures", "整改措施", None),
        ("序 号\nNo.", "序号", None),
        ("责任\n部门\nDepartment", "责任部门", None),
        ("处理和整改情况", "整改措施", None),
        ("责任站所", "责任部门", None),
        ("调查核实情况", None, "核实情况"),
        ("是否属实", None, "核实情况"),
        ("审计项目", None, "审计项目"),
        ("整改率", None, "完成进度"),
        ("督查组", None, "问题来源"),
        ("交办批次", None, "问题来源"),
        ("PPP项目", None, None),  # English in front is the name, not a translation
        ("牵头领导/责任领导", "责任领导", None),
        ("完成时限、整改期限", "整改时限", None),
        ("责任领导/责任人", None, None),  # two columns in one: not guessed
        ("问题/措施", None, None),
        ("整改措施及时限", "整改措施", None),
        ("责任处（科）室", "责任部门", None),
        ("完成节点", None, "阶段节点"),
    ],
)
def test_headers_as_units_write_them(header, column, unused):
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)


def test_a_hidden_sheet_of_the_same_header_is_not_joined(tmp_path):
    # an old copy or a helper sheet hidden in Excel/WPS: said, never counted unasked
    path, _ = _build(tmp_path, R.sheet_per_aspect_with_cover)
    wb = openpyxl.load_workbook(path)
    wb["队伍建设方面"].sheet_state = "hidden"
    hidden = tmp_path / "隐藏一张.xlsx"
    wb.save(hidden)
    stats = _run("stats", str(hidden))
    assert [a["方面"] for a in stats["按方面"]] == ["政治建设方面", "作风建设方面"]
    report = _run("check", str(hidden))
    assert report["layout"]["sheets"] == ["政治建设方面", "作风建设方面"]
    said = [f for f in report["findings"] if f["rule"] == "other-ledger-sheet"]
    assert [f["sheet"] for f in said] == ["队伍建设方面"]
    assert "隐藏的工作表" in said[0]["message"] and "取消隐藏" in said[0]["message"]
    # asked for by name it is read like any sheet
    alone = _run("stats", str(hidden), "--sheet", "队伍建设方面")
    assert alone["问题数"] == 2
