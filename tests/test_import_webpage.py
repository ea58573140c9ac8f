"""``ledger-tools import`` of a web page saved from the browser (.html, .mht).

The genre documents of rounds 5 and 6 (real .docx) are made into HTML by LibreOffice, then put
inside a page as government sites publish them: a menu of links, a breadcrumb, a list of
related links, the heading, the byline and counters, 【打印本页】, the footer with the ICP
number, a script; half of the pages in GB2312 (as older sites are). Importing the page must give
the very ledger the .docx gives. Also: a one-file .mht, an old page laid out with tables whose
data table has merged cells, and a page with no article.
"""

from __future__ import annotations

import quopri
import re

import docx
import genre_docs5 as G5
import genre_docs6 as G6
import pytest
from click.testing import CliRunner
from office_pdf import convert_to_pdf
from test_import_genre import run_import

from ledger_tools.cli import cli

COLUMNS = (
    "方面",
    "问题",
    "整改措施",
    "整改状态",
    "整改时限",
    "牵头部门",
    "责任部门",
    "责任领导",
    "完成时间",
)
BUILDERS = {**G5.DOCX_BUILDERS, **G6.DOCX_BUILDERS}

NAV = (
    '<div class="top"><ul class="nav">'
    + "".join(
        f'<li><a href="/{i}">{t}</a></li>'
        for i, t in enumerate(["首页", "机构概况", "政务公开", "政策文件", "办事服务", "互动交流"])
    )
    + "</ul></div>"
)
CRUMB = (
    '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a>'
    ' &gt; <a href="/tzgg">通知公告</a></div>'
)
SIDE = (
    '<div class="side"><h3>相关链接</h3><ul>'
    + "".join(
        f'<li><a href="/n{i}">关于开展2024年度第{i}批政务公开重点工作情况的通报</a></li>'
        for i in range(1, 9)
    )
    + "</ul></div>"
)
FOOT = (
    '<div class="foot"><p>主办单位：云岭县人民政府办公室　版权所有</p>'
    "<p>网站标识码：5301000001　滇ICP备12345678号</p></div>"
)


def site_page(body: str, title: str, charset: str) -> bytes:
    """``body`` published as a county government site shows an article."""
    info = '<div class="info">发布时间：2024-11-21 09:30　来源：县交通运输局　浏览次数：1024</div>'
    tools = '<div class="tools">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>'
    page = (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
        f'charset={charset}"><title>{title}_云岭县人民政府</title>'
        '<script>var tip = "<p>整改措施：不是正文</p>";</script></head><body>'
        f'{NAV}{CRUMB}<div class="main">{SIDE}<div class="article"><h1>{title}</h1>{info}'
        f'<div class="TRS_Editor">{body}</div>{tools}</div></div>{FOOT}</body></html>'
    )
    return page.encode("gb18030" if charset == "gb2312" else charset)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """{name: (the .docx, the site page made of it)}."""
    folder = tmp_path_factory.mktemp("webpages")
    sources = {name: build(folder / f"{name}.docx") for name, build in BUILDERS.items()}
    if not convert_to_pdf(sources.values(), folder, to="html"):
        pytest.skip("LibreOffice is not installed: no HTML to make of the documents")
    out = {}
    for k, (name, source) in enumerate(sources.items()):
        exported = source.with_suffix(".html").read_text(encoding="utf-8")
        body = re.search(r"<body[^>]*>(.*)</body>", exported, re.S).group(1)
        title = page_heading(source)
        page = folder / f"{name}-网页.html"
        page.write_bytes(site_page(body, title, "gb2312" if k % 2 else "utf-8"))
        out[name] = (source, page)
    return out


def page_heading(source) -> str:
    """The document's title, as a site puts it over the article: the first line with 关于 (a
    running header such as "某乡巡察整改方案" may stand above it), else the first line."""
    lines = [p.text.strip() for p in docx.Document(source).paragraphs if p.text.strip()][:3]
    return next((t for t in lines if "关于" in t), lines[0])


def ledger_rows(ledger) -> list[tuple]:
    return [tuple(m.get(c) for c in COLUMNS) for m in ledger.measures]


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_saved_page_gives_the_ledger_the_word_file_gives(pages, name, tmp_path):
    source, page = pages[name]
    want, want_out = run_import(source, tmp_path / "docx")
    got, got_out = run_import(page, tmp_path / "html")
    assert ledger_rows(got) == ledger_rows(want)
    assert ledger_rows(got)  # (not vacuous)
    assert (
        got_out.splitlines()[1].split("，已写入")[0]
        == want_out.splitlines()[1].split("，已写入")[0]
    )
    assert got.info.get("监督机构") == want.info.get("监督机构")
    titles = [{k: v for k, v in x.info.items() if "标题" in k} for x in (got, want)]
    assert titles[0] == titles[1]  # the heading over the article, not the page's <title>
    # nothing of the site's menus, links or footer became a row or a reminder
    text = got_out + "".join(str(m.get("整改措施")) for m in got.measures)
    assert not any(w in text for w in ("ICP备", "网站标识码", "政务公开重点工作", "不是正文"))


def test_a_one_file_mht_page(pages, tmp_path):
    source, page = pages["guanyu_notice"]
    html = page.read_bytes()
    mht = tmp_path / "通报.mht"
    mht.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_000"; '
        b'type="text/html"\r\n\r\n------=_NextPart_000\r\n'
        b'Content-Type: text/html; charset="gb2312"\r\n'
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: http://www.example.gov.cn/zwgk/1.html\r\n\r\n"
        + quopri.encodestring(html)
        + b"\r\n------=_NextPart_000--\r\n"
    )
    want, _ = run_import(source, tmp_path / "docx")
    got, out = run_import(mht, tmp_path / "mht")
    assert ledger_rows(got) == ledger_rows(want) and ledger_rows(got)
    assert "已导入 整改进展情况通报" in out


