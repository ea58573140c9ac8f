"""What changed between two versions of a ledger (``ledger-tools diff 上期.xlsx 本期.xlsx``).

Both versions are read by ``normalise.load_ledger`` and counted by ``stats.compute_stats`` (the
one computation of every figure). Problems and measures are matched across the versions by
text similarity (difflib, stdlib: no import cost), helped by the 序号 and by the measures two
problems share, so the match survives reordered rows, inserted rows, renumbering and
rewording; a measure split into two (or two merged into one) is recognised by containment.
Every match has a confidence in [0, 1].

The result is data: a list of ``Change`` (kind, problem, measure, field, the cell in each
version, old and new value, confidence) plus the two statistics side by side and a sentence
for documents ("与上期（2024年4月10日）相比，新增办结3项，2条措施延期，1条措施状态倒退，……").
``format_text`` / ``to_json`` render it; ``write_marked_copy`` writes a copy of the new ledger
with the changed cells highlighted and the old value in a comment.

Limits (said in the docs): a measure moved to another problem is reported as removed there and
added here; problems split or merged are reported as removed and added.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import click

from ledger_tools import clickzh
from ledger_tools.cli import status_map_option
from ledger_tools.clickzh import friendly

if TYPE_CHECKING:  # the CLI imports this module for --help: the library loads on first use
    from ledger_tools.ledger.model import Ledger, Measure, Problem

JSON_SCHEMA_VERSION = 1

# Change kinds, in the order the text output lists them, with their Chinese labels.
KINDS: dict[str, str] = {
    "unit-added": "新报送的单位",
    "unit-removed": "本期未报送的单位",
    "unit-renamed": "单位名称变化",
    "problem-added": "新增问题",
    "problem-removed": "删除问题",
    "measure-added": "新增措施",
    "measure-removed": "删除措施",
    "measure-split": "措施拆分",
    "measure-merged": "措施合并",
    "problem-closed": "新办结问题",
    "problem-reopened": "由办结退回未办结的问题",
    "status-regressed": "状态倒退",
    "status-advanced": "状态推进",
    "status-changed": "状态变更",
    "deadline-extended": "延期",
    "deadline-advanced": "时限提前",
    "deadline-changed": "时限变更",
    "owner-changed": "责任变更",
    "progress-changed": "进展更新",
    "finish-changed": "完成时间变更",
    "problem-reworded": "问题表述修改",
    "problem-field-changed": "问题内容修改",
    "measure-reworded": "措施表述修改",
    "field-changed": "其他内容修改",
}
# Kinds that mean something went backwards: flagged in the text and marked red.
BACKWARD = frozenset({"status-regressed", "problem-reopened"})

OWNER_COLUMNS = ("责任领导", "牵头部门", "责任部门", "责任人")
PROBLEM_COLUMNS = ("方面", "问题表现", "整改目标")
COLOURS = ("红色", "黄色", "绿色")  # (stats.COLOURS: stats is imported where it is used)
OTHER_COLUMNS = ("佐证材料", "清退资金", "问责人次", "建立制度", "备注")
# 已完成 and 长期坚持 are both finished: a change between them is neither advance nor regress.
_RANK = {"未启动": 0, "正在推进": 1, "基本完成": 2, "已完成": 3, "长期坚持": 3}

PROBLEM_THRESHOLD = 0.45  # below: not the same problem
MEASURE_THRESHOLD = 0.5  # below: not the same measure
MAX_FUZZY_MEASURES = 500  # unmatched measures of one problem compared pair by pair, at most
PART_THRESHOLD = 0.75  # share of a measure's text found in another: a split or merged part
FULL_PAIRING_LIMIT = 250_000  # problem pairs compared exhaustively; above, only likely pairs
UNLIKE_WINDOW = 400  # problems looked at for the confidence of an added or removed one


# ---------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Change:
    """One difference between the versions. ``old_cell``/``new_cell`` are ``整改台账!L12`` in
    each version ("" where the thing does not exist); ``confidence`` is that of the match the
    change rests on (for an added or removed item: how unlike anything on the other side)."""

    kind: str
    problem: str
    measure: str = ""
    field: str = ""
    old_cell: str = ""
    new_cell: str = ""
    old: str = ""
    new: str = ""
    confidence: float = 1.0
    unit: str = ""  # a 汇总台账's 单位 (本期 name) the change belongs to; "" in a unit's ledger

    @property
    def label(self) -> str:
        return KINDS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "label": self.label}


@dataclass
class Comparison:
    """The comparison of ``old`` (上期) with ``new`` (本期)."""

    old_path: str
    new_path: str
    old_date: dt.date | None  # 上期 as-of date, when known
    new_date: dt.date
    old_stats: dict[str, Any]
    new_stats: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    problem_matches: int = 0
    measure_matches: int = 0
    # Problems added while already 办结 / removed while 办结, and the measures of problems
    # added or removed (those measures are not listed one by one).
    added_closed: int = 0
    removed_closed: int = 0
    measures_in_added: int = 0
    measures_in_removed: int = 0
    # Two 汇总台账 (merge's 全部措施): the units only in one of them, each {单位, 问题数, 措施数,
    # 办结数}, and the units whose name changed ((上期, 本期)). Their problems are not among
    # the added and removed ones above.
    units_added: list[dict[str, Any]] = field(default_factory=list)
    units_removed: list[dict[str, Any]] = field(default_factory=list)
    units_renamed: list[tuple[str, str]] = field(default_factory=list)
    units_old: int = 0  # units in each 汇总台账's 全部措施 (0: not 汇总台账)
    units_new: int = 0
    exact_cut: int = 0  # text comparisons not made: ``EXACT_BUDGET`` spent

    def count(self, *kinds: str) -> int:
        return sum(1 for c in self.changes if c.kind in kinds)

    @property
    def summary(self) -> dict[str, Any]:
        return summary(self)

    @property
    def sentence(self) -> str:
        return sentence(self)


# ---------------------------------------------------------------------------------------------
# Text similarity


_NOT_WORD = re.compile(r"[\W_]+")


def text_key(value: Any) -> str:
    """Text as compared: NFKC, without spaces and punctuation, lower case."""
    if value is None:
        return ""
    return _text_key(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=65536)
def _text_key(text: str) -> str:
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text)).lower()


# Character pairs (len(a) × len(b)) the exact comparisons of one ``compare`` may cost in all.
# difflib's ratio is quadratic: two ledgers of 1,500 problems in which every text differs
# (the wrong 上期, a column read as another; 300 KB of files) compared 1.2 million pairs of
# titles exactly: 178 s (20 million pairs cost about 3 s). An ordinary diff of two periods costs a few million at most (equal
# texts cost nothing, and most unlike pairs are told apart by the cheap bounds). Past it, texts
# that differ count as unlike, and the comparison says it was cut short (``exact_cut``).
EXACT_BUDGET = 20_000_000


class _Exact:
    left = EXACT_BUDGET
    cut = 0  # comparisons not made for want of budget

    @classmethod
    def take(cls, a: str, b: str) -> bool:
        cost = len(a) * len(b)
        if cost > cls.left:
            cls.cut += 1
            return False
        cls.left -= cost
        return True

    @classmethod
    def reset(cls) -> None:
        cls.left, cls.cut = EXACT_BUDGET, 0


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """difflib's ratio of two keys (1.0 for equal, 0.0 when one is empty). Below ``floor``
    the cheap upper bound (``quick_ratio``) is returned instead of the exact ratio; 0.0 when
    the comparison's ``EXACT_BUDGET`` is spent."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if len(a) * len(b) > _Exact.left:  # (before the matcher is built: that too costs)
        _Exact.cut += 1
        return 0.0
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if floor and matcher.real_quick_ratio() < floor:
        return matcher.real_quick_ratio()
    if floor and (bound := matcher.quick_ratio()) < floor:
        return bound
    _Exact.take(a, b)
    return matcher.ratio()


