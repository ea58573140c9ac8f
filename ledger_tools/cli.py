"""The ``ledger-tools`` command: a thin click layer over the library functions.

Every command is a few lines: parse options, call one documented function, print, exit.
Heavy libraries are imported inside the commands, so ``ledger-tools --help`` stays instant.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable
from typing import Any

import click

import ledger_tools
from ledger_tools import clickzh
from ledger_tools.clickzh import friendly, pipe_closed
from ledger_tools.errors import EXIT_USAGE, LedgerToolsError

clickzh.install()

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=clickzh.Group, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="ledger-tools", message="ledger-tools %(version)s")
@click.option("--debug", is_flag=True, help="出错时显示完整的 Python 调用栈（供开发者排查）。")
def cli(debug: bool) -> None:
    """整改台账工具：校验整改台账，生成整改方案、整改情况报告和整改进展情况通报。

    \b
    常用步骤：
      ledger-tools new 台账.xlsx --unit 某区档案馆  生成标准台账，按说明填写
      ledger-tools check 台账.xlsx                  上报前校验，指出有问题的单元格
      ledger-tools report 台账.xlsx                 生成整改情况报告（Word）
    """


# Options shared by every command that reads a ledger.
def ledger_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--sheet",
        metavar="名称",
        help="台账所在工作表（默认：名为“整改台账”的表，或第一张含表头的表）。",
    )(func)
    func = click.option(
        "--map",
        "mapping",
        multiple=True,
        metavar="原列名=标准列名",
        help="把台账里的列名对应到标准列名，可重复，如 --map 牵头处室=牵头部门；--map @文件 从文本文件逐行读取"
        "（也可在台账中加一张“列名对照”表：原列名 | 标准列名）。",
    )(func)
    func = click.option(
        "--status-map",
        multiple=True,
        expose_value=False,
        callback=_status_map_option,
        metavar="原状态=标准状态",
        help="本单位自己的整改状态写法对应哪个标准状态，可重复，如 --status-map 办结归档=已完成；"
        "--status-map @文件 从文本文件逐行读取（也可在台账中加一张“状态对照”表：原状态 | 标准状态）。",
    )(func)
    return func


STATUS_MAP_AS_CHECK = (
    "本单位自己的整改状态写法对应哪个标准状态，同 check（也可在台账中加一张“状态对照”表）。"
)


def status_map_option(
    help: str = STATUS_MAP_AS_CHECK,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--status-map`` option of a command that loads ledgers (check's, for diff, duban …)."""
    return click.option(
        "--status-map",
        multiple=True,
        expose_value=False,
        callback=_status_map_option,
        metavar="原状态=标准状态",
        help=help,
    )


def _status_map_option(ctx: click.Context, param: click.Parameter, items: tuple[str, ...]) -> None:
    """``--status-map``: read by every ledger the command loads (``normalise.CLI_STATUS_MAP``)."""
    if not items:
        return
    from ledger_tools.ledger.columns import STATUSES
    from ledger_tools.ledger.normalise import CLI_STATUS_MAP
    from ledger_tools.ledger.status import read_status_map

    pairs: dict[str, str] = {}
    for item in _expand_map_files(items, "--status-map", "状态对照文件"):
        word, sep, target = item.partition("=")
        if not sep or not word.strip() or not target.strip():
            raise click.BadParameter(f"“{item}”格式不对，应写成 原状态=标准状态。")
        pairs[word.strip()] = target.strip()
    try:
        CLI_STATUS_MAP.set(read_status_map(pairs))
    except ValueError as err:
        raise click.BadParameter(
            f"“{err}”的右边不是整改状态。标准状态有：{'、'.join(STATUSES)}。"
        ) from None


def read_ledger(path: str, mapping: tuple[str, ...], sheet: str | None, today: Any = None) -> Any:
    """``load_ledger`` with the --map/--sheet options as given on the command line; ``today``
    (the command's date) gives the year of deadlines written without one when 基本信息 has no
    反馈日期 or 集中整改截止日期, as ``check --today`` does."""
    from ledger_tools.ledger.normalise import load_ledger

    return load_ledger(path, mapping=parse_mappings(mapping), sheet=sheet, today=today)


