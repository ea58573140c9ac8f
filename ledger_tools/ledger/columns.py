"""The single definition of the ledger: columns, aliases, statuses, 基本信息 fields, sheets.

Everything that names a column or a status reads it from here: the workbook template
(``workbook``), the reader (``reading``), the validator (``schema``), the template context
(``context``) and the README's column reference (``python -m ledger_tools.ledger.columns``).
This module must stay import-light: the CLI's ``--help`` imports it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from ledger_tools.lazyre import lazy

# ---------------------------------------------------------------------------------------------
# Sheets of the standard workbook, in order.
SHEET_GUIDE = "填表说明"
SHEET_INFO = "基本信息"
# A row of a 汇总台账's 基本信息 (merge writes it when units differ on 长期坚持计入办结): the
# units, one a line, whose own ledger counts 长期坚持 as not 办结; every other unit counts it.
NOT_COUNTED_LABEL = "长期坚持不计入办结的单位"
SHEET_LEDGER = "整改台账"
SHEET_TEXT = "文稿段落"
SHEET_LISTS = "字典"
SHEET_MAPPING = "列名对照"  # optional: 原列名 | 标准列名, the same as --map
SHEET_RESULTS = "校验结果"  # first sheet of a --mark copy / the Excel add-in's result sheet
SHEETS = (SHEET_GUIDE, SHEET_INFO, SHEET_LEDGER, SHEET_TEXT, SHEET_LISTS)

EXAMPLE_MARK = "【示例，请修改】"


@dataclass(frozen=True)
class Column:
    """One canonical column of the 整改台账 sheet."""

    name: str
    kind: str  # text | deadline | status | date | money | count
    help: str  # one line for 填表说明 and the README
    required: bool = False
    aliases: tuple[str, ...] = ()
    width: int = 14  # in Excel character units, sized for Chinese text
    per_problem: bool = False  # usually merged over a problem's measure rows


COLUMNS: tuple[Column, ...] = (
    Column(
        "序号",
        "text",
        "问题序号（1、2、3……），可跨该问题的措施行合并单元格",
        aliases=(
            "编号",
            "问题序号",
            "问题编号",
            "序",
            "序列号",
            "No.",
            "NO.",
            "No",
            "NO",
            "编码",
            "问题编码",
            # 12345 热线, 信访: the number of the 工单 or case (beside a 序号: kept as a code)
            "工单号",
            "受理号",
            "案件号",
            "信访件号",
        ),  # …编号
        width=6,
        per_problem=True,
    ),
    Column(
        "方面",
        "text",
        "反馈意见所属方面，如“落实党的理论路线方针政策方面”；同一文字归为同一方面",
        required=True,
        width=18,
        per_problem=True,
        aliases=(
            "问题类别",
            "问题类型",
            "类别",
            "所属方面",
            "反馈意见方面",
            "反馈问题类别",
            # 主题教育 检视问题清单: the 方面 the problem was found under
            "检视方向",
            "查摆方向",
            # 组织生活会 / 民主生活会 lists: whose problem it is (the team's or one member's)
            "班子/个人",
            "个人/班子",
            "班子或个人",
        ),
    ),
    Column(
        "问题",
        "text",
        "问题简要标题，如“政治理论学习重视不够”，可跨措施行合并",
        required=True,
        width=22,
        per_problem=True,
        aliases=(
            "反馈问题",
            # the problem and how it showed, in one cell
            "问题及表现",
            "存在问题及表现",
            "问题及具体表现",
            "问题名称",
            "问题概述",
            "问题简述",
            "存在问题",
            "存在的问题",
            "主要问题",
            "巡察反馈问题",
            "巡视反馈问题",
            "审计发现问题",
            "反馈意见",
            "问题内容",
            "问题清单",
            "存在的主要问题",
            "主要存在问题",
            "督办事项",
            "交办事项",
            "信访事项",
            "信访内容",
            "来信来访内容",
            "信访反映问题",
            "事项名称",
            "事项内容",
            "隐患描述",
            "隐患名称",
            "隐患内容",
            "存在隐患",
            "隐患问题",
            "隐患情况",
            "事故隐患",
            "诉求内容",
            "诉求事项",
            "主要诉求",
            "群众诉求",
            "来电内容",
            "反映内容",
            "问题事项",
            "突出问题",
            "整改问题",
            "整改事项",
            "问题线索",
            "巡视反馈意见",
            "巡察反馈意见",
            # 意识形态 / 廉政 风险排查: the risk found is what is to be put right
            "风险点",
            "风险隐患",
            "风险点描述",
            "风险描述",
            "主要风险点",
            "风险隐患点",
            # 纪检监察建议书: each 建议事项 is a problem the unit must put right
            "建议事项",
            "监察建议事项",
            "纪检监察建议事项",
        ),
    ),
    Column(
        "问题表现",
        "text",
        "反馈意见中该问题的具体表现",
        width=30,
        per_problem=True,
        aliases=(
            "具体表现",
            "问题描述",
            "主要表现",
            "具体问题",
            "问题具体表现",
            "反馈问题具体内容",
            "问题具体内容",
            "反馈意见原文",
        ),
    ),
    Column(
        "整改目标",
        "text",
        "该问题整改要达到的目标",
        width=22,
        per_problem=True,
        aliases=(
            "整改要求",
            # 审计整改: what the audit opinion or decision requires
            "审计意见",
            "审计决定",
            "整改目标要求",
            "目标要求",
            "预期目标",
            "整改标准",
            "整改目标任务",
            # what counts as done (主题教育 检视问题清单): the goal the measure is held to
            "完成标准",
            "完成标志",
            "整改完成标准",
            "验收标准",
            # 审计整改: what the auditors recommended
            "审计建议",
        ),
    ),
    Column(
        "整改措施",
        "text",
        "每行一条措施；一格内写多条时用 1. 2. /（1）（2）/ 一是 二是 / ①② 编号",
        required=True,
        width=36,
        aliases=(
            "措施",
            "具体措施",
            "整改举措",
            "整改任务",
            "整改计划及措施",
            "整改计划和措施",
            "整改措施及计划",
            "措施内容",
            "整改措施内容",
            "主要措施",
            "落实措施",
            "工作措施",
            "整改落实措施",
            "工作举措",
            "任务措施",
            "具体举措",
            "推进措施",
            "落实举措",
            "整改办法",
            # 环保督察 交办件: what was ordered done (处理 = 责令…, 立案…) is the measure
            "处理和整改情况",
            "处理及整改情况",
            "处理整改情况",
            # the measures with their deadline written into them (整改时限 then asked for)
            "整改措施及时限",
            "整改措施和时限",
            "整改措施及完成时限",
            # the goal written into the measures' cell (审计整改: 整改目标及措施)
            "整改目标及措施",
            "整改目标和措施",
            "目标及措施",
            "整改要求及措施",
            "整改要求和措施",
        ),  # and 处理措施, 办理措施 … (ALIAS_PATTERNS)
    ),
    Column(
        "责任领导",
        "text",
        "分管该项整改的领导",
        required=True,
        width=10,
        per_problem=True,
        aliases=(
            "分管领导",
            "牵头领导",
            "责任校领导",
            "责任局领导",
            "整改责任领导",
            "责任领导人",
            "分管责任领导",
            "牵头责任领导",
            "包案领导",
            "包保领导",
            "包联责任领导",
            "领导责任人",
            "责任领导及责任人",
            # 企业 安全生产: the 分管负责人 (副总经理) answers for the hazard
            "分管负责人",
            "分管负责同志",
        ),
    ),
    Column(
        "牵头部门",
        "text",
        "牵头部门（与“责任部门”至少填一项）",
        width=12,
        aliases=(
            "牵头单位",
            "牵头科室",
            "牵头处室",
            "牵头股室",
            "牵头责任部门",
            "牵头责任单位",
            "整改牵头部门",
            "整改牵头单位",
            # 高校: the 职能部门 (处、部) that leads, the 学院 that carry it out
            "牵头职能部门",
        ),
    ),
    Column(
        "责任部门",
        "text",
        "具体落实的部门（与“牵头部门”至少填一项）",
        required=True,
        width=12,
        aliases=(
            "责任单位",
            "责任科室",
            # 医院 督查: the 科室 inspected is the one that puts it right
            "科室",
            "受检科室",
            "被检查科室",
            "被督查科室",
            "受督查科室",
            "被督导科室",
            "责任处室",
            "责任股室",
            "责任站所",
            "责任处（科）室",
            "责任科（室）",
            "责任股（室）",
            "责任站办",
            "责任所站",
            "整改责任部门",
            "整改责任单位",
            "所属责任公司",
            "责任公司",
            "承办部门",
            "责任主体",
            "主责部门",
            "主责单位",
            "承办单位",
            "具体责任单位",
            "具体责任部门",
            "承办科室",
            "承办处室",
            "承办股室",
            "办理单位",
            "办理部门",
            "主办单位",
            "主办部门",
            "落实单位",
            "落实部门",
            "实施单位",
            "实施部门",
            "整改单位",
            "整改部门",
            "责任主体单位",
            "责任单位及责任人",
            "责任部门及责任人",
            "责任职能部门",
            "职能部门",
            "归口部门",
            "归口管理部门",
            "责任归口部门",
            "责任学院",
            "责任二级单位",
            "责任二级学院",
            "整改主体",
            "整改责任主体",
            "主体责任单位",
            # 企业 安全生产: the 车间 / 班组 where the hazard is put right
            "责任车间",
            "责任班组",
            "整改车间",
        ),
    ),
    Column(
        "责任人",
        "text",
        "具体责任人，不填会提示",
        width=10,
        aliases=(
            "具体责任人",
            "经办人",
            "整改负责人",
            "整改责任人",
            "具体负责人",
            # 信访, 安全生产, 村级 ledgers
            "化解责任人",
            "隐患整改负责人",
            "整改落实责任人",
            "责任村干部",
            # 组织生活会 lists: each 党员 answers for the problem found in himself
            "党员姓名",
            "责任人员",
            "责任人姓名",
            "直接责任人",
            "承办人",
            "经办责任人",
            "主要责任人",
            "具体经办人",
            # the name with a telephone number beside it (the number is not read)
            "责任人及联系电话",
            "责任人及电话",
            "责任人及联系方式",
            "具体责任人及联系电话",
            # the head of the 科室/部门 that carries it out (医院, 高校)
            "科室负责人",
            "部门负责人",
            "处室负责人",
            "股室负责人",
            # 医院: the 科主任 heads the 科室 that puts it right
            "科主任",
            "科室主任",
            # 村级 lists: the village's own secretary answers for its problem (the 镇 leader
            # over the village is 包村领导, unused)
            "村支书",
            "村书记",
            "村党支部书记",
            "村党组织书记",
            "村（社区）书记",
            "村(社区)书记",
            "社区书记",
            "村负责人",
            # 述职评议: the 书记 who gave the 述职 answers for the problems pointed out to him
            "述职人",
            "述职对象",
        ),
    ),
    Column(
        "整改时限",
        "deadline",
        "日期（2024-06-30、2024年6月30日等）、“2024年6月底前”“2024年第三季度”等期限，或“立行立改”“长期坚持”",
        required=True,
        width=14,
        aliases=(
            "完成时限",
            "整改期限",
            "完成期限",
            "时限",
            "时限要求",
            "整改完成时限",
            "预计完成时间",
            "计划完成时间",
            "目标设定完成时间",
            "目标完成时间",
            "截止时间",
            "截止日期",
            "完成截止时间",
            "时间节点",
            "完成时间节点",
            "整改时间节点",
            "计划完成时限",
            "完成时限要求",
            "整改时限要求",
            "办结时限",
            "办理时限",
            "办结期限",
            "要求完成时间",
            "要求完成时限",
            "计划完成日期",
            "预计完成日期",
            "化解时限",
            "化解期限",
            "处置时限",
            "处置期限",
            "处理时限",
            "处理期限",
        ),
    ),
    Column(
        "整改状态",
        "status",
        "从下拉列表选择：未启动、正在推进、基本完成、已完成、长期坚持",
        required=True,
        width=10,
        aliases=(
            "完成状态",
            "状态",
            "进展状态",
            "是否完成",
            "是否整改完成",
            "是否完成整改",
            "是否办结",
            "是否销号",
            "办理状态",
            "整改进度",
            "当前进度",
            # (a column of narrative under these is read as the progress: ``roles``)
            "化解进度",
            "办理进度",
            "办结情况",
            "销号情况",
            "是否整改到位",
            "是否办结销号",
            "化解状态",
            "工单状态",
            "处理状态",
            "处置状态",
            "事项状态",
            "办结状态",
            "销号状态",
            "是否化解",
            "是否达到整改要求",
            "推进状态",
            "当前状态",
            "目前状态",
            "整改推进状态",
            # 安全生产 / 国企: a hazard or problem is 闭环 when it is closed (是否闭环 是/否)
            "是否闭环",
            "闭环情况",
            "闭环状态",
        ),
    ),
    Column(
        "完成时间",
        "date",
        "实际完成日期；状态为“已完成”“长期坚持”时必填",
        width=14,
        aliases=(
            "完成日期",
            "实际完成时间",
            "实际完成日期",
            "办结时间",
            "办结日期",
            # (销号时间 is the day the item was verified and struck off, often weeks after
            # the work: UNUSED_HEADERS, read as the 完成时间 only when the ledger has none)
            "闭环时间",
            "闭环日期",
        ),
    ),
    Column(
        "整改进展及成效",
        "text",
        "做了什么、何时完成、取得什么成效（报告直接引用）",
        width=40,
        aliases=(
            "整改进展",
            "进展情况",
            "整改进展情况",
            # a group title over a column per month (7月 | 8月 | 9月): the latest month filled
            "月度进展",
            "月度进展情况",
            "每月进展",
            "逐月进展",
            "月度推进情况",
            "完成情况",
            "整改成效",
            "整改落实情况",
            "整改完成情况",
            "整改情况",
            "落实情况",
            "整改验收情况",
            "目前进展",
            "当前进展",
            "最新进展",
            "工作进展",
            "进展及成效",
            "进展",
            "办理情况",
            "处理情况",
            "办理进展",
            "推进情况",
            "落实进展",
            "进展成效",
            "完成情况说明",
            "整改结果",
            "办理结果",
            "化解情况",
            "化解进展",
            "处置情况",
            "处理结果",
            "化解结果",
            "处置结果",
            "工作成效",
            "推进落实情况",
            "整改落实进展",
            "目前整改进展情况",
            "整改推进情况",
            "落实成效",
            "整改成果",
            "取得成效",
            "整改效果",
            # 成效 alone: the sub-header beside 时间 / 状态 under a merged 整改进展 title
            "成效",
            "实际成效",
            "整改实效",
            "已采取的整改措施及成效",
            "已采取措施及成效",
            "已采取的措施及成效",
            "采取的措施及成效",
            "整改措施落实情况",
            "整改情况说明",
            "整改进展说明",
            "进展说明",
        ),
    ),
    Column(
        "佐证材料",
        "text",
        "佐证材料清单（文件名、文号等）",
        width=24,
        aliases=(
            "佐证资料",
            "支撑材料",
            "证明材料",
            "佐证",
            "附件",
            "佐证材料清单",
            "印证材料",
            "佐证资料清单",
            "佐证材料名称",
            "佐证材料目录",
            "佐证资料名称",
            "佐证资料目录",
            "佐证材料名称及目录",
        ),
    ),
    Column(
        "清退资金",
        "money",
        "清退、追缴或挽回的资金，单位：元，填数字",
        width=12,
        aliases=(
            "追缴资金",
            "挽回资金",
            "退还资金",
            "追回资金",
            "收缴资金",
            "清退金额",
            "退赔资金",
            "挽回经济损失",
            "已退回金额",
            "退回金额",
            "追回金额",
            "已追回金额",
            "已追缴金额",
            "追缴金额",
            "已收回金额",
            "收回金额",
            "已清退金额",
            "退还金额",
            "已退还金额",
            "挽回损失",
            "收缴金额",
            "已收缴金额",
            "退缴金额",
            "退缴资金",
            "退赔金额",
        ),
    ),
    Column(
        "问责人次",
        "count",
        "约谈、诫勉、处分等问责人次，填整数",
        width=10,
        aliases=("约谈人次", "追责问责人次", "问责人数", "追责问责人数", "处理人数"),
    ),
    Column(
        "建立制度",
        "count",
        "新建或完善的制度项数，填整数",
        width=10,
        aliases=(
            "建立完善制度",
            "新建制度",
            "制度数",
            "建章立制",
            "完善制度",
            "制定制度",
            "新建完善制度",
            "建立制度数",
            "修订制度",
            "修订完善制度",
            "建立完善制度数",
        ),
    ),
    Column(
        "延期说明",
        "text",
        "超期未完成时填写：超期原因和预计完成时间，如“因核销须经区财政局审批，预计2024年6月底前完成”"
        "（报告、通报直接引用）",
        width=30,
        aliases=(
            "超期原因",
            "延期原因",
            "未完成原因",
            "滞后原因",
            # the reason with what is planned next, as 巡视办 forms ask for it
            "未完成原因及下步措施",
            "未完成原因及下一步措施",
            "滞后原因及下步措施",
            "超期说明",
            "逾期原因",
            "未整改原因",
            "未按期完成原因",
            "未完成整改原因",
            "未整改到位原因",
            "延期理由",
        ),
    ),
    Column("备注", "text", "其他需要说明的情况（不写入文稿）", width=16, aliases=("备注说明",)),
)

# Columns the reader knows but the standard workbook does not print: ``merge`` writes them into
# the 全部措施 sheet of a 汇总台账 (many units' measures in one table), so that ``check`` and
# ``stats --by 单位`` read it back.
OPTIONAL_COLUMNS: tuple[Column, ...] = (
    Column(
        "单位",
        "text",
        "汇总台账中措施所属的单位",
        width=16,
        # a 县 summary of its units' rows, a 镇 summary of its 村（社区）
        aliases=(
            "所属单位",
            "单位名称",
            "村（社区）",
            "村（居）",
            "村名",
            "社区名称",
            # a 街道 / 机关党委 list of its 党支部' 查摆问题 (组织生活会)
            "支部名称",
            "党支部名称",
            "所属支部",
            "所在支部",
        ),
    ),
    Column("来源", "text", "汇总台账中措施在原台账中的位置（文件和单元格）", width=30),
)
KNOWN_COLUMNS: tuple[Column, ...] = COLUMNS + OPTIONAL_COLUMNS
COLUMN_BY_NAME: dict[str, Column] = {c.name: c for c in KNOWN_COLUMNS}
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)  # the standard workbook's
KNOWN_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in KNOWN_COLUMNS)  # what the reader maps
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
# 责任部门 is "required" in the table above, but 牵头部门 may stand in for it.
DEPARTMENT_COLUMNS = ("牵头部门", "责任部门")
NUMERIC_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind in ("money", "count"))

# Header as printed in the standard workbook (with its unit, e.g. 清退资金（元）).
HEADER_UNITS = {"清退资金": "（元）", "建立制度": "（项）"}


def header_label(name: str) -> str:
    """The header text the standard workbook prints for canonical column ``name``."""
    return name + HEADER_UNITS.get(name, "")


# ---------------------------------------------------------------------------------------------
# Statuses (README “整改状态”), from least to most advanced.
STATUS_NOT_STARTED = "未启动"
STATUS_IN_PROGRESS = "正在推进"
STATUS_MOSTLY_DONE = "基本完成"
STATUS_DONE = "已完成"
STATUS_ONGOING = "长期坚持"
STATUSES: tuple[str, ...] = (
    STATUS_NOT_STARTED,
    STATUS_IN_PROGRESS,
    STATUS_MOSTLY_DONE,
    STATUS_DONE,
    STATUS_ONGOING,
)
# The words real ledgers use, read as the canonical status they mean. A word goes under the
# least advanced status it can mean: 整改完成待审核 / 待验收 are 基本完成 (the work is done, its
# acceptance is not), 申请延期 is 正在推进, 待整改 / 待办理 are 未启动.
STATUS_SYNONYMS: dict[str, tuple[str, ...]] = {
    STATUS_DONE: (
        "完成",
        "整改完成",
        "已完成整改",
        "完成整改",
        "整改已完成",
        "已整改",
        "已整改完成",
        "已整改完毕",
        "整改完毕",
        "已整改到位",
        "整改到位",
        "已到位",
        "全部完成",
        "已全部完成",
        "已全部整改",
        "已办结",
        "办结",
        "已销号",
        "销号",
        "已销号办结",
        "已关闭",
        "关闭",
        "已完结",
        "完结",
        "已验收",
        "验收通过",
        "已通过验收",
        "已解决",
        "已落实",
        "落实到位",
        "按期完成",
        "已按期完成",
        "如期完成",
        "√",
        "✓",
        "✔",
        "已整改销号",
        "已完成销号",
        "已办结销号",
        "已结案",
        "结案",
        "已化解",
        "已处理",
        "处理完毕",
        "办理完毕",
        "已落实到位",
        "复查合格",
        "已复查合格",
        "验收合格",
        "已验收合格",
        "复查通过",
        "已复查通过",
        "复核通过",
        "已复核通过",
        "已回访",
        "已回访办结",
        "息诉罢访",
        "息访息诉",
        "停访息诉",
        "已息诉",
        # 信访积案: the petitioner has stopped coming (as 息诉罢访)
        "已息访",
        "已化解息访",
        # 安全生产: the hazard is removed
        "已消除",
        "隐患已消除",
        "已消除隐患",
        "已排除",
        "隐患已排除",
        "已结案归档",
        "案结事了",
        "已验收销号",
        "验收销号",
        "已完成已销号",
        "已完成整改任务",
        "完成整改任务",
        "已全部整改到位",
        "全部整改到位",
        "已全部整改完成",
        "已按要求整改",
        "已按要求整改到位",
        "已按要求完成整改",
        "已闭环",
        "闭环",
        "已闭环销号",
        # 督察整改 closed and struck off; 网格 events dealt with
        "已完成整改并销号",
        "完成并销号",
        "已整改并销号",
        "整改完成并销号",
        "已处置",
        "处置完毕",
        "已处置完毕",
        "☑",
        "✅",
    ),
    STATUS_ONGOING: (
        "已完成并长期坚持",
        "已整改到位并长期坚持",
        "完成并长期坚持",
        "已完成需长期坚持",
        "长期坚持整改",
        "已完成整改并长期坚持",
        "已整改并长期坚持",
        "整改完成并长期坚持",
        "持续巩固",
        "巩固提升",
        "长效坚持",
    ),
    STATUS_MOSTLY_DONE: (
        "基本完成整改",
        "已基本完成",
        "基本整改到位",
        "基本到位",
        "取得阶段性成效",
        "整改完成待审核",
        "已完成待审核",
        "完成待验收",
        "已完成待验收",
        "整改完成待验收",
        "待验收",
        "待审核",
        "待销号",
        "申请销号",
        "已申请销号",
        "提请销号",
        "已提请销号",
        "阶段性完成",
        "已阶段性完成",
        "基本整改",
        "已基本整改",
        "大部分完成",
        "阶段性办结",
        "已阶段性办结",
        "基本办结",
        "已基本办结",
        "验收中",
        "销号中",
        "申请销号中",
        "已上报销号",
        "已报请销号",
        "已整改到位待验收",
        "整改到位待验收",
        "已完成待销号",
        "完成待销号",
        "整改完成待销号",
        # 督察整改: the target is met, the striking off is still to come
        "已达标待销号",
        "达标待销号",
        "已达标待验收",
        "已整改待销号",
        "已整改到位待销号",
        "已提交销号申请",
        "已提交销号",
        "正在验收",
        # 安全生产: rectified, the re-inspection still to come
        "待复查",
        "待复核",
        "拟销号",
        "已拟销号",
    ),
    STATUS_IN_PROGRESS: (
        # an hourglass, a cycle of arrows: a symbol kept for "under way" (✔ done, ⏳ not yet)
        "⏳",
        "🔄",
        "正在整改",
        "整改中",
        "推进中",
        "正在推进中",
        "正在推进整改",
        "正按序推进",
        "按序推进",
        "有序推进",
        "稳步推进",
        "整改推进中",
        "进行中",
        "正在进行",
        "持续整改",
        "未完成",
        "尚未完成",
        "到期未完成",
        "部分完成",
        "开始整改",
        "已开始整改",
        "已启动",
        "已开始",
        "已启动整改",
        "正在办理",
        "办理中",
        "落实中",
        "实施中",
        "申请延期",
        "已申请延期",
        "已延期",
        "延期",
        "延期整改",
        "部分整改",
        "已部分整改",
        "按时序推进",
        "序时推进",
        "时序推进",
        "按序时推进",
        "按序时进度推进",
        "按计划推进",
        "按进度推进",
        "按时间节点推进",
        "持续推进",
        "正在落实",
        "未办结",
        "尚未办结",
        "正在办理中",
        "在办",
        "未销号",
        "正在处理",
        "处理中",
        "按期推进",
        "正常推进",
        "延期办理",
        "整改未到位",
        "未整改到位",
        # 督查 ledgers' 整改到位情况: 已到位 is done; 未到位 and 部分到位 are not done yet
        "未到位",
        "尚未到位",
        "部分到位",
        "部分整改到位",
        "责令整改中",
        "限期整改中",
        "正在整改中",
        "正在化解",
        "化解中",
        "包案化解中",
        "持续落实中",
        "未化解",
        "尚未化解",
        "已签收",
        "已受理",
        "正在实施",
        "尚未整改到位",
        "进度滞后",
        "推进滞后",
        "进展滞后",
        "滞后推进",
        "常态化推进",
        "长效推进",
        "长期推进",
        "常态化开展",
        # 环保督察: on schedule (达到序时进度) or behind it — under way either way
        "达到序时进度",
        "已达到序时进度",
        "符合序时进度",
        "未达到序时进度",
        "滞后序时进度",
        "慢于序时进度",
        "未闭环",
        "尚未闭环",
        "超序时进度",
        "超序时推进",
        # 网格 events; 信访 cases kept stable while they are being resolved
        "处置中",
        "正在处置",
        "稳控中",
        "稳控化解中",
        # 信访: a case not yet resolved is open and being worked on, as 未化解 is
        "解决中",
        "正在解决",
        "未解决",
        "尚未解决",
        # behind its schedule: under way, late (逾期未完成 says only that it is not done:
        # under way or not started, asked)
        "整改滞后",
        "在整改",
    ),
    STATUS_NOT_STARTED: (
        "未开始",
        "尚未开始",
        "尚未启动",
        "未启动整改",
        "待启动",
        "待整改",
        "未整改",
        "尚未整改",
        "到期未整改",
        "待办理",
        "未办理",
        "未落实",
        "未开展",
        "尚未开展",
        "待签收",
        "未签收",
        "待受理",
        "未受理",
        "待派单",
        "暂未启动",
        "暂未开始",
        "未开始整改",
        "尚未启动整改",
        "未处置",
        "待处置",
        "尚未处置",
    ),
}
# Answers in a 是否完成 / 是否整改完成 column (only there: elsewhere 是/否 mean nothing).
STATUS_YES_NO: dict[str, str] = {
    "是": STATUS_DONE,
    "否": STATUS_IN_PROGRESS,
    "√": STATUS_DONE,
    "✓": STATUS_DONE,
    "×": STATUS_IN_PROGRESS,
    "☑": STATUS_DONE,
    "☐": STATUS_IN_PROGRESS,  # a WPS checkbox left empty
    "□": STATUS_IN_PROGRESS,
    "○": STATUS_IN_PROGRESS,  # ✔ for done, ○ for not yet
}
# A user's own status words, kept in the workbook (原状态 | 标准状态) or given with --status-map.
SHEET_STATUS_MAP = "状态对照"
# Statuses that need a 完成时间.
FINISHED_STATUSES = (STATUS_DONE, STATUS_ONGOING)

# ---------------------------------------------------------------------------------------------
# Deadline keywords (README “整改时限”).
DEADLINE_IMMEDIATE = "立行立改"
DEADLINE_LONG_TERM = "长期坚持"
DEADLINE_SYNONYMS: dict[str, tuple[str, ...]] = {
    DEADLINE_IMMEDIATE: (
        "立行立改",
        "即知即改",
        "立即整改",
        "边巡边改",
        "立查立改",
        "即查即改",
        "边查边改",
        "立改立行",
    ),
    DEADLINE_LONG_TERM: (
        "长期坚持",
        "长期",
        "持续推进",
        "常态化推进",
        "长期整改",
        "常态化",
        "长期推进",
        "持续整改",
        "持续开展",
    ),
}
# More ways of writing the two keywords in a 整改时限 cell. Kept apart from DEADLINE_SYNONYMS,
# from which benchmarks/generate.py draws its deadlines: a word added there changes every
# generated ledger (and the goldens made from them).
DEADLINE_PHRASES: dict[str, tuple[str, ...]] = {
    DEADLINE_IMMEDIATE: (
        "即日起",
        "即时",
        "立即",
        "即时整改",
        "当即整改",
        "马上就办",
        "马上办",
        "即改即办",
        "立即办理",
        # (街道, 社区: fixed on the spot whenever found)
        "随时整改",
        "随查随改",
        "随发现随整改",
    ),
    DEADLINE_LONG_TERM: ("持续落实", "持续抓好", "常抓不懈"),
}
# A deadline without a date, set by the term of office ("本届任期内"): read as 长期坚持 (no due
# date, never overdue), and ``check`` says so; a date written beside it wins.
DEADLINE_TERM: tuple[str, ...] = ("本届任期内", "本届任期", "本届班子任期内", "任期内", "届内")
# A recurring task instead of a deadline ("每季度开展一次"): read as 长期坚持 (no due date). Kept
# apart from DEADLINE_SYNONYMS, whose words also stand alone as a 整改时限.
DEADLINE_RECURRING: tuple[str, ...] = (
    "每天",
    "每日",
    "每周",
    "每月",
    "每季度",
    "每季",
    "每半年",
    "每年",
    "每学期",
    "按月",
    "按季度",
    "按季",
    "按年",
    "定期",
)
IMMEDIATE_FALLBACK_DAYS = 30  # 立行立改 without 集中整改截止日期: 30 days after 反馈日期

# Three-colour early warning (days before the deadline).
WARN_YELLOW_DAYS = 10
WARN_GREEN_DAYS = 20

# ---------------------------------------------------------------------------------------------
# 基本信息 (two columns: 项目 | 内容).
SUPERVISION_TYPES = ("巡视", "巡察", "审计", "主题教育", "民主生活会", "其他")
YES_NO = ("是", "否")
SIGNATURE_STYLES = ("加盖印章", "不加盖印章")  # GB/T 9704 §7.3.5.1, §7.3.5.2


@dataclass(frozen=True)
class InfoField:
    name: str
    help: str
    kind: str = "text"  # text | date | choice
    choices: tuple[str, ...] = ()
    example: str = ""
    needed_by: tuple[str, ...] = field(default_factory=tuple)  # plan | report | notice


_ALL = ("plan", "report", "notice")
INFO_FIELDS: tuple[InfoField, ...] = (
    InfoField("单位名称", "被巡察（检查）的单位全称", example="某区档案馆", needed_by=_ALL),
    InfoField(
        "党组织名称", "落款的党组织全称", example="中共某区档案馆机关支部委员会", needed_by=_ALL
    ),
    InfoField(
        "单位简称",
        "文稿在第一次写出单位全称之后用的自称，如“我局”“我馆”“我单位”；不填时按单位名称推定",
        example="我馆",
    ),
    InfoField(
        "监督类型",
        "巡视、巡察、审计、主题教育、民主生活会或其他",
        kind="choice",
        choices=SUPERVISION_TYPES,
        example="巡察",
        needed_by=_ALL,
    ),
    InfoField(
        "监督机构", "开展监督的机构，如“区委第一巡察组”", example="区委第一巡察组", needed_by=_ALL
    ),
    InfoField(
        "上级党委", "统一部署的上级党委，如“区委”", example="区委", needed_by=("report", "notice")
    ),
    InfoField(
        "主送机关",
        "整改情况报告（和汇总报告）的主送机关，如“区委巡察工作领导小组”；不填时报告中以【】醒目标注",
        example="区委巡察工作领导小组",
    ),
    InfoField("进驻开始日期", "进驻开始日期", kind="date", needed_by=("report", "notice")),
    InfoField("进驻结束日期", "进驻结束日期", kind="date", needed_by=("report", "notice")),
    InfoField(
        "反馈日期",
        "反馈意见的日期；“立行立改”按此推算时限",
        kind="date",
        needed_by=("report", "notice"),
    ),
    InfoField("集中整改截止日期", "集中整改阶段结束日期", kind="date"),
    InfoField("方案成文日期", "整改方案落款下方的日期（方案印发的日期）", kind="date"),
    InfoField("报告成文日期", "整改情况报告和通报落款下方的日期", kind="date"),
    InfoField(
        "成文日期",
        "未填方案成文日期、报告成文日期时共用的落款日期；都不填则为生成当天",
        kind="date",
    ),
    InfoField(
        "领导小组组长",
        "整改工作领导小组组长，写“姓名（职务）”，方案中写作“职务+姓名”",
        example="张某（局党组书记、局长）",
        needed_by=("plan",),
    ),
    InfoField("领导小组副组长", "整改工作领导小组副组长，写法同组长，几人用顿号分隔"),
    InfoField("领导小组成员", "整改工作领导小组成员，用顿号分隔"),
    InfoField(
        "领导小组办公室主任",
        "领导小组办公室主任：“姓名（职务）”，或只写职务如“局办公室主任”（写作“由局办公室主任兼任领导小组办公室主任”）",
    ),
    InfoField("联系电话", "通报公布的联系电话", needed_by=("notice",)),
    InfoField("通信地址", "通报公布的通信地址", needed_by=("notice",)),
    InfoField("邮政编码", "通信地址的邮政编码"),
    InfoField("电子邮箱", "通报公布的电子邮箱"),
    InfoField(
        "长期坚持计入办结",
        "“长期坚持”的问题是否计入办结（是/否，默认是）",
        kind="choice",
        choices=YES_NO,
        example="是",
    ),
    InfoField("方案标题", "可选：覆盖整改方案的默认标题"),
    InfoField("报告标题", "可选：覆盖整改情况报告的默认标题"),
    InfoField("通报标题", "可选：覆盖整改进展情况通报的默认标题"),
    # the 版记 of the reports (上行文, GB/T 9704 §7.4; docs/公文格式.md §12)
    InfoField(
        "抄送机关",
        "整改情况报告、汇总报告版记中的抄送机关，几个机关用逗号或顿号分隔；不抄送的不填",
    ),
    InfoField(
        "印发机关",
        "整改情况报告、汇总报告版记中的印发机关，一般是本单位办公室，如“某区住房和城乡建设局办公室”；"
        "不填时报告中以【】醒目标注",
    ),
    InfoField("印发日期", "版记中的印发日期；不填时与报告成文日期相同", kind="date"),
    InfoField(
        "落款方式",
        "加盖印章（默认：署名以成文日期为准居中）或不加盖印章（署名右空二字，日期在署名之下）",
        kind="choice",
        choices=SIGNATURE_STYLES,
    ),
)
INFO_BY_NAME: dict[str, InfoField] = {f.name: f for f in INFO_FIELDS}

# ---------------------------------------------------------------------------------------------
# 文稿段落 (columns 文稿 | 章节 | 小标题 | 内容).
TEXT_COLUMNS = ("文稿", "章节", "小标题", "内容")
TEXT_DOCS = ("方案", "报告", "通报", "全部")
TEXT_SECTIONS: dict[str, tuple[str, ...]] = {
    "方案": ("指导思想", "整改目标", "工作要求"),
    "报告": ("工作开展情况", "下一步打算"),
    "通报": ("工作开展情况", "下一步打算"),
}
ALL_TEXT_SECTIONS: tuple[str, ...] = (
    "指导思想",
    "整改目标",
    "工作要求",
    "工作开展情况",
    "下一步打算",
)

# ---------------------------------------------------------------------------------------------
# Header matching (README “读取方式”).
HEADER_SCAN_ROWS = 15  # the header is within the first 15 rows
HEADER_MIN_KNOWN = 3  # ... and names at least three known columns

# A trailing unit or note in brackets: 清退资金（万元）, 整改时限（年月日）, 整改进展（截至2024年5月10日）.
_UNIT_SUFFIX = re.compile(r"[（(][^（()）]{0,24}[)）]$")
_NOISE = re.compile(r"[\s*＊\u00a0\u3000]+")
# An English line under the Chinese header ("整改措施\nMeasures", "序号 No."): bilingual
# templates; the Chinese is the header.
_ENGLISH_TAIL = lazy(r"(?<=[\u4e00-\u9fff)）])[A-Za-z][A-Za-z.&/'’-]+$")


def normalise_header(text: object) -> str:
    """Header text as compared: NFKC, no whitespace/line breaks/``*``, no trailing (unit), no
    English line after the Chinese. Remembered: the reader normalises the same few hundred
    header cells of every ledger (~190 calls each, a fifth of reading a small ledger; a merge
    reads hundreds)."""
    try:
        return _normalised_header(text)
    except TypeError:  # (not hashable)
        return _normalise_header(text)


# The second of two people kept for one duty (责任人（A角）| 责任人（B角）, A岗 | B岗): the one who
# stands in, not the one who answers. Its header reads like the first's once the bracket goes.
_BACKUP = re.compile(
    r"[（(]\s*[Bb]\s*[角岗]\s*[)）]$|(?<=[\u4e00-\u9fff])[Bb][角岗]$|^[Bb][角岗](?=[\u4e00-\u9fff])"
)


def names_backup(header: object) -> bool:
    """Whether a header names the B角 (the stand-in) of a duty: 责任人（B角）, 联系人B岗."""
    return isinstance(header, str) and bool(_BACKUP.search(_NOISE.sub("", header)))


def names_problem_and_measures(header: object) -> bool:
    """Whether a header names both the problem and its measures (问题及整改措施, 查摆问题和整改
    措施): a column whose cells may write the problem before the measures."""
    key = normalise_header(header)
    return "问题" in key and ("措施" in key or "举措" in key)


# Marks a template puts on a header (★ / ▲ / ※ for a required field, 【必填】, a colon after the
# name): not part of the name.
_MARKS = re.compile(
    r"^(?:[★☆▲△※◆◇■●#:]|[【\[(](?:必填|选填|必填项|选填项)[】\])])+|[★☆▲△※◆◇■●#:]+$"
)


# Footnote marks after (or before) a header's name, pointing at a note under the table
# ("整改时限①", "责任科室⑵", "问题描述¹"): removed before NFKC, which would make them digits.
_FOOTNOTES = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079\u2460-\u249b\u24ea-\u24ff\u2776-\u2793]+")


def _normalise_header(text: object) -> str:
    if text is None:
        return ""
    s = _NOISE.sub("", unicodedata.normalize("NFKC", _FOOTNOTES.sub("", str(text))))
    s = _MARKS.sub("", s)
    if s.isascii() is False and s[-1:].isascii():
        s = _ENGLISH_TAIL.sub("", s)
    prev = None
    while prev != s:
        prev, s = s, _UNIT_SUFFIX.sub("", s)
    return s


_normalised_header = functools.lru_cache(maxsize=4096, typed=True)(_normalise_header)


def _build_alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for col in KNOWN_COLUMNS:
        for label in (col.name, header_label(col.name), *col.aliases):
            index[normalise_header(label)] = col.name
    return index


ALIASES: dict[str, str] = _build_alias_index()

# Headers known by their pattern rather than one fixed word: whoever found the problem is named
# in front of it (督查发现问题, 巡察组反馈的问题, 检视查摆问题, 督察组交办问题, 群众反映问题,
# 督查通报问题, 述职评议的点评问题), and
# so is the kind of measure (具体整改措施, 主要整改举措, 处理措施, 办理措施); a code column
# (受理编号, 督办编号, 信访编号) is the 序号; a category (督办类别, 隐患类别, 污染类型) the 方面.
ALIAS_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"^.{0,8}(?:发现|反馈|指出|检视|查摆|查找|查出|排查|对照检查|交办|督办|转办|移交|反映|举报|投诉|通报|点评|评议)"
            r"出?的?(?:主要)?问题$"
        ),
        "问题",
    ),
    # (防控措施, 防范措施, 管控措施: the measures of a 风险排查 list)
    (
        re.compile(r"^.{0,6}(?:整改|处理|办理|处置|解决|化解|防控|防范|管控)(?:措施|举措)$"),
        "整改措施",
    ),
    (re.compile(r"^.{1,6}编号$"), "序号"),
    # 责任县领导, 分管市领导, 县级责任领导, 包抓领导 (督办领导 / 联系领导 are UNUSED_HEADERS)
    (
        re.compile(
            r"^(?:(?:责任|分管|牵头|包抓)(?:县|市|区|省|厅|局|校|院|镇|乡|委)?级?"
            r"|(?:县|市|区|省|厅|局|校|院|镇|乡)级?(?:责任|分管|牵头|包抓))领导人?$"
        ),
        "责任领导",
    ),
    # 分管校长, 分管副院长, 分管副县长, 责任副镇长
    (re.compile(r"^(?:分管|责任|牵头|包案|包抓)副?(?:县|市|区|镇|乡|校|院|局|厅)长$"), "责任领导"),
    # 已追回资金, 累计收回金额, 实际退还款项: the money got back (应追回 is the amount at issue,
    # 未追回 what is left: UNUSED_PATTERNS)
    (
        re.compile(
            r"^(?:已|累计|实际|共)?(?:追回|追缴|清退|收回|退还|退回|退赔|收缴|挽回|退缴)"
            r"(?:经济)?(?:损失|资金|金额|款项|款)(?:合计|总额)?$"
        ),
        "清退资金",
    ),
    (re.compile(r"^.{1,4}(?:类别|类型)$"), "方面"),
    # 问题方面, 所属领域, 问题分类, 板块
    (re.compile(r"^.{0,4}(?:方面|领域|板块|分类)$"), "方面"),
    # the item of an assessment or inspection the problem was found under (考核项目, 督导指标)
    # (督查内容 beside a 存在问题 column: the item, 手卫生 / 医疗废物)
    # (评审章节, 评审条款: the chapter of a 医院等级评审 standard)
    (
        re.compile(
            r"^(?:考核|督导|检查|评估|评价|督查|测评|巡查|评审)(?:项目|指标|内容|章节|条款)$"
        ),
        "方面",
    ),
)

# Columns real ledgers keep that no command uses. They are reported as what they are (a
# note) rather than as an unknown column (a warning asking the user to map it).
UNUSED_HEADERS: dict[str, tuple[str, ...]] = {
    "配合部门": (
        "配合部门",
        "配合单位",
        "配合科室",
        "配合处室",
        "协办部门",
        "协办单位",
        "协同单位",
        "协同部门",
        "配合责任单位",
        "配合责任部门",
    ),
    "问题金额": (
        "问题金额",
        "涉及金额",
        "问题涉及金额",
        "违规金额",
        "审计发现问题金额",
        "应退回金额",
        "应退金额",
        "应追回金额",
        "应追缴金额",
        "应清退金额",
        "应退还金额",
        "应整改金额",
        "应整改资金",
    ),
    "整改金额": ("已整改金额", "整改金额", "已整改资金", "未整改金额"),
    "督办领导": (
        "督办领导",
        "包联领导",
        "联系领导",
        "督导领导",
        # 村级 ledgers: the 镇 leader or cadre over the village, not its 责任领导
        "包村领导",
        "包村干部",
        "驻村干部",
        "联系村干部",
        "包片领导",
        # 挂点 / 挂钩 / 联点: the leader linked to a village or a unit, not the one in charge
        "挂点领导",
        "挂钩领导",
        "联点领导",
    ),
    # the head of the unit beside the leader in charge (主要领导 | 分管领导): without a 责任领导
    # column it is read as the 责任领导 (``roles``)
    "主要领导": ("主要领导", "主要负责人", "主要负责同志", "第一责任人"),
    # 信访积案: how often the petitioner came back
    # 环保督察 交办件, 执法: the fine, not money recovered (清退资金)
    "罚没金额": ("罚款金额", "处罚金额", "罚没金额", "罚没款", "罚款"),
    "立案处罚": ("立案处罚情况", "立案查处情况", "立案处罚", "立案查处"),
    # photographs of the site before and after (the pictures are kept in the cells)
    "照片": ("整改前照片", "整改后照片", "整改前后照片", "现场照片", "照片"),
    "信访次数": ("重复信访次数", "信访次数", "来访次数", "重复访次数", "访次"),
    # the unit's own 红黄绿灯 beside the status; without a status column, read as the status
    # when a legend on the sheet says what each colour means (``roles``)
    "亮灯情况": (
        "亮灯情况",
        "亮灯",
        "亮灯等级",
        "亮灯标识",
        "红黄绿灯",
        "红黄绿",
        "预警灯",
        "预警等级",
        "预警情况",
        "三色预警",
        "预警颜色",
    ),
    # who oversees the rectification (环保督察: 督导单位), not who carries it out
    "督导单位": (
        "督导单位",
        "督导部门",
        "督办单位",
        "督办部门",
        "督导责任单位",
        "监督责任单位",
    ),
    # a measure's own number beside the problem's (问题序号 | 措施序号: 1-1, 1-2)
    "措施序号": ("措施序号", "措施编号", "整改措施序号"),
    "联系人及电话": ("联系电话", "联系方式", "联系人"),
    "开始时间": ("开始时间", "开始日期", "计划开始时间", "启动时间", "起始时间", "开始", "起始"),
    "问题来源": (
        "问题来源",
        "反馈来源",
        "问题出处",
        "来源渠道",
        "隐患来源",
        "信访形式",
        "信访方式",
        # the group that found it (a 督查/巡察 ledger of several groups): not the 方面
        "督查组",
        "督导组",
        "巡察组",
        "巡视组",
        "督查组别",
        "交办批次",
        "督查批次",
        # the 文号 of the 纪检监察建议书 / 交办函 the problem came in
        "文号",
        "建议书文号",
        "监察建议书文号",
        "来文文号",
        "交办文号",
    ),
    "行政区域": (
        "行政区域",
        "所属区域",
        "所在区域",
        "所在地",
        "属地",
        # 村级 and 乡镇 lists: the village or township the row is about
        "所在村",
        "村名",
        "所在乡镇",
        "乡镇",
        "乡镇街道",
        # 网格化 lists: the grid the event was found in
        "所属网格",
        "所在网格",
        "网格名称",
        "网格",
    ),
    "问题等级": (
        "隐患等级",
        "风险等级",
        "问题等级",
        "问题性质",
        "隐患级别",
        "问题级别",
        "重点问题",
        "是否重点问题",
        "是否重大隐患",
        "问题定性",
    ),
    "整改资金": ("整改资金", "整改投入资金", "投入资金", "整改投入"),
    "检查单位": (
        "检查单位",
        "检查组",
        "检查人",
        "检查人员",
        "发现单位",
        "执法人员",
        "执法单位",
        "排查人",
        "排查人员",
        # 网格化 lists: who found and reported the event
        "网格员",
        "发现人",
        "上报人",
    ),
    "检查对象或部位": (
        "检查对象",
        "被检查单位",
        "被检查对象",
        "企业名称",
        "经营主体",
        "市场主体",
        "隐患部位",
        "检查部位",
        "隐患位置",
        "具体部位",
        "所在部位",
    ),
    "考核扣分": ("扣分", "扣分情况", "扣分值", "得分", "考核得分", "分值"),
    # 立行立改 / 限期整改 / 长期坚持: how the problem is to be rectified (the 整改时限 says when)
    "整改类型": (
        "整改类型",
        "整改方式",
        "整改分类",
        "整改性质",
        "整改期限类型",
        "是否立行立改",
        "整改阶段",
    ),
    # yes/no about timeliness, not whether it is done (a late finish is 否)
    "是否按期完成": ("是否按期完成", "是否按时完成", "是否逾期", "是否超期", "是否按期"),
    # whether the work keeps to its schedule (正常 / 滞后 / 超前; 是否达到序时进度 是 / 否): not how
    # far it has got — the status column says that (a 滞后 written in the status itself is
    # said: marked-lagging)
    "序时进度": (
        "序时进度",
        "序时进度情况",
        "是否达到序时进度",
        "是否符合序时进度",
        "是否按序时进度推进",
        "是否滞后",
        "进度是否滞后",
    ),
    "下一步打算": (
        "下一步工作打算",
        "下步工作打算",
        "下一步打算",
        "下步打算",
        "下一步措施",
        "下步措施",
        "下一步计划",
        "下步计划",
        "下一步工作措施",
        "存在困难",
        "存在的困难和问题",
        "存在困难和问题",
        "困难和问题",
        "需协调解决的问题",
        "需协调事项",
    ),
    "验收审核": (
        "销号意见",
        "验收意见",
        "验收结果",
        "验收人签字",
        "验收情况",
        "验收人",
        "验收时间",
        "验收日期",
        "审核意见",
        "审核人",
        "督导意见",
        "督查意见",
        "领导审核意见",
        "督办意见",
        "牵头单位意见",
        "责任单位意见",
        "整改效果评价",
    ),
    # a date the ledger was filled in or updated: neither the 整改时限 nor the 完成时间
    "填报时间": (
        "填报时间",
        "填报日期",
        "录入时间",
        "录入日期",
        "更新时间",
        "更新日期",
        "最后更新",
        "最后更新时间",
        "报送时间",
        "报送日期",
        "上报时间",
        "上报日期",
    ),
    "涉及单位": (
        "涉及单位",
        "涉及部门",
        "反馈单位",
        "涉及人员",
        "涉及企业",
        "涉及市场主体",
        # 营商环境 诉求 台账: the firm that asked
        "诉求企业",
        "诉求主体",
        "反映企业",
        # 粮食购销 专项整治: the depot where the problem was found
        "库点名称",
        "库点",
        "粮库名称",
        "承储库点",
    ),
    # 审计整改台账 of several audited units: the unit that rectifies (the 责任部门 when the
    # ledger has no column of its own for it: roles._department_from_audited)
    "被审计单位": ("被审计单位", "被审计单位名称", "被审计对象"),
    "问责情况": ("追责问责情况", "问责情况", "追责情况", "问责处理情况"),
    "复查验收": ("复查人", "复查时间", "复查日期", "复查情况", "复核人", "复核时间", "复查结果"),
    "信访人": ("信访人", "来访人", "反映人", "举报人", "投诉人"),
    # sign-off columns of a printed form, left blank in the file
    # a column of remarks headed 说明 (not read as the 备注: 说明 heads the explanation column
    # of many sheets that are no ledger — a 汇总 sheet, a list of findings)
    "说明": ("说明", "补充说明"),
    "签字": ("责任人签字", "分管领导签字", "领导签字", "责任人签名", "签字", "签名", "签字确认"),
    # 信访 cases: who keeps the petitioner stable meanwhile, not who resolves the case
    "稳控责任人": ("稳控责任人", "稳控人", "稳控责任单位", "稳控单位"),
    "群众满意度": (
        "群众满意度",
        "满意度",
        "是否满意",
        "回访情况",
        "回访结果",
        "企业满意度",
        "群众评价",
        "满意度评价",
        # 12345 热线 工单: the caller's answer when called back
        "回访满意度",
        "满意度回访",
        "回访评价",
    ),
    "信息公开": ("是否公开", "信息公开情况", "公开情况", "是否向社会公开"),
    # (民主生活会 查摆问题清单: the member who found the problem in himself — 查摆人)
    "班子成员": ("班子成员", "领导班子成员", "对照检查人", "查摆人", "查摆对象"),
    "销号申请": (
        "销号申请时间",
        "申请销号时间",
        "销号申请日期",
        "销号审批人",
        "销号审核人",
        # 是 / 否 beside the status
        "销号申请",
        "是否申请销号",
        "是否提出销号申请",
    ),
    # the day the item was verified and struck off (验收销号), after the work was done: beside a
    # 完成时间 column kept; without one it is read as the 完成时间 (``roles``), which the work
    # was done by at the latest
    "销号时间": ("销号时间", "销号日期", "销号完成时间", "验收销号时间", "验收销号日期"),
    # the 督查室's verdict on a 销号申请 (审核通过 / 待审核)
    "销号审核": ("销号审核", "销号审核情况", "销号审核结果", "销号审核意见"),
    "是否需长期坚持": ("是否需要长期坚持", "是否需长期坚持", "是否长期坚持"),
    # 环保督察 交办件: what the check of the complaint found (before anything was done)
    "核实情况": ("调查核实情况", "核实情况", "调查情况", "核查情况", "是否属实", "属实情况"),
    "审计项目": ("审计项目", "审计项目名称", "审计事项"),
    # the steps on the way beside the 整改时限 (2025年6月完成方案): not the deadline itself
    "阶段节点": ("完成节点", "节点安排", "阶段目标", "阶段性目标", "推进节点"),
    # a column of the unit's own formulas or keys (often hidden): 辅助列, 计算列
    "辅助列": (
        "辅助列",
        "辅助",
        "计算列",
        "公式列",
        "状态辅助列",
        "统计辅助列",
        "辅助计算",
        "状态代码",
        "状态编码",
        "状态值",
    ),
    # a percentage beside the status; without a status column it is read as the status
    "完成进度": (
        "完成进度",
        "完成比例",
        "完成率",
        "完成百分比",
        "进度百分比",
        "整改完成率",
        "整改率",
        "资金整改率",
        "进度",
        "整改完成进度",
    ),
}
# What stood before a 回头看 or a second round (原反馈问题, 原整改措施, 原整改情况): kept beside
# the problem and measure of this round, never read as them (``canonical_column``).
_EARLIER = re.compile(r"^原(?!因)(?:.{0,4})(?:问题|措施|情况|状态|时限|进展|结果)")
# Unused columns known by their pattern: progress kept month by month (1月进展 … 12月进展), and
# the day a problem was found, received or handed over (检查时间, 来访日期, 交办时间) — a date,
# but neither the 整改时限 nor the 完成时间, so never placed as one by its content.
UNUSED_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        lazy(
            r"^(?:截至|截止|截止到|至)?(?:\d{4}年)?"
            r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|底|末)?(?:\d{1,2}日)?"
            r"|第?[一二三四1-4]季度(?:末|底)?)"
            r"(?:整改)?(?:进展|进度|推进|完成)"
        ),
        "逐月进展",
        "1月进展、3月份整改进展、截至4月底进展、第二季度进展……",
    ),
    (
        lazy(
            r"^.{0,6}(?:来访|来信|来电|受理|检查|发现|交办|登记|反馈|收件|立案|排查|转办|接收|信访|举报"
            r"|督查|督导|巡察|巡视|审计|暗访|抽查|走访)"
            r"(?:日期|时间)$"
        ),
        "发现或登记日期",
        "检查时间、来访日期、受理时间、交办日期、发现时间……",
    ),
    (_EARLIER, "原整改内容", "原反馈问题、原整改措施、原整改情况……"),
    # the goal of each stage beside its deadline (第一阶段目标 | 第一阶段时限 | 第二阶段目标 …)
    (
        re.compile(
            r"^(?:第[一二三四五1-5]阶段|阶段[一二三四五1-5]|[一二三四五1-5]阶段)的?"
            r"(?:整改|工作)?(?:目标|任务|节点|内容)$"
        ),
        "阶段节点",
        "第一阶段目标、第二阶段任务……",
    ),
    (
        re.compile(
            r"^应(?:追回|追缴|清退|收回|退还|退回|退赔|收缴|挽回|退缴|整改)(?:资金|金额|款项|款)$"
        ),
        "问题金额",
        "应追回资金、应清退款项……",
    ),
    (
        re.compile(
            r"^(?:尚)?未(?:追回|追缴|清退|收回|退还|退回|退赔|收缴|挽回|退缴|整改)(?:资金|金额|款项|款)$"
        ),
        "整改金额",
        "未追回资金、尚未退还金额……",
    ),
    # 配合单位及责任人, 协办单位（联系人）
    (
        re.compile(r"^(?:整改)?(?:配合|协办|协同|协助)(?:责任)?(?:单位|部门|科室|处室|股室)"),
        "配合部门",
        "配合单位及责任人、协办部门（联系人）……",
    ),
)
_UNUSED_INDEX: dict[str, str] = {
    normalise_header(h): kind for kind, headers in UNUSED_HEADERS.items() for h in headers
}


@functools.lru_cache(maxsize=4096)  # (the same headers in every ledger: see normalise_header)
def canonical_column(key: str) -> str | None:
    """The canonical column a normalised header names (``normalise_header``): an exact name
    or alias, else one of ``ALIAS_PATTERNS``; None when it names none."""
    hit = ALIASES.get(key)
    if hit is not None or not key:
        return hit
    if _EARLIER.match(key) or key in _UNUSED_INDEX:
        return None  # 原反馈问题, 整改类型: known unused columns, whatever pattern they fit
    for pattern, name in ALIAS_PATTERNS:
        if pattern.match(key):
            return name
    for pattern, written in _VARIANTS:
        variant = pattern.sub(written, key)
        if variant != key and (hit := canonical_column(variant)) is not None:
            return hit
    return None


# Ways of writing a known header around its words: 整治 for 整改 (环保, 城管: 整治措施, 整治时限,
# 整治情况), a choice inside brackets (责任科（股）室), "now" in front (目前整改情况, 当前进展情况),
# the evidence named after it (完成情况及佐证, 整改成效和佐证材料).
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("整治"), "整改"),
    (re.compile(r"\([^()]{1,3}\)(?=.)"), ""),
    (re.compile(r"^(?:目前|当前|现阶段|截至目前)(?=..)"), ""),
    (re.compile(r"(?:及|和|与)?(?:佐证材料|佐证|证明材料)$"), ""),
    # the first of two people kept for one duty, without brackets (责任人A角, A角责任人, 责任人
    # A岗): the one who answers (its B角 is the stand-in: ``names_backup``)
    (re.compile(r"(?<=[\u4e00-\u9fff])[Aa][角岗]$|^[Aa][角岗](?=[\u4e00-\u9fff])"), ""),
)


# A note in brackets that turns a finish time into a deadline: 完成时间（计划）, 完成时间（预计）.
_PLANNED_NOTE = re.compile(r"[（(]\s*(?:计划|预计|要求|拟)[^（()）]{0,6}[)）]\s*$")


# A bracketed note listing the words a column may hold: 完成情况（已完成/持续推进/未完成）.
_CHOICES_NOTE = re.compile(r"[（(]([^（()）]{3,40})[)）]\s*$")
_CHOICE_SEP = re.compile(r"[/／、，,；;|\s]+")


def status_choices(text: object) -> str | None:
    """The note of a header listing status words as its choices (完成情况（已完成/持续推进/未完成）,
    整改状态（已整改/部分整改/未整改）): "已完成/持续推进/未完成"; None otherwise. Every word must
    be a status word, two at least."""
    if not isinstance(text, str):
        return None
    m = _CHOICES_NOTE.search(unicodedata.normalize("NFKC", text))
    if m is None:
        return None
    words = [w for w in _CHOICE_SEP.split(m.group(1)) if w]
    if len(words) >= 2 and all(w in STATUS_INDEX for w in words):
        return m.group(1).strip()
    return None


def header_column(text: object) -> str | None:
    """The canonical column a header as written names (``canonical_column`` of its normalised
    text), where its bracketed note may change it: 完成时间（计划） is the 整改时限, and a
    progress header listing status words (完成情况（已完成/持续推进/未完成）) the 整改状态."""
    key = normalise_header(text)
    name = canonical_column(key)
    if name == "完成时间" and _PLANNED_NOTE.search(unicodedata.normalize("NFKC", str(text))):
        return "整改时限"
    if name in (None, "整改进展及成效") and status_choices(text) is not None:
        return "整改状态"
    if name is None and _ALTERNATIVES.search(key):
        # two ways of naming one column side by side (牵头领导/责任领导, 完成时限、整改期限):
        # that column; names of different columns (问题/措施) stay unread
        found = {canonical_column(part) for part in _ALTERNATIVES.split(key) if part}
        if len(found) == 1:
            return found.pop()
    if name is None:
        # 责任单位/责任人, 责任单位及责任人: a unit and a person, one cell ("组织部/王某") — the
        # unit is the 部门 (the name beside it is kept as written); 责任领导/责任人 names two
        # people and stays unread
        return unit_and_person(key)
    return name


_UNIT_AND_PERSON = re.compile(r"^(.+?)(?:[/／、]|及|和|与)(.+)$")


def unit_and_person(key: str) -> str | None:
    """The department column a normalised header naming a unit and a person together
    (责任单位/责任人, 牵头部门及责任人) stands for, else None."""
    parts = _UNIT_AND_PERSON.match(key)
    if parts is None:
        return None
    unit = canonical_column(parts.group(1))
    if unit in DEPARTMENT_COLUMNS and canonical_column(parts.group(2)) == "责任人":
        return unit
    return None


_ALTERNATIVES = re.compile(r"[/／、]|或")


def unused_column(key: str) -> str | None:
    """What a normalised header is when it is one of ``UNUSED_HEADERS`` (配合单位 → 配合部门)
    or ``UNUSED_PATTERNS`` (3月进展 → 逐月进展, 来访日期 → 发现或登记日期)."""
    hit = _UNUSED_INDEX.get(key)
    if hit is not None or not key:
        return hit
    for pattern, kind, _examples in UNUSED_PATTERNS:
        if pattern.match(key):
            return kind
    return None


def _build_status_index() -> dict[str, str]:
    index = {s: s for s in STATUSES}
    for canonical, synonyms in STATUS_SYNONYMS.items():
        for syn in synonyms:
            index[syn] = canonical
    return index


STATUS_INDEX: dict[str, str] = _build_status_index()


def column_reference_markdown() -> str:
    """The README's column reference, generated from ``COLUMNS``."""
    lines = ["| 列名 | 必填 | 填写内容 | 可识别的别名 |", "|---|---|---|---|"]
    for c in COLUMNS:
        req = "是" if c.required else ""
        if c.name == "责任部门":
            req = "与牵头部门二选一"
        lines.append(f"| {header_label(c.name)} | {req} | {c.help} | {'、'.join(c.aliases)} |")
    return "\n".join(lines)


