"""The thirteenth round of ledgers laid out as real organisations send them (``real_layouts13``),
run through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: the other genres of 整改台账 — 审计整改 (问题金额 / 已整改金额, 审计建议, 整改结果, 未整改
原因), 生态环境督察 交办件 (是否办结, 问责情况), 企业 隐患排查 (隐患等级, 复查情况, 是否销号,
销号日期), 主题教育 检视问题清单, 巡视整改 on the 上级's template (整改落实情况 | 目前进展 |
完成情况（已完成/持续推进/未完成）), 12345 工单, 信访积案 (是否息诉罢访), 医院 (科主任), 民主生活会
“三张清单”, 序时进度 words (滞后序时进度), statuses stage by stage and month by month under bare
headers, 责任人A角 / B角 without brackets, 销号时间 beside and instead of 完成时间, 序时进度 and
是否达到序时进度 columns beside the status."""

from __future__ import annotations

from pathlib import Path

import layout_checks as L
import openpyxl
import pytest
import real_layouts13 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.status import marks_lagging, normalise_status

BUILDERS = [
    R.audit_results_and_reasons,
    R.eco_cases_closed_and_accountability,
    R.hazard_recheck_and_closing_date,
    R.theme_review_status_listed_in_header,
    R.xunshi_superior_template,
    R.hotline_orders_satisfaction,
    R.petition_backlog_stopped,
    R.hospital_department_chiefs,
    R.life_meeting_three_lists,
    R.street_sequential_lagging,
    R.stage_statuses_bare_headers,
    R.monthly_statuses_bare_headers,
    R.soe_ab_roles_and_closing_time,
    R.township_closing_date_only,
    R.college_audit_by_school,
    R.eco_schedule_yes_no,
    R.street_schedule_column,
    R.soe_planned_and_actual_times,
]

