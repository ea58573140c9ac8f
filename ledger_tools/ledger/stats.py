"""Statistics of a ledger: the figures every document quotes, computed in one place.

``compute_stats`` returns a plain dict with Chinese keys; it is the ``统计`` of the template
context (``context``), the totals of ``check`` (``schema``) and the output of
``ledger-tools stats``. Every number a document prints comes from here, so the plan, the
report and the notice can never disagree with each other or with the ledger.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ledger_tools.lazyre import lazy
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import parse_number
from ledger_tools.ledger.dates import format_cn_date
from ledger_tools.ledger.model import Ledger, Measure, Problem, column_reader
from ledger_tools.ledger.status import closed_statuses, closure_rate_text

# Key used for a status the ledger does not give (empty or not recognised; only with --force).
UNKNOWN_STATUS = "状态未填"
UNKNOWN_STATUS_MARK = "【整改状态未填或无法识别】"
UNFILLED = "（未填）"
COLOURS = ("红色", "黄色", "绿色")
GROUPINGS = ("方面", "责任部门", "责任领导", "整改状态", "单位")
# Several names in one cell ("办公室、财务科") count for each of them. A separator inside
# brackets is part of a name: "陈志远（党组书记、局长）" is one leader. The first lookahead skips
# a separator followed by a closing bracket before any opening one (inside brackets); the
# second keeps "王某 (副局长)" whole (a space before a bracket).
_NAME_SPLIT = lazy(r"[、，,；;/／\s]+(?![^（(）)]*[）)])(?![（(])")


def long_term_counts(ledger: Ledger) -> bool:
    """基本信息 长期坚持计入办结: anything but “否” (default 是) counts 长期坚持 as 办结. A 汇总台账
    whose units differ on it (``units_not_counting``) counts it for all but those units."""
    if units_not_counting(ledger):
        return True
    return str(ledger.info.get("长期坚持计入办结") or "是").strip() != "否"


def units_not_counting(ledger: Ledger) -> frozenset[str]:
    """The units of a 汇总台账 whose own ledger counts 长期坚持 as not 办结, when the units
    differ on it (基本信息 “长期坚持不计入办结的单位”, which merge writes): their problems
    are counted as they count them, the other units' as theirs. Empty for any other ledger."""
    return frozenset(ledger.info.get(C.NOT_COUNTED_LABEL) or ())


# The 长期坚持 problems of the units ``units_not_counting`` (not among the 办结: the statistics
# sentence names them on their own)
NOT_COUNTED_ONGOING = "长期坚持不计入办结数"
# 办结 in a unit of a 汇总台账 that counts 长期坚持 as not closed (``units_not_counting``)
_OWN_CLOSED = closed_statuses(False)


def _unit_of(m: Measure) -> str:
    return m.get("单位") or UNFILLED


def _closing(m: Measure, closed: tuple[str, ...], own: Collection[str]) -> tuple[str, ...]:
    """The statuses that are 办结 for measure ``m``: ``_OWN_CLOSED`` when its unit is one of
    ``own`` (``units_not_counting``), else ``closed``."""
    return _OWN_CLOSED if own and _unit_of(m) in own else closed


def _closed(p: Problem, closed: tuple[str, ...], own: Collection[str]) -> bool:
    """Whether problem ``p`` is 办结 (``_closing`` of its unit)."""
    return p.status in _closing(p.measures[0], closed, own)


# 办结率 as printed: one formatter for the statistics, the context and the CLI.
rate_text = closure_rate_text


def money_text(amount: float) -> str:
    """元 up to 10,000 ("12,300元", "9,800.5元"), above it 万元 with two decimals ("1.23万元")."""
    value = Decimal(str(amount))
    if value > 10000:
        return f"{(value / 10000).quantize(Decimal('0.01'), ROUND_HALF_UP):f}万元"
    value = value.quantize(Decimal("0.01"), ROUND_HALF_UP)
    if value == value.to_integral_value():
        return f"{int(value):,}元"
    return f"{value:,.2f}".rstrip("0").rstrip(".") + "元"


