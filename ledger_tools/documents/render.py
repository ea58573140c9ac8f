"""Rendering the documents: docxtpl in a sandboxed Jinja2 environment, PDF through LibreOffice.

``render(ledger, "report", out)`` refuses a ledger with errors (unless ``force``), builds the
context (``context.build_context``), renders the built-in or the user's template and writes
the .docx atomically (``output.atomic_output``), then optionally a PDF.

The Jinja environment is sandboxed (a template cannot reach Python internals), autoescaped (a
cell holding ``&`` or ``<`` cannot corrupt the XML) and strict (a misspelt variable is an error
naming it, not a silent blank). Every Jinja failure becomes a ``TemplateError`` in Chinese that
names the template and the paragraph where it happened. ``check_template`` finds the same
problems without a ledger, plus tags that Word split across runs.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ledger_tools.documents.context import DOC_NAMES, FILTERS, KINDS, build_context
from ledger_tools.documents.sandbox import OTHER_FILES_REFUSED
from ledger_tools.documents.trusted import unread_parts
from ledger_tools.errors import (
    LedgerHasErrors,
    LedgerToolsError,
    OutputError,
    TemplateError,
    describe_os_error,
)
from ledger_tools.ledger.cells import strip_forbidden
from ledger_tools.ledger.model import Ledger
from ledger_tools.output import all_or_none, atomic_output, check_output_path, one_line

PDF_TIMEOUT = 300  # seconds; LibreOffice's first start (new profile) takes a while …
PDF_SECONDS_PER_MB = 300  # … plus this per MB of .docx (see pdf_time_limit)
MAX_LISTED_ERRORS = 20


def make_env(undefined: Any = None) -> Any:
    """The Jinja2 environment every template is rendered in: sandboxed with limits
    (``sandbox``), autoescaped, StrictUndefined (unless ``undefined`` is given), with the
    Chinese filters. Renders are bounded when run inside ``sandbox.limited``."""
    from ledger_tools.documents.sandbox import make_sandbox

    env = make_sandbox(_finalize, FILTERS)
    if undefined is not None:
        env.undefined = undefined
    return env


# Bidirectional controls: U+202E in a cell would show the rest of the line reversed in Word
# (and can disguise text); a 公文 never needs them.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What clean_text removes, in one pattern: a printed value without any of it (nearly every
# one) is returned after a single search. Checked against clean_text by
# tests/test_doc_fastpaths.py.
_UNCLEAN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clean_text(text: str) -> str:
    """Generated text without XML-forbidden characters and bidi controls."""
    return _BIDI.sub("", strip_forbidden(text))


def _finalize(value: Any) -> Any:
    """Applied to every printed value: characters XML forbids and bidi controls never reach
    the document; a line break or tab inside a value becomes Word's (once per value).
    Called for every value a template prints (400,000 times in a 40,000-measure plan)."""
    if type(value) is not str:
        if not isinstance(value, str):
            return value
        cleaned = clean_text(value) if _UNCLEAN.search(value) else value
        if hasattr(value, "__html__"):
            # template-made markup (|safe, macros) stays marked as safe, not escaped twice
            return Markup(cleaned)
    elif value.isprintable():  # nearly every value: nothing to remove, no line break or tab
        return value
    else:
        cleaned = clean_text(value) if _UNCLEAN.search(value) else value
    if "\n" in cleaned or "\t" in cleaned:
        from ledger_tools.documents.docxrender import listing

        return Markup(listing(str(escape(cleaned))))
    return cleaned


def default_output(ledger: Ledger, kind: str) -> Path:
    """The input's folder / 整改方案.docx (整改情况报告.docx, 整改进展情况通报.docx)."""
    folder = Path(ledger.origin.path).parent if ledger.origin.path else Path.cwd()
    return folder / f"{DOC_NAMES[kind]}.docx"


def builtin_template(kind: str) -> Path:
    from ledger_tools.resources import template_path

    return template_path(f"{DOC_NAMES[kind]}.docx")


def render(
    ledger: Ledger,
    kind: str,
    out: str | os.PathLike[str] | None = None,
    template: str | os.PathLike[str] | None = None,
    as_of: dt.date | None = None,
    force: bool = False,
    pdf: bool = False,
    today: dt.date | None = None,
    overwrite: bool = False,
    pdf_timeout: float | None = None,
    since: Ledger | None = None,
) -> Path:
    """Write document ``kind`` (plan | report | notice) from ``ledger`` and return its path.

    ``as_of`` is the 截至 date of the statistics (default: ``today``); ``today`` is the
    default 成文日期 (default: the real today). The ledger is validated as of ``today`` if
    given, else ``as_of`` (a report "截至" a day cannot count work finished after it), else
    the real today. A ledger with errors,
    or missing a 基本信息 field the document needs, is refused (``LedgerHasErrors``, exit 1)
    unless ``force``: then unknown values are printed as visible markers (【状态未填】 …).
    With ``pdf`` a PDF is written next to the .docx (LibreOffice stopped after
    ``pdf_timeout`` seconds; default ``pdf_time_limit``). An existing output is refused
    unless ``overwrite``. ``since`` (the previous version of the
    ledger) adds the comparison with it (与上期, 与上期说明; ``upward.diff``).
    """
    if kind not in KINDS:
        raise LedgerToolsError(f"未知的文稿类型“{kind}”，可选：{'、'.join(KINDS)}。")
    check_day = today or as_of or dt.date.today()
    today = today or dt.date.today()
    if not force:
        ensure_renderable(ledger, kind, check_day)
    template_file = Path(template) if template else builtin_template(kind)
    out_path = Path(out) if out else default_output(ledger, kind)
    inputs = (template_file, ledger.origin.path)
    check_output_path(out_path, *inputs, overwrite=overwrite, suffix=".docx")
    if pdf:  # refused before anything is written, not after the .docx
        check_output_path(out_path.with_suffix(".pdf"), *inputs, overwrite=overwrite)
    comparison = None
    if since is not None:
        from ledger_tools.upward.diff import compare

        comparison = compare(since, ledger, today=as_of or today)
    # (a user's template may read any part; a built-in one is known by its bytes)
    skip = unread_parts(template_file.read_bytes()) if template is None else frozenset()
    context = build_context(
        ledger, kind, as_of=as_of or today, today=today, comparison=comparison, skip=skip
    )
    render_docx(
        template_file,
        context,
        out_path,
        ledger.origin.path,
        overwrite=overwrite,
        builtin=template is None,
    )
    if pdf:
        convert_to_pdf(out_path, timeout=pdf_timeout, overwrite=overwrite)
    return out_path


