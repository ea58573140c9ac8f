"""The thirteenth attack run: Word templates with a huge number of Jinja tags (each split by
Word into several runs) or a huge body, and symbolic-link loops given as an output, a template
or a folder. Each crafted file is built for real; commands run in a child under a 2 GB address-space limit
(``hostile_files.run_limited``). What was tried and needed no change is listed in
docs/攻击测试记录.md (第十三轮攻击测试)."""

from __future__ import annotations

import errno
import os
import random
import shutil
from pathlib import Path

import pytest
from hostile_files import rewrite, run_limited
from test_render import make_template

from ledger_tools.documents.docxrender import MAX_TEMPLATE_TAGS, TooManyTags, check_tag_count
from ledger_tools.errors import describe_os_error, symlink_loop

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "examples" / "示例台账.xlsx"


def _paragraphs(template: Path, inner: bytes) -> Path:
    """``template`` with ``inner`` (paragraph XML) put at the start of its body."""

    def body(xml: bytes) -> bytes:
        at = xml.index(b"<w:body>") + len(b"<w:body>")
        return xml[:at] + inner + xml[at:]

    rewrite(template, {"word/document.xml": body})
    return template


def split_tags(path: Path, count: int, name: str = "x") -> Path:
    """A template of ``count`` paragraphs, each a tag ``{{x}}`` that Word split into three
    runs (as it does while one types): a few bytes per tag once compressed."""
    make_template(path, "{{ 单位名称 }}")
    run = b"<w:r><w:t>%s</w:t></w:r>"
    para = b"<w:p>" + run % b"{{" + run % name.encode() + run % b"}}" + b"</w:p>"
    return _paragraphs(path, para * count)


def test_a_template_with_20000_split_tags_is_refused_before_it_is_compiled(tmp_path):
    """A 90 KB template of 200,000 paragraphs, each a tag split in three runs, took 1.8 GB and
    16 s to compile, then ``plan`` ended with “模板渲染所需内存超过本机可用内存……请检查模板中的
    循环、宏” (there is no loop), and ``templates check`` printed 400,000 lines (15 MB). Now
    both count the tags first (the built-in templates have at most about 240); 20,000 such
    paragraphs (in the size limit below) show it."""
    tpl = split_tags(tmp_path / "标签.docx", 20_000)
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(LEDGER), "--template", str(tpl), "-o", str(out), "--force"])
    assert r["code"] == 2, r["out"]
    assert "模板 标签.docx 中有 20,001 个" in r["out"]
    assert f"上限 {MAX_TEMPLATE_TAGS:,} 个" in r["out"] and "大多在正文中" in r["out"]
    assert "循环" not in r["out"] and "Traceback" not in r["out"]
    assert r["peak"] < 600, r["peak"]
    assert not out.exists()

    r = run_limited(["templates", "check", str(tpl)])
    assert r["code"] == 2
    assert "中有 20,001 个" in r["out"] and "请删去多余的标签" in r["out"]
    assert len(r["out"].splitlines()) < 5, r["out"][:2000]


def long_body(path: Path, paragraphs: int) -> Path:
    """A template with one small table, then ``paragraphs`` short paragraphs of different
    numbers in different font sizes (so the file stays large: about 9 bytes a paragraph)."""
    rnd = random.Random(13)
    make_template(path, "{{ 单位名称 }}")
    table = b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    para = b'<w:p><w:r><w:rPr><w:sz w:val="%d"/></w:rPr><w:t>%d</w:t></w:r></w:p>'
    body = b"".join(
        para % (rnd.randrange(2, 3000), rnd.randrange(10**9)) for _ in range(paragraphs)
    )
    return _paragraphs(path, table + body)


def test_a_template_body_too_long_to_patch_is_refused(tmp_path):
    """A 2.8 MB template (in the 100 MB file and 32 MB part limits): one small table, then
    300,000 short paragraphs, 23 million characters of XML. docxtpl's preparation matches from
    the table's last row to the next one, through the whole rest of the body, and Python's
    regular expressions keep about 75 bytes per character of that: 2 GB, then “模板渲染所需
    内存超过本机可用内存……请检查模板中的循环” (``templates check``: “内存不足”). A tag split into
    300,000 runs, or 500,000 empty runs, did the same. Now a part over 8 million characters is
    refused before it is prepared; one just under (7.8 million, about 250 pages) still renders."""
    tpl = long_body(tmp_path / "长.docx", 300_000)
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(LEDGER), "--template", str(tpl), "-o", str(out), "--force"])
    assert r["code"] == 2, r["out"]
    assert "模板 长.docx 的正文有 2,296 万个字符（XML），超过本工具的上限 800 万个" in r["out"]
    assert "循环" not in r["out"] and r["peak"] < 600, (r["peak"], r["out"])
    assert not out.exists()

    r = run_limited(["templates", "check", str(tpl)])
    assert r["code"] == 2 and "的正文有 2,296 万个字符" in r["out"], r["out"]
    assert r["peak"] < 600, r["peak"]


