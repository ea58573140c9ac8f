"""Statistics: counts, 办结率, the statistics sentence, warnings, groupings, text output."""

from __future__ import annotations

import datetime as dt
import json
from functools import partial
from pathlib import Path

import pytest
from conftest import build as build_ledger
from conftest import day, measure

from ledger_tools.ledger.model import Deadline, Ledger
from ledger_tools.ledger.stats import (
    compute_stats,
    format_stats_text,
    money_text,
    rate_text,
    stats_sentence,
)

AS_OF = dt.date(2024, 5, 10)
INFO = {"监督机构": "区委第一巡察组", "单位名称": "某区测试局"}


build = partial(build_ledger, info=INFO)  # this file's 基本信息 unless a test gives its own


def sixteen() -> Ledger:
    """3 方面, 16 问题: 12 已完成, 2 长期坚持, 1 基本完成, 1 正在推进; 20 measures."""
    spec = []
    for i in range(16):
        status = ["已完成"] * 12 + ["长期坚持"] * 2 + ["基本完成", "正在推进"]
        s = status[i]
        n_measures = 2 if i < 4 else 1
        spec.append(
            (f"方面{i % 3 + 1}", f"问题{i + 1}", [measure(s) for _ in range(n_measures)], s)
        )
    return build(spec)


def test_counts_and_sentence():
    s = compute_stats(sixteen(), AS_OF)
    assert (s["方面数"], s["问题数"], s["措施数"]) == (3, 16, 20)
    assert (s["已完成"], s["长期坚持"], s["基本完成"], s["正在推进"], s["未启动"]) == (
        12,
        2,
        1,
        1,
        0,
    )
    assert s["办结数"] == 14 and s["办结率"] == "87.5%"
    assert s["统计句"] == (
        "对照区委第一巡察组反馈的3个方面16项问题，细化整改措施20条。"
        "截至2024年5月10日，已整改到位14项（其中2项需长期坚持），基本完成1项，正在推进1项，"
        "办结率87.5%。"
    )
    json.dumps(s, ensure_ascii=False)  # the stats command's --format json


def test_long_term_not_counted():
    ledger = sixteen()
    ledger.info["长期坚持计入办结"] = "否"
    s = compute_stats(ledger, AS_OF)
    assert s["办结数"] == 12 and s["办结率"] == "75%"
    assert "已整改到位12项，长期坚持整改2项，基本完成1项，正在推进1项，办结率75%。" in s["统计句"]
    assert "其中" not in s["统计句"]


def test_all_done_and_sums():
    ms = [
        measure(清退资金=12000.0, 问责人次=3, 建立制度=2),
        measure(清退资金="300", 问责人次=18.0, 建立制度=None),
    ]
    s = compute_stats(build([("方面一", "问题一", ms, "已完成")]), AS_OF)
    assert s["办结率"] == "100%"
    assert (s["清退资金"], s["问责人次"], s["建立制度"]) == (12300.0, 21, 2)
    assert s["统计句"].endswith(
        "已整改到位1项，办结率100%。共清退资金1.23万元，约谈问责21人次，建立完善制度2项。"
    )


def test_zero_sums_omitted():
    ms = [measure(问责人次=0, 清退资金=0)]
    s = compute_stats(build([("方面一", "问题一", ms, "已完成")]), AS_OF)
    assert s["统计句"].endswith("办结率100%。")
    for word in ("清退", "问责", "制度", "共"):
        assert word not in s["统计句"].split("。", 2)[-1]
    ms = [measure(建立制度=4)]
    s = compute_stats(build([("方面一", "问题一", ms, "已完成")]), AS_OF)
    assert s["统计句"].endswith("办结率100%。共建立完善制度4项。")


@pytest.mark.parametrize(
    "amount,text",
    [
        (12300, "1.23万元"),
        (10000, "10,000元"),
        (9800, "9,800元"),
        (1234.5, "1,234.5元"),
        (10000.01, "1.00万元"),
        (123456789, "12345.68万元"),
        (0.5, "0.5元"),
    ],
)
def test_money_text(amount, text):
    assert money_text(amount) == text


