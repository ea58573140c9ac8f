"""What the web page does, as plain functions over the library (no HTTP here).

The page shows exactly what the CLI would: ``check`` findings and verdict, ``stats``, the
marked copy and the three documents come from the same library calls (``checking``,
``stats``, ``render``); this module only shapes their results for the browser.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from ledger_tools.errors import LEDGER_SUFFIXES, LedgerToolsError
from ledger_tools.output import process_alive

# Documents a clerk may pick instead of the ledger: ``import`` makes a ledger of them
DOCUMENT_SUFFIXES = (".docx", ".doc", ".wps", ".wpt", ".rtf", ".odt", ".pdf", ".ofd", ".txt") + (
    ".htm",
    ".html",
    ".mht",
    ".mhtml",
)
ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z")
# The grid drawn on the page: enough to find any flagged cell of a normal ledger; a larger
# sheet is shown in part, and every finding (up to PAGE_FINDINGS) is still listed in the table.
GRID_MAX_ROWS = 3000
GRID_MAX_COLS = 40
GRID_MIN_ROWS = 30  # of each later sheet once the rows above are spent: its header and first rows
# Findings the page lists at most (each is a table row in the browser; the counts stay whole):
# 840,000 findings made a 222 MB answer and took the server to 1.5 GB.
PAGE_FINDINGS = 10_000
KEEP_UPLOADS = 10  # the page works on the last one; older ones go, so uploads cannot fill the disk
DOCUMENTS = {
    "plan": "整改方案",
    "report": "整改情况报告",
    "notice": "整改进展情况通报",
}


class WebError(LedgerToolsError):
    """A request the page can explain to the user (bad file type, unknown upload …)."""


MAX_STEM_BYTES = 150  # of an uploaded file's name: outputs add a suffix of their own


def safe_name(name: str) -> str:
    """The file name a user uploaded, reduced to a harmless base name.

    Only the last component of a Windows or POSIX path is kept; control and bidi characters,
    path separators and leading dots are dropped. The name is only ever used inside a folder
    of our own making, so it cannot reach anywhere else.
    """
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    base = "".join(
        ch for ch in base if unicodedata.category(ch)[0] != "C" and ch not in '/\\:*?"<>|'
    )
    base = base.strip().lstrip(".").strip()
    stem, suffix = (base.rsplit(".", 1) + [""])[:2] if "." in base else (base, "")
    # Bounded in bytes, not characters: 80 emoji or CJK characters are 240–320 bytes, over
    # the 255 a file name may have once “-校验结果.xlsx” is added (an OSError, not a message).
    stem = stem[:80]
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    stem = stem or "台账"
    return f"{stem}.{suffix.lower()}" if suffix else stem


@dataclass
class Upload:
    id: str
    name: str  # the user's file name, made safe
    path: Path  # where it is stored, inside the workspace


WORKSPACE_PREFIX = "ledger-tools-web-"


def _new_root() -> Path:
    sweep_leftovers()
    return Path(tempfile.mkdtemp(prefix=f"{WORKSPACE_PREFIX}{os.getpid()}-"))


def sweep_leftovers() -> None:
    """Remove the folders of earlier servers that were killed before they could clean up
    (their process id, in the folder name, no longer runs)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{WORKSPACE_PREFIX}*-*"):
        pid = folder.name[len(WORKSPACE_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Workspace:
    """A private temporary folder for this server's uploads and outputs, removed on close."""

    root: Path = field(default_factory=_new_root)
    uploads: dict[str, Upload] = field(default_factory=dict)
    busy: dict[str, int] = field(default_factory=dict)  # upload id → requests working on it

    @contextlib.contextmanager
    def hold(self, upload: Upload) -> Iterator[Upload]:
        """Keep ``upload`` on disk while a request works on it (the oldest upload is removed
        when a new one arrives, but never under a running check)."""
        self.busy[upload.id] = self.busy.get(upload.id, 0) + 1
        try:
            yield upload
        finally:
            self.busy[upload.id] -= 1
            if not self.busy[upload.id]:
                del self.busy[upload.id]

    def add(self, name: str, data: bytes) -> Upload:
        clean = safe_name(name)
        if not clean.lower().endswith(LEDGER_SUFFIXES):
            raise WebError(self._not_a_ledger(clean, data))
        idle = [u for u in self.uploads.values() if u.id not in self.busy]
        for old in idle[: max(0, len(self.uploads) - KEEP_UPLOADS + 1)]:  # the oldest first
            self.remove(old)
        upload_id = secrets.token_urlsafe(12)
        folder = self.root / upload_id
        folder.mkdir(mode=0o700)
        path = folder / clean
        path.write_bytes(data)
        upload = Upload(upload_id, clean, path)
        self.uploads[upload_id] = upload
        return upload

    def _not_a_ledger(self, clean: str, data: bytes) -> str:
        """Why the page does not check ``clean``, said for what it is: an archive (with the
        files inside it, GBK names read as such), a document ``import`` makes a ledger of,
        another table to save as .xlsx."""
        from ledger_tools.errors import archive_refusal
        from ledger_tools.output import command_arg

        suffix = "." + clean.rsplit(".", 1)[-1].lower() if "." in clean else ""
        if suffix in ARCHIVE_SUFFIXES or data[:4] in (b"Rar!", b"7z\xbc\xaf"):
            folder = self.root / secrets.token_hex(6)
            folder.mkdir(mode=0o700)
            try:
                (folder / clean).write_bytes(data)
                note = archive_refusal(folder / clean, "page")
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            if note:
                return note
        if suffix in DOCUMENT_SUFFIXES:
            return (
                f"“{clean}”是文稿，不是 Excel 台账。本页校验的是整改台账（.xlsx、.xls、.et）；"
                "要从反馈意见、整改方案等文稿生成台账，请在命令行运行 "
                f"ledger-tools import {command_arg(clean)} -o 台账.xlsx，再上传生成的台账。"
            )
        return (
            f"“{clean}”不是 Excel 台账。请选择 .xlsx、.xlsm、.xls 或 .et 文件；其他格式的表格"
            "（.csv、.ods 等）请先用 Excel 或 WPS 打开后“另存为” .xlsx。"
        )

    def get(self, upload_id: str) -> Upload:
        upload = self.uploads.get(upload_id)
        if upload is None:
            raise WebError("找不到这份台账（服务可能已重启）。请重新选择台账文件。")
        return upload

    def remove(self, upload: Upload) -> None:
        """Forget ``upload`` and delete it with everything generated from it."""
        self.uploads.pop(upload.id, None)
        shutil.rmtree(upload.path.parent, ignore_errors=True)

    @contextlib.contextmanager
    def output_path(self, upload: Upload, filename: str) -> Iterator[Path]:
        """A fresh folder for one generated file, so nothing is ever overwritten; removed
        again if the file could not be made."""
        folder = upload.path.parent / secrets.token_hex(6)
        folder.mkdir(mode=0o700)
        try:
            yield folder / filename
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def remove_output(path: Path) -> None:
    """Delete a generated file (and its folder, made by ``output_path``) once it is sent."""
    shutil.rmtree(path.parent, ignore_errors=True)


def parse_date(value: str | None, label: str) -> dt.date | None:
    if not value:
        return None
    from ledger_tools.ledger.dates import MAX_YEAR, MIN_YEAR

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise WebError(f"{label}“{value}”不是有效日期，请重新选择。") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise WebError(f"{label}“{value}”的年份不在 {MIN_YEAR}—{MAX_YEAR} 年之间，请重新选择。")
    return day


def analyse(upload: Upload, today: dt.date | None = None) -> dict[str, Any]:
    """Check the ledger as ``ledger-tools check`` does and add what the page draws:
    the statistics, rule titles and each sheet of the ledger as a grid."""
    with time_bound(WORK_SECONDS, f"校验台账（{upload.name}）"):
        return _analyse(upload, today)


def _analyse(upload: Upload, today: dt.date | None) -> dict[str, Any]:
    from ledger_tools.ledger.checking import _totals_line, _verdict, report_json
    from ledger_tools.ledger.marking import MARK_LIMIT, limited_report
    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.schema import RULES, validate
    from ledger_tools.ledger.stats import compute_stats
    from ledger_tools.upward.consistency import (
        add_merge_findings,
        complete_unit_rows,
        is_merge_ledger,
        summary_book,
    )

    ledger = load_ledger(upload.path, today=today)  # the year of year-less deadlines, as check
    report = validate(ledger, today=today)
    # a 汇总台账: its 汇总 sheet read once for the findings and the 按单位 rows below
    merged = summary_book(upload.path) if is_merge_ledger(ledger) else upload.path
    add_merge_findings(merged, ledger, report, today)  # as check does
    shown = limited_report(report, PAGE_FINDINGS)
    result = report_json(shown)
    result["ok"], result["counts"] = report.ok, report_json(report, findings=False)["counts"]
    result["findings_total"] = len(report.findings)
    result["file"] = upload.name  # never the server's temporary path
    result["verdict"] = _verdict(report)
    if len(shown.findings) < len(report.findings):
        result["verdict"] += (
            f"问题共 {len(report.findings):,} 处，页面只列出前 {PAGE_FINDINGS:,} 处（先错误、后警告）；"
            f"下载的标注副本最多标注 {MARK_LIMIT:,} 处。问题这么多，通常是表头或列读错了。"
            f"查看全部问题请在命令行运行 ledger-tools check {upload.name} --format json。"
        )
    result["totals_line"] = _totals_line(report.totals)
    result["rule_titles"] = {rule_id: rule.title for rule_id, rule in RULES.items()}
    result["stats"] = compute_stats(ledger, as_of=today)
    # a ledger with a 单位 column (a merge's 汇总台账) is drawn 按单位 too, as ``stats --by 单位``
    result["units"] = "单位" in ledger.origin.columns
    complete_unit_rows(merged, ledger, result["stats"], today or dt.date.today())
    result["sheet"] = ledger.origin.sheet
    # a ledger kept one sheet per 方面 is read as one: every sheet read is drawn (a tab each)
    result["sheets"] = (
        ledger.layout.sheets if ledger.layout and ledger.layout.sheets else [ledger.origin.sheet]
    )
    result["grids"] = sheet_grids(upload.path, result["sheets"])
    result["id"] = upload.id
    for f in result.get("findings", []):
        f["message"] = for_page(f["message"])
    return _visible(result)


# The advice of a message that names a command-line option, as the page can follow it: the
# page has no --status-map, --map, --sheet or --force, but the workbook's own 状态对照 and
# 列名对照 sheets, the box “台账有错误时仍然生成文稿” and the 统计截至日期.
_FOR_PAGE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"或用 --status-map 原状态=标准状态 ?", ""),
        (r"请用 --status-map 或“状态对照”表", "请在“状态对照”表中"),
        (r"--status-map 或“状态对照”表", "“状态对照”表"),
        (
            r"([请或])用 --map 原列名=标准列名 指明对应关系",
            "\\1在台账中加一张“列名对照”表（原列名 | 标准列名）写明对应关系",
        ),
        (
            r"([请或])用 --map 原列名=(\S+?) 指[明定]",
            "\\1在台账中加一张“列名对照”表（原列名 | 标准列名），写明哪一列是“\\2”",
        ),
        (
            r"请用 --map (\S+?)=标准列名 指明",
            "请在台账中加一张“列名对照”表（原列名 | 标准列名），写明“\\1”对应哪个标准列",
        ),
        (r"或用 --map 指定", "或在台账中加一张“列名对照”表（原列名 | 标准列名）指定"),
        (r"（--map 或“列名对照”表）", "（“列名对照”表）"),
        (r"，?用 --sheet 指定工作表", ""),
        (
            r"请(?:用|加) --sheet (?:\S+?|指定要读取的\S+?)(?=[。，；）])",
            "请把要读取的表单独另存为一个工作簿后上传",
        ),
        (r"或加 --sheet \S+?(?=[。，；）])", "或把它单独另存为一个工作簿后上传"),
        (r"（ledger-tools check 可查看全部）", "（本页“校验结果”中列出了全部）"),
        (
            r"（台账的错误用 ledger-tools check 可查看全部）",
            "（台账的错误本页“校验结果”中列出了全部）",
        ),
        (r"ledger-tools check 不把它们算作错误", "本页的校验结果不把它们算作错误"),
        (r"或加 --force 强制生成", "或勾选“台账有错误时仍然生成文稿”后再生成"),
        (r"或用 --as-of 指定统计截止日期", "或在本页的“统计截至日期”中指定"),
        (r"，请加 --force。", "，请勾选“台账有错误时仍然生成文稿”后再生成。"),
        (  # a .xls/.et ledger is checked, but its marked copy is written from an .xlsx only
            r"无法另存标注副本（--mark）。请先用 Excel/WPS 另存为 \.xlsx 后再校验",
            "无法生成标注副本（标注副本只能由 .xlsx/.xlsm 台账生成；校验结果和文稿不受影响）。"
            "需要标注副本时，请先用 Excel/WPS 另存为 .xlsx 后重新上传",
        ),
    )
)


