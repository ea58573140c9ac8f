"""``ledger-tools import`` on the sixth round of genre documents (``tests/genre_docs6.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them, a real text layer),
one also saved as a Word 97 .doc, the .txt ones written as a clerk pastes them from a web page
or a 公众号 article; all imported through the real command, the ledger read back and judged row
by row (方面, 问题, 措施, 责任, 时限, 状态, 进展) against the builders' own data, then ``check``
and ``stats`` run on it.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import genre_docs6 as G
import pytest
from office_pdf import convert_to_pdf
from test_import5 import rows, run_stats, same_ledger
from test_import_genre import check_errors, run_check, run_import, warnings

from ledger_tools.importing import extract as E
from ledger_tools.importing import fields as F
from ledger_tools.importing import parse as P
from ledger_tools.importing import pdftables
from ledger_tools.importing.extract import Block

BLANK_ASPECT = "文中没有写所属方面"


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Every document: the .docx, its PDF and (env_plan) its .doc when LibreOffice is
    installed, the .txt ones."""
    folder = tmp_path_factory.mktemp("genre6")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    if convert_to_pdf(paths.values(), folder):
        convert_to_pdf([paths["env_plan"]], folder, to="doc")
    paths.update({name: build(folder / f"{name}.txt") for name, build in G.TXT_BUILDERS.items()})
    return paths


def formats(docs, name, tmp_path, extra=()):
    """[(suffix, ledger, output, workbook)] for the .docx, its PDF (and ``extra`` suffixes)."""
    found = []
    for k, suffix in enumerate((".docx", ".pdf", *extra)):
        path = docs[name].with_suffix(suffix)
        if not path.exists():
            pytest.skip("LibreOffice is not installed: no PDF or .doc to read")
        ledger, out = run_import(path, tmp_path / str(k))
        found.append((suffix, ledger, out, next((tmp_path / str(k)).glob("*.xlsx"))))
    return found


def one(path, tmp_path):
    ledger, out = run_import(path, tmp_path)
    return ledger, out, next(tmp_path.glob("*.xlsx"))


def table(ledger, *names):
    """(方面, 问题, *names) of every row."""
    return [
        (a.title, p.title, *(m.get(n) for n in names))
        for a in ledger.aspects
        for p in a.problems
        for m in p.measures
    ]


# ---------------------------------------------------------------------------------------------


def test_notice_of_about_headings_without_aspects(docs, tmp_path):
    """ "（一）关于……的问题" headings straight under "二、反馈问题整改落实情况", each with an
    "整改情况：" paragraph ending in its status: one problem and one measure each; no 方面 is
    written, so the column stays blank and one reminder says so (no guess)."""
    for suffix, ledger, out, xlsx in formats(docs, "guanyu_notice", tmp_path):
        assert "识别出 1 个方面、4 项问题、4 条整改措施" in out, suffix
        want = [
            (h.removeprefix(h[:3]).removeprefix("关于").removesuffix("的问题"), s)
            for h, _, s, _ in G.GUANYU_NOTICE
        ]
        assert [(p.title, p.status) for p in ledger.problems] == want, suffix
        assert [p.measures[0].get("整改时限") for p in ledger.problems] == [
            None,
            "2025年3月底",
            None,
            None,
        ]
        first = ledger.problems[0].measures[0].get("整改措施")
        assert first.startswith("对2022年以来实施的43个农村公路项目") and "已整改完成" not in first
        fund = ledger.problems[1].measures[0]
        assert (
            fund.get("整改措施")
            == "修订《云岭县农村公路养护资金管理办法》，明确资金拨付须附养护考核结果。"
        )
        assert fund.get("整改进展及成效") == "对超范围列支的养护资金21.6万元予以追回。"
        assert [w for w in warnings(out) if BLANK_ASPECT not in w] == [], suffix
        assert ledger.info.get("主送机关") is None, suffix
        assert ledger.info["报告成文日期"] == dt.date(2024, 11, 20)
        assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
        assert check_errors(run_check(xlsx)) <= {"方面", "责任领导", "责任部门", "整改时限"}
        stats = run_stats(xlsx)
        assert "问题状态：未启动 0，正在推进 1，基本完成 0，已完成 2，长期坚持 1" in stats


