"""Task tables of a text PDF laid out WITHOUT ruling lines, read by the positions of their words.

WPS and some other producers export a 附件 task table with no borders: only whitespace tells
the cells apart. ``pdftotext -layout`` then gives lines of neighbouring rows interleaved when
the cells are centred vertically in rows of several lines, and ``extract`` gives such a table
up. Here the words of those pages come from ``pdftotext -bbox`` (poppler, no extra library)
with their boxes, and the table is rebuilt from geometry:

- columns: the header words give one column each; between two headers, the column bound is
  the vertical lane the fewest words below the header cross;
- cells: in each column, lines whose boxes follow one another at the cell's line pitch are
  one cell's text (a block); a larger gap starts the next cell;
- rows: the column with most cells (the 整改措施) gives the table's finest rows ("units");
  the numbers in the 序号 column are the problems. Which units belong to which problem is
  chosen so that every problem's merged cells (its number, its 问题 text) sit centred on the
  block of rows it spans, as vertical centring puts them; a problem's rows broken over a page
  (laid out from their top) instead start at its number. A column that has fewer cells than
  the units (merged over a problem's rows) gives its text to each of the problem's rows.

Cells broken over a page are joined; the header repeated on a new page is skipped. The rows
come back as ``pdftables.RuledTable`` objects per page, so ``extract`` reads the text around
the table and joins the pages as it does for a table drawn with borders.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ledger_tools.importing.pdftables import RuledPage, RuledTable

MAX_TABLE_PAGES = 60  # pages of one borderless table read by position
MAX_TABLES = 10  # borderless tables of one PDF read by position (a 方案 has one or two)


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class _Block:
    """One cell's text in one column: its lines' words, top and bottom, page index."""

    column: int
    page: int
    top: float  # in the table's stacked coordinates (pages one under another)
    bottom: float
    lines: list[list[Word]]

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        from ledger_tools.importing.extract import clean_line

        out = ""
        for line in self.lines:
            piece = " ".join(w.text for w in sorted(line, key=lambda w: w.x0))
            latin = out[-1:].isascii() and out[-1:].isalnum() and piece[:1].isascii()
            out += (" " if out and latin and piece[:1].isalpha() else "") + piece
        return clean_line(out)


@dataclass
class _Part:
    """The table's part on one page: its words (header excluded), its top (the header's top
    where the page has it) and bottom on the page, where its rows start, whether the table
    ends on this page, and the offset that stacks the page under the part before."""

    page: int
    top: float
    start: float
    bottom: float
    offset: float
    bounds: list[float]
    words: list[Word] = field(default_factory=list)
    headings: list[tuple[float, str]] = field(default_factory=list)  # rows across the table
    ended: bool = False


def page_words(path: Path, first: int, last: int) -> dict[int, tuple[float, float, list[Word]]]:
    """{page number: (width, height, words)} from ``pdftotext -bbox`` of pages first..last."""
    from ledger_tools.importing.extract import _float, clean_line, pdftotext_xml

    root = pdftotext_xml(path, "-bbox", first, last)
    if root is None:
        return {}
    pages: dict[int, tuple[float, float, list[Word]]] = {}
    for number, page in enumerate(root.iter("{*}page"), start=first):
        words = []
        for w in page.iter("{*}word"):
            text = clean_line(w.text or "")
            if text:
                x0, y0, x1, y1 = (_float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
                words.append(Word(x0, y0, x1, y1, text))
        pages[number] = (_float(page.get("width")), _float(page.get("height")), words)
    return pages


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines (their vertical centres within half a line of each other)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.yc, w.x0)):
        if lines:
            last = lines[-1]
            height = max(last[0].y1 - last[0].y0, 1.0)
            if abs(w.yc - last[0].yc) <= 0.5 * height:
                last.append(w)
                continue
        lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _line_text(line: list[Word]) -> str:
    from ledger_tools.importing.extract import clean_line

    return clean_line(" ".join(w.text for w in line))


def _page_number(line: list[Word]) -> bool:
    from ledger_tools.importing.extract import _PAGE_NUMBER

    return bool(_PAGE_NUMBER.match(_line_text(line)))


def _row_number(lines: list[list[Word]], k: int, bounds: list[float]) -> bool:
    """Whether line ``k``, a bare number ("7"), is a 序号 centred between its row's lines, not
    the page's number: it lies in the first column and the table goes on below it."""
    line = lines[k]
    return (
        k + 1 < len(lines)
        and bool(_NUMBER.match(_line_text(line)))
        and bool(bounds)
        and all(w.xc < bounds[0] for w in line)
        and not all(_page_number(ln) for ln in lines[k + 1 :])
    )


