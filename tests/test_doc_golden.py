"""The rendered documents are unchanged by the work on their speed (issue 10): the XML of every
part of the plan, report and notice of a generated 600-measure ledger, and of the example's
report with --since, compared with what the code before it wrote (``tests/golden_docs/``).

Regenerate only when a change of the documents is intended (and say why in the commit):

    LEDGER_TOOLS_WRITE_DOC_GOLDEN=1 python -m pytest tests/test_doc_golden.py -p no:cacheprovider
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import sys
import zipfile
from pathlib import Path

import pytest

from ledger_tools.documents.render import render
from ledger_tools.ledger.normalise import load_ledger

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden_docs"
DAY = dt.date(2024, 5, 10)
MEASURES, SEED = 600, 5
WRITE = os.environ.get("LEDGER_TOOLS_WRITE_DOC_GOLDEN") == "1"
KINDS = ("plan", "report", "notice")


def generator():  # benchmarks/generate.py, not a package
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("golden") / "台账.xlsx"
    return load_ledger(generator().generate_ledger(path, MEASURES, SEED), today=DAY)


def parts(docx: Path) -> dict[str, str]:
    """The document's XML parts (word/*.xml), as text."""
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as zf:
        return {
            n: zf.read(n).decode("utf-8")
            for n in sorted(zf.namelist())
            if n.startswith("word/") and n.endswith(".xml")
        }


def compare(case: str, docx: Path) -> None:
    path = GOLDEN / f"{case}.json.gz"
    got = parts(docx)
    if WRITE:
        GOLDEN.mkdir(exist_ok=True)
        data = json.dumps(
            {"generator": generator().GENERATOR_VERSION, "parts": got}, ensure_ascii=False
        )
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write(data.encode("utf-8"))
        return
    saved = json.loads(gzip.decompress(path.read_bytes()))
    assert saved["generator"] == generator().GENERATOR_VERSION, (
        "benchmarks/generate.py writes other ledgers now: regenerate the document goldens "
        "with the code of before the change (see this module's docstring)"
    )
    assert sorted(got) == sorted(saved["parts"])
    for name, xml in got.items():
        assert xml == saved["parts"][name], f"{case}: {name} differs from the golden"


@pytest.mark.parametrize("kind", KINDS)
def test_generated_ledger_documents_unchanged(tmp_path, generated, kind):
    out = render(generated, kind, tmp_path / "out.docx", as_of=DAY, today=DAY)
    compare(f"gen-{MEASURES}-s{SEED}-{kind}", out)


def test_example_report_since_unchanged(tmp_path):
    examples = REPO / "examples"
    ledger = load_ledger(examples / "示例台账.xlsx", today=DAY)
    previous = load_ledger(examples / "示例台账-上期.xlsx", today=DAY)
    out = render(ledger, "report", tmp_path / "out.docx", as_of=DAY, today=DAY, since=previous)
    compare("example-report-since", out)
