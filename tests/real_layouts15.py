"""A fifteenth round of ledgers laid out the way real organisations send them (``real_layouts``
… ``real_layouts14`` have the earlier rounds), this time for kinds of 整改 not covered yet: a 村
（社区）巡察“回头看” ledger with the 村名 as 方面 and the 原整改情况 beside what the 回头看 found;
a 纪检监察建议书 ledger numbered by 建议书 文号; 党建考核 反馈问题 with 牵头领导 / 责任股室 and
deadlines like “6月底”“长期”; a 营商环境 问题 ledger from 督查 and the 12345 hotline with 问题来源 /
配合单位 / 办理状态; a 网络安全检查 ledger with 隐患等级 and 销号 words; a 意识形态工作责任制检查
ledger; a 县级部门 WPS ledger with the 表格标题 and 填报单位 in merged rows and an 附注 block under
the table; a 乡镇 述职评议 ledger with the 述职人 as 方面.

Each builder writes one workbook to ``path`` (a fictional unit) and returns what the clerk who
filled it in knows about it (``real_layouts.Expect``). ``test_real_layouts15`` runs the real
pipeline over each.
"""

from __future__ import annotations

from pathlib import Path

from real_layouts import Expect, _new, _title
from real_layouts import _merge_down as _down
from real_layouts import _rows as _put
from real_layouts import _section as _across

TODAY = "2025-09-15"

# The ledgers below are tables: one row of the sheet per line reads best.
# fmt: off


# ---------------------------------------------------------------------------------------------
# 1. 乡镇党委 巡察“回头看”: one ledger for its 村（社区）, the 村名 in the first column (merged over
#    the village's rows: read as the 单位, as a 镇 summary of its villages is, ``stats --by 单位``),
#    the 原巡察反馈问题 and its 原整改情况 kept beside what the 回头看 found and the new measure;
#    statuses 已整改 / 整改中 / 持续整改 (under way, as in the earlier rounds).


def village_look_back(path: Path) -> Expect:
    wb, ws = _new("回头看")
    _title(ws, "某镇村（社区）巡察“回头看”问题整改台账", 9)
    ws.append(["村（社区）", "序号", "原巡察反馈问题", "原整改情况", "“回头看”发现问题", "整改措施", "责任人", "完成时限", "整改情况"])
    _put(ws, 3, [
        ["东坡村", 1, "村务公开不及时", "已建立公开制度", "公开内容仍不完整", "按季度公开村级财务明细", "村支书", "2025.6", "已整改"],
        [None, 2, "集体资产台账不全", "已补建台账", "部分资产未入账", "开展资产清查登记", "村会计", "2025年10月", "整改中"],
        ["西河社区", 3, "“三会一课”记录不规范", "已规范记录", "组织生活会会前谈心谈话不到位", "严格落实谈心谈话制度", "社区书记", "长期", "持续整改"],
        [None, 4, "低保评审程序不规范", "已重新评审", "评审结果未公示", "评审结果张榜公示7天", "社区主任", "6月底", "已整改"],
    ])
    _down(ws, 1, 3, 4)
    _down(ws, 1, 5, 6)
    wb.save(path)
    return Expect(
        aspects=1, problems=4, measures=4,
        statuses={"已完成": 2, "正在推进": 2},
        columns={"单位": "A", "问题": "E", "整改措施": "F", "责任人": "G", "整改时限": "H", "整改状态": "I"},
    )


# ---------------------------------------------------------------------------------------------
# 2. 县纪委监委 纪检监察建议书 整改台账: each 建议书 by its 文号, the 建议事项 under it, the measures
#    the unit took; 整改进度 in words 已落实 / 正在落实.


