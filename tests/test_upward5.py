"""The receiver's month (巡察办、纪委、组织部): merge a folder of 30-odd units kept in different
layouts, ``stats --by 单位``, ``report --kind summary``, ``check`` of a 汇总台账 a person edited
by hand, next month's folder (units improved, regressed, one missing, one new, one file renamed),
``diff`` of the two 汇总台账 and ``duban --by 单位``.

Every figure is compared with what ``stats`` says of the unit's own file; the commands are the
real ones (click's runner), on real workbooks (openpyxl, xlwt; LibreOffice recalculates the
hand-edited one as Excel would).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import real_layouts4 as R4
import real_layouts5 as R5
from click.testing import CliRunner
from docx import Document
from merge_units import build_units

from ledger_tools.cli import cli

JULY = "2025-07-15"
AUGUST = "2025-08-15"

# Units kept the way real ones send them (rounds 4 and 5 of the real layouts), named as units.
LAYOUTS = {
    "城关镇": R4.sheet_per_aspect_with_cover,
    "东坝镇": R4.sheet_per_office_with_aspect_column,
    "西河乡": R4.total_sheet_then_groups,
    "南山街道": R4.three_row_header,
    "北湖街道": R4.seasonal_deadlines,  # 年底前 without a year; 汛期前, 春节前 unreadable
    "区教育局": R4.supervision_status_words,
    "区卫健委": R4.subtotal_rows_inside,
    "区财政局": R4.notes_under_the_table,
    "区人社局": R4.spaced_and_bilingual_headers,
    "区自然资源局": R4.sorted_by_department,
    "区应急管理局": R4.safety_hazard_ledger,
    "区审计局": R4.aspect_sheets_for_xls,  # an .xlsx saved under the name .xls
    "区市场监管局": R4.audit_amounts_and_rate,
    "区民政局": R4.handling_progress_columns,
    "区农业农村局": R4.branch_sheets,
    "区职业技术学院": R5.university_functional_offices,
    "区人民医院": R5.hospital_departments,
    "区城投集团": R5.soe_lead_department,  # 6月底前 without a year
    "区生态环境分局": R5.eco_staged_deadlines,
    "区交通运输局": R5.numbered_measures_merged_problems,
    "区文旅局": R5.sheets_by_status,
    "区司法局": R5.quarter_sheets,
    "区商务局": R5.status_words_round5,
    "区科技局": R5.finish_written_as_words,
    "区医保局": R5.yes_no_with_remarks,
    "区退役军人事务局": R5.deadlines_put_back,
    "区信访局": R5.time_and_explanation,
}


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, [str(a) for a in args])


def build_july(folder: Path) -> None:
    build_units(folder / "区直")  # the example ledger in several layouts, a broken file …
    for name, builder in LAYOUTS.items():
        suffix = ".xls" if name == "区审计局" else ".xlsx"
        path = folder / "乡镇部门" / f"{name}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        builder(path)


def swap(path: Path, old: str, new: str, count: int = 1) -> int:
    """Write ``new`` over the first ``count`` cells holding ``old``, as the unit's clerk does."""
    wb = openpyxl.load_workbook(path)
    done = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if done < count and isinstance(cell.value, str) and cell.value.strip() == old:
                    cell.value = new
                    done += 1
    wb.save(path)
    assert done == count, (path, old)
    return done


