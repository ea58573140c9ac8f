"""As a 办公室主任 reads them before sealing (round 7): the sheets `diff --mark` and `duban`
write print as ruled, numbered, one-page-wide tables, and their figures agree with `stats`."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from ledger_tools.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
PREVIOUS = ROOT / "examples" / "示例台账-上期.xlsx"


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("diff") / "对比.xlsx"
    result = CliRunner().invoke(
        cli, ["diff", str(PREVIOUS), str(EXAMPLE), "--mark", str(out), "--today", "2024-05-10"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_changes_sheet_prints_as_a_ruled_table(marked: Path) -> None:
    """与上期对比 used to print its ten columns over three pages, one line per row with the
    long 上期/本期 progress texts cut off, and no rules: now landscape, one page wide, the
    sentence across the table, rows as high as their text, header repeated, pages numbered."""
    ws = openpyxl.load_workbook(marked)["与上期对比"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    assert "A1:J1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A1"].value.startswith("与上期（2024年4月10日）相比")
    rows = list(ws.iter_rows(min_row=3))
    assert len(rows) == 15  # header and the 14 changes
    for row in rows:
        assert all(c.border.top.style == "thin" and c.alignment.wrap_text for c in row)
    longest = max(rows[1:], key=lambda r: len(str(r[8].value or "")))
    assert len(longest[8].value) > 60
    assert ws.row_dimensions[longest[0].row].height >= 4 * 14.5  # several lines, not one


@pytest.mark.skipif(not shutil.which("soffice"), reason="需要 LibreOffice")
def test_changes_sheet_is_one_page_wide_in_the_pdf(marked: Path, tmp_path: Path) -> None:
    """In LibreOffice's PDF the 与上期对比 sheet (14 changes) is one landscape page, its
    last column (匹配度) on the same page as its first."""
    only = tmp_path / "对比.xlsx"
    wb = openpyxl.load_workbook(marked)
    for name in wb.sheetnames[1:]:
        del wb[name]
    wb.save(only)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(only)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "对比.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    header = next(line for line in text.splitlines() if "序号" in line)
    assert "匹配度" in header and "本期位置" in header


def test_merged_summary_sheet_prints_on_a3_with_its_notes_whole(tmp_path: Path) -> None:
    """汇总台账's 汇总 sheet has 18 columns: on A4 it printed at about 5.5 points, and its 说明
    (a duplicate 单位名称, a unit with no measures) was cut off at one line. Now A3 landscape
    like 全部措施, and a row with a long 说明 is as high as its lines."""
    from merge_units import build_units

    build_units(tmp_path / "各单位")
    out = tmp_path / "汇总台账.xlsx"
    result = CliRunner().invoke(
        cli, ["merge", str(tmp_path / "各单位"), "-o", str(out), "--today", "2024-05-10"]
    )
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["汇总"]
    assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (8, "landscape")
    header = [c.value for c in ws[1]]
    note = header.index("说明")
    long_notes = [
        row[0].row for row in ws.iter_rows(min_row=2) if len(str(row[note].value or "")) > 40
    ]
    assert long_notes  # the duplicate 单位名称 is explained
    for r in long_notes:
        assert ws.row_dimensions[r].height >= 2 * 14.5
