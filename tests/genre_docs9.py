"""A ninth round of documents of the genre, for fictional units, in our own words: shapes
that published 整改通报, 整改情况报告, 民主生活会整改清单 and 审计整改报告 take and the first
eight rounds lack. Each builder writes a real .docx (``python-docx``) and returns its path;
``tests/test_import9.py`` imports it (and the PDF LibreOffice makes of some) through the real
command and judges the ledger row by row against the builders' own data.

The shapes:

1. a 巡视整改 通报 whose every problem is a bold sentence of its own, followed by an
   "整改情况：……" paragraph (measures "一是……；二是……", a status sentence) and a
   "下一步：……" paragraph;
2. a 报告 whose measures are "第一，……第二，……第三，……" inside one paragraph, each problem
   opened by "关于……的问题", with "截至2025年6月30日，……已完成整改N项" summary paragraphs
   that are counts, not measures;
3. a 整改清单 whose 责任单位 and 完成时限 cells are merged down (Word vertical merge) over the
   several measure rows of one problem;
4. a two-column table 反馈问题 | 整改措施 whose left column is merged down over the measures;
5. a 报告 whose 方面 end in "截至2025年6月30日，……已完成整改N个" summary paragraphs and whose
   problems end in "截至目前，已完成整改任务N项，剩余N项正在推进。" — counts, not measures;
6. a 方案 whose 附件 整改任务清单 stands in a landscape section of its own after the 落款;
7. a 民主生活会 查摆问题整改清单: the 班子's problems, then each 班子成员's under "姓名（职务）".
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from genre_docs import para, sign, title

ORDINAL = "一二三四五六七八九十"
COUNTING = ["第一", "第二", "第三", "第四", "第五"]

TOLD = {
    "已完成": "目前已整改到位。",
    "正在推进": "目前正在持续推进中。",
    "长期坚持": "该项工作已建立长效机制，将长期坚持。",
}


def _shi(measures: list[str]) -> str:
    return "".join(
        f"{ORDINAL[i]}是{m}" + ("；" if i + 1 < len(measures) else "。")
        for i, m in enumerate(measures)
    )


# ---------------------------------------------------------------------------------------------
# 1. 通报: each problem a bold sentence, then "整改情况：" and "下一步：" paragraphs.

# (方面, [(问题, [措施], status, [下一步措施])])
BOLD_PROBLEMS = [
    (
        "一、关于贯彻落实党中央决策部署方面",
        [
            (
                "推动乡村振兴重点任务落地见效不够有力。",
                ["制定乡村振兴重点任务推进台账，按月调度", "对进度滞后的项目逐个约谈项目单位"],
                "正在推进",
                ["年底前完成剩余3个项目验收"],
            ),
            (
                "防范化解债务风险措施不够精准。",
                ["摸清存量债务底数，分类制定化解计划", "建立债务风险季度监测制度"],
                "已完成",
                [],
            ),
        ],
    ),
    (
        "二、关于落实全面从严治党责任方面",
        [
            (
                "“一岗双责”落实不到位，部分班子成员履责记实不全。",
                ["建立班子成员履责记实本，按季度检查", "把履责情况纳入年度述职评议"],
                "长期坚持",
                ["持续开展履责情况季度检查"],
            ),
        ],
    ),
]


def bold_problem_notice(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭市交通运输局党组关于省委巡视反馈意见整改进展情况的通报")
    para(
        d,
        "根据省委统一部署，2024年9月2日至10月31日，省委第五巡视组对市交通运输局党组开展了常规巡视，"
        "12月6日反馈了巡视意见。现将整改进展情况予以公布。",
    )
    for aspect, problems in BOLD_PROBLEMS:
        para(d, aspect)
        for problem, measures, status, nexts in problems:
            para(d, "", bold=problem)
            para(d, _shi(measures) + TOLD[status], bold="整改情况：")
            if nexts:
                para(d, "；".join(nexts) + "。", bold="下一步：")
    para(d, "欢迎广大干部群众对巡视整改落实情况进行监督。联系电话：0871-6000000。")
    sign(d, "中共云岭市交通运输局党组", "2025年3月10日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 2. 报告: "第一，……第二，……" inside one paragraph; "截至……已完成整改N项" summaries.

# (问题, [措施], status)
COUNTING_PROBLEMS = [
    (
        "预算执行进度偏慢",
        ["建立预算执行月通报制度", "对执行率低于序时进度的科室约谈提醒", "年中调整闲置资金用途"],
        "已完成",
    ),
    (
        "专项资金绩效评价流于形式",
        ["修订专项资金绩效评价办法", "引入第三方机构开展重点项目评价"],
        "正在推进",
    ),
    (
        "固定资产账实不符",
        ["开展固定资产全面清查，逐项核对账卡物", "对盘亏资产按程序报批核销"],
        "已完成",
    ),
]


def counting_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "云岭市文化旅游局关于2024年度预算执行审计发现问题整改情况的报告")
    para(d, "市审计局：")
    para(
        d,
        "2025年3月，市审计局对我局2024年度预算执行情况进行了审计，指出问题3个。"
        "我局对照审计意见逐项整改，现将整改情况报告如下。",
    )
    para(d, "一、整改工作总体情况")
    para(
        d,
        "截至2025年6月30日，审计指出的3个问题已完成整改2个，正在整改1个；"
        "已建立完善制度3项，已完成整改任务5项。",
    )
    para(d, "二、审计发现问题的整改情况")
    for k, (problem, measures, status) in enumerate(COUNTING_PROBLEMS):
        body = "".join(f"{COUNTING[i]}，{m}。" for i, m in enumerate(measures))
        para(d, f"（{ORDINAL[k]}）关于{problem}的问题")
        para(d, f"针对这一问题，我局采取了以下措施：{body}{TOLD[status]}")
    para(d, "三、下一步工作")
    para(d, "截至目前，尚有1个问题正在整改，我局将按期完成。")
    sign(d, "云岭市文化旅游局", "2025年7月8日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 3. 整改清单: 责任单位 and 完成时限 merged down over the measure rows of a problem.

# (问题, [措施], 责任单位, 完成时限)
MERGED_LIST = [
    (
        "干部队伍年龄结构老化",
        ["制定年轻干部培养计划", "每年选派2名年轻干部到基层挂职", "完善干部轮岗交流办法"],
        "组织人事科",
        "2025年12月底前",
    ),
    (
        "档案管理不规范",
        ["对照标准整理近三年文书档案", "配备专职档案管理员"],
        "办公室",
        "2025年9月底前",
    ),
    ("政府采购程序执行不严", ["修订政府采购内控制度"], "计划财务科", "2025年6月底前"),
]


def _merge_down(table, col: int, first: int, last: int) -> None:
    """Word's vertical merge of ``col`` from row ``first`` to ``last`` (text in ``first``)."""
    for i in range(first, last + 1):
        tc_pr = table.cell(i, col)._tc.get_or_add_tcPr()
        vm = OxmlElement("w:vMerge")
        if i == first:
            vm.set(qn("w:val"), "restart")
        else:
            table.cell(i, col).text = ""
        tc_pr.append(vm)


