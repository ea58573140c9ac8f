"""ledger-tools duban: 督办通知 for the departments (leaders, units) with late measures."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import test_doc_format as fmt
from click.testing import CliRunner
from conftest import load_script
from docx import Document
from test_diff import read_rows, write_version

from ledger_tools.cli import cli
from ledger_tools.documents.render import check_template
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.stats import compute_stats
from ledger_tools.upward.duban import (
    TEMPLATE,
    file_name,
    groups,
    load_for_duban,
    reply_date,
    write_duban,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
TODAY = dt.date(2024, 5, 10)  # a Friday
TAGS = re.compile(r"\{\{|\}\}|\{%|%\}")


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(path).paragraphs]


def table_rows(path: Path) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in Document(path).tables[0].rows]


@pytest.fixture(scope="module")
def example_run(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("duban") / "督办通知"
    ledger = load_ledger(EXAMPLE)
    return ledger, write_duban(ledger, folder, as_of=TODAY)


# ---------------------------------------------------------------------------------------------
# One notice per department with late items, none for the others


def test_one_notice_per_department_with_red_or_yellow(example_run: Any) -> None:
    ledger, result = example_run
    by_dept = compute_stats(ledger, TODAY)["按责任部门"]
    late = {r["责任部门"] for r in by_dept if r["红色"] + r["黄色"]}
    assert late == {"财务科", "房产管理科"}
    assert sorted(p.name for p in result.files) == sorted(file_name(n) for n in late)
    assert sorted(p.name for p in result.folder.iterdir()) == sorted(
        [*(file_name(n) for n in late), "督办汇总.xlsx"]
    )
    # the same counts as stats (the one computation)
    for g in result.groups:
        row = next(r for r in by_dept if r["责任部门"] == g.name)
        assert (g.colours["红色"], g.colours["黄色"], g.measures) == (
            row["红色"],
            row["黄色"],
            row["措施数"],
        )


def test_notice_content(example_run: Any) -> None:
    _, result = example_run
    path = result.folder / file_name("财务科")
    paras = paragraphs(path)
    assert paras[0] == "关于加快推进巡察整改工作的督办通知"
    assert "财务科：" in paras
    body = "\n".join(paras)
    assert "截至2024年5月10日，你部门负责的整改措施中，有1条已超过整改时限仍未办结。" in body
    office = "某区住房和城乡建设局巡察整改工作领导小组办公室"
    assert "请于2024年5月17日前将整改进展情况及佐证材料书面报送领导小组办公室。" in body
    # (centred over the date in two lines, round 8 of the 公文 review)
    assert paras[-3:] == ["某区住房和城乡建设局", "巡察整改工作领导小组办公室", "2024年5月10日"]
    assert "".join(paras[-3:-1]) == office
    rows = table_rows(path)
    assert rows[0] == ["序号", "问题", "整改措施", "责任人", "整改时限", "整改状态", "时限情况"]
    assert rows[1][0] == "1" and rows[1][2].startswith("开展固定资产清查盘点")
    # the date on two lines, broken after 年 (cell_lines, docs/公文格式.md §7)
    assert rows[1][4:] == ["2024年\n4月底前", "正在推进", "超期10天"] and len(rows) == 2
    yellow = table_rows(result.folder / file_name("房产管理科"))
    assert yellow[1][4:] == ["2024年\n5月17日前", "正在推进", "还剩7天"]  # context.deadline_text
    assert "有1条将在10日内到期" in "".join(paragraphs(result.folder / file_name("房产管理科")))
    with zipfile.ZipFile(path) as z:
        assert not TAGS.search(z.read("word/document.xml").decode("utf-8"))


def test_summary_workbook_lists_every_department(example_run: Any) -> None:
    _, result = example_run
    wb = openpyxl.load_workbook(result.summary)
    ws = wb["督办汇总"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and r[0] != "合计"]
    assert [r[1] for r in rows] == [g.name for g in result.groups] and len(rows) == 8
    flagged = {r[1]: (r[4], r[5], r[7], r[8]) for r in rows}
    assert flagged["财务科"] == (1, 0, "是", file_name("财务科"))
    assert flagged["机关党委"][2:] == ("否", None)
    items = list(wb["督办事项"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[8], r[9]) for r in items] == [
        ("财务科", "红色", "整改台账!K20"),
        ("房产管理科", "黄色", "整改台账!K39"),
    ]


def test_reply_date_skips_weekends() -> None:
    assert reply_date(TODAY, 5) == dt.date(2024, 5, 17)
    assert reply_date(dt.date(2024, 5, 9), 2) == dt.date(2024, 5, 13)  # Thu → Mon


def test_nothing_late_means_no_notice(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["duban", str(EXAMPLE), "--today", "2024-03-01", "-o", str(tmp_path / "督办")]
    )
    assert result.exit_code == 0, result.output
    assert "没有超期或临期的措施，未生成督办通知" in result.output
    assert [p.name for p in (tmp_path / "督办").iterdir()] == ["督办汇总.xlsx"]


def test_by_leader_and_refusing_to_overwrite(tmp_path: Path) -> None:
    args = ["duban", str(EXAMPLE), "--today", "2024-05-10", "--by", "责任领导"]
    args += ["-o", str(tmp_path / "督办"), "--reply-days", "3"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    notices = sorted((tmp_path / "督办").glob("*.docx"))
    assert len(notices) == 2
    texts = ["\n".join(paragraphs(p)) for p in notices]
    assert any("王建国同志：" in t for t in texts) and all("您分管的整改措施中" in t for t in texts)
    assert all("请于2024年5月15日前" in t for t in texts)
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 2 and "已有" in again.output and "--force" in again.output
    assert CliRunner().invoke(cli, [*args, "--force"]).exit_code == 0


# ---------------------------------------------------------------------------------------------
# 汇总台账: the 全部措施 sheet with a 单位 column, 督办 per unit


def write_summary_ledger(path: Path) -> Path:
    """A 汇总台账: a 汇总 sheet first, then 全部措施 (单位 + the example's rows, twice: the
    second unit has everything done)."""
    header, rows = read_rows(EXAMPLE)
    data = [[r[h] for h in header] for r in rows]
    status = header.index("整改状态")
    wb = openpyxl.Workbook()
    wb.active.title = "汇总"
    wb.active.append(["单位", "问题数", "措施数"])
    ws = wb.create_sheet("全部措施")
    ws.append(["单位", *header])
    for r in data:
        ws.append(["某区住房和城乡建设局", *r])
    for r in data:
        done = list(r)
        if done[status] not in ("已完成", "长期坚持"):
            done[status] = "已完成"
            done[header.index("完成时间")] = dt.datetime(2024, 5, 8)
        ws.append(["某区水务局", *done])
    wb.save(path)
    return path


def test_summary_ledger_by_unit(tmp_path: Path) -> None:
    book = write_summary_ledger(tmp_path / "汇总台账.xlsx")
    ledger, units = load_for_duban(book)
    assert ledger.origin.sheet == "全部措施"
    assert set(units.values()) == {"某区住房和城乡建设局", "某区水务局"}
    found = groups(ledger, TODAY, "单位", units)
    assert [(g.name, len(g.items)) for g in found] == [
        ("某区住房和城乡建设局", 2),
        ("某区水务局", 0),
    ]
    result = CliRunner().invoke(
        cli,
        ["duban", str(book), "--by", "单位", "--today", "2024-05-10", "-o", str(tmp_path / "o")],
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "o").glob("*.docx")] == [file_name("某区住房和城乡建设局")]
    text = "\n".join(paragraphs(tmp_path / "o" / file_name("某区住房和城乡建设局")))
    assert "某区住房和城乡建设局：" in text and "你单位负责的整改措施中，有1条已超过" in text


def test_by_unit_without_the_column_is_explained(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["duban", str(EXAMPLE), "--by", "单位", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "没有“单位”列" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------------------------------------
# The template: GB/T 9704 like the other documents, reproducible, passes templates check


@pytest.mark.parametrize(
    "check",
    [
        fmt.test_page_size_margins_and_grid,
        fmt.test_styles_fonts_sizes_and_line_spacing,
        fmt.test_every_run_names_its_east_asian_font,
        fmt.test_odd_and_even_footers_with_page_field,
        fmt.test_every_jinja_tag_is_whole_within_one_run,
        fmt.test_font_table_names_substitutes_for_missing_fonts,
    ],
    ids=lambda f: f.__name__,
)
def test_template_format(check: Any) -> None:
    check(TEMPLATE)


def test_template_title_headings_and_signature_use_their_styles() -> None:
    paras = Document(ROOT / "doc_templates" / TEMPLATE).paragraphs
    # the title is one paragraph per line of 标题行 (as in the unit's documents)
    assert [(p.style.name, p.text) for p in paras[:3]] == [
        ("公文标题", "{%p for 行 in 标题行 %}"),
        ("公文标题", "{{ 行 }}"),
        ("公文标题", "{%p endfor %}"),
    ]
    assert paras[4].text == "{{ 主送 }}："
    assert [p.text for p in paras if p.style.name == "一级标题"] == [
        "一、需督办的整改事项",
        "二、工作要求",
    ]
    # the 落款: centred over the date, in lines when long; one that cannot be cut evenly is
    # right-aligned with the date, in lines cut after a suffix
    # (two blank lines above a 署名 of one line, one above a longer one: round 12)
    lines = "(发文机关|centred_signature_lines or 发文机关|signature_lines)|length"
    assert [(p.style.name, p.text) for p in paras if "发文机关" in p.text] == [
        ("公文正文", f"{{%p if {lines} < 2 %}}"),
        ("公文正文", "{%p if 发文机关|centred_signature_lines %}"),
        ("公文正文", "{%p for 行 in 发文机关|centred_signature_lines %}"),
        ("公文正文", "{%p for 行 in 发文机关|signature_lines %}"),
    ]
    assert [p.text for p in paras if p.style.name == "落款"] == ["{{ 行 }}"]
    assert (paras[-1].style.name, paras[-1].text) == ("成文日期", "{{ 成文日期 }}")


def test_template_renders_as_docxtpl_does(example_run: Any, tmp_path: Path) -> None:
    """The fast renderer writes the notice docxtpl would (its 标题行 loop, table row loop and
    落款 branches included)."""
    from test_docxrender import assert_same_document, docxtpl_render

    from ledger_tools.documents.render import render_docx
    from ledger_tools.upward.duban import duban_context

    ledger, result = example_run
    group = next(g for g in result.groups if g.file)
    ctx = duban_context(ledger, group, "责任部门", TODAY, 5)
    template = ROOT / "doc_templates" / TEMPLATE
    ours = render_docx(template, ctx, tmp_path / "ours.docx", builtin=True).read_bytes()
    assert_same_document(ours, docxtpl_render(template, ctx))


def test_template_is_reproducible_and_checks_clean(tmp_path: Path) -> None:
    load_script("build_doc_templates").build_all(tmp_path)
    assert (tmp_path / TEMPLATE).read_bytes() == (ROOT / "doc_templates" / TEMPLATE).read_bytes()
    assert [str(i) for i in check_template(ROOT / "doc_templates" / TEMPLATE)] == []


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdftoppm")),
    reason="needs LibreOffice and poppler",
)
def test_pdf_text_and_page_image(example_run: Any, tmp_path: Path) -> None:
    from ledger_tools.documents.render import convert_to_pdf

    _, result = example_run
    pdf = convert_to_pdf(result.folder / file_name("财务科"), tmp_path / "督办.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    squeezed = re.sub(r"\s+", "", text)
    assert "关于加快推进巡察整改工作的督办通知" in squeezed
    assert "财务科：" in squeezed and "超期10天" in squeezed and "—1—" in squeezed
    assert "某区住房和城乡建设局巡察整改工作领导小组办公室2024年5月10日" in squeezed
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    assert png.stat().st_size > 5000  # a page with text, not blank


def test_late_measure_without_department_is_reported_not_sent(tmp_path: Path) -> None:
    _, rows = read_rows(EXAMPLE)
    for r in rows:
        if str(r["整改措施"]).startswith("开展固定资产清查盘点"):
            r["责任部门"] = r["牵头部门"] = None
    write_version(tmp_path / "台账.xlsx", rows)
    out = tmp_path / "督办"
    result = CliRunner().invoke(
        cli, ["duban", str(tmp_path / "台账.xlsx"), "--today", "2024-05-10", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "有 1 条超期或临期措施没有填写责任部门，无法督办" in result.output
    assert [p.name for p in out.glob("*.docx")] == [file_name("房产管理科")]
    summary = {r[1]: r[7] for r in openpyxl.load_workbook(out / "督办汇总.xlsx")["督办汇总"].iter_rows(min_row=4, values_only=True) if r[0]}  # fmt: skip
    assert summary["（未填）"] == "否（未填写，无法督办）"


def test_measures_split_from_one_cell_are_one_item(tmp_path: Path) -> None:
    """Three measures numbered in one cell share its deadline and status: one warning in
    ``stats`` (per Excel row), one item in the notice, with the three measures' text."""
    _, rows = read_rows(EXAMPLE)
    for r in rows:
        if str(r["整改措施"]).startswith("（1）对照审计报告"):
            r.update({"整改状态": "正在推进", "完成时间": None})
    ledger = load_ledger(write_version(tmp_path / "台账.xlsx", rows))
    day = dt.date(2024, 7, 10)
    by_dept = {r["责任部门"]: r for r in compute_stats(ledger, day)["按责任部门"]}
    result = write_duban(ledger, tmp_path / "督办", as_of=day)
    finance = next(g for g in result.groups if g.name == "财务科")
    assert finance.colours["红色"] == by_dept["财务科"]["红色"] == len(finance.items)
    table = table_rows(result.folder / file_name("财务科"))
    split = [r for r in table if "对照审计报告" in r[2]]
    assert (
        len(split) == 1
        and split[0][2].startswith("（1）对照审计报告")
        and "（3）健全" in split[0][2]
    )
    text = "\n".join(paragraphs(result.folder / file_name("财务科")))
    assert f"有{by_dept['财务科']['红色']}条已超过整改时限仍未办结" in text


