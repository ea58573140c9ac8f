"""What a clerk new to the tool, and the office that receives the units' ledgers, stumbled on
in a walk through the README (each through the real command, as the clerk typed it):

- a file name with a space: the command the program suggests (“填写后运行：ledger-tools check
  我的 台账.xlsx”) was two arguments when copied; it is quoted now;
- the ``~$`` file Excel/WPS leave beside an open ledger, picked by mistake: “其实是文本文件”,
  now named as the lock file, with the ledger it belongs to;
- a ledger given to ``import`` (which reads Word, PDF, TXT): “不是有效的 Word 文档…只是改了
  扩展名”, now told to ``check`` it;
- a command without its file: “缺少参数 '台账.xlsx'.”, English quotes and full stop;
- an output that cannot be written in the current folder: “无法在 . 中写入”;
- ``duban`` listing the same cell twice when one cell holds two measures.
"""

from __future__ import annotations

import errno
import json
import shlex
import tempfile
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from ledger_tools.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"


def run(*args: object) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def suggested(output: str, prefix: str) -> list[str]:
    """The arguments of the command the program suggests on the line starting ``prefix``,
    split as a shell splits what the clerk copies."""
    line = next(x for x in output.splitlines() if x.startswith(prefix))
    words = shlex.split(line[len(prefix) :].split("；")[0])
    assert words[0] == "ledger-tools", line
    return words[1:]


def test_the_suggested_check_of_a_name_with_a_space_runs_as_copied(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "我的 台账.xlsx", "--unit", "某区档案馆")
    assert result.exit_code == 0, result.output
    assert '填写后运行：ledger-tools check "我的 台账.xlsx"' in result.output
    args = suggested(result.output, "填写后运行：")
    assert args == ["check", "我的 台账.xlsx"]
    check = run(*args)
    assert check.exit_code == 0, check.output
    assert "校验 我的 台账.xlsx" in check.output


def test_merge_suggests_commands_that_run_with_a_spaced_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "各 单位"
    folder.mkdir()
    (folder / "住建局.xlsx").write_bytes(EXAMPLE.read_bytes())
    result = run("merge", folder, "-o", "汇总 台账.xlsx", "--today", "2024-05-10", "--jobs", 1)
    assert result.exit_code == 0, result.output
    args = suggested(result.output, "可继续运行：")
    assert args == ["stats", "汇总 台账.xlsx", "--by", "单位"]
    stats = run(*args, "--today", "2024-05-10")
    assert stats.exit_code == 0, stats.output
    assert "按单位统计" in stats.output


def test_a_plain_name_is_not_quoted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "台账.xlsx")
    assert "填写后运行：ledger-tools check 台账.xlsx\n" in result.output


def test_the_lock_file_beside_an_open_ledger_is_named_as_such(tmp_path):
    ledger = tmp_path / "档案馆 台账.xlsx"
    ledger.write_bytes(EXAMPLE.read_bytes())
    # what Excel writes: the user's name, padded; for a long name "~$" replaces two characters
    for lock in (tmp_path / "~$档案馆 台账.xlsx", tmp_path / "~$案馆 台账.xlsx"):
        lock.write_bytes(b"\x08zhangsan" + b" " * 46 + "zhangsan".encode("utf-16-le"))
        for command in ("check", "stats", "report"):
            result = run(command, lock)
            assert result.exit_code == 2, result.output
            assert f"{lock.name} 是 Excel/WPS 打开台账（档案馆 台账.xlsx）时生成的临时锁定文件" in (
                result.output
            )
            assert "请校验台账文件本身（档案馆 台账.xlsx）" in result.output
            assert "文本文件" not in result.output and "意外" not in result.output
        lock.unlink()


def test_a_lock_file_without_its_ledger_beside_it(tmp_path):
    lock = tmp_path / "~$别的.xlsx"
    lock.write_bytes(b"\x04user" + b" " * 50)
    result = run("check", lock)
    assert result.exit_code == 2
    assert "临时锁定文件，不是台账" in result.output and "可以删除它" in result.output


def test_import_of_a_ledger_says_to_check_it(tmp_path):
    ledger = tmp_path / "档案馆 台账.xlsx"
    ledger.write_bytes(EXAMPLE.read_bytes())
    result = run("import", ledger, "-o", tmp_path / "新.xlsx")
    assert result.exit_code == 2, result.output
    assert "“档案馆 台账.xlsx”是 Excel 工作簿" in result.output
    assert f'ledger-tools check "{ledger}"' in result.output
    assert "不是有效的 Word 文档" not in result.output
    assert not (tmp_path / "新.xlsx").exists()


