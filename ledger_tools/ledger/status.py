"""整改状态: reading a status cell, suggesting a fix for an unknown one, rolling measures up to
their problem, and 办结/办结率 (README “整改状态”). Stdlib only; the values come from ``columns``."""

from __future__ import annotations

import difflib
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from ledger_tools.lazyre import lazy
from ledger_tools.ledger import columns as C

_SPACES = re.compile(r"\s+")
# Emoji presentation selectors ("✔️" is ✔ and U+FE0F), which NFKC keeps.
_SELECTORS = re.compile("[\ufe0e\ufe0f]")
_TRAILING = re.compile(r"[。.，,；;：:!！?？、…~\-—]+$")
# A bracketed remark after the status ("已完成（见附件3）") is not part of it.
_REMARK = re.compile(r"\([^()]*\)$|\[[^\[\]]*\]$|【[^【】]*】$")
# Least to most advanced, for the roll-up.
_RANK = {s: i for i, s in enumerate(C.STATUSES)}
_KEYS = tuple(C.STATUS_INDEX)
_YES = frozenset(("是", "√", "✓", "✔", "y", "yes", "ok"))
_NO = frozenset(("否", "×", "✗", "☐", "□", "○", "x", "n", "no"))


# A status word saying the work is behind its schedule (进度滞后, 滞后序时进度, 慢于序时进度,
# 未达到序时进度, 推进缓慢): read as the status it names (正在推进), and ``check`` says the
# ledger marks it as lagging (rule marked-lagging). A regex without look-behind: the rule runs it
# in polars (无滞后 / 未滞后 / 不滞后 say the opposite).
LAGGING = r"(?:^|[^未无不没])滞后|慢于序时|未达到?序时|落后于?序时|(?:进度|推进|进展)缓慢"
_LAGGING = re.compile(LAGGING)


def marks_lagging(text: object) -> bool:
    """Whether a status cell says the work is behind schedule (``LAGGING``)."""
    return isinstance(text, str) and bool(_LAGGING.search(text))


def _clean(text: str) -> str:
    s = _SPACES.sub("", _SELECTORS.sub("", unicodedata.normalize("NFKC", text)))
    prev = None
    while prev != s:
        prev = s
        s = _TRAILING.sub("", _REMARK.sub("", s))
    return s


def normalise_status(text: object, user: dict[str, str] | None = None) -> str | None:
    """The canonical status (one of ``columns.STATUSES``) of a cell, after NFKC, removing all
    spaces, trailing punctuation and a trailing bracketed remark; the words of
    ``columns.STATUS_SYNONYMS`` (and ``user``'s own, cleaned the same way) are mapped, and so
    are their everyday variants (已经完成 → 已完成, 目前正在推进 → 正在推进). None when the cell
    is empty or the word is not known."""
    if text is None:
        return None
    if not isinstance(text, str):
        text = str(text)
    if user:
        hit = user.get(text) or user.get(_clean(text))
        if hit is not None:
            return hit
    hit = C.STATUS_INDEX.get(text)  # the common case: picked from the drop-down
    if hit is not None:
        return hit
    return _normalise_slow(text)


def yes_no_of(value: bool) -> str:
    """The answer a check box's linked cell holds (TRUE / FALSE), as a 是否完成 cell writes it."""
    return "是" if value else "否"


# Words around a status that do not change it: "目前已完成", "均已整改到位", "已经办结".
_FILLER_HEAD = re.compile(
    r"^(?:目前|现已|现在|当前|截至目前|现|均|都|全部均|已经|立行立改|即知即改|[√✓✔☑])"
)
# A day said with the status ("已于4月20日完成", "2024年4月已完成"): the status is the rest.
_DATE_SAID = re.compile(
    r"(?:于|在)?(?:\d{4}[年.\-/])?\d{1,2}(?:月|[.\-/])(?:\d{1,2}[日号]?)?(?:底|中旬|上旬|下旬)?(?:前)?"
)
_ALREADY = re.compile(r"^已经")


# A cell from a Word form that prints every status with a box and ticks one ("☑已完成 □推进中
# □未启动", "已完成■ 正在推进□"): Word's ☒ and a filled ■ / ● are ticks beside □ / ○.
_TICKED_BOX = "☑☒✓√✔■●◉▣✅"
_EMPTY_BOX = "□☐○◯"
_BOX = f"[{_TICKED_BOX}{_EMPTY_BOX}]"
_BOX_BEFORE = re.compile(rf"({_BOX})\s*([^\s{_TICKED_BOX}{_EMPTY_BOX}/、，,；;]+)")
_BOX_AFTER = re.compile(rf"([^\s{_TICKED_BOX}{_EMPTY_BOX}/、，,；;]+?)\s*({_BOX})")
_BOX_GAP = re.compile(r"[\s/、，,；;]*")


