"""``import`` of the documents the tool itself generates from examples/示例台账.xlsx (plan, report,
notice; .docx and PDF through LibreOffice) gives back what each document carries: the plan the
ledger's 方面, 问题 and measures word for word with their 责任 fields; the report each measure by
its lead (or its account, when action and result are told as one) with its progress, and every
problem's status; the notice each measure by its lead and every problem's status (it prints no
progress and no names). ``check`` on the result finds errors only in fields the document never
contained. Plus the property: random ledgers → report → import → same."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import INFO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger_tools.documents import wording as W
from ledger_tools.documents.context import build_context
from ledger_tools.documents.render import find_office
from ledger_tools.importing import import_document, import_documents, import_files
from ledger_tools.ledger import columns as C
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.ledger.schema import validate
from ledger_tools.ledger.status import roll_up

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
AS_OF = "2024-05-10"
KIND_ARGS = {"plan": ["plan"], "report": ["report"], "notice": ["report", "--kind", "notice"]}
# What each document does not contain, so ``check`` may miss it after import.
NOT_IN = {
    "plan": {"整改状态", "完成时间", "整改进展及成效"},
    "report": {"责任领导", "牵头部门", "责任部门", "责任人", "整改时限", "完成时间"},
    "notice": {"责任领导", "牵头部门", "责任部门", "责任人", "整改时限", "完成时间"},
}


def generate(kind: str, folder: Path, pdf: bool = False, ledger: Path = EXAMPLE) -> Path:
    out = folder / f"{kind}.docx"
    cmd = [sys.executable, "-m", "ledger_tools", *KIND_ARGS[kind], str(ledger), "-o", str(out)]
    cmd += ["--as-of", AS_OF, "--today", AS_OF, "--force", "--overwrite"] + (
        ["--pdf"] if pdf else []
    )
    subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
    return out.with_suffix(".pdf") if pdf else out


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("generated")
    return {kind: generate(kind, folder) for kind in KIND_ARGS}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if find_office() is None:
        pytest.skip("LibreOffice not installed")
    folder = tmp_path_factory.mktemp("generated-pdf")
    return {kind: generate(kind, folder, pdf=True) for kind in KIND_ARGS}


def structure(ledger) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    return [
        (a.title, [(p.title, [m.get("整改措施") for m in p.measures]) for p in a.problems])
        for a in ledger.aspects
    ]


def same_fields(got, want) -> bool:
    """责任 fields as the plan prints them: the 责任领导's name without the post (the plan says
    the post in 组织领导), 牵头部门 only when it differs from 责任部门 (said once otherwise);
    整改时限 as the day it falls due (the plan writes "2024年3月底前" for a date cell 2024-03-31)."""
    lead_dept = want.get("牵头部门")
    if lead_dept and lead_dept == want.get("责任部门"):
        lead_dept = None
    deadline = got.deadline.due == want.deadline.due or (
        got.deadline.kind == want.deadline.kind == "immediate"
    )  # 立行立改 falls due by 集中整改截止日期, which a plan does not state
    return (
        deadline
        and got.get("责任领导") == W.names_only(want.get("责任领导") or "")
        and got.get("牵头部门") == lead_dept
        and all(got.get(n) == want.get(n) for n in ("责任部门", "责任人"))
    )


def progress(problem) -> str:
    """A problem's progress as the report prints it: each distinct text once, in order."""
    texts = [m.get("整改进展及成效") for m in problem.measures]
    return "".join(dict.fromkeys(t for t in texts if t))


def squeeze(text: str) -> str:
    # PDF text loses a punctuation mark LibreOffice hangs into the margin; compare the words.
    return re.sub(r"[\s。，、；：“”（）,.;:()]", "", text)


def squeezed(ledger):
    return [
        (a, [(p, [squeeze(m or "") for m in ms]) for p, ms in ps]) for a, ps in structure(ledger)
    ]


