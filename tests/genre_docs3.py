"""A third round of documents of the genre, for fictional units, in our own words: the shapes
the first two rounds (``genre_docs``, ``test_import_documents``) lack. Each builder writes a
real .docx (``python-docx``) and returns its path; ``tests/test_import_genre3.py`` imports it,
and its PDF made by LibreOffice (a real text layer), through the real command.

The shapes: a 巡视整改进展通报 published on a website ("关于……的问题。一是……二是……" with the
measures inside the prose, "已完成整改X项，完成率X%"); a 整改方案 whose problems are in a 附件
table (merged cells, vertically centred cells, a header row repeated on every page, the table
over several pages); a report with bold problem paragraphs and measures numbered 1. / （1） / ①
with details below them; an 审计整改报告 with amounts in 万元 and 4类 of problems; a 主题教育
检视问题清单 with a two-row header; a 民主生活会 查摆问题整改 report with "下步措施"; a report
whose 整改措施 and 整改成效 alternate; a 公文 with 页眉, "第 N 页 共 M 页" footers, a seal line,
"此件公开发布" and the 版记; a ledger as a Word table pasted from two tables ("续表", the header
again); full-width digits; 时限 written "6月底前"/"立行立改"/"长期坚持"/"2024年底前"; measures
numbered "1.1"; a notice stating its counts of measures; an audit table with amount columns;
a report whose 整改台账 is a landscape 附件 adding 责任单位 and 时限 to the body's measures; a
notice with "关于“……”的问题" headings over "一是……" paragraphs and "正在持续推进中".
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from genre_docs import _merge_down, para, sign, title


def official(d, size: int = 16) -> None:
    """GB/T 9704 look: the body in 16-point type with a two-character first-line indent."""
    for paragraph in d.paragraphs:
        if paragraph.alignment is None:
            paragraph.paragraph_format.first_line_indent = Pt(2 * size)
        paragraph.paragraph_format.space_after = Pt(0)
        for run in paragraph.runs:
            run.font.size = Pt(size)


def _field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def page_furniture(d, header: str) -> None:
    """A running header and a footer "第 N 页 共 M 页" (Word fields), as a unit's template has."""
    section = d.sections[0]
    section.header.paragraphs[0].text = header
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    _field(p, "PAGE")
    p.add_run(" 页 共 ")
    _field(p, "NUMPAGES")
    p.add_run(" 页")


def table_of(d, header: list[str], rows: list[list[str]], centred: bool = False, repeat=False):
    table = d.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    for i, row in enumerate(rows, start=1):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    if repeat:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    if centred:
        for row in table.rows:
            for cell in row.cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


# ---------------------------------------------------------------------------------------------
# 1. A 巡察整改进展情况的通报 as a county bureau publishes it on its website: 一、二、三 parts,
# 方面 as （一）, each problem "1.关于……的问题。一是……；二是……；三是……。" with the measures and
# their results in the prose and a status sentence at the end; the counts stated as
# "反馈问题共3个方面9个……已完成整改7项，完成率77.8%".

FOREST_PROBLEMS = [
    (
        "贯彻落实上级决策部署方面",
        [
            (
                "森林防火责任落实不到位",
                "一是修订森林防火责任制实施办法，县、乡、村三级逐级签订责任书；"
                "二是在重点林区新建视频监控点12个，实现火情自动预警；"
                "三是组织开展森林火灾扑救演练3次。目前已整改到位。",
            ),
            (
                "林长制巡林制度执行不严格",
                "一是建立林长巡林月报制度，每月通报巡林次数；二是将巡林情况纳入乡镇年度考核。"
                "该问题已完成整改，并长期坚持。",
            ),
            (
                "古树名木保护措施落实不够",
                "一是对全县古树名木逐株挂牌建档，共建档416株；二是落实管护责任人并签订管护协议。"
                "目前正在推进，计划2024年12月底前完成。",
            ),
        ],
    ),
    (
        "全面从严治党方面",
        [
            (
                "生态护林员补助发放审核不严",
                "一是对2022年以来护林员补助发放情况逐人复核，追回多发补助1.86万元；"
                "二是修订护林员选聘管理办法，实行季度考评。目前已整改到位。",
            ),
            (
                "林木采伐审批监管存在漏洞",
                "一是开展采伐许可证专项清理；二是推行采伐审批“双人踏查”制度；"
                "三是对违规审批的2名工作人员进行诫勉谈话。目前已整改到位。",
            ),
            (
                "公务接待管理不规范",
                "一是修订公务接待管理办法，严格执行接待清单制度；二是对近三年接待费用逐笔核查。"
                "目前已整改到位。",
            ),
        ],
    ),
    (
        "干部队伍和基层党组织建设方面",
        [
            (
                "年轻干部培养力度不够",
                "一是制定年轻干部培养三年计划；二是选派4名年轻干部到林场一线挂职锻炼。"
                "目前已整改到位。",
            ),
            (
                "基层林业站党建工作薄弱",
                "一是在5个林业站全面推行“党建+护林”工作法；二是每季度开展一次支部建设督查。"
                "目前已整改到位。",
            ),
            (
                "党员教育管理不够严格",
                "一是对流动党员逐一建立联系台账；二是规范党员积分管理，积分结果与评先评优挂钩。"
                "目前正在推进，计划2025年3月底前完成。",
            ),
        ],
    ),
]


