"""An eighth round of documents of the genre, for fictional units, in our own words: shapes
that published 整改方案, 整改情况报告, 整改进展情况通报 and 巡察整改情况通报 take and the first
seven rounds lack. Each builder writes a real .docx (``python-docx``), a .txt or a saved web
page (.html / .mht) and returns its path; ``tests/test_import8.py`` imports it (and the PDF or
.doc LibreOffice makes of some .docx) through the real command and judges the ledger row by
row against the builders' own data.

The shapes:

1. a 报告 whose every problem is a paragraph "关于……的问题。一是……；二是……。目前已整改到位。"
   — problem, measures and the status told in prose in one paragraph (also pasted as text
   without its 方面 headings);
2. a 通报 whose problems are numbered ①②③ in paragraphs of their own under a 方面, each
   followed by "整改情况：……" with the status in prose ("正在持续推进中", "已基本完成");
3. a 报告 pasted as text whose problems are "(1)" (half-width brackets), the measures
   "1.……" lines, then "责任单位：县财政局、县审计局；责任人：张某某" and "完成时限：2025年底前";
4. a 整改清单 of 问题/措施/责任单位/责任人/完成时限/整改进展 over several pages (header
   repeated, "— N —" page numbers), a 措施 cell holding several numbered measures in
   paragraphs of their own;
5. a 方案 table with 方面 rows spanning the table, deadlines "2025年底前", "6月底", "即时",
   "长期坚持", and 措施 cells "1.……；2.……" on one line;
6. a 县 report whose 方面 hold 乡镇 sections ("（一）石桥镇"), each with its problems;
7. a 报告 of prose (counts, no problems) with 附件1 整改任务清单 after the 落款 and 附件2 a
   list of the rules made (not problems) — also with each title on its "附件1：" line;
8. a 公众号 article saved as a web page: bold headings without emoji, "问题一：" in bold, the
   "整改情况：" paragraphs after;
9. a 政府网站 notice saved as .mht: "问题1：……" / "整改措施及结果：一是……。二是……。" /
   "目前已整改到位并长期坚持。";
10. a 方案 copied out of a PDF into a .txt: hard line breaks inside sentences, "— 3 —" page
    numbers on lines of their own between them;
11. a 方案 whose each measure is followed by a line "责任领导：王某某  责任单位：县民政局  完成时
    限：2025年6月底" of fields separated only by spaces;
12. a 整改清单 whose 进展 column tells the status in prose ("目前已整改到位", "正在持续推进中，
    已完成60%", "已基本完成", "已建立长效机制，长期坚持");
13. a 通报 whose problems are "1.……问题" headings with the measures "（1）……" "（2）……" in
    paragraphs of their own, and a status paragraph "整改进度：……" after them;
14. a 报告 on problems with words the reader cannot be sure of: a deadline "年内", a status
    "已取得阶段性成效", a problem told with no measure at all;
15. a 任务清单 whose one column "责任单位及责任人" holds the unit and the person (after a space
    or a comma, or labelled "责任单位：…；责任人：…"), measures "①……；②……" in one cell;
16. a 县's 通报 by 乡镇 the other way round: "一、石桥镇" over "（一）……方面" over problems;
17. a 通报 whose enumerated measures each carry their own status or date ("一是……，已完成；二是
    ……，正在推进"), and a status sentence that opens with what was done.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from genre_docs import _footer_page_number, para, sign, title, write_txt
from genre_docs3 import official, table_of
from genre_docs4 import _repeat_header

CIRCLED = "①②③④⑤⑥⑦⑧⑨"
ORDINAL = "一二三四五六七八九十"

# Status as a clerk types it → a sentence the documents tell it in.
TOLD = {
    "已完成": "目前已整改到位。",
    "正在推进": "目前正在持续推进中。",
    "基本完成": "目前已基本完成。",
    "长期坚持": "该项工作已建立长效机制，将长期坚持。",
}


def _shi(measures: list[str], end: str = "。") -> str:
    return "".join(
        f"{ORDINAL[i]}是{m}" + ("；" if i + 1 < len(measures) else end)
        for i, m in enumerate(measures)
    )


# ---------------------------------------------------------------------------------------------
# 1. 报告: each problem a paragraph "关于……的问题。一是……；二是……。目前已整改到位。"

# (方面, [(问题, [措施], status)])
ABOUT_PARAGRAPHS = [
    (
        "（一）关于政治建设方面",
        [
            (
                "理论学习与业务工作结合不紧",
                [
                    "制定年度理论学习计划，每季度安排一次结合业务的专题研讨",
                    "把学习成效纳入科室年度考核",
                ],
                "已完成",
            ),
            (
                "落实意识形态工作责任制有差距",
                ["每半年专题研究一次意识形态工作", "建立网络舆情日监测、周研判制度"],
                "长期坚持",
            ),
        ],
    ),
    (
        "（二）关于作风建设方面",
        [
            (
                "为企业办事时限偏长",
                ["梳理涉企审批事项清单，压减办理时限", "开通企业诉求直通车，限时办结"],
                "正在推进",
            ),
            (
                "公务接待管理不够严格",
                ["修订公务接待管理办法，严格执行接待清单制度"],
                "基本完成",
            ),
            (
                "“门难进、脸难看”现象仍有发生",
                ["在办事大厅设置评价器，差评件逐件回访", "开展窗口服务作风专项整治"],
                "已完成",
            ),
        ],
    ),
]


def about_paragraphs_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云溪县市场监督管理局党组关于县委巡察反馈意见整改情况的报告")
    para(d, "县委巡察工作领导小组：")
    para(
        d,
        "2024年4月8日至5月31日，县委第一巡察组对县市场监督管理局党组开展了巡察，7月3日反馈了"
        "巡察意见。局党组高度重视，逐项明确整改措施。现将整改情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(d, "局党组成立整改工作领导小组，党组书记任组长，定期听取整改进展汇报。")
    para(d, "二、反馈问题整改情况")
    for aspect, problems in ABOUT_PARAGRAPHS:
        para(d, aspect)
        for k, (problem, measures, status) in enumerate(problems):
            about = f"关于“{problem}”的问题。" if k % 2 else f"关于{problem}的问题。"
            para(d, about + _shi(measures) + TOLD[status])
    para(d, "三、下一步工作打算")
    para(d, "对正在推进的事项，局党组将盯住不放，确保按时整改到位。")
    sign(d, "中共云溪县市场监督管理局党组", "2024年11月20日")
    official(d)
    d.save(path)
    return path


def about_flat_txt(path: Path) -> Path:
    """The same report pasted from a web page without its 方面 headings: the "关于" paragraphs
    straight under "二、反馈问题整改情况"."""
    lines = [
        "中共云溪县市场监督管理局党组关于县委巡察反馈意见整改情况的报告",
        "县委巡察工作领导小组：",
        "现将县委第一巡察组反馈意见整改情况报告如下。",
        "一、整改工作开展情况",
        "局党组成立整改工作领导小组，党组书记任组长，定期听取整改进展汇报。",
        "二、反馈问题整改情况",
    ]
    for _, problems in ABOUT_PARAGRAPHS:
        for problem, measures, status in problems:
            lines.append(f"关于{problem}的问题。" + _shi(measures) + TOLD[status])
    lines += ["三、下一步工作打算", "对正在推进的事项，局党组将盯住不放。"]
    lines += ["中共云溪县市场监督管理局党组", "2024年11月20日"]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 2. 通报: problems ①②③ in paragraphs of their own, each followed by "整改情况：……".

# (方面, [(问题, 措施, status)])
CIRCLED_NOTICE = [
    (
        "一、党的建设方面",
        [
            ("支部“三会一课”记录不完整", "对各支部会议记录逐本检查，统一记录本格式", "已完成"),
            ("发展党员程序不够规范", "对近三年发展党员档案逐一复核，补齐缺失材料", "基本完成"),
            ("党费收缴不及时", "由支部组织委员每月10日前集中收缴党费", "已完成"),
        ],
    ),
    (
        "二、业务管理方面",
        [
            ("医保基金监管存在漏洞", "引入智能审核系统，对定点医药机构开展全覆盖检查", "正在推进"),
            ("经办服务事项办理时限长", "推行医保业务“一站式”结算，公开办理时限", "长期坚持"),
        ],
    ),
]


def circled_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云溪县医疗保障局党组关于巡察整改进展情况的通报")
    para(
        d,
        "根据县委统一部署，县委第三巡察组于2024年3月对县医疗保障局党组开展了巡察，5月10日反馈了"
        "巡察意见。现将整改进展情况通报如下。",
    )
    for aspect, problems in CIRCLED_NOTICE:
        para(d, aspect)
        for k, (problem, measure, status) in enumerate(problems):
            para(d, f"{CIRCLED[k]}{problem}。")
            para(d, f"整改情况：{measure}。{TOLD[status]}")
    para(d, "欢迎广大干部群众对整改落实情况进行监督。联系电话：0718-6612345。")
    sign(d, "中共云溪县医疗保障局党组", "2024年9月30日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. 报告 as text: "(1)" problems, "1.……" measures, a 责任 line, a 完成时限 line.

# (方面, [(问题, [措施], 责任单位, 责任人, 完成时限)])
HALF_PAREN = [
    (
        "一、财政资金管理方面",
        [
            (
                "专项资金拨付进度慢",
                ["建立专项资金拨付月调度制度", "对滞留超过三个月的资金收回统筹使用"],
                "县财政局、县审计局",
                "张某某",
                "2025年底前",
            ),
            (
                "政府采购程序执行不严",
                ["开展政府采购项目专项检查", "组织采购人员业务培训"],
                "县财政局",
                "李某某",
                "6月底",
            ),
        ],
    ),
    (
        "二、国有资产管理方面",
        [
            (
                "闲置资产未及时盘活",
                ["全面清查行政事业单位闲置资产并建立台账"],
                "县机关事务服务中心",
                "王某某",
                "即时",
            ),
        ],
    ),
]


def half_paren_txt(path: Path) -> Path:
    lines = [
        "云溪县财政局关于审计整改情况的报告",
        "县人民政府：",
        "根据县审计局《关于2023年度县本级预算执行情况的审计报告》，现将整改情况报告如下。",
    ]
    for aspect, problems in HALF_PAREN:
        lines.append(aspect)
        for k, (problem, measures, unit, person, due) in enumerate(problems, start=1):
            lines.append(f"({k}){problem}。")
            lines.append("整改措施：")
            lines += [f"{i}.{m}。" for i, m in enumerate(measures, start=1)]
            lines.append(f"责任单位：{unit}；责任人：{person}")
            lines.append(f"完成时限：{due}")
    lines += ["云溪县财政局", "2025年3月18日"]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 4. 整改清单 over several pages: several numbered measures in one cell, 进展 column.

LONG_HEADER = ["序号", "存在问题", "整改措施", "责任单位", "责任人", "完成时限", "整改进展"]
# (问题, [措施], 责任单位, 责任人, 完成时限, 进展, status)
LONG_ROWS = [
    (
        "村级财务公开不及时、不规范",
        ["统一村务公开栏格式，按季度公开财务收支", "乡镇经管站每季度抽查一次公开情况"],
        "县农业农村局",
        "赵某某",
        "2025年3月31日",
        "已完成。全县112个村均按季度公开。",
        "已完成",
    ),
    (
        "农村集体“三资”底数不清",
        [
            "开展农村集体资产清产核资“回头看”",
            "建立集体资产数字化管理平台",
            "对清查出的问题合同逐份整改",
        ],
        "县农业农村局、各乡镇",
        "钱某某",
        "2025年6月30日",
        "正在推进。已完成清产核资，平台正在建设。",
        "正在推进",
    ),
    (
        "高标准农田建设项目验收把关不严",
        ["委托第三方对已建项目开展复核", "对发现的质量问题责令施工单位返工"],
        "县农业农村局",
        "孙某某",
        "2025年9月30日",
        "正在推进。已完成复核项目8个。",
        "正在推进",
    ),
    (
        "惠农补贴发放存在冒领风险",
        ["补贴资金通过“一卡通”直达农户", "开展补贴发放专项审计"],
        "县财政局",
        "李某某",
        "2025年3月31日",
        "已完成。",
        "已完成",
    ),
    (
        "农机购置补贴核查不到位",
        ["对补贴机具逐台实地核验", "建立补贴机具二维码档案"],
        "县农业农村局",
        "周某某",
        "2025年4月30日",
        "已完成。核验机具1260台。",
        "已完成",
    ),
    (
        "动物防疫物资管理不规范",
        ["建立防疫物资出入库登记制度", "每半年盘点一次库存"],
        "县畜牧兽医中心",
        "吴某某",
        "长期坚持",
        "长期坚持。制度已印发执行。",
        "长期坚持",
    ),
    (
        "涉农项目资金绩效评价流于形式",
        ["修订涉农资金绩效评价办法", "评价结果与下年度资金分配挂钩"],
        "县财政局、县农业农村局",
        "郑某某",
        "2025年12月31日",
        "正在推进。评价办法已起草。",
        "正在推进",
    ),
    (
        "农村人居环境整治长效管护机制不健全",
        ["落实村庄保洁员队伍", "将管护经费纳入县级财政预算", "每月开展一次评比通报"],
        "县农业农村局、县住建局",
        "冯某某",
        "2025年6月30日",
        "已完成。",
        "已完成",
    ),
    (
        "驻村工作队考勤管理不严",
        ["驻村干部每日线上打卡", "乡镇每月通报驻村考勤"],
        "县委组织部、各乡镇",
        "陈某某",
        "立行立改",
        "已完成。",
        "已完成",
    ),
    (
        "乡村振兴衔接资金项目库更新不及时",
        ["每季度更新一次项目库", "对入库项目开展前期论证"],
        "县乡村振兴局",
        "褚某某",
        "2025年5月31日",
        "正在推进。",
        "正在推进",
    ),
]


def long_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "云溪县农业农村局巡察反馈问题整改清单")
    table = table_of(d, LONG_HEADER, [["", "", "", "", "", "", ""] for _ in LONG_ROWS])
    for i, (problem, measures, unit, person, due, progress, _) in enumerate(LONG_ROWS, start=1):
        cells = table.rows[i].cells
        cells[0].text = str(i)
        cells[1].text = problem
        cells[2].text = f"1.{measures[0]}。"
        for k, m in enumerate(measures[1:], start=2):
            cells[2].add_paragraph(f"{k}.{m}。")
        cells[3].text = unit
        cells[4].text = person
        cells[5].text = due
        cells[6].text = progress
    _repeat_header(table)
    _footer_page_number(d.sections[0], header="")
    official(d, size=14)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. 方案 table with spanning 方面 rows, deadline words, "1.……；2.……" in one cell.

DEADLINE_HEADER = ["序号", "问题", "整改措施", "责任单位", "完成时限"]
# (方面, [(问题, [措施], 责任单位, 时限)])
DEADLINE_PLAN = [
    (
        "一、贯彻落实上级决策部署方面",
        [
            (
                "河长制工作推进不平衡",
                ["建立河长履职月通报制度", "对巡河不到位的河长约谈提醒"],
                "县水利局",
                "2025年底前",
            ),
            (
                "防汛物资储备不足",
                ["按标准补足各乡镇防汛物资"],
                "县应急管理局",
                "6月底",
            ),
        ],
    ),
    (
        "二、落实全面从严治党责任方面",
        [
            (
                "工程变更审批不规范",
                ["立即停止未经审批的变更", "对近两年工程变更逐项复核", "修订工程变更管理办法"],
                "县水利局",
                "即时",
            ),
            (
                "廉政风险防控机制不健全",
                ["梳理岗位廉政风险点，制定防控措施"],
                "县水利局机关党委",
                "长期坚持",
            ),
        ],
    ),
]


def deadline_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云溪县水利局党组关于县委巡察反馈问题的整改方案")
    para(
        d,
        "为切实抓好县委第二巡察组反馈问题的整改落实，结合工作实际，制定本方案。",
    )
    para(d, "一、总体要求")
    para(d, "坚持问题导向，实行清单化管理、项目化推进，确保2025年底前全部整改到位。")
    para(d, "二、整改任务")
    rows = sum(len(ps) + 1 for _, ps in DEADLINE_PLAN)
    table = d.add_table(rows=1 + rows, cols=len(DEADLINE_HEADER))
    table.style = "Table Grid"
    for j, text in enumerate(DEADLINE_HEADER):
        table.cell(0, j).text = text
    r, n = 1, 0
    for aspect, problems in DEADLINE_PLAN:
        merged = table.cell(r, 0).merge(table.cell(r, len(DEADLINE_HEADER) - 1))
        merged.text = aspect
        r += 1
        for problem, measures, unit, due in problems:
            n += 1
            cells = table.rows[r].cells
            cells[0].text = str(n)
            cells[1].text = problem
            cells[2].text = "；".join(f"{i}.{m}" for i, m in enumerate(measures, start=1)) + "。"
            cells[3].text = unit
            cells[4].text = due
            r += 1
    para(d, "三、保障措施")
    para(d, "局党组每月听取一次整改进展汇报，对整改不力的严肃问责。")
    sign(d, "中共云溪县水利局党组", "2025年1月15日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. 县 report: 方面 → 乡镇 sections → problems.

# (方面, [(乡镇, [(问题, 措施, status)])])
TOWNSHIPS = [
    (
        "一、基层党组织建设方面",
        [
            (
                "石桥镇",
                [
                    ("村级后备干部储备不足", "每村至少储备2名35岁以下后备干部", "已完成"),
                    ("党员活动室利用率低", "制定活动室开放使用制度，每月开展主题党日", "长期坚持"),
                ],
            ),
            (
                "青山乡",
                [("软弱涣散村整顿进度慢", "县乡两级干部包村整顿，逐村制定整顿方案", "正在推进")],
            ),
        ],
    ),
    (
        "二、基层减负方面",
        [
            (
                "石桥镇",
                [("村级挂牌过多", "清理村级组织不规范挂牌", "已完成")],
            ),
            (
                "青山乡",
                [
                    ("填表报数任务重", "建立报表准入清单，统一数据采集口径", "基本完成"),
                ],
            ),
        ],
    ),
]


def township_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云溪县委组织部关于乡镇巡察反馈问题整改情况的报告")
    para(d, "县委巡察工作领导小组：")
    para(
        d,
        "县委第四巡察组对石桥镇、青山乡开展了巡察，并于2024年8月反馈了巡察意见。现将两个乡镇的"
        "整改情况汇总报告如下。",
    )
    for aspect, towns in TOWNSHIPS:
        para(d, aspect)
        for k, (town, problems) in enumerate(towns):
            para(d, f"（{ORDINAL[k]}）{town}")
            for i, (problem, measure, status) in enumerate(problems, start=1):
                para(d, f"{i}.{problem}。")
                para(d, f"整改情况：{measure}。{TOLD[status]}")
    sign(d, "中共云溪县委组织部", "2024年12月5日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 7. 报告 of prose with 附件1 整改任务清单 and 附件2 (rules made, not problems).

ANNEX_HEADER = ["序号", "问题类别", "具体问题", "整改措施", "责任科室", "整改情况"]
# (类别, 问题, 措施, 科室, 整改情况, status)
ANNEX_ROWS = [
    (
        "党的建设",
        "支部书记抓党建述职流于形式",
        "述职报告由党组审核把关，点评到人",
        "人事科",
        "已完成",
        "已完成",
    ),
    ("党的建设", "党员教育管理不严", "建立党员积分管理制度", "机关党委", "已完成", "已完成"),
    (
        "财务管理",
        "差旅费报销审核不严",
        "对2023年以来差旅费逐笔复核，退回多报金额",
        "财务科",
        "正在推进",
        "正在推进",
    ),
    (
        "财务管理",
        "固定资产账实不符",
        "开展固定资产全面盘点，账实核对",
        "办公室",
        "已完成",
        "已完成",
    ),
]
RULES_HEADER = ["序号", "制度名称", "印发时间"]
RULES_ROWS = [
    ["1", "党员积分管理办法", "2024年10月"],
    ["2", "差旅费报销管理规定", "2024年11月"],
    ["3", "固定资产管理办法", "2024年11月"],
]


def annex_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云溪县统计局党组关于巡察整改情况的报告")
    para(d, "县委巡察办：")
    para(
        d,
        "2024年6月，县委第五巡察组向我局反馈了巡察意见，指出问题2个方面4项。截至目前，已完成"
        "整改3项，正在整改1项。现将有关情况报告如下。",
    )
    para(d, "一、提高站位，扛牢整改政治责任")
    para(d, "局党组把巡察整改作为重大政治任务，主要负责同志亲自部署、亲自督办。")
    para(d, "二、建章立制，巩固整改成果")
    para(d, "整改中共建立完善制度3项（见附件2），推动形成长效机制。")
    para(d, "附件：1.巡察整改任务清单")
    para(d, "2.建立完善制度清单")
    sign(d, "中共云溪县统计局党组", "2024年12月12日")
    para(d, "附件1")
    para(d, "巡察整改任务清单", align=WD_ALIGN_PARAGRAPH.CENTER)
    table_of(d, ANNEX_HEADER, [[str(i), *r[:5]] for i, r in enumerate(ANNEX_ROWS, start=1)])
    para(d, "附件2")
    para(d, "建立完善制度清单", align=WD_ALIGN_PARAGRAPH.CENTER)
    table_of(d, RULES_HEADER, RULES_ROWS)
    official(d)
    d.save(path)
    return path


def annex_inline_report(path: Path) -> Path:
    """The same report with each attachment's title on its "附件1：" line."""
    d = docx.Document()
    title(d, "中共云溪县统计局党组关于巡察整改情况的报告")
    para(d, "县委巡察办：")
    para(d, "2024年6月，县委第五巡察组向我局反馈了巡察意见。现将有关情况报告如下。")
    para(d, "一、提高站位，扛牢整改政治责任")
    para(d, "局党组把巡察整改作为重大政治任务，主要负责同志亲自部署、亲自督办。")
    para(d, "附件：巡察整改任务清单")
    sign(d, "中共云溪县统计局党组", "2024年12月12日")
    para(d, "附件1：巡察整改任务清单")
    table_of(d, ANNEX_HEADER, [[str(i), *r[:5]] for i, r in enumerate(ANNEX_ROWS, start=1)])
    para(d, "附件2：建立完善制度清单")
    table_of(d, RULES_HEADER, RULES_ROWS)
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 8. 公众号 article saved as a web page: bold headings, "问题一：" in bold.

