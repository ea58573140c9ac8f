"""Validation: the row rules are polars expressions (``RowCheck``), declared as a pandera schema
(``measure_schema``, ``columns_schema``) and run as one polars ``select`` (``measure_failures``):
pandera's fixed cost per validation and its import (with numpy) were most of the time of
checking a small ledger, so it declares the rules and the tests prove both give the same
failures. A reporter turns the failures into Chinese findings that point at cells.

The catalogue ``RULES`` is the one list of rule ids, severities and titles: the reporter, the
JSON output, the README and the marked workbook read it. pandera's own text is never shown.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import functools
import itertools
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ledger_tools.lazyre import lazy
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import convert_distinct, parse_number
from ledger_tools.ledger.dates import finished_form, format_cn_date
from ledger_tools.ledger.findings import ERROR, NOTE, WARNING, Finding, Report
from ledger_tools.ledger.model import Deadline, Ledger, Measure, column_reader
from ledger_tools.ledger.stats import long_term_counts
from ledger_tools.ledger.status import (
    COLOUR_WORD,
    LAGGING,
    box_options,
    closed_statuses,
    suggest_status,
)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    title: str  # short Chinese name, for the 校验结果 sheet and the README


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("missing-column", ERROR, "缺少必需的列"),
        Rule("required-cell", ERROR, "必填单元格为空"),
        Rule("unknown-status", ERROR, "整改状态不是规定的值"),
        Rule("bad-deadline", ERROR, "整改时限无法识别"),
        Rule("bad-finish-date", ERROR, "完成时间无法识别"),
        Rule("finished-without-date", ERROR, "已完成但未填完成时间"),
        Rule("finished-in-future", ERROR, "完成时间晚于检查日期"),
        Rule("finished-before-feedback", ERROR, "完成时间早于反馈日期"),
        Rule("aspect-conflict", ERROR, "同一问题归入不同方面"),
        Rule("number-conflict", ERROR, "同一序号对应不同问题"),
        Rule("bad-number", ERROR, "数值列不是非负数"),
        Rule("formula-no-value", ERROR, "公式没有计算结果"),
        Rule("formula-error", ERROR, "公式出错（#DIV/0!、#REF! 等）"),
        Rule("info-missing", ERROR, "基本信息缺项"),
        Rule("summary-mismatch", ERROR, "汇总台账的“汇总”表与“全部措施”不符"),
        Rule("summary-unit", ERROR, "汇总台账的“汇总”表与“全部措施”的单位对不上"),
        Rule("overdue-red", WARNING, "红色预警：已超期未办结"),
        Rule("overdue-no-reason", WARNING, "超期未填延期说明"),
        Rule("due-yellow", WARNING, "黄色预警：10天内到期"),
        Rule("due-green", WARNING, "绿色预警：20天内到期"),
        Rule("late-completion", WARNING, "逾期完成"),
        Rule("marked-lagging", WARNING, "台账标注进度滞后"),
        Rule("stage-left-blank", WARNING, "前一阶段已完成，后一阶段未填"),
        Rule("open-with-finish-date", WARNING, "未办结但填了完成时间"),
        Rule("no-progress", WARNING, "已完成但未填整改进展及成效"),
        Rule("no-evidence", WARNING, "已完成但未填佐证材料"),
        Rule("no-person", WARNING, "责任人为空"),
        Rule("measure-run-on", WARNING, "整改措施像是一句话分在两行"),
        Rule("example-text", WARNING, "示例文字尚未修改"),
        Rule("info-bad-date", WARNING, "基本信息中的日期无法识别"),
        Rule("text-figure", WARNING, "文稿段落中的问题数、措施数与台账不符"),
        Rule("unmapped-column", WARNING, "无法识别的列"),
        Rule("duplicate-column", WARNING, "重复的列"),
        Rule("hidden-rows", WARNING, "有隐藏行"),
        Rule("other-ledger-sheet", WARNING, "其他工作表也像台账，未读取"),
        Rule("ledger-sheet-copy", WARNING, "“整改台账”的副本未读取"),
        Rule("stray-cells", WARNING, "表格外的零散单元格未读取"),
        Rule("live-formula", WARNING, "公式引用外部工作簿或程序"),
        Rule("no-data", WARNING, "台账尚无数据"),
        Rule("hidden-columns", NOTE, "有隐藏列"),
        Rule("unused-column", NOTE, "本工具不使用的常见列（配合单位、问题金额等）"),
        Rule("immediate-undated", NOTE, "立行立改推算不出截止日期，未计入预警"),
        Rule("assumed-year", NOTE, "整改时限未写年份，已推定"),
        Rule("short-year", NOTE, "年份只写了两位，已按20xx年读"),
    )
}

WARNING_COLOURS = {"overdue-red": "红色", "due-yellow": "黄色", "due-green": "绿色"}

_TEXT_KIND_COLUMNS = tuple(c.name for c in C.COLUMNS if c.kind == "text")


def validate(ledger: Ledger, today: dt.date | None = None) -> Report:
    """Check ``ledger`` against every rule; ``today`` is the check date (default: today)."""
    return validate_many([ledger], today)[0]


def validate_many(ledgers: Sequence[Ledger], today: dt.date | None = None) -> list[Report]:
    """``validate`` of each ledger, the same reports; the row rules of ledgers read with the
    same columns are evaluated in one polars query over all their rows (a query's fixed cost,
    ~3 ms, is most of the time of checking a ledger of a hundred measures: a merge of hundreds
    of units pays it once per batch, not once per unit)."""
    from ledger_tools.ledger.normalise import gc_paused

    today = today or dt.date.today()
    with gc_paused():
        failures = _failures_of_many(ledgers, today)
        return [
            _validate(ledger, today, failed)
            for ledger, failed in zip(ledgers, failures, strict=True)
        ]


BATCH_ROWS = 50_000  # rows of one query of ``validate_many`` at most (its frame's memory)


def _failures_of_many(
    ledgers: Sequence[Ledger], today: dt.date
) -> list[list[tuple[str, str, int]]]:
    """``measure_failures`` of each ledger's rule frame, the ledgers with the same rules (the
    same columns read) in batches of one query each."""
    out: list[list[tuple[str, str, int]]] = [[] for _ in ledgers]
    groups: dict[int, tuple[RowRules, list[int]]] = {}
    for i, ledger in enumerate(ledgers):
        if ledger.measures:
            rules = _rules_for(ledger, today)  # cached: one object per set of columns
            groups.setdefault(id(rules), (rules, []))[1].append(i)
    for rules, members in groups.values():
        for batch in _batches(members, [len(ledgers[i].measures) for i in members]):
            sizes = [len(ledgers[i].measures) for i in batch]
            starts = list(itertools.accumulate(sizes, initial=0))
            failed = measure_failures(rules_frame([ledgers[i] for i in batch], today), rules)
            for rule, column, row in failed:  # check by check, rows ascending: kept per ledger
                k = bisect.bisect_right(starts, row) - 1
                out[batch[k]].append((rule, column, row - starts[k]))
    return out


def _batches(members: list[int], sizes: list[int]) -> Iterator[list[int]]:
    batch: list[int] = []
    rows = 0
    for i, n in zip(members, sizes, strict=True):
        if batch and rows + n > BATCH_ROWS:
            yield batch
            batch, rows = [], 0
        batch.append(i)
        rows += n
    if batch:
        yield batch


def _validate(ledger: Ledger, today: dt.date, failures: list[tuple[str, str, int]]) -> Report:
    findings = list(ledger.notes)
    findings += _check_columns(ledger)
    if ledger.measures:
        findings += _check_measures(ledger, today, failures)
    else:
        findings.append(
            Finding(
                "no-data",
                WARNING,
                f"工作表“{ledger.origin.sheet}”的表头下面还没有任何措施行。请逐条填写整改措施后再校验。",
                ledger.origin.sheet,
                ledger.origin.header_row + 1,
                "A",
            )
        )
    findings += _check_texts(ledger)
    findings += _check_info_dates(ledger)
    findings += _check_run_on(ledger)
    return Report(
        path=ledger.origin.path,
        findings=_at_error_cells(ledger, _dedupe(findings)),
        totals=_totals(ledger, today),
        today=today.isoformat(),
        layout=ledger.layout.to_dict() if ledger.layout is not None else {},
        merged={ledger.origin.sheet: ledger.merged, **ledger.sheet_merged},
    )


def check_info_fields(ledger: Ledger, document: str) -> list[Finding]:
    """The 基本信息 fields that ``document`` (plan/report/notice) needs and that are empty."""
    if not ledger.has_info_sheet:
        # One finding, not one per field: every field is "missing" for the same reason.
        needed = "、".join(f.name for f in C.INFO_FIELDS if document in f.needed_by)
        return [
            Finding(
                "info-missing",
                ERROR,
                f"台账中没有“{C.SHEET_INFO}”工作表：生成文稿需要 {needed}。"
                "请用 ledger-tools new 生成一本标准台账，把其中的“基本信息”表复制到本台账并填写"
                "（或新建一张名为“基本信息”的表，A 列写项目名称、B 列写内容）。",
                C.SHEET_INFO,
            )
        ]
    missing = []
    for f in C.INFO_FIELDS:
        if document in f.needed_by and not ledger.info.get(f.name):
            cell = ledger.info_cells.get(f.name, "")
            sheet, _, addr = cell.partition("!")
            where = "" if cell else "（基本信息表中没有这一项，请添加一行）"
            row = int(addr[1:]) if addr[1:].isdigit() else None
            missing.append(
                Finding(
                    "info-missing",
                    ERROR,
                    f"基本信息“{f.name}”未填写{where}：生成文稿需要它（{f.help}）。请补填后重试。",
                    sheet or C.SHEET_INFO,
                    row,
                    "B" if row else "",
                    f.name,
                    None,
                )
            )
    return missing


# ---------------------------------------------------------------------------------------------
# The table pandera validates: one row per measure, every canonical column (null if absent)
# plus the parsed values the rules need.


_EMPTY = Deadline("empty", "")


# The columns whose text the row rules compare (the rest they test only for being empty or
# holding the example mark).
_COMPARED = frozenset(("方面", "问题", "单位"))


def measures_frame(ledger: Ledger, for_rules: bool = False) -> Any:
    """The typed table (polars DataFrame) in ledger order; row ``i`` is ``ledger.measures[i]``.

    ``for_rules``: the long texts the row rules only test for emptiness and the example mark
    (整改措施, 问题表现, 进展 …) are held as ``""`` or the mark itself: the rules give the same
    results and the frame of a 100,000-measure ledger is ~150 MB smaller (a third of the peak
    memory of ``check``). Each column's Python list becomes a polars Series at once and is
    released: all the lists together would set the peak memory of a large ledger."""
    import polars as pl

    dtypes = _frame_schema(pl)
    return pl.DataFrame(
        [
            pl.Series(name, values, dtype=dtypes[name])
            for name, values in _columns(ledger, for_rules)
        ]
    )


def _frame_schema(pl: Any) -> dict[str, Any]:
    schema = {name: pl.Utf8 for name in C.KNOWN_COLUMN_NAMES}
    schema |= {
        "_row": pl.Int64,
        "_part": pl.Int64,
        "_problem": pl.Int64,
        "_status": pl.Utf8,
        "_deadline_kind": pl.Utf8,
        "_due": pl.Date,
        "_finished_kind": pl.Utf8,
        "_finished": pl.Date,
    }
    return schema | {"_num_" + n: pl.Float64 for n in C.NUMERIC_COLUMNS}


def _columns(ledger: Ledger, for_rules: bool) -> Iterator[tuple[str, list[Any]]]:
    """The frame's columns, one list at a time, in the frame's order."""
    ms = ledger.measures
    values_of = column_reader(ms)
    present = ledger.origin.present
    mark = C.EXAMPLE_MARK
    numbers: dict[str, list[Any]] = {}
    for name in C.KNOWN_COLUMN_NAMES:
        kind = C.COLUMN_BY_NAME[name].kind
        if name not in present:
            column: list[Any] = [None] * len(ms)
        elif name in C.NUMERIC_COLUMNS and any(name in m.copies for m in ms):
            # A number belongs to its Excel row (or merged range): the measures split from
            # the row and the rows below the top of a merged range hold no number of their
            # own, so a sum over the column counts each number once.
            column = [
                None if name in m.copies else _text(v)
                for m, v in zip(ms, values_of(name), strict=True)
            ]
        elif kind == "text" and for_rules and name not in _COMPARED:
            column = _emptiness(values_of(name), mark)
        elif kind == "text":  # already text (normalise)
            column = values_of(name)
        else:
            column = _texts(values_of(name))
        if name in C.NUMERIC_COLUMNS:
            numbers[name] = column
        yield name, column
    yield "_row", [m.row for m in ms]
    yield "_part", [m.part for m in ms]
    yield "_problem", [m.problem for m in ms]
    yield "_status", [m.status for m in ms]
    for key, attr in (("_deadline", "deadline"), ("_finished", "finished")):
        parsed = [getattr(m, attr) or _EMPTY for m in ms]
        yield key + "_kind", [d.kind for d in parsed]
        yield ("_due" if key == "_deadline" else key), [d.due for d in parsed]
    for name in C.NUMERIC_COLUMNS:
        # Most numeric cells are empty, the rest repeat: each distinct value is parsed once.
        yield "_num_" + name, convert_distinct(numbers[name], _number)


def _emptiness(values: list[Any], mark: str) -> list[Any]:
    """A long text column as the row rules read it: None (empty), the example mark, or ""."""
    if mark in "\x00".join(filter(None, values)):  # (cleaned text: None, never "")
        return [None if v is None else (mark if mark in v else "") for v in values]
    return list(map({None: None}.get, values, itertools.repeat("")))  # (C speed)


def _texts(values: list[Any]) -> list[Any]:
    """A column's values as text (None stays None); each distinct value converted once."""
    if set(map(type, values)) <= {str, type(None)}:
        return values
    return convert_distinct(values, _text)


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return v if isinstance(v, str) else str(v)


