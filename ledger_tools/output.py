"""Writing outputs safely: never onto the input, never half-written, clear message when locked;
and reproducibly, where a file is committed (templates, examples): fixed zip entry times."""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import io
import os
import re
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ledger_tools.errors import OutputError, describe_os_error

TEMP_PREFIX = ".~ledger-tools-"  # + pid + "-": whose temporary file it is


def check_output_path(
    out: str | os.PathLike[str],
    *inputs: str | os.PathLike[str],
    overwrite: bool = True,
    suffix: str | None = None,
    flag: str = "--overwrite",
) -> Path:
    """Refuse an output that is one of the inputs, a folder, has another extension than
    ``suffix``, lies in a folder that does not exist, or (unless ``overwrite``) exists."""
    out_path = Path(out)
    for src in inputs:
        if src and _same_file(out_path, Path(src)):
            raise OutputError(
                f"输出文件 {out_path} 与输入文件相同：为保护原台账，不能覆盖输入文件。请换一个输出文件名。"
            )
    if out_path.is_dir():
        raise OutputError(
            f"输出位置 {out_path} 是一个文件夹，不是文件。请写出文件名，如 {out_path / ('文件名' + (suffix or out_path.suffix))}。"
        )
    if suffix and out_path.suffix.lower() != suffix:
        raise OutputError(
            f"输出文件 {out_path.name} 的扩展名应为 {suffix}"
            f"（生成的是 {_KIND_OF_SUFFIX.get(suffix, suffix)}）。请改为 -o {out_path.with_suffix(suffix).name}。"
        )
    if not out_path.parent.exists():
        raise OutputError(
            f"输出文件夹不存在：{out_path.parent}。请先创建该文件夹或换一个输出位置。"
        )
    if not overwrite and out_path.exists():
        raise OutputError(
            f"{out_path} 已存在，为免覆盖（其中可能有您手工修改的内容），未生成。"
            f"请换一个文件名（-o），或加 {flag} 覆盖它。"
        )
    return out_path


_KIND_OF_SUFFIX = {".docx": "Word 文档", ".xlsx": "Excel 工作簿", ".pdf": "PDF"}


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        return False


def _default_permissions(path: Path) -> None:
    # mkstemp creates 0600 files; a document the clerk hands on should get the usual 0666 - umask.
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (on Windows through OpenProcess, never os.kill,
    which would terminate it there)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFO
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files that a killed run (power cut, kill -9) left in ``folder``:
    ``.~ledger-tools-<pid>-…`` whose process no longer runs. Returns what was removed."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not entry.name.startswith(TEMP_PREFIX) or not entry.is_file(follow_symlinks=False):
                continue
            pid_text = entry.name[len(TEMP_PREFIX) :].split("-", 1)[0]
            if pid_text.isdigit() and process_alive(int(pid_text)):
                continue  # another run is writing it right now
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def atomic_output(
    out: str | os.PathLike[str],
    *inputs: str | os.PathLike[str],
    overwrite: bool = True,
    flag: str = "--overwrite",
) -> Iterator[Path]:
    """Yield a temporary path in the target folder; move it onto ``out`` when the block succeeds.

    A crash leaves the previous file (if any) untouched and no half-written document behind;
    leftovers of a killed earlier run in that folder are removed first. Unless
    ``overwrite``, an existing ``out`` is refused (also if it appeared meanwhile: another run
    writing the same file at the same time), naming ``flag`` as the way to replace it. A disk
    full, read-only or forbidden target is an ``OutputError`` in Chinese.
    """
    out_path = check_output_path(out, *inputs, overwrite=overwrite, flag=flag)
    remove_leftovers(out_path.parent)
    # A termination request (SIGTERM) waits while the temporary file is created and is acted
    # on inside the block that removes it: arriving in between, it left the file behind.
    with _termination_deferred():
        tmp = _temporary_file(out_path)
    try:
        exit_if_terminated()
        try:
            yield tmp
        except OSError as exc:
            if exc.errno in _WRITE_ERRNOS or exc.filename == str(tmp):
                exc.filename = None
                raise OutputError(f"无法写入 {out_path}：{describe_os_error(exc)}") from exc
            raise
        except Exception as exc:
            # A library that wraps the OS error (XlsxWriter's FileCreateError on a full disk):
            # said like the OS error itself
            cause = _os_error_in(exc)
            if cause is not None:
                cause.filename = None
                raise OutputError(f"无法写入 {out_path}：{describe_os_error(cause)}") from exc
            # lxml (openpyxl's writer) reports a failed write as SerialisationError, without
            # the errno: the OS refused a write into our temporary file
            if type(exc).__name__ != "SerialisationError":
                raise
            raise OutputError(
                f"无法写入 {out_path}：写入时操作系统拒绝（磁盘已满、只读位置或文件大小超出限制）。"
                "请检查磁盘空间和写入权限，或用其他位置保存。"
            ) from exc
        _default_permissions(tmp)
        # recorded before it is moved: a Ctrl+C right after the move must find it recorded;
        # a move refused (the file appeared meanwhile: another run's) is not this run's
        for created in _created:
            created.add(out_path)
        try:
            _move_into_place(tmp, out_path, overwrite, flag)
        except Exception:
            for created in _created:
                created.discard(out_path)
            raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


