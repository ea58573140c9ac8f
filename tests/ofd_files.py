"""OFD files (GB/T 33190) for the import tests, written as OFD producers lay pages out.

``ofd_from_pdf`` re-lays a real PDF (LibreOffice's, of a genre .docx) as an OFD: one text object
per word that ``pdftotext -bbox`` finds, its characters placed by ``DeltaX`` (with the ``g``
repetition writers use), the table rules pdfplumber finds as path objects, and the page
number in a template page as 数科/福昕 writers put running footers. ``write_ofd`` writes pages
given directly (for the parser's corner cases).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MM = 72 / 25.4
NS = "http://www.ofdspec.org/2016"


def _text_object(i: int, x: float, y: float, size: float, text: str, step: float) -> str:
    """A word at (x, y) mm (its top left), ``size`` mm high, characters ``step`` mm apart."""
    deltas = f"g {len(text) - 1} {step:.3f}" if len(text) > 1 else ""
    attr = f' DeltaX="{deltas}"' if deltas else ""
    width = step * len(text)
    return (
        f'<ofd:TextObject ID="{i}" Boundary="{x:.3f} {y:.3f} {width:.3f} {size * 1.2:.3f}" '
        f'Font="3" Size="{size:.3f}"><ofd:FillColor Value="0 0 0"/>'
        f'<ofd:TextCode X="0" Y="{size * 0.88:.3f}"{attr}>{escape(text)}</ofd:TextCode>'
        "</ofd:TextObject>"
    )


def _path_object(i: int, x0: float, y0: float, x1: float, y1: float) -> str:
    x, y = min(x0, x1), min(y0, y1)
    return (
        f'<ofd:PathObject ID="{i}" Boundary="{x:.3f} {y:.3f} {abs(x1 - x0) + 0.5:.3f} '
        f'{abs(y1 - y0) + 0.5:.3f}" LineWidth="0.25"><ofd:AbbreviatedData>'
        f"M {x0 - x:.3f} {y0 - y:.3f} L {x1 - x:.3f} {y1 - y:.3f}"
        "</ofd:AbbreviatedData></ofd:PathObject>"
    )


def write_ofd(
    out: Path,
    pages: list[list[str]],
    template: list[str] | None = None,
    size: tuple[float, float] = (210, 297),
    sizes: list[tuple[float, float] | None] | None = None,
) -> Path:
    """An OFD of ``pages`` (each a list of object elements as XML text), with ``template``
    objects on every page, the document's page area ``size`` mm and a page's own where
    ``sizes`` gives one (a landscape annex)."""
    ofd = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" '
        'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID>'
        "<ofd:Creator>ledger-tools tests</ofd:Creator></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    listed = "".join(
        f'<ofd:Page ID="{100 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
        for n in range(len(pages))
    )
    tpl = '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template else ""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}">'
        f"<ofd:CommonData><ofd:MaxUnitID>999999</ofd:MaxUnitID><ofd:PageArea>"
        f"<ofd:PhysicalBox>0 0 {size[0]} {size[1]}</ofd:PhysicalBox></ofd:PageArea>"
        f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{tpl}</ofd:CommonData>"
        f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>"
    )
    res = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
        '<ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/>'
        "</ofd:Fonts></ofd:Res>"
    )

    def content(
        objects: list[str], with_template: bool, own: tuple[float, float] | None = None
    ) -> str:
        used = '<ofd:Template TemplateID="2" ZOrder="Background"/>' if with_template else ""
        if own:
            used = f"<ofd:Area><ofd:PhysicalBox>0 0 {own[0]:.3f} {own[1]:.3f}</ofd:PhysicalBox></ofd:Area>{used}"
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{used}'
            f'<ofd:Content><ofd:Layer ID="9">{"".join(objects)}</ofd:Layer></ofd:Content>'
            "</ofd:Page>"
        )

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", ofd)
        zf.writestr("Doc_0/Document.xml", document)
        zf.writestr("Doc_0/PublicRes.xml", res)
        if template:
            zf.writestr("Doc_0/Tpls/Tpl_0/Content.xml", content(template, False))
        for n, objects in enumerate(pages):
            own = sizes[n] if sizes else None
            zf.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", content(objects, bool(template), own))
    return out


def ofd_from_pdf(pdf: Path, out: Path) -> Path:
    """The OFD an OFD producer would write of ``pdf``: each run of characters on one baseline
    a text object, the characters where the PDF puts them (their origins, by ``DeltaX``), its
    table rules as paths. Characters and rules as pdfplumber finds them."""
    import pdfplumber

    pages = []
    sizes: list[tuple[float, float] | None] = []
    n = 1
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            height = float(page.height)
            sizes.append((float(page.width) / MM, height / MM))
            objects = []
            for run in _runs(page.chars, height):
                x, y, size, text, steps = run
                objects.append(_run_object(n, x, y, size, text, steps))
                n += 1
            for e in page.edges:
                objects.append(
                    _path_object(n, e["x0"] / MM, e["top"] / MM, e["x1"] / MM, e["bottom"] / MM)
                )
                n += 1
            pages.append(objects)
    return write_ofd(out, pages, sizes=sizes)


def _runs(chars: list[dict], height: float) -> list[tuple[float, float, float, str, list[float]]]:
    """(x, baseline y, size in mm, text, steps) of each run of characters that follow each
    other on one baseline in one size, top to bottom and left to right."""
    runs: list[tuple[float, float, float, str, list[float]]] = []
    placed = sorted(
        ((height - c["matrix"][5]) / MM, c["matrix"][4] / MM, float(c["size"]) / MM, c["text"])
        for c in chars
        if c["text"].strip()
    )
    for y, x, size, text in placed:
        if runs:
            rx, ry, rsize, rtext, steps = runs[-1]
            last_x = rx + sum(steps)
            step = x - last_x
            if abs(ry - y) < 0.05 and abs(rsize - size) < 0.01 and 0 < step < 1.5 * size:
                steps.append(step)
                runs[-1] = (rx, ry, rsize, rtext + text, steps)
                continue
        runs.append((x, y, size, text, []))
    return runs


def _run_object(i: int, x: float, y: float, size: float, text: str, steps: list[float]) -> str:
    """A text object whose origin is the run's baseline start (the box's top a size above)."""
    deltas = _delta_text(steps)
    attr = f' DeltaX="{deltas}"' if deltas else ""
    width = sum(steps) + size
    return (
        f'<ofd:TextObject ID="{i}" Boundary="{x:.3f} {y - size:.3f} {width:.3f} {size * 1.3:.3f}" '
        f'Font="3" Size="{size:.3f}"><ofd:FillColor Value="0 0 0"/>'
        f'<ofd:TextCode X="0" Y="{size:.3f}"{attr}>{escape(text)}</ofd:TextCode>'
        "</ofd:TextObject>"
    )


def _delta_text(steps: list[float]) -> str:
    """``DeltaX`` as writers compress it: a run of equal steps as "g count step"."""
    out: list[str] = []
    i = 0
    while i < len(steps):
        j = i
        while j + 1 < len(steps) and abs(steps[j + 1] - steps[i]) < 0.001:
            j += 1
        count = j - i + 1
        out.append(
            f"g {count} {steps[i]:.3f}"
            if count > 2
            else " ".join(f"{steps[k]:.3f}" for k in range(i, j + 1))
        )
        i = j + 1
    return " ".join(out)
