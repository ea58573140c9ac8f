"""Rendering: the sandboxed strict Jinja environment, error messages, built-in templates, PDF,
``templates export|check``. Templates are real .docx files built with python-docx."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from functools import partial
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import INFO as BASE_INFO
from conftest import build as build_ledger
from conftest import day
from conftest import measure as make_measure
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger_tools.documents.context import build_context
from ledger_tools.documents.render import (
    check_template,
    convert_to_pdf,
    export_templates,
    render,
    render_docx,
    undefined_name,
)
from ledger_tools.errors import LedgerHasErrors, OutputError, TemplateError
from ledger_tools.ledger.model import Deadline, Ledger, Measure
from ledger_tools.resources import builtin_templates, template_path

AS_OF = dt.date(2024, 5, 10)
# The file-based tests' unit with every other 基本信息 field a document may print
INFO: dict[str, Any] = {
    **BASE_INFO,
    "成文日期": dt.date(2024, 5, 12),
    "领导小组组长": "张某",
    "领导小组副组长": "李某",
    "领导小组成员": "王某、赵某",
    "领导小组办公室主任": "刘某",
    "联系电话": "010-12345678",
    "通信地址": "某区某路1号",
    "邮政编码": "100000",
    "电子邮箱": "test@example.cn",
}
TEXTS = [
    {"文稿": "方案", "章节": "指导思想", "小标题": "", "内容": "坚持问题导向，逐项抓好整改落实"},
    {"文稿": "方案", "章节": "整改目标", "小标题": "", "内容": "确保反馈问题按期整改到位"},
    {
        "文稿": "方案",
        "章节": "工作要求",
        "小标题": "加强组织领导",
        "内容": "各部门主要负责人亲自抓",
    },
    {
        "文稿": "报告",
        "章节": "工作开展情况",
        "小标题": "提高思想认识",
        "内容": "召开专题会议研究部署",
    },
    {"文稿": "报告", "章节": "下一步打算", "小标题": "", "内容": "持续巩固整改成果"},
]


# Every column filled, 序号 and column letters present: rendering checks the ledger first
measure = partial(make_measure, complete=True)
build = partial(build_ledger, info=INFO, texts=TEXTS, complete=True)


def sample() -> Ledger:
    return build(
        [
            (
                "落实党的理论路线方针政策方面",
                "政治理论学习重视不够",
                [
                    measure(整改措施="制定年度学习计划", 整改进展及成效="2024年3月印发学习计划"),
                    measure(
                        整改措施="开展专题学习", 整改进展及成效="组织集中学习4次", 清退资金=12300
                    ),
                ],
                "已完成",
            ),
            (
                "落实党的理论路线方针政策方面",
                "意识形态工作有短板",
                [
                    measure(
                        "长期坚持",
                        Deadline("long_term", "长期坚持"),
                        整改时限="长期坚持",
                        问责人次=3,
                    )
                ],
                "长期坚持",
            ),
            (
                "全面从严治党方面",
                "财务管理不规范",
                [
                    measure(
                        "正在推进",
                        day("2024-06-30"),
                        整改措施="修订财务制度",
                        整改进展及成效="",
                        建立制度=2,
                    ),
                    measure("已完成", 整改措施="清退违规发放补贴"),
                ],
                "正在推进",
            ),
            ("全面从严治党方面", "公务用车管理松散", [measure("基本完成")], "基本完成"),
        ]
    )


def make_template(path: Path, *paragraphs: str | list[str]) -> Path:
    """A .docx whose paragraphs hold the given text; a list is one paragraph of several runs."""
    document = docx.Document()
    for p in paragraphs:
        para = document.add_paragraph()
        for run in [p] if isinstance(p, str) else p:
            para.add_run(run)
    document.save(path)
    return path


def doc_text(path: Path) -> str:
    d = docx.Document(path)
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    for section in d.sections:
        for part in (section.footer, section.even_page_footer, section.header):
            parts += [p.text for p in part.paragraphs]
    return "\n".join(parts)


def xml_of(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


# ---------------------------------------------------------------------------------------------
# The environment and its errors


def test_tiny_template_renders(tmp_path):
    tpl = make_template(
        tmp_path / "t.docx",
        "{{ 标题 }}",
        "{{ 统计.统计句 }}",
        "{%p for 方面 in 方面列表 %}",
        "{{ loop.index|cn_paren_num }}{{ 方面.标题 }}",
        "{%p for 问题 in 方面.问题列表 %}",
        "问题{{ 问题.序号 }}：{{ 问题.问题 }}",
        "整改措施及结果：{{ 问题.措施段落 }}{{ 问题.状态句 }}",
        "{%p endfor %}",
        "{%p endfor %}",
        "{{ 统计.清退资金|money }} {{ 0.875|percent }} {{ 3|cn_ordinal }} {{ ['a；', 'b'] | join_sentences }}",
    )
    out = render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp_path / "out.docx")
    text = doc_text(out)
    assert "中共某区测试局党组关于区委第一巡察组反馈意见整改情况的报告" in text.replace("\n", "")
    assert "对照区委第一巡察组反馈的2个方面4项问题，细化整改措施6条。" in text
    assert "（一）落实党的理论路线方针政策方面" in text and "（二）全面从严治党方面" in text
    assert "问题3：财务管理不规范" in text
    assert (
        "整改措施及结果：一是制定年度学习计划。2024年3月印发学习计划。二是开展专题学习。组织集中学习4次。"
        "目前已整改到位。"
    ) in text
    assert "目前正在推进，计划于2024年6月底前完成。" in text
    assert "1.23万元 87.5% 三是 a。b。" in text
    assert "{{" not in text and "{%" not in text


def test_misspelt_variable_names_it_and_the_template(tmp_path):
    tpl = make_template(tmp_path / "我的模板.docx", "单位：{{ 单位名字 }}")
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp_path / "o.docx")
    assert "“单位名字”" in err.value.message and "我的模板.docx" in err.value.message
    assert "单位：{{ 单位名字 }}" in err.value.message  # the paragraph where it is
    assert not (tmp_path / "o.docx").exists()


def test_misspelt_attribute_in_a_loop(tmp_path):
    tpl = make_template(
        tmp_path / "t.docx", "{%p for 方面 in 方面列表 %}", "{{ 方面.题目 }}", "{%p endfor %}"
    )
    with pytest.raises(TemplateError, match="“题目”没有定义"):
        render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp_path / "o.docx")


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ 单位名称.__class__.__base__.__subclasses__() }}",
        "{{ 方面列表.__class__ }}",
    ],
)
def test_sandbox_refuses_python_internals(tmp_path, tag):
    tpl = make_template(tmp_path / "t.docx", tag)
    with pytest.raises(TemplateError, match="安全沙箱拒绝"):
        render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp_path / "o.docx")


def test_syntax_error_names_template_and_paragraph(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "第一段", "{% for 方面 in %}", "{% endfor %}")
    with pytest.raises(TemplateError) as err:
        render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp_path / "o.docx")
    msg = err.value.message
    assert "t.docx" in msg and "语法错误" in msg and "第 2 段" in msg


@pytest.mark.parametrize(
    "source, chinese",
    [
        ("{% if a %}x", "缺少对应的 {% endif %}"),
        ("{% for a in b %}x", "缺少对应的 {% endfor %}"),
        ("x{% endif %}", "无法识别的标签 {% endif %}"),
        ("{{ 单位 名称 }}", "变量名中不能有空格"),
        ("{{ a | }}", "表达式不完整"),
        ("{{ a + }}", "表达式不完整"),
    ],
)
def test_syntax_errors_are_explained_in_chinese(source, chinese):
    import jinja2

    from ledger_tools.documents.render import syntax_message

    with pytest.raises(jinja2.TemplateSyntaxError) as exc:
        jinja2.Environment().parse(source)
    message = syntax_message(exc.value.message)
    assert chinese in message and "Jinja" not in message and "expected" not in message


def test_not_a_docx(tmp_path):
    bad = tmp_path / "t.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match="不是有效的 Word 文档"):
        render_docx(bad, {}, tmp_path / "o.docx")
    with pytest.raises(TemplateError, match="找不到模板"):
        render_docx(tmp_path / "missing.docx", {}, tmp_path / "o.docx")


def test_undefined_name_parsing():
    assert undefined_name("'单位名字' is undefined") == "单位名字"
    assert undefined_name("'dict object' has no attribute '题目'") == "题目"


def test_special_characters_escaped_and_control_characters_stripped(tmp_path):
    nasty = "A&B <c> \"q\" 'r' \x01\x0b\x1f\ufffe 完 {{ 单位名称 }}"
    ledger = build(
        [("方面&<>", '问题\x02"', [measure(整改措施=nasty, 整改进展及成效=nasty)], "已完成")]
    )
    tpl = make_template(
        tmp_path / "t.docx", "{%p for a in 方面列表 %}", "{%p for p in a.问题列表 %}",
        "{{ a.标题 }}|{{ p.问题 }}|{{ p.措施段落 }}", "{%p endfor %}", "{%p endfor %}",
    )  # fmt: skip
    out = render_docx(tpl, build_context(ledger, "report", as_of=AS_OF), tmp_path / "o.docx")
    text = doc_text(out)  # opens: the XML is well-formed
    assert '方面&<>|问题"|A&B <c> "q" \'r\'  完 {{ 单位名称 }}' in text  # data is never evaluated


def test_output_onto_template_or_input_refused(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{{ 标题 }}")
    ctx = build_context(sample(), "report", as_of=AS_OF)
    with pytest.raises(OutputError):
        render_docx(tpl, ctx, tpl)
    ledger_file = tmp_path / "台账.xlsx"
    ledger_file.write_bytes(b"x")
    with pytest.raises(OutputError):
        render_docx(tpl, ctx, ledger_file, ledger_file)
    assert ledger_file.read_bytes() == b"x"


# ---------------------------------------------------------------------------------------------
# render(): refusal, force, default output


def test_render_refuses_ledger_with_errors(tmp_path):
    ledger = sample()
    ledger.measures[0].values["责任领导"] = None
    ledger.origin.path = str(tmp_path / "台账.xlsx")
    with pytest.raises(LedgerHasErrors) as err:
        render(ledger, "report", as_of=AS_OF)
    assert err.value.exit_code == 1 and "责任领导" in err.value.message
    assert "--force" in err.value.message
    assert not (tmp_path / "整改情况报告.docx").exists()


def test_render_refuses_missing_needed_info(tmp_path):
    ledger = build(sample_spec_small(), info={k: v for k, v in INFO.items() if k != "联系电话"})
    ledger.info_cells = {"联系电话": "基本信息!B16"}
    with pytest.raises(LedgerHasErrors) as err:
        render(ledger, "notice", tmp_path / "n.docx", as_of=AS_OF)
    assert "联系电话" in err.value.message and "基本信息!B16" in err.value.message
    # the report does not need it
    out = render(ledger, "report", tmp_path / "r.docx", as_of=AS_OF)
    assert out.exists()


def sample_spec_small() -> list[tuple[str, str, list[Measure], str | None]]:
    return [("甲方面", "问题甲", [measure()], "已完成")]


def test_force_renders_with_visible_markers(tmp_path):
    ledger = sample()
    bad = ledger.problems[3]
    bad.status = None
    bad.measures[0].status = None
    bad.measures[0].values["整改状态"] = "差不多"
    out = render(ledger, "report", tmp_path / "r.docx", as_of=AS_OF, force=True)
    text = doc_text(out)
    assert "【整改状态未填或无法识别】" in text


# ---------------------------------------------------------------------------------------------
# The built-in templates (helper-3's doc_templates/)


def _have_builtin() -> bool:
    return len(builtin_templates(".docx")) >= 3


needs_builtin = pytest.mark.skipif(not _have_builtin(), reason="doc_templates/ not built yet")


@needs_builtin
def test_builtin_report(tmp_path):
    out = render(sample(), "report", tmp_path / "报告.docx", as_of=AS_OF)
    text = doc_text(out)
    assert "中共某区测试局党组关于区委第一巡察组反馈意见整改情况的报告" in text.replace("\n", "")
    assert "根据区委统一部署" in text and "2024年1月8日" in text and "2024年3月4日" in text
    assert (
        "对照区委第一巡察组反馈的2个方面4项问题，细化整改措施6条。截至2024年5月10日，"
        "已整改到位2项（其中1项需长期坚持），基本完成1项，正在推进1项，办结率50%。"
        "共清退资金1.23万元，约谈问责3人次，建立完善制度2项。"
    ) in text
    assert "（一）在落实党的理论路线方针政策方面" in text and "（二）在全面从严治党方面" in text
    for n, title in enumerate(
        ["政治理论学习重视不够", "意识形态工作有短板", "财务管理不规范", "公务用车管理松散"], 1
    ):
        assert f"问题{n}：{title}" in text
    assert "一是制定年度学习计划。2024年3月印发学习计划。二是开展专题学习。" in text
    for sentence in ("目前已整改到位。", "目前已整改到位并长期坚持。", "目前已基本完成，",
                     "目前正在推进，计划于2024年6月底前完成。"):  # fmt: skip
        assert sentence in text
    assert "（一）提高思想认识。召开专题会议研究部署。" in text
    assert "中共某区测试局党组\n2024年5月12日" in text
    assert not re.search(r"\{\{|\{%|\}\}|%\}", xml_of(out))


@needs_builtin
def test_builtin_plan(tmp_path):
    out = render(sample(), "plan", tmp_path / "方案.docx", as_of=AS_OF)
    text = doc_text(out)
    assert "中共某区测试局党组关于落实区委第一巡察组反馈意见的整改方案" in text.replace("\n", "")
    assert "（一）落实党的理论路线方针政策方面" in text
    assert "1.政治理论学习重视不够" in text.replace(" ", "") or "1. 政治理论学习重视不够" in text
    assert "（1）制定年度学习计划" in text
    assert "（责任领导：王某；责任部门：办公室；完成时限：2024年4月底前）" in text
    assert "张某" in text and "刘某" in text  # 领导小组
    assert "坚持问题导向，逐项抓好整改落实。" in text
    assert "修订财务制度" in text and "2024年6月底前" in text  # the task table
    assert not re.search(r"\{\{|\{%|\}\}|%\}", xml_of(out))


@needs_builtin
def test_builtin_notice(tmp_path):
    out = render(sample(), "notice", tmp_path / "通报.docx", as_of=AS_OF)
    text = doc_text(out)
    assert "中共某区测试局党组关于巡察整改落实进展情况的通报" in text.replace("\n", "")
    assert "欢迎广大干部群众对整改落实情况进行监督" in text
    assert "010-12345678" in text and "某区某路1号" in text and "100000" in text
    assert "test@example.cn" in text
    assert "办结率50%" in text
    assert not re.search(r"\{\{|\{%|\}\}|%\}", xml_of(out))


@needs_builtin
def test_builtin_templates_pass_check():
    for path in builtin_templates(".docx"):
        issues = [i for i in check_template(path) if i.severity == "error"]
        assert issues == [], (path.name, [str(i) for i in issues])


@needs_builtin
def test_export_templates(tmp_path):
    written = export_templates(tmp_path / "模板")
    assert sorted(p.name for p in written) == sorted(p.name for p in builtin_templates(".docx"))
    assert all(p.read_bytes() == template_path(p.name).read_bytes() for p in written)
    with pytest.raises(OutputError, match="已有"):
        export_templates(tmp_path / "模板")
    assert len(export_templates(tmp_path / "模板", overwrite=True)) == len(written)


# ---------------------------------------------------------------------------------------------
# templates check


def test_check_clean_template(tmp_path):
    tpl = make_template(
        tmp_path / "t.docx", "{{ 标题 }}", "{%p for 方面 in 方面列表 %}", "{{ 方面.标题 }}{{ loop.index|cn_num }}",
        "{%p endfor %}", "{{ 统计.办结率 }}{% if 邮政编码 %}{{ 邮政编码 }}{% endif %}",
    )  # fmt: skip
    assert check_template(tpl) == []


def test_check_reports_undefined_names_with_paragraph(tmp_path):
    tpl = make_template(
        tmp_path / "t.docx", "单位：{{ 单位名字 }}", "{%p for 方面 in 方面列表 %}", "小标题 {{ 方面.题目 }}",
        "{%p endfor %}", "{{ 标题|cn_upper }}",
    )  # fmt: skip
    issues = check_template(tpl)
    messages = [(i.message, i.paragraph) for i in issues]
    assert any("“单位名字”" in m and p == "单位：{{ 单位名字 }}" for m, p in messages)
    assert any("“题目”" in m and p == "小标题 {{ 方面.题目 }}" for m, p in messages)
    assert any("过滤器“cn_upper”不存在" in m for m, _ in messages)


def test_check_reports_split_tags_and_fullwidth_braces(tmp_path):
    tpl = make_template(
        tmp_path / "t.docx",
        ["单位：{{ 单位", "名称 }}"],  # split over two runs of the same format: harmless
        "落款：｛｛ 党组织名称 ｝｝",
        "{{ 标题",  # the rest of the tag went to another paragraph
        "}}",
    )
    d = docx.Document(tpl)
    para = d.add_paragraph()
    para.add_run("日期：{{ 成文")
    para.add_run("日期 }}").bold = True  # part of the tag bold: the output takes the first part's
    d.save(tpl)
    issues = check_template(tpl)
    split = [i for i in issues if "拆成了 2 段格式不同" in i.message]
    assert len(split) == 1 and split[0].paragraph == "日期：{{ 成文日期 }}"
    assert split[0].severity == "warning"
    notes = [i for i in issues if i.severity == "note"]
    assert len(notes) == 1 and "有 1 个标签" in notes[0].message
    assert any("全角大括号" in i.message and "党组织名称" in i.paragraph for i in issues)
    assert any("不成对" in i.message and i.paragraph == "{{ 标题" for i in issues)
    assert str(split[0]).startswith("[提示]") and str(notes[0]).startswith("[说明]")


@needs_builtin
def test_check_after_libreoffice_resave(tmp_path):
    """Saved again by an office suite, the runs of every tag are split by script (Latin/CJK
    fonts): harmless, so summarised in one note rather than reported tag by tag."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed")
    src = tmp_path / "in.docx"
    shutil.copyfile(template_path("整改情况报告.docx"), src)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"), str(src)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    resaved = tmp_path / "out" / "in.docx"
    assert resaved.exists()
    issues = check_template(resaved)
    assert [i.severity for i in issues] in ([], ["note"])
    out = render(sample(), "report", tmp_path / "r.docx", template=resaved, as_of=AS_OF)
    assert "问题1：政治理论学习重视不够" in doc_text(out)


