"""From cell grids to a ``Ledger``: find the sheet and its header, map aliases, fill merged
cells, split numbered measures, parse deadlines and statuses, build the 方面 → 问题 → 措施 tree.

Everything the reader notices on the way (unmapped columns, hidden rows, formulas without a
cached value) becomes a ``Finding`` in ``Ledger.notes``; validation (``schema``) adds the rest.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import contextvars
import datetime as dt
import functools
import gc
import itertools
import os
import re
import sys
from array import array
from collections.abc import Iterable, Iterator
from typing import Any

from ledger_tools.errors import UnreadableFile
from ledger_tools.lazyre import lazy
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import (
    EXCEL_ERRORS,
    MONEY_UNITS,
    clean_text,
    column_letter,
    convert_distinct,
    numbered_parts,
    parse_number,
    read_amount,
    split_measures,
    strip_label,
    strip_number,
    unchanged_texts,
    unnumbered_texts,
)
from ledger_tools.ledger.dates import (
    RECURRING_NOTE,
    SHORT_YEAR_NOTE,
    TERM_NOTE,
    YearSource,
    format_cn_date,
    parse_date_value,
    parse_deadline,
    parse_finished,
)
from ledger_tools.ledger.findings import ERROR, NOTE, WARNING, Finding
from ledger_tools.ledger.model import (
    Aspect,
    ColumnRead,
    Deadline,
    Layout,
    Ledger,
    Measure,
    Origin,
    Problem,
    RowValues,
    column_reader,
)
from ledger_tools.ledger.reading import RawBook, RawSheet, read_workbook, reading_notes
from ledger_tools.ledger.status import (
    after_leading_status,
    leading_words,
    normalise_status,
    read_status_map,
    roll_up,
    yes_no_of,
)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a ledger is built: it makes millions of objects and
    no reference cycles, and Python's collector walked them all again and again (about an
    eighth of the time of checking a 100,000-measure ledger). Reference counting still frees
    everything as usual. In a one-shot command (``ledger_tools.ONE_SHOT``) what was built is
    then moved out of the collector's sight (``gc.freeze``), so its first collections do not
    walk it all again; a long-running process (the web server, a library user) is not
    frozen, since any cyclic garbage pending at that moment would be kept for good."""
    import ledger_tools

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if ledger_tools.ONE_SHOT:
            gc.freeze()
        if enabled:
            gc.enable()


def load_ledger(
    path: str | os.PathLike[str],
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    statuses: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> Ledger:
    """Read and normalise the ledger in ``path``.

    ``mapping`` maps a header as written (``牵头处室``) to a canonical column (``牵头部门``);
    ``sheet`` names the ledger sheet; ``statuses`` maps a unit's own status words to canonical
    statuses (``办结归档`` → ``已完成``; the workbook's 状态对照 sheet does the same, this wins);
    ``today`` is the year of last resort for deadlines written without one (default: today).
    Raises ``UnreadableFile`` when no ledger can be found.
    """
    return ledger_from_rawbook(
        read_workbook(path), mapping=mapping, sheet=sheet, statuses=statuses, today=today
    )


# ``--status-map`` of the CLI: read by every command that loads a ledger (set once per run).
CLI_STATUS_MAP: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "ledger_tools_status_map", default=None
)


