"""Regenerate the example documents from examples/示例台账.xlsx.

From the repository root, the one command::

    python examples/build_documents.py

writes, next to this script:

- 整改方案.docx, 整改情况报告.docx, 整改进展情况通报.docx — ``render.render`` on the example
  ledger, 截至 and 成文日期 2024-05-10 (the date the example is written for);
- their PDFs — ``render.convert_to_pdf`` (LibreOffice, with the font substitutes of
  ``docformat.fontconfig_substitutes`` on Linux);
- a PNG of page 1 of each PDF at 100 dpi (``pdftoppm``), e.g. 整改情况报告-第1页.png, which the
  README shows.

``--no-pdf`` writes only the .docx files (no LibreOffice or poppler needed).

Reproducible: running it twice gives byte-identical .docx files (their zip entries are
re-stamped with a fixed time; ``render`` itself stamps the current time) and PDFs that differ
in nothing (LibreOffice's creation date, /ID and checksum are replaced by fixed values of
the same length, so the PDF's cross-reference offsets stay valid). The PNGs follow from the
PDFs. So regenerating without a change to the templates, the context or the ledger leaves
``git status`` clean; tests/test_example_documents.py checks that the committed documents
match a fresh render.

The PDFs hold every character of the .docx (tests/test_doc_layout.py checks it with pdftotext):
the templates set ``w:overflowPunct`` explicitly, which LibreOffice otherwise reads inverted and
then drops a hanging "。" at the end of a full justified line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run from a checkout without installing: the package is one folder up (and must win over an
# installed copy, so the examples show the code they sit next to).
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from ledger_tools.documents.context import DOC_NAMES, KINDS  # noqa: E402
from ledger_tools.output import atomic_output, reproducible_zip  # noqa: E402

LEDGER = HERE / "示例台账.xlsx"
DAY = dt.date(2024, 5, 10)  # 截至日期 and 成文日期 of the example documents
PNG_DPI = 100
ZIP_TIME = (2024, 5, 10, 9, 0, 0)
PDF_DATE = b"20240510090000"


def docx_path(kind: str, folder: Path = HERE) -> Path:
    return folder / f"{DOC_NAMES[kind]}.docx"


def png_path(kind: str, folder: Path = HERE) -> Path:
    return folder / f"{DOC_NAMES[kind]}-第1页.png"


def render_documents(folder: Path = HERE, ledger_path: Path = LEDGER) -> list[Path]:
    """Render the three documents of the example ledger into ``folder`` (reproducibly)."""
    from ledger_tools.documents import render
    from ledger_tools.ledger import normalise

    ledger = normalise.load_ledger(ledger_path)
    written = []
    for kind in KINDS:
        out = render.render(
            ledger, kind, docx_path(kind, folder), as_of=DAY, today=DAY, overwrite=True
        )
        fix_zip_times(out)
        written.append(out)
    return written


def fix_zip_times(path: Path) -> None:
    """Re-stamp every zip entry of ``path`` with ``ZIP_TIME`` (same order, same content)."""
    data = reproducible_zip(path.read_bytes(), ZIP_TIME)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


def to_pdf(docx: Path) -> Path:
    from ledger_tools.documents.render import convert_to_pdf

    pdf = convert_to_pdf(docx)
    fix_pdf_stamps(pdf)
    return pdf


def fix_pdf_stamps(pdf: Path) -> None:
    """Replace what LibreOffice varies from run to run (CreationDate, /ID, DocChecksum) with
    fixed values of the same length; a hash of the rest of the file stands in for the /ID."""
    data = pdf.read_bytes()
    data = re.sub(rb"(/CreationDate\(D:)\d{14}", lambda m: m.group(1) + PDF_DATE, data)
    ids = re.compile(rb"(/ID \[\s*)<[0-9A-Fa-f]{32}>(\s*)<[0-9A-Fa-f]{32}>")
    checksum = re.compile(rb"(/DocChecksum /)[0-9A-Fa-f]{32}")
    rest = checksum.sub(rb"\1", ids.sub(rb"\1\2", data))
    digest = hashlib.md5(rest, usedforsecurity=False).hexdigest().upper().encode()
    fixed = ids.sub(
        lambda m: m.group(1) + b"<" + digest + b">" + m.group(2) + b"<" + digest + b">", data
    )
    fixed = checksum.sub(lambda m: m.group(1) + digest, fixed)
    if len(fixed) != len(data):  # the cross-reference offsets would be wrong
        raise RuntimeError(f"{pdf.name}：PDF 时间戳替换后长度改变，未改写。")
    with atomic_output(pdf) as tmp:
        tmp.write_bytes(fixed)


def page_one_png(pdf: Path, png: Path, dpi: int = PNG_DPI) -> Path:
    """Page 1 of ``pdf`` as ``png`` (pdftoppm from poppler-utils)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise SystemExit(
            "需要 pdftoppm 生成预览图：请安装 poppler-utils（Debian/Ubuntu：apt install poppler-utils）。"
        )
    stem = png.with_suffix("")
    subprocess.run(
        [tool, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="重新生成示例文稿（docx、PDF、第1页预览图）。")
    parser.add_argument("--no-pdf", action="store_true", help="只生成 .docx，不转 PDF、不出预览图")
    args = parser.parse_args(argv)
    for docx in render_documents():
        print(docx.relative_to(HERE.parent))
        if args.no_pdf:
            continue
        pdf = to_pdf(docx)
        print(pdf.relative_to(HERE.parent))
        kind = next(k for k in KINDS if docx_path(k) == docx)
        print(page_one_png(pdf, png_path(kind)).relative_to(HERE.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
