"""The sixth 公文 review (GB/T 9704-2012), kept fixed.

The documents were rendered from the example and from other ledgers — generated ledgers of 5,
30 and 300 measures, real layouts (audit, 主题教育), one 方面, nothing overdue, everything done,
nothing started, a unit name of 33 characters, problems and measures of 100 characters and more,
a problem of 14 measures, a 汇总 of five units — converted with LibreOffice and every page
looked at. What the 办公室 sent back, each kept fixed here on the real .docx and on the PDF:

* the report title of a unit with a long name ended with "的报告" alone on its fourth line
  (lines of 18, 18, 20 and 3 characters passed as a "diamond");
* a title the user broke by hand ("…党组关于落实区委第二巡察组/反馈意见的整改方案") with a
  first line of 25 characters was printed as typed: Word wrapped it inside "区委/第二巡察组";
* the 整改任务清单 continued a problem onto a new page with empty 序号 and 问题 cells (the
  merged cells are not repeated): on the example, three of five pages opened that way.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402
from test_doc_review2 import measure, write_ledger  # noqa: E402
from test_doc_review4 import render  # noqa: E402

from ledger_tools.documents import tabletext  # noqa: E402
from ledger_tools.documents.render import find_office  # noqa: E402
from ledger_tools.documents.titles import MAX_TITLE_CHARS, break_title  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
LONG_ORG = "中共某某省某某市某某区经济技术开发区管理委员会规划建设交通运输局党组"
LONG_UNIT = "某某省某某市某某区经济技术开发区管理委员会规划建设交通运输局"
BODY = "市委第一轮巡察第三巡察组"
PROBLEM = "干部教育培训针对性不强，年轻干部培养储备不足，部分科室工作推进缓慢"


# ---------------------------------------------------------------------------------------------
# 1. Titles: no line nearly empty, a hand-broken line that is too long broken again


def test_no_title_line_left_nearly_empty():
    lines = break_title(f"{LONG_ORG}关于{BODY}反馈意见整改情况的报告", [LONG_ORG, BODY])
    assert lines[-1] != "的报告" and min(map(len, lines)) >= 4, lines
    assert "".join(lines) == f"{LONG_ORG}关于{BODY}反馈意见整改情况的报告"
    orgs = ("中共某区档案馆党组", "中共某区住房和城乡建设局党组", LONG_ORG, "某区审计局",
            "中共某县教育局机关支部委员会", "中共某区城市管理综合行政执法局委员会")  # fmt: skip
    bodies = ("区委第二巡察组", "省委第三巡视组", BODY, "区审计局", "中央第十五巡视组")
    for org in orgs:
        for body in bodies:
            for sort in ("巡察", "主题教育", "民主生活会", ""):
                for title in (
                    f"{org}关于落实{body}{sort}反馈意见的整改方案",
                    f"{org}关于{body}{sort}反馈意见整改情况的报告",
                    f"{org}关于{body}{sort}反馈意见整改进展情况的通报",
                ):
                    lines = break_title(title, [org, body])
                    assert len(lines) == 1 or min(map(len, lines)) >= 4, lines
                    assert max(map(len, lines)) <= MAX_TITLE_CHARS, lines


def test_a_hand_broken_line_too_long_is_broken_again(tmp_path):
    org, body = "中共某区住房和城乡建设局党组", "区委第二巡察组"
    typed = f"{org}关于落实{body}/反馈意见的整改方案"
    assert break_title(typed, [org, body]) == [org, f"关于落实{body}", "反馈意见的整改方案"]
    assert break_title("关于落实/整改方案") == ["关于落实", "整改方案"]  # short lines as typed
    rows = [measure(1, "制度执行不严格", "建立健全制度。", "正在推进", "2024年6月底前")]
    ledger = write_ledger(tmp_path / "l.xlsx", rows, {"方案标题": typed})
    document = docx.Document(render(ledger, "plan", tmp_path / "p.docx"))
    title = [p.text for p in document.paragraphs if p.style.name == "公文标题"][:3]
    assert title == [org, f"关于落实{body}", "反馈意见的整改方案"]


def test_the_long_name_title_in_the_documents(tmp_path):
    rows = [measure(1, "制度执行不严格", "建立健全制度。", "正在推进", "2024年6月底前")]
    info = {"党组织名称": LONG_ORG, "单位名称": LONG_UNIT, "监督机构": BODY}
    ledger = write_ledger(tmp_path / "l.xlsx", rows, info)
    for kind in ("plan", "report", "notice"):
        document = docx.Document(render(ledger, kind, tmp_path / f"{kind}.docx"))
        title = []
        for p in document.paragraphs:
            if p.style.name != "公文标题":
                break
            title.append(p.text)
        assert title and all(4 <= len(t) <= MAX_TITLE_CHARS for t in title), (kind, title)


# ---------------------------------------------------------------------------------------------
# 2. The task list: a problem kept on one page; one taller than a page in blocks with 续


def _big_problem_rows() -> list[dict[str, Any]]:
    text = ("围绕第{}项工作组织开展专项检查，逐项对照上级部署要求查找差距，建立问题清单、任务清单、"
            "责任清单，明确整改时限和责任人员。")  # fmt: skip
    rows = []
    for k, count in ((1, 3), (2, 14), (3, 3)):
        for j in range(1, count + 1):
            rows.append(
                measure(k, f"第{k}项问题：{PROBLEM}", text.format(f"{k}-{j}"), "正在推进",
                        "2024年9月底前", 责任部门="办公室、组织人事科")
            )  # fmt: skip
    return rows


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("review6")
    ledger = write_ledger(folder / "big.xlsx", _big_problem_rows())
    return render(ledger, "plan", folder / "plan.docx")


def _task_rows(path: Path) -> list[tuple[str, str, bool, str | None]]:
    """(序号 text, 问题 text, every paragraph of the row kept with the next, vMerge of 序号)
    of each row of the task list after the header."""
    table = docx.Document(path).tables[-1]
    out = []
    for tr in table._tbl.tr_lst[1:]:
        cells = tr.tc_lst
        texts = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in cells[:2]]
        paragraphs = list(tr.iter(qn("w:p")))
        kept = all(
            p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None for p in paragraphs
        )
        merge = None
        if cells[0].tcPr is not None and cells[0].tcPr.find(qn("w:vMerge")) is not None:
            merge = cells[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")) or "continue"
        out.append((texts[0], texts[1] if len(cells) > 1 else "", kept, merge))
    return out


def test_problem_rows_are_kept_together(tmp_path):
    rows = _task_rows(render(EXAMPLE, "plan", tmp_path / "plan.docx"))
    measures = [r for r in rows if r[3] is not None or r[0].isdigit()]
    assert len(measures) == 44
    short = 0
    for k, (number, _problem, kept, merge) in enumerate(rows):
        if merge is None and not number.isdigit():
            continue  # a 方面 row, kept with its first problem
        last = k + 1 == len(rows) or rows[k + 1][3] != "continue"
        if merge == "restart":  # the problem's rows, kept whole up to a third of a page
            block = [rows[k]]
            while len(block) + k < len(rows) and rows[k + len(block)][3] == "continue":
                block.append(rows[k + len(block)])
            whole = all(r[2] for r in block[:-1])
            short += whole
        # every row but a problem's last, every cell (the merged ones' own empty paragraphs
        # too); a problem taller than a third of a page runs on (tests/test_doc_review11.py)
        if whole:
            assert kept != last, (k, number, merge)
        else:
            assert not (last and kept), (k, number, merge)
    assert short >= 8, short  # the example's short problems
    assert not any("（续）" in r[1] for r in rows)  # the example's problems fit a page


def test_a_problem_taller_than_a_page_is_cut_into_blocks(big_plan):
    rows = [r for r in _task_rows(big_plan) if r[3] is not None]
    opened = [(number, problem) for number, problem, _kept, merge in rows if merge == "restart"]
    assert [n for n, _ in opened] == ["1", "2", "2", "2", "3"]
    assert opened[1][1] == f"第2项问题：{PROBLEM}"
    assert opened[2][1] == opened[3][1] == f"第2项问题：{PROBLEM}（续）"
    # blocks of near-equal height: 5, 4 and 5 rows of the 14
    starts = [k for k, r in enumerate(rows) if r[3] == "restart"]
    assert [b - a for a, b in zip(starts, starts[1:] + [len(rows)], strict=True)] == [
        3, 5, 4, 5, 3,
    ]  # fmt: skip
    # each block kept on one page (problems 1 and 3, three rows of a third of a page and
    # more, run on: tests/test_doc_review11.py)
    for k, (_n, _p, kept, _merge) in enumerate(rows[:17]):
        if k >= 3:
            assert kept == (k + 1 < len(rows) and rows[k + 1][3] == "continue")


def test_blocks_are_marked_only_for_problems_taller_than_a_page():
    short = [{"整改措施": "建立健全制度。", "整改时限": "2024年6月底前"} for _ in range(6)]
    tabletext.task_list_blocks("制度执行不严格", short)
    assert not any(m["清单续"] for m in short) and short[-1]["清单段末"]
    assert [m["清单段末"] for m in short] == [False] * 5 + [True]
    tall = [{"整改措施": "某" * 120, "整改时限": "2024年6月底前"} for _ in range(10)]
    tabletext.task_list_blocks("制度执行不严格", tall)
    heights = [tabletext.task_row_height(m) for m in tall]
    blocks, current = [], 0.0
    for m, h in zip(tall, heights, strict=True):
        if m["清单续"]:
            blocks.append(current)
            current = 0.0
        current += h
    blocks.append(current)
    assert len(blocks) >= 2
    # each block fits a page and is more than half of one: two never share a page
    assert all(tabletext.TASK_PAGE_PT / 2 < b <= tabletext.TASK_PAGE_PT for b in blocks), blocks


def test_task_list_chars_are_the_template_columns():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_doc_templates as b
    finally:
        sys.path.pop(0)
    widths = {name: b.cell_chars(mm) for name, mm, _text, _align in b.TASK_COLUMNS}
    for name, chars in tabletext.TASK_LIST_CHARS.items():
        assert chars == widths[name], name


def _pages_open_on_a_problem(pdf: Path) -> list[tuple[int, str]]:
    """For each page of the task list: (page, what its first row under the header begins
    with in the 序号 column, or the 方面 heading)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(re.sub(r'xmlns="[^"]+"', "", xml))
    out = []
    for number, page in enumerate(root.iter("page"), 1):
        words = [
            (float(w.get("xMin")), float(w.get("yMin")), float(w.get("yMax")), w.text or "")
            for w in page.iter("word")
        ]
        heads = {w[3]: w for w in words}
        if "序号" not in heads or "整改措施" not in heads:
            continue
        left, below = heads["序号"][0] - 15, heads["序号"][2]
        right = heads["问题"][0] - 5
        body = [w for w in words if w[1] > below and w[0] >= left]
        top = min(w[1] for w in body)
        first = sorted((w for w in body if abs(w[1] - top) < 3), key=lambda w: w[0])
        cell = [w[3] for w in first if w[0] < right]
        out.append((number, cell[0] if cell else "" if not first else f"（空）{first[0][3]}"))
    return out


