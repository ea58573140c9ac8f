"""The standard ledger workbook (README “台账的列”), written entirely from ``columns``.

``new_workbook(path, unit)`` writes it; ``build_workbook(unit)`` returns it as an openpyxl
``Workbook`` for code that fills it further (the example builder). ``set_text`` is the one way
this project writes text into a cell: text starting with ``= + - @`` stays text.

Layout (every position below is a module constant; other code should use the constants):

* Sheets, in order: 填表说明, 基本信息, 整改台账, 文稿段落, 字典 (``columns.SHEETS``). The workbook
  opens on 整改台账.
* **填表说明** — A1 title; then sections, each a bold heading row in column A followed by rows
  ``A 项目 | B 必填 | C 说明``. Purely for reading; nothing parses it.
* **基本信息** — row 1 header ``项目 | 内容 | 说明``; from row 2 one row per ``INFO_FIELDS`` item in
  that order (``INFO_FIRST_ROW``; ``info_row(name)`` gives the row). Values go in column B
  (``INFO_VALUE_COLUMN``): 单位名称 from ``--unit``, 长期坚持计入办结 = 是, everything else empty.
  Date fields are formatted ``yyyy"年"m"月"d"日"``; 监督类型 and 长期坚持计入办结 have drop-downs.
* **整改台账** — header in row ``HEADER_ROW`` (1) with ``header_label`` of every ``COLUMNS`` item
  in order (column letter: ``column_letter(name)``); no data rows. Rows ``FIRST_DATA_ROW``
  (2) to ``LAST_FORMATTED_ROW`` (1001) carry the data styles (font, wrap, date/number formats),
  drop-downs, numeric validation and the overdue conditional formatting; write values into
  those cells (``write_ledger_row``) and the styles stay. Merge 序号/方面/问题 vertically over
  a problem's measure rows with ``ws.merge_cells``.
* **文稿段落** — row 1 header ``文稿 | 章节 | 小标题 | 内容``; from row 2 example rows (one or more
  per section of ``TEXT_SECTIONS``), each 内容 starting with ``EXAMPLE_MARK``. To replace them,
  ``ws.delete_rows(2, ws.max_row)`` and write new rows from row 2 (``write_text_row``).
* **字典** — row 1 header; columns A 方面 (examples, user-maintained, up to ``ASPECT_SLOTS``),
  B 整改状态, C 监督类型, D 是否, E 文稿, F 章节. The drop-downs refer to these ranges.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ledger_tools.errors import OutputError
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import strip_forbidden
from ledger_tools.output import atomic_output

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

# ---------------------------------------------------------------------------------------------
# Layout constants (see the module docstring).
HEADER_ROW = 1
FIRST_DATA_ROW = 2
FORMATTED_ROWS = 1000
LAST_FORMATTED_ROW = FIRST_DATA_ROW + FORMATTED_ROWS - 1
INFO_FIRST_ROW = 2
INFO_VALUE_COLUMN = "B"
TEXT_FIRST_ROW = 2
TEXT_FORMATTED_ROWS = 200  # 文稿段落 rows with drop-downs and wrap
ASPECT_SLOTS = 30  # 字典 rows for the user's 方面 list (A2:A31)

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
MONEY_FORMAT = "#,##0.00"
COUNT_FORMAT = "0"

FONT_BODY = "宋体"
FONT_HEAD = "黑体"
FONT_SIZE = 11

FILL_HEAD = "D9E1F2"  # header of optional columns
FILL_HEAD_REQUIRED = "B4C6E7"  # header of required columns (darker)
FILL_RED = "FFC7CE"  # overdue (红色预警); also the marked copy's error colour
FILL_YELLOW = "FFEB9C"  # due within 10 days (黄色预警); also the marked copy's warning colour
FILL_GREEN = "C6EFCE"  # due within 20 days (绿色预警)

# 字典 columns: header → values. 方面 examples are generic aspect names the user edits.
EXAMPLE_ASPECTS = (
    "落实党的理论路线方针政策和上级决策部署方面",
    "落实全面从严治党战略部署方面",
    "落实新时代党的组织路线方面",
    "落实整改和成果运用方面",
)
LISTS: dict[str, tuple[str, ...]] = {
    "方面": EXAMPLE_ASPECTS,
    "整改状态": C.STATUSES,
    "监督类型": C.SUPERVISION_TYPES,
    "是否": C.YES_NO,
    "文稿": C.TEXT_DOCS,
    "章节": C.ALL_TEXT_SECTIONS,
}

FORMULA_PREFIXES = ("=", "+", "-", "@")


# ---------------------------------------------------------------------------------------------
# Cell helpers shared by everything that writes .xlsx (workbook, marking, examples).


def _cell(ws: Worksheet, row: int, column: int) -> Cell:
    """``ws.cell(row, column)`` as the plain cell it is here: openpyxl's stubs type it
    ``Cell | MergedCell``, and this module writes no cell inside a merged range but its top-left."""
    return cast("Cell", ws.cell(row, column))


def set_text(cell: Cell, value: Any) -> Cell:
    """Assign ``value`` to ``cell``; text starting with ``= + - @`` is stored as text, never as a
    formula (README “安全与可靠性”), and keeps a quote prefix so Excel/WPS leave it text when edited.
    Control characters that XML cannot hold are dropped."""
    if isinstance(value, str):
        value = strip_forbidden(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def append_row(ws: Worksheet, values: Iterable[Any]) -> None:
    """``ws.append(values)`` with every text written by ``set_text``: openpyxl's own ``append``
    makes a text starting with ``=`` a live formula (a 责任部门 written ``=HYPERLINK(…)`` or
    ``=cmd|…`` would run when the output is opened) and fails on a control character."""
    values = list(values)
    ws.append([None if isinstance(v, str) else v for v in values])
    # the row append just wrote (also when every value is text; private: not in types-openpyxl)
    row = ws._current_row  # type: ignore[attr-defined]
    for j, value in enumerate(values, start=1):
        if isinstance(value, str):
            set_text(_cell(ws, row, j), value)


def column_letter(name: str) -> str:
    """The 整改台账 column letter of canonical column ``name`` (``整改时限`` → ``K``)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(C.COLUMN_NAMES.index(name) + 1)