def build_august(july: Path, folder: Path) -> None:
    shutil.copytree(july, folder)
    towns = folder / "乡镇部门"
    swap(towns / "区教育局.xlsx", "持续推进", "已销号")  # improved
    swap(towns / "区教育局.xlsx", "进度滞后", "已销号")
    swap(towns / "南山街道.xlsx", "正在推进", "已完成")
    swap(folder / "区直" / "局机关" / "住建局.xlsx", "正在推进", "已完成", 3)
    swap(towns / "区科技局.xlsx", "已完成", "正在推进")  # regressed
    swap(towns / "区城投集团.xlsx", "☑", "推进中")
    (towns / "区信访局.xlsx").unlink()  # did not send this month
    R5.sign_off_lines_and_hidden_column(towns / "区体育局.xlsx")  # sends for the first time
    # renamed: 城关镇 has no 单位名称 (its name is its file's); 档案馆 has one
    (towns / "城关镇.xlsx").rename(towns / "城关镇（8月报）.xlsx")
    units = folder / "区直" / "下属单位"
    (units / "档案馆.xlsx").rename(units / "档案馆-8月.xlsx")


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("month")
    build_july(root / "7月")
    build_august(root / "7月", root / "8月")
    out = {"root": root}
    for label, day in (("7月", JULY), ("8月", AUGUST)):
        book = root / f"汇总台账-{label}.xlsx"
        result = run("merge", root / label, "-o", book, "--today", day, "--jobs", "2")
        assert result.exit_code == 0, result.output
        out[label] = book
    return out


def summary_rows(book: Path) -> list[dict[str, Any]]:
    ws = openpyxl.load_workbook(book)["汇总"]
    values = list(ws.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=False)) for row in values[1:]]


