"""Whether a 汇总台账's 汇总 sheet still agrees with its 全部措施, after a person edited it.

merge writes the 汇总 sheet from the units' own ``stats``, and the same figures are what
``stats --by 单位`` computes from 全部措施. Once the workbook has been edited by hand (rows of
全部措施 deleted, a status corrected there, a unit renamed in one sheet and not the other, the
totals replaced by formulas that later became ``#REF!``, rows sorted or filtered, a column
inserted), the two can part. 全部措施 is the one computation: ``report --kind summary`` and
``stats`` count from it, never from a 汇总 cell; this module says which 汇总 cell no longer
agrees (``summary-mismatch``) and which unit stands in one sheet and not the other
(``summary-unit``), for ``check`` (findings on the cells), ``stats`` and ``report --kind
summary`` (a note pointing at ``check``).

The 汇总 sheet is read by its header (the row holding 单位 and 措施数), each column by its
header text: sorted rows, filtered or hidden rows, an inserted column or a title row above do
not matter. Rows are matched to 全部措施 by the 单位 name; a row whose 单位 starts with 合计 is
the totals, compared with the units' figures added up (as merge writes it). Warnings (红黄绿)
are compared at the 汇总统计日期 merge counted at (基本信息), and not at all when it is gone.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.findings import ERROR, Finding
from ledger_tools.ledger.reading import RawBook

UNKNOWN = "状态未填"
# The 汇总 columns recomputed from 全部措施, and their key in ``stats``'s 按单位 rows.
FIGURES: dict[str, str] = {
    "问题数": "问题数",
    "措施数": "措施数",
    **{s: s for s in (*C.STATUSES, UNKNOWN)},
    "办结数": "办结数",
    "办结率": "办结率",
    "红色预警": "红色",
    "黄色预警": "黄色",
    "绿色预警": "绿色",
}
WARNING_FIGURES = ("红色预警", "黄色预警", "绿色预警")
HEADER_ROWS = 10  # the header is looked for in the first rows (a title may stand above)
TOTALS_PREFIX = ("合计", "总计")  # the totals row (merge writes 合计（n个单位）)
# a note a receiver types below the table (注：…, 说明：…): no unit, nor a row to compare
NOTE_PREFIX = ("注：", "注:", "说明：", "说明:", "备注：", "备注:")


@dataclass
class SummarySheet:
    """The 汇总 sheet as read: its header row, columns by header, the unit rows and the
    totals row (1-based Excel rows), and the 汇总统计日期 merge counted at."""

    header_row: int
    columns: dict[str, int]  # header text → 0-based column
    units: list[tuple[int, str, list[Any]]] = field(default_factory=list)  # (row, 单位, cells)
    totals: tuple[int, list[Any]] | None = None
    as_of: dt.date | None = None
    not_counting: set[str] = field(default_factory=set)  # merge's NOT_COUNTED_LABEL units
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    no_value: set[tuple[int, int]] = field(default_factory=set)


def is_merge_ledger(ledger: Any) -> bool:
    """Whether ``ledger`` was read from the 全部措施 sheet of a merge's 汇总台账."""
    if "单位" not in ledger.origin.columns:  # any unit's ledger: merge is not even imported
        return False
    from ledger_tools.upward.merge import SHEET_MEASURES

    return ledger.origin.sheet == SHEET_MEASURES


def merged_document_refusal(path: str | os.PathLike[str], document: str) -> str:
    """Why ``plan``/``report`` (not ``--kind summary``) make no unit document of a 汇总台账,
    and what to run instead."""
    from ledger_tools.output import command_arg

    return (
        f"{Path(path).name} 是 ledger-tools merge 生成的汇总台账，未生成{document}。"
        f"汇总报告请运行：ledger-tools report {command_arg(path)} --kind summary；"
        "整改方案和单位的整改情况报告、通报请对各单位自己的台账生成。"
        f"确要把汇总台账当作一本台账生成{document}，请加 --force。"
    )


