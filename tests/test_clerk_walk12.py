"""Round 12 of a clerk new to the tool walking the README, each through the real command (or
the real page) as the clerk typed or clicked it:

- dates typed as clerks write them (``2024-5-10``, ``2024.5.10``, ``2024年5月10日``) were
  “不是日期”; a day after today (a mistyped year) was taken without a word;
- click's own errors: “'--kind' 的值无效：'通报' 不是 'report', 'notice', 'summary'”,
  “0 不在范围 1<=x<=64 内”, a path with a space, unquoted, was “多余的参数（台账.xlsx）”;
- ``--help``: a Chinese character counted as one column (ragged columns, lines twice too
  long), “pip install "ledger-” / “tools[excel]"” broken at the hyphen, “[默认：8765; 0<=x<=65535]”;
- a unit's .zip (names in GBK, as Chinese Windows writes them) given to check/import/merge or the
  page: “已损坏” / “不是有效的 Word 文档”, and where names were shown, code-page-437 noise;
- the page refused a WPS .et that ``check`` reads, and called a Word document only “不是 Excel 台账”;
- last year's report given as ``--template``: a “document” without a word of the ledger, no word said.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from ledger_tools.cli import cli
from ledger_tools.clickzh import display_width

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"


def run(*args: object, **kw: object):
    return CliRunner().invoke(cli, [str(a) for a in args], **kw)


def error_line(result) -> str:
    return next(x for x in result.output.splitlines() if x.startswith("错误："))


# ---------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    "typed",
    ["2024-5-10", "2024.5.10", "2024/5/10", "2024年5月10日", "20240510", "２０２４－０５－１０"],
)
def test_a_day_is_taken_as_clerks_type_it(typed):
    result = run("stats", EXAMPLE, "--today", typed)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("整改台账统计（截至2024年5月10日）")


def test_a_report_as_of_a_day_typed_with_dots(tmp_path):
    out = tmp_path / "报告.docx"
    result = run("report", EXAMPLE, "--as-of", "2024.5.10", "-o", out)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "截至2024年5月10日" in text


@pytest.mark.parametrize(
    "typed, said",
    [
        ("5月10日", "没有年份"),
        ("6.30", "没有年份"),
        ("2024年6月底前", "是一段期限，不是某一天。请写具体的日期，如 2024-06-30"),
        ("24.5.10", "年份只写了两位。请写全年份，如 2024-05-10"),
        ("2024.2.30", "2024年2月30日不存在"),
        ("明天", "不是日期，应写成 YYYY-MM-DD"),
        ("2204-06-30", "1990—2100"),
    ],
)
def test_a_day_that_is_not_one_says_which_to_write(typed, said):
    result = run("check", EXAMPLE, "--today", typed)
    assert result.exit_code == 2
    line = error_line(result)
    assert line.startswith(f"错误：--today 的值无效：“{typed}”") and said in line, line
    assert "意外问题" not in result.output


def test_a_day_after_today_is_said_once(tmp_path):
    later = dt.date.today() + dt.timedelta(days=400)
    out = tmp_path / "报告.docx"
    result = run("report", EXAMPLE, "--as-of", later.isoformat(), "-o", out, "--force")
    assert result.exit_code == 0, result.output
    cn = f"{later.year}年{later.month}月{later.day}日"
    notes = [x for x in result.output.splitlines() if x.startswith("提示：--as-of")]
    assert len(notes) == 1, result.output  # (the date is read three times by the command)
    assert f"{cn}晚于今天" in notes[0] and f"文稿将写“截至{cn}”" in notes[0]
    assert "笔误" in notes[0] and out.exists()

    result = run("check", EXAMPLE, "--today", later.isoformat())
    assert "提示：--today" in result.output and "超期和预警按这一天计算" in result.output
    result = run("check", EXAMPLE, "--today", "2024-05-10")
    assert "晚于今天" not in result.output


# ---------------------------------------------------------------------------------------------
# click's own messages


@pytest.mark.parametrize(
    "args, said",
    [
        (
            ["merge", "x", "-o", "y.xlsx", "--jobs", "0"],
            "--jobs 的值无效：0 超出范围（应为 1 至 64）。",
        ),
        (["web", "--port", "abc"], "--port 的值无效：“abc”不是数字，请写阿拉伯数字"),
        (["duban", "x.xlsx", "--reply-days", "五"], "--reply-days 的值无效：“五”不是数字"),
        (
            ["report", "x.xlsx", "--kind", "通报"],
            "--kind 的值无效：“通报”不是可选的值，可选：“report”、“notice”、“summary”。",
        ),
        (["report", "x.xlsx", "--kind"], "选项 --kind 后面要写一个值。"),
        (["chek", "x.xlsx"], "没有命令“chek”。是否想输入 “check”？"),
        (["check", "x.xlsx", "--tody", "1"], "没有选项“--tody”。是否想输入 --today？"),
    ],
)
def test_click_errors_read_as_chinese(args, said):
    result = run(*args)
    assert result.exit_code == 2
    line = error_line(result)
    assert said in line, line
    assert "'" not in line and "<=" not in line, line


def test_an_unquoted_path_with_a_space_is_explained(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "我的 台账.xlsx").write_bytes(EXAMPLE.read_bytes())
    result = run(
        "check", "我的", "台账.xlsx"
    )  # as a shell splits ledger-tools check 我的 台账.xlsx
    assert result.exit_code == 2
    line = error_line(result)
    assert "多余的参数（台账.xlsx）" in line and "英文双引号" in line and '"我的 台账.xlsx"' in line


# ---------------------------------------------------------------------------------------------
# --help


COMMANDS = [
    [],
    ["new"],
    ["check"],
    ["stats"],
    ["plan"],
    ["report"],
    ["context"],
    ["templates"],
    ["templates", "export"],
    ["templates", "check"],
    ["import"],
    ["merge"],
    ["diff"],
    ["duban"],
    ["web"],
    ["excel"],
    ["excel", "report"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "ledger-tools")
def test_help_is_laid_out_by_display_width(command):
    result = run(*command, "--help", terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(display_width(line) <= 80 for line in lines), [
        x for x in lines if display_width(x) > 80
    ]
    assert "选项：" in lines and "选项:" not in lines
    assert lines[0].startswith("用法：ledger-tools") or lines[0].startswith("用法：cli")
    assert "<=x<=" not in result.output and "; " not in result.output
    # every description of the option and command lists starts in one column
    columns = set()
    section = False
    for line in lines:
        if line in ("选项：", "命令："):
            section = True
            continue
        if not line.strip():
            section = False
        found = re.match(r"(  \S.*?\S)  +(\S)", line) if section else None
        if found:
            columns.add(display_width(line[: found.start(2)]))
    assert len(columns) <= 2, (columns, result.output)  # (options, commands)


def test_help_keeps_a_command_whole_and_says_defaults_in_chinese():
    result = run("excel", "--help", terminal_width=80)
    assert '"ledger-tools[excel]"' in result.output
    result = run("web", "--help", terminal_width=100)
    assert "默认：8765；可填 0 至 65535。" in result.output
    result = run("merge", "--help", terminal_width=100)
    assert "1 至 64" in result.output and "可填 1 至 64" not in result.output  # said once


# ---------------------------------------------------------------------------------------------
# A unit's archive, its names in GBK


class _GBKName(zipfile.ZipInfo):
    """An entry as the Explorer's 发送到压缩文件夹 on a Chinese Windows writes it: the name in
    GBK, the UTF-8 flag not set."""

    def _encodeFilenameFlags(self):  # noqa: N802 - zipfile's name
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def gbk_zip(path: Path, files: dict[str, bytes]) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(_GBKName(name), data)
    path.write_bytes(buf.getvalue())
    assert "巡察" not in "".join(zipfile.ZipFile(path).namelist())  # Python alone shows noise
    return path


@pytest.fixture
def unit_zip(tmp_path: Path) -> Path:
    return gbk_zip(
        tmp_path / "下属单位报送材料.zip",
        {"巡察反馈意见.docx": b"x", "台账/城建局台账.xlsx": EXAMPLE.read_bytes()},
    )


def test_a_zip_given_as_a_ledger_is_named_with_its_files(unit_zip):
    for command in ("check", "stats", "report"):
        result = run(command, unit_zip)
        assert result.exit_code == 2
        line = error_line(result)
        assert "下属单位报送材料.zip 是压缩包（.zip），不是 Excel 台账" in line, line
        assert "里面有：巡察反馈意见.docx、台账/城建局台账.xlsx" in line
        assert "请先解压" in line and f"ledger-tools {command} 城建局台账.xlsx" in line
        assert "已损坏" not in line


def test_a_zip_given_to_import_names_the_documents_in_it(unit_zip, tmp_path):
    result = run("import", unit_zip, "-o", tmp_path / "台账.xlsx")
    assert result.exit_code == 2
    line = error_line(result)
    assert "是压缩包（.zip），不是要导入的文稿" in line and "巡察反馈意见.docx" in line
    assert "ledger-tools import 巡察反馈意见.docx -o 台账.xlsx" in line
    assert "不是有效的 Word 文档" not in line


def test_merge_names_the_ledgers_in_a_units_zip(unit_zip, tmp_path):
    folder = tmp_path / "各单位"
    folder.mkdir()
    (folder / "一局.xlsx").write_bytes(EXAMPLE.read_bytes())
    unit_zip.rename(folder / unit_zip.name)
    result = run("merge", folder, "-o", tmp_path / "汇总.xlsx", "--jobs", 1)
    assert result.exit_code == 0, result.output
    assert "里面有台账：台账/城建局台账.xlsx，请解压到这个文件夹后再汇总" in result.output


def test_rar_and_7z_are_named_as_archives(tmp_path):
    for suffix, head in ((".rar", b"Rar!\x1a\x07\x00"), (".7z", b"7z\xbc\xaf\x27\x1c\x00\x04")):
        path = tmp_path / f"材料{suffix}"
        path.write_bytes(head + bytes(64))
        for command in ("check", "import"):
            result = (
                run(command, path, "-o", tmp_path / "x.xlsx")
                if command == "import"
                else run(command, path)
            )
            assert result.exit_code == 2
            assert f"材料{suffix} 是压缩包（{suffix}）" in error_line(result)


# ---------------------------------------------------------------------------------------------
# A template that is not one


def test_a_generated_document_given_as_template_is_refused(tmp_path):
    report = tmp_path / "去年的报告.docx"
    assert run("report", EXAMPLE, "--as-of", "2024-05-10", "-o", report).exit_code == 0
    out = tmp_path / "新报告.docx"
    result = run("report", EXAMPLE, "--as-of", "2024-05-10", "--template", report, "-o", out)
    assert result.exit_code == 2
    line = error_line(result)
    assert "模板 去年的报告.docx 中没有任何模板变量" in line and "templates export" in line
    assert not out.exists()
    result = run("templates", "check", report)
    assert result.exit_code == 2 and "没有任何模板变量" in result.output

    # an exported template, changed by the clerk, is still one
    folder = tmp_path / "模板"
    assert run("templates", "export", folder).exit_code == 0
    document = docx.Document(str(folder / "整改情况报告.docx"))
    document.add_paragraph("（本单位加的一段）")
    document.save(str(folder / "整改情况报告.docx"))
    result = run(
        "report",
        EXAMPLE,
        "--as-of",
        "2024-05-10",
        "--template",
        folder / "整改情况报告.docx",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------------------------------------
# The page: the wrong file uploaded


def _office_xls(tmp_path: Path) -> Path:
    """The example saved by LibreOffice in the binary format WPS's .et shares, named .et."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice 未安装")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xls",
         "--outdir", str(tmp_path), str(EXAMPLE)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    et = tmp_path / "旧台账.et"
    (tmp_path / "示例台账.xls").rename(et)
    return et


