"""The fifth 公文 review (GB/T 9704-2012, 《党政机关公文处理工作条例》), kept fixed.

Every document (方案, 报告, 通报, 汇总报告, 督办通知) was rendered from the example and from other
ledgers — everything done, nothing started, 【】 missing fields, a unit name of 30 characters,
responsibility cells naming seven departments and a 31-character department, every other
measure 长期坚持, a generated ledger of 300 measures, real layouts (民主生活会, school, hospital,
audit) — converted with LibreOffice and every page looked at. What the 办公室 sent back, each
kept fixed here on the real .docx and, for the task list, on the PDF:

* a department name wider than its column broke inside a word ("质量安全监/督站", "后勤服务中/心",
  "分管副院/长"), and in a list "组织人事科、" one character too wide for the column went down
  as "组织人事/科、"; the 责任人 column broke names ("周晓/梅、徐/敏");
* the 民主生活会 aspect "带头在推动高质量发展上创新实干方面" was headed "在带头在推动…方面";
* a problem whose late measures were due in March and in April said "其中2条措施原计划于2024年
  4月底前完成" — the task list a few pages on says 3月底前 for one of them;
* the 通报 of a ledger where nothing is started put the dates before the plan: "1.…。计划于
  2024年9月底前完成；其中2条措施原计划于…，现已超期【…】。下一步计划：…";
* the plan printed a 整改目标 typed without its "。" as a paragraph without one;
* a 文稿段落 saying "十三个问题" was not checked against the ledger (figures in digits were);
* the 汇总报告 ended sixteen overdue items of one unit alike with "目前尚未启动";
* the report closed a problem whose status cannot be read with a bare "【整改状态未填或无法识别】",
  every other status sentence with "。".
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402
from test_doc_review import run_cli, summary_of  # noqa: E402
from test_doc_review2 import measure, write_ledger  # noqa: E402
from test_doc_review4 import render, texts  # noqa: E402 - the same AS_OF

from ledger_tools.documents.render import find_office  # noqa: E402
from ledger_tools.documents.tabletext import cell_lines, name_lines, text_width  # noqa: E402
from ledger_tools.documents.wording import cn_count, mark_typed_totals  # noqa: E402

AS_OF = "2024-05-10"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "示例台账.xlsx"
SEVEN = "办公室、组织人事科、财务科、规划建设科、建筑市场监管科、房产管理科、质量安全监督站"
PEOPLE = "周晓梅、徐敏、赵文斌、孙立新、李淑芬"
LONG_DEPT = "某区住房和城乡建设局建设工程质量安全监督管理站"
# the template's column widths in characters (scripts/build_doc_templates.py cell_chars)
DEPT, LEADER, PERSON, DUE = 6.2, 4.27, 3.06, 5.48
NARROW = 5.24  # a 25 mm column


def _people_rows() -> list[dict[str, Any]]:
    """Three problems: departments and people by the handful, a long department, units."""
    return [
        measure(1, "意识形态工作责任落实不到位", "修订政务新媒体信息发布审核制度。", "正在推进",
                "2024年6月底前", 责任部门=SEVEN, 责任人=PEOPLE,
                责任领导="陈志远（党组书记、局长）、王建国（副局长）"),
        measure(1, "意识形态工作责任落实不到位", "清理整治长期未更新栏目。", "正在推进",
                "2024年6月底前", 责任部门=LONG_DEPT, 责任领导="分管副院长"),
        measure(2, "后勤管理不规范", "开展后勤服务专项检查。", "正在推进", "2024年4月15日前",
                责任部门="后勤服务中心", 责任人="周晓梅、徐敏"),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_ledger(tmp_path_factory.mktemp("review5") / "people.xlsx", _people_rows())


# ---------------------------------------------------------------------------------------------
# 1. Narrow cells: names whole, words whole


def test_names_wider_than_the_cell_break_between_words():
    assert name_lines("质量安全监督站", DEPT) == "质量安全\n监督站"
    assert name_lines("建筑市场监管科", DEPT) == "建筑市场\n监管科"
    assert name_lines("后勤服务中心", NARROW) == "后勤服务\n中心"
    assert name_lines("分管副院长", LEADER) == "分管副\n院长"
    assert name_lines("校党委书记", LEADER) == "校党委\n书记"
    assert name_lines("某某县人民医院", DEPT) == "某某县\n人民医院"
    assert name_lines(LONG_DEPT, NARROW) == "某区住房和\n城乡建设局\n建设工程\n质量安全\n监督管理站"
    # a word boundary costs less than a line: not "纪检监察/组组长"
    assert name_lines("纪检监察组组长", LEADER) == "纪检\n监察组\n组长"
    # never inside a number; markers and sentences are left to the cell
    assert "202\n" not in name_lines("第2024号专项工作领导小组", DEPT)
    marker = "【时限无法识别：2024年2月30日】"
    assert cell_lines(marker, DUE) == marker
    for fits in ("规划建设科", "办公室", "长期坚持"):
        assert cell_lines(fits, DEPT) == fits


def test_lists_of_names_in_narrow_cells():
    # every name fits with its "、": as many on a line as fit (as before)
    assert cell_lines("财务科、规划建设科", DEPT) == "财务科、\n规划建设科"
    assert cell_lines(SEVEN, DEPT) == (
        "办公室、\n组织人事科、\n财务科、\n规划建设科、\n建筑市场\n监管科、\n房产管理科、\n"
        "质量安全\n监督站"
    )
    assert cell_lines("陈志远、王建国、刘明华", LEADER) == "陈志远、\n王建国、\n刘明华"
    # in a narrower column "组织人事科、" is one character too wide: the "、" may not begin a
    # line, so "组织人事/科、" — the name breaks between its words instead, "、" after it
    assert cell_lines(SEVEN, NARROW).split("\n")[:4] == ["办公室、", "组织", "人事科、", "财务科、"]
    # names that cannot break (three-character names in a three-character column): one a
    # line, without the "、"
    assert cell_lines(PEOPLE, PERSON) == "周晓梅\n徐敏\n赵文斌\n孙立新\n李淑芬"
    # names broken between words keep their "、" where it fits: where one ends stays clear
    assert (
        cell_lines("建筑市场监管科、质量安全监督站", DEPT) == "建筑市场\n监管科、\n质量安全\n监督站"
    )
    assert cell_lines("后勤服务中心、办公室、财务科", DEPT) == "后勤服务\n中心、\n办公室、\n财务科"


def test_text_width_counts_the_gaps_between_chinese_and_digits():
    assert text_width("办公室") == 3
    assert text_width("4月15日前") == pytest.approx(5.1)  # 4.5 and three gaps
    assert text_width("2024年5月10日") == pytest.approx(7.5)  # docformat.DATE_WIDTH_CHARS
    assert cell_lines("2024年4月15日前", DUE) == "2024年\n4月15日前"


def test_task_list_and_duban_cells(tmp_path, people):
    table = docx.Document(render(people, "plan", tmp_path / "plan.docx")).tables[-1]
    header = [c.text for c in table.rows[0].cells]
    rows = [dict(zip(header, (c.text for c in row.cells), strict=True)) for row in table.rows[1:]]
    rows = [r for r in rows if r["整改措施"] and r["整改措施"] != r["序号"]]  # not 方面 rows
    assert len(rows) == 3
    assert rows[0]["责任部门"] == cell_lines(SEVEN, DEPT)
    assert rows[0]["责任部门"].split("\n")[-2:] == ["质量安全", "监督站"]
    assert rows[0]["责任人"] == PEOPLE.replace("、", "\n")
    assert rows[0]["责任领导"] == "陈志远、\n王建国"
    assert rows[1]["责任部门"] == "某区住房和\n城乡建设局\n建设工程质量\n安全监督\n管理站"
    assert rows[1]["责任领导"] == "分管副\n院长"
    assert rows[2]["责任部门"] == "后勤服务中心" and rows[2]["责任人"] == "周晓梅\n徐敏"
    # the 督办通知 of the department whose measure is late: 责任人 names whole
    out = tmp_path / "督办"
    run_cli("duban", people, "--today", AS_OF, "-o", out, "--force")
    notice = docx.Document(out / "督办通知-后勤服务中心.docx")
    cells = [c.text for c in notice.tables[0].rows[1].cells]
    assert "周晓梅\n徐敏" in cells


# ---------------------------------------------------------------------------------------------
# 2. Aspect headings with their own 在


def test_aspect_heading_says_zai_once(tmp_path):
    rows = [
        measure(1, "贯彻落实上级决策部署有时存在“上热中温下冷”", "建立重点工作落实清单。",
                "正在推进", "2024年6月底前", 方面="带头强化政治忠诚、提高政治能力方面"),
        measure(2, "生态环境执法“宽松软”", "开展执法案卷评查。", "正在推进", "2024年6月底前",
                方面="带头在推动高质量发展上创新实干方面"),
        measure(3, "巡察发现问题整改后仍然存在", "开展回头看。", "正在推进", "2024年6月底前",
                方面="巡察整改中问题仍然存在方面"),
    ]  # fmt: skip
    ledger = write_ledger(tmp_path / "l.xlsx", rows)
    for kind in ("report", "notice"):
        said = texts(render(ledger, kind, tmp_path / f"{kind}.docx"))
        assert "（一）在带头强化政治忠诚、提高政治能力方面" in said
        assert "（二）带头在推动高质量发展上创新实干方面" in said
        assert "（三）在巡察整改中问题仍然存在方面" in said  # 存在 is no 在
        assert not any("在带头在" in t for t in said)


# ---------------------------------------------------------------------------------------------
# 3. Late measures due on different days, and the 通报 of nothing started


def _late_rows(status: str) -> list[dict[str, Any]]:
    return [
        measure(1, "政治理论学习不够深入", "修订理论学习中心组学习制度。", status, "2024-03-31"),
        measure(1, "政治理论学习不够深入", "严格落实“第一议题”制度。", status, "2024年9月底前"),
        measure(1, "政治理论学习不够深入", "举办专题读书班。", status, "2024年4月底前"),
        measure(2, "意识形态工作责任落实不到位", "清理长期未更新栏目。", status, "2024年4月底前"),
        measure(2, "意识形态工作责任落实不到位", "修订信息发布审核制度。", status, "2024年4月底前"),
    ]


def test_late_measures_say_their_own_days(tmp_path):
    ledger = write_ledger(tmp_path / "l.xlsx", _late_rows("正在推进"))
    said = texts(render(ledger, "report", tmp_path / "r.docx"))
    assert (
        "目前正在推进，计划于2024年9月底前完成；其中2条措施原计划分别于2024年3月底前、"
        "4月底前完成，现已超期【请说明超期原因及预计完成时间】。"
    ) in said
    # two late measures due the same day: that day, once
    assert (
        "目前正在推进，原计划于2024年4月底前完成，现已超期【请说明超期原因及预计完成时间】。"
    ) in said


def test_notice_of_nothing_started_puts_dates_after_the_plan(tmp_path):
    ledger = write_ledger(tmp_path / "l.xlsx", _late_rows("未启动"))
    said = texts(render(ledger, "notice", tmp_path / "n.docx"))
    items = [t for t in said if t[:2] in ("1.", "2.")]
    assert items == [
        "1.政治理论学习不够深入。下一步计划：修订理论学习中心组学习制度；严格落实“第一议题”"
        "制度；举办专题读书班。上述措施计划于2024年9月底前完成；其中2条措施原计划分别于"
        "2024年3月底前、4月底前完成，现已超期【请说明超期原因及预计完成时间】。",
        "2.意识形态工作责任落实不到位。下一步计划：清理长期未更新栏目；修订信息发布审核制度。"
        "上述措施原计划于2024年4月底前完成，现已超期【请说明超期原因及预计完成时间】。",
    ]


def test_the_days_of_a_delay_read_back_by_import(tmp_path):
    """``import`` of a report gives each late measure the 延期说明 its problem's status sentence
    gives, the days listed ("分别于2024年3月底前、4月底前") as well as one day."""
    from ledger_tools.importing import fields as F
    from ledger_tools.importing.mapping import _late_reason

    said = "目前正在推进，原计划分别于2024年3月底前、4月底前完成，因审批延长，预计6月底前完成。"
    due, why = F.delay_reason(said)
    assert due == "2024年3月底前、4月底前" and why.startswith("因审批延长")
    rows = [
        {"整改状态": "正在推进", "整改时限": "2024年3月底前"},
        {"整改状态": "正在推进", "整改时限": "2024年4月底前"},
        {"整改状态": "正在推进", "整改时限": "2024年9月底前"},
    ]
    _late_reason(rows, due, why)
    assert [bool(r.get("延期说明")) for r in rows] == [True, True, False]


# ---------------------------------------------------------------------------------------------
# 4. Paragraphs of the plan close with "。"


def test_plan_paragraphs_typed_without_a_full_stop(tmp_path):
    rows = [
        measure(1, "制度执行不严格", "建立健全制度。", "正在推进", "2024年6月底前",
                问题表现="制度多年未修订", 整改目标="做到问题清零、制度完善"),
        measure(2, "台账管理不规范", "规范台账。", "正在推进", "2024年6月底前",
                问题表现="台账登记不及时？", 整改目标="台账规范（按月更新）"),
    ]  # fmt: skip
    said = texts(render(write_ledger(tmp_path / "l.xlsx", rows), "plan", tmp_path / "p.docx"))
    assert "制度多年未修订。" in said and "整改目标：做到问题清零、制度完善。" in said
    assert "台账登记不及时？" in said and "整改目标：台账规范（按月更新）。" in said


# ---------------------------------------------------------------------------------------------
# 5. Figures in Chinese numerals typed into 文稿段落


def test_chinese_numerals_are_checked_too():
    assert [cn_count(x) for x in ("十三", "四十四", "一百零五", "两", "二十", "3")] == [
        13, 44, 105, 2, 20, 3,
    ]  # fmt: skip
    assert cn_count("十十") is None
    totals = {"方面数": 3, "问题数": 6, "措施数": 12}
    assert mark_typed_totals("把反馈的十三个问题细化为四十四条整改措施", totals) == (
        "把反馈的十三个问题【台账为6项问题，请核对】细化为四十四条整改措施【台账为12条措施，请核对】"
    )
    assert mark_typed_totals("对照反馈的四个方面", totals).endswith("【台账为3个方面，请核对】")
    for same in (
        "把反馈的六个问题细化为十二条整改措施",  # agrees
        "反馈的第三个问题",  # an ordinal
        "对反馈的每一个问题逐项研究",  # each one, not a count
        "上轮巡察反馈的十八个问题中",  # another round
    ):
        assert mark_typed_totals(same, totals) == same


def test_chinese_numerals_in_the_document_and_in_check(tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["文稿段落"]
    for row in ws.iter_rows(min_row=2):
        if isinstance(row[3].value, str) and "13个问题" in row[3].value:
            row[3].value = (
                row[3].value.replace("13个问题", "十五个问题").replace("44条", "四十四条")
            )
    wb.save(tmp_path / "l.xlsx")
    said = "\n".join(texts(render(tmp_path / "l.xlsx", "notice", tmp_path / "n.docx")))
    assert "十五个问题【台账为13项问题，请核对】" in said
    assert "四十四条整改措施【" not in said  # the example has 44 measures
    out = run_cli("check", tmp_path / "l.xlsx", "--today", AS_OF).output
    assert "“十五个问题”（台账为13项问题）" in out


# ---------------------------------------------------------------------------------------------
# 6. The 汇总报告 says a unit's shared state once


def test_summary_says_a_shared_state_once(tmp_path):
    rows = _late_rows("未启动")
    zero = write_ledger(tmp_path / "zero.xlsx", rows)
    summary = texts(summary_of([EXAMPLE, zero], tmp_path))
    heading = next(t for t in summary if "zero.xlsx" in t and t.endswith("条，均尚未启动）"))
    # (a unit named twice: its file and the count in one bracket, round 8)
    assert heading == "2.某区住房和城乡建设局（zero.xlsx，4条，均尚未启动）"
    start = summary.index(heading) + 1
    items = summary[start : start + 4]
    assert all(t.startswith(f"（{k}）") for k, t in enumerate(items, 1)), items
    assert all("目前" not in t and t.endswith("天）") for t in items), items
    # the example's one overdue measure keeps its own state
    one = summary[summary.index(next(t for t in summary if t.endswith("，1条）"))) + 1]
    assert one.endswith("，目前正在推进）")


# ---------------------------------------------------------------------------------------------
# The task list on the page (LibreOffice)


def test_task_list_pages(tmp_path, people):
    if find_office() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice 或 pdftotext 未安装")
    plan = render(people, "plan", tmp_path / "plan.docx")
    assert convert_to_pdf([plan], tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "plan.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    words = [w for line in text.splitlines() for w in line.split()]
    # whole words on their lines: no "监/督站", "中/心", "组织人事/科", "周晓/梅"
    for word in ("监督站", "后勤服务中心", "组织人事科、", "规划建设科、", "周晓梅", "院长"):
        assert word in words, (word, words)
    for piece in ("督站", "心", "科、", "梅、", "长"):
        assert piece not in words, piece


# ---------------------------------------------------------------------------------------------
# 7. A status that cannot be read is a sentence like the others


def test_unknown_status_sentence_closes_with_a_full_stop(tmp_path):
    rows = [
        measure(1, "制度执行不严格", "建立健全制度。", "差不多完成", "2024年6月底前"),
        measure(2, "台账管理不规范", "规范台账。", "正在推进", "2024年6月底前"),
    ]
    ledger = write_ledger(tmp_path / "l.xlsx", rows)
    report = texts(render(ledger, "report", tmp_path / "r.docx"))
    assert "【整改状态未填或无法识别】。" in report
    notice = texts(render(ledger, "notice", tmp_path / "n.docx"))
    item = next(t for t in notice if t.startswith("1."))
    assert item.endswith("【整改状态未填或无法识别】。") and "】。。" not in item


def test_notice_of_nothing_started_imports_back(tmp_path):
    """``import`` of that 通报 reads the plan's dates as dates, not as one more measure."""
    import openpyxl

    ledger = write_ledger(tmp_path / "l.xlsx", _late_rows("未启动"))
    notice = render(ledger, "notice", tmp_path / "n.docx")
    run_cli("import", notice, "-o", tmp_path / "back.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "back.xlsx")["整改台账"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)]
    measures = [r["整改措施"] for r in rows if r["整改措施"]]
    assert len(measures) == 5, measures
    assert not any(m.startswith(("上述措施", "该措施", "其中")) for m in measures)
    assert all(r["整改状态"] == "未启动" for r in rows if r["整改措施"])
    # the second problem's measures were all due one day: read back as their 整改时限
    second = [r for r in rows if r["整改措施"]][3:]
    assert [r["整改时限"] for r in second] == ["2024年4月底前"] * 2
    # the first's are days listed with a part late: not guessed
    assert not any(r["整改时限"] for r in rows[:3])
