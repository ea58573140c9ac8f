"""The eleventh 公文 review (GB/T 9704-2012), kept fixed.

The example's plan, report, notice, a 汇总报告 and 督办通知, and those of real layouts, of
generated ledgers of 300 and 3,000 measures, of ledgers all closed, none started, one problem
only, long names and titles, no 方面 and many overdue, were made into PDFs by LibreOffice and
every page looked at. What the 办公室 sent back, kept fixed here on the real .docx and the PDF:

* the 整改任务清单 of a big plan kept each problem on one page: a problem that did not fit
  what was left of a page moved to the next and left the rest empty. A plan of 300 measures,
  each problem about half a landscape page, printed 85 task-list pages, most of them a third to
  a half empty. A problem taller than a third of a page now runs on to the next page (its first
  rows, as many as its 问题 needs and three lines at least, kept together, and its last three
  lines): the same plan prints 69. Problems up to a third of a page are kept whole as before
  (the example's task list is unchanged).
* the 整改时限 column (26 mm, 5.48 characters) printed "2024年12月31日前" as "2024年12 /
  月31日前": "12月31日前" does not fit a line, and ``cell_lines`` left the date to the reader,
  which broke it after the month's digits. Such a date now breaks after 月 too: "2024年 /
  12月 / 31日前" (the task list and the 督办通知's 督办事项 table).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402
from test_doc_review import run_cli  # noqa: E402
from test_doc_review2 import measure, write_ledger  # noqa: E402
from test_doc_review4 import render  # noqa: E402

from ledger_tools.documents import tabletext  # noqa: E402
from ledger_tools.documents.render import find_office  # noqa: E402
from ledger_tools.documents.tabletext import cell_lines  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
AS_OF = "2024-05-10"
# a measure of about 120 characters: seven lines of the 整改措施 column
LONG_MEASURE = (
    "围绕第{}项任务组织开展专项检查，逐项对照上级部署要求查找差距，建立问题清单、任务清单、"
    "责任清单，明确整改时限和责任人员，每月调度一次整改进度，对进度滞后的及时督促提醒，"
    "整改完成后逐项组织验收销号。"
)


def _long_rows() -> list[dict[str, Any]]:
    """Eight problems of three measures of seven lines each: each problem about three
    quarters of a landscape page."""
    return [
        measure(k, f"第{k}项问题：专项资金管理使用不够规范", LONG_MEASURE.format(f"{k}-{j}"),
                "正在推进", "2024年10月25日前", 责任部门="办公室")
        for k in range(1, 9)
        for j in range(1, 4)
    ]  # fmt: skip


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("review11")
    ledger = write_ledger(folder / "long.xlsx", _long_rows())
    return render(ledger, "plan", folder / "plan.docx")


def _kept_rows(path: Path) -> list[tuple[str, bool]]:
    """(序号 text, every paragraph of the row kept with the next) of each measure's row of
    the task list (the 方面 rows and the header left out)."""
    table = docx.Document(path).tables[-1]
    out = []
    for tr in table._tbl.tr_lst[1:]:
        cells = tr.tc_lst
        if len(cells) < 2:
            continue  # a 方面 row across the table
        paragraphs = list(tr.iter(qn("w:p")))
        kept = all(
            p.pPr is not None and p.pPr.find(qn("w:keepNext")) is not None for p in paragraphs
        )
        out.append(("".join(t.text or "" for t in cells[0].iter(qn("w:t"))), kept))
    return out


def _context_problems(ledger: Path) -> list[dict[str, Any]]:
    out = run_cli("context", ledger, "--kind", "plan", "--as-of", AS_OF)
    context = json.loads(out.stdout)
    return [p for aspect in context["方面列表"] for p in aspect["问题列表"]]


def test_a_short_problem_is_kept_whole_a_long_one_runs_on():
    short = [{"整改措施": "建立健全制度。", "整改时限": "2024年6月底前"} for _ in range(4)]
    tabletext.task_list_blocks("制度执行不严格", short)
    assert [m["清单连排"] for m in short] == [True, True, True, False]
    long = [{"整改措施": "某" * 120, "整改时限": "2024年6月底前"} for _ in range(3)]
    tabletext.task_list_blocks("制度执行不严格", long)
    # about three quarters of a page: no block (续), its rows may break between pages
    assert not any(m["清单续"] for m in long)
    assert sum(map(tabletext.task_row_height, long)) > tabletext.TASK_PAGE_PT / 3
    assert [m["清单连排"] for m in long] == [False, False, False]


def test_a_long_problems_head_and_tail_stay_together():
    # a 问题 of five lines over rows of one line: the first rows kept until the 问题 has room,
    # the last ones until three lines stand on the next page
    problem = "某" * 40
    rows = [{"整改措施": "建立健全制度。", "整改时限": "立行立改"} for _ in range(15)]
    tabletext.task_list_blocks(problem, rows)
    assert not any(m["清单续"] for m in rows)
    kept = [m["清单连排"] for m in rows]
    heights = [tabletext.task_row_height(m) for m in rows]
    head = kept.index(False) + 1  # rows up to the first break
    assert sum(heights[:head]) >= tabletext._problem_height(problem)
    assert sum(heights[: head - 1]) < tabletext._problem_height(problem)
    tail = len(kept) - 1 - max(k for k, v in enumerate(kept[:-1]) if not v)
    assert tail == 3 and sum(heights[-tail:]) >= 3 * 15.0
    assert kept[head:-tail] == [False] * (len(kept) - head - tail)


def test_the_task_list_keeps_the_rows_the_context_says(long_plan):
    rows = _kept_rows(long_plan)
    problems = _context_problems(long_plan.parent / "long.xlsx")
    expected = [m["清单连排"] for p in problems for m in p["措施列表"]]
    assert [kept for _number, kept in rows] == expected
    assert len(rows) == 24
    # rows of seven lines, each free to break before the next (the first problem, cut under
    # the title into two blocks, aside)
    assert not any(m["清单连排"] for p in problems[1:] for m in p["措施列表"])


def test_the_examples_problems_are_kept_whole_or_run_on_by_height(tmp_path):
    rows = _kept_rows(render(EXAMPLE, "plan", tmp_path / "plan.docx"))
    problems = _context_problems(EXAMPLE)
    assert [kept for _n, kept in rows] == [m["清单连排"] for p in problems for m in p["措施列表"]]
    for p in problems:
        flags = [m["清单连排"] for m in p["措施列表"]]
        height = sum(map(tabletext.task_row_height, p["措施列表"]))
        if height <= tabletext.TASK_PAGE_PT / 3:
            assert flags == [True] * (len(flags) - 1) + [False], p["序号"]
        else:
            assert flags[-1] is False and not all(flags[:-1]), p["序号"]


def _words(pdf: Path, page: int) -> list[tuple[float, str]]:
    """(bottom y, text) of the words of a page of ``pdf`` (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    words = []
    for line in out.splitlines():
        if "<word " in line:
            y = float(line.split('yMax="')[1].split('"')[0])
            words.append((y, line.rsplit(">", 2)[-2].split("<")[0]))
    return words


@pytest.mark.skipif(find_office() is None, reason="需要 LibreOffice")
def test_long_problems_fill_the_landscape_pages(long_plan, tmp_path):
    assert convert_to_pdf([long_plan], tmp_path)
    pdf = tmp_path / "plan.pdf"
    count = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    first = next(
        n for n in range(1, count + 1) if any("整改任务清单" == w for _y, w in _words(pdf, n))
    )
    landscape = list(range(first, count + 1))
    # 24 rows of seven lines (about 108 pt each, 2,600 pt) on pages of about 420 pt: kept
    # whole, each problem took a page of its own (eight pages); run on, seven
    assert len(landscape) <= 7, len(landscape)
    # every page but the first (under the title) and the last is filled to its last quarter:
    # the 版心 ends 26 mm above the foot of the A4 landscape page (595 pt)
    foot = 595.3 - 26 / 25.4 * 72
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.replace(" ", "") for line in text.splitlines()]
    assert lines.count("25日前") == 24 and lines.count("10月") >= 24
    assert not any(line.endswith("年10") or line.startswith("月25") for line in lines)
    for n in landscape[1:-1]:
        bottom = max(y for y, w in _words(pdf, n) if w.strip("—").strip() and not w.isdigit())
        assert bottom > foot - 442 / 4, (n, bottom)


def test_a_date_too_wide_after_its_year_breaks_after_its_month():
    due = 5.48  # the 整改时限 columns of the task list and the 督办事项 table (26 mm)
    assert cell_lines("2024年12月31日前", due) == "2024年\n12月\n31日前"
    assert cell_lines("2024年10月25日", due) == "2024年\n10月25日"
    assert cell_lines("2024年4月15日前", due) == "2024年\n4月15日前"
    assert cell_lines("2024年12月31日前并长期坚持", due) == "2024年\n12月\n31日前\n并长期坚持"


def test_the_task_list_prints_the_date_in_three_lines(long_plan):
    # (the plan writes "2024年12月31日前" as "2024年12月底前": another day of the month)
    table = docx.Document(long_plan).tables[-1]
    dues = {row.cells[6].text for row in table.rows[1:] if len(row._tr.tc_lst) > 1}
    assert dues == {"2024年\n10月\n25日前"}
