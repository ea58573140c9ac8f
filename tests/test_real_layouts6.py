"""The sixth round of ledgers laid out as real organisations send them (``real_layouts6``), run
through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: 审计 amounts, 省委巡视 three-level numbering, 主题教育 检视方向, 信访积案, 安全生产隐患,
环保督察交办件, 国企 主要领导 / 分管负责人, 学校 ✔/○, 村级 包村领导, 组织生活会 班子/个人, hand-typed
and half-width headers, 完成80% / 红黄绿灯 / 立行立改，已完成, 当即整改 / 马上就办 deadlines, the
title and header repeated on every printed page, a 填表说明 row under the header, hidden helper
columns, 小计 / 合计 rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import layout_checks as L
import openpyxl
import pytest
import real_layouts6 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.dates import YearSource, parse_deadline
from ledger_tools.ledger.formats import shows_month_only
from ledger_tools.ledger.legends import sheet_legend
from ledger_tools.ledger.normalise import _SUMMARY, Header
from ledger_tools.ledger.status import normalise_status, suggest_status

_build, _rules, _messages, _reads = L.build, L.rules, L.messages, L.reads

BUILDERS = [
    R.audit_amounts_to_rectify,
    R.provincial_numbered_levels,
    R.theme_review_directions,
    R.petition_cases_numbered,
    R.safety_hazards_by_category,
    R.eco_handed_cases,
    R.soe_main_and_charge_leaders,
    R.school_ticks_and_circles,
    R.village_committee,
    R.life_meeting_team_or_person,
    R.half_width_punctuation,
    R.typed_by_hand,
    R.hospital_percent_progress,
    R.traffic_lights_with_legend,
    R.header_repeated_per_page,
    R.guide_row_under_header,
    R.hidden_helper_codes,
    R.subtotals_per_aspect,
    R.status_words_round6,
    R.college_term_deadlines,
    R.audit_two_row_header,
    R.leader_with_person_in_brackets,
    R.team_and_person_sheets,
    R.soe_yes_no_circles,
    R.petition_progress_words,
    R.township_hazards_photos,
    R.month_typed_deadlines,
    R.template_marks_on_headers,
    R.keyword_and_date_deadlines,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); 审计, 信访 and 村级 lists have no 方面, the 审计 and 交办件
# lists no 责任领导, the 组织生活会 list and the 村 no 责任部门; the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "audit_amounts_to_rectify": {
        _UNDATED: ["审计整改台账!2行"],
        "missing-column": ["审计整改台账!2行", "审计整改台账!2行"],  # 方面, 责任领导
        # 审计项目, 问题金额, 应整改金额, 已整改金额, 整改率
        "unused-column": [
            "审计整改台账!B2",
            "审计整改台账!D2",
            "审计整改台账!E2",
            "审计整改台账!K2",
            "审计整改台账!L2",
        ],
    },
    "provincial_numbered_levels": {_UNDATED: ["整改台账!2行"]},
    "theme_review_directions": {
        _UNDATED: ["检视问题清单!2行"],
        "unused-column": ["检视问题清单!C2"],  # 问题来源
    },
    "petition_cases_numbered": {
        "missing-column": ["积案化解台账!1行"],  # 方面
        "unused-column": ["积案化解台账!B1", "积案化解台账!D1"],  # 信访人, 重复信访次数
    },
    "safety_hazards_by_category": {
        _UNDATED: ["隐患排查整改台账!1行"],
        "due-green": ["隐患排查整改台账!L4"],  # 2025年7月31日, 整改中
        # 排查日期, 隐患部位, 隐患等级, 整改资金, 复查人
        "unused-column": [
            "隐患排查整改台账!C1",
            "隐患排查整改台账!D1",
            "隐患排查整改台账!F1",
            "隐患排查整改台账!H1",
            "隐患排查整改台账!M1",
        ],
    },
    "eco_handed_cases": {
        _UNDATED: ["交办件!2行"],
        # 整改措施 (办理情况 is the progress), 责任领导: asked, not guessed
        "missing-column": ["交办件!2行", "交办件!2行"],
        "due-green": ["交办件!J5"],
        # 交办批次, 信访件编号, 行政区域, 是否属实
        "unused-column": ["交办件!B2", "交办件!C2", "交办件!D2", "交办件!G2"],
    },
    "soe_main_and_charge_leaders": {
        _UNDATED: ["整改台账!1行"],
        "unused-column": ["整改台账!F1"],  # 主要领导 beside the 分管领导
    },
    "school_ticks_and_circles": {},
    "village_committee": {
        _UNDATED: ["村级巡察整改!2行"],
        "missing-column": ["村级巡察整改!2行", "村级巡察整改!2行"],  # 方面, 责任部门
        "unused-column": ["村级巡察整改!D2"],  # 包村领导
        "assumed-year": ["村级巡察整改!G4"],  # 12月底, 年底前
    },
    "life_meeting_team_or_person": {
        _UNDATED: ["查摆问题清单!1行"],
        "missing-column": ["查摆问题清单!1行"],  # 责任部门
    },
    "half_width_punctuation": {},
    "typed_by_hand": {_UNDATED: ["整改台账!1行"]},
    "hospital_percent_progress": {},
    "traffic_lights_with_legend": {_UNDATED: ["督查台账!1行"]},
    "header_repeated_per_page": {},
    "guide_row_under_header": {},
    "hidden_helper_codes": {
        _UNDATED: ["整改台账!1行"],
        "hidden-columns": ["整改台账!I"],
        "unused-column": ["整改台账!I1"],  # 状态代码
    },
    "subtotals_per_aspect": {_UNDATED: ["整改台账!1行"]},
    "status_words_round6": {},
    "college_term_deadlines": {
        _UNDATED: ["整改台账!1行"],
        "bad-deadline": ["整改台账!G2"],  # 2025年秋季学期前: a term is no date
    },
    "audit_two_row_header": {
        "missing-column": ["审计整改!1行"],  # 方面
        "unused-column": ["审计整改!C1", "审计整改!H1"],  # 问题金额, 已整改金额
    },
    "leader_with_person_in_brackets": {"assumed-year": ["Sheet1!G3"]},  # 9月30号, 12月底
    "team_and_person_sheets": {},
    "soe_yes_no_circles": {},
    "petition_progress_words": {
        _UNDATED: ["信访积案!1行"],
        "missing-column": ["信访积案!1行"],  # 方面
        "unused-column": ["信访积案!B1", "信访积案!C1"],  # 信访形式, 所在乡镇
    },
    # 2025年6月 typed, stored as 6月1日: due 6月30日 (15 days over); G5 is a real day (7月1日)
    "month_typed_deadlines": {
        "overdue-no-reason": ["整改台账!G2", "整改台账!G5"],
        "overdue-red": ["整改台账!G2", "整改台账!G5"],
    },
    "template_marks_on_headers": {_UNDATED: ["整改台账!1行"]},
    # 立行立改，6月底前完成: due 2025年6月30日, open: overdue (before: never due)
    "keyword_and_date_deadlines": {
        "overdue-no-reason": ["整改台账!G3"],
        "overdue-red": ["整改台账!G3"],
        "assumed-year": ["整改台账!G2"],
    },
    "township_hazards_photos": {
        _UNDATED: ["隐患台账!2行"],
        # 排查人, 是否重大隐患, 整改前照片, 整改后照片, 验收结果 (隐患来源 is the 方面: no
        # 方面 column, its 镇级自查 / 县级督查 group the rows)
        "unused-column": [
            "隐患台账!C2",
            "隐患台账!E2",
            "隐患台账!K2",
            "隐患台账!L2",
            "隐患台账!N2",
        ],
    },
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "audit_amounts_to_rectify": "33.3%",
    "provincial_numbered_levels": "0%",
    "theme_review_directions": "50%",
    "petition_cases_numbered": "66.7%",
    "safety_hazards_by_category": "50%",
    "eco_handed_cases": "33.3%",
    "soe_main_and_charge_leaders": "33.3%",
    "school_ticks_and_circles": "50%",
    "village_committee": "50%",
    "life_meeting_team_or_person": "50%",
    "half_width_punctuation": "33.3%",
    "typed_by_hand": "33.3%",
    "hospital_percent_progress": "50%",
    "traffic_lights_with_legend": "33.3%",
    "header_repeated_per_page": "50%",
    "guide_row_under_header": "33.3%",
    "hidden_helper_codes": "33.3%",
    "subtotals_per_aspect": "33.3%",
    "status_words_round6": "33.3%",
    "college_term_deadlines": "33.3%",
    "audit_two_row_header": "50%",
    "leader_with_person_in_brackets": "0%",
    "team_and_person_sheets": "50%",
    "soe_yes_no_circles": "33.3%",
    "petition_progress_words": "33.3%",
    "township_hazards_photos": "33.3%",
    "month_typed_deadlines": "25%",
    "template_marks_on_headers": "50%",
    "keyword_and_date_deadlines": "33.3%",
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


XLS = [
    R.hospital_percent_progress,
    R.header_repeated_per_page,
    R.soe_yes_no_circles,
    R.subtotals_per_aspect,
    R.school_ticks_and_circles,
    R.guide_row_under_header,
    R.traffic_lights_with_legend,
    R.team_and_person_sheets,
]
as_xls, test_saved_as_xls_reads_the_same = L.xls_tests(
    R.TODAY, XLS, FINDINGS, also=(R.month_typed_deadlines,)
)


# ---------------------------------------------------------------------------------------------
# Headers.


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("检视方向", "方面", None),
        ("查摆方向", "方面", None),
        ("班子/个人", "方面", None),
        ("个人/班子", "方面", None),
        ("信访内容", "问题", None),
        ("来信来访内容", "问题", None),
        ("分管负责人", "责任领导", None),
        ("责任领导（责任人）", "责任领导", None),  # the person in brackets: a remark
        ("应整改金额（万元）", None, "问题金额"),
        ("重复信访次数", None, "信访次数"),
        ("主要领导", None, "主要领导"),
        ("第一责任人", None, "主要领导"),
        ("包村领导", None, "督办领导"),
        ("驻村干部", None, "督办领导"),
        ("亮灯情况", None, "亮灯情况"),
        ("红黄绿灯", None, "亮灯情况"),
        ("状态代码", None, "辅助列"),
        ("问题及表现", "问题", None),
        ("审计意见", "整改目标", None),
        ("化解责任人", "责任人", None),
        ("隐患整改负责人", "责任人", None),
        ("分管校长", "责任领导", None),
        ("分管副院长", "责任领导", None),
        ("分管副县长", "责任领导", None),
        ("县长", None, None),  # no 分管/责任: not said to be the leader in charge
        ("化解进度", "整改状态", None),  # (narrative under it: the progress, by content)
        ("化解结果", "整改进展及成效", None),
        ("所在村（社区）", None, "行政区域"),
        ("罚款金额（万元）", None, "罚没金额"),  # a fine is no 清退资金
        ("立案查处情况", None, "立案处罚"),
        ("整改前照片", None, "照片"),
        ("是否重大隐患", None, "问题等级"),
        ("排查人", None, "检查单位"),
        ("验收结果", None, "验收审核"),
        ("信访形式", None, "问题来源"),
        # marks of a template's required fields, a colon after the name
        ("★问题", "问题", None),
        ("整改状态▲", "整改状态", None),
        ("【必填】整改时限", "整改时限", None),
        ("责任部门：", "责任部门", None),
        ("#序号", "序号", None),
    ],
)
def test_headers_of_this_round(header, column, unused):
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)


def _ledger(path: Path, header: list[str], rows: list[list[Any]], under: list[str] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(header)
    for row in rows:
        ws.append(row)
    for line in under:
        ws.append([line])
    wb.save(path)
    return path


_HEAD = ["序号", "方面", "问题", "整改措施", "责任部门", "整改时限"]


def test_the_head_of_the_unit_is_the_leader_when_no_other_is_named(tmp_path):
    # 主要领导 beside 分管领导 stays unread (soe_main_and_charge_leaders); alone it is the 责任领导
    rows = [[1, "党建", "制度不全", "修订制度", "董事长", "办公室", "2025年9月30日", "正在推进"]]
    header = [*_HEAD[:4], "主要领导", *_HEAD[4:], "整改状态"]
    path = _ledger(tmp_path / "主要领导.xlsx", header, rows)
    reads = _reads(_run("check", str(path)))
    assert (reads["E"]["read_as"], reads["E"]["how"]) == ("责任领导", "按内容")
    assert "台账没有“责任领导”（分管领导）列" in reads["E"]["detail"]


# ---------------------------------------------------------------------------------------------
# Rows.


def test_a_guide_row_under_the_header_is_part_of_it(tmp_path):
    path, _ = _build(tmp_path, R.guide_row_under_header)
    layout = _run("check", str(path))["layout"]
    assert layout["header_rows"] == [1, 2]
    assert (
        "第 2 行是填表说明（写明各列怎样填），作为表头的一部分，未作为措施读取。" in layout["notes"]
    )


def test_a_measure_saying_how_is_no_guide_row(tmp_path):
    # a measure beginning 按… under the header is a measure (one such cell is no 填表说明 row)
    rows = [
        [
            1,
            "财务",
            "公开不及时",
            "按月公开村级财务",
            "三资中心",
            "2025年9月30日",
            "正在推进",
            "领导甲",
        ],
        [2, "财务", "台账不全", "按季度核对台账", "三资中心", "2025年9月30日", "未启动", "领导甲"],
    ]
    path = _ledger(tmp_path / "按.xlsx", [*_HEAD, "整改状态", "责任领导"], rows)
    stats = _run("stats", str(path))
    assert stats["措施数"] == 2


def test_the_title_repeated_on_each_page_is_no_heading(tmp_path):
    path, _ = _build(tmp_path, R.header_repeated_per_page)
    layout = _run("check", str(path))["layout"]
    assert not layout.get("group_rows")
    assert layout["notes"] == [
        "第 8、9、10 行重复了表头（打印时每页重复的表头，或几张表格接在一起），未作为措施读取。"
    ]


def test_subtotal_rows_are_counted_once(tmp_path):
    path, _ = _build(tmp_path, R.subtotals_per_aspect)
    stats = _run("stats", str(path))
    layout = _run("check", str(path))["layout"]
    assert [(f["row"], f["text"]) for f in layout["footer_rows"]] == [
        (4, "小计"),
        (6, "小计"),
        (7, "合计"),
    ]
    assert (stats["清退资金"], stats["问责人次"]) == (173600, 4)


def test_a_sentence_of_totals_is_a_total_row(tmp_path):
    path, _ = _build(tmp_path, R.hospital_percent_progress)
    layout = _run("check", str(path))["layout"]
    assert [(f["row"], f["text"][:10]) for f in layout["footer_rows"]] == [(7, "截至2025年7月1")]
    assert not layout.get("group_rows") and not layout["notes"]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("共2个问题，已整改1个", True),
        ("截至目前，共排查隐患12项，已整改10项", True),
        ("整改完成率：50%", True),
        ("统计：已完成1项、正在推进1项", True),
        ("共性问题（2项已完成）", False),  # a heading
        ("一、共性问题（共3项，已完成1项）", False),
        ("（一）学习教育方面（共2项）", False),
    ],
)
def test_sentences_of_totals(text, total):
    assert bool(_SUMMARY.match(text)) is total


# ---------------------------------------------------------------------------------------------
# Legends: ticks, circles and colours the sheet explains.


def test_ticks_and_circles_read_by_the_header_legend(tmp_path):
    path, _ = _build(tmp_path, R.school_ticks_and_circles)
    report = _run("check", str(path))
    assert _reads(report)["H"]["read_as"] == "整改状态"
    [said] = [n for n in report["layout"]["notes"] if "说明读" in n]
    assert said.startswith("H 列整改状态中的“○”、“✔”按 H 列列名“完成情况（完成打✔，未完成打○）”")
    assert "（✔为已完成，○为正在推进）" in said


def test_traffic_lights_read_by_the_legend_under_the_table(tmp_path):
    path, _ = _build(tmp_path, R.traffic_lights_with_legend)
    report = _run("check", str(path))
    read = _reads(report)["H"]
    assert (read["header"], read["read_as"]) == ("亮灯情况", "整改状态")
    [said] = [n for n in report["layout"]["notes"] if "说明读" in n]
    assert "按第 6 行中的说明读（绿色为已完成，黄色为正在推进，红色为未启动）" in said


def test_colours_without_a_legend_are_asked_not_guessed(tmp_path):
    # (not among BUILDERS: asking about each cell is what this ledger is for)
    path, expect = _build(tmp_path, R.colour_words_no_legend)
    L.assert_counts(R.TODAY, path, expect)
    report = _run("check", str(path))
    L.assert_columns(report, expect)
    assert _rules(report) == {"unknown-status": ["整改台账!H2", "整改台账!H3"]}
    said = _messages(report, "unknown-status")
    assert all("本工具不推断" in m and "说明：绿灯表示已完成" in m for m in said)
    assert all("是否应为" not in m for m in said)


def test_the_status_map_wins_over_the_legend(tmp_path):
    path, _ = _build(tmp_path, R.traffic_lights_with_legend)
    stats = _run("stats", str(path), "--status-map", "绿灯=基本完成")
    assert stats["措施状态"]["基本完成"] == 1
    assert stats["措施状态"]["已完成"] == 0


def test_lights_beside_a_status_column_stay_unread(tmp_path):
    rows = [[1, "作风", "会多", "精简会议", "办公室", "2025年9月30日", "正在推进", "绿灯", "甲"]]
    header = [*_HEAD, "整改状态", "亮灯情况", "责任领导"]
    path = _ledger(tmp_path / "亮灯.xlsx", header, rows, ["说明：绿灯表示已完成，红灯表示未启动。"])
    report = _run("check", str(path))
    assert _reads(report)["H"]["read_as"] is None
    assert _rules(report)["unused-column"] == ["整改台账!H1"]


def test_a_legend_line_under_the_table_explains_ticks(tmp_path):
    rows = [
        [1, "作风", "会多", "精简会议", "办公室", "2025年9月30日", "√", "甲"],
        [2, "作风", "文多", "精简文件", "办公室", "2025年9月30日", "○", "甲"],
    ]
    header = [*_HEAD, "完成情况", "责任领导"]
    path = _ledger(tmp_path / "注.xlsx", header, rows, ["注：√为已完成，○为未完成"])
    stats = _run("stats", str(path))
    assert (stats["措施状态"]["已完成"], stats["措施状态"]["正在推进"]) == (1, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("完成情况（完成打✔，未完成打○）", {"✔": "已完成", "○": "正在推进"}),
        ("是否完成（√表示已完成，○表示正在推进）", {"√": "已完成", "○": "正在推进"}),
        (
            "完成情况（图例：●已完成；◐正在推进；○未启动）",
            {"●": "已完成", "◐": "正在推进", "○": "未启动"},
        ),
        ("完成情况", None),
        ("完成情况（打✔）", None),  # one symbol explains nothing
    ],
)
def test_header_legends(text, words):
    header = Header(0, 1)
    header.texts = {7: text}
    legend = sheet_legend([[text]], header, 1)
    assert (legend.words if legend else None) == words


# ---------------------------------------------------------------------------------------------
# Words.


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("立行立改，已完成", "已完成"),  # how it was done, then how far
        ("即知即改，正在推进", "正在推进"),
        ("已完成80%以上", "正在推进"),  # 80% or more: not all
        ("完成80%", "正在推进"),
        ("完成100%", "已完成"),
        ("完成100%左右", None),  # about all of it: asked
        ("整改中（完成60%）", "正在推进"),
        ("○", None),  # a circle alone says nothing (only in a 是否 column or by a legend)
        ("绿灯", None),  # a colour alone: asked
        ("已息访", "已完成"),  # 信访积案
        ("已化解息访", "已完成"),
        ("隐患已消除", "已完成"),  # 安全生产
        ("已排除", "已完成"),
        ("已结案归档", "已完成"),
        ("时序推进", "正在推进"),
        ("包案化解中", "正在推进"),
        ("持续落实中", "正在推进"),
        ("未开始整改", "未启动"),
        ("尚未启动整改", "未启动"),
        ("已完成80%，剩余部分9月底前完成", "正在推进"),  # the rest still to do
    ],
)
def test_status_words_of_this_round(text, status):
    assert normalise_status(text) == status


def test_a_share_short_of_all_is_never_suggested_done():
    # a word this tool does not know, with a percentage short of 100: under way at most
    assert suggest_status("已完成80%，待上级验收后销号") == "正在推进"
    assert suggest_status("整改完成95%左右") == "正在推进"


def test_colours_get_no_suggestion():
    assert suggest_status("绿色") is None
    assert suggest_status("红灯") is None


def test_a_circle_answers_no_in_a_yes_no_column():
    assert C.STATUS_YES_NO["○"] == "正在推进"


_YEAR = YearSource(dt.date(2025, 7, 15), "检查日期", roll=False)


@pytest.mark.parametrize(
    ("text", "kind", "due"),
    [
        ("当即整改", "immediate", None),
        ("马上就办", "immediate", None),
        ("即知即改", "immediate", None),
        ("2025年第三季度", "period", dt.date(2025, 9, 30)),
        ("2025.12", "period", dt.date(2025, 12, 31)),
        ("12月底", "period", dt.date(2025, 12, 31)),
        ("9月30号", "date", dt.date(2025, 9, 30)),
        ("本届任期内", "long_term", None),
        ("２０２５年１２月底前", "period", dt.date(2025, 12, 31)),
        ("2025年秋季学期前", "invalid", None),
        # a date beside the keyword is the deadline, with a slash between, without a year
        ("2025年6月30日/长期坚持", "date", dt.date(2025, 6, 30)),
        ("长期坚持/2025年6月30日", "date", dt.date(2025, 6, 30)),
        ("9月30日前完成并长期坚持", "date", dt.date(2025, 9, 30)),
        ("立行立改，6月底前完成", "period", dt.date(2025, 6, 30)),
        ("年底前完成，长期坚持", "period", dt.date(2025, 12, 31)),
        ("立行立改并长期坚持", "immediate", None),
        ("每年12月底前（长期坚持）", "long_term", None),  # every year: no date of this one
        ("本届任期内，长期坚持", "long_term", None),
    ],
)
def test_deadlines_of_this_round(text, kind, due):
    found = parse_deadline(text, year_from=_YEAR)
    assert (found.kind, found.due) == (kind, due)


# ---------------------------------------------------------------------------------------------
# Deadlines typed as months: Excel keeps the 1st, the cell shows the month.


def test_a_deadline_shown_as_a_month_is_that_month(tmp_path):
    path, _ = _build(tmp_path, R.month_typed_deadlines)
    report = _run("check", str(path))
    assert report["layout"]["notes"] == [
        "G 列有 3 个整改时限单元格只显示年月（如 G2 显示“2025年6月”，Excel 存的是当月 1 日），"
        "按所显示的月份读，到月底为止。"
    ]
    [red, _] = _messages(report, "overdue-red")
    assert "整改时限 2025年6月30日 已过 15 天" in red
    assert "late-completion" not in _rules(report)  # done 5月20日 within 2025年5月


def test_months_in_an_xls_are_asked_about(as_xls):
    # an .xls is read without its number formats: the 1sts (7月1日 too) are kept, and said
    report = _run("check", str(as_xls["month_typed_deadlines"]))
    [said] = [n for n in report["layout"]["notes"] if "某月 1 日" in n]
    assert said.startswith("G 列整改时限中有 4 个日期都是某月 1 日（如 G2 2025年6月1日）")
    assert "已按 1 日计超期预警" in said


def test_a_few_firsts_are_days_the_clerk_chose(tmp_path):
    rows = [
        [1, "党建", "问题一", "措施一", "办公室", dt.datetime(2025, 9, 1), "正在推进", "甲"],
        [2, "党建", "问题二", "措施二", "办公室", dt.datetime(2025, 9, 15), "正在推进", "甲"],
        [3, "党建", "问题三", "措施三", "办公室", dt.datetime(2025, 10, 20), "正在推进", "甲"],
    ]
    path = _ledger(tmp_path / "一日.xlsx", [*_HEAD, "整改状态", "责任领导"], rows)
    assert _run("check", str(path))["layout"]["notes"] == []


@pytest.mark.parametrize(
    ("number_format", "month"),
    [
        ('yyyy"年"m"月"', True),
        ("yyyy-mm", True),
        ("mmm-yy", True),
        ("[$-804]yyyy年m月;@", True),
        ('[DBNum1][$-804]yyyy"年"m"月"', True),
        ('yyyy"年"m"月"d"日"', False),
        ("yyyy/m/d", False),
        ("mm-dd-yy", False),
        ("yyyy-mm-dd hh:mm", False),
        ("General", False),
        ("0.00", False),
    ],
)
def test_formats_showing_only_the_month(number_format, month):
    assert shows_month_only(number_format) is month
