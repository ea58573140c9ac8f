"""The 汇总台账 workbook of a merge, written with XlsxWriter.

XlsxWriter writes the workbook: the 汇总 sheet with its conditional formatting and two native
bar charts (Excel, WPS and LibreOffice draw them), the links to the units' files and cells,
frozen headers, print setup, styles and the package. The rows of the two big sheets,
全部措施 and 校验问题 (30,000 and 15,000 rows for 300 units of 100 measures), are sheet XML
rendered where each unit is read (``render_unit``, in merge's worker processes, in parallel
with the reading of the other units); the writer numbers them and streams them into the
sheet's member of the package as it deflates it (``_bulk_sheet_class``, ``_FastZip``), and
writes the links of 校验问题 without an object per link. Through XlsxWriter's cell objects a
cell costs ~6 µs. CPU time to write the 汇总台账 of 300 units × 100 measures: openpyxl's
write-only mode ~6.5 s, XlsxWriter cell by cell ~4.6 s, the rows rendered by the writer
itself ~2.1 s (of which ~0.7 s zlib's compression at its default level; 12.8 G instructions),
now ~0.55 s in the writer (2.6 G instructions: numbering and joining the rows, deflating them
with ISA-L, the links) and ~0.5 s of rendering spread over the workers. Every value is
written by its type (``_Book.put``, ``_column_cells``): text is always text, also when it
starts with "=" (never a formula), and dates carry the ledger's date format.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import math
import operator
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ledger_tools.ledger import columns as C
from ledger_tools.output import ISAL_LEVEL, ZIP_LEVEL
from ledger_tools.output import isal_zlib as _isal  # (the package's deflate: see output)
from ledger_tools.upward.merge import (
    AS_OF_LABEL,
    FINDING_HEADERS,
    NOT_COUNTED_LABEL,
    SHEET_FAILED,
    SHEET_FINDINGS,
    SHEET_MEASURES,
    SHEET_SUMMARY,
    SUMMARY_HEADERS,
    UNKNOWN,
    Failed,
    Merge,
    Unit,
    ordered_units,
    totals_row,
    unit_row,
    unit_sources,
    units_not_counting,
)

HEADER_FILL = "#DDEBF7"
STATUS_COLOURS = {
    "未启动": "#A6A6A6",
    "正在推进": "#F4B183",
    "基本完成": "#9DC3E6",
    "已完成": "#70AD47",
    "长期坚持": "#2E75B6",
    UNKNOWN: "#C00000",
}
# Excel keeps at most 65,530 links in a worksheet; past them 校验问题 shows the place as text.
MAX_LINKS = 65_530
PX_PER_CM = 96 / 2.54  # XlsxWriter sizes charts in pixels at 96 dpi
# 全部措施 as printed: the standard ledger's columns narrowed and their text wrapped, each row
# as high as its text (``_heights``), so that the sheet fits one A3 page wide (as the standard
# 整改台账 prints) at about 70%, not a third of A4 with each row cut to one line. By column
# name; a column not named keeps its width.
MEASURE_PRINT_WIDTHS: dict[str, float] = {
    "单位": 14,
    "序号": 5,
    "方面": 14,
    "问题": 18,
    "问题表现": 22,
    "整改目标": 16,
    "整改措施": 28,
    "责任领导": 8,
    "牵头部门": 10,
    "责任部门": 10,
    "责任人": 8,
    "整改时限": 15,
    "整改状态": 9,
    "完成时间": 15,  # a date (2024年12月31日) is not wrapped
    "整改进展及成效": 30,
    "佐证材料": 14,
    "清退资金": 10,
    "问责人次": 6,
    "建立制度": 6,
    "延期说明": 16,
    "备注": 10,
    "来源": 18,
}
MEASURE_NAMES = ("单位", *(c.name for c in C.COLUMNS), "来源")
MEASURE_WIDTHS = tuple(
    MEASURE_PRINT_WIDTHS.get(n, C.COLUMN_BY_NAME[n].width) for n in MEASURE_NAMES
)
FINDING_WIDTHS = (16, 24, 14, 6, 14, 60, 16)  # 单位, 文件, 位置, 级别, 规则, 说明, 原值


def write_merge_workbook(
    merge: Merge, out: str | os.PathLike[str], sort: str = "rate", overwrite: bool = True
) -> Path:
    """Write the 汇总台账 to ``out`` (atomically; never onto an input; an existing file only
    with ``overwrite``, also one that appeared while the units were read) and return its path."""
    from ledger_tools.output import atomic_output

    out_path = Path(out)
    inputs = [u.path for u in merge.units]
    with atomic_output(out, *inputs, overwrite=overwrite, flag="--force") as tmp:
        book = _Book(tmp)
        summary = book.sheet(SHEET_SUMMARY)
        measures = book.sheet(SHEET_MEASURES)
        findings = book.sheet(SHEET_FINDINGS)
        failed = book.sheet(SHEET_FAILED)
        info = book.sheet(C.SHEET_INFO)
        folder = out_path.resolve().parent
        _write_summary(book, summary, ordered_units(merge, sort), folder)
        _write_measures(book, measures, merge.units)
        _write_findings(book, findings, merge.units, folder)
        _write_failed(book, failed, merge.failed)
        _write_info(book, info, merge)
        book.close()
    return out_path


class _Book:
    """An XlsxWriter workbook and the formats it shares (a format is added once)."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(
            str(path),
            {
                # values are written by type: nothing the units wrote is turned into a
                # formula, a link or a number behind their back
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self._formats: dict[tuple[tuple[str, Any], ...], Any] = {}
        self.sheets: list[Any] = []
        self.links: dict[str, int] = {}  # links written per sheet (Excel's limit: MAX_LINKS)
        self.date = self.format(num_format=_date_format(), valign="top")
        # the cells of 全部措施 and 校验问题 (``WRAP``): wrapped, at the top of a tall row
        self.wrap = self.format(text_wrap=True, valign="top")
        self.link = self.wb.get_default_url_format()

    def sheet(self, name: str) -> Any:
        ws = self.wb.add_worksheet(name, worksheet_class=_bulk_sheet_class())
        self.sheets.append(ws)
        return ws

    def format(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.wb.add_format(props)
        return self._formats[key]

    def close(self) -> None:
        """Write the package with ``_FastZip`` and ``_fast_relationships`` (XlsxWriter takes
        zlib's default level and offers no option: its modules' ``ZipFile`` and
        ``Relationships`` are ours while it closes)."""
        import xlsxwriter.packager as xp
        import xlsxwriter.workbook as xw

        zip_file, relationships = xw.ZipFile, xp.Relationships
        xw.ZipFile = functools.partial(_FastZip, sheets=self.sheets)
        xp.Relationships = _fast_relationships()
        try:
            self.wb.close()
        finally:
            xw.ZipFile, xp.Relationships = zip_file, relationships

    def put(self, ws: Any, r: int, c: int, value: Any, fmt: Any = None) -> None:
        """One cell by the type of ``value`` (None: left empty unless it has a format)."""
        kind = value.__class__
        if kind is str:
            ws.write_string(r, c, value, fmt)
        elif value is None:
            if fmt is not None:
                ws.write_blank(r, c, None, fmt)
        elif kind is bool:
            ws.write_boolean(r, c, value, fmt)
        elif kind is int or kind is float:
            ws.write_number(r, c, value, fmt)
        elif isinstance(value, dt.date):
            ws.write_datetime(r, c, value, fmt or self.date)
        else:
            ws.write_string(r, c, str(value), fmt)

    def header(
        self,
        ws: Any,
        headers: Sequence[str],
        widths: Sequence[float],
        *,
        paper: int = 9,
        column_format: Any = None,
    ) -> None:
        """Column widths (with ``column_format`` for the cells typed later), frozen header,
        print setup (landscape on ``paper``, A4 unless told: 8 is A3; one page wide and as
        many pages tall as the rows need; the header on every page; pages numbered), then
        the header row itself."""
        for j, width in enumerate(widths):
            ws.set_column(j, j, width, column_format)
        ws.freeze_panes(1, 1)
        ws.repeat_rows(0)
        ws.set_landscape()
        ws.set_paper(paper)
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.7)
        ws.set_footer("&C第 &P 页，共 &N 页")
        style = self.format(
            bold=True,
            bg_color=HEADER_FILL,
            pattern=1,
            align="center",
            valign="vcenter",
            text_wrap=True,
            bottom=1,
            bottom_color="#808080",
        )
        for j, h in enumerate(headers):
            ws.write_string(0, j, h, style)


class _FastZip(zipfile.ZipFile):
    """XlsxWriter's ``ZipFile`` while a ``_Book`` closes: the members deflated fast (with
    ISA-L where ``isal`` is installed, else with zlib at ``ZIP_LEVEL``), and the rows of the
    bulk sheets streamed into their members as they are joined (``write``), never written to
    a temporary file and read back (70 MB for 300 units × 100 measures)."""

    def __init__(self, *args: Any, sheets: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "compresslevel": ZIP_LEVEL})
        self.sheets = sheets  # the book's sheets (``_bulk_sheet_class``)

    def open(
        self, name: Any, mode: Literal["r", "w"] = "r", pwd: bytes | None = None, **kwargs: Any
    ) -> Any:
        member = super().open(name, mode, pwd, **kwargs)
        # zipfile takes no compressor: the member's is replaced (where a later Python has no
        # such attribute, zlib's level stays)
        if mode == "w" and getattr(member, "_compressor", None) is not None:
            isal = _isal()
            if isal is not None:
                # (private, so not in typeshed's zipfile)
                member._compressor = isal.compressobj(ISAL_LEVEL, isal.DEFLATED, -15)  # type: ignore[attr-defined]  # noqa: SLF001
        return member

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        """The member ``arcname`` from the file ``filename`` (as ``ZipFile.write``); a bulk
        sheet's file holds ``BULK_MARK`` where its rows go."""
        sheet = next((ws for ws in self.sheets if ws.bulk_file == filename), None)
        if sheet is None:
            super().write(filename, arcname, *args, **kwargs)
            return
        head, _, tail = Path(filename).read_bytes().partition(BULK_MARK)
        member = zipfile.ZipInfo.from_file(filename, arcname)  # its date: XlsxWriter's
        member.compress_type = self.compression
        # what ZipFile.write sets (``compress_level`` from Python 3.13 on)
        level = "compress_level" if hasattr(member, "compress_level") else "_compresslevel"
        setattr(member, level, ZIP_LEVEL)
        # ZIP64 only when needed: (older) Excel may call a workbook with it damaged
        big = sheet.bulk_size + len(head) + len(tail) > zipfile.ZIP64_LIMIT * 0.9
        with self.open(member, "w", force_zip64=big) as out:
            out.write(head)
            _write_behind(out.write, sheet.bulk_pieces)
            out.write(tail)


