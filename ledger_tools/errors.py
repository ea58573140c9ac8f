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
