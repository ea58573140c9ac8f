"""``ledger-tools import`` on the seventh round of genre documents (``tests/genre_docs7.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them, a real text layer),
one also saved as a Word 97 .doc, the .txt ones written as a clerk pastes them from a web page
or a 公众号 article; all imported through the real command, the ledger read back and judged row
by row (方面, 问题, 措施, 责任, 时限, 状态, 完成时间, 进展) against the builders' own data, then
``check`` run on it: every error it reports must be about a column the document never fills.
"""

from __future__ import annotations

import datetime as dt
import re

import genre_docs7 as G
import pytest
from office_pdf import convert_to_pdf
from test_import5 import same_ledger
from test_import6 import BLANK_ASPECT, formats, one, table
from test_import_genre import run_check, warnings

from ledger_tools.importing import fields as F


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Every document: the .docx, its PDF and (zhendui_notice) its .doc when LibreOffice is
    installed, the .txt ones."""
    folder = tmp_path_factory.mktemp("genre7")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    if convert_to_pdf(paths.values(), folder):
        convert_to_pdf([paths["zhendui_notice"]], folder, to="doc")
    paths.update({name: build(folder / f"{name}.txt") for name, build in G.TXT_BUILDERS.items()})
    return paths


def check_findings(output: str) -> set[str]:
    """What ``check`` calls an error, by kind: the column a required value is missing from
    ("责任领导"), "完成时间" for a finished row without its day, else the message itself (so
    an error of any other kind shows up whole in a failed assertion)."""
    kinds = set()
    errors = output.split("错误（", 1)[1].split("\n\n", 1)[0] if "错误（" in output else ""
    for line in errors.splitlines()[1:]:
        message = re.sub(r"^\s*\S+![A-Z]+\d+\s+", "", line).strip()
        if m := re.match(r"“(.+?)”是必填项", message):
            kinds.add(m.group(1))
        elif "都没有填写" in message:
            kinds.add("责任部门")
        elif "没有填写完成时间" in message:
            kinds.add("完成时间")
        elif message:
            kinds.add(message)
    return kinds


def a_day(text: str | None) -> dt.date | None:
    """ "2024年10月15日" / "2024.12.20" as a date."""
    if text is None:
        return None
    year, month, day = map(int, re.findall(r"\d+", text))
    return dt.date(year, month, day)


def measures_of(ledger, *names):
    """(问题, 措施 without its final stop, *names) of every row."""
    return [(p, m.rstrip("。；"), *rest) for _, p, m, *rest in table(ledger, "整改措施", *names)]


# ---------------------------------------------------------------------------------------------


def test_notice_answering_listed_problems_one_by_one(docs, tmp_path):
    """Under each 方面 a paragraph lists the problems "巡察指出的问题：一是……。二是……。", and a
    paragraph "针对……的问题，……" / "针对“……”问题，……" answers each (one of them "一是……；
    二是……"): the list gives the problems, each answer its measures and status — in the Word
    file, its PDF and its Word 97 .doc."""
    want = [
        (aspect[3:], problem, m, status, due)
        for aspect, problems in G.ZHENDUI_NOTICE
        for problem, measures, status, due in problems
        for m in measures
    ]
    found = formats(docs, "zhendui_notice", tmp_path, extra=(".doc",))
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、5 项问题、6 条整改措施" in out, suffix
        got = [
            (a, p, m.rstrip("。"), s, due)
            for a, p, m, s, due in table(ledger, "整改措施", "整改状态", "整改时限")
        ]
        assert got == want, suffix
        assert [p.status for p in ledger.problems] == [
            p[2] for _, ps in G.ZHENDUI_NOTICE for p in ps
        ]
        assert warnings(out) == [], suffix
        assert ledger.info["报告成文日期"] == dt.date(2024, 12, 10), suffix
        assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"], suffix
        # (a 通报 names no one responsible, and no day of completion)
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}
    same_ledger(found)


def test_answers_without_a_list_are_the_problems(docs, tmp_path):
    """The same notice pasted from its web page, without the lists: each "针对……问题，……"
    paragraph is a problem (its name taken out of the quotes or "……的问题") and its measures."""
    ledger, out, xlsx = one(docs["zhendui_web_txt"], tmp_path)
    assert "识别出 2 个方面、5 项问题、6 条整改措施" in out
    assert [(p.title, p.status) for p in ledger.problems] == [
        (p[0], p[2]) for _, ps in G.ZHENDUI_NOTICE for p in ps
    ]
    assert [m.rstrip("。") for _, _, m in table(ledger, "整改措施")] == [
        m for _, ps in G.ZHENDUI_NOTICE for p in ps for m in p[1]
    ]
    said = warnings(out)
    assert len(said) == 1 and "不是文稿内容" in said[0], said
    assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}


def test_answer_naming_no_listed_problem_is_a_reminder(tmp_path):
    """An answer whose problem is not in the list before it: imported as a problem of its own,
    and a reminder says so (not silently joined to the last problem of the list)."""
    from test_import_genre import run_import

    text = "\n".join(
        [
            "中共某县统计局党组关于巡察整改进展情况的通报",
            "一、反馈问题整改情况",
            "（一）统计数据质量方面",
            "存在问题：一是统计台账不健全。二是数据审核把关不严。",
            "针对统计台账不健全的问题，统一各专业统计台账格式。已整改到位。",
            "针对数据审核把关不严的问题，建立数据三级审核制度。已整改到位。",
            "针对统计执法检查覆盖面不广的问题，制定年度执法检查计划。正在推进。",
            "中共某县统计局党组",
            "2025年1月8日",
        ]
    )
    path = tmp_path / "aimed.txt"
    path.write_text(text + "\n", encoding="utf-8")
    ledger, out = run_import(path, tmp_path / "out")
    assert [(p.title, p.status) for p in ledger.problems] == [
        ("统计台账不健全", "已完成"),
        ("数据审核把关不严", "已完成"),
        ("统计执法检查覆盖面不广", "正在推进"),
    ]
    said = warnings(out)
    assert (
        len(said) == 1 and "“针对统计执法检查覆盖面不广问题”在本方面列出的问题中没有找到" in said[0]
    )


def test_report_of_quoted_headings_with_progress_and_next_steps(docs, tmp_path):
    """ "（一）关于“……”问题的整改情况" / "整改进展：……" / "下步打算：2025年5月底前完成……": the
    problem from the quotes, its measure and progress, and the next step a measure not started
    yet whose deadline is the date it names."""
    want = []
    for aspect, problems in G.PROGRESS_PLAN_REPORT:
        for problem, measure, progress, status, plan in problems:
            want.append((aspect[4:], problem, measure, status, None, progress))
            if plan:
                due = re.match(r"\d{4}年\d{1,2}月底前", plan).group(0)
                want.append((aspect[4:], problem, plan.rstrip("。"), "未启动", due, None))
    found = formats(docs, "progress_plan_report", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、4 项问题、6 条整改措施" in out, suffix
        got = [
            (a, p, m.rstrip("。"), s, due, progress)
            for a, p, m, s, due, progress in table(
                ledger, "整改措施", "整改状态", "整改时限", "整改进展及成效"
            )
        ]
        assert got == want, suffix
        assert [p.status for p in ledger.problems] == [
            "已完成",
            "正在推进",
            "长期坚持",
            "正在推进",
        ], suffix
        assert warnings(out) == [], suffix
        assert ledger.info["主送机关"] == "区委巡察工作领导小组"
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}
    same_ledger(found)


def test_audit_report_with_amounts_and_counts(docs, tmp_path):
    """An 审计整改 report: "（一）预算管理方面" are the 方面, "1.……，涉及金额126.40万元。" the
    problem (the sum stays in its wording, so the documents rendered from the ledger say it),
    "整改情况：已整改。……" the status and the results; "审计指出问题3类6个……已整改4个，正在
    整改2个" agrees, so no reminder."""
    found = formats(docs, "audit_amounts_report", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 3 个方面、6 项问题、6 条整改措施" in out, suffix
        assert [a.title for a in ledger.aspects] == ["预算管理方面", "财务管理方面", "政府采购方面"]
        want = [
            (f"{problem}，涉及金额{amount}万元", status)
            for _, problems in G.AUDIT_AMOUNTS
            for problem, amount, _, _, status in problems
        ]
        got = [(p.title, p.status) for p in ledger.problems]
        assert got == want, suffix
        # what was done is the measure; a sentence that tells the result is its progress too
        assert ledger.problems[1].measures[0].get("整改进展及成效").startswith("已收回结余资金")
        assert warnings(out) == [], suffix
        assert ledger.info["主送机关"] == "市审计局"
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}
    same_ledger(found)


def test_notice_with_appendix_table_of_other_columns(docs, tmp_path):
    """The body names each problem and its status ("……的问题。已建立长效机制，需长期坚持。");
    the 附件 "整改情况一览表" adds the measure, 责任单位 and 完成时限, one row wording its
    problem more fully than the body: each row fills the body's problem (no duplicate, no
    reminder), and the body's "已建立长效机制" is the progress of the table's measure, not a
    measure of its own."""
    want = [
        (aspect[3:], problem, measure, unit, due, status)
        for aspect, problems in G.APPENDIX_NOTICE
        for problem, measure, unit, due, status in problems
    ]
    found = formats(docs, "appendix_notice", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、4 项问题、4 条整改措施" in out, suffix
        got = table(ledger, "整改措施", "责任部门", "整改时限", "整改状态")
        assert got == want, suffix
        assert [m.get("整改进展及成效") for m in ledger.measures] == [
            None,
            "已建立长效机制。",
            None,
            None,
        ], suffix
        assert warnings(out) == [], suffix
        assert check_findings(run_check(xlsx)) <= {"责任领导", "完成时间"}
    same_ledger(found)


def test_plan_table_with_mixed_deadlines_over_pages(docs, tmp_path):
    """A 方案 table whose 完成时限 mixes exact days, a dotted day, a month, "长期坚持",
    "立行立改" and "立行立改、长期坚持", over two pages with its header repeated (the PDF):
    an exact day becomes a date cell, the rest stay as written, and ``check`` reads every one
    (no error about a deadline)."""
    want = []
    for problem, measure, leader, unit, due in G.MIXED_DEADLINES:
        day = F.exact_date(due)
        want.append((problem, measure, leader, unit, day or due))
    found = formats(docs, "mixed_deadline_plan", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 1 个方面、5 项问题、10 条整改措施" in out, suffix
        assert [
            (p, m, lead, unit, due)
            for _, p, m, lead, unit, due in table(
                ledger, "整改措施", "责任领导", "责任部门", "整改时限"
            )
        ] == want, suffix
        said = warnings(out)
        assert len(said) == 1 and BLANK_ASPECT in said[0], said
        # (a plan says no status; the table names no 方面)
        assert check_findings(run_check(xlsx)) <= {"方面", "整改状态"}
    same_ledger(found)


def test_list_with_ticked_status_columns(docs, tmp_path):
    """整改情况 split into "已完成 | 正在推进" under a merged header, a "√" in one of them: the
    ticked column is the status; the second header row is no row of data, and in the PDF
    (both header rows repeated on the next page) neither is the repeat. The note above the
    table explaining the ticks is listed once."""
    want = [
        (aspect, problem, measure, unit, due, status)
        for aspect, problem, measure, unit, due, status in G.TICK_ROWS
    ]
    found = formats(docs, "tick_list", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 4 个方面、12 项问题、12 条整改措施" in out, suffix
        assert table(ledger, "整改措施", "责任部门", "整改时限", "整改状态") == want, suffix
        said = warnings(out)
        assert len(said) == 1 and "说明：整改情况栏中" in said[0], said
        output = run_check(xlsx)
        assert "重复了表头" not in output, suffix
        assert check_findings(output) <= {"责任领导", "完成时间"}
    same_ledger(found)


def test_ticks_in_two_columns_are_not_guessed(tmp_path):
    """A row ticked under both "已完成" and "正在推进": no status is guessed, a reminder names
    the row."""
    from genre_docs import write_txt
    from test_import_genre import run_import

    rows = [
        "序号\t存在问题\t整改措施\t整改情况\t整改情况",
        "\t\t\t已完成\t正在推进",
        "1\t台账不全\t补齐台账资料\t√\t",
        "2\t制度不全\t修订管理制度\t√\t√",
    ]
    path = write_txt(tmp_path / "ticks.txt", "某局巡察整改问题清单\n" + "\n".join(rows) + "\n")
    ledger, out = run_import(path, tmp_path / "out")
    assert [p.status for p in ledger.problems] == ["已完成", None]
    said = [w for w in warnings(out) if BLANK_ASPECT not in w]
    assert len(said) == 1 and "同时勾选了“已完成”“正在推进”" in said[0], said


def test_report_of_semicolon_measures_after_label(docs, tmp_path):
    """ "整改措施：一是……；二是……；三是……。" in one paragraph: one measure each; the
    "整改成效：" after them is the last one's progress; the status sentence the problem's."""
    want = [
        (problem, m, status)
        for problem, measures, _, status in G.SEMICOLON_REPORT
        for m in measures
    ]
    found = formats(docs, "semicolon_report", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 1 个方面、3 项问题、8 条整改措施" in out, suffix
        assert measures_of(ledger, "整改状态") == want, suffix
        assert ledger.problems[1].measures[0].get("整改时限") == "2025年5月底"
        assert warnings(out) == [], suffix
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}
    same_ledger(found)


def test_report_of_semicolon_lists_written_every_way(docs, tmp_path):
    """ "一是……；二是……" unlabelled, after "整改措施及结果：", after a lead-in "针对这一问题，"
    (which is no measure), and plain clauses between semicolons (three tasks, none a result:
    three measures); "修订……；已追回……" stays one measure and its result; "已于2024年10月15日
    整改完成" is the status and the day it was done."""
    ledger, out, xlsx = one(docs["semicolon_variants_txt"], tmp_path)
    assert "识别出 1 个方面、5 项问题、12 条整改措施" in out
    assert measures_of(ledger, "整改状态", "整改时限") == [
        (problem, m, status, due)
        for problem, _, measures, status, due in G.SEMICOLON_VARIANTS
        for m in measures
    ]
    assert ledger.measures[-1].get("整改进展及成效") == "已追回违规发放的补贴1.2万元。"
    assert [m.get("完成时间") for m in ledger.problems[2].measures] == [dt.date(2024, 10, 15)] * 2
    assert warnings(out) == []
    assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}


def test_plan_naming_members_post_first(docs, tmp_path):
    """A 民主生活会 方案 naming the members post first — "（二）局党组书记、局长王立军同志",
    "（三）党组成员、副局长欧阳晓明同志" (a two-character surname) — and "（责任人：副局长李红梅；
    完成时限：……）" on a line of its own after the measures: the 责任领导 of a member's own
    problems is "王立军（局党组书记、局长）", the 责任人 "李红梅（副局长）", the ledger's way."""
    want = []
    for _, leader, problems in G.POST_FIRST_PLAN:
        for problem, measures, owner, due in problems:
            person = F.name_then_post(owner) if owner else None
            lead = f"{leader[0]}（{leader[1]}）" if leader else None
            want += [(problem, m, lead, person, due) for m in measures]
    found = formats(docs, "post_first_plan", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 3 个方面、4 项问题、6 条整改措施" in out, suffix
        assert measures_of(ledger, "责任领导", "责任人", "整改时限") == want, suffix
        assert [a.title for a in ledger.aspects] == [
            "领导班子",
            "局党组书记、局长王立军同志",
            "党组成员、副局长欧阳晓明同志",
        ]
        assert warnings(out) == [], suffix  # (the opening "……制定本整改方案。" is no reminder)
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改状态"}
    same_ledger(found)


def test_post_and_name_told_apart():
    """The person after a post: two or three characters, four after a two-character surname;
    what follows a post is no name when it is a post or a unit itself."""
    assert F.name_then_post("副局长李红梅") == "李红梅（副局长）"
    assert F.name_then_post("局长王长军") == "王长军（局长）"  # (长 in the name)
    assert F.name_then_post("局长王军") == "王军（局长）"
    assert F.name_then_post("党组成员、副局长欧阳晓明") == "欧阳晓明（党组成员、副局长）"
    assert F.name_then_post("局长王立军，副局长李红梅") == "王立军（局长）、李红梅（副局长）"
    for kept in ("县长助理", "分管副区长", "校长办公室主任", "区委常委、常务副区长", "陈志远"):
        assert F.name_then_post(kept) == kept


def test_member_whose_name_cannot_be_told_is_a_reminder(tmp_path):
    """ "（二）党组书记、局长同志" (no name after the post): the 责任领导 is left blank and a
    reminder says why, rather than a guess; "（三）副局长王军同志" is 王军（副局长）."""
    from genre_docs import write_txt
    from test_import_genre import run_import

    text = "\n".join(
        [
            "中共某县统计局党组民主生活会整改方案",
            "一、整改任务",
            "（一）领导班子存在的问题及整改措施",
            "1.调查研究不够深入。",
            "整改措施：班子成员每季度开展一次专题调研。",
            "（二）党组书记、局长同志",
            "1.理论学习示范作用不够。",
            "整改措施：每季度讲一次专题党课。",
            "（三）副局长王军同志",
            "1.分管领域督导不够。",
            "整改措施：每月听取一次分管科室工作汇报。",
        ]
    )
    ledger, out = run_import(write_txt(tmp_path / "p.txt", text + "\n"), tmp_path / "out")
    # (four characters before 同志 are a post and a name, not a name of four)
    assert [m.get("责任领导") for m in ledger.measures] == [None, None, "王军（副局长）"]
    said = warnings(out)
    assert len(said) == 1 and "看不出职务和姓名的分界" in said[0], said


def test_article_with_numbered_parts_and_bullets(docs, tmp_path):
    """A 公众号 article: "01 整改工作总体情况" / "02 反馈问题整改情况" are its parts, "◆问题一："
    and "▶整改措施：" / "▶整改进展：" its problems and labels; the byline, the "编辑：…审核：…"
    credits and "阅读 856" are listed once as not the document's."""
    ledger, out, xlsx = one(docs["wechat_article_txt"], tmp_path)
    assert "识别出 1 个方面、3 项问题、3 条整改措施" in out
    assert measures_of(ledger, "整改状态") == [
        (problem, measure, status) for problem, measure, _, status in G.WECHAT_ARTICLE
    ]
    assert [m.get("整改进展及成效") for m in ledger.measures] == [
        "已对全镇18个村开展考评4轮。",
        "已清理村级往来账款32笔。",
        "培训网格员126人次。",
    ]
    assert ledger.measures[1].get("整改时限") == "2025年3月底"
    said = warnings(out)
    assert len(said) == 2, said
    assert "清源发布" in said[0] and "编辑：李雪" in said[0] and "阅读856" in said[0]
    assert BLANK_ASPECT in said[1]
    assert ledger.info["报告成文日期"] == dt.date(2025, 1, 14)
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
    assert check_findings(run_check(xlsx)) <= {
        "方面",
        "责任领导",
        "责任部门",
        "整改时限",
        "完成时间",
    }


def test_notice_with_status_in_brackets_after_each_problem(docs, tmp_path):
    """ "1.……（整改状态：已销号）" — the status written with its label in brackets after the
    problem: 已销号 is 已完成, 整改中 is 正在推进; "已整改销号3个，需长期坚持1个，正在整改1个"
    agrees with them (no reminder)."""
    want = [
        (aspect[2:], problem, measure, status)
        for aspect, problems in G.XIAOHAO_NOTICE
        for problem, measure, _, status in problems
    ]
    found = formats(docs, "xiaohao_notice", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、5 项问题、5 条整改措施" in out, suffix
        got = [(a, p, m.rstrip("。"), s) for a, p, m, s in table(ledger, "整改措施", "整改状态")]
        assert got == want, suffix
        assert warnings(out) == [], suffix
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}
    same_ledger(found)


def test_report_of_bracketed_numbers_inside_a_paragraph(docs, tmp_path):
    """ "整改措施：（1）……；（2）……；（3）……。已整改到位。": one measure per number."""
    want = [
        (problem, m, status) for problem, measures, _, status in G.BRACKET_INLINE for m in measures
    ]
    found = formats(docs, "bracket_inline_report", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert measures_of(ledger, "整改状态") == want, suffix
        assert ledger.measures[-1].get("整改时限") == "2025年6月底"
        assert warnings(out) == [], suffix
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限", "完成时间"}
    same_ledger(found)


def test_status_sentences_giving_the_day_of_completion(docs, tmp_path):
    """ "该问题已于2024年10月15日整改完成。" "已于2024年11月30日整改到位。" "2024年9月已整改
    完成。": the status, and the day (a date cell; a month as written) its 完成时间 — so
    ``check`` asks for no 完成时间 the text gave."""
    found = formats(docs, "done_days_notice", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 1 个方面、4 项问题、4 条整改措施" in out, suffix
        got = [
            (p, m, s, done)
            for _, p, m, s, done in table(ledger, "整改措施", "整改状态", "完成时间")
        ]
        assert got == [
            (problem, measure + "。", status, F.exact_date(day) or day if day else None)
            for problem, measure, _, status, day in G.DONE_DAYS
        ], suffix
        assert warnings(out) == [], suffix
        assert check_findings(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限"}
    same_ledger(found)


def test_status_cells_with_the_day_in_brackets(docs, tmp_path):
    """A 整改情况 column "已完成（2024年10月15日）" / "已完成（2024.12.20）" / "已办结（……）" /
    "序时推进" / "长期坚持": the status, and the bracketed day its 完成时间 (a date cell)."""
    found = formats(docs, "day_cells_list", tmp_path)
    for suffix, ledger, out, xlsx in found:
        got = [
            (p, m, unit, due, s, done)
            for _, p, m, unit, due, s, done in table(
                ledger, "整改措施", "责任部门", "整改时限", "整改状态", "完成时间"
            )
        ]
        assert got == [
            (problem, measure, unit, due, status, a_day(day))
            for problem, measure, unit, due, _, status, day in G.DAY_CELLS
        ], suffix
        said = warnings(out)
        assert len(said) == 1 and BLANK_ASPECT in said[0], said
        # (长期坚持 says no day: check asks for it, as it would of the clerk)
        assert check_findings(run_check(xlsx)) <= {"方面", "责任领导", "完成时间"}
    same_ledger(found)


def test_borderless_annex_in_columns_three_characters_wide(docs, tmp_path):
    """A 方案's 附件 task table without ruling lines, eight columns about three characters wide
    (header cells wrapped: "问题类/别"), 序号/问题类别/存在问题/整改目标/责任领导 merged over a
    problem's measures and centred vertically, the header repeated on the next page and a row
    broken over it: the PDF gives the Word file's ledger, the 问题类别 as 方面."""
    want = [
        (aspect, problem, goal, measure, leader, unit, due)
        for aspect, problem, goal, leader, measures in G.NARROW_ROWS
        for measure, unit, due in measures
    ]
    found = formats(docs, "borderless_narrow_plan", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 3 个方面、5 项问题、9 条整改措施" in out, suffix
        got = [
            (a, p, m.get("整改目标"), m.get("整改措施"), *rest)
            for a, p, m, *rest in (
                (a.title, p.title, m, m.get("责任领导"), m.get("责任部门"), m.get("整改时限"))
                for a in ledger.aspects
                for p in a.problems
                for m in p.measures
            )
        ]
        assert got == want, suffix
        assert warnings(out) == [], suffix
        assert check_findings(run_check(xlsx)) <= {"整改状态"}  # (a plan says no status)
    same_ledger(found)


def test_status_columns_of_their_own_ticked(tmp_path):
    """ "已完成 | 正在推进" as columns of a one-row header (no merged "整改情况" over them), a
    "√" in one: the status it names."""
    from genre_docs import write_txt
    from test_import_genre import run_import

    rows = [
        "序号\t存在问题\t整改措施\t责任单位\t已完成\t正在推进",
        "1\t台账不全\t补齐台账资料\t办公室\t√\t",
        "2\t制度不全\t修订管理制度\t法规科\t\t√",
    ]
    path = write_txt(tmp_path / "ticks.txt", "某局巡察整改问题清单\n" + "\n".join(rows) + "\n")
    ledger, out = run_import(path, tmp_path / "out")
    assert [(p.title, p.status) for p in ledger.problems] == [
        ("台账不全", "已完成"),
        ("制度不全", "正在推进"),
    ]
    assert [w for w in warnings(out) if BLANK_ASPECT not in w] == []