def warning_colour(m: Measure, as_of: dt.date, closed: tuple[str, ...]) -> str | None:
    """红色 (due date passed, not 办结), 黄色 (due within 10 days), 绿色 (within 20), or None.

    The one rule behind ``check``'s warnings and every count of them (README “校验规则”). A measure
    whose status is empty or cannot be read gets no colour: ``check`` reports its status as an
    error instead, and the statistics mark the warning counts as uncertain (``存疑``)."""
    if m.status is None or m.status in closed or m.deadline is None or m.deadline.due is None:
        return None
    days_left = (m.deadline.due - as_of).days
    if days_left < 0:
        return "红色"
    if days_left <= C.WARN_YELLOW_DAYS:
        return "黄色"
    if days_left <= C.WARN_GREEN_DAYS:
        return "绿色"
    return None


def colour_counts(
    measures: Iterable[Measure],
    as_of: dt.date,
    closed: tuple[str, ...],
    own: Collection[str] = (),
) -> Counter[str]:
    """Warnings per colour, one per Excel row: the measures split from one cell share its
    deadline and status, and ``check`` gives that cell one warning. The measures of the units
    ``own`` (``units_not_counting``) are not closed when 长期坚持, as their ledgers count."""
    if own:
        measures = list(measures)
        mine = [m for m in measures if _unit_of(m) in own]
        if mine:
            others = [m for m in measures if _unit_of(m) not in own]
            return colour_counts(others, as_of, closed) + colour_counts(mine, as_of, _OWN_CLOSED)
    seen: set[object] = set()
    counts: Counter[str] = Counter()
    for m in measures:
        # (sheet, row) in a ledger kept in several sheets (Measure.sheet); the row alone on
        # the first sheet, the common case, which builds no tuple per measure
        at = m.row if m.sheet is None else (m.sheet, m.row)
        if at in seen:
            continue
        seen.add(at)
        colour = warning_colour(m, as_of, closed)
        if colour:
            counts[colour] += 1
    return counts


def compute_stats(
    ledger: Ledger, as_of: dt.date | None = None, *, groups: bool = True
) -> dict[str, Any]:
    """Every figure of the ledger, with Chinese keys (the ``统计`` of the template context).

    The one computation of the figures: ``check`` prints its totals, ``stats`` prints it, the
    documents and the Excel buttons quote it. Problem counts per status (已完成, 长期坚持,
    基本完成, 正在推进, 未启动 and 状态未填), 办结数 and 办结率 (README “整改状态”, honouring
    长期坚持计入办结), measure counts per status (措施状态), the sums 清退资金/问责人次/建立制度
    (each number counted once: for its Excel row or merged range, not for every measure split
    from it), the three-colour warnings relative to ``as_of`` (default today; one per row), the
    figures that depend on a cell that cannot be read (存疑: figure → why), the statistics
    sentence (统计句, with those figures in 【】) and groupings 按方面, 按责任部门, 按责任领导,
    按整改状态 (``groups=False`` leaves the groupings out: ``check`` prints only the totals).
    """
    as_of = as_of or dt.date.today()
    counted = long_term_counts(ledger)
    closed = closed_statuses(counted)
    own = units_not_counting(ledger)
    problems = ledger.problems
    by_status = Counter(p.status or UNKNOWN_STATUS for p in problems)
    n_closed = sum(1 for p in problems if _closed(p, closed, own))
    sums, bad = _sums(ledger.measures)
    bad = _with_formulas_without_value(ledger, bad)
    colours = colour_counts(ledger.measures, as_of, closed, own)
    stats: dict[str, Any] = {
        "截至日期": format_cn_date(as_of),
        "方面数": len(ledger.aspects),
        "问题数": len(problems),
        "措施数": len(ledger.measures),
        "办结数": n_closed,
        "办结率": rate_text(n_closed, len(problems)),
        "办结率数值": round(n_closed / len(problems), 4) if problems else 0.0,
        "长期坚持计入办结": "是" if counted else "否",
        **{s: by_status.get(s, 0) for s in C.STATUSES},
        UNKNOWN_STATUS: by_status.get(UNKNOWN_STATUS, 0),
        "措施状态": _measure_status_counts(ledger.measures),
        **sums,
        "数值无法识别": sum(bad.values()),
        "预警": {c: colours.get(c, 0) for c in COLOURS},
    }
    if own:  # a 汇总台账 whose units differ: which units, and their 长期坚持 problems
        stats[C.NOT_COUNTED_LABEL] = sorted(own)
        stats[NOT_COUNTED_ONGOING] = sum(
            1 for p in problems if p.status == C.STATUS_ONGOING and not _closed(p, closed, own)
        )
    stats["存疑"] = uncertain_figures(ledger, stats, bad)
    stats["显示"] = shown_figures(stats)
    supervisor = str(ledger.info.get("监督机构") or "").strip() or "【监督机构未填】"
    stats["统计句"] = stats_sentence(stats, supervisor)
    if not groups:
        return stats
    stats["按方面"] = [
        _aspect_row(a.title, a.problems, as_of, closed, own=own) for a in ledger.aspects
    ]
    stats["按责任部门"] = _measure_groups(
        ledger.measures, "责任部门", _departments, as_of, closed, own
    )
    stats["按责任领导"] = _measure_groups(ledger.measures, "责任领导", _leaders, as_of, closed, own)
    stats["按整改状态"] = _status_groups(problems)
    stats["按单位"] = _unit_groups(problems, as_of, closed, own)
    return stats