def read_summary_sheet(source: str | os.PathLike[str] | RawBook) -> SummarySheet | None:
    """The 汇总 sheet of the 汇总台账 ``source`` (a path, or a workbook already read: the Excel
    buttons read the open book), or None where there is none (or no header with 单位 and
    措施数 in it)."""
    from ledger_tools.upward.merge import SHEET_SUMMARY

    raw = summary_book(source)
    if SHEET_SUMMARY not in raw.sheets:
        return None
    sheet = raw.sheets[SHEET_SUMMARY]
    found = None
    for i, row in enumerate(sheet.rows[:HEADER_ROWS]):
        names = [_text(v) for v in row]
        if "单位" in names and "措施数" in names:
            found = i, {name: j for j, name in reversed(list(enumerate(names))) if name}
            break
    if found is None:
        return None
    top, columns = found
    out = SummarySheet(
        header_row=top + 1,
        columns=columns,
        errors=dict(sheet.error_cells),
        no_value=set(sheet.formulas_without_value),
    )
    at = columns["单位"]
    for i in range(top + 1, len(sheet.rows)):
        row = sheet.rows[i]
        name = _text(row[at]) if at < len(row) else ""
        if not name or name.startswith(NOTE_PREFIX):
            continue
        if name.startswith(TOTALS_PREFIX):
            out.totals = (i + 1, row)
        else:
            out.units.append((i + 1, name, row))
    out.as_of, out.not_counting = merge_facts(raw)
    return out


def summary_book(source: str | os.PathLike[str] | RawBook) -> RawBook:
    """The sheets of a 汇总台账 its checks read (汇总 and 基本信息), read once: a caller
    that both checks the 汇总 sheet and completes the 按单位 rows passes it to each."""
    from ledger_tools.upward.merge import SHEET_SUMMARY

    return _sheets(source, SHEET_SUMMARY, C.SHEET_INFO)


def _sheets(source: str | os.PathLike[str] | RawBook, *names: str) -> RawBook:
    """``source`` as read (a path is read for the sheets ``names`` only)."""
    if isinstance(source, RawBook):
        return source
    from ledger_tools.ledger.reading import read_workbook

    return read_workbook(source, sheets=list(names))


def merge_as_of(source: str | os.PathLike[str] | RawBook) -> dt.date | None:
    """The 汇总统计日期 of a merge's 汇总台账 (its 基本信息), or None."""
    return merge_facts(source)[0]


def merge_facts(source: str | os.PathLike[str] | RawBook) -> tuple[dt.date | None, set[str]]:
    """What merge wrote into the 汇总台账's 基本信息 besides the fields: the 汇总统计日期 and
    the units that count 长期坚持 as not 办结 (when units differ)."""
    from ledger_tools.upward.merge import AS_OF_LABEL, NOT_COUNTED_LABEL

    info = _sheets(source, C.SHEET_INFO).sheets.get(C.SHEET_INFO)
    day = None
    units: set[str] = set()
    for row in info.rows if info else []:
        label = _text(row[0]) if row else ""
        value = row[1] if len(row) > 1 else None
        if label == AS_OF_LABEL:
            if isinstance(value, dt.datetime):
                day = value.date()
            elif isinstance(value, dt.date):
                day = value
        elif label == NOT_COUNTED_LABEL and value:
            units = {n.strip() for n in str(value).splitlines() if n.strip()}
    return day, units


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def unit_figures(
    ledger: Any, as_of: dt.date, not_counting: set[str] | frozenset[str] = frozenset()
) -> dict[str, dict[str, Any]]:
    """Each unit's figures computed from 全部措施 (``stats``'s 按单位 rows), by 单位."""
    from ledger_tools.ledger.stats import unit_groups

    return {row["单位"]: row for row in unit_groups(ledger, as_of, not_counting)}


