"""Writing outputs safely: never onto the input, never half-written, clear message when locked."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ledger_tools.errors import OutputError


def check_output_path(out: str | os.PathLike[str], *inputs: str | os.PathLike[str]) -> Path:
    """Refuse an output that is one of the inputs or whose folder does not exist."""
    out_path = Path(out)
    for src in inputs:
        if src and _same_file(out_path, Path(src)):
            raise OutputError(
                f"输出文件 {out_path} 与输入文件相同：为保护原台账，不能覆盖输入文件。请换一个输出文件名。"
            )
    if not out_path.parent.exists():
        raise OutputError(
            f"输出文件夹不存在：{out_path.parent}。请先创建该文件夹或换一个输出位置。"
        )
    return out_path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _default_permissions(path: Path) -> None:
    # mkstemp creates 0600 files; a document the clerk hands on should get the usual 0666 - umask.
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~umask)


@contextlib.contextmanager
def atomic_output(out: str | os.PathLike[str], *inputs: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path in the target folder; move it onto ``out`` when the block succeeds.

    A crash leaves the previous file (if any) untouched and no half-written document behind.
    """
    out_path = check_output_path(out, *inputs)
    fd, tmp_name = tempfile.mkstemp(
        prefix=".~ledger-tools-", suffix=out_path.suffix, dir=out_path.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _default_permissions(tmp)
        try:
            os.replace(tmp, out_path)
        except OSError as exc:  # PermissionError on Windows when Word/WPS holds the file
            raise OutputError(
                f"无法写入 {out_path}：文件可能正在 Word、WPS 或 Excel 中打开，或没有写入权限。"
                "请关闭该文件后重试，或用 -o 指定另一个文件名。"
            ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
