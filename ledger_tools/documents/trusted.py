"""The built-in templates, recognised by their content, render outside the sandbox.

The sandbox (``sandbox.make_sandbox``) exists for templates that arrive from elsewhere: every
attribute access, call, operator and printed value of a template is checked and counted. Our
own templates need none of it (they print the context and loop over it, linearly), and at
40,000 measures those checks are a sixth of a ``plan``. So a template whose bytes are exactly
one of the shipped built-in templates renders in a plain Jinja environment with the same
autoescape, ``StrictUndefined``, ``finalize`` and filters: the same document, faster.

Trust is decided by the SHA-256 of the template file's bytes, read once (the bytes hashed
are the bytes rendered), never by its name, folder or a flag: a user's template, however it
is named or wherever it is put (even in place of a built-in file inside the installation),
differs in content and is sandboxed. tests/test_trusted.py proves it, checks that these
digests are those of the files in ``doc_templates/``, and that both environments write the
same document.

When a built-in template is edited, its digest here must be updated (the test prints the
new table); until then the template is simply sandboxed, as correct and slower.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from ledger_tools.documents.sandbox import DictItemsFirst

BUILTIN_DIGESTS = {
    "整改情况报告.docx": "c30bf2a718bc9783e48437fa1582284714f3cb165a5b11c062258468b7885ce1",
    "整改方案.docx": "ffb4ce5536bbaec462a050f836f8473bc62e202bc201ac5c7e63bc6b5df914fe",
    "整改进展情况通报.docx": "f2e0dd014619c62be7f7232dcab0e732be991b62dbdc965b583eaec688082840",
    "汇总报告.docx": "e51d2a65638d61aea52893f41ee2422358463d71d0234ee6078fb4ffd23168b4",
    "督办通知.docx": "e0ec21bcab1bbaeb4596c35ccd0882061e3db2227f1bf3c535024cf2be3dcc0b",
}
_TRUSTED = frozenset(BUILTIN_DIGESTS.values())


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_builtin(data: bytes) -> bool:
    """Whether ``data`` (a template file's bytes) is one of the shipped built-in templates."""
    return digest(data) in _TRUSTED


def unread_parts(data: bytes) -> frozenset[str]:
    """The optional parts of the context (``context.OPTIONAL_PARTS``) that the template in
    ``data`` never names, when it is a built-in template (``is_builtin``): its context need
    not build them (a report of 40,000 measures builds no 通报段落 and no statistics
    groupings it would not print). Empty for any other template: a user's template may reach
    a part without spelling its name (``items()``, a whole dict printed), so it gets it all.
    A built-in template names what it prints (tests/test_trusted.py renders each with and
    without the parts and compares the documents)."""
    if not is_builtin(data):
        return frozenset()
    import io
    import zipfile

    from ledger_tools.documents.context import OPTIONAL_PARTS

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        text = "".join(
            re.sub(r"<[^>]*>", "", zf.read(name).decode("utf-8"))
            for name in zf.namelist()
            if name.endswith(".xml")
        )
    return frozenset(
        part for part, names in OPTIONAL_PARTS.items() if not any(n in text for n in names)
    )


def make_trusted_env(finalize: Callable[[Any], Any], filters: dict[str, Callable[..., Any]]) -> Any:
    """A plain Jinja environment printing what the sandbox prints (every value finalized,
    then escaped; StrictUndefined; ``filters``) for the built-in templates only
    (``is_builtin``)."""
    from jinja2 import Environment, StrictUndefined

    # Autoescaping is done by the finalize below instead of by Jinja, which would wrap every
    # printed value in a Markup object (a Python-level constructor, a quarter of a plan's
    # render). The built-in templates print values and loop; they build no markup with ~,
    # join, macros or |safe, where the two would differ (test_trusted compares documents).
    class TrustedEnvironment(DictItemsFirst, Environment):
        pieces: Pieces  # set below

    from ledger_tools.documents.docxrender import Pieces

    # the output made ready piece by piece when the template allows it (docxrender.Pieces):
    # decided when the template is compiled, applied here to each printed value
    pieces = Pieces()
    env = TrustedEnvironment(
        autoescape=False, undefined=StrictUndefined, finalize=escaping(finalize, pieces)
    )
    env.pieces = pieces
    env.filters.update(filters)
    env.globals.pop("lipsum", None)
    return env


# markupsafe.escape's replacements, exactly
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&#34;"})
_SPECIAL = re.compile("[&<>'\"]")


def escaping(finalize: Callable[[Any], Any], pieces: Any = None) -> Callable[[Any], str]:
    """``finalize`` followed by what Jinja's autoescape does to a printed value
    (``markupsafe.escape``: markup as it is, anything else as escaped text), as a plain
    str; then, while ``pieces.on`` (a ``docxrender.Pieces``), the value as it stands in the
    output (``Pieces.value``)."""

    def finalize_and_escape(value: Any) -> str:
        value = finalize(value)
        if type(value) is str:  # nearly every value; a plain str has no __html__
            text = value
        elif hasattr(value, "__html__"):
            text = str(value.__html__())
            return pieces.value(text) if pieces is not None and pieces.on else text
        else:
            text = str(value)
        if _SPECIAL.search(text):
            text = text.translate(_ESCAPES)
        if pieces is not None and pieces.on and ("_" in text or "\n" in text):
            return pieces.value(text)
        return text

    return finalize_and_escape
