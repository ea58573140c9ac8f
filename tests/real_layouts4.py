"""A fourth round of ledgers laid out the way real organisations send them (``real_layouts`` …
``real_layouts3`` have the first three): ledgers kept one sheet per 方面, per 科室 or per 督查组
(with a cover, a 目录, a 汇总 of counts or a 总表 of all rows beside them), headers three rows
deep, 责任单位 over 责任领导/责任部门/责任人, deadlines written as seasons and quarters, status
words of 督查 and 销号 work, 小计/合计 rows inside the table, 填表说明 under it, headers with
spaces and line breaks (and an English line), rows sorted by 责任部门 with the problem repeated,
and ledgers of 安全生产隐患, 环保督察, 主题教育, 审计, 督查 and 巡察.

Each builder writes one workbook to ``path`` (a fictional unit) and returns what the clerk who
filled it in knows about it (``real_layouts.Expect``). ``test_real_layouts4`` runs the real
pipeline over each.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Alignment
from real_layouts import Expect, _new
from real_layouts import _merge_down as _down
from real_layouts import _rows as _put
from real_layouts import _section as _across
from real_layouts2 import _header2

TODAY = "2025-07-15"

# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off

HEADER7 = ["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态"]


# ---------------------------------------------------------------------------------------------
# 1. 区市场监管局巡察整改台账 kept one sheet per 方面: a 封面 and a 填表说明 sheet in front, three
#    方面 sheets of the same header (no 方面 column, 序号 starting at 1 on each), and a 汇总 sheet
#    of counts per 方面 at the end.


def sheet_per_aspect_with_cover(path: Path) -> Expect:
    wb, cover = _new("封面")
    cover.append(["区市场监管局党组落实区委巡察反馈意见整改台账"])
    cover.append(["2025年7月"])
    guide = wb.create_sheet("填表说明")
    guide.append(["1.各方面问题分表填写，每表表头不变。"])
    guide.append(["2.整改状态填写：已完成、正在推进、未启动。"])
    for name, rows in (
        ("政治建设方面", [
            [1, "学习贯彻党的创新理论不够深入", "制定党组理论学习中心组年度计划", "局长", "办公室", "2025年3月31日", "已完成"],
            [2, "落实意识形态责任制不到位", "开展意识形态工作专题研判", "局长", "办公室", "2025年9月30日", "正在推进"],
        ]),
        ("作风建设方面", [
            [1, "检查执法随意性大", "制定行政检查计划并公示", "副局长甲", "法规科", "2025年5月31日", "已完成"],
        ]),
        ("队伍建设方面", [
            [1, "干部交流轮岗不够", "制定科室干部轮岗方案", "副局长乙", "人事科", "2025年12月31日", "未启动"],
            [2, "年轻干部培养不足", "建立年轻干部导师帮带制度", "副局长乙", "人事科", "2025年10月31日", "正在推进"],
        ]),
    ):
        ws = wb.create_sheet(name)
        _across(ws, 1, f"{name}问题整改台账", 7)
        ws.append(HEADER7)
        _put(ws, 3, rows)
    total = wb.create_sheet("汇总")
    total.append(["方面", "问题数", "已完成", "正在推进", "未启动"])
    total.append(["政治建设方面", 2, 1, 1, 0])
    total.append(["作风建设方面", 1, 1, 0, 0])
    total.append(["队伍建设方面", 2, 0, 1, 1])
    wb.save(path)
    return Expect(
        aspects=3, problems=5, measures=5,
        statuses={"已完成": 2, "正在推进": 2, "未启动": 1},
        columns={"序号": "A", "问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 2. 县卫健局督查反馈问题整改台账 kept one sheet per 科室, each with its own 方面 column (the
#    same 方面 on several sheets), a 目录 sheet listing them first.


def sheet_per_office_with_aspect_column(path: Path) -> Expect:
    wb, toc = _new("目录")
    toc.append(["序号", "科室", "问题数"])
    toc.append([1, "医政股", 2])
    toc.append([2, "疾控股", 1])
    header = ["序号", "方面", "反馈问题", "整改措施", "分管领导", "责任股室", "完成时限", "完成情况"]
    ws = wb.create_sheet("医政股")
    ws.append(header)
    _put(ws, 2, [
        [1, "医疗服务", "院感防控制度执行不严", "开展院感专项督查", "副局长甲", "医政股", "2025年6月30日", "已完成"],
        [2, "行业作风", "医药购销领域不正之风整治不深入", "开展集中整治", "副局长甲", "医政股", "2025年12月31日", "持续推进"],
    ])
    ws = wb.create_sheet("疾控股")
    ws.append(header)
    _put(ws, 2, [
        [1, "医疗服务", "预防接种门诊管理不规范", "规范接种门诊设置", "副局长乙", "疾控股", "2025年9月30日", "序时推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 市住建局“四不两直”督查整改: a 总表 of all rows first, then one sheet per 督查组 holding
#    the same rows again: the 总表 is the ledger, the groups' sheets are not counted twice.


def total_sheet_then_groups(path: Path) -> Expect:
    header = ["序号", "督查组", "发现问题", "整改措施", "责任领导", "责任单位", "整改期限", "整改进度"]
    rows = [
        [1, "第一督查组", "工地扬尘治理措施不落实", "督促落实六个百分百", "副局长甲", "建管科", "2025年5月31日", "已完成"],
        [2, "第一督查组", "塔吊安全检查记录不全", "开展起重机械专项检查", "副局长甲", "安监站", "2025年8月31日", "整改中"],
        [3, "第二督查组", "农民工工资专户未开设", "督促开设工资专户", "副局长乙", "劳务科", "2025年6月30日", "已完成"],
    ]
    wb, ws = _new("总表")
    ws.append(header)
    _put(ws, 2, rows)
    for group in ("第一督查组", "第二督查组"):
        ws = wb.create_sheet(group)
        ws.append(header)
        _put(ws, 2, [r for r in rows if r[1] == group])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "C", "整改措施": "D", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 区教育局 one sheet per 方面 and a 汇总表 of all rows at the end (same header): the 汇总表
#    is not counted twice; said in a note.


def aspect_sheets_then_all_rows(path: Path) -> Expect:
    wb, ws = _new("思想政治方面")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "思政课教师配备不足", "按师生比补齐思政课教师", "副局长甲", "人事科", "2025年8月31日", "正在推进"]])
    ws = wb.create_sheet("校园安全方面")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "校车安全管理不到位", "开展校车安全专项检查", "副局长乙", "安全科", "2025年4月30日", "已完成"]])
    ws = wb.create_sheet("汇总表")
    ws.append(HEADER7)
    _put(ws, 2, [
        [1, "思政课教师配备不足", "按师生比补齐思政课教师", "副局长甲", "人事科", "2025年8月31日", "正在推进"],
        [2, "校车安全管理不到位", "开展校车安全专项检查", "副局长乙", "安全科", "2025年4月30日", "已完成"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 5. 区应急局 sheets Sheet1 / Sheet2 of one header and no 方面 anywhere: read as one ledger,
#    the default names are no 方面 (still missing, asked).


def default_named_sheets(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "应急预案未及时修订", "修订区级专项应急预案", "副局长甲", "应急科", "2025年6月30日", "已完成"]])
    ws = wb.create_sheet("Sheet2")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "应急物资储备不足", "补充防汛物资储备", "副局长乙", "救灾科", "2025年5月31日", "未启动"]])
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=2,
        statuses={"已完成": 1, "未启动": 1},
        columns={"问题": "B", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 6. 市审计整改 one sheet per 审计项目 where the second sheet has an extra column: laid out
#    differently, so not joined (the warning stays, naming --sheet).


def sheets_of_different_layouts(path: Path) -> Expect:
    wb, ws = _new("预算执行审计")
    ws.append(["序号", "问题类别", "审计发现问题", "整改措施", "责任领导", "责任单位", "整改时限", "整改状态"])
    _put(ws, 2, [[1, "预算管理", "预算追加频繁", "严格预算调整程序", "副局长甲", "预算科", "2025年6月30日", "已完成"]])
    ws = wb.create_sheet("专项资金审计")
    ws.append(["序号", "问题类别", "审计发现问题", "问题金额（万元）", "整改措施", "责任领导", "责任单位", "整改时限", "整改状态"])
    _put(ws, 2, [[1, "专项资金", "专项资金闲置", 120, "统筹盘活闲置资金", "副局长乙", "经建科", "2025年9月30日", "正在推进"]])
    wb.save(path)
    return Expect(
        aspects=1, problems=1, measures=1,
        statuses={"已完成": 1},
        columns={"方面": "B", "问题": "C", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 7. 省直机关巡视整改: a header three rows deep — 整改落实情况 over (整改责任 over 责任领导 /
#    责任部门) and (整改情况 over 进展 / 状态 / 时限).


def three_row_header(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _across(ws, 1, "省林业局党组巡视整改落实台账", 9)
    _put(ws, 2, [
        ["序号", "方面", "问题", "整改措施", "整改落实情况", None, None, None, None],
        [None, None, None, None, "整改责任", None, "整改情况", None, None],
        [None, None, None, None, "责任领导", "责任部门", "进展", "状态", "时限"],
    ])
    for col in (1, 2, 3, 4):
        ws.merge_cells(start_row=2, start_column=col, end_row=4, end_column=col)
    ws.merge_cells("E2:I2")
    ws.merge_cells("E3:F3")
    ws.merge_cells("G3:I3")
    _put(ws, 5, [
        [1, "政治建设", "林长制落实不到位", "制定林长制考核办法", "局长", "保护处", "办法已印发", "已完成", "2025年3月31日"],
        [2, "政治建设", "生态修复项目推进慢", "建立项目周调度", "副局长甲", "规划处", "已调度12次", "正在推进", "2025年12月31日"],
        [3, "作风建设", "调研走过场", "制定调研成果转化办法", "副局长乙", "办公室", None, "未启动", "2025年10月31日"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改进展及成效": "G", "整改状态": "H", "整改时限": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 县发改局 责任单位 merged over 责任领导 / 责任部门 / 责任人.


def responsibility_under_unit(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _header2(ws, 1,
             ["序号", "方面", "问题", "整改措施", "责任单位", None, None, "整改时限", "整改状态"],
             [None, None, None, None, "责任领导", "责任部门", "责任人", None, None])
    _put(ws, 3, [
        [1, "项目管理", "重点项目储备不足", "建立项目储备库", "副局长甲", "投资股", "甲某", "2025年6月30日", "已完成"],
        [2, "项目管理", "项目前期手续办理慢", "推行并联审批", "副局长甲", "审批股", "乙某", "2025年10月31日", "正在推进"],
        [3, "价格监管", "收费公示不规范", "开展收费公示检查", "副局长乙", "价格股", "丙某", "2025年8月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"责任领导": "E", "责任部门": "F", "责任人": "G", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 水利局汛前检查整改: deadlines as written in such ledgers — quarters, 年底前, a month as
#    "2025.6", and 汛期前 / 春节前 (no day: asked, with what to write).


def seasonal_deadlines(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [1, "水利工程", "小型水库安全鉴定滞后", "完成安全鉴定", "副局长甲", "工管股", "2025年第三季度", "正在推进", None],
        [2, "水利工程", "堤防隐患未处置", "完成堤防除险加固", "副局长甲", "工管股", "汛期前", "正在推进", None],
        [3, "农村供水", "水质检测覆盖不全", "实现水质检测全覆盖", "副局长乙", "供水股", "年底前", "正在推进", None],
        [4, "农村供水", "冬季管网冻损", "更换易冻管网", "副局长乙", "供水股", "春节前", "未启动", None],
        [5, "农村供水", "供水收费不规范", "规范收费标准", "副局长乙", "供水股", "2025.6", "已完成", "2025年6月20日"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=5, measures=5,
        statuses={"已完成": 1, "正在推进": 3, "未启动": 1},
        columns={"整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 区城管局督查整改: status words of 督查 and 销号 work — 持续推进, 序时推进, 已销号, 部分完成,
#     已整改到位待验收, 已完成待销号, 常态化推进, 进度滞后, 未启动.


def supervision_status_words(path: Path) -> Expect:
    wb, ws = _new("督查整改台账")
    ws.append(["序号", "督查类别", "督查反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态"])
    words = ["持续推进", "序时推进", "已销号", "部分完成", "已整改到位待验收", "已完成待销号", "常态化推进", "进度滞后", "未启动"]
    rows = [
        [i + 1, "市容管理" if i < 5 else "环卫管理", f"第{i + 1}项督查问题（{w}）", f"第{i + 1}项整改措施", "副局长甲", "市容科", "2025年12月31日", w]
        for i, w in enumerate(words)
    ]
    rows[6][6] = "长期坚持"
    _put(ws, 2, rows)
    wb.save(path)
    return Expect(
        aspects=2, problems=9, measures=9,
        statuses={"正在推进": 5, "已完成": 1, "基本完成": 2, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 11. 市国资委巡视整改: 一、二、 as 方面 rows and （一）（二） as problem rows that carry their
#     own measure on the same row (no measure rows under them).


def problem_rows_carry_measures(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任处室", "整改时限", "整改情况"])
    _put(ws, 2, [
        ["一、", "党的领导弱化方面", None, None, None, None, None],
        ["（一）", "国企党委前置研究事项清单不全", "修订前置研究讨论事项清单", "主任", "党建处", "2025年5月31日", "已完成"],
        ["（二）", "“三重一大”决策执行不严", "开展决策执行情况专项检查", "副主任甲", "监督处", "2025年9月30日", "正在推进"],
        ["二、", "国有资产监管方面", None, None, None, None, None],
        ["（一）", "境外资产监管薄弱", "建立境外资产定期报告制度", "副主任乙", "监管处", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 12. 县财政局审计整改: 小计 rows after each 方面 and a 合计 row, with 整改金额 summed in them.


def subtotal_rows_inside(path: Path) -> Expect:
    wb, ws = _new("审计整改台账")
    ws.append(["序号", "问题类别", "审计发现问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态", "整改金额（万元）"])
    _put(ws, 2, [
        [1, "预算执行", "超预算支出", "收回超支资金", "副局长甲", "预算股", "2025年6月30日", "已完成", 30],
        [2, "预算执行", "结余资金未上缴", "上缴结余资金", "副局长甲", "国库股", "2025年6月30日", "已完成", 12.5],
        ["小计", None, None, None, None, None, None, None, 42.5],
        [3, "政府采购", "化整为零规避采购", "规范采购程序", "副局长乙", "采购股", "2025年9月30日", "正在推进", None],
        ["小计", None, None, None, None, None, None, None, 0],
        ["合计", None, None, None, None, None, None, None, 42.5],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 13. 乡镇主题教育检视问题清单: 填表说明 lines and 填报人/审核人 under the table.


def notes_under_the_table(path: Path) -> Expect:
    wb, ws = _new("检视问题清单")
    _across(ws, 1, "某镇党委主题教育检视问题整改清单", 8)
    ws.append(["序号", "问题类型", "具体问题", "整改措施", "责任领导", "责任站所", "完成时限", "进展情况"])
    _put(ws, 3, [
        [1, "学习方面", "理论学习不够系统", "制定镇党委理论学习计划", "党委书记", "党政办", "2025年5月31日", "已完成"],
        [2, "服务群众方面", "便民服务事项办理慢", "推行便民服务代办制", "镇长", "便民服务中心", "2025年10月31日", "正在推进"],
    ])
    _put(ws, 6, [
        ["填表说明：1.问题类型按学习、服务群众等填写；2.进展情况填已完成、正在推进、未启动。"],
        ["填报人：某某", None, None, "审核人：某某", None, None, "填报日期：2025年7月10日"],
    ])
    _across(ws, 6, "填表说明：1.问题类型按学习、服务群众等填写；2.进展情况填已完成、正在推进、未启动。", 8)
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 14. 开发区管委会 headers with spaces and line breaks inside, and an English line under the
#     Chinese one (a bilingual template of a foreign-investment zone).


def spaced_and_bilingual_headers(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序 号\nNo.", "方  面\nCategory", "问 题\nProblem", "整改\n措施\nMeasures", "责任\n领导\nLeader",
               "责任\n部门\nDepartment", "整改\n时限\nDeadline", "整改\n状态\nStatus"])
    for c in ws[1]:
        c.alignment = Alignment(wrap_text=True)
    _put(ws, 2, [
        [1, "营商环境", "外资企业注册流程繁琐", "推行外资企业注册一窗通办", "副主任甲", "招商局", "2025年6月30日", "已完成"],
        [2, "营商环境", "涉企检查多头重复", "推行联合检查", "副主任乙", "综合执法局", "2025年11月30日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"序号": "A", "方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 15. 市场监管局 rows sorted by 责任部门: the same problem (repeated, not merged) on rows far
#     apart, one measure per 科室.


def sorted_by_department(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["责任部门", "方面", "问题", "整改措施", "责任领导", "整改时限", "整改状态"])
    _put(ws, 2, [
        ["办公室", "作风建设", "文山会海问题反弹", "压减发文数量", "副局长甲", "2025年6月30日", "已完成"],
        ["办公室", "制度建设", "内控制度不健全", "修订内控手册", "副局长甲", "2025年9月30日", "正在推进"],
        ["法规科", "作风建设", "文山会海问题反弹", "清理规范性文件", "副局长乙", "2025年6月30日", "已完成"],
        ["执法大队", "作风建设", "执法不规范", "推行执法全过程记录", "副局长丙", "2025年8月31日", "正在推进"],
        ["执法大队", "制度建设", "内控制度不健全", "制定执法内控细则", "副局长丙", "2025年10月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=5,
        statuses={"已完成": 2, "正在推进": 2, "未启动": 1},
        columns={"责任部门": "A", "方面": "B", "问题": "C", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 16. 企业安全生产隐患排查治理台账: 隐患类别, 隐患描述, 隐患等级, 整改措施, 整改资金, 整改责任
#     人, 整改期限, 复查人, 复查日期, 是否销号 是/否.


def safety_hazard_ledger(path: Path) -> Expect:
    wb, ws = _new("隐患排查治理台账")
    _across(ws, 1, "某供热公司安全生产隐患排查治理台账", 12)
    ws.append(["序号", "排查日期", "隐患类别", "隐患描述", "隐患等级", "整改措施", "整改资金（万元）", "整改责任人", "整改期限", "复查人", "复查日期", "是否销号"])
    _put(ws, 3, [
        [1, "2025年5月6日", "设备设施", "锅炉房安全阀未定期校验", "一般隐患", "委托检测机构校验安全阀", 0.8, "甲某", "2025年5月31日", "乙某", "2025年5月28日", "是"],
        [2, "2025年5月6日", "消防安全", "换热站灭火器过期", "一般隐患", "更换灭火器", 0.2, "丙某", "2025年5月15日", "乙某", "2025年5月14日", "是"],
        [3, "2025年6月10日", "设备设施", "主管网腐蚀严重", "重大隐患", "更换主管网", 260, "丁某", "2025年10月15日", None, None, "否"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "C", "问题": "D", "整改措施": "F", "责任人": "H", "整改时限": "I", "整改状态": "L"},
    )


# ---------------------------------------------------------------------------------------------
# 17. 环保督察交办信访件办理台账: 交办批次, 受理编号, 行政区域, 污染类型, 交办问题, 调查核实情况,
#     是否属实, 处理和整改情况, 责任单位, 责任人, 办结情况 已办结 / 阶段性办结 / 未办结.


def eco_inspection_petitions(path: Path) -> Expect:
    wb, ws = _new("交办件办理台账")
    ws.append(["序号", "交办批次", "受理编号", "行政区域", "污染类型", "交办问题", "调查核实情况", "是否属实",
               "处理和整改情况", "责任单位", "责任人", "整改时限", "办结情况"])
    _put(ws, 2, [
        [1, "第一批", "X110000202506010001", "甲街道", "大气", "某餐馆油烟扰民", "经核实，油烟净化设施未开启", "属实",
         "责令安装并开启油烟净化设施", "区生态环境分局", "甲某", "2025年6月30日", "已办结"],
        [2, "第一批", "X110000202506010002", "乙镇", "水", "某养殖场污水直排", "经核实，部分属实", "部分属实",
         "责令建设污水收集池", "区农业农村局", "乙某", "2025年9月30日", "阶段性办结"],
        [3, "第二批", "X110000202506050003", "甲街道", "噪声", "夜间施工噪声扰民", "经核实，属实", "属实",
         "责令停止夜间施工", "区住建局", "丙某", "2025年7月31日", "未办结"],
    ])
    wb.save(path)
    return Expect(
        aspects=3, problems=3, measures=3,
        statuses={"已完成": 1, "基本完成": 1, "正在推进": 1},
        columns={"序号": "A", "方面": "E", "问题": "F", "整改措施": "I", "责任部门": "J", "责任人": "K", "整改时限": "L", "整改状态": "M"},
    )


# ---------------------------------------------------------------------------------------------
# 18. 市司法局 sheet per 方面 with 一、 title row above the header of each sheet, and the
#     sheets saved as .xls by WPS (``test_real_layouts4`` converts it).


def aspect_sheets_for_xls(path: Path) -> Expect:
    wb, ws = _new("一、政治建设方面")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "学习制度落实不严", "严格落实第一议题制度", "局长", "办公室", "2025年4月30日", "已完成"]])
    ws = wb.create_sheet("二、法治建设方面")
    ws.append(HEADER7)
    _put(ws, 2, [
        [1, "行政复议纠错率低", "开展复议案件评查", "副局长甲", "复议科", "2025年9月30日", "正在推进"],
        [2, "普法宣传针对性不强", "制定精准普法清单", "副局长乙", "普法科", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 19. 区审计局审计整改 with amounts: 问题金额, 已整改金额, 整改率 and the status 部分整改.


def audit_amounts_and_rate(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    ws.append(["序号", "审计项目", "问题类型", "审计发现问题", "问题金额（万元）", "整改措施", "责任单位", "责任领导",
               "整改时限", "已整改金额（万元）", "整改率", "整改状态"])
    _put(ws, 2, [
        [1, "2024年度预算执行审计", "资金管理", "违规发放津补贴", 35, "清退违规发放津补贴", "区教育局", "副局长甲", "2025年6月30日", 35, "100%", "已整改"],
        [2, "2024年度预算执行审计", "资金管理", "专项资金挪用", 80, "归还原资金渠道", "区文旅局", "副局长乙", "2025年9月30日", 50, "62.5%", "部分整改"],
        [3, "2024年度预算执行审计", "资产管理", "固定资产账实不符", None, "开展资产清查", "区卫健局", "副局长丙", "2025年12月31日", None, None, "未整改"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "C", "问题": "D", "整改措施": "F", "责任部门": "G", "整改时限": "I", "整改状态": "L"},
    )


# ---------------------------------------------------------------------------------------------
# 20. 县巡察办 督查组 sheets with measures numbered 1-1, 1-2 (problem-measure) and problem
#     cells merged; one sheet per 巡察组 named 第一巡察组 / 第二巡察组.


def patrol_group_sheets_merged(path: Path) -> Expect:
    header = ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"]
    wb, ws = _new("第一巡察组")
    ws.append(header)
    _put(ws, 2, [
        ["1-1", "村级财务管理混乱", "规范村级财务审批", "副镇长甲", "经管站", "2025年6月30日", "已完成"],
        ["1-2", "村级财务管理混乱", "开展村级财务审计", "副镇长甲", "经管站", "2025年10月31日", "正在推进"],
    ])
    _down(ws, 2, 2, 3)
    ws = wb.create_sheet("第二巡察组")
    ws.append(header)
    _put(ws, 2, [
        ["1-1", "惠民资金发放不及时", "建立发放台账", "副镇长乙", "民政办", "2025年5月31日", "已完成"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 21. 督查反馈 with 办理进度 (the status words) and 目前进展 (the text).


def handling_progress_columns(path: Path) -> Expect:
    wb, ws = _new("督办事项台账")
    ws.append(["序号", "督办类别", "督办事项", "办理措施", "牵头领导", "承办单位", "办理时限", "目前进展", "办理进度"])
    _put(ws, 2, [
        [1, "民生实事", "老旧小区加装电梯进度慢", "建立加装电梯周调度", "副区长甲", "区住建局", "2025年12月31日", "已开工32部", "序时推进"],
        [2, "民生实事", "社区食堂覆盖不足", "新建社区食堂5个", "副区长乙", "区民政局", "2025年6月30日", "已建成5个", "已办结"],
        [3, "重点项目", "产业园配套道路未开工", "加快道路施工招标", "副区长丙", "区交通局", "2025年9月30日", None, "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任部门": "F", "整改时限": "G", "整改进展及成效": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 22. 一张总台账 where the per-方面 sheets were joined but one sheet has a title row and the
#     other not: header rows differ, columns do not — still one ledger.


def sheets_with_and_without_title(path: Path) -> Expect:
    wb, ws = _new("组织建设方面")
    _across(ws, 1, "组织建设方面整改台账", 7)
    _across(ws, 2, "填报单位：某区委组织部", 7)
    ws.append(HEADER7)
    _put(ws, 4, [[1, "基层党组织换届不规范", "开展换届工作专项检查", "副部长甲", "组织科", "2025年5月31日", "已完成"]])
    ws = wb.create_sheet("干部工作方面")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "干部档案审核不严", "开展干部档案专项审核", "副部长乙", "干部科", "2025年11月30日", "正在推进"]])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"问题": "B", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 23. 区民政局 a 合计 row whose word stands in the 问题 column ("合计" | "共3项"), not the first.


def total_row_in_problem_column(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "社会救助", "低保动态管理不及时", "开展低保对象动态复核", "副局长甲", "救助科", "2025年6月30日", "已完成"],
        [2, "社会救助", "临时救助审批时间长", "下放临时救助审批权限", "副局长甲", "救助科", "2025年9月30日", "正在推进"],
        [3, "养老服务", "养老机构消防隐患整改慢", "开展养老机构消防专项整治", "副局长乙", "养老科", "2025年8月31日", "正在推进"],
        [None, None, "合计", "共3项", None, None, None, "已完成1项"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 24. 县自然资源局 rows sorted by 责任股室 with the 序号 of the problem repeated out of order
#     (1, 2, 1, 3): 序号 names the problem.


def numbered_problems_sorted_by_department(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "耕地保护", "违法占用耕地查处不及时", "建立卫片执法月调度", "副局长甲", "执法大队", "2025年6月30日", "已完成"],
        [2, "耕地保护", "永久基本农田划定不准", "开展永久基本农田核实整改", "副局长甲", "耕保股", "2025年12月31日", "正在推进"],
        [1, "耕地保护", "违法占用耕地查处不及时", "约谈违法占地较多的乡镇", "副局长甲", "耕保股", "2025年5月31日", "已完成"],
        [3, "矿产管理", "矿山生态修复滞后", "制定矿山修复计划", "副局长乙", "矿管股", "2025年10月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"序号": "A", "方面": "B", "问题": "C", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 25. 市商务局 one sheet per 科室, 方面 as 一、 title rows inside each sheet, the same problem
#     taken up by two 科室 (one problem, two measures).


def office_sheets_with_aspect_rows(path: Path) -> Expect:
    header = ["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态"]
    wb, ws = _new("外贸科")
    ws.append(header)
    _put(ws, 2, [
        ["一、", "服务企业方面", None, None, None, None, None],
        [1, "外贸企业帮扶不精准", "建立重点外贸企业联系制度", "副局长甲", "外贸科", "2025年6月30日", "已完成"],
    ])
    ws = wb.create_sheet("市场科")
    ws.append(header)
    _put(ws, 2, [
        ["一、", "服务企业方面", None, None, None, None, None],
        [1, "外贸企业帮扶不精准", "组织企业参加境外展会", "副局长乙", "市场科", "2025年10月31日", "正在推进"],
        ["二、", "市场监管方面", None, None, None, None, None],
        [2, "成品油市场监管不严", "开展成品油流通领域检查", "副局长乙", "市场科", "2025年9月30日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "E", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 26. 区委政法委 one sheet per 方面, the 序号 running on from sheet to sheet (1, 2 | 3), a
#     problem merged over its two measures.


def aspect_sheets_numbered_on(path: Path) -> Expect:
    wb, ws = _new("平安建设方面")
    ws.append(HEADER7)
    _put(ws, 2, [
        [1, "矛盾纠纷排查不深入", "建立矛盾纠纷月排查制度", "副书记甲", "维稳科", "2025年4月30日", "已完成"],
        [None, "矛盾纠纷排查不深入", "开展重点人员走访", "副书记甲", "维稳科", "2025年12月31日", "正在推进"],
        [2, "综治中心实战化不够", "推进综治中心规范化建设", "副书记甲", "综治科", "2025年11月30日", "正在推进"],
    ])
    _down(ws, 1, 2, 3)
    _down(ws, 2, 2, 3)
    ws = wb.create_sheet("法治建设方面")
    ws.append(HEADER7)
    _put(ws, 2, [[3, "执法监督发现问题整改慢", "建立执法监督问题清单", "副书记乙", "执法监督科", "2025年9月30日", "未启动"]])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"序号": "A", "问题": "B", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 27. 区卫健委 headers naming one column two ways ("牵头领导/责任领导", "完成时限、整改期限"),
#     责任处（科）室 with its bracket inside, 完成节点, the status legend in the status header.


def headers_named_two_ways(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类别（方面）", "存在问题", "整改措施", "牵头领导/责任领导", "责任处（科）室",
               "完成时限、整改期限", "完成节点", "整改状态（已完成、正在推进、未启动）"])
    _put(ws, 2, [
        [1, "医疗服务", "基层首诊率偏低", "推进家庭医生签约服务", "副主任甲", "基层卫生科", "2025年12月31日", "2025年6月完成方案", "正在推进"],
        [2, "公共卫生", "慢病管理随访不到位", "开展慢病随访质量检查", "副主任乙", "疾控科", "2025年6月30日", "2025年5月完成检查", "已完成（2025.5.20）"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 28. 街道 主题教育 检视问题 one sheet per 支部 (第一支部 / 机关支部), each with its own 问题类型
#     column, the 序号 starting at 1 on each; status words with the day done in brackets.


def branch_sheets(path: Path) -> Expect:
    header = ["序号", "问题类型", "检视问题", "整改措施", "责任人", "整改时限", "整改情况"]
    wb, ws = _new("第一支部")
    ws.append(header)
    _put(ws, 2, [
        [1, "理论学习", "支部学习流于形式", "推行“三会一课”质量评议", "支部书记甲", "2025年6月30日", "已完成（2025.6.10）"],
        [2, "联系群众", "走访群众频次不够", "建立党员联系户制度", "支部书记甲", "2025年12月31日", "正在推进"],
    ])
    ws = wb.create_sheet("机关支部")
    ws.append(header)
    _put(ws, 2, [
        [1, "理论学习", "青年党员学习积极性不高", "组建青年理论学习小组", "支部书记乙", "2025年9月30日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任人": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 29. 县统计局 a 填报样表 sheet in front, in the ledger's own header with one example row, then
#     one sheet per 方面: the sample is said, not counted.


def sample_sheet_in_front(path: Path) -> Expect:
    wb, ws = _new("填报样表")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "（示例）某方面存在的问题", "（示例）具体整改措施", "分管领导", "责任股室", "2025年6月30日", "已完成"]])
    ws = wb.create_sheet("统计数据质量方面")
    ws.append(HEADER7)
    _put(ws, 2, [
        [1, "基层统计台账不健全", "开展统计台账规范化建设", "副局长甲", "综合股", "2025年9月30日", "正在推进"],
        [2, "统计数据审核不严", "建立数据审核三级复核", "副局长甲", "核算股", "2025年5月31日", "已完成"],
    ])
    ws = wb.create_sheet("统计执法方面")
    ws.append(HEADER7)
    _put(ws, 2, [[1, "执法检查覆盖不足", "制定双随机检查计划", "副局长乙", "执法股", "2025年8月31日", "未启动"]])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 30. 区文旅局 one sheet per 科室 with a 配合科室 and a 联系电话 column on each (kept, not
#     used): said once, on the first sheet.


def office_sheets_with_extra_columns(path: Path) -> Expect:
    header = ["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "配合科室", "联系电话", "整改时限", "整改状态"]
    wb, ws = _new("文物科")
    ws.append(header)
    _put(ws, 2, [[1, "文物安全", "文物消防设施老化", "更新文物消防设施", "副局长甲", "文物科", "办公室", "0000-1234501", "2025年10月31日", "正在推进"]])
    ws = wb.create_sheet("市场科")
    ws.append(header)
    _put(ws, 2, [[1, "市场监管", "演出市场巡查不够", "开展演出市场专项检查", "副局长乙", "市场科", None, "0000-1234502", "2025年6月30日", "已完成"]])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "责任部门": "F", "整改时限": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 31. 县林业局 sheets left as WPS named them (Sheet1, Sheet2), each titled with its 方面 above
#     the header: the title names the 方面.


def default_sheets_titled(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    _across(ws, 1, "一、森林防火方面问题整改台账", 7)
    ws.append(HEADER7)
    _put(ws, 3, [[1, "防火隔离带维护不到位", "开展防火隔离带清理", "副局长甲", "防火办", "2025年3月31日", "已完成"]])
    ws = wb.create_sheet("Sheet2")
    _across(ws, 1, "县林业局巡察整改台账（林地管理方面）", 7)
    ws.append(HEADER7)
    _put(ws, 3, [
        [1, "违法占用林地查处不及时", "建立林地卫片核查机制", "副局长乙", "资源股", "2025年9月30日", "正在推进"],
        [2, "林地定额管理不规范", "修订林地定额管理办法", "副局长乙", "资源股", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "整改状态": "G"},
    )
