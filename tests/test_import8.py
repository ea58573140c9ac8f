"""``ledger-tools import`` on the eighth round of genre documents (``tests/genre_docs8.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them), two also saved as
Word 97 .doc, the .txt ones as a clerk pastes them, a 公众号 article saved as .html and a
government page saved as .mht; all imported through the real command, the ledger read back
and judged row by row (方面, 问题, 措施, 责任, 时限, 状态, 进展) against the builders' own data.
"""

from __future__ import annotations

import datetime as dt

import genre_docs8 as G
import pytest
from office_pdf import convert_to_pdf
from test_import5 import same_ledger
from test_import6 import formats, one, table
from test_import7 import check_findings
from test_import_genre import run_check, warnings

from ledger_tools.importing import fields as F


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Every document: the .docx and its PDF (two also as .doc) when LibreOffice is
    installed, the .txt and saved web pages."""
    folder = tmp_path_factory.mktemp("genre8")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    if convert_to_pdf(paths.values(), folder):
        convert_to_pdf([paths["about_paragraphs_report"], paths["annex_report"]], folder, to="doc")
    paths.update({name: build(folder / f"{name}.txt") for name, build in G.TXT_BUILDERS.items()})
    for name, (build, suffix) in G.HTML_BUILDERS.items():
        paths[name] = build(folder / f"{name}{suffix}")
    return paths


def stripped(rows):
    """Rows with each 措施 (third item) without its final stop."""
    return [(a, p, m.rstrip("。；") if m else m, *rest) for a, p, m, *rest in rows]


# ---------------------------------------------------------------------------------------------


def test_problems_as_paragraphs_starting_about(docs, tmp_path):
    """Each problem a paragraph "关于……的问题。一是……；二是……。目前已整改到位。": the 关于 line
    is the problem (quotes taken off a whole quoted name, kept on a part), the 一是/二是 its
    measures (never problems of their own), the closing sentence its status — in the Word
    file, its PDF and its Word 97 .doc."""
    want = [
        (aspect[5:], problem.strip("“”") if problem.endswith("”") else problem, m, status)
        for aspect, problems in G.ABOUT_PARAGRAPHS
        for problem, measures, status in problems
        for m in measures
    ]
    found = formats(docs, "about_paragraphs_report", tmp_path, extra=(".doc",))
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、5 项问题、9 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert [p.status for p in ledger.problems] == [
            s for _, ps in G.ABOUT_PARAGRAPHS for _, _, s in ps
        ], suffix
        assert warnings(out) == [], suffix
        assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"], suffix
        assert ledger.info["报告成文日期"] == dt.date(2024, 11, 20), suffix
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}
    same_ledger(found)


def test_about_paragraphs_without_aspect_headings(docs, tmp_path):
    """The same report pasted without its 方面 headings: the "关于" paragraphs straight under
    "二、反馈问题整改情况" are the problems (before: nothing was found and no ledger written)."""
    ledger, out, _ = one(docs["about_flat_txt"], tmp_path)
    assert "识别出 1 个方面、5 项问题、9 条整改措施" in out
    assert [(p.title, p.status) for p in ledger.problems] == [
        (problem.strip("“”") if problem.endswith("”") else problem, status)
        for _, problems in G.ABOUT_PARAGRAPHS
        for problem, _, status in problems
    ]
    said = warnings(out)
    assert len(said) == 1 and "没有写所属方面" in said[0], said
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]


def test_circled_problems_each_followed_by_its_account(docs, tmp_path):
    """Problems ①②③ on lines of their own, each followed by "整改情况：……。目前正在持续推进中。":
    the account is the measure, the prose the status ("已基本完成" → 基本完成)."""
    want = [
        (aspect[2:], problem, measure, status)
        for aspect, problems in G.CIRCLED_NOTICE
        for problem, measure, status in problems
    ]
    found = formats(docs, "circled_notice", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、5 项问题、5 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_half_width_numbers_with_responsibility_and_deadline_lines(docs, tmp_path):
    """ "(1)" problems, "1.……" measures, then "责任单位：县财政局、县审计局；责任人：张某某" and
    "完成时限：……" lines: each measure of the problem takes them, as written ("6月底" without
    its year: ``check`` takes the year and says so; "即时" it reads as 立行立改)."""
    ledger, out, xlsx = one(docs["half_paren_txt"], tmp_path)
    assert "识别出 2 个方面、3 项问题、5 条整改措施" in out
    want = [
        (aspect[2:], problem, m, unit, person, when)
        for aspect, problems in G.HALF_PAREN
        for problem, measures, unit, person, when in problems
        for m in measures
    ]
    assert stripped(table(ledger, "整改措施", "责任部门", "责任人", "整改时限")) == want
    assert warnings(out) == []
    output = run_check(xlsx)
    assert "整改时限" not in check_findings(output)
    assert "没有写年份（如 K4“6月底”）" in output


def test_list_over_pages_with_several_measures_in_a_cell(docs, tmp_path):
    """A 整改清单 of ten problems over two pages (header repeated, "— N —" page numbers): the
    numbered measures of a cell (paragraphs of their own) are rows of their own, each with the
    row's unit, person, deadline, status and progress (the status taken out of it)."""
    want = [
        ("【方面未填】", problem, m, unit, person, status)
        for problem, measures, unit, person, _, _, status in G.LONG_ROWS
        for m in measures
    ]
    found = formats(docs, "long_list", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 1 个方面、10 项问题、22 条整改措施" in out, suffix
        got = stripped(table(ledger, "整改措施", "责任部门", "责任人", "整改状态"))
        assert got == want, suffix
        assert [p.status for p in ledger.problems] == [r[-1] for r in G.LONG_ROWS], suffix
        first = ledger.problems[0].measures[0]
        assert first.get("整改时限") == dt.date(2025, 3, 31), suffix
        assert first.get("整改进展及成效") == "全县112个村均按季度公开。", suffix
        assert ledger.problems[5].measures[0].get("整改时限") == "长期坚持", suffix
        assert ledger.problems[8].measures[0].get("整改时限") == "立行立改", suffix
        said = warnings(out)
        assert len(said) == 1 and "没有写所属方面" in said[0], (suffix, said)
    same_ledger(found)


def test_plan_table_of_aspect_rows_and_deadline_words(docs, tmp_path):
    """方面 rows spanning the table, "1.……；2.……" in one cell, deadlines "2025年底前", "6月底",
    "即时", "长期坚持" kept as written; ``check`` reads every one of them."""
    want = [
        (aspect[2:], problem, m, unit, due)
        for aspect, problems in G.DEADLINE_PLAN
        for problem, measures, unit, due in problems
        for m in measures
    ]
    for suffix, ledger, out, xlsx in formats(docs, "deadline_plan", tmp_path):
        assert "识别出 2 个方面、4 项问题、7 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "责任部门", "整改时限")) == want, suffix
        assert warnings(out) == [], suffix
        assert ledger.info["方案成文日期"] == dt.date(2025, 1, 15), suffix
        assert "整改时限" not in check_findings(run_check(xlsx)), suffix


def test_county_report_of_townships_under_each_aspect(docs, tmp_path):
    """ "一、……方面" over "（一）石桥镇" over "1.……": the towns are not problems; each problem
    under a town takes it as its 责任部门, and a reminder per 方面 names the towns."""
    want = [
        (aspect[2:], problem, measure, town, status)
        for aspect, towns in G.TOWNSHIPS
        for town, problems in towns
        for problem, measure, status in problems
    ]
    found = formats(docs, "township_report", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、5 项问题、5 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "责任部门", "整改状态")) == want, suffix
        said = warnings(out)
        assert len(said) == 2, (suffix, said)
        assert all("按单位分列（石桥镇、青山乡）" in w and "责任部门" in w for w in said)
    same_ledger(found)