@pytest.mark.parametrize("which", ("example", "big"))
def test_every_task_list_page_opens_on_a_numbered_row(tmp_path, big_plan, which):
    if find_office() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice 或 pdftotext 未安装")
    plan = render(EXAMPLE, "plan", tmp_path / "plan.docx") if which == "example" else big_plan
    assert convert_to_pdf([plan], tmp_path)
    pages = _pages_open_on_a_problem(tmp_path / "plan.pdf")
    assert len(pages) >= 4
    for page, opening in pages:
        # a number (the problem, or its continuation) or a 方面 heading "二、…" (a lone
        # 方面 unnumbered, round 8)
        assert re.match(r"\d+$|[一二三四五六七八九十]+、|.+方面$", opening), (page, opening)


# ---------------------------------------------------------------------------------------------
# 3. One 方面 is not counted


def test_one_aspect_is_not_counted(tmp_path):
    from test_doc_review4 import texts

    rows = [
        measure(k, f"第{k}项制度执行不严格", f"建立健全第{k}项制度。", "正在推进", "2024年6月底前")
        for k in (1, 2)
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", rows)
    for kind in ("plan", "report", "notice"):
        said = "\n".join(texts(render(ledger, kind, tmp_path / f"{kind}.docx")))
        assert "1个方面" not in said, kind
        assert (
            "共梳理2项问题，制定整改措施2条" if kind == "plan" else "反馈的2项问题，细化整改措施2条"
        ) in said
    # two 方面 are counted as before
    rows[1]["方面"] = "落实全面从严治党战略部署方面"
    ledger = write_ledger(tmp_path / "two.xlsx", rows)
    said = "\n".join(texts(render(ledger, "plan", tmp_path / "two.docx")))
    assert "共梳理2个方面2项问题" in said


# ---------------------------------------------------------------------------------------------
# 4. The 汇总报告: a unit told apart by its file takes its rate inside the same brackets


def test_summary_rate_of_a_unit_told_apart_by_its_file(tmp_path):
    from test_doc_review import summary_of
    from test_doc_review4 import texts

    rows = [measure(1, "制度执行不严格", "建立健全制度。", "未启动", "2024年9月底前")]
    zero = write_ledger(tmp_path / "zero.xlsx", rows)  # the example's unit, named again
    said = texts(summary_of([EXAMPLE, zero], tmp_path))
    behind = next(t for t in said if t.startswith("办结率低于总体水平"))
    assert "某区住房和城乡建设局（zero.xlsx，0%）" in behind, behind
    assert "）（" not in behind