def _write_behind(write: Callable[[bytes], Any], pieces: Iterable[bytes]) -> None:
    """``write(piece)`` of each of ``pieces``, in order, in a second thread while the next
    piece is made: deflating a piece (and its CRC) releases the GIL, so the rows are numbered
    and joined on one core while the previous piece is compressed on the other (the workers
    have ended by then). The same calls in the same order: the same bytes. An error in either
    thread is raised here."""
    import queue
    import threading

    todo: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
    failed: list[BaseException] = []

    def run() -> None:
        while (piece := todo.get()) is not None:
            if not failed:
                try:
                    write(piece)
                except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
                    failed.append(exc)

    thread = threading.Thread(target=run, name="ledger-tools-deflate", daemon=True)
    thread.start()
    try:
        for piece in pieces:
            if failed:
                break
            todo.put(piece)
    finally:
        todo.put(None)
        thread.join()
    if failed:
        raise failed[0]


@functools.cache
def _fast_relationships() -> type:
    """XlsxWriter's ``Relationships`` writing its list as one string: the relationships file
    of 校验问题 has one per link (14,000 for 300 units), each written by XlsxWriter through a
    tag call and four escapes. The same XML."""
    from xlsxwriter.relationships import PACKAGE_SCHEMA, Relationships

    class FastRelationships(Relationships):
        def _write_relationships(self) -> None:
            escape = self._escape_attributes
            xml = []
            for kind, target, mode in self.relationships:
                tail = f' TargetMode="{escape(mode)}"/>' if mode else "/>"
                xml.append(
                    f'<Relationship Id="rId{self.id}" Type="{escape(kind)}" '
                    f'Target="{escape(target)}"{tail}'
                )
                self.id += 1
            self._xml_start_tag("Relationships", [("xmlns", PACKAGE_SCHEMA)])
            self.fh.write("".join(xml))
            self._xml_end_tag("Relationships")

    return FastRelationships