@pytest.mark.parametrize(
    "closed,total,text",
    [
        (16, 16, "100%"),
        (14, 16, "87.5%"),
        (13, 16, "81.3%"),  # half-up, not banker's rounding
        (2, 3, "66.7%"),
        (1999, 2000, "99.9%"),  # never a false 100%
        (1, 2000, "0.1%"),  # never a false 0%
        (0, 5, "0%"),
        (0, 0, "0%"),
    ],
)
def test_rate_text(closed, total, text):
    assert rate_text(closed, total) == text


def test_other_statuses_and_unknown():
    spec = [
        ("甲方面", "问题一", [measure("已完成")], "已完成"),
        ("甲方面", "问题二", [measure("未启动")], "未启动"),
        ("乙方面", "问题三", [measure(None, 整改状态="差不多")], None),
    ]
    s = compute_stats(build(spec), AS_OF)
    assert s["状态未填"] == 1
    # Figures that depend on the unreadable status are in 【】, and the sentence says why.
    assert (
        "已整改到位【1】项，尚未启动【1】项，【整改状态未填或无法识别】1项，办结率【33.3%】。"
        in s["统计句"]
    )
    assert "1项问题的整改状态未填或无法识别" in s["统计句"]
    assert set(s["存疑"]) >= {"办结数", "办结率", "预警"}


def test_unreadable_number_is_not_silently_summed():
    ms = [measure(清退资金="约五千"), measure(清退资金=800)]
    s = compute_stats(build([("方面一", "问题一", ms, "已完成")]), AS_OF)
    assert s["清退资金"] == 800.0
    assert "共清退资金【800元】。" in s["统计句"]
    assert "1处清退资金（元）无法识别，未计入合计" in s["统计句"]
    assert s["存疑"] == {"清退资金": "1处清退资金（元）无法识别，未计入合计"}


def test_missing_supervisor_is_marked():
    ledger = build([("方面一", "问题一", [measure()], "已完成")], info={})
    assert compute_stats(ledger, AS_OF)["统计句"].startswith("对照【监督机构未填】反馈的")


def test_warning_colours():
    def due_in(days: int) -> Deadline:
        d = AS_OF + dt.timedelta(days=days)
        return Deadline("date", d.isoformat(), d)

    ms = [
        measure("正在推进", due_in(-1)),  # red
        measure("未启动", due_in(0)),  # yellow (due today)
        measure("基本完成", due_in(10)),  # yellow
        measure("正在推进", due_in(11)),  # green
        measure("正在推进", due_in(20)),  # green
        measure("正在推进", due_in(21)),  # none
        measure("已完成", due_in(-30)),  # closed: none
        # Unknown status: no colour (check reports the status as an error, as here), and the
        # warning counts are marked uncertain.
        measure(None, due_in(-2)),
        measure("正在推进", Deadline("long_term", "长期坚持")),  # never due
    ]
    s = compute_stats(build([("方面一", "问题一", ms, "正在推进")]), AS_OF)
    assert s["预警"] == {"红色": 1, "黄色": 2, "绿色": 2}
    assert s["按方面"][0]["红色"] == 1
    assert "预警" in s["存疑"]


def test_long_term_measure_overdue_only_when_not_counted():
    ms = [measure("长期坚持", day("2024-01-31"))]
    ledger = build([("方面一", "问题一", ms, "长期坚持")])
    assert compute_stats(ledger, AS_OF)["预警"]["红色"] == 0
    ledger.info["长期坚持计入办结"] = "否"  # the same rule as check (README “校验规则”)
    assert compute_stats(ledger, AS_OF)["预警"]["红色"] == 1


