"""The built-in Word templates: GB/T 9704-2012 format in their XML, whole Jinja tags, and a
real docxtpl render of each with a hand-built context that follows README “自己改模板” and `ledger-tools context`."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import load_script
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from ledger_tools.documents import docformat as f

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "doc_templates"
PLAN, REPORT, NOTICE = "整改方案.docx", "整改情况报告.docx", "整改进展情况通报.docx"
ALL = (PLAN, REPORT, NOTICE)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(name: str, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(TEMPLATES / name) as z:
        return z.read(part).decode("utf-8")


def _style(doc, name):
    return doc.styles[name].element


def _east_asia(style_el) -> str:
    return style_el.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


# ---------------------------------------------------------------------------------------------
# Page, grid, styles


@pytest.mark.parametrize("name", ALL)
def test_page_size_margins_and_grid(name):
    doc = Document(TEMPLATES / name)
    first = doc.sections[0]
    pg = first._sectPr.find(qn("w:pgSz"))
    assert (pg.get(qn("w:w")), pg.get(qn("w:h"))) == ("11906", "16838")  # A4 in twips
    mm = {k: getattr(first, f"{k}_margin").mm for k in ("top", "bottom", "left", "right")}
    assert mm == pytest.approx({"top": 37, "bottom": 35, "left": 28, "right": 26}, abs=0.05)
    for section in doc.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:linePitch")) == "579"
        assert grid.get(qn("w:type")) == f.GRID_TYPE
    # Page number line 7 mm below the 版心: footer distance + footer line height = 35 - 7 mm.
    line_mm = f.PAGE_NUMBER_LINE_PT * 25.4 / 72
    assert first.footer_distance.mm + line_mm == pytest.approx(35 - 7, abs=0.2)


@pytest.mark.parametrize("name", ALL)
def test_styles_fonts_sizes_and_line_spacing(name):
    doc = Document(TEMPLATES / name)
    expected = {
        "公文标题": ("方正小标宋简体", 22),
        "公文正文": ("仿宋_GB2312", 16),
        "一级标题": ("黑体", 16),
        "二级标题": ("楷体_GB2312", 16),
        "三级标题": ("仿宋_GB2312", 16),
        "四级标题": ("仿宋_GB2312", 16),
        "落款": ("仿宋_GB2312", 16),
        "成文日期": ("仿宋_GB2312", 16),
        "附件标记": ("黑体", 16),
        "表格文字": ("仿宋_GB2312", 12),
    }
    for style_name, (font, size) in expected.items():
        style = doc.styles[style_name]
        assert _east_asia(style.element) == font, style_name
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
        assert fonts.get(qn("w:hAnsi")) == "Times New Roman"
        assert fonts.get(qn("w:asciiTheme")) is None
        assert style.font.size.pt == size, style_name
    for style_name in ("公文标题", "公文正文", "一级标题", "二级标题", "三级标题", "四级标题"):
        spacing = _style(doc, style_name).pPr.find(qn("w:spacing"))
        assert spacing.get(qn("w:line")) == "579" and spacing.get(qn("w:lineRule")) == "exact"
    # Body and headings: first line indented two characters, justified; the title centred.
    for style_name in ("公文正文", "一级标题", "二级标题", "三级标题", "四级标题"):
        ppr = _style(doc, style_name).pPr
        assert ppr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
        assert ppr.find(qn("w:jc")).get(qn("w:val")) == "both"
        assert not doc.styles[style_name].font.bold
    assert _style(doc, "公文标题").pPr.find(qn("w:jc")).get(qn("w:val")) == "center"
    # 落款 sealed (GB/T 9704 §7.3.5.1): the date 右空四字, the 署名 centred on the date (a centred
    # paragraph whose box reaches as far right of the date's centre as left of it).
    date = _style(doc, "成文日期").pPr
    assert date.find(qn("w:jc")).get(qn("w:val")) == "right"
    assert date.find(qn("w:ind")).get(qn("w:rightChars")) == "400"
    sig = _style(doc, "落款").pPr
    assert sig.find(qn("w:jc")).get(qn("w:val")) == "center"
    right = int(sig.find(qn("w:ind")).get(qn("w:rightChars"))) / 100
    centre = (0 + 28 - right) / 2
    assert centre == pytest.approx(28 - 4 - f.DATE_WIDTH_CHARS / 2)
    # Defaults: Chinese text falls back to 仿宋_GB2312, never to a theme font.
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:eastAsiaTheme")) is None


@pytest.mark.parametrize("name", ALL)
def test_every_run_names_its_east_asian_font(name):
    xml = _xml(name)
    runs = re.findall(r"<w:r>.*?</w:r>", xml, flags=re.S)
    assert runs
    for run in runs:
        assert re.search(r'w:eastAsia="[^"]+"', run), run


@pytest.mark.parametrize("name", ALL)
def test_title_and_headings_use_their_styles(name):
    doc = Document(TEMPLATES / name)
    paras = doc.paragraphs
    # The title: one paragraph per line of 标题行 (broken at word boundaries), then a blank line.
    assert [p.text for p in paras[:3]] == ["{%p for 行 in 标题行 %}", "{{ 行 }}", "{%p endfor %}"]
    assert all(p.style.name == "公文标题" for p in paras[:3])
    assert paras[3].text == "" and paras[3].style.name == "公文正文"
    h1 = [p.text for p in paras if p.style.name == "一级标题"]
    assert all(re.match(r"[一二三四五]、", t) for t in h1) and len(h1) >= 3
    texts = [p.text for p in paras]
    # 落款: sealed by default (two blank lines above a 署名 of one line, one above a longer one
    # (round 13); 署名 centred on the date, in lines when long; a 署名 that cannot be cut
    # evenly is right-aligned with the date), unsealed when 落款方式 is 不加盖印章.
    start = texts.index("{%p if 落款方式 != '不加盖印章' %}")
    lines = "(党组织名称|centred_signature_lines or 党组织名称|signature_lines)|length"
    assert texts[start + 1 : start + 5] == [f"{{%p if {lines} < 2 %}}", "", "{%p endif %}", ""]
    assert texts[start + 5 : start + 7] == [
        "{%p if 党组织名称|centred_signature_lines %}",
        "{%p for 行 in 党组织名称|centred_signature_lines %}",
    ]
    sealed = [p for p in paras if p.style.name == "落款"]
    assert [p.text for p in sealed] == ["{{ 行 }}"]
    # a 署名 not centred is printed by lines (signature_lines: a name longer than a line is cut after a
    # suffix such as 委员会, never wrapped inside a word)
    dates = [p.text for p in paras if p.style.name == "成文日期"]
    assert dates == ["{{ 行 }}", "{{ 成文日期 }}", "{{ 行 }}"]
    assert texts.count("{%p for 行 in 党组织名称|signature_lines %}") == 2
    if name == REPORT:  # 主送机关 after the title, 顶格, full-width colon, omitted when empty
        i = texts.index("{{ 主送机关 }}：")
        assert texts[i - 1] == "{%p if 主送机关 %}" and paras[i].style.name == "主送机关"
        ind = _style(doc, "主送机关").pPr.find(qn("w:ind"))
        assert ind.get(qn("w:firstLineChars")) == "0"


# ---------------------------------------------------------------------------------------------
# Footers


@pytest.mark.parametrize("name", ALL)
def test_odd_and_even_footers_with_page_field(name):
    doc = Document(TEMPLATES / name)
    assert doc.settings.odd_and_even_pages_header_footer
    assert doc.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    section = doc.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        assert not footer.is_linked_to_previous
        p = footer.paragraphs[0]
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == side
        instr = "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert instr.strip() == "PAGE"
        kinds = [c.get(qn("w:fldCharType")) for c in p._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert p.text == "— 1 —"  # em dashes around the (cached) number
        for r in p._p.iter(qn("w:r")):
            fonts = r.find(qn("w:rPr")).find(qn("w:rFonts"))
            assert fonts.get(qn("w:eastAsia")) == "宋体" and fonts.get(qn("w:ascii")) == "宋体"
        assert p.style.font.size.pt == 14


# ---------------------------------------------------------------------------------------------
# The plan's landscape attachment


def test_plan_attachment_is_a_landscape_section_with_task_table():
    doc = Document(TEMPLATES / PLAN)
    # Portrait (ending on the sealed date), portrait (ending on the unsealed date: one of the
    # two branches survives rendering), landscape.
    assert len(doc.sections) == 3
    *portraits, landscape = doc.sections
    assert all(p.page_width < p.page_height for p in portraits)
    pg = landscape._sectPr.find(qn("w:pgSz"))
    assert (pg.get(qn("w:w")), pg.get(qn("w:h"))) == ("16838", "11906")
    assert landscape._sectPr.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
    assert landscape._sectPr.find(qn("w:type")).get(qn("w:val")) == "nextPage"
    # Landscape margins: the portrait ones turned so the binding edge (28 mm) is at the top and
    # the portrait bottom (35 mm) on the left, where the turned page number sits.
    mm = {k: getattr(landscape, f"{k}_margin").mm for k in ("top", "bottom", "left", "right")}
    assert mm == pytest.approx({"top": 28, "bottom": 26, "left": 35, "right": 37}, abs=0.05)
    body = doc.element.body
    carriers = [p for p in body.iter(qn("w:p")) if p.find(f"{W}pPr/{W}sectPr") is not None]
    assert ["{{ 成文日期 }}" in "".join(t.text for t in p.iter(qn("w:t"))) for p in carriers] == [
        True,
        True,
    ]
    texts = [p.text for p in doc.paragraphs]
    assert "附件：整改任务清单" in texts
    mark = next(p for p in doc.paragraphs if p.style.name == "附件标记")
    assert mark.text == "附件" and _east_asia(_style(doc, "附件标记")) == "黑体"
    assert texts[texts.index("附件") + 2] == "整改任务清单"

    table = doc.tables[0]
    header = table.rows[0]
    assert [c.text for c in header.cells] == [
        "序号",
        "问题",
        "整改措施",
        "责任领导",
        "责任部门",
        "责任人",
        "整改时限",
    ]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    for r in header._tr.iter(qn("w:r")):
        assert r.find(qn("w:rPr")).find(qn("w:b")).get(qn("w:val")) == "1"
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        assert borders.find(qn(f"w:{edge}")).get(qn("w:val")) == "single"
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(widths) <= Mm(297 - 37 - 35).twips + 2
    assert widths.index(max(widths)) == 2  # 整改措施 widest
    # Every row whole on one page but the variant of a row too tall for that (chosen by the
    # {%tr if %} row above it, see test_doc_review3); 序号 and 问题 merged down their
    # problem's rows (a merged cell splits between rows, and is closed by its border where a
    # page ends); the 方面 as a row across the table.
    rows = table._tbl.findall(qn("w:tr"))
    first_cell = ["".join(t.text for t in r.find(qn("w:tc")).iter(qn("w:t"))) for r in rows]
    tall = [i for i in range(1, len(rows)) if "length >" in first_cell[i - 1]]
    assert len(tall) == 6
    for i, r in enumerate(rows):
        whole = r.trPr is not None and r.trPr.find(qn("w:cantSplit")) is not None
        assert whole == (i not in tall), first_cell[i]
    merges = [m.get(qn("w:val")) for m in table._tbl.iter(f"{W}vMerge")]
    assert merges == ["restart"] * 8 + [None] * 12
    assert not [b for b in table._tbl.iter(f"{W}tcBorders")]
    spanning = [r for r in table.rows if len(r._tr.findall(qn("w:tc"))) == 1]
    # (a lone 方面 is not numbered "一、": test_doc_review8)
    assert [r.cells[0].text for r in spanning] == [
        "{% if 方面列表|length != 1 %}{{ 方面.序号 }}、{% endif %}{{ 方面.标题 }}"
    ]
    data = [r for r in table.rows if "措施.整改措施" in r.cells[2].text]
    # first-and-last, first (kept with the next or not: 措施.清单连排, test_doc_review11), last,
    # middle (kept or not) row of a problem; tall or not
    assert len(data) == 12
    # (a problem taller than a page opens its next block with "问题（续）": test_doc_review6)
    # (with no stub of one to three characters on its last line: even_lines, test_doc_review8)
    problem = "{{ (问题.问题 ~ ('（续）' if 措施.清单续 else ''))|even_lines(8.13) }}"
    assert [r.cells[1].text for r in data] == [problem] * 6 + [""] * 6
    assert data[0].cells[2].text == "{{ 措施.整改措施|even_lines(19.47) }}"
    # 整改时限 in the body's one form ("2024年4月15日前"), not shortened to "2024.4.15前"
    # (broken into lines after 年 and after 、 by cell_lines, the column's width in characters)
    assert "names_only" in data[0].cells[3].text
    assert re.fullmatch(r"\{\{ 措施\.整改时限\|cell_lines\([\d.]+\) \}\}", data[0].cells[6].text)


# ---------------------------------------------------------------------------------------------
# Jinja tags

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")


def _paragraph_runs(xml: str):
    """(paragraph text, [run texts]) for every paragraph of a part."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    for p in root.iter(f"{W}p"):
        runs = ["".join(t.text or "" for t in r.iter(f"{W}t")) for r in p.iter(f"{W}r")]
        yield "".join(runs), runs


