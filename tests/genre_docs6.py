"""A sixth round of documents of the genre, for fictional units, in our own words: shapes that
published 整改方案, 整改情况报告 and 整改进展情况通报 take and the first five rounds lack.
Each builder writes a real .docx (``python-docx``) or a .txt and returns its path;
``tests/test_import6.py`` imports it (and the PDF or Word 97 .doc LibreOffice makes of it)
through the real command and judges the ledger row by row against what a reader would enter.

The shapes:

1. a 通报 with no 方面 at all: under "二、反馈问题整改落实情况" each problem is a heading
   "（一）关于……的问题" followed by an "整改情况：" paragraph ending with its status;
2. an 审计整改 report of "问题N：……" blocks: the problem, "整改措施：①……；②……；③……。" (circled
   numbers inside one paragraph), "整改结果：……", and a "责任单位：…… 整改时限：……" line;
   some problems have the three labels in one paragraph;
3. a 主题教育 检视问题整改清单 whose "整改进度" column gives percentages ("100%", "80%"),
   over several pages (ruled, in the PDF the header repeated and rows broken over pages);
4. a 民主生活会 整改方案 whose second part groups problems under each 班子成员 by name and
   post ("（二）王立军同志（局党组书记、局长）");
5. a 通报 that gives only the counts and a few typical problems "如：……";
6. a 环保督察 整改方案 whose 附件 table has 督察反馈问题/整改目标/整改措施/责任单位/督办领导/
   整改时限, several numbered measures in one cell (written also as Word 97 .doc);
7. text pasted from a web page: no-break spaces, full-width spaces, lines broken in
   mid-sentence, 【问题一】【整改措施】【整改进展】 markers, the page's 【打印】【关闭】;
8. a 报告 whose measures are circled numbers on their own lines ("①……（已完成）") under
   "（一）……问题" headings, with a "整改成效：" line after them.
"""

from __future__ import annotations

from pathlib import Path

import docx
from genre_docs import para, sign, title, write_txt
from genre_docs3 import official, table_of
from genre_docs4 import _merged_table, _no_borders, _repeat_header

# ---------------------------------------------------------------------------------------------
# 1. 通报 without 方面: "（一）关于……的问题" headings, each with an "整改情况：" paragraph.

# (问题 heading, 整改情况, status, deadline or "")
GUANYU_NOTICE = [
    (
        "（一）关于农村公路建设项目质量监管不到位的问题",
        "整改情况：对2022年以来实施的43个农村公路项目逐一开展质量回头看，"
        "委托第三方检测机构抽检路段68公里，对检测不合格的3个标段责令施工单位返工。"
        "目前该问题已整改完成。",
        "已完成",
        "",
    ),
    (
        "（二）关于养护资金使用管理不规范的问题",
        "整改情况：修订《云岭县农村公路养护资金管理办法》，明确资金拨付须附养护考核结果；"
        "对超范围列支的养护资金21.6万元予以追回，正在推进，计划2025年3月底前完成。",
        "正在推进",
        "2025年3月底",
    ),
    (
        "（三）关于执行中央八项规定精神不够严格的问题",
        "整改情况：组织全体干部职工观看警示教育片，对公务接待、公车使用情况开展专项检查，"
        "对2名违规人员进行诫勉谈话。该项工作需长期坚持。",
        "长期坚持",
        "",
    ),
    (
        "（四）关于基层党支部组织生活不规范的问题",
        "整改情况：各支部补齐2023年度组织生活会会议记录，局机关党委建立支部工作季度检查制度。"
        "该问题已整改到位。",
        "已完成",
        "",
    ),
]