def test_groupings():
    spec = [
        (
            "甲方面",
            "问题一",
            [
                measure("已完成", 责任部门="办公室、财务科", 责任领导="王某"),
                measure("正在推进", 责任部门=None, 牵头部门="人事科", 责任领导="李某"),
            ],
            "正在推进",
        ),
        ("乙方面", "问题二", [measure("已完成", 责任部门="财务科")], "已完成"),
    ]
    s = compute_stats(build(spec), AS_OF)
    assert [
        (r["方面"], r["问题数"], r["措施数"], r["办结数"], r["办结率"]) for r in s["按方面"]
    ] == [
        ("甲方面", 1, 2, 0, "0%"),
        ("乙方面", 1, 1, 1, "100%"),
    ]
    dept = {r["责任部门"]: r for r in s["按责任部门"]}
    assert set(dept) == {"办公室", "财务科", "人事科"}
    assert (dept["财务科"]["问题数"], dept["财务科"]["措施数"], dept["财务科"]["办结数"]) == (
        2,
        2,
        2,
    )
    assert dept["人事科"]["办结率"] == "0%"
    leaders = {r["责任领导"]: r["措施数"] for r in s["按责任领导"]}
    assert leaders == {"王某": 2, "李某": 1}
    by_status = {r["整改状态"]: (r["问题数"], r["措施数"]) for r in s["按整改状态"]}
    assert by_status["正在推进"] == (1, 2) and by_status["已完成"] == (1, 1)
    assert s["措施状态"]["已完成"] == 2 and s["措施状态"]["正在推进"] == 1


def test_names_split_only_outside_brackets():
    """A 、 inside （）/() is part of a leader's title, not a second leader."""
    spec = [
        (
            "甲方面",
            "问题一",
            [
                measure("已完成", 责任领导="陈志远（党组书记、局长）", 责任部门="办公室"),
                measure("已完成", 责任领导="陈志远（党组书记、局长）、王建国（副局长）"),
                measure("已完成", 责任领导="李某 (副局长, 分管) / 赵某"),
                measure("已完成", 责任部门="质量安全监督站（综合科、执法科），财务科"),
            ],
            "已完成",
        )
    ]
    s = compute_stats(build(spec), AS_OF)
    leaders = {r["责任领导"]: r["措施数"] for r in s["按责任领导"]}
    assert leaders == {
        "陈志远（党组书记、局长）": 2,
        "王建国（副局长）": 1,
        "李某 (副局长, 分管)": 1,
        "赵某": 1,
        "王某": 1,
    }
    depts = {r["责任部门"] for r in s["按责任部门"]}
    assert depts == {"办公室", "质量安全监督站（综合科、执法科）", "财务科"}


def test_sentence_is_built_from_the_numbers():
    s = compute_stats(sixteen(), AS_OF)
    s2 = dict(s, 已完成=0, 长期坚持=0, 办结数=0, 办结率="0%", 基本完成=0, 正在推进=0, 未启动=16)
    # every problem not started: said once, as a report says it (the 公文 review, round 3),
    # not "尚无问题整改到位，尚未启动16项"; nothing closed is not followed by "办结率0%" (the 公文
    # review, round 8: the clause before it has said so)
    assert "截至2024年5月10日，上述问题均尚未启动整改。" in stats_sentence(s2, "某巡察组")
    s3 = dict(s2, 未启动=0, 正在推进=16)
    assert "上述问题均正在推进。" in stats_sentence(s3, "某巡察组")
    s5 = dict(s2, 问题数=1, 未启动=1)
    assert "该问题尚未启动整改。" in stats_sentence(s5, "某巡察组")
    # none closed but in several statuses: "尚无问题整改到位", never "已整改到位0项"
    s4 = dict(s2, 未启动=10, 基本完成=6)
    assert "尚无问题整改到位，基本完成6项，尚未启动10项。" in stats_sentence(s4, "某巡察组")
    assert "办结率0%" not in stats_sentence(s4, "某巡察组")


