"""The fifth attack run: what the first four did not try. Cell references with a column of
four letters or more, XML parts nested deeper than the parser takes, the ``|format`` filter's
``*`` width, outputs that are folders or other people's workbooks, UTF-16 text cut short, Word
files and templates without a body. Each file is built for real and run through the real
command in a child process under a 2 GB address-space limit (``hostile_files.run_limited``).
The attacks of this run that needed no change are listed in docs/攻击测试记录.md (第五轮攻击测试)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hostile_files import LEDGER_PART, base_docx, base_ledger, rewrite, run_limited, template_with
from test_attack3 import DAY, clean, sha

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"


def _with_row(path: Path, row: bytes) -> Path:
    base_ledger(path)
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", row + b"</sheetData>", 1)})
    return path


# ---------------------------------------------------------------------------------------------
# A column past XFD


@pytest.mark.parametrize(
    ("row", "ref"),
    [
        (b'<row r="5"><c r="ZZZZZ5"><v>1</v></c></row>', "ZZZZZ5"),
        (b'<row r="99999"><c r="zzzz99999" t="inlineStr"><is><t>x</t></is></c></row>', "zzzz99999"),
    ],
    ids=["five-letters", "four-lower-case-far-below"],
)
def test_a_cell_in_a_column_past_xfd_is_refused_before_calamine(tmp_path, row, ref):
    """The scan's patterns took one to three letters: ``ZZZZZ5`` reached calamine, which
    sized its grid by it (5 rows × 12,356,630 columns) and the process aborted under the
    2 GB limit with Rust's “memory allocation failed” (exit 250, English text); without a
    limit it built the grid and refused it afterwards."""
    path = _with_row(tmp_path / "宽.xlsx", row)
    before = sha(path)
    for args in (
        ["check", str(path), *DAY],
        ["check", str(path), *DAY, "--mark", str(tmp_path / "标注.xlsx")],
        ["stats", str(path), *DAY],
        ["diff", str(path), str(path), *DAY],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and ref in text and "XFD" in text and path.name in text, text
        assert r["peak"] < 300, (r["peak"], text)
    assert sha(path) == before and not (tmp_path / "标注.xlsx").exists()


def test_text_that_looks_like_a_wide_reference_is_still_read(tmp_path):
    path = _with_row(
        tmp_path / "正常.xlsx",
        b'<row r="5"><c r="A5" t="inlineStr"><is><t>r="ABCD1"</t></is></c></row>',
    )
    r = run_limited(["check", str(path), *DAY])
    assert r["code"] in (0, 1) and "XFD" not in clean(r), r["out"]


# ---------------------------------------------------------------------------------------------
# Parts nested deeper than lxml parses


def test_a_style_sheet_nested_too_deep_is_said_by_the_marked_copy(tmp_path):
    """A million nested elements in styles.xml (calamine reads it; lxml stops at depth
    2048): ``check --mark`` printed the check, then ended in 意外问题（XMLSyntaxError）."""
    path = base_ledger(tmp_path / "深.xlsx")
    deep = b"<extLst>" + b"<a>" * 1_000_000 + b"</a>" * 1_000_000 + b"</extLst></styleSheet>"
    rewrite(path, {"xl/styles.xml": lambda x: x.replace(b"</styleSheet>", deep)})
    out = tmp_path / "标注.xlsx"
    r = run_limited(["check", str(path), *DAY, "--mark", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "没有发现问题" in text, text  # the check itself is kept
    assert "xl/styles.xml" in text and "嵌套层数过多" in text and path.name in text, text
    assert not out.exists()


# ---------------------------------------------------------------------------------------------
# Templates


def test_a_star_width_in_the_format_filter_is_refused_before_it_is_made(tmp_path):
    """``'%*d'|format(999999999, 1)``: the ``%`` operator checked a width taken from the
    arguments, the ``|format`` filter (the same formatting) did not: a 1 GB string was made,
    then refused by the output counter (peak 1,043 MB)."""
    template = template_with(tmp_path / "宽度.docx", "{{ '%*d'|format(999999999, 1)|length }}")
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "999999999 过大" in text and "第 2 段" in text, text
    assert r["peak"] < 300 and not out.exists(), r["peak"]
    # an ordinary width still formats
    fine = template_with(tmp_path / "正常.docx", "{{ '%*d'|format(5, 1) }}")
    r = run_limited(["plan", str(EXAMPLE), "--template", str(fine), "-o", str(out)])
    assert r["code"] == 0, r["out"]


def test_wrapping_one_endless_word_is_refused_before_it_starts(tmp_path):
    """``s|wordwrap(1)`` of a 9-million-character word: textwrap copies the rest of the word
    for every line it cuts (quadratic), and only the 60-second limit stopped it (in one run
    under load, not even that within 200 s). Ordinary text is wrapped as before."""
    template = template_with(
        tmp_path / "换行.docx", "{% set s = 'a' * 9000000 %}{{ s|wordwrap(1)|length }}"
    )
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "9,000,000 字的连续文字" in text and r["wall"] < 30, text
    fine = template_with(
        tmp_path / "正常.docx", "{% set s = ('a' * 50 + ' ') * 150000 %}{{ s|wordwrap(10)|length }}"
    )
    r = run_limited(["plan", str(EXAMPLE), "--template", str(fine), "-o", str(out)])
    assert r["code"] == 0, r["out"]


def _bodyless(path: Path) -> Path:
    base_docx(path)
    rewrite(
        path,
        {
            "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
        },
    )
    return path


def test_word_files_without_a_body_are_refused_in_chinese(tmp_path):
    """``<w:document/>``: ``import`` ended in 意外问题（AttributeError）, ``templates check``
    in 意外问题（TypeError）, and ``plan --template`` wrote an empty document."""
    doc = _bodyless(tmp_path / "无正文.docx")
    r = run_limited(["import", str(doc), "-o", str(tmp_path / "台账.xlsx")])
    assert r["code"] == 2 and "没有正文" in clean(r) and doc.name in r["out"], r["out"]
    r = run_limited(["templates", "check", str(doc)])
    assert r["code"] == 2 and "没有正文" in clean(r), r["out"]
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(doc), "-o", str(out)])
    assert r["code"] == 2 and "没有正文" in clean(r) and not out.exists(), r["out"]


# ---------------------------------------------------------------------------------------------
# UTF-16 text cut short


@pytest.mark.parametrize(
    "tail", [b"\x00", "😀".encode("utf-16-le")[:2]], ids=["odd-byte", "half-an-emoji"]
)
def test_utf16_text_cut_short_is_named(tmp_path, tail):
    """A BOM, UTF-16 text, then an odd byte or half of a surrogate pair (a copy cut short):
    ``import`` ended in 意外问题（UnicodeDecodeError）."""
    text = "关于落实巡察反馈意见的整改方案\n一、加强理论学习方面\n（一）学习不深入。\n1.制定学习计划。\n"
    path = tmp_path / "方案.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le") + tail)
    r = run_limited(["import", str(path), "-o", str(tmp_path / "台账.xlsx")])
    out = clean(r)
    assert r["code"] == 2 and "UTF-16" in out and path.name in out and "UTF-8" in out, out
    assert not (tmp_path / "台账.xlsx").exists()


# ---------------------------------------------------------------------------------------------
# Outputs


def test_check_mark_replaces_only_a_marked_copy_or_an_empty_file(tmp_path):
    """``check 台账.xlsx --mark 汇总台账.xlsx`` (a slip of the finger) replaced the 汇总台账
    with a marked copy: check has no --force, and the marked copy was always replaced."""
    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(EXAMPLE.read_bytes())
    other = tmp_path / "汇总台账.xlsx"
    other.write_bytes(EXAMPLE.read_bytes())
    before = sha(other)
    r = run_limited(["check", str(ledger), *DAY, "--mark", str(other)])
    text = clean(r)
    assert r["code"] == 2 and "不是本工具生成的标注副本" in text and other.name in text, text
    assert sha(other) == before
    mark = tmp_path / "校验结果.xlsx"
    mark.write_bytes(b"")  # an empty file: nothing to lose
    for _ in range(2):  # then a marked copy: replaced, as before
        r = run_limited(["check", str(ledger), *DAY, "--mark", str(mark)])
        assert r["code"] in (0, 1) and "已另存标注副本" in clean(r), r["out"]
        assert openpyxl.load_workbook(mark, read_only=True).sheetnames[0] == "校验结果"


def test_a_folder_or_a_file_in_the_wrong_place_is_named(tmp_path):
    """``diff --mark 文件夹`` and ``new 文件夹`` said it exists and to add --force (which
    then failed); ``duban -o 文件`` said only “文件已存在。”."""
    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(EXAMPLE.read_bytes())
    folder = tmp_path / "文件夹"
    folder.mkdir()
    for args in (
        ["diff", str(ledger), str(ledger), *DAY, "--mark", str(folder), "--force"],
        ["new", str(folder)],
        ["new", str(folder), "--force"],
    ):
        r = run_limited(args)
        assert r["code"] == 2 and "是一个文件夹，不是文件" in clean(r), (args, r["out"])
    r = run_limited(["duban", str(ledger), *DAY, "-o", str(ledger)])
    text = clean(r)
    assert r["code"] == 2 and "是一个文件，不是文件夹" in text and "-o" in text, text
    assert list(folder.iterdir()) == [] and zipfile.is_zipfile(ledger)


# ---------------------------------------------------------------------------------------------
# What a file that is no workbook really is; a text cell that points before the first text


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        (
            "导出.xls",
            "<html><body><table><tr><td>序号</td></tr></table></body></html>",
            "网页（HTML）",
        ),
        ("导出.xls", "序号,问题\n1,测试\n", "文本（CSV"),
        (
            "导出.xls",
            '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
            "Excel 2003 XML",
        ),
        ("方案.pdf", "%PDF-1.4\n", "ledger-tools import"),
    ],
    ids=["html", "csv", "xml2003", "pdf"],
)
def test_a_file_that_is_no_workbook_is_named_for_what_it_is(tmp_path, name, data, what):
    """Business systems export web pages, CSV and Excel 2003 XML named ``.xls``: each was
    only “不是 Excel 工作簿”, which left the clerk wondering why Excel opens it."""
    path = tmp_path / name
    path.write_bytes(data.encode("gbk"))
    for args in (["check", str(path), *DAY], ["stats", str(path)]):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and what in text and "不是 Excel 工作簿" in text, text


def test_a_text_cell_pointing_to_a_negative_shared_string_is_refused(tmp_path):
    """``<c t="s"><v>-1</v></c>``: calamine read the first shared text (the 序号 heading) into
    整改措施 without a word; an index past the table's end was already refused."""
    path = base_ledger(tmp_path / "负数.xlsx")
    rewrite(
        path,
        {
            LEDGER_PART: lambda x: x.replace(
                b'<c r="D2" t="s"><v>15</v></c>', b'<c r="D2" t="s"><v>-1</v></c>', 1
            )
        },
    )
    r = run_limited(["check", str(path), *DAY])
    text = clean(r)
    assert r["code"] == 2 and "D2" in text and "负数" in text and path.name in text, text


