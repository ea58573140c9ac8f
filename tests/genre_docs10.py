"""A tenth round of documents of the genre, for fictional units, in our own words: shapes that
published 进展通报 on websites, 审计整改结果公告, 主题教育整改落实情况, 生态环境保护督察整改方案
and their 附件 take and the first nine rounds lack. Each builder writes a real .docx (``python-docx``),
.txt or .html and returns its path; ``tests/test_import10.py`` imports it (and the PDF LibreOffice
makes of the .docx, an OFD of some) through the real command and judges the ledger row by row
against the builders' own data.

The shapes:

1. a 巡察整改进展情况的通报 as a web page (site furniture around it): 方面 "（一）", problems
   "1.……", "整改情况：对照……问题，采取……措施：一是……；二是……" and a status sentence, the
   counts "已完成整改X个，正在推进Y个" in prose;
2. a 审计整改结果公告: 方面 "（一）", problems "1.……" each followed by "整改结果：……" telling the
   money recovered, one "正在整改" with its plan date;
3. a 主题教育 检视问题整改落实情况 report: "问题一：……", measures "（1）……（牵头单位：……；
   责任单位：……）（2025年12月底前完成）" with the units and the deadline in brackets;
4. a 生态环境保护督察整改方案 whose 附件 整改任务清单 is a landscape table 序号/问题/整改目标/
   整改措施/责任单位/完成时限, long enough to run over pages in the PDF;
5. a 整改台账 table whose 方面 cells are merged down over their problems, statuses 已完成/
   基本完成/持续推进;
6. a 方案 numbered 一、（一）1.（1）: parts, 方面, problems, measures;
7. a plan pasted as text whose measures end in "（牵头单位：县发改局；责任单位：各乡镇；
   2026年6月底前完成）" and "（立行立改）", "（长期坚持）";
8. a 督察整改落实情况公示 web page: a table 序号/反馈问题/整改目标/整改措施/责任单位/整改时限/
   整改进展.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from genre_docs import para, sign, title, write_txt
from genre_docs3 import table_of

ORDINAL = "一二三四五六七八九十"


def _shi(measures: list[str]) -> str:
    return "".join(
        f"{ORDINAL[i]}是{m}" + ("；" if i + 1 < len(measures) else "。")
        for i, m in enumerate(measures)
    )


def _merge_down(table, col: int, first: int, last: int) -> None:
    for i in range(first, last + 1):
        tc_pr = table.cell(i, col)._tc.get_or_add_tcPr()
        vm = OxmlElement("w:vMerge")
        if i == first:
            vm.set(qn("w:val"), "restart")
        else:
            table.cell(i, col).text = ""
        tc_pr.append(vm)


# ---------------------------------------------------------------------------------------------
# 1. 巡察整改进展情况的通报 on a web page.

TOLD = {
    "已完成": "目前，该问题已整改完成。",
    "正在推进": "目前，该问题正在持续推进整改。",
    "长期坚持": "该问题已完成阶段性整改任务，将长期坚持。",
}

# (方面, [(问题, 对照…采取…的起句, [措施], status)])
WEB_NOTICE = [
    (
        "（一）贯彻落实党的路线方针政策和上级决策部署方面",
        [
            (
                "落实耕地保护责任不够到位，部分地块“非粮化”问题整治进度偏慢",
                [
                    "对全镇耕地逐块开展摸排，建立问题地块清单",
                    "对12处“非粮化”地块制定分类整治计划，落实包保责任人",
                    "每月通报一次整治进度",
                ],
                "正在推进",
            ),
            (
                "推进人居环境整治成效不明显",
                ["制定村庄清洁行动方案，划分卫生责任区", "将人居环境整治纳入村级年度考核"],
                "已完成",
            ),
        ],
    ),
    (
        "（二）落实全面从严治党责任方面",
        [
            (
                "党委书记第一责任人职责履行不够充分",
                ["党委书记每季度听取一次班子成员履责情况汇报", "建立党风廉政建设责任清单"],
                "长期坚持",
            ),
        ],
    ),
]


def _web_notice_paragraphs() -> list[str]:
    out = [
        "根据县委统一部署，2025年4月7日至5月30日，县委第一巡察组对镇党委开展了常规巡察，"
        "并于7月2日反馈了巡察意见。按照巡察整改公开要求，现将整改进展情况通报如下。",
        "一、整改工作开展情况",
        "镇党委召开专题会议研究部署整改工作，成立由党委书记任组长的整改工作领导小组，"
        "逐条制定整改措施，建立问题、任务、责任清单。",
        "截至2025年10月底，巡察反馈的2个方面3个问题，已完成整改1个，正在推进2个；"
        "制定整改措施7条，已完成4条。",
        "二、反馈问题整改落实情况",
    ]
    for aspect, problems in WEB_NOTICE:
        out.append(aspect)
        for k, (problem, measures, status) in enumerate(problems, start=1):
            out.append(f"{k}.{problem}。")
            out.append(
                f"整改情况：对照{problem}的问题，采取了以下措施：{_shi(measures)}{TOLD[status]}"
            )
    out += [
        "三、下一步工作打算",
        "镇党委将持续抓好未完成事项的整改，确保整改任务全面完成。",
        "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0878-5000000；"
        "电子邮箱：yljz@example.cn。",
    ]
    return out


def web_notice_html(path: Path) -> Path:
    title_text = "中共云岭县青石镇委员会关于县委巡察整改进展情况的通报"
    body = "".join(f"<p>{p}</p>\n" for p in _web_notice_paragraphs())
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title_text}_云岭县人民政府网</title></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 乡镇动态</div>
<h1>{title_text}</h1>
<div class="info">发布时间：2025-11-05 09:30 来源：青石镇 浏览次数：128 字号：[大 中 小]</div>
<div class="article">
{body}<p style="text-align:right">中共云岭县青石镇委员会</p>
<p style="text-align:right">2025年11月3日</p>
</div>
<div class="tools">【打印本页】【关闭窗口】</div>
<div class="foot">主办：云岭县人民政府办公室 网站标识码：5300000001 备案号：滇ICP备00000000号</div>
</body></html>
"""
    path.write_text(html, encoding="utf-8")
    return path


