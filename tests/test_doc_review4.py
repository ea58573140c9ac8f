"""The fourth 公文 review (GB/T 9704-2012, 《党政机关公文处理工作条例》), kept fixed.

Every document (方案, 报告, 通报, 汇总报告, 督办通知, and their PDFs) was rendered from the
example and from ledgers with few problems, nothing started, everything finished, overdue
items and a 汇总 of three units, converted with LibreOffice and read page by page. What the
办公室 sent back, each kept fixed here on the real .docx and, for the page, on the PDF:

* the 通报 of a ledger whose problems are all in one state closed problem after problem with
  the same "目前尚未启动，计划于2024年10月底前完成。" (or "目前已整改到位。") right after the
  statistics sentence had said "上述问题均尚未启动整改" (or "办结率100%") for all of them;
* a 文稿段落 typed "把反馈的13个问题细化为44条整改措施" over a ledger of 6 problems and 12
  measures, and the document printed it a few lines above "6项问题，细化整改措施12条";
* the 报告 of a problem not started labelled its plan "整改措施及结果：" (there is no 结果 yet)
  and, after "一是将于2024年9月底前…二是将于2024年10月底前…", said "计划于2024年10月底前完成"
  once more;
* the 整改情况报告 and the 汇总报告 (上行文) ended without the 结语 "特此报告。".
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_doc_review import run_cli, summary_of  # noqa: E402
from test_doc_review2 import measure, write_ledger  # noqa: E402

from ledger_tools.documents.render import find_office  # noqa: E402
from ledger_tools.documents.wording import mark_typed_totals  # noqa: E402

AS_OF = "2024-05-10"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "示例台账.xlsx"
ASPECTS = ("落实党的理论路线方针政策和党中央决策部署方面", "落实全面从严治党战略部署方面")
TYPED = "把反馈的13个问题细化为44条整改措施"  # the example's 文稿段落 says this


def _rows(status: str, problems: int = 4) -> list[dict[str, Any]]:
    """Two measures per problem, all in ``status``; due in September and October."""
    rows = []
    for k in range(1, problems + 1):
        extra: dict[str, Any] = {}
        if status == "已完成":
            import datetime as dt

            extra = {"完成时间": dt.datetime(2024, 4, 20), "整改进展及成效": "已印发执行。"}
        for j, due in enumerate(("2024年9月底前", "2024年10月底前"), 1):
            rows.append(
                measure(
                    k,
                    f"第{k}项制度执行不严格",
                    f"建立健全第{k}-{j}项制度，明确责任分工。",
                    status,
                    "2024年4月底前" if status == "已完成" else due,
                    方面=ASPECTS[(k - 1) * 2 // problems],
                    **extra,
                )
            )
    return rows


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("review4")
    return {
        "zero": write_ledger(base / "zero.xlsx", _rows("未启动")),
        "done": write_ledger(base / "done.xlsx", _rows("已完成")),
        "going": write_ledger(base / "going.xlsx", _rows("正在推进")),
    }


def render(ledger: Path, kind: str, out: Path) -> Path:
    args = ["plan"] if kind == "plan" else ["report", "--kind", kind]
    run_cli(*args, ledger, "--as-of", AS_OF, "--today", AS_OF, "-o", out, "--force")
    return out


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text.strip()]


def problem_paragraphs(path: Path) -> list[str]:
    return [t for t in texts(path) if t[:1].isdigit() and "." in t[:4] and "：" in t]


# ---------------------------------------------------------------------------------------------
# 1. The 通报 says a state every problem is in once


def test_notice_of_nothing_started_says_it_once(tmp_path, ledgers):
    paras = texts(render(ledgers["zero"], "notice", tmp_path / "n.docx"))
    said = "\n".join(paras)
    assert "上述问题均尚未启动整改" in said
    assert "目前尚未启动" not in said
    items = problem_paragraphs(tmp_path / "n.docx")
    assert len(items) == 4
    for k, item in enumerate(items, 1):
        # the plan, then its date, said once
        assert item.endswith(
            f"下一步计划：建立健全第{k}-1项制度；建立健全第{k}-2项制度，于2024年10月底前完成。"
        ), item
        assert item.count("2024年10月底前") == 1


def test_notice_of_everything_done_adds_no_status_per_problem(tmp_path, ledgers):
    paras = texts(render(ledgers["done"], "notice", tmp_path / "n.docx"))
    assert any("办结率100%" in t for t in paras)
    assert not any("目前已整改到位" in t for t in paras)
    items = problem_paragraphs(tmp_path / "n.docx")
    assert len(items) == 4 and all(t.endswith("主要措施：建立健全第" + t[0] + "-1项制度；"
                                                 f"建立健全第{t[0]}-2项制度。") for t in items)  # fmt: skip


def test_notice_of_everything_in_progress_keeps_the_date(tmp_path, ledgers):
    items = problem_paragraphs(render(ledgers["going"], "notice", tmp_path / "n.docx"))
    assert items and all(t.endswith("。计划于2024年10月底前完成。") for t in items), items
    assert not any("目前正在推进" in t for t in items)


def test_notice_of_mixed_states_still_says_each(tmp_path):
    """The example's problems are in five states: each says its own, as before."""
    items = problem_paragraphs(render(EXAMPLE, "notice", tmp_path / "n.docx"))
    assert len(items) == 13
    assert sum("目前已整改到位。" in t for t in items) == 3
    assert sum("目前正在推进" in t for t in items) == 5