# (方面, [(问题, 措施, status)])
WECHAT_BOLD = [
    (
        "一、落实政治责任方面",
        [
            ("对上级决策部署研究不深", "党组会“第一议题”学习后逐项明确落实分工", "已完成"),
            ("安全生产监管存在盲区", "对全县小散工程开展拉网式排查，建立动态台账", "正在推进"),
        ],
    ),
    (
        "二、干部队伍建设方面",
        [
            ("年轻干部培养力度不够", "选派年轻干部到项目一线跟班锻炼", "长期坚持"),
        ],
    ),
]


def _html_page(title_text: str, body: str, wechat: bool = True) -> str:
    article = (
        f'<div class="rich_media_content" id="js_content">{body}</div>'
        if wechat
        else f'<div class="TRS_Editor">{body}</div>'
    )
    furniture = (
        '<div id="js_profile_qrcode">微信扫一扫关注该公众号</div>'
        if wechat
        else '<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></div>'
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{title_text}</title></head><body>{furniture}"
        f'<h1 class="rich_media_title">{title_text}</h1>'
        '<div class="rich_media_meta_list"><span>云溪应急</span> <em>2024-10-16 18:02</em></div>'
        f"{article}"
        '<div class="footer">阅读 1520 <a href="#">分享</a> <a href="#">推荐</a></div>'
        "</body></html>"
    )


