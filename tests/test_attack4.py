"""The fourth attack run: the leftovers of the third (a cell placed beyond the last row with
as many digits as the real rows, a million blank inline-text rows, line breaks in file names,
connections that never send their headers to ``web``) and new classes: zip parts named
outside the package, style sheets beyond Excel's limits, VBA and Excel 4.0 macros, live field
codes in a Word template, symlinked outputs, Unicode tricks, hostile PDFs. Each file is built
for real and run through the real command in a child process under a 2 GB address-space
limit (``hostile_files.run_limited``: exit code, output, peak RSS from ``ru_maxrss``)."""

from __future__ import annotations

import random
import re
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import good_row
from hostile_files import LEDGER_PART, base_ledger, rewrite, run_limited, template_with
from test_attack3 import DAY, LATE, clean, sha, text_ledger

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"


# ---------------------------------------------------------------------------------------------
# A cell placed beyond the last row, with as many digits as the rows


def test_a_cell_beyond_the_last_row_with_as_many_digits_is_refused(tmp_path):
    """Rows 1–10,001, one cell of the last row written ``SZ99999``: the scan looked only for
    references with more digits than the rows, calamine built a 99,999 × 520 grid for it
    (check: 2.0 GB, 25 s) and the cell was read silently. In 200 rows, ``B999`` showed a
    heading row 999 that the file does not have."""
    big = base_ledger(tmp_path / "同位数.xlsx", n=10_000)
    rewrite(big, {LEDGER_PART: lambda x: x.replace(b'<c r="A10001"', b'<c r="SZ99999"', 1)})
    small = base_ledger(tmp_path / "小.xlsx", n=199)
    rewrite(small, {LEDGER_PART: lambda x: x.replace(b'<c r="B200"', b'<c r="B999"', 1)})
    before = sha(big)
    for path, ref, top in ((big, "SZ99999", "10,001"), (small, "B999", "200")):
        for args in (
            ["check", str(path), *DAY],
            ["check", str(path), "--mark", str(tmp_path / "标注.xlsx"), *DAY],
            ["stats", str(path), *DAY],
            ["diff", str(path), str(path), *DAY],
        ):
            r = run_limited(args)
            text = clean(r)
            assert r["code"] == 2 and ref in text and f"到第 {top} 行为止" in text, (args, text)
            assert path.name in text and r["peak"] < 300, (r["peak"], text)
    assert not (tmp_path / "标注.xlsx").exists() and sha(big) == before


def test_a_cell_with_a_smaller_position_than_the_last_row_is_still_read(tmp_path):
    """Only positions beyond every row are refused: a real ledger of 10,001 rows, and one
    whose row numbers have one digit more than a cell's (row 10 after row 9), read as ever."""
    path = base_ledger(tmp_path / "正常.xlsx", n=12)
    r = run_limited(["check", str(path), *DAY])
    assert r["code"] == 0 and "没有发现问题" in clean(r), r["out"]


# ---------------------------------------------------------------------------------------------
# A million rows of blank inline text


def _blank_rows(path: Path, shared: bool, rows: int = 1_048_576) -> Path:
    base_ledger(path)
    sst = zipfile.ZipFile(path).read("xl/sharedStrings.xml")
    blank = len(re.findall(rb"<si>", sst))  # a blank text added at the end of the table
    if shared:
        cell = b'<c r="%%s%%d" t="s"><v>%d</v></c>' % blank
    else:
        cell = b'<c r="%s%d" t="inlineStr"><is><t></t></is></c>'
    body = b"".join(
        b'<row r="%d">' % i + cell % (b"A", i) + cell % (b"B", i) + b"</row>"
        for i in range(5, rows + 1)
    )
    rewrite(
        path,
        {
            LEDGER_PART: lambda x: x.replace(b"</sheetData>", body + b"</sheetData>", 1),
            "xl/sharedStrings.xml": lambda x: re.sub(
                rb'uniqueCount="\d+"', b'uniqueCount="%d"' % (blank + 1), x
            ).replace(b"</sst>", b"<si><t></t></si></sst>"),
        },
    )
    return path


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_million_rows_of_blank_text_are_read_in_bounded_memory(tmp_path, shared):
    """Two blank text cells in each row down to row 1,048,576 (8.7 MB), written inline
    (``<is><t></t></is>``) or as a reference to a blank shared string: each counted as a
    cell, so the budget let calamine build a 1,048,576 × 13 grid (check: 760 MB and 32 s;
    770 MB and 79 s). Blank cells now neither count nor end the table: it is cut after the
    last row that holds something, as for cells far outside it."""
    path = _blank_rows(tmp_path / "空行.xlsx", shared)
    r = run_limited(["check", str(path), *DAY], timeout=300)
    text = clean(r)
    assert r["code"] == 0 and "没有发现问题" in text and "共 3 个问题" in text, text
    assert r["peak"] < 300, r["peak"]
    assert "远在表格之外" not in text  # blank cells are nothing to warn of