@gc_paused()
def ledger_from_rawbook(
    raw: RawBook,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    statuses: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> Ledger:
    """Normalise an already-read workbook (a file, or a live Excel book via ``excel``). A
    ledger kept in several sheets of one header (one per 方面) is read as one
    (``sheets.read_sibling_sheets``), unless ``sheet`` names the one to read."""
    ledger = _sheet_ledger(raw, mapping, sheet, statuses, today)
    if sheet is not None:
        return ledger
    from ledger_tools.ledger.sheets import read_sibling_sheets

    return read_sibling_sheets(
        ledger,
        lambda name: _sheet_ledger(raw, mapping, name, statuses, today, sources=False),
        raw,
    )


def _sheet_ledger(
    raw: RawBook,
    mapping: dict[str, str] | None,
    sheet: str | None,
    statuses: dict[str, str] | None,
    today: dt.date | None,
    sources: bool = True,
) -> Ledger:
    """The ledger of one sheet (``sheet``, or the one found). With ``sources``, a 问题来源 column
    may be read as the 方面 (``roles``) — not on a sheet read beside others of the same
    header, whose names may be the 方面 and whose columns must be read alike."""
    # --map wins over the workbook's own 列名对照 sheet; --status-map over its 状态对照 sheet.
    combined = {**read_mapping_sheet(raw), **(mapping or {})}
    user_map = {C.normalise_header(k): v for k, v in combined.items()}
    vocabulary = _status_vocabulary(raw, statuses if statuses is not None else CLI_STATUS_MAP.get())
    ws, header, merged = _find_ledger_sheet(raw, user_map, sheet)
    info, info_cells = read_info(raw)
    stop, footers = _data_end(ws.rows, header.data_start)
    error_cells = _restore_errors(ws, header, stop)
    from ledger_tools.ledger.legends import legend_note, sheet_legend
    from ledger_tools.ledger.roles import assign_by_content

    # ticks, circles or 红黄绿灯 the sheet explains (--status-map and 状态对照 still win)
    legend = sheet_legend(ws.rows, header, stop, footers)
    if legend is not None:
        vocabulary = {**legend.words, **vocabulary}
    if any(n.rule == "other-ledger-sheet" for n in header.notes):
        sources = False  # (the other sheets may be joined to this one: ``sheets``)
    assign_by_content(ws, header, stop, vocabulary, sources=sources)
    from ledger_tools.ledger.colours import status_from_fill

    colour_notes = status_from_fill(raw.path, ws, header, stop)  # (no status column only)
    from ledger_tools.ledger.formats import month_deadlines

    month_notes = month_deadlines(raw.path, ws, header, stop)  # (2025年6月 stored as 6月1日)
    continued_notes = _join_continued_measures(ws, header, merged, stop)
    origin = Origin(
        path=raw.path,
        sheet=ws.name,
        header_row=header.row + 1,
        columns={name: column_letter(j) for name, j in header.columns.items()},
        headers={column_letter(j): text for j, text in header.texts.items()},
    )
    layout = Layout(ws.name, (header.row + 1, header.data_start), header.reads, footer_rows=footers)
    notes = list(header.notes)
    reader = _RowReader(ws, header, info, vocabulary, merged, today or dt.date.today())
    measures = reader.read(stop, notes, layout)
    release_freed_memory(len(measures))
    layout.notes += _term_notes(measures, header) + colour_notes + month_notes + continued_notes
    if header.guide_row is not None:
        layout.notes.append(
            f"第 {header.guide_row} 行是填表说明（写明各列怎样填），作为表头的一部分，未作为措施读取。"
        )
    if legend is not None and "整改状态" in header.columns and not colour_notes:
        j = header.columns["整改状态"]
        values = [r[j] if j < len(r) else None for r in ws.rows[header.data_start : stop]]
        if said := legend_note(legend, values, column_letter(j)):
            layout.notes.append(said)
    if header.percent_status is not None:
        letter = column_letter(header.columns["整改状态"])
        shown = "0.6 即 60%" if header.percent_status == 100 else "60 即 60%"
        layout.notes.append(
            f"{letter} 列整改状态中的数字按完成百分比读（{shown}）：100% 为已完成，0 为未启动，"
            "其间为正在推进。"
        )
    origin.section_rows.extend(r for r, _ in layout.group_rows if r in reader.aspect_rows)
    layout.notes += _person_headings(layout.group_rows, reader.aspect_rows, header)
    if reader.problem_rows:
        origin.problem_headings = True
    if reader.labelled_rows:
        origin.columns["问题"] = origin.columns["整改措施"]
        layout.notes.append(_labelled_note(reader.labelled_rows, origin))
    notes += _error_notes(ws.name, header, error_cells)
    numbered = "序号" in header.columns and any(m.get("序号") for m in measures)
    starts = reader.block_starts
    per_measure, restarts = numbering(measures, starts) if numbered else (False, False)
    if per_measure:
        numbered = False
        layout.notes.append("序号是按措施（行）编的，不是按问题编的：问题按方面和问题文字区分。")
    blocks = starts if numbered and block_restarts(measures, starts) else None
    if blocks:
        heading = dict(layout.group_rows).get(blocks[0])
        example = f"第 {blocks[0]} 行" + (f"“{heading}”" if heading else "")
        layout.notes.append(
            f"序号在每个分组标题（如{example}）下重新编号：问题按“分组 + 序号”区分。"
        )
    aspects = build_tree(
        measures, numbered=numbered, layout=layout, restarts=restarts, blocks=blocks
    )
    layout.notes += _amounts_once_per_problem(aspects, header)
    texts = read_texts(raw)
    # after every sheet used has been read (not those only looked at for a second table)
    notes += [n for n in reading_notes(raw) if n.sheet not in header.probed]
    return Ledger(
        origin=origin,
        measures=measures,
        aspects=aspects,
        info=info,
        texts=texts,
        notes=notes,
        has_info_sheet=C.SHEET_INFO in raw.sheets,
        info_cells=info_cells,
        layout=layout,
        error_cells={(r + 1, name): text for (r, name), text in error_cells.items()},
        numbered=numbered,
        merged=array("i", itertools.chain.from_iterable(merged)),
    )


_MONEY = tuple(c.name for c in C.COLUMNS if c.kind == "money")


def _amounts_once_per_problem(aspects: list[Aspect], header: Header) -> list[str]:
    """An amount (清退资金) written again, the same, on each measure row of a problem (the
    problem and its figure copied down its rows rather than merged) is the problem's amount,
    counted once: added up per row it would be multiplied by the number of measures. Whether
    each measure really recovered that much cannot be told from the sheet: the note says how
    the rows were counted and how to write them otherwise."""
    notes: list[str] = []
    for name in _MONEY:
        j = header.columns.get(name)
        if j is None:
            continue
        examples: list[str] = []
        for aspect in aspects:
            for problem in aspect.problems:
                filled = [m for m in problem.measures if name not in m.copies and m.get(name)]
                if len(filled) < 2:
                    continue
                try:
                    amounts = {parse_number(m.get(name)) for m in filled}
                except ValueError:
                    continue
                if len(amounts) != 1 or amounts == {0.0}:
                    continue
                for m in filled[1:]:
                    m.copies = m.copies | {name}
                examples.append("、".join(str(m.row) for m in filled))
        if examples:
            letter = column_letter(j)
            more = f"等 {len(examples)} 个问题" if len(examples) > 1 else ""
            notes.append(
                f"{letter} 列“{header.texts.get(j, name)}”在同一问题的几条措施行中填了相同的金额"
                f"（如第 {examples[0]} 行{more}），按问题的金额计一次，不按措施重复相加。如确为各条"
                "措施分别清退、金额恰好相同，请把该问题清退的合计金额填在第一行、其余行留空。"
            )
    return notes


def release_freed_memory(measures: int) -> None:
    """Give the memory freed after reading a large ledger back to the system (glibc
    ``malloc_trim``). Reading leaves hundreds of megabytes freed but kept by the C allocator
    (calamine's grid of small strings, the raw rows); validation then grew the process past
    it, so that a 200,000-measure ledger peaked ~60 MB higher. Small ledgers skip it (it is a
    few milliseconds); elsewhere than glibc it does nothing."""
    if measures < 20_000 or not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


# A heading naming a person, not a 方面: the 班子成员 of a 民主生活会 / 组织生活会 list of problems
# found by each ("一、党组书记、局长 张某某", "张某某同志", "张某某（党组成员、副局长）").
_POST = (
    r"(?:书记|局长|主任|部长|院长|校长|处长|科长|县长|区长|市长|镇长|乡长|经理|董事长|主席|组长|"
    r"党组成员|班子成员|委员|所长|站长|馆长|行长|总监|总会计师|秘书长|调研员)"
)
_PERSON_HEADING = lazy(
    rf"[\u4e00-\u9fff]{{2,4}}同志(?:[（(][^（）()]*[)）])?$|{_POST}[\s\u3000]+[\u4e00-\u9fff]{{2,4}}$"
    rf"|^[\u4e00-\u9fff]{{2,4}}[（(][^（）()]*{_POST}[^（）()]*[)）]$"
)


def _person_headings(
    group_rows: list[tuple[int, str]], aspect_rows: set[int], header: Header
) -> list[str]:
    """读取方式 notes for 方面 headings that name a person (``_PERSON_HEADING``): read as the
    方面 of the rows below, which the clerk may mean as their 责任领导 — said, not guessed."""
    rows = [
        (row, text)
        for row, text in group_rows
        if row in aspect_rows and "方面" not in text and _PERSON_HEADING.search(text.strip())
    ]
    if not rows:
        return []
    shown = "、".join(f"第 {row} 行“{text}”" for row, text in rows[:3])
    more = f"等 {len(rows)} 行" if len(rows) > 3 else ""
    ask = (
        "如他们是这些行的责任领导，请增加一列“责任领导”填写（方面可另列）。"
        if "责任领导" not in header.columns
        else "如按方面统计不合适，请增加“方面”列。"
    )
    return [
        f"分组标题{shown}{more}写的像是班子成员的职务和姓名（个人查摆问题清单），已作为方面读取；{ask}"
    ]


def _term_notes(measures: list[Measure], header: Header) -> list[str]:
    """A line in 读取方式 for deadlines set by the term of office ("本届任期内"): no date, so
    read as 长期坚持 and never overdue — said, not passed over."""
    rows = sorted(
        {m.row for m in measures if m.deadline is not None and m.deadline.note == TERM_NOTE}
    )
    if not rows:
        return []
    first = next(m for m in measures if m.row == rows[0])
    letter = column_letter(header.columns["整改时限"])
    text = first.deadline.text if first.deadline else ""
    return [
        f"{len(rows)} 行的整改时限是“任期内”一类（如 {letter}{rows[0]}“{text}”），没有具体日期，按长期坚持计："
        "不设截止日期，不计超期预警。如有具体截止日期，请写明。"
    ]


def _status_vocabulary(raw: RawBook, given: dict[str, str] | None) -> dict[str, str]:
    """The unit's own status words: the 状态对照 sheet, then ``given`` (which wins)."""
    pairs = read_pair_sheet(raw, C.SHEET_STATUS_MAP)
    sheet_words = {}
    for word, target in pairs.items():
        try:
            sheet_words.update(read_status_map({word: target}))
        except ValueError:
            raise UnreadableFile(
                f"“{C.SHEET_STATUS_MAP}”表中“{word}”对应的“{target}”不是整改状态。"
                f"标准状态有：{'、'.join(C.STATUSES)}。请改正后再试。"
            ) from None
    return {**sheet_words, **(read_status_map(given) if given else {})}


def _restore_errors(ws: RawSheet, header: Header, stop: int) -> dict[tuple[int, str], str]:
    """Excel error values in the columns read and the data rows: their text goes back into
    the grid (so a required cell holding #REF! is not "empty" and a sum never takes it for
    0); each becomes a formula-error finding and its figures are uncertain."""
    found: dict[tuple[int, str], str] = {}
    if not ws.error_cells:
        return found
    names = {j: name for name, j in header.columns.items()}
    for (r, j), text in ws.error_cells.items():
        if header.data_start <= r < stop and j in names:
            row = ws.rows[r]
            if j < len(row):  # not a footer or note row (those were emptied)
                row[j] = text
                found[(r, names[j])] = text
    return found


def _error_notes(sheet: str, header: Header, errors: dict[tuple[int, str], str]) -> list[Finding]:
    return [
        Finding(
            "formula-error",
            ERROR,
            f"公式出错：{text}。这个单元格的公式没有算出结果（{EXCEL_ERRORS.get(text, '公式有误')}），"
            "不能当作空白或 0。请在 Excel/WPS 中改正公式或直接填写数值后再校验。",
            sheet,
            r + 1,
            column_letter(header.columns[name]),
            name,
            text,
        )
        for (r, name), text in sorted(errors.items())
    ]


# ---------------------------------------------------------------------------------------------
# Header detection.


class Header:
    """The header found on a sheet: its 0-based row, canonical column → index, notes, and how
    each column was read."""

    def __init__(self, row: int, data_start: int) -> None:
        self.row = row
        self.data_start = data_start
        self.columns: dict[str, int] = {}
        self.texts: dict[int, str] = {}
        self.notes: list[Finding] = []
        self.reads: list[ColumnRead] = []
        self.yes_no_status = False  # 整改状态 is a 是否完成 column answered 是/否
        # 整改状态 is read from the opening words of the progress paragraphs ("已完成。……")
        self.status_from_lead = False
        self.numbered_columns = False  # the header's last row numbers the columns (1 2 3 …)
        # column -> its header quoted with its group title, where the sub-header only qualifies
        # the group (整改时限 over 开始时间 | 完成时间: the second is the 整改时限)
        self.qualified: dict[int, str] = {}
        self.probed: set[str] = set()  # other sheets looked at for a second ledger table
        # 整改状态 holds numbers that are percentages: × 100 when they are fractions (a cell
        # formatted 0% holds 0.6), × 1 when whole percents (60); None when it holds no numbers
        self.percent_status: int | None = None
        # the money unit stated on a line above the header ("金额单位：万元"), and its Excel row
        self.unit_above: tuple[str, int] | None = None
        # the Excel row of a 填表说明 row under the header (what to write in each column)
        self.guide_row: int | None = None


def _canonical(text: Any, user_map: dict[str, str]) -> str | None:
    key = C.normalise_header(text)
    if not key:
        return None
    return user_map.get(key) or C.header_column(text)


def _how(text: str, name: str, user_map: dict[str, str]) -> tuple[str, str]:
    key = C.normalise_header(text)
    if key in user_map:
        return "列名对照", f"按列名对照（--map 或“{C.SHEET_MAPPING}”表）"
    if key in (name, C.normalise_header(C.header_label(name))):
        return "标准列名", ""
    if name == "整改状态" and (choices := C.status_choices(text)) is not None:
        return "别名", f"列名括号中列出的“{choices}”是整改状态用语，这一列是整改状态"
    if C.unit_and_person(key) == name:
        return "别名", f"“{text}”合写了单位和责任人，按单位读作{name}（单元格中的人名照原样保留）"
    return "别名", f"“{text}”是“{name}”的常见写法"


# Sheets that are never the ledger: the standard workbook's other sheets, a marked copy's
# results. The reader does not look for a ledger table in them.
_NOT_LEDGER_SHEETS = frozenset(
    (
        C.SHEET_GUIDE,
        C.SHEET_INFO,
        C.SHEET_TEXT,
        C.SHEET_LISTS,
        C.SHEET_RESULTS,
        C.SHEET_MAPPING,
        C.SHEET_STATUS_MAP,
    )
)


def _find_ledger_sheet(
    raw: RawBook, user_map: dict[str, str], wanted: str | None
) -> tuple[RawSheet, Header, list[tuple[int, int, int, int]]]:
    name = os.path.basename(raw.path)
    skip = _NOT_LEDGER_SHEETS
    if wanted is not None:
        if wanted not in raw.sheets:
            raise UnreadableFile(
                f"{name} 中没有名为“{wanted}”的工作表。现有工作表：{'、'.join(f'“{s}”' for s in raw.sheets) or '（无）'}。"
                "请检查 --sheet 参数。"
            )
        candidates = [raw.sheets[wanted]]
    elif C.SHEET_LEDGER in raw.sheets:
        candidates = [raw.sheets[C.SHEET_LEDGER]]
    else:
        candidates = _latest_month_first([s for s in raw.sheets.values() if s.name not in skip])
    if not raw.sheets:
        raise UnreadableFile(f"{name} 中没有任何工作表，无法读取台账。")
    for ws in candidates:
        merged = _fill_merged(ws)
        header = find_header(ws, user_map)
        if header is not None:
            if wanted is None and C.SHEET_LEDGER not in raw.sheets:
                header.notes += _other_ledger_sheets(raw, ws, header, user_map, skip)
            elif wanted is None:
                header.notes += _ledger_copies(raw, header, user_map, skip)
            return ws, header, merged
    if all(not any(_has_value(v) for r in s.rows for v in r) for s in raw.sheets.values()):
        raise UnreadableFile(
            f"{name} 是空工作簿，没有任何内容。请先填写台账，或用 ledger-tools new 生成标准台账。"
        )
    where = f"工作表“{candidates[0].name}”" if len(candidates) == 1 else "任何工作表"
    known = "、".join(C.REQUIRED_COLUMNS)
    raise UnreadableFile(
        f"在 {name} 的{where}前 {C.HEADER_SCAN_ROWS} 行中没有找到台账表头（至少要有 {C.HEADER_MIN_KNOWN} 个"
        f"可识别的列名，如 {known}）。请检查表头，或用 --map 原列名=标准列名 指明对应关系，"
        "用 --sheet 指定工作表。"
    )


# A sheet named for a month ("6月", "2024年6月", "6月份整改台账", "整改台账（2024.6）"): a
# ledger kept one sheet per month, each the whole ledger as it stood then.
_MONTH_IN_NAME = re.compile(r"(?:(\d{4})\s*[年.\-/])?(\d{1,2})\s*月?份?")


# ... or for a quarter ("2025年一季度", "第二季度", "2025Q3"): read as its last month.
_QUARTER_IN_NAME = lazy(r"(?:(\d{4})\s*年?)?(?:第?([一二三四1-4])季度?|[Qq]([1-4]))")


def _month_of(name: str) -> tuple[str, int, int] | None:
    """The sheet name without its month (what sheets of one ledger share), the year (0 when
    not written) and the month (a quarter's last month); None when the name holds neither."""
    for m in _MONTH_IN_NAME.finditer(name):
        written = m.group(0)
        if ("月" in written or m.group(1)) and 1 <= int(m.group(2)) <= 12:
            return name[: m.start()] + name[m.end() :], int(m.group(1) or 0), int(m.group(2))
    return _quarter_of(name)


def _quarter_of(name: str) -> tuple[str, int, int] | None:
    q = _QUARTER_IN_NAME.search(name)
    if q is None or not ("季" in q.group(0) or q.group(3)):
        return None
    digit = q.group(3) or q.group(2)
    quarter = int(digit) if digit.isdigit() else "一二三四".index(digit) + 1
    return name[: q.start()] + name[q.end() :], int(q.group(1) or 0), quarter * 3


def _latest_month_first(sheets: list[RawSheet]) -> list[RawSheet]:
    """Sheets named for the months of one ledger (the same name but for the month), latest
    first, before the others: a ledger kept one sheet per month is read as it stands now (the
    other months are reported, ``_other_ledger_sheets``)."""
    named = {s.name: _month_of(s.name) for s in sheets}
    bases = collections.Counter(m[0] for m in named.values() if m is not None)
    months = [s for s in sheets if (m := named[s.name]) is not None and bases[m[0]] >= 2]
    if not months:
        return sheets
    months.sort(key=lambda s: named[s.name][1:], reverse=True)  # type: ignore[index]
    return months + [s for s in sheets if s not in months]


def _same_ledger_months(a: str, b: str) -> bool:
    ma, mb = _month_of(a), _month_of(b)
    return ma is not None and mb is not None and ma[0] == mb[0]


# A sheet named after 整改台账 that is not one of its parts: a copy Excel/WPS made ("整改台账 (2)",
# "整改台账（新）", "整改台账副本") or an older version kept beside it.
_NOT_A_COPY = re.compile(r"汇总|总表|说明|填表|样表|示例|模板|目录|封面|统计")


def _ledger_table(ws: RawSheet, user_map: dict[str, str]) -> tuple[Header, int] | None:
    """The header of ``ws`` and its rows with a 整改措施, when it holds a ledger table (a
    header naming 整改措施 and such rows below it); None otherwise."""
    header = find_header(ws, user_map)
    if header is None or "整改措施" not in header.columns:
        return None
    j = header.columns["整改措施"]
    rows = sum(1 for row in ws.rows[header.data_start :] if j < len(row) and _has_value(row[j]))
    return (header, rows) if rows else None


def _ledger_copies(
    raw: RawBook, found: Header, user_map: dict[str, str], skip: frozenset[str]
) -> list[Finding]:
    """A warning for every other sheet named after 整改台账 that holds a ledger table too. A
    clerk who copied the sheet to update it must not see the old one checked without a word;
    the copy is not joined (it would count its measures twice) nor guessed to be the newer."""
    out = []
    for name in raw.sheets:
        if name == C.SHEET_LEDGER or C.SHEET_LEDGER not in name or name in skip:
            continue
        if _NOT_A_COPY.search(name.replace(C.SHEET_LEDGER, "")):
            continue
        found.probed.add(name)
        table = _ledger_table(raw.sheets[name], user_map)
        if table is None:
            continue
        header, rows = table
        from ledger_tools.output import command_arg

        said = (
            f"工作表“{name}”像是“{C.SHEET_LEDGER}”的副本或另一个版本（第 {header.row + 1} 行是表头，"
            f"下面有 {rows} 行措施），本次只读取了“{C.SHEET_LEDGER}”，“{name}”没有校验、也没有计入统计。"
            f"如要上报的是“{name}”，请删除旧表并把它改名为“{C.SHEET_LEDGER}”，"
            f"或加 --sheet {command_arg(name)} 校验它。"
        )
        out.append(Finding("ledger-sheet-copy", WARNING, said, name, header.row + 1, "", "", rows))
    return out


def _other_ledger_sheets(
    raw: RawBook, chosen: RawSheet, found: Header, user_map: dict[str, str], skip: frozenset[str]
) -> list[Finding]:
    """A warning for every other sheet that holds a ledger table too (a header naming
    整改措施 and rows below it): a ledger kept in several sheets (one per 方面) must not lose
    the measures of all but the first without a word. (Only in a workbook without a 整改台账
    sheet, where the ledger sheet was guessed; the sheets looked at here are not otherwise
    used, and what reading them noticed is not reported: ``found.probed``.)"""
    out = []
    names = list(raw.sheets)
    after = names[names.index(chosen.name) + 1 :]
    # (a month sheet read before later ones in the workbook: its earlier months come first)
    earlier = [n for n in names if n not in after and _same_ledger_months(chosen.name, n)]
    for name in [n for n in earlier if n != chosen.name] + after:
        if name in skip:
            continue
        found.probed.add(name)
        table = _ledger_table(raw.sheets[name], user_map)
        if table is None:
            continue
        header, rows = table
        if _same_ledger_months(chosen.name, name):
            out.append(_earlier_month(name, chosen.name, header.row + 1, rows))
            continue
        like = f"工作表“{name}”也像一张台账（第 {header.row + 1} 行是表头，下面有 {rows} 行措施），"
        if name in raw.hidden_sheets:  # (an old copy, a helper sheet: never joined unasked)
            said = (
                f"{like}但它是隐藏的工作表，没有一并读取，其中的措施没有校验、也没有计入统计。"
                "如果它是台账的一部分，请在 Excel/WPS 中取消隐藏（右键工作表标签→取消隐藏）后再校验；"
                f"如要单独校验它，请加 --sheet {name}。"
            )
        else:
            said = (
                f"{like}本次只读取了工作表“{chosen.name}”，“{name}”中的措施没有校验、也没有计入统计。"
                f"如果台账分在几张表中，请合并到一张表后再校验；如要校验“{name}”，请加 --sheet {name}。"
            )
        out.append(
            Finding(
                "other-ledger-sheet",
                WARNING,
                said,
                name,
                header.row + 1,
                "",
                "",
                rows,
            )
        )
    return out


def _earlier_month(name: str, chosen: str, row: int, rows: int) -> Finding:
    by_quarter = _month_of(chosen) == _quarter_of(chosen)
    by, period, periods = ("季度", "个季度", "季度") if by_quarter else ("月", "个月", "月份")
    return Finding(
        "other-ledger-sheet",
        WARNING,
        f"台账按{by}分表：本次读取的是最近一{period}的工作表“{chosen}”，工作表“{name}”（{rows} 行措施）"
        f"是之前{periods}的台账，没有校验、也没有计入统计。如“{chosen}”不是最新的，请用 --sheet 指定要读取的{periods}。",
        name,
        row,
        "",
        "",
        rows,
    )


def find_header(ws: RawSheet, user_map: dict[str, str]) -> Header | None:
    """The first row within the first 15 naming at least three known columns, or None.

    A two-row header (a merged group title such as 责任主体 above 责任领导/责任部门) is read as
    one: the second row supplies the names the first lacks.
    """
    limit = min(C.HEADER_SCAN_ROWS, len(ws.rows))
    for i in range(limit):
        found = _map_row(ws.rows[i], user_map)
        if len(set(found.values())) < C.HEADER_MIN_KNOWN:
            continue
        header = Header(i, i + 1)
        if i > 0 and _names_above(ws.rows[i - 1], ws.rows[i], found, user_map):
            header.row = i - 1  # the top row of a two-row header naming fewer than three
        else:
            # sub-headers under merged group titles: a second row, and a third under groups
            # of the second (整改落实情况 over 进展情况 | 完成情况, 完成情况 over 状态 | 时间)
            while header.data_start < min(i + 3, len(ws.rows)) and _sub_headers(
                ws.rows[header.data_start - 1], ws.rows[header.data_start], found, header, user_map
            ):
                header.data_start += 1
        if header.data_start < len(ws.rows) and _column_numbers(ws.rows[header.data_start], found):
            header.data_start += 1  # 1 2 3 … under the header numbers the columns
            header.numbered_columns = True
        _assign_columns(ws, header, found, user_map)
        header.unit_above = _unit_above(ws.rows[: header.row])
        return header
    return None


def _sub_headers(
    top: list[Any], sub: list[Any], found: dict[int, str], header: Header, user_map: dict[str, str]
) -> bool:
    """Read ``sub`` as the sub-headers of the group titles merged across ``top`` (in place:
    ``found`` and ``header.qualified``); False when it adds no column (it is not a header row)."""
    below = _map_row(sub, user_map)
    qualified = {**_joined_with_title(top, sub, below, user_map), **_qualified(top, sub, user_map)}
    for j, (name, _why) in qualified.items():
        if name is None:
            below.pop(j, None)
        else:
            below[j] = name
    # A group title merged over sub-headers (完成情况 over 是否完成 | 完成时间) names no single
    # column, even when it is itself a column name: its sub-headers do.
    groups = [g for g in _groups(top) if any(j in below for j in g)]
    if header.data_start > header.row + 1 and not groups:
        return False  # a third row only under groups of the second
    for group in groups:
        for j in group:
            found.pop(j, None)
    extra = {j: n for j, n in below.items() if j not in found and n not in found.values()}
    if not extra:
        return False
    found.update(extra)
    header.qualified.update({j: why for j, (n, why) in qualified.items() if n is not None})
    return True


# "金额单位：万元", "单位：万元", "（单位：万元）" on a line above the header: the unit of every
# money column whose own header states none.
_UNIT_LINE = lazy(r"(?:金额|资金|货币)?单位\s*[:：]\s*(亿元|万元|元)(?=$|[\s)）,，;；。])")


def _unit_above(rows: list[list[Any]]) -> tuple[str, int] | None:
    """The money unit a line above the header states, and its Excel row; None when none does."""
    for r, row in enumerate(rows):
        for v in row:
            if isinstance(v, str) and (m := _UNIT_LINE.search(v)):
                return m.group(1), r + 1
    return None


# 1 2 3 …, （1）（2）…, 一 二 三 … numbering the columns under the header
_CN_COLUMN = {
    name: k
    for k, name in enumerate(
        "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 "
        "二十一 二十二 二十三 二十四 二十五 二十六 二十七 二十八 二十九 三十".split(),
        start=1,
    )
}
_COLUMN_NUMBER = re.compile(r"^[（(]?(\d{1,2}|[一二三四五六七八九十]{1,3})[)）]?$")

# Sub-headers that only qualify their group title: 整改时限 over 开始时间 | 完成时间 (the end is
# the 整改时限, the start no column the tool uses), 完成时间 over 计划 | 实际.
_SUB_START = re.compile(r"^(?:计划)?(?:开始|起始|启动)(?:时间|日期)?$")
_SUB_END = re.compile(r"^(?:计划)?(?:完成|结束|截止|办结)(?:时间|日期|时限)?$")
_SUB_PLANNED = re.compile(r"^(?:计划|预计|要求)(?:完成)?(?:时间|日期|时限)?$")
_SUB_ACTUAL = re.compile(r"^实际(?:完成|办结)?(?:时间|日期)?$")
_SUB_TIME = re.compile(r"^(?:时间|日期)$")


def _qualified(
    top: list[Any], sub: list[Any], user_map: dict[str, str]
) -> dict[int, tuple[str | None, str]]:
    """Columns under a merged 整改时限 / 完成时间 / 完成情况 group title whose sub-header only
    qualifies it (开始时间 | 完成时间, 计划 | 实际, 状态 | 时间):
    column -> (the column it is, or None for a start date; the header as 读取方式 quotes it,
    "整改时限（完成时间）"). A sub-header
    the user mapped is left to the mapping."""
    out: dict[int, tuple[str | None, str]] = {}
    for group in _groups(top):
        title = _canonical(top[group[0]], user_map)
        if title not in ("整改时限", "完成时间", "整改进展及成效", "整改状态"):
            continue
        texts = {j: C.normalise_header(sub[j]) if j < len(sub) else "" for j in group}
        written = _one_line(top[group[0]])
        for j, key in texts.items():
            if not key or key in user_map:
                continue
            name: str | None = ""
            if title == "整改时限" and _SUB_START.match(key):
                name = None
            elif title == "整改时限" and (_SUB_END.match(key) or _SUB_PLANNED.match(key)):
                name = "整改时限"
            elif title == "完成时间" and _SUB_PLANNED.match(key):
                name = "整改时限"
            elif title == "完成时间" and _SUB_ACTUAL.match(key):
                name = "完成时间"
            elif title in ("整改进展及成效", "整改状态") and _SUB_TIME.match(key):
                name = "完成时间"  # 完成情况 over 状态 | 时间
            if name != "":
                out[j] = (name, f"{written}（{_one_line(sub[j])}）")
    return out


def _joined_with_title(
    top: list[Any], sub: list[Any], below: dict[int, str], user_map: dict[str, str]
) -> dict[int, tuple[str | None, str]]:
    """Sub-headers that name a column only together with their group title: 责任 over 领导 |
    部门 | 人员 (责任领导, 责任部门, 责任人员), 整改 over 措施 | 时限. Same form as ``_qualified``."""
    out: dict[int, tuple[str | None, str]] = {}
    for group in _groups(top):
        title = C.normalise_header(top[group[0]])
        for j in group:
            key = C.normalise_header(sub[j]) if j < len(sub) else ""
            if j in below or not key or key in user_map:
                continue
            name = C.canonical_column(title + key)
            if name is None and (tail := _RESPONSIBLE.sub("", title)) != title:
                name = C.canonical_column(key + tail)  # 责任单位 over 牵头 | 主责: 牵头单位
            if name is not None:
                out[j] = (name, f"{_one_line(top[group[0]])}（{_one_line(sub[j])}）")
    return out


# A group title naming who answers (责任单位, 整改责任部门) over sub-headers saying which one
# (牵头 | 配合, 主责 | 协办): the sub-header and the rest of the title name the column.
_RESPONSIBLE = re.compile(r"^(?:整改)?责任(?=单位|部门|科室|处室|股室)")


def _joined_unused(rows: list[list[Any]], j: int) -> str | None:
    """The column ``UNUSED_HEADERS`` knows a sub-header to be with its group title (配合 under
    责任单位: 配合单位), or None."""
    texts = [C.normalise_header(r[j]) for r in rows if j < len(r) and _has_value(r[j])]
    if len(texts) < 2 or (tail := _RESPONSIBLE.sub("", texts[0])) == texts[0]:
        return None
    return C.unused_column(texts[-1] + tail)


def _column_numbers(row: list[Any], found: dict[int, str]) -> bool:
    """A row that numbers the columns (1 2 3 … or （1）（2）…, left to right from 1) under at
    least as many cells as the header names: not data."""
    numbers = []
    for v in row:
        if not _has_value(v):
            continue
        if isinstance(v, bool):
            return False
        if isinstance(v, (int, float)) and float(v).is_integer():
            numbers.append(int(v))
        elif isinstance(v, str) and (m := _COLUMN_NUMBER.match(v.strip())):
            numbers.append(_CN_COLUMN.get(m.group(1)) or int(m.group(1)))
        else:
            return False
    return len(numbers) >= max(C.HEADER_MIN_KNOWN, len(found)) and numbers == list(
        range(1, len(numbers) + 1)
    )


def _names_above(
    above: list[Any], row: list[Any], found: dict[int, str], user_map: dict[str, str]
) -> bool:
    """Add to ``found`` the names the row above gives where ``row`` is blank: the top row of a
    two-row header whose own cells (序号, 整改措施 not merged down) stand over blanks, while
    the sub-headers under its group titles make ``row`` the first to name three columns."""
    extra = {
        j: n
        for j, n in _map_row(above, user_map).items()
        if j not in found and not (j < len(row) and _has_value(row[j]))
    }
    extra = {j: n for j, n in extra.items() if n not in found.values()}
    found.update(extra)
    return bool(extra)


def _groups(row: list[Any]) -> list[range]:
    """The runs of two or more adjacent cells holding the same header text (a group title
    merged across columns, filled into each of them)."""
    out = []
    j = 0
    while j < len(row):
        k = j
        while k + 1 < len(row) and _has_value(row[j]) and row[k + 1] == row[j]:
            k += 1
        if k > j:
            out.append(range(j, k + 1))
        j = k + 1
    return out


def _map_row(row: list[Any], user_map: dict[str, str]) -> dict[int, str]:
    return {j: n for j, v in enumerate(row) if (n := _canonical(v, user_map))}


def _assign_columns(
    ws: RawSheet, header: Header, found: dict[int, str], user_map: dict[str, str]
) -> None:
    rows = ws.rows[header.row : header.data_start - header.numbered_columns]
    width = max((len(r) for r in rows), default=0)
    # 责任人（B角） beside 责任人（A角）: the stand-in, kept (the A角 is the 责任人)
    backups = {j for j in range(width) if C.names_backup(_header_text(rows, j))}
    if backups:
        found = {j: n for j, n in found.items() if j not in backups}
    # Two columns for one name (整改任务 and 整改措施): a column left visible before one hidden
    # (last month's 整改状态 copied and hidden beside this month's), then the one under the
    # standard name (or the user's mapping), else the first.
    winner: dict[str, int] = {}
    hidden = ws.hidden_cols
    name: str | None  # (below: the name read for column j, None when it has none)
    for j in sorted(found):
        name = found[j]
        if name not in winner:
            winner[name] = j
        elif (winner[name] in hidden) != (j in hidden):
            if j not in hidden:
                winner[name] = j
        elif (
            _how(_header_text(rows, j), name, user_map)[0] != "别名"
            and _how(_header_text(rows, winner[name]), name, user_map)[0] == "别名"
        ):
            winner[name] = j
    for j in range(width):
        text = _header_text(rows, j)
        if not text:
            continue
        header.texts[j] = text
        name = found.get(j)
        letter = column_letter(j)
        cell = f"{ws.name}!{letter}{header.row + 1}"
        if name and winner[name] == j:
            header.columns[name] = j
            how, detail = _how(text, name, user_map)
            shown = text
            if j in header.qualified:  # 完成时间 under 整改时限: quoted with its group title
                shown, detail = header.qualified[j], f"“{text}”在“{header.qualified[j]}”中"
                how = "别名"
            header.reads.append(ColumnRead(letter, shown, name, how, detail))
        elif name and _wide_copy(ws.rows[header.data_start :], j, winner[name]):
            # one field printed two columns wide (header and every cell merged across): the
            # same cells, not a second column
            first = column_letter(winner[name])
            header.reads.append(
                ColumnRead(letter, text, None, "未识别", f"与 {first} 列是同一个跨列合并的单元格")
            )
        elif (
            name == "序号" and winner[name] == j - 1 and _one_line(text) == header.texts.get(j - 1)
        ):
            # 序号 merged over two columns: the problem's number, then the measure's (1 | 1, 2)
            first = column_letter(j - 1)
            _unused(
                header,
                ws.name,
                letter,
                text,
                f"合并的“序号”下的第二列，是措施的序号；问题按 {first} 列区分",
                f"列“{text}”（{letter} 列）在合并的“序号”下，是各条措施的序号，问题按 {first} 列的序号区分，"
                "这一列已原样保留，不需要修改。",
            )
        elif name == "序号" and C.normalise_header(text) != "序号":
            # 信访编号 / 受理编号 beside 序号: a code kept with each problem, not a second 序号
            first = column_letter(winner[name])
            _unused(
                header,
                ws.name,
                letter,
                text,
                f"编号列，问题按 {first} 列“序号”区分",
                f"列“{text}”是编号列，问题按 {first} 列“{header.texts.get(winner[name], '序号')}”"
                "区分，这一列已原样保留，不需要修改。",
            )
        elif name:
            first = column_letter(winner[name])
            read = "只读取前一列" if winner[name] < j else f"只读取标准列名的 {first} 列"
            where = "前面的" if winner[name] < j else ""
            detail = f"与 {first} 列都对应“{name}”"
            if j in hidden and winner[name] not in hidden:
                # (the hidden one is most often an old copy the clerk kept out of sight)
                read = f"这一列被隐藏，读取未隐藏的 {first} 列（隐藏的多是留存的旧列）"
                where, detail = "", f"{detail}，这一列被隐藏，读取未隐藏的 {first} 列"
            header.reads.append(ColumnRead(letter, text, None, "重复", detail))
            header.notes.append(
                Finding(
                    "duplicate-column",
                    WARNING,
                    f"列“{text}”与{where}“{first}”列都对应“{name}”，"
                    f"{read}。如需读取此列，请改列名或用 --map 指定。",
                    ws.name,
                    header.row + 1,
                    letter,
                    name,
                    text,
                )
            )
        elif kind := C.unused_column(C.normalise_header(text)):
            _unused(
                header,
                ws.name,
                letter,
                text,
                f"常见的“{kind}”列，本工具不使用",
                f"列“{text}”是常见的“{kind}”列，校验、统计和文稿都不使用它，已原样保留，"
                "不需要修改。",
            )
        elif j in backups:
            _unused(
                header,
                ws.name,
                letter,
                text,
                "B角（备岗人员），本工具不使用",
                f"列“{text}”是 B角（备岗人员），校验、统计和文稿都按 A角读取，这一列已原样保留，"
                "不需要修改。",
            )
        elif kind := _joined_unused(rows, j):
            shown = f"{_one_line(rows[0][j])}（{text}）"  # 责任单位（配合）
            _unused(
                header,
                ws.name,
                letter,
                shown,
                f"常见的“{kind}”列，本工具不使用",
                f"列“{shown}”是常见的“{kind}”列，校验、统计和文稿都不使用它，已原样保留，"
                "不需要修改。",
            )
        else:
            header.reads.append(ColumnRead(letter, text, None, "未识别"))
            header.notes.append(
                Finding(
                    "unmapped-column",
                    WARNING,
                    f"列“{text}”不是可识别的台账列，已保留但不参与校验。如它对应某个标准列，"
                    f"请用 --map {text}=标准列名 指明（{cell}）。",
                    ws.name,
                    header.row + 1,
                    letter,
                    "",
                    text,
                )
            )
    status_at = header.columns.get("整改状态")
    if status_at is not None and C.normalise_header(header.texts[status_at]).startswith("是否"):
        header.yes_no_status = True


def _wide_copy(rows: list[list[Any]], j: int, left: int) -> bool:
    """Whether column ``j`` holds, row for row, what column ``left`` holds (a merged cell
    across both copied into each), with something in it."""
    seen = False
    for row in rows:
        here = row[j] if j < len(row) else None
        there = row[left] if left < len(row) else None
        if here != there:
            return False
        seen = seen or _has_value(here)
    return seen


def _unused(header: Header, sheet: str, letter: str, text: str, detail: str, message: str) -> None:
    """A column known not to be used (配合单位, 信访编号 beside 序号 …): a line in 读取方式
    and a note, not a warning asking the user to map it."""
    header.reads.append(ColumnRead(letter, text, None, "未识别", detail))
    header.notes.append(
        Finding("unused-column", NOTE, message, sheet, header.row + 1, letter, "", text)
    )


_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


def _header_text(rows: list[list[Any]], j: int) -> str:
    texts = [_one_line(r[j]) for r in rows if j < len(r) and _has_value(r[j])]
    return texts[-1] if texts else ""


def _one_line(v: Any) -> str:
    """A header as the messages quote it: "整改\n时限" (a line break typed in the cell) is
    整改时限."""
    return _LINE_BREAK.sub("", str(v).strip())


def _has_value(v: Any) -> bool:
    return v is not None and v != "" and not (isinstance(v, str) and not v.strip())


# ---------------------------------------------------------------------------------------------
# Merged cells.


def _fill_merged(ws: RawSheet) -> list[tuple[int, int, int, int]]:
    """Give each cell inside a merged range the value of its top-left cell (only there).
    Returns the ranges filled (a second call returns none: the sheet is filled once)."""
    rows = ws.rows
    last = len(rows) - 1
    for r1, c1, r2, c2 in ws.merged:
        if r1 >= len(rows) or c1 >= len(rows[r1]):
            continue
        value = rows[r1][c1]
        for row in rows[r1 : min(r2, last) + 1]:
            if len(row) <= c2:
                row.extend([""] * (c2 + 1 - len(row)))
            if c1 == c2:  # the common case: merged down a column
                row[c1] = value
            else:
                row[c1 : c2 + 1] = [value] * (c2 + 1 - c1)
    filled, ws.merged = ws.merged, []
    return filled


# Columns whose text may run on over several rows under one measure (a cell of paragraphs pasted
# from Word becomes a row per paragraph, the measure's other cells merged down over them).
_RUN_ON = frozenset(("整改进展及成效", "备注", "佐证材料", "延期说明", "问题表现"))


def _join_continued_measures(
    ws: RawSheet, header: Header, merged: list[tuple[int, int, int, int]], stop: int
) -> list[str]:
    """A 整改措施 cell merged down over rows that differ only in text columns (``_RUN_ON``):
    one measure whose progress (or remarks) ran on over the rows, as a table pasted from Word
    leaves a cell of several paragraphs. The texts are joined into the top row, one paragraph a
    line, and the rows below are read no further. Where a row of the range has a status,
    deadline, date or figure of its own, the rows stay measures of their own. Returns the
    layout notes saying which rows were joined."""
    at = header.columns.get("整改措施")
    if at is None:
        return []
    spans = [
        (r1, r2)
        for r1, c1, r2, c2 in merged
        if c1 <= at <= c2 and r2 > r1 and header.data_start <= r1 and r2 < stop
    ]
    if not spans:
        return []
    mapped = dict(header.columns.items())
    rows_wanted = {r for r1, r2 in spans for r in range(r1, r2 + 1)}
    top_of: dict[tuple[int, int], int] = {}  # (row, column) inside a merged range → its top row
    for r1, c1, r2, c2 in merged:
        for r in range(r1, r2 + 1):
            if r in rows_wanted:
                for j in range(c1, c2 + 1):
                    top_of[(r, j)] = r1
    rows = ws.rows
    notes = []
    for r1, r2 in spans:
        if _own_values(rows, mapped, top_of, r1, r2):
            continue
        texts: dict[int, list[str]] = {}
        for name, j in mapped.items():
            if name not in _RUN_ON or top_of.get((r1 + 1, j)) == r1:
                continue
            parts = [
                str(v).strip()
                for r in range(r1, r2 + 1)
                if j < len(rows[r]) and _has_value(v := rows[r][j])
            ]
            if len(parts) > 1:
                texts[j] = parts
        for j, parts in texts.items():
            rows[r1][j] = "\n".join(parts)
        for r in range(r1 + 1, r2 + 1):
            rows[r] = []
        shown = f"第 {r1 + 2} 行" if r2 == r1 + 1 else f"第 {r1 + 2}—{r2 + 1} 行"
        said = "、".join(
            f"{column_letter(j)} 列“{_one_line(header.texts.get(j, ''))}”" for j in texts
        )
        notes.append(
            f"{shown}是第 {r1 + 1} 行措施的续行（整改措施单元格跨这几行合并，只有 {said or '说明文字'}"
            f"分成了几行，多见于从 Word 粘贴的表格），已并入第 {r1 + 1} 行。"
        )
    return notes


def _own_values(
    rows: list[list[Any]],
    mapped: dict[str, int],
    top_of: dict[tuple[int, int], int],
    r1: int,
    r2: int,
) -> bool:
    """Whether a row below ``r1`` of a merged 整改措施 range has a value of its own outside the
    text columns (``_RUN_ON``): a status, deadline, date or figure — a measure of its own."""
    for name, j in mapped.items():
        for r in range(r1 + 1, r2 + 1):
            v = rows[r][j] if j < len(rows[r]) else None
            if top_of.get((r, j)) == r1 or not _has_value(v):
                continue
            if name not in _RUN_ON or not isinstance(v, str):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Rows → measures.


class _RowReader:
    """Reads the data rows of the ledger sheet into measures, in order: skips blank rows,
    follows the grouping rows (一、…方面 / （一）… / 1.… / (2)…方面。) and keeps each number with
    the row (or merged range) it belongs to."""

    def __init__(
        self,
        ws: RawSheet,
        header: Header,
        info: dict[str, Any],
        vocabulary: dict[str, str],
        merged: list[tuple[int, int, int, int]],
        today: dt.date,
    ) -> None:
        self.ws = ws
        self.header = header
        self.cols = list(header.columns.items())
        self.names = [name for name, _ in self.cols]
        self.feedback = _as_date(info.get("反馈日期"))
        self.concentrated_end = _as_date(info.get("集中整改截止日期"))
        self.year_from = _year_source(self.feedback, self.concentrated_end, today)
        self.vocabulary = vocabulary
        if header.yes_no_status:
            self.vocabulary = {**C.STATUS_YES_NO, **vocabulary}
        self.copied = _merged_copies(header, merged)
        self.aspect_rows: set[int] = set()
        # rows that may start a new table (a 科室's name alone, a repeated header)
        self.block_starts: list[int] = []
        self.problem_rows: set[int] = set()  # rows whose 问题 comes from a heading above
        # rows whose 问题 is written in the 整改措施 cell before the measures ("问题：……措施：……")
        self.labelled_rows: list[int] = []
        # the ledger's columns (one value per measure) and, while reading, each measure's row
        self.store: dict[str, list[Any]] = {}
        self.measure_rows: list[list[Any]] = []
        self.at_measure = -1  # index of 整改措施 in a measure's row
        self.whole: set[str] = set()  # 整改措施 texts split_measures returns whole
        self.at_deadline = self.names.index("整改时限") if "整改时限" in self.names else -1
        self.at_status = self.names.index("整改状态") if "整改状态" in self.names else -1

    def _sections_over_column(self, headings: _Headings, layout: Layout) -> bool:
        """Whether the section rows ("一、政治建设方面") are the 方面 over a column read as 方面
        that does not say so (问题类别: 理论学习, 民主集中制 — a finer kind under each section);
        then a note says so."""
        if not headings.aspects_by_word or "方面" not in self.names:
            return False
        read = next((r for r in self.header.reads if r.column == "方面"), None)
        if read is None or "方面" in read.header:
            return False
        layout.notes.append(
            f"{read.letter} 列“{read.header}”是各方面下的细分类别；方面按表中“……方面”分组行计。"
        )
        return True

    def read(self, stop: int, notes: list[Finding], layout: Layout) -> list[Measure]:
        ws, header = self.ws, self.header
        columns = _column_values(ws.rows, header.data_start, stop, self.cols)
        for k, (name, j) in enumerate(self.cols):
            if name in C.NUMERIC_COLUMNS:
                columns[k] = self._amounts(columns[k], name, j, layout)
            elif name == "整改状态" and header.status_from_lead:
                columns[k] = [leading_words(v) or v for v in columns[k]]
            elif name == "整改进展及成效" and header.status_from_lead:
                # the status it opens with is the status, not progress to quote twice
                vocabulary = self.vocabulary
                columns[k] = [after_leading_status(v, vocabulary) for v in columns[k]]
        formula_rows = {r for r, _ in ws.formulas_without_value}
        width = len(self.names)
        rows: list[tuple[int, tuple[Any, ...]]] = []
        hidden: list[int] = []
        repeats = self._header_repeat_test()
        repeated: list[int] = []
        for r, row_values in enumerate(zip(*columns, strict=True), start=header.data_start):
            if row_values.count(None) == width:
                continue  # a blank row
            if repeats is not None and repeats(row_values):
                repeated.append(r + 1)
                continue
            if r + 1 in ws.hidden_rows:
                hidden.append(r + 1)
            rows.append((r, row_values))
        if repeated:
            rows, titles = self._repeated_titles(rows, repeated)
            repeated = sorted(repeated + titles)
            shown = "、".join(map(str, repeated[:5])) + ("等" if len(repeated) > 5 else "")
            layout.notes.append(
                f"第 {shown} 行重复了表头（打印时每页重复的表头，或几张表格接在一起），未作为措施读取。"
            )
        headings = _Headings(self.names)
        headings.scan(rows)
        self.block_starts = sorted(repeated + headings.note_rows())
        if "问题" in self.names and None in columns[self.names.index("问题")]:
            rows = self._problem_lines(rows, headings, layout)  # (a 问题 cell is blank)
        deadlines, finishes, statuses = self._parse_columns(columns)
        nones = [None] * len(columns[0]) if columns else []
        deadlines, finishes, statuses = (c or nones for c in (deadlines, finishes, statuses))
        # Each measure's values go into one list per column (the ledger's columns, which
        # ``Measure.values`` reads): 方面 always, 问题 when headings name problems.
        keys = list(self.names)
        labelled = self._labelled_column()
        keys += [
            n
            for n in ("方面", "问题")
            if n not in keys and (n == "方面" or headings.names_problems or labelled)
        ]
        pad = [None] * (len(keys) - width)
        at_aspect, at_problem = keys.index("方面"), keys.index("问题") if "问题" in keys else -1
        self.at_measure = keys.index("整改措施") if "整改措施" in keys else -1
        if self.at_measure >= 0:  # (its column is the same in ``columns``: before the pad)
            self.whole = unnumbered_texts(columns[self.at_measure])
        store = self.store
        measures: list[Measure] = []
        split = self._split
        start = header.data_start
        over = self._sections_over_column(headings, layout)
        carried: dict[int, Any] = {}
        for r, row_values in rows:
            excel_row = r + 1
            if excel_row in headings.rows:
                text, is_aspect = headings.rows[excel_row]
                layout.group_rows.append((excel_row, text))
                if is_aspect:
                    self.aspect_rows.add(excel_row)
                carried = headings.amounts.get(excel_row, {})
                continue
            if r in formula_rows:
                notes += _formula_notes(ws, r, self.cols)
            values = [*row_values, *pad]
            if carried:  # the problem heading's amount: on its first measure only
                for k, amount in carried.items():
                    if values[k] is None:
                        values[k] = amount
                carried = {}
            if values[at_aspect] is None or over:
                values[at_aspect] = headings.aspect_at(excel_row) or values[at_aspect]
            if labelled and (parts := labelled_problem(values[self.at_measure])):
                values[at_problem], values[self.at_measure] = parts
                self.labelled_rows.append(excel_row)
            if headings.names_problems and values[at_problem] is None:
                values[at_problem] = headings.problem_at(excel_row)
                if values[at_problem] is not None:
                    self.problem_rows.add(excel_row)
            i = r - start
            measures.extend(split(r, values, deadlines[i], finishes[i], statuses[i]))
        # one list per column at C speed; each measure's RowValues reads its index
        transposed = list(map(list, zip(*self.measure_rows, strict=True))) or [[] for _ in keys]
        store.update(zip(keys, transposed, strict=True))
        self.measure_rows = []
        if headings.deeper:
            layout.notes.append(headings.deeper)
        assumed = [m for m in measures if m.deadline is not None and m.deadline.assumed_year]
        if assumed:
            notes.append(self._assumed_note(assumed))
        if short := self._short_year_note(measures):
            notes.append(short)
        undated = [
            m
            for m in measures
            if m.deadline is not None
            and m.deadline.kind == "immediate"
            and m.deadline.due is None
            and m.status not in C.FINISHED_STATUSES  # (done: nothing to warn about)
        ]
        if undated:
            notes.append(self._undated_note(undated))
        recurring = [
            m for m in measures if m.deadline is not None and m.deadline.note == RECURRING_NOTE
        ]
        if recurring:
            first = recurring[0]
            layout.notes.append(
                f"{len({m.row for m in recurring})} 行的整改时限是周期性工作（如第 {first.row} 行"
                f"“{first.deadline.text if first.deadline else ''}”），按长期坚持计：不设截止日期，不计超期。"
            )
        notes += self._hidden_notes(hidden)
        return measures

    def _repeated_titles(
        self, rows: list[tuple[int, tuple[Any, ...]]], repeated: list[int]
    ) -> tuple[list[tuple[int, tuple[Any, ...]]], list[int]]:
        """The table's title printed again above a repeated header (each printed page starts
        with the title and the header): not a 分组标题. Returns the rows without those, and
        their Excel rows."""
        titles = {
            t
            for r in self.ws.rows[: self.header.row]
            if (t := _first_text(r)) and _distinct(r) == 1
        }
        if not titles:
            return rows, []
        above = {r - 1 for r in repeated}  # (0-based index of the row above each repeat)
        dropped = [
            r
            for r, _ in rows
            if r + 1 in above
            and _distinct(self.ws.rows[r]) == 1
            and _first_text(self.ws.rows[r]) in titles
        ]
        if not dropped:
            return rows, []
        gone = set(dropped)
        return [(r, v) for r, v in rows if r not in gone], [r + 1 for r in dropped]

    def _header_repeat_test(self) -> Any:
        """A test for a data row that repeats the header (tables of several 科室 pasted one
        under another, each with its header; a PDF conversion's header on every page, its words
        broken by spaces or line breaks), or None when the ledger has no 整改措施 column.
        Cheap for ordinary rows: only a row whose 整改措施 cell is a name of that column is
        looked at further."""
        at = self.header.columns.get("整改措施")
        if at is None:
            return None
        k = self.names.index("整改措施")
        words = frozenset(
            w
            for w in (self.header.texts.get(at), "整改措施", *C.COLUMN_BY_NAME["整改措施"].aliases)
            if w
        )
        written = {name: C.normalise_header(self.header.texts.get(j, "")) for name, j in self.cols}

        def names_the_column(name: str, v: Any) -> bool:
            if not isinstance(v, str):
                return False
            key = C.normalise_header(v)
            return key == written[name] or C.canonical_column(key) == name

        keys = frozenset(map(C.normalise_header, words))

        def repeats(values: tuple[Any, ...]) -> bool:
            v = values[k]
            # (a page's header written again by a PDF conversion: "整改 措施", "整改\n措施")
            if v not in words and not (
                isinstance(v, str) and len(v) <= 20 and C.normalise_header(v) in keys
            ):
                return False
            hits = sum(map(names_the_column, self.names, values))
            return hits >= C.HEADER_MIN_KNOWN

        return repeats

    def _problem_lines(
        self, rows: list[tuple[int, tuple[Any, ...]]], headings: _Headings, layout: Layout
    ) -> list[tuple[int, tuple[Any, ...]]]:
        """A problem written on a line of its own (序号, 方面, 问题, 责任领导 … but no 整改措施,
        时限 or 状态) with its measures on the lines below, their 问题 left blank: the problem
        line is not a measure, and the blank per-problem cells below it (问题, 方面, 问题表现,
        责任领导 …) are the problem line's, as if they had been merged."""
        names = self.names
        if "整改措施" not in names or "问题" not in names:
            return rows
        at = {n: k for k, n in enumerate(names)}
        measure_only = [at[n] for n in ("整改措施", "整改时限", "整改状态") if n in at]
        problem = at["问题"]
        inherit = [k for k, n in enumerate(names) if C.COLUMN_BY_NAME[n].per_problem]
        # an amount on the problem line (its 清退资金) goes to the first measure below it only:
        # counted once, as a merged cell's is, not lost with the line nor copied to each row
        numbers = [k for k, n in enumerate(names) if n in C.NUMERIC_COLUMNS]
        out: list[tuple[int, tuple[Any, ...]]] = []
        lines: list[int] = []
        moved: list[int] = []
        current: tuple[Any, ...] | None = None
        pending: list[int] = []
        for i, (r, values) in enumerate(rows):
            if r + 1 in headings.rows:
                current = None
            elif values[problem] is not None:
                current = None
                below = rows[i + 1][1] if i + 1 < len(rows) else None
                if (
                    all(values[k] is None for k in measure_only)
                    and below is not None
                    and below[problem] is None
                    and below[at["整改措施"]] is not None
                ):
                    current = values
                    pending = [k for k in numbers if values[k] is not None]
                    lines.append(r + 1)
                    continue
            elif current is not None:
                filled = list(values)
                for k in inherit:
                    if filled[k] is None:
                        filled[k] = current[k]
                for k in pending:
                    if filled[k] is None:
                        filled[k] = current[k]
                        moved.append(r + 1)
                pending = []
                values = tuple(filled)
            out.append((r, values))
        if lines:
            shown = "、".join(map(str, lines[:5])) + ("等" if len(lines) > 5 else "")
            amounts = "；问题行上的金额、人次等计入其下第一条措施（只计一次）" if moved else ""
            layout.notes.append(
                f"第 {shown} 行只写了问题、没有整改措施，作为问题行读取：其下各措施行空着的"
                f"问题、方面、责任领导等取自该行{amounts}。"
            )
        return out

    def _amounts(self, values: list[Any], name: str, j: int, layout: Layout) -> list[Any]:
        """A numeric column in its standard unit: amounts written with a unit ("1.5万元")
        read as numbers, and under a header in 万元 (清退资金（万元）) every amount × 10,000, with
        a note in the 读取方式 block (documents and sums are in 元)."""
        kind = C.COLUMN_BY_NAME[name].kind
        header = self.header.texts.get(j, "")
        unit = _header_unit(header) if kind == "money" else ""
        where = ""
        if kind == "money" and not unit and self.header.unit_above is not None:
            unit, row = self.header.unit_above  # "金额单位：万元" above the header
            where = f"（表头上方第 {row} 行注明）"
        scale = MONEY_UNITS.get(unit, 1)
        if scale != 1:
            layout.notes.append(
                f"{column_letter(j)} 列“{header}”以{unit}为单位{where}，已折算为元"
                f"（{name}合计和文稿中的金额都按元计）。"
            )
        if scale == 1 and not any(v.__class__ is str for v in values):
            return values
        return [read_amount(v, kind, scale) for v in values]

    def _parse_columns(self, columns: list[list[Any]]) -> list[list[Any] | None]:
        """整改时限, 完成时间 and 整改状态 parsed column by column, each distinct value once
        (they repeat down a column: the same few dates, 立行立改, the five statuses)."""
        index = {name: k for k, name in enumerate(self.names)}
        parsers: tuple[tuple[str, Any], ...] = (
            ("整改时限", self._deadline),
            ("完成时间", parse_finished),
            ("整改状态", self._status),
        )
        out: list[list[Any] | None] = []
        for name, parse in parsers:
            k = index.get(name)
            if k is None:
                out.append(None)
                continue
            out.append(convert_distinct(columns[k], parse))
        return out

    def _deadline(self, value: Any) -> Deadline:
        return parse_deadline(
            value,
            feedback=self.feedback,
            concentrated_end=self.concentrated_end,
            year_from=self.year_from,
        )

    def _status(self, value: Any) -> str | None:
        scale = self.header.percent_status
        if scale is not None and value.__class__ in (int, float):
            return normalise_status(f"{value * scale:g}%", self.vocabulary)
        if value.__class__ is bool:
            value = yes_no_of(value)  # a check box's linked cell
        elif value.__class__ is float and value.is_integer():
            value = f"{value:g}"  # a code the sheet explains (1.已完成), 1.0 in an .xls
        return normalise_status(value, self.vocabulary)

    def _split(
        self,
        r: int,
        values: list[Any],
        deadline: Deadline | None,
        finished: Deadline | None,
        status: str | None,
    ) -> list[Measure]:
        """The measures of row ``r`` (``values`` in the order of the ledger's columns): one,
        or one per numbered measure its 整改措施 cell holds."""
        deadline = deadline or _EMPTY_DEADLINE
        finished = finished or _EMPTY_DEADLINE
        copied = self.copied.get(r, _NONE) if self.copied else _NONE
        at, rows, store = self.at_measure, self.measure_rows, self.store
        text = values[at] if at >= 0 else None
        parts = split_measures(text) if text.__class__ is str and text not in self.whole else [text]
        row = r + 1
        if len(parts) <= 1:
            if text.__class__ is str and (bare := strip_number(text)) != text:
                values[at] = bare
            rows.append(values)
            return [
                Measure(row, RowValues(store, len(rows) - 1), 0, deadline, finished, status, copied)
            ]
        # The row's numbers (清退资金 …) belong to the row, not to each measure split from it.
        out = []
        aligned = self._aligned_parts(values, len(parts))
        for k, part in enumerate(parts, start=1):
            one = values.copy()
            one[at] = part
            if aligned:  # 整改时限 / 整改状态 numbered like the measures: each its own
                for j, texts in aligned:
                    one[j] = texts[k - 1]
                deadline = (
                    self._deadline(one[self.at_deadline]) if self.at_deadline >= 0 else deadline
                )
                status = self._status(one[self.at_status]) if self.at_status >= 0 else status
            rows.append(one)
            out.append(
                Measure(
                    row,
                    RowValues(store, len(rows) - 1),
                    k,
                    deadline,
                    finished,
                    status,
                    copied if k == 1 else _ALL_NUMBERS,
                )
            )
        return out

    def _labelled_column(self) -> bool:
        """No 问题 column, and the 整改措施 column headed with both (问题及整改措施, 查摆问题和
        整改措施): its cells may write the problem before the measures, each labelled."""
        if "问题" in self.names or "整改措施" not in self.header.columns:
            return False
        return C.names_problem_and_measures(
            self.header.texts.get(self.header.columns["整改措施"], "")
        )

    def _aligned_parts(self, values: list[Any], n: int) -> list[tuple[int, list[str]]]:
        """The 整改时限 and 整改状态 cells of a row whose 整改措施 holds ``n`` numbered measures,
        when they are numbered the same way ("1.2024年6月底前\n2.长期坚持", "①已完成②正在推进"):
        index → the ``n`` parts. A cell not in ``n`` parts is the whole row's (none returned)."""
        out = []
        for j in (self.at_deadline, self.at_status):
            text = values[j] if j >= 0 else None
            if text.__class__ is str and (texts := numbered_parts(text, n)) is not None:
                out.append((j, texts))
        return out

    def _assumed_note(self, assumed: list[Measure]) -> Finding:
        first = assumed[0]
        assert first.deadline is not None
        rows = sorted({m.row for m in assumed})
        letter = column_letter(self.header.columns["整改时限"])
        years = "、".join(sorted({str(m.deadline.assumed_year) for m in assumed if m.deadline}))
        return Finding(
            "assumed-year",
            NOTE,
            f"有 {len(rows)} 行的整改时限没有写年份（如 {letter}{first.row}“{first.deadline.text}”），"
            f"已按 {years} 年计（{self.year_from.label if self.year_from else ''}）。"
            "如不对，请在整改时限中写明年份。",
            self.ws.name,
            first.row,
            letter,
            "整改时限",
            first.deadline.text,
        )

    def _short_year_note(self, measures: list[Measure]) -> Finding | None:
        """Dates whose year is written in two digits ("25年6月底前", "25.6.20"), read as 20xx
        (``dates.SHORT_YEAR_NOTE``): said once, with the first cell."""
        cells = [
            (m.row, name, d)
            for m in measures
            for name, d in (("整改时限", m.deadline), ("完成时间", m.finished))
            if d is not None and d.note.startswith(SHORT_YEAR_NOTE)
        ]
        if not cells:
            return None
        row, name, first = cells[0]
        letter = column_letter(self.header.columns[name])
        years = "、".join(sorted({str(d.due.year) for _, _, d in cells if d.due}))
        return Finding(
            "short-year",
            NOTE,
            f"有 {len({(r, n) for r, n, _ in cells})} 处日期的年份只写了两位"
            f"（如 {letter}{row}“{first.text}”），已按 {years} 年计。"
            "如不对，请写全4位年份，如2025年6月30日。",
            self.ws.name,
            row,
            letter,
            name,
            first.text,
        )

    def _undated_note(self, undated: list[Measure]) -> Finding:
        """立行立改 with neither 反馈日期 nor 集中整改截止日期: no due date to warn by (said, not
        passed over)."""
        first = undated[0]
        rows = sorted({m.row for m in undated})
        letter = column_letter(self.header.columns["整改时限"])
        text = first.deadline.text if first.deadline else ""
        return Finding(
            "immediate-undated",
            NOTE,
            f"有 {len(rows)} 行的整改时限是立行立改一类（如 {letter}{first.row}“{text}”），"
            "但基本信息中没有反馈日期和集中整改截止日期，推算不出截止日期，这些措施没有计入超期预警。"
            f"请在“{C.SHEET_INFO}”表中填写反馈日期或集中整改截止日期。",
            self.ws.name,
            first.row,
            letter,
            "整改时限",
            text,
        )

    def _hidden_notes(self, hidden: list[int]) -> list[Finding]:
        ws, header = self.ws, self.header
        out = []
        if hidden:
            out.append(
                Finding(
                    "hidden-rows",
                    WARNING,
                    f"台账中有 {len(hidden)} 行被隐藏（如第 {'、'.join(map(str, hidden[:5]))} 行），已照常读取和校验。"
                    "请确认这些行确实应当上报。",
                    ws.name,
                    hidden[0],
                    "",
                    "",
                    len(hidden),
                )
            )
        if ws.hidden_cols:
            letters = [column_letter(j) for j in sorted(ws.hidden_cols) if j in header.texts]
            if letters:
                out.append(
                    Finding(
                        "hidden-columns",
                        NOTE,
                        f"台账中有隐藏的列（{'、'.join(letters[:8])}），已照常读取。",
                        ws.name,
                        None,
                        letters[0],
                        "",
                        len(letters),
                    )
                )
        return out


_HEADER_UNIT = re.compile(r"[（(]\s*(亿元|万元|元)\s*[)）]|(亿元|万元)\s*$")


def _header_unit(header: str) -> str:
    """The money unit a header states: 清退资金（万元） → 万元; "" when it states none."""
    m = _HEADER_UNIT.search(header)
    return (m.group(1) or m.group(2)) if m else ""


# The problem and its measures in one cell, each after its label: "问题：……\n措施：1.……"
# ("存在问题：……整改措施：……"). Where the problem ends is said by the clerk's own label.
_LABELLED = re.compile(
    r"^\s*(?:存在的?问题|查摆问题|检视问题|反馈问题|问题表现|问题)\s*[:：]\s*(?P<p>\S.*?)\s*"
    r"(?:整改措施|具体措施|整改举措|措施|举措)\s*[:：]\s*(?P<m>\S.*)$",
    re.S,
)


def labelled_problem(text: object) -> tuple[str, str] | None:
    """The problem and the measures of a cell that labels both ("问题：……措施：……"); None
    when it does not."""
    if text.__class__ is not str or "：" not in text and ":" not in text:
        return None
    m = _LABELLED.match(text)
    if m is None:
        return None
    return m.group("p").rstrip("。；;，, \n"), m.group("m").strip()


def _labelled_note(rows: list[int], origin: Origin) -> str:
    letter = origin.columns["整改措施"]
    shown = "、".join(map(str, rows[:5])) + ("等" if len(rows) > 5 else "")
    return (
        f"{letter} 列“{origin.headers.get(letter, '')}”把问题和整改措施写在同一格里，"
        f"第 {shown} 行按格中的“问题：”“措施：”拆开：前一段是问题，后一段是整改措施。"
    )


def _year_source(
    feedback: dt.date | None, concentrated_end: dt.date | None, today: dt.date
) -> YearSource:
    if feedback is not None:
        return YearSource(feedback, f"取自基本信息的反馈日期 {format_cn_date(feedback)}")
    if concentrated_end is not None:
        return YearSource(
            concentrated_end,
            f"取自基本信息的集中整改截止日期 {format_cn_date(concentrated_end)}",
            roll=False,
        )
    return YearSource(
        today, f"基本信息中没有反馈日期，取检查日期 {format_cn_date(today)}", roll=False
    )


_NONE: frozenset[str] = frozenset()
_ALL_NUMBERS = frozenset(C.NUMERIC_COLUMNS)
_EMPTY_DEADLINE = Deadline("empty", "")


def _merged_copies(
    header: Header, merged: list[tuple[int, int, int, int]]
) -> dict[int, frozenset[str]]:
    """The rows (0-based) inside a merged range of a numeric column, below its top row → those
    columns. Their value is the range's, already counted at the top row."""
    rows_of: dict[str, set[int]] = {}
    for name in C.NUMERIC_COLUMNS:
        j = header.columns.get(name)
        if j is None:
            continue
        for r1, c1, r2, c2 in merged:
            if c1 <= j <= c2 and r2 > r1:
                rows_of.setdefault(name, set()).update(range(r1 + 1, r2 + 1))
    out: dict[int, frozenset[str]] = {}
    for name, rows in rows_of.items():
        alone = frozenset((name,))
        if not out:
            out = dict.fromkeys(rows, alone)
            continue
        for r in rows:
            out[r] = out.get(r, _NONE) | alone
    return out


# Grouping rows inside the table: "一、落实党的理论路线方针政策方面" merged across the row, 序号
# "（一）" beside "关于“…”的问题", "1.专项整改问题", "(2)住房安全方面。". Many ledgers have no 方面
# column and rely on them; the level whose headings name a 方面 gives the 方面 of the rows below.
_CN_ORDINAL = "一二三四五六七八九十"
_LEVELS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^\s*第[{_CN_ORDINAL}]{{1,3}}(?:部分|方面|类)?\s*[、.．:：]?\s*")),
    (1, re.compile(rf"^\s*[{_CN_ORDINAL}]{{1,3}}\s*[、.．:：]\s*")),
    (2, re.compile(rf"^\s*[（(]\s*[{_CN_ORDINAL}]{{1,3}}\s*[)）]\s*[、.．]?\s*")),
    (3, re.compile(r"^\s*\d{1,2}\s*[、.．:：](?!\d)\s*")),
    (4, re.compile(r"^\s*[（(]\s*\d{1,2}\s*[)）]\s*[、.．]?\s*")),
    (1, re.compile(rf"^\s*[{_CN_ORDINAL}]{{1,3}}(?=\s*$)")),
)
_UNNUMBERED = 0  # "落实全面从严治党方面" with no number: a 方面 heading at any depth
# 序号 in decimal levels (1 / 1.1 / 1.1.1) beside one title: a heading only above the problem
# lines, i.e. at least two levels above the measures' numbers (``_Headings.scan``); its level
# is _DECIMAL + the number of dots.
_DECIMAL = 30
_DECIMAL_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){0,3}\s*$")
_NOTE_ROW = 99  # one text alone and unnumbered ("以下为立行立改事项"): skipped, names nothing
_TITLE_COUNT = re.compile(r"\s*[（(][^（()）]{0,6}\d+\s*[个项条][^（()）]{0,6}[)）]$")
_HEADING_MAX = 60  # a heading is a title, not a paragraph