# Every finding of each ledger, rule -> cells, checked by hand (today 2025-11-20). Most of these
# units keep no 完成时间 column (finished-without-date), and many no 方面 or 责任领导
# (missing-column): said where it is.
_UNDATED = "finished-without-date"
_MISSING = "missing-column"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "audit_results_and_reasons": {
        _UNDATED: ["审计整改台账!2行"],
        _MISSING: ["审计整改台账!2行", "审计整改台账!2行"],  # 方面, 责任领导
        # 部分整改 due 9月30日, 未整改 due 8月31日: their 未整改原因 written (no ask for one)
        "overdue-red": ["审计整改台账!H4", "审计整改台账!H5"],
        "unused-column": ["审计整改台账!C2", "审计整改台账!J2"],  # 问题金额, 已整改金额
    },
    "eco_cases_closed_and_accountability": {
        _UNDATED: ["交办件办理情况!2行"],
        _MISSING: ["交办件办理情况!2行"],  # 责任领导
        # 阶段性办结 (基本完成) past its 2025年10月31日: not 办结
        "overdue-no-reason": ["交办件办理情况!J4"],
        "overdue-red": ["交办件办理情况!J4"],
        # 交办件编号, 行政区域, 是否属实, 问责情况
        "unused-column": [
            "交办件办理情况!B2",
            "交办件办理情况!C2",
            "交办件办理情况!F2",
            "交办件办理情况!M2",
        ],
    },
    "hazard_recheck_and_closing_date": {
        # 销号日期 2025年9月12日 after the 9月10日 deadline: said as the 销号, not the work
        "late-completion": ["隐患排查整改台账!P2"],
        # 已设置, 是否销号 否 (复查 still to come): not struck off, past 10月20日
        "overdue-no-reason": ["隐患排查整改台账!K4"],
        "overdue-red": ["隐患排查整改台账!K4"],
        "due-yellow": ["隐患排查整改台账!K5"],
        # 排查日期, 隐患部位, 隐患等级, 复查人, 复查情况 (责任车间: the 责任部门, before unmapped)
        "unused-column": [
            "隐患排查整改台账!B1",
            "隐患排查整改台账!D1",
            "隐患排查整改台账!F1",
            "隐患排查整改台账!M1",
            "隐患排查整改台账!N1",
        ],
    },
    "theme_review_status_listed_in_header": {
        _UNDATED: ["检视问题整改清单!2行"],
        "overdue-no-reason": ["检视问题整改清单!H6"],  # 未完成, 2025年9月30日
        "overdue-red": ["检视问题整改清单!H6"],
    },
    # 整改任务 the 整改目标, 目前进展 kept beside 整改落实情况, 完成情况（…） the status (before:
    # 目前进展 read as the status, two duplicate-column warnings, two unknown-status errors)
    "xunshi_superior_template": {
        _UNDATED: ["巡视整改台账!2行"],
        _MISSING: ["巡视整改台账!2行"],  # 方面
        "overdue-no-reason": ["巡视整改台账!H5"],  # 未完成, 2025年8月31日
        "overdue-red": ["巡视整改台账!H5"],
        "unused-column": ["巡视整改台账!G2", "巡视整改台账!J2"],  # 配合部门, 目前进展
    },
    "hotline_orders_satisfaction": {
        _UNDATED: ["'12345工单'!1行"],
        _MISSING: ["'12345工单'!1行", "'12345工单'!1行"],  # 整改措施, 责任领导
        "overdue-no-reason": ["'12345工单'!H3"],  # 办理中, 11月19日
        "overdue-red": ["'12345工单'!H3"],
        "due-yellow": ["'12345工单'!H5"],  # 待签收, 11月25日
        # 工单编号, 受理时间, 回访满意度, 是否超期
        "unused-column": [
            "'12345工单'!B1",
            "'12345工单'!C1",
            "'12345工单'!K1",
            "'12345工单'!L1",
        ],
    },
    "petition_backlog_stopped": {
        _UNDATED: ["信访积案!1行"],
        _MISSING: ["信访积案!1行"],  # 方面
        "unused-column": ["信访积案!B1", "信访积案!K1"],  # 信访人, 稳控责任人
    },
    # 科主任: the 责任人 (before: unmapped-column)
    "hospital_department_chiefs": {
        _UNDATED: ["巡察整改!1行"],
        "overdue-no-reason": ["巡察整改!H4"],  # 2025年10月31日
        "overdue-red": ["巡察整改!H4"],
    },
    "life_meeting_three_lists": {_UNDATED: ["整改清单!2行"]},
    "street_sequential_lagging": {
        _UNDATED: ["督察整改!1行"],
        # 方面, 责任领导 (包片领导 is not the one in charge)
        _MISSING: ["督察整改!1行", "督察整改!1行"],
        "due-yellow": ["督察整改!H5"],
        # 滞后序时进度 (its 滞后原因 written), 进度滞后 (none): 正在推进, and said
        "marked-lagging": ["督察整改!J4", "督察整改!J5"],
        "unused-column": ["督察整改!E1", "督察整改!G1"],  # 包片领导, 属地
    },
    "stage_statuses_bare_headers": {
        _UNDATED: ["巡察整改台账!1行"],
        # 阶段一 已完成, 阶段二 left blank: 部分完成, asked on the blank cell
        "stage-left-blank": ["巡察整改台账!I3"],
        "unused-column": ["巡察整改台账!H1"],  # 阶段一: the earlier stage, kept
    },
    "monthly_statuses_bare_headers": {
        _UNDATED: ["专项整治台账!1行"],
        _MISSING: ["专项整治台账!1行"],  # 方面
        "unused-column": ["专项整治台账!G1", "专项整治台账!H1"],  # 9月, 10月
    },
    "soe_ab_roles_and_closing_time": {
        # 责任人B角, 销号时间 (beside 完成时间: kept, before a duplicate-column warning)
        "unused-column": ["审计整改!H1", "审计整改!L1"],
    },
    # 销号日期 2025年9月20日 after the 8月31日 deadline
    "township_closing_date_only": {"late-completion": ["整改销号台账!J3"]},
    "college_audit_by_school": {
        _UNDATED: ["审计整改!2行"],
        _MISSING: ["审计整改!2行"],  # 责任领导
        "overdue-red": ["审计整改!I4"],  # 整改中, its 未整改原因 written
        "unused-column": ["审计整改!B2"],  # 审计项目
    },
    "eco_schedule_yes_no": {
        _UNDATED: ["督察反馈问题整改清单!1行"],
        _MISSING: ["督察反馈问题整改清单!1行"],  # 方面
        # 滞后序时进度 in the status (its 是否达到序时进度 否 says the same: said once)
        "marked-lagging": ["督察反馈问题整改清单!K3"],
        "unused-column": ["督察反馈问题整改清单!J1"],  # 是否达到序时进度 (before: unmapped)
    },
    "street_schedule_column": {
        _UNDATED: ["推进表!1行"],
        # 序时进度 滞后 beside 正在推进: said on the 序时进度 cell (before: an unmapped column)
        "marked-lagging": ["推进表!I4"],
        "unused-column": ["推进表!I1"],  # 序时进度
    },
    # 完成时间（计划） the deadline, 完成时间（实际） the finish: 10月15日 after 9月30日
    "soe_planned_and_actual_times": {"late-completion": ["巡察整改台账!I3"]},
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "audit_results_and_reasons": "25%",
    "eco_cases_closed_and_accountability": "50%",  # 阶段性办结 is not 办结
    "hazard_recheck_and_closing_date": "50%",
    "theme_review_status_listed_in_header": "25%",
    "xunshi_superior_template": "33.3%",  # 问题1: one of its two measures 持续推进
    "hotline_orders_satisfaction": "50%",
    "petition_backlog_stopped": "66.7%",
    "hospital_department_chiefs": "33.3%",
    "life_meeting_three_lists": "50%",
    "street_sequential_lagging": "25%",
    "stage_statuses_bare_headers": "50%",  # (before: 75%, 阶段二 blank read as 已完成)
    "monthly_statuses_bare_headers": "50%",  # (before: 9月 alone read, 25%)
    "soe_ab_roles_and_closing_time": "66.7%",
    "township_closing_date_only": "66.7%",
    "college_audit_by_school": "33.3%",
    "eco_schedule_yes_no": "33.3%",
    "street_schedule_column": "33.3%",
    "soe_planned_and_actual_times": "66.7%",
}