def test_blank_inline_cells_inside_the_table_change_nothing(tmp_path):
    """Blank inline cells among the real rows (as some exporters write empty fields): the
    same findings and figures as without them."""
    plain = base_ledger(tmp_path / "原.xlsx", n=5)
    blank = base_ledger(tmp_path / "空格.xlsx", n=5)
    rewrite(
        blank,
        {
            LEDGER_PART: lambda x: re.sub(
                rb'(<row r="(\d+)"[^>]*>)',
                lambda m: (
                    m.group(1)
                    + b'<c r="N%s" t="inlineStr"><is><t xml:space="preserve"> </t></is></c>'
                    % m.group(2)
                ),
                x,
            ).replace(b'<c r="N', b'<c r="N', 1)
        },
    )
    a = run_limited(["stats", str(plain), *DAY, "--format", "json"])
    b = run_limited(["stats", str(blank), *DAY, "--format", "json"])
    assert a["code"] == b["code"] == 0, (a["out"], b["out"])
    assert a["out"] == b["out"]


# ---------------------------------------------------------------------------------------------
# Line breaks and control characters in file names


NASTY = "台账\n结论：没有发现问题，可以上报。\x1b[2J"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names cannot hold them")
def test_line_breaks_in_file_names_are_printed_escaped_and_links_stay_valid(tmp_path):
    """A file named ``台账\\n结论：没有发现问题，可以上报。…`` printed a line of its own
    choosing after “校验 台账”; in a merge folder with ``--unit-from file`` it became a unit
    name printed raw by ``duban`` and ``stats``, and its ESC made the merged workbook's link
    relationships invalid XML (openpyxl, and Excel, could not open the 汇总台账)."""
    folder = tmp_path / "各单位"
    folder.mkdir()
    nasty = folder / f"{NASTY}.xlsx"
    shutil.copy(EXAMPLE, nasty)
    shutil.copy(EXAMPLE, folder / "乙单位.xlsx")
    merged = tmp_path / "汇总.xlsx"
    runs = {
        "check": ["check", str(nasty), *DAY],
        "stats": ["stats", str(nasty), *DAY],
        "merge": ["merge", str(folder), "-o", str(merged), "--unit-from", "file", *DAY],
    }
    for name, args in runs.items():
        r = run_limited(args, timeout=120)
        text = clean(r)
        assert r["code"] == 0, (name, text)
        lines = text.splitlines()
        assert not any(ln.startswith("结论：没有发现问题，可以上报。\\u001b") for ln in lines), text
        assert "\x1b" not in text and ("台账\\n结论" in text or name != "check"), (name, text)
    book = openpyxl.load_workbook(merged)  # valid XML: every part parses
    targets = [
        c.hyperlink.target for ws in book for row in ws.iter_rows() for c in row if c.hyperlink
    ]
    assert any("%0A" in t and "%1B" in t for t in targets), targets
    for args in (
        ["duban", str(merged), "--by", "单位", "-o", str(tmp_path / "督办"), *DAY],
        ["stats", str(merged), "--by", "单位", *DAY],
    ):
        r = run_limited(args, timeout=120)
        text = clean(r)
        assert r["code"] == 0 and "台账\\n结论" in text, text
        assert not any(ln.startswith("结论：") for ln in text.splitlines()), text
    notices = [p.name for p in (tmp_path / "督办").iterdir()]
    assert not any("\n" in n or "\x1b" in n for n in notices), notices


# ---------------------------------------------------------------------------------------------
# web: connections that never finish their headers