def info_row(name: str) -> int:
    """The 基本信息 row of field ``name`` in the standard workbook."""
    return INFO_FIRST_ROW + [f.name for f in C.INFO_FIELDS].index(name)


def display_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters count 2."""
    # str.translate looks each character up in C; each distinct character is classified once.
    return len(text.translate(_WIDTHS))


class _Widths(dict[int, str]):
    def __missing__(self, code: int) -> str:
        ch = chr(code)
        self[code] = value = ch * 2 if unicodedata.east_asian_width(ch) in "WF" else ch
        return value


_WIDTHS = _Widths()


def quote_sheet(name: str) -> str:
    """``'整改台账'`` — a sheet name as formulas and links need it."""
    return "'" + name.replace("'", "''") + "'"


# ---------------------------------------------------------------------------------------------
# Public entry points.


def new_workbook(
    path: str | os.PathLike[str],
    unit: str | None = None,
    *,
    timestamp: dt.datetime | None = None,
    overwrite: bool = True,
) -> Path:
    """Write the standard ledger workbook to ``path`` (.xlsx) and return the path.

    ``unit`` fills 基本信息 单位名称. ``timestamp`` fixes the document properties' created/modified
    time (the committed template uses a fixed one so it changes only with its definition).
    Overwrites an existing file unless ``overwrite`` is false (the CLI's, without ``--force``:
    also a file that appeared meanwhile, written by another run at the same time)."""
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        raise OutputError(
            f"“{out.name}”的扩展名不是 .xlsx：标准台账只能保存为 .xlsx 文件。请把文件名改为“{out.stem}.xlsx”。"
        )
    wb = build_workbook(unit, timestamp=timestamp)
    with atomic_output(out, overwrite=overwrite, flag="--force") as tmp:
        wb.save(tmp)
    return out


def build_workbook(unit: str | None = None, *, timestamp: dt.datetime | None = None) -> Workbook:
    """The standard ledger workbook as an openpyxl ``Workbook`` (not saved)."""
    from openpyxl import Workbook

    wb = Workbook()
    assert wb.active is not None  # a new Workbook has its one sheet
    wb.remove(wb.active)
    for name in C.SHEETS:
        wb.create_sheet(name)
    _guide_sheet(wb[C.SHEET_GUIDE])
    _info_sheet(wb[C.SHEET_INFO], unit)
    _ledger_sheet(wb[C.SHEET_LEDGER])
    _text_sheet(wb[C.SHEET_TEXT])
    _lists_sheet(wb[C.SHEET_LISTS])
    set_active(wb, C.SHEET_LEDGER)
    props = wb.properties
    props.creator = props.lastModifiedBy = "ledger-tools"
    props.title = "整改台账"
    if timestamp is not None:
        props.created = props.modified = timestamp
    return wb


def set_active(wb: Workbook, name: str) -> None:
    """Open the workbook on sheet ``name``, with only that tab selected (openpyxl otherwise
    leaves several tabs selected, which Excel shows as grouped sheets)."""
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == name
    wb.active = wb.sheetnames.index(name)


def write_ledger_row(ws: Worksheet, row: int, values: Mapping[str, Any]) -> None:
    """Write one measure row of 整改台账 by canonical column name (unknown names are an error);
    text through ``set_text``. The row gets thin borders on every column."""
    unknown = set(values) - set(C.COLUMN_NAMES)
    if unknown:
        raise KeyError(f"不是标准列名：{'、'.join(sorted(unknown))}")
    for j, col in enumerate(C.COLUMNS, start=1):
        cell = _cell(ws, row, j)
        if row > LAST_FORMATTED_ROW:
            _style_data_cell(cell, col)
        cell.border = _thin_border()
        if col.name in values:
            set_text(cell, values[col.name])


def write_text_row(ws: Worksheet, row: int, values: Sequence[Any]) -> None:
    """Write one 文稿段落 row (文稿, 章节, 小标题, 内容) with the sheet's style and fitted height."""
    for j, value in enumerate(values, start=1):
        set_text(_cell(ws, row, j), value)
    _style_text_row(ws, row)
    _fit_height(ws, row)


