"""The ledger as data: measures with their origin, grouped into 方面 → 问题 → 措施.

Built by ``normalise`` from what ``reading`` returns; consumed by ``schema`` (validation),
``stats``, ``context`` and ``render``. Plain dataclasses: cheap to import, easy to test.
"""

from __future__ import annotations

import datetime as dt
import operator
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast


@dataclass(frozen=True)
class Deadline:
    """A parsed 整改时限 / 完成时间.

    ``kind`` is ``date`` (an exact day), ``period`` (end of a month/quarter/half/year),
    ``immediate`` (立行立改: due on 集中整改截止日期 or 反馈日期 + 30 days), ``long_term``
    (长期坚持: never due), ``empty`` or ``invalid``. ``due`` is the day it falls due, if any.
    """

    kind: str
    text: str
    due: dt.date | None = None
    note: str = ""  # why it is invalid, or how a period was read
    assumed_year: int | None = None  # written without a year: the year taken (note says why)

    @property
    def is_valid(self) -> bool:
        return self.kind not in ("invalid", "empty")


class RowValues(Mapping[str, Any]):
    """One measure's cells, read where they are kept: the ledger's columns (canonical column
    name → one value per measure, in ledger order), at the measure's index.

    A dict per measure held every column name again for each of 100,000 measures (≈ 80 MB, a
    sixth of the peak memory of ``check``) and the typed table had to gather them back into
    columns; the columns are what the reader builds and the table reads. Behaves as a read-only
    dict of the row; setting a value writes it into the column (a column not there yet is
    added, empty for the other measures). Copied (``dict(values)``) or pickled, it is a dict.
    """

    __slots__ = ("columns", "index")

    def __init__(self, columns: dict[str, list[Any]], index: int) -> None:
        self.columns = columns
        self.index = index

    def __getitem__(self, key: str) -> Any:
        return self.columns[key][self.index]

    def get(self, key: str, default: Any = None) -> Any:
        column = self.columns.get(key)
        return default if column is None else column[self.index]

    def __contains__(self, key: object) -> bool:
        return key in self.columns

    def __iter__(self) -> Iterator[str]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)

    def __setitem__(self, key: str, value: Any) -> None:
        column = self.columns.get(key)
        if column is None:
            size = len(next(iter(self.columns.values()), ()))
            column = self.columns[key] = [None] * max(size, self.index + 1)
        column[self.index] = value

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


def column_reader(measures: list[Measure]) -> Callable[[str], list[Any]]:
    """A function giving a column's values for ``measures``, one per measure in their order.
    When the measures are the reader's (their values read the same columns) it picks the
    values out of the column at C speed, instead of a Python call per measure."""
    views = [m.values for m in measures]
    store = views[0].columns if views and views[0].__class__ is RowValues else None
    if store is None or not all(v.__class__ is RowValues and v.columns is store for v in views):
        return lambda name: [v.get(name) for v in views]
    index = [v.index for v in cast("list[RowValues]", views)]  # all RowValues: checked above
    first = index[0]
    if index == list(range(first, first + len(index))):  # all the reader's, or one stretch
        picked = slice(first, first + len(index))
        return lambda name: store[name][picked] if name in store else [None] * len(index)
    pick = operator.itemgetter(*index) if len(index) > 1 else lambda c: (c[index[0]],)
    return lambda name: list(pick(store[name])) if name in store else [None] * len(index)


@dataclass(slots=True)
class Measure:
    """One 整改措施 (one row of the ledger, or one of several numbered measures in a cell)."""

    row: int  # Excel row number (1-based) on ``sheet``
    # canonical column name -> normalised cell value (str/float/date/None): a dict, or (as the
    # reader builds them) a view of the ledger's columns
    values: dict[str, Any] | RowValues
    part: int = 0  # index within a cell holding several numbered measures (0 = whole cell)
    deadline: Deadline | None = None
    finished: Deadline | None = None  # 完成时间, parsed
    status: str | None = None  # canonical 整改状态, None when empty/unknown
    # Numeric columns whose value belongs to another measure: a later part of a cell split into
    # several measures, or a row inside a merged range below its top row. Counted once.
    copies: frozenset[str] = frozenset()
    problem: int = -1  # index of its problem in ``Ledger.problems`` (set by ``build_tree``)
    # the sheet it is on when not the ledger's first (``Origin.sheet``): a ledger kept one
    # sheet per 方面 is read as one (``sheets.read_sibling_sheets``)
    sheet: str | None = None

    def get(self, column: str) -> Any:
        return self.values.get(column)

    @property
    def place(self) -> tuple[str | None, int]:
        """The Excel row it stands on: (its ``sheet``, None on the ledger's first; its row).
        The measures split from one cell share it; rows of two sheets never do."""
        return (self.sheet, self.row)


@dataclass
class Problem:
    number: str  # 序号 as written (or 1, 2, … by order when the ledger has none)
    title: str  # 问题
    aspect: str  # 方面
    measures: list[Measure] = field(default_factory=list)
    status: str | None = None  # rolled up (README “整改状态”)

    @property
    def first_row(self) -> int:
        return self.measures[0].row if self.measures else 0


