"""``ledger-tools import`` on the fourth round of genre documents (``tests/genre_docs4.py``):
each written as a real .docx and made into a PDF by LibreOffice (one run for all of them, a
real text layer), imported through the real command; the ledger read back and judged measure
by measure against what the document says, then ``check`` run on it.
"""

from __future__ import annotations

import re

import genre_docs4 as G
import pytest
from office_pdf import convert_to_pdf
from test_import_genre import check_errors, import_docx_and_pdf, run_check, run_import, warnings


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Every document as .docx, and as PDF made in one LibreOffice run (when installed)."""
    folder = tmp_path_factory.mktemp("genre4")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.BUILDERS.items()}
    convert_to_pdf(paths.values(), folder)
    return paths


def both(docs, name, tmp_path, pdf_required=True):
    """[(format, ledger, output, written workbook)] for the .docx and its PDF."""
    return import_docx_and_pdf(docs[name], tmp_path, pdf_required)


def edited_copy(source, path, old: str, new: str):
    """A copy of the .docx ``source`` at ``path`` with ``old`` replaced by ``new`` in its runs."""
    import docx

    d = docx.Document(source)
    for p in d.paragraphs:
        for run in p.runs:
            run.text = run.text.replace(old, new)
    d.save(path)
    return path


def measures(ledger, *names):
    return [tuple(m.get(n) for n in names) for m in ledger.measures]


# ---------------------------------------------------------------------------------------------


def test_borderless_landscape_table_centred_cells(docs, tmp_path):
    """No ruling lines (WPS export), landscape 附件, 序号/问题/责任领导 merged and centred over
    rows of several lines, the header repeated on each page, rows broken over pages: the PDF
    gives, measure by measure, what the Word file gives."""
    want = [
        (problem, measure, leader, unit, due)
        for problem, ms, leader in G.RIVER_PROBLEMS
        for measure, unit, due in ms
    ]
    for suffix, ledger, out, xlsx in both(docs, "borderless_plan", tmp_path):
        assert "识别出 1 个方面、6 项问题、14 条整改措施" in out, suffix
        got = measures(ledger, "问题", "整改措施", "责任领导", "责任部门", "整改时限")
        assert got == want, suffix
        # The repeated header is neither a running header nor a row; the body's "14条"
        # agrees; the only note is the 方面 a task list never has.
        assert warnings(out) == [
            "有 6 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
        ], suffix
        assert "不是文稿内容" not in out
        assert check_errors(run_check(xlsx)) <= {"方面", "整改状态"}


def test_borderless_table_with_wrapped_header_and_aspect_rows(docs, tmp_path):
    """A narrow borderless list: "序" over "号" and "责任单位" one character a line in the
    header, 方面 rows merged across the table, a cell of two numbered measures as two
    paragraphs, 问题/责任单位/完成时限 merged over a problem's two rows."""
    want = [
        (aspect.split("、", 1)[1], problem, measure, unit, due)
        for aspect, problems in G.SCHOOL_ASPECTS
        for problem, cells, unit, due in problems
        for cell in cells
        for measure in cell.split("\n")
    ]
    want = [(a, p, re.sub(r"^（\d）", "", m), u, d) for a, p, m, u, d in want]
    for suffix, ledger, out, _ in both(docs, "borderless_school_list", tmp_path):
        assert "识别出 2 个方面、3 项问题、5 条整改措施" in out, suffix
        got = measures(ledger, "方面", "问题", "整改措施", "责任部门", "整改时限")
        assert got == want, suffix
        assert warnings(out) == [], suffix


def test_borderless_table_without_number_column(docs, tmp_path):
    """No 序号 and no ruling lines, every cell its own (nothing merged), cells wrapped and
    centred: the rows come from the gaps; "特此公告。" and the 落款 under the table are not
    rows (the date is the report's date)."""
    for suffix, ledger, out, _ in both(docs, "borderless_audit_table", tmp_path):
        assert "识别出 1 个方面、3 项问题、3 条整改措施" in out, suffix
        got = measures(ledger, "问题", "整改措施", "整改状态")
        assert got == [
            (problem, measure, status)
            for (problem, measure, _), status in zip(
                G.AUDIT_ROWS, ["已完成", "已完成", "正在推进"], strict=True
            )
        ], suffix
        assert ledger.measures[2].get("整改进展及成效") == (
            "已完成清查，公开招租计划2025年10月底前完成。"
        )
        assert ledger.info["报告成文日期"].year == 2025
        assert warnings(out) == [
            "有 3 项问题文中没有写所属方面（如审计公告的问题清单），“方面”列留空，请按实际补填。"
        ], suffix


