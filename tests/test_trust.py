"""Issue 7, as it was seen: each case written as a real workbook (openpyxl), read back, and the
figures and findings that a clerk would expect. "Figures that can be trusted, and real
organisations' ledgers read right without --map"."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import INFO, STANDARD_HEADER, good_row, set_error_values, write_ledger

from ledger_tools.cli import cli
from ledger_tools.documents.context import build_context
from ledger_tools.ledger.checking import format_text, report_json
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.schema import validate
from ledger_tools.ledger.stats import compute_stats

TODAY = dt.date(2024, 5, 10)
NUMBERS = ["清退资金（元）", "问责人次", "建立制度（项）"]


def check(path: Path, **kw: Any) -> Any:
    return validate(load_ledger(path, **kw), today=TODAY)


def rules(report: Any, rule: str) -> list[Any]:
    return [f for f in report.findings if f.rule == rule]


def three_outputs(path: Path, **kw: Any) -> tuple[dict, dict, dict]:
    """The figures as check, stats and the documents see them, for the same file and date."""
    ledger = load_ledger(path, **kw)
    return (
        validate(ledger, today=TODAY).totals,
        compute_stats(ledger, TODAY),
        build_context(ledger, "report", as_of=TODAY)["统计"],
    )


# ---------------------------------------------------------------------------------------------
# Sums multiplied.


def test_numbers_of_a_row_split_into_measures_are_counted_once(tmp_path):
    row = good_row(1, 整改措施="1.建立台账；2.开展自查；3.完善制度") + [1500, 3, 2]
    path = write_ledger(tmp_path / "a.xlsx", [row], [*STANDARD_HEADER, *NUMBERS], info=INFO)
    for figures in three_outputs(path):
        assert figures["措施数"] == 3
        assert (figures["清退资金"], figures["问责人次"], figures["建立制度"]) == (1500, 3, 2)
    assert (
        "清退资金1,500元，约谈问责3人次，建立完善制度2项"
        in compute_stats(load_ledger(path), TODAY)["统计句"]
    )
    assert load_ledger(path).table()["清退资金"].drop_nulls().to_list() == ["1500"]


def test_a_number_merged_down_three_measure_rows_is_counted_once(tmp_path):
    rows = [good_row(1, 整改措施=f"措施{k}") + [1500, 3, None] for k in range(3)]
    rows.append(good_row(2) + [200, None, 1])
    path = write_ledger(
        tmp_path / "a.xlsx",
        rows,
        [*STANDARD_HEADER, *NUMBERS],
        merges=["N2:N4", "O2:O4"],
        info=INFO,
    )
    for figures in three_outputs(path):
        assert (figures["清退资金"], figures["问责人次"], figures["建立制度"]) == (1700, 3, 1)
    assert not check(path).errors


# ---------------------------------------------------------------------------------------------
# check and stats disagree.


def test_check_stats_and_documents_agree_on_an_unreadable_status(tmp_path):
    rows = [good_row(n) for n in range(1, 8)]
    rows.append(good_row(8, 整改状态="差不太多", 整改时限="2024年4月1日", 完成时间=None))
    rows.append(good_row(9, 整改状态="已完成整改", 整改时限="2024年4月1日"))
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    totals, stats, ctx = three_outputs(path)
    for figures in (totals, stats, ctx):
        assert figures["问题数"] == 9
        assert figures["已完成"] == 8  # 已完成整改 is understood
        assert figures["状态未填"] == 1
        assert figures["预警"] == {"红色": 0, "黄色": 0, "绿色": 0}
        assert "预警" in figures["存疑"] and "办结率" in figures["存疑"]
    report = check(path)
    assert [f.cell for f in report.errors] == ["整改台账!J9"]
    assert not rules(report, "overdue-red")
    # The summary accounts for every problem, the unreadable one included.
    assert "已完成 8 项，状态未填或无法识别 1 项" in format_text(report)


def test_warnings_are_counted_alike_by_check_and_stats(tmp_path):
    rows = [
        good_row(1, 整改状态="正在推进", 完成时间=None, 整改时限="2024年4月30日"),
        good_row(2, 整改状态="正在推进", 完成时间=None, 整改时限="2024年5月15日"),
        good_row(
            3, 整改状态="未启动", 完成时间=None, 整改时限="2024年5月25日", 整改措施="1.甲；2.乙"
        ),
        good_row(4, 整改状态="待整改", 完成时间=None, 整改时限="2024年3月1日"),
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    report = check(path)
    counts = report_json(report)["counts"]
    stats = compute_stats(load_ledger(path), TODAY)
    assert {c: counts[c] for c in ("红色", "黄色", "绿色")} == stats["预警"]
    assert stats["预警"] == {"红色": 2, "黄色": 1, "绿色": 1}


# ---------------------------------------------------------------------------------------------
# Real status words; their suggestions (tests/test_status.py has every word).


def test_real_status_words_in_a_ledger_are_not_errors(tmp_path):
    words = ["整改完成", "已销号", "待整改", "开始整改", "申请延期", "整改完成待审核", "关闭"]
    rows = [
        good_row(
            n,
            整改状态=w,
            完成时间=dt.date(2024, 4, 20) if "完成" in w or w in ("已销号", "关闭") else None,
        )
        for n, w in enumerate(words, start=1)
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    report = check(path)
    assert not rules(report, "unknown-status")
    ledger = load_ledger(path)
    assert [m.status for m in ledger.measures] == [
        "已完成",
        "已完成",
        "未启动",
        "正在推进",
        "正在推进",
        "基本完成",
        "已完成",
    ]


def test_unknown_word_gets_no_dangerous_suggestion(tmp_path):
    rows = [
        good_row(1, 整改状态="待上会研究", 完成时间=None),
        good_row(2, 整改状态="见附件", 完成时间=None),
    ]
    report = check(write_ledger(tmp_path / "a.xlsx", rows, info=INFO))
    first, second = rules(report, "unknown-status")
    assert "是否应为“未启动”" in first.message
    assert "是否应为" not in second.message and "状态对照" in second.message


def test_users_teach_their_words_in_the_workbook_and_with_an_option(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx",
        [good_row(1, 整改状态="办结归档"), good_row(2, 整改状态="挂牌督办", 完成时间=None)],
        info=INFO,
    )
    assert len(rules(check(path), "unknown-status")) == 2
    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("状态对照")
    ws.append(["原状态", "标准状态"])
    ws.append(["办结归档", "已完成"])
    wb.save(path)
    assert [f.value for f in rules(check(path), "unknown-status")] == ["挂牌督办"]
    assert not rules(check(path, statuses={"挂牌督办": "正在推进"}), "unknown-status")
    result = CliRunner().invoke(
        cli, ["check", str(path), "--today", "2024-05-10", "--status-map", "挂牌督办=推进中"]
    )
    assert result.exit_code == 0, result.output
    bad = CliRunner().invoke(cli, ["check", str(path), "--status-map", "挂牌督办=差不多"])
    assert bad.exit_code == 2 and "标准状态有" in bad.output


def test_yes_no_answers_under_a_is_it_done_header(tmp_path):
    header = [h if h != "整改状态" else "是否整改完成" for h in STANDARD_HEADER]
    rows = [good_row(1, 整改状态="是"), good_row(2, 整改状态="否", 完成时间=None)]
    ledger = load_ledger(write_ledger(tmp_path / "a.xlsx", rows, header, info=INFO))
    assert [m.status for m in ledger.measures] == ["已完成", "正在推进"]


# ---------------------------------------------------------------------------------------------
# Real headers.

REAL_HEADERS = {
    "问题简述": "问题",
    "整改计划及措施": "整改措施",
    "措施内容": "整改措施",
    "整改责任领导": "责任领导",
    "整改负责人": "责任人",
    "整改责任人": "责任人",
    "所属责任公司": "责任部门",
    "预计完成时间": "整改时限",
    "目标设定完成时间": "整改时限",
    "截止时间": "整改时限",
    "是否整改完成": "整改状态",
    "办理状态": "整改状态",
}


@pytest.mark.parametrize(("written", "canonical"), REAL_HEADERS.items())
def test_real_headers(tmp_path, written, canonical):
    header = [written if h == canonical else h for h in STANDARD_HEADER]
    if canonical not in STANDARD_HEADER:
        header = [*STANDARD_HEADER, written]
    rows = [good_row(1, 整改状态="是" if written.startswith("是否") else "已完成")]
    rows = [r + (["李某"] if canonical not in STANDARD_HEADER else []) for r in rows]
    ledger = load_ledger(write_ledger(tmp_path / "a.xlsx", rows, header, info=INFO))
    assert ledger.origin.headers[ledger.origin.columns[canonical]] == written
    assert not [n for n in ledger.notes if n.rule in ("unmapped-column", "duplicate-column")]
    assert any(c.header == written and c.how == "别名" for c in ledger.layout.columns)


def test_the_only_problem_column_is_the_problem(tmp_path):
    header = [h if h != "问题" else "具体问题" for h in STANDARD_HEADER]
    ledger = load_ledger(write_ledger(tmp_path / "a.xlsx", [good_row(1)], header, info=INFO))
    assert ledger.origin.columns["问题"] == "C" and "问题表现" not in ledger.origin.columns
    assert not check(tmp_path / "a.xlsx").errors
    # Beside a 问题 column, 具体问题 stays the description.
    header = [*STANDARD_HEADER, "具体问题"]
    path = write_ledger(tmp_path / "b.xlsx", [good_row(1) + ["具体表现"]], header, info=INFO)
    assert load_ledger(path).origin.columns["问题表现"] == "N"


def _progress_ledger(tmp_path: Path, name: str, values: list[str]) -> Any:
    header = [h for h in STANDARD_HEADER if h not in ("整改状态", "整改进展及成效")] + ["完成情况"]
    base = [h for h in STANDARD_HEADER if h not in ("整改状态", "整改进展及成效")]
    rows = [
        [v for h, v in zip(STANDARD_HEADER, good_row(n), strict=True) if h in base] + [value]
        for n, value in enumerate(values, start=1)
    ]
    return load_ledger(write_ledger(tmp_path / name, rows, header, info=INFO))


def test_completion_column_holding_statuses_is_the_status(tmp_path):
    ledger = _progress_ledger(tmp_path, "a.xlsx", ["已完成", "整改中", "已完成整改", "已销号"])
    assert "整改状态" in ledger.origin.columns and "整改进展及成效" not in ledger.origin.columns
    assert [m.status for m in ledger.measures] == ["已完成", "正在推进", "已完成", "已完成"]
    read = next(c for c in ledger.layout.columns if c.header == "完成情况")
    assert read.how == "按内容" and read.column == "整改状态"


def test_completion_column_holding_prose_is_the_progress(tmp_path):
    prose = [
        "已召开专题会议研究部署，制定整改方案并印发执行。",
        "完成制度修订三项，组织全员学习培训两次。",
    ]
    ledger = _progress_ledger(tmp_path, "a.xlsx", prose)
    assert ledger.origin.columns.get("整改进展及成效") == "L"
    assert "整改状态" not in ledger.origin.columns


def test_unknown_headers_are_assigned_by_content(tmp_path):
    header = [h for h in STANDARD_HEADER if h not in ("整改时限", "整改状态")]
    header += ["时间安排", "情况说明"]
    rows = []
    for n, (when, state) in enumerate(
        [("2024年6月底前", "推进中"), ("立行立改", "已办结"), ("2024-04-30", "已完成")], start=1
    ):
        r = dict(zip(STANDARD_HEADER, good_row(n), strict=True))
        rows.append([r[h] for h in header[:-2]] + [when, state])
    path = write_ledger(tmp_path / "a.xlsx", rows, header, info=INFO)
    ledger = load_ledger(path)
    assert ledger.origin.columns["整改时限"] == "L" and ledger.origin.columns["整改状态"] == "M"
    report = check(path)
    assert not rules(report, "unmapped-column") and not rules(report, "missing-column")
    text = format_text(report)
    assert "L 列“时间安排”→ 整改时限（按内容" in text
    assert "M 列“情况说明”→ 整改状态（按内容" in text


# ---------------------------------------------------------------------------------------------
# Problems grouped by 序号, not by text.


def test_same_text_under_different_numbers_is_different_problems(tmp_path):
    rows = [
        good_row(10, 问题="制度执行不严格", 方面="甲方面"),
        good_row(20, 问题="制度执行不严格", 方面="乙方面"),
        good_row(24, 问题="制度执行不严格", 方面="丙方面"),
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    ledger = load_ledger(path)
    assert [p.number for p in ledger.problems] == ["10", "20", "24"]
    assert compute_stats(ledger, TODAY)["问题数"] == 3
    assert not check(path).errors


def test_numbering_restarting_under_each_aspect_is_not_a_conflict(tmp_path):
    rows = [
        good_row(1, 方面="甲方面", 问题="甲一"),
        good_row(1, 方面="甲方面", 问题="甲一", 整改措施="第二条"),
        good_row(2, 方面="甲方面", 问题="甲二"),
        good_row(1, 方面="乙方面", 问题="乙一"),
        good_row(2, 方面="乙方面", 问题="乙二"),
        good_row(2, 方面="乙方面", 问题="乙X"),  # a real conflict within 乙方面
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    ledger = load_ledger(path)
    assert [(p.aspect, p.number, p.title) for p in ledger.problems] == [
        ("甲方面", "1", "甲一"),
        ("甲方面", "2", "甲二"),
        ("乙方面", "1", "乙一"),
        ("乙方面", "2", "乙二"),
    ]
    assert [f.cell for f in check(path).errors] == ["整改台账!C7"]
    assert any("重新编号" in n for n in ledger.layout.notes)


# ---------------------------------------------------------------------------------------------
# Footer and grouping rows.


WITHOUT_ASPECT = [h for h in STANDARD_HEADER if h != "方面"]


def _row_without_aspect(n: int) -> list[Any]:
    r = dict(zip(STANDARD_HEADER, good_row(n), strict=True))
    return [r[h] for h in WITHOUT_ASPECT]


def _lone(text: str, merged: bool = False) -> list[Any]:
    width = len(WITHOUT_ASPECT)
    return [text] * width if merged else [text] + [None] * (width - 1)


def test_category_above_numbered_aspects_and_footer_notes(tmp_path):
    rows = [
        _lone("1.专项整改问题"),
        _lone("(1)落实主体责任方面", merged=True),
        _row_without_aspect(1),
        _lone("(2)住房安全方面。"),
        _row_without_aspect(2),
        _lone("2.巡察反馈问题"),
        ["（3）", "财务管理方面"] + [None] * (len(WITHOUT_ASPECT) - 2),
        _row_without_aspect(3),
    ]
    after = [
        ["注意：请按规则进行填报"],
        ["填表人：张三", None, "审核人：李四"],
        ["填报日期：2024年5月"],
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, WITHOUT_ASPECT, after=after, info=INFO)
    ledger = load_ledger(path)
    assert [m.row for m in ledger.measures] == [4, 6, 9]
    assert [a.title for a in ledger.aspects] == ["落实主体责任方面", "住房安全方面", "财务管理方面"]
    assert compute_stats(ledger, TODAY)["问题数"] == 3
    assert [r for r, _ in ledger.layout.footer_rows] == [10, 11, 12]
    report = check(path)
    assert not report.errors, [f.message for f in report.errors]
    text = format_text(report)
    assert "分组标题行（不算措施）：第 2“1.专项整改问题”、3“(1)落实主体责任方面”" in text
    assert "表尾、说明行（不算措施）：第 10“注意：请按规则进行填报”" in text


def test_aspects_above_problem_groups(tmp_path):
    rows = [
        _lone("一、落实全面从严治党方面", merged=True),
        _lone("（一）关于“四风”方面的问题"),
        _row_without_aspect(1),
        _lone("（二）关于选人用人的问题"),
        _row_without_aspect(2),
        _lone("二、落实主体责任方面", merged=True),
        _row_without_aspect(3),
    ]
    ledger = load_ledger(write_ledger(tmp_path / "a.xlsx", rows, WITHOUT_ASPECT, info=INFO))
    assert [m.row for m in ledger.measures] == [4, 6, 8]
    assert [a.title for a in ledger.aspects] == ["落实全面从严治党方面", "落实主体责任方面"]
    assert [r for r, _ in ledger.layout.group_rows] == [2, 3, 5, 7]
    # The rows have their own 问题: the problem headings do not replace them.
    assert [p.title for p in ledger.problems] == ["问题1", "问题2", "问题3"]


def test_problem_headings_name_the_problems_of_a_ledger_without_a_problem_column(tmp_path):
    header = [h for h in WITHOUT_ASPECT if h not in ("问题", "序号")]

    def measure_row(n: int) -> list[Any]:
        r = dict(zip(STANDARD_HEADER, good_row(n, 整改措施=f"措施{n}"), strict=True))
        return [r[h] for h in header]

    width = len(header)
    rows = [
        ["一、落实全面从严治党方面"] * width,
        ["（一）关于“四风”的问题"] + [None] * (width - 1),
        measure_row(1),
        measure_row(2),
        ["（二）关于选人用人的问题"] + [None] * (width - 1),
        measure_row(3),
        ["二、落实主体责任方面"] * width,
        measure_row(4),
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, header, info=INFO)
    ledger = load_ledger(path)
    assert [(p.aspect, p.title, len(p.measures)) for p in ledger.problems] == [
        ("落实全面从严治党方面", "关于“四风”的问题", 2),
        ("落实全面从严治党方面", "关于选人用人的问题", 1),
        ("落实主体责任方面", "【问题未填】", 1),
    ]
    report = check(path)
    assert not rules(report, "missing-column")
    assert [f.cell for f in rules(report, "required-cell")] == ["整改台账!9行"]


def test_problem_groups_alone_name_the_aspects(tmp_path):
    rows = [
        _lone("（一）关于“四风”的问题"),
        _row_without_aspect(1),
        _lone("（二）关于选人用人的问题"),
        _row_without_aspect(2),
    ]
    ledger = load_ledger(write_ledger(tmp_path / "a.xlsx", rows, WITHOUT_ASPECT, info=INFO))
    assert [a.title for a in ledger.aspects] == ["关于“四风”的问题", "关于选人用人的问题"]


def test_a_note_row_inside_the_table_is_skipped_not_the_rest(tmp_path):
    rows = [good_row(1), ["备注：以下为新增问题"], good_row(2)]
    ledger = load_ledger(write_ledger(tmp_path / "a.xlsx", rows, info=INFO))
    assert [m.row for m in ledger.measures] == [2, 4]
    assert [r for r, _ in ledger.layout.footer_rows] == [3]


# ---------------------------------------------------------------------------------------------
# Deadlines without a year.


def test_yearless_deadlines_take_the_feedback_year_and_warn(tmp_path):
    rows = [
        good_row(1, 整改时限="4月30日前", 整改状态="正在推进", 完成时间=None),
        good_row(2, 整改时限="年底前", 整改状态="正在推进", 完成时间=None),
        good_row(3, 整改时限="5月15日", 整改状态="正在推进", 完成时间=None),
        good_row(4, 整改时限="2月10日", 整改状态="正在推进", 完成时间=None),  # before feedback
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    ledger = load_ledger(path)
    assert [m.deadline.due for m in ledger.measures] == [
        dt.date(2024, 4, 30),
        dt.date(2024, 12, 31),
        dt.date(2024, 5, 15),
        dt.date(2025, 2, 10),
    ]
    report = check(path)
    assert not rules(report, "bad-deadline")
    assert [f.cell for f in rules(report, "overdue-red")] == ["整改台账!I2"]
    assert [f.cell for f in rules(report, "due-yellow")] == ["整改台账!I4"]
    (note,) = rules(report, "assumed-year")
    assert "2024、2025 年" in note.message and "反馈日期" in note.message


def test_yearless_deadline_without_feedback_uses_the_check_date(tmp_path):
    path = write_ledger(
        tmp_path / "a.xlsx", [good_row(1, 整改时限="9月30日前", 整改状态="正在推进", 完成时间=None)]
    )
    ledger = load_ledger(path, today=TODAY)
    assert ledger.measures[0].deadline.due == dt.date(2024, 9, 30)
    assert "检查日期" in ledger.measures[0].deadline.note


# ---------------------------------------------------------------------------------------------
# A missing column is one finding; open measures with a finish date.


def test_absent_department_column_is_one_finding(tmp_path):
    header = [h for h in STANDARD_HEADER if h not in ("牵头部门", "责任部门")]
    rows = [
        [v for h, v in zip(STANDARD_HEADER, good_row(n), strict=True) if h in header]
        for n in range(1, 6)
    ]
    report = check(write_ledger(tmp_path / "a.xlsx", rows, header, info=INFO))
    assert [f.rule for f in report.errors] == ["missing-column"]


def test_absent_finish_date_column_is_one_finding(tmp_path):
    header = [h for h in STANDARD_HEADER if h != "完成时间"]
    rows = [
        [v for h, v in zip(STANDARD_HEADER, good_row(n), strict=True) if h in header]
        for n in range(1, 6)
    ]
    report = check(write_ledger(tmp_path / "a.xlsx", rows, header, info=INFO))
    (finding,) = report.errors
    assert finding.rule == "finished-without-date" and "5 行" in finding.message
    assert finding.row == 1


def test_open_measure_with_a_finish_date_is_a_warning(tmp_path):
    rows = [good_row(1, 整改状态="正在推进", 整改时限="2024年12月31日")]
    report = check(write_ledger(tmp_path / "a.xlsx", rows, info=INFO))
    assert [f.cell for f in rules(report, "open-with-finish-date")] == ["整改台账!K2"]
    assert not report.errors


# ---------------------------------------------------------------------------------------------
# Excel error values; non-finite and absurd numbers.


def _with_errors(path: Path) -> Path:
    header = [*STANDARD_HEADER, *NUMBERS]
    rows = [good_row(1) + [None, 1, 1], good_row(2) + [300, 2, 1]]
    write_ledger(path, rows, header, info=INFO)
    return set_error_values(path, {"N2": "#DIV/0!", "J3": "#N/A"})


def test_excel_error_values_are_findings_never_blanks(tmp_path):
    path = _with_errors(tmp_path / "a.xlsx")
    report = check(path)
    errors = [(f.rule, f.cell) for f in report.errors]
    assert errors == [("formula-error", "整改台账!N2"), ("formula-error", "整改台账!J3")]
    assert "公式出错：#DIV/0!" in report.errors[0].message
    assert not report.ok
    stats = compute_stats(load_ledger(path), TODAY)
    assert stats["清退资金"] == 300 and "清退资金" in stats["存疑"]
    assert "清退资金【300元】" in stats["统计句"]
    assert stats["状态未填"] == 1


def _raw_numbers(path: Path, placeholder: int, raw: str) -> None:
    """Put ``raw`` (NaN, INF …: what some programs write, openpyxl cannot) into the number
    cells that hold ``placeholder``."""
    with zipfile.ZipFile(path) as src:
        members = [(i, src.read(i.filename)) for i in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename.startswith("xl/worksheets/"):
                data = data.replace(f"<v>{placeholder}</v>".encode(), f"<v>{raw}</v>".encode())
            out.writestr(info, data)


@pytest.mark.parametrize("bad", ["NaN", "INF", "-INF", 1e30, "1e300", "NaN元"])
def test_non_finite_and_absurd_numbers_are_bad_numbers_in_every_command(tmp_path, bad):
    header = [*STANDARD_HEADER, *NUMBERS]
    cell = 777777 if bad in ("NaN", "INF", "-INF") else bad
    rows = [good_row(1) + [cell, cell, cell], good_row(2) + [5, 1, 1]]
    path = write_ledger(tmp_path / "a.xlsx", rows, header, info=INFO)
    if cell == 777777:
        _raw_numbers(path, cell, str(bad))
    report = check(path)
    assert [f.rule for f in report.errors] == ["bad-number"] * 3
    runner = CliRunner()
    for args in (
        ["check", str(path), "--today", "2024-05-10"],
        ["check", str(path), "--today", "2024-05-10", "--format", "json"],
        ["stats", str(path), "--today", "2024-05-10", "--format", "json"],
        ["context", str(path)],
    ):
        result = runner.invoke(cli, args)
        assert "意外问题" not in result.output, (args, result.output)
        assert result.exit_code in (0, 1), (args, result.output)
    stats = json.loads(runner.invoke(cli, ["stats", str(path), "--format", "json"]).output)
    assert stats["清退资金"] == 5 and set(stats["存疑"]) >= {"清退资金", "问责人次", "建立制度"}


# ---------------------------------------------------------------------------------------------
# report --force marks what depends on an unreadable cell.


def test_forced_statistics_sentence_marks_uncertain_figures(tmp_path):
    rows = [good_row(1), good_row(2, 整改状态="#N/A"), good_row(3, 问题=None, 序号=None)]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    stats = compute_stats(load_ledger(path), TODAY)
    assert set(stats["存疑"]) >= {"问题数", "办结率", "办结数"}
    # Row 4 (no 序号, no 问题) was taken as a row of the problem above: a guess, so 【2】.
    assert "【2】项问题" in stats["统计句"] and "办结率【50%】" in stats["统计句"]
    assert stats["显示"]["问题数"] == "【2】" and stats["显示"]["措施数"] == "3"


# ---------------------------------------------------------------------------------------------
# The 读取方式 block.


def test_layout_in_text_and_json(tmp_path):
    header = ["问题简述" if h == "问题" else h for h in STANDARD_HEADER] + ["其他说明"]
    path = write_ledger(
        tmp_path / "a.xlsx",
        [good_row(1) + ["无"]],
        header,
        title_rows=[["某局整改台账"]],
        info=INFO,
    )
    report = check(path)
    text = format_text(report)
    assert "读取方式：工作表“整改台账”，表头在第 2 行。" in text
    assert "C 列“问题简述”→ 问题（别名）" in text
    assert "N 列“其他说明”未读取（未识别）" in text
    layout = report_json(report)["layout"]
    assert layout["sheet"] == "整改台账" and layout["header_rows"] == [2, 2]
    assert {"column": "C", "header": "问题简述", "read_as": "问题", "how": "别名"}.items() <= next(
        c for c in layout["columns"] if c["column"] == "C"
    ).items()


def test_report_force_prints_the_marks_in_the_document(tmp_path):
    import docx

    rows = [good_row(1), good_row(2, 整改状态="差不多吧"), good_row(3)]
    path = write_ledger(
        tmp_path / "a.xlsx",
        [r + [None, None, None] for r in rows],
        [*STANDARD_HEADER, *NUMBERS],
        info=INFO,
    )
    _with_number_error(path, "N3")
    out = tmp_path / "报告.docx"
    result = CliRunner().invoke(
        cli, ["report", str(path), "--force", "--as-of", "2024-05-10", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "办结率【66.7%】" in text
    assert "清退资金【0元】" in text
    assert "带【】的数字存疑" in text


def _with_number_error(path: Path, ref: str) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb["整改台账"]
    ws[ref].value = "#REF!"
    ws[ref].data_type = "e"
    wb.save(path)


def test_numbers_that_count_measures_do_not_split_a_problem(tmp_path):
    # 序号 numbers each row (measure); the problem is merged over its rows.
    rows = [
        good_row(1, 问题="制度执行不严格", 整改措施="修订制度"),
        good_row(2, 问题="制度执行不严格", 整改措施="开展培训"),
        good_row(3, 问题="会议偏多", 整改措施="精简会议"),
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, merges=["C2:C3"], info=INFO)
    ledger = load_ledger(path)
    assert [(p.title, len(p.measures)) for p in ledger.problems] == [
        ("制度执行不严格", 2),
        ("会议偏多", 1),
    ]
    assert any("按措施" in n for n in ledger.layout.notes)
    assert not check(path).errors


def test_check_and_stats_assume_the_same_year_from_today(tmp_path):
    rows = [good_row(1, 整改时限="5月1日前", 整改状态="正在推进", 完成时间=None)]
    path = write_ledger(tmp_path / "a.xlsx", rows)  # no 基本信息: the year comes from --today
    runner = CliRunner()
    checked = json.loads(
        runner.invoke(cli, ["check", str(path), "--today", "2024-05-10", "--format", "json"]).output
    )
    stats = json.loads(
        runner.invoke(cli, ["stats", str(path), "--today", "2024-05-10", "--format", "json"]).output
    )
    assert checked["totals"]["预警"] == stats["预警"] == {"红色": 1, "黄色": 0, "绿色": 0}


def test_total_rows_are_not_measures(tmp_path):
    header = [*STANDARD_HEADER, *NUMBERS]
    rows = [
        good_row(1) + [1000, 1, 1],
        ["小计"] + [None] * 12 + [1000, 1, 1],
        good_row(2, 方面="乙方面") + [500, 2, 0],
    ]
    after = [["合计", None, None, "共 2 个问题"] + [None] * 9 + [1500, 3, 1]]
    path = write_ledger(tmp_path / "a.xlsx", rows, header, after=after, info=INFO)
    for figures in three_outputs(path):
        assert (figures["问题数"], figures["清退资金"], figures["问责人次"]) == (2, 1500, 3)
    assert [r for r, _ in load_ledger(path).layout.footer_rows] == [3, 5]
    assert not check(path).errors
