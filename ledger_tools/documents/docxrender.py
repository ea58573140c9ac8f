"""Rendering a docxtpl template in linear time, streamed into the output zip.

docxtpl renders the body to one string, parses it into a new lxml tree, then moves that tree
into python-docx's document (``map_tree``: lxml walks every moved node to fix its namespace
references, which grows faster than linearly: 29 s of a 51 s ``plan`` at 40,000 measures),
runs ``resolve_listing`` (regular expressions over every paragraph, run and text of the
document, for the rare value holding a newline or tab) and serialises the tree again.

Here the template is prepared exactly as docxtpl prepares it (``patch_xml``: tags Word split
across runs joined, ``{%p``/``{%tr``/``{%tc`` moved to their element, ``{% vm %}`` …), and
Jinja's output is written straight into ``word/document.xml`` of the output zip, chunk by
chunk, so memory stays flat however large the document. On the way:

* line breaks and tabs inside a printed value become ``<w:br/>``/``<w:tab/>`` once, when the
  value is printed (``listing``), instead of a pass over the whole document;
* the output is checked to be well-formed XML by expat as it streams (no tree is built);
* the rest of what docxtpl's ``render`` does is kept: the numbering of ``wp:docPr`` ids
  (pictures in loops), the table-grid repair ``fix_tables`` (only when the template has
  ``{%tc`` column loops, the one case that needs it), headers, footers, footnotes and the
  core properties rendered the same way.

When expat finds the output is not well-formed (a ``{%p``/``{%tr`` tag placed so that
elements do not nest), the part is rendered again the way docxtpl does it, with lxml's
recovering parser, so a template that worked before keeps working.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ledger_tools.documents.sandbox import (
    Budget,
    FieldWatch,
    generate,
    strip_external_links,
    strip_live_fields,
    strip_mail_merge,
)

W_BR = '</w:t><w:br/><w:t xml:space="preserve">'
W_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_DOCPR = re.compile(r'(<wp:docPr\b[^>]*?\bid=")[^"]*(")')
_FLUSH = 1 << 20  # characters buffered before a chunk is transformed and written
_BATCH = 1024  # Jinja's chunks taken at a time
VBA_TYPES = ("/vbaProject", "/wordVbaData", "/keyMapCustomizations")
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Jinja tags in one template. The built-in templates have at most about 240; a 90 KB template
# of 200,000 paragraphs, each a tag Word split in three runs, took 1.8 GB and 16 s to compile
# (about 9 KB per tag) before failing for memory.
MAX_TEMPLATE_TAGS = 10_000
# Characters of one rendered part (body, a header, footer or footnotes). docxtpl's
# ``patch_xml`` matches patterns that span from one table row, cell or tag to the next; Python's
# regular expressions keep about 75 bytes per character of such a span: a 2.8 MB template (one
# small table, then 300,000 short paragraphs: 23 million characters) took 2 GB. The built-in
# templates have under 100,000 characters; 8 million are about 250 pages.
MAX_PART_CHARS = 8_000_000
_TAG_OPEN = re.compile(r"\{\{|\{%|\{#")


class TooManyTags(Exception):
    """A template with more tags than ``MAX_TEMPLATE_TAGS``: ``count`` in all, most of them
    in the part labelled ``label``."""

    def __init__(self, count: int, label: str) -> None:
        super().__init__(count, label)
        self.count = count
        self.label = label


class PartTooLarge(Exception):
    """A part to render longer than ``MAX_PART_CHARS``: its ``label`` and ``size``."""

    def __init__(self, label: str, size: int) -> None:
        super().__init__(label, size)
        self.label = label
        self.size = size


def check_part_size(label: str, xml: str) -> None:
    """Raise ``PartTooLarge`` for a part too long to be patched (``MAX_PART_CHARS``)."""
    if len(xml) > MAX_PART_CHARS:
        raise PartTooLarge(label, len(xml))


def check_tag_count(sources: list[tuple[str, str]]) -> None:
    """Raise ``TooManyTags`` when the patched sources, (part label, source), hold more tags
    than ``MAX_TEMPLATE_TAGS`` in all: counted before Jinja parses or compiles anything."""
    counts = [(sum(1 for _ in _TAG_OPEN.finditer(source)), label) for label, source in sources]
    total = sum(count for count, _ in counts)
    if total > MAX_TEMPLATE_TAGS:
        raise TooManyTags(total, max(counts)[1])


def _join_paragraph_lines(text: str) -> str:
    """The line break ``source_lines`` put before each paragraph removed again (as
    ``re.sub(r"\\n<w:p([ >])", r"<w:p\\1", text)``, without a match object per paragraph)."""
    return text.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")


def unescape_braces(text: str) -> str:
    """docxtpl's literal braces: ``{_{`` ``}_}`` ``{_%`` ``%_}`` written as ``{{`` ``}}`` ``{%``
    ``%}`` once the template has been rendered."""
    return text.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")


class NotWellFormed(Exception):
    """The rendered XML of a part does not parse; ``line`` is the line in the source."""


class Unjoined(Exception):
    """A printed value the piecewise output cannot take as it is (see ``Pieces``)."""


class Pieces:
    """Whether a render's output is made ready piece by piece (``on``), instead of by
    docxtpl's passes over the whole rendered text: the line breaks ``source_lines`` put
    before each paragraph taken out of the template's own text once, when it is compiled,
    and ``unescape_braces`` applied to that text and to each printed value
    (``value``). Replacing in the whole text costs a third of a 40,000-measure plan's render
    (122 million characters, searched for five patterns); the pieces are the same text.

    Why the result is the same: the output is the template's text pieces and the printed
    values, in some order. The paragraph line breaks removed from the text were each
    followed by ``<w:p`` inside the same piece, so docxtpl's pass finds exactly them when no
    other line break is left (``joinable``: none in the text; ``value``: none in a value).
    Each brace pattern is three characters with ``_`` in the middle, so an occurrence
    spanning two pieces would need a piece to start or end with ``_``; none does (checked
    likewise), and replacing keeps a piece's first and last characters, so replacing piece
    by piece finds the same occurrences as replacing in the whole. A value that breaks a
    condition raises ``Unjoined``: the document is written again the usual way.

    Only the built-in templates (``trusted``) render this way: ``value`` is applied by their
    environment's finalize to every printed value, and ``joinable`` refuses a template
    whose output could come from anything else (macros, call, filter and set blocks)."""

    def __init__(self) -> None:
        self.on = False

    @staticmethod
    def value(text: str) -> str:
        """``text`` (a printed value, escaped) as it stands in the output, or ``Unjoined``."""
        if "\n" in text or text[:1] == "_" or text[-1:] == "_":
            raise Unjoined
        return unescape_braces(text)

    @staticmethod
    def joinable(ast: Any) -> bool:
        """Whether the parsed template ``ast`` can be rendered piece by piece."""
        from jinja2 import nodes

        blocks = (nodes.Macro, nodes.CallBlock, nodes.FilterBlock, nodes.AssignBlock)
        if next(ast.find_all(blocks), None) is not None:
            return False
        for node in ast.find_all(nodes.TemplateData):
            data = unescape_braces(_join_paragraph_lines(node.data))
            if "\n" in data or data[:1] == "_" or data[-1:] == "_":
                return False
        return True

    @staticmethod
    def join(ast: Any) -> Any:
        """``ast`` with its text pieces as they stand in the output."""
        from jinja2 import nodes

        for node in ast.find_all(nodes.TemplateData):
            node.data = unescape_braces(_join_paragraph_lines(node.data))
        return ast


def listing(text: str) -> str:
    """An escaped value's line breaks and tabs as Word elements (docxtpl's resolve_listing,
    done once for the value instead of over the whole document)."""
    if "\n" in text:
        text = text.replace("\r\n", "\n").replace("\n", W_BR)
    if "\t" in text:
        text = text.replace("\t", W_TAB)
    return text


def source_lines(tpl: Any, xml: str) -> str:
    """A part's XML as Jinja sees it: patched by docxtpl, one paragraph per line (so an
    error's line number is a paragraph number)."""
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))


