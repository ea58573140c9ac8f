"""Validation findings as data (rule id, severity, cell, value, message) and their report.

A ``Finding`` is what every stage produces when it notices something: the reader (notes),
the validator (errors and warnings) and the document commands (missing 基本信息). Renderers
(text, JSON, the marked workbook, the live Excel sheet) only read ``Report``.
"""

from __future__ import annotations

import copy
import functools
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any, NamedTuple

ERROR = "error"
WARNING = "warning"
NOTE = "note"
SEVERITY_LABEL = {ERROR: "错误", WARNING: "警告", NOTE: "提示"}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTE: 2}

JSON_SCHEMA_VERSION = 2  # 2: adds ``layout`` (读取方式); see checking.JSON_SCHEMA


_PLAIN_SHEET = re.compile(r"[^\W\d][\w.]*")
_LOOKS_LIKE_CELL = re.compile(r"[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]?\d*|[Cc]\d*|TRUE|FALSE", re.IGNORECASE)


@functools.lru_cache(maxsize=256)  # a few sheets, named by every finding's cell
def sheet_ref(name: str) -> str:
    """A sheet name as Excel writes it before ``!``: as it is when it is a plain name
    (letters, Chinese characters, digits after the first, ``_``, ``.``), otherwise in single
    quotes with each ``'`` doubled: ``'O''Brien 台账'``, ``'2024年 台账'``."""
    if _PLAIN_SHEET.fullmatch(name) and not _LOOKS_LIKE_CELL.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True, slots=True)  # (slots: a ledger read wrongly has a million)
class Finding:
    rule: str  # stable rule id, e.g. "required-cell"; see schema.RULES
    severity: str  # error | warning | note
    message: str  # Chinese, says what is wrong and what to do
    sheet: str = ""
    row: int | None = None  # Excel row, 1-based
    column: str = ""  # column letter
    field: str = ""  # canonical column or 基本信息 field
    value: Any = None
    extra: dict[str, Any] = dc_field(default_factory=dict, compare=False)  # e.g. {"colour": "红色"}

    def __post_init__(self) -> None:
        # One copy of each message text: a ledger read wrongly repeats a few messages a
        # million times (840,000 findings held 130 MB of equal texts).
        if self.message.__class__ is str:
            object.__setattr__(self, "message", sys.intern(self.message))

    @property
    def cell(self) -> str:
        """``整改台账!K12``, ``整改台账!12行`` or the sheet name alone; a sheet name is
        quoted the way Excel writes it (``'O''Brien 台账'!K3``)."""
        if not self.sheet:
            return ""
        sheet = sheet_ref(self.sheet)
        if self.row is None:
            return f"{sheet}!{self.column}" if self.column else self.sheet
        return f"{sheet}!{self.column}{self.row}" if self.column else f"{sheet}!{self.row}行"

    def to_dict(self) -> dict[str, Any]:
        # By hand: dataclasses.asdict deep-copies every field (a merge calls this per finding).
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "value": finding_value(self.value),
            "extra": copy.deepcopy(self.extra) if self.extra else {},
            "cell": self.cell,
        }


def finding_value(value: Any) -> Any:
    """A finding's value as JSON holds it: scalars as they are, anything else as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass
class Report:
    """All findings of one check, with the totals the terminal summary prints."""

    path: str
    findings: list[Finding]
    totals: dict[str, Any] = dc_field(default_factory=dict)  # 方面数, 问题数, 措施数, 状态 counts …
    today: str = ""
    layout: dict[str, Any] = dc_field(default_factory=dict)  # 读取方式: model.Layout.to_dict()
    # Merged ranges of the sheets read (``Ledger.merged``: flat, 0-based row1, col1, row2,
    # col2, …): the marked copy need not scan the sheet for them again. Not in the JSON.
    merged: dict[str, Sequence[int]] = dc_field(default_factory=dict, repr=False)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Finding]:
        return sorted(
            self.findings,
            key=lambda f: (
                SEVERITY_ORDER[f.severity],
                f.sheet,
                f.row or 0,
                len(f.column),  # (column letters in sheet order: Z before AA)
                f.column,
                f.rule,
            ),
        )


# ---------------------------------------------------------------------------------------------
# Which cell gets which mark: the one decision behind both painters, the ``--mark`` copy
# (``marking``, openpyxl) and the live Excel workbook (``excel``, xlwings).


class CellMark(NamedTuple):  # (a tuple: the --mark copy of a large ledger makes 100,000)
    """How a painter marks one cell: filled for ``severity`` (red error, yellow warning) with
    one comment listing every finding on the cell, errors first."""

    sheet: str
    cell: str  # "K12": the top-left cell when the finding's cell is inside a merged range
    severity: str  # ERROR or WARNING (notes alone do not mark a cell)
    comment: str
    findings: tuple[Finding, ...]


def cell_marks(findings: list[Finding], anchor: Any = None) -> list[CellMark]:
    """Group ``findings`` by the cell they point at → one ``CellMark`` per cell, in order.

    Only findings with a row and a column mark a cell. ``anchor(sheet, "K12")`` maps a cell
    inside a merged range to the range's top-left cell (the one a painter can fill and
    comment); without it cells are taken as they are. The same message twice is listed once.
    """
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if not (f.row and f.column):
            continue
        coord = f"{f.column}{f.row}"
        if anchor is not None:
            coord = anchor(f.sheet, coord)
        groups.setdefault((f.sheet, coord), []).append(f)
    marks = []
    label = SEVERITY_LABEL
    for (sheet, coord), group in groups.items():
        if len(group) == 1:  # most cells: what follows, for one finding
            f = group[0]
            if f.severity != NOTE:
                severity = ERROR if f.severity == ERROR else WARNING
                comment = f"【{label[f.severity]}】{f.message}"
                marks.append(CellMark(sheet, coord, severity, comment, (f,)))
            continue
        severities = {f.severity for f in group}
        if severities <= {NOTE}:
            continue  # notes are listed on 校验结果 only
        ordered = sorted(group, key=lambda f: SEVERITY_ORDER[f.severity])
        lines = dict.fromkeys(f"【{SEVERITY_LABEL[f.severity]}】{f.message}" for f in ordered)
        severity = ERROR if ERROR in severities else WARNING
        marks.append(CellMark(sheet, coord, severity, "\n".join(lines), tuple(group)))
    return marks