def test_county_notice_by_township_then_aspect(docs, tmp_path):
    """ "一、石桥镇" over "（一）基层党建方面": the town is no 方面 — its problems take it as their
    责任部门 and a reminder says so; the 方面 named under both towns is one 方面 (the stated
    "2个方面4项" agrees)."""
    ledger, out, _ = one(docs["town_parts_txt"], tmp_path)
    assert "识别出 2 个方面、4 项问题、4 条整改措施" in out
    want = sorted(
        (aspect, problem, measure, town, status)
        for town, aspects in G.TOWN_PARTS
        for aspect, problems in aspects
        for problem, measure, status in problems
    )
    assert sorted(stripped(table(ledger, "整改措施", "责任部门", "整改状态"))) == want
    said = warnings(out)
    assert len(said) == 2 and all("不是方面" in w for w in said), said
    assert "“石桥镇”" in said[0] and "“青山乡”" in said[1]


def test_each_enumerated_measure_with_its_own_status(docs, tmp_path):
    """ "一是……，已完成；二是……，正在推进；三是……，已完成": each measure its own status, the
    clause off its text (not its progress); "（2）……，计划2025年6月底前完成": its deadline, its
    status left blank (not said); "目前已改造8公里，正在持续推进中，计划……完成": the status and
    deadline read, "已改造8公里" kept as the progress."""
    ledger, out, _ = one(docs["item_status_txt"], tmp_path)
    assert "识别出 2 个方面、3 项问题、6 条整改措施" in out
    got = [
        (p, m.rstrip("。"), s, due)
        for _, p, m, s, due in table(ledger, "整改措施", "整改状态", "整改时限")
    ]
    assert got[:5] == [
        (problem, m, status, due)
        for _, problems in G.ITEM_STATUS
        for problem, measures, _ in problems
        for m, status, due in measures
    ]
    assert got[5] == ("供水管网漏损率高", "实施老旧管网改造12公里", "正在推进", "2025年10月底")
    last = ledger.problems[2].measures[0]
    assert last.get("整改进展及成效") == "已改造8公里。"
    assert all(not m.get("整改进展及成效") for p in ledger.problems[:2] for m in p.measures)
    assert [p.status for p in ledger.problems] == ["正在推进", None, "正在推进"]
    assert warnings(out) == []


