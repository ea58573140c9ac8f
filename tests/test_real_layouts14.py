"""The fourteenth round of ledgers laid out as real organisations send them
(``real_layouts14``), this time for the structure of the workbook: a table starting at B6 under
a 填报说明 block with the signing line in cells of its own under it, a filter left on (the done
rows hidden), measure rows grouped and collapsed, 清退资金 repeated on each measure row of a
problem (once) or each measure's own (summed), merged with 小计 / 合计 rows, an Excel 表格 with
its 汇总 row and formulas, 整改进展 over 时间 / 状态 / 成效, a box of counts beside the table,
科室 sheets behind a 汇总 or 总表 of formulas, problems merged / written once / repeated in one
sheet, an old 整改状态 column hidden beside the current one, cells two columns wide, month
columns collapsed, two tables under headings naming their status, and amounts on problem lines
and problem headings. Run through ``check``,
``stats`` and ``report`` as the clerk who filled them in would read the results."""

from __future__ import annotations

from pathlib import Path

import layout_checks as L
import openpyxl
import pytest
import real_layouts14 as R

from ledger_tools.ledger import columns as C

BUILDERS = [
    R.offset_table_guide_above,
    R.filter_left_on,
    R.collapsed_measure_groups,
    R.money_repeated_per_measure,
    R.money_merged_with_subtotals,
    R.excel_table_totals_row,
    R.progress_over_time_status_effect,
    R.counts_box_beside_table,
    R.unit_sheets_behind_formula_summary,
    R.merged_blank_and_repeated_mixed,
    R.hidden_old_status_same_header,
    R.wide_cells_merged_across,
    R.money_each_measure_its_own,
    R.collapsed_month_columns,
    R.summary_sheet_of_formulas,
    R.two_tables_by_status,
    R.money_on_problem_line,
    R.money_on_numbered_problem_rows,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); the rest is said where it is.
_UNDATED = "finished-without-date"
_NO_ASPECT_LEADER = ["整改台账!1行", "整改台账!1行"]  # 方面, 责任领导
FINDINGS: dict[str, dict[str, list[str]]] = {
    # the header at B6; the 填报说明 lines above it and the 填报人 / 审核人 / 联系电话 / 填报日期
    # cells under it are no measures (before: row 12 a measure of 方面 "王某", its 联系电话：
    # a bad-deadline, the phone number an unknown-status)
    "offset_table_guide_above": {_UNDATED: ["整改台账!6行"]},
    # the two rows the filter hides are read and counted, said in a note
    "filter_left_on": {
        _UNDATED: ["整改台账!2行"],
        "missing-column": ["整改台账!2行"],  # 方面
        "hidden-rows": ["整改台账!3行"],
    },
    "collapsed_measure_groups": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": _NO_ASPECT_LEADER,
        "hidden-rows": ["整改台账!3行"],  # the collapsed measure rows: read, said
    },
    "money_repeated_per_measure": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行", "审计整改!1行"],  # 方面, 责任领导
    },
    "money_merged_with_subtotals": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": ["整改台账!1行"],  # 责任领导
    },
    # the 汇总 row of the 表格 is no measure (before: a 4th problem, its 6200 counted again,
    # its empty cells required)
    "excel_table_totals_row": {"missing-column": ["台账!1行", "台账!1行"]},  # 方面, 责任领导
    # 成效 under 整改进展 is the progress (before: unmapped-column)
    "progress_over_time_status_effect": {"missing-column": ["整改台账!1行"]},  # 方面
    # the box of counts past the blank H column: kept, a note (before: unmapped-column ×2)
    "counts_box_beside_table": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": ["整改台账!1行"],  # 方面
        "unused-column": ["整改台账!I1", "整改台账!J1"],
    },
    "unit_sheets_behind_formula_summary": {
        _UNDATED: ["医政科!1行"],
        "missing-column": ["医政科!1行"],  # 责任部门
    },
    # problem 2 written once, the cell under it left blank (not merged): asked, counted right
    "merged_blank_and_repeated_mixed": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": _NO_ASPECT_LEADER,
        "required-cell": ["整改台账!B5"],
    },
    # the hidden F is last month's: G is read (before: F read, one 已完成 lost, E2 overdue)
    "hidden_old_status_same_header": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": _NO_ASPECT_LEADER,
        "duplicate-column": ["整改台账!F1"],
        "hidden-columns": ["整改台账!F"],
    },
    "wide_cells_merged_across": {
        _UNDATED: ["Sheet1!1行"],
        "missing-column": ["Sheet1!1行", "Sheet1!1行"],  # 方面, 责任领导
    },
    "money_each_measure_its_own": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行", "审计整改!1行"],  # 方面, 责任领导
    },
    "collapsed_month_columns": {
        _UNDATED: ["整改台账!1行"],
        "missing-column": _NO_ASPECT_LEADER,
        "hidden-columns": ["整改台账!F"],
        "unused-column": ["整改台账!F1", "整改台账!G1", "整改台账!H1"],  # 4月 … 6月进展
    },
    # the 科室 sheets' rows are the 总表's again: not counted twice, said on each sheet
    "summary_sheet_of_formulas": {
        _UNDATED: ["总表!1行"],
        "missing-column": ["总表!1行"],  # 责任领导
        "other-ledger-sheet": ["办公室!1行", "财务科!1行"],
    },
    # "二、正在整改事项" is no 方面 (before: a 方面 heading, the rows above it asked for theirs)
    "two_tables_by_status": {
        _UNDATED: ["整改台账!2行"],
        "missing-column": ["整改台账!2行"],  # 方面
    },
    # the amount on each problem line goes to its first measure (before: lost, 0元)
    "money_on_problem_line": {
        _UNDATED: ["审计整改!1行"],
        "missing-column": ["审计整改!1行", "审计整改!1行"],  # 方面, 责任领导
    },
    # "（一）违规发放节日慰问品" | 3000 is the problem heading, its amount on its first measure
    # (before: read as a measure: 1 方面, 3 problems, 4 measures, rows asked for 问题 and 状态)
    "money_on_numbered_problem_rows": {
        _UNDATED: ["巡察整改!1行"],
        "missing-column": ["巡察整改!1行"],  # 责任领导
    },
}