def guanyu_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭县交通运输局党组关于县委第三巡察组反馈意见整改进展情况的通报")
    para(
        d,
        "根据县委巡察工作统一部署，2024年4月8日至5月20日，县委第三巡察组对县交通运输局党组"
        "开展了常规巡察，6月14日反馈了巡察意见。按照党务公开有关要求，现将整改进展情况通报如下。",
    )
    para(d, "一、整改工作开展情况")
    para(
        d,
        "局党组召开专题会议研究部署整改工作，成立由党组书记任组长的整改工作领导小组，"
        "逐项制定整改措施，明确责任领导、责任股室和完成时限，实行清单化管理、销号式推进。",
    )
    para(d, "二、反馈问题整改落实情况")
    for heading, body, _, _ in GUANYU_NOTICE:
        para(d, heading)
        para(d, body)
    para(d, "三、下一步工作打算")
    para(
        d,
        "对尚未完成的整改事项紧盯不放，定期调度推进；对已完成的事项适时开展回头看，防止问题反弹。",
    )
    para(d, "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0871-6123456。")
    sign(d, "中共云岭县交通运输局党组", "2024年11月20日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. 审计整改 report: "问题N：" blocks with circled measures inside one paragraph.

# (方面, [(问题, [措施], 整改结果, status, 责任单位, 整改时限, one_paragraph)])
AUDIT_BLOCKS = [
    (
        "一、预算编制和执行方面",
        [
            (
                "部分项目预算编制不细化，年初预算到位率偏低",
                [
                    "修订部门预算编制规程，项目支出预算细化到具体用途",
                    "建立项目库动态管理机制，未入库项目一律不安排预算",
                    "每季度通报预算执行进度",
                ],
                "已整改。2025年部门预算项目细化率达到100%。",
                "已完成",
                "财务审计科",
                "2024年12月底前",
                False,
            ),
            (
                "结余资金未及时清理上缴",
                [
                    "对2021年至2023年项目结余资金进行全面清理",
                    "按规定将结余资金上缴县财政",
                ],
                "已上缴结余资金48.3万元，剩余12万元正在推进，计划2025年2月底前完成。",
                "正在推进",
                "财务审计科",
                "2025年2月底前",
                False,
            ),
        ],
    ),
    (
        "二、资产管理方面",
        [
            (
                "固定资产账实不符",
                [
                    "开展固定资产全面清查盘点",
                    "对盘亏资产按程序报批核销",
                    "建立资产管理信息系统，实行条码管理",
                ],
                "已整改。清查资产1862项，核销盘亏资产37项。",
                "已完成",
                "办公室",
                "2024年11月底前",
                True,
            ),
            (
                "部分房产出租未履行审批程序",
                [
                    "对出租房产逐项补办审批手续",
                    "出租收入全额缴入国库",
                ],
                "已整改。补办审批手续5项，缴入出租收入9.7万元。",
                "已完成",
                "办公室",
                "2024年10月底前",
                True,
            ),
        ],
    ),
]

CIRCLED = "①②③④⑤⑥⑦⑧⑨"


def _circled(measures: list[str]) -> str:
    return "；".join(f"{CIRCLED[k]}{m}" for k, m in enumerate(measures)) + "。"


def audit_blocks(path: Path) -> Path:
    d = docx.Document()
    title(d, "县林业和草原局关于2023年度预算执行审计发现问题整改情况的报告")
    para(d, "县审计局：")
    para(
        d,
        "2024年5月至7月，县审计局对我局2023年度预算执行情况进行了审计，"
        "指出4个方面的问题。我局高度重视，逐项制定整改措施，现将整改情况报告如下。",
    )
    n = 0
    for aspect, problems in AUDIT_BLOCKS:
        para(d, aspect)
        for problem, measures, result, _, unit, due, one in problems:
            n += 1
            block = [
                f"问题{n}：{problem}。",
                f"整改措施：{_circled(measures)}",
                f"整改结果：{result}",
            ]
            if one:
                para(d, "".join(block))
            else:
                for line in block:
                    para(d, line)
            para(d, f"责任单位：{unit}　　整改时限：{due}")
    sign(d, "县林业和草原局", "2024年12月6日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. 主题教育 检视问题整改清单 with an "整改进度" column of percentages, over several pages.

PROGRESS_HEADER = [
    "序号",
    "问题类别",
    "检视问题",
    "整改措施",
    "责任领导",
    "责任部门",
    "整改时限",
    "整改进度",
]

# (类别, 问题, [(措施, 领导, 部门, 时限, 进度)])
PROGRESS_ROWS = [
    (
        "理论学习方面",
        "理论学习与业务工作结合不够紧密，学用脱节现象仍然存在",
        [
            (
                "制定党组理论学习中心组年度学习计划，每月开展一次专题学习研讨",
                "周海涛",
                "办公室",
                "2024年6月底前",
                "100%",
            ),
            (
                "围绕科技成果转化开展专题调研，形成调研报告4篇",
                "周海涛",
                "政策法规科",
                "2024年9月底前",
                "100%",
            ),
        ],
    ),
    (
        "理论学习方面",
        "青年干部理论学习形式单一，学习效果不够明显",
        [
            (
                "组建青年理论学习小组，开展读书分享和微宣讲活动",
                "陈思远",
                "机关党委",
                "2024年8月底前",
                "100%",
            ),
        ],
    ),
    (
        "服务发展方面",
        "科技型中小企业培育工作力度不够，服务企业的精准度不高",
        [
            (
                "建立科技型中小企业培育库，实行一企一策跟踪服务",
                "陈思远",
                "高新技术科",
                "2024年12月底前",
                "80%",
            ),
            (
                "组织科技特派员深入企业开展技术对接活动不少于20场",
                "陈思远",
                "农村科技科",
                "2024年12月底前",
                "60%",
            ),
        ],
    ),
    (
        "服务发展方面",
        "科技项目验收结题进度滞后，部分项目超期未验收",
        [
            (
                "对超期未验收项目逐一建档，限期完成结题验收",
                "林晓燕",
                "计划财务科",
                "2024年10月底前",
                "100%",
            ),
            (
                "对无正当理由超期的项目承担单位取消下一年度申报资格",
                "林晓燕",
                "计划财务科",
                "2024年10月底前",
                "100%",
            ),
        ],
    ),
    (
        "作风建设方面",
        "深入基层调研不够，到企业现场解决问题少",
        [
            (
                "班子成员每季度到联系企业调研不少于1次，建立问题清单限期办结",
                "周海涛",
                "办公室",
                "长期坚持",
                "长期坚持",
            ),
        ],
    ),
    (
        "作风建设方面",
        "文件会议仍然偏多，基层负担没有明显减轻",
        [
            (
                "严格控制发文数量，全年发文数量较上年压减15%以上",
                "林晓燕",
                "办公室",
                "2024年12月底前",
                "0%",
            ),
        ],
    ),
]


def progress_rows() -> list[list[str]]:
    rows = []
    for k, (aspect, problem, measures) in enumerate(PROGRESS_ROWS, start=1):
        for measure in measures:
            rows.append([str(k), aspect, problem, *measure])
    return rows


def progress_list(path: Path, ruled: bool = True) -> Path:
    d = docx.Document()
    title(d, "中共滨江市科学技术局党组主题教育检视问题整改清单")
    para(
        d,
        "对照主题教育检视整改要求，局党组班子共检视问题6个，制定整改措施9条。"
        "截至2024年10月底，各项措施整改进度如下。",
    )
    table = _merged_table(d, PROGRESS_HEADER, progress_rows(), merge_cols=(0, 1, 2))
    if ruled:
        table.style = "Table Grid"
    else:
        _no_borders(table)
    _repeat_header(table)
    sign(d, "中共滨江市科学技术局党组", "2024年11月5日")
    official(d, size=14)
    d.save(path)
    return path


def borderless_progress_list(path: Path) -> Path:
    """The same list without ruling lines: in the PDF its header cells wrap in columns three
    characters wide and its merged cells are centred over rows of many lines."""
    return progress_list(path, ruled=False)


# ---------------------------------------------------------------------------------------------
# 4. 民主生活会 整改方案: the 班子's problems, then each 班子成员's under his name.

# (方面, [(问题, [措施], 时限)])
MEMBERS_PLAN = [
    (
        "（一）领导班子存在的问题及整改措施",
        [
            (
                "落实意识形态工作责任制不够到位",
                ["每半年专题研究一次意识形态工作", "建立网络舆情分析研判和处置机制"],
                "2025年6月底前",
            ),
            (
                "推动文旅融合发展办法不多",
                ["编制全域旅游发展三年行动计划", "培育乡村旅游重点村5个"],
                "2025年12月底前",
            ),
        ],
    ),
    (
        "（二）王立军同志（局党组书记、局长）",
        [
            (
                "抓班子带队伍严管与厚爱结合不够",
                ["每年与班子成员和科室负责人谈心谈话全覆盖", "建立干部实绩档案"],
                "长期坚持",
            ),
        ],
    ),
    (
        "（三）陈慧同志（局党组成员、副局长）",
        [
            (
                "分管领域文物安全巡查不够深入",
                ["每季度带队开展一次文物安全检查", "对县级以上文物保护单位落实专职文物安全员"],
                "2025年3月底前",
            ),
            (
                "调查研究不够深入系统",
                ["每年牵头完成1篇高质量调研报告"],
                "2025年10月底前",
            ),
        ],
    ),
]


def members_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共临河县文化和旅游局党组领导班子2024年度民主生活会整改方案")
    para(
        d,
        "为切实抓好2024年度民主生活会查摆问题的整改落实，结合班子和班子成员对照检查情况，"
        "制定本方案。",
    )
    para(d, "一、总体要求")
    para(d, "坚持问题导向，逐项明确整改措施、责任领导和完成时限，做到问题不解决不放过。")
    para(d, "二、整改任务")
    for aspect, problems in MEMBERS_PLAN:
        para(d, aspect)
        for k, (problem, measures, due) in enumerate(problems, start=1):
            para(d, f"{k}.{problem}。")
            para(d, "整改措施：" + "；".join(f"{m}" for m in measures) + "。")
            para(d, f"完成时限：{due}")
    para(d, "三、工作要求")
    para(d, "班子成员要以身作则，带头抓好整改，整改情况在下一年度民主生活会上报告。")
    sign(d, "中共临河县文化和旅游局党组", "2025年1月22日")
    official(d)
    d.save(path)
    return path


# (班子成员, 问题, 措施, 时限): a 民主生活会 整改清单 with a column of whose problem it is
MEMBERS_TABLE = [
    (
        "刘建国（党组书记、主任）",
        "调查研究不够深入，解决实际问题的办法不多",
        "每季度到基层蹲点调研不少于3天",
        "2025年12月底前",
    ),
    (
        "刘建国（党组书记、主任）",
        "调查研究不够深入，解决实际问题的办法不多",
        "建立调研成果转化清单",
        "2025年6月底前",
    ),
    (
        "周敏（党组成员、副主任）",
        "分管领域风险防控措施不够有力",
        "梳理分管领域廉政风险点，逐项制定防控措施",
        "2025年3月底前",
    ),
]


def members_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共江岸区发展和改革委员会党组2024年度民主生活会查摆问题整改清单")
    numbers = {
        problem: str(k) for k, problem in enumerate(dict.fromkeys(r[1] for r in MEMBERS_TABLE), 1)
    }
    rows = [
        [numbers[problem], *row[:1], problem, *row[2:]]
        for row in MEMBERS_TABLE
        for problem in [row[1]]
    ]
    table = _merged_table(
        d, ["序号", "班子成员", "查摆问题", "整改措施", "完成时限"], rows, merge_cols=(0, 1, 2)
    )
    table.style = "Table Grid"
    sign(d, "中共江岸区发展和改革委员会党组", "2025年1月20日")
    official(d, size=14)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 5. 通报 giving the counts and a few typical problems.

TYPICAL = [
    (
        "部分乡镇卫生院药品采购未执行集中采购规定",
        "已督促7家卫生院全部纳入省药品集中采购平台采购，对相关负责人进行约谈。已整改到位。",
        "已完成",
    ),
    (
        "家庭医生签约服务质量不高，重签约轻服务",
        "制定家庭医生签约服务考核办法，考核结果与绩效工资挂钩，正在推进，计划2025年6月底前完成。",
        "正在推进",
    ),
    (
        "医疗废物处置监管存在薄弱环节",
        "开展医疗废物处置专项检查2轮，整改问题隐患16处。已完成整改。",
        "已完成",
    ),
]


def counts_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共石门县卫生健康局党组关于巡察整改进展情况的通报")
    para(
        d,
        "2024年3月18日至5月10日，县委第一巡察组对县卫生健康局党组开展了巡察。"
        "巡察反馈的3个方面21个问题，局党组细化整改措施63条。截至2024年10月31日，"
        "已整改18个，整改率85.7%，其余3个正在按计划推进。",
    )
    para(d, "现将部分典型问题的整改情况通报如下：")
    for k, (problem, body, _) in enumerate(TYPICAL, start=1):
        para(d, f"{k}.关于“{problem}”的问题。{body}")
    para(d, "下一步，局党组将持续压实整改责任，确保剩余问题按期整改到位。")
    sign(d, "中共石门县卫生健康局党组", "2024年11月8日")
    official(d)
    d.save(path)
    return path


def counts_notice_txt(path: Path) -> Path:
    """The same notice pasted as text, its typical problems "1.……。……。已整改到位。" without
    "关于…的问题": each item names its problem, tells what was done and ends with its status."""
    lines = [
        "中共石门县卫生健康局党组关于巡察整改进展情况的通报",
        "",
        "　　2024年3月18日至5月10日，县委第一巡察组对县卫生健康局党组开展了巡察。"
        "巡察反馈的3个方面21个问题，截至2024年10月31日，已整改18个，整改率85.7%。",
        "　　现将部分典型问题的整改情况通报如下：",
    ]
    lines += [f"　　{k}.{p}。{body}" for k, (p, body, _) in enumerate(TYPICAL, start=1)]
    lines += [
        "　　下一步，局党组将持续压实整改责任，确保剩余问题按期整改到位。",
        "",
        "中共石门县卫生健康局党组",
        "2024年11月8日",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 6. 环保督察 整改方案 with its 附件 table; several numbered measures in one cell.

ENV_HEADER = ["序号", "督察反馈问题", "整改目标", "整改措施", "责任单位", "督办领导", "整改时限"]

# (问题, 整改目标, [措施], 责任单位, 督办领导, 时限)
ENV_ROWS = [
    (
        "城区部分路段餐饮油烟直排，群众投诉较多",
        "城区餐饮单位油烟净化设施安装率达到100%",
        [
            "对城区餐饮单位开展全面排查，建立问题清单",
            "督促未安装油烟净化设施的餐饮单位限期安装",
            "对拒不整改的依法查处",
        ],
        "县城市管理局",
        "赵国庆",
        "2025年6月底前",
    ),
    (
        "工业园区污水处理厂出水总氮间歇性超标",
        "出水水质稳定达到一级A标准",
        ["实施污水处理厂提标改造工程", "加强进水水质监测，严控企业超标排放"],
        "县生态环境分局、工业园区管委会",
        "钱文博",
        "2025年12月底前",
    ),
    (
        "部分矿山开采后生态修复滞后",
        "完成历史遗留矿山生态修复面积120公顷",
        ["编制历史遗留矿山生态修复实施方案", "分年度推进矿山复绿工程"],
        "县自然资源局",
        "赵国庆",
        "2026年12月底前",
    ),
]


def env_plan(path: Path) -> Path:
    d = docx.Document()
    title(d, "青峰县贯彻落实省生态环境保护督察反馈意见整改方案")
    para(
        d,
        "2024年9月，省第二生态环境保护督察组向我县反馈了督察意见。为切实抓好督察反馈问题整改，"
        "制定本方案。",
    )
    para(d, "一、指导思想")
    para(d, "坚持绿水青山就是金山银山理念，以改善生态环境质量为核心，全面抓好督察反馈问题整改。")
    para(d, "二、工作要求")
    para(d, "各责任单位要按照附件所列整改任务，逐项细化措施，按期完成整改并报送整改材料。")
    para(d, "附件：青峰县省生态环境保护督察反馈问题整改任务清单")
    sign(d, "青峰县人民政府", "2024年10月15日")
    para(d, "附件")
    para(d, "青峰县省生态环境保护督察反馈问题整改任务清单")
    rows = [
        [
            str(k),
            problem,
            goal,
            "\n".join(f"{i}.{m}。" for i, m in enumerate(ms, start=1)),
            unit,
            leader,
            due,
        ]
        for k, (problem, goal, ms, unit, leader, due) in enumerate(ENV_ROWS, start=1)
    ]
    table_of(d, ENV_HEADER, rows)
    para(d, "")  # Word ends a document with a paragraph (LibreOffice's .doc loses a last table)
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 7. Text pasted from a web page: 【】 markers, no-break and full-width spaces, broken lines.

# (问题, 措施, 进展, 责任单位, status)
WEB_MARKED = [
    (
        "政务服务事项“一网通办”比例不高",
        "梳理政务服务事项清单，推动高频事项全部接入网上办事大厅",
        "已有326项事项实现全程网办，网办率由61%提高到92%。已完成整改。",
        "政务服务科",
        "已完成",
    ),
    (
        "部分窗口工作人员服务意识不强",
        "开展窗口工作人员轮训，实行“好差评”结果月通报",
        "已组织轮训4期，差评整改率100%，该项工作需长期坚持。",
        "综合窗口管理科",
        "长期坚持",
    ),
    (
        "12345热线工单办理质量不高",
        "建立工单回访核查制度，对群众不满意工单重新办理",
        "已回访核查工单1350件，重办不满意工单84件，正在推进，计划2025年3月底前完成。",
        "热线管理中心",
        "正在推进",
    ),
]


def web_marked_txt(path: Path) -> Path:
    nb = "\u00a0"
    lines = [
        f"首页{nb}>{nb}政务公开{nb}>{nb}巡察整改",
        "中共安平县政务服务管理局党组关于巡察整改进展情况的通报",
        f"发布时间：2024-12-02{nb}{nb}来源：县政务服务管理局{nb}{nb}浏览次数：318",
        "【字体：大 中 小】",
        "　　根据县委巡察工作部署，县委第二巡察组于2024年5月至6月对我局党组进行了巡察，",
        "并于7月5日反馈了巡察意见。现将整改进展情况通报如下。",
        "　　一、整改工作总体情况",
        "　　局党组把巡察整改作为重要政治任务，建立问题、任务、责任三张清单，每周调度整改进度。",
        "　　二、具体问题整改情况",
    ]
    for k, (problem, measure, progress, unit, _) in enumerate(WEB_MARKED, start=1):
        lines += [
            f"　　【问题{'一二三'[k - 1]}】{problem}。",
            f"　　【整改措施】{measure}。",
            # the page broke this line in mid-sentence
            f"　　【整改进展】{progress[:14]}",
            progress[14:],
            f"　　【责任单位】{unit}{nb}",
        ]
    lines += [
        "　　三、下一步工作",
        "　　持续巩固整改成果，对照问题清单逐项开展回头看，确保整改不反弹。",
        "　　中共安平县政务服务管理局党组",
        "　　2024年12月2日",
        "【打印本页】【关闭窗口】",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# 8. 报告: circled measures on their own lines, each with its own status, then 整改成效.

# (方面, [(问题, [(措施, status)], 整改成效)])
CIRCLED_REPORT = [
    (
        "一、党的政治建设方面",
        [
            (
                "贯彻落实上级重大决策部署存在温差",
                [
                    ("修订党组会议议事规则，把学习贯彻上级决策部署作为第一议题", "已完成"),
                    ("建立重点任务督办台账，每月调度一次", "长期坚持"),
                ],
                "整改成效：2024年以来党组会议“第一议题”学习28次，督办重点任务41项。",
            ),
        ],
    ),
    (
        "二、履行职能责任方面",
        [
            (
                "粮食储备库点安全生产隐患排查不彻底",
                [
                    ("对全县11个储备库点开展安全生产隐患拉网式排查", "已完成"),
                    ("更新改造老旧消防设施和电气线路", "正在推进"),
                    ("建立库点安全生产责任人公示制度", "已完成"),
                ],
                "整改成效：排查整改安全隐患27处，完成4个库点电气线路改造。",
            ),
        ],
    ),
]


def circled_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共平川县粮食和物资储备局党组关于巡察反馈问题整改情况的报告")
    para(d, "县委巡察工作领导小组：")
    para(d, "按照县委巡察工作部署，现将我局巡察反馈问题整改情况报告如下。")
    n = 0
    for aspect, problems in CIRCLED_REPORT:
        para(d, aspect)
        for problem, measures, effect in problems:
            n += 1
            para(d, f"（{'一二三四五'[n - 1]}）{problem}的问题")
            para(d, "整改措施：")
            for k, (measure, status) in enumerate(measures):
                para(d, f"{CIRCLED[k]}{measure}（{status}）。")
            para(d, effect)
    sign(d, "中共平川县粮食和物资储备局党组", "2024年12月10日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 9. 审计整改 table whose 整改情况 column gives 已整改 / 部分整改 / 未整改 with the reason.

AUDIT_STATUS_HEADER = ["序号", "审计发现问题", "整改措施", "责任单位", "整改情况"]

# (问题, 措施, 单位, 整改情况, status)
AUDIT_STATUS_ROWS = [
    (
        "部分专项资金未按规定专款专用，挪用于日常公用经费支出35.2万元",
        "将挪用资金调回原项目，相关支出按规定列支",
        "计划财务科",
        "已整改",
        "已完成",
    ),
    (
        "政府采购项目未按规定公开招标，涉及金额186万元",
        "对未公开招标项目逐项核查，修订政府采购内部控制制度",
        "办公室",
        "部分整改",
        "正在推进",
    ),
    (
        "应收未收国有资产出租收入18.7万元",
        "督促承租人限期缴纳欠缴租金，对拒不缴纳的依法起诉",
        "资产管理科",
        "未整改，已向法院提起诉讼",
        "正在推进",
    ),
]


def audit_status_table(path: Path) -> Path:
    d = docx.Document()
    title(d, "县水利局关于2023年度经济责任审计发现问题整改情况的报告")
    para(d, "县审计局：")
    para(
        d,
        "县审计局于2024年6月对我局原主要负责人任期经济责任履行情况进行了审计，"
        "审计发现问题3个，截至2024年11月底，已整改1个。具体整改情况见下表。",
    )
    rows = [[str(k), p, m, u, done] for k, (p, m, u, done, _) in enumerate(AUDIT_STATUS_ROWS, 1)]
    table_of(d, AUDIT_STATUS_HEADER, rows)
    sign(d, "县水利局", "2024年12月3日")
    official(d)
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 10. 整改方案 pasted from a 公众号 article: "问题1：" blocks, circled measures on their own
# lines, label lines, no-break spaces and full-width spaces for indents.

# (问题, [措施], 责任领导, 责任单位, 完成时限)
ARTICLE_PLAN = [
    (
        "村级集体经济组织财务管理不规范",
        [
            "开展村级财务专项清理，逐村建立资产台账",
            "推行村级财务委托代理制度",
            "每半年公开一次村级财务收支情况",
        ],
        "孙建华",
        "农村经营管理站",
        "2025年6月底前",
    ),
    (
        "高标准农田建后管护责任落实不到位",
        ["制定高标准农田建后管护办法", "落实管护主体和管护经费"],
        "李红梅",
        "农田建设管理科",
        "2025年9月底前",
    ),
]


def article_plan_txt(path: Path) -> Path:
    nb = "\u00a0"
    lines = [
        "东川镇党委关于县委巡察反馈意见的整改方案",
        f"东川镇{nb}{nb}2025年1月10日",
        "",
        f"{nb}{nb}{nb}{nb}为认真落实县委第四巡察组反馈意见，结合我镇实际，制定本方案。",
        "　　一、整改任务",
    ]
    for k, (problem, measures, leader, unit, due) in enumerate(ARTICLE_PLAN, start=1):
        lines.append(f"　　问题{k}：{problem}。")
        lines.append("　　整改措施：")
        lines += [
            f"{nb}{nb}{CIRCLED[i]}{m}；" if i + 1 < len(measures) else f"{nb}{nb}{CIRCLED[i]}{m}。"
            for i, m in enumerate(measures)
        ]
        lines.append(f"　　责任领导：{leader}{nb}{nb}责任单位：{unit}")
        lines.append(f"　　完成时限：{due}")
    lines += [
        "　　二、工作要求",
        "　　各责任单位要对照整改任务，逐项抓好落实，按期报送整改进展情况。",
        "",
        "阅读 1024",
    ]
    return write_txt(path, "\n".join(lines) + "\n")


DOCX_BUILDERS = {
    "guanyu_notice": guanyu_notice,
    "audit_blocks": audit_blocks,
    "progress_list": progress_list,
    "borderless_progress_list": borderless_progress_list,
    "members_plan": members_plan,
    "members_table": members_table,
    "counts_notice": counts_notice,
    "env_plan": env_plan,
    "circled_report": circled_report,
    "audit_status_table": audit_status_table,
}

TXT_BUILDERS = {
    "web_marked_txt": web_marked_txt,
    "article_plan_txt": article_plan_txt,
    "counts_notice_txt": counts_notice_txt,
}
