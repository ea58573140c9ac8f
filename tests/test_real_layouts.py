"""Ledgers laid out as real units keep them (``real_layouts``), run through ``check`` and
``stats`` as a clerk would: every measure found, every column read as what it is, every status
and date understood, every figure what the clerk put in, and what is still wrong said plainly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import layout_checks as L
import openpyxl
import pytest
import real_layouts as R

BUILDERS = [
    R.xuncha_two_row_header,
    R.audit,
    R.theme_education,
    R.supervision,
    R.bureau_collects,
    R.wps_hand_made,
    R.top_row_sparse,
    R.section_rows,
    R.status_in_progress_text,
    R.blank_status_with_date,
    R.numbered_cells_merged_problem,
    R.check_marks_and_yes_no,
    R.instructions_first_sheet,
    R.status_and_progress_by_alias,
    R.written_once_not_merged,
    R.problem_line_then_measures,
    R.sections_pasted_together,
]


def _run(*args: str) -> dict[str, Any]:
    return L.run(R.TODAY, *args)


def _sheet(path: Path, *rows: list[Any]) -> Path:
    """A one-sheet ledger (整改台账) of ``rows``, the first being the header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


_build, _rules = L.build, L.rules


@pytest.fixture(params=BUILDERS, ids=[b.__name__ for b in BUILDERS])
def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, R.Expect]:
    return _build(tmp_path, request.param)


def test_stats_counts_what_the_clerk_put_in(built):
    L.assert_counts(R.TODAY, *built, money_always=False)


def test_every_column_read_as_what_it_is(built):
    path, expect = built
    report = _run("check", str(path))
    L.assert_columns(report, expect)
    # No header of these ledgers is unknown or left unread as a duplicate: each is read, or
    # known as a column no command uses.
    assert not [
        f for f in report["findings"] if f["rule"] in ("unmapped-column", "duplicate-column")
    ]
    assert not [f for f in report["findings"] if f["rule"] == "unknown-status"]
    assert not [f for f in report["findings"] if f["rule"] in ("bad-deadline", "bad-finish-date")]


def test_group_title_over_sub_headers_yields_to_them(tmp_path):
    # 完成情况 (itself a name of the progress column) merged over 是否完成 | 完成时间
    path, _ = _build(tmp_path, R.xuncha_two_row_header)
    report = _run("check", str(path))
    assert _rules(report) == {}
    assert report["layout"]["header_rows"] == [3, 4]


def test_audit_ledger(tmp_path):
    path, _ = _build(tmp_path, R.audit)
    report = _run("check", str(path))
    rules = _rules(report)
    # 问题金额 / 已整改金额: known, not used, a note and no warning; the 合计 and 注 rows are no data
    assert rules["unused-column"] == ["审计整改!C2", "审计整改!I2"]
    assert [f["row"] for f in report["layout"]["footer_rows"]] == [6, 7]
    # no 方面 / 责任领导 column at all: the message says how to add one, not only --map
    missing = [f["message"] for f in report["findings"] if f["rule"] == "missing-column"]
    assert len(missing) == 2
    assert "如果没有这一列，请增加一列“方面”" in missing[0]
    assert "请增加一列“责任领导”（分管该项整改的领导）" in missing[1]
    assert rules["overdue-red"] == ["审计整改!G5"]
    # 未整改原因 is the 延期说明: the overdue row explains itself
    assert "overdue-no-reason" not in rules


def test_supervision_dates_and_ticks(tmp_path):
    path, _ = _build(tmp_path, R.supervision)
    report = _run("check", str(path))
    rules = _rules(report)
    assert rules["assumed-year"] == ["督查问题!F4"]  # 6月30日前
    assert rules["overdue-red"] == ["督查问题!F5"]
    # the header with a line break is quoted on one line
    headers = {c["column"]: c["header"] for c in report["layout"]["columns"]}
    assert headers["E"] == "具体责任人"


