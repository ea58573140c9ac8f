"""The twelfth attack run: work that runs off the main thread (a service or the web page
calling the library from a worker thread), and imports of small files that expand into a
huge text or page count. Each crafted file is built for real; commands run in a child under
a 2 GB address-space limit (``hostile_files.run_limited``). What was tried and needed no
change is listed in docs/攻击测试记录.md (第十二轮攻击测试)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from test_render import AS_OF, make_template, sample

from ledger_tools.documents.context import build_context
from ledger_tools.documents.render import render_docx
from ledger_tools.documents.sandbox import Budget, TimeUp, watchdog
from ledger_tools.errors import TemplateError

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "examples" / "示例台账.xlsx"


def in_a_thread(work, wait: float = 60) -> dict:
    """Run ``work()`` in a worker thread (as the web page and services do); its result or
    the exception it raised."""
    result: dict = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - the test looks at what came out
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(wait)
    assert not thread.is_alive(), "the work in the thread did not stop"
    return result


def test_a_template_loop_in_a_worker_thread_stops_at_the_time_budget(tmp_path):
    """The watchdog interrupted only the main thread: rendered from a worker thread, a
    template looping over a plain list of the context (nothing the per-step checks count)
    ran on past 25 s of a 2-second budget, with no end. Now the watchdog raises in the
    render's own thread, and the render ends with the same Chinese message as on the
    command line, leaving no output."""
    tpl = make_template(
        tmp_path / "t.docx",
        "{% set x = range(99999)|list %}{% for a in x %}{% for b in x %}{% endfor %}{% endfor %}",
    )
    context = build_context(sample(), "report", as_of=AS_OF)
    out = tmp_path / "o.docx"
    result = in_a_thread(lambda: render_docx(tpl, context, out, budget=Budget(seconds=2)))
    error = result.get("error")
    assert isinstance(error, TemplateError), result
    assert "t.docx" in error.message and "超过 2 秒仍未完成" in error.message
    assert not out.exists()


def test_the_watchdog_leaves_nothing_behind_in_a_thread_that_finished_in_time():
    """A render that ends before its time: no TimeUp arrives later in the thread."""

    def work() -> str:
        with watchdog(Budget(seconds=0.2)):
            total = sum(range(1000))
        time.sleep(0.5)  # past the budget: a late interrupt would land here
        return str(total)

    assert in_a_thread(work) == {"value": "499500"}


def test_the_watchdog_passes_on_an_interrupt_it_did_not_send():
    def work() -> None:
        with watchdog(Budget(seconds=30)):
            raise TimeUp

    assert isinstance(in_a_thread(work)["error"], TimeUp)


# ---------------------------------------------------------------------------------------------
# The web page's document buttons


starlette = pytest.importorskip("starlette")


@pytest.fixture
def page(monkeypatch, tmp_path):
    import warnings

    with warnings.catch_warnings():  # (starlette would rather have httpx2; httpx does)
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from ledger_tools.web import app as web_app
    from ledger_tools.web import service

    monkeypatch.setattr(web_app, "_WORK", None)  # (a limiter of this test's event loop)
    workspace = service.Workspace()
    app = web_app.create_app("t" * 32, 8765, workspace)
    client = TestClient(app, base_url="http://127.0.0.1:8765")
    client.headers["X-Ledger-Token"] = "t" * 32
    with client:
        yield client, workspace, service
    workspace.close()


def test_a_document_button_that_runs_past_its_time_stops_in_chinese(page, monkeypatch):
    """The page's document buttons render in a worker thread, one request at a time: a
    render that never ended would hold up every later request. Their work (reading the
    ledger, rendering the .docx), a marked copy and a check now have a time limit
    (``service.WORK_SECONDS``, here lowered so that the example ledger runs past it), and
    the page gets a Chinese answer; nothing is left in the workspace and the next request
    is served."""
    client, workspace, service = page
    upload = client.post("/api/upload", files={"file": ("台账.xlsx", LEDGER.read_bytes())})
    assert upload.status_code == 200, upload.text
    key = upload.json()["id"]
    before = sorted(p.name for p in workspace.root.rglob("*"))
    monkeypatch.setattr(service, "WORK_SECONDS", 0.001)
    res = client.post("/api/download", json={"id": key, "what": "plan", "as_of": "2024-05-10"})
    assert res.status_code == 400, res.text
    message = res.json()["error"]
    assert "生成整改方案（台账.xlsx）超过 0.001 秒仍未完成，已停止" in message, message
    assert sorted(p.name for p in workspace.root.rglob("*")) == before  # no output left
    res = client.post("/api/download", json={"id": key, "what": "marked"})
    assert res.status_code == 400 and "生成标注副本（台账.xlsx）超过 0.001 秒" in res.text
    res = client.post("/api/check", json={"id": key})
    assert res.status_code == 400 and "校验台账（台账.xlsx）超过 0.001 秒" in res.text
    assert sorted(p.name for p in workspace.root.rglob("*")) == before
    monkeypatch.setattr(service, "WORK_SECONDS", 600.0)
    res = client.post("/api/download", json={"id": key, "what": "plan", "as_of": "2024-05-10"})
    assert res.status_code == 200 and res.content[:2] == b"PK", res.text


# ---------------------------------------------------------------------------------------------
# import: PDF, .doc, .rtf, .odt that are small, or claim to be, and expand


def _import(tmp_path: Path, source: Path, timeout: float = 180) -> tuple[dict, str, Path]:
    from hostile_files import run_limited
    from test_attack3 import clean

    out = tmp_path / "台账.xlsx"
    r = run_limited(["import", str(source), "-o", str(out)], timeout=timeout)
    return r, clean(r), out


@pytest.mark.parametrize(
    ("name", "head"), [("大.pdf", b"%PDF-1.4\n"), ("大.doc", b"\xd0\xcf\x11\xe0")]
)
def test_a_pdf_or_doc_past_the_size_limit_is_refused_before_it_is_read(tmp_path, name, head):
    """A PDF or .doc of any size was copied to a temporary folder and handed to pdftotext or
    LibreOffice. Now its size on disk is looked at first (a sparse file: no disk used)."""
    from ledger_tools.importing.extract import MAX_DOCUMENT_BYTES

    source = tmp_path / name
    with source.open("wb") as fh:
        fh.write(head)
        fh.truncate(MAX_DOCUMENT_BYTES + (1 << 20))
    r, text, out = _import(tmp_path, source)
    assert r["code"] == 2 and not out.exists(), text
    assert f"“{name}”有 201 MB，超过导入的上限 200 MB" in text, text
    assert r["wall"] < 60, r["wall"]


_TABLE_ROW = (
    b"\\trowd"
    + b"".join(b"\\cellx%d" % (100 * i + 100) for i in range(60))
    + b"a\\cell " * 60
    + b"\\row\n"
)
_RTF_BODIES = {  # (ids only: a body in the test's id reaches the environment of its children)
    "三百万段.rtf": (b"x\\par\n", 3_000_000, "3,000,000"),
    "大表.rtf": (_TABLE_ROW, 4_000, "244,000"),
}


@pytest.mark.parametrize("name", list(_RTF_BODIES))
def test_an_rtf_of_too_many_paragraphs_or_cells_is_refused_before_it_is_converted(tmp_path, name):
    """18 MB of "x\\par" (three million paragraphs) took LibreOffice to the 2 GB limit and
    ended in “未能转换”; a table of 1.2 million cells (20 MB) ran to the two-minute limit.
    An .rtf is text: its paragraph ends, cells and rows are counted first, like a .txt's
    lines, and the file is refused before LibreOffice starts."""
    from ledger_tools.importing.extract import MAX_TEXT_LINES

    piece, times, count = _RTF_BODIES[name]
    source = tmp_path / name
    source.write_bytes(b"{\\rtf1\\ansi " + piece * times + b"}")
    r, text, out = _import(tmp_path, source)
    assert r["code"] == 2 and not out.exists(), text
    assert f"“{name}”中有 {count} 个段落和表格单元格，超过导入的上限 {MAX_TEXT_LINES:,} 个" in text
    assert r["wall"] < 60, r["wall"]


def _odt(path: Path, paragraphs: int, declared: int | None = None) -> Path:
    """An .odt of ``paragraphs`` one-letter paragraphs; ``declared``: the size its zip
    directory (local header and central directory) gives for content.xml instead."""
    import struct
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry'
            ' manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
        )
        info = zipfile.ZipInfo("content.xml", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=declared is None) as fh:
            fh.write(
                b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:'
                b'tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:'
                b'xmlns:text:1.0"><office:body><office:text>'
            )
            chunk = b"<text:p>a</text:p>" * 10_000
            for _ in range(paragraphs // 10_000):
                fh.write(chunk)
            fh.write(b"</office:text></office:body></office:document-content>")
    if declared is not None:
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as z:
            real = z.getinfo("content.xml")
        local = real.header_offset
        struct.pack_into("<I", data, local + 22, declared)  # local header: uncompressed size
        central = data.rindex(b"PK\x01\x02", 0, data.rindex(b"PK\x05\x06"))
        struct.pack_into("<I", data, central + 24, declared)  # central directory: the same
        path.write_bytes(bytes(data))
    return path


def test_an_odt_that_inflates_past_the_limits_is_refused_before_it_is_converted(tmp_path):
    """A 2.6 MB .odt whose content.xml is 1 GB went to LibreOffice as it was (only .docx had
    its parts checked): LibreOffice took 1.6 GB before failing under the 2 GB limit, and
    more without one. Now a zip converted by LibreOffice is checked like a .docx."""
    source = _odt(tmp_path / "炸弹.odt", 20_000_000)
    r, text, out = _import(tmp_path, source)
    assert r["code"] == 2 and not out.exists(), text
    assert "“炸弹.odt” 中的正文解压后有" in text and "未转换" in text, text


def test_an_odt_that_declares_a_small_part_and_inflates_a_large_one_is_refused(tmp_path):
    """The zip's directory says content.xml has 1 KB; it inflates to 36 MB (a 180 KB
    file). Python's zipfile stops at the declared size, LibreOffice's reader need not: the
    parts of a file handed to LibreOffice are measured by inflating them."""
    source = _odt(tmp_path / "谎报.odt", 2_000_000, declared=1024)
    r, text, out = _import(tmp_path, source)
    assert r["code"] == 2 and not out.exists(), text
    assert "“谎报.odt”中的“content.xml”部分解压后超过 1 KB（压缩包目录中声称 1 KB）" in text


@pytest.mark.skipif(__import__("shutil").which("soffice") is None, reason="needs LibreOffice")
def test_an_ordinary_rtf_and_odt_are_still_converted_under_the_memory_limit(tmp_path):
    """LibreOffice now runs with its address space capped (2 GB): an ordinary file converts
    as before (read, then answered: these hold no numbered problems)."""
    rtf = tmp_path / "短.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi " + b"x\\par\n" * 1_000 + b"}")
    for source in (rtf, _odt(tmp_path / "短.odt", 10_000)):
        r, text, out = _import(tmp_path, source)
        assert r["code"] == 2 and "没有识别出任何问题" in text and source.name in text, text


def test_an_rtf_declaring_more_binary_data_than_it_holds_is_refused_before_it_is_converted(
    tmp_path,
):
    """A 60-byte .rtf whose picture declares ``\\bin2000000000``: LibreOffice read on past the
    end of the file to the declared length, to its two-minute limit (50 million: 43 s).
    Now a declared length longer than the rest of the file is refused at once."""
    source = tmp_path / "图片.rtf"
    source.write_bytes(b"{\\rtf1\\ansi{\\pict\\pngblip\\picw100\\pich100\\bin2000000000 abc}}")
    r, text, out = _import(tmp_path, source)
    assert r["code"] == 2 and not out.exists(), text
    assert (
        "“图片.rtf”中有一段声称 2,000,000,000 字节的二进制数据（\\bin），但文件只有 61 字节" in text
    )
    assert r["wall"] < 60, r["wall"]
