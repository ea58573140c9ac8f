"""``ledger-tools import`` on the tenth round of genre documents (``tests/genre_docs10.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them), some into an OFD of
that PDF or the text poppler copies out of it, the web pages and the text as saved; imported
through the real command, the ledger read back and judged row by row (方面, 问题, 措施, 牵头部门,
责任部门, 时限, 状态, 进展, 提醒) against the builders' own data.
"""

from __future__ import annotations

import subprocess

import genre_docs10 as G
import pytest
from ofd_files import ofd_from_pdf
from office_pdf import convert_to_pdf
from test_import5 import same_ledger
from test_import6 import formats, table
from test_import_genre import run_import, warnings

from ledger_tools.importing import fields as F
from ledger_tools.importing import parse as P

BLANK_ASPECT = (
    "有 {} 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
)
OFD = ("env_plan", "theme_report", "merged_aspect_table")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("genre10")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    if convert_to_pdf(paths.values(), folder):
        for name in OFD:
            ofd_from_pdf(paths[name].with_suffix(".pdf"), paths[name].with_suffix(".ofd"))
    for file, build in G.OTHER_BUILDERS.items():
        paths[file] = build(folder / file)
    return paths


def stripped(rows):
    return [tuple(v.rstrip("。；") if isinstance(v, str) else v for v in row) for row in rows]


def no_aspect(rows):
    return [(p, *rest) for a, p, *rest in rows if a == "【方面未填】"]


def one(path, tmp_path):
    ledger, out = run_import(path, tmp_path)
    return (path.suffix, ledger, out, None)


# ---------------------------------------------------------------------------------------------


def test_progress_notice_on_a_web_page_in_word_and_pdf(docs, tmp_path):
    """A 巡察整改进展情况的通报 as the site shows it (menu, breadcrumb, byline, print links) and
    as Word and PDF: "整改情况：对照……的问题，采取了以下措施：一是……；二是……。目前，该问题已
    整改完成。" — the lead-in no measure, the status every measure's; a status sentence with
    nothing else told leaves no progress (before: a lone "。" was the last measure's 进展)."""
    want = [
        (aspect[3:], problem, m, status)
        for aspect, problems in G.WEB_NOTICE
        for problem, measures, status in problems
        for m in measures
    ]
    found = formats(docs, "web_notice", tmp_path)
    found.append(one(docs["web_notice_page.html"], tmp_path / "html"))
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、7 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        progress = [m.get("整改进展及成效") for m in ledger.measures]
        assert progress == [None] * 6 + ["该问题已完成阶段性整改任务。"], suffix
        assert warnings(out) == [], suffix  # the counts agree with the statuses read
        said = [t["内容"] for t in ledger.texts]
        assert any(s.startswith("截至2025年10月底，巡察反馈的2个方面3个问题") for s in said)
    same_ledger(found)


def test_audit_result_notice_is_a_report(docs, tmp_path):
    """A 审计整改结果公告 ("整改结果：……" after each problem): a report, each result the
    problem's one row, told as both what was done and its 进展 (before: read as 反馈意见, no
    measure, the counts paragraph unplaced). "……，剩余35.00万元正在整改，计划2025年12月底前拨付
    到位。" is 正在推进 by that day (before: only "……前完成/整改到位/办结" was a plan); the other
    results tell what was done, not whether the problem is closed: their status is left for
    the clerk."""
    want = [
        (aspect[3:], problem, result, *told, result)
        for aspect, problems in G.AUDIT
        for problem, result, _ in problems
        for told in [("2025年12月底", "正在推进") if "正在整改" in result else (None, None)]
    ]
    for suffix, ledger, out, _ in formats(docs, "audit_result_notice", tmp_path):
        assert "已导入 整改情况报告" in out, suffix
        assert "识别出 3 个方面、4 项问题、4 条整改措施" in out, suffix
        fields = ("整改措施", "整改时限", "整改状态", "整改进展及成效")
        assert table(ledger, *fields) == want, suffix
        assert warnings(out) == [], suffix
        assert [t["章节"] for t in ledger.texts] == ["工作开展情况"], suffix