def test_by_unit_on_a_ledger_kept_in_several_sheets(tmp_path: Path) -> None:
    """Each sheet's rows are its own: row 2 of 一组 and row 2 of 二组 belong to different units
    (the 单位 column was once read by Excel row alone, and the second sheet's unit took both)."""
    header = [
        "单位",
        "序号",
        "方面",
        "问题",
        "整改措施",
        "责任领导",
        "责任部门",
        "整改时限",
        "整改状态",
    ]
    wb = openpyxl.Workbook()
    wb.active.title = "一组"
    for k, (sheet, unit) in enumerate((("一组", "某区档案馆"), ("二组", "某区方志办"))):
        ws = wb.active if k == 0 else wb.create_sheet(sheet)
        ws.append(header)
        ws.append(
            [
                unit,
                1,
                "作风建设方面",
                f"{unit}档案整理滞后",
                "完成积存档案整理",
                "副馆长甲",
                "业务科",
                "2024年3月31日",
                "正在推进",
            ]
        )
        ws.append(
            [
                unit,
                2,
                "作风建设方面",
                f"{unit}制度不健全",
                "修订内部管理制度",
                "副馆长乙",
                "办公室",
                "2024年12月31日",
                "正在推进",
            ]
        )
    book = tmp_path / "两组台账.xlsx"
    wb.save(book)
    ledger, units = load_for_duban(book)
    assert [m.sheet for m in ledger.measures] == [None, None, "二组", "二组"]
    assert units == {
        (None, 2): "某区档案馆",
        (None, 3): "某区档案馆",
        ("二组", 2): "某区方志办",
        ("二组", 3): "某区方志办",
    }
    found = groups(ledger, TODAY, "单位", units)
    assert [(g.name, g.measures, [i.cell for i in g.items]) for g in found] == [
        ("某区档案馆", 2, ["一组!H2"]),
        ("某区方志办", 2, ["二组!H2"]),
    ]


