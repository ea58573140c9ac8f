"""The tenth attack run: what the first nine did not try. OFD files whose pages all name one
large part (a package of a few hundred KB asked for the same 3 MB page to be parsed and walked
two thousand times: minutes), and ledgers of thousands of columns whose headers are not known
(each column's cells were parsed as statuses and deadlines, and every cell's style read, to
see what it might be), and list numbers of thousands of digits (a Word file's numbering, a
template's ``cn_num``). Each file is built for real and run through the real command in a
child process under a 2 GB address-space limit (``hostile_files.run_limited``). The attacks of
this run that needed no change are listed in docs/攻击测试记录.md (第十轮攻击测试)."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from hostile_files import run_limited
from test_attack3 import clean

NS = "http://www.ofdspec.org/2016"
TEXT = (
    '<ofd:TextObject ID="1" Boundary="20 20 100 10" Size="5">'
    '<ofd:TextCode X="0" Y="4">一、问题</ofd:TextCode></ofd:TextObject>'
)


def shared_page_ofd(path: Path, body: str, pages: int = 2000, template: str = "") -> Path:
    """An OFD of ``pages`` pages that all name one content part (``TEXT`` and ``body``), and
    with ``template`` a template page all of them use."""
    entry = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody>'
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    use = '<ofd:Template TemplateID="2"/>' if template else ""
    listed = "".join(
        f'<ofd:Page ID="{100 + n}" BaseLoc="Pages/Page_0/Content.xml"/>' for n in range(pages)
    )
    common = '<ofd:TemplatePage ID="2" BaseLoc="Tpl.xml"/>' if template else ""
    document = (
        f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>{common}</ofd:CommonData>'
        f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>"
    )
    content = (
        f'<ofd:Page xmlns:ofd="{NS}">{use}<ofd:Content><ofd:Layer ID="9">{TEXT}{body}'
        "</ofd:Layer></ofd:Content></ofd:Page>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", entry)
        zf.writestr("Doc_0/Document.xml", document)
        zf.writestr("Doc_0/Pages/Page_0/Content.xml", content)
        if template:
            tpl = f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content>{template}</ofd:Content></ofd:Page>'
            zf.writestr("Doc_0/Tpl.xml", tpl)
    return path


def _elements() -> tuple[str, str]:
    r = random.Random(1)
    body = "".join(f'<ofd:ImageObject ID="{r.randrange(10**9)}"/>' for _ in range(100_000))
    return body, ""


def _moves() -> tuple[str, str]:
    r = random.Random(2)
    moves = " ".join(f"M {r.randrange(999)} {r.randrange(999)}" for _ in range(300_000))
    body = (
        '<ofd:PathObject Boundary="0 0 1 1"><ofd:AbbreviatedData>'
        f"{moves}</ofd:AbbreviatedData></ofd:PathObject>"
    )
    return body, ""


def _attributes() -> tuple[str, str]:
    r = random.Random(3)
    big = "".join(r.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=3_000_000))
    return "".join(f'<ofd:X a="{big}"/>' for _ in range(3)), f'<ofd:X a="{big}"/>'


@pytest.mark.parametrize(
    "build, said",
    [
        (_elements, "要处理的元素超过导入的上限 5,000,000 个"),
        (_moves, "要读取的线条数据超过导入的上限 32 MB"),
        (_attributes, "要解析的 XML超过导入的上限 256 MB"),
    ],
    ids=["elements", "path-moves", "attributes"],
)
def test_an_ofd_whose_pages_all_name_one_large_part_is_refused_in_bounded_time(
    tmp_path, build, said
):
    """2,000 pages naming one 3 MB content part (and a template page): each page parsed and
    walked it again. 100,000 empty image objects (a 0.6 MB .ofd), 300,000 path moves that
    draw no line (1.1 MB) or a few attributes of 3 MB (8 MB): `import` had not finished
    after 120 s (80 s, 53 s and 33 s of CPU), and would take about an hour. Now what is parsed,
    walked and read is counted each time a part is read: 4-6 s CPU, under 110 MB."""
    body, template = build()
    source = shared_page_ofd(tmp_path / "公文.ofd", body, template=template)
    before = source.read_bytes()
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=90)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert "“公文.ofd”的页面内容过多：读取各页时" + said in text, text
    assert "各页共用的部分每页都要重读一次" in text and "另存为 PDF 或导出 Word 后再导入" in text
    assert r["peak"] < 300, r["peak"]
    assert source.read_bytes() == before


def test_an_ofd_of_many_pages_sharing_a_template_is_still_read(tmp_path):
    """The count is of real work: 300 pages of 20 lines each (one part, as above), all with a
    running footer on one template page, are read through to the text as before; here the
    lines, one unbroken run of items, make one paragraph too long for a cell, which is said
    with the pages it runs over (the limits are far above what the pages cost)."""
    footer = (
        '<ofd:TextObject ID="7" Boundary="100 280 20 6" Size="4">'
        '<ofd:TextCode X="0" Y="4">—1—</ofd:TextCode></ofd:TextObject>'
    )
    lines = "".join(
        f'<ofd:TextObject ID="{10 + i}" Boundary="25 {30 + i * 10} 160 8" Size="5.6">'
        f'<ofd:TextCode X="0" Y="5">{i + 1}.按照整改要求认真落实各项措施，建立健全长效机制第{i + 1}条。'
        "</ofd:TextCode></ofd:TextObject>"
        for i in range(20)
    )
    source = shared_page_ofd(tmp_path / "长公文.ofd", lines, pages=300, template=footer)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=120)
    text = clean(r)
    assert "页面内容过多" not in text, text
    assert "“长公文.ofd”第1页起的一段接续到第" in text, text


# ---------------------------------------------------------------------------------------------
# check: thousands of columns whose headers are not known


def wide_ledger(path: Path, columns: int, rows: int, standard: bool) -> Path:
    """A ledger of ``rows`` rows and ``columns`` extra columns of distinct text each (headers
    no ledger has), with the standard columns (``standard``) or only 序号/问题/整改措施/
    责任部门 (no status, deadline or progress column: every extra column might be one)."""
    from conftest import STANDARD_HEADER, good_row

    wb = xlsxwriter.Workbook(
        str(path),
        {"strings_to_formulas": False, "strings_to_numbers": False, "constant_memory": True},
    )
    ws = wb.add_worksheet("整改台账")
    head = STANDARD_HEADER if standard else ["序号", "问题", "整改措施", "责任部门"]
    ws.write_row(0, 0, head + [f"附加列{i}" for i in range(columns)])
    for r in range(1, rows + 1):
        row = (
            [v if isinstance(v, (str, int)) else "2024年4月20日" for v in good_row(r)]
            if standard
            else [r, f"问题{r}", f"措施{r}", "办公室"]
        )
        ws.write_row(r, 0, row + [f"值{r}-{i}" for i in range(columns)])
    wb.close()
    return path


@pytest.mark.parametrize("standard", [True, False], ids=["standard-columns", "bare"])
def test_a_ledger_of_sixteen_thousand_unknown_columns_is_checked_in_bounded_time(
    tmp_path, standard
):
    """16,000 extra columns of distinct text, 30 rows (2.5 MB; the table, 480,000 cells, is
    within the reader's cap). Each unknown column was profiled (every distinct value parsed as
    a status and a deadline, ~50 µs) to see whether it is the status, deadline or progress:
    26 s CPU with the standard columns (300 rows: unfinished after 300 s), where nothing was left for it
    to be; 32 s without them, plus the style of every cell read for a colour legend. Now a
    column is profiled only while there is something it could become, at most 50,000 distinct
    values in all, and fills are not read in a table of more than 256 columns: 2 s and 5 s."""
    source = wide_ledger(tmp_path / "宽表.xlsx", 16_000, 30, standard)
    before = source.read_bytes()
    r = run_limited(["check", str(source)], timeout=120)
    text = clean(r)
    assert r["code"] in (0, 1), text
    assert "共 30 个问题" in text, text[:600]
    assert "N 列“附加列0”未读取" in text if standard else "E 列“附加列0”未读取" in text
    # the 读取方式 block lists 100 of the columns, not 16,000 lines before the findings
    assert "  ……另有 15,900 列没有在此列出（全部列见 --format json 输出的 layout）。" in text
    assert "附加列99”" in text and "附加列100”" not in text.split("警告（")[0]
    assert source.read_bytes() == before


def test_the_layout_block_lists_every_column_unless_told_how_many():
    """``layout_lines`` lists every column read otherwise than by its standard header (the
    marked copy's and the library's text), and the terminal's the first ``LAYOUT_COLUMNS``
    with a line for the rest."""
    from ledger_tools.ledger.checking import LAYOUT_COLUMNS, layout_lines

    columns = [
        {"column": f"C{i}", "header": f"附加列{i}", "read_as": None, "how": "未识别", "detail": ""}
        for i in range(LAYOUT_COLUMNS + 5)
    ]
    layout = {
        "sheet": "整改台账",
        "header_rows": [1, 1],
        "columns": columns,
        "group_rows": [],
        "footer_rows": [],
        "notes": [],
    }
    every = layout_lines(layout)
    assert (
        len(every) == 1 + LAYOUT_COLUMNS + 5
        and every[-1] == f"  C{LAYOUT_COLUMNS + 4} 列“附加列{LAYOUT_COLUMNS + 4}”未读取（未识别）"
    )
    shown = layout_lines(layout, LAYOUT_COLUMNS)
    assert shown[: 1 + LAYOUT_COLUMNS] == every[: 1 + LAYOUT_COLUMNS]
    assert shown[-1] == "  ……另有 5 列没有在此列出（全部列见 --format json 输出的 layout）。"
    assert layout_lines({**layout, "columns": columns[:3]}, LAYOUT_COLUMNS) == every[:4]


def test_an_unknown_status_column_is_still_placed_by_its_content(tmp_path):
    """The guard does not stop the usual case: a ledger whose status column has a header no
    ledger uses (“目前情况”) among other unknown columns still reads it as the status."""
    from conftest import STANDARD_HEADER, good_row

    header = [h if h != "整改状态" else "目前情况" for h in STANDARD_HEADER] + ["附加列"]
    path = tmp_path / "台账.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    ws = wb.add_worksheet("整改台账")
    ws.write_row(0, 0, header)
    for r in range(1, 21):
        row = [v if isinstance(v, (str, int)) else "2024年4月20日" for v in good_row(r)]
        ws.write_row(r, 0, row + [f"备注{r}"])
    wb.close()
    r = run_limited(["check", str(path), "--format", "json"], timeout=60)
    columns = {c["header"]: c for c in json.loads(clean(r))["layout"]["columns"]}
    assert columns["目前情况"]["read_as"] == "整改状态", columns["目前情况"]
    assert columns["目前情况"]["how"] == "按内容"
    assert columns["附加列"]["read_as"] is None and columns["附加列"]["how"] == "未识别"


# ---------------------------------------------------------------------------------------------
# list numbers of thousands of digits: a Word file's numbering, a template's cn_num

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbered_docx(
    path: Path, fmt: str, start: str, text: str = "%1、", levels: bool = False
) -> Path:
    """A Word file whose paragraphs are a list of ``fmt`` numbering starting at ``start``
    (``<w:start w:val="…">``: Word's own files go up to 32,767) with the number text ``text``;
    with ``levels``, a 整改方案's 方面, 问题 and 措施 numbered 一、（一）1. by Word."""
    from hostile_files import base_docx, rewrite

    paragraphs = [
        "关于落实巡察反馈意见的整改方案",
        "加强理论学习方面",
        "学习不深入。",
        "制定学习计划。",
    ]
    base_docx(path, paragraphs)
    specs = [(start, fmt, text)]
    if levels:
        specs = [
            ("1", "chineseCounting", "%1、"),
            ("1", "chineseCounting", "（%2）"),
            ("1", "decimal", "%3."),
        ]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/>'
        f'<w:lvlText w:val="{t}"/></w:lvl>'
        for i, (s, f, t) in enumerate(specs)
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()

    def numbered(data: bytes) -> bytes:
        pieces = data.split(b"<w:p><w:r>")
        out = pieces[0]
        for i, piece in enumerate(pieces[1:]):
            ilvl = max(0, i - 1) if levels else 0
            if levels and i == 0:  # (the title is not numbered)
                out += b"<w:p><w:r>" + piece
                continue
            out += (
                b'<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr>'
                b"</w:pPr><w:r>" % ilvl
            ) + piece
        return out

    rewrite(path, {"word/numbering.xml": numbering, "word/document.xml": numbered})
    return path


@pytest.mark.parametrize(
    "fmt, start",
    [
        ("lowerRoman", "1000000000000"),
        ("upperRoman", "999999999"),
        ("chineseCounting", "1" + "0" * 4200),
    ],
    ids=["roman-1e12", "roman-1e9", "chinese-4201-digits"],
)
def test_a_list_numbered_from_an_enormous_start_is_imported(tmp_path, fmt, start):
    """A Word list whose numbering starts at 10^12 in roman numerals (one M per thousand: a
    string of 10^9 letters, built one letter at a time) did not finish within 60 s (the
    process grew without end); one starting at a number of 4,201 digits in Chinese numerals
    ended in “意外问题（RecursionError）” (a call per four digits). Now roman numerals past
    Word's largest list number are shown in digits and Chinese numerals are made in a loop:
    the file is read in a second like any other (here it has no problems to find)."""
    source = numbered_docx(tmp_path / "编号.docx", fmt, start)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=60)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert "“编号.docx”中没有识别出任何问题或整改措施" in text, text
    assert r["peak"] < 300, r["peak"]