# ---------------------------------------------------------------------------------------------
# Dates at the ends of the calendar


def test_a_check_date_no_ledger_can_have_is_a_usage_error(tmp_path):
    """``duban --today 9999-12-31`` ended in 意外问题（OverflowError）: the reply deadline is
    days after it. The dates given on the command line now have the cells' range."""
    for args in (
        ["duban", str(EXAMPLE), "--today", "9999-12-31", "-o", str(tmp_path / "督办")],
        ["check", str(EXAMPLE), "--today", "0001-01-01"],
        ["report", str(EXAMPLE), "--as-of", "9999-12-31", "-o", str(tmp_path / "报告.docx")],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and "1990—2100" in text and args[3] in text, (args, text)
    assert not (tmp_path / "督办").exists() and not (tmp_path / "报告.docx").exists()


def test_a_basic_information_date_no_day_can_be_is_a_warning_of_its_cell(tmp_path):
    """基本信息 dates of serial 2958465 (9999-12-31) were printed into the 公文 as
    “9999年12月31日” without a word, while the same date in 整改台账 was an error of its cell."""
    path = base_ledger(tmp_path / "基本信息.xlsx")
    rewrite(
        path,
        {
            "xl/worksheets/sheet2.xml": lambda x: re.sub(
                rb'(<c r="B9"[^>]*><v>)\d+', rb"\g<1>2958465", x
            )
        },
    )
    r = run_limited(["check", str(path), *DAY])
    text = clean(r)
    assert r["code"] == 0 and "基本信息!B9" in text and "9999年12月31日" in text, text
    assert "反馈日期" in text and "info-bad-date" not in text, text