def test_prose_report_with_two_attachments_after_its_date(docs, tmp_path):
    """A report of prose, its 附件说明 listing two attachments on two lines, then 落款 and date,
    then 附件1 (the task list: 问题类别 is the 方面, 具体问题 the problem) and 附件2 (a list of
    the rules made): the date is the report's, the second attachment line no paragraph of the
    text, the rules' table named as not imported."""
    want = [(r[0], r[1], r[2], r[3], r[5]) for r in G.ANNEX_ROWS]
    for suffix, ledger, out, xlsx in formats(docs, "annex_report", tmp_path):
        assert "识别出 2 个方面、4 项问题、4 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "责任部门", "整改状态")) == want, suffix
        assert ledger.info["报告成文日期"] == dt.date(2024, 12, 12), suffix
        assert [t["小标题"] for t in ledger.texts] == [
            "提高站位，扛牢整改政治责任",
            "建章立制，巩固整改成果",
        ], suffix
        said = warnings(out)
        assert len(said) == 1 and "制度名称" in said[0] and "不是问题清单" in said[0], said
        assert check_findings(run_check(xlsx)) <= {"责任领导", "整改时限", "完成时间"}


def test_attachments_titled_on_their_own_line(docs, tmp_path):
    """ "附件1：巡察整改任务清单" (the title after the colon) after the date starts the
    attachments as "附件1" alone does: the 落款 and date are no paragraphs of the text."""
    for suffix, ledger, out, _ in formats(docs, "annex_inline_report", tmp_path):
        assert "识别出 2 个方面、4 项问题、4 条整改措施" in out, suffix
        assert [p.title for p in ledger.problems] == [r[1] for r in G.ANNEX_ROWS], suffix
        assert ledger.info["报告成文日期"] == dt.date(2024, 12, 12), suffix
        assert [t["内容"] for t in ledger.texts] == [
            "局党组把巡察整改作为重大政治任务，主要负责同志亲自部署、亲自督办。"
        ], suffix
        said = warnings(out)
        assert len(said) == 1 and "制度名称" in said[0], (suffix, said)


def test_prose_report_with_attachments_as_word97(docs, tmp_path):
    """The same report saved as Word 97 .doc: the task list is read as in the .docx (what the
    conversion makes of the second attachment is reported, never imported)."""
    path = docs["annex_report"].with_suffix(".doc")
    if not path.exists():
        pytest.skip("LibreOffice is not installed: no .doc to read")
    ledger, out, _ = one(path, tmp_path)
    assert "识别出 2 个方面、4 项问题、4 条整改措施" in out
    assert [p.title for p in ledger.problems] == [r[1] for r in G.ANNEX_ROWS]
    assert ledger.info["报告成文日期"] == dt.date(2024, 12, 12)
    assert len(ledger.texts) == 2


