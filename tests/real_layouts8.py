"""An eighth round of ledgers laid out the way real organisations send them (``real_layouts`` …
``real_layouts7`` have the first seven): a 县 summary of several units' rows in one sheet under a
单位名称 column, 安全隐患 limits counted in days (整改期限（天）: 7, 15), 填报单位/填报日期 typed into
cells of their own, a hidden sheet of drop-down lists in front of the ledger, two-digit years
("25年6月底"), WPS check boxes (TRUE/FALSE), "☑已完成" and "进度：50%", 序号 in three levels
(1 / 1.1 / 1.1.1), 环保 整治 words, 信访 解决 words with 包案领导 and a phone number, a 乡镇 summary
of 村（社区） with 挂点领导, 小计/总计 rows per 科室 with blank rows between, a ●◐○ legend in the
status header, a subtitle "（截至…）" over a three-row header, 说明 and 审计建议 columns, deadline
forms of this round, the status column first, two .xls files written as WPS writes them (the
binary format), 责任人 with phone numbers, overdue words (进度滞后, 整改滞后), 时间节点 of
several stages, status codes 1/2/3 explained in the header, and a status and a deadline merged
over a problem's measures.

Each builder writes one workbook to ``path`` (a fictional unit) and returns what the clerk who
filled it in knows about it (``real_layouts.Expect``). ``test_real_layouts8`` runs the real
pipeline over each.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from real_layouts import Expect, _new
from real_layouts import _merge_down as _down
from real_layouts import _rows as _put
from real_layouts import _section as _across

TODAY = "2025-07-15"


def _xls(sheet: str) -> tuple[Any, Any]:
    """A workbook in the binary .xls format, as WPS saves one for an old template."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    return book, book.add_sheet(sheet)


def _xls_rows(ws: Any, start: int, rows: list[list[Any]]) -> None:
    """``rows`` from sheet row ``start`` (1-based, as openpyxl counts), dates in a date format."""
    import xlwt

    dated = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, dt.date):
                ws.write(start - 1 + i, j, v, dated)
            else:
                ws.write(start - 1 + i, j, v)


# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


# ---------------------------------------------------------------------------------------------
# 1. 县纪委监委 汇总 of several units' rows in one sheet: 单位名称 merged down over each unit's
#    rows, 序号 starting again at 1 for each unit, 问题具体表现 (no 问题 column), 整改举措,
#    责任科（股）室, 目前整改情况 (the progress), 整改状态.


