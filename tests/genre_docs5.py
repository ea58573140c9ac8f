"""A fifth round of documents of the genre, for fictional units, in our own words: shapes that
published 巡察反馈意见, 整改方案 and 整改情况报告/通报 take and the first four rounds lack.
Each builder writes a real .docx (``python-docx``) or a .txt and returns its path;
``tests/test_import5.py`` imports it, and the PDF LibreOffice makes of each .docx (a real text
layer), through the real command, and judges the ledger against what a reader would enter.

The shapes:

1. a 通报 whose 一、二、三 sections are the 方面, each listing （一）问题 then an "整改情况："
   paragraph and a second, unlabelled paragraph that goes on with the same problem and ends with
   its status; 〔2024〕 document numbers and 第X条 in the text; a running header and page numbers;
2. a 方案 whose problems are numbered "1．" (full-width point) and whose measures are prose
   "整改措施：一是……；二是……；三是……" followed by a "责任领导：……；责任单位：……；完成时限：……"
   line; full-width digits mixed with half-width ones (also written as a GBK .txt);
3. a 报告 whose 附件 is a ruled landscape table 序号/方面/问题/整改措施/责任单位/完成时限/完成情况,
   方面, 序号 and 问题 merged over their rows, the header repeated on every page, over several pages;
   and the same table without ruling lines;
4. a 报告 with real Word footnotes (document numbers, articles) falling in the middle of the text
   on the PDF page;
5. a 通报 set in two columns;
6. a 报告 as text copied out of a PDF (GBK): lines broken in mid-sentence, the running header and
   "— 2 —" / "第 2 页 共 3 页" interleaved between the lines;
7. a 反馈意见 whose problems are numbered 1. with their 表现 "一是……二是……" and 第X条 citations;
8. a 方案 as .txt whose 附件 清单 is a tab-separated table with 方面 rows and full-width 序号;
9. a 报告 mixing "１．" "2、" "(3)" numbering and half/full-width brackets, measures ending in
   "（已完成）" "（持续推进）".
10. a 方案 whose numbered measures carry their status-less tails and whose deadlines are written
   "２０２５年６月３０日前" and "2025年第三季度".
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from genre_docs import para, sign, title, write_txt
from genre_docs3 import official, page_furniture
from genre_docs4 import _merged_table, _no_borders, _repeat_header

FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _landscape(d):
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    return section


# ---------------------------------------------------------------------------------------------
# 1. 通报: 一、二、三 sections are the 方面; （一）问题 / 整改情况：…… / a second paragraph ending
# with the status.

# (方面, [(问题, 整改情况, 续段, 状态)])
PART_NOTICE = [
    (
        "一、关于贯彻落实上级决策部署方面",
        [
            (
                "耕地保护“田长制”责任落实不到位，部分村级田长巡田记录缺失",
                "整改情况：局党组对照《澄溪县耕地保护田长制实施办法》（澄委办〔2024〕18号）"
                "第九条的规定，逐村核查巡田记录，为全县126名村级田长统一配发巡田手册。",
                "2024年10月起，巡田情况每月汇总通报一次，对连续两个月未巡田的田长约谈提醒。"
                "目前，该问题已整改完毕。",
                "已完成",
            ),
            (
                "违法占地图斑整改进度滞后",
                "整改情况：建立违法占地图斑整改台账，逐宗明确责任乡镇和整改时限，"
                "已完成整改图斑37宗，占应整改数的八成以上。",
                "剩余9宗涉及历史遗留问题，正在会同相关乡镇分类处置，计划2025年6月底前完成。",
                "正在推进",
            ),
        ],
    ),
    (
        "二、关于落实全面从严治党责任方面",
        [
            (
                "党组落实“一岗双责”不够到位",
                "整改情况：修订班子成员“一岗双责”责任清单，召开专题会议逐项明确分管领域廉政风险点。",
                "班子成员每半年向党组书面报告一次履行“一岗双责”情况，该项工作需长期坚持。",
                "长期坚持",
            ),
            (
                "不动产登记窗口存在“吃拿卡要”苗头",
                "整改情况：开展窗口作风专项整治，设立投诉电话和意见箱，对2名工作人员进行了提醒谈话。",
                "推行“好差评”制度，评价结果与绩效考核挂钩。该问题已整改到位。",
                "已完成",
            ),
        ],
    ),
    (
        "三、关于基层党组织建设方面",
        [
            (
                "“三会一课”制度执行不严格",
                "整改情况：按照《中国共产党支部工作条例（试行）》第十九条的要求，"
                "制定支部年度活动计划，严格落实支部党员大会、支委会、党小组会和党课制度。",
                "局机关党委每季度抽查一次支部会议记录。目前已整改到位。",
                "已完成",
            ),
            (
                "发展党员程序不够规范",
                "整改情况：对近五年发展党员档案逐本复查，补齐缺失材料6份，"
                "对负责同志进行了批评教育。",
                "组织党务干部参加发展党员工作专题培训，今后严格按程序发展党员，需长期坚持。",
                "长期坚持",
            ),
        ],
    ),
]


def part_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共澄溪县自然资源局党组关于县委巡察整改进展情况的通报")
    para(
        d,
        "2024年4月至6月，县委第三巡察组对县自然资源局党组开展了常规巡察，2024年7月15日"
        "向局党组反馈了意见。现将整改进展向社会通报如下。",
    )
    para(
        d,
        "巡察反馈的3个方面6个问题，截至2024年12月底，已完成整改3个，长期坚持2个，正在推进1个。",
    )
    for aspect, problems in PART_NOTICE:
        para(d, aspect)
        for k, (problem, progress, more, _) in enumerate(problems):
            para(d, f"（{'一二三'[k]}）{problem}的问题")
            para(d, progress)
            para(d, more)
    para(
        d,
        "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-1234567；"
        "通信地址：澄溪县城关镇府前路1号。",
    )
    sign(d, "中共澄溪县自然资源局党组", "2025年1月6日")
    page_furniture(d, "澄溪县自然资源局巡察整改进展情况通报")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. 方案: "1．问题" / "整改措施：一是……；二是……；三是……" / "责任领导：……；责任单位：……；完成时限：……"

# (方面, [(问题, [措施], 责任领导, 责任单位, 完成时限)])
YISHI_PLAN = [
    (
        "（一）落实全面从严治党主体责任方面",
        [
            (
                "党组理论学习中心组学习不经常，2024年仅集中学习5次",
                [
                    "制定年度学习计划，每月至少集中学习1次",
                    "建立学习考勤和研讨发言记录制度",
                    "每半年通报一次中心组成员学习情况",
                ],
                "林海涛",
                "办公室",
                "2025年3月底前",
            ),
            (
                "对下属所队监督检查不够有力",
                [
                    "每季度对下属所队开展一次财务和作风检查",
                    "对检查发现的问题建立清单，逐项督促整改",
                ],
                "周敏",
                "机关纪委",
                "长期坚持",
            ),
        ],
    ),
    (
        "（二）履行市场监管职能方面",
        [
            (
                "食品安全抽检计划完成率偏低，农村集贸市场抽检覆盖不足",
                [
                    "调整年度抽检计划，向农村集贸市场倾斜",
                    "委托第三方检测机构增加抽检批次12批",
                    "对抽检不合格产品依法立案查处并向社会公开",
                ],
                "陈立国",
                "食品安全监管股",
                "2025年6月30日前",
            ),
        ],
    ),
]


def _yishi_text() -> list[str]:
    lines = [
        "中共云台县市场监督管理局党组关于落实县委第二巡察组反馈意见的整改方案",
        "2024年9月10日至11月8日，县委第二巡察组对县市场监督管理局党组开展了常规巡察，"
        "2024年12月3日反馈了巡察意见，指出2个方面3个问题。为抓好整改落实，制定本方案。",
        "一、指导思想",
        "坚持以问题为导向，把巡察整改作为重要政治任务，确保反馈问题件件有着落、事事有回音。",
        "二、整改任务",
    ]
    n = 0
    for aspect, problems in YISHI_PLAN:
        lines.append(aspect)
        for problem, measures, leader, unit, due in problems:
            n += 1
            number = f"{n}．" if n % 2 else f"{n}."
            lines.append(f"{number}{problem}".translate(FULL) if n == 1 else f"{number}{problem}")
            said = "；".join(f"{'一二三四'[k]}是{m}" for k, m in enumerate(measures))
            lines.append(f"整改措施：{said}。")
            tail = f"责任领导：{leader}；责任单位：{unit}；完成时限：{due}。"
            lines.append(tail.translate(FULL) if n == 3 else tail)
    lines += [
        "三、工作要求",
        "各责任单位要按照本方案明确的时限完成整改，每月25日前向局巡察整改工作领导小组办公室报送进展。",
        "中共云台县市场监督管理局党组",
        "2024年12月16日",
    ]
    return lines


def yishi_plan(path: Path) -> Path:
    lines = _yishi_text()
    d = docx.Document()
    title(d, lines[0])
    for line in lines[1:-2]:
        para(d, line)
    sign(d, *lines[-2:])
    official(d)
    d.save(path)
    return path


def yishi_plan_gbk(path: Path) -> Path:
    return write_txt(path, "\r\n".join(_yishi_text()) + "\r\n", encoding="gbk")


# ---------------------------------------------------------------------------------------------
# 3. 报告 whose 附件 is a landscape table with 完成情况, 方面 merged over its problems.

# (方面, 问题, [(措施, 责任单位, 完成时限, 完成情况)])
ANNEX_ROWS = [
    (
        "政治建设",
        "落实意识形态工作责任制不到位，对校园网站和公众号内容审核把关不严",
        [
            (
                "修订《校园网络信息发布审核办法》，实行三级审核",
                "宣传科",
                "2024年10月底前",
                "已完成",
            ),
            ("组织全区学校网站管理员集中培训", "宣传科", "2024年11月底前", "已完成"),
        ],
    ),
    (
        "政治建设",
        "党组织会议研究“三重一大”事项记录不完整",
        [
            ("统一印制会议记录本，明确记录要素", "办公室", "立行立改", "已完成"),
        ],
    ),
    (
        "政治建设",
        "对上级巡察反馈问题整改“回头看”开展不及时",
        [
            ("对上一轮巡察反馈问题逐项开展“回头看”", "机关党委", "2024年12月底前", "已完成"),
            ("建立整改成果定期复查机制", "机关党委", "长期坚持", "长期坚持"),
        ],
    ),
    (
        "教育民生",
        "学前教育普惠性资源不足，城区公办幼儿园学位紧张",
        [
            (
                "新建城东、城南两所公办幼儿园，新增学位540个",
                "计划财务科",
                "2025年8月底前",
                "正在推进，城东幼儿园主体已完工，预计2025年8月底前投入使用",
            ),
            ("扶持普惠性民办幼儿园8所", "学前教育科", "2025年3月底前", "已完成"),
        ],
    ),
    (
        "教育民生",
        "义务教育课后服务质量不高，部分学校以自习代替服务",
        [
            ("制定课后服务内容清单和质量评价办法", "基础教育科", "2024年12月底前", "已完成"),
            ("引入非学科类校外资源进校园", "基础教育科", "2025年6月底前", "正在推进"),
        ],
    ),
    (
        "教育民生",
        "校园食堂食品安全管理存在漏洞",
        [
            ("开展校园食品安全专项检查，整改问题23处", "安全科", "2024年11月底前", "已完成"),
            ("推行“明厨亮灶”，实现学校食堂全覆盖", "安全科", "2024年12月底前", "已完成"),
        ],
    ),
    (
        "干部队伍",
        "中层干部交流轮岗不够，个别岗位任职时间过长",
        [
            ("制定中层干部交流轮岗实施办法", "人事科", "2024年12月底前", "已完成"),
            ("对任职满8年的中层干部有序交流", "人事科", "2025年7月底前", "正在推进"),
        ],
    ),
    (
        "干部队伍",
        "教师招聘考察环节把关不严",
        [
            ("完善教师招聘考察程序，增加实地考察环节", "人事科", "2024年10月底前", "已完成"),
        ],
    ),
    (
        "干部队伍",
        "对违规有偿补课问题查处不力",
        [
            ("开展违规有偿补课专项治理，公布举报电话", "督导室", "长期坚持", "长期坚持"),
            ("对查实的2名教师给予党纪政务处分", "督导室", "2024年11月底前", "已完成"),
        ],
    ),
]

ANNEX_HEADER = ["序号", "方面", "问题", "整改措施", "责任单位", "完成时限", "完成情况"]


def annex_table_rows() -> list[list[str]]:
    rows = []
    for n, (aspect, problem, measures) in enumerate(ANNEX_ROWS, start=1):
        for measure, unit, due, done in measures:
            rows.append([str(n), aspect, problem, measure, unit, due, done])
    return rows


def _merge_aspects(table, rows: list[list[str]], col: int = 1) -> None:
    """Merge ``col`` down over each run of equal 方面 (across 序号), as the 方面 column is."""
    from genre_docs4 import _drop_empty_paragraphs

    start = 0
    for i in range(1, len(rows) + 1):
        if i < len(rows) and rows[i][col] == rows[start][col]:
            continue
        if i - 1 > start:
            for r in range(start + 2, i + 1):
                table.cell(r, col).text = ""
            merged = table.cell(start + 1, col).merge(table.cell(i, col))
            _drop_empty_paragraphs(merged)
        start = i


def annex_report(path: Path, ruled: bool = True, merge_aspects: bool = True) -> Path:
    d = docx.Document()
    title(d, "中共明湖区教育局委员会关于区委巡察反馈问题整改情况的报告")
    para(d, "区委巡察工作领导小组：")
    para(
        d,
        "2024年5月，区委第一巡察组对区教育局党委开展了常规巡察，6月28日反馈了巡察意见。"
        "现将整改情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(
        d,
        "局党委召开专题会议研究整改工作，成立整改工作领导小组，制定整改方案，逐项明确"
        "责任单位和完成时限，实行周调度、月通报。",
    )
    para(d, "二、整改落实情况")
    para(
        d,
        "巡察反馈的3个方面9个问题，已完成整改6个（其中长期坚持2个），正在推进3个。"
        "各问题的整改措施和完成情况见附件。",
    )
    para(d, "三、下一步打算")
    para(d, "对尚未完成的整改任务，局党委将盯住时间节点，确保按期完成。")
    sign(d, "中共明湖区教育局委员会", "2025年1月20日")
    _landscape(d)
    para(d, "附件")
    title(d, "明湖区教育局巡察反馈问题整改落实情况清单")
    rows = annex_table_rows()
    table = _merged_table(d, ANNEX_HEADER, rows, merge_cols=(0, 2))
    if merge_aspects:
        _merge_aspects(table, rows)
    if ruled:
        table.style = "Table Grid"
    else:
        _no_borders(table)
    _repeat_header(table)
    widths = [Pt(30), Pt(60), Pt(170), Pt(190), Pt(70), Pt(80), Pt(120)]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    official(d, size=14)
    d.save(path)
    return path


def borderless_annex_report(path: Path) -> Path:
    return annex_report(path, ruled=False)


def borderless_annex_every_row(path: Path) -> Path:
    """The same without ruling lines, the 方面 written in every row (not merged)."""
    return annex_report(path, ruled=False, merge_aspects=False)


# ---------------------------------------------------------------------------------------------
# 4. 报告 with real Word footnotes.

FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>{notes}</w:footnotes>"
)


def _footnotes(d, notes: list[str]) -> None:
    body = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
        "</w:footnote>"
        for k, text in enumerate(notes, start=1)
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        FOOTNOTES_XML.format(notes=body).encode("utf-8"),
        d.part.package,
    )
    d.part.relate_to(part, RT.FOOTNOTES)


def _note_mark(paragraph, number: int) -> None:
    run = paragraph.add_run()
    r_pr = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    r_pr.append(align)
    run._r.append(r_pr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run._r.append(ref)


# (方面, [(问题, [整改情况 sentences], 状态句, 状态, footnote or "")])
FOOTNOTE_REPORT = [
    (
        "（一）落实财经纪律方面",
        [
            (
                "专项资金拨付不及时，部分项目资金滞留时间较长",
                "对2023年以来的专项资金逐笔清理，督促有关乡镇加快拨付进度，滞留资金1260万元"
                "已全部拨付到位；修订专项资金管理办法，明确资金到位后30日内拨付。"
                "同时建立专项资金动态监控系统，对超过期限未拨付的资金自动预警，"
                "每月向局党组报告一次资金拨付进度，逐月通报各乡镇拨付情况",
                "该问题已整改完毕。",
                "已完成",
                "见《南屏县乡镇财政资金管理办法》（南财〔2024〕7号）第十二条。",
            ),
            (
                "政府采购执行不规范，存在化整为零规避公开招标的情况",
                "组织全局财务人员学习政府采购法律法规，对2023年的采购项目逐一复查，"
                "对3个拆分采购项目的经办人员进行了诫勉谈话；建立采购需求统一审核制度，"
                "同类项目全年合并采购，采购意向提前30日公开，接受社会监督",
                "目前已整改到位并长期坚持。",
                "长期坚持",
                "依据《中华人民共和国政府采购法》第二十八条。",
            ),
        ],
    ),
    (
        "（二）内部管理方面",
        [
            (
                "国有资产管理不严，部分资产账实不符",
                "开展国有资产全面清查，盘亏资产14项已按程序核销，新增资产全部登记入账；"
                "建立资产管理信息系统，资产的购置、调拨、处置全部在系统中留痕，"
                "每年末组织一次资产盘点，盘点结果在局务会上通报",
                "该问题已整改完毕。",
                "已完成",
                "",
            ),
            (
                "非税收入征缴管理存在薄弱环节",
                "对非税收入执收单位开展专项检查，督促2家单位补缴非税收入48.6万元；"
                "正在推进非税收入电子化收缴改革，计划2025年5月底前覆盖全部执收单位",
                "正在推进。",
                "正在推进",
                "见《南屏县非税收入管理暂行规定》（南政办〔2023〕21号）第六条、第七条。",
            ),
        ],
    ),
]


def footnote_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共南屏县财政局党组关于县委巡察反馈意见整改情况的报告")
    para(d, "县委巡察工作领导小组：")
    para(
        d,
        "2024年3月18日至5月17日，县委第一巡察组对县财政局党组进行了巡察，并于6月20日"
        "反馈了巡察意见。局党组高度重视，逐条制定整改措施，现将整改情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(
        d,
        "局党组召开专题会议，学习巡察反馈意见，成立由党组书记任组长的整改工作领导小组，"
        "制定整改方案，建立问题、任务、责任三张清单，每两周召开一次整改推进会，"
        "对整改进度滞后的事项及时督办。整改期间，局党组共召开专题会议6次，"
        "修订完善制度11项，对整改工作中发现的问题举一反三，推动建章立制。",
    )
    para(d, "二、反馈问题整改落实情况")
    notes: list[str] = []
    n = 0
    for aspect, problems in FOOTNOTE_REPORT:
        para(d, aspect)
        for problem, progress, said, _, note in problems:
            n += 1
            para(d, f"{n}.{problem}的问题")
            p = para(d, f"整改情况：{progress}")
            if note:
                notes.append(note)
                _note_mark(p, len(notes))
            p.add_run(f"。{said}")
    para(d, "三、下一步工作打算")
    para(
        d,
        "局党组将持续压实整改责任，对正在推进的整改事项紧盯不放，对已完成的事项适时开展"
        "“回头看”，巩固整改成果，推动财政管理工作规范化。",
    )
    sign(d, "中共南屏县财政局党组", "2024年12月10日")
    _footnotes(d, notes)
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. 通报 in two columns.

# (方面, [(问题, 整改情况, 状态)])
TWO_COLUMN = [
    (
        "（一）党的政治建设方面",
        [
            (
                "学习贯彻上级重要会议精神不及时",
                "建立“第一议题”学习制度，党委会第一项议程学习上级最新会议精神，"
                "全年学习24次，已整改到位。",
                "已完成",
            ),
            (
                "意识形态工作分析研判不深入",
                "每半年召开一次意识形态工作专题会议，形成分析研判报告，该项工作需长期坚持。",
                "长期坚持",
            ),
        ],
    ),
    (
        "（二）服务群众方面",
        [
            (
                "便民服务事项网上办理率不高",
                "梳理可网办事项58项，上线街道政务服务小程序，网办率提升至85%，"
                "剩余事项正在推进，计划2025年4月底前完成。",
                "正在推进",
            ),
            (
                "社区养老服务站点运营不规范",
                "引入专业机构运营社区养老服务站5个，制定服务标准和收费目录，已完成整改。",
                "已完成",
            ),
        ],
    ),
]


def _two_columns(section) -> None:
    sect_pr = section._sectPr
    cols = sect_pr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        sect_pr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "425")


def two_column_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共青石街道工作委员会关于区委巡察整改进展情况的通报")
    body = d.add_section(WD_SECTION.CONTINUOUS)
    _two_columns(body)
    para(
        d,
        "2024年8月，区委第六巡察组向青石街道党工委反馈了巡察意见。按照有关要求，"
        "现将整改进展情况通报如下。街道党工委把巡察整改作为重要政治任务，"
        "党工委书记带头研究整改方案，班子成员分工负责，逐项推进整改落实。",
    )
    para(d, "一、整改工作总体情况")
    para(
        d,
        "反馈的2个方面4个问题，已完成整改2个，长期坚持1个，正在推进1个。"
        "街道党工委召开专题会议8次，建立完善制度9项，整改工作取得阶段性成效。",
    )
    para(d, "二、反馈问题整改落实情况")
    n = 0
    for aspect, problems in TWO_COLUMN:
        para(d, aspect)
        for problem, progress, _ in problems:
            n += 1
            para(d, f"{n}.{problem}的问题。整改情况：{progress}")
    para(d, "三、下一步工作打算")
    para(
        d,
        "街道党工委将持续巩固整改成果，对正在推进的事项加强调度，确保按期完成。"
        "欢迎社会各界监督，联系电话：0000-7654321。",
    )
    sign(d, "中共青石街道工作委员会", "2025年2月12日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. 报告 as text copied out of a PDF (GBK): broken lines, the running header and page numbers
# between them.

# (问题, 整改情况, 状态)
PDF_COPY = [
    (
        "（一）医疗卫生服务方面",
        [
            (
                "基层医疗机构药品配备不足",
                "整改情况：制定基层医疗机构基本药物配备目录，统一采购配送，乡镇卫生院"
                "常用药品配备率达到95%以上，该问题已整改完毕。",
                "已完成",
            ),
            (
                "家庭医生签约服务质量不高",
                "整改情况：修订家庭医生签约服务考核办法，按季度开展随访质量抽查，"
                "将考核结果与绩效工资挂钩，需长期坚持。",
                "长期坚持",
            ),
        ],
    ),
    (
        "（二）行风建设方面",
        [
            (
                "医疗服务收费不规范",
                "整改情况：开展医疗服务价格专项检查，清退多收费用3.2万元，"
                "目前正在推进收费信息公示系统建设，计划2025年3月底前完成。",
                "正在推进",
            ),
        ],
    ),
]

PDF_COPY_HEADER = "柳岸县卫生健康局巡察整改情况报告"


def _break(text: str, width: int = 62) -> list[str]:
    """``text`` broken as a PDF line breaks it: at a display width (a Chinese character 2, a
    digit 1), so a line with digits holds more characters."""
    lines, line, used = [], "", 0
    for ch in text:
        w = 1 if ch.isascii() else 2
        if used + w > width and ch not in "，。、；：）”！？":  # no line starts with these
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    return [*lines, line] if line else lines


def pdf_copy_txt(path: Path) -> Path:
    paragraphs = [
        "中共柳岸县卫生健康局党组",
        "关于县委巡察反馈意见整改情况的报告",
        "县委巡察工作领导小组：",
        "2024年4月，县委第二巡察组对县卫生健康局党组开展了巡察，5月30日反馈了巡察意见，"
        "指出2个方面3个问题。局党组坚持立行立改，现将整改情况报告如下。",
        "一、整改工作开展情况",
        "局党组成立整改工作领导小组，制定整改方案，逐项明确整改措施和完成时限，"
        "建立整改台账，实行销号管理，每月召开一次整改推进会，研究解决整改中的困难和问题。"
        "局党组书记认真履行第一责任人职责，带头研究重点难点问题，班子成员按照分工抓好"
        "分管领域的整改，各科室负责人具体落实，形成了一级抓一级、层层抓落实的工作格局。"
        "整改期间，局党组共召开专题会议5次，修订完善制度8项，对2名相关责任人进行了提醒谈话。",
        "二、反馈问题整改情况",
    ]
    n = 0
    for aspect, problems in PDF_COPY:
        paragraphs.append(aspect)
        for problem, progress, _ in problems:
            n += 1
            paragraphs.append(f"{n}.{problem}的问题。")
            paragraphs.append(progress)
    paragraphs += [
        "三、下一步工作打算",
        "局党组将持续抓好整改，巩固整改成果，推动卫生健康事业高质量发展。",
        "中共柳岸县卫生健康局党组",
        "2024年11月25日",
    ]
    lines: list[str] = []
    for text in paragraphs:
        lines += _break(text)
    # A page of 12 lines: each page break (page number, footer, the next page's running header)
    # falls in mid-sentence.
    out: list[str] = []
    pages = (len(lines) + 11) // 12
    for k, line in enumerate(lines, start=1):
        out.append(line)
        if k % 12 == 0 or k == len(lines):
            out.append(f"— {(k + 11) // 12} —")
            out.append(f"第 {(k + 11) // 12} 页 共 {pages} 页")
            if k < len(lines):
                out.append(PDF_COPY_HEADER)
    return write_txt(path, "\n".join(out) + "\n", encoding="gbk")


# ---------------------------------------------------------------------------------------------
# 7. 反馈意见: problems 1. with their 表现 "一是……二是……", 第X条 citations.

# (方面, [(问题, [表现])])
FEEDBACK = [
    (
        "一、贯彻落实党的路线方针政策和上级决策部署方面",
        [
            (
                "落实乡村振兴战略有差距",
                [
                    "衔接资金项目储备不足，2023年有4个项目因前期工作不到位未能按期开工",
                    "产业帮扶项目带动能力不强，部分项目收益分配不规范",
                ],
            ),
            (
                "落实安全生产责任不到位",
                [
                    "对辖区内小作坊安全检查流于形式",
                    "应急演练开展次数达不到《澄溪镇安全生产应急预案》第二十一条的要求",
                ],
            ),
        ],
    ),
    (
        "二、落实全面从严治党战略部署方面",
        [
            (
                "执行中央八项规定精神不严格",
                [
                    "公务用车使用登记不完整",
                    "个别村存在超标准接待的情况",
                    "违反《党政机关厉行节约反对浪费条例》第十四条的规定，会议费报销凭证不全",
                ],
            ),
        ],
    ),
]


def _feedback_lines() -> list[str]:
    lines = [
        "县委第四巡察组关于对枫林镇党委巡察情况的反馈意见",
        "枫林镇党委：",
        "根据县委统一部署，2024年3月11日至5月10日，县委第四巡察组对枫林镇党委进行了巡察。"
        "现将巡察发现的主要问题反馈如下。",
    ]
    n = 0
    for aspect, problems in FEEDBACK:
        lines.append(aspect)
        for problem, shows in problems:
            n += 1
            said = "；".join(f"{'一二三四'[k]}是{s}" for k, s in enumerate(shows))
            lines.append(f"{n}.{problem}。{said}。")
    lines += [
        "针对上述问题，巡察组提出以下整改建议：一是提高政治站位，切实扛起整改主体责任；"
        "二是完善制度机制，堵塞管理漏洞。",
        "县委第四巡察组",
        "2024年6月14日",
    ]
    return lines


def feedback_opinions(path: Path) -> Path:
    lines = _feedback_lines()
    d = docx.Document()
    title(d, lines[0])
    for line in lines[1:-2]:
        para(d, line)
    sign(d, *lines[-2:])
    official(d)
    d.save(path)
    return path


def feedback_opinions_txt(path: Path) -> Path:
    return write_txt(path, "\n\n".join(_feedback_lines()) + "\n")


# ---------------------------------------------------------------------------------------------
# 8. 方案 as .txt whose 附件 清单 is a tab-separated table with 方面 rows, full-width 序号.

TAB_PLAN = [
    (
        "一、基层治理方面",
        [
            (
                "村务公开不及时、不规范",
                "制定村务公开目录，每月10日前公开",
                "民政办",
                "2025年3月底前",
            ),
            ("村务公开不及时、不规范", "镇纪委每季度抽查一次公开情况", "镇纪委", "长期坚持"),
            ("网格员配备不足", "按每300户配备1名网格员补齐缺额", "综治中心", "2025年5月底前"),
        ],
    ),
    (
        "二、资金管理方面",
        [
            ("村级财务报账不规范", "推行村级财务“线上审批”", "财政所", "2025年4月底前"),
            (
                "集体资产租赁合同管理混乱",
                "清理到期未续签合同并重新公开招租",
                "农经站",
                "2025年6月底前",
            ),
        ],
    ),
]


def tab_annex_plan(path: Path) -> Path:
    lines = [
        "中共枫林镇委员会关于县委第四巡察组反馈意见的整改方案",
        "针对县委第四巡察组反馈的2个方面4个问题，镇党委研究制定了整改措施5条，现将整改方案印发如下。",
        "一、整改目标",
        "到2025年6月底，反馈问题全部整改到位，建立长效机制。",
        "二、整改任务",
        "整改任务详见附件问题清单。",
        "中共枫林镇委员会",
        "2024年7月2日",
        "",
        "附件",
        "枫林镇巡察反馈问题整改清单",
        "\t".join(["序号", "问题", "整改措施", "责任单位", "完成时限", "完成情况"]),
    ]
    n = 0
    last = ""
    for aspect, rows in TAB_PLAN:
        lines.append(aspect)
        for problem, measure, unit, due in rows:
            if problem != last:
                n += 1
                last = problem
            lines.append("\t".join([str(n).translate(FULL), problem, measure, unit, due, ""]))
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 9. 报告 mixing numbering styles and bracket widths; measures ending "（已完成）".

# (方面, [(问题, [(措施, 状态)])])
MIXED = [
    (
        "一、关于党建工作方面",
        [
            (
                "党支部标准化建设推进缓慢",
                [
                    ("对照标准化建设清单逐项补短板，完成活动阵地改造3处", "已完成"),
                    ("每季度开展一次支部建设质量评估", "长期坚持"),
                ],
            ),
            (
                "党员教育管理不够严格",
                [
                    ("建立党员积分管理制度", "已完成"),
                    ("对长期不参加组织生活的2名党员进行组织处置", "持续推进"),
                ],
            ),
        ],
    ),
    (
        "二、关于业务工作方面",
        [
            (
                "水利工程项目验收不及时",
                [
                    ("对已完工未验收的5个项目逐一制定验收计划", "已完成"),
                    ("建立项目完工后60日内验收制度", "已完成"),
                ],
            ),
        ],
    ),
]

MIXED_NUMBERS = ["１．", "2、", "(3)"]
MEASURE_NUMBERS = [("(1)", "(2)"), ("（1）", "（2）"), ("①", "②")]


def mixed_numbering_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共白沙县水利局党组关于县委巡察反馈问题整改情况的报告")
    para(
        d,
        "县委第五巡察组于２０２４年８月２６日向我局党组反馈了巡察意见，指出问题2个方面3个。"
        "现将整改情况报告如下。",
    )
    n = 0
    for aspect, problems in MIXED:
        para(d, aspect)
        for problem, measures in problems:
            para(d, f"{MIXED_NUMBERS[n]}{problem}的问题")
            for (measure, status), mark in zip(measures, MEASURE_NUMBERS[n], strict=True):
                para(d, f"{mark}{measure}。（{status}）")
            n += 1
    sign(d, "中共白沙县水利局党组", "２０２４年１２月２０日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 10. 方案 with numbered measures, each with its responsibility tail; deadlines written
# "２０２５年６月３０日前" and "2025年第三季度"; a header and page-number footer.

DEADLINE_PLAN = [
    (
        "（一）生态保护方面",
        "自然保护区内违规建设问题排查不彻底",
        [
            (
                "对保护区内建设项目开展全面排查，建立问题清单",
                "赵启明",
                "林业站",
                "２０２５年６月３０日前",
            ),
            ("对违规建设项目依法拆除或整改", "赵启明", "综合执法队", "2025年第三季度"),
        ],
    ),
    (
        "（二）安全生产方面",
        "森林防火责任落实不到位",
        [
            ("签订森林防火责任书，落实护林员巡山制度", "孙丽", "应急办", "2025年3月底前"),
            ("在重点林区加装视频监控点位20个", "孙丽", "应急办", "2025年10月底前"),
        ],
    ),
]


def deadline_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共石门乡委员会关于县委巡察反馈问题的整改方案")
    para(
        d,
        "县委第三巡察组反馈我乡问题2个方面2个，乡党委逐项制定整改措施4条，"
        "明确责任领导、责任单位和完成时限，现制定整改方案如下。",
    )
    para(d, "一、整改任务")
    for aspect, problem, measures in DEADLINE_PLAN:
        para(d, aspect)
        para(d, f"{problem}的问题")
        for k, (measure, leader, unit, due) in enumerate(measures, start=1):
            para(d, f"{k}.{measure}。（责任领导：{leader}；责任单位：{unit}；完成时限：{due}）")
    para(d, "二、工作要求")
    para(d, "各责任单位要强化责任担当，按时保质完成整改任务。")
    sign(d, "中共石门乡委员会", "2025年1月8日")
    page_furniture(d, "石门乡巡察整改方案")
    official(d)
    d.save(path)
    return path


DOCX_BUILDERS = {
    "part_notice": part_notice,
    "yishi_plan": yishi_plan,
    "annex_report": annex_report,
    "borderless_annex_report": borderless_annex_report,
    "borderless_annex_every_row": borderless_annex_every_row,
    "footnote_report": footnote_report,
    "two_column_notice": two_column_notice,
    "feedback_opinions": feedback_opinions,
    "mixed_numbering_report": mixed_numbering_report,
    "deadline_plan": deadline_plan,
}

TXT_BUILDERS = {
    "yishi_plan_gbk": yishi_plan_gbk,
    "pdf_copy_txt": pdf_copy_txt,
    "feedback_opinions_txt": feedback_opinions_txt,
    "tab_annex_plan": tab_annex_plan,
}