def parse_mappings(items: tuple[str, ...]) -> dict[str, str]:
    """``("原列名=标准列名", …)`` → dict; a malformed item is a usage error."""
    from ledger_tools.ledger.columns import COLUMN_NAMES

    result: dict[str, str] = {}
    for item in _expand_map_files(items, "--map", "列名对照文件"):
        source, sep, target = item.partition("=")
        source, target = source.strip(), target.strip()
        if not sep or not source or not target:
            raise click.BadParameter(
                f"“{item}”格式不对，应写成 原列名=标准列名。", param_hint="--map"
            )
        if target not in COLUMN_NAMES:
            raise click.BadParameter(
                f"“{target}”不是标准列名。标准列名有：{'、'.join(COLUMN_NAMES)}。",
                param_hint="--map",
            )
        result[source] = target
    return result


def _expand_map_files(items: tuple[str, ...], option: str, what: str) -> list[str]:
    """``--map @对照.txt`` reads one 原列名=标准列名 per line from a text file
    (``clickzh.read_option_file``: bounded, UTF-8/UTF-16/GB18030)."""
    from ledger_tools.clickzh import read_option_file

    lines: list[str] = []
    for item in items:
        lines += read_option_file(item[1:], option, what) if item.startswith("@") else [item]
    return lines


def parse_day(value: str | None, option: str) -> Any:
    """A day as a clerk types it → date (None stays None): ``2024-05-10`` and what the
    ledger's cells accept for one day (``2024-5-10``, ``2024.5.10``, ``2024/5/10``,
    ``2024年5月10日``, ``20240510``, full-width digits). A period (``2024年6月底前``), a day
    without its year (``5月10日``) or one outside the cells' years is a usage error that
    says which day to write."""
    if value is None:
        return None
    import datetime as dt

    from ledger_tools.ledger.dates import MAX_YEAR, MIN_YEAR, parse_date_value

    text = value.strip()
    with contextlib.suppress(ValueError):
        day = dt.date.fromisoformat(text)
        if not MIN_YEAR <= day.year <= MAX_YEAR:  # 9999-12-31 + the days to reply overflowed
            raise click.BadParameter(
                f"“{value}”的年份不在 {MIN_YEAR}—{MAX_YEAR} 年之间（与台账中日期的范围相同），请检查是否写错。",
                param_hint=option,
            )
        return _after_today(day, option)
    read = parse_date_value(text) if len(text) <= 40 else None
    if read is not None and read.kind == "date" and read.due and not read.note:
        return _after_today(read.due, option)
    form = "应写成 YYYY-MM-DD，如 2024-05-10"
    if read is not None and read.kind == "period" and read.due:
        why = f"是一段期限，不是某一天。请写具体的日期，如 {read.due.isoformat()}"
    elif read is not None and read.kind == "date" and read.due:  # 24.5.10: a two-digit year
        why = f"的年份只写了两位。请写全年份，如 {read.due.isoformat()}"
    elif read is not None and read.note and read.note != "不是可识别的日期":
        note = read.note.rstrip("。").replace("，如2024年6月30日", "")
        why = f"不是日期（{note}），{form}"
    else:
        why = f"不是日期，{form}"
    raise click.BadParameter(f"“{value}”{why}。", param_hint=option)


_AFTER_TODAY = {
    "--as-of": "文稿将写“截至{day}”，而数字是台账现在的情况",
    "--today": "超期和预警按这一天计算",
}


def _after_today(day: Any, option: str) -> Any:
    """``day``; a day after the real today is said once on stderr (a mistyped year, 2052 for
    2025, turned every deadline red or a report into one “截至” a day still to come)."""
    import datetime as dt

    from ledger_tools.ledger.dates import format_cn_date

    today = dt.date.today()
    ctx = click.get_current_context(silent=True)
    said = ctx.find_root().meta.setdefault("ledger_tools.after_today", set()) if ctx else set()
    if day <= today or (option, day) in said:
        return day
    said.add((option, day))
    shown = format_cn_date(day)
    what = _AFTER_TODAY.get(option, "").format(day=shown)
    click.echo(
        f"提示：{option} {shown}晚于今天（{format_cn_date(today)}）"
        f"{'，' + what if what else ''}。如是笔误（如年份写错），请改正后重新运行。",
        err=True,
    )
    return day