def empty_units(summary: SummarySheet, measured: set[str] | dict[str, Any]) -> list[str]:
    """The 汇总's units that have no rows in 全部措施 and whose 措施数 there is 0 or empty:
    units that sent a ledger with no measures yet (a renamed unit is ``summary_findings``')."""
    at = summary.columns.get("措施数")
    names = []
    for _row, name, cells in summary.units:
        value = cells[at] if at is not None and at < len(cells) else None
        if name not in measured and _number(value) in (None, 0) and name not in names:
            names.append(name)
    return names


def with_summary_sheet(
    path: str | os.PathLike[str], ledger: Any, stats: dict[str, Any], today: dt.date
) -> list[Finding]:
    """For ``stats`` of a 汇总台账: add the units that sent no measures yet to its 按单位 rows
    (``complete_unit_rows``), and return the 汇总 cells that disagree."""
    summary = complete_unit_rows(path, ledger, stats, today)
    return [] if summary is None else compare(summary, ledger, today)


def complete_unit_rows(
    path: str | os.PathLike[str] | RawBook, ledger: Any, stats: dict[str, Any], today: dt.date
) -> Any:
    """The 按单位 rows of ``stats`` of a 汇总台账 as ``stats --by 单位`` prints them (and the
    web page draws them): the units that sent no measures yet added (全部措施 has no row of
    theirs), the units whose 长期坚持 is not counted as closed counted as their own ledger
    counts. Returns the 汇总 sheet as read (None for any other ledger)."""
    from ledger_tools.ledger.stats import _aspect_row

    if not is_merge_ledger(ledger):
        return None
    summary = read_summary_sheet(path)
    if summary is None:
        return None
    rows = stats.get("按单位")
    if rows is not None:
        from ledger_tools.ledger.stats import unit_groups

        if summary.not_counting:  # as each unit's own ledger counts
            rows[:] = unit_groups(ledger, today, summary.not_counting)
        known = {r["单位"] for r in rows}
        rows += [_aspect_row(n, [], today, (), key="单位") for n in empty_units(summary, known)]
    return summary


def add_merge_findings(
    source: str | os.PathLike[str] | RawBook, ledger: Any, report: Any, today: dt.date | None
) -> None:
    """What ``check`` (the web page, the Excel buttons) adds to the report of a merge's
    汇总台账 (``source``: its path, or the workbook as read): the unit and source of each
    全部措施 finding, and the 汇总 cells that no longer agree. Nothing for any other ledger."""
    if is_merge_ledger(ledger):
        report.findings = with_sources(ledger, report.findings)
        report.findings += summary_findings(source, ledger, today or dt.date.today())


def with_sources(ledger: Any, findings: list[Finding]) -> list[Finding]:
    """The findings of 全部措施's rows with the unit and the cell of its own ledger the row
    came from (its 来源): the receiver cannot correct a unit's ledger in the 汇总台账, and the
    unit must be told where."""
    import dataclasses

    rows: dict[tuple[str, int], tuple[str, str]] = {}
    sheet = ledger.origin.sheet
    for m in ledger.measures:
        rows.setdefault((m.sheet or sheet, m.row), (_text(m.get("单位")), _text(m.get("来源"))))
    out = []
    for f in findings:
        unit, source = rows.get((f.sheet, f.row or 0), ("", ""))
        if unit or source:
            said = "，".join(x for x in (unit, f"原台账 {source} 这一行" if source else "") if x)
            f = dataclasses.replace(f, message=f"{f.message}（{said}）")
        out.append(f)
    return out


def summary_findings(
    source: str | os.PathLike[str] | RawBook, ledger: Any, today: dt.date
) -> list[Finding]:
    """The 汇总 cells that disagree with 全部措施 (``ledger``, read from it), and the units
    that stand in one sheet and not the other. Nothing where ``source`` is no 汇总台账."""
    if not is_merge_ledger(ledger):
        return []
    summary = read_summary_sheet(source)
    if summary is None:
        return []
    return compare(summary, ledger, today)


