"""Reproducible zips: fixed entry times and permissions, same order, optional content rewrite."""

from __future__ import annotations

import io
import zipfile

from ledger_tools.output import ZIP_EPOCH, reproducible_zip


def _zip(entries: list[tuple[str, bytes]], when: tuple[int, ...], mode: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=when)
            info.external_attr = mode << 16
            zf.writestr(info, content)
    return buf.getvalue()


ENTRIES = [("b.xml", b"<b/>"), ("a.xml", b"<a>" * 50)]


def test_same_content_same_bytes_whatever_the_time_of_saving():
    first = reproducible_zip(_zip(ENTRIES, (2024, 1, 2, 3, 4, 6), 0o600))
    second = reproducible_zip(_zip(ENTRIES, (2025, 6, 7, 8, 9, 10), 0o755))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert [(i.filename, i.date_time) for i in zf.infolist()] == [
            ("b.xml", ZIP_EPOCH),
            ("a.xml", ZIP_EPOCH),
        ]
        assert {i.external_attr >> 16 for i in zf.infolist()} == {0o644}
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_DEFLATED}
        assert [zf.read(name) for name, _ in ENTRIES] == [content for _, content in ENTRIES]


def test_given_time_kept_permissions_and_rewrite():
    def upper_a(name: str, content: bytes) -> bytes:
        return content.upper() if name == "a.xml" else content

    data = reproducible_zip(
        _zip(ENTRIES, (2024, 1, 2, 3, 4, 6), 0o600),
        (2024, 5, 10, 9, 0, 0),
        mode=None,
        rewrite=upper_a,
    )
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2024, 5, 10, 9, 0, 0)}
        assert {i.external_attr >> 16 for i in zf.infolist()} == {0o600}
        assert zf.read("a.xml") == b"<A>" * 50 and zf.read("b.xml") == b"<b/>"


def test_every_os_failure_is_said_in_chinese():
    import errno
    import re

    from ledger_tools.errors import describe_os_error

    for code in ("ENOSPC", "EROFS", "EACCES", "EPERM", "EISDIR", "EPIPE", "EFBIG", "ENOENT"):
        number = getattr(errno, code)
        message = describe_os_error(OSError(number, "English text from the OS", "/某处/文件.docx"))
        assert message.startswith("/某处/文件.docx："), message
        assert not re.search(
            r"[A-Za-z]{3,}", message.replace("/某处/文件.docx", "").replace("NTFS", "")
        ), message
        assert "English" not in message


def test_a_read_only_folder_is_named_not_the_temporary_file(tmp_path):
    import os

    import pytest

    from ledger_tools.errors import OutputError
    from ledger_tools.output import atomic_output

    if os.geteuid() == 0:  # root writes anywhere: a folder that is a file stands in
        blocker = tmp_path / "不是文件夹"
        blocker.write_text("x")
        target = blocker / "报告.docx"
        with pytest.raises(OutputError) as err, atomic_output(target):
            pass
        assert ".~ledger-tools" not in err.value.message
        return
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    with pytest.raises(OutputError) as err, atomic_output(folder / "报告.docx"):
        pass
    assert "没有访问权限" in err.value.message and ".~ledger-tools" not in err.value.message
