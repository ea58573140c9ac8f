"""Every figure the same wherever it is printed (TRUST round 12).

Adversarial but realistic ledgers (a cell split into three measures, a problem merged over
three rows with its amounts merged down, 长期坚持, a blank status, money written "12.5万元",
"1,250,000元", "约3万" and as a formula never saved, 问责 written "3人次", "2人" and
"诫勉谈话2人、通报批评1人") are run through the commands as a clerk runs them, and the figures are
read back from what each prints — check's text and JSON, stats, the marked copy's 校验结果
sheet, the text of the 整改方案, 整改情况报告 and 通报, merge's 汇总 sheet and the 汇总报告, diff —
never from the internals. A figure the tool cannot be sure of is in 【】 (documents) or named
as 存疑 (check, stats, diff).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import test_excel
from click.testing import CliRunner
from conftest import INFO, STANDARD_HEADER, good_row, write_ledger
from layout_checks import document_text, run

from ledger_tools.cli import cli

TODAY = "2024-05-10"
TODAY_DATE = dt.date(2024, 5, 10)
HEADER = [*STANDARD_HEADER, "清退资金（元）", "问责人次", "建立制度（项）"]


def adversarial(path: Path, info: dict[str, Any] = INFO, *, blank_status: bool = False) -> Path:
    """Seven problems, twelve measures; 办结 3 (one 长期坚持) of 7: 42.9%. Money 12.5万元 +
    1,250,000元 (merged down three rows) + 3,000 = 1,378,000 元 read, "约3万" and a formula
    without a saved value not; 问责 3人次 + 2人 + 1 = 6 read, "诫勉谈话2人、通报批评1人" not."""
    rows = [
        good_row(1, 整改措施="1.建立台账；2.开展自查；3.完善制度") + ["12.5万元", "3人次", 2],
        good_row(2, 整改措施="措施2-1") + ["1,250,000元", "2人", 1],
        good_row(
            2,
            整改措施="措施2-2",
            整改状态="正在推进",
            完成时间=None,
            整改时限="2024年5月15日",
        )
        + [None, None, None],
        good_row(2, 整改措施="措施2-3") + [None, None, None],
        good_row(3, 整改状态="长期坚持", 完成时间=None, 整改时限="长期坚持")
        + [None, "诫勉谈话2人、通报批评1人", None],
        good_row(4, 整改状态="正在推进", 完成时间=None, 整改时限="2024年4月30日")
        + ["约3万", None, 1],
        good_row(5, 整改状态="基本完成", 完成时间=None, 整改时限="2024年5月25日")
        + [3000, None, None],
        good_row(6, 整改状态="未启动", 完成时间=None, 整改时限="2024年6月30日")
        + ["=1000*2", 1, None],
        good_row(7, 整改措施="措施7-1") + [None, None, None],
        good_row(7, 整改措施="措施7-2", 整改状态=None if blank_status else "已完成")
        + [None, None, None],
    ]
    merges = [f"{c}3:{c}5" for c in "ABCNOP"]
    return write_ledger(path, rows, HEADER, merges=merges, info=info)


def cli_text(*args: str) -> str:
    res = CliRunner().invoke(cli, [*args])
    assert res.exit_code in (0, 1), res.output
    return res.output


def docx_tables(path: Path) -> str:
    import docx

    return "\n".join(
        c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells
    )


def test_every_output_prints_the_same_figures(tmp_path):
    path = adversarial(tmp_path / "台账.xlsx")
    stats = run(TODAY, "stats", str(path))
    totals = run(TODAY, "check", str(path))["totals"]
    # check's totals are stats (without the groupings), figure for figure
    assert {k: v for k, v in stats.items() if not k.startswith(("按", "文件"))} == totals
    assert (stats["问题数"], stats["措施数"], stats["办结数"], stats["办结率"]) == (
        7,
        12,
        3,
        "42.9%",
    )
    assert (stats["清退资金"], stats["问责人次"], stats["建立制度"]) == (1378000, 6, 4)
    assert stats["预警"] == {"红色": 1, "黄色": 1, "绿色": 1}
    # the formula without a saved value is a cell the sum lacks, as "约3万" is
    assert stats["存疑"]["清退资金"] == "2处清退资金（元）无法识别，未计入合计"
    assert stats["存疑"]["问责人次"] == "1处问责人次无法识别，未计入合计"

    text = cli_text("check", str(path), "--today", TODAY)
    assert "共 7 个问题、12 条措施" in text and "办结率 42.9%" in text
    assert "预警：红色 1 项，黄色 1 项，绿色 1 项" in text
    stats_text = cli_text("stats", str(path), "--today", TODAY)
    assert "问题 7 项，措施 12 条" in stats_text and "问题办结 3 项，办结率 42.9%" in stats_text
    assert "清退资金 137.80万元，问责 6 人次，建立制度 4 项" in stats_text
    assert "红色（已超期）1 项，黄色（10天内到期）1 项，绿色（20天内到期）1 项" in stats_text

    mark = tmp_path / "校验结果.xlsx"
    cli_text("check", str(path), "--today", TODAY, "--mark", str(mark))
    assert (
        "预警：红色 1 项，黄色 1 项，绿色 1 项。"
        in openpyxl.load_workbook(mark)["校验结果"]["A2"].value
    )

    sentence = stats["统计句"]
    assert "对照区委第一巡察组反馈的7项问题，细化整改措施12条。" in sentence
    assert (
        "已整改到位3项（其中1项需长期坚持），基本完成1项，正在推进2项，尚未启动1项，办结率42.9%"
        in sentence
    )
    # the sums lacking a cell are in 【】, with the reason
    assert "共清退资金【137.80万元】，约谈问责【6】人次，建立完善制度4项。" in sentence
    assert "2处清退资金（元）无法识别" in sentence
    for kind in ("report", "notice"):
        args = ("report", "--kind", "notice") if kind == "notice" else ("report",)
        out = tmp_path / f"{kind}.docx"
        cli_text(*args, str(path), "--as-of", TODAY, "--today", TODAY, "--force", "-o", str(out))
        import docx

        said = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert sentence in said, kind
    plan = document_text(TODAY, tmp_path, "plan", path)
    assert "共梳理7项问题，制定整改措施12条" in plan
    # the plan's table lists each of the 12 measures once
    table = docx_tables(tmp_path / "plan.docx")
    assert all(table.count(m) == 1 for m in ("措施2-1", "措施2-2", "措施2-3", "开展自查"))


def test_the_notice_marks_a_problems_own_sum_that_lacks_a_cell(tmp_path):
    path = adversarial(tmp_path / "台账.xlsx")
    out = tmp_path / "通报.docx"
    args = ["report", "--kind", "notice", str(path), "--as-of", TODAY, "--force", "-o", str(out)]
    cli_text(*args)
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    # read cells: the problem's own figures, the merged amount once (not three times)
    assert (
        "1.问题1。主要措施：建立台账；开展自查；完善制度。共清退资金12.50万元，约谈问责3人次。"
        in text
    )
    assert "共清退资金125.00万元，约谈问责2人次。" in text
    # a cell that cannot be read is never left out silently: the figure is in 【】
    assert "3.问题3。主要措施：措施3。共约谈问责【0】人次。" in text
    assert "4.问题4。主要措施：措施4。共清退资金【0元】。" in text


def test_a_sum_with_a_formula_never_saved_is_in_doubt_everywhere(tmp_path):
    rows = [good_row(1) + [1000, 1, 1], good_row(2) + ["=1000*2", "=1+1", 1]]
    path = write_ledger(tmp_path / "a.xlsx", rows, HEADER, info=INFO)
    stats = run(TODAY, "stats", str(path))
    assert (stats["清退资金"], stats["问责人次"]) == (1000, 1)
    assert set(stats["存疑"]) == {"清退资金", "问责人次"}
    assert stats["数值无法识别"] == 2
    assert "共清退资金【1,000元】，约谈问责【1】人次" in stats["统计句"]
    report = document_text(TODAY, tmp_path, "report", path)
    assert "共清退资金【1,000元】，约谈问责【1】人次" in report


def test_a_number_check_rejects_is_not_summed_as_certain(tmp_path):
    # a negative amount and half a person: check's bad-number, never summed as if read
    rows = [good_row(1) + [1000, 1, 1], good_row(2) + [-500, 2.5, 1]]
    path = write_ledger(tmp_path / "a.xlsx", rows, HEADER, info=INFO)
    found = run(TODAY, "check", str(path))
    assert {f["cell"] for f in found["findings"] if f["rule"] == "bad-number"} == {
        "整改台账!N3",
        "整改台账!O3",
    }
    stats = run(TODAY, "stats", str(path))
    assert (stats["清退资金"], stats["问责人次"], stats["建立制度"]) == (1000, 1, 2)
    assert set(stats["存疑"]) == {"清退资金", "问责人次"}
    assert "共清退资金【1,000元】，约谈问责【1】人次，建立完善制度2项。" in stats["统计句"]


def test_a_deadline_formula_never_saved_puts_the_warnings_in_doubt(tmp_path):
    rows = [
        good_row(1, 整改状态="正在推进", 完成时间=None, 整改时限="=DATE(2024,4,1)"),
        good_row(2, 整改状态="正在推进", 完成时间=None, 整改时限="2024年5月1日"),
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    stats = run(TODAY, "stats", str(path))
    assert stats["预警"]["红色"] == 1
    assert "预警" in stats["存疑"]
    text = cli_text("check", str(path), "--today", TODAY)
    assert "存疑：1行的整改状态或整改时限无法识别，未计入预警" in text


def test_check_says_which_figures_are_in_doubt(tmp_path):
    path = adversarial(tmp_path / "台账.xlsx", blank_status=True)
    text = cli_text("check", str(path), "--today", TODAY)
    assert "存疑：1项问题的整改状态未填或无法识别" in text
    mark = tmp_path / "校验结果.xlsx"
    cli_text("check", str(path), "--today", TODAY, "--mark", str(mark))
    line = openpyxl.load_workbook(mark)["校验结果"]["A2"].value
    assert "存疑：1项问题的整改状态未填或无法识别" in line
    # a ledger whose figures are all certain says nothing of the kind
    clean = write_ledger(tmp_path / "b.xlsx", [good_row(1), good_row(2)], info=INFO)
    assert "存疑" not in cli_text("check", str(clean), "--today", TODAY)


# ---------------------------------------------------------------------------------------------
# merge: each unit alone, the 汇总 sheet, stats --by 单位 and the 汇总报告 agree.


def _units(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    # 甲局 leaves 长期坚持计入办结 empty (是); 乙局 says 否
    a = adversarial(folder / "甲.xlsx", {**INFO, "单位名称": "甲局"})
    rows = [
        good_row(1) + ["1.5万元", None, None],
        good_row(2, 整改状态="长期坚持", 完成时间=None, 整改时限="长期坚持") + [2500, None, None],
        good_row(3, 整改状态="正在推进", 完成时间=None, 整改时限="2024年5月1日") + [None] * 3,
    ]
    info = {**INFO, "单位名称": "乙局", "长期坚持计入办结": "否"}
    b = write_ledger(folder / "乙.xlsx", rows, HEADER, info=info)
    return {"甲局": a, "乙局": b}


def test_merge_of_units_counting_long_term_differently_agrees_everywhere(tmp_path):
    units = _units(tmp_path / "各单位")
    book = tmp_path / "汇总台账.xlsx"
    cli_text("merge", *map(str, units.values()), "-o", str(book), "--today", TODAY)
    own = {name: run(TODAY, "stats", str(p)) for name, p in units.items()}
    assert (own["甲局"]["办结数"], own["甲局"]["办结率"]) == (3, "42.9%")
    assert (own["乙局"]["办结数"], own["乙局"]["办结率"]) == (1, "33.3%")

    ws = openpyxl.load_workbook(book)["汇总"]
    header = [c.value for c in ws[1]]
    sheet = {
        r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)
    }
    for name, figures in own.items():
        assert (sheet[name]["问题数"], sheet[name]["办结数"]) == (
            figures["问题数"],
            figures["办结数"],
        )
    totals = next(r for n, r in sheet.items() if str(n).startswith("合计"))
    assert totals["办结数"] == 4

    # the 汇总台账 does not claim the units agree on 长期坚持计入办结
    info = {r[0]: r for r in openpyxl.load_workbook(book)["基本信息"].iter_rows(values_only=True)}
    assert info["长期坚持计入办结"][1] is None
    assert info["长期坚持不计入办结的单位"][1] == "乙局"

    whole = run(TODAY, "stats", str(book), "--by", "单位")
    assert (whole["办结数"], whole["办结率"]) == (4, "40%")
    by_unit = {g["单位"]: g for g in whole["按单位"]}
    for name, figures in own.items():
        assert (by_unit[name]["办结数"], by_unit[name]["办结率"]) == (
            figures["办结数"],
            figures["办结率"],
        )
    # the sums are the units' sums, in doubt as the unit's own (the formula never saved in
    # 甲局's ledger is not an empty cell in 全部措施)
    for figure in ("清退资金", "问责人次", "建立制度"):
        assert whole[figure] == sum(f[figure] for f in own.values())
    assert whole["存疑"]["清退资金"] == own["甲局"]["存疑"]["清退资金"]
    assert whole["存疑"]["问责人次"] == own["甲局"]["存疑"]["问责人次"]
    # the statistics sentence adds up to the 办结率 it prints: 乙局's 长期坚持 on its own
    assert "已整改到位4项（其中1项需长期坚持），长期坚持整改1项" in whole["统计句"]
    checked = run(TODAY, "check", str(book))
    assert not [f for f in checked["findings"] if f["rule"].startswith("summary-")]
    assert checked["totals"]["办结数"] == 4

    out = tmp_path / "汇总报告.docx"
    args = ["report", str(book), "--kind", "summary", "--as-of", TODAY, "--today", TODAY]
    cli_text(*args, "--force", "-o", str(out))
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "办结率40%" in text
    for name, figures in own.items():
        assert f"{name}：问题{figures['问题数']}项、措施{figures['措施数']}条，" in text
        assert f"已办结{figures['办结数']}项，办结率{figures['办结率']}" in text


# ---------------------------------------------------------------------------------------------
# diff


def test_diff_says_a_changed_cell_once_and_marks_figures_in_doubt(tmp_path):
    old = adversarial(tmp_path / "上期.xlsx")
    new = tmp_path / "本期.xlsx"
    wb = openpyxl.load_workbook(old)
    ws = wb["整改台账"]
    ws["N2"] = "15万元"  # the cell split into three measures
    ws["N3"] = 1300000  # the amount merged down three rows
    ws["J11"] = None  # a status emptied: 办结 can no longer be told
    wb.save(new)
    args = ["diff", str(old), str(new), "--today", TODAY, "--old-date", "2024-04-30"]
    text = cli_text(*args)
    money = [line for line in text.splitlines() if "清退资金：" in line]
    assert len(money) == 2, text
    assert "清退资金：12.50万元 → 15.00万元" in money[0]
    assert "清退资金：125.00万元 → 130.00万元" in money[1]
    assert re.search(r"办结问题\s+3\s+【2】", text), text
    assert "存疑（本期）：1项问题的整改状态未填或无法识别" in text
    # the sentence for the documents does not guess that the problem was reopened
    said = next(line for line in text.splitlines() if line.startswith("与上期"))
    assert "退回未办结" not in said
    assert "【上期已办结的1项问题本期整改状态未填或无法识别，是否办结存疑】" in said
    assert "办结率由42.9%降至【28.6%】" in said
    data = json.loads(cli_text(*args, "--format", "json"))
    assert "办结数" in data["new"]["totals"]["存疑"] and not data["old"]["totals"]["存疑"].get(
        "办结数"
    )
    assert sum(1 for c in data["changes"] if c["field"] == "清退资金") == 2


@pytest.mark.parametrize(
    ("closed", "total", "rate"),
    [(1, 8, "12.5%"), (1, 16, "6.3%"), (3, 16, "18.8%"), (13, 16, "81.3%"), (0, 3, "0%")],
)
def test_closure_rate_at_a_half_is_rounded_up_alike(tmp_path, closed, total, rate):
    rows = [good_row(n) for n in range(1, closed + 1)]
    rows += [
        good_row(n, 整改状态="正在推进", 完成时间=None, 整改时限="2024年12月31日")
        for n in range(closed + 1, total + 1)
    ]
    path = write_ledger(tmp_path / "a.xlsx", rows, info=INFO)
    assert run(TODAY, "stats", str(path))["办结率"] == rate
    assert f"办结率 {rate}" in cli_text("check", str(path), "--today", TODAY)
    report = document_text(TODAY, tmp_path, "report", path)
    assert (f"办结率{rate}" in report) == bool(closed)


# ---------------------------------------------------------------------------------------------
# The web page, in a real browser: the figures as drawn, read from the page.


@pytest.fixture(scope="module")
def page_of(tmp_path_factory):
    """Upload a ledger to a real ``ledger-tools web`` in Chromium; yields a function that
    returns the page showing it."""
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    pytest.importorskip("httpx")
    sync_api = pytest.importorskip("playwright.sync_api")
    from test_web import CHROMIUM, Server

    if not CHROMIUM:
        pytest.skip("Chromium 未安装（apt-get install chromium）")
    server = Server()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])

        def show(path: Path) -> Any:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.url)
            page.fill("#today", TODAY)
            page.fill("#as-of", TODAY)
            page.set_input_files("#file", str(path))
            page.wait_for_selector("#verdict-text")
            return page

        yield show
        browser.close()
    server.stop()


@pytest.mark.parametrize("blank_status", [False, True], ids=["sums-in-doubt", "status-blank"])
def test_the_web_page_shows_the_figures_of_check_and_stats(page_of, tmp_path, blank_status):
    path = adversarial(tmp_path / "台账.xlsx", blank_status=blank_status)
    stats = run(TODAY, "stats", str(path))
    check_text = cli_text("check", str(path), "--today", TODAY)
    page = page_of(path)
    assert page.inner_text("#stats-line") == stats["统计句"]
    counts = page.inner_text("#verdict .counts")
    assert counts in check_text  # the totals line, as check prints it
    warnings = page.inner_text("#warnings")
    for colour, n in stats["预警"].items():
        shown = f"【{n}】" if "预警" in stats["存疑"] else str(n)
        assert f"{colour}预警 {shown} 项" in warnings
    assert ("存疑" in warnings) == ("预警" in stats["存疑"])
    page.click("[data-chart='按方面']")
    drawn = [t.text_content() for t in page.locator("#chart svg title").all()]
    assert drawn == [f"{a['方面']}：{a['办结率']}" for a in stats["按方面"]]
    page.close()


# ---------------------------------------------------------------------------------------------
# The Excel buttons (the live workbook through xlwings' engine, as tests/test_excel.py drives it).

excel = test_excel.excel  # (its fixture)


def test_the_excel_buttons_print_the_figures_of_the_cli(excel, tmp_path):
    import docx

    from ledger_tools.excel import check_book, report_book

    path = adversarial(tmp_path / "台账.xlsx", blank_status=True)
    ws = openpyxl.load_workbook(path)
    ws["整改台账"]["N9"] = 2000  # Excel computes the formula: the live book holds its value
    ws.save(path)
    state = excel(path)
    book = state.book()
    check_book(book, TODAY_DATE)
    state.apply(book)
    mark = tmp_path / "校验结果.xlsx"
    cli_text("check", str(path), "--today", TODAY, "--mark", str(mark))
    marked = openpyxl.load_workbook(mark)["校验结果"]["A2"].value
    assert state.sheet("校验结果").values[(2, 1)] == marked
    assert "存疑：1项问题的整改状态未填或无法识别" in marked
    out = report_book(book, "report", as_of=TODAY_DATE, force=True)
    said = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert run(TODAY, "stats", str(path))["统计句"] in said
