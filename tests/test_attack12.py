"""The twelfth attack run: work that runs off the main thread (a service or the web page
calling the library from a worker thread), and imports of small files that expand into a
huge text or page count. Each crafted file is built for real; commands run in a child under
a 2 GB address-space limit (``hostile_files.run_limited``). What was tried and needed no
change is listed in README (第十二轮攻击测试)."""

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
    ledger, rendering the .docx) now has a time limit (``service.DOCUMENT_SECONDS``, here
    lowered so that the example ledger runs past it), and the page gets a Chinese answer;
    nothing is left in the workspace and the next request is served."""
    client, workspace, service = page
    upload = client.post("/api/upload", files={"file": ("台账.xlsx", LEDGER.read_bytes())})
    assert upload.status_code == 200, upload.text
    key = upload.json()["id"]
    before = sorted(p.name for p in workspace.root.rglob("*"))
    monkeypatch.setattr(service, "DOCUMENT_SECONDS", 0.001)
    res = client.post("/api/download", json={"id": key, "what": "plan", "as_of": "2024-05-10"})
    assert res.status_code == 400, res.text
    message = res.json()["error"]
    assert "生成整改方案（台账.xlsx）超过 0.001 秒仍未完成，已停止" in message, message
    assert sorted(p.name for p in workspace.root.rglob("*")) == before  # no output left
    monkeypatch.setattr(service, "DOCUMENT_SECONDS", 600.0)
    res = client.post("/api/download", json={"id": key, "what": "plan", "as_of": "2024-05-10"})
    assert res.status_code == 200 and res.content[:2] == b"PK", res.text
