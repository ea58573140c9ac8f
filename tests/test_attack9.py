"""The ninth attack run: what the first eight did not try. Documents to import that are cheap
to make and dear to read: millions of one-character lines or paragraphs (refused only after
every one had been built into a paragraph), and files of gigabytes (read whole before their
size was looked at). Each file is built for real and run through the real command in a child
process under a 2 GB address-space limit (``hostile_files.run_limited``). The attacks of this
run that needed no change are listed in docs/攻击测试记录.md (第九轮攻击测试)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hostile_files import _DOC, base_docx, rewrite, run_limited
from test_attack3 import clean

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------------------------
# import: many short lines or paragraphs are counted before one is parsed


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028", "\x0b"])
def test_a_text_of_a_million_one_character_lines_is_refused_before_it_is_parsed(tmp_path, newline):
    """A million lines of one character (a 4 MB .txt; 5 million in 20 MB took 97 s and
    3.3 GB): each line was looked at as a paragraph, a list item, a table row, a page's
    running header, and only then were the paragraphs counted. Now the lines are counted
    first, whatever breaks them (``str.splitlines`` breaks at ``\\r``, U+2028, ``\\v``…)."""
    from ledger_tools.importing.extract import MAX_TEXT_LINES

    source = tmp_path / "一字一行.txt"
    source.write_bytes(("整" + newline).encode("utf-8") * 1_000_000)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert f"“一字一行.txt”有 1,000,000 行，超过导入文本文件的上限 {MAX_TEXT_LINES:,} 行" in text
    assert "请确认选对了文件" in text and "Traceback" not in text
    assert r["peak"] < 300, r["peak"]


def test_a_text_just_under_the_line_limit_is_still_read(tmp_path):
    """Lines up to the limit are read as before (here blank-line separated items, which
    make fewer paragraphs than ``MAX_BLOCKS``)."""
    from ledger_tools.importing.extract import MAX_BLOCKS, MAX_TEXT_LINES

    lines = ["关于整改情况的报告", "一、加强学习方面", "（一）学习不深入。", "1.制定学习计划。"]
    lines += [""] * (MAX_TEXT_LINES - len(lines) - MAX_BLOCKS // 2)
    source = tmp_path / "空行很多.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=120)
    assert r["code"] == 0 and out.exists(), clean(r)[-400:]


def test_a_word_file_of_hundreds_of_thousands_of_paragraphs_is_refused_before_they_are_read(
    tmp_path,
):
    """300,000 paragraphs of one (random) character, a 1 MB .docx within every size and
    ratio limit (800,000 took 30 s and 750 MB to be refused): the paragraphs with text are
    now counted in the parsed XML before any becomes a paragraph of the import."""
    from ledger_tools.importing.extract import MAX_BLOCKS

    source = base_docx(tmp_path / "一字一段.docx")
    rng = random.Random(9)
    paragraphs = b"".join(
        b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % chr(rng.randint(0x4E00, 0x9FA5)).encode()
        for _ in range(300_000)
    )
    # an empty paragraph and a table's paragraphs are not counted: one table is one block
    table = (
        b"<w:tbl>"
        + b"<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>" * 5
        + b"</w:tbl>"
    )
    rewrite(
        source,
        {_DOC: lambda x: x.replace(b"<w:sectPr", paragraphs + table + b"<w:p/><w:sectPr", 1)},
    )
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=120)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    # the 4 paragraphs of base_docx and the 300,000
    assert f"“一字一段.docx”有 300,004 段，超过导入的上限 {MAX_BLOCKS:,} 段" in text, text
    assert r["peak"] < 700, r["peak"]


# ---------------------------------------------------------------------------------------------
# import: a file of gigabytes is never read whole


@pytest.mark.parametrize(
    ("name", "head", "said"),
    [
        ("巨大.txt", "关于整改情况的报告\n".encode(), "超过导入文本文件的上限 32 MB"),
        ("巨大.html", b"<html><body><p>x</p>", "不像是保存下来的一篇网页文章"),
        ("巨大.mht", b"MIME-Version: 1.0\r\n", "不像是保存下来的一篇网页文章"),
    ],
)
def test_a_text_or_page_of_gigabytes_is_refused_without_reading_it(tmp_path, name, head, said):
    """A 3 GB (sparse) text or saved page: read whole before its size was looked at, it
    ended in 内存不足 under a 2 GB limit, telling the clerk to open a 台账 in Excel (and a
    machine without a limit read 3 GB). Now it is refused from its size, and whatever it
    grows to while it is read, no more than the limit is read."""
    source = tmp_path / name
    with source.open("wb") as f:
        f.write(head)
        f.truncate(3 << 30)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert f"“{name}”有 3,072 MB" in text or f"“{name}”有 3072 MB" in text, text
    assert said in text and "内存不足" not in text and "Excel" not in text, text
    assert r["peak"] < 200, r["peak"]


def test_a_word_file_or_template_of_gigabytes_is_not_read_whole(tmp_path):
    """A 3 GB (sparse) file named .docx: ``import`` read it whole to look at its first four
    bytes, ``plan --template`` and ``templates check`` to check it as a package; each ended in
    内存不足 naming a 台账. Now ``import`` reads four bytes and says it is no Word file, and a
    template over ``MAX_TEMPLATE_BYTES`` is refused from its size."""
    from ledger_tools.documents.render import MAX_TEMPLATE_BYTES

    source = tmp_path / "巨大.docx"
    with source.open("wb") as f:
        f.write(b"not a zip")
        f.truncate(3 << 30)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "“巨大.docx”不是有效的 Word 文档" in text and not out.exists(), text
    assert r["peak"] < 200, r["peak"]
    said = f"模板 巨大.docx 有 3,072 MB，超过模板文件的上限 {MAX_TEMPLATE_BYTES >> 20} MB"
    example = ROOT / "examples" / "示例台账.xlsx"
    for args in (
        ["plan", str(example), "--template", str(source), "-o", str(tmp_path / "方案.docx")],
        ["templates", "check", str(source)],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and said in text and "内存不足" not in text, text
        assert "去掉 --template 使用内置模板" in text and r["peak"] < 200, r["peak"]
    assert not (tmp_path / "方案.docx").exists()


def test_read_at_most_reads_no_more_than_its_limit(tmp_path):
    """The size is taken from the open file and at most ``limit + 1`` bytes are read (a file
    that grows after its size was taken is seen as larger than the limit, never read whole)."""
    from ledger_tools.files import read_at_most

    path = tmp_path / "x.txt"
    path.write_bytes(b"a" * 10)
    assert read_at_most(path, 10) == (b"a" * 10, 10)
    assert read_at_most(path, 9) == (b"", 10)
    assert read_at_most(path, 0) == (b"", 10)


# ---------------------------------------------------------------------------------------------
# import: a PDF of many lines, a paragraph running on over many pages


def _one_letter_lines_pdf(path: Path, pages: int) -> Path:
    """``pages`` pages of 95 lines of one letter each: pdftotext makes one paragraph of them
    that runs on from page to page (no line ends a sentence, no line is indented)."""
    import zlib

    from hostile_files import _write_pdf

    lines = b"".join(
        b"BT /F1 8 Tf 72 %d Td (%s) Tj ET\n" % (780 - 8 * i, bytes([65 + i % 26]))
        for i in range(95)
    )
    _write_pdf(path, zlib.compress(lines), pages=pages)
    return path


def test_a_pdf_of_hundreds_of_thousands_of_lines_is_refused_before_its_pages_are_read(tmp_path):
    """5,000 pages of 95 one-letter lines (a 0.8 MB PDF): every page was looked at for
    tables, columns, running headers (a few ms each) and the paragraph joined on over every
    page re-cleaned whole: over 10 minutes. The lines of its text are now counted first."""
    from ledger_tools.importing.extract import MAX_TEXT_LINES

    source = _one_letter_lines_pdf(tmp_path / "一字一行.pdf", 5_000)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=180)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert "“一字一行.pdf”的文字有 4" in text and f"超过导入的上限 {MAX_TEXT_LINES:,} 行" in text
    assert r["peak"] < 300, r["peak"]


def test_a_paragraph_running_on_over_hundreds_of_pages_is_refused_when_it_is_too_long(tmp_path):
    """1,000 such pages (95,000 lines, within the limit): the paragraph running on from page
    to page was cleaned whole at each page (1,000 pages 11 s, 2,000 pages 38 s: quadratic).
    Now only the new text is cleaned, and the paragraph is refused as soon as it is longer
    than a cell holds, not after the last page."""
    from ledger_tools.importing.extract import MAX_BLOCK_CHARS

    source = _one_letter_lines_pdf(tmp_path / "不分段.pdf", 1_000)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=180)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert "“不分段.pdf”第1页起的一段接续到第" in text, text
    assert f"超过一个台账单元格能容纳的 {MAX_BLOCK_CHARS:,} 字" in text


def test_join_clean_is_clean_line_of_the_joined_text():
    """``join_clean(a, b)`` cleans only ``b`` (and the last character of ``a``): the same as
    cleaning the whole, for any text, layout spaces, full-width digits, radicals, controls."""
    from ledger_tools.importing.extract import clean_line, join_clean

    rng = random.Random(9)
    alphabet = ["整", "改", "a", "1", "２", " ", "\u3000", "\t", "\u00a0", "⻄", "\x01", "\u200b"]
    alphabet += ["。", "\ufeff", "\n", "\u2028", "（", "x"]
    for _ in range(3_000):
        a = clean_line("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert join_clean(a, b) == clean_line(a + b), (a, b)


# ---------------------------------------------------------------------------------------------
# Out of memory: what to do, for the command that ran


@pytest.mark.parametrize(
    ("target", "args", "said"),
    [
        (
            "ledger_tools.importing.writing.import_files",
            ["import", "{doc}", "-o", "{out}"],
            "导入的文件可能过大，或是特意构造的文件。请在 Word/WPS 或阅读器中打开确认内容",
        ),
        (
            "ledger_tools.documents.render.check_template",
            ["templates", "check", "{doc}"],
            "模板可能过大，或是特意构造的文件。请在 Word/WPS 中打开确认内容",
        ),
        (
            "ledger_tools.documents.render._load_template",
            ["plan", "{ledger}", "--template", "{doc}", "--force", "-o", "{out}"],
            "台账或模板可能过大，或是特意构造的文件。请先去掉 --template 用内置模板生成",
        ),
        (
            "ledger_tools.documents.render._load_template",
            ["plan", "{ledger}", "--force", "-o", "{out}"],
            "输入的文件可能过大，或是特意构造的文件。请用 Excel/WPS 打开确认内容；确实是超大台账时",
        ),
    ],
    ids=["import", "templates-check", "plan-template", "plan"],
)
def test_out_of_memory_says_what_to_do_for_the_command(tmp_path, monkeypatch, target, args, said):
    """Memory that runs out where no limit caught it first: the one message named a ledger
    and Excel for any command (a document to import, a template). Now it speaks of what the
    command read; never a traceback."""
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    def exhausted(*_args, **_kwargs):
        raise MemoryError

    module, name = target.rsplit(".", 1)
    monkeypatch.setattr(__import__(module, fromlist=[name]), name, exhausted)
    doc = base_docx(tmp_path / "方案.docx")
    values = {"doc": str(doc), "ledger": str(ROOT / "examples" / "示例台账.xlsx")}
    values["out"] = str(tmp_path / "生成.docx")
    res = CliRunner().invoke(cli, [a.format(**values) for a in args])
    assert res.exit_code == 2, res.output
    assert f"错误：内存不足，未能处理完。{said}" in res.output, res.output
    assert "Traceback" not in res.output and "MemoryError" not in res.output


# ---------------------------------------------------------------------------------------------
# .xls: a stream that claims more than the file holds


def _crafted_xls(loop: str, claim: bool) -> bytes:
    """The minimal .xls of ``hostile_files`` with the chain of its workbook stream or of its
    directory (``loop``) come back to its first sector, its stream claiming 4 GB (``claim``)."""
    import struct

    from hostile_files import _xls_bytes

    data = bytearray(_xls_bytes(huge_sst=False))
    fat = len(data) - 512  # (the last sector)
    entries = list(struct.unpack_from("<128I", data, fat))
    if loop == "stream":
        entries[entries.index(0xFFFFFFFE)] = 0  # the stream's last sector → its first
    elif loop == "directory":
        first = struct.unpack_from("<I", data, 48)[0]
        entries[first] = first
    struct.pack_into("<128I", data, fat, *entries)
    if claim:
        entry = data.find("Workbook\0".encode("utf-16-le"))
        struct.pack_into("<I", data, entry + 120, 0xFFFFFF00)  # its size
    return bytes(data)


@pytest.mark.parametrize(
    ("loop", "claim", "said"),
    [
        ("stream", True, "其中的数据“Workbook”的存放位置首尾相连成环"),
        ("directory", False, "其中的目录的存放位置首尾相连成环"),
        ("", True, "其中的数据“Workbook”声称有 4,096 MB，比整个文件（5 KB）还大"),
    ],
    ids=["stream-loop", "directory-loop", "claim"],
)
def test_an_xls_whose_sectors_loop_or_claim_gigabytes_is_refused(tmp_path, loop, claim, said):
    """A 5 KB .xls whose workbook stream claims 4 GB, its sectors chained in a loop: olefile
    (the extent check) and calamine each followed the loop for 4 GB, calamine aborting the
    process with a Rust backtrace under a 2 GB limit (exit 250), ``merge`` with it; a loop
    in the directory's chain did the same (1.1 GB). Now a chain that comes back on itself,
    or a stream larger than the whole file, is refused before any is read, by every command."""
    data = _crafted_xls(loop, claim)
    source = tmp_path / "成环.xls"
    source.write_bytes(data)
    for args in (
        ["check", str(source)],
        ["stats", str(source)],
        ["merge", str(source), "-o", str(tmp_path / "汇总.xlsx")],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 2 and f"成环.xls 是 .xls 格式，但{said}" in text, text
        assert "另存为" in text and "panicked" not in text and "backtrace" not in text, text
        assert r["peak"] < 300, r["peak"]
    assert source.read_bytes() == data
    assert not (tmp_path / "汇总.xlsx").exists()


def test_an_ordinary_xls_has_no_looped_chain(tmp_path):
    import olefile
    from hostile_files import _xls_bytes

    from ledger_tools.ledger.reading import _looped_chain

    source = tmp_path / "台账.xls"
    source.write_bytes(_xls_bytes(huge_sst=False))
    with olefile.OleFileIO(str(source)) as ole:
        assert _looped_chain(ole) is None


# ---------------------------------------------------------------------------------------------
# Output: a folder given for a document


@pytest.mark.parametrize(
    ("args", "document"),
    [
        (["plan"], "整改方案"),
        (["report"], "整改情况报告"),
        (["report", "--kind", "notice"], "整改进展情况通报"),
    ],
    ids=["plan", "report", "notice"],
)
def test_a_folder_given_for_a_document_is_answered_with_that_documents_name(
    tmp_path, args, document
):
    """``plan -o 文件夹`` suggested ``-o 文件夹/整改情况报告.docx``, the name of another
    document; each document now suggests its own. Nothing is written."""
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    example = ROOT / "examples" / "示例台账.xlsx"
    res = CliRunner().invoke(cli, [*args, str(example), "-o", str(tmp_path), "--force"])
    assert res.exit_code == 2, res.output
    assert f"是文件夹，请写出文件名，如 -o {tmp_path / document}.docx。" in res.output, res.output
    assert list(tmp_path.iterdir()) == []