def _header_line(lines: list[list[Word]]) -> int | None:
    """The index of the line that is a task table's header (ledger column names, 3 or more)."""
    from ledger_tools.importing.fields import table_columns

    for i, line in enumerate(lines):
        cells = _joined(line)
        if len(cells) >= 3 and table_columns([[w.text for w in cells]]) is not None:
            return i
    return None


def _find_header(lines: list[list[Word]], within: int = 60) -> tuple[list[Word], int, int] | None:
    """(header cells, first line, last line) of the task table's header among the first
    ``within`` lines: a header line with its wrapped cells around it (``_header``), or a header
    every cell of which wraps (``_stacked``)."""
    at = _header_line(lines[:within])
    if at is not None:
        return _header(lines, at)
    for i in range(min(within, len(lines))):
        if found := _stacked(lines, i):
            return found
    return None


def _stacked(lines: list[list[Word]], i: int) -> tuple[list[Word], int, int] | None:
    """A header whose cells all wrap in narrow columns ("问题类" over "别", "序号" alone on a line
    between them): lines ``i`` to ``i+2`` set close together (no gap over half a line), each
    word joining the cell it stands over or under; None unless the cells name a task table's
    columns."""
    from ledger_tools.importing.fields import table_columns

    group = [lines[i]]
    for line in lines[i + 1 : i + 3]:
        h = max(w.y1 - w.y0 for w in line)
        if min(w.y0 for w in line) - max(w.y1 for w in group[-1]) > 0.5 * h:
            break
        group.append(line)
    if len(group) < 2 or max(len(ln) for ln in group) < 3:
        return None
    cells: list[list[Word]] = []
    for line in sorted(group, key=len, reverse=True):
        for w in line:
            h = w.y1 - w.y0
            home = [c for c in cells if any(_overlap(w, piece, 0.2 * h) for piece in c)]
            if len(home) > 1:
                return None
            if home:
                home[0].append(w)
            else:
                cells.append([w])
    merged = _cells_left_to_right(cells)
    if len(merged) < 3 or table_columns([[w.text for w in merged]]) is None:
        return None
    return merged, i, i + len(group) - 1


def _merge_words(a: Word, b: Word) -> Word:
    return Word(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1), a.text + b.text)


def _joined(line: list[Word]) -> list[Word]:
    """A header line's words, those spaced out inside one cell ("序　号", "存在 问题") joined."""
    from ledger_tools.importing.fields import table_header

    cells: list[Word] = []
    for w in line:
        if cells:
            last = cells[-1]
            near = w.x0 - last.x1 < 1.2 * (w.y1 - w.y0)
            if near and not (table_header(last.text) and table_header(w.text)):
                cells[-1] = _merge_words(last, w)
                continue
        cells.append(w)
    return cells


