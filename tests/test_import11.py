"""``ledger-tools import`` on the eleventh round of genre documents (``tests/genre_docs11.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them), some into a Word 97
.doc, an .odt or an .rtf; the web pages and the text as saved; imported through the real
command, the ledger read back and judged row by row (方面, 问题, 措施, 牵头部门, 责任部门, 时限,
状态, 进展, 提醒) against the builders' own data.
"""

from __future__ import annotations

import genre_docs11 as G
import pytest
from office_pdf import convert_to_pdf
from test_import5 import same_ledger
from test_import6 import table
from test_import_genre import run_import, warnings

from ledger_tools.importing import fields as F
from ledger_tools.importing import outline as O
from ledger_tools.importing import parse as P
from ledger_tools.importing.extract import Block

BLANK_ASPECT = (
    "有 {} 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
)
OTHER = {"prose_status_report": "doc", "signed_plan": "odt", "numbered_blocks_report": "rtf"}


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("genre11")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    if convert_to_pdf(paths.values(), folder):
        for name, to in OTHER.items():
            convert_to_pdf([paths[name]], folder, to=to)
    for file, build in G.OTHER_BUILDERS.items():
        paths[file] = build(folder / file)
    return paths


def formats(docs, name, tmp_path):
    """[(suffix, ledger, output, None)] for the .docx, its PDF and the other copy made of it."""
    found = []
    for k, suffix in enumerate((".docx", ".pdf", f".{OTHER.get(name, 'pdf')}")):
        path = docs[name].with_suffix(suffix)
        if k == 2 and name not in OTHER:
            break
        if not path.exists():
            pytest.skip("LibreOffice is not installed: no PDF or .doc to read")
        ledger, out = run_import(path, tmp_path / str(k))
        found.append((suffix, ledger, out, None))
    return found


def one(path, tmp_path):
    ledger, out = run_import(path, tmp_path)
    return ledger, out


def stripped(rows):
    return [tuple(v.rstrip("。；") if isinstance(v, str) else v for v in row) for row in rows]


# ---------------------------------------------------------------------------------------------


