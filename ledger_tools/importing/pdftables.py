"""Ruled tables of a text PDF, read by the borders drawn around their cells (pdfplumber).

``pdftotext -layout`` gives a table only as text laid out in columns: a cell wrapped over
lines, centred vertically in a tall row, or merged over several rows leaves lines of
neighbouring rows interleaved, which the text alone cannot untangle (``extract`` then reports
the table instead of guessing). Published 问题清单 are nearly always drawn with borders: where
pdfplumber is installed (the ``pdf`` extra), those borders give every cell exactly, merged
cells included. Pages are read here only from a page whose text has a task table's header
line on, and then while the pages go on with a ruled table.

Each table comes back as rows of cell texts, the way ``extract`` gives a Word table: a merged
cell's text repeated in every row and column it spans, the lines of a cell joined without the
breaks the column width made.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

Rows = list[list[str]]
# pdfplumber parses in this process, without pdftotext's limits: a file larger than a long
# published 整改方案 ever is (a few MB) is left to the text reading.
MAX_PDF_BYTES = 50 << 20
Box = tuple[float, float, float, float]


@dataclass
class RuledTable:
    """A table on a page: its top and bottom (points from the page top) and its rows."""

    top: float
    bottom: float
    rows: Rows


@dataclass
class RuledPage:
    width: float
    height: float
    tables: list[RuledTable]


def available() -> bool:
    """Whether pdfplumber is installed (without importing it: the parent process only
    decides whether to start the child that reads the tables)."""
    import importlib.util

    return importlib.util.find_spec("pdfplumber") is not None


CHILD_TIMEOUT = 180  # seconds for pdfplumber to read the table pages of one PDF
CHILD_MEMORY = 2 << 30  # its address space


def bounded_ruled_pages(path: Path, starts: list[int]) -> dict[int, RuledPage]:
    """``ruled_pages`` of a task table (``fields.table_columns``), run in a child process with
    its time and address space capped, as pdftotext is: pdfplumber parses the PDF in Python,
    and a small crafted file can draw millions of lines. Empty (the text reading stays) when
    pdfplumber is not installed, the file is too large, or the child fails or runs out."""
    if not starts or not available() or path.stat().st_size > MAX_PDF_BYTES:
        return {}
    cmd = [sys.executable, "-m", __name__, str(path), *map(str, starts)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, timeout=CHILD_TIMEOUT, check=False, **_child_limits()
        )
    except (subprocess.TimeoutExpired, OSError):
        return {}
    if proc.returncode != 0:
        return {}
    try:
        found = json.loads(proc.stdout)
    except ValueError:
        return {}
    return {
        int(n): RuledPage(page["width"], page["height"], [RuledTable(**t) for t in page["tables"]])
        for n, page in found.items()
    }


def _child_limits() -> dict[str, Any]:
    if os.name != "posix":  # pragma: no cover - Windows: the timeout still applies
        return {}
    import resource

    from ledger_tools.importing.extract import lower_limit

    def limit() -> None:
        lower_limit(resource.RLIMIT_AS, CHILD_MEMORY)

    return {"preexec_fn": limit}


def _main(argv: list[str]) -> None:
    """The child of ``bounded_ruled_pages``: the ruled task tables of a PDF as JSON."""
    from ledger_tools.importing.fields import table_columns

    path, starts = Path(argv[0]), [int(a) for a in argv[1:]]
    found = ruled_pages(path, starts, lambda rows: table_columns(rows) is not None)
    json.dump({n: asdict(page) for n, page in found.items()}, sys.stdout, ensure_ascii=False)


def ruled_pages(
    path: Path, starts: list[int], is_task_table: Callable[[Rows], bool], max_pages: int = 200
) -> dict[int, RuledPage]:
    """{page number: its ruled tables} for each page in ``starts`` that has a task table
    (``is_task_table(rows)``) drawn with borders, and the pages after it while they go on with
    a ruled table. Empty when pdfplumber is not installed or cannot read the file. Runs in
    this process: ``bounded_ruled_pages`` runs it in a child with limits."""
    if not starts or not available() or path.stat().st_size > MAX_PDF_BYTES:
        return {}
    import pdfplumber

    found: dict[int, RuledPage] = {}
    try:
        with pdfplumber.open(str(path)) as pdf:
            number = 0
            for start in starts:
                number = max(number, start)
                while number <= len(pdf.pages) and len(found) < max_pages:
                    page = pdf.pages[number - 1]
                    tables = [_table(t) for t in page.find_tables()]
                    tables = [t for t in tables if t.rows]
                    first_page = number == start
                    if not tables or (
                        first_page and not any(is_task_table(t.rows) for t in tables)
                    ):
                        break
                    found[number] = RuledPage(float(page.width), float(page.height), tables)
                    page.close()
                    number += 1
    except Exception:  # noqa: BLE001 - a PDF pdfplumber cannot parse: the text reading stays
        return {}
    return found


def _table(table: Any) -> RuledTable:
    """A pdfplumber table as rows of texts; merged cells repeated over the grid they cover."""
    texts = table.extract()
    boxes: dict[Box, str] = {}
    for i, row in enumerate(table.rows):
        for j, box in enumerate(row.cells):
            if box is not None:
                boxes[tuple(box)] = _cell_text(texts[i][j])
    # Each grid column's own extent: its narrowest cell (a title row merged across the table
    # is one cell as wide as the table).
    columns = []
    for j in range(len(table.columns)):
        boxes_j = [row.cells[j] for row in table.rows if row.cells[j] is not None]
        columns.append(min(boxes_j, key=lambda b: b[2] - b[0]) if boxes_j else table.bbox)
    tops = [row.bbox[1] for row in table.rows] + [table.bbox[3]]
    grid: list[list[str | None]] = []
    for i in range(len(table.rows)):
        y = tops[i] + 0.5  # just below the row's top: inside any cell merged from above
        line: list[str | None] = []
        for j, x_box in enumerate(columns):
            if texts[i][j] is not None:
                line.append(_cell_text(texts[i][j]))
                continue
            x = (x_box[0] + x_box[2]) / 2
            cover = next((b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            line.append(boxes[cover] if cover else None)
        grid.append(line)
    _fill_unbounded(table.page, grid, columns, tops)
    rows = [[c or "" for c in line] for line in grid]
    return RuledTable(float(table.bbox[1]), float(table.bbox[3]), [r for r in rows if any(r)])


def _fill_unbounded(
    page: Any, grid: list[list[str | None]], columns: list[Box], tops: list[float]
) -> None:
    """Cells whose borders pdfplumber did not close (a merged cell running into the page's
    end has no bottom rule): the rows of such a run in one column are one merged cell, its
    text read from that rectangle of the page."""
    for j, (x0, _, x1, _) in enumerate(columns):
        i = 0
        while i < len(grid):
            if grid[i][j] is not None:
                i += 1
                continue
            end = i
            while end + 1 < len(grid) and grid[end + 1][j] is None:
                end += 1
            text = _cell_text(page.crop((x0, tops[i], x1, tops[end + 1])).extract_text())
            for k in range(i, end + 1):
                grid[k][j] = text
            i = end + 1


def _cell_text(text: str | None) -> str:
    """A cell's lines joined: Chinese lines directly, Latin words with a space."""
    from ledger_tools.importing.extract import clean_line

    out = ""
    for line in (text or "").splitlines():
        line = line.strip()
        latin = (
            out[-1:].isascii() and out[-1:].isalnum() and line[:1].isascii() and line[:1].isalpha()
        )
        out += (" " if out and latin else "") + line
    return clean_line(out)


