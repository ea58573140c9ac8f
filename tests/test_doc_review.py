"""What a 公文 reviewer (办公室秘书科) found reading the generated documents page by page, kept
fixed: each test renders real .docx files through the CLI from real .xlsx ledgers — the example
and real-style ledgers without a 基本信息 sheet (``tests/real_layouts.py``) — reopens them with
python-docx and asserts the property the reviewer checked. One test converts with LibreOffice.

The defects a 公文 reviewer found (README 文稿与模板 describes the rules they broke):

* the plan's opening began with "，" when 反馈日期 was empty, and read "由任组长" without a 组长;
* the report said a measure's state and then the problem's status sentence said it again
  ("该项工作正在推进。" / "目前正在推进…"; "…，原定于…完成，目前尚未启动。" / "目前尚未启动，原计划于…");
* a narrative ending "……计划于2024年6月底前完成。" was followed by "目前正在推进，计划于2024年6月底前
  完成。";
* the plan's 共梳理…个方面 printed a doubtful 方面数 without the 【】 the report gives it;
* measures of the plan ran into their 责任 bracket with or without "。", as the cell had it;
* the 整改任务清单 wrote "2024.4.15前" in the rows next to "2024年6月底前";
* the notice's title dropped an empty 监督类型 silently while every other field was marked,
  and a problem not started said only its date, not what is planned;
* "其中1项措施原计划于…" counted measures in 项 (they are counted in 条);
* the 汇总报告 said "办结率达到100%的0个", ended some overdue items with "。（" and others
  without, and wrote "目前未启动".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
AS_OF = "2024-05-10"
DOCS = {"plan": "整改方案.docx", "report": "整改情况报告.docx", "notice": "整改进展情况通报.docx"}
# Real-style ledgers with no 基本信息 sheet: every 基本信息 field is missing.
LAYOUTS = ("audit", "xuncha_two_row_header", "wps_hand_made", "supervision")


def run_cli(*args: Any) -> Any:
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def layouts() -> Any:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import real_layouts
    finally:
        sys.path.pop(0)
    return real_layouts


def render_docs(ledger: Path, out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind, name in DOCS.items():
        args = ["plan"] if kind == "plan" else ["report", "--kind", kind]
        paths[kind] = out / name
        run_cli(*args, ledger, "--today", AS_OF, "-o", paths[kind], "--force")
    return paths


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """The three documents of the example and of each real-style layout."""
    base = tmp_path_factory.mktemp("review")
    out = {"example": render_docs(EXAMPLE, base / "example")}
    for name in LAYOUTS:
        ledger = base / f"{name}.xlsx"
        getattr(layouts(), name)(ledger)
        out[name] = render_docs(ledger, base / name)
    return out


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text.strip()]


def table_texts(path: Path) -> list[str]:
    return [c.text for t in docx.Document(path).tables for r in t.rows for c in r.cells]


def body_style_paragraphs(path: Path, style: str) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.style.name == style and p.text]


# ---------------------------------------------------------------------------------------------
# The plan


@pytest.mark.parametrize("ledger", LAYOUTS)
def test_plan_opening_and_group_never_show_a_seam(rendered, ledger):
    paras = texts(rendered[ledger]["plan"])
    opening = next(p for p in paras if "反馈了" in p)
    assert not opening.startswith(("，", "。", "、")), opening
    assert opening.startswith("【反馈日期未填】，")  # marked like the report marks it
    group = next(p for p in paras if "整改工作领导小组" in p)
    assert "由任组长" not in group and "由【领导小组组长未填】任组长" in group


def test_plan_with_everything_filled_has_no_marker(rendered):
    paras = texts(rendered["example"]["plan"])
    assert not any("【" in p for p in paras), [p for p in paras if "【" in p]
    assert paras[2].startswith("2024年3月4日，区委第二巡察组向")


@pytest.mark.parametrize("ledger", ("example", *LAYOUTS))
def test_plan_measures_end_with_one_full_stop_before_their_duty_bracket(rendered, ledger):
    # "（1）…" when a problem has several measures, "整改措施：…" when it has one
    only = body_style_paragraphs(rendered[ledger]["plan"], "公文正文")
    measures = body_style_paragraphs(rendered[ledger]["plan"], "四级标题") + [
        p for p in only if p.startswith("整改措施：")
    ]
    assert measures
    for m in measures:
        text, _, duty = m.partition("（责任")
        assert text.endswith("。") and not text.endswith("。。"), m
        assert not duty or duty.endswith("）"), m


def test_plan_figures_carry_the_reports_doubt_marks(rendered):
    """audit has no 方面 column: no 方面 is counted, in the report and in the plan alike (a
    ledger with no 方面 at all has no 方面 heading either, 公文 review 9; it used to be a
    doubtful "【1】个方面" in both)."""
    plan = next(p for p in texts(rendered["audit"]["plan"]) if "共梳理" in p)
    report = next(p for p in texts(rendered["audit"]["report"]) if p.startswith("对照"))
    assert plan.startswith("对照反馈意见，共梳理3项问题，"), plan
    assert report.startswith("对照【监督机构未填】反馈的3项问题，"), report
    assert "个方面" not in plan + report and "方面数可能不准" not in report


@pytest.mark.parametrize("ledger", ("example", *LAYOUTS))
def test_task_table_dates_in_the_bodys_one_form(rendered, ledger):
    """The 整改时限 column writes dates as the body does: never "2024.4.15前" beside
    "2024年6月底前"."""
    plan = rendered[ledger]["plan"]
    table = docx.Document(plan).tables[-1]
    # a line break after 年 (cell_lines) is layout, not a second form
    cells = [r.cells[-1].text for r in table.rows[1:] if len({id(c._tc) for c in r.cells}) > 1]
    # (a deadline kept on after its date, "2024年6月底前并长期坚持", breaks before 并长期坚持 too)
    heads = [c.removesuffix("\n并长期坚持") for c in cells]
    assert all(c.count("\n") <= 1 and "年\n" in c or "\n" not in c for c in heads), cells
    dates = [c.replace("\n", "") for c in cells]
    assert dates
    form = re.compile(r"(\d{4}年\d{1,2}月(底|\d{1,2}日)前|立行立改)(并长期坚持)?|长期坚持")
    assert all(form.fullmatch(d) for d in dates), dates
    assert not any(re.search(r"\d{4}\.\d", t) for t in table_texts(plan))
    # every date of the table is written the same way in the body's 责任 brackets
    body = "".join(texts(plan))
    assert all(f"完成时限：{d}" in body for d in dates)


# ---------------------------------------------------------------------------------------------
# The report and the notice


def measure_and_status(path: Path) -> list[tuple[str, str]]:
    """(整改措施及结果 paragraph — 整改措施 while the problem is not started —, the status
    sentence after it) of every problem."""
    paras = texts(path)
    labels = ("整改措施及结果：", "整改措施：")
    return [(p, paras[i + 1]) for i, p in enumerate(paras) if p.startswith(labels)]


@pytest.mark.parametrize("ledger", ("example", *LAYOUTS))
def test_report_never_says_a_problems_state_twice(rendered, ledger):
    pairs = measure_and_status(rendered[ledger]["report"])
    assert pairs
    for measures, status in pairs:
        assert status.startswith("目前") or status.startswith("【"), status
        if status.startswith("目前尚未启动"):
            assert "尚未启动" not in measures and "原定于" not in measures, (measures, status)
        if status.startswith("目前正在推进"):
            # a measure may say it is in progress only if its problem has other states
            assert measures.count("该项工作正在推进") == 0 or "已于" in measures, measures


def test_a_plan_the_narrative_just_said_is_not_repeated(rendered):
    """Example 问题13: its last narrative ends "……计划于2024年6月底前完成。"; the status sentence
    after it does not say the same clause again. The notice (leads, no narrative) keeps it."""
    measures, status = measure_and_status(rendered["example"]["report"])[12]
    assert measures.endswith("计划于2024年6月底前完成。") and status == "目前正在推进。"
    item = next(p for p in texts(rendered["example"]["notice"]) if p.startswith("13."))
    assert "目前正在推进，计划于2024年6月底前完成。" in item
    for measures, status in measure_and_status(rendered["example"]["report"]):
        clause = status.removesuffix("。").partition("，")[2]
        assert not clause or not measures.endswith(clause + "。"), (measures, status)


def test_unstarted_problem_is_said_as_a_plan_once(rendered):
    measures, status = measure_and_status(rendered["audit"]["report"])[2]
    assert measures == "整改措施：将建立招标审核制度。"  # no 结果 yet
    assert status == "目前尚未启动，原计划于2024年3月底前完成，制度待党组会审议。"


def one_problem_report(tmp_path: Path, *rows: tuple[str, str, str]) -> tuple[str, str]:
    """(整改措施及结果, status sentence) of the report of a standard ledger holding one problem
    whose measures are ``rows`` of (整改措施, 整改时限, 整改状态)."""
    from ledger_tools.ledger import columns as C
    from ledger_tools.ledger.workbook import build_workbook, write_ledger_row

    path = tmp_path / "台账.xlsx"
    wb = build_workbook("某区档案馆")
    base = {"序号": 1, "方面": "政治建设方面", "问题": "学习制度不健全", "责任部门": "办公室"}
    for r, (measure, due, status) in enumerate(rows, start=2):
        values = {**base, "整改措施": measure, "整改时限": due, "整改状态": status}
        write_ledger_row(wb[C.SHEET_LEDGER], r, values)
    wb.save(path)
    out = tmp_path / "报告.docx"
    run_cli("report", path, "--today", AS_OF, "-o", out, "--force")
    return measure_and_status(out)[0]


def test_a_measure_in_another_state_than_its_problem_still_says_it(tmp_path):
    """Problem 问题 with one measure 基本完成 (no narrative) and one 正在推进: the 基本完成
    one says so, since the problem's sentence says 正在推进."""
    measures, status = one_problem_report(
        tmp_path,
        ("修订学习制度", "2024-06-30", "基本完成"),
        ("开展专题研讨", "2024-09-30", "正在推进"),
    )
    assert "修订学习制度。该项工作已基本完成" in measures
    assert "开展专题研讨" in measures and "该项工作正在推进" not in measures
    assert status.startswith("目前正在推进")


