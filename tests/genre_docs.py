"""Documents of the genre as they are published, for fictional units, written here in our own
words: each builder writes a real .docx/.txt (a PDF is made from a .docx by LibreOffice in the
test that needs it) and returns its path. ``tests/test_import_genre.py`` imports every one
through the real command and checks the ledger a clerk would expect.

The shapes are the ones met on government and company websites: a 县 notice with 一、二、三
parts and "1.…问题。整改情况：…" paragraphs; a 市 审计整改 公告 with a table; a 国企 report with
"关于…的问题" paragraphs; a 学校 problem list as a table with merged cells; a plan with inline
"问题：…措施：…时限：…责任单位：…" labels; a web page pasted as text (full-width indents,
broken lines, the page's own furniture); a 检视剖析材料; a report stating its counts.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def para(d, text: str, bold: str = "", align=None, size=None):
    p = d.add_paragraph()
    if bold:
        p.add_run(bold).bold = True
    if text:
        p.add_run(text)
    if align is not None:
        p.alignment = align
    return p


def title(d, text: str) -> None:
    para(d, text, align=WD_ALIGN_PARAGRAPH.CENTER)


def sign(d, *lines: str) -> None:
    for line in lines:
        para(d, line, align=WD_ALIGN_PARAGRAPH.RIGHT)


def write_txt(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ---------------------------------------------------------------------------------------------
# 1. A 县 unit's notice of its 巡察 rectification progress (docx): 一、二、三 parts, 方面 as
# （一）, problems "1.……问题。整改情况：……", the counts stated in the first part.


def county_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共青禾县农业农村局党组关于县委第二巡察组巡察反馈意见整改进展情况的通报")
    para(
        d,
        "根据县委统一部署，2024年3月11日至5月10日，县委第二巡察组对县农业农村局党组开展了常规巡察。"
        "6月14日，巡察组向局党组反馈了巡察意见。按照巡察工作有关要求，现将整改进展情况予以公布。",
    )
    para(d, "一、整改工作总体情况")
    para(
        d,
        "局党组把巡察整改作为重要政治任务，成立由党组书记任组长的整改工作领导小组，逐条制定整改措施，"
        "明确责任领导、责任股室和完成时限。巡察反馈问题共3个方面7个，截至目前已整改5个，整改率71.4%。",
    )
    para(d, "二、反馈问题整改落实情况")
    para(d, "（一）贯彻落实上级决策部署方面")
    para(
        d,
        "1.高标准农田建设项目推进滞后的问题。整改情况：对全县在建项目逐一排查进度，"
        "倒排工期、挂图作战，已完成的4个项目全部通过县级验收。已整改到位。",
    )
    para(
        d,
        "2.农村人居环境整治长效管护不到位的问题。整改情况：制定村庄保洁考核办法，"
        "每季度开展一次暗访检查，结果纳入乡镇年度考核。该问题需长期坚持。",
    )
    para(d, "（二）落实全面从严治党责任方面")
    para(
        d,
        "3.涉农资金监管存在薄弱环节的问题。整改情况：对2022年以来拨付的涉农补贴资金开展专项核查，"
        "追回违规发放资金3.2万元。已整改到位。",
    )
    para(
        d,
        "4.公务用车管理不规范的问题。整改情况：修订公务用车管理办法，实行派车单制度，"
        "逐月公示用车情况。已完成整改，长效机制已建立。",
    )
    para(
        d,
        "5.执行财务报销制度不严格的问题。整改情况：组织财务人员集中学习报销规定，"
        "对近两年报销凭证开展自查，正在推进，计划2024年12月底前完成。",
    )
    para(d, "（三）基层党组织建设方面")
    para(
        d,
        "6.党支部“三会一课”落实不经常的问题。整改情况：制定年度学习计划，"
        "建立支部活动记录月检查制度。已整改到位。",
    )
    para(
        d,
        "7.发展党员工作程序不规范的问题。整改情况：对近五年发展党员档案逐份复查，"
        "补齐缺失材料，正在推进。",
    )
    para(d, "三、下一步工作打算")
    para(
        d,
        "局党组将持续压紧压实整改责任，对已完成的整改事项适时开展“回头看”，"
        "对尚未完成的整改事项紧盯不放，确保全部整改到位。",
    )
    para(
        d,
        "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0791-5550123；"
        "电子邮箱：qhnyj_zg@example.cn。",
    )
    sign(d, "中共青禾县农业农村局党组", "2024年9月20日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. A 市 audit-rectification 公告 with a table 序号/审计发现的问题/整改措施/整改结果.


AUDIT_MORE = [
    (
        "{k}号专项资金拨付进度缓慢，资金闲置时间较长。",
        "建立资金拨付月调度机制，督促项目单位加快支出进度。",
        "已整改。",
    ),
    (
        "{k}号项目单位会计核算不规范，个别支出未取得合规票据。",
        "责令补充合规票据，组织会计人员专题培训。",
        "已整改。",
    ),
    ("{k}号单位资产处置未履行报批程序。", "补办资产处置报批手续，修订资产管理办法。", "正在整改。"),
]


def audit_notice(path: Path, more: int = 0) -> Path:
    d = docx.Document()
    if more:
        _footer_page_number(d.sections[0], header="")  # "— N —" under a table on every page
    title(d, "临川市财政局关于2023年度市级预算执行审计发现问题整改情况的公告")
    para(
        d,
        "根据《中华人民共和国审计法》有关规定，市审计局于2024年对我局2023年度市级预算执行情况进行了审计。"
        "对审计发现的问题，我局高度重视，逐项制定整改措施。"
        f"审计指出问题{5 + more}个，已整改{4 + more - more // 3}个。现将整改结果公告如下：",
    )
    table = d.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["序号", "审计发现的问题", "整改措施", "整改结果"], strict=True
    ):
        cell.text = text
    rows = [
        (
            "1",
            "部分项目预算编制不够细化，年初代编预算比例偏高。",
            "修订预算编制规程，压减代编预算规模，项目预算细化到具体单位。",
            "已整改。2024年代编预算比例由18%下降至6%。",
        ),
        (
            "2",
            "2个专项资金结余超过两年未收回。",
            "对结余资金进行清理，按规定收回统筹使用。",
            "已整改。已收回结余资金126.5万元，统筹用于民生支出。",
        ),
        (
            "3",
            "政府采购项目验收不规范，验收报告要素不全。",
            "印发采购项目验收工作指引，对涉及项目补充验收材料。",
            "已整改。",
        ),
        (
            "4",
            "个别单位往来款长期挂账未清理。",
            "督促相关单位逐笔核实往来款项，分类提出处理意见。",
            "正在整改。已清理挂账资金85万元，剩余部分计划2024年底前清理完毕。",
        ),
        (
            "5",
            "绩效目标设置不够科学，部分指标难以量化。",
            "组织开展绩效目标编审培训，建立专家审核机制。",
            "已整改。",
        ),
    ]
    for k in range(6, 6 + more):
        problem, measure, result = AUDIT_MORE[k % 3]
        rows.append((str(k), problem.format(k=k), measure, result))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    para(d, "特此公告。")
    sign(d, "临川市财政局", "2024年11月8日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. A state-owned group's 巡视整改 report: paragraphs "（N）关于……的问题。……已完成整改。"


def soe_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共远航能源集团有限公司委员会关于省委第五巡视组巡视反馈意见整改情况的报告")
    para(d, "省委巡视工作领导小组：")
    para(
        d,
        "2024年2月26日至4月30日，省委第五巡视组对远航能源集团有限公司党委进行了常规巡视，"
        "6月5日反馈了巡视意见。集团党委坚决扛起整改主体责任，现将整改情况报告如下。",
    )
    para(d, "一、提高政治站位，扎实推进整改工作")
    para(
        d,
        "集团党委先后召开8次专题会议研究部署整改工作，建立问题、任务、责任三张清单，"
        "实行周调度、月通报，确保整改工作有力有序推进。",
    )
    para(d, "二、巡视反馈问题的整改落实情况")
    para(d, "（一）关于落实党中央决策部署方面")
    para(
        d,
        "1.关于服务保障能源安全主责主业不够聚焦的问题。集团党委修订投资管理办法，"
        "非主业投资比例控制在10%以内；清理退出非主业企业3户。该问题已完成整改。",
    )
    para(
        d,
        "2.关于科技创新投入不足的问题。设立科技创新专项基金，2024年研发投入同比增长21%；"
        "与两所高校共建联合实验室。该问题已完成整改，长效机制已建立。",
    )
    para(d, "（二）关于全面从严治党方面")
    para(
        d,
        "3.关于“三重一大”决策制度执行不严格的问题。修订“三重一大”决策实施办法，"
        "明确决策事项清单42项；对2022年以来的决策事项开展自查。该问题已完成整改。",
    )
    para(
        d,
        "4.关于招标采购管理存在漏洞的问题。上线电子招标采购平台，实现采购全流程留痕；"
        "对3起违规采购问题追责问责5人。目前正在推进，计划于2025年3月底前完成。",
    )
    para(d, "（三）关于领导班子和干部队伍建设方面")
    para(
        d,
        "5.关于年轻干部培养选拔力度不够的问题。制定优秀年轻干部培养计划，"
        "选派12名年轻干部到基层一线挂职锻炼。该问题需长期坚持。",
    )
    para(d, "三、下一步工作打算")
    para(d, "集团党委将持续巩固整改成果，把整改融入日常、抓在经常。")
    sign(d, "中共远航能源集团有限公司委员会", "2024年10月15日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 4. A school's 主题教育 检视问题清单: a docx table whose 问题类别 and 问题 cells are merged
# vertically over the rows of their measures, and a title row merged across.


def _merge_down(table, col: int, first: int, last: int) -> None:
    table.cell(first, col).merge(table.cell(last, col))


def school_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "城南中学党总支主题教育检视问题整改清单")
    para(d, "（2024年6月）", align=WD_ALIGN_PARAGRAPH.CENTER)
    header = ["序号", "问题类别", "存在问题", "整改措施", "责任人", "完成时限", "整改情况"]
    body = [
        (
            "1",
            "理论学习",
            "理论学习系统性不够，学用结合不紧",
            "制定总支年度学习计划，每月开展一次集中学习",
            "王立群",
            "2024年7月",
            "已完成",
        ),
        (
            "1",
            "理论学习",
            "理论学习系统性不够，学用结合不紧",
            "每名党员撰写学习心得不少于2篇",
            "王立群",
            "2024年8月",
            "已完成",
        ),
        (
            "2",
            "理论学习",
            "青年教师党员学习主动性不强",
            "组建青年教师理论学习小组，开展读书分享",
            "李敏",
            "长期坚持",
            "长期坚持",
        ),
        (
            "3",
            "服务师生",
            "解决学生课后服务需求不够及时",
            "完善课后服务课程设置，增设科技、体育类社团",
            "赵海涛",
            "2024年9月",
            "已完成",
        ),
        (
            "3",
            "服务师生",
            "解决学生课后服务需求不够及时",
            "建立家长意见季度征集机制",
            "赵海涛",
            "2024年12月底前",
            "正在推进",
        ),
        (
            "4",
            "服务师生",
            "食堂管理精细化程度不高",
            "实行食堂陪餐制度，公开食材采购价格",
            "陈红",
            "立行立改",
            "已完成",
        ),
    ]
    table = d.add_table(rows=2 + len(body), cols=len(header))
    table.style = "Table Grid"
    # A title row merged across the table.
    merged = table.cell(0, 0).merge(table.cell(0, len(header) - 1))
    merged.text = "主题教育检视问题整改清单"
    for j, text in enumerate(header):
        table.cell(1, j).text = text
    for i, row in enumerate(body, start=2):
        for j, text in enumerate(row):
            if j in (0, 1, 2) and i > 2 and body[i - 3][j] == text:
                continue  # merged with the cell above: written once
            table.cell(i, j).text = text
    # Vertical merges: 问题类别 over 1–3 and 4–6 of the body, the two problems with 2 measures.
    _merge_down(table, 1, 2, 4)
    _merge_down(table, 1, 5, 7)
    for col in (0, 2):
        _merge_down(table, col, 2, 3)
        _merge_down(table, col, 5, 6)
    sign(d, "中共城南中学总支部委员会", "2024年6月28日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. A plan with inline labels "问题：…措施：…时限：…责任单位：…", numbered （一）/1./（1）/①,
# with a page footer "— N —" and a running header (made into a PDF by LibreOffice in the test).


def _footer_page_number(section, header: str = "白沙街道党工委巡察整改工作方案") -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    p.add_run(" —")
    if header:
        section.header.paragraphs[0].text = header
        section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def labelled_plan(path: Path, long: bool = True) -> Path:
    d = docx.Document()
    _footer_page_number(d.sections[0])
    title(d, "中共白沙街道工作委员会关于区委第四巡察组反馈意见的整改方案")
    para(
        d,
        "2024年4月8日至5月24日，区委第四巡察组对白沙街道党工委开展了巡察，7月2日反馈了巡察意见。"
        "为切实抓好反馈问题整改，结合街道实际，制定本方案。",
    )
    para(d, "一、总体要求")
    para(
        d,
        "坚持问题导向，对反馈问题逐条建立台账，明确整改时限和责任单位，做到问题不解决不放过。"
        "集中整改在2024年10月31日前完成，需要长期坚持的持续推进。",
    )
    para(d, "二、整改任务")
    para(d, "（一）党的理论学习和政治建设方面")
    para(d, "1.问题：党工委理论学习中心组学习计划性不强，研讨交流偏少。")
    para(
        d,
        "措施：（1）制定年度学习计划，明确每季度研讨主题；（2）每次集中学习安排2名班子成员交流发言。",
    )
    para(d, "时限：立行立改，长期坚持。")
    para(d, "责任领导：张海峰；责任单位：党政办公室。")
    para(d, "2.问题：意识形态工作责任制落实不够到位，阵地管理存在薄弱环节。")
    para(
        d,
        "措施：①每半年专题分析意识形态形势；②对社区宣传栏、微信公众号开展一次全面排查；③建立信息发布三审制度。",
    )
    para(d, "时限：2024年9月底前。")
    para(d, "责任领导：刘晓燕；责任单位：宣传统战办。")
    para(d, "（二）服务群众和基层治理方面")
    para(d, "3.问题：老旧小区改造中群众反映的问题回应不及时。")
    para(d, "措施：建立改造问题周收集、周交办机制，对群众反映的问题限时答复。")
    para(d, "时限：2024年底前。")
    para(d, "责任领导：陈俊；责任单位：城市管理办公室、各社区。")
    para(d, "4.问题：网格员队伍管理不规范，考核流于形式。")
    para(d, "措施：（1）修订网格员考核细则；（2）每月通报网格事件办结情况。")
    para(d, "时限：2024年10月31日前。")
    para(d, "责任领导：陈俊；责任单位：综治中心。")
    if long:
        for k in range(5, 9):
            para(d, f"{k}.问题：第{k}个社区便民服务事项办理时限偏长，群众多次往返。")
            para(d, "措施：（1）梳理便民服务事项清单，压缩办理时限；（2）推行“一窗通办”。")
            para(d, "时限：2024年12月31日前。")
            para(d, "责任领导：王芳；责任单位：便民服务中心。")
    para(d, "三、工作要求")
    para(d, "各责任单位要严格按照时限要求推进整改，每月25日前报送整改进展。")
    sign(d, "中共白沙街道工作委员会", "2024年7月16日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. A two-column page (a newsletter-style notice): the same kind of content set in two columns.


TOWN_PROBLEMS = [
    ("村党组织书记队伍年龄结构老化", "通过选派、回引等方式调整村党组织书记4名，平均年龄下降6岁。"),
    ("软弱涣散党组织整顿不彻底", "对2个软弱涣散村党组织逐一制定整顿方案，镇党委班子成员包村指导。"),
    ("党员发展质量不高", "严格执行发展党员程序，对近三年发展的党员档案开展全面复核。"),
    ("村务公开不及时不规范", "统一村务公开栏样式，规定每季度公开一次，重大事项随时公开。"),
    ("“三资”管理存在漏洞", "开展村集体资产清产核资，录入农村集体资产管理平台，堵塞管理漏洞。"),
    ("村级财务审批不严格", "修订村级财务管理办法，实行村账镇代理，大额支出须经镇审核把关。"),
]


def two_column_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共石桥镇委员会关于巡察整改进展情况的通报")
    section = d.sections[0]
    new = d.add_section(WD_SECTION.CONTINUOUS)
    cols = new._sectPr.xpath("./w:cols")
    el = cols[0] if cols else OxmlElement("w:cols")
    el.set(qn("w:num"), "2")
    el.set(qn("w:space"), "425")
    if not cols:
        new._sectPr.append(el)
    del section
    para(
        d,
        "根据县委统一部署，县委第一巡察组于2024年3月对石桥镇党委开展了巡察，4月20日反馈了巡察意见。"
        "现将整改进展情况通报如下。",
    )
    para(d, "一、总体进展")
    para(d, "反馈问题共3个方面10个，已完成整改9个，正在推进1个。")
    para(d, "二、具体问题整改情况")
    para(d, "（一）落实乡村振兴战略方面")
    para(
        d,
        "1.村集体经济发展思路不宽的问题。整改情况：组织村干部外出考察学习，"
        "新发展光伏、农产品加工项目3个，村集体平均收入增长15%。已整改到位。",
    )
    para(
        d,
        "2.产业项目后续管护缺位的问题。整改情况：建立项目管护责任清单，明确管护主体和经费来源，"
        "每半年开展一次效益评估。已整改到位。",
    )
    para(d, "（二）作风建设方面")
    para(
        d,
        "3.镇村干部服务群众意识不强的问题。整改情况：推行干部驻村坐班制度，"
        "开展“进百家门”走访活动，收集解决群众诉求46件。已整改到位。",
    )
    para(
        d,
        "4.督查检查考核过多过频的问题。整改情况：精简镇级督查考核事项，合并同类检查，"
        "正在推进，计划2024年12月底前完成。",
    )
    para(d, "（三）基层党组织建设方面")
    for k, (name, what) in enumerate(TOWN_PROBLEMS, start=5):
        para(d, f"{k}.{name}的问题。整改情况：{what}已整改到位。")
    sign(d, "中共石桥镇委员会", "2024年8月30日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 7. A notice copied from a government web page into a .txt: the page's title bar, source
# line, font-size switch and print links, full-width space indents, lines broken by the page
# width, a blank line between paragraphs, the counts stated in words.

WEB_TXT = """\
首页 > 信息公开 > 巡察整改
中共丰源县市场监督管理局党组关于县委巡察整改进展情况的通报
发布时间：2024-08-12 10:30　　来源：县市场监管局　　浏览次数：326
【字体：大 中 小】　　【打印本页】

