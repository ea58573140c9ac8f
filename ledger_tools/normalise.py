"""From cell grids to a ``Ledger``: find the sheet and its header, map aliases, fill merged
cells, split numbered measures, parse deadlines and statuses, build the 方面 → 问题 → 措施 tree.

Everything the reader notices on the way (unmapped columns, hidden rows, formulas without a
cached value) becomes a ``Finding`` in ``Ledger.notes``; validation (``schema``) adds the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from typing import Any

from ledger_tools import columns as C
from ledger_tools.cells import clean_text, column_letter, split_measures, strip_number
from ledger_tools.dates import format_cn_date, parse_date_value, parse_deadline
from ledger_tools.errors import UnreadableFile
from ledger_tools.findings import ERROR, NOTE, WARNING, Finding
from ledger_tools.model import Aspect, Ledger, Measure, Origin, Problem
from ledger_tools.reading import RawBook, RawSheet, read_workbook
from ledger_tools.status import normalise_status, roll_up

_FOOTER = re.compile(
    r"^\s*(填表人|填报人|制表人|审核人|审核|审批人|负责人|单位负责人|主要负责人|联系人|联系电话|"
    r"填报单位|填报日期|制表日期|注\s*[:：]|说明\s*[:：]|备注\s*[:：])"
)


def load_ledger(
    path: str | os.PathLike[str],
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Ledger:
    """Read and normalise the ledger in ``path``.

    ``mapping`` maps a header as written (``牵头处室``) to a canonical column (``牵头部门``);
    ``sheet`` names the ledger sheet. Raises ``UnreadableFile`` when no ledger can be found.
    """
    return ledger_from_rawbook(read_workbook(path), mapping=mapping, sheet=sheet)


def ledger_from_rawbook(
    raw: RawBook, mapping: dict[str, str] | None = None, sheet: str | None = None
) -> Ledger:
    """Normalise an already-read workbook (a file, or a live Excel book via ``excel``)."""
    # --map wins over the workbook's own 列名对照 sheet.
    combined = {**read_mapping_sheet(raw), **(mapping or {})}
    user_map = {C.normalise_header(k): v for k, v in combined.items()}
    ws, header = _find_ledger_sheet(raw, user_map, sheet)
    info, info_cells = read_info(raw)
    origin = Origin(
        path=raw.path,
        sheet=ws.name,
        header_row=header.row + 1,
        columns={name: column_letter(j) for name, j in header.columns.items()},
        headers={column_letter(j): text for j, text in header.texts.items()},
    )
    notes = list(header.notes)
    measures = _read_measures(ws, header, info, notes, origin.section_rows)
    return Ledger(
        origin=origin,
        measures=measures,
        aspects=build_tree(measures),
        info=info,
        texts=read_texts(raw),
        notes=notes,
        has_info_sheet=C.SHEET_INFO in raw.sheets,
        info_cells=info_cells,
    )


# ---------------------------------------------------------------------------------------------
# Header detection.


class Header:
    """The header found on a sheet: its 0-based row, canonical column → index, notes."""

    def __init__(self, row: int, data_start: int) -> None:
        self.row = row
        self.data_start = data_start
        self.columns: dict[str, int] = {}
        self.texts: dict[int, str] = {}
        self.notes: list[Finding] = []


def _canonical(text: Any, user_map: dict[str, str]) -> str | None:
    key = C.normalise_header(text)
    if not key:
        return None
    return user_map.get(key) or C.ALIASES.get(key)


def _find_ledger_sheet(
    raw: RawBook, user_map: dict[str, str], wanted: str | None
) -> tuple[RawSheet, Header]:
    name = os.path.basename(raw.path)
    if wanted is not None:
        if wanted not in raw.sheets:
            raise UnreadableFile(
                f"{name} 中没有名为“{wanted}”的工作表。现有工作表：{'、'.join(raw.sheets) or '（无）'}。"
                "请检查 --sheet 参数。"
            )
        candidates = [raw.sheets[wanted]]
    elif C.SHEET_LEDGER in raw.sheets:
        candidates = [raw.sheets[C.SHEET_LEDGER]]
    else:
        skip = {
            C.SHEET_GUIDE,
            C.SHEET_INFO,
            C.SHEET_TEXT,
            C.SHEET_LISTS,
            C.SHEET_RESULTS,
            C.SHEET_MAPPING,
        }
        candidates = [s for s in raw.sheets.values() if s.name not in skip]
    if not raw.sheets:
        raise UnreadableFile(f"{name} 中没有任何工作表，无法读取台账。")
    for ws in candidates:
        _fill_merged(ws)
        header = find_header(ws, user_map)
        if header is not None:
            return ws, header
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
        if i + 1 < len(ws.rows):
            below = _map_row(ws.rows[i + 1], user_map)
            extra = {j: n for j, n in below.items() if j not in found and n not in found.values()}
            if extra:
                found.update(extra)
                header.data_start = i + 2
        _assign_columns(ws, header, found, user_map)
        return header
    return None


def _map_row(row: list[Any], user_map: dict[str, str]) -> dict[int, str]:
    return {j: n for j, v in enumerate(row) if (n := _canonical(v, user_map))}


def _assign_columns(
    ws: RawSheet, header: Header, found: dict[int, str], user_map: dict[str, str]
) -> None:
    rows = ws.rows[header.row : header.data_start]
    width = max((len(r) for r in rows), default=0)
    for j in range(width):
        texts = [str(r[j]).strip() for r in rows if j < len(r) and _has_value(r[j])]
        text = texts[-1] if texts else ""
        if not text:
            continue
        header.texts[j] = text
        name = found.get(j)
        cell = f"{ws.name}!{column_letter(j)}{header.row + 1}"
        if name and name not in header.columns:
            header.columns[name] = j
        elif name:
            header.notes.append(
                Finding(
                    "duplicate-column",
                    WARNING,
                    f"列“{text}”与前面的“{column_letter(header.columns[name])}”列都对应“{name}”，只读取前一列。"
                    "如需读取此列，请改列名或用 --map 指定。",
                    ws.name,
                    header.row + 1,
                    column_letter(j),
                    name,
                    text,
                )
            )
        else:
            header.notes.append(
                Finding(
                    "unmapped-column",
                    WARNING,
                    f"列“{text}”不是可识别的台账列，已保留但不参与校验。如它对应某个标准列，"
                    f"请用 --map {text}=标准列名 指明（{cell}）。",
                    ws.name,
                    header.row + 1,
                    column_letter(j),
                    "",
                    text,
                )
            )


def _has_value(v: Any) -> bool:
    return v is not None and v != "" and not (isinstance(v, str) and not v.strip())


# ---------------------------------------------------------------------------------------------
# Merged cells.


def _fill_merged(ws: RawSheet) -> None:
    """Give each cell inside a merged range the value of its top-left cell (only there)."""
    rows = ws.rows
    for r1, c1, r2, c2 in ws.merged:
        if r1 >= len(rows) or c1 >= len(rows[r1]):
            continue
        value = rows[r1][c1]
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c2:
                row.extend([""] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                row[c] = value
    ws.merged = []  # filled once: a second pass must not refill


# ---------------------------------------------------------------------------------------------
# Rows → measures.


def _read_measures(
    ws: RawSheet,
    header: Header,
    info: dict[str, Any],
    notes: list[Finding],
    section_rows: list[int],
) -> list[Measure]:
    cols = list(header.columns.items())
    names = [name for name, _ in cols]
    stop = _data_end(ws.rows, header.data_start)
    columns = [_column_values(ws.rows, header.data_start, stop, j, name) for name, j in cols]
    formula_rows = {r for r, _ in ws.formulas_without_value}
    feedback = _as_date(info.get("反馈日期"))
    concentrated_end = _as_date(info.get("集中整改截止日期"))
    measures: list[Measure] = []
    hidden: list[int] = []
    width = len(names)
    sections = _Sections(names)
    for r, row_values in enumerate(zip(*columns, strict=True), start=header.data_start):
        if row_values.count(None) == width:
            continue  # a blank row
        excel_row = r + 1
        if excel_row in ws.hidden_rows:
            hidden.append(excel_row)
        if sections.is_title(excel_row, row_values):
            continue  # "一、……方面": names the 方面 of the rows below, not a measure
        if r in formula_rows:
            notes += _formula_notes(ws, r, cols)
        values = dict(zip(names, row_values, strict=True))
        if values.get("方面") is None and sections.aspect is not None:
            values["方面"] = sections.aspect
        measures.extend(_split_row(excel_row, values, feedback, concentrated_end))
    section_rows.extend(sections.rows)
    if hidden:
        notes.append(
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
            notes.append(
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
    return measures


# A 方面 title row inside the table ("一、落实党的理论路线方针政策方面" merged across the row, or
# 序号 "一、" beside the title): many ledgers have no 方面 column and rely on these rows.
_CN_ORDINAL = "一二三四五六七八九十"
_TITLE_NUMBER = re.compile(
    rf"^\s*(?:第[{_CN_ORDINAL}]{{1,3}}(?:部分|方面)?|[{_CN_ORDINAL}]{{1,3}}|[（(][{_CN_ORDINAL}]{{1,3}}[)）]"
    r"|\d{1,2}(?=[、.．]))\s*[、.．:：]?\s*"
)
_BARE_NUMBER = re.compile(
    rf"^\s*(?:第?[{_CN_ORDINAL}]{{1,3}}|[（(][{_CN_ORDINAL}]{{1,3}}[)）])\s*[、.．]?\s*$"
)
_CN_NUMBERED = re.compile(rf"^\s*(?:第?[{_CN_ORDINAL}]{{1,3}}|[（(][{_CN_ORDINAL}]{{1,3}}[)）])")
_TITLE_COUNT = re.compile(r"\s*[（(][^（()）]{0,6}\d+\s*[个项条][^（()）]{0,6}[)）]$")


def section_title(names: list[str], values: tuple[Any, ...] | list[Any]) -> str | None:
    """The 方面 named by a title row inside the table, or None for an ordinary row.

    A title row holds one text only, numbered with a Chinese ordinal (一、 / （一） / 第一部分) or
    ending in 方面: either the same text in several cells (a row merged across the table) or
    in one of the first two columns; or a bare ordinal in 序号 beside one text. The ordinal,
    a trailing count such as "（3个问题）" and trailing punctuation are dropped.
    """
    texts = [v for v in values if v is not None]
    distinct = list(dict.fromkeys(texts))
    if len(distinct) > 2 or not all(isinstance(v, str) for v in distinct):
        return None
    number = values[names.index("序号")] if "序号" in names else None
    if len(distinct) == 2:
        # 序号 "一、" (or "一") beside the title, which may itself be merged over several cells.
        if number is None or not _BARE_NUMBER.match(number):
            return None
        title = distinct[1] if distinct[0] == number else distinct[0]
        return _clean_title(title)
    text = distinct[0]
    first = next(j for j, v in enumerate(values) if v is not None)
    if texts.count(text) < 2 and first > 1:
        return None  # one cell far right: an unmerged measure or note, not a title
    numbered = _CN_NUMBERED.match(text) is not None and not _BARE_NUMBER.match(text)
    if not numbered and not _strip_tail(text).endswith("方面"):
        return None
    if len(split_measures(text)) > 1:
        return None  # "一、…二、…": several measures written in one cell
    return _clean_title(text)


def _strip_tail(text: str) -> str:
    return _TITLE_COUNT.sub("", text.strip()).rstrip("：:。.；;，, ")


def _clean_title(text: str) -> str | None:
    title = _strip_tail(_TITLE_NUMBER.sub("", text, count=1))
    return title or None


class _Sections:
    """Follows the 方面 title rows while the rows are read, in order."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.aspect: str | None = None
        self.rows: list[int] = []

    def is_title(self, excel_row: int, values: tuple[Any, ...]) -> bool:
        # Cheap test first: an ordinary row holds several different values.
        if len(set(values)) > 3:
            return False
        title = section_title(self.names, values)
        if title is None:
            return False
        self.aspect = title
        self.rows.append(excel_row)
        return True


