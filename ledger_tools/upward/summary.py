"""``ledger-tools report 汇总台账.xlsx --kind summary``: the 汇总报告 of a merge's 汇总台账.

The 汇总台账's 全部措施 sheet is read back with the project's reader (its 基本信息 is the
receiver's, filled by merge with what every unit shares). Every figure comes from
``stats.compute_stats``: of the whole table for the statistics sentence (built exactly as in a
unit's report), and of each unit's measures for the unit paragraphs; the overdue items are the
measures ``stats.warning_colour`` calls 红色. The built-in template is
``doc_templates/汇总报告.docx`` (``scripts/build_doc_templates.py``: ``build_summary``).

Where the 汇总 cannot know something it says so with 【】: the receiver's 主送机关 and
党组织名称 if 基本信息 leaves them empty, and the 下一步 section, which is the receiver's to write.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from ledger_tools.ledger.model import Aspect, Ledger, Measure

KIND = "summary"
DOC_NAME = "汇总报告"
MAX_ITEMS_PER_UNIT = 10  # overdue items listed per unit; the rest are counted
# Keys of 超期单位 and its 事项 (the sample may have nothing overdue: templates check needs them).
OVERDUE_UNIT_KEYS = ("序号", "单位", "条数", "状态", "事项", "另有", "标题")
OVERDUE_ITEM_KEYS = (
    "序号", "问题", "整改措施", "整改时限", "超期天数", "整改状态", "说明", "超期说明",
)  # fmt: skip
NEXT_STEPS = "【请在此填写下一步督促整改的工作安排，如对进度滞后单位的督办措施】"


def load_summary_ledger(path: str | os.PathLike[str]) -> tuple[Ledger, dict[str, Any]]:
    """The 全部措施 of a merge's 汇总台账 as a ledger, and the workbook's facts: the number of
    files not read and the 统计日期 merge used."""
    from ledger_tools.errors import UnreadableFile
    from ledger_tools.ledger.normalise import ledger_from_rawbook
    from ledger_tools.ledger.reading import read_workbook
    from ledger_tools.upward.consistency import compare, empty_units, read_summary_sheet
    from ledger_tools.upward.merge import AS_OF_LABEL, SHEET_FAILED, SHEET_MEASURES, SHEET_SUMMARY

    raw = read_workbook(path)
    if SHEET_MEASURES not in raw.sheets:
        raise UnreadableFile(
            f"{Path(path).name} 不是 ledger-tools merge 生成的汇总台账（没有“{SHEET_MEASURES}”工作表）。"
            "汇总报告请先运行 ledger-tools merge 各单位台账 -o 汇总台账.xlsx；单位自己的报告请去掉 --kind summary。"
        )
    from ledger_tools.upward.consistency import merge_as_of

    # a deadline without a year (a 汇总台账 of an older merge) takes its year from the day
    # merge counted at, as the units were read
    ledger = ledger_from_rawbook(raw, sheet=SHEET_MEASURES, today=merge_as_of(raw))
    failed = raw.sheets.get(SHEET_FAILED)
    facts: dict[str, Any] = {
        "未能读取数": sum(1 for r in (failed.rows[1:] if failed else []) if r and r[0])
    }
    # Every unit is counted from 全部措施; the 汇总 sheet only adds the units that sent no
    # measures yet, and says where a person's edits left it disagreeing (``consistency``).
    measured = list(dict.fromkeys(m.get("单位") or "（未填单位）" for m in ledger.measures))
    summary = read_summary_sheet(raw) if SHEET_SUMMARY in raw.sheets else None
    facts["单位"] = measured + (empty_units(summary, set(measured)) if summary else [])
    facts["长期坚持不计入办结"] = summary.not_counting if summary else set()
    facts["不一致"] = []
    info = raw.sheets.get("基本信息")
    for row in info.rows if info else []:
        if row and row[0] == AS_OF_LABEL and len(row) > 1:
            value = row[1]
            facts["统计日期"] = value.date() if isinstance(value, dt.datetime) else value
    if summary is not None:
        facts["不一致"] = compare(
            summary, ledger, _as_date(facts.get("统计日期")) or dt.date.today()
        )
    return ledger, facts


def summary_context(
    ledger: Ledger,
    as_of: dt.date,
    facts: dict[str, Any],
    today: dt.date | None = None,
    since: Any = None,
) -> dict[str, Any]:
    """The template context of the 汇总报告 (Chinese keys, plain values); ``today`` is the
    default 成文日期 (基本信息 成文日期 wins); ``since`` the ``diff.Comparison`` with the
    上期汇总台账 (``与上期``, ``与上期说明``: empty without one)."""
    from ledger_tools.documents.context import (
        addressee,
        clean,
        cn_date,
        imprint,
        info_context,
        missing_mark,
        text,
    )
    from ledger_tools.ledger.stats import compute_stats

    ctx: dict[str, Any] = info_context(ledger, "report")
    # A 报告 goes to someone (《党政机关公文处理工作条例》: 主送机关 of a 上行文): the 基本信息's,
    # marked when empty, as in a unit's 整改情况报告.
    ctx["主送机关"] = addressee(ledger, "report")
    ctx["党组织名称"] = text(ledger.info.get("党组织名称")) or missing_mark("党组织名称")
    ctx["标题行"] = summary_title_lines(ledger)
    ctx["标题"] = "".join(ctx["标题行"])
    ctx["落款方式"] = ctx.get("落款方式") or "加盖印章"  # as in context.build_context
    ctx["截至日期"] = cn_date(as_of)
    ctx["成文日期"] = cn_date(ledger.info.get("成文日期") or today or dt.date.today())
    ctx["版记"] = imprint(ledger, ctx["成文日期"])  # the 汇总单位's, from the 汇总台账
    total = compute_stats(ledger, as_of, groups=False)
    by_unit = _unit_ledgers(ledger, facts.get("长期坚持不计入办结", ()))
    names = list(dict.fromkeys([*facts.get("单位", []), *by_unit]))
    units = [(name, by_unit.get(name) or _unit_ledger(ledger, [])) for name in names]
    rows = [(name, compute_stats(sub, as_of, groups=False), sub) for name, sub in units]
    rows.sort(key=lambda r: (-_ratio(r[1]), r[0]))
    failed = facts.get("未能读取数", 0)
    ctx["单位数"] = len(rows)
    ctx["未能读取数"] = failed
    # one unit is named, not counted ("共汇总1个单位" reads as a form filled in)
    units_said = f"汇总了{rows[0][0]}" if len(rows) == 1 else f"共汇总{len(rows)}个单位"
    ctx["开头"] = (
        f"截至{cn_date(as_of)}，{units_said}报送的整改台账"
        + (f"（另有{failed}个文件未能读取，详见汇总台账“未能读取”表）" if failed else "")
        + "。"
    )
    ctx["统计"] = total
    ctx["分布句"] = distribution_sentence([s for _, s, _ in rows])
    ctx["单位列表"] = [
        {"序号": i, "单位": name, "进展句": unit_sentence(s), **_figures(s)}
        for i, (name, s, _) in enumerate(rows, start=1)
    ]
    ctx["滞后句"] = behind_sentence(total, [(name, s) for name, s, _ in rows])
    overdue = [(name, overdue_items(sub, as_of)) for name, _, sub in rows]
    overdue = [(name, items) for name, items in overdue if items]
    ctx["超期单位"] = [
        {  # keys: OVERDUE_UNIT_KEYS
            "序号": i,
            "单位": name,
            "条数": len(items),
            "状态": shared_state(items),
            "事项": items[:MAX_ITEMS_PER_UNIT],
            "另有": max(0, len(items) - MAX_ITEMS_PER_UNIT),
            "标题": overdue_unit_heading(name, len(items), shared_state(items)),
        }
        for i, (name, items) in enumerate(overdue, start=1)
    ]
    ctx["超期句"] = overdue_sentence(as_of, overdue)
    ctx["下一步"] = NEXT_STEPS
    from ledger_tools.upward.diff import since_context

    ctx.update(since_context(since))
    return clean(ctx)


def summary_title_lines(ledger: Ledger) -> list[str]:
    """The title, broken into lines as the unit documents' titles are (``titles``): the
    基本信息 报告标题 (its "/" breaks win) or "…关于…反馈意见整改落实情况的汇总报告"; as in
    ``context.default_title`` the 监督类型 is left out where the 监督机构 already names it and
    a 党组织名称 not filled is marked 【】."""
    from ledger_tools.documents.context import missing_mark, text
    from ledger_tools.documents.titles import break_title

    names = [text(ledger.info.get(n)) for n in ("党组织名称", "监督机构", "单位名称", "上级党委")]
    override = text(ledger.info.get("报告标题"))
    if override:
        return break_title(override, names)
    org = text(ledger.info.get("党组织名称")) or missing_mark("党组织名称")
    # units of different 监督机构 leave it empty in the 汇总台账: marked, never "关于反馈意见"
    body = text(ledger.info.get("监督机构")) or missing_mark("监督机构")
    sort = text(ledger.info.get("监督类型"))
    sort = "" if sort == "其他" or sort in body else sort
    return break_title(f"{org}关于{body}{sort}反馈意见整改落实情况的汇总报告", names)


def _unit_ledgers(ledger: Ledger, not_counting: Any = ()) -> dict[str, Ledger]:
    """Each unit's part of 全部措施 as a ledger of its own, so that ``compute_stats`` counts
    it: its problems are the whole table's (``stats --by 单位`` counts the same ones), never
    grouped again from the unit's measures alone (a unit whose measures are numbered 1, 2, 3
    under a problem would come out as more problems than ``stats`` says). The units in
    ``not_counting`` count 长期坚持 as not 办结, as their own ledgers say."""
    units: dict[str, dict[str, Aspect]] = {}
    for aspect in ledger.aspects:
        for p in aspect.problems:
            name = (p.measures[0].get("单位") if p.measures else None) or "（未填单位）"
            aspects = units.setdefault(name, {})
            aspects.setdefault(aspect.title, Aspect(aspect.title)).problems.append(p)
    order = {id(m): i for i, m in enumerate(ledger.measures)}
    out = {}
    for name, aspects in units.items():
        measures = [m for a in aspects.values() for p in a.problems for m in p.measures]
        measures.sort(key=lambda m: order[id(m)])
        out[name] = _unit_ledger(ledger, measures, list(aspects.values()))
        if name in not_counting:
            out[name].info = {**ledger.info, "长期坚持计入办结": "否"}
    return out


def _unit_ledger(
    ledger: Ledger, measures: list[Measure], aspects: list[Aspect] | None = None
) -> Ledger:
    """Measures (and their 方面 → 问题 tree) as a ledger of their own."""
    return Ledger(
        origin=ledger.origin,
        measures=measures,
        aspects=aspects or [],
        info=ledger.info,
        texts=[],
        has_info_sheet=ledger.has_info_sheet,
    )


def _ratio(stats: dict[str, Any]) -> float:
    return stats["办结数"] / stats["问题数"] if stats["问题数"] else 0.0


def _figures(stats: dict[str, Any]) -> dict[str, Any]:
    return {
        "问题数": stats["问题数"],
        "措施数": stats["措施数"],
        "办结数": stats["办结数"],
        "办结率": stats["办结率"],
        "超期": stats["预警"]["红色"],
    }


def unit_sentence(stats: dict[str, Any]) -> str:
    """ "问题13项、措施44条，已办结7项，办结率53.8%；超期未办结措施1条。"""
    if not stats["措施数"]:
        return "台账尚未填报整改措施。"
    done = f"已办结{stats['办结数']}项" if stats["办结数"] else "尚无问题办结"
    text = f"问题{stats['问题数']}项、措施{stats['措施数']}条，{done}，办结率{stats['办结率']}"
    if stats["状态未填"]:
        text += f"，另有{stats['状态未填']}项问题【整改状态未填或无法识别】"
    red = stats["预警"]["红色"]
    return text + (f"；超期未办结措施{red}条。" if red else "；没有超期未办结的措施。")


