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
            (
                "对辖区内入河排污口开展拉网式复查，逐一建立排污口整治档案，做到查测溯治闭环管理",
                "生态环境分局",
                "2025年6月底前",
            ),
            (
                "实施城东片区雨污分流改造工程，同步完成管网错接混接点位改造",
                "住房城乡建设局",
                "2025年12月底前",
            ),
            ("建立汛期排污口巡查制度，每周开展一次溢流情况巡查并建立台账", "水务局", "长期坚持"),
        ],
        "分管副区长",
    ),
    (
        "黑臭水体治理成效不稳固，两条支流水质出现反弹",
        [
            (
                "对已完成治理的黑臭水体开展季度水质监测，监测结果向社会公开",
                "生态环境分局",
                "立行立改并长期坚持",
            ),
            ("落实河道清淤和生态补水措施，恢复河道自净能力", "水务局", "2025年9月底前"),
        ],
        "分管副区长",
    ),
    (
        "建筑工地扬尘管控措施落实不到位，部分工地围挡、苫盖、冲洗等措施执行打折扣",
        [
            (
                "开展建筑工地扬尘专项检查，对未落实六个百分百要求的工地依法立案处罚",
                "住房城乡建设局",
                "立行立改",
            ),
            (
                "在规模以上工地全部安装扬尘在线监测设备并接入监管平台",
                "住房城乡建设局",
                "2025年8月底前",
            ),
            (
                "将扬尘管控情况纳入施工企业信用评价，评价结果与招投标挂钩",
                "住房城乡建设局",
                "2025年10月底前",
            ),
        ],
        "分管副区长",
    ),
    (
        "餐饮油烟扰民投诉反复发生，部分沿街餐饮单位油烟净化设施未正常运行",
        [
            (
                "对沿街餐饮单位油烟净化设施运行情况开展全面排查，督促限期整改",
                "城市管理局",
                "2025年7月底前",
            ),
            ("建立餐饮油烟投诉快速处置机制，做到接诉即办", "城市管理局", "长期坚持"),
        ],
        "分管副区长",
    ),
    (
        "固体废物规范化管理存在短板，个别企业危险废物贮存场所设置不规范",
        [
            (
                "组织开展危险废物规范化管理专项检查，对问题企业逐一督促整改到位",
                "生态环境分局",
                "2025年9月底前",
            ),
            (
                "开展危险废物管理培训，提升企业环境管理人员业务能力",
                "生态环境分局",
                "2025年12月底前",
            ),
        ],
        "分管副区长",
    ),
    (
        "生态环境保护督察整改工作推进机制不健全，部门之间协调联动不够",
        [
            (
                "建立督察整改工作月调度、季通报制度，定期研究解决重点难点问题",
                "区督察整改办",
                "长期坚持",
            ),
            (
                "对整改进度滞后的责任单位进行约谈提醒，压实整改责任",
                "区督察整改办",
                "2025年12月底前",
            ),
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


# 1b. The same kind of table, portrait and narrow: the header cells spaced out ("序　号") or
# wrapped over two lines ("责任" / "单位"), a 方面 row merged across the table above its
# problems, and one 整改措施 cell holding two numbered measures as two paragraphs.

# (方面, [(问题, [措施 cell], 责任单位, 完成时限)])
SCHOOL_ASPECTS = [
    (
        "一、落实立德树人根本任务方面",
        [
            (
                "思政课教师队伍配备不足",
                ["（1）按师生比核定思政课教师编制\n（2）年内公开招聘思政课教师3名"],
                "人事处",
                "2025年9月底前",
            ),
            (
                "课程思政建设推进不平衡",
                ["开展课程思政示范课评选", "将课程思政纳入教学质量评价"],
                "教务处",
                "长期坚持",
            ),
        ],
    ),
    (
        "二、落实全面从严治党责任方面",
        [
            (
                "二级党组织会议记录不规范",
                ["统一印发党组织会议记录本，规范记录要素"],
                "组织部",
                "立行立改",
            ),
        ],
    ),
]


def borderless_school_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共南岭职业学院委员会巡察整改问题清单")
    header = ["序　号", "问题", "整改措施", "责任单位", "完成时限"]
    rows: list[list[str]] = []
    n = 0
    for aspect, problems in SCHOOL_ASPECTS:
        rows.append([aspect] * 5)
        for problem, cells, unit, due in problems:
            n += 1
            for cell in cells:
                rows.append([str(n), problem, cell, unit, due])
    table = d.add_table(rows=1 + len(rows), cols=5)
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    for i, row in enumerate(rows, start=1):
        if len(set(row)) == 1:
            merged = table.cell(i, 0).merge(table.cell(i, 4))
            merged.text = row[0]
            continue
        for j, text in enumerate(row):
            pieces = text.split("\n")
            cell = table.cell(i, j)
            cell.text = pieces[0]
            for piece in pieces[1:]:
                cell.add_paragraph(piece)
    # 序号, 问题, 责任单位 and 完成时限 merged over problem 2's two measures (table rows 3, 4).
    for col in (0, 1, 3, 4):
        table.cell(4, col).text = ""
        merged = table.cell(3, col).merge(table.cell(4, col))
        _drop_empty_paragraphs(merged)
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # 责任单位 narrow: its header wraps to a second line ("责任" over "单位").
    widths = [Pt(40), Pt(120), Pt(170), Pt(30), Pt(80)]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    _no_borders(table)
    official(d, size=12)
    d.save(path)
    return path


# 1c. An 审计整改 announcement's table with no 序号 column and no ruling lines: every cell its
# own (nothing merged), cells wrapped over lines, centred vertically.

AUDIT_ROWS = [
    (
        "部分专项资金拨付进度缓慢，年底结存资金较多",
        "建立专项资金拨付进度月通报制度，对拨付滞后的项目逐一督办",
        "已整改。年底结存资金较上年下降42%。",
    ),
    ("个别单位公务卡使用率偏低", "印发公务卡强制结算目录，纳入年度考核", "已整改。"),
    (
        "国有资产出租未按规定公开招租，部分出租合同到期未及时续签或收回",
        "对全部出租资产进行清查，到期合同统一公开招租",
        "正在整改。已完成清查，公开招租计划2025年10月底前完成。",
    ),
]


def borderless_audit_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "远江县教育局关于2024年度审计发现问题整改情况的公告")
    para(
        d,
        "县审计局对我局2024年度预算执行情况进行了审计，指出问题3个，已整改2个。现将整改结果公告如下：",
    )
    table = d.add_table(rows=1 + len(AUDIT_ROWS), cols=3)
    for j, text in enumerate(["审计发现的问题", "整改措施", "整改结果"]):
        table.cell(0, j).text = text
    for i, row in enumerate(AUDIT_ROWS, start=1):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _no_borders(table)
    para(d, "特此公告。")
    sign(d, "远江县教育局", "2025年4月2日")
    official(d, size=14)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. A 审计整改 任务清单 (a ruled Word table): one 整改措施 cell holds several numbered measures
# "（1）……（2）……" (in one paragraph, or one paragraph each); 责任单位 carry 牵头/配合 markers
# ("财政局（牵头），审计局、税务局配合"; "牵头单位：…；配合单位：…"); 完成时限 read
# "长期坚持", "2025年12月底前", "立行立改并长期坚持".

# (问题, 措施 cell, 责任单位 cell, 完成时限)
GRAIN_ROWS = [
    (
        "部分乡镇耕地地力保护补贴发放不及时，个别农户补贴面积核定不准确",
        "（1）对2024年度补贴发放情况开展全面复核，逐户核对补贴面积；（2）对核定不准确的补贴面积予以更正，"
        "多发的按规定收回，少发的及时补发；（3）建立补贴面积季度核查制度。",
        "农业农村局（牵头），财政局、各乡镇人民政府配合",
        "2025年12月底前",
    ),
    (
        "粮食仓储设施维修资金使用效益不高，两个维修项目建成后闲置",
        "（1）对闲置的维修项目逐一分析原因，制定盘活利用方案\n（2）将维修项目绩效评价结果作为下一年度资金分配的依据",
        "牵头单位：发展改革局；配合单位：财政局",
        "立行立改并长期坚持",
    ),
    (
        "政府采购项目履约验收不规范，部分项目未按合同约定组织验收",
        "组织开展政府采购履约验收专项检查，对未按规定验收的项目补充验收程序，完善验收资料。",
        "财政局",
        "长期坚持",
    ),
]


def task_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "关于审计发现问题的整改任务清单")
    para(d, "根据审计报告指出的问题，现将整改任务分解如下，共3个问题、6条整改措施。")
    header = ["序号", "审计发现的问题", "整改措施", "责任单位", "完成时限"]
    table = d.add_table(rows=1 + len(GRAIN_ROWS), cols=len(header))
    table.style = "Table Grid"
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    for i, (problem, measures, unit, due) in enumerate(GRAIN_ROWS, start=1):
        values = [str(i), problem, "", unit, due]
        for j, text in enumerate(values):
            table.cell(i, j).text = text
        cell = table.cell(i, 2)
        pieces = measures.split("\n")
        cell.paragraphs[0].text = pieces[0]
        for piece in pieces[1:]:
            cell.add_paragraph(piece)
    official(d, size=14)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. A 巡视整改进展情况的通报 in the shape "一、总体进展 / 二、具体问题整改情况 / 三、下一步工作":