def _heading_level(text: str) -> tuple[int, str] | None:
    """(level, title) of a numbered or 方面 heading, or None."""
    for level, pattern in _LEVELS:
        m = pattern.match(text)
        if m:
            return level, text[m.end() :]
    if _strip_tail(text).endswith("方面"):
        return _UNNUMBERED, text
    if _PLACE_HEADING.match(_strip_tail(text)):
        return _UNNUMBERED, text
    return None


# A 村（社区）or 乡镇 named alone on its row ("东坡村", "西河社区（2个问题）", "城关镇党委"): a 镇
# ledger of its villages (a 县 one of its townships) groups the rows under each place's name,
# unnumbered; the place is the 方面 of the rows below it.
_PLACE_HEADING = lazy(
    r"^[\u4e00-\u9fff]{2,10}(?:村|社区|居委会|村委会|镇|乡|街道)(?:党支部|党总支|党委|党工委)?$"
)


def _strip_tail(text: str) -> str:
    return _TITLE_COUNT.sub("", text.strip()).rstrip("：:。.；;，, ")


# A cell holding only a count, beside a heading: 共2项, （共3个问题）, 2个问题, 计5条措施.
_COUNT_CELL = lazy(
    r"^\s*[（(]?\s*(?:共|计|合计|小计)?\s*\d{1,4}\s*(?:个|项|条|件|处)\s*(?:问题|措施|事项)?\s*[)）]?\s*$"
)


