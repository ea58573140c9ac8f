"""A thirteenth round of documents of the genre, for fictional units, in our own words: shapes
that published 整改情况报告, 整改进展情况通报 and 整改方案 take and the first twelve rounds lack.
Each builder writes a real .docx (``python-docx``), .txt or .html and returns its path;
``tests/test_import13.py`` imports it (and the PDF, .doc and OFD made of a .docx) through the
real command and judges the ledger row by row against the builders' own data.

The shapes:

1. a 报告 whose 整改情况 is told in the past tense with figures and no status word
   ("已于2025年5月20日完成……", "已完成……，计划于2025年10月底前完成全部销号。", "已复核
   合同58份，尚有12份正在复核……"), its measures numbered inside one paragraph
   ("整改措施：1.……；2.……；3.……。"): Word, PDF, Word 97 .doc, OFD;
2. a 通报 on a town's website whose 整改情况 lists "一是……；二是……；三是……" inside one
   paragraph, each item closing in its own state (a status, a past tense with its month, a
   plan with what is to be finished after "完成"), with the page's 来源/发布时间 line, 附件
   links and 分享 footer: the saved page, the text copied from it, and the PDF of its Word;
3. a 方案 whose measures are "（1）……（牵头单位：…；责任单位：…；完成时限：…）；（2）……"
   inside one paragraph, deadlines "立行立改、长期坚持", "2025年底前", "长期坚持", a day;
4. a 方案 whose 任务清单 holds several measures in one cell ("1.……；2.……。"), the header
   row repeated on every page;
5. a 报告 whose 整改落实情况表 has no status column, its 整改进展 cells in the past tense (read
   by the same rule as the text's).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from genre_docs import para, sign, title, write_txt

ORDINAL = "一二三四五六七八九十"

# ---------------------------------------------------------------------------------------------
# 1. 报告: past-tense 整改情况 with figures; measures "1.……；2.……。" in one paragraph.

PAST_TITLE = "中共白鹭湖区市场监督管理局党组关于区委巡察反馈意见整改情况的报告"
# (方面, [(问题, [措施], 整改情况, status, 整改时限, 完成时间)]) — the status, deadline and day
# done are what the past tense says (``fields.account_status``): "" when it says none
PAST = [
    (
        "落实监管责任方面",
        [
            (
                "食品安全抽检任务完成不均衡",
                [
                    "对2024年以来抽检数据逐月分析，列出完成滞后的所站",
                    "调整抽检任务分配方案",
                    "将抽检完成情况纳入所站季度考核",
                ],
                "已于2025年5月20日完成全部抽检数据分析，重新分配抽检任务1260批次，"
                "完成率由82%提高到100%。",
                "已完成",
                "",
                "2025-05-20",
            ),
            (
                "特种设备隐患整改跟踪不到位",
                ["对2023年以来下达的隐患整改指令逐项复查", "建立隐患整改销号台账"],
                "已完成复查指令312份，督促整改隐患47处，计划于2025年10月底前完成全部销号。",
                "正在推进",
                "2025年10月底前",
                "",
            ),
        ],
    ),
    (
        "内部管理方面",
        [
            (
                "执法车辆使用登记不规范",
                ["修订执法车辆管理规定", "对近两年用车记录开展核查"],
                "已完成规定修订，核查用车记录1840条，退回不合规费用0.6万元。",
                "已完成",
                "",
                "",
            ),
            (
                "合同管理存在漏洞",
                ["对在执行合同逐份复核", "建立合同履约情况季度检查制度"],
                "已复核合同58份，尚有12份正在复核，计划于2025年6月底前完成全部合同复核。",
                "正在推进",
                "2025年6月底前",
                "",
            ),
            (
                "档案归档不及时",
                ["开展积压档案集中整理", "明确各科室归档责任人"],
                "已于2025年4月完成积压档案整理，整理归档案卷326卷，长期坚持。",
                "长期坚持",
                "",
                "",
            ),
        ],
    ),
]
PAST_OPENING = (
    "按照区委巡察工作统一部署，区委第三巡察组于2024年9月至11月对区市场监督管理局党组开展了常规巡察，"
    "并于2024年12月10日反馈了巡察意见。现将整改情况报告如下。"
)


def past_report(path: Path) -> Path:
    d = docx.Document()
    title(d, PAST_TITLE)
    para(d, "区委巡察工作领导小组：")
    para(d, PAST_OPENING)
    para(d, "一、整改工作总体情况")
    para(
        d,
        "局党组把巡察整改作为重大政治任务，成立整改工作领导小组，逐条制定整改措施，"
        "明确责任科室和完成时限，每月召开整改推进会。",
    )
    para(d, "二、反馈问题整改落实情况")
    for a, (aspect, problems) in enumerate(PAST):
        para(d, f"（{ORDINAL[a]}）{aspect}")
        for p, (problem, measures, told, *_) in enumerate(problems, 1):
            para(d, f"{p}.{problem}。")
            items = "；".join(f"{k}.{m}" for k, m in enumerate(measures, 1))
            para(d, f"整改措施：{items}。")
            para(d, f"整改情况：{told}")
    para(d, "三、下一步工作打算")
    para(d, "下一步，局党组将持续巩固整改成果，对已完成的整改事项开展“回头看”，防止问题反弹。")
    sign(d, "中共白鹭湖区市场监督管理局党组", "2025年7月15日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. 通报 on a town's website: "一是……；二是……；三是……" in one 整改情况 paragraph.

SHI_TITLE = "中共云栖镇委员会关于县委巡察反馈问题整改进展情况的通报"
# (方面, [(问题, [(措施 as the ledger keeps it, item as written, status, 整改时限, 完成时间)],
#          closing status sentence or "")])
SHI = [
    (
        "基层治理方面",
        [
            (
                "村级重大事项决策程序不规范",
                [
                    (
                        "组织各村（社区）学习“四议两公开”制度。",
                        "组织各村（社区）学习“四议两公开”制度，已完成",
                        "已完成",
                        "",
                        "",
                    ),
                    (
                        "建立村级重大事项决策镇级备案制度。",
                        "建立村级重大事项决策镇级备案制度，长期坚持",
                        "长期坚持",
                        "",
                        "",
                    ),
                    (
                        "对2023年以来村级重大事项决策记录逐村复查，已完成复查记录214份。",
                        "对2023年以来村级重大事项决策记录逐村复查，已完成复查记录214份",
                        "已完成",
                        "",
                        "",
                    ),
                ],
                "",
            ),
            (
                "集体资产台账不完善",
                [
                    (
                        "对全镇集体资产开展清产核资。",
                        "对全镇集体资产开展清产核资，已于2025年3月完成",
                        "已完成",
                        "",
                        "2025年3月",
                    ),
                    (
                        "将清查结果录入农村集体资产管理平台。",
                        "将清查结果录入农村集体资产管理平台，计划于2025年9月底前完成全部资产录入",
                        None,
                        "2025年9月底前",
                        "",
                    ),
                ],
                "",
            ),
        ],
    ),
    (
        "安全生产方面",
        [
            (
                "安全生产检查流于形式",
                [
                    (
                        "修订镇安全生产检查工作规程。",
                        "修订镇安全生产检查工作规程",
                        "正在推进",
                        "",
                        "",
                    ),
                    (
                        "将检查情况纳入村（社区）年度考核。",
                        "将检查情况纳入村（社区）年度考核",
                        "正在推进",
                        "",
                        "",
                    ),
                ],
                "目前该问题正在推进。",
            ),
        ],
    ),
]
SHI_OPENING = (
    "根据县委巡察工作统一部署，县委第一巡察组于2025年3月至4月对云栖镇党委开展了常规巡察。"
    "按照巡察整改公开有关要求，现将整改进展情况通报如下。"
)
SHI_SIGN = ("中共云栖镇委员会", "2025年8月20日")
ATTACHMENTS = ("云栖镇巡察整改任务清单.docx", "云栖镇巡察整改制度汇编.pdf")


def _shi_lines() -> list[str]:
    lines = [SHI_OPENING]
    n = 0
    for a, (aspect, problems) in enumerate(SHI):
        lines.append(f"{ORDINAL[a]}、{aspect}")
        for problem, items, closing in problems:
            n += 1
            lines.append(f"（{ORDINAL[n - 1]}）{problem}。")
            said = "；".join(f"{ORDINAL[k]}是{item[1]}" for k, item in enumerate(items))
            lines.append(f"整改情况：{said}。{closing}")
    lines.append("欢迎社会各界对巡察整改工作进行监督。联系电话：0571-5551234。")
    return lines


def shi_notice_docx(path: Path) -> Path:
    d = docx.Document()
    title(d, SHI_TITLE)
    for line in _shi_lines():
        para(d, line)
    sign(d, *SHI_SIGN)
    d.save(path)
    return path


def shi_notice_html(path: Path) -> Path:
    body = "\n".join(f"<p>{escape(line)}</p>" for line in _shi_lines())
    links = "".join(
        f'<p><a href="/files/2025/{k}.{name.rsplit(".", 1)[1]}">{k}.{escape(name)}</a></p>'
        for k, name in enumerate(ATTACHMENTS, 1)
    )
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{escape(SHI_TITLE)}_云栖镇人民政府</title></head><body>"
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; '
        '<a href="/tzgg">通知公告</a></div>'
        f'<div class="article"><h1>{escape(SHI_TITLE)}</h1>'
        '<div class="info">发布时间：2025-08-20 09:30　来源：云栖镇人民政府　浏览次数：1024</div>'
        "<div>【字体：大 中 小】【打印本页】【关闭窗口】</div>"
        f'<div class="content">{body}'
        + "".join(f'<p style="text-align:right">{escape(s)}</p>' for s in SHI_SIGN)
        + f"<p>附件：</p>{links}</div>"
        '<div class="share">分享到：微信 微博 QQ空间</div>'
        "<div>扫一扫在手机打开当前页</div></div>"
        '<div class="footer">主办单位：云栖镇人民政府　网站标识码：3301000099</div>'
        "</body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path


def shi_notice_txt(path: Path) -> Path:
    """The page as a clerk copies it out of the browser: the furniture comes along."""
    lines = [
        "首页 > 政务公开 > 通知公告",
        SHI_TITLE,
        "发布时间：2025-08-20 09:30　来源：云栖镇人民政府　浏览次数：1024",
        "【字体：大 中 小】【打印本页】【关闭窗口】",
        *_shi_lines(),
        *SHI_SIGN,
        "附件：",
        *(f"{k}.{name}" for k, name in enumerate(ATTACHMENTS, 1)),
        "分享到：微信 微博 QQ空间",
        "扫一扫在手机打开当前页",
        "主办单位：云栖镇人民政府　网站标识码：3301000099",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 3. 方案: "（1）……（牵头单位：…；责任单位：…；完成时限：…）；（2）……" in one paragraph.

TAILS_TITLE = "中共松涧县教育局党组关于县委巡察反馈问题的整改方案"
# (方面, [(问题, [(措施, 牵头单位, 责任单位, 完成时限)])])
TAILS = [
    (
        "落实全面从严治党责任方面",
        [
            (
                "对学校党组织履职情况督导不够",
                [
                    (
                        "制定学校党组织书记抓党建述职评议办法",
                        "局组织人事股",
                        "各中小学党组织",
                        "2025年9月30日前",
                    ),
                    (
                        "每学期对学校党建工作开展一次专项督导",
                        "局督导室",
                        "局组织人事股",
                        "长期坚持",
                    ),
                ],
            ),
            (
                "校园食堂管理存在廉洁风险",
                [
                    (
                        "对全县中小学食堂大宗食材采购开展专项检查",
                        "局计财股",
                        "各中小学",
                        "立行立改、长期坚持",
                    ),
                    ("推行食堂大宗食材集中招标采购", "局计财股", "局安全股", "2025年底前"),
                    ("建立食堂经费收支月公示制度", "局计财股", "各中小学", "2026年6月底前"),
                ],
            ),
        ],
    ),
    (
        "教师队伍建设方面",
        [
            (
                "教师职称评聘程序不够规范",
                [
                    ("修订教师职称评聘工作实施细则", "局组织人事股", "局法规股", "2025年底前"),
                    (
                        "对近三年职称评聘材料开展复查",
                        "局组织人事股",
                        "各中小学",
                        "立行立改、长期坚持",
                    ),
                ],
            ),
        ],
    ),
]


def tails_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, TAILS_TITLE)
    para(d, "为切实抓好县委巡察反馈问题整改落实，结合我局实际，制定本方案。")
    para(d, "一、指导思想")
    para(d, "坚持以习近平新时代中国特色社会主义思想为指导，把巡察整改作为重要政治任务抓紧抓实。")
    para(d, "二、整改目标")
    para(d, "对照反馈问题逐项整改，确保2025年底前完成集中整改任务，形成长效机制。")
    para(d, "三、整改任务")
    for a, (aspect, problems) in enumerate(TAILS):
        para(d, f"（{ORDINAL[a]}）{aspect}")
        for p, (problem, measures) in enumerate(problems, 1):
            para(d, f"{p}.{problem}。")
            items = "；".join(
                f"（{k}）{m}（牵头单位：{lead}；责任单位：{unit}；完成时限：{due}）"
                for k, (m, lead, unit, due) in enumerate(measures, 1)
            )
            para(d, f"整改措施：{items}。")
    para(d, "四、保障措施")
    para(d, "局党组定期听取整改进展情况汇报，对整改不力的严肃追责问责。")
    sign(d, "中共松涧县教育局党组", "2025年3月5日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 4. 方案 with a 任务清单 of several measures in one cell, its header repeated on every page.

TABLE_TITLE = "青石街道关于区委巡察反馈问题整改工作方案"
HEADER = ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任单位", "完成时限"]
# (类别, 问题, [措施], 责任领导, 责任单位, 时限)
TABLE_ROWS = [
    (
        "党的建设",
        "社区党组织“三会一课”记录不完整",
        [
            "组织社区党组织书记专题学习“三会一课”制度规定",
            "逐个社区检查近两年会议记录，对缺失部分督促补正并说明情况",
            "将“三会一课”落实情况纳入社区党组织书记述职评议",
        ],
        "周立新",
        "街道党建办",
        "2025年6月底前",
    ),
    (
        "党的建设",
        "发展党员程序执行不严格",
        [
            "对2022年以来发展党员档案逐份审核，列出程序问题清单",
            "对审核发现的问题逐一整改，形成整改报告",
        ],
        "周立新",
        "街道党建办",
        "2025年底前",
    ),
    (
        "财务管理",
        "社区公用经费报销审核不严",
        [
            "对近三年社区公用经费报销凭证开展全面清查",
            "修订社区财务报销审批办法，明确审核要点和责任",
            "每季度对社区财务开展一次抽查并通报结果",
        ],
        "陈雅琴",
        "街道财政所",
        "长期坚持",
    ),
    (
        "财务管理",
        "小额工程项目未按规定比选",
        [
            "对2023年以来小额工程项目逐项梳理，对未比选项目说明原因",
            "制定小额工程项目比选实施细则并组织培训",
        ],
        "陈雅琴",
        "街道建管办",
        "立行立改、长期坚持",
    ),
    (
        "作风建设",
        "窗口服务群众办事效率不高",
        [
            "梳理便民服务中心办事事项清单，压减办理环节和时限",
            "推行延时服务和预约服务，公开投诉电话",
            "每月开展一次群众满意度回访并通报",
        ],
        "林建华",
        "街道便民服务中心",
        "2025年9月30日前",
    ),
    (
        "作风建设",
        "部分干部下沉社区走过场",
        [
            "建立干部下沉社区工作纪实制度",
            "将下沉工作情况纳入干部年度考核",
        ],
        "林建华",
        "街道组织办",
        "长期坚持",
    ),
    (
        "作风建设",
        "督查检查考核事项过多",
        [
            "全面清理街道对社区的督查检查考核事项，保留事项实行清单管理",
            "对清单外的督查检查事项一律不再开展",
        ],
        "林建华",
        "街道党政办",
        "2025年8月底前",
    ),
]


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def table_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, TABLE_TITLE)
    para(d, "根据区委巡察反馈意见，为扎实抓好整改落实，制定本方案。")
    para(d, "一、整改目标")
    para(d, "坚持问题导向，对反馈问题逐条建立台账，做到整改一个、销号一个。")
    para(d, "二、整改任务")
    para(d, "反馈问题及整改措施见附件《整改任务清单》。")
    sign(d, "中共青石街道工作委员会", "2025年4月2日")
    section = d.add_section()
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(2)
    para(d, "附件")
    title(d, "整改任务清单")
    table = d.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for j, name in enumerate(HEADER):
        table.cell(0, j).text = name
    _repeat_header(table.rows[0])
    for k, (kind, problem, measures, leader, unit, due) in enumerate(TABLE_ROWS, 1):
        cells = table.add_row().cells
        items = "；".join(f"{n}.{m}" for n, m in enumerate(measures, 1)) + "。"
        for j, text in enumerate([str(k), kind, problem, items, leader, unit, due]):
            cells[j].text = text
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. 报告 with a 整改落实情况表: no status column, the 整改进展 cells in the past tense.

PROGRESS_TITLE = "中共溪口县审计局党组关于县委巡察反馈问题整改落实情况的报告"
PROGRESS_HEADER = ["序号", "反馈问题", "整改措施", "责任单位", "整改进展"]
# (问题, 措施, 责任单位, 整改进展, status, 整改时限, 完成时间)
PROGRESS_ROWS = [
    (
        "审计发现问题移送处理不及时",
        "对2022年以来审计发现的问题线索逐项清理。",
        "法规审理股",
        "已于2025年5月20日完成全部问题线索清理，移送线索7件。",
        "已完成",
        None,
        "2025-05-20",
    ),
    (
        "审计外包业务合同管理不规范",
        "对近三年审计外包合同开展复核。",
        "办公室",
        "已完成合同复核46份，计划于2025年6月底前完成全部合同复核。",
        "正在推进",
        "2025年6月底前",
        None,
    ),
    (
        "内部审计指导工作制度不健全",
        "修订内部审计工作指导办法。",
        "内审指导股",
        "已完成制度修订并印发执行。",
        "已完成",
        None,
        None,
    ),
    (
        "审计整改跟踪督促不够有力",
        "建立审计整改对账销号机制。",
        "经责审计股",
        "已建立审计整改对账销号机制，长期坚持。",
        "长期坚持",
        None,
        None,
    ),
    (
        "审计人员业务培训覆盖面不广",
        "制定年度培训计划，分批组织业务培训。",
        "人事教育股",
        "已制定年度培训计划，举办业务培训2期。",
        None,
        None,
        None,
    ),
]


def progress_table_report(path: Path) -> Path:
    d = docx.Document()
    title(d, PROGRESS_TITLE)
    para(d, "县委巡察工作领导小组：")
    para(d, "按照县委巡察反馈意见整改要求，现将整改落实情况报告如下。各问题整改落实情况见附表。")
    sign(d, "中共溪口县审计局党组", "2025年7月30日")
    para(d, "附件")
    title(d, "巡察反馈问题整改落实情况表")
    table = d.add_table(rows=1, cols=len(PROGRESS_HEADER))
    table.style = "Table Grid"
    for j, name in enumerate(PROGRESS_HEADER):
        table.cell(0, j).text = name
    for k, (problem, measure, unit, progress, *_) in enumerate(PROGRESS_ROWS, 1):
        cells = table.add_row().cells
        for j, text in enumerate([str(k), problem, measure, unit, progress]):
            cells[j].text = text
    d.save(path)
    return path


DOCX_BUILDERS = {
    "past_report": past_report,
    "shi_notice": shi_notice_docx,
    "tails_plan": tails_plan,
    "table_plan": table_plan,
    "progress_table": progress_table_report,
}
OTHER_BUILDERS = {
    "shi_notice.html": shi_notice_html,
    "shi_notice_copied.txt": shi_notice_txt,
}