def test_borderless_table_without_pdf_support_reads_the_same(docs, tmp_path, monkeypatch):
    """The word positions come from poppler (pdftotext -bbox), not pdfplumber: without the
    pdf extra the borderless table reads the same."""
    from ledger_tools.importing import pdftables

    pdf = docs["borderless_plan"].with_suffix(".pdf")
    if not pdf.exists():
        pytest.skip("LibreOffice is not installed: no PDF to read")
    monkeypatch.setattr(pdftables, "available", lambda: False)
    from ledger_tools.importing import import_files

    imported = import_files([str(pdf)])
    assert imported.counts() == (1, 6, 14)
    assert [r["整改时限"] for r in imported.rows][:6] == [
        "2025年6月底前",
        "2025年12月底前",
        "长期坚持",
        "立行立改并长期坚持",
        "2025年9月底前",
        "立行立改",
    ]


def test_cell_of_numbered_measures_and_lead_units(docs, tmp_path):
    """One cell "（1）……；（2）……；（3）……" (one paragraph, or one paragraph each) is that many
    measures; "农业农村局（牵头），财政局、各乡镇人民政府配合" gives 牵头部门 and every unit
    in 责任部门; 完成时限 "长期坚持" / "立行立改并长期坚持" / "2025年12月底前" stay as written."""
    for suffix, ledger, out, xlsx in both(docs, "task_list", tmp_path):
        assert "识别出 1 个方面、3 项问题、6 条整改措施" in out, suffix
        assert [len(p.measures) for p in ledger.problems] == [3, 2, 1], suffix
        assert [m.get("整改措施") for m in ledger.problems[0].measures] == [
            "对2024年度补贴发放情况开展全面复核，逐户核对补贴面积。",
            "对核定不准确的补贴面积予以更正，多发的按规定收回，少发的及时补发。",
            "建立补贴面积季度核查制度。",
        ], suffix
        assert [m.get("整改措施") for m in ledger.problems[1].measures] == [
            "对闲置的维修项目逐一分析原因，制定盘活利用方案",
            "将维修项目绩效评价结果作为下一年度资金分配的依据",
        ], suffix
        units = measures(ledger, "牵头部门", "责任部门", "整改时限")
        assert units == [
            ("农业农村局", "农业农村局、财政局、各乡镇人民政府", "2025年12月底前"),
        ] * 3 + [("发展改革局", "发展改革局、财政局", "立行立改并长期坚持")] * 2 + [
            (None, "财政局", "长期坚持")
        ], suffix
        assert check_errors(run_check(xlsx)) <= {"方面", "责任领导", "整改状态"}


def test_lead_units_in_a_responsibility_tail(tmp_path):
    path = tmp_path / "整改方案.txt"
    path.write_text(
        "关于巡察反馈问题的整改方案\n一、党的建设方面\n（一）基层党组织活动不规范的问题\n"
        "1.修订支部活动制度，规范主题党日流程。（责任领导：张明；责任单位：机关党委（牵头），"
        "办公室、人事科配合；完成时限：2025年12月底前）\n",
        encoding="utf-8",
    )
    ledger, _ = run_import(path, tmp_path)
    assert measures(ledger, "牵头部门", "责任部门", "整改时限") == [
        ("机关党委", "机关党委、办公室、人事科", "2025年12月底前")
    ]


def test_notice_with_measures_only_in_section_two(docs, tmp_path):
    """ "一、总体进展 / 二、具体整改情况 / 三、下一步工作": problems numbered 1. with their
    measures "一是……二是……三是……" in one paragraph; section 三's "一是……" are plans, not
    measures; the stated counts (2个方面4个问题, 措施10条, 已完成8条) agree."""
    want = [
        ("意识形态阵地管理存在薄弱环节", 3, "已完成"),
        ("理论学习中心组学习计划执行不严格", 2, "长期坚持"),
        ("公务接待管理不够规范", 3, "已完成"),
        ("下属单位财务监管不到位", 2, "正在推进"),
    ]
    for suffix, ledger, out, xlsx in both(docs, "section_notice", tmp_path):
        assert "识别出 2 个方面、4 项问题、10 条整改措施" in out, suffix
        got = [(p.title, len(p.measures), p.status) for p in ledger.problems]
        assert got == want, suffix
        assert ledger.problems[0].measures[1].get("整改措施") == (
            "制定《宣传阵地内容审核管理办法》，实行“三审三校”。"
        )
        assert warnings(out) == [], suffix
        sections = [(t["章节"], t["小标题"]) for t in ledger.texts]
        assert sections == [
            ("工作开展情况", "强化组织推动"),
            ("工作开展情况", "推进对账销号"),
            ("下一步打算", ""),
        ], suffix
        assert ledger.texts[2]["内容"].startswith("一是持续抓好未完成事项的整改")
        assert "回头看" in ledger.texts[2]["内容"]
        # A notice names no leaders or units: that is all check asks for.
        assert check_errors(run_check(xlsx)) <= {"责任领导", "责任部门", "整改时限"}