def distribution_sentence(all_stats: list[dict[str, Any]]) -> str:
    """How the units' 办结率 spread: all done, at least half, below half. Nothing for one
    unit ("1个单位中，…的1个" says nothing the statistics sentence has not said)."""
    if len(all_stats) < 2:
        return ""
    full = sum(1 for s in all_stats if s["问题数"] and s["办结数"] == s["问题数"])
    half = sum(1 for s in all_stats if s["问题数"] and 0.5 <= _ratio(s) < 1)
    low = sum(1 for s in all_stats if s["问题数"] and _ratio(s) < 0.5)
    none = sum(1 for s in all_stats if not s["问题数"])
    # a band with no unit is left out: "办结率达到100%的0个" is a sentence about nothing
    bands = (
        ("办结率达到100%的", full),
        ("办结率50%（含）至100%的", half),
        ("办结率低于50%的", low),
        ("尚未填报问题的", none),
    )
    parts = [f"{label}{n}个" for label, n in bands if n]
    if len(parts) > 1:  # "办结率" said once, in the first band
        parts[1:] = [p.removeprefix("办结率") for p in parts[1:]]
    return f"{len(all_stats)}个单位中，" + "，".join(parts) + "。"


def behind_sentence(total: dict[str, Any], rows: list[tuple[str, dict[str, Any]]]) -> str:
    """Units whose 办结率 is below the overall one (and units with no problems filled)."""
    if len(rows) == 1:
        name, s = rows[0]
        if not s["问题数"]:
            return f"{name}的台账尚未填报整改措施，请督促填报。"
        return "本次汇总只有1个单位，不作单位间比较。"
    overall = _ratio(total)
    behind = [(n, s) for n, s in rows if s["问题数"] and _ratio(s) < overall]
    empty = [n for n, s in rows if not s["问题数"]]
    if behind:
        names = "、".join(
            _with_rate(n, s["办结率"]) for n, s in sorted(behind, key=lambda r: _ratio(r[1]))
        )
        text = f"办结率低于总体水平（{total['办结率']}）的单位有{len(behind)}个：{names}。"
    elif total["问题数"] and total["办结数"] == total["问题数"]:
        text = "各单位办结率均为100%。"
    else:
        text = f"各单位办结率均不低于总体水平（{total['办结率']}）。"
    if empty:
        text += f"{'、'.join(empty)}的台账尚未填报整改措施，请督促填报。"
    return text