@dataclass
class Aspect:
    title: str
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Origin:
    """Where the ledger came from: file, sheet, header row and column letters."""

    path: str
    sheet: str
    header_row: int
    columns: dict[str, str]  # canonical column name -> column letter
    headers: dict[str, str] = field(default_factory=dict)  # column letter -> header as written
    # Excel rows that are 方面 title rows ("一、……方面") inside the table, not measures.
    section_rows: list[int] = field(default_factory=list)
    # Whether headings inside the table (（一）关于“……”的问题) name the problems of rows below.
    problem_headings: bool = False
    # Whether the 方面 of each measure is the name of its sheet (one sheet per 方面).
    aspect_from_sheets: bool = False

    @property
    def present(self) -> set[str]:
        """The canonical columns the ledger supplies: its header's, plus 方面 when title rows
        inside the table name it (and 问题 when headings name the problems)."""
        names = set(self.columns)
        if self.section_rows:
            names.add("方面")
        if self.problem_headings:
            names.add("问题")
        if self.aspect_from_sheets:
            names.add("方面")
        return names

    def cell(self, column: str, row: int, sheet_name: str | None = None) -> str:
        """``整改台账!K12`` for canonical ``column`` at Excel ``row`` (sheet name only if no
        column), on ``sheet_name`` when given (``Measure.sheet``), else the ledger's sheet."""
        from ledger_tools.ledger.findings import sheet_ref

        letter = self.columns.get(column, "")
        sheet = sheet_ref(sheet_name or self.sheet)
        return f"{sheet}!{letter}{row}" if letter else f"{sheet}!{row}行"


@dataclass
class ColumnRead:
    """How one column of the header was read (the 读取方式 block of ``check``)."""

    letter: str
    header: str  # as written
    column: str | None  # canonical column, None when not read
    how: str  # 标准列名 | 别名 | 列名对照 | 按内容 | 未识别 | 重复
    detail: str = ""  # why, for 按内容 (and the alias or mapping used)


@dataclass
class Layout:
    """What the reader decided about a ledger it did not design: sheet, header rows, how each
    column was read, and which rows it did not take as measures (and why)."""

    sheet: str
    header_rows: tuple[int, int]  # first and last Excel row of the header
    columns: list[ColumnRead] = field(default_factory=list)
    group_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, heading text)
    footer_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, note text)
    notes: list[str] = field(default_factory=list)  # assumed years, numbering per 方面 …
    # every sheet read, when the ledger is kept in several (one per 方面); else empty
    sheets: list[str] = field(default_factory=list)

    def decisions(self) -> list[ColumnRead]:
        """The columns not read by their exact standard header."""
        return [c for c in self.columns if c.how != "标准列名"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "header_rows": list(self.header_rows),
            "columns": [
                {
                    "column": c.letter,
                    "header": c.header,
                    "read_as": c.column,
                    "how": c.how,
                    "detail": c.detail,
                }
                for c in self.columns
            ],
            "group_rows": [{"row": r, "text": t} for r, t in self.group_rows],
            "footer_rows": [{"row": r, "text": t} for r, t in self.footer_rows],
            "notes": list(self.notes),
        } | ({"sheets": list(self.sheets)} if self.sheets else {})


@dataclass
class Ledger:
    """A read and normalised ledger.

    ``measures`` in ledger order; ``aspects`` the 方面 → 问题 → 措施 tree in order of first
    appearance; ``info`` the 基本信息 fields; ``texts`` the 文稿段落 rows; ``notes`` what the
    reader noticed (unmapped columns, hidden rows, formulas) as findings to report.
    """

    origin: Origin
    measures: list[Measure]
    aspects: list[Aspect]
    info: dict[str, Any]
    texts: list[dict[str, str]]
    notes: list[Any] = field(default_factory=list)  # list[findings.Finding]
    has_info_sheet: bool = False
    info_cells: dict[str, str] = field(default_factory=dict)  # 基本信息 field -> "基本信息!B5"
    layout: Layout | None = None
    # Excel error values (#DIV/0!, #REF! …) in the columns read: (Excel row, column) -> value.
    error_cells: dict[tuple[int, str], str] = field(default_factory=dict)
    numbered: bool = False  # problems identified by 序号 (else by their text)
    # Merged ranges of the ledger sheet as the reader found them, flat and 0-based: row1, col1,
    # row2, col2, row1, … (a compact array: a large ledger has hundreds of thousands). The
    # marked copy anchors a finding inside one at its top-left cell.
    merged: array[int] = field(default_factory=lambda: array("i"))
    # the merged ranges (as ``merged``) of the other sheets read, when the ledger is kept in
    # several sheets (``Measure.sheet``)
    sheet_merged: dict[str, array[int]] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [p for a in self.aspects for p in a.problems]

    def table(self) -> Any:
        """The typed table as a polars DataFrame (one row per measure, canonical columns plus
        ``_row``/``_part``/``_due``/``_finished``/``_status``). Imported lazily."""
        from ledger_tools.ledger.schema import measures_frame

        return measures_frame(self)
