"""Regular expressions compiled when first used (``lazy``).

Every command starts a fresh process, and compiling a pattern is pure-Python work paid in each
one: a character range such as ``[\\u4e00-\\u9fff]`` alone takes about a millisecond, and the
reader's modules define some two hundred patterns. Most of them serve layouts and wordings a
given ledger never has (footers, signature rows, colour legends, 第N批 deadlines …); defined
with ``lazy`` they cost nothing until a ledger needs them.
"""

from __future__ import annotations

import re
from typing import Any

# What callers use of a compiled pattern: copied onto the stand-in on first use, so later
# calls go straight to the compiled pattern's own methods (no ``__getattr__`` step).
_ATTRS = (
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``, compiled on the first attribute asked for."""

    def __init__(self, pattern: Any, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like probe for these
            raise AttributeError(name)
        compiled = re.compile(*self._args)
        for attr in _ATTRS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(pattern: Any, flags: int = 0) -> Any:
    """``re.compile(pattern, flags)``, done when the pattern is first used. Use it for module
    constants; the result has the methods of ``re.Pattern`` (not for ``re.sub(p, …)``)."""
    return LazyPattern(pattern, flags)