　　根据县委统一部署，2024年4月1日至5月20日，县委第三巡察组对县市场监督管理局党组开展了
巡察，并于6月18日反馈了巡察意见。现将巡察整改进展情况予以公布。

　　一、整改工作开展情况

　　局党组召开专题会议研究部署整改工作，制定整改方案，逐项明确责任领导、责任股室和整改时
限。县委巡察反馈的3个方面6个问题，已完成整改5个，正在推进1个。

　　二、巡察反馈问题整改情况

　　（一）履行市场监管职责方面

　　1.食品安全监管存在盲区的问题。

　　整改情况：对全县农村集体聚餐开展专项排查，建立乡村厨师登记备案制度，累计备案乡村厨
师217名。已整改到位。

　　2.特种设备安全隐患排查不彻底的问题。

　　整改情况：组织开展电梯、锅炉等特种设备隐患大排查，整改隐患31处。该问题已完成整改。

　　（二）落实全面从严治党方面

　　3.执法办案程序不规范的问题。

　　整改情况：修订行政处罚案件办理流程，开展案卷评查2次，对发现的问题逐件整改。已整改到位。

　　4.廉政风险防控措施落实不到位的问题。

　　整改情况：重新梳理岗位廉政风险点58个，制定防控措施，长期坚持。

　　（三）基层党组织建设方面