LARGE_FILE_BYTES = 3 * 1024 * 1024  # about 20,000 measures: reading takes a few seconds


def announce_large_file(path: str, action: str) -> None:
    """On a terminal, say that a large ledger will take a moment; quiet when piped."""
    import os

    try:
        size = os.path.getsize(path)
    except OSError:
        return
    if size >= LARGE_FILE_BYTES and sys.stderr.isatty():
        click.echo(
            f"正在读取并{action} {os.path.basename(path)}（{size / 1048576:.0f} MB，较大），请稍候……",
            err=True,
        )


def main() -> None:
    import signal

    # pandera imports hypothesis (its optional data synthesis; 0.1-0.2 s) whenever it is
    # installed; the command line never uses it, so it is marked absent for this process
    sys.modules.setdefault("hypothesis", None)  # type: ignore[arg-type]
    ledger_tools.ONE_SHOT = True  # this process ends after the command (web says otherwise)

    # SIGTERM (a closed terminal, a task manager) unwinds like Ctrl+C: temporary files are
    # removed and LibreOffice is stopped by the ``finally`` blocks on the way out.
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGTERM, _terminated)
    try:
        cli(prog_name="ledger-tools")
    except BrokenPipeError:
        pipe_closed()
    finally:
        if ledger_tools.ONE_SHOT:
            # The process ends now: what it holds is moved out of the garbage collector's
            # sight, so that the collections of Python's teardown do not walk every object
            # (polars' modules, the ledger) once more: a tenth of a check of a small ledger.
            gc.freeze()


def _terminated(signum: int, _frame: Any) -> None:
    output = sys.modules.get("ledger_tools.output")  # not imported: no file is being written
    if output is not None and output.defer_termination(signum):
        return
    sys.exit(128 + signum)


@cli.command()
@click.argument("path", metavar="台账.xlsx")
@click.option("--unit", metavar="单位名称", help="填入“基本信息”的单位名称，如 某区档案馆。")
@click.option("--force", is_flag=True, help="文件已存在时覆盖它（默认不覆盖）。")
@friendly
def new(path: str, unit: str | None, force: bool) -> None:
    """生成标准整改台账（填表说明、基本信息、整改台账、文稿段落、字典五张表），按说明填写即可。"""
    import os

    from ledger_tools.errors import OutputError
    from ledger_tools.ledger.workbook import new_workbook
    from ledger_tools.output import check_output_path, command_arg

    check_output_path(path)  # a folder, a folder that does not exist
    if os.path.exists(path) and not force:
        raise OutputError(f"{path} 已存在，为避免覆盖没有生成。请换一个文件名，或加 --force 覆盖。")
    out = new_workbook(path, unit, overwrite=force)
    click.echo(f"已生成标准台账：{out}")
    click.echo(
        "请先按“填表说明”填写“基本信息”和“整改台账”（每条措施一行），修改“文稿段落”中的示例文字。"
    )
    click.echo(f"填写后运行：ledger-tools check {command_arg(out)}")