def county_units_in_one_sheet(path: Path) -> Expect:
    wb, ws = _new("汇总台账")
    width = 10
    _across(ws, 1, "全县作风建设专项检查发现问题整改汇总台账", width)
    _across(ws, 2, "填报单位：县纪委监委党风政风监督室", width)
    ws.append(["单位名称", "序号", "问题类别", "问题具体表现", "整改举措", "责任领导", "责任科（股）室", "整改时限", "目前整改情况", "整改状态"])
    _put(ws, 4, [
        ["县教育局", 1, "会风文风", "文件简报过多过滥", "压减简报数量三分之一", "副局长甲", "办公室", "2025年6月30日", "已压减简报2种", "已完成"],
        [None, 2, "服务群众", "学位申请材料要求过多", "精简入学申请材料", "副局长乙", "基础教育股", "2025年8月31日", "已形成精简清单", "正在推进"],
        ["县卫健局", 1, "会风文风", "会议频次偏多", "推行“无会周”制度", "副局长丙", "办公室", "2025年6月30日", "已试行", "已完成"],
        [None, 2, "服务群众", "基层卫生院夜间值班缺位", "建立夜间值班抽查制度", "副局长丁", "基层卫生股", "2025年9月30日", None, "未启动"],
        ["县交通运输局", 1, "服务群众", "农村客运班线停运未公告", "建立停运公告制度", "副局长戊", "运输管理股", "2025年7月31日", "已起草公告办法", "正在推进"],
    ])
    _down(ws, 1, 4, 5)
    _down(ws, 1, 6, 7)
    wb.save(path)
    return Expect(
        aspects=2, problems=5, measures=5,
        statuses={"已完成": 2, "正在推进": 2, "未启动": 1},
        columns={"单位": "A", "序号": "B", "方面": "C", "问题": "D", "整改措施": "E", "责任领导": "F", "责任部门": "G", "整改时限": "H", "整改进展及成效": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 2. 镇安委办 安全隐患排查整改台账: 排查时间, 企业名称, 隐患内容, 整改责任人（联系电话）, and the
#    limit as a number of days (整改期限（天）: 7 / 15 / 30) — counted from a day the sheet does
#    not say (排查, 下达通知, 签收): asked, not read as a date.


def hazard_days_to_fix(path: Path) -> Expect:
    wb, ws = _new("隐患台账")
    ws.append(["序号", "排查时间", "企业名称", "隐患内容", "整改措施", "整改责任人（联系电话）", "整改期限（天）", "整改状态"])
    _put(ws, 2, [
        [1, dt.date(2025, 6, 3), "某五金加工厂", "车间消防通道堆放杂物", "清理通道并划设禁停线", "厂长甲（13800000001）", 7, "已整改"],
        [2, dt.date(2025, 6, 3), "某五金加工厂", "配电箱无漏电保护", "加装漏电保护器", "厂长甲（13800000001）", 15, "已整改"],
        [3, dt.date(2025, 6, 20), "某农家乐", "液化气瓶未设置独立存放间", "设置独立气瓶间并安装报警器", "经营者乙（13900000002）", 30, "整改中"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "D", "整改措施": "E", "责任人": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 区司法局 Sheet1: the 填报单位 and 填报日期 labels in cells of their own with the values in
#    the cells beside them (A2 "填报单位：" B2 the unit, G2 "填报日期：" H2 a date), not merged.


def filled_by_in_cells(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    _across(ws, 1, "某区司法局落实区委巡察反馈意见整改台账", 9)
    ws["A2"] = "填报单位："
    ws["B2"] = "某区司法局"
    ws["G2"] = "填报日期："
    ws["H2"] = dt.date(2025, 7, 10)
    ws.append(["序号", "问题类型", "存在问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态", "完成时间"])
    _put(ws, 4, [
        [1, "法治建设", "行政执法案卷评查不全面", "开展执法案卷全覆盖评查", "副局长甲", "法治督察科", dt.date(2025, 6, 30), "已完成", dt.date(2025, 6, 27)],
        [2, "法治建设", "法律援助案件回访不及时", "建立援助案件回访台账", "副局长甲", "法律援助中心", dt.date(2025, 9, 30), "正在推进", None],
        [3, "队伍建设", "司法所人员配备不足", "协调增补司法所工作人员", "局长", "政治处", dt.date(2025, 12, 31), "未启动", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 县市场监管局 WPS template: a hidden sheet of drop-down lists ("下拉选项": the status words,
#    the 科室) in front of the ledger, the status cells picking from it (数据有效性).


def hidden_dropdown_sheet(path: Path) -> Expect:
    from openpyxl.worksheet.datavalidation import DataValidation

    wb, lists = _new("下拉选项")
    lists.append(["整改状态", "责任科室"])
    for row in (["已完成", "办公室"], ["正在推进", "食品安全科"], ["未启动", "特种设备科"]):
        lists.append(row)
    lists.sheet_state = "hidden"
    ws = wb.create_sheet("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "食品安全", "校园食堂抽检覆盖不全", "开展校园食堂抽检全覆盖行动", "副局长甲", "食品安全科", "2025年6月30日", "已完成"],
        [2, "食品安全", "网络订餐平台入网审核不严", "约谈平台并开展入网商户核查", "副局长甲", "食品安全科", "2025年9月30日", "正在推进"],
        [3, "特种设备", "老旧电梯隐患排查不到位", "开展老旧电梯安全评估", "副局长乙", "特种设备科", "2025年10月31日", "未启动"],
    ])
    dv = DataValidation(type="list", formula1="下拉选项!$A$2:$A$4", allow_blank=True)
    ws.add_data_validation(dv)
    dv.add("H2:H200")
    wb.active = 1
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 5. 乡镇 clerk writing the year in two digits: "25年6月底", "25.9.30", "25年底前" — read as
#    2025, said in a note (round 10; before: asked for in four digits).


def two_digit_years(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "分管领导", "责任站所", "整改时限", "整改情况"])
    _put(ws, 2, [
        [1, "财务管理", "食堂账目未单独核算", "建立机关食堂独立账簿", "副镇长甲", "财政所", "25年6月底", "已完成"],
        [2, "财务管理", "公务卡结算执行不到位", "推行公务支出公务卡结算", "副镇长甲", "财政所", "25.9.30", "正在推进"],
        [3, "项目管理", "小型水利工程未验收即结算", "组织补充验收", "副镇长乙", "水利站", "25年底前", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 6. 区机关事务局: 是否完成 as WPS check boxes linked to their cells, which hold TRUE / FALSE.


def checkbox_booleans(path: Path) -> Expect:
    wb, ws = _new("整改清单")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "是否完成", "完成时间"])
    _put(ws, 2, [
        [1, "公务用车", "公车加油卡管理混乱", "实行一车一卡登记", "副局长甲", "车辆管理科", "2025年5月31日", True, dt.date(2025, 5, 20)],
        [2, "公务接待", "接待清单填写不全", "规范公务接待清单", "副局长乙", "接待科", "2025年6月30日", True, dt.date(2025, 6, 28)],
        [3, "公务接待", "接待场所未实行定点", "确定定点接待场所并公示", "副局长乙", "接待科", "2025年9月30日", False, None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 7. 区人社局 工作进度 column: "☑已完成", "推进中（完成30%）", "进度：50%", "未开始".


def ticked_progress_words(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "工作进度"])
    _put(ws, 2, [
        [1, "就业服务", "零工市场信息发布不及时", "建立零工信息日更新制度", "副局长甲", "就业科", "2025年6月30日", "☑已完成"],
        [2, "就业服务", "就业补贴审核周期长", "压缩补贴审核时限", "副局长甲", "就业科", "2025年9月30日", "推进中（完成30%）"],
        [3, "社保经办", "社保待遇资格认证不及时", "推行静默认证", "副局长乙", "社保中心", "2025年10月31日", "进度：50%"],
        [4, "社保经办", "退休审批材料多", "精简退休审批材料", "副局长乙", "养老保险科", "2025年12月31日", "未开始"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 市直单位 序号 in three levels: "1" on the 方面 row (its title in the 问题 column), "1.1" on
#    the problem row (its text in the 问题 column), "1.1.1" on each measure row.


def three_level_decimal_numbers(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    _put(ws, 2, [
        ["1", "党的建设方面", None, None, None, None, None],
        ["1.1", "基层党组织“三会一课”落实不严", None, None, None, None, None],
        ["1.1.1", None, "开展支部组织生活专项检查", "机关党委书记", "机关党委", "2025年6月30日", "已完成"],
        ["1.1.2", None, "建立支部工作纪实台账", "机关党委书记", "机关党委", "2025年9月30日", "正在推进"],
        ["1.2", "党员发展程序不规范", None, None, None, None, None],
        ["1.2.1", None, "开展发展党员工作“回头看”", "机关党委书记", "组织人事处", "2025年8月31日", "正在推进"],
        ["2", "作风建设方面", None, None, None, None, None],
        ["2.1", "督查检查考核过多", None, None, None, None, None],
        ["2.1.1", None, "精简年度督查检查考核事项", "副主任甲", "办公室", "2025年6月30日", "已完成"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"已完成": 2, "正在推进": 2},
        columns={"序号": "A", "问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 县生态环境分局 环保督察 整治 ledger: 整治情况 已整治 / 整治中 / 未整治, and 已整治 拟销号.


def eco_rectify_words(path: Path) -> Expect:
    wb, ws = _new("督察整改")
    ws.append(["序号", "问题类型", "交办问题", "整治措施", "责任领导", "责任单位", "整治时限", "整治情况"])
    _put(ws, 2, [
        [1, "水污染", "养殖场废水直排河道", "关停并拆除排污口", "副县长甲", "县农业农村局", "2025年6月30日", "已整治"],
        [2, "水污染", "乡镇污水处理站不正常运行", "更换设备并委托第三方运维", "副县长甲", "县住建局", "2025年9月30日", "整治中"],
        [3, "大气污染", "砖厂脱硫设施未运行", "责令停产整治", "副县长乙", "县生态环境分局", "2025年8月31日", "已整治，拟销号"],
        [4, "大气污染", "建筑工地扬尘防控不到位", "落实工地扬尘“六个百分百”", "副县长乙", "县住建局", "2025年10月31日", "未整治"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 1, "基本完成": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 县信访局 积案 ledger: 包案领导 with a phone number in brackets, 化解时限 by quarter, 解决情况
#     已解决 / 解决中 / 未解决 (an open case being worked on, as 未化解 is).


def petition_resolve_words(path: Path) -> Expect:
    wb, ws = _new("信访积案")
    ws.append(["序号", "信访人", "反映问题", "化解措施", "包案领导", "责任单位", "化解时限", "解决情况"])
    _put(ws, 2, [
        [1, "群众甲", "拆迁安置房逾期未交付", "督促开发商制定交房计划", "副县长甲（13800000011）", "县住建局", "2025年第二季度", "已解决"],
        [2, "群众乙", "养老保险待遇核定有误", "重新核定待遇并补发差额", "副县长乙（13800000012）", "县人社局", "2025年第三季度", "解决中"],
        [3, "群众丙", "宅基地权属争议", "组织权属调查并依法确权", "副县长丙（13800000013）", "县自然资源局", "2025年9月底前", "未解决"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 11. 镇纪委 汇总 of its 村（社区）: 村（社区） merged down over each village's rows, 挂点领导 (the
#     镇 leader linked to the village), 责任人及电话 "村支书王某 13900000001", deadlines "6-12月",
#     "上半年", "年底前" (this year's, said).


def township_villages_hanging_leader(path: Path) -> Expect:
    wb, ws = _new("问题清单")
    ws.append(["村（社区）", "序号", "存在问题", "整改措施", "挂点领导", "责任人及电话", "整改时限", "整改情况"])
    _put(ws, 2, [
        ["东村", 1, "村级财务票据不规范", "规范报账票据并补齐手续", "副镇长甲", "村支书王某 13900000001", "上半年", "已完成"],
        [None, 2, "村务监督委员会履职不到位", "开展村务监督委员会培训", "副镇长甲", "监委会主任赵某 13900000002", "6-12月", "正在推进"],
        ["西社区", 1, "低保评议未公示", "补办评议公示", "副镇长乙", "社区书记钱某 13900000003", "年底前", "正在推进"],
    ])
    _down(ws, 1, 2, 3)
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"问题": "C", "整改措施": "D", "责任人": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 12. 县人民医院 grouped by 科室: blank rows between groups, a 小计 row under each (its count
#     in the 问题 column), a 总计 row at the foot.


def hospital_subtotals_and_total(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "责任科室", "存在问题", "整改措施", "分管院领导", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "医务部", "手术分级授权管理不严", "重新核定手术授权", "副院长甲", "2025年6月30日", "已完成"],
        [2, "医务部", "危急值报告登记不全", "上线危急值闭环管理系统", "副院长甲", "2025年9月30日", "正在推进"],
        ["小计", None, "2项", None, None, None, None],
        [None, None, None, None, None, None, None],
        [3, "护理部", "护理文书书写不规范", "开展护理文书专项质控", "副院长乙", "2025年7月31日", "正在推进"],
        ["小计", None, "1项", None, None, None, None],
        [None, None, None, None, None, None, None],
        ["总计", None, "3项", None, None, None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"责任部门": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 13. 区统计局: 完成情况 marked ● / ◐ / ○, the legend in the header ("完成情况（●已完成 ◐推进中
#     ○未启动）").


def symbols_legend_in_header(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成情况（●已完成 ◐推进中 ○未启动）"])
    _put(ws, 2, [
        [1, "数据质量", "统计台账登记不规范", "开展统计台账规范化建设", "副局长甲", "综合科", "2025年6月30日", "●"],
        [2, "数据质量", "“四上”企业联网直报不及时", "建立直报催报机制", "副局长甲", "工业科", "2025年9月30日", "◐"],
        [3, "统计执法", "统计执法检查覆盖面窄", "制定年度执法检查计划", "局长", "执法大队", "2025年10月31日", "○"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 14. 市委组织部: a title, a subtitle "（截至2025年6月30日）", a 填报单位 line and a three-row header
#     (整改落实 over 责任主体 (牵头领导 | 牵头处室) and 落实情况 (整改进展 | 整改状态)).


def subtitle_three_row_header(path: Path) -> Expect:
    wb, ws = _new("台账")
    width = 9
    _across(ws, 1, "市委组织部落实市委巡察反馈意见整改落实情况台账", width)
    _across(ws, 2, "（截至2025年6月30日）", width)
    _across(ws, 3, "填报单位：市委组织部办公室", width)
    _put(ws, 4, [
        ["序号", "方面", "反馈问题", "整改措施", "整改落实", None, None, None, "整改时限"],
        [None, None, None, None, "责任主体", None, "落实情况", None, None],
        [None, None, None, None, "牵头领导", "牵头处室", "整改进展", "整改状态", None],
    ])
    for col in (1, 2, 3, 4, 9):
        ws.merge_cells(start_row=4, start_column=col, end_row=6, end_column=col)
    ws.merge_cells("E4:H4")
    ws.merge_cells("E5:F5")
    ws.merge_cells("G5:H5")
    _put(ws, 7, [
        [1, "干部工作", "干部选拔任用“一报告两评议”结果运用不够", "建立评议结果分析反馈机制", "常务副部长", "干部监督处", "已印发反馈办法", "已完成", "2025年5月31日"],
        [2, "干部工作", "年轻干部实践锻炼安排不足", "选派年轻干部到基层一线锻炼", "副部长甲", "干部一处", "已选派12名", "正在推进", "2025年12月31日"],
        [3, "基层党建", "村级后备力量储备不足", "实施村级后备干部培育工程", "副部长乙", "组织二处", None, "未启动", "2025年10月31日"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "牵头部门": "F", "整改进展及成效": "G", "整改状态": "H", "整改时限": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 15. 县审计局 审计整改 with 审计建议 beside the 整改措施 and a 说明 column of remarks (kept, not
#     read: 说明 heads the explanation column of sheets that are no ledger).


def audit_advice_and_remarks(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    ws.append(["序号", "审计发现问题", "审计建议", "整改措施", "责任单位", "整改时限", "整改状态", "说明"])
    _put(ws, 2, [
        [1, "专项资金闲置", "盘活闲置资金", "收回闲置资金统筹使用", "县财政局", "2025年6月30日", "已完成", "已收回312万元"],
        [2, "政府采购化整为零规避招标", "严格执行政府采购规定", "开展采购项目合规审查", "县机关事务中心", "2025年9月30日", "正在推进", None],
        [3, "国有资产出租未公开招租", "规范资产出租程序", "到期后公开招租", "县国资中心", "2025年12月31日", "正在推进", "合同2025年11月到期"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"问题": "B", "整改措施": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 16. 街道 ledger whose deadlines are written every way of this round: 2025.6.30, "6月底前",
#     "持续推进", "2025年第三季度", "上半年", "2025年6月30日前完成", "即查即改", "2025年10月中旬",
#     "6-9月".


def deadline_forms_round8(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [1, "党建引领", "小区党支部覆盖不全", "推进小区党支部全覆盖", "书记", "党建办", "2025.6.30", "已完成", dt.date(2025, 6, 20)],
        [2, "党建引领", "在职党员到社区报到不实", "建立报到党员服务积分", "副书记", "党建办", "持续推进", "正在推进", None],
        [3, "社区治理", "物业矛盾调处不及时", "组建物业纠纷调解室", "副主任甲", "社区治理科", "2025年第三季度", "正在推进", None],
        [4, "社区治理", "居民议事会流于形式", "修订居民议事规则", "副主任甲", "社区治理科", "上半年", "已完成", dt.date(2025, 6, 15)],
        [5, "民生服务", "助餐点覆盖不足", "新建社区助餐点3个", "副主任乙", "社会事务科", "2025年6月30日前完成", "正在推进", None],
        [6, "民生服务", "便民热线接通率低", "增加热线坐席", "副主任乙", "便民服务中心", "即查即改", "已完成", dt.date(2025, 5, 10)],
        [7, "城市管理", "背街小巷保洁不到位", "实行保洁网格化考核", "副主任丙", "城管科", "2025年10月中旬", "正在推进", None],
        [8, "城市管理", "共享单车乱停放", "划设停放点并督促企业调运", "副主任丙", "城管科", "6-9月", "正在推进", None],
    ])
    wb.save(path)
    return Expect(
        aspects=4, problems=8, measures=8,
        statuses={"已完成": 3, "正在推进": 5},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 17. 街道 "台账" with the status column first after 序号, then 责任科室 and 责任领导, then the
#     problem and the measure.


def status_column_first(path: Path) -> Expect:
    wb, ws = _new("台账")
    ws.append(["序号", "整改状态", "责任科室", "责任领导", "方面", "问题", "整改措施", "整改时限", "完成时间"])
    _put(ws, 2, [
        [1, "已完成", "党政办", "主任", "机关作风", "窗口工作人员脱岗", "实行窗口在岗巡查", "2025年5月31日", dt.date(2025, 5, 30)],
        [2, "正在推进", "经发办", "副主任甲", "营商服务", "企业走访覆盖不全", "建立企业走访台账", "2025年9月30日", None],
        [3, "未启动", "经发办", "副主任甲", "营商服务", "楼宇招商信息不共享", "搭建楼宇招商信息平台", "2025年12月31日", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"整改状态": "B", "责任部门": "C", "责任领导": "D", "方面": "E", "问题": "F", "整改措施": "G", "整改时限": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 18. 乡镇 巡察整改 saved as .xls by WPS (the binary format): a merged title, the problem merged
#     over its two measures, deadlines typed as text ("2025.6.30", "2025年9月底前"), sheet 整改清单.


def xls_township_merged(path: Path) -> Expect:
    book, ws = _xls("整改清单")
    ws.write_merge(0, 0, 0, 7, "某镇党委落实县委巡察反馈意见整改清单")
    _xls_rows(ws, 2, [
        ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任站所", "整改时限", "整改状态"],
        [1, "惠民政策", "残疾人补贴发放不及时", "建立补贴发放月度对账制度", "副镇长甲", "社会事务办", "2025.6.30", "已完成"],
        [None, None, None, "对滞发补贴逐户补发", "副镇长甲", "社会事务办", "2025年9月底前", "正在推进"],
        [2, "作风建设", "村干部坐班制落实不严", "开展村干部坐班情况暗访", "纪委书记", "纪检监察室", "2025年8月31日", "正在推进"],
    ])
    ws.merge(2, 3, 0, 0)
    ws.merge(2, 3, 1, 1)
    ws.merge(2, 3, 2, 2)
    book.save(str(path))
    return Expect(
        aspects=2, problems=2, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 19. 中学 .xls by WPS with a two-row header (整改责任 over 责任校领导 | 责任处室; 整改情况 over
#     状态 | 完成时间), dates stored as dates.


def xls_school_two_row_header(path: Path) -> Expect:
    book, ws = _xls("Sheet1")
    _xls_rows(ws, 1, [
        ["序号", "存在问题", "整改措施", "整改责任", None, "整改时限", "整改情况", None],
        [None, None, None, "责任校领导", "责任处室", None, "状态", "完成时间"],
    ])
    for col in (0, 1, 2, 5):
        ws.merge(0, 1, col, col)
    ws.merge(0, 0, 3, 4)
    ws.merge(0, 0, 6, 7)
    _xls_rows(ws, 3, [
        [1, "教辅材料征订不规范", "严格执行教辅材料“一科一辅”", "副校长甲", "教务处", dt.date(2025, 6, 30), "已完成", dt.date(2025, 6, 12)],
        [2, "学生体质健康监测走过场", "委托第三方开展体质监测", "副校长乙", "体卫艺处", dt.date(2025, 9, 30), "正在推进", None],
        [3, "校舍维修项目未公开比选", "建立校舍维修项目比选制度", "总务副校长", "总务处", dt.date(2025, 8, 31), "未启动", None],
    ])
    book.save(str(path))
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G", "完成时间": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 20. 区城管局 责任人 written with a phone number: "张某/13800000021", "李某 0571-88880000",
#     "王某（手机13800000023）" — the person is the name.


def person_with_phone(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "责任人", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "市容管理", "户外广告审批不规范", "清理未经审批户外广告", "副局长甲", "市容科", "张某/13800000021", "2025年6月30日", "已完成"],
        [2, "市容管理", "渣土车夜间抛洒", "开展渣土车夜查行动", "副局长甲", "执法大队", "李某 0571-88880000", "2025年9月30日", "正在推进"],
        [3, "环卫作业", "垃圾分类督导员配备不足", "按小区配齐督导员", "副局长乙", "环卫科", "王某（手机13800000023）", "2025年10月31日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "责任人": "G", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 21. 县财政局 status words of lateness: "进度滞后，已完成60%", "整改滞后", "在整改", "已整改".


def overdue_words(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态", "滞后原因"])
    _put(ws, 2, [
        [1, "预算管理", "预算执行率偏低", "建立预算执行月通报制度", "副局长甲", "预算股", "2025年5月31日", "进度滞后，已完成60%", "部分项目前期手续未完成，8月底前完成"],
        [2, "预算管理", "结转结余资金未及时收回", "清理收回结转结余资金", "副局长甲", "国库股", "2025年6月30日", "整改滞后", "部分单位未按时上报，7月底前完成"],
        [3, "债务管理", "隐性债务化解进度慢", "制定年度化债计划", "局长", "债务股", "2025年12月31日", "在整改", None],
        [4, "债务管理", "债务信息填报不准确", "开展债务数据核对", "局长", "债务股", "2025年6月30日", "已整改", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 3},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "延期说明": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 22. 区发改局 时间节点 of several stages without 阶段 labels ("6月底前完成摸底，9月底前完成整改"):
#     the last is the deadline.


def stage_deadlines_unlabelled(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "时间节点", "整改状态"])
    _put(ws, 2, [
        [1, "项目管理", "政府投资项目概算超支", "开展超概项目清查", "副局长甲", "投资科", "2025年6月底前完成摸底，9月底前完成整改", "正在推进"],
        [2, "项目管理", "项目储备库更新不及时", "建立项目库季度更新制度", "副局长甲", "投资科", "2025年6月30日", "已完成"],
        [3, "价格监管", "涉企收费清单未公示", "编制并公示涉企收费清单", "副局长乙", "价格科", "7月底前完成清单编制，10月底前公示", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 23. 县水利局 status as codes 1 / 2 / 3, explained in the header ("整改状态（1.已完成 2.正在推进
#     3.未启动）").


def status_codes_in_header(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态（1.已完成 2.正在推进 3.未启动）"])
    _put(ws, 2, [
        [1, "河湖管理", "河长巡河记录造假", "推行河长巡河电子打卡", "副局长甲", "河长办", "2025年6月30日", 1],
        [2, "河湖管理", "河道采砂监管不到位", "开展非法采砂专项整治", "副局长甲", "水政监察大队", "2025年9月30日", 2],
        [3, "工程建设", "水库除险加固工程进度滞后", "倒排工期加快施工", "副局长乙", "建管股", "2025年12月31日", 2],
        [4, "工程建设", "农村供水工程水质检测不全", "建立水质季度检测制度", "副局长乙", "农水股", "2025年10月31日", 3],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 24. 市属国企 a problem whose 整改时限 and 整改状态 are merged over its two measures (one deadline,
#     one status for the problem), each measure its own 责任部门.


def status_merged_over_measures(path: Path) -> Expect:
    wb, ws = _new("巡视整改")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "选人用人", "中层干部竞聘程序不规范", "修订中层干部竞聘上岗办法", "党委副书记", "人力资源部", "2025年6月30日", "已完成"],
        [None, None, None, "对近三年竞聘结果开展复核", "党委副书记", "纪检监察部", None, None],
        [2, "经营管理", "参股企业管控缺位", "清理低效无效参股企业", "总经理", "投资发展部", "2025年12月31日", "正在推进"],
        [None, None, None, "向参股企业派驻产权代表", "总经理", "人力资源部", None, None],
        [3, "经营管理", "合同管理不规范", "上线合同管理系统", "总法律顾问", "法务部", "2025年9月30日", "未启动"],
    ])
    for col in (1, 2, 3, 7, 8):
        _down(ws, col, 2, 3)
        _down(ws, col, 4, 5)
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=5,
        statuses={"已完成": 2, "正在推进": 2, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 25. 县委办 主题教育检视问题 "整改清单" with a blank spacer row under the header, 问题 merged over
#     measures, 完成情况及佐证 (the progress with the evidence named) and 挂点领导 beside 分管领导.


def theme_spacer_and_evidence(path: Path) -> Expect:
    wb, ws = _new("整改清单")
    ws.append(["序号", "问题类型", "检视问题", "整改措施", "分管领导", "挂点领导", "责任股室", "整改时限", "完成情况及佐证", "整改状态"])
    _put(ws, 3, [
        [1, "调查研究", "调研成果转化不够", "建立调研成果转化清单", "副主任甲", "副主任乙", "综合股", "2025年6月30日", "已印发清单（佐证：县委办通知）", "已完成"],
        [2, "服务群众", "群众来信回复不及时", "实行来信限时回复", "副主任乙", "副主任甲", "信息股", "2025年9月30日", "已回复来信43件", "正在推进"],
        [None, None, None, "每月通报回复情况", "副主任乙", "副主任甲", "督查股", "长期坚持", None, "长期坚持"],
    ])
    _down(ws, 1, 4, 5)
    _down(ws, 2, 4, 5)
    _down(ws, 3, 4, 5)
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "长期坚持": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "G", "整改时限": "H", "整改进展及成效": "I", "整改状态": "J"},
    )
