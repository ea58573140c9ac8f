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

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ledger_tools.errors import LedgerHasErrors, LedgerToolsError
from ledger_tools.web import service

HERE = Path(__file__).resolve().parent
TOKEN_HEADER = "x-ledger-token"
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
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
                return _error(
                    f"处理时发生意外问题（{type(err).__name__}）。请把运行 ledger-tools web 的窗口中"
                    "显示的内容反馈给开发者。",
                    500,
                )

        return endpoint

    async def upload(request: Request) -> Response:
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return _error("上传请求不完整，请重新选择文件。", 411)
        if int(length) > max_upload + 64 * 1024:
            return _too_large(max_upload)
        form = await request.form(max_files=1, max_fields=4)
        item = form.get("file")
        if item is None or isinstance(item, str):
            return _error("没有收到文件，请重新选择台账文件。", 400)
        data = await item.read(max_upload + 1)
        if len(data) > max_upload:
            return _too_large(max_upload)
        saved = ws.add(item.filename or "台账.xlsx", data)
        today = service.parse_date(_field(form, "today"), "检查日期")
        return JSONResponse(await _run(service.analyse, saved, today))

    async def check(request: Request) -> Response:
        body = await _json(request)
        today = service.parse_date(body.get("today"), "检查日期")
        return JSONResponse(await _run(service.analyse, ws.get(str(body.get("id"))), today))

    async def download(request: Request) -> Response:
        body = await _json(request)
        saved = ws.get(str(body.get("id")))
        today = service.parse_date(body.get("today"), "检查日期")
        what = str(body.get("what"))
        if what == "marked":
            path = await _run(service.marked_copy, ws, saved, today)
        else:
            path = await _run(
                service.document,
                ws,
                saved,
                what,
                as_of=service.parse_date(body.get("as_of"), "统计截至日期"),
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

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.workspace = ws
    return app


async def _run(func: Any, *args: Any, **kwargs: Any) -> Any:
    # The library is synchronous and CPU-bound: run it off the event loop.
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(func, *args, **kwargs)


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise service.WebError("请求格式不对，请刷新页面后重试。") from None
    if not isinstance(body, dict):
        raise service.WebError("请求格式不对，请刷新页面后重试。")
    return body


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


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
