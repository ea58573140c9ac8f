"""The seventh attack run: what the first six left or did not try. A ledger read wrongly whose
findings run to hundreds of thousands (``check --mark`` and ``check --format json`` held them
all at once), and the other classes listed in docs/攻击测试记录.md (第七轮攻击测试). Each file is built for
real and run through the real command in a child process under a 2 GB address-space limit
(``hostile_files.run_limited``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import xlsxwriter
from conftest import INFO, STANDARD_HEADER
from hostile_files import run_limited
from test_attack3 import clean, sha

ROOT = Path(__file__).resolve().parent.parent


def _numbers_and_problems(path: Path, rows: int) -> Path:
    """A ledger whose rows hold only 序号 and 问题: seven findings a row (six required cells,
    one 责任人 warning), as when the header or the columns were read wrongly."""
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("整改台账")
    ws.write_row(0, 0, STANDARD_HEADER)
    for r in range(1, rows + 1):
        ws.write_number(r, 0, r)
        ws.write_string(r, 2, f"问题{r}")
    info = wb.add_worksheet("基本信息")
    info.write_row(0, 0, ["项目", "内容"])
    for r, (k, v) in enumerate(INFO.items(), start=1):
        info.write_row(r, 0, [k, str(v)])
    wb.close()
    return path


def _results_sheet(path: Path) -> bytes:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name)
                if "校验结果".encode() in xml[:4000]:
                    return xml
    raise AssertionError("no 校验结果 sheet")


def _comments(path: Path) -> int:
    with zipfile.ZipFile(path) as z:
        return sum(z.read(n).count(b"<comment ") for n in z.namelist() if "comments" in n)


def test_a_marked_copy_lists_and_marks_at_most_its_limit_and_says_so(tmp_path):
    """15,000 rows of 序号 and 问题 only: 105,000 findings. The marked copy listed and marked
    every one (840,000 for 120,000 rows: 45–193 s and 2.3 GB, past the 2 GB limit). Now it
    lists and marks the first 100,000 (errors first) and says in 校验结果 and on the terminal
    how many it left out and how to see them all."""
    from ledger_tools.ledger.marking import MARK_LIMIT

    ledger = _numbers_and_problems(tmp_path / "读错的台账.xlsx", 15_000)
    before = sha(ledger)
    out = tmp_path / "校验结果.xlsx"
    r = run_limited(["check", str(ledger), "--mark", str(out)], timeout=120)
    text = clean(r)
    assert r["code"] == 1 and out.exists(), text
    note = f"问题共 105,000 处，超过标注副本的上限 {MARK_LIMIT:,} 处"
    assert note in text and "其余 5,000 处没有列出" in text, text[-800:]
    assert "ledger-tools check 读错的台账.xlsx --format json" in text
    sheet = _results_sheet(out)
    assert note.encode() in sheet and b'<row r="4">' in sheet  # the note is row 4
    assert sheet.count(b"<row ") == 5 + MARK_LIMIT  # 3 lines, the note, header, the table
    assert "错误 90,000 处".encode() in sheet or "错误 90000 处".encode() in sheet
    assert _comments(out) <= MARK_LIMIT
    assert sha(ledger) == before

    # --format json: stdout stays the whole report (all 105,000), the note goes to stderr
    proc = subprocess.run(
        [sys.executable, "-m", "ledger_tools", "check", str(ledger), "--format", "json"]
        + ["--mark", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert len(json.loads(proc.stdout)["findings"]) == 105_000
    assert note in proc.stderr


def test_a_ledger_under_the_limit_is_marked_in_full_without_the_note(tmp_path):
    ledger = _numbers_and_problems(tmp_path / "台账.xlsx", 300)
    out = tmp_path / "校验结果.xlsx"
    r = run_limited(["check", str(ledger), "--mark", str(out)])
    text = clean(r)
    assert r["code"] == 1 and "超过标注副本的上限" not in text, text
    sheet = _results_sheet(out)
    assert sheet.count(b"<row ") == 4 + 2_100 and "超过标注副本的上限".encode() not in sheet


def test_the_json_of_840000_findings_is_written_in_bounded_memory(tmp_path):
    """120,000 rows of 序号 and 问题 (1.6 MB): ``check --format json`` built the whole text
    (and its encoded copy) before writing it: 2.4 GB, past the 2 GB limit. Now it is written
    in pieces (650 MB, most of it the findings themselves)."""
    ledger = _numbers_and_problems(tmp_path / "台账.xlsx", 120_000)
    r = run_limited(["check", str(ledger), "--format", "json"], timeout=300)
    assert r["code"] == 1, r["out"][-500:]
    assert r["peak"] < 1200, r["peak"]
    report = json.loads(r["out"])
    assert len(report["findings"]) == 840_000
    assert report["findings"][-1]["cell"] == "整改台账!H120001"


# ---------------------------------------------------------------------------------------------
# .xls: one long text referred to by many cells (round six checked it in .xlsx only)


def _xls(path: Path, texts: list[str]) -> Path:
    """An .xls (BIFF8, as Excel 97–2003 saves it) of the standard header and a row per text,
    the text in 问题 and 整改措施: the shared strings table holds each distinct text once,
    split over CONTINUE records when it is long."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("整改台账")
    for c, h in enumerate(STANDARD_HEADER):
        ws.write(0, c, h)
    for r, text in enumerate(texts, start=1):
        ws.write(r, 0, r)
        ws.write(r, 2, text)
        ws.write(r, 3, text)
    info = wb.add_sheet("基本信息")
    for r, (k, v) in enumerate(INFO.items()):
        info.write(r, 0, k)
        info.write(r, 1, str(v))
    wb.save(str(path))
    return path


