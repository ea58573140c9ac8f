"""The attack run's holes, each built small here (``hostile_files``) and run through the real
command in a child process under a 2 GB address-space limit: exit code and Chinese message,
peak memory under 1 GB, no traceback, no "意外问题", the input unchanged, no output left."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hostile_files import BUILDERS, DOC_BUILDERS, LEDGER_PART, base_ledger, rewrite, run_limited


def run(path: Path, *args: str) -> tuple[int, str]:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    r = run_limited([*args], timeout=240)
    assert r["code"] != "TIMEOUT", f"{args[0]} did not finish"
    text = r["out"]
    assert "Traceback" not in text and "意外问题" not in text, text
    assert r["peak"] < 1000, (r["peak"], text)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "input modified"
    return r["code"], text


def check(path: Path, *extra: str) -> tuple[int, str]:
    return run(path, "check", str(path), "--today", "2024-05-10", *extra)


def diff_mark(path: Path, out: Path) -> tuple[int, str]:
    return run(path, "diff", str(path), str(path), "--today", "2024-05-10", "--mark", str(out))


def test_a_bomb_in_a_part_nothing_reads_is_refused_by_every_command(tmp_path):
    path = BUILDERS["bomb-theme"](tmp_path)
    for code, out in (check(path), diff_mark(path, tmp_path / "d.xlsx")):
        assert code == 2 and "xl/theme/theme1.xml" in out and "安全上限" in out, out
    assert not (tmp_path / "d.xlsx").exists()


def test_many_parts_each_under_the_limit_are_refused_by_their_total(tmp_path):
    path = BUILDERS["many-small-bombs"](tmp_path)
    code, out = check(path, "--mark", str(tmp_path / "m.xlsx"))
    assert code == 2 and "各部分解压后共有" in out, out
    assert not (tmp_path / "m.xlsx").exists()


def test_a_part_named_twice_is_refused(tmp_path):
    path = BUILDERS["duplicate-sheet-member"](tmp_path)
    code, out = check(path)
    assert code == 2 and "两个同名的部分" in out and LEDGER_PART in out, out


def test_a_zip_of_100k_parts_is_refused(tmp_path):
    path = BUILDERS["many-members"](tmp_path)
    code, out = check(path, "--mark", str(tmp_path / "m.xlsx"))
    assert code == 2 and "个部分" in out, out


def test_a_million_merged_ranges_are_refused_before_they_are_read(tmp_path):
    path = BUILDERS["merges-million"](tmp_path)
    code, out = check(path)
    assert code == 2 and "1,000,000 个合并单元格区域" in out, out


def test_repeated_merged_ranges_are_read_once(tmp_path):
    path = BUILDERS["merges-overlapping-small"](tmp_path)
    code, out = check(path)
    assert code == 0, out
    code, out = diff_mark(path, tmp_path / "d.xlsx")
    assert code == 2 and "合并单元格" in out and "无法生成副本" in out, out


def test_overlapping_merged_ranges_are_refused(tmp_path):
    path = base_ledger(tmp_path / "重叠.xlsx", n=50)
    ranges = b"".join(b'<mergeCell ref="A%d:M51"/>' % r for r in range(2, 52))
    xml = b'<mergeCells count="50">' + ranges + b"</mergeCells>"
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", b"</sheetData>" + xml, 1)})
    code, out = check(path)
    assert code == 2 and "互相重叠" in out and "A2:M51" in out, out


def test_diff_mark_refuses_a_merge_to_the_last_cell(tmp_path):
    path = base_ledger(tmp_path / "合并.xlsx")
    merge = b'<mergeCells count="1"><mergeCell ref="N1:XFD1048576"/></mergeCells>'
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", b"</sheetData>" + merge, 1)})
    assert check(path)[0] == 0
    code, out = diff_mark(path, tmp_path / "d.xlsx")
    assert code == 2 and "工作表“整改台账”" in out and "无法生成副本" in out, out
    assert not (tmp_path / "d.xlsx").exists()


def test_diff_mark_refuses_a_far_cell_in_a_sheet_the_ledger_does_not_use(tmp_path):
    path = base_ledger(tmp_path / "远.xlsx")
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    rewrite(path, {"xl/worksheets/sheet2.xml": lambda x: x.replace(b"</sheetData>", far, 1)})
    code, out = diff_mark(path, tmp_path / "d.xlsx")
    assert code == 2 and "工作表“基本信息”" in out, out


def test_unclosed_vml_shapes_do_not_stall_the_marked_copy(tmp_path):
    path = BUILDERS["vml-unclosed-shapes"](tmp_path)
    code, out = check(path, "--mark", str(tmp_path / "m.xlsx"))
    assert code == 0 and (tmp_path / "m.xlsx").exists(), out


def test_a_cell_longer_than_excel_allows_is_refused_by_cell(tmp_path):
    path = BUILDERS["huge-shared-string"](tmp_path)
    code, out = check(path)
    assert code == 2 and "单元格 C2" in out and "32,767" in out, out


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("docx-bomb", "正文解压后有"),
        ("docx-huge-image", "word/media/image1.png"),
        ("docx-million-paragraphs", "超过导入的上限"),
        ("txt-many-items", "超过导入文本文件的上限 200,000 行"),
        ("txt-wrapped-one-paragraph", "超过一个台账单元格能容纳的"),
        ("pdf-bomb", "pdf-bomb.pdf"),
    ],
)
def test_hostile_documents_are_refused_by_import(tmp_path, name, fragment):
    path = DOC_BUILDERS[name](tmp_path)
    out_file = tmp_path / "导入.xlsx"
    code, out = run(path, "import", str(path), "-o", str(out_file))
    assert code == 2 and fragment in out, out
    assert not out_file.exists()


def test_a_table_cell_spanning_two_billion_columns_is_read(tmp_path):
    path = DOC_BUILDERS["docx-wide-gridspan"](tmp_path)
    code, out = run(path, "import", str(path), "-o", str(tmp_path / "导入.xlsx"))
    assert code == 0, out


def test_an_xls_claiming_more_than_the_format_holds_is_refused(tmp_path):
    """A DIMENSIONS record of 2**28 rows made calamine abort the whole process (it sized its
    grid by the claim); the claim is checked against the .xls limits first."""
    path = BUILDERS["xls-huge-dimensions"](tmp_path)
    code, out = check(path)
    assert code == 2 and "65,536 行 × 256 列" in out and path.name in out, out
    ok = BUILDERS["xls-huge-sst"](tmp_path)  # a sane extent still reads
    assert check(ok)[0] in (0, 1)
