"""The second attack run on ``ledger-tools web``: the real server in a child process, driven
over real HTTP (httpx, and raw sockets for bodies that never finish). Every answer is Chinese
JSON, nothing is left on disk that need not be, and abuse is bounded."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例台账.xlsx"
ENGLISH = re.compile(r"[A-Za-z]{5,}")
PRODUCT_NAMES = ("ledger-tools", "Excel", "LibreOffice", "Office")


class Server:
    """``ledger-tools web`` in a child; ``settings`` are app constants set before it starts
    (a shorter upload deadline, so a test need not wait two minutes)."""

    def __init__(self, **settings: float) -> None:
        code = "import ledger_tools.web.app as a\n"
        code += "".join(f"a.{k} = {v!r}\n" for k, v in settings.items())
        code += "import sys\nfrom ledger_tools.cli import main\nsys.argv[1:] = sys.argv[1:]\nmain()"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, "web", "--port", "0", "--no-browser"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:(\d+)/)\?token=(\S+)", line)
        assert match, line
        self.base, self.port, self.token = match.group(1), int(match.group(2)), match.group(3)

    def post(self, path: str, **kw):
        headers = {"X-Ledger-Token": self.token, **kw.pop("headers", {})}
        return httpx.post(self.base + path, headers=headers, timeout=120, **kw)

    def workspace(self) -> Path:
        import tempfile

        (folder,) = Path(tempfile.gettempdir()).glob(f"ledger-tools-web-{self.proc.pid}-*")
        return folder

    def files(self) -> list[Path]:
        return [p for p in self.workspace().rglob("*") if p.is_file()]

    def stop(self) -> str:
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.stop()


def chinese_error(res, status: int, *names: str) -> str:
    """The Chinese message of an error answer; ``names`` (file and part names it quotes) are
    the only Latin words allowed besides the product names."""
    assert res.status_code == status, (res.status_code, res.text)
    assert res.headers["content-type"].startswith("application/json"), res.text
    message = res.json()["error"]
    plain = message
    for name in (*PRODUCT_NAMES, *names):
        plain = plain.replace(name, "")
    assert not ENGLISH.search(plain), message
    assert "意外问题" not in message, message
    return message


def raw_multipart(parts: list[tuple[str, bytes]], boundary: str = "xx") -> bytes:
    body = b""
    for headers, data in parts:
        body += f"--{boundary}\r\n{headers}\r\n\r\n".encode() + data + b"\r\n"
    return body + f"--{boundary}--\r\n".encode()


def test_malformed_requests_are_answered_in_chinese(server):
    ex = EXAMPLE.read_bytes()
    two = [("file", ("a.xlsx", ex)), ("file", ("b.xlsx", ex))]
    assert "格式不对" in chinese_error(server.post("api/upload", files=two), 400)
    fields = {f"f{i}": "x" for i in range(10)}
    res = server.post("api/upload", data=fields, files={"file": ("a.xlsx", ex)})
    assert "格式不对" in chinese_error(res, 400)
    nameless = raw_multipart([("Content-Disposition: form-data", b"abc")])
    ct = {"content-type": "multipart/form-data; boundary=xx"}
    assert "格式不对" in chinese_error(server.post("api/upload", content=nameless, headers=ct), 400)
    # a 9,000-byte file name: over the multipart parser's header limit
    res = server.post("api/upload", files={"file": ("长" * 3000 + ".xlsx", ex)})
    assert "格式不对" in chinese_error(res, 400)
    deep = b"[" * 40000 + b"]" * 20000  # past Python's recursion limit, under the size limit
    assert "格式不对" in chinese_error(server.post("api/check", content=deep[:60000]), 400)
    assert "格式不对" in chinese_error(server.post("api/check", json={"id": {"a": 1}}), 400)
    assert "格式不对" in chinese_error(server.post("api/check", json={"id": "x", "today": 5}), 400)
    assert "格式不对" in chinese_error(server.post("api/check", content=b"{" * 100_000), 400)
    assert "没有这个网址" in chinese_error(httpx.get(server.base + "nothing"), 404)
    assert "没有这个网址" in chinese_error(httpx.get(server.base + "static/../app.py"), 404)
    assert "请求方式" in chinese_error(httpx.get(server.base + "api/upload"), 405)


def test_a_refused_upload_is_not_kept_and_a_sent_file_is_removed(server):
    before = set(server.files())
    res = server.post("api/upload", files={"file": ("坏的.xlsx", b"PK\x03\x04 broken")})
    assert "坏的.xlsx" in chinese_error(res, 400)
    assert set(server.files()) == before  # the refused upload went at once
    res = server.post(
        "api/upload",
        files={"file": ("示例台账.xlsx", EXAMPLE.read_bytes())},
        data={"today": "2024-05-10"},
    )
    assert res.status_code == 200, res.text
    upload = res.json()["id"]
    res = server.post("api/download", json={"id": upload, "what": "marked", "today": "2024-05-10"})
    assert res.status_code == 200 and res.content[:2] == b"PK"
    time.sleep(0.5)  # the removal runs after the response is sent
    assert not [p for p in server.files() if p.name.endswith("校验结果.xlsx")]


def test_a_zip_bomb_uploaded_is_refused_by_part_and_not_kept(server, tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_files import BUILDERS

    before = set(server.files())
    for name, fragment in (("bomb-theme", "xl/theme/theme1.xml"), ("many-members", "个部分")):
        path = BUILDERS[name](tmp_path)
        res = server.post("api/upload", files={"file": (path.name, path.read_bytes())})
        message = chinese_error(res, 400, path.name, fragment)
        assert fragment in message and "安全上限" in message and path.name in message, message
        assert "/tmp" not in message  # never the server's temporary path
    assert set(server.files()) == before


def test_only_the_last_uploads_are_kept(server):
    from ledger_tools.web.service import KEEP_UPLOADS

    ids = []
    for i in range(KEEP_UPLOADS + 5):
        res = server.post("api/upload", files={"file": (f"台账{i}.xlsx", EXAMPLE.read_bytes())})
        assert res.status_code == 200, res.text
        ids.append(res.json()["id"])
    assert len(server.files()) == KEEP_UPLOADS
    assert "找不到这份台账" in chinese_error(server.post("api/check", json={"id": ids[0]}), 400)
    assert server.post("api/check", json={"id": ids[-1]}).status_code == 200


def _partial_upload(s: Server, sent: int = 2_000_000) -> socket.socket:
    """An upload that announces 40 MB and sends ``sent`` bytes of it, then nothing."""
    sock = socket.create_connection(("127.0.0.1", s.port))
    head = (
        f"POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:{s.port}\r\nX-Ledger-Token: {s.token}\r\n"
        "Content-Type: multipart/form-data; boundary=xx\r\nContent-Length: 40000000\r\n\r\n"
    ).encode()
    part = b'--xx\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n'
    sock.sendall(head + part + b"A" * sent)
    return sock


def _answer(sock: socket.socket, timeout: float) -> dict:
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    return {"status": status, **json.loads(body.split(b"\r\n")[-1] if b"\r\n" in body else body)}


def test_uploads_that_never_finish_are_capped_and_dropped():
    s = Server(UPLOAD_SECONDS=3.0, UPLOAD_BYTES_PER_SECOND=10**12)
    try:
        from ledger_tools.web.app import MAX_UPLOADS_IN_FLIGHT

        socks = [_partial_upload(s) for _ in range(MAX_UPLOADS_IN_FLIGHT)]
        time.sleep(0.5)
        extra = _partial_upload(s, sent=10)
        over = _answer(extra, 10)
        assert over["status"] == 503 and "同时上传的文件太多" in over["error"], over
        # the page still answers while uploads hang
        assert httpx.get(f"{s.base}?token={s.token}", timeout=10).status_code == 200
        for sock in socks:  # each is dropped at the deadline, with a Chinese answer
            answer = _answer(sock, 15)
            assert answer["status"] == 408 and "上传超时" in answer["error"], answer
            sock.close()
        extra.close()
        # the spooled parts went with them: nothing in the workspace, no open temporary file
        assert not [p for p in s.workspace().rglob("*") if p.is_file()]
        fds = Path(f"/proc/{s.proc.pid}/fd")
        if fds.exists():
            open_tmp = [f for f in fds.iterdir() if "/tmp/" in str(f.readlink())]
            assert not open_tmp, open_tmp
        res = httpx.post(
            s.base + "api/upload",
            headers={"X-Ledger-Token": s.token},
            files={"file": ("示例台账.xlsx", EXAMPLE.read_bytes())},
            timeout=60,
        )
        assert res.status_code == 200, res.text  # and the server is free again
    finally:
        err = s.stop()
    assert "Traceback" not in err, err


def test_uploads_arriving_together_are_checked_one_at_a_time(tmp_path):
    """Six ledgers uploaded at once: the library runs them in turn, so the server's memory is
    that of one check, not six (each ~40 MB here; before, all six ran in parallel)."""
    import threading

    s = Server()
    try:
        data = EXAMPLE.read_bytes()
        results = []

        def upload(i: int) -> None:
            res = s.post("api/upload", files={"file": (f"台账{i}.xlsx", data)})
            results.append(res.status_code)

        from ledger_tools.web.app import MAX_UPLOADS_IN_FLIGHT

        threads = [threading.Thread(target=upload, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results.count(200) >= MAX_UPLOADS_IN_FLIGHT, results
        assert set(results) <= {200, 503}, results
    finally:
        err = s.stop()
    assert "Traceback" not in err, err


def test_the_page_shows_control_characters_as_escapes(server, tmp_path):
    """A sheet named with U+202E reaches the page's data as the escape, never the raw
    character that would turn ``C2`` round on screen."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_files import _rename_sheet, base_ledger

    path = base_ledger(tmp_path / "台账.xlsx")
    _rename_sheet("整改台账\u202e2C")(path)
    res = server.post("api/upload", files={"file": ("台账.xlsx", path.read_bytes())})
    assert res.status_code == 200, res.text
    assert "\u202e" not in res.text and res.json()["sheet"] == "整改台账\\u202e2C"


def test_the_page_in_a_browser_shows_a_disguising_sheet_name_as_escapes(server, tmp_path):
    """In Chromium: the sheet named ``整改台账‮2C`` (which would show as ``整改台账C2``) is
    drawn with the escape, in the findings' locations and the verdict alike."""
    sync_api = pytest.importorskip("playwright.sync_api")
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Chromium 未安装")
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_files import _rename_sheet, base_ledger

    path = base_ledger(tmp_path / "台账.xlsx", n=3)
    _rename_sheet("整改台账\u202e2C")(path)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server.base}?token={server.token}")
        page.fill("#today", "2024-05-10")
        page.set_input_files("#file", str(path))
        page.wait_for_selector("#verdict-text")
        text = page.inner_text("body")
        page.screenshot(path=str(tmp_path / "rlo.png"), full_page=True)
        browser.close()
    assert "\u202e" not in text
    assert "整改台账\\u202e2C" in text, text[:2000]