def unit_groups(
    ledger: Ledger, as_of: dt.date, not_counting: Collection[str] = ()
) -> list[dict[str, Any]]:
    """``按单位`` of ``compute_stats`` alone; the units named in ``not_counting`` (or in the
    ledger's ``units_not_counting``) count 长期坚持 as not 办结, as their own ledgers do."""
    own = units_not_counting(ledger) | frozenset(not_counting)
    closed = closed_statuses(long_term_counts(ledger) or bool(own))
    return _unit_groups(ledger.problems, as_of, closed, own)


def _unit_groups(
    problems: list[Problem], as_of: dt.date, closed: tuple[str, ...], own: Collection[str] = ()
) -> list[dict[str, Any]]:
    """By 单位 (the 全部措施 of a merge): like 方面, 办结 counts problems (each is one unit's)."""
    units: dict[str, list[Problem]] = {}
    for p in problems:
        units.setdefault(_unit_of(p.measures[0]), []).append(p)
    return [_aspect_row(name, ps, as_of, closed, key="单位", own=own) for name, ps in units.items()]


SUM_COLUMNS = ("清退资金", "问责人次", "建立制度")
WHOLE_COLUMNS = ("问责人次", "建立制度")  # counts: 2.5 人次 is not a count (check's bad-number)


def _sums(measures: list[Measure]) -> tuple[dict[str, Any], dict[str, int]]:
    """The sums, each number once (``Measure.copies`` are the repeats), and per column how many
    cells could not be read as a number (not summed)."""
    totals = dict.fromkeys(SUM_COLUMNS, 0.0)
    bad = dict.fromkeys(SUM_COLUMNS, 0)
    column = column_reader(measures)
    for name in SUM_COLUMNS:
        for m, raw in zip(measures, column(name), strict=True):
            if raw is None or name in m.copies:
                continue
            try:
                value = parse_number(raw)
            except ValueError:
                bad[name] += 1
                continue
            if value is None:
                continue
            if value < 0 or (name in WHOLE_COLUMNS and not value.is_integer()):
                bad[name] += 1  # check's bad-number: not summed, the sum in doubt
                continue
            totals[name] += value
    out: dict[str, Any] = {
        "清退资金": round(float(totals["清退资金"]), 2),
        "问责人次": int(totals["问责人次"]),
        "建立制度": int(totals["建立制度"]),
    }
    return out, bad


def _with_formulas_without_value(ledger: Ledger, bad: dict[str, int]) -> dict[str, int]:
    """``bad`` with the formulas of the sum columns that have no saved value (``check``'s
    formula-no-value): read as empty, they are still amounts the sum does not have."""
    unread = Counter(f.field for f in ledger.notes if f.rule == FORMULA_NO_VALUE and f.field in bad)
    if not unread:
        return bad
    return {name: n + unread[name] for name, n in bad.items()}


FORMULA_NO_VALUE = "formula-no-value"  # (normalise's finding of a formula without a value)


def _unsaved_deadlines(ledger: Ledger) -> set[tuple[str | None, int]]:
    """The rows (``Measure.place``) whose 整改时限 is a formula without a saved value: read as
    empty, they have no warning that ``check`` could give."""
    rows = {
        (f.sheet, f.row)
        for f in ledger.notes
        if f.rule == FORMULA_NO_VALUE and f.field in ("整改时限", "整改状态")
    }
    if not rows:
        return set()
    first = ledger.origin.sheet
    return {m.place for m in ledger.measures if (m.sheet or first, m.row) in rows}