def test_an_xls_whose_cells_repeat_one_long_text_is_refused_before_it_is_read(tmp_path):
    """One text of 32,000 characters, 20,000 cells referring to it (a 700 KB .xls): calamine
    copied it per cell and aborted the process under the 2 GB limit with the English
    “memory allocation … failed” (exit 250). Now refused before it is read, naming the sheet
    and the count, as the same .xlsx is."""
    path = _xls(tmp_path / "重复长文字.xls", ["长" * 32_000] * 10_000)
    assert path.stat().st_size < 1_000_000
    for command in (["check", str(path)], ["stats", str(path)]):
        r = run_limited(command, timeout=120)
        text = clean(r)
        assert r["code"] == 2, text
        assert "重复长文字.xls 的工作表“整改台账”中有 20,000 个单元格引用了很长的共享文字" in text


def test_an_xls_of_long_texts_each_used_once_is_read(tmp_path):
    texts = [f"第{i}项" + ("长文字" * 1_500) for i in range(1, 301)]  # 4,500 characters each
    path = _xls(tmp_path / "长文字.xls", texts)
    r = run_limited(["check", str(path)], timeout=120)
    text = clean(r)
    assert r["code"] == 1 and "300 个问题" in text and "共享文字" not in text, text[:800]


# ---------------------------------------------------------------------------------------------
# A table larger than any computer here reads


def _long_table(path: Path, rows: int) -> Path:
    """The standard header and ``rows`` rows of 序号 and 问题 (numbers and inline text),
    written as XML: a 320,000-row sheet in a few MB, made in a second."""
    from hostile_files import LEDGER_PART, base_ledger, rewrite

    base_ledger(path, 1)
    body = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r - 1}</v></c>'
        f'<c r="C{r}" t="inlineStr"><is><t>问题{r}</t></is></c></row>'
        for r in range(3, rows + 2)
    ).encode()

    def grow(xml: bytes) -> bytes:
        xml = xml.replace(b'<dimension ref="A1:M2"/>', b"")
        return xml.replace(b"</sheetData>", body + b"</sheetData>", 1)

    rewrite(path, {LEDGER_PART: grow})
    return path