def supervision_proposal(path: Path) -> Expect:
    wb, ws = _new("监察建议整改")
    _title(ws, "纪检监察建议书整改落实台账", 8)
    ws.append(["序号", "建议书文号", "建议事项", "具体整改措施", "责任领导", "责任单位", "整改期限", "整改进度"])
    _put(ws, 3, [
        [1, "某纪建〔2025〕3号", "工程项目招投标监管存在漏洞", "修订招投标管理办法", "分管副局长", "建管股", "2025年6月30日", "已落实"],
        [None, None, None, "开展在建项目专项检查", "分管副局长", "建管股", "2025年10月31日", "正在落实"],
        [2, "某纪建〔2025〕5号", "公务用车使用管理不规范", "安装公车定位系统", "局长", "办公室", "2025年7月31日", "已落实"],
    ])
    _down(ws, 1, 3, 4)
    _down(ws, 2, 3, 4)
    _down(ws, 3, 3, 4)
    wb.save(path)
    return Expect(
        aspects=1, problems=2, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "C", "整改措施": "D", "责任领导": "E", "责任部门": "F", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 3. 党建考核 反馈问题 整改: 牵头领导 / 责任股室, deadlines “6月底”“9月底”“长期坚持”, status
#    已完成 / 整改中 / 未整改, 方面 as section rows "一、…".


def party_building_assessment(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    _title(ws, "2024年度党建工作考核反馈问题整改台账", 7)
    ws.append(["序号", "考核反馈问题", "整改举措", "牵头领导", "责任股室", "完成时限", "整改进展"])
    _across(ws, 3, "一、基层组织建设", 7)
    _put(ws, 4, [
        [1, "党支部标准化建设不达标", "对照标准逐项补齐短板", "机关党委书记", "党建办", "6月底", "已完成"],
        [2, "发展党员计划执行不严", "严格执行发展党员工作流程", "机关党委书记", "党建办", "长期坚持", "整改中"],
    ])
    _across(ws, 6, "二、党风廉政建设", 7)
    _put(ws, 7, [
        [3, "廉政谈话开展不经常", "制定年度廉政谈话计划", "纪检组长", "纪检组", "9月底", "未整改"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 1, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任部门": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 4. 县营商环境 问题整改 (from 政府督查 and the 12345 hotline): 问题来源, 问题描述, 牵头单位 /
#    配合单位, 办结时限, 办理状态 已办结 / 办理中.


def business_environment(path: Path) -> Expect:
    wb, ws = _new("营商环境问题")
    _title(ws, "优化营商环境问题整改清单", 8)
    ws.append(["编号", "问题来源", "问题描述", "整改措施", "牵头单位", "配合单位", "办结时限", "办理状态"])
    _put(ws, 3, [
        ["YS-01", "县政府督查", "企业开办环节多、时间长", "推行企业开办“一窗通办”", "县市场监管局", "县政务服务中心", "2025年5月31日", "已办结"],
        ["YS-02", "12345热线", "工程建设项目审批材料重复提交", "推行审批材料“一次提交、共享复用”", "县住建局", "县自然资源局", "2025年12月31日", "办理中"],
        ["YS-03", "企业座谈会", "涉企检查频次过多", "推行“综合查一次”", "县司法局", "各执法部门", "2025年8月31日", "已办结"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "C", "整改措施": "D", "牵头部门": "E", "整改时限": "G", "整改状态": "H"},
    )


# ---------------------------------------------------------------------------------------------
# 5. 网络安全检查 整改: 检查发现的隐患 with its 隐患等级 (高危 / 中危 / 低危), 整改责任人, 整改完成
#    时限, 销号情况 已销号 / 未销号.


def cyber_security_check(path: Path) -> Expect:
    wb, ws = _new("网络安全")
    _title(ws, "网络安全检查发现问题整改台账", 7)
    ws.append(["序号", "存在隐患", "隐患等级", "整改措施", "整改责任人", "整改时限", "销号情况"])
    _put(ws, 3, [
        [1, "门户网站存在弱口令", "高危", "修改管理后台口令并启用双因子认证", "信息中心主任", "2025年6月30日", "已销号"],
        [2, "服务器操作系统未及时更新补丁", "中危", "建立补丁定期更新机制", "信息中心主任", "2025年9月30日", "未销号"],
        [3, "办公终端未安装杀毒软件", "低危", "统一安装正版杀毒软件", "办公室主任", "2025年7月31日", "已销号"],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "D", "责任人": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 6. 意识形态工作责任制 落实情况检查 反馈问题: 检查内容 as the 方面 column, 发现问题, 整改措施,
#    责任人, 整改时限 “2025.6”, 是否完成 with 是 / 否.


def ideology_responsibility_check(path: Path) -> Expect:
    wb, ws = _new("意识形态")
    _title(ws, "意识形态工作责任制落实情况检查反馈问题整改台账", 7)
    ws.append(["序号", "检查内容", "发现问题", "整改措施", "责任人", "整改时限", "整改完成情况"])
    _put(ws, 3, [
        [1, "阵地管理", "宣传栏内容更新不及时", "每月更新宣传栏内容", "宣传委员", "2025.6", "已整改"],
        [2, "阵地管理", "微信公众号审核把关不严", "落实“三审三校”制度", "宣传委员", "2025.7", "已整改"],
        [3, "研判分析", "意识形态形势研判每年不足两次", "每半年开展一次专题研判", "党组书记", "2025.12", "整改中"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"方面": "B", "问题": "C", "整改措施": "D", "责任人": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 7. 县级部门 saved in WPS: the 表格标题 merged in row 1, 填报单位 and 填报时间 in a merged row 2,
#    a two-row header (责任 over 责任领导 / 责任人), and under the table an 附注 block (“附注：” and its
#    numbered lines “1.…” “2.…”, each a merged row) and the 填表人 line.


def county_wps_with_notes(path: Path) -> Expect:
    wb, ws = _new("Sheet1")
    _title(ws, "县农业农村局巡察反馈问题整改落实情况台账", 8)
    _title(ws, "填报单位（盖章）：县农业农村局　　　　填报时间：2025年9月10日", 8, row=2)
    _put(ws, 3, [
        ["序号", "问题", "整改措施", "责任", None, "整改时限", "整改情况", "备注"],
        [None, None, None, "责任领导", "责任人", None, None, None],
    ])
    for col in (1, 2, 3, 6, 7, 8):
        ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws.merge_cells("D3:E3")
    _put(ws, 5, [
        ["1", "高标准农田建设项目验收不严", "组织开展项目复验", "副局长", "农田建设股长", "2025年6月", "已整改", None],
        ["2", "农机购置补贴审核把关不严", "建立补贴对象核查制度", "副局长", "农机股长", "2025年8月", "已整改", None],
        ["3", "村级集体经济项目收益偏低", "制定集体经济提质增效方案", "局长", "经管股长", "2025年12月", "整改中", "需跨年推进"],
    ])
    _title(ws, "附注：", 8, row=8)
    _title(ws, "1.整改情况填写“已整改”“整改中”“未整改”。", 8, row=9)
    _title(ws, "2.整改时限填写到月，长期坚持的填写“长期”。", 8, row=10)
    _title(ws, "填表人：张某　　审核人：李某　　联系电话：0000-7654321", 8, row=11)
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 2, "正在推进": 1},
        columns={"问题": "B", "整改措施": "C", "责任领导": "D", "责任人": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 8. 乡镇 村党组织书记抓基层党建述职评议: the 述职人 (the 书记, merged over his rows) answers for
#    the 点评问题 pointed out to him (the 责任人); 整改时限 “年底前”; 整改状态 已完成 / 正在整改.


def village_secretary_review(path: Path) -> Expect:
    wb, ws = _new("述职评议")
    _title(ws, "村党组织书记抓基层党建工作述职评议点评问题整改台账", 6)
    ws.append(["述职人", "点评问题", "整改措施", "完成时限", "整改状态", "备注"])
    _put(ws, 3, [
        ["南岭村党支部书记", "“三会一课”落实不经常", "每月固定主题党日", "年底前", "已完成", None],
        [None, "党员发展后继乏人", "培养入党积极分子2名", "年底前", "正在整改", None],
        ["北山村党支部书记", "村级集体经济增收乏力", "发展光伏项目增加集体收入", "2025年11月", "正在整改", "项目已立项"],
    ])
    _down(ws, 1, 3, 4)
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"责任人": "A", "问题": "B", "整改措施": "C", "整改时限": "D", "整改状态": "E"},
    )


# ---------------------------------------------------------------------------------------------
# 9. 镇 巡察反馈 村级问题: each 村（社区） a section row of its own over its problems (the 村名
#    alone, “东坡村”, no “一、”): the village is the 方面; 包村领导 is the 镇 leader over the
#    village, 责任人 the village's secretary; deadlines “2025.6” “2025.10”, 已整改 / 未整改.


def village_section_rows(path: Path) -> Expect:
    wb, ws = _new("村级问题")
    _title(ws, "某镇巡察反馈村级问题整改台账", 7)
    ws.append(["序号", "存在问题", "整改措施", "包村领导", "责任人", "整改时限", "整改情况"])
    _across(ws, 3, "东坡村", 7)
    _put(ws, 4, [
        [1, "村级财务报账不及时", "实行村级财务月报制度", "副镇长", "村支书", "2025.6", "已整改"],
        [2, "村民代表会议记录不全", "规范会议记录", "副镇长", "村支书", "2025.6", "已整改"],
    ])
    _across(ws, 6, "西河社区", 7)
    _put(ws, 7, [
        [1, "网格员履职不到位", "开展网格员履职考评", "组织委员", "社区书记", "2025.10", "未整改"],
    ])
    wb.save(path)
    return Expect(
        aspects=2, problems=3, measures=3,
        statuses={"已完成": 2, "未启动": 1},
        columns={"问题": "B", "整改措施": "C", "责任人": "E", "整改时限": "F", "整改状态": "G"},
    )


# ---------------------------------------------------------------------------------------------
# 10. 县政府督查室 督查通报问题: 分管县领导 over the 责任单位, 整改到位情况 已到位 / 未到位 / 部分到位,
#     a 佐证材料 column; 序号 written “1、” “2、”.


def government_inspection_notice(path: Path) -> Expect:
    wb, ws = _new("督查通报问题")
    _title(ws, "县政府督查通报问题整改落实台账", 8)
    ws.append(["序号", "督查通报问题", "整改措施", "责任单位", "分管县领导", "整改时限", "整改到位情况", "佐证材料"])
    _put(ws, 3, [
        ["1、", "重点项目开工率偏低", "建立重点项目周调度机制", "县发改局", "副县长", "2025年6月底", "已到位", "调度会议纪要"],
        ["2、", "农村人居环境整治反弹", "开展村庄清洁行动", "县农业农村局", "副县长", "2025年12月底", "部分到位", None],
        ["3、", "惠企政策兑现慢", "建立惠企资金直达机制", "县财政局", "常务副县长", "2025年8月底", "未到位", None],
    ])
    wb.save(path)
    return Expect(
        aspects=1, problems=3, measures=3,
        statuses={"已完成": 1, "正在推进": 2},
        columns={"问题": "B", "整改措施": "C", "责任部门": "D", "责任领导": "E", "整改时限": "F", "整改状态": "G"},
    )