def _with_rate(name: str, rate: Any) -> str:
    """ "某区档案馆（22.2%）"; a name that ends in brackets (a unit named twice, told apart by
    its file: "某区住房和城乡建设局（住建局.xlsx）") takes the rate inside them, not "（…）（0%）"."""
    if name.endswith("）") and "（" in name:
        return f"{name[:-1]}，{rate}）"
    return f"{name}（{rate}）"


def overdue_unit_heading(name: str, count: int, state: str) -> str:
    """ "某区档案馆（3条，均尚未启动）": a unit named twice, told apart by its file
    ("某区住房和城乡建设局（住建局.xlsx）"), takes the count inside its brackets
    ("某区住房和城乡建设局（住建局.xlsx，1条）"), not "（住建局.xlsx）（1条）" (as ``_with_rate``)."""
    note = f"{count}条" + (f"，{state}" if state else "")
    if name.endswith("）") and "（" in name:
        return f"{name[:-1]}，{note}）"
    return f"{name}（{note}）"


def overdue_items(ledger: Ledger, as_of: dt.date) -> list[dict[str, Any]]:
    """The unit's measures past their deadline and not 办结 (``stats.warning_colour`` 红色),
    one item per Excel row as ``stats.colour_counts`` counts them: the measures split from
    one cell share its deadline and status."""
    from ledger_tools.documents.context import deadline_text, text
    from ledger_tools.ledger.stats import long_term_counts, warning_colour
    from ledger_tools.ledger.status import closed_statuses
    from ledger_tools.upward.duban import measures_text

    closed = closed_statuses(long_term_counts(ledger))
    rows: dict[tuple[str | None, int], list[Measure]] = {}
    for m in ledger.measures:
        if warning_colour(m, as_of, closed) == "红色":
            rows.setdefault(m.place, []).append(m)
    items: list[dict[str, Any]] = []
    for parts in rows.values():
        m = parts[0]
        # (warning_colour colours only a measure with a due date)
        assert m.deadline is not None and m.deadline.due is not None
        days = (as_of - m.deadline.due).days
        items.append(
            {  # keys: OVERDUE_ITEM_KEYS
                "序号": len(items) + 1,
                "问题": text(m.get("问题")),
                "整改措施": measures_text(parts),
                "整改时限": deadline_text(m),
                "超期天数": days,
                "整改状态": m.status or "状态未填",
                "说明": f"整改时限{deadline_text(m)}，已超期{days}天，{_now(m.status)}",
                "超期说明": f"整改时限{deadline_text(m)}，已超期{days}天",
            }
        )
    return items