def containment(part: str, whole: str) -> float:
    """The share of ``part``'s characters found, in order, in ``whole`` (0.0 when the
    comparison's ``EXACT_BUDGET`` is spent)."""
    if not part or not whole or not _Exact.take(part, whole):
        return 0.0
    from difflib import SequenceMatcher

    blocks = SequenceMatcher(None, part, whole, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(part)


def _measure_key(m: Measure) -> str:
    return text_key(m.values.get("整改措施"))


# ---------------------------------------------------------------------------------------------
# Matching problems


def _problem_score(p: Problem, q: Problem, pk: set[str], qk: set[str]) -> float:
    """Title similarity (weight 0.65) and the share of measures with the same text (0.35),
    plus 0.15 when the 序号 is the same; capped at 1."""
    shared = len(pk & qk) / max(len(pk), len(qk), 1)
    bonus = 0.15 if str(p.number).strip() == str(q.number).strip() else 0.0
    # Titles too unlike to reach the threshold are not compared exactly (a cheap bound).
    floor = (PROBLEM_THRESHOLD - 0.35 * shared - bonus) / 0.65
    title = similarity(text_key(p.title), text_key(q.title), max(floor, 0.0))
    return min(0.65 * title + 0.35 * shared + bonus, 1.0)


def _candidate_pairs(
    old: list[Problem], new: list[Problem], keys_old: list[set[str]], keys_new: list[set[str]]
) -> list[tuple[int, int]]:
    if len(old) * len(new) <= FULL_PAIRING_LIMIT:
        return [(i, j) for i in range(len(old)) for j in range(len(new))]
    # A large ledger: only pairs with the same title, 序号 or a shared measure text.
    index: dict[str, set[int]] = {}
    for j, q in enumerate(new):
        for key in (f"t:{text_key(q.title)}", f"n:{q.number}", *(f"m:{k}" for k in keys_new[j])):
            index.setdefault(key, set()).add(j)
    pairs: set[tuple[int, int]] = set()
    for i, p in enumerate(old):
        for key in (f"t:{text_key(p.title)}", f"n:{p.number}", *(f"m:{k}" for k in keys_old[i])):
            pairs.update((i, j) for j in index.get(key, ()))
    return sorted(pairs)


def _greedy(scored: list[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    """Best pairs first; each side used once. Ties go to the pair closest in position."""
    scored.sort(key=lambda s: (-s[0], abs(s[1] - s[2]), s[1]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, a, b in scored:
        if a in used_a or b in used_b:
            continue
        used_a.add(a)
        used_b.add(b)
        pairs.append((a, b, score))
    return pairs


def match_problems(old: list[Problem], new: list[Problem]) -> list[tuple[int, int, float]]:
    """(index in old, index in new, confidence) of the problems that are the same."""
    keys_old = [{_measure_key(m) for m in p.measures} - {""} for p in old]
    keys_new = [{_measure_key(m) for m in q.measures} - {""} for q in new]
    scored = []
    for i, j in _candidate_pairs(old, new, keys_old, keys_new):
        score = _problem_score(old[i], new[j], keys_old[i], keys_new[j])
        if score >= PROBLEM_THRESHOLD:
            scored.append((score, i, j))
    return _greedy(scored)


# ---------------------------------------------------------------------------------------------
# Matching measures within a matched problem


@dataclass
class MeasureMatch:
    """How the measures of two matched problems correspond."""

    pairs: list[tuple[int, int, float]] = field(default_factory=list)  # one to one
    splits: dict[int, list[tuple[int, float]]] = field(default_factory=dict)  # old → new parts
    merges: dict[int, list[tuple[int, float]]] = field(default_factory=dict)  # new → old parts
    added: list[tuple[int, float]] = field(default_factory=list)
    removed: list[tuple[int, float]] = field(default_factory=list)


def match_measures(old: list[Measure], new: list[Measure]) -> MeasureMatch:
    """Same text first (in order), then the most similar of the rest, then split and merged
    parts; what is left is added or removed."""
    ko = [_measure_key(m) for m in old]
    kn = [_measure_key(m) for m in new]
    free: dict[str, list[int]] = {}
    for j, key in enumerate(kn):
        free.setdefault(key, []).append(j)
    exact = [(i, free[key].pop(0), 1.0) for i, key in enumerate(ko) if key and free.get(key)]
    exact_old, exact_new = {e[0] for e in exact}, {e[1] for e in exact}
    rest_old = [i for i in range(len(ko)) if i not in exact_old]
    rest_new = [j for j in range(len(kn)) if j not in exact_new]
    if max(len(rest_old), len(rest_new)) > MAX_FUZZY_MEASURES:
        # One "problem" of thousands of changed measures (a merged 问题 cell spanning the
        # sheet of a crafted or broken ledger): comparing every pair would take hours, so
        # only the same texts are matched and the rest are added or removed.
        rest_old, rest_new = [], []
    sims = {(i, j): similarity(ko[i], kn[j], MEASURE_THRESHOLD) for i in rest_old for j in rest_new}
    scored = [(s, i, j) for (i, j), s in sims.items() if s >= MEASURE_THRESHOLD]
    result = MeasureMatch(pairs=exact + _greedy(scored))
    if rest_old or rest_new:
        _find_parts(result, ko, kn)
    matched_old = {i for i, _, _ in result.pairs} | set(result.splits)
    matched_old |= {i for parts in result.merges.values() for i, _ in parts}
    matched_new = {j for _, j, _ in result.pairs} | set(result.merges)
    matched_new |= {j for parts in result.splits.values() for j, _ in parts}
    result.added = [
        (j, 1 - max((sims.get((i, j), 0.0) for i in rest_old), default=0.0))
        for j in range(len(kn))
        if j not in matched_new
    ]
    result.removed = [
        (i, 1 - max((sims.get((i, j), 0.0) for j in rest_new), default=0.0))
        for i in range(len(ko))
        if i not in matched_old
    ]
    return result


def _find_parts(result: MeasureMatch, ko: list[str], kn: list[str]) -> None:
    """Split: a new measure left over whose text lies inside an old one → a part of it (with
    the old measure's one-to-one partner, if that is inside it too). Merge: the same the other
    way round. Pairs that became parts are taken out of ``result.pairs``."""
    partner_of_old = {i: (j, s) for i, j, s in result.pairs}
    partner_of_new = {j: (i, s) for i, j, s in result.pairs}
    for j in (j for j in range(len(kn)) if j not in partner_of_new):
        best = max(range(len(ko)), key=lambda i: containment(kn[j], ko[i]), default=None)
        if best is None or len(kn[j]) < 4:
            continue
        share = containment(kn[j], ko[best])
        if share < PART_THRESHOLD:
            continue
        parts = result.splits.setdefault(best, [])
        if not parts and best in partner_of_old:
            pj, ps = partner_of_old[best]
            if containment(kn[pj], ko[best]) >= PART_THRESHOLD:
                parts.append((pj, ps))
        parts.append((j, share))
    for i in (i for i in range(len(ko)) if i not in partner_of_old and i not in result.splits):
        best = max(range(len(kn)), key=lambda j: containment(ko[i], kn[j]), default=None)
        if best is None or len(ko[i]) < 4:
            continue
        share = containment(ko[i], kn[best])
        if share < PART_THRESHOLD or best in {j for p in result.splits.values() for j, _ in p}:
            continue
        parts = result.merges.setdefault(best, [])
        if not parts and best in partner_of_new:
            pi, ps = partner_of_new[best]
            if containment(ko[pi], kn[best]) >= PART_THRESHOLD:
                parts.append((pi, ps))
        parts.append((i, share))
    # A "split" into one part is just a reworded measure: keep it as a pair.
    for store, flip in ((result.splits, False), (result.merges, True)):
        for key in [k for k, parts in store.items() if len(parts) < 2]:
            (other, score) = store.pop(key)[0]
            pair = (other, key, score) if flip else (key, other, score)
            if pair[:2] not in {(a, b) for a, b, _ in result.pairs}:
                result.pairs.append(pair)
    in_parts_old = set(result.splits) | {i for p in result.merges.values() for i, _ in p}
    in_parts_new = set(result.merges) | {j for p in result.splits.values() for j, _ in p}
    result.pairs = [
        (i, j, s) for i, j, s in result.pairs if i not in in_parts_old and j not in in_parts_new
    ]


# ---------------------------------------------------------------------------------------------
# Comparing matched items


def _shown(value: Any) -> str:
    """A cell value as the change lists it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _status_shown(m: Measure) -> str:
    """The canonical status, else the cell as written (not recognised), else （未填）."""
    return m.status or _shown(m.values.get("整改状态")) or "（未填）"


def _deadline_shown(m: Measure) -> str:
    return m.deadline.text if m.deadline else _shown(m.values.get("整改时限"))


UNKNOWN_UNIT = "（未填单位）"
RENAMED_SHARE = 0.8  # problems of a unit that must match another's for the two to be one unit
MAX_RENAME_PAIRS = 2_500  # (gone unit, new unit) pairs compared for a rename, at most
NAME_LIKENESS = 0.6  # names less alike are two units, however alike their problems


def has_units(ledger: Ledger) -> bool:
    """Whether ``ledger`` holds several units' measures (a merge's 全部措施: a 单位 column)."""
    return "单位" in ledger.origin.columns


def units_of(ledger: Ledger) -> dict[str, list[Problem]]:
    """The problems of each 单位, in ledger order (a problem is one unit's: ``build_tree``)."""
    units: dict[str, list[Problem]] = {}
    for p in ledger.problems:
        name = str(p.measures[0].get("单位") or "").strip() if p.measures else ""
        units.setdefault(name or UNKNOWN_UNIT, []).append(p)
    return units


def _unit_score(old: list[Problem], new: list[Problem]) -> float:
    """How surely two units' problems are one unit's: the share of problems matched (of the
    larger side) times their mean confidence."""
    matches = match_problems(old, new)
    if not matches:
        return 0.0
    share = len(matches) / max(len(old), len(new))
    return share * sum(score for _, _, score in matches) / len(matches)


def _renamed_units(
    gone: list[str],
    came: list[str],
    old_by: dict[str, list[Problem]],
    new_by: dict[str, list[Problem]],
) -> list[tuple[str, str]]:
    """(上期 name, 本期 name) of the units whose name changed: a unit gone and a unit come
    whose problems are the same (``RENAMED_SHARE``), best pairs first."""
    if not gone or not came or len(gone) * len(came) > MAX_RENAME_PAIRS:
        return []
    scored = []
    for i, a in enumerate(gone):
        for j, b in enumerate(came):
            if not _alike_names(a, b):
                continue
            score = _unit_score(old_by[a], new_by[b])
            if score >= RENAMED_SHARE:
                scored.append((score, i, j))
    return [(gone[i], came[j]) for i, j, _ in _greedy(scored)]


def _alike_names(a: str, b: str) -> bool:
    """Whether two unit names may be one unit's (城关镇 → 城关镇（8月报）, 区教育局 → 区教育体育局):
    units sent the same problem list (a 专项整治 checklist) are not taken for one another."""
    ka, kb = text_key(a), text_key(b)
    return bool(ka and kb) and (ka in kb or kb in ka or similarity(ka, kb) >= NAME_LIKENESS)


def _unit_figures(name: str, ps: list[Problem], closed: tuple[str, ...]) -> dict[str, Any]:
    return {
        "单位": name,
        "问题数": len(ps),
        "措施数": sum(len(p.measures) for p in ps),
        "办结数": sum(1 for p in ps if p.status in closed),
    }


def _unit_text(f: dict[str, Any]) -> str:
    done = f"已办结{f['办结数']}项" if f["办结数"] else "尚无办结"
    return f"问题{f['问题数']}项、措施{f['措施数']}条，{done}"


class _MeasureBase(TypedDict):
    """What every change of one measure pair says (``Change`` fields)."""

    problem: str
    measure: str
    confidence: float


class _Differ:
    """Builds the change list of one comparison (keeps both ledgers for cell addresses)."""

    def __init__(self, old: Ledger, new: Ledger) -> None:
        from ledger_tools.ledger.stats import long_term_counts
        from ledger_tools.ledger.status import closed_statuses

        self.old, self.new = old, new
        self.closed_old = closed_statuses(long_term_counts(old))
        self.closed_new = closed_statuses(long_term_counts(new))
        self.changes: list[Change] = []
        self.measure_matches = 0
        self.problem_matches = 0
        self.added_closed = self.removed_closed = 0
        self.measures_in_added = self.measures_in_removed = 0
        self.unit = ""  # the 单位 the changes being added belong to (two 汇总台账)
        self.units_added: list[dict[str, Any]] = []
        self.units_removed: list[dict[str, Any]] = []
        self.units_renamed: list[tuple[str, str]] = []

    def add(self, kind: str, **kw: Any) -> None:
        kw["confidence"] = round(float(kw.get("confidence", 1.0)), 3)
        kw.setdefault("unit", self.unit)
        self.changes.append(Change(kind, **kw))

    def cell(self, ledger: Ledger, column: str, at: Measure | Problem) -> str:
        """The cell of ``column`` on the row of measure ``at`` (a problem: its first)."""
        m = next(iter(at.measures), None) if hasattr(at, "measures") else at
        return ledger.origin.cell(column, m.row, m.sheet) if m is not None and m.row else ""

    # -- problems -------------------------------------------------------------------------

    def run(self) -> list[Change]:
        if has_units(self.old) and has_units(self.new):
            self.run_units()
        else:
            self.run_problems(self.old.problems, self.new.problems)
        order = list(KINDS)
        self.changes.sort(key=lambda c: order.index(c.kind))  # stable: ledger order within
        return self.changes

    # -- units (two 汇总台账) -----------------------------------------------------------------

    def run_units(self) -> None:
        """Two merges' 全部措施: problems are matched within each 单位 (two units' problems of
        the same text are not the same problem); a unit in one 汇总台账 only is one change, and
        a unit whose name changed (a file renamed, the name taken from it) is recognised by
        its problems."""
        old_by, new_by = units_of(self.old), units_of(self.new)
        only_old = [u for u in old_by if u not in new_by]
        only_new = [u for u in new_by if u not in old_by]
        renamed = _renamed_units(only_old, only_new, old_by, new_by)
        moved = dict(renamed)
        for name, ps in new_by.items():
            was = name if name in old_by else next((a for a, b in renamed if b == name), None)
            self.unit = name
            if was is None:
                self._unit_added(name, ps)
                continue
            if was != name:
                self.units_renamed.append((was, name))
                self.add(
                    "unit-renamed",
                    problem="",
                    field="单位",
                    old_cell=self.cell(self.old, "单位", old_by[was][0]),
                    new_cell=self.cell(self.new, "单位", ps[0]),
                    old=was,
                    new=name,
                    confidence=_unit_score(old_by[was], ps),
                )
            self.run_problems(old_by[was], ps)
        for name in only_old:
            if name not in moved:
                self.unit = name
                self._unit_removed(name, old_by[name])
        self.unit = ""

    def _unit_added(self, name: str, ps: list[Problem]) -> None:
        figures = _unit_figures(name, ps, self.closed_new)
        self.units_added.append(figures)
        self.add(
            "unit-added",
            problem="",
            field="单位",
            new_cell=self.cell(self.new, "单位", ps[0]),
            new=_unit_text(figures),
        )

    def _unit_removed(self, name: str, ps: list[Problem]) -> None:
        figures = _unit_figures(name, ps, self.closed_old)
        self.units_removed.append(figures)
        self.add(
            "unit-removed",
            problem="",
            field="单位",
            old_cell=self.cell(self.old, "单位", ps[0]),
            old=_unit_text(figures),
        )

    # -- problems -------------------------------------------------------------------------

    def run_problems(self, old_ps: list[Problem], new_ps: list[Problem]) -> None:
        matches = match_problems(old_ps, new_ps)
        self.problem_matches += len(matches)
        seen_old = {i for i, _, _ in matches}
        seen_new = {j for _, j, _ in matches}
        for j, q in enumerate(new_ps):
            if j not in seen_new:
                self.problem_added(q, old_ps)
        for i, p in enumerate(old_ps):
            if i not in seen_old:
                self.problem_removed(p, new_ps)
        for i, j, score in sorted(matches, key=lambda m: m[1]):
            self.problem_pair(old_ps[i], new_ps[j], score)

    def _unlike(self, p: Problem, others: list[Problem]) -> float:
        """1 − the best title similarity on the other side (how surely added/removed). On a
        large ledger only the ``UNLIKE_WINDOW`` problems nearest in position are looked at."""
        key = text_key(p.title)
        if len(others) > UNLIKE_WINDOW:
            at = min(int(p.number) if str(p.number).isdigit() else 0, len(others))
            start = max(0, at - UNLIKE_WINDOW // 2)
            others = others[start : start + UNLIKE_WINDOW]
        if _Exact.cut:  # (the budget is spent: only the same text is looked for)
            return 0.0 if any(key == text_key(o.title) for o in others) else 1.0
        return 1 - max((similarity(key, text_key(o.title)) for o in others), default=0.0)

    def problem_added(self, q: Problem, old_ps: list[Problem]) -> None:
        self.added_closed += q.status in self.closed_new
        self.measures_in_added += len(q.measures)
        self.add(
            "problem-added",
            problem=q.title,
            new_cell=self.cell(self.new, "问题", q),
            new=f"{q.title}（措施{len(q.measures)}条）",
            confidence=self._unlike(q, old_ps),
        )

    def problem_removed(self, p: Problem, new_ps: list[Problem]) -> None:
        self.removed_closed += p.status in self.closed_old
        self.measures_in_removed += len(p.measures)
        self.add(
            "problem-removed",
            problem=p.title,
            old_cell=self.cell(self.old, "问题", p),
            old=f"{p.title}（措施{len(p.measures)}条）",
            confidence=self._unlike(p, new_ps),
        )

    def problem_pair(self, p: Problem, q: Problem, score: float) -> None:
        base = {"problem": q.title, "confidence": score}
        if text_key(p.title) != text_key(q.title):
            self.add(
                "problem-reworded",
                field="问题",
                old_cell=self.cell(self.old, "问题", p),
                new_cell=self.cell(self.new, "问题", q),
                old=p.title,
                new=q.title,
                **base,
            )
        for column in PROBLEM_COLUMNS:
            a = p.aspect if column == "方面" else p.measures[0].values.get(column)
            b = q.aspect if column == "方面" else q.measures[0].values.get(column)
            if text_key(a) != text_key(b):
                self.add(
                    "problem-field-changed",
                    field=column,
                    old_cell=self.cell(self.old, column, p),
                    new_cell=self.cell(self.new, column, q),
                    old=_shown(a),
                    new=_shown(b),
                    **base,
                )
        was, now = p.status in self.closed_old, q.status in self.closed_new
        if was != now:
            self.add(
                "problem-closed" if now else "problem-reopened",
                field="整改状态",
                old_cell=self.cell(self.old, "问题", p),
                new_cell=self.cell(self.new, "问题", q),
                old=p.status or "",
                new=q.status or "",
                **base,
            )
        self.measures(p, q, score)

    # -- measures -------------------------------------------------------------------------

    def measures(self, p: Problem, q: Problem, problem_score: float) -> None:
        mm = match_measures(p.measures, q.measures)
        for j, conf in mm.added:
            m = q.measures[j]
            self.add(
                "measure-added",
                problem=q.title,
                measure=_shown(m.values.get("整改措施")),
                new_cell=self.cell(self.new, "整改措施", m),
                new=_shown(m.values.get("整改措施")),
                confidence=min(conf, problem_score),
            )
        for i, conf in mm.removed:
            m = p.measures[i]
            self.add(
                "measure-removed",
                problem=q.title,
                measure=_shown(m.values.get("整改措施")),
                old_cell=self.cell(self.old, "整改措施", m),
                old=_shown(m.values.get("整改措施")),
                confidence=min(conf, problem_score),
            )
        for i, parts in mm.splits.items():
            for j, share in sorted(parts):
                self.part("measure-split", q, p.measures[i], q.measures[j], share * problem_score)
        for j, parts in mm.merges.items():
            # The merged measure carries on the fields of the first of its parts; the other
            # parts' own deadlines and owners are gone with them, not changed.
            for n, (i, share) in enumerate(sorted(parts)):
                a, b = p.measures[i], q.measures[j]
                self.part("measure-merged", q, a, b, share * problem_score, fields=n == 0)
        for i, j, score in mm.pairs:
            self.measure_pair(q, p.measures[i], q.measures[j], min(score, 1.0) * problem_score)
            self.measure_matches += 1

    def part(
        self,
        kind: str,
        q: Problem,
        a: Measure,
        b: Measure,
        confidence: float,
        *,
        fields: bool = True,
    ) -> None:
        self.add(
            kind,
            problem=q.title,
            measure=_shown(b.values.get("整改措施")),
            field="整改措施",
            old_cell=self.cell(self.old, "整改措施", a),
            new_cell=self.cell(self.new, "整改措施", b),
            old=_shown(a.values.get("整改措施")),
            new=_shown(b.values.get("整改措施")),
            confidence=confidence,
        )
        self.measure_matches += 1
        if fields:
            self.measure_fields(q, a, b, confidence, text=False)

    def measure_pair(self, q: Problem, a: Measure, b: Measure, confidence: float) -> None:
        self.measure_fields(q, a, b, confidence, text=True)

    def measure_fields(
        self, q: Problem, a: Measure, b: Measure, confidence: float, *, text: bool
    ) -> None:
        base: _MeasureBase = {
            "problem": q.title,
            "measure": _shown(b.values.get("整改措施")),
            "confidence": confidence,
        }

        def emit(kind: str, column: str, old: str, new: str) -> None:
            if column in a.copies and column in b.copies:
                # an amount another measure holds (its cell split into measures, or merged
                # down): changed once, said once, as the statistics count it once (a status
                # or a text is each measure's: 措施状态 counts the measures)
                return
            self.add(
                kind,
                field=column,
                old_cell=self.cell(self.old, column, a),
                new_cell=self.cell(self.new, column, b),
                old=old,
                new=new,
                **base,
            )

        if text and _measure_key(a) != _measure_key(b):
            emit("measure-reworded", "整改措施", _shown(a.values.get("整改措施")), base["measure"])
        status_kind = _status_change(a.status, b.status)
        if status_kind:
            emit(status_kind, "整改状态", _status_shown(a), _status_shown(b))
        deadline_kind = _deadline_change(a, b)
        if deadline_kind:
            emit(deadline_kind, "整改时限", _deadline_shown(a), _deadline_shown(b))
        for column in OWNER_COLUMNS:
            self._field(emit, "owner-changed", column, a, b)
        self._field(emit, "progress-changed", "整改进展及成效", a, b)
        if not status_kind:  # a new 完成时间 goes with a new status: not a change of its own
            self._field(emit, "finish-changed", "完成时间", a, b)
        for column in OTHER_COLUMNS:
            self._field(emit, "field-changed", column, a, b)

    @staticmethod
    def _field(emit: Any, kind: str, column: str, a: Measure, b: Measure) -> None:
        if a.values.get(column) == b.values.get(column):
            return  # the common case, without formatting anything
        old, new = _shown(a.values.get(column)), _shown(b.values.get(column))
        if column == "清退资金":  # in 元 as read ("12.5万元" is 125000): as the statistics say it
            old, new = _money_shown(a.values.get(column)), _money_shown(b.values.get(column))
        if text_key(old) != text_key(new):
            emit(kind, column, old, new)


def _money_shown(value: Any) -> str:
    """An amount of 清退资金 as the statistics sentence writes it ("12.50万元"); text that is
    no amount ("约3万") as written."""
    from ledger_tools.ledger.cells import parse_number
    from ledger_tools.ledger.stats import money_text

    try:
        number = parse_number(value)
    except ValueError:
        return _shown(value)
    return "" if number is None else money_text(number)


def _status_change(old: str | None, new: str | None) -> str | None:
    if old == new:
        return None
    if old in _RANK and new in _RANK:
        if _RANK[new] > _RANK[old]:
            return "status-advanced"
        if _RANK[new] < _RANK[old]:
            return "status-regressed"
    return "status-changed"


def _deadline_change(a: Measure, b: Measure) -> str | None:
    da, db = a.deadline, b.deadline
    due_a = da.due if da else None
    due_b = db.due if db else None
    if da and db and due_a and due_b and (da.kind, db.kind) != ("long_term", "long_term"):
        if due_b > due_a:
            return "deadline-extended"
        if due_b < due_a:
            return "deadline-advanced"
        return None  # the same day written differently (2024-03-31 / 2024年3月31日)
    kind_a = da.kind if da else "empty"
    kind_b = db.kind if db else "empty"
    if kind_a != kind_b or text_key(_deadline_shown(a)) != text_key(_deadline_shown(b)):
        if kind_a == kind_b == "long_term":
            return None
        return "deadline-changed"
    return None


# ---------------------------------------------------------------------------------------------
# The comparison


def old_as_of(old: Ledger, new: Ledger) -> dt.date | None:
    """The 上期 date: the old ledger's 成文日期, unless the new one has the same (not updated)."""
    day = _as_date(old.info.get("成文日期"))
    return day if day and day != _as_date(new.info.get("成文日期")) else None


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def compare(
    old: Ledger,
    new: Ledger,
    today: dt.date | None = None,
    old_date: dt.date | None = None,
) -> Comparison:
    """Compare ``old`` (上期) with ``new`` (本期). Warnings of the new ledger are as of
    ``today`` (default: today), of the old one as of ``old_date`` (default: its 成文日期 when
    that differs from the new one's; else ``today``)."""
    from ledger_tools.ledger.stats import compute_stats

    today = today or dt.date.today()
    old_date = old_date or old_as_of(old, new)
    differ = _Differ(old, new)
    _Exact.reset()
    changes = differ.run()
    return Comparison(
        exact_cut=_Exact.cut,
        old_path=old.origin.path,
        new_path=new.origin.path,
        old_date=old_date,
        new_date=today,
        old_stats=compute_stats(old, old_date or today, groups=False),
        new_stats=compute_stats(new, today, groups=False),
        changes=changes,
        problem_matches=differ.problem_matches,
        measure_matches=differ.measure_matches,
        added_closed=differ.added_closed,
        removed_closed=differ.removed_closed,
        measures_in_added=differ.measures_in_added,
        measures_in_removed=differ.measures_in_removed,
        units_added=differ.units_added,
        units_removed=differ.units_removed,
        units_renamed=differ.units_renamed,
        units_old=len(units_of(old)) if has_units(old) and has_units(new) else 0,
        units_new=len(units_of(new)) if has_units(old) and has_units(new) else 0,
    )


def compare_files(
    old_path: str | os.PathLike[str],
    new_path: str | os.PathLike[str],
    today: dt.date | None = None,
    old_date: dt.date | None = None,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> Comparison:
    """``compare`` of two ledger files, both read with ``load_ledger``."""
    from ledger_tools.ledger.normalise import load_ledger

    # a deadline without a year takes its year from the day each version is counted at
    old = load_ledger(old_path, mapping=mapping, sheet=sheet, today=old_date or today)
    new = load_ledger(new_path, mapping=mapping, sheet=sheet, today=today)
    if has_units(old) and has_units(new):
        # two 汇总台账: each counted at the day merge counted it (基本信息 汇总统计日期)
        from ledger_tools.upward.consistency import merge_as_of

        old_date = old_date or merge_as_of(old_path)
        today = today or merge_as_of(new_path)
        cmp = compare(old, new, today=today, old_date=old_date)
        # the units that sent no measures yet stand in the 汇总 sheet only: counted too
        cmp.units_old += _empty_units(old_path, old)
        cmp.units_new += _empty_units(new_path, new)
        return cmp
    return compare(old, new, today=today, old_date=old_date)


def _empty_units(path: str | os.PathLike[str], ledger: Ledger) -> int:
    from ledger_tools.upward.consistency import empty_units, read_summary_sheet

    summary = read_summary_sheet(path)
    return len(empty_units(summary, set(units_of(ledger)))) if summary else 0


# ---------------------------------------------------------------------------------------------
# Figures and the sentence


def summary(cmp: Comparison) -> dict[str, Any]:
    """The figures of the comparison with Chinese keys (the ``与上期`` of the document context)."""
    from ledger_tools.ledger.dates import format_cn_date

    o, n = cmp.old_stats, cmp.new_stats
    splits = {c.old_cell for c in cmp.changes if c.kind == "measure-split"}
    merges = {c.new_cell for c in cmp.changes if c.kind == "measure-merged"}
    owners = {(c.problem, c.measure) for c in cmp.changes if c.kind == "owner-changed"}
    return {
        "上期日期": format_cn_date(cmp.old_date) if cmp.old_date else "",
        "本期日期": format_cn_date(cmp.new_date),
        "上期问题数": o["问题数"],
        "本期问题数": n["问题数"],
        "上期措施数": o["措施数"],
        "本期措施数": n["措施数"],
        "上期办结数": o["办结数"],
        "本期办结数": n["办结数"],
        "办结数变化": n["办结数"] - o["办结数"],
        "上期办结率": o["办结率"],
        "本期办结率": n["办结率"],
        # 新增办结 − 退回未办结 − 删除已办结 = 办结数变化 (the two stats' difference)
        "新增办结": cmp.count("problem-closed") + cmp.added_closed,
        "退回未办结": cmp.count("problem-reopened"),
        "删除已办结": cmp.removed_closed,
        "新增问题": cmp.count("problem-added"),
        "删除问题": cmp.count("problem-removed"),
        "新增措施": cmp.measures_in_added + cmp.count("measure-added"),
        "删除措施": cmp.measures_in_removed + cmp.count("measure-removed"),
        "拆分措施": len(splits),
        "合并措施": len(merges),
        "延期措施": cmp.count("deadline-extended"),
        "状态推进": cmp.count("status-advanced"),
        "状态倒退": cmp.count("status-regressed"),
        "责任变更": len(owners),
        "进展更新": cmp.count("progress-changed"),
        "上期预警": dict(o["预警"]),
        "本期预警": dict(n["预警"]),
        "变化数": len(cmp.changes),
        # two 汇总台账: 办结数变化 = 新增办结 − 退回未办结 − 删除已办结 + 新报送单位办结 − 未报送单位办结
        "上期单位数": cmp.units_old,
        "本期单位数": cmp.units_new,
        "新报送单位": [u["单位"] for u in cmp.units_added],
        "未报送单位": [u["单位"] for u in cmp.units_removed],
        "单位改名": [f"{a}→{b}" for a, b in cmp.units_renamed],
        "新报送单位办结": sum(u["办结数"] for u in cmp.units_added),
        "未报送单位办结": sum(u["办结数"] for u in cmp.units_removed),
    }


def _trend(old: Any, new: Any, unit: str) -> str:
    if old == new:
        return f"仍为{new}{unit}"
    return f"由{old}{unit}{'增至' if new > old else '减至'}{new}{unit}"


def _overdue_trend(old: int, new: int) -> str:
    """The change of the overdue count, never "由0条增至1条" or "减至0条" (a 公文 does not
    count nothing): "新出现超期未办结措施1条", "已无超期未办结措施（上期2条）"."""
    if not old:
        return f"新出现超期未办结措施{new}条"
    if not new:
        return f"已无超期未办结措施（上期{old}条）"
    return f"超期未办结措施{_trend(old, new, '条')}"


def sentence(cmp: Comparison) -> str:
    """One sentence for documents, every number from ``summary`` (the 办结 figures add up
    to the difference of the two ``stats``)."""
    s = summary(cmp)
    head = f"与上期（{s['上期日期']}）相比，" if s["上期日期"] else "与上期相比，"
    if not cmp.changes and s["上期预警"] == s["本期预警"]:
        return head + "台账没有变化。"
    parts = []
    if s["新报送单位"]:
        parts.append(f"新报送单位{len(s['新报送单位'])}个（{_names(s['新报送单位'])}）")
    if s["未报送单位"]:
        parts.append(f"本期未报送单位{len(s['未报送单位'])}个（{_names(s['未报送单位'])}）")
    parts.append(f"新增办结{s['新增办结']}项" if s["新增办结"] else "没有新增办结问题")
    # a problem whose status is now empty or cannot be read is not said to be reopened: that
    # would be a guess (its status is the clerk's to fill in)
    unread = sum(1 for c in cmp.changes if c.kind == "problem-reopened" and not c.new)
    if s["退回未办结"] - unread:
        parts.append(f"{s['退回未办结'] - unread}项问题由办结退回未办结")
    if unread:
        parts.append(f"【上期已办结的{unread}项问题本期整改状态未填或无法识别，是否办结存疑】")
    if s["删除已办结"]:
        parts.append(f"删除已办结问题{s['删除已办结']}项")
    added = [
        f"问题{s['新增问题']}项" if s["新增问题"] else "",
        f"措施{s['新增措施']}条" if s["新增措施"] else "",
    ]
    if any(added):
        parts.append("新增" + "、".join(a for a in added if a))
    removed = [
        f"问题{s['删除问题']}项" if s["删除问题"] else "",
        f"措施{s['删除措施']}条" if s["删除措施"] else "",
    ]
    if any(removed):
        parts.append("删除" + "、".join(r for r in removed if r))
    if s["延期措施"]:
        parts.append(f"{s['延期措施']}条措施延期")
    if s["状态倒退"]:
        parts.append(f"{s['状态倒退']}条措施状态倒退")
    if s["上期办结率"] != s["本期办结率"]:
        up = cmp.new_stats["办结率数值"] > cmp.old_stats["办结率数值"]
        # a rate in doubt in 【】, as the statistics sentence prints it
        before, after = (st["显示"]["办结率"] for st in (cmp.old_stats, cmp.new_stats))
        parts.append(f"办结率由{before}{'提高到' if up else '降至'}{after}")
    red_old, red_new = s["上期预警"]["红色"], s["本期预警"]["红色"]
    if red_old != red_new:
        parts.append(_overdue_trend(red_old, red_new))
    return head + "，".join(parts) + "。"


# ---------------------------------------------------------------------------------------------
# Text and JSON


def _names(names: list[str], shown: int = 5) -> str:
    """ "区信访局、区体育局" or "甲、乙、丙、丁、戊等7个" in a sentence."""
    return "、".join(names[:shown]) + (f"等{len(names)}个" if len(names) > shown else "")


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(c: Change) -> str:
    if c.old_cell and c.new_cell:
        old = c.old_cell.partition("!")[2]
        return f"{c.new_cell}（上期 {old}）" if c.old_cell != c.new_cell else c.new_cell
    return c.new_cell or f"上期 {c.old_cell}"


def change_line(c: Change) -> str:
    """One change as the text output prints it."""
    flag = "【倒退】" if c.kind in BACKWARD else ""
    if c.kind == "unit-added":
        return f"{_where(c)}  单位“{c.unit}”  新报送：{c.new}"
    if c.kind == "unit-removed":
        return f"{_where(c)}  单位“{c.unit}”  本期没有报送（上期{c.old}），请核实是否漏报"
    if c.kind == "unit-renamed":
        return (
            f"{_where(c)}  单位名称：{c.old} → {c.new}  （匹配度 {c.confidence:.0%}）"
            "  名称取自文件名的单位，文件改名后名称就会变；请在该单位台账“基本信息”中填写单位名称"
        )
    what = (f"单位“{c.unit}” " if c.unit else "") + f"问题“{_short(c.problem)}”"
    if c.measure and c.kind not in ("problem-added", "problem-removed"):
        what += f" 措施“{_short(c.measure)}”"
    if c.kind.endswith("-added"):
        body = f"新增：{_short(c.new, 40)}"
    elif c.kind.endswith("-removed"):
        body = f"删除：{_short(c.old, 40)}"
    elif c.kind in ("measure-split", "measure-merged"):
        body = f"“{_short(c.old, 30)}” → “{_short(c.new, 30)}”"
    else:
        label = f"{c.field}：" if c.field else ""
        body = f"{label}{_short(c.old or '（空）', 40)} → {_short(c.new or '（空）', 40)}"
    return f"{flag}{_where(c)}  {what}  {body}  （匹配度 {c.confidence:.0%}）"


def format_text(cmp: Comparison, limit: int | None = None, mark: str | None = None) -> str:
    """The terminal text; ``limit`` caps the changes listed per kind (two ledgers that are not
    two periods of one, or read wrongly, differ in every row: tens of thousands of lines),
    with a line saying where all of them are (the 对比副本 ``mark``, or the JSON)."""
    from ledger_tools.ledger.stats import _table
    from ledger_tools.output import command_arg

    s = summary(cmp)
    old_day = s["上期日期"] or "日期不详"
    lines = [
        f"对比 上期 {Path(cmp.old_path).name}（{old_day}）与 本期 {Path(cmp.new_path).name}"
        f"（{s['本期日期']}）",
        "",
    ]
    rows = (
        [
            ["单位", s["上期单位数"], s["本期单位数"], _delta(s["上期单位数"], s["本期单位数"])],
        ]
        if cmp.units_old
        else []
    )
    o, n = cmp.old_stats, cmp.new_stats

    def marked(stats: dict[str, Any], key: str, value: Any) -> str:
        # a figure that depends on a cell that cannot be read in 【】, as stats prints it
        doubtful = key in stats.get("存疑", {}) or (
            key in COLOURS and "预警" in stats.get("存疑", {})
        )
        return f"【{value}】" if doubtful else str(value)

    for label, key in (("问题", "问题数"), ("措施", "措施数"), ("办结问题", "办结数")):
        a, b = s[f"上期{key}"], s[f"本期{key}"]
        rows.append([label, marked(o, key, a), marked(n, key, b), _delta(a, b)])
    rows.append(
        ["办结率", marked(o, "办结率", s["上期办结率"]), marked(n, "办结率", s["本期办结率"]), ""]
    )
    for colour in COLOURS:
        a, b = s["上期预警"][colour], s["本期预警"][colour]
        rows.append([f"{colour}预警", marked(o, colour, a), marked(n, colour, b), _delta(a, b)])
    lines += _table(["", "上期", "本期", "变化"], rows)
    for period, stats in (("上期", o), ("本期", n)):
        doubts = stats.get("存疑", {})
        shown_keys = ("问题数", "办结数", "办结率", "预警")  # (the sums are not in the table)
        for why in dict.fromkeys(doubts[k] for k in shown_keys if k in doubts):
            lines.append(f"存疑（{period}）：{why}，带【】的数字可能不准。")
    if not cmp.old_date:
        lines.append(
            "（上期台账的成文日期未填或与本期相同，上期预警按本期日期计算。可用 --old-date 指定。）"
        )
    lines += ["", cmp.sentence, ""]
    if cmp.exact_cut:
        lines += [cut_note(cmp), ""]
    if not cmp.changes:
        lines.append("两期台账的问题和措施没有变化。")
        return "\n".join(lines)
    lines.append(f"变化（{len(cmp.changes)} 处）")
    cut = False
    for kind, label in KINDS.items():
        group = [c for c in cmp.changes if c.kind == kind]
        if group:
            lines.append(f"  {label}（{len(group)}）")
            shown = group if limit is None else group[:limit]
            lines += [f"    {change_line(c)}" for c in shown]
            if len(shown) < len(group):
                lines.append(f"    ……另有 {len(group) - len(shown):,} 处没有在此列出。")
                cut = True
    if cut:
        args = f"{command_arg(Path(cmp.old_path).name)} {command_arg(Path(cmp.new_path).name)}"
        where = (
            f"全部列在对比副本 {mark} 的“{SHEET_CHANGES}”表中"
            if mark
            else f"查看全部：ledger-tools diff {args} --mark 对比.xlsx（对比副本）"
        )
        lines += [
            "",
            f"变化共 {len(cmp.changes):,} 处，终端每类最多列出前 {limit:,} 处。{where}，"
            f"或 ledger-tools diff {args} --format json > 对比.json。"
            "变化这么多时，请先确认两个文件是同一本台账的上期和本期。",
        ]
    return "\n".join(lines)


def cut_note(cmp: Comparison) -> str:
    """The note of a comparison whose texts were not all compared (``EXACT_BUDGET``)."""
    return (
        f"注意：两期台账的文字差别极大，逐字比较超过了本工具的上限，另有 {cmp.exact_cut:,} 对文字没有逐字比较，"
        "按不同处理（这些问题和措施可能被列为删除后又新增，匹配度偏低）。请先确认两个文件是同一本台账的上期和本期，"
        "以及两期的表头和各列读得对（ledger-tools check 查看“读取方式”）。"
    )


def _delta(a: int, b: int) -> str:
    return f"{b - a:+d}" if b != a else "0"


def to_json(cmp: Comparison) -> dict[str, Any]:
    from ledger_tools.output import name_text

    def side(path: str, day: dt.date | None, stats: dict[str, Any]) -> dict[str, Any]:
        keep = ("问题数", "措施数", "办结数", "办结率", "办结率数值", "预警", "存疑")
        return {
            "file": name_text(path),  # (a name of bytes not UTF-8: valid JSON)
            "as_of": day.isoformat() if day else None,
            "totals": {k: stats[k] for k in keep},
        }

    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "old": side(cmp.old_path, cmp.old_date, cmp.old_stats),
        "new": side(cmp.new_path, cmp.new_date, cmp.new_stats),
        "summary": summary(cmp),
        "sentence": cmp.sentence,
        "changes": [c.to_dict() for c in cmp.changes],
    }


# ---------------------------------------------------------------------------------------------
# The document context (report --since)


def since_context(cmp: Comparison | None) -> dict[str, Any]:
    """``与上期`` (the ``summary`` figures) and ``与上期说明`` (the sentence) for a template.
    Without a comparison both are there, empty, so a template may test ``{% if 与上期说明 %}``."""
    if cmp is None:
        return {"与上期": {}, "与上期说明": ""}
    return {"与上期": summary(cmp), "与上期说明": cmp.sentence}


# ---------------------------------------------------------------------------------------------
# The marked copy

FILL_ADDED = "C6EFCE"  # green
FILL_CHANGED = "FFEB9C"  # yellow
FILL_BACKWARD = "FFC7CE"  # red
SHEET_CHANGES = "与上期对比"


def _comment(c: Change) -> str:
    if c.kind.endswith("-added"):
        return f"【{c.label}】上期没有。"
    where = c.old_cell.partition("!")[2]
    old = c.old or "（空）"
    return f"【{c.label}】上期（{where}）：{old}"


def write_marked_copy(
    cmp: Comparison, dest: str | os.PathLike[str], overwrite: bool = False
) -> Path:
    """A copy of the new ledger: changed cells filled (green added, yellow changed, red gone
    backwards) with the old value in a comment; a first sheet 与上期对比 lists every change,
    including what was removed. The new ledger itself is never written; an existing ``dest``
    is refused unless ``overwrite``.

    Written through openpyxl (not ``marking``'s XML-level writer, which marks a ``check``
    report's findings in two colours): a copy of one ledger version is small, and openpyxl
    keeps its formulas, styles, merges and comments."""
    from ledger_tools.errors import OutputError
    from ledger_tools.ledger.marking import SUFFIXES
    from ledger_tools.output import atomic_output, check_output_path

    src, out = Path(cmp.new_path), Path(dest)
    if out.suffix.lower() not in SUFFIXES:
        raise OutputError(f"对比副本 {out.name} 的扩展名应为 .xlsx。请改为“{out.stem}.xlsx”。")
    check_output_path(out, src, cmp.old_path, overwrite=overwrite)
    wb = _load_copy(src, keep_vba=src.suffix.lower() == ".xlsm" and out.suffix.lower() == ".xlsm")
    if SHEET_CHANGES in wb.sheetnames:
        del wb[SHEET_CHANGES]
    _neutralise_live(wb, src)
    marks: dict[tuple[str, str], list[Change]] = {}
    anchors: dict[str, dict[str, str]] = {}
    for c in cmp.changes:
        sheet, _, coord = c.new_cell.partition("!")
        if not coord or sheet not in wb.sheetnames or not coord[-1].isdigit():
            continue
        anchor = anchors.setdefault(sheet, _merged_anchors(wb[sheet])).get(coord, coord)
        marks.setdefault((sheet, anchor), []).append(c)
    for (sheet, coord), group in marks.items():
        cell = wb[sheet][coord]
        kinds = {c.kind for c in group}
        fill = (
            FILL_BACKWARD
            if kinds & BACKWARD
            else FILL_ADDED
            if all(k.endswith("-added") for k in kinds)
            else FILL_CHANGED
        )
        cell.fill = _solid(fill)
        _set_comment(cell, "\n".join(dict.fromkeys(_comment(c) for c in group)))
    _changes_sheet(wb, cmp)
    with atomic_output(out, src, cmp.old_path, overwrite=overwrite, flag="--force") as tmp:
        wb.save(tmp)
    return out


def _load_copy(src: Path, *, keep_vba: bool) -> Any:
    """The new ledger opened with openpyxl for the copy (a Chinese error if it cannot be)."""
    from openpyxl import load_workbook

    from ledger_tools.errors import UnreadableFile
    from ledger_tools.ledger.marking import SUFFIXES
    from ledger_tools.ledger.reading import check_copyable

    if src.suffix.lower() not in SUFFIXES:
        raise UnreadableFile(
            f"{src.name} 不是 .xlsx/.xlsm 文件，无法另存对比副本（--mark）。"
            "请先用 Excel/WPS 另存为 .xlsx 后再对比。"
        )
    check_copyable(src)  # openpyxl fills in every sheet's whole range, cell by cell
    _check_copied_counts(src)
    try:
        # rich_text keeps partly formatted cell text as it was.
        wb = load_workbook(src, keep_vba=keep_vba, rich_text=True)
    except Exception as exc:  # noqa: BLE001 - any openpyxl failure is "cannot copy this file"
        raise UnreadableFile(
            f"无法复制 {src.name} 来生成对比副本（文件结构 Excel 能打开但无法逐格复制）。"
            "请用 Excel/WPS 打开后另存为 .xlsx 再试，或去掉 --mark。"
        ) from exc
    if not wb.sheetnames:  # a Strict Open XML workbook: openpyxl sees none of its sheets
        raise UnreadableFile(
            f"无法复制 {src.name} 来生成对比副本：它的工作表无法逐格复制（可能是“Strict Open XML”"
            "格式），副本中将没有台账。请用 Excel 打开后另存为“Excel 工作簿 (*.xlsx)”再试，"
            "或去掉 --mark。"
        )
    return wb


MAX_COPY_ITEMS = 50_000  # openpyxl reads and writes each (about 1 ms): under a minute


# What openpyxl copies one object at a time, where it is: (part name test, tag, Chinese name)
_COPIED_ONE_BY_ONE = (
    ("comments", b"<comment ", "条批注"),
    ("sheet", b"<hyperlink ", "个超链接"),
    ("sheet", b"<cfRule ", "条条件格式"),
    ("sheet", b"<dataValidation ", "条数据有效性规则"),
    ("sheet", b"<brk ", "个分页符"),
)


def _check_copied_counts(src: Path) -> None:
    """Refuse a workbook with more comments (批注), hyperlinks, conditional formats or data
    validations than openpyxl copies in bounded time: 300,000 comments took minutes, a
    million hyperlinks or conditional formats never finished. A real ledger has a few
    thousand at most (``check --mark`` adds a comment per finding). Counted in the parts,
    streamed, without parsing them."""
    import zipfile

    from ledger_tools.errors import UnreadableFile

    with zipfile.ZipFile(src) as z:
        for info in z.infolist():
            name = info.filename.rsplit("/", 1)[-1].lower()
            if not name.endswith(".xml"):
                continue
            for prefix, tag, what in _COPIED_ONE_BY_ONE:
                if not name.startswith(prefix):
                    continue
                count = _count_tag(z, info, tag)
                if count > MAX_COPY_ITEMS:
                    raise UnreadableFile(
                        f"{src.name} 中有 {count:,} {what}（{info.filename}），超过生成对比副本的上限 "
                        f"{MAX_COPY_ITEMS:,}（逐个复制需要的时间远超台账本身），无法生成副本。"
                        "请在 Excel/WPS 中删除多余的内容，“另存为”新的 .xlsx 后再试，或去掉 --mark。"
                    )
            if name.startswith("sheet"):
                _check_ranges(z, info, src)
                _check_shared_formulas(z, info, src)


_SQREF = b'sqref="'
_HYPERLINK = b"<hyperlink "
_REF = re.compile(rb'\sref="\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})"')
_LONGEST_LINK = 1 << 16  # a hyperlink element longer than this is not looked into


def _check_ranges(z: Any, info: Any, src: Path) -> None:
    """Refuse a sheet whose ranges openpyxl would turn into more objects than it copies in
    bounded time: the ranges listed in ``sqref`` attributes (conditional formats, data
    validations: one object each; a million in a 2 MB file took 23 s and 430 MB), and the
    cells a hyperlink's range covers (openpyxl gives each cell its own copy of the link:
    ``ref="A1:XFD1048576"`` in a 7 KB file ran out of memory). Streamed, without parsing."""
    from ledger_tools.errors import UnreadableFile
    from ledger_tools.ledger.cells import column_index

    ranges = linked = 0
    inside = False  # in the middle of an sqref attribute
    carry = b""
    with z.open(info) as fh:
        while chunk := fh.read(1 << 20):
            data, carry = carry + chunk, b""
            pos = 0
            while True:
                if inside:
                    end = data.find(b'"', pos)
                    ranges += data.count(b" ", pos, len(data) if end < 0 else end)
                    if end < 0:
                        break
                    inside, pos = False, end + 1
                    continue
                at = data.find(_SQREF, pos)
                link = data.find(_HYPERLINK, pos)
                if link >= 0 and (at < 0 or link < at):
                    close = data.find(b">", link)
                    if close < 0:
                        if len(data) - link < _LONGEST_LINK:
                            carry = data[link:]
                        break
                    found = _REF.search(data, link, close)
                    if found:
                        c1, r1, c2, r2 = found.groups()
                        width = abs(column_index(c2.decode()) - column_index(c1.decode())) + 1
                        linked += width * (abs(int(r2) - int(r1)) + 1)
                    pos = close + 1
                    continue
                if at < 0:
                    keep = max(len(_SQREF), len(_HYPERLINK)) - 1
                    carry = data[max(pos, len(data) - keep) :]
                    break
                ranges += 1
                inside, pos = True, at + len(_SQREF)
    for count, what in (
        (ranges, "条件格式、数据有效性等列出的单元格区域"),
        (linked, "超链接覆盖的单元格"),
    ):
        if count > MAX_COPY_ITEMS:
            raise UnreadableFile(
                f"{src.name} 中{what}有 {count:,} 个（{info.filename}），超过生成对比副本的上限 "
                f"{MAX_COPY_ITEMS:,}（逐个复制需要的时间和内存远超台账本身），无法生成副本。"
                "请在 Excel/WPS 中删除多余的内容，“另存为”新的 .xlsx 后再试，或去掉 --mark。"
            )


# openpyxl turns each cell of a shared formula (a formula filled down: ``<f t="shared" si="0"/>``)
# into its own text by tokenizing the first cell's formula again: about a second per million
# characters. 20,000 cells of a 3,000-character formula (a 108 KB file) took 79 s; a filled-down
# column of a real ledger is a few million characters at most.
MAX_SHARED_FORMULA_CHARS = 20_000_000
_SHARED_MASTER = re.compile(rb"<(?:\w+:)?f\b([^>]*)(?<!/)>([^<]*)<")
_SHARED_CELL = re.compile(rb"<(?:\w+:)?f\b([^>]*?)/>")
_SI = re.compile(rb'\bsi="(\d+)"')


def _check_shared_formulas(z: Any, info: Any, src: Path) -> None:
    """Refuse a sheet whose shared formulas openpyxl would spend minutes writing out cell by
    cell (``MAX_SHARED_FORMULA_CHARS``): the length of each shared formula times the cells
    that share it, counted in the part, streamed."""
    from ledger_tools.errors import UnreadableFile

    lengths: dict[bytes, int] = {}
    cells: dict[bytes, int] = {}
    carry = b""
    with z.open(info) as fh:
        while chunk := fh.read(1 << 20):
            data = carry + chunk
            cut = data.rfind(b"<")
            data, carry = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            if b"shared" not in data:
                continue
            for m in _SHARED_MASTER.finditer(data):
                if b'"shared"' in m.group(1) and (si := _SI.search(m.group(1))):
                    lengths[si.group(1)] = max(lengths.get(si.group(1), 0), len(m.group(2)))
            for m in _SHARED_CELL.finditer(data):
                if b'"shared"' in m.group(1) and (si := _SI.search(m.group(1))):
                    cells[si.group(1)] = cells.get(si.group(1), 0) + 1
    total = sum(n * lengths.get(si, 0) for si, n in cells.items())
    if total > MAX_SHARED_FORMULA_CHARS:
        raise UnreadableFile(
            f"{src.name} 中向下填充的公式（共享公式）展开后有 {total:,} 个字符（{info.filename}），"
            f"超过生成对比副本的上限 {MAX_SHARED_FORMULA_CHARS:,}（逐格写出需要的时间远超台账本身），"
            "无法生成副本。请在 Excel/WPS 中检查这些公式（通常是一个很长的公式填充了整列），"
            "“另存为”新的 .xlsx 后再试，或去掉 --mark。"
        )


def _count_tag(z: Any, info: Any, tag: bytes) -> int:
    count, tail = 0, b""
    with z.open(info) as fh:
        while chunk := fh.read(1 << 20):
            count += (tail + chunk).count(tag) - tail.count(tag)
            tail = chunk[-len(tag) :]
    return count


def _neutralise_live(wb: Any, src: Path) -> None:
    """As in ``check --mark``'s copy: formulas that reach outside the workbook (other
    workbooks, DDE, WEBSERVICE, FILTERXML, RTD) keep their cached value and lose the formula,
    and the external link parts are dropped, so opening the copy runs nothing."""
    from openpyxl import load_workbook

    from ledger_tools.ledger.reading import is_live_formula

    live = [
        (ws.title, cell.coordinate)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
        and cell.value.startswith("=")
        and is_live_formula(cell.value)
    ]
    wb._external_links = []
    # names that are live themselves (zz = cmd|'/C calc'!A0): a cell's =zz would run them
    for names in (wb.defined_names, *(ws.defined_names for ws in wb.worksheets)):
        for name in [n for n, d in names.items() if is_live_formula(d.attr_text or "")]:
            del names[name]
    if not live:
        return
    cached = load_workbook(src, data_only=True)  # the values Excel last computed
    for sheet, coord in live:
        cell = wb[sheet][coord]
        cell.value = cached[sheet][coord].value
        if isinstance(cell.value, str):
            cell.data_type = "s"  # a cached text starting with "=" stays text


def _merged_anchors(ws: Any) -> dict[str, str]:
    """Every cell inside a merged range → the range's top-left cell (the one that can be
    filled and carry a comment)."""
    from openpyxl.utils import get_column_letter

    anchors: dict[str, str] = {}
    for rng in ws.merged_cells.ranges:
        top_left = f"{get_column_letter(rng.min_col)}{rng.min_row}"
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                anchors[f"{get_column_letter(col)}{row}"] = top_left
    return anchors


def _set_comment(cell: Any, text: str) -> None:
    """Our comment on ``cell``; a user's own comment there is kept below it (as ``check
    --mark`` keeps it)."""
    from openpyxl.comments import Comment

    from ledger_tools.ledger.cells import strip_forbidden
    from ledger_tools.ledger.marking import COMMENT_AUTHOR, ORIGINAL_COMMENT
    from ledger_tools.ledger.workbook import display_width

    old = cell.comment
    if old is not None and old.author != COMMENT_AUTHOR:
        text += ORIGINAL_COMMENT.format(author=old.author or "") + old.text
    n_lines = sum(max(1, -(-display_width(line) // 44)) for line in text.split("\n"))
    text = strip_forbidden(text)
    cell.comment = Comment(text, COMMENT_AUTHOR, height=min(20 * n_lines + 10, 400), width=320)


def _solid(rgb: str) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill(fill_type="solid", start_color=rgb, end_color=rgb)


def _changes_sheet(wb: Any, cmp: Comparison) -> None:
    from openpyxl.styles import Font

    from ledger_tools.ledger.workbook import append_row, print_as_table, set_text

    ws = wb.create_sheet(SHEET_CHANGES, 0)
    wb.active = 0
    set_text(ws["A1"], cmp.sentence)
    header: tuple[str, ...] = (
        "序号",
        "变化",
        "问题",
        "措施",
        "项目",
        "本期位置",
        "上期位置",
        "上期",
        "本期",
        "匹配度",
    )
    widths: tuple[int, ...] = (6, 12, 24, 30, 12, 16, 16, 30, 30, 8)
    units = any(c.unit for c in cmp.changes)  # two 汇总台账: each change's 单位 after 变化
    if units:
        header = (*header[:2], "单位", *header[2:])
        widths = (*widths[:2], 20, *widths[2:])
    ws.append([])
    ws.append(header)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for n, c in enumerate(cmp.changes, start=1):
        row = [
            n,
            c.label,
            c.problem,
            c.measure,
            c.field,
            c.new_cell,
            c.old_cell,
            c.old,
            c.new,
            f"{c.confidence:.0%}",
        ]
        append_row(ws, [*row[:2], c.unit, *row[2:]] if units else row)
        if c.new_cell and c.new_cell.partition("!")[2][-1:].isdigit():
            sheet, _, coord = c.new_cell.partition("!")
            # (the row just written: ``ws.max_row`` looks at every cell, once a change made
            # the sheet quadratic — 6,000 changed problems took minutes)
            ws.cell(ws._current_row, header.index("本期位置") + 1).hyperlink = (  # noqa: SLF001
                f"#'{sheet}'!{coord}"
            )
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + j)].width = width
    ws["A1"].font = Font(bold=True, size=12)
    centred = [header.index(h) + 1 for h in ("序号", "变化", "项目", "匹配度")]
    print_as_table(ws, 3, ws.max_row, centred=centred, title=True)


# ---------------------------------------------------------------------------------------------
# The command


@click.command("diff", cls=clickzh.Command)
@click.argument("old_path", metavar="上期.xlsx")
@click.argument("new_path", metavar="本期.xlsx")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式。"
)
@click.option(
    "--mark",
    metavar="对比.xlsx",
    help="另存一份本期台账的副本：变化的单元格标色，批注中写明上期的内容；首页“与上期对比”逐条列出。",
)
@click.option("--force", is_flag=True, help="--mark 的文件已存在时覆盖它。")
@click.option("--today", metavar="YYYY-MM-DD", help="本期日期，用于计算本期预警（默认：今天）。")
@click.option(
    "--old-date",
    metavar="YYYY-MM-DD",
    help="上期日期，用于“与上期（…）相比”和上期预警（默认：上期台账基本信息中的成文日期）。",
)
@click.option("--sheet", metavar="名称", help="台账所在工作表（两期相同）。")
@click.option("--map", "mapping", multiple=True, metavar="原列名=标准列名", help="同 check。")
@status_map_option()
@friendly
def diff_command(
    old_path: str,
    new_path: str,
    fmt: str,
    mark: str | None,
    force: bool,
    today: str | None,
    old_date: str | None,
    sheet: str | None,
    mapping: tuple[str, ...],
) -> None:
    """对比两期台账：新增和删除的问题、措施，状态推进和倒退，新办结，延期，责任和进展的变化。"""
    import json

    from ledger_tools.cli import parse_day, parse_mappings
    from ledger_tools.errors import OutputError

    if mark and os.path.isdir(mark):
        from ledger_tools.output import check_output_path

        check_output_path(mark)  # says it is a folder
    if mark and os.path.exists(mark) and not force:
        raise OutputError(
            f"{mark} 已存在，为避免覆盖没有生成对比副本。请换一个文件名，或加 --force。"
        )
    cmp = compare_files(
        old_path,
        new_path,
        today=parse_day(today, "--today"),
        old_date=parse_day(old_date, "--old-date"),
        mapping=parse_mappings(mapping),
        sheet=sheet,
    )
    if mark:
        write_marked_copy(cmp, mark, overwrite=force)
    if fmt == "json":
        click.echo(json.dumps(to_json(cmp), ensure_ascii=False, indent=2))
        return
    from ledger_tools.ledger.checking import TEXT_LIMIT

    click.echo(format_text(cmp, limit=TEXT_LIMIT, mark=mark))
    if mark:
        from ledger_tools.ledger.partguard import macro_note

        click.echo(f"已另存对比副本：{mark}")
        if note := macro_note(new_path, mark, "对比副本"):
            click.echo(note)