def test_a_table_of_millions_of_cells_is_refused_before_it_is_read(tmp_path):
    """1,000,000 rows of 序号 and 问题 (13 MB): ``check`` took 172 s and 5.6 GB, and under the
    2 GB limit calamine aborted the process with the English “memory allocation … failed”
    (exit 250). A table of more than 6 million cells (rows × columns) is refused now, before
    it is read, with its size and what to do; here 470,000 rows × 13 columns."""
    path = _long_table(tmp_path / "超长台账.xlsx", 470_000)
    for command in (["check", str(path)], ["plan", str(path), "-o", str(tmp_path / "方案.docx")]):
        r = run_limited(command, timeout=180)
        text = clean(r)
        assert r["code"] == 2, text
        assert "超长台账.xlsx 的工作表“整改台账”的表格有 470,001 行、13 列" in text, text
        assert "上限 6,000,000 个单元格" in text and "拆分" in text
    assert not (tmp_path / "方案.docx").exists()


def test_a_table_just_under_the_cap_is_read(tmp_path):
    """220,000 rows of 序号 and 问题 (1.5 million findings) are read and checked: about 1 GB
    (measured without the address-space limit, which the libraries' reserved address space
    alone takes 850 MB of)."""
    path = _long_table(tmp_path / "台账.xlsx", 220_000)
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ledger_tools", "check", str(path)],
            stdout=stdout,
            stderr=stderr,
            cwd=ROOT,
        )
        # this child's own peak (os.wait4), not RUSAGE_CHILDREN: that is the largest of every
        # child the test session has waited for, LibreOffice conversions of other tests included
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = out.read_text(encoding="utf-8")
    assert proc.returncode == 1, text[-600:] + err.read_text(encoding="utf-8")[-600:]
    assert "220000 个问题" in text.replace(",", "")
    peak_mb = usage.ru_maxrss / 1024
    assert peak_mb < 1500, peak_mb


# ---------------------------------------------------------------------------------------------
# Two sheets stored in one part


def test_two_sheets_stored_in_one_part_are_refused(tmp_path):
    """A workbook directory listing a second sheet 副本 whose relationship is the ledger's own
    part: ``check`` read the ledger, and ``check --mark`` wrote the part twice, the unmarked
    副本 last: the copy had the comment but not the red fill of the wrong cell. Refused now
    by every command, naming both sheets and the part."""
    import re

    from conftest import good_row
    from hostile_files import rewrite
    from test_attack3 import text_ledger

    rows = [good_row(1), good_row(2)]
    rows[1][3] = ""
    path = text_ledger(tmp_path / "同一部分.xlsx", rows)
    with zipfile.ZipFile(path) as z:
        first = re.search(r"<sheet [^>]*>", z.read("xl/workbook.xml").decode()).group(0)
    rid = re.search(r'r:id="(\w+)"', first).group(1)
    extra = f'<sheet name="副本" sheetId="9" r:id="{rid}"/></sheets>'.encode()
    rewrite(path, {"xl/workbook.xml": lambda x: x.replace(b"</sheets>", extra)})
    out = tmp_path / "标注.xlsx"
    for command in (["check", str(path), "--mark", str(out)], ["diff", str(path), str(path)]):
        r = run_limited(command)
        text = clean(r)
        assert r["code"] == 2, text
        assert "工作表“整改台账”和“副本”指向同一部分 xl/worksheets/sheet1.xml" in text, text
    assert not out.exists()


# ---------------------------------------------------------------------------------------------
# Templates: a style sheet of hundreds of thousands of styles


def _styles_template(path: Path, count: int) -> Path:
    """A template whose styles.xml has ``count`` custom styles, each based on the one before
    (names made unlike each other so the part does not compress past the ratio limit)."""
    import random

    from hostile_files import rewrite, template_with

    rng = random.Random(0)
    styles = "".join(
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="S{i}">'
        f'<w:name w:val="样式{i}-{rng.randrange(10**9)}"/><w:basedOn w:val="S{max(i - 1, 0)}"/>'
        f'<w:rPr><w:sz w:val="{20 + i % 10}"/></w:rPr></w:style>'
        for i in range(count)
    ).encode()
    template_with(path, "{{ 单位名称 }}")
    rewrite(path, {"word/styles.xml": lambda x: x.replace(b"</w:styles>", styles + b"</w:styles>")})
    return path


