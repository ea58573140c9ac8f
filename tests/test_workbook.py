"""The standard workbook (README “台账的列”): `new_workbook`, the committed template, `ledger-tools new`."""

from __future__ import annotations

import datetime as dt
import functools
import io
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import load_script

from ledger_tools.cli import cli
from ledger_tools.errors import OutputError
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.workbook import (
    DATE_FORMAT,
    FIRST_DATA_ROW,
    HEADER_ROW,
    LAST_FORMATTED_ROW,
    build_workbook,
    column_letter,
    info_row,
    new_workbook,
    set_text,
    write_ledger_row,
)

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "workbook_templates" / "整改台账.xlsx"
UNIT = "某区档案馆"


@pytest.fixture(scope="module")
def book_path(tmp_path_factory) -> Path:
    return new_workbook(tmp_path_factory.mktemp("wb") / "台账.xlsx", UNIT)


@pytest.fixture(scope="module")
def wb(book_path):
    return openpyxl.load_workbook(book_path)


def validations(ws):
    """sqref text → DataValidation."""
    return {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}


def validation_for(ws, coord):
    hits = [dv for dv in ws.data_validations.dataValidation if coord in dv.sqref]
    assert len(hits) == 1, f"{ws.title}!{coord}: {len(hits)} validations"
    return hits[0]


def list_values(wb, formula):
    """The values of a drop-down's source range such as '字典'!$B$2:$B$6."""
    sheet, _, rng = formula.partition("!")
    ws = wb[sheet.strip("'")]
    return tuple(c.value for row in ws[rng.replace("$", "")] for c in row if c.value is not None)


# ---------------------------------------------------------------------------------------------
# Sheets and the 整改台账 table.


def test_sheets_in_order_and_opens_on_the_ledger(wb):
    assert wb.sheetnames == list(C.SHEETS)
    assert wb.active.title == C.SHEET_LEDGER
    assert [ws.sheet_view.tabSelected for ws in wb.worksheets] == [
        name == C.SHEET_LEDGER for name in C.SHEETS
    ]
    assert all(ws.sheet_state == "visible" for ws in wb.worksheets)


def test_ledger_header_is_the_column_definition(wb):
    ws = wb[C.SHEET_LEDGER]
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == [C.header_label(c.name) for c in C.COLUMNS]
    assert ws.freeze_panes == "A2"
    for j, col in enumerate(C.COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, j)
        assert cell.font.b and cell.fill.fill_type == "solid" and cell.border.left.style
        assert ws.column_dimensions[cell.column_letter].width >= col.width
        assert cell.comment is not None and col.help in cell.comment.text
        assert ("【必填】" in cell.comment.text) == col.required


def test_ledger_has_no_data_rows(wb):
    ws = wb[C.SHEET_LEDGER]
    values = [c.value for row in ws.iter_rows(min_row=FIRST_DATA_ROW) for c in row]
    assert values and all(v is None for v in values)


def test_data_cells_are_formatted_for_a_thousand_rows(wb):
    ws = wb[C.SHEET_LEDGER]
    assert LAST_FORMATTED_ROW - FIRST_DATA_ROW + 1 >= 1000
    for name in ("整改时限", "完成时间"):
        for row in (FIRST_DATA_ROW, LAST_FORMATTED_ROW):
            assert ws[f"{column_letter(name)}{row}"].number_format == DATE_FORMAT
    cell = ws[f"{column_letter('整改措施')}{FIRST_DATA_ROW}"]
    assert cell.alignment.wrap_text and cell.font.name in ("宋体", "仿宋") and cell.font.sz == 11
    assert ws[f"{column_letter('清退资金')}2"].number_format == "#,##0.00"


def test_status_drop_down_lists_the_statuses(wb):
    ws = wb[C.SHEET_LEDGER]
    letter = column_letter("整改状态")
    dv = validation_for(ws, f"{letter}{FIRST_DATA_ROW}")
    assert f"{letter}{LAST_FORMATTED_ROW}" in dv.sqref
    assert dv.type == "list" and dv.showErrorMessage
    assert dv.formula1.startswith("'字典'!")
    assert list_values(wb, dv.formula1) == C.STATUSES


def test_aspect_drop_down_allows_free_text(wb):
    ws = wb[C.SHEET_LEDGER]
    dv = validation_for(ws, f"{column_letter('方面')}{FIRST_DATA_ROW}")
    assert dv.type == "list" and dv.formula1.startswith("'字典'!$A$2:$A$")
    assert not dv.showErrorMessage or dv.errorStyle in ("warning", "information")
    assert list_values(wb, dv.formula1) == tuple(
        c.value for c in wb[C.SHEET_LISTS]["A"][1:] if c.value
    )


