"""Hostile templates (issue 9): every one refused in Chinese within a bounded time and memory,
by the real command in a real process, and found by ``templates check`` beforehand."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import run_cli_measured
from test_render import AS_OF, make_template, sample

from ledger_tools.documents.context import build_context
from ledger_tools.documents.render import check_template, render_docx
from ledger_tools.documents.sandbox import Budget
from ledger_tools.errors import TemplateError

REPO = Path(__file__).resolve().parent.parent

# name, the template's paragraphs, a fragment of the message
HOSTILE = [
    (
        "nested-range",
        ["{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"],
        "超过",
    ),
    (
        "nested-range-empty",
        ["{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"],
        "超过",
    ),
    ("huge-range", ["{% for i in range(10**9) %}{{ i }}{% endfor %}"], "range() 的项数"),
    ("string-times", ["{{ 'a' * 10**9 }}"], "百万字符的上限"),
    ("list-times", ["{{ ([1] * 10**9)|length }}"], "百万字符的上限"),
    ("power", ["{{ 7 ** 999999999 }}"], "指数过大"),
    ("percent-width", ["{{ '%0999999999d' % 1 }}"], "宽度或精度过大"),
    ("format-width", ["{{ '{:>999999999}'.format(1) }}"], "宽度或精度过大"),
    ("percent-star-width", ["{{ '%*d' % (999999999, 1) }}"], "过大"),
    ("format-nested-width", ["{{ '{:>{}}'.format(1, 999999999) }}"], "过大"),
    ("center-method", ["{{ 'a'.center(10**9) }}"], "过大"),
    ("center-filter", ["{{ 'a'|center(10**9) }}"], "过大"),
    ("replace-empty", ["{{ ('a' * 100000)|replace('', 'b' * 1000) }}"], "百万字符的上限"),
    (
        "recursive-macro",
        ["{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"],
        "宏的嵌套调用超过",
    ),
    (
        "namespace-doubling",
        [
            "{% set ns = namespace(s='ab') %}"
            "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}"
        ],
        "百万字符的上限",
    ),
    (
        "block-set-doubling",
        [
            "{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}"
            "{% endmacro %}{{ d('ab', 40) }}"
        ],
        "上限",
    ),
    (
        "append-growth",
        [
            "{% set l = [] %}{% for i in range(100000) %}"
            "{{ l.append('a' * 1000000) or '' }}{% endfor %}"
        ],
        "上限",
    ),
    (
        "concat-chain",
        [
            "{% set a = 'a' * 9000000 %}{% set b = a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a ~ a %}"
            "{% set c = b ~ b ~ b ~ b ~ b ~ b ~ b ~ b ~ b ~ b %}{{ c|length }}"
        ],
        "拼接（~）的结果",
    ),
    ("include", ["{% include 'other.docx' %}"], "不能引用其他文件"),
    ("import", ["{% import 'macros.docx' as m %}"], "不能引用其他文件"),
    ("from-import", ["{% from 'macros.docx' import m %}"], "不能引用其他文件"),
    ("extends", ["{% extends 'base.docx' %}"], "不能引用其他文件"),
]


def run_measured(args: list[str], timeout: float = 240) -> tuple[int, str, float, float]:
    """Run ``python -m ledger_tools *args``: (exit code, stderr+stdout, seconds, peak MB)."""
    return run_cli_measured(args, timeout)


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs os.wait4 (POSIX)")
@pytest.mark.parametrize("name, paragraphs, fragment", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_template_is_refused_in_bounded_time_and_memory(
    tmp_path, name, paragraphs, fragment
):
    ledger_file = tmp_path / "台账.xlsx"
    ledger_file.write_bytes((REPO / "examples" / "示例台账.xlsx").read_bytes())
    tpl = make_template(tmp_path / f"{name}.docx", "{{ 标题 }}", *paragraphs)
    before = tpl.read_bytes(), ledger_file.read_bytes()
    out = tmp_path / "out.docx"
    code, output, seconds, peak_mb = run_measured(
        ["report", str(ledger_file), "--template", str(tpl), "-o", str(out), "--force"]
    )
    assert code == 2, output
    assert fragment in output and f"模板 {tpl.name}" in output
    assert "Traceback" not in output and "意外问题" not in output
    assert output.count("\n") == 1  # one line
    assert seconds < 60 and peak_mb < 900, (seconds, peak_mb)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".~ledger-tools")]
    assert (tpl.read_bytes(), ledger_file.read_bytes()) == before


@pytest.mark.parametrize("name, paragraphs, fragment", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_templates_check_finds_what_rendering_refuses(tmp_path, name, paragraphs, fragment):
    tpl = make_template(tmp_path / f"{name}.docx", "{{ 标题 }}", *paragraphs)
    errors = [i for i in check_template(tpl) if i.severity == "error"]
    assert errors, name
    if "不能引用其他文件" in fragment:
        assert "不能引用其他文件" in errors[0].message


def test_an_endless_loop_over_the_data_stops_at_the_time_budget(tmp_path):
    # no range(), no output, nothing intercepted: only the watchdog can end it
    tpl = make_template(
        tmp_path / "t.docx",
        "{% for a in 方面列表 %}{% for b in range(100) %}{% for c in 'x' * 1000000 %}"
        "{% endfor %}{% endfor %}{% endfor %}",
    )
    context = build_context(sample(), "report", as_of=AS_OF)
    start = time.monotonic()
    with pytest.raises(TemplateError, match="超过 2 秒仍未完成"):
        render_docx(tpl, context, tmp_path / "o.docx", budget=Budget(seconds=2))
    assert time.monotonic() - start < 30
    assert not (tmp_path / "o.docx").exists()


def test_ordinary_loops_and_arithmetic_are_not_limited(tmp_path):
    tpl = make_template(
        tmp_path / "t.docx",
        "{% for i in range(3) %}{{ i * 2 }}{{ '-' * 3 }}{% endfor %}",
        "{{ '%05.1f' % 3.14159 }} {{ '{:>6}'.format('右') }} {{ 2 ** 10 }} {{ 'ab'|center(6) }}",
        "{% set ns = namespace(n=0) %}{% for a in 方面列表 %}{% set ns.n = ns.n + 1 %}{% endfor %}"
        "方面{{ ns.n }}个",
        "{% macro m(x) %}【{{ x }}】{% endmacro %}{{ m(单位名称) }}",
    )
    out = render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp_path / "o.docx")
    import docx

    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "0---2---4---" in text and "003.1" in text and "     右" in text and "1024" in text
    assert "方面2个" in text and "【某区测试局】" in text


def test_bidi_controls_are_removed_from_generated_text(tmp_path):
    ledger = sample()
    context = build_context(ledger, "report", as_of=AS_OF)
    context["单位名称"] = "某区\u202e局测试\u202c\u2066档案\u2069馆\u200f"
    tpl = make_template(tmp_path / "t.docx", "单位：{{ 单位名称 }}")
    out = render_docx(tpl, context, tmp_path / "o.docx")
    import zipfile

    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert "单位：某区局测试档案馆" in xml
    assert not any(
        c in xml for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
    )


def test_macros_of_a_template_are_not_passed_into_the_document(tmp_path):
    import zipfile

    tpl = make_template(tmp_path / "t.docx", "{{ 标题 }}")
    with_vba = tmp_path / "带宏.docx"
    _add_vba_project(tpl, with_vba)
    out = render_docx(with_vba, build_context(sample(), "report", as_of=AS_OF), tmp_path / "o.docx")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        rels = zf.read("word/_rels/document.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
    assert not [n for n in names if "vba" in n.lower()]
    assert "vbaProject" not in rels and "vbaProject" not in types
    import docx

    assert docx.Document(out).paragraphs  # still a Word document


def _add_vba_project(src: Path, dest: Path) -> None:
    """``src`` with a (fake) word/vbaProject.bin related to the document, as a .docm renamed
    to .docx that Word still opens would carry it."""
    import zipfile

    rel = (
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/>'
    )
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                    b"</Types>",
                )
            zout.writestr(item, data)
        zout.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really OLE, but a macro part")


def test_a_line_break_in_a_value_is_a_word_line_break(tmp_path):
    import zipfile

    context = build_context(sample(), "report", as_of=AS_OF)
    context["单位名称"] = "第一行\n第二行\t制表&<>"
    tpl = make_template(tmp_path / "t.docx", "{{ 单位名称 }}")
    out = render_docx(tpl, context, tmp_path / "o.docx")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert '第一行</w:t><w:br/><w:t xml:space="preserve">第二行' in xml
    assert "<w:tab/>" in xml and "制表&amp;&lt;&gt;" in xml


def test_a_macro_enabled_template_is_refused_in_chinese(tmp_path):
    import zipfile

    tpl = make_template(tmp_path / "t.docx", "{{ 标题 }}")
    docm = tmp_path / "带宏模板.docx"
    with zipfile.ZipFile(tpl) as zin, zipfile.ZipFile(docm, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
                )
            zout.writestr(item, data)
    with pytest.raises(TemplateError) as err:
        render_docx(docm, build_context(sample(), "report", as_of=AS_OF), tmp_path / "o.docx")
    assert "启用宏" in err.value.message and "另存为" in err.value.message
    assert not any(
        c.isascii() and c.isalpha()
        for c in err.value.message.replace("docx", "")
        .replace("docm", "")
        .replace("Word", "")
        .replace("WPS", "")
    )


def test_ledger_text_is_never_rendered_as_a_template(tmp_path):
    import docx

    context = build_context(sample(), "report", as_of=AS_OF)
    context["标题"] = "关于{{ 7*7 }}{% for i in range(9) %}的报告"
    tpl = make_template(tmp_path / "t.docx", "{{ 标题 }}")
    document = docx.Document(tpl)
    document.core_properties.subject = "{{ 单位名称 }}"  # the template's own tag: rendered
    document.save(tpl)
    out = render_docx(tpl, context, tmp_path / "o.docx")
    rendered = docx.Document(out)
    assert rendered.core_properties.title == context["标题"]
    assert rendered.core_properties.subject == "某区测试局"
    assert rendered.paragraphs[0].text == context["标题"]


_IGNORED_SIGINT_RENDER = """
import signal, sys, time
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from test_render import AS_OF, make_template, sample
from ledger_tools.documents.context import build_context
from ledger_tools.documents.render import render_docx
from ledger_tools.documents.sandbox import Budget
from ledger_tools.errors import TemplateError
tmp = Path(sys.argv[1])
tpl = make_template(tmp / "t.docx", "{% set x = range(99999)|list %}"
                    "{% for a in x %}{% for b in x %}{% endfor %}{% endfor %}")
start = time.monotonic()
try:
    render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp / "o.docx",
                budget=Budget(seconds=2))
except TemplateError as exc:
    print(round(time.monotonic() - start), signal.getsignal(signal.SIGINT) == signal.SIG_IGN, exc)
"""


def test_the_time_budget_stops_a_process_started_with_ctrl_c_ignored(tmp_path):
    # `ledger-tools plan … &` in a script, nohup, a service: SIGINT is ignored from the start,
    # and the watchdog's interrupt_main did nothing (a loop over a plain list ran for ever)
    import signal
    import subprocess
    import sys

    tests = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tests.parent), str(tests)])}
    res = subprocess.run(
        [sys.executable, "-c", _IGNORED_SIGINT_RENDER, str(tmp_path), str(tests)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    seconds, still_ignored, message = res.stdout.split(" ", 2)
    assert int(seconds) < 30, res.stdout
    assert still_ignored == "True"  # (Ctrl+C is ignored again after the render)
    assert "超过 2 秒仍未完成" in message
    assert not (tmp_path / "o.docx").exists()
