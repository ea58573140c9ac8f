"""A seventh round of ledgers laid out the way real organisations send them (``real_layouts`` …
``real_layouts6`` have the first six): 巡视反馈 with 党委办公室/纪委/组织部 牵头 and a 序号 like
"一-1", 审计整改 in 万元 with 已整改金额 and a 合计 row of formulas, 中央生态环境保护督察 with 达标/销号
words, 主题教育 进度 as percentages, 民主生活会 problem and measures in one cell, 组织生活会 by 党员,
医院 责任科室（责任人） in one cell, 学校 terms and holidays as deadlines, 国企 status only by an
实际完成时间 being filled, 乡镇 包片领导, 街道 网格, 村"两委", 隐患等级 with 已整改/整改中/未整改
ticks, 1/0 numbers under 已完成/正在推进/未启动 with SUM formulas, 信访 稳控, 营商环境 办理时限 in
工作日, files saved by WPS with text dates, "（一）1" numbering with blank rows between 方面,
deadlines 2025.6.30 / 2025/6/30 / 6月底前 / 年底前 / 2025年三季度 / 9月30日前完成并长期坚持, 完成时间
typed as months, 备注 carrying 已销号, 责任人签字 columns and a COUNTIF 合计 row, 督导意见 and
未完成原因及下步措施, "（一）" section rows with "（1）（2）" measures.

Each builder writes one workbook to ``path`` (a fictional unit) and returns what the clerk who
filled it in knows about it (``real_layouts.Expect``). ``test_real_layouts7`` runs the real
pipeline over each.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

from real_layouts import Expect, _new
from real_layouts import _merge_down as _down
from real_layouts import _rows as _put
from real_layouts import _section as _across
from real_layouts2 import _header2

TODAY = "2025-07-15"


def _cache_formulas(path: Path, sheet: int, values: dict[str, float]) -> None:
    """Give the formula cells of worksheet ``sheet`` (1-based) the values Excel would have
    cached when it saved the file (openpyxl writes the formula alone)."""
    name = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[name].decode("utf-8")
    for ref, value in values.items():
        xml, n = re.subn(
            rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f><v\s*/?>(?:</v>)?',
            lambda m, v=value: f"{m.group(1)}<f>{m.group(2)}</f><v>{v:g}</v>",
            xml,
        )
        assert n == 1, ref
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _as_wps(path: Path) -> None:
    """The document properties WPS writes when it saves a workbook (its name as the application,
    its build number as a custom property)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    app = parts["docProps/app.xml"].decode("utf-8")
    parts["docProps/app.xml"] = re.sub(
        r"<Application>[^<]*</Application>", "<Application>WPS 表格</Application>", app
    ).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _wps_props(wb: Any) -> None:
    from openpyxl.packaging.custom import StringProperty

    wb.custom_doc_props.append(StringProperty(name="KSOProductBuildVer", value="2052-12.1.0.16250"))
    wb.custom_doc_props.append(StringProperty(name="ICV", value="9C1F0A6E8B2D4F5E9A7C3B1D2E4F6A8B"))


# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


# ---------------------------------------------------------------------------------------------
# 1. 某学院党委落实巡视反馈意见整改台账: "一、" section rows, a 序号 like "一-1" (方面-问题),
#    牵头领导, 牵头部门 (党委办公室 / 纪委 / 组织部), 配合部门, 完成时限 2025.6.30 / 2025/6/30 / 年底前.


