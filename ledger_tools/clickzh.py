"""Chinese for click: click's own messages (usage errors, help headings), and ``friendly``, the
one failure handler of every command (in cli.py and in the capability subpackages alike).

click marks its strings for gettext but ships no translations; our users read Chinese only, so
the few messages a user can meet are translated here and patched into click's modules.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable
from typing import Any

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

from ledger_tools.errors import EXIT_USAGE, LedgerToolsError, describe_os_error, symlink_loop

ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 {command} {option} 查看帮助。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令“{name}”。",
    "No such option {name!r}.": "没有选项“{name}”。",
    "No such option: {name}": "没有选项：{name}",
    "Option {name!r} does not take a value.": "选项“{name}”不需要值。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Aborted!": "已取消。",
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "default: {default}": "默认：{default}",
    "{value!r} is not a valid {number_type}.": "“{value}”不是数字，请写阿拉伯数字，如 5。",
    "{value} is not in the range {range}.": "{value} 超出范围（应为 {range}）。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
}
ZH_PLURAL = {
    "Got unexpected extra argument ({args})": (
        "多余的参数（{args}）。文件名或文件夹名中有空格时，请把整个路径放在英文双引号中，"
        '如 "我的 台账.xlsx"，否则会被当成几个参数。'
    ),
    "Option {name!r} requires an argument.": "选项 {name} 后面要写一个值。",
    "{value!r} is not {choice}.": "“{value}”不是可选的值，可选：{choice}。",
    "{value!r} is not one of {choices}.": "“{value}”不是可选的值，可选：{choices}。",
    "Did you mean {possibility}?": "是否想输入 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否想输入其中之一：{possibilities}？）",
}


class _ErrorLine(str):
    """“错误：{message}”, formatted with the message's English quotes in Chinese."""

    def format(self, *args: object, **kwargs: object) -> str:
        message = kwargs.get("message")
        if isinstance(message, str):
            kwargs["message"] = chinese_quotes(message)
        return super().format(*args, **kwargs)


def _(message: str) -> str:
    if message == "Error: {message}":
        return _ErrorLine(ZH[message])
    return ZH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return ZH_PLURAL.get(singular, singular if n == 1 else plural)