@pytest.mark.parametrize("by", [None, "方面", "责任部门", "责任领导", "整改状态"])
def test_text_output(by):
    text = format_stats_text(compute_stats(sixteen(), AS_OF), by)
    assert "整改台账统计（截至2024年5月10日）" in text
    assert "方面 3 个，问题 16 项，措施 20 条" in text
    assert "办结率 87.5%" in text
    assert f"按{by or '方面'}统计：" in text
    table = text.split(f"按{by or '方面'}统计：\n", 1)[1].splitlines()
    assert table[0].startswith(by or "方面") and set(table[1]) <= {"-", " "}
    assert len(table) > 2


def test_text_output_rejects_unknown_grouping():
    with pytest.raises(ValueError):
        format_stats_text(compute_stats(sixteen(), AS_OF), "颜色")


# ---------------------------------------------------------------------------------------------
# ledger-tools stats on the example ledger

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "示例台账.xlsx"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="examples/示例台账.xlsx not built")
def test_stats_command_on_example():
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    before = EXAMPLE.read_bytes()
    runner = CliRunner()
    text = runner.invoke(cli, ["stats", str(EXAMPLE), "--today", "2024-05-10"])
    assert text.exit_code == 0, text.output
    assert "整改台账统计（截至2024年5月10日）" in text.output and "按方面统计：" in text.output
    result = runner.invoke(
        cli, ["stats", str(EXAMPLE), "--today", "2024-05-10", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["问题数"] == sum(r["问题数"] for r in data["按方面"])
    assert data["措施数"] == sum(data["措施状态"].values())
    assert data["办结数"] == data["已完成"] + data["长期坚持"]
    by = runner.invoke(cli, ["stats", str(EXAMPLE), "--by", "责任部门", "--today", "2024-05-10"])
    assert by.exit_code == 0 and "按责任部门统计：" in by.output
    bad = runner.invoke(cli, ["stats", str(EXAMPLE), "--by", "颜色"])
    assert bad.exit_code == 2
    assert EXAMPLE.read_bytes() == before


def test_amounts_with_units_and_a_header_in_wan_yuan(tmp_path):
    """“清退资金（万元）”: every amount × 10,000 (sums and documents are in 元), said in the
    读取方式 block; amounts written with a unit that fits the column are read ("1.5万元",
    "3人次"); a unit that does not fit, or words, stay bad-number findings, never summed."""
    from conftest import INFO, STANDARD_HEADER, good_row, write_ledger

    from ledger_tools.ledger.checking import format_text
    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.schema import validate
    from ledger_tools.ledger.stats import compute_stats

    header = [*STANDARD_HEADER, "清退资金（万元）", "问责人次"]
    rows = [
        [*good_row(1), 1.5, "3人次"],
        [*good_row(2), "0.35", 2],
        [*good_row(3), "2000元", "2万元"],
        [*good_row(4), "约3万", None],
    ]
    path = write_ledger(tmp_path / "万元.xlsx", rows, header, info=INFO)
    today = dt.date(2024, 6, 30)
    ledger = load_ledger(path, today=today)
    stats = compute_stats(ledger, today)
    assert stats["清退资金"] == 15000 + 3500 + 2000
    assert stats["问责人次"] == 3 + 2
    report = validate(ledger, today=today)
    bad = sorted((f.row, f.field, f.value) for f in report.findings if f.rule == "bad-number")
    assert bad == [(4, "问责人次", "2万元"), (5, "清退资金", "约3万")]
    text = format_text(report)
    assert "N 列“清退资金（万元）”以万元为单位，已折算为元" in text

    in_yuan = [*STANDARD_HEADER, "清退资金", "问责人次"]
    plain = write_ledger(tmp_path / "元.xlsx", [[*good_row(1), "1.5万元", "3人"]], in_yuan)
    figures = compute_stats(load_ledger(plain, today=today), today)
    assert (figures["清退资金"], figures["问责人次"]) == (15000, 3)