def wechat_bold_html(path: Path) -> Path:
    t = "中共云溪县应急管理局党组关于巡察整改进展情况的通报"
    parts = [
        '<section><p style="text-indent:2em">根据县委统一部署，县委第一巡察组于2024年5月至6月对'
        "县应急管理局党组开展了巡察，7月12日反馈了巡察意见。现将整改进展情况通报如下。</p></section>"
    ]
    n = 0
    for aspect, problems in WECHAT_BOLD:
        parts.append(
            f'<section><p><strong><span style="font-size:17px">{aspect}</span></strong></p>'
        )
        for problem, measure, status in problems:
            parts.append(f"<p><strong>问题{ORDINAL[n]}：</strong><strong>{problem}</strong></p>")
            parts.append(f"<p>整改情况：{measure}。{TOLD[status]}</p>")
            n += 1
        parts.append("</section>")
    parts.append('<p style="text-align:right">中共云溪县应急管理局党组</p>')
    parts.append('<p style="text-align:right">2024年10月16日</p>')
    parts.append("<p>来源：县应急管理局</p><p>编辑：李某</p><p>审核：王某</p>")
    return write_txt(path, _html_page(t, "".join(parts)))


# ---------------------------------------------------------------------------------------------
# 9. 政府网站 notice saved as .mht: "问题1：" / "整改措施及结果：一是……。二是……。".