def continue_rows(before: Rows, rows: Rows) -> Rows:
    """``before`` (a table up to the end of a page) with ``rows`` (its part on the next page):
    the header repeated on the new page dropped, a row broken over the page joined again, and
    cells merged down over the page break (blank on the new page) taken from the row above."""
    from ledger_tools.importing.outline import match_marker

    if not before:
        return rows
    # The header (under a title row merged across, or over a second row): not a numbered row.
    heads = [r for r in before[:3] if not r[0][:1].isdigit()]
    rows = [r for r in rows if r not in heads]
    if not rows:
        return before
    first, last = rows[0], before[-1]
    filled = [j for j, c in enumerate(first) if c]
    broken = _broken(last, first) or _measure_cells_ended(heads, last, first)
    if first[0] == "" and broken and not any(match_marker(first[j]) for j in filled):
        # The rest of the last row: its cells go on where they stopped.
        joined = [a + b if b and b != a else a for a, b in zip(last, first, strict=False)]
        rest = rows[1:]
        for k, row in enumerate(rest):
            if row[0]:
                break
            # a merged cell broken over the page: its part on this page is repeated in each
            # row it spans, and stands for the whole text
            rest[k] = [
                joined[j] if c and j < len(first) and c == first[j] else c
                for j, c in enumerate(row)
            ]
        return [*before[:-1], *_carry_down([joined, *rest], first)]
    if first[0] == "":
        # A new row of the same problem: what its merged cells hold is above the page break.
        return before + _carry_down([last, *rows], first)[1:]
    return before + rows