# section 一 has items （一）（二） of its own (one of them "一是……二是……", the unit's work, not
# measures) and states the counts; section 二 has the problems numbered 1. under （一）方面, each
# one paragraph whose measures are "一是……；二是……；三是……" with a status at the end; section 三
# also says "一是……二是……": plans for the whole unit, not measures.

NOTICE_PROBLEMS = [
    (
        "（一）关于落实意识形态工作责任制方面",
        [
            "1.意识形态阵地管理存在薄弱环节的问题。一是对局属各单位宣传栏、电子屏开展全面排查，"
            "清理过期内容12处；二是制定《宣传阵地内容审核管理办法》，实行“三审三校”；"
            "三是每半年开展一次阵地管理专项检查。已完成整改。",
            "2.理论学习中心组学习计划执行不严格的问题。一是重新修订年度学习计划，明确专题研讨次数；"
            "二是建立学习情况季度通报制度。需长期坚持。",
        ],
    ),
    (
        "（二）关于落实全面从严治党责任方面",
        [
            "3.公务接待管理不够规范的问题。一是对2023年以来的公务接待单据开展逐笔核查；"
            "二是修订公务接待管理制度，严格执行接待清单制度；三是将公务接待费用纳入月度财务公开。"
            "已完成整改。",
            "4.下属单位财务监管不到位的问题。一是聘请第三方机构对3家下属单位开展财务审计；"
            "二是对审计发现的问题建立台账，逐项督促整改。正在推进，计划2025年9月底前完成。",
        ],
    ),
]