def _header(lines: list[list[Word]], at: int) -> tuple[list[Word], int, int]:
    """(header cells, first line, last line) of the header found on line ``at``, with the
    lines just above and below it that hold header cells wrapped in narrow columns ("序" over
    "号", "责" "任" "单" "位" one under another, centred on the header line). Above: short
    words at a line's gap (a title line is wider than any header cell), each under at most
    one cell, new cells allowed. Below: words only under cells not yet complete (no column
    name yet) or begun above the header line, and no number (a row's 序号)."""
    from ledger_tools.importing.fields import table_header

    cells = [[c] for c in _joined(lines[at])]
    widest = max(c[0].x1 - c[0].x0 for c in cells)

    def gap(upper: list[Word], lower: list[Word]) -> float:
        return min(w.y0 for w in lower) - max(w.y1 for w in upper)

    def under(w: Word) -> list[list[Word]]:
        h = w.y1 - w.y0
        return [c for c in cells if any(_overlap(w, piece, h) for piece in c)]

    top = min(w.y0 for w in lines[at])
    first = at
    while first > 0:
        line = _joined(lines[first - 1])
        h = max(w.y1 - w.y0 for w in line)
        if gap(line, lines[first]) > 0.5 * h or any(
            w.x1 - w.x0 > 1.5 * widest or _NUMBER.match(w.text) or len(under(w)) > 1 for w in line
        ):
            break
        for w in line:
            if home := under(w):
                home[0].append(w)
            else:
                cells.append([w])
        first -= 1
    last = at
    while last + 1 < len(lines):
        line = _joined(lines[last + 1])
        h = max(w.y1 - w.y0 for w in line)
        homes = [under(w) for w in line]
        if gap(lines[last], line) > 0.5 * h or any(
            len(home) != 1
            or _NUMBER.match(w.text)
            or (table_header(_cell_text(home[0])) and not any(p.y0 < top - 1 for p in home[0]))
            for w, home in zip(line, homes, strict=True)
        ):
            break
        for w, home in zip(line, homes, strict=True):
            home[0].append(w)
        last += 1
    merged = _cells_left_to_right(cells)
    return merged, first, last


def _cells_left_to_right(cells: list[list[Word]]) -> list[Word]:
    """Each cell's pieces joined into one word (top to bottom, left to right), the cells in
    the order of their left edges."""
    merged = []
    for pieces in sorted(cells, key=lambda c: min(w.x0 for w in c)):
        pieces.sort(key=lambda w: (w.y0, w.x0))
        cell = pieces[0]
        for w in pieces[1:]:
            cell = _merge_words(cell, w)
        merged.append(cell)
    return merged


def _cell_text(pieces: list[Word]) -> str:
    return "".join(w.text for w in sorted(pieces, key=lambda w: (w.y0, w.x0)))


def _overlap(w: Word, cell: Word, h: float) -> bool:
    """Whether ``w`` sits under (or over) the header cell ``cell``: their x ranges overlap,
    or ``w`` is a character or two beside a one-character cell piece."""
    return w.x0 < cell.x1 + 0.5 * h and w.x1 > cell.x0 - 0.5 * h


def _bounds(header: list[Word], body: list[Word]) -> list[float]:
    """Left bound of each column after the first: between the centres of two header words,
    the x that the fewest body words cross (the middle of the widest such lane)."""
    bounds = []
    for a, b in zip(header, header[1:], strict=False):
        lo, hi = int(a.xc) + 1, int(b.xc)
        if hi <= lo:
            bounds.append((a.x1 + b.x0) / 2)
            continue
        # How many words cross each x from lo to hi (a difference array: one pass over the
        # words, whatever the page holds).
        diff = [0] * (hi - lo + 3)
        for w in body:
            first, last = max(lo, math.floor(w.x0) + 1), min(hi, math.ceil(w.x1) - 1)
            if first <= last:
                diff[first - lo] += 1
                diff[last - lo + 1] -= 1
        running, counts = 0, []
        for x in range(lo, hi + 1):
            running += diff[x - lo]
            counts.append((running, x))
        fewest = min(c for c, _ in counts)
        runs: list[list[int]] = []
        for c, x in counts:
            if c != fewest:
                continue
            if runs and runs[-1][-1] == x - 1:
                runs[-1].append(x)
            else:
                runs.append([x])
        best = max(runs, key=len)
        bounds.append((best[0] + best[-1]) / 2)
    return bounds


def _column(x: float, bounds: list[float]) -> int:
    return sum(1 for b in bounds if x >= b)


def _crosses(word: Word, bounds: list[float]) -> bool:
    return any(word.x0 < b - 2 and word.x1 > b + 2 for b in bounds)


Furniture = Callable[[str], bool]