def test_audit_blocks_with_circled_measures_and_results(docs, tmp_path):
    """ "问题N：" / "整改措施：①……；②……；③……。" / "整改结果：已整改。……" / "责任单位：……
    整改时限：……": one measure per circled number, the status of 整改结果's first sentence and
    the rest as the results (on the last measure), the unit and deadline on every measure —
    the same whether the three labels stand in paragraphs of their own or in one."""
    want = [
        (aspect[2:], problem, m, unit, due, status)
        for aspect, problems in G.AUDIT_BLOCKS
        for problem, measures, _, status, unit, due, _ in problems
        for m in measures
    ]
    found = formats(docs, "audit_blocks", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、4 项问题、10 条整改措施" in out, suffix
        got = [
            (a, p, m.rstrip("。"), unit, due, s)
            for a, p, m, unit, due, s in table(
                ledger, "整改措施", "责任部门", "整改时限", "整改状态"
            )
        ]
        assert got == want, suffix
        results = [[m.get("整改进展及成效") for m in p.measures] for p in ledger.problems]
        assert results == [
            [None, None, "2025年部门预算项目细化率达到100%。"],
            [None, "已上缴结余资金48.3万元，剩余12万元正在推进，计划2025年2月底前完成。"],
            [None, None, "清查资产1862项，核销盘亏资产37项。"],
            [None, "补办审批手续5项，缴入出租收入9.7万元。"],
        ], suffix
        assert warnings(out) == [], suffix
        assert ledger.info["主送机关"] == "县审计局"
        assert check_errors(run_check(xlsx)) <= {"责任领导"}
        assert "问题办结 3 项" in run_stats(xlsx)
    same_ledger(found)


def test_audit_blocks_copied_out_of_the_pdf(docs, tmp_path):
    """The report's text as poppler copies it out of the PDF (lines broken at the page width,
    spaces around the numbers, "整改时限：2024 年 12 月底" with "前" alone on the next line):
    the same ledger as the Word original, the lone "前" part of its deadline again."""
    pdf = docs["audit_blocks"].with_suffix(".pdf")
    if not pdf.exists():
        pytest.skip("LibreOffice is not installed: no PDF to copy from")
    text = tmp_path / "copied.txt"
    subprocess.run(["pdftotext", str(pdf), str(text)], check=True, timeout=60)
    word, _ = run_import(docs["audit_blocks"], tmp_path / "docx")
    ledger, out = run_import(text, tmp_path / "txt")
    fields = ("整改措施", "责任部门", "整改时限", "整改状态", "整改进展及成效")
    assert table(ledger, *fields) == table(word, *fields)
    assert warnings(out) == []


def test_self_examination_list_with_progress_percentages(docs, tmp_path):
    """A 检视问题整改清单 whose 整改进度 column gives percentages: 100% is 已完成, 0% 未启动, 80%
    正在推进 with "整改进度80%" kept as the progress; the PDF (a ruled table in narrow columns,
    its header cells wrapped over two lines, a row broken over the page after its first line
    and its merged 方面/问题 cells going on on the next page) reads as the Word table."""
    percent = {"100%": "已完成", "80%": "正在推进", "60%": "正在推进", "0%": "未启动"}
    want = [
        (
            aspect,
            problem,
            m,
            leader,
            unit,
            due,
            percent.get(done, done),
            f"整改进度{done}。" if done in ("80%", "60%") else None,
        )
        for aspect, problem, measures in G.PROGRESS_ROWS
        for m, leader, unit, due, done in measures
    ]
    found = formats(docs, "progress_list", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 3 个方面、6 项问题、9 条整改措施" in out, suffix
        fields = ("整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "整改进展及成效")
        assert table(ledger, *fields) == want, suffix
        assert warnings(out) == [], suffix  # (6 problems and 9 measures, as the text says)
        stats = run_stats(xlsx)
        assert "问题状态：未启动 1，正在推进 1，基本完成 0，已完成 3，长期坚持 1" in stats
    same_ledger(found)


def test_borderless_list_in_narrow_columns(docs, tmp_path):
    """The same list without ruling lines, in columns three characters wide, its cells centred
    vertically and its header repeated on each page: the PDF reads as the Word table — a row
    broken over the page (its short cells centred in each page's part: "农村科" / "技科",
    "2024年" / "12月底前") joined again, the last page holding only the rest of a row begun
    on the page before not read a second time — and the repeated header is not taken for a
    running header. (Round 6 could not tell its rows apart and reported the table instead.)"""
    found = formats(docs, "borderless_progress_list", tmp_path)
    for suffix, ledger, out, _ in found:
        assert "识别出 3 个方面、6 项问题、9 条整改措施" in out, suffix
        assert warnings(out) == [], suffix
        units = [m.get("责任部门") for m in ledger.measures]
        assert units == [unit for _, _, ms in G.PROGRESS_ROWS for _, _, unit, _, _ in ms], suffix
    same_ledger(found)


def test_life_meeting_plan_grouped_by_member(docs, tmp_path):
    """A 民主生活会 整改方案: "（一）领导班子存在的问题及整改措施" is the 方面 "领导班子";
    "（二）王立军同志（局党组书记、局长）" groups his own problems, so he is their 责任领导;
    "整改措施：A；B。" lists two measures; "完成时限：" is each measure's deadline."""
    want = [
        (
            "领导班子" if k == 0 else aspect[3:],
            problem,
            m,
            None if k == 0 else aspect[3:].replace("同志", ""),
            due,
        )
        for k, (aspect, problems) in enumerate(G.MEMBERS_PLAN)
        for problem, measures, due in problems
        for m in measures
    ]
    found = formats(docs, "members_plan", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 3 个方面、5 项问题、9 条整改措施" in out, suffix
        got = [
            (a, p, m.rstrip("。"), leader, due)
            for a, p, m, leader, due in table(ledger, "整改措施", "责任领导", "整改时限")
        ]
        assert got == want, suffix
        assert warnings(out) == [], suffix
        assert check_errors(run_check(xlsx)) <= {"整改状态", "责任领导", "责任部门"}
    same_ledger(found)


def test_life_meeting_list_with_a_column_of_members(docs, tmp_path):
    """A 民主生活会 查摆问题整改清单 whose "班子成员" column says whose problem each row is (merged
    over his rows): he is the 责任领导 of its measures; no 方面 is written (one reminder)."""
    found = formats(docs, "members_table", tmp_path)
    for suffix, ledger, out, xlsx in found:
        got = [
            (p, m, lead, due)
            for _, p, m, lead, due in table(ledger, "整改措施", "责任领导", "整改时限")
        ]
        assert got == [(p, m, who, due) for who, p, m, due in G.MEMBERS_TABLE], suffix
        assert [w for w in warnings(out) if BLANK_ASPECT not in w] == [], suffix
        assert check_errors(run_check(xlsx)) <= {"方面", "责任部门", "整改状态"}
    same_ledger(found)


def test_notice_of_counts_and_typical_problems(docs, tmp_path):
    """A 通报 that states "3个方面21个问题" and then tells "部分典型问题" as "1.关于“……”的
    问题。……" at the top level (no sections): the three are imported, and the reminder says
    the others were never in the text (not "missed"); "现将……通报如下：" is no 主送机关."""
    for suffix, ledger, out, _ in formats(docs, "counts_notice", tmp_path):
        assert "识别出 1 个方面、3 项问题、3 条整改措施" in out, suffix
        assert [(p.title, p.status) for p in ledger.problems] == [
            (p, s) for p, _, s in G.TYPICAL
        ], suffix
        assert ledger.problems[1].measures[0].get("整改时限") == "2025年6月底"
        said = warnings(out)
        assert len(said) == 2, said
        assert "文中写明共21项问题" in said[0] and "只公开了其中部分问题" in said[0], said
        assert "现将部分典型问题的整改情况通报如下" in said[0]
        assert BLANK_ASPECT in said[1]
        assert ledger.info.get("主送机关") is None, suffix


def test_notice_of_typical_problems_told_without_about(docs, tmp_path):
    """The notice pasted as text with its problems "1.……。……。已整改到位。": items at the
    top level, no sections, no "关于…的问题" — each names its problem, tells the work and ends
    with its status, so each is a problem (before, they went nowhere and nothing said so)."""
    ledger, out, xlsx = one(docs["counts_notice_txt"], tmp_path)
    assert "识别出 1 个方面、3 项问题、3 条整改措施" in out
    assert [(p.title, p.status) for p in ledger.problems] == [(p, s) for p, _, s in G.TYPICAL]
    assert ledger.problems[1].measures[0].get("整改时限") == "2025年6月底"
    said = warnings(out)
    assert len(said) == 2 and "只公开了其中部分问题" in said[0] and BLANK_ASPECT in said[1]
    assert [t["章节"] for t in ledger.texts] == ["下一步打算"]
    assert "问题状态：未启动 0，正在推进 1，基本完成 0，已完成 2，长期坚持 0" in run_stats(xlsx)


def test_inspection_plan_annex_in_word_pdf_and_word97(docs, tmp_path):
    """A 环保督察 整改方案's 附件 table "序号 | 督察反馈问题 | 整改目标 | 整改措施 | 责任单位 |
    督办领导 | 整改时限": the header "督察反馈问题" is the 问题 (the aliases' patterns), "1.……
    2.……" in one cell are measures of their own, the 督办领导 (not the 责任领导) kept in the
    note; the PDF's row broken over the page after one line is joined; the .doc reads the same."""
    want = [
        (problem, m, goal, unit, due, f"督办领导：{leader}")
        for problem, goal, measures, unit, leader, due in G.ENV_ROWS
        for m in measures
    ]
    found = formats(docs, "env_plan", tmp_path, extra=(".doc",))
    for suffix, ledger, out, xlsx in found:
        assert "识别出 1 个方面、3 项问题、7 条整改措施" in out, suffix
        got = [
            (p, m.rstrip("。"), goal, unit, due, note.split("；")[0])
            for _, p, m, goal, unit, due, note in table(
                ledger, "整改措施", "整改目标", "责任部门", "整改时限", "备注"
            )
        ]
        assert got == want, suffix
        assert [w for w in warnings(out) if BLANK_ASPECT not in w] == [], suffix
        assert ledger.info["方案成文日期"] == dt.date(2024, 10, 15), suffix
        assert check_errors(run_check(xlsx)) <= {"方面", "责任领导", "整改状态"}
    same_ledger(found)


def test_web_page_with_bracketed_labels(docs, tmp_path):
    """Text pasted from a web page: 【问题一】【整改措施】【整改进展】【责任单位】 read as the labels
    they are, a progress broken over two lines in mid-sentence joined, no-break spaces gone,
    the page's navigation, date line and font switch listed once as not imported."""
    ledger, out, xlsx = one(docs["web_marked_txt"], tmp_path)
    assert "识别出 1 个方面、3 项问题、3 条整改措施" in out
    got = rows(ledger, "整改措施", "整改进展及成效", "责任部门", "整改状态")
    assert [(p.title) for p in ledger.problems] == [p for p, *_ in G.WEB_MARKED]
    assert [(m.rstrip("。"), unit, status) for m, _, unit, status in got] == [
        (m, unit, status) for _, m, _, unit, status in G.WEB_MARKED
    ]
    assert [progress for _, progress, _, _ in got] == [
        "已有326项事项实现全程网办，网办率由61%提高到92%。",
        "已组织轮训4期，差评整改率100%。",
        "已回访核查工单1350件，重办不满意工单84件。",
    ]
    assert ledger.measures[2].get("整改时限") == "2025年3月底"
    said = warnings(out)
    assert len(said) == 2 and "不是文稿内容" in said[0] and BLANK_ASPECT in said[1], said
    assert ledger.info["党组织名称"] == "中共安平县政务服务管理局党组"
    # the 落款 date stays a line of its own, "【打印本页】【关闭窗口】" under it is the page's
    assert ledger.info["报告成文日期"] == dt.date(2024, 12, 2)
    assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
    assert check_errors(run_check(xlsx)) <= {"方面", "责任领导", "整改时限"}


def test_report_with_circled_measures_on_lines_of_their_own(docs, tmp_path):
    """ "（一）……的问题" / "整改措施：" / "①……（已完成）。" "②……（长期坚持）。" / "整改成效：……":
    each measure its own status, the 成效 on the last measure, the problem's status rolled up."""
    want = [
        (aspect[2:], problem, m, status)
        for aspect, problems in G.CIRCLED_REPORT
        for problem, measures, _ in problems
        for m, status in measures
    ]
    found = formats(docs, "circled_report", tmp_path)
    for suffix, ledger, out, xlsx in found:
        got = [(a, p, m.rstrip("。"), s) for a, p, m, s in table(ledger, "整改措施", "整改状态")]
        assert got == want, suffix
        assert [p.status for p in ledger.problems] == ["长期坚持", "正在推进"], suffix
        assert (
            ledger.problems[1].measures[-1].get("整改进展及成效").startswith("排查整改安全隐患27处")
        )
        assert all(m.get("整改时限") is None for m in ledger.measures), suffix
        assert warnings(out) == [], suffix
        assert check_errors(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限"}
    same_ledger(found)


def test_audit_table_of_rectified_partly_and_not_yet(docs, tmp_path):
    """An audit table's 整改情况 "已整改" / "部分整改" / "未整改，已向法院提起诉讼": 已完成,
    正在推进, and 正在推进 again (not yet put right, but the work has begun), the rest the
    progress; "审计发现问题3个……已整改1个" agrees."""
    for suffix, ledger, out, _ in formats(docs, "audit_status_table", tmp_path):
        got = rows(ledger, "整改措施", "责任部门", "整改状态", "整改进展及成效")
        assert got == [
            (m, unit, status, "已向法院提起诉讼。" if k == 2 else None)
            for k, (_, m, unit, _, status) in enumerate(G.AUDIT_STATUS_ROWS)
        ], suffix
        assert [w for w in warnings(out) if BLANK_ASPECT not in w] == [], suffix


def test_plan_pasted_from_an_article(docs, tmp_path):
    """A 公众号 article pasted as text: the byline under the title ("东川镇  2025年1月10日") and
    the "阅读 1024" counter are not the document's (listed, and the byline's date is no
    反馈日期); paragraphs indented with no-break spaces start paragraphs; ①②③ on lines of their
    own are measures; "责任领导：……  责任单位：……" and "完成时限：" lines fill every measure."""
    ledger, out, xlsx = one(docs["article_plan_txt"], tmp_path)
    assert "识别出 1 个方面、2 项问题、5 条整改措施" in out
    got = [
        (p, m.rstrip("。"), lead, unit, due)
        for _, p, m, lead, unit, due in table(
            ledger, "整改措施", "责任领导", "责任部门", "整改时限"
        )
    ]
    assert got == [
        (problem, m, leader, unit, due)
        for problem, measures, leader, unit, due in G.ARTICLE_PLAN
        for m in measures
    ]
    assert ledger.info["方案标题"] == "东川镇党委关于县委巡察反馈意见的整改方案"
    assert ledger.info["党组织名称"] == "东川镇党委"
    assert ledger.info.get("反馈日期") is None
    said = warnings(out)
    assert len(said) == 2 and "东川镇2025年1月10日" in said[0] and "阅读1024" in said[0], said
    assert [t["内容"] for t in ledger.texts] == [
        "各责任单位要对照整改任务，逐项抓好落实，按期报送整改进展情况。"
    ]
    assert check_errors(run_check(xlsx)) <= {"方面", "整改状态"}


def test_audit_recommendation_is_the_goal(tmp_path):
    """ "审计建议：……" under a "问题N：" (an audit report quotes what the auditors recommended)
    is the problem's 整改目标, not its first measure."""
    path = tmp_path / "审计整改.txt"
    path.write_text(
        "\n".join(
            [
                "县教育局关于2023年度预算执行审计发现问题整改情况的报告",
                "县审计局：",
                "现将审计发现问题整改情况报告如下。",
                "一、预算管理方面",
                "问题1：部分学校公用经费超范围列支。",
                "审计建议：严格执行公用经费管理规定，规范支出范围。",
                "整改措施：①对超范围列支的12.6万元予以调账；②修订学校公用经费管理办法。",
                "整改结果：已整改。",
                "责任单位：计划财务股",
                "",
                "县教育局",
                "2024年12月1日",
            ]
        ),
        encoding="utf-8",
    )
    ledger, out = run_import(path, tmp_path / "out")
    assert rows(ledger, "整改目标", "整改措施", "整改状态") == [
        ("严格执行公用经费管理规定，规范支出范围。", "对超范围列支的12.6万元予以调账。", "已完成"),
        ("严格执行公用经费管理规定，规范支出范围。", "修订学校公用经费管理办法。", "已完成"),
    ]
    assert warnings(out) == []


# ---------------------------------------------------------------------------------------------
# The pieces.


def test_stacked_table_header():
    lines = [
        "     问题类   检视问   整改措      责任领   责任部   整改时      整改进",
        "序号",
        "     别     题     施        导     门     限        度",
    ]
    assert E._stacked_header(lines)
    assert E._has_table_header(["正文第一行", *lines, "正文"])
    assert not E._stacked_header(["     一、关于 贯彻落实 方面", "     问题 表现 如下"])


def test_a_row_broken_over_a_page_after_one_line():
    header = ["序号", "问题", "整改措施", "责任单位", "整改时限", "整改进度"]
    before = [header, ["3", "部分矿山", "1.编制历", "县自然资", "2026年", "100%"]]
    page = [["", "开采后生态修复滞后", "史遗留矿山生态修复实施方案。", "源局", "12月底前", ""]]
    joined = pdftables.continue_rows(before, page)
    assert joined[-1] == [
        "3",
        "部分矿山开采后生态修复滞后",
        "1.编制历史遗留矿山生态修复实施方案。",
        "县自然资源局",
        "2026年12月底前",
        "100%",
    ]
    # A new row of the same problem (its own measure, unit, deadline and progress): not joined.
    whole = [
        header,
        ["3", "矿山生态修复滞后", "编制矿山生态修复实施方案。", "自然资源局", "2026年底", "100%"],
    ]
    new = [["", "", "分年度推进矿山复绿工程。", "自然资源局", "2026年底", "50%"]]
    assert len(pdftables.continue_rows(whole, new)) == 3


@pytest.mark.parametrize(
    ("cell", "status", "progress"),
    [
        ("100%", "已完成", None),
        ("80%", "正在推进", "整改进度80%。"),
        ("完成60%", "正在推进", "整改进度60%。"),
        ("0%", "未启动", None),
        ("已完成", "已完成", None),
    ],
)
def test_progress_percentage(cell, status, progress):
    fields = {"整改状态": cell}
    F._status_from_progress(fields)
    assert (fields["整改状态"], fields.get("整改进展及成效")) == (status, progress)


def test_progress_percentage_after_a_measure():
    """ "……（整改进度：100%）。" after a measure in a report is its status; a share between none
    and all is its status too and stays written (it says how far the work has gone)."""
    assert F.trailing_status("建立燃气企业安全检查台账（整改进度：100%）。") == (
        "已完成",
        "建立燃气企业安全检查台账",
    )
    said = "倒排工期推进12个小区改造，已完工8个（整改进度：70%）。"
    assert F.trailing_status(said) == ("正在推进", said)
    assert F.trailing_status("修订制度（完成0%）") == ("未启动", "修订制度")
    assert F.trailing_status("修订制度（2024年）") is None


def test_bracketed_labels_and_bylines():
    blocks = [
        Block("【问题二】窗口服务意识不强。", "第1行"),
        Block("【整改进展】已完成。", "第2行"),
        Block("【典型案例】某窗口……", "第3行"),
        Block("【责任领导】张明远【完成时限】2024年9月底前", "第4行"),
    ]
    assert [b.text for b in P._bracketed_labels(blocks)] == [
        "问题二：窗口服务意识不强。",
        "整改进展：已完成。",
        "【典型案例】某窗口……",
        "责任领导：张明远；完成时限：2024年9月底前",
    ]
    assert F.responsibility_pairs("责任领导：张明远；完成时限：2024年9月底前") == {
        "责任领导": "张明远",
        "整改时限": "2024年9月底前",
    }
    assert P._BYLINE.match("东川发布 2025-01-10 08:30")
    assert not P._BYLINE.match("中共东川镇委员会")
    assert P._WEB_FURNITURE.search("阅读 1.2万 在看 15")


def test_excerpt_is_an_announcement_not_a_problem_title():
    """Only a sentence announcing that some problems are told ("现将部分典型问题……通报如下",
    "选取……问题") says the rest are elsewhere; a problem about "部分问题" does not."""
    for said in (
        "现将部分典型问题的整改情况通报如下：",
        "选取其中3个典型问题予以公开",
        "举例如下：",
    ):
        assert P._EXCERPT.search(said), said
    for not_said in ("对巡察发现的部分问题整改不彻底。", "现将重点任务推进情况报告如下。"):
        assert not P._EXCERPT.search(not_said), not_said


def test_person_aspect_and_semicolon_measures():
    assert P._PERSON.match("王立军同志（局党组书记、局长）").group("name") == "王立军"
    assert P._PERSON.match("李明同志存在的问题及整改措施").group("name") == "李明"
    assert P._PERSON.match("党建工作方面") is None
    assert P._clean_aspect("领导班子存在的问题及整改措施") == "领导班子"
    split = P._Reader.semicolon_measures
    assert split("每半年专题研究一次意识形态工作；建立网络舆情研判机制。") == [
        "每半年专题研究一次意识形态工作；",
        "建立网络舆情研判机制。",
    ]
    assert split("修订制度；已完成。") == []  # a status clause: not a list of measures