def test_tags_in_headers_and_footnotes_count_too(tmp_path):
    """The count covers every part that is rendered, not only the body."""
    parts = [("正文", "{{ a }}" * 6000), ("页脚", "{% if b %}{% endif %}" * 2500)]
    with pytest.raises(TooManyTags) as caught:
        check_tag_count(parts)
    assert caught.value.count == 11_000 and caught.value.label == "正文"
    check_tag_count([("正文", "{{ a }}" * MAX_TEMPLATE_TAGS)])  # the limit itself is fine


def test_a_template_under_the_tag_limit_still_renders(tmp_path):
    """2,000 tags (eight times the largest built-in template) render as before."""
    tpl = tmp_path / "长模板.docx"
    make_template(tpl, *["{{ 单位名称 }}{{ 监督机构 }}"] * 1000)
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(LEDGER), "--template", str(tpl), "-o", str(out), "--force"])
    assert r["code"] == 0, r["out"]
    assert out.exists()


def test_templates_check_lists_at_most_1000_issues(tmp_path):
    """5,000 tags naming an unknown variable: listed up to 1,000, then one line saying how
    many more (the total is still given)."""
    tpl = split_tags(tmp_path / "很多.docx", 5000, name="没有这个变量")
    r = run_limited(["templates", "check", str(tpl)])
    assert r["code"] == 2
    assert r["out"].count("[错误]") == 1000
    assert "……另有 4,001 条没有在此列出" in r["out"]
    assert "共 5000 个错误" in r["out"]


@pytest.fixture
def loops(tmp_path: Path) -> Path:
    """Pairs of symbolic links pointing at each other: 环.xlsx, 环.docx, 环夹."""
    for name in ("环.xlsx", "环.docx", "环夹"):
        os.symlink(f"{name}.2", tmp_path / name)
        os.symlink(name, tmp_path / f"{name}.2")
    return tmp_path


def test_a_symlink_loop_as_the_output_or_template_is_explained(loops):
    """Python 3.11's ``Path.resolve()`` raises RuntimeError on a link loop: every command
    comparing its output with its inputs ended with “处理时发生意外问题（RuntimeError）”
    (``check --mark``, ``diff --mark``, ``plan``/``report -o``, ``merge -o``, and
    ``--template`` given a loop). Now a loop is never “the same file” as an input, the
    template is “not found”, and whatever else meets one says which link it is."""
    folder = loops / "台账"
    folder.mkdir()
    shutil.copy(LEDGER, folder / "甲.xlsx")
    r = run_limited(["merge", str(folder), "-o", str(loops / "环.xlsx")])
    assert r["code"] == 2 and "意外问题" not in r["out"]
    assert "环.xlsx：这是首尾相连的符号链接" in r["out"] and "请删除这个链接" in r["out"]
    assert os.path.islink(loops / "环.xlsx")  # left as it was

    tpl = ["--template", str(loops / "环.docx")]
    r = run_limited(["plan", str(LEDGER), *tpl, "-o", str(loops / "方案.docx"), "--force"])
    assert r["code"] == 2 and "找不到模板文件" in r["out"] and "意外问题" not in r["out"]

    out = loops / "环.docx"
    r = run_limited(["plan", str(LEDGER), "-o", str(out), "--force"])
    assert r["code"] == 2 and "意外问题" not in r["out"], r["out"]
    assert "环.docx 是一个符号链接，它指向的文件不存在或链接首尾相连" in r["out"]
    assert "加 --overwrite 替换它" in r["out"] and os.path.islink(out)

    r = run_limited(["diff", str(LEDGER), str(LEDGER), "--mark", str(loops / "环.xlsx")])
    assert r["code"] == 2 and "意外问题" not in r["out"], r["out"]
    assert "加 --force 替换它" in r["out"]  # diff's own option (it named --overwrite)


def test_a_symlink_loop_runtime_error_reads_as_the_os_error_it_stands_for(loops):
    with pytest.raises(RuntimeError) as caught:  # Python 3.13 raises OSError instead
        try:
            (loops / "环.xlsx").resolve()
        except OSError as exc:
            raise RuntimeError(f"Symlink loop from {exc.filename!r}") from exc
    loop = symlink_loop(caught.value)
    assert loop is not None and loop.errno == errno.ELOOP
    assert describe_os_error(loop).startswith(f"{loops / '环.xlsx'}：这是首尾相连的符号链接")
    assert symlink_loop(RuntimeError("something else")) is None
    assert symlink_loop(ValueError("Symlink loop from 'x'")) is None