class _Headings:
    """Finds the grouping rows of the table first (all of them), then decides which level names
    the 方面: the level of the headings that end in 方面, else the shallowest level. Rows under a
    heading of that level take its title as their 方面 when their own 方面 cell is empty."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.number_at = names.index("序号") if "序号" in names else None
        self.measure_at = names.index("整改措施") if "整改措施" in names else None
        self.rows: dict[int, tuple[str, bool]] = {}  # Excel row -> (title, names a 方面)
        self._found: list[tuple[int, int, str]] = []  # (Excel row, level, title)
        self.written: dict[int, str] = {}  # Excel row -> the heading as written
        self._aspects: list[tuple[int, str]] = []
        self._aspect_rows: list[int] = []
        self._problems: list[tuple[int, str]] = []
        self._problem_rows: list[int] = []
        self.deeper = ""
        # A problem heading carrying its amount ("（一）违规发放慰问品" | 3000 under 清退资金):
        # Excel row → {column: amount}, given to the first measure below it (``_RowReader``)
        self._numbers_at = [k for k, n in enumerate(names) if n in C.NUMERIC_COLUMNS]
        self.amounts: dict[int, dict[int, Any]] = {}

    def scan(self, rows: list[tuple[int, tuple[Any, ...]]]) -> None:
        numbers_at = self._numbers_at
        amounts: dict[int, dict[int, Any]] = {}
        most = 3 + len(numbers_at)
        for r, values in rows:
            # Cheap test first: an ordinary row holds several different values.
            if len(set(values)) > most:
                continue
            carried = {k: values[k] for k in numbers_at if values[k].__class__ in (int, float)}
            if carried:  # (the heading's amount is no part of its title)
                values = tuple(None if k in carried else v for k, v in enumerate(values))
            if len(set(values)) > 3:
                continue
            found = self._heading(values)
            if found is not None and carried and found[0] not in (1, 2):
                continue  # "1." beside an amount: a measure, not a heading
            if found is not None:
                if carried:
                    amounts[r + 1] = carried
                written = "".join(dict.fromkeys(map(str, (v for v in values if v is not None))))
                self._found.append((r + 1, *found))
                self.written[r + 1] = written
        if any(lv >= _DECIMAL and lv != _NOTE_ROW for _, lv, _ in self._found):
            self._found = self._decimal_headings(rows)
        if not self._found:
            return
        named = {lv for _, lv, t in self._found if _strip_tail(t).endswith("方面")}
        levels = [lv for _, lv, _ in self._found if lv not in (_UNNUMBERED, _NOTE_ROW)]
        aspect_levels = named or {min(levels, default=_UNNUMBERED)}
        for row, level, title in self._found:
            is_aspect = bool(title) and (
                level in aspect_levels or level == _UNNUMBERED or title.endswith("方面")
            )
            self.rows[row] = (self.written[row], is_aspect)
            if is_aspect:
                self._aspects.append((row, title))
        self._aspect_rows = [row for row, _ in self._aspects]
        # The next numbered level below the 方面 (（一）关于“……”的问题 under 一、……方面) names the
        # problem of the rows below it when their own 问题 cell is empty (or there is no 问题
        # column): a ledger laid out as headings instead of columns.
        deeper = [
            lv
            for _, lv, t in self._found
            if t and lv not in (_UNNUMBERED, _NOTE_ROW) and lv > max(aspect_levels)
        ]
        if deeper:
            level = min(deeper)
            marks = [(row, "") for row, _ in self._aspects]
            marks += [(row, t) for row, lv, t in self._found if lv == level and t]
            self._problems = sorted(marks)
            self._problem_rows = [row for row, _ in self._problems]
            # (an amount on a 方面 heading is its 小计: the rows below hold it, not counted)
            self.amounts = {
                row: amounts[row] for row, lv, t in self._found if lv == level and row in amounts
            }
        if self.amounts:
            shown = "、".join(map(str, list(self.amounts)[:5]))
            self.deeper += f"第 {shown} 行问题标题上的金额、人次等计入其下第一条措施（只计一次）。"
        if subtotals := sorted(set(amounts) - set(self.amounts)):
            shown = "、".join(map(str, subtotals[:5]))
            self.deeper += f"第 {shown} 行标题上的金额、人次等是其下各行的小计，不重复计入。"
        others = len(self._found) - len(self._aspects)
        if others:
            self.deeper = f"另有 {others} 行分组标题（不是方面）未作为措施读取。" + self.deeper
        by_status = [
            (row, self.written[row])
            for row, level, _ in self._found
            if level == _NOTE_ROW
            and (found := _heading_level(self.written[row])) is not None
            and _STATUS_GROUP.match(found[1])
        ]
        if by_status:
            row, text = by_status[0]
            more = f"等 {len(by_status)} 行" if len(by_status) > 1 else ""
            self.deeper += (
                f"第 {row} 行“{text}”{more}是按整改进度分组的标题，不是方面；其下各行的状态按"
                "整改状态列读取。"
            )

    def _decimal_headings(
        self, rows: list[tuple[int, tuple[Any, ...]]]
    ) -> list[tuple[int, int, str]]:
        """The headings found, of those numbered 1 / 1.1 only the ones at least two levels
        above every measure's number ("1 党的建设方面" over "1.1 问题" over "1.1.1 措施"): one
        level above, "1 问题" over "1.1 措施", is a problem line (``_problem_lines``)."""
        at, measure_at = self.number_at, self.measure_at
        depths = [
            _decimal_depth(values[at])
            for _, values in rows
            if at is not None and measure_at is not None and values[measure_at] is not None
        ]
        known = [d for d in depths if d is not None]
        shallowest = min(known, default=0)
        return [
            (row, lv, t)
            for row, lv, t in self._found
            if lv < _DECIMAL or lv == _NOTE_ROW or lv - _DECIMAL < shallowest - 1
        ]

    def note_rows(self) -> list[int]:
        """The rows holding one unnumbered text that names no 方面 (a 科室's name, 以下为立行
        立改事项)."""
        return [row for row, level, _ in self._found if level == _NOTE_ROW]

    @property
    def aspects_by_word(self) -> bool:
        """Whether every 方面 heading says 方面 ("一、政治建设方面")."""
        return bool(self._aspects) and all(
            _strip_tail(t).endswith("方面") for _, t in self._aspects
        )

    @property
    def names_problems(self) -> bool:
        """Whether headings inside the table name the problems of the rows below them."""
        return bool(self._problem_rows)

    def problem_at(self, excel_row: int) -> str | None:
        """The problem named by the last problem heading above ``excel_row`` (under the same
        方面 heading), or None."""
        at = bisect.bisect_right(self._problem_rows, excel_row)
        return (self._problems[at - 1][1] or None) if at else None

    def aspect_at(self, excel_row: int) -> str | None:
        """The 方面 named by the last aspect heading above ``excel_row``."""
        at = bisect.bisect_right(self._aspect_rows, excel_row)
        return self._aspects[at - 1][1] if at else None

    def _heading(self, values: tuple[Any, ...]) -> tuple[int, str] | None:
        at = self.number_at
        if at is not None and values[at].__class__ in (int, float):
            values = (*values[:at], _number_text(values[at]), *values[at + 1 :])  # 序号 typed 1
        # a count beside the title ("共2项", "3个问题") is part of the heading, not a value
        texts = [v for v in values if v is not None and not _COUNT_CELL.match(str(v))]
        if len(texts) < len([v for v in values if v is not None]):
            values = tuple(v if v in texts else None for v in values)
        distinct = list(dict.fromkeys(texts))
        if len(distinct) > 2 or not all(isinstance(v, str) for v in distinct):
            return None
        if len(distinct) == 2:
            # 序号 "一、" (or "（一）", "1.") beside the title, which may be merged over cells.
            number = values[self.number_at] if self.number_at is not None else None
            if number is None or number not in distinct:
                return None
            depth = _decimal_depth(number)
            level = _heading_level(str(number)) if depth is None else (_DECIMAL + depth, "")
            if level is None or level[1].strip():
                return None
            title = distinct[1] if distinct[0] == number else distinct[0]
            if len(title) > _HEADING_MAX or len(split_measures(title)) > 1:
                return None
            return level[0], _clean_title(title)
        text = distinct[0]
        first = next(j for j, v in enumerate(values) if v is not None)
        merged_across = texts.count(text) >= 2
        if not merged_across and first > 1:
            return None  # one cell far right: an unmerged measure or note, not a title
        if len(text) > _HEADING_MAX or len(split_measures(text)) > 1:
            return None  # "一、…二、…": several measures written in one cell
        level = _heading_level(text)
        if not merged_across and first == self.measure_at and (level is None or level[0] > 2):
            return None  # the 整改措施 cell alone ("1.加强学习"): a measure, not a title
        if level is None or _STATUS_GROUP.match(level[1]):
            # One text alone in the first columns ("以下为立行立改事项"), or a heading naming
            # where the rows below stand ("二、正在整改事项": a ledger split by status into
            # tables one under another), not a 方面: a grouping row.
            return (_NOTE_ROW, "")
        return level[0], _clean_title(level[1]) or ""


# The title of a heading that groups the rows by their status, not by 方面: "已完成整改事项",
# "正在整改事项", "尚未完成整改的问题", "已办结问题清单".
_STATUS_GROUP = lazy(
    r"^\s*(?:以下为)?(?:已经?|尚未|未|正在|基本)(?:完成|整改|办结|销号|推进)[^，。,]{0,6}?"
    r"(?:的)?(?:事项|问题|任务|措施)(?:清单|台账)?\s*$"
)


def _clean_title(text: str) -> str:
    return _strip_tail(text)


def _number_text(value: float) -> str:
    return f"{value:g}" if value == value else str(value)


def _decimal_depth(number: Any) -> int | None:
    """How many dots a 序号 of decimal levels has ("1" 0, "1.1" 1, "1.1.1" 2); None for any
    other 序号 (一、, （一）, 1、)."""
    if number.__class__ in (int, float):
        number = _number_text(number)
    if number.__class__ is not str or not _DECIMAL_NUMBER.match(number):
        return None
    return number.count(".")


@functools.lru_cache(maxsize=4096)
def aspect_name(text: str | None) -> str | None:
    """A 方面 cell as the 方面's name: without the numbering and count a clerk typed into it
    ("一、政治建设方面（共2个问题）" → 政治建设方面), so that the report does not say "在一、
    政治建设方面（共2个问题）方面" and the same 方面 written with and without them is one."""
    if not text or text.__class__ is not str:
        return text
    found = _heading_level(text)
    name = _strip_tail(found[1] if found is not None and found[0] != _UNNUMBERED else text)
    return name or text


