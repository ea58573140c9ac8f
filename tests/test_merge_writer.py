"""The 汇总台账's fast path: rows rendered by the worker processes, streamed into the package.

Whoever renders a unit's rows (the worker that read it, or the writer when a library caller
merged without them) and however the package is deflated (ISA-L or zlib), the workbook holds
the same XML: the units of ``merge_units`` (layouts, an .xls, errors, a duplicate name, an
unreadable file) are merged both ways and the members compared byte for byte.
"""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from merge_units import TODAY, build_units

from ledger_tools.upward import merge_xlsx
from ledger_tools.upward.merge import Keep, all_measure_rows, merge_ledgers, merge_workbook


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("units")
    build_units(root / "各单位")
    return root


def _members(path):
    """Every member of the package but the one that holds the time of writing."""
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        return {n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"}


def test_rows_rendered_by_the_workers_equal_rows_rendered_by_the_writer(folder, tmp_path):
    in_workers = merge_ledgers([folder / "各单位"], TODAY, jobs=2, keep=Keep(rows=False))
    assert all(u.xml is not None and u.measures is None for u in in_workers.units)
    by_writer = merge_ledgers([folder / "各单位"], TODAY, jobs=1, keep=Keep(xml=False))
    assert all(u.xml is None and u.measures is not None for u in by_writer.units)
    # both written into the same folder: the links are relative to it
    a = merge_workbook(in_workers, folder / "a.xlsx")
    b = merge_workbook(by_writer, folder / "b.xlsx")
    assert _members(a) == _members(b)
    sheet = _members(a)["xl/worksheets/sheet2.xml"]
    assert b"\x00" not in sheet and b"\x01" not in sheet and b"\x02" not in sheet
    ws = openpyxl.load_workbook(a)["全部措施"]
    got = [list(r) for r in ws.iter_rows(min_row=2, max_col=1, values_only=True)]
    assert [r[0] for r in got] == [row[0] for row in all_measure_rows(by_writer.units)]


def test_the_package_deflated_by_zlib_holds_the_same_xml(folder, tmp_path, monkeypatch):
    merge = merge_ledgers([folder / "各单位"], TODAY, jobs=1)
    fast = merge_workbook(merge, folder / "isal.xlsx")
    monkeypatch.setattr(merge_xlsx, "_isal", lambda: None)  # as without the ``merge`` extra
    plain = merge_workbook(merge, folder / "zlib.xlsx")
    assert _members(fast) == _members(plain)
    with zipfile.ZipFile(plain) as zf:
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in zf.infolist())
    assert openpyxl.load_workbook(plain)["校验问题"].max_row > 1


def test_rows_not_kept_are_not_given_silently(folder):
    merge = merge_ledgers([folder / "各单位"], TODAY, jobs=1, keep=Keep(rows=False))
    with pytest.raises(ValueError, match="rows=False"):
        list(all_measure_rows(merge.units))
