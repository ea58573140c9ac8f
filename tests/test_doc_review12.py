"""The twelfth 公文 review (GB/T 9704-2012), kept fixed.

The example's plan, report, notice and 督办通知, and those of generated ledgers of 2, 60 and
300 measures, were made into PDFs by LibreOffice and every page looked at. What the 办公室
sent back, kept fixed here on the real .docx and the PDF:

* a 督办通知 of one item printed on two pages, the second holding only （三）, 联系人 and the
  落款: the first page had six lines left, the 落款 with what is kept with it needed eight.
  The sealed 落款 of the 领导小组办公室 ("某区住房和城乡建设局 / 巡察整改工作领导小组办公室", two
  lines) had two blank lines above it, as a 署名 of one line needs them: the 42 mm seal
  pressing on two lines and the date reaches about 0.8 of a line above the 署名, and with
  two blank lines its top stood more than a line below the body (GB/T 9704 §7.3.5.1:
  一行之内). A 署名 of two lines or more now has one blank line above it, one of one line two
  as before; and "（一）加快推进整改" says the same in two lines instead of three. The
  example's notice of one item (its row four lines of table text) prints on one page.
* the 版记 of a report that ended on an odd page stood at the foot of that page: printed on
  both sides, the front of the last sheet (GB/T 9704 §7.4 wants it on the last page, the
  back). With ``--pdf`` the page count is known: when it is odd, the 版记 text box is moved
  into a paragraph of its own beginning the next page, in the .docx too, and the document
  converted again (``documents.evenpage``); the command says so.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402

from ledger_tools.documents.evenpage import (  # noqa: E402
    even_imprint_note,
    imprint_on_next_page,
    move_imprint_to_next_page,
    pdf_pages,
)
from ledger_tools.documents.render import render, render_docx  # noqa: E402
from ledger_tools.ledger.normalise import load_ledger  # noqa: E402
from ledger_tools.resources import template_path  # noqa: E402
from ledger_tools.upward.duban import TEMPLATE, file_name, sample_context, write_duban  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
HAVE_PDF = bool(shutil.which("soffice") and shutil.which("pdfinfo"))
AS_OF = dt.date(2024, 5, 10)


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(path).paragraphs]


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("review12") / "督办通知"
    return write_duban(load_ledger(EXAMPLE), folder, as_of=AS_OF)


@pytest.mark.parametrize(
    ("office", "lines", "blanks"),
    [
        ("某区住房和城乡建设局巡察整改工作领导小组办公室", 2, 1),
        ("区住建局巡察整改办", 1, 2),  # a 署名 of one line: two blank lines as before
        # cannot be centred evenly: right-aligned with the date, still one line of 24 or less
        ("中共某区城市管理综合行政执法局委员会", 1, 2),
    ],
)
def test_blank_lines_above_the_sealed_signature_follow_its_lines(
    tmp_path: Path, office: str, lines: int, blanks: int
) -> None:
    context = sample_context()
    context["发文机关"] = office
    out = render_docx(template_path(TEMPLATE), context, tmp_path / "督办.docx")
    texts = _texts(out)
    assert texts[-1] == "2024年5月10日"
    assert "".join(texts[-1 - lines : -1]) == office
    assert texts[-1 - lines - blanks : -1 - lines] == [""] * blanks
    assert texts[-2 - lines - blanks].startswith("联系人：")


def test_the_first_requirement_is_two_lines(notices: Any) -> None:
    texts = _texts(notices.folder / file_name("财务科"))
    first = next(t for t in texts if t.startswith("（一）"))
    assert first == "（一）加快推进整改。请逐项查找滞后原因，明确责任人和完成时限，集中力量推进；已超期的要立即整改到位。"  # fmt: skip
    # 26 characters on the first line (indented two), 28 on the second
    assert len(first) <= 26 + 28
    yellow = _texts(notices.folder / file_name("房产管理科"))
    assert "（一）加快推进整改。请逐项查找滞后原因，明确责任人和完成时限，集中力量推进。" in yellow


@pytest.mark.skipif(not HAVE_PDF, reason="需要 LibreOffice 和 poppler")
def test_a_notice_of_one_item_prints_on_one_page(notices: Any, tmp_path: Path) -> None:
    source = notices.folder / file_name("财务科")
    assert convert_to_pdf([source], tmp_path)
    pdf = tmp_path / f"{source.stem}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    squeezed = "".join(text.split())
    assert squeezed.endswith("巡察整改工作领导小组办公室2024年5月10日—1—")
    assert "（三）按时报送进展。" in squeezed and "联系人：" in squeezed


# ---------------------------------------------------------------------------------------------
# The 版记 on an even page


def _paragraphs(path: Path) -> list[tuple[str, bool, bool]]:
    """(text, holds a drawing, begins a page) of each paragraph of the body."""
    from docx.oxml.ns import qn

    body = Document(str(path)).element.body
    return [
        (
            "".join(
                t.text or "" for t in p.iter(qn("w:t")) if p is next(t.iterancestors(qn("w:p")))
            ),
            any(True for _ in p.iter(qn("w:drawing"))),
            p.find(qn("w:pPr") + "/" + qn("w:pageBreakBefore")) is not None,
        )
        for p in body.findall(qn("w:p"))
    ]


def test_the_imprint_moves_into_a_paragraph_beginning_a_page(tmp_path: Path) -> None:
    ledger = load_ledger(EXAMPLE)
    report = render(ledger, "report", tmp_path / "report.docx", as_of=AS_OF, today=AS_OF)
    before = _paragraphs(report)
    assert before[-1][1] and not before[-1][2]  # the 版记 in the last blank line
    assert move_imprint_to_next_page(report) and imprint_on_next_page(report)
    after = _paragraphs(report)
    # the paragraphs before it unchanged (the blank lines kept with the 落款 as they were),
    # the 版记 alone in a new last paragraph that begins a page
    assert [t for t, _d, _b in after[:-1]] == [t for t, _d, _b in before]
    assert not after[-2][1] and after[-1] == ("", True, True)
    assert not move_imprint_to_next_page(report)  # once
    plan = render(ledger, "plan", tmp_path / "plan.docx", as_of=AS_OF, today=AS_OF)
    data = plan.read_bytes()
    assert not move_imprint_to_next_page(plan) and plan.read_bytes() == data  # no 版记


def _generated(path: Path, measures: int, seed: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return generate.generate_ledger(path, measures, seed)


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return ["".join(page.split()) for page in text.split("\f")[: pdf_pages(pdf)]]


@pytest.mark.skipif(not HAVE_PDF, reason="需要 LibreOffice 和 poppler")
def test_the_imprint_of_a_report_is_on_an_even_page(tmp_path: Path) -> None:
    from ledger_tools.documents.render import convert_to_pdf as office

    moved = 0
    # the example (ten pages) and a generated ledger of nine measures (five pages before)
    for name, source in (("example", EXAMPLE), ("nine", _generated(tmp_path / "9.xlsx", 9, 9))):
        docx = render(
            load_ledger(source), "report", tmp_path / f"{name}.docx", as_of=AS_OF, today=AS_OF,
            force=True,
        )  # fmt: skip
        pages = _page_texts(office(docx))
        assert len(pages) % 2 == 0, name
        assert "印发" in pages[-1] and f"—{len(pages)}—" in pages[-1], name
        if imprint_on_next_page(docx):
            moved += 1
            # the 落款 on the odd page before, the 版记 alone on the last
            assert "特此报告。" in pages[-2] and "2024年5月10日" in pages[-2]
            assert "印发" not in pages[-2] and "特此报告。" not in pages[-1]
            assert pages[-1].replace(f"—{len(pages)}—", "").endswith("2024年5月10日印发")
            note = even_imprint_note(docx)
            assert note and f"版记已移到第 {len(pages)} 页" in note
        else:
            assert even_imprint_note(docx) is None
    assert moved == 1