　　5.党支部组织生活不够严肃的问题。

　　整改情况：严格落实“三会一课”制度，支部书记带头讲党课。已整改到位。

　　6.党员教育管理存在薄弱环节的问题。

　　整改情况：建立党员积分管理制度，目前正在推进，计划于2024年12月底前完成。

　　三、下一步工作打算

　　局党组将坚持目标不变、标准不降、力度不减，对已整改的问题巩固成果，对需要长期坚持的问
题常抓不懈。

　　欢迎社会各界对巡察整改落实情况进行监督。联系电话：0797-6661234。

　　　　　　　　　　　　　　　　　　中共丰源县市场监督管理局党组
　　　　　　　　　　　　　　　　　　　　　　2024年8月12日

【关闭窗口】　　【打印本页】
"""


def web_page_txt(path: Path) -> Path:
    return write_txt(path, WEB_TXT)


# ---------------------------------------------------------------------------------------------
# 8. A report stating "共反馈问题18个，已整改16个，整改率88.9%" while listing fewer problems (an
# excerpt): the importer must say the figures disagree with what it found. Written as a .txt in
# GBK, numbered 一、/（一）/1., with 整改时限 lines and statuses of every spelling.

STATED_TXT = """\
中共南湖区卫生健康局党组关于区委巡察反馈意见整改落实情况的报告