def _number(v: Any) -> float | None:
    """The number a numeric cell holds, None when it holds none (the bad-number rule fires)."""
    try:
        return parse_number(v)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# pandera without pandas. pandera's polars backend does not need pandas, but ``import pandera``
# imports it when it is installed, and so does the first validation (check-backend
# registration): ≈0.45 s of the 1 s budget for checking a small ledger. Where pandas is not
# loaded yet, it is hidden while pandera loads and first validates; pandera is built to run
# without it (its polars-only install), so it takes that path.


class _HidePandas:
    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)


@contextlib.contextmanager
def _without_pandas() -> Iterator[None]:
    if "pandas" in sys.modules:
        yield
        return
    hider = _HidePandas()
    sys.meta_path.insert(0, hider)
    try:
        yield
    finally:
        sys.meta_path.remove(hider)


def _pandera() -> Any:
    with _without_pandas():
        import pandera.polars as pa
    return pa


def pandera_failures(schema: Any, frame: Any) -> list[dict[str, Any]]:
    """Validate with pandera, lazily, and return its failure cases as dicts (empty when valid):
    what the tests compare ``measure_failures`` and ``missing_columns`` with."""
    pa = _pandera()
    try:
        with _without_pandas():
            schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases.to_dicts()
    return []


@dataclass(frozen=True)
class RowCheck:
    """One row rule on one column: ``valid()`` builds the polars expression that is True (or
    null: not applicable) for valid rows."""

    rule: str
    # called with no arguments (``...``: the checks built in a loop bind their column as a
    # lambda's default, ``lambda n=name: …``, which mypy cannot match to ``Callable[[], Any]``)
    valid: Callable[..., Any]


