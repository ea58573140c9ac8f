"""The ninth round of ledgers laid out as real organisations send them (``real_layouts9``), run
through ``check``, ``stats`` and ``report`` as the clerk who filled them in would read the
results: a 国企 审计整改台账 in 万元, 巡视整改 with 反馈来源 and 配合单位, a 个人查摆问题清单,
a 医院 督查 by 科室, 学期 deadlines, line breaks inside header cells, a frozen two-row header with
a 填表说明 row, date serials typed as text, a 合计 row at the top, statuses as symbols."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import layout_checks as L
import openpyxl
import pytest
import real_layouts9 as R

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.status import normalise_status

_messages, _reads = L.messages, L.reads

BUILDERS = [
    R.soe_audit_ten_thousands,
    R.inspection_two_sources,
    R.personal_checklist,
    R.hospital_quality_by_ward,
    R.school_terms,
    R.header_line_breaks,
    R.frozen_header_with_guide_row,
    R.wps_serials_as_text,
    R.total_row_at_top,
    R.symbol_statuses,
    R.symbol_statuses_explained,
]

# Every finding of each ledger, rule -> cells, checked by hand. Most of these units keep no
# 完成时间 column (finished-without-date); the rest is said where it is.
_UNDATED = "finished-without-date"
FINDINGS: dict[str, dict[str, list[str]]] = {
    "soe_audit_ten_thousands": {
        _UNDATED: ["审计整改台账!2行"],
        "missing-column": ["审计整改台账!2行"],  # 责任领导 (责任人 is the 部长, not a leader)
        "unused-column": ["审计整改台账!D2", "审计整改台账!I2"],  # 问题金额, 整改金额
    },
    "inspection_two_sources": {
        _UNDATED: ["巡视整改!1行"],
        # 配合单位 (反馈来源, no 方面 column: the 方面 since round 10 — before: missing-column
        # 方面, 反馈来源 unused)
        "unused-column": ["巡视整改!G1"],
    },
    "personal_checklist": {
        _UNDATED: ["查摆问题清单!2行"],
        "missing-column": ["查摆问题清单!2行", "查摆问题清单!2行"],  # 责任领导, 责任部门
    },
    "hospital_quality_by_ward": {
        _UNDATED: ["督查整改!1行"],
        "missing-column": ["督查整改!1行"],  # 责任领导 (科室负责人 is the 责任人)
    },
    # 学期末, 开学前, 学年第一学期: the school's calendar, not a day: asked
    "school_terms": {
        _UNDATED: ["整改台账!1行"],
        "bad-deadline": ["整改台账!G2", "整改台账!G3", "整改台账!G4"],
    },
    "header_line_breaks": {_UNDATED: ["整改台账!1行"]},
    "frozen_header_with_guide_row": {_UNDATED: ["整改台账!1行"]},
    "wps_serials_as_text": {},
    "total_row_at_top": {_UNDATED: ["整改台账!1行"]},
    # ✘ with no legend: not done, but under way or not begun? asked
    "symbol_statuses": {_UNDATED: ["整改台账!1行"], "unknown-status": ["整改台账!H4"]},
    "symbol_statuses_explained": {_UNDATED: ["整改台账!1行"]},
}

# 办结率 as the clerk counts it: problems whose every measure is done (长期坚持 counted) over
# all problems.
RATES: dict[str, str] = {
    "soe_audit_ten_thousands": "33.3%",
    "inspection_two_sources": "33.3%",
    "personal_checklist": "33.3%",
    "hospital_quality_by_ward": "33.3%",
    "school_terms": "33.3%",
    "header_line_breaks": "33.3%",
    "frozen_header_with_guide_row": "33.3%",
    "wps_serials_as_text": "33.3%",
    "total_row_at_top": "50%",
    "symbol_statuses": "50%",
    "symbol_statuses_explained": "33.3%",
}


def _run(*args: str) -> dict:
    return L.run(R.TODAY, *args)


def _build(tmp_path: Path, builder: object) -> tuple[Path, object]:
    return L.build(tmp_path, builder)


@pytest.fixture(params=BUILDERS, ids=[b.__name__ for b in BUILDERS])
def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, object]:
    return _build(tmp_path, request.param)


def test_stats_counts_what_the_clerk_put_in(built: tuple[Path, object]) -> None:
    L.assert_counts(R.TODAY, *built, money_always=True)


def test_every_column_read_as_what_it_is(built: tuple[Path, object]) -> None:
    path, expect = built
    L.assert_columns(_run("check", str(path)), expect)


def test_every_finding_on_its_cell(built: tuple[Path, object]) -> None:
    path, _ = built
    found = L.rules(_run("check", str(path)))
    assert found == FINDINGS[path.stem]
    assert "unmapped-column" not in found


_report_says_the_rate = L.report_test(R.TODAY, RATES)


def test_closure_rate_and_report_say_what_the_clerk_counts(
    built: tuple[Path, object], tmp_path: Path
) -> None:
    path, _ = built
    if path.stem != "symbol_statuses":
        _report_says_the_rate(built, tmp_path)
        return
    # the ✘ row unread: the report prints the rate marked as doubtful (【】), and says why
    import docx
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    assert _run("stats", str(path))["办结率"] == RATES[path.stem]
    out = tmp_path / "报告.docx"
    args = ["report", str(path), "--as-of", R.TODAY, "--today", R.TODAY, "--force", "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "【整改状态未填或无法识别】1项，办结率【50%】" in text


# ---------------------------------------------------------------------------------------------
# How each column is read (读取方式).


def test_each_reading_is_said(tmp_path: Path) -> None:
    said = {}
    for builder, letter in (
        (R.soe_audit_ten_thousands, "C"),
        (R.soe_audit_ten_thousands, "J"),
        (R.inspection_two_sources, "B"),
        (R.inspection_two_sources, "G"),
        (R.personal_checklist, "F"),
        (R.hospital_quality_by_ward, "B"),
        (R.hospital_quality_by_ward, "C"),
        (R.header_line_breaks, "G"),
        (R.frozen_header_with_guide_row, "E"),
    ):
        path, _ = _build(tmp_path, builder)
        read = _reads(_run("check", str(path)))[letter]
        said[f"{builder.__name__}:{letter}"] = (read["read_as"], read["how"])
    assert said == {
        "soe_audit_ten_thousands:C": ("问题", "别名"),  # 审计发现问题
        "soe_audit_ten_thousands:J": ("清退资金", "别名"),  # 挽回损失（万元）
        "inspection_two_sources:B": ("方面", "按内容"),  # 反馈来源, no 方面 column
        "inspection_two_sources:G": (None, "未识别"),  # 配合单位: kept, not used
        "personal_checklist:F": ("整改状态", "按内容"),  # 完成情况 holding status words
        "hospital_quality_by_ward:B": ("责任部门", "别名"),  # 科室
        "hospital_quality_by_ward:C": ("方面", "别名"),  # 督查项目
        "header_line_breaks:G": ("整改时限", "标准列名"),  # "整改\n时限"
        "frozen_header_with_guide_row:E": ("责任领导", "别名"),  # 责任主体 / 牵头领导
    }


def test_ten_thousands_are_counted_in_yuan(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.soe_audit_ten_thousands)
    notes = _run("check", str(path))["layout"]["notes"]
    assert "J 列“挽回损失（万元）”以万元为单位，已折算为元" in notes[0]


def test_serials_typed_as_text_are_days(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.wps_serials_as_text)
    ledger = load_ledger(path, today=dt.date(2025, 7, 15))
    due = [m.deadline.due for m in ledger.measures if m.deadline]
    assert due == [dt.date(2025, 6, 30), dt.date(2025, 9, 30), dt.date(2025, 12, 31)]
    assert ledger.measures[0].finished.due == dt.date(2025, 6, 26)


def test_a_total_row_at_the_top_is_no_measure(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.total_row_at_top)
    ledger = load_ledger(path, today=dt.date(2025, 7, 15))
    assert [m.row for m in ledger.measures] == [3, 4, 5, 6]


def test_a_personal_list_is_told_what_to_fill(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.personal_checklist)
    said = _messages(_run("check", str(path)), "missing-column")
    assert said[0].endswith("个人查摆问题清单由本人整改的，这一列可都填本人姓名（职务）。")
    assert said[1].endswith("个人查摆问题清单由本人整改的，这一列可都填本人所在部门或单位。")
    # (a ledger with no 查摆 column is told only to add the column)
    path, _ = _build(tmp_path, R.hospital_quality_by_ward)
    said = _messages(_run("check", str(path)), "missing-column")
    assert "查摆" not in said[0]


# ---------------------------------------------------------------------------------------------
# Symbols.


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("✔", "已完成"),
        ("✔️", "已完成"),  # the emoji form: ✔ and U+FE0F
        ("✅", "已完成"),
        ("✅️", "已完成"),
        ("⏳", "正在推进"),
        ("🔄", "正在推进"),
        ("✘", None),  # not done: under way or not begun? asked
        ("❌", None),
        ("×", None),
    ],
)
def test_symbols_of_this_round(text: str, status: str | None) -> None:
    assert normalise_status(text) == status


def test_a_cross_without_a_legend_is_asked(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.symbol_statuses)
    said = _messages(_run("check", str(path)), "unknown-status")
    assert said == [
        "整改状态“✘”不是规定的值。“✘”只说明尚未完成，没有说明是正在推进还是未启动，本工具不推断；"
        "可在列名中写明各符号的意思（如“整改状态（✔已完成 ⏳正在推进 ✘未启动）”），或改写为整改状态。"
        f"可选值：{'、'.join(C.STATUSES)}。如这是本单位的固定说法，可在台账中加一张“状态对照”表"
        "（原状态 | 标准状态）或用 --status-map 原状态=标准状态 说明它对应哪个状态。"
    ]


def test_symbols_explained_in_the_header(tmp_path: Path) -> None:
    # (before: ⏳ ✘ ✔️ three unknown-status errors, 办结率 25%)
    path, _ = _build(tmp_path, R.symbol_statuses)
    wb = openpyxl.load_workbook(path)
    wb.active["H1"] = "整改状态（✔已完成 ⏳正在推进 ✘未启动）"
    wb.save(path)
    report = _run("check", str(path))
    assert "unknown-status" not in L.rules(report)
    assert report["layout"]["notes"] == [
        "H 列整改状态中的“⏳”、“✔”、“✘”按 H 列列名“整改状态（✔已完成 ⏳正在推进 ✘未启动）”"
        "中的说明读（✔为已完成，⏳为正在推进，✘为未启动）。如不对，请用 --status-map 或“状态对照”表说明。"
    ]
    statuses = _run("stats", str(path))["措施状态"]
    assert (statuses["已完成"], statuses["正在推进"], statuses["未启动"]) == (2, 1, 1)


def test_symbols_explained_under_the_table(tmp_path: Path) -> None:
    path, _ = _build(tmp_path, R.symbol_statuses_explained)
    assert _run("check", str(path))["layout"]["notes"] == [
        "H 列整改状态中的“✅”、“❌”、“🔄”按第 6 行中的说明读（✅为已完成，🔄为正在推进，❌为未启动）。"
        "如不对，请用 --status-map 或“状态对照”表说明。"
    ]


# ---------------------------------------------------------------------------------------------
# Headers.


@pytest.mark.parametrize(
    ("header", "column", "unused"),
    [
        ("科室", "责任部门", None),
        ("受检科室", "责任部门", None),
        ("被检查科室", "责任部门", None),
        ("挽回损失（万元）", "清退资金", None),
        ("整改金额（万元）", None, "整改金额"),
        ("反馈来源", None, "问题来源"),
        ("配合单位", None, "配合部门"),
        ("整改\n时限", "整改时限", None),
    ],
)
def test_headers_of_this_round(header: str, column: str | None, unused: str | None) -> None:
    key = C.normalise_header(header)
    assert (C.header_column(header), C.unused_column(key)) == (column, unused)
