"""``ledger-tools import`` on the twelfth round of genre documents (``tests/genre_docs12.py``):
each .docx also made into a PDF by LibreOffice; the web page and the text as saved; imported
through the real command, the ledger read back and judged row by row (方面, 问题, 措施, 责任部门,
时限, 状态, 进展) and the 基本信息 against the builders' own data.
"""

from __future__ import annotations

import genre_docs12 as G
import pytest
from office_pdf import convert_to_pdf
from test_import5 import same_ledger
from test_import6 import table
from test_import_genre import run_import, warnings

from ledger_tools.importing import fields as F
from ledger_tools.importing import parse as P
from ledger_tools.importing.extract import Block


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("genre12")
    paths = {name: build(folder / f"{name}.docx") for name, build in G.DOCX_BUILDERS.items()}
    convert_to_pdf(paths.values(), folder)
    for file, build in G.OTHER_BUILDERS.items():
        paths[file] = build(folder / file)
    return paths


def docx_and_pdf(docs, name, tmp_path):
    found = []
    for k, suffix in enumerate((".docx", ".pdf")):
        path = docs[name].with_suffix(suffix)
        if not path.exists():
            pytest.skip("LibreOffice is not installed: no PDF to read")
        ledger, out = run_import(path, tmp_path / str(k))
        found.append((suffix, ledger, out, None))
    return found


def stripped(rows):
    return [tuple(v.rstrip("。；") if isinstance(v, str) else v for v in row) for row in rows]


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", ["status_first.txt", "status_first.html"])
def test_status_before_the_measure_and_labelled_sentences_after_it(docs, tmp_path, file):
    """ "1.（已完成）……。责任单位：……。完成时限：……。": the bracket before the measure is its
    status, the labelled sentences after it its unit and deadline (before: the bracket stayed in
    the measure, the status was empty and the sentences were its 进展); the title keeps the
    space between the two issuers; the 落款 "……街道办事处" over the date is no 进展 (before:
    both names were the last measure's)."""
    ledger, out = run_import(docs[file], tmp_path)
    want = [
        (aspect, problem, m, unit, due or None, status, None)
        for aspect, problems in G.STATUS_FIRST
        for problem, measures in problems
        for m, status, unit, due in measures
    ]
    got = table(ledger, "整改措施", "责任部门", "整改时限", "整改状态", "整改进展及成效")
    assert stripped(got) == want
    assert "识别出 2 个方面、3 项问题、5 条整改措施" in out
    assert f"通报标题：{G.JOINT_TITLE}\n" in out
    assert "党组织名称：中共澄溪街道工作委员会\n" in out
    assert "单位名称：澄溪街道办事处\n" in out
    assert "报告成文日期：2025年8月15日" in out
    assert warnings(out) == []


def test_leading_status_and_labelled_sentence_rules():
    assert F.leading_pairs("责任单位：街道党建办。完成时限：2025年6月底前。") == (
        {"责任部门": "街道党建办", "整改时限": "2025年6月底前"},
        "",
    )
    # what follows the labelled sentences is left as written (the 进展)
    assert F.leading_pairs("责任单位：县农业局。已完成排查12处。") == (
        {"责任部门": "县农业局"},
        "已完成排查12处。",
    )
    # a text that does not open with a label gives nothing
    assert F.leading_pairs("已完成排查。责任单位：县农业局。") == (
        {},
        "已完成排查。责任单位：县农业局。",
    )
    assert P._LEADING_STATUS.match("（已完成）组织培训。")
    # a bracket that is no status is not taken: it stays in the measure
    assert F.trailing_status("（试行）") is None


def test_signature_units_ending_in_office_or_town():
    """The 落款 "……街道办事处" / "……镇人民政府" / "……所" over the date is a signature line."""
    for name in ("澄溪街道办事处", "石桥镇人民政府", "城关财政所", "青禾镇", "东门街道"):
        assert P._is_signature(Block(name, "第1行")), name
    assert not P._is_signature(Block("二、下一步工作打算", "第1行"))


def test_statuses_by_number_then_the_deadline_of_those_measures(docs, tmp_path):
    """ "第1、2项已完成，第3项正在推进，计划2025年12月底前完成。": the deadline is measure 3's
    整改时限 (before: it was left as the last measure's 进展 "计划……完成"); the title on two
    centred lines is the two issuers, a space between them — Word and PDF."""
    want = [
        (aspect, problem, m, status, due or None, None)
        for aspect, problems in G.BY_NUMBER
        for problem, measures, _, told in problems
        for m, (status, due) in zip(measures, told, strict=True)
    ]
    found = docx_and_pdf(docs, "by_number_report", tmp_path)
    for suffix, ledger, out, _ in found:
        got = table(ledger, "整改措施", "整改状态", "整改时限", "整改进展及成效")
        assert stripped(got) == want, suffix
        assert "报告标题：中共石桥镇委员会 石桥镇人民政府关于县委巡察反馈意见整改情况的报告" in out
        assert "党组织名称：中共石桥镇委员会\n" in out, suffix
        assert "单位名称：石桥镇人民政府\n" in out, suffix
        assert warnings(out) == [], suffix
    same_ledger(found)


def test_item_deadline_rules():
    assert P._item_statuses("第1、2项已完成，第3项正在推进，计划2025年12月底前完成。", 3) == (
        {0: "已完成", 1: "已完成", 2: "正在推进"},
        {2: "2025年12月底前"},
        "",
    )
    # the deadline of the measures just named, as written (check asks for the year when none)
    assert P._item_statuses("第2项正在推进，预计年底前完成。", 2)[1] == {1: "年底前"}
    # a plan clause after no numbered status is left as written
    assert P._item_statuses("正在推进，计划2025年底前完成。", 2) == (
        {},
        {},
        "正在推进，计划2025年底前完成。",
    )