_SENTENCE_END = ("。", "；", ";", "！", "？", "”")


def _broken(last: list[str], first: list[str]) -> bool:
    """Whether ``first`` (a page's first row, no 序号) is the rest of ``last`` (the row the page
    before ended with): most of the row's cells ended above, or each text it goes on with
    continues a text of ``last`` that stopped short of its sentence's end."""
    filled = [j for j, c in enumerate(first) if c]
    if 2 * len(filled) < len([c for c in last if c]):
        return True
    texts = [last[j] for j in filled if len(last[j]) >= 6]
    return (
        bool(texts)
        and all(last[j] for j in filled)
        and not any(t.endswith(_SENTENCE_END) for t in texts)
    )


# Columns a row of its own always fills (a measure's own cells; 序号, 方面, 问题, 责任领导 and the
# goal are often merged over a problem's rows).
_OWN_CELLS = frozenset(
    {"整改措施", "责任部门", "整改时限", "整改状态", "整改进展及成效", "完成时间"}
)


def _measure_cells_ended(heads: Rows, last: list[str], first: list[str]) -> bool:
    """Whether ``first`` (a page's first row, no 序号) is the rest of ``last``, a row the page
    broke after its first line or two (every cell then short, which ``_broken`` cannot judge):
    a cell only a row of its own fills (its 整改进度, 整改时限) has text above the break and
    none below it; or the measure or problem above is a few characters with no sentence end
    ("1.编制历"); or the measure above is numbered ("1.……") and its text below is not."""
    from ledger_tools.importing.fields import table_columns
    from ledger_tools.importing.outline import match_marker

    found = table_columns(heads) if heads else None
    if found is None:
        return False
    header, columns = found
    if len(heads[header]) != len(first):
        return False

    own = [j for j, name in columns.items() if name in _OWN_CELLS and j < len(first)]
    going_on = [j for j, c in enumerate(first) if c]
    if not going_on:
        return False
    if any(last[j] and not first[j] for j in own):
        return True
    texts = [j for j, name in columns.items() if name in ("整改措施", "问题") and j < len(first)]
    for j in texts:
        if not (last[j] and first[j]) or last[j].endswith(_SENTENCE_END):
            continue
        # A few characters are no whole measure or problem ("1.编制历", "部分矿山"): the
        # page broke the cell after its first line; nor does a numbered cell ("1.……") go on
        # with a new row that is not numbered.
        if len(re.sub(r"^\S{0,3}?[.．、]", "", last[j])) <= 6 or (
            match_marker(last[j]) and not match_marker(first[j])
        ):
            return True
    return False


def _carry_down(rows: Rows, top: list[str]) -> Rows:
    """The rows of the problem going on at a page's top: the cells blank in the page's first
    row (merged cells whose text is above the page break) take the value of the row above,
    down to the next problem's row."""
    blank = {j for j, c in enumerate(top) if not c}
    out = [rows[0]]
    for row in rows[1:]:
        if row[0]:
            out += rows[len(out) :]
            break
        out.append([out[-1][j] if j in blank and not c else c for j, c in enumerate(row)])
    return out


if __name__ == "__main__":
    _main(sys.argv[1:])