SHOWN = ("方面数", "问题数", "措施数", "办结数", "办结率", *C.STATUSES, "问责人次", "建立制度")


def shown_figures(stats: dict[str, Any]) -> dict[str, str]:
    """Each headline figure as a document prints it: the number, or the number in 【】 when it
    depends on a cell that cannot be read (templates: ``{{ 统计.显示.问题数 }}``)."""
    out = {key: _marked(stats, key) for key in SHOWN}
    out["清退资金"] = _marked(stats, "清退资金", money_text(stats["清退资金"]))
    return out


def uncertain_figures(ledger: Ledger, stats: dict[str, Any], bad: dict[str, int]) -> dict[str, str]:
    """The figures that depend on a cell that cannot be read, and why: only reachable with
    ``--force`` in documents (``check`` reports each cell as an error). Empty when every
    figure is certain."""
    out: dict[str, str] = {}
    unknown = stats[UNKNOWN_STATUS]
    if unknown:
        why = f"{unknown}项问题的整改状态未填或无法识别"
        for key in ("办结数", "办结率", *C.STATUSES):
            out[key] = why
    for name, n in bad.items():
        if n:
            out[name] = f"{n}处{C.header_label(name)}无法识别，未计入合计"
    errors = {col for _, col in ledger.error_cells}
    untitled = any(p.title.startswith("【问题未填") for p in ledger.problems)
    if "问题" in ledger.origin.columns and not untitled:
        # A row whose 问题 is empty was taken as a row of the problem above: a guess.
        untitled = any(m.values.get("问题") is None for m in ledger.measures)
    if untitled or errors & {"序号", "问题"}:
        out["问题数"] = "有问题名称或序号未填、无法识别的行，问题数可能不准"
    missing = any(a.title.startswith("【方面未填") for a in ledger.aspects) or "方面" in errors
    if missing and not no_aspects(ledger):  # (no 方面 at all: none is counted, none doubted)
        out["方面数"] = "有方面未填或无法识别的行，方面数可能不准"
    undated = {
        m.place
        for m in ledger.measures
        if m.status is None or (m.deadline is not None and m.deadline.kind == "invalid")
    } | _unsaved_deadlines(ledger)
    if undated:
        out["预警"] = f"{len(undated)}行的整改状态或整改时限无法识别，未计入预警"
    return out


def no_aspects(ledger: Ledger) -> bool:
    """Whether no row of ``ledger`` names a 方面 (no 方面 column, or an empty one): its one
    方面 is "【方面未填】". The documents then have no 方面 heading, and the statistics
    sentence counts no 方面, rather than a doubtful "【1】个方面"."""
    return len(ledger.aspects) == 1 and ledger.aspects[0].title.startswith("【方面未填")


def counts_aspects(stats: dict[str, Any]) -> bool:
    """Whether the text names the number of 方面: not for one ("反馈的1个方面2项问题" reads as a
    form filled in; a ledger where no row names a 方面 has one group, "【方面未填】") nor for
    none, unless that figure is doubtful. check, stats and the documents all ask this."""
    return stats.get("方面数", 0) > 1 or "方面数" in stats.get("存疑", {})


def _aspects_text(stats: dict[str, Any]) -> str:
    """ "方面 3 个，" or nothing (see counts_aspects)."""
    return f"方面 {_marked(stats, '方面数')} 个，" if counts_aspects(stats) else ""


def _measure_status_counts(measures: list[Measure]) -> dict[str, int]:
    counts = Counter(m.status or UNKNOWN_STATUS for m in measures)
    out = {s: counts.get(s, 0) for s in C.STATUSES}
    out[UNKNOWN_STATUS] = counts.get(UNKNOWN_STATUS, 0)
    return out


def _marked(stats: dict[str, Any], key: str, shown: Any = None) -> str:
    """A figure as printed: in 【】 when it depends on a cell that cannot be read."""
    text = str(stats[key] if shown is None else shown)
    return f"【{text}】" if key in stats.get("存疑", {}) else text