@cli.command()
@click.argument("path", metavar="台账.xlsx")
@ledger_options
@click.option("--today", metavar="YYYY-MM-DD", help="检查日期，用于判断超期和预警（默认：今天）。")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="输出格式：text 便于阅读（默认），json 供其他程序读取。",
)
@click.option(
    "--mark",
    metavar="校验结果.xlsx",
    help="另存一份标注了问题单元格的台账副本（红色错误、黄色警告、批注，首页“校验结果”带链接）。",
)
@friendly
def check(
    path: str,
    sheet: str | None,
    mapping: tuple[str, ...],
    today: str | None,
    fmt: str,
    mark: str | None,
) -> None:
    """上报前校验台账：逐格检查必填项、日期、状态等，指出有问题的单元格。

    退出码：0 没有错误（可以有警告）；1 台账有错误；2 文件无法读取或用法错误。
    """

    from ledger_tools.ledger.checking import (
        TEXT_LIMIT,
        check_file,
        report_json_pieces,
        text_pieces,
    )
    from ledger_tools.output import check_output_path

    if mark:
        check_output_path(mark, path)  # refused before the work, not after
        from ledger_tools.errors import OutputError
        from ledger_tools.ledger.marking import replaceable_mark

        if not replaceable_mark(mark):
            raise OutputError(
                f"{mark} 已存在，且不是本工具生成的标注副本（第一张表不是“校验结果”），"
                "为免覆盖其中的内容，没有校验。请换一个文件名（--mark），或先将该文件删除或改名。"
            )
    announce_large_file(path, "校验")
    report = check_file(
        path, mapping=parse_mappings(mapping), sheet=sheet, today=parse_day(today, "--today")
    )
    # the results first: a marked copy that cannot be written (read-only folder, disk full)
    # must not cost the user the check itself
    if fmt == "json":
        for piece in report_json_pieces(report):  # (written as made: it can be hundreds of MB)
            click.echo(piece, nl=False)
        click.echo()
    else:
        for piece in text_pieces(report, limit=TEXT_LIMIT, mark=mark and f"标注副本 {mark} "):
            click.echo(piece)
    if mark:
        from ledger_tools.ledger.marking import unmarked_note, write_marked_copy
        from ledger_tools.ledger.partguard import macro_note

        write_marked_copy(path, report, mark)
        if fmt == "text":
            click.echo(f"已另存标注副本：{mark}")
            if note := macro_note(path, mark):
                click.echo(note)
        if note := unmarked_note(report):  # (with --format json on stderr: stdout is the JSON)
            click.echo(note, err=fmt == "json")
    sys.exit(0 if report.ok else 1)


# ---------------------------------------------------------------------------------------------
# stats, documents, context and templates: each a few lines over stats / render / context.

_KIND_HELP = "report 整改情况报告（默认），notice 整改进展情况通报。"


@cli.command()
@click.argument("path", metavar="台账.xlsx")
@ledger_options
@click.option(
    "--by",
    type=click.Choice(["方面", "责任部门", "责任领导", "整改状态", "单位"]),
    help="分组统计的依据（默认：方面；单位 用于 merge 生成的汇总台账）。",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式。"
)
@click.option("--today", metavar="YYYY-MM-DD", help="统计日期，用于判断超期和预警（默认：今天）。")
@friendly
def stats(
    path: str,
    sheet: str | None,
    mapping: tuple[str, ...],
    by: str | None,
    fmt: str,
    today: str | None,
) -> None:
    """统计台账：问题、措施、各状态数量、办结率、超期预警，可按方面、责任部门等分组。"""
    import datetime
    import json
    import os

    from ledger_tools.ledger.stats import compute_stats, format_stats_text

    day = parse_day(today, "--today")
    ledger = read_ledger(path, mapping, sheet, day)
    result = compute_stats(ledger, as_of=day)
    stale = []
    if "单位" in ledger.origin.columns:  # a merge's 汇总台账: its 汇总 sheet (upward.consistency)
        from ledger_tools.upward.consistency import with_summary_sheet

        stale = with_summary_sheet(path, ledger, result, day or datetime.date.today())
    text = (
        format_stats_text(result, by)
        if fmt == "text"
        else json.dumps(result, ensure_ascii=False, indent=2)
    )
    click.echo(text)
    if by == "单位" and "单位" not in ledger.origin.columns:
        click.echo(
            f"注意：{os.path.basename(path)} 没有“单位”列，全部计入“（未填）”。按单位统计用于 ledger-tools merge "
            "生成的汇总台账；单位自己的台账可按方面、责任部门、责任领导或整改状态统计。",
            err=True,
        )
    if stale:
        from ledger_tools.upward.consistency import stale_note

        click.echo(stale_note(path, stale), err=True)