def read_table(
    path: Path, start: int, last_page: int, furniture: Furniture | None = None
) -> dict[int, RuledPage]:
    """The borderless task table whose header is on page ``start``, read by word positions
    over the pages it runs on: {page: RuledPage with that page's part of the table} (the
    header row in the first page's rows). Empty when the page has no such header, the words
    cannot be read, or the rows cannot be matched to the 序号 column."""
    pages = page_words(path, start, min(last_page, start + MAX_TABLE_PAGES - 1))
    if start not in pages:
        return {}
    is_furniture = furniture or (lambda text: False)

    def page_lines(number: int) -> list[list[Word]]:
        lines = _lines(pages[number][2])
        return [ln for ln in lines if not is_furniture(_line_text(ln))]

    lines = page_lines(start)
    found_header = _find_header(lines, len(lines))
    if found_header is None:
        return {}
    header, _, at = found_header
    names = [w.text for w in header]
    # The lanes between columns, from the words of this page and the next few: a cell wider
    # than any on the first page (a longer 责任领导) must not be taken for a line across.
    sample = [w for ln in lines[at + 1 :] for w in ln]
    for number in range(start + 1, min(start + 4, max(pages) + 1)):
        sample += [w for ln in page_lines(number) if not _page_number(ln) for w in ln]
    bounds = _bounds(header, sample)
    parts = [_part(start, lines[at + 1 :], bounds, header, 0.0)]
    while not parts[-1].ended and parts[-1].page + 1 in pages:
        number = parts[-1].page + 1
        lines = page_lines(number)
        lines = [
            ln
            for k, ln in enumerate(lines)
            if not _page_number(ln) or _row_number(lines, k, bounds)
        ]
        if not lines:
            break
        head: list[Word] | None = None
        again = _find_header(lines, 6)
        if again is not None and [w.text for w in again[0]] == names:
            # The header repeated (with the lines of its wrapped cells).
            head, _, end = again
            lines = lines[end + 1 :]
        elif any(_crosses(w, bounds) for w in lines[0]):
            break  # the page goes on with text, not the table
        last = parts[-1]
        offset = last.offset + last.bottom + 2.0
        part = _part(number, lines, bounds, head, offset)
        if not part.words:
            break
        parts.append(part)
    rows = _rows(parts, names)
    if rows is None:
        return {}
    found: dict[int, RuledPage] = {}
    for part in parts:
        width, height, _ = pages[part.page]
        page_rows = rows.get(part.page, [])
        if part.page == start or not page_rows:
            # (a page holding only the rest of a row begun on the page before: its header
            # alone, which the joining drops, so that its text is not read again as a table)
            page_rows = [names, *page_rows]
        if page_rows:
            found[part.page] = RuledPage(
                width, height, [RuledTable(part.top, part.bottom + 1.0, page_rows)]
            )
    return found


def _part(
    number: int, body: list[list[Word]], bounds: list[float], head: list[Word] | None, offset: float
) -> _Part:
    """The table's lines on one page: down to the first line that crosses a column bound (a
    paragraph below the table), a page number, or a gap of three lines with no text in any
    column. A short line across the table that reads as a heading ("二、……方面") is a row of
    its own. Coordinates are stacked: ``offset`` is added to the page's y, less the top."""
    from ledger_tools.importing.extract import _is_heading_row

    top = min(w.y0 for w in head) if head else (min(w.y0 for w in body[0]) if body else 0.0)
    start = max(w.y1 for w in head) if head else top
    part = _Part(number, top, start, start, offset - start, bounds)
    for k, line in enumerate(body):
        text = _line_text(line)
        if _page_number(line) and not _row_number(body, k, bounds):
            break
        pitch = max(w.y1 - w.y0 for w in line)
        if part.words and line[0].y0 - part.bottom > 3 * pitch:
            part.ended = True
            break
        if any(_crosses(w, bounds) for w in line):
            if len(line) <= 3 and _is_heading_row(text):
                part.headings.append((line[0].yc + part.offset, text))
                part.bottom = max(w.y1 for w in line)
                continue
            part.ended = True
            break
        part.words += line
        part.bottom = max(w.y1 for w in line)
    return part


