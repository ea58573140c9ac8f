"""``ledger-tools import`` on the thirteenth round of genre documents (``tests/genre_docs13.py``):
each .docx also made into a PDF by LibreOffice (one run for all of them), the report into a Word
97 .doc (also under a .wps name, as WPS 文字 saves one) and an OFD as well; the web page and the
text copied from it as saved; imported through the real command, the ledger read back and judged
row by row (方面, 问题, 措施, 牵头部门, 责任部门, 时限, 状态, 完成时间, 进展, 提醒) against the
builders' own data, then ``check`` run on it.

The rule these pin (docs/import.md “过去时的整改情况”): a past-tense 整改情况 with no status word
states its status by one rule, ``fields.account_status``, whether it is a problem's 整改情况
paragraph or one measure's own result.
"""

from __future__ import annotations

import datetime as dt

import genre_docs13 as G
import pytest
from ofd_files import ofd_from_pdf
from office_pdf import convert_to_pdf
from test_import5 import same_ledger
from test_import6 import table
from test_import_genre import check_errors, run_check, run_import, warnings

from ledger_tools.importing import fields as F
from ledger_tools.importing import parse as P
from ledger_tools.importing.extract import Block

LINKED = (
    "起列出的附件“云栖镇巡察整改任务清单.docx”“云栖镇巡察整改制度汇编.pdf”是另外的文件"
    "（网页上的下载链接），不在本文件中；附件里的问题清单或任务清单请下载后与本文件一起导入"
    "（ledger-tools import 本文件 附件文件 -o 台账.xlsx）。"
)


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("genre13")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    if convert_to_pdf(paths.values(), folder):
        convert_to_pdf([paths["past_report"]], folder, to="doc")
        # WPS 文字 saves a .wps as an OLE compound file like Word 97's: the .doc under that name
        doc = folder / "past_report.doc"
        (folder / "past_report.wps").write_bytes(doc.read_bytes())
        try:
            ofd_from_pdf(folder / "past_report.pdf", folder / "past_report.ofd")
        except ImportError:  # pdfplumber (the ``pdf`` extra) reads the PDF's characters
            pass
    for file, build in G.OTHER_BUILDERS.items():
        paths[file] = build(folder / file)
    return paths


def imported(docs, name, suffixes, tmp_path):
    """[(suffix, ledger, output, workbook)] of ``name`` in each of ``suffixes`` (skipped when
    LibreOffice made none of the converted ones)."""
    found = []
    for k, suffix in enumerate(suffixes):
        path = docs[name].with_suffix(suffix)
        if not path.exists():
            pytest.skip(f"no {suffix} made (LibreOffice or pdfplumber is not installed)")
        ledger, out = run_import(path, tmp_path / str(k))
        found.append((suffix, ledger, out, next((tmp_path / str(k)).glob("*.xlsx"))))
    return found


def day(value: str | None):
    return dt.date.fromisoformat(value) if value else None


# ---------------------------------------------------------------------------------------------