def printed(ledger, kind: str) -> list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]:
    """What a report or notice prints of ``ledger``: 方面 → 问题 → (measure lead, progress),
    from the documents' own context (amounts and the unit's name as the document words them)."""
    ctx = build_context(ledger, kind, as_of=dt.date.fromisoformat(AS_OF))
    return [
        (
            a["标题"],
            [
                (p["问题"], [(m["措施要点"], m["整改进展及成效"]) for m in p["措施列表"]])
                for p in a["问题列表"]
            ],
        )
        for a in ctx["方面列表"]
    ]


def says(measure: str, lead: str, squeezed_text: bool = False) -> bool:
    """An imported measure says the printed lead: the lead itself (or the whole measure, for
    one the report words by its tense), or the account that tells it (action and result as one)."""
    got, want = (squeeze(measure), squeeze(lead)) if squeezed_text else (measure, lead)
    return got.rstrip("。") == want.rstrip("。") or got.startswith(want) or W.says_lead(got, want)


def assert_as_printed(imported, ledger, kind: str, squeezed_text: bool = False) -> None:
    """``imported`` has the 方面, 问题, measures (by their leads), and — from a report — the
    progress that ``kind`` printed of ``ledger``."""
    fix = squeeze if squeezed_text else (lambda t: t)
    want = printed(ledger, kind)
    assert [a.title for a in imported.aspects] == [a for a, _ in want]
    assert [(p.title, len(p.measures)) for p in imported.problems] == [
        (p, len(ms)) for _, ps in want for p, ms in ps
    ]
    wanted = [ms for _, ps in want for _, ms in ps]
    for problem, measures in zip(imported.problems, wanted, strict=True):
        for got, (lead, _) in zip(problem.measures, measures, strict=True):
            assert says(got.get("整改措施") or "", lead, squeezed_text), (got.get("整改措施"), lead)
        expected = "".join(dict.fromkeys(p for _, p in measures if p)) if kind == "report" else ""
        assert fix(progress(problem)) == fix(expected), problem.title


@pytest.fixture(scope="module")
def original():
    return load_ledger(EXAMPLE)


@pytest.mark.parametrize("kind", list(KIND_ARGS))
def test_generated_docx_round_trip(documents, original, kind):
    imported = import_document(documents[kind])
    if kind != "plan":
        # The report prints each measure's lead and its progress, the notice only the leads.
        assert_as_printed(imported, original, kind)
        for got, want in zip(imported.problems, original.problems, strict=True):
            assert got.status == want.status, got.title
    else:
        assert structure(imported) == structure(original)
        for got, want in zip(imported.measures, original.measures, strict=True):
            assert same_fields(got, want), got.get("整改措施")
        # 问题表现 and 整改目标 as printed (amounts in the document's way: "8,600元").
        ctx = build_context(original, "plan", as_of=dt.date.fromisoformat(AS_OF))
        printed_problems = [p for a in ctx["方面列表"] for p in a["问题列表"]]
        for got, want in zip(imported.problems, printed_problems, strict=True):
            assert got.measures[0].get("问题表现") == want["问题表现"]
            assert got.measures[0].get("整改目标") == want["整改目标"]


@pytest.mark.parametrize("kind", list(KIND_ARGS))
def test_generated_docx_info_and_texts(documents, original, kind):
    imported = import_document(documents[kind])
    # Each document prints its own 成文日期: the plan the 方案成文日期, the others the 报告成文日期.
    own_date = "方案成文日期" if kind == "plan" else "报告成文日期"
    for name in ("单位名称", "党组织名称", "单位简称", "监督类型", "监督机构", own_date):
        assert imported.info.get(name) == original.info.get(name), name
    assert imported.info.get("成文日期") is None
    if kind != "plan":
        for name in ("上级党委", "进驻开始日期", "进驻结束日期", "反馈日期"):
            assert imported.info.get(name) == original.info.get(name), name
    if kind == "report":
        assert imported.info["主送机关"] == original.info["主送机关"]
    if kind == "notice":
        for name in ("联系电话", "通信地址", "邮政编码", "电子邮箱"):
            assert imported.info.get(name) == original.info.get(name), name
    if kind == "plan":
        assert imported.info["领导小组组长"] == original.info["领导小组组长"]
        assert imported.info["领导小组办公室主任"] == original.info["领导小组办公室主任"]
        assert imported.info["集中整改截止日期"] == original.info["集中整改截止日期"]
    doc = {"plan": "方案", "report": "报告", "notice": "通报"}[kind]
    wanted = [
        (t["章节"], t["小标题"], t["内容"])
        for t in original.texts
        if t["文稿"] in (doc, "全部") and t["章节"] in C.TEXT_SECTIONS[doc]
    ]
    got = [(t["章节"], t["小标题"], t["内容"]) for t in imported.texts]
    assert got == wanted


