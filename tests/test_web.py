"""``ledger-tools web``: the real server in a subprocess, driven by a real browser (Debian's
Chromium through Playwright) and by plain HTTP for the security rules.

Screenshots of each state are saved under ``tests/_artifacts/web/`` for a person to look at.
"""

from __future__ import annotations

import io
import os
import re
import shutil
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
SHOTS = ROOT / "tests" / "_artifacts" / "web"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Server:
    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ledger_tools", "web", "--port", "0", "--no-browser", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started = time.monotonic()
        line = self.proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:(\d+)/)\?token=(\S+)", line)
        assert match, f"no URL in {line!r}: {self.proc.stderr.read() if self.proc.poll() else ''}"
        self.base, self.port, self.token = match.group(1), int(match.group(2)), match.group(3)
        self.url = f"{self.base}?token={self.token}"

    def api(self, path: str, **kw):
        headers = {"X-Ledger-Token": self.token, **kw.pop("headers", {})}
        return httpx.post(self.base + path.lstrip("/"), headers=headers, timeout=60, **kw)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.stop()


def _workspaces(pid: int) -> list[Path]:
    import tempfile

    return list(Path(tempfile.gettempdir()).glob(f"ledger-tools-web-{pid}-*"))


# ---------------------------------------------------------------------------------------------
# The rules, over plain HTTP.


def test_page_needs_the_token(server):
    assert httpx.get(server.base, timeout=10).status_code == 403
    assert httpx.get(server.base + "?token=wrong", timeout=10).status_code == 403
    page = httpx.get(server.url, timeout=10)
    assert page.status_code == 200 and "整改台账校验与文稿生成" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_api_refuses_requests_without_the_token(server):
    with EXAMPLE.open("rb") as fh:
        res = httpx.post(server.base + "api/upload", files={"file": fh}, timeout=10)
    assert res.status_code == 403 and "令牌" in res.json()["error"]
    res = server.api("api/check", json={"id": "x"}, headers={"X-Ledger-Token": "guess"})
    assert res.status_code == 403


