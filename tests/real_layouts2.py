"""A second round of ledgers laid out the way real organisations keep them (``real_layouts`` has
the first): 县委巡察, 审计, 学校/医院/国企党委, 乡镇, 纪委监委督办, 省直部门主题教育, 环保督察,
安全生产隐患, 信访事项. Each differs from the first round in how it is laid out: 整改时限 split
into 开始/完成 under a merged group title, problem codes in the 序号 column, 方面 rows with a count
("（共2个问题）"), measures numbered 1-1/1-2, percentages (typed or as numbers formatted 0%),
deadlines typed as numbers (2025.6), columns in an unusual order, 30+ columns, a two-row header
repeated on every printed page, blank rows between 方面, notes rows inside the table …

Each builder writes one workbook to ``path`` and returns what the clerk who filled it in knows
about it (``real_layouts.Expect``). ``test_real_layouts2`` runs the real pipeline over each.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment
from real_layouts import Expect

TODAY = "2025-05-10"

# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


def _new(sheet: str) -> tuple[openpyxl.Workbook, Any]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    return wb, ws


def _put(ws: Any, start: int, rows: list[list[Any]]) -> None:
    for i, row in enumerate(rows):
        for j, v in enumerate(row, start=1):
            if v is not None:
                c = ws.cell(row=start + i, column=j, value=v)
                c.alignment = Alignment(wrap_text=True, vertical="center")


def _across(ws: Any, row: int, text: str, width: int) -> None:
    """A line of text merged across the table (a title, a 方面 row, a note)."""
    ws.cell(row=row, column=1, value=text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _down(ws: Any, col: int, first: int, last: int) -> None:
    """A problem's cell merged over its measure rows (the value only in the top cell)."""
    for r in range(first + 1, last + 1):
        ws.cell(row=r, column=col).value = None
    ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def _header2(ws: Any, row: int, top: list[Any], sub: list[Any]) -> None:
    """A two-row header: ``top`` cells over None are merged right over the run of Nones (a group
    title); a top cell with nothing under it in ``sub`` is merged down both rows."""
    _put(ws, row, [top, sub])
    j = 0
    while j < len(top):
        k = j
        while k + 1 < len(top) and top[k + 1] is None and top[j] is not None:
            k += 1
        if k > j:
            ws.merge_cells(start_row=row, start_column=j + 1, end_row=row, end_column=k + 1)
        elif top[j] is not None and (j >= len(sub) or sub[j] is None):
            ws.merge_cells(start_row=row, start_column=j + 1, end_row=row + 1, end_column=j + 1)
        j = k + 1


# ---------------------------------------------------------------------------------------------
# 1. 县委巡察整改台账: title, 填报单位/填报日期 line, two-row header where 整改时限 is split into
#    开始时间 / 完成时间 and 整改情况 into 进展情况 / 整改状态 / 销号时间; status 已销号 / 待销号 /
#    正在整改 / 未整改.


def county_patrol_split_deadline(path: Path) -> Expect:
    wb, ws = _new("台账")
    width = 13
    _across(ws, 1, "中共某县农业农村局党组落实县委第三巡察组反馈意见整改台账", width)
    _across(ws, 2, "填报单位：某县农业农村局（盖章）                    填报日期：2025年5月6日", width)
    _header2(
        ws, 3,
        ["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "整改时限", None, "整改情况", None, None, "佐证材料", "备注"],
        [None, None, None, None, None, None, "开始时间", "完成时间", "进展情况", "整改状态", "销号时间", None, None],
    )
    _put(ws, 5, [
        [1, "政治建设方面", "落实“第一议题”制度不到位", "修订党组会议议事规则，将“第一议题”列为固定议程", "王某", "办公室", dt.date(2025, 2, 10), dt.date(2025, 3, 31), "已修订印发", "已销号", dt.date(2025, 3, 28), "议事规则", None],
        [None, None, None, "建立学习贯彻落实台账", "王某", "办公室", dt.date(2025, 2, 10), dt.date(2025, 6, 30), "台账已建立，正在逐项对账", "正在整改", None, None, None],
        [2, "政治建设方面", "乡村振兴政策宣传不到位", "编印政策明白纸发放到村", "李某", "乡村振兴股", dt.date(2025, 3, 1), dt.date(2025, 4, 30), "已印发2万份，待县委巡察办审核", "待销号", None, "发放台账", None],
        [3, "作风建设方面", "惠农补贴发放不及时", "建立补贴发放月调度制度", "李某", "计财股", dt.date(2025, 3, 1), dt.date(2025, 9, 30), None, "未整改", None, None, "需与财政局衔接"],
    ])
    _down(ws, 1, 5, 6)
    _down(ws, 2, 5, 6)
    _down(ws, 3, 5, 6)
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"已完成": 1, "正在推进": 1, "基本完成": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "H", "整改进展及成效": "I", "整改状态": "J", "完成时间": "K", "佐证材料": "L", "备注": "M"},
    )