@pytest.mark.parametrize("name", ALL)
def test_every_jinja_tag_is_whole_within_one_run(name):
    with zipfile.ZipFile(TEMPLATES / name) as z:
        parts = [
            n for n in z.namelist() if re.match(r"word/(document|footer\d*|header\d*)\.xml", n)
        ]
        xmls = [z.read(n).decode("utf-8") for n in parts]
    tags = 0
    for xml in xmls:
        for text, runs in _paragraph_runs(xml):
            whole = TAG.findall(text)
            in_runs = [t for r in runs for t in TAG.findall(r)]
            assert whole == in_runs, f"{name}: 标签被拆分到多个 run：{text}"
            for r in runs:  # no stray opener/closer left after removing whole tags
                rest = TAG.sub("", r)
                assert not re.search(r"\{\{|\{%|\}\}|%\}", rest), f"{name}: {r}"
            tags += len(whole)
    assert tags > 10


def test_templates_use_paragraph_and_row_loops():
    plan = _xml(PLAN)
    assert "{%p for 方面 in 方面列表 %}" in plan
    assert "{%tr for 措施 in 问题.措施列表 %}" in plan
    assert plan.count("{%tr endfor %}") == 3
    notice = _xml(NOTICE)
    for key in ("联系电话", "通信地址", "电子邮箱"):
        assert "{%p if " + key + " %}" in notice
    assert "欢迎广大干部群众对整改落实情况进行监督。如有意见建议，请及时向我们反映。" in notice


