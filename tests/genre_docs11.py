"""An eleventh round of documents of the genre, for fictional units, in our own words: shapes
that published 整改情况报告, 巡察整改进展情况的通报, 专项整治通报 and 整改方案 take and the first ten
rounds lack. Each builder writes a real .docx (``python-docx``), .txt or .html and returns its
path; ``tests/test_import11.py`` imports it (and the PDF, .doc or .odt LibreOffice makes of some
.docx) through the real command and judges the ledger row by row against the builders' own data.

The shapes:

1. a 报告 whose 方面 are the parts "一、关于……方面" and whose problems are blocks
   "（一）问题：……" / "整改措施：一是……；二是……。" / "整改成效：……" (the status told there);
2. a 报告 whose problems and measures are a table 序号/问题/整改措施/责任单位/完成时限/整改进展
   inside the body, between its prose parts, the 进展 cells opening with the status in words;
3. a 方案 pasted as text whose 方面 are headings "【……方面】" and whose problems are "问题1：";
4. a 通报 on a web page whose problems and labels are marked "▲" ("▲问题一：……", "▲整改措施：");
5. a 报告 whose every problem ends with its status told in prose ("该问题已完成整改。", "目前正在
   推进。", "需长期坚持。") and whose counts "共X个问题，已完成Y个" agree (also as Word 97 .doc);
6. a 方案 whose problems carry "（牵头单位：……；责任单位：……）" at the end of their heading line,
   their measures "1.……（完成时限：2025年底前）" or "（持续推进）";
7. a 专项整治通报 as text whose 方面 are "（一）……类问题" (no "方面" in them), each opened by the
   counts of that kind;
8. a 方案 with 落款 of two units, a date, and "附件：1.……" / "2.……" lines after the body (also as
   .odt);
9. a 报告 whose long numbered measures run over pages (a hard page break inside one, a running
   header and "第 N 页 共 M 页" footers);
10. a 报告 whose body gives only the counts and whose 附件 after the 落款 is the 台账 table;
11. a 报告 of "（一）问题：" blocks whose measures are "1.……" under an "整改措施：" line, then
    "整改成效：正在整改。……" (also as .rtf);
12. a 通报 as text whose problems carry their status in the label: "问题1（已完成）：……";
13. a 审计整改结果公告 web page whose stated counts disagree with its statuses;
14. a 通报 as text whose 方面 are lines marked "▲……方面";
15. a 方案 whose measures end in their deadline as a clause "……，2025年底前完成。";
16. a 报告 whose "整改进展：" gives the measures' statuses by number ("第（1）（2）项已完成，
    第（3）项长期坚持。") or of them all ("上述措施均已完成。");
17. a 通报 whose every problem heading stands over a table of its measures alone (整改措施/
    责任单位/完成时限/整改进展, no 问题 column).
"""

from __future__ import annotations

from pathlib import Path

import docx
from genre_docs import para, sign, title, write_txt
from genre_docs3 import table_of

ORDINAL = "一二三四五六七八九十"


def _shi(measures: list[str]) -> str:
    return "".join(
        f"{ORDINAL[i]}是{m}" + ("；" if i + 1 < len(measures) else "。")
        for i, m in enumerate(measures)
    )


# ---------------------------------------------------------------------------------------------
# 1. 报告 of "（一）问题：" / "整改措施：" / "整改成效：" blocks under "一、关于……方面" parts.

# (方面, [(问题, [措施], 成效, status)])
BLOCKS = [
    (
        "关于贯彻落实上级决策部署方面",
        [
            (
                "森林防火责任落实不到位，部分护林员巡护记录不全",
                ["修订护林员巡护考核办法，实行每日巡护打卡", "对全县护林员开展一次业务轮训"],
                "已完成整改。全县126名护林员全部纳入打卡管理。",
                "已完成",
            ),
            (
                "古树名木保护工作推进缓慢",
                ["完成全县古树名木普查建档", "对濒危古树逐株制定复壮方案"],
                "正在推进。已建档古树312株，复壮方案已完成18株。",
                "正在推进",
            ),
        ],
    ),
    (
        "关于落实全面从严治党责任方面",
        [
            (
                "党组理论学习中心组学习流于形式",
                ["制定年度学习计划，明确专题发言人", "每次学习后形成研讨纪要"],
                "长期坚持。2025年以来已开展专题学习8次。",
                "长期坚持",
            ),
        ],
    ),
]