@dataclass
class Part:
    """One XML part of the template to render: its zip name and its patched source."""

    name: str  # zip member, e.g. word/document.xml
    source: str
    label: str  # 正文, 页眉, 页脚, 脚注
    changes_columns: bool = False  # see ``changes_columns``


def template_parts(tpl: Any) -> list[Part]:
    """The body, headers, footers and footnotes of a loaded ``DocxTemplate``."""
    from lxml import etree

    doc = tpl.docx
    body = etree.tostring(doc.element, encoding="unicode")
    check_part_size("正文", body)
    parts = [
        Part(doc.part.partname.lstrip("/"), source_lines(tpl, body), "正文", changes_columns(body))
    ]
    labels = {tpl.HEADER_URI: "页眉", tpl.FOOTER_URI: "页脚"}
    for rel in doc.part.rels.values():
        label = labels.get(rel.reltype) or ("脚注" if rel.reltype.endswith("/footnotes") else "")
        if label and not rel.is_external and rel.target_part.blob:
            xml = etree.tostring(etree.fromstring(rel.target_part.blob), encoding="unicode")
            check_part_size(label, xml)
            name = rel.target_part.partname.lstrip("/")
            parts.append(Part(name, source_lines(tpl, xml), label, changes_columns(xml)))
    return parts