def for_page(text: str) -> str:
    """``text`` (a finding, the verdict, an error) with the advice that names a command-line
    option (“或用 --status-map 原状态=标准状态 说明”) said as the page's user can follow it."""
    if "--" not in text:
        return text
    for pattern, replacement in _FOR_PAGE:
        text = pattern.sub(replacement, text)
    return text


def _visible(value: Any) -> Any:
    """Every text of the page's data through ``output.visible``, as the CLI prints it: a
    right-to-left override in a sheet name or cell cannot disguise a cell reference on the
    page either."""
    from ledger_tools.output import visible

    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {_visible(k): _visible(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_visible(v) for v in value]
    return value


def sheet_grids(path: Path, sheets: list[str]) -> dict[str, dict[str, Any]]:
    """Each of the ledger's ``sheets`` as text cells, for drawing: ``GRID_MAX_ROWS`` rows in
    all, and at least the first ``GRID_MIN_ROWS`` of each sheet (a ledger of 60 科室 sheets
    draws the first sheets whole and the header and first rows of the rest). Read again rather
    than taken from the ledger: normalising fills every merged range in place (and forgets the
    ranges), while the page draws the sheets as written."""
    from ledger_tools.ledger.reading import read_workbook

    book = read_workbook(path, sheets=sheets)
    grids: dict[str, dict[str, Any]] = {}
    budget = GRID_MAX_ROWS
    for name in sheets:
        raw = book.sheets.get(name)
        grids[name] = _grid(raw.rows if raw else [], raw.merged if raw else [], budget)
        budget = max(budget - len(grids[name]["rows"]), GRID_MIN_ROWS)
    return grids


def _grid(rows: list[list[Any]], merged: list[Any], limit: int) -> dict[str, Any]:
    from ledger_tools.ledger.cells import column_letter

    width = min(max((len(r) for r in rows), default=0), GRID_MAX_COLS)
    shown = rows[:limit]
    return {
        "columns": [column_letter(j) for j in range(width)],
        "rows": [[_cell_text(v) for v in row[:width]] for row in shown],
        "total_rows": len(rows),
        "truncated": len(rows) > len(shown),
        # only the ranges that start in the rows and columns drawn (a 汇总 of 100,000 rows has
        # tens of thousands the page would never draw), cut to them
        "merged": [
            [r1, c1, min(r2, len(shown) - 1), min(c2, width - 1)]
            for r1, c1, r2, c2 in merged
            if r1 < len(shown) and c1 < width
        ],
    }


_TIME_ZERO = re.compile(r" 00:00:00$")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return _TIME_ZERO.sub("", value.isoformat(sep=" "))
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def marked_copy(workspace: Workspace, upload: Upload, today: dt.date | None) -> Path:
    """``check --mark``: a copy with the findings marked; the upload itself is untouched."""
    from ledger_tools.ledger.checking import check_file

    with workspace.output_path(upload, f"{Path(upload.name).stem}-校验结果.xlsx") as out:
        with time_bound(WORK_SECONDS, f"生成标注副本（{upload.name}）"):
            check_file(upload.path, today=today, mark=out)
    return out


def document(
    workspace: Workspace,
    upload: Upload,
    kind: str,
    *,
    as_of: dt.date | None,
    today: dt.date | None,
    force: bool,
    pdf: bool,
) -> Path:
    """``plan`` / ``report`` / ``report --kind notice`` (with ``--pdf``: the PDF's path)."""
    from ledger_tools.documents.render import render
    from ledger_tools.ledger.normalise import load_ledger

    if kind not in DOCUMENTS:
        raise WebError(f"未知的文稿类型“{kind}”。")
    with workspace.output_path(upload, f"{DOCUMENTS[kind]}.docx") as out:
        with time_bound(WORK_SECONDS, f"生成{DOCUMENTS[kind]}（{upload.name}）"):
            ledger = load_ledger(upload.path, today=today or as_of)  # as the commands do
            if not force and "单位" in ledger.origin.columns:
                from ledger_tools.upward.consistency import (
                    is_merge_ledger,
                    merged_document_refusal,
                )

                if is_merge_ledger(ledger):  # (the page makes no 汇总报告: the command line does)
                    raise WebError(merged_document_refusal(upload.name, DOCUMENTS[kind]))
            written = render(ledger, kind, out, as_of=as_of, force=force, today=today)
        if pdf:  # (LibreOffice has its own time limit, by the document's size)
            from ledger_tools.documents.render import convert_to_pdf

            return convert_to_pdf(written, overwrite=False)
    return written


# The library's work for one request (checking an upload, a marked copy, reading the ledger
# and rendering a .docx) ends after this long: the page's requests run one at a time
# (``app._WORK``), so work that never ended would hold up every later one. A plan of 40,000
# measures takes about 7 s (README, 性能).
WORK_SECONDS = 600.0


@contextlib.contextmanager
def time_bound(seconds: float, what: str) -> Iterator[None]:
    """Stop the work inside after ``seconds``, in whatever thread it runs (the watchdog of
    template renders, ``sandbox.watchdog``), with a Chinese ``WebError`` naming ``what``."""
    from ledger_tools.documents.sandbox import Budget, RenderLimit, watchdog

    budget = Budget(seconds=seconds)
    try:
        with watchdog(budget):
            yield
    except RenderLimit:
        if not budget.expired:
            raise  # (another limit's: not this one's time)
        raise WebError(
            f"{what}超过 {seconds:g} 秒仍未完成，已停止。台账可能过大或是特意构造的文件："
            "请在命令行运行 ledger-tools check 查看，或把台账拆分后再试。"
        ) from None


def office_available() -> bool:
    from ledger_tools.documents.render import find_office

    return find_office() is not None