_FOOTER = lazy(
    r"^\s*(?:填表人|填报人|制表人|审核人|审核|审批人|负责人|单位负责人|主要负责人|联系人|联系电话|"
    r"填报单位|填报日期|制表日期|报送日期|签字|盖章|(?:注意|注|说明|备注|附注|填表说明|填报说明|填写说明|填表要求|填报要求|特别说明|"
    r"温馨提示|提示|制表|经办人|图例|颜色说明)\s*[:：]|注\s*\d|"
    # 分管领导签字：, 报送单位（盖章）：, 填表日期：2024年5月8日, 报送时间：
    r"[^:：]{0,10}(?:签字|签名|盖章)|[^:：]{0,4}(?:日期|时间)\s*[:：])"
)
# 合计 / 小计 rows repeat figures of the rows above: read as measures they would double them.
# They may carry several figures and a remark, so unlike notes they are not limited in width.
# ("合计：共4个问题，已完成2个，完成率50%": a sentence of totals in one merged cell, too; "汇总",
# the label of the 汇总行 Excel adds under a 表格 (套用表格格式) of SUBTOTAL formulas)
_TOTAL = lazy(r"^\s*(?:(?:合|小|总)\s*计|汇\s*总)\s*(?:[:：].*)?$", re.S)
# A sentence of totals without the word 合计, alone in its row: "截至2025年7月10日，已完成1项，正在
# 推进1项", "共2个问题，已整改1个", "整改完成率：50%", "统计：已完成1项".
_SUMMARY = lazy(
    r"^\s*(?:(?:截至|截止|截至目前|目前|共计|共有|共(?!性|同)|统计|汇总)[^。]{0,40}?\d+\s*(?:个|项|条|件)"
    r".*(?:已完成|已整改|已办结|已销号|正在推进|完成率|办结率|整改率)"
    r"|(?:整改)?(?:完成率|办结率|整改率|销号率)\s*[:：为]?\s*\d)",
    re.S,
)