# (方面, [(问题, [措施])]); every problem ends "目前已整改到位并长期坚持。"
MHT_NOTICE = [
    (
        "（一）在贯彻落实党的路线方针政策方面",
        [
            ("档案安全工作重视不够", ["修订档案库房安全管理制度", "每月开展一次库房安全检查"]),
            ("档案资源开发利用不足", ["编研出版地方档案史料两册", "建设数字档案馆查询平台"]),
        ],
    ),
    (
        "（二）在全面从严治党方面",
        [
            (
                "党风廉政教育针对性不强",
                ["组织干部观看警示教育片并撰写心得", "每季度开展一次廉政谈话"],
            ),
        ],
    ),
]


def mht_notice(path: Path) -> Path:
    t = "云溪县档案馆关于巡察整改情况的通报"
    parts = [
        "<p>县委第二巡察组于2024年3月至4月对县档案馆开展了巡察。按照党务公开原则，现将整改情况"
        "通报如下。</p>",
        "<p>一、整改工作开展情况</p>",
        "<p>馆党支部成立整改工作领导小组，建立问题清单、任务清单和责任清单。</p>",
        "<p>二、巡察反馈问题整改落实情况</p>",
    ]
    n = 0
    for aspect, problems in MHT_NOTICE:
        parts.append(f"<p>{aspect}</p>")
        for problem, measures in problems:
            n += 1
            parts.append(f"<p>问题{n}：{problem}。</p>")
            shi = "".join(f"{ORDINAL[i]}是{m}。" for i, m in enumerate(measures))
            parts.append(f"<p>整改措施及结果：{shi}</p>")
            parts.append("<p>目前已整改到位并长期坚持。</p>")
    parts.append('<p align="right">云溪县档案馆</p><p align="right">2024年9月2日</p>')
    html = _html_page(t, "".join(parts), wechat=False).replace(
        'charset="utf-8"', 'charset="gb2312"'
    )
    body = html.encode("gb18030")
    import base64

    encoded = base64.encodebytes(body).decode("ascii")
    mime = (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: http://www.yunxi.gov.cn/xxgk/2024/0902/1.html\r\n"
        "Subject: =?utf-8?B?" + base64.b64encode(t.encode()).decode() + "?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x1"\r\n'
        "\r\n"
        "------MultipartBoundary--x1\r\n"
        "Content-Type: text/html; charset=gb2312\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: http://www.yunxi.gov.cn/xxgk/2024/0902/1.html\r\n"
        "\r\n" + encoded.replace("\n", "\r\n") + "\r\n"
        "------MultipartBoundary--x1--\r\n"
    )
    path.write_bytes(mime.encode("ascii"))
    return path


