"""整改状态 shown only by the fill colour of the rows (green done, yellow under way, red not
started), as some units keep their ledger.

Only looked at when the ledger has no status column at all. A legend written on the sheet
("图例：绿色为已完成，黄色为正在推进，红色为未启动") says what each colour means: each row's fill
is then read as its status, in a column of its own after the table (the 读取方式 block says
so). Without a legend the colours are not guessed (green need not mean done): a note says the
status cannot be read from them. The fills are read with openpyxl (read-only), from .xlsx/.xlsm
files only, and only for ledgers of at most ``MAX_ROWS`` rows.
"""

from __future__ import annotations

import colorsys
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledger_tools.lazyre import lazy
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import column_letter
from ledger_tools.ledger.model import ColumnRead
from ledger_tools.ledger.status import normalise_status

if TYPE_CHECKING:
    from ledger_tools.ledger.normalise import Header
    from ledger_tools.ledger.reading import RawSheet

MAX_ROWS = 20_000  # reading every cell's style of a larger sheet costs more than it is worth
SAMPLE_ROWS = 200  # rows looked at to tell whether a ledger without a legend is coloured
# Reading styles costs openpyxl ~15 µs a cell, every cell of a row (it cannot skip columns): a
# ledger has tens of columns; a table wider than this (read wrongly, or made to be slow) or of
# more cells is not read for its fills.
MAX_COLUMNS = 256
MAX_CELLS = 1_000_000
_NAMES = {
    "红": "红色",
    "橙": "橙色",
    "黄": "黄色",
    "绿": "绿色",
    "蓝": "蓝色",
    "紫": "紫色",
    "灰": "灰色",
}
_PAIR = lazy(
    r"(?:标|涂|填|用|亮)?(红|橙|黄|绿|蓝|紫|灰)色?(?:灯|牌)?(?:底色|背景|底纹|填充|标注|标记)?(?:的)?"
    r"(?:表示|代表|为|是|即|指|[：:=＝])+\s*([^，,；;。、\s]{2,10})"
)
# …and the other way round: 已完成的标绿, 未启动用红色标注
_PAIR_AFTER = lazy(
    r"([^，,；;。、：:\s]{2,8}?)(?:的|者|项)?(?:标注?为?|涂成?|填充?为?|用|以)"
    r"(红|橙|黄|绿|蓝|紫|灰)色?"
)
_COLOUR_CHAR = lazy(r"[红橙黄绿蓝紫灰]")

# The status read from the rows' fills is shown as a column after the table: say it is not one
# of the ledger's own (a clerk looks for it in the file).
COLOUR_HEADER = "各行底色（表中没有这一列，按图例读出）"


def _legend(rows: list[list[Any]]) -> tuple[dict[str, str], int] | None:
    """What each colour means, from the first row of the sheet that pairs two colours with a
    status ("绿色为已完成，黄色为正在推进"), with its Excel row; None when there is none."""
    for i, row in enumerate(rows):
        for v in row:
            if not isinstance(v, str) or len(_COLOUR_CHAR.findall(v)) < 2 or len(v) > 80:
                continue
            found: dict[str, str] = {}
            pairs = _PAIR.findall(v) + [(c, w) for w, c in _PAIR_AFTER.findall(v)]
            for colour, word in pairs:
                status = normalise_status(word)
                if status is not None:
                    found.setdefault(_NAMES[colour], status)
            if len(found) >= 2:
                return found, i + 1
    return None


def _colour_name(rgb: str | None) -> str | None:
    """The everyday name of an ARGB fill ("FF92D050" → 绿色); None for white/black/none."""
    if not isinstance(rgb, str) or len(rgb) < 6 or not re.fullmatch(r"[0-9A-Fa-f]{6,8}", rgb):
        return None
    r, g, b = (int(rgb[-6:][k : k + 2], 16) / 255 for k in (0, 2, 4))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    if s < 0.15 or lightness > 0.95 or lightness < 0.08:
        return "灰色" if 0.15 < lightness < 0.9 and s < 0.15 else None
    deg = h * 360
    if deg < 15 or deg >= 330:
        return "红色"
    if deg < 50:  # Excel's 橙色 is FFC000 (45°); a pale one (FFEB9C) is seen as yellow
        return "黄色" if deg >= 40 and lightness > 0.75 else "橙色"
    for bound, name in ((70, "黄色"), (170, "绿色"), (260, "蓝色")):
        if deg < bound:
            return name
    return "紫色"


