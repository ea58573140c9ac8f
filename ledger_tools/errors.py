"""Anticipated failures, each with one clear Chinese line for the user and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_LEDGER_ERRORS = 1
EXIT_USAGE = 2


class LedgerToolsError(Exception):
    """A failure the user can act on. ``str(err)`` is the Chinese message shown to the user:
    what went wrong, where (file, sheet, cell) and what to do."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnreadableFile(LedgerToolsError):
    """The workbook cannot be opened or is not a ledger (exit 2)."""


class TemplateError(LedgerToolsError):
    """A Word template is broken, unsafe or names an undefined variable (exit 2)."""


class OutputError(LedgerToolsError):
    """An output cannot be written (locked, equal to the input, folder missing) (exit 2)."""


class LedgerHasErrors(LedgerToolsError):
    """A document command refused a ledger with errors (exit 1); ``report`` lists them."""

    exit_code = EXIT_LEDGER_ERRORS

    def __init__(self, message: str, report: object = None) -> None:
        super().__init__(message)
        self.report = report


# errno → what it means for the user and what to do (Chinese, no library text).
_OS_ERRORS = {
    "ENOSPC": "磁盘空间不足。请清理磁盘或换一个有空间的位置后重试",
    "EDQUOT": "磁盘配额已用完。请清理文件或换一个位置后重试",
    "EFBIG": "文件超过了该磁盘允许的大小。请换一个位置（如 NTFS 格式的磁盘）后重试",
    "EROFS": "该位置是只读的（如只读 U 盘、光盘或只读共享文件夹）。请用 -o 指定可写入的位置",
    "EACCES": "没有访问权限。请检查文件或文件夹的权限，或换一个位置",
    "EPERM": "操作不被允许（没有权限，或文件被锁定）。请检查权限，或换一个位置",
    "EISDIR": "这是一个文件夹，不是文件。请指定文件名",
    "ENOTDIR": "路径中有一部分不是文件夹。请检查路径",
    "ENOENT": "找不到该文件或文件夹。请检查路径",
    "ENAMETOOLONG": "文件名或路径太长。请换一个较短的名称或位置",
    "EMFILE": "同时打开的文件太多。请关闭一些程序后重试",
    "EIO": "读写磁盘时发生输入输出错误（磁盘、U 盘或网络共享可能有故障）。请换一个位置重试",
    "EBUSY": "文件正被其他程序使用。请关闭该程序后重试",
    "ETXTBSY": "文件正被其他程序使用。请关闭该程序后重试",
    "EEXIST": "文件已存在",
    "ELOOP": "这是首尾相连的符号链接（链接指向自己，或几个链接互相指向），不指向任何文件或文件夹。"
    "请删除这个链接，或换一个文件名或位置",
    "EPIPE": "输出管道已关闭（接收输出的程序已退出）",
}