class _Writer:
    """Transforms Jinja's output chunks (docxtpl's post-processing) and checks them."""

    def __init__(self, docpr_start: int | None, verify: bool, joined: bool = False) -> None:
        import xml.parsers.expat

        self.parser = xml.parsers.expat.ParserCreate() if verify else None
        # a template of unknown origin (verify) may build a field code the source had not:
        # followed in the chunks that name a field element (rare), and while inside one
        self.fields = FieldWatch() if verify else None
        self.docpr = docpr_start
        self.expat_error = xml.parsers.expat.ExpatError
        self.joined = joined  # made ready piece by piece (``Pieces``)

    def _renumber(self, m: re.Match[str]) -> str:
        assert self.docpr is not None  # called only when numbering (``transform``)
        self.docpr += 1
        return f"{m.group(1)}{self.docpr}{m.group(2)}"

    def transform(self, text: str, final: bool = False) -> bytes:
        if not self.joined:
            text = _join_paragraph_lines(text)
            if "{_" in text or "_}" in text or "%_" in text:
                text = unescape_braces(text)
        if self.docpr is not None and "<wp:docPr" in text:
            text = _DOCPR.sub(self._renumber, text)
        data = text.encode("utf-8")
        if self.parser is None:
            return data
        self._watch(data)
        try:
            self.parser.Parse(data, final)
        except self.expat_error as exc:
            raise NotWellFormed(str(exc)) from None
        if final and self.fields is not None:
            self.fields.finish()
        return data

    def _watch(self, data: bytes) -> None:
        watch = self.fields
        assert watch is not None and self.parser is not None
        on = watch.inside or any(n in data for n in watch.NAMES)
        self.parser.StartElementHandler = watch.start if on else None
        self.parser.EndElementHandler = watch.end if on else None
        self.parser.CharacterDataHandler = watch.data if on else None