# ---------------------------------------------------------------------------------------------
# Reproducibility


def test_build_script_regenerates_identical_files(tmp_path):
    builder = load_script("build_doc_templates")
    builder.build_all(tmp_path)
    for name in ALL:
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), (
            f"{name} 与脚本生成结果不一致：请运行 python scripts/build_doc_templates.py 并提交"
        )
    core = _xml(PLAN, "docProps/core.xml")
    assert "2024-01-01T00:00:00Z" in core and "ledger-tools" in core


def test_bold_headings_option(tmp_path):
    builder = load_script("build_doc_templates")
    builder.build_all(tmp_path, bold_headings=True)
    doc = Document(tmp_path / REPORT)
    assert doc.styles["二级标题"].font.bold and doc.styles["三级标题"].font.bold
    assert not doc.styles["一级标题"].font.bold


# ---------------------------------------------------------------------------------------------
# Rendering with docxtpl: the tags are valid Jinja and consume the contract's keys.


def _measure(seq, text, progress, dept="办公室", status="已完成"):
    duty = f"（责任领导：王某某；牵头部门：{dept}；责任部门：{dept}；完成时限：2024年4月底前）"
    return {
        "序号": seq,
        "整改措施": text,
        "责任领导": "王某某",
        "牵头部门": dept,
        "责任部门": dept,
        "责任人": "李某",
        "整改时限": "2024年4月底前",
        "整改时限日期": "2024年4月30日",
        "整改状态": status,
        "完成时间": "2024年4月20日",
        "整改进展及成效": progress,
        "佐证材料": "会议纪要",
        "责任说明": duty,
        "措施及成效": text + progress,
    }


