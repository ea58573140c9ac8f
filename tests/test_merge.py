"""``ledger-tools merge``: a folder of units in different layouts → one 汇总台账.

The figures of the 汇总 must be each unit's own ``stats`` exactly, the totals row must be
``stats`` of the 全部措施 sheet, findings keep the unit's file and cell, and the workbook (with
its two charts) opens in LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from lxml import etree
from merge_units import TODAY, build_units

from ledger_tools.cli import cli
from ledger_tools.upward.merge import SUMMARY_HEADERS

DAY = TODAY.isoformat()


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    folder = tmp_path_factory.mktemp("units")
    files = build_units(folder / "各单位")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files.values()}
    out = folder / "汇总台账.xlsx"
    result = CliRunner().invoke(
        cli, ["merge", str(folder / "各单位"), "-o", str(out), "--today", DAY, "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files.values()}
    assert before == after  # the inputs are never modified
    return {"files": files, "out": out, "output": result.output}


def _rows(path: Path, sheet: str) -> list[dict]:
    ws = openpyxl.load_workbook(path)[sheet]
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def _stats(path: Path) -> dict:
    result = CliRunner().invoke(cli, ["stats", str(path), "--format", "json", "--today", DAY])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _check(path: Path) -> dict:
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json", "--today", DAY])
    return json.loads(result.output)


def _figures(stats: dict) -> dict:
    return {
        "问题数": stats["问题数"],
        "措施数": stats["措施数"],
        **{
            s: stats[s]
            for s in ("未启动", "正在推进", "基本完成", "已完成", "长期坚持", "状态未填")
        },
        "办结数": stats["办结数"],
        "办结率": stats["办结率"],
        **{f"{c}预警": stats["预警"][c] for c in ("红色", "黄色", "绿色")},
    }


def _rate_text(row: dict) -> str:
    """办结率 as the cell shows it (the number with the cell's own decimals)."""
    return row["办结率"]


def test_each_unit_row_is_that_units_own_stats(merged):
    rows = {Path(r["文件"]).name: r for r in _rows(merged["out"], "汇总") if r["文件"]}
    files = merged["files"]
    readable = ("standard", "title", "xls", "errors", "empty", "duplicate")
    assert set(rows) == {files[k].name for k in readable}
    wb = openpyxl.load_workbook(merged["out"])
    ws = wb["汇总"]
    rate_col = SUMMARY_HEADERS.index("办结率") + 1
    for role in readable:
        path = files[role]
        row = rows[path.name]
        expected = _figures(_stats(path))
        shown = {k: row[k] for k in expected if k != "办结率"}
        assert shown == {k: v for k, v in expected.items() if k != "办结率"}, role
        # the rate cell holds a number formatted to print exactly what stats prints
        cell = next(c for c in ws.iter_rows(min_row=2) if c[0].value == row["单位"])[rate_col - 1]
        if expected["问题数"]:
            assert _percent(cell.value, cell.number_format) == expected["办结率"], role
        else:  # no measures yet: no 办结率 (the chart draws no bar), and 说明 says why
            assert cell.value is None, role
            assert "台账尚未填报整改措施，不计办结率" in row["说明"], role
        check = _check(path)
        assert (row["错误"], row["警告"]) == (check["counts"]["error"], check["counts"]["warning"])


def _percent(value: float, number_format: str) -> str:
    decimals = len(number_format.rstrip("%").partition(".")[2])
    text = f"{value * 100:.{decimals}f}%"
    return text


def test_title_row_layout_and_xls_give_the_same_figures_as_the_standard(merged):
    rows = {Path(r["文件"]).name: r for r in _rows(merged["out"], "汇总") if r["文件"]}
    files = merged["files"]
    standard = {
        k: v for k, v in rows[files["standard"].name].items() if k not in ("单位", "文件", "说明")
    }
    for role in ("title", "xls"):
        other = {
            k: v for k, v in rows[files[role].name].items() if k not in ("单位", "文件", "说明")
        }
        assert other == standard, role
    assert rows[files["title"].name]["单位"] == "某区档案馆"
    assert rows[files["xls"].name]["单位"] == "某区城市管理局"


def test_totals_row_equals_stats_of_the_merged_workbook(merged):
    rows = _rows(merged["out"], "汇总")
    total = next(r for r in rows if str(r["单位"]).startswith("合计"))
    units = [r for r in rows if r["文件"]]
    stats = _stats(merged["out"])  # reads 全部措施
    expected = _figures(stats)
    assert {k: total[k] for k in expected if k != "办结率"} == {
        k: v for k, v in expected.items() if k != "办结率"
    }
    assert total["问题数"] == sum(r["问题数"] for r in units) == 65
    assert total["措施数"] == sum(r["措施数"] for r in units)
    assert total["错误"] == sum(r["错误"] for r in units) == 2
    # stats --by 单位 on the 汇总台账 gives each unit's row again
    by = {g["单位"]: g for g in stats["按单位"]}
    for r in units:
        if r["问题数"]:
            g = by[r["单位"]]
            assert (g["问题数"], g["措施数"], g["办结数"]) == (
                r["问题数"],
                r["措施数"],
                r["办结数"],
            )
    text = CliRunner().invoke(cli, ["stats", str(merged["out"]), "--by", "单位", "--today", DAY])
    assert text.exit_code == 0 and "按单位统计" in text.output and "某区档案馆" in text.output


def test_check_reads_the_merged_workbook_without_cross_unit_conflicts(merged):
    report = _check(merged["out"])
    rules = {f["rule"] for f in report["findings"]}
    assert "unknown-status" in rules and "bad-deadline" in rules  # 水务局's two errors
    assert not rules & {"number-conflict", "aspect-conflict", "unmapped-column", "missing-column"}
    assert report["counts"]["error"] == 2
    assert report["totals"]["措施数"] == 220


def test_findings_keep_the_units_file_and_cell(merged):
    ws = openpyxl.load_workbook(merged["out"])["校验问题"]
    header = [c.value for c in ws[1]]
    errors = [row for row in ws.iter_rows(min_row=2) if row[header.index("级别")].value == "错误"]
    places = {(r[header.index("单位")].value, r[header.index("位置")].value) for r in errors}
    assert places == {("某区水务局", "整改台账!L12"), ("某区水务局", "整改台账!K6")}
    link = errors[0][header.index("位置")].hyperlink.target
    assert link.startswith("各单位/下属单位/水务局.xlsx#'整改台账'!")
    # the title-row layout keeps its own sheet name and row numbers (two rows lower)
    title = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "某区档案馆"]
    assert title and all(r[2].startswith("台账") or "!" not in r[2] for r in title)