def test_a_command_without_its_file_says_so_in_chinese():
    for args, name in ((["check"], "台账.xlsx"), (["diff", "a.xlsx"], "本期.xlsx")):
        result = run(*args)
        assert result.exit_code == 2
        assert f"错误：缺少参数“{name}”。" in result.output, result.output
        assert "'" not in result.output.splitlines()[-1]
    result = run("check", "--tody", "2024-05-10", "x.xlsx")
    assert "没有选项“--tody”。" in result.output
    assert "运行 cli check --help 查看帮助。" in result.output  # (CliRunner names it cli)


def test_help_names_numbers_in_chinese():
    for command, option in (("merge", "--jobs N"), ("web", "--port 端口")):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert option in result.output
        assert "INTEGER" not in result.output


def test_an_unwritable_current_folder_is_named_in_full(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "台账.xlsx").write_bytes(EXAMPLE.read_bytes())

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    result = run("report", "台账.xlsx", "--as-of", "2024-05-10")
    assert result.exit_code == 2
    assert f"无法在当前文件夹（{tmp_path.resolve()}）中写入 整改情况报告.docx" in result.output
    assert "无法在 . 中" not in result.output


def test_duban_names_a_cell_of_two_measures_once(tmp_path):
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    col = {h: header.index(h) + 1 for h in ("整改措施", "整改时限", "整改状态")}
    row = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(r, col["整改状态"]).value == "正在推进"
    )
    ws.cell(row, col["整改措施"]).value = "1.清理往来款项；2.修订财务制度"
    ws.cell(row, col["整改时限"]).value = "2024年6月31日"
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    cell = f"整改台账!{openpyxl.utils.get_column_letter(col['整改时限'])}{row}"
    result = run("duban", path, "--today", "2024-05-10", "-o", tmp_path / "督办")
    assert result.exit_code == 0, result.output
    assert "有 2 条未办结措施的整改时限无法识别" in result.output
    assert f"{cell}“2024年6月31日”（2 条措施））。" in result.output
    assert result.output.count(f"{cell}“") == 1


def test_diff_and_duban_take_the_status_map_check_and_stats_take(tmp_path):
    """The clerk's own words (“在弄”, “OK”) told with --status-map to check and stats: diff and
    duban refused the option (“没有选项”), so the same ledger gave other figures there."""
    from ledger_tools.ledger.normalise import CLI_STATUS_MAP

    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    status = header.index("整改状态") + 1
    words = {"正在推进": "在弄", "已完成": "OK"}
    for r in range(2, ws.max_row + 1):
        ws.cell(r, status).value = words.get(ws.cell(r, status).value, ws.cell(r, status).value)
    path = tmp_path / "本期.xlsx"
    wb.save(path)
    told = ["--status-map", "在弄=正在推进", "--status-map", "OK=已完成", "--today", "2024-05-10"]
    try:
        stats = run("stats", path, "--format", "json", *told)
        assert stats.exit_code == 0, stats.output
        own = json.loads(stats.output)
        diff = run("diff", EXAMPLE, path, "--format", "json", *told)
        assert diff.exit_code == 0, diff.output
        summary = json.loads(diff.output)["summary"]
        assert summary["本期办结数"] == own["办结数"] == 7
        assert summary["状态倒退"] == summary["状态推进"] == summary["变化数"] == 0
        duban = run("duban", path, "-o", tmp_path / "督办", *told)
        assert duban.exit_code == 0, duban.output
        assert "无法识别" not in duban.output
        assert "红色 1 条" in duban.output and "黄色 1 条" in duban.output
    finally:
        CLI_STATUS_MAP.set(None)


def test_a_document_refused_for_its_own_fields_does_not_call_them_ledger_errors(tmp_path):
    """check said 没有错误，可以上报; report --kind notice then said “台账有 2 处错误……
    ledger-tools check 可查看全部” for two 基本信息 fields only the 通报 needs, which check
    does not report. The refusal now says what is missing for this document."""
    wb = openpyxl.load_workbook(EXAMPLE)
    for row in wb["基本信息"].iter_rows(min_row=2):
        if row[0].value in ("联系电话", "通信地址"):
            row[1].value = None
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    check = run("check", path, "--today", "2024-05-10")
    assert check.exit_code == 0 and "没有错误" in check.output
    result = run("report", path, "--kind", "notice", "--as-of", "2024-05-10")
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(
        "错误：生成整改进展情况通报要用的基本信息或文稿段落还有 2 项没有填好，未生成整改进展情况通报"
    ), first
    assert "台账有" not in first and "ledger-tools check 不把它们算作错误" in first
    assert "基本信息“联系电话”未填写" in result.output
    # with an error of the ledger too, both are counted apart
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    ws.cell(3, header.index("整改状态") + 1).value = "差不多完成"
    wb.save(path)
    result = run("report", path, "--kind", "notice", "--as-of", "2024-05-10")
    first = result.output.splitlines()[0]
    assert "台账有 1 处错误，生成整改进展情况通报要用的基本信息或文稿段落还有 2 项没有填好" in first
    # the report, which needs neither field, is refused for the ledger's error alone
    result = run("report", path, "--as-of", "2024-05-10")
    assert result.output.splitlines()[0] == (
        "错误：台账有 1 处错误，未生成整改情况报告。请先改正（ledger-tools check 可查看全部），"
        "或加 --force 强制生成（无法识别的内容会在文稿中用【】标出）："
    )