def _problem(seq, title, measures, status="已完成", sentence="目前已整改到位。"):
    from ledger_tools.documents.tabletext import task_list_blocks

    task_list_blocks(title, measures)  # (清单续, 清单段末: as the context builder marks them)
    ordinals = "一二三四五六七八九"
    paragraph = "".join(f"{ordinals[i]}是{m['措施及成效']}" for i, m in enumerate(measures))
    return {
        "序号": seq,
        "问题": title,
        "问题表现": "个别党员干部参加集中学习次数不足，学习笔记内容简单。",
        "整改目标": "形成常态化学习机制。",
        "状态": status,
        "状态句": sentence,
        "措施列表": measures,
        "措施段落": paragraph,
        "通报段落": "主要措施："
        + "；".join(m["整改措施"].rstrip("。") for m in measures)
        + "。"
        + sentence,
    }


def make_context() -> dict:
    """A small context in the shape of README “自己改模板” and `ledger-tools context` (2 方面, 3 问题, 5 措施)."""
    p1 = _problem(
        1,
        "理论学习不够深入",
        [
            _measure(1, "制定年度学习计划。", "已印发学习计划并组织集中学习6次。"),
            _measure(2, "建立学习督查通报机制。", "每季度通报一次学习情况。"),
        ],
    )
    p2 = _problem(
        2,
        '制度执行不够严格 & <审批> "流程"',
        [_measure(1, "修订财务报销制度。", "已修订印发。", dept="财务科")],
        status="长期坚持",
        sentence="目前已整改到位并长期坚持。",
    )
    p3 = _problem(
        3,
        "干部队伍建设有短板",
        [
            {  # only 牵头部门 given: the task table shows it as 责任部门
                **_measure(
                    1, "开展业务培训。", "举办培训班2期。", dept="人事科", status="正在推进"
                ),
                "责任部门": "",
            },
            _measure(2, "完善考核办法。", "", dept="人事科", status="正在推进"),
        ],
        status="正在推进",
        sentence="目前正在推进，计划于2024年6月30日前完成。",
    )
    aspects = [
        {
            "序号": "一",
            "标题": "落实党的理论路线方针政策方面",
            "在标题": "在落实党的理论路线方针政策方面",
            "问题列表": [p1, p2],
        },
        {
            "序号": "二",
            "标题": "基层党组织建设",
            "在标题": "在基层党组织建设方面",
            "问题列表": [p3],
        },
    ]
    rows = [
        {
            "序号": p["序号"],
            "方面": a["标题"],
            "问题": p["问题"],
            "整改措施": m["整改措施"],
            "责任领导": m["责任领导"],
            "责任部门": m["责任部门"],
            "责任人": m["责任人"],
            "整改时限": m["整改时限"],
        }
        for a in aspects
        for p in a["问题列表"]
        for m in p["措施列表"]
    ]
    para = {
        "指导思想": [{"小标题": "", "内容": "以问题整改为抓手，推动各项工作规范提升。"}],
        "整改目标": [{"小标题": "问题见底清零。", "内容": "反馈问题全部整改到位。"}],
        "工作要求": [
            {"小标题": "提高政治站位。", "内容": "把整改作为重要政治任务。"},
            {"小标题": "严格督促检查。", "内容": "每周调度整改进度。"},
        ],
        "工作开展情况": [
            {"小标题": "加强组织领导。", "内容": "成立领导小组，召开专题会议。"},
            {"小标题": "细化整改任务。", "内容": "建立问题、任务、责任清单。"},
        ],
        "下一步打算": [{"小标题": "巩固整改成果。", "内容": "持续跟踪长期任务。"}],
    }
    return {
        "单位名称": "某区示例局",
        "党组织名称": "中共某区示例局党组",
        "监督类型": "巡察",
        "监督机构": "区委第二巡察组",
        "上级党委": "区委",
        "进驻开始日期": "2024年1月8日",
        "进驻结束日期": "2024年2月8日",
        "反馈日期": "2024年3月4日",
        "集中整改截止日期": "2024年5月4日",
        "成文日期": "2024年5月10日",
        "领导小组组长": "张某某",
        "领导小组副组长": "王某某",
        "领导小组成员": "李某、赵某、刘某",
        "领导小组办公室主任": "陈某",
        "单位简称": "我局",
        "主送机关": "区委巡察工作领导小组",
        "领导小组": {
            "组长": "张某某",
            "副组长": "王某某",
            "成员": "李某、赵某、刘某",
            "办公室主任": "陈某",
            "办公室主任句": "由陈某任办公室主任",
        },
        "联系电话": "0000-12345678",
        "通信地址": "某区示例路1号",
        "邮政编码": "100000",
        "电子邮箱": "",
        "标题": "中共某区示例局党组关于区委第二巡察组反馈意见整改情况的报告",
        "标题行": ["中共某区示例局党组关于", "区委第二巡察组反馈意见整改情况的报告"],
        "落款方式": "加盖印章",
        "版记": {
            "抄送": "\u3000抄送：区纪委监委，区委组织部。",
            "抄送行数": 1,
            "印发机关": "某区示例局办公室",
            "印发日期": "2024年5月10日",
            "留白": [0, 1],
        },
        "截至日期": "2024年5月10日",
        "与上期说明": "",
        "方面列表": aspects,
        "统计": {
            "方面数": 2,
            "问题数": 3,
            "措施数": 5,
            "办结数": 2,
            "办结率": "67%",
            "已完成": 1,
            "长期坚持": 1,
            "基本完成": 0,
            "正在推进": 1,
            "未启动": 0,
            "清退资金": 0,
            "问责人次": 0,
            "建立制度": 1,
            "显示": {"方面数": "2", "问题数": "3", "措施数": "5"},
            "统计句": "对照区委第二巡察组反馈的2个方面3项问题，细化整改措施5条。"
            "截至2024年5月10日，已整改到位2项，正在推进1项，办结率67%。建立完善制度1项。",
            "按方面": [],
            "按责任部门": [],
        },
        "段落": para,
        "附件任务清单": rows,
    }