def describe_os_error(exc: OSError) -> str:
    """``exc`` as one Chinese sentence: which file, what went wrong, what to do."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    what = _OS_ERRORS.get(name)
    if what is None:
        what = f"操作系统报告错误（错误号 {exc.errno}）" if exc.errno else "操作系统报告错误"
    where = f"{exc.filename}：" if exc.filename else ""
    return f"{where}{what}。"


# An archive a unit sent (下属单位台账.zip, 反馈意见.rar) given where a ledger or a document is
# read: named as such, with what is inside, rather than “已损坏” or “不是有效的 Word 文档”.
_ARCHIVE_MAGIC = {
    b"PK\x03\x04": "zip",
    b"PK\x05\x06": "zip",  # an empty one
    b"Rar!\x1a\x07": "rar",
    b"7z\xbc\xaf\x27\x1c": "7z",
}
_LISTED = 6  # names listed of an archive's files; the rest counted
_MAX_ENTRIES = 10_000  # an archive's directory read at most (a crafted one may claim millions)
LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et")  # what check, merge and the web page read


def archive_kind(path: object) -> str:
    """``"zip"``, ``"rar"`` or ``"7z"`` when the file at ``path`` starts as that archive (a
    plain zip only: not an Office or OFD package), else ``""``."""
    import zipfile
    from pathlib import Path

    p = Path(str(path))
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return ""
    kind = next((k for magic, k in _ARCHIVE_MAGIC.items() if head.startswith(magic)), "")
    if kind != "zip":
        return kind
    try:
        with zipfile.ZipFile(p) as zf:
            names = {i.filename.lower().lstrip("/") for i in zf.infolist()[:_MAX_ENTRIES]}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return ""
    package = {"[content_types].xml", "mimetype", "ofd.xml", "content.xml"}  # Office, ODF, OFD
    parts = ("xl/", "word/", "ppt/", "_rels/", "doc_0/")
    return "" if names & package or any(n.startswith(parts) for n in names) else "zip"


def archive_names(path: object) -> list[str]:
    """The files in the zip archive at ``path`` (folders left out), their names as the
    archiver meant them: a zip made on a Chinese Windows (the Explorer's 发送到压缩文件夹,
    好压, 360压缩) stores names in GBK without saying so, and Python reads them as code page
    437 (“╤▓▓∞╖┤└í╥Γ╝√.docx” for 巡察反馈意见.docx); those are decoded as GB18030, names
    stored as UTF-8 without the flag (Linux zip) as UTF-8."""
    import zipfile

    names = []
    try:
        with zipfile.ZipFile(str(path)) as zf:
            infos = zf.infolist()[:_MAX_ENTRIES]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return []
    for info in infos:
        name = info.filename
        if not info.flag_bits & 0x800:  # not marked UTF-8: the bytes as written, read as cp437
            raw = name.encode("cp437", errors="replace")
            for encoding in ("utf-8", "gb18030"):
                try:
                    name = raw.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
        if not name.endswith("/"):
            names.append(name)
    return names


def archive_refusal(path: object, use: str) -> str | None:
    """The message for an archive given where a ledger (``use`` ``"ledger"``: check, stats …;
    ``"page"``: the web page) or a document (``"import"``) is read, or None when ``path`` is
    no archive: what it is, the files inside it and what to do with them once unpacked."""
    from pathlib import Path

    kind = archive_kind(path)
    if not kind:
        return None
    names = archive_names(path) if kind == "zip" else []
    inside = ""
    if names:
        listed = "、".join(names[:_LISTED])
        inside = f"里面有：{listed}{f' 等 {len(names)} 个文件' if len(names) > _LISTED else ''}。"
    wanted = "要导入的文稿" if use == "import" else " Excel 台账"
    name = Path(str(path)).name
    suffix = Path(name).suffix.lower()
    what = (  # (an “.xlsx” a system exported as a zip of files)
        f"是压缩包（.{kind}）"
        if suffix in (".zip", ".rar", ".7z")
        else f"其实是压缩包（.{kind}，只是扩展名为 {suffix or '空'}）"
    )
    if kind == "zip" and not names:
        return f"{name} {what}，里面没有文件，不是{wanted}。请确认是否选对了文件。"
    return (
        f"{name} {what}，不是{wanted}。{inside}"
        f"请先解压（在压缩包上点右键，选“全部解压缩”或“解压到当前文件夹”），{_unpacked(names, kind, use)}"
    )


def _unpacked(names: list[str], kind: str, use: str) -> str:
    """What to do with the files of an archive once unpacked, for the command that was given it."""
    ledgers = [n for n in names if n.lower().endswith(LEDGER_SUFFIXES)]
    if use == "import":
        documents = [n for n in names if n not in ledgers and not n.lower().endswith(".zip")]
        example = documents[0].rsplit("/", 1)[-1] if documents else "反馈意见.docx"
        return f"再导入解压出的文稿，如 ledger-tools import {_arg(example)} -o 台账.xlsx。"
    if kind == "zip" and not ledgers:
        return "再选择其中的台账；这个压缩包里没有 Excel 台账（.xlsx/.xls/.et），请确认是否选对了文件。"
    if use == "page":
        more = (
            "网页一次校验一本，几本台账可在命令行用 ledger-tools merge 汇总"
            if len(ledgers) > 1
            else ""
        )
        return f"再选择其中的台账（.xlsx）上传{'；' + more if more else ''}。"
    import click

    context = click.get_current_context(silent=True)
    command = context.info_name if context and context.info_name else "check"
    if len(ledgers) > 1:
        return (
            f"再对其中的台账逐本运行 ledger-tools {command}；几个单位的台账可解压到一个文件夹后汇总："
            "ledger-tools merge 文件夹 -o 汇总台账.xlsx。"
        )
    example = ledgers[0].rsplit("/", 1)[-1] if ledgers else "台账.xlsx"
    return (
        f"再对解压出的台账运行 ledger-tools {command}，如 ledger-tools {command} {_arg(example)}。"
    )


def _arg(name: str) -> str:
    from ledger_tools.output import command_arg

    return command_arg(name)


_FAMILIES = (LEDGER_SUFFIXES, (".docx", ".doc", ".wps", ".wpt", ".rtf", ".odt"), (".pdf", ".ofd"))


def missing_file_hint(path: object) -> str:
    """What to say after “找不到文件” so that the clerk can put it right: the folder that is
    missing, or the files of the folder whose names are close to the one typed (台帐/台账, the
    extension left out, a year changed) — at most three, nothing when none is close."""
    import difflib
    import itertools
    import os
    from pathlib import Path

    p = Path(str(path))
    folder = p.parent
    if not folder.is_dir():
        shown = str(folder) if str(folder) not in ("", ".") else "当前文件夹"
        return f"文件夹“{shown}”不存在，请检查路径。"
    try:
        with os.scandir(folder) as entries:
            listed = itertools.islice(entries, 5000)  # (a folder of 100,000 files is not read)
            names = [e.name for e in listed if not e.name.startswith("~$")]
    except OSError:
        return ""
    typed = p.name.lower()
    close = [n for n in names if n.lower().startswith(typed + ".")]  # the extension left out
    if not close:  # a close name (台帐/台账, a year added) of the same kind of file
        stem, suffix = os.path.splitext(typed)
        family = next((f for f in _FAMILIES if suffix in f), (suffix,))
        scored = []
        for name in names:
            other, other_suffix = os.path.splitext(name.lower())
            if other_suffix in family:
                score = difflib.SequenceMatcher(None, stem, other).ratio()
                if score >= 0.5:
                    scored.append((-score, other_suffix != suffix, name))
        close = [name for *_, name in sorted(scored)]
    if not close:
        return ""
    where = "" if str(folder) in ("", ".") else f"（{folder}）"
    return f"同一文件夹{where}中有：{'、'.join(close[:3])}，是否是其中之一？"


def symlink_loop(exc: BaseException) -> OSError | None:
    """Before Python 3.13 ``Path.resolve()`` reports a symbolic link loop as
    ``RuntimeError("Symlink loop from '…'")``: the ``OSError`` (ELOOP) it stands for, naming
    the link, or None for any other exception."""
    import ast
    import errno
    import os
    import re

    match = re.fullmatch(r"Symlink loop from (.+)", str(exc), re.DOTALL)
    if type(exc) is not RuntimeError or match is None:
        return None
    try:
        name = ast.literal_eval(match.group(1))  # the repr() of the link's path
    except (ValueError, SyntaxError):
        name = match.group(1)
    return OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(name))