# A fill whose name the legend does not use, read as a neighbour it does use (the legend's
# 黄色 may be filled FFC000, which Excel calls 橙色), when that neighbour is not filled too.
_NEIGHBOURS = {"橙色": ("黄色", "红色"), "黄色": ("橙色",), "红色": ("橙色",)}


def _meaning_of(fills: set[str], legend: dict[str, str]) -> dict[str, str]:
    meaning = dict(legend)
    for colour in fills - set(legend):
        near = [n for n in _NEIGHBOURS.get(colour, ()) if n in legend and n not in fills]
        if len(near) == 1:
            meaning[colour] = legend[near[0]]
    return meaning


def _row_fills(path: Path, sheet: str, first: int, last: int) -> dict[int, str]:
    """Excel row → the colour most of its filled cells have, for rows ``first``..``last``."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = wb[sheet]
        theme = _theme_colours(getattr(wb, "loaded_theme", None))
        out: dict[int, str] = {}
        for r, cells in enumerate(ws.iter_rows(min_row=first, max_row=last), start=first):
            names = Counter(
                name
                for c in cells
                if getattr(c, "fill", None) is not None
                and c.fill.fill_type == "solid"
                and (name := _colour_name(_rgb(c.fill.fgColor, theme))) is not None
            )
            if names:
                out[r] = names.most_common(1)[0][0]
        return out
    finally:
        wb.close()


def _rgb(colour: Any, theme: list[str]) -> str | None:
    """The RGB hex of an openpyxl colour: as written, or a theme colour (the top part of the
    colour picker: 个性色1 … 6, with its 淡色/深色 tint) resolved by the workbook's theme."""
    if colour is None:
        return None
    if colour.type == "rgb" and isinstance(colour.rgb, str):
        return colour.rgb
    if colour.type != "theme" or not isinstance(colour.theme, int):
        return None
    # Excel numbers the theme colours lt1, dk1, lt2, dk2, accent1 … (the file: dk1, lt1 …)
    order = [1, 0, 3, 2, *range(4, len(theme))]
    if colour.theme >= len(order) or order[colour.theme] >= len(theme):
        return None
    r, g, b = (int(theme[order[colour.theme]][k : k + 2], 16) / 255 for k in (0, 2, 4))
    h, lightness, sat = colorsys.rgb_to_hls(r, g, b)
    tint = float(colour.tint or 0)
    lightness = lightness * (1 + tint) if tint < 0 else lightness * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, lightness, sat)
    return "".join(f"{round(x * 255):02X}" for x in (r, g, b))


_SCHEME_COLOUR = lazy(
    rb"<a:(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>\s*<a:(?:srgbClr val|sysClr[^>]*lastClr)"
    rb'="([0-9A-Fa-f]{6})"'
)


def _theme_colours(xml: Any) -> list[str]:
    """The theme's colour scheme (dk1, lt1, dk2, lt2, accent1 … 6, hlink, folHlink) as hex."""
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    if not isinstance(xml, bytes):
        return []
    return [m.group(2).decode() for m in _SCHEME_COLOUR.finditer(xml)]