def test_past_tense_report_in_word_pdf_doc_wps_and_ofd(docs, tmp_path):
    """整改情况 in the past tense with figures and no status word: "已于2025年5月20日完成……" is
    已完成 with its day, "已完成……，计划于2025年10月底前完成全部销号" and "已复核合同58份，尚有
    12份正在复核，计划于……完成全部合同复核" are 正在推进 with the planned date (before: no status
    and no deadline — the date sat in the sentence with an object after 完成), "已完成规定修订，
    ……" is 已完成, "……，长期坚持" 长期坚持; every measure of "整改措施：1.……；2.……。" ends with
    its full stop (before: all but the last had none)."""
    want = []
    for aspect, problems in G.PAST:
        for problem, measures, told, status, due, done in problems:
            for k, m in enumerate(measures):
                last = k == len(measures) - 1
                progress = told.replace("，长期坚持", "") if last else None
                want.append((aspect, problem, m + "。", status, due or None, day(done), progress))
    found = imported(docs, "past_report", (".docx", ".pdf", ".doc", ".wps", ".ofd"), tmp_path)
    for suffix, ledger, out, xlsx in found:
        got = table(ledger, "整改措施", "整改状态", "整改时限", "完成时间", "整改进展及成效")
        assert got == want, suffix
        assert "识别出 2 个方面、5 项问题、11 条整改措施" in out, suffix
        assert f"报告标题：{G.PAST_TITLE}\n" in out, suffix
        assert "报告成文日期：2025年7月15日" in out, suffix
        assert warnings(out) == [], suffix
        said = run_check(xlsx)
        assert "问题状态：已完成 2 项，长期坚持 1 项，正在推进 2 项" in said, suffix
        # what the report does not say (responsibility; the deadlines of the finished work)
        assert check_errors(said) == {"责任领导", "责任部门", "整改时限"}, suffix
    same_ledger(found)


@pytest.mark.parametrize("file", ["shi_notice.html", "shi_notice_copied.txt", "shi_notice.pdf"])
def test_notice_of_items_each_with_its_state(docs, tmp_path, file):
    """ "整改情况：一是……，已完成；二是……，长期坚持；三是……，已完成复查记录214份。": each item's
    own state — a status clause, a past tense ("已完成复查记录214份": the account is both measure
    and 进展), "，已于2025年3月完成" (已完成, its month the day done), "，计划于2025年9月底前完成
    全部资产录入" (its deadline, no status: a plan says none; before: the date stayed in the
    measure) — and a closing "目前该问题正在推进。" the state of the items that say none. The page's
    来源/发布时间, 分享 and 扫一扫 lines are furniture; its 附件 links are named in one reminder."""
    want = [
        (aspect, problem, m, status, due or None, done or None)
        for aspect, problems in G.SHI
        for problem, items, _ in problems
        for m, _, status, due, done in items
    ]
    path = docs[file] if file in docs else docs["shi_notice"].with_suffix(".pdf")
    if not path.exists():
        pytest.skip("LibreOffice is not installed: no PDF to read")
    ledger, out = run_import(path, tmp_path)
    got = table(ledger, "整改措施", "整改状态", "整改时限", "完成时间")
    assert got == want
    account = [
        m.get("整改进展及成效") for a in ledger.aspects for p in a.problems for m in p.measures
    ]
    third = G.SHI[0][1][0][1][2]  # (the first problem's third item, as written)
    assert account[2] == third[1] + "。"
    assert account.count(None) == len(account) - 1
    assert "识别出 2 个方面、3 项问题、7 条整改措施" in out
    assert f"通报标题：{G.SHI_TITLE}\n" in out
    assert "报告成文日期：2025年8月20日" in out
    told = warnings(out)
    if file == "shi_notice.pdf":
        assert told == []
    elif file == "shi_notice.html":
        assert told == ["第15段" + LINKED]
    else:
        assert told[0].startswith("页眉页脚、网页上的栏目导航、发布时间、打印和关闭按钮等 6 行")
        assert told[1:] == ["第18行" + LINKED]


def test_plan_of_items_with_their_own_tails_in_one_paragraph(docs, tmp_path):
    """ "整改措施：（1）……（牵头单位：…；责任单位：…；完成时限：…）；（2）……。": each item's tail
    is its own, deadlines as written ("立行立改、长期坚持", "2025年底前", "长期坚持", a day), each
    measure ending with its full stop — Word and PDF."""
    want = [
        (aspect, problem, m + "。", lead, unit, due)
        for aspect, problems in G.TAILS
        for problem, measures in problems
        for m, lead, unit, due in measures
    ]
    found = imported(docs, "tails_plan", (".docx", ".pdf"), tmp_path)
    for suffix, ledger, out, xlsx in found:
        got = table(ledger, "整改措施", "牵头部门", "责任部门", "整改时限")
        assert got == want, suffix
        assert "识别出 2 个方面、3 项问题、7 条整改措施" in out, suffix
        assert "方案成文日期：2025年3月5日" in out, suffix
        assert warnings(out) == [], suffix
        # a plan says no 责任领导 and no status yet (left for the clerk)
        assert check_errors(run_check(xlsx)) == {"责任领导", "整改状态"}, suffix
    same_ledger(found)