@pytest.fixture
def context():
    return make_context()


def _render(name: str, context: dict, out: Path) -> Path:
    from docxtpl import DocxTemplate

    from ledger_tools.documents.render import make_env

    tpl = DocxTemplate(TEMPLATES / name)
    tpl.render(context, jinja_env=make_env(), autoescape=True)
    target = out / name
    tpl.save(target)
    return target


def _all_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.mark.parametrize("name", ALL)
def test_render_leaves_no_tags_and_keeps_format(name, context, tmp_path):
    out = _render(name, context, tmp_path)
    text = _all_text(out)
    for leftover in ("{{", "}}", "{%", "%}"):
        assert leftover not in text
    doc = Document(out)
    paras = [p.text for p in doc.paragraphs]
    assert paras[:2] == context["标题行"]
    assert [p.style.name for p in doc.paragraphs[:2]] == ["公文标题"] * 2
    assert "中共某区示例局党组" in paras and "2024年5月10日" in paras
    # Escaped, not corrupted: the problem with & < > " comes back as written.
    assert any('制度执行不够严格 & <审批> "流程"' in t for t in paras)
    if name == PLAN:
        assert "1.理论学习不够深入" in paras and "3.干部队伍建设有短板" in paras
        assert any(t.startswith("（2）建立学习督查通报机制。（责任领导：王某某") for t in paras)
        assert "（二）基层党组织建设" in paras
        assert any(
            t.startswith("成立巡察整改工作领导小组，由张某某任组长，王某某任副组长") for t in paras
        )
        assert "问题见底清零。反馈问题全部整改到位。" in paras
        assert "（二）严格督促检查。每周调度整改进度。" in paras
    else:
        assert next(t for t in paras if t.startswith("根据")).startswith(
            "根据区委统一部署，2024年1月8日至2024年2月8日，区委第二巡察组对某区示例局进行了巡察。"
            "2024年3月4日，区委第二巡察组反馈了巡察意见。"
        )
        assert context["统计"]["统计句"] in paras
        assert "（一）在落实党的理论路线方针政策方面" in paras
        assert "（二）在基层党组织建设方面" in paras
        if name == NOTICE:  # the public notice: one short paragraph per problem
            assert any(t.startswith("3.干部队伍建设有短板。主要措施：") for t in paras)
        else:
            assert "问题3：干部队伍建设有短板" in paras
            assert "目前正在推进，计划于2024年6月30日前完成。" in paras
            assert any(t.startswith("整改措施及结果：一是制定年度学习计划。") for t in paras)
        assert "（一）加强组织领导。成立领导小组，召开专题会议。" in paras
        # A numbered lead is a level-2 heading: 楷体, and bold only as the headings are.
        lead = next(p for p in doc.paragraphs if p.text.startswith("（一）加强组织领导"))
        assert lead.runs[0].text == "（一）加强组织领导。" and not lead.runs[0].bold
        fonts = lead.runs[0]._r.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    if name == NOTICE:
        assert "联系电话：0000-12345678" in paras
        assert "通信地址：某区示例路1号（邮政编码：100000）" in paras
        assert not any(t.startswith("电子邮箱") for t in paras)  # empty → line omitted