@contextlib.contextmanager
def all_or_none(folder: Path, targets: list[Path], *, parents: bool = False) -> Iterator[None]:
    """Create ``folder`` and run the block that writes ``targets`` into it (each through
    ``atomic_output``). If the block fails — a full disk, Ctrl+C, a refused template half-way —
    the targets it created are removed, and the folder if it was created here: no folder of
    some files looks finished, nor makes the next run refuse for the files it left."""
    made = not folder.exists()
    folder.mkdir(parents=parents, exist_ok=True)
    fresh = [t for t in targets if not t.exists()]
    created: set[Path] = set()
    _created.append(created)
    try:
        yield
    except BaseException:
        # only what this run put there: another run writing into the same folder at the same
        # time made the same files, and a failure here removed them (its 督办通知 were gone)
        for t in fresh:
            if t in created:
                with contextlib.suppress(OSError):
                    t.unlink()
        if made:
            # a Ctrl+C between a temporary file's creation and the block that removes it left
            # it behind, and with it the folder: this run's temporary files go too
            mine = f"{TEMP_PREFIX}{os.getpid()}-"
            with contextlib.suppress(OSError):
                for leftover in folder.glob(glob.escape(mine) + "*"):
                    leftover.unlink()
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    finally:
        # by identity: an outer block's set may be equal (empty) to this one
        _created[:] = [c for c in _created if c is not created]


# The files each ``all_or_none`` block (innermost last) has moved into place so far.
_created: list[set[Path]] = []


def _os_error_in(exc: BaseException) -> OSError | None:
    """The OS error a library's exception was raised from (its cause or context), if any."""
    seen = 0
    inner = exc.__cause__ or exc.__context__
    while inner is not None and seen < 10:
        if isinstance(inner, OSError):
            return inner
        inner, seen = inner.__cause__ or inner.__context__, seen + 1
    return None


def _temporary_file(out_path: Path) -> Path:
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=out_path.suffix, dir=out_path.parent
        )
    except OSError as exc:
        exc.filename = None  # the temporary name means nothing to the user
        raise OutputError(
            f"无法在{_folder_shown(out_path.parent)}中写入 {out_path.name}：{describe_os_error(exc)}"
        ) from exc
    os.close(fd)
    return Path(tmp_name)


def _folder_shown(folder: Path) -> str:
    """A folder as a message names it: “ . ” or a relative path means little to a clerk who
    started the program from a shortcut, so the full path is added."""
    if folder.is_absolute():
        return f"文件夹 {folder} "
    try:
        full = folder.resolve()
    except OSError:
        return f"文件夹 {folder} "
    return f"当前文件夹（{full}）" if str(folder) == "." else f"文件夹 {folder}（{full}）"


# Termination requests held back while a temporary file is being created (the CLI's SIGTERM
# handler asks ``defer_termination`` first).
_deferring = 0
_deferred: list[int] = []


def defer_termination(signum: int) -> bool:
    """Whether the termination by ``signum`` is held back for now (a temporary file is being
    created); ``exit_if_terminated`` acts on it once the file is in hand."""
    if _deferring:
        _deferred.append(signum)
    return bool(_deferring)


@contextlib.contextmanager
def _termination_deferred() -> Iterator[None]:
    global _deferring
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1


def exit_if_terminated() -> None:
    """Exit as a held-back termination asked (128 + signal number), if one did."""
    if _deferred:
        sys.exit(128 + _deferred.pop())


_WRITE_ERRNOS = {errno.ENOSPC, errno.EROFS, errno.EFBIG, getattr(errno, "EDQUOT", -1)}