# 办结率 as the clerk counts it: problems whose every measure is done over all problems.
RATES: dict[str, str] = {
    "offset_table_guide_above": "50%",
    "filter_left_on": "50%",
    "collapsed_measure_groups": "50%",
    "money_repeated_per_measure": "33.3%",
    "money_merged_with_subtotals": "33.3%",
    "excel_table_totals_row": "66.7%",  # (before: 50%, the 汇总 row a problem under way)
    "progress_over_time_status_effect": "33.3%",
    "counts_box_beside_table": "50%",
    "unit_sheets_behind_formula_summary": "66.7%",
    "merged_blank_and_repeated_mixed": "33.3%",
    "hidden_old_status_same_header": "33.3%",  # (before: 0%, last month's statuses)
    "wide_cells_merged_across": "33.3%",
    "money_each_measure_its_own": "50%",
    "collapsed_month_columns": "33.3%",
    "summary_sheet_of_formulas": "33.3%",
    "two_tables_by_status": "66.7%",
    "money_on_problem_line": "50%",
    "money_on_numbered_problem_rows": "50%",
}

(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)
test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)

XLS = [
    R.offset_table_guide_above,
    R.filter_left_on,
    R.money_repeated_per_measure,
    R.money_merged_with_subtotals,
    R.counts_box_beside_table,
    R.hidden_old_status_same_header,
    R.money_on_numbered_problem_rows,
]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


def _notes(path: Path) -> list[str]:
    return L.run(R.TODAY, "check", str(path))["layout"]["notes"]


def test_an_amount_repeated_on_a_problems_rows_is_counted_once_and_said(tmp_path: Path) -> None:
    """12.5万元 on both rows of problem 1: counted once, and the 读取方式 says so and how to
    write amounts that really are each measure's; amounts that differ (5 and 3) are each the
    measure's own, summed without a word."""
    path, _ = L.build(tmp_path, R.money_repeated_per_measure)
    said = [n for n in _notes(path) if "相同的金额" in n]
    assert len(said) == 1
    assert said[0].startswith("C 列“清退资金（万元）”")
    assert "第 2、3 行" in said[0] and "按问题的金额计一次" in said[0]
    assert "合计金额填在第一行" in said[0]
    path, _ = L.build(tmp_path, R.money_each_measure_its_own)
    assert not [n for n in _notes(path) if "相同的金额" in n]
    # the same amount written once on the first row (the others blank) is the same total
    wb = openpyxl.load_workbook(tmp_path / "money_repeated_per_measure.xlsx")
    wb.active["C3"] = None
    wb.save(tmp_path / "once.xlsx")
    assert L.run(R.TODAY, "stats", str(tmp_path / "once.xlsx"))["清退资金"] == 157000
    assert not [n for n in _notes(tmp_path / "once.xlsx") if "相同的金额" in n]