def _web(**settings: float) -> tuple[subprocess.Popen, int]:
    code = "import ledger_tools.web.server as s\n"
    code += "".join(f"s.{k} = {v!r}\n" for k, v in settings.items())
    code += "from ledger_tools.cli import main\nmain()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "web", "--port", "0", "--no-browser"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    match = re.search(r"127\.0\.0\.1:(\d+)/\?token=(\S+)", proc.stdout.readline())
    assert match
    return proc, int(match.group(1))


def _closed_by_server(sock: socket.socket, wait: float) -> bool:
    sock.settimeout(wait)
    try:
        return sock.recv(100) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def test_web_closes_connections_that_never_finish_their_headers():
    """A connection that sends a header line now and then (slowloris), or nothing at all,
    was held open for ever by uvicorn (it only times out connections idle after an answer):
    a local process could hold every file descriptor of the page. Now the headers have a
    deadline (``server.HEADER_SECONDS``, 30 s; 2 s here) and at most ``MAX_CONNECTIONS``
    are open at once; the page answers normally throughout."""
    proc, port = _web(HEADER_SECONDS=2.0, MAX_CONNECTIONS=8)
    try:
        slow = socket.create_connection(("127.0.0.1", port))
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
        refused = sum(_closed_by_server(s, 0.5) for s in silent)
        assert refused >= 12, refused  # beyond the cap: closed at once
        dripping = True
        for _ in range(40):  # a header line every quarter second: never complete
            try:
                slow.sendall(b"X-Drip: 1\r\n")
            except OSError:
                dripping = False
                break
            time.sleep(0.25)
        assert not dripping or _closed_by_server(slow, 10)
        assert all(_closed_by_server(s, 10) for s in silent)
        with socket.create_connection(("127.0.0.1", port)) as ok:
            ok.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            ok.settimeout(10)
            assert ok.recv(100).startswith(b"HTTP/1.1 ")
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert "Traceback" not in err, err


# ---------------------------------------------------------------------------------------------
# Zip parts named outside the package


