"""Breaking a 公文 title into lines (GB/T 9704-2012 §7.3.1).

The standard: a title "可分一行或多行居中排布；回行时，要做到词意完整，排列对称，长短适宜，间距恰当，
标题排列应当使用梯形或菱形". So a line never ends inside a word or a name ("区委第二/巡察组",
"整改落/实"), and the lines form a trapezoid (each line at least as long as the one above,
上短下长) or a diamond (the middle line longest).

``break_title(title, names)`` cuts only at word boundaries: the ``names`` (党组织名称, 监督机构 …)
are whole tokens, the rest is read with a small vocabulary of the words titles are made of
(关于, 落实, 反馈意见, 整改, 情况, 的 …); text outside both is never cut. Among the cuts that give
lines of at most ``max_chars`` characters, it takes the fewest lines, then the best shape,
then the strongest boundaries (before/after 关于 and before 的 are the usual ones). A name longer
than a line is cut after an organisational suffix (党组, 委员会, 局 …), never elsewhere unless
nothing else fits.

Users give their own breaks with "/" (or a line break) in the title fields of 基本信息:
``split_manual("…党组关于/落实…")``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence

# Characters of a 2号 (22 pt) title line in the 156 mm 版心 with the 0.25 pt condensing of
# ``docformat.CHAR_SPACING_TWIPS``: 442.2 pt / 21.75 pt = 20.3.
MAX_TITLE_CHARS = 20

# Words titles are made of, longest first when matched. A word is never cut.
VOCABULARY = (
    # "关于巡视/整改落实…" cuts a compound: the 整改 of a 巡视 is one word in a title
    "巡视整改落实",
    "巡察整改落实",
    "审计整改落实",
    "巡视整改",
    "巡察整改",
    "审计整改",
    "反馈意见",
    "整改落实",
    "进展情况",
    "整改情况",
    "整改方案",
    "工作方案",
    "实施方案",
    "专项巡察",
    "专项巡视",
    "专项审计",
    "主题教育",
    "民主生活会",
    "组织生活会",
    "巡察",
    "巡视",
    "审计",
    "关于",
    "落实",
    "反馈",
    "意见",
    "整改",
    "进展",
    "情况",
    "报告",
    "方案",
    "通报",
    "通知",
    "工作",
    "问题",
    "阶段",
    "集中",
    "检查",
    "督查",
)
# How good a cut is (lower is better), by the token before | after it.
_GOOD_BEFORE = {"关于": 0, "的": 4}  # "…党组 | 关于…", "…意见 | 的整改方案" (weaker)
_GOOD_AFTER = {"关于": 1, "落实": 3, "反馈意见": 2, "意见": 2}
_NAME_CUT = 2  # between a name and a word
_WORD_CUT = 3  # between two words
# Cuts inside a name that is longer than a line: after these suffixes only.
# Cuts inside a name that is longer than a line: after these suffixes only (not 区/市/乡, which
# also begin words: 市场, 城乡建设).
_NAME_SUFFIXES = ("委员会", "党委", "党组", "总支", "支部", "办公室", "中心", "局", "厅", "院",
                  "所", "站", "组", "委")  # fmt: skip
_INSIDE_NAME_CUT = 8
# A name too long for a line that has no organisational suffix where a line can end is cut
# after a place ("…经济技术开发区 / 管理委员会…"), before any cut at all ("…开发区管理 / 委员会…"
# cut 管理委员会 in two). Not before the characters that make the place part of a word:
# 区委, 市场, 县域, 省级, 市直, 区政府, 市长 …
_PLACE_SUFFIXES = ("省", "市", "区", "县", "州", "盟", "旗")
_NOT_AFTER_PLACE = "委场域级属直政长民情容内外界况"
# Words that end in a place character but are no place: "中共某区城市/管理…" cut 城市管理.
_NOT_PLACES = ("城市", "都市", "超市", "社区", "小区", "景区", "街区")
_PLACE_CUT = 30
_ANYWHERE_CUT = 40

MANUAL_BREAK = re.compile(r"\s*(?:/|／|\r\n|\n|\r)\s*")


def split_manual(title: str) -> list[str] | None:
    """The lines a user asked for with "/" (or a line break), or None when there is none."""
    if not MANUAL_BREAK.search(title.strip()):
        return None
    lines = [part.strip() for part in MANUAL_BREAK.split(title.strip())]
    return [line for line in lines if line] or None


def fit_manual(
    lines: Sequence[str], names: Sequence[str] = (), max_chars: int = MAX_TITLE_CHARS
) -> list[str]:
    """The lines a user gave, each longer than a line of the page broken again at its word
    boundaries: Word would wrap "…党组关于落实区委第二巡察组" (25 characters) inside "区委/第二巡察组"."""
    out: list[str] = []
    for line in lines:
        out.extend(break_title(line, names, max_chars) if len(line) > max_chars else [line])
    return out


def join_lines(lines: Iterable[str]) -> str:
    """The title as one string (the manual breaks removed)."""
    return "".join(lines)


def _tokens(title: str, names: Sequence[str]) -> list[tuple[str, bool]]:
    """(token, is_name): the names whole, the vocabulary words, and runs of other text."""
    names = sorted({n for n in names if n and n in title}, key=len, reverse=True)
    out: list[tuple[str, bool]] = []
    i, pending = 0, ""
    while i < len(title):
        name = next((n for n in names if title.startswith(n, i)), None)
        word = name or next((w for w in VOCABULARY if title.startswith(w, i)), None)
        if word is None and title[i] == "的":
            word = "的"
        if word is None:
            pending += title[i]
            i += 1
            continue
        if pending:
            out.append((pending, False))
            pending = ""
        out.append((word, name is not None))
        i += len(word)
    if pending:
        out.append((pending, False))
    return out


def _cut_costs(
    title: str, names: Sequence[str], max_chars: int, places: bool = False
) -> dict[int, int]:
    """Position in ``title`` → cost of breaking the line there (absent: never). A name is cut
    inside only when it is longer than a line."""
    tokens = _tokens(title, names)
    costs: dict[int, int] = {}
    pos = 0
    for k, (tok, is_name) in enumerate(tokens):
        if (is_name or k == 0) and len(tok) > max_chars:
            costs.update(_inside_name_cuts(tok, pos, places))
        pos += len(tok)
        if k + 1 == len(tokens):
            break
        nxt, next_is_name = tokens[k + 1]
        cost = _WORD_CUT
        if is_name or next_is_name:
            cost = _NAME_CUT
        cost = min(cost, _GOOD_BEFORE.get(nxt, cost), _GOOD_AFTER.get(tok, cost))
        if tok == "的":  # a line never ends in 的
            cost = _ANYWHERE_CUT
        costs[pos] = cost
    return costs


def _inside_name_cuts(name: str, start: int, places: bool = True) -> dict[int, int]:
    """Where a name may be cut: after an organisational suffix and, with ``places``, after a
    place that does not begin a word with what follows."""
    cuts = {}
    for i in range(1, len(name)):
        if name[:i].endswith(_NAME_SUFFIXES) and not name[i:].startswith(("员", "会")):
            cuts[start + i] = _INSIDE_NAME_CUT
        elif (
            places
            and name[:i].endswith(_PLACE_SUFFIXES)
            and name[i] not in _NOT_AFTER_PLACE
            and not name[:i].endswith(_NOT_PLACES)
        ):
            cuts[start + i] = _PLACE_CUT
    return cuts


# A line of a title this short, or shorter than this share of the longest, stands alone: "的报告"
# under three lines of twenty ("长短适宜"). A diamond's first and last lines are not that short.
MIN_TITLE_LINE = 4
_MIN_SHARE = 0.25
_SHORT_LINE = 12  # the cost of each such line (more than any shape of fuller lines)


def _short(length: int, longest: int) -> bool:
    return length < MIN_TITLE_LINE or length < longest * _MIN_SHARE


def _shape_cost(lengths: Sequence[int]) -> float:
    """0 for a trapezoid (non-decreasing) or a diamond (up then down, middle longest); more the
    further from both; plus a little for uneven lines, so 14/15 beats 8/21; and much more for a
    line left nearly empty ("…反馈意见整改情况 / 的报告" is no diamond)."""
    n = len(lengths)
    if n == 1:
        return 0
    longest = max(lengths)
    rises = all(a <= b for a, b in itertools.pairwise(lengths))
    peak = max(range(n), key=lambda i: lengths[i])
    diamond = (
        n >= 3
        and 0 < peak < n - 1
        and all(a <= b for a, b in itertools.pairwise(lengths[: peak + 1]))
        and all(a >= b for a, b in itertools.pairwise(lengths[peak:]))
        and not _short(lengths[-1], longest)
    )
    penalty = (
        0 if rises or diamond else 6 + sum(max(0, a - b) for a, b in itertools.pairwise(lengths))
    )
    alone = sum(_SHORT_LINE for length in lengths if _short(length, longest))
    return penalty + alone + (longest - min(lengths)) / 4


def break_title(
    title: str, names: Sequence[str] = (), max_chars: int = MAX_TITLE_CHARS
) -> list[str]:
    """``title`` as lines of at most ``max_chars`` characters, cut at word boundaries (never
    inside one of ``names`` if avoidable), in a trapezoid or diamond. A manual break ("/")
    wins over all of it."""
    manual = split_manual(title)
    if manual:
        return fit_manual(manual, names, max_chars)
    title = title.strip()
    if len(title) <= max_chars:
        return [title] if title else []
    costs = _cut_costs(title, names, max_chars)
    # after a place only when no organisation ends where a line can; then anywhere
    placed = _cut_costs(title, names, max_chars, places=True)
    fallback = {i: _ANYWHERE_CUT for i in range(1, len(title)) if i not in placed}
    for allowed in (costs, placed, {**fallback, **placed}):
        best = _best_cuts(title, allowed, max_chars)
        if best is not None:
            return [title[a:b] for a, b in itertools.pairwise((0, *best, len(title)))]
    return [title]  # unreachable: single characters always fit


# Above this many candidate line sets (a title of five lines or more, typed into an override
# field) the lines are filled greedily instead of comparing every set.
_MAX_COMBINATIONS = 50_000


def _greedy_cuts(title: str, costs: dict[int, int], max_chars: int) -> tuple[int, ...] | None:
    """Fill each line up to ``max_chars``, cutting at the cheapest boundary in its last third."""
    cuts, start = [], 0
    while len(title) - start > max_chars:
        window = [c for c in costs if start + max_chars * 2 // 3 <= c <= start + max_chars]
        window = window or [c for c in costs if start < c <= start + max_chars]
        if not window:
            return None
        start = min(window, key=lambda c: (costs[c], -c))
        cuts.append(start)
    return tuple(cuts)


def _best_cuts(title: str, costs: dict[int, int], max_chars: int) -> tuple[int, ...] | None:
    positions = sorted(costs)
    minimum = -(-len(title) // max_chars)
    if math.comb(len(positions), minimum + 1) > _MAX_COMBINATIONS:
        return _greedy_cuts(title, costs, max_chars)
    for lines in range(minimum, minimum + 3):
        best: tuple[float, tuple[int, ...]] | None = None
        for cuts in itertools.combinations(positions, lines - 1):
            bounds = (0, *cuts, len(title))
            lengths = [b - a for a, b in itertools.pairwise(bounds)]
            if max(lengths) > max_chars:
                continue
            score = _shape_cost(lengths) * 2 + sum(costs[c] for c in cuts)
            if best is None or score < best[0]:
                best = (score, cuts)
        if best is not None:
            return best[1]
    return None


# Characters of a right-aligned 署名 line: the 版心's 28 less the date's right indent of four
# (GB/T 9704 §7.3.5.1: 成文日期右空四字; a 署名 that cannot be centred is aligned with it).
MAX_SIGNATURE_CHARS = 24
_MAX_SIGNATURE_CUTS = 16  # candidate cuts compared exhaustively (a real name has a handful)


def signature_lines(name: str, max_chars: int = MAX_SIGNATURE_CHARS) -> list[str]:
    """The 发文机关署名 as lines of at most ``max_chars``: one line when it fits, else cut
    after an organisational suffix ("…管理委员会 / 住房城乡建设和交通运输局党组"), never in the
    middle of a word as a paragraph wrapped by Word would be. The lines are right-aligned,
    so no trapezoid: the fewest lines, then the most even ones (never "办公室" alone)."""
    name = name.strip()
    if len(name) <= max_chars:
        return [name]
    costs = _inside_name_cuts(name, 0)
    # after an organisation ("…管理委员会 / 规划建设局党组") before after a place
    for most in (_INSIDE_NAME_CUT, _PLACE_CUT):
        lines = _even_signature_lines(name, sorted(c for c in costs if costs[c] <= most), max_chars)
        if lines:
            return lines
    return break_title(name, (), max_chars)  # a part longer than a line: any boundary


# A 署名 centred over the 成文日期 (GB/T 9704 §7.3.5.1: 以成文日期为准居中编排) reaches the
# 版心's right edge at 15 characters (``docformat.SEALED_CENTRED_MAX_CHARS``: the date's centre
# is 4 + 7.5 / 2 characters from the edge). A longer name is printed in lines of at most this,
# each centred over the date, when it can be cut after a suffix or a place into two or three
# lines of like length (none shorter than half the longest: "中共某区 / 人力资源和社会保障局党组" is
# not a block, "委员会" alone still less): the 落款 stays one centred block over the date.
CENTRED_SIGNATURE_CHARS = 15
_MAX_CENTRED_SIGNATURE_LINES = 3
_MIN_SIGNATURE_LINE = 4


def centred_signature_lines(name: str) -> list[str]:
    """The 署名 as lines to centre over the date, or [] when it cannot be (then the template
    right-aligns ``signature_lines`` with the date). "中共某区住房和城乡建设局党组" is one line;
    "中共某某省某某市某某区经济技术开发区管理委员会规划建设交通运输局党组" is "中共某某省某某市某某区 /
    经济技术开发区管理委员会 / 规划建设交通运输局党组"."""
    name = name.strip()
    if len(name) <= CENTRED_SIGNATURE_CHARS:
        return [name]
    costs = _inside_name_cuts(name, 0)
    for most in (_INSIDE_NAME_CUT, _PLACE_CUT):
        cuts = sorted(c for c in costs if costs[c] <= most)
        lines = _even_signature_lines(name, cuts, CENTRED_SIGNATURE_CHARS)
        if (
            lines
            and len(lines) <= _MAX_CENTRED_SIGNATURE_LINES
            and min(map(len, lines)) >= max(_MIN_SIGNATURE_LINE, max(map(len, lines)) / 2)
        ):
            return lines
    return []


def _even_signature_lines(name: str, cuts: list[int], max_chars: int) -> list[str] | None:
    """The fewest, then most even, lines of at most ``max_chars`` cut at ``cuts``; None when
    none fit (or ``cuts`` are too many to compare: a pasted paragraph)."""
    if not cuts or len(cuts) > _MAX_SIGNATURE_CUTS:
        return None
    for count in range(1, len(cuts) + 1):
        best: tuple[int, tuple[int, ...]] | None = None
        for chosen in itertools.combinations(cuts, count):
            bounds = (0, *chosen, len(name))
            lengths = [b - a for a, b in itertools.pairwise(bounds)]
            if max(lengths) <= max_chars and (
                best is None or max(lengths) - min(lengths) < best[0]
            ):
                best = (max(lengths) - min(lengths), chosen)
        if best is not None:
            return [name[a:b] for a, b in itertools.pairwise((0, *best[1], len(name)))]
    return None
