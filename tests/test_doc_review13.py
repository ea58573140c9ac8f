"""The thirteenth 公文 review (GB/T 9704-2012), kept fixed.

GB/T 9704 §7.3.5.1 (加盖印章的公文): the seal presses on the 署名 and the 成文日期 with its top
within one line of the body text. The 42 mm seal is about four lines high: over a 署名 of one
line and the date its top reaches about 1.3 lines above the 署名, so two blank lines above the
署名 are right; over a 署名 of two lines and the date only about 0.8, and two blank lines left
1.2 lines of paper between the body and the seal. Round 12 gave the 督办通知 one blank line
above a 署名 of two lines or more; the 整改方案, 整改情况报告, 通报 and 汇总报告 still had two.
They now share the rule (``sealed_blank_lines`` in scripts/build_doc_templates.py): the
党组织名称 comes from 基本信息 and is one, two or three lines, decided when the document is
rendered. The 不加盖印章 落款 (§7.3.5.2, one blank line) is unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from office_pdf import convert_to_pdf  # noqa: E402

from ledger_tools.documents import docformat  # noqa: E402
from ledger_tools.documents.evenpage import pdf_pages  # noqa: E402
from ledger_tools.documents.render import render, render_docx  # noqa: E402
from ledger_tools.documents.titles import (  # noqa: E402
    centred_signature_lines,
    signature_lines,
)
from ledger_tools.ledger.normalise import load_ledger  # noqa: E402
from ledger_tools.resources import template_path  # noqa: E402
from ledger_tools.upward.summary import summary_sample_context  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
DAY = dt.date(2024, 5, 10)
HAVE_PDF = bool(shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo"))
LINE_PITCH_PT = docformat.LINE_PITCH_TWIPS / 20  # the 三号 body line (28.95 pt)
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")

ONE_LINE = "中共某区住房和城乡建设局党组"  # the example's
TWO_LINES = (
    "中共某某市某某区住房和城乡建设局党组"  # centred: 中共某某市某某区 / 住房和城乡建设局党组
)
THREE_LINES = "中共某某省某某市某某区经济技术开发区管理委员会规划建设交通运输局党组"
# cannot be cut into lines of even length: right-aligned with the date in one line
UNEVEN = "中共某区城市管理综合行政执法局委员会"

NAMES = [(ONE_LINE, 1, 2), (TWO_LINES, 2, 1), (THREE_LINES, 3, 1), (UNEVEN, 1, 2)]


def _lines(name: str) -> int:
    return len(centred_or_lines(name))


def test_the_names_print_in_the_lines_the_cases_say() -> None:
    assert [_lines(name) for name, _, _ in NAMES] == [lines for _, lines, _ in NAMES]


def _blanks_above_signature(path: Path, name: str, lines: int) -> int:
    """The blank paragraphs between the last body paragraph and the 署名 of ``lines`` lines
    (the 署名 is the ``lines`` paragraphs reading ``name`` just above a 成文日期)."""
    texts = [p.text.strip("\u3000") for p in Document(path).paragraphs]
    ends = [
        i
        for i in range(lines, len(texts))
        if DATE.fullmatch(texts[i]) and "".join(texts[i - lines : i]) == name
    ]
    assert len(ends) == 1, (path.name, texts[-12:])
    start = ends[0] - lines
    blanks = 0
    while texts[start - 1 - blanks] == "":
        blanks += 1
    assert texts[start - 1 - blanks]  # the body (or the 附件 note) above them
    return blanks


def _ledger(name: str, sealed: bool = True):  # type: ignore[no-untyped-def]
    ledger = load_ledger(EXAMPLE)
    ledger.info["党组织名称"] = name
    if not sealed:
        ledger.info["落款方式"] = "不加盖印章"
    return ledger


@pytest.mark.parametrize(("name", "lines", "blanks"), NAMES)
@pytest.mark.parametrize("kind", ["plan", "report", "notice"])
def test_blank_lines_above_the_sealed_signature_follow_its_lines(
    tmp_path: Path, kind: str, name: str, lines: int, blanks: int
) -> None:
    out = render(_ledger(name), kind, tmp_path / f"{kind}.docx", as_of=DAY, today=DAY)
    assert _blanks_above_signature(out, name, lines) == blanks


@pytest.mark.parametrize(("name", "lines", "blanks"), NAMES)
def test_the_summary_follows_the_same_rule(tmp_path: Path, name: str, lines: int, blanks: int):
    context = summary_sample_context()
    context["党组织名称"] = name
    out = render_docx(template_path("汇总报告.docx"), context, tmp_path / "汇总报告.docx")
    assert _blanks_above_signature(out, name, lines) == blanks


@pytest.mark.parametrize("name", [ONE_LINE, TWO_LINES])
def test_the_unsealed_signature_keeps_one_blank_line(tmp_path: Path, name: str) -> None:
    # 不加盖印章 (§7.3.5.2): one blank line, the 署名 右空二字 in lines of signature_lines
    out = render(_ledger(name, sealed=False), "report", tmp_path / "report.docx", today=DAY)
    assert _blanks_above_signature(out, name, len(signature_lines(name))) == 1


def _gap_above(pdf: Path, first: str) -> tuple[int, float]:
    """(page, lines of paper) between the top of the last word ``first`` in ``pdf`` (the 署名's
    first line; a title line may read the same) and the top of the line of text above it."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    word = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<')
    found = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        tops = [(float(y), text) for y, text in word.findall(page)]
        for y, text in tops:
            higher = [top for top, _ in tops if top < y - 1]
            if text == first and higher:
                found.append((number, (y - max(higher)) / LINE_PITCH_PT))
    return found[-1]


@pytest.mark.skipif(not HAVE_PDF, reason="需要 LibreOffice 和 poppler")
@pytest.mark.parametrize("kind", ["plan", "report", "notice"])
def test_a_two_line_signature_prints_one_line_higher(tmp_path: Path, kind: str) -> None:
    """The example with a 署名 of one and of two lines, in LibreOffice: as many pages, the 落款
    on the same page; the 署名 of one line starts three lines below the body's last line (two
    blank lines), the 署名 of two lines two (one blank line)."""
    gaps = {}
    for name in (ONE_LINE, TWO_LINES):
        folder = tmp_path / str(_lines(name))
        folder.mkdir()
        out = render(_ledger(name), kind, folder / f"{kind}.docx", as_of=DAY, today=DAY)
        assert convert_to_pdf([out], folder)
        pdf = out.with_suffix(".pdf")
        gaps[name] = (pdf_pages(pdf), *_gap_above(pdf, centred_or_lines(name)[0]))
    (pages, page, one), (pages2, page2, two) = gaps[ONE_LINE], gaps[TWO_LINES]
    assert (pages2, page2) == (pages, page)
    assert one == pytest.approx(3, abs=0.05)
    assert two == pytest.approx(2, abs=0.05)


def centred_or_lines(name: str) -> list[str]:
    return centred_signature_lines(name) or signature_lines(name)