def box_options(text: str) -> list[tuple[bool, str]] | None:
    """The options of a cell printing every status with a box (``_BOX_BEFORE`` /
    ``_BOX_AFTER``), each as (ticked, word); None when the cell is not such a list (fewer than
    two boxes, or words outside them)."""
    s = _SELECTORS.sub("", text).strip()
    for pattern, box_first in ((_BOX_BEFORE, True), (_BOX_AFTER, False)):
        found: list[tuple[bool, str]] = []
        end = 0
        for m in pattern.finditer(s):
            if not _BOX_GAP.fullmatch(s[end : m.start()]):
                break
            box, word = (m.group(1), m.group(2)) if box_first else (m.group(2), m.group(1))
            found.append((box in _TICKED_BOX, word))
            end = m.end()
        else:
            if len(found) >= 2 and _BOX_GAP.fullmatch(s[end:]):
                return found
    return None


def _ticked_option(options: list[tuple[bool, str]]) -> str | None:
    """The status of the one option ticked; None when none or several are ticked (the clerk
    has not chosen: asked, never guessed)."""
    ticked = [word for on, word in options if on]
    return _lookup(_clean(ticked[0])) if len(ticked) == 1 else None


@lru_cache(maxsize=4096)
def _normalise_slow(text: str) -> str | None:
    if (options := box_options(text)) is not None:
        return _ticked_option(options)
    s = _clean(text)
    if not s:
        return None
    hit = _lookup(s)
    if hit is None and (percent := _PERCENT.match(s)):
        return _percent_of(percent)
    if hit is None or (
        hit == C.STATUS_DONE and _BRACKETED.search(unicodedata.normalize("NFKC", text))
    ):
        # 已完成（长期坚持）: a bracket may hold the rest of the status, not a remark
        hit = _compound(text) or hit
    return hit


def _lookup(s: str) -> str | None:
    """A cleaned word, or its everyday variant (已经完成, 目前正在推进, 推进中 → 正在推进)."""
    hit = C.STATUS_INDEX.get(s)
    if hit is None:
        variant = _ALREADY.sub("已", s)
        hit = C.STATUS_INDEX.get(variant)
        if hit is None and (stripped := _FILLER_HEAD.sub("", variant)) != variant:
            hit = C.STATUS_INDEX.get(stripped) or C.STATUS_INDEX.get("已" + stripped)
        if hit is None and s.endswith("中") and C.STATUS_INDEX.get(s[:-1]) == C.STATUS_IN_PROGRESS:
            hit = C.STATUS_IN_PROGRESS  # 持续推进中, 正在进行中
        if hit is None and (undated := _DATE_SAID.sub("", s)) != s and undated:
            hit = _lookup(undated)
        if hit is None and len(s) > 1 and s[-1] in _TICKS:
            hit = _lookup(s[:-1])  # 已完成✓: the tick after the word says it again
        if hit is None and "整治" in s:
            hit = _lookup(s.replace("整治", "整改"))  # 已整治, 整治中: 环保, 城管 say 整治
        if hit is None and "改进" in s and (improved := _IMPROVE.sub("整改", s)) != s:
            # 持续改进, 改进中: 医院 PDCA says 改进 (持续改进 is under way, as 持续整改 is;
            # beside 已整改 it is 长期坚持: _KEPT_PART)
            hit = _lookup(improved)
    return hit


_TICKS = frozenset("√✓✔☑")
_IMPROVE = re.compile("(?<!整)改进")  # (not the 改进 of 整改进展)


# The opening clause of a progress paragraph: "已完成。4月20日召开党员大会……" → 已完成.
_LEAD = lazy(r"^\s*([^。，,；;：:\n]{1,16})[。，,；;：:\n]")


def leading_words(text: object) -> str | None:
    """The words before the first 。，；： of a paragraph (the whole text when it has none and is
    short); None when there are none."""
    if not isinstance(text, str):
        return None
    m = _LEAD.match(text)
    if m:
        return m.group(1).strip()
    s = text.strip()
    return s if s and len(s) <= 16 else None


def after_leading_status(text: object, user: dict[str, str] | None = None) -> object:
    """A progress paragraph without the status it opens with ("已完成。4月20日……" →
    "4月20日……"; "未启动。" → None); any other value as it is."""
    if not isinstance(text, str) or leading_status(text, user) is None:
        return text
    m = _LEAD.match(text)
    return (text[m.end() :].strip() or None) if m else None