# ---------------------------------------------------------------------------------------------
# 2. 市场监管局审计整改台账: no 序号, a 问题编号 column of codes (SJ-2024-01), 整改进度 as numbers
#    formatted 0% (1 / 0.6 / 0), 审计金额 and 已整改金额 in 元, deadlines 2025年第三季度 / 年底前.


def audit_codes_and_percent(path: Path) -> Expect:
    wb, ws = _new("整改清单")
    _across(ws, 1, "某市市场监督管理局审计发现问题整改清单", 11)
    ws.append(["问题编号", "问题类别", "审计发现问题", "整改措施", "分管领导", "责任科室", "整改时限", "整改进度", "完成时间", "问题金额（元）", "已整改金额（元）"])
    _put(ws, 3, [
        ["SJ-2024-01", "财务管理", "超标准列支会议费", "追回超标准列支的会议费", "赵某", "财务科", "2025年3月31日", 1, dt.date(2025, 3, 20), 18600, 18600],
        ["SJ-2024-02", "财务管理", "往来款长期挂账未清理", "逐笔核实往来款并清理", "赵某", "财务科", "2025年第三季度", 0.6, None, 325000, 195000],
        ["SJ-2024-03", "政府采购", "化整为零规避公开招标", "建立采购预算统筹审核机制", "孙某", "办公室", "年底前", 0, None, None, None],
    ])
    for r in range(3, 6):
        ws.cell(row=r, column=8).number_format = "0%"
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"序号": "A", "方面": "B", "问题": "C", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 学校党委: 方面 as row titles with a count ("一、政治建设方面（共2个问题，3条措施）"), a blank
#    row between 方面, 序号 per measure 1-1 / 1-2 / 2-1, the problem merged over its measures.