@pytest.mark.parametrize(
    "name", ["../../evil.txt", "/tmp/绝对.txt", "xl\\..\\..\\win.txt", "C:/x.txt"]
)
def test_zip_parts_named_outside_the_package_are_refused(tmp_path, name):
    """A part named ``../../evil.txt`` (or absolute, with a drive or backslashes) was read
    past and carried into the marked copy, where a careless unzip writes it outside its
    folder (zip slip). Ledgers, templates and imported Word files are refused, naming it."""
    ledger = base_ledger(tmp_path / "台账.xlsx")
    rewrite(ledger, {}, extra=[(name, b"x")])
    template = template_with(tmp_path / "模板.docx", "{{ 标题 }}")
    rewrite(template, {}, extra=[(name, b"x")])
    for args in (
        ["check", str(ledger), *DAY],
        ["check", str(ledger), "--mark", str(tmp_path / "标注.xlsx"), *DAY],
        ["diff", str(ledger), str(ledger), *DAY],
        [
            "plan",
            str(EXAMPLE),
            "--template",
            str(template),
            "-o",
            str(tmp_path / "方案.docx"),
            *DAY,
        ],
        ["import", str(template), "-o", str(tmp_path / "导入.xlsx")],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and f"“{name}”" in text and "压缩包以外" in text, (args, text)
    assert not list(tmp_path.glob("标注*")) and not (tmp_path / "方案.docx").exists()


# ---------------------------------------------------------------------------------------------
# Style sheets beyond Excel's limits


def test_a_style_sheet_of_a_million_formats_is_refused(tmp_path):
    """One million ``<xf>`` records (2.4 MB, within the size and ratio limits): check --mark
    took 29 s and 1.5 GB, diff --mark 300 s and 2.5 GB rebuilding them. Excel keeps at most
    65,490 cell formats; a style sheet of more than 200,000 records is refused when read."""
    path = base_ledger(tmp_path / "样式.xlsx")
    rnd = random.Random(4)

    def xfs(x: bytes) -> bytes:
        many = b"".join(
            b'<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0"/>' % rnd.randrange(1000)
            for _ in range(1_000_000)
        )
        return x.replace(b"</cellXfs>", many + b"</cellXfs>", 1)

    rewrite(path, {"xl/styles.xml": xfs})
    for args in (
        ["check", str(path), "--mark", str(tmp_path / "标注.xlsx"), *DAY],
        ["diff", str(path), str(path), "--mark", str(tmp_path / "对比.xlsx"), *DAY],
        ["merge", str(path), "-o", str(tmp_path / "汇总.xlsx"), *DAY],
    ):
        r = run_limited(args, timeout=120)
        text = clean(r)
        assert r["code"] == 2 and "65,490" in text and "xl/styles.xml" in text, (args, text)
        assert r["peak"] < 300, r["peak"]
    assert not list(tmp_path.glob("标注*")) and not list(tmp_path.glob("对比*"))
    normal = run_limited(["check", str(EXAMPLE), "--mark", str(tmp_path / "示例标注.xlsx"), *DAY])
    assert normal["code"] == 0 and "含有 VBA 宏" not in clean(normal)


# ---------------------------------------------------------------------------------------------
# Macros


_CT_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_CT_MACRO = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def _with_vba(path: Path, macro_sheet: bool = False) -> Path:
    """An .xlsm as Excel saves one: a VBA project, and with ``macro_sheet`` an Excel 4.0
    macro sheet run on opening (``Auto_Open`` → ``EXEC("calc.exe")``)."""
    base_ledger(path)
    rels = b'<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
    types = b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    extra = [("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)]
    sheet, names = b"", b""
    if macro_sheet:
        rels += b'<Relationship Id="rIdM" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet9.xml"/>'
        types += b'<Override PartName="/xl/macrosheets/sheet9.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/>'
        sheet = '<sheet name="宏1" sheetId="9" r:id="rIdM"/>'.encode()
        names = '<definedNames><definedName name="_xlnm.Auto_Open" hidden="1">宏1!$A$1</definedName></definedNames>'.encode()
        extra.append(
            (
                "xl/macrosheets/sheet9.xml",
                b'<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>'
                b'<row r="1"><c r="A1"><f>EXEC("calc.exe")</f></c></row></sheetData></xm:macrosheet>',
            )
        )
    rewrite(
        path,
        {
            "[Content_Types].xml": lambda x: x.replace(_CT_MAIN, _CT_MACRO).replace(b"</Types>", types + b"</Types>"),
            "xl/_rels/workbook.xml.rels": lambda x: x.replace(b"</Relationships>", rels + b"</Relationships>"),
            "xl/workbook.xml": lambda x: x.replace(b"</sheets>", sheet + b"</sheets>" + names),
        },
        extra=extra,
    )  # fmt: skip
    return path


def test_a_marked_copy_says_whether_it_kept_or_dropped_the_macros(tmp_path):
    """The marked and the comparison copy kept the VBA project in an .xlsm and dropped it
    from an .xlsx, but said nothing: the clerk opening the .xlsm copy was not told the macros
    came along."""
    path = _with_vba(tmp_path / "宏.xlsm")
    before = sha(path)
    for out, kept in (
        ("标注.xlsm", True),
        ("标注.xlsx", False),
        ("对比.xlsm", True),
        ("对比.xlsx", False),
    ):
        if out.startswith("标注"):
            r = run_limited(["check", str(path), "--mark", str(tmp_path / out), *DAY])
        else:
            r = run_limited(["diff", str(path), str(path), "--mark", str(tmp_path / out), *DAY])
        text = clean(r)
        assert r["code"] == 0 and f"含有 VBA 宏，{out[:2]}副本" in text, text
        assert ("原样保留了宏" in text) is kept and ("已去掉宏" in text) is not kept, text
        with zipfile.ZipFile(tmp_path / out) as z:
            has = any(n.lower().endswith("vbaproject.bin") for n in z.namelist())
            types = z.read("[Content_Types].xml")
        assert has is kept and (_CT_MACRO in types) is kept
    assert sha(path) == before


def test_an_excel4_macro_sheet_is_named_not_called_damaged(tmp_path):
    """A workbook with an Excel 4.0 macro sheet (EXEC on Auto_Open): calamine cannot read
    any of its sheets, and the clerk was told the file was damaged."""
    path = _with_vba(tmp_path / "宏表.xlsm", macro_sheet=True)
    for args in (
        ["check", str(path), *DAY],
        ["merge", str(path), "-o", str(tmp_path / "汇总.xlsx"), *DAY],
    ):
        r = run_limited(args)
        text = clean(r)
        assert "Excel 4.0 宏表" in text and "已损坏" not in text, (args, text)


# ---------------------------------------------------------------------------------------------
# Live field codes in a Word template


FIELDS = (
    '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;/etc/hostname&quot; "><w:r><w:t>甲</w:t>'
    "</w:r></w:fldSimple></w:p>"
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DD'
    '</w:instrText></w:r><w:r><w:instrText>EAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"'
    '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>乙</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
    'INCLUDEPICTURE "http://127.0.0.1:9/x.png" \\d </w:instrText></w:r><w:r><w:fldChar '
    'w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
    'PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t>'
    '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
).encode()


def test_live_field_codes_of_a_template_do_not_reach_the_document(tmp_path):
    """INCLUDETEXT "/etc/hostname", DDEAUTO (split over two runs), INCLUDEPICTURE from the
    network: links were pointed nowhere (second run), but field codes were carried into the
    公文, where Word updating fields reads the file, fetches the picture or offers to start
    cmd.exe. Their instructions are emptied, their shown text kept; PAGE stays."""
    template = template_with(tmp_path / "模板.docx", "{{ 标题 }}")
    rewrite(
        template, {"word/document.xml": lambda x: x.replace(b"<w:body>", b"<w:body>" + FIELDS, 1)}
    )
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(EXAMPLE), "--template", str(template), "-o", str(out), *DAY])
    assert r["code"] == 0, clean(r)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    for live in ("INCLUDETEXT", "DDE", "EAUTO", "INCLUDEPICTURE", "hostname", "cmd.exe"):
        assert live not in xml, live
    assert "PAGE" in xml and "甲" in xml and "乙" in xml


# ---------------------------------------------------------------------------------------------
# Symlinks where outputs go


def test_outputs_replace_a_symlink_never_write_through_it(tmp_path):
    """``督办汇总.xlsx``, a notice, a 汇总台账 and a marked copy that are symlinks to another
    file: with --force (or for --mark) the link itself is replaced, the file it pointed to
    is untouched."""
    victim = tmp_path / "别的文件.txt"
    victim.write_text("不能被改写")
    out = tmp_path / "督办"
    out.mkdir()
    ledger = text_ledger(tmp_path / "台账.xlsx", [good_row(1, 责任部门="办公室", **LATE)])
    links = [
        out / "督办汇总.xlsx",
        out / "督办通知-办公室.docx",
        tmp_path / "汇总.xlsx",
        tmp_path / "标注.xlsx",
    ]
    for link in links:
        link.symlink_to(victim)
    for args in (
        ["duban", str(ledger), "-o", str(out), "--force", *DAY],
        ["merge", str(ledger), "-o", str(tmp_path / "汇总.xlsx"), "--force", *DAY],
        ["check", str(ledger), "--mark", str(tmp_path / "标注.xlsx"), *DAY],
    ):
        r = run_limited(args)
        assert r["code"] in (0, 1), clean(r)
    assert victim.read_text() == "不能被改写"
    assert not any(link.is_symlink() for link in links)
    assert all(zipfile.is_zipfile(link) for link in links)


# ---------------------------------------------------------------------------------------------
# Unicode tricks in the cells


def test_unicode_tricks_in_cells_are_read_or_shown_as_escapes(tmp_path):
    """Full-width digits in 序号 and dates are read; a zero-width space at the end of a
    status is ignored; a joiner inside it, or a bidi override after a date, is an error whose
    message shows the character as an escape; a name in CJK Extension B and template syntax in
    a cell pass through as text (never evaluated)."""
    rows = [
        good_row(
            1,
            整改时限="２０２４年６月３０日",
            整改状态="已完成\u200b",
            问题="问题{{ 7*7 }}{% raw %}",
        ),
        good_row(2, 整改时限="2024年6月30日\u202e", 责任人="𠀀𠀁"),
        good_row(3, 整改状态="已\u200d完成"),
    ]
    rows[0][0], rows[1][0] = "１", "２"
    path = text_ledger(tmp_path / "字符.xlsx", rows)
    r = run_limited(["check", str(path), *DAY])
    text = clean(r)
    assert r["code"] == 1 and "共 3 个问题" in text, text
    assert "“2024年6月30日\\u202e”" in text and "“已\\u200d完成”" in text, text
    assert "\u202e" not in text and "\u200d" not in text
    errors = [ln for ln in text.splitlines() if ln.startswith("  整改台账!")]
    assert len(errors) == 2, errors  # K2 (full-width) and J2 (zero-width space) are fine
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(path), "-o", str(out), "--force", *DAY])
    assert r["code"] == 0, clean(r)
    import docx

    document = docx.Document(str(out))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("问题{{ 7*7 }}{% raw %}" in c for c in cells)
    assert any("𠀀𠀁" in c for c in cells)