def stats_json(path: Path, day: str, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["stats", str(path), "--format", "json", "--today", day, *extra]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# ---------------------------------------------------------------------------------------------
# The month's 汇总: every figure is the unit's own stats


@pytest.mark.parametrize("label, day", [("7月", JULY), ("8月", AUGUST)])
def test_every_figure_is_the_units_own_stats(month: dict[str, Path], label: str, day: str) -> None:
    book = month[label]
    rows = [r for r in summary_rows(book) if r["单位"] and not str(r["单位"]).startswith("合计")]
    assert 30 <= len(rows) <= 40
    by_unit = {g["单位"]: g for g in stats_json(book, day, "--by", "单位")["按单位"]}
    for row in rows:
        file = Path(row["文件"])
        file = file if file.is_absolute() else book.parent / file
        own = stats_json(file, day)
        assert (row["问题数"], row["措施数"], row["办结数"]) == (
            own["问题数"], own["措施数"], own["办结数"],
        ), row["单位"]  # fmt: skip
        assert (row["红色预警"], row["黄色预警"], row["绿色预警"]) == tuple(
            own["预警"][c] for c in ("红色", "黄色", "绿色")
        ), row["单位"]
        if own["问题数"]:
            assert abs(row["办结率"] - own["办结率数值"]) < 0.0006, row["单位"]
        else:  # no measures yet: no 办结率, so that the chart draws no 0% bar
            assert row["办结率"] is None, row["单位"]
        # stats --by 单位 of the 汇总台账 (from 全部措施) says the same, also for the unit
        # that sent no measures yet
        group = by_unit[row["单位"]]
        assert (group["问题数"], group["措施数"], group["办结数"], group["红色"], group["黄色"]) == (
            own["问题数"], own["措施数"], own["办结数"], own["预警"]["红色"], own["预警"]["黄色"],
        ), row["单位"]  # fmt: skip


def test_an_xlsx_named_xls_and_a_deadline_without_a_year(month: dict[str, Path]) -> None:
    rows = {r["单位"]: r for r in summary_rows(month["7月"])}
    assert rows["区审计局"]["问题数"] == 3  # read by its content, not its name
    ws = openpyxl.load_workbook(month["7月"])["全部措施"]
    header = [c.value for c in ws[1]]
    deadlines = {
        r[header.index("整改时限")]
        for r in ws.iter_rows(min_row=2, values_only=True)
        if r[0] == "北湖街道"
    }
    # the year the unit's ledger took (its 检查日期), written out: the 汇总 has another one
    assert "2025年12月31日（年底前）" in deadlines
    assert {"汛期前", "春节前"} <= deadlines  # not reckoned: left as written


def test_fresh_merge_agrees_with_itself(month: dict[str, Path]) -> None:
    result = run("check", month["7月"], "--format", "json", "--today", JULY)
    findings = json.loads(result.stdout)["findings"]
    assert not {f["rule"] for f in findings} & {"summary-mismatch", "summary-unit"}
    # a finding of 全部措施 says whose row it is and where the unit's own ledger has it
    late = next(f for f in findings if f["value"] == "汛期前")
    assert late["message"].endswith("（北湖街道，原台账 [北湖街道.xlsx]整改台账!D3 这一行）")


def test_every_chart_names_every_unit(month: dict[str, Path]) -> None:
    with zipfile.ZipFile(month["7月"]) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    assert all('<c:tickLblSkip val="1"/>' in c for c in charts)


def test_summary_report_figures(month: dict[str, Path]) -> None:
    book = month["8月"]
    out = month["root"] / "汇总报告-8月.docx"
    result = run("report", book, "--kind", "summary", "-o", out, "--today", AUGUST)
    assert result.exit_code == 0, result.output
    assert "不一致" not in result.output
    text = docx_text(out)
    whole = stats_json(book, AUGUST)
    # the statistics sentence (figures in doubt are marked 【】, as in a unit's report)
    assert re.search(f"个方面{whole['问题数']}项问题", text)
    assert re.search(f"办结率【?{whole['办结率']}", text)
    for row in summary_rows(book):
        name = str(row["单位"] or "")
        if not name or name.startswith("合计"):
            continue
        own = stats_json(
            book.parent / row["文件"] if not Path(row["文件"]).is_absolute() else Path(row["文件"]),
            AUGUST,
        )
        if own["措施数"]:
            said = f"{name}：问题{own['问题数']}项、措施{own['措施数']}条"
            assert said in text, said
            assert f"办结率{own['办结率']}" in text
        else:
            assert f"{name}：台账尚未填报整改措施。" in text


# ---------------------------------------------------------------------------------------------
# A 汇总台账 edited by hand


def _edit_by_hand(book: Path, out: Path) -> dict[str, Any]:
    """What a receiver does to the 汇总台账 in Excel: deletes a unit's rows of 全部措施, corrects
    a status there, renames a unit in 汇总, replaces the totals by formulas (one of them left
    #REF! by a deleted row), sorts the totals row to the top, inserts a 序号 column, hides a
    row; then LibreOffice recalculates and saves it, as Excel would."""
    wb = openpyxl.load_workbook(book)
    ws, ms = wb["汇总"], wb["全部措施"]
    for r in sorted((c.row for c in ms["A"] if c.value == "区民政局"), reverse=True):
        ms.delete_rows(r)
    h = {c.value: c.column for c in ms[1]}
    for row in ms.iter_rows(min_row=2):
        if row[0].value == "区卫健委" and row[h["整改状态"] - 1].value == "正在推进":
            row[h["整改状态"] - 1].value = "已完成"
            row[h["完成时间"] - 1].value = "2025年7月1日"
            break
    else:
        raise AssertionError("区卫健委 has no measure 正在推进")
    for row in ms.iter_rows(min_row=2):  # a status cell left #REF! by a deleted row
        if row[0].value == "区自然资源局":
            row[h["整改状态"] - 1].value = "=#REF!"
            break
    for c in ws["A"]:
        if c.value == "东坝镇":
            c.value = "东坝镇人民政府"
    n = ws.max_row
    ws.cell(n, 3).value = "=C2+#REF!+C3"
    totals = [c.value for c in ws[n]]
    second = [c.value for c in ws[2]]
    for j, (a, b) in enumerate(zip(totals, second, strict=True), start=1):
        ws.cell(2, j).value, ws.cell(n, j).value = a, b
    ws.insert_cols(1)
    ws.cell(1, 1).value = "序号"
    ws.row_dimensions[5].hidden = True
    raw = out.with_name("手工改过-未计算.xlsx")
    wb.save(raw)
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out.parent / "lo"),
            str(raw),
        ],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    shutil.move(out.parent / "lo" / raw.name, out)
    return {"rows": n}