# ---------------------------------------------------------------------------------------------
# 10. 方案 copied out of a PDF into a .txt: hard line breaks, "— 3 —" page numbers.

# (方面, [(问题, [措施], 责任单位, 完成时限)])
PDF_COPY = [
    (
        "一、工作作风方面",
        [
            (
                "深入基层调查研究不够，对乡镇卫生院运行中存在的实际困难掌握不全面",
                [
                    "建立班子成员联系乡镇卫生院制度，每季度至少开展一次蹲点调研并形成调研报告",
                    "对调研发现的人员短缺、设备老化等问题建立清单，逐项研究解决",
                ],
                "县卫生健康局",
                "2025年6月底前",
            ),
            (
                "医疗机构行风建设抓得不实，群众对就医环境反映的问题整改不够及时",
                ["开展医疗行业作风专项整治，畅通患者投诉渠道，对投诉件实行限时办结并回访"],
                "县卫生健康局、各医疗机构",
                "2025年底前",
            ),
        ],
    ),
    (
        "二、制度执行方面",
        [
            (
                "药品耗材集中采购政策执行不到位，部分医疗机构存在线下采购行为",
                [
                    "对全县公立医疗机构药品耗材采购情况开展专项检查，发现一起纠正一起",
                    "将集中采购执行情况纳入医疗机构年度绩效考核",
                ],
                "县卫生健康局、县医疗保障局",
                "2025年9月底前",
            ),
        ],
    ),
]