def blocks_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共北岭县林业局党组关于巡察整改情况的报告")
    para(d, "县委巡察办：")
    para(
        d,
        "2025年3月10日至4月30日，县委第二巡察组对我局党组开展了常规巡察，并于6月5日反馈了"
        "巡察意见。局党组高度重视，逐条研究制定整改措施。现将整改情况报告如下。",
    )
    for k, (aspect, problems) in enumerate(BLOCKS):
        para(d, f"{ORDINAL[k]}、{aspect}")
        for j, (problem, measures, result, _) in enumerate(problems):
            para(d, f"（{ORDINAL[j]}）问题：{problem}。")
            para(d, f"整改措施：{_shi(measures)}")
            para(d, f"整改成效：{result}")
    para(d, "三、下一步工作打算")
    para(d, "局党组将持续巩固整改成果，对正在推进的事项实行销号管理，确保按期完成。")
    sign(d, "中共北岭县林业局党组", "2025年9月15日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. 报告 with a table 序号/问题/整改措施/责任单位/完成时限/整改进展 in its body.

# [(问题, 措施, 责任单位, 时限, 进展 as written, status, 进展 as kept)]
TABLE_ROWS = [
    (
        "政府采购内控制度不健全",
        "修订政府采购内部控制管理办法",
        "办公室",
        "2025年6月底前",
        "已完成整改。新办法已于2025年5月印发执行。",
        "已完成",
        "新办法已于2025年5月印发执行。",
    ),
    (
        "固定资产账实不符",
        "开展固定资产全面清查，建立资产台账",
        "财务科",
        "2025年12月底前",
        "正在推进。已完成清查的资产占总数的70%。",
        "正在推进",
        "已完成清查的资产占总数的70%。",
    ),
    (
        "公务接待审批不规范",
        "严格执行公务接待审批单制度，每季度自查一次",
        "办公室",
        "长期坚持",
        "长期坚持。已开展季度自查2次。",
        "长期坚持",
        "已开展季度自查2次。",
    ),
]


def table_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "东川市统计局关于审计发现问题整改情况的报告")
    para(
        d,
        "市审计局于2025年4月对我局2024年度预算执行情况进行了审计，指出问题3个。我局对照问题逐项"
        "整改，现将整改情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(d, "局党组召开专题会议研究整改工作，明确分管领导和责任科室，建立整改台账，实行销号管理。")
    para(d, "二、问题整改情况")
    para(d, "审计指出的3个问题，已完成整改1个，正在推进1个，长期坚持1个。具体情况如下：")
    table_of(
        d,
        ["序号", "问题", "整改措施", "责任单位", "完成时限", "整改进展"],
        [[str(k), p, m, u, t, told] for k, (p, m, u, t, told, _, _) in enumerate(TABLE_ROWS, 1)],
    )
    para(d, "三、下一步工作打算")
    para(d, "我局将持续跟踪未完成事项，确保全部整改到位。")
    sign(d, "东川市统计局", "2025年8月20日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. 方案 as text: "【……方面】" headings, "问题1：" problems.

# (方面, [(问题, [(措施, 责任单位, 时限)])])
BRACKET_PLAN = [
    (
        "政治建设方面",
        [
            (
                "落实“第一议题”制度不够严格",
                [
                    ("党组会议“第一议题”学习后明确贯彻落实举措", "办公室", "立行立改"),
                    ("建立“第一议题”落实情况跟踪台账", "办公室", "2025年10月底前"),
                ],
            ),
        ],
    ),
    (
        "作风建设方面",
        [
            (
                "服务企业主动性不强",
                [("建立局领导联系重点企业制度", "企业服务科", "2025年9月底前")],
            ),
            (
                "督查检查事项偏多",
                [("统筹合并年度督查检查计划，压减频次", "督查室", "2025年12月底前")],
            ),
        ],
    ),
]


def bracket_plan_txt(path: Path) -> Path:
    lines = [
        "西江区工业和信息化局巡察整改工作方案",
        "",
        "为抓好区委第一巡察组反馈意见的整改落实，制定本方案。",
        "一、整改目标",
        "坚持问题导向，确保反馈问题按期整改到位。",
        "二、整改任务",
    ]
    for aspect, problems in BRACKET_PLAN:
        lines.append(f"【{aspect}】")
        for j, (problem, measures) in enumerate(problems, 1):
            lines.append(f"问题{j}：{problem}。")
            lines.append("整改措施：")
            for k, (m, unit, due) in enumerate(measures, 1):
                lines.append(f"{k}.{m}。（责任单位：{unit}；完成时限：{due}）")
    lines += [
        "三、工作要求",
        "各责任单位要按照时限要求抓好落实，整改情况每月报局办公室。",
        "",
        "西江区工业和信息化局",
        "2025年7月18日",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 4. 通报 on a web page marked with ▲.

# [(问题, [措施], 状态句, status)]
TRIANGLE = [
    (
        "村级财务管理不规范，部分村报账凭证不全",
        ["对全镇12个村开展财务专项检查", "规范村级报账流程，实行村账镇代管"],
        "目前，该问题已整改完成。",
        "已完成",
    ),
    (
        "农村集体“三资”底数不清",
        ["开展集体资产清产核资", "建立村级“三资”管理台账"],
        "目前，该问题正在整改中。",
        "正在推进",
    ),
]


def triangle_notice_html(path: Path) -> Path:
    title_text = "中共南屏镇委员会关于巡察整改进展情况的通报"
    paras = [
        "根据区委统一部署，区委第三巡察组于2025年3月对南屏镇党委开展了巡察。现将整改进展情况通报如下。",
        "一、整改工作开展情况",
        "镇党委成立整改工作领导小组，制定整改方案，逐项落实整改任务。",
        "二、反馈问题整改情况",
    ]
    for k, (problem, measures, told, _) in enumerate(TRIANGLE):
        paras.append(f"▲问题{ORDINAL[k]}：{problem}。")
        paras.append(f"▲整改措施：{_shi(measures)}{told}")
    paras += [
        "三、下一步工作打算",
        "镇党委将持续推进未完成事项，巩固整改成果。",
        "欢迎社会各界对整改落实情况进行监督。联系电话：0871-6000000。",
    ]
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title_text}</title></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/xxgk/">信息公开</a></div>
<h1>{title_text}</h1>
<div class="info">发布时间：2025-09-02 来源：南屏镇</div>
<div class="content">
{body}</div>
<div class="foot">【打印本页】【关闭窗口】</div>
</body></html>
"""
    path.write_text(html, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# 5. 报告 with the status told in prose after each problem's measures, counts that agree.

PROSE_STATUS = {
    "已完成": "该问题已完成整改。",
    "正在推进": "目前，该问题正在推进。",
    "长期坚持": "该项工作需长期坚持。",
}

# (方面, [(问题, [措施], status)])
PROSE = [
    (
        "（一）党的建设方面",
        [
            (
                "基层党组织“三会一课”制度落实不严格",
                ["对各支部会议记录开展专项检查", "将“三会一课”落实情况纳入支部书记述职评议"],
                "已完成",
            ),
            (
                "发展党员工作程序不规范",
                ["对近三年发展党员档案逐份核查", "组织发展党员业务培训"],
                "已完成",
            ),
        ],
    ),
    (
        "（二）业务工作方面",
        [
            (
                "医保基金监管存在薄弱环节",
                ["开展定点医药机构全覆盖检查", "建立医保基金智能监控规则库"],
                "正在推进",
            ),
            (
                "经办服务窗口办事效率不高",
                ["推行“一窗通办”", "每月通报窗口办件时长"],
                "长期坚持",
            ),
        ],
    ),
]


def prose_status_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共清河县医疗保障局党组关于巡察整改进展情况的报告")
    para(
        d,
        "县委第四巡察组于2025年5月向我局党组反馈了巡察意见。截至2025年9月30日，巡察反馈的"
        "2个方面4个问题，已完成整改2个，正在推进1个，长期坚持1个。现将有关情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(d, "局党组把巡察整改作为重要政治任务，主要负责同志亲自部署、亲自督办。")
    para(d, "二、反馈问题整改落实情况")
    for aspect, problems in PROSE:
        para(d, aspect)
        for k, (problem, measures, status) in enumerate(problems, 1):
            para(d, f"{k}.{problem}。")
            para(d, f"{_shi(measures)}{PROSE_STATUS[status]}")
    para(d, "三、下一步工作打算")
    para(d, "局党组将持续用力，推动整改工作常态长效。")
    sign(d, "中共清河县医疗保障局党组", "2025年10月9日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. 方案 whose problems carry their units at the line's end, measures their deadlines.

# (方面, [(问题, 牵头单位, 责任单位, [(措施, 时限)])])
UNIT_ENDS = [
    (
        "（一）耕地保护方面",
        [
            (
                "违法占用耕地问题查处不及时",
                "县自然资源局",
                "各乡镇人民政府",
                [("开展违法占地图斑核查", "2025年底前"), ("建立违法占地快查快处机制", "持续推进")],
            ),
        ],
    ),
    (
        "（二）水污染防治方面",
        [
            (
                "部分乡镇污水处理设施运行不正常",
                "县住房和城乡建设局",
                "县生态环境局",
                [("对乡镇污水处理设施逐个排查维修", "2025年10月底前")],
            ),
            (
                "畜禽养殖污染治理不到位",
                "县农业农村局",
                "各乡镇人民政府",
                [
                    ("督促规模养殖场配套粪污处理设施", "2025年底前"),
                    ("开展养殖污染巡查", "持续推进"),
                ],
            ),
        ],
    ),
]


def unit_ends_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "安平县生态环境保护督察反馈问题整改方案")
    para(d, "为切实抓好省生态环境保护督察反馈问题整改，制定本方案。")
    para(d, "一、总体要求")
    para(d, "坚持问题导向，压实整改责任，确保反馈问题按时整改到位。")
    para(d, "二、整改任务")
    for aspect, problems in UNIT_ENDS:
        para(d, aspect)
        for k, (problem, lead, unit, measures) in enumerate(problems, 1):
            para(d, f"{k}.{problem}。（牵头单位：{lead}；责任单位：{unit}）")
            for j, (m, due) in enumerate(measures, 1):
                tail = "（持续推进）" if due == "持续推进" else f"（完成时限：{due}）"
                para(d, f"（{j}）{m}。{tail}")
    para(d, "三、保障措施")
    para(d, "县督察整改工作领导小组办公室每月调度一次整改进展。")
    sign(d, "安平县人民政府办公室", "2025年6月3日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 7. 专项整治通报 as text: "（一）……类问题" kinds with their counts.

# (方面, 计数句, [(问题, 整改情况, status)])
CAMPAIGN = [
    (
        "（一）违规收受礼品礼金类问题",
        "共排查发现此类问题2个，已全部整改。",
        [
            (
                "个别干部节日期间收受管理服务对象购物卡",
                "责令退还购物卡，给予相关人员诫勉处理。已完成整改。",
                "已完成",
            ),
            (
                "个别单位违规发放节日福利",
                "追回违规发放的福利费用，对单位主要负责人进行约谈。已完成整改。",
                "已完成",
            ),
        ],
    ),
    (
        "（二）违规使用公车类问题",
        "共排查发现此类问题1个，正在整改。",
        [
            (
                "公务用车使用登记不规范",
                "建立公车使用电子登记系统，每月通报用车情况。目前正在推进。",
                "正在推进",
            ),
        ],
    ),
]


def campaign_notice_txt(path: Path) -> Path:
    lines = [
        "关于落实中央八项规定精神专项整治工作情况的通报",
        "",
        "按照县纪委监委统一部署，2025年4月至8月，全县开展了落实中央八项规定精神专项整治。现将有关情况通报如下。",
        "一、专项整治开展情况",
        "各单位对照整治重点开展自查自纠，县纪委监委组织开展了两轮专项检查。",
        "二、发现问题及整改情况",
    ]
    for aspect, counts, problems in CAMPAIGN:
        lines.append(aspect)
        lines.append(counts)
        for k, (problem, told, _) in enumerate(problems, 1):
            lines.append(f"{k}.{problem}。")
            lines.append(f"整改情况：{told}")
    lines += [
        "三、下一步工作要求",
        "各单位要举一反三，持续纠治“四风”问题。",
        "",
        "中共长岭县纪委办公室",
        "2025年9月5日",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 8. 方案 with two units' 落款, a date and "附件：1.……/2.……".

# (方面, [(问题, [(措施, 责任单位, 时限)])])
SIGNED = [
    (
        "一、落实意识形态工作责任制方面",
        [
            (
                "意识形态工作专题研究不够",
                [
                    ("每半年专题研究一次意识形态工作", "党委办公室", "长期坚持"),
                    ("建立意识形态风险隐患排查台账", "宣传统战办", "2025年9月底前"),
                ],
            ),
        ],
    ),
    (
        "二、基层治理方面",
        [
            (
                "网格员队伍管理不规范",
                [("制定网格员考核办法", "社会事务办", "2025年10月底前")],
            ),
        ],
    ),
]


def signed_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共桥头街道工作委员会 桥头街道办事处关于巡察反馈问题的整改方案")
    para(d, "为认真抓好区委巡察反馈意见整改工作，结合街道实际，制定本方案。")
    for aspect, problems in SIGNED:
        para(d, aspect)
        for j, (problem, measures) in enumerate(problems):
            para(d, f"（{ORDINAL[j]}）{problem}")
            for k, (m, unit, due) in enumerate(measures, 1):
                para(d, f"{k}.{m}。（责任单位：{unit}，完成时限：{due}）")
    para(d, "附件：1.桥头街道巡察整改工作领导小组名单")
    para(d, "2.桥头街道巡察整改任务分工表")
    sign(d, "中共桥头街道工作委员会", "桥头街道办事处")
    para(d, "2025年7月1日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 9. 报告 whose long numbered measures run over pages (a hard page break inside one of them,
# a running header and "第 N 页 共 M 页" footers).

# (方面, [(问题, [措施], status)])
LONG = [
    (
        "（一）落实意识形态工作责任制方面",
        [
            (
                "意识形态阵地管理存在薄弱环节",
                [
                    "对单位门户网站、政务新媒体账号开展全面清理，关停长期不更新的账号，"
                    "建立新媒体账号备案台账并实行信息发布三审三校制度，明确每个账号的管理责任人和审核责任人",
                    "每季度对各类宣传阵地开展一次巡查，巡查结果在党组会议上通报，发现问题的限期整改并纳入年度考核",
                ],
                "已完成",
            ),
        ],
    ),
    (
        "（二）干部队伍建设方面",
        [
            (
                "年轻干部培养选拔力度不够",
                [
                    "制定年轻干部培养三年计划，建立优秀年轻干部人选库，实行动态管理，"
                    "每年选派一批年轻干部到基层一线、项目建设一线和信访维稳一线挂职锻炼",
                    "对人选库内干部实行一人一档，跟踪记录其工作实绩，作为提拔使用的重要依据",
                ],
                "正在推进",
            ),
        ],
    ),
]
LONG_TOLD = {"已完成": "目前已整改到位。", "正在推进": "目前正在推进。"}
FILLER = (
    "局党组坚持把巡察整改作为践行“两个维护”的具体行动，召开党组会议专题研究整改工作，"
    "逐条对照反馈问题制定整改措施，明确责任领导、责任科室和完成时限，实行清单化管理、"
    "项目化推进，每月调度一次整改进展，对进度滞后的事项及时督促提醒。"
)


def long_report(path: Path) -> Path:
    from docx.enum.text import WD_BREAK
    from genre_docs3 import page_furniture

    d = docx.Document()
    page_furniture(d, "中共玉泉市交通运输局党组巡察整改进展情况报告")
    title(d, "中共玉泉市交通运输局党组关于巡察整改进展情况的报告")
    para(d, "市委第五巡察组于2025年4月向我局党组反馈了巡察意见，现将整改进展情况报告如下。")
    para(d, "一、整改工作开展情况")
    for _ in range(9):
        para(d, FILLER)
    para(d, "二、反馈问题整改情况")
    for aspect, problems in LONG:
        para(d, aspect)
        for k, (problem, measures, status) in enumerate(problems, 1):
            para(d, f"{k}.{problem}。")
            for j, m in enumerate(measures, 1):
                if aspect.startswith("（二）") and j == 1:
                    # the clerk forced a page break in the middle of the first measure
                    head, tail = m.split("，", 1)
                    p = para(d, f"（{j}）{head}，")
                    p.add_run().add_break(WD_BREAK.PAGE)
                    p.add_run(f"{tail}。")
                else:
                    para(d, f"（{j}）{m}。")
            para(d, LONG_TOLD[status])
    para(d, "三、下一步工作打算")
    para(d, "局党组将持续推进整改，确保各项任务按期完成。")
    sign(d, "中共玉泉市交通运输局党组", "2025年11月3日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 10. 报告 whose body gives the counts and whose 附件 is the 台账 table.

# [(方面, 问题, 措施, 责任单位, 时限, 状态)]
ANNEX = [
    (
        "党的建设",
        "支部标准化建设不达标",
        "对照标准逐项补齐短板",
        "机关党委",
        "2025年6月底前",
        "已完成",
    ),
    ("党的建设", "党员教育管理不严格", "建立党员积分管理制度", "机关党委", "长期坚持", "长期坚持"),
    (
        "业务工作",
        "行政审批事项办理超时",
        "推行审批事项限时办结制度",
        "审批科",
        "2025年9月底前",
        "已完成",
    ),
    ("业务工作", "执法案卷不规范", "开展执法案卷评查", "法规科", "2025年底前", "正在推进"),
]


def annex_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "河口市市场监督管理局关于巡察反馈问题整改情况的报告")
    para(d, "市委巡察办：")
    para(
        d,
        "市委第一巡察组于2025年3月对我局开展了巡察。我局对反馈的2个方面4个问题逐项整改，"
        "共4个问题已完成2个，长期坚持1个，正在推进1个。现将整改情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(d, "局党组成立整改工作领导小组，建立整改台账，实行挂图作战。")
    para(d, "二、下一步工作打算")
    para(d, "对正在推进的问题，明确时间节点，确保2025年底前全部完成。")
    para(d, "附件：巡察反馈问题整改台账")
    sign(d, "河口市市场监督管理局", "2025年10月20日")
    para(d, "附件")
    para(d, "巡察反馈问题整改台账")
    table_of(
        d,
        ["序号", "问题类别", "具体问题", "整改措施", "责任单位", "整改时限", "整改状态"],
        [[str(k), *row] for k, row in enumerate(ANNEX, 1)],
    )
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 11. 报告 whose "（一）问题：" blocks number their measures "1.……" under an "整改措施：" line
# (made into .rtf by LibreOffice as well).

# [(问题, [措施], 成效, status)]
NUMBERED_BLOCKS = [
    (
        "学校食堂食品安全管理不到位",
        ["建立食堂食材采购索证索票台账", "实行校长陪餐制度"],
        "已完成整改。",
        "已完成",
    ),
    (
        "校外培训机构监管存在盲区",
        ["开展校外培训机构专项排查", "建立培训机构黑白名单并向社会公布"],
        "正在整改。已排查培训机构46家。",
        "正在推进",
    ),
]


def numbered_blocks_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "石门县教育局关于巡察整改情况的报告")
    para(d, "根据县委巡察工作统一部署，现将我局巡察整改情况报告如下。")
    para(d, "一、教育领域民生保障方面")
    for j, (problem, measures, result, _) in enumerate(NUMBERED_BLOCKS):
        para(d, f"（{ORDINAL[j]}）问题：{problem}。")
        para(d, "整改措施：")
        for k, m in enumerate(measures, 1):
            para(d, f"{k}.{m}。")
        para(d, f"整改成效：{result}")
    para(d, "二、下一步工作打算")
    para(d, "我局将持续巩固整改成果，建立长效机制。")
    sign(d, "石门县教育局", "2025年9月28日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 12. 通报 pasted as text whose problems carry their status in the label: "问题1（已完成）：".

# [(问题, [措施], status)]
LABEL_STATUS = [
    (
        "村务公开不及时",
        ["制定村务公开目录，每季度公开一次", "在村务公开栏增设二维码查询"],
        "已完成",
    ),
    ("村级集体经济薄弱", ["每村确定一个集体经济发展项目"], "正在推进"),
    ("村干部坐班值班制度落实不到位", ["实行村干部轮流坐班"], "长期坚持"),
]
LABEL_STATUS_WORD = {"已完成": "已完成", "正在推进": "正在推进", "长期坚持": "长期坚持"}


def label_status_txt(path: Path) -> Path:
    lines = [
        "中共花溪镇委员会关于巡察整改进展情况的通报",
        "",
        "根据区委巡察工作安排，区委第二巡察组对我镇开展了巡察。现将整改进展情况通报如下。",
        "一、整改工作总体情况",
        "巡察反馈问题3个，已完成1个，正在推进1个，长期坚持1个。",
        "二、具体问题整改情况",
    ]
    for k, (problem, measures, status) in enumerate(LABEL_STATUS, 1):
        lines.append(f"问题{k}（{LABEL_STATUS_WORD[status]}）：{problem}。")
        lines.append(f"整改措施：{_shi(measures)}")
    lines += [
        "三、下一步工作打算",
        "镇党委将持续抓好整改落实。",
        "",
        "中共花溪镇委员会",
        "2025年10月15日",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 13. 审计整改结果公告 on a web page whose stated counts disagree with its statuses.

# [(问题, 整改情况, status)]
MISCOUNT = [
    ("专项资金拨付滞后", "已将滞后资金全部拨付到位。该问题已整改完成。", "已完成"),
    ("项目验收不及时", "已完成8个项目的验收。该问题已整改完成。", "已完成"),
    ("结余资金未及时收回", "已收回结余资金45万元，剩余部分正在推进。", "正在推进"),
]


def miscount_html(path: Path) -> Path:
    title_text = "兴隆县财政局关于2024年度审计发现问题整改结果的公告"
    paras = [
        "根据审计法有关规定，现将我局2024年度预算执行审计发现问题的整改结果公告如下。",
        "一、审计发现问题的整改情况",
        "审计指出的3个问题已全部整改完成。",
    ]
    for k, (problem, told, _) in enumerate(MISCOUNT, 1):
        paras.append(f"（{ORDINAL[k - 1]}）{problem}的问题")
        paras.append(f"整改情况：{told}")
    paras += ["二、下一步工作", "我局将进一步加强财政资金管理。", "兴隆县财政局", "2025年8月1日"]
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title_text}</title></head>
<body><h1>{title_text}</h1>
<div class="info">发布日期：2025-08-02 信息来源：兴隆县财政局</div>
<div class="content">
{body}</div></body></html>
"""
    path.write_text(html, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# 14. 通报 pasted as text whose 方面 are lines marked "▲……方面" (no number, no bold).

# (方面, 问题, [措施], 状态句, status)
MARKED = [
    (
        "贯彻落实上级决策部署方面",
        "养老服务设施建设进度滞后",
        ["制定养老服务设施建设推进计划", "对建设滞后的项目挂牌督办"],
        "目前正在推进。",
        "正在推进",
    ),
    (
        "全面从严治党方面",
        "廉政风险防控不到位",
        ["全面排查廉政风险点", "修订廉政风险防控手册"],
        "目前已整改完成。",
        "已完成",
    ),
]


def marked_aspects_txt(path: Path) -> Path:
    lines = [
        "青山区民政局关于巡察整改进展情况的通报",
        "",
        "区委第一巡察组于2025年3月对我局开展了巡察。现将整改进展情况通报如下。",
        "一、整改工作开展情况",
        "局党组成立整改工作领导小组，研究制定整改方案。",
        "二、反馈问题整改情况",
    ]
    for k, (aspect, problem, measures, told, _) in enumerate(MARKED):
        lines.append(f"▲{aspect}")
        lines.append(f"问题{ORDINAL[k]}：{problem}。")
        lines.append(f"整改措施：{_shi(measures)}{told}")
    lines += [
        "三、下一步工作打算",
        "局党组将持续抓好整改落实。",
        "",
        "青山区民政局",
        "2025年9月10日",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 15. 方案 whose measures end in their deadline as a clause: "……，2025年底前完成。".

# (方面, [(问题, 措施 without its deadline, deadline clause, 责任单位, 时限 as read)])
CLAUSE_DUE = [
    (
        "（一）城市建设管理方面",
        [
            (
                "老旧小区改造推进缓慢",
                "制定老旧小区改造年度计划，逐个小区明确开工时间",
                "，2025年底前完成",
                "城建股",
                "2025年底前",
            ),
            ("建筑市场监管存在漏洞", "开展建筑市场专项检查，持续推进", "", "建管股", None),
        ],
    ),
    (
        "（二）党风廉政建设方面",
        [
            (
                "工程项目廉政风险防控不力",
                "建立工程项目廉政风险台账",
                "，于2025年9月30日前完成",
                "纪检组",
                "2025年9月30日前",
            ),
        ],
    ),
]


def clause_due_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "柳河县住房和城乡建设局巡察整改方案")
    para(d, "为抓好县委巡察反馈问题整改，制定本方案。")
    para(d, "一、整改任务")
    number = 0
    for aspect, problems in CLAUSE_DUE:
        para(d, aspect)
        for problem, measure, clause, unit, _ in problems:
            number += 1
            para(d, f"{number}.{problem}。")
            para(d, f"整改措施：{measure}{clause}。")
            para(d, f"责任单位：{unit}")
    para(d, "二、工作要求")
    para(d, "各股室要按时完成整改任务。")
    sign(d, "柳河县住房和城乡建设局", "2025年6月20日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 16. 报告 whose "整改进展：" tells the measures' statuses by their numbers ("第（1）（2）项已
# 完成，第（3）项长期坚持。") or of them all ("上述措施均已完成。").

# (方面, 问题, [(措施, status)], 进展)
BY_NUMBER = [
    (
        "（一）意识形态工作方面",
        "文化阵地管理不规范",
        [
            ("开展文化阵地专项检查", "已完成"),
            ("建立文化阵地管理台账", "已完成"),
            ("对违规内容及时清理", "长期坚持"),
        ],
        "第（1）（2）项已完成，第（3）项长期坚持。",
    ),
    (
        "（二）作风建设方面",
        "文旅项目审批效率不高",
        [("压缩审批时限", "已完成"), ("推行容缺受理", "已完成")],
        "上述措施均已完成。",
    ),
]


def by_number_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "白石县文化和旅游局关于巡察整改情况的报告")
    para(d, "县委第三巡察组于2025年4月对我局开展了巡察。现将整改情况报告如下。")
    para(d, "一、反馈问题整改情况")
    for k, (aspect, problem, measures, told) in enumerate(BY_NUMBER, 1):
        para(d, aspect)
        para(d, f"{k}.{problem}。")
        listed = "；".join(f"（{j}）{m}" for j, (m, _) in enumerate(measures, 1))
        para(d, f"整改措施：{listed}。")
        para(d, f"整改进展：{told}")
    para(d, "二、下一步工作打算")
    para(d, "我局将持续巩固整改成果。")
    sign(d, "白石县文化和旅游局", "2025年10月8日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 17. 通报 whose every problem heading "（一）……的问题" stands over a table of its measures
# alone: 整改措施/责任单位/完成时限/整改进展 (no 问题 column).

# [(问题, [(措施, 责任单位, 时限, 进展 as written, status, 进展 as kept)])]
PER_PROBLEM_TABLES = [
    (
        "医疗服务监管不到位",
        [
            (
                "开展医疗机构依法执业专项检查",
                "医政科",
                "2025年6月底前",
                "已完成。检查医疗机构86家。",
                "已完成",
                "检查医疗机构86家。",
            ),
            ("建立医疗服务投诉处理台账", "医政科", "长期坚持", "长期坚持。", "长期坚持", None),
        ],
    ),
    (
        "公共卫生应急能力不足",
        [
            (
                "修订突发公共卫生事件应急预案",
                "疾控科",
                "2025年9月底前",
                "正在推进。预案已完成初稿。",
                "正在推进",
                "预案已完成初稿。",
            ),
        ],
    ),
]


def per_problem_tables(path: Path) -> Path:
    d = docx.Document()
    title(d, "云溪区卫生健康局关于巡察整改进展情况的通报")
    para(d, "区委第二巡察组于2025年3月对我局开展了巡察。现将整改进展情况通报如下。")
    para(d, "一、反馈问题整改情况")
    for k, (problem, measures) in enumerate(PER_PROBLEM_TABLES):
        para(d, f"（{ORDINAL[k]}）{problem}的问题")
        table_of(
            d,
            ["整改措施", "责任单位", "完成时限", "整改进展"],
            [[m, unit, due, told] for m, unit, due, told, _, _ in measures],
        )
    para(d, "二、下一步工作打算")
    para(d, "我局将持续推进整改。")
    sign(d, "云溪区卫生健康局", "2025年7月30日")
    d.save(path)
    return path


DOCX_BUILDERS = {
    "blocks_report": blocks_report,
    "table_report": table_report,
    "prose_status_report": prose_status_report,
    "unit_ends_plan": unit_ends_plan,
    "signed_plan": signed_plan,
    "long_report": long_report,
    "annex_report": annex_report,
    "numbered_blocks_report": numbered_blocks_report,
    "clause_due_plan": clause_due_plan,
    "by_number_report": by_number_report,
    "per_problem_tables": per_problem_tables,
}
OTHER_BUILDERS = {
    "bracket_plan.txt": bracket_plan_txt,
    "triangle_notice.html": triangle_notice_html,
    "campaign_notice.txt": campaign_notice_txt,
    "label_status.txt": label_status_txt,
    "miscount.html": miscount_html,
    "marked_aspects.txt": marked_aspects_txt,
}
