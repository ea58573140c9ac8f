"""The long items of a shared strings table (``reading._long_strings``), found without a
list of every item's size where no window of the table can hold one: the same items, at
the same indexes and sizes, as when every item is measured."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger_tools.ledger import reading
from ledger_tools.ledger.reading import CHUNK_BYTES, LONG_SHARED, _long_strings


def _table(lengths: list[int | None]) -> bytes:
    items = [b"<si/>" if n is None else b"<si><t>" + b"x" * n + b"</t></si>" for n in lengths]
    return b'<?xml version="1.0"?><sst count="1">' + b"".join(items) + b"</sst>"


def _measured(data: bytes) -> dict[bytes, int]:
    """``_long_strings`` measuring every item (no window test)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reading, "_short_items", lambda buf, cut: False)
        return _long(data)


def _long(data: bytes) -> dict[bytes, int]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", data)
    with zipfile.ZipFile(buf) as zf:
        return _long_strings(zf, "xl/sharedStrings.xml")


# item text lengths around the limit (an item's XML is 16 bytes more than its text)
_NEAR = [0, 5, 300, 2030, 2040, 4070, 4080, 4081, 4090, 5000, 20000]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_NEAR), st.none()), max_size=400))
def test_long_items_found_as_measured(lengths):
    # (no <si/> in a table: the long items are found window by window)
    data = _table([n if n is not None else 10 for n in lengths])
    assert _long(data) == _measured(data)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_NEAR), st.none()), max_size=400))
def test_long_items_found_with_empty_items(lengths):
    data = _table(lengths)
    assert _long(data) == _measured(data)


@pytest.mark.parametrize("where", [0.0, 0.001, 0.5, 1.0])
def test_long_item_in_a_table_of_several_chunks(where):
    # thousands of short items over several chunks, one long one among them
    count = CHUNK_BYTES // 300 * 3
    lengths = [200] * count
    lengths[min(int(where * count), count - 1)] = LONG_SHARED
    data = _table(lengths)
    found = _long(data)
    assert found == _measured(data)
    assert list(found) == [str(lengths.index(LONG_SHARED)).encode()]
