"""A twelfth round of ledgers laid out the way real organisations send them (``real_layouts`` …
``real_layouts11`` have the first eleven): a 民主生活会 查摆问题清单 with 查摆人 and 对照检查
方面, a 巡察 立行立改清单 and 长期整改清单 on two sheets, a 专项整治 list with 整改类型
(立行立改 / 限期整改 / 长期坚持) as a column, a 月度进展 column per month (1月 … 9月), 销号申请 /
销号时间 / 销号审核 columns, 分管领导 beside 主要负责人, 问题编号 "XS-2025-01" with deadlines as
text ("2025.6", "2025年10月", "12月底", "Q4"), "完成80%" in the status column, 备注 "已销号", a
问题类别 first column under section rows spanning the table, the print titles repeated every few
rows (a PDF-to-Excel conversion, its header words broken by a space on the next page), and a 合计
row inside the table.

Each builder writes one workbook to ``path`` (a fictional unit) and returns what the clerk who
filled it in knows about it (``real_layouts.Expect``). ``test_real_layouts12`` runs the real
pipeline over each.
"""

from __future__ import annotations

from pathlib import Path

from real_layouts import Expect, _new
from real_layouts import _merge_down as _down
from real_layouts import _rows as _put
from real_layouts import _section as _across

TODAY = "2025-09-15"

# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


# ---------------------------------------------------------------------------------------------
# 1. 局领导班子 民主生活会 查摆问题整改清单: 对照检查方面 (the 方面), 查摆问题, 查摆人 (the member
#    who found it in himself — he is also the one who puts it right), 整改措施, 整改时限, 完成情况.


