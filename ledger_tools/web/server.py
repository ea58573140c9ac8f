"""Running the page: a uvicorn server on 127.0.0.1 only, with a fresh token per run."""

from __future__ import annotations

import secrets
import socket
import threading
import webbrowser
from collections.abc import Callable

from ledger_tools.errors import LedgerToolsError

LOOPBACK = "127.0.0.1"
# A connection must have sent a request's headers this many seconds after it was opened (or
# after its last answer): one that sends nothing, or a byte now and then (slowloris), held a
# socket for ever, and enough of them leave no file descriptor for the page. Bodies have
# their own deadline (``app.UPLOAD_SECONDS``).
HEADER_SECONDS = 30.0
MAX_CONNECTIONS = 64  # open at once; more are closed at once (the page needs a few)


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:``port`` (0 = any free port), or a Chinese error."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
    except OSError:
        sock.close()
        raise LedgerToolsError(
            f"端口 {port} 已被占用（可能已经启动过一次 ledger-tools web）。"
            "请关闭另一个窗口，或用 --port 换一个端口，如 --port 8766。"
        ) from None
    sock.listen(64)
    return sock


def serve(
    port: int = 8765,
    open_browser: bool = True,
    max_upload: int | None = None,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the page until Ctrl+C; the uploads folder is removed on the way out."""
    import uvicorn

    from ledger_tools.web.app import DEFAULT_MAX_UPLOAD, create_app
    from ledger_tools.web.service import Workspace

    sock = bind(port)
    port = sock.getsockname()[1]
    token = secrets.token_urlsafe(24)
    workspace = Workspace()
    try:
        app = create_app(token, port, workspace, max_upload or DEFAULT_MAX_UPLOAD)
        url = f"http://{LOOPBACK}:{port}/?token={token}"
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="on", http=guarded_protocol()
        )
        server = uvicorn.Server(config)
        announce(f"已启动：{url}")
        announce("请在浏览器中打开上面的网址（只有本机可以访问）。用完按 Ctrl+C 退出。")
        if open_browser:
            threading.Timer(0.3, lambda: webbrowser.open(url)).start()
        server.run(sockets=[sock])
    finally:
        workspace.close()
        sock.close()


def guarded_protocol() -> type:
    """uvicorn's h11 protocol (also where httptools is installed) with a deadline for each
    request's headers and a cap on open connections; uvicorn itself only times out a
    connection that is idle after an answer (keep-alive)."""
    import asyncio

    from uvicorn.protocols.http.h11_impl import H11Protocol

    class Guarded(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > MAX_CONNECTIONS:
                transport.close()
                return
            self._arm()

        def _arm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            self._deadline = self.loop.call_later(HEADER_SECONDS, self._headers_late)

        def _headers_late(self) -> None:
            if self.cycle is None or self.cycle.response_complete:  # no request under way
                self.transport.close()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            super().connection_lost(exc)

    return Guarded