def test_notice_says_what_an_unstarted_problem_will_do(rendered):
    # the audit ledger has no 方面: its problems are "（一）" (round 10: no level skipped)
    item = next(p for p in texts(rendered["audit"]["notice"]) if p.startswith("（三）"))
    assert item == (
        "（三）未按规定公开招标。目前尚未启动，原计划于2024年3月底前完成，制度待党组会审议。"
        "下一步计划：建立招标审核制度。"
    )


def test_late_measures_are_counted_in_tiao(tmp_path):
    """措施 are counted in 条 everywhere ("整改措施44条"), also in the status sentence."""
    _, status = one_problem_report(
        tmp_path,
        ("修订学习制度", "2024-04-30", "正在推进"),
        ("开展专题研讨", "2024-09-30", "正在推进"),
    )
    assert status.startswith(
        "目前正在推进，计划于2024年9月底前完成；其中1条措施原计划于2024年4月底前完成"
    )


@pytest.mark.parametrize("ledger", LAYOUTS)
def test_notice_title_marks_a_missing_inspection_kind(rendered, ledger):
    lines = body_style_paragraphs(rendered[ledger]["notice"], "公文标题")
    assert "".join(lines).endswith("关于【监督类型未填】整改落实进展情况的通报")
    for line in lines:  # a marker is never cut by a title line break
        assert line.count("【") == line.count("】"), lines