# ---------------------------------------------------------------------------------------------
# Hostile PDFs for import


def _pdf(path: Path, pages: int, script: bool = False) -> Path:
    content = b"BT /F1 12 Tf 72 720 Td (Page) Tj ET"
    catalog = b"<< /Type /Catalog /Pages 2 0 R"
    if script:  # JavaScript run on opening, and an embedded program
        catalog += (
            b" /OpenAction << /S /JavaScript /JS (app.launchURL\\('http://127.0.0.1:9/'\\);) >>"
            b" /Names << /EmbeddedFiles << /Names [(evil.exe) << /Type /Filespec /F (evil.exe)"
            b" /EF << /F 4 0 R >> >>] >> >>"
        )
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages)).encode()
    objs = [
        catalog + b" >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objs += [page] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_hostile_pdfs_are_imported_in_bounded_time_and_memory(tmp_path):
    """A PDF that runs JavaScript on opening and carries an embedded program, and one of
    10,000 pages: pdftotext runs neither, and both end with the Chinese answer that no
    problem was found, in bounded memory."""
    for path in (_pdf(tmp_path / "脚本.pdf", 2, script=True), _pdf(tmp_path / "万页.pdf", 10_000)):
        r = run_limited(["import", str(path), "-o", str(tmp_path / "导入.xlsx")], timeout=180)
        text = clean(r)
        # a page of a few words is refused plainly: nothing read, or a scan with no text layer
        said = "没有识别出任何问题" in text or "无法读取其中的文字" in text
        assert r["code"] == 2 and said and path.name in text, text
        assert r["peak"] < 500, r["peak"]
    assert not (tmp_path / "导入.xlsx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_pdf_conversion_of_a_hostile_template_fetches_nothing(tmp_path):
    """A template whose fields include a local file and a picture from a (local) web server,
    with a linked picture and an attached template on that server: ``--pdf`` (LibreOffice)
    sends no request and the PDF holds no text of the file."""
    import http.server
    import threading

    hits: list[str] = []

    class Record(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Record)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    secret = tmp_path / "机密.txt"
    secret.write_text("SECRET-7319 本机文件内容", encoding="utf-8")
    fields = FIELDS.replace(b"/etc/hostname", str(secret).encode()).replace(
        b"http://127.0.0.1:9", base.encode()
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    links = (
        f'<Relationship Id="rId990" Type="{rel}image" Target="{base}/linked.png" TargetMode="External"/>'
    ).encode()
    settings = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{rel}attachedTemplate" Target="{base}/evil.dotm" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    template = template_with(tmp_path / "模板.docx", "{{ 标题 }}")
    rewrite(
        template,
        {
            "word/document.xml": lambda x: x.replace(b"<w:body>", b"<w:body>" + fields, 1),
            "word/_rels/document.xml.rels": lambda x: x.replace(b"</Relationships>", links + b"</Relationships>"),
            "word/settings.xml": lambda x: x.replace(b"<w:zoom", b'<w:attachedTemplate r:id="rId1"/><w:zoom', 1),
        },
        [("word/_rels/settings.xml.rels", settings)],
    )  # fmt: skip
    out = tmp_path / "方案.docx"
    try:
        r = run_limited(
            ["plan", str(EXAMPLE), "--template", str(template), "-o", str(out), "--pdf", *DAY],
            timeout=300,
        )
    finally:
        server.shutdown()
    assert r["code"] == 0, clean(r)
    text = subprocess.run(
        ["pdftotext", str(out.with_suffix(".pdf")), "-"], capture_output=True, text=True
    ).stdout
    assert hits == [] and "SECRET-7319" not in text and "甲" in text, (hits, text[:300])
