"""The sentence-level readers of ``import``: responsibility tails, status sentences, dates,
numbering, and documents written as plain text in less common shapes."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_tools.importing import import_document, import_files
from ledger_tools.importing.extract import Block, clean_line, decode_text
from ledger_tools.importing.fields import dates_in, split_tail, status_sentence
from ledger_tools.importing.outline import build_outline, cn_value, match_marker


@pytest.mark.parametrize(
    ("text", "measure", "fields"),
    [
        (
            "建立台账。（责任领导：张三（副局长）；责任单位：办公室、财务科；完成时限：2024年6月30日）",
            "建立台账。",
            {
                "责任领导": "张三（副局长）",
                "责任部门": "办公室、财务科",
                "整改时限": "2024年6月30日",
            },
        ),
        (
            "建立台账(牵头领导:张三,牵头单位:办公室,配合单位:财务科,时限:长期坚持)",
            "建立台账",
            # Every unit named is responsible, the lead first (README: 牵头/配合).
            {
                "责任领导": "张三",
                "牵头部门": "办公室",
                "责任部门": "办公室、财务科",
                "整改时限": "长期坚持",
            },
        ),
        (
            "建立台账。责任人：李四；整改期限：2024年底前",
            "建立台账。",
            {"责任人": "李四", "整改时限": "2024年底前"},
        ),
        ("建立台账（2024年6月底前完成）。", "建立台账", {"整改时限": "2024年6月底前"}),
        ("建立台账（立行立改）", "建立台账", {"整改时限": "立行立改"}),
        ("修订《管理办法（试行）》", "修订《管理办法（试行）》", {}),
    ],
)
def test_responsibility_tails(text, measure, fields):
    assert split_tail(text) == (measure, fields)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("目前已整改到位并长期坚持。", ("长期坚持", "")),
        ("目前已整改到位。", ("已完成", "")),
        ("目前正在推进，计划于2024年6月30日前完成。", ("正在推进", "2024年6月30日")),
        ("目前已基本完成，正在持续巩固。", ("基本完成", "")),
        ("尚未启动。", ("未启动", "")),
        ("正在推进，计划于2024年6月30日前完成。", ("正在推进", "2024年6月30日")),
        ("已整改到位并长期坚持。", ("长期坚持", "")),
        ("该问题已整改完成。", ("已完成", "")),
        ("截至5月底，已完成。", ("已完成", "")),
        ("已制定工作方案，完成餐饮场所检查416家，其余计划6月底前完成。", None),  # progress
        ("加强督促检查，确保整改到位。", None),
    ],
)
def test_status_sentences(text, expected):
    assert status_sentence(text) == expected


def test_dates_without_year_take_the_year_before():
    found = [d for d, _, _ in dates_in("2023年11月2日至12月30日巡察，1月5日反馈")]
    assert found == [dt.date(2023, 11, 2), dt.date(2023, 12, 30), dt.date(2024, 1, 5)]


def test_numbering_styles():
    assert match_marker("一、总体要求")[:2] == ("cn", 1)
    assert match_marker("(二)全面从严治党方面")[:2] == ("paren_cn", 2)
    assert match_marker("（十二）其他")[:2] == ("paren_cn", 12)
    assert match_marker("3．关于“耕地”的问题")[:2] == ("arabic", 3)
    assert match_marker("(4)整改")[:2] == ("paren", 4)
    assert match_marker("⑤整改")[:2] == ("circled", 5)
    assert match_marker("问题12：干部管理宽松软")[:2] == ("problem", 12)
    assert match_marker("三是严格考勤")[:2] == ("shi", 3)
    assert match_marker("2024年6月完成") is None
    assert match_marker("1.5万元已清退") is None
    assert cn_value("二十三") == 23 and cn_value("一百零五") == 105


def test_a_number_out_of_sequence_is_text():
    blocks = [
        Block(t, f"第{i}段") for i, t in enumerate(["一、甲", "1.乙", "3.5万元已退还。", "2.丙"], 1)
    ]
    root = build_outline(blocks)
    first = root.children[0]
    assert [c.text for c in first.children] == ["乙", "丙"]
    assert first.children[0].body[0].text == "3.5万元已退还。"


def test_layout_spaces_and_encodings():
    assert (
        clean_line("截至 2024 年 5 月 10 日， 区委 第二 巡察 组")
        == "截至2024年5月10日，区委第二巡察组"
    )
    assert clean_line("Times New Roman 字体") == "Times New Roman字体"
    assert decode_text("整改".encode("gbk"), "a.txt") == "整改"
    assert decode_text("\ufeff整改".encode(), "a.txt") == "整改"
    assert decode_text("整改".encode("utf-16"), "a.txt") == "整改"


def write_txt(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_aspects_only_numbered_and_inline_problems(tmp_path):
    """方面 as bare numbered headings (not called 方面), problems as 一是…二是… run-in items."""
    text = "\n".join(
        [
            "关于某镇党委巡察反馈意见",
            "一、党的建设",
            "（一）理论学习走过场。中心组学习以读文件为主。",
            "（二）组织生活不严肃。一是三会一课记录不全；二是主题党日内容单一。",
            "二、作风建设",
            "（一）八项规定执行有偏差。公务接待超标准。",
        ]
    )
    ledger = import_document(write_txt(tmp_path / "反馈意见.txt", text))
    assert [(a.title, [p.title for p in a.problems]) for a in ledger.aspects] == [
        ("党的建设", ["理论学习走过场", "组织生活不严肃"]),
        ("作风建设", ["八项规定执行有偏差"]),
    ]
    assert (
        ledger.problems[1].measures[0].get("问题表现")
        == "一是三会一课记录不全；二是主题党日内容单一。"
    )


def test_statistics_sentence_checked_against_what_was_found(tmp_path):
    text = "\n".join(
        [
            "某局关于巡察整改情况的报告",
            "二、反馈问题整改落实情况",
            "对照区委巡察组反馈的2个方面3项问题，已整改到位3项。",
            "（一）在党的建设方面",
            "问题1：学习不深入",
            "整改措施及结果：一是集中学习。目前已整改到位。",
        ]
    )
    warnings = import_files([write_txt(tmp_path / "报告.txt", text)]).warnings
    assert any("“2个方面3项问题”" in w and "1个方面1项问题" in w for w in warnings)


def test_unplaced_paragraphs_are_warned(tmp_path):
    text = "\n".join(
        [
            "某局关于巡察整改情况的报告",
            "一、反馈问题整改落实情况",
            "问题1：学习不深入",
            "整改措施及结果：一是集中学习。目前已整改到位。",
            "二、其他事项",
            "附带说明一段与台账无关的文字。",
        ]
    )
    warnings = import_files([write_txt(tmp_path / "报告.txt", text)]).warnings
    assert any("附带说明一段与台账无关的文字" in w and "第6行" in w for w in warnings)


def test_notice_with_about_headings_and_own_section_titles(tmp_path):
    """A notice whose 方面 and 问题 are both "关于…的问题", measures inline without labels, the
    work section named by its own heading, and contacts after the invitation to supervise."""
    text = "\n".join(
        [
            "中共某市文化局党组关于巡察整改进展情况的通报",
            "2023年4月10日至6月9日，市委第一巡察组对市文化局党组开展了常规巡察。8月18日，市委第一巡察组向市文化局党组反馈了巡察意见。",
            "一、提高政治站位，扛起整改责任",
            "局党组把巡察整改作为重大政治任务。",
            "二、巡察反馈问题整改落实情况",
            "（一）关于学习贯彻党的创新理论不够深入的问题",
            "1.关于理论学习不够系统的问题。一是制定年度学习计划。二是建立学习通报制度（已完成）。",
            "2.关于意识形态责任制落实不到位的问题。修订责任清单，已印发执行。",
            "（二）关于落实主体责任有差距的问题",
            "3.关于“三重一大”制度执行不严格的问题。一是修订议事规则。二是开展专项检查。",
            "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-1234567；电子邮箱：a@example.org。",
            "中共某市文化局党组",
            "2023年11月20日",
        ]
    )
    imported = import_files([write_txt(tmp_path / "通报.txt", text)])
    ledger = import_document(tmp_path / "通报.txt")
    assert [
        (a.title, [(p.title, len(p.measures)) for p in a.problems]) for a in ledger.aspects
    ] == [
        (
            "学习贯彻党的创新理论不够深入",
            [("理论学习不够系统", 2), ("意识形态责任制落实不到位", 1)],
        ),
        ("落实主体责任有差距", [("“三重一大”制度执行不严格", 2)]),
    ]
    assert (
        ledger.measures[1].get("整改措施") == "建立学习通报制度。"
        and ledger.measures[1].status == "已完成"
    )
    assert ledger.texts[0]["小标题"] == "提高政治站位，扛起整改责任"
    assert ledger.info["联系电话"] == "0000-1234567" and ledger.info["电子邮箱"] == "a@example.org"
    assert ledger.info["反馈日期"] == dt.date(2023, 8, 18)
    assert not imported.warnings


def test_report_work_section_with_its_own_heading_and_items(tmp_path):
    text = "\n".join(
        [
            "某局关于巡察整改情况的报告",
            "一、提高站位抓整改",
            "（一）压实责任。党组书记带头抓整改。",
            "（二）建立机制。每周调度整改进度。",
            "二、反馈问题整改落实情况",
            "（一）在党的建设方面",
            "问题1：学习不深入",
            "整改措施及结果：一是集中学习。已学习12次。",
            "目前已整改到位。",
        ]
    )
    ledger = import_document(write_txt(tmp_path / "报告.txt", text))
    assert [(t["章节"], t["小标题"]) for t in ledger.texts] == [
        ("工作开展情况", "压实责任"),
        ("工作开展情况", "建立机制"),
    ]
    assert [p.title for p in ledger.problems] == ["学习不深入"]


def test_report_with_only_an_account_of_each_problem(tmp_path):
    text = "\n".join(
        [
            "某局关于巡察整改情况的报告",
            "二、反馈问题整改落实情况",
            "（一）学习不深入的问题",
            "整改情况：一是制定学习计划。已印发。二是开展专题研讨。已研讨3次。",
            "目前已整改到位。",
            "（二）组织生活不规范的问题",
            "整改落实情况：规范三会一课记录。",
            "正在推进，计划于2024年9月底前完成。",
        ]
    )
    ledger = import_document(write_txt(tmp_path / "报告.txt", text))
    assert [(p.title, [m.get("整改措施") for m in p.measures]) for p in ledger.problems] == [
        ("学习不深入", ["制定学习计划。", "开展专题研讨。"]),
        ("组织生活不规范", ["规范三会一课记录。"]),
    ]
    assert [m.get("整改进展及成效") for m in ledger.measures] == ["已印发。", "已研讨3次。", None]
    assert [m.status for m in ledger.measures] == ["已完成", "已完成", "正在推进"]
    assert ledger.measures[2].get("整改时限") == "2024年9月底"


def test_red_header_is_not_the_title(tmp_path):
    import docx

    d = docx.Document()
    for text in (
        "中共某县林业局党组文件",
        "县林党发〔2024〕3号",
        "中共某县林业局党组关于巡察整改情况的报告",
    ):
        d.add_paragraph(text).alignment = 1  # centred
    d.add_paragraph("一、反馈问题整改落实情况")
    d.add_paragraph("问题1：学习不深入")
    d.add_paragraph("整改措施及结果：一是集中学习。目前已整改到位。")
    path = tmp_path / "报告.docx"
    d.save(path)
    ledger = import_document(path)
    assert ledger.info["党组织名称"] == "中共某县林业局党组"
    assert ledger.info["报告标题"] == "中共某县林业局党组关于巡察整改情况的报告"
    assert ledger.info["单位名称"] == "某县林业局"


def test_public_notice_one_paragraph_per_problem(tmp_path):
    """A notice that gives each problem one paragraph: its measures named by their leads after
    "主要措施：", a totals sentence, the status sentence and "下一步计划：" (not started)."""
    text = "\n".join(
        [
            "中共某市档案馆支部委员会",
            "关于巡察整改进展情况的通报",
            "2024年6月3日，市委第三巡察组向市档案馆反馈了巡察意见。我馆高度重视，现将整改进展通报如下。",
            "一、反馈问题整改落实情况",
            "（一）档案业务方面",
            "1.档案数字化进度滞后。主要措施：制定数字化工作方案；增加外包扫描力量；每月通报扫描进度。"
            "累计完成扫描12万页。目前正在推进，计划于2024年10月底前完成。下一步计划：建设数字档案室；"
            "开展数字化质量抽检。",
            "2.库房温湿度监测不到位。主要措施：更换温湿度监测设备。目前已整改到位。",
            "欢迎广大干部群众监督。联系电话：0000-7654321",
            "中共某市档案馆支部委员会",
            "2024年9月2日",
        ]
    )
    imported = import_files([write_txt(tmp_path / "通报.txt", text)])
    ledger = import_document(tmp_path / "通报.txt")
    assert [(p.title, p.status) for p in ledger.problems] == [
        ("档案数字化进度滞后", "正在推进"),
        ("库房温湿度监测不到位", "已完成"),
    ]
    first = ledger.problems[0].measures
    assert [(m.get("整改措施"), m.status) for m in first] == [
        ("制定数字化工作方案。", "正在推进"),
        ("增加外包扫描力量。", "正在推进"),
        ("每月通报扫描进度。", "正在推进"),
        ("建设数字档案室。", "未启动"),
        ("开展数字化质量抽检。", "未启动"),
    ]
    assert ledger.info["通报标题"] == "中共某市档案馆支部委员会关于巡察整改进展情况的通报"
    assert ledger.info["报告成文日期"] == dt.date(2024, 9, 2)
    assert ledger.info["单位简称"] == "我馆"
    assert not imported.warnings


def test_report_measures_worded_by_their_status(tmp_path):
    """A report wording each measure by its status: done on a day, kept up since a day, in
    progress, planned for a date, and one told as what was done (action and result in one)."""
    text = "\n".join(
        [
            "中共某县林业局党组关于巡察整改情况的报告",
            "县委巡察工作领导小组：",
            "现将整改情况报告如下。",
            "一、反馈问题整改落实情况",
            "（一）在履行职能方面",
            "问题1：护林员管理松散",
            "整改措施及结果：一是建立护林员考勤台账，已于2024年4月2日完成。二是开展巡护轨迹抽查，"
            "自2024年3月1日起长期坚持。三是修订护林员管理办法。该项工作正在推进。四是将于2024年8月底前"
            "开展护林员轮训。五是2024年4月，局党组对3名履职不力的护林员进行约谈，已全部整改。"
            "六是清理护林员补助发放名册。已核对名册126人，计划于2024年7月15日前完成。",
            "目前正在推进，计划于2024年8月底前完成。",
        ]
    )
    ledger = import_document(write_txt(tmp_path / "报告.txt", text))
    got = [
        (m.get("整改措施"), m.status, m.get("整改进展及成效"), m.get("整改时限"))
        for m in ledger.measures
    ]
    account = "2024年4月，局党组对3名履职不力的护林员进行约谈，已全部整改。"
    assert got[:4] == [
        ("建立护林员考勤台账。", "已完成", None, None),
        ("开展巡护轨迹抽查。", "长期坚持", None, None),
        ("修订护林员管理办法。", "正在推进", None, "2024年8月底"),
        ("开展护林员轮训。", "未启动", None, "2024年8月底前"),
    ]
    assert got[4][0] == account and got[4][2] == account
    assert got[5][0] == "清理护林员补助发放名册。" and got[5][2] == "已核对名册126人。"
    assert got[5][3] == "2024年7月15日前"
    assert ledger.measures[0].values["完成时间"] == dt.date(2024, 4, 2)
    assert ledger.info["主送机关"] == "县委巡察工作领导小组"


def test_leaders_written_post_first():
    from ledger_tools.importing.fields import name_then_post

    assert name_then_post("局党组书记、局长陈志远") == "陈志远（局党组书记、局长）"
    assert (
        name_then_post("局党组成员、副局长王建国，副局长刘明华")
        == "王建国（局党组成员、副局长）、刘明华（副局长）"
    )
    assert name_then_post("局办公室主任") == "局办公室主任"  # a post alone stays as written
