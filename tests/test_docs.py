"""README.md is the user manual: its reference tables are generated from the one definition in the
code and must not drift; its links and pictures must point at files in the repository."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from ledger_tools.ledger.columns import (
    column_reference_markdown,
    status_reference_markdown,
    unused_reference_markdown,
)
from ledger_tools.ledger.findings import SEVERITY_LABEL
from ledger_tools.ledger.schema import RULES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_column_reference_matches_columns_py():
    assert column_reference_markdown().strip() in README


def test_readme_status_vocabulary_matches_columns_py():
    assert status_reference_markdown().strip() in README


def test_readme_unused_columns_match_columns_py():
    assert unused_reference_markdown().strip() in README


def test_readme_lists_every_rule():
    missing = [
        rule.id
        for rule in RULES.values()
        if f"| `{rule.id}` | {SEVERITY_LABEL[rule.severity]} | {rule.title} |" not in README
    ]
    assert not missing, f"README 的校验规则表缺少：{missing}（用 schema.RULES 的级别和标题）"


def test_readme_rule_table_has_no_stale_rows():
    ids = set(RULES)
    rows = re.findall(r"^\| `([a-z][a-z0-9-]+)` \| (?:错误|警告|提示) \|", README, flags=re.M)
    assert rows, "README 中没有找到校验规则表"
    assert set(rows) <= ids, f"README 列出了代码中没有的规则：{sorted(set(rows) - ids)}"


def test_readme_starts_with_the_two_commands():
    head = README[:800]
    assert "pip install . && ledger-tools check examples/示例台账.xlsx" in head
    assert 'pip install ".[test,excel,web]" && python -m pytest' in head


def test_readme_links_and_pictures_exist():
    # [text](path) and ![alt](path): every relative target is a file in the repository.
    targets = re.findall(r"!?\[[^\]]*\]\(([^)\s]+)\)", README)
    relative = [t for t in targets if not t.startswith(("#", "http://", "https://", "mailto:"))]
    assert relative, "README 中没有找到相对链接"
    missing = [t for t in relative if not (ROOT / unquote(t.split("#")[0])).exists()]
    assert not missing, f"README 链接的文件不存在：{missing}"


def test_readme_is_self_contained():
    # The per-feature drafts were folded in and removed; nothing may point outside the repository.
    assert "docs/readme" not in README
    assert "../" not in README