# ---------------------------------------------------------------------------------------------
# Column presence.


def columns_schema() -> Any:
    """The declared pandera schema of the columns a ledger must have (all nullable text);
    ``missing_columns`` applies it without pandera (a test proves they agree): importing
    pandera (with numpy) cost ≈ 0.2 s, most of the start-up of checking a small ledger."""
    import polars as pl

    pa = _pandera()
    return pa.DataFrameSchema(
        {name: pa.Column(pl.Utf8, required=True, nullable=True) for name in C.REQUIRED_COLUMNS}
    )


def missing_columns(present: set[str]) -> list[str]:
    """The required columns not in ``present``, in the schema's order."""
    return [name for name in C.REQUIRED_COLUMNS if name not in present]


def _check_columns(ledger: Ledger) -> list[Finding]:
    present = ledger.origin.present
    if "责任部门" not in present and "牵头部门" in present:
        present.add("责任部门")  # 牵头部门 stands in for it
    found = "、".join(ledger.origin.headers.values()) or "（无）"
    out = []
    for name in missing_columns(present):
        extra = "（或“牵头部门”）" if name == "责任部门" else ""
        out.append(
            Finding(
                "missing-column",
                ERROR,
                f"缺少必需的列“{name}”{extra}。表头（第 {ledger.origin.header_row} 行）中找到的列有：{found}。"
                f"如果其中某列就是“{name}”，请用 --map 原列名={name} 指明；"
                f"如果没有这一列，{_MISSING_HINT.get(name) or _add_column_hint(name)}"
                + (_done_by_date_hint(ledger) if name == "整改状态" else "")
                + (_problem_with_measures_hint(ledger) if name == "问题" else "")
                + _self_examined_hint(ledger, name),
                ledger.origin.sheet,
                ledger.origin.header_row,
                "",
                name,
                None,
            )
        )
    finished = [m for m in ledger.measures if m.status in C.FINISHED_STATUSES]
    if finished and "完成时间" not in present:
        rows = sorted({m.row for m in finished if m.sheet is None})
        others = {(m.sheet, m.row) for m in finished if m.sheet is not None}  # other sheets
        shown = (
            f"第 {'、'.join(map(str, rows[:5]))} 行"
            if rows
            else "工作表“{}”第 {} 行".format(*min(others))
        )
        out.append(
            Finding(
                "finished-without-date",
                ERROR,
                f"台账没有“完成时间”列，但有 {len(rows) + len(others)} 行的整改状态为已完成或长期坚持"
                f"（如{shown}），无法核对完成时间。"
                "请增加一列“完成时间”并填写实际完成日期；如已有这一列但列名不同，"
                "请用 --map 原列名=完成时间 指明。",
                ledger.origin.sheet,
                ledger.origin.header_row,
                "",
                "完成时间",
                None,
            )
        )
    return out


# What to do when a required column is not there at all (not merely named differently).
_MISSING_HINT = {
    "方面": "请增加一列“方面”填写问题所属类别（审计、督查等不分方面的台账可都填同一类别），"
    "或在每组问题上方加一行标题，如“一、财务管理方面”。",
}


def _problem_with_measures_hint(ledger: Ledger) -> str:
    """No 问题 column, but one headed with both (查摆问题及整改措施, 问题和措施): the problem is
    written in the cell before its measures. Cells that label both ("问题：……整改措施：1.……")
    are split by the reader (``normalise.labelled_problem``); the others are not — where the
    problem ends is the clerk's to say — but named, with what to do."""
    for letter, text in ledger.origin.headers.items():
        if C.names_problem_and_measures(text):
            return (
                f"{letter} 列“{text}”把问题和整改措施写在同一格里，没有用“问题：”“措施：”分别标明，"
                "本工具不拆分（按整改措施读，问题记为未填）：请把问题移到单独的一列“问题”，"
                "这一列只留整改措施；或在格中写明“问题：……措施：……”。"
            )
    return ""


def _self_examined_hint(ledger: Ledger, name: str) -> str:
    """No 责任领导 / 责任部门 column in a 查摆问题 list (民主生活会, 组织生活会): a leader's own
    list names no one else; the clerk is told what to fill rather than whom to ask."""
    if name not in ("责任领导", "责任部门") or not any(
        "查摆" in text for text in ledger.origin.headers.values()
    ):
        return ""
    who = "本人姓名（职务）" if name == "责任领导" else "本人所在部门或单位"
    return f"个人查摆问题清单由本人整改的，这一列可都填{who}。"