def shared_state(items: list[dict[str, Any]]) -> str:
    """ "均尚未启动" when a unit's overdue measures (two or more) are all in one state: said
    once after the unit's count, not "目前尚未启动" at the end of item after item (each item
    then says only its 超期说明). "" when their states differ or one is not known."""
    from ledger_tools.ledger import columns as C

    states = {item["整改状态"] for item in items}
    said = {
        C.STATUS_NOT_STARTED: "均尚未启动",
        C.STATUS_IN_PROGRESS: "均正在推进",
        C.STATUS_MOSTLY_DONE: "均已基本完成",
    }
    if len(items) < 2 or len(states) != 1:
        return ""
    return said.get(next(iter(states)), "")


def _now(status: str | None) -> str:
    """Where an overdue measure stands, as the report's status sentences say it: "目前正在推进",
    "目前已基本完成", "目前尚未启动"."""
    from ledger_tools.ledger import columns as C

    if not status:
        return "目前【整改状态未填】"
    said = {C.STATUS_MOSTLY_DONE: "已基本完成", C.STATUS_NOT_STARTED: "尚未启动"}
    return f"目前{said.get(status, status)}"


def overdue_sentence(as_of: dt.date, overdue: list[tuple[str, list[dict[str, Any]]]]) -> str:
    from ledger_tools.documents.context import cn_date

    if not overdue:
        return f"截至{cn_date(as_of)}，没有超过整改时限仍未办结的措施。"
    n = sum(len(items) for _, items in overdue)
    return f"截至{cn_date(as_of)}，{len(overdue)}个单位共有{n}条措施超过整改时限仍未办结，按单位列出如下。"