def test_a_template_part_beyond_what_a_template_holds_is_refused(tmp_path):
    """400,000 styles (styles.xml 72 MB, an 8 MB template, within the size and ratio limits):
    ``plan --template`` ended in “模板渲染所需内存超过本机可用内存” blaming the template's
    loops (1 GB), ``templates check`` took 1.8 GB. Refused now before python-docx reads it,
    naming the part, as ``import`` does (32 MB a part)."""
    template = _styles_template(tmp_path / "样式.docx", 400_000)
    example = ROOT / "examples" / "示例台账.xlsx"
    out = tmp_path / "方案.docx"
    for command in (
        ["plan", str(example), "--template", str(template), "-o", str(out)],
        ["templates", "check", str(template)],
    ):
        r = run_limited(command, timeout=120)
        text = clean(r)
        assert r["code"] == 2, text
        assert "模板 样式.docx 中的“word/styles.xml”部分解压后有" in text
        assert "超过模板每一部分的上限 32 MB" in text
    assert not out.exists()


def test_a_template_of_many_styles_within_the_limit_renders(tmp_path):
    template = _styles_template(tmp_path / "样式.docx", 20_000)
    out = tmp_path / "方案.docx"
    example = ROOT / "examples" / "示例台账.xlsx"
    r = run_limited(["plan", str(example), "--template", str(template), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 0 and out.exists(), text


def test_two_sheets_sharing_one_comments_part_get_no_mixed_up_copy(tmp_path):
    """Both sheets' relationships name the same comments part (and VML drawing): the marked
    copy wrote the part once per sheet, the last one winning: the error cell of 整改台账 lost
    its comment and showed 基本信息's. The check is printed, the copy refused, naming both."""
    import openpyxl
    from conftest import INFO, good_row
    from hostile_files import rewrite
    from test_attack3 import text_ledger

    rows = [good_row(1), good_row(2)]
    rows[1][3] = ""
    path = text_ledger(tmp_path / "共用批注.xlsx", rows, dict(INFO, 反馈日期="不是日期"))
    wb = openpyxl.load_workbook(path)
    wb["整改台账"]["A1"].comment = openpyxl.comments.Comment("用户批注一", "张三")
    wb["基本信息"]["A1"].comment = openpyxl.comments.Comment("用户批注二", "李四")
    wb.save(path)
    rels = "xl/worksheets/_rels/sheet2.xml.rels"
    rewrite(
        path,
        {
            rels: lambda x: x.replace(b"comment2.xml", b"comment1.xml").replace(
                b"commentsDrawing2.vml", b"commentsDrawing1.vml"
            )
        },
    )
    before = sha(path)
    out = tmp_path / "标注.xlsx"
    r = run_limited(["check", str(path), "--mark", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "整改台账!D3" in text, text  # the check itself is printed
    assert "工作表“整改台账”和“基本信息”的批注存在同一部分 xl/comments/comment1.xml" in text
    assert not out.exists() and sha(path) == before


def test_the_web_page_lists_at_most_its_limit_with_the_whole_counts(tmp_path):
    """The 120,000-row ledger uploaded to ``ledger-tools web``: the answer carried all 840,000
    findings (222 MB of JSON for the browser to draw as table rows; 71 s, the server at
    1.5 GB). The page lists the first 10,000 now, with the whole counts and a note; here
    15,000 rows (105,000 findings)."""
    from test_web_attack import Server

    from ledger_tools.web.service import PAGE_FINDINGS

    ledger = _numbers_and_problems(tmp_path / "读错的台账.xlsx", 15_000)
    server = Server()
    try:
        res = server.post("api/upload", files={"file": (ledger.name, ledger.read_bytes())})
    finally:
        server.stop()
    assert res.status_code == 200, res.text[:500]
    page = res.json()
    assert len(page["findings"]) == PAGE_FINDINGS and page["findings_total"] == 105_000
    assert page["counts"]["error"] == 90_000 and page["counts"]["warning"] == 15_000
    assert not page["ok"]
    assert f"问题共 105,000 处，页面只列出前 {PAGE_FINDINGS:,} 处" in page["verdict"]
    assert len(res.content) < 10_000_000