# ---------------------------------------------------------------------------------------------
# Styles.


def _font(bold: bool = False, size: int = FONT_SIZE, head: bool = False) -> Any:
    from openpyxl.styles import Font

    return Font(name=FONT_HEAD if head else FONT_BODY, size=size, bold=bold)


def _fill(rgb: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


def _thin_border() -> Any:
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="808080")
    return Border(left=side, right=side, top=side, bottom=side)


def _align(horizontal: str | None = None, wrap: bool = True) -> Any:
    from openpyxl.styles import Alignment

    return Alignment(horizontal=horizontal, vertical="center", wrap_text=wrap)


def _header_row(ws: Worksheet, labels: Iterable[str], widths: Iterable[int], row: int = 1) -> None:
    for j, (label, width) in enumerate(zip(labels, widths, strict=True), start=1):
        cell = set_text(_cell(ws, row, j), label)
        cell.font = _font(bold=True, head=True)
        cell.fill = _fill(FILL_HEAD)
        cell.border = _thin_border()
        cell.alignment = _align("center")
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[row].height = 30
    ws.freeze_panes = ws.cell(row + 1, 1).coordinate


def _fit_height(ws: Worksheet, row: int, min_lines: int = 1, cells: Any = None) -> None:
    """Set the row height to fit its wrapped text (Excel does not re-fit rows written by a
    program until edited, and WPS/LibreOffice differ; an explicit height looks right in all).
    ``cells``: the row's cells when the caller has them (``ws[row]`` looks at every cell of
    the sheet for its width: quadratic over a long sheet)."""
    lines = min_lines
    for cell in ws[row] if cells is None else cells:
        if not isinstance(cell.value, str) or not cell.value:
            continue
        width = ws.column_dimensions[cell.column_letter].width or 8.43
        per_line = max(int(width) - 1, 1)
        n = sum(max(1, -(-display_width(part) // per_line)) for part in cell.value.split("\n"))
        lines = max(lines, n)
    ws.row_dimensions[row].height = max(15.0, 14.5 * lines + 4)


def _add_validation(ws: Worksheet, dv: Any, ranges: str) -> None:
    dv.add(ranges)
    ws.add_data_validation(dv)


def _list_range(header: str, count: int | None = None) -> str:
    """Absolute range of 字典 list ``header`` for a drop-down (``'字典'!$B$2:$B$6``)."""
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(list(LISTS).index(header) + 1)
    n = count if count is not None else len(LISTS[header])
    return f"{quote_sheet(C.SHEET_LISTS)}!${letter}$2:${letter}${n + 1}"


def _list_validation(
    header: str, *, count: int | None = None, strict: bool = True, prompt: str = ""
) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    if strict:
        error = f"只能填写：{'、'.join(LISTS[header])}。"
    else:  # free text allowed: the message is off; kept sensible in case a user turns it on
        error = f"不在“{C.SHEET_LISTS}”表的列表中。可以保留，也可以先把它加到列表里。"
    dv = DataValidation(
        type="list",
        formula1=_list_range(header, count),
        allow_blank=True,
        showErrorMessage=strict,
        errorStyle="stop" if strict else "warning",
        errorTitle="请从下拉列表选择",
        error=error[:225],  # Excel rejects longer messages (and prompts over 255)
    )
    if prompt:
        dv.showInputMessage = True
        dv.promptTitle = header
        dv.prompt = prompt[:255]
    return dv


# ---------------------------------------------------------------------------------------------
# 填表说明.


def _guide_rows() -> list[tuple[str, str, str] | str]:
    """(项目, 必填, 说明) rows; a plain string is a section heading."""
    ledger, info, text = C.SHEET_LEDGER, C.SHEET_INFO, C.SHEET_TEXT
    rows: list[tuple[str, str, str] | str] = [
        "一、使用步骤",
        (
            "1",
            "",
            f"在“{info}”表填写单位名称、监督机构、反馈日期等信息（文稿的标题、开头和落款由此生成）。",
        ),
        (
            "2",
            "",
            f"在“{ledger}”表逐条填写整改措施：每条措施占一行，表头不要改动、不要插入标题行。",
        ),
        ("3", "", f"在“{text}”表修改示例段落（以“{C.EXAMPLE_MARK}”开头的文字），改完删去该标记。"),
        ("4", "", "填好后运行 ledger-tools check 台账.xlsx 校验，按提示修改后再生成文稿。"),
        f"二、“{ledger}”各列的填写要求（表头颜色较深的列为必填）",
    ]
    for col in C.COLUMNS:
        required = "必填" if col.required else ""
        if col.name == "责任部门":
            required = "必填*"
        rows.append((C.header_label(col.name), required, col.help))
    rows.append(("", "", "*“责任部门”与“牵头部门”至少填写一项。"))
    rows += [
        "三、日期和整改时限的写法",
        ("日期", "", "可填日期，如 2024-06-30、2024/6/30、2024.6.30、2024年6月30日、20240630。"),
        (
            "期限",
            "",
            "也可填期限，如“2024年6月底前”“2024年6月”“2024年底”“2024年上半年”“2024年第三季度”，按该期限的最后一天计算。",
        ),
        (
            "立行立改",
            "",
            f"“立行立改”（或即知即改、立即整改、边巡边改）：时限为{info}中的集中整改截止日期；未填时为反馈日期后 {C.IMMEDIATE_FALLBACK_DAYS} 天。",
        ),
        (
            "长期坚持",
            "",
            "“长期坚持”（或长期、持续推进、常态化推进、长期整改）：没有截止日期，不计超期。",
        ),
        (
            "完成时间",
            "",
            "实际完成日期，写法同上；状态为“已完成”“长期坚持”时必填，不能晚于检查当天、不能早于反馈日期。",
        ),
        "四、整改状态（从下拉列表选择）",
    ]
    for status in C.STATUSES:
        synonyms = C.STATUS_SYNONYMS.get(status, ())
        note = f"也可识别：{'、'.join(synonyms)}" if synonyms else ""
        rows.append((status, "", note))
    rows += [
        (
            "",
            "",
            "一个问题的状态由其各条措施汇总：全部已完成为已完成；已完成与长期坚持并存为长期坚持；否则取进度最慢的一条。",
        ),
        "五、问题和措施的关系",
        (
            "一行一措施",
            "",
            "一个问题有几条整改措施就占几行；该问题的序号、方面、问题、问题表现、整改目标、责任领导可以跨这几行合并单元格，也可以每行重复填写。",
        ),
        (
            "同一方面",
            "",
            "“方面”文字相同的问题归为同一方面；同一个问题不能出现在两个方面下，同一序号不能对应两个不同的问题。",
        ),
        (
            "一格多条",
            "",
            "一格内写了多条措施时，用 1. 2. 或（1）（2）或 一是、二是 或 ①② 编号，校验时会拆成多条。",
        ),
        ("数字列", "", "清退资金（元）、问责人次、建立制度（项）只填数字，报告中自动合计。"),
        "六、三色预警",
        ("红色", "", "整改时限已过、状态不是已完成或长期坚持：整行标红。"),
        ("黄色", "", f"距整改时限不足 {C.WARN_YELLOW_DAYS} 天且未办结：整行标黄。"),
        ("绿色", "", f"距整改时限不足 {C.WARN_GREEN_DAYS} 天且未办结：整行标绿。"),
        (
            "说明",
            "",
            "表格中的颜色按打开文件当天计算，只对填写为日期的整改时限生效；ledger-tools check 对所有写法的时限都会计算预警。",
        ),
        f"七、“{text}”和“{C.SHEET_LISTS}”",
        (
            "文稿段落",
            "",
            "“文稿”选方案、报告、通报或全部；“章节”选指导思想、整改目标、工作要求（方案用）或工作开展情况、下一步打算（报告、通报用）。“小标题”会作为段首加粗的一句。段落按行的先后排列。",
        ),
        (
            "字典",
            "",
            f"下拉列表的取值。“方面”一列可按本单位反馈意见增删（最多 {ASPECT_SLOTS} 项），其余各列请勿修改。",
        ),
    ]
    return rows


def _guide_sheet(ws: Worksheet) -> None:
    for letter, width in zip("ABC", (18, 8, 90), strict=True):
        ws.column_dimensions[letter].width = width
    title = ws.cell(1, 1, "整改台账填表说明")
    title.font = _font(bold=True, size=16, head=True)
    ws.row_dimensions[1].height = 28
    r = 1
    for item in _guide_rows():
        if isinstance(item, str):
            r += 2  # a blank line before each section heading
            cell = ws.cell(r, 1, item)
            cell.font = _font(bold=True, size=12, head=True)
            ws.row_dimensions[r].height = 22
            continue
        r += 1
        for j, value in enumerate(item, start=1):
            cell = set_text(_cell(ws, r, j), value or None)
            cell.font = _font(bold=(j == 1))
            cell.alignment = _align("center" if j == 2 else None)
        _fit_height(ws, r)
    ws.sheet_view.showGridLines = False
    _print_setup(ws)


# ---------------------------------------------------------------------------------------------
# 基本信息.


def _needed_note(field: C.InfoField) -> str:
    names = {"plan": "方案", "report": "报告", "notice": "通报"}
    return (
        "；生成" + "、".join(names[n] for n in field.needed_by) + "时必填"
        if field.needed_by
        else ""
    )


def _info_sheet(ws: Worksheet, unit: str | None) -> None:
    _header_row(ws, ("项目", "内容", "说明"), (20, 44, 60))
    for r, field in enumerate(C.INFO_FIELDS, start=INFO_FIRST_ROW):
        note = field.help
        if field.example and field.example not in note:
            note += f"，如“{field.example}”"
        note += _needed_note(field)
        key = set_text(_cell(ws, r, 1), field.name)
        key.font = _font(bold=bool(field.needed_by))
        value = ws.cell(r, 2)
        value.font = _font()
        if field.kind == "date":
            value.number_format = DATE_FORMAT
        help_cell = set_text(_cell(ws, r, 3), note)
        help_cell.font = _font(size=10)
        for cell in (key, value, help_cell):
            cell.alignment = _align("left")
            cell.border = _thin_border()
        _fit_height(ws, r)
    if unit:
        set_text(_cell(ws, info_row("单位名称"), 2), unit.strip())
    ws.cell(info_row("长期坚持计入办结"), 2).value = "是"
    _add_validation(ws, _list_validation("监督类型"), f"{INFO_VALUE_COLUMN}{info_row('监督类型')}")
    _add_validation(
        ws, _list_validation("是否"), f"{INFO_VALUE_COLUMN}{info_row('长期坚持计入办结')}"
    )
    _print_setup(ws)


# ---------------------------------------------------------------------------------------------
# 整改台账.


def _style_data_cell(cell: Cell, col: C.Column) -> None:
    cell.font = _font()
    if col.kind in ("deadline", "date"):
        cell.number_format = DATE_FORMAT
        cell.alignment = _align("center")
    elif col.kind == "money":
        cell.number_format = MONEY_FORMAT
        cell.alignment = _align("right")
    elif col.kind == "count":
        cell.number_format = COUNT_FORMAT
        cell.alignment = _align("right")
    elif col.kind == "status" or col.name == "序号":
        cell.alignment = _align("center")
    else:
        cell.alignment = _align()


def _ledger_sheet(ws: Worksheet) -> None:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    labels = [C.header_label(c.name) for c in C.COLUMNS]
    # Column.width, widened where a header with its unit (建立制度（项）) would break mid-word.
    widths = [
        max(c.width, display_width(label) + 1) for c, label in zip(C.COLUMNS, labels, strict=True)
    ]
    _header_row(ws, labels, widths, HEADER_ROW)
    for j, col in enumerate(C.COLUMNS, start=1):
        head = ws.cell(HEADER_ROW, j)
        if col.required:
            head.fill = _fill(FILL_HEAD_REQUIRED)
        note = ("【必填】" if col.required else "") + col.help
        # Author "填表说明": the marked copy removes comments by "ledger-tools" on a re-check.
        head.comment = Comment(note, "填表说明", height=110, width=260)
        first = _cell(ws, FIRST_DATA_ROW, j)
        _style_data_cell(first, col)
        for r in range(FIRST_DATA_ROW + 1, LAST_FORMATTED_ROW + 1):
            # Copying the style array is ~30x faster than assigning font/alignment/format.
            # (``_style``: private, not in types-openpyxl)
            ws.cell(r, j)._style = copy.copy(first._style)  # type: ignore[union-attr, attr-defined]
    last = get_column_letter(len(C.COLUMNS))
    _ledger_validations(ws)
    _overdue_formatting(ws, f"A{FIRST_DATA_ROW}:{last}{LAST_FORMATTED_ROW}")
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{LAST_FORMATTED_ROW}"
    _print_setup(ws, a3=True, landscape=True)
    ws.print_options.gridLines = True  # rows typed by the user print with lines, too
    ws.sheet_properties.tabColor = "4472C4"


def _rows(name: str) -> str:
    letter = column_letter(name)
    return f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_FORMATTED_ROW}"


def _ledger_validations(ws: Worksheet) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    _add_validation(
        ws,
        _list_validation("整改状态", prompt="从下拉列表选择整改状态。"),
        _rows("整改状态"),
    )
    _add_validation(
        ws,
        _list_validation(
            "方面",
            count=ASPECT_SLOTS,
            strict=False,
            prompt=f"可从下拉列表选择，也可直接输入；列表在“{C.SHEET_LISTS}”表 A 列维护。",
        ),
        _rows("方面"),
    )
    for col in C.COLUMNS:
        if col.kind not in ("money", "count"):
            continue
        what = "不小于 0 的数字（元）" if col.kind == "money" else "不小于 0 的整数"
        dv = DataValidation(
            type="decimal" if col.kind == "money" else "whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            errorTitle="请填写数字",
            error=f"“{C.header_label(col.name)}”只能填{what}，不要带单位或文字。",
        )
        _add_validation(ws, dv, _rows(col.name))


def _overdue_formulas() -> dict[str, str]:
    """The three-colour warning as formulas relative to the first data row."""
    due = f"${column_letter('整改时限')}{FIRST_DATA_ROW}"
    status = f"${column_letter('整改状态')}{FIRST_DATA_ROW}"
    open_ = "".join(f',{status}<>"{s}"' for s in C.FINISHED_STATUSES)
    return {
        FILL_RED: f"AND(ISNUMBER({due}),{due}<TODAY(){open_})",
        FILL_YELLOW: f"AND(ISNUMBER({due}),{due}>=TODAY(),{due}-TODAY()<={C.WARN_YELLOW_DAYS}{open_})",
        FILL_GREEN: f"AND(ISNUMBER({due}),{due}>=TODAY(),{due}-TODAY()<={C.WARN_GREEN_DAYS}{open_})",
    }


def _overdue_formatting(ws: Worksheet, area: str) -> None:
    from openpyxl.formatting.rule import FormulaRule

    # Red first, then yellow, then green: stopIfTrue makes the first match win.
    for rgb, formula in _overdue_formulas().items():
        ws.conditional_formatting.add(
            area, FormulaRule(formula=[formula], fill=_fill(rgb), stopIfTrue=True)
        )


def _print_setup(ws: Worksheet, *, a3: bool = False, landscape: bool = False) -> None:
    """Fit all columns to the page width, repeat the header row, number the pages."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if a3 else ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    # (never None: openpyxl's constructors make both, stubs or not)
    assert ws.sheet_properties.pageSetUpPr is not None and ws.oddFooter is not None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7, footer=0.3)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    if ws.freeze_panes:  # sheets with a header row repeat it on every page
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def print_as_table(
    ws: Worksheet,
    header: int,
    last: int,
    centred: Iterable[int] = (),
    title: bool = False,
) -> None:
    """A program-written list sheet as it is printed and filed (督办汇总, 与上期对比): ruled
    from the ``header`` row to ``last``, header centred and repeated on every page, each row
    as high as its wrapped text (a program's rows print one line high otherwise), landscape
    A4 one page wide with page numbers. ``title``: row 1 holds one sentence, merged across
    the table's columns and as high as its lines. ``centred``: 1-based columns centred."""
    from openpyxl.styles import Alignment

    centred = set(centred)
    border = _thin_border()
    columns = ws.max_column  # (once: openpyxl looks at every cell for it, ``ws[r]`` too)
    rows = ws.iter_rows(min_row=header, max_row=last, min_col=1, max_col=columns)
    # (two alignments made once: openpyxl hashes each style object it is given)
    middle = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal=None, vertical="center", wrap_text=True)
    for r, cells in enumerate(rows, start=header):
        for cell in cells:
            cell.border = border
            cell.alignment = middle if r == header or cell.column in centred else left
        _fit_height(ws, r, cells=cells)
    if title and isinstance(ws["A1"].value, str):
        width = sum(ws.column_dimensions[chr(64 + j)].width or 8.43 for j in range(1, columns + 1))
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
        ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        lines = -(-display_width(ws["A1"].value) // max(int(width) - 4, 1))
        ws.row_dimensions[1].height = max(15.0, 18.5 * lines + 6)
    ws.freeze_panes = _cell(ws, header + 1, 1)
    _print_setup(ws, landscape=True)
    ws.print_title_rows = f"{header}:{header}"


# ---------------------------------------------------------------------------------------------
# 文稿段落.

_X = C.EXAMPLE_MARK
EXAMPLE_TEXTS: tuple[tuple[str, str, str, str], ...] = (
    (
        "方案",
        "指导思想",
        "",
        f"{_X}坚持以习近平新时代中国特色社会主义思想为指导，把抓好反馈意见整改作为检验党性和担当的"
        "实际行动，对照反馈问题逐条研究、逐项落实，以整改的实际成效推动本单位各项工作提质增效。",
    ),
    (
        "方案",
        "整改目标",
        "",
        f"{_X}反馈的每个问题都有整改措施、有责任领导、有完成时限。能够立即解决的马上改，"
        "需要一段时间解决的在集中整改截止日期前改到位，需要长期坚持的建立制度、持续推进，"
        "做到问题不解决不放过、整改不到位不销号。",
    ),
    (
        "方案",
        "工作要求",
        "压实整改责任",
        f"{_X}主要负责人对整改工作负总责，责任领导对分管领域的整改任务亲自部署、亲自过问，"
        "责任部门负责人抓好具体落实，一级抓一级、层层传导压力。",
    ),
    (
        "方案",
        "工作要求",
        "强化督促检查",
        f"{_X}领导小组办公室每半个月汇总一次整改台账，对临近时限的事项提前提醒，"
        "对进度滞后的事项督促限期完成，整改情况纳入年度考核。",
    ),
    (
        "方案",
        "工作要求",
        "注重建章立制",
        f"{_X}针对问题背后的制度短板，梳理修订内部管理制度，把整改中形成的好做法固定下来，"
        "防止同类问题再次发生。",
    ),
    (
        "报告",
        "工作开展情况",
        "统一思想认识，扛起整改责任",
        f"{_X}收到反馈意见后，班子及时召开专题会议，逐条研究反馈问题，成立整改工作领导小组，"
        "明确主要负责人为第一责任人，把整改作为一项重要政治任务来抓。",
    ),
    (
        "报告",
        "工作开展情况",
        "细化任务清单，逐项推动落实",
        f"{_X}对照反馈问题制定整改方案，建立问题、任务、责任、时限四张清单，"
        "每条措施落实到责任领导、责任部门和责任人，按月调度整改进展。",
    ),
    (
        "报告",
        "工作开展情况",
        "坚持标本兼治，健全长效机制",
        f"{_X}在解决具体问题的同时，深入查找制度漏洞，修订完善内部管理制度，"
        "推动整改成果转化为日常工作的规矩和习惯。",
    ),
    (
        "报告",
        "下一步打算",
        "巩固整改成果",
        f"{_X}对已完成的整改事项适时开展“回头看”，防止问题反弹；对需要长期坚持的事项持续跟踪，"
        "确保整改见底见效。",
    ),
    (
        "报告",
        "下一步打算",
        "推动成果运用",
        f"{_X}把整改工作与年度重点任务结合起来，以整改促进管理规范、作风改进和事业发展。",
    ),
    (
        "通报",
        "工作开展情况",
        "",
        f"{_X}收到反馈意见后，我们召开专题会议研究部署整改工作，制定整改方案和任务清单，"
        "明确责任分工和完成时限，逐项抓好落实。",
    ),
    (
        "通报",
        "下一步打算",
        "",
        f"{_X}我们将继续巩固整改成果，对需要长期坚持的事项常抓不懈，自觉接受干部群众监督。",
    ),
)


def _style_text_row(ws: Worksheet, row: int) -> None:
    for j in range(1, len(C.TEXT_COLUMNS) + 1):
        cell = ws.cell(row, j)
        cell.font = _font(bold=(j == 3))
        cell.alignment = _align("center" if j <= 2 else None)
        cell.border = _thin_border()


def _text_sheet(ws: Worksheet) -> None:
    _header_row(ws, C.TEXT_COLUMNS, (8, 14, 28, 90))
    for r, values in enumerate(EXAMPLE_TEXTS, start=TEXT_FIRST_ROW):
        write_text_row(ws, r, values)
    last = TEXT_FIRST_ROW + TEXT_FORMATTED_ROWS - 1
    blank = TEXT_FIRST_ROW + len(EXAMPLE_TEXTS)  # rows for the user's own paragraphs
    for j in range(1, len(C.TEXT_COLUMNS) + 1):
        first = _cell(ws, blank, j)
        first.font = _font()
        first.alignment = _align("center" if j <= 2 else None)
        for r in range(blank + 1, last + 1):
            # (``_style``: private, not in types-openpyxl)
            ws.cell(r, j)._style = copy.copy(first._style)  # type: ignore[union-attr, attr-defined]
    _add_validation(ws, _list_validation("文稿"), f"A{TEXT_FIRST_ROW}:A{last}")
    _add_validation(ws, _list_validation("章节"), f"B{TEXT_FIRST_ROW}:B{last}")
    _print_setup(ws, landscape=True)


# ---------------------------------------------------------------------------------------------
# 字典.


def _lists_sheet(ws: Worksheet) -> None:
    widths = [max(display_width(v) for v in (h, *vals)) + 2 for h, vals in LISTS.items()]
    _header_row(ws, LISTS, widths)
    ws.column_dimensions["A"].width = max(widths[0], 44)
    for j, values in enumerate(LISTS.values(), start=1):
        for r, value in enumerate(values, start=2):
            set_text(_cell(ws, r, j), value).font = _font()
    note = _cell(ws, 1, len(LISTS) + 2)
    set_text(
        note,
        f"说明：A 列“方面”可按本单位反馈意见增删（第 2 至 {ASPECT_SLOTS + 1} 行），"
        "整改台账“方面”列的下拉列表随之变化；其余各列是固定取值，请勿修改。",
    )
    note.font = _font(size=10)
    note.alignment = _align()
    ws.column_dimensions[note.column_letter].width = 50
    ws.row_dimensions[1].height = 45
    _print_setup(ws, landscape=True)