def compare(summary: SummarySheet, ledger: Any, today: dt.date) -> list[Finding]:
    """The findings of ``summary`` against ``ledger`` (全部措施), in the order of the cells."""
    from ledger_tools.ledger.status import closure_rate_text
    from ledger_tools.upward.merge import SHEET_SUMMARY

    as_of = summary.as_of or today
    figures = unit_figures(ledger, as_of, summary.not_counting)
    checked = {
        h: j
        for h, j in summary.columns.items()
        if h in FIGURES and (summary.as_of is not None or h not in WARNING_FIGURES)
    }
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for row, name, cells in summary.units:
        if name in seen:
            findings.append(
                _finding(
                    summary, row, "单位", name,
                    f"单位“{name}”在“汇总”表中出现了两次（第 {seen[name]} 行和这一行），"
                    "合计和图表会多算一次。请删去重复的一行（汇总报告按“全部措施”计算，不受影响）。",
                    rule="summary-unit",
                )
            )  # fmt: skip
            continue
        seen[name] = row
        expected = figures.get(name)
        if expected is None:
            measures = _number(_cell(cells, summary.columns.get("措施数")))
            if measures:
                findings.append(
                    _finding(
                        summary, row, "单位", name,
                        f"单位“{name}”在“全部措施”中没有措施，这一行却写有措施 {_shown(measures)} 条："
                        "可能改过单位名称，或删过“全部措施”中该单位的行。汇总报告和 stats 按“全部措施”计算，"
                        "不计这一行。请把单位名称改回与“全部措施”的“单位”列一致，或重新运行 ledger-tools merge "
                        "生成汇总台账。",
                        rule="summary-unit",
                    )
                )  # fmt: skip
            continue
        for header, j in checked.items():
            findings += _cell_findings(summary, row, j, cells, header, expected, name)
    for name, expected in figures.items():
        if name not in seen:
            first = next(m for m in ledger.measures if (m.get("单位") or "") == name)
            findings.append(
                Finding(
                    "summary-unit",
                    ERROR,
                    f"“全部措施”中单位“{name}”有措施 {expected['措施数']} 条，“汇总”表中却没有这个单位"
                    "（可能删过那一行，或改过单位名称）。汇总报告和 stats 按“全部措施”计入该单位。"
                    "请在“汇总”表中补上这一行，或重新运行 ledger-tools merge 生成汇总台账。",
                    first.sheet or ledger.origin.sheet,
                    first.row,
                    ledger.origin.columns.get("单位", ""),
                    "单位",
                    name,
                )
            )
    if summary.totals is not None:
        row, cells = summary.totals
        units = list(figures.values())
        total: dict[str, Any] = {
            key: sum(u[key] for u in units) for key in FIGURES.values() if key != "办结率"
        }
        total["办结率"] = closure_rate_text(total["办结数"], total["问题数"])
        for header, j in checked.items():
            findings += _cell_findings(
                summary, row, j, cells, header, total, f"合计（{len(units)}个单位）"
            )
    at = {letter: j for j, letter in ((j, column_letter(j)) for j in summary.columns.values())}
    return sorted(
        findings, key=lambda f: (f.sheet != SHEET_SUMMARY, f.row or 0, at.get(f.column, 0))
    )


def _cell(cells: list[Any], j: int | None) -> Any:
    return cells[j] if j is not None and j < len(cells) else None


