"""The eighth attack run: the two leftovers of the seventh (``merge`` listing every unreadable
file on the terminal, ``check`` listing every finding on it), then what the first seven did not
try against the newest commands (saved web pages and .mht for ``import``, folders for
``merge``, ``duban``, ``diff``, ``web``). Each file is built for real and run through the real
command in a child process under a 2 GB address-space limit (``hostile_files.run_limited``).
The attacks of this run that needed no change are listed in docs/攻击测试记录.md (第八轮攻击测试)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hostile_files import run_limited
from test_attack3 import DAY, clean, sha
from test_attack7 import _numbers_and_problems

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"


# ---------------------------------------------------------------------------------------------
# The terminal: at most TEXT_LIMIT findings a severity, at most LISTED unreadable files


def test_check_lists_at_most_its_limit_of_findings_on_the_terminal(tmp_path):
    """15,000 rows of 序号 and 问题: 105,000 findings printed one a line (a million for a
    150,000-row ledger read wrongly), the totals and 读取方式 scrolled out of sight. Now at
    most ``TEXT_LIMIT`` a severity, the counts complete, and a line saying how to see all."""
    from ledger_tools.ledger.checking import TEXT_LIMIT

    ledger = _numbers_and_problems(tmp_path / "读错 台账.xlsx", 15_000)
    r = run_limited(["check", str(ledger), *DAY], timeout=120)
    text = clean(r)
    assert r["code"] == 1, text[-500:]
    lines = text.splitlines()
    assert len(lines) < 2 * TEXT_LIMIT + 30, len(lines)
    assert "错误（90000 处）" in text and "警告（15000 处）" in text
    assert f"  ……另有 {90_000 - TEXT_LIMIT:,} 处没有在此列出。" in text
    assert f"  ……另有 {15_000 - TEXT_LIMIT:,} 处没有在此列出。" in text
    note = f"问题共 105,000 处，终端每类最多列出前 {TEXT_LIMIT:,} 处。"
    assert note in text and 'ledger-tools check "读错 台账.xlsx" --format json' in text, text[-900:]
    assert "标注副本最多标注 100,000 处" in text and "表头" in text
    assert lines[-1].startswith("结论：有 90000 处错误")

    # the JSON keeps every finding
    r = run_limited(["check", str(ledger), *DAY, "--format", "json"], timeout=120)
    assert r["code"] == 1 and len(json.loads(r["out"])["findings"]) == 105_000


def test_check_under_the_mark_limit_points_to_the_marked_copy(tmp_path):
    from ledger_tools.ledger.checking import TEXT_LIMIT

    ledger = _numbers_and_problems(tmp_path / "台账.xlsx", 300)  # 1,800 errors, 300 warnings
    r = run_limited(["check", str(ledger), *DAY])
    text = clean(r)
    assert r["code"] == 1 and f"  ……另有 {1_800 - TEXT_LIMIT:,} 处没有在此列出。" in text
    assert "ledger-tools check 台账.xlsx --mark 校验结果.xlsx（标注副本）" in text, text[-600:]
    assert "通常是表头" not in text  # 2,100 findings: not a ledger read wrongly for sure
    out = tmp_path / "校验结果.xlsx"
    r = run_limited(["check", str(ledger), *DAY, "--mark", str(out)])
    text = clean(r)
    assert f"全部列在标注副本 {out} 的“校验结果”表中" in text, text[-600:]
    # a ledger with fewer findings is listed in full, without the note
    small = _numbers_and_problems(tmp_path / "小.xlsx", 100)
    text = clean(run_limited(["check", str(small), *DAY]))
    assert "没有在此列出" not in text and "终端每类" not in text and "整改台账!H101" in text


def test_merge_names_at_most_its_limit_of_unreadable_files(tmp_path):
    """A folder of 3,000 broken files and one ledger: 3,000 lines of 未能读取 after the totals.
    Now the first ``LISTED``, how many more, and the 未能读取 sheet has every one."""
    import openpyxl

    from ledger_tools.upward.merge import LISTED

    folder = tmp_path / "各单位"
    folder.mkdir()
    for i in range(3_000):
        (folder / f"坏{i:04}.xlsx").write_bytes(b"")
    (folder / "好.xlsx").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "汇总台账.xlsx"
    r = run_limited(["merge", str(folder), "-o", str(out), *DAY, "--jobs", "1"], timeout=180)
    text = clean(r)
    assert r["code"] == 0 and out.exists(), text[-600:]
    assert text.count("未能读取：") == LISTED + 1, text[-600:]
    assert f"另有 {3_000 - LISTED:,} 个文件（共 3,000 个）没有在此列出" in text
    assert "全部列在汇总台账的“未能读取”表中" in text
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb["未能读取"].max_row == 3_001

    # nothing readable: the error lists as many, and says what to do
    (folder / "好.xlsx").unlink()
    out2 = tmp_path / "汇总台账2.xlsx"
    r = run_limited(["merge", str(folder), "-o", str(out2), *DAY, "--jobs", "1"], timeout=180)
    text = clean(r)
    assert r["code"] == 2 and "没有读到任何台账" in text and not out2.exists(), text[-600:]
    assert len(text.splitlines()) < LISTED + 5
    assert (
        f"另有 {3_000 - LISTED:,} 个文件（共 3,000 个）没有在此列出，请先处理上面列出的文件" in text
    )


# ---------------------------------------------------------------------------------------------
# import: saved web pages


def _page(path: Path, body: str) -> Path:
    path.write_text(
        '<html><head><meta charset="utf-8"><title>关于整改情况的通报</title></head><body>'
        + body
        + "</body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("piece", "count"), [("<i>整</i>", 3_000_000), ("<br>", 4_000_000)], ids=["inline", "br"]
)
def test_a_page_of_millions_of_elements_is_refused_before_it_is_parsed(tmp_path, piece, count):
    """Three million ``<i>整</i>`` (a 30 MB page, within the 30 MB limit of a page): lxml's
    tree and the article search took 1.4 GB and 24 s. Refused now, counted before parsing."""
    from ledger_tools.importing.webpage import MAX_PAGE_ELEMENTS

    page = _page(tmp_path / "文章.html", "<p>一、整改</p>" + piece * count)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(page), "-o", str(out)], timeout=120)
    text = clean(r)
    assert r["code"] == 2 and not out.exists(), text
    assert f"“文章.html”中有 {count + 6:,} 个网页标签" in text, text
    assert f"超过一篇网页文章的上限 {MAX_PAGE_ELEMENTS:,} 个" in text and "存为 .txt" in text
    assert r["peak"] < 300, r["peak"]


def test_a_page_just_under_the_element_limit_is_read(tmp_path):
    page = _page(
        tmp_path / "文章.html",
        "<p>一、加强学习方面</p><p>（一）学习不深入。</p><p>1.制定学习计划。</p>"
        + "<p><i>附</i></p>" * 140_000,
    )
    r = run_limited(["import", str(page), "-o", str(tmp_path / "台账.xlsx")], timeout=120)
    text = clean(r)
    assert "网页标签" not in text and r["peak"] < 600, (r["peak"], text[-400:])


def _nested_mht(path: Path, depth: int) -> Path:
    body = "MIME-Version: 1.0\r\n"
    for i in range(depth):
        body += f'Content-Type: multipart/related; boundary="b{i}"\r\n\r\n--b{i}\r\n'
    body += (
        'Content-Type: text/html; charset="utf-8"\r\n\r\n'
        "<html><body><p>一、加强学习方面</p><p>（一）学习不深入。</p><p>1.制定学习计划。</p>"
        "</body></html>\r\n"
    )
    body += "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))
    path.write_bytes(body.encode())
    return path


def test_an_mht_nested_thousands_deep_is_refused_in_chinese(tmp_path):
    """Parts nested 20,000 deep (a 1.5 MB .mht): the email parser recurses once per level,
    and ``import`` ended in 意外问题（RecursionError）. An .mht of two levels, as browsers
    save one, is read."""
    mht = _nested_mht(tmp_path / "网页.mht", 20_000)
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(mht), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and "“网页.mht”的各部分嵌套层数过多" in text and not out.exists(), text
    fine = _nested_mht(tmp_path / "正常.mht", 2)
    r = run_limited(["import", str(fine), "-o", str(out)])
    assert r["code"] == 0 and out.exists(), clean(r)


# ---------------------------------------------------------------------------------------------
# merge: what a units' folder holds besides files


def test_merge_names_a_pipe_or_a_broken_link_named_as_a_workbook(tmp_path):
    """A link 断链.xlsx to a file that is not there, a pipe 管道.xlsx, a link to /dev/zero
    named .xls: left out of the 汇总 without a word (a unit missing unnoticed). Each is
    listed now, and a link to the folder itself is not followed."""
    import os

    folder = tmp_path / "各单位"
    folder.mkdir()
    (folder / "甲.xlsx").write_bytes(EXAMPLE.read_bytes())
    os.mkfifo(folder / "管道.xlsx")
    (folder / "断链.xlsx").symlink_to(tmp_path / "不存在.xlsx")
    (folder / "设备.xls").symlink_to("/dev/zero")
    (folder / "自己").symlink_to(folder)
    out = tmp_path / "汇总台账.xlsx"
    r = run_limited(["merge", str(folder), "-o", str(out), *DAY, "--jobs", "1"])
    text = clean(r)
    assert r["code"] == 0 and "读取 1 个单位，3 个未能读取" in text, text
    assert (
        f"未能读取：{folder / '断链.xlsx'}：这是一个快捷方式（符号链接），指向的文件不存在" in text
    )
    assert f"未能读取：{folder / '管道.xlsx'}：不是普通文件（可能是管道或设备）" in text
    assert f"未能读取：{folder / '设备.xls'}：不是普通文件" in text


# ---------------------------------------------------------------------------------------------
# File names that are not UTF-8


def _gbk_named(folder: Path, source: Path, stem: str, suffix: str) -> Path:
    """A copy of ``source`` whose name is GBK bytes (as a zip made on Windows unzips on
    Linux): Python holds the bytes that are not UTF-8 as surrogate escapes."""
    import os

    folder.mkdir(exist_ok=True)
    raw = os.fsencode(str(folder)) + b"/" + stem.encode("gbk") + suffix.encode()
    with open(raw, "wb") as fh:
        fh.write(source.read_bytes())
    return Path(os.fsdecode(raw))


def test_a_ledger_named_in_gbk_is_read_by_every_command(tmp_path):
    """单位.xlsx named in GBK bytes: calamine takes a path as UTF-8 text, and every command
    said “无法读取 …：文件内容已损坏” of a sound ledger. It is read as an open file now."""
    path = _gbk_named(tmp_path / "收到", EXAMPLE, "单位", ".xlsx")
    before = sha(path)
    for args in (
        ["check", str(path), *DAY],
        ["stats", str(path), *DAY],
        ["diff", str(path), str(path), *DAY],
        ["plan", str(path), "-o", str(tmp_path / "方案.docx")],
        ["duban", str(path), *DAY, "-o", str(tmp_path / "督办")],
    ):
        r = run_limited(args)
        text = clean(r)
        assert r["code"] == 0 and "无法读取" not in text, (args, text)
    assert sha(path) == before


def test_gbk_names_in_merge_and_the_json_outputs_are_written_as_escapes(tmp_path):
    """The same names in a units' folder: ``merge -o`` ended in 意外问题（UnicodeEncodeError）
    (XlsxWriter cannot write the name's odd bytes into 全部措施 and 未能读取), and the JSON of
    ``check``, ``diff``, ``merge`` and ``import`` was not valid UTF-8. The odd bytes are
    written ``\\xNN`` now; the link to the unit's file keeps its own bytes (%XX)."""
    import openpyxl

    folder = tmp_path / "各单位"
    ledger = _gbk_named(folder, EXAMPLE, "汇总", ".xlsx")
    broken = tmp_path / "坏.bin"
    broken.write_bytes(b"junk")
    _gbk_named(folder, broken, "坏的", ".xlsx")
    shown = "\\xbb\\xe3\\xd7\\xdc.xlsx"  # 汇总 in GBK, byte by byte (none of them UTF-8)
    out = tmp_path / "汇总台账.xlsx"
    r = run_limited(
        ["merge", str(folder), "-o", str(out), *DAY, "--unit-from", "file", "--jobs", "1"]
    )
    text = clean(r)
    assert r["code"] == 0 and "读取 1 个单位，1 个未能读取" in text, text
    wb = openpyxl.load_workbook(out)
    assert wb["全部措施"]["A2"].value == shown.removesuffix(".xlsx")  # the unit: its file
    assert wb["全部措施"].cell(2, wb["全部措施"].max_column).value.startswith(f"[{shown}]")
    assert wb["未能读取"]["A2"].value == str(folder / "\\xbb\\xb5\\xb5\\xc4.xlsx")
    links = [c.hyperlink.target for row in wb["汇总"].iter_rows() for c in row if c.hyperlink]
    assert "各单位/%BB%E3%D7%DC.xlsx" in links, links

    docx = _gbk_named(tmp_path / "文稿", ROOT / "examples" / "整改方案.docx", "方案", ".docx")
    for args in (
        ["check", str(ledger), *DAY, "--format", "json"],
        ["diff", str(ledger), str(ledger), *DAY, "--format", "json"],
        ["merge", str(folder), *DAY, "--format", "json", "--jobs", "1"],
        ["import", str(docx), "--format", "json"],
    ):
        r = run_limited(args)
        assert r["code"] == 0, (args, r["out"][-300:])
        assert "\ufffd" not in r["out"], args  # (run_limited decodes with “replace”)
        report = json.loads(r["out"])
        assert "\\x" in json.dumps(report, ensure_ascii=False), args


# ---------------------------------------------------------------------------------------------
# diff: two ledgers that differ in every text


def _unlike_pair(folder: Path, rows: int) -> tuple[Path, Path]:
    """Two ledgers of ``rows`` problems each whose every title and measure differs (titles of
    one alphabet, so that the cheap bounds do not tell them apart): the wrong 上期, or two
    ledgers whose columns were read differently."""
    import random

    from conftest import good_row
    from test_attack3 import text_ledger

    rng = random.Random(1)

    def text(i: int, tag: str) -> str:
        return f"{tag}问题{i}：" + "".join(
            rng.choice("学习制度落实监督检查考核整改推进") for _ in range(20)
        )

    pair = []
    for tag in ("甲", "乙"):
        rows_ = [
            good_row(i, 问题=text(i, tag), 整改措施=text(i, "措施" + tag))
            for i in range(1, rows + 1)
        ]
        pair.append(text_ledger(folder / f"{tag}.xlsx", rows_))
    return pair[0], pair[1]


def test_diff_of_two_ledgers_unlike_in_every_text_is_bounded(tmp_path):
    """1,500 problems a side (two 75 KB files): every added problem's 匹配度 compared its
    title exactly with 400 others (difflib, quadratic): 178 s of CPU for ``diff``; with
    ``--mark`` the 与上期对比 sheet also asked openpyxl for the sheet's size once per row
    (quadratic): past two minutes. The exact comparisons now have a budget, the comparison
    says when it was spent, and the sheet is written in one pass."""
    from ledger_tools.ledger.checking import TEXT_LIMIT

    old, new = _unlike_pair(tmp_path, 1_500)
    out = tmp_path / "对比.xlsx"
    r = run_limited(["diff", str(old), str(new), *DAY, "--mark", str(out)], timeout=120)
    text = clean(r)
    assert r["code"] == 0 and out.exists(), text[-600:]
    assert "注意：两期台账的文字差别极大，逐字比较超过了本工具的上限" in text, text[:1500]
    assert "请先确认两个文件是同一本台账的上期和本期" in text
    added = int(re.search(r"  新增问题（(\d+)）", text).group(1))  # (a few pair by 序号)
    assert added > TEXT_LIMIT and f"    ……另有 {added - TEXT_LIMIT:,} 处没有在此列出。" in text
    assert f"全部列在对比副本 {out} 的“与上期对比”表中" in text
    assert len(text.splitlines()) < 3 * TEXT_LIMIT + 60
    import openpyxl

    sheet = openpyxl.load_workbook(out, read_only=True)["与上期对比"]
    assert sheet.max_row >= 3 + 3_000  # every change is in the copy
    assert sha(old) != sha(new)


def test_an_ordinary_diff_is_not_cut_short(tmp_path):
    r = run_limited(["diff", str(ROOT / "examples" / "示例台账-上期.xlsx"), str(EXAMPLE), *DAY])
    text = clean(r)
    assert r["code"] == 0 and "逐字比较超过" not in text and "没有在此列出" not in text, text


def test_stats_lists_at_most_its_limit_of_groups(tmp_path):
    """5,000 problems each of another 方面 and 责任部门 (a column read as another): ``stats``
    printed a table row for each. The first ``GROUPS_LISTED`` now, then how many more."""
    from conftest import good_row
    from test_attack3 import text_ledger

    from ledger_tools.ledger.stats import GROUPS_LISTED

    rows = [good_row(i, 方面=f"方面{i}", 责任部门=f"部门{i}") for i in range(1, 5_001)]
    path = text_ledger(tmp_path / "分组.xlsx", rows)
    for by, label in (("方面", "方面"), ("责任部门", "责任部门")):
        r = run_limited(["stats", str(path), *DAY, "--by", by])
        text = clean(r)
        assert r["code"] == 0 and len(text.splitlines()) < GROUPS_LISTED + 30, text[-300:]
        more = f"……另有 {5_000 - GROUPS_LISTED:,} 个{label}没有在此列出（共 5,000 个），加 --format json 查看全部。"
        assert more in text, text[-300:]
    r = run_limited(["stats", str(path), *DAY, "--format", "json"])
    assert len(json.loads(r["out"])["按方面"]) == 5_000


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_pdf_is_made_for_a_document_named_in_gbk(tmp_path):
    """``plan -o 汇总.docx --pdf`` with the name in GBK bytes: LibreOffice takes paths as UTF-8
    and converted nothing (“LibreOffice 未能把 … 转换为 PDF（退出码 0）”). A copy of an
    ASCII name is converted now, and the PDF gets the document's own name."""
    import os

    folder = tmp_path / "文稿"
    folder.mkdir()
    out = Path(os.fsdecode(os.fsencode(str(folder)) + b"/" + "汇总".encode("gbk") + b".docx"))
    r = run_limited(["plan", str(EXAMPLE), "-o", str(out), "--pdf"], timeout=180)
    text = clean(r)
    assert r["code"] == 0 and out.exists() and out.with_suffix(".pdf").is_file(), text
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


# ---------------------------------------------------------------------------------------------
# import: a document under another kind's name; a PDF under a memory limit


@pytest.mark.parametrize(
    ("source", "name", "said"),
    [
        (
            "整改方案.docx",
            "方案.pdf",
            "“方案.pdf”其实是 Word 文档（只是扩展名为 .pdf）。请把扩展名改回 .docx",
        ),
        (
            "整改方案.pdf",
            "方案.docx",
            "“方案.docx”其实是 PDF 文件（只是扩展名为 .docx）。请把扩展名改为 .pdf",
        ),
        ("示例台账.xlsx", "台账.docx", "“台账.docx”其实是 Excel 工作簿（只是扩展名为 .docx）。"),
    ],
    ids=["docx-as-pdf", "pdf-as-docx", "xlsx-as-docx"],
)
def test_a_document_under_another_kinds_name_is_named_for_what_it_is(tmp_path, source, name, said):
    """A Word document saved as .pdf was “不是有效的 PDF……请导入 Word 原文”, a PDF named
    .docx “不是有效的 Word 文档”: the clerk was told to find what they had given."""
    path = tmp_path / name
    path.write_bytes((ROOT / "examples" / source).read_bytes())
    out = tmp_path / "导入.xlsx"
    r = run_limited(["import", str(path), "-o", str(out)])
    text = clean(r)
    assert r["code"] == 2 and said in text and not out.exists(), text


def test_a_pdf_is_imported_under_a_2_gb_address_space_limit(tmp_path):
    """Under ``ulimit -v`` 2 GB (``run_limited``) every PDF import ended in 意外问题
    （SubprocessError）: the table reader's child asked for 2 GiB, above the hard limit it
    inherits. A child's limit is now the lower of its own and the inherited one."""
    pdf = tmp_path / "整改方案.pdf"
    pdf.write_bytes((ROOT / "examples" / "整改方案.pdf").read_bytes())
    out = tmp_path / "导入.xlsx"
    r = run_limited(["import", str(pdf), "-o", str(out)], timeout=120)
    text = clean(r)
    assert r["code"] == 0 and out.exists() and "已导入 整改方案（整改方案.pdf）" in text, text