@pytest.mark.parametrize("ledger", ("example", *LAYOUTS))
def test_no_sentence_about_nothing(rendered, ledger):
    """No "0项", "0个", "0条", "0人次" or "0元" sentence in any document."""
    zero = re.compile(r"(?<![\d.,])0(项|个|条|人次|元|万元)")
    for path in rendered[ledger].values():
        found = [p for p in texts(path) + table_texts(path) if zero.search(p)]
        assert not found, (path.name, found)


# ---------------------------------------------------------------------------------------------
# The 汇总报告 (merge, then report --kind summary)


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("summary")
    ledgers = [base / "示例.xlsx"]
    shutil.copy(EXAMPLE, ledgers[0])
    for name in ("audit", "xuncha_two_row_header", "wps_hand_made"):
        ledgers.append(base / f"{name}.xlsx")
        getattr(layouts(), name)(ledgers[-1])
    return summary_of(ledgers, base)


def summary_of(ledgers: list[Path], folder: Path) -> Path:
    """merge ``ledgers`` into ``folder``/汇总台账.xlsx, then its 汇总报告.docx."""
    merged = folder / "汇总台账.xlsx"
    run_cli("merge", *ledgers, "-o", merged, "--today", AS_OF, "--jobs", 1)
    out = folder / "汇总报告.docx"
    run_cli("report", merged, "--kind", "summary", "-o", out, "--today", AS_OF)
    return out


