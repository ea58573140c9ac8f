"""The click command ``ledger-tools web``; registered in ``ledger_tools.cli``."""

from __future__ import annotations

import click

from ledger_tools import clickzh
from ledger_tools.clickzh import friendly
from ledger_tools.errors import LedgerToolsError


@click.command("web", cls=clickzh.Command)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    metavar="端口",
    default=8765,
    show_default=True,
    help="本机端口（0 表示自动选一个空闲端口）。",
)
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器，只显示网址。")
@click.option(
    "--max-upload",
    type=click.IntRange(1, 2048),
    default=50,
    show_default=True,
    metavar="MB",
    help="上传台账的大小上限（MB）。",
)
@friendly
def web(port: int, no_browser: bool, max_upload: int) -> None:
    """在浏览器中使用：校验台账、查看统计、下载标注副本和文稿（只在本机运行，不联网）。"""
    try:
        import multipart  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise LedgerToolsError(
            '网页功能需要另外安装网页组件：pip install "ledger-tools[web]"，安装后重新运行 ledger-tools web。'
        ) from None
    import ledger_tools
    from ledger_tools.web.server import serve

    ledger_tools.ONE_SHOT = False  # a server: many ledgers in one process
    serve(
        port,
        open_browser=not no_browser,
        max_upload=max_upload * 1024 * 1024,
        announce=lambda line: click.echo(line),
    )