def _blocks(
    parts: list[_Part],
    n: int,
    number_col: int,
    spanning: frozenset[int] = frozenset(),
    lead: int | None = None,
) -> list[list[_Block]]:
    """Per column, its cell blocks in stacked coordinates, top to bottom. A block goes on while
    the next line follows at the column's closest line gap; across a page break, a column's
    last block and the next page's first (at the page's top) are one cell when the text stops
    short of a sentence's end and the next does not start a numbered item.

    A row broken over the page in a table of vertically centred cells: its short cells are
    centred in each page's part of the row ("农村科" low on one page, "技科" high on the next),
    so the second piece is not at the page's top. When the ``lead`` column (整改措施) goes on
    at the top of the page, a first cell of another column of the row's own that lies beside
    that continuation, and whose column's last cell on the page before lies beside that page's
    last 整改措施 cell, is the rest of that cell too."""
    from ledger_tools.importing.outline import match_marker

    columns: list[list[_Block]] = [[] for _ in range(n)]
    split = [
        [_lines([w for w in part.words if _column(w.xc, part.bounds) == j]) for j in range(n)]
        for part in parts
    ]
    # The gap between two lines of one cell: among the smallest gaps between a column's
    # lines (a cell of several lines has several; cells of one line have only wide ones).
    gaps = sorted(
        min(w.y0 for w in b) - max(w.y1 for w in a)
        for by_column in split
        for lines in by_column
        for a, b in zip(lines, lines[1:], strict=False)
    )
    usual = gaps[len(gaps) // 5] if gaps else 0.0
    for part, by_column in zip(parts, split, strict=True):
        # A new row at the page's top, not a row broken over the page: every column of a
        # measure's own (not the 序号, nor the 问题 and 方面 merged over rows) starts there,
        # as a row's short cells (责任单位, 完成时限) do not run on over a page.
        own = [j for j in range(n) if j != number_col and j not in spanning and by_column[j]]
        firsts = [_first_cell(by_column[j], usual) for j in own]
        # (their first cells side by side in one band, the row's: a cell centred in the row
        # starts lower than the page's top but still beside the others)
        fresh = (
            len(own) >= 3
            and min(top for top, _ in firsts) - part.start
            < 1.5 * max(w.y1 - w.y0 for w in by_column[own[0]][0])
            and max(top for top, _ in firsts) < min(bottom for _, bottom in firsts)
        )
        beside = _continued_row(part, by_column, columns, lead, usual) if not fresh else None
        for j, lines in enumerate(by_column):
            tops = [min(w.y0 for w in ln) for ln in lines]
            bottoms = [max(w.y1 for w in ln) for ln in lines]
            for i, line in enumerate(lines):
                h = bottoms[i] - tops[i]
                prev = columns[j][-1] if columns[j] else None
                if i == 0:
                    new = fresh or not (
                        prev is not None
                        and prev.page != part.page
                        and tops[0] - part.start < 1.5 * h
                        and not prev.text.endswith(("。", "；", ";"))
                        and match_marker(_line_text(line)) is None
                    )
                    if (
                        new
                        and beside is not None
                        and j not in (lead, number_col)
                        and j not in spanning
                        and prev is not None
                        and prev.page != part.page
                        and beside[0] <= (tops[0] + _first_cell(lines, usual)[1]) / 2 <= beside[1]
                        and prev.centre >= beside[2]
                    ):
                        new = False  # the centred short cell of a row broken over the page
                else:
                    new = tops[i] - bottoms[i - 1] > usual + 0.3 * h or j == number_col
                y0, y1 = tops[i] + part.offset, bottoms[i] + part.offset
                if new or prev is None:
                    columns[j].append(_Block(j, part.page, y0, y1, [line]))
                else:
                    prev.lines.append(line)
                    prev.bottom = y1
    return columns


def _continued_row(
    part: _Part,
    by_column: list[list[list[Word]]],
    columns: list[list[_Block]],
    lead: int | None,
    usual: float,
) -> tuple[float, float, float] | None:
    """(top, bottom) of the ``lead`` column's first cell on this page and the top of its last
    cell on the page before (stacked coordinates), when that cell goes on at this page's top:
    the row it is in was broken over the page. None otherwise."""
    if lead is None or not by_column[lead] or not columns[lead]:
        return None
    prev = columns[lead][-1]
    lines = by_column[lead]
    h = max(w.y1 - w.y0 for w in lines[0])
    top, bottom = _first_cell(lines, usual)
    if (
        prev.page == part.page
        or top - part.start >= 1.5 * h
        or prev.text.endswith(("。", "；", ";"))
    ):
        return None
    from ledger_tools.importing.outline import match_marker

    if match_marker(_line_text(lines[0])) is not None:
        return None
    return top, bottom, prev.top - part.offset


def _first_cell(lines: list[list[Word]], usual: float) -> tuple[float, float]:
    """(top, bottom) of the first cell among a column's lines on a page: its lines while they
    follow at the usual gap between one cell's lines."""
    top = min(w.y0 for w in lines[0])
    bottom = max(w.y1 for w in lines[0])
    for line in lines[1:]:
        h = max(w.y1 - w.y0 for w in line)
        if min(w.y0 for w in line) - bottom > usual + 0.3 * h:
            break
        bottom = max(w.y1 for w in line)
    return top, bottom


_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、]?$")