@pytest.fixture(scope="module")
def edited(month: dict[str, Path]) -> Path:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is needed to recalculate the edited workbook")
    out = month["root"] / "手工改过.xlsx"
    _edit_by_hand(month["7月"], out)
    return out


def test_check_names_each_cell_that_no_longer_agrees(edited: Path) -> None:
    result = run("check", edited, "--format", "json", "--today", JULY)
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"].startswith("summary-")]
    by_cell = {f["cell"]: f for f in found}
    ws = openpyxl.load_workbook(edited)["汇总"]
    header = [c.value for c in ws[1]]
    rows = {ws.cell(r, 2).value: r for r in range(2, ws.max_row + 1)}
    col = {h: openpyxl.utils.get_column_letter(j + 1) for j, h in enumerate(header)}
    total = next(r for name, r in rows.items() if str(name).startswith("合计"))
    assert total == 2  # sorted to the top, found by its name
    # the #REF! of the totals (措施数, its column moved by the inserted one)
    ref = by_cell[f"汇总!{col['措施数']}{total}"]
    assert ref["value"] == "#REF!" and "公式出错" in ref["message"]
    expected_measures = stats_json(edited, JULY)["措施数"]
    assert f"应为 {expected_measures}" in ref["message"]
    # the status corrected in 全部措施: 区卫健委's 办结数 and its rate no longer agree
    wjw = rows["区卫健委"]
    done = by_cell[f"汇总!{col['办结数']}{wjw}"]
    own = {g["单位"]: g for g in stats_json(edited, JULY, "--by", "单位")["按单位"]}["区卫健委"]
    assert f"应为 {own['办结数']}" in done["message"] and done["rule"] == "summary-mismatch"
    assert f"汇总!{col['办结率']}{wjw}" in by_cell
    # the renamed unit (in 汇总 only), the unit deleted from 全部措施, and 全部措施's unit
    # that 汇总 no longer names
    assert "改过单位名称" in by_cell[f"汇总!B{rows['东坝镇人民政府']}"]["message"]
    assert by_cell[f"汇总!B{rows['区民政局']}"]["rule"] == "summary-unit"
    missing = [f for f in found if f["sheet"] == "全部措施"]
    assert [f["value"] for f in missing] == ["东坝镇"]
    assert missing[0]["cell"].startswith("全部措施!A")
    # every message is Chinese and says what to do
    assert all("请" in f["message"] and re.search("[\u4e00-\u9fff]", f["message"]) for f in found)
    # units whose rows were not touched are not reported
    assert not any(f["row"] == rows["区科技局"] for f in found)


def test_summary_report_never_prints_a_stale_figure(edited: Path) -> None:
    out = edited.with_name("汇总报告-手工改过.docx")
    result = run("report", edited, "--kind", "summary", "-o", out)
    assert result.exit_code == 0, result.output
    assert "“汇总”表与“全部措施”不一致" in result.output and "ledger-tools check" in result.output
    assert re.search(r"“全部措施”中有单元格是错误值：全部措施!M\d+（#REF!）", result.output)
    text = docx_text(out)
    assert "#REF!" not in text and "东坝镇人民政府" not in text and "区民政局" not in text
    by_unit = {g["单位"]: g for g in stats_json(edited, JULY, "--by", "单位")["按单位"]}
    assert "东坝镇：问题3项" in text
    assert f"区卫健委：问题{by_unit['区卫健委']['问题数']}项" in text
    assert f"已办结{by_unit['区卫健委']['办结数']}项，办结率{by_unit['区卫健委']['办结率']}" in text
    whole = stats_json(edited, JULY)
    assert f"细化整改措施{whole['措施数']}条" in text
    stats = CliRunner().invoke(cli, ["stats", str(edited), "--today", JULY])
    assert "不一致" in stats.stderr and "不一致" not in stats.stdout