def stats_sentence(stats: dict[str, Any], supervisor: str) -> str:
    """The statistics sentence (README “文字怎样生成”), true in every case.

    "对照区委第一巡察组反馈的3个方面16项问题，细化整改措施58条。截至2024年5月10日，已整改到位
    14项（其中3项需长期坚持），基本完成1项，正在推进1项，办结率87.5%。共清退资金1.23万元，约谈问责
    21人次，建立完善制度21项。" Statuses and sums that are zero are left out (no problem closed
    reads "尚无问题整改到位", not "已整改到位0项", and no 办结率 of 0% follows). When 长期坚持 does not
    count as 办结, "已整改到位" counts only 已完成 and 长期坚持 is named on its own, so that the
    figures add up to the 办结率 printed next to them. A figure that depends on a cell that
    cannot be read (``存疑``, only with --force) is printed in 【】 and the sentence ends with
    a 【】 note saying why.
    """
    m = functools.partial(_marked, stats)
    aspects = f"{m('方面数')}个方面" if counts_aspects(stats) else ""
    head = f"对照{supervisor}反馈的{aspects}{m('问题数')}项问题，细化整改措施{m('措施数')}条。"
    # 长期坚持 counted as 办结 is said inside "已整改到位", the rest on its own ("长期坚持整改2项"):
    # the figures add up to the 办结率 printed next to them (in a 汇总台账 whose units differ,
    # each unit's 长期坚持 as its ledger counts it)
    if stats["长期坚持计入办结"] == "是":
        apart = stats.get(NOT_COUNTED_ONGOING, 0)
        ongoing = stats[C.STATUS_ONGOING] - apart
    else:
        ongoing, apart = 0, stats[C.STATUS_ONGOING]
    doubtful = stats.get("存疑", {})
    done = _done_clause(stats["办结数"], m("办结数"), "办结数" in doubtful)
    if ongoing and ongoing == stats["办结数"] and not doubtful:
        # "已整改到位1项（其中1项需长期坚持）" says one figure twice
        done += "（均需长期坚持）" if ongoing > 1 else "（需长期坚持）"
    elif ongoing:
        done += f"（其中{_marked(stats, C.STATUS_ONGOING, ongoing)}项需长期坚持）"
    parts = [done]
    if apart:
        parts.append(f"长期坚持整改{_marked(stats, C.STATUS_ONGOING, apart)}项")
    for status, label in (
        (C.STATUS_MOSTLY_DONE, "基本完成"),
        (C.STATUS_IN_PROGRESS, "正在推进"),
        (C.STATUS_NOT_STARTED, "尚未启动"),
        (UNKNOWN_STATUS, UNKNOWN_STATUS_MARK),
    ):
        if stats[status]:
            parts.append(f"{label}{m(status)}项")
    if (same := _all_in_one_status(stats)) is not None:
        parts = [same]  # not "尚无问题整改到位，尚未启动6项": one state, said once
    if stats["办结数"] or {"办结数", "办结率"} & doubtful.keys():
        # nothing closed is said by the clause before it: "尚无问题整改到位，正在推进9项，
        # 尚未启动4项" or "上述问题均尚未启动整改", not again ", 办结率0%"
        parts.append(f"办结率{m('办结率')}")
    body = f"截至{stats['截至日期']}，" + "，".join(parts) + "。"
    return head + body + _sums_sentence(stats) + _uncertain_note(stats)


# Every problem in one open status: how a report says it ("上述问题均尚未启动整改").
_ALL_IN = {
    C.STATUS_NOT_STARTED: "上述问题均尚未启动整改",
    C.STATUS_IN_PROGRESS: "上述问题均正在推进",
    C.STATUS_MOSTLY_DONE: "上述问题均已基本完成",
}


def _all_in_one_status(stats: dict[str, Any]) -> str | None:
    """The clause for a ledger whose problems are all in one open status (none closed, no
    figure in doubt), else None."""
    if stats.get("存疑") or not stats["问题数"]:
        return None
    said = next((t for s, t in _ALL_IN.items() if stats[s] == stats["问题数"]), None)
    if said is not None and stats["问题数"] == 1:
        return said.replace("上述问题均", "该问题")  # (not "均" of one)
    return said


def _done_clause(count: int, shown: str, doubtful: bool) -> str:
    """ "已整改到位7项", or, with none (and no doubt about it), "尚无问题整改到位": a report
    does not write "已整改到位0项"."""
    if count or doubtful:
        return f"已整改到位{shown}项"
    return "尚无问题整改到位"


