"""The example documents under examples/ (made by ``python examples/build_documents.py``).

The committed .docx files must read exactly like a fresh render of examples/示例台账.xlsx: a
change to a template, the context or the ledger that is not followed by regenerating the
examples fails here. The PDFs and page-1 PNGs the README shows must be there and belong to
those documents. No LibreOffice here (PDF conversion is tested in test_render.py).
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(EXAMPLES))

import build_documents as B  # noqa: E402

from ledger_tools.documents.context import DOC_NAMES, KINDS  # noqa: E402


def document_text(path: Path) -> list[str]:
    """Every paragraph (with its style) and table cell of the body, and the footers, in order."""
    doc = Document(path)
    out = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = next(p for p in doc.paragraphs if p._p is block)
            out.append(f"[{p.style.name}] {p.text}")
        elif tag == "tbl":
            table = next(t for t in doc.tables if t._tbl is block)
            out += [" | ".join(c.text for c in row.cells) for row in table.rows]
    for section in doc.sections:
        for footer in (section.footer, section.even_page_footer):
            out += [f"[页脚] {p.text}" for p in footer.paragraphs]
    return out


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fresh")
    B.render_documents(folder)
    return folder


@pytest.mark.parametrize("kind", KINDS)
def test_committed_document_matches_a_fresh_render(kind, fresh):
    committed = B.docx_path(kind)
    assert committed.is_file(), (
        f"{committed.name} 不存在：请运行 python examples/build_documents.py"
    )
    expected = document_text(B.docx_path(kind, fresh))
    assert len(expected) > 30
    assert document_text(committed) == expected, (
        f"examples/{committed.name} 与当前模板/上下文生成的内容不一致："
        "请运行 python examples/build_documents.py 重新生成并提交。"
    )


def test_fresh_render_is_byte_reproducible(fresh, tmp_path):
    """The builder fixes zip times, so regenerating without a change leaves git clean."""
    B.render_documents(tmp_path)
    for kind in KINDS:
        assert B.docx_path(kind, tmp_path).read_bytes() == B.docx_path(kind, fresh).read_bytes()


def _pdf_titles(data: bytes) -> list[str]:
    """Every /Title of a LibreOffice PDF (UTF-16BE hex): the document's, then its bookmarks'."""
    found = re.findall(rb"/Title\s*<FEFF([0-9A-Fa-f]+)>", data)
    return [bytes.fromhex(h.decode()).decode("utf-16-be") for h in found]


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_belongs_to_the_document(kind):
    pdf = B.docx_path(kind).with_suffix(".pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2
    title = Document(B.docx_path(kind)).core_properties.title
    assert title.endswith(("整改方案", "的报告", "的通报")) and "模板" not in title
    assert title in _pdf_titles(data), "PDF 不是由当前 .docx 生成的：请重新运行 build_documents.py"


@pytest.mark.parametrize("kind", KINDS)
def test_page_one_png_is_an_a4_page_at_100_dpi(kind):
    png = B.png_path(kind)
    assert png.name == f"{DOC_NAMES[kind]}-第1页.png"
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    # pdftoppm rounds the page size (595.3 x 841.9 pt) up to whole pixels
    assert abs(width - 210 / 25.4 * B.PNG_DPI) < 1.5
    assert abs(height - 297 / 25.4 * B.PNG_DPI) < 1.5


def test_readme_shows_the_pngs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python examples/build_documents.py" in readme
    for kind in KINDS:
        assert f"examples/{B.png_path(kind).name}" in readme


@pytest.mark.skipif(sys.platform.startswith(("win", "darwin")), reason="fontconfig: Linux only")
def test_libreoffice_gets_the_font_substitutes(tmp_path):
    """On Linux LibreOffice runs with FONTCONFIG_FILE naming the closest free fonts, so 仿宋 and
    楷体 come out serif and 黑体 sans instead of one sans face for all."""
    from ledger_tools.documents import docformat
    from ledger_tools.documents.render import _office_env

    env = _office_env(tmp_path)
    conf = Path(env["FONTCONFIG_FILE"])
    assert conf.parent == tmp_path
    assert conf.read_text(encoding="utf-8") == docformat.fontconfig_substitutes()
    assert "/etc/fonts/fonts.conf" in conf.read_text(encoding="utf-8")
