"""Writing outputs safely: never onto the input, never half-written, clear message when locked;
and reproducibly, where a file is committed (templates, examples): fixed zip entry times."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
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
