"""The README's reference tables are generated from the one definition; they must not drift."""

from __future__ import annotations

from pathlib import Path

from ledger_tools.columns import column_reference_markdown, status_reference_markdown
from ledger_tools.findings import SEVERITY_LABEL
from ledger_tools.schema import RULES

ROOT = Path(__file__).resolve().parent.parent
# The README, and the sections helpers write for it (docs/readme/*.md, folded in by the
# coordinator): a generated table must appear, unchanged, in one of them.
README = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [ROOT / "README.md", *sorted((ROOT / "docs" / "readme").glob("*.md"))]
    if p.exists()
)


def test_readme_column_reference_matches_columns_py():
    assert column_reference_markdown() in README


def test_readme_status_vocabulary_matches_columns_py():
    assert status_reference_markdown() in README


def test_readme_lists_every_rule():
    for rule in RULES.values():
        assert f"| `{rule.id}` | {SEVERITY_LABEL[rule.severity]} | {rule.title} |" in README


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme.split("## ")[1] if readme.startswith("## ") else readme[:800]
    assert "pip install . && ledger-tools check examples/示例台账.xlsx" in head
    assert 'pip install ".[test,excel]" && python -m pytest' in head