def render_summary(
    path: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    as_of: dt.date | None = None,
    pdf: bool = False,
    today: dt.date | None = None,
    overwrite: bool = False,
    pdf_timeout: float | None = None,
    notes: list[str] | None = None,
    since: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the 汇总报告 of the 汇总台账 ``path`` (default: 汇总报告.docx beside it); return
    the written files (.docx, and .pdf with ``pdf``). ``as_of`` defaults to the date merge
    counted at, else today; ``today`` is the default 成文日期 (default: the real today). An
    existing output is refused unless ``overwrite`` (as ``render.render`` does). ``notes``
    receives the line to print when the 汇总 sheet no longer agrees with 全部措施. ``since``
    is the 上期汇总台账: a sentence of what changed since is said after the statistics."""
    from ledger_tools.documents.render import convert_to_pdf, render_docx
    from ledger_tools.output import check_output_path
    from ledger_tools.resources import template_path

    out_path = Path(out) if out else Path(path).parent / f"{DOC_NAME}.docx"
    template_file = Path(template) if template else template_path(f"{DOC_NAME}.docx")
    inputs = (template_file, path)
    check_output_path(out_path, *inputs, overwrite=overwrite, suffix=".docx")
    if pdf:  # refused before anything is written, not after the .docx
        check_output_path(out_path.with_suffix(".pdf"), *inputs, overwrite=overwrite)
    ledger, facts = load_summary_ledger(path)
    day = as_of or _as_date(facts.get("统计日期")) or dt.date.today()
    comparison = None
    if since is not None:
        from ledger_tools.upward.diff import compare_files

        comparison = compare_files(since, path, today=day)
        if not comparison.units_old:
            from ledger_tools.errors import UnreadableFile

            raise UnreadableFile(
                f"{Path(since).name} 不是 ledger-tools merge 生成的汇总台账。汇总报告的 --since "
                "请给上期的汇总台账（如 --since 汇总台账-7月.xlsx）。"
            )
    context = summary_context(ledger, day, facts, today=today, since=comparison)
    if facts["不一致"] and notes is not None:
        from ledger_tools.upward.consistency import stale_note

        notes.append(stale_note(path, facts["不一致"], "汇总报告中的数字"))
    if ledger.error_cells and notes is not None:
        notes.append(error_cells_note(path, ledger))
    written = [
        render_docx(
            template_file,
            context,
            out_path,
            path,
            overwrite=overwrite,
            builtin=template is None,
        )
    ]
    if pdf:
        written.append(convert_to_pdf(out_path, timeout=pdf_timeout, overwrite=overwrite))
    return written


def error_cells_note(path: str | os.PathLike[str], ledger: Ledger, shown: int = 3) -> str:
    """The line said when cells of 全部措施 hold Excel error values (#REF! of a hand edit):
    the 汇总报告 counts them as empty, ``check`` names every one."""
    cells = sorted(ledger.error_cells.items())
    listed = "、".join(
        f"{ledger.origin.cell(column, row)}（{value}）" for (row, column), value in cells[:shown]
    )
    more = f"等 {len(cells)} 处" if len(cells) > shown else ""
    from ledger_tools.output import command_arg

    return (
        f"注意：{Path(path).name} 的“全部措施”中有单元格是错误值：{listed}{more}（可能是手工改过），"
        "无法计入统计，汇总报告中相关的数字以【】标出。"
        f"请运行 ledger-tools check {command_arg(Path(path).name)} 查看，改正后重新生成。"
    )


def _as_date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def summary_command(path: str, **kw: Any) -> None:
    """``report --kind summary`` on the command line: the options of ``report``, printed."""
    import click

    from ledger_tools.cli import check_document_output, parse_day

    check_document_output(kw.get("output"), bool(kw.get("pdf")), "汇总报告")
    notes: list[str] = []
    written = render_summary(
        path,
        kw.get("output"),
        template=kw.get("template"),
        as_of=parse_day(kw.get("as_of"), "--as-of"),
        pdf=bool(kw.get("pdf")),
        today=parse_day(kw.get("today"), "--today"),
        overwrite=bool(kw.get("overwrite")),
        pdf_timeout=kw.get("pdf_timeout"),
        notes=notes,
        since=kw.get("since"),
    )
    for p in written:
        click.echo(f"已生成：{p}")
    if kw.get("pdf"):
        from ledger_tools.documents.evenpage import even_imprint_note

        if note := even_imprint_note(written[0]):
            notes.append(note)
    for note in notes:
        click.echo(note)
    click.echo(
        "提示：“四、下一步工作”和基本信息未填的主送机关、党组织名称、印发机关以【】标出，请在 Word/WPS 中补写"
        "（或先在汇总台账的“基本信息”表中填写主送机关、党组织名称、印发机关、成文日期后重新生成）。"
    )


def summary_sample_context() -> dict[str, Any]:
    """The 汇总报告's context for a sample (with one overdue item, whatever the sample holds):
    what ``templates check`` accepts in a 汇总报告 template."""
    from ledger_tools.documents.context import sample_ledger

    ledger = sample_ledger()
    for m in ledger.measures:
        m.values["单位"] = "示例单位"
    ctx = summary_context(ledger, dt.date(2024, 5, 10), {"单位": ["示例单位"], "未能读取数": 1})
    item = dict.fromkeys(OVERDUE_ITEM_KEYS, "")
    ctx["超期单位"] = [{**dict.fromkeys(OVERDUE_UNIT_KEYS, ""), "事项": [item]}]
    return ctx