def _data_end(rows: list[list[Any]], start: int) -> tuple[int, list[tuple[int, str]]]:
    """Where the table ends: the first footer or note row (填表人：…, 注意：…, 备注：…), and the
    footer rows (Excel row, text). Below a footer only a full data row (three or more cells
    filled) would be read, and that is never silently dropped: the table goes on to it."""
    footers: list[tuple[int, str]] = []
    end = len(rows)
    for r in range(start, len(rows)):
        text = _footer_text(rows[r])
        if text is None:
            continue
        below = any(
            _distinct(rows[x]) >= 3 and _footer_text(rows[x]) is None
            for x in range(r + 1, len(rows))
        )
        if below:
            footers.append((r + 1, text))
            continue  # a note inside the table: skipped, the table goes on
        end = r
        footers.append((r + 1, text))
        footers += [
            (x + 1, _first_text(rows[x])) for x in range(r + 1, len(rows)) if _filled(rows[x])
        ]
        break
    skip = {row - 1 for row, _ in footers if row - 1 < end}
    for r in skip:
        rows[r] = []
    return end, footers


def _filled(row: list[Any]) -> int:
    return sum(1 for v in row if _has_value(v))


def _distinct(row: list[Any]) -> int:
    """How many different values a row holds (a line of text merged across the table, copied
    into each of its cells, is one: no data row)."""
    return len({v for v in row if _has_value(v)})