区委巡察工作领导小组：
2024年5月，区委第二巡察组对我局党组开展了巡察，7月3日反馈了巡察意见。共反馈问题18个，已整改16个，整改率88.9%。现将整改落实情况报告如下：
一、反馈问题整改情况
（一）党的领导弱化方面
1.落实医药领域腐败问题集中整治要求不够有力。
整改措施：制定集中整治工作方案，对辖区医疗机构开展全覆盖检查。
整改时限：2024年9月底前
整改情况：已整改到位。
2.公立医院党委领导下的院长负责制落实不到位。
整改措施：修订医院章程和党委会议事规则。
整改时限：立行立改
整改情况：已完成整改，长效机制已建立。
（二）全面从严治党方面
3.违规发放津贴补贴问题整改不彻底。
整改措施：对近三年津贴补贴发放情况开展清查，违规发放的全部追回。
整改时限：2024年底前
整改情况：正在推进。
4.公务接待管理不规范。
整改措施：严格执行公务接待“一函一单”制度。
整改时限：长期坚持
整改情况：长期坚持。
二、下一步打算
持续巩固整改成果，推动建章立制，防止问题反弹。
中共南湖区卫生健康局党组
2024年10月9日
"""


def stated_counts_txt(path: Path) -> Path:
    return write_txt(path, STATED_TXT, "gbk")


# ---------------------------------------------------------------------------------------------
# 9. A 检视剖析材料 of a 区委宣传部 leadership (民主生活会): problems under 方面 written inline
# "一是…二是…", then roots, then directions.

SELF_EXAM_TXT = """\
区委宣传部领导班子主题教育专题民主生活会检视剖析材料

