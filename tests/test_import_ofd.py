"""``ledger-tools import`` of OFD files (GB/T 33190, the format of 党政机关电子公文).

The genre documents of rounds 5 to 7 (real .docx) are printed to PDF by LibreOffice, then laid
out again as an OFD producer writes a page (``tests/ofd_files.py``: a text object per word, its
characters placed by ``DeltaX``, the table rules as paths). Importing the OFD must give the
ledger the PDF gives. Also: an OFD written the way other producers do (one text object per
line, a ``CTM`` scale, the page number in a template page, an .ofd that is not an OFD, one with
no text).
"""

from __future__ import annotations

import zipfile

import genre_docs5 as G5
import genre_docs6 as G6
import genre_docs7 as G7
import pytest
from click.testing import CliRunner
from ofd_files import _path_object, _text_object, ofd_from_pdf, write_ofd
from office_pdf import convert_to_pdf
from test_import_genre import run_import
from test_import_webpage import ledger_rows

from ledger_tools.cli import cli
from ledger_tools.importing.ofd import _deltas, ofd_pages

BUILDERS = {**G5.DOCX_BUILDERS, **G6.DOCX_BUILDERS, **G7.DOCX_BUILDERS}


@pytest.fixture(scope="module")
def ofds(tmp_path_factory):
    """{name: (the PDF LibreOffice printed of the .docx, the OFD laid out from it)}."""
    pytest.importorskip("pdfplumber")  # (the [pdf] extra: the glyphs' origins and the rules)
    folder = tmp_path_factory.mktemp("ofd")
    sources = {name: build(folder / f"{name}.docx") for name, build in BUILDERS.items()}
    if not convert_to_pdf(sources.values(), folder):
        pytest.skip("LibreOffice is not installed: no PDF to lay out as OFD")
    out = {}
    for name, source in sources.items():
        pdf = source.with_suffix(".pdf")
        out[name] = (pdf, ofd_from_pdf(pdf, folder / f"{name}.ofd"))
    return out


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_an_ofd_gives_the_ledger_its_pdf_gives(ofds, name, tmp_path):
    pdf, ofd = ofds[name]
    want, want_out = run_import(pdf, tmp_path / "pdf")
    got, got_out = run_import(ofd, tmp_path / "ofd")
    assert ledger_rows(got)  # (not vacuous)
    assert ledger_rows(got) == ledger_rows(want)
    assert (
        got_out.splitlines()[1].split("，已写入")[0]
        == want_out.splitlines()[1].split("，已写入")[0]
    )
    assert got.info.get("单位名称") == want.info.get("单位名称")
    assert got.info.get("监督机构") == want.info.get("监督机构")


def _line(i: int, x: float, y: float, text: str, size: float = 5.644) -> str:
    return _text_object(i, x, y, size, text, size)


def test_an_ofd_with_lines_as_objects_a_scaled_object_and_a_template_footer(tmp_path):
    """Lines as one object each (as 数科 writes a Word file), one written at half size under
    a CTM that doubles it, "— 1 —" in a template page: the footer is not a paragraph, the
    scaled line is read where it stands, and the task table's rules make it a table."""
    body = [
        _line(1, 45, 30, "中共云岭县交通运输局党组关于巡察整改进展情况的通报"),
        _line(2, 27, 50, "一、落实主体责任方面"),
        # half the size, doubled by its CTM: read as the same line of text
        '<ofd:TextObject ID="3" Boundary="27 62 160 8" CTM="2 0 0 2 0 0" Font="3" Size="2.822">'
        '<ofd:TextCode X="0" Y="2.5" DeltaX="g 19 2.822">（一）关于党组会议议事规则执行不严格的问题</ofd:TextCode>'
        "</ofd:TextObject>",
        _line(4, 38, 74, "整改情况：修订完善党组工作规则，明确前置研究事项清单，"),
        _line(5, 27, 82, "已于2024年9月30日整改到位。责任单位：局办公室。"),
    ]
    footer = [_line(90, 95, 280, "— 1 —")]
    ofd = write_ofd(tmp_path / "通报.ofd", [body], template=footer)
    pages = ofd_pages(ofd)
    texts = "".join(c.text for c in pages[0].chars)
    assert "—1—" in texts  # the template page's objects are on the page
    scaled = [c for c in pages[0].chars if c.text == "议"][0]
    assert scaled.size == pytest.approx(5.644) and scaled.y == pytest.approx(67)

    ledger, out = run_import(ofd, tmp_path / "out")
    assert "识别出 1 个方面、1 项问题、1 条整改措施" in out
    problem = ledger.problems[0]
    assert problem.title == "党组会议议事规则执行不严格"
    measure = problem.measures[0]
    assert "修订完善党组工作规则" in measure.get("整改措施")
    assert "— 1 —" not in measure.get("整改措施")
    assert "1 —" not in str(measure.get("整改进展及成效"))


