"""Built-in templates render outside the sandbox, recognised by their bytes; nothing else does.

``trusted.is_builtin`` decides by the SHA-256 of the template file: a user's file, whatever its
name and wherever it is put (given with --template, or put in place of the built-in file in
the installation), is sandboxed. Both environments write the same document.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from test_docxrender import builtin_context, rendered_parts
from test_render import AS_OF, sample

from ledger_tools import resources
from ledger_tools.documents import render as R
from ledger_tools.documents import trusted
from ledger_tools.documents.context import FILTERS, build_context
from ledger_tools.documents.sandbox import Budget
from ledger_tools.errors import TemplateError
from ledger_tools.resources import builtin_templates, template_path

HOSTILE_TAG = "{{ ''.__class__.__mro__ }}"


def rezipped(template: Path, out: Path, tag: str = "") -> Path:
    """``template`` written again with another compression (other bytes, the same XML), with
    a first paragraph holding ``tag`` when given."""
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if tag and info.filename == "word/document.xml":
                paragraph = f"<w:p><w:r><w:t>{tag}</w:t></w:r></w:p>".encode()
                data = data.replace(b"<w:body>", b"<w:body>" + paragraph, 1)
            dst.writestr(info.filename, data, compresslevel=1)
    return out


def test_digests_are_those_of_the_shipped_templates():
    shipped = {p.name: trusted.digest(p.read_bytes()) for p in builtin_templates(".docx")}
    table = "".join(f'    "{name}": "{value}",\n' for name, value in sorted(shipped.items()))
    assert shipped == trusted.BUILTIN_DIGESTS, (
        "A built-in template changed: until BUILTIN_DIGESTS in ledger_tools/documents/trusted.py "
        f"is updated it renders in the (slower) sandbox. The new table:\n{table}"
    )


def test_trusted_environment_is_not_a_sandbox():
    # what makes the tests below meaningful: this tag is refused only by the sandbox
    env = trusted.make_trusted_env(R._finalize, FILTERS)
    assert "object" in env.from_string(HOSTILE_TAG).render()


def test_only_the_exact_bytes_of_a_builtin_are_trusted(tmp_path):
    original = template_path("整改方案.docx")
    assert trusted.is_builtin(original.read_bytes())
    copy = rezipped(original, tmp_path / "整改方案.docx")
    assert not trusted.is_builtin(copy.read_bytes())
    data = bytearray(original.read_bytes())
    data[-1] ^= 1
    assert not trusted.is_builtin(bytes(data))


def test_a_user_template_named_like_a_builtin_is_sandboxed(tmp_path):
    ledger = sample()
    hostile = rezipped(template_path("整改方案.docx"), tmp_path / "整改方案.docx", HOSTILE_TAG)
    with pytest.raises(TemplateError, match="安全沙箱拒绝"):
        R.render(ledger, "plan", tmp_path / "out.docx", template=hostile, as_of=AS_OF, force=True)


def test_a_file_put_in_place_of_the_installed_builtin_is_sandboxed(tmp_path, monkeypatch):
    folder = tmp_path / "doc_templates"
    folder.mkdir()
    for p in builtin_templates(".docx"):
        (folder / p.name).write_bytes(p.read_bytes())
    rezipped(template_path("整改情况报告.docx"), folder / "整改情况报告.docx", HOSTILE_TAG)
    monkeypatch.setattr(resources, "template_dir", lambda suffix=".docx": folder)
    assert R.builtin_template("report") == folder / "整改情况报告.docx"
    with pytest.raises(TemplateError, match="安全沙箱拒绝"):
        R.render(sample(), "report", tmp_path / "out.docx", as_of=AS_OF, force=True)


def test_the_trusted_environment_is_used_for_builtin_bytes_only(tmp_path, monkeypatch):
    made = []
    real = trusted.make_trusted_env
    monkeypatch.setattr(trusted, "make_trusted_env", lambda *a: made.append(1) or real(*a))
    context = build_context(sample(), "plan", as_of=AS_OF)
    original = template_path("整改方案.docx")
    R.render_docx(original, context, tmp_path / "a.docx")
    assert made == [1]
    R.render_docx(rezipped(original, tmp_path / "t.docx"), context, tmp_path / "b.docx")
    assert made == [1]  # the same XML in other bytes: sandboxed
    assert rendered_parts((tmp_path / "a.docx").read_bytes()) == rendered_parts(
        (tmp_path / "b.docx").read_bytes()
    )


def test_a_budget_given_keeps_the_sandbox_and_its_limits(tmp_path):
    context = build_context(sample(), "plan", as_of=AS_OF)
    with pytest.raises(TemplateError, match="超出了渲染限制"):
        R.render_docx(
            template_path("整改方案.docx"), context, tmp_path / "o.docx", budget=Budget(1000)
        )


def awkward_ledger():
    """The sample ledger with cell text that exercises finalize: escaping, line breaks, tabs,
    bidi controls, XML-forbidden characters, markup-like text."""
    ledger = sample()
    texts = [
        "第一行\n第二行\t制表 & <b>粗</b> \u202e反向\u202c",
        "含\x0b控制\x1f字符\ufffe的文字；{{ 标题 }}{% if 1 %}",
        "  前后空格  \r\n回车换行\n\n空行  ",
    ]
    for m, t in zip(ledger.measures, texts * len(ledger.measures), strict=False):
        m.values["整改措施"] = t
        m.values["整改进展及成效"] = t[::-1]
        m.values["责任人"] = "王某（副局长）\n李某"
    return ledger


@pytest.mark.parametrize("template", builtin_templates(".docx"), ids=lambda p: p.stem)
def test_both_environments_write_the_same_document(tmp_path, template):
    contexts = [builtin_context(template.stem)]
    kind = {"整改方案": "plan", "整改情况报告": "report", "整改进展情况通报": "notice"}
    if template.stem in kind:
        contexts.append(build_context(awkward_ledger(), kind[template.stem], as_of=AS_OF))
    sandboxed_copy = rezipped(template, tmp_path / template.name)
    for i, context in enumerate(contexts):
        fast = R.render_docx(template, context, tmp_path / f"fast{i}.docx", builtin=True)
        slow = R.render_docx(sandboxed_copy, context, tmp_path / f"slow{i}.docx")
        assert rendered_parts(fast.read_bytes()) == rendered_parts(slow.read_bytes())


def test_trusted_getattr_is_jinjas_for_dicts_and_others():
    env = trusted.make_trusted_env(R._finalize, FILTERS)
    source = (
        "{{ d.a }}|{{ d.items is defined }}|{{ d.missing is defined }}|{{ s.upper() }}|{{ n.real }}"
    )
    out = env.from_string(source).render(d={"a": 1, "items": 2}, s="x", n=dt.date(2024, 1, 1).day)
    assert out == "1|True|False|X|1"
    # a dict key named like a dict method: Jinja gives the method, so do we
    assert "built-in method" in env.from_string("{{ d.items }}").render(d={"items": 2})


def test_rezipped_copy_keeps_every_part(tmp_path):
    original = template_path("整改方案.docx")
    copy = rezipped(original, tmp_path / "c.docx")
    with zipfile.ZipFile(original) as a, zipfile.ZipFile(io.BytesIO(copy.read_bytes())) as b:
        assert {n: a.read(n) for n in a.namelist()} == {n: b.read(n) for n in b.namelist()}


def test_escaping_is_markupsafes():
    from markupsafe import Markup, escape

    finalize = trusted.escaping(lambda v: v)
    for value in ["a&b<c>d'e\"f", "&amp;", "", "普通文字", 3, 1.5, None, Markup("<b>&amp;</b>")]:
        assert finalize(value) == str(escape(value))
    for cp in range(0x110000):
        ch = chr(cp)
        assert finalize(ch) == str(escape(ch)), hex(cp)


def test_an_unchanged_exported_template_is_recognised(tmp_path):
    for path in R.export_templates(tmp_path / "模板"):
        if path.suffix == ".docx":
            assert trusted.is_builtin(path.read_bytes()), path.name


UNIT_KINDS = {"整改方案": "plan", "整改情况报告": "report", "整改进展情况通报": "notice"}


@pytest.mark.parametrize("name", sorted(UNIT_KINDS))
def test_a_builtin_renders_the_same_without_the_parts_it_never_names(tmp_path, name):
    # report and plan print no 通报段落, none prints 附件任务清单 or the statistics groupings:
    # their context leaves them out (render.render); the documents are the same
    template = template_path(f"{name}.docx")
    skip = trusted.unread_parts(template.read_bytes())
    assert {"附件任务清单", "统计分组"} <= skip
    assert ("通报段落" in skip) == (name != "整改进展情况通报")
    # the plan words no problem as the report does; the report and the notice print the
    # problems' paragraphs, not 措施列表
    assert ("措施段落" in skip) == (name != "整改情况报告")
    assert ("措施列表" in skip) == (name != "整改方案")
    kind = UNIT_KINDS[name]
    for i, ledger in enumerate((sample(), awkward_ledger())):
        full = build_context(ledger, kind, as_of=AS_OF)
        trimmed = build_context(ledger, kind, as_of=AS_OF, skip=skip)
        assert "附件任务清单" not in trimmed and "按方面" not in trimmed["统计"]
        whole = R.render_docx(template, full, tmp_path / f"full{i}.docx", builtin=True)
        part = R.render_docx(template, trimmed, tmp_path / f"part{i}.docx", builtin=True)
        assert rendered_parts(whole.read_bytes()) == rendered_parts(part.read_bytes())


def test_no_part_is_left_out_for_a_user_template(tmp_path):
    # a copy of a built-in with other bytes may read anything: the whole context
    copy = rezipped(template_path("整改情况报告.docx"), tmp_path / "mine.docx")
    assert trusted.unread_parts(copy.read_bytes()) == frozenset()


def braces_ledger(texts: list[str]):
    """The sample ledger with ``texts`` in the cells the unit documents print."""
    ledger = sample()
    for m, t in zip(ledger.measures, texts * len(ledger.measures), strict=False):
        for column in ("整改措施", "整改进展及成效", "问题", "责任人"):
            m.values[column] = t
    return ledger


# docxtpl turns {_{ }_} {_% %_} into {{ }} {% %} in the whole rendered text, values included
INNER = ["a{_{b}_}c{_%d%_}e", "{_{_{x", "x_y{_{", "仿宋_GB2312", "}_}"]
EDGES = ["_开头的文字", "结尾的文字_", "_"]


@pytest.mark.parametrize("name", sorted(UNIT_KINDS))
@pytest.mark.parametrize("texts", [INNER, INNER + EDGES], ids=["inner", "edges"])
def test_piecewise_output_is_the_whole_texts(tmp_path, monkeypatch, name, texts):
    # the built-in templates' output is made ready piece by piece (docxrender.Pieces); a
    # value starting or ending with "_" could join a brace pattern with its neighbour, and
    # the document is written again the usual way: either way it is the sandbox's, which
    # makes the whole text ready
    made = []
    real = trusted.make_trusted_env
    monkeypatch.setattr(trusted, "make_trusted_env", lambda *a: made.append(real(*a)) or made[-1])
    template = template_path(f"{name}.docx")
    context = build_context(braces_ledger(texts), UNIT_KINDS[name], as_of=AS_OF)
    fast = R.render_docx(template, context, tmp_path / "fast.docx", builtin=True)
    slow = R.render_docx(rezipped(template, tmp_path / "copy.docx"), context, tmp_path / "s.docx")
    assert rendered_parts(fast.read_bytes()) == rendered_parts(slow.read_bytes())
    assert len(made) == 1
    if texts == INNER:
        assert made[0].pieces.on  # made ready piece by piece
    elif name != "整改进展情况通报":  # (the notice prints no cell as it is: sentences of them)
        assert not made[0].pieces.on  # written again
    if texts == INNER:
        body = rendered_parts(fast.read_bytes())["word/document.xml"].decode()
        assert "a{{b}}c{%d%}e" in body or name == "整改进展情况通报"


def test_a_template_whose_output_is_not_only_pieces_is_made_ready_whole():
    from jinja2 import Environment

    from ledger_tools.documents.docxrender import Pieces

    env = Environment()
    plain = env.parse('<w:p><w:t>{{ a }}</w:t></w:p>\n<w:p w:x="1">{_{ b }_}</w:p>')
    assert Pieces.joinable(plain)
    joined = env.from_string(Pieces.join(plain)).render(a="x")
    assert joined == '<w:p><w:t>x</w:t></w:p><w:p w:x="1">{{ b }}</w:p>'
    for source in (
        "{% macro m() %}<w:t>{% endmacro %}{{ m() }}",
        "{% set x %}<w:t>{% endset %}{{ x }}",
        "{% filter upper %}<w:t>{% endfilter %}",
        "<w:t>a</w:t>\n<w:t>",  # a line break not before a paragraph
        "<w:t>a_{{ x }}",  # text ending with "_"
        "{{ x }}_</w:t>",  # text starting with "_"
    ):
        assert not Pieces.joinable(env.parse(source)), source
