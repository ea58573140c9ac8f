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