def test_check_reports_syntax_error(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{% for 方面 in 方面列表 %}", "没有 endfor")
    issues = check_template(tpl)
    assert any("语法错误" in i.message for i in issues)


# ---------------------------------------------------------------------------------------------
# PDF


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_conversion(tmp_path):
    tpl = make_template(tmp_path / "t.docx", "{{ 标题 }}", "{{ 统计.统计句 }}")
    out = render_docx(tpl, build_context(sample(), "report", as_of=AS_OF), tmp_path / "报告.docx")
    pdf = convert_to_pdf(out)
    assert pdf == tmp_path / "报告.pdf" and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
        assert "整改情况的报告" in text.decode("utf-8").replace("\n", "")


def test_pdf_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: no soffice to be found
    monkeypatch.delenv("ProgramFiles", raising=False)
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    target = tmp_path / "x.docx"
    make_template(target, "x")
    with pytest.raises(OutputError, match="LibreOffice") as err:
        convert_to_pdf(target)
    assert "WPS" in err.value.message


# ---------------------------------------------------------------------------------------------
# The command line, end to end on the example ledger

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "示例台账.xlsx"
needs_example = pytest.mark.skipif(
    not (EXAMPLE.exists() and _have_builtin()), reason="example ledger or templates not built"
)
DOCS = {"plan": "整改方案.docx", "report": "整改情况报告.docx", "notice": "整改进展情况通报.docx"}


def run_cli(*args: str) -> Any:
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def example_copy(tmp_path):
    target = tmp_path / "示例台账.xlsx"
    shutil.copyfile(EXAMPLE, target)
    return target


@needs_example
def test_cli_documents_from_example(example_copy):
    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.stats import compute_stats

    before = example_copy.read_bytes()
    for args in (["plan"], ["report"], ["report", "--kind", "notice"]):
        result = run_cli(*args, example_copy, "--as-of", "2024-05-10")
        assert result.exit_code == 0, result.output
    ledger = load_ledger(example_copy)
    stats = compute_stats(ledger, AS_OF)
    titles = [p.title for p in ledger.problems]
    for kind, name in DOCS.items():
        out = example_copy.parent / name
        text = doc_text(out)
        assert not re.search(r"\{\{|\{%|\}\}|%\}", xml_of(out))
        assert "中共某区住房和城乡建设局党组" in text.splitlines()[0]
        if kind == "plan":
            positions = [text.index(f"{n}.{t}") for n, t in enumerate(titles, 1)]
        elif kind == "notice":  # the public notice: "1.问题。" run into its paragraph
            assert stats["统计句"] in text
            positions = [text.index(f"{n}.{t}。") for n, t in enumerate(titles, 1)]
        else:
            assert stats["统计句"] in text
            positions = [text.index(f"问题{n}：{t}") for n, t in enumerate(titles, 1)]
        assert positions == sorted(positions)  # every problem, in ledger order
        for i, aspect in enumerate(ledger.aspects, 1):
            assert f"（{'一二三四五六'[i - 1]}）" in text and aspect.title in text
    assert example_copy.read_bytes() == before


@needs_example
def test_cli_context_json(example_copy):
    result = run_cli("context", example_copy, "--kind", "plan", "--as-of", "2024-05-10")
    assert result.exit_code == 0, result.output
    ctx = json.loads(result.output)
    assert ctx["文稿"] == "方案" and ctx["截至日期"] == "2024年5月10日"
    assert ctx["方面列表"][0]["问题列表"][0]["措施列表"][0]["序号"] == 1
    assert ctx["统计"]["问题数"] == len([p for a in ctx["方面列表"] for p in a["问题列表"]])


@needs_example
def test_cli_marks_and_names_sections_the_ledger_leaves_empty(example_copy):
    import openpyxl

    wb = openpyxl.load_workbook(example_copy)
    del wb["文稿段落"]  # a self-made ledger often has no 文稿段落 sheet
    wb.save(example_copy)
    result = run_cli("plan", example_copy, "--as-of", "2024-05-10")
    assert result.exit_code == 0, result.output
    assert "没有填写指导思想、整改目标、工作要求" in result.output
    assert "从 ledger-tools new 生成的标准台账中复制" in result.output
    text = doc_text(example_copy.parent / DOCS["plan"])
    after = text[text.index("一、指导思想") :]
    assert after.splitlines()[1].startswith("【本节未填写")  # not the next heading
    result = run_cli("report", example_copy, "--as-of", "2024-05-10")
    assert "没有填写工作开展情况、下一步打算" in result.output


def _break_status(path: Path) -> str:
    """Write an unknown 整改状态 into the first measure row; return its cell."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["整改台账"]
    for row in ws.iter_rows(max_row=15):
        for cell in row:
            if cell.value == "整改状态":
                target = ws.cell(row=cell.row + 1, column=cell.column)
                target.value = "差不多吧"
                wb.save(path)
                return target.coordinate
    raise AssertionError("no 整改状态 header")


@needs_example
def test_cli_refuses_errors_unless_forced(example_copy):
    cell = _break_status(example_copy)
    result = run_cli("report", example_copy, "--as-of", "2024-05-10")
    assert result.exit_code == 1
    assert f"整改台账!{cell}" in result.output and "差不多吧" in result.output
    assert not (example_copy.parent / DOCS["report"]).exists()
    result = run_cli("report", example_copy, "--as-of", "2024-05-10", "--force")
    assert result.exit_code == 0, result.output
    text = doc_text(example_copy.parent / DOCS["report"])
    assert "【状态无法识别：差不多吧】" in text or "【整改状态未填或无法识别】" in text


@needs_example
def test_cli_bad_template_exit_2(example_copy, tmp_path):
    tpl = make_template(tmp_path / "坏模板.docx", "{{ 单位名字 }}")
    result = run_cli("report", example_copy, "--template", tpl, "--as-of", "2024-05-10")
    assert result.exit_code == 2
    assert "单位名字" in result.output and "坏模板.docx" in result.output
    assert "Traceback" not in result.output


@needs_example
def test_cli_templates_export_and_check(tmp_path):
    result = run_cli("templates", "export", tmp_path / "模板")
    assert result.exit_code == 0, result.output
    for name in DOCS.values():
        checked = run_cli("templates", "check", tmp_path / "模板" / name)
        assert checked.exit_code == 0, checked.output
    assert run_cli("templates", "export", tmp_path / "模板").exit_code == 2  # no silent overwrite
    bad = make_template(tmp_path / "坏.docx", "{{ 问题表象 }}")
    result = run_cli("templates", "check", bad)
    assert result.exit_code == 2 and "问题表象" in result.output


@needs_example
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_cli_pdf_of_every_document(example_copy):
    from ledger_tools.ledger.normalise import load_ledger
    from ledger_tools.ledger.stats import compute_stats

    sentence = compute_stats(load_ledger(example_copy), AS_OF)["统计句"]
    for args in (["plan"], ["report"], ["report", "--kind", "notice"]):
        result = run_cli(*args, example_copy, "--as-of", "2024-05-10", "--pdf")
        assert result.exit_code == 0, result.output
    for kind, name in DOCS.items():
        pdf = (example_copy.parent / name).with_suffix(".pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
        if not shutil.which("pdftotext"):
            continue
        raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
        flat = re.sub(r"\s+", "", raw.decode("utf-8"))
        assert "中共某区住房和城乡建设局党组关于" in flat
        if kind != "plan":
            assert sentence in flat
        pages = raw.count(b"\f")
        assert 2 <= pages <= 30, pages


# ---------------------------------------------------------------------------------------------
# Property: any cell text renders into a document that opens.


_NASTY = st.text(
    alphabet=st.one_of(
        st.sampled_from("&<>\"'{}%#。；，、\n\r\t\x00\x01\x0b\x0c\x1f\ufffe\uffff😀中文"),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


@needs_builtin
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cells=st.lists(_NASTY, min_size=6, max_size=6),
    kind=st.sampled_from(["plan", "report", "notice"]),
)
def test_any_cell_text_renders_a_document_that_opens(tmp_path, cells, kind):
    aspect, title, action, progress, leader, unit = cells
    ledger = build(
        [
            (
                aspect or "方面",
                title or "问题",
                [measure(整改措施=action, 整改进展及成效=progress, 责任领导=leader)],
                "已完成",
            ),
            (
                "另一方面",
                "问题二",
                [measure("正在推进", day("2024-06-30"), 责任部门=unit)],
                "正在推进",
            ),
        ],
        info=dict(INFO, 单位名称=unit or "某局", 联系电话=leader or "1"),
    )
    out = render(ledger, kind, tmp_path / f"{kind}.docx", as_of=AS_OF, force=True, overwrite=True)
    text = doc_text(out)  # python-docx parses every part: the XML is well-formed
    assert "办结率50%" in text or kind == "plan"


@needs_builtin
def test_very_long_cell_renders(tmp_path):
    long = ("整改措施内容" * 6000)[:32767]
    ledger = build([("方面", "问题", [measure(整改措施=long, 整改进展及成效=long)], "已完成")])
    out = render(ledger, "report", tmp_path / "r.docx", as_of=AS_OF, force=True)
    assert long in doc_text(out)


@needs_example
def test_a_document_dated_before_its_figures_gets_a_note(example_copy, tmp_path):
    """基本信息 dates the report 2024-05-10: figures as of a later day would be reported in a
    document signed before them, which the user is told; as of that day or earlier, nothing."""
    later = run_cli("report", example_copy, "-o", tmp_path / "a.docx", "--as-of", "2024-06-30")
    assert later.exit_code == 0, later.output
    assert "基本信息的“报告成文日期”是2024年5月10日" in later.output
    assert "截至2024年6月30日" in later.output
    same = run_cli("report", example_copy, "-o", tmp_path / "b.docx", "--as-of", "2024-05-10")
    assert same.exit_code == 0 and "报告成文日期" not in same.output
    plan = run_cli("plan", example_copy, "-o", tmp_path / "c.docx", "--as-of", "2024-06-30")
    assert plan.exit_code == 0 and "成文日期" not in plan.output  # a plan states no figures