def test_numeric_columns_validate_numbers(wb):
    ws = wb[C.SHEET_LEDGER]
    for name in C.NUMERIC_COLUMNS:
        dv = validation_for(ws, f"{column_letter(name)}{FIRST_DATA_ROW}")
        kind = C.COLUMN_BY_NAME[name].kind
        assert dv.type == ("decimal" if kind == "money" else "whole")
        assert dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
    # no validation on free-text columns
    assert not [
        dv
        for dv in ws.data_validations.dataValidation
        if f"{column_letter('整改措施')}{FIRST_DATA_ROW}" in dv.sqref
    ]


def test_overdue_rows_are_coloured_by_formula(wb):
    ws = wb[C.SHEET_LEDGER]
    rules = [(str(cf.sqref), r) for cf in ws.conditional_formatting for r in cf.rules]
    assert len(rules) == 3
    due, status = column_letter("整改时限"), column_letter("整改状态")
    colours = []
    for sqref, rule in rules:
        assert sqref == f"A{FIRST_DATA_ROW}:{column_letter('备注')}{LAST_FORMATTED_ROW}"
        formula = rule.formula[0]
        assert "TODAY()" in formula and f"ISNUMBER(${due}2)" in formula
        assert all(f'${status}2<>"{s}"' in formula for s in C.FINISHED_STATUSES)
        colours.append(rule.dxf.fill.fgColor.rgb[-6:])
    assert colours == ["FFC7CE", "FFEB9C", "C6EFCE"]  # red, then yellow, then green
    assert "<TODAY()" in rules[0][1].formula[0]
    assert f"<={C.WARN_YELLOW_DAYS}" in rules[1][1].formula[0]


def test_print_setup(wb):
    ws = wb[C.SHEET_LEDGER]
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A3  # 8 = A3
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows.replace("$", "") == "1:1"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    assert ws.auto_filter.ref.startswith("A1:")


# ---------------------------------------------------------------------------------------------
# 基本信息, 文稿段落, 字典, 填表说明.


def test_info_sheet_lists_every_field(wb):
    ws = wb[C.SHEET_INFO]
    assert [c.value for c in ws[1]][:2] == ["项目", "内容"]
    names = [ws.cell(info_row(f.name), 1).value for f in C.INFO_FIELDS]
    assert names == [f.name for f in C.INFO_FIELDS]
    assert ws.cell(info_row("单位名称"), 2).value == UNIT
    assert ws.cell(info_row("长期坚持计入办结"), 2).value == "是"
    filled = {f.name for f in C.INFO_FIELDS if ws.cell(info_row(f.name), 2).value is not None}
    assert filled == {"单位名称", "长期坚持计入办结"}
    for f in C.INFO_FIELDS:
        if f.kind == "date":
            assert ws.cell(info_row(f.name), 2).number_format == DATE_FORMAT
        assert f.help in ws.cell(info_row(f.name), 3).value
    for name, values in (("监督类型", C.SUPERVISION_TYPES), ("长期坚持计入办结", C.YES_NO)):
        dv = validation_for(ws, f"B{info_row(name)}")
        assert dv.type == "list" and list_values(wb, dv.formula1) == values


def test_text_sheet_has_marked_examples_for_every_section(wb):
    ws = wb[C.SHEET_TEXT]
    assert tuple(c.value for c in ws[1]) == C.TEXT_COLUMNS
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=2) if row[3].value]
    assert rows
    assert all(r[3].startswith(C.EXAMPLE_MARK) for r in rows)
    covered = {(r[0], r[1]) for r in rows}
    for doc, sections in C.TEXT_SECTIONS.items():
        for section in sections:
            assert (doc, section) in covered
    assert list_values(wb, validation_for(ws, "A2").formula1) == C.TEXT_DOCS
    assert list_values(wb, validation_for(ws, "B2").formula1) == C.ALL_TEXT_SECTIONS


def test_lists_sheet_is_last_and_visible(wb):
    ws = wb[C.SHEET_LISTS]
    assert wb.sheetnames[-1] == C.SHEET_LISTS and ws.sheet_state == "visible"
    header = [c.value for c in ws[1]][:4]
    assert header == ["方面", "整改状态", "监督类型", "是否"]
    assert ws["A2"].value  # example aspects the user edits