@pytest.mark.parametrize("kind", list(KIND_ARGS))
def test_check_after_import_only_misses_what_the_document_lacks(documents, kind):
    ledger = import_document(documents[kind])
    report = validate(ledger, today=dt.date(2024, 5, 10))
    errors = [f for f in report.findings if f.severity == "error"]
    unexpected = [f for f in errors if f.field not in NOT_IN[kind]]
    assert not unexpected, [f.message for f in unexpected]


def test_every_row_names_its_source(documents):
    imported = import_files([documents["plan"]])
    assert all(r["备注"].startswith("来源：plan.docx第") for r in imported.rows)
    assert not imported.warnings


def test_plan_then_report_merged(documents, original):
    ledger = import_documents([documents["report"], documents["plan"]])  # any order
    assert structure(ledger) == structure(original)  # the plan's full wording
    for got, want in zip(ledger.measures, original.measures, strict=True):
        assert same_fields(got, want)
    for got, want in zip(ledger.problems, original.problems, strict=True):
        assert got.status == want.status
    reported = [ms for _, ps in printed(original, "report") for _, ms in ps]
    for got, measures in zip(ledger.problems, reported, strict=True):
        assert progress(got) == "".join(dict.fromkeys(p for _, p in measures if p))
    # The report's "原计划于…完成，因…" is the late measure's 延期说明 again.
    late = [m for m in original.measures if m.get("延期说明")]
    assert late
    for want in late:
        got = next(m for m in ledger.measures if m.get("整改措施") == want.get("整改措施"))
        assert got.get("延期说明") == want.get("延期说明")
    assert ledger.info["方案成文日期"] == original.info["方案成文日期"]
    assert ledger.info["报告成文日期"] == original.info["报告成文日期"]
    sources = ledger.measures[0].get("备注")
    assert "plan.docx" in sources and "report.docx" in sources


@pytest.mark.parametrize("kind", list(KIND_ARGS))
def test_generated_pdf_round_trip(pdfs, original, kind):
    imported = import_files([pdfs[kind]])
    ledger = import_document(pdfs[kind])
    if kind != "plan":
        assert_as_printed(ledger, original, kind, squeezed_text=True)
        for g, w in zip(ledger.problems, original.problems, strict=True):
            assert g.status == w.status
        assert not imported.warnings
    else:
        assert squeezed(ledger) == squeezed(original)
        from ledger_tools.importing.pdftables import available

        if available():
            # The attachment table is read by its cells' borders: no warning.
            assert not imported.warnings
        else:
            # From PDF text alone it cannot be split into cells: one warning says so.
            assert len(imported.warnings) == 1 and "附件表格" in imported.warnings[0]


# ---------------------------------------------------------------------------------------------
# Property: random small ledgers → generated report → import → same structure.

_WORDS = st.sampled_from(
    [
        "加强",
        "理论学习",
        "制度建设",
        "专项检查",
        "整改落实",
        "责任清单",
        "督促检查",
        "台账管理",
        "廉政风险",
        "谈心谈话",
    ]
)
_PHRASE = st.lists(_WORDS, min_size=2, max_size=5).map("".join)
_STATUS = st.sampled_from(C.STATUSES)


