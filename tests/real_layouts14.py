"""A fourteenth round of ledgers laid out the way real organisations send them (``real_layouts``
… ``real_layouts12`` have the earlier rounds), this time for the STRUCTURE of the workbook rather
than its words: a table starting at B6 under a 填报说明 block with 填报人 / 审核人 / 联系电话 /
填报日期 cells under it; a filter left on with the done rows filtered out (hidden) and the panes
frozen; measure rows grouped (分级显示) and collapsed under their problem; 清退资金 repeated on
each measure row of a problem written again on every row, and merged over the measures with 小计
and 合计 rows; an Excel 表格 (套用表格格式) with its 汇总 row of SUBTOTAL formulas and 序号 and
状态 as formulas; 整改进展 over 时间 / 状态 / 成效; a box of counts beside the table; one sheet per
科室 behind a 汇总 sheet of formulas; a problem merged, written once and repeated in one sheet;
an old 整改状态 column hidden beside the current one; headers and cells merged across two columns;
each measure's own amount; month columns grouped and collapsed; a 总表 of formulas over the 科室
sheets; two tables under headings naming their status; the 清退资金 on a problem line and on a
"（一）" problem heading.

Each builder writes one workbook to ``path`` (a fictional unit) and returns what the clerk who
filled it in knows about it (``real_layouts.Expect``). ``test_real_layouts14`` runs the real
pipeline over each.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.table import Table, TableStyleInfo
from real_layouts import Expect, _new
from real_layouts import _merge_down as _down
from real_layouts import _rows as _put
from real_layouts import _section as _across

TODAY = "2025-09-15"


def _put_at(ws: Any, row: int, col: int, rows: list[list[Any]]) -> None:
    """``rows`` written from (``row``, ``col``) on, blanks left empty."""
    for i, values in enumerate(rows):
        for j, v in enumerate(values):
            if v is not None:
                c = ws.cell(row=row + i, column=col + j, value=v)
                c.alignment = Alignment(wrap_text=True, vertical="center")


def _cache(path: Path, sheet: int, values: dict[str, Any]) -> None:
    """Give the formulas of ``values``' cells the results Excel saves beside them (openpyxl
    writes a formula with an empty result: a workbook Excel or WPS saved always has one)."""
    name = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts[name].decode()
    for ref, value in values.items():
        kind = ' t="str"' if isinstance(value, str) else ""
        found = re.search(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*(?:/>|></v>)</c>', xml)
        assert found is not None, ref
        cell = f'<c r="{ref}"{found.group(1)}{kind}><f>{found.group(2)}</f><v>{value}</v></c>'
        xml = xml[: found.start()] + cell + xml[found.end() :]
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


# ---------------------------------------------------------------------------------------------
# 1. 县直单位: the table starts at B6 (column A left narrow and empty): the title in B1, a
#    填报说明 block of numbered lines (B2:B4) above the header, and under the table the
#    填报人 / 审核人 / 联系电话 / 填报日期 labels each in a cell of its own with the value beside.


def offset_table_guide_above(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.column_dimensions["A"].width = 2
    ws.cell(row=1, column=2, value="县水利局巡察反馈问题整改台账")
    ws.merge_cells("B1:I1")
    _put_at(ws, 2, 2, [
        ["填报说明："],
        ["1.一条整改措施填写一行，问题相同的可合并单元格。"],
        ["2.整改状态填写“已完成”“正在推进”“未启动”。"],
    ])
    for r in (2, 3, 4):
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=9)
    _put_at(ws, 6, 2, [
        ["序号", "方面", "问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态"],
        [1, "党的建设", "党支部“三会一课”不规范", "建立“三会一课”记录审核制度", "局长", "办公室", "2025年6月30日", "已完成"],
        [2, "党的建设", "党员教育管理不严", "开展党员积分制管理", "局长", "办公室", "2025年12月31日", "正在推进"],
        [3, "业务工作", "小型水库巡查不到位", "落实水库巡查责任人", "副局长", "水管股", "2025年8月31日", "已完成"],
        [4, "业务工作", "农村饮水工程维护滞后", "建立管护台账", "副局长", "农水股", "2025年11月30日", "未启动"],
    ])
    _put_at(ws, 12, 2, [
        ["填报人：", "王某", None, "审核人：", "李某", None, "联系电话：", "0000-1234567"],
        ["填报日期：", "2025年9月10日"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"方面": "C", "问题": "D", "整改措施": "E", "责任领导": "F", "责任部门": "G", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 2. 区直单位 sent with a filter left on: the 整改状态 filter shows only 正在推进 / 未启动, the
#    done rows are hidden by it; the two title rows frozen.


def filter_left_on(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    _across(ws, 1, "区商务局整改台账", 7)
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改状态"])
    _put(ws, 3, [
        [1, "招商引资项目跟踪服务不到位", "建立项目专员制度", "局长", "招商科", "2025年6月30日", "已完成"],
        [2, "外贸企业帮扶政策宣传不够", "开展政策进企业活动", "副局长", "外贸科", "2025年10月31日", "正在推进"],
        [3, "商贸流通统计数据报送滞后", "建立统计报送提醒机制", "副局长", "市场科", "2025年7月31日", "已完成"],
        [4, "电商服务站点运营不佳", "开展站点运营评估", "副局长", "市场科", "2025年12月31日", "未启动"],
    ])
    ws.auto_filter.ref = "A2:G6"
    ws.auto_filter.add_filter_column(6, ["正在推进", "未启动"])
    for r in (3, 5):
        ws.row_dimensions[r].hidden = True
    ws.freeze_panes = "A3"
    wb.save(path)
    return Expect(
        aspects=1, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 县直单位: each problem on a row of its own (序号 1, 2), its measures on the rows below
#    (1.1, 1.2) grouped under it with 分级显示 and the group collapsed (the measure rows hidden).


def collapsed_measure_groups(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任部门", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "政务公开栏目更新不及时", None, None, None, None],
        ["1.1", None, "明确栏目更新责任人", "办公室", "2025年6月30日", "已完成"],
        ["1.2", None, "每月检查栏目更新情况", "办公室", "2025年12月31日", "正在推进"],
        [2, "依申请公开答复不规范", None, None, None, None],
        ["2.1", None, "制定答复文书范本", "法规科", "2025年8月31日", "已完成"],
    ])
    for r in (3, 4, 6):
        ws.row_dimensions[r].outline_level = 1
        ws.row_dimensions[r].hidden = True
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 审计整改 where the problem and its 清退资金（万元） are written again on each of its measure
#    rows (not merged): the problem's money once, not once per measure.


def money_repeated_per_measure(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    ws.append(["序号", "审计发现问题", "清退资金（万元）", "整改措施", "责任单位", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "违规发放津贴补贴", 12.5, "清退违规发放的津贴补贴", "人事科", "2025年6月30日", "已完成"],
        [1, "违规发放津贴补贴", 12.5, "修订津贴补贴发放办法", "人事科", "2025年10月31日", "正在推进"],
        [2, "超范围列支培训费", 3.2, "追回超范围列支的培训费", "财务科", "2025年7月31日", "已完成"],
        [3, "专项资金闲置", None, "盘活闲置专项资金", "财务科", "2025年12月31日", "未启动"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "清退资金": "C", "整改措施": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
        money=157000,
    )


# ---------------------------------------------------------------------------------------------
# 5. 财政整改 with 方面 section rows, the problem and its 清退资金（万元） merged over its measures,
#    a 小计 row under each 方面 and a 合计 row at the foot: each amount counted once.


def money_merged_with_subtotals(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "清退资金（万元）", "整改措施", "责任单位", "整改时限", "整改状态"])
    _across(ws, 2, "一、资金管理方面", 7)
    _put(ws, 3, [
        [1, "违规发放加班补贴", 8, "清退违规补贴", "人事科", "2025年6月30日", "已完成"],
        [None, None, None, "建立加班审批制度", "人事科", "2025年9月30日", "已完成"],
        [2, "公务卡结算不规范", 1.5, "追回违规报销款项", "财务科", "2025年10月31日", "正在推进"],
        ["小计", None, 9.5, None, None, None, None],
    ])
    _down(ws, 1, 3, 4)
    _down(ws, 2, 3, 4)
    _down(ws, 3, 3, 4)
    _across(ws, 7, "二、资产管理方面", 7)
    _put(ws, 8, [
        [3, "出租房产租金未及时收缴", 20, "催缴欠缴租金", "资产科", "2025年12月31日", "正在推进"],
        [None, None, None, "规范房产出租合同", "资产科", "2025年12月31日", "未启动"],
        ["小计", None, 20, None, None, None, None],
        ["合计", None, 29.5, None, None, None, None],
    ])
    _down(ws, 1, 8, 9)
    _down(ws, 2, 8, 9)
    _down(ws, 3, 8, 9)
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=5,
        statuses={"已完成": 2, "正在推进": 2, "未启动": 1},
        columns={"问题": "B", "清退资金": "C", "整改措施": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
        money=295000,
    )


# ---------------------------------------------------------------------------------------------
# 6. 套用表格格式: the ledger an Excel 表格 (its header with filter buttons, banded rows), 序号 a
#    formula (=ROW()-1), 整改状态 a formula of the dates (完成时间 filled → 已完成), and the
#    表格's 汇总 row at the foot (SUBTOTAL of the 清退资金, the count of measures). Saved by Excel:
#    each formula with its result.


def excel_table_totals_row(path: Path) -> Expect:
    wb, ws = _new("台账")
    ws.append(["序号", "问题", "整改措施", "责任部门", "整改时限", "完成时间", "清退资金（元）", "整改状态"])
    rows = [
        ["违规使用公务用车", "清理公务用车使用记录", "办公室", "2025年6月30日", "2025年6月20日", 5000],
        ["会议费报销不规范", "修订会议费管理办法", "财务科", "2025年10月31日", None, None],
        ["差旅费超标准报销", "追回超标准差旅费", "财务科", "2025年8月31日", "2025年8月25日", 1200],
    ]
    for i, row in enumerate(rows, start=2):
        ws.append(["=ROW()-1", *row, f'=IF(F{i}<>"","已完成","正在推进")'])
    ws.append(["汇总", None, "=SUBTOTAL(103,C2:C4)", None, None, None, "=SUBTOTAL(109,G2:G4)", None])
    table = Table(displayName="整改台账", ref="A1:H5", totalsRowCount=1)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    wb.save(path)
    _cache(path, 1, {
        "A2": 1, "A3": 2, "A4": 3, "H2": "已完成", "H3": "正在推进", "H4": "已完成",
        "C5": 3, "G5": 6200,
    })
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "完成时间": "F", "清退资金": "G", "整改状态": "H"},
        money=6200,
    )


# ---------------------------------------------------------------------------------------------
# 7. 区直机关: a two-row header, 责任主体 over 责任领导 / 牵头部门 / 责任人 and 整改进展 over 时间 /
#    状态 / 成效 (the 时间 under the progress is when it was done).


def progress_over_time_status_effect(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "整改时限", "责任主体", None, None, "整改进展", None, None])
    ws.append([None, None, None, None, "责任领导", "牵头部门", "责任人", "时间", "状态", "成效"])
    for col in (1, 2, 3, 4):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.merge_cells("E1:G1")
    ws.merge_cells("H1:J1")
    _put(ws, 3, [
        [1, "机关作风督查发现迟到早退", "实行电子考勤并每月通报", "2025年6月30日", "副区长", "区机关事务中心", "主任甲", "2025年6月15日", "已完成", "迟到早退明显减少"],
        [2, "文件办理超时", "建立公文办理时限提醒", "2025年10月31日", "副区长", "区政府办", "主任乙", None, "正在推进", "提醒功能已上线试运行"],
        [3, "会议室使用管理混乱", "推行会议室预约制度", "2025年12月31日", "副区长", "区机关事务中心", "主任甲", None, "未启动", None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "整改时限": "D", "责任领导": "E", "牵头部门": "F", "责任人": "G", "完成时间": "H", "整改状态": "I", "整改进展及成效": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 乡镇: a box of counts beside the table (an empty column between): 统计 / 已完成 2 /
#    正在推进 1 / 未启动 1 / 合计 4 in columns I:J, its cells on the rows of the measures.


def counts_box_beside_table(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任领导", "责任站所", "整改时限", "整改状态", None, "统计", None])
    _put(ws, 2, [
        [1, "村级财务审核不严", "落实村级财务镇审核制度", "镇长", "财政所", "2025年6月30日", "已完成", None, "已完成", 2],
        [2, "农村人居环境整治不彻底", "开展村庄清洁行动", "副镇长", "农业站", "2025年11月30日", "正在推进", None, "正在推进", 1],
        [3, "便民服务事项公开不全", "更新便民服务事项清单", "副镇长", "便民服务中心", "2025年8月31日", "已完成", None, "未启动", 1],
        [4, "安全生产网格员履职不到位", "开展网格员培训考核", "副镇长", "安监站", "2025年12月31日", "未启动", None, "合计", 4],
    ])
    ws.merge_cells("I1:J1")
    wb.save(path)
    return Expect(
        aspects=1, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 区卫健委: a 汇总 sheet first (its counts formulas over the 科室 sheets, saved with their
#    results), then one sheet per 科室 of the same header, each with its own 方面 column.


def unit_sheets_behind_formula_summary(path: Path) -> Expect:
    wb, ws = _new("汇总")
    ws.append(["科室", "问题数", "已完成", "正在推进"])
    ws.append(["医政科", "=COUNTA(医政科!C:C)-1", '=COUNTIF(医政科!G:G,"已完成")', '=COUNTIF(医政科!G:G,"正在推进")'])
    ws.append(["公卫科", "=COUNTA(公卫科!C:C)-1", '=COUNTIF(公卫科!G:G,"已完成")', '=COUNTIF(公卫科!G:G,"正在推进")'])
    ws.append(["合计", "=SUM(B2:B3)", "=SUM(C2:C3)", "=SUM(D2:D3)"])
    head = ["序号", "方面", "问题", "整改措施", "责任领导", "整改时限", "整改状态"]
    first = wb.create_sheet("医政科")
    first.append(head)
    _put(first, 2, [
        [1, "医疗质量", "病历书写不规范", "开展病历质量检查", "副主任甲", "2025年6月30日", "已完成"],
        [2, "行风建设", "收受红包问题时有发生", "签订医德医风承诺书", "副主任甲", "2025年10月31日", "正在推进"],
    ])
    second = wb.create_sheet("公卫科")
    second.append(head)
    _put(second, 2, [
        [1, "行风建设", "公共卫生服务数据不实", "开展数据核查", "副主任乙", "2025年8月31日", "已完成"],
    ])
    wb.save(path)
    _cache(path, 1, {"B2": 2, "C2": 1, "D2": 1, "B3": 1, "C3": 1, "D3": 0, "B4": 3, "C4": 2, "D4": 1})
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任领导": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 几个人轮流填的台账: in one sheet, problem 1 merged over its two measures, problem 2 written
#     once with its second measure's row left blank under it, problem 3 written again on each of
#     its two rows.


def merged_blank_and_repeated_mixed(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任部门", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "干部考核结果运用不充分", "完善考核结果运用办法", "组织科", "2025年6月30日", "已完成"],
        [None, None, "建立考核结果反馈机制", "组织科", "2025年9月30日", "已完成"],
        [2, "年轻干部培养力度不够", "制定年轻干部培养计划", "组织科", "2025年8月31日", "已完成"],
        [None, None, "开展年轻干部轮岗交流", "人事科", "2025年12月31日", "正在推进"],
        [3, "干部档案管理不规范", "开展干部档案专项审核", "档案室", "2025年10月31日", "正在推进"],
        [3, "干部档案管理不规范", "建立档案借阅登记制度", "档案室", "2025年7月31日", "已完成"],
    ])
    _down(ws, 1, 2, 3)
    _down(ws, 2, 2, 3)
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=6,
        statuses={"已完成": 4, "正在推进": 2},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
    )


# ---------------------------------------------------------------------------------------------
# 11. 区直单位: last month's 整改状态 column copied and hidden beside this month's (both headed
#     整改状态; the hidden one first).


def hidden_old_status_same_header(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    ws.append(["序号", "问题", "整改措施", "责任部门", "整改时限", "整改状态", "整改状态"])
    _put(ws, 2, [
        [1, "执法案卷归档不及时", "开展案卷集中归档", "法制科", "2025年6月30日", "正在推进", "已完成"],
        [2, "执法人员持证上岗不全", "组织执法资格考试", "政工科", "2025年10月31日", "未启动", "正在推进"],
        [3, "投诉举报处理超时", "建立投诉办理督办制度", "投诉中心", "2025年12月31日", "未启动", "未启动"],
    ])
    ws.column_dimensions["F"].hidden = True
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 12. WPS 手工表格: the 问题 and 整改措施 columns each two cells wide (the header merged over B:C
#     and D:E, and every row's cells merged the same way, to make them wider).


def wide_cells_merged_across(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    ws.append(["序号", "问题", None, "整改措施", None, "责任部门", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "机关食堂采购不规范", None, "推行食堂采购公开比价", None, "后勤科", "2025年6月30日", "已完成"],
        [2, "办公用房超标准使用", None, "腾退超标准办公用房", None, "办公室", "2025年10月31日", "正在推进"],
        [3, "固定资产登记不全", None, "开展资产清查登记", None, "财务科", "2025年12月31日", "未启动"],
    ])
    for r in range(1, 5):
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "D", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 13. 审计整改 where the problem is written again on each measure row and each measure has its
#     own amount (清退 5 and 3): the amounts differ, so each is the measure's own, both counted.


def money_each_measure_its_own(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    ws.append(["序号", "审计发现问题", "整改措施", "清退资金（万元）", "责任单位", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "违规发放奖金", "清退机关违规发放的奖金", 5, "人事科", "2025年6月30日", "已完成"],
        [1, "违规发放奖金", "清退下属单位违规发放的奖金", 3, "人事科", "2025年9月30日", "已完成"],
        [2, "会议费超标", "追回超标会议费", 0.8, "办公室", "2025年10月31日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "清退资金": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
        money=88000,
    )


# ---------------------------------------------------------------------------------------------
# 14. 市直单位: the month-by-month progress columns (1月进展 … 6月进展) grouped with 分级显示 and
#     collapsed (hidden), "截至7月底进展" left visible beside the 整改状态.


def collapsed_month_columns(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    months = [f"{m}月进展" for m in range(4, 7)]
    ws.append(["序号", "问题", "整改措施", "责任部门", "整改时限", *months, "截至7月底进展", "整改状态"])
    _put(ws, 2, [
        [1, "行政审批事项清单未及时调整", "动态调整审批事项清单", "审批科", "2025年6月30日", "启动清单梳理", "完成初稿", "已印发", "已印发实施", "已完成"],
        [2, "“一网通办”事项覆盖率低", "推动高频事项网上可办", "数据科", "2025年12月31日", "制定方案", "上线20项", "上线35项", "上线48项", "正在推进"],
        [3, "窗口服务评价整改不及时", "建立差评整改回访制度", "窗口科", "2025年11月30日", None, None, None, None, "未启动"],
    ])
    for letter in ("F", "G", "H"):
        ws.column_dimensions[letter].outline_level = 1
        ws.column_dimensions[letter].hidden = True
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "整改时限": "E", "整改进展及成效": "I", "整改状态": "J"},
    )


# ---------------------------------------------------------------------------------------------
# 15. 区直单位: one sheet per 科室 and a 总表 in front whose every cell is a formula taking the
#     科室 sheets' cells (='办公室'!B2 …), saved with their results: the same rows twice.


def summary_sheet_of_formulas(path: Path) -> Expect:
    head = ["序号", "方面", "问题", "整改措施", "责任部门", "整改时限", "整改状态"]
    office = [
        [1, "作风建设", "会议多、文件多", "精简会议文件", "办公室", "2025年6月30日", "已完成"],
        [2, "制度建设", "公文处理制度不健全", "修订公文处理办法", "办公室", "2025年10月31日", "正在推进"],
    ]
    finance = [
        [1, "制度建设", "财务报销审核不严", "修订报销审核制度", "财务科", "2025年12月31日", "未启动"],
    ]
    wb, ws = _new("总表")
    ws.append(head)
    cached: dict[str, Any] = {}
    for i, (sheet, r) in enumerate([("办公室", 2), ("办公室", 3), ("财务科", 2)], start=2):
        row = []
        for j, letter in enumerate("ABCDEFG"):
            row.append(f"='{sheet}'!{letter}{r}" if j else "=ROW()-1")
            source = (office if sheet == "办公室" else finance)[r - 2]
            cached[f"{letter}{i}"] = i - 1 if not j else source[j]
        ws.append(row)
    for name, rows in (("办公室", office), ("财务科", finance)):
        sheet = wb.create_sheet(name)
        sheet.append(head)
        _put(sheet, 2, rows)
    wb.save(path)
    _cache(path, 1, cached)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 16. 乡镇: two tables one under the other on one sheet, each under a heading naming where its
#     measures stand ("一、已完成整改事项", "二、正在整改事项") and each with its own header.


def two_tables_by_status(path: Path) -> Expect:
    wb, ws = _new("整改台账")
    head = ["序号", "问题", "整改措施", "责任领导", "责任站所", "整改时限", "整改状态"]
    _across(ws, 1, "一、已完成整改事项", 7)
    ws.append(head)
    _put(ws, 3, [
        [1, "村务公开不及时", "每季度公开村务", "镇长", "党政办", "2025年6月30日", "已完成"],
        [2, "集体资产台账不全", "开展集体资产清查", "副镇长", "三资办", "2025年8月31日", "已完成"],
    ])
    _across(ws, 5, "二、正在整改事项", 7)
    ws.append(head)
    _put(ws, 7, [
        [3, "农村道路养护不到位", "建立道路养护机制", "副镇长", "建设办", "2025年12月31日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 17. 审计整改: each problem on a line of its own carrying its 清退资金（万元） (序号 1, 问题, 金额),
#     its measures on the lines below (1.1, 1.2) with the problem and the amount left blank.


def money_on_problem_line(path: Path) -> Expect:
    wb, ws = _new("审计整改")
    ws.append(["序号", "审计发现问题", "清退资金（万元）", "整改措施", "责任单位", "整改时限", "整改状态"])
    _put(ws, 2, [
        [1, "违规发放福利", 6, None, None, None, None],
        ["1.1", None, None, "清退违规发放的福利", "工会", "2025年6月30日", "已完成"],
        ["1.2", None, None, "完善福利发放审批", "工会", "2025年10月31日", "正在推进"],
        [2, "超预算列支印刷费", 2, None, None, None, None],
        ["2.1", None, None, "追回超预算印刷费", "办公室", "2025年7月31日", "已完成"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "清退资金": "C", "整改措施": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
        money=80000,
    )


# ---------------------------------------------------------------------------------------------
# 18. 巡察整改 with 序号 in three levels in one column ("一、" 方面 rows across, "（一）" problem
#     rows with the problem and its 清退资金 in their cells, "1." measure rows), blank spacer
#     rows between the 方面.


def money_on_numbered_problem_rows(path: Path) -> Expect:
    wb, ws = _new("巡察整改")
    ws.append(["序号", "问题及整改措施", "清退资金（元）", "责任部门", "整改时限", "整改状态"])
    _put(ws, 2, [
        ["一、", "落实中央八项规定精神方面", None, None, None, None],
        ["（一）", "违规发放节日慰问品", 3000, None, None, None],
        ["1.", "清退违规发放的慰问品折价款", None, "办公室", "2025年6月30日", "已完成"],
        ["2.", "建立节日慰问品发放审批制度", None, "办公室", "2025年9月30日", "已完成"],
        [None, None, None, None, None, None],
        ["二、", "选人用人方面", None, None, None, None],
        ["（一）", "干部档案审核不严", None, None, None, None],
        ["1.", "开展干部档案专项审核", None, "组织科", "2025年12月31日", "正在推进"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=2, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"整改措施": "B", "清退资金": "C", "责任部门": "D", "整改时限": "E", "整改状态": "F"},
        money=3000,
    )