def _theme_rows():
    rows = []
    for problem, measures, _, status in G.THEME:
        for m, lead, others, due in measures:
            deadline = None if due == "长期坚持" else due.removesuffix("完成")
            # (each measure ends with its full stop, as it is written into the ledger)
            rows.append(
                (problem, m + "。", lead if others else None, others or lead, deadline, status)
            )
    return rows


def test_units_and_deadline_in_brackets_after_a_measure(docs, tmp_path):
    """ "（1）……（牵头单位：机关党委；责任单位：各科室）（2025年12月底前完成）。": the semicolon
    inside the bracket ends no measure, the lead and the units go to 牵头部门/责任部门, the second
    bracket is the deadline (before: the measure was cut at the semicolon, its "责任单位：各科室）"
    made its progress, and "底前完成" read as 已完成) — in Word, PDF, OFD and the text poppler
    copies out of the PDF."""
    fields = ("整改措施", "牵头部门", "责任部门", "整改时限", "整改状态")
    found = formats(docs, "theme_report", tmp_path, extra=(".ofd",))
    pdf = docs["theme_report"].with_suffix(".pdf")
    copied = tmp_path / "theme_report_copied.txt"
    subprocess.run(["pdftotext", str(pdf), str(copied)], check=True, timeout=60)
    found.append(one(copied, tmp_path / "txt"))
    for suffix, ledger, out, _ in found:
        assert "识别出 1 个方面、3 项问题、5 条整改措施" in out, suffix
        assert no_aspect(table(ledger, *fields)) == _theme_rows(), suffix
        assert all(not m.get("整改进展及成效") for m in ledger.measures), suffix
        assert warnings(out) == [BLANK_ASPECT.format(3)], suffix
    same_ledger(found)


def test_bracketed_units_with_their_deadline_in_pasted_text(docs, tmp_path):
    """A 方案 pasted as text, each measure ending in "（牵头单位：县发改局；责任单位：各乡镇；
    2026年6月底前完成）": the deadline after the units is the 整改时限 (before: it stayed in
    责任部门 as "各乡镇；2026年6月底前完成"). The unnumbered "整改任务" line is shown to the user."""
    want = [
        (
            aspect[2:],
            problem,
            m + "。",
            lead if others else None,
            others or lead,
            due.removesuffix("完成"),
        )
        for aspect, problems in G.BRACKETS
        for problem, measures in problems
        for m, lead, others, due in measures
    ]
    ledger, out = run_import(docs["brackets_plan.txt"], tmp_path)
    assert "识别出 2 个方面、3 项问题、5 条整改措施" in out
    assert table(ledger, "整改措施", "牵头部门", "责任部门", "整改时限") == want
    assert warnings(out) == ["第4行未能归入台账：“整改任务”"]


def test_inspection_plan_with_a_landscape_task_list_over_pages(docs, tmp_path):
    """A 生态环境保护督察整改方案 whose 附件 整改任务清单 (序号/问题/整改目标/整改措施/责任单位/
    完成时限) runs over three landscape pages, rows broken at the page foot: each numbered
    measure of a cell a row, the goal, the lead and the units on each — in Word, PDF and OFD."""
    want = [
        (problem, m, units.split("；")[0][5:], units.split("；")[1][5:], due, goal)
        for problem, goal, measures, units, due in G.ENV_TASKS
        for m in measures
    ]
    fields = ("整改措施", "牵头部门", "责任部门", "整改时限", "整改目标")
    found = formats(docs, "env_plan", tmp_path, extra=(".ofd",))
    for suffix, ledger, out, _ in found:
        assert "识别出 1 个方面、6 项问题、14 条整改措施" in out, suffix
        assert stripped(no_aspect(table(ledger, *fields))) == want, suffix
        assert warnings(out) == [BLANK_ASPECT.format(6)], suffix
    same_ledger(found)