def stream_part(
    chunks: Iterator[str], docpr_start: int | None = 1000, verify: bool = True, joined: bool = False
) -> Iterator[bytes]:
    """docxtpl's post-processing of ``chunks`` (rendered XML), as UTF-8 bytes ready for the
    zip, cut only after a ``>`` so that no pattern is split between two chunks. With
    ``verify``, expat checks that the XML is well-formed (``NotWellFormed`` if not).
    ``docpr_start`` numbers the drawings' ``wp:docPr`` ids from there (``None``: left as
    they are — docxtpl renumbers only the body's, so headers and footers keep their own ids,
    which must not collide with the body's). ``joined``: the chunks are already joined and
    unescaped (``Pieces``)."""
    writer = _Writer(docpr_start, verify, joined)
    yield writer.transform(XML_DECLARATION)
    buffer: list[str] = []
    size, limit = 0, _FLUSH
    # Jinja yields a chunk per printed value (900,000 in a 40,000-measure plan): taken
    # and joined a batch at a time, the size is looked at once per batch
    # (a batch ends the loop only when it is empty, not when its text is)
    for batch in iter(lambda: list(itertools.islice(chunks, _BATCH)), []):
        chunk = "".join(batch)
        buffer.append(chunk)
        size += len(chunk)
        if size >= limit:
            text = "".join(buffer)
            cut = text.rfind(">") + 1
            if cut:
                yield writer.transform(text[:cut])
            buffer, size = [text[cut:]], len(text) - cut
            limit = size + _FLUSH  # text without '>' waits for more, joined once per MB
    yield writer.transform("".join(buffer), final=True)


def recovered_part(chunks: Iterator[str], fix_tables: Any, joined: bool = False) -> bytes:
    """The part rendered the way docxtpl does: one string, parsed by lxml's recovering parser
    (which repairs what it can), ``fix_tables`` applied, serialised. ``joined``: the chunks
    are already joined and unescaped (``Pieces``)."""
    from lxml import etree

    text = "".join(chunks)
    tree = fix_tables(text if joined else unescape_braces(_join_paragraph_lines(text)))
    FieldWatch().tree(tree)
    return XML_DECLARATION.encode() + etree.tostring(tree, encoding="utf-8")


def changes_columns(xml: str) -> bool:
    """Whether the template's tags can change a table row's cell count (column loops
    ``{%tc``, ``{% hm %}``, ``{% colspan %}``): only then can a table's grid disagree with
    its rows and need docxtpl's ``fix_tables``."""
    text = re.sub(r"<[^>]+>", "", xml)
    return bool(re.search(r"\{%\s*(tc\b|hm\s*%|colspan\b)", text))


def strip_macros(doc: Any) -> int:
    """Drop the VBA project (macros) and its data from a python-docx ``Document``: a document
    generated for a clerk never carries code. Returns the number of parts dropped."""
    dropped = 0
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(VBA_TYPES):
            del doc.part.rels[rid]
            dropped += 1
    return dropped