def _move_into_place(tmp: Path, out_path: Path, overwrite: bool, flag: str) -> None:
    try:
        if overwrite:
            os.replace(tmp, out_path)
            return
        try:
            os.link(tmp, out_path)  # fails if out appeared meanwhile: never overwritten
        except FileExistsError:
            if out_path.is_symlink() and not out_path.exists():  # dangling, or a link loop
                raise OutputError(
                    f"{out_path} 是一个符号链接，它指向的文件不存在或链接首尾相连；为免改动这个链接，未生成。"
                    f"请换一个文件名，删除这个链接，或加 {flag} 替换它。"
                ) from None
            raise OutputError(
                f"{out_path} 已存在（可能是同时运行的另一次生成刚刚写出的），为免覆盖，未生成。"
                f"请换一个文件名，或加 {flag} 覆盖它。"
            ) from None
        except OSError:  # a file system without hard links (FAT, some shares)
            if out_path.exists():
                raise OutputError(
                    f"{out_path} 已存在（可能是同时运行的另一次生成刚刚写出的），为免覆盖，未生成。"
                    f"请换一个文件名，或加 {flag} 覆盖它。"
                ) from None
            os.replace(tmp, out_path)
    except OSError as exc:  # PermissionError on Windows when Word/WPS holds the file
        if exc.errno in _WRITE_ERRNOS:
            raise OutputError(f"无法写入 {out_path}：{describe_os_error(exc)}") from exc
        raise OutputError(
            f"无法写入 {out_path}：文件可能正在 Word、WPS 或 Excel 中打开，或没有写入权限。"
            "请关闭该文件后重试，或用 -o 指定另一个文件名。"
        ) from exc


