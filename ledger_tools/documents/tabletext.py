"""Short forms for narrow table cells (the 整改任务清单 attachment), as template filters.

``names_only``: "陈志远（党组书记、局长）、王建国（副局长）" → "陈志远、王建国": a 责任领导 column
holds names; the job titles (in brackets) stay in the body text. ``short_date``:
"2024年6月30日" → "2024.6.30"; other deadline forms ("2024年6月底前", "长期坚持") are already
short and pass through. ``cell_lines``: where a narrow cell's text breaks: "2024年6月底前" as
"2024年" over "6月底前", not "2024年6" over "月底前"; "财务科、规划建设科" after the "、", not
"财务科、规" over "划建设科".
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

_BRACKETED = re.compile(r"\s*[（(][^（）()]*[）)]")
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


# A telephone number written after a name ("张某/13800000021", "李某 0571-88880000", "王某
# 电话：13900000001"): a 公文's table names the person, not how to ring him.
_PHONE = re.compile(
    r"\s*[/／,，;；]?\s*(?:联系)?(?:电话|手机|座机|tel|Tel|TEL)?[:：]?\s*"
    r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}[-－]?\d{7,8}(?:[-－]\d{1,4})?)(?!\d)"
)


def names_only(value: Any) -> str:
    """Drop bracketed job titles and telephone numbers after names; separators and other
    unbracketed text are kept."""
    if value is None:
        return ""
    return _names_only(str(value))


def short_date(value: Any) -> str:
    """Every full date "2024年6月30日" in ``value`` as "2024.6.30"."""
    if value is None:
        return ""
    return _short_date(str(value))


# Both run for every row of the task table, on values that repeat: cached by text.
@functools.lru_cache(maxsize=1 << 14)
def _names_only(text: str) -> str:
    previous = None
    while previous != text:  # nested brackets: innermost first
        previous, text = text, _BRACKETED.sub("", text)
    if any(c.isdigit() for c in text):
        text = _PHONE.sub("", text)
    return text.strip()


@functools.lru_cache(maxsize=1 << 14)
def _short_date(text: str) -> str:
    return _FULL_DATE.sub(lambda m: f"{m[1]}.{int(m[2])}.{int(m[3])}", text)


def cell_lines(value: Any, width: float) -> str:
    """``value`` with line breaks where a cell ``width`` characters wide (``text_width``)
    should break it, so that Word and LibreOffice, which break Chinese text after any
    character, do not cut a date after its month's digit or a name in two: a date
    "2024年4月15日前" longer than the cell breaks after 年 (when the rest fits a line); a list
    of names "财务科、规划建设科" breaks after a "、", as many whole names on a line as fit; a
    name wider than the cell breaks between its words (``name_lines``: "质量安全/监督站", not
    "质量安全监/督站"), its "、" after its last line ("建筑市场/监管科、/质量安全/监督站"); a
    name whose "、" does not fit after it (a "、" may not begin a line, so the name's last
    character would go down with it: "组织人事/科、") breaks between its words to make room
    ("组织/人事科、"). Names that cannot (three-character names in a three-character column)
    stand one on a line without the "、". What fits is returned as it is."""
    if value is None:
        return ""
    return _cell_lines(str(value), float(width))


# The gap Word and LibreOffice put between a Chinese character and a digit or Latin letter
# (w:autoSpaceDE/DN), in characters: "2024年5月10日" (3 characters, 7 digits, 5 gaps) measured
# 7.4 characters in the body (docformat.DATE_WIDTH_CHARS); "4月15日前" (three gaps) did not fit
# a 24 mm table column of 4.99 characters.
_AUTOSPACE = 0.2


def text_width(text: str) -> float:
    """Width of ``text`` in characters: a CJK character one, a digit or Latin letter half, and
    ``_AUTOSPACE`` for each change between the two."""
    width, last = 0.0, None
    for ch in text:
        wide = ord(ch) >= 0x2E80
        width += 1.0 if wide else 0.5
        if last is not None and wide != last and not ch.isspace():
            width += _AUTOSPACE
        last = wide
    return width


_width = text_width
_YEAR_FIRST = re.compile(r"(\d{4}年)(\d{1,2}月\S*)")
_MONTH_FIRST = re.compile(r"(\d{1,2}月)(\S+)")
_KEPT_ON = re.compile(r"(.+?)(并长期坚持)")


@functools.lru_cache(maxsize=1 << 14)
def _cell_lines(text: str, width: float) -> str:
    if _width(text) <= width or "\n" in text:
        return text
    kept = _KEPT_ON.fullmatch(text)
    if kept and _width(kept[2]) <= width:
        # "2025年9月底前并长期坚持", "立行立改并长期坚持": the deadline, then what goes on after it
        return f"{_cell_lines(kept[1], width)}\n{kept[2]}"
    date = _YEAR_FIRST.fullmatch(text)
    if date:
        if _width(date[2]) <= width:
            return f"{date[1]}\n{date[2]}"
        # "12月31日前" wider than the cell: after 月 too ("2024年/12月/31日前"), not after the
        # day's first digit ("2024年12/月31日前", as Word and LibreOffice broke it)
        day = _MONTH_FIRST.fullmatch(date[2])
        if day and _width(day[2]) <= width:
            return f"{date[1]}\n{day[1]}\n{day[2]}"
        return text
    names = [n for n in text.split("、") if n]
    if len(names) < 2:
        return name_lines(text, width)
    # each name as lines, the "、" after its last: a name wider than the cell broken between
    # its words ("建筑市场/监管科、/质量安全/监督站")
    pieces = []
    for k, name in enumerate(names):
        mark = "、" if k < len(names) - 1 else ""
        if _width(name + mark) <= width:
            pieces.append([name + mark])
            continue
        lines = name_lines(name, width).split("\n")
        if _width(lines[-1] + mark) > width:  # room for the "、" after the last word
            lines = name_lines(name, width - _width(mark)).split("\n")
        if len(lines) < 2 or _width(lines[-1] + mark) > width:
            # a "、" that does not fit after the name would take its last character down with
            # it ("周晓/梅、"): one name a line, without the "、"
            return "\n".join(name_lines(name, width) for name in names)
        pieces.append([*lines[:-1], lines[-1] + mark])
    out = [pieces[0][-1]] if len(pieces[0]) == 1 else list(pieces[0])
    alone = len(pieces[0]) > 1
    for piece in pieces[1:]:
        if len(piece) == 1 and not alone and _width(out[-1] + piece[0]) <= width:
            out[-1] += piece[0]  # as many whole names on a line as fit
        else:
            out.extend(piece)
        alone = len(piece) > 1
    return "\n".join(out)


# Where a name too wide for its cell may break (``name_lines``), from the best place to the
# worst. Names of units and posts are made of two-character words and end in a one-character
# (科, 站, 局) or two-character (中心, 大队) word, so after a connective, after an
# organisation within the name ("…建设局/建设工程…"), after a place ("某某县/人民医院"), and
# between the two-character words counted back from the end ("质量安全/监督站", "建筑市场/
# 监管科", "后勤服务/中心", "分管副/校长").
_CONNECTIVES = "和与及暨"
_ORG_CHARS = "局委办院馆站所队科室处部厅组会司社团校"
# A suffix character that begins a word with the next one is no suffix there: 科技, 局长 …
_ORG_WORDS = frozenset(
    "科技 科学 科研 局长 处长 科长 站长 所长 院长 部长 馆长 队长 校长 组长 社长 会长 室主 "
    "会计 会议 部门 部署 办公 办事 办理 委员 组织 队伍 处理 处置 所属 院校 社会 社区 团结 "
    "团委 校区 司法 厅长 部队 会同 组建".split()
)
_TWO_CHAR_ENDS = frozenset(
    "中心 大队 支队 中队 专班 公司 集团 学院 医院 学校 中学 小学 大学 党委 党组 支部 总支 "
    "机关 小组 街道 社区 银行 法院 书记 主任 委员 干事 专员 助理 局长 处长 科长 院长 校长 "
    "部长 组长 站长 所长 馆长 队长 主席 秘书 经理".split()
)
_PLACE_CHARS = "省市区县州镇乡旗"
_NOT_AFTER_PLACE = "委场域级属直政长民情容内外界况划域"
_NAME = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")
_CUT_COST = {"connective": 1, "organisation": 1, "place": 2, "word": 3}
_ANYWHERE = 12
_LINE = 5


def _cuts(name: str) -> dict[int, int]:
    """Positions a line of ``name`` may end at (the line is ``name[:k]``), with their cost."""
    n = len(name)
    cuts: dict[int, int] = {}

    def add(k: int, kind: str) -> None:
        if 2 <= k <= n - 2:  # never a line of one character
            cuts[k] = min(cuts.get(k, 99), _CUT_COST[kind])

    bounds = [0]
    for i, ch in enumerate(name):
        k = i + 1
        if ch in _CONNECTIVES:
            add(k, "connective")
            bounds.append(k)
        elif ch in _ORG_CHARS and name[i : i + 2] not in _ORG_WORDS and k >= 3:
            add(k, "organisation")
            bounds.append(k)
        elif ch in _PLACE_CHARS and k >= 2 and name[k : k + 1] not in _NOT_AFTER_PLACE:
            add(k, "place")
    bounds.append(n)
    # two-character words, counted back from the end of each part
    for start, end in itertools.pairwise(dict.fromkeys(bounds)):
        part = name[start:end]
        # a one-character suffix stays with the word before it ("监督站"), a two-character
        # ending is a word of its own ("服务/中心")
        one = part[-2:] not in _TWO_CHAR_ENDS and part[-1] in _ORG_CHARS + _CONNECTIVES
        for k in range(end - 3 if one else end - 2, start, -2):
            add(k, "word")
    return cuts


@functools.lru_cache(maxsize=1 << 12)
def name_lines(name: str, width: float) -> str:
    """A single name (a unit, a post) wider than ``width`` characters in lines that fit, each
    ending where a word ends (``_cuts``), at the cheapest such places and in few lines; a cut
    between any two characters (never inside a number) only where word boundaries give no
    lines that fit."""
    if _width(name) <= width or len(name) < 4 or not _NAME.fullmatch(name):
        return name  # (a marker "【…】", a bracket, a sentence: the cell wraps it)
    cuts = _cuts(name)
    n = len(name)
    # best[k]: (cost, -j) of name[:k] whose last line begins at j: the cheapest cuts, a line
    # costing ``_LINE`` (a cut inside a word costs more than a line: "纪检/监察组/组长", not
    # "纪检监察/组组长"), then the fullest lines above (as the cell would fill them)
    best: dict[int, tuple[int, int]] = {0: (0, 1)}
    for k in range(1, n + 1):
        if k < n and name[k - 1].isascii() and name[k].isascii():
            continue  # never inside a number
        options = []
        for j, (cost, _) in best.items():
            if j < k and _width(name[j:k]) <= width:
                price = _LINE + (0 if k == n else cuts.get(k, _ANYWHERE))
                options.append((cost + price, -j))
        if options:
            best[k] = min(options)
    if n not in best:
        return name
    out, k = [], n
    while k > 0:
        j = -best[k][1]
        out.append(name[j:k])
        k = j
    return "\n".join(reversed(out))


# ---------------------------------------------------------------------------------------------
# The 整改任务清单's problems on its landscape pages.
#
# A problem's rows are kept on one page (each row but its last "kept with the next"), so a page
# never opens on rows whose merged 序号 and 问题 cells were left on the page before — empty
# cells the reader cannot place. A problem taller than a page cannot be kept whole: its rows are
# cut into blocks, each kept on one page and opened by the 序号 and "问题（续）" again. The blocks
# are between half a page and ``_BLOCK_SHARE`` of a page, so two never share a page (a 续
# in the middle of a page) and a block moved whole leaves at most that much of a page empty.
#
# Kept whole, a problem that did not fit what was left of a page moved to the next and left
# the rest empty: a plan of 300 measures, each problem about half a page, printed 85 landscape
# pages, most of them a third to a half empty. So a problem is kept whole only up to a third
# of a page (``_RUN_ON_PT``: moved, it leaves at most that much empty); a taller one runs on to
# the next page (``清单连排``: the row is kept with the next): its rows break between pages like
# any table's but for its first rows, as many as its 问题 needs, and its last three lines. A
# page may then open on rows whose 序号 and 问题 cells are empty (the merged cell's text stays
# on the page before), the price of full pages. Where the breaks fall is Word's and
# LibreOffice's: laid out by these estimates, which are off by a line or two a problem, the
# pages drifted from the real ones within a few problems.

# Characters a line of each column holds (scripts/build_doc_templates.py: ``cell_chars`` of
# ``TASK_COLUMNS``; tests/test_doc_review6.py keeps them equal).
TASK_LIST_CHARS = {"问题": 8.13, "整改措施": 19.47, "责任领导": 4.27, "责任部门": 6.2,
                   "责任人": 3.06, "整改时限": 5.48}  # fmt: skip
_ROW_LINE_PT = 15.0  # docformat.TABLE_LINE_TWIPS
_ROW_PAD_PT = 3.4  # the cell's top and bottom margins (docformat.TABLE_CELL_MARGINS_TWIPS)
# The landscape 版心 (210 mm less 28 and 26 mm: 442 pt) less the repeated header row; a little
# less again, for the estimate: rows are measured by characters, not set by Word.
TASK_PAGE_PT = 410.0
# The first page of the table holds "附件", a blank line, the title and a blank line (four
# lines of the 28.95 pt grid) and the first 方面's row.
TASK_FIRST_PAGE_PT = TASK_PAGE_PT - 4 * 28.95 - (_ROW_LINE_PT + _ROW_PAD_PT)
_NARROW = ("责任领导", "责任部门", "牵头部门", "责任人")
_BLOCK_SHARE = 0.9
_RUN_ON_PT = TASK_PAGE_PT / 3
_STUB_PT = 3 * _ROW_LINE_PT + _ROW_PAD_PT


def _lines(value: str, width: float) -> int:
    if not value:
        return 1
    return sum(max(1, -int(-text_width(line) // width)) for line in value.split("\n"))


def task_row_height(measure: dict[str, Any]) -> float:
    """The estimated height (pt) of a measure's row in the task list, its 序号 and 问题 aside
    (merged cells across the rows of a block: ``task_block_height``)."""
    c = TASK_LIST_CHARS
    lines = max(
        _lines(str(measure.get("整改措施") or ""), c["整改措施"]),
        cell_lines(names_only(measure.get("责任领导")), c["责任领导"]).count("\n") + 1,
        cell_lines(
            names_only(measure.get("责任部门") or measure.get("牵头部门")), c["责任部门"]
        ).count("\n")
        + 1,
        cell_lines(names_only(measure.get("责任人")), c["责任人"]).count("\n") + 1,
        cell_lines(measure.get("整改时限"), c["整改时限"]).count("\n") + 1,
    )
    return lines * _ROW_LINE_PT + _ROW_PAD_PT


def _problem_height(problem: str) -> float:
    return _lines(problem, TASK_LIST_CHARS["问题"]) * _ROW_LINE_PT + _ROW_PAD_PT


def task_list_blocks(
    problem: str, measures: list[dict[str, Any]], page: float = TASK_PAGE_PT
) -> None:
    """Mark where the task list cuts a problem taller than a page into blocks: ``清单续`` on
    the measure that opens a block after the first, ``清单段末`` on the last of each block
    (and of the problem). Problems that fit a page (nearly all) are one block. ``page``: the
    height the problem has on its first page — ``TASK_FIRST_PAGE_PT`` for the problem that
    opens the table, under "附件" and the title. ``清单连排``: the row is kept on the page of
    the next (every row of a block but its last; of a problem taller than ``_RUN_ON_PT`` in
    one block, only its head and tail, ``_run_on``)."""
    for m in measures:
        m["清单续"] = False
        m["清单段末"] = False
        m["清单连排"] = True
    if not measures:
        return
    measures[-1]["清单段末"] = True
    _mark_blocks(problem, measures, page)
    for m in measures:
        if m["清单段末"]:
            m["清单连排"] = False
    if any(m["清单续"] for m in measures) or len(measures) < 2:
        return
    # one block: kept whole if short, else run on. Rows are measured only where the bounds
    # leave it open: a problem surely short, or surely tall (its 整改措施 alone, every
    # character counted as narrow as a digit), is not measured but for its head and tail
    if _height_bound(problem, measures) <= _RUN_ON_PT:
        return
    heights: dict[int, float] = {}

    def height(k: int) -> float:
        if k not in heights:
            heights[k] = task_row_height(measures[k])
        return heights[k]

    least = sum(
        _ROW_PAD_PT
        + _ROW_LINE_PT
        * max(1, len(str(m.get("整改措施") or "")) // (2 * TASK_LIST_CHARS["整改措施"]))
        for m in measures
    )
    if least > _RUN_ON_PT or sum(map(height, range(len(measures)))) > _RUN_ON_PT:
        _run_on(measures, height, _problem_height(problem))


def _run_on(measures: list[dict[str, Any]], height: Callable[[int], float], text: float) -> None:
    """A problem's rows allowed to break between pages (``height``: of the k-th row): kept
    together only its first rows, as many as its 问题 text needs and three lines at least
    (its 序号 and 问题 never stand at a page foot without their whole text), and its last three
    lines at least (no lone short row on the next page under empty 序号 and 问题 cells)."""
    for m in measures:
        m["清单连排"] = False
    need, top = max(text, _STUB_PT), 0.0
    for k in range(len(measures) - 1):
        top += height(k)
        if top >= need:
            break
        measures[k]["清单连排"] = True
    bottom = 0.0
    for k in range(len(measures) - 1, 0, -1):
        bottom += height(k)
        if bottom >= _STUB_PT:
            break
        measures[k - 1]["清单连排"] = True


def _height_bound(problem: str, measures: list[dict[str, Any]]) -> float:
    """A bound (pt) on the height of a problem's rows, no row measured: its measures' lines,
    and at least half a narrow column's characters a line (a unit name of 40 characters
    stands in eight lines of its 责任部门 cell)."""
    most = sum(
        max(
            len(str(m.get("整改措施") or "")) / TASK_LIST_CHARS["整改措施"] + 1,
            6,
            *(len(str(m.get(k) or "")) / 2 + 1 for k in _NARROW),
        )
        for m in measures
    )
    return max(most, len(problem) / TASK_LIST_CHARS["问题"] + 1) * _ROW_LINE_PT


def _mark_blocks(problem: str, measures: list[dict[str, Any]], page: float) -> None:
    """``清单续`` and ``清单段末`` (the last measure's already set) of ``task_list_blocks``."""
    # most problems are far from a page: no row measured (40,000 measures in a 汇总)
    if _height_bound(problem, measures) <= page:
        return
    heights = [task_row_height(m) for m in measures]
    if max(sum(heights), _problem_height(problem)) <= page:
        return
    if page < TASK_PAGE_PT:
        # the problem that opens the table: the rows that fit under the title are its first
        # block (moved whole to the next page, it left a page holding only "附件" and the
        # title); the rest are cut as any problem's
        top, k = 0.0, 0
        while k < len(heights) and top + heights[k] <= page:
            top += heights[k]
            k += 1
        k = max(k, 1)
        if k < len(measures):
            _mark_blocks(problem, measures[k:], TASK_PAGE_PT)
            measures[k - 1]["清单段末"] = True
            measures[k]["清单续"] = True
        return
    # blocks of near-equal height: each row goes to the block its middle falls in; more
    # blocks while one of them (of more than a row) is taller than a page
    total = sum(heights)
    first = -int(-total // (TASK_PAGE_PT * _BLOCK_SHARE))
    for count in range(first, len(measures) + 1):
        target = total / count
        blocks: list[int]  # each row's block
        top, blocks, sizes, rows = 0.0, [], [0.0], [0]
        for height in heights:
            block = min(count - 1, int((top + height / 2) // target))
            if blocks and block != blocks[-1]:
                sizes.append(0.0)
                rows.append(0)
            sizes[-1] += height
            rows[-1] += 1
            blocks.append(block)
            top += height
        if all(size <= TASK_PAGE_PT or n == 1 for size, n in zip(sizes, rows, strict=True)):
            break
    for k in range(1, len(measures)):
        if blocks[k] != blocks[k - 1]:
            measures[k - 1]["清单段末"] = True
            measures[k]["清单续"] = True


# ---------------------------------------------------------------------------------------------
# No stub of one to three characters at the foot of a cell ("公务接待管理不规/范").
#
# Word and LibreOffice fill a cell line by line and leave the rest of the text, however short,
# on a last line of its own: a 问题 of nine characters in the 8.1-character 问题 column stood
# as "公务接待管理不规" over "范". ``even_lines`` gives such a cell its lines: the same number,
# as even as the text allows ("公务接待管/理不规范"), every line a little narrower than the cell
# so that no reader wraps it again. Punctuation that may not begin a line ("，。、）”") stays at the
# end of the line before, "（“《" at the start of the next, and a number is never cut.

_NO_LINE_START = "，。、；：？！）》”’…—%,.;:?!)]}"
_NO_LINE_END = "（《“‘([{"
_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%]*|.", re.DOTALL)
_STUB = 3.0  # a last line this wide or narrower is a stub
_SLACK = 0.3  # characters left free on each line given, for the readers' own measure


def wrap_lines(text: str, width: float) -> list[str]:
    """The lines a cell ``width`` characters wide breaks ``text`` into, as Word and
    LibreOffice do: as many tokens (a character, or a number) as fit, counted as
    ``text_width`` counts them (the gap between Chinese and digits included), with the rules
    for punctuation at the start and the end of a line."""
    if text and min(text) >= "\u2e80":  # Chinese and full-width marks only: by index
        return _wrap_wide(text, int(width + 1e-9))
    lines: list[list[str]] = [[]]
    used, last = 0.0, None  # the width of the line so far; whether its last token is wide
    for token in _TOKEN.findall(text):
        wide = ord(token[0]) >= 0x2E80
        w = (1.0 if wide else 0.5) if len(token) == 1 else _width(token)
        line = lines[-1]
        if line and used + w + (_AUTOSPACE if last is not wide else 0.0) > width:
            carry: list[str] = []
            if token[0] in _NO_LINE_START and len(line) > 1:
                carry.insert(0, line.pop())  # the character before the mark goes down with it
            while len(line) > 1 and line[-1][-1] in _NO_LINE_END:
                carry.insert(0, line.pop())
            lines.append(carry)
            line = lines[-1]
            used = _width("".join(carry)) if carry else 0.0
            last = (ord(carry[-1][-1]) >= 0x2E80) if carry else None
        if last is not None and last is not wide:
            used += _AUTOSPACE
        line.append(token)
        used += w
        last = wide
    return ["".join(line) for line in lines if line]


def _wrap_wide(text: str, per_line: int) -> list[str]:
    """``wrap_lines`` of a text whose every character is one wide: ``per_line`` a line, less
    the characters punctuation takes down with it."""
    lines, start, n = [], 0, len(text)
    per_line = max(per_line, 1)
    while n - start > per_line:
        end = start + per_line
        if text[end] in _NO_LINE_START and end - start > 1:
            end -= 1
        while end - start > 1 and text[end - 1] in _NO_LINE_END:
            end -= 1
        lines.append(text[start:end])
        start = end
    lines.append(text[start:])
    return lines


def even_lines(value: Any, width: float) -> str:
    """``value`` as it prints in a cell ``width`` characters wide, with its lines given
    (``\\n``) when the readers would leave a stub of one to three characters on the last line:
    as many lines, as even as the text allows. Other text is returned as it is."""
    if value is None:
        return ""
    return _even_lines(str(value), float(width))


@functools.lru_cache(maxsize=1 << 14)
def _even_lines(text: str, width: float) -> str:
    if "\n" in text or _width(text) <= width:
        return text
    stub = min(_STUB, width / 4)  # "深入" is no stub in a column of four characters
    printed = wrap_lines(text, width)  # as the readers would print it
    if len(printed) < 2 or _width(printed[-1]) > stub:
        return text
    room = width - _SLACK
    lines = wrap_lines(text, room)
    if len(lines) != len(printed):
        return text
    # the last k lines (all of them first) laid out again at the narrowest measure that keeps
    # them k lines: every line about as long, the last no stub ("制定局党组落实全面从严治党 /
    # 主体责任清单，明确党组书 / 记、班子成员和各科室责任。", not two full lines and "任。";
    # "意识形态 / 工作责 / 任落实 / 不到位" when four lines cannot be even)
    for k in range(len(lines), 1, -1):
        tail = "".join(lines[-k:])
        measure = max(_width(tail) / k, 1.0)
        while measure <= room:
            again = wrap_lines(tail, measure)
            if len(again) == k and _width(again[-1]) > stub:
                return "\n".join([*lines[:-k], *again])
            measure += 0.25
    return text


FILTERS: dict[str, Callable[..., Any]] = {
    "names_only": names_only,
    "short_date": short_date,
    "cell_lines": cell_lines,
    "even_lines": even_lines,
}