@st.composite
def small_ledgers(draw):
    aspects = []
    for a in range(draw(st.integers(1, 3))):
        problems = []
        for _ in range(draw(st.integers(1, 3))):
            measures = [
                (
                    draw(_PHRASE) + "。",
                    # Progress reads as an account of what was done (it opens with its date):
                    # when it says the measure's lead the report prints it alone, and only its
                    # wording tells it from a measure without progress.
                    draw(st.one_of(st.just(""), _PHRASE.map(lambda s: "2024年4月" + s + "。"))),
                    draw(_STATUS),
                )
                for _ in range(draw(st.integers(1, 3)))
            ]
            problems.append((draw(_PHRASE) + "问题", measures))
        aspects.append((f"第{a + 1}类{draw(_PHRASE)}方面", problems))
    return aspects


def write_ledger(path: Path, aspects) -> None:
    from ledger_tools.ledger import workbook as W

    wb = W.build_workbook()
    info = wb[C.SHEET_INFO]
    values = {k: v for k, v in INFO.items() if k != "集中整改截止日期"}
    for name, value in values.items():
        info.cell(W.info_row(name), 2).value = value
    ws = wb[C.SHEET_LEDGER]
    row, number = W.FIRST_DATA_ROW, 0
    for aspect, problems in aspects:
        for problem, measures in problems:
            number += 1
            for text, result, status in measures:
                finished = status in C.FINISHED_STATUSES
                W.write_ledger_row(
                    ws,
                    row,
                    {
                        "序号": number,
                        "方面": aspect,
                        "问题": problem,
                        "整改措施": text,
                        "责任领导": "张三",
                        "责任部门": "办公室",
                        "整改时限": "2024年6月30日",
                        "整改状态": status,
                        "完成时间": dt.date(2024, 4, 1) if finished else None,
                        "整改进展及成效": result or None,
                    },
                )
                row += 1
    wb.save(path)


@pytest.mark.skipif(os.environ.get("LEDGER_TOOLS_FAST") == "1", reason="slow")
@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(aspects=small_ledgers())
def test_random_ledger_report_round_trip(tmp_path, aspects):
    ledger_path = tmp_path / "台账.xlsx"
    write_ledger(ledger_path, aspects)
    doc = generate("report", tmp_path, ledger=ledger_path)
    imported = import_document(doc)
    original = load_ledger(ledger_path)
    assert_as_printed(imported, original, "report")
    for got, want in zip(imported.problems, original.problems, strict=True):
        assert got.status == roll_up([m.status for m in want.measures])


@pytest.mark.parametrize("name", ["整改方案.pdf", "整改情况报告.pdf", "整改进展情况通报.pdf"])
def test_committed_example_pdfs(original, name):
    """The example PDFs in the repository (other page breaks than a fresh render)."""
    ledger = import_document(ROOT / "examples" / name)
    kind = {"整改方案.pdf": "plan", "整改情况报告.pdf": "report"}.get(name, "notice")
    if kind == "plan":
        assert squeezed(ledger) == squeezed(original)
    else:
        assert_as_printed(ledger, original, kind, squeezed_text=True)
        assert ledger.info["反馈日期"] == original.info["反馈日期"]
        assert [p.status for p in ledger.problems] == [p.status for p in original.problems]


def test_text_copied_out_of_a_pdf(tmp_path, original):
    """A .txt of text copied out of the report PDF: lines broken at the PDF's width, page
    numbers between them. The lines are joined into paragraphs again."""
    import shutil

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler not installed")
    txt = tmp_path / "报告.txt"
    subprocess.run(["pdftotext", str(ROOT / "examples" / "整改情况报告.pdf"), str(txt)], check=True)
    ledger = import_document(txt)
    assert_as_printed(ledger, original, "report", squeezed_text=True)
    assert [p.status for p in ledger.problems] == [p.status for p in original.problems]