def test_measures_sheet_has_unit_and_source(merged):
    rows = _rows(merged["out"], "全部措施")
    # one row per Excel row of the units (200); a cell of numbered measures stays one cell, split
    # again when the 汇总台账 is read (220 measures, as the units count them)
    assert len(rows) == 200
    sources = {r["来源"] for r in rows if r["单位"] == "某区档案馆"}
    assert "[档案馆.xlsx]台账!F4" in sources  # the example's row 2, two title rows lower
    assert {r["单位"] for r in rows} >= {"某区城市管理局", "某区水务局"}


def test_unreadable_files_are_listed_with_the_reason(merged):
    rows = _rows(merged["out"], "未能读取")
    reasons = {Path(r["文件"]).name: r["原因"] for r in rows}
    assert "不是 Excel 工作簿" in reasons["损坏.xlsx"]
    assert "临时锁定文件" in reasons["~$档案馆.xlsx"]
    assert "未能读取" in merged["output"] and "损坏.xlsx" in merged["output"]


def test_duplicate_unit_names_are_flagged_not_merged(merged):
    rows = [r for r in _rows(merged["out"], "汇总") if r["文件"]]
    dup = [r for r in rows if str(r["单位"]).startswith("某区住房和城乡建设局")]
    assert len(dup) == 2 and len({r["单位"] for r in dup}) == 2
    assert all("重复" in r["说明"] for r in dup)
    assert {r["办结数"] for r in dup} == {7, 8}
    assert "重复" in merged["output"]