def _rows(parts: list[_Part], names: list[str]) -> dict[int, list[list[str]]] | None:
    """The table's rows, per page they start on (see the module docstring); None when the
    numbers of the 序号 column cannot each be given rows."""
    from ledger_tools.importing.fields import table_header

    n = len(names)
    number_col = next((j for j, t in enumerate(names) if table_header(t) == "序号"), -1)
    spanning = frozenset(j for j, t in enumerate(names) if table_header(t) in ("问题", "方面"))
    measures = [j for j, t in enumerate(names) if table_header(t) == "整改措施"]
    columns = _blocks(parts, n, number_col, spanning, measures[0] if measures else None)
    others = [j for j in range(n) if j != number_col]
    # Cells that start below the last 整改措施 cell are not the table's: the lines under it
    # that fall inside its columns ("特此公告。", the 落款 on the right).
    reference = columns[measures[0]] if measures else max(columns, key=len)
    if not reference:
        return None
    end = reference[-1].bottom
    for j in range(n):
        columns[j] = [b for b in columns[j] if b.top <= end]
    last = parts[-1]
    # (a cell begun on the page before and ending on this one counts by where it ends)
    kept = [b.bottom for col in columns for b in col if b.bottom >= last.offset + last.start]
    last.bottom = (max(kept) - last.offset) if kept else last.start
    finest = max(others, key=lambda j: (len(columns[j]), table_header(names[j]) == "整改措施"))
    units = columns[finest]
    if not units or (measures and finest not in measures):
        # Fewer 整改措施 cells than cells of another column: the rows sit so close (a ruled
        # table's tight cells) that the gaps do not tell its cells apart. Not guessed.
        return None
    anchors = [b for b in columns[number_col] if _NUMBER.match(b.text)] if number_col >= 0 else []
    if not anchors and not _plain_grid(columns, units, others):
        # No 序号 to tell the rows by, and cells merged or missing: which rows a merged cell
        # spans cannot be told. Not guessed (extract reports the table).
        return None
    headings = sorted(h for part in parts for h in part.headings)
    breaks = [p.offset + p.bottom for p in parts[:-1]]
    # A 方面 column merged over several problems: its cells are set apart (centred over many
    # problems, they would pull each problem's rows off its own number) and given out after.
    groups = [
        j
        for j, t in enumerate(names)
        if table_header(t) == "方面"
        and j not in (finest, number_col)
        and not headings
        and 0 < len(columns[j]) < len(anchors)  # fewer cells than problems: merged over them
    ]
    blocks = sorted(
        (b for j, col in enumerate(columns) if j != finest and j not in groups for b in col),
        key=lambda b: b.centre,
    )
    segments: list[list[_Block]] = [[] for _ in range(len(headings) + 1)]
    for u in units:
        segments[sum(1 for y, _ in headings if y < u.centre)].append(u)
    edges = [-math.inf, *(y for y, _ in headings), math.inf]
    runs: list[_Run] = []
    for k, seg in enumerate(segments):
        if k > 0:
            runs.append(_Run([], None, edges[k], edges[k], headings[k - 1][1]))
        if seg:
            mine = [a for a in anchors if edges[k] <= a.centre < edges[k + 1]]
            found = _runs(seg, mine, blocks, breaks, edges[k], edges[k + 1])
            if found is None:
                return None
            runs += found
    merged = _merged_columns(runs, blocks, n, {finest, number_col})
    given = {j: _group_cells(runs, blocks, columns[j], breaks) for j in groups}
    out: dict[int, list[list[str]]] = {}
    page_at = [(p.offset + p.start, p.page) for p in parts]
    for run in runs:
        if not run.units:
            page = max((pg for y, pg in page_at if y <= run.lo), default=parts[0].page)
            out.setdefault(page, []).append([run.heading] * n)
            continue
        for unit, row in _run_rows(run, blocks, merged, finest, number_col, n):
            for j, texts in given.items():
                row[j] = texts.get(id(run), "")
            out.setdefault(unit.page, []).append(row)
    return out