@functools.cache
def _bulk_sheet_class() -> type:
    """XlsxWriter's worksheet with ``bulk_rows``: rows after the header written straight to
    the sheet XML when the workbook is closed. XlsxWriter keeps every cell as an object and
    writes it through several calls: ~6 µs a cell, 3.5 s of CPU for the 660,000 cells of
    300 units' 全部措施, five times what writing their XML directly costs. Only the body of
    the sheet is written here; XlsxWriter writes the rest (header, widths, frozen pane,
    filter, print setup) and the package. (Its sheet-data hook is not public API: the merge
    tests read the result back with openpyxl, the project's reader and LibreOffice.)"""
    from xlsxwriter.worksheet import Worksheet

    class BulkSheet(Worksheet):
        bulk_rows_xml: Callable[[], Iterable[bytes]] | None = None
        bulk_size = 0  # bytes of the bulk rows, about
        dim_rowmax: int  # XlsxWriter's: the sheet's last row (0-based)
        bulk_file: str | None = None  # the sheet's XML file, with BULK_MARK for the rows
        bulk_pieces: Iterable[bytes] = ()
        _links: list[tuple[str, str]] | None = None

        def bulk_rows(
            self, n: int, width: int, rows: Callable[[], Iterable[bytes]], size: int
        ) -> None:
            """Rows 2 … n + 1 (Excel's numbers) of ``width`` columns: ``rows()`` yields their
            XML (UTF-8, about ``size`` bytes), called when the sheet is written, iterated when
            the package is (``_FastZip``). No other cell may be written below the header."""
            self._check_dimensions(n, width - 1)
            self.bulk_rows_xml = rows
            self.bulk_size = size

        def bulk_links(self, links: list[tuple[str, str]]) -> None:
            """Links of cells of the bulk rows: (cell, target) in row order, each a link to
            another file (its text is written by the bulk rows, in the link style). The sheet
            has no other links. Written as XlsxWriter writes an external link, without an
            object per link."""
            self._links = links

        def _write_sheet_data(self) -> None:
            if self.bulk_rows_xml is None:
                super()._write_sheet_data()
                return
            self._xml_start_tag("sheetData")
            last, self.dim_rowmax = self.dim_rowmax, 0  # XlsxWriter's cells: the header row
            try:
                self._write_rows()
            finally:
                self.dim_rowmax = last
            self.fh.write(BULK_MARK.decode())
            self.bulk_file = self.fh.name
            # the styles' indexes are taken now, while XlsxWriter assigns them
            self.bulk_pieces = self.bulk_rows_xml()
            self._xml_end_tag("sheetData")

        def _write_hyperlinks(self) -> None:
            if not self._links:
                super()._write_hyperlinks()
                return
            xml = []
            for cell, target in self._links:
                self.rel_count += 1
                xml.append(f'<hyperlink ref="{cell}" r:id="rId{self.rel_count}"/>')
                self.external_hyper_links.append(["/hyperlink", target, "External"])
            self._xml_start_tag("hyperlinks")
            self.fh.write("".join(xml))
            self._xml_end_tag("hyperlinks")

    return BulkSheet