def numbered_name(path: Path) -> Path:
    """``path`` if free, else the first free ``名称(2).docx``, ``名称(3).docx`` … (what Word
    and Windows Explorer do), for outputs written without asking (the Excel buttons)."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem}({n}){path.suffix}")).exists():
        n += 1
    return candidate


ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def reproducible_zip(
    data: bytes,
    date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH,
    *,
    mode: int | None = 0o644,
    rewrite: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """``data`` (a zip: .docx, .xlsx) rewritten with every entry stamped ``date_time`` and given
    the permissions ``mode`` (None keeps each entry's own), deflated, in the same order.

    Office writers stamp entries with the time of saving; with fixed stamps the same content
    always gives the same bytes, so a committed file changes only when its content does.
    ``rewrite(name, content)`` may change an entry's content on the way (e.g. a saved-at time).
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr if mode is None else mode << 16
            content = src.read(info.filename)
            dst.writestr(entry, rewrite(info.filename, content) if rewrite else content)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# What is printed: nothing invisible, nothing that moves the text or the terminal

# Control characters but the line break and tab (ESC starts a terminal command, CR returns to
# the start of the line to print over it), bidi controls (U+202E turns "C2" into "2C" on
# screen), zero-width and other invisible format characters, line/paragraph separators and
# the tag characters. A sheet or file name, a cell value or a column name holding one is
# printed with the character as an escape, so what the clerk reads is what is there.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
    "\u2028\u2029\u2060-\u2064\u2066-\u206f\u3164\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code > 0xFFFF:  # as a surrogate pair, so that JSON output stays valid JSON
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# A line break inside “…” on one line of a message: a name or value holding one (a file named
# "台账\n结论：没有发现问题，可以上报。.xlsx" on Linux, a sheet name written by hand into
# the XML) would print a line of its own choosing.
_QUOTED_BREAK = re.compile("“[^“”\n]*[\r\n][^“”]*”")


# File and folder names holding a line break that the program may print (given on the command
# line, found in a merge folder), as ``visible`` shows them: a message names a file without
# quotes (“校验 台账.xlsx”), so the name itself is what is escaped wherever it appears.
_NAMES_WITH_BREAKS: dict[str, str] = {}


def name_shown(*names: object) -> None:
    """Remember file or folder names (str or path) that hold a line break, so that every
    printed message shows the break in them as ``\\n``: the name's own text could otherwise
    print lines of its choosing (“台账\\n结论：没有发现问题，可以上报。.xlsx”; Linux allows it)."""
    for name in names:
        if isinstance(name, (str, os.PathLike)):
            text = os.fspath(name)
            if isinstance(text, str) and "\n" in text:
                path = Path(text)
                for form in {text, str(path), path.name, path.stem, str(path.resolve())}:
                    if "\n" in form:
                        shown = visible(form)
                        _NAMES_WITH_BREAKS[shown] = shown.replace("\n", "\\n")
        elif isinstance(name, (list, tuple)):
            name_shown(*name)


def visible_message(text: str) -> str:
    """``visible`` for a message printed by the program (not JSON): also a line break that
    falls between “ and ” (inside a quoted name or value), or inside a file name the program
    was given (``name_shown``), is written as ``\\n``."""
    text = visible(text)
    if "\n" in text:
        for shown in sorted(_NAMES_WITH_BREAKS, key=len, reverse=True):
            if shown in text:
                text = text.replace(shown, _NAMES_WITH_BREAKS[shown])
    if "“" in text and not text.lstrip().startswith(("{", "[")):
        text = _QUOTED_BREAK.sub(_break_escaped, text)
    return text


def _break_escaped(match: re.Match[str]) -> str:
    return match.group(0).replace("\r", "\\r").replace("\n", "\\n")


# What a shell (cmd, PowerShell, bash) splits a word at or reads as its own: a file name with
# one of them is quoted in a command the program suggests.
_SHELL_SPECIAL = re.compile(r"""[\s"'&|;<>()$`^%!*?\[\]{},]""")


def command_arg(path: str | os.PathLike[str]) -> str:
    """``path`` as written in a command the program suggests (“填写后运行：ledger-tools check
    …”): in double quotes when it holds a space or a character a shell reads, so that the
    line can be copied as it is (“我的 台账.xlsx” unquoted is two arguments)."""
    text = os.fspath(path)
    if not _SHELL_SPECIAL.search(text):
        return text
    return '"' + text.replace('"', '\\"') + '"'


def name_text(text: str) -> str:
    """A file name (or a message naming one) as text to write into a workbook, a document or
    JSON. A name whose bytes are not UTF-8 (a GBK name unzipped on Linux) is held by Python
    with its odd bytes as surrogate escapes, which no XML or JSON writer takes (``merge``
    ended in 意外问题（UnicodeEncodeError）): each such byte is written ``\\xNN``."""
    if text.isascii() or not _ESCAPED_BYTES.search(text):
        return text
    return _ESCAPED_BYTES.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


_ESCAPED_BYTES = re.compile("[\udc80-\udcff]")


def names_in(value: Any) -> Any:
    """``value`` (JSON: dicts, lists, strings…) with ``name_text`` applied to every string."""
    if isinstance(value, str):
        return name_text(value)
    if isinstance(value, dict):
        return {names_in(k): names_in(v) for k, v in value.items()}
    if isinstance(value, list):
        return [names_in(v) for v in value]
    return value


def one_line(text: str) -> str:
    """``visible`` and on one line: a name printed without quotes in a list or a table (a
    unit named after a file “台账\\n结论：…”) shows its line breaks as ``\\n``."""
    return visible(text).replace("\n", "\\n")


def visible(text: str) -> str:
    """``text`` with every invisible or text-moving character written as ``\\uXXXX``
    (valid in JSON too: the JSON output decodes to the same value)."""
    return text if text.isprintable() else _INVISIBLE.sub(_escape, text)


# ---------------------------------------------------------------------------------------------
# Deflating large zip members (the 汇总台账 of a merge, the --mark copy): any level of deflate
# is read alike by every reader of .xlsx. zlib's default, 6, took a third of the CPU time of
# writing the 汇总台账 of 300 units × 100 measures (0.7 s for 69 MB of XML → 6.1 MB); level 1
# takes 0.37 s (8.6 MB), ISA-L's level 2 (``isal``, the ``merge`` extra) 0.1 s for 7.4 MB.

ZIP_LEVEL = 1
ISAL_LEVEL = 2


@functools.cache
def isal_zlib() -> Any:
    """ISA-L's zlib (``isal.isal_zlib``), or None when it is not installed."""
    try:
        from isal import isal_zlib as module
    except ImportError:
        return None
    return module


def fast_deflater() -> Any:
    """A raw-deflate compressor (zip's method 8) for large members: ISA-L's level
    ``ISAL_LEVEL`` where ``isal`` is installed, else zlib's level ``ZIP_LEVEL``."""
    isal = isal_zlib()
    if isal is not None:
        return isal.compressobj(ISAL_LEVEL, isal.DEFLATED, -15)
    return zlib.compressobj(ZIP_LEVEL, zlib.DEFLATED, -15)


def fast_crc32(data: bytes, crc: int = 0) -> int:
    """zip's CRC-32 of ``data`` continuing ``crc`` (ISA-L's is several times zlib's speed)."""
    isal = isal_zlib()
    return (isal or zlib).crc32(data, crc)