def _data_end(rows: list[list[Any]], start: int) -> int:
    """The row index where the table ends: the first footer row (填表人：…), or the end."""
    for r in range(start, len(rows)):
        if _is_footer(rows[r]):
            return r
    return len(rows)


def _column_values(rows: list[list[Any]], start: int, stop: int, j: int, name: str) -> list[Any]:
    """Column ``j`` of the data rows, cleaned. Column by column, because cell text repeats
    down a column (merged 方面/问题, departments, statuses) and each text is cleaned once;
    the loops are comprehensions because this runs once per cell of a 100,000-row ledger."""
    as_text = C.COLUMN_BY_NAME[name].kind == "text"
    memo: dict[Any, Any] = {"": None}

    def convert(v: Any) -> Any:
        if v.__class__ is str:
            cleaned = memo[v] = clean_text(v)
            return cleaned
        if v is None:
            return None
        v = _plain(v)
        return _as_text(v) if as_text else v

    raw = [row[j] if j < len(row) else None for row in rows[start:stop]]
    get, missing = memo.get, _MISSING
    # Only text is remembered; other values (dates, numbers) are converted each time.
    return [c if (c := get(v, missing)) is not missing else convert(v) for v in raw]


_MISSING = object()


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


def _is_footer(row: list[Any]) -> bool:
    for v in row:
        if _has_value(v):
            return isinstance(v, str) and bool(_FOOTER.match(v))
    return False


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


