"""The marked copy (`check --mark`): colours, comments, the 校验结果 sheet, the source untouched."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.comments import Comment
from test_workbook import needs_calc, soffice_convert

from ledger_tools.cli import cli
from ledger_tools.errors import OutputError, UnreadableFile
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.findings import ERROR, NOTE, SEVERITY_LABEL, WARNING, Finding, Report
from ledger_tools.ledger.marking import (
    COMMENT_AUTHOR,
    RESULTS_HEADER,
    RESULTS_HEADER_ROW,
    write_marked_copy,
)
from ledger_tools.ledger.workbook import build_workbook, column_letter, info_row, write_ledger_row

RED, YELLOW = "FFC7CE", "FFEB9C"
L = C.SHEET_LEDGER
USER_COMMENT = "这是用户自己的批注"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _row(n: int, **over) -> dict:
    row = {
        "序号": n,
        "方面": "落实全面从严治党方面",
        "问题": f"问题{n}",
        "整改措施": f"措施{n}",
        "责任领导": "王某",
        "责任部门": "办公室",
        "责任人": "李某",
        "整改时限": dt.date(2024, 4, 30),
        "整改状态": "正在推进",
    }
    row.update(over)
    return row


@pytest.fixture
def source(tmp_path) -> Path:
    return make_source(tmp_path)


def make_source(folder: Path) -> Path:
    """A standard workbook with four measure rows; B2:B3 merged; a formula-looking measure;
    a user comment on G4."""
    wb = build_workbook("某区测试局")
    ws = wb[L]
    write_ledger_row(ws, 2, _row(1))
    write_ledger_row(ws, 3, _row(1, 整改措施="=1+1"))
    write_ledger_row(ws, 4, _row(2, 责任领导=None))
    write_ledger_row(ws, 5, _row(3, 整改时限="下周"))
    ws.merge_cells("B2:B3")
    ws["G4"].comment = Comment(USER_COMMENT, "张三")
    wb[C.SHEET_INFO].cell(info_row("反馈日期"), 2).value = dt.date(2024, 3, 4)
    path = folder / "台账.xlsx"
    wb.save(path)
    return path


def make_report(path: Path) -> Report:
    g, k, j = column_letter("责任领导"), column_letter("整改时限"), column_letter("责任人")
    return Report(
        str(path),
        [
            Finding(
                "required-cell", ERROR, "“责任领导”是必填项，这里是空的。", L, 4, g, "责任领导"
            ),
            Finding("bad-deadline", ERROR, "整改时限“下周”无法识别。", L, 5, k, "整改时限", "下周"),
            Finding(
                "overdue-red",
                WARNING,
                "红色预警：已超期。",
                L,
                5,
                k,
                "整改时限",
                "下周",
                {"colour": "红色"},
            ),
            Finding("no-person", WARNING, "责任人为空。", L, 3, j, "责任人"),
            # inside the merged B2:B3 → marks B2
            Finding("aspect-conflict", WARNING, "方面不一致。", L, 3, "B", "方面", "=SUM(A1)"),
            Finding("hidden-columns", NOTE, "有隐藏列。", L, 2, "D", "问题表现"),
            Finding("missing-column", ERROR, "缺少“整改目标”列。", L, None, "", "整改目标"),
            Finding("info-missing", ERROR, "没有基本信息表。", "不存在的表", None, "", "单位名称"),
            Finding("hidden-rows", WARNING, "第 5 行是隐藏行。", L, 5, "", ""),
        ],
        today="2024-05-10",
    )


def marked_cells(ws) -> dict[str, str]:
    """coordinate → RED/YELLOW for every cell with one of the marking fills."""
    out = {}
    for row in ws.iter_rows():
        for cell in row:
            fill = cell.fill
            if fill is not None and fill.fill_type == "solid":
                rgb = str(fill.fgColor.rgb)[-6:]
                if rgb in (RED, YELLOW):
                    out[cell.coordinate] = rgb
    return out


@pytest.fixture
def marked(source, tmp_path):
    before = sha(source)
    report = make_report(source)
    dest = write_marked_copy(source, report, tmp_path / "校验结果.xlsx")
    assert sha(source) == before, "the source workbook must not be modified"
    return dest, report


def test_source_is_never_modified_and_copy_keeps_sheets(marked, source):
    dest, _ = marked
    wb = openpyxl.load_workbook(dest)
    assert wb.sheetnames == [C.SHEET_RESULTS, *C.SHEETS]
    assert wb.active.title == C.SHEET_RESULTS
    assert [ws.sheet_view.tabSelected for ws in wb.worksheets] == [True] + [False] * 5
    original = openpyxl.load_workbook(source)
    for name in C.SHEETS:
        assert [[c.value for c in r] for r in wb[name].iter_rows()] == [
            [c.value for c in r] for r in original[name].iter_rows()
        ]
    assert C.SHEET_RESULTS not in original.sheetnames


def test_fills_exactly_the_finding_cells(marked):
    wb = openpyxl.load_workbook(marked[0])
    g, k, j = column_letter("责任领导"), column_letter("整改时限"), column_letter("责任人")
    assert marked_cells(wb[L]) == {
        f"{g}4": RED,
        f"{k}5": RED,  # an error and a warning on one cell: red
        f"{j}3": YELLOW,
        "B2": YELLOW,  # merged B2:B3: the top-left cell
    }
    for name in C.SHEETS:
        if name != L:
            assert marked_cells(wb[name]) == {}


def test_comments_list_every_finding_on_the_cell(marked):
    ws = openpyxl.load_workbook(marked[0])[L]
    k = column_letter("整改时限")
    comment = ws[f"{k}5"].comment
    assert comment.author == COMMENT_AUTHOR
    assert comment.text.splitlines() == [
        "【错误】整改时限“下周”无法识别。",
        "【警告】红色预警：已超期。",
    ]
    assert ws["B2"].comment.text == "【警告】方面不一致。"
    # the user's own comment is kept, after ours
    g4 = ws[f"{column_letter('责任领导')}4"].comment.text
    assert g4.startswith("【错误】“责任领导”是必填项") and g4.endswith(USER_COMMENT)
    assert ws["D2"].comment is None  # notes do not mark cells
    # header comments of the standard workbook are untouched
    assert ws["A1"].comment is not None and ws["A1"].comment.author != COMMENT_AUTHOR


def test_results_sheet_lists_every_finding_with_links(marked):
    dest, report = marked
    ws = openpyxl.load_workbook(dest)[C.SHEET_RESULTS]
    assert tuple(c.value for c in ws[RESULTS_HEADER_ROW]) == RESULTS_HEADER
    assert ws.freeze_panes == f"A{RESULTS_HEADER_ROW + 1}"
    summary = " ".join(str(ws.cell(r, 1).value) for r in range(1, RESULTS_HEADER_ROW))
    assert "台账.xlsx" in summary and "错误 4 处" in summary and "警告 4 处" in summary
    assert "提示 1 处" in summary and "红色 1 项" in summary and "2024年5月10日" in summary
    rows = list(ws.iter_rows(min_row=RESULTS_HEADER_ROW + 1))
    assert len(rows) == len(report.findings)
    by_message = {row[5].value: row for row in rows}
    for f in report.findings:
        row = by_message[f.message]
        assert row[1].value == SEVERITY_LABEL[f.severity]
        link = row[2].hyperlink
        if f.row and f.sheet in C.SHEETS:
            assert row[2].value == f.cell
            assert link is not None and link.location == f"'{f.sheet}'!{f.column or 'A'}{f.row}"
            assert not link.target  # an internal link, no external relationship
        else:
            assert link is None
    assert [r[0].value for r in rows] == list(range(1, len(rows) + 1))
    assert [r[1].value for r in rows][:4] == ["错误"] * 4  # errors first


def test_formula_looking_text_is_stored_as_text(marked):
    dest, _ = marked
    wb = openpyxl.load_workbook(dest)
    results = wb[C.SHEET_RESULTS]
    cells = [r[4] for r in results.iter_rows(min_row=RESULTS_HEADER_ROW + 1) if r[4].value]
    hit = [c for c in cells if c.value == "=SUM(A1)"]
    assert hit and hit[0].data_type == "s"
    measure = wb[L][f"{column_letter('整改措施')}3"]
    assert measure.value == "=1+1" and measure.data_type == "s"
    with zipfile.ZipFile(dest) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert all("<f>" not in z.read(n).decode() for n in sheets)


def test_recheck_of_a_marked_copy_replaces_results_and_old_marks(marked, tmp_path):
    dest, report = marked
    k = column_letter("整改时限")
    fewer = Report(report.path, [f for f in report.findings if f.column == k], today="2024-05-11")
    again = write_marked_copy(dest, fewer, tmp_path / "再次校验.xlsx")
    wb = openpyxl.load_workbook(again)
    assert wb.sheetnames.count(C.SHEET_RESULTS) == 1 and wb.sheetnames[0] == C.SHEET_RESULTS
    assert marked_cells(wb[L]) == {f"{k}5": RED}
    g4 = wb[L][f"{column_letter('责任领导')}4"].comment
    assert g4.text == USER_COMMENT and g4.author == "张三"  # restored
    assert wb[L]["B2"].comment is None
    rows = list(wb[C.SHEET_RESULTS].iter_rows(min_row=RESULTS_HEADER_ROW + 1))
    assert len(rows) == 2


def test_refuses_to_write_onto_the_source(source):
    before = sha(source)
    with pytest.raises(OutputError):
        write_marked_copy(source, make_report(source), source)
    assert sha(source) == before


def test_refuses_non_xlsx_output_and_input(source, tmp_path):
    with pytest.raises(OutputError, match=r"\.xlsx"):
        write_marked_copy(source, make_report(source), tmp_path / "out.csv")
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"not really")
    with pytest.raises(UnreadableFile, match="另存为"):
        write_marked_copy(xls, Report(str(xls), []), tmp_path / "out.xlsx")


def test_no_findings_gives_a_clean_copy(source, tmp_path):
    dest = write_marked_copy(
        source, Report(str(source), [], today="2024-05-10"), tmp_path / "o.xlsx"
    )
    wb = openpyxl.load_workbook(dest)
    assert marked_cells(wb[L]) == {}
    assert "没有错误" in str(wb[C.SHEET_RESULTS]["A3"].value)


# ---------------------------------------------------------------------------------------------
# End to end: `check --mark` with the real validator.


def test_check_mark_end_to_end(source, tmp_path):
    before = sha(source)
    dest = tmp_path / "标注.xlsx"
    result = CliRunner().invoke(
        cli,
        ["check", str(source), "--today", "2024-05-10", "--format", "json", "--mark", str(dest)],
    )
    assert result.exit_code == 1, result.output
    assert sha(source) == before
    findings = json.loads(result.output)["findings"]
    wb = openpyxl.load_workbook(dest)
    marks = marked_cells(wb[L])
    expected: dict[str, str] = {}
    merged = {"B3": "B2"}
    for f in findings:
        if f["sheet"] == L and f["row"] and f["column"] and f["severity"] != NOTE:
            coord = f"{f['column']}{f['row']}"
            coord = merged.get(coord, coord)
            if f["severity"] == ERROR or expected.get(coord) != RED:
                expected[coord] = RED if f["severity"] == ERROR else YELLOW
    assert marks == expected
    assert expected[f"{column_letter('整改时限')}5"] == RED  # 下周
    rows = list(wb[C.SHEET_RESULTS].iter_rows(min_row=RESULTS_HEADER_ROW + 1))
    assert len(rows) == len(findings)
    # the marked copy is itself a readable ledger: checking it finds the same things
    again = CliRunner().invoke(
        cli, ["check", str(dest), "--today", "2024-05-10", "--format", "json"]
    )
    assert again.exit_code == 1
    assert len(json.loads(again.output)["findings"]) == len(findings)


def test_libreoffice_opens_the_marked_copy(marked, tmp_path):
    needs_calc(tmp_path)
    out = tmp_path / "lo"
    out.mkdir()
    assert soffice_convert(marked[0], out) is not None, "LibreOffice 无法打开标注副本"


def test_control_characters_do_not_break_the_copy(source, tmp_path):
    k = column_letter("整改时限")
    report = Report(
        str(source),
        [
            Finding(
                "bad-deadline", ERROR, "时限“a\x01b”无法识别\x07。", L, 5, k, "整改时限", "a\x01b"
            )
        ],
    )
    dest = write_marked_copy(source, report, tmp_path / "o.xlsx")
    wb = openpyxl.load_workbook(dest)
    assert wb[L][f"{k}5"].comment.text == "【错误】时限“ab”无法识别。"
    row = next(wb[C.SHEET_RESULTS].iter_rows(min_row=RESULTS_HEADER_ROW + 1))
    assert row[4].value == "ab"


def test_xlsm_copy_keeps_its_kind(source, tmp_path):
    xlsm = tmp_path / "台账.xlsm"
    xlsm.write_bytes(source.read_bytes())
    dest = write_marked_copy(xlsm, make_report(xlsm), tmp_path / "标注.xlsm")
    wb = openpyxl.load_workbook(dest, keep_vba=True)
    assert wb.sheetnames[0] == C.SHEET_RESULTS
    assert marked_cells(wb[L])


# ---------------------------------------------------------------------------------------------
# The XML-level writer against today's openpyxl writer (kept in tests/marking_openpyxl.py):
# both copies read back with openpyxl must hold the same values, formats, comments, merges,
# links and sheet settings.


def snapshot(path: Path) -> dict:
    """Everything a user sees in a workbook, as openpyxl reads it."""
    wb = openpyxl.load_workbook(path, rich_text=False)
    out: dict = {"sheets": wb.sheetnames, "active": wb.active.title}
    for ws in wb.worksheets:
        cells = {}
        for _, cell in sorted(ws._cells.items()):
            f, font, a, b = cell.fill, cell.font, cell.alignment, cell.border
            fill = (f.fill_type, str(f.fgColor.rgb)[-6:]) if f.fill_type else None
            style = (
                fill,
                (
                    font.name,
                    font.sz,
                    bool(font.b),
                    font.u,
                    str(font.color.rgb)[-6:] if font.color else None,
                ),
                (a.horizontal, a.vertical, bool(a.wrap_text)),
                (b.left.style, b.top.style),
                cell.number_format,
                bool(cell.quotePrefix),
            )
            comment = (cell.comment.text, cell.comment.author) if cell.comment else None
            link = cell.hyperlink.location if cell.hyperlink else None
            # an empty text (as the generator writes one) reads as an empty cell: the XML copy
            # keeps it as written, openpyxl drops the value
            value = None if cell.value == "" else cell.value
            if value is None and not comment and not link and style == _PLAIN:
                continue  # an empty cell with the default format: absent or not, the same
            cells[cell.coordinate] = (value, style, comment, link)
        out[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "tab": bool(ws.sheet_view.tabSelected),
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
            "heights": {k: d.height for k, d in ws.row_dimensions.items() if d.height},
            "filter": ws.auto_filter.ref,
            "tabColor": str(ws.sheet_properties.tabColor.rgb)[-6:]
            if ws.sheet_properties.tabColor
            else None,
            "landscape": ws.page_setup.orientation,
        }
    return out


_PLAIN = (
    None,
    ("Calibri", 11.0, False, None, None),
    (None, None, False),
    (None, None),
    "General",
    False,
)


def assert_same_as_openpyxl(source: Path, report: Report, tmp_path: Path) -> Path:
    from marking_openpyxl import write_marked_copy_openpyxl

    new = write_marked_copy(source, report, tmp_path / "新.xlsx")
    old = write_marked_copy_openpyxl(source, report, tmp_path / "旧.xlsx")
    a, b = snapshot(new), snapshot(old)
    assert a["sheets"] == b["sheets"] and a["active"] == b["active"]
    for name in a["sheets"]:
        for key in b[name]:
            if key == "cells":
                diff = {
                    k: (a[name]["cells"].get(k), b[name]["cells"].get(k))
                    for k in set(a[name]["cells"]) | set(b[name]["cells"])
                    if a[name]["cells"].get(k) != b[name]["cells"].get(k)
                }
                assert not diff, (name, dict(list(diff.items())[:5]))
            else:
                assert a[name][key] == b[name][key], (name, key)
    return new


def test_xml_copy_equals_the_openpyxl_copy_on_the_fixture(source, tmp_path):
    assert_same_as_openpyxl(source, make_report(source), tmp_path)


def test_xml_copy_equals_the_openpyxl_copy_on_a_marked_copy(marked, tmp_path):
    # The previous marks are removed the same way (fills, our comments, the user's restored).
    dest, report = marked
    k = column_letter("整改时限")
    fewer = Report(report.path, [f for f in report.findings if f.column == k], today="2024-05-11")
    (tmp_path / "again").mkdir()
    assert_same_as_openpyxl(dest, fewer, tmp_path / "again")


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "示例台账.xlsx"


def _report(path: Path) -> Report:
    from ledger_tools.ledger.checking import check_file

    return check_file(path, today=dt.date(2024, 5, 10))


def test_xml_copy_equals_the_openpyxl_copy_on_the_example(tmp_path):
    assert_same_as_openpyxl(EXAMPLE, _report(EXAMPLE), tmp_path)


def test_xml_copy_equals_the_openpyxl_copy_on_a_generated_ledger(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate import generate_ledger

    path = tmp_path / "生成.xlsx"
    generate_ledger(path, 600, 3, True)
    report = _report(path)
    assert len(report.findings) > 20
    assert_same_as_openpyxl(path, report, tmp_path)


@pytest.mark.parametrize("ledger", [EXAMPLE, "generated"], ids=["example", "generated"])
def test_rechecking_the_marked_copy_gives_the_same_findings_and_totals(tmp_path, ledger):
    if ledger == "generated":
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
        from generate import generate_ledger

        ledger = tmp_path / "生成.xlsx"
        generate_ledger(ledger, 300, 1, False)
    before = _report(ledger)
    dest = write_marked_copy(ledger, before, tmp_path / "标注.xlsx")
    after = _report(dest)
    assert after.totals == before.totals
    strip = lambda r: [(f.rule, f.cell, f.message) for f in r.sorted()]  # noqa: E731
    assert strip(after) == strip(before)
    # and once more: the marks of the first run are replaced, not added to
    again = write_marked_copy(dest, after, tmp_path / "再次.xlsx")
    assert strip(_report(again)) == strip(before)
    first, second = snapshot(dest), snapshot(again)
    for snap in (first, second):  # the summary line names the checked file
        del snap[C.SHEET_RESULTS]["cells"]["A1"]
    assert second == first


def test_formulas_keep_their_cached_values(tmp_path):
    src = tmp_path / "公式.xlsx"
    wb = build_workbook("某区测试局")
    ws = wb[L]
    write_ledger_row(ws, 2, _row(1, 整改状态="已完成"))
    write_ledger_row(ws, 3, _row(2))
    money = column_letter("清退资金")
    ws[f"{money}2"] = "=1000+234.5"
    wb.save(src)
    _put_cached_value(src, f"{money}2", "1234.5")
    report = _report(src)
    dest = write_marked_copy(src, report, tmp_path / "标注.xlsx")
    assert openpyxl.load_workbook(dest)[L][f"{money}2"].value == "=1000+234.5"
    assert openpyxl.load_workbook(dest, data_only=True)[L][f"{money}2"].value == 1234.5
    assert _report(dest).totals == report.totals


def rewrite_zip(src: Path, dest: Path, change, extra: dict[str, bytes] | None = None) -> None:
    """Copy the zip ``src`` to ``dest`` with each member's bytes passed through
    ``change(name, data)``, plus the members ``extra``."""
    with zipfile.ZipFile(src) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(name, change(name, data))
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def _put_cached_value(path: Path, ref: str, value: str) -> None:
    """openpyxl writes formulas without a result; give one the value Excel would have saved."""
    pattern = rb'(<c r="%s"[^>]*>)<f>(.*?)</f><v>\s*</v>' % ref.encode()
    cached = rb"\1<f>\2</f><v>%s</v>" % value.encode()

    def change(name: str, data: bytes) -> bytes:
        return re.sub(pattern, cached, data) if name.startswith("xl/worksheets/sheet") else data

    rewrite_zip(path, path, change)


def test_live_links_are_neutralised_in_the_copy_and_reported(tmp_path):
    src = tmp_path / "外链.xlsx"
    wb = build_workbook("某区测试局")
    ws = wb[L]
    write_ledger_row(ws, 2, _row(1))
    write_ledger_row(ws, 3, _row(2))
    n = column_letter("问责人次")
    ws[f"{n}2"] = '=WEBSERVICE("http://example.invalid/x")'
    ws[f"{n}3"] = "=cmd|'/c calc'!A0"
    wb.save(src)
    _put_cached_value(src, f"{n}2", "3")
    _put_cached_value(src, f"{n}3", "2")
    report = _report(src)
    live = [f for f in report.findings if f.rule == "live-formula"]
    assert len(live) == 1 and live[0].cell == f"{L}!{n}2" and "等 2 个单元格" in live[0].message
    dest = write_marked_copy(src, report, tmp_path / "标注.xlsx")
    with zipfile.ZipFile(dest) as z:
        xml = b"".join(z.read(x) for x in z.namelist() if x.startswith("xl/worksheets/"))
        assert not [x for x in z.namelist() if "externalLink" in x]
    formulas = re.findall(rb"<f\b[^>]*>(.*?)</f>", xml)
    assert not [f for f in formulas if b"WEBSERVICE" in f or b"calc" in f]
    values = openpyxl.load_workbook(dest)[L]
    assert (values[f"{n}2"].value, values[f"{n}3"].value) == (3, 2)
    assert _report(dest).totals == report.totals
    assert not [f for f in _report(dest).findings if f.rule == "live-formula"]


def test_libreoffice_opens_the_marked_example(tmp_path):
    needs_calc(tmp_path)
    dest = write_marked_copy(EXAMPLE, _report(EXAMPLE), tmp_path / "标注.xlsx")
    out = tmp_path / "lo"
    out.mkdir()
    csv = soffice_convert(dest, out, "csv")
    assert csv is not None, "LibreOffice 无法打开标注副本"
    assert (
        "校验结果" in csv.read_text(encoding="utf-8", errors="replace") or csv.stat().st_size > 100
    )


def test_xlsm_marked_to_xlsx_loses_its_macros(source, tmp_path):
    xlsm = tmp_path / "宏.xlsm"
    macro_ct = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"

    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = re.sub(
                rb'(PartName="/xl/workbook.xml" ContentType=")[^"]+', rb"\1" + macro_ct, data
            )
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
                b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            )
        return data

    rewrite_zip(source, xlsm, change, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really a macro"})
    dest = write_marked_copy(xlsm, make_report(xlsm), tmp_path / "标注.xlsx")
    with zipfile.ZipFile(dest) as z:
        assert "xl/vbaProject.bin" not in z.namelist()
        assert macro_ct not in z.read("[Content_Types].xml")
        assert b"vbaProject" not in z.read("xl/_rels/workbook.xml.rels")
    assert openpyxl.load_workbook(dest).sheetnames[0] == C.SHEET_RESULTS
    kept = write_marked_copy(xlsm, make_report(xlsm), tmp_path / "标注.xlsm")
    with zipfile.ZipFile(kept) as z:
        assert z.read("xl/vbaProject.bin").startswith(b"\xd0\xcf")


def test_a_sheet_written_with_a_namespace_prefix_is_marked(source, tmp_path):
    # Some generators write <x:row><x:c …>; new cells and rows must carry the same prefix.
    prefixed = tmp_path / "前缀.xlsx"
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

    def change(name: str, data: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet") and main in data:
            data = data.replace(main, main.replace(b"xmlns=", b"xmlns:x="))
            data = re.sub(rb"<(/?)(?![?!])([a-zA-Z]+)(?=[\s/>])", rb"<\1x:\2", data)
        return data

    rewrite_zip(source, prefixed, change)
    k = column_letter("整改时限")
    report = Report(
        str(prefixed),
        [
            Finding("bad-deadline", ERROR, "无法识别。", L, 5, k, "整改时限"),
            Finding("no-person", WARNING, "空行上的问题。", L, 40, "B", ""),
        ],
    )
    dest = write_marked_copy(prefixed, report, tmp_path / "标注.xlsx")
    ws = openpyxl.load_workbook(dest)[L]
    assert marked_cells(ws) == {f"{k}5": RED, "B40": YELLOW}
    assert ws[f"{k}5"].comment.text == "【错误】无法识别。"


def test_external_workbook_links_are_removed_from_the_copy(tmp_path):
    src = tmp_path / "外部引用.xlsx"
    wb = build_workbook("某区测试局")
    write_ledger_row(wb[L], 2, _row(1))
    n = column_letter("问责人次")
    wb[L][f"{n}2"] = "=[1]Sheet1!A1"
    wb.save(src)
    _put_cached_value(src, f"{n}2", "4")
    link = (
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
        b' r:id="rId1"/></externalLink>'
    )
    rels = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLinkPath" Target="file:///C:/secret.xlsx" TargetMode="External"/>'
        b"</Relationships>"
    )

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/workbook.xml":
            data = re.sub(
                rb"(</(?:\w+:)?sheets>)",
                rb'\1<externalReferences><externalReference xmlns:r="http://schemas.openxmlformats'
                rb'.org/officeDocument/2006/relationships" r:id="rId90"/></externalReferences>',
                data,
            )
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/'
                b'2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>'
                b"</Relationships>",
            )
        return data

    rewrite_zip(
        src,
        src,
        change,
        {
            "xl/externalLinks/externalLink1.xml": link,
            "xl/externalLinks/_rels/externalLink1.xml.rels": rels,
        },
    )
    report = _report(src)
    assert [f.cell for f in report.findings if f.rule == "live-formula"] == [f"{L}!{n}2"]
    dest = write_marked_copy(src, report, tmp_path / "标注.xlsx")
    with zipfile.ZipFile(dest) as z:
        assert not [x for x in z.namelist() if "externalLink" in x]
        assert b"externalReference" not in z.read("xl/workbook.xml")
        assert b"externalLink" not in z.read("xl/_rels/workbook.xml.rels")
    assert openpyxl.load_workbook(dest, data_only=True)[L][f"{n}2"].value == 4
    assert openpyxl.load_workbook(dest)[L][f"{n}2"].value == 4  # no formula left