def test_a_new_ledgers_example_paragraphs_are_one_line_of_check(tmp_path):
    """check of a ledger just made by ``new``: the 12 paragraphs of 文稿段落 still marked
    “【示例，请修改】” were 12 identical lines; one line names the cells now. JSON (and the
    marked copy) keep one finding per cell."""
    path = tmp_path / "台账.xlsx"
    assert run("new", path).exit_code == 0
    result = run("check", path, "--today", "2024-05-10")
    lines = [x for x in result.output.splitlines() if "示例文字" in x]
    assert len(lines) == 1, result.output
    assert lines[0].split()[0] == "文稿段落!D2:D13"
    assert "（12 处）文稿段落中还有示例文字“【示例，请修改】”" in lines[0]
    assert "警告（13 处）" in result.output  # the count is every cell
    found = json.loads(run("check", path, "--format", "json").output)["findings"]
    assert sum(f["rule"] == "example-text" for f in found) == 12


def renamed_example(unit: str) -> openpyxl.Workbook:
    """The example ledger as another unit sends it: its 单位名称 in 基本信息 is ``unit``."""
    wb = openpyxl.load_workbook(EXAMPLE)
    for row in wb["基本信息"].iter_rows(min_row=2):
        if row[0].value == "单位名称":
            row[1].value = unit
    return wb