def document_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by ``plan`` and ``report``."""
    for option in reversed(
        [
            click.option(
                "-o",
                "--output",
                metavar="文件.docx",
                help="输出的 Word 文件（默认：台账所在文件夹）；加 --pdf 时 PDF 与它同名。",
            ),
            click.option(
                "--as-of", metavar="YYYY-MM-DD", help="统计截止日期“截至…”（默认：今天）。"
            ),
            click.option(
                "--today",
                metavar="YYYY-MM-DD",
                help="今天的日期：校验日期和默认成文日期（默认：今天；只给 --as-of 时按该日校验）。",
            ),
            click.option("--template", metavar="T.docx", help="使用自己的 Word 模板。"),
            click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF。"),
            click.option(
                "--pdf-timeout",
                type=float,
                metavar="秒",
                help="生成 PDF 的时限，超时即停止 LibreOffice（Word 文档仍会生成）。"
                "默认按文档大小：300 秒，Word 文件每 MB 再加 300 秒。",
            ),
            click.option(
                "--overwrite",
                is_flag=True,
                help="输出文件已存在时覆盖它（默认不覆盖，以免丢失手工修改的内容）。",
            ),
            click.option(
                "--force", is_flag=True, help="台账有错误时仍然生成（错误处用【】醒目标注）。"
            ),
        ]
    ):
        func = option(func)
    return ledger_options(func)


def _document(kind: str, path: str, mapping: tuple[str, ...], sheet: str | None, **kw: Any) -> None:
    from ledger_tools.documents.context import DOC_NAMES
    from ledger_tools.documents.render import render

    check_document_output(kw["output"], kw["pdf"], DOC_NAMES[kind])
    if kw["pdf_timeout"] is not None and kw["pdf_timeout"] <= 0:
        raise click.BadParameter(
            "时限应为正数（秒），如 --pdf-timeout 600。", param_hint="--pdf-timeout"
        )
    day = parse_day(kw["today"], "--today") or parse_day(kw["as_of"], "--as-of")
    ledger = read_ledger(path, mapping, sheet, day)
    if not kw["force"] and "单位" in ledger.origin.columns:
        from ledger_tools.upward.consistency import is_merge_ledger, merged_document_refusal

        if is_merge_ledger(ledger):
            from ledger_tools.documents.render import DOC_NAMES

            raise LedgerToolsError(merged_document_refusal(path, DOC_NAMES[kind]))
    out = render(
        ledger,
        kind,
        kw["output"],
        template=kw["template"],
        as_of=parse_day(kw["as_of"], "--as-of"),
        force=kw["force"],
        pdf=kw["pdf"],
        today=parse_day(kw["today"], "--today"),
        overwrite=kw["overwrite"],
        pdf_timeout=kw["pdf_timeout"],
        since=read_ledger(kw["since"], mapping, sheet) if kw.get("since") else None,
    )
    click.echo(f"已生成：{out}")
    if kw["pdf"]:
        click.echo(f"已生成：{out.with_suffix('.pdf')}")
        from ledger_tools.documents.docformat import font_substitutions, substitution_note

        if note := substitution_note(font_substitutions()):
            click.echo(note)
        from ledger_tools.documents.evenpage import even_imprint_note

        if moved := even_imprint_note(out):
            click.echo(moved)
    import datetime

    from ledger_tools.documents.context import missing_sections, stale_date_note

    as_of = parse_day(kw["as_of"], "--as-of") or parse_day(kw["today"], "--today")
    if note := stale_date_note(ledger, kind, as_of or datetime.date.today()):
        click.echo(note)
    if empty := missing_sections(ledger, kind):
        click.echo(
            f"提示：台账的“文稿段落”表没有填写{'、'.join(empty)}，文稿中这几节暂以【本节未填写】标出。"
            "请在“文稿段落”表中补写后重新生成，或在 Word/WPS 中直接补写。"
            + (
                "（台账没有这张表时，可从 ledger-tools new 生成的标准台账中复制。）"
                if not ledger.texts
                else ""
            )
        )


def check_document_output(output: str | None, pdf: bool, document: str = "整改情况报告") -> None:
    """``-o`` must name a Word file: a folder or another extension is a usage error.
    ``document`` is the document's default file name, for the example."""
    import os

    if output is None:
        return
    name = os.path.basename(output.rstrip("/\\")) or output
    if os.path.isdir(output) or output.endswith(("/", "\\")):
        raise click.BadParameter(
            f"“{output}”是文件夹，请写出文件名，如 -o {os.path.join(output, document + '.docx')}。",
            param_hint="-o/--output",
        )
    stem, ext = os.path.splitext(name)
    if ext.lower() == ".docx":
        return
    hint = (
        f"加 --pdf 时 -o 仍写 Word 文件名（如 -o {stem}.docx），PDF 会以同名 {stem}.pdf 生成在旁边。"
        if ext.lower() == ".pdf" and pdf
        else f"生成的是 Word 文档，文件名应以 .docx 结尾，如 -o {stem or '文稿'}.docx。"
    )
    raise click.BadParameter(f"“{output}”不是 .docx 文件名：{hint}", param_hint="-o/--output")