def test_list_numbers_are_shown_as_before_and_big_ones_in_digits():
    from ledger_tools.documents.context import cn_num
    from ledger_tools.importing.extract import MAX_ROMAN, _format_number

    assert _format_number(4, "lowerRoman") == "iv"
    assert _format_number(1994, "upperRoman") == "MCMXCIV"
    assert _format_number(MAX_ROMAN, "upperRoman") == "M" * 32 + "DCCLXVII"
    assert _format_number(MAX_ROMAN + 1, "lowerRoman") == "32768"
    assert _format_number(10**12, "upperRoman") == "1000000000000"
    # Chinese numerals as they always were, now for any number of digits
    assert [cn_num(n) for n in (0, 10, 11, 105, 10000, 10010, 100000000, -12)] == [
        "零",
        "十",
        "十一",
        "一百零五",
        "一万",
        "一万零一十",
        "一万万",
        "负十二",
    ]
    big = cn_num(10**4200)
    assert big == "一" + "万" * 1050  # (4,201 digits: a first group of one, 1,050 of four)


def test_a_template_may_write_a_number_of_thousands_of_digits_in_chinese(tmp_path):
    """``{{ (10 ** 999 * … )|cn_num }}`` (a 4,996-digit number; each power within the
    sandbox's limits) ended in “模板递归调用过深……（宏调用了自身）”, a template with no
    macro at all: cn_num called itself once per four digits. Now it renders."""
    import docx

    template = tmp_path / "模板.docx"
    d = docx.Document()
    d.add_paragraph("测试")
    d.add_paragraph("{{ (10 ** 999 * 10 ** 999 * 10 ** 999 * 10 ** 999 * 10 ** 999)|cn_num }}")
    d.save(str(template))
    ledger = Path(__file__).resolve().parent.parent / "examples" / "示例台账.xlsx"
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(ledger), "--template", str(template), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 0 and out.exists(), text
    written = [p.text for p in docx.Document(str(out)).paragraphs]
    assert written[1] == "一千" + "万" * 1248, written[1][:40]


