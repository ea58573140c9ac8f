"""A ledger kept in several sheets of one header — one sheet per 方面, per 科室, per 督查组 —
read as one ledger.

``normalise`` reads the sheet it finds first and names every other sheet that also holds a
ledger table (``other-ledger-sheet``). Here each of those with the same columns in the same
letters is read the same way and joined to it: the measures keep their own sheet
(``Measure.sheet``) so that every finding names its own cell; when no sheet says the 方面 (no
column, no title rows), each sheet's name is the 方面 of its rows (``Origin.aspect_from_sheets``).

Not joined (the warning stays): a sheet laid out differently (other columns or letters), a
sheet of an earlier month (a ledger kept one sheet per month), and a sheet whose name says it
is not data (汇总, 总表, 目录, 说明, 封面 …) or whose measures all stand in the sheets read (a
总表 beside its parts): that one is said, not counted twice. A 样表 or 填表说明 found first, in
the same header, with sheets of other rows after it, is said and not read: they are the ledger.
Within a sheet, problems are as its reader found them; across sheets, a problem of the same
text in one 方面 is one problem (each sheet's 序号 is its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ledger_tools.lazyre import lazy
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import strip_number
from ledger_tools.ledger.findings import NOTE, WARNING, Finding
from ledger_tools.ledger.model import Aspect, Ledger, Problem
from ledger_tools.ledger.normalise import (
    MISSING_PROBLEM,
    _number_key,
    _same_ledger_months,
    index_problems,
)
from ledger_tools.ledger.reading import RawBook
from ledger_tools.ledger.status import normalise_status

OTHER_SHEET = "other-ledger-sheet"

# Sheet names that are never a part of the ledger's data, though laid out like it.
_NOT_DATA = lazy(r"汇总|总表|总台账|合计|目录|说明|封面|填报要求|填表|示例|样表|模板|统计表")
# Of those, the names of a sample or a guide: never the ledger when sheets of data follow.
_SAMPLE = lazy(r"样表|示例|模板|说明|填报要求|填表")
# What a header says of its columns: said once, on the first sheet, for the same header.
_HEADER_RULES = frozenset(
    ("unused-column", "unmapped-column", "duplicate-column", "hidden-columns")
)
# Names Excel and WPS give a new sheet: no 方面 to read from them.
_DEFAULT_NAME = re.compile(r"(?i)^\s*(sheet|工作表|表)\s*\d*\s*$")


def read_sibling_sheets(
    first: Ledger, read: Callable[[str], Ledger], raw: RawBook | None = None
) -> Ledger:
    """``first`` joined with the other sheets of the same layout (``read(name)`` reads one;
    ``raw``, the workbook, gives the titles above the headers)."""
    named = [
        f
        for f in first.notes
        if f.rule == OTHER_SHEET and not _same_ledger_months(first.origin.sheet, f.sheet)
    ]
    parts: list[Ledger] = []
    summaries: list[Ledger] = []
    hidden = raw.hidden_sheets if raw is not None else frozenset()
    for finding in named:
        if finding.sheet in hidden:
            continue  # (its warning says it is hidden: normalise._other_ledger_sheets)
        other = read(finding.sheet)
        if other.origin.columns != first.origin.columns or not other.measures:
            continue
        (summaries if _NOT_DATA.search(finding.sheet) else parts).append(other)
    if not parts and not summaries:
        return first  # (the common case: one sheet; its measure texts are not collected)
    read_texts = _measure_texts([first])
    if _SAMPLE.search(first.origin.sheet) and parts:
        own = [p for p in parts if not _measure_texts([p]) & read_texts]
        if own and not any(_measure_texts([p]) <= read_texts for p in parts):
            # a 样表/填表说明 in front of the ledger's own sheets: they are the ledger, it is
            # said and not read (a 总表 in front is read: its parts are said, or joined)
            return _read_from(own[0], first, read, raw)
    joined: list[Ledger] = []
    contained: set[str] = set()
    for other in parts + summaries:
        texts = _measure_texts([other])
        if texts <= read_texts:
            # its rows all stand in the sheets read: a 汇总/总表 beside its parts, or a part
            # beside the 总表 read first
            first.notes.append(_contained_note(other, [first, *joined]))
            contained.add(other.origin.sheet)
        elif other in parts and not texts & read_texts:
            joined.append(other)
            read_texts |= texts
        # (a sheet sharing some rows with those read, or a 汇总 with rows of its own: the
        # warning stays; reading both would count those rows twice)
    gone = contained | {o.origin.sheet for o in joined}
    first.notes = [
        n
        for n in first.notes
        if not (n.rule == OTHER_SHEET and n.severity != NOTE and n.sheet in gone)
    ]
    if joined:
        _join(first, joined, raw)
    return first


def _read_from(
    part: Ledger, skipped: Ledger, read: Callable[[str], Ledger], raw: RawBook | None
) -> Ledger:
    """The ledger read from ``part`` on (its sheets joined), ``skipped`` (the sheet found first,
    named as no part of the data) said in a warning."""
    name = skipped.origin.sheet
    part.notes += [
        n for n in skipped.notes if n.rule == OTHER_SHEET and n.sheet != part.origin.sheet
    ]
    part.notes.append(
        Finding(
            OTHER_SHEET,
            WARNING,
            f"工作表“{name}”（{len(skipped.measures)} 行措施）的表名是样表、说明一类，"
            f"没有当作台账数据读取，读取的是从工作表“{part.origin.sheet}”起表头相同的各表。"
            f"如“{name}”就是台账，请改表名或加 --sheet {name}。",
            name,
            skipped.origin.header_row,
            "",
            "",
            len(skipped.measures),
        )
    )
    return read_sibling_sheets(part, read, raw)


def _measure_texts(ledgers: list[Ledger]) -> set[tuple[object, ...]]:
    return {
        (m.get("问题"), m.get("整改措施"), m.get("责任部门"), m.get("整改时限"))
        for ledger in ledgers
        for m in ledger.measures
    }


def _contained_note(sheet: Ledger, parts: list[Ledger]) -> Finding:
    names = "、".join(f"“{p.origin.sheet}”" for p in parts)
    return Finding(
        OTHER_SHEET,
        NOTE,
        f"工作表“{sheet.origin.sheet}”中的 {len(sheet.measures)} 行措施都已在工作表{names}中，"
        "没有重复计入统计。如果它们是不同的措施，请在台账中写明区别后再校验。",
        sheet.origin.sheet,
        sheet.origin.header_row,
        "",
        "",
        len(sheet.measures),
    )


def _join(first: Ledger, parts: list[Ledger], raw: RawBook | None) -> None:
    """Add ``parts`` (read from other sheets) to ``first``, in place."""
    ledgers = [first, *parts]
    names = [ledger.origin.sheet for ledger in ledgers]
    aspects = _sheet_aspects(ledgers, raw)
    by_sheet = aspects is not None
    if aspects is not None:
        for ledger, aspect in zip(ledgers, aspects, strict=True):
            _aspect_from_sheet(ledger, aspect)
        first.origin.aspect_from_sheets = True
    for part in parts:
        for m in part.measures:
            m.sheet = part.origin.sheet
        first.measures += part.measures
        first.sheet_merged[part.origin.sheet] = part.merged
        # what reading it noticed on its own sheet (the rest — 基本信息, sheets only looked
        # at — is the first sheet's to say, or not to say)
        said = {(n.rule, n.column) for n in first.notes if n.rule in _HEADER_RULES}
        first.notes += [
            n for n in part.notes if n.sheet == part.origin.sheet and (n.rule, n.column) not in said
        ]
    # 序号 names a problem across the sheets only when no two sheets use the same one in
    # one 方面 (each sheet numbered from 1 under a shared 方面: problems go by their text)
    first.numbered = all(ledger.numbered for ledger in ledgers) and _numbers_unique(ledgers)
    first.aspects = _joined_aspects(ledgers, renumber=not first.numbered)
    layout = first.layout
    if layout is not None:
        layout.sheets = names
        shown = "、".join(f"“{n}”" for n in names)
        titled = any(_DEFAULT_NAME.match(name) for name in names)
        aspect = (
            ("，各表标题中写的方面即其中各行的方面" if titled else "，各表的表名即其中各行的方面")
            if by_sheet
            else ""
        )
        layout.notes.append(
            f"台账分在 {len(names)} 张表头相同的工作表中（{shown}），一并读取{aspect}；"
            "校验结果中的单元格都注明所在工作表。"
        )
        kinds = [n for n in names if _kind_name(n)]
        if kinds and "方面" not in first.origin.present:
            listed = "、".join(f"“{n}”" for n in kinds)
            layout.notes.append(
                f"工作表{listed}是按整改状态或整改时限分的表，表名不是方面，没有作为方面读取；"
                "如需按方面统计，请增加“方面”列。"
            )
        for part in parts:
            if part.layout is not None:
                for note in part.layout.notes:
                    if note not in layout.notes:
                        layout.notes.append(f"工作表“{part.origin.sheet}”：{note}")


def _sheet_aspects(ledgers: list[Ledger], raw: RawBook | None) -> list[str] | None:
    """The 方面 of each sheet when no sheet says it of its rows (no column, no title rows):
    the sheet's name ("一、政治建设方面" → 政治建设方面; "第一巡察组" stays whole: no heading
    number), or where the names are those Excel gives (Sheet1) the 方面 its title names
    ("政治建设方面问题整改台账"); None when neither says it of every sheet."""
    if any("方面" in ledger.origin.present for ledger in ledgers):
        return None
    names = [ledger.origin.sheet for ledger in ledgers]
    if any(_kind_name(name) for name in names):
        return None  # sheets per status or per kind of deadline (已完成事项 | 正在整改事项)
    if not any(_DEFAULT_NAME.match(name) for name in names):
        return [strip_number(name).strip() or name for name in names]
    titled = [_titled_aspect(raw, ledger) for ledger in ledgers] if raw is not None else []
    return titled if titled and all(titled) else None  # type: ignore[return-value]


# What a sheet named for a status or a kind of deadline adds to it: "已完成整改事项",
# "正在整改的问题", "立行立改事项清单".
_KIND_TAIL = re.compile(r"(?:的)?(?:事项|问题|任务|措施)?(?:清单|台账|表)?$")
_DEADLINE_KINDS = frozenset(
    w for words in C.DEADLINE_SYNONYMS.values() for w in words if len(w) >= 4
) | {"限期整改"}


def _kind_name(name: str) -> str | None:
    """The status or kind of deadline a sheet is named for ("已完成整改事项" → 已完成,
    "立行立改事项" → 立行立改), or None: such a sheet splits the ledger by how far its rows
    have got or how soon they are due, and its name is no 方面."""
    bare = _KIND_TAIL.sub("", strip_number(name).strip())
    if not bare:
        return None
    if bare in _DEADLINE_KINDS:
        return bare
    return normalise_status(bare)


# "政治建设方面问题整改台账", "某局巡察整改台账（作风建设方面）", "一、党的建设方面": the 方面 a
# sheet's title names.
_TITLE_ASPECT = lazy(r"(?:^|[（(、:：\s])([^（()）、:：\s]{2,16}?方面)")


def _titled_aspect(raw: RawBook, ledger: Ledger) -> str | None:
    """The 方面 named by a title above the sheet's header, or None."""
    rows = raw.sheets[ledger.origin.sheet].rows
    top = ledger.layout.header_rows[0] - 1 if ledger.layout is not None else 0
    for row in rows[:top]:
        text = next((v for v in row if isinstance(v, str) and v.strip()), None)
        found = _TITLE_ASPECT.search(strip_number(text.strip())) if text else None
        if found:
            return found.group(1)
    return None