def test_charts_are_native_bar_charts(merged):
    with zipfile.ZipFile(merged["out"]) as zf:
        charts = sorted(n for n in zf.namelist() if n.startswith("xl/charts/chart"))
        xml = [zf.read(n).decode() for n in charts]
    assert len(charts) == 2
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    trees = [etree.fromstring(x.encode()) for x in xml]
    assert all(t.find(".//c:plotArea/c:barChart", ns) is not None for t in trees)
    groupings = {t.find(".//c:barChart/c:grouping", ns).get("val") for t in trees}
    assert groupings == {"clustered", "stacked"}
    assert any("各单位问题办结率" in x for x in xml) and any("各单位问题整改状态" in x for x in xml)
    # each series points at the 汇总 sheet's unit rows
    refs = {f.text for t in trees for f in t.iterfind(".//c:val//c:f", ns)}
    assert "'汇总'!$K$2:$K$7" in refs


def merged_pdf(book: Path, tmp_path: Path) -> Path:
    """``book`` (a copy named 汇总台账.xlsx) made into ``tmp_path/汇总台账.pdf`` by LibreOffice;
    the test is skipped where LibreOffice or poppler is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice/poppler not installed")
    src = tmp_path / "汇总台账.xlsx"
    shutil.copyfile(book, src)
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return tmp_path / "汇总台账.pdf"


def test_workbook_opens_in_libreoffice(merged, tmp_path):
    merged_pdf(merged["out"], tmp_path)
    pdf = tmp_path / "汇总台账.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "合计（6个单位）" in text
    assert "各单位问题办结率" in text  # the chart title is drawn


def test_json_has_the_same_rows(merged, tmp_path):
    result = CliRunner().invoke(
        cli, ["merge", str(merged["out"].parent / "各单位"), "--format", "json", "--today", DAY]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    rows = [r for r in _rows(merged["out"], "汇总") if r["文件"]]
    for r, j in zip(rows, data["units"], strict=True):
        assert {k: r[k] for k in ("单位", "问题数", "办结数", "错误")} == {
            k: j[k] for k in ("单位", "问题数", "办结数", "错误")
        }
    assert data["totals"]["问题数"] == 65
    assert len(data["measures"]) == 200 and len(data["unreadable"]) == 2  # 全部措施's rows
    assert data["duplicates"] and data["findings"]


def test_existing_output_is_not_overwritten_without_force(merged):
    result = CliRunner().invoke(
        cli, ["merge", str(merged["files"]["standard"]), "-o", str(merged["out"])]
    )
    assert result.exit_code == 2 and "--force" in result.output


def test_a_merged_workbook_among_the_inputs_is_not_counted_twice(merged, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(merged["files"]["standard"], folder / "住建局.xlsx")
    shutil.copyfile(merged["out"], folder / "上次汇总.xlsx")
    result = CliRunner().invoke(
        cli, ["merge", str(folder), "-o", str(tmp_path / "新汇总.xlsx"), "--today", DAY]
    )
    assert result.exit_code == 0, result.output
    assert "读取 1 个单位" in result.output and "不是单位台账" in result.output


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "坏.xlsx").write_bytes(b"nope")
    result = CliRunner().invoke(cli, ["merge", str(tmp_path), "-o", str(tmp_path / "汇总.xlsx")])
    assert result.exit_code == 2
    assert "没有读到任何台账" in result.output and "坏.xlsx" in result.output
    assert not (tmp_path / "汇总.xlsx").exists()


# ---------------------------------------------------------------------------------------------
# report --kind summary


def _doc_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _title(path: Path) -> str:
    import docx

    lines = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "公文标题"]
    assert len(lines) > 1  # broken at word boundaries (titles.break_title)
    return "".join(lines)


def test_summary_report_figures_come_from_stats(merged, tmp_path):
    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.stats import compute_stats, stats_sentence

    out = tmp_path / "汇总报告.docx"
    result = CliRunner().invoke(
        cli, ["report", str(merged["out"]), "--kind", "summary", "-o", str(out), "--today", DAY]
    )
    assert result.exit_code == 0, result.output
    text = _doc_text(out)
    assert text.rstrip().endswith("【党组织名称未填】\n2024年5月10日")  # 落款 and 成文日期
    # the statistics sentence is built as in a unit's report, on the 全部措施 table, as of the
    # day merge counted at (stored in the 汇总台账)
    ledger = load_ledger(merged["out"])
    stats = compute_stats(ledger, TODAY)
    assert stats_sentence(stats, "区委第二巡察组") in text
    # the title, one paragraph per line; 巡察 not repeated after 区委第二巡察组 (as in a unit's)
    assert _title(out) == "【党组织名称未填】关于区委第二巡察组反馈意见整改落实情况的汇总报告"
    assert "共汇总6个单位报送的整改台账（另有2个文件未能读取" in text
    # each unit's paragraph carries that unit's own stats
    for r in (r for r in _rows(merged["out"], "汇总") if r["文件"] and r["问题数"]):
        expected = _figures(_stats(Path(merged["out"]).parent / r["文件"]))
        line = next(p for p in text.splitlines() if f".{r['单位']}：" in p)
        assert f"问题{expected['问题数']}项、措施{expected['措施数']}条" in line
        assert f"已办结{expected['办结数']}项，办结率{expected['办结率']}" in line
    assert "某区统计局：台账尚未填报整改措施。" in text
    # behind schedule: below the overall 办结率; overdue items listed by unit
    assert f"办结率低于总体水平（{stats['办结率']}）的单位有1个：某区水务局（46.2%）" in text
    # the overdue items are each unit's red warnings, as its own stats count them
    red = {
        r["单位"]: _stats(Path(merged["out"]).parent / r["文件"])["预警"]["红色"]
        for r in _rows(merged["out"], "汇总")
        if r["文件"] and r["问题数"]
    }
    late = {unit: n for unit, n in red.items() if n}
    assert f"{len(late)}个单位共有{sum(late.values())}条措施超过整改时限仍未办结" in text
    assert f"某区水务局（{late['某区水务局']}条）" in text and "已超期" in text
    assert "【党组织名称未填】" in text and "【请在此填写下一步" in text
    # an existing 汇总报告 is kept unless --overwrite (as for a unit's documents)
    args = ["report", str(merged["out"]), "--kind", "summary", "-o", str(out), "--today", DAY]
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 2 and "--overwrite" in again.output
    assert CliRunner().invoke(cli, [*args, "--overwrite"]).exit_code == 0


def test_summary_template_renders_as_docxtpl_does(merged, tmp_path):
    """The fast renderer writes the 汇总报告 docxtpl would (title lines, unit and overdue
    loops, widow-free headings, the 落款 branches)."""
    from test_docxrender import assert_same_document, docxtpl_render

    from ledger_tools.documents.render import render_docx
    from ledger_tools.resources import template_path
    from ledger_tools.upward.summary import load_summary_ledger, summary_context

    ledger, facts = load_summary_ledger(merged["out"])
    ctx = summary_context(ledger, TODAY, facts, today=TODAY)
    assert ctx["超期单位"]  # the overdue loop is exercised
    template = template_path("汇总报告.docx")
    ours = render_docx(template, ctx, tmp_path / "ours.docx", builtin=True).read_bytes()
    assert_same_document(ours, docxtpl_render(template, ctx))


def test_summary_report_refuses_a_unit_ledger(merged, tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            "report",
            str(merged["files"]["standard"]),
            "--kind",
            "summary",
            "-o",
            str(tmp_path / "x.docx"),
        ],
    )
    assert result.exit_code == 2
    assert "不是 ledger-tools merge 生成的汇总台账" in result.output


def test_summary_report_converts_with_libreoffice(merged, tmp_path):
    from ledger_tools.documents.render import find_office

    if not find_office() or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice/poppler not installed")
    result = CliRunner().invoke(
        cli,
        [
            "report",
            str(merged["out"]),
            "--kind",
            "summary",
            "-o",
            str(tmp_path / "汇总报告.docx"),
            "--pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "汇总报告.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "汇总报告" in text and "进度滞后的单位" in text


# ---------------------------------------------------------------------------------------------
# Edge cases on small ledgers written here


def test_same_problem_titles_in_two_units_stay_apart_and_immediate_deadlines_keep_their_day(
    tmp_path,
):
    from conftest import INFO, good_row, write_ledger

    folder = tmp_path / "in"
    folder.mkdir()
    rows = [
        good_row(1),
        good_row(2, 整改时限="立行立改", 整改状态="正在推进", 完成时间=None),
    ]
    # two units with the very same 序号 and 问题 titles; 集中整改截止日期 differs
    write_ledger(folder / "甲.xlsx", rows, info={**INFO, "单位名称": "甲单位"})
    write_ledger(
        folder / "乙.xlsx",
        rows,
        info={**INFO, "单位名称": "乙单位", "集中整改截止日期": dt.date(2024, 5, 15)},
    )
    # a 整改措施 that looks like a formula is text in the unit's ledger and stays text
    wb = openpyxl.load_workbook(folder / "乙.xlsx")
    cell = wb["整改台账"]["D2"]
    cell.value = "=按要求完成整改"
    cell.data_type = "s"
    wb.save(folder / "乙.xlsx")
    out = tmp_path / "汇总.xlsx"
    day = "2024-05-25"
    result = CliRunner().invoke(cli, ["merge", str(folder), "-o", str(out), "--today", day])
    assert result.exit_code == 0, result.output
    stats = json.loads(
        CliRunner().invoke(cli, ["stats", str(out), "--format", "json", "--today", day]).output
    )
    assert stats["问题数"] == 4  # 2 + 2, not 2 merged problems
    # 甲: due 2024-05-31 (yellow on 05-25); 乙: due 2024-05-15 (red): as in each unit's own stats
    units = {
        p.stem: json.loads(
            CliRunner().invoke(cli, ["stats", str(p), "--format", "json", "--today", day]).output
        )
        for p in (folder / "甲.xlsx", folder / "乙.xlsx")
    }
    assert units["甲"]["预警"] == {"红色": 0, "黄色": 1, "绿色": 0}
    assert units["乙"]["预警"] == {"红色": 1, "黄色": 0, "绿色": 0}
    assert stats["预警"] == {"红色": 1, "黄色": 1, "绿色": 0}
    measures = _rows(out, "全部措施")
    deadlines = {(r["单位"], r["整改时限"]) for r in measures if "立行立改" in str(r["整改时限"])}
    assert deadlines == {
        ("甲单位", "2024年5月31日（立行立改）"),
        ("乙单位", "2024年5月15日（立行立改）"),
    }
    ws = openpyxl.load_workbook(out)["全部措施"]
    texts = [c for c in ws["G"] if c.value == "=按要求完成整改"]
    assert texts and texts[0].data_type == "s"


def test_benchmark_script_runs(capsys, monkeypatch, tmp_path):
    """Smoke test of benchmarks/bench_merge.py on a tiny folder (no timing is asserted)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bench_merge

    monkeypatch.setattr(bench_merge, "OUT_DIR", tmp_path)
    bench_merge.main(["--units", "2", "--measures", "5", "--runs", "1"])
    out = capsys.readouterr().out
    assert "bare python-calamine read" in out and "`ledger-tools merge`" in out
    assert len(list(tmp_path.rglob("*.xlsx"))) == 2