按照区委关于开好主题教育专题民主生活会的通知要求，部领导班子在深入学习、广泛征求意见、谈心谈话的基础上，对照检视查找问题，深刻剖析根源，明确整改方向。现将有关情况报告如下。

一、检视查摆的问题

（一）在学习贯彻党的创新理论方面。一是学习的系统性不够，满足于跟进学习新篇目，对理论体系的整体把握不够。二是理论联系实际不够，运用党的创新理论破解宣传思想工作难题的办法不多。

（二）在推动宣传文化事业发展方面。一是新闻宣传的传播力不强，融媒体中心原创精品少，网上阅读量不高。二是公共文化服务供给不够精准，基层群众文化活动形式单一。三是文旅融合项目谋划不足，缺少有影响力的品牌活动。

（三）在落实全面从严治党责任方面。一是“一岗双责”落实不够到位，对分管领域党风廉政建设过问不多。二是日常监督不够严格，对苗头性问题提醒不及时。

二、问题产生的原因

（一）理想信念有所松懈。对理论学习的重要性认识不足。

（二）宗旨意识有所淡化。深入基层调查研究不够。

三、下一步整改措施

（一）强化理论武装。坚持第一议题制度，每月开展专题学习研讨。

（二）提升工作质效。推动融媒体中心改革，打造一批文化品牌活动。
"""


def self_exam_txt(path: Path) -> Path:
    return write_txt(path, SELF_EXAM_TXT)


# ---------------------------------------------------------------------------------------------
# 10. A 巡察反馈意见 (docx): 一、…方面 / （一）问题 / 1. 表现, the numbers of problems stated.


def feedback(path: Path) -> Path:
    d = docx.Document()
    title(d, "区委第三巡察组关于对区医疗保障局党组巡察情况的反馈意见")
    para(
        d,
        "根据区委统一部署，2024年3月18日至5月17日，区委第三巡察组对区医疗保障局党组进行了常规巡察。"
        "6月21日，巡察组向区医疗保障局党组反馈了巡察意见。巡察发现，该局党组在以下3个方面存在6个问题：",
    )
    para(d, "一、贯彻落实党中央决策部署和区委工作要求方面")
    para(d, "（一）医保基金监管“守门人”作用发挥不够")
    para(d, "1.对定点医药机构日常稽核覆盖面不足，2023年仅稽核三成机构。")
    para(d, "2.智能监控系统预警疑点处理不及时，部分疑点超期未核。")
    para(d, "（二）医保惠民政策落实有差距")
    para(d, "异地就医直接结算宣传不到位，群众知晓率不高。")
    para(d, "二、落实全面从严治党责任方面")
    para(d, "（一）主体责任落实不到位")
    para(d, "党组专题研究党风廉政建设工作次数偏少，对下属单位监督检查不够。")
    para(d, "（二）财务管理不规范")
    para(d, "1.部分支出报销附件不全。")
    para(d, "2.固定资产账实不符。")
    para(d, "（三）违反中央八项规定精神问题仍有发生")
    para(d, "个别干部违规接受管理服务对象宴请。")
    para(d, "三、基层党组织建设方面")
    para(d, "（一）党建与业务融合不深")
    para(d, "支部活动与医保经办业务结合不够，“党建+”品牌创建成效不明显。")
    para(d, "针对上述问题，巡察组提出以下整改建议：一是提高政治站位……二是压实主体责任……")
    sign(d, "区委第三巡察组", "2024年6月21日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 11. A county bureau's plan as a table: 问题/整改措施/责任领导/责任单位/整改时限, with the
# 方面 as rows merged across the table, several measures in one cell "1.…2.…".


def plan_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共长岭县水利局党组巡察反馈问题整改任务清单")
    header = ["序号", "反馈问题", "整改措施", "责任领导", "责任单位", "整改时限"]
    table = d.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text

    def aspect_row(text: str) -> None:
        cells = table.add_row().cells
        merged = cells[0].merge(cells[-1])
        merged.text = text

    def row(*values: str) -> None:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text

    aspect_row("一、政治建设方面")
    row(
        "1",
        "学习贯彻上级精神不及时",
        "1.落实“第一议题”制度；2.建立学习情况通报制度",
        "刘建",
        "办公室",
        "立行立改",
    )
    row(
        "2",
        "防汛责任落实不够到位",
        "修订防汛应急预案，开展汛前隐患排查",
        "孙明",
        "水旱灾害防御股",
        "2024年6月底前",
    )
    aspect_row("二、作风建设方面")
    row(
        "3",
        "水利工程项目监管不严",
        "1.开展在建项目质量专项检查；2.建立项目巡查台账；3.约谈施工单位",
        "孙明",
        "建设管理股",
        "2024年12月31日前",
    )
    row("4", "文风会风不实", "精简会议文件，严控发文数量", "刘建", "办公室", "长期坚持")
    sign(d, "中共长岭县水利局党组", "2024年5月6日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 12. A report with bold run-in problem titles and "一是…二是…" measures and a status sentence
# per problem, each measure followed by its own tail "（责任单位：…；完成时限：…）".


def bold_lead_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共西河区教育局党组关于区委巡察反馈问题整改进展情况的报告")
    para(
        d,
        "2024年4月，区委第一巡察组对区教育局党组开展了巡察，5月28日反馈了巡察意见，"
        "共反馈问题2个方面4个。现将整改进展情况报告如下。",
    )
    para(d, "一、整改落实情况")
    para(d, "（一）落实教育优先发展战略方面")
    para(
        d,
        "一是采取专项督导、挂牌督办方式推进建设，2所学校已投入使用；二是剩余1所学校倒排工期。"
        "目前正在推进，计划于2025年8月底前完成。",
        bold="1.学校建设项目推进缓慢。",
    )
    para(
        d,
        "一是出台减负工作清单，严控书面作业总量；二是每学期开展作业管理专项检查。目前已整改到位。",
        bold="2.“双减”政策落实不够有力。",
    )
    para(d, "（二）全面从严治党方面")
    para(
        d,
        "一是对全区学校食堂开展财务审计；二是推行食堂大宗物资集中采购。目前已整改到位并长期坚持。",
        bold="3.学校食堂财务管理不规范。",
    )
    para(
        d,
        "一是制定师德师风负面清单；二是对违规有偿补课问题开展专项治理，查处3起。目前已整改到位。",
        bold="4.师德师风建设抓得不实。",
    )
    sign(d, "中共西河区教育局党组", "2024年9月2日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 13. A report in parts "第一部分/第二部分", problems "问题一：", measures "（1）…（2）…" under
# a 整改措施 label with their own status "（已完成）", then 整改进展 and 责任 lines; saved by
# Notepad (UTF-8 with BOM, CRLF); the totals said as "已全部整改到位".

PARTS_TXT = """\
中共云溪市档案局党组关于市委巡察反馈意见整改情况的报告