def test_table_with_aspect_cells_merged_down(docs, tmp_path):
    """方面 merged down over its problems (Word's vertical merge; the PDF and OFD show it once):
    every problem under its 方面; 持续推进 is 正在推进."""
    status = {"持续推进": "正在推进"}
    want = [
        (aspect, problem, m, unit, due, status.get(told, told))
        for aspect, problems in G.MERGED_ASPECTS
        for problem, m, unit, due, told in problems
    ]
    found = formats(docs, "merged_aspect_table", tmp_path, extra=(".ofd",))
    for suffix, ledger, out, _ in found:
        assert "识别出 3 个方面、5 项问题、5 条整改措施" in out, suffix
        assert table(ledger, "整改措施", "责任部门", "整改时限", "整改状态") == want, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_plan_numbered_in_four_levels(docs, tmp_path):
    """一、part, （一）方面, 1.问题, （1）措施 with "责任单位：…；完成时限：…" after it."""
    want = [
        (aspect[3:], problem, m, unit, due)
        for aspect, problems in G.LEVELS
        for problem, measures in problems
        for m, unit, due in measures
    ]
    want = [(a.removeprefix("关于"), *rest) for a, *rest in want]
    found = formats(docs, "levels_plan", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、5 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "责任部门", "整改时限")) == want, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_public_table_of_an_inspection_on_a_web_page(docs, tmp_path):
    """A 督察整改落实情况公示 page whose article is the whole page (a short text beside the
    table): the site's menu of links and its "版权所有：…" foot are no part of the document and
    its <h1> is the title (before: the menu was taken for the title, the title and the foot were
    unplaced, and the page was read as 反馈意见); "达到序时进度，持续推进" is 正在推进 with what
    was said kept."""
    want = [
        (problem, m, unit, due, status, progress, goal)
        for (problem, goal, m, unit, due, _), status, progress in zip(
            G.ENV_PUBLIC,
            ["已完成", "正在推进", "基本完成"],
            [None, "达到序时进度。", None],
            strict=True,
        )
    ]
    fields = ("整改措施", "责任部门", "整改时限", "整改状态", "整改进展及成效", "整改目标")
    ledger, out = run_import(docs["env_public.html"], tmp_path)
    assert "已导入 整改情况报告" in out
    assert no_aspect(table(ledger, *fields)) == want
    assert ledger.info["报告标题"] == "云岭县省生态环境保护督察反馈问题整改落实情况公示"
    said = warnings(out)
    assert said[1:] == [BLANK_ASPECT.format(3)]
    assert "2 行不是文稿内容" in said[0] and "版权所有" in said[0]