(
    built,
    test_stats_counts_what_the_clerk_put_in,
    test_every_column_read_as_what_it_is,
    test_every_finding_on_its_cell,
) = L.round_tests(R.TODAY, BUILDERS, FINDINGS)
test_closure_rate_and_report_say_what_the_clerk_counts = L.report_test(R.TODAY, RATES)

XLS = [
    R.xunshi_superior_template,
    R.life_meeting_three_lists,
    R.stage_statuses_bare_headers,
    R.monthly_statuses_bare_headers,
]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(R.TODAY, XLS, FINDINGS)


def _read(path: Path) -> dict[str, dict[str, object]]:
    return L.reads(L.run(R.TODAY, "check", str(path)))


# ---------------------------------------------------------------------------------------------
# 滞后: the status it names, and said.


@pytest.mark.parametrize(
    "word",
    [
        "滞后序时进度",
        "进度滞后",
        "推进滞后",
        "整改滞后",
        "慢于序时进度",
        "未达到序时进度",
        "推进缓慢",
    ],
)
def test_a_lagging_word_is_under_way_and_marked(word: str) -> None:
    assert normalise_status(word) in ("正在推进", None)
    assert marks_lagging(word)


@pytest.mark.parametrize("word", ["达到序时进度", "正在推进", "无滞后", "未滞后", "已完成"])
def test_on_schedule_words_are_not_marked_lagging(word: str) -> None:
    assert not marks_lagging(word)


@pytest.mark.parametrize(
    ("answer", "lags"),
    [("滞后", True), ("进度滞后", True), ("正常", False), ("超前", False)],
)
def test_a_schedule_column_beside_the_status_marks_lagging(
    tmp_path: Path, answer: str, lags: bool
) -> None:
    path, _ = L.build(tmp_path, R.street_schedule_column)
    wb = openpyxl.load_workbook(path)
    wb.active["I2"] = answer
    wb.save(path)
    found = L.rules(L.run(R.TODAY, "check", str(path)))["marked-lagging"]
    assert found == (["推进表!I2", "推进表!I4"] if lags else ["推进表!I4"])


@pytest.mark.parametrize(
    ("header", "answer", "lags"),
    [("是否达到序时进度", "否", True), ("是否达到序时进度", "是", False), ("是否滞后", "是", True)],
)
def test_a_yes_no_schedule_column_marks_lagging_by_its_question(
    tmp_path: Path, header: str, answer: str, lags: bool
) -> None:
    path, _ = L.build(tmp_path, R.eco_schedule_yes_no)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["J1"], ws["J2"] = header, answer  # row 2: 正在推进
    wb.save(path)
    report = L.run(R.TODAY, "check", str(path))
    cells = L.rules(report)["marked-lagging"]
    assert ("督察反馈问题整改清单!J2" in cells) is lags
    if lags:
        (said,) = [m for m in L.messages(report, "marked-lagging") if m.startswith(f"“{header}”")]
        assert f"“{header}”一栏写的是“{answer}”，台账自己标注了进度滞后" in said