def _sums_sentence(stats: dict[str, Any]) -> str:
    m = functools.partial(_marked, stats)
    items = []
    if stats["清退资金"] > 0 or "清退资金" in stats.get("存疑", {}):
        items.append(f"清退资金{m('清退资金', money_text(stats['清退资金']))}")
    if stats["问责人次"] > 0 or "问责人次" in stats.get("存疑", {}):
        items.append(f"约谈问责{m('问责人次')}人次")
    if stats["建立制度"] > 0 or "建立制度" in stats.get("存疑", {}):
        items.append(f"建立完善制度{m('建立制度')}项")
    return "共" + "，".join(items) + "。" if items else ""


def _uncertain_note(stats: dict[str, Any]) -> str:
    reasons = list(dict.fromkeys(stats.get("存疑", {}).values()))
    if not reasons:
        return ""
    return f"【带【】的数字存疑：{'；'.join(reasons)}。请核实台账后重新生成】"


def _aspect_row(
    title: str,
    problems: list[Problem],
    as_of: dt.date,
    closed: tuple[str, ...],
    key: str = "方面",
    own: Collection[str] = (),
) -> dict[str, Any]:
    """One 方面: problem counts (办结 is per problem) and the warnings of its measures."""
    measures = [m for p in problems for m in p.measures]
    statuses = Counter(p.status or UNKNOWN_STATUS for p in problems)
    n_closed = sum(1 for p in problems if _closed(p, closed, own))
    colours = colour_counts(measures, as_of, closed, own)
    return {
        key: title,
        "问题数": len(problems),
        "措施数": len(measures),
        "办结数": n_closed,
        "办结率": rate_text(n_closed, len(problems)),
        **{s: statuses.get(s, 0) for s in (*C.STATUSES, UNKNOWN_STATUS)},
        **{c: colours.get(c, 0) for c in COLOURS},
    }


def _split_names(value: Any) -> list[str]:
    return list(_split_text(str(value or "")))


# The same few department and leader cells repeat down a ledger: each is split once.
@functools.lru_cache(maxsize=4096)
def _split_text(value: str) -> tuple[str, ...]:
    names = [n.strip() for n in _NAME_SPLIT.split(value.strip()) if n.strip()]
    return tuple(names) or (UNFILLED,)


def _departments(m: Measure) -> list[str]:
    return _split_names(m.values.get("责任部门") or m.values.get("牵头部门"))


def _leaders(m: Measure) -> list[str]:
    return _split_names(m.values.get("责任领导"))


def _measure_groups(
    measures: Iterable[Measure],
    key: str,
    names_of: Callable[[Measure], list[str]],
    as_of: dt.date,
    closed: tuple[str, ...],
    own: Collection[str] = (),
) -> list[dict[str, Any]]:
    """Groups by a measure attribute (责任部门, 责任领导): here 办结 counts measures, since a
    problem is usually shared by several departments. 问题数 counts the problems touched."""
    groups: dict[str, list[Measure]] = {}
    for m in measures:
        for name in dict.fromkeys(names_of(m)):
            groups.setdefault(name, []).append(m)
    rows = []
    for name, items in groups.items():
        statuses = Counter(m.status or UNKNOWN_STATUS for m in items)
        n_closed = sum(1 for m in items if m.status in _closing(m, closed, own))
        colours = colour_counts(items, as_of, closed, own)
        rows.append(
            {
                key: name,
                "问题数": len({(m.values.get("方面"), m.values.get("问题")) for m in items}),
                "措施数": len(items),
                "办结数": n_closed,
                "办结率": rate_text(n_closed, len(items)),
                "口径": "措施",
                **{s: statuses.get(s, 0) for s in (*C.STATUSES, UNKNOWN_STATUS)},
                **{c: colours.get(c, 0) for c in COLOURS},
            }
        )
    return rows


def _status_groups(problems: list[Problem]) -> list[dict[str, Any]]:
    rows = []
    for status in (*C.STATUSES, UNKNOWN_STATUS):
        chosen = [p for p in problems if (p.status or UNKNOWN_STATUS) == status]
        if status == UNKNOWN_STATUS and not chosen:
            continue
        rows.append(
            {
                "整改状态": status,
                "问题数": len(chosen),
                "措施数": sum(len(p.measures) for p in chosen),
            }
        )
    return rows