def _done_by_date_hint(ledger: Ledger) -> str:
    """No 整改状态 column, but a 完成时间 filled in some rows: the clerk may keep the status by
    the date alone. Not decided here (a row without a date may be under way or not begun, and
    a date may be a plan): the rows are named, for the clerk to fill in."""
    if "完成时间" not in ledger.origin.present:
        return ""
    dated = [m.row for m in ledger.measures if m.finished is not None and m.finished.due]
    if not dated:
        return ""
    rows = "、".join(map(str, sorted(set(dated))[:5])) + ("等" if len(set(dated)) > 5 else "")
    return (
        f"台账只在“完成时间”列记了第 {rows} 行的完成日期，本工具不据此认定整改状态"
        "（没有日期的行是正在推进还是未启动无从判断）：请在新增的整改状态列中为这些行填“已完成”，"
        "其余各行填“正在推进”或“未启动”。"
    )


def _add_column_hint(name: str) -> str:
    return f"请增加一列“{C.header_label(name)}”（{C.COLUMN_BY_NAME[name].help}）。"


# ---------------------------------------------------------------------------------------------
# Cell rules.


def _feedback(ledger: Ledger) -> dt.date | None:
    feedback = ledger.info.get("反馈日期")
    return feedback if isinstance(feedback, dt.date) else None


def _measure_checks(ledger: Ledger, today: dt.date) -> dict[str, list[RowCheck]]:
    """The row rules, column by column in the frame's order (only the columns read)."""
    return _rules_for(ledger, today).checks


def _rules_for(ledger: Ledger, today: dt.date) -> RowRules:
    return _row_rules(
        frozenset(ledger.origin.present), ledger.numbered, _feedback(ledger) is not None, today
    )


@dataclass(frozen=True)
class RowRules:
    checks: dict[str, list[RowCheck]]
    keys: list[tuple[str, str]]  # (rule, column) of each check, in order
    failing: list[Any]  # per check, the expression that is True on a failing row


@functools.lru_cache(maxsize=64)
def _row_rules(present: frozenset[str], numbered: bool, feedback: bool, today: dt.date) -> RowRules:
    """The row rules of ledgers with these columns, built once: building the polars
    expressions cost more than evaluating them on a small ledger (a merge of hundreds of
    units checks them all; the 反馈日期 is a column of the frame, not part of the rules)."""
    return compile_rules(_build_checks(present, numbered, feedback, today))


def compile_rules(checks: dict[str, list[RowCheck]]) -> RowRules:
    """The checks with, per check, its failing-row expression (null results pass, as with
    pandera's ``ignore_na``)."""
    pairs = [(c, name) for name, cs in checks.items() for c in cs]
    keys = [(c.rule, name) for c, name in pairs]
    failing = [(~c.valid().fill_null(True)).alias(str(k)) for k, (c, _) in enumerate(pairs)]
    return RowRules(checks, keys, failing)


def _build_checks(
    present: frozenset[str], numbered: bool, feedback: bool, today: dt.date
) -> dict[str, list[RowCheck]]:
    import polars as pl

    col = pl.col
    colour = col("_colour")
    finished_status = col("_status").is_in(list(C.FINISHED_STATUSES)).fill_null(False)

    checks: dict[str, list[RowCheck]] = {name: [] for name in C.KNOWN_COLUMN_NAMES}
    for name in C.REQUIRED_COLUMNS:
        if name == "责任部门":
            if not present & set(C.DEPARTMENT_COLUMNS):
                continue  # no department column at all: one missing-column finding says so
            checks[name].append(
                RowCheck(
                    "required-cell",
                    lambda: col("责任部门").is_not_null() | col("牵头部门").is_not_null(),
                )
            )
        elif name in present:
            checks[name].append(RowCheck("required-cell", lambda n=name: col(n).is_not_null()))
    checks["整改状态"].append(
        RowCheck("unknown-status", lambda: col("整改状态").is_null() | col("_status").is_not_null())
    )
    # 进度滞后, 滞后序时进度: counted as the status it names, and said (the ledger's own mark)
    checks["整改状态"].append(
        RowCheck(
            "marked-lagging",
            lambda: (
                ~(
                    col("整改状态").str.contains(LAGGING)
                    & ~finished_status
                    & col("_status").is_not_null()
                ).fill_null(False)
            ),
        )
    )
    checks["整改时限"] += [
        RowCheck("bad-deadline", lambda: col("_deadline_kind") != "invalid"),
        # The colours come from stats.warning_colour: the one rule behind every warning count.
        RowCheck("overdue-red", lambda: (colour != "红色").fill_null(True)),
        RowCheck("due-yellow", lambda: (colour != "黄色").fill_null(True)),
        RowCheck("due-green", lambda: (colour != "绿色").fill_null(True)),
    ]
    # Without a 完成时间 column at all there is no cell to fill: one finding for the column
    # (``_check_columns``), not one per row.
    checks["完成时间"] += [
        RowCheck("finished-without-date", lambda: ~(finished_status & col("完成时间").is_null())),
        RowCheck(
            "open-with-finish-date",
            lambda: (
                ~(col("_status").is_not_null() & ~finished_status & col("_finished").is_not_null())
            ),
        ),
    ]
    # An overdue measure needs its reason and new date for the documents (延期说明); without
    # the column at all, point at its 整改时限.
    checks["延期说明" if "延期说明" in present else "整改时限"].append(
        RowCheck(
            "overdue-no-reason",
            lambda: ~((colour == "红色") & col("延期说明").is_null()).fill_null(False),
        )
    )
    checks["完成时间"] += [
        RowCheck("bad-finish-date", lambda: col("_finished_kind") != "invalid"),
        RowCheck(
            "finished-in-future", lambda: ~(col("_finished") > pl.lit(today)).fill_null(False)
        ),
        RowCheck(
            "late-completion",
            lambda: ~(finished_status & (col("_finished") > col("_due"))).fill_null(False),
        ),
    ]
    if feedback:
        # a 完成时间 written as a month (dates.parse_finished: a period on its 1st, which no
        # other period falls on) is before the feedback only when the whole month is
        month = (col("_finished_kind") == "period") & (col("_finished").dt.day() == 1)
        last = pl.when(month).then(col("_finished").dt.month_end()).otherwise(col("_finished"))
        checks["完成时间"].append(
            RowCheck(
                "finished-before-feedback",
                lambda: ~(last < col("_feedback")).fill_null(False),
            )
        )
    done = col("_status") == C.STATUS_DONE
    checks["整改进展及成效"].append(
        RowCheck("no-progress", lambda: ~(done & col("整改进展及成效").is_null()).fill_null(False))
    )
    checks["佐证材料"].append(
        RowCheck("no-evidence", lambda: ~(done & col("佐证材料").is_null()).fill_null(False))
    )
    if "责任人" in present:
        checks["责任人"].append(RowCheck("no-person", lambda: col("责任人").is_not_null()))
    # A problem is its 序号 where the ledger numbers them (normalise.build_tree), else its text.
    # 单位 (a merge's 全部措施): two units' problems of the same title are two problems.
    # _ledger: ``validate_many`` checks several ledgers' rows in one frame.
    by = ["_ledger", "_problem"] if numbered else ["_ledger", "单位", "问题"]
    checks["方面"].append(
        RowCheck(
            "aspect-conflict",
            lambda: (
                (col("方面") == col("方面").first().over(*by)).fill_null(True)
                | col("问题").is_null()
            ),
        )
    )
    if numbered:
        checks["问题"].append(
            RowCheck(
                "number-conflict",
                lambda: (
                    (
                        col("问题") == col("问题").drop_nulls().first().over("_ledger", "_problem")
                    ).fill_null(True)
                    | col("序号").is_null()
                ),
            )
        )
    for name in C.NUMERIC_COLUMNS:
        checks[name].append(RowCheck("bad-number", lambda n=name: _valid_number(n)))
    for name in _TEXT_KIND_COLUMNS:
        checks[name].append(
            RowCheck(
                "example-text",
                lambda n=name: ~col(n).str.contains(C.EXAMPLE_MARK, literal=True).fill_null(False),
            )
        )
    return {
        name: checks[name] if name in present or name == "责任部门" else []
        for name in C.KNOWN_COLUMN_NAMES
    }