def leading_status(text: object, user: dict[str, str] | None = None) -> str | None:
    """The status a progress paragraph opens with ("已完成。……", "正在推进，……"), or None."""
    words = leading_words(text)
    return normalise_status(words, user) if words else None


# A progress percentage in a status column (整改进度 "100%", "60%"; 完成80%, 已完成进度60%,
# 完成率100%).
_PERCENT = re.compile(
    r"^(?:已?完成|整改|办理|工作)?(?:进度|率|比例)?[:：]?(?:为|约|达到?)?(\d{1,3}(?:\.\d+)?)%(以上|多|左右)?$"
)
# A status written in parts: "已完成，长期坚持", "已完成（长期坚持）", "部分完成，持续推进".
_PART_SEP = re.compile(r"[，,；;、。/]|并且|同时")
_BRACKETED = re.compile(r"[(\[【]([^()\[\]【】]*)[)\]】]")
_KEPT_PART = re.compile(
    r"^(?:并|需|需要|仍需|还需|将|继续|后续|今后|下步)*(?:长期|持续|常态化?|长效)"
    r"(?:坚持|推进|巩固|整改|改进|落实|深化|开展|长效|抓好)?(?:整改)?$"
)

_REFERENCE = re.compile(r"^(?:详|具体|佐证材料|材料)?见")  # 已完成，见附件3
# A colour written as the status (绿灯, 红色, 黄牌): its meaning only a legend on the sheet says;
# beside a status in brackets ("绿色（已完成）") the bracket says it.
COLOUR_WORD = lazy(r"^亮?[红橙黄绿蓝紫灰]色?(?:灯|牌|标)?(?:预警)?$")
# A part saying when (正在整改，预计6月底完成; 已完成，2024年5月20日): the status is the rest.
_WHEN_PART = re.compile(
    r"^(?:预计|计划|拟|争取|力争|剩余(?:部分|工作|任务)?|其余(?:部分|工作|任务)?)(?:于|在|将|将于)?"
    r".{0,16}(?:完成|办结|到位|销号)$"
)
_KEPT_TAIL = re.compile(
    r"^(.+?)(?:并|需|需要|且)?(?:长期坚持|持续推进|持续巩固|持续改进|长期推进|长效坚持)$"
)
# A part saying only that the sign-off is still to come (已完成（未销号）, 已整改，未验收): the
# work is done and its 销号/验收 is not — 基本完成, as 已完成待销号 is; alone, 未销号 is under way.
_SIGN_OFF_PENDING = re.compile(
    r"^(?:尚|暂|还)?(?:未|没有|待)(?:销号|验收|审核|审批销号|复查|复核)$"
)
_LINE_BREAK = re.compile(r"[\r\n]+")


def _compound(text: str) -> str | None:
    """A cell of several status parts: the least advanced of them (a status never claims more
    than the cell says), 已完成 with a "keep it up" part (长期坚持, 持续推进) being 长期坚持. A
    part that is no status makes the whole unknown (已完成，但尚有2家未整改 is not 已完成),
    except inside brackets, which hold remarks (已完成（见附件3）)."""
    # (a line break parts the status too: "正在推进\n预计9月完成")
    s = _SPACES.sub("", _LINE_BREAK.sub("，", unicodedata.normalize("NFKC", text)))
    remarks = [m.group(1) for m in _BRACKETED.finditer(s)]
    main = _BRACKETED.sub("，", s)
    parts = [p for p in _PART_SEP.split(main) if p]
    kept = planned = False
    found: list[str] = []
    for part, remark in [(p, False) for p in parts] + [(r, True) for r in remarks]:
        part = _TRAILING.sub("", part)
        if not part:
            continue
        if _KEPT_PART.match(part):
            kept = True
        elif _SIGN_OFF_PENDING.match(part):
            found.append(C.STATUS_MOSTLY_DONE)
        elif (percent := _PERCENT.match(part)) and (status := _percent_of(percent)):
            found.append(status)  # 整改中，已完成60%
        elif part in _HOW_WORDS:
            continue  # 立行立改，已完成: how it was done, not how far
        elif not remark and remarks and COLOUR_WORD.match(part):
            continue  # 绿色（已完成）: the light, and the status in its bracket
        elif (status := _lookup(part)) is not None:
            found.append(status)
        elif (tail := _KEPT_TAIL.match(part)) and (status := _lookup(tail.group(1))):
            found.append(status)  # 已整改完成并长期坚持, 已完成长期坚持
            kept = True
        elif _WHEN_PART.match(part):
            planned = True  # (still to be done: said with 已完成, the cell contradicts itself)
        elif _DATE_SAID.fullmatch(part) and any(c.isdigit() for c in part):
            continue
        elif not remark and not _REFERENCE.match(part):
            return None
    if not found:
        return None
    base = min(found, key=_RANK.__getitem__)
    if planned and base in C.FINISHED_STATUSES:
        return None
    if kept and base in C.FINISHED_STATUSES:
        return C.STATUS_ONGOING
    return base


