"""The second attack run, on what the first did not cover: user Word templates against the
sandbox (text made from containers, big integers, quadratic filters, the package and its
links), names that could disguise a cell reference, FIFOs and devices given as inputs, and
hostile ``--map``/``--status-map`` files. Each through the real command in a child process
under a 2 GB address-space limit (``hostile_files.run_limited``): exit code, Chinese message,
peak memory, no traceback, no "意外问题", nothing left behind."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hostile_files import (
    TEMPLATE_ATTACKS,
    _rename_sheet,
    base_ledger,
    replace_with_bomb,
    rewrite,
    run_limited,
    template_with,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"


def _render(tmp_path: Path, template: Path, *extra: str) -> tuple[dict, Path]:
    out = tmp_path / "out.docx"
    args = ["plan", str(EXAMPLE), "--template", str(template), "-o", str(out), "--force"]
    r = run_limited([*args, "--today", "2024-05-10", *extra], timeout=120)
    assert r["code"] != "TIMEOUT", "the render did not stop"
    assert "Traceback" not in r["out"] and "意外问题" not in r["out"], r["out"]
    assert r["peak"] < 1000, (r["peak"], r["out"])
    return r, out


@pytest.mark.parametrize(
    "name, body, fragment", TEMPLATE_ATTACKS, ids=[t[0] for t in TEMPLATE_ATTACKS]
)
def test_a_template_cannot_make_what_it_would_take_gigabytes_to_hold(
    tmp_path, name, body, fragment
):
    template = template_with(tmp_path / f"{name}.docx", body)
    before = template.read_bytes()
    r, out = _render(tmp_path, template)
    assert r["code"] == 2 and fragment in r["out"] and f"模板 {template.name}" in r["out"], r
    assert r["wall"] < 60, r["wall"]
    assert not out.exists() and template.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~ledger-tools")]


def test_ordinary_uses_of_the_same_operations_still_render(tmp_path):
    body = (
        "{{ ['甲', '乙']|join('、') }}{{ '{0}年{1}月'.format(2024, 5) }}{{ '%s项' % 3 }}"
        "{{ [[1], [2]]|sum(start=[]) }}{{ ['b', 'a']|sort|join }}{{ 2 ** 10 * 3 }}"
        "{{ {'a': 1} }}{{ '甲' ~ [1, 2] }}{{ 附件任务清单|groupby('方面')|list|length }}{{ 附件任务清单|sort(attribute='问题')|length }}"
    )
    template = template_with(tmp_path / "ordinary.docx", body)
    r, out = _render(tmp_path, template)
    assert r["code"] == 0, r["out"]
    from test_render import doc_text

    text = doc_text(out)
    for piece in ("甲、乙", "2024年5月", "3项", "[1, 2]", "ab", "3072", "{'a': 1}", "甲[1, 2]"):
        assert piece in text, (piece, text)


def test_a_template_bomb_is_refused_before_it_is_inflated(tmp_path):
    template = template_with(tmp_path / "炸弹.docx", "")
    replace_with_bomb(template, "word/styles.xml", b"<w:styles>", b" ", 3 * 2**30, b"</w:styles>")
    r, out = _render(tmp_path, template)
    assert r["code"] == 2 and "模板 炸弹.docx" in r["out"] and "word/styles.xml" in r["out"], r
    assert "安全上限" in r["out"] and not out.exists()


def test_a_template_of_twenty_thousand_parts_is_refused(tmp_path):
    template = template_with(tmp_path / "多.docx", "")
    rewrite(template, {}, [(f"junk/{i}.xml", b"x") for i in range(20000)])
    r, _ = _render(tmp_path, template)
    assert r["code"] == 2 and "20,017 个部分" in r["out"], r["out"]


_LAUGHS = b"".join(
    b'<!ENTITY %c "%s">' % (ord("a") + i, (b"&%c;" % (ord("a") + i - 1)) * 10 if i else b"x" * 10)
    for i in range(9)
)


def test_entities_in_a_template_are_refused(tmp_path):
    """Both refused by the part's DTD since the third attack run (before it, the external
    entity was rendered unresolved, with its DTD carried into the document)."""
    doc = "word/document.xml"

    def with_doctype(use: bytes, decl: bytes):
        def change(xml: bytes) -> bytes:
            xml = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
            xml = xml.replace(
                b"<w:document", b"<!DOCTYPE w:document [" + decl + b"]><w:document", 1
            )
            return xml.replace("正文".encode(), use)

        return change

    laughs = template_with(tmp_path / "笑.docx", "正文")
    rewrite(laughs, {doc: with_doctype(b"&i;", _LAUGHS)})
    r, out = _render(tmp_path, laughs)
    assert r["code"] == 2 and "模板 笑.docx" in r["out"] and not out.exists(), r["out"]

    xxe = template_with(tmp_path / "外部实体.docx", "正文")
    rewrite(xxe, {doc: with_doctype(b"&x;", b'<!ENTITY x SYSTEM "file:///etc/passwd">')})
    r, out = _render(tmp_path, xxe)
    assert r["code"] == 2 and "word/document.xml" in r["out"] and "DTD" in r["out"], r["out"]
    assert not out.exists()


_PICTURE = (
    b'<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
    b'2006/wordprocessingDrawing"><wp:extent cx="100000" cy="100000"/><wp:docPr id="99" '
    b'name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    b'<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic '
    b'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
    b'<pic:cNvPr id="0" name="x"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'r:link="rId999"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>'
    b"</wp:inline></w:drawing></w:r></w:p>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _external(rid: str, kind: str, target: str) -> bytes:
    return (
        f'<Relationship Id="{rid}" Type="{_REL}{kind}" Target="{target}" TargetMode="External"/>'
    ).encode()


def test_links_that_load_from_outside_are_not_passed_into_the_document(tmp_path):
    """A picture linked from ``file:///etc/passwd`` or a web address, and an attached template
    on a server (Word fetches and runs it when the document opens): the document keeps the
    relationships (their ids are referred to) but they point nowhere. A hyperlink stays."""
    template = template_with(tmp_path / "外链.docx", "正文")
    rels = _external("rId999", "image", "file:///etc/passwd") + _external(
        "rId998", "hyperlink", "https://example.org/政策"
    )
    settings = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http:'
        b'//schemas.openxmlformats.org/package/2006/relationships">'
        + _external("rId1", "attachedTemplate", "http://127.0.0.1:9/evil.dotm")
        + b"</Relationships>"
    )
    rewrite(
        template,
        {
            "word/document.xml": lambda x: x.replace(b"<w:sectPr", _PICTURE + b"<w:sectPr", 1),
            "word/_rels/document.xml.rels": lambda x: x.replace(
                b"</Relationships>", rels + b"</Relationships>"
            ),
        },
        [("word/_rels/settings.xml.rels", settings)],
    )
    r, out = _render(tmp_path, template)
    assert r["code"] == 0, r["out"]
    with zipfile.ZipFile(out) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
        rels_out = z.read("word/_rels/document.xml.rels")
    assert b"/etc/passwd" not in everything and b"evil.dotm" not in everything
    assert b'Id="rId999"' in rels_out and b"about:blank" in rels_out
    assert "https://example.org/政策".encode() in rels_out


# ---------------------------------------------------------------------------------------------
# Names that could disguise what is printed


@pytest.mark.parametrize(
    "sheet, shown",
    [
        ("整改台账\u202e2C", "整改台账\\u202e2C"),  # right-to-left override: "C2" on screen
        ("台账\u2066A1\u2069", "台账\\u2066A1\\u2069"),
        ("台账\x1b[31m", "台账\\u001b[31m"),  # a terminal colour command
        ("整改\u200b台账", "整改\\u200b台账"),  # zero-width space
        # a line break (written as &#10; into the XML): it would print a verdict of its own
        ("整改台账\n结论：没有发现问题，可以上报。", "整改台账\\n结论：没有发现问题，可以上报。"),
    ],
)
def test_a_sheet_name_is_printed_with_its_invisible_characters_as_escapes(tmp_path, sheet, shown):
    path = base_ledger(tmp_path / "台账.xlsx")
    _rename_sheet(sheet)(path)
    for args in (["check", str(path)], ["check", str(path), "--sheet", sheet]):
        r = run_limited([*args, "--today", "2024-05-10"])
        assert r["code"] == 0 and f"工作表“{shown}”" in r["out"], r["out"]
        assert sheet not in r["out"]
    r = run_limited(["check", str(path), "--sheet", sheet + "x", "--today", "2024-05-10"])
    assert r["code"] == 2 and shown in r["out"] and sheet not in r["out"], r["out"]


def test_a_file_name_with_a_terminal_command_is_printed_harmlessly(tmp_path):
    path = base_ledger(tmp_path / "台\x1b[2J\u202e账.xlsx")
    r = run_limited(["check", str(path), "--today", "2024-05-10"])
    assert r["code"] == 0 and "台\\u001b[2J\\u202e账.xlsx" in r["out"], r["out"]
    r = run_limited(["check", str(path), "--format", "json", "--today", "2024-05-10"])
    import json

    assert json.loads(r["out"])["file"] == str(path)  # JSON escapes decode to the real name


# ---------------------------------------------------------------------------------------------
# What is not a regular file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_device_given_as_a_ledger_is_refused_at_once(tmp_path):
    fifo = tmp_path / "管道.xlsx"
    os.mkfifo(fifo)
    good = base_ledger(tmp_path / "单位.xlsx")
    for args in (
        ["check", str(fifo)],
        ["diff", str(fifo), str(good), "--mark", str(tmp_path / "d.xlsx")],
        ["check", "/dev/zero"],
    ):
        r = run_limited(args, timeout=60)
        assert r["code"] == 2 and "不是普通文件" in r["out"], (args, r)
    r = run_limited(["merge", str(fifo), str(good), "-o", str(tmp_path / "汇总.xlsx")], timeout=60)
    assert r["code"] == 0 and "1 个未能读取" in r["out"], r["out"]
    folder = tmp_path / "各单位"
    folder.mkdir()
    shutil.copy(good, folder / "单位.xlsx")
    os.mkfifo(folder / "管道.xlsx")
    os.symlink(folder, folder / "循环")  # a symlink loop
    r = run_limited(["merge", str(folder), "-o", str(tmp_path / "汇总2.xlsx")], timeout=60)
    assert r["code"] == 0 and "读取 1 个单位" in r["out"], r["out"]


# ---------------------------------------------------------------------------------------------
# --map / --status-map files


def _map_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    files = {}
    p = tmp_path / "大.txt"
    p.write_text("牵头处室=牵头部门\n" * 200_000, encoding="utf-8")
    files["over-1MB"] = (p, "超过 1 MB")
    p = tmp_path / "二进制.txt"
    p.write_bytes(bytes(range(256)) * 100)
    files["binary"] = (p, "文字编码无法识别")
    p = tmp_path / "长行.txt"
    p.write_text("牵" * 1000 + "=牵头部门\n", encoding="utf-8")
    files["long-line"] = (p, "第 1 行有 1,005 个字")
    files["folder"] = (tmp_path, "不是普通文件")
    files["device"] = (Path("/dev/zero"), "不是普通文件")
    if hasattr(os, "mkfifo"):
        p = tmp_path / "管道.txt"
        os.mkfifo(p)
        files["fifo"] = (p, "不是普通文件")
    return files


@pytest.mark.parametrize("option", ["--map", "--status-map"])
def test_hostile_map_files_are_refused_in_chinese(tmp_path, option):
    ledger = base_ledger(tmp_path / "台账.xlsx")
    what = "列名对照文件" if option == "--map" else "状态对照文件"
    for name, (path, fragment) in _map_files(tmp_path).items():
        r = run_limited(["check", str(ledger), option, f"@{path}"], timeout=60)
        assert r["code"] == 2, (name, r)
        assert fragment in r["out"] and option in r["out"] and what in r["out"], (name, r["out"])
        assert "Traceback" not in r["out"] and "意外问题" not in r["out"], (name, r["out"])


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_a_map_file_saved_by_notepad_or_wps_is_read(tmp_path, encoding):
    ledger = tmp_path / "台账.xlsx"
    shutil.copy(EXAMPLE, ledger)
    mapping = tmp_path / "对照.txt"
    mapping.write_bytes("# 列名对照\n牵头处室=牵头部门\n".encode(encoding))
    r = run_limited(["check", str(ledger), "--map", f"@{mapping}", "--today", "2024-05-10"])
    assert r["code"] in (0, 1) and "Traceback" not in r["out"], r["out"]


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("comments-many", "300,000 条批注"),
        ("hyperlinks-million", "1,000,000 个超链接"),
        ("condformat-million", "300,000 条条件格式"),
    ],
)
def test_diff_mark_refuses_what_openpyxl_would_copy_for_minutes(tmp_path, name, fragment):
    """openpyxl copies each comment, hyperlink, conditional format (about 1 ms each): these
    took minutes of CPU or never finished."""
    from hostile_files import BUILDERS

    path = BUILDERS[name](tmp_path)
    out = tmp_path / "对比.xlsx"
    r = run_limited(["diff", str(path), str(path), "--mark", str(out)], timeout=120)
    assert r["code"] == 2 and fragment in r["out"] and not out.exists(), r["out"]
    assert "无法生成副本" in r["out"] and r["wall"] < 60, r["wall"]


def test_diff_of_one_problem_with_thousands_of_changed_measures_is_bounded(tmp_path):
    """5,000 measures of one problem, every one reworded: comparing each old measure with each
    new one (25 million pairs) ran past two minutes; over ``MAX_FUZZY_MEASURES`` only equal
    texts are matched. Also 20,000 rows under one merged 问题 cell, compared with itself."""
    from hostile_files import BUILDERS, INFO, good_row, write_ledger

    def rows(suffix: str) -> list[list]:
        out = []
        for i in range(1, 5001):
            row = good_row(1)
            row[0], row[3] = i, f"第{i}项措施：完善制度{i}{suffix}"
            out.append(row)
        return out

    old, new = tmp_path / "上期.xlsx", tmp_path / "本期.xlsx"
    write_ledger(old, rows(""), info=INFO)
    write_ledger(new, rows("并抓好落实"), info=INFO)
    r = run_limited(["diff", str(old), str(new), "--today", "2024-05-10"], timeout=120)
    assert r["code"] in (0, 1) and "新增" in r["out"] and r["wall"] < 60, (
        r["wall"],
        r["out"][-300:],
    )
    merged = BUILDERS["merges-overlapping"](tmp_path)
    r = run_limited(["diff", str(merged), str(merged), "--today", "2024-05-10"], timeout=120)
    assert r["code"] in (0, 1) and "没有变化" in r["out"] and r["wall"] < 60, r


# ---------------------------------------------------------------------------------------------
# import: encodings and disguised files


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "gb18030", "utf-16"])
def test_import_reads_text_in_the_encodings_windows_saves(tmp_path, encoding):
    """UTF-16 whose BOM was lost (copied out of another program) read as UTF-16, not
    refused as an unknown encoding; GB18030 and UTF-16 with BOM as before."""
    text = "一、存在的问题\n1.党组理论学习中心组学习不规范。\n整改措施：完善学习制度。\n"
    path = tmp_path / f"反馈意见-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(path), "-o", str(out)], timeout=120)
    assert r["code"] == 0 and out.exists(), r["out"]
    import openpyxl

    values = [
        c
        for row in openpyxl.load_workbook(out)["整改台账"].iter_rows(values_only=True)
        for c in row
    ]
    assert any(isinstance(v, str) and "完善学习制度" in v for v in values), values


def test_import_says_a_word_file_named_txt_is_one(tmp_path):
    path = template_with(tmp_path / "反馈意见.docx", "一、存在的问题")
    renamed = path.rename(tmp_path / "反馈意见.txt")
    r = run_limited(["import", str(renamed), "-o", str(tmp_path / "台账.xlsx")], timeout=60)
    assert r["code"] == 2 and "其实是 Word/Excel" in r["out"] and "改回 .docx" in r["out"], r["out"]
