"""A third round of ledgers laid out the way real organisations send them (``real_layouts`` and
``real_layouts2`` have the first two): 省委巡视 with three levels of numbering in the 序号
column, 审计 with progress month by month, 主题教育 with a √ under the status it has, 民主生活会,
巡视整改“回头看”, 意识形态责任制检查, 党建考核, 消防隐患, 食品药品, 教育督导, 医保基金, 国有资产
清查, 统计督察 kept one sheet per 方面, 营商环境, 信访积案, 12345 工单, a ledger kept one sheet
per month, status shown only by the fill colour of the row (with a legend, and without one).

Each builder writes one workbook to ``path`` and returns what the clerk who filled it in knows
about it (``real_layouts.Expect``). ``test_real_layouts3`` runs the real pipeline over each.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color
from real_layouts import Expect, _new
from real_layouts import _merge_down as _down
from real_layouts import _rows as _put
from real_layouts import _section as _across
from real_layouts2 import _header2

TODAY = "2024-07-15"

# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


# ---------------------------------------------------------------------------------------------
# 1. 省直单位落实省委巡视反馈意见整改台账: the 序号 column carries three levels — "一、" on the
#    方面 row, "（一）" on the problem row (its text in the 整改任务 column), "1." "2." on the
#    measure rows —, 牵头领导 / 牵头单位 / 配合单位, 整改时限 "2024年6月底前" / "长期坚持",
#    完成情况 words 已整改到位 / 整改中 / 未整改.


def provincial_three_levels(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _across(ws, 1, "省交通运输厅党组落实省委第五巡视组反馈意见整改台账", 8)
    ws.append(["序号", "反馈问题", "整改措施", "牵头领导", "牵头单位", "配合单位", "整改时限", "完成情况"])
    _put(ws, 3, [
        ["一、", "贯彻落实党中央决策部署方面", None, None, None, None, None, None],
        ["（一）", "落实交通强国建设部署不够有力", None, None, None, None, None, None],
        ["1.", None, "制定交通强省建设三年行动方案", "厅长", "规划处", "综合处", "2024年6月底前", "已整改到位"],
        ["2.", None, "建立重点项目月调度机制", "副厅长甲", "建设处", "规划处", "长期坚持", "整改中"],
        ["（二）", "农村公路管护责任落实不到位", None, None, None, None, None, None],
        ["3.", None, "出台农村公路管护考核办法", "副厅长乙", "公路处", None, "2024年9月底前", "整改中"],
        ["二、", "全面从严治党方面", None, None, None, None, None, None],
        ["（一）", "工程建设领域廉政风险防控不严", None, None, None, None, None, None],
        ["4.", None, "开展工程招投标专项检查", "副厅长丙", "驻厅纪检监察组", "建设处", "2024年12月底前", "未整改"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"整改措施": "C", "责任领导": "D", "牵头部门": "E", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 2. 区审计局审计整改台账: no status column, progress kept month by month ("4月进展" … "7月
#    进展"), each month's text opening with the state it is in; the latest month a row has
#    written is its progress, and its status.


AUDIT_MONTHS = ["4月进展", "5月进展", "6月进展", "7月进展"]


def audit_monthly_no_status(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    _across(ws, 1, "区2023年度预算执行审计发现问题整改台账", 11)
    ws.append(["序号", "问题类别", "审计发现问题", "整改措施", "责任单位", "责任人", "整改时限", *AUDIT_MONTHS])
    _put(ws, 3, [
        [1, "预算管理", "部门预算编制不细化", "细化项目支出预算", "区财政局", "甲某", "2024年6月30日",
         "正在推进，已下发通知", "正在推进，完成8个部门", "已完成，全部部门预算已细化", None],
        [2, "预算管理", "结转结余资金未及时清理", "清理收回结转两年以上资金", "区财政局", "乙某", "2024年9月30日",
         "未启动", "正在推进，已摸底", "正在推进，收回资金120万元", "正在推进，累计收回资金230万元"],
        [3, "专项资金", "惠农补贴发放滞后", "建立补贴发放台账", "区农业农村局", "丙某", "2024年5月31日",
         "正在推进", "已完成，台账已建立", None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任部门": "E", "责任人": "F", "整改时限": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 县直单位巡察整改: a 整改状态 column, and progress "截至4月底进展" … "截至6月底进展":
#    the latest month filled is the 整改进展 the report quotes.


def patrol_progress_as_of_month(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态", "截至4月底进展", "截至5月底进展", "截至6月底进展"])
    _put(ws, 2, [
        [1, "作风建设", "文件会议过多", "精简文件会议", "局长", "办公室", "2024年5月31日", "已完成", "已制定精简方案", "会议同比减少30%", None],
        [2, "作风建设", "督查检查频次过高", "统筹督查检查计划", "副局长", "督查室", "2024年10月31日", "正在推进", "已摸底", "已起草计划", "计划已报局党组审定"],
        [3, "队伍建设", "干部培训针对性不强", "制定分层分类培训计划", "副局长", "人事股", "2024年12月31日", "未启动", None, None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 主题教育检视问题清单: the status as a √ under one of three columns 已完成 / 正在推进 /
#    未启动 grouped under 整改情况 (a two-row header); 完成时间 beside them.


def theme_tick_per_status(path: Path) -> Expect:
    wb, ws = _new("检视问题清单")
    _across(ws, 1, "主题教育检视整改问题清单", 10)
    _header2(
        ws, 2,
        ["序号", "问题类别", "检视问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改情况", None, None],
        [None, None, None, None, None, None, None, "已完成", "正在推进", "未启动"],
    )
    _put(ws, 4, [
        [1, "理论学习", "学用结合不够紧密", "开展“学思想、促发展”专题研讨", "书记", "办公室", "2024年6月30日", "√", None, None],
        [2, "担当作为", "破解发展难题办法不多", "建立重点难点问题清单", "局长", "发展规划科", "2024年9月30日", None, "√", None],
        [3, "为民服务", "窗口服务效率不高", "推行“一窗通办”", "副局长", "行政审批科", "2024年12月31日", None, "√", None],
        [4, "廉洁自律", "廉政教育形式单一", "开展警示教育月活动", "纪检组长", "机关纪委", "2024年10月31日", None, None, "√"],
    ])
    wb.save(path)
    return Expect(
        aspects=4, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 5. 民主生活会查摆问题整改清单: 问题类别 as long “带头……方面” names, 整改时限 "长期坚持" /
#    "立行立改" / "2024年6月底前", status 已整改到位 / 持续整改 / 部分整改, a 填报单位 line.


def democratic_life_meeting(path: Path) -> Expect:
    wb, ws = _new("查摆问题清单")
    _across(ws, 1, "局领导班子2023年度民主生活会查摆问题整改清单", 8)
    ws.append(["填报单位：某市生态环境局办公室", None, None, None, None, "填报时间：2024年7月10日"])
    ws.append(["序号", "问题类别", "查摆问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改进展"])
    _put(ws, 4, [
        [1, "带头强化政治忠诚、提高政治能力方面", "贯彻落实上级决策部署有时存在“上热中温下冷”", "建立重点工作落实清单，每月对账", "书记", "办公室", "长期坚持", "持续整改"],
        [2, "带头强化政治忠诚、提高政治能力方面", "政治理论学习系统性不够", "制定年度理论学习中心组学习计划", "书记", "办公室", "立行立改", "已整改到位"],
        [3, "带头在推动高质量发展上创新实干方面", "生态环境执法“宽松软”", "开展执法案卷评查", "局长", "执法支队", "2024年6月底前", "部分整改"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"正在推进": 2, "已完成": 1},  # 持续整改 is 正在推进, 部分整改 too
        columns={"方面": "B", "问题": "C", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 6. 巡视整改“回头看”台账: the original problem and its earlier status kept beside the problem
#    found on looking back and the new measure: 原反馈问题, 原整改情况, “回头看”发现的问题, 再整改
#    措施; the status column is the current one.


def lookback_ledger(path: Path) -> Expect:
    wb, ws = _new("回头看台账")
    ws.append(["序号", "方面", "原反馈问题", "原整改情况", "“回头看”发现的问题", "再整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "选人用人", "干部档案审核不严", "已完成", "新进人员档案专审仍有遗漏", "对2023年以来新进人员档案再审核", "副局长", "人事科", "2024年8月31日", "整改中"],
        [2, "选人用人", "干部交流轮岗不够", "已完成", "重点岗位轮岗制度执行不严", "修订重点岗位轮岗办法", "副局长", "人事科", "2024年6月30日", "已整改"],
        [3, "财务管理", "公务接待超标准", "已完成", "接待审批单填写不规范", "统一接待审批单格式", "局长", "财务科", "2024年5月31日", "已整改"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"正在推进": 1, "已完成": 2},
        columns={"问题": "E", "整改措施": "F", "整改时限": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 7. 意识形态工作责任制检查反馈问题整改台账: 填报单位/填报日期 above the header, 整改时限 written
#    "2024.6.30" as text, "每季度", "立行立改"; status 已销号 / 阶段性完成 / 整改中 / 未整改;
#    under the table a 填表说明 with numbered lines ("1.…", "2.…") that are not measures.


def ideology_notes_under(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    _across(ws, 1, "意识形态工作责任制落实情况检查反馈问题整改台账", 8)
    ws.append(["填报单位（盖章）：县文化广电和旅游局", None, None, None, None, None, "填报日期：2024年7月12日"])
    ws.append(["序号", "反馈问题", "整改措施", "责任领导", "责任股室", "责任人", "整改时限", "整改状态"])
    _put(ws, 4, [
        [1, "意识形态工作专题研究不够", "每季度专题研究一次意识形态工作", "局长", "办公室", "甲某", "每季度", "阶段性完成"],
        [2, "网络阵地管理不规范", "清理关停“僵尸”公众号", "副局长", "宣传股", "乙某", "2024.6.30", "已销号"],
        [3, "文化市场巡查记录不全", "规范巡查记录", "副局长", "执法大队", "丙某", "立行立改", "整改中"],
        [4, "宗教场所文化活动审核不严", "建立活动备案审核制度", "副局长", "文化股", "丁某", "2024.9.30", "未整改"],
    ])
    ws.append([])
    ws.append(["填表说明："])
    ws.append(["1.整改状态填写已销号、阶段性完成、整改中、未整改。"])
    ws.append(["2.整改时限填写具体日期。"])
    wb.save(path)
    return Expect(
        aspects=1, problems=4, measures=4,
        statuses={"基本完成": 1, "已完成": 1, "正在推进": 1, "未启动": 1},  # 阶段性完成: 基本完成
        columns={"问题": "B", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 党建工作考核反馈问题整改台账: 考核项目 as the 方面, 扣分（分） beside it, 整改完成率 as
#    "100%" / "50%" text beside a 整改状态.


def party_assessment(path: Path) -> Expect:
    wb, ws = _new("考核反馈整改")
    ws.append(["序号", "考核项目", "扣分（分）", "存在问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "整改完成率"])
    _put(ws, 2, [
        [1, "基层组织建设", 0.5, "支部“三会一课”记录不规范", "统一会议记录本，每季度检查", "机关党委书记", "机关党委", "2024年6月30日", "已完成", "100%"],
        [2, "基层组织建设", 0.5, "党费收缴不及时", "建立党费收缴提醒制度", "机关党委书记", "机关党委", "2024年5月31日", "已完成", "100%"],
        [3, "党风廉政建设", 1, "廉政风险点排查不全面", "重新梳理岗位廉政风险点", "纪检组长", "机关纪委", "2024年9月30日", "整改中", "50%"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "D", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 消防安全隐患整改台账 (saved as .xls by the test): 隐患部位, 隐患描述, 整改措施, 整改责任人,
#    整改期限, 整改情况 已整改 / 整改中 / 未整改, 复查情况, no 方面.


def fire_hazards(path: Path) -> Expect:
    wb, ws = _new("消防隐患台账")
    _across(ws, 1, "某学校消防安全隐患排查整改台账", 9)
    ws.append(["序号", "隐患部位", "隐患描述", "整改措施", "责任部门", "整改责任人", "整改期限", "整改情况", "复查情况"])
    _put(ws, 3, [
        [1, "学生宿舍", "宿舍楼安全出口指示灯损坏", "更换指示灯", "总务处", "甲某", dt.date(2024, 4, 30), "已整改", "复查合格"],
        [2, "实验楼", "灭火器过期", "更换全部过期灭火器", "总务处", "乙某", dt.date(2024, 5, 15), "已整改", "复查合格"],
        [3, "食堂", "燃气管道老化", "更换燃气管道并安装报警装置", "后勤集团", "丙某", dt.date(2024, 8, 31), "整改中", None],
        [4, "图书馆", "消防通道堆放杂物", "清理杂物并落实每日巡查", "图书馆", "丁某", "立即整改", "未整改", None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"问题": "C", "整改措施": "D", "责任部门": "E", "责任人": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 市场监管局食品安全监督检查问题整改台账: 检查对象 (the firm), 检查发现问题, 处理措施, 承办
#     科室, 执法人员, 整改期限, 整改结果 with 复查合格 / 责令整改中 / 已整改到位.


def food_safety(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "检查日期", "检查对象", "问题类别", "检查发现问题", "处理措施", "承办科室", "执法人员", "整改期限", "整改结果"])
    _put(ws, 2, [
        [1, dt.date(2024, 5, 6), "某餐饮店", "环境卫生", "后厨卫生条件差", "责令限期整改", "食品科", "甲某", dt.date(2024, 5, 20), "复查合格"],
        [2, dt.date(2024, 5, 8), "某超市", "标签标识", "销售超过保质期食品", "下达责令改正通知书", "食品科", "乙某", dt.date(2024, 5, 22), "已整改到位"],
        [3, dt.date(2024, 7, 2), "某幼儿园食堂", "环境卫生", "从业人员健康证过期", "责令办理健康证", "食品科", "丙某", dt.date(2024, 7, 31), "责令整改中"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "D", "问题": "E", "整改措施": "F", "责任部门": "G", "整改时限": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 11. 县教育督导反馈问题整改台账: a three-row header (督导反馈 over 督导项目 | 反馈问题; 整改落实
#     over 整改措施 | 责任 | 时限, 责任 over 责任领导 | 责任股室), 整改时限 "2024年秋季开学前"
#     (no day: asked), status 已完成 / 推进中.


def education_supervision(path: Path) -> Expect:
    wb, ws = _new("督导整改")
    _put(ws, 1, [
        ["序号", "督导反馈", None, "整改落实", None, None, None, "整改状态"],
        [None, "督导项目", "反馈问题", "整改措施", "整改责任", None, "整改时限", None],
        [None, None, None, None, "责任领导", "责任股室", None, None],
        [1, "办学条件", "部分学校生均运动场地不足", "统筹新建改建运动场", "副局长甲", "计财股", "2024年12月31日", "推进中"],
        [2, "教师队伍", "农村学校音体美教师短缺", "定向招聘音体美教师", "副局长乙", "人事股", "2024年秋季开学前", "推进中"],
        [3, "教育教学", "课后服务内容单一", "开发课后服务课程菜单", "副局长乙", "基教股", "2024年5月31日", "已完成"],
    ])
    for col in (1, 8):
        ws.merge_cells(start_row=1, start_column=col, end_row=3, end_column=col)
    ws.merge_cells("B1:C1")
    ws.merge_cells("D1:G1")
    for col in (2, 3, 4, 7):
        ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    ws.merge_cells("E2:F2")
    wb.save(path)
    return Expect(
        aspects=3, problems=3, measures=3,
        statuses={"正在推进": 2, "已完成": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 12. 医保基金专项检查问题整改台账: 违规金额（元）, 应退回金额（元）, 已退回金额（元） — the money
#     returned is what was recovered —, a 合计 row summing them, status 已整改 / 整改中.


def medical_insurance_fund(path: Path) -> Expect:
    wb, ws = _new("医保基金整改")
    _across(ws, 1, "某县人民医院医保基金使用专项检查问题整改台账", 11)
    ws.append(["序号", "问题类型", "检查发现问题", "整改措施", "分管院领导", "责任科室", "整改时限", "违规金额（元）", "应退回金额（元）", "已退回金额（元）", "整改状态"])
    _put(ws, 3, [
        [1, "重复收费", "重复收取静脉输液费", "退回违规费用，HIS系统设置收费互斥规则", "副院长甲", "财务科", "2024年5月31日", 12860, 12860, 12860, "已整改"],
        [2, "超标准收费", "超标准收取护理费", "退回违规费用，组织收费培训", "副院长甲", "护理部", "2024年8月31日", 35400, 35400, 20000, "整改中"],
        [3, "串换项目", "串换检查项目收费", "开展串换项目自查自纠", "副院长乙", "医务科", "2024年9月30日", 8000, 8000, None, "整改中"],
        ["合计", None, None, None, None, None, None, 56260, 56260, 32860, None],
    ])
    wb.save(path)
    return Expect(
        aspects=3, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "责任领导": "E", "责任部门": "F", "清退资金": "J", "整改状态": "K"},
        money=32860,
    )


# ---------------------------------------------------------------------------------------------
# 13. 国有资产清查问题整改台账: a hidden helper column (标识, 1/0 from a formula), 小计
#     rows per 方面 counting the problems, a blank spacer row between 方面.


def asset_check_hidden_helper(path: Path) -> Expect:
    wb, ws = _new("资产清查整改")
    ws.append(["序号", "方面", "存在问题", "整改措施", "责任部门", "整改时限", "整改状态", "完成时间", "标识"])
    _put(ws, 2, [
        [1, "房屋土地", "部分房产未办理权属证书", "补办权属证书", "资产管理科", dt.date(2024, 12, 31), "整改中", None, 0],
        [2, "房屋土地", "闲置房产未盘活", "制定闲置房产盘活方案", "资产管理科", dt.date(2024, 6, 30), "已完成", dt.date(2024, 6, 20), 1],
        ["小计", "2个问题", None, None, None, None, None, None, 1],
        [None, None, None, None, None, None, None, None, None],
        [3, "账务管理", "固定资产账实不符", "全面盘点并调整账务", "财务科", dt.date(2024, 9, 30), "整改中", None, 0],
        ["小计", "1个问题", None, None, None, None, None, None, 0],
    ])
    ws.column_dimensions["I"].hidden = True
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"正在推进": 2, "已完成": 1},
        columns={"问题": "C", "整改时限": "F", "整改状态": "G", "完成时间": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 14. 统计督察反馈问题整改台账 kept one sheet per 方面 ("数据质量方面", "统计执法方面"), each
#     with the same header and its own 序号 from 1, after a 封面 sheet. NOT read as one ledger
#     yet: the first sheet is read and every other one named in a warning.


STATS_HEADER = ["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态"]


def statistics_sheet_per_aspect(path: Path) -> Expect:
    wb, cover = _new("封面")
    cover.append(["某市统计局落实统计督察反馈意见整改台账"])
    cover.append(["2024年7月"])
    ws = wb.create_sheet("数据质量方面")
    ws.append(STATS_HEADER)
    _put(ws, 2, [
        [1, "统计数据审核把关不严", "建立数据三级审核制度", "副局长甲", "综合科", "2024年6月30日", "已完成"],
        [2, "基层台账不规范", "开展基层统计台账规范化检查", "副局长甲", "法规科", "2024年10月31日", "整改中"],
    ])
    ws = wb.create_sheet("统计执法方面")
    ws.append(STATS_HEADER)
    _put(ws, 2, [
        [1, "统计执法检查覆盖面不足", "制定年度“双随机”检查计划", "副局长乙", "法规科", "2024年3月31日", "已完成"],
    ])
    wb.save(path)
    # The two sheets of one header are read as one ledger, each sheet's name the 方面 of its
    # rows (``real_layouts4`` has more of this class).
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 15. 营商环境问题整改台账: 企业反映问题, 办理措施, 办理单位, 办结时限 "5个工作日" (no date:
#     asked), 办理结果, 是否办结 是 / 否, 企业满意度.


def business_environment(path: Path) -> Expect:
    wb, ws = _new("营商环境问题台账")
    ws.append(["序号", "问题来源", "问题类别", "企业反映问题", "办理措施", "牵头领导", "办理单位", "办结时限", "办理结果", "是否办结", "企业满意度"])
    _put(ws, 2, [
        [1, "政企恳谈会", "政务服务", "项目审批材料重复提交", "推行“一次告知、一表申请”", "副区长甲", "区行政审批局", "2024年6月30日", "已实现材料共享", "是", "满意"],
        [2, "12345热线", "要素保障", "企业用电报装时间长", "协调供电公司压缩报装时限", "副区长乙", "区发改局", "2024年8月31日", "已协调供电公司制定方案", "否", None],
        [3, "走访企业", "要素保障", "园区道路破损影响物流", "维修园区道路", "副区长乙", "区住建局", "5个工作日", "已完成维修", "是", "满意"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "C", "问题": "D", "整改措施": "E", "责任领导": "F", "责任部门": "G", "整改时限": "H", "整改进展及成效": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 16. 信访积案化解台账: 积案编号, 信访人, 诉求内容, 化解措施, 包案领导, 责任单位, 化解时限,
#     化解情况 (narrative), 化解状态 已化解 / 正在化解 / 未化解 / 息诉罢访 (未化解: the case is
#     open and being worked on, as 未办结 is).


def petition_backlog(path: Path) -> Expect:
    wb, ws = _new("积案化解台账")
    ws.append(["序号", "积案编号", "信访人", "诉求类别", "诉求内容", "化解措施", "包案领导", "责任单位", "化解时限", "化解情况", "化解状态"])
    _put(ws, 2, [
        [1, "JA-2024-01", "甲某某", "征地拆迁", "要求提高征地补偿标准", "依法依规解释政策，落实救助", "副县长甲", "县自然资源局", "2024年6月30日", "已签订息诉罢访协议", "息诉罢访"],
        [2, "JA-2024-02", "乙某某", "劳动社保", "要求补缴养老保险", "协调企业补缴", "副县长乙", "县人社局", "2024年9月30日", "已约谈企业，企业同意分期补缴", "正在化解"],
        [3, "JA-2024-03", "丙某某", "征地拆迁", "宅基地权属纠纷", "组织司法调解", "副县长甲", "县司法局", "2024年12月31日", None, "未化解"],
        [4, "JA-2024-04", "丁某某", "涉法涉诉", "不服法院判决", "引导依法申请再审", "副县长丙", "县委政法委", "2024年5月31日", "已引导申请再审", "已化解"],
    ])
    wb.save(path)
    return Expect(
        aspects=3, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 2},  # 未化解 (the case still open) like 未办结
        columns={"方面": "D", "问题": "E", "整改措施": "F", "责任领导": "G", "责任部门": "H", "整改时限": "I", "整改进展及成效": "J", "整改状态": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 17. 12345 热线工单整改台账: 工单编号, 来电时间 (date and hour), 诉求类型, 诉求内容, 承办单位,
#     办理时限 (date and hour), 办理结果, 工单状态 已办结 / 办理中 / 待签收 / 已回访.


def hotline_work_orders(path: Path) -> Expect:
    wb, ws = _new("工单台账")
    ws.append(["工单编号", "来电时间", "诉求类型", "诉求内容", "承办单位", "承办人", "办理时限", "办理结果", "工单状态"])
    _put(ws, 2, [
        ["GD20240701001", dt.datetime(2024, 7, 1, 9, 12), "市政设施", "路灯不亮", "区城管局", "甲某", dt.datetime(2024, 7, 4, 17, 0), "已修复", "已办结"],
        ["GD20240702015", dt.datetime(2024, 7, 2, 14, 30), "环境保护", "餐饮油烟扰民", "区生态环境分局", "乙某", dt.datetime(2024, 7, 9, 17, 0), "已现场检查，要求安装净化设施", "已回访"],
        ["GD20240710033", dt.datetime(2024, 7, 10, 10, 5), "市政设施", "小区门前道路积水", "区住建局", "丙某", dt.datetime(2024, 7, 17, 17, 0), "已派人查看", "办理中"],
        ["GD20240714008", dt.datetime(2024, 7, 14, 16, 45), "环境保护", "夜间施工噪声", "区住建局", "丁某", dt.datetime(2024, 7, 21, 17, 0), None, "待签收"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"序号": "A", "方面": "C", "问题": "D", "责任部门": "E", "责任人": "F", "整改时限": "G", "整改进展及成效": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 18. 整改台账 kept one sheet per month ("4月", "5月", "6月"): each month's sheet is the whole
#     ledger as it stood then; the latest month is the ledger now.


MONTH_HEADER = ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"]
MONTH_ROWS = [
    [1, "制度建设", "议事规则不健全", "修订党组议事规则", "书记", "办公室", "2024年5月31日"],
    [2, "制度建设", "财务审批不规范", "修订财务审批办法", "局长", "财务科", "2024年8月31日"],
    [3, "作风建设", "基层调研不够", "建立领导干部基层联系点", "副局长", "人事科", "2024年12月31日"],
]


def sheet_per_month(path: Path) -> Expect:
    wb, ws = _new("4月")
    states = {"4月": ["正在推进", "未启动", "未启动"], "5月": ["已完成", "正在推进", "未启动"], "6月": ["已完成", "正在推进", "正在推进"]}
    for k, (month, words) in enumerate(states.items()):
        if k:
            ws = wb.create_sheet(month)
        ws.append(MONTH_HEADER)
        _put(ws, 2, [[*row, word] for row, word in zip(MONTH_ROWS, words, strict=True)])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
    )


# ---------------------------------------------------------------------------------------------
# 19. 环保督察整改台账 where the status is only the fill colour of the row, with a legend row
#     under the table ("图例：绿色为已完成，黄色为正在推进，红色为未启动").

GREEN = "FF92D050"
YELLOW = "FFFFFF00"
RED = "FFFF0000"


def _fill_row(ws: Any, row: int, width: int, rgb: str) -> None:
    for col in range(1, width + 1):
        ws.cell(row=row, column=col).fill = PatternFill("solid", fgColor=rgb)


def eco_colour_with_legend(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类型", "督察反馈问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改进展"])
    _put(ws, 2, [
        [1, "水污染防治", "城镇污水处理厂超负荷运行", "实施污水处理厂扩容工程", "副市长甲", "市住建局", "2024年12月31日", "扩容工程已开工"],
        [2, "水污染防治", "入河排污口排查整治滞后", "完成全部排污口溯源整治", "副市长甲", "市生态环境局", "2024年6月30日", "已完成全部排污口整治"],
        [3, "大气污染防治", "工业企业无组织排放问题突出", "开展无组织排放专项执法", "副市长乙", "市生态环境局", "2024年9月30日", None],
    ])
    for row, rgb in ((2, YELLOW), (3, GREEN), (4, RED)):
        _fill_row(ws, row, 8, rgb)
    ws.append([])
    ws.append(["图例：绿色为已完成，黄色为正在推进，红色为未启动"])
    ws.cell(row=6, column=2).fill = PatternFill("solid", fgColor=GREEN)
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"正在推进": 1, "已完成": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改时限": "G", "整改进展及成效": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 20. The same, coloured, without a legend: the colours cannot be read as statuses; check
#     says so rather than guess.


def colour_without_legend(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展"])
    _put(ws, 2, [
        [1, "组织建设", "支部换届不及时", "按期完成支部换届", "书记", "机关党委", "2024年6月30日", "3个支部已完成换届"],
        [2, "组织建设", "党员教育管理松散", "建立党员积分管理制度", "书记", "机关党委", "2024年9月30日", "制度已起草"],
    ])
    _fill_row(ws, 2, 8, GREEN)
    _fill_row(ws, 3, 8, YELLOW)
    wb.save(path)
    return Expect(aspects=1, problems=2, measures=2, statuses={})


# ---------------------------------------------------------------------------------------------
# 21. 整改台账 with 备注 holding the status (no status column: 备注 "已完成" / "正在推进" /
#     "未启动，待资金到位"), and 整改时限 "2024年上半年" / "6月底前" / "2024年6月".


def status_in_remarks(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "备注"])
    _put(ws, 2, [
        [1, "基础设施", "档案库房温湿度不达标", "加装恒温恒湿设备", "馆长", "保管科", "2024年上半年", "已完成"],
        [2, "基础设施", "消防设施老化", "更换消防设施", "副馆长", "办公室", "2024年6月", "正在推进"],
        [3, "业务管理", "数字化进度滞后", "推进馆藏档案数字化", "副馆长", "技术科", "2024年12月31日", "未启动，待资金到位"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 22. 区直部门巡察整改: 问题 merged over its measures, the measures' 序号 "1.1" "1.2", 整改
#     时限 "2024年6月底前" / "2024年第三季度" / "长期坚持", the status per measure as a word from
#     the 是否完成 column answered "已完成" / "未完成" rather than 是/否, an empty 合计 row.


def merged_problem_dotted_numbers(path: Path) -> Expect:
    wb, ws = _new("巡察整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "牵头领导", "牵头科室", "配合科室", "整改时限", "是否完成", "完成时间"])
    _put(ws, 2, [
        ["1.1", "党的领导", "党组理论学习中心组学习不规范", "制定年度学习计划", "书记", "办公室", "机关党委", "2024年6月底前", "已完成", dt.date(2024, 3, 1)],
        ["1.2", "党的领导", None, "建立学习档案", "书记", "办公室", None, "长期坚持", "未完成", None],
        ["2.1", "党的领导", "意识形态工作责任制落实不到位", "专题研究意识形态工作", "书记", "办公室", "宣传科", "2024年第三季度", "未完成", None],
        ["3.1", "全面从严治党", "“四风”问题仍有发生", "开展作风建设专项检查", "纪检组长", "机关纪委", None, "2024年6月底前", "已完成", dt.date(2024, 6, 25)],
        ["合计", None, None, None, None, None, None, None, None, None],
    ])
    _down(ws, 3, 2, 3)
    _down(ws, 2, 2, 4)
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"已完成": 2, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "责任领导": "E", "牵头部门": "F", "整改时限": "H", "整改状态": "I", "完成时间": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 23. 机关党委支部检查反馈: one header row whose last columns are the statuses themselves
#     (已完成 | 推进中 | 未启动, a ✓ under one), and 整改进展 beside them.


def ticks_in_one_header_row(path: Path) -> Expect:
    wb, ws = _new("问题清单")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "完成时限", "已完成", "推进中", "未启动", "整改进展"])
    _put(ws, 2, [
        [1, "组织生活", "主题党日活动形式单一", "制定主题党日活动菜单", "支部书记", "第一支部", "2024年5月31日", "✓", None, None, "已制定活动菜单12项"],
        [2, "组织生活", "谈心谈话记录不全", "建立谈心谈话记录本", "支部书记", "第二支部", "2024年9月30日", None, "✓", None, "已发放记录本"],
        [3, "党员管理", "流动党员联系不经常", "建立流动党员微信群", "组织委员", "第三支部", "2024年12月31日", None, None, "✓", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"整改时限": "G", "整改状态": "H", "整改进展及成效": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 24. 国企巡视整改: 整改进展情况 merged over the months it was reported in ("4月" | "5月" |
#     "6月", the sub-headers only the month), a 整改状态 column after them: the latest month
#     written is the progress, not the first under the group title.


def progress_group_over_months(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _header2(
        ws, 1,
        ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展情况", None, None, "整改状态"],
        [None, None, None, None, None, None, None, "4月", "5月", "6月", None],
    )
    _put(ws, 3, [
        [1, "经营管理", "应收账款清收不力", "成立清收专班", "总会计师", "财务部", "2024年12月31日", "成立专班", "清收800万元", "累计清收1500万元", "正在推进"],
        [2, "经营管理", "采购比价不充分", "修订采购管理办法", "副总经理", "采购部", "2024年5月31日", "起草办法", "办法已印发", None, "已完成"],
        [3, "党的建设", "基层党组织书记培训不足", "举办书记培训班", "党委副书记", "党群部", "2024年10月31日", None, None, None, "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"正在推进": 1, "已完成": 1, "未启动": 1},
        columns={"整改时限": "G", "整改状态": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 25. 区政府办: responsibility written two to a column ("责任领导/责任单位" headers such as
#     牵头领导及责任单位 are rare; 责任单位（责任人） and 配合单位及责任人 are common), 完成时限
#     as "2024年6月30日前".


def combined_responsibility_headers(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类别", "具体问题", "整改措施", "分管区领导", "责任单位（责任人）", "配合单位及责任人", "完成时限", "整改状态"])
    _put(ws, 2, [
        [1, "政务公开", "政策解读不及时", "建立政策文件与解读同步审签制度", "副区长甲", "区政府办（张某）", "区司法局（李某）", "2024年6月30日前", "已完成"],
        [2, "政务服务", "“一网通办”事项覆盖率偏低", "梳理事项清单并上线办理", "副区长乙", "区政务服务中心（王某）", None, "2024年10月31日前", "整改中"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "责任领导": "E", "责任部门": "F", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 26. 巡察整改台账 with several measures in one cell and their 整改时限 and 整改状态 numbered the
#     same way in the cells beside them ("1.2024年6月30日\n2.长期坚持", "1.已完成\n2.正在推进"),
#     an 整改类型 column (立行立改 / 限期整改) that is not the 方面.


def numbered_cells_side_by_side(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "整改类型"])
    _put(ws, 2, [
        [1, "党的建设", "支部活动不规范", "1.制定支部活动计划\n2.每季度检查一次支部活动", "书记", "机关党委", "1.2024年6月30日\n2.长期坚持", "1.已完成\n2.正在推进", "限期整改"],
        [2, "作风建设", "会议偏多", "①精简会议②推行视频会议", "局长", "办公室", "①立行立改②2024年9月30日", "①已完成②未启动", "立行立改"],
        [3, "作风建设", "公文运转慢", "建立公文限时办结制度", "副局长", "办公室", "2024年5月31日", "已完成", "限期整改"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=5,
        statuses={"已完成": 3, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 27. One sheet per month across a year end, named "整改台账（2023年12月）", "整改台账（2024年1月）",
#     "整改台账（2024年2月）" after a 说明 sheet: the latest (2024年2月) is read.


def month_sheets_across_new_year(path: Path) -> Expect:
    wb, ws = _new("说明")
    ws.append(["本台账每月更新一次，各月情况分表填报。"])
    states = {"2023年12月": ["正在推进", "未启动", "未启动"], "2024年1月": ["正在推进", "正在推进", "未启动"], "2024年2月": ["已完成", "正在推进", "正在推进"]}
    for month, words in states.items():
        ws = wb.create_sheet(f"整改台账（{month}）")
        ws.append(MONTH_HEADER)
        _put(ws, 2, [[*row, word] for row, word in zip(MONTH_ROWS, words, strict=True)])
    wb.save(path)
    return Expect(aspects=2, problems=3, measures=3, statuses={"已完成": 1, "正在推进": 2})


# ---------------------------------------------------------------------------------------------
# 28. 方面 rows with the title in the 问题 column (序号 empty) and the count in another cell
#     ("共2项" under 整改状态), a 合计 row counting the problems.


def section_rows_with_counts(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [None, "一、政治建设方面", None, None, None, None, "共2项", None],
        [1, "理论学习不深入", "制定年度学习计划", "书记", "办公室", "2024年6月30日", "已完成", dt.date(2024, 6, 1)],
        [2, "议事规则不健全", "修订党组议事规则", "书记", "办公室", "2024年9月30日", "正在推进", None],
        [None, "二、作风建设方面", None, None, None, None, "（共1个问题）", None],
        [3, "会议偏多", "精简会议", "局长", "办公室", "2024年5月31日", "已完成", dt.date(2024, 5, 20)],
        ["合计", None, None, None, None, None, "3项", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改状态": "G", "完成时间": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 29. 省委巡视整改落实情况台账 as the 巡视办 asks for it: 已采取的整改措施及成效 (the progress),
#     下一步工作打算, 是否按期完成 (是/否: on time, not whether done), 整改期限类型 (立行立改 /
#     限期整改, not the 方面), 验收意见, and 填报时间 (a date: neither deadline nor finish).


def inspection_office_form(path: Path) -> Expect:
    wb, ws = _new("整改落实情况")
    ws.append(["序号", "问题类别", "反馈问题", "整改措施", "整改期限类型", "牵头领导", "牵头单位", "整改时限", "完成状态", "已采取的整改措施及成效", "下一步工作打算", "是否按期完成", "验收意见", "填报时间"])
    _put(ws, 2, [
        [1, "党的领导", "落实意识形态工作责任制不到位", "制定意识形态工作责任清单", "限期整改", "书记", "办公室", "2024年5月31日", "已完成", "已印发责任清单，明确责任事项28项", None, "否", "同意销号", dt.date(2024, 7, 10)],
        [2, "党的领导", "议事决策程序不规范", "修订“三重一大”决策实施办法", "限期整改", "书记", "办公室", "2024年9月30日", "正在推进", "已形成修订稿，正在征求意见", "9月提交党组会审议", None, None, dt.date(2024, 7, 10)],
        [3, "作风建设", "文风会风不实", "压减会议文件数量", "立行立改", "局长", "办公室", "立行立改", "已完成", "会议数量同比下降32%", None, "是", "同意销号", dt.date(2024, 7, 10)],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改时限": "H", "整改状态": "I", "整改进展及成效": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 30. Colours picked from the top of the colour picker (theme colours: 个性色 green, red, with a
#     tint) and Excel's standard 橙色 (FFC000) for the rows the legend calls 黄; the legend above
#     the table says 标绿 / 标黄 / 标红 (no 色); one row left without colour.


def theme_colours_legend_above(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _across(ws, 1, "某县生态环境局环保督察反馈问题整改台账", 8)
    ws.append(["说明：已完成的标绿，正在推进的标黄，未启动的标红"])
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展"])
    _put(ws, 4, [
        [1, "大气污染", "秸秆露天焚烧时有发生", "网格化巡查", "副局长甲", "大气股", "2024年10月31日", "已落实网格员86名"],
        [2, "水污染", "黑臭水体整治不彻底", "实施清淤和截污", "副局长乙", "水股", "2024年12月31日", "清淤完成60%"],
        [3, "水污染", "饮用水源地标志缺失", "补设标志牌", "副局长乙", "水股", "2024年5月31日", "已补设32块"],
        [4, "土壤污染", "疑似污染地块未调查", "开展土壤调查", "副局长丙", "土壤股", "2024年12月31日", None],
        [5, "土壤污染", "危废台账不全", "规范危废台账", "副局长丙", "固废股", "2024年9月30日", "已培训"],
    ])
    theme_green = Color(theme=6, tint=0.4)  # 个性色3（绿）, 淡色40%
    theme_red = Color(theme=5)  # 个性色2（红）
    for row, colour in ((4, "FFFFC000"), (5, "FFFFC000"), (6, theme_green), (7, theme_red)):
        for col in range(1, 9):
            ws.cell(row=row, column=col).fill = PatternFill("solid", fgColor=colour)
    wb.save(path)  # row 8 has no colour
    return Expect(
        aspects=3, problems=5, measures=5,
        statuses={"正在推进": 2, "已完成": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改时限": "G", "整改进展及成效": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 31. 是否完成 merged over 是 | 否, a √ under one (the answer ticked, not typed).


def yes_no_ticked(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _header2(
        ws, 1,
        ["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "是否完成", None, "完成时间"],
        [None, None, None, None, None, None, None, "是", "否", None],
    )
    _put(ws, 3, [
        [1, "党的建设", "支部活动不规范", "制定支部活动计划", "书记", "机关党委", "2024年6月30日", "√", None, dt.date(2024, 6, 20)],
        [2, "作风建设", "会议偏多", "精简会议", "局长", "办公室", "2024年9月30日", None, "√", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"整改状态": "H", "完成时间": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 32. 审计整改: the units on a row of their own under the header ("（万元）" under 追回资金,
#     "（%）" under 完成进度), not in the headers.


def units_row_under_header(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类别", "审计发现问题", "整改措施", "分管领导", "责任科室", "整改时限", "整改状态", "完成时间", "追回资金", "完成进度"])
    ws.append([None, None, None, None, None, None, None, None, None, "（万元）", "（%）"])
    _put(ws, 3, [
        [1, "财务管理", "超标准列支接待费", "追回超标准费用", "局长", "财务科", "2024年6月30日", "已完成", dt.date(2024, 6, 20), 1.2, 100],
        [2, "财务管理", "往来款长期未清理", "清理往来款", "局长", "财务科", "2024年9月30日", "正在推进", None, 3.5, 40],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"清退资金": "J", "整改状态": "H"},
        money=47000,
    )


# ---------------------------------------------------------------------------------------------
# 33. As attached to a 公文: "附件1" in A1, the title, the header, and a row numbering the
#     columns in Chinese numerals (一 二 三 …).


def attachment_chinese_column_numbers(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    ws.append(["附件1"])
    ws.append(["某局巡察反馈问题整改台账"])
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "完成时间"])
    ws.append(["一", "二", "三", "四", "五", "六", "七", "八", "九"])
    _put(ws, 5, [
        [1, "财务管理", "超标准接待", "追回超标准费用", "局长", "财务科", "2024年6月30日", "已完成", dt.date(2024, 6, 20)],
        [2, "财务管理", "往来款未清理", "清理往来款", "局长", "财务科", "2024年9月30日", "正在推进", None],
    ])
    wb.save(path)
    return Expect(aspects=1, problems=2, measures=2, statuses={"已完成": 1, "正在推进": 1})


# ---------------------------------------------------------------------------------------------
# 34. Cells that do not apply filled with "/", "—", "-", 无 (完成时间 of an open measure, 清退资金
#     where nothing was recovered), as WPS ledgers often are.


def placeholders_in_cells(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改状态", "完成时间", "清退资金（万元）", "佐证材料"])
    _put(ws, 2, [
        [1, "财务管理", "超标准接待", "追回超标准费用", "局长", "财务科", "甲某", "2024年6月30日", "已完成", dt.date(2024, 6, 20), 1.2, "收款凭证"],
        [2, "财务管理", "往来款未清理", "清理往来款", "局长", "财务科", "乙某", "2024年9月30日", "正在推进", "/", "/", "/"],
        [3, "作风建设", "会议偏多", "精简会议", "局长", "办公室", "丙某", "2024年12月31日", "未启动", "—", "无", "—"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        money=12000,
    )
# fmt: on