第一部分　整改工作开展情况
市委第一巡察组反馈的2个方面4个问题，已全部整改到位。局党组坚持把整改作为检验党性的重要标尺，逐项推进。

第二部分　反馈问题整改落实情况
一、档案资源建设方面
问题一：重点档案接收进馆不及时。
整改措施：（1）制定三年接收进馆计划（已完成）；（2）对到期应进馆的23家单位逐一督办（已完成）。
整改进展：已接收进馆档案1.2万卷。
责任领导：周文；完成时限：2024年6月30日
问题二：馆藏档案数字化进度滞后。
整改措施：（1）争取数字化专项经费；（2）引入第三方服务加快扫描进度。
整改进展：完成数字化78万页，该问题已整改完毕。
责任领导：周文；完成时限：2024年底前
二、机关党的建设方面
问题三：党支部书记述职评议流于形式。
整改措施：修订述职评议办法，引入群众测评。
整改进展：已整改到位。
责任领导：孙丽
问题四：党员干部廉洁教育针对性不强。
整改措施：（1）开展警示教育（已完成）；（2）建立廉政谈话常态化机制（长期坚持）。
整改进展：长期坚持。
责任领导：孙丽

第三部分　下一步工作打算
持续巩固整改成果，健全长效机制。

中共云溪市档案局党组
2024年12月20日
"""


def parts_report_txt(path: Path) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + PARTS_TXT.replace("\n", "\r\n").encode("utf-8"))
    return path


# ---------------------------------------------------------------------------------------------
# 14. A town's notice: the status after each problem's title in brackets "……的问题（整改中）",
# an account that opens with "已完成……" (an account, not a status), the totals at the end.

BRACKETED_TXT = """\
中共河口镇委员会关于巡察整改情况的通报

根据县委巡察工作统一部署，2024年5月8日至6月30日，县委第二巡察组对河口镇党委进行了巡察，8月2日反馈了巡察意见。现将整改情况通报如下：

一、落实乡村振兴方面
1.高标准农田管护责任不落实的问题（已整改）。镇党委制定管护办法，明确村级管护员22名。
2.农村集体“三资”管理不规范的问题（整改中）。已完成清产核资，正在推进资产上平台工作，预计2024年12月底前完成。
二、基层党建方面
3.村党组织换届后培训不到位的问题（已整改）。组织新任村干部集中轮训2期。
4.党员管理不严格的问题（长期坚持）。建立流动党员联系台账，每季度联系一次。

截至目前，反馈的4个问题已整改2个，其余问题正按计划推进。

中共河口镇委员会
2024年11月5日
"""


def bracketed_notice_txt(path: Path) -> Path:
    return write_txt(path, BRACKETED_TXT)


# ---------------------------------------------------------------------------------------------
# 15. A report whose problems carry labelled lines: 整改措施 / 整改结果 / 整改状态 / 完成时间 /
# 整改时限.

LABELLED_TXT = """\
中共江北区民政局党组关于区委巡察反馈问题整改情况的报告

区委巡察办：
根据区委巡察工作领导小组的统一部署，区委第三巡察组于2024年3月4日至4月30日对我局进行了巡察，并于5月20日反馈了巡察意见。现将整改情况报告如下。