def _numbers_unique(ledgers: list[Ledger]) -> bool:
    seen: set[tuple[str, str]] = set()
    for ledger in ledgers:
        here = {(a.title, _number_key(p.number)) for a in ledger.aspects for p in a.problems}
        if here & seen:
            return False
        seen |= here
    return True


def _aspect_from_sheet(ledger: Ledger, title: str) -> None:
    """The sheet's name as the 方面 of all its measures (the sheet says none of its own)."""
    for m in ledger.measures:
        m.values["方面"] = title
    for aspect in ledger.aspects:
        aspect.title = title
        for problem in aspect.problems:
            problem.aspect = title


def _joined_aspects(ledgers: list[Ledger], renumber: bool) -> list[Aspect]:
    """The 方面 → 问题 trees of ``ledgers`` as one: a 方面 on several sheets is one, and so is a
    problem of the same text in one 方面 (each sheet's 序号 is its own: the same problem taken
    up on two 科室's sheets may carry 1 on one and 3 on the other). Within a sheet problems
    stay as its reader found them. ``renumber``: problems known by their text are numbered on
    from sheet to sheet (as ``build_tree`` numbers them within one)."""
    aspects: dict[str, Aspect] = {}
    earlier: dict[tuple[str, str], Problem] = {}  # the problems of the sheets before
    for ledger in ledgers:
        here: dict[tuple[str, str], Problem] = {}
        for aspect in ledger.aspects:
            into = aspects.setdefault(aspect.title, Aspect(aspect.title))
            for problem in aspect.problems:
                key = (aspect.title, problem.title)
                same = earlier.get(key) if problem.title != MISSING_PROBLEM else None
                if same is not None:
                    same.measures += problem.measures
                    continue
                into.problems.append(problem)
                here.setdefault(key, problem)
        earlier = here | earlier
    index_problems(aspects.values())
    if renumber:
        for number, problem in enumerate((p for a in aspects.values() for p in a.problems), 1):
            problem.number = str(number)
    return list(aspects.values())
