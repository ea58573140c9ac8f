"""Ledgers laid out the way real units keep them (not our standard workbook): title rows, two
header rows under a merged group header, headers with line breaks and notes, 方面 as section
rows, problems merged over their measures, several measures in one cell, their own status and
deadline words, totals rows, footers, hidden rows, an instructions sheet.

Each builder writes one workbook to ``path`` with openpyxl and returns what a clerk who filled it
in knows about it (``Expect``): the counts ``stats`` must give. ``test_real_layouts`` runs the real
pipeline over every one of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment

TODAY = "2024-05-10"

# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


@dataclass
class Expect:
    aspects: int
    problems: int
    measures: int
    statuses: dict[str, int]  # measures by canonical status
    columns: dict[str, str] = field(default_factory=dict)  # canonical column -> letter
    money: float | None = None  # 清退资金合计 (元)


def _new(sheet: str) -> tuple[openpyxl.Workbook, Any]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    return wb, ws


def _title(ws: Any, text: str, width: int, row: int = 1) -> None:
    ws.cell(row=row, column=1, value=text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _rows(ws: Any, start: int, rows: list[list[Any]]) -> None:
    for i, row in enumerate(rows):
        for j, v in enumerate(row, start=1):
            if v is not None:
                c = ws.cell(row=start + i, column=j, value=v)
                c.alignment = Alignment(wrap_text=True, vertical="center")


def _merge_down(ws: Any, col: int, first: int, last: int) -> None:
    """A problem's cell merged over its measure rows (the value is only in the top cell)."""
    for r in range(first + 1, last + 1):
        ws.cell(row=r, column=col).value = None
    ws.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)


