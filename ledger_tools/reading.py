"""Reading a workbook into plain cell grids (``RawBook``), whatever wrote it.

This stage knows about files (xlsx/xlsm/xls, encryption, corrupt zips, hidden rows, formulas
without cached values) and nothing about ledgers. ``normalise`` turns a ``RawBook`` into a
``Ledger``. The Excel add-in (``excel``) builds the same ``RawBook`` from a live workbook, so
both paths share every rule after this point.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawSheet:
    """One sheet as a grid of values.

    ``rows[i][j]`` is the value of Excel row ``i + 1``, column ``j + 1`` (str, float, int, bool,
    datetime.date/datetime, or None). ``merged`` holds 0-based inclusive ranges
    ``(first_row, first_col, last_row, last_col)``. ``hidden_rows`` are Excel row numbers,
    ``hidden_cols`` 0-based column indexes. ``formulas_without_value`` are 0-based
    ``(row, col)`` of formula cells that have no cached value.
    """

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class RawBook:
    path: str
    sheets: dict[str, RawSheet]  # in workbook order