def display_width(text: str) -> int:
    from ledger_tools.ledger.workbook import display_width as width

    return width(text)


def _date_format() -> str:
    from ledger_tools.ledger.workbook import DATE_FORMAT

    return DATE_FORMAT


def _letter(j: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return xl_col_to_name(j)


def _write_summary(book: _Book, ws: Any, units: list[Unit], folder: Path) -> None:
    rows = [unit_row(u) for u in units]
    # 单位 as wide as the longest name (a duplicate's name carries its file), within reason.
    names = [display_width(str(row["单位"])) for row in rows]
    unit_width = min(max([24, *(w + 2 for w in names)]), 48)
    widths = [unit_width, 8, 8, *([9] * (len(C.STATUSES) + 1)), 8, 9, 9, 9, 9, 7, 7, 30, 40]
    book.header(ws, SUMMARY_HEADERS, widths, paper=8)  # 18 columns: A3, as 全部措施
    flagged = book.format(bg_color="#FCE4D6", pattern=1)
    wrap = book.format(text_wrap=True, valign="top")
    for r, (row, u) in enumerate(zip(rows, units, strict=True), start=1):
        for j, h in enumerate(SUMMARY_HEADERS):
            if h == "办结率":
                _rate(book, ws, r, j, u.totals["问题数"], row["办结率"])
            elif h == "文件":
                _link(book, ws, r, j, row["文件"], u.path, folder, None)
            elif h == "单位" and row["说明"]:
                book.put(ws, r, j, row[h], flagged)
            elif h == "说明" and row["说明"]:
                book.put(ws, r, j, row[h], wrap)
            else:
                book.put(ws, r, j, row[h])
        if row["说明"]:  # wrapped: printed one line high, cut off, unless told its height
            k = -(-_display_width(str(row["说明"])) // (widths[-1] - 1))
            if k > 1:
                ws.set_row(r, LINE_HEIGHT * k + 4)
    n = len(rows)
    total = totals_row(rows)
    bold = {"bold": True, "top": 2}  # medium border above the totals
    for j, h in enumerate(SUMMARY_HEADERS):
        if h == "办结率":
            _rate(book, ws, n + 1, j, total["问题数"], total["办结率"], **bold)
        else:
            book.put(ws, n + 1, j, total[h], book.format(**bold))
    last = len(SUMMARY_HEADERS) - 1
    ws.autofilter(0, 0, n, last)
    if not n:
        return
    col = {h: j for j, h in enumerate(SUMMARY_HEADERS)}
    ws.conditional_format(
        1, col["办结率"], n, col["办结率"],
        {
            "type": "3_color_scale",
            "min_type": "num", "min_value": 0, "min_color": "#F8696B",
            "mid_type": "num", "mid_value": 0.5, "mid_color": "#FFEB84",
            "max_type": "num", "max_value": 1, "max_color": "#63BE7B",
        },
    )  # fmt: skip
    for header, fill, font in (
        ("错误", "#FFC7CE", "#9C0006"),
        ("红色预警", "#FFC7CE", "#9C0006"),
        ("警告", "#FFEB9C", "#9C5700"),
        ("黄色预警", "#FFEB9C", "#9C5700"),
    ):
        ws.conditional_format(
            1, col[header], n, col[header],
            {
                "type": "cell", "criteria": ">", "value": 0,
                "format": book.format(bg_color=fill, font_color=font),
            },
        )  # fmt: skip
    empty = [str(row["单位"]) for row in rows if not row["问题数"]]
    _charts(book, ws, n, col, n + 3, empty)


def _rate(book: _Book, ws: Any, r: int, c: int, problems: int, text: str, **style: Any) -> None:
    """办结率 as a number (for the colour scale and the chart) that shows exactly what ``stats``
    prints: as many decimals as its text, and never a rounded 100% or 0% (99.96% stays 99.9%).
    Empty where there are no problems: the charts draw no bar for an empty cell."""
    from decimal import Decimal

    if not problems:
        ws.write_blank(r, c, None, book.format(**style) if style else None)
        return
    value = float(Decimal(text.rstrip("%")) / 100)
    decimals = len(text.rstrip("%").partition(".")[2])
    number_format = "0." + "0" * decimals + "%" if decimals else "0%"
    ws.write_number(r, c, value, book.format(num_format=number_format, **style))


def _charts(
    book: _Book, ws: Any, n: int, col: dict[str, int], row: int, empty: Sequence[str] = ()
) -> None:
    """Two native bar charts side by side from ``row`` (0-based), below the table so that
    they print with it: 办结率 by unit, and the problems of each unit stacked by status.
    ``empty``: the units with no measures (no bar), named under the bars of 办结率."""
    sheet = f"'{SHEET_SUMMARY}'"

    def ref(j: int, first: int, last: int) -> str:
        return f"={sheet}!${_letter(j)}${first}:${_letter(j)}${last}"

    units = ref(col["单位"], 2, n + 1)
    height = max(7.5, 0.55 * n + 2.5) * PX_PER_CM  # one readable bar per unit
    size = {"width": round(16 * PX_PER_CM), "height": round(height)}
    rate = book.wb.add_chart({"type": "bar"})
    j = col["办结率"]
    rate.add_series(
        {
            "name": f"={sheet}!${_letter(j)}$1",
            "categories": units,
            "values": ref(j, 2, n + 1),
            "fill": {"color": "#2E75B6"},
            "data_labels": {"value": True},
        }
    )
    rate.set_title({"name": "各单位问题办结率"})
    rate.set_legend({"none": True})
    # In a bar chart XlsxWriter's x axis is the horizontal value axis, y the categories.
    axis: dict[str, Any] = {"min": 0, "max": 1, "num_format": "0%"}
    if empty:  # said under the bars: an empty row there is not a unit at 0%
        names = "、".join(empty[:3]) + (f"等 {len(empty)} 个单位" if len(empty) > 3 else "")
        axis["name"] = f"{names}尚未填报整改措施，不计办结率，图中未画出"
        axis["name_font"] = {"size": 9, "bold": False, "color": "#595959"}
    rate.set_x_axis({**axis, "major_gridlines": {"visible": False}})
    statuses = book.wb.add_chart({"type": "bar", "subtype": "stacked"})
    for status in (*C.STATUSES, UNKNOWN):
        j = col[status]
        colour = STATUS_COLOURS[status]
        statuses.add_series(
            {
                "name": f"={sheet}!${_letter(j)}$1",
                "categories": units,
                "values": ref(j, 2, n + 1),
                "fill": {"color": colour},
                "border": {"color": colour},
            }
        )
    statuses.set_title({"name": "各单位问题整改状态（项）"})
    statuses.set_legend({"position": "bottom"})
    for chart in (rate, statuses):
        chart.set_size(size)
        # first unit on top, as in the table; every unit named (LibreOffice and WPS skip
        # every other name of a long list unless told not to)
        chart.set_y_axis({"reverse": True, "interval_unit": 1, "num_font": {"size": 9}})
    ws.insert_chart(row, 0, rate)
    ws.insert_chart(row, 9, statuses)  # column J


def _link(
    book: _Book,
    ws: Any,
    r: int,
    c: int,
    text: str,
    target: str,
    folder: Path,
    location: str | None,
) -> None:
    """A cell showing ``text`` that links to a unit's file (and cell); plain text where
    ``_url`` gives no link."""
    url = _url(book, ws, text, target, folder, location)
    if url is None:
        book.put(ws, r, c, text)
    else:
        ws.write_url(r, c, url)


def _url(book: _Book, ws: Any, text: str, target: str, folder: Path, location: str | None) -> Any:
    """The link (an ``xlsxwriter.url.Url``) showing ``text`` to a unit's file (and cell), or
    None (``_link_target``). A copy of the file's parsed link: parsing one costs more than
    the rest of a row."""
    link = _link_target(book, ws, target, folder, location)
    if link is None:
        return None
    url = copy.copy(_parsed_link(_relative(target, str(folder))))
    url._link = url._relationship_link = link  # noqa: SLF001
    url.text = text
    return url


def _link_target(
    book: _Book, ws: Any, target: str, folder: Path, location: str | None
) -> str | None:
    """The target of the link to a unit's file (and cell), ``各单位/甲.xlsx#'整改台账'!K6``
    (a "#" of the path as %23), relative to the output's ``folder`` so that the folder can be
    moved or shared as a whole; None where Excel's limit of links per sheet is reached or the
    link is longer than Excel takes (2,080 characters). XlsxWriter would turn "/" into "\\"
    (which only Windows follows) and move the cell into a separate location attribute."""
    if book.links.get(ws.name, 0) >= MAX_LINKS:
        return None
    try:
        parsed = _parsed_link(_relative(target, str(folder)))
    except ValueError:
        return None
    link = parsed._link + (f"#{_location(location)}" if location else "")  # noqa: SLF001
    if len(link) > parsed.MAX_URL_LEN:
        return None
    book.links[ws.name] = book.links.get(ws.name, 0) + 1
    return link


def _location(place: str) -> str:
    """The link's place in the unit's workbook from a finding's ``Finding.cell``
    (``整改台账!K12``, ``'O''Brien 台账'!K3``, ``整改台账!12行`` or the sheet alone): the
    sheet in quotes as a link needs it, and a cell (A1 of a sheet, column A of a row)."""
    sheet, bang, addr = place.rpartition("!")
    if not bang:
        sheet, addr = place, "A1"
    elif addr.endswith("行"):
        addr = "A" + addr.removesuffix("行")
    if not (sheet.startswith("'") and sheet.endswith("'")):
        sheet = "'" + sheet.replace("'", "''") + "'"
    return f"{sheet}!{addr or 'A1'}"


# (and the bytes of a name that are not UTF-8, held by Python as surrogate escapes U+DC80–
# U+DCFF: as %XX they are the file's own bytes, where raw they stopped the writer)
_CONTROL_IN_LINK = re.compile("[\x00-\x1f\x7f\udc80-\udcff]")


@functools.lru_cache(maxsize=256)
def _parsed_link(path: str) -> Any:
    from xlsxwriter.url import Url

    url = Url("external:" + path)
    # control characters of a file name (Linux allows them) as %XX: raw, they made the
    # relationships part invalid XML and the whole workbook unreadable
    link = _CONTROL_IN_LINK.sub(
        lambda m: f"%{ord(m.group()) & 0xFF:02X}", Url._escape_url(path).replace("#", "%23")
    )
    url._link = url._relationship_link = link  # noqa: SLF001
    url._anchor = ""  # noqa: SLF001
    return url


@functools.lru_cache(maxsize=4096)  # one unit's findings all link to the same file
def _relative(target: str, folder: str) -> str:  # (a Path as a key costs more than relpath)
    try:
        rel = os.path.relpath(target, folder)
    except ValueError:  # another drive on Windows
        rel = target
    return rel.replace(os.sep, "/")


def _write_measures(book: _Book, ws: Any, units: list[Unit]) -> None:
    headers = ["单位", *(C.header_label(c.name) for c in C.COLUMNS), "来源"]
    book.header(ws, headers, MEASURE_WIDTHS, paper=8, column_format=book.wrap)  # A3, as 整改台账
    n = sum(len(_rendered(u).measures) for u in units)
    if n:
        size = sum(map(len, (row for u in units for row in _rendered(u).measures)))
        ws.bulk_rows(n, len(headers), lambda: _sheet_rows(units, _MEASURES, book), size)
    ws.autofilter(0, 0, n, len(headers) - 1)


def _letters(first: int, n: int) -> list[str]:
    """The names of ``n`` columns from the 0-based column ``first`` (A, B, …, Z, AA, …)."""
    names = []
    for j in range(first, first + n):
        name = ""
        j += 1
        while j:
            j, k = divmod(j - 1, 26)
            name = chr(65 + k) + name
        names.append(name)
    return names


_MEASURE_REFS = _letters(1, len(C.COLUMNS) + 1)  # B …: the standard columns, then 来源
_MEASURES = operator.attrgetter("measures", "measure_heights")
_FINDINGS = operator.attrgetter("findings", "finding_heights")


# A row of 全部措施 or 校验问题 is rendered where the unit is read (``render_unit``, in the
# worker process) before its place in the sheet is known: these placeholders stand for what
# only the writer knows. Control characters never reach the XML as they are (``_inline``
# writes them as _xHHHH_), so a placeholder cannot be confused with a unit's text.
ROW = "\x00"  # the row number
DATE = "\x01"  # the index of the date style
LINK = "\x02"  # ' s="N"' (the link style) where the cell is made a link, else nothing
WRAP = "\x03"  # the index of the wrapped style (``_Book.wrap``) of text and numbers
_ROW, _DATE, _LINK, _WRAP = (p.encode() for p in (ROW, DATE, LINK, WRAP))
BULK_MARK = b"\x00bulk rows\x00"  # where a bulk sheet's rows go in its file (``_FastZip``)


@dataclass
class UnitXml:
    """A unit's rows of 全部措施 and 校验问题 as sheet XML (UTF-8), from column B on (column A,
    单位, is the writer's: a duplicate name gets its file added), with the placeholders."""

    measures: list[bytes]
    findings: list[bytes]
    # each row's height where its wrapped text needs more than one line (``_heights``)
    measure_heights: list[bytes] = field(default_factory=list)
    finding_heights: list[bytes] = field(default_factory=list)


def render_unit(u: Unit, columns: Sequence[Sequence[Any]] | None = None) -> UnitXml:
    """The rows of ``u`` for the two big sheets: what the 汇总台账 shows of the unit, rendered
    by the process that read it, so that the writer only numbers and joins them. ``columns``:
    the unit's 全部措施 by column (C.COLUMNS), as ``merge.unit_of`` builds them (else taken
    from ``u.measures``)."""
    from ledger_tools.ledger.findings import SEVERITY_LABEL

    if columns is None:
        columns = list(zip(*u.measures, strict=True)) if u.measures else [()] * len(C.COLUMNS)
    measure_columns = [*columns, unit_sources(u)]
    measures = _render_rows(measure_columns, _MEASURE_REFS)
    fs = u.findings
    name = Path(u.file).name
    finding_columns = [
        [u.file] * len(fs),
        [f["cell"] or f["sheet"] or name for f in fs],
        [SEVERITY_LABEL[f["severity"]] for f in fs],
        [f["rule"] for f in fs],
        [f["message"] for f in fs],
        ["" if f["value"] is None else str(f["value"]) for f in fs],
    ]
    findings = _render_rows(
        finding_columns,
        "BCDEFG",
        {1: f'<c r="C{ROW}"{LINK} t="inlineStr">'},  # 位置: the link style where it links
    )
    return UnitXml(
        measures,
        findings,
        _heights([[u.unit] * len(measures), *measure_columns], MEASURE_WIDTHS),
        _heights([[u.unit] * len(fs), *finding_columns], FINDING_WIDTHS),
    )


LINE_HEIGHT = 14.5  # points a line of 11-point text takes (as the standard ledger's rows)


def _heights(columns: Sequence[Sequence[Any]], widths: Sequence[float]) -> list[bytes]:
    """The ``<row>`` attributes of each row whose wrapped text takes more than one line in
    the columns of ``widths``: an explicit height (b" ht=… customHeight=…"), else b"". Excel
    fits a wrapped row only when it is edited, LibreOffice and WPS not at all: without it the
    rows of 全部措施 print one line high, cut off. Estimated by the text's display width and
    its line breaks, as the standard ledger's rows are (``_display_width``)."""
    n = len(columns[0]) if columns else 0
    lines = [1] * n
    for values, width in zip(columns, widths, strict=True):
        per_line = max(int(width) - 1, 1)
        short = per_line // 2  # this many characters fit on a line, whatever they are
        for i, v in enumerate(values):
            if v.__class__ is not str or len(v) <= short:
                continue
            if "\n" in v:
                k = sum(-(-_display_width(part) // per_line) or 1 for part in v.split("\n"))
            else:
                k = -(-_display_width(v) // per_line)
            if k > lines[i]:
                lines[i] = k
    return [
        b"" if k == 1 else b' ht="%s" customHeight="1"' % str(LINE_HEIGHT * k + 4).encode()
        for k in lines
    ]


def _display_width(text: str) -> int:
    """About ``workbook.display_width`` (a Chinese character 2, a Latin one 1), from the
    UTF-8 length: 3 bytes make 2, 1 byte 1. Exact for the ledgers' text, and computed in C:
    the exact width, a dictionary lookup per character, took 1.5 s of CPU for the 300,000
    cells of 300 units (the workers' whole rendering takes 0.5 s)."""
    return (len(text.encode()) + len(text)) >> 1


def _render_rows(
    columns: Sequence[Sequence[Any]], letters: Sequence[str], opens: dict[int, str] | None = None
) -> list[bytes]:
    """The rows (UTF-8) of the cells of ``columns`` in the columns ``letters``, the row number
    as ``ROW``; ``opens``: a column's own start of a text cell. Column by column: one
    comprehension a column costs half of a loop over the cells row by row."""
    opens = opens or {}
    cells = [
        _column_cells(values, letter, opens.get(j))
        for j, (values, letter) in enumerate(zip(columns, letters, strict=True))
    ]
    return [row.encode() for row in map("".join, zip(*cells, strict=True))]


def _column_cells(values: Sequence[Any], letter: str, text_open: str | None = None) -> list[str]:
    """The cell (``<c>``) of each value of one column, the row number as ``ROW``: "" for
    None and "". A value is written as XlsxWriter's ``write_*`` would by its type: text as an
    inline string (never a formula), numbers, booleans, dates as date serials with the
    ledger's date format (``DATE``)."""
    ref = f"{letter}{ROW}"
    text_open = text_open or f'<c r="{ref}" s="{WRAP}" t="inlineStr">'
    fast = text_open + "<is><t>"
    plain = _PLAIN_CELL
    return [
        ""
        if v is None
        else f"{fast}{v}</t></is></c>"
        if v.__class__ is str and len(v) <= MAX_TEXT and plain(v)
        else _cell(ref, text_open, v)
        for v in values
    ]


def _cell(ref: str, text_open: str, v: Any) -> str:
    """``_column_cells`` of a value that is not plain text."""
    kind = v.__class__
    if v == "":
        return ""
    if kind is str:
        return f"{text_open}{_inline(v)}</c>"
    if kind is bool:
        return f'<c r="{ref}" s="{WRAP}" t="b"><v>{int(v)}</v></c>'
    if (kind is int or kind is float) and math.isfinite(v):
        return f'<c r="{ref}" s="{WRAP}"><v>{v!r}</v></c>'
    if isinstance(v, dt.date) and _day(v) >= _FIRST_SERIAL_DAY:
        return f'<c r="{ref}" s="{DATE}"><v>{_serial(v)}</v></c>'
    return f"{text_open}{_inline(str(v))}</c>"


def _sheet_rows(
    units: list[Unit],
    rows: Callable[[UnitXml], tuple[list[bytes], list[bytes]]],
    book: _Book,
    links: Any = None,
) -> Iterator[bytes]:
    """Sheet XML of the units' rendered rows from Excel's row 2 (after the header): each row
    numbered, with its unit's 单位 in column A, in pieces of about 2,000 rows. ``links`` (a
    list of a bool per row, in order) tells which rows' column C is a link. Called while the
    workbook is closed: a format's index is assigned only then (by the time the rows are
    joined, XlsxWriter has written its styles)."""
    date = str(book.date._get_xf_index()).encode()  # noqa: SLF001
    wrap = str(book.wrap._get_xf_index()).encode()  # noqa: SLF001
    linked = f' s="{book.link._get_xf_index()}"'.encode()  # noqa: SLF001
    return _numbered_rows(units, rows, date, linked, links, wrap)


def _numbered_rows(
    units: list[Unit],
    rows: Callable[[UnitXml], tuple[list[bytes], list[bytes]]],
    date: bytes,
    linked: bytes,
    links: Any,
    wrap: bytes = b"0",
) -> Iterator[bytes]:
    out: list[bytes] = []
    put = out.append
    r = 1
    for u in units:
        head = _column_cells([u.unit], "A")[0].encode()
        templates, heights = rows(_rendered(u))
        for template, height in zip(templates, heights or [b""] * len(templates), strict=True):
            r += 1
            number = b"%d" % r
            row = template.replace(_ROW, number)
            if links is not None:
                row = row.replace(_LINK, linked if links[r - 2] else b"")
            put(b'<row r="%b"%b>%b%b</row>' % (number, height, head.replace(_ROW, number), row))
        if len(out) > 2_000:
            yield b"".join(out).replace(_DATE, date).replace(_WRAP, wrap)
            out.clear()
    yield b"".join(out).replace(_DATE, date).replace(_WRAP, wrap)


def _rendered(u: Unit) -> UnitXml:
    """The unit's rows as the worker rendered them (rendered here when it did not)."""
    if u.xml is None:
        u.xml = render_unit(u)
    return u.xml


_EPOCH = dt.datetime(1899, 12, 30)
_FIRST_SERIAL_DAY = dt.date(1900, 3, 1)  # before it Excel's serials count a 29 February 1900
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f]|_x[0-9a-fA-F]{4}_")
# text written as it is: nothing to escape, no blank to preserve at either end, not empty
_PLAIN_CELL = re.compile(r"(?!\s)[^&<>\x00-\x08\x0b-\x1f_]+(?<!\s)").fullmatch
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_ESCAPED_LOOKING = re.compile(r"(_x[0-9a-fA-F]{4}_)")
MAX_TEXT = 32_767  # characters in a cell, Excel's limit


def _day(v: dt.date) -> dt.date:
    return v.date() if isinstance(v, dt.datetime) else v


def _serial(v: dt.date) -> str:
    if isinstance(v, dt.datetime):
        return repr((v.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400)
    return str((v - _EPOCH.date()).days)


def _inline(text: str) -> str:
    """``<is><t>…</t></is>`` of ``text`` as Excel writes it: XML escapes, control characters
    as ``_xHHHH_`` (and a literal ``_xHHHH_`` protected as ``_x005F_xHHHH_``), leading or
    trailing blanks preserved, at most Excel's 32,767 characters."""
    text = text[:MAX_TEXT]
    if _NEEDS_ESCAPE.search(text):
        text = _ESCAPED_LOOKING.sub(r"_x005F\1", text)
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if text[:1].isspace() or text[-1:].isspace():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def _write_findings(book: _Book, ws: Any, units: list[Unit], folder: Path) -> None:
    """校验问题: the rendered rows of the units' findings, the 位置 of each a link to the
    unit's file and cell (while Excel's limit of links in a sheet allows)."""
    book.header(ws, FINDING_HEADERS, FINDING_WIDTHS, column_format=book.wrap)
    links: list[tuple[str, str]] = []
    linked: list[bool] = []
    for u in units:
        for f in u.findings:
            place = f["cell"] or f["sheet"]
            target = _link_target(book, ws, u.path, folder, place or None)
            linked.append(target is not None)
            if target is not None:
                links.append((f"C{len(linked) + 1}", target))
    if linked:
        size = sum(map(len, (row for u in units for row in _rendered(u).findings)))
        ws.bulk_rows(
            len(linked),
            len(FINDING_HEADERS),
            lambda: _sheet_rows(units, _FINDINGS, book, linked),
            size,
        )
        ws.bulk_links(links)
    ws.autofilter(0, 0, len(linked), len(FINDING_HEADERS) - 1)


def _write_failed(book: _Book, ws: Any, failed: list[Failed]) -> None:
    book.header(ws, ("文件", "原因"), [40, 100])
    for r, f in enumerate(failed, start=1):
        book.put(ws, r, 0, f.file)
        book.put(ws, r, 1, f.reason)


def _write_info(book: _Book, ws: Any, merge: Merge) -> None:
    """基本信息 of the 汇总台账: the fields every unit shares; the rest for the receiver to fill
    (the 汇总报告 reads 单位名称, 党组织名称 and 成文日期 from here)."""
    book.header(ws, ("项目", "内容", "说明"), [20, 40, 50])
    rows = []
    for f in C.INFO_FIELDS:
        value = merge.info.get(f.name)
        note = "各单位一致，已带入" if value is not None else f.help
        if f.name in ("单位名称", "党组织名称"):
            note = "汇总单位填写（汇总报告的落款）"
        rows.append([f.name, value, note])
    rows.append([AS_OF_LABEL, merge.today, "汇总时的统计日期（--today）；汇总报告默认按此日期统计"])
    if names := units_not_counting(merge):
        rows.append(
            [
                NOT_COUNTED_LABEL,
                "\n".join(names),
                "这些单位的台账规定长期坚持不计入办结，按“全部措施”统计时仍按各自的口径（每行一个单位）",
            ]
        )
    for r, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            book.put(ws, r, j, value)
