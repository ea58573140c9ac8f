"""The ``ledger-tools import`` command: a thin click layer over ``writing.import_files``.

Only click is imported at module level, so ``ledger-tools --help`` stays instant.
"""

from __future__ import annotations

import json

import click

from ledger_tools import clickzh
from ledger_tools.clickzh import friendly

_KIND_HELP = (
    "文件类型：feedback 反馈意见，plan 整改方案，report 整改情况报告，notice 整改进展情况通报，"
    "auto 按标题和内容自动判断（默认）。"
)


@click.command("import", cls=clickzh.Command)
@click.argument("files", nargs=-1, required=True, metavar="文件…")
@click.option(
    "-o", "--output", metavar="台账.xlsx", help="生成的标准台账（--format json 时不需要）。"
)
@click.option(
    "--kind",
    type=click.Choice(["auto", "feedback", "plan", "report", "notice"]),
    default="auto",
    help=_KIND_HELP,
)
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它（默认不覆盖）。")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="json：只打印识别出的结构（方面、问题、措施、基本信息、提醒），不写台账。",
)
@friendly
def import_command(
    files: tuple[str, ...], output: str | None, kind: str, force: bool, fmt: str
) -> None:
    """从反馈意见、整改方案、整改情况报告或通报（Word、WPS、PDF、OFD、TXT、保存的网页）生成标准整改台账。

    \b
    几个文件一起导入时（如整改方案和后来的整改情况报告），措施按问题对应合并，
    整改进展和状态以后面的文件为准。每行的“备注”写明来自哪个文件的第几段（页）；
    无法归入台账的段落逐条列为提醒，不会悄悄丢掉。

    \b
    例：ledger-tools import 整改方案.docx 整改情况报告.pdf -o 台账.xlsx
    """
    from ledger_tools.importing.writing import import_files, write_imported

    if fmt == "text" and not output:
        raise click.UsageError(
            "请用 -o 指定要生成的台账文件，如 -o 台账.xlsx（只查看识别结果可加 --format json）。"
        )
    imported = import_files(list(files), kind)
    if fmt == "text" and not imported.rows:
        from ledger_tools.errors import UnreadableFile

        names = "、".join(f"“{_short(f)}”" for f in files)
        # A table that was there but could not be split into rows: say that, not "no numbering".
        tables = [w for w in imported.warnings if "无法可靠地分列读取" in w]
        raise UnreadableFile(
            f"{names}中没有识别出任何问题或整改措施，没有生成台账。"
            + (
                tables[0]
                if tables
                else "文中应有“一、（一）1.（1）”“问题1：”等编号，或问题清单、任务清单表格；"
                "可加 --format json 查看识别到的内容。"
            )
        )
    if fmt == "json":
        click.echo(json.dumps(_json(imported), ensure_ascii=False, indent=2, default=str))
        return
    assert output  # text output requires -o (refused above without it)
    out = write_imported(imported, output, force=force, inputs=files)
    aspects, problems, measures = imported.counts()
    kinds = "、".join(f"{_name(d.kind)}（{_short(d.path)}）" for d in imported.documents)
    click.echo(f"已导入 {kinds}")
    click.echo(f"识别出 {aspects} 个方面、{problems} 项问题、{measures} 条整改措施，已写入 {out}")
    if blank := len(imported.rows) - measures:
        # Rows of a problem the text gives no measure for (整改措施 left blank, so that the
        # problem is not lost): check counts every row as a measure, say why its count is higher
        click.echo(
            f"其中 {blank} 项问题文中没有写明整改措施，台账中各占一行、“整改措施”留空"
            f"（校验和统计按行计为 {measures + blank} 条措施），请补录后再生成文稿。"
        )
    if imported.info:
        from ledger_tools.ledger.columns import INFO_FIELDS

        click.echo(f"基本信息（{len(imported.info)} 项）：")
        for f in INFO_FIELDS:
            if f.name in imported.info:
                click.echo(f"  {f.name}：{_value(imported.info[f.name])}")
    if imported.texts:
        sections = dict.fromkeys(t["章节"] for t in imported.texts)
        click.echo(f"文稿段落：{len(imported.texts)} 段（{'、'.join(sections)}）")
    if imported.warnings:
        click.echo(f"提醒（{len(imported.warnings)} 条，请核对原文后在台账中补录）：")
        for w in imported.warnings:
            click.echo(f"  - {w}")
    from ledger_tools.output import command_arg

    click.echo(f"文中没有写明的内容保持空白。下一步：ledger-tools check {command_arg(out)}")


def _name(kind: str) -> str:
    from ledger_tools.importing.parse import KIND_NAMES

    return KIND_NAMES.get(kind, kind)


def _short(path: str) -> str:
    from pathlib import Path

    return Path(path).name


def _value(v: object) -> str:
    import datetime as dt

    return f"{v.year}年{v.month}月{v.day}日" if isinstance(v, dt.date) else str(v)


def _json(imported: object) -> dict[str, object]:
    from ledger_tools.importing.mapping import Imported
    from ledger_tools.output import names_in

    assert isinstance(imported, Imported)
    aspects, problems, measures = imported.counts()
    # (names_in: a file name of bytes that are not UTF-8 written so that the JSON is valid)
    return names_in(
        {
            "文件": [{"路径": d.path, "类型": d.kind, "标题": d.title} for d in imported.documents],
            "统计": {"方面": aspects, "问题": problems, "措施": measures},
            "基本信息": {k: _value(v) for k, v in imported.info.items()},
            "整改台账": imported.rows,
            "文稿段落": imported.texts,
            "提醒": imported.warnings,
            "结构": [d.as_dict() for d in imported.documents],
        }
    )
