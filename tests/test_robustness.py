"""The malformed-input corpus of README “安全与可靠性”: each input with its exit code and Chinese message,
never a traceback, and the input's bytes unchanged."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import INFO, STANDARD_HEADER, good_row, write_ledger

from ledger_tools.cli import cli


def _not_a_zip(p: Path) -> None:
    p.write_text("这不是表格", encoding="utf-8")


def _truncated(p: Path) -> None:
    write_ledger(p, [good_row(1)])
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


def _encrypted(p: Path) -> None:
    import msoffcrypto.format.ooxml as ooxml

    plain = p.with_suffix(".plain.xlsx")
    write_ledger(plain, [good_row(1)])
    out = io.BytesIO()
    with plain.open("rb") as fh:
        ooxml.OOXMLFile(fh).encrypt("secret", out)
    p.write_bytes(out.getvalue())


def _empty_workbook(p: Path) -> None:
    openpyxl.Workbook().save(p)


def _no_header(p: Path) -> None:
    wb = openpyxl.Workbook()
    for i in range(20):
        wb.active.append([i, "一些内容", "没有表头"])
    wb.save(p)


def _missing_column(p: Path) -> None:
    header = [h for h in STANDARD_HEADER if h != "整改措施"]
    write_ledger(
        p,
        [[v for h, v in zip(STANDARD_HEADER, good_row(1), strict=True) if h != "整改措施"]],
        header=header,
    )


def _only_title(p: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "某局巡察整改台账"
    wb.save(p)


def _blank_rows(p: Path) -> None:
    write_ledger(p, [good_row(1)] + [[None] * 13] * 10_000 + [good_row(2)], info=INFO)
    wb = openpyxl.load_workbook(p)
    wb.active.cell(row=10_003, column=1).value = " "
    wb.save(p)


def _huge_cell(p: Path) -> None:
    write_ledger(p, [good_row(1, 整改进展及成效="很长的进展" * 6553 + "完")], info=INFO)


def _formula(p: Path) -> None:
    write_ledger(p, [good_row(1, 责任人="=B2&C2")], info=INFO)


def _merged_header(p: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "方面", "问题", "整改措施", "责任", None, "整改时限", "整改状态"])
    ws.append([None, None, None, None, "责任领导", "责任部门", None, None])
    ws.append([1, "某方面", "某问题", "某措施", "王某", "办公室", "长期坚持", "正在推进"])
    ws.merge_cells("E1:F1")
    wb.save(p)


def _text_dates(p: Path) -> None:
    write_ledger(
        p,
        [good_row(i, 整改时限=t) for i, t in enumerate(["尽快", "年底", "下周", "马上"], 1)],
        info=INFO,
    )


def _unknown_status(p: Path) -> None:
    write_ledger(p, [good_row(1, 整改状态="搞定了")], info=INFO)


def _no_info(p: Path) -> None:
    write_ledger(p, [good_row(1)])


# name, builder, exit code, a fragment of the message
CORPUS = [
    ("not-a-zip", _not_a_zip, 2, "不是 Excel 工作簿"),
    ("truncated-zip", _truncated, 2, "已损坏"),
    ("encrypted", _encrypted, 2, "密码"),
    ("empty-workbook", _empty_workbook, 2, "空工作簿"),
    ("header-missing", _no_header, 2, "没有找到台账表头"),
    ("required-column-missing", _missing_column, 1, "缺少必需的列“整改措施”"),
    ("only-title-row", _only_title, 2, "没有找到台账表头"),
    ("10000-blank-rows", _blank_rows, 0, "共 2 个问题"),
    ("32767-char-cell", _huge_cell, 0, "结论：没有发现问题"),
    ("formula-without-value", _formula, 1, "是公式，但文件中没有保存计算结果"),
    ("merged-header-cells", _merged_header, 0, "共 1 个问题"),
    ("date-column-of-text", _text_dates, 1, "整改时限“尽快”无法识别"),
    ("unknown-status", _unknown_status, 1, "整改状态“搞定了”不是规定的值"),
    ("no-info-sheet", _no_info, 0, "结论：没有发现问题"),
]


@pytest.mark.parametrize("name, build, code, fragment", CORPUS, ids=[c[0] for c in CORPUS])
def test_malformed_corpus(tmp_path, name, build, code, fragment):
    path = tmp_path / f"{name}.xlsx"
    build(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    res = CliRunner().invoke(cli, ["check", str(path), "--today", "2024-05-10"])
    assert res.exit_code == code, res.output
    assert fragment in res.output
    assert "Traceback" not in res.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_missing_file_and_folder(tmp_path):
    res = CliRunner().invoke(cli, ["check", str(tmp_path / "没有.xlsx")])
    assert res.exit_code == 2 and "找不到文件" in res.output
    res = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert res.exit_code == 2 and "文件夹" in res.output


def test_mark_onto_the_input_or_a_folder_is_refused(tmp_path):
    path = write_ledger(tmp_path / "台账.xlsx", [good_row(1)], info=INFO)
    before = path.read_bytes()
    res = CliRunner().invoke(cli, ["check", str(path), "--mark", str(path)])
    assert res.exit_code == 2 and "与输入文件相同" in res.output
    folder = tmp_path / "locked.xlsx"
    folder.mkdir()
    res = CliRunner().invoke(cli, ["check", str(path), "--mark", str(folder)])
    assert res.exit_code == 2 and "是一个文件夹，不是文件" in res.output
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~ledger-tools")]


def test_no_traceback_in_a_real_process(tmp_path):
    bad = tmp_path / "坏.xlsx"
    _truncated(bad)
    proc = subprocess.run(
        [sys.executable, "-m", "ledger_tools", "check", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "已损坏" in proc.stderr
    debug = subprocess.run(
        [sys.executable, "-m", "ledger_tools", "--debug", "check", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" in debug.stderr


def test_zip_that_is_not_a_workbook(tmp_path):
    p = tmp_path / "x.xlsx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "hi")
    res = CliRunner().invoke(cli, ["check", str(p)])
    # a zip of other files, not a damaged workbook: named as such, with what is inside
    assert res.exit_code == 2 and "其实是压缩包（.zip，只是扩展名为 .xlsx）" in res.output
    assert "里面有：hello.txt" in res.output


def test_a_word_document_given_as_the_ledger_is_named_as_such(tmp_path):
    import docx

    p = tmp_path / "整改方案.docx"
    docx.Document().save(p)
    res = CliRunner().invoke(cli, ["check", str(p)])
    assert res.exit_code == 2 and "是 Word 文档，不是 Excel 台账" in res.output
    assert "已损坏" not in res.output


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--today", "2024-13-01"], "--today 的值无效：“2024-13-01”不是日期"),
        (["--map", "巡察反馈问题"], "--map 的值无效：“巡察反馈问题”格式不对"),
    ],
)
def test_bad_option_values_found_in_the_command_are_usage_errors(tmp_path, args, fragment):
    path = write_ledger(tmp_path / "台账.xlsx", [good_row(1)])
    res = CliRunner().invoke(cli, ["check", str(path), *args])
    assert res.exit_code == 2 and fragment in res.output
    assert "意外问题" not in res.output and "用法" in res.output


def test_running_out_of_memory_is_said_in_chinese_not_as_an_unexpected_problem():
    """Whatever a bound missed, a real MemoryError (an allocation no machine can give) ends
    in one Chinese line and exit 2, not in the 意外问题 handler."""
    import click

    from ledger_tools.clickzh import friendly

    @click.command()
    @click.option("--debug", is_flag=True)
    @friendly
    def greedy(debug: bool) -> None:
        bytearray(1 << 62)

    res = CliRunner().invoke(greedy, [])
    assert res.exit_code == 2 and "内存不足" in res.output and "拆分" in res.output
    assert "意外问题" not in res.output and "Traceback" not in res.output