def write_docx(
    skeleton: bytes, rendered: Mapping[str, Iterator[bytes] | bytes], out: Path | io.BytesIO
) -> None:
    """The output zip: ``skeleton`` (python-docx's save of the template, core properties
    already rendered) with the members of ``rendered`` replaced by their streamed content."""
    with (
        zipfile.ZipFile(io.BytesIO(skeleton)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as dst,
    ):
        for info in src.infolist():
            if info.filename not in rendered:
                dst.writestr(info, src.read(info.filename))
                continue
            content = rendered[info.filename]
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(entry, "w", force_zip64=True) as fh:
                if isinstance(content, bytes):
                    fh.write(content)
                else:
                    _write_behind(fh, content)


def _write_behind(fh: Any, content: Iterator[bytes]) -> None:
    """Write ``content`` into ``fh`` (a zip member), each chunk compressed in a second thread
    while the next is rendered: zlib and crc32 release the GIL, so on two cores compressing
    costs no time of its own. One write at a time, in order; the render (and the watchdog's
    interrupt) stays in the calling thread, and an error on either side propagates."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="ledger-tools-zip") as pool:
        pending = None
        for data in content:
            if pending is not None:
                pending.result()
            pending = pool.submit(fh.write, data)
        if pending is not None:
            pending.result()


def render_template(
    tpl: Any,
    env: Any,
    context: dict[str, Any],
    budget: Budget | None,
    out: Path | io.BytesIO,
    verify: bool = True,
) -> None:
    """Render the loaded ``DocxTemplate`` ``tpl`` with ``env`` into ``out`` (its core
    properties as they are: see ``render_properties``). Jinja errors propagate with
    ``exc.part`` (a ``Part``) set, for the caller to locate them.

    ``verify=False`` skips the well-formedness check (a quarter of the time of a large
    document) for the built-in templates: values are escaped, so whether their output is
    well-formed depends on the template alone, and the tests render and parse each one."""
    parts = template_parts(tpl)
    check_tag_count([(part.label, part.source) for part in parts])
    pieces: Pieces | None = getattr(env, "pieces", None)  # the trusted environment's
    compiled = _compile(parts, env, pieces)
    strip_macros(tpl.docx)
    strip_external_links(tpl.docx)
    strip_mail_merge(tpl.docx)
    skeleton = io.BytesIO()
    tpl.docx.save(skeleton)
    recover = {p.name for p in parts if p.changes_columns}
    while True:
        joined = pieces is not None and pieces.on
        rendered = {
            part.name: _part_bytes(
                part, template, context, budget, tpl, part.name in recover, verify, joined
            )
            for part, template in compiled
        }
        try:
            write_docx(skeleton.getvalue(), rendered, out)
            return
        except NotWellFormed as exc:
            # rare: written again from the start, this part the way docxtpl does it
            recover.add(exc.args[1])
        except Unjoined:
            # a value starting or ending with "_" (or holding a line break): written again
            # from the start, the output made ready the usual way
            assert pieces is not None
            pieces.on = False
            compiled = _compile(parts, env, None)
        if isinstance(out, io.BytesIO):
            out.seek(0)
            out.truncate()


def _compile(parts: list[Part], env: Any, pieces: Pieces | None) -> list[tuple[Part, Any]]:
    """Each part compiled by ``env``: joined piece by piece when ``pieces`` is given and
    every part allows it (``Pieces``), the usual way otherwise. Sets ``pieces.on``."""
    sources = [strip_live_fields(part.source) for part in parts]
    if pieces is None:
        pairs = zip(parts, sources, strict=True)
        return [(part, _compiled(part, env, source)) for part, source in pairs]
    asts = [
        _compiled(part, env, source, parse=True)
        for part, source in zip(parts, sources, strict=True)
    ]
    # set before compiling: Jinja finalizes constant output when it compiles
    pieces.on = all(Pieces.joinable(ast) for ast in asts)
    if not pieces.on:
        return _compile(parts, env, None)
    pairs = zip(parts, asts, strict=True)
    return [(part, _compiled(part, env, Pieces.join(ast))) for part, ast in pairs]


def _compiled(part: Part, env: Any, source: Any, parse: bool = False) -> Any:
    """``env``'s template of ``source`` (text or a parsed template), or its parse alone;
    an error carries ``part``."""
    try:
        return env.parse(source) if parse else env.from_string(source)
    except Exception as exc:
        exc.part = part  # type: ignore[attr-defined]
        raise


def _part_bytes(
    part: Part,
    template: Any,
    context: dict[str, Any],
    budget: Budget | None,
    tpl: Any,
    recover: bool,
    verify: bool,
    joined: bool = False,
) -> Iterator[bytes]:
    try:
        # a trusted (built-in) template renders without a budget: nothing to count
        chunks = (
            template.generate(context) if budget is None else generate(template, context, budget)
        )
        if recover:
            yield recovered_part(chunks, tpl.fix_tables, joined)
        else:
            try:
                body = part.name == "word/document.xml"
                yield from stream_part(chunks, 1000 if body else None, verify, joined)
            except NotWellFormed as exc:
                raise NotWellFormed(exc.args[0], part.name) from None
    except (NotWellFormed, Unjoined):
        raise
    except Exception as exc:
        exc.part = part  # type: ignore[attr-defined]
        raise


def render_properties(tpl: Any, env: Any, context: dict[str, Any]) -> None:
    """The core properties rendered as docxtpl renders them (same fields)."""
    cp = tpl.docx.core_properties
    for prop in ("author", "comments", "identifier", "language", "subject", "title"):
        value = getattr(cp, prop)
        if value and ("{{" in value or "{%" in value):
            setattr(cp, prop, str(env.from_string(value).render(context)))