# A 整改时限 word said with the status ("立行立改，已完成"): how the item was to be done, not
# how far it has got.
_HOW_WORDS = frozenset(
    (*C.DEADLINE_SYNONYMS[C.DEADLINE_IMMEDIATE], *C.DEADLINE_PHRASES[C.DEADLINE_IMMEDIATE])
)


def _percent_of(match: re.Match[str]) -> str | None:
    """The status of a percentage matched by ``_PERCENT``: "80%以上" is at least 80% (under
    way), "100%左右" about all of it (not said to be done: None)."""
    value = float(match.group(1))
    if value >= 100 and match.group(2) in ("多", "左右"):
        return None
    return _percent_status(value)


def _percent_status(value: float) -> str | None:
    """100% is 已完成, 0% 未启动, anything between 正在推进 (not 基本完成: 80% may or may not
    be "basically done", and a status must not claim more than the cell says)."""
    if value >= 100:
        return C.STATUS_DONE if value == 100 else None
    return C.STATUS_NOT_STARTED if value == 0 else C.STATUS_IN_PROGRESS


def read_status_map(pairs: dict[str, str]) -> dict[str, str]:
    """A user's own words (原状态 → 标准状态) as ``normalise_status`` reads them: the word both as
    written and cleaned; the target must be a canonical status or one of its known words
    (``ValueError`` naming the pair otherwise)."""
    out: dict[str, str] = {}
    for word, target in pairs.items():
        canonical = normalise_status(target)
        if canonical is None:
            raise ValueError(f"{word}={target}")
        out[str(word).strip()] = canonical
        out[_clean(str(word))] = canonical
    return out


# What a word can mean at most (least advanced first): the suggestion for an unknown word is
# never more advanced than this. A negation or a pending word (未, 没, 待 …) cannot mean done.
_PENDING = lazy(r"未|没|尚|不|无|暂|待|延期|逾期|超期|缓|计划|预计|拟|将于|争取|力争")
_STARTED = lazy(r"中$|推进|进行|正在|开展|启动了|已启动|已开始|实施|落实中|办理中")
_IN_MOTION = lazy(r"中$|推进|进行|正在")
_MOSTLY = lazy(r"基本|阶段|差不多|大部分|初步|接近")
_DONE = lazy(r"完成|到位|办结|销号|完毕|结束|解决|完结|验收")
_KEPT = lazy(r"长期|持续|常态|坚持|巩固")


# Words that say only when it is due, not how far the work has got (未到期, 未到整改时限):
# no status to suggest.
_NOT_YET_DUE = lazy(r"^(?:尚|还|暂)?未(?:到|至)(?:期|时限|整改时限|整改期限|完成时限|期限)$")


# A share of the work short of all of it ("已完成80%"): not done, whatever word is beside it.
_PART_PERCENT = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d+)?)%")


def status_ceiling(s: str) -> str | None:
    """The most advanced status a word can mean, or None when it says nothing recognisable."""
    if _NOT_YET_DUE.match(s):
        return None
    if _PART_PERCENT.search(s) and _DONE.search(s):
        return C.STATUS_IN_PROGRESS  # 已完成80%，剩余……: under way at most
    s = s.replace("差不多", "基本")
    if _PENDING.search(s):
        # 未完成 / 延期中 can mean under way; 未整改 / 待办理 / 待开展 / 未启动 cannot.
        moving = _IN_MOTION.search(s) or _DONE.search(s) or "延期" in s
        return C.STATUS_IN_PROGRESS if moving else C.STATUS_NOT_STARTED
    if _MOSTLY.search(s):
        return C.STATUS_MOSTLY_DONE
    if _DONE.search(s):
        return C.STATUS_ONGOING if _KEPT.search(s) else C.STATUS_DONE
    if _STARTED.search(s) or _KEPT.search(s):
        return C.STATUS_IN_PROGRESS
    return None


