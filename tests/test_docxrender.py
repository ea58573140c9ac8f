"""The linear renderer writes the same document as docxtpl's own ``render`` + ``save``.

Compared part by part as parsed XML (elements, attributes, text, in order): namespace
declarations may sit on other elements, nothing else may differ.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from test_render import AS_OF, make_template, sample

from ledger_tools.documents.context import build_context
from ledger_tools.documents.render import make_env, render_docx
from ledger_tools.ledger.normalise import load_ledger
from ledger_tools.resources import builtin_templates

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "示例台账.xlsx"
KIND_OF = {"整改方案": "plan", "整改情况报告": "report", "整改进展情况通报": "notice"}


def builtin_context(name: str) -> dict[str, Any]:
    """The context each built-in template is rendered with: the example ledger's for the unit
    documents, the sample contexts of the 督办通知 and the 汇总报告."""
    if name == "督办通知":
        from ledger_tools.upward.duban import sample_context

        return sample_context()
    if name == "汇总报告":
        from ledger_tools.upward.summary import summary_sample_context

        return summary_sample_context()
    ledger = load_ledger(EXAMPLE)
    return build_context(
        ledger, KIND_OF[name], as_of=dt.date(2024, 5, 10), today=dt.date(2024, 5, 12)
    )


def docxtpl_render(template: Path, context: dict[str, Any]) -> bytes:
    """The document as docxtpl renders it (map_tree, resolve_listing, fix_tables)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(template)
    tpl.render(context, jinja_env=make_env(), autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def structure(xml: bytes) -> list[tuple[str, tuple[tuple[str, str], ...], str, str]]:
    root = etree.fromstring(xml, etree.XMLParser(huge_tree=True))
    return [
        (el.tag, tuple(sorted(el.attrib.items())), el.text or "", el.tail or "")
        for el in root.iter()
    ]


def rendered_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {
            n: zf.read(n)
            for n in zf.namelist()
            if n.startswith("word/") and n.endswith(".xml") and "/_rels/" not in n
        }


def assert_same_document(ours: bytes, theirs: bytes) -> None:
    a, b = rendered_parts(ours), rendered_parts(theirs)
    assert sorted(a) == sorted(b)
    for name in a:
        assert structure(a[name]) == structure(b[name]), name


@pytest.mark.parametrize("template", builtin_templates(".docx"), ids=lambda p: p.stem)
def test_builtin_templates_render_as_docxtpl_does(tmp_path, template):
    context = builtin_context(template.stem)
    ours = render_docx(template, context, tmp_path / "ours.docx", builtin=True).read_bytes()
    assert_same_document(ours, docxtpl_render(template, context))
    # and with the well-formedness check a user's template gets
    checked = render_docx(template, context, tmp_path / "checked.docx").read_bytes()
    assert rendered_parts(checked) == rendered_parts(ours)


def assert_renders_as_docxtpl(template: Path, out: Path) -> bytes:
    """Render ``template`` with the sample ledger both ways; the same document. Ours back."""
    context = build_context(sample(), "report", as_of=AS_OF)
    ours = render_docx(template, context, out).read_bytes()
    assert_same_document(ours, docxtpl_render(template, context))
    return ours


def table_template(path: Path, rows: list[list[str]]) -> Path:
    """A .docx holding one table with the texts of ``rows``."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    document.save(path)
    return path


def test_column_loops_and_merges_are_fixed_as_docxtpl_fixes_them(tmp_path):
    loop = "{%tc for 方面 in 方面列表 %}"
    path = table_template(
        tmp_path / "表.docx",
        [
            ["方面", loop, "{{ 方面.标题 }}{%tc endfor %}"],
            ["合计", loop, "{% hm %}{{ 统计.问题数 }}{%tc endfor %}"],
        ],
    )
    assert_renders_as_docxtpl(path, tmp_path / "ours.docx")


def test_paragraph_loops_headers_and_pictures_ids(tmp_path):
    tpl = make_template(
        tmp_path / "t.docx",
        "{{ 标题 }}",
        "{%p for 方面 in 方面列表 %}",
        "{{ 方面.标题 }}：{{ 方面.问题列表|length }} 项 {_{ 原样 }_}",
        "{%p endfor %}",
    )
    import docx

    document = docx.Document(tpl)
    document.sections[0].header.paragraphs[0].text = "{{ 单位名称 }}"
    document.sections[0].footer.paragraphs[0].text = "第 {{ 统计.问题数 }} 项"
    document.save(tpl)
    text = rendered_parts(assert_renders_as_docxtpl(tpl, tmp_path / "ours.docx"))
    assert "{{ 原样 }}".encode() in text["word/document.xml"]
    assert any("某区测试局".encode() in v for k, v in text.items() if "header" in k)


def test_a_misplaced_tag_is_repaired_not_written_broken(tmp_path):
    # {% if %} opened in one table cell and closed in another: the rendered XML does not
    # nest. docxtpl's recovering parser repairs it, and so does the fallback here (lxml's
    # repair of broken markup is heuristic: the result is a valid document, not necessarily
    # element for element the one docxtpl's repair of the body alone gives)
    import docx

    path = table_template(tmp_path / "乱.docx", [["{% if not 单位名称 %}甲", "乙{% endif %}"]])
    context = build_context(sample(), "report", as_of=AS_OF)
    ours = render_docx(path, context, tmp_path / "ours.docx").read_bytes()
    assert docx.Document(io.BytesIO(ours)).tables  # a valid document, with its table
    for xml in rendered_parts(ours).values():
        structure(xml)  # every part well-formed