class Command(click.Command):
    """A click command whose usage line reads ``[选项]``."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


class Group(click.Group):
    """A click group whose commands and sub-groups use Chinese metavars."""

    command_class = Command

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands: dict[str, str] = {}

    def add_lazy_command(self, name: str, target: str) -> None:
        """Register ``name`` as ``"package.module:attribute"``, imported only when the command
        runs or help lists it: ``check`` does not pay for importing merge, diff, duban, import
        and web (click's documented lazy-loading pattern)."""
        self.lazy_commands[name] = target

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands and cmd_name not in self.commands:
            module, _, attribute = self.lazy_commands[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


Group.group_class = Group


def install() -> None:
    _install_visible_echo()
    _missing_in_chinese()
    _bad_values_in_chinese()
    click.Context.formatter_class = HelpFormatter
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


def _missing_in_chinese() -> None:
    """click's “缺少参数 '台账.xlsx'.”: English quotes and full stop in a Chinese line. Said
    as “缺少参数“台账.xlsx”。”."""
    missing = click.exceptions.MissingParameter
    if getattr(missing.format_message, "_chinese", False):
        return
    english = missing.format_message

    def format_message(self: click.exceptions.MissingParameter) -> str:
        text = english(self)
        text = re.sub(r" '([^']*)'", r"“\1”", text)
        return text[:-1] + "。" if text.endswith(".") else text.replace(". ", "。", 1)

    format_message._chinese = True  # type: ignore[attr-defined]
    missing.format_message = format_message  # type: ignore[method-assign]


def _bad_values_in_chinese() -> None:
    """click's “'--kind' 的值无效：'通报' 不是 'report', 'notice', 'summary'。” and “0 不在范围
    1<=x<=64 内”: English quotes and a formula in a Chinese line. Said as “--kind 的值无效：
    “通报”不是可选的值，可选：“report”、“notice”、“summary”。” and “0 超出范围（应为 1 至 64）”
    (the help's “[默认：8765; 0<=x<=65535]” reads ``_describe_range`` too). Every message of
    click is shown through “Error: {message}”, so that is where the quotes are put right,
    whichever exception class (they differ between click versions) made it."""
    ranges = getattr(click.types, "_NumberRangeBase", None)
    if ranges is not None and hasattr(ranges, "_describe_range"):
        ranges._describe_range = _describe_range


def chinese_quotes(text: str) -> str:
    """``'--jobs'`` → ``--jobs`` (as the options are written in every other message);
    ``'通报'`` → ``“通报”``; a list of quoted values separated by 、."""
    text = re.sub(r"'(-[^'\s]*)'", r"\1", text)
    text = re.sub(r"'([^']*)'", r"“\1”", text)
    return text.replace("”, “", "”、“").replace("。 是否", "。是否")


def _describe_range(self: Any) -> str:
    """An ``IntRange``/``FloatRange`` in words: 1 至 64, 不小于 1, 不大于 9."""
    low = f"大于 {self.min}" if self.min_open else f"不小于 {self.min}"
    high = f"小于 {self.max}" if self.max_open else f"不大于 {self.max}"
    if self.min is None:
        return high
    if self.max is None:
        return low
    if self.min_open or self.max_open:
        return f"{low}且{high}"
    return f"{self.min} 至 {self.max}"


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese character or full-width mark two."""
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
        for ch in text
    )


# A line does not start with a closing mark nor end with an opening one (Chinese line breaking)
_CLOSING = "，。、；：！？）》」』】”’,.;:!?)"
_OPENING = "（《「『【“‘("
# A run of ASCII (a command, an option) stays whole, and so does a short quoted name
# (“督办通知”): a line break between “ and ” is printed as \\n (``output.visible_message``).
_TOKEN = re.compile(r"“[^“”\s]{1,24}”|[!-~]+|\s+|.", re.S)


def wrap_cjk(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns: Chinese may break between any two
    characters, ASCII runs (``pip install "ledger-tools[excel]"``, ``--status-map``) only at
    spaces, punctuation is kept by the Chinese rules. click's wrapper counted a Chinese
    character as one column (lines twice too long) and broke ``ledger-`` / ``tools``."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if tokens and (token[0] in _CLOSING or tokens[-1][-1] in _OPENING) and not token.isspace():
            if not tokens[-1].isspace():
                tokens[-1] += token
                continue
        tokens.append(token)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if token.isspace():
            if line:
                line += " "
            continue
        if line and display_width(line + token) > width:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _join_lines(lines: list[str]) -> str:
    """A paragraph's source lines as one text: a space between ASCII words, none between
    Chinese characters (a docstring broken mid-sentence got a stray space in the middle)."""
    text = ""
    for line in lines:
        line = line.strip()
        if text and line and display_width(text[-1]) == 1 and display_width(line[0]) == 1:
            text += " "
        text += line
    return text


_EXTRA = re.compile(r"\s*\[([^\[\]]*)\]$")


class HelpFormatter(click.HelpFormatter):
    """click's help in Chinese typography: columns and wrapping by display width, a
    full-width colon after the headings, the “[默认：8765; 0<=x<=65535]” of an option as
    “默认：8765；可填 0 至 65535。”."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage:") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs: list[list[str]] = [[]]
        for line in text.expandtabs().splitlines():
            if line.strip():
                paragraphs[-1].append(line)
            elif paragraphs[-1]:
                paragraphs.append([])
        out = []
        for lines in filter(None, paragraphs):
            if lines[0].strip() == "\b":
                out.append("\n".join(indent + line for line in lines[1:]))
                continue
            extra = " " * (len(lines[0]) - len(lines[0].lstrip()))
            width = max(self.width - len(indent + extra), 20)
            wrapped = wrap_cjk(_join_lines(lines), width)
            out.append("\n".join(indent + extra + line for line in wrapped))
        self.write("\n\n".join(out) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_width = min(max((display_width(first) for first, _ in rows), default=0), col_max)
        column = first_width + col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_width:
                self.write(" " * (column - display_width(first)))
            else:
                self.write("\n" + " " * (column + self.current_indent))
            lines = wrap_cjk(_option_extra(second), max(self.width - column - 2, 10))
            self.write(lines[0] + "\n" if lines else "\n")
            for line in lines[1:]:
                self.write(f"{'':>{column + self.current_indent}}{line}\n")


def _option_extra(help_text: str) -> str:
    """An option's help with click's “  [默认：5; 1 至 60]” in Chinese: “默认：5；可填 1 至 60。”;
    a range the help already states (“1 至 64”) is not said twice."""
    found = _EXTRA.search(help_text)
    if not found:
        return help_text
    body = help_text[: found.start()]
    parts = []
    for part in found.group(1).split("; "):
        if re.fullmatch(r"-?[\d.]+ 至 -?[\d.]+|(?:不?[大小]于 -?[\d.]+且?)+", part):
            if part in body:
                continue
            part = "可填 " + part
        parts.append(part)
    if not parts:
        return body
    said = "；".join(parts)
    return f"{body}{said}。" if body.endswith("。") else f"{body}（{said}）"


def _install_visible_echo() -> None:
    """Every ``click.echo`` of the program prints through ``output.visible``: a sheet or file
    name with a right-to-left override, an ANSI escape or a carriage return cannot disguise
    a cell reference or rewrite the terminal. One place, whatever the message."""
    if getattr(click.echo, "_visible", False):
        return
    from ledger_tools.output import visible_message

    plain_echo = click.echo

    @functools.wraps(plain_echo)
    def echo(message: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(message, str):
            message = visible_message(message)
        plain_echo(message, *args, **kwargs)

    echo._visible = True  # type: ignore[attr-defined]
    click.echo = echo
    for module in (click.utils, click.exceptions, click.core, click.termui, click.decorators):
        if getattr(module, "echo", None) is plain_echo:
            module.echo = echo  # type: ignore[attr-defined]  # click's usage errors, help


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn anticipated failures into one Chinese line and an exit code; no traceback
    unless ``--debug``. Imports nothing of the CLI, so a command defined in a subpackage can
    use it as a plain decorator."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ledger_tools.output import name_shown

        name_shown(*args, *kwargs.values())  # a line break in a file name is printed as \\n
        debug = click.get_current_context().find_root().params.get("debug", False)
        if not debug:
            # "Exception ignored in ZipFile.__del__" and the like: noise after a failure
            # that is already explained in one line
            sys.unraisablehook = lambda _unraisable: None
            # nor a library's English warning on stderr (openpyxl's “Data Validation extension
            # is not supported and will be removed” on a WPS workbook, its “invalid
            # specification” on a Strict Open XML one)
            warnings.simplefilter("ignore")
        try:
            return func(*args, **kwargs)
        except LedgerToolsError as err:
            if debug:
                raise
            click.echo(f"错误：{err.message}", err=True)
            sys.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("已取消。", err=True)
            sys.exit(130)
        except click.ClickException:
            # A bad option value found inside the command (--today 2024-13-01, --map 原列名):
            # click prints it as a usage error (exit 2), not as an unexpected problem.
            raise
        except BrokenPipeError:
            pipe_closed()
        except OSError as err:  # disk full, read-only, no permission …: said in Chinese
            if debug:
                raise
            click.echo(f"错误：{describe_os_error(err)}", err=True)
            sys.exit(EXIT_USAGE)
        except MemoryError:
            # No bound found it first: a file far larger than any ledger, or a crafted one.
            if debug:
                raise
            click.echo(f"错误：内存不足，未能处理完。{_out_of_memory_advice()}", err=True)
            sys.exit(EXIT_USAGE)
        except Exception as err:  # noqa: BLE001 - last line of defence: no traceback for users
            if debug:
                raise
            if (loop := symlink_loop(err)) is not None:  # a path given is a link loop
                click.echo(f"错误：{describe_os_error(loop)}", err=True)
                sys.exit(EXIT_USAGE)
            click.echo(
                f"错误：处理时发生意外问题（{type(err).__name__}）。"
                "请加 --debug 重新运行并把输出反馈给开发者。",
                err=True,
            )
            sys.exit(EXIT_USAGE)

    return wrapper


def _out_of_memory_advice() -> str:
    """What to do when memory ran out, for the command that ran: ``import`` reads documents
    and ``--template`` a Word template, not only ledgers (the one message for all named a
    ledger and Excel when a 3 GB text file was imported)."""
    context = click.get_current_context(silent=True)
    name = context.info_name if context else ""
    parent = context.parent.info_name if context and context.parent else ""
    if name == "import":
        return (
            "导入的文件可能过大，或是特意构造的文件。请在 Word/WPS 或阅读器中打开确认内容，"
            "只保留需要导入的部分另存后再导入。"
        )
    if parent == "templates":
        return "模板可能过大，或是特意构造的文件。请在 Word/WPS 中打开确认内容，另存为新的 .docx 后再检查。"
    if context and context.params.get("template"):
        return (
            "台账或模板可能过大，或是特意构造的文件。请先去掉 --template 用内置模板生成，确认是否是模板的问题；"
            "确实是超大台账时，请拆分成几个文件分别处理。"
        )
    return (
        "输入的文件可能过大，或是特意构造的文件。"
        "请用 Excel/WPS 打开确认内容；确实是超大台账时，请拆分成几个文件分别处理。"
    )


MAX_OPTION_FILE = 1024 * 1024  # a --map/--status-map file holds tens of lines
MAX_OPTION_LINE = 200  # characters of one 原列名=标准列名 line


def read_option_file(name: str, option: str, what: str) -> list[str]:
    """The lines of ``--map @file``/``--status-map @file`` (blank lines and ``#`` comments
    dropped), or a click usage error in Chinese: a missing file, a folder, a FIFO or device
    (which would block or never end), one over ``MAX_OPTION_FILE``, a line over
    ``MAX_OPTION_LINE`` characters, a text in none of UTF-8, UTF-16 (with its BOM) and GB18030
    (the encodings Notepad and WPS save)."""
    from pathlib import Path

    path = Path(name)
    try:
        if not path.is_file():
            reason = "不是普通文件（是文件夹、管道或设备）" if path.exists() else "找不到这个文件"
            raise click.BadParameter(f"读不到{what}“{name}”：{reason}。", param_hint=option)
        if path.stat().st_size > MAX_OPTION_FILE:
            raise click.BadParameter(
                f"{what}“{name}”超过 {MAX_OPTION_FILE // 1024 // 1024} MB，不像是对照表"
                "（每行一条 原名称=标准名称）。请检查文件。",
                param_hint=option,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise click.BadParameter(
            f"读不到{what}“{name}”：{describe_os_error(exc)}", param_hint=option
        ) from None
    text = _decode_option_file(data)
    if text is None:
        raise click.BadParameter(
            f"{what}“{name}”的文字编码无法识别（不是 UTF-8、UTF-16 或 GBK/GB18030），"
            "或不是文本文件。请在记事本或 WPS 中另存为 UTF-8 编码的文本。",
            param_hint=option,
        )
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if len(line) > MAX_OPTION_LINE:
            raise click.BadParameter(
                f"{what}“{name}”第 {number} 行有 {len(line):,} 个字，超过 {MAX_OPTION_LINE} 字，"
                "不像是一条对照（原名称=标准名称）。请检查文件。",
                param_hint=option,
            )
        lines.append(line)
    return lines


def _decode_option_file(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # binary that happens to decode
            return text
    return None


def pipe_closed() -> None:
    """The reader of our output went away (``… | head``): say so once on stderr, exit 2,
    and keep Python from failing again when it flushes stdout at exit."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    with contextlib.suppress(OSError):
        click.echo("提示：输出管道已关闭（如 | head），其余结果未输出。", err=True)
    sys.exit(EXIT_USAGE)