def test_wechat_article_with_bold_headings(docs, tmp_path):
    """A 公众号 article saved from the browser: bold 方面 headings, "问题一：" in bold with the
    problem, "整改情况：……" paragraphs; the account's credits are furniture."""
    ledger, out, xlsx = one(docs["wechat_bold_html"], tmp_path)
    assert "识别出 2 个方面、3 项问题、3 条整改措施" in out
    want = [
        (aspect[2:], problem, measure, status)
        for aspect, problems in G.WECHAT_BOLD
        for problem, measure, status in problems
    ]
    assert stripped(table(ledger, "整改措施", "整改状态")) == want
    said = warnings(out)
    assert len(said) == 1 and "不是文稿内容" in said[0], said
    assert ledger.info["报告成文日期"] == dt.date(2024, 10, 16)


def test_government_page_saved_as_mht(docs, tmp_path):
    """A notice saved as one .mht file (GB2312, base64): "问题1：……" / "整改措施及结果：一是……。
    二是……。" / "目前已整改到位并长期坚持。"."""
    ledger, out, _ = one(docs["mht_notice"], tmp_path)
    assert "识别出 2 个方面、3 项问题、6 条整改措施" in out
    want = [
        (aspect[4:], problem, m, "长期坚持")
        for aspect, problems in G.MHT_NOTICE
        for problem, measures in problems
        for m in measures
    ]
    assert stripped(table(ledger, "整改措施", "整改状态")) == want
    assert warnings(out) == []
    assert ledger.info["通报标题"] == "云溪县档案馆关于巡察整改情况的通报"


def test_plan_copied_out_of_a_pdf_with_page_numbers(docs, tmp_path):
    """Lines broken inside sentences and "— N —" between pages: each sentence whole again,
    the page numbers gone, every measure with its unit and deadline."""
    ledger, out, _ = one(docs["pdf_copy_txt"], tmp_path)
    assert "识别出 2 个方面、3 项问题、5 条整改措施" in out
    want = [
        (aspect[2:], problem, m, unit, due)
        for aspect, problems in G.PDF_COPY
        for problem, measures, unit, due in problems
        for m in measures
    ]
    assert stripped(table(ledger, "整改措施", "责任部门", "整改时限")) == want
    assert warnings(out) == []
    assert ledger.info["方案成文日期"] == dt.date(2025, 2, 10)