def test_api_refuses_another_origin_and_host(server):
    res = server.api("api/check", json={"id": "x"}, headers={"Origin": "http://evil.example"})
    assert res.status_code == 403 and "其他网页" in res.json()["error"]
    res = server.api("api/check", json={"id": "x"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert res.status_code == 403
    # DNS rebinding: a name that resolves to 127.0.0.1 but is not ours.
    res = server.api("api/check", json={"id": "x"}, headers={"Host": "attacker.example"})
    assert res.status_code == 403


def test_upload_checks_like_the_cli(server):
    from ledger_tools.ledger.checking import check_file, report_json

    with EXAMPLE.open("rb") as fh:
        res = server.api(
            "api/upload", files={"file": ("示例台账.xlsx", fh)}, data={"today": "2024-05-10"}
        )
    assert res.status_code == 200
    body = res.json()
    import datetime as dt

    expected = report_json(check_file(EXAMPLE, today=dt.date(2024, 5, 10)))
    assert body["counts"] == expected["counts"]
    assert body["totals"] == expected["totals"]
    assert [f["cell"] for f in body["findings"]] == [f["cell"] for f in expected["findings"]]
    assert body["file"] == "示例台账.xlsx"  # never the server's temporary path


def test_path_tricks_in_file_names_are_harmless(server, tmp_path):
    data = EXAMPLE.read_bytes()
    for name in ("../../逃逸.xlsx", "..\\..\\逃逸.xlsx", "/etc/逃逸.xlsx", "\u202e逃逸.xlsx"):
        res = server.api("api/upload", files={"file": (name, data)})
        assert res.status_code == 200, res.text
        assert res.json()["file"] == "逃逸.xlsx"
    assert not (ROOT.parent / "逃逸.xlsx").exists() and not Path("/etc/逃逸.xlsx").exists()
    for folder in _workspaces(server.proc.pid):
        for path in folder.rglob("*"):
            assert path.resolve().is_relative_to(folder.resolve())


def test_wrong_file_type_and_unreadable_file_are_explained(server):
    res = server.api("api/upload", files={"file": ("说明.docx", b"PK\x03\x04 not really")})
    assert res.status_code == 400 and "不是 Excel 台账" in res.json()["error"]
    res = server.api("api/upload", files={"file": ("坏的.xlsx", b"this is not a workbook")})
    assert res.status_code == 400
    message = res.json()["error"]
    assert (
        "坏的.xlsx" in message and re.search(r"[A-Za-z]{6,}", message.replace("xlsx", "")) is None
    )


def test_too_large_upload_is_refused():
    s = Server("--max-upload", "1")
    try:
        res = s.api("api/upload", files={"file": ("大.xlsx", b"\0" * (2 * 1024 * 1024))})
        assert res.status_code == 413 and "太大" in res.json()["error"]
    finally:
        s.stop()


def test_listens_on_loopback_only_and_cleans_up():
    s = Server()
    try:
        # /proc/net/tcp lists each listening socket's local address: 0100007F is 127.0.0.1.
        port_hex = f"{s.port:04X}"
        listening = [
            line.split()[1]
            for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
            if line.split()[1].endswith(":" + port_hex) and line.split()[3] == "0A"
        ]
        assert listening == [f"0100007F:{port_hex}"]
        assert not any(
            line.split()[1].endswith(":" + port_hex)
            for line in Path("/proc/net/tcp6").read_text().splitlines()[1:]
        )
        with EXAMPLE.open("rb") as fh:
            assert s.api("api/upload", files={"file": ("a.xlsx", fh)}).status_code == 200
        assert _workspaces(s.proc.pid)
    finally:
        s.stop()
    assert not _workspaces(s.proc.pid), "uploads folder left behind after exit"


def test_leftovers_of_a_killed_server_are_removed_by_the_next():
    s = Server()
    s.proc.kill()  # no chance to clean up
    s.proc.wait()
    assert _workspaces(s.proc.pid)
    t = Server()
    try:
        assert not _workspaces(s.proc.pid)
    finally:
        t.stop()


# ---------------------------------------------------------------------------------------------
# The page, in a real browser.


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM:
        pytest.skip("Chromium 未安装（apt-get install chromium）")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_page_end_to_end(server, browser, tmp_path):
    import docx

    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(server.url)
    page.fill("#today", "2024-05-10")
    page.fill("#as-of", "2024-05-10")
    _shot(page, "1-空白页")
    page.set_input_files("#file", str(EXAMPLE))
    page.wait_for_selector("#verdict-text")
    assert "可以上报" in page.inner_text("#verdict-text")
    assert "13 个问题" in page.inner_text("#verdict")
    assert "检查日期 2024年5月10日）" in page.inner_text("#verdict")  # as check prints it
    rows = page.locator("#findings tbody tr")
    assert rows.count() > 0
    assert page.locator("#grid td.warning").count() > 0
    _shot(page, "2-校验结果")

    # A finding scrolls the grid to its cell.
    first = rows.nth(rows.count() - 1)
    cell = first.locator("td.loc").inner_text()
    first.click()
    focused = page.locator("#grid td.focus")
    assert focused.count() == 1
    assert focused.get_attribute("id") == "cell-" + cell.split("!")[1]  # not a merged cell
    box = focused.bounding_box()
    wrap = page.locator("#grid-wrap").bounding_box()
    assert box and wrap and wrap["y"] <= box["y"] <= wrap["y"] + wrap["height"]
    _shot(page, "3-跳到单元格")

    page.click("[data-chart='按方面']")
    assert page.locator("#chart svg rect").count() == 4  # the example has 4 方面

    # Every download opens as what it claims to be.
    for what, expect in (("plan", "整改方案"), ("report", "整改情况的报告"), ("notice", "通报")):
        with page.expect_download() as info:
            page.click(f"[data-what='{what}']")
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        assert target.suffix == ".docx"
        text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
        assert expect in text
    with page.expect_download() as info:
        page.click("[data-what='marked']")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    import openpyxl

    assert openpyxl.load_workbook(target).sheetnames[0] == "校验结果"

    # A broken file: the Chinese message, no result.
    broken = tmp_path / "坏的台账.xlsx"
    broken.write_bytes(b"not a workbook at all")
    page.set_input_files("#file", str(broken))
    page.wait_for_selector("#message:not([hidden])")
    message = page.inner_text("#message")
    assert "坏的台账.xlsx" in message
    assert page.locator("#result").is_hidden()
    _shot(page, "4-无法读取")
    page.close()


def test_document_refused_on_errors_shows_the_reason(server, browser, tmp_path):
    import openpyxl

    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["整改台账"]
    # Break one status, in the column headed 整改状态, two rows below the header.
    head = next(c for row in ws.iter_rows(max_row=10) for c in row if c.value == "整改状态")
    ws.cell(head.row + 2, head.column).value = "差不多完成"
    bad = tmp_path / "有错误.xlsx"
    buf = io.BytesIO()
    wb.save(buf)
    bad.write_bytes(buf.getvalue())

    page = browser.new_page(accept_downloads=True)
    page.goto(server.url)
    page.fill("#today", "2024-05-10")
    page.set_input_files("#file", str(bad))
    page.wait_for_selector("#verdict-text")
    assert "错误" in page.inner_text("#verdict-text")
    assert page.locator("#grid td.error").count() >= 1
    page.click("[data-what='report']")
    page.wait_for_selector("#message:not([hidden])")
    assert "未生成整改情况报告" in page.inner_text("#message")
    _shot(page, "5-有错误拒绝生成")
    page.check("#force")
    with page.expect_download() as info:
        page.click("[data-what='report']")
    assert info.value.suggested_filename == "整改情况报告.docx"
    page.close()


def test_a_ledger_of_several_sheets_draws_each_and_jumps_to_the_sheet(server, browser, tmp_path):
    import real_layouts4

    path = tmp_path / "两张表的台账.xlsx"
    real_layouts4.default_named_sheets(path)  # Sheet1 and Sheet2, one header: one ledger
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url)
    page.fill("#today", "2025-07-15")
    page.set_input_files("#file", str(path))
    page.wait_for_selector("#verdict-text")
    assert "工作表“Sheet1”、“Sheet2”，共 2 张" in page.inner_text("#verdict")
    tabs = page.locator("#sheet-tabs .tab")
    assert tabs.count() == 2 and page.locator("#sheet-tabs").is_visible()
    assert "Sheet1" in page.inner_text("#sheet-tabs .tab.active")
    assert "修订区级专项应急预案" in page.inner_text("#grid")

    # The overdue measure is on Sheet2: its finding switches the grid to that sheet's cell.
    row = page.locator("#findings tbody tr", has_text="Sheet2!F2").first
    row.click()
    assert "Sheet2" in page.inner_text("#sheet-tabs .tab.active")
    assert page.inner_text("#sheet-name") == "（工作表“Sheet2”）"
    assert "补充防汛物资储备" in page.inner_text("#grid")
    focused = page.locator("#grid td.focus")
    assert focused.count() == 1 and focused.get_attribute("id") == "cell-F2"
    assert "warning" in (focused.get_attribute("class") or "")
    assert page.locator("#message").is_hidden()
    _shot(page, "6-多张工作表")

    tabs.nth(0).click()  # back to the first sheet by its tab
    assert "修订区级专项应急预案" in page.inner_text("#grid")
    page.close()


def test_without_the_web_extra_the_cli_says_how_to_install(tmp_path):
    # Hide the web stack from a real process and run the command.
    shim = tmp_path / "sitecustomize.py"
    shim.write_text(
        "import sys\n"
        "class _Hide:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('starlette', 'uvicorn', 'multipart'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, _Hide())\n"
    )
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    res = subprocess.run(
        [sys.executable, "-m", "ledger_tools", "web", "--no-browser"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2
    assert 'pip install "ledger-tools[web]"' in res.stderr
    assert "Traceback" not in res.stderr


def test_advice_on_the_page_names_no_command_line_option(server, tmp_path):
    """A finding's advice “或用 --status-map 原状态=标准状态 说明”, “请用 --map 原列名=方面 指明”
    and the refusal's “或加 --force 强制生成” are command-line options the page has no way
    to give: on the page they are the workbook's 状态对照 and 列名对照 sheets and the box
    “台账有错误时仍然生成文稿”. The CLI says the same findings with its options."""
    import openpyxl

    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb["整改台账"]
    header = [c.value for c in ws[1]]
    ws.cell(3, header.index("整改状态") + 1).value = "在弄"
    ws.cell(1, header.index("方面") + 1).value = "类别名称"  # a column the reader does not know
    path = tmp_path / "有错误.xlsx"
    wb.save(path)
    with path.open("rb") as fh:
        res = server.api(
            "api/upload", files={"file": (path.name, fh)}, data={"today": "2024-05-10"}
        )
    assert res.status_code == 200, res.text
    body = res.json()
    messages = [f["message"] for f in body["findings"]]
    said = "\n".join(messages)
    assert "--" not in said, [m for m in messages if "--" in m]
    status = next(m for m in messages if "“在弄”" in m)
    assert status.endswith("可在台账中加一张“状态对照”表（原状态 | 标准状态）说明它对应哪个状态。")
    column = next(m for m in messages if "缺少必需的列“方面”" in m)
    assert "请在台账中加一张“列名对照”表（原列名 | 标准列名），写明哪一列是“方面”" in column
    res = server.api(
        "api/download", json={"id": body["id"], "what": "report", "as_of": "2024-05-10"}
    )
    assert res.status_code == 422
    refusal = res.json()["error"]
    assert "或勾选“台账有错误时仍然生成文稿”后再生成" in refusal and "--force" not in refusal
    assert "（本页“校验结果”中列出了全部）" in refusal
    # the CLI keeps its own options
    from ledger_tools.ledger.checking import check_file

    cli_said = "\n".join(f.message for f in check_file(path).findings)
    assert "或用 --status-map 原状态=标准状态 说明" in cli_said
    assert "请用 --map 原列名=方面 指明" in cli_said


def test_a_merged_workbook_on_the_page_points_to_the_summary_report(server, tmp_path):
    """The office uploads its 汇总台账 and asks for 整改情况报告: the page said the 汇总台账's
    单位名称 was missing; it now says what the file is and how the 汇总报告 is made."""
    from click.testing import CliRunner

    from ledger_tools.cli import cli

    folder = tmp_path / "各单位"
    folder.mkdir()
    (folder / "住建局.xlsx").write_bytes(EXAMPLE.read_bytes())
    merged = tmp_path / "汇总台账.xlsx"
    made = CliRunner().invoke(
        cli, ["merge", str(folder), "-o", str(merged), "--today", "2024-05-10", "--jobs", "1"]
    )
    assert made.exit_code == 0, made.output
    with merged.open("rb") as fh:
        res = server.api(
            "api/upload", files={"file": (merged.name, fh)}, data={"today": "2024-05-10"}
        )
    assert res.status_code == 200, res.text
    upload = res.json()["id"]
    res = server.api("api/download", json={"id": upload, "what": "report", "as_of": "2024-05-10"})
    assert res.status_code == 400
    said = res.json()["error"]
    assert "汇总台账.xlsx 是 ledger-tools merge 生成的汇总台账，未生成整改情况报告" in said
    assert "--kind summary" in said and "勾选“台账有错误时仍然生成文稿”" in said


def test_a_merged_workbook_is_drawn_by_unit_as_stats_by_unit_counts(server, browser, tmp_path):
    """The office that collects its units' ledgers sees each unit's 办结率 on the page, the
    rates ``stats --by 单位`` prints (a unit that sent an empty ledger too, at 0); a unit's own
    ledger has no such tab."""
    import json

    from click.testing import CliRunner

    from ledger_tools.cli import cli
    from tests import merge_units

    folder = tmp_path / "各单位"
    folder.mkdir()
    merge_units.standard(folder / "住建局.xlsx")
    merge_units.with_errors(folder / "水务局.xlsx")
    merge_units.empty(folder / "统计局.xlsx")  # no measures yet: drawn at 0
    merged = tmp_path / "汇总台账.xlsx"
    runner = CliRunner()
    made = runner.invoke(
        cli, ["merge", str(folder), "-o", str(merged), "--today", "2024-05-10", "--jobs", "1"]
    )
    assert made.exit_code == 0, made.output
    said = runner.invoke(
        cli, ["stats", str(merged), "--by", "单位", "--format", "json", "--today", "2024-05-10"]
    )
    units = json.loads(said.stdout)["按单位"]
    assert len(units) == 3

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url)
    page.fill("#today", "2024-05-10")
    page.set_input_files("#file", str(EXAMPLE))
    page.wait_for_selector("#verdict-text")
    assert page.locator("[data-chart='按单位']").is_hidden()  # a unit's own ledger

    page.set_input_files("#file", str(merged))
    page.locator("#verdict .file", has_text="汇总台账").wait_for()
    tab = page.locator("[data-chart='按单位']")
    assert tab.is_visible()
    tab.click()
    bars = page.locator("#chart svg rect")
    assert bars.count() == len(units)
    drawn = [t.text_content() for t in page.locator("#chart svg title").all()]
    assert drawn == [f"{u['单位']}：{u['办结率']}" for u in units]
    _shot(page, "8-汇总台账按单位")


def test_the_grid_sends_only_the_merged_ranges_it_draws(tmp_path):
    """A sheet longer than the page draws: the merged ranges below the drawn rows (tens of
    thousands in a big 汇总) are not sent, and a range crossing the last drawn row or column is
    cut to it, as the page would cut it."""
    import openpyxl

    from ledger_tools.web.service import GRID_MAX_COLS, GRID_MAX_ROWS, sheet_grids

    rows = GRID_MAX_ROWS + 600
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "整改台账"
    for r in range(1, rows + 1, 2):
        ws.cell(r, 1, f"问题{r}")
        ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
    ws.cell(GRID_MAX_ROWS, 2, "跨过最后一行")
    ws.merge_cells(start_row=GRID_MAX_ROWS, start_column=2, end_row=rows, end_column=2)
    ws.cell(1, GRID_MAX_COLS + 5, "最右")  # wider than drawn
    ws.merge_cells(start_row=2, start_column=GRID_MAX_COLS, end_row=2, end_column=GRID_MAX_COLS + 3)
    path = tmp_path / "长表.xlsx"
    wb.save(path)

    grid = sheet_grids(path, ["整改台账"])["整改台账"]
    drawn = len(grid["rows"])
    assert drawn == GRID_MAX_ROWS and grid["truncated"] and grid["total_rows"] > drawn
    merged = grid["merged"]
    assert len(merged) == GRID_MAX_ROWS // 2 + 2  # the pairs drawn, the long one, the wide one
    assert all(r1 < drawn and r2 < drawn and c2 < GRID_MAX_COLS for r1, _c1, r2, c2 in merged)
    assert [GRID_MAX_ROWS - 1, 1, drawn - 1, 1] in merged
    assert [1, GRID_MAX_COLS - 1, 1, GRID_MAX_COLS - 1] in merged