@pytest.fixture(scope="module")
def page_server():
    pytest.importorskip("starlette")
    pytest.importorskip("httpx")
    from test_web import Server

    server = Server()
    yield server
    server.stop()


def test_the_page_says_what_a_wrong_upload_is(page_server, unit_zip, tmp_path):
    res = page_server.api("api/upload", files={"file": (unit_zip.name, unit_zip.read_bytes())})
    error = res.json()["error"]
    assert res.status_code == 400 and "是压缩包（.zip），不是 Excel 台账" in error
    assert "巡察反馈意见.docx、台账/城建局台账.xlsx" in error and "再选择其中的台账" in error

    res = page_server.api("api/upload", files={"file": ("巡察反馈意见.docx", b"PK\x03\x04 x")})
    error = res.json()["error"]
    assert res.status_code == 400 and "是文稿，不是 Excel 台账" in error
    assert "ledger-tools import 巡察反馈意见.docx -o 台账.xlsx" in error

    res = page_server.api("api/upload", files={"file": ("台账.csv", b"a,b\n1,2\n")})
    assert res.status_code == 400 and "另存为" in res.json()["error"]


def test_the_page_checks_a_wps_et_ledger_as_check_does(page_server, tmp_path):
    et = _office_xls(tmp_path)
    res = page_server.api(
        "api/upload", files={"file": (et.name, et.read_bytes())}, data={"today": "2024-05-10"}
    )
    assert res.status_code == 200, res.text
    body = res.json()
    assert body["file"] == "旧台账.et" and body["ok"]
    res = page_server.api("api/download", json={"id": body["id"], "what": "marked"})
    error = res.json()["error"]
    assert "无法生成标注副本" in error and "重新上传" in error and "--mark" not in error