def test_split_cells_and_merged_numbers_count_as_in_the_unit(tmp_path):
    """A cell holding several numbered measures is one warning and its number counts once; a
    number merged over a problem's rows counts once: the 汇总台账 (its stats, the 汇总报告,
    duban by 单位) says what the unit's own stats say."""
    from test_diff import read_rows, write_version

    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.stats import compute_stats
    from ledger_tools.upward.duban import groups, load_for_duban
    from ledger_tools.upward.summary import load_summary_ledger, summary_context

    header, rows = read_rows()
    split = next(r for r in rows if str(r["整改措施"]).startswith("（1）对照审计报告"))
    split.update({"整改状态": "正在推进", "完成时间": None, "建立制度（项）": 2})
    folder = tmp_path / "in"
    folder.mkdir()
    unit = write_version(folder / "台账.xlsx", rows)
    # 清退资金 merged over the two rows of problem 11 (a number written once for the problem)
    wb = openpyxl.load_workbook(unit)
    ws = wb["整改台账"]
    col = header.index("清退资金（元）") + 1
    first = next(i for i, r in enumerate(rows, start=2) if r["序号"] == 11)
    ws.cell(first, col).value, ws.cell(first + 1, col).value = 3000, None
    ws.merge_cells(start_row=first, start_column=col, end_row=first + 1, end_column=col)
    wb.save(unit)
    day = dt.date(2024, 7, 10)
    out = tmp_path / "汇总.xlsx"
    result = CliRunner().invoke(cli, ["merge", str(folder), "-o", str(out), "--today", str(day)])
    assert result.exit_code == 0, result.output
    own = compute_stats(load_ledger(unit), day, groups=False)
    merged = compute_stats(load_ledger(out), day, groups=False)
    keys = ("问题数", "措施数", "办结数", "清退资金", "建立制度", "预警")
    assert {k: merged[k] for k in keys} == {k: own[k] for k in keys}
    assert own["预警"]["红色"] >= 1
    ledger, facts = load_summary_ledger(out)
    overdue = summary_context(ledger, day, facts)["超期单位"]
    assert sum(u["条数"] for u in overdue) == own["预警"]["红色"]
    listed = [i["整改措施"] for u in overdue for i in u["事项"] if "对照审计报告" in i["整改措施"]]
    assert len(listed) == 1 and listed[0].startswith("（1）对照审计报告") and "（3）" in listed[0]
    ledger, units = load_for_duban(out)
    (group,) = groups(ledger, day, "单位", units)
    assert group.colours["红色"] == len(group.items) == own["预警"]["红色"]