def test_rendered_task_table_shows_each_aspect_and_problem_once(context, tmp_path):
    doc = Document(_render(PLAN, context, tmp_path))
    table = doc.tables[0]
    rows = table.rows[1:]
    # 2 方面 rows + 5 measure rows; the loop-tag rows are gone. The cells as written (a
    # merged cell's continuation is empty; python-docx's row.cells would repeat the first)
    first = [
        "".join(t.text or "" for t in r._tr.findall(qn("w:tc"))[0].iter(qn("w:t"))) for r in rows
    ]
    assert first == [
        "一、落实党的理论路线方针政策方面",
        "1",
        "",
        "2",
        "二、基层党组织建设",
        "3",
        "",
    ]
    measures = [r for r in rows if len(r._tr.findall(qn("w:tc"))) > 1]
    assert [r.cells[2].text for r in measures][:2] == [
        "制定年度学习计划。",
        "建立学习督查通报机制。",
    ]
    assert [r.cells[4].text for r in measures] == ["办公室", "办公室", "财务科", "人事科", "人事科"]
    # 序号/问题 merged down the problem's rows: started on its first, continued on the others
    merges = []
    for r in measures:
        m = r._tr.findall(qn("w:tc"))[1].tcPr.find(qn("w:vMerge"))
        merges.append(None if m is None else m.get(qn("w:val")) or "continue")
    assert merges == ["restart", "continue", None, "restart", "continue"]
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is None
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_missing_optional_leadership_fields_read_cleanly(context, tmp_path):
    context["领导小组"].update(副组长="", 成员="", 办公室主任="", 办公室主任句="")
    doc = Document(_render(PLAN, context, tmp_path))
    paras = [p.text for p in doc.paragraphs]
    assert any(t.startswith("成立巡察整改工作领导小组，由张某某任组长。") for t in paras)
    assert any(t.startswith("领导小组下设办公室，负责") for t in paras)