def _wrap(text: str, width: int = 28) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def pdf_copy_txt(path: Path) -> Path:
    lines = ["中共云溪县卫生健康局党组", "关于县委巡察反馈问题的整改方案"]
    lines += _wrap(
        "为认真抓好县委第三巡察组反馈问题的整改落实，确保整改工作取得实效，结合我局实际，制定本方案。"
    )
    lines.append("一、总体要求")
    lines += _wrap("坚持问题导向，逐条制定整改措施，明确责任单位和完成时限，确保件件有着落。")
    lines.append("二、整改任务及措施")
    page = 2
    for n, (aspect, problems) in enumerate(PDF_COPY):
        lines.append(f"（{ORDINAL[n]}）{aspect[2:]}")
        for k, (problem, measures, unit, due) in enumerate(problems, start=1):
            lines += _wrap(f"{k}.{problem}。")
            for i, m in enumerate(measures, start=1):
                lines += _wrap(f"（{i}）{m}。")
            lines.append(f"责任单位：{unit}")
            lines.append(f"完成时限：{due}")
            lines += ["", f"— {page} —", ""]
            page += 1
    lines += ["中共云溪县卫生健康局党组", "2025年2月10日"]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 11. 方案 whose measures are followed by a line of fields separated by spaces.

# (方面, [(问题, [(措施, 责任领导, 责任单位, 完成时限)])])
SPACED_FIELDS = [
    (
        "一、民生保障方面",
        [
            (
                "特困供养对象动态管理不及时",
                [
                    ("每季度开展一次特困供养对象核查", "王某某", "县民政局", "2025年6月底"),
                    ("对不符合条件的及时停发供养金", "王某某", "县民政局", "立行立改"),
                ],
            ),
            (
                "养老服务设施利用率不高",
                [
                    (
                        "对闲置的农村幸福院逐一制定盘活方案",
                        "刘某某",
                        "县民政局、各乡镇",
                        "2025年底前",
                    )
                ],
            ),
        ],
    ),
    (
        "二、机关建设方面",
        [
            (
                "机关考勤制度执行不严",
                [("推行电子考勤，每月通报一次考勤情况", "陈某某", "局办公室", "长期坚持")],
            ),
        ],
    ),
]