def test_summary_leaves_out_empty_bands(summary):
    spread = next(p for p in texts(summary) if "个单位中，" in p)
    assert "的0个" not in spread
    assert spread == "4个单位中，办结率50%（含）至100%的1个，低于50%的3个。"


def test_summary_overdue_items_read_alike(summary):
    items = [p for p in texts(summary) if "（整改时限" in p]
    assert items
    for item in items:
        assert re.search(r"[^。]。（整改时限[^（）]+，已超期\d+天，目前[^（）]+）$", item), item
        assert "目前未启动" not in item and "目前基本完成" not in item
    assert any("目前尚未启动）" in item for item in items)


@pytest.mark.parametrize("kind", ("summary", "duban"))
def test_heading_fonts_of_the_upward_documents(summary, tmp_path, kind):
    """GB/T 9704 heading levels: 一、黑体, （一）楷体_GB2312, 1. 仿宋_GB2312; title 2号小标宋."""
    if kind == "summary":
        doc = docx.Document(summary)
    else:
        run_cli("duban", EXAMPLE, "-o", tmp_path, "--today", AS_OF)
        doc = docx.Document(sorted(tmp_path.glob("督办通知-*.docx"))[0])
    fonts = {"公文标题": "方正小标宋简体", "一级标题": "黑体", "二级标题": "楷体_GB2312"}
    fonts |= {"三级标题": "仿宋_GB2312", "公文正文": "仿宋_GB2312"}
    sizes = {"公文标题": 22.0}
    seen = set()
    for p in doc.paragraphs:
        style = p.style
        if style.name not in fonts or not p.text:
            continue
        seen.add(style.name)
        east_asia = style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
        assert east_asia == fonts[style.name], (style.name, p.text)
        assert style.font.size.pt == sizes.get(style.name, 16.0)
        if style.name == "公文正文":
            continue  # a run-in lead "（一）加快推进整改。" is 楷体 on purpose (level 2)
        for run in p.runs:  # no run of a heading overrides its level's font
            fonts_el = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
            if fonts_el is not None and fonts_el.get(qn("w:eastAsia")):
                assert fonts_el.get(qn("w:eastAsia")) == fonts[style.name], (style.name, p.text)
    assert {"公文标题", "一级标题"} <= seen


# ---------------------------------------------------------------------------------------------
# LibreOffice: the no-基本信息 plan, its table and markers, as a PDF


def _xml_text(path: Path) -> str:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftotext"),
    reason="LibreOffice and poppler are needed",
)
def test_pdf_of_a_plan_without_basic_information(tmp_path):
    ledger = tmp_path / "audit.xlsx"
    layouts().audit(ledger)
    out = tmp_path / "整改方案.docx"
    run_cli("plan", ledger, "--today", AS_OF, "-o", out, "--force", "--pdf")
    pdf = out.with_suffix(".pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    # every punctuation mark of the .docx is in the PDF (none hung off a line end and lost)
    source = _xml_text(out)
    for mark in "。，、；：“”（）【】":
        assert flat.count(mark) == source.count(mark), mark
    assert "【反馈日期未填】，【监督机构未填】向" in flat and "由【领导小组组长未填】任组长" in flat
    assert "2024年3月底前" in flat and not re.search(r"\d{4}\.\d", flat)
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("yes" == r[-5] for r in rows), fonts  # every font embedded