def ensure_renderable(ledger: Ledger, kind: str, today: dt.date) -> None:
    """Raise ``LedgerHasErrors`` listing the ledger's errors and the missing 基本信息 fields."""
    from ledger_tools.documents.context import sample_text_findings
    from ledger_tools.ledger.findings import Report
    from ledger_tools.ledger.schema import check_info_fields, validate

    needed = check_info_fields(ledger, kind) + sample_text_findings(ledger, kind)
    found = validate(ledger, today=today).errors
    errors = needed + found
    if not errors:
        return
    lines = [_refusal(len(found), len(needed), DOC_NAMES[kind])]
    for f in errors[:MAX_LISTED_ERRORS]:
        lines.append(f"  {f.cell or f.sheet}：{f.message}")
    if len(errors) > MAX_LISTED_ERRORS:
        lines.append(f"  ……另有 {len(errors) - MAX_LISTED_ERRORS} 处错误未列出。")
    report = Report(path=ledger.origin.path, findings=errors, today=today.isoformat())
    raise LedgerHasErrors("\n".join(lines), report)


def _refusal(found: int, needed: int, document: str) -> str:
    """The first line of a refused document: the ledger's errors (``check`` lists them) and
    what only this document needs (基本信息 fields, 文稿段落 still the example; ``check``
    cannot know which document will be made, so it says nothing of them). A clerk told
    “台账有 4 处错误……ledger-tools check 可查看全部” by a check that had said 没有错误 did not
    know where to look."""
    if not needed:
        return (
            f"台账有 {found} 处错误，未生成{document}。请先改正（ledger-tools check 可查看全部），"
            "或加 --force 强制生成（无法识别的内容会在文稿中用【】标出）："
        )
    force = "或加 --force 强制生成（无法识别或缺少的内容会在文稿中用【】标出）："
    what = f"生成{document}要用的基本信息或文稿段落还有 {needed} 项没有填好"
    if not found:
        return (
            f"{what}，未生成{document}（这些是这份文稿才要用的内容，ledger-tools check 不把它们算作错误）。"
            f"请按下面所列补填，{force}"
        )
    return (
        f"台账有 {found} 处错误，{what}，未生成{document}。请先改正、补填（台账的错误用 "
        f"ledger-tools check 可查看全部），{force}"
    )


# ---------------------------------------------------------------------------------------------
# docxtpl


def _open_template(path: Path) -> Any:
    return _load_template(path)[0]


MAX_TEMPLATE_BYTES = 100 << 20  # a template file (each part inflated is checked apart)


def _load_template(path: Path) -> tuple[Any, bytes]:
    """The ``DocxTemplate`` of ``path`` and the bytes it was read from (read once: what
    ``trusted.is_builtin`` looks at is what is rendered)."""
    import io

    from docxtpl import DocxTemplate

    if not path.is_file():
        raise TemplateError(f"找不到模板文件：{path}。请检查路径，或去掉 --template 使用内置模板。")
    if path.suffix.lower() != ".docx":
        raise TemplateError(
            f"模板 {path.name} 不是 .docx 文件。请在 Word/WPS 中“另存为”Word 文档（.docx）后再用。"
        )
    from lxml.etree import XMLSyntaxError

    from ledger_tools.documents.sandbox import check_template_package
    from ledger_tools.files import read_at_most

    try:
        data, size = read_at_most(path, MAX_TEMPLATE_BYTES)  # (a huge file is not read whole)
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(
                f"模板 {path.name} 有 {size / 2**20:,.0f} MB，超过模板文件的上限 "
                f"{MAX_TEMPLATE_BYTES // 2**20} MB（Word 模板一般只有几十 KB 到几 MB，图片多的也不过十几 MB），"
                "未使用。请确认选对了文件，或去掉 --template 使用内置模板。"
            )
        check_template_package(path, data)  # sizes, before every part is inflated
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, XMLSyntaxError) as exc:
        raise TemplateError(f"模板 {path.name} {_why_not_a_template(path, exc)}") from exc
    if tpl.docx.element.body is None:  # <w:document/>: Word always writes a body
        raise TemplateError(
            f"模板 {path.name} 没有正文部分（document.xml 中没有 <w:body>），可能已损坏或不是 Word 保存的"
            "文件。请在 Word/WPS 中打开确认内容，另存为 .docx 后重试。"
        )
    return tpl, data


