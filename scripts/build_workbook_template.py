"""Regenerate ``workbook_templates/整改台账.xlsx`` from the column definition.

    python scripts/build_workbook_template.py            # writes workbook_templates/整改台账.xlsx
    python scripts/build_workbook_template.py --out DIR  # elsewhere (tests use this)

The workbook is ``ledger_tools.ledger.workbook.new_workbook()`` with fixed document properties and
fixed zip timestamps, so the committed file changes only when ``columns.py`` or ``workbook.py``
change. ``tests/test_workbook.py`` fails when the committed file no longer matches the code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ledger_tools.ledger.workbook import build_workbook  # noqa: E402
from ledger_tools.output import atomic_output, reproducible_zip  # noqa: E402

NAME = "整改台账.xlsx"
FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0)


def template_bytes() -> bytes:
    """The template file's bytes: the same code always gives the same bytes."""
    wb = build_workbook(timestamp=FIXED_TIME)
    raw = io.BytesIO()
    wb.save(raw)
    return reproducible_zip(raw.getvalue(), rewrite=_fixed_modified)


def _fixed_modified(name: str, data: bytes) -> bytes:
    """openpyxl stamps ``modified`` with the time of saving; put the fixed time back."""
    if name != "docProps/core.xml":
        return data
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(
        rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
        rb"\g<1>" + stamp + rb"\g<2>",
        data,
    )


def build(out_dir: Path) -> Path:
    """Write the template into ``out_dir`` and return its path."""
    path = out_dir / NAME
    with atomic_output(path) as tmp:
        tmp.write_bytes(template_bytes())
    path.chmod(0o644)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "workbook_templates")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"已生成 {build(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