def measure_schema(ledger: Ledger, today: dt.date) -> Any:
    """The declared pandera schema of the measures frame: every known column as nullable text,
    with the row rules of ``_measure_checks`` as named checks. ``_check_measures`` evaluates
    the same rules as one polars ``select`` instead of through pandera, whose fixed cost per
    validation (≈ 30 ms: a lazy frame collected per check, failure cases deep-copied) was most
    of the time of checking a small ledger and of merging hundreds of them; a test proves both
    give the same failures."""
    import polars as pl

    pa = _pandera()
    return pa.DataFrameSchema(
        {
            name: pa.Column(
                pl.Utf8,
                nullable=True,
                checks=[
                    pa.Check(lambda data, c=c: data.lazyframe.select(c.valid()), name=c.rule)
                    for c in checks
                ],
            )
            for name, checks in _measure_checks(ledger, today).items()
        }
    )


def measure_failures(
    frame: Any, checks: dict[str, list[RowCheck]] | RowRules
) -> list[tuple[str, str, int]]:
    """(rule, column, row index of ``frame``) for every failing row, in the order pandera
    reports them: column by column, check by check, rows ascending. A null result passes
    (pandera's ``ignore_na``)."""
    rules = checks if isinstance(checks, RowRules) else compile_rules(checks)
    keys, failing = rules.keys, rules.failing
    if not keys:
        return []
    # One query for every check's failing rows (a query per check cost a small ledger more
    # than its rules: half a millisecond each, which a merge of hundreds of units pays).
    failed = frame.select([f.arg_true().implode() for f in failing]).row(0)
    out = []
    for (rule, name), rows in zip(keys, failed, strict=True):
        out += [(rule, name, i) for i in rows]
    return out


def _valid_number(name: str) -> Any:
    import polars as pl

    raw, num = pl.col(name), pl.col("_num_" + name)
    ok = raw.is_null() | (num.is_not_null() & (num >= 0))
    if C.COLUMN_BY_NAME[name].kind == "count":
        ok = ok & (raw.is_null() | (num.round(0) == num))
    return ok


def rule_frame(ledger: Ledger, today: dt.date, number: int = 0) -> Any:
    """``measures_frame`` with the warning colour of each measure, as the row rules read it;
    ``number`` is the ledger's among several checked in one frame (``validate_many``)."""
    import polars as pl

    from ledger_tools.ledger.stats import warning_colour

    closed = closed_statuses(long_term_counts(ledger))
    colours = [warning_colour(m, today, closed) for m in ledger.measures]
    frame = measures_frame(ledger, for_rules=True)
    # hstack, not with_columns: no query to run (each costs a small ledger ~0.5 ms)
    return frame.hstack(
        [
            pl.Series("_colour", colours, dtype=pl.Utf8),
            pl.Series("_feedback", [_feedback(ledger)] * len(colours), dtype=pl.Date),
            pl.Series("_ledger", [number] * len(colours), dtype=pl.Int32),
        ]
    )


def rules_frame(ledgers: Sequence[Ledger], today: dt.date) -> Any:
    """The ``rule_frame`` of each of ``ledgers`` (numbered 0, 1, …) one after the other, as one
    frame: each column is one Series of every ledger's values. (A frame per ledger and
    ``pl.concat`` cost ~40 Series of ~70 µs each per ledger: 2.7 ms, most of the time of
    checking a ledger of a hundred measures, paid by each unit of a merge.)"""
    if len(ledgers) == 1:
        return rule_frame(ledgers[0], today)
    import polars as pl

    from ledger_tools.ledger.stats import warning_colour

    dtypes = _frame_schema(pl)
    columns = [_columns(ledger, True) for ledger in ledgers]
    series = [
        pl.Series(
            parts[0][0],
            list(itertools.chain.from_iterable(v for _, v in parts)),
            dtype=dtypes[parts[0][0]],
        )
        for parts in zip(*columns, strict=True)
    ]
    colours: list[str | None] = []
    feedback: list[dt.date | None] = []
    number: list[int] = []
    for k, ledger in enumerate(ledgers):
        closed = closed_statuses(long_term_counts(ledger))
        colours += [warning_colour(m, today, closed) for m in ledger.measures]
        feedback += [_feedback(ledger)] * len(ledger.measures)
        number += [k] * len(ledger.measures)
    return pl.DataFrame(
        [
            *series,
            pl.Series("_colour", colours, dtype=pl.Utf8),
            pl.Series("_feedback", feedback, dtype=pl.Date),
            pl.Series("_ledger", number, dtype=pl.Int32),
        ]
    )


def _check_measures(
    ledger: Ledger, today: dt.date, failures: list[tuple[str, str, int]]
) -> list[Finding]:
    """The findings of the failing rows (``_failures_of_many``) of ``ledger``."""
    ms = ledger.measures
    return [_finding(ledger, rule, column, ms[i], today) for rule, column, i in failures]


def _finding(ledger: Ledger, rule: str, column: str, m: Measure, today: dt.date) -> Finding:
    origin = ledger.origin
    letter = origin.columns.get(column) or (
        origin.columns.get("牵头部门", "") if column == "责任部门" else ""
    )
    value = m.values.get(column)
    message = _MESSAGES[rule](ledger, m, column, today)
    extra = {"colour": WARNING_COLOURS[rule]} if rule in WARNING_COLOURS else {}
    sheet = m.sheet or origin.sheet
    return Finding(rule, RULES[rule].severity, message, sheet, m.row, letter, column, value, extra)


def _d(v: Any) -> str:
    return format_cn_date(v) if isinstance(v, dt.date) else str(v)


def _first_row(ledger: Ledger, key: str, m: Measure) -> Measure:
    """The first measure of ``m``'s 单位 (a merge's 全部措施 holds several) whose ``key`` column
    holds ``m``'s value."""
    return _first_with(ledger, key, lambda x: (x.values.get("单位"), x.values.get(key)), m)