def _why_not_a_template(path: Path, exc: Exception) -> str:
    """Why ``path`` did not open as a Word document, in Chinese (no library text)."""
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return f"无法读取：{describe_os_error(exc)}"
    if "macroEnabled" in str(exc):
        return (
            "是启用宏的 Word 文档（.docm）。为安全起见不使用带宏的模板："
            "请在 Word/WPS 中“另存为”Word 文档（.docx，不含宏）后再用。"
        )
    try:
        with path.open("rb") as fh:
            encrypted = fh.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE: encrypted or .doc
    except OSError:
        encrypted = False
    if encrypted:
        return (
            "设有打开密码，或是旧的 .doc 格式。请在 Word/WPS 中取消密码，"
            "并“另存为”Word 文档（.docx）后再用。"
        )
    return (
        "无法打开，不是有效的 Word 文档（可能已损坏）。请在 Word/WPS 中打开并另存为 .docx 后重试。"
    )


def render_docx(
    template: str | os.PathLike[str],
    context: dict[str, Any],
    out: str | os.PathLike[str],
    *inputs: str | os.PathLike[str],
    overwrite: bool = False,
    builtin: bool = False,
    budget: Any = None,
    flag: str = "--overwrite",
) -> Path:
    """Render ``template`` with ``context`` and write ``out`` atomically (never onto
    ``inputs`` or the template; not over an existing file unless ``overwrite``). Jinja
    failures and exceeded limits become ``TemplateError``. ``builtin``: the template is
    one of ours, whose output need not be checked for well-formedness (see
    ``docxrender.render_template``); the sandbox and limits apply all the same.
    ``budget`` (a ``sandbox.Budget``) replaces the default one, sized by the context.

    A template whose bytes are those of a shipped built-in template (``trusted.is_builtin``,
    by content, whatever its path or ``builtin``) renders outside the sandbox, unless a
    ``budget`` is given: the same document, without the sandbox's checks."""
    import contextlib

    from ledger_tools.documents.docxrender import render_properties, render_template
    from ledger_tools.documents.sandbox import Budget, limited
    from ledger_tools.documents.trusted import is_builtin, make_trusted_env

    template = Path(template)
    out_path = Path(out)
    check_output_path(out_path, template, *inputs, overwrite=overwrite, suffix=".docx", flag=flag)
    tpl, data = _load_template(template)
    trusted = budget is None and is_builtin(data)
    if not trusted and (plain := plain_document(tpl, template)):
        raise TemplateError(plain)
    env = make_trusted_env(_finalize, FILTERS) if trusted else make_env()
    with atomic_output(out_path, template, *inputs, overwrite=overwrite, flag=flag) as tmp:
        try:
            with (
                contextlib.nullcontext()
                if trusted
                else limited(env, budget or Budget.for_context(context))
            ):
                # the template's own properties first, then the document's title: text from
                # the ledger is never rendered as a template
                render_properties(tpl, env, context)
                _document_properties(tpl, context)
                render_template(
                    tpl,
                    env,
                    context,
                    None if trusted else env.budget,
                    tmp,
                    verify=not (builtin or trusted),
                )
        except Exception as exc:  # noqa: BLE001 - translated, or re-raised as it was
            translated = _render_error(exc, template)
            if translated is exc:
                raise
            raise translated from exc
    return out_path


def _render_error(exc: Exception, template: Path) -> Exception:
    """A failure inside the render as a ``TemplateError`` naming the template and paragraph;
    anything else unchanged."""
    import jinja2

    from ledger_tools.documents.docxrender import PartTooLarge, TooManyTags
    from ledger_tools.documents.sandbox import LiveField, RenderLimit

    if isinstance(exc, (TooManyTags, PartTooLarge)):
        return TemplateError(
            f"{too_large(template, exc)}请删去模板中多余的内容，或去掉 --template 使用内置模板；"
            "ledger-tools templates check 可检查模板。"
        )
    part = getattr(exc, "part", None)
    where = _where(part, exc) if part is not None else ""
    if isinstance(exc, RenderLimit):
        return TemplateError(
            f"模板 {template.name} 超出了渲染限制{where}：{exc}。"
            "请检查模板中的循环、宏和重复操作；ledger-tools templates check 可检查模板。"
        )
    if isinstance(exc, jinja2.TemplateError):
        return _template_error(exc, part, template)
    if isinstance(exc, LiveField):
        return TemplateError(
            f"模板 {template.name} 生成的内容中有域代码“{one_line(html.unescape(str(exc)))}”：Word 更新这种域时会读取"
            "本机文件、联网或运行程序。它不是模板中原样写着的域（那样的域生成时会被清空），而是由模板中的"
            "表达式拼出来的，或写法特殊，已停止生成。请只使用来源可信的模板，或去掉 --template 使用内置模板。"
        )
    if isinstance(exc, SyntaxError):
        # Python's compiler, not Jinja's parser: blocks nested deeper than it takes (20 nested
        # for, 100 nested if). Its line is a line of the compiled code, not a paragraph.
        label = f"{shown}" if (shown := getattr(part, "label", None)) else ""
        return TemplateError(
            f"模板 {template.name} {label}中的 {{% for %}}、{{% if %}} 等标签嵌套层数过多"
            "（for 最多约 20 层，if 约 100 层，正常的模板只有几层），无法生成。"
            "请检查模板中的这些标签是否都有对应的 endfor/endif，删除多余的嵌套；"
            "ledger-tools templates check 可检查模板。"
        )
    if part is not None and isinstance(
        exc, (TypeError, ValueError, ArithmeticError, LookupError, AttributeError)
    ):  # {{ 1 + "a" }}, {{ x / 0 }}, {{ "%d" % "a" }}: the template's expression, not our code
        return TemplateError(
            f"模板 {template.name} 中的表达式无法计算{where}（如数字与文字相加、除以零、格式不符）。"
            "请修改该标签；ledger-tools templates check 可检查模板。"
        )
    if type(exc).__name__ == "XMLSyntaxError":  # lxml could not even recover the XML
        return TemplateError(
            f"模板 {template.name} 渲染后的文档结构无效。"
            "通常是 {%tr %}、{%p %} 等标签放错了位置，或标签跨越了表格单元格。"
        )
    return exc