def status_from_fill(path: str, ws: RawSheet, header: Header, stop: int) -> list[str]:
    """When the ledger has no status column: read each row's fill as its status by the sheet's
    legend (``_legend``), as a column after the table; say so, or say why not. Returns notes
    for the 读取方式 block."""
    p = Path(path)
    if "整改状态" in header.columns or not p.is_file():
        return []
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        if (legend_xls := _legend(ws.rows)) is None:
            return []
        return [
            f"表中第 {legend_xls[1]} 行有颜色图例，但本工具读不出 {p.suffix} 文件的单元格底色，"
            "没有按颜色读取整改状态。请在 WPS 或 Excel 中另存为 .xlsx 后再校验，或增加“整改状态”列。"
        ]
    legend = _legend(ws.rows)
    # without a legend only whether rows are coloured matters: a first few rows tell
    last = stop if legend is not None else min(stop, header.data_start + SAMPLE_ROWS)
    if last - header.data_start > MAX_ROWS:
        return [
            f"台账没有整改状态列；表中有颜色图例，但台账超过 {MAX_ROWS} 行，未按底色读取整改状态。"
        ]
    width = max((len(r) for r in ws.rows[header.data_start : last]), default=0)
    if width > MAX_COLUMNS or (last - header.data_start) * width > MAX_CELLS:
        if legend is None:
            return []
        return [
            f"台账没有整改状态列；表中有颜色图例，但表格有 {width:,} 列（超过 {MAX_COLUMNS} 列，"
            f"或逐格读取底色的单元格超过 {MAX_CELLS:,} 个），未按底色读取整改状态。"
            "请删除表格右侧多余的列，或增加“整改状态”列。"
        ]
    try:
        fills = _row_fills(p, ws.name, header.data_start + 1, last)
    except Exception:  # a file calamine read but openpyxl cannot: no colours, nothing to say
        return []
    if not fills:
        if legend is None:
            return []
        return [
            f"表中第 {legend[1]} 行有颜色图例，但台账各行没有底色（可能用的是字体颜色），"
            "本工具只读单元格底色，没有按颜色读取整改状态。请增加“整改状态”列。"
        ]
    if legend is None:
        shown = "、".join(map(str, sorted(fills)[:5])) + ("等" if len(fills) > 5 else "")
        return [
            f"台账没有整改状态列，第 {shown} 行有底色，但表中没有图例说明颜色代表什么，"
            "本工具不按颜色推断整改状态。请增加“整改状态”列，或在表下加一行图例"
            "（如“图例：绿色为已完成，黄色为正在推进，红色为未启动”）。"
        ]
    said = "，".join(f"{c}为{s}" for c, s in legend[0].items())
    meaning, row = _meaning_of(set(fills.values()), legend[0]), legend[1]
    width = max(len(r) for r in ws.rows[header.data_start : stop] or [[]])
    width = max(width, *(j + 1 for j in header.texts))
    blank: list[int] = []
    for r in range(header.data_start, stop):
        cells = ws.rows[r]
        if r + 1 == row or sum(v is not None and v != "" for v in cells) < C.HEADER_MIN_KNOWN:
            continue  # the legend, a heading, a blank row: no measure to give a status
        cells.extend([None] * (width + 1 - len(cells)))
        cells[width] = meaning.get(fills.get(r + 1, ""))
        if r + 1 not in fills:
            blank.append(r + 1)
    letter = column_letter(width)
    header.columns["整改状态"] = width
    header.texts[width] = "（底色）"
    why = f"台账没有整改状态列，按第 {row} 行的图例（{said}）把每行的底色读作整改状态"
    header.reads.append(ColumnRead(letter, COLOUR_HEADER, "整改状态", "按内容", why))
    unread = sorted(set(fills.values()) - set(meaning))
    notes = []
    if blank:
        shown = "、".join(map(str, blank[:5])) + ("等" if len(blank) > 5 else "")
        notes.append(
            f"第 {shown} 行没有底色，整改状态按未填计（校验结果中的 {letter} 列是按底色读出的整改状态，"
            "台账中没有这一列）。"
        )
    if unread:
        notes.append(f"底色{'、'.join(unread)}不在图例中，这些行的整改状态按未填计。")
    if C.STATUS_DONE not in meaning.values():
        notes.append("图例中没有表示已完成的颜色。")
    return notes