一、反馈问题整改情况
（一）党的领导方面
问题1：落实养老服务体系建设部署不到位。
整改措施：1.制定养老服务设施建设三年行动计划；2.新建社区养老服务站6个。
整改结果：6个服务站已全部建成投用。
整改状态：已完成
完成时间：2024年9月30日
问题2：救助资金发放审核把关不严。
整改措施：1.开展救助对象动态核查；2.建立部门间数据比对机制。
整改结果：核查救助对象1.3万人，停发不符合条件对象87人。数据比对机制正在建设。
整改状态：正在推进
整改时限：2025年3月底前
（二）全面从严治党方面
问题3：公务用车管理松散。
整改措施：修订公务用车管理制度。
整改结果：制度已印发执行。
整改状态：已完成
完成时间：2024年7月15日

二、下一步工作
我局将持续抓好未完成事项的整改。

中共江北区民政局党组
2024年10月28日
"""


def labelled_report_txt(path: Path) -> Path:
    return write_txt(path, LABELLED_TXT)


# ---------------------------------------------------------------------------------------------
# 16. A notice whose parts are "一、关于……方面的问题" and whose problems are headings
# "（一）关于“……”问题的整改" followed by one paragraph ending in its status.

ANSWERED_TXT = """\
中共临江市交通运输局党组关于省委巡视反馈意见整改进展情况的通报

按照省委巡视工作统一部署，2024年4月至6月，省委第六巡视组对临江市交通运输局党组开展了专项巡视，7月12日反馈了巡视意见。局党组共认领反馈问题3个方面5个，截至2024年11月底，已完成整改4个，整改完成率80%。现将整改进展情况通报如下。

一、关于贯彻落实交通强国战略方面的问题
（一）关于“重点项目建设推进迟缓”问题的整改
成立重点项目建设专班，实行清单化管理，滞后项目已全部复工。该问题已整改完成。
（二）关于“农村公路养护资金使用不规范”问题的整改
对2021年以来养护资金使用情况开展全面审计，追回违规资金42万元，修订养护资金管理办法。该问题已整改完成。
二、关于全面从严治党方面的问题
（一）关于“工程领域廉政风险防控不力”问题的整改
开展工程建设领域专项整治，建立廉政风险防控清单。目前正在推进，预计2025年6月底前完成。
（二）关于“执行中央八项规定精神不严格”问题的整改
开展违规吃喝专项整治，清退违规报销费用1.6万元。该问题已整改完成。
三、关于干部队伍建设方面的问题
（一）关于“年轻干部储备不足”问题的整改
制定年轻干部培养三年规划，新提拔35岁以下干部6名。该问题已整改完成。

下一步，局党组将持续巩固整改成果，坚决防止问题反弹。

中共临江市交通运输局党组
2024年12月3日
"""


def answered_notice_txt(path: Path) -> Path:
    return write_txt(path, ANSWERED_TXT)


# ---------------------------------------------------------------------------------------------
# 17. A notice whose problems have no numbers: each is a paragraph opening with its title in
# bold ("……的问题。"), then "整改情况：……" and its status.


def bold_problems_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共东湖区文化和旅游局党组关于区委巡察整改进展情况的通报")
    para(
        d,
        "2024年3月，区委第四巡察组对区文化和旅游局党组开展了巡察，4月25日反馈了巡察意见。"
        "现将整改进展情况通报如下。",
    )
    para(d, "一、巡察反馈问题整改情况")
    para(d, "（一）党的建设方面")
    para(
        d,
        "整改情况：修订中心组学习规则，全年开展专题研讨6次。已整改到位。",
        bold="党组理论学习中心组学习不规范的问题。",
    )
    para(
        d,
        "整改情况：制定意识形态工作责任清单，对文旅场所宣传阵地开展排查。正在推进。",
        bold="意识形态阵地管理存在薄弱环节的问题。",
    )
    para(d, "（二）业务工作方面")
    para(
        d,
        "整改情况：建立景区安全隐患台账，整改隐患19处。已整改到位。",
        bold="A级景区安全监管不到位的问题。",
    )
    sign(d, "中共东湖区文化和旅游局党组", "2024年10月10日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 18. A 整改销号表: one small form per problem (label cells beside their values, two pairs on a
# row, values merged across), a "完成时限：…" line under each form.

FORMS = [
    (
        "1",
        "党组会议议题管理不规范",
        "修订党组工作规则，建立议题清单制度",
        "马骏",
        "办公室",
        "2024年8月31日",
        "已完成",
    ),
    (
        "2",
        "审计项目质量控制不严",
        "落实审计项目三级复核，开展案卷评查",
        "黄蕾",
        "法规审理科",
        "2024年12月底前",
        "正在推进",
    ),
]


def forms_docx(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共北岸区审计局党组巡察反馈问题整改销号表")
    for number, problem, measure, leader, unit, due, status in FORMS:
        table = d.add_table(rows=4, cols=4)
        table.style = "Table Grid"
        cells = [
            ("序号", number, "整改状态", status),
            ("问题", problem, "", ""),
            ("整改措施", measure, "", ""),
            ("责任领导", leader, "责任单位", unit),
        ]
        for i, row in enumerate(cells):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
        for i in (1, 2):
            merged = table.cell(i, 1).merge(table.cell(i, 3))
            merged.text = cells[i][1]
        para(d, f"完成时限：{due}")
    sign(d, "中共北岸区审计局党组", "2024年9月1日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 19. An audit 公告 copied from a web page into a .txt: its table arrives as lines of cells
# separated by tabs; and the same kind of list written as a Markdown table.

TAB_TABLE_TXT = (
    "某县林业局关于审计发现问题整改情况的公告\n\n"
    "县审计局对我局2023年度财务收支进行了审计，指出问题3个，已整改2个。现将整改情况公告如下：\n\n"
    "序号\t审计发现的问题\t整改措施\t整改结果\n"
    "1\t林业补贴资金发放不及时\t建立补贴资金发放台账，按季度兑付\t已整改\n"
    "2\t部分造林项目未验收即拨付资金\t补充验收程序，暂停拨付未验收项目资金\t已整改\n"
    "3\t固定资产登记不完整\t开展资产清查，补录资产卡片\t正在整改\n\n"
    "某县林业局\n2024年11月20日\n"
)
MARKDOWN_TABLE_TXT = (
    "某镇关于巡察整改进展的通报\n\n"
    "| 序号 | 问题 | 整改措施 | 整改状态 |\n|---|---|---|---|\n"
    "| 1 | 村务公开不及时 | 统一公开时间和内容 | 已完成 |\n"
    "| 2 | 财务票据不规范 | 开展票据专项检查 | 正在推进 |\n\n"
    "某镇党委\n2024年10月1日\n"
)


# ---------------------------------------------------------------------------------------------
# 20. A library's 公告 with a table that has no 序号 column: with one line a row (readable from
# a PDF), or with a cell wrapped over two lines (a PDF cannot tell where rows start).

LIBRARY_ROWS = [
    ("图书采购程序不规范", "修订采购制度", "已完成"),
    ("借阅数据统计不准确", "统一统计口径", "正在推进"),
    ("志愿者管理松散", "建立志愿者服务台账", "已完成"),
]
LIBRARY_WRAPPED = (
    "借阅数据统计不准确，系统数据与台账数据长期不一致",
    "开展数据核对，统一统计口径，建立月度核对机制",
)


def no_number_table(path: Path, wrapped: bool = False) -> Path:
    d = docx.Document()
    title(d, "某区图书馆关于巡察整改情况的公告")
    para(d, "区委第一巡察组对我馆进行了巡察。现将整改情况公告如下：")
    table = d.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["反馈问题", "整改措施", "整改情况"], strict=True):
        cell.text = text
    rows = list(LIBRARY_ROWS)
    if wrapped:
        rows[1] = (*LIBRARY_WRAPPED, "正在推进")
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    sign(d, "某区图书馆", "2024年9月9日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 21. A report whose problems are "（一）…" headings over a label alone ("整改措施："), numbered
# measures as paragraphs, then "整改成效：" and "整改状态：" lines; no 方面 named although the
# opening says "涉及3个方面、4个问题".

ANNOUNCED_TXT = """\
中共西城区住建委党组关于区委巡察反馈意见整改情况的报告