def too_large(template: Path, exc: Any) -> str:
    """The first sentences of the refusal of a template with too many tags (``TooManyTags``)
    or too long a part to render (``PartTooLarge``)."""
    from ledger_tools.documents.docxrender import MAX_PART_CHARS, MAX_TEMPLATE_TAGS, TooManyTags

    if isinstance(exc, TooManyTags):
        what = (
            f"中有 {exc.count:,} 个 {{{{ }}}}、{{% %}} 等标签（大多在{exc.label}中），"
            f"超过本工具的上限 {MAX_TEMPLATE_TAGS:,} 个（内置模板最多二三百个"
        )
    else:
        what = (
            f"的{exc.label}有 {exc.size / 10_000:,.0f} 万个字符（XML），超过本工具的上限 "
            f"{MAX_PART_CHARS // 10_000:,} 万个（约 250 页的文字；内置模板不到 10 万个"
        )
    return (
        f"模板 {template.name} {what}；可能已损坏或是特意构造的文件），"
        "处理它需要的内存和时间远超一般电脑，未使用。"
    )


def _document_properties(tpl: Any, context: dict[str, Any]) -> None:
    """The rendered document is no longer the template: its title (shown by Word's file
    properties and as the PDF's title) is the document's own 标题, and the built-in
    template's notes about being a template are dropped."""
    cp = tpl.docx.core_properties
    title = context.get("标题")
    if isinstance(title, str) and title.strip():
        cp.title = strip_forbidden(title)[:255]
    if any(w in (cp.comments or "") for w in ("模板", "--template")):
        cp.comments = "由 ledger-tools 根据整改台账生成。"
    if "模板" in (cp.category or ""):
        cp.category = "公文"
    if "模板" in (cp.keywords or ""):
        cp.keywords = ";".join(k for k in cp.keywords.split(";") if "模板" not in k)


def _paragraph_at(part: Any, lineno: int | None) -> tuple[int, str]:
    """(paragraph number, its text) of line ``lineno`` of ``part`` (a ``docxrender.Part``):
    every paragraph is on its own line of the source Jinja renders."""
    if not lineno or part is None:
        return 0, ""
    lines = part.source.splitlines()
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    return max(lineno - 1, 1), _shorten(html.unescape(re.sub(r"<[^>]+>", "", line)))


def _shorten(text: str, limit: int = 80) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _template_lineno(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return lineno
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def _where(part: Any, exc: BaseException) -> str:
    number, text = _paragraph_at(part, _template_lineno(exc))
    if text:
        return f"（第 {number} 段：“{text}”）"
    return f"（第 {number} 段附近）" if number else ""


def undefined_name(message: str) -> str:
    """The variable/attribute named by a Jinja UndefinedError message."""
    for pattern in (
        r"has no attribute '([^']+)'",
        r"^'([^']+)' is undefined",
        r"has no element '?([^']+)'?",
    ):
        m = re.search(pattern, message)
        if m:
            return m.group(1)
    return message


def _template_error(exc: Exception, part: Any, template: Path) -> TemplateError:
    import jinja2
    from jinja2.sandbox import SecurityError

    where = _where(part, exc)
    name = template.name
    if isinstance(exc, SecurityError) or "unsafe" in str(exc):
        return TemplateError(
            f"模板 {name} 试图访问 Python 内部对象{where}，已被安全沙箱拒绝。"
            "模板中只能使用台账变量和过滤器，请删除该标签。"
        )
    if isinstance(exc, jinja2.UndefinedError):
        var = undefined_name(str(exc))
        return TemplateError(
            f"模板 {name} 中的变量“{var}”没有定义{where}，可能拼写有误。"
            "用 ledger-tools context 台账.xlsx 可查看全部变量名，ledger-tools templates check 可检查模板。"
        )
    unknown_filter = re.search(r"No filter named '([^']+)'", str(exc))
    if unknown_filter:
        return TemplateError(
            f"模板 {name} 使用了不存在的过滤器“{unknown_filter.group(1)}”{where}。"
            f"可用的中文过滤器：{'、'.join(FILTERS)}。"
        )
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.message == OTHER_FILES_REFUSED:
        return TemplateError(f"模板 {name} 无法使用{where}：{OTHER_FILES_REFUSED}。")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"模板 {name} 的标签有语法错误{where}：{syntax_message(exc.message)}。"
            "请检查 {{ }} 与 {% %} 是否成对、for/if 是否有对应的 endfor/endif。"
        )
    return TemplateError(
        f"模板 {name} 渲染失败{where}：标签的用法有误。"
        "请用 ledger-tools templates check 检查模板，或加 --debug 查看详情。"
    )


