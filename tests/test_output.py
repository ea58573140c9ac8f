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
