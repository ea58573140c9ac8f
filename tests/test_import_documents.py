"""``import`` on hand-made documents in each numbering style (written here with python-docx,
including Word's automatic list numbering and a task table), a .doc converted by LibreOffice,
a GB18030 .txt, a text PDF, a scanned PDF (refused), the real published report in the seeds
folder, and the command line (json, --force, Chinese errors naming the file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ledger_tools.documents.render import convert_to_pdf, find_office
from ledger_tools.errors import UnreadableFile
from ledger_tools.importing import import_document, import_documents, import_files
from ledger_tools.importing.extract import convert_to_docx, read_blocks

ROOT = Path(__file__).resolve().parents[1]


def seeds_dir() -> Path | None:
    for candidate in (
        os.environ.get("LEDGER_TOOLS_SEEDS"),
        ROOT.parent / "shared" / "seeds",
        Path("/work/shared/seeds"),
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def tree(ledger):
    return [(a.title, [(p.title, len(p.measures)) for p in a.problems]) for a in ledger.aspects]


# ---------------------------------------------------------------------------------------------
# Hand-made documents.


def add(document, text, bold_lead: str = "", style: str | None = None, align=None):
    p = document.add_paragraph(style=style)
    if bold_lead:
        p.add_run(bold_lead).bold = True
    p.add_run(text)
    if align is not None:
        p.alignment = align
    return p


def feedback_docx(path: Path) -> Path:
    """A 反馈意见 numbered 一、 /（一）/ 1. in the text, 方面 named in the headings."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    add(
        d,
        "市委第三巡察组关于对某县自然资源局党组巡察情况的反馈意见",
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    add(
        d,
        "2023年9月4日至11月3日，市委第三巡察组对某县自然资源局党组进行了巡察。12月6日，巡察组向该局党组反馈了巡察意见。现将有关情况反馈如下。",
    )
    add(d, "一、贯彻落实党的路线方针政策和上级决策部署方面")
    add(d, "（一）耕地保护责任落实有差距")
    add(d, "1. 违法占地图斑核查整改进度慢，部分图斑逾期未销号。")
    add(d, "2. 永久基本农田划定成果更新不及时。")
    add(d, "（二）国土空间规划编制推进不力")
    add(d, "乡镇级规划编制滞后，村庄规划覆盖率偏低。")
    add(d, "二、全面从严治党方面")
    add(d, "（一）主体责任压得不实")
    add(d, "党组研究党风廉政建设次数偏少，班子成员“一岗双责”落实不到位。")
    add(d, "（二）违反中央八项规定精神问题仍有发生")
    add(d, "1．公务接待无公函。")
    add(d, "2．公车使用登记不完整。")
    add(d, "三、基层党组织建设方面")
    add(d, "（一）组织生活不规范")
    add(d, "“三会一课”记录简单，主题党日活动内容单一。")
    add(d, "市委第三巡察组", align=WD_ALIGN_PARAGRAPH.RIGHT)
    add(d, "2023年12月6日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    d.save(path)
    return path


FEEDBACK_TREE = [
    (
        "贯彻落实党的路线方针政策和上级决策部署方面",
        [("耕地保护责任落实有差距", 0), ("国土空间规划编制推进不力", 0)],
    ),
    ("全面从严治党方面", [("主体责任压得不实", 0), ("违反中央八项规定精神问题仍有发生", 0)]),
    ("基层党组织建设方面", [("组织生活不规范", 0)]),
]


def test_feedback_numbered_in_text(tmp_path):
    path = feedback_docx(tmp_path / "反馈意见.docx")
    imported = import_files([path])
    ledger = import_document(path)
    assert tree(ledger) == [(a, [(p, 1) for p, _ in ps]) for a, ps in FEEDBACK_TREE]
    first = ledger.problems[0].measures[0]
    assert (
        first.get("问题表现")
        == "1.违法占地图斑核查整改进度慢，部分图斑逾期未销号。\n2.永久基本农田划定成果更新不及时。"
    )
    assert first.get("整改措施") is None  # a feedback has no measures: the clerk adds them
    assert (
        ledger.problems[1].measures[0].get("问题表现") == "乡镇级规划编制滞后，村庄规划覆盖率偏低。"
    )
    assert ledger.info["监督机构"] == "市委第三巡察组"
    assert ledger.info["进驻开始日期"].isoformat() == "2023-09-04"
    assert ledger.info["进驻结束日期"].isoformat() == "2023-11-03"  # takes the year before it
    assert ledger.info["反馈日期"].isoformat() == "2023-12-06"
    assert ledger.info["单位名称"] == "某县自然资源局"
    assert ledger.info["成文日期"].isoformat() == "2023-12-06"
    assert imported.documents[0].kind == "feedback"
    assert not imported.warnings


def _numbering(document) -> str:
    """Add a three-level Chinese outline list (一、/（一）/1.) to the document; its numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, (fmt, text) in enumerate(
        [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    ):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


def numbered(document, text: str, level: int, num_id: str) -> None:
    p = document.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", str(level)), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    ppr.append(numpr)


def test_feedback_in_word_list_numbering(tmp_path):
    """The same feedback with the numbers in Word's automatic numbering (numPr), not the text."""
    d = docx.Document()
    num = _numbering(d)
    d.add_paragraph("关于对某县自然资源局党组巡察情况的反馈意见")
    numbered(d, "贯彻落实党的路线方针政策和上级决策部署方面", 0, num)
    numbered(d, "耕地保护责任落实有差距", 1, num)
    numbered(d, "违法占地图斑核查整改进度慢，部分图斑逾期未销号。", 2, num)
    numbered(d, "永久基本农田划定成果更新不及时。", 2, num)
    numbered(d, "国土空间规划编制推进不力", 1, num)
    d.add_paragraph("乡镇级规划编制滞后，村庄规划覆盖率偏低。")
    numbered(d, "全面从严治党方面", 0, num)
    numbered(d, "主体责任压得不实", 1, num)  # restarts at （一） under the new 一级
    path = tmp_path / "列表编号.docx"
    d.save(path)
    texts = [b.text for b in read_blocks(path)]
    assert texts[1:4] == [
        "一、贯彻落实党的路线方针政策和上级决策部署方面",
        "（一）耕地保护责任落实有差距",
        "1.违法占地图斑核查整改进度慢，部分图斑逾期未销号。",
    ]
    assert "（一）主体责任压得不实" in texts
    ledger = import_document(path, kind="feedback")
    assert tree(ledger) == [
        (
            "贯彻落实党的路线方针政策和上级决策部署方面",
            [("耕地保护责任落实有差距", 1), ("国土空间规划编制推进不力", 1)],
        ),
        ("全面从严治党方面", [("主体责任压得不实", 1)]),
    ]


def plan_docx(path: Path) -> Path:
    """A 整改方案 with 关于“…”的问题 headings, bold run-in measures (1)…, tails in several
    spellings, and a 整改任务清单 table in the 附件 with alias headers."""
    d = docx.Document()
    add(d, "中共某县自然资源局党组关于市委第三巡察组反馈意见的整改方案")
    add(d, "为抓好市委第三巡察组反馈意见整改落实，制定本方案。")
    add(d, "一、总体要求")
    add(d, "以问题为导向，逐条整改、逐项销号，确保整改落实到位。")
    add(d, "二、整改任务")
    add(d, "（一）贯彻落实上级决策部署方面")
    add(d, "1．关于“耕地保护责任落实有差距”的问题")
    add(d, "违法占地图斑核查整改进度慢。", bold_lead="")
    add(
        d,
        "开展图斑清零行动，逐个建立整改台账。（牵头领导：李四，责任单位：执法大队，完成时限：2024年6月30日）",
        bold_lead="（1）加强图斑整改。",
    )
    add(
        d,
        "每月通报整改进度。（责任领导：李四；责任部门：耕保股；整改时限：长期坚持）",
        bold_lead="（2）建立通报机制。",
    )
    add(d, "2．关于“国土空间规划编制推进不力”的问题")
    add(
        d,
        "①加快乡镇级规划编制，2024年底前全部报批。责任领导：王五；责任单位：规划股；完成时限：2024年12月31日",
    )
    add(d, "②推进村庄规划全覆盖。责任领导：王五；责任单位：规划股；完成时限：2025年6月底前")
    add(d, "（二）全面从严治党方面")
    add(d, "3．关于“主体责任压得不实”的问题")
    add(
        d,
        "（1）党组每季度专题研究党风廉政建设。（责任领导：张三；牵头部门：办公室；时限：立行立改）",
    )
    add(d, "三、工作要求")
    add(d, "各责任单位要按时限完成整改任务，及时报送佐证材料。")
    add(d, "中共某县自然资源局党组")
    add(d, "2024年1月5日")
    add(d, "附件")
    add(d, "整改任务清单")
    table = d.add_table(rows=1, cols=6)
    for cell, text in zip(
        table.rows[0].cells,
        ["编号", "问题类别", "存在问题", "整改举措", "责任单位", "具体责任人"],
        strict=True,
    ):
        cell.text = text
    rows = [
        [
            "1",
            "贯彻落实上级决策部署方面",
            "耕地保护责任落实有差距",
            "开展图斑清零行动，逐个建立整改台账。",
            "执法大队",
            "赵六",
        ],
        [
            "1",
            "贯彻落实上级决策部署方面",
            "耕地保护责任落实有差距",
            "每月通报整改进度。",
            "耕保股",
            "钱七",
        ],
        [
            "2",
            "贯彻落实上级决策部署方面",
            "国土空间规划编制推进不力",
            "加快乡镇级规划编制，2024年底前全部报批。",
            "规划股",
            "孙八",
        ],
        [
            "2",
            "贯彻落实上级决策部署方面",
            "国土空间规划编制推进不力",
            "推进村庄规划全覆盖。",
            "规划股",
            "孙八",
        ],
        [
            "3",
            "全面从严治党方面",
            "主体责任压得不实",
            "党组每季度专题研究党风廉政建设。",
            "办公室",
            "周九",
        ],
    ]
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    d.save(path)
    return path


def test_plan_headings_bold_leads_tails_and_table(tmp_path):
    path = plan_docx(tmp_path / "整改方案.docx")
    imported = import_files([path])
    ledger = import_document(path)
    assert imported.documents[0].kind == "plan"
    assert tree(ledger) == [
        (
            "贯彻落实上级决策部署方面",
            [("耕地保护责任落实有差距", 2), ("国土空间规划编制推进不力", 2)],
        ),
        ("全面从严治党方面", [("主体责任压得不实", 1)]),
    ]
    m = ledger.measures
    assert m[0].get("整改措施") == "加强图斑整改。开展图斑清零行动，逐个建立整改台账。"
    assert (m[0].get("责任领导"), m[0].get("责任部门"), m[0].get("责任人")) == (
        "李四",
        "执法大队",
        "赵六",
    )
    assert m[0].deadline.due.isoformat() == "2024-06-30"
    assert m[1].get("整改时限") == "长期坚持" and m[1].get("责任人") == "钱七"
    assert m[2].get("整改措施") == "加快乡镇级规划编制，2024年底前全部报批。"
    assert m[3].get("整改时限") == "2025年6月底前" and m[3].get("责任人") == "孙八"
    assert (m[4].get("牵头部门"), m[4].get("整改时限"), m[4].get("责任人")) == (
        "办公室",
        "立行立改",
        "周九",
    )
    assert ledger.problems[0].measures[0].get("问题表现") == "违法占地图斑核查整改进度慢。"
    sections = {(t["章节"], t["内容"][:6]) for t in ledger.texts}
    assert ("指导思想", "以问题为导向") in sections and ("工作要求", "各责任单位要") in sections
    assert ledger.info["党组织名称"] == "中共某县自然资源局党组"
    assert ledger.info["单位名称"] == "某县自然资源局"
    assert not imported.warnings


def report_docx(path: Path) -> Path:
    """A report with half-width (一), 1、 problems, separate 整改措施/整改进展 labels, ① and
    一是 measures, and status sentences of each kind."""
    d = docx.Document()
    add(d, "某县自然资源局党组关于巡察整改进展情况的报告")
    add(d, "一、整改工作开展情况")
    add(d, "党组把巡察整改作为重大政治任务，成立整改工作领导小组。", bold_lead="")
    add(d, "二、反馈问题整改落实情况")
    add(d, "(一)贯彻落实上级决策部署方面")
    add(d, "1、耕地保护责任落实有差距")
    add(d, "整改措施：①开展图斑清零行动。②建立月通报机制。")
    add(d, "整改进展：①已完成图斑核查126个，整改销号118个。②已通报4期。")
    add(d, "目前正在推进，计划于2024年6月30日前完成。")
    add(d, "2、国土空间规划编制推进不力")
    add(
        d, "整改措施及成效：一是加快乡镇级规划编制。8个乡镇规划已全部报批。二是推进村庄规划全覆盖。"
    )
    add(d, "目前已完成。")
    add(d, "(二)全面从严治党方面")
    add(d, "3、主体责任压得不实")
    add(d, "整改措施：党组每季度专题研究党风廉政建设。")
    add(d, "尚未启动。")
    add(d, "4、干部管理宽松软")
    add(d, "整改措施及结果：一是严格考勤制度。已按月通报考勤。二是开展提醒谈话。目前已基本完成。")
    add(d, "5、选人用人不规范")
    add(d, "（1）修订干部选拔任用办法。已印发新办法。")
    add(d, "（2）开展专项检查。")
    add(d, "整改情况：已完成。")
    add(d, "三、下一步工作打算")
    add(d, "继续抓好未完成事项整改，巩固整改成果。")
    add(d, "联系电话：0000-7654321")
    d.save(path)
    return path


def test_report_labels_and_statuses(tmp_path):
    path = report_docx(tmp_path / "报告.docx")
    imported = import_files([path])
    ledger = import_document(path)
    assert imported.documents[0].kind == "report"
    assert tree(ledger) == [
        (
            "贯彻落实上级决策部署方面",
            [("耕地保护责任落实有差距", 2), ("国土空间规划编制推进不力", 2)],
        ),
        (
            "全面从严治党方面",
            [("主体责任压得不实", 1), ("干部管理宽松软", 2), ("选人用人不规范", 2)],
        ),
    ]
    m = ledger.measures
    statuses = ["正在推进"] * 2 + ["已完成"] * 2 + ["未启动"] + ["基本完成"] * 2 + ["已完成"] * 2
    assert [x.status for x in m] == statuses
    assert m[6].get("整改措施") == "开展提醒谈话。" and m[6].get("整改进展及成效") is None
    assert m[7].get("整改措施") == "修订干部选拔任用办法。"
    assert m[7].get("整改进展及成效") == "已印发新办法。"
    assert m[0].get("整改进展及成效") == "已完成图斑核查126个，整改销号118个。"
    assert m[1].get("整改进展及成效") == "已通报4期。"
    assert m[0].deadline.due.isoformat() == "2024-06-30"
    assert m[2].get("整改措施") == "加快乡镇级规划编制。"
    assert m[2].get("整改进展及成效") == "8个乡镇规划已全部报批。"
    assert ledger.info["联系电话"] == "0000-7654321"
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
    assert not imported.warnings


def test_feedback_then_plan_merged(tmp_path):
    feedback = feedback_docx(tmp_path / "反馈意见.docx")
    plan = plan_docx(tmp_path / "整改方案.docx")
    imported = import_files([plan, feedback])
    ledger = import_documents([plan, feedback])
    first = ledger.problems[0]
    assert first.title == "耕地保护责任落实有差距" and len(first.measures) == 2
    # 问题表现 stays the plan's (it has one); the feedback's problems the plan lacks are added.
    assert "整改方案.docx" in first.measures[0].get(
        "备注"
    ) and "反馈意见.docx" not in first.measures[0].get("备注")
    titles = [p.title for p in ledger.problems]
    assert "组织生活不规范" in titles and "违反中央八项规定精神问题仍有发生" in titles
    assert any("整改方案.docx：没有写到问题“组织生活不规范”" in w for w in imported.warnings)


# ---------------------------------------------------------------------------------------------
# Other formats.


def test_gb18030_txt(tmp_path):
    text = "\n".join(
        [
            "关于某县自然资源局巡察整改情况的报告",
            "二、反馈问题整改落实情况",
            "（一）在贯彻落实上级决策部署方面",
            "问题1：耕地保护责任落实有差距",
            "整改措施及结果：一是开展图斑清零行动。已销号118个。二是建立月通报机制。",
            "目前已整改到位并长期坚持。",
            "问题2：𠀀字段与生僻字“䶮”",  # characters outside GBK: GB18030 only
            "整改措施及结果：一是专项清理。",
            "目前已整改到位。",
        ]
    )
    path = tmp_path / "报告.txt"
    path.write_bytes(text.encode("gb18030"))
    ledger = import_document(path)
    assert tree(ledger) == [
        ("贯彻落实上级决策部署方面", [("耕地保护责任落实有差距", 2), ("𠀀字段与生僻字“䶮”", 1)])
    ]
    assert [m.status for m in ledger.measures] == ["长期坚持", "长期坚持", "已完成"]


@pytest.fixture(scope="module")
def office():
    if find_office() is None:
        pytest.skip("LibreOffice not installed")


def test_doc_converted_by_libreoffice(tmp_path, office):
    """A real Word 97 .doc (made here from the example plan by LibreOffice) imports like the .docx,
    the 附件 table's 责任人 included."""
    source = tmp_path / "整改方案.docx"
    source.write_bytes((ROOT / "examples" / "整改方案.docx").read_bytes())
    work = tmp_path / "work"
    work.mkdir()
    subprocess.run(
        [
            find_office(),
            f"-env:UserInstallation={(work / 'p').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    doc = tmp_path / "整改方案.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # OLE compound file: a real .doc
    got, want = import_document(doc), import_document(source)
    assert tree(got) == tree(want)
    assert [m.get("责任人") for m in got.measures] == [m.get("责任人") for m in want.measures]
    assert got.measures[0].get("责任人")


def test_text_pdf(tmp_path, office):
    source = feedback_docx(tmp_path / "反馈意见.docx")
    pdf = convert_to_pdf(source)
    ledger = import_document(pdf)
    assert tree(ledger) == [(a, [(p, 1) for p, _ in ps]) for a, ps in FEEDBACK_TREE]
    assert ledger.info["反馈日期"].isoformat() == "2023-12-06"


def test_scanned_pdf_refused(tmp_path):
    image = pytest.importorskip("PIL.Image")
    draw = pytest.importorskip("PIL.ImageDraw")
    page = image.new("RGB", (595, 842), "white")
    draw.Draw(page).rectangle((80, 100, 500, 140), fill="black")  # "scanned" ink, no text layer
    path = tmp_path / "扫描件.pdf"
    page.save(path)
    with pytest.raises(UnreadableFile, match="扫描件.pdf.*没有文字层"):
        read_blocks(path)


def test_conversion_timeout_kills_the_process_group(tmp_path, monkeypatch):
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\nsleep 30 &\nsleep 30\n")
    script.chmod(0o755)
    monkeypatch.setattr("ledger_tools.documents.render.find_office", lambda: str(script))
    src = tmp_path / "旧文档.doc"
    src.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableFile, match="旧文档.doc.*超过 1 秒"):
        convert_to_docx(src, tmp_path, timeout=1)


def test_unreadable_inputs_named_in_chinese(tmp_path):
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(UnreadableFile, match="坏文件.docx"):
        read_blocks(bad)
    with pytest.raises(UnreadableFile, match="找不到文件"):
        read_blocks(tmp_path / "没有.docx")
    other = tmp_path / "表格.xlsx"
    other.write_bytes(b"x")
    with pytest.raises(UnreadableFile, match="表格.xlsx"):
        read_blocks(other)
    ole = tmp_path / "加密.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    with pytest.raises(UnreadableFile, match="加密.docx.*加密"):
        read_blocks(ole)
    pdf = tmp_path / "坏.pdf"
    pdf.write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(UnreadableFile, match="坏.pdf.*不是有效的 PDF") as err:
        read_blocks(pdf)
    assert "Error" not in str(err.value) and "Syntax" not in str(err.value)  # no pdftotext text


# ---------------------------------------------------------------------------------------------
# The real published report (structure only: 3 方面, 16 问题, their measures and results).

SEED_MEASURES = [5, 5, 6, 4, 3, 4, 6, 3, 0, 4, 4, 2, 6, 4, 5, 7]


def test_seed_archive_report():
    seeds = seeds_dir()
    if seeds is None or not (seeds / "report_archive_bureau.txt").is_file():
        pytest.skip("seed documents not available")
    imported = import_files([seeds / "report_archive_bureau.txt"])
    ledger = import_document(seeds / "report_archive_bureau.txt")
    assert len(ledger.aspects) == 3
    assert [len(a.problems) for a in ledger.aspects] == [4, 5, 7]
    assert [
        sum(1 for m in p.measures if m.get("整改措施")) for p in ledger.problems
    ] == SEED_MEASURES
    assert all(p.status == "长期坚持" for p in ledger.problems)
    results = [m.get("整改进展及成效") for m in ledger.measures if m.get("整改进展及成效")]
    assert len(results) >= 20  # measures with their results written after the first sentence
    assert any(t["章节"] == "下一步打算" for t in ledger.texts)
    assert sum(1 for t in ledger.texts if t["章节"] == "工作开展情况") == 7
    # The one problem whose measures the published text omits is reported, not dropped.
    assert len(imported.warnings) == 1 and "（略）" in imported.warnings[0]
    assert ledger.info["监督机构"] == "区委第一巡察组"


def test_seed_self_examination_material():
    """A 民主生活会检视剖析材料 (problems, their roots, the directions for improvement): the
    problems are imported under their 方面; the root analysis and the general directions are
    listed as reminders, each with the reason that fits it."""
    seeds = seeds_dir()
    name = "minzhu_shenghuohui_united_front.txt"
    if seeds is None or not (seeds / name).is_file():
        pytest.skip("seed documents not available")
    imported = import_files([seeds / name])
    ledger = import_document(seeds / name)
    assert [len(a.problems) for a in ledger.aspects] == [3, 3, 3, 3, 3]
    assert all(p.measures and not p.measures[0].get("整改措施") for p in ledger.problems)
    roots = [w for w in imported.warnings if "原因分析不属于台账内容" in w]
    directions = [w for w in imported.warnings if "没有对应到具体问题" in w]
    assert len(roots) == 6 and "问题根源剖析" in roots[0]
    assert len(directions) == 6 and "下步努力方向" in directions[0]
    assert not [w for w in imported.warnings if "总体情况和评价" in w]


# ---------------------------------------------------------------------------------------------
# Command line.


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ledger_tools", *args], capture_output=True, text=True, cwd=ROOT
    )


def test_cli_writes_refuses_overwrite_and_prints_json(tmp_path):
    source = report_docx(tmp_path / "报告.docx")
    out = tmp_path / "台账.xlsx"
    first = run_cli("import", str(source), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert "2 个方面、5 项问题、9 条整改措施" in first.stdout
    assert "ledger-tools check" in first.stdout
    again = run_cli("import", str(source), "-o", str(out))
    assert again.returncode == 2 and "已存在" in again.stderr and "--force" in again.stderr
    forced = run_cli("import", str(source), "-o", str(out), "--force")
    assert forced.returncode == 0
    as_json = run_cli("import", str(source), "--format", "json")
    data = json.loads(as_json.stdout)
    assert data["统计"] == {"方面": 2, "问题": 5, "措施": 9}
    assert data["整改台账"][0]["备注"] == "来源：报告.docx第7段"
    check = run_cli("check", str(out))
    assert "共 2 个方面、5 个问题、9 条措施" in check.stdout


def test_cli_errors_are_chinese(tmp_path):
    missing = run_cli("import", str(tmp_path / "无此文件.docx"), "-o", str(tmp_path / "a.xlsx"))
    assert missing.returncode == 2 and "无此文件.docx" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_output = run_cli("import", str(tmp_path / "x.docx"))
    assert no_output.returncode == 2 and "-o" in no_output.stderr
    prose = tmp_path / "随笔.txt"
    prose.write_text("今天天气很好。\n我们去公园散步。\n", encoding="utf-8")
    nothing = run_cli("import", str(prose), "-o", str(tmp_path / "b.xlsx"))
    assert (
        nothing.returncode == 2 and "随笔.txt" in nothing.stderr and "没有识别出" in nothing.stderr
    )
    assert not (tmp_path / "b.xlsx").exists()


def test_problem_list_table_only(tmp_path):
    """A 问题清单 that is only a table: 方面 as title rows merged across the table, several
    numbered measures in one cell, 问题 merged down over its rows, bold-lead problems elsewhere."""
    d = docx.Document()
    add(d, "某县自然资源局巡察反馈问题整改清单")
    table = d.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells, ["序号", "反馈问题", "整改措施", "责任科室", "时限要求"], strict=True
    ):
        cell.text = text
    title = table.add_row().cells
    title[0].merge(title[-1]).text = "一、党的建设方面"
    for values in (
        ["1", "学习不深入", "1.制定学习计划；2.开展专题研讨", "办公室", "2024年6月30日"],
        ["2", "组织生活不规范", "规范三会一课", "机关党委", "立行立改"],
    ):
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    title = table.add_row().cells
    title[0].merge(title[-1]).text = "二、作风建设方面"
    for cell, text in zip(
        table.add_row().cells,
        ["3", "公务接待不规范", "修订接待办法", "财务股", "2024年5月底前"],
        strict=True,
    ):
        cell.text = text
    path = tmp_path / "问题清单.docx"
    d.save(path)
    imported = import_files([path])
    ledger = import_document(path)
    assert tree(ledger) == [
        ("党的建设方面", [("学习不深入", 2), ("组织生活不规范", 1)]),
        ("作风建设方面", [("公务接待不规范", 1)]),
    ]
    assert [m.get("整改措施") for m in ledger.problems[0].measures] == [
        # (a cell written as sentences, "1.……；2.……": each ends with its full stop)
        "制定学习计划。",
        "开展专题研讨。",
    ]
    assert ledger.measures[1].get("责任部门") == "办公室"
    assert ledger.measures[3].get("整改时限") == "2024年5月底前"
    assert ledger.measures[0].get("备注") == "来源：问题清单.docx表1第3行"
    assert not imported.warnings


def test_paragraphs_inside_content_controls(tmp_path):
    """WPS and form templates wrap parts of the body in content controls (w:sdt)."""
    path = report_docx(tmp_path / "报告.docx")
    d = docx.Document(path)
    body = d.element.body
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    paragraphs = list(body.iterchildren(qn("w:p")))
    paragraphs[5].addprevious(sdt)
    for p in paragraphs[5:9]:  # 1、耕地保护… with its labels and status
        content.append(p)
    d.save(path)
    assert tree(import_document(path)) == tree(import_document(report_docx(tmp_path / "原.docx")))


def test_word_heading_styles_without_numbers(tmp_path):
    """Levels given only by Word's Heading styles; a responsibility line after the measures."""
    d = docx.Document()
    d.add_paragraph("某局关于巡察反馈意见的整改方案", style="Title")
    d.add_paragraph("（2024年3月11日）").alignment = 1
    d.add_paragraph("党的建设方面", style="Heading 1")
    d.add_paragraph("理论学习不深入", style="Heading 2")
    d.add_paragraph("（1）制定学习计划。")
    d.add_paragraph("（2）开展专题研讨。")
    d.add_paragraph("责任领导：张三；责任单位：办公室；完成时限：2024年6月30日")
    d.add_paragraph("组织生活不规范", style="Heading 2")
    d.add_paragraph("（1）规范三会一课。")
    d.add_paragraph("作风建设方面", style="Heading 1")
    d.add_paragraph("公务接待不规范", style="Heading 2")
    d.add_paragraph("（1）修订接待办法。（责任领导：李四；责任单位：财务股；完成时限：立行立改）")
    path = tmp_path / "方案.docx"
    d.save(path)
    imported = import_files([path])
    ledger = import_document(path)
    assert tree(ledger) == [
        ("党的建设方面", [("理论学习不深入", 2), ("组织生活不规范", 1)]),
        ("作风建设方面", [("公务接待不规范", 1)]),
    ]
    assert [m.get("责任领导") for m in ledger.measures] == ["张三", "张三", None, "李四"]
    assert ledger.info["方案标题"] == "某局关于巡察反馈意见的整改方案"
    assert not imported.warnings