def merged_list(path: Path, header=None, problems=MERGED_LIST, two_column=False) -> Path:
    d = docx.Document()
    title(d, "市档案馆巡察反馈问题整改清单")
    header = header or ["序号", "存在问题", "整改措施", "责任单位", "完成时限"]
    n = sum(len(ms) for _, ms, *_ in problems)
    table = d.add_table(rows=1 + n, cols=len(header))
    table.style = "Table Grid"
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    row = 1
    for k, (problem, measures, unit, deadline) in enumerate(problems, start=1):
        first, last = row, row + len(measures) - 1
        for i, m in enumerate(measures):
            cells = [str(k), problem, f"{i + 1}.{m}", unit, deadline]
            if two_column:
                cells = [problem, f"{i + 1}.{m}"]
            for j, text in enumerate(cells):
                table.cell(row, j).text = text
            row += 1
        if last > first:
            for col in range(len(header)):
                if header[col] not in ("整改措施",):
                    _merge_down(table, col, first, last)
    sign(d, "市档案馆", "2025年4月2日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 4. 反馈问题 | 整改措施 only, the left column merged down.

TWO_COLUMN = [
    ("会议记录不完整、不规范", ["统一会议记录格式", "明确专人负责会议记录并定期检查"], "", ""),
    ("党费收缴不及时", ["按月收缴党费并公示"], "", ""),
    (
        "谈心谈话开展不经常",
        ["班子成员每年与分管科室干部谈心不少于1次", "建立谈心谈话记录台账", "每半年抽查一次"],
        "",
        "",
    ),
]


def two_column_list(path: Path) -> Path:
    return merged_list(path, ["反馈问题", "整改措施"], TWO_COLUMN, two_column=True)


# ---------------------------------------------------------------------------------------------
# 5. 报告: "截至……" summaries after a 方面's problems and after a problem's measures.

# (方面, [(问题, [措施], status, summary after the measures or "")], summary after the 方面)
SUMMARIES = [
    (
        "（一）党的建设方面",
        [
            (
                "基层党组织“三会一课”落实不规范",
                ["制定“三会一课”年度计划并按月检查", "对记录不规范的支部书记进行约谈"],
                "已完成",
                "",
            ),
            (
                "发展党员程序把关不严",
                ["对近五年发展党员档案逐一复查", "开展发展党员工作专题培训", "建立预审制度"],
                "正在推进",
                "截至目前，已完成整改任务2项，剩余1项正在推进。",
            ),
        ],
        "截至2025年6月30日，该方面2个问题已完成整改1个。",
    ),
    (
        "（二）作风建设方面",
        [
            (
                "督查检查考核过多过频",
                ["精简年度督查检查计划，合并同类事项"],
                "已完成",
                "",
            ),
        ],
        "截至2025年6月30日，该方面1个问题已全部完成整改。",
    ),
]


def summary_report(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭市水务局党组关于市委巡察反馈问题整改情况的报告")
    para(d, "市委巡察工作领导小组：")
    para(
        d,
        "2025年1月，市委第三巡察组对市水务局党组开展了巡察，反馈问题2个方面3个。"
        "现将整改情况报告如下。",
    )
    para(d, "一、整改工作开展情况")
    para(d, "局党组召开专题会议研究部署整改工作，建立问题、任务、责任三张清单。")
    para(d, "二、反馈问题整改落实情况")
    for aspect, problems, after in SUMMARIES:
        para(d, aspect)
        for k, (problem, measures, status, told) in enumerate(problems, start=1):
            para(d, f"{k}.关于{problem}的问题")
            para(d, "整改情况：" + _shi(measures) + TOLD[status])
            if told:
                para(d, told)
        para(d, after)
    sign(d, "中共云岭市水务局党组", "2025年7月15日")
    d.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# 6. 方案 with its 附件 整改任务清单 in a landscape section of its own.

# (问题, 措施, 责任领导, 责任单位, 完成时限)
LANDSCAPE_TASKS = [
    ("政务公开不及时", "建立政务信息发布审核台账，每周更新", "李国栋", "办公室", "2025年8月底前"),
    ("政务公开不及时", "对逾期未公开事项逐项补录", "李国栋", "办公室", "2025年6月底前"),
    ("项目资金拨付滞后", "建立项目资金拨付进度周报制度", "赵文华", "计划财务科", "长期坚持"),
]


def landscape_annex_plan(path: Path) -> Path:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from genre_docs3 import table_of

    d = docx.Document()
    title(d, "中共云岭市林业局党组巡察反馈意见整改方案")
    para(d, "为切实抓好市委巡察反馈意见整改落实，制定本方案。")
    para(d, "一、整改任务")
    para(d, "具体整改任务见附件。")
    para(d, "二、工作要求")
    para(d, "各责任单位要按照任务清单抓好落实，每月25日前报送整改进展。")
    para(d, "附件：整改任务清单")
    sign(d, "中共云岭市林业局党组", "2025年4月18日")
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    para(d, "附件")
    title(d, "整改任务清单")
    rows = [[str(i), *row] for i, row in enumerate(LANDSCAPE_TASKS, start=1)]
    table_of(d, ["序号", "存在问题", "整改措施", "责任领导", "责任单位", "完成时限"], rows)
    d.save(path)
    return path


DOCX_BUILDERS = {
    "bold_problem_notice": bold_problem_notice,
    "counting_report": counting_report,
    "merged_list": merged_list,
    "two_column_list": two_column_list,
    "summary_report": summary_report,
    "landscape_annex_plan": landscape_annex_plan,
}


# ---------------------------------------------------------------------------------------------
# 7. 民主生活会 查摆问题整改清单: the 班子's problems, then each 班子成员's under his name alone.

# (heading, [(问题, [措施])]); the person headings carry the name and post
MEETING = [
    (
        "领导班子",
        [
            ("理论学习与业务工作结合不够紧密", ["每季度开展一次结合统计业务的专题研讨"]),
            ("调查研究不够深入", ["班子成员每年牵头完成1项重点调研课题"]),
        ],
    ),
    (
        "王立军（局党组书记、局长）",
        [("抓班子带队伍方法不多", ["每半年与班子成员开展一次谈心谈话"])],
    ),
    (
        "陈静（局党组成员、副局长）",
        [
            ("对分管领域数据质量督导不够", ["建立分管专业数据质量月核查制度"]),
            ("深入基层调研较少", ["每年到基层统计站所调研不少于4次"]),
        ],
    ),
]


def meeting_list(path: Path) -> Path:
    d = docx.Document()
    title(d, "中共云岭市统计局党组2024年度民主生活会查摆问题整改清单")
    para(d, "根据2024年度民主生活会查摆的问题，制定整改清单如下。")
    for k, (head, problems) in enumerate(MEETING):
        para(d, f"{ORDINAL[k]}、{head}")
        for i, (problem, measures) in enumerate(problems, start=1):
            para(d, f"{i}.{problem}。")
            para(d, "整改措施：" + "；".join(measures) + "。")
            para(d, "完成时限：2025年12月底前。")
    sign(d, "中共云岭市统计局党组", "2025年2月20日")
    d.save(path)
    return path


DOCX_BUILDERS["meeting_list"] = meeting_list