def suggest_status(text: object) -> str | None:
    """The allowed status to suggest for an unknown word ("是否应为“已完成”？"), or None when
    no suggestion is safe.

    difflib over the accepted spellings, mapped to their canonical status, then capped at what
    the word can mean (``status_ceiling``): a negation or a pending word (未, 没, 待, 延期 …)
    never leads to a finished status ("待整改" → 未启动, "申请延期" → 正在推进), and a word
    with nothing recognisable gets no suggestion at all: better none than a wrong one."""
    s = _clean(str(text)) if text is not None else ""
    if not s:
        return None
    known = normalise_status(s)
    if known is not None:
        return known
    if box_options(str(text)) is not None:
        return None  # every status printed, none or several ticked: nothing to suggest
    if s.lower() in _YES:  # a 是否完成 column answered 是/否
        return C.STATUS_DONE
    if s.lower() in _NO:
        return C.STATUS_IN_PROGRESS
    return _suggest_cached(s)


@lru_cache(maxsize=1024)
def _suggest_cached(s: str) -> str | None:
    ceiling = status_ceiling(s)
    if ceiling is None:
        return None
    best, best_score = "", 0.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(s)
    for key in _KEYS:
        matcher.set_seq1(key)
        score = matcher.ratio()
        # Ties go to the longer (more specific) spelling: "已经完成" → 已完成 rather than 完成.
        if score > best_score or (score == best_score and score and len(key) > len(best)):
            best, best_score = key, score
    status = C.STATUS_INDEX[best] if best and best_score >= 0.5 else ceiling
    if _RANK[status] > _RANK[ceiling]:
        return ceiling
    return status


def roll_up(statuses: list[str | None]) -> str | None:
    """A problem's status from its measures' (README “整改状态”).

    All 已完成 → 已完成; all 已完成/长期坚持 with at least one 长期坚持 → 长期坚持; all 未启动 →
    未启动; otherwise the least advanced of 正在推进/基本完成 (未启动 beside anything started
    counts as 正在推进). None for no measures or when any status is missing/unknown."""
    if not statuses:
        return None
    ranks = set()
    for s in statuses:
        canonical = normalise_status(s)
        if canonical is None:
            return None
        ranks.add(_RANK[canonical])
    done, ongoing = _RANK[C.STATUS_DONE], _RANK[C.STATUS_ONGOING]
    if ranks <= {done, ongoing}:
        return C.STATUS_ONGOING if ongoing in ranks else C.STATUS_DONE
    if ranks == {_RANK[C.STATUS_NOT_STARTED]}:
        return C.STATUS_NOT_STARTED
    if _RANK[C.STATUS_NOT_STARTED] in ranks or _RANK[C.STATUS_IN_PROGRESS] in ranks:
        return C.STATUS_IN_PROGRESS
    return C.STATUS_MOSTLY_DONE


def closed_statuses(ongoing_counts_as_closed: bool = True) -> tuple[str, ...]:
    """The statuses that count as 办结: 已完成, and 长期坚持 when 长期坚持计入办结 is 是."""
    if ongoing_counts_as_closed:
        return (C.STATUS_DONE, C.STATUS_ONGOING)
    return (C.STATUS_DONE,)


def is_closed(status: str | None, ongoing_counts_as_closed: bool = True) -> bool:
    """办结: 已完成, and 长期坚持 when 长期坚持计入办结 is 是 (the default)."""
    return normalise_status(status) in closed_statuses(ongoing_counts_as_closed)


def closure_rate_text(closed: int, total: int) -> str:
    """办结率 as printed: "100%", "87.5%", "33.3%", "0%" (at most one decimal, half up).

    Rounding never claims more or less than is true: 2499 of 2500 prints 99.9%, not 100%;
    1 of 3000 prints 0.1%, not 0%. ``total`` 0 → "0%"."""
    if total <= 0 or closed <= 0:
        return "0%"
    if closed >= total:
        return "100%"
    return percent_text(Decimal(closed) / Decimal(total))


def percent_text(ratio: Decimal | float) -> str:
    """A ratio as a percentage with at most one decimal, half up; a ratio strictly between 0
    and 1 is never shown as 100% or 0% (0.9996 → "99.9%", 0.0003 → "0.1%")."""
    ratio = ratio if isinstance(ratio, Decimal) else Decimal(str(ratio))
    shown = (ratio * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if ratio < 1 and shown >= 100:
        shown = Decimal("99.9")
    if ratio > 0 and shown <= 0:
        shown = Decimal("0.1")
    text = f"{shown:f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"