def _section(ws: Any, row: int, text: str, width: int) -> None:
    ws.cell(row=row, column=1, value=text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _guide_sheet(wb: openpyxl.Workbook) -> None:
    ws = wb.create_sheet("填表说明")
    ws.append(["填表说明"])
    ws.append(["1.整改时限请填写具体日期或“立行立改”“长期坚持”。"])
    ws.append(["2.完成情况请填写：已完成、正在推进、未启动。"])


# ---------------------------------------------------------------------------------------------
# 1. 巡察反馈问题整改台账: title, 填报单位 row, a two-row header (整改责任 over 责任领导/责任部门/
#    责任人; 完成情况 over 是否完成/完成时间), 方面 as section rows, problems merged over measures.


def xuncha_two_row_header(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    width = 10
    _title(ws, "某区档案馆落实区委第一巡察组反馈问题整改台账", width)
    ws.cell(row=2, column=1, value="填报单位：（盖章）某区档案馆          填报时间：2024年5月8日")
    ws.merge_cells("A2:J2")
    ws.append(
        ["序号", "存在问题", "整改措施", "整改责任", None, None, "整改\n时限", "完成情况", None, "备注"]
    )
    ws.append([None, None, None, "责任领导", "责任部门", "责任人", None, "是否完成", "完成时间", None])
    for col in (1, 2, 3, 7, 10):
        ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws.merge_cells("D3:F3")
    ws.merge_cells("H3:I3")
    _section(ws, 5, "一、政治建设方面", width)
    _rows(
        ws,
        6,
        [
            [1, "理论学习不够深入", "1.制定年度学习计划", "张某", "办公室", "李某", "2024年6月底前", "是", dt.date(2024, 4, 2), None],
            [None, None, "2.每季度开展一次专题研讨", "张某", "办公室", "李某", "长期坚持", "否", None, None],
            [2, "意识形态工作责任制落实不到位", "修订意识形态工作责任清单", "王某", "宣传科", "赵某", "2024.06.30", "否", None, None],
        ],
    )
    _merge_down(ws, 1, 6, 7)
    _merge_down(ws, 2, 6, 7)
    _section(ws, 9, "二、全面从严治党方面", width)
    _rows(
        ws,
        10,
        [
            [3, "公务接待管理不规范", "完善公务接待审批单", "王某", "办公室", "钱某", "立行立改", "是", dt.date(2024, 3, 20), None],
            [4, "固定资产账实不符", "全面清查固定资产", "孙某", "财务科", "周某", "2024-6-30", "否", None, "已清查一半"],
        ],
    )
    ws.cell(row=13, column=1, value="填表人：          审核人：          联系电话：")
    ws.merge_cells("A13:J13")
    wb.save(path)
    return Expect(
        aspects=2,
        problems=4,
        measures=5,
        statuses={"已完成": 2, "正在推进": 3},
        columns={
            "问题": "B",
            "整改措施": "C",
            "责任领导": "D",
            "责任部门": "E",
            "责任人": "F",
            "整改时限": "G",
            "整改状态": "H",
            "完成时间": "I",
            "备注": "J",
        },
    )


# ---------------------------------------------------------------------------------------------
# 2. 审计整改台账: no 方面 or 责任领导 column, amounts in 万元, 整改完成情况 已整改/部分整改/未整改,
#    未整改原因, a 合计 row, a footer note.


def audit(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    _title(ws, "某区水务局审计发现问题整改台账", 11)
    ws.append(
        [
            "序号",
            "审计发现问题",
            "问题金额（万元）",
            "整改措施",
            "责任单位",
            "责任人",
            "整改期限",
            "整改完成情况",
            "已整改金额（万元）",
            "未整改原因",
            "佐证材料",
        ]
    )
    _rows(
        ws,
        3,
        [
            [1, "超范围支付工程款", 12.5, "追回超付工程款", "财务科", "周某", "2024年6月30日前", "已整改", 12.5, None, "收款凭证"],
            [2, "专项资金闲置", 30, "加快项目实施进度", "规划科", "吴某", "2024年第三季度", "部分整改", 10, "项目尚在招标", None],
            [3, "未按规定公开招标", None, "建立招标审核制度", "办公室", "郑某", "2024年3月31日", "未整改", None, "制度待党组会审议", None],
        ],
    )
    ws.append(["合计", None, 42.5, None, None, None, None, None, 22.5, None, None])
    ws.append(["注：1.金额单位为万元；2.整改完成情况填写已整改、部分整改、未整改。"])
    wb.save(path)
    return Expect(
        aspects=1,
        problems=3,
        measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "D", "责任部门": "E", "整改时限": "G", "整改状态": "H", "延期说明": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 主题教育专项整治问题清单: 所属方面 column, several numbered measures in one cell, 牵头单位 /
#    配合单位, 完成时限 in quarters and keywords, 进展情况 narrative, 办结情况 status words.


def theme_education(path: Path) -> Expect:
    wb, ws = _new("问题清单")
    _title(ws, "主题教育检视问题整改清单", 11)
    ws.append(
        [
            "序号",
            "所属方面",
            "问题描述",
            "整改目标",
            "整改措施",
            "牵头领导",
            "牵头单位",
            "配合单位",
            "完成时限",
            "进展情况",
            "办结情况",
        ]
    )
    _rows(
        ws,
        3,
        [
            [1, "学习贯彻方面", "学用结合不紧密", "学以致用", "1.建立学习清单；2.开展调研活动。", "张某", "办公室", "各科室", "2024年第三季度", "已制定学习清单，调研正在开展中。", "阶段性完成"],
            [2, "为民服务方面", "窗口办事效率不高", "群众满意", "（1）压缩办理时限（2）推行一窗通办", "李某", "行政审批科", None, "即知即改", "已全部压缩到3个工作日以内并公示。", "已办结"],
            [3, "为民服务方面", "基层减负不到位", "减轻负担", "精简会议文件", "李某", "办公室", "各科室", "长期坚持", "会议数量同比下降两成，正在持续推进。", "按时序推进"],
            [4, "干部作风方面", "调查研究不深入", "深化调研", "每位班子成员年内领题调研1次", "王某", "组织人事科", None, "2024年底前", "已确定调研课题清单，正在组织开展。", "正在整改"],
        ],
    )
    ws.append(["填表人：王某        联系电话：12345678"])
    wb.save(path)
    return Expect(
        aspects=3,
        problems=4,
        measures=6,
        statuses={"基本完成": 2, "已完成": 2, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "整改目标": "D", "整改措施": "E", "责任领导": "F", "牵头部门": "G", "整改时限": "I", "整改进展及成效": "J", "整改状态": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 督查整改台账: spaces and notes inside headers, dates in many notations, 是否销号 answered
#    √ / 是 / 否, 销号时间, no 方面 column.


def supervision(path: Path) -> Expect:
    wb, ws = _new("督查问题")
    ws.append(["督查反馈问题整改落实台账"])
    ws.merge_cells("A1:I1")
    ws.append(
        [
            "序 号",
            "督查发现问题",
            "整改任务",
            "责任科室",
            "具体\n责任人",
            "时间节点",
            "整改进展（截至2024年5月10日）",
            "是否销号",
            "销号时间",
        ]
    )
    _rows(
        ws,
        3,
        [
            [1, "值班值守制度执行不严", "修订值班制度", "办公室", "钱某", "2024.04.30", "已修订印发值班制度并组织学习", "√", "2024.4.25"],
            [2, "安全生产隐患排查不彻底", "开展全面隐患排查", "安监科", "孙某", "6月30日前", "已排查企业28家，正在督促整改", "否", None],
            [3, "信息报送不及时", "建立信息报送通报机制", "办公室", "钱某", "2024-4-30", "尚未制定", "否", None],
            [4, "档案管理不规范", "整理归档2023年文书档案", "档案室", "李某", "2024年5月20日", "已整理完毕", "是", "2024/5/6"],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=1,
        problems=4,
        measures=4,
        statuses={"已完成": 2, "正在推进": 2},
        columns={"序号": "A", "问题": "B", "整改措施": "C", "责任部门": "D", "责任人": "E", "整改时限": "F", "整改进展及成效": "G", "整改状态": "H", "完成时间": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 5. A 局 collecting from its 科室: sheet 汇总表 after a 填表说明 sheet, a 科室 column, blank
#    separator rows, a hidden row, status words 已完成并长期坚持 / 持续整改 / 未完成.


def bureau_collects(path: Path) -> Expect:
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["请各科室于每月25日前报送整改进展。"])
    ws = wb.create_sheet("汇总表")
    ws.append(["某区市场监管局巡察整改进展汇总表"])
    ws.append(["序号", "问题类别", "具体问题", "整改措施", "分管领导", "责任科室", "经办人", "整改时限", "整改状态", "完成时间", "整改成效"])
    _rows(
        ws,
        3,
        [
            [1, "党建工作", "三会一课不规范", "规范支部会议记录", "张某", "机关党委", "赵某", "2024年4月30日", "已完成并长期坚持", dt.date(2024, 4, 28), "已规范记录"],
            [2, "党建工作", "党费收缴不及时", "按月收缴党费", "张某", "机关党委", "赵某", "长期", "持续整改", None, None],
            [None, None, None, None, None, None, None, None, None, None, None],
            [3, "业务工作", "食品抽检覆盖面不足", "扩大抽检范围", "王某", "食品科", "刘某", "2024年3月31日", "未完成", None, "已完成抽检计划的60%"],
            [4, "业务工作", "投诉处理超时", "建立投诉处理台账", "王某", "消保科", "陈某", "2024年12月", "已完成", dt.date(2024, 3, 1), "台账已建立"],
        ],
    )
    ws.row_dimensions[7].hidden = True
    wb.save(path)
    return Expect(
        aspects=2,
        problems=4,
        measures=4,
        statuses={"长期坚持": 1, "正在推进": 2, "已完成": 1},
        columns={"方面": "B", "问题": "C", "责任领导": "E", "责任部门": "F", "责任人": "G", "整改状态": "I", "整改进展及成效": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 6. Saved by WPS from a hand-made sheet: 序号 as 1.0, headers with full-width spaces and notes
#    (责　任　人, 整改时限（年月日）), dates typed as text, ✓ for done, "（1）…（2）…" measures,
#    清退资金 in 万元 and a 合计 row that must not be counted again.


def wps_hand_made(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    ws.append(["关于巡察反馈意见整改落实情况台账"])
    ws.append(["填报单位：（盖章）                填报时间："])
    ws.append(
        [
            "序号",
            "方  面",
            "问  题",
            "整改措施",
            "责任领导",
            "责任单位",
            "责　任　人",
            "整改时限（年月日）",
            "整改状态",
            "完成时间",
            "清退资金（万元）",
            "问责人次",
        ]
    )
    _rows(
        ws,
        4,
        [
            [1.0, "落实全面从严治党方面", "违规发放津补贴", "（1）全面清理津补贴发放情况（2）追回违规发放资金", "王某", "财务科", "周某 ", "2024/4/30", "✓", "2024/4/28", 3.5, 2],
            [2.0, "落实全面从严治党方面", "公车私用", "加强公务用车管理", "王某", "办公室", "钱某", "2024-06-30 ", "正在推进", None, None, 1],
            [3.0, "基层党建方面", "发展党员程序不规范", "逐一核查发展党员档案", "李某", "机关党委", "赵某", "2024年6月30日前完成，并长期坚持", "正在推进", None, None, None],
        ],
    )
    ws.append(["合计", None, None, None, None, None, None, None, None, None, 3.5, 3])
    wb.save(path)
    return Expect(
        aspects=2,
        problems=3,
        measures=4,
        statuses={"已完成": 2, "正在推进": 2},
        columns={"方面": "B", "问题": "C", "责任人": "G", "整改时限": "H", "整改状态": "I", "清退资金": "K"},
        money=35000,
    )


# ---------------------------------------------------------------------------------------------
# 7. A two-row header whose top row names fewer than three columns: 序号 and 整改措施 are written
#    in the top cell only (not merged down); 问题情况 / 责任主体 / 整改情况 are group titles.


def top_row_sparse(path: Path) -> Expect:
    wb, ws = _new("台账")
    ws.append(["序号", "问题情况", None, "整改措施", "责任主体", None, None, "整改时限", "整改情况", None, None])
    ws.merge_cells("B1:C1")
    ws.merge_cells("E1:G1")
    ws.merge_cells("I1:K1")
    ws.append([None, "问题类别", "问题描述", None, "责任领导", "责任部门", "责任人", None, "完成状态", "完成时间", "进展情况"])
    _rows(
        ws,
        3,
        [
            [1, "作风建设", "会议多文件多", "精简会议文件", "张某", "办公室", "李某", "2024年3月31日", "已完成", dt.date(2024, 3, 25), "会议同比减少30%"],
            [2, "作风建设", "调研不深入", "制定调研计划", "张某", "办公室", "李某", "2024年9月", "未启动", None, None],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=1,
        problems=2,
        measures=2,
        statuses={"已完成": 1, "未启动": 1},
        columns={"序号": "A", "方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "整改时限": "H", "整改状态": "I", "完成时间": "J", "整改进展及成效": "K"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 方面 and problems as numbered section rows ("一、…方面" then "（一）关于…的问题"), 序号 per
#    measure, measures "一是…二是…" in one cell, deadlines 即知即改 / 年底前 / 长期.


def section_rows(path: Path) -> Expect:
    wb, ws = _new("整改清单")
    ws.append(["区委巡察反馈意见整改清单"])
    ws.append(["序号", "整改措施", "牵头领导", "牵头科室", "具体责任人", "完成时限", "整改进度", "完成时间", "佐证材料"])
    _section(ws, 3, "一、落实党的理论路线方针政策方面", 9)
    _section(ws, 4, "（一）关于学习贯彻不深入的问题", 9)
    _rows(
        ws,
        5,
        [
            [1, "一是修订党组理论学习中心组学习制度；二是每月开展集中学习。", "张某", "办公室", "李某", "即知即改", "已完成", dt.date(2024, 4, 1), "学习制度"],
            [2, "开展专题读书班", "张某", "办公室", "李某", "年底前", "正在推进", None, None],
        ],
    )
    _section(ws, 7, "二、落实全面从严治党方面", 9)
    _section(ws, 8, "（一）关于廉政风险防控薄弱的问题", 9)
    _rows(
        ws,
        9,
        [
            [3, "排查廉政风险点", "王某", "纪检组", "赵某", "2024年6月底前", "整改中", None, None],
            [4, "建立廉政风险防控手册", "王某", "纪检组", "赵某", "长期", "持续推进", None, None],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=2,
        problems=2,
        measures=5,
        statuses={"已完成": 2, "正在推进": 3},
        columns={"整改措施": "B", "责任领导": "C", "牵头部门": "D", "责任人": "E", "整改时限": "F", "整改状态": "G", "完成时间": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 9. No status column: 整改完成情况 is a paragraph that opens with the status ("已完成。…",
#    "正在推进，…"), as many units write it.


def status_in_progress_text(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改完成情况", "完成时间"])
    _rows(
        ws,
        2,
        [
            [1, "组织建设方面", "支部换届不及时", "按期完成支部换届", "张某", "机关党委", "李某", "2024年4月30日", "已完成。4月20日召开党员大会完成换届选举。", dt.date(2024, 4, 20)],
            [2, "组织建设方面", "党员教育管理不严", "建立党员积分管理制度", "张某", "机关党委", "李某", "2024年6月30日", "正在推进，已起草积分管理办法征求意见稿。", None],
            [3, "纪律建设方面", "廉政教育不经常", "每季度开展警示教育", "王某", "纪检组", "赵某", "长期坚持", "已完成并长期坚持。一季度已组织观看警示教育片。", dt.date(2024, 3, 28)],
            [4, "纪律建设方面", "谈心谈话不够", "开展全覆盖谈心谈话", "王某", "纪检组", "赵某", "2024年5月31日", "未启动。", None],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=2,
        problems=4,
        measures=4,
        statuses={"已完成": 1, "正在推进": 1, "长期坚持": 1, "未启动": 1},
        columns={"整改时限": "H", "完成时间": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 整改状态 left blank where 完成时间 is filled (the unit marks completion by the date).


def blank_status_with_date(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "整改状态", "完成时间", "整改进展及成效"])
    _rows(
        ws,
        2,
        [
            [1, "制度建设方面", "制度更新不及时", "全面梳理制度", "张某", "办公室", "李某", "2024年4月30日", None, dt.date(2024, 4, 15), "已梳理制度42项"],
            [2, "制度建设方面", "制度执行不严", "开展制度执行检查", "张某", "办公室", "李某", "2024年6月30日", "正在推进", None, "已检查3个科室"],
        ],
    )
    wb.save(path)
    return Expect(aspects=1, problems=2, measures=2, statuses={"正在推进": 1})


# ---------------------------------------------------------------------------------------------
# 11. 巡视整改台账: a problem merged over three measure rows, cells holding "1.…；2.…" and
#     "①…②…", 问题表现 / 整改目标 merged, 配合部门, status words in 进展情况, a blank row
#     between problems, a footer note.


def numbered_cells_merged_problem(path: Path) -> Expect:
    wb, ws = _new("巡视整改台账")
    ws.append(["序号", "问题类型", "存在的问题", "问题表现", "整改目标", "整改措施", "责任领导", "责任部门", "配合部门", "整改时限", "进展情况", "完成日期", "备注"])
    _rows(
        ws,
        2,
        [
            [1, "党的建设", "主体责任落实不到位", "党组研究党建工作少", "压实主体责任", "1.制定党组落实主体责任清单；2.每季度专题研究党建工作", "张某", "办公室", "各科室", "2024年6月30日前", "已完成", dt.date(2024, 4, 30), None],
            [None, None, None, None, None, "①开展述责述廉②约谈下级党组织书记", None, "机关党委", None, "2024年12月31日前", "序时推进", None, None],
            [None, None, None, None, None, "建立党建工作考核办法", None, "机关党委", None, "2024年第三季度", "未启动", None, None],
            [None] * 13,
            [2, "党的建设", "基层组织软弱涣散", "个别支部长期不开展活动", "支部活动正常开展", "整顿软弱涣散党支部", "李某", "组织科", None, "2024年9月底前", "正在推进", None, "已排查3个支部"],
        ],
    )
    for col in (1, 2, 3, 4, 5, 7):
        _merge_down(ws, col, 2, 4)
    ws.append(["注：1.整改时限精确到日；2.进展情况填写已完成、正在推进、未启动。"])
    wb.save(path)
    return Expect(
        aspects=1,
        problems=2,
        measures=6,
        statuses={"已完成": 2, "正在推进": 3, "未启动": 1},
        columns={"方面": "B", "问题": "C", "问题表现": "D", "整改目标": "E", "整改措施": "F", "责任领导": "G", "整改状态": "K", "完成时间": "L"},
    )


# ---------------------------------------------------------------------------------------------
# 12. Ticks and yes/no: 完成情况（是/否） answered 是/否 is the status; 办结时间 the finish date;
#     整改措施 headed 具体整改措施, 问题 headed 巡察组反馈的问题; a row （1）（2）… numbering the
#     columns under the header.


def check_marks_and_yes_no(path: Path) -> Expect:
    wb, ws = _new("反馈问题整改")
    ws.append(["序号", "所属方面", "巡察组反馈的问题", "具体整改措施", "分管领导", "责任股室", "责任人", "完成期限", "完成情况（是/否）", "办结时间"])
    ws.append([f"（{n}）" for n in range(1, 11)])  # the columns numbered under the header
    _rows(
        ws,
        3,
        [
            [1, "财务管理方面", "报销审核不严", "严格报销审核", "赵某", "财务股", "钱某", "2024年3月31日", "是", dt.date(2024, 3, 30)],
            [2, "财务管理方面", "预算执行率低", "加快预算执行", "赵某", "财务股", "钱某", "2024年11月30日", "否", None],
            [3, "人事管理方面", "干部档案不完整", "补齐干部档案材料", "孙某", "人事股", "周某", "2024年4月30日", "是", dt.date(2024, 4, 26)],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=2,
        problems=3,
        measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "整改时限": "H", "整改状态": "I", "完成时间": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 13. The instructions sheet first, the ledger on "附件1", an empty Sheet2 after it; 整改时限
#     in quarters and keywords, a hidden column, a 小计 row per 方面.


def instructions_first_sheet(path: Path) -> Expect:
    wb = openpyxl.Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["1.请按要求填写，不要改动表头。"])
    ws = wb.create_sheet("附件1")
    wb.create_sheet("Sheet2")
    ws.append(["附件1"])
    ws.append(["某县教育局主题教育检视问题整改落实台账"])
    ws.append(["序号", "问题类别", "具体问题", "整改任务", "牵头领导", "牵头单位", "具体责任人", "时间节点", "整改状态", "完成时间", "清退资金（元）"])
    _rows(
        ws,
        4,
        [
            [1, "为民服务", "学位申请流程繁琐", "推行网上申请", "张某", "基教股", "刘某", "2024年第三季度", "推进中", None, None],
            [2, "为民服务", "违规收费", "清退违规收取的资料费", "张某", "计财股", "陈某", "立行立改", "已整改", dt.date(2024, 3, 15), 12800],
        ],
    )
    ws.append(["小计", None, None, None, None, None, None, None, None, None, 12800])
    _rows(
        ws,
        7,
        [
            [3, "干部作风", "督导检查走过场", "改进督导检查方式", "李某", "督导室", "杨某", "长期坚持", "长期坚持", dt.date(2024, 4, 1), None],
        ],
    )
    ws.column_dimensions["G"].hidden = True
    wb.save(path)
    return Expect(
        aspects=2,
        problems=3,
        measures=3,
        statuses={"正在推进": 1, "已完成": 1, "长期坚持": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "牵头部门": "F", "整改时限": "H"},
        money=12800,
    )


# ---------------------------------------------------------------------------------------------
# 14. 完成情况 holds the status words and 整改进展情况 the paragraph: both headers are names of
#     the progress column, the first turns out to be the status.


def status_and_progress_by_alias(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "完成情况", "整改进展情况", "完成时间"])
    _rows(
        ws,
        2,
        [
            [1, "制度建设方面", "问题一", "修订财务制度", "张某", "办公室", "2024年4月30日", "已完成", "已修订印发财务制度并组织学习。", dt.date(2024, 4, 20)],
            [2, "制度建设方面", "问题二", "修订采购制度", "张某", "办公室", "2024年6月30日", "正在推进", "已起草征求意见稿，正在修改。", None],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=1,
        problems=2,
        measures=2,
        statuses={"已完成": 1, "正在推进": 1},
        columns={"整改状态": "H", "整改进展及成效": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 15. Written once, not merged: 序号 / 方面 / 问题 / 责任领导 only on a problem's first row and
#     方面 only on its group's first row (the blanks are reported; the counts stay right).


def written_once_not_merged(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "完成时间"])
    _rows(
        ws,
        2,
        [
            [1, "班子建设方面", "民主集中制执行不严", "修订议事规则", "张某", "办公室", "2024年4月30日", "已完成", dt.date(2024, 4, 20)],
            [None, None, None, "严格执行“三重一大”决策", None, "办公室", "长期坚持", "长期坚持", dt.date(2024, 4, 20)],
            [2, None, "批评与自我批评不够", "开好专题民主生活会", "李某", "办公室", "2024年6月30日", "正在推进", None],
            [3, "队伍建设方面", "年轻干部储备不足", "制定年轻干部培养计划", "李某", "人事科", "2024年6月30日", "未启动", None],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=2,
        problems=3,
        measures=4,
        statuses={"已完成": 1, "长期坚持": 1, "正在推进": 1, "未启动": 1},
    )


# ---------------------------------------------------------------------------------------------
# 16. Each problem on a line of its own (序号 1, 方面, 问题, 责任领导), its measures on the lines
#     below numbered 1.1, 1.2 with 方面 and 问题 left blank.


def problem_line_then_measures(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "方面", "问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "完成时间"])
    _rows(
        ws,
        2,
        [
            ["1", "意识形态方面", "阵地管理不严", None, "张某", None, None, None, None],
            ["1.1", None, None, "清理微信公众号", None, "宣传科", "2024年4月30日", "已完成", dt.date(2024, 4, 20)],
            ["1.2", None, None, "建立信息发布审核制度", None, "宣传科", "2024年6月30日", "正在推进", None],
            ["2", "意识形态方面", "舆情应对不及时", None, "李某", None, None, None, None],
            ["2.1", None, None, "制定舆情应对预案", None, "办公室", "2024年6月30日", "未启动", None],
        ],
    )
    wb.save(path)
    return Expect(
        aspects=1,
        problems=2,
        measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
    )


# ---------------------------------------------------------------------------------------------
# 17. A 局 pastes its 科室' tables one under another: each 科室's name on a row of its own, the
#     second table with its header repeated, 序号 starting again at 1 in each.


def sections_pasted_together(path: Path) -> Expect:
    wb, ws = _new("汇总")
    header = ["序号", "方面", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态", "完成时间"]
    ws.append(["某局巡察整改台账（各科室汇总）"])
    ws.append(header)
    ws.append(["办公室"])
    ws.append([1, "作风建设方面", "公文运转慢", "压缩公文办理时限", "张某", "办公室", "2024年4月30日", "已完成", dt.date(2024, 4, 20)])
    ws.append([2, "制度建设方面", "制度汇编未更新", "更新制度汇编", "张某", "办公室", "2024年6月30日", "正在推进", None])
    ws.append(["财务科"])
    ws.append(header)
    ws.append([1, "作风建设方面", "报销周期长", "推行网上报销", "李某", "财务科", "2024年6月30日", "正在推进", None])
    ws.append([2, "制度建设方面", "内控制度不健全", "修订内控手册", "李某", "财务科", "2024年9月30日", "未启动", None])
    ws.merge_cells("A3:I3")
    ws.merge_cells("A6:I6")
    wb.save(path)
    return Expect(
        aspects=2,
        problems=4,
        measures=4,
        statuses={"已完成": 1, "正在推进": 2, "未启动": 1},
        columns={"责任部门": "F"},
    )
# fmt: on