def section_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共远江县交通运输局党组关于县委巡察反馈意见整改进展情况的通报")
    para(
        d,
        "根据县委巡察工作统一部署，2024年10月，县委第一巡察组对县交通运输局党组开展了常规巡察，"
        "并于2025年1月反馈了巡察意见。按照党务公开和巡察工作有关要求，现将整改进展情况予以通报。",
    )
    para(d, "一、总体进展")
    para(
        d,
        "（一）强化组织推动。局党组召开专题会议研究部署整改工作，一是成立整改工作专班，"
        "二是制定整改方案和任务清单，三是实行每周调度。",
    )
    para(
        d,
        "（二）推进对账销号。巡察反馈的2个方面4个问题，细化整改措施10条，截至2025年6月底，"
        "已完成整改问题2个，完成整改措施8条，其余正在按计划推进。",
    )
    para(d, "二、具体问题整改情况")
    for aspect, problems in NOTICE_PROBLEMS:
        para(d, aspect)
        for text in problems:
            para(d, text)
    para(d, "三、下一步工作")
    para(
        d,
        "一是持续抓好未完成事项的整改，确保按期销号；二是对已完成的整改事项开展“回头看”，"
        "防止问题反弹；三是把巡察整改与日常工作结合起来，建立健全长效机制。",
    )
    para(
        d,
        "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-0000000；"
        "电子邮箱：fictional@example.invalid。",
    )
    sign(d, "中共远江县交通运输局党组", "2025年7月8日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 4. A report whose text (as some PDF producers write the text layer) has Kangxi radicals and
# CJK compatibility ideographs in place of common characters: ⼀ (U+2F00) for 一, ⼈ (U+2F08)
# for 人, ⾏ (U+2F8F) for 行, ⽅ (U+2F45) for 方, ⼯ (U+2F2F) for 工, and 﨑-like compatibility
# forms; NFKC maps each to the usual character. Written so into the .docx too (the PDF then
# carries them in its text layer).

RADICALS = str.maketrans({"一": "⼀", "人": "⼈", "行": "⾏", "方": "⽅", "工": "⼯", "长": "⻓"})


def radical_report(path: Path) -> Path:
    d = docx.Document()
    lines = [
        ("中共安平镇委员会关于巡察反馈问题整改情况的报告", "title"),
        ("县委巡察工作领导小组：", ""),
        (
            "2024年11月，县委第四巡察组对我镇开展了巡察，反馈问题2个方面3个。现将整改情况报告如下：",
            "",
        ),
        ("一、落实惠民政策方面", ""),
        ("（一）低保动态管理不及时的问题", ""),
        ("1.对全镇低保对象开展一次全面入户核查，清退不符合条件的对象5户。已完成。", ""),
        ("2.建立低保对象季度动态调整机制，由民政办每季度更新一次。需长期坚持。", ""),
        ("（二）惠民资金公示不规范的问题", ""),
        ("1.统一全镇各村惠民资金公示格式，在村务公开栏公示。已完成。", ""),
        ("二、干部作风方面", ""),
        ("（三）个别工作人员服务群众态度生硬的问题", ""),
        ("1.开展便民服务中心工作人员作风专项整治，组织服务礼仪培训两次。已完成。", ""),
        ("2.推行服务对象满意度评价，评价结果与年度考核挂钩。正在推进，计划2025年6月底前完成。", ""),
    ]
    for text, kind in lines:
        text = text.translate(RADICALS)
        if kind == "title":
            title(d, text)
        else:
            para(d, text)
    sign(d, "中共安平镇委员会".translate(RADICALS), "2025年3月10日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. Scans. A PDF of scanned pages whose producer typed only the page numbers into the text
# layer ("第 1 页"); and a text 整改方案 whose 附件 问题清单 is a scanned picture appended after
# the text. Pictures of "text" are drawn as ink bars (no font needed, nothing an OCR could read).


def _scan_picture(path: Path, lines: int = 14) -> Path:
    from PIL import Image, ImageDraw

    page = Image.new("L", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for k in range(lines):
        y = 160 + 90 * k
        draw.rectangle((140, y, 1100 - (k % 3) * 140, y + 34), fill="black")
    page.save(path)
    return path


def _footer_page_number(d) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from genre_docs3 import _field

    p = d.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    _field(p, "PAGE")
    p.add_run(" 页")


def scanned_with_page_numbers(path: Path) -> Path:
    from docx.shared import Cm

    d = docx.Document()
    picture = _scan_picture(path.with_suffix(".png"))
    for k in range(2):
        if k:
            d.add_page_break()
        d.add_picture(str(picture), width=Cm(15))
    _footer_page_number(d)
    d.save(path)
    return path


def plan_with_scanned_annex(path: Path) -> Path:
    from docx.shared import Cm

    d = docx.Document()
    title(d, "中共临溪街道工作委员会关于区委巡察反馈意见的整改方案")
    para(d, "区委第五巡察组反馈问题1个方面2个，现制定整改方案如下。")
    para(d, "一、基层治理方面")
    para(d, "（一）网格员队伍管理不规范的问题")
    para(
        d,
        "1.制定网格员考核办法，按月考核。（责任领导：周立；责任部门：社会治理办；完成时限：2025年8月底前）",
    )
    para(d, "（二）居民议事会运行不经常的问题")
    para(
        d,
        "1.各社区每季度至少召开一次居民议事会。（责任领导：周立；责任部门：社区建设办；完成时限：长期坚持）",
    )
    para(d, "问题清单见附件。")
    sign(d, "中共临溪街道工作委员会", "2025年5月6日")
    d.add_page_break()
    d.add_picture(str(_scan_picture(path.with_suffix(".png"))), width=Cm(15))
    official(d)
    d.save(path)
    return path


BUILDERS = {
    "borderless_plan": borderless_plan,
    "borderless_school_list": borderless_school_list,
    "borderless_audit_table": borderless_audit_table,
    "task_list": task_list,
    "section_notice": section_notice,
    "radical_report": radical_report,
    "scanned_with_page_numbers": scanned_with_page_numbers,
    "plan_with_scanned_annex": plan_with_scanned_annex,
}