def spaced_fields_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云溪县民政局党组巡察整改工作方案")
    para(d, "为全面落实县委巡察反馈意见整改要求，制定本方案。")
    para(d, "一、整改任务")
    n = 0
    for aspect, problems in SPACED_FIELDS:
        para(d, f"（{ORDINAL[n]}）{aspect[2:]}")
        n += 1
        for k, (problem, measures) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}。")
            for i, (m, lead, unit, due) in enumerate(measures, start=1):
                para(d, f"（{i}）{m}。")
                para(d, f"责任领导：{lead}  责任单位：{unit}  完成时限：{due}")
    para(d, "二、工作要求")
    para(d, "各责任单位要按时报送整改进展，确保整改任务按期完成。")
    sign(d, "中共云溪县民政局党组", "2025年1月6日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 12. 整改清单 whose 进展 column tells the status in prose.

PROSE_HEADER = ["序号", "问题描述", "整改措施", "责任部门", "整改进展"]
# (问题, 措施, 部门, 进展, status)
PROSE_ROWS = [
    ("教师职称评审程序不透明", "评审结果全程公示，接受监督", "人事股", "目前已整改到位", "已完成"),
    (
        "校外培训机构监管不到位",
        "联合市场监管部门开展专项检查",
        "校外教育培训监管股",
        "正在持续推进中，已完成60%",
        "正在推进",
    ),
    (
        "学校食堂食品安全管理不严",
        "推行“明厨亮灶”，实行校领导陪餐制度",
        "体卫艺股",
        "已基本完成",
        "基本完成",
    ),
    (
        "师德师风建设有薄弱环节",
        "建立师德考核负面清单",
        "教师工作股",
        "已建立长效机制，长期坚持",
        "长期坚持",
    ),
]


def prose_progress_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "云溪县教育局巡察反馈问题整改进展情况表")
    table_of(d, PROSE_HEADER, [[str(i), *r[:4]] for i, r in enumerate(PROSE_ROWS, start=1)])
    para(d, "填报单位：云溪县教育局　　填报时间：2024年12月20日")
    official(d, size=12)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 13. 通报: "1.……问题" headings, "（1）……" measures in paragraphs, then "整改进度：……".

# (方面, [(问题, [措施], 进度 sentence, status)])
NUMBERED_MEASURES = [
    (
        "一、关于落实主体责任方面",
        [
            (
                "对下属单位监督管理不到位的问题",
                ["制定下属单位监督管理办法", "每年对下属单位开展一次专项检查"],
                "已全部完成。",
                "已完成",
            ),
            (
                "违规发放津补贴的问题",
                ["对违规发放的津补贴全部清退", "对相关责任人进行诫勉谈话"],
                "已清退资金3.2万元，正在持续推进中。",
                "正在推进",
            ),
        ],
    ),
    (
        "二、关于干部队伍建设方面",
        [
            (
                "干部交流轮岗不够的问题",
                ["制定干部交流轮岗计划，对在同一岗位满5年的干部有序轮岗"],
                "已基本完成。",
                "基本完成",
            ),
        ],
    ),
]


def numbered_measures_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云溪县住房和城乡建设局党组关于巡察整改情况的通报")
    para(d, "县委第六巡察组于2024年4月对县住建局党组开展了巡察。现将整改情况通报如下。")
    for aspect, problems in NUMBERED_MEASURES:
        para(d, aspect, bold="")
        for k, (problem, measures, progress, _) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}")
            for i, m in enumerate(measures, start=1):
                para(d, f"（{i}）{m}。")
            para(d, f"整改进度：{progress}")
    sign(d, "中共云溪县住房和城乡建设局党组", "2024年11月1日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 14. 报告 whose words the reader cannot be sure of.


def unsure_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "云溪县交通运输局关于巡察整改情况的报告")
    para(d, "县委巡察办：")
    para(d, "现将县委第二巡察组反馈问题的整改情况报告如下。")
    para(d, "一、安全监管方面")
    para(d, "1.农村公路安全隐患排查不彻底。")
    para(d, "整改措施：对全县农村公路临水临崖路段开展全面排查，计划年内完成安防设施建设。")
    para(d, "整改情况：已取得阶段性成效。")
    para(d, "2.道路运输企业安全主体责任落实不到位。")
    para(d, "整改措施：约谈重点运输企业负责人，督促企业落实安全生产责任。")
    para(d, "整改情况：目前已整改到位。")
    para(d, "二、工程管理方面")
    para(d, "1.部分工程项目未按期交工验收。")
    para(d, "2.工程款支付审核不严。")
    para(d, "整改措施：实行工程款支付三级审核。")
    para(d, "整改情况：目前正在持续推进中。")
    sign(d, "云溪县交通运输局", "2024年12月28日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 15. 任务清单 with one column for the unit and the person ("责任单位及责任人"), measures
#     "①……；②……" / "（1）……；（2）……" in one cell.

DUTY_HEADER = ["序号", "问题", "整改措施", "责任单位及责任人", "完成时限", "进展情况"]
# (问题, 措施 cell, [措施], cell as written, 责任单位, 责任人, 时限, status)
DUTY_ROWS = [
    (
        "预算编制不够细化",
        "①细化预算科目到项目；②建立预算执行月报制度",
        ["细化预算科目到项目", "建立预算执行月报制度"],
        "县财政局　张某某",
        "县财政局",
        "张某某",
        "2025年底前",
        "已完成",
    ),
    (
        "审计整改跟踪问效不到位",
        "（1）建立审计整改台账；（2）每季度开展一次整改“回头看”",
        ["建立审计整改台账", "每季度开展一次整改“回头看”"],
        "责任单位：县审计局；责任人：李某某",
        "县审计局",
        "李某某",
        "即时",
        "正在推进",
    ),
    (
        "内部控制制度不健全",
        "修订内部控制手册",
        ["修订内部控制手册"],
        "县审计局办公室，王某某",
        "县审计局办公室",
        "王某某",
        "2025年6月30日",
        "已完成",
    ),
    (
        "政府投资项目审计覆盖面不广",
        "制定年度投资审计计划，实现重点项目全覆盖",
        ["制定年度投资审计计划，实现重点项目全覆盖"],
        "县审计局、县发展改革局",
        "县审计局、县发展改革局",
        None,
        "长期坚持",
        "长期坚持",
    ),
]


def duty_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "云溪县审计局巡察反馈问题整改任务清单")
    rows = [[str(i), r[0], r[1], r[3], r[6], r[7]] for i, r in enumerate(DUTY_ROWS, start=1)]
    table_of(d, DUTY_HEADER, rows)
    official(d, size=12)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 16. 通报 of a 县 by its 乡镇: "一、石桥镇" over "（一）……方面" over "1.……。整改情况：……".

