"""The sixth attack run: what the first five did not try. Templates whose for/if blocks nest
deeper than Python compiles, templates that build a live field code (INCLUDETEXT, DDEAUTO)
from expressions instead of writing it, ranges that openpyxl multiplies when ``diff --mark``
copies a workbook (a hyperlink over a whole sheet, a million ranges in one ``sqref``, a million
page breaks), a merge folder nested a thousand deep, a ledger whose every row names another
department for ``duban``, and runs of the same command writing the same output at the same
time. Each file is built for real and run through the real command in a child process under
a 2 GB address-space limit (``hostile_files.run_limited``). The attacks of this run that
needed no change are listed in docs/攻击测试记录.md (第六轮攻击测试)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import good_row
from hostile_files import LEDGER_PART, base_ledger, rewrite, run_limited, template_with
from test_attack3 import DAY, LATE, clean, sha, text_ledger
from test_excel import CHECK_DAY, excel  # noqa: F401 - the fixture, used by name

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"


# ---------------------------------------------------------------------------------------------
# Templates: blocks nested deeper than Python compiles


@pytest.mark.parametrize(
    "body",
    [
        "".join(f"{{% for i{i} in [1] %}}" for i in range(30)) + "x" + "{% endfor %}" * 30,
        "{% if 1 %}" * 200 + "x" + "{% endif %}" * 200,
    ],
    ids=["30-nested-for", "200-nested-if"],
)
def test_blocks_nested_deeper_than_python_compiles_are_a_template_error(tmp_path, body):
    """Jinja parses them; Python's compiler refuses the code Jinja makes of them (“too many
    statically nested blocks”, “too many levels of indentation”): ``plan --template`` ended in
    意外问题（SyntaxError / IndentationError）, ``templates check`` said nothing."""
    template = template_with(tmp_path / "嵌套.docx", body)
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "嵌套层数过多" in text and template.name in text, text
    assert "SyntaxError" not in text and not out.exists()
    r = run_limited(["templates", "check", str(template)])
    text = clean(r)
    assert r["code"] == 2 and "嵌套层数过多" in text and "。。" not in text, text


# ---------------------------------------------------------------------------------------------
# Templates: a live field built by expressions

_BEGIN = '</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>'


def _instr(text: str) -> str:
    return f"<w:r><w:instrText>{text}</w:instrText></w:r>"


BUILT_FIELDS = {
    # a simple field whose name is joined from two strings: the source shows no INCLUDETEXT
    "simple": (
        "{{ ('</w:t></w:r><w:fldSimple w:instr=\"INCLU' ~ 'DETEXT /etc/passwd\">"
        "<w:r><w:t>x</w:t></w:r></w:fldSimple><w:r><w:t>')|safe }}",
        "INCLUDETEXT /etc/passwd",
    ),
    # a complex field, its instruction split over two runs and three strings
    "complex": (
        "{{ ('"
        + _BEGIN
        + _instr("INC")
        + _instr("' ~ 'LUDE' ~ 'TEXT /etc/hosts")
        + _END
        + "')|safe }}",
        "INCLUDETEXT /etc/hosts",
    ),
    # another prefix for Word's namespace: the source's w:-only patterns do not see it
    "prefix": (
        "{{ ('</w:t></w:r><x:fldSimple xmlns:x=\"http://schemas.openxmlformats.org/"
        'wordprocessingml/2006/main" x:instr="INCLUDEPICTURE http://example.invalid/a.png"/>'
        "<w:r><w:t>')|safe }}",
        "INCLUDEPICTURE http://example.invalid/a.png",
    ),
    # DDEAUTO nested in an IF: the outer instruction starts with IF
    "nested": (
        "{{ ('"
        + _BEGIN
        + _instr("IF 1 = 1 ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + _instr("DDE' ~ 'AUTO cmd.exe")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _END
        + "')|safe }}",
        "DDEAUTO cmd.exe",
    ),
}


@pytest.mark.parametrize("name", list(BUILT_FIELDS))
def test_a_live_field_built_by_the_template_is_refused(tmp_path, name):
    """Round four empties the instruction of INCLUDETEXT, DDEAUTO… written in a template's
    source before it is compiled. A template that builds one from expressions (``'INCLU' ~
    'DETEXT'|safe``), or writes it with another namespace prefix, passed: the 公文 carried an
    INCLUDETEXT of /etc/passwd that Word reads when the field is updated. The rendered
    output is now followed field by field, and such a field stops the render."""
    body, instruction = BUILT_FIELDS[name]
    template = template_with(tmp_path / "域.docx", body)
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and instruction in text and "域代码" in text, text
    assert template.name in text and not out.exists(), text
    r = run_limited(["templates", "check", str(template)])
    assert r["code"] == 2 and instruction in clean(r), r["out"]


def test_a_page_field_built_by_the_template_is_kept(tmp_path):
    body = "{{ ('" + _BEGIN + _instr(" PAGE ") + _END + "')|safe }}"
    template = template_with(tmp_path / "页码.docx", body)
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out)])
    assert r["code"] == 0, r["out"]
    assert "PAGE" in zipfile.ZipFile(out).read("word/document.xml").decode()


# ---------------------------------------------------------------------------------------------
# diff --mark: ranges openpyxl multiplies


def _sheet_tail(path: Path, xml: bytes, part: str = LEDGER_PART) -> Path:
    base_ledger(path)
    rewrite(path, {part: lambda x: x.replace(b"</worksheet>", xml + b"</worksheet>")})
    return path


def _million_ranges(tag: bytes) -> bytes:
    return b" ".join(b"N%d" % i for i in range(1, 1_000_001)).join(tag.split(b"@"))


RANGES = {
    # openpyxl gives each cell of a hyperlink's range its own copy of the link: 17 billion
    "hyperlink": (
        LEDGER_PART,
        b'<hyperlinks><hyperlink ref="A1:XFD1048576" location="A1"/></hyperlinks>',
        "超链接覆盖的单元格有 17,179,869,184 个",
    ),
    # the same on a sheet the ledger does not read
    "hyperlink-other-sheet": (
        "xl/worksheets/sheet2.xml",
        b'<hyperlinks><hyperlink ref="A1:XFD1048576" location="A1"/></hyperlinks>',
        "xl/worksheets/sheet2.xml",
    ),
    # one data validation listing a million ranges (a 2 MB file: 23 s and 430 MB)
    "sqref": (
        LEDGER_PART,
        b'<dataValidations count="1"><dataValidation type="list" sqref="@">'
        b'<formula1>"a,b"</formula1></dataValidation></dataValidations>',
        "单元格区域有 1,000,000 个",
    ),
    # a million manual page breaks (2.4 MB: 33 s and 1.5 GB)
    "page-breaks": (
        LEDGER_PART,
        b'<rowBreaks count="1000000" manualBreakCount="1000000">'
        + b"".join(b'<brk id="%d" max="16383" man="1"/>' % i for i in range(1, 1_000_001))
        + b"</rowBreaks>",
        "1,000,000 个分页符",
    ),
}


@pytest.mark.parametrize("name", list(RANGES))
def test_diff_mark_refuses_ranges_openpyxl_would_multiply(tmp_path, name):
    """Round two counted the comments, hyperlinks, conditional formats and data validations
    openpyxl copies one by one, not what one of them stands for: a hyperlink over a whole
    sheet in a 7 KB file ran ``diff --mark`` out of memory (1.8 GB under the limit, 意外 on
    a machine without one); a million ranges in one ``sqref`` or a million page breaks took
    half a minute and up to 1.5 GB. Refused before openpyxl reads the file; ``check --mark``
    (which copies the parts as they are) and ``diff`` without ``--mark`` are unaffected."""
    part, xml, said = RANGES[name]
    if b"@" in xml:
        xml = _million_ranges(xml)
    path = _sheet_tail(tmp_path / "范围.xlsx", xml, part)
    before = sha(path)
    out = tmp_path / "对比.xlsx"
    r = run_limited(["diff", str(path), str(path), *DAY, "--mark", str(out)])
    text = clean(r)
    assert r["code"] == 2 and said in text and "--mark" in text and path.name in text, text
    assert r["peak"] < 300 and not out.exists(), r["peak"]
    r = run_limited(["diff", str(path), str(path), *DAY])
    assert r["code"] == 0, clean(r)
    r = run_limited(["check", str(path), *DAY, "--mark", str(tmp_path / "标注.xlsx")])
    assert r["code"] == 0 and r["peak"] < 400, clean(r)
    assert sha(path) == before


def test_ordinary_ranges_are_still_copied(tmp_path):
    """A few range hyperlinks and a validation over a few ranges: the copy is made."""
    xml = (
        b'<dataValidations count="1"><dataValidation type="list" sqref="J2:J4 K2 L2:L9">'
        b'<formula1>"a,b"</formula1></dataValidation></dataValidations>'
        b'<hyperlinks><hyperlink ref="A2:B3" location="A1"/></hyperlinks>'
    )
    path = _sheet_tail(tmp_path / "正常.xlsx", xml)
    out = tmp_path / "对比.xlsx"
    r = run_limited(["diff", str(path), str(path), *DAY, "--mark", str(out)])
    assert r["code"] == 0 and out.exists(), clean(r)


# ---------------------------------------------------------------------------------------------
# merge: a folder nested deeper than recursion goes


def _nested(folder: Path, depth: int) -> Path:
    """``folder/a/a/…/a`` ``depth`` levels deep (made relative to the current level: the
    full path of the deepest may be longer than the system takes), a ledger at the bottom."""
    folder.mkdir()
    here = os.getcwd()
    try:
        os.chdir(folder)
        for _ in range(depth):
            os.mkdir("a")
            os.chdir("a")
        Path("深处.xlsx").write_bytes(EXAMPLE.read_bytes())
    finally:
        os.chdir(here)
    (folder / "上层.xlsx").write_bytes(EXAMPLE.read_bytes())
    return folder


def _remove_nested(folder: Path, depth: int) -> None:
    """Take the tree down level by level from the bottom (relative paths): pytest's clean-up of
    old temporary folders in a later run recurses once per level and would end in
    RecursionError on it."""
    here = Path.cwd()
    try:
        os.chdir(folder)
        for _ in range(depth):
            os.chdir("a")
        for _ in range(depth):
            for name in os.listdir("."):
                os.remove(name)
            os.chdir("..")
            os.rmdir("a")
    finally:
        os.chdir(here)


@pytest.mark.parametrize(("depth", "units"), [(1100, 2), (2100, 1)], ids=["1100", "2100"])
def test_merge_walks_a_folder_nested_a_thousand_deep(tmp_path, depth, units):
    """``Path.rglob`` recursed once per level: a folder nested 1,100 deep ended ``merge`` in
    意外问题（RecursionError）. Now walked with a list; a folder whose path is longer than the
    system takes (2,100 levels) is listed in 未能读取 and the rest is merged."""
    folder = _nested(tmp_path / "各单位", depth)
    out = tmp_path / "汇总台账.xlsx"
    try:
        r = run_limited(["merge", str(folder), "-o", str(out), *DAY, "--jobs", "1"])
    finally:
        _remove_nested(folder, depth)
    text = clean(r)
    assert r["code"] == 0 and f"读取 {units} 个单位" in text and out.exists(), text[-600:]
    if units == 1:
        assert "路径太长" in text and "未能读取" in text, text[-600:]


# ---------------------------------------------------------------------------------------------
# duban: a document per department


def test_duban_refuses_more_notices_than_a_ledger_has_departments(tmp_path):
    """2,000 late measures each naming another 责任部门 (a 110 KB file, or a column read as
    the wrong one) made 2,000 督办通知: 85 s of CPU and 80 MB, with ``--pdf`` a LibreOffice
    run each. More than 500 are refused before anything is written."""
    rows = [good_row(i, 责任部门=f"部门{i}", 牵头部门=f"部门{i}", **LATE) for i in range(1, 502)]
    path = text_ledger(tmp_path / "部门.xlsx", rows)
    folder = tmp_path / "督办"
    r = run_limited(["duban", str(path), *DAY, "-o", str(folder)])
    text = clean(r)
    assert r["code"] == 2 and "共 501 个" in text and "500" in text and "读取方式" in text, text
    assert not folder.exists()


# ---------------------------------------------------------------------------------------------
# The same output written by runs at the same time


def _together(commands: list[list[str]]) -> list[tuple[int, str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "ledger_tools", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        for args in commands
    ]
    results = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        results.append((p.returncode, out.decode()))
    return results


@pytest.mark.parametrize(
    "make",
    [
        lambda o: ["merge", str(EXAMPLE), "-o", str(o / "汇总台账.xlsx"), *DAY, "--jobs", "1"],
        lambda o: ["new", str(o / "汇总台账.xlsx")],
    ],
    ids=["merge", "new"],
)
def test_runs_at_the_same_time_do_not_overwrite_each_other(tmp_path, make):
    """Four ``merge -o 汇总台账.xlsx`` started together all said 已生成: each had looked for
    the file before the others wrote it, then replaced it — without --force. ``new`` the
    same. Now one is written; the others say it exists and name --force."""
    results = _together([make(tmp_path) for _ in range(4)])
    done = [out for code, out in results if code == 0]
    refused = [out for code, out in results if code == 2]
    assert len(done) == 1 and len(refused) == 3, results
    for out in refused:
        assert "已存在" in out and "--force" in out and "意外" not in out, out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["汇总台账.xlsx"]


def test_a_duban_run_that_fails_does_not_remove_another_runs_notices(tmp_path):
    """Four ``duban -o 督办`` at the same time: one wrote its 督办通知, the others found them
    there and failed — and on failing removed every 督办通知 of the folder they had not seen
    at their start, the first run's included: a folder with only 督办汇总.xlsx was left,
    the first run having said it had written them. A failing run now removes only what it
    wrote itself."""
    folder = tmp_path / "督办"
    results = _together([["duban", str(EXAMPLE), *DAY, "-o", str(folder)] for _ in range(4)])
    assert sum(code == 0 for code, _ in results) == 1, results
    done = next(out for code, out in results if code == 0)
    written = [line.rsplit("→ ", 1)[1] for line in done.splitlines() if "→ " in line]
    assert written and all(Path(w).is_file() for w in written), (written, done)
    assert (folder / "督办汇总.xlsx").is_file()
    assert not [p for p in folder.iterdir() if p.name.startswith(".~")]
    for code, out in results:
        assert code in (0, 2) and "意外" not in out and "--overwrite" not in out, out


# ---------------------------------------------------------------------------------------------
# Quadratic patterns: formulas filled down a column, a template's field begins


def _filled_down(path: Path, cells: int, length: int) -> Path:
    """A ledger with a formula of ``length`` characters filled down column Z of ``cells``
    rows below it, as Excel saves it: the first cell holds the formula (a shared formula),
    each of the others ``<f t="shared" si="0"/>``."""
    base_ledger(path)
    formula = "+".join(["A1"] * (length // 3)).encode()
    last = cells + 5
    rows = [
        b'<row r="5"><c r="Z5"><f t="shared" ref="Z5:Z%d" si="0">%s</f><v>1</v></c></row>'
        % (last, formula)
    ]
    rows += [
        b'<row r="%d"><c r="Z%d"><f t="shared" si="0"/><v>1</v></c></row>' % (i, i)
        for i in range(6, last + 1)
    ]

    def change(x: bytes) -> bytes:
        x = x.replace(b"</sheetData>", b"".join(rows) + b"</sheetData>", 1)
        return x.replace(b'<dimension ref="A1:M4"/>', b'<dimension ref="A1:Z%d"/>' % last)

    rewrite(path, {LEDGER_PART: change})
    return path


def test_a_formula_filled_down_a_column_is_read_in_linear_time(tmp_path):
    """The scan for formula cells matched a self-closing ``<f … />`` only after its other
    branch had looked to the end of the 4 MB chunk for a ``</f>``: quadratic in the cells of
    a filled-down formula (how Excel saves one). 3,000 of them took 7.7 s instead of about
    one, 20,000 (a 108 KB file) did not finish within five minutes; ``check``, ``stats``,
    every document command read the ledger so."""
    path = _filled_down(tmp_path / "公式.xlsx", 20_000, 3_000)
    for args in (["check", str(path), *DAY], ["stats", str(path), *DAY]):
        r = run_limited(args, timeout=90)  # minutes before: a bound for the hang
        assert r["code"] == 0, clean(r)


def test_diff_mark_refuses_a_long_formula_filled_down_many_cells(tmp_path):
    """openpyxl writes each cell of a shared formula out by tokenizing the first cell's
    formula again: the same file took ``diff --mark`` 79 s and 355 MB. Refused before it
    starts; an ordinary filled-down formula is copied as before."""
    path = _filled_down(tmp_path / "公式.xlsx", 20_000, 3_000)
    out = tmp_path / "对比.xlsx"
    r = run_limited(["diff", str(path), str(path), *DAY, "--mark", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "共享公式" in text and "59,980,000" in text, text
    assert not out.exists()
    fine = _filled_down(tmp_path / "正常.xlsx", 2_000, 60)
    r = run_limited(["diff", str(fine), str(fine), *DAY, "--mark", str(out)])
    assert r["code"] == 0 and out.exists(), clean(r)


def test_a_template_of_field_begins_without_ends_is_read_in_linear_time(tmp_path):
    """The pattern that finds a field from its begin to its separate/end looked to the end of
    the part for every begin that has none: 100,000 of them (a 660 KB template) did not
    finish within two minutes. Now only the part before the last separate/end is searched.
    80,000 here: 100,000 (8.8 million characters) are now over the limit on one part of a
    template (第十三轮攻击测试)."""
    template = template_with(tmp_path / "域.docx", "x")
    piece = b"".join(
        b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>%d</w:instrText></w:r>' % i
        for i in range(80_000)
    )
    rewrite(
        template,
        {
            "word/document.xml": lambda x: x.replace(
                b"</w:body>", b"<w:p>" + piece + b"</w:p></w:body>"
            )
        },
    )
    out = tmp_path / "方案.docx"
    r = run_limited(
        ["plan", str(EXAMPLE), "--template", str(template), "-o", str(out)], timeout=120
    )
    assert r["code"] == 0 and out.exists(), clean(r)[-300:]


# ---------------------------------------------------------------------------------------------
# The Excel buttons: a sheet whose used range is far larger than its content


def _with_far_sheet(path: Path, name: str) -> Path:
    """``messy_ledger`` plus a sheet ``name`` with a value in Z30 (its used range A1:Z30)."""
    import openpyxl
    from test_excel import messy_ledger

    messy_ledger(path)
    wb = openpyxl.load_workbook(path)
    ws = wb[name] if name in wb.sheetnames else wb.create_sheet(name)
    ws["Z30"] = "很远的一格"
    wb.save(path)
    return path


def test_the_excel_check_passes_over_a_far_too_large_sheet_it_does_not_need(
    excel,  # noqa: F811 - the fixture
    tmp_path,
    monkeypatch,
):
    """The buttons read every sheet's whole used range from Excel, cell by cell: a draft sheet
    with one value in XFD1048576 (or borders set down whole columns) is 17 billion cells, and
    Excel stops answering. A sheet past ``MAX_LIVE_CELLS`` is now passed over with a note,
    or refused by name when the ledger needs it. (Here the limit is lowered to the size of
    a small sheet, on real xlwings books: Excel itself cannot run here, see test_excel.)"""
    import ledger_tools.excel as lx

    monkeypatch.setattr(lx, "MAX_LIVE_CELLS", 26 * 29)
    state = excel(_with_far_sheet(tmp_path / "台账.xlsx", "草稿"))
    report = lx.check_book(state.book(), CHECK_DAY)
    notes = [f.message for f in report.findings if f.rule == "excel-sheet-too-large"]
    assert len(notes) == 1 and "“草稿”（已用区域到 Z30）" in notes[0], notes
    assert report.errors  # the ledger itself was checked as before (messy_ledger's errors)


def test_the_excel_check_names_a_far_too_large_sheet_the_ledger_needs(
    excel,  # noqa: F811 - the fixture
    tmp_path,
    monkeypatch,
):
    import ledger_tools.excel as lx
    from ledger_tools.errors import LedgerToolsError

    monkeypatch.setattr(lx, "MAX_LIVE_CELLS", 26 * 29)
    state = excel(_with_far_sheet(tmp_path / "台账.xlsx", "整改台账"))
    with pytest.raises(LedgerToolsError) as caught:
        lx.check_book(state.book(), CHECK_DAY)
    message = str(caught.value)
    assert "“整改台账”" in message and "Z30" in message and "ledger-tools check" in message


# ---------------------------------------------------------------------------------------------
# Templates: a mail merge data source


def test_a_templates_mail_merge_data_source_is_not_carried_into_the_document(tmp_path):
    """A template whose settings hold a mail merge (a connection string to a workbook on the
    clerk's disk, an SQL query, the data source as an external relationship): carried into
    every 公文, where Word connects and runs the query when the document is opened. The
    settings are dropped and the relationship points nowhere."""
    template = template_with(tmp_path / "合并.docx", "{{ 标题 }}")
    rels = "word/_rels/settings.xml.rels"
    rel = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rIdMM" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/mailMergeSource" '
        'Target="file:///C:/secret.xlsx" TargetMode="External"/></Relationships>'
    )
    merge = (
        b'<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:linkToQuery/>'
        b'<w:dataType w:val="native"/><w:connectString w:val="Provider=Microsoft.ACE.OLEDB.12.0;'
        b'Data Source=C:\\secret.xlsx"/><w:query w:val="SELECT * FROM `Sheet1$`"/>'
        b'<w:dataSource r:id="rIdMM"/></w:mailMerge>'
    )
    rewrite(
        template,
        {
            "word/settings.xml": lambda x: x.replace(
                b"<w:defaultTabStop", merge + b"<w:defaultTabStop", 1
            )
        },
        extra=[(rels, rel.encode())],
    )
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out)])
    assert r["code"] == 0, clean(r)
    with zipfile.ZipFile(out) as z:
        settings = z.read("word/settings.xml").decode()
        assert "mailMerge" not in settings and "secret" not in settings
        assert "secret" not in z.read(rels).decode()


# ---------------------------------------------------------------------------------------------
# One long text referred to by many cells


def _repeated(path: Path, rows: int, text: str) -> Path:
    """A ledger whose 问题 and 整改措施 cells of ``rows`` rows all hold ``text``: one shared
    string, as Excel saves a text pasted down a column."""
    return text_ledger(path, [good_row(i, 问题=text, 整改措施=text) for i in range(1, rows + 1)])


def test_one_long_text_referred_to_by_many_cells_is_refused_before_it_is_read(tmp_path):
    """The shared strings table holds a 32,000-character text once; 10,000 cells refer to it
    (a 205 KB file). Each reference became its own copy, in calamine and again in Python:
    ``check`` aborted under the 2 GB limit with Rust's “memory allocation … failed” (exit
    250, English), ``plan`` took 1.6 GB and 55 s. Refused now before calamine reads it."""
    path = _repeated(tmp_path / "重复.xlsx", 5_000, "问题表现" * 8_000)
    before = sha(path)
    for args in (["check", str(path), *DAY], ["stats", str(path), *DAY]):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and "10,000 个单元格引用了很长的共享文字" in text, text
        assert "整改台账" in text and path.name in text and r["peak"] < 300, (r["peak"], text)
    assert sha(path) == before


def test_long_texts_each_used_once_are_read(tmp_path):
    """Long texts that are each their own (the table as large as the text read): read."""
    rows = [good_row(i, 问题=f"问题{i}" + "表现" * 3_000) for i in range(1, 201)]
    path = text_ledger(tmp_path / "长文字.xlsx", rows)
    r = run_limited(["check", str(path), *DAY])
    assert r["code"] in (0, 1) and "共享文字" not in clean(r), r["out"]
