"""Hostile and careless .xlsx files (issue 9, reading): each is generated here, small on disk, and
checked in a real process for its exit code, its Chinese message, loose time and peak-memory
bounds (seconds and hundreds of MB: the machine is shared) and the input's bytes unchanged."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import INFO, good_row, run_cli_measured, write_ledger

from ledger_tools.ledger.reading import MAX_PART_BYTES, read_workbook

ROOT = Path(__file__).resolve().parent.parent
LEDGER_PART = "xl/worksheets/sheet1.xml"


def run_check(path: Path, *args: str, limit_s: float = 120) -> tuple[int, str, float, float]:
    """``python -m ledger_tools check PATH`` in a child: (exit code, stdout+stderr, wall
    seconds, peak RSS in MB). The input's bytes must be the same afterwards."""
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    command = ["check", str(path), "--today", "2024-05-10", *args]
    code, text, wall, rss_mb = run_cli_measured(command, limit_s)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "input modified"
    assert "Traceback" not in text, text
    return code, text, wall, rss_mb


def rewrite_member(path: Path, member: str, change) -> None:
    """Replace one zip member's bytes with ``change(old_bytes)``."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info.filename, change(data) if info.filename == member else data)


def add_cells(xml: bytes, row_xml: bytes = b"", cells_in_row1: bytes = b"") -> bytes:
    if cells_in_row1:
        end = xml.index(b"</row>")
        xml = xml[:end] + cells_in_row1 + xml[end:]
    return xml.replace(b"</sheetData>", row_xml + b"</sheetData>")


FAR_ROW = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
FAR_CELL_ROW1 = b'<c r="XFD1" t="inlineStr"><is><t>x</t></is></c>'


def ledger(tmp_path: Path, n: int = 2, **kw) -> Path:
    path = tmp_path / "台账.xlsx"
    write_ledger(path, [good_row(i) for i in range(1, n + 1)], info=INFO, **kw)
    return path


# ---------------------------------------------------------------------------------------------
# A cell far outside the table: a warning naming it, not a dense grid.


def test_value_in_xfd1048576_of_the_ledger_sheet_is_a_warning(tmp_path):
    path = ledger(tmp_path)
    rewrite_member(path, LEDGER_PART, lambda x: add_cells(x, FAR_ROW))
    code, out, wall, rss = run_check(path)
    assert code == 0, out
    assert "XFD1048576" in out and "远在表格之外" in out and "未读取" in out
    assert "共 2 个问题" in out
    assert wall < 60 and rss < 400, (wall, rss)


def test_a_sheet_the_ledger_does_not_use_costs_nothing(tmp_path):
    import openpyxl

    path = ledger(tmp_path)
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("草稿")["A1"] = "草稿"
    wb.save(path)
    rewrite_member(path, "xl/worksheets/sheet3.xml", lambda x: add_cells(x, FAR_ROW))
    for args in ((), ("--sheet", "整改台账")):
        code, out, wall, rss = run_check(path, *args)
        assert code == 0, out
        assert "草稿" not in out and "结论：没有发现问题" in out
        assert wall < 60 and rss < 400, (wall, rss)
    raw = read_workbook(path)
    assert list(raw.sheets) == ["整改台账", "基本信息", "草稿"] and raw.sheets_read() == []


def test_value_in_xfd1_of_a_10k_ledger_stays_small(tmp_path):
    path = ledger(tmp_path, n=10_000)
    rewrite_member(path, LEDGER_PART, lambda x: add_cells(x, cells_in_row1=FAR_CELL_ROW1))
    code, out, wall, rss = run_check(path)
    assert code in (0, 1), out
    assert "XFD1" in out and "远在表格之外" in out
    assert "10000 个问题" in out
    assert wall < 90 and rss < 600, (wall, rss)


def test_stray_cells_are_listed_with_the_table_end(tmp_path):
    path = ledger(tmp_path)
    far = b"".join(
        f'<row r="{r}"><c r="ZZ{r}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        for r in range(900_000, 900_005)
    )
    rewrite_member(path, LEDGER_PART, lambda x: add_cells(x, far + FAR_ROW))
    raw = read_workbook(path)
    ws = raw.sheets["整改台账"]
    assert ws.stray_count == 6 and ws.stray_cells[0] == (899_999, 701)
    assert ws.table_end == (2, 12) and len(ws.rows) == 3
    from ledger_tools.ledger.reading import reading_notes

    (note,) = reading_notes(raw)
    assert note.rule == "stray-cells" and note.cell == "整改台账!ZZ900000"
    assert "等 6 个单元格" in note.message and "表格到 M3 为止" in note.message


def test_merged_range_to_the_last_cell_is_clipped(tmp_path):
    path = ledger(tmp_path)  # (openpyxl itself would make 17 billion MergedCells)
    merge = b'<mergeCells count="1"><mergeCell ref="N1:XFD1048576"/></mergeCells>'
    rewrite_member(path, LEDGER_PART, lambda x: x.replace(b"</sheetData>", b"</sheetData>" + merge))
    code, out, wall, rss = run_check(path)
    assert code == 0, out
    assert wall < 60 and rss < 400, (wall, rss)


def test_cells_far_to_the_right_and_below_are_cut_off(tmp_path):
    # A diagonal of single cells ever further out: the table (A1:M3) is kept, the rest named.
    path = ledger(tmp_path)
    diag = b"".join(
        f'<row r="{k * 3000}"><c r="{col}{k * 3000}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
        for k, col in enumerate(["AB", "BZ", "DZ", "HZ", "PZ", "AFZ", "BLZ", "CVZ"], start=1)
    )
    rewrite_member(path, LEDGER_PART, lambda x: add_cells(x, diag))
    code, out, wall, rss = run_check(path)
    assert code == 0, out
    assert "远在表格之外" in out and "共 2 个问题" in out
    assert wall < 60 and rss < 400, (wall, rss)


def test_cells_scattered_without_a_table_are_refused_in_chinese(tmp_path):
    # No gap wide enough to end a table, yet 800 cells spread over 720,000 rows × 16,000 columns.
    path = ledger(tmp_path)
    from ledger_tools.ledger.cells import column_letter

    spread = b"".join(
        f'<row r="{k * 900}"><c r="{column_letter(k * 20)}{k * 900}"><v>1</v></c></row>'.encode()
        for k in range(1, 800)
    )
    rewrite_member(path, LEDGER_PART, lambda x: add_cells(x, spread))
    code, out, wall, rss = run_check(path)
    assert code == 2, out
    assert "分散在" in out and "另存" in out
    assert wall < 60 and rss < 400, (wall, rss)


# ---------------------------------------------------------------------------------------------
# Zip bombs: refused from the zip directory, nothing inflated.


def _deflate_spaces(total: int) -> tuple[bytes, int]:
    """A raw deflate stream of ``total`` spaces, built without inflating them: one flushed
    block of 16 MiB compressed once and repeated (a full flush makes blocks independent)."""
    block = 16 << 20
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = comp.compress(b" " * block) + comp.flush(zlib.Z_FULL_FLUSH)
    n = total // block
    return one * n, n * block


def bomb(path: Path, inflated: int) -> None:
    """A ledger whose sheet XML inflates to about ``inflated`` bytes of whitespace."""
    write_ledger(path, [good_row(1)], info=INFO)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    sheet = dict(items)[LEDGER_PART]
    head, rest = sheet.split(b"<sheetData>")
    body, size = _deflate_spaces(inflated)
    # Inflated: head + <sheetData> + spaces + rest, each piece its own flushed deflate block.
    first = head + b"<sheetData>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = comp.compress(first) + comp.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = start + body + end.compress(rest) + end.flush()
    total = len(first) + size + len(rest)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            z.writestr(name, b"PLACEHOLDER" if name == LEDGER_PART else data)
    _replace_member_raw(path, LEDGER_PART, stream, total)


def _replace_member_raw(path: Path, member: str, stream: bytes, size: int) -> None:
    """Put a precompressed deflate ``stream`` (inflating to ``size`` bytes) in place of
    ``member``'s data, fixing its local and central headers (CRC left wrong: never reached)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    local = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    start = local + 30 + name_len + extra_len
    old_end = start + info.compress_size
    new = data[:start] + stream + data[old_end:]
    struct.pack_into("<II", new, local + 18, len(stream), size)
    shift = len(stream) - info.compress_size
    # Central directory entries after the member moved by ``shift``; fix offsets and sizes.
    eocd = new.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<II", new, eocd + 12)
    struct.pack_into("<I", new, eocd + 16, cd_offset + shift)
    pos = cd_offset + shift
    while new[pos : pos + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", new, pos + 28)
        offset = struct.unpack_from("<I", new, pos + 42)[0]
        if new[pos + 46 : pos + 46 + n] == name:
            struct.pack_into("<II", new, pos + 20, len(stream), size)
        elif offset > local:
            struct.pack_into("<I", new, pos + 42, offset + shift)
        pos += 46 + n + e + c
    path.write_bytes(bytes(new))


@pytest.mark.parametrize("inflated", [3 << 30, 200 << 20], ids=["3GiB", "200MiB"])
def test_sheet_xml_bomb_is_refused_before_inflating(tmp_path, inflated):
    path = tmp_path / "炸弹.xlsx"
    bomb(path, inflated)
    assert path.stat().st_size < 4 << 20
    code, out, wall, rss = run_check(path)
    assert code == 2, out
    assert "工作表“整改台账”解压后有" in out and "安全上限" in out and "拆分" in out
    assert wall < 30 and rss < 300, (wall, rss)


def test_part_over_the_size_cap_is_refused(tmp_path):
    path = tmp_path / "大.xlsx"
    bomb(path, MAX_PART_BYTES + (16 << 20))
    code, out, _, _ = run_check(path)
    assert code == 2 and f"每部分 {MAX_PART_BYTES // 2**20} MB" in out, out


def _patch_headers(
    data: bytearray,
    member: str,
    local: dict[int, tuple[str, int]],
    central: dict[int, tuple[str, int]],
) -> None:
    """Set fields (offset → (struct format, value)) of ``member``'s local header and of its
    central directory record in the zip bytes ``data``."""
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo(member)
    for offset, (fmt, value) in local.items():
        struct.pack_into(fmt, data, info.header_offset + offset, value)
    eocd = data.rfind(b"PK\x05\x06")
    pos = struct.unpack_from("<I", data, eocd + 16)[0]
    while data[pos : pos + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", data, pos + 28)
        if data[pos + 46 : pos + 46 + n] == member.encode():
            for offset, (fmt, value) in central.items():
                struct.pack_into(fmt, data, pos + offset, value)
        pos += 46 + n + e + c


def test_part_larger_than_its_declared_size_is_damaged_not_inflated(tmp_path):
    path = tmp_path / "谎报.xlsx"
    bomb(path, 64 << 20)
    data = bytearray(path.read_bytes())
    _patch_headers(data, LEDGER_PART, {22: ("<I", 4096)}, {24: ("<I", 4096)})
    path.write_bytes(bytes(data))
    code, out, wall, rss = run_check(path)
    assert code == 2, out
    assert "已损坏" in out or "无法读取" in out
    assert wall < 30 and rss < 300, (wall, rss)


# ---------------------------------------------------------------------------------------------
# Excel error values.


def test_error_values_are_reported_by_cell_and_kept_out_of_the_grid(tmp_path):
    path = ledger(tmp_path)

    def patch(xml: bytes) -> bytes:
        row3 = xml.index(b'<row r="3"')
        end = xml.index(b"</row>", row3)
        extra = b'<c r="N3" t="e"><f>#REF!+1</f><v>#REF!</v></c><c r="O3" t="e"><v>#N/A</v></c>'
        return xml[:end] + extra + xml[end:]

    rewrite_member(path, LEDGER_PART, patch)
    ws = read_workbook(path).sheets["整改台账"]
    assert ws.error_cells == {(2, 13): "#REF!", (2, 14): "#N/A"}
    assert ws.rows[2][13] is None and ws.rows[2][14] is None
    assert ws.formulas_without_value == set()


def _set_method(path: Path, member: str, method: int) -> None:
    """Claim another compression method for ``member`` in both of its headers."""
    data = bytearray(path.read_bytes())
    _patch_headers(data, member, {8: ("<H", method)}, {10: ("<H", method)})
    path.write_bytes(bytes(data))


def test_unsupported_compression_is_explained_in_chinese(tmp_path):
    path = ledger(tmp_path)
    _set_method(path, LEDGER_PART, 9)  # Deflate64: neither zipfile nor calamine reads it
    code, out, _, _ = run_check(path)
    assert code == 2, out
    assert "无法读取" in out and "另存为" in out
    assert not any(word in out for word in ("Error", "error", "method", "Zip"))