def test_task_list_of_several_measures_a_cell_over_pages(docs, tmp_path):
    """A 任务清单 whose 整改措施 cell holds "1.……；2.……；3.……。" and whose header row repeats on
    every page: one row a measure, each ending with its full stop (before: all but the last
    written without one), the row's 责任领导/责任单位/时限 on each — Word and PDF."""
    want = [
        (kind, problem, m + "。", leader, unit, due)
        for kind, problem, measures, leader, unit, due in G.TABLE_ROWS
        for m in measures
    ]
    found = imported(docs, "table_plan", (".docx", ".pdf"), tmp_path)
    for suffix, ledger, out, xlsx in found:
        got = table(ledger, "整改措施", "责任领导", "责任部门", "整改时限")
        assert got == want, suffix
        assert "识别出 3 个方面、7 项问题、17 条整改措施" in out, suffix
        assert warnings(out) == [], suffix
        assert check_errors(run_check(xlsx)) == {"整改状态"}, suffix
    same_ledger(found)


def test_progress_table_in_the_past_tense(docs, tmp_path):
    """A 整改落实情况表 without a status column: its 整改进展 cells are read by the same rule as
    the text's 整改情况 (before: "已于2025年5月20日完成……", "已完成合同复核46份，计划于……完成
    全部合同复核" and "已完成制度修订并印发执行" gave no status, no deadline, no day done);
    "已制定年度培训计划，举办业务培训2期" says none — Word and PDF."""
    want = [
        # ("……，长期坚持" is the status: the progress keeps what was done)
        (None, problem, measure, unit, status, due, day(done), progress.replace("，长期坚持", ""))
        for problem, measure, unit, progress, status, due, done in G.PROGRESS_ROWS
    ]
    found = imported(docs, "progress_table", (".docx", ".pdf"), tmp_path)
    for suffix, ledger, out, _ in found:
        got = table(
            ledger, "整改措施", "责任部门", "整改状态", "整改时限", "完成时间", "整改进展及成效"
        )
        got = [(None, *row[1:]) for row in got]  # (no 方面: the table has no such column)
        assert got == want, suffix
        assert "识别出 1 个方面、5 项问题、5 条整改措施" in out, suffix
    same_ledger(found)


# ---------------------------------------------------------------------------------------------
# The rules, piece by piece.


def test_account_status_is_one_rule():
    rule = F.account_status
    assert rule("已于2025年5月20日完成全部抽检数据分析，重新分配抽检任务1260批次。") == (
        "已完成",
        "",
        "2025年5月20日",
    )
    assert rule("已完成全部补贴档案复核，追回违规补贴资金4.6万元。") == ("已完成", "", "")
    assert rule("各村均已完成财务公开。") == ("已完成", "", "")
    assert rule("已基本完成系统建设。") == ("基本完成", "", "")
    # part done, the rest planned or still open: in progress (the plan's date its deadline)
    assert rule("已完成资料复核46份，计划于2025年6月底前完成全部合同复核。") == (
        "正在推进",
        "2025年6月底前",
        "",
    )
    assert rule("已复核合同58份，尚有12份正在复核。") == ("正在推进", "", "")
    # a plan alone says no status, only the date
    assert rule("录入管理平台，计划于2025年9月底前完成全部资产录入。") == ("", "2025年9月底前", "")
    assert rule("力争2025年底前全部整改到位。") == ("", "2025年底前", "")
    # what was done, not that it is finished; a part of them; nothing past
    assert rule("已制定方案，开展检查416家。") is None
    assert rule("部分村已完成财务公开。") is None
    assert rule("建立销号台账。") is None
    assert F.planned_deadline("计划于2025年6月底前完成全部合同复核") == "2025年6月底前"