def _first_of_problem(ledger: Ledger, m: Measure) -> Measure:
    """The first measure of ``m``'s problem (``Measure.problem``, set by ``build_tree``)."""
    return _first_with(ledger, "_problem", lambda x: x.problem, m)


def _first_with(ledger: Ledger, name: str, key: Callable[[Measure], Any], m: Measure) -> Measure:
    """The first measure whose ``key`` equals ``m``'s, indexed once per ledger and ``name``:
    a ledger with many conflicts must not be scanned once per finding."""
    cache: dict[str, dict[Any, Measure]] = ledger.__dict__.setdefault("_first_rows", {})
    index = cache.get(name)
    if index is None:
        index = cache[name] = {}
        for other in ledger.measures:
            index.setdefault(key(other), other)
    return index[key(m)]


def _msg_aspect_conflict(ledger: Ledger, m: Measure, column: str, today: dt.date) -> str:
    # a numbered ledger groups a problem by its 序号 (the rows may differ in 问题 text too)
    first = _first_of_problem(ledger, m) if ledger.numbered else _first_row(ledger, "问题", m)
    return (
        f"问题“{m.get('问题')}”在{_row_of(ledger, first, m)}归入“{first.get('方面')}”，这里又归入“{m.get('方面')}”。"
        "同一问题只能属于一个方面，请统一方面名称。"
    )


def _row_of(ledger: Ledger, first: Measure, m: Measure) -> str:
    """ "第 5 行", or on another sheet than ``m`` (a ledger kept in several) "工作表“X”第 5 行"."""
    if first.sheet == m.sheet:
        return f"第 {first.row} 行"
    return f"工作表“{first.sheet or ledger.origin.sheet}”第 {first.row} 行"


def _msg_number_conflict(ledger: Ledger, m: Measure, column: str, today: dt.date) -> str:
    first = _first_row(ledger, "序号", m)
    return (
        f"序号 {m.get('序号')} 在{_row_of(ledger, first, m)}是问题“{first.get('问题')}”，这里又是问题“{m.get('问题')}”。"
        "不同问题请使用不同序号；同一问题请保持问题名称一致。"
    )


def _status_word(value: Any) -> str | None:
    """The status a date cell was given instead of a date ("已完成", "已办结", "是", "正在推进"),
    or None: the cell holds something else that is not a date."""
    from ledger_tools.ledger.status import normalise_status

    if not isinstance(value, str):
        return None
    word = normalise_status(value)
    if word is None and value.strip().lower() in ("是", "完成", "否", "未完成"):
        word = C.STATUS_DONE if value.strip() in ("是", "完成") else C.STATUS_IN_PROGRESS
    return word


def _status_said(ledger: Ledger, m: Measure, word: str, value: Any) -> str:
    """Where the status belongs: the measure's 整改状态 cell, and what it holds now."""
    letter = ledger.origin.columns.get("整改状态")
    cell = f"{letter}{m.row}" if letter else ""
    written = m.get("整改状态")
    if written in (None, ""):
        where = f"（{cell}）" if cell else "（台账中没有这一列，可加一列“整改状态”）"
        return f"“{value}”请写到整改状态{where}。"
    closed = (C.STATUS_DONE, C.STATUS_ONGOING)
    if m.status == word or (m.status in closed and word in closed):
        return f"整改状态{f'（{cell}）' if cell else ''}已写明“{written}”，这里不必重复。"
    return (
        f"整改状态{f'（{cell}）' if cell else ''}写的是“{written}”，与这里的“{value}”不一致，"
        "请核实后只在整改状态中写一个。"
    )


def _msg_status_as_finish(ledger: Ledger, m: Measure, column: str) -> str | None:
    """完成时间 that says a status ("已完成") instead of the day it was done."""
    value = m.get(column)
    word = _status_word(value)
    if word is None:
        return None
    if word in (C.STATUS_DONE, C.STATUS_ONGOING):
        what = "完成时间应写实际完成的日期，如 2024年5月10日 或 2024-05-10（可按验收、销号材料上的日期填写）。"
    else:
        what = "措施尚未完成时，完成时间留空，完成后再填写实际完成的日期。"
    return f"完成时间写的是“{value}”，这是整改状态，不是日期。{what}" + _status_said(
        ledger, m, word, value
    )


def _msg_status_as_deadline(ledger: Ledger, m: Measure, column: str) -> str | None:
    """整改时限 that says a status ("已完成", "正在推进") instead of when it is due."""
    value = m.get(column)
    word = _status_word(value)
    if word is None:
        return None
    return (
        f"整改时限写的是“{value}”，这是整改状态，不是期限。整改时限应照整改方案写规定完成的日期或期限"
        "（如 2024年6月30日、2024年6月底前、2024年第三季度），或“立行立改”“长期坚持”。"
        + _status_said(ledger, m, word, value)
    )


def _msg_required(ledger: Ledger, m: Measure, column: str, today: dt.date) -> str:
    if column == "责任部门":
        return "“责任部门”和“牵头部门”都没有填写。请至少填写其中一项。"
    if column == "方面" and "方面" not in ledger.origin.columns:
        return (
            "这一行在第一个方面标题行（如“一、落实党的理论路线方针政策方面”）之前，不知道属于哪个方面。"
            "请在它上面加一行方面标题，或增加一列“方面”。"
        )
    if column == "整改状态" and m.finished is not None and m.finished.due is not None:
        # A unit that marks completion by the date alone: say what the date suggests, do
        # not decide it (the date may be planned, or the measure reopened).
        return (
            f"“整改状态”是必填项，这里是空的，但这一行填了完成时间 {finished_form(m.finished)}。"
            "如已完成，请填“已完成”（完成后需长期坚持的填“长期坚持”）；"
            "如尚未完成，请填写实际状态并删去完成时间。"
        )
    hint = (
        "（如该问题的各措施行共用一个值，可合并单元格）"
        if C.COLUMN_BY_NAME[column].per_problem
        else ""
    )
    return f"“{column}”是必填项，这里是空的。请补填{hint}。"


# A colour written as the status (绿灯, 红色, 黄牌): read only by a legend on the sheet.
_COLOUR_WORD = COLOUR_WORD
# A cross alone in a status column (not a 是否完成 one): not done, but under way or not begun?
_CROSS = lazy("^[×✗✘✖❌❎xX][\ufe0e\ufe0f]?$")