# Jinja's syntax errors in Chinese: the commonest mistakes made when editing a template in Word.
_SYNTAX_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"Unexpected end of template.*innermost block that needs to be closed is '(\w+)'", re.S
        ),
        "模板到结尾还有没结束的 {{% {0} %}}：缺少对应的 {{% end{0} %}}",
    ),
    (re.compile(r"Unexpected end of template"), "模板在标签结束之前就结束了"),
    (
        re.compile(r"Encountered unknown tag '(\w+)'"),
        "无法识别的标签 {{% {0} %}}（拼写有误，或没有与之配对的开始标签）",
    ),
    (
        re.compile(r"expected token 'end of print statement', got '([^']*)'"),
        "{{{{ }}}} 中只能写一个变量名（在“{0}”处多了内容，变量名中不能有空格）",
    ),
    (
        re.compile(r"got 'end of|unexpected 'end of"),
        "标签中的表达式不完整（如过滤器符号 | 后面缺少名称）",
    ),
    (re.compile(r"unexpected '([^']*)'"), "多余或不成对的符号“{0}”"),
)


def syntax_message(message: str | None) -> str:
    """Jinja's syntax error ``message`` in Chinese (the original kept when it is not known)."""
    text = message or ""
    for pattern, chinese in _SYNTAX_MESSAGES:
        m = pattern.search(text)
        if m:
            return chinese.format(*m.groups())
    return f"（{text}）" if text else "无法解析"


# ---------------------------------------------------------------------------------------------
# PDF


def find_office() -> str | None:
    """The LibreOffice executable (``soffice``/``libreoffice`` on PATH or in the usual install
    folders), or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = [
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
        *(
            Path(os.environ.get(var, "")) / "LibreOffice" / "program" / "soffice.exe"
            for var in ("ProgramFiles", "ProgramFiles(x86)")
            if os.environ.get(var)
        ),
    ]
    return next((str(p) for p in candidates if p.is_file()), None)


def pdf_time_limit(docx: Path) -> float:
    """The default time limit of a conversion: ``PDF_TIMEOUT`` plus ``PDF_SECONDS_PER_MB``
    per MB of .docx. LibreOffice takes about 25 ms a page, linearly (measured: 1,002 pages
    in 22 s, 4,045 pages in 108 s; a 10,000-measure 整改情况报告 is 0.6 MB and 4,045 pages),
    so a large document gets the time it needs and a stuck conversion still ends."""
    try:
        size_mb = docx.stat().st_size / 1e6
    except OSError:
        size_mb = 0.0
    return PDF_TIMEOUT + PDF_SECONDS_PER_MB * size_mb


def convert_to_pdf(
    docx: str | os.PathLike[str],
    out: str | os.PathLike[str] | None = None,
    timeout: float | None = None,
    overwrite: bool = True,
    even_imprint: bool = True,
) -> Path:
    """Convert ``docx`` to PDF (default: same name, .pdf) with LibreOffice, using a private
    profile so that parallel runs and an open LibreOffice window do not interfere.

    ``even_imprint``: a document with a 版记 that ends on an odd page has its 版记 moved to
    the next (even) page, in the .docx too, and is converted again (``evenpage``).

    LibreOffice runs in its own process group (session); on timeout, Ctrl+C or any other
    exit the whole group is killed, so no ``soffice.bin`` is left running."""
    docx = Path(docx)
    pdf_path = Path(out) if out else docx.with_suffix(".pdf")
    check_output_path(pdf_path, docx, overwrite=overwrite, suffix=".pdf")
    timeout = timeout or pdf_time_limit(docx)
    office = find_office()
    if office is None:
        raise OutputError(
            f"已生成 {docx.name}，但无法生成 PDF：本机没有找到 LibreOffice（soffice）。"
            "请安装 LibreOffice（https://zh-cn.libreoffice.org/ ，Linux 可安装 libreoffice-writer）"
            "后重试，或在 WPS/Word 中打开该文档，另存为 PDF。"
        )
    with tempfile.TemporaryDirectory(prefix="ledger-tools-pdf-") as work:
        profile = Path(work) / "profile"
        outdir = Path(work) / "out"
        source = docx.resolve()
        try:
            str(source).encode("utf-8")
        except UnicodeEncodeError:
            # LibreOffice takes a path as UTF-8 text: a name of other bytes (GBK, unzipped on
            # Linux) converted nothing (exit code 0, no PDF). A copy of an ASCII name is.
            source = Path(work) / "document.docx"
            shutil.copyfile(docx, source)
        cmd = [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ]
        code, _output = run_office(cmd, timeout, _office_env(Path(work)), docx.name)
        produced = outdir / f"{source.stem}.pdf"
        if even_imprint and produced.is_file():
            from ledger_tools.documents.evenpage import move_imprint_to_next_page, pdf_pages

            if pdf_pages(produced) % 2 and move_imprint_to_next_page(docx):
                if source != docx.resolve():
                    shutil.copyfile(docx, source)
                produced.unlink()
                code, _output = run_office(cmd, timeout, _office_env(Path(work)), docx.name)
        if not produced.is_file():
            raise OutputError(
                f"LibreOffice 未能把 {docx.name} 转换为 PDF（退出码 {code}）。"
                "Word 文档已生成，可在 WPS/Word 中另存为 PDF。"
            )
        with atomic_output(pdf_path, docx, overwrite=overwrite) as tmp:
            shutil.copyfile(produced, tmp)
    return pdf_path


def run_office(cmd: list[str], timeout: float, env: dict[str, str], name: str) -> tuple[int, str]:
    """Run LibreOffice in a new process group; kill the group on timeout or any exit.
    Returns (exit code, its output)."""
    group: dict[str, Any] = (
        {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}  # type: ignore[attr-defined]
        if os.name == "nt"
        else {"start_new_session": True}
    )
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, **group)
    try:
        output, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise OutputError(
            f"LibreOffice 转换 {name} 超过 {timeout:g} 秒仍未完成，已停止转换（LibreOffice 进程已结束）。"
            "Word 文档已生成：可用 --pdf-timeout 秒数 放宽时限后重试，或在 WPS/Word 中另存为 PDF。"
        ) from None
    finally:
        kill_process_group(proc)
    return proc.returncode, output.decode("utf-8", "replace").strip()


def kill_process_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` and every process it started (soffice → soffice.bin), then reap it."""
    import signal

    if os.name == "nt":  # pragma: no cover - Windows only
        if proc.poll() is None:
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(proc.pid)], capture_output=True, check=False
            )
    else:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the group outlives its leader: always kill
        except (ProcessLookupError, PermissionError):
            pass
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, ValueError):
        proc.kill()