OLD_PAGE = """<html><head><meta charset="gb2312"><title>云岭县水务局关于巡察反馈问题整改方案的公示</title></head>
<body><table width="980"><tr><td colspan="2"><img src="logo.gif"><a href="/">首页</a> | <a href="/x">水务要闻</a></td></tr>
<tr><td width="200"><table><tr><td><a href="/a">通知公告</a></td></tr><tr><td><a href="/b">政策法规</a></td></tr></table></td>
<td><p align="center"><b>中共云岭县水务局党组关于县委第一巡察组反馈意见的整改方案</b></p>
<p>　　为认真落实县委第一巡察组反馈意见，结合实际，制定如下整改方案。</p>
<p>　　一、整改任务</p><p>　　整改任务详见下表。</p>
<table border="1"><tr><th>序号</th><th>问题</th><th>整改措施</th><th>责任单位</th><th>整改时限</th></tr>
<tr><td colspan="5">一、水利工程建设管理方面</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">小型水库除险加固项目进度滞后</td><td>倒排工期，每周调度项目进度</td><td rowspan="2">工程建设股</td><td>2025年3月底前</td></tr>
<tr><td>对施工单位履约情况开展专项检查</td><td>2025年1月底前</td></tr>
<tr><td>2</td><td>河道采砂监管存在漏洞</td><td>建立采砂现场视频监控和日巡查制度</td><td>河湖管理股</td><td>长期坚持</td></tr>
<tr><td colspan="5">二、干部队伍建设方面</td></tr>
<tr><td>3</td><td>年轻干部培养力度不够</td><td>制定年轻干部轮岗交流计划<br>每季度开展一次业务培训</td><td>人事股</td><td>2024年12月底前</td></tr>
</table>
<p align="right">中共云岭县水务局党组</p><p align="right">2024年10月8日</p></td></tr>
<tr><td colspan="2">版权所有：云岭县水务局　地址：云岭县新城路8号</td></tr></table></body></html>"""


def test_an_old_page_laid_out_with_tables(tmp_path):
    """The article in a cell of a table laying out the page (menus in another), the task list
    a data table with 方面 rows across it and merged 序号/问题/责任单位 cells."""
    page = tmp_path / "整改方案.htm"
    page.write_bytes(OLD_PAGE.encode("gb18030"))
    ledger, out = run_import(page, tmp_path / "out")
    assert "已导入 整改方案" in out
    assert [(a.title, [p.title for p in a.problems]) for a in ledger.aspects] == [
        ("水利工程建设管理方面", ["小型水库除险加固项目进度滞后", "河道采砂监管存在漏洞"]),
        ("干部队伍建设方面", ["年轻干部培养力度不够"]),
    ]
    rows = [(m.get("整改措施"), m.get("责任部门")) for m in ledger.measures]
    assert rows[:3] == [
        ("倒排工期，每周调度项目进度", "工程建设股"),
        ("对施工单位履约情况开展专项检查", "工程建设股"),
        ("建立采砂现场视频监控和日巡查制度", "河湖管理股"),
    ]
    assert ledger.info.get("监督机构") == "县委第一巡察组"
    # the document's own title; the page's <title> ("…的公示") is the site's, not the document's
    assert ledger.info["方案标题"] == "中共云岭县水务局党组关于县委第一巡察组反馈意见的整改方案"
    assert "版权所有" not in out and "水务要闻" not in out


def test_a_page_without_an_article_is_refused_in_chinese(tmp_path):
    page = tmp_path / "空白.html"
    page.write_text(
        '<html><head><title>加载中</title><script src="app.js"></script></head>'
        '<body><div id="app"></div></body></html>',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["import", str(page), "-o", str(tmp_path / "台账.xlsx")])
    assert result.exit_code == 2
    assert "没有读到正文文字" in result.output and "空白.html" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "台账.xlsx").exists()


def test_a_table_of_huge_merged_cells_is_refused_in_chinese(tmp_path):
    """A crafted page: 3,000 rows of 63 cells each spanning 63 rows and columns would repeat
    its text in some ten million cells; it is refused after a million."""
    cells = '<td colspan="63" rowspan="63">问题</td>' * 63
    page = tmp_path / "表格.html"
    page.write_text(
        "<html><body><p>关于整改情况的通报</p><table>"
        + f"<tr>{cells}</tr>" * 3000
        + "</table></body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["import", str(page), "-o", str(tmp_path / "台账.xlsx")])
    assert result.exit_code == 2
    assert "“表格.html”中有一个表格" in result.output and "1,000,000" in result.output
    assert not (tmp_path / "台账.xlsx").exists()


def test_a_deep_page_of_many_paragraphs_is_refused_by_the_paragraph_limit(tmp_path):
    """200 nested <div>s around 30,000 paragraphs: the article is found in one pass (counting
    the text again at every level took minutes on such a page) and the import stops at the
    paragraph limit with its Chinese message."""
    body = "".join(f"<p>第{i}段关于整改措施落实情况的说明</p>" for i in range(30_000))
    page = tmp_path / "长网页.html"
    page.write_text(
        f"<html><body><h1>关于整改情况的通报</h1>{'<div>' * 200}{body}{'</div>' * 200}</body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["import", str(page), "-o", str(tmp_path / "台账.xlsx")])
    assert result.exit_code == 2
    assert "“长网页.html”有 20,00" in result.output and "超过导入的上限 20,000 段" in result.output
