"""A fourth round of documents of the genre, for fictional units, in our own words: the shapes
real published documents have that the first three rounds (``genre_docs``, ``genre_docs3``)
lack. Each builder writes a real .docx (``python-docx``) and returns its path;
``tests/test_import_genre4.py`` imports it, and its PDF made by LibreOffice (a real text
layer), through the real command.

The shapes: a 整改方案 whose 附件 task table is laid out WITHOUT ruling lines (as WPS exports
it), in a landscape section, its cells centred vertically in rows of several lines, 序号 and
问题 merged over a problem's measures, the header repeated on every page; a 任务清单 whose one
整改措施 cell holds several numbered measures （1）…（2）…, whose 责任单位 carry 牵头/配合
markers and whose 完成时限 read "长期坚持", "2025年12月底前", "立行立改并长期坚持"; a 通报 in the
"一、总体进展 / 二、具体整改情况 / 三、下一步工作" shape with problems numbered 1. and their
measures "一是……二是……三是……" inside one paragraph, only section 二 holding measures; a report
whose text layer (as some PDF producers write it) uses Kangxi radicals and CJK compatibility
ideographs for common characters (⼀ ⼈ ⾏).
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from genre_docs import para, sign, title
from genre_docs3 import official


def _repeat_header(table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _no_borders(table) -> None:
    """No ruling lines at all (the table style "Normal Table" has none; say so explicitly, as
    WPS writes it)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _landscape(d):
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    return section


def _drop_empty_paragraphs(cell) -> None:
    """python-docx keeps an empty paragraph for each cell merged in; Word does not (a merged
    cell holds its text once, centred over the rows it spans)."""
    for p in cell.paragraphs[1:]:
        if not p.text:
            p._p.getparent().remove(p._p)


def _merged_table(d, header: list[str], rows: list[list[str]], merge_cols: tuple[int, ...]):
    """A table of ``rows`` whose columns ``merge_cols`` are merged down over runs of equal
    values within one 序号 (Word keeps the text in the first cell only); every cell centred
    vertically."""
    table = d.add_table(rows=1 + len(rows), cols=len(header))
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    for i, row in enumerate(rows, start=1):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for col in merge_cols:
        start = 1
        for i in range(2, len(rows) + 2):
            same = i <= len(rows) and (rows[i - 1][col], rows[i - 1][0]) == (
                rows[start - 1][col],
                rows[start - 1][0],
            )
            if same:
                continue
            if i - 1 > start:
                for r in range(start + 1, i):
                    table.cell(r, col).text = ""
                merged = table.cell(start, col).merge(table.cell(i - 1, col))
                _drop_empty_paragraphs(merged)
            start = i
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


# ---------------------------------------------------------------------------------------------
# 1. A 督察整改方案 whose 附件 task table has no ruling lines (WPS export), in a landscape
# section: 序号, 问题 and 责任领导 merged over a problem's measures and centred vertically in
# rows of several lines; the header repeated on every page; the table over more than one page.