def test_notice_of_a_closed_ledger_keeps_what_differs(tmp_path):
    """Everything closed, one problem 长期坚持: only that one says so."""
    rows = _rows("已完成", 2)
    rows[-1].update(整改状态="长期坚持", 整改时限="长期坚持")
    rows[-2].update(整改状态="长期坚持", 整改时限="长期坚持")
    ledger = write_ledger(tmp_path / "l.xlsx", rows)
    items = problem_paragraphs(render(ledger, "notice", tmp_path / "n.docx"))
    assert not items[0].endswith("目前已整改到位。")
    assert items[1].endswith("目前已整改到位并长期坚持。")


# ---------------------------------------------------------------------------------------------
# 2. The report of a problem not started


def test_report_of_a_problem_not_started(tmp_path, ledgers):
    paras = texts(render(ledgers["zero"], "report", tmp_path / "r.docx"))
    plans = [t for t in paras if t.startswith("整改措施")]
    assert len(plans) == 4
    for k, plan in enumerate(plans, 1):
        assert plan == (
            f"整改措施：一是将于2024年9月底前建立健全第{k}-1项制度，明确责任分工。"
            f"二是将于2024年10月底前建立健全第{k}-2项制度，明确责任分工。"
        )
        # the last date was just said: the status sentence does not say it again
        assert paras[paras.index(plan) + 1] == "目前尚未启动。"
    # a problem under way keeps its label (its last measure says "计划于…完成": review 1's rule)
    going = texts(render(ledgers["going"], "report", tmp_path / "g.docx"))
    assert sum(t.startswith("整改措施及结果：") for t in going) == 4
    assert going.count("目前正在推进。") == 4


# ---------------------------------------------------------------------------------------------
# 3. Figures typed into 文稿段落


def test_typed_totals_marked():
    totals = {"方面数": 3, "问题数": 6, "措施数": 12}
    assert mark_typed_totals(f"3月11日印发整改方案，{TYPED}，逐条明确责任。", totals) == (
        "3月11日印发整改方案，把反馈的13个问题【台账为6项问题，请核对】"
        "细化为44条整改措施【台账为12条措施，请核对】，逐条明确责任。"
    )
    said = "对照反馈意见，共梳理问题6个，制定整改措施13条。"
    assert mark_typed_totals(said, totals) == (
        "对照反馈意见，共梳理问题6个，制定整改措施13条【台账为12条措施，请核对】。"
    )
    assert mark_typed_totals("反馈的4个方面", totals) == "反馈的4个方面【台账为3个方面，请核对】"
    # figures that agree, that count a part or another round, are left alone
    for text in (
        "把反馈的6个问题细化为12条整改措施",
        "上轮巡察反馈的18个问题中，已整改到位15个问题",
        "对进度滞后的3个问题下发督办通知",
        "其中反馈的2个问题涉及资金",
    ):
        assert mark_typed_totals(text, totals) == text


def test_typed_totals_in_the_documents_and_in_check(tmp_path, ledgers):
    # the example's 通报 paragraphs, over a ledger of 4 problems and 8 measures
    said = "\n".join(texts(render(ledgers["zero"], "notice", tmp_path / "notice.docx")))
    assert "13个问题【台账为4项问题，请核对】" in said
    assert "44条整改措施【台账为8条措施，请核对】" in said
    result = run_cli("check", ledgers["zero"], "--today", AS_OF)
    assert "文稿段落!D" in result.output and "“13个问题”（台账为4项问题）" in result.output
    # the example's figures are its ledger's: no mark, no warning
    said = "\n".join(texts(render(EXAMPLE, "notice", tmp_path / "example.docx")))
    assert TYPED in said and "【台账为" not in said
    assert (
        "text-figure" not in run_cli("check", EXAMPLE, "--today", AS_OF, "--format", "json").output
    )


# ---------------------------------------------------------------------------------------------
# 4. 特此报告。