def _office_env(work: Path) -> dict[str, str]:
    """LibreOffice's environment. On Linux and other fontconfig systems (not Windows/macOS),
    ``FONTCONFIG_FILE`` points at ``docformat.fontconfig_substitutes()``, written into
    ``work``: without it every missing standard font (仿宋_GB2312, 楷体_GB2312, 黑体,
    方正小标宋简体) falls back to one sans-serif face; with it they map to the closest free
    fonts installed (Noto Serif CJK for 仿宋/楷体/宋体, Noto Sans CJK for 黑体)."""
    env = dict(os.environ)
    # LibreOffice's own temporary files go into our work folder, removed with it even when
    # LibreOffice had to be killed
    scratch = work / "tmp"
    scratch.mkdir(exist_ok=True)
    env.update(TMPDIR=str(scratch), TMP=str(scratch), TEMP=str(scratch))
    if sys.platform.startswith(("win", "darwin")):
        return env
    from ledger_tools.documents.docformat import fontconfig_substitutes

    conf = work / "fonts.conf"
    conf.write_text(fontconfig_substitutes(), encoding="utf-8")
    env["FONTCONFIG_FILE"] = str(conf)
    return env


# ---------------------------------------------------------------------------------------------
# templates export / check


def export_templates(folder: str | os.PathLike[str], overwrite: bool = False) -> list[Path]:
    """Copy the built-in Word templates into ``folder`` (created if missing). Existing files
    are kept unless ``overwrite`` (a user's edited template is not lost by accident)."""
    from ledger_tools.resources import builtin_templates

    dest = Path(folder)
    sources = builtin_templates(".docx")
    if not sources:
        raise LedgerToolsError("找不到内置 Word 模板：安装可能不完整，请重新安装 ledger-tools。")
    existing = [dest / s.name for s in sources if (dest / s.name).exists()]
    if existing and not overwrite:
        names = "、".join(p.name for p in existing)
        raise OutputError(
            f"{dest} 中已有 {names}，为免覆盖您修改过的模板，未导出。请换一个文件夹，或加 --force 覆盖。"
        )
    written = []
    with all_or_none(dest, [dest / s.name for s in sources], parents=True):
        for src in sources:
            with atomic_output(dest / src.name, src, overwrite=overwrite, flag="--force") as tmp:
                shutil.copyfile(src, tmp)
            written.append(dest / src.name)
    return written


@dataclass(frozen=True)
class TemplateIssue:
    severity: str  # error | warning | note
    message: str  # Chinese
    paragraph: str = ""  # the paragraph text where it occurs

    def __str__(self) -> str:
        label = {"error": "错误", "warning": "提示"}.get(self.severity, "说明")
        where = f"\n    所在段落：“{self.paragraph}”" if self.paragraph else ""
        return f"[{label}] {self.message}{where}"


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPEN = re.compile(r"\{\{|\{%|\{#")
_CLOSE = re.compile(r"\}\}|%\}|#\}")
_FULLWIDTH = re.compile(r"｛\s*[｛{%％]|[｝}%％]\s*｝|\{\s*｛|｝\s*\}")
_LOOP_ATTRS = {
    "index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle",
    "depth", "depth0", "previtem", "nextitem", "changed",
}  # fmt: skip


_ANY_TAG = re.compile(r"[{｛][{%#｛％]")


def plain_document(tpl: Any, path: Path) -> str:
    """Why ``tpl`` is no template, or "": not one ``{{ }}``/``{% %}`` (nor a full-width one
    typed by an input method, which ``templates check`` explains) in its body, headers and
    footers. Last year's report given as --template was rendered as it stood: a document
    “生成” without one word of the ledger in it, and no word said."""
    for _label, xml in _parts_xml(tpl):
        if _ANY_TAG.search(re.sub(r"<[^>]*>", "", xml)):
            return ""
    return (
        f"模板 {path.name} 中没有任何模板变量（如 {{{{ 统计句 }}}}、{{% for … %}}），用它生成的文稿会与它"
        "一模一样，台账的内容和数字一个也写不进去。它可能是一份已经生成的文稿或普通的 Word 文件，不是模板。"
        "请用 ledger-tools templates export 文件夹 导出内置模板，在其基础上修改后再用 --template 指定；"
        "或去掉 --template，使用内置模板。"
    )