@cli.command()
@click.argument("path", metavar="台账.xlsx")
@document_options
@friendly
def plan(path: str, mapping: tuple[str, ...], sheet: str | None, **kw: Any) -> None:
    """生成整改方案（Word），默认保存为台账所在文件夹的“整改方案.docx”。

    台账有错误时不生成（退出码 1，并列出错误），除非加 --force。
    """
    _document("plan", path, mapping, sheet, **kw)


@cli.command()
@click.argument("path", metavar="台账.xlsx")
@click.option(
    "--kind",
    type=click.Choice(["report", "notice", "summary"]),
    default="report",
    help=_KIND_HELP + "summary 汇总报告（读 merge 生成的汇总台账）。",
)
@click.option(
    "--since",
    metavar="上期.xlsx",
    help="上期报送的台账：在统计句后加一句与上期的对比（模板变量 与上期、与上期说明）。",
)
@document_options
@friendly
def report(path: str, kind: str, mapping: tuple[str, ...], sheet: str | None, **kw: Any) -> None:
    """生成整改情况报告或整改进展情况通报（Word），默认保存在台账所在文件夹。

    台账有错误时不生成（退出码 1，并列出错误），除非加 --force。
    """
    if kind == "summary":  # a merge's 汇总台账 (ledger_tools.upward.summary)
        from ledger_tools.upward.summary import summary_command

        return summary_command(path, **kw)
    _document(kind, path, mapping, sheet, **kw)


@cli.command()
@click.argument("path", metavar="台账.xlsx")
@ledger_options
@click.option(
    "--kind",
    type=click.Choice(["plan", "report", "notice"]),
    default="report",
    help="哪份文稿的上下文：plan 整改方案，report 整改情况报告（默认），notice 通报。",
)
@click.option("--as-of", metavar="YYYY-MM-DD", help="统计截止日期（默认：今天）。")
@friendly
def context(
    path: str, sheet: str | None, mapping: tuple[str, ...], kind: str, as_of: str | None
) -> None:
    """以 JSON 输出模板可用的全部变量及其取值，供编写、修改 Word 模板时参考。"""
    import json

    from ledger_tools.documents.context import build_context

    ledger = read_ledger(path, mapping, sheet)
    ctx = build_context(ledger, kind, as_of=parse_day(as_of, "--as-of"))
    click.echo(json.dumps(ctx, ensure_ascii=False, indent=2))


@cli.group(context_settings=CONTEXT_SETTINGS)
def templates() -> None:
    """导出内置 Word 模板供修改，或检查自己修改的模板。"""


@templates.command("export")
@click.argument("folder", metavar="文件夹")
@click.option("--force", is_flag=True, help="覆盖文件夹中已有的同名模板。")
@friendly
def templates_export(folder: str, force: bool) -> None:
    """把内置的整改方案、整改情况报告、整改进展情况通报模板复制到文件夹。"""
    from ledger_tools.documents.render import export_templates

    for p in export_templates(folder, overwrite=force):
        click.echo(f"已导出：{p}")


MAX_LISTED_ISSUES = 1000  # templates check lists at most this many (like check's groups)


@templates.command("check")
@click.argument("template", metavar="T.docx")
@friendly
def templates_check(template: str) -> None:
    """检查 Word 模板：未定义的变量名、语法错误、被 Word 拆开的标签。有错误时退出码为 2。"""
    from ledger_tools.documents.render import check_template

    issues = check_template(template)
    for issue in issues[:MAX_LISTED_ISSUES]:
        click.echo(str(issue))
    if len(issues) > MAX_LISTED_ISSUES:
        click.echo(
            f"……另有 {len(issues) - MAX_LISTED_ISSUES:,} 条没有在此列出"
            "（多是同一类问题，请先改正上面列出的，再检查一次）。"
        )
    errors = sum(1 for i in issues if i.severity == "error")
    if not issues:
        click.echo(f"模板 {template} 未发现问题。")
    else:
        click.echo(f"共 {errors} 个错误，{len(issues) - errors} 个提示。")
    sys.exit(EXIT_USAGE if errors else 0)