def test_progress_that_opens_with_the_status(tmp_path):
    path, _ = _build(tmp_path, R.status_in_progress_text)
    report = _run("check", str(path))
    assert _rules(report) == {}
    reads = [c for c in report["layout"]["columns"] if c["column"] == "I"]
    assert [c["read_as"] for c in reads] == ["整改进展及成效", "整改状态"]
    assert "以整改状态开头" in reads[1]["detail"]


def test_blank_status_with_a_finish_date_is_asked_not_guessed(tmp_path):
    path, _ = _build(tmp_path, R.blank_status_with_date)
    report = _run("check", str(path))
    [f] = [f for f in report["findings"] if f["rule"] == "required-cell"]
    assert f["cell"] == "整改台账!I2"
    assert "完成时间 2024年4月15日" in f["message"] and "如已完成，请填“已完成”" in f["message"]


def test_wps_money_in_wan_and_totals_row(tmp_path):
    path, _ = _build(tmp_path, R.wps_hand_made)
    report = _run("check", str(path))
    assert _rules(report) == {}
    assert [f["text"] for f in report["layout"]["footer_rows"]] == ["合计"]
    assert any("万元" in n for n in report["layout"]["notes"])


def test_written_once_blanks_are_reported_but_grouped(tmp_path):
    path, _ = _build(tmp_path, R.written_once_not_merged)
    report = _run("check", str(path))
    assert _rules(report) == {
        "required-cell": ["整改台账!B3", "整改台账!C3", "整改台账!E3", "整改台账!B4"]
    }
    stats = _run("stats", str(path))
    assert [a["方面"] for a in stats["按方面"]] == ["班子建设方面", "队伍建设方面"]


def test_problem_lines_above_their_measures(tmp_path):
    path, _ = _build(tmp_path, R.problem_line_then_measures)
    report = _run("check", str(path))
    assert _rules(report) == {}
    assert any("第 2、5 行只写了问题" in n for n in report["layout"]["notes"])
    stats = _run("stats", str(path))
    assert (
        stats["未启动"] == 1 and stats["正在推进"] == 1
    )  # problems: 1.x in progress, 2.x not started


def test_tables_pasted_together(tmp_path):
    # 序号 1, 2 under 办公室 and again 1, 2 under 财务科: four problems, no 序号 conflict, and the
    # repeated header is no measure
    path, _ = _build(tmp_path, R.sections_pasted_together)
    report = _run("check", str(path))
    assert _rules(report) == {}
    notes = report["layout"]["notes"]
    assert (
        "第 7 行重复了表头（打印时每页重复的表头，或几张表格接在一起），未作为措施读取。" in notes
    )
    assert any("序号在每个分组标题（如第 3 行“办公室”）下重新编号" in n for n in notes)


def test_immediate_without_dates_is_said_not_passed_over(tmp_path):
    # 立行立改 / 即知即改 in a ledger without 基本信息: no due date, so no warning could be given
    path = _sheet(
        tmp_path / "立行立改.xlsx",
        ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"],
        [1, "作风方面", "问题一", "措施一", "张某", "办公室", "即知即改", "正在推进"],
        [2, "作风方面", "问题二", "措施二", "张某", "办公室", "立行立改", "未启动"],
        [3, "作风方面", "问题三", "措施三", "张某", "办公室", "2024年6月30日", "未启动"],
    )
    report = _run("check", str(path))
    [f] = [f for f in report["findings"] if f["rule"] == "immediate-undated"]
    assert f["cell"] == "整改台账!G2" and f["severity"] == "note"
    assert f["message"].startswith("有 2 行的整改时限是立行立改一类（如 G2“即知即改”）")


def test_the_standard_name_wins_over_an_alias_before_it(tmp_path):
    # 整改任务 (an alias of 整改措施) left of 整改措施 itself: 整改措施 is read (and since round
    # 13 the 整改任务 beside it the 整改目标, as 上级 templates mean it: before, duplicate-column)
    path = _sheet(
        tmp_path / "任务和措施.xlsx",
        [
            "序号",
            "方面",
            "问题",
            "整改任务",
            "整改措施",
            "责任领导",
            "责任部门",
            "整改时限",
            "整改状态",
        ],
        [
            1,
            "作风方面",
            "问题一",
            "规范会议",
            "1.精简会议；2.压缩时长",
            "张某",
            "办公室",
            "2024年6月30日",
            "正在推进",
        ],
    )
    report = _run("check", str(path))
    read = {c["column"]: c["read_as"] for c in report["layout"]["columns"]}
    assert read["E"] == "整改措施" and read["D"] == "整改目标"
    assert _rules(report) == {}
    assert _run("stats", str(path))["措施数"] == 2