def test_reports_end_with_their_closing_once(tmp_path):
    report = docx.Document(render(EXAMPLE, "report", tmp_path / "r.docx"))
    paras = [p for p in report.paragraphs if p.text.strip()]
    names = [p.style.name for p in paras]
    last = names.index("落款") - 1
    assert paras[last].text == "特此报告。" and paras[last].style.name == "公文正文"
    assert paras[last].paragraph_format.keep_with_next
    assert paras[last - 1].paragraph_format.keep_with_next  # the chain to the 落款 holds
    assert [p.text for p in paras].count("特此报告。") == 1
    # a 文稿段落 that ends with it already: said once
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["文稿段落"]
    header = [c.value for c in ws[1]]
    last_row = max(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(r, header.index("章节") + 1).value == "下一步打算"
    )
    cell = ws.cell(last_row, header.index("内容") + 1)
    cell.value = f"{cell.value}特此报告。"
    wb.save(tmp_path / "closing.xlsx")
    said = texts(render(tmp_path / "closing.xlsx", "report", tmp_path / "c.docx"))
    assert said.count("特此报告。") == 1 and not any(t.endswith("。特此报告。") for t in said)
    # the notice is no 报告
    assert "特此报告。" not in texts(render(EXAMPLE, "notice", tmp_path / "n.docx"))


# ---------------------------------------------------------------------------------------------
# The pages, through LibreOffice (one run)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def test_pages(tmp_path, ledgers):
    """The 结语 shares the last page with the 落款 and body text; the 通报 of nothing started
    prints every plan's date and no status sentence."""
    import shutil

    if find_office() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice 或 pdftotext 未安装")
    from ledger_tools.documents.render import _office_env, run_office

    docs = [
        render(EXAMPLE, "report", tmp_path / "report.docx"),
        render(ledgers["zero"], "notice", tmp_path / "notice.docx"),
        summary_of([EXAMPLE, ledgers["zero"]], tmp_path),
    ]
    with tempfile.TemporaryDirectory() as work:
        cmd = [find_office(), f"-env:UserInstallation={(Path(work) / 'p').as_uri()}"]
        cmd += ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        run_office([*cmd, *map(str, docs)], 600, _office_env(Path(work)), "review4")
    for name in ("report", "汇总报告"):
        last = [ln.strip() for ln in _pages(tmp_path / f"{name}.pdf")[-1].splitlines()]
        last = [ln for ln in last if ln]
        closing = last.index("特此报告。")
        assert closing >= 1, last  # body text above it on the same page
        assert last[closing + 1 :][:2][-1].replace(" ", "") == "2024年5月10日" or any(
            ln.replace(" ", "") == "2024年5月10日" for ln in last[closing + 1 :]
        )
    notice = "".join(_pages(tmp_path / "notice.pdf")).replace(" ", "")
    assert "目前尚未启动" not in notice
    assert notice.count("于2024年10月底前完") == 4


# ---------------------------------------------------------------------------------------------
# 5. Narrow table cells break after 年 and after "、", not inside a word


def test_cell_lines():
    from ledger_tools.documents.tabletext import cell_lines

    # widths as the templates give them (26 mm: 5.48 characters, tabletext.text_width)
    assert cell_lines("2024年6月底前", 5.48) == "2024年\n6月底前"
    assert cell_lines("2024年4月15日前", 5.48) == "2024年\n4月15日前"
    # the rest does not fit either: after 月 too (the eleventh review)
    assert cell_lines("2024年4月15日前", 4.9) == "2024年\n4月\n15日前"
    assert cell_lines("财务科、规划建设科", 5) == "财务科、\n规划建设科"
    assert cell_lines("王建国、刘明华、李娜", 5) == "王建国、\n刘明华、\n李娜"
    assert cell_lines("甲、乙、丙丁戊己庚", 5) == "甲、乙、\n丙丁戊己庚"
    for same in ("长期坚持", "立行立改", "办公室", "质量安全监督站", None):
        assert cell_lines(same, 7) == (same or "")
    # a single name wider than the cell: between its words (the fifth review)
    assert cell_lines("质量安全监督站", 5) == "质量安全\n监督站"


def test_task_list_cells_break_at_words(tmp_path):
    table = docx.Document(render(EXAMPLE, "plan", tmp_path / "plan.docx")).tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    dates = [r[-1] for r in rows if r[-1].startswith("2024")]
    assert dates and all(d.split("\n")[0] == "2024年" for d in dates), dates
    assert "2024年\n4月15日前" in dates
    depts = {r[-3] for r in rows if "、" in r[-3] and "方面" not in r[-3]}  # not the 方面 rows
    assert "财务科、\n规划建设科" in depts and "办公室、\n房产管理科" in depts
    # lines end after a "、" or, inside a name wider than the column, between its words (the
    # fifth review: "建筑市场/监管科、/质量安全/监督站"); a "、" never begins a line
    assert "建筑市场\n监管科、\n质量安全\n监督站" in depts
    assert all(not line.startswith("、") for d in depts for line in d.split("\n")), depts
