"""Running the page: a uvicorn server on 127.0.0.1 only, with a fresh token per run."""

from __future__ import annotations

import secrets
import socket
import threading
import webbrowser
from collections.abc import Callable

from ledger_tools.errors import LedgerToolsError

LOOPBACK = "127.0.0.1"


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
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on")
        server = uvicorn.Server(config)
        announce(f"已启动：{url}")
        announce("请在浏览器中打开上面的网址（只有本机可以访问）。用完按 Ctrl+C 退出。")
        if open_browser:
            threading.Timer(0.3, lambda: webbrowser.open(url)).start()
        server.run(sockets=[sock])
    finally:
        workspace.close()
        sock.close()