def test_measures_sheet_keeps_every_value_as_the_unit_wrote_it(tmp_path):
    """全部措施 is written as sheet XML directly (merge_xlsx._measure_rows_xml): text that
    needs escaping, spans lines or is longer than a cell holds, numbers, dates and times come
    back as merge read them from the unit (text that looks like a formula: the test above)."""
    from conftest import good_row, write_ledger

    from ledger_tools.upward.merge import all_measure_rows, merge_ledgers, merge_workbook

    texts = [
        "A&B <整改> \"引号\" 'x'",
        "  前后有空格  ",
        "换行\n第二行",
        "x" * 40_000,  # over Excel's 32,767 characters a cell
    ]
    rows = [
        good_row(i + 1, 整改措施=text, 完成时间=dt.datetime(2024, 4, 1 + i, 9, 30))
        for i, text in enumerate(texts)
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    write_ledger(folder / "甲.xlsx", rows)
    merge = merge_ledgers([folder], TODAY, jobs=1)
    out = merge_workbook(merge, tmp_path / "汇总.xlsx")
    ws = openpyxl.load_workbook(out)["全部措施"]
    got = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    expected = list(all_measure_rows(merge.units))
    assert len(got) == len(expected) == len(texts)
    for row, want in zip(got, expected, strict=True):
        for g, e in zip(row, want, strict=False):
            if isinstance(e, str):
                e = e[:32_767] or None  # an empty text is an empty cell
            elif isinstance(e, dt.date) and not isinstance(e, dt.datetime):
                e = dt.datetime(e.year, e.month, e.day)  # openpyxl reads dates as datetimes
            assert g == e
    cells = [str(v) for row in got for v in row]
    assert any("A&B <整改>" in v for v in cells) and any("换行\n第二行" in v for v in cells)
    assert "x" * 32_767 in cells


def test_inline_text_escapes_as_excel_does():
    from ledger_tools.upward.merge_xlsx import _inline

    assert _inline("a\x07b") == "<is><t>a_x0007_b</t></is>"
    assert _inline("_x0041_") == "<is><t>_x005F_x0041_</t></is>"
    assert _inline(" a&b ") == '<is><t xml:space="preserve"> a&amp;b </t></is>'


def test_links_point_at_the_cell_whatever_the_sheet_name():
    from ledger_tools.upward.merge_xlsx import _location

    assert _location("整改台账!K12") == "'整改台账'!K12"
    assert _location("'O''Brien 台账'!K3") == "'O''Brien 台账'!K3"  # quoted once, not twice
    assert _location("整改台账!12行") == "'整改台账'!A12"
    assert _location("基本信息") == "'基本信息'!A1"


def test_units_status_words_are_counted_as_read_in_the_summary(tmp_path):
    """A unit's status as its ledger was read ("是"/"否" under 是否完成, "√") goes into 全部措施
    as the standard status: the 汇总台账 read again (stats, the 汇总报告) counts what the
    unit's own stats count, not "状态未填"."""
    from real_layouts import supervision, xuncha_two_row_header

    from ledger_tools.ledger import columns as C
    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.stats import UNKNOWN_STATUS, compute_stats

    folder = tmp_path / "in"
    folder.mkdir()
    units = [folder / "档案馆.xlsx", folder / "督查.xlsx"]
    xuncha_two_row_header(units[0])
    supervision(units[1])
    out = tmp_path / "汇总.xlsx"
    result = CliRunner().invoke(cli, ["merge", str(folder), "-o", str(out), "--today", DAY])
    assert result.exit_code == 0, result.output
    own = [compute_stats(load_ledger(u), TODAY, groups=False) for u in units]
    merged = compute_stats(load_ledger(out), TODAY, groups=False)
    for key in ("问题数", "措施数", "办结数", UNKNOWN_STATUS):
        assert merged[key] == sum(s[key] for s in own), key
    assert merged["办结数"] > 0 and merged[UNKNOWN_STATUS] == 0
    ws = openpyxl.load_workbook(out)["全部措施"]
    at = [c.value for c in ws[1]].index("整改状态")
    written = {row[at] for row in ws.iter_rows(min_row=2, values_only=True)}
    assert written <= {*C.STATUSES, None}


def test_measures_sheet_prints_readably_on_a3(merged, tmp_path):
    """全部措施 prints as the standard 整改台账 does: A3 landscape, one page wide, the header
    on every page, the text wrapped in rows as high as it needs. It printed a third of A4
    wide on one line per row before, at about 3.5 points."""
    ws = openpyxl.load_workbook(merged["out"])["全部措施"]
    setup = ws.page_setup
    assert (setup.paperSize, setup.orientation) == (8, "landscape")
    assert (setup.fitToWidth in (None, 1), setup.fitToHeight) == (True, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    header = [c.value for c in ws[1]]
    measure = ws.cell(2, header.index("整改措施") + 1)
    assert measure.alignment.wrap_text and measure.alignment.vertical == "top"
    tall = [r for r in range(2, ws.max_row + 1) if (ws.row_dimensions[r].height or 15) > 30]
    assert len(tall) > ws.max_row // 2  # the example's texts take several lines
    merged_pdf(merged["out"], tmp_path)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "汇总台账.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    page = next(p for p in boxes.split("<page ") if ">整改进展及成效</word>" in p)
    heights = [
        float(y1) - float(y0)
        for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">某区', page)
    ]
    assert heights and min(heights) >= 6, heights  # points: readable when printed


def test_a_unit_with_no_measures_is_no_zero_bar(merged):
    """The unit that sent a ledger with no measures yet (某区统计局) has no 办结率: not 0%, which
    the chart drew as a unit that closed nothing. It is the last row, its 说明 says why, the
    chart names it under the bars, and ``stats --by 单位`` prints 无措施."""
    rows = [r for r in _rows(merged["out"], "汇总") if r["文件"]]
    assert rows[-1]["单位"] == "某区统计局" and rows[-1]["问题数"] == 0
    assert rows[-1]["办结率"] is None
    assert rows[-1]["说明"] == "台账尚未填报整改措施，不计办结率"
    assert all(r["办结率"] is not None for r in rows[:-1])
    with zipfile.ZipFile(merged["out"]) as zf:
        rate = next(
            x
            for n in zf.namelist()
            if n.startswith("xl/charts/chart") and "各单位问题办结率" in (x := zf.read(n).decode())
        )
    assert "某区统计局尚未填报整改措施，不计办结率，图中未画出" in rate
    result = CliRunner().invoke(cli, ["stats", str(merged["out"]), "--by", "单位", "--today", DAY])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("某区统计局"))
    assert line.split()[1:] == ["0", "0", "0", "无措施", "0", "0", "0"]
    # the report and check take the empty 办结率 as merge wrote it
    assert not [f for f in _check(merged["out"])["findings"] if f["rule"].startswith("summary-")]


def test_a_note_typed_below_the_summary_is_no_unit(merged, tmp_path):
    """The office types “注：……” under the totals of 汇总 before printing it: it was read as a
    unit with no measures (a row “注：……  0  0  0  0%” in ``stats --by 单位``)."""
    edited = tmp_path / "汇总台账-加注.xlsx"
    wb = openpyxl.load_workbook(merged["out"])
    ws = wb["汇总"]
    ws.cell(ws.max_row + 2, 1).value = "注：本表由区委巡察办汇总，数据截至5月10日。"
    wb.save(edited)
    result = CliRunner().invoke(cli, ["stats", str(edited), "--by", "单位", "--today", DAY])
    assert result.exit_code == 0, result.output
    assert "注：" not in result.output
    findings = _check(edited)["findings"]
    assert not [f for f in findings if f["rule"].startswith("summary-")]