def web_progress_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭县林业局党组关于县委巡察反馈意见整改进展情况的通报")
    para(
        d,
        "根据县委统一部署，2024年4月8日至6月7日，县委第三巡察组对县林业局党组开展了常规巡察。"
        "7月12日，县委第三巡察组向局党组反馈了巡察意见。按照党务公开和巡察工作有关要求，"
        "现将巡察整改进展情况予以公布。",
    )
    para(d, "一、整改工作总体情况")
    para(
        d,
        "局党组坚持把巡察整改作为一项严肃的政治任务，成立以党组书记为组长的整改工作领导小组，"
        "对照问题清单逐项明确整改措施和完成时限。县委第三巡察组反馈问题共3个方面9个，"
        "截至2024年10月31日，已完成整改7项，完成率77.8%；其余2项正在按计划推进。",
    )
    para(d, "二、巡察反馈问题整改落实情况")
    n = 0
    for k, (aspect, problems) in enumerate(FOREST_PROBLEMS):
        para(d, f"（{'一二三'[k]}）{aspect}")
        for name, body in problems:
            n += 1
            para(d, f"{n}.关于{name}的问题。{body}")
    para(d, "三、下一步工作打算")
    para(
        d,
        "局党组将坚持目标不变、标准不降、力度不减，对已完成的整改事项开展“回头看”，"
        "对尚未完成的事项倒排时间、挂图作战，确保按期全部整改到位。",
    )
    para(
        d,
        "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0871-6230456；"
        "电子邮箱：ylxlyj@example.cn。",
    )
    sign(d, "中共云岭县林业局党组", "2024年11月5日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. A 整改方案 whose problems are in a 附件 table: 序号/问题类别/存在问题/整改措施/责任领导/
# 责任科室/整改时限, 序号 and 存在问题 merged down over a problem's measures, 问题类别 merged
# over its problems, every cell centred vertically, the header row repeated on every page,
# the table running over several pages; the body states "3个方面12个问题……整改措施26条".

HEALTH_PROBLEMS = [
    (
        "党的政治建设",
        [
            (
                "学习贯彻党的创新理论不够深入，中心组学习研讨质量不高",
                [
                    "修订党委理论学习中心组学习制度，每季度确定一个研讨专题，班子成员轮流作重点发言",
                    "建立学习成果转化清单，每次集中学习后形成一项推动卫生健康工作的具体举措",
                ],
                "王建国",
                "办公室",
                "2024年6月底前",
            ),
            (
                "落实意识形态工作责任制有差距，网络舆情处置不够及时",
                [
                    "制定意识形态工作责任清单，每半年专题研究一次意识形态工作",
                    "建立卫生健康领域网络舆情24小时监测和分级处置机制",
                ],
                "王建国",
                "宣传科",
                "立行立改",
            ),
            (
                "贯彻落实公立医院党委领导下的院长负责制不够到位",
                [
                    "指导区属3家公立医院修订党委会和院长办公会议事规则",
                    "对医院“三重一大”事项决策情况开展一次专项检查",
                    "将议事规则执行情况纳入公立医院年度绩效考核",
                ],
                "刘海燕",
                "医政科",
                "2024年9月底前",
            ),
            (
                "推进基层医疗卫生服务能力提升的举措不够有力",
                [
                    "制定社区卫生服务中心服务能力提升三年行动方案",
                    "每年选派20名二级以上医院医师到社区卫生服务中心坐诊",
                ],
                "刘海燕",
                "基层卫生科",
                "长期坚持",
            ),
        ],
    ),
    (
        "全面从严治党",
        [
            (
                "医疗领域腐败问题集中整治推进不平衡",
                [
                    "对区属医疗机构药品耗材采购开展专项排查，建立问题台账逐项销号",
                    "对排查发现的问题线索按程序移交纪检监察组",
                ],
                "陈志刚",
                "医政科",
                "2024年12月底前",
            ),
            (
                "财务管理制度执行不严格，部分支出审批手续不全",
                [
                    "修订机关财务管理办法，明确各类支出的审批权限和流程",
                    "对2022年以来的支出凭证开展一次全面自查，补齐审批手续",
                ],
                "陈志刚",
                "财务科",
                "6月底前",
            ),
            (
                "公务用车使用管理不规范",
                [
                    "严格执行公务用车派车单和用车登记制度，每月公示用车情况",
                    "对公务用车加装定位系统，实行轨迹抽查",
                ],
                "陈志刚",
                "办公室",
                "立行立改",
            ),
            (
                "基建项目监管存在薄弱环节",
                [
                    "对在建的2个基建项目开展工程质量和资金使用专项审计",
                    "建立基建项目全过程监管台账，实行月报告制度",
                ],
                "赵明",
                "规划发展科",
                "2024年底前",
            ),
        ],
    ),
    (
        "领导班子和干部队伍建设",
        [
            (
                "干部交流轮岗不够经常，部分重要岗位人员任职时间过长",
                [
                    "制定机关干部交流轮岗实施办法",
                    "对在同一重要岗位任职满5年的干部有计划地进行轮岗",
                ],
                "王建国",
                "人事科",
                "2024年10月底前",
            ),
            (
                "年轻干部培养选拔力度不够",
                [
                    "建立优秀年轻干部储备库，实行动态管理",
                    "每年选派年轻干部到医院、社区卫生服务中心跟班锻炼",
                ],
                "王建国",
                "人事科",
                "长期坚持",
            ),
            (
                "基层党组织“三会一课”制度落实不够规范",
                [
                    "开展支部组织生活专项检查，对记录不全的支部限期整改",
                    "每季度通报各支部组织生活开展情况",
                ],
                "刘海燕",
                "机关党委",
                "立行立改",
            ),
            (
                "党员干部日常监督管理偏松偏软",
                [
                    "建立谈心谈话和提醒谈话台账，班子成员每半年与分管科室负责人谈话一次",
                    "运用监督执纪“第一种形态”，对苗头性问题及时提醒纠正",
                    "每年开展一次警示教育活动",
                ],
                "陈志刚",
                "机关党委",
                "长期坚持",
            ),
        ],
    ),
]


def health_plan_rows() -> list[list[str]]:
    rows = []
    n = 0
    for aspect, problems in HEALTH_PROBLEMS:
        for problem, measures, leader, unit, due in problems:
            n += 1
            for k, measure in enumerate(measures, start=1):
                rows.append([str(n), aspect, problem, f"{k}.{measure}", leader, unit, due])
    return rows


def attachment_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共青溪区卫生健康委员会委员会关于区委巡察反馈问题的整改方案")
    para(
        d,
        "2024年3月，区委第二巡察组向区卫生健康委党委反馈了巡察意见，共指出3个方面12个问题。"
        "为切实抓好整改落实，结合我委实际，制定本方案。",
    )
    para(d, "一、指导思想")
    para(
        d,
        "坚持以习近平新时代中国特色社会主义思想为指导，把巡察整改作为检验“四个意识”的重要标尺，"
        "坚持问题导向，以整改实效推动卫生健康事业高质量发展。",
    )
    para(d, "二、整改目标")
    para(
        d,
        "针对巡察反馈的问题，逐条细化整改措施26条，明确责任领导、责任科室和完成时限，"
        "确保2024年12月底前全面完成集中整改。",
    )
    para(d, "三、组织领导")
    para(
        d,
        "成立巡察整改工作领导小组，由委党委书记、主任王建国任组长，委党委委员、副主任刘海燕、"
        "陈志刚任副组长，各科室负责人为成员。领导小组办公室设在办公室。",
    )
    para(d, "四、整改任务")
    para(d, "对巡察反馈的问题，逐项明确整改措施、责任领导、责任科室和整改时限，详见附件。")
    para(d, "五、工作要求")
    para(
        d,
        "各责任科室要按照时间节点抓好落实，每月向领导小组办公室报送整改进展；"
        "领导小组办公室对整改情况进行跟踪督办，对整改不力的严肃问责。",
    )
    sign(d, "中共青溪区卫生健康委员会委员会", "2024年4月2日")
    d.add_page_break()
    para(d, "附件")
    title(d, "区卫生健康委巡察反馈问题整改清单")
    header = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任科室", "整改时限"]
    rows = health_plan_rows()
    table = table_of(d, header, rows, centred=True, repeat=True)
    # Merge 序号/存在问题 over a problem's measures and 问题类别 over its problems (the text
    # stays in the first cell only, as Word keeps it after a merge).
    for col in (0, 1, 2, 4, 5, 6):
        start = 1
        for i in range(2, len(rows) + 2):
            key = (
                rows[i - 1][col] if i <= len(rows) else None,
                rows[i - 1][0] if i <= len(rows) and col != 1 else None,
            )
            prev = (rows[start - 1][col], rows[start - 1][0] if col != 1 else None)
            if i <= len(rows) and key == prev:
                continue
            if i - 1 > start:
                for r in range(start + 1, i):
                    table.cell(r, col).text = ""
                merged = table.cell(start, col).merge(table.cell(i - 1, col))
                merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            start = i
    official(d, size=14)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. A 整改情况报告 whose problems are bold paragraphs of their own (no number) and whose
# measures are numbered 1. under one problem, （1） under another, ① under a third, some with
# details numbered one level deeper; a status sentence closes each problem.


def _bold(d, text: str):
    p = d.add_paragraph()
    p.add_run(text).bold = True
    return p


def bold_problem_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共石门镇委员会关于县委巡察反馈意见整改落实情况的报告")
    para(d, "县委巡察工作领导小组：")
    para(
        d,
        "2024年5月，县委第一巡察组向石门镇党委反馈了巡察意见。镇党委高度重视，逐项抓好整改。"
        "现将整改落实情况报告如下：",
    )
    para(d, "一、落实党的路线方针政策方面")
    _bold(d, "乡村振兴产业项目带动作用不明显的问题")
    para(d, "1.对全镇8个产业项目逐一开展效益评估，对2个效益较差的项目调整经营主体。已完成。")
    para(d, "2.建立产业项目联农带农利益联结机制。")
    para(d, "（1）推行“合作社+农户”模式，吸纳农户入股326户；")
    para(d, "（2）项目收益按比例分配到户，全年分红18.6万元。")
    para(d, "3.将产业项目运营情况纳入村干部年度考核。已完成。")
    para(d, "目前该问题已整改到位。")
    _bold(d, "耕地保护责任落实不严的问题")
    para(d, "（1）开展耕地“非农化”专项排查，整改违法占用耕地图斑14宗；")
    para(d, "（2）建立镇村两级田长制，明确田长56名；")
    para(d, "（3）每月开展一次耕地卫片执法巡查。")
    para(d, "目前正在推进，计划2024年12月底前完成。")
    para(d, "二、全面从严治党方面")
    _bold(d, "村级财务管理不规范的问题")
    para(d, "①对全镇12个村2022年以来的财务收支开展专项审计；")
    para(d, "②推行村级财务“线上审批”，取消村级现金支付；")
    para(d, "③对审计发现的白条入账问题责令限期整改，收回违规支出资金2.3万元。")
    para(d, "目前已整改到位。")
    _bold(d, "作风建设存在薄弱环节的问题")
    para(d, "1.制定机关干部考勤管理办法，实行每日线上打卡。")
    para(d, "2.开展作风建设专项督查，对督查发现的3名干部进行提醒谈话。")
    para(d, "该问题需长期坚持。")
    sign(d, "中共石门镇委员会", "2024年9月10日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 4. An 审计整改报告: problems "4类11个" stated with amounts in 万元, each problem
# "1.……，涉及金额X万元。整改情况：……。" with its status, the amounts kept in the text.

AUDIT_CLASSES = [
    (
        "预算管理方面",
        [
            (
                "部分项目预算编制不细化，年初未细化到具体项目的资金560万元",
                "已将560万元细化到具体项目并报区财政局备案。已整改。",
            ),
            (
                "结转结余资金未及时清理，涉及金额128.4万元",
                "已清理结转结余资金128.4万元，全部上缴区财政统筹使用。已整改。",
            ),
            (
                "项目支出进度缓慢，2个项目执行率低于50%",
                "建立项目支出进度月通报制度，督促项目单位加快实施。正在整改，计划2025年3月底前完成。",
            ),
        ],
    ),
    (
        "财务管理方面",
        [
            (
                "超范围列支培训费，涉及金额6.25万元",
                "已追回超范围列支的培训费6.25万元，对相关责任人进行约谈。已整改。",
            ),
            (
                "往来款项长期挂账未清理，涉及金额236.8万元",
                "已清理挂账资金180万元，剩余56.8万元正在核实，计划2024年12月底前清理完毕。正在整改。",
            ),
            (
                "个别支出未取得合规票据，涉及金额3.9万元",
                "已补充取得合规票据3.9万元。已整改。",
            ),
        ],
    ),
    (
        "政府采购方面",
        [
            ("政府采购项目验收不规范，涉及项目5个", "已补充完善5个项目的验收材料。已整改。"),
            (
                "未按规定编制政府采购意向公开，涉及金额420万元",
                "已补充公开采购意向，并修订采购内控制度。已整改。",
            ),
        ],
    ),
    (
        "国有资产管理方面",
        [
            (
                "固定资产账实不符，涉及金额85.6万元",
                "已全面盘点固定资产，调整账务85.6万元。已整改。",
            ),
            ("资产出租未履行审批程序，涉及金额12万元", "已补办资产出租审批手续。已整改。"),
            (
                "闲置资产未及时盘活处置，涉及金额152.4万元",
                "已调剂使用闲置资产92万元，其余资产正在履行处置程序。正在整改。",
            ),
        ],
    ),
]


def audit_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "梅山区教育局关于2023年度预算执行情况审计发现问题整改情况的报告")
    para(d, "区审计局：")
    para(
        d,
        "2024年5月至7月，区审计局对我局2023年度预算执行情况进行了审计。审计发现问题4类11个，"
        "涉及金额1,793.35万元。截至2024年10月31日，已整改8个，整改率72.7%，"
        "已整改金额1,391.35万元。现将整改情况报告如下：",
    )
    n = 0
    for k, (aspect, problems) in enumerate(AUDIT_CLASSES):
        para(d, f"{'一二三四'[k]}、{aspect}")
        for problem, result in problems:
            n += 1
            para(d, f"{n}.{problem}。")
            para(d, f"整改情况：{result}")
    sign(d, "梅山区教育局", "2024年11月4日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. A 主题教育 检视问题清单 as a table with a two-row header ("整改措施" over "具体措施 / 责任人
# / 完成时限"), 时限 written "6月底前", "长期坚持", "立行立改", "2024年底前", and the progress
# column holding the status.


def theme_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共北岸区发展和改革局党组主题教育检视问题整改清单")
    rows = [
        [
            "1",
            "理论学习",
            "学习贯彻党的创新理论不够系统",
            "制定党组理论学习中心组年度学习计划",
            "周明",
            "6月底前",
            "已完成",
        ],
        [
            "2",
            "理论学习",
            "运用理论指导发展改革工作不够",
            "围绕重大项目谋划开展专题调研4次",
            "周明",
            "2024年底前",
            "正在推进",
        ],
        [
            "3",
            "担当作为",
            "推进重大项目前期工作办法不多",
            "建立重大项目前期工作周调度机制",
            "吴涛",
            "立行立改",
            "已完成",
        ],
        [
            "4",
            "担当作为",
            "优化营商环境举措落实不够到位",
            "开展涉企收费专项清理，公布收费目录清单",
            "吴涛",
            "9月底前",
            "已完成",
        ],
        [
            "5",
            "作风建设",
            "调查研究不够深入",
            "班子成员每季度到基层蹲点调研不少于1次",
            "郑红",
            "长期坚持",
            "长期坚持",
        ],
        [
            "6",
            "作风建设",
            "文山会海问题仍有反弹",
            "严控发文数量，会议时间一般不超过1小时",
            "郑红",
            "长期坚持",
            "长期坚持",
        ],
    ]
    table = d.add_table(rows=2 + len(rows), cols=7)
    table.style = "Table Grid"
    top = ["序号", "类别", "检视出的问题", "整改措施", "", "", "整改进展"]
    sub = ["", "", "", "具体措施", "责任人", "完成时限", ""]
    for j in range(7):
        table.cell(0, j).text = top[j]
        table.cell(1, j).text = sub[j]
    table.cell(0, 3).merge(table.cell(0, 5)).text = "整改措施"
    for j in (0, 1, 2, 6):
        table.cell(0, j).merge(table.cell(1, j))
    for i, row in enumerate(rows, start=2):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for first in (2, 4, 6):
        table.cell(first + 1, 1).text = ""
        _merge_down(table, 1, first, first + 1)
    sign(d, "中共北岸区发展和改革局党组", "2024年3月20日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. A 民主生活会 查摆问题整改落实情况报告: "（一）查摆问题：……" with "整改措施：一是……二是……",
# "整改成效：……" and "下步措施：……" (what will still be done).


def life_meeting_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共东湖区司法局党组领导班子民主生活会查摆问题整改落实情况的报告")
    para(
        d,
        "局党组领导班子在2023年度民主生活会上共查摆问题3个方面4个，会后逐项制定整改措施，"
        "目前已整改完成3个。现将整改落实情况报告如下：",
    )
    para(d, "一、在学习贯彻党的创新理论方面")
    para(d, "（一）查摆问题：理论学习与法治实践结合不够紧密。")
    para(
        d,
        "整改措施：一是坚持党组会议“第一议题”制度，全年开展专题学习24次；"
        "二是围绕行政执法协调监督开展专题调研，形成调研报告3篇。",
    )
    para(d, "整改成效：班子成员运用理论指导工作的能力有所提升。已整改完成。")
    para(d, "二、在担当作为方面")
    para(d, "（二）查摆问题：推进公共法律服务体系建设力度不够。")
    para(
        d,
        "整改措施：一是在全区8个街道建成公共法律服务工作站；二是推行“线上+线下”法律咨询服务。",
    )
    para(d, "整改成效：全年提供法律咨询1.2万人次。已整改完成。")
    para(d, "（三）查摆问题：矛盾纠纷多元化解机制不够健全。")
    para(d, "整改措施：一是完善人民调解、行政调解、司法调解联动机制；二是培训专职调解员60名。")
    para(d, "整改成效：调解成功率提升至96%。正在推进。")
    para(d, "下步措施：推动调解组织向重点行业延伸；建立调解案例库。")
    para(d, "三、在落实全面从严治党责任方面")
    para(d, "（四）查摆问题：对基层司法所日常监督不够。")
    para(
        d,
        "整改措施：一是制定司法所规范化建设考核办法；二是每半年对司法所开展一次综合督查。",
    )
    para(d, "整改成效：已完成对12个司法所的督查。已整改完成。")
    sign(d, "中共东湖区司法局党组", "2024年6月18日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 7. A report whose measures and results alternate under each problem: "整改措施：……" then
# "整改成效：……", again and again, the status at the end.


def alternating_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共南川区市场监督管理局党组关于区委巡察反馈问题整改情况的报告")
    para(
        d,
        "2024年4月，区委第四巡察组向我局党组反馈了巡察意见。现将整改情况报告如下：",
    )
    para(d, "一、履行市场监管职责方面")
    para(d, "（一）食品安全监管存在盲区的问题")
    para(d, "整改措施：对全区校园食堂开展全覆盖检查。")
    para(d, "整改成效：检查校园食堂146家，督促整改问题37个。")
    para(d, "整改措施：建立农村集体聚餐申报备案制度。")
    para(d, "整改成效：备案农村集体聚餐1,280次，未发生食品安全事故。")
    para(d, "整改措施：在农贸市场设立食品快检室。")
    para(d, "整改成效：建成快检室6个，全年快检样品9,600批次。")
    para(d, "目前已整改到位。")
    para(d, "（二）特种设备安全隐患排查不彻底的问题")
    para(d, "整改措施：开展电梯安全隐患专项排查。")
    para(d, "整改成效：排查电梯3,412台，整改隐患215处。")
    para(d, "整改措施：推行电梯“保险+服务”新模式。")
    para(d, "整改成效：已在12个小区试点。")
    para(d, "目前正在推进，计划2025年6月底前完成。")
    para(d, "二、全面从严治党方面")
    para(d, "（三）行政处罚自由裁量权行使不规范的问题")
    para(d, "整改措施：修订行政处罚裁量基准。")
    para(d, "整改成效：新裁量基准已于2024年8月1日起施行。")
    para(d, "整改措施：开展行政处罚案卷评查。")
    para(d, "整改成效：评查案卷120卷，纠正问题案卷8卷。")
    para(d, "目前已整改到位。")
    sign(d, "中共南川区市场监督管理局党组", "2024年10月9日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 8. A 公文 as printed and published: a running header with the unit's name, a footer
# "第 N 页 共 M 页", the 落款 with the seal line "（盖章）", "（此件公开发布）" and the 版记
# (抄送, 印发) — none of which is a problem or a measure. Problems "问题一：", measures "（1）".


def sealed_report(path: Path) -> Path:
    d = docx.Document()
    page_furniture(d, "青川县教育局巡察整改工作专报")
    title(d, "中共青川县教育局党组关于县委巡察反馈问题整改情况的报告")
    para(d, "县委巡察工作领导小组：")
    para(
        d,
        "2024年3月18日，县委第二巡察组向县教育局党组反馈了巡察意见，指出问题共5个。"
        "截至目前，已全部整改到位。现将有关情况报告如下：",
    )
    para(d, "一、巡察反馈问题整改情况")
    items = [
        (
            "落实“双减”政策监管不到位",
            [
                "（1）开展校外培训机构专项治理，关停无证培训机构9家；",
                "（2）建立校外培训监管联席会议制度，每季度召开一次。",
            ],
            "目前已整改到位。",
        ),
        (
            "学校食堂财务管理不规范",
            [
                "（1）对全县42所学校食堂账目开展专项审计；",
                "（2）推行食堂食材集中采购，降低采购成本12%。",
            ],
            "目前已整改到位。",
        ),
        (
            "教师招聘程序不够规范",
            ["（1）修订教师公开招聘实施办法；", "（2）招聘全过程接受纪检监察组监督。"],
            "目前已整改到位。",
        ),
        (
            "校舍安全隐患排查不彻底",
            [
                "（1）聘请第三方机构对全县校舍开展安全鉴定，排查隐患63处；",
                "（2）已完成隐患整改63处，建立校舍安全年检制度。",
            ],
            "目前已整改到位。",
        ),
        (
            "师德师风考核流于形式",
            ["（1）制定师德师风负面清单；", "（2）将师德考核结果与职称评聘、评优评先挂钩。"],
            "目前已整改到位。",
        ),
    ]
    for k, (problem, measures, state) in enumerate(items):
        para(d, f"问题{'一二三四五'[k]}：{problem}。")
        for m in measures:
            para(d, m)
        para(d, state)
    para(d, "二、下一步工作打算")
    para(d, "局党组将持续巩固整改成果，建立健全长效机制，防止问题反弹回潮。")
    sign(d, "中共青川县教育局党组", "（盖章）", "2024年7月12日")
    para(d, "（此件公开发布）")
    para(d, "抄送：县纪委监委第二派驻纪检监察组。")
    para(d, "青川县教育局办公室　　　　　　　　　　2024年7月12日印发")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 9. A 整改台账 kept as a Word table and published: two tables pasted one after the other,
# "（续表）" between them, the second repeating the header row; a 方面 row merged across.


def continued_tables(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共西江街道工作委员会巡察整改台账")
    header = ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "完成情况"]

    def add(rows: list[list[str]]):
        table = d.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
        for row in rows:
            cells = table.add_row().cells
            if len(row) == 1:
                cells[0].merge(cells[-1]).text = row[0]
                continue
            for cell, text in zip(cells, row, strict=True):
                cell.text = text

    add(
        [
            ["一、基层党建方面"],
            [
                "1",
                "社区党组织书记队伍老化",
                "选优配强社区党组织书记，调整3名",
                "黄磊",
                "党建办",
                "2024年8月底前",
                "已完成",
            ],
            [
                "2",
                "党员发展程序不规范",
                "逐份复查近五年发展党员档案",
                "黄磊",
                "党建办",
                "2024年9月底前",
                "已完成",
            ],
            [
                "3",
                "网格党建作用发挥不够",
                "在128个网格建立党小组",
                "黄磊",
                "党建办",
                "长期坚持",
                "长期坚持",
            ],
        ]
    )
    para(d, "（续表）", align=WD_ALIGN_PARAGRAPH.RIGHT)
    add(
        [
            ["二、民生服务方面"],
            [
                "4",
                "老旧小区加装电梯推进缓慢",
                "建立加装电梯“一站式”服务窗口",
                "林涛",
                "城管办",
                "2024年12月底前",
                "正在推进",
            ],
            [
                "5",
                "社区养老服务供给不足",
                "新建社区养老服务站2个",
                "林涛",
                "社会事务办",
                "2025年6月底前",
                "正在推进",
            ],
        ]
    )
    sign(d, "中共西江街道工作委员会", "2024年10月15日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 10. A notice typed with full-width digits mixed with half-width ones: "１．", "（２）",
# "２０２４年６月底前", "整改率１００％" — as documents typed in a Chinese input method have them.


def fullwidth_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共鹤山县文化和旅游局党组关于巡察整改进展情况的通报")
    para(
        d,
        "根据县委统一部署，县委第一巡察组于２０２４年３月对县文化和旅游局党组开展了巡察，"
        "４月２６日反馈了巡察意见。反馈问题共２个方面４个，已整改３个，整改率７５％。"
        "现将整改进展情况通报如下：",
    )
    para(d, "一、党的建设方面")
    para(
        d,
        "１．党组理论学习中心组学习不规范的问题。整改情况：修订中心组学习规则，全年开展专题研讨６次。已整改到位。",
    )
    para(
        d,
        "2．意识形态阵地管理存在漏洞的问题。整改情况：对全县１８个文化场馆宣传阵地开展排查，建立审核台账。已整改到位。",
    )
    para(d, "二、业务工作方面")
    para(
        d,
        "３．文物安全巡查不到位的问题。整改情况：为２６处文物保护单位配备文物安全员，每月巡查一次。已整改到位。",
    )
    para(
        d,
        "４．旅游市场监管不够有力的问题。整改情况：开展旅游市场专项整治，查处违规经营行为１１起，"
        "正在推进，计划２０２４年１２月底前完成。",
    )
    sign(d, "中共鹤山县文化和旅游局党组", "２０２４年９月６日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 11. A plan whose measures end in tails naming 时限 every way a plan writes them: "6月底前"
# (no year: the plan's year), "立行立改、长期坚持", "2024年底前", "长期坚持", a date.


def deadline_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共临水县审计局党组巡察反馈意见整改方案")
    para(
        d,
        "2024年2月26日，县委第五巡察组向县审计局党组反馈了巡察意见。为抓好整改落实，制定本方案。",
    )
    para(d, "一、整改任务")
    para(d, "（一）落实审计监督职责不到位的问题")
    para(
        d,
        "1.制定年度审计项目计划编制规程，审计项目全部纳入计划管理。（责任领导：孙立；责任股室：法规审理股；完成时限：6月底前）",
    )
    para(
        d,
        "2.建立审计发现问题整改跟踪台账，逐项对账销号。（责任领导：孙立；责任股室：法规审理股；完成时限：立行立改、长期坚持）",
    )
    para(d, "（二）审计质量控制不严的问题")
    para(
        d,
        "1.落实审计项目三级复核制度。（责任领导：陈芳；责任股室：法规审理股；完成时限：2024年底前）",
    )
    para(
        d,
        "2.每年开展一次审计质量检查，评选优秀审计项目。（责任领导：陈芳；责任股室：办公室；完成时限：长期坚持）",
    )
    para(d, "（三）干部教育培训针对性不强的问题")
    para(
        d,
        "1.制定干部教育培训三年规划。（责任领导：孙立；责任股室：人事股；完成时限：2024年5月31日前）",
    )
    para(
        d,
        "2.每年组织审计业务培训不少于4期。（责任领导：孙立；责任股室：人事股；完成时限：9月底前）",
    )
    para(d, "二、工作要求")
    para(d, "各责任股室要严格按照时限要求完成整改任务，每月5日前向局办公室报送整改进展。")
    sign(d, "中共临水县审计局党组", "2024年3月8日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 12. A company's report with measures numbered "1.1" "1.2" under problem "1." and "一、" 方面.


def decimal_numbered_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共华岳能源有限公司委员会关于巡视反馈问题整改情况的报告")
    para(d, "集团公司党委：")
    para(d, "2024年4月，集团公司党委第三巡视组向公司党委反馈了巡视意见。现将整改情况报告如下：")
    para(d, "一、党的领导和经营发展方面")
    para(d, "1.安全生产主体责任落实不到位的问题")
    para(d, "1.1 修订安全生产责任制，明确各岗位安全职责。已完成。")
    para(d, "1.2 开展安全隐患大排查，整改隐患187项。已完成。")
    para(d, "1.3 建立安全生产“双重预防”机制。正在推进，计划2024年12月底前完成。")
    para(d, "2.投资项目后评价工作开展不够的问题")
    para(d, "2.1 制定投资项目后评价管理办法。已完成。")
    para(d, "2.2 对近三年完成的5个投资项目开展后评价。已完成。")
    para(d, "二、全面从严治党方面")
    para(d, "3.物资采购管理存在廉洁风险的问题")
    para(d, "3.1 推行物资采购电子化招标，实现全流程留痕。已完成。")
    para(d, "3.2 建立供应商黑名单制度，清退不良供应商6家。已完成。")
    sign(d, "中共华岳能源有限公司委员会", "2024年9月27日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 13. A notice stating counts of problems and of measures: "反馈问题2个方面5个，细化整改措施
# 11条……已完成整改问题4个，完成整改措施9条，措施完成率81.8%" (sentences after the first).


def measure_counts_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共平湖县医疗保障局党组关于县委巡察整改进展情况的通报")
    para(
        d,
        "县委第四巡察组于2024年5月对县医疗保障局党组开展了巡察，6月20日反馈了巡察意见。"
        "反馈问题2个方面5个，局党组细化整改措施11条。截至2024年10月底，已完成整改问题4个，"
        "完成整改措施9条，措施完成率81.8%。现将整改进展情况通报如下：",
    )
    para(d, "一、医保基金监管方面")
    para(d, "（一）关于定点医药机构监督检查覆盖面不广的问题")
    para(
        d,
        "一是对全县312家定点医药机构开展全覆盖检查；二是引入第三方力量参与检查；三是建立检查结果公示制度。目前已整改到位。",
    )
    para(d, "（二）关于欺诈骗保问题查处不够有力的问题")
    para(
        d,
        "一是开展打击欺诈骗保专项行动，追回医保基金86.3万元；二是建立举报奖励制度。目前已整改到位。",
    )
    para(d, "（三）关于医保智能监控系统应用不充分的问题")
    para(
        d,
        "一是完善智能监控规则库；二是对疑点数据实行每周筛查。目前正在推进，计划2024年12月底前完成。",
    )
    para(d, "二、党的建设方面")
    para(d, "（四）关于支部主题党日活动形式单一的问题")
    para(
        d, "一是制定主题党日活动年度计划；二是开展“医保政策进村入户”志愿服务12次。目前已整改到位。"
    )
    para(d, "（五）关于党风廉政教育不够经常的问题")
    para(d, "一是每季度开展一次廉政教育；二是组织观看警示教育片。目前已整改到位。")
    sign(d, "中共平湖县医疗保障局党组", "2024年11月12日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 14. An audit table with amount columns in 万元 and the result column: 序号/审计发现的问题/
# 问题金额（万元）/整改措施/已整改金额（万元）/整改情况/责任单位.


def audit_amount_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "溪口县农业农村局2023年度经济责任审计发现问题整改情况表")
    header = [
        "序号",
        "审计发现的问题",
        "问题金额（万元）",
        "整改措施",
        "已整改金额（万元）",
        "整改情况",
        "责任单位",
    ]
    rows = [
        [
            "1",
            "高标准农田建设项目资金拨付滞后",
            "320.00",
            "建立项目资金拨付台账，按进度及时拨付",
            "320.00",
            "已整改",
            "计划财务股",
        ],
        [
            "2",
            "农机购置补贴审核不严，多发补贴",
            "4.56",
            "追回多发补贴资金，完善补贴审核流程",
            "4.56",
            "已整改",
            "农机股",
        ],
        [
            "3",
            "项目结余资金未及时上缴",
            "58.20",
            "清理项目结余资金并上缴县财政",
            "40.00",
            "正在整改，剩余资金计划2024年12月底前上缴",
            "计划财务股",
        ],
        ["4", "固定资产未及时入账", "12.80", "对未入账资产登记入账", "12.80", "已整改", "办公室"],
    ]
    table_of(d, header, rows)
    para(d, "审计发现问题共4个，已整改3个。")
    sign(d, "溪口县农业农村局", "2024年10月28日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 15. A report whose body tells each problem's measures and results, with a 附件 整改台账 on a
# landscape page (责任单位, 完成时限, 完成情况 per measure, 问题 merged down, cells centred):
# the table fills in what the body does not say.

LANDSCAPE_ROWS = [
    [
        "1",
        "河道保洁长效机制不健全",
        "1.建立河道保洁网格化责任制",
        "河湖管理站",
        "2024年5月底前",
        "已完成",
    ],
    [
        "1",
        "河道保洁长效机制不健全",
        "2.每月开展一次河道保洁考核",
        "河湖管理站",
        "长期坚持",
        "长期坚持",
    ],
    [
        "2",
        "农村饮水安全工程运维不到位",
        "1.对全镇28处供水工程开展水质检测",
        "供水管理站",
        "2024年6月底前",
        "已完成",
    ],
    [
        "2",
        "农村饮水安全工程运维不到位",
        "2.落实供水工程管护经费",
        "财政所",
        "2024年12月底前",
        "正在推进",
    ],
]


def report_with_landscape_ledger(path: Path) -> Path:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    d = docx.Document()
    title(d, "中共清河镇委员会关于水利专项巡察反馈问题整改情况的报告")
    para(d, "县委巡察工作领导小组：")
    para(
        d, "2024年3月，县委第六巡察组对我镇开展了水利专项巡察，反馈问题2个。现将整改情况报告如下："
    )
    para(d, "一、河湖管护方面")
    para(d, "（一）河道保洁长效机制不健全的问题")
    para(d, "1.建立河道保洁网格化责任制。全镇河道划分为36个网格，明确网格责任人。已完成。")
    para(d, "2.每月开展一次河道保洁考核。考核结果与保洁经费挂钩。需长期坚持。")
    para(d, "二、农村供水方面")
    para(d, "（二）农村饮水安全工程运维不到位的问题")
    para(d, "1.对全镇28处供水工程开展水质检测。检测合格率100%。已完成。")
    para(d, "2.落实供水工程管护经费。已申请县级补助资金15万元，正在推进。")
    para(d, "整改台账详见附件。")
    sign(d, "中共清河镇委员会", "2024年8月20日")
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    para(d, "附件")
    title(d, "清河镇水利专项巡察反馈问题整改台账")
    header = ["序号", "反馈问题", "整改措施", "责任单位", "完成时限", "完成情况"]
    table = table_of(d, header, LANDSCAPE_ROWS, centred=True)
    for col in (0, 1):
        for first in (1, 3):
            table.cell(first + 1, col).text = ""
            table.cell(first, col).merge(table.cell(first + 1, col))
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 16. A city bureau's notice: problems as headings "1．关于“……”的问题", measures as paragraphs
# "一是……" of their own (or two in one paragraph), "该问题正在持续推进中，预计……完成",
# "整改进展：……。已整改完毕。", and the counts "3个方面8个问题中，已完成整改6个……75%".

CITY_NOTICE = [
    (
        "在贯彻落实党中央决策部署方面",
        [
            (
                "大气污染防治攻坚力度不够",
                [
                    "一是制定大气污染防治攻坚行动方案，明确42项重点任务。",
                    "二是对全市127家涉气企业开展执法检查，立案查处违法行为15起。",
                    "三是建立空气质量日通报制度。",
                    "该问题已完成整改。",
                ],
            ),
            (
                "固体废物监管存在短板",
                [
                    "一是开展危险废物规范化管理评估；二是建成固体废物信息化监管平台。"
                    "该问题正在持续推进中，预计2025年6月底前完成。",
                ],
            ),
        ],
    ),
    (
        "在落实全面从严治党责任方面",
        [
            (
                "监督检查廉政风险防控不到位",
                [
                    "整改进展：修订执法监督检查廉政风险防控办法，对执法人员开展廉政谈话46人次。已整改完毕。",
                ],
            ),
            (
                "公务接待不规范",
                [
                    "整改进展：对2023年以来的公务接待开展自查，清退超标准接待费用0.35万元。已整改到位。"
                ],
            ),
            ("会议费管理不严", ["整改进展：修订会议费管理办法，严格会议审批。已整改到位。"]),
        ],
    ),
    (
        "在加强领导班子和干部队伍建设方面",
        [
            ("干部培训针对性不强", ["整改进展：制定年度培训计划，开展专题培训5期。已整改到位。"]),
            (
                "基层党支部组织生活不规范",
                ["整改进展：开展组织生活专项检查，对3个支部进行约谈。已整改到位。"],
            ),
            ("年轻干部储备不足", ["整改进展：建立年轻干部储备库，已入库28人。持续推进。"]),
        ],
    ),
]


def city_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共江城市生态环境局党组关于市委巡察整改进展情况的通报")
    para(
        d,
        "根据市委统一部署，2024年4月至5月，市委第二巡察组对市生态环境局党组开展了巡察，"
        "并于6月28日反馈了巡察意见。现将整改进展情况通报如下。",
    )
    para(d, "一、整改工作开展情况")
    para(
        d,
        "局党组把抓好巡察整改作为重大政治任务，召开专题会议研究部署。市委第二巡察组反馈的3个方面"
        "8个问题中，已完成整改6个，正在整改2个，整改完成率75%。",
    )
    para(d, "二、巡察反馈问题整改落实情况")
    n = 0
    for k, (aspect, problems) in enumerate(CITY_NOTICE):
        para(d, f"（{'一二三'[k]}）{aspect}")
        for name, lines in problems:
            n += 1
            para(d, f"{n}．关于“{name}”的问题")
            for line in lines:
                para(d, line)
    para(d, "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-1234567。")
    sign(d, "中共江城市生态环境局党组", "2024年10月18日")
    official(d)
    d.save(path)
    return path


BUILDERS = {
    "网站进展通报": web_progress_notice,
    "附件清单方案": attachment_plan,
    "加粗问题报告": bold_problem_report,
    "审计整改报告": audit_report,
    "两行表头清单": theme_list,
    "民主生活会整改报告": life_meeting_report,
    "措施成效交替报告": alternating_report,
    "盖章版记报告": sealed_report,
    "续表台账": continued_tables,
    "全角数字通报": fullwidth_notice,
    "时限写法方案": deadline_plan,
    "小数编号报告": decimal_numbered_report,
    "措施数通报": measure_counts_notice,
    "审计金额表": audit_amount_table,
    "横排附件台账报告": report_with_landscape_ledger,
    "市局巡察进展通报": city_notice,
}