def _split_row(
    row: int, values: dict[str, Any], feedback: dt.date | None, concentrated_end: dt.date | None
) -> list[Measure]:
    deadline = parse_deadline(
        values.get("整改时限"), feedback=feedback, concentrated_end=concentrated_end
    )
    finished = parse_date_value(values.get("完成时间"))
    status = normalise_status(values.get("整改状态"))
    text = values.get("整改措施")
    parts = split_measures(text) if isinstance(text, str) else [text]
    if len(parts) <= 1:
        if isinstance(text, str) and (bare := strip_number(text)) != text:
            values = {**values, "整改措施": bare}
        return [Measure(row, values, 0, deadline, finished, status)]
    return [
        Measure(row, {**values, "整改措施": part}, k, deadline, finished, status)
        for k, part in enumerate(parts, start=1)
    ]


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


def build_tree(measures: list[Measure]) -> list[Aspect]:
    """Group measures by 方面 (in order of first appearance), then by 问题 within it."""
    aspects: dict[str, Aspect] = {}
    problems: dict[tuple[str | None, str, str], Problem] = {}
    for m in measures:
        aspect_title = m.get("方面") or MISSING_ASPECT
        title = m.get("问题") or MISSING_PROBLEM
        aspect = aspects.get(aspect_title)
        if aspect is None:
            aspect = aspects[aspect_title] = Aspect(aspect_title)
        own = title if title != MISSING_PROBLEM else f"{title}{m.row}"
        # 单位 (only in a merge's 全部措施): two units' problems of the same title stay two.
        key = (m.get("单位"), aspect_title, own)
        problem = problems.get(key)
        if problem is None:
            number = m.get("序号") or str(len(problems) + 1)
            problem = problems[key] = Problem(number, title, aspect_title)
            aspect.problems.append(problem)
        problem.measures.append(m)
    for problem in problems.values():
        problem.status = roll_up([m.status for m in problem.measures])
    return list(aspects.values())


# ---------------------------------------------------------------------------------------------
# 列名对照, 基本信息 and 文稿段落.


def read_mapping_sheet(raw: RawBook) -> dict[str, str]:
    """Header mappings kept in the workbook's optional 列名对照 sheet (原列名 | 标准列名)."""
    ws = raw.sheets.get(C.SHEET_MAPPING)
    if ws is None:
        return {}
    return parse_mapping_lines(
        f"{a}={b}" for a, b, *_ in (r + ["", ""] for r in ws.rows) if _has_value(a)
    )


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