def xunshi_party_offices_lead(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    width = 8
    _across(ws, 1, "中共某学院委员会落实省委第三巡视组反馈意见整改台账", width)
    ws.append(["序号", "反馈问题", "整改措施", "牵头领导", "牵头部门", "配合部门", "完成时限", "完成情况"])
    _across(ws, 3, "一、党的领导弱化方面", width)
    _put(ws, 4, [
        ["一-1", "落实“第一议题”制度不到位", "修订党委会议事规则，把学习习近平总书记重要讲话精神列为第一议题", "党委书记", "党委办公室", "宣传部", "2025.6.30", "已完成"],
        ["一-2", "二级党组织议事规则执行不严", "开展二级党组织会议记录专项检查", "党委副书记", "组织部", "各二级党组织", "2025/9/30", "正在推进"],
    ])
    _across(ws, 6, "二、全面从严治党不力方面", width)
    _put(ws, 7, [
        ["二-1", "监督执纪“四种形态”运用不充分", "建立谈话提醒工作台账", "纪委书记", "纪委", "组织部", "2025/6/30", "已完成"],
        ["二-2", "科研经费管理存在廉政风险", "开展科研经费使用专项审计", "纪委书记", "纪委", "审计处、科研处", "年底前", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"序号": "A", "问题": "B", "整改措施": "C", "责任领导": "D", "牵头部门": "E", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 2. 县审计局 审计整改台账 in 万元: a two-row header with 整改情况 over 已完成 / 正在推进 / 未启动
#    holding ✓ marks, 问题金额 and 已整改金额 in 万元, and a 合计 row of SUM formulas (cached as
#    Excel saves them).


def audit_wan_yuan_ticked(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    top = ["序号", "审计发现问题", "问题金额（万元）", "整改措施", "责任单位", "整改时限", "整改情况", None, None, "已整改金额（万元）"]
    sub = [None, None, None, None, None, None, "已完成", "正在推进", "未启动", None]
    _header2(ws, 1, top, sub)
    _put(ws, 3, [
        [1, "违规发放工作人员津补贴", 12.5, "追回违规发放的津补贴", "县水利局", "2025年6月30日", "✓", None, None, 12.5],
        [2, "项目资金拨付不及时", 230, "按工程进度拨付项目资金", "县财政局", "2025年9月30日", None, "✓", None, 150],
        [3, "工程结算多计工程款", 41.8, "核减多计工程款并收回", "县交通运输局", "2025年10月31日", None, None, "✓", None],
        ["合计", None, "=SUM(C3:C5)", None, None, None, None, None, None, "=SUM(J3:J5)"],
    ])
    wb.save(path)
    _cache_formulas(path, 1, {"C6": 284.3, "J6": 162.5})
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 中央生态环境保护督察反馈问题整改台账 (a 市): 整改任务, 整改目标 (达标 words), 牵头单位 and 责任
#    单位, 整改时限 年底前 / 2025年三季度, 整改进展, 整改状态 in 督察 words (已完成整改并销号,
#    达到序时进度, 已达标待销号, 未达到序时进度), 备注 carrying 已销号.


def eco_inspection_standard_words(path: Path) -> Expect:
    wb, ws = _new("督察整改")
    _across(ws, 1, "某市贯彻落实第二轮中央生态环境保护督察报告整改方案任务清单", 11)
    ws.append(["序号", "整改任务", "整改目标", "整改措施", "责任领导", "牵头单位", "责任单位", "整改时限", "整改进展", "整改状态", "备注"])
    _put(ws, 3, [
        [1, "城市黑臭水体治理不彻底", "建成区黑臭水体全面消除，水质稳定达标", "实施截污纳管和清淤工程", "副市长甲", "市住建局", "各区政府", "2025年6月30日", "截污纳管工程已完工，水质连续3个月达标", "已完成整改并销号", "已销号"],
        [2, "工业园区污水处理厂超负荷运行", "园区污水处理能力满足需求，出水稳定达标", "扩建园区污水处理厂", "副市长甲", "市生态环境局", "高新区管委会", "年底前", "扩建工程主体完工", "达到序时进度", None],
        [3, "矿山生态修复滞后", "完成历史遗留矿山生态修复", "编制矿山生态修复方案并组织实施", "副市长乙", "市自然资源局", "各县政府", "2025年三季度", "已完成修复，待省级验收", "已达标待销号", None],
        [4, "秸秆露天焚烧屡禁不止", "秸秆综合利用率达到95%以上", "建立网格化秸秆禁烧监管机制", "副市长乙", "市农业农村局", "各县政府", "2025年10月31日", "综合利用率89%", "未达到序时进度", None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "基本完成": 1},
        columns={"问题": "B", "整改目标": "C", "整改措施": "D", "责任领导": "E", "牵头部门": "F", "责任部门": "G", "整改时限": "H", "整改进展及成效": "I", "整改状态": "J", "备注": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 主题教育检视问题清单 (区卫健委): 问题类别, 检视出的问题, 整改进度 as percentages (typed "100%"
#    and numbers in a percent format), 整改时限 2025年三季度 / 即知即改 / 长期坚持.


def theme_review_percentages(path: Path) -> Expect:
    wb, ws = _new("检视问题清单")
    ws.append(["序号", "问题类别", "检视出的问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改进度"])
    _put(ws, 2, [
        [1, "理论学习", "学习形式单一", "推行“线上+线下”学习模式", "主任", "办公室", "即知即改", "100%"],
        [2, "调查研究", "到基层医疗机构调研少", "班子成员每季度到乡镇卫生院调研1次", "副主任甲", "基层卫生科", "长期坚持", 0.5],
        [3, "为民服务", "群众就医排队时间长", "推行分时段预约诊疗", "副主任乙", "医政科", "2025年三季度", 0.6],
        [4, "为民服务", "家庭医生签约服务不实", "开展签约服务质量核查", "副主任乙", "基层卫生科", "2025年12月31日", 0],
    ])
    for r in (3, 4, 5):
        ws.cell(row=r, column=8).number_format = "0%"
    wb.save(path)
    return Expect(
        aspects=3, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 5. 局党组民主生活会查摆问题整改清单: the problem and its measures in one cell ("问题：……
#    整改措施：1.……2.……3.……"), 责任领导 the 班子成员, 整改时限, 完成情况. The clerk's own labels
#    say where the problem ends: split at them (round 10), the measures numbered, each its own.


def life_meeting_problem_and_measures(path: Path) -> Expect:
    wb, ws = _new("查摆问题整改清单")
    ws.append(["序号", "查摆问题及整改措施", "责任领导", "责任科室", "整改时限", "完成情况"])
    _put(ws, 2, [
        [1, "问题：理论学习不够系统深入。\n整改措施：1.制定党组理论学习中心组年度学习计划；2.每季度开展一次专题研讨；3.班子成员每年撰写理论文章1篇。",
         "党组书记", "办公室", "2025年12月31日", "正在推进"],
        [2, "问题：联系服务群众不够经常。\n整改措施：1.建立班子成员联系基层点制度；2.每月开展一次“局长接待日”。",
         "党组副书记", "机关党委", "2025年9月30日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=5,  # the numbered measures, each its own
        statuses={"正在推进": 5},
        columns={"整改措施": "B", "责任领导": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 6. 党支部组织生活会 查摆问题整改清单: one row per 党员 (党员姓名), 查摆问题, 整改措施, 整改时限,
#    整改情况 (已整改 / 整改中); no 方面, no leader, no 部门.


def branch_members_review(path: Path) -> Expect:
    wb, ws = _new("组织生活会")
    _across(ws, 1, "某局机关第二党支部2024年度组织生活会查摆问题整改清单", 6)
    ws.append(["序号", "党员姓名", "查摆问题", "整改措施", "整改时限", "整改情况"])
    _put(ws, 3, [
        [1, "张某", "学习主动性不强", "每周自学党章党规不少于2小时", "长期坚持", "整改中"],
        [2, "李某", "参加支部活动不够积极", "按时参加“三会一课”", "立行立改", "已整改"],
        [3, "王某", "业务钻研不深", "参加业务培训并撰写心得", "2025年9月30日", "整改中"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"正在推进": 2, "已完成": 1},
        columns={"责任人": "B", "问题": "C", "整改措施": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 7. 县人民医院 巡察整改台账: 分管院领导, "责任科室（责任人）" holding "医务部（张三）", 是否完成
#    (是 / 否), 整改进展.


def hospital_dept_and_person(path: Path) -> Expect:
    wb, ws = _new("巡察整改")
    ws.append(["序号", "问题类别", "存在问题", "整改措施", "分管院领导", "责任科室（责任人）", "完成时限", "整改进展", "是否完成"])
    _put(ws, 2, [
        [1, "医疗质量", "病历书写不规范", "开展运行病历专项检查", "副院长甲", "医务部（张三）", "2025年6月30日", "已检查病历1200份，通报问题病历35份", "是"],
        [2, "医疗质量", "抗菌药物使用率偏高", "实行抗菌药物分级管理", "副院长甲", "药学部（李四）", "2025年9月30日", "已制定分级目录", "否"],
        [3, "行风建设", "收受“红包”问题时有发生", "签订医患双方不收受“红包”协议", "纪委书记", "纪检监察室（王五）", "2025年8月31日", "已签订协议3200份", "否"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改进展及成效": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 某中学 督导反馈问题整改台账: deadlines by the school year ("本学期末", "2025年秋季开学前",
#    "寒假前") beside dated ones: a term or a holiday is no day, asked about cell by cell.


def school_terms_and_holidays(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "分管校领导", "责任处室", "整改时限", "完成情况"])
    _put(ws, 2, [
        [1, "作业总量控制不严", "建立年级作业统筹公示制度", "副校长甲", "教务处", "本学期末", "正在推进"],
        [2, "课后服务内容单一", "增设科技、艺术类课后服务课程", "副校长甲", "教务处", "2025年秋季开学前", "正在推进"],
        [3, "校园安全隐患排查不及时", "落实每周安全巡查制度", "副校长乙", "安保处", "2025年5月31日", "已完成"],
        [4, "食堂食材验收记录不全", "配备食材验收电子台账", "副校长乙", "总务处", "寒假前", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=4, measures=4,
        statuses={"正在推进": 2, "已完成": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 国企子公司 巡察整改台账 with no status column: 计划完成时间 and 实际完成时间; the clerk records
#    a measure as done by filling its 实际完成时间. Not taken for 已完成 (as a blank status beside
#    a date is not): the missing 整改状态 column is asked for, naming the rows with a date.


def soe_done_by_date_only(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类型", "问题描述", "整改措施", "责任领导", "责任部门", "责任人", "计划完成时间", "实际完成时间"])
    _put(ws, 2, [
        [1, "“三重一大”决策", "重大事项未经集体决策", "修订“三重一大”决策实施办法", "董事长", "综合办公室", "主任甲", dt.date(2025, 5, 31), dt.date(2025, 5, 26)],
        [2, "“三重一大”决策", "决策会议记录不完整", "规范会议记录并建立归档台账", "董事长", "综合办公室", "主任甲", dt.date(2025, 6, 30), dt.date(2025, 6, 20)],
        [3, "选人用人", "中层干部轮岗交流不足", "制定中层干部轮岗交流办法", "党委副书记", "人力资源部", "经理乙", dt.date(2025, 9, 30), None],
        [4, "财务管理", "往来款长期挂账未清理", "开展往来款专项清理", "总会计师", "财务部", "经理丙", dt.date(2025, 6, 30), None],
    ])
    wb.save(path)
    return Expect(
        aspects=3, problems=4, measures=4,
        statuses={},  # (the dates alone: asked, not taken for 已完成)
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "责任人": "G", "整改时限": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 乡镇 巡察整改: 包片领导 beside the 分管领导, 责任站所, deadlines 6月底前 / 年底前 (this
#     year's, said), "次年春节前" (a festival: asked).


def township_area_leaders(path: Path) -> Expect:
    wb, ws = _new("巡察整改")
    ws.append(["序号", "问题类别", "存在问题", "整改措施", "分管领导", "包片领导", "责任站所", "整改时限", "整改情况"])
    _put(ws, 2, [
        [1, "惠民资金", "低保动态管理不及时", "开展低保对象入户核查", "副镇长甲", "副镇长甲", "民政办", "6月底前", "已完成"],
        [2, "惠民资金", "耕地地力补贴面积核实不准", "重新核实补贴面积并公示", "副镇长乙", "人大主席", "农业服务中心", "年底前", "正在推进"],
        [3, "基层治理", "农村集体“三资”管理混乱", "开展集体资产清产核资", "镇党委副书记", "副镇长乙", "三资代理中心", "次年春节前", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "G", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 11. 街道 网格化 问题处置台账: 所属网格, 网格员, 发现时间, 问题描述, 处置措施, 责任科室, 处置时限,
#     处置状态 (已处置 / 处置中 / 未处置).


def street_grid_events(path: Path) -> Expect:
    wb, ws = _new("网格问题台账")
    ws.append(["序号", "所属网格", "网格员", "发现时间", "问题描述", "处置措施", "分管领导", "责任科室", "处置时限", "处置状态"])
    _put(ws, 2, [
        [1, "第一网格", "网格员甲", dt.date(2025, 6, 2), "小区楼道堆放杂物", "组织物业清理楼道杂物", "副主任甲", "城管科", dt.date(2025, 6, 10), "已处置"],
        [2, "第一网格", "网格员甲", dt.date(2025, 6, 20), "路灯损坏多处", "报修并更换路灯", "副主任甲", "城管科", dt.date(2025, 7, 31), "处置中"],
        [3, "第三网格", "网格员乙", dt.date(2025, 7, 1), "独居老人无人照料", "落实结对帮扶并安装应急呼叫设备", "副主任乙", "社会事务科", dt.date(2025, 8, 15), "未处置"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "E", "整改措施": "F", "责任领导": "G", "责任部门": "H", "整改时限": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 12. 村"两委" 巡察整改清单: no leader or 部门 columns, 责任人 "村支书张某", 整改时限, 整改情况,
#     备注 with 已销号 on the done rows.


def village_two_committees(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    _across(ws, 1, "某村“两委”巡察反馈问题整改清单", 7)
    ws.append(["序号", "存在问题", "整改措施", "责任人", "整改时限", "整改情况", "备注"])
    _put(ws, 3, [
        [1, "村务公开不及时", "每季度在公开栏公开村务财务", "村支书张某", "2025年6月30日", "已整改", "已销号"],
        [2, "集体土地发包未经村民代表会议", "召开村民代表会议重新表决发包方案", "村主任李某", "2025年8月31日", "整改中", None],
        [3, "“三会一课”记录不规范", "规范党支部会议记录本", "村支书张某", "立行立改", "已整改", "已销号"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "责任人": "D", "整改时限": "E", "整改状态": "F", "备注": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 13. 企业 安全生产隐患排查整改台账: 隐患等级 (重大 / 一般), 整改资金 in 万元, and 整改情况 over
#     已整改 / 整改中 / 未整改 holding ✓ (the status words of a hazard list, not 已完成 …).


def hazard_grades_ticked(path: Path) -> Expect:
    wb, ws = _new("隐患台账")
    top = ["序号", "隐患名称", "隐患等级", "整改措施", "分管负责人", "责任部门", "整改资金（万元）", "整改期限", "整改情况", None, None]
    sub = [None, None, None, None, None, None, None, None, "已整改", "整改中", "未整改"]
    _header2(ws, 1, top, sub)
    _put(ws, 3, [
        [1, "配电室未配备绝缘垫", "一般", "购置绝缘垫并铺设", "副总经理甲", "设备部", 0.3, "立即", "✓", None, None],
        [2, "液氨储罐区可燃气体报警器失效", "重大", "更换报警器并接入DCS系统", "总经理", "安环部", 6, dt.date(2025, 8, 31), None, "✓", None],
        [3, "特种作业人员证书过期", "一般", "组织复审取证", "副总经理乙", "人力资源部", None, dt.date(2025, 9, 30), None, None, "✓"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 14. 区直单位 巡察整改: 整改情况 over 已完成 / 正在推进 / 未启动 holding 1 and 0 (so the unit can
#     SUM them), a 合计 row of SUM formulas under the table, blank rows between the 方面.


def ones_and_zeros_summed(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    top = ["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改情况", None, None]
    sub = [None, None, None, None, None, None, None, "已完成", "正在推进", "未启动"]
    _header2(ws, 1, top, sub)
    _put(ws, 3, [
        [1, "政治建设", "政治理论学习走过场", "建立学习考勤和测试制度", "局长", "办公室", "2025年6月30日", 1, 0, 0],
        [2, "政治建设", "意识形态阵地管理松", "开展意识形态阵地排查", "局长", "办公室", "2025年9月30日", 0, 1, 0],
    ])
    _put(ws, 6, [
        [3, "作风建设", "文件会议过多", "精简会议文件", "副局长", "办公室", "2025年8月31日", 0, 1, 0],
        [4, "作风建设", "服务企业不主动", "建立局领导联系企业制度", "副局长", "产业科", "2025年10月31日", 0, 0, 1],
    ])
    _put(ws, 9, [["合计", None, None, None, None, None, None, "=SUM(H3:H7)", "=SUM(I3:I7)", "=SUM(J3:J7)"]])
    wb.save(path)
    _cache_formulas(path, 1, {"H9": 1, "I9": 2, "J9": 1})
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 15. 县信访局 信访积案化解台账: 信访人, 信访事项, 包案领导, 责任单位, 稳控责任人, 化解措施,
#     化解时限 typed "2025/6/30" as text, 化解情况 (已化解 / 稳控中 / 未化解).


def petition_stability_watch(path: Path) -> Expect:
    wb, ws = _new("信访积案")
    ws.append(["序号", "信访人", "信访事项", "包案领导", "责任单位", "稳控责任人", "化解措施", "化解时限", "化解情况"])
    _put(ws, 2, [
        [1, "赵某", "反映拆迁安置房久拖未交付", "副县长甲", "县住建局", "科长甲", "督促开发企业限期交付", "2025/6/30", "已化解"],
        [2, "钱某", "反映工伤认定结论不公", "副县长乙", "县人社局", "科长乙", "组织专家复核并答复", "2025/9/30", "稳控中"],
        [3, "孙某", "反映村集体收益分配不公", "副县长丙", "某镇政府", "副镇长丙", "指导村集体重新核算分配", "2025/10/31", "未化解"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"问题": "C", "责任领导": "D", "责任部门": "E", "整改措施": "G", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 16. 营商环境 问题清单 (县营商办): 问题来源 (12345热线 / 企业座谈会), 涉及企业, 牵头单位 and 配合
#     单位, 办理时限 "15个工作日内" (a length of time, not a day: asked) beside dated ones,
#     办理结果 (已办结 / 办理中).


def business_environment_working_days(path: Path) -> Expect:
    wb, ws = _new("问题清单")
    ws.append(["序号", "问题来源", "涉及企业", "问题描述", "整改措施", "分管县领导", "牵头单位", "配合单位", "办理时限", "办理结果"])
    _put(ws, 2, [
        [1, "12345热线", "某食品公司", "企业反映水电气报装时间长", "推行水电气联合报装", "副县长甲", "县发改局", "县供电公司", "2025年6月30日", "已办结"],
        [2, "企业座谈会", "某机械公司", "企业反映涉企检查频次过多", "推行“综合查一次”", "副县长甲", "县司法局", "县市场监管局", "15个工作日内", "办理中"],
        [3, "12345热线", "某物流公司", "企业反映货车通行证办理难", "简化货车通行证办理流程", "副县长乙", "县公安局", None, "2025年9月30日", "办理中"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,  # 问题来源 (12345热线 / 企业座谈会) is the 方面 (round 10)
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "D", "整改措施": "E", "责任领导": "F", "牵头部门": "G", "整改时限": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 17. A ledger saved by WPS: 序号 and the dates typed as text ("1", "2025/6/30", "2025/6/20"),
#     the application WPS 表格 in the properties.


def wps_text_dates(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _wps_props(wb)
    ws.append(["序号", "问题类型", "问题", "整改措施", "责任领导", "责任部门", "完成时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        ["1", "制度建设", "请示报告制度落实不严", "修订重大事项请示报告办法", "局长", "办公室", "2025/6/30", "已完成", "2025/6/20"],
        ["2", "制度建设", "内部审计制度缺失", "制定内部审计工作规定", "副局长", "财务科", "2025/9/30", "正在推进", None],
        ["3", "队伍建设", "年轻干部培养不足", "实施年轻干部“墩苗”计划", "局长", "人事科", "2025/12/31", "未启动", None],
    ])
    wb.save(path)
    _as_wps(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"序号": "A", "方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 18. 县直部门 with "一、" section rows and a 序号 "（一）1" / "（一）2" / "（二）1" (the problem's
#     number, then the measure's), blank rows between the 方面.


def bracketed_problem_numbers(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    width = 8
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态", "完成时间"])
    _across(ws, 2, "一、政治建设方面", width)
    _put(ws, 3, [
        ["（一）1", "学习贯彻上级精神不及时", "建立重要精神第一时间传达学习机制", "局长", "办公室", "2025年5月31日", "已完成", dt.date(2025, 5, 15)],
        ["（一）2", "学习贯彻上级精神不及时", "每月开展一次专题学习", "局长", "办公室", "长期坚持", "长期坚持", dt.date(2025, 6, 30)],
        ["（二）1", "请示报告不规范", "制定重大事项请示报告清单", "副局长甲", "办公室", "2025年9月30日", "正在推进", None],
    ])
    _across(ws, 7, "二、廉政建设方面", width)
    _put(ws, 8, [
        ["（一）1", "公务用车管理不严", "实行公车使用登记审批", "副局长乙", "机关事务股", "2025年6月30日", "已完成", dt.date(2025, 6, 10)],
        ["（二）1", "政府采购程序不规范", "建立采购需求论证制度", "副局长乙", "财务股", "2025年10月31日", "未启动", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=5,
        statuses={"已完成": 2, "长期坚持": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G", "完成时间": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 19. 街道 ledger whose deadlines are written every way the clerks of one office do: 2025.6.30,
#     2025/6/30, 6月底前, 年底前, 2025年三季度, "9月30日前完成并长期坚持", "立行立改并长期坚持".


def deadline_forms_round7(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [1, "基层党建", "社区党组织书记培训不足", "开展社区书记轮训", "书记", "党建办", "2025.6.30", "已完成", dt.date(2025, 6, 25)],
        [2, "基层党建", "党员教育管理不严", "建立党员积分管理制度", "副书记", "党建办", "2025/9/30", "正在推进", None],
        [3, "基层党建", "“两新”组织党建覆盖不全", "开展“两新”组织党建全覆盖行动", "副书记", "党建办", "年底前", "正在推进", None],
        [4, "民生服务", "养老服务站点运营不佳", "引入专业机构运营养老服务站", "副主任甲", "社会事务科", "2025年三季度", "正在推进", None],
        [5, "民生服务", "便民服务事项办理慢", "推行便民服务“一窗通办”", "副主任甲", "便民服务中心", "9月30日前完成并长期坚持", "正在推进", None],
        [6, "民生服务", "居民投诉回应不及时", "实行投诉48小时回应制", "副主任乙", "社会事务科", "立行立改并长期坚持", "长期坚持", dt.date(2025, 4, 30)],
        [7, "城市管理", "占道经营反弹", "开展占道经营集中整治", "副主任乙", "城管科", "6月底前", "正在推进", None],
    ])
    wb.save(path)
    return Expect(
        aspects=3, problems=7, measures=7,
        statuses={"已完成": 1, "正在推进": 5, "长期坚持": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 20. 事业单位 with no status column: the 备注 carries it ("已销号", "正在推进", "未启动，待资金到位").


def remarks_carry_closure(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "完成时间", "备注"])
    _put(ws, 2, [
        [1, "资产管理", "房屋出租未经审批", "补办出租审批手续", "副主任", "资产科", "2025年6月30日", dt.date(2025, 6, 18), "已销号"],
        [2, "资产管理", "固定资产账卡不符", "开展资产清查盘点", "副主任", "资产科", "2025年9月30日", None, "正在推进"],
        [3, "项目管理", "信息化项目未验收即付款", "组织项目补充验收", "主任", "信息科", "2025年12月31日", None, "未启动，待资金到位"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "完成时间": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 21. 区住建局 whose clerk typed the 完成时间 as months ("2025年6月" / "2025-5"): Excel keeps the
#     1st and shows the month. The clerk means "done in that month", not on its 1st.


def finished_typed_as_months(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [1, "工程建设", "招投标监管不严", "开展招投标项目专项检查", "副局长甲", "建管股", dt.date(2025, 6, 30), "已完成", dt.datetime(2025, 6, 1)],
        [2, "工程建设", "农民工工资保证金收缴不全", "全面清查并补缴保证金", "副局长甲", "建管股", dt.date(2025, 5, 31), "已完成", dt.datetime(2025, 5, 1)],
        [3, "城市管理", "燃气安全检查不到位", "开展燃气用户入户安检", "副局长乙", "燃气办", dt.date(2025, 4, 30), "已完成", dt.datetime(2025, 6, 1)],
        [4, "城市管理", "园林绿化养护不到位", "修订园林养护考核办法", "副局长乙", "园林股", dt.date(2025, 9, 30), "正在推进", None],
    ])
    for r, fmt in ((2, 'yyyy"年"m"月"'), (3, "yyyy-m"), (4, 'yyyy"年"m"月"')):
        ws.cell(row=r, column=9).number_format = fmt
    for r in (2, 3, 4, 5):
        ws.cell(row=r, column=7).number_format = 'yyyy"年"m"月"d"日"'
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 3, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 22. 市纪委监委 督办台账 with "责任单位/责任人" in one column ("组织部/王某"): the 部门 before the
#     slash, the person after it.


def dept_slash_person(path: Path) -> Expect:
    wb, ws = _new("督办台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任单位/责任人", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "选人用人", "干部档案审核不严", "开展干部档案专项审核", "常务副部长", "干部科/王某", "2025年6月30日", "已完成"],
        [2, "选人用人", "年轻干部储备不足", "建立优秀年轻干部库", "常务副部长", "干部科/王某", "2025年10月31日", "正在推进"],
        [3, "基层党建", "软弱涣散党组织整顿不彻底", "实行县级领导包联整顿", "副部长", "组织科/李某", "2025年9月30日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 23. 县国资委 three-row header: 整改落实情况 over 整改情况 (已完成 / 正在推进 / 未启动 with √) and
#     完成时间; 责任 over 领导 / 部门.


def three_rows_tick_groups(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _put(ws, 1, [
        ["序号", "方面", "问题", "整改措施", "责任", None, "整改时限", "整改落实情况", None, None, None],
        [None, None, None, None, "领导", "部门", None, "整改情况", None, None, "完成时间"],
        [None, None, None, None, None, None, None, "已完成", "正在推进", "未启动", None],
    ])
    for col in (1, 2, 3, 4, 7):
        ws.merge_cells(start_row=1, start_column=col, end_row=3, end_column=col)
    ws.merge_cells("E1:F1")
    ws.merge_cells("E2:E3")
    ws.merge_cells("F2:F3")
    ws.merge_cells("H1:K1")
    ws.merge_cells("H2:J2")
    ws.merge_cells("K2:K3")
    _put(ws, 4, [
        [1, "国资监管", "出资企业投资监管缺位", "建立投资项目负面清单", "主任", "规划发展科", "2025年6月30日", "√", None, None, dt.date(2025, 6, 26)],
        [2, "国资监管", "企业负责人薪酬审核不严", "开展薪酬专项审计", "副主任", "考核分配科", "2025年8月31日", None, "√", None, None],
        [3, "党的建设", "国企党建入章程不全", "指导企业完成章程修订", "副主任", "党建科", "2025年10月31日", None, None, "√", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 24. 区教育局 with one sheet per 方面 ("党建工作" / "教育教学" / "校园安全"), a hidden column of
#     last round's status, deadlines 本学期末 / 2025年9月1日前.


def education_sheets_hidden_column(path: Path) -> Expect:
    header = ["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "上次整改状态", "整改状态"]
    wb, ws = _new("党建工作")
    ws.append(header)
    _put(ws, 2, [
        [1, "学校党组织书记抓党建述职不全", "实现述职评议全覆盖", "党组书记", "党建科", "2025年6月30日", "正在推进", "已完成"],
    ])
    ws.column_dimensions["G"].hidden = True
    ws2 = wb.create_sheet("教育教学")
    ws2.append(header)
    _put(ws2, 2, [
        [1, "义务教育“双减”落实不到位", "开展作业管理专项督查", "副局长甲", "基础教育科", "2025年9月1日前", "未启动", "正在推进"],
        [2, "课后服务收费不规范", "清理规范课后服务收费", "副局长甲", "财务科", "2025年6月30日", "正在推进", "已完成"],
    ])
    ws2.column_dimensions["G"].hidden = True
    ws3 = wb.create_sheet("校园安全")
    ws3.append(header)
    _put(ws3, 2, [
        [1, "校园周边交通秩序乱", "联合交警设置护学岗", "副局长乙", "安全科", "本学期末", "未启动", "未启动"],
    ])
    ws3.column_dimensions["G"].hidden = True
    wb.save(path)
    return Expect(
        aspects=3, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 25. 医保局 基金监管 with 整改进度 in percent as the only progress ("完成进度" 100% / 60% / 0%),
#     追回金额（万元） and a 合计 row of formulas.


def fund_recovered_percent(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类型", "问题", "整改措施", "分管领导", "责任科室", "整改时限", "追回金额（万元）", "完成进度"])
    _put(ws, 2, [
        [1, "定点医药机构", "串换药品违规结算", "追回违规结算医保基金", "副局长甲", "基金监管科", "2025年6月30日", 18.6, "100%"],
        [2, "定点医药机构", "过度诊疗", "开展过度诊疗专项检查", "副局长甲", "医药服务科", "2025年9月30日", 4.2, "60%"],
        [3, "经办管理", "异地就医备案审核不严", "修订异地就医备案流程", "副局长乙", "经办中心", "2025年10月31日", None, "0%"],
        ["合计", None, None, None, None, None, None, "=SUM(H2:H4)", None],
    ])
    wb.save(path)
    _cache_formulas(path, 1, {"H5": 22.8})
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "清退资金": "H", "整改状态": "I"},
        money=228000,
    )


# ---------------------------------------------------------------------------------------------
# 26. 县委巡察 整改台账 with a merged problem over its measures, 责任单位（责任人） "县委办（张三）"
#     beside a 责任领导 column, and deadlines "2025年6月底前" / "2025年三季度末".


def patrol_unit_with_person(path: Path) -> Expect:
    wb, ws = _new("巡察整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任单位（责任人）", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [1, "落实主体责任", "党建工作责任制考核流于形式", "修订党建工作责任制考核办法", "县委副书记", "县委组织部（张三）", "2025年6月底前", "已完成", dt.date(2025, 6, 21)],
        [None, None, None, "考核结果与干部评先评优挂钩", "县委副书记", "县委组织部（张三）", "2025年三季度末", "正在推进", None],
        [2, "落实监督责任", "同级监督作用发挥不够", "建立同级监督清单", "县纪委书记", "县纪委监委（李四）", "2025年9月30日", "正在推进", None],
    ])
    _down(ws, 1, 2, 3)
    _down(ws, 2, 2, 3)
    _down(ws, 3, 2, 3)
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 27. 省属国企 审计整改 with 审计发现问题, 应整改金额（万元）, 已整改金额（万元）, 未整改金额 (a formula
#     of the two), 整改率 (a formula), 整改状态 and 完成时间.


def soe_audit_formulas(path: Path) -> Expect:
    wb, ws = _new("审计整改台账")
    ws.append(["序号", "审计发现问题", "应整改金额（万元）", "已整改金额（万元）", "未整改金额（万元）", "整改率", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [1, "对外担保未履行决策程序", 500, 500, "=C2-D2", "=IF(C2=0,\"\",D2/C2)", "解除违规担保", "总会计师", "财务部", "2025年6月30日", "已完成", dt.date(2025, 6, 15)],
        [2, "应收账款逾期未催收", 860, 300, "=C3-D3", "=IF(C3=0,\"\",D3/C3)", "成立清收专班催收", "副总经理", "法务部", "2025年12月31日", "正在推进", None],
    ])
    wb.save(path)
    _cache_formulas(path, 1, {"E2": 0, "F2": 1, "E3": 560, "F3": 0.348837})
    for r in (2, 3):
        ws.cell(row=r, column=6).number_format = "0.0%"
    return Expect(
        aspects=1, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"问题": "B", "整改措施": "G", "责任领导": "H", "责任部门": "I", "整改时限": "J", "整改状态": "K", "完成时间": "L"},
    )


# ---------------------------------------------------------------------------------------------
# 28. 县中医院 整改台账 printed for signing: 主责部门, 当前进度 (words and percentages), 滞后原因
#     (filled for the late measure: no ask for a reason), 责任人签字 and 分管领导签字 left blank,
#     and a 合计 row counting the done ones with COUNTIF.


def hospital_signoff_columns(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类别", "存在问题", "整改措施", "分管院领导", "主责部门", "整改时限", "当前进度", "滞后原因", "责任人签字", "分管领导签字"])
    _put(ws, 2, [
        [1, "医保基金", "超标准收取诊疗费", "退还多收费用并开展收费自查", "副院长甲", "医保办", "2025年5月31日", "已完成", None, None, None],
        [2, "医保基金", "重复收费", "上线收费规则智能审核系统", "副院长甲", "信息科", "2025年6月30日", "60%", "系统供应商调试延误，预计2025年8月底前完成", None, None],
        [3, "行风建设", "住院病人满意度偏低", "开展优质护理服务提升行动", "副院长乙", "护理部", "2025年12月31日", "正在推进", None, None, None],
        ["合计", None, None, None, None, None, None, "=COUNTIF(H2:H4,\"已完成\")", None, None, None],
    ])
    wb.save(path)
    _cache_formulas(path, 1, {"H5": 1})
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H", "延期说明": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 29. 区委督查室 督办台账: 督导意见 beside the 整改进展, 未完成原因及下步措施 for the measures past
#     their 整改时限, dates written 二〇二五年六月三十日 / 2025. 9. 30 / 2025年6月中旬 as 公文 do.


def supervision_opinions_and_reasons(path: Path) -> Expect:
    wb, ws = _new("督办台账")
    ws.append(["序号", "督办事项", "整改措施", "牵头县领导", "责任单位", "办结时限", "整改进展", "办理状态", "未完成原因及下步措施", "督导意见"])
    _put(ws, 2, [
        [1, "老旧小区加装电梯推进慢", "实行加装电梯“一站式”审批", "副区长甲", "区住建局", "二〇二五年六月三十日", "已完成审批流程再造", "已办结", None, "同意销号"],
        [2, "农贸市场改造滞后", "完成3个农贸市场提升改造", "副区长乙", "区商务局", "2025年6月中旬", "已完成2个", "正在推进", "1个市场商户搬迁未完成，下步加大协调力度，8月底前完成", "加快推进"],
        [3, "背街小巷路灯缺失", "新增路灯200盏", "副区长乙", "区城管局", "2025. 9. 30", "已完成招标", "正在推进", None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改进展及成效": "G", "整改状态": "H", "延期说明": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 30. 市属学校 巡察整改 with the 方面 as "（一）" section rows (no "一、") and measures numbered
#     "（1）（2）" in one cell, a deadline "本学期末" on one and "2025年12月底前完成并长期坚持" on
#     another.


def school_bracket_sections(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    width = 8
    ws.append(["序号", "存在问题", "整改措施", "责任校领导", "责任处室", "整改时限", "完成情况", "完成时间"])
    _across(ws, 2, "（一）党建和思想政治工作方面", width)
    _put(ws, 3, [
        [1, "教师理论学习流于形式", "（1）建立教职工政治理论学习考勤制度；（2）每学期开展一次学习成果测评", "党委书记", "党委办公室", "2025年12月底前完成并长期坚持", "正在推进", None],
    ])
    _across(ws, 4, "（二）教育教学管理方面", width)
    _put(ws, 5, [
        [2, "教学事故认定和处理不严", "修订教学事故认定和处理办法", "副校长甲", "教务处", "2025年6月30日", "已完成", dt.date(2025, 6, 18)],
        [3, "实验室危化品管理不规范", "建立危化品“双人双锁”管理台账", "副校长乙", "实验室管理处", "本学期末", "正在推进", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"正在推进": 3, "已完成": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G", "完成时间": "H"},
    )