def test_a_number_text_of_millions_of_placeholders_is_not_filled_in(tmp_path):
    """A list level whose number text is “%1” a million times (a 44 KB .docx: numbering.xml
    is 2 MB, within the limits): the counter was written into it for every paragraph, 2 MB
    of label each: import had not finished after 120 s (96 s CPU). A number text is a few
    characters (“%1、”, “（%2）”, “第%1条”); one longer than 64 is not shown (0.4 s)."""
    source = numbered_docx(tmp_path / "编号.docx", "decimal", "1", text="%1" * 1_000_000)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=60)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert "“编号.docx”中没有识别出任何问题或整改措施" in text, text
    assert r["peak"] < 300, r["peak"]


def test_word_list_numbers_still_make_the_outline(tmp_path):
    """The guards leave Word's own numbering as it was: 方面, 问题 and 措施 numbered by Word
    一、（一）1. (no number typed in the text) are read as the outline."""
    source = numbered_docx(tmp_path / "方案.docx", "", "", levels=True)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=60)
    text = clean(r)
    assert r["code"] == 0 and out.exists(), text
    assert "识别出 1 个方面、1 项问题、1 条整改措施" in text, text


def test_a_list_of_thousands_of_paragraphs_numbered_from_thousands_of_digits_is_bounded(tmp_path):
    """3,000 paragraphs numbered from a 4,201-digit start, the number written 32 times in
    each label (“%1” × 32, within the 64 characters): 134,000 characters of label a paragraph,
    400 MB of text (a 60 KB .docx). A start past Word's largest (32,767) is taken as 1."""
    from hostile_files import base_docx, rewrite

    source = tmp_path / "编号.docx"
    base_docx(source, ["关于落实巡察反馈意见的整改方案"] + [f"第{i}项内容。" for i in range(3000)])
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1{"0" * 4200}"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * 32}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    numbered = (
        b'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r>'
    )
    rewrite(
        source,
        {
            "word/numbering.xml": numbering,
            "word/document.xml": lambda data: data.replace(b"<w:p><w:r>", numbered),
        },
    )
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=90)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert "“编号.docx”中没有识别出任何问题或整改措施" in text, text
    assert r["peak"] < 400, r["peak"]


def test_start_values_past_words_largest_are_one():
    from ledger_tools.importing.extract import _start

    assert [_start(v) for v in ("1", "0", "5", "32767", None, "x")] == [1, 0, 5, 32767, 1, 1]
    assert [_start(v) for v in ("32768", "-1", "1" + "0" * 4200)] == [1, 1, 1]
