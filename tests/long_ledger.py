"""A second ledger for the layout tests: long unit and body names, long 方面 names, many
measures with long texts, job titles after every leader's name and every deadline form.

Written from the example workbook (its 文稿段落 and layout are kept; 基本信息 and 整改台账 are
replaced), so it is a real .xlsx read by the real reader.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
AS_OF = dt.date(2024, 5, 10)

INFO = {
    "单位名称": "某市某区住房和城乡建设管理委员会",
    "党组织名称": "中共某市某区住房和城乡建设管理委员会机关委员会",
    "监督类型": "巡察",
    "监督机构": "市委第十二轮巡察第三巡察组",
    "上级党委": "市委",
    "领导小组组长": "张明远（党委书记、主任）",
    "方案标题": None,
    "报告标题": None,
    "通报标题": None,
}

ASPECTS = (
    "贯彻落实党的理论路线方针政策和党中央重大决策部署以及市委区委工作要求方面",
    "落实全面从严治党主体责任和监督责任、持续深化纠治“四风”方面",
    "落实新时代党的组织路线、加强领导班子和干部队伍建设方面",
    "基层党组织标准化建设和党员教育管理监督工作方面",  # 27 characters as a report heading
    "落实巡视巡察、审计和主题教育检视问题整改方面",
    "城市更新、住房保障和建筑市场监管等重点领域廉洁风险防控方面",
)
LEADERS = (
    "张明远（党委书记、主任）",
    "李建华（党委副书记、副主任）、王立新（党委委员、副主任）",
    "赵文斌（党委委员、纪检监察组组长）",
)
DEPARTMENTS = ("办公室", "组织人事科、机关党委", "规划建设科", "建筑市场监督管理科", "财务审计科")
PEOPLE = ("周晓梅", "欧阳建国", "徐敏", "郑丽娟（科长）")
MEASURE_TEXT = (
    "制定专项整改工作方案，明确整改目标、整改措施和完成时限",
    "对照反馈问题逐项建立整改台账，实行挂账督办、对账销号，每月向委党委报告整改进展情况，"
    "确保问题整改到位",
    "修订完善相关工作制度，建立健全长效机制，定期开展监督检查和“回头看”，防止问题反弹回潮，"
    "巩固拓展整改成果，推动以案促改、以改促治",
    "组织开展专题学习研讨，班子成员带头讲授专题党课",
)
PROBLEM_TEXT = (
    "学习贯彻党的创新理论不够深入系统，理论联系实际推动工作不够有力",
    "落实重大决策部署存在温差落差",
    "“三重一大”决策制度执行不够规范，个别事项未经集体研究决定",
)


def _deadline(i: int) -> tuple[str | dt.date, str, dt.date | None]:
    """(整改时限, 整改状态, 完成时间): every form, consistent as of ``AS_OF``."""
    forms = (
        (dt.date(2024, 3, 31), "已完成", dt.date(2024, 3, 29)),
        ("2024年6月底前", "正在推进", None),
        ("长期坚持", "长期坚持", dt.date(2024, 4, 2)),
        (dt.date(2024, 12, 31), "正在推进", None),
        ("立行立改", "已完成", dt.date(2024, 3, 20)),
    )
    return forms[i % len(forms)]


def write_long_ledger(path: Path, measures_per_problem: int = 4) -> Path:
    """Write the ledger to ``path``: 6 方面, 18 问题, 72 措施 (with the default 4 per problem)."""
    wb = openpyxl.load_workbook(EXAMPLE)
    info = wb["基本信息"]
    for row in info.iter_rows(min_row=2):
        if row[0].value in INFO:
            row[1].value = INFO[row[0].value]
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    for rng in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(rng))
    ws.delete_rows(2, ws.max_row)
    col = {name: header.index(name) + 1 for name in header}
    r, n, k = 2, 0, 0
    for a, aspect in enumerate(ASPECTS):
        for p in range(3):
            n += 1
            problem = PROBLEM_TEXT[(a + p) % len(PROBLEM_TEXT)] + f"（第{n}项）"
            for m in range(measures_per_problem):
                k += 1
                due, status, done = _deadline(k)
                values = {
                    "序号": n if m == 0 else None,
                    "方面": aspect if m == 0 else None,
                    "问题": problem if m == 0 else None,
                    "整改措施": f"{MEASURE_TEXT[k % len(MEASURE_TEXT)]}（措施{k}）。",
                    "责任领导": LEADERS[k % len(LEADERS)],
                    "牵头部门": DEPARTMENTS[k % len(DEPARTMENTS)],
                    "责任部门": DEPARTMENTS[(k + 1) % len(DEPARTMENTS)],
                    "责任人": PEOPLE[k % len(PEOPLE)],
                    "整改时限": due,
                    "整改状态": status,
                    "完成时间": done,
                    "整改进展及成效": f"已按计划推进，完成阶段性任务（措施{k}）。",
                    "佐证材料": "会议纪要；工作台账",
                }
                for name, value in values.items():
                    ws.cell(r, col[name], value)
                r += 1
            # 方面/问题 merged down the problem's rows, as ledgers usually are
            for name in ("序号", "方面", "问题"):
                letter = openpyxl.utils.get_column_letter(col[name])
                ws.merge_cells(f"{letter}{r - measures_per_problem}:{letter}{r - 1}")
    wb.save(path)
    return path