def web_notice_docx(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭县青石镇委员会关于县委巡察整改进展情况的通报")
    for p in _web_notice_paragraphs():
        para(d, p)
    sign(d, "中共云岭县青石镇委员会", "2025年11月3日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. 审计整改结果公告: "整改结果：" after each problem.

# (方面, [(问题, 整改结果, status)])
AUDIT = [
    (
        "（一）预算管理方面",
        [
            (
                "部分项目支出预算编制不细化，年初代编预算236.50万元",
                "已在2025年部门预算编制中细化到具体项目，代编预算全部落实到项目。",
                "已完成",
            ),
            (
                "结转结余资金未及时清理，涉及金额48.20万元",
                "已将48.20万元结转结余资金上缴县财政。",
                "已完成",
            ),
        ],
    ),
    (
        "（二）专项资金管理方面",
        [
            (
                "农村公路养护资金拨付滞后，涉及金额120.00万元",
                "已拨付85.00万元，剩余35.00万元正在整改，计划2025年12月底前拨付到位。",
                "正在推进",
            ),
        ],
    ),
    (
        "（三）国有资产管理方面",
        [
            (
                "出租闲置门面未履行报批手续",
                "已补办报批手续，并对出租合同重新进行公开招租。",
                "已完成",
            ),
        ],
    ),
]


def audit_result_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "云岭县交通运输局2024年度预算执行审计整改结果公告")
    para(
        d,
        "根据《中华人民共和国审计法》有关规定，县审计局于2025年3月至4月对我局2024年度预算执行"
        "情况进行了审计，并出具了审计报告。现将审计查出问题的整改结果公告如下。",
    )
    para(d, "一、审计整改工作总体情况")
    para(
        d,
        "审计查出问题4个，截至2025年9月30日，已完成整改3个，正在整改1个；"
        "上缴财政资金48.20万元，完善制度2项。",
    )
    para(d, "二、审计查出问题的整改结果")
    for aspect, problems in AUDIT:
        para(d, aspect)
        for k, (problem, result, _) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}。")
            para(d, result, bold="整改结果：")
    sign(d, "云岭县交通运输局", "2025年10月15日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. 主题教育 检视问题整改落实情况: measures with units and deadline in brackets.

# (问题, [(措施, 牵头, 责任, 时限)], status sentence, status)
THEME = [
    (
        "理论学习往深里走、往心里走、往实里走还不够",
        [
            ("制定局党组理论学习中心组年度学习计划，每月集中学习1次", "办公室", "", "长期坚持"),
            ("开展“读原著、学原文、悟原理”专题读书班", "机关党委", "各科室", "2025年12月底前完成"),
        ],
        "目前，该问题已完成整改并长期坚持。",
        "长期坚持",
    ),
    (
        "为民办实事成效不够明显，群众反映的供水保障问题解决较慢",
        [
            ("对城区老旧供水管网实施改造", "城乡供水科", "县水务公司", "2026年6月底前完成"),
            ("开通供水服务热线，群众诉求24小时内响应", "城乡供水科", "", "立行立改"),
        ],
        "目前，该问题正在推进整改。",
        "正在推进",
    ),
    (
        "调查研究不够深入，解决实际问题的办法不多",
        [("班子成员每人确定1个调研课题，形成调研报告", "办公室", "各科室", "2025年10月底前完成")],
        "目前，该问题已整改完成。",
        "已完成",
    ),
]


def _units(lead: str, others: str) -> str:
    return f"（牵头单位：{lead}；责任单位：{others}）" if others else f"（责任单位：{lead}）"


def theme_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭县水务局党组关于主题教育检视问题整改落实情况的报告")
    para(d, "县委主题教育领导小组办公室：")
    para(
        d,
        "主题教育开展以来，局党组坚持边学习、边对照、边检视、边整改，共检视出问题3个，"
        "制定整改措施5条。现将整改落实情况报告如下。",
    )
    para(d, "一、检视问题整改落实情况")
    for k, (problem, measures, told, _) in enumerate(THEME):
        para(d, f"问题{ORDINAL[k]}：{problem}。")
        para(d, "整改措施：")
        for i, (m, lead, others, due) in enumerate(measures, start=1):
            para(d, f"（{i}）{m}{_units(lead, others)}（{due}）。")
        para(d, told)
    para(d, "二、下一步工作打算")
    para(d, "局党组将持续巩固主题教育整改成果，推动整改工作常态化长效化。")
    sign(d, "中共云岭县水务局党组", "2025年11月20日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 4. 生态环境保护督察整改方案 with a landscape 附件 整改任务清单 that runs over pages.

# (问题, 整改目标, [措施], 责任单位, 完成时限)
ENV_TASKS = [
    (
        "县城污水处理厂进水浓度偏低，雨污管网混接错接问题突出，"
        "部分片区生活污水直排河道，旱季溢流现象时有发生",
        "县城生活污水集中收集率提高到70%以上，消除旱季直排现象",
        [
            "开展县城排水管网排查，建立混接错接点位清单",
            "实施老城区雨污分流改造工程，新建污水管网12公里",
            "加强排水许可管理，对沿街商户排水行为开展专项检查",
        ],
        "牵头单位：县住房城乡建设局；责任单位：县生态环境分局、城关镇",
        "2026年12月底前",
    ),
    (
        "部分畜禽养殖场粪污处理设施不配套，粪污资源化利用率偏低",
        "规模养殖场粪污处理设施装备配套率达到100%",
        ["对全县规模养殖场逐场核查，建立问题台账", "督促未配套的养殖场限期建设粪污处理设施"],
        "牵头单位：县农业农村局；责任单位：各乡镇人民政府",
        "2026年6月底前",
    ),
    (
        "饮用水水源保护区内仍有违法建筑未拆除",
        "全面清理水源保护区内违法建筑",
        ["对水源保护区内建筑逐一核查认定", "依法拆除违法建筑并实施生态修复"],
        "牵头单位：县生态环境分局；责任单位：县水务局、青石镇",
        "2026年3月底前",
    ),
    (
        "矿山生态修复工作滞后，历史遗留废弃矿山治理进度缓慢，部分矿区存在水土流失和地质灾害隐患",
        "完成历史遗留废弃矿山生态修复任务",
        [
            "编制历史遗留废弃矿山生态修复实施方案",
            "分年度推进矿山复绿，2026年完成修复面积不少于300亩",
            "建立矿山生态修复项目验收销号制度",
        ],
        "牵头单位：县自然资源局；责任单位：县财政局、相关乡镇",
        "2027年12月底前",
    ),
    (
        "秸秆露天焚烧现象时有发生，禁烧监管存在盲区",
        "秸秆露天焚烧火点数量明显下降",
        ["落实县乡村三级网格化禁烧责任", "推广秸秆还田和饲料化利用"],
        "牵头单位：县农业农村局；责任单位：各乡镇人民政府",
        "长期坚持",
    ),
    (
        "工业园区环境监管不到位，部分企业环保设施不正常运行",
        "园区企业环保设施正常运行率达到100%",
        ["对园区企业环保设施运行情况开展全覆盖检查", "对违法排污企业依法立案查处"],
        "牵头单位：县生态环境分局；责任单位：县工业园区管委会",
        "立行立改、长期坚持",
    ),
]

ENV_HEADER = ["序号", "问题", "整改目标", "整改措施", "责任单位", "完成时限"]


def env_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "云岭县贯彻落实省第三生态环境保护督察组督察反馈意见整改方案")
    para(
        d,
        "2025年5月12日至6月12日，省第三生态环境保护督察组对我县开展了生态环境保护督察，"
        "并于8月20日反馈了督察意见。为切实抓好督察反馈问题整改，制定本方案。",
    )
    para(d, "一、总体要求")
    para(d, "坚持问题导向，以改善生态环境质量为核心，确保督察反馈问题按期整改到位。")
    para(d, "二、整改任务")
    para(d, "督察反馈的6个问题，逐项明确整改目标、整改措施、责任单位和完成时限，详见附件。")
    para(d, "三、保障措施")
    para(d, "各牵头单位每月20日前向县督察整改工作领导小组办公室报送整改进展。")
    para(d, "附件：云岭县省生态环境保护督察反馈问题整改任务清单")
    sign(d, "云岭县人民政府", "2025年9月18日")
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    para(d, "附件")
    title(d, "云岭县省生态环境保护督察反馈问题整改任务清单")
    rows = []
    for k, (problem, goal, measures, units, due) in enumerate(ENV_TASKS, start=1):
        cell = "\n".join(f"{i}.{m}。" for i, m in enumerate(measures, start=1))
        rows.append([str(k), problem, goal, cell, units, due])
    # two copies' worth of rows so the table runs over a page in the PDF
    table_of(d, ENV_HEADER, rows, repeat=True)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. 整改台账 with 方面 cells merged down over their problems.

# (方面, [(问题, 措施, 责任单位, 完成时限, 整改情况)])
MERGED_ASPECTS = [
    (
        "政治建设",
        [
            (
                "“第一议题”制度落实不严格",
                "严格执行“第一议题”学习制度，建立学习台账",
                "办公室",
                "2025年8月底前",
                "已完成",
            ),
            (
                "意识形态工作责任制落实不到位",
                "每半年专题研究一次意识形态工作",
                "党建办",
                "2025年12月底前",
                "基本完成",
            ),
        ],
    ),
    (
        "作风建设",
        [
            (
                "文山会海问题仍然存在",
                "精简会议文件，全年发文数量压减15%",
                "办公室",
                "长期坚持",
                "持续推进",
            ),
        ],
    ),
    (
        "制度建设",
        [
            (
                "财务报销审核把关不严",
                "修订财务报销管理办法，实行财务审核双签制度",
                "财务股",
                "2025年9月底前",
                "已完成",
            ),
            (
                "公务用车管理不规范",
                "建立公务用车使用登记和定期检查制度",
                "办公室",
                "2025年9月底前",
                "已完成",
            ),
        ],
    ),
]


def merged_aspect_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "云岭县统计局巡察反馈问题整改落实情况台账")
    header = ["序号", "方面", "存在问题", "整改措施", "责任单位", "完成时限", "整改情况"]
    n = sum(len(ps) for _, ps in MERGED_ASPECTS)
    table = d.add_table(rows=1 + n, cols=len(header))
    table.style = "Table Grid"
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    row, k = 1, 1
    for aspect, problems in MERGED_ASPECTS:
        first = row
        for problem in problems:
            for j, text in enumerate([str(k), aspect, *problem]):
                table.cell(row, j).text = text
            row += 1
            k += 1
        if row - 1 > first:
            _merge_down(table, 1, first, row - 1)
    sign(d, "云岭县统计局", "2025年10月9日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. 方案 numbered 一、（一）1.（1）.

# (方面, [(问题, [(措施, 责任单位, 时限)])])
LEVELS = [
    (
        "（一）关于落实主体责任方面",
        [
            (
                "履行全面从严治党主体责任不够有力",
                [
                    (
                        "制定年度党风廉政建设工作要点，明确班子成员责任分工",
                        "办公室",
                        "2025年12月底前",
                    ),
                    ("每半年召开一次党风廉政建设专题会议", "机关党支部", "长期坚持"),
                ],
            ),
            (
                "对下属单位监管不到位",
                [("建立下属单位“三重一大”事项报告制度", "人事股", "2025年10月底前")],
            ),
        ],
    ),
    (
        "（二）关于选人用人方面",
        [
            (
                "干部档案管理不规范",
                [
                    ("对干部人事档案开展专项审核", "人事股", "2025年11月底前"),
                    ("配备档案专柜，落实专人管理", "人事股", "立行立改"),
                ],
            ),
        ],
    ),
]


def levels_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭县医疗保障局党组关于县委巡察反馈问题的整改方案")
    para(
        d,
        "根据县委统一部署，县委第四巡察组于2025年6月对我局进行了巡察，9月5日反馈了巡察意见。"
        "为扎实做好巡察整改工作，结合工作实际，制定本方案。",
    )
    para(d, "一、指导思想")
    para(d, "以巡察整改为契机，推动医疗保障事业高质量发展。")
    para(d, "二、整改任务及措施")
    for aspect, problems in LEVELS:
        para(d, aspect)
        for k, (problem, measures) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}。")
            for i, (m, unit, due) in enumerate(measures, start=1):
                para(d, f"（{i}）{m}。责任单位：{unit}；完成时限：{due}。")
    para(d, "三、工作要求")
    para(d, "各责任股室要高度重视，按时保质完成整改任务。")
    sign(d, "中共云岭县医疗保障局党组", "2025年9月25日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 7. 方案 pasted as text: units and deadline in brackets after a measure.

# (方面, [(问题, [(措施, 牵头, 责任, 时限)])])
BRACKETS = [
    (
        "一、推动高质量发展方面",
        [
            (
                "重大项目谋划储备不足",
                [
                    ("建立重大项目储备库，实行动态管理", "县发改局", "各乡镇", "2026年6月底前完成"),
                    ("每季度召开一次项目推进调度会", "县发改局", "", "长期坚持"),
                ],
            ),
            (
                "营商环境仍需优化",
                [
                    (
                        "全面清理涉企收费事项，公布收费目录清单",
                        "县市场监管局",
                        "县财政局",
                        "立行立改",
                    )
                ],
            ),
        ],
    ),
    (
        "二、保障和改善民生方面",
        [
            (
                "农村饮水安全保障水平不高",
                [
                    ("实施农村供水保障提升工程", "县水务局", "各乡镇", "2026年12月底前完成"),
                    ("建立农村供水工程运行管护机制", "县水务局", "", "2026年3月底前完成"),
                ],
            ),
        ],
    ),
]


def _bracket(lead: str, others: str, due: str) -> str:
    units = f"牵头单位：{lead}；责任单位：{others}" if others else f"责任单位：{lead}"
    return f"（{units}；{due}）"


def brackets_txt(path: Path) -> Path:
    lines = [
        "云岭县人民政府党组落实县委巡察反馈意见整改方案",
        "",
        "　　为全面落实县委第二巡察组反馈意见，制定如下整改方案。",
        "　　整改任务",
    ]
    for aspect, problems in BRACKETS:
        lines.append("　　" + aspect)
        for k, (problem, measures) in enumerate(problems, start=1):
            lines.append(f"　　（{ORDINAL[k - 1]}）{problem}。")
            for i, (m, lead, others, due) in enumerate(measures, start=1):
                lines.append(f"　　{i}.{m}{_bracket(lead, others, due)}")
    lines += ["", "　　云岭县人民政府党组", "　　2025年10月30日", ""]
    return write_txt(path, "\n".join(lines))


# ---------------------------------------------------------------------------------------------
# 8. 督察整改落实情况公示 as a web page table.

# (问题, 整改目标, 措施, 责任单位, 整改时限, 整改进展)
ENV_PUBLIC = [
    (
        "城区黑臭水体治理不彻底，存在返黑返臭现象",
        "城区黑臭水体长治久清",
        "实施截污纳管工程；建立河长巡河制度",
        "县住房城乡建设局",
        "2025年12月底前",
        "已完成",
    ),
    (
        "建筑工地扬尘管控不严",
        "落实施工工地“六个百分之百”",
        "开展扬尘治理专项执法检查",
        "县住房城乡建设局",
        "长期坚持",
        "达到序时进度，持续推进",
    ),
    (
        "危险废物规范化管理水平不高",
        "危险废物规范化管理抽查合格率达到90%以上",
        "对产废单位开展规范化管理培训；实施危险废物全过程信息化监管",
        "县生态环境分局",
        "2026年6月底前",
        "基本完成",
    ),
]


def env_public_html(path: Path) -> Path:
    head = ["序号", "反馈问题", "整改目标", "整改措施", "责任单位", "整改时限", "整改进展"]
    rows = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in (str(k), *r)) + "</tr>\n"
        for k, r in enumerate(ENV_PUBLIC, start=1)
    )
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>云岭县省生态环境保护督察反馈问题整改落实情况公示</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/bsfw/">办事服务</a></div>
<h1>云岭县省生态环境保护督察反馈问题整改落实情况公示</h1>
<div class="meta">发布日期：2025-12-01 信息来源：县生态环境分局</div>
<p>按照省生态环境保护督察整改工作要求，现将我县督察反馈问题整改落实情况公示如下。</p>
<table border="1">
<tr>{"".join(f"<th>{h}</th>" for h in head)}</tr>
{rows}</table>
<p>公示期间，如有意见建议，请向县督察整改工作领导小组办公室反映。</p>
<div class="foot">版权所有：云岭县人民政府 技术支持：某某信息公司</div>
</body></html>
"""
    path.write_text(html, encoding="utf-8")
    return path


DOCX_BUILDERS = {
    "web_notice": web_notice_docx,
    "audit_result_notice": audit_result_notice,
    "theme_report": theme_report,
    "env_plan": env_plan,
    "merged_aspect_table": merged_aspect_table,
    "levels_plan": levels_plan,
}
OTHER_BUILDERS = {
    "web_notice_page.html": web_notice_html,
    "brackets_plan.txt": brackets_txt,
    "env_public.html": env_public_html,
}


# ---------------------------------------------------------------------------------------------
# 9. 通报 whose problems are counted per 方面 in prose and told 已完成/基本完成/持续推进, the
# measures "①……②……" and a 方面's summary "该方面N个问题，已完成整改X个，基本完成Y个，持续推进Z个".

TOLD_SHORT = {
    "已完成": "该问题已整改完成。",
    "基本完成": "该问题已基本完成整改。",
    "正在推进": "该问题正在持续推进。",
}
CIRCLED = "①②③④⑤"

# (方面, [(问题, [措施], status)], summary)
CIRCLED_NOTICE = [
    (
        "一、关于党组织建设方面",
        [
            (
                "村级党组织书记队伍老化",
                [
                    "从致富能手、退役军人中储备村级后备干部30名",
                    "对年龄超过60岁的村党组织书记逐一研判",
                ],
                "基本完成",
            ),
            ("党员教育管理不严格", ["建立流动党员台账，按月联系"], "已完成"),
        ],
        "该方面2个问题，已完成整改1个，基本完成1个。",
    ),
    (
        "二、关于重点领域监管方面",
        [
            (
                "村级集体资金管理不规范",
                [
                    "推行村级财务“双代管”",
                    "对近三年村级财务开展专项审计",
                    "建立村级大额支出备案制度",
                ],
                "正在推进",
            ),
        ],
        "该方面1个问题，持续推进1个。",
    ),
]


def circled_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭县青石镇委员会关于巡察整改进展情况的通报")
    para(
        d,
        "2025年5月，县委第一巡察组对青石镇党委开展了巡察，反馈问题2个方面3个。"
        "截至2025年10月31日，已完成整改1个，基本完成1个，持续推进1个。现将有关情况通报如下。",
    )
    for aspect, problems, summary in CIRCLED_NOTICE:
        para(d, aspect)
        for k, (problem, measures, status) in enumerate(problems, start=1):
            para(d, f"（{ORDINAL[k - 1]}）{problem}的问题。")
            items = "".join(f"{CIRCLED[i]}{m}；" for i, m in enumerate(measures))
            para(d, f"整改情况：{items[:-1]}。{TOLD_SHORT[status]}")
        para(d, summary)
    sign(d, "中共云岭县青石镇委员会", "2025年11月6日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 10. 主题教育检视问题整改清单 as a table with its 整改进展 column.

# (问题, 措施, 责任领导, 责任部门, 完成时限, 整改进展, the status it tells)
THEME_TABLE = [
    (
        "学习贯彻党的创新理论不够系统",
        "制定理论学习计划，每月开展1次集中学习研讨",
        "张明远",
        "办公室",
        "长期坚持",
        "已制定年度学习计划，开展集中学习研讨6次",
        None,  # the cell tells what was done, not the status
    ),
    (
        "服务企业主动性不强",
        "建立重点企业联系包保制度，班子成员每月走访企业不少于2家",
        "李红霞",
        "产业发展股",
        "立行立改",
        "已完成",
        "已完成",
    ),
    (
        "政策兑现不够及时",
        "梳理惠企政策清单，实行政策兑现限时办结",
        "李红霞",
        "产业发展股",
        "2025年12月底前",
        "正在推进，已兑现政策资金320万元",
        "正在推进",
    ),
]


def theme_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭县工业和信息化局党组主题教育检视问题整改清单")
    header = ["序号", "检视问题", "整改措施", "责任领导", "责任部门", "完成时限", "整改进展"]
    rows = [
        [str(k), p, m, lead, unit, due, told]
        for k, (p, m, lead, unit, due, told, _) in enumerate(THEME_TABLE, start=1)
    ]
    table_of(d, header, rows)
    sign(d, "中共云岭县工业和信息化局党组", "2025年11月28日")
    d.save(path)
    return path


DOCX_BUILDERS["circled_notice"] = circled_notice
DOCX_BUILDERS["theme_table"] = theme_table


# ---------------------------------------------------------------------------------------------
# 11. 巡视整改进展 通报 saved from a browser as .mht: problems "（一）……", each answered in one
# paragraph "对照……的问题，采取……措施：一是……；二是……。" and a status sentence.

# (问题, [措施], status)
MHT_NOTICE = [
    (
        "招商引资项目落地率不高",
        ["建立签约项目全程代办制度", "对签约未落地项目逐个分析原因、限期推进"],
        "正在推进",
    ),
    (
        "国有企业“三重一大”决策制度执行不严",
        ["修订国有企业“三重一大”决策事项清单", "开展决策程序专项检查"],
        "已完成",
    ),
]


def _mht(html: str) -> bytes:
    import base64

    body = base64.encodebytes(html.encode("utf-8")).decode("ascii")
    return (
        "From: <Saved by Blink>\r\n"
        "Subject: =?utf-8?Q?notice?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n'
        "\r\n"
        "------=_NextPart_000\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: http://www.example.cn/xxgk/notice.html\r\n"
        "\r\n" + body.replace("\n", "\r\n") + "\r\n------=_NextPart_000--\r\n"
    ).encode("ascii")


def mht_notice(path: Path) -> Path:
    paras = [
        "根据市委统一部署，2025年3月至5月，市委第二巡察组对县投资促进局党组开展了巡察，"
        "并于6月反馈了巡察意见。现将整改进展情况公布如下。",
        "一、反馈问题整改情况",
    ]
    for k, (problem, measures, status) in enumerate(MHT_NOTICE):
        paras.append(f"（{ORDINAL[k]}）{problem}的问题")
        paras.append(f"对照{problem}的问题，采取了以下措施：{_shi(measures)}{TOLD[status]}")
    paras.append("二、下一步工作打算")
    paras.append("局党组将持续巩固整改成果，确保各项整改任务落地见效。")
    body = "".join(f"<p>{p}</p>" for p in paras)
    html = (
        '<html><head><meta charset="utf-8"><title>县投资促进局党组巡察整改进展情况的通报</title></head>'
        '<body><div class="nav">首页 &gt; 信息公开 &gt; 通知公告</div>'
        "<h2>中共云岭县投资促进局党组关于巡察整改进展情况的通报</h2>"
        '<div class="meta">发布时间：2025-10-20 来源：县投资促进局</div>'
        f"{body}"
        '<p align="right">中共云岭县投资促进局党组</p><p align="right">2025年10月17日</p>'
        '<div class="foot">【打印】【关闭】</div></body></html>'
    )
    path.write_bytes(_mht(html))
    return path


# ---------------------------------------------------------------------------------------------
# 12. 问题清单 with an 整改类型 column (立行立改 / 限期整改 / 长期坚持) beside the deadline.

# (问题, 措施, 整改类型, 责任单位, 完成时限)
KINDS_LIST = [
    (
        "窗口服务态度生硬",
        "开展窗口人员服务礼仪培训，设立群众评价器",
        "立行立改",
        "政务服务科",
        "2025年8月底前",
    ),
    (
        "“一网通办”事项覆盖率不高",
        "梳理可网办事项，分批接入“一网通办”平台",
        "限期整改",
        "信息中心",
        "2026年3月底前",
    ),
    ("帮代办服务机制不健全", "建立重点项目帮代办专员制度", "长期坚持", "投资服务科", "长期"),
]


def kinds_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "云岭县政务服务管理局巡察反馈问题整改任务清单")
    header = ["序号", "问题描述", "整改措施", "整改类型", "责任单位", "完成时限"]
    rows = [[str(k), *r] for k, r in enumerate(KINDS_LIST, start=1)]
    table_of(d, header, rows)
    d.save(path)
    return path


DOCX_BUILDERS["kinds_list"] = kinds_list
OTHER_BUILDERS["mht_notice.mht"] = mht_notice


# ---------------------------------------------------------------------------------------------
# 13. 督察整改落实情况报告: the units and deadline in a bracket after each problem's title,
# "整改进展：……" after it.

# (方面, [(问题, 牵头单位, 责任单位, 整改时限, 整改进展, status)])
TAILED = [
    (
        "一、大气污染防治方面",
        [
            (
                "城区餐饮油烟扰民问题突出",
                "县城市管理局",
                "城关镇",
                "立行立改、长期坚持",
                "已对城区312家餐饮单位完成油烟净化设施安装，建立定期清洗台账。",
                "该问题已完成整改。",
            ),
            (
                "工业企业无组织排放管控不严",
                "",
                "县生态环境分局",
                "2025年12月底前",
                "已完成8家企业深度治理，剩余2家正在施工。",
                "该问题正在持续推进。",
            ),
        ],
    ),
    (
        "二、水污染防治方面",
        [
            (
                "乡镇污水处理设施运行不正常",
                "县住房城乡建设局",
                "各乡镇",
                "2025年9月底前",
                "已完成11个乡镇污水处理站提标改造，设施运行正常。",
                "该问题已完成整改。",
            ),
        ],
    ),
]


def tailed_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "云岭县关于中央生态环境保护督察反馈问题整改落实情况的报告")
    para(d, "市督察整改工作领导小组办公室：")
    para(
        d,
        "根据中央第二生态环境保护督察组反馈意见，我县对照反馈的2个方面3个问题逐项整改，"
        "现将整改落实情况报告如下。",
    )
    k = 0
    for aspect, problems in TAILED:
        para(d, aspect)
        for problem, lead, units, due, progress, told in problems:
            k += 1
            who = f"牵头单位：{lead}；责任单位：{units}" if lead else f"责任单位：{units}"
            para(d, f"{k}.{problem}（{who}；整改时限：{due}）。")
            para(d, progress + told, bold="整改进展：")
    sign(d, "云岭县人民政府", "2025年12月5日")
    d.save(path)
    return path


DOCX_BUILDERS["tailed_report"] = tailed_report


# ---------------------------------------------------------------------------------------------
# 14. 主题教育整改落实情况 通报 as text: each problem "N.……。对照……的问题，采取A、B等措施，
# 已整改完成。", grouped under 立行立改 / 长期坚持 parts, the totals "检视出的N个问题" at the end.

# (问题, 措施 as named inside "采取……等措施", status, what closes the paragraph)
TAKEN = [
    ("公文办理质量不高", "建立公文审核三级把关制度、开展公文写作专题培训", "已完成", "已整改完成"),
    ("档案查阅服务不便民", "开通线上预约查档、延长周末开放时间", "已完成", "已整改完成"),
    (
        "档案数字化进度滞后",
        "分年度制定数字化加工计划、引入专业服务机构",
        "正在推进",
        "目前正在推进，计划2026年12月底前完成",
    ),
]


def taken_txt(path: Path) -> Path:
    lines = [
        "中共云岭县档案馆支部委员会关于主题教育整改落实情况的通报",
        "",
        "　　按照县委主题教育领导小组要求，现将我馆主题教育检视问题整改落实情况通报如下。",
        "　　一、立行立改问题整改情况",
    ]
    for k, (problem, measures, _, told) in enumerate(TAKEN, start=1):
        if k == 3:
            lines.append("　　二、需长期坚持整改的问题")
        lines.append(f"　　{k}.{problem}。对照{problem}的问题，采取{measures}等措施，{told}。")
    lines += [
        "　　截至目前，检视出的3个问题已完成整改2个，正在推进1个。",
        "",
        "　　中共云岭县档案馆支部委员会",
        "　　2025年12月1日",
        "",
    ]
    return write_txt(path, "\n".join(lines))


OTHER_BUILDERS["taken_notice.txt"] = taken_txt