# ---------------------------------------------------------------------------------------------
# Text output of ``ledger-tools stats``.


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    from ledger_tools.output import one_line

    cells = [[one_line(str(c)) for c in r] for r in [headers, *rows]]  # (widths as printed)
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]

    def line(r: list[str]) -> str:
        out = []
        for i, c in enumerate(r):
            pad = " " * (widths[i] - _width(c))
            out.append(c + pad if i == 0 else pad + c)  # names left, numbers right
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(cells[0]), rule, *(line(r) for r in cells[1:])]


def format_stats_text(stats: dict[str, Any], by: str | None = None) -> str:
    """A readable Chinese summary, then the table for ``by`` (方面 by default; 责任部门,
    责任领导, 整改状态, or 单位 for a merge's 汇总台账)."""
    by = by or "方面"
    if by not in GROUPINGS:
        raise ValueError(f"不支持按“{by}”统计，可选：{'、'.join(GROUPINGS)}")
    statuses = "，".join(f"{s} {stats[s]}" for s in C.STATUSES)
    if stats[UNKNOWN_STATUS]:
        statuses += f"，{UNKNOWN_STATUS} {stats[UNKNOWN_STATUS]}"
    ms = stats["措施状态"]
    measure_statuses = "，".join(f"{s} {ms[s]}" for s in ms if ms[s] or s != UNKNOWN_STATUS)
    warn = stats["预警"]
    note = "计入" if stats["长期坚持计入办结"] == "是" else "不计入"
    if units := stats.get(C.NOT_COUNTED_LABEL):
        note += f"，{'、'.join(units)}按本单位台账不计入"
    lines = [
        f"整改台账统计（截至{stats['截至日期']}）",
        f"{_aspects_text(stats)}问题 {stats['问题数']} 项，措施 {stats['措施数']} 条",
        f"问题办结 {stats['办结数']} 项，办结率 {stats['办结率']}（长期坚持{note}办结）",
        f"问题状态：{statuses}",
        f"措施状态：{measure_statuses}",
        f"清退资金 {money_text(stats['清退资金'])}，问责 {stats['问责人次']} 人次，"
        f"建立制度 {stats['建立制度']} 项",
        f"预警（未办结的措施，按台账行计）：红色（已超期）{warn['红色']} 项，"
        f"黄色（10天内到期）{warn['黄色']} 项，绿色（20天内到期）{warn['绿色']} 项",
    ]
    if stats["数值无法识别"]:
        lines.append(f"注意：有 {stats['数值无法识别']} 处数值无法识别，未计入合计。")
    for figure, why in stats.get("存疑", {}).items():
        if figure in ("办结数", "问题数", "方面数", "预警", "清退资金", "问责人次", "建立制度"):
            lines.append(f"存疑：{figure}——{why}。")
    lines += ["", f"统计句：{stats['统计句']}", "", f"按{by}统计："]
    lines += _group_table(stats, by)
    return "\n".join(lines)


def _group_table(stats: dict[str, Any], by: str) -> list[str]:
    if by == "整改状态":
        rows = [[r["整改状态"], r["问题数"], r["措施数"]] for r in stats["按整改状态"]]
        return _table(["整改状态", "问题数", "措施数"], rows)
    key = "按" + by  # 按方面, 按责任部门, 按责任领导, 按单位
    unit = "问题" if by in ("方面", "单位") else "措施"
    headers = [by, "问题数", "措施数", f"办结{unit}", "办结率", *COLOURS]
    # a unit of a 汇总台账 that sent no measures yet: no 办结率 (not 0%, as if nothing closed)
    rows = [
        [
            r[by], r["问题数"], r["措施数"], r["办结数"],
            r["办结率"] if r["措施数"] else "无措施", *(r[c] for c in COLOURS),
        ]
        for r in stats[key][:GROUPS_LISTED]
    ]  # fmt: skip
    table = _table(headers, rows)
    if len(stats[key]) > GROUPS_LISTED:  # (a column read as another: a group a row)
        table.append(
            f"……另有 {len(stats[key]) - GROUPS_LISTED:,} 个{by}没有在此列出（共 {len(stats[key]):,} 个），"
            "加 --format json 查看全部。"
        )
    return table


# Groups the terminal table lists (--by 方面/责任部门/…): a 方面 or 责任部门 column read as
# another holds a different value in every row, and a 200,000-row ledger printed 200,000 lines.
GROUPS_LISTED = 1_000