def test_the_rule_is_the_same_for_a_problem_and_for_a_measure(tmp_path):
    """The same past-tense text gives the same status, deadline and day whether it is a
    problem's 整改情况 paragraph or one measure's own result (before: "已于……完成……" and
    "已完成……" with an object were a status after a numbered measure, nothing in 整改情况)."""
    told = [
        ("已于2025年5月20日完成全部项目资金清理。", ("已完成", None, dt.date(2025, 5, 20))),
        ("已完成全部补贴档案复核，追回资金4.6万元。", ("已完成", None, None)),
        (
            "已完成资料复核46份，计划于2025年6月底前完成全部合同复核。",
            ("正在推进", "2025年6月底前", None),
        ),
        ("已制定方案，开展检查416家。", (None, None, None)),
    ]
    lines = ["青禾县农业农村局关于县委巡察反馈问题整改情况的报告", "一、惠农政策落实方面"]
    for k, (text, _) in enumerate(told):
        lines += [f"（{G.ORDINAL[k]}）问题甲{k}。", "整改措施：开展专项清理。", f"整改情况：{text}"]
    for k, (text, _) in enumerate(told):
        lines += [
            f"（{G.ORDINAL[k + 4]}）问题乙{k}。",
            f"1.开展专项清理。{text}",
            "2.建立长效机制。",
        ]
    lines += ["青禾县农业农村局", "2025年7月10日"]
    path = tmp_path / "report.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    ledger, out = run_import(path, tmp_path / "out")
    rows = {
        p.title: (m.get("整改状态"), m.get("整改时限"), m.get("完成时间"))
        for a in ledger.aspects
        for p in a.problems
        for m in p.measures[:1]
    }
    for k, (_, want) in enumerate(told):
        assert rows[f"问题甲{k}"] == want, k
        assert rows[f"问题乙{k}"] == want, k


def test_planned_date_with_what_is_to_be_finished_after_it():
    assert P._PLANNED_BY.search("，计划于2025年9月底前完成全部资产录入。")
    assert P._PLANNED_BY.search("，计划2025年6月底前完成。")
    # a date that is not a plan's
    assert not P._PLANNED_BY.search("，于2025年9月底前完成全部资产录入。")


def test_full_stop_of_a_measure():
    assert F.full_stop("建立月调度制度") == "建立月调度制度。"
    assert F.full_stop("建立月调度制度；") == "建立月调度制度。"
    assert F.full_stop("修订《管理办法（试行）》") == "修订《管理办法（试行）》。"
    assert F.full_stop("开展“回头看”") == "开展“回头看”。"
    assert F.full_stop("建立月调度制度。") == "建立月调度制度。"
    assert F.full_stop("") == ""


def test_linked_attachments_and_scan_lines():
    assert P._ATTACHED_FILE.match("附件：1.整改任务清单.docx").group("name") == "整改任务清单.docx"
    assert P._ATTACHED_FILE.match("2、制度汇编.PDF").group("name") == "制度汇编.PDF"
    assert P._ATTACHED_FILE.match("整改台账.xlsx")
    # an attachment's title, or a sentence naming a file, is no link
    assert not P._ATTACHED_FILE.match("附件：整改任务清单")
    assert not P._ATTACHED_FILE.match("请于5月底前报送整改台账.xlsx，逾期不候")
    assert P._WEB_FURNITURE.match("扫一扫在手机打开当前页")
    assert not P._WEB_FURNITURE.match("扫一扫，对全镇企业开展全覆盖检查。")
    assert P._is_signature(Block("中共云栖镇委员会", "第1行"))