def test_a_hidden_copy_of_a_column_gives_way_to_the_visible_one(tmp_path: Path) -> None:
    """Two 整改状态 columns, F hidden: G (visible) is read and the warning on F says why; with
    F shown again, the first is read as before and G is the one warned about."""
    path, _ = L.build(tmp_path, R.hidden_old_status_same_header)
    report = L.run(R.TODAY, "check", str(path))
    assert "读取未隐藏的 G 列" in L.messages(report, "duplicate-column")[0]
    assert "这一列被隐藏" in L.reads(report)["F"]["detail"]
    wb = openpyxl.load_workbook(path)
    wb.active.column_dimensions["F"].hidden = False
    wb.save(path)
    report = L.run(R.TODAY, "check", str(path))
    assert L.reads(report)["F"]["read_as"] == "整改状态"
    assert L.rules(report)["duplicate-column"] == ["整改台账!G1"]


def test_a_box_beside_the_table_is_kept_only_past_a_blank_column(tmp_path: Path) -> None:
    """The 统计 box past the blank H column is outside the table (a note, its detail in the
    读取方式); moved next to the table (no blank column between) it is an unknown column."""
    path, _ = L.build(tmp_path, R.counts_box_beside_table)
    report = L.run(R.TODAY, "check", str(path))
    assert "隔着空白的 H 列" in L.reads(report)["I"]["detail"]
    assert "统计框" in L.messages(report, "unused-column")[0]
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.delete_cols(8)
    wb.save(path)
    assert "unmapped-column" in L.rules(L.run(R.TODAY, "check", str(path)))


def test_footer_rows_say_the_totals_and_signing_lines_were_left_out(tmp_path: Path) -> None:
    """The 表格's 汇总 row and the signing line laid out label | value in cells of their own are
    named as footer rows in the 读取方式."""
    path, _ = L.build(tmp_path, R.excel_table_totals_row)
    footers = L.run(R.TODAY, "check", str(path))["layout"]["footer_rows"]
    assert footers == [{"row": 5, "text": "汇总"}]
    path, _ = L.build(tmp_path, R.offset_table_guide_above)
    footers = L.run(R.TODAY, "check", str(path))["layout"]["footer_rows"]
    assert [f["row"] for f in footers] == [12, 13]


@pytest.mark.parametrize(
    "title",
    ["一、已完成整改事项", "二、正在整改事项", "（二）尚未完成整改的问题", "三、已办结问题清单"],
)
def test_headings_naming_a_status_are_no_aspects(tmp_path: Path, title: str) -> None:
    """A heading inside the table that groups the rows by where they stand names no 方面 (the
    读取方式 says so); a heading naming a 方面 in its place is one."""
    path, _ = L.build(tmp_path, R.two_tables_by_status)
    assert any("第 5 行“二、正在整改事项”是按整改进度分组的标题" in n for n in _notes(path))
    wb = openpyxl.load_workbook(path)
    wb.active["A5"] = title
    wb.save(path)
    assert L.run(R.TODAY, "stats", str(path))["方面数"] == 1
    wb.active["A5"] = "二、作风建设方面"
    wb.save(path)
    assert L.run(R.TODAY, "stats", str(path))["方面数"] == 2


@pytest.mark.parametrize("header", ["成效", "实际成效", "整改实效"])
def test_effect_headers_are_the_progress(header: str) -> None:
    assert C.header_column(header) == "整改进展及成效"


def test_an_amount_on_a_problem_heading_is_counted_once(tmp_path: Path) -> None:
    """The amount on a problem line or a "（一）" problem heading goes to the first measure below
    it (said in the 读取方式); one on a "一、" 方面 heading above problem headings is their 小计,
    not counted again."""
    path, _ = L.build(tmp_path, R.money_on_problem_line)
    assert any("问题行上的金额、人次等计入其下第一条措施" in n for n in _notes(path))
    path, _ = L.build(tmp_path, R.money_on_numbered_problem_rows)
    assert any("第 3 行问题标题上的金额" in n for n in _notes(path))
    wb = openpyxl.load_workbook(path)
    wb.active["C2"] = 3000  # the 方面's 小计
    wb.save(path)
    stats = L.run(R.TODAY, "stats", str(path))
    assert (stats["问题数"], stats["措施数"], stats["清退资金"]) == (2, 3, 3000)
    assert any("第 2 行标题上的金额、人次等是其下各行的小计" in n for n in _notes(path))