def test_the_page_shows_the_names_in_a_gbk_zip(page_server, unit_zip, tmp_path):
    from test_web import CHROMIUM

    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM:
        pytest.skip("Chromium 未安装")
    et = _office_xls(tmp_path)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(page_server.url)
            assert ".et" in page.get_attribute("#file", "accept")
            page.set_input_files("#file", str(unit_zip))
            page.wait_for_selector("#message:not([hidden])")
            text = page.inner_text("#message")
            assert "巡察反馈意见.docx" in text and "台账/城建局台账.xlsx" in text, text
            page.fill("#today", "2024-05-10")
            page.set_input_files("#file", str(et))
            page.wait_for_selector("#verdict-text")
            assert "可以上报" in page.inner_text("#verdict-text")
        finally:
            browser.close()


# ---------------------------------------------------------------------------------------------
# A file name typed not quite right


def test_a_missing_ledger_names_the_close_files_of_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "台账.xlsx").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "说明.docx").write_bytes(b"x")
    for typed in ("台帐.xlsx", "台账", "2024台账.xlsx"):
        line = error_line(run("check", typed))
        assert line == f"错误：找不到文件：{typed}。同一文件夹中有：台账.xlsx，是否是其中之一？", (
            line
        )
    line = error_line(run("stats", "没有这本.xlsx"))
    assert "请检查文件名和路径是否正确" in line and "说明.docx" not in line
    line = error_line(run("check", "各单位/台账.xlsx"))
    assert "文件夹“各单位”不存在" in line
    line = error_line(run("import", "说明.doc", "-o", "x.xlsx"))
    assert "同一文件夹中有：说明.docx" in line
