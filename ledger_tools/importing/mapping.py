"""Stage 3 of ``import``: parsed documents → ledger rows, 基本信息 and 文稿段落.

Several documents of one rectification (反馈意见, then 整改方案, then 整改情况报告 or 通报) are
merged in that order: problems matched by their wording (then by position), measures likewise;
the later document's progress, status and dates win, the earlier one's wording and fields stay
where the later one is silent. Every row records where it came from in 备注 ("来源：整改方案.docx
第18段；整改情况报告.docx第14段").
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger_tools.importing.fields import best_match, exact_date, lead_units
from ledger_tools.importing.parse import Parsed, PAspect, PMeasure, PProblem
from ledger_tools.ledger import columns as C

_RANK = {"feedback": 0, "plan": 1, "report": 2, "notice": 2}
# Fields a later document overrides; the others it only fills when empty.
_LATER_WINS = ("整改状态", "整改进展及成效", "完成时间")
SOURCE_PREFIX = "来源："


@dataclass
class Imported:
    """What ``import`` produces: the ledger rows (canonical column → value), 基本信息, 文稿段落,
    the warnings, and the parsed documents (for ``--format json``)."""

    rows: list[dict[str, Any]]
    info: dict[str, Any]
    texts: list[dict[str, str]]
    aspects: list[str]
    warnings: list[str]
    documents: list[Parsed] = field(default_factory=list)

    def counts(self) -> tuple[int, int, int]:
        problems = {r["序号"] for r in self.rows}
        measures = sum(1 for r in self.rows if r.get("整改措施"))
        return len(self.aspects), len(problems), measures


def merge(documents: list[Parsed]) -> Parsed:
    """One ``Parsed`` from several documents of the same rectification."""
    ordered = sorted(documents, key=lambda d: _RANK.get(d.kind, 1))
    from ledger_tools.output import name_text  # (a name of bytes not UTF-8 in 备注 and JSON)

    base = copy.deepcopy(ordered[0])
    name = name_text(Path(base.path).name)
    _tag_sources(base, name)
    base.warnings = [f"{name}：{w}" for w in base.warnings] if len(documents) > 1 else base.warnings
    for later in ordered[1:]:
        later = copy.deepcopy(later)
        later_name = name_text(Path(later.path).name)
        _tag_sources(later, later_name)
        base.warnings += [f"{later_name}：{w}" for w in later.warnings]
        _merge_info(base.info, later.info)
        present = {(t["文稿"], t["章节"]) for t in base.texts}
        base.texts += [t for t in later.texts if (t["文稿"], t["章节"]) not in present]
        _merge_problems(base, later, later_name)
        base.kind = later.kind if _RANK.get(later.kind, 1) >= _RANK.get(base.kind, 1) else base.kind
    return base


def _tag_sources(doc: Parsed, name: str) -> None:
    for p in doc.problems:
        p.where = f"{name}{p.where}"
        for m in p.measures:
            m.where = f"{name}{m.where or p.where[len(name) :]}"


def _merge_info(base: dict[str, str], later: dict[str, str]) -> None:
    for key, value in later.items():
        if key == "成文日期" or key not in base:
            base[key] = value


def _merge_problems(base: Parsed, later: Parsed, later_name: str) -> None:
    base_problems = base.problems
    same_shape = len(base_problems) == len(later.problems)
    matched: set[int] = set()
    for i, (aspect, lp) in enumerate((a, p) for a in later.aspects for p in a.problems):
        target = best_match(base_problems, lp.title, lambda p: p.title, 0.8)
        if target is None and same_shape:
            target = base_problems[i]
        if target is None:
            base.warnings.append(
                f"{later_name}：问题“{lp.title[:30]}”（{lp.where}）在先导入的文件中没有对应的问题，已作为新问题补入。"
            )
            _aspect_for(base, aspect).problems.append(lp)
            continue
        matched.add(id(target))
        _merge_problem(target, lp)
    for p in base_problems:
        if id(p) not in matched:
            base.warnings.append(
                f"{later_name}：没有写到问题“{p.title[:30]}”（{p.where}），该问题的措施和进展请核对后补录。"
            )


def _aspect_for(base: Parsed, aspect: PAspect) -> PAspect:
    found = best_match(base.aspects, aspect.title, lambda a: a.title, 0.8)
    if found is None:
        found = PAspect(aspect.title, aspect.where)
        base.aspects.append(found)
    return found


def _merge_problem(target: PProblem, later: PProblem) -> None:
    target.detail = target.detail or later.detail
    target.goal = target.goal or later.goal
    if later.status:
        target.status, target.status_text = later.status, later.status_text
        target.deadline = later.deadline or target.deadline
        target.delay = later.delay or target.delay
        target.done = later.done or target.done
    same_shape = len(target.measures) == len(later.measures)
    for i, lm in enumerate(later.measures):
        m = best_match(target.measures, lm.text, lambda m: m.text, 0.6) or _by_lead(
            target.measures, lm.text
        )
        if m is None and same_shape:
            m = target.measures[i]
        if m is None:
            target.measures.append(lm)
            continue
        for key, value in lm.fields.items():
            if key in _LATER_WINS or not m.fields.get(key):
                m.fields[key] = value
        m.where = f"{m.where}；{lm.where}"
        m.text = m.text or lm.text
        m.told = lm.told or m.told


def _by_lead(measures: list[PMeasure], text: str) -> PMeasure | None:
    """The one measure a report's lead opens ("严格落实“第一议题”制度。" → the plan's
    "严格落实“第一议题”制度，党组会议…"): reports name a measure by its first clause."""
    lead = text.strip().rstrip("。；;，, ")
    if len(lead) < 4:
        return None
    found = [m for m in measures if m.text.startswith(lead)]
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------------------------------------
# Rows.


def to_imported(parsed: Parsed, documents: list[Parsed]) -> Imported:
    """The ledger content of a (merged) parsed document."""
    rows: list[dict[str, Any]] = []
    aspects: list[str] = []
    number = 0
    for aspect in parsed.aspects:
        if not aspect.problems:
            continue
        if aspect.title not in aspects:  # (one 方面 under each of several units: one 方面)
            aspects.append(aspect.title)
        for problem in aspect.problems:
            number += 1
            rows += _problem_rows(number, aspect.title, problem)
    warnings = list(parsed.warnings)
    for doc in documents:
        warnings += cross_check(doc)
    if unfiled := sum(len(a.problems) for a in parsed.aspects if not a.title):
        warnings.append(
            f"有 {unfiled} 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
        )
    if not rows:
        warnings.append(
            "没有识别出任何问题或整改措施：文中没有可识别的编号结构（一、（一）1.（1）、问题1：等）或问题清单表格。"
        )
    return Imported(rows, _info_values(parsed.info), parsed.texts, aspects, warnings, documents)


def cross_check(doc: Parsed) -> list[str]:
    """Warnings where the counts a document states about itself ("共反馈问题18个，已整改16个，
    整改率88.9%") disagree with what was imported from it, or with each other."""
    fig = doc.figures
    if not fig:
        return []
    name = Path(doc.path).name
    sentence = fig["句子"]
    said = f"（“{sentence if len(sentence) <= 80 else sentence[:80] + '……'}”）"
    out = _cross_check_problems(doc, name, said) if "问题" in fig else []
    out += _cross_check_measures(doc, name, said)
    out += _rate_disagrees(fig, "整改率", "已整改", "问题", f"{name}：文中的整改率", said)
    return out


def _rate_disagrees(
    fig: dict[str, Any], rate_key: str, done_key: str, total_key: str, lead: str, said: str
) -> list[str]:
    """A warning when a stated rate is not the stated done / total (to its rounding)."""
    if rate_key not in fig or done_key not in fig or not fig.get(total_key):
        return []
    rate = 100 * fig[done_key] / fig[total_key]
    if abs(rate - fig[rate_key]) < 0.1 + 1e-9 or round(rate) == fig[rate_key]:
        return []
    return [
        f"{lead}{fig[rate_key]:g}%与它写的{fig[done_key]:g}/{fig[total_key]:g}"
        f"（{rate:.1f}%）不一致{said}，请核对原文。"
    ]


def _cross_check_problems(doc: Parsed, name: str, said: str) -> list[str]:
    """The counts of problems (and 方面, and done) a document states against what was found."""
    fig = doc.figures
    aspects = len({a.title for a in doc.aspects if a.problems})
    problems = doc.problems
    named = any(a.title for a in doc.aspects if a.problems)
    out = []
    if doc.excerpt and len(problems) < fig["问题"]:
        # "现将部分典型问题的整改情况通报如下": the rest were never in this document.
        out.append(
            f"{name}：文中写明共{fig['问题']}项问题{said}，但只公开了其中部分问题（“{doc.excerpt[:40]}”），"
            f"识别出{len(problems)}项；其余问题不在本文中，请对照整改方案或整改台账补录。"
        )
        return out
    if "方面" in fig and not named and fig["问题"] == len(problems):
        pass  # the 方面 are not named in the text: said by the blank-方面 reminder
    elif "方面" in fig and (fig["方面"], fig["问题"]) != (aspects, len(problems)):
        out.append(
            f"{name}：文中写明“{fig['方面']}个方面{fig['问题']}项问题”{said}，"
            f"但识别出{aspects}个方面{len(problems)}项问题，请核对原文，漏掉的问题请在台账中补录。"
        )
    elif "方面" not in fig and fig["问题"] != len(problems):
        out.append(
            f"{name}：文中写明共{fig['问题']}项问题{said}，但识别出{len(problems)}项问题，"
            "请核对原文，漏掉的问题请在台账中补录。"
        )
    if "已整改" in fig and doc.kind in ("report", "notice") and fig["问题"] == len(problems):
        done = sum(1 for p in problems if _status_of(p) == C.STATUS_DONE)
        finished = sum(1 for p in problems if _status_of(p) in C.FINISHED_STATUSES)
        if fig["已整改"] not in (done, finished):
            unknown = sum(1 for p in problems if not _status_of(p))
            out.append(
                f"{name}：文中写明已整改{fig['已整改']}项{said}，但导入的问题中已完成{done}项"
                # (not "（含长期坚持2项）" when none is 长期坚持: that read as two of them were)
                + (f"（连同长期坚持共{finished}项）" if finished != done else "")
                + (f"，另有{unknown}项没有读出整改状态" if unknown else "")
                + "，请核对各问题的整改状态。"
            )
    return out


def _cross_check_measures(doc: Parsed, name: str, said: str) -> list[str]:
    """The counts of measures a document states ("细化整改措施11条，完成整改措施9条，措施
    完成率81.8%") against the measures imported and their statuses."""
    fig = doc.figures
    measures = [(m, p) for p in doc.problems for m in p.measures if m.text]
    out = []
    if doc.excerpt and "措施" in fig and fig["措施"] > len(measures):
        pass  # only some problems told: said once, by the problems' reminder
    elif "措施" in fig and fig["措施"] != len(measures):
        out.append(
            f"{name}：文中写明整改措施{fig['措施']:g}条{said}，但识别出{len(measures)}条措施，"
            "请核对原文，漏掉或拆分有误的措施请在台账中更正。"
        )
    elif "已完成措施" in fig and doc.kind in ("report", "notice"):
        done = sum(1 for m, p in measures if m.status_under(p.status) in C.FINISHED_STATUSES)
        if done != fig["已完成措施"]:
            out.append(
                f"{name}：文中写明已完成整改措施{fig['已完成措施']:g}条{said}，但导入的措施中"
                f"已完成（含长期坚持）{done}条，请核对各措施的整改状态。"
            )
    lead = f"{name}：文中的措施完成率"
    return out + _rate_disagrees(fig, "措施完成率", "已完成措施", "措施", lead, said)


def _status_of(problem: PProblem) -> str:
    """The problem's status as the written ledger will roll it up (``status.roll_up`` over the
    rows' statuses: a measure's own, else the problem's status sentence)."""
    from ledger_tools.ledger.status import roll_up

    if not problem.measures:
        return problem.status
    return roll_up([m.status_under(problem.status) for m in problem.measures]) or ""


def _problem_rows(number: int, aspect: str, problem: PProblem) -> list[dict[str, Any]]:
    shared: dict[str, Any] = {"序号": number, "方面": aspect, "问题": problem.title}
    if problem.detail:
        shared["问题表现"] = problem.detail
    if problem.goal:
        shared["整改目标"] = problem.goal
    measures = problem.measures or [PMeasure("", problem.where)]
    rows = []
    for m in measures:
        row = dict(shared)
        if m.text:
            row["整改措施"] = m.text
        row.update({k: v for k, v in m.fields.items() if k in C.COLUMN_NAMES and v})
        units = row.get("责任部门")
        if not row.get("牵头部门") and isinstance(units, str) and (split := lead_units(units)):
            row["牵头部门"], row["责任部门"] = split  # "财政局（牵头），审计局配合"
        status = m.status_under(problem.status)
        if status:
            row["整改状态"] = status
        # what its own past-tense account said (docs/import.md “过去时的整改情况”): its date
        # planned, and the day done when the account gave the status
        told_status, told_due, told_day = m.told or ("", "", "")
        if told_due and not row.get("整改时限") and status not in C.FINISHED_STATUSES:
            row["整改时限"] = told_due
        if told_day and told_status == status and not row.get("完成时间"):
            row["完成时间"] = told_day
        if problem.deadline and not row.get("整改时限") and status not in C.FINISHED_STATUSES:
            row["整改时限"] = problem.deadline
        if problem.done and not row.get("完成时间") and status in C.FINISHED_STATUSES:
            row["完成时间"] = problem.done  # "已于2024年11月30日整改到位"
        for name in ("整改时限", "完成时间"):
            # An exact date is written as a date cell, as a clerk's ledger has it.
            if isinstance(row.get(name), str) and (day := exact_date(row[name])):
                row[name] = day
        # The source, after what a table's own columns put there (its amounts).
        source = SOURCE_PREFIX + (m.where or problem.where)
        row["备注"] = f"{row['备注']}；{source}" if row.get("备注") else source
        rows.append(row)
    if problem.delay:
        _late_reason(rows, *problem.delay)
    return rows


def _late_reason(rows: list[dict[str, Any]], first_due: str, reason: str) -> None:
    """延期说明 on the unfinished measures that fell due when the status sentence says the
    problem was first planned to be done."""
    from ledger_tools.ledger.dates import parse_deadline

    # "2024年3月底前、4月底前" (late measures due on different days): the year said once
    parts = first_due.split("、")
    year = parts[0][:5] if parts[0][4:5] == "年" else ""
    dues = {parse_deadline(p if p[4:5] == "年" else year + p).due for p in parts} - {None}
    for row in rows:
        if row.get("整改状态") in C.FINISHED_STATUSES or row.get("延期说明") or not dues:
            continue
        if parse_deadline(row.get("整改时限")).due in dues:
            row["延期说明"] = reason


def _info_values(info: dict[str, str]) -> dict[str, Any]:
    """Dates as ``datetime.date`` (the workbook formats them), the rest as text."""
    out: dict[str, Any] = {}
    for key, value in info.items():
        if key not in C.INFO_BY_NAME or not value:
            continue
        if C.INFO_BY_NAME[key].kind == "date":
            try:
                out[key] = dt.date.fromisoformat(value)
            except ValueError:
                continue
        else:
            out[key] = value
    return out