def _parts_xml(tpl: Any) -> list[tuple[str, str]]:
    """(part name, XML) of the body, headers and footers, as docxtpl renders them."""
    parts = [("正文", tpl.get_xml())]
    for uri, label in ((tpl.HEADER_URI, "页眉"), (tpl.FOOTER_URI, "页脚")):
        for _key, part in tpl.get_headers_footers(uri):
            parts.append((label, tpl.get_part_xml(part)))
    return parts


# Run properties that differ between Latin and Chinese text or mark spelling, without any
# visible effect on a tag's output: Word and LibreOffice split runs on them all the time.
_INVISIBLE_RPR = {"rFonts", "lang", "noProof", "szCs", "bCs", "iCs", "webHidden", "specVanish"}


def _paragraph_runs(xml: str) -> list[list[tuple[str, str]]]:
    """Each paragraph as the list of its runs: (text, visible formatting)."""
    from lxml import etree

    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(xml.encode("utf-8"))
    out = []
    for p in root.iter(f"{ns}p"):
        runs = []
        for r in p.iter(f"{ns}r"):
            text = "".join(t.text or "" for t in r.iter(f"{ns}t"))
            rpr = r.find(f"{ns}rPr")
            visible = sorted(
                etree.tostring(child, encoding="unicode")
                for child in (rpr if rpr is not None else [])
                if etree.QName(child).localname not in _INVISIBLE_RPR
            )
            runs.append((text, "".join(visible)))
        out.append(runs)
    return out


def _known_names() -> tuple[set[str], set[str]]:
    """(top-level context keys, every key at any depth) of a context built from a sample
    ledger that has at least one of everything."""
    from ledger_tools.documents.context import sample_ledger
    from ledger_tools.upward.diff import compare
    from ledger_tools.upward.duban import sample_context

    day = dt.date(2024, 5, 10)
    sample = sample_ledger()
    ctx = build_context(sample, "report", as_of=day, comparison=compare(sample, sample, day))
    ctx.update(sample_context())  # the names of the 督办通知 template
    keys: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            keys.update(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    from ledger_tools.upward.summary import summary_sample_context  # report --kind summary

    summary = summary_sample_context()
    walk(ctx)
    walk(summary)
    return set(ctx) | set(summary), keys


def _method_names() -> set[str]:
    return {n for t in (str, dict, list) for n in dir(t) if not n.startswith("_")}


def check_template(path: str | os.PathLike[str]) -> list[TemplateIssue]:
    """Problems in a Word template, found without a ledger: syntax errors, names that are not
    in the context (top-level and attributes such as ``问题.问题表现``), tags Word split across
    runs or across paragraphs, and full-width braces typed by a Chinese input method."""
    import jinja2

    from ledger_tools.documents.docxrender import (
        PartTooLarge,
        TooManyTags,
        check_part_size,
        check_tag_count,
    )

    path = Path(path)
    tpl = _open_template(path)
    if plain := plain_document(tpl, path):
        return [TemplateIssue("error", plain)]
    env = make_env()
    issues: list[TemplateIssue] = []
    paragraphs: list[str] = []
    split_same_format = 0
    asts = []
    xmls = _parts_xml(tpl)
    try:
        for label, xml in xmls:
            check_part_size(label, xml)
    except PartTooLarge as exc:  # patching it would take gigabytes
        return [TemplateIssue("error", too_large(path, exc) + "请删去模板中多余的内容。")]
    parts = [
        (label, xml, re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))) for label, xml in xmls
    ]
    try:
        check_tag_count([(label, patched) for label, _, patched in parts])
    except TooManyTags as exc:  # each tag would be listed, parsed and compiled
        return [TemplateIssue("error", too_large(path, exc) + "请删去多余的标签。")]
    for label, xml, patched in parts:
        runs_list = _paragraph_runs(xml)
        paragraphs += ["".join(t for t, _ in runs) for runs in runs_list]
        found, harmless = _run_issues(runs_list, label)
        issues += found
        split_same_format += harmless
        try:
            asts.append(env.parse(patched))
        except jinja2.TemplateSyntaxError as exc:
            lines = patched.splitlines()
            line = lines[exc.lineno - 1] if exc.lineno and exc.lineno <= len(lines) else ""
            text = _shorten(html.unescape(re.sub(r"<[^>]+>", "", line)))
            where = f"{label}第 {max((exc.lineno or 2) - 1, 1)} 段附近"
            message = (
                f"{where}：{OTHER_FILES_REFUSED}。"
                if exc.message == OTHER_FILES_REFUSED
                else f"{where}有语法错误：" + syntax_message(exc.message)
            )
            issues.append(TemplateIssue("error", message, text))
    issues += _name_issues(asts, paragraphs, env)
    if not any(i.severity == "error" for i in issues):
        issues += _trial_render(path)
    if split_same_format:
        issues.append(
            TemplateIssue(
                "note",
                f"有 {split_same_format} 个标签被 Word 拆成了几段格式相同的文字（Word/WPS 保存中文时常见），"
                "生成时会自动合并，不影响结果。",
            )
        )
    return issues


TRIAL_SECONDS = 20.0