def test_guide_explains_every_column_and_status(wb):
    text = "\n".join(str(c.value) for row in wb[C.SHEET_GUIDE].iter_rows() for c in row if c.value)
    for col in C.COLUMNS:
        assert C.header_label(col.name) in text and col.help in text
    for status, synonyms in C.STATUS_SYNONYMS.items():
        assert status in text and all(s in text for s in synonyms)
    for word in ("必填", "立行立改", "长期坚持", "合并", "红色", "黄色", "绿色", "2024年6月30日"):
        assert word in text


def test_without_unit_the_unit_is_empty(tmp_path):
    wb = openpyxl.load_workbook(new_workbook(tmp_path / "x.xlsx"))
    assert wb[C.SHEET_INFO].cell(info_row("单位名称"), 2).value is None


def test_only_xlsx_is_written(tmp_path):
    with pytest.raises(OutputError, match=r"\.xlsx"):
        new_workbook(tmp_path / "x.xls")
    assert not (tmp_path / "x.xls").exists()


# ---------------------------------------------------------------------------------------------
# Text that looks like a formula.


def test_set_text_keeps_formula_looking_text_as_text(tmp_path):
    wb = build_workbook()
    ws = wb[C.SHEET_LEDGER]
    texts = ["=SUM(A1:A3)", "+86 123", "-5 人", "@某人", "普通文字"]
    for j, text in enumerate(texts, start=1):
        set_text(ws.cell(2, j), text)
    ws.cell(3, 1).value = 5
    set_text(ws.cell(3, 2), 7)  # non-text values are written unchanged
    path = tmp_path / "t.xlsx"
    wb.save(path)
    again = openpyxl.load_workbook(path)[C.SHEET_LEDGER]
    assert [again.cell(2, j).value for j in range(1, 6)] == texts
    assert all(again.cell(2, j).data_type == "s" for j in range(1, 6))
    assert again.cell(3, 2).value == 7
    with zipfile.ZipFile(path) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet3.xml").decode()


# ---------------------------------------------------------------------------------------------
# The reader reads what the example builder writes on top of the standard workbook.


def test_filled_workbook_reads_back(tmp_path):
    from ledger_tools.ledger.normalise import load_ledger

    wb = build_workbook(UNIT)
    ws = wb[C.SHEET_LEDGER]
    common = {
        "方面": "落实全面从严治党方面",
        "问题": "制度执行不严",
        "责任领导": "王某",
        "责任部门": "办公室",
        "责任人": "李某",
        "整改状态": "已完成",
        "完成时间": dt.date(2024, 4, 20),
        "整改进展及成效": "已修订制度。",
        "佐证材料": "制度文本",
    }
    write_ledger_row(ws, 2, {"序号": 1, **common, "整改措施": "修订制度", "整改时限": "立行立改"})
    write_ledger_row(ws, 3, {**common, "整改措施": "=组织学习", "整改时限": dt.date(2024, 4, 30)})
    for name in ("序号", "方面", "问题"):
        letter = column_letter(name)
        ws.merge_cells(f"{letter}2:{letter}3")
    wb[C.SHEET_INFO].cell(info_row("反馈日期"), 2).value = dt.date(2024, 3, 4)
    path = tmp_path / "filled.xlsx"
    wb.save(path)
    ledger = load_ledger(path)
    assert ledger.origin.sheet == C.SHEET_LEDGER and ledger.origin.header_row == HEADER_ROW
    assert ledger.origin.columns == {c.name: column_letter(c.name) for c in C.COLUMNS}
    assert [m.row for m in ledger.measures] == [2, 3]
    assert [m.get("整改措施") for m in ledger.measures] == ["修订制度", "=组织学习"]
    assert len(ledger.problems) == 1 and ledger.problems[0].title == "制度执行不严"
    assert ledger.info["单位名称"] == UNIT and ledger.info["反馈日期"] == dt.date(2024, 3, 4)
    assert ledger.info["长期坚持计入办结"] == "是"
    assert len(ledger.texts) == len(
        [r for r in wb[C.SHEET_TEXT].iter_rows(min_row=2) if r[3].value]
    )


def test_write_ledger_row_rejects_unknown_columns():
    ws = build_workbook()[C.SHEET_LEDGER]
    with pytest.raises(KeyError):
        write_ledger_row(ws, 2, {"不存在的列": 1})


# ---------------------------------------------------------------------------------------------
# The committed template.