def test_merge_names_what_it_cannot_read_in_a_units_folder(tmp_path):
    """A unit that sent its ledger as .ods, .csv or inside a .zip was left out of the 汇总
    without a word (merge looked for .xlsx/.xlsm/.xls only); a WPS .et (often an .xlsx
    within) too. Now the .et is read and the others are listed in 未能读取 with what to do;
    Word documents and PDFs (佐证材料) are still passed over."""
    folder = tmp_path / "各单位"
    folder.mkdir()
    (folder / "住建局.xlsx").write_bytes(EXAMPLE.read_bytes())
    renamed_example("某区水务局").save(folder / "水务局.et")
    (folder / "统计局.ods").write_bytes(b"PK\x03\x04")
    (folder / "城管局.csv").write_text("序号,方面\n", encoding="utf-8")
    (folder / "档案馆.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (folder / "佐证材料.pdf").write_bytes(b"%PDF-1.4\n")
    out = tmp_path / "汇总.xlsx"
    result = run("merge", folder, "-o", out, "--today", "2024-05-10", "--jobs", 1)
    assert result.exit_code == 0, result.output
    assert "读取 2 个单位，3 个未能读取" in result.output
    assert "统计局.ods：这是 OpenDocument 表格（.ods）" in result.output
    assert "城管局.csv：这是 CSV 文本表格（.csv）" in result.output
    assert (
        "档案馆.zip：这是压缩包" in result.output and "请解压到这个文件夹后再汇总" in result.output
    )
    assert "佐证材料.pdf" not in result.output
    units = {r[0].value for r in openpyxl.load_workbook(out)["汇总"].iter_rows(min_row=2)}
    assert {"某区水务局", "某区住房和城乡建设局"} <= units
    failed = [r[0].value for r in openpyxl.load_workbook(out)["未能读取"].iter_rows(min_row=2)]
    assert len(failed) == 3


def test_stats_by_unit_of_a_units_own_ledger_says_what_it_is_for():
    """stats --by 单位 of a unit's own ledger printed one row “（未填）” and nothing else."""
    result = CliRunner().invoke(
        cli, ["stats", str(EXAMPLE), "--by", "单位", "--today", "2024-05-10"]
    )
    assert result.exit_code == 0
    assert "（未填）" in result.stdout
    assert "示例台账.xlsx 没有“单位”列" in result.stderr
    assert "按单位统计用于 ledger-tools merge 生成的汇总台账" in result.stderr


def _merged(tmp_path: Path) -> Path:
    """A 汇总台账 of two units (the example twice, one renamed), merged as the office does."""
    folder = tmp_path / "各单位"
    folder.mkdir()
    (folder / "住建局.xlsx").write_bytes(EXAMPLE.read_bytes())
    renamed_example("某区水务局").save(folder / "水务局.xlsx")
    out = tmp_path / "汇总台账.xlsx"
    result = run("merge", folder, "-o", out, "--today", "2024-05-10", "--jobs", 1)
    assert result.exit_code == 0, result.output
    return out


def test_duban_of_a_merged_workbook_sends_one_notice_per_unit(tmp_path):
    """duban of the 汇总台账 without --by grouped by 责任部门 across units: one notice to
    “财务科” for the 财务科 of every unit. Now a 汇总台账 is 督办'd by unit unless told."""
    merged = _merged(tmp_path)
    result = run("duban", merged, "--today", "2024-05-10", "-o", tmp_path / "督办")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("这是汇总台账，按单位督办")
    assert "按单位：共 2 个" in result.output
    assert (tmp_path / "督办" / "督办通知-某区水务局.docx").exists()
    assert not (tmp_path / "督办" / "督办通知-财务科.docx").exists()
    told = run(
        "duban", merged, "--today", "2024-05-10", "-o", tmp_path / "部门", "--by", "责任部门"
    )
    assert told.exit_code == 0, told.output
    assert "不同单位的同名责任部门（如两个单位的“财务科”）合在一份通知里" in told.output
    own = run("duban", EXAMPLE, "--today", "2024-05-10", "-o", tmp_path / "单位")
    assert own.output.startswith("按责任部门：")  # a unit's own ledger: as before


def test_plan_or_report_of_a_merged_workbook_points_to_the_summary_report(tmp_path):
    """report 汇总台账.xlsx (without --kind summary) made a unit's 整改情况报告 of the 汇总台账,
    refused for its empty 单位名称: the office did not learn of the 汇总报告."""
    merged = _merged(tmp_path)
    for args in (["report"], ["plan"], ["report", "--kind", "notice"]):
        result = run(*args, merged, "--as-of", "2024-05-10", "-o", tmp_path / "x.docx")
        assert result.exit_code == 2, result.output
        assert "汇总台账.xlsx 是 ledger-tools merge 生成的汇总台账" in result.output
        assert f"ledger-tools report {merged} --kind summary" in result.output
        assert not (tmp_path / "x.docx").exists()
    summary = run("report", merged, "--kind", "summary", "-o", tmp_path / "汇总报告.docx")
    assert summary.exit_code == 0, summary.output


def test_a_copy_of_the_ledger_sheet_is_named_not_joined(tmp_path):
    """The clerk copied the 整改台账 sheet to update it ("整改台账 (2)", as Excel and WPS name a
    copy) and marked one more measure done there: check still reads 整改台账, as it said, and
    now also says that the copy was not read, with the --sheet that reads it (quoted, the name
    has a space); the copy is not joined (its measures would count twice). A 整改台账填表说明
    sheet is no copy."""
    wb = openpyxl.load_workbook(EXAMPLE)
    copy = wb.copy_worksheet(wb["整改台账"])
    copy.title = "整改台账 (2)"
    copy["L3"] = "已完成"
    guide = wb.create_sheet("整改台账填表说明")
    guide.append(["序号", "问题", "整改措施", "责任部门", "整改时限", "整改状态"])
    guide.append([1, "示例问题", "示例措施", "办公室", "2024年6月底前", "正在推进"])
    book = tmp_path / "台账.xlsx"
    wb.save(book)
    plain = json.loads(run("check", EXAMPLE, "--today", "2024-05-10", "--format", "json").output)
    result = run("check", book, "--today", "2024-05-10", "--format", "json")
    found = json.loads(result.output)
    assert found["totals"] == plain["totals"]  # 整改台账 alone, not joined with its copy
    (copied,) = [f for f in found["findings"] if f["rule"] == "ledger-sheet-copy"]
    assert copied["sheet"] == "整改台账 (2)" and copied["severity"] == "warning"
    assert '--sheet "整改台账 (2)"' in copied["message"]
    assert "没有校验、也没有计入统计" in copied["message"]
    args = shlex.split(copied["message"].split("或加 ")[1].split(" 校验它")[0])
    again = run("check", book, "--today", "2024-05-10", *args)
    assert "读取方式：工作表“整改台账 (2)”" in again.output
    assert "已完成 4 项" in again.output  # the copy's own statuses
