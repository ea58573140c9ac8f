"""``lazyre.lazy``: a module's rarely needed patterns are compiled on first use, and then
behave exactly as ``re.compile``'s."""

from __future__ import annotations

import re

from ledger_tools import lazyre
from ledger_tools.lazyre import lazy


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source = r"(\d{4})\s*年(?:底|末)?"
    text = "2024年底前完成，2025 年末巩固，另见2026年"
    p, c = lazy(source), re.compile(source)
    assert p.findall(text) == c.findall(text) == ["2024", "2025", "2026"]
    assert p.sub("某", text) == c.sub("某", text)
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in c.finditer(text)]
    assert p.search(text).group(1) == "2024"
    assert p.match("年底") is None and p.fullmatch("2024年") is not None
    assert p.split(text) == c.split(text)
    assert (p.pattern, p.flags, p.groups) == (c.pattern, c.flags, c.groups)


def test_compiled_once_and_only_when_first_used(monkeypatch):
    calls = []
    real = re.compile
    monkeypatch.setattr(lazyre.re, "compile", lambda *a: calls.append(a) or real(*a))
    p = lazy("牵头(?:单位|部门)", re.I)
    assert calls == []  # defining it compiles nothing
    assert p.search("由牵头部门负责") is not None
    assert p.findall("牵头单位、牵头部门") == ["牵头单位", "牵头部门"]
    assert calls == [("牵头(?:单位|部门)", re.I)]  # once, with its flags


def test_the_readers_rare_patterns_are_left_uncompiled_until_needed():
    from ledger_tools.ledger import normalise

    # a 民主生活会 list's person headings are rare: the pattern stays a stand-in until one is met
    assert isinstance(normalise._PERSON_HEADING, lazyre.LazyPattern)
    assert normalise._PERSON_HEADING.search("一、党组书记、局长 张某某") is not None
