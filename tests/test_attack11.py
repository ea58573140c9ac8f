"""The eleventh attack run: user .docx templates that turn one long text (within the
sandbox's ten-million-character limit for a value) into millions of small objects, which no
earlier check counted: ``|batch(1)`` (a list per character) and ``.split()``/``.splitlines()``
(a string per piece). Each template is built for real and run through the real ``plan`` in
a child process under a 2 GB address-space limit (``hostile_files.run_limited``). The
attacks of this run that needed no change are listed in docs/攻击测试记录.md (第十一轮攻击测试)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_files import run_limited
from test_attack3 import clean

LEDGER = Path(__file__).resolve().parent.parent / "examples" / "示例台账.xlsx"


def render(tmp_path: Path, tag: str) -> tuple[dict, str, Path]:
    import docx

    template = tmp_path / "模板.docx"
    d = docx.Document()
    d.add_paragraph("测试")
    d.add_paragraph(tag)
    d.save(str(template))
    out = tmp_path / "方案.docx"
    r = run_limited(["plan", str(LEDGER), "--template", str(template), "-o", str(out)])
    return r, clean(r), out


@pytest.mark.parametrize(
    ("tag", "what"),
    [
        ("{{ ('x' * 9000000)|batch(1)|list|length }}", "分批（batch）的结果"),
        ("{{ ('x' * 9000000)|batch(2)|list|length }}", "分批（batch）的结果"),
        ("{{ ('ab ' * 3300000).split()|length }}", "拆分（split）的结果"),
        ("{{ ('ab,' * 3300000).split(',')|length }}", "拆分（split）的结果"),
        ("{{ ('ab,' * 3300000).rsplit(',')|length }}", "拆分（rsplit）的结果"),
        ("{{ ('ab\\n' * 3300000).splitlines()|length }}", "拆分（splitlines）的结果"),
    ],
)
def test_a_long_text_made_into_millions_of_pieces_is_refused_before_it_is_made(tmp_path, tag, what):
    """``|batch(1)`` of a nine-million-character text made nine million lists: 6 s and
    1 GB before Python's MemoryError under the 2 GB limit (far more memory than the text).
    ``.split()`` of ten million characters made 3.3 million strings (330 MB). Now both are
    counted like a list's items before they are made, and refused in Chinese."""
    r, text, out = render(tmp_path, tag)
    assert r["code"] == 2, text
    assert "模板.docx" in text and what in text and "第 2 段" in text, text
    assert "意外" not in text and "Traceback" not in text and "MemoryError" not in text, text
    assert not out.exists()


def test_batches_and_splits_of_ordinary_size_still_render(tmp_path):
    import docx

    tag = (
        "{{ (range(30)|list)|batch(4)|list|length }}|"
        "{{ ('ab,' * 3300000).split(',', 3)|length }}|"
        "{{ ('ab' * 4000000).split()|length }}|"
        "{{ ('ab ' * 1000).split()|length }}|"
        "{{ ('a\\nb' * 1000).splitlines()|length }}|"
        "{{ (range(99999)|list)|batch(1)|list|length }}"
    )
    r, text, out = render(tmp_path, tag)
    assert r["code"] == 0 and out.exists(), text
    written = [p.text for p in docx.Document(str(out)).paragraphs]
    assert written[1] == "8|4|1|1000|1001|99999", written[1]