def test_a_row_numbering_the_columns_is_part_of_the_header(tmp_path):
    path, _ = _build(tmp_path, R.check_marks_and_yes_no)
    report = _run("check", str(path))
    assert _rules(report) == {}
    assert report["layout"]["header_rows"] == [1, 2]
    headers = {c["column"]: c["header"] for c in report["layout"]["columns"]}
    assert headers["I"] == "完成情况（是/否）"


@pytest.mark.parametrize(
    "footer",
    [
        "制表：张某        审核：李某",
        "分管领导签字：",
        "报送单位（盖章）：",
        "单位（盖章）            2024年5月8日",
        "填表日期：2024年5月8日",
        "经办人：张某  电话：12345678",
    ],
)
def test_footer_lines_are_footers(tmp_path, footer):
    path = _sheet(
        tmp_path / "表尾.xlsx",
        ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"],
        [1, "作风方面", "问题一", "措施一", "张某", "办公室", "2024年6月30日", "正在推进"],
        [footer],
    )
    report = _run("check", str(path))
    assert [f["row"] for f in report["layout"]["footer_rows"]] == [3]
    assert report["layout"]["group_rows"] == []


def test_deadlines_under_a_finish_time_header(tmp_path):
    # no 整改时限 column; the one headed 完成时间 holds 2024年6月底前 / 长期坚持 / 立行立改
    path = _sheet(
        tmp_path / "完成时间即时限.xlsx",
        ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "完成时间", "整改状态"],
        [1, "作风方面", "问题一", "措施一", "张某", "办公室", "2024年6月底前", "正在推进"],
        [2, "作风方面", "问题二", "措施二", "张某", "办公室", "长期坚持", "正在推进"],
        [3, "作风方面", "问题三", "措施三", "张某", "办公室", "2024年4月30日前", "未启动"],
    )
    report = _run("check", str(path))
    [read] = [c for c in report["layout"]["columns"] if c["column"] == "G"]
    assert (read["read_as"], read["how"]) == ("整改时限", "按内容")
    assert _rules(report) == {"overdue-red": ["整改台账!G4"], "overdue-no-reason": ["整改台账!G4"]}


def test_status_words_in_a_column_after_the_progress_are_the_status(tmp_path):
    # 整改进展 (narrative) then 完成情况 (已完成/整改中…): both are names of the progress, so the
    # second was left unread as a duplicate and the ledger had "no status column"
    header = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任科室", "完成时限"]
    path = _sheet(
        tmp_path / "完成情况在后.xlsx",
        [*header, "整改进展", "完成情况"],
        [
            1,
            "政治建设方面",
            "学习流于形式",
            "制定学习计划",
            "张某",
            "办公室",
            "2024年6月底前",
            "已制定计划并开展学习4次",
            "已完成",
        ],
        [
            2,
            "政治建设方面",
            "责任制不落实",
            "修订责任清单",
            "张某",
            "办公室",
            "2024.09.30",
            "正在修订",
            "整改中",
        ],
        [
            3,
            "作风建设方面",
            "接待不规范",
            "清理接待台账",
            "李某",
            "财务股",
            "2024年12月底前",
            "已清理2023年以来的台账",
            "已整改",
        ],
    )
    report = _run("check", str(path))
    read = {c["column"]: (c["read_as"], c["how"]) for c in report["layout"]["columns"]}
    assert read["H"] == ("整改进展及成效", "别名") and read["I"] == ("整改状态", "按内容")
    rules = {f["rule"] for f in report["findings"]}
    assert "missing-column" not in rules and "duplicate-column" not in rules
    stats = _run("stats", str(path))
    assert stats["措施状态"]["已完成"] == 2 and stats["措施状态"]["正在推进"] == 1