# (乡镇, [(方面, [(问题, 措施, status)])])
TOWN_PARTS = [
    (
        "石桥镇",
        [
            (
                "基层党建方面",
                [
                    ("村级后备干部储备不足", "每村储备2名以上后备干部", "已完成"),
                    ("党员活动室利用率低", "制定活动室开放使用制度", "正在推进"),
                ],
            ),
            ("作风建设方面", [("村级挂牌过多", "清理村级组织不规范挂牌", "已完成")]),
        ],
    ),
    (
        "青山乡",
        [("基层党建方面", [("软弱涣散村整顿进度慢", "县乡干部包村整顿", "正在推进")])],
    ),
]


def town_parts_txt(path: Path) -> Path:
    lines = [
        "中共云溪县委巡察工作领导小组办公室关于乡镇巡察整改情况的通报",
        "县委第四巡察组对石桥镇、青山乡开展了巡察，反馈问题共2个方面4项。现将整改情况通报如下。",
    ]
    for k, (town, aspects) in enumerate(TOWN_PARTS):
        lines.append(f"{ORDINAL[k]}、{town}")
        for n, (aspect, problems) in enumerate(aspects):
            lines.append(f"（{ORDINAL[n]}）{aspect}")
            for i, (problem, measure, status) in enumerate(problems, start=1):
                lines.append(f"{i}.{problem}。整改情况：{measure}。{TOLD[status]}")
    lines += ["中共云溪县委巡察工作领导小组办公室", "2024年12月5日"]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 17. 通报 whose enumerated measures each carry their own status or date ("一是……，已完成；
#     二是……，正在推进"; "（2）……，计划2025年6月底前完成"), and a status sentence opening with
#     what was done ("目前已改造8公里，正在持续推进中，计划……完成").

# (方面, [(问题, [(措施, status, 时限)], marks)])
ITEM_STATUS = [
    (
        "党的建设方面",
        [
            (
                "支部标准化建设不到位",
                [
                    ("对照标准逐项补齐支部阵地", "已完成", None),
                    ("规范“三会一课”台账", "正在推进", None),
                    ("开展支部书记轮训", "已完成", None),
                ],
                "shi",
            ),
            (
                "党员教育针对性不强",
                [
                    ("分类制定党员教育计划", "已完成", None),
                    ("建设党员教育示范点", None, "2025年6月底前"),
                ],
                "paren",
            ),
        ],
    ),
]


def item_status_txt(path: Path) -> Path:
    lines = [
        "中共云溪县水务局党组关于巡察整改进展情况的通报",
        "现将县委巡察反馈问题整改进展情况通报如下。",
    ]
    for n, (aspect, problems) in enumerate(ITEM_STATUS):
        lines.append(f"{ORDINAL[n]}、{aspect}")
        for k, (problem, measures, marks) in enumerate(problems, start=1):
            items = []
            for i, (m, status, due) in enumerate(measures):
                mark = f"{ORDINAL[i]}是" if marks == "shi" else f"（{i + 1}）"
                said = (
                    f"，计划{due}完成"
                    if due
                    else "，" + {"已完成": "已完成", "正在推进": "正在推进"}[status]
                )
                items.append(mark + m + said)
            lines.append(f"{k}.{problem}。整改措施：" + "；".join(items) + "。")
    lines.append("二、业务工作方面")
    lines.append(
        "1.供水管网漏损率高。整改措施：实施老旧管网改造12公里。目前已改造8公里，正在持续推进中，"
        "计划2025年10月底前完成。"
    )
    lines += ["中共云溪县水务局党组", "2025年3月1日"]
    return write_txt(path, "\n".join(lines) + "\n")


DOCX_BUILDERS = {
    "about_paragraphs_report": about_paragraphs_report,
    "circled_notice": circled_notice,
    "long_list": long_list,
    "deadline_plan": deadline_plan,
    "township_report": township_report,
    "annex_report": annex_report,
    "annex_inline_report": annex_inline_report,
    "spaced_fields_plan": spaced_fields_plan,
    "prose_progress_list": prose_progress_list,
    "numbered_measures_notice": numbered_measures_notice,
    "unsure_report": unsure_report,
    "duty_table": duty_table,
}

TXT_BUILDERS = {
    "half_paren_txt": half_paren_txt,
    "pdf_copy_txt": pdf_copy_txt,
    "town_parts_txt": town_parts_txt,
    "item_status_txt": item_status_txt,
    "about_flat_txt": about_flat_txt,
}

HTML_BUILDERS = {
    "wechat_bold_html": (wechat_bold_html, ".html"),
    "mht_notice": (mht_notice, ".mht"),
}
