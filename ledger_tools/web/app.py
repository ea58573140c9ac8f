"""The local web page: a Starlette app over ``service``.

Security model (the server runs on the clerk's own machine, next to their browser):
- it listens on 127.0.0.1 only (``server``), and refuses any request whose Host header is
  not this loopback address and port (so a web page elsewhere cannot reach it by DNS
  rebinding);
- every API call must carry the random per-run token that only the page opened by
  ``ledger-tools web`` knows (header ``X-Ledger-Token``), and a request whose ``Origin`` or
  ``Sec-Fetch-Site`` shows another site is refused, so other local pages cannot drive it;
- uploads are size-limited and stored under random names in a private temporary folder
  that is removed on exit; no path from the user reaches the filesystem.

Bounded under abuse (tests/test_web_attack.py drives each case against the real server):
- an upload must arrive within ``UPLOAD_SECONDS`` (a body sent slowly or never finished is
  dropped, with its spooled part), and at most ``MAX_UPLOADS_IN_FLIGHT`` are being received
  or waiting for their check at once (so queued uploads cannot fill the disk either);
- the library runs one request at a time (``_WORK``): twelve ledgers uploaded together take
  the memory of one, not twelve;
- a refused upload is removed at once, only the last ``service.KEEP_UPLOADS`` uploads are
  kept, and a generated file is removed once it has been sent;
- every answer the page can get is Chinese: malformed multipart, a JSON body nested too
  deep, a field of the wrong type, an unknown address or method.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import traceback
from collections.abc import AsyncIterator
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ledger_tools.errors import LedgerHasErrors, LedgerToolsError
from ledger_tools.web import service

HERE = Path(__file__).resolve().parent
TOKEN_HEADER = "x-ledger-token"
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
UPLOAD_SECONDS = 120.0  # to receive one upload, at least …
UPLOAD_BYTES_PER_SECOND = 256 * 1024  # … and at this slow a rate at most
MAX_UPLOADS_IN_FLIGHT = 4  # the page sends one at a time; more is not a person
_MEDIA = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def create_app(
    token: str,
    port: int,
    workspace: service.Workspace | None = None,
    max_upload: int = DEFAULT_MAX_UPLOAD,
) -> Starlette:
    """The app for a server on 127.0.0.1:``port`` whose page knows ``token``."""
    ws = workspace or service.Workspace()
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    origins = {f"http://{h}" for h in hosts}

    def refused(request: Request) -> Response | None:
        if request.headers.get("host", "") not in hosts:
            return _error("只接受本机地址 127.0.0.1 的访问。", 403)
        origin = request.headers.get("origin")
        if origin is not None and origin not in origins:
            return _error("拒绝来自其他网页的请求。", 403)
        if request.headers.get("sec-fetch-site") == "cross-site":
            return _error("拒绝来自其他网页的请求。", 403)
        return None

    def token_ok(given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), token.encode())

    async def page(request: Request) -> Response:
        if (bad := refused(request)) is not None:
            return bad
        if not token_ok(request.query_params.get("token")):
            return HTMLResponse(_FORBIDDEN_PAGE, status_code=403)
        html = (HERE / "templates" / "index.html").read_text(encoding="utf-8")
        settings = {
            "token": token,
            "maxUpload": max_upload,
            "office": service.office_available(),
        }
        # In a <meta> attribute, not an inline script: the page's CSP allows no inline code.
        text = escape(json.dumps(settings, ensure_ascii=False), quote=True)
        return HTMLResponse(html.replace("__SETTINGS__", text), headers=_PAGE_HEADERS)

    def api(handler: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            if (bad := refused(request)) is not None:
                return bad
            if not token_ok(request.headers.get(TOKEN_HEADER)):
                return _error(
                    "缺少或错误的访问令牌。请从 ledger-tools web 打开的网址访问本页。", 403
                )
            try:
                return await handler(request)
            except LedgerHasErrors as err:
                return _error(err.message, 422)
            except LedgerToolsError as err:
                return _error(err.message, 400)
            except Exception as err:  # noqa: BLE001 - the page shows Chinese, the log the detail
                traceback.print_exc()
                return _error(_UNEXPECTED.format(type(err).__name__), 500)

        return endpoint

    in_flight = [0]

    async def upload(request: Request) -> Response:
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return _error("上传请求不完整，请重新选择文件。", 411)
        if int(length) > max_upload + 64 * 1024:
            return _too_large(max_upload)
        if in_flight[0] >= MAX_UPLOADS_IN_FLIGHT:
            return _error("同时上传的文件太多，请等前面的文件处理完后再试。", 503)
        in_flight[0] += 1  # received or waiting for its check: each one is a file on disk
        try:
            return await receive_and_check(request, int(length))
        finally:
            in_flight[0] -= 1

    async def receive_and_check(request: Request, length: int) -> Response:
        try:
            with anyio.fail_after(UPLOAD_SECONDS + length / UPLOAD_BYTES_PER_SECOND):
                async with request.form(max_files=1, max_fields=4) as form:
                    item = form.get("file")
                    if item is None or isinstance(item, str):
                        return _error("没有收到文件，请重新选择台账文件。", 400)
                    data = await item.read(max_upload + 1)
                    today_text = _field(form, "today")
                    filename = item.filename or "台账.xlsx"
        except HTTPException:  # the multipart parser's complaint, in English
            return _error("上传的数据不完整或格式不对，请刷新页面后重新选择文件。", 400)
        except TimeoutError:
            return _error("上传超时（网络连接中断或过慢），请重新选择文件。", 408)
        if len(data) > max_upload:
            return _too_large(max_upload)
        today = service.parse_date(today_text, "检查日期")
        saved = ws.add(filename, data)
        try:
            with ws.hold(saved):
                return JSONResponse(await _run(service.analyse, saved, today))
        except Exception:
            ws.remove(saved)  # a refused file is not kept
            raise

    async def check(request: Request) -> Response:
        body = await _json(request)
        today = service.parse_date(body.get("today"), "检查日期")
        with ws.hold(ws.get(str(body.get("id")))) as saved:
            return JSONResponse(await _run(service.analyse, saved, today))

    async def download(request: Request) -> Response:
        body = await _json(request)
        today = service.parse_date(body.get("today"), "检查日期")
        as_of = service.parse_date(body.get("as_of"), "统计截至日期")
        what = str(body.get("what"))
        with ws.hold(ws.get(str(body.get("id")))) as saved:
            if what == "marked":
                path = await _run(service.marked_copy, ws, saved, today)
            else:
                path = await _run(
                    service.document,
                    ws,
                    saved,
                    what,
                    as_of=as_of,
                    today=today,
                    force=bool(body.get("force")),
                    pdf=bool(body.get("pdf")),
                )
        return FileResponse(
            path,
            media_type=_MEDIA.get(path.suffix, "application/octet-stream"),
            headers={
                "Content-Disposition": f"attachment; filename*=UTF-8''{quote(path.name)}",
                "Cache-Control": "no-store",
            },
            background=BackgroundTask(service.remove_output, path),  # sent: not kept
        )

    routes = [
        Route("/", page),
        Route("/api/upload", api(upload), methods=["POST"]),
        Route("/api/check", api(check), methods=["POST"]),
        Route("/api/download", api(download), methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        ws.close()  # uploads and outputs go with the server

    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={HTTPException: _http_error, 500: _server_error},
    )
    app.state.workspace = ws
    return app


_WORK: Any = None  # one anyio.CapacityLimiter(1), made inside the event loop


async def _run(func: Any, *args: Any, **kwargs: Any) -> Any:
    """The library, off the event loop and one call at a time: it is CPU-bound (two cores
    gain little) and a large ledger takes hundreds of MB, so requests arriving together
    wait their turn instead of multiplying the memory."""
    import anyio.to_thread

    global _WORK
    if _WORK is None:
        _WORK = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(lambda: func(*args, **kwargs), limiter=_WORK)


_BAD_REQUEST = "请求格式不对，请刷新页面后重试。"


MAX_JSON = 64 * 1024  # the page's requests are a few hundred bytes


async def _json(request: Request) -> dict[str, Any]:
    raw = bytearray()
    with anyio.fail_after(UPLOAD_SECONDS):
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > MAX_JSON:
                raise service.WebError(_BAD_REQUEST)
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: [[[[… nested past Python's stack
        raise service.WebError(_BAD_REQUEST) from None
    if not isinstance(body, dict):
        raise service.WebError(_BAD_REQUEST)
    for key in ("id", "today", "as_of", "what"):  # the page sends these as text or not at all
        if body.get(key) is not None and not isinstance(body[key], str):
            raise service.WebError(_BAD_REQUEST)
    return body


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


_HTTP_MESSAGES = {
    404: "没有这个网址。请使用 ledger-tools web 启动时显示的网址。",
    405: "不支持这种请求方式。请使用 ledger-tools web 打开的页面操作。",
}


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own answers (404 Not Found, 405 Method Not Allowed …) in Chinese."""
    status = getattr(exc, "status_code", 400)
    return _error(_HTTP_MESSAGES.get(status, _BAD_REQUEST), status)


async def _server_error(request: Request, exc: Exception) -> Response:
    traceback.print_exception(exc)
    return _error(_UNEXPECTED.format(type(exc).__name__), 500)


_UNEXPECTED = "处理时发生意外问题（{}）。请把运行 ledger-tools web 的窗口中显示的内容反馈给开发者。"


def _error(message: str, status: int) -> JSONResponse:
    from ledger_tools.web.service import for_page

    return JSONResponse({"error": for_page(message)}, status_code=status)


def _too_large(limit: int) -> JSONResponse:
    return _error(
        f"文件太大（超过 {limit // (1024 * 1024)} MB）。请确认选的是台账文件；"
        "确需处理更大的文件，请用 ledger-tools web --max-upload 调高上限。",
        413,
    )


# The page needs nothing from other sites: scripts, styles and images are all ours.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; "
    "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

_FORBIDDEN_PAGE = """<!doctype html><html lang="zh-CN"><meta charset="utf-8">
<title>无法访问</title><body style="font-family:sans-serif;padding:2em">
<h1>无法访问</h1><p>请使用 <code>ledger-tools web</code> 启动时打开（或显示）的网址访问本页，
网址中带有访问令牌。</p></body></html>"""