def status_reference_markdown() -> str:
    """The README's status vocabulary, generated from ``STATUS_SYNONYMS``."""
    lines = ["| 标准状态 | 自动识别的写法 |", "|---|---|"]
    for status in STATUSES:
        lines.append(f"| {status} | {'、'.join(STATUS_SYNONYMS.get(status, ()))} |")
    yes_no = "、".join(f"{k}→{v}" for k, v in STATUS_YES_NO.items())
    lines.append(f"| （“是否完成”“是否整改完成”等列） | {yes_no} |")
    return "\n".join(lines)


def unused_reference_markdown() -> str:
    """The README's list of columns that are recognised but not used, from ``UNUSED_HEADERS``
    and ``UNUSED_PATTERNS`` (those known by how they are written, with examples)."""
    rows = {kind: "、".join(headers) for kind, headers in UNUSED_HEADERS.items()}
    for _pattern, kind, examples in UNUSED_PATTERNS:  # one row a kind: its names, then these
        said = f"按写法识别，如{examples}"
        rows[kind] = f"{rows[kind]}；另{said}" if kind in rows else said
    lines = ["| 常见列 | 可识别的写法 |", "|---|---|"]
    return "\n".join(lines + [f"| {kind} | {text} |" for kind, text in rows.items()])


if __name__ == "__main__":
    print(column_reference_markdown())
    print()
    print(status_reference_markdown())
    print()
    print(unused_reference_markdown())
