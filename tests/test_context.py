"""The template context (keys and values) and the filters for template authors."""

from __future__ import annotations

import datetime as dt
import json
from functools import partial
from typing import Any

import pytest
from conftest import INFO as BASE_INFO
from conftest import build as build_ledger
from conftest import day, measure

from ledger_tools.documents.context import (
    OVERDUE_MARK,
    build_context,
    cn_date,
    cn_num,
    cn_ordinal,
    cn_paren_num,
    in_aspect_title,
    join_sentences,
    missing_sections,
    missing_text_marker,
    money,
    percent,
    sample_ledger,
    text,
)
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.model import Deadline, Ledger

AS_OF = dt.date(2024, 5, 10)
# The file-based tests' unit, with a date left as text (tolerated) and a 领导小组组长
INFO: dict[str, Any] = dict(BASE_INFO, 进驻结束日期="2024-02-07", 领导小组组长="张某")
build = partial(build_ledger, info=INFO)  # this file's 基本信息 unless a test gives its own


def two_aspects() -> Ledger:
    return build(
        [
            (
                "落实党的理论路线方针政策方面",
                "政治理论学习重视不够",
                [
                    measure(
                        整改措施="制定学习计划",
                        整改进展及成效="2024年3月印发学习计划。",
                        问题表现="学习不深",
                    ),
                    measure(整改措施="开展专题学习；", 整改进展及成效="组织集中学习4次"),
                ],
                "已完成",
            ),
            (
                "在党的建设方面",
                "组织生活不规范",
                [measure("长期坚持", Deadline("long_term", "长期坚持"))],
                "长期坚持",
            ),
            ("在党的建设方面", "制度执行不严", [measure("基本完成")], "基本完成"),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Filters


@pytest.mark.parametrize(
    "n,cn",
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"),
     (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一"), (10000, "一万"),
     (10010, "一万零一十"), (0, "零")],
)  # fmt: skip
def test_cn_num(n, cn):
    assert cn_num(n) == cn


def test_numbering_filters():
    assert cn_paren_num(3) == "（三）"
    assert cn_ordinal(1) == "一是" and cn_ordinal(11) == "十一是"


def test_cn_date():
    assert cn_date(dt.date(2024, 3, 4)) == "2024年3月4日"
    assert cn_date(dt.datetime(2024, 12, 31, 8, 0)) == "2024年12月31日"
    assert cn_date("2024-05-10") == "2024年5月10日"
    assert cn_date("2024年6月底") == "2024年6月底"
    assert cn_date(None) == ""


def test_percent_and_money():
    assert percent(0.875) == "87.5%" and percent(1) == "100%" and percent(0) == "0%"
    assert percent(0.9999) == "99.9%" and percent(14, 16) == "87.5%"
    assert percent("100%") == "100%"
    assert money(12300) == "1.23万元" and money(800) == "800元" and money(None) == ""


@pytest.mark.parametrize(
    "parts,joined",
    [
        (["制定方案", "完成整改。"], "制定方案。完成整改。"),
        (["制定方案。。", "完成整改；"], "制定方案。完成整改。"),
        (["开展学习，", "", None, "  "], "开展学习。"),
        (["第一；。第二，。第三"], "第一。第二。第三。"),
        (["是否完成？", "已完成！"], "是否完成？已完成！"),
        (["开展“三会一课”"], "开展“三会一课”。"),
        (["他说：“已经完成。”"], "他说：“已经完成。”"),
        (["，前面有逗号"], "前面有逗号。"),
        ("单个字符串；", "单个字符串。"),
        ([], ""),
        (None, ""),
    ],
)
def test_join_sentences(parts, joined):
    out = join_sentences(parts)
    assert out == joined
    for bad in ("。。", "；。", "，。", "、。"):
        assert bad not in out


def test_text_cleans_cells():
    assert text("第一行\n第二行") == "第一行；第二行"
    assert text("第一行。\r\n\n第二行") == "第一行。第二行"
    assert text("a\x00b\x0bc\tend") == "abc end"
    assert text(3.0) == "3" and text(None) == ""


def test_in_aspect_title():
    assert in_aspect_title("落实党的理论路线方针政策方面") == "在落实党的理论路线方针政策方面"
    assert in_aspect_title("在党的建设方面") == "在党的建设方面"
    assert in_aspect_title("党风廉政建设") == "在党风廉政建设方面"


# ---------------------------------------------------------------------------------------------
# The context


def test_info_fields_and_dates():
    ctx = build_context(two_aspects(), "report", as_of=AS_OF, today=dt.date(2024, 5, 20))
    for f in C.INFO_FIELDS:
        assert f.name in ctx
    assert ctx["进驻开始日期"] == "2024年1月8日" and ctx["进驻结束日期"] == "2024年2月7日"
    assert ctx["反馈日期"] == "2024年3月4日"
    assert ctx["电子邮箱"] == "" and ctx["领导小组副组长"] == ""
    assert ctx["截至日期"] == "2024年5月10日"
    assert ctx["成文日期"] == "2024年5月20日"  # today when 基本信息 has none
    ledger = two_aspects()
    ledger.info["成文日期"] = dt.date(2024, 5, 12)
    assert build_context(ledger, "report", as_of=AS_OF)["成文日期"] == "2024年5月12日"


def test_needed_info_missing_is_marked():
    ledger = two_aspects()
    ledger.info.pop("联系电话", None)
    assert build_context(ledger, "notice", as_of=AS_OF)["联系电话"] == "【联系电话未填】"
    assert build_context(ledger, "report", as_of=AS_OF)["联系电话"] == ""


def test_titles():
    ledger = two_aspects()
    assert build_context(ledger, "plan", as_of=AS_OF)["标题"] == (
        "中共某区测试局党组关于落实区委第一巡察组反馈意见的整改方案"
    )
    assert build_context(ledger, "report", as_of=AS_OF)["标题"] == (
        "中共某区测试局党组关于区委第一巡察组反馈意见整改情况的报告"
    )
    assert build_context(ledger, "notice", as_of=AS_OF)["标题"] == (
        "中共某区测试局党组关于巡察整改落实进展情况的通报"
    )
    ledger.info["报告标题"] = "自定义标题"
    assert build_context(ledger, "report", as_of=AS_OF)["标题"] == "自定义标题"


def test_tree_numbering_and_values():
    ctx = build_context(two_aspects(), "report", as_of=AS_OF)
    aspects = ctx["方面列表"]
    assert [a["序号"] for a in aspects] == ["一", "二"]
    assert aspects[1]["在标题"] == "在党的建设方面"
    problems = [p for a in aspects for p in a["问题列表"]]
    assert [p["序号"] for p in problems] == [1, 2, 3]  # running across the document
    first = problems[0]
    # a paragraph of the plan: closed with "。" when the cell is not (the fifth 公文 review)
    assert first["问题"] == "政治理论学习重视不够" and first["问题表现"] == "学习不深。"
    assert [m["序号"] for m in first["措施列表"]] == [1, 2]
    assert [m["序号"] for m in problems[1]["措施列表"]] == [1]
    m = first["措施列表"][0]
    assert m["整改时限日期"] == "2024年4月30日" and m["完成时间"] == "2024年4月20日"
    assert m["整改状态"] == "已完成"
    assert m["责任说明"].startswith("（责任领导：王某；责任部门：办公室；完成时限：")
    assert "牵头部门" not in m["责任说明"]  # empty parts omitted
    assert m["措施及成效"] == "制定学习计划。2024年3月印发学习计划。"
    assert first["措施段落"] == (
        "一是制定学习计划。2024年3月印发学习计划。二是开展专题学习。组织集中学习4次。"
    )
    # a single measure is not numbered; 长期坚持 without a narrative says since when
    assert problems[1]["措施段落"] == "措施，自2024年4月20日起长期坚持。"
    assert problems[1]["措施列表"][0]["整改时限"] == "长期坚持"
    json.dumps(ctx, ensure_ascii=False)


def test_shared_progress_said_once():
    shared = "已制定制度并开展检查"
    ms = [measure(整改措施="甲", 整改进展及成效=shared), measure(整改措施="乙", 整改进展及成效=shared),
          measure(整改措施="丙", 整改进展及成效="另行完成"), measure(整改措施="丁", 整改进展及成效=shared)]  # fmt: skip
    ctx = build_context(build([("方面", "问题", ms, "已完成")]), "report", as_of=AS_OF)
    p = ctx["方面列表"][0]["问题列表"][0]
    assert p["措施段落"] == (
        "一是甲。二是乙。已制定制度并开展检查。三是丙。另行完成。四是丁。已制定制度并开展检查。"
    )
    assert p["措施列表"][0]["措施及成效"] == "甲。"  # its narrative follows 乙


def test_status_sentences():
    spec = [
        ("甲", "a", [measure("已完成")], "已完成"),
        ("甲", "b", [measure("长期坚持")], "长期坚持"),
        ("甲", "c", [measure("基本完成")], "基本完成"),
        ("甲", "d", [measure("未启动")], "未启动"),
        ("甲", "e", [measure("已完成", day("2024-07-31")), measure("正在推进", day("2024-06-30")),
                    measure("未启动", day("2024-06-15"))], "正在推进"),
        ("甲", "f", [measure("正在推进", Deadline("period", "2024年9月底前", dt.date(2024, 9, 30)))], "正在推进"),
        ("甲", "g", [measure("正在推进", day("2024-04-30"))], "正在推进"),
        ("甲", "k", [measure("正在推进", Deadline("period", "2024年6月", dt.date(2024, 6, 30)))], "正在推进"),
        ("甲", "l", [measure("正在推进", Deadline("period", "2024年第三季度", dt.date(2024, 9, 30)))], "正在推进"),
        ("甲", "h", [measure("正在推进", Deadline("long_term", "长期坚持"))], "正在推进"),
        ("甲", "i", [measure("正在推进", Deadline("invalid", "下个月"))], "正在推进"),
        ("甲", "j", [measure(None, 整改状态="差不多")], None),
    ]  # fmt: skip
    ctx = build_context(build(spec), "report", as_of=AS_OF)
    sentences = [p["状态句"] for p in ctx["方面列表"][0]["问题列表"]]
    assert sentences == [
        "目前已整改到位。",
        "目前已整改到位并长期坚持。",
        f"目前已基本完成，剩余工作原计划于2024年4月底前完成，现已超期{OVERDUE_MARK}。",
        f"目前尚未启动，原计划于2024年4月底前完成，现已超期{OVERDUE_MARK}。",
        "目前正在推进，计划于2024年6月底前完成。",  # latest among the unfinished only
        "目前正在推进，计划于2024年9月底前完成。",
        f"目前正在推进，原计划于2024年4月底前完成，现已超期{OVERDUE_MARK}。",  # no false plan
        "目前正在推进，计划于2024年6月底前完成。",  # one deadline form per document
        "目前正在推进，计划于2024年9月底前完成。",
        "目前正在推进。",
        "目前正在推进，整改时限【时限无法识别：下个月】。",
        "【整改状态未填或无法识别】。",  # closed like the others (the fifth 公文 review)
    ]
    last = ctx["方面列表"][0]["问题列表"][-1]
    assert last["状态"] == "【状态未填】"
    assert last["措施列表"][0]["整改状态"] == "【状态无法识别：差不多】"
    assert (
        ctx["方面列表"][0]["问题列表"][-2]["措施列表"][0]["整改时限"] == "【时限无法识别：下个月】"
    )


def test_markers_for_empty_required_values():
    m = measure(None, Deadline("empty", ""), 整改措施=None)
    ctx = build_context(build([("甲", "a", [m], None)]), "report", as_of=AS_OF)
    mc = ctx["方面列表"][0]["问题列表"][0]["措施列表"][0]
    assert mc["整改措施"] == "【整改措施未填】"
    assert mc["整改时限"] == "【时限未填】" and mc["整改状态"] == "【状态未填】"


def test_paragraphs_filtered_and_grouped():
    texts = [
        {"文稿": "方案", "章节": "指导思想", "小标题": "", "内容": "以……为指导"},
        {"文稿": "报告", "章节": "工作开展情况", "小标题": "提高思想认识，把握整改要求", "内容": "召开专题会。"},
        {"文稿": "全部", "章节": "下一步打算", "小标题": "", "内容": "持续巩固整改成果"},
        {"文稿": "报告", "章节": "工作开展情况", "小标题": "加强组织领导。", "内容": "成立领导小组"},
    ]  # fmt: skip
    ledger = build([("甲", "a", [measure()], "已完成")], texts=texts)
    plan = build_context(ledger, "plan", as_of=AS_OF)["段落"]
    assert [t["内容"] for t in plan["指导思想"]] == ["以……为指导。"]
    assert plan["工作开展情况"] == [] and len(plan["下一步打算"]) == 1
    report = build_context(ledger, "report", as_of=AS_OF)["段落"]
    assert [t["小标题"] for t in report["工作开展情况"]] == [
        "提高思想认识，把握整改要求。",
        "加强组织领导。",
    ]
    assert report["指导思想"] == []  # every 章节 present, so templates can loop safely
    # A section of the document itself with no text is marked, never left as a bare heading.
    assert plan["整改目标"] == [{"小标题": "", "内容": missing_text_marker("方案", "整改目标")}]
    assert missing_sections(ledger, "plan") == ["整改目标", "工作要求"]
    notice = build_context(ledger, "notice", as_of=AS_OF)["段落"]
    assert notice["工作开展情况"] == report["工作开展情况"]  # falls back to the report's rows
    ledger.texts.append({"文稿": "通报", "章节": "工作开展情况", "小标题": "", "内容": "通报专用"})
    notice = build_context(ledger, "notice", as_of=AS_OF)["段落"]
    assert [t["内容"] for t in notice["工作开展情况"]] == ["通报专用。"]


def test_task_rows():
    ctx = build_context(two_aspects(), "plan", as_of=AS_OF)
    rows = ctx["附件任务清单"]
    assert len(rows) == 4
    assert [(r["序号"], r["首行"], r["跨行数"]) for r in rows] == [
        (1, True, 2), (1, False, 2), (2, True, 1), (3, True, 1)
    ]  # fmt: skip
    assert set(rows[0]) >= {
        "序号",
        "方面",
        "问题",
        "整改措施",
        "责任领导",
        "责任部门",
        "责任人",
        "整改时限",
    }
    assert rows[0]["方面"] == "落实党的理论路线方针政策方面"


def test_statistics_in_context():
    ctx = build_context(two_aspects(), "report", as_of=AS_OF)
    assert ctx["统计"]["问题数"] == 3 and ctx["统计"]["办结率"] == "66.7%"
    assert ctx["统计"]["统计句"].startswith(
        "对照区委第一巡察组反馈的2个方面3项问题，细化整改措施4条。"
    )


def test_forbidden_characters_stripped_everywhere():
    m = measure(整改措施="含\x01控制\x0b字符&<>\"'", 整改进展及成效="\ufffe完成\x1f")
    ledger = build([("方面\x02", "问题\x03", [m], "已完成")], info=dict(INFO, 单位名称="某\x07局"))
    raw = json.dumps(build_context(ledger, "report", as_of=AS_OF), ensure_ascii=False)
    for ch in ("\x01", "\x02", "\x03", "\x07", "\x0b", "\x1f", "\ufffe"):
        assert ch not in raw and json.dumps(ch)[1:-1] not in raw
    assert "含控制字符&<>" in raw


def test_sample_ledger_context_has_every_key():
    ctx = build_context(sample_ledger(), "report", as_of=AS_OF)
    m = ctx["方面列表"][0]["问题列表"][0]["措施列表"][0]
    for key in ("序号", "整改措施", "责任领导", "牵头部门", "责任部门", "责任人", "整改时限", "整改时限日期",
                "整改状态", "完成时间", "整改进展及成效", "佐证材料", "责任说明", "措施及成效"):  # fmt: skip
        assert m[key] != "" or key == "序号"
    for section in C.ALL_TEXT_SECTIONS:
        assert ctx["段落"][section]


def test_unknown_kind():
    with pytest.raises(ValueError):
        build_context(two_aspects(), "letter")


@pytest.mark.parametrize("kind", ["plan", "report", "notice"])
def test_parts_left_out_leave_the_rest_unchanged(kind):
    # a built-in template that never names 措施段落/状态句 or 措施列表 gets a context without
    # them (trusted.unread_parts); everything else is what the whole context holds
    ledgers = [two_aspects(), sample_ledger()]
    for ledger in ledgers:
        whole = build_context(ledger, kind, as_of=AS_OF)
        table = {"措施列表", "附件任务清单"}
        for skip in ({"措施段落"}, table, {"措施段落", "通报段落", *table}, {"措施列表"}):
            part = build_context(ledger, kind, as_of=AS_OF, skip=skip)
            for a, b in zip(whole["方面列表"], part["方面列表"], strict=True):
                for p, q in zip(a["问题列表"], b["问题列表"], strict=True):
                    left_out = set(p) - set(q)
                    expected = set()
                    if "措施段落" in skip:
                        expected |= {"措施段落", "状态句"}
                    if table <= skip:  # (the task table is made of 措施列表)
                        expected.add("措施列表")
                    if "通报段落" in skip and "通报段落" in p:
                        expected.add("通报段落")
                    assert left_out == expected and not set(q) - set(p)
                    same = {k: v for k, v in p.items() if k in q and k != "措施列表"}
                    assert same == {k: v for k, v in q.items() if k != "措施列表"}
                    for m, n in zip(p["措施列表"], q.get("措施列表", []), strict=False):
                        if "措施段落" in skip:
                            assert n["措施及成效"] == ""  # not worded
                            assert {**m, "措施及成效": ""} == n
                        else:
                            assert m == n
        # the task table is made of 措施列表: asked for, it is there whatever is skipped
        with_table = build_context(ledger, kind, as_of=AS_OF, skip={"措施列表"})
        assert with_table["附件任务清单"] == whole["附件任务清单"]