@pytest.mark.parametrize("name", ALL)
def test_templates_pass_templates_check(name):
    from ledger_tools.documents.render import check_template

    assert [str(i) for i in check_template(TEMPLATES / name)] == []


@pytest.mark.parametrize(("name", "kind"), [(PLAN, "plan"), (REPORT, "report"), (NOTICE, "notice")])
def test_render_with_the_real_context(name, kind, tmp_path):
    """The keys the templates use are the keys ``context.build_context`` produces."""
    import datetime as dt

    from ledger_tools.documents.context import build_context, sample_ledger
    from ledger_tools.documents.render import render_docx

    day = dt.date(2024, 5, 10)
    ctx = build_context(sample_ledger(), kind, as_of=day, today=day)
    out = render_docx(TEMPLATES / name, ctx, tmp_path / name)
    assert not re.search(r"\{\{|\}\}|\{%|%\}", _all_text(out))
    paras = [p.text for p in Document(out).paragraphs]
    assert paras[0] == ctx["标题"] and ctx["成文日期"] in paras


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="需要 LibreOffice 和 poppler",
)
def test_rendered_templates_convert_to_pdf(context, tmp_path):
    paths = [_render(name, context, tmp_path) for name in ALL]
    subprocess.run(
        [
            "soffice",
            # A private profile: another LibreOffice running (other tests, a desktop window)
            # would otherwise take over the conversion and return before it is done.
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for path in paths:
        pdf = path.with_suffix(".pdf")
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        squeezed = re.sub(r"\s+", "", text)
        assert "反馈意见整改情况的报告" in squeezed
        assert "—1—" in squeezed and "—2—" in squeezed  # odd and even page numbers
        if path.name == PLAN:
            assert "整改任务清单" in squeezed and "责任领导" in squeezed


@pytest.mark.parametrize("name", ALL)
def test_font_table_names_substitutes_for_missing_fonts(name):
    """Windows has 仿宋/楷体 but not the *_GB2312 fonts: altName tells Word/WPS what to use."""
    from lxml import etree

    root = etree.fromstring(_xml(name, "word/fontTable.xml").encode("utf-8"))
    fonts = {el.get(qn("w:name")): el for el in root.iter(qn("w:font"))}
    for font, alt in (("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"), ("方正小标宋简体", "宋体")):
        assert fonts[font].find(qn("w:altName")).get(qn("w:val")) == alt
        assert fonts[font].find(qn("w:charset")).get(qn("w:val")) == "86"
    assert not any(el.find(qn("w:charset")).get(qn("w:val")) == "80" for el in fonts.values())


def test_fontconfig_substitutes_is_valid_xml_naming_every_standard_font():
    from lxml import etree

    root = etree.fromstring(f.fontconfig_substitutes().encode("utf-8"))
    aliased = {a.findtext("family") for a in root.iter("alias")}
    assert {f.FONT_BODY, f.FONT_KAI, f.FONT_HEI, f.FONT_TITLE, f.FONT_SONG} <= aliased


def test_signature_block_is_kept_with_the_attachment_note(context, tmp_path):
    doc = Document(_render(PLAN, context, tmp_path))
    paras = doc.paragraphs
    note = next(i for i, p in enumerate(paras) if p.text == "附件：整改任务清单")
    # last body paragraph, blank, note, blank, blank, 署名 keep with the next; then the date
    chain = paras[note - 2 : note + 4]
    assert [p.text for p in chain[-3:]] == ["", "", "中共某区示例局党组"]
    for p in chain:
        assert p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next
    assert paras[note + 4].text == "2024年5月10日"