def test_counts_of_an_aspect_told_without_a_day(docs, tmp_path):
    """ "该方面2个问题，已完成整改1个，基本完成1个。" / "该方面1个问题，持续推进1个。" after a
    方面's problems: the report's account (文稿段落), not the last measure's progress (before: it
    was, unless it opened with "截至……，"); measures "①……；②……" and 基本完成 read."""
    want = [
        (aspect[2:].removeprefix("关于"), problem, m, status)
        for aspect, problems, _ in G.CIRCLED_NOTICE
        for problem, measures, status in problems
        for m in measures
    ]
    found = formats(docs, "circled_notice", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、6 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert not any(m.get("整改进展及成效") for m in ledger.measures), suffix
        said = [t["内容"] for t in ledger.texts]
        assert said == [summary for _, _, summary in G.CIRCLED_NOTICE], suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_progress_cell_with_status_then_what_was_done(docs, tmp_path):
    """A 主题教育 检视问题整改清单's 整改进展 cell "正在推进，已兑现政策资金320万元": the status,
    and what was done stays the progress (before: the whole cell was taken for the status and
    the figure was lost)."""
    progress = ["已制定年度学习计划，开展集中学习研讨6次", None, "已兑现政策资金320万元。"]
    want = [
        (problem, m, lead, unit, due, status, said)
        for (problem, m, lead, unit, due, _, status), said in zip(
            G.THEME_TABLE, progress, strict=True
        )
    ]
    fields = ("整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "整改进展及成效")
    found = formats(docs, "theme_table", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 1 个方面、3 项问题、3 条整改措施" in out, suffix
        assert no_aspect(table(ledger, *fields)) == want, suffix
    same_ledger(found)


def test_notice_saved_as_a_single_file_page(docs, tmp_path):
    """A .mht page: "（一）……的问题" then "对照……的问题，采取了以下措施：一是……；二是……。"."""
    want = [(problem, m, status) for problem, measures, status in G.MHT_NOTICE for m in measures]
    ledger, out = run_import(docs["mht_notice.mht"], tmp_path)
    assert "识别出 1 个方面、2 项问题、4 条整改措施" in out
    assert stripped(no_aspect(table(ledger, "整改措施", "整改状态"))) == want
    assert warnings(out)[1:] == [BLANK_ASPECT.format(2)]
    assert ledger.texts[0]["章节"] == "下一步打算"


def test_kind_of_rectification_column_kept_in_the_note(docs, tmp_path):
    """A task list's 整改类型 column (立行立改 / 限期整改 / 长期坚持) has no column in the ledger:
    kept in 备注 as "整改类型：立行立改" (before: dropped without a word)."""
    found = formats(docs, "kinds_list", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 1 个方面、3 项问题、3 条整改措施" in out, suffix
        rows = no_aspect(table(ledger, "整改措施", "责任部门", "整改时限"))
        assert rows == [(p, m, unit, due) for p, m, _, unit, due in G.KINDS_LIST], suffix
        notes = [m.get("备注").split("；")[0] for m in ledger.measures]
        assert notes == [f"整改类型：{kind}" for _, _, kind, _, _ in G.KINDS_LIST], suffix
    same_ledger(found)


def test_units_and_deadline_in_brackets_after_a_problem(docs, tmp_path):
    """ "1.……问题突出（牵头单位：……；责任单位：……；整改时限：……）。" then "整改进展：……": the
    bracket is no part of the problem, its units and deadline its row's (before: the whole
    bracket stayed in the problem's title and the columns were empty)."""
    want = [
        (aspect[2:], problem, lead or None, units, due, status, progress)
        for aspect, problems in G.TAILED
        for problem, lead, units, due, progress, told in problems
        for status in ["已完成" if "已完成" in told else "正在推进"]
    ]
    fields = ("牵头部门", "责任部门", "整改时限", "整改状态", "整改进展及成效")
    found = formats(docs, "tailed_report", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、3 条整改措施" in out, suffix
        assert table(ledger, *fields) == want, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_measures_named_inside_taken_measures(docs, tmp_path):
    """ "对照……的问题，采取建立……制度、开展……培训等措施，已整改完成。": the measure is what was
    taken, without the problem said again around it (before: "对照……的问题，采取……等措施" was
    the measure); "截至目前，检视出的3个问题已完成整改2个，正在推进1个。" is the document's count
    (before: the last measure's progress)."""
    want = [
        (problem, measures, "2026年12月底" if status == "正在推进" else None, status)
        for problem, measures, status, _ in G.TAKEN
    ]
    ledger, out = run_import(docs["taken_notice.txt"], tmp_path)
    assert "识别出 1 个方面、3 项问题、3 条整改措施" in out
    rows = no_aspect(table(ledger, "整改措施", "整改时限", "整改状态"))
    assert stripped(rows) == want
    assert not any(m.get("整改进展及成效") for m in ledger.measures)
    assert [t["内容"] for t in ledger.texts] == [
        "截至目前，检视出的3个问题已完成整改2个，正在推进1个。"
    ]
    assert warnings(out) == [BLANK_ASPECT.format(3)]


# ---------------------------------------------------------------------------------------------


def test_first_sentence_ends_outside_brackets():
    text = "开展读书班（牵头单位：机关党委；责任单位：各科室）。会后形成报告。"
    assert P.first_sentence(text) == (
        "开展读书班（牵头单位：机关党委；责任单位：各科室）。",
        "会后形成报告。",
    )
    assert P.first_sentence("修订制度；召开会议。") == ("修订制度；", "召开会议。")
    # a bracket never closed (a line broken in a PDF): its stops still end the sentence
    assert P.first_sentence("修订制度（牵头单位：办公室；其余") == (
        "修订制度（牵头单位：办公室；",
        "其余",
    )


@pytest.mark.parametrize(
    ("text", "rest", "fields"),
    [
        (
            "建立储备库（牵头单位：县发改局；责任单位：各乡镇；2026年6月底前完成）",
            "建立储备库",
            {"牵头部门": "县发改局", "责任部门": "各乡镇", "整改时限": "2026年6月底前"},
        ),
        (
            "开展读书班（牵头单位：机关党委；责任单位：各科室）（2025年12月底前完成）。",
            "开展读书班",
            {"牵头部门": "机关党委", "责任部门": "各科室", "整改时限": "2025年12月底前"},
        ),
        ("开通热线（责任单位：城乡供水科）（立行立改）", "开通热线", {"责任部门": "城乡供水科", "整改时限": "立行立改"}),
        # a name's bracket before the deadline's stays in the text
        ("修订《采购办法》（2024年版）（2025年6月底前完成）", "修订《采购办法》（2024年版）", {"整改时限": "2025年6月底前"}),
        ("召开专题会议（每季度1次）", "召开专题会议（每季度1次）", {}),
        ("修订《采购办法》（2024年版）（牵头单位：办公室）", "修订《采购办法》（2024年版）", {"牵头部门": "办公室", "责任部门": "办公室"}),
    ],
)  # fmt: skip
def test_bracketed_tails(text, rest, fields):
    assert F.split_tail(text) == (rest, fields)


def test_a_deadline_in_brackets_is_not_a_status():
    assert F.trailing_status("对老旧管网实施改造（2026年6月底前完成）") is None
    assert F.trailing_status("对老旧管网实施改造（已完成）") == ("已完成", "对老旧管网实施改造")
    assert F.trailing_status("建立台账（长期坚持）") == ("长期坚持", "建立台账")


def test_taken_measures_and_self_examination_totals():
    assert P._TAKEN.match(
        "对照办文质量不高的问题，采取建立审核制度、开展写作培训等措施，已整改完成。"
    )
    assert P._TAKEN.match("针对这一问题，我局采取了以下措施：一是……") is None
    assert F.stated_figures("截至目前，检视出的3个问题已完成整改2个。") is not None
    assert F.stated_figures("排查发现问题12个，已完成整改10个。") is None  # a problem's own


def test_group_counts_with_or_without_a_day():
    assert P._GROUP_COUNT.match("该方面2个问题，已完成整改1个，基本完成1个。")
    assert P._GROUP_COUNT.match("该方面1个问题，持续推进1个。")
    assert P._GROUP_COUNT.match("截至2025年6月30日，该方面2个问题已完成整改1个。")
    assert not P._GROUP_COUNT.match("该方面问题较为突出，需持续推进。")
    assert not P._GROUP_COUNT.match("已完成整改2个问题。")


@pytest.mark.parametrize(
    ("cell", "status", "progress"),
    [
        ("正在推进，已兑现政策资金320万元", "正在推进", "已兑现政策资金320万元。"),
        ("已整改，已建立长效机制", "已完成", "已建立长效机制。"),
        ("已整改，长期坚持", "已完成", None),  # one status told twice: as before
        ("已完成", "已完成", None),
    ],
)
def test_status_then_account_in_a_progress_cell(cell, status, progress):
    fields = {"整改进展及成效": cell}
    F._status_from_progress(fields)
    assert (fields.get("整改状态"), fields.get("整改进展及成效")) == (status, progress)


def test_money_to_be_paid_by_a_day_is_a_plan():
    assert F.clause_status("剩余35.00万元正在整改，计划2025年12月底前拨付到位") == (
        "正在推进",
        "2025年12月底",
    )
    assert F.clause_status("正在整改，计划2025年6月底前清退到位") == ("正在推进", "2025年6月底")
    assert F.clause_status("计划2025年6月底前宣传到位") is None
