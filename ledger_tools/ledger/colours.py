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

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.cells import column_letter
from ledger_tools.ledger.model import ColumnRead
from ledger_tools.ledger.status import normalise_status

if TYPE_CHECKING:
    from ledger_tools.ledger.normalise import Header
    from ledger_tools.ledger.reading import RawSheet

MAX_ROWS = 20_000  # reading every cell's style of a larger sheet costs more than it is worth
SAMPLE_ROWS = 200  # rows looked at to tell whether a ledger without a legend is coloured
_NAMES = {
    "红": "红色",
    "橙": "橙色",
    "黄": "黄色",
    "绿": "绿色",
    "蓝": "蓝色",
    "紫": "紫色",
    "灰": "灰色",
}
_PAIR = re.compile(
    r"(?:标|涂|填|用)?(红|橙|黄|绿|蓝|紫|灰)色?(?:底色|背景|底纹|填充|标注|标记)?(?:的)?"
    r"(?:表示|代表|为|是|即|指|[：:=＝])+\s*([^，,；;。、\s]{2,10})"
)
_COLOUR_WORD = re.compile(r"(?:红|橙|黄|绿|蓝|紫|灰)色")


def _legend(rows: list[list[Any]]) -> tuple[dict[str, str], int] | None:
    """What each colour means, from the first row of the sheet that pairs two colours with a
    status ("绿色为已完成，黄色为正在推进"), with its Excel row; None when there is none."""
    for i, row in enumerate(rows):
        for v in row:
            if not isinstance(v, str) or len(_COLOUR_WORD.findall(v)) < 2:
                continue
            found = {}
            for colour, word in _PAIR.findall(v):
                status = normalise_status(word)
                if status is not None:
                    found[_NAMES[colour]] = status
            if len(found) >= 2:
                return found, i + 1
    return None


def _colour_name(rgb: str) -> str | None:
    """The everyday name of an ARGB fill ("FF92D050" → 绿色); None for white/black/none."""
    if not isinstance(rgb, str) or len(rgb) < 6 or not re.fullmatch(r"[0-9A-Fa-f]{6,8}", rgb):
        return None
    r, g, b = (int(rgb[-6:][k : k + 2], 16) / 255 for k in (0, 2, 4))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    if s < 0.15 or lightness > 0.95 or lightness < 0.08:
        return "灰色" if 0.15 < lightness < 0.9 and s < 0.15 else None
    deg = h * 360
    for bound, name in (
        (15, "红色"),
        (40, "橙色"),
        (70, "黄色"),
        (170, "绿色"),
        (260, "蓝色"),
        (330, "紫色"),
    ):
        if deg < bound:
            return name
    return "红色"


def _row_fills(path: Path, sheet: str, first: int, last: int) -> dict[int, str]:
    """Excel row → the colour most of its filled cells have, for rows ``first``..``last``."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = wb[sheet]
        out: dict[int, str] = {}
        for r, cells in enumerate(ws.iter_rows(min_row=first, max_row=last), start=first):
            names = Counter(
                name
                for c in cells
                if getattr(c, "fill", None) is not None
                and c.fill.fill_type == "solid"
                and (name := _colour_name(getattr(c.fill.fgColor, "rgb", None))) is not None
            )
            if names:
                out[r] = names.most_common(1)[0][0]
        return out
    finally:
        wb.close()


def status_from_fill(path: str, ws: RawSheet, header: Header, stop: int) -> list[str]:
    """When the ledger has no status column: read each row's fill as its status by the sheet's
    legend (``_legend``), as a column after the table; say so, or say why not. Returns notes
    for the 读取方式 block."""
    p = Path(path)
    if (
        "整改状态" in header.columns
        or p.suffix.lower() not in (".xlsx", ".xlsm")
        or not p.is_file()
    ):
        return []
    legend = _legend(ws.rows)
    # without a legend only whether rows are coloured matters: a first few rows tell
    last = stop if legend is not None else min(stop, header.data_start + SAMPLE_ROWS)
    if last - header.data_start > MAX_ROWS:
        return [
            f"台账没有整改状态列；表中有颜色图例，但台账超过 {MAX_ROWS} 行，未按底色读取整改状态。"
        ]
    try:
        fills = _row_fills(p, ws.name, header.data_start + 1, last)
    except Exception:  # a file calamine read but openpyxl cannot: no colours, nothing to say
        return []
    if not fills:
        return []
    if legend is None:
        shown = "、".join(map(str, sorted(fills)[:5])) + ("等" if len(fills) > 5 else "")
        return [
            f"台账没有整改状态列，第 {shown} 行有底色，但表中没有图例说明颜色代表什么，"
            "本工具不按颜色推断整改状态。请增加“整改状态”列，或在表下加一行图例"
            "（如“图例：绿色为已完成，黄色为正在推进，红色为未启动”）。"
        ]
    meaning, row = legend
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
    said = "，".join(f"{c}为{s}" for c, s in meaning.items())
    header.columns["整改状态"] = width
    header.texts[width] = "（底色）"
    why = f"台账没有整改状态列，按第 {row} 行的图例（{said}）把每行的底色读作整改状态"
    header.reads.append(ColumnRead(letter, "单元格底色", "整改状态", "按内容", why))
    unread = sorted(set(fills.values()) - set(meaning))
    notes = []
    if blank:
        shown = "、".join(map(str, blank[:5])) + ("等" if len(blank) > 5 else "")
        notes.append(f"第 {shown} 行没有底色，整改状态按未填计。")
    if unread:
        notes.append(f"底色{'、'.join(unread)}不在图例中，这些行的整改状态按未填计。")
    if C.STATUS_DONE not in meaning.values():
        notes.append("图例中没有表示已完成的颜色。")
    return notes