def _cell_findings(
    summary: SummarySheet,
    row: int,
    j: int,
    cells: list[Any],
    header: str,
    expected: dict[str, Any],
    name: str,
) -> list[Finding]:
    """The finding of one 汇总 cell, if it disagrees with ``expected`` (a 按单位 row)."""
    want = expected[FIGURES[header]]
    value = _cell(cells, j)
    where = (row - 1, j)
    what = f"“{name}”的{header}" if not name.startswith(TOTALS_PREFIX) else f"合计行的{header}"
    redo = "请把这一格改为 {want}，或重新运行 ledger-tools merge 生成汇总台账。"  # noqa: RUF027
    if where in summary.errors:
        said = (
            f"{what}是 {summary.errors[where]}（公式出错，引用的单元格可能已被删除），"
            f"按“全部措施”计算应为 {want}。汇总报告和 stats 不用这一格，按“全部措施”计算。"
        )
        return [
            _finding(summary, row, header, summary.errors[where], said + redo.format(want=want), j)
        ]
    if where in summary.no_value:
        said = (
            f"{what}是公式，但文件中没有它的计算结果（用不会重新计算的程序保存过），"
            f"按“全部措施”计算应为 {want}。汇总报告和 stats 不用这一格。"
        )
        return [_finding(summary, row, header, value, said + redo.format(want=want), j)]
    if _agrees(header, value, want, expected):
        return []
    shown = "是空的" if value in (None, "") else f"是 {_shown(value)}"
    whose = "各单位的措施相加" if name.startswith(TOTALS_PREFIX) else "该单位的措施"
    said = (
        f"{what}{shown}，按“全部措施”中{whose}计算应为 {want}（可能改过“全部措施”中的行，或改过这一格）。"
        f"汇总报告和 stats 按“全部措施”计算。如“全部措施”是对的，请把这一格改为 {want} 或重新运行 "
        "ledger-tools merge；如这一格是对的，请核对“全部措施”中的行（“来源”列指向原台账的单元格）。"
    )
    return [_finding(summary, row, header, value, said, j)]


def _agrees(header: str, value: Any, want: Any, expected: dict[str, Any]) -> bool:
    if header == "办结率":
        problems, done = expected["问题数"], expected["办结数"]
        if not problems and value in (None, ""):  # merge leaves it empty: no problems yet
            return True
        ratio = done / problems if problems else 0.0
        number = _percent(value)
        # merge writes the rate rounded as ``stats`` prints it (one decimal of a percent)
        return number is not None and abs(number - ratio) <= 0.00051
    number = _number(value)
    return number == want or (number is None and want == 0)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", ""))
        except ValueError:
            return None
    return None


def _percent(value: Any) -> float | None:
    if isinstance(value, str) and value.strip().endswith("%"):
        number = _number(value.strip()[:-1])
        return None if number is None else number / 100
    return _number(value)


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float) and 0 <= value <= 1:
        return f"{value:.1%}"
    return str(value)


def _finding(
    summary: SummarySheet,
    row: int,
    header: str,
    value: Any,
    message: str,
    j: int | None = None,
    rule: str = "summary-mismatch",
) -> Finding:
    from ledger_tools.upward.merge import SHEET_SUMMARY

    col = summary.columns.get(header) if j is None else j
    letter = column_letter(col) if col is not None else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 49, whether the file (calamine) or Excel (the buttons) said 49.0
    return Finding(rule, ERROR, message, SHEET_SUMMARY, row, letter, header, value)


def column_letter(j: int) -> str:
    """The letter of a 0-based column: 0 → A, 26 → AA."""
    letters = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def cell_list(findings: list[Finding], shown: int = 3) -> str:
    """ "汇总!C5、汇总!K5 等 12 处" for a note."""
    cells = "、".join(f.cell for f in findings[:shown])
    return cells + (f" 等 {len(findings)} 处" if len(findings) > shown else "")


def stale_note(
    path: str | os.PathLike[str], findings: list[Finding], what: str = "以上数字"
) -> str:
    """The line ``stats`` and ``report --kind summary`` print when the 汇总 sheet disagrees."""
    from ledger_tools.output import command_arg

    return (
        f"注意：{Path(path).name} 的“汇总”表与“全部措施”不一致（{cell_list(findings)}），"
        f"可能是手工改过。{what}全部按“全部措施”计算，不用“汇总”表中的数字。"
        f"运行 ledger-tools check {command_arg(Path(path).name)} 可逐格查看哪里不一致、应为多少。"
    )