区委巡察办：
根据区委统一部署，区委第二巡察组于2024年4月至5月对我委党组开展了巡察，6月14日反馈了巡察意见，涉及3个方面、4个问题。现将整改情况报告如下。

一、反馈问题整改落实情况
（一）落实“两个责任”不到位
整改措施：
1.党组专题研究全面从严治党工作，制定主体责任清单。
2.班子成员每半年听取分管科室廉政建设汇报。
整改成效：已召开专题会议2次，清单已印发。
整改状态：已完成
（二）保障性住房分配管理不规范
整改措施：
1.对2022年以来分配的保障房逐户复核。
2.建立分配结果公示制度。
整改成效：复核1260户，清退不符合条件家庭12户。
整改状态：正在推进，计划2025年3月底前完成
（三）老旧小区改造质量监管不严
整改措施：
1.引入第三方质量巡查。
整改状态：长期坚持
（四）干部队伍年龄结构不合理
整改措施：
1.制定干部队伍建设规划。
整改状态：已完成

二、下一步工作打算
持续巩固整改成果。

中共西城区住建委党组
2024年11月30日
"""


def announced_measures_txt(path: Path) -> Path:
    return write_txt(path, ANNOUNCED_TXT)


# ---------------------------------------------------------------------------------------------
# 22. A notice typed with manual line breaks (Shift+Enter): the title over two lines, each
# problem's heading and its "整改情况：" in one paragraph.


def line_breaks_notice(path: Path) -> Path:
    d = docx.Document()
    heading = d.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run("中共某区税务局党组")
    run.add_break()
    heading.add_run("关于巡察整改进展情况的通报")
    para(d, "区委第五巡察组对区税务局党组进行了巡察，并反馈了巡察意见。现将整改进展情况通报如下。")
    para(d, "一、党的建设方面")
    for head, body in [
        ("1.支部组织生活不规范的问题", "整改情况：制定支部活动计划，规范会议记录。已整改到位。"),
        ("2.党员教育培训针对性不强的问题", "整改情况：分层分类开展培训，正在推进。"),
    ]:
        p = d.add_paragraph()
        p.add_run(head).add_break()
        p.add_run(body)
    sign(d, "中共某区税务局党组", "2024年10月8日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 23. The county notice (1) set as a 公文: 16-point text, first-line indents, no space between
# paragraphs, page numbers "— N —" in the footer; its title wraps to a second, centred line.


def county_notice_gb(path: Path) -> Path:
    from docx.shared import Pt

    county_notice(path)
    d = docx.Document(path)
    _footer_page_number(d.sections[0], header="")
    for paragraph in d.paragraphs:
        if paragraph.alignment is None:
            paragraph.paragraph_format.first_line_indent = Pt(32)
            paragraph.paragraph_format.space_after = Pt(0)
        for run in paragraph.runs:
            run.font.size = Pt(16)
    d.save(path)
    return path