# ---------------------------------------------------------------------------------------------
# As a 办公室主任 reads them before sealing: who to reply to, and a 汇总 that prints


def test_notice_names_a_contact_or_marks_it_missing(tmp_path: Path) -> None:
    """The reply (（三）按时报送进展) needs a 联系人 and 联系电话: the ledger has no 联系人, so
    without --contact the notice marks it 【联系人未填】 (never invents one), and a ledger
    without 联系电话 gets 【联系电话未填】 instead of losing the line."""
    out = tmp_path / "督办"
    result = CliRunner().invoke(
        cli, ["duban", str(EXAMPLE), "--today", "2024-05-10", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "提示：通知中的联系人以【联系人未填】标出" in result.output
    assert "红色 1 条 →" in result.output and "0 条" not in result.output
    text = paragraphs(out / file_name("财务科"))
    assert "联系人：【联系人未填】，联系电话：0000-12345678" in text

    result = CliRunner().invoke(
        cli,
        ["duban", str(EXAMPLE), "--today", "2024-05-10", "-o", str(out), "--force",
         "--contact", "李明"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "联系人" not in result.output
    assert "联系人：李明，联系电话：0000-12345678" in paragraphs(out / file_name("财务科"))

    bare = tmp_path / "无电话.xlsx"
    wb = openpyxl.load_workbook(EXAMPLE)
    for row in wb["基本信息"].iter_rows():
        if row[0].value == "联系电话":
            row[1].value = None
    wb.save(bare)
    result = CliRunner().invoke(
        cli, ["duban", str(bare), "--today", "2024-05-10", "-o", str(tmp_path / "b"),
              "--contact", "李明"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "联系电话以【联系电话未填】标出" in result.output
    text = paragraphs(tmp_path / "b" / file_name("财务科"))
    assert "联系人：李明，联系电话：【联系电话未填】" in text


def test_summary_total_agrees_with_stats_and_prints_ruled(tmp_path: Path) -> None:
    """The 合计 row counts each Excel row once, as stats does (a measure of two departments
    is in both departments' rows, so the column sums are more); the sheets print landscape,
    one page wide, ruled, with the header row repeated and the pages numbered."""
    day = dt.date(2026, 12, 4)
    ledger = load_ledger(EXAMPLE, today=day)
    result = write_duban(ledger, tmp_path / "督办", as_of=day)
    stats = compute_stats(ledger, day)
    wb = openpyxl.load_workbook(result.summary)
    ws = wb["督办汇总"]
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]]
    total = rows[-1]
    assert total[0] == "合计" and "只计一次" in total[1]
    assert sum(r[4] for r in rows[:-1]) > total[4]  # shared measures are why
    assert (total[2], total[4], total[5], total[6]) == (
        stats["措施数"],
        stats["预警"]["红色"],
        stats["预警"]["黄色"],
        stats["预警"]["绿色"],
    )
    assert total[7] == len(result.files)
    for sheet, header in ((ws, 3), (wb["督办事项"], 1)):
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"${header}:${header}"
        assert "&P" in sheet.oddFooter.center.text
        for row in sheet.iter_rows(min_row=header):
            assert all(c.border.left.style == "thin" for c in row)
            n = row[0].row
            longest = max(len(str(c.value or "")) for c in row)
            if longest > 30:  # wrapped text: the row is as high as its lines
                assert sheet.row_dimensions[n].height > 20
    assert "A1:I1" in {str(r) for r in ws.merged_cells.ranges}
