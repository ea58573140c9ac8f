"""Stage 2a of ``import``: blocks → an outline tree by their numbering.

Real documents number their levels in any combination: 第一部分 / 一、 / （一） / 1. 1、 1． / （1） / ① /
"问题1：" / paragraphs starting 一是 … 二是 / "关于“…”的问题" headings. Which style is which level
is not fixed, so the tree is built the way a reader does: a numbering style seen for the first
time (starting at 1) opens a level below the current one; a style already open continues that
level (closing the deeper ones). A "number" that does not continue its sequence is body text
("3.5万元" at a paragraph start is not item 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ledger_tools.importing.extract import Block

CN_DIGITS = "一二三四五六七八九十"
_CN = f"[{CN_DIGITS}百零〇]{{1,4}}"

# (style, pattern). Group 1 is the number; the match ends where the text after it starts.
MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第\s*({_CN}|\d{{1,2}})\s*部分\s*[、：:.．]?\s*")),
    ("problem", re.compile(rf"^问题\s*(\d{{1,3}}|{_CN})\s*[：:.．、]\s*")),
    ("cn", re.compile(rf"^({_CN})\s*[、．.]\s*")),
    ("paren_cn", re.compile(rf"^[（(]\s*({_CN})\s*[)）]\s*[、．.]?\s*")),
    # "1.1 …" "1.2 …": the items under item 1 (company documents); group 1 the second number
    # (not an amount: "1.5万元已清退", "2.5%")
    ("decimal2", re.compile(r"^\d{1,3}[.．](\d{1,2})(?![\d.．%％万亿元倍个项条人次年月日天])\s*")),
    ("arabic", re.compile(r"^(\d{1,3})\s*(?:[.．](?!\d)|[、)）])\s*")),
    ("paren", re.compile(r"^[（(]\s*(\d{1,3})\s*[)）]\s*[、．.]?\s*")),
    ("circled", re.compile(r"^([\u2460-\u2473\u2776-\u277f])\s*")),
    ("shi", re.compile(rf"^({_CN})是\s*")),
    ("about", re.compile(r"^()关于[“\"‘「].{2,60}?[”\"’」]的问题[。：:]?$")),
)


def cn_value(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; 0 when ``text`` is no Chinese number."""
    digits = {c: i + 1 for i, c in enumerate(CN_DIGITS[:9])}
    digits.update({"零": 0, "〇": 0})
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return 0
    return total + current


def marker_value(style: str, number: str) -> int:
    if style == "about":
        return 0
    if style == "circled":
        cp = ord(number)
        return cp - 0x2460 + 1 if cp < 0x2776 else cp - 0x2776 + 1
    return int(number) if number.isdigit() else cn_value(number)


@dataclass
class Node:
    """One numbered item with what follows it until the next item of its level or above.

    ``marker`` is the number as written ("（一）"), ``text`` the paragraph after it, ``body``
    the unnumbered blocks that follow, ``children`` the deeper items."""

    style: str
    value: int
    marker: str
    text: str
    block: Block | None
    body: list[Block] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def where(self) -> str:
        return self.block.where if self.block else ""


def match_marker(text: str) -> tuple[str, int, str, str] | None:
    """(style, value, marker, rest) of a numbered paragraph, or None."""
    for style, pattern in MARKERS:
        m = pattern.match(text)
        if m:
            value = marker_value(style, m.group(1))
            rest = text[m.end() :].strip() if style != "about" else text
            if style == "about" or (value and rest):
                return style, value, text[: m.end()].strip(), rest
    return None


# A line a mark set apart as a heading ("▲……方面", ``parse._article_marks``).
MARKED_HEADING_STYLE = "标记小标题"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
# The heading styles of the documents this tool writes (docformat.STYLE_H1 …): a heading of
# them without a number is the lone 方面 of a ledger that has one ("落实……方面", not numbered
# "（一）" where there is no "（二）").
_GONGWEN_HEADING_STYLE = re.compile(r"^([一二三])级标题$")


# A problem named on a line of its own, without a number: "……的问题" (also "……的问题。").
_NAMED_PROBLEM = re.compile(r"^[^。；;：:]{4,58}的问题[。：:]?$")


def _heading(block: Block) -> tuple[str, int, str, str] | None:
    """A paragraph without a number of its own that is a heading all the same: in Word's
    Heading N style, or a line alone in bold (no sentence in it), or a line naming a problem
    ("……的问题"): each a level of its own, counted where it stands."""
    if m := _HEADING_STYLE.match(block.style.strip()):
        return (f"heading{m.group(1)}", 1, "", block.text)
    if m := _GONGWEN_HEADING_STYLE.match(block.style.strip()):
        return (f"heading{'一二三'.index(m.group(1)) + 1}", 1, "", block.text)
    text = block.text
    if block.style == MARKED_HEADING_STYLE:
        return ("unnumbered", 1, "", text)
    if bracketed := _BRACKETED_HEADING.fullmatch(text):
        # "【政治建设方面】" alone on a line: a web page's or a pasted text's heading (a label
        # the reader knows, "【整改措施】", was made "整改措施：" before)
        return ("unnumbered", 1, "", bracketed.group(1))
    if _GENERIC.match(text):
        return None  # a label ("整改措施") or a section's name ("存在的问题"), not a problem
    # a bold line: a heading, or a problem as a 通报 names it — one sentence, commas allowed
    # ("“一岗双责”落实不到位，部分班子成员履责记实不全。")
    bold = block.lead == text and 6 <= len(text) <= 60 and not re.search(r"[。；;：:]", text[:-1])
    if (bold and not text.endswith(("：", ":"))) or _NAMED_PROBLEM.match(text):
        return ("unnumbered", 1, "", text)
    return None


_BRACKETED_HEADING = re.compile(r"【\s*([^【】。；;：:！？]{2,30}?)\s*】")
_GENERIC = re.compile(
    r"^(?:整改|具体|主要|下一?步|责任|完成|工作)(?:措施|举措|做法|情况|成效|进展|结果|时限|单位|领导|计划|打算|目标)"
    r"|^.{0,12}(?:反馈|存在|查摆|检视|发现|指出|梳理|交办)(?:出)?的?(?:主要|突出)?问题[。：:]?$"
)


def build_outline(blocks: list[Block]) -> Node:
    """The outline tree of ``blocks`` (the root's body holds what precedes the first item)."""
    root = Node("root", 0, "", "", None)
    stack = [root]
    last_seen: dict[str, int] = {}
    for block in blocks:
        found = None if block.is_table else match_marker(block.text) or _heading(block)
        if found is None:
            stack[-1].body.append(block)
            continue
        style, value, marker, rest = found
        open_at = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].style == style), 0)
        if style.startswith("heading") or style == "unnumbered":
            value = stack[open_at].value + 1 if open_at else 1  # unnumbered: counted here
        if open_at:
            prev = stack[open_at].value
            ok = style == "about" or prev < value <= prev + 3 or value == 1
            if not ok:
                stack[-1].body.append(block)
                continue
            del stack[open_at:]
        elif not (
            style == "about"
            or value == 1
            or value == last_seen.get(style, -1) + 1
            # An excerpt may start at "二、"; only the first level may, and only in Chinese numbers.
            or (len(stack) == 1 and not root.children and style in ("cn", "problem"))
        ):
            stack[-1].body.append(block)
            continue
        node = Node(style, value, marker, rest, block)
        stack[-1].children.append(node)
        stack.append(node)
        last_seen[style] = value
    return root
