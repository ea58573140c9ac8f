"""Status words a ledger explains on its own sheet: ticks and circles explained in the status
column's header ("完成情况（完成打✔，未完成打○）") or in a note ("注：√为已完成，○为未完成"),
and 红黄绿灯 explained by a legend ("说明：绿灯表示已完成，黄灯表示正在推进，红灯表示未启动").

The words the legend explains are added to the ledger's status vocabulary (the unit's own
words, as a 状态对照 sheet would: ``--status-map`` and the 状态对照 sheet still win), and the
读取方式 block says where they were read from. Without a legend a colour or a circle is never
guessed (green need not mean done): ``check`` asks about each cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledger_tools.lazyre import lazy
from ledger_tools.ledger import colours
from ledger_tools.ledger.cells import column_letter
from ledger_tools.ledger.status import normalise_status

if TYPE_CHECKING:
    from ledger_tools.ledger.normalise import Header

_SYMBOLS = "✔✓√○●◎◐◑☑☐□×✗✘✖❌△▲★☆◯⏳🔄✅"
_SYMBOL_SET = frozenset(_SYMBOLS)  # (each pattern below needs one: a text without any is skipped)
# 完成打✔, 未完成的画○, 已完成用“√”
_WORD_SYMBOL = lazy(
    rf"([\u4e00-\u9fff]{{2,6}}?)(?:的|者|项)?(?:打|划|画|填|标注?|用|写|记)\s*[“\"']?([{_SYMBOLS}])"
)
# √为已完成, ○表示未完成, ●：已完成, ●已完成 ○未完成
_SYMBOL_WORD = lazy(
    rf"([{_SYMBOLS}])[”\"']?\s*(?:表示|代表|为|是|即|指|[：:=＝])*\s*([\u4e00-\u9fff]{{2,6}})"
)
# The ways a colour of the legend is written in a status cell: 绿, 绿色, 绿灯, 亮绿灯, 绿牌
_COLOUR_FORMS = ("{c}", "{c}色", "{c}灯", "亮{c}灯", "{c}牌", "{c}标", "{c}色预警", "{c}灯预警")
MAX_TEXT = 80  # a legend is a short line, not a paragraph


@dataclass
class Legend:
    words: dict[str, str]  # word as written in a status cell → canonical status
    said: str  # what the legend says ("○为正在推进，✔为已完成")
    where: str  # where it is ("H2 列名中的说明", "第 6 行")


# Codes for the statuses: "整改状态（1.已完成 2.正在推进 3.未启动）", "填1为已完成、2为正在推进"
_CODE_WORD = lazy(
    r"(?<![\d.])([1-9])\s*(?:[.、．:：=＝\-－]|表示|代表|为)?\s*([\u4e00-\u9fff]{2,6})"
)
_DIGITS = frozenset("123456789")


def _symbol_pairs(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    if not _SYMBOL_SET.isdisjoint(text):  # most texts: neither pattern can match
        pairs += [(s, w) for w, s in _WORD_SYMBOL.findall(text)] + _SYMBOL_WORD.findall(text)
    if not _DIGITS.isdisjoint(text):
        pairs += _CODE_WORD.findall(text)
    for symbol, word in pairs:
        status = normalise_status(word)
        if status is not None:
            found.setdefault(symbol, status)
    return found


def sheet_legend(
    rows: list[list[Any]], header: Header, stop: int, footers: Sequence[tuple[int, str]] = ()
) -> Legend | None:
    """The legend of the sheet's status words: ticks and circles explained in a header cell or
    in a line above or under the table (``footers``: the note rows, Excel row and text), else
    红黄绿 colours explained there (``colours``); None when there is none. The table's own rows
    are not looked at (a ledger may be long; a legend is never among its measures)."""
    for j, text in sorted(header.texts.items()):
        found = _symbol_pairs(text)
        if len(found) >= 2:
            said = "，".join(f"{s}为{t}" for s, t in found.items())
            return Legend(found, said, f"{column_letter(j)} 列列名“{text}”")
    lines: dict[int, list[Any]] = {i: r for i, r in enumerate(rows[: header.row])}
    lines.update((i, rows[i]) for i in range(stop, len(rows)))
    lines.update((row - 1, [text]) for row, text in footers)
    outside = sorted(lines.items())
    for i, row in outside:
        for v in row:
            if isinstance(v, str) and len(v) <= MAX_TEXT:
                found = _symbol_pairs(v)
                if len(found) >= 2:
                    said = "，".join(f"{s}为{t}" for s, t in found.items())
                    return Legend(found, said, f"第 {i + 1} 行")
    legend = colours._legend([row for _, row in outside])
    if legend is None:
        return None
    meaning, k = legend
    words = {}
    for name, status in meaning.items():
        c = name[0]  # 绿色 → 绿
        words.update({form.format(c=c): status for form in _COLOUR_FORMS})
    said = "，".join(f"{c}为{s}" for c, s in meaning.items())
    return Legend(words, said, f"第 {outside[k - 1][0] + 1} 行")


def _code(value: Any) -> bool:
    """Whether a status cell may hold a word of a legend: text, or a whole number (a code)."""
    if isinstance(value, str):
        return True
    return value.__class__ in (int, float) and value == value and float(value).is_integer()


def legend_note(legend: Legend, values: list[Any], letter: str) -> str | None:
    """The 读取方式 note saying the status column ``letter`` (its ``values``) was read by the
    legend, when any of its cells holds a word the legend explains; else None."""
    written = {v.strip() if isinstance(v, str) else f"{v:g}" for v in values if _code(v)}
    used = sorted(w for w in written if w in legend.words)
    if not used:
        return None
    shown = "、".join(f"“{w}”" for w in used[:6])
    where = f" {legend.where}" if legend.where[:1].isascii() else legend.where
    return (
        f"{letter} 列整改状态中的{shown}按{where}中的说明读（{legend.said}）。"
        "如不对，请用 --status-map 或“状态对照”表说明。"
    )