def life_meeting_self_examined(path: Path) -> Expect:
    wb, ws = _new("查摆问题清单")
    _across(ws, 1, "局领导班子民主生活会查摆问题整改清单", 7)
    ws.append(["序号", "对照检查方面", "查摆问题", "查摆人", "整改措施", "整改时限", "完成情况"])
    _put(ws, 3, [
        [1, "理论学习方面", "学习党的创新理论不够系统", "局长", "制定个人自学计划，每月撰写学习笔记", "2025年6月30日", "已完成"],
        [2, "理论学习方面", "学用结合不够紧密", "副局长甲", "围绕分管工作开展专题调研2次", "2025年11月30日", "正在推进"],
        [3, "担当作为方面", "攻坚克难的闯劲不足", "副局长乙", "牵头推进重点项目攻坚", "长期坚持", "长期坚持"],
        [4, "作风建设方面", "深入基层调研不够", "副局长甲", "每季度下基层调研不少于5天", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=3, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 1, "长期坚持": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "E", "整改时限": "F", "整改状态": "G"},  # 查摆人: 班子成员, kept
    )


# ---------------------------------------------------------------------------------------------
# 2. 县委巡察 反馈问题: 立行立改清单 and 长期整改清单 on two sheets, the same columns.


def inspection_two_lists(path: Path) -> Expect:
    wb, ws = _new("立行立改清单")
    head = ["序号", "问题类别", "巡察反馈问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改情况"]
    ws.append(head)
    _put(ws, 2, [
        [1, "党的建设", "“三会一课”记录不规范", "补齐会议记录，规范记录本", "书记", "党办", "立行立改", "已完成"],
        [2, "纪律作风", "公务接待清单不完整", "补填接待清单并建立审核制度", "纪委书记", "办公室", "立行立改", "已完成"],
    ])
    ws2 = wb.create_sheet("长期整改清单")
    ws2.append(head)
    _put(ws2, 2, [
        [1, "党的建设", "基层党组织标准化建设不平衡", "开展党支部标准化规范化建设达标创建", "书记", "组织办", "2025年12月31日", "正在推进"],
        [2, "业务工作", "重点项目推进缓慢", "建立项目周调度机制", "镇长", "经发办", "长期坚持", "长期坚持"],
    ])
    wb.save(path)
    return Expect(
        aspects=3, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "长期坚持": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 市 群众身边不正之风和腐败问题集中整治: 整改类型 (立行立改 / 限期整改 / 长期坚持) as a column
#    beside the 整改时限, the status in 整改进度.


def campaign_kind_column(path: Path) -> Expect:
    wb, ws = _new("集中整治")
    ws.append(["序号", "问题描述", "整改措施", "整改类型", "责任单位", "责任人", "整改时限", "整改进度"])
    _put(ws, 2, [
        [1, "农村集体“三资”管理不规范", "开展集体资产清查", "限期整改", "市农业农村局", "局长", "2025年10月31日", "正在推进"],
        [2, "惠民惠农补贴“一卡通”发放不及时", "督促按时足额发放", "立行立改", "市财政局", "局长", "2025年5月31日", "已完成"],
        [3, "群众办事“多头跑”", "推进“一件事一次办”", "长期坚持", "市政务服务中心", "主任", "长期", "持续推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},  # (持续推进 beside 长期坚持: under way, as 达到序时进度 is)
        columns={"问题": "B", "整改措施": "C", "责任部门": "E", "责任人": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 区 整改台账 with 月度进展 under one merged header, a column per month (7月 | 8月 | 9月),
#    the latest filled month the progress; the status in its own column.


def monthly_progress_columns(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "月度进展", None, None, "整改状态"])
    ws.append([None, None, None, None, None, "7月", "8月", "9月", None])
    for col in (1, 2, 3, 4, 5, 9):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.merge_cells(start_row=1, start_column=6, end_row=1, end_column=8)
    _put(ws, 3, [
        [1, "老旧小区改造进度滞后", "倒排工期，每周调度", "区住建局", "2025年12月31日", "完成立项", "开工3个小区", "开工8个小区", "正在推进"],
        [2, "背街小巷环境卫生差", "开展环境卫生专项整治", "区城管局", "2025年8月31日", "制定方案", "整治完毕", None, "已完成"],
        [3, "停车难问题突出", "新建公共停车场", "区发改局", "2026年6月30日", None, None, None, "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"正在推进": 1, "已完成": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改进展及成效": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 5. 县 整改台账 with 销号: 整改状态, 销号申请 (是/否), 销号时间, 销号审核 (审核通过 / 待审核).


def closure_application_columns(path: Path) -> Expect:
    wb, ws = _new("整改销号台账")
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态", "销号申请", "销号时间", "销号审核"])
    _put(ws, 2, [
        [1, "项目审批环节多", "精简审批环节", "县行政审批局", "2025年6月30日", "已完成", "是", "2025年7月10日", "审核通过"],
        [2, "涉企检查频次过高", "推行“综合查一次”", "县司法局", "2025年8月31日", "已完成", "是", "2025年9月5日", "待审核"],
        [3, "政务数据共享不畅", "建设数据共享平台", "县大数据中心", "2025年12月31日", "正在推进", "否", None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 6. 整改责任清单: 分管领导 and 主要负责人 beside the 责任单位.


def duty_list_two_leaders(path: Path) -> Expect:
    wb, ws = _new("整改责任清单")
    ws.append(["序号", "问题", "整改措施", "牵头单位", "主要负责人", "分管领导", "完成时限", "完成情况"])
    _put(ws, 2, [
        [1, "安全生产隐患排查不彻底", "开展全覆盖排查", "县应急管理局", "局长甲", "副县长甲", "2025年6月30日", "已完成"],
        [2, "危化品运输监管存在漏洞", "建立危化品车辆动态监控", "县交通运输局", "局长乙", "副县长乙", "2025年11月30日", "正在推进"],
        [3, "消防设施老化", "更新消防设施", "县消防救援大队", "大队长", "副县长甲", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "牵头部门": "D", "责任领导": "F", "整改时限": "G", "整改状态": "H"},  # 主要负责人: kept
    )


# ---------------------------------------------------------------------------------------------
# 7. 市委巡察 问题编号 "XS-2025-01", deadlines as text: "2025.6", "2025年10月", "12月底", "Q4".


def coded_problems_text_dates(path: Path) -> Expect:
    wb, ws = _new("巡察整改")
    ws.append(["问题编号", "问题类别", "问题描述", "整改措施", "责任部门", "责任人", "整改时限", "整改状态"])
    _put(ws, 2, [
        ["XS-2025-01", "政治建设", "议事规则执行不严", "修订党组议事规则", "办公室", "主任甲", "2025.6", "已完成"],
        ["XS-2025-02", "政治建设", "意识形态工作责任制落实不到位", "制定意识形态工作责任清单", "宣传科", "科长乙", "2025年10月", "正在推进"],
        ["XS-2025-03", "作风建设", "文山会海问题仍然存在", "精简会议文件", "办公室", "主任甲", "12月底", "正在推进"],
        ["XS-2025-04", "作风建设", "督查检查考核过多", "统筹督查检查计划", "督查室", "主任丙", "Q4", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任部门": "E", "责任人": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 乡镇 整改台账 with percentages in the status column ("完成80%", "100%", "0%") and 备注
#    "已销号".


def percent_status_and_closed_note(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "存在问题", "整改措施", "责任人", "整改时限", "整改进度", "备注"])
    _put(ws, 2, [
        [1, "村级财务公开不及时", "每季度公开村级财务", "镇长", "2025年6月30日", "100%", "已销号"],
        [2, "人居环境整治不彻底", "开展村庄清洁行动", "副镇长甲", "2025年11月30日", "完成80%", None],
        [3, "便民服务中心窗口设置不合理", "优化窗口设置", "副镇长乙", "2025年12月31日", "0%", None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任人": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 问题类别 as the first column under section rows spanning the table ("一、政治建设方面"):
#    the section is the 方面, the 问题类别 a finer kind.


def category_under_sections(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["问题类别", "序号", "问题表现", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    _across(ws, 2, "一、政治建设方面", 8)
    _put(ws, 3, [
        ["理论学习", 1, "中心组学习流于形式", "制定年度学习计划", "书记", "办公室", "2025年6月30日", "已完成"],
        ["民主集中制", 2, "“三重一大”决策程序不规范", "修订决策规则", "书记", "办公室", "2025年10月31日", "正在推进"],
    ])
    _across(ws, 5, "二、作风建设方面", 8)
    _put(ws, 6, [
        ["形式主义", 3, "填表报数过多", "清理精简报表", "副局长", "综合科", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 10. A PDF-to-Excel conversion: the title and header printed again on every page (every 3
#     rows here), the page number "第 1 页 共 2 页" between pages.


def pdf_repeated_headers(path: Path) -> Expect:
    wb, ws = _new("Table 1")
    head = ["序号", "问题", "整改措施", "责任单位", "整改时限", "完成情况"]
    ws.append(["审计发现问题整改台账"])
    ws.append(head)
    _put(ws, 3, [
        [1, "预算执行进度偏慢", "加快预算执行", "财务科", "2025年6月30日", "已完成"],
        [2, "固定资产账实不符", "开展资产清查", "资产科", "2025年11月30日", "正在推进"],
        [3, "政府采购程序不规范", "完善采购内控制度", "采购办", "2025年12月31日", "未启动"],
    ])
    ws.cell(row=6, column=1, value="第 1 页 共 2 页")
    ws.cell(row=7, column=1, value="审计发现问题整改台账")
    for j, h in enumerate(head, start=1):
        ws.cell(row=8, column=j, value=h)
    _put(ws, 9, [
        [4, "专项资金使用不规范", "规范专项资金管理", "财务科", "2025年10月31日", "正在推进"],
        [5, "往来款项长期挂账", "清理往来款项", "财务科", "2025年6月30日", "已完成"],
    ])
    ws.cell(row=11, column=1, value="第 2 页 共 2 页")
    wb.save(path)
    return Expect(
        aspects=1, problems=5, measures=5,
        statuses={"已完成": 2, "正在推进": 2, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 11. 审计整改 with a 合计 row inside the table (after the last problem, before the 备注 line):
#     问题金额 summed, no problem of its own.


def totals_row_inside(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    ws.append(["序号", "审计发现问题", "整改措施", "责任单位", "整改时限", "已整改金额（万元）", "整改状态"])
    _put(ws, 2, [
        [1, "违规发放津贴补贴", "清退违规发放津贴", "人事科", "2025年6月30日", 12.5, "已完成"],
        [2, "超标准列支接待费", "追回超标准接待费", "办公室", "2025年10月31日", 3.2, "正在推进"],
        [3, "项目资金闲置", "盘活闲置资金", "财务科", "2025年12月31日", None, "未启动"],
        ["合计", None, None, None, None, 15.7, None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "G"},  # 已整改金额: kept
    )


# ---------------------------------------------------------------------------------------------
# 12. 专项整治 with a problem merged down over its measures and the 序号 "（一）" kept per
#     problem; the last measure's status "已完成（已销号）".


def merged_problem_closed_in_brackets(path: Path) -> Expect:
    wb, ws = _new("专项整治")
    ws.append(["序号", "问题", "整改措施", "责任单位", "整改时限", "整改状态"])
    _put(ws, 2, [
        ["（一）", "违规收送礼品礼金", "开展专项排查", "纪检组", "2025年6月30日", "已完成（已销号）"],
        [None, None, "建立节点提醒制度", "办公室", "2025年12月31日", "正在推进"],
        ["（二）", "违规使用公车", "完善公车使用登记", "机关事务科", "2025年7月31日", "已完成（已销号）"],
    ])
    _down(ws, 1, 2, 3)
    _down(ws, 2, 2, 3)
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 13. Another PDF conversion: the header cells broken over lines on the first page ("整改\n措施")
#     and by a space on the next ("整改 措施"), where the converter lost the line break.


def pdf_headers_broken_words(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    ws.append(["序号", "问题", "整改\n措施", "责任\n单位", "整改\n时限", "完成\n情况"])
    _put(ws, 2, [
        [1, "会议记录不规范", "统一会议记录格式", "办公室", "2025年6月30日", "已完成"],
        [2, "合同管理不规范", "建立合同审查台账", "法规科", "2025年11月30日", "完成50%"],
        ["序号", "问题", "整改 措施", "责任 单位", "整改 时限", "完成 情况"],
        [3, "档案归档不及时", "开展档案集中归档", "档案室", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
    )