def test_the_lagging_finding_names_the_cell_and_the_reason_column(tmp_path: Path) -> None:
    path, _ = L.build(tmp_path, R.street_sequential_lagging)
    found = {
        f["cell"]: f
        for f in L.run(R.TODAY, "check", str(path))["findings"]
        if f["rule"] == "marked-lagging"
    }
    assert found["督察整改!J4"]["severity"] == "warning"
    assert "“滞后序时进度”按“正在推进”统计" in found["督察整改!J4"]["message"]
    # 滞后原因 written: no ask for one; none written: asked for, where the documents take it
    assert "延期说明" not in found["督察整改!J4"]["message"]
    assert "“延期说明”（滞后原因）列写明" in found["督察整改!J5"]["message"]
    # a finished item marked 滞后 in its past is no lagging one
    wb = openpyxl.load_workbook(path)
    wb.active["J4"] = "已完成（原滞后序时进度）"
    wb.save(path)
    cells = L.rules(L.run(R.TODAY, "check", str(path)))["marked-lagging"]
    assert cells == ["督察整改!J5"]


# ---------------------------------------------------------------------------------------------
# Stages and months under bare headers.


def test_a_later_stage_left_blank_after_done_is_not_done(tmp_path: Path) -> None:
    path, _ = L.build(tmp_path, R.stage_statuses_bare_headers)
    report = L.run(R.TODAY, "check", str(path))
    status = L.reads(report)["I"]
    assert status["read_as"] == "整改状态"
    assert "前一阶段已完成、后一阶段未填的按正在推进读取，不计入办结" in status["detail"]
    (blank,) = L.messages(report, "stage-left-blank")
    assert "H 列（前一阶段）写了“已完成”，这一格（阶段二）没有填写" in blank
    assert "请填“/”" in blank
    # filled in as the finding asks ("/": no second stage), the measure is done
    wb = openpyxl.load_workbook(path)
    wb.active["I3"] = "/"
    wb.save(path)
    stats = L.run(R.TODAY, "stats", str(path))
    assert stats["措施状态"]["已完成"] == 3
    assert "stage-left-blank" not in L.rules(L.run(R.TODAY, "check", str(path)))


def test_a_month_left_blank_after_done_is_done(tmp_path: Path) -> None:
    """Months are reports, not parts of the work: nothing more is written once it is done."""
    path, _ = L.build(tmp_path, R.monthly_statuses_bare_headers)
    status = _read(path)["I"]
    assert status["read_as"] == "整改状态"
    assert "某月已完成、以后各月不再填写的，按已完成读取" in status["detail"]


def test_bare_month_headers_over_numbers_stay_unread(tmp_path: Path) -> None:
    """9月 | 10月 | 11月 over counts (a 月度统计 beside the table) are neither status nor
    progress: kept as before."""
    path, _ = L.build(tmp_path, R.monthly_statuses_bare_headers)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["J1"] = "整改状态"
    for r, (a, b, c, s) in enumerate(
        [(3, 5, 2, "已完成"), (1, 0, 4, "正在推进"), (2, 2, 2, "已完成"), (0, 1, 1, "正在推进")],
        start=2,
    ):
        ws.cell(row=r, column=7, value=a)
        ws.cell(row=r, column=8, value=b)
        ws.cell(row=r, column=9, value=c)
        ws.cell(row=r, column=10, value=s)
    wb.save(path)
    read = _read(path)
    assert read["J"]["read_as"] == "整改状态"
    assert read["I"]["read_as"] != "整改状态"


# ---------------------------------------------------------------------------------------------
# Headers.


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("责任人A角", "责任人"),
        ("A角责任人", "责任人"),
        ("责任人A岗", "责任人"),
        ("责任人（A角）", "责任人"),
        ("科主任", "责任人"),
        ("责任车间", "责任部门"),
        ("完成情况（已完成/持续推进/未完成）", "整改状态"),
        ("整改状态（已整改/部分整改/未整改）", "整改状态"),
        ("完成情况", "整改进展及成效"),
        ("完成情况（截至10月底）", "整改进展及成效"),
    ],
)
def test_headers_read_as(header: str, column: str) -> None:
    assert C.header_column(header) == column


