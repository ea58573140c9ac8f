"""A seventh round of documents of the genre, for fictional units, in our own words: shapes that
published 整改方案, 整改情况报告, 整改进展情况通报 and 整改落实情况的通报 take and the first six
rounds lack. Each builder writes a real .docx (``python-docx``) or a .txt and returns its path;
``tests/test_import7.py`` imports it (and the PDF LibreOffice makes of each .docx) through the
real command and judges the ledger row by row against the builders' own data.

The shapes:

1. a 巡察整改进展情况的通报 whose problems are "一是……。二是……。" inside one paragraph under a
   方面 heading, the measures following in paragraphs "针对……问题，……。" (one of them itself
   "一是……；二是……");
2. a 报告 of "（一）关于“……”问题的整改情况" headings, each followed by "整改进展：" and
   "下步打算：" paragraphs;
3. an 审计整改 report with amounts in 万元 and "已整改N个、正在整改M个" counts;
4. a 通报 whose 附件 "整改情况一览表" has columns the body lacks (责任单位, 完成时限);
5. a 方案 table whose 完成时限 column mixes dates ("2025年3月31日", "2025.6.30"), months,
   "长期坚持", "立行立改" (ruled; the PDF has it over pages with the header repeated);
6. a 整改清单 whose 整改情况 is two tick columns "已完成 / 正在推进" under a merged header,
   over several pages with both header rows repeated;
7. a 报告 whose measures are "整改措施：一是……；二是……；三是……。" in one paragraph;
8. a 民主生活会 方案 naming members post first ("（二）局党组书记、局长王立军同志") and
   "（责任人：副局长李红梅）";
9. a 公众号 article pasted as text: "01 / 02" part numbers, "◆问题一" and "▶整改措施" marks;
10. an 整改落实情况的通报 with "（整改状态：已销号）" after each problem and counts of
    已整改/长期坚持;
11. a 报告 whose measures are "（1）……；（2）……" inside the "整改措施：" paragraph.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from genre_docs import para, sign, title, write_txt
from genre_docs3 import official, table_of

CIRCLED = "①②③④⑤⑥⑦⑧⑨"
ORDINAL = "一二三四五六七八九十"

# ---------------------------------------------------------------------------------------------
# 1. 通报: "一是……。二是……。" problems in one paragraph under a 方面, then "针对……问题，……".

# (方面, [(问题, [措施], status, deadline or None)])
ZHENDUI_NOTICE = [
    (
        "（一）贯彻落实上级决策部署方面",
        [
            (
                "耕地保护责任落实不够有力",
                ["逐级签订耕地保护目标责任书，将耕地保有量纳入乡镇年度考核"],
                "已完成",
                None,
            ),
            (
                "违法用地查处不够及时",
                [
                    "建立卫片图斑月度核查机制，发现一宗、查处一宗",
                    "对2023年以来的违法用地案件逐宗复查，督促当事人限期拆除复耕",
                ],
                "正在推进",
                "2025年4月底",
            ),
            (
                "国土空间规划编制进度滞后",
                ["抽调业务骨干组成专班，倒排村庄规划编制工期"],
                "已完成",
                None,
            ),
        ],
    ),
    (
        "（二）全面从严治党方面",
        [
            (
                "不动产登记窗口存在吃拿卡要风险",
                ["推行不动产登记一窗受理、集成服务，窗口全程视频监控"],
                "长期坚持",
                None,
            ),
            (
                "公务用车管理不够规范",
                ["修订公务用车管理办法，实行派车单制度，每月公示用车情况"],
                "已完成",
                None,
            ),
        ],
    ),
]

_ZHENDUI_TAIL = {
    "已完成": "目前已整改完成。",
    "长期坚持": "该项工作需长期坚持。",
}


def zhendui_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共青禾县自然资源局党组关于县委第二巡察组反馈意见整改进展情况的通报")
    para(
        d,
        "根据县委统一部署，2024年5月6日至6月28日，县委第二巡察组对县自然资源局党组开展了常规"
        "巡察，8月2日反馈了巡察意见。按照党务公开有关要求，现将整改进展情况予以通报。",
    )
    para(d, "一、整改工作总体情况")
    para(
        d,
        "局党组召开专题会议，对照反馈意见逐条研究，制定整改方案，建立问题、任务、责任三张清单，"
        "实行挂图作战、对账销号。",
    )
    para(d, "二、反馈问题整改落实情况")
    for aspect, problems in ZHENDUI_NOTICE:
        para(d, aspect)
        para(
            d,
            "巡察指出的问题：" + "".join(f"{ORDINAL[k]}是{p[0]}。" for k, p in enumerate(problems)),
        )
        for k, (problem, measures, status, due) in enumerate(problems):
            target = f"“{problem}”问题" if k % 2 else f"{problem}的问题"
            if len(measures) == 1:
                body = f"针对{target}，{measures[0]}。"
            else:
                body = f"针对{target}，" + "".join(
                    f"{ORDINAL[i]}是{m}" + ("；" if i + 1 < len(measures) else "。")
                    for i, m in enumerate(measures)
                )
            if status == "正在推进":
                body += f"目前正在推进，计划{due}前完成。"
            else:
                body += _ZHENDUI_TAIL[status]
            para(d, body)
    para(d, "三、下一步工作打算")
    para(d, "对尚未完成的事项，局党组将持续跟踪问效，确保按期整改到位。")
    para(d, "欢迎干部群众对整改落实情况进行监督。联系电话：0716-5123456。")
    sign(d, "中共青禾县自然资源局党组", "2024年12月10日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. 报告: "（一）关于“……”问题的整改情况" / "整改进展：……" / "下步打算：……".

# (方面, [(问题, 整改进展 (measure, progress), status, 下步打算 or None)])
PROGRESS_PLAN_REPORT = [
    (
        "一、关于政治建设方面",
        [
            (
                "理论学习中心组学习流于形式",
                "修订党委理论学习中心组学习规则，实行学习研讨发言提纲审核制度",
                "2024年下半年共开展专题研讨6次，班子成员撰写研讨材料42篇。",
                "已完成",
                None,
            ),
            (
                "意识形态阵地管理存在薄弱环节",
                "对单位网站、微信公众号开展全面排查，落实信息发布三审三校制度",
                "关停长期不更新的内部网站栏目3个。",
                "正在推进",
                "2025年5月底前完成新媒体平台备案管理系统建设。",
            ),
        ],
    ),
    (
        "二、关于作风建设方面",
        [
            (
                "服务企业主动性不够",
                "建立班子成员联系重点企业制度，每月走访一次",
                "已走访企业57家，协调解决用工、融资等问题23个。",
                "长期坚持",
                None,
            ),
            (
                "会议文件偏多偏长",
                "制定精简会议文件实施办法，严控会议数量和发文规模",
                "全年会议同比减少18%，发文同比减少22%。",
                "正在推进",
                "2025年6月底前完成对规范性文件的集中清理。",
            ),
        ],
    ),
]

_REPORT_TAIL = {
    "已完成": "该问题已整改完成。",
    "长期坚持": "该项工作需长期坚持。",
    "正在推进": "目前正在推进。",
}


def progress_plan_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共松阳区科学技术局党组关于区委巡察反馈意见整改落实情况的报告")
    para(d, "区委巡察工作领导小组：")
    para(
        d,
        "2024年7月，区委第一巡察组对我局党组开展了巡察，9月5日反馈了巡察意见。局党组高度重视，"
        "坚持把抓好巡察整改作为重大政治任务。现将整改落实情况报告如下。",
    )
    for aspect, problems in PROGRESS_PLAN_REPORT:
        para(d, aspect)
        for k, (problem, measure, progress, status, plan) in enumerate(problems):
            para(d, f"（{ORDINAL[k]}）关于“{problem}”问题的整改情况")
            para(d, f"整改进展：{measure}。{progress}{_REPORT_TAIL[status]}")
            if plan:
                para(d, f"下步打算：{plan}")
    para(d, "三、下一步工作打算")
    para(d, "局党组将坚持目标不变、标准不降、力度不减，持续巩固巡察整改成果。")
    para(d, "特此报告。")
    sign(d, "中共松阳区科学技术局党组", "2025年1月8日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. 审计整改 report with amounts (万元) and "已整改N个、正在整改M个".

# (类, [(问题, 金额, 整改情况 first sentence, rest, status)])
AUDIT_AMOUNTS = [
    (
        "（一）预算管理方面",
        [
            (
                "年初预算编制不完整，未将非税收入全额纳入预算",
                "126.40",
                "已整改。",
                "2025年部门预算已将非税收入126.40万元全额编入。",
                "已完成",
            ),
            (
                "项目资金结转结余未及时清理",
                "58.72",
                "正在整改。",
                "已收回结余资金40.12万元，其余18.60万元待项目结算后上缴。",
                "正在推进",
            ),
        ],
    ),
    (
        "（二）财务管理方面",
        [
            (
                "往来款项长期挂账未清理",
                "87.35",
                "已整改。",
                "清理往来款项87.35万元，其中收回53.20万元，核销34.15万元。",
                "已完成",
            ),
            (
                "公务卡强制结算目录执行不到位",
                "6.18",
                "已整改。",
                "修订财务报销审核规程，对目录内支出一律使用公务卡结算。",
                "已完成",
            ),
            (
                "固定资产账实不符",
                "32.90",
                "正在整改。",
                "已完成资产清查，盘亏资产核销手续正在报批。",
                "正在推进",
            ),
        ],
    ),
    (
        "（三）政府采购方面",
        [
            (
                "部分采购项目未执行政府采购程序",
                "45.20",
                "已整改。",
                "组织财务人员开展政府采购政策培训，建立采购项目事前审核机制。",
                "已完成",
            ),
        ],
    ),
]


def audit_amounts_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "临江市文化和旅游局关于2023年度预算执行审计发现问题整改情况的报告")
    para(d, "市审计局：")
    n = sum(len(ps) for _, ps in AUDIT_AMOUNTS)
    done = sum(1 for _, ps in AUDIT_AMOUNTS for p in ps if p[4] == "已完成")
    total = sum(float(p[1]) for _, ps in AUDIT_AMOUNTS for p in ps)
    para(
        d,
        "2024年6月至8月，市审计局对我局2023年度预算执行情况进行了审计。审计指出问题"
        f"{len(AUDIT_AMOUNTS)}类{n}个，涉及金额{total:.2f}万元。截至2025年2月底，已整改{done}个，"
        f"正在整改{n - done}个。现将整改情况报告如下。",
    )
    para(d, "一、审计发现问题的整改情况")
    for heading, problems in AUDIT_AMOUNTS:
        para(d, heading)
        for k, (problem, amount, first, rest, _) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}，涉及金额{amount}万元。")
            para(d, f"整改情况：{first}{rest}")
    para(d, "二、下一步工作")
    para(d, "对正在整改的问题，我局将加强与财政部门沟通，确保2025年6月底前全部整改到位。")
    sign(d, "临江市文化和旅游局", "2025年3月5日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 4. 通报 with an appendix "整改情况一览表" whose columns differ from the body.

# (方面, [(问题, 措施, 责任单位, 完成时限, 整改情况)])
APPENDIX_NOTICE = [
    (
        "（一）落实主体责任方面",
        [
            (
                "党组研究全面从严治党工作次数偏少",
                "党组每季度专题研究一次全面从严治党工作",
                "办公室",
                "2024年12月底前",
                "已完成",
            ),
            (
                "对下属单位监督检查不到位",
                "制定下属单位年度监督检查计划，每半年开展一次专项检查",
                "机关纪委",
                "长期坚持",
                "长期坚持",
            ),
        ],
    ),
    (
        "（二）项目建设管理方面",
        [
            (
                "水利工程项目验收不及时",
                "对已完工未验收的9个项目限期组织验收",
                "建设管理科",
                "2025年3月底前",
                "正在推进",
            ),
            (
                "工程变更审批程序不规范",
                "修订工程变更管理办法，重大变更须经党组会议研究",
                "建设管理科",
                "2024年11月底前",
                "已完成",
            ),
        ],
    ),
]

APPENDIX_FULLER = {
    "水利工程项目验收不及时": "水利工程项目验收不及时，9个已完工项目长期未组织竣工验收",
}

APPENDIX_HEADER = ["序号", "反馈问题", "整改措施", "责任单位", "完成时限", "整改情况"]

_NOTICE_SENTENCE = {
    "已完成": "已整改完成。",
    "长期坚持": "已建立长效机制，需长期坚持。",
    "正在推进": "正在推进。",
}


def appendix_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共白石县水利局党组关于县委巡察反馈问题整改进展情况的通报")
    para(
        d,
        "县委第三巡察组于2024年4月至5月对县水利局党组开展了巡察，并于6月20日反馈了巡察意见。"
        "现将整改进展情况通报如下。",
    )
    para(d, "一、整改工作开展情况")
    para(d, "局党组成立整改工作领导小组，逐项明确责任单位和完成时限，每月调度整改进度。")
    para(d, "二、反馈问题整改情况")
    k = 0
    for aspect, problems in APPENDIX_NOTICE:
        para(d, aspect)
        for problem, _, _, _, status in problems:
            k += 1
            para(d, f"{k}.{problem}的问题。{_NOTICE_SENTENCE[status]}")
    para(d, "具体整改情况详见附件。")
    para(d, "附件：整改情况一览表")
    sign(d, "中共白石县水利局党组", "2024年12月16日")
    para(d, "附件")
    para(d, "整改情况一览表")
    rows = []
    for _, problems in APPENDIX_NOTICE:
        for problem, measure, unit, due, status in problems:
            # the table words a problem more fully than the body's heading does
            problem = APPENDIX_FULLER.get(problem, problem)
            rows.append([str(len(rows) + 1), problem, measure, unit, due, status])
    table_of(d, APPENDIX_HEADER, rows)
    para(d, "")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. 方案 table whose 完成时限 column mixes dates, months and 长期坚持 (over pages).

# (问题, 措施, 责任领导, 责任单位, 完成时限)
MIXED_DEADLINES = [
    (
        "执行民主集中制不够严格",
        "修订党组议事规则，明确“三重一大”事项范围",
        "周文涛",
        "办公室",
        "2025年3月31日",
    ),
    ("执行民主集中制不够严格", "重大事项决策前开展合法性审查", "周文涛", "法规科", "长期坚持"),
    ("干部选任程序不够规范", "对2022年以来的干部选任档案逐一复查", "孙海燕", "人事科", "2025.6.30"),
    ("干部选任程序不够规范", "建立干部选任纪实制度", "孙海燕", "人事科", "2025年6月"),
    ("专项资金拨付滞后", "建立专项资金拨付进度周报制度", "郑国华", "计划财务科", "立行立改"),
    (
        "专项资金拨付滞后",
        "对滞留资金逐项督办，限期拨付到位",
        "郑国华",
        "计划财务科",
        "2025年4月30日前",
    ),
    (
        "安全生产监管存在盲区",
        "开展危险化学品企业安全生产大检查",
        "郑国华",
        "安全监管科",
        "2025年5月底",
    ),
    (
        "安全生产监管存在盲区",
        "建立监管对象动态清单，每季度更新",
        "郑国华",
        "安全监管科",
        "立行立改、长期坚持",
    ),
    (
        "机关作风建设有待加强",
        "开展作风纪律专项整治，每月通报考勤情况",
        "孙海燕",
        "机关党委",
        "2025年底前",
    ),
    ("机关作风建设有待加强", "落实首问负责、限时办结制度", "孙海燕", "办公室", "长期坚持"),
]

MIXED_HEADER = ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "完成时限"]


def mixed_deadline_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共西岭县应急管理局党组关于县委巡察反馈意见的整改方案")
    para(
        d,
        "为切实抓好县委第一巡察组反馈意见的整改落实，结合我局实际，制定本方案。",
    )
    para(d, "一、指导思想")
    para(d, "以习近平新时代中国特色社会主义思想为指导，坚持问题导向，以整改实效推动应急管理工作。")
    para(d, "二、整改任务")
    para(d, "巡察反馈的5个问题，细化为10条整改措施，具体见下表。")
    rows = []
    seq = 0
    last = None
    for problem, measure, leader, unit, due in MIXED_DEADLINES:
        if problem != last:
            seq += 1
            last = problem
        rows.append([str(seq), problem, measure, leader, unit, due])
    table = table_of(d, MIXED_HEADER, rows, repeat=True)
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para(d, "三、工作要求")
    para(d, "各责任单位要按期完成整改任务，每月25日前向局整改办报送整改进展。")
    sign(d, "中共西岭县应急管理局党组", "2025年2月20日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. 整改清单 with two tick columns under a merged "整改情况" header, over several pages.

# (方面, 问题, 措施, 责任单位, 完成时限, status)
TICK_ROWS = [
    (
        "政治建设",
        "传达学习上级会议精神不及时",
        "建立第一议题制度，会后三日内传达学习",
        "办公室",
        "2024年10月底前",
        "已完成",
    ),
    (
        "政治建设",
        "党组会议记录不规范",
        "统一党组会议记录格式，专人负责记录归档",
        "办公室",
        "2024年9月底前",
        "已完成",
    ),
    (
        "政治建设",
        "意识形态工作责任制落实不到位",
        "每半年专题研究一次意识形态工作",
        "宣传科",
        "2025年6月底前",
        "正在推进",
    ),
    (
        "组织建设",
        "发展党员工作程序不严谨",
        "对近五年发展党员档案开展专项检查",
        "组织人事科",
        "2024年12月底前",
        "已完成",
    ),
    (
        "组织建设",
        "支部书记培训覆盖面不足",
        "分两批组织支部书记集中轮训",
        "组织人事科",
        "2025年3月底前",
        "正在推进",
    ),
    (
        "组织建设",
        "党费收缴使用不规范",
        "重新核定党员党费基数，补缴差额",
        "机关党委",
        "2024年11月底前",
        "已完成",
    ),
    (
        "作风建设",
        "基层调研次数偏少",
        "班子成员每季度到基层调研不少于2次",
        "办公室",
        "2025年12月底前",
        "正在推进",
    ),
    (
        "作风建设",
        "督查检查频次过多",
        "统筹整合督查检查事项，实行年度计划管理",
        "督查室",
        "2024年12月底前",
        "已完成",
    ),
    (
        "作风建设",
        "窗口服务效率不高",
        "推行帮办代办服务，压缩办理时限",
        "政务服务科",
        "2025年4月底前",
        "正在推进",
    ),
    (
        "廉政建设",
        "廉政风险点排查不全面",
        "全面排查岗位廉政风险点，制定防控措施",
        "机关纪委",
        "2024年12月底前",
        "已完成",
    ),
    (
        "廉政建设",
        "节假日廉洁提醒不经常",
        "重要节点开展廉洁提醒，发送廉洁短信",
        "机关纪委",
        "长期坚持",
        "已完成",
    ),
    (
        "廉政建设",
        "公务接待审批不严格",
        "严格执行公务接待清单制度",
        "计划财务科",
        "2024年10月底前",
        "已完成",
    ),
]


def tick_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共东湖区民政局党组巡察反馈问题整改落实清单")
    para(d, "说明：整改情况栏中，已完成的在“已完成”下打“√”，正在推进的在“正在推进”下打“√”。")
    n = len(TICK_ROWS)
    table = d.add_table(rows=2 + n, cols=8)
    table.style = "Table Grid"
    head = ["序号", "问题类别", "存在问题", "整改措施", "责任单位", "完成时限", "整改情况", ""]
    for j, text in enumerate(head):
        table.cell(0, j).text = text
    table.cell(1, 6).text = "已完成"
    table.cell(1, 7).text = "正在推进"
    for j in range(6):
        table.cell(0, j).merge(table.cell(1, j))
    merged = table.cell(0, 6).merge(table.cell(0, 7))
    merged.text = "整改情况"
    for row in table.rows[:2]:
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    for i, (aspect, problem, measure, unit, due, status) in enumerate(TICK_ROWS, start=2):
        values = [str(i - 1), aspect, problem, measure, unit, due]
        values += ["√", ""] if status == "已完成" else ["", "√"]
        for j, text in enumerate(values):
            table.cell(i, j).text = text
    # the 问题类别 merged over each run (Word keeps the text in the first cell)
    start = 2
    for i in range(3, n + 3):
        if i < n + 2 and TICK_ROWS[i - 2][0] == TICK_ROWS[start - 2][0]:
            continue
        for r in range(start + 1, i):
            table.cell(r, 1).text = ""
        if i - 1 > start:
            cell = table.cell(start, 1).merge(table.cell(i - 1, 1))
            for p in cell.paragraphs[1:]:
                if not p.text:
                    p._p.getparent().remove(p._p)
        start = i
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para(d, "")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 7. 报告: "整改措施：一是……；二是……；三是……。" in one paragraph.

# (问题, [措施], 结果, status)
SEMICOLON_REPORT = [
    (
        "安全生产责任落实不到位",
        [
            "修订安全生产责任清单，明确班子成员“一岗双责”",
            "每月召开安全生产形势分析会",
            "对重点企业实行包保责任制",
        ],
        "全年未发生较大以上安全生产事故。目前已整改完成。",
        "已完成",
    ),
    (
        "隐患排查整治不彻底",
        ["建立隐患排查整治闭环台账", "聘请第三方机构开展专家会诊"],
        "共排查隐患1264项，已整改1198项，其余66项正在推进，计划2025年5月底前完成。",
        "正在推进",
    ),
    (
        "应急预案演练流于形式",
        [
            "修订完善专项应急预案8个",
            "推行“双盲”演练",
            "演练结束后组织评估，形成问题清单",
        ],
        "已开展“双盲”演练3次。该项工作需长期坚持。",
        "长期坚持",
    ),
]


def semicolon_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共南溪区应急管理局党委关于区委巡察反馈意见整改情况的报告")
    para(d, "区委巡察工作领导小组：")
    para(
        d,
        "区委第四巡察组于2024年6月对我局党委开展了巡察，7月19日反馈了巡察意见。"
        "现将整改情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(d, "局党委召开专题会议研究部署整改工作，制定整改方案，明确责任领导和责任科室。")
    para(d, "二、反馈问题整改落实情况")
    para(d, "（一）安全生产监管方面")
    for k, (problem, measures, result, _) in enumerate(SEMICOLON_REPORT, start=1):
        para(d, f"问题{k}：{problem}。")
        text = "".join(
            f"{ORDINAL[i]}是{m}" + ("；" if i + 1 < len(measures) else "。")
            for i, m in enumerate(measures)
        )
        para(d, f"整改措施：{text}")
        para(d, f"整改成效：{result}")
    para(d, "三、下一步工作打算")
    para(d, "局党委将持续盯紧未完成事项，确保整改到位。")
    para(d, "特此报告。")
    sign(d, "中共南溪区应急管理局党委", "2024年12月20日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 8. 民主生活会 整改方案: members named post first; "（责任人：副局长李红梅）".

# (heading, leader (name, post) or None, [(问题, [措施], 责任人 text or None, 完成时限)])
POST_FIRST_PLAN = [
    (
        "（一）领导班子存在的问题及整改措施",
        None,
        [
            (
                "统筹推进重点工作的合力不够",
                ["建立重点工作周调度机制", "班子成员分工联系重点项目"],
                "副局长李红梅",
                "2025年3月底前",
            ),
            (
                "联系服务群众不够深入",
                ["落实班子成员基层联系点制度"],
                "党组成员、副局长赵德明",
                "长期坚持",
            ),
        ],
    ),
    (
        "（二）局党组书记、局长王立军同志",
        ("王立军", "局党组书记、局长"),
        [
            (
                "抓理论学习的示范作用发挥不够",
                ["每季度为干部职工讲一次专题党课"],
                None,
                "2025年6月底前",
            ),
        ],
    ),
    (
        "（三）党组成员、副局长欧阳晓明同志",
        ("欧阳晓明", "党组成员、副局长"),
        [
            (
                "分管领域风险防控意识不强",
                ["梳理分管科室风险点，制定防控清单", "每半年听取一次分管科室廉政情况汇报"],
                None,
                "2025年4月底前",
            ),
        ],
    ),
]


def post_first_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共北原县统计局党组2024年度民主生活会查摆问题整改方案")
    para(
        d,
        "根据2024年度民主生活会查摆的问题和征求到的意见建议，经党组会议研究，制定本整改方案。",
    )
    para(d, "一、指导思想")
    para(d, "坚持问题导向，以整改实效检验民主生活会成果。")
    para(d, "二、整改任务")
    for heading, _, problems in POST_FIRST_PLAN:
        para(d, heading)
        for k, (problem, measures, owner, due) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}。")
            text = "；".join(measures) + "。"
            para(d, f"整改措施：{text}")
            tail = f"（责任人：{owner}；完成时限：{due}）" if owner else f"完成时限：{due}。"
            para(d, tail)
    para(d, "三、工作要求")
    para(d, "各责任人要按照时限要求抓好落实，整改完成后报局办公室备案。")
    sign(d, "中共北原县统计局党组", "2025年1月20日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 9. 公众号 article pasted as text: "01 / 02" parts, "◆问题一", "▶整改措施".

# (问题, 措施, 进展, status)
WECHAT_ARTICLE = [
    (
        "农村人居环境整治长效机制不健全",
        "制定村庄保洁考评办法，实行“红黑榜”月通报",
        "已对全镇18个村开展考评4轮。已整改到位。",
        "已完成",
    ),
    (
        "村级财务管理不规范",
        "推行村级财务“双代管”，每季度公开村务财务",
        "已清理村级往来账款32笔。正在推进，计划2025年3月底前完成。",
        "正在推进",
    ),
    (
        "网格员队伍作用发挥不充分",
        "开展网格员业务培训，建立网格事项积分管理制度",
        "培训网格员126人次，该项工作需长期坚持。",
        "长期坚持",
    ),
]


def wechat_article_txt(path: Path) -> Path:
    lines = [
        "清源镇党委关于巡察整改进展情况的通报",
        "清源发布 2025年1月15日 09:30",
        "",
        "按照县委巡察工作统一部署，县委第五巡察组于2024年8月对清源镇党委开展了巡察，"
        "10月12日反馈了巡察意见。现将整改进展情况通报如下：",
        "",
        "01 整改工作总体情况",
        "",
        "镇党委召开专题会议研究整改工作，成立整改工作领导小组，逐项明确整改责任。",
        "",
        "02 反馈问题整改情况",
        "",
    ]
    for k, (problem, measure, progress, _) in enumerate(WECHAT_ARTICLE):
        lines += [
            f"◆问题{ORDINAL[k]}：{problem}",
            f"▶整改措施：{measure}。",
            f"▶整改进展：{progress}",
            "",
        ]
    lines += [
        "03 下一步工作打算",
        "",
        "镇党委将持续巩固整改成果，建立健全长效机制。",
        "",
        "中共清源镇委员会",
        "2025年1月14日",
        "",
        "编辑：李雪  审核：陈刚",
        "阅读 856",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 10. 整改落实情况的通报: "（整改状态：已销号）" after each problem; counts of 已整改/长期坚持.

# (方面, [(问题, 措施, status word, status)])
XIAOHAO_NOTICE = [
    (
        "一、党的领导弱化方面",
        [
            (
                "党委会议研究业务工作多、研究党建工作少",
                "每季度召开一次党建工作专题会议",
                "已销号",
                "已完成",
            ),
            (
                "落实意识形态工作责任制不到位",
                "建立意识形态工作季度研判制度",
                "长期坚持",
                "长期坚持",
            ),
        ],
    ),
    (
        "二、全面从严治党方面",
        [
            ("廉政风险防控机制不健全", "梳理重点岗位廉政风险点，制定防控措施", "已销号", "已完成"),
            ("执行财经纪律不严格", "开展财务收支专项检查，规范报销审核", "整改中", "正在推进"),
            ("对下属单位监管不力", "建立下属单位负责人述职述廉制度", "已销号", "已完成"),
        ],
    ),
]


def xiaohao_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共河口镇委员会关于巡察整改落实情况的通报")
    n = sum(len(ps) for _, ps in XIAOHAO_NOTICE)
    done = sum(1 for _, ps in XIAOHAO_NOTICE for p in ps if p[3] == "已完成")
    lasting = sum(1 for _, ps in XIAOHAO_NOTICE for p in ps if p[3] == "长期坚持")
    para(
        d,
        f"县委第二巡察组反馈我镇问题{len(XIAOHAO_NOTICE)}个方面{n}个。截至2025年2月底，"
        f"已整改销号{done}个，需长期坚持{lasting}个，正在整改{n - done - lasting}个。"
        "现将整改落实情况通报如下。",
    )
    for aspect, problems in XIAOHAO_NOTICE:
        para(d, aspect)
        for k, (problem, measure, word, _) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}（整改状态：{word}）")
            para(d, f"整改措施：{measure}。")
    sign(d, "中共河口镇委员会", "2025年3月3日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 11. 报告: "整改措施：（1）……；（2）……；（3）……。" inside one paragraph.

# (问题, [措施], status sentence, status)
BRACKET_INLINE = [
    (
        "学校食堂食品安全管理存在漏洞",
        ["完善食堂食材采购索证索票制度", "安装食堂明厨亮灶监控设备", "每月开展一次食品安全自查"],
        "已整改到位。",
        "已完成",
    ),
    (
        "校外培训机构监管不到位",
        ["开展校外培训机构专项治理", "公布白名单机构名录"],
        "正在推进，计划2025年6月底前完成。",
        "正在推进",
    ),
]


def bracket_inline_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共安宁县教育局党组关于县委巡察反馈问题整改情况的报告")
    para(d, "县委巡察办：")
    para(d, "现将县委第三巡察组反馈问题的整改情况报告如下。")
    para(d, "一、反馈问题整改情况")
    para(d, "（一）教育民生保障方面")
    for k, (problem, measures, sentence, _) in enumerate(BRACKET_INLINE, start=1):
        para(d, f"{k}.{problem}。")
        text = "；".join(f"（{i}）{m}" for i, m in enumerate(measures, start=1))
        para(d, f"整改措施：{text}。{sentence}")
    para(d, "二、下一步打算")
    para(d, "局党组将坚持举一反三，建立健全长效机制。")
    sign(d, "中共安宁县教育局党组", "2025年1月6日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 12. The same kind of 通报 pasted from a web page, without a list of the problems: each
# "针对……问题，……" paragraph is a problem and its measures.


def zhendui_web_txt(path: Path) -> Path:
    lines = [
        "中共青禾县自然资源局党组关于巡察整改进展情况的通报",
        "发布时间：2024-12-12 09:15  来源：县自然资源局  浏览次数：207",
        "　　县委第二巡察组反馈意见后，局党组认真组织整改。现将整改进展情况通报如下。",
        "　　一、反馈问题整改情况",
    ]
    for aspect, problems in ZHENDUI_NOTICE:
        lines.append(f"　　{aspect}")
        for k, (problem, measures, status, due) in enumerate(problems):
            target = f"“{problem}”问题" if k % 2 else f"{problem}的问题"
            if len(measures) == 1:
                body = f"针对{target}，{measures[0]}。"
            else:
                body = f"针对{target}，" + "".join(
                    f"{ORDINAL[i]}是{m}" + ("；" if i + 1 < len(measures) else "。")
                    for i, m in enumerate(measures)
                )
            if status == "正在推进":
                body += f"目前正在推进，计划{due}前完成。"
            else:
                body += _ZHENDUI_TAIL[status]
            lines.append(f"　　{body}")
    lines += [
        "　　二、下一步工作打算",
        "　　持续跟踪问效，确保按期整改到位。",
        "中共青禾县自然资源局党组",
        "2024年12月10日",
        "【打印本页】【关闭窗口】",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 13. A 报告 of "一是……；二是……" written every way: unlabelled after the problem, after
# "整改措施及结果：", after a lead-in "针对这一问题，", and plain clauses between semicolons.

# (问题, text after it, [措施], status, deadline)
SEMICOLON_VARIANTS = [
    (
        "理论学习不够深入",
        "一是制定年度学习计划，每月集中学习一次；二是建立学习考勤制度；三是开展读书班两期。"
        "目前已整改到位。",
        ["制定年度学习计划，每月集中学习一次", "建立学习考勤制度", "开展读书班两期"],
        "已完成",
        None,
    ),
    (
        "支部组织生活不规范",
        "整改措施及结果：一是补齐2023年度会议记录；二是每季度检查一次支部工作；"
        "三是开展支部书记培训。目前正在推进，计划2025年3月底前完成。",
        ["补齐2023年度会议记录", "每季度检查一次支部工作", "开展支部书记培训"],
        "正在推进",
        "2025年3月底",
    ),
    (
        "党员发展程序不严格",
        "针对这一问题，一是对发展党员档案逐一复查；二是对程序不规范的2名党员补办手续。"
        "已于2024年10月15日整改完成。",
        ["对发展党员档案逐一复查", "对程序不规范的2名党员补办手续"],
        "已完成",
        None,
    ),
    (
        "意识形态工作不够扎实",
        "整改情况：每半年研究一次意识形态工作；建立网络舆情研判机制；开展意识形态专题培训。"
        "已整改到位。",
        ["每半年研究一次意识形态工作", "建立网络舆情研判机制", "开展意识形态专题培训"],
        "已完成",
        None,
    ),
    (
        "机关财务制度执行不严",
        "整改情况：修订财务报销审核规程；已追回违规发放的补贴1.2万元。已整改到位。",
        ["修订财务报销审核规程"],
        "已完成",
        None,
    ),
]


def semicolon_variants_txt(path: Path) -> Path:
    lines = [
        "中共长坪县林业局党组关于巡察整改情况的报告",
        "",
        "县委巡察办：",
        "现将县委第一巡察组反馈问题的整改情况报告如下。",
        "一、反馈问题整改情况",
        "（一）党的建设方面",
    ]
    for k, (problem, text, _, _, _) in enumerate(SEMICOLON_VARIANTS, start=1):
        lines += [f"{k}.{problem}。", text]
    lines += [
        "二、下一步打算",
        "持续巩固整改成果，防止问题反弹。",
        "中共长坪县林业局党组",
        "2025年1月2日",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 14. 整改落实情况的通报 whose status sentences give the day each problem was put right.

# (问题, 措施, status sentence, status, 完成时间 as written or None)
DONE_DAYS = [
    (
        "安全生产检查发现问题整改销号不及时",
        "建立隐患整改销号台账，实行每周调度",
        "该问题已于2024年10月15日整改完成。",
        "已完成",
        "2024年10月15日",
    ),
    (
        "执法案卷归档不规范",
        "组织案卷评查，对不规范案卷逐卷补正",
        "已于2024年11月30日整改到位。",
        "已完成",
        "2024年11月30日",
    ),
    (
        "应急物资储备管理不到位",
        "对应急物资库开展盘点，建立出入库登记制度",
        "2024年9月已整改完成。",
        "已完成",
        "2024年9月",
    ),
    (
        "基层应急队伍训练不经常",
        "制定基层应急队伍年度训练计划，每季度组织一次拉练",
        "目前正在推进，计划2025年4月底前完成。",
        "正在推进",
        None,
    ),
]


def done_days_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共石门县应急管理局党组关于巡察反馈问题整改落实情况的通报")
    para(d, "县委第四巡察组反馈问题后，局党组逐项推进整改。现将整改落实情况通报如下。")
    para(d, "一、反馈问题整改落实情况")
    para(d, "（一）履行监管职责方面")
    for k, (problem, measure, sentence, _, _) in enumerate(DONE_DAYS, start=1):
        para(d, f"{k}.{problem}的问题。{measure}。{sentence}")
    para(d, "二、下一步工作打算")
    para(d, "对正在推进的事项加强调度，确保按期完成。")
    sign(d, "中共石门县应急管理局党组", "2025年1月10日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 15. 整改清单 whose 整改情况 column writes the day in brackets: "已完成（2024年10月15日）".

# (问题, 措施, 责任单位, 整改时限, 整改情况 cell, status, 完成时间 or None)
DAY_CELLS = [
    (
        "党组会议议事规则不健全",
        "修订党组会议议事规则",
        "办公室",
        "2024年10月底前",
        "已完成（2024年10月15日）",
        "已完成",
        "2024年10月15日",
    ),
    (
        "干部教育培训针对性不强",
        "制定分层分类培训计划",
        "人事科",
        "2024年12月底前",
        "已完成（2024.12.20）",
        "已完成",
        "2024.12.20",
    ),
    (
        "政务公开不及时",
        "建立政务信息公开审核发布制度",
        "办公室",
        "长期坚持",
        "长期坚持",
        "长期坚持",
        None,
    ),
    (
        "项目资金绩效评价缺失",
        "对2023年度项目开展绩效评价",
        "财务科",
        "2025年3月底前",
        "序时推进",
        "正在推进",
        None,
    ),
    (
        "内部审计作用发挥不够",
        "建立内部审计年度计划制度",
        "审计科",
        "2024年11月底前",
        "已办结（2024年11月28日）",
        "已完成",
        "2024年11月28日",
    ),
]


def day_cells_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共临川区商务局党组巡察反馈问题整改情况一览表")
    header = ["序号", "存在问题", "整改措施", "责任单位", "整改时限", "整改情况"]
    rows = [
        [str(k), problem, measure, unit, due, cell]
        for k, (problem, measure, unit, due, cell, _, _) in enumerate(DAY_CELLS, start=1)
    ]
    table_of(d, header, rows)
    para(d, "")
    sign(d, "中共临川区商务局党组", "2025年1月15日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 16. A 方案 whose 附件 task table has no ruling lines and eight columns about three characters
# wide, 序号/问题类别/存在问题/整改目标/责任领导 merged over a problem's measures and centred
# vertically, the header repeated on every page (the PDF runs over pages, rows broken).

NARROW_HEADER = [
    "序号",
    "问题类别",
    "存在问题",
    "整改目标",
    "整改措施",
    "责任领导",
    "责任单位",
    "完成时限",
]

# (问题类别, 存在问题, 整改目标, 责任领导, [(措施, 责任单位, 完成时限)])
NARROW_ROWS = [
    (
        "政治建设",
        "贯彻落实上级重大决策部署跟进不及时，个别事项推进缓慢",
        "重大决策部署落实率100%",
        "许建平",
        [
            ("建立重大决策部署落实台账，实行月调度、季通报", "办公室", "2025年3月底前"),
            ("对推进缓慢的事项开展专项督查，限期办结", "督查室", "2025年6月底前"),
        ],
    ),
    (
        "政治建设",
        "意识形态阵地管理存在薄弱环节，网站栏目更新不及时",
        "阵地管理制度健全",
        "许建平",
        [("清理长期不更新的网站栏目，落实信息发布三审制度", "宣传科", "立行立改")],
    ),
    (
        "业务工作",
        "农产品质量安全抽检覆盖面不足，部分乡镇抽检批次偏少",
        "抽检覆盖全部乡镇",
        "杜文清",
        [
            ("制定年度抽检计划，按乡镇分解抽检任务", "质量安全科", "2025年2月底前"),
            ("每季度通报各乡镇抽检完成情况", "质量安全科", "长期坚持"),
            ("对抽检不合格产品一律溯源查处", "执法大队", "长期坚持"),
        ],
    ),
    (
        "业务工作",
        "高标准农田建设项目竣工验收滞后，管护责任未落实",
        "已建项目全部验收",
        "杜文清",
        [
            ("对已完工项目逐个组织竣工验收", "农田建设科", "2025年5月底前"),
            ("明确项目管护主体，签订管护协议", "农田建设科", "2025年6月底前"),
        ],
    ),
    (
        "作风建设",
        "深入基层调研不够，帮助解决实际问题不多",
        "调研成果转化见效",
        "何志勇",
        [("班子成员每季度到联系乡镇调研不少于2次", "办公室", "长期坚持")],
    ),
]


def narrow_rows() -> list[list[str]]:
    rows = []
    for k, (aspect, problem, goal, leader, measures) in enumerate(NARROW_ROWS, start=1):
        for measure, unit, due in measures:
            rows.append([str(k), aspect, problem, goal, measure, leader, unit, due])
    return rows


def borderless_narrow_plan(path: Path) -> Path:
    from genre_docs4 import _merged_table, _no_borders, _repeat_header

    d = docx.Document()
    title(d, "中共南湖县农业农村局党组关于县委巡察反馈意见的整改方案")
    para(d, "为抓好县委第三巡察组反馈意见整改，制定本方案。具体整改任务见附件。")
    para(d, "附件：整改任务清单")
    sign(d, "中共南湖县农业农村局党组", "2025年1月22日")
    para(d, "附件")
    para(d, "整改任务清单")
    table = _merged_table(d, NARROW_HEADER, narrow_rows(), merge_cols=(0, 1, 2, 3, 5))
    _no_borders(table)
    _repeat_header(table)
    official(d, size=14)
    d.save(path)
    return path


DOCX_BUILDERS = {
    "zhendui_notice": zhendui_notice,
    "progress_plan_report": progress_plan_report,
    "audit_amounts_report": audit_amounts_report,
    "appendix_notice": appendix_notice,
    "mixed_deadline_plan": mixed_deadline_plan,
    "tick_list": tick_list,
    "semicolon_report": semicolon_report,
    "post_first_plan": post_first_plan,
    "xiaohao_notice": xiaohao_notice,
    "bracket_inline_report": bracket_inline_report,
    "done_days_notice": done_days_notice,
    "day_cells_list": day_cells_list,
    "borderless_narrow_plan": borderless_narrow_plan,
}

TXT_BUILDERS = {
    "wechat_article_txt": wechat_article_txt,
    "zhendui_web_txt": zhendui_web_txt,
    "semicolon_variants_txt": semicolon_variants_txt,
}