def _first_text(row: list[Any]) -> str:
    for v in row:
        if _has_value(v):
            return str(v).strip()
    return ""


def _footer_text(row: list[Any]) -> str | None:
    for v in row:
        if _has_value(v):
            if not isinstance(v, str):
                return None
            if _TOTAL.match(v) or (_SUMMARY.match(v) and _distinct(row) == 1):
                return v.strip()
            if _FOOTER.match(v) and (
                len(set(map(str, row)) - {"", "None"}) <= 4 or _labelled_footer(row)
            ):
                return v.strip()
            return None
    return None


def _labelled_footer(row: list[Any]) -> bool:
    """The signing line laid out in cells: each label in a cell of its own, its value in the
    cell beside it ("填报人：" | 王某 | "审核人：" | 李某 | "联系电话：" | 0000-1234567), so that
    it fills more cells than a footer written in one or two; no more values than labels."""
    filled = [v for v in row if _has_value(v)]
    labels = sum(1 for v in filled if isinstance(v, str) and _FOOTER.match(v))
    return labels >= 2 and 2 * labels >= len(filled)


def _column_values(
    rows: list[list[Any]], start: int, stop: int, cols: list[tuple[str, int]]
) -> list[list[Any]]:
    """The columns ``cols`` (name, index) of the data rows, cleaned. The rows are turned into
    columns in one pass at C speed (short rows padded with None), and cleaned column by
    column, because cell text repeats down a column (merged 方面/问题, departments, statuses):
    each distinct value is converted once (this runs once per cell of a 100,000-row ledger)."""
    data = rows[start:stop]
    needed = max((j for _, j in cols), default=-1) + 1
    if data and max(map(len, data)) <= 2 * needed:
        grid = list(itertools.zip_longest(*data))
    else:  # a sheet much wider than the columns read: only those columns are taken
        grid = [tuple(row[j] if j < len(row) else None for row in data) for j in range(needed)]
    blank = (None,) * len(data)
    return [
        _not_applicable(
            _convert_column(
                list(grid[j]) if j < len(grid) else list(blank),
                C.COLUMN_BY_NAME[name].kind == "text",
            ),
            C.COLUMN_BY_NAME[name].kind,
        )
        for name, j in cols
    ]