def _trial_render(path: Path) -> list[TemplateIssue]:
    """Render the template with the sample ledger under a short budget: what the limits
    (sizes, ranges, recursion, time) or the sandbox would refuse is found before a ledger
    is at hand. Names are checked separately, so unknown ones render as blanks here."""
    import io

    import jinja2
    from jinja2.sandbox import SecurityError

    from ledger_tools.documents.context import sample_ledger
    from ledger_tools.documents.docxrender import PartTooLarge, TooManyTags, render_template
    from ledger_tools.documents.sandbox import (
        MIN_OUTPUT,
        Budget,
        LiveField,
        RenderLimit,
        limited,
    )

    context = build_context(sample_ledger(), "report", as_of=dt.date(2024, 5, 10))
    env = make_env(undefined=jinja2.ChainableUndefined)
    try:
        with limited(env, Budget(MIN_OUTPUT, TRIAL_SECONDS)):
            render_template(_open_template(path), env, context, env.budget, io.BytesIO())
    except (TooManyTags, PartTooLarge) as exc:  # in footnotes: the other parts were seen before
        return [TemplateIssue("error", too_large(path, exc) + "请删去模板中多余的内容。")]
    except (RenderLimit, SecurityError, SyntaxError, LiveField) as exc:
        message = str(_render_error(exc, path)).removeprefix(f"模板 {path.name} ")
        message = message.split("。请检查模板中")[0].rstrip("。") + "。"
        return [TemplateIssue("error", f"生成时会被拒绝：{message}")]
    except Exception:  # noqa: BLE001 - other failures depend on the data or are named above
        return []
    return []


_JINJA_GLOBALS = {"loop", "range", "lipsum", "dict", "cycler", "joiner", "namespace"}


def _undeclared(ast: Any) -> set[str]:
    """Top-level names a template reads without defining them."""
    import jinja2
    from jinja2 import meta, nodes

    try:
        return meta.find_undeclared_variables(ast)
    except jinja2.TemplateAssertionError:
        # compiling stops at an unknown filter (reported separately): use the names read
        # minus the names the template binds itself (loop variables, set)
        bound = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
        return {n.name for n in ast.find_all(nodes.Name) if n.ctx == "load"} - bound


def _name_issues(asts: list[Any], paragraphs: list[str], env: Any) -> list[TemplateIssue]:
    """Unknown filters, and names/attributes that are not in the context."""
    from jinja2 import nodes

    top, every = _known_names()
    allowed_attrs = every | _LOOP_ATTRS | _method_names()
    issues = []
    undefined: dict[str, None] = {}
    for ast in asts:
        for name in sorted({n.name for n in ast.find_all(nodes.Filter)} - set(env.filters)):
            where = next((_shorten(p) for p in paragraphs if _mentions(p, name)), "")
            message = f"过滤器“{name}”不存在。可用的中文过滤器：{'、'.join(FILTERS)}。"
            issues.append(TemplateIssue("error", message, where))
        for name in sorted(_undeclared(ast) - top - _JINJA_GLOBALS):
            undefined.setdefault(name)
        for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
            attr = (
                node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            )
            if isinstance(attr, str) and attr not in allowed_attrs:
                undefined.setdefault(attr)
    message = "变量“{}”不在上下文中（可能拼写有误；ledger-tools context 可列出全部变量名）。"
    for name in undefined:
        for text in [p for p in paragraphs if _mentions(p, name)] or [""]:
            issues.append(TemplateIssue("error", message.format(name), _shorten(text)))
    return issues


def _mentions(paragraph: str, name: str) -> bool:
    return any(
        re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", tag) for tag in _TAG.findall(paragraph)
    )


def _run_issues(
    runs_list: list[list[tuple[str, str]]], label: str
) -> tuple[list[TemplateIssue], int]:
    """Issues of the tags in each paragraph, and the number of tags split over runs of the
    same visible formatting (harmless: docxtpl joins them)."""
    issues, harmless = [], 0
    for runs in runs_list:
        text = "".join(t for t, _ in runs)
        if not text:
            continue
        owner = [i for i, (t, _) in enumerate(runs) for _ in t]  # character -> run index
        for m in _TAG.finditer(text):
            spanned = sorted(set(owner[m.start() : m.end()]))
            if len(spanned) < 2:
                continue
            if len({runs[i][1] for i in spanned}) == 1:
                harmless += 1
                continue
            issues.append(
                TemplateIssue(
                    "warning",
                    f"{label}中的标签 {_shorten(m.group(0), 40)} 被 Word 拆成了 {len(spanned)} 段格式不同的文字"
                    "（如部分加粗、字号不同）。生成时整个标签按第一段的格式输出；"
                    "如需统一格式，请在 Word 中删除该标签后一次性重新输入。",
                    _shorten(text),
                )
            )
        issues += _pairing_issues(text, label)
    return issues, harmless


def _pairing_issues(text: str, label: str) -> list[TemplateIssue]:
    issues = []
    if len(_OPEN.findall(text)) != len(_CLOSE.findall(text)):
        issues.append(
            TemplateIssue(
                "error",
                f"{label}中有不成对的标签（{{{{ 或 {{% 与 }}}} 或 %}} 数量不一致）：标签可能被拆到了两个段落中。"
                "请把每个标签写在同一段落内。",
                _shorten(text),
            )
        )
    if _FULLWIDTH.search(text):
        issues.append(
            TemplateIssue(
                "error",
                f"{label}中有全角大括号“｛”或“｝”：标签必须用半角 {{{{ }}}} 和 {{% %}}。请切换到英文输入法重新输入。",
                _shorten(text),
            )
        )
    return issues
