"""A twelfth round of documents of the genre, for fictional units, in our own words: shapes
that published 整改进展情况通报 and 整改情况报告 take and the first eleven rounds lack. Each
builder writes a real .docx (``python-docx``), .txt or .html and returns its path;
``tests/test_import12.py`` imports it (and the PDF LibreOffice makes of each .docx) through the
real command and judges the ledger row by row against the builders' own data.

The shapes:

1. a 通报 as text, issued jointly ("中共X街道工作委员会 X街道办事处关于……"), whose measures
   open with their status in a bracket ("1.（已完成）……。") and go on with their unit and
   deadline as sentences of their own ("责任单位：……。完成时限：……。");
2. the same on a web page;
3. a 报告 whose title is the two issuers on two centred lines, whose "整改进展：" gives the
   measures' statuses by number and, after one of them, its deadline ("第3项正在推进，计划
   2025年12月底前完成。").
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import docx
from genre_docs import para, sign, title, write_txt

ORDINAL = "一二三四五六七八九十"

# ---------------------------------------------------------------------------------------------
# 1, 2. 通报 of "问题N：" whose measures open with "（已完成）" and end in 责任单位/完成时限.

JOINT_TITLE = "中共澄溪街道工作委员会 澄溪街道办事处关于区委巡察反馈问题整改进展情况的通报"
# (方面, [(问题, [(措施, status, unit, due)])]); due "" when the document names none
STATUS_FIRST = [
    (
        "基层党组织建设方面",
        [
            (
                "部分社区党组织组织生活会程序不完整",
                [
                    (
                        "组织各社区党组织书记集中学习组织生活会有关规定",
                        "已完成",
                        "街道党建办",
                        "2025年5月底前",
                    ),
                    (
                        "逐个社区复核近两年组织生活会材料，列出问题清单",
                        "正在推进",
                        "街道党建办",
                        "2025年11月底前",
                    ),
                ],
            ),
            (
                "党费收缴台账登记不及时",
                [
                    ("对各支部党费台账逐月核对，补登漏记情况", "已完成", "街道组织办", ""),
                    ("建立党费收缴季度通报制度", "长期坚持", "各社区党委", ""),
                ],
            ),
        ],
    ),
    (
        "落实全面从严治党责任方面",
        [
            (
                "社区工程项目监管存在薄弱环节",
                [
                    (
                        "对近三年社区小型工程项目开展专项检查",
                        "正在推进",
                        "街道纪工委",
                        "2025年12月底前",
                    ),
                ],
            ),
        ],
    ),
]


def _status_first_lines() -> list[str]:
    lines = ["根据区委巡察工作统一部署，现将巡察反馈问题整改进展情况通报如下。"]
    n = 0
    for a, (aspect, problems) in enumerate(STATUS_FIRST):
        lines.append(f"{ORDINAL[a]}、{aspect}")
        for problem, measures in problems:
            n += 1
            lines.append(f"问题{n}：{problem}。")
            for k, (m, status, unit, due) in enumerate(measures, 1):
                told = f"责任单位：{unit}。" + (f"完成时限：{due}。" if due else "")
                lines.append(f"{k}.（{status}）{m}。{told}")
    return lines


def status_first_txt(path: Path) -> Path:
    body = "\n\n".join(_status_first_lines())
    tail = "中共澄溪街道工作委员会\n澄溪街道办事处\n2025年8月15日\n"
    return write_txt(path, f"{JOINT_TITLE}\n\n{body}\n\n{tail}")


def status_first_html(path: Path) -> Path:
    paras = "\n".join(f"<p>{escape(line)}</p>" for line in _status_first_lines())
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{escape(JOINT_TITLE)}</title></head><body>"
        '<div class="nav">首页 &gt; 通知公告</div>'
        f'<div class="article"><h1>{escape(JOINT_TITLE)}</h1>\n{paras}\n'
        '<p style="text-align:right">中共澄溪街道工作委员会</p>'
        '<p style="text-align:right">澄溪街道办事处</p>'
        '<p style="text-align:right">2025年8月15日</p></div>'
        '<div class="footer">版权所有 澄溪街道办事处</div></body></html>'
    )
    path.write_text(page, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# 3. 报告 of two issuers on two title lines; statuses by number, one followed by its deadline.

TWO_LINE_TITLE = ("中共石桥镇委员会", "石桥镇人民政府关于县委巡察反馈意见整改情况的报告")
# (方面, [(问题, [措施], 进展, [(status, due)])])
BY_NUMBER = [
    (
        "乡村振兴政策落实方面",
        [
            (
                "村集体经济项目收益不稳定",
                [
                    "逐村核查集体经济项目运营情况",
                    "对收益偏低的项目制定提升计划",
                    "建立项目收益年度评估机制",
                ],
                "第1、2项已完成，第3项正在推进，计划2025年12月底前完成。",
                [("已完成", ""), ("已完成", ""), ("正在推进", "2025年12月底前")],
            ),
            (
                "高标准农田管护责任不清",
                ["明确各村管护责任人", "制定管护考核办法"],
                "第1项已完成，第2项正在推进，预计2026年3月底前完成。",
                [("已完成", ""), ("正在推进", "2026年3月底前")],
            ),
        ],
    ),
    (
        "干部队伍建设方面",
        [
            (
                "年轻干部培养措施不够有力",
                ["制定年轻干部分类培养计划", "选派年轻干部到信访窗口跟班锻炼"],
                "第1项已完成，第2项长期坚持。",
                [("已完成", ""), ("长期坚持", "")],
            ),
        ],
    ),
]


def by_number_report(path: Path) -> Path:
    d = docx.Document()
    for line in TWO_LINE_TITLE:
        title(d, line)
    para(d, "县委巡察工作领导小组：")
    para(d, "按照县委巡察工作统一部署，现将巡察反馈意见整改情况报告如下。")
    for a, (aspect, problems) in enumerate(BY_NUMBER):
        para(d, f"{ORDINAL[a]}、{aspect}")
        for p, (problem, measures, told, _) in enumerate(problems):
            para(d, f"（{ORDINAL[p]}）{problem}。")
            items = "；".join(f"{k}.{m}" for k, m in enumerate(measures, 1))
            para(d, f"整改措施：{items}。")
            para(d, f"整改进展：{told}")
    sign(d, "中共石桥镇委员会", "石桥镇人民政府", "2025年9月10日")
    d.save(path)
    return path


DOCX_BUILDERS = {"by_number_report": by_number_report}
OTHER_BUILDERS = {
    "status_first.txt": status_first_txt,
    "status_first.html": status_first_html,
}