@pytest.mark.parametrize("header", ["责任人B角", "B角责任人", "责任人（B角）"])
def test_the_b_role_is_the_stand_in(header: str) -> None:
    assert C.names_backup(header)


@pytest.mark.parametrize("header", ["销号时间", "销号日期", "验收销号时间"])
def test_closing_dates_are_their_own_column(header: str) -> None:
    assert C.header_column(header) is None
    assert C.unused_column(C.normalise_header(header)) == "销号时间"


def test_the_closing_date_stands_in_for_a_missing_finish_date(tmp_path: Path) -> None:
    """销号日期 without a 完成时间 column is read as it, the 读取方式 and a late 销号 say so;
    beside a 完成时间 column it is kept."""
    path, _ = L.build(tmp_path, R.township_closing_date_only)
    report = L.run(R.TODAY, "check", str(path))
    finish = L.reads(report)["J"]
    assert finish["read_as"] == "完成时间"
    assert "台账没有“完成时间”列，按“销号日期”（验收销号的日期）读取完成时间" in finish["detail"]
    (late,) = L.messages(report, "late-completion")
    assert late.startswith("逾期完成：销号日期 2025年9月20日 晚于整改时限 2025年8月31日")
    assert "请增加“完成时间”列填写实际完成日期" in late
    path, _ = L.build(tmp_path, R.soe_ab_roles_and_closing_time)
    read = _read(path)
    assert (read["K"]["read_as"], read["L"]["read_as"]) == ("完成时间", None)


def test_a_template_pair_is_read_as_the_template_means_it(tmp_path: Path) -> None:
    path, _ = L.build(tmp_path, R.xunshi_superior_template)
    read = _read(path)
    assert read["C"]["read_as"] == "整改目标"  # 整改任务 beside 整改措施
    assert read["I"]["read_as"] == "整改进展及成效"  # 整改落实情况
    assert read["J"]["read_as"] is None  # 目前进展: kept
    assert "列名括号中列出的“已完成/持续推进/未完成”是整改状态用语" in read["K"]["detail"]
    text = L.document_text(R.TODAY, tmp_path, "report", path)
    assert "已印发主体责任清单" in text  # the narrative is what the report quotes


def test_the_current_state_left_of_the_narrative_is_kept_too(tmp_path: Path) -> None:
    """目前进展 | 整改落实情况 (the template's columns the other way round): the narrative is
    still the progress, 目前进展 kept with a note, no duplicate-column warning."""
    path, _ = L.build(tmp_path, R.xunshi_superior_template)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for row in range(2, ws.max_row + 1):
        i, j = ws.cell(row=row, column=9), ws.cell(row=row, column=10)
        i.value, j.value = j.value, i.value
    wb.save(path)
    report = L.run(R.TODAY, "check", str(path))
    read = L.reads(report)
    assert (read["I"]["read_as"], read["J"]["read_as"]) == (None, "整改进展及成效")
    found = L.rules(report)
    assert "duplicate-column" not in found
    assert found["unused-column"] == ["巡视整改台账!G2", "巡视整改台账!I2"]
    text = L.document_text(R.TODAY, tmp_path, "report", path)
    assert "已印发主体责任清单" in text


def test_months_under_a_status_title_are_the_status(tmp_path: Path) -> None:
    """整改状态 merged over 9月 | 10月 | 11月: the latest month filled is the status (a month
    left blank after 已完成 is still 已完成)."""
    from real_layouts import _new
    from real_layouts import _rows as _put
    from real_layouts2 import _header2

    wb, ws = _new("整改台账")
    top = ["序号", "方面", "问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改状态"]
    _header2(ws, 1, [*top, None, None], [None] * 7 + ["9月", "10月", "11月"])
    _put(ws, 3, [
        [1, "作风建设", "会议多", "精简会议", "副局长", "办公室", "2025年12月31日", "正在推进", "已完成", None],
        [2, "作风建设", "文件多", "精简文件", "副局长", "办公室", "2025年12月31日", "未启动", "正在推进", "正在推进"],
    ])  # fmt: skip
    path = tmp_path / "月度状态.xlsx"
    wb.save(path)
    report = L.run(R.TODAY, "check", str(path))
    assert L.reads(report)["J"]["read_as"] == "整改状态"
    assert L.rules(report)["unused-column"] == ["整改台账!H1", "整改台账!I1"]
    counted = L.run(R.TODAY, "stats", str(path))["措施状态"]
    assert (counted["已完成"], counted["正在推进"]) == (1, 1)