def _group_cells(
    runs: list[_Run], blocks: list[_Block], cells: list[_Block], breaks: list[float]
) -> dict[int, str]:
    """{id(run): text} of a column merged over several problems (方面): the problems are split
    into consecutive groups, one per cell, so that each cell sits centred on its group's rows
    (or at their top, for a group broken over a page) — the split with the least misplacement.
    Empty (the column left blank, which the import then reports) when no split puts every cell
    within half a line of where it would be set, or there are more cells than problems."""
    problems = [r for r in runs if r.units]
    m, p = len(problems), len(cells)
    if not cells or p > m:
        return {}
    extent = []
    for r in problems:
        inside = [b for b in blocks if r.lo <= b.centre < r.hi]
        extent.append(
            (min(b.top for b in [*r.units, *inside]), max(b.bottom for b in [*r.units, *inside]))
        )
    pitch = min(
        ((b.bottom - b.top) / len(b.lines) for b in cells if b.lines),
        default=12.0,
    )

    def cost(i: int, j: int, cell: _Block) -> float:
        top, bottom = extent[i][0], extent[j - 1][1]
        if not top - pitch <= cell.centre <= bottom + pitch:
            return math.inf
        if any(top < y < bottom for y in breaks):
            return abs(top - cell.top)  # broken over a page: laid out from the top
        return abs((top + bottom) / 2 - cell.centre)

    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, -1)}
    for k, cell in enumerate(cells):
        for i in range(m):
            if (k, i) not in best:
                continue
            for j in range(i + 1, m - (p - k - 1) + 1):
                c = max(best[(k, i)][0], cost(i, j, cell))
                if c < best.get((k + 1, j), (math.inf, 0))[0]:
                    best[(k + 1, j)] = (c, i)
    worst = best.get((p, m), (math.inf, 0))[0]
    if worst > pitch / 2:
        return {}
    out: dict[int, str] = {}
    k, j = p, m
    while k > 0:
        i = best[(k, j)][1]
        for r in problems[i:j]:
            out[id(r)] = cells[k - 1].text
        k, j = k - 1, i
    return out


def _plain_grid(columns: list[list[_Block]], units: list[_Block], others: list[int]) -> bool:
    """A table without 序号 whose rows the gaps alone tell: every column has one cell in each
    row (as many cells as the finest column, each beside its own row's cell)."""
    for j in others:
        if len(columns[j]) != len(units):
            return False
        for cell, unit in zip(columns[j], units, strict=True):
            if not (
                unit.top <= cell.centre <= unit.bottom or cell.top <= unit.centre <= cell.bottom
            ):
                return False
    return True


@dataclass
class _Run:
    """The rows of one problem (its 序号 block ``anchor``): its units, between ``lo`` and
    ``hi`` in stacked coordinates; a row across the table (``heading``) has no units."""

    units: list[_Block]
    anchor: _Block | None
    lo: float
    hi: float
    heading: str = ""


_LEAD_COST = 50.0  # rows before the table's first number: allowed, but not preferred