def test_problem_label_blocks_under_aspect_parts(docs, tmp_path):
    """ "（一）问题：……。" / "整改措施：一是……；二是……。" / "整改成效：正在推进。……": the label
    "问题：" is not part of the problem (before: the 问题 cell read "问题：森林防火……"), the
    first sentence of the 成效 is the status, the rest the last measure's 进展."""
    want = [
        (aspect.removeprefix("关于"), problem, m, status)
        for aspect, problems in G.BLOCKS
        for problem, measures, _, status in problems
        for m in measures
    ]
    progress = [
        result.split("。", 1)[1] if k == len(measures) - 1 else None
        for _, problems in G.BLOCKS
        for _, measures, result, _ in problems
        for k in range(len(measures))
    ]
    found = formats(docs, "blocks_report", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、6 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert [m.get("问题") for m in ledger.measures] == [w[1] for w in want], suffix
        assert [m.get("整改进展及成效") for m in ledger.measures] == progress, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_numbered_measures_under_a_label_then_the_result(docs, tmp_path):
    """ "整改措施：" on a line of its own, the measures "1.……" "2.……" under it, then "整改成效：
    正在整改。已排查培训机构46家。": the status and the result both kept (before: the whole
    line was taken as the status sentence and the result lost) — in Word, PDF and RTF."""
    want = [
        ("教育领域民生保障方面", problem, m, status)
        for problem, measures, _, status in G.NUMBERED_BLOCKS
        for m in measures
    ]
    found = formats(docs, "numbered_blocks_report", tmp_path)
    assert [f[0] for f in found] == [".docx", ".pdf", ".rtf"]
    for suffix, ledger, out, _ in found:
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert [m.get("整改进展及成效") for m in ledger.measures] == [
            None,
            None,
            None,
            "已排查培训机构46家。",
        ], suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_table_inside_a_report_with_status_in_its_progress(docs, tmp_path):
    """A 序号/问题/整改措施/责任单位/完成时限/整改进展 table between the report's prose parts:
    one row one measure, the status opening each 进展 cell read off it; the counts the prose
    states agree (no reminder but the blank 方面)."""
    want = [
        ("【方面未填】", p, m, u, t, status, told) for p, m, u, t, _, status, told in G.TABLE_ROWS
    ]
    fields = ("整改措施", "责任部门", "整改时限", "整改状态", "整改进展及成效")
    found = formats(docs, "table_report", tmp_path)
    for suffix, ledger, out, _ in found:
        assert table(ledger, *fields) == want, suffix
        assert warnings(out) == [BLANK_ASPECT.format(3)], suffix
        assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"], suffix
    same_ledger(found)


def test_bracketed_aspect_headings_in_pasted_text(docs, tmp_path):
    """ "【政治建设方面】" alone on a line is the 方面 (before: the first was unplaced, the second
    joined to the measure line above it as if the line had been broken there, and every problem
    was left without a 方面)."""
    ledger, out = one(docs["bracket_plan.txt"], tmp_path)
    assert "识别出 2 个方面、3 项问题、4 条整改措施" in out
    want = [
        (aspect, problem, m, unit, due)
        for aspect, problems in G.BRACKET_PLAN
        for problem, measures in problems
        for m, unit, due in measures
    ]
    assert stripped(table(ledger, "整改措施", "责任部门", "整改时限")) == want
    assert warnings(out) == []


def test_bracketed_heading_rules():
    """The class: a whole line 【……】 without sentence punctuation is a heading; a 【】 label
    the reader knows was rewritten before; a bracketed line with a sentence in it is text."""
    assert O._heading(Block("【作风建设方面】", "第1行")) == ("unnumbered", 1, "", "作风建设方面")
    assert O._heading(Block("【 整改工作开展情况 】", "第1行"))[3] == "整改工作开展情况"
    assert O._heading(Block("【打印本页】【关闭窗口】", "第1行")) is None
    assert O._heading(Block("【典型案例】某村会计挪用资金。", "第1行")) is None


def test_triangle_marks_on_a_web_page(docs, tmp_path):
    """ "▲问题一：" / "▲整改措施：" (the mark a site's editor sets before each part) are the
    problem's number and the label (before: nothing was recognised and no ledger written)."""
    ledger, out = one(docs["triangle_notice.html"], tmp_path)
    want = [
        ("【方面未填】", problem, m, status)
        for problem, measures, _, status in G.TRIANGLE
        for m in measures
    ]
    assert stripped(table(ledger, "整改措施", "整改状态")) == want
    assert warnings(out) == [BLANK_ASPECT.format(2)]


def test_status_told_in_prose_and_counts_that_agree(docs, tmp_path):
    """Each problem's measures "一是……；二是……。" end in its status told in prose ("该问题已完成
    整改。" "目前，该问题正在推进。" "该项工作需长期坚持。"); the counts "2个方面4个问题，已完成
    整改2个" agree — Word, PDF and Word 97."""
    want = [
        (aspect[3:], problem, m, status)
        for aspect, problems in G.PROSE
        for problem, measures, status in problems
        for m in measures
    ]
    found = formats(docs, "prose_status_report", tmp_path)
    assert [f[0] for f in found] == [".docx", ".pdf", ".doc"]
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、4 项问题、8 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert all(m.get("整改进展及成效") is None for m in ledger.measures), suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_units_at_the_end_of_the_problem_line(docs, tmp_path):
    """ "1.……问题。（牵头单位：县自然资源局；责任单位：各乡镇人民政府）" — the units after the
    problem's full stop are of all its measures (before: the bracket was the problem's 问题表现
    and the measures had no unit); "（完成时限：2025年底前）" and "（持续推进）" are each
    measure's 时限."""
    want = [
        (aspect[3:], problem, m, lead, unit, due)
        for aspect, problems in G.UNIT_ENDS
        for problem, lead, unit, measures in problems
        for m, due in measures
    ]
    found = formats(docs, "unit_ends_plan", tmp_path)
    for suffix, ledger, out, _ in found:
        fields = ("整改措施", "牵头部门", "责任部门", "整改时限")
        assert stripped(table(ledger, *fields)) == want, suffix
        assert all(m.get("问题表现") is None for m in ledger.measures), suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_kind_counts_of_a_campaign_notice(docs, tmp_path):
    """A 专项整治通报: "（一）违规收受礼品礼金类问题" is the 方面 though it does not say 方面;
    "共排查发现此类问题2个，已全部整改。" under it counts that kind — kept with the account of
    the work, not reminded as text that fits nowhere (before: two reminders)."""
    ledger, out = one(docs["campaign_notice.txt"], tmp_path)
    want = [
        (aspect[3:], problem, told.split("。")[0] + "。", status)
        for aspect, _, problems in G.CAMPAIGN
        for problem, told, status in problems
    ]
    assert table(ledger, "整改措施", "整改状态") == want
    assert warnings(out) == []
    said = [t["内容"] for t in ledger.texts]
    assert [c for _, c, _ in G.CAMPAIGN] == [s for s in said if s.startswith("共排查")]


def test_group_count_rules():
    """The class: a count of one kind or one 方面 ("此类问题2个"), either order of number and
    noun; a sentence about one problem is not one."""
    assert P._GROUP_COUNT.match("共排查发现此类问题2个，已全部整改。")
    assert P._GROUP_COUNT.match("发现该类问题3起，已整改2起。")
    assert P._GROUP_COUNT.match("此类3个问题已全部整改。")
    assert not P._GROUP_COUNT.match("共排查发现问题2个，已全部整改。")
    assert not P._GROUP_COUNT.match("个别干部节日期间收受购物卡。")


def test_joint_issuers_and_attachment_note(docs, tmp_path):
    """A plan issued by "中共桥头街道工作委员会 桥头街道办事处", signed by both, with an
    "附件：1.……" / "2.……" note before the 落款: the note and the 落款 are no measures; the
    党组织名称 and 单位名称 are the two issuers (before: both run together as each) — Word,
    PDF and .odt."""
    want = [
        (aspect[2:], problem, m, unit, due)
        for aspect, problems in G.SIGNED
        for problem, measures in problems
        for m, unit, due in measures
    ]
    found = formats(docs, "signed_plan", tmp_path)
    assert [f[0] for f in found] == [".docx", ".pdf", ".odt"]
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、2 项问题、3 条整改措施" in out, suffix
        assert stripped(table(ledger, "整改措施", "责任部门", "整改时限")) == want, suffix
        assert "党组织名称：中共桥头街道工作委员会\n" in out, suffix
        assert "单位名称：桥头街道办事处\n" in out, suffix
        assert "方案成文日期：2025年7月1日" in out, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_joint_issuer_rules():
    """The class: the second name starts with the place the party committee names; one office
    of a committee ("中共X县委员会办公室") is not two issuers."""
    assert F._joint_issuers("中共云岭县委员会云岭县人民政府") == (
        "中共云岭县委员会",
        "云岭县人民政府",
    )
    assert F._joint_issuers("中共北岭县林业局党组北岭县林业局") == (
        "中共北岭县林业局党组",
        "北岭县林业局",
    )
    assert F._joint_issuers("中共云岭县委员会办公室") is None
    assert F._joint_issuers("中共北岭县林业局党组") is None


def test_measure_over_a_page_break(docs, tmp_path):
    """A measure "（1）……，" broken by a hard page break (and, in the PDF, by the running
    header and "第 N 页 共 M 页" footer) is one measure; the header is listed as not imported."""
    want = [
        (aspect[3:], problem, m, status)
        for aspect, problems in G.LONG
        for problem, measures, status in problems
        for m in measures
    ]
    found = formats(docs, "long_report", tmp_path)
    for suffix, ledger, _, _ in found:
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert all(m.get("整改进展及成效") is None for m in ledger.measures), suffix
    assert warnings(found[0][2]) == []
    assert [w[:7] for w in warnings(found[1][2])] == ["页眉页脚、网页"]
    same_ledger(found)


def test_attached_ledger_after_the_body(docs, tmp_path):
    """The body gives only the counts; the 附件 台账 after the 落款 (序号/问题类别/具体问题/整改
    措施/责任单位/整改时限/整改状态) is the ledger: 问题类别 the 方面, the counts agree."""
    want = [(a, p, m, u, t, s) for a, p, m, u, t, s in G.ANNEX]
    found = formats(docs, "annex_report", tmp_path)
    for suffix, ledger, out, _ in found:
        fields = ("整改措施", "责任部门", "整改时限", "整改状态")
        assert table(ledger, *fields) == want, suffix
        assert warnings(out) == [], suffix
        assert "报告成文日期：2025年10月20日" in out, suffix
    same_ledger(found)


def test_status_in_the_problem_label(docs, tmp_path):
    """ "问题1（已完成）：……。" — the bracket between the number and the colon is the problem's
    status (before: the line was no problem at all and nothing was imported)."""
    ledger, out = one(docs["label_status.txt"], tmp_path)
    want = [
        ("【方面未填】", problem, m, status)
        for problem, measures, status in G.LABEL_STATUS
        for m in measures
    ]
    assert stripped(table(ledger, "整改措施", "整改状态")) == want
    assert warnings(out) == [BLANK_ASPECT.format(3)]


def test_numbered_status_rules():
    def text(line: str) -> str:
        return P._numbered_status([Block(line, "第1行")])[0].text

    assert text("问题2（正在推进）：村级集体经济薄弱。已确定项目3个。") == (
        "问题2：村级集体经济薄弱（正在推进）。已确定项目3个。"
    )
    assert text("问题一（已整改）：公务用车管理不规范") == "问题一：公务用车管理不规范（已整改）"
    # a bracket that tells no status stays where it is
    assert text("问题3（共性问题）：村务公开不及时。") == "问题3（共性问题）：村务公开不及时。"


def test_counts_that_disagree_with_the_statuses(docs, tmp_path):
    """ "审计指出的3个问题已全部整改完成" while one is 正在推进: reminded, and the reminder says
    the number found without "（含长期坚持2项）" when none of them is 长期坚持."""
    ledger, out = one(docs["miscount.html"], tmp_path)
    assert [p.status for p in ledger.problems] == [s for _, _, s in G.MISCOUNT]
    assert warnings(out)[0] == (
        "miscount.html：文中写明已整改3项（“审计指出的3个问题已全部整改完成。”），"
        "但导入的问题中已完成2项，请核对各问题的整改状态。"
    )


def test_aspects_marked_with_a_triangle_in_text(docs, tmp_path):
    """ "▲贯彻落实上级决策部署方面" alone on a line is the 方面 (before: with its mark dropped it
    was plain text — the first unplaced, the second written as the last measure's 进展)."""
    ledger, out = one(docs["marked_aspects.txt"], tmp_path)
    want = [
        (aspect, problem, m, status)
        for aspect, problem, measures, _, status in G.MARKED
        for m in measures
    ]
    assert stripped(table(ledger, "整改措施", "整改状态")) == want
    assert all(m.get("整改进展及成效") is None for m in ledger.measures)
    assert warnings(out) == []


def test_marked_heading_rules():
    """The class: only a marked line naming a 方面 (or a kind of problem) becomes a heading; a
    marked sentence or label stays text with its mark dropped."""
    blocks = [
        Block(t, "第1行")
        for t in ("▲全面从严治党方面", "◆违规使用公车类问题", "▲目前已整改到位", "▲整改措施：……")
    ]
    out = P._article_marks(blocks)
    assert [b.style for b in out] == [O.MARKED_HEADING_STYLE] * 2 + [""] * 2
    assert [b.text for b in out][2:] == ["目前已整改到位", "整改措施：……"]


def test_deadline_clause_closing_a_plan_measure(docs, tmp_path):
    """ "整改措施：……，2025年底前完成。" in a plan: "2025年底前" is the 时限 and leaves the measure
    (as the same words in a bracket do); "，持续推进。" is no date and stays — Word and PDF."""
    want = [
        (aspect[3:], problem, f"{measure}。", unit, due)
        for aspect, problems in G.CLAUSE_DUE
        for problem, measure, _, unit, due in problems
    ]
    found = formats(docs, "clause_due_plan", tmp_path)
    for suffix, ledger, out, _ in found:
        assert table(ledger, "整改措施", "责任部门", "整改时限") == want, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_deadline_clause_rules():
    assert P._CLAUSE_DUE.search("建立台账，2025年底前完成。").group(1) == "2025年底前"
    assert P._CLAUSE_DUE.search("建立台账，于2025年9月30日前完成").group(1) == "2025年9月30日前"
    # an object after the verb, or no "前": a sentence, not a deadline
    assert not P._CLAUSE_DUE.search("建立台账，2025年底前完成全覆盖。")
    assert not P._CLAUSE_DUE.search("建立台账，2025年6月已完成。")


def test_statuses_given_by_measure_number(docs, tmp_path):
    """ "整改进展：第（1）（2）项已完成，第（3）项长期坚持。" gives each numbered measure its own
    status (before: all three 长期坚持, "第（1）（2）项已完成。" left as the last one's 进展);
    "上述措施均已完成。" is a status sentence of them all (before: no status, only 进展)."""
    want = [
        (aspect[3:], problem, m, status)
        for aspect, problem, measures, _ in G.BY_NUMBER
        for m, status in measures
    ]
    found = formats(docs, "by_number_report", tmp_path)
    for suffix, ledger, out, _ in found:
        assert stripped(table(ledger, "整改措施", "整改状态")) == want, suffix
        assert all(m.get("整改进展及成效") is None for m in ledger.measures), suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_item_status_rules():
    assert P._item_statuses("其中第1、2项已完成，第3项正在推进。", 3) == (
        {0: "已完成", 1: "已完成", 2: "正在推进"},
        {},
        "",
    )
    # a number past the measures, or a clause that tells what was done, is left as written
    assert P._item_statuses("第4项已完成。", 3) == ({}, {}, "第4项已完成。")
    assert P._item_statuses("第1项措施完成了全县的排查工作。", 3)[0] == {}
    assert F.status_sentence("上述措施均已完成。") == ("已完成", "")
    assert F.status_sentence("上述问题已整改到位。") is None  # of all the problems: not this one's
    # the plan's date for them all, not their state (a 通报's "下一步计划" after its list)
    assert F.status_sentence("上述措施原计划于2024年4月底前完成，现已超期。") is None


def test_table_of_measures_under_each_problem_heading(docs, tmp_path):
    """ "（一）……的问题" over a table 整改措施/责任单位/完成时限/整改进展 with no 问题 column: the
    rows are that problem's measures (before: besides, each row made an untitled problem of its
    own — "识别出 5 项问题" — and a reminder that it was not found in the body)."""
    want = [
        ("【方面未填】", problem, m, unit, due, status, kept)
        for problem, measures in G.PER_PROBLEM_TABLES
        for m, unit, due, _, status, kept in measures
    ]
    fields = ("整改措施", "责任部门", "整改时限", "整改状态", "整改进展及成效")
    found = formats(docs, "per_problem_tables", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 1 个方面、2 项问题、3 条整改措施" in out, suffix
        assert table(ledger, *fields) == want, suffix
        assert warnings(out) == [BLANK_ASPECT.format(2)], suffix
    same_ledger(found)