def _signature(wb):
    """What the template is made of, compared semantically (not byte for byte, so another
    openpyxl release writing the same workbook does not fail the test)."""
    out = {"sheets": wb.sheetnames, "active": wb.active.title}
    for ws in wb.worksheets:
        out[ws.title] = {
            "values": [[c.value for c in row] for row in ws.iter_rows()],
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": sorted(
                (str(dv.sqref), dv.type, dv.formula1) for dv in ws.data_validations.dataValidation
            ),
            "cf": sorted(
                (str(cf.sqref), r.formula[0]) for cf in ws.conditional_formatting for r in cf.rules
            ),
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "formats": [c.number_format for c in ws[2]] if ws.max_row >= 2 else [],
            "freeze": ws.freeze_panes,
        }
    return out


def test_committed_template_matches_the_column_definition():
    assert TEMPLATE.is_file(), "运行 python scripts/build_workbook_template.py 生成模板"
    committed = openpyxl.load_workbook(TEMPLATE)
    assert committed.sheetnames == list(C.SHEETS)
    header = [c.value for c in committed[C.SHEET_LEDGER][HEADER_ROW]]
    assert header == [C.header_label(c.name) for c in C.COLUMNS]
    info = [committed[C.SHEET_INFO].cell(info_row(f.name), 1).value for f in C.INFO_FIELDS]
    assert info == [f.name for f in C.INFO_FIELDS]
    fresh = openpyxl.load_workbook(
        io.BytesIO(load_script("build_workbook_template").template_bytes())
    )
    assert _signature(committed) == _signature(fresh), (
        "workbook_templates/整改台账.xlsx 与代码不一致：请运行 python scripts/build_workbook_template.py"
    )


def test_template_build_is_reproducible(tmp_path):
    script = load_script("build_workbook_template")
    first = script.template_bytes()
    path = script.build(tmp_path)  # a second, independent build
    assert path.read_bytes() == first
    with zipfile.ZipFile(path) as z:
        core = z.read("docProps/core.xml").decode()
    assert "2024-01-01T00:00:00Z" in core and str(dt.date.today().year + 1) not in core


# ---------------------------------------------------------------------------------------------
# `ledger-tools new`.


def test_cli_new_writes_the_workbook_and_says_what_next(tmp_path):
    path = tmp_path / "台账.xlsx"
    result = CliRunner().invoke(cli, ["new", str(path), "--unit", UNIT])
    assert result.exit_code == 0, result.output
    assert "已生成" in result.output and f"ledger-tools check {path}" in result.output
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == list(C.SHEETS)
    assert wb[C.SHEET_INFO].cell(info_row("单位名称"), 2).value == UNIT


def test_cli_new_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"my ledger")
    result = CliRunner().invoke(cli, ["new", str(path)])
    assert result.exit_code == 2
    assert "已存在" in result.output and "--force" in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == b"my ledger"
    result = CliRunner().invoke(cli, ["new", str(path), "--force"])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(path).sheetnames == list(C.SHEETS)


def test_cli_new_refuses_other_extensions(tmp_path):
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "台账.xls")])
    assert result.exit_code == 2 and ".xlsx" in result.output


def test_fresh_workbook_checks_without_errors(tmp_path):
    """A fresh workbook is clean: whatever `check` says about an empty ledger, it is not an
    error in a cell of ours."""
    path = new_workbook(tmp_path / "台账.xlsx")
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"severity": "error"' not in result.output


# ---------------------------------------------------------------------------------------------
# LibreOffice opens it (catches XML that Office would reject).


def soffice_convert(path: Path, out_dir: Path, fmt: str = "pdf") -> Path | None:
    """Convert with a private LibreOffice profile; None when LibreOffice cannot load .xlsx."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        return None
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(out_dir),
            str(path),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    out = out_dir / (path.stem + "." + fmt)
    return out if out.exists() else None


@functools.cache
def calc_available() -> bool:
    """LibreOffice Calc is installed (a plain openpyxl file converts); checked once."""
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.xlsx"
        wb = openpyxl.Workbook()
        wb.active["A1"] = "x"
        wb.save(plain)
        return soffice_convert(plain, Path(tmp), "csv") is not None


def needs_calc(tmp_path: Path | None = None) -> None:
    if not calc_available():
        pytest.skip("LibreOffice Calc（soffice）未安装")


def test_libreoffice_opens_the_workbook(tmp_path, book_path):
    needs_calc(tmp_path)
    pdf = soffice_convert(book_path, tmp_path)
    assert pdf is not None, "LibreOffice 无法打开生成的台账"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "整改台账填表说明" in text and "整改进展及成效" in text and "第 1 页" in text