def _runs(
    seg: list[_Block],
    anchors: list[_Block],
    blocks: list[_Block],
    breaks: list[float],
    seg_lo: float,
    seg_hi: float,
) -> list[_Run] | None:
    """The units of a segment split into one run per anchor (and maybe a first run with no
    number), so that each anchor lies in its run and is centred on the run's text or, for a
    run broken over a page, at its top; the split with the least total misplacement."""
    m, p = len(seg), len(anchors)
    cut = [seg_lo, *((a.bottom + b.top) / 2 for a, b in zip(seg, seg[1:], strict=False)), seg_hi]
    if p == 0:
        return [_Run([u], None, cut[i], cut[i + 1]) for i, u in enumerate(seg)]
    if p > m:
        return None
    centres = [b.centre for b in blocks]

    def cost(i: int, j: int, a: _Block) -> float:
        lo, hi = cut[i], cut[j]
        if not lo <= a.centre < hi:
            return math.inf
        inside = blocks[bisect.bisect_left(centres, lo) : bisect.bisect_left(centres, hi)]
        top = min(b.top for b in [*seg[i:j], *inside])
        bottom = max(b.bottom for b in [*seg[i:j], *inside])
        if any(top < b < bottom for b in breaks):
            return abs(top - a.top)  # broken over a page: laid out from the top
        return min(abs((top + bottom) / 2 - a.centre), abs(top - a.top))

    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, -1)}
    for j in range(1, m + 1):
        best[(0, j)] = (_LEAD_COST, 0)
    for k, a in enumerate(anchors):
        nxt = anchors[k + 1].centre if k + 1 < p else math.inf
        for i in range(m):
            if (k, i) not in best or cut[i] > a.centre:
                continue
            for j in range(i + 1, m - (p - k - 1) + 1):
                if cut[j] > nxt:
                    break
                c = best[(k, i)][0] + cost(i, j, a)
                if c < best.get((k + 1, j), (math.inf, 0))[0]:
                    best[(k + 1, j)] = (c, i)
    if best.get((p, m), (math.inf, 0))[0] == math.inf:
        return None
    runs: list[_Run] = []
    k, j = p, m
    while k > 0:
        i = best[(k, j)][1]
        runs.append(_Run(seg[i:j], anchors[k - 1], cut[i], cut[j]))
        k, j = k - 1, i
    if j > 0:
        runs.append(_Run(seg[:j], None, cut[0], cut[j]))
    return runs[::-1]


def _inside(blocks: list[_Block], lo: float, hi: float, column: int) -> list[_Block]:
    return [b for b in blocks if b.column == column and lo <= b.centre < hi]


def _merged_columns(runs: list[_Run], blocks: list[_Block], n: int, skip: set[int]) -> set[int]:
    """Columns merged over a problem's rows: over the problems of several rows, fewer cells
    than rows (a centred merged cell, or its parts on two pages)."""
    merged = set()
    for j in set(range(n)) - skip:
        cells = rows = 0
        for run in runs:
            if len(run.units) >= 2:
                rows += len(run.units)
                cells += len(_inside(blocks, run.lo, run.hi, j))
        if rows and cells <= 0.6 * rows:
            merged.add(j)
    return merged


def _run_rows(
    run: _Run, blocks: list[_Block], merged: set[int], finest: int, number_col: int, n: int
) -> list[tuple[_Block, list[str]]]:
    """The rows of a run, one per unit: the unit's text in its column, a merged column's text
    in every row, other columns' cells in the row their centre falls in."""
    from ledger_tools.importing.extract import clean_line

    units = run.units
    cut = [
        run.lo,
        *((a.bottom + b.top) / 2 for a, b in zip(units, units[1:], strict=False)),
        run.hi,
    ]
    rows = [[""] * n for _ in units]
    for r, unit in enumerate(units):
        rows[r][finest] = unit.text
    for j in range(n):
        if j == finest:
            continue
        if j == number_col:
            for row in rows:
                row[j] = run.anchor.text if run.anchor else ""
            continue
        cells = _inside(blocks, run.lo, run.hi, j)
        if j in merged:
            text = clean_line("".join(b.text for b in cells))
            for row in rows:
                row[j] = text
            continue
        for b in cells:
            r = max(0, bisect.bisect_right(cut, b.centre) - 1)
            r = min(r, len(rows) - 1)
            rows[r][j] = clean_line(rows[r][j] + b.text)
    return list(zip(units, rows, strict=True))