# What a clerk writes in a cell that does not apply ("/" under 完成时间 of an open measure, "—"
# or 无 under 清退资金): nothing to read, not a date or amount written wrong.
_PLACEHOLDERS = frozenset(
    ("/", "／", "\\", "-", "－", "—", "——", "–", "---", "…", "无", "暂无", "N/A")
)


def _not_applicable(values: list[Any], kind: str) -> list[Any]:
    """A 完成时间, amount or count column with its placeholders as empty cells."""
    if kind not in ("date", "money", "count") or _PLACEHOLDERS.isdisjoint(values):
        return values  # (the common case, at C speed)
    return [None if v.__class__ is str and v in _PLACEHOLDERS else v for v in values]


def _convert_column(raw: list[Any], as_text: bool) -> list[Any]:
    return convert_distinct(raw, functools.partial(_convert, as_text=as_text), unchanged_texts)


def _convert(v: Any, as_text: bool) -> Any:
    out = _plain(v)  # text cleaned ("" and blank text become None)
    return _as_text(out) if as_text else out


def _formula_notes(ws: RawSheet, r: int, cols: list[tuple[str, int]]) -> list[Finding]:
    return [
        Finding(
            "formula-no-value",
            ERROR,
            f"{ws.name}!{column_letter(j)}{r + 1} 是公式，但文件中没有保存计算结果（可能由程序生成、"
            "从未在 Excel/WPS 中打开保存）。请用 Excel/WPS 打开并保存一次，或把公式改为数值。",
            ws.name,
            r + 1,
            column_letter(j),
            name,
            None,
        )
        for name, j in cols
        if (r, j) in ws.formulas_without_value
    ]


def _cell(row: list[Any], j: int) -> Any:
    return _plain(row[j]) if j < len(row) else None


def _plain(v: Any) -> Any:
    """A cell value as the ledger uses it: text cleaned, midnight datetimes as dates, whole
    floats as ints."""
    if isinstance(v, str):
        return clean_text(v)
    if isinstance(v, dt.datetime):
        return v.date() if v.time() == dt.time() else v
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


def _as_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    return v if isinstance(v, dt.date) else None


def _as_text(v: Any) -> str | None:
    """Text columns hold text; a number (序号 1.0) or a date typed there becomes its text."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.date):
        return format_cn_date(v)
    return str(v)


# ---------------------------------------------------------------------------------------------
# The 方面 → 问题 → 措施 tree.

MISSING_ASPECT = "【方面未填】"
MISSING_PROBLEM = "【问题未填】"


def _number_key(number: Any) -> str:
    return str(number).strip().rstrip("、.．。 ")


def numbering(measures: list[Measure], blocks: list[int] | None = None) -> tuple[bool, bool]:
    """What 序号 numbers, in one pass over the rows: (``per_measure``, ``restarts``).

    ``per_measure``: 序号 numbers the measures (rows), not the problems — two rows in a row with
    the same 方面 and the same 问题 text (a merged problem cell) carry different 序号.
    ``restarts``: 序号 starts again under each 方面 (1, 2 … under 一、, 1, 2 … under 二、) —
    where the 方面 changes, the 序号 goes back to the ledger's first number (not merely repeats
    the row above, which is the same problem with a mistyped 方面). Rows on either side of a
    block start (``blocks``, see ``block_restarts``) are not compared."""
    per_measure = restarts = False
    first: str | None = None
    previous: tuple[Any, Any, Any] = (None, None, None)
    block = 0
    column = column_reader(measures)
    cells = zip(column("方面"), column("问题"), column("序号"), strict=True)
    unit: Any = None
    # (a summary of several units' rows: each unit numbers its own from 1, not a restart
    # under each 方面 — ``build_tree`` keys problems by unit anyway)
    for m, here, its_unit in zip(measures, cells, column("单位"), strict=True):
        if blocks and (now := bisect.bisect_right(blocks, m.row)) != block:
            block, previous = now, (None, None, None)
        if its_unit != unit:
            unit, previous = its_unit, (None, None, None)
        if here == previous or here[2] is None:
            continue  # the next row of the same problem (or a row without 序号)
        aspect, title, number = here
        key = _number_key(number)
        if first is None:
            first = key
        elif previous[2] is not None:
            before = _number_key(previous[2])
            if aspect == previous[0] and title is not None and title == previous[1]:
                per_measure = per_measure or (key != before and m.part <= 1)
            if aspect != previous[0] and key != before and key == first:
                restarts = True
        previous = here
    return per_measure, restarts


def block_restarts(measures: list[Measure], blocks: list[int]) -> bool:
    """Whether 序号 starts again after a block start (Excel rows of a one-text grouping row
    such as a 科室's name, or a repeated header: several tables pasted one under another)."""
    if not blocks:
        return False
    first: str | None = None
    block = 0
    for m, number in zip(measures, column_reader(measures)("序号"), strict=True):
        if number is None:
            continue
        key = _number_key(number)
        now = bisect.bisect_right(blocks, m.row)
        if first is None:
            first, block = key, now
        elif now != block:
            if key == first:
                return True
            block = now
    return False


def build_tree(
    measures: list[Measure],
    numbered: bool | None = None,
    layout: Layout | None = None,
    restarts: bool | None = None,
    blocks: list[int] | None = None,
) -> list[Aspect]:
    """Group measures by 方面 (in order of first appearance), then by problem within it.

    A problem is identified by its 序号 where the ledger has one (within its 方面 when the
    numbering restarts under each 方面): the same text under two 序号 is two problems. A row
    without a 序号 continues the problem above when its 问题 is empty or the same; otherwise
    (and in ledgers without 序号) a problem is identified by its text within its 方面.
    """
    if numbered is None:
        numbered = any(m.get("序号") for m in measures)
    if restarts is None:
        restarts = numbering(measures)[1] if numbered else False
    restart = numbered and restarts
    if restart and layout is not None:
        layout.notes.append("序号在每个方面下重新编号：问题按“方面 + 序号”区分。")
    aspects: dict[str, Aspect] = {}
    problems: dict[tuple[Any, ...], Problem] = {}
    key: tuple[Any, ...] = ()
    current: Problem | None = None
    current_unit: Any = None
    last: tuple[Any, ...] = ()
    column = column_reader(measures)
    cells = zip(column("单位"), column("方面"), column("问题"), column("序号"), strict=True)
    # (单位 only in a merge's 全部措施: each unit's problems are its own)
    for m, (unit, aspect_cell, problem_cell, number_cell) in zip(measures, cells, strict=True):
        # A 方面 left blank under a filled one (written once, not merged down) is grouped
        # with it; check still reports each blank cell.
        aspect_title = aspect_name(aspect_cell) or (
            current.aspect if current is not None and unit == current_unit else MISSING_ASPECT
        )
        # not "问题1：问题1：…", nor "问题1：（一）…" (the feedback report's own number)
        title = _problem_title(problem_cell)
        number = number_cell if numbered else None
        block = bisect.bisect_right(blocks, m.row) if blocks else 0  # numbered again per block
        here = (unit, block, aspect_title, title, number)
        if here == last and current is not None and (number or title != MISSING_PROBLEM):
            current.measures.append(m)  # the next row of the same problem: the common case
            continue
        last = here
        if number:
            key = ("序号", unit, block, aspect_title if restart else "", _number_key(number))
        elif (
            numbered
            and current is not None
            and (problem_cell is None or title == current.title)
            and aspect_title == current.aspect
        ):
            pass  # a row of the problem above, its 序号 cell left empty
        elif (
            current is not None
            and problem_cell is None
            and aspect_cell is None
            and unit == current_unit
        ):
            # 方面 and 问题 (and 序号) all left blank under a problem instead of merged: the
            # next measure of that problem (the blank cells are still reported by check)
            pass
        else:
            key = (
                "问题",
                unit,
                aspect_title,
                title if title != MISSING_PROBLEM else f"{title}{m.row}",
            )
        problem = problems.get(key)
        if problem is None:
            aspect = aspects.get(aspect_title)
            if aspect is None:
                aspect = aspects[aspect_title] = Aspect(aspect_title)
            shown = number or str(len(problems) + 1)
            problem = problems[key] = Problem(str(shown), title, aspect_title)
            problem.measures = []
            aspect.problems.append(problem)
        elif problem.title == MISSING_PROBLEM and title != MISSING_PROBLEM:
            problem.title = title  # 问题 written on a later row of the problem only
        current, current_unit = problem, unit
        problem.measures.append(m)
    index_problems(aspects.values())
    return list(aspects.values())


def _problem_title(cell: Any) -> Any:
    """A problem's title as documents print it after their own "问题1：": without the label
    ("问题1：") or the number ("（一）", "1.") the clerk typed before it; MISSING_PROBLEM for an
    empty cell."""
    title = strip_label(cell)
    if title.__class__ is str:
        title = strip_number(title)
    return title or MISSING_PROBLEM


def index_problems(aspects: Iterable[Aspect]) -> None:
    """Each measure's ``problem`` (the index of its problem in ``Ledger.problems``) and each
    problem's status rolled up from its measures'."""
    index = 0
    for aspect in aspects:
        for problem in aspect.problems:
            for m in problem.measures:
                m.problem = index
            index += 1
            problem.status = roll_up([m.status for m in problem.measures])


# ---------------------------------------------------------------------------------------------
# 列名对照, 基本信息 and 文稿段落.


def read_mapping_sheet(raw: RawBook) -> dict[str, str]:
    """Header mappings kept in the workbook's optional 列名对照 sheet (原列名 | 标准列名)."""
    pairs = read_pair_sheet(raw, C.SHEET_MAPPING)
    return parse_mapping_lines(f"{a}={b}" for a, b in pairs.items())


def read_pair_sheet(raw: RawBook, name: str) -> dict[str, str]:
    """The two-column sheet ``name`` (列名对照, 状态对照) as {A: B}, its header row skipped."""
    ws = raw.sheets.get(name)
    if ws is None:
        return {}
    out = {}
    for r, row in enumerate(ws.rows):
        a, b = (list(row) + [None, None])[:2]
        if not (_has_value(a) and _has_value(b)):
            continue
        a, b = str(a).strip(), str(b).strip()
        if r == 0 and b.startswith("标准"):
            continue  # 原列名 | 标准列名, 原状态 | 标准状态
        out[a] = b
    return out


def parse_mapping_lines(lines: Iterable[str]) -> dict[str, str]:
    """``原列名=标准列名`` lines (a --map file or the 列名对照 sheet) → dict. Lines whose target is
    not a canonical column (e.g. the sheet's own header row) are skipped."""
    result = {}
    for line in lines:
        source, sep, target = str(line).partition("=")
        source, target = source.strip(), target.strip()
        if sep and source and target in C.COLUMN_BY_NAME:
            result[source] = target
    return result


def read_info(raw: RawBook) -> tuple[dict[str, Any], dict[str, str]]:
    """The 基本信息 fields (dates parsed) and the cell of each value (``基本信息!B5``)."""
    ws = raw.sheets.get(C.SHEET_INFO)
    info: dict[str, Any] = {}
    cells: dict[str, str] = {}
    if ws is None:
        return info, cells
    _fill_merged(ws)
    for r, row in enumerate(ws.rows):
        if len(row) < 1:
            continue
        key = C.normalise_header(row[0])
        if key == C.NOT_COUNTED_LABEL and len(row) > 1 and row[1] is not None:
            # (a tuple, not text: no check of 基本信息's texts reads it as one)
            info[key] = tuple(n.strip() for n in str(row[1]).splitlines() if n.strip())
            continue
        field = C.INFO_BY_NAME.get(key)
        if field is None or field.name in info:
            continue
        value = _cell(row, 1)
        cells[field.name] = f"{ws.name}!B{r + 1}"
        if field.kind == "date" and value is not None:
            parsed = parse_date_value(value)
            value = parsed.due if parsed.due is not None else _as_text(value)
        else:
            value = _as_text(value)
        info[field.name] = value
    return info, cells


def read_texts(raw: RawBook) -> list[dict[str, str]]:
    """The 文稿段落 rows (文稿, 章节, 小标题, 内容, and the row number as ``行``)."""
    ws = raw.sheets.get(C.SHEET_TEXT)
    if ws is None:
        return []
    _fill_merged(ws)
    header_at, index = None, {}
    for r, row in enumerate(ws.rows[: C.HEADER_SCAN_ROWS]):
        names = {C.normalise_header(v): j for j, v in enumerate(row)}
        if "章节" in names and "内容" in names:
            header_at, index = r, names
            break
    if header_at is None:
        return []
    texts = []
    for r in range(header_at + 1, len(ws.rows)):
        row = ws.rows[r]
        item = {k: _as_text(_cell(row, index[k])) or "" for k in C.TEXT_COLUMNS if k in index}
        if not item.get("内容") and not item.get("小标题"):
            continue
        item.setdefault("文稿", "全部")
        item["行"] = str(r + 1)
        texts.append(item)
    return texts