def school_titled_sections(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    width = 9
    _across(ws, 1, "某中学党委巡察整改问题清单", width)
    ws.append(["序号", "存在问题", "整改措施", "责任校领导", "责任处室", "责任人", "完成时限", "完成情况", "完成时间"])
    _across(ws, 3, "一、政治建设方面（共2个问题，3条措施）", width)
    _put(ws, 4, [
        ["1-1", "党委会研究意识形态工作不经常", "每学期至少专题研究2次意识形态工作", "校党委书记", "党政办", "周某", "长期坚持", "长期坚持", dt.date(2025, 3, 5)],
        ["1-2", None, "建立课堂教学意识形态巡查制度", "校党委书记", "教务处", "吴某", "2025年4月30日", "已完成", dt.date(2025, 4, 20)],
        ["2-1", "思政课教师配备不足", "按师生比补充思政课专职教师", "分管副校长", "人事处", "郑某", "2025年9月1日前", "正在推进", None],
    ])
    _down(ws, 2, 4, 5)
    _across(ws, 8, "二、全面从严治党方面（共1个问题，1条措施）", width)
    _put(ws, 9, [
        ["3-1", "校服征订程序不规范", "修订校服采购管理办法，由家委会参与选定", "纪委书记", "总务处", "冯某", "2025年3月31日", "未完成", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=4,
        statuses={"长期坚持": 1, "已完成": 1, "正在推进": 2},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "责任人": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 医院党委: 序号 "（1）（2）", measures "①…②…" in one cell, deadlines "12月31日前" / "年底前" /
#    "本届任期内", status 已办结 / 未办结 / 基本完成.


def hospital_circled(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题类型", "反馈问题", "整改措施", "责任领导", "责任科室", "具体负责人", "整改时限", "办结情况", "办结时间", "整改成效"])
    _put(ws, 2, [
        ["（1）", "医德医风", "收受医药代表宴请问题仍有发生", "①开展医药代表接待专项整治②签订廉洁行医承诺书", "纪委书记", "纪检监察室", "陈某", "12月31日前", "未办结", None, "已签订承诺书680份"],
        ["（2）", "医德医风", "大处方、大检查现象未根治", "建立处方点评和检查合理性评价制度", "分管副院长", "医务科", "褚某", "年底前", "基本完成", None, "制度已起草，待院长办公会审议"],
        ["（3）", "领导班子建设", "领导班子成员联系科室制度落实不到位", "修订班子成员联系科室制度", "党委书记", "党办", "卫某", "本届任期内", "未办结", None, None],
        ["（4）", "领导班子建设", "民主生活会批评不够", "会前开展谈心谈话全覆盖", "党委书记", "党办", "卫某", dt.date(2025, 1, 20), "已办结", dt.date(2025, 1, 15), "谈心谈话46人次"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=5,
        statuses={"正在推进": 3, "基本完成": 1, "已完成": 1},
        columns={"序号": "A", "方面": "B", "问题": "C", "整改措施": "D", "责任部门": "F", "责任人": "G", "整改时限": "H", "整改状态": "I", "完成时间": "J", "整改进展及成效": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 5. 国企党委: a wide sheet (34 columns): 问题来源, 1月进展 … 12月进展, 是否需要长期坚持, 销号申请
#    时间, 联系人/联系电话 beside the columns the tool reads.


SOE_MONTHS = [f"{m}月进展" for m in range(1, 13)]


def soe_wide_monthly(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _across(ws, 1, "某集团有限公司党委巡视整改工作台账", 34)
    header = ["序号", "问题来源", "方面", "问题", "问题表现", "整改目标", "整改措施", "责任领导", "责任部门", "具体责任人", "配合部门", "整改时限",
              *SOE_MONTHS, "整改状态", "完成时间", "整改成效", "佐证材料", "是否需要长期坚持", "销号申请时间", "备注", "联系人", "联系电话", "清退资金（万元）"]
    ws.append(header)
    months = ["研究制定方案", "已出台办法", "组织培训", None, None, None, None, None, None, None, None, None]
    _put(ws, 3, [
        [1, "省委巡视", "党的领导", "“三重一大”决策制度执行不严", "个别项目先实施后上会", "决策程序规范", "修订“三重一大”决策事项清单", "董事长", "党委办公室", "蒋某", "法务部", "2025年3月31日",
         *months, "已完成", dt.date(2025, 3, 25), "清单已修订，新增决策事项12项", "决策事项清单", "是", dt.date(2025, 3, 28), None, "蒋某", "12345678", 12.3],
        [2, "审计", "经营管理", "违规发放奖金", "2023年超额发放绩效奖金", "资金全额清退", "追回超发奖金", "总经理", "人力资源部", "沈某", "财务部", "2025年6月30日",
         "核定名单", "已追回一半", None, None, None, None, None, None, None, None, None, None, "整改中", None, "已追回45.6万元", None, "否", None, None, "沈某", "12345679", 45.6],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"方面": "C", "问题": "D", "整改措施": "G", "整改时限": "L", "整改状态": "Y", "完成时间": "Z", "整改进展及成效": "AA", "清退资金": "AH"},
        money=579000,
    )


# ---------------------------------------------------------------------------------------------
# 6. 乡镇: sheet Sheet1, headers typed with spaces ("整 改 措 施"), a title and a 填报单位/填报日期
#    line, 方面 as unmerged row titles in column A, blank rows between 方面, deadlines 年底前 /
#    12月31日前 / 2025.12 / 2025年第三季度, status 已完成 / 正在整改 / 未整改 / 持续整改.


def township_spaced_headers(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    ws.append(["某镇落实县委巡察反馈问题整改台账"])
    ws.append(["填报单位：某镇党委（盖章）", None, None, None, None, "填报日期：2025年5月8日"])
    ws.append(["序 号", "问  题", "整 改 措 施", "责 任 领 导", "责 任 单 位", "责 任 人", "完 成 时 限", "整 改 状 态", "完 成 时 间"])
    ws.append(["一、基层党建方面"])
    _put(ws, 5, [
        [1, "村级组织换届后培训不到位", "分批轮训村“两委”干部", "组织委员", "党建办", "韩某", "年底前", "正在整改", None],
        [2, "发展党员工作不规范", "全面核查近三年发展党员档案", "组织委员", "党建办", "韩某", "2025.12", "未整改", None],
    ])
    ws.append([])
    ws.append(["二、乡村治理方面"])
    _put(ws, 9, [
        [3, "农村人居环境整治不彻底", "开展“清垃圾、清杂物”专项行动", "副镇长", "农业农村办", "杨某", "12月31日前", "持续整改", None],
        [4, "村务公开不及时", "统一制作村务公开栏并按月公开", "纪委书记", "纪委", "朱某", "2025年第三季度", "已完成", dt.date(2025, 4, 18)],
    ])
    ws.append([])
    ws.append(["填表人：秦某                审核人：尤某"])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"正在推进": 2, "未启动": 1, "已完成": 1},
        columns={"序号": "A", "问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "责任人": "F", "整改时限": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 7. 纪委监委督办台账: 督办编号, 督办事项 (the problem), 落实措施, 承办单位/承办人, 办结时限,
#    办理进度 typed as text percentages ("100%", "完成60%", "0%"), 办结时间.


def jiwei_duban_percent(path: Path) -> Expect:
    wb, ws = _new("督办台账")
    _across(ws, 1, "区纪委监委督办事项落实情况台账", 10)
    ws.append(["督办编号", "督办类别", "督办事项", "落实措施", "督办领导", "分管领导", "承办单位", "承办人", "办结时限", "办理进度", "办结时间"])
    _put(ws, 3, [
        ["DB-2025-001", "作风建设", "部分窗口单位工作人员上班时间玩手机", "开展窗口作风暗访", "常委某", "副局长钱某", "政务服务中心", "许某", "2025年3月31日", "100%", dt.date(2025, 3, 28)],
        ["DB-2025-002", "作风建设", "惠企政策兑现慢", "建立政策兑现限时办结制度", "常委某", "副局长钱某", "经发局", "何某", "2025年6月30日", "完成60%", None],
        ["DB-2025-003", "专项整治", "违规收受礼品礼金", "开展节点廉政提醒和专项检查", "常委某", "副局长吕某", "纪检组", "施某", "2025年4月30日", "0%", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"序号": "A", "方面": "B", "问题": "C", "整改措施": "D", "责任领导": "F", "责任部门": "G", "责任人": "H", "整改时限": "I", "整改状态": "J", "完成时间": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 省直部门主题教育检视问题清单: columns in an unusual order (责任 first, 整改状态 before 整改
#    措施), deadlines "立行立改，长期坚持" / "本届任期内" / "2025年底前".


def provincial_odd_order(path: Path) -> Expect:
    wb, ws = _new("检视问题清单")
    ws.append(["序号", "责任领导", "责任处室", "具体责任人", "整改状态", "问题类别", "检视问题", "整改措施", "完成时限", "整改进展", "完成时间"])
    _put(ws, 2, [
        [1, "厅长", "办公室", "甲某", "长期坚持", "理论学习", "学习贯彻习近平新时代中国特色社会主义思想不够深入", "落实“第一议题”制度", "立行立改，长期坚持", "已纳入厅党组会固定议程", dt.date(2025, 1, 6)],
        [2, "副厅长", "政策法规处", "乙某", "正在推进", "调查研究", "调研成果转化不够", "建立调研成果转化清单", "2025年底前", "已形成清单初稿", None],
        [3, "副厅长", "人事处", "丙某", "正在推进", "干部队伍", "年轻干部培养梯次不合理", "制定优秀年轻干部培养计划", "本届任期内", "已完成摸底", None],
        [4, "厅长", "机关党委", "丁某", "基本完成", "为民服务", "办事指南不清晰", "修订全部政务服务事项办事指南", "2025年3月31日", "已修订98%，待上网公布", None],
    ])
    wb.save(path)
    return Expect(
        aspects=4, problems=4, measures=4,
        statuses={"长期坚持": 1, "正在推进": 2, "基本完成": 1},
        columns={"责任领导": "B", "责任部门": "C", "责任人": "D", "整改状态": "E", "方面": "F", "问题": "G", "整改措施": "H", "整改时限": "I", "整改进展及成效": "J", "完成时间": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 环保督察整改: 受理编号 codes, 行政区域, 交办问题, a two-row header (整改情况 over 整改进展 /
#    是否完成 / 完成时间) repeated at the top of every printed page, status 已办结 / 阶段性办结 /
#    未办结, 信息公开 是/否.


ECO_TOP = ["受理编号", "行政区域", "问题类型", "交办问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况", None, None, "是否公开"]
ECO_SUB = [None, None, None, None, None, None, None, None, "整改进展", "是否完成", "完成时间", None]


def eco_inspection_page_headers(path: Path) -> Expect:
    wb, ws = _new("交办问题整改台账")
    width = len(ECO_TOP)
    _across(ws, 1, "中央第三生态环境保护督察组交办群众信访举报件办理情况台账（第五批）", width)
    _header2(ws, 2, ECO_TOP, ECO_SUB)
    _put(ws, 4, [
        ["D3HB202504001", "某区", "大气", "某砂石厂露天堆放扬尘严重", "落实“六个百分百”防尘措施", "区生态环境局", "吴某", "2025年5月31日", "已全部苫盖，安装喷淋设施", "已办结", dt.date(2025, 4, 26), "是"],
        ["D3HB202504002", "某区", "水", "某河段排污口污水直排", "封堵非法排污口并溯源", "区水务局", "郑某", "2025年6月30日", "已封堵，正在溯源", "阶段性办结", None, "是"],
    ])
    _header2(ws, 6, ECO_TOP, ECO_SUB)  # the header again at the top of page 2
    _put(ws, 8, [
        ["D3HB202504003", "某县", "噪声", "夜间施工噪声扰民", "严格夜间施工审批", "县住建局", "王某", "2025年4月30日", "尚未制定审批办法", "未办结", None, "否"],
        ["D3HB202504004", "某县", "土壤", "废弃厂区土壤污染", "开展土壤污染状况调查", "县生态环境分局", "冯某", "2025年12月31日", "已委托第三方调查", "未办结", None, "是"],
    ])
    wb.save(path)
    return Expect(
        aspects=4, problems=4, measures=4,
        statuses={"已完成": 1, "基本完成": 1, "正在推进": 2},
        columns={"序号": "A", "方面": "C", "问题": "D", "整改措施": "E", "责任部门": "F", "责任人": "G", "整改时限": "H", "整改进展及成效": "I", "整改状态": "J", "完成时间": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 安全生产隐患整改台账: 检查时间 (a date that is neither the deadline nor the finish), 隐患类别,
#     隐患描述, 隐患等级, 整改资金（万元）, 复查人/复查时间, status 已整改 / 整改中 / 未整改.


def safety_hazards(path: Path) -> Expect:
    wb, ws = _new("隐患台账")
    _across(ws, 1, "某街道安全生产隐患排查整改台账", 15)
    ws.append(["序号", "检查时间", "检查单位", "隐患类别", "隐患描述", "隐患等级", "整改措施", "整改资金（万元）", "分管领导", "责任单位", "整改责任人", "整改期限", "整改情况", "复查人", "复查时间"])
    _put(ws, 3, [
        [1, dt.date(2025, 3, 3), "街道安监办", "消防安全", "某商场疏散通道堆放杂物", "一般隐患", "立即清理杂物，落实每日巡查", 0.2, "副主任李某", "某商场", "商场经理甲", "立即整改", "已整改", "王某", dt.date(2025, 3, 5)],
        [2, dt.date(2025, 3, 3), "街道安监办", "消防安全", "某小区消防栓无水", "较大隐患", "维修小区消防管网", 12.5, "副主任李某", "某物业公司", "物业经理乙", dt.date(2025, 5, 31), "整改中", None, None],
        [3, dt.date(2025, 3, 12), "区应急局", "燃气安全", "某餐馆使用不合格燃气软管", "一般隐患", "更换金属波纹管并加装报警器", 0.15, "副主任赵某", "某餐馆", "店主丙", dt.date(2025, 3, 20), "未整改", None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "D", "问题": "E", "整改措施": "G", "责任领导": "I", "责任部门": "J", "责任人": "K", "整改时限": "L", "整改状态": "M"},
    )


# ---------------------------------------------------------------------------------------------
# 11. 信访事项台账: 信访编号, 来访日期, 信访人, 反映问题, 处理措施, 承办单位, 办结时限, 办理情况
#     (narrative), 是否办结 (已办结 / 未办结), 办结时间, 群众满意度.


def petition_ledger(path: Path) -> Expect:
    wb, ws = _new("信访台账")
    ws.append(["序号", "信访编号", "来访日期", "信访人", "问题类别", "反映问题", "处理措施", "包案领导", "承办单位", "承办人", "办结时限", "办理情况", "是否办结", "办结时间", "群众满意度"])
    _put(ws, 2, [
        [1, "XF-2025-0012", dt.date(2025, 2, 14), "张某某", "劳动保障", "某工地拖欠农民工工资", "约谈施工企业，督促一次性结清", "副县长甲", "县人社局", "宋某", dt.date(2025, 3, 14), "已结清工资38.6万元", "已办结", dt.date(2025, 3, 10), "满意"],
        [2, "XF-2025-0031", dt.date(2025, 3, 2), "李某某", "城乡建设", "小区电梯长期故障", "协调物业和维保单位维修", "副县长乙", "县住建局", "唐某", dt.date(2025, 4, 2), "维保单位已进场，配件待到货", "未办结", None, None],
        [3, "XF-2025-0047", dt.date(2025, 4, 8), "王某某", "城乡建设", "道路施工占道时间过长", "督促施工单位按期完工", "副县长乙", "县交通局", "许某", dt.date(2025, 5, 20), "已约谈施工单位", "未办结", None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"序号": "A", "方面": "E", "问题": "F", "整改措施": "G", "责任领导": "H", "责任部门": "I", "责任人": "J", "整改时限": "K", "整改进展及成效": "L", "整改状态": "M", "完成时间": "N"},
    )


# ---------------------------------------------------------------------------------------------
# 12. Deadlines typed as numbers (2025.6, 2025.12; 2025.06.30 as text) — and 2025.1, which
#     could be January or October: Excel keeps what was typed as 2025.10 as the number 2025.1.


def numeric_month_deadlines(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "完成时间"])
    _put(ws, 2, [
        [1, "制度建设方面", "内控制度不健全", "修订内部控制手册", "局长", "财务科", 2025.6, "正在推进", None],
        [2, "制度建设方面", "合同管理不规范", "建立合同审查台账", "副局长", "法规科", 2025.12, "正在推进", None],
        [3, "作风建设方面", "督查检查过多", "统筹年度督查检查计划", "副局长", "办公室", 2025.3, "已完成", dt.date(2025, 3, 20)],
        [4, "作风建设方面", "文山会海问题反弹", "精简会议文件", "局长", "办公室", "2025.06.30", "正在推进", None],
        [5, "作风建设方面", "调研成果转化不够", "建立调研成果转化清单", "副局长", "办公室", 2025.1, "未启动", None],
    ])
    for r in range(2, 7):
        ws.cell(row=r, column=7).number_format = "0.00"
    wb.save(path)
    return Expect(
        aspects=2, problems=5, measures=5,
        statuses={"正在推进": 3, "已完成": 1, "未启动": 1},
        columns={"整改时限": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 13. 区直机关: 责任主体 over 责任领导 / 责任部门 / 具体责任人, 整改落实情况 over 进展 / 状态 /
#     完成时间 (sub-headers as short as 进展 and 状态), a row numbering the columns, notes rows
#     inside the table ("（以下为立行立改事项）", "注：带★的为重点问题").


def short_subheaders_and_notes(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _header2(
        ws, 1,
        ["序号", "方面", "问题", "整改措施", "责任主体", None, None, "整改时限", "整改落实情况", None, None],
        [None, None, None, None, "责任领导", "责任部门", "具体责任人", None, "进展", "状态", "完成时间"],
    )
    ws.append(list(range(1, 12)))
    _put(ws, 4, [
        [1, "组织建设方面", "★党支部标准化建设不达标", "对照标准逐项整改", "党组书记", "机关党委", "褚某", "2025年6月30日", "已完成5个支部", "正在推进", None],
        [2, "组织建设方面", "党员档案缺失", "补齐党员档案材料", "党组书记", "机关党委", "褚某", "2025年4月30日", "已补齐", "已完成", dt.date(2025, 4, 25)],
    ])
    _across(ws, 6, "（以下为立行立改事项）", 11)
    _put(ws, 7, [
        [3, "作风建设方面", "公车使用登记不全", "完善公车使用登记", "副局长", "办公室", "卫某", "立行立改", "已完善", "已完成", dt.date(2025, 2, 15)],
    ])
    _across(ws, 8, "注：带★的为重点问题，每月报送进展。", 11)
    _put(ws, 9, [
        [4, "作风建设方面", "值班制度执行不严", "修订值班制度", "副局长", "办公室", "卫某", "立行立改", None, "整改中", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"正在推进": 2, "已完成": 2},
        columns={"责任领导": "E", "责任部门": "F", "责任人": "G", "整改时限": "H", "整改进展及成效": "I", "整改状态": "J", "完成时间": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 14. 统计局: status words 已销号 / 待销号 / 已办结 / 基本完成 / 长期坚持 / 整改中 / 正在整改 /
#     未整改 / 持续整改 all in one column, ① as 序号 of the problems, 整改时限 "2025年第三季度".


def many_status_words(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "分管领导", "责任科室", "整改时限", "整改状态", "完成时间"])
    rows = [
        ["①", "数据质量方面", "统计数据报送不及时", "建立报送提醒机制", "甲", "综合科", "2025年3月31日", "已销号", dt.date(2025, 3, 10)],
        ["②", "数据质量方面", "基层统计人员不足", "争取增加编制", "甲", "人事科", "2025年第三季度", "待销号", None],
        ["③", "数据质量方面", "统计执法检查偏少", "制定年度执法检查计划", "乙", "法规科", "2025年2月28日", "已办结", dt.date(2025, 2, 20)],
        ["④", "统计服务方面", "统计分析报告质量不高", "开展分析报告评比", "乙", "综合科", "2025年6月30日", "基本完成", None],
        ["⑤", "统计服务方面", "数据开放不够", "按季度发布数据解读", "丙", "办公室", "长期坚持", "长期坚持", dt.date(2025, 4, 15)],
        ["⑥", "统计服务方面", "门户网站更新慢", "明确栏目更新责任人", "丙", "办公室", "2025年6月30日", "整改中", None],
        ["⑦", "队伍建设方面", "业务培训不系统", "制定培训计划", "丁", "人事科", "2025年9月30日", "正在整改", None],
        ["⑧", "队伍建设方面", "年轻干部轮岗少", "建立轮岗交流制度", "丁", "人事科", "2025年12月31日", "未整改", None],
        ["⑨", "队伍建设方面", "考勤管理松散", "严格考勤管理", "丁", "办公室", "长期", "持续整改", None],
    ]
    _put(ws, 2, rows)
    wb.save(path)
    return Expect(
        aspects=3, problems=9, measures=9,
        statuses={"已完成": 2, "基本完成": 2, "长期坚持": 1, "正在推进": 3, "未启动": 1},
    )


# ---------------------------------------------------------------------------------------------
# 15. 住建局: a 序号 column with the 方面 numbers too ("一" on the 方面 row, 1 2 on the problems),
#     the 方面 row written as "一" in A and the title in B (not merged), a 小计 row per 方面, the
#     整改时限 header split over two lines with spaces ("整改\n时 限").


def aspect_number_beside_title(path: Path) -> Expect:
    wb, ws = _new("整改清单")
    ws.append(["某区住房和城乡建设局巡察整改清单"])
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任科室", "整改\n时 限", "完成\n情况", "完成\n时间", "清退资金（元）"])
    _put(ws, 3, [
        ["一", "工程建设领域问题", None, None, None, None, None, None, None],
        [1, "违规变更工程设计", "严格执行设计变更审批", "副局长甲", "建管科", "2025年4月30日", "已完成", dt.date(2025, 4, 10), None],
        [2, "工程款超付", "追回超付工程款", "副局长甲", "财务科", "2025年6月30日", "部分完成", None, 86000],
        ["小计", None, None, None, None, None, None, None, 86000],
        ["二", "物业管理领域问题", None, None, None, None, None, None, None],
        [1, "物业专项维修资金使用审批不严", "修订维修资金使用办法", "副局长乙", "物业科", "2025年9月30日", "未启动", None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "整改时限": "F", "整改状态": "G", "完成时间": "H", "清退资金": "I"},
        money=86000,
    )


# ---------------------------------------------------------------------------------------------
# 16. 民主生活会检视问题清单: no 方面 (the ledger is one list), 问题 headed 查摆问题, 责任人 is the
#     班子成员 himself (责任领导 and 责任人 the same), 整改时限 as months "2025年6月" and "长期".


def minshenghuo_one_list(path: Path) -> Expect:
    wb, ws = _new("问题清单")
    ws.append(["2024年度民主生活会查摆问题整改清单"])
    ws.append(["序号", "班子成员", "查摆问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态"])
    _put(ws, 3, [
        [1, "书记甲", "深入基层调研不够", "每季度到联系点调研1次以上", "书记甲", "办公室", "长期", "长期坚持"],
        [2, "局长乙", "抓业务多、抓党建少", "每月听取1次支部工作汇报", "局长乙", "机关党委", "2025年6月", "正在推进"],
        [3, "副局长丙", "批评与自我批评不够", "开展谈心谈话", "副局长丙", "人事科", "2025年3月", "已完成"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"长期坚持": 1, "正在推进": 1, "已完成": 1},
        columns={"问题": "C", "整改措施": "D", "责任领导": "E", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 17. 财政局审计整改: the money unit on a line of its own above the header ("金额单位：万元" at
#     the right of the 填报单位 line), not in the 清退资金 header.


def unit_line_above_header(path: Path) -> Expect:
    wb, ws = _new("审计整改台账")
    _across(ws, 1, "某区财政局审计查出问题整改台账", 9)
    ws.append(["填报单位：某区财政局", None, None, None, None, None, None, "金额单位：万元"])
    ws.append(["序号", "问题类别", "审计查出问题", "整改措施", "分管领导", "责任科室", "整改时限", "整改状态", "追回资金"])
    _put(ws, 4, [
        [1, "预算管理", "违规出借财政资金", "收回出借资金", "副局长甲", "预算科", "2025年3月31日", "已完成", 150],
        [2, "预算管理", "专项资金拨付滞后", "建立专项资金拨付台账", "副局长甲", "国库科", "2025年6月30日", "正在推进", None],
        [3, "资产管理", "公务用车违规出借", "收回出借车辆，追缴使用费", "副局长乙", "资产科", "2025年4月30日", "已完成", 2.4],
    ])
    ws.append(["合计", None, None, None, None, None, None, None, 152.4])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "清退资金": "I"},
        money=1524000,
    )


# ---------------------------------------------------------------------------------------------
# 18. 教育局: no status column, a 完成进度（%） column of numbers (100 / 60 / 0) beside the
#     progress narrative; every title row repeated at the top of each printed page ("续表").


def progress_percent_no_status(path: Path) -> Expect:
    wb, ws = _new("整改清单")
    header = ["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "完成时限", "完成进度（%）", "整改进展", "完成时间"]
    ws.append(["某县教育局巡察整改清单"])
    ws.append(header)
    _put(ws, 3, [
        [1, "教育收费方面", "违规收取资料费", "全额清退违规收费", "副局长甲", "计财股", "2025年3月31日", 100, "已清退到每位学生家长", dt.date(2025, 3, 25)],
        [2, "教育收费方面", "课后服务收费公示不到位", "统一公示收费标准", "副局长甲", "基教股", "2025年6月30日", 60, "已完成城区学校公示", None],
    ])
    ws.append(["某县教育局巡察整改清单（续表）"])
    ws.append(header)
    _put(ws, 7, [
        [3, "师德师风方面", "有偿补课问题时有发生", "开展有偿补课专项治理", "副局长乙", "人事股", "2025年9月30日", 0, None, None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"整改时限": "G", "整改状态": "H", "整改进展及成效": "I", "完成时间": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 19. 卫健委: 整改状态 (已整改 / 整改中) and 是否销号 (是 / 否) both kept — two columns for the
#     status that need not agree (已整改 but not yet 销号).


def status_and_closing_both(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态", "是否销号", "完成时间"])
    _put(ws, 2, [
        [1, "行业监管方面", "民营医院监管不到位", "开展民营医院专项检查", "副主任甲", "医政科", "2025年3月31日", "已整改", "是", dt.date(2025, 3, 20)],
        [2, "行业监管方面", "医疗废物处置不规范", "建立医疗废物处置台账", "副主任甲", "医政科", "2025年4月30日", "已整改", "否", dt.date(2025, 4, 28)],
        [3, "公共卫生方面", "疫苗冷链管理不严", "更换冷链监测设备", "副主任乙", "疾控科", "2025年6月30日", "整改中", "否", None],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"整改状态": "H", "完成时间": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 20. 县直部门主题教育整改清单: NO. for 序号, 县级责任领导 / 具体责任单位 / 主要责任人, 完成时间（计划）
#     and 完成时间（实际） (one a deadline, one a finish date, told apart by the bracket), 方面
#     rows "（一）…方面" without a "一、" level, measures on lines of one cell, deadlines
#     "2025年6月底前完成初步整改，年底前全面完成" / "年内" / "即日起" / "持续落实", status words
#     完成率100% / 验收中 / 整改未到位.


def county_theme_bracketed_times(path: Path) -> Expect:
    wb, ws = _new("整改清单")
    width = 10
    _across(ws, 1, "县发展改革局主题教育检视问题整改清单", width)
    ws.append(["NO.", "检视问题", "整改措施", "县级责任领导", "具体责任单位", "主要责任人", "完成时间（计划）", "完成时间（实际）", "整改结果", "备注"])
    _across(ws, 3, "（一）学习贯彻方面", width)
    _put(ws, 4, [
        [1, "理论学习与业务工作结合不紧", "1.制定“学思践悟”清单\n2.每季度开展一次专题研讨", "副县长甲", "办公室", "李某", "2025年6月底前完成初步整改，年底前全面完成", None, "整改未到位", None],
        [2, "调查研究不够深入", "建立局领导联系重点项目制度", "副县长甲", "投资科", "王某", "年内", None, "验收中", None],
    ])
    _across(ws, 6, "（二）服务发展方面", width)
    _put(ws, 7, [
        [3, "项目审批环节多", "推行项目审批“一窗受理”", "副县长乙", "审批科", "赵某", "即日起", dt.date(2025, 4, 2), "完成率100%", None],
        [4, "惠企政策宣传不到位", "持续开展惠企政策进企业活动", "副县长乙", "经济科", "钱某", "持续落实", None, "整改未到位", "每月一次"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=5,
        statuses={"正在推进": 3, "基本完成": 1, "已完成": 1},
        columns={"序号": "A", "问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "责任人": "F", "整改时限": "G", "完成时间": "H", "整改状态": "I"},
    )
# fmt: on