def _msg_unknown_status(ledger: Ledger, m: Measure, column: str, today: dt.date) -> str:
    value = m.get(column)
    suggestion = suggest_status(value)
    ask = f"是否应为“{suggestion}”？" if suggestion else ""
    if isinstance(value, str) and _COLOUR_WORD.match(value.strip()):
        # 红黄绿灯: what each colour means differs from unit to unit — never guessed
        ask = (
            "颜色代表什么各单位不同（绿色可能是已完成，也可能是按序时推进），本工具不推断；"
            "可在表下加一行图例（如“说明：绿灯表示已完成，黄灯表示正在推进，红灯表示未启动”），"
            "或改写为整改状态。"
        )
    elif isinstance(value, str) and (options := box_options(value)) is not None:
        ticked = sum(on for on, _ in options)
        ask = (
            f"格中列出了全部状态，{'勾选了' + str(ticked) + '项' if ticked else '但没有勾选任何一项'}，"
            "本工具不推断；请只勾选一项（☑），或改写为整改状态。"
        )
    elif isinstance(value, str) and _CROSS.match(value.strip()):
        ask = (
            f"“{value.strip()}”只说明尚未完成，没有说明是正在推进还是未启动，本工具不推断；"
            "可在列名中写明各符号的意思（如“整改状态（✔已完成 ⏳正在推进 ✘未启动）”），"
            "或改写为整改状态。"
        )
    return (
        f"整改状态“{value}”不是规定的值。{ask}可选值：{'、'.join(C.STATUSES)}。"
        f"如这是本单位的固定说法，可在台账中加一张“{C.SHEET_STATUS_MAP}”表（原状态 | 标准状态）"
        "或用 --status-map 原状态=标准状态 说明它对应哪个状态。"
    )


def _msg_overdue(ledger: Ledger, m: Measure, column: str, today: dt.date) -> str:
    due = m.deadline.due if m.deadline else None
    days = (today - due).days if due else 0
    return (
        f"红色预警：整改时限 {_d(due)} 已过 {days} 天，状态为“{m.status or m.get('整改状态')}”，尚未办结。"
        "请督促责任部门加快整改，或如实更新整改状态和完成时间。"
    )


def _msg_due(colour: str) -> Callable[[Ledger, Measure, str, dt.date], str]:
    def message(ledger: Ledger, m: Measure, column: str, today: dt.date) -> str:
        due = m.deadline.due if m.deadline else None
        days = (due - today).days if due else 0
        when = "今天到期" if days == 0 else f"还有 {days} 天到期"
        return f"{colour}预警：整改时限 {_d(due)}，{when}，状态为“{m.status}”。请提前督促落实。"

    return message


_MESSAGES: dict[str, Callable[[Ledger, Measure, str, dt.date], str]] = {
    "required-cell": _msg_required,
    "unknown-status": _msg_unknown_status,
    "bad-deadline": lambda L, m, c, t: (
        _msg_status_as_deadline(L, m, c)
        or f"整改时限“{m.get(c)}”无法识别{_note(m.deadline)}。请写成日期（如 2024年6月30日、2024-06-30）、"
        "期限（如 2024年6月底前、2024年第三季度）或“立行立改”“长期坚持”。"
    ),
    "bad-finish-date": lambda L, m, c, t: (
        _msg_status_as_finish(L, m, c)
        or f"完成时间“{m.get(c)}”无法识别{_note(m.finished)}。请写成日期，如 2024年5月10日 或 2024-05-10。"
    ),
    "finished-without-date": lambda L, m, c, t: (
        f"整改状态为“{m.status}”，但没有填写完成时间。请填写实际完成日期。"
    ),
    "open-with-finish-date": lambda L, m, c, t: (
        f"填了完成时间 {finished_form(m.finished)}，但整改状态为“{m.status}”，尚未办结。"
        "如已完成，请把状态改为“已完成”；如未完成，请删去完成时间。"
    ),
    "finished-in-future": lambda L, m, c, t: (
        f"完成时间 {finished_form(m.finished)} 晚于检查日期 {_d(t)}。完成时间应是已经发生的日期，请核实。"
    ),
    "finished-before-feedback": lambda L, m, c, t: (
        f"完成时间 {finished_form(m.finished)} 早于反馈日期 {_d(L.info.get('反馈日期'))}。请核实完成时间或基本信息中的反馈日期。"
    ),
    "late-completion": lambda L, m, c, t: _msg_late(L, m),
    "marked-lagging": lambda L, m, c, t: (
        f"整改状态“{m.get(c)}”按“{m.status}”统计，台账自己标注了进度滞后。请督促加快推进"
        + (
            "。"
            if m.get("延期说明")
            else "，并在“延期说明”（滞后原因）列写明滞后原因和下步措施，报告和通报会引用。"
        )
    ),
    "no-progress": lambda L, m, c, t: (
        "状态为“已完成”，但没有填写整改进展及成效。报告会引用这一栏，请补写做了什么、取得什么成效。"
    ),
    "no-evidence": lambda L, m, c, t: (
        "状态为“已完成”，但没有列出佐证材料。销号和上报通常需要佐证材料，请补充。"
    ),
    "no-person": lambda L, m, c, t: "责任人为空。请填写具体责任人，便于督办。",
    "aspect-conflict": _msg_aspect_conflict,
    "number-conflict": _msg_number_conflict,
    "bad-number": lambda L, m, c, t: (
        f"“{C.header_label(c)}”应填写{'不小于 0 的整数' if C.COLUMN_BY_NAME[c].kind == 'count' else '不小于 0 的数字'}，"
        f"这里是“{m.get(c)}”，没有计入合计（统计和文稿中的合计因此存疑）。" + _number_advice(c)
    ),
    "example-text": lambda L, m, c, t: (
        f"“{c}”中还有示例文字“{C.EXAMPLE_MARK}”。请改为本单位的实际内容。"
    ),
    "overdue-red": _msg_overdue,
    "overdue-no-reason": lambda L, m, c, t: (
        "该措施已超期未办结，但没有填写延期说明。报告和通报会写“原计划于…完成”，"
        "请在“延期说明”列写明超期原因和预计完成时间（如“因……，预计2024年6月底前完成”），"
        "否则文稿中会标注【请说明超期原因及预计完成时间】。"
    ),
    "due-yellow": _msg_due("黄色"),
    "due-green": _msg_due("绿色"),
}


def _msg_late(ledger: Ledger, m: Measure) -> str:
    due = _d(m.deadline.due if m.deadline is not None else "")
    closing = _finish_is_closing(ledger)
    if not closing:
        return f"逾期完成：完成时间 {finished_form(m.finished)} 晚于整改时限 {due}。请在整改进展中说明原因。"
    # (the day it was struck off, not the day the work was done: it may have been in time)
    return (
        f"逾期完成：{closing} {finished_form(m.finished)} 晚于整改时限 {due}（台账没有“完成时间”列，"
        f"完成时间按“{closing}”读取）。如整改其实按期完成、只是销号在后，请增加“完成时间”列填写实际"
        "完成日期；否则请在整改进展中说明逾期原因。"
    )