# ---------------------------------------------------------------------------------------------
# ledger-tools excel …: the same operations on the workbook open in a running Microsoft Excel.


@cli.group(context_settings=CONTEXT_SETTINGS)
def excel() -> None:
    """在正在运行的 Microsoft Excel 中，对当前打开的台账校验或生成文稿（含未保存的修改）。

    需要 Windows 或 macOS 上的 Microsoft Excel（不支持 WPS）和可选组件：
    pip install "ledger-tools[excel]"。
    """


@excel.command("check")
@ledger_options
@click.option("--today", metavar="YYYY-MM-DD", help="检查日期，用于判断超期和预警（默认：今天）。")
@friendly
def excel_check(sheet: str | None, mapping: tuple[str, ...], today: str | None) -> None:
    """校验当前工作簿：写入“校验结果”表，错误标红、警告标黄（不改动单元格内容）。"""
    from ledger_tools.excel import active_book, check_book
    from ledger_tools.ledger.checking import TEXT_LIMIT, format_text

    book = active_book()
    report = check_book(
        book, parse_day(today, "--today"), mapping=parse_mappings(mapping), sheet=sheet
    )
    click.echo(format_text(report, limit=TEXT_LIMIT, mark="当前工作簿"))
    sys.exit(0 if report.ok else 1)


@excel.command("clear")
@friendly
def excel_clear() -> None:
    """清除上次校验的标记：恢复原有底色，删除“校验结果”表。"""
    from ledger_tools.excel import active_book, clear_marks

    n = clear_marks(active_book())
    click.echo(f"已清除校验标记，恢复了 {n} 个单元格的原有底色。")


@excel.command("plan")
@ledger_options
@click.option("--template", metavar="T.docx", help="使用自己的 Word 模板。")
@click.option("--force", is_flag=True, help="台账有错误时仍然生成（错误处保持醒目标注）。")
@friendly
def excel_plan(
    sheet: str | None, mapping: tuple[str, ...], template: str | None, force: bool
) -> None:
    """为当前工作簿生成整改方案，保存在台账所在文件夹。"""
    from ledger_tools.excel import active_book, plan_book

    out = plan_book(
        active_book(), template=template, force=force, mapping=parse_mappings(mapping), sheet=sheet
    )
    click.echo(f"已生成：{out}")


@excel.command("report")
@ledger_options
@click.option(
    "--kind",
    type=click.Choice(["report", "notice"]),
    default="report",
    help="report 整改情况报告（默认），notice 整改进展情况通报。",
)
@click.option("--as-of", metavar="YYYY-MM-DD", help="统计截止日期（默认：今天）。")
@click.option("--template", metavar="T.docx", help="使用自己的 Word 模板。")
@click.option("--force", is_flag=True, help="台账有错误时仍然生成（错误处保持醒目标注）。")
@friendly
def excel_report(
    sheet: str | None,
    mapping: tuple[str, ...],
    kind: str,
    as_of: str | None,
    template: str | None,
    force: bool,
) -> None:
    """为当前工作簿生成整改情况报告或通报，保存在台账所在文件夹。"""
    from ledger_tools.excel import active_book, report_book

    out = report_book(
        active_book(),
        kind,
        as_of=parse_day(as_of, "--as-of"),
        template=template,
        force=force,
        mapping=parse_mappings(mapping),
        sheet=sheet,
    )
    click.echo(f"已生成：{out}")


# Capabilities in their own subpackages register their commands here, one line each; each is
# imported only when it runs (or help lists it).
cli.add_lazy_command("web", "ledger_tools.web.command:web")
cli.add_lazy_command("import", "ledger_tools.importing.command:import_command")
cli.add_lazy_command("merge", "ledger_tools.upward.merge:merge_command")
cli.add_lazy_command("diff", "ledger_tools.upward.diff:diff_command")
cli.add_lazy_command("duban", "ledger_tools.upward.duban:duban_command")