def test_measures_each_followed_by_a_line_of_spaced_fields(docs, tmp_path):
    """ "责任领导：王某某  责任单位：县民政局  完成时限：2025年6月底" under each measure (no
    semicolons between the fields): each field to its column, of that measure only."""
    want = [
        (aspect[2:], problem, m, lead, unit, due)
        for aspect, problems in G.SPACED_FIELDS
        for problem, measures in problems
        for m, lead, unit, due in measures
    ]
    found = formats(docs, "spaced_fields_plan", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、4 条整改措施" in out, suffix
        got = stripped(table(ledger, "整改措施", "责任领导", "责任部门", "整改时限"))
        assert got == want, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_progress_column_telling_the_status_in_prose(docs, tmp_path):
    """进展 cells "目前已整改到位", "正在持续推进中，已完成60%", "已基本完成", "已建立长效机制，
    长期坚持": each status read (the last from its closing clause, the rest kept as progress);
    the form's "填报单位：…　填报时间：…" line gives the unit and the date."""
    for suffix, ledger, out, _ in formats(docs, "prose_progress_list", tmp_path):
        assert "识别出 1 个方面、4 项问题、4 条整改措施" in out, suffix
        assert [p.status for p in ledger.problems] == [r[-1] for r in G.PROSE_ROWS], suffix
        assert [m for _, _, m in table(ledger, "责任部门")] == [r[2] for r in G.PROSE_ROWS]
        assert ledger.problems[3].measures[0].get("整改进展及成效") == "已建立长效机制。"
        said = warnings(out)
        assert len(said) == 1 and "没有写所属方面" in said[0], (suffix, said)
        assert ledger.info["单位名称"] == "云溪县教育局", suffix
        assert ledger.info["报告成文日期"] == dt.date(2024, 12, 20), suffix


def test_numbered_measures_then_a_progress_paragraph(docs, tmp_path):
    """ "1.……的问题" over "（1）……" "（2）……" and "整改进度：……": the 整改进度 label is read as
    progress, its status (whole, or the closing clause "正在持续推进中") is the problem's."""
    want = [
        (aspect[4:], problem[:-3], m, status)
        for aspect, problems in G.NUMBERED_MEASURES
        for problem, measures, _, status in problems
        for m in measures
    ]
    found = formats(docs, "numbered_measures_notice", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、5 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert ledger.problems[1].measures[-1].get("整改进展及成效") == "已清退资金3.2万元。"
        assert all(
            "整改进度" not in (m.get("整改进展及成效") or "")
            for p in ledger.problems
            for m in p.measures
        ), suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_report_with_a_problem_told_without_measures(docs, tmp_path):
    """A problem with no measure under it keeps a row with 整改措施 blank (said in the
    output); "计划年内完成" stays in the measure, no deadline made up from it."""
    ledger, out, _ = one(docs["unsure_report"], tmp_path)
    assert "识别出 2 个方面、4 项问题、3 条整改措施" in out
    assert "其中 1 项问题文中没有写明整改措施" in out
    assert [(p.title, p.status) for p in ledger.problems] == [
        ("农村公路安全隐患排查不彻底", "基本完成"),
        ("道路运输企业安全主体责任落实不到位", "已完成"),
        ("部分工程项目未按期交工验收", None),
        ("工程款支付审核不严", "正在推进"),
    ]
    first = ledger.problems[0].measures[0]
    assert "计划年内完成" in first.get("整改措施") and first.get("整改时限") is None


def test_one_column_for_the_unit_and_the_person(docs, tmp_path):
    """ "责任单位及责任人" cells "县财政局　张某某", "责任单位：县审计局；责任人：李某某",
    "县审计局办公室，王某某": the unit to 责任部门, the person to 责任人; two units stay
    together; "①……；②……" and "（1）……；（2）……" cells are two measures each."""
    want = [
        (problem, m, unit, person, status)
        for problem, _, measures, _, unit, person, _, status in G.DUTY_ROWS
        for m in measures
    ]
    found = formats(docs, "duty_table", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 1 个方面、4 项问题、6 条整改措施" in out, suffix
        got = [r[1:] for r in stripped(table(ledger, "整改措施", "责任部门", "责任人", "整改状态"))]
        assert got == want, suffix
    same_ledger(found)


# ---------------------------------------------------------------------------------------------
# The pieces.


def test_form_line_under_a_table():
    info: dict[str, str] = {}
    assert F.read_filled_by(info, "填报单位（盖章）：某县统计局　填报时间：2025年1月6日", "report")
    assert info == {"单位名称": "某县统计局", "报告成文日期": "2025-01-06"}
    info = {"单位名称": "某县统计局（文中）"}
    assert F.read_filled_by(info, "填报单位：某县统计局 联系电话：0710-1234567", "plan")
    assert info == {"单位名称": "某县统计局（文中）", "联系电话": "0710-1234567"}
    assert not F.read_filled_by({}, "本次填报单位共有12个。", "report")


@pytest.mark.parametrize(
    ("cell", "unit", "person"),
    [
        ("县财政局张某某", "县财政局", "张某某"),
        ("县财政局张伟", "县财政局", "张伟"),
        ("县民政局局长刘洋", "县民政局", "刘洋（局长）"),
        ("县审计局办公室，王某某", "县审计局办公室", "王某某"),
        ("县财政局、县审计局 张某某", "县财政局、县审计局", "张某某"),
        ("县财政局、县审计局", "县财政局、县审计局", None),
        ("县财政局预算股", "县财政局预算股", None),
        ("县委办、县府办", "县委办、县府办", None),
    ],
)
def test_unit_and_person_in_one_cell(cell, unit, person):
    fields = {"责任部门": cell}
    F._units_and_people(fields, ["责任单位及责任人"], {0: "责任部门"})
    assert (fields["责任部门"], fields.get("责任人")) == (unit, person)


def test_unit_column_alone_is_never_split():
    """Under a header naming only the unit, a name-like ending is part of the unit's name."""
    fields = {"责任部门": "县财政局王家"}
    F._units_and_people(fields, ["责任单位"], {0: "责任部门"})
    assert fields == {"责任部门": "县财政局王家"}


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("整改工作正在有序推进。", "正在推进"),
        ("此项整改已完成。", "已完成"),
        ("该项工作已完成。", "已完成"),
        ("目前已整改到位。", "已完成"),
        ("已完成清产核资，正在建设平台。", None),
    ],
)
def test_status_told_in_prose(sentence, status):
    found = F.status_sentence(sentence)
    assert (found[0] if found else None) == status
