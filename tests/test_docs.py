"""The README's reference tables are generated from the one definition; they must not drift."""

from __future__ import annotations

from pathlib import Path

from ledger_tools.columns import column_reference_markdown
from ledger_tools.findings import SEVERITY_LABEL
from ledger_tools.schema import RULES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_column_reference_matches_columns_py():
    assert column_reference_markdown() in README


def test_readme_lists_every_rule():
    for rule in RULES.values():
        assert f"| `{rule.id}` | {SEVERITY_LABEL[rule.severity]} | {rule.title} |" in README


def test_readme_starts_with_the_two_commands():
    head = README.split("## ")[1] if README.startswith("## ") else README[:800]
    assert "pip install . && ledger-tools check examples/示例台账.xlsx" in head
    assert 'pip install ".[test,excel]" && python -m pytest' in head