def test_stated_measure_count_disagrees(docs, tmp_path):
    """The same notice stating 11 measures where it has 10: the import says so."""
    path = edited_copy(docs["section_notice"], tmp_path / "通报.docx", "措施10条", "措施11条")
    _, out = run_import(path, tmp_path)
    assert any("整改措施11条" in w and "识别出10条措施" in w for w in warnings(out)), out


def test_radicals_in_the_text_layer(docs, tmp_path):
    """⼀ ⼈ ⾏ ⽅ ⼯ ⻓ (Kangxi and CJK radicals) read as 一 人 行 方 工 长: the 方面 headings,
    the status "需长期坚持" and the stated counts are recognised."""
    for suffix, ledger, out, _ in both(docs, "radical_report", tmp_path):
        assert "识别出 2 个方面、3 项问题、5 条整改措施" in out, suffix
        assert [a.title for a in ledger.aspects] == ["落实惠民政策方面", "干部作风方面"], suffix
        assert ledger.problems[2].title == "个别工作人员服务群众态度生硬"
        assert [m.get("整改状态") for m in ledger.measures] == [
            "已完成",
            "长期坚持",
            "已完成",
            "已完成",
            "正在推进",
        ], suffix
        assert "推行服务对象满意度评价" in ledger.measures[4].get("整改措施")
        assert not any(ch in out for ch in "⼀⼈⾏⽅⼯⻓")
        assert warnings(out) == [], suffix


def test_clean_line_maps_only_radicals_and_compatibility_ideographs():
    from ledger_tools.importing.extract import clean_line

    assert clean_line("⼀是推⾏“⼀⽹通办”，⻓效机制") == "一是推行“一网通办”，长效机制"
    assert clean_line("\uf9b1\U0002f80f") == "\u9234\u5154"  # compatibility ideographs
    # Full-width punctuation, letters and circled numbers are the text's own: left alone.
    assert clean_line("（一）①ＡＢ：；") == "（一）①ＡＢ：；"


def _pdf(docs, name):
    pdf = docs[name].with_suffix(".pdf")
    if not pdf.exists():
        pytest.skip("LibreOffice is not installed: no PDF to read")
    return pdf


def test_scan_with_only_page_numbers_as_text_is_refused(docs, tmp_path):
    """Scanned pages whose producer typed "第 1 页" into the text layer: said plainly, no
    guess, no empty ledger."""
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    out = tmp_path / "台账.xlsx"
    pdf = _pdf(docs, "scanned_with_page_numbers")
    result = CliRunner().invoke(cli, ["import", str(pdf), "-o", str(out)])
    assert result.exit_code != 0
    assert "scanned_with_page_numbers.pdf”的文字层只有页码，正文是扫描的图片" in result.output
    assert "不识别图片中的文字" in result.output and "OCR" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_text_plan_with_a_scanned_annex_page(docs, tmp_path):
    """The text is read; the picture page is named in a warning, not skipped in silence."""
    ledger, out = run_import(_pdf(docs, "plan_with_scanned_annex"), tmp_path)
    assert "识别出 1 个方面、2 项问题、2 条整改措施" in out
    assert measures(ledger, "责任部门", "整改时限") == [
        ("社会治理办", "2025年8月底前"),
        ("社区建设办", "长期坚持"),
    ]
    assert warnings(out) == [
        "第2页没有文字层，是扫描或插入的图片，其中的内容无法读取（本工具不识别图片中的文字），未导入；"
        "如果是问题清单等附件，请导入 Word 原文，或对照原件在台账中补录。"
    ]


def test_task_list_counts_checked(docs, tmp_path):
    """ "共3个问题、6条整改措施" is the list's own count: checked (no loose-paragraph note when
    it agrees, a warning naming both figures when it does not)."""
    _, out = run_import(docs["task_list"], tmp_path / "same")
    assert not any("未能归入台账" in w for w in warnings(out))
    path = edited_copy(docs["task_list"], tmp_path / "清单.docx", "6条整改措施", "8条整改措施")
    _, out = run_import(path, tmp_path / "other")
    assert any("整改措施8条" in w and "识别出6条措施" in w for w in warnings(out)), out
