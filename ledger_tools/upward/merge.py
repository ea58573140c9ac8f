"""``ledger-tools merge``: many units' ledgers → one 汇总台账 (workbook or JSON).

Each file goes through the project's own reader and validator (``normalise.load_ledger`` with
the file's own 列名对照 sheet, ``schema.validate``), and its figures are the ``stats`` of that
ledger (the totals ``validate`` computes with ``stats.compute_stats``): a unit's row in the 汇总
can never disagree with ``ledger-tools stats`` on the unit's file. Files are read in parallel
processes. The workbook (``merge_workbook``) has four sheets:

- 汇总: one row per unit, a totals row, conditional formatting, two native bar charts;
- 全部措施: every measure of every unit in the standard columns plus 单位 and 来源, so that
  ``check`` and ``stats --by 单位`` read it back (``columns.OPTIONAL_COLUMNS``) with the
  units' own figures: one row per Excel row of the unit (a cell of numbered measures stays
  one cell, one warning; a number merged over several rows is written once);
- 校验问题: every finding of every unit, linked to the unit's file and cell;
- 未能读取: every file that could not be read, with the reason.

Choices where the issue is silent: the totals row adds up the units' own figures (so a unit
that counts 长期坚持 as not 办结 keeps its own rule; the summary line says when units differ);
two files naming the same 单位 stay two rows, each name suffixed with its file, and are flagged;
a 汇总台账 written by merge found among the inputs is not merged again (it is listed as not
read, with the reason). 立行立改 deadlines are written with the day they fall due in the
unit's own 基本信息 (``2024年3月31日（立行立改）``), so the 汇总台账 gives the same warnings.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ledger_tools import clickzh
from ledger_tools.clickzh import friendly
from ledger_tools.errors import LEDGER_SUFFIXES
from ledger_tools.ledger import columns as C
from ledger_tools.output import command_arg, name_shown

if TYPE_CHECKING:
    from ledger_tools.upward.merge_xlsx import UnitXml

SHEET_SUMMARY = "汇总"
SHEET_MEASURES = "全部措施"
SHEET_FINDINGS = "校验问题"
SHEET_FAILED = "未能读取"
MERGE_SHEETS = (SHEET_SUMMARY, SHEET_MEASURES, SHEET_FINDINGS, SHEET_FAILED)
SUFFIXES = LEDGER_SUFFIXES  # what check reads (.et: WPS's own, often an .xlsx within)
# Files in a folder of units that may be a unit's ledger in a form merge cannot read: listed
# in 未能读取 with what to do, never passed over without a word (a unit that sent its ledger
# as .ods or in a .zip would otherwise be missing from the 汇总 unnoticed).
OTHER_SHEETS = {
    ".ods": "OpenDocument 表格（.ods）",
    ".xlsb": "Excel 二进制工作簿（.xlsb）",
    ".csv": "CSV 文本表格（.csv）",
    ".numbers": "Numbers 表格（.numbers）",
    ".ett": "WPS 表格模板（.ett）",
    ".xltx": "Excel 模板（.xltx）",
}
ARCHIVES = (".zip", ".rar", ".7z")
# Worker processes by default: each holds polars, the reader and a chunk of ledgers (about
# 130 MB resident), so even on a big machine the default stays within the 1 GB the 汇总 may use.
MAX_DEFAULT_JOBS = 4
CHUNK = 16  # files per task of a worker at most (``_chunks``)
AS_OF_LABEL = "汇总统计日期"  # a row of the 汇总台账's 基本信息 (not an InfoField): merge's --today
# A row of the 汇总台账's 基本信息 when units differ on 长期坚持计入办结: the units (one a line)
# whose own 基本信息 says 否, so that their figures counted from 全部措施 stay their own.
NOT_COUNTED_LABEL = C.NOT_COUNTED_LABEL
UNKNOWN = "状态未填"  # stats.UNKNOWN_STATUS (not imported: stats pulls in more than --help needs)
COLOURS = ("红色", "黄色", "绿色")
# 基本信息 fields the 汇总台账 carries over when every unit gives the same value.
SHARED_INFO = (
    "监督类型",
    "监督机构",
    "上级党委",
    "进驻开始日期",
    "进驻结束日期",
    "反馈日期",
    "集中整改截止日期",
    "长期坚持计入办结",
)
SUMMARY_HEADERS = (
    "单位",
    "问题数",
    "措施数",
    *C.STATUSES,
    UNKNOWN,
    "办结数",
    "办结率",
    "红色预警",
    "黄色预警",
    "绿色预警",
    "错误",
    "警告",
    "文件",
    "说明",
)
NUMBER_HEADERS = tuple(h for h in SUMMARY_HEADERS if h not in ("单位", "办结率", "文件", "说明"))
FINDING_HEADERS = ("单位", "文件", "位置", "级别", "规则", "说明", "原值")
# 说明 of a unit whose ledger has no measures yet: its 办结率 is left empty, not 0%, and the
# chart of 办结率 draws no bar for it (a 0% bar would read as a unit that closed nothing)
NO_MEASURES_NOTE = "台账尚未填报整改措施，不计办结率"


@dataclass
class Unit:
    """One readable ledger: its figures (``stats``), findings and measure rows."""

    file: str  # the path as shown to the user
    path: str  # absolute path
    name: str  # 单位 as read: 基本信息 单位名称, else the file name
    totals: dict[str, Any]  # stats.compute_stats of the ledger (as ``validate`` returns it)
    findings: list[dict[str, Any]]  # Finding.to_dict() of every finding
    errors: int
    warnings: int
    # 全部措施 rows: the standard columns (C.COLUMNS) in order; None where not kept
    # (``merge_ledgers(rows=False)``: the workbook needs only ``xml``)
    measures: list[list[Any]] | None
    sources: list[str]  # sheet!cell of each measure's 整改措施
    info: dict[str, Any]
    unit: str = ""  # 单位 as written to the 汇总 (a duplicate name gets its file added)
    notes: list[str] = field(default_factory=list)
    # the rows of 全部措施 and 校验问题 as sheet XML, rendered where the unit was read
    xml: UnitXml | None = None


@dataclass
class Failed:
    file: str  # as shown (``output.name_text``)
    reason: str

    def __post_init__(self) -> None:
        from ledger_tools.output import name_text

        self.file = name_text(self.file)
        self.reason = name_text(self.reason)  # (the messages name the file too)


@dataclass
class Merge:
    today: dt.date
    units: list[Unit]
    failed: list[Failed]
    duplicates: dict[str, list[str]]  # 单位名称 → the files naming it
    info: dict[str, Any]  # the 基本信息 values every unit shares


# ---------------------------------------------------------------------------------------------
# Finding the files.


def find_ledgers(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Failed]]:
    """The workbook files among ``paths`` (folders searched recursively, in name order), and
    the paths that cannot be used (missing; Excel's ``~$`` lock files), with the reason."""
    files: list[Path] = []
    failed: list[Failed] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = _workbooks_under(p, failed)
        elif p.is_file():
            found = [p]
        elif p.exists():  # a FIFO blocks the read forever, a device never ends
            failed.append(Failed(str(p), "不是普通文件（可能是管道或设备），已跳过。"))
            continue
        else:
            failed.append(Failed(str(p), "找不到这个文件或文件夹，请检查路径。"))
            continue
        name_shown(*found)  # a line break in a file name is printed as \\n
        for q in found:
            if q.name.startswith("~$"):
                failed.append(
                    Failed(
                        str(q),
                        "这是 Excel/WPS 打开文件时生成的临时锁定文件，不是台账，已跳过。",
                    )
                )
            elif not q.name.startswith(".~ledger-tools-"):  # our own half-written output
                files.append(q)
    unique = list(dict.fromkeys(f.resolve() for f in files))
    shown = {f.resolve(): f for f in files}
    return [shown[u] for u in unique], failed


def _workbooks_under(folder: Path, failed: list[Failed]) -> list[Path]:
    """The workbook files under ``folder`` and its subfolders, in name order; symbolic links
    to folders are not followed (as ``Path.rglob``). Walked with a list, not by recursion:
    ``rglob`` ended in RecursionError on a folder nested a thousand deep, and stopped the
    whole search without a word at the first folder it could not open. A folder that cannot
    be opened is listed in ``failed`` and the search goes on."""
    found: list[Path] = []
    pending = [folder]
    while pending:
        here = pending.pop()
        try:
            with os.scandir(here) as entries:
                listed = list(entries)
        except OSError as exc:
            failed.append(Failed(str(here), _folder_unreadable(exc)))
            continue
        for entry in listed:
            path = here / entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                pending.append(path)
            elif path.suffix.lower() in SUFFIXES and path.is_file():
                found.append(path)
            elif path.suffix.lower() in SUFFIXES:
                # (a link to a file that is not there, a pipe or device named 单位.xlsx: not
                # read, but said — a unit's ledger is never left out without a word)
                failed.append(Failed(str(path), _not_a_file(path)))
            elif (reason := _not_read(path)) is not None:
                failed.append(Failed(str(path), reason))
    return sorted(found)


def _not_read(path: Path) -> str | None:
    """Why a file of a units' folder that may hold a ledger is not read, or None for the
    files that are plainly something else (Word documents, PDFs of 佐证材料, pictures)."""
    suffix = path.suffix.lower()
    if suffix in OTHER_SHEETS:
        return (
            f"这是 {OTHER_SHEETS[suffix]}，汇总只读取 .xlsx、.xlsm、.xls 和 .et。如果它是台账，"
            "请用 Excel 或 WPS 打开后“另存为” .xlsx 再汇总。"
        )
    if suffix in ARCHIVES:
        from ledger_tools.errors import archive_names

        ledgers = [n for n in archive_names(path) if n.lower().endswith(LEDGER_SUFFIXES)]
        if ledgers:  # (their names as the archiver meant them: GBK ones too)
            more = f" 等 {len(ledgers)} 本" if len(ledgers) > 6 else ""
            return (
                f"这是压缩包，汇总不读取压缩包里的文件。里面有台账：{'、'.join(ledgers[:6])}{more}，"
                "请解压到这个文件夹后再汇总。"
            )
        return "这是压缩包，汇总不读取压缩包里的文件。如果里面有台账，请解压到这个文件夹后再汇总。"
    return None


def _not_a_file(path: Path) -> str:
    """Why a workbook-named entry of a folder that is no regular file is not read."""
    if path.is_symlink() and not path.exists():
        return "这是一个快捷方式（符号链接），指向的文件不存在，已跳过。请把单位的台账本身复制到这个文件夹中再汇总。"
    return "不是普通文件（可能是管道或设备），已跳过。"


def _folder_unreadable(exc: OSError) -> str:
    import errno

    from ledger_tools.errors import describe_os_error

    if exc.errno == errno.ENAMETOOLONG:
        why = "路径太长（文件夹嵌套过深）。"
    else:
        exc.filename = None  # the folder is named in the list
        why = describe_os_error(exc)
    return (
        f"无法打开这个文件夹，其中的台账没有汇总：{why}"
        "请把要汇总的台账复制到一个普通的文件夹中再汇总。"
    )


# ---------------------------------------------------------------------------------------------
# Reading one unit (runs in a worker process: arguments and result are picklable).


@dataclass(frozen=True)
class Keep:
    """What ``merge_ledgers`` keeps of each unit: the rows of 全部措施 as values (``rows``:
    JSON, ``all_measure_rows``) and as sheet XML (``xml``: the workbook; rendered by the
    worker process that read the unit, so that the writer only numbers and joins them, and
    sent back as bytes, which cost the main process nothing to unpickle)."""

    rows: bool = True
    xml: bool = True


KEEP_ALL = Keep()


def read_unit(path: str, today: dt.date, unit_from: str = "info") -> Unit | Failed:
    """Read, validate and count one ledger; any failure becomes a ``Failed`` with the reason."""
    return read_units([path], today, unit_from)[0]


def read_units(
    paths: list[str], today: dt.date, unit_from: str = "info", keep: Keep = KEEP_ALL
) -> list[Unit | Failed]:
    """``read_unit`` of each file: one task of a worker process (a chunk of files, so that a
    task's fixed cost, pickling the call and its result, is paid once per chunk). The chunk's
    ledgers are read first, then validated together (``schema.validate_many``: one polars query
    for the row rules of all of them). ``keep`` says what the caller needs of each unit besides
    its figures and findings."""
    ledgers = [_or_failed(p, _read_ledger, p, today) for p in paths]
    read = [(p, x) for p, x in zip(paths, ledgers, strict=True) if not isinstance(x, Failed)]
    reports = dict(zip([p for p, _ in read], _validated(read, today), strict=True))
    out: list[Unit | Failed] = []
    for p, ledger in zip(paths, ledgers, strict=True):
        report = ledger if isinstance(ledger, Failed) else reports[p]
        if isinstance(report, Failed):
            out.append(report)
        else:
            out.append(_or_failed(p, unit_of, p, ledger, report, unit_from, keep))
    return out


def _validated(read: list[tuple[str, Any]], today: dt.date) -> list[Any]:
    """The ``validate`` report of each (path, ledger), all in one ``validate_many``; should
    that fail, each alone, so that only the broken ledger fails."""
    from ledger_tools.ledger.schema import validate, validate_many

    try:
        return list(validate_many([x for _, x in read], today))
    except Exception:  # noqa: BLE001 - retried one by one below, each failure reported
        return [_or_failed(p, validate, x, today) for p, x in read]


def _or_failed(path: str, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)``; any failure becomes a ``Failed`` of ``path`` with the reason."""
    from ledger_tools.errors import LedgerToolsError

    try:
        return fn(*args)
    except LedgerToolsError as err:
        return Failed(path, err.message)
    except Exception as err:  # noqa: BLE001 - one broken file must not stop the other 299
        return Failed(
            path,
            f"读取时发生意外问题（{type(err).__name__}: {str(err)[:120]}）。"
            "请用 ledger-tools check 单独检查这个文件，并把输出反馈给开发者。",
        )


def _read_ledger(path: str, today: dt.date | None = None) -> Any:
    """The ledger (``model.Ledger``) of ``path``, or a ``Failed`` for a merge's own 汇总台账.
    ``today`` is the 检查日期 a deadline without a year takes its year from (as ``stats
    --today`` reads the unit), not the day the 汇总 happens to be made."""
    from ledger_tools.ledger.normalise import ledger_from_rawbook
    from ledger_tools.ledger.reading import read_workbook

    raw = read_workbook(path)
    if SHEET_SUMMARY in raw.sheets and SHEET_MEASURES in raw.sheets:
        return Failed(
            path,
            "这是 ledger-tools merge 生成的汇总台账，不是单位台账，为避免重复计数未汇总。"
            "如需汇总多批，请汇总各单位的原台账。",
        )
    return ledger_from_rawbook(raw, today=today)  # the workbook's own 列名对照 sheet applies


def unit_of(
    path: str, ledger: Any, report: Any, unit_from: str = "info", keep: Keep = KEEP_ALL
) -> Unit:
    """The ``Unit`` of a read ``ledger`` (``model.Ledger``) and its ``validate`` report."""
    from ledger_tools.output import name_text

    shown = name_text(path)  # (a GBK name unzipped on Linux: text for the workbook and JSON)
    stem = Path(shown).stem
    written = str(ledger.info.get("单位名称") or "").strip()
    name = written if unit_from == "info" and written else stem
    sheet = ledger.origin.sheet
    letter = ledger.origin.columns.get("整改措施", "")
    cells = _row_measures(ledger.measures)
    columns = _measure_columns(cells)
    _mark_unsaved(columns, cells, ledger)
    if not ledger.numbered and _distinct_numbers(ledger.problems):
        # problems not told apart by 序号 (a ledger kept in several sheets each numbered from 1,
        # measures numbered 1, 2, 3 under one problem, no 序号 at all): the 序号 of the 汇总台账
        # is the problem's number in the unit's ledger, so that it reads back as the same
        # problems — also after the receiver sorts 全部措施 (by status, by deadline)
        problems = ledger.problems
        columns[_NUMBER_AT] = [problems[parts[0].problem].number for parts in cells]
    unit = Unit(
        file=shown,
        path=str(Path(path).resolve()),
        name=name,
        totals=report.totals,
        findings=[f.to_dict() for f in report.sorted()],
        errors=len(report.errors),
        warnings=len(report.warnings),
        measures=[list(row) for row in zip(*columns, strict=True)] if keep.rows else None,
        sources=[f"{parts[0].sheet or sheet}!{letter}{parts[0].row}" for parts in cells],
        info={k: ledger.info.get(k) for k in SHARED_INFO},
        notes=[] if written or unit_from == "file" else ["基本信息中没有单位名称，按文件名计"],
    )
    if keep.xml:
        from ledger_tools.upward.merge_xlsx import render_unit

        unit.xml = render_unit(unit, columns)
    return unit


def _distinct_numbers(problems: list[Any]) -> bool:
    """Whether every problem has a number of its own (it can stand for it as 序号)."""
    numbers = [str(p.number).strip() for p in problems]
    return all(numbers) and len(set(numbers)) == len(numbers)


def _row_measures(measures: list[Any]) -> list[list[Any]]:
    """The measures by Excel row: the measures split from one cell together."""
    rows: list[list[Any]] = []
    for m in measures:
        if rows and m.part > 1 and rows[-1][0].row == m.row:
            rows[-1].append(m)
        else:
            rows.append([m])
    return rows


def _measure_columns(rows: list[list[Any]]) -> list[list[Any]]:
    """The columns of 全部措施 (C.COLUMNS) for the unit's Excel ``rows`` (``_row_measures``),
    so that ``stats`` of the 汇总台账 counts as the unit's own does: the measures split from
    one cell stay one cell ("（1）…（2）…", split again when the 汇总台账 is read: one
    warning), and a number that belongs to another row (a merged range's, ``Measure.copies``)
    is not written again. Each column is picked from the reader's columns at once
    (``model.column_reader``); the rows that differ from their cells are set after."""
    from ledger_tools.ledger.dates import format_cn_date
    from ledger_tools.ledger.model import column_reader
    from ledger_tools.upward.duban import measures_text

    firsts = [parts[0] for parts in rows]
    pick = column_reader(firsts)
    columns = [pick(name) for name in C.COLUMN_NAMES]
    for i, parts in enumerate(rows):
        m = parts[0]
        for copied in m.copies:
            if copied in _COLUMN_AT:
                columns[_COLUMN_AT[copied]][i] = None
        if len(parts) > 1:
            columns[_MEASURE_AT][i] = measures_text(parts)
        if m.status is not None:
            # The status as the unit's ledger was read ("是" under 是否完成, 已销号, 60%, a
            # word of its 状态对照 sheet, or taken from its progress): the 汇总台账 knows none
            # of that.
            columns[_STATUS_AT][i] = m.status
        d = m.deadline
        if d is not None and d.due is not None and _reckoned(d, columns[_DEADLINE_AT][i]):
            # The due day comes from the unit's own 基本信息 or its 检查日期 (立行立改, 年底前
            # without a year), which the 汇总台账 does not have.
            columns[_DEADLINE_AT][i] = f"{format_cn_date(d.due)}（{d.text}）"
    return columns


# What 全部措施 holds in place of an amount that is a formula with no saved value in the
# unit's ledger: text, so that the 汇总台账's sums are in doubt as the unit's own are (an empty
# cell would make them look certain), and its check names the cell.
UNSAVED_FORMULA = "公式没有保存计算结果（见原台账）"


def _mark_unsaved(columns: list[list[Any]], rows: list[list[Any]], ledger: Any) -> None:
    """Write ``UNSAVED_FORMULA`` into the amount cells (清退资金, 问责人次, 建立制度) of
    ``columns`` that are formulas without a saved value in the unit's ledger."""
    unsaved = {
        (f.sheet, f.row, f.field)
        for f in ledger.notes
        if f.rule == "formula-no-value" and f.field in C.NUMERIC_COLUMNS and f.field in _COLUMN_AT
    }
    if not unsaved:
        return
    first = ledger.origin.sheet
    names = {name for _, _, name in unsaved}
    for i, parts in enumerate(rows):
        m = parts[0]
        for name in names:
            if (m.sheet or first, m.row, name) in unsaved:
                columns[_COLUMN_AT[name]][i] = UNSAVED_FORMULA


def _reckoned(d: Any, written: Any) -> bool:
    """Whether the deadline's day was reckoned from the unit's own ledger: 立行立改 (from its
    反馈日期 or 集中整改截止日期), a date or period without a year (the year from its 反馈日期
    or 检查日期) — any text that read alone gives no day, or another one."""
    from ledger_tools.ledger.dates import parse_deadline

    if d.kind == "immediate" or d.assumed_year is not None:
        return True
    return isinstance(written, str) and parse_deadline(written).due != d.due


_COLUMN_AT = {name: j for j, name in enumerate(C.COLUMN_NAMES)}
_DEADLINE_AT = C.COLUMN_NAMES.index("整改时限")
_STATUS_AT = C.COLUMN_NAMES.index("整改状态")
_NUMBER_AT = C.COLUMN_NAMES.index("序号")
_MEASURE_AT = C.COLUMN_NAMES.index("整改措施")


# ---------------------------------------------------------------------------------------------
# Reading many.


def merge_ledgers(
    paths: Sequence[str | os.PathLike[str]],
    today: dt.date | None = None,
    unit_from: str = "info",
    jobs: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
    keep: Keep = KEEP_ALL,
) -> Merge:
    """Read every ledger in ``paths`` (files and folders) in ``jobs`` processes (default: one
    per CPU, at most ``MAX_DEFAULT_JOBS``) and return the units in file order, the files that could not be read and the
    duplicate unit names. ``progress(file, done, total)`` is called as each file is done; ``exclude`` are
    paths not to read (the output itself, when it lies in an input folder); ``keep`` what of each
    unit is needed (``Keep``: by default everything)."""
    today = today or dt.date.today()
    files, failed = find_ledgers(paths)
    skip = {Path(p).resolve() for p in exclude}
    files = [f for f in files if f.resolve() not in skip]
    results = _read_all([str(f) for f in files], today, unit_from, jobs, progress, keep)
    units = [r for r in results if isinstance(r, Unit)]
    failed += [r for r in results if isinstance(r, Failed)]
    duplicates = _name_units(units)
    return Merge(today, units, failed, duplicates, _shared_info(units))


def _read_all(
    files: list[str],
    today: dt.date,
    unit_from: str,
    jobs: int | None,
    progress: Callable[[str, int, int], None] | None,
    keep: Keep,
) -> list[Unit | Failed]:
    jobs = max(1, min(jobs or min(_cpus(), MAX_DEFAULT_JOBS), len(files)))
    if jobs == 1:
        # in chunks too: one validate_many per chunk, not a polars query per file
        out = []
        for chunk in _chunks(files, 1):
            out.extend(read_units(chunk, today, unit_from, keep))
            if progress:
                for k, f in enumerate(chunk, len(out) - len(chunk) + 1):
                    progress(f, k, len(files))
        return out
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results: dict[str, Unit | Failed] = {}
    context = _pool_context()
    if context.get_start_method() == "fork":
        _preload_reader()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker)
    done = False
    try:
        futures = {
            pool.submit(read_units, chunk, today, unit_from, keep): chunk
            for chunk in _chunks(files, jobs)
        }
        for future in as_completed(futures):
            chunk = futures[future]
            for f, result in zip(chunk, _results(future, chunk), strict=True):
                results[f] = result
                if progress:
                    progress(f, len(results), len(files))
        done = True
    finally:
        # Ctrl-C: do not wait for the files not started yet. Every file read: the workers
        # exit while the 汇总 is written (the interpreter waits for them at its exit), not
        # before (tens of milliseconds on the way to the output).
        pool.shutdown(wait=not done, cancel_futures=True)
    return [results[f] for f in files]


def _chunks(files: list[str], jobs: int) -> list[list[str]]:
    """The files in chunks, in order, each about an eighth of what is left per worker (at
    most ``CHUNK`` files, so that the progress bar moves): smaller and smaller towards the
    end, so that no worker is left idle while another reads a long last chunk."""
    chunks = []
    i = 0
    while i < len(files):
        size = max(1, min(CHUNK, (len(files) - i) // (jobs * 4)))
        chunks.append(files[i : i + size])
        i += size
    return chunks


def _cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _preload_reader() -> None:
    """Import the reader, validator and renderer (not polars: its threads make fork unsafe)
    once, before the workers are forked: each inherits them instead of importing them again
    (~0.1 s of CPU a worker; the 汇总 is written with the renderer anyway)."""
    import python_calamine  # noqa: F401

    import ledger_tools.ledger.normalise
    import ledger_tools.ledger.reading
    import ledger_tools.ledger.schema
    import ledger_tools.ledger.stats
    import ledger_tools.upward.merge_xlsx  # noqa: F401


def _start_worker() -> None:
    """A worker reads one file at a time: polars's own thread pool would only compete with
    the other workers for the same cores (set before the worker imports polars)."""
    os.environ.setdefault("POLARS_MAX_THREADS", "1")


def _results(future: Any, files: list[str]) -> list[Unit | Failed]:
    """The worker's results; a worker that died (out of memory, killed) fails only its files."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - BrokenProcessPool and the like
        return [
            Failed(
                file,
                f"读取这个文件的进程意外退出（{type(exc).__name__}）。"
                "请用 ledger-tools check 单独检查这个文件，或用 --jobs 1 重新汇总。",
            )
            for file in files
        ]


def _pool_context() -> Any:
    """fork where it is safe (cheap: the workers inherit the imported modules); once polars is
    loaded its threads make fork unsafe, so then a fresh interpreter per worker."""
    import multiprocessing as mp

    methods = mp.get_all_start_methods()
    if "fork" in methods and "polars" not in sys.modules and sys.platform == "linux":
        return mp.get_context("fork")
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _name_units(units: list[Unit]) -> dict[str, list[str]]:
    """Set each unit's 单位 as written to the 汇总; the same name in several files is kept
    apart (name（file）) and returned, never merged silently."""
    counts = Counter(u.name for u in units)
    duplicates: dict[str, list[str]] = {}
    for u in units:
        u.unit = u.name
        if counts[u.name] > 1:
            duplicates.setdefault(u.name, []).append(u.file)
    for name, files in duplicates.items():
        labels = _distinct_labels(files)
        for u in units:
            if u.name == name:
                u.unit = f"{name}（{labels[u.file]}）"
                others = [f for f in files if f != u.file]
                listed = "、".join(others[:3]) + (
                    f"等 {len(others)} 个文件" if len(others) > 3 else ""
                )
                u.notes.append(
                    f"单位名称“{name}”与 {listed} 重复，已按文件分列，请核实是否重复报送或单位名称填错"
                )
    return duplicates


def _distinct_labels(files: list[str]) -> dict[str, str]:
    """The shortest distinguishing label of each file: its name, else its path."""
    names = Counter(Path(f).name for f in files)
    return {f: Path(f).name if names[Path(f).name] == 1 else f for f in files}


def _shared_info(units: list[Unit]) -> dict[str, Any]:
    shared = {}
    for key in SHARED_INFO:
        if key == "长期坚持计入办结":
            # empty is 是: as each unit counted (one 否 among units that left it empty is
            # not "各单位一致"; NOT_COUNTED_LABEL then names the units that say 否)
            values = {u.totals.get(key) for u in units}
            if len(values) == 1:
                shared[key] = values.pop()
            continue
        # a unit that leaves a field empty does not stop the others' common value
        values = {v for u in units if (v := u.info.get(key)) not in (None, "")}
        if len(values) == 1:
            shared[key] = values.pop()
    return shared


# ---------------------------------------------------------------------------------------------
# Rows (the same for the workbook and JSON).


def unit_row(u: Unit) -> dict[str, Any]:
    """The 汇总 row of a unit: every figure straight from its ``stats``."""
    t = u.totals
    notes = list(u.notes)
    if t.get("长期坚持计入办结") == "否":
        notes.append("长期坚持不计入办结")
    if not t["问题数"]:
        notes.append(NO_MEASURES_NOTE)
    return {
        "单位": u.unit,
        "问题数": t["问题数"],
        "措施数": t["措施数"],
        **{s: t[s] for s in C.STATUSES},
        UNKNOWN: t[UNKNOWN],
        "办结数": t["办结数"],
        "办结率": t["办结率"],
        **{f"{c}预警": t["预警"][c] for c in COLOURS},
        "错误": u.errors,
        "警告": u.warnings,
        "文件": u.file,
        "说明": "；".join(notes),
    }


def totals_row(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The units' own figures added up; 办结率 from the sums, printed as ``stats`` prints it."""
    from ledger_tools.ledger.status import closure_rate_text

    total = {h: sum(r[h] for r in rows) for h in NUMBER_HEADERS}
    total["办结率"] = closure_rate_text(total["办结数"], total["问题数"])
    return {
        "单位": f"合计（{len(rows)}个单位）",
        **{h: total[h] for h in SUMMARY_HEADERS if h in total},
        "文件": "",
        "说明": "",
    }


def ordered_units(merge: Merge, sort: str = "rate") -> list[Unit]:
    """Units by 办结率 (highest first; ties by 单位; units with no measures yet last, after
    those at 0%) or, with ``sort="file"``, as read."""
    if sort == "file":
        return list(merge.units)
    return sorted(merge.units, key=lambda u: (not u.totals["问题数"], -_rate(u), u.unit))


def _rate(u: Unit) -> float:
    return u.totals["办结数"] / u.totals["问题数"] if u.totals["问题数"] else 0.0


def mixed_long_term(merge: Merge) -> bool:
    return len({u.totals.get("长期坚持计入办结") for u in merge.units}) > 1


def units_not_counting(merge: Merge) -> list[str]:
    """The units that count 长期坚持 as not 办结 when others do (``NOT_COUNTED_LABEL``)."""
    if not mixed_long_term(merge):
        return []
    return [u.unit for u in merge.units if u.totals.get("长期坚持计入办结") == "否"]


def merge_json(merge: Merge, sort: str = "rate") -> dict[str, Any]:
    """The 汇总 as JSON: the rows of the four sheets, with dates as YYYY-MM-DD."""
    units = ordered_units(merge, sort)
    rows = [unit_row(u) for u in units]
    for row, u in zip(rows, units, strict=True):
        row["办结率数值"] = round(_rate(u), 4)
    headers = ["单位", *C.COLUMN_NAMES, "来源"]
    measures = [
        dict(zip(headers, [_jsonable(v) for v in values], strict=True))
        for values in all_measure_rows(merge.units)
    ]
    return {
        "schema_version": 1,
        "today": merge.today.isoformat(),
        "units": rows,
        "totals": totals_row(rows),
        "duplicates": merge.duplicates,
        "measures": measures,
        "findings": [
            {"单位": u.unit, "文件": u.file, **f} for u in merge.units for f in u.findings
        ],
        "unreadable": [{"文件": f.file, "原因": f.reason} for f in merge.failed],
    }


def _jsonable(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def all_measure_rows(units: list[Unit]) -> Iterable[list[Any]]:
    """The rows of 全部措施: 单位, the standard columns, 来源 (``[file]sheet!cell``)."""
    for u in units:
        if u.measures is None:
            raise ValueError("merge_ledgers(rows=False) did not keep the rows of 全部措施")
        for values, source in zip(u.measures, unit_sources(u), strict=True):
            yield [u.unit, *values, source]


def unit_sources(u: Unit) -> list[str]:
    """The 来源 of each of the unit's rows of 全部措施: ``[file]sheet!cell``."""
    name = Path(u.file).name if not u.file.startswith("..") else u.file
    return [f"[{name}]{source}" for source in u.sources]


def summary_text(merge: Merge) -> list[str]:
    """The closing lines on the terminal: counts, totals, what needs attention."""
    rows = [unit_row(u) for u in merge.units]
    t = totals_row(rows)
    n_files = len(merge.units) + len(merge.failed)
    lines = [
        f"汇总完成：{n_files} 个文件，读取 {len(merge.units)} 个单位"
        + (f"，{len(merge.failed)} 个未能读取" if merge.failed else "")
        + "。",
        f"共 {t['问题数']} 个问题、{t['措施数']} 条措施，办结 {t['办结数']} 项，办结率 {t['办结率']}；"
        f"预警：红色 {t['红色预警']} 条，黄色 {t['黄色预警']} 条，绿色 {t['绿色预警']} 条；"
        f"校验：错误 {t['错误']} 处，警告 {t['警告']} 处"
        f"（{sum(1 for r in rows if r['错误'])} 个单位有错误）。",
    ]
    duplicates = list(merge.duplicates.items())
    for name, files in duplicates[:LISTED]:
        listed = "、".join(files[:3]) + ("等" if len(files) > 3 else "")
        lines.append(
            f"注意：单位名称“{name}”在 {len(files)} 个文件中重复（{listed}），已分列，请核实。"
        )
    if len(duplicates) > LISTED:
        lines.append(
            f"注意：另有 {len(duplicates) - LISTED:,} 个单位名称在多个文件中重复，没有在此列出，"
            "已分列，请在汇总台账的“汇总”表中核实。"
        )
    if mixed_long_term(merge):
        lines.append("注意：各单位“长期坚持计入办结”不一致，合计按各单位自己的口径相加。")
    lines += failed_lines(merge.failed, "未能读取：", "汇总台账的“未能读取”表")
    return lines


# Files listed by name on the terminal (未能读取, repeated unit names): a folder of 20,000
# broken files printed 20,000 lines and pushed the totals out of sight; the 未能读取 sheet and
# ``--format json`` keep every one.
LISTED = 20


def failed_lines(failed: list[Failed], prefix: str, where: str) -> list[str]:
    """The lines naming the files that could not be read: the first ``LISTED``, then how many
    more and ``where`` they are all listed ("" when nowhere: nothing was merged)."""
    lines = [f"{prefix}{f.file}：{f.reason}" for f in failed[:LISTED]]
    if len(failed) > LISTED:
        more = (
            f"{prefix}……另有 {len(failed) - LISTED:,} 个文件（共 {len(failed):,} 个）没有在此列出，"
        )
        lines.append(
            more + f"全部列在{where}中。"
            if where
            else more + "请先处理上面列出的文件，或把要汇总的台账放在一个单独的文件夹中再汇总。"
        )
    return lines


# ---------------------------------------------------------------------------------------------
# The workbook.


def merge_workbook(
    merge: Merge, out: str | os.PathLike[str], sort: str = "rate", overwrite: bool = True
) -> Path:
    """Write the 汇总台账 to ``out`` (atomically; never onto an input) and return its path
    (``merge_xlsx``: XlsxWriter, imported only when a workbook is written)."""
    from ledger_tools.upward.merge_xlsx import write_merge_workbook

    return write_merge_workbook(merge, out, sort, overwrite)


# ---------------------------------------------------------------------------------------------
# The command.


@click.command("merge", cls=clickzh.Command)
@click.argument("paths", nargs=-1, required=True, metavar="文件或文件夹…")
@click.option("-o", "--output", metavar="汇总台账.xlsx", help="输出的汇总台账（.xlsx）。")
@click.option("--today", metavar="YYYY-MM-DD", help="统计日期，用于判断超期和预警（默认：今天）。")
@click.option(
    "--unit-from",
    type=click.Choice(["info", "file"]),
    default="info",
    help="单位名称取自：info 各台账“基本信息”的单位名称（默认，未填时用文件名），file 文件名。",
)
@click.option(
    "--sort",
    type=click.Choice(["rate", "file"]),
    default="rate",
    help="汇总表的顺序：rate 按办结率从高到低（默认），file 按文件顺序。",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text 输出汇总摘要（默认）；json 输出全部行，供其他系统读取（可不写 -o）。",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    metavar="N",
    help="同时读取的进程数，1 至 64（默认：CPU 核数，最多 4）。",
)
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖它（默认不覆盖）。")
@friendly
def merge_command(**options: Any) -> None:
    """汇总多个单位的整改台账：逐个读取、校验、统计，生成一本汇总台账（汇总、全部措施、校验问题、未能读取）。

    \b
    例：ledger-tools merge 各单位台账/ -o 汇总台账.xlsx --today 2024-05-10
        ledger-tools stats 汇总台账.xlsx --by 单位
        ledger-tools report 汇总台账.xlsx --kind summary
    """
    _merge(**options)


def _merge(
    paths: tuple[str, ...],
    output: str | None,
    today: str | None,
    unit_from: str,
    sort: str,
    fmt: str,
    jobs: int | None,
    force: bool,
) -> None:
    import json

    from ledger_tools.cli import parse_day
    from ledger_tools.errors import OutputError, UnreadableFile
    from ledger_tools.output import check_output_path

    if output is None and fmt == "text":
        raise click.UsageError("请用 -o 指定输出的汇总台账，如 -o 汇总台账.xlsx。")
    if output is not None:
        if Path(output).suffix.lower() != ".xlsx":
            raise click.BadParameter("汇总台账请保存为 .xlsx 文件。", param_hint="-o")
        # A file named on the command line (not found in a folder) is never the output,
        # also through a link: it is refused, not silently left out of the 汇总
        check_output_path(output, *(f for f in paths if not Path(f).is_dir()))
        if Path(output).exists() and not force:
            raise OutputError(
                f"{output} 已存在，为避免覆盖没有生成。请换一个文件名，或加 --force 覆盖。"
            )
    day = parse_day(today, "--today")
    with _ProgressBar() as step:
        merge = merge_ledgers(
            paths,
            day,
            unit_from,
            jobs,
            progress=step,
            exclude=[output] if output else [],
            keep=Keep(rows=fmt == "json", xml=output is not None),
        )
    if not merge.units:
        reasons = "\n".join(failed_lines(merge.failed, "  ", ""))
        raise UnreadableFile("没有读到任何台账，未生成汇总。" + (f"\n{reasons}" if reasons else ""))
    if output is not None:
        merge_workbook(merge, output, sort, overwrite=force)
    if fmt == "json":
        click.echo(json.dumps(merge_json(merge, sort), ensure_ascii=False, indent=2))
        return
    assert output is not None  # text output requires -o (refused above without it)
    for line in summary_text(merge):
        click.echo(line)
    click.echo(f"已生成汇总台账：{output}")
    shown = command_arg(output)
    click.echo(
        f"可继续运行：ledger-tools stats {shown} --by 单位；ledger-tools report {shown} --kind summary"
    )


class _ProgressBar:
    """A progress bar on stderr when it is a terminal (rich); silent when piped."""

    def __enter__(self) -> Callable[[str, int, int], None]:
        self.progress: Any = None
        if not sys.stderr.isatty():
            return lambda _file, _done, _total: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.progress = Progress(
            TextColumn("正在读取台账"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task("", total=None)
        return self._step

    def _step(self, file: str, done: int, total: int) -> None:
        self.progress.update(self.task, completed=done, total=total, description=Path(file).name)

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()