def _finish_is_closing(ledger: Ledger) -> str:
    """The header of the 销号时间 column the ledger's 完成时间 is read from (``roles``: 销号日期,
    销号时间), "" when it is read from a column of its own."""
    origin = ledger.origin
    header = origin.headers.get(origin.columns.get("完成时间", ""), "")
    return header if C.unused_column(C.normalise_header(header)) == "销号时间" else ""


def _note(deadline: Any) -> str:
    return f"（{deadline.note}）" if deadline is not None and deadline.note else ""


# ---------------------------------------------------------------------------------------------
# 文稿段落 and 基本信息 example text.


def _check_info_dates(ledger: Ledger) -> list[Finding]:
    """基本信息 dates kept as text because no date can be made of them (``9999年12月31日``,
    a typo of the year): the 公文 would print them as written and no deadline is reckoned
    from them. The table's own dates have the same rule (``bad-finish-date``)."""
    from ledger_tools.ledger.dates import parse_date_value

    out = []
    for f in C.INFO_FIELDS:
        value = ledger.info.get(f.name)
        if f.kind != "date" or not isinstance(value, str) or not value.strip():
            continue
        parsed = parse_date_value(value)
        if parsed.kind != "invalid":
            continue
        sheet, _, addr = ledger.info_cells.get(f.name, "").partition("!")
        row = int(addr[1:]) if addr[1:].isdigit() else None
        out.append(
            Finding(
                "info-bad-date",
                WARNING,
                f"基本信息“{f.name}”的“{value}”无法识别{_note(parsed)}，文稿中将照原样写出，"
                "也不能用来推算时限。请写成日期，如 2024年3月4日 或 2024-03-04。",
                sheet or C.SHEET_INFO,
                row,
                "B" if row else "",
                f.name,
                value,
            )
        )
    return out


# A measure cannot end in a comma: "加强监督检查，" on one row and "并建立长效机制。" on the next,
# the other cells merged over both (or left blank), is one sentence typed over two rows. It is
# counted as two measures as written (the reader does not join what may be two measures sharing
# merged cells); the warning says so rather than guessing.
_RUN_ON_ENDS = ("，", ",", "、")


def _check_run_on(ledger: Ledger) -> list[Finding]:
    """``measure-run-on``: a measure on the row right below a measure of the same problem whose
    text ends in a comma, with no 序号 of its own."""
    out: list[Finding] = []
    column = ledger.origin.columns.get("整改措施")
    if column is None:
        return out
    previous = None
    for m in ledger.measures:
        above, previous = previous, m
        if above is None or m.part or (m.sheet, m.problem) != (above.sheet, above.problem):
            continue
        text = above.get("整改措施")
        if m.row != above.row + 1 or not isinstance(text, str):
            continue
        text = text.rstrip()
        number = m.get("序号")
        if not text.endswith(_RUN_ON_ENDS) or number not in (None, "", above.get("序号")):
            continue
        end = text[-1]
        out.append(
            Finding(
                "measure-run-on",
                WARNING,
                f"第 {above.row} 行的整改措施以“{end}”结尾，这一行的整改措施像是它的后半句，"
                "现按两条措施统计。如是同一条措施，请把这一行的文字接到上一行并删去这一行；"
                f"如确是两条措施，请把第 {above.row} 行末尾的“{end}”改为“。”。",
                m.sheet or ledger.origin.sheet,
                m.row,
                column,
                "整改措施",
                m.get("整改措施"),
            )
        )
    return out


def _check_texts(ledger: Ledger) -> list[Finding]:
    rows = [("文稿段落", t.get("行", ""), "D", t.get("内容", "")) for t in ledger.texts]
    rows += [
        ("基本信息", ledger.info_cells.get(k, "!B").split("!")[1][1:], "B", str(v))
        for k, v in ledger.info.items()
        if isinstance(v, str)
    ]
    out = _text_figures(ledger) if ledger.texts else []
    # A few dozen texts: a plain test (a polars query costs more than it saves here).
    for sheet, row, letter, value in rows:
        if not (value and C.EXAMPLE_MARK in value):
            continue
        out.append(
            Finding(
                "example-text",
                WARNING,
                f"{sheet}中还有示例文字“{C.EXAMPLE_MARK}”。请改为本单位的实际内容，或删除这一行。",
                sheet,
                int(row) if str(row).isdigit() else None,
                letter,
                "",
                value,
            )
        )
    return out


def _text_figures(ledger: Ledger) -> list[Finding]:
    """A 文稿段落 that counts the whole rectification with figures the ledger no longer bears
    out ("把反馈的13个问题细化为44条整改措施" over a ledger of 6 problems): the documents mark
    them 【台账为6项问题，请核对】; check says so before a document is made."""
    from ledger_tools.documents.wording import typed_total_conflicts

    # as the statistics sentence counts them (documents.context.ledger_totals)
    problems = sum(len(a.problems) for a in ledger.aspects)
    totals = {"方面数": len(ledger.aspects), "问题数": problems, "措施数": len(ledger.measures)}
    out = []
    for t in ledger.texts:
        value = t.get("内容")
        conflicts = typed_total_conflicts(value, totals) if isinstance(value, str) else []
        if not conflicts:
            continue
        said = "、".join(f"“{typed}”（台账为{counted}）" for _end, typed, counted in conflicts)
        row = t.get("行", "")
        out.append(
            Finding(
                "text-figure",
                WARNING,
                f"{C.SHEET_TEXT}中写的{said}与台账不符，文稿中会标注【台账为…，请核对】。"
                "请按台账改正，或删去具体数字。",
                C.SHEET_TEXT,
                int(row) if str(row).isdigit() else None,
                "D",
                "内容",
                value,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (rule, cell): several measures split from one cell share their row."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.sheet, f.row, f.column, f.field)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _number_advice(column: str) -> str:
    """What to write instead of a number that cannot be read (bad-number)."""
    if C.COLUMN_BY_NAME[column].kind == "money":
        return "请填写确数，如“30000”或“3万元”，不写“约”“余”。"
    if column == "问责人次":
        return (
            "请填写一个数，如“3”或“3人次”；几种方式分开写的（如“诫勉谈话2人、通报批评1人”）"
            "请填人次合计，方式写在进展或备注中。"
        )
    return "请填写一个数，如“3”或“3项”。"


def _at_error_cells(ledger: Ledger, findings: list[Finding]) -> list[Finding]:
    """A cell holding an Excel error value gets one finding, formula-error: the others (empty,
    not a number, not a date …) would only restate it."""
    errors = ledger.error_cells
    if not errors:
        return findings
    sheet = ledger.origin.sheet  # (the other sheets of a ledger kept in several: not here)
    return [
        f
        for f in findings
        if f.rule == "formula-error" or f.sheet != sheet or (f.row, f.field) not in errors
    ]


def _totals(ledger: Ledger, today: dt.date) -> dict[str, Any]:
    from ledger_tools.ledger.stats import compute_stats

    return compute_stats(ledger, as_of=today, groups=False)