def test_delta_x_with_repetitions():
    assert _deltas("3.5 3.5 g 3 1.75 2", 7) == [3.5, 3.5, 1.75, 1.75, 1.75, 2.0]
    assert _deltas("g 100 5", 3) == [5.0, 5.0, 5.0]  # never more steps than characters
    assert _deltas(None, 4) == []


def test_a_path_object_gives_its_segments(tmp_path):
    ofd = write_ofd(
        tmp_path / "线.ofd", [[_path_object(1, 20, 40, 190, 40), _line(2, 20, 30, "表")]]
    )
    (page,) = ofd_pages(ofd)
    assert page.lines == [pytest.approx((20.0, 40.0, 190.0, 40.0))]


def test_an_ofd_without_text_or_not_an_ofd_is_refused_in_chinese(tmp_path):
    scan = write_ofd(tmp_path / "扫描件.ofd", [[_path_object(1, 20, 40, 190, 40)]])
    said = CliRunner().invoke(cli, ["import", str(scan), "-o", str(tmp_path / "a.xlsx")])
    assert said.exit_code == 2
    assert "“扫描件.ofd”中没有文字（是扫描件或图片）" in said.output
    assert "Traceback" not in said.output

    broken = tmp_path / "坏的.ofd"
    with zipfile.ZipFile(broken, "w") as zf:
        zf.writestr("OFD.xml", "<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>")
    said = CliRunner().invoke(cli, ["import", str(broken), "-o", str(tmp_path / "b.xlsx")])
    assert said.exit_code == 2
    assert "“坏的.ofd”不是有效的 OFD 文件，或已损坏" in said.output

    text = tmp_path / "不是.ofd"
    text.write_text("纯文本", encoding="utf-8")
    said = CliRunner().invoke(cli, ["import", str(text), "-o", str(tmp_path / "c.xlsx")])
    assert said.exit_code == 2
    assert "不是有效的 OFD 文件" in said.output


def test_an_ofd_renamed_is_still_read_as_one(tmp_path):
    ofd = write_ofd(
        tmp_path / "x.ofd",
        [
            [
                _line(1, 27, 50, "一、落实主体责任方面"),
                _line(2, 27, 62, "（一）关于制度执行不严的问题"),
                _line(3, 38, 74, "整改情况：修订完善党组工作规则，明确前置研究事项清单，"),
                _line(4, 27, 82, "已于2024年9月30日整改到位。责任单位：局办公室。"),
            ]
        ],
    )
    renamed = ofd.rename(tmp_path / "通报（电子公文）")  # (no suffix: the content says OFD)
    said = CliRunner().invoke(cli, ["import", str(renamed), "-o", str(tmp_path / "d.xlsx")])
    assert said.exit_code == 0, said.output
    assert "识别出 1 个方面、1 项问题" in said.output


def test_an_ofd_with_more_text_than_any_document_is_refused_before_it_is_held(tmp_path):
    """1.2 million characters in one text code (a 3.6 MB part, a small zip): refused with the
    limit named, not laid out into a PDF of that size."""
    huge = '<ofd:TextObject ID="1" Boundary="20 20 170 8" Size="5"><ofd:TextCode X="0" Y="4">'
    huge += "整" * 1_200_000 + "</ofd:TextCode></ofd:TextObject>"
    ofd = write_ofd(tmp_path / "大.ofd", [[huge]])
    said = CliRunner().invoke(cli, ["import", str(ofd), "-o", str(tmp_path / "e.xlsx")])
    assert said.exit_code == 2
    assert "“大.ofd”中的文字超过导入的上限 1,000,000 个字" in said.output
    assert not (tmp_path / "e.xlsx").exists()
