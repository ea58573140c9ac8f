"""``ledger-tools import`` on the fifth round of genre documents (``tests/genre_docs5.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them, a real text layer),
the .txt ones written as a clerk gets them (GBK, copied out of a PDF, tab-separated tables);
all imported through the real command, the ledger read back and judged against what a reader
of the document enters (the builders' own data), then ``check`` and ``stats`` run on it.
"""

from __future__ import annotations

import datetime as dt
import re

import genre_docs5 as G
import pytest
from click.testing import CliRunner
from office_pdf import convert_to_pdf
from test_import_genre import check_errors, import_docx_and_pdf, run_check, run_import, warnings

from ledger_tools.cli import cli
from ledger_tools.importing import fields as F
from ledger_tools.importing.extract import _text_running_lines, read_txt


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Every document: the .docx, its PDF (when LibreOffice is installed), the .txt ones."""
    folder = tmp_path_factory.mktemp("genre5")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    convert_to_pdf(paths.values(), folder)
    paths.update({name: build(folder / f"{name}.txt") for name, build in G.TXT_BUILDERS.items()})
    return paths


def formats(docs, name, tmp_path, pdf_required=True):
    """[(suffix, ledger, output, workbook)] for the .docx and its PDF."""
    return import_docx_and_pdf(docs[name], tmp_path, pdf_required)


def one(path, tmp_path):
    ledger, out = run_import(path, tmp_path)
    return ledger, out, next(tmp_path.glob("*.xlsx"))


def rows(ledger, *names):
    return [tuple(m.get(n) for n in names) for m in ledger.measures]


def run_stats(path) -> str:
    result = CliRunner().invoke(cli, ["stats", str(path), "--today", "2024-12-31"])
    assert result.exit_code == 0, result.output
    return result.output


def same_ledger(found) -> None:
    """The PDF gives the ledger the Word original gives (the source column aside)."""
    first = found[0][1]
    for suffix, ledger, _, _ in found[1:]:
        assert [(a.title, [p.title for p in a.problems]) for a in ledger.aspects] == [
            (a.title, [p.title for p in a.problems]) for a in first.aspects
        ], suffix
        fields = ("整改措施", "责任领导", "责任部门", "整改时限", "整改状态", "整改进展及成效")
        assert rows(ledger, *fields) == rows(first, *fields), suffix


# ---------------------------------------------------------------------------------------------


def test_notice_whose_sections_are_aspects(docs, tmp_path):
    """一、二、三 are the 方面; each （一）问题 has an "整改情况：" paragraph and a second one that
    ends with the status; "剩余9宗……正在会同相关乡镇分类处置，计划2025年6月底前完成" is a problem
    in progress with its date, not left without a status."""
    found = formats(docs, "part_notice", tmp_path)
    for suffix, ledger, out, xlsx in found:
        assert "识别出 3 个方面、6 项问题、6 条整改措施" in out, suffix
        assert [a.title for a in ledger.aspects] == [
            "贯彻落实上级决策部署方面",
            "落实全面从严治党责任方面",
            "基层党组织建设方面",
        ]
        want = [(p, status) for _, problems in G.PART_NOTICE for p, _, _, status in problems]
        assert [(p.title, p.status) for p in ledger.problems] == want, suffix
        first = ledger.problems[0].measures[0]
        assert first.get("整改措施").startswith("局党组对照《澄溪县耕地保护田长制实施办法》")
        assert "（澄委办〔2024〕18号）第九条" in first.get("整改措施")
        assert first.get("整改进展及成效").startswith("2024年10月起")
        late = ledger.problems[1].measures[0]
        assert late.get("整改时限") == "2025年6月底"
        assert "正在会同相关乡镇分类处置" in late.get("整改进展及成效")
        # Each progress is its problem's own second paragraph, without the status clause.
        assert "需长期坚持" not in ledger.problems[2].measures[0].get("整改进展及成效")
        # The stated counts (3 done, 2 long-term, 1 in progress) agree: no reminder.
        assert [w for w in warnings(out) if "文中写明" in w] == [], suffix
        assert check_errors(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限"}
        stats = run_stats(xlsx)
        assert "方面 3 个，问题 6 项，措施 6 条" in stats
        assert "问题状态：未启动 0，正在推进 1，基本完成 0，已完成 3，长期坚持 2" in stats
    same_ledger(found)
    # The PDF's running header (on both pages) is listed, not read as text.
    assert any("澄溪县自然资源局巡察整改进展情况通报" in w for w in warnings(found[1][2]))


def test_plan_with_shi_measures_and_a_responsibility_line(docs, tmp_path):
    """ "1．问题" / "整改措施：一是……；二是……；三是……" / "责任领导：…；责任单位：…；完成时限：…":
    one measure per 一是, each with the line's leader, unit and deadline; full-width digits
    ("１．", "２０２５年６月３０日前") read as half-width. The same as a GBK text file."""
    found = formats(docs, "yishi_plan", tmp_path)
    ledger, out = run_import(docs["yishi_plan_gbk"], tmp_path / "txt")
    found.append((".txt", ledger, out, next((tmp_path / "txt").glob("*.xlsx"))))
    want = [
        (m, leader, unit, due)
        for _, problems in G.YISHI_PLAN
        for _, measures, leader, unit, due in problems
        for m in measures
    ]
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、3 项问题、8 条整改措施" in out, suffix
        assert [p.title for p in ledger.problems] == [
            p for _, problems in G.YISHI_PLAN for p, *_ in problems
        ], suffix
        got = [
            (m.rstrip("。"), leader, unit, due)
            for m, leader, unit, due in rows(ledger, "整改措施", "责任领导", "责任部门", "整改时限")
        ]
        assert got == want, suffix
        assert warnings(out) == [], suffix
        # A plan states no status: that (and the completion dates) is what check asks for.
        assert check_errors(run_check(xlsx)) <= {"整改状态"}
        assert "方面 2 个，问题 3 项，措施 8 条" in run_stats(xlsx)
    same_ledger(found)


@pytest.mark.parametrize(
    "name", ["annex_report", "borderless_annex_report", "borderless_annex_every_row"]
)
def test_report_annex_table_with_merged_aspects(docs, tmp_path, name):
    """The 附件 table 序号/方面/问题/整改措施/责任单位/完成时限/完成情况 in a landscape section
    over three pages, the header repeated, 序号 and 问题 merged over a problem's rows and 方面
    merged over several problems (centred on them, or from the top where the cell breaks over
    a page) — ruled, and without ruling lines (read by the words' positions): every row as the
    Word table has it."""
    found = formats(docs, name, tmp_path)
    want = [
        (aspect, problem, m, unit, due, done.split("，")[0])
        for aspect, problem, measures in G.ANNEX_ROWS
        for m, unit, due, done in measures
    ]
    for suffix, ledger, out, xlsx in found:
        assert "识别出 3 个方面、9 项问题、16 条整改措施" in out, suffix
        got = [
            (
                a.title,
                p.title,
                m.get("整改措施"),
                m.get("责任部门"),
                m.get("整改时限"),
                m.get("整改状态"),
            )
            for a in ledger.aspects
            for p in a.problems
            for m in p.measures
        ]
        assert got == want, suffix
        building = ledger.problems[3].measures[0]
        assert building.get("整改进展及成效").startswith("城东幼儿园主体已完工")
        assert warnings(out) == [], suffix
        assert [t["章节"] for t in ledger.texts] == ["工作开展情况", "下一步打算"]
        stats = run_stats(xlsx)
        assert "问题办结 6 项" in stats
        assert "正在推进 3" in stats
    same_ledger(found)


def test_footnotes_are_not_text(docs, tmp_path):
    """Word footnotes: in the .docx they are not body text at all; in the PDF they stand at the
    page's foot (one in the middle of a paragraph broken over the page) and their numbers are
    raised in the text. The PDF reads as the .docx: no note in a measure, no stray "1" after
    a word, and one reminder quoting the notes."""
    found = formats(docs, "footnote_report", tmp_path)
    want = [(p, status) for _, problems in G.FOOTNOTE_REPORT for p, _, _, status, _ in problems]
    for suffix, ledger, _, xlsx in found:
        assert [(p.title, p.status) for p in ledger.problems] == want, suffix
        texts = [v for m in ledger.measures for v in (m.get("整改措施"), m.get("整改进展及成效"))]
        assert not any("〔2024〕7号" in t or "第二十八条" in t for t in texts), suffix
        assert not any(re.search(r"[情督位]\d[。]", t) for t in texts), suffix
        assert (
            ledger.measures[1]
            .get("整改进展及成效")
            .startswith("建立采购需求统一审核制度，同类项目全年合并采购")
        )
        assert check_errors(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限"}
    same_ledger(found)
    assert warnings(found[0][2]) == []
    (note,) = warnings(found[1][2])
    assert "3 条脚注" in note and "第1页、第2页" in note and "第二十八条" in note


def test_two_column_notice(docs, tmp_path):
    """A notice set in two columns close together (poppler reads each line across both): the
    words are split at the gutter and read column by column, as the .docx."""
    found = formats(docs, "two_column_notice", tmp_path)
    want = [(p, status) for _, problems in G.TWO_COLUMN for p, _, status in problems]
    for suffix, ledger, out, xlsx in found:
        assert "识别出 2 个方面、4 项问题、4 条整改措施" in out, suffix
        assert [(p.title, p.status) for p in ledger.problems] == want, suffix
        assert ledger.problems[2].measures[0].get("整改时限") == "2025年4月底"
        assert warnings(out) == [], suffix
        assert "问题办结 3 项" in run_stats(xlsx)
    same_ledger(found)


def test_text_copied_out_of_a_pdf(docs, tmp_path):
    """GBK text copied out of a PDF: lines broken at the page width in mid-sentence (a line
    with digits holds more characters), the page number, "第 N 页 共 M 页" and the running
    header between the lines of a sentence. The sentences are joined again, the header is
    listed as not imported, the 落款 is not joined onto the last paragraph."""
    ledger, out, xlsx = one(docs["pdf_copy_txt"], tmp_path)
    assert "识别出 2 个方面、3 项问题、3 条整改措施" in out
    want = [(p, status) for _, problems in G.PDF_COPY for p, _, status in problems]
    assert [(p.title, p.status) for p in ledger.problems] == want
    assert ledger.measures[0].get("整改措施") == (
        "制定基层医疗机构基本药物配备目录，统一采购配送，乡镇卫生院常用药品配备率达到95%以上。"
    )
    assert ledger.measures[2].get("整改时限") == "2025年3月底"
    assert "正在推进收费信息公示系统建设" in ledger.measures[2].get("整改措施")
    assert not any(G.PDF_COPY_HEADER in (m.get("整改措施") or "") for m in ledger.measures)
    assert ledger.info["报告成文日期"] == dt.date(2024, 11, 25)
    assert ledger.info["报告标题"] == "中共柳岸县卫生健康局党组关于县委巡察反馈意见整改情况的报告"
    assert all("中共柳岸县" not in t["内容"] for t in ledger.texts)
    (furniture,) = warnings(out)
    assert "2 行" in furniture and G.PDF_COPY_HEADER in furniture
    assert check_errors(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限"}


def test_feedback_with_shi_points_and_articles(docs, tmp_path):
    """反馈意见: "1.问题。一是……；二是……" — the 一是 points are the problem's 表现 (no measures);
    "第二十一条" and "〔…〕" in them stay; the closing 整改建议 is a reminder."""
    found = formats(docs, "feedback_opinions", tmp_path)
    ledger, out = run_import(docs["feedback_opinions_txt"], tmp_path / "txt")
    found.append((".txt", ledger, out, next((tmp_path / "txt").glob("*.xlsx"))))
    for suffix, ledger, out, _ in found:
        assert "识别出 2 个方面、3 项问题、0 条整改措施" in out, suffix
        # the rows left for the measures are counted as check counts them (one per row)
        assert "其中 3 项问题文中没有写明整改措施" in out, suffix
        assert f"按行计为 {len(ledger.measures)} 条措施" in out, suffix
        got = [(p.title, p.measures[0].get("问题表现")) for p in ledger.problems]
        want = [
            (p, "；".join(f"{'一二三'[k]}是{s}" for k, s in enumerate(shows)) + "。")
            for _, problems in G.FEEDBACK
            for p, shows in problems
        ]
        assert got == want, suffix
        (advice,) = warnings(out)
        assert "整改建议" in advice
        assert ledger.info["监督机构"] == "县委第四巡察组"


def test_plan_txt_with_tab_table_and_aspect_lines(tmp_path, docs):
    """A 方案 .txt whose 附件 清单 is tab-separated, with "一、……方面" lines of their own between
    the rows and full-width 序号: the heading lines are rows across the table (the 方面), the
    rows are read; "整改任务详见附件问题清单。" is no reminder."""
    ledger, out, xlsx = one(docs["tab_annex_plan"], tmp_path)
    assert "识别出 2 个方面、4 项问题、5 条整改措施" in out
    want = [
        (aspect[2:], problem, m, unit, due)
        for aspect, items in G.TAB_PLAN
        for problem, m, unit, due in items
    ]
    got = [
        (a.title, p.title, m.get("整改措施"), m.get("责任部门"), m.get("整改时限"))
        for a in ledger.aspects
        for p in a.problems
        for m in p.measures
    ]
    assert got == want
    assert warnings(out) == []
    assert check_errors(run_check(xlsx)) <= {"责任领导", "整改状态"}


def test_report_mixing_numbering_and_bracketed_states(docs, tmp_path):
    """ "１．" "2、" "(3)" problems, "(1)" "（1）" "①" measures, each ending "（已完成）" /
    "（长期坚持）" / "（持续推进）": in a report the bracket is the measure's state (not its
    deadline, as it would be in a plan)."""
    found = formats(docs, "mixed_numbering_report", tmp_path)
    want = [
        (m + "。", {"持续推进": "正在推进"}.get(s, s))
        for _, problems in G.MIXED
        for _, measures in problems
        for m, s in measures
    ]
    for suffix, ledger, out, _ in found:
        assert rows(ledger, "整改措施", "整改状态") == want, suffix
        assert [m.get("整改时限") for m in ledger.measures] == [None] * 6, suffix
        assert [p.status for p in ledger.problems] == ["长期坚持", "正在推进", "已完成"]
        assert warnings(out) == [], suffix
        assert ledger.info["报告成文日期"] == dt.date(2024, 12, 20)
    same_ledger(found)


def test_plan_deadlines_and_a_one_page_running_header(docs, tmp_path):
    """Deadlines "２０２５年６月３０日前" and "2025年第三季度" as written (digits half-width);
    the one-page PDF's running header "石门乡巡察整改方案" above the real title is not taken
    for the title: the reminder says so."""
    found = formats(docs, "deadline_plan", tmp_path)
    want = [
        (m + "。", leader, unit, due.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
        for _, _, measures in G.DEADLINE_PLAN
        for m, leader, unit, due in measures
    ]
    for suffix, ledger, _, xlsx in found:
        assert rows(ledger, "整改措施", "责任领导", "责任部门", "整改时限") == want, suffix
        assert ledger.info["方案标题"] == "中共石门乡委员会关于县委巡察反馈问题的整改方案"
        assert check_errors(run_check(xlsx)) <= {"整改状态"}
    assert warnings(found[0][2]) == []
    (header,) = warnings(found[1][2])
    assert "“石门乡巡察整改方案”是页眉" in header


# ---------------------------------------------------------------------------------------------
# The general rules, on their own.


@pytest.mark.parametrize(
    "clause, want",
    [
        ("剩余事项正在推进，计划2025年4月底前完成", ("正在推进", "2025年4月底")),
        ("正在会同相关乡镇分类处置，计划2025年6月底前完成", ("正在推进", "2025年6月底")),
        ("目前正在推进收费信息公示系统建设，计划2025年3月底前完成", ("正在推进", "2025年3月底")),
        ("其余2个正在推进", ("正在推进", "")),
        # Work going on with no date to finish it says nothing of the status: not guessed.
        ("正在会同相关乡镇分类处置", None),
        ("剩余资金已上缴国库", None),
    ],
)
def test_clause_status(clause, want):
    assert F.clause_status(clause) == want


def test_a_clause_that_tells_more_than_the_status_stays_in_the_text():
    status, deadline, before = F.trailing_clause_status(
        "梳理可网办事项58项，剩余事项正在推进，计划2025年4月底前完成。"
    )
    assert (status, deadline) == ("正在推进", "2025年4月底")
    assert before == "梳理可网办事项58项，剩余事项正在推进，计划2025年4月底前完成。"
    status, _, before = F.trailing_clause_status("梳理可网办事项58项，目前正在推进。")
    assert (status, before) == ("正在推进", "梳理可网办事项58项。")


def test_running_lines_of_a_text_need_page_numbers_beside_them(tmp_path):
    """A line that repeats is a running header only where it stands by a page number each time:
    a repeated heading of the text itself stays."""
    body = ["正文第一段。", "正文第二段。", "正文第三段。"]
    lines = ["某局报告", *body, "— 1 —", "某局报告", *body, "— 2 —", "某局报告", *body, "— 3 —"]
    assert _text_running_lines(lines) == {5, 10}  # not the title at the top of page 1
    assert _text_running_lines(["小结", "正文。", "小结", "正文。"]) == set()
    path = tmp_path / "a.txt"
    path.write_text("\n".join(["关于某事的报告", "一、小结", "正文。", "一、小结", "正文。"]))
    assert [b.text for b in read_txt(path)].count("一、小结") == 2


def test_a_responsibility_line_with_lead_and_assisting_units():
    """ "牵头单位：…；配合单位：…" on a line of its own: the lead is 牵头部门, every unit named
    (the lead first) 责任部门, as in a 责任单位 cell marked so."""
    found = F.responsibility_pairs(
        "牵头领导：吴斌；牵头单位：综合股；配合单位：各乡镇统计站、执法大队；完成时限：2025年9月底前。"
    )
    assert found["牵头部门"] == "综合股"
    assert found["责任部门"] == "综合股、各乡镇统计站、执法大队"
    assert found["整改时限"] == "2025年9月底前"
    assert F.responsibility_pairs("责任单位：办公室；完成时限：长期坚持")["责任部门"] == "办公室"


def test_text_copied_out_of_a_pdf_with_footnotes(docs, tmp_path):
    """The footnoted report's text as pdftotext gives it (lines broken, the notes after a
    blank line at each page's foot, the reference numbers glued to the words), saved as GBK:
    read as the Word original, the notes listed in one reminder."""
    import shutil
    import subprocess

    pdf = docs["footnote_report"].with_suffix(".pdf")
    if not pdf.exists() or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler is not installed")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    copy = tmp_path / "复制的文字.txt"
    copy.write_bytes(text.replace("\f", "\n").encode("gbk"))
    ledger, out, _ = one(copy, tmp_path / "txt")
    word, _ = run_import(docs["footnote_report"], tmp_path / "docx")
    fields = ("整改措施", "整改状态", "整改进展及成效")
    assert [p.title for p in ledger.problems] == [p.title for p in word.problems]
    assert rows(ledger, *fields) == rows(word, *fields)
    (note,) = warnings(out)
    assert "3 条脚注" in note


def test_footnotes_of_a_text():
    lines = [
        "……逐月通报各乡镇拨付情况1。该问题已整改完毕。",
        "已整改4个，完成率100%。",
        "",
        "1 见《某县资金管理办法》（某财〔2024〕7号）第十二条。",
        "2 依据《某法》第二十八条。",
        "年合并采购，接受社会监督。",
        "",
        "1 2024年完成的项目",  # a number and a space, but no citation: not a note
    ]
    from ledger_tools.importing.extract import _text_footnotes

    assert _text_footnotes(lines) == {3, 4}
    assert lines[0] == "……逐月通报各乡镇拨付情况。该问题已整改完毕。"
    assert lines[1] == "已整改4个，完成率100%。"  # no "2" to take out: nothing taken
