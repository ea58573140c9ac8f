"""``ledger-tools import`` on the ninth round of genre documents (``tests/genre_docs9.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them), imported through the
real command, the ledger read back and judged row by row (方面, 问题, 措施, 责任, 时限, 状态,
进展, 提醒) against the builders' own data.
"""

from __future__ import annotations

import genre_docs9 as G
import pytest
from office_pdf import convert_to_pdf
from test_import5 import same_ledger
from test_import6 import formats, table
from test_import_genre import warnings

from ledger_tools.importing import fields as F
from ledger_tools.importing import outline as O
from ledger_tools.importing.extract import Block, _table_header


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("genre9")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    convert_to_pdf(paths.values(), folder)
    return paths


def stripped(rows):
    return [(a, p, m.rstrip("。；") if m else m, *rest) for a, p, m, *rest in rows]


# ---------------------------------------------------------------------------------------------


def test_bold_problem_sentences_with_next_steps(docs, tmp_path):
    """Each problem a bold sentence of its own (commas in it; the PDF loses the bold), then
    "整改情况：一是……；二是……。目前……" and "下一步：……": the sentence is the problem, the
    enumeration its measures with the status told, the "下一步：" items its measures not yet
    started (before: the first "下一步：" became the document's 下一步打算, the second problem
    with a comma in its title was not a problem and its 二是 was)."""
    want = []
    for aspect, problems in G.BOLD_PROBLEMS:
        for problem, measures, status, nexts in problems:
            want += [(aspect[2:], problem.rstrip("。"), m, status) for m in measures]
            want += [(aspect[2:], problem.rstrip("。"), m, "未启动") for m in nexts]
    want = [(a.removeprefix("关于"), *rest) for a, *rest in want]
    found = formats(docs, "bold_problem_notice", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、8 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert warnings(out) == [], suffix
        assert all(t["章节"] != "下一步打算" for t in ledger.texts), suffix
    same_ledger(found)


def test_counting_measures_after_a_lead_in(docs, tmp_path):
    """ "针对这一问题，我局采取了以下措施：第一，……。第二，……。目前已整改到位。": the lead-in
    announcing the list is no part of the first measure; the "截至……已完成整改2个" paragraph of
    the overall part is the report's account, not a measure."""
    want = [
        ("", problem, m, status)
        for problem, measures, status in G.COUNTING_PROBLEMS
        for m in measures
    ]
    for suffix, ledger, out, _ in formats(docs, "counting_report", tmp_path):
        assert "识别出 1 个方面、3 项问题、7 条整改措施" in out, suffix
        rows = stripped(table(ledger, "整改措施", "整改状态"))
        assert [(a.replace("【方面未填】", ""), *rest) for a, *rest in rows] == want, suffix
        assert not any("以下措施" in m for _, _, m, _ in rows), suffix
        assert any(t["内容"].startswith("截至2025年6月30日") for t in ledger.texts), suffix


def test_merged_down_unit_and_deadline(docs, tmp_path):
    """责任单位 and 完成时限 merged down (Word's vertical merge) over a problem's measure rows:
    each measure row carries them."""
    want = [
        (problem, m, unit, deadline)
        for problem, measures, unit, deadline in G.MERGED_LIST
        for m in measures
    ]
    for suffix, ledger, out, _ in formats(docs, "merged_list", tmp_path):
        assert "识别出 1 个方面、3 项问题、6 条整改措施" in out, suffix
        assert [r[1:] for r in table(ledger, "整改措施", "责任部门", "整改时限")] == want, suffix


def test_two_column_problem_and_measure_table(docs, tmp_path):
    """A table of only "反馈问题 | 整改措施", the problem merged down: read as a task table (before:
    three named columns were required and nothing was imported, in Word or PDF)."""
    want = [(problem, m) for problem, measures, *_ in G.TWO_COLUMN for m in measures]
    for suffix, ledger, out, _ in formats(docs, "two_column_list", tmp_path):
        assert "识别出 1 个方面、3 项问题、6 条整改措施" in out, suffix
        assert [r[1:] for r in table(ledger, "整改措施")] == want, suffix


def test_two_column_header_needs_both_names():
    """Two cells are a header only when they are the problem and the measure; any other pair
    (or a pair of words in running text) is not."""
    assert F.table_columns([["反馈问题", "整改措施"]]) is not None
    assert F.table_columns([["存在问题", "整改情况"]]) is None
    assert F.table_columns([["问题", "备注"]]) is None
    assert _table_header("    反馈问题                    整改措施") is not None
    assert _table_header("    序号      备注") is None


def test_counts_of_a_group_of_problems(docs, tmp_path):
    """ "截至2025年6月30日，该方面2个问题已完成整改1个。" after a 方面's problems is the report's
    account of that 方面 (文稿段落), not the last measure's progress; "截至目前，已完成整改任务2项，
    剩余1项正在推进。" after a problem's measures stays its progress. A lone "一是……。" loses
    its "一是"."""
    want = [
        (aspect[3:], problem, m, status)
        for aspect, problems, _ in G.SUMMARIES
        for problem, measures, status, _ in problems
        for m in measures
    ]
    found = formats(docs, "summary_report", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、6 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        progress = [m.get("整改进展及成效") for p in ledger.problems for m in p.measures]
        assert progress == [None] * 4 + ["截至目前，已完成整改任务2项，剩余1项正在推进。", None]
        said = [t["内容"] for t in ledger.texts]
        assert [after for _, _, after in G.SUMMARIES] == [s for s in said if "该方面" in s]
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_rows_numbered_by_measure_in_a_landscape_annex(docs, tmp_path):
    """The 方案's 附件 in a landscape section: its table numbers the rows by measure, the
    problem written out again — one problem with two measures, and a note saying so."""
    for suffix, ledger, out, _ in formats(docs, "landscape_annex_plan", tmp_path):
        assert "识别出 1 个方面、2 项问题、3 条整改措施" in out, suffix
        assert [r[1:] for r in table(ledger, "整改措施", "责任领导", "责任部门", "整改时限")] == [
            tuple(t) for t in G.LANDSCAPE_TASKS
        ], suffix
        said = warnings(out)
        assert sum("序号不同，已作为同一问题的又一条措施" in w for w in said) == 1, suffix


def test_bold_sentence_heading_allows_commas():
    """A whole bold line with commas is a heading (a problem); one with a full stop inside or a
    colon is not."""
    line = "“一岗双责”落实不到位，部分班子成员履责记实不全。"
    assert O._heading(Block(line, "第1段", lead=line)) is not None
    two = "制度执行不严。部分科室未按期报送。"
    assert O._heading(Block(two, "第1段", lead=two)) is None


def test_members_named_with_post_in_brackets(docs, tmp_path):
    """A 民主生活会 list: the 班子's problems, then each member's under "王立军（局党组书记、局长）"
    (no "同志"): the member is the 责任领导 of his own problems (before: only "…同志" headings were
    read so); the 班子's stay without one."""
    want = [
        (head, problem, m, None if head == "领导班子" else head, "2025年12月底前")
        for head, problems in G.MEETING
        for problem, measures in problems
        for m in measures
    ]
    found = formats(docs, "meeting_list", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 3 个方面、5 项问题、5 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "责任领导", "整改时限")) == want, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_name_and_post_heading_needs_a_surname_and_a_title():
    from ledger_tools.importing import parse as P

    assert P._NAME_POST.match("欧阳明华（副局长）")
    assert not P._NAME_POST.match("组织生活（支部委员）")
    assert not P._NAME_POST.match("办公室（综合科）")