# (问题, [(措施, 责任单位, 完成时限)], 责任领导)
RIVER_PROBLEMS = [
    (
        "部分入河排污口排查整治不彻底，个别排污口存在雨污混排现象，汛期溢流污染问题仍较突出",
        [
            ("对辖区内入河排污口开展拉网式复查，逐一建立排污口整治档案，做到查测溯治闭环管理", "生态环境分局", "2025年6月底前"),
            ("实施城东片区雨污分流改造工程，同步完成管网错接混接点位改造", "住房城乡建设局", "2025年12月底前"),
            ("建立汛期排污口巡查制度，每周开展一次溢流情况巡查并建立台账", "水务局", "长期坚持"),
        ],
        "分管副区长",
    ),
    (
        "黑臭水体治理成效不稳固，两条支流水质出现反弹",
        [
            ("对已完成治理的黑臭水体开展季度水质监测，监测结果向社会公开", "生态环境分局", "立行立改并长期坚持"),
            ("落实河道清淤和生态补水措施，恢复河道自净能力", "水务局", "2025年9月底前"),
        ],
        "分管副区长",
    ),
    (
        "建筑工地扬尘管控措施落实不到位，部分工地围挡、苫盖、冲洗等措施执行打折扣",
        [
            ("开展建筑工地扬尘专项检查，对未落实六个百分百要求的工地依法立案处罚", "住房城乡建设局", "立行立改"),
            ("在规模以上工地全部安装扬尘在线监测设备并接入监管平台", "住房城乡建设局", "2025年8月底前"),
            ("将扬尘管控情况纳入施工企业信用评价，评价结果与招投标挂钩", "住房城乡建设局", "2025年10月底前"),
        ],
        "分管副区长",
    ),
    (
        "餐饮油烟扰民投诉反复发生，部分沿街餐饮单位油烟净化设施未正常运行",
        [
            ("对沿街餐饮单位油烟净化设施运行情况开展全面排查，督促限期整改", "城市管理局", "2025年7月底前"),
            ("建立餐饮油烟投诉快速处置机制，做到接诉即办", "城市管理局", "长期坚持"),
        ],
        "分管副区长",
    ),
    (
        "固体废物规范化管理存在短板，个别企业危险废物贮存场所设置不规范",
        [
            ("组织开展危险废物规范化管理专项检查，对问题企业逐一督促整改到位", "生态环境分局", "2025年9月底前"),
            ("开展危险废物管理培训，提升企业环境管理人员业务能力", "生态环境分局", "2025年12月底前"),
        ],
        "分管副区长",
    ),
    (
        "生态环境保护督察整改工作推进机制不健全，部门之间协调联动不够",
        [
            ("建立督察整改工作月调度、季通报制度，定期研究解决重点难点问题", "区督察整改办", "长期坚持"),
            ("对整改进度滞后的责任单位进行约谈提醒，压实整改责任", "区督察整改办", "2025年12月底前"),
        ],
        "区委常委、常务副区长",
    ),
]


def river_rows() -> list[list[str]]:
    rows = []
    for n, (problem, measures, leader) in enumerate(RIVER_PROBLEMS, start=1):
        for k, (measure, unit, due) in enumerate(measures, start=1):
            rows.append([str(n), problem, f"{k}.{measure}", leader, unit, due])
    return rows


def borderless_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "石桥区关于省第三生态环境保护督察组反馈意见的整改方案")
    para(
        d,
        "2025年1月，省第三生态环境保护督察组向我区反馈了督察意见，指出问题6个。"
        "为扎实做好督察反馈问题整改工作，结合我区实际，制定本方案。",
    )
    para(d, "一、总体要求")
    para(
        d,
        "坚持问题导向、目标导向，以改善生态环境质量为核心，逐项细化整改措施14条，"
        "明确责任领导、责任单位和完成时限，确保反馈问题按期整改到位。",
    )
    para(d, "二、整改任务")
    para(d, "督察反馈问题的整改措施、责任领导、责任单位和完成时限，详见附件。")
    para(d, "三、保障措施")
    para(
        d,
        "区督察整改办每月调度整改进展，对整改不力、进度滞后的单位通报批评，"
        "确保各项整改任务落地见效。",
    )
    sign(d, "石桥区生态环境保护委员会", "2025年2月18日")
    _landscape(d)
    para(d, "附件")
    title(d, "石桥区督察反馈问题整改任务清单")
    header = ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "完成时限"]
    table = _merged_table(d, header, river_rows(), merge_cols=(0, 1, 3))
    _no_borders(table)
    _repeat_header(table)
    widths = [Pt(34), Pt(190), Pt(250), Pt(80), Pt(90), Pt(80)]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    official(d, size=14)
    d.save(path)
    return path


BUILDERS = {
    "borderless_plan": borderless_plan,
}