# ---------------------------------------------------------------------------------------------
# Dates written as status words


def test_status_words_in_date_cells(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "示例台账.xlsx"
    wb = openpyxl.load_workbook(example)
    ws = wb["整改台账"]
    col = {c.value: c.column_letter for c in ws[1]}
    ws[f"{col['完成时间']}4"] = "已完成"  # status 已完成 beside it
    ws[f"{col['完成时间']}12"] = "正在推进"
    ws[f"{col['整改时限']}8"] = "已完成"
    ws[f"{col['整改状态']}8"] = None
    path = tmp_path / "写了状态的日期.xlsx"
    wb.save(path)
    result = run("check", path, "--format", "json", "--today", "2024-05-10")
    found = {f["cell"]: f["message"] for f in json.loads(result.stdout)["findings"]}
    status = col["整改状态"]
    done = found[f"整改台账!{col['完成时间']}4"]
    assert "这是整改状态，不是日期" in done and "实际完成的日期" in done and "不必重复" in done
    open_one = found[f"整改台账!{col['完成时间']}12"]
    assert "完成时间留空" in open_one and f"{status}12" in open_one
    deadline = found[f"整改台账!{col['整改时限']}8"]
    assert "这是整改状态，不是期限" in deadline and f"请写到整改状态（{status}8）" in deadline


# ---------------------------------------------------------------------------------------------
# Next month: diff of the two 汇总台账, duban


def test_diff_of_two_months_by_unit(month: dict[str, Path]) -> None:
    result = run("diff", month["7月"], month["8月"], "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["old"]["as_of"], data["new"]["as_of"]) == (JULY, AUGUST)  # 汇总统计日期
    changes = data["changes"]
    kinds = {c["kind"] for c in changes}
    assert not kinds & {"problem-added", "problem-removed"}  # whole units, not their problems
    assert [c["unit"] for c in changes if c["kind"] == "unit-added"] == ["区体育局"]
    assert [c["unit"] for c in changes if c["kind"] == "unit-removed"] == ["区信访局"]
    renamed = [(c["old"], c["new"]) for c in changes if c["kind"] == "unit-renamed"]
    assert renamed == [("城关镇", "城关镇（8月报）")]
    assert all(c["unit"] for c in changes)
    back = {c["unit"] for c in changes if c["kind"] == "problem-reopened"}
    assert back == {"区科技局", "区城投集团"}
    closed = {c["unit"] for c in changes if c["kind"] == "problem-closed"}
    assert {"区教育局", "南山街道"} <= closed
    s = data["summary"]
    assert s["办结数变化"] == (
        s["新增办结"]
        - s["退回未办结"]
        - s["删除已办结"]
        + s["新报送单位办结"]
        - s["未报送单位办结"]
    )
    assert (
        s["办结数变化"]
        == stats_json(month["8月"], AUGUST)["办结数"] - stats_json(month["7月"], JULY)["办结数"]
    )
    assert "新报送单位1个（区体育局），本期未报送单位1个（区信访局）" in data["sentence"]
    text = run("diff", month["7月"], month["8月"]).output
    assert "单位“区信访局”  本期没有报送" in text and "请核实是否漏报" in text
    marked = month["root"] / "对比-8月.xlsx"
    assert run("diff", month["7月"], month["8月"], "--mark", marked).exit_code == 0
    ws = openpyxl.load_workbook(marked)["与上期对比"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert rows[0][:3] == ("序号", "变化", "单位")
    assert ("本期未报送的单位", "区信访局") in {r[1:3] for r in rows[1:]}


def test_duban_by_unit_equals_each_units_stats(month: dict[str, Path]) -> None:
    folder = month["root"] / "督办-8月"
    result = run("duban", month["8月"], "--by", "单位", "--today", AUGUST, "-o", folder)
    assert result.exit_code == 0, result.output
    rows = {r["单位"]: r for r in summary_rows(month["8月"])}
    # a colour with no measures is left out ("红色 1 条", "黄色 2 条", "红色 1 条，黄色 2 条")
    sent = [
        (m[1], m[2] or "0", m[3] or "0")
        for m in re.finditer(
            r"^  (.+?)：(?:红色 (\d+) 条)?(?:，)?(?:黄色 (\d+) 条)? →", result.output, flags=re.M
        )
    ]
    assert sent
    for name, red, yellow in sent:
        row = rows[name]
        file = (
            Path(row["文件"])
            if Path(row["文件"]).is_absolute()
            else month["8月"].parent / row["文件"]
        )
        own = stats_json(file, AUGUST)
        assert (int(red), int(yellow)) == (own["预警"]["红色"], own["预警"]["黄色"]), name
    late = {name for name, _, _ in sent}
    for name, row in rows.items():
        if name and not str(name).startswith("合计") and name not in late:
            assert row["红色预警"] == row["黄色预警"] == 0, name
    # the unreadable deadlines are named by unit and cell, and the unit is told to correct them
    assert "北湖街道 2 条：全部措施!" in result.output and "“汛期前”" in result.output
    assert "【单位名称未填】" in result.output
    notice = docx_text(folder / "督办通知-区城投集团.docx")
    assert notice.startswith("关于加快推进巡察整改工作的督办通知") and "区城投集团：" in notice


def test_summary_report_since_last_month(month: dict[str, Path]) -> None:
    out = month["root"] / "汇总报告-8月-对比.docx"
    result = run("report", month["8月"], "--kind", "summary", "--since", month["7月"], "-o", out)
    assert result.exit_code == 0, result.output
    said = json.loads(run("diff", month["7月"], month["8月"], "--format", "json").stdout)[
        "sentence"
    ]
    assert said.startswith("与上期（2025年7月15日）相比，新报送单位1个（区体育局）")
    assert said in docx_text(out)
    unit = month["root"] / "8月" / "乡镇部门" / "区科技局.xlsx"
    refused = run(
        "report", month["8月"], "--kind", "summary", "--since", unit, "-o", out, "--overwrite"
    )
    assert refused.exit_code != 0 and "不是 ledger-tools merge 生成的汇总台账" in refused.output


def test_a_unit_that_does_not_count_long_term_keeps_its_own_figures(tmp_path: Path) -> None:
    """Units differ on 长期坚持计入办结: the 汇总台账's 基本信息 names the units saying 否, so
    that stats --by 单位, the 汇总报告 and the check of the 汇总 sheet count them as they do."""
    build_units(tmp_path / "各单位")
    water = tmp_path / "各单位" / "下属单位" / "水务局.xlsx"
    wb = openpyxl.load_workbook(water)
    for row in wb["基本信息"].iter_rows(min_row=2):
        if row[0].value == "长期坚持计入办结":
            row[1].value = "否"
    wb.save(water)
    book = tmp_path / "汇总台账.xlsx"
    assert run("merge", tmp_path / "各单位", "-o", book, "--today", "2024-05-10").exit_code == 0
    own = stats_json(water, "2024-05-10")
    assert own["长期坚持计入办结"] == "否"
    group = {g["单位"]: g for g in stats_json(book, "2024-05-10", "--by", "单位")["按单位"]}
    assert (group["某区水务局"]["办结数"], group["某区水务局"]["办结率"]) == (
        own["办结数"],
        own["办结率"],
    )
    check = json.loads(run("check", book, "--format", "json", "--today", "2024-05-10").stdout)
    assert not [f for f in check["findings"] if f["rule"].startswith("summary-")]
    out = tmp_path / "汇总报告.docx"
    assert run("report", book, "--kind", "summary", "-o", out).exit_code == 0
    assert (
        f"某区水务局：问题13项、措施44条，已办结{own['办结数']}项，办结率{own['办结率']}"
        in docx_text(out)
    )


def test_sorting_all_measures_changes_no_figure(month: dict[str, Path]) -> None:
    """The receiver sorts 全部措施 by status (or deadline): every unit's problems stay its
    own (a unit that numbers its measures 1, 2, 3 under one problem is written with the
    problem's number), so no figure moves and the 汇总 sheet still agrees."""
    wb = openpyxl.load_workbook(month["7月"])
    ws = wb["全部措施"]
    header = [c.value for c in ws[1]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    at = header.index("整改状态")
    rows.sort(key=lambda r: str(r[at] or ""))
    for i, values in enumerate(rows, start=2):
        for j, value in enumerate(values, start=1):
            ws.cell(i, j).value = value
    sorted_book = month["root"] / "按状态排序.xlsx"
    wb.save(sorted_book)
    before = stats_json(month["7月"], JULY, "--by", "单位")["按单位"]
    after = stats_json(sorted_book, JULY, "--by", "单位")["按单位"]
    key = ("问题数", "措施数", "办结数", "红色", "黄色")
    assert {g["单位"]: [g[k] for k in key] for g in after} == {
        g["单位"]: [g[k] for k in key] for g in before
    }
    found = json.loads(run("check", sorted_book, "--format", "json", "--today", JULY).stdout)
    assert not [f for f in found["findings"] if f["rule"].startswith("summary-")]


def test_the_web_page_checks_the_summary_sheet_too(edited: Path) -> None:
    import datetime as dt

    from ledger_tools.web.service import Upload, analyse

    result = analyse(Upload("x", edited.name, edited), today=dt.date(2025, 7, 15))
    rules = [f["rule"] for f in result["findings"]]
    assert "summary-mismatch" in rules and "summary-unit" in rules


def test_units_with_the_same_problems_are_not_taken_for_a_rename(tmp_path: Path) -> None:
    """One unit stops sending, another sends the same problem list (a 专项整治 checklist):
    two changes, not one unit renamed."""
    build_units(tmp_path / "上期")
    shutil.copytree(tmp_path / "上期", tmp_path / "本期")
    (tmp_path / "本期" / "下属单位" / "城管局.xls").unlink()
    example = Path(__file__).resolve().parents[1] / "examples" / "示例台账.xlsx"
    wb = openpyxl.load_workbook(example)
    for row in wb["基本信息"].iter_rows(min_row=2):
        if row[0].value == "单位名称":
            row[1].value = "某区审计局"
    wb.save(tmp_path / "本期" / "下属单位" / "审计局.xlsx")
    books = []
    for label in ("上期", "本期"):
        book = tmp_path / f"汇总台账-{label}.xlsx"
        assert run("merge", tmp_path / label, "-o", book, "--today", "2024-05-10").exit_code == 0
        books.append(book)
    changes = json.loads(run("diff", *books, "--format", "json").stdout)["changes"]
    kinds = {(c["kind"], c["unit"]) for c in changes if c["kind"].startswith("unit-")}
    assert kinds == {("unit-removed", "某区城市管理局"), ("unit-added", "某区审计局")}


def test_duban_and_diff_read_a_deadline_without_a_year_at_their_today(
    month: dict[str, Path],
) -> None:
    """区城投集团 wrote 6月底前 (no year): at --today 2025-08-15 it is overdue, as its own
    stats says — duban and diff took the year from the day they happened to run."""
    unit = month["root"] / "8月" / "乡镇部门" / "区城投集团.xlsx"
    own = stats_json(unit, AUGUST)["预警"]["红色"]
    assert own == 1
    result = run("duban", unit, "--today", AUGUST, "-o", month["root"] / "督办-城投")
    assert re.search(r"红色 1 条", result.output), result.output
    before = month["root"] / "7月" / "乡镇部门" / "区城投集团.xlsx"
    data = json.loads(run("diff", before, unit, "--today", AUGUST, "--format", "json").stdout)
    assert data["new"]["totals"]["预警"]["红色"] == own
