"""Stage 2b of ``import``: the outline of one document → its rectification content.

A ``Parsed`` document holds 方面 → 问题 → 措施 (with 责任/时限 fields read from the tails and
tables, progress text and status read from the status sentences), the 基本信息 the title,
opening, 落款 and contact block state, the general sections as 文稿段落, and a warning for
every paragraph that could not be placed. Nothing here writes a workbook (``mapping`` and
``writing`` do).

The document kinds (``KINDS``) differ in what the items under a 问题 are: 问题表现 in a
反馈意见 (feedback), 整改措施 with 责任 tails in a 整改方案 (plan), 措施 with their results in
a 整改情况报告 (report) or 进展通报 (notice). ``auto`` decides from the title and the labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ledger_tools.importing import fields as F
from ledger_tools.importing.extract import Block
from ledger_tools.importing.outline import MARKED_HEADING_STYLE, Node, build_outline, match_marker

KINDS = ("feedback", "plan", "report", "notice")
KIND_NAMES = {
    "feedback": "反馈意见",
    "plan": "整改方案",
    "report": "整改情况报告",
    "notice": "整改进展情况通报",
}
TEXT_DOC = {"feedback": "全部", "plan": "方案", "report": "报告", "notice": "通报"}


@dataclass
class PMeasure:
    text: str
    where: str
    fields: dict[str, str] = field(default_factory=dict)  # canonical column -> text
    # (status, deadline, day done) its past-tense account states (``F.account_status``):
    # the status is used only when neither it nor its problem says one
    told: tuple[str, str, str] | None = None

    def status_under(self, problem_status: str) -> str:
        """Its 整改状态 in the ledger: its own, else its problem's, else its account's."""
        own = self.fields.get("整改状态") or problem_status
        return own or (self.told[0] if self.told else "")


@dataclass
class PProblem:
    title: str
    where: str
    number: str = ""
    detail: str = ""  # 问题表现
    goal: str = ""  # 整改目标
    status: str = ""  # canonical 整改状态 from the status sentence
    status_text: str = ""
    deadline: str = ""  # "计划于…前完成"
    delay: tuple[str, str] | None = None  # (原计划 date, 延期说明) of a late problem
    done: str = ""  # the day it was put right, as the status sentence says it
    from_table: bool = False  # built from a table row (not found in the text)
    measures: list[PMeasure] = field(default_factory=list)


@dataclass
class PAspect:
    title: str
    where: str
    problems: list[PProblem] = field(default_factory=list)


@dataclass
class Parsed:
    path: str
    kind: str
    title: str = ""
    info: dict[str, str] = field(default_factory=dict)
    aspects: list[PAspect] = field(default_factory=list)
    texts: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The counts the document states anywhere: 方面/问题/已整改/整改率, and 句子 (its wording).
    figures: dict[str, Any] = field(default_factory=dict)
    # The sentence saying only some of the problems are told ("现将部分典型问题的整改情况通报如下").
    excerpt: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def problems(self) -> list[PProblem]:
        return [p for a in self.aspects for p in a.problems]


# ---------------------------------------------------------------------------------------------
# Section headings.

# 文稿段落 章节 by the words of a level-1 heading (first match wins).
TEXT_SECTION_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("下一步打算", re.compile(r"下一步|今后|努力方向|打算")),
    ("指导思想", re.compile(r"指导思想|总体要求|基本原则")),
    ("工作要求", re.compile(r"工作要求|保障措施|有关要求|工作保障|组织保障")),
    (
        "工作开展情况",
        re.compile(
            r"开展情况|主要做法|工作情况|整改工作|基本情况|总体情况|总体进展|整体进展|工作进展"
        ),
    ),
    ("整改目标", re.compile(r"目标")),
)
# Why a general section of a feedback (or a 检视剖析材料 read as one) is not imported.
_GENERAL_REASON = "反馈意见的总体情况和评价，不导入文稿段落"
_DIRECTIONS_REASON = "总体的整改方向和要求，没有对应到具体问题，不导入为措施；制定整改措施时请参照"
FEEDBACK_SECTION_REASONS = {
    "下一步打算": _DIRECTIONS_REASON,
    "整改目标": _DIRECTIONS_REASON,
    "工作要求": _DIRECTIONS_REASON,
    "指导思想": _DIRECTIONS_REASON,
}
_LEADERSHIP = re.compile(r"组织领导|领导小组|组织机构")
_PROBLEM_SECTION = re.compile(r"问题|任务|整改落实|整改措施|反馈意见|具体表现|对照检查|查摆|清单")
_ASPECT = re.compile(r"方面(?:(?:存在)?的?问题)?[。：:，,]?$|^在.{2,60}方面")
_LABEL = re.compile(
    r"^(整改措施及(?:结果|成效|进展)|整改措施和(?:结果|成效)|整改(?:情况|措施|举措|进展|进度|结果|成效|目标|落实情况|完成情况)"
    r"|具体(?:表现|措施)|问题表现|主要表现|存在问题|进展情况|完成情况|落实情况|工作措施|审计建议|整改要求"
    r"|主要(?:措施|举措|做法)|下一?步(?:计划|打算|工作计划|工作打算|措施|工作措施)?"
    r"|责任(?:领导|单位|部门|人)|牵头(?:领导|单位|部门)|(?:完成|整改)(?:时限|期限)|时限|(?:实际)?(?:完成|办结)(?:时间|日期)"
    r"|措施|问题)\s*[：:]\s*"
)
_NEXT_STEP = re.compile(r"^(下一步|今后)[，,：:]")
# "下一步：……" as a label under a problem that has its measures (a 通报's "整改情况：" /
# "下一步：" pair): the measures planned for it, not the document's 下一步打算.
_NEXT_LABEL = re.compile(r"^下一?步[：:]")
# "截至2025年6月30日，该方面2个问题已完成整改1个。" (or without the day: "该方面1个问题，持续
# 推进1个。") after a 方面's last problem: the count of several problems (not a total of the
# document, not this problem's progress).
_GROUP_COUNT = re.compile(
    r"^(?:(?:截[至止]|到)[^。；;，,]{0,16}[，,]\s*)?(?:该方面|本方面|这一方面|上述|以上|这些|此类)"
    r"[^。；;]{0,10}?\d+\s*(?:个|项)问题[^。；;]{0,20}(?:整改|办结|销号|推进|完成)"
    # "共排查发现此类问题2个，已全部整改。" (a 专项整治通报's count of one kind of problem)
    r"|^(?:共|累计)?[^。；;，,]{0,8}?(?:此类|该类|这类|本类|该方面|本方面)问题\s*\d+\s*(?:个|项|起)"
    r"[^。；;]{0,20}(?:整改|办结|销号|推进|完成)"
)
# A paragraph about all the problems, after the last one ("针对上述问题，巡察组提出以下建议：…").
_GENERAL_TAIL = re.compile(
    r"^(?:针对|对照|就|对于|对)(?:上述|以上|这些|前述)(?:问题|情况)|^巡[视察]组(?:建议|提出)|^(?:整改)?建议[：:]"
)
# The sentence after a notice's "下一步计划：…" list that gives its dates ("上述措施计划于2024年
# 9月底前完成；其中2条措施原计划分别于…，现已超期…", "该措施原计划于…"): not a measure.
_PLAN_DATES = re.compile(r"[。；;]\s*(?:上述措施|该措施)(?P<said>(?:原)?计划.*)$")

# A label that starts a new part in the middle of a paragraph ("…目前正在推进。下一步计划：…";
# "问题3：……。整改措施：①……。整改结果：已整改。……" — a problem's whole block in one paragraph).
_INLINE_LABEL = re.compile(
    r"(?<=[。；;])\s*(?=(?:下一?步(?:计划|打算|工作计划|工作打算|措施|工作措施)"
    r"|整改(?:措施|结果|成效|进展|情况)(?:及(?:结果|成效|进展))?)\s*[：:])"
)
# A totals sentence after a list of measures ("共清退资金8,600元，约谈问责3人次。"): derived
# figures, not a measure (the ledger keeps the figures per measure).
_TOTALS = re.compile(r"(?:^|(?<=[。；;]))\s*(?:共|累计|合计)[^。；;]*\d[^。；;]*[。；;]?")
# Dates and deadlines as the report's sentences write them.
_DAY = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_MONTH_OR_DAY = r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
_DUE = r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前)?"
# How a report words a measure without a narrative, by its status (the tense rules): each gives
# the measure text, and the status and the date the sentence states.
_TENSED: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(rf"^将于(?P<due>{_DUE})(?P<m>.+?)(?P<rest>。.*)?$"), "未启动", "整改时限"),
    (
        re.compile(rf"^(?P<m>.+?)[，,]原定于(?P<due>{_DUE})完成[，,]目前尚未启动(?P<rest>。.*)?$"),
        "未启动",
        "整改时限",
    ),
    # (a month is a day done as well: "，已于2025年4月完成", as ``F.account_status`` reads it)
    (
        re.compile(rf"^(?P<m>.+?)[，,]已于(?P<due>{_MONTH_OR_DAY})完成(?P<rest>。.*)?$"),
        "已完成",
        "完成时间",
    ),
    (
        re.compile(rf"^(?P<m>.+?)[，,]自(?P<due>{_DAY})起长期坚持(?P<rest>。.*)?$"),
        "长期坚持",
        "完成时间",
    ),
)
_WORK_STATE = re.compile(
    rf"^该项工作(正在推进|已基本完成)(?:[，,]计划于(?P<due>{_DUE})完成)?[。；;]?$"
)
# A date something is planned by: "2025年5月底前", "力争2025年6月30日前".
_BY_DATE = re.compile(
    r"(?P<due>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|中旬|上旬|下旬)?\s*(?:前|以前|之前))"
)
# (what is to be finished may follow: "，计划于2025年9月底前完成全部资产录入。")
_PLANNED_BY = re.compile(
    rf"[，,]\s*(?:计划|预计)于?(?P<due>{_DUE})\s*(?:全部)?完成[^，,。；;]{{0,20}}[。；;]?$"
)
# A sentence that tells what was done rather than what to do: it opens with the date or an
# "already" ("2024年3月28日，局党组会议审议通过…", "已完成全局固定资产清查…").
_ACCOUNT = re.compile(
    rf"^(?:{_DAY}|\d{{4}}\s*年\s*\d{{1,2}}\s*月|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|自\d|截至|截止|已|目前已)"
)
# A document telling only some of its problems: "现将部分典型问题的整改情况通报如下",
# "选取其中3个典型问题", "部分问题整改情况举例如下".
_EXCERPT = re.compile(
    r"[^。；;：:]*(?:(?:部分|典型)[^。；;：:]{0,20}(?:如下|公布|公开|通报)"
    r"|举例如下|摘要如下|选取[^。；;]{0,12}问题)[^。；;：:]*"
)
_WELCOME = re.compile(r"欢迎.{0,30}监督|如有意见建议")
# The closing formula of a 公文 ("特此公告。"): nothing to import, nothing lost.
_CLOSING = re.compile(
    r"^特此(?:公告|报告|通报|通知|说明|函告)[。！!]?$"
    # the issue note under a title: "（2024年6月）", "（2024年3月11日印发）"
    r"|^[（(]\d{4}\s*年[^（()）]{0,14}[)）]$"
    # over the second part of a table broken in two: "（续表）", "续上表"
    r"|^[（(]?\s*续(?:表|上表)\s*\d*\s*[)）]?$"
)
_SEE_ATTACHMENT = re.compile(
    r"(?:详|具体)?见附件\s*\d*(?:[《“]?[\u4e00-\u9fff]{0,16}?(?:清单|台账|表)[》”]?)?[。.]?$"
    r"|附件\s*\d*[）)]?[。.]?$"
)
_ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[：:]?\s*(.*)$")
_NOT_TITLE = re.compile(r"^[（(].*[)）]$|文件$|[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")
_OMITTED = re.compile(r"[（(]?\s*(略|从略|此处从略|内容略)\s*[)）]?[。.]?")
_NOT_IMPORTED = re.compile(r"原因|根源|剖析|思想根源")
_ABOUT = re.compile(r"关于(.+?)的问题[。：:]?")


def _about_title(head: str) -> str:
    """The problem a "关于……的问题" sentence names (the whole sentence when it is not one)."""
    about = _ABOUT.fullmatch(head)
    return _unquote(about.group(1)) if about else head


# "关于“……”问题的整改" / "针对……问题的整改情况": a heading naming the problem it answers.
_ABOUT_WORK = re.compile(
    r"(?:关于|针对)(.+?)的?问题的?(?:整改|整改情况|整改落实情况|整改进展情况|整改进展)[。：:]?"
)
# "1.问题：……" — the problem introduced by its label (a plan with 问题/措施/时限 labels).
_PROBLEM_LABEL = re.compile(
    r"^(?:(?:存在的?|反馈|主要|查摆|检视|查找|梳理|自查)(?:出|发现)?的?)?问题(?:描述|内容)?\s*[：:]\s*"
)
_SENTENCE = re.compile(r"^(.+?[。！？；;])(.*)$")
# A 乡镇, 村 or unit named alone on a numbered line ("（一）石桥镇", "2.县人民医院"): a section of
# a 县's report by the units the problems were found in.
_UNIT_NAME = re.compile(
    r"[\u4e00-\u9fff]{1,16}?(?:镇|乡|街道|街道办事处|村|社区|管委会|局|委员会|办公室|公司|集团"
    r"|学校|中学|小学|幼儿园|医院|卫生院|中心|站|所)"
)


# What a web page puts around a published text, copied with it: the breadcrumb, the source and
# date line, the font-size switch, print/close/share links.
_WEB_FURNITURE = re.compile(
    r"^(?:首页|当前位置|您当前的位置|您的位置|当前位置)\s*[>＞»:：]"
    r"|^(?:发布时间|发布日期|信息来源|来源|作者|浏览次数|访问次数|点击数|阅读次数|阅读量|索引号|发文机构)\s*[：:]"
    r".{0,80}(?:浏览|点击|阅读|访问|来源|作者|发布|\d{4}-\d{1,2}-\d{1,2})"
    r"|^[【\[]?\s*(?:字体|字号|打印本页|打印|关闭窗口|关闭|返回顶部|分享到|收藏|扫一扫)[：:】\]\s]"
    # "扫一扫在手机打开当前页", "手机扫一扫，分享到朋友圈"
    r"|^(?:手机)?扫一扫[^。]{0,16}$"
    r"|^(?:[【\[]\s*(?:打印本页|关闭窗口|打印|关闭|返回顶部|字体[：:]?\s*大\s*中\s*小)\s*[】\]]\s*)+$"
    # a 公众号 article's counters at its foot: "阅读 1024", "阅读 1.2万 在看 15 赞 8"
    r"|^(?:(?:阅读|阅读量|浏览量|在看|点赞|赞|分享|推荐)\s*[：:]?\s*[\d.]+\s*万?\+?\s*)+$"
    # its credits: "编辑：李雪  审核：陈刚", "来源丨清源发布"
    r"|^(?:(?:责任)?编辑|审核|校对|[初复终二三]审|审校|排版|美编|供稿|撰稿|图片|来源)\s*[：:丨|｜][^。]{0,40}$"
    # the site's own foot: "版权所有：…技术支持：…", "主办单位：… 网站标识码：…"
    r"|^(?:版权所有|主办单位|主办|承办单位|网站标识码|技术支持)\s*[：:©]"
)


# A 公众号 article's byline under its title: the account's name and the time it was posted
# ("东川镇 2025年1月10日", "东川发布 2025-01-10 08:30") — not the document's own date.
_BYLINE = re.compile(
    r"^[\u4e00-\u9fffA-Za-z]{2,20}\s*\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{2})?$"
)


def _without_web_furniture(blocks: list[Block], parsed: Parsed) -> list[Block]:
    """``blocks`` without the web page's furniture; one warning says how many lines went."""
    from ledger_tools.importing.extract import FURNITURE_STYLE

    kept = [
        b
        for k, b in enumerate(blocks)
        if b.style != FURNITURE_STYLE
        and (b.is_table or len(b.text) > 120 or not _WEB_FURNITURE.search(b.text))
        and (k > 3 or b.is_table or not _BYLINE.match(b.text))
    ]
    if len(kept) == len(blocks):
        return blocks
    kept_ids = {id(b) for b in kept}
    dropped = [b for b in blocks if id(b) not in kept_ids]
    if dropped:
        shown = "；".join(f"{b.where}“{b.text[:20]}”" for b in dropped[:3])
        parsed.warnings.append(
            f"页眉页脚、网页上的栏目导航、发布时间、打印和关闭按钮等 {len(dropped)} 行不是文稿内容，未导入（{shown}"
            + ("等" if len(dropped) > 3 else "")
            + "）。"
        )
    return kept


def _bracketed_labels(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each 【label】 written as "label：" where the label is one the reader knows
    (a problem's number or a field's label): web pages and 公众号 articles set "【问题一】……"
    "【整改措施】……" "【责任单位】……" for "问题一：" "整改措施：" "责任单位：". Any other 【…】
    ("【典型案例】") stays as it is."""
    import dataclasses

    from ledger_tools.importing.outline import MARKERS

    problem = dict(MARKERS)["problem"]

    def known(label: str) -> bool:
        found = _LABEL.match(label)
        return bool(problem.fullmatch(label) or (found and found.end() == len(label)))

    def relabel(m: re.Match[str]) -> str:
        label = m.group(1).strip() + "："
        if not known(label):
            return m.group(0)
        # (a label further on in the line, "【责任领导】张明远　　【完成时限】……", starts a part)
        lead = "" if m.start() == 0 or m.string[m.start() - 1] in "。；;，,：:" else "；"
        return lead + label

    out = []
    for b in blocks:
        if not b.is_table and "【" in b.text:
            text = _BRACKETED_ANYWHERE.sub(relabel, b.text)
            if text != b.text:
                b = dataclasses.replace(b, text=text)
        out.append(b)
    return out


_BRACKETED_ANYWHERE = re.compile(r"【\s*([^【】]{2,12}?)\s*】\s*")

# "（已完成）……": a measure's status in a bracket before its text.
_LEADING_STATUS = re.compile(r"^\s*([（(][^（）()]{2,12}[)）])\s*")
# "问题1（已完成）：……": the problem's status in a bracket after its number.
_NUMBER_STATUS = re.compile(
    r"^(问题\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3}))\s*([（(][^（）()]{2,12}[)）])\s*[：:]\s*(\S.*)$"
)


def _numbered_status(blocks: list[Block]) -> list[Block]:
    """``blocks`` with "问题1（已完成）：……。" written "问题1：……（已完成）。", where the reader
    takes a problem's own status (after its first sentence); a bracket that is no status
    ("问题1（共性问题）：") stays where it is."""
    import dataclasses

    out = []
    for b in blocks:
        m = None if b.is_table else _NUMBER_STATUS.match(b.text)
        if m and F.trailing_status(f"问题{m.group(2)}"):
            head, status, text = m.groups()
            sentence = _SENTENCE.match(text)
            first, rest = (sentence.group(1), sentence.group(2)) if sentence else (text, "")
            body = first.rstrip("。！？；;")
            b = dataclasses.replace(b, text=f"{head}：{body}{status}{first[len(body) :]}{rest}")
        out.append(b)
    return out


# A 公众号 article's marks: a bullet before a paragraph ("◆问题一：", "▶整改措施："), its parts
# numbered "01 整改工作总体情况" / "02 ……" (short lines, the numbers in order from 01).
_BULLET = re.compile(r"^[◆◇■□●○▶►▷▸▲△◎★☆▎▍▌➤➢•]+\s*(?=\S)")
_PART_NUMBER = re.compile(
    r"^0([1-9])\s*[丨|｜/、.．]?\s*(?P<title>[^\d\s。！？；;][^。！？；;]{1,30})$"
)


def _article_marks(blocks: list[Block]) -> list[Block]:
    """``blocks`` with a 公众号 article's bullets dropped and its "01/02/03" parts numbered
    "一、二、三、" as the 公文 it was set from numbers them (only when they run 01, 02, … in
    order: a line "02 ……" on its own is left as it is)."""
    import dataclasses

    from ledger_tools.importing.outline import CN_DIGITS

    parts = [
        (k, m) for k, b in enumerate(blocks) if not b.is_table and (m := _PART_NUMBER.match(b.text))
    ]
    numbered = 2 <= len(parts) <= len(CN_DIGITS) and [int(m.group(1)) for _, m in parts] == list(
        range(1, len(parts) + 1)
    )
    renumber = {k: f"{CN_DIGITS[i]}、{m.group('title')}" for i, (k, m) in enumerate(parts)}
    out = []
    for k, b in enumerate(blocks):
        if b.is_table:
            out.append(b)
            continue
        text = renumber[k] if numbered and k in renumber else _BULLET.sub("", b.text)
        if text != b.text and _MARKED_ASPECT.fullmatch(text):
            # "▲贯彻落实上级决策部署方面" alone on a line: a heading, as bold would make it
            # (before: the mark dropped, it was text — unplaced, or the last measure's 进展)
            out.append(dataclasses.replace(b, text=text, style=MARKED_HEADING_STYLE))
            continue
        out.append(dataclasses.replace(b, text=text) if text != b.text else b)
    return out


_MARKED_ASPECT = re.compile(r"[^。！？；;：:，,]{2,30}(?:方面|领域|类问题)")


def _without_image_pages(blocks: list[Block], parsed: Parsed) -> list[Block]:
    """``blocks`` without the PDF's pages that are pictures only; one warning names them."""
    from ledger_tools.importing.extract import IMAGE_PAGE_STYLE

    pages = [b.where for b in blocks if b.style == IMAGE_PAGE_STYLE]
    if pages:
        parsed.warnings.append(
            f"{'、'.join(pages[:10])}{'等' if len(pages) > 10 else ''}没有文字层，是扫描或插入的图片，"
            "其中的内容无法读取（本工具不识别图片中的文字），未导入；如果是问题清单等附件，"
            "请导入 Word 原文，或对照原件在台账中补录。"
        )
    return [b for b in blocks if b.style != IMAGE_PAGE_STYLE]


def _without_footnotes(blocks: list[Block], parsed: Parsed) -> list[Block]:
    """``blocks`` without the PDF's footnotes (notes on the text, not rectification content);
    one warning names the pages and quotes them, for the clerk to add by hand if wanted."""
    from ledger_tools.importing.extract import FOOTNOTE_STYLE

    notes = [b for b in blocks if b.style == FOOTNOTE_STYLE]
    if notes:
        pages = list(dict.fromkeys(b.where for b in notes))
        shown = "；".join(f"“{b.text[:30]}”" for b in notes[:3])
        parsed.warnings.append(
            f"{'、'.join(pages)}页脚处的 {len(notes)} 条脚注是对正文的注释，未导入台账（{shown}"
            + ("等" if len(notes) > 3 else "")
            + "）；正文中的脚注编号已去掉，需要时请对照原文补入备注。"
        )
    return [b for b in blocks if b.style != FOOTNOTE_STYLE]


_NOTE_FIRST = re.compile(r"^附\s*件\s*[：:]\s*1\s*[.．、]")
_NOTE_ITEM = re.compile(r"^\d{1,2}\s*[.．、]\s*[^。；;，,：:]{2,40}$")


# The line an attachment starts with: "附件1", "附件2：建立完善制度清单" (not "附件：1.…", the
# 附件说明 listing them).
_ATTACHMENT_LINE = re.compile(
    r"附\s*件\s*\d*\s*(?:[：:]\s*)?(?:[^\d。；;，,：:][^。；;，,：:]{1,39})?"
)


# An attachment a web page links to, by its file name: "附件：1.整改任务清单.docx",
# "2.制度汇编.pdf" (the file is not in the page).
_ATTACHED_FILE = re.compile(
    r"^(?:附\s*件\s*\d*\s*[：:]?\s*)?(?:\d{1,2}\s*[.．、]\s*)?"
    r"(?P<name>[^\s。；;，,：:]{2,60}\.(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar|7z|txt))$",
    re.IGNORECASE,
)


def _attachment_note(blocks: list[Block]) -> list[Block]:
    """The 附件说明 of a 公文 listing several attachments ("附件：1.巡察整改任务清单" then
    "2.建立完善制度清单" on the next line) as one line: the items after the first are names of
    attachments, not numbered paragraphs of the body."""
    out: list[Block] = []
    joining = False
    for b in blocks:
        if joining and not b.is_table and _NOTE_ITEM.match(b.text):
            out[-1] = Block(f"{out[-1].text}　{b.text}", out[-1].where, out[-1].style)
            continue
        joining = not b.is_table and bool(_NOTE_FIRST.match(b.text))
        out.append(b)
    return out


def parse_blocks(blocks: list[Block], path: str, kind: str = "auto") -> Parsed:
    """The rectification content of one document's ``blocks``."""
    parsed = Parsed(path=path, kind=kind)
    blocks = _without_web_furniture(blocks, parsed)
    blocks = _without_image_pages(blocks, parsed)
    blocks = _without_footnotes(blocks, parsed)
    blocks = _bracketed_labels(blocks)
    blocks = _article_marks(blocks)
    blocks = _numbered_status(blocks)
    blocks = _attachment_note(blocks)
    body, tail, attachment = _split_tail(blocks)
    title_blocks, body = _split_title(body)
    if header := _header_over_title(title_blocks, body):
        # A one-page PDF's running header above the real title ("某乡巡察整改方案" over
        # "中共某乡委员会关于……的整改方案"): not repeated, so not found as furniture.
        parsed.warnings.append(
            f"{header.where}顶端的“{header.text}”是页眉，不是文稿标题，未导入；标题取其下的“{body[0].text[:40]}”。"
        )
        title_blocks, body = _split_title(body)
    # Not part of the title: a "（2024年3月11日印发）" line, the 发文机关标志 "…文件" and the
    # 发文字号 "…〔2024〕3号" of a 红头 document above it.
    parsed.title = "".join(b.text for b in title_blocks if not _NOT_TITLE.search(b.text))
    if kind == "auto":
        parsed.kind = detect_kind(parsed.title, body)
    parsed.figures = _stated_figures(blocks)
    if "措施" not in parsed.figures and (measures := _stated_measures(blocks)):
        # (the sentence quoted stays the one stating the problems, where there is one)
        parsed.figures = {**measures, **parsed.figures}
    parsed.excerpt = next((m.group(0) for b in body if (m := _EXCERPT.search(b.text))), "")
    root = build_outline(body)
    reader = _Reader(parsed)
    reader.opening(root.body)
    reader.sections(root)
    reader.tail(tail)
    reader.attachment(attachment)
    _person_leaders(parsed)
    F.read_info(parsed, title_blocks, root.body, tail)
    return parsed


# A 方面 that is one member of the leading group ("王立军同志（局党组书记、局长）" over the
# problems he found in himself, a 民主生活会 整改方案's second part).
_PERSON = re.compile(
    r"^(?:班子成员)?[:：]?\s*(?P<name>[\u4e00-\u9fff]{2,4}?)\s*同志\s*(?:[（(](?P<post>[^（()）]{2,30})[)）])?"
    r"\s*(?:(?:个人)?(?:存在的?)?问题(?:及|和)?(?:其)?(?:整改措施)?)?$"
)


# A member named without "同志", his post in brackets: "王立军（局党组书记、局长）" — only when the
# name starts with a common surname and the brackets end in a title word (not "组织生活（支部委员）").
_NAME_POST = re.compile(
    rf"^(?:班子成员)?[:：]?\s*(?P<name>(?:{F._COMPOUND_SURNAMES})[\u4e00-\u9fff]{{1,2}}"
    rf"|[{F._SURNAMES}][\u4e00-\u9fff]{{1,2}})\s*"
    r"[（(](?P<post>[^（()）]{1,30}(?:书记|长|主任|委员|成员|主席|总经理|经理|总监|调研员))[)）]"
    r"\s*(?:(?:个人)?(?:存在的?)?问题(?:及|和)?(?:其)?(?:整改措施)?)?$"
)


# The same member written post first: "局党组书记、局长王立军同志（个人问题）".
_POST_FIRST_PERSON = re.compile(
    r"^(?:班子成员)?[:：]?\s*(?P<who>[^（()）：:]{4,40}?)\s*同志"
    r"\s*(?:[（(]?(?:个人)?(?:存在的?)?问题(?:及|和)?(?:其)?(?:整改措施)?[)）]?)?$"
)


def _person_leaders(parsed: Parsed) -> None:
    """The problems grouped under a 班子成员 by name are his own to put right: he is their
    责任领导 where the text names none (written as a ledger writes it, "王立军（局党组书记、局长）").
    Written post first ("局长王立军同志"), the name is the two or three characters after the
    post's last title word; where that cannot be told, nothing is filled and a reminder says so."""
    for aspect in parsed.aspects:
        m = _PERSON.match(aspect.title)
        if m is None and (named := _NAME_POST.match(aspect.title)):
            if not F._NOT_NAME.search(named.group("name")):
                m = named
        if m is not None and (short := F.post_and_name(m.group("name"))):
            # "局长王军同志": four characters, a post and a name, not a name of four
            leader = f"{short[0]}（{short[1]}）"
        elif m is not None:
            leader = m.group("name") + (f"（{m.group('post')}）" if m.group("post") else "")
        elif first := _POST_FIRST_PERSON.match(aspect.title):
            found = F.post_and_name(first.group("who"))
            if found is None:
                if aspect.problems:
                    parsed.warnings.append(
                        f"{aspect.where}“{aspect.title}”：看不出职务和姓名的分界，其下 "
                        f"{len(aspect.problems)} 项问题的“责任领导”没有填写，请按“姓名（职务）”补填。"
                    )
                continue
            leader = f"{found[0]}（{found[1]}）"
        else:
            continue
        for problem in aspect.problems:
            for measure in problem.measures:
                measure.fields.setdefault("责任领导", leader)


def _stated_figures(blocks: list[Block]) -> dict[str, float]:
    """The first statement of the document's own counts ("共反馈问题18个，已整改16个"), with
    the sentence that states it (``句子``, for the warning)."""
    for b in blocks:
        if b.is_table:
            continue
        sentences = re.findall(r"[^。；;]+[。；;]?", b.text)
        for k, sentence in enumerate(sentences):
            if figures := F.stated_figures(sentence):
                said = sentence[int(figures.pop("起")) :].strip()
                # The sentences after it in the paragraph go on with the counts ("……共5个。
                # 截至10月底，已完成整改问题4个，完成整改措施9条，措施完成率81.8%。").
                for more in [sentences[k - 1] if k else "", *sentences[k + 1 : k + 3]]:
                    found = F.stated_figures(more, whole=False) or {}
                    found.pop("问题", None), found.pop("方面", None), found.pop("起", None)
                    if found:
                        figures = {**found, **figures}
                        said += more.strip() if more in sentences[k + 1 :] else ""
                return {**figures, "句子": said}
    return {}


def _stated_measures(blocks: list[Block]) -> dict[str, float]:
    """The number of measures a paragraph other than the counts' one states ("逐条细化整改措施
    26条")."""
    for b in blocks:
        if b.is_table:
            continue
        for sentence in re.findall(r"[^。；;]+[。；;]?", b.text):
            if (found := F.measure_figures(sentence)) and "措施" in found:
                return {**found, "句子": sentence.strip()}
    return {}


def detect_kind(title: str, blocks: list[Block]) -> str:
    """plan / report / notice / feedback from the title, else from the labels used."""
    if "方案" in title or re.search(r"任务清单|整改.{0,4}(?:清单|台账|销号表|任务表)", title):
        return "plan"
    if "通报" in title:
        return "notice"
    if re.search(r"情况的?报告|整改.*报告|整改(落实)?(情况|进展)|整改结果", title):
        return "report"
    if "反馈意见" in title or "反馈" in title:
        return "feedback"
    text = "\n".join(b.text for b in blocks[:400] if not b.is_table)
    if re.search(r"整改措施及(结果|成效)|整改进展[：:]|目前已整改|已整改到位", text):
        return "report"
    if re.search(r"责任领导[：:]|完成时限[：:]|牵头(部门|单位)[：:]", text):
        return "plan"
    return "feedback"


def _is_date_line(text: str) -> bool:
    return bool(F.DATE_ONLY.match(text))


def _split_tail(blocks: list[Block]) -> tuple[list[Block], list[Block], list[Block]]:
    """(body, 落款 and 成文日期 blocks, attachment blocks). The attachment starts at a line that is
    just "附件" (or "附件1") after the body, the signature is a short line before a date line."""
    att_start = len(blocks)
    marks = [
        i
        for i, b in enumerate(blocks)
        if i and not b.is_table and re.fullmatch(r"附\s*件\s*\d*[：:]?", b.text)
    ]
    # The first "附件1" (or "附件1：整改任务清单", its title on the same line) after the 落款's
    # date starts them all ("附件1 … 附件2 …"); else the last line "附件" alone (an attachment
    # without a dated 落款 above it).
    after_date = [
        i
        for i, b in enumerate(blocks)
        if i
        and not b.is_table
        and _ATTACHMENT_LINE.fullmatch(b.text)
        and any(_is_date_line(a.text) for a in blocks[max(i - 4, 0) : i])
    ]
    if after_date or marks:
        att_start = (after_date or marks[-1:])[0]
    body, attachment = blocks[:att_start], blocks[att_start:]
    end = len(body)
    while end > 0 and not body[end - 1].is_table and _PRINTED.match(body[end - 1].text):
        end -= 1  # the 版记 and the publication note below the date
    tail_start = len(body)
    for i in range(end - 1, max(end - 6, 0), -1):
        b = body[i]
        if b.is_table:
            break
        if _is_date_line(b.text):
            tail_start = i
            # Above the date: the seal line ("（盖章）") and the 落款 (one or two units).
            while tail_start > 0 and (
                _SEAL.match(body[tail_start - 1].text) or _is_signature(body[tail_start - 1])
            ):
                tail_start -= 1
                if i - tail_start >= 3:
                    break
            break
    return body[:tail_start], body[tail_start:], attachment


# Lines of a printed 公文 after its date: the publication note, the 版记 (抄送, 印发).
_PRINTED = re.compile(
    r"^[（(]\s*此件(?:主动|依申请|不予?)?公开(?:发布)?\s*[)）]$|^(?:抄送|抄报|分送)[：:]"
    rf"|^.{{2,40}}?\s*{_DAY}\s*印发$"
)
# The seal over the 落款, where the text layer has it: "（盖章）", "（印章）", "（公章）".
_SEAL = re.compile(r"^[（(]\s*(?:盖章|印章|公章|签章|章|印)\s*[)）]$")


def _is_signature(b: Block) -> bool:
    text = b.text
    return (
        not b.is_table
        and len(text) <= 40
        and not re.search(r"[。；，：:,;]", text)
        and (
            b.align == "right"
            or "落款" in b.style
            or bool(
                re.search(
                    r"(党组|党委|委员会|支部|局|院|办|部|中心|馆|公司|政府|委|巡察组|巡视组|督察组|工作组|领导小组"
                    r"|办事处|管委会|处|所|站|厅|署|镇|乡|街道|社区)$",
                    text,
                )
            )
        )
    )


def _split_title(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The title lines at the top: centred or title-styled paragraphs, else the first line when
    it reads like a title (short, no sentence punctuation)."""
    title: list[Block] = []
    for b in blocks[:4]:
        if b.is_table:
            break
        # Word's Title style ("标题"/"Title"; not "标题 1", a heading), the 公文 title style.
        styled = (
            b.align == "center" or b.style in ("标题", "公文标题") or b.style.lower() == "title"
        )
        if styled and not match_marker(b.text) and len(b.text) <= 80:
            title.append(b)
            continue
        break
    if not title and blocks and not blocks[0].is_table:
        title = _plain_title(blocks)
    return title, blocks[len(title) :]


_TITLE_WORD = re.compile(r"(报告|方案|通报|意见|清单|情况|通知)$")


def _header_over_title(title: list[Block], body: list[Block]) -> Block | None:
    """The title line found when it is a page header over the document's full title: a short
    complete title with no "关于", followed by a line that is a full "……关于……的方案" title."""
    if len(title) != 1 or not body or body[0].is_table:
        return None
    head, nxt = title[0].text, body[0].text
    if (
        "关于" not in head
        and len(head) <= 30
        and _TITLE_WORD.search(head)
        and "关于" in nxt
        and _TITLE_WORD.search(nxt)
        and len(nxt) <= 80
        and not re.search(r"[。；;：:]", nxt)
        and not match_marker(nxt)
    ):
        return title[0]
    return None


def _plain_title(blocks: list[Block]) -> list[Block]:
    """An unstyled title (plain text): the first line when it reads like one (short, no sentence
    punctuation), with the lines after it while the title has not yet ended in its kind of
    document ("中共某局党组" / "关于…的通报" broken over lines)."""

    def titleish(b: Block) -> bool:
        text = b.text
        return (
            not b.is_table
            and len(text) <= 80
            and not re.search(r"[。；;：:]", text)
            and not match_marker(text)
        )

    if not titleish(blocks[0]):
        return []
    for n in range(1, min(len(blocks), 3) + 1):
        if not titleish(blocks[n - 1]):
            break
        if _TITLE_WORD.search(blocks[n - 1].text):
            return blocks[:n]
    return blocks[:1]


def first_sentence(text: str) -> tuple[str, str]:
    """("first sentence。", "the rest") — the rest is "" when there is one sentence. A stop
    inside brackets ends no sentence ("……读书班（牵头单位：机关党委；责任单位：各科室）。")."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(depth - 1, 0)
        elif ch in "。！？；;" and depth == 0 and i > 0:
            return text[: i + 1], text[i + 1 :].strip()
    if depth == 0:
        return text, ""
    m = _SENTENCE.match(text)  # a bracket left open: stops inside it end the sentence
    if not m:
        return text, ""
    return m.group(1), m.group(2).strip()


def strip_label(text: str) -> tuple[str, str]:
    """("整改措施及结果", "rest") for a labelled paragraph, ("", text) otherwise."""
    m = _LABEL.match(text)
    if not m:
        return "", text
    return m.group(1), text[m.end() :].strip()


class _Reader:
    """Walks the outline of one document and fills ``parsed``."""

    def __init__(self, parsed: Parsed) -> None:
        self.p = parsed
        self.top_aspect: PAspect | None = None  # the problems numbered at the top level
        self.unreadable: set[str] = set()  # the headers of tables reported as unreadable

    # -- warnings --------------------------------------------------------------------------
    def unplaced(self, block: Block, why: str = "") -> None:
        if not block.is_table and not why and self.states_counts(block):
            return  # the document's own counts: checked by mapping.cross_check, not lost
        if block.is_table:
            text = "；".join("|".join(r) for r in block.rows[:2])
        else:
            text = block.text
        short = text if len(text) <= 40 else text[:40] + "……"
        self.p.warnings.append(
            f"{block.where}未能归入台账{('（' + why + '）') if why else ''}：“{short}”"
        )

    # -- opening, tail, attachment ---------------------------------------------------------
    def opening(self, blocks: list[Block]) -> None:
        """The paragraphs before the first heading: 主送, the opening (read for 基本信息 by
        ``fields``), or — in a document without headings — problems written as tables."""
        for b in blocks:
            if b.is_table:
                self.table(b)
            elif self.special(b):
                continue
            elif re.fullmatch(r".{1,30}[：:]", b.text) or F.is_opening(b.text):
                continue  # 主送机关 / the opening paragraph (read by fields.read_info)
            elif _is_statement(b.text):
                continue  # "审计发现问题共4个，已整改3个。" under a table: for the cross-check
            elif self.p.problems and _label_mode(strip_label(b.text)[0]) == "responsibility":
                # "完成时限：…" under a problem's form (a table per problem)
                self.responsibility(self.p.problems[-1], b.text)
            elif _WELCOME.search(b.text) or _ATTACHMENT.match(b.text):
                continue
            else:
                self.unplaced(b)

    def tail(self, blocks: list[Block]) -> None:
        for b in blocks:
            closing = _CLOSING.match(b.text) or _PRINTED.match(b.text) or _SEAL.match(b.text)
            if not (_is_date_line(b.text) or _is_signature(b) or closing):
                self.unplaced(b)

    def attachment(self, blocks: list[Block]) -> None:
        """The 附件: task tables are read; its title is skipped; a task table that reached us as
        lines of text (from a PDF) cannot be split into cells reliably and is reported once
        (a warning, never a guess at the columns). Attachments a web page only links to
        ("1.整改任务清单.docx") are files of their own: named in one reminder."""
        files = [(b, m) for b in blocks if not b.is_table and (m := _ATTACHED_FILE.match(b.text))]
        if files:
            names = "".join(f"“{m.group('name')}”" for _, m in files)
            self.p.warnings.append(
                f"{files[0][0].where}起列出的附件{names}是另外的文件（网页上的下载链接），"
                "不在本文件中；附件里的问题清单或任务清单请下载后与本文件一起导入"
                "（ledger-tools import 本文件 附件文件 -o 台账.xlsx）。"
            )
            linked = {id(b) for b, _ in files}
            blocks = [b for b in blocks if id(b) not in linked]
            if blocks and _ATTACHMENT_LINE.fullmatch(blocks[0].text) is None:
                return  # nothing of the attachment but its links
        titled = False
        for i, b in enumerate(blocks[1:], start=1):
            if not b.is_table and _ATTACHMENT_LINE.fullmatch(b.text):
                # "附件2": the next attachment, its title on the next line or after the colon
                titled = not re.fullmatch(r"附\s*件\s*\d*[：:]?", b.text)
            elif b.is_table:
                self.table(b)
            elif F.looks_like_table_header(b.text):
                self.p.warnings.append(
                    f"{b.where}起的附件表格只剩文字、没有表格结构（{len(blocks) - i} 段，常见于 PDF），无法可靠地分列读取，已跳过；"
                    "正文中的问题和措施已导入，表中另有的内容（如责任人）请导入 Word 原文或在台账中补录。"
                    + _table_hint()
                )
                return
            elif not titled and len(b.text) <= 40 and not re.search(r"[。；]", b.text):
                titled = True  # the attachment's title
            else:
                self.unplaced(b, "附件中的段落")

    def table(self, block: Block, under: PProblem | None = None) -> None:
        if not F.merge_task_table(self.p, block, under):
            self.unplaced(block, "表格的列名不是问题清单或任务清单")

    # -- sections --------------------------------------------------------------------------
    def sections(self, root: Node) -> None:
        tops = root.children
        if not tops:
            return
        # A feedback written directly as 一、…方面 / 1. 问题: the whole document is one section.
        if any(_ASPECT.search(self.head(n)) for n in tops) and not any(
            self.section_name(n) for n in tops if not _ASPECT.search(self.head(n))
        ):
            self.problem_section(root, root_level=True)
            return
        for node in tops:
            name = self.section_name(node)
            if name == "组织领导":
                F.read_leadership(self.p, node)
            elif name and self.p.kind == "feedback":
                # Not the unit's own account, nor measures of a particular problem.
                self.unplaced_node(node, FEEDBACK_SECTION_REASONS.get(name, _GENERAL_REASON))
            elif name:
                self.text_section(node, name)
            elif _NOT_IMPORTED.search(self.head(node)):
                self.unplaced_node(node, "原因分析不属于台账内容")
            elif self.top_problem(node):
                # A notice without sections: "1.关于“……”的问题。……" are the problems themselves.
                if self.top_aspect is None:
                    self.top_aspect = PAspect("", node.where)
                    self.p.aspects.append(self.top_aspect)
                self.problem_node(self.top_aspect, node)
            elif _PROBLEM_SECTION.search(self.head(node)):
                self.problem_section(node)
            elif self.is_work_account(node):
                # Reports often name their first part by its own words ("一、提高政治站位，
                # 扛起整改责任"): before the problems it is the account of the work done.
                head = self.head(node)
                self.text_section(
                    node, "工作开展情况", lead=head.rstrip("。"), own=node.text[len(head) :].strip()
                )
            elif node.children and self.is_unit_part(node):
                # "一、石桥镇" over "（一）……方面": a 县's report by the 乡镇 it covers
                start = len(self.p.problems)
                self.problem_section(node)
                self.unit_responsible(self.p.problems[start:], self.head(node).rstrip("。：:"))
                self.p.warnings.append(
                    f"{node.where}“{self.head(node)}”是问题所在的单位，不是方面：其下各问题的"
                    "“责任部门”已填为该单位（文中另写明的除外），请核对。"
                )
            elif node.children:
                self.problem_section(node)
            else:
                self.unplaced_node(node, "不是已知的章节")

    def top_problem(self, node: Node) -> bool:
        """A top-level item that is a problem itself (a notice without sections): "1.关于“……”
        的问题。……", "问题1：……", or — in a report or notice — a paragraph that names the
        problem, tells what was done and ends with its status ("1.……。……。已整改到位。")."""
        if node.children:
            return False
        if node.style in ("problem", "about") or _ABOUT.match(node.text):
            return True
        if self.p.kind not in ("report", "notice") or node.style in ("cn", "part", "shi"):
            return False
        head, rest = first_sentence(node.text)
        if not rest or len(head) > 60:
            return False
        last = re.findall(r"[^。！？]+[。！？]?", rest)[-1]
        return self.is_status_line(last) or bool(F.trailing_clause_status(rest, bare_only=False))

    def is_work_account(self, node: Node) -> bool:
        """A report's part before its problems, with no 方面/问题/status in it."""
        if self.p.kind not in ("report", "notice") or self.p.problems:
            return False
        for child in node.children:
            if child.style in ("problem", "about") or _ASPECT.search(self.head(child)):
                return False
            if child.children or self.reads_as_problem(child):
                return False
            if any(self.is_status_line(b.text) for b in child.body):
                return False
        return True

    def head(self, node: Node) -> str:
        return node.text if len(node.text) <= 60 else first_sentence(node.text)[0]

    def section_name(self, node: Node) -> str:
        head = self.head(node)
        if len(head) > 40:
            return ""
        if _LEADERSHIP.search(head):
            return "组织领导"
        if _NOT_IMPORTED.search(head):
            return ""
        if _PROBLEM_SECTION.search(head) and not re.search(r"开展情况|工作情况|下一步", head):
            return ""
        for name, pattern in TEXT_SECTION_WORDS:
            if pattern.search(head):
                return name
        return ""

    def unplaced_node(self, node: Node, why: str = "") -> None:
        if node.block:
            self.unplaced(node.block, why)
        for b in node.body:
            self.unplaced(b, why)
        for c in node.children:
            self.unplaced_node(c, why)

    def text_section(self, node: Node, section: str, lead: str = "", own: str = "") -> None:
        """A general section → 文稿段落 rows: a run-in "（一）小标题。内容" gives 小标题 and 内容;
        ``lead`` is the 小标题 of paragraphs without one (a section named by its heading)."""
        doc = TEXT_DOC.get(self.p.kind, "全部")
        items: list[tuple[str, str, str]] = []  # (小标题, 内容, where)
        if own:
            items.append((lead, own, node.where))  # the heading's paragraph goes on after it
        for b in node.body:
            if b.is_table:
                self.table(b)
                continue
            if self.special(b) and not self.states_counts(b):
                continue  # (a paragraph stating the counts is the report's own account)
            own, rest = self.run_in(b.lead, b.text)
            items.append((own or lead, rest, b.where))
        for child in node.children:
            if child.marker.endswith("是"):
                # "一是……；二是……": points of one paragraph, not headed items.
                lead, rest = "", child.marker + child.text
            else:
                lead, rest = self.run_in(
                    child.block.lead if child.block else "", child.text, numbered=True
                )
            parts = [rest, *(b.text for b in child.body if not b.is_table and not self.special(b))]
            items.append((lead, "\n".join(x for x in parts if x), child.where))
            for grand in child.children:
                self.unplaced_node(grand, "章节中更深一级的编号")
        for lead, content, _where in items:
            if content or lead:
                self.p.texts.append({"文稿": doc, "章节": section, "小标题": lead, "内容": content})

    def run_in(self, bold: str, text: str, numbered: bool = False) -> tuple[str, str]:
        """(小标题, 内容) of a paragraph with a run-in lead: the bold lead, else — for a numbered
        item — its first sentence when that is short (a heading, not a statement)."""
        bold = re.sub(
            r"^[（(][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+[、是]|^\d+[.．、]",
            "",
            bold,
        )
        if bold and text.startswith(bold) and len(bold) < len(text):
            return bold.rstrip("。.：: "), text[len(bold) :].strip()
        if numbered:
            head, rest = first_sentence(text)
            if rest and len(head) <= 30:
                return head.rstrip("。.：: "), rest
        return "", text

    def states_counts(self, b: Block) -> bool:
        """A short paragraph stating the document's counts ("对照……反馈的2个方面3项问题",
        "共3个问题、6条整改措施"): checked by ``mapping.cross_check``, not a loose paragraph."""
        said = str(self.p.figures.get("句子", ""))
        return len(b.text) < 400 and (F.is_statistics(b.text) or bool(said and said in b.text))

    def special(self, b: Block) -> bool:
        """Lines recognised wherever they stand: contact block, statistics sentence, the
        notice's invitation to supervise, the attachment note, a PDF table that could not be
        split into cells (reported once)."""
        from ledger_tools.importing.extract import UNREADABLE_TABLE_STYLE

        if b.style == UNREADABLE_TABLE_STYLE:
            if b.text in self.unreadable:
                return True  # the same table going on over the next pages: said once
            self.unreadable.add(b.text)
            self.p.warnings.append(
                f"{b.where}（表头“{b.text[:40]}”）在 PDF 中只剩按列排开的文字，分不清每一行从哪里开始"
                "（没有序号列而单元格折行，或单元格上下居中、相邻几行的文字交错），无法可靠地分列读取，已跳过；"
                "请导入 Word 原文，或在台账中补录表中的问题和措施。" + _table_hint()
            )
            return True
        if F.read_filled_by(self.p.info, b.text, self.p.kind):
            return True  # "填报单位：…　填报时间：…" under a form
        if F.is_info_line(b.text) or _WELCOME.search(b.text):
            F.read_contacts(self.p.info, b.text)
            return True
        if F.is_statistics(b.text):
            return True  # "对照……反馈的2个方面3项问题，……": checked by mapping.cross_check
        if len(b.text) <= 80 and _SEE_ATTACHMENT.search(b.text):
            return True  # "……详见附件。": the attachment itself is read
        return bool(_WELCOME.search(b.text) or _ATTACHMENT.match(b.text) or _CLOSING.match(b.text))

    # -- the problems ----------------------------------------------------------------------
    def problem_section(self, node: Node, root_level: bool = False) -> None:
        first = next(
            (
                i
                for i, b in enumerate(node.body)
                if not b.is_table and _ABOUT.match(b.text) and self.p.kind != "feedback"
            ),
            None,
        )
        if not root_level and not node.children and first is not None:
            # "二、反馈问题整改情况" over unnumbered "关于……的问题。……" paragraphs: the problems
            # of one 方面 the text does not name
            for b in node.body[:first]:
                self.loose_block(b)
            head = self.head(node).rstrip("。：:")
            generic = _PROBLEM_SECTION.search(head) and not _ASPECT.search(head)
            aspect = PAspect("" if generic else _clean_aspect(head), node.where)
            self.p.aspects.append(aspect)
            self.about_paragraphs(
                aspect,
                Node(node.style, node.value, node.marker, node.text, node.block, node.body[first:]),
            )
            return
        for b in [] if root_level else node.body:
            self.loose_block(b)
        items = node.children
        if not items:
            return
        if self.children_are_aspects(items):
            for item in items:
                self.aspect(item)
        else:
            # A heading that is not a generic "整改任务"/"反馈问题整改情况" names the 方面 itself
            # ("一、党的建设" over its problems: the 方面 only numbered, not called 方面).
            head = "" if root_level else self.head(node).rstrip("。：:")
            generic = _PROBLEM_SECTION.search(head) and not _ASPECT.search(head)
            title = "" if not head or generic else _clean_aspect(head)
            aspect = PAspect(title, node.where)
            self.p.aspects.append(aspect)
            for item in items:
                self.problem_node(aspect, item)

    def children_are_aspects(self, items: list[Node]) -> bool:
        if any(_ASPECT.search(self.head(n)) for n in items):
            return True
        if any(n.style in ("problem", "about") for n in items):
            return False
        if any(self.announces_measures(n) for n in items):
            return False  # "（一）问题 / 整改措施： / 1.… 2.…": the items are problems
        if any(c.style in ("problem", "about") for n in items for c in n.children):
            return True
        if any(self.reads_as_problem(c) for n in items for c in n.children):
            return True  # "（一）关于…的问题" over "1.关于…的问题。一是…二是…"
        # Three levels below (方面 → 问题 → 措施/表现).
        return any(c.children for n in items for c in n.children)

    @staticmethod
    def announces_measures(node: Node) -> bool:
        """A numbered item whose own text is followed by a label alone ("整改措施：") over the
        numbered items below it: those are its measures."""
        for b in node.body:
            label, rest = strip_label(b.text)
            if label and not rest and _label_mode(label) in ("measures", "listed"):
                return True
        return False

    def reads_as_problem(self, node: Node) -> bool:
        """A numbered item that is a problem by its wording or content: "关于…的问题", measures
        enumerated inside it (一是…二是…), or labelled paragraphs (整改措施：…) under it."""
        from ledger_tools.ledger.cells import split_measures

        if _ABOUT.match(node.text):
            return True
        rest = first_sentence(node.text)[1]
        if rest and len(split_measures(rest)) >= 2:
            return True
        return any(strip_label(b.text)[0] for b in node.body if not b.is_table)

    def aspect(self, node: Node) -> None:
        title = self.head(node).rstrip("。：:")
        if about := _ABOUT.fullmatch(title + "。"):
            title = _unquote(about.group(1))
        rest = node.text[len(self.head(node)) :].strip()
        aspect = PAspect(_clean_aspect(title), node.where)
        self.p.aspects.append(aspect)
        if node.children:
            for b in node.body:
                self.loose_block(b)
            if self.unit_sections(aspect, node):
                return
            for child in node.children:
                self.problem_node(aspect, child)
            return
        # Problems written inline: "（一）…方面。一是问题。表现…二是…" or bold-lead paragraphs.
        aimed = [b for b in node.body if not b.is_table and _aimed_at(b.text)]
        if aimed and self.p.kind != "feedback":
            self.aimed_measures(aspect, node, rest, aimed)
            return
        if not rest and self.about_paragraphs(aspect, node):
            return
        if not rest and self.labelled_paragraphs(aspect, node):
            return
        texts = [rest] if rest else []
        texts += [b.text for b in node.body if not b.is_table]
        for b in node.body:
            if b.is_table:
                self.table(b)
        from ledger_tools.ledger.cells import split_measures

        items = [(i, "") for i in split_measures("".join(texts))] if texts else []
        if len(items) < 2 and node.body:
            items = [(b.text, self.block_lead(b)) for b in node.body if not b.is_table]
        for item, lead in items:
            head, detail = (lead, item[len(lead) :].strip()) if lead else first_sentence(item)
            head = head.rstrip("。；;")
            if self.p.kind != "feedback":
                # A report's or plan's problem paragraph: "……的问题。整改情况：……。已整改到位。"
                problem = PProblem(_short_title(head), node.where)
                aspect.problems.append(problem)
                self.problem_body(problem, [Block(detail, node.where)] if detail else [])
                continue
            aspect.problems.append(PProblem(head, node.where, detail=detail))

    def unit_sections(self, aspect: PAspect, node: Node) -> bool:
        """A 方面 of a 县's report divided by the 乡镇 or units the problems were found in
        ("（一）石桥镇" over "1.……"): the units are not problems; each of its problems takes the
        unit as its 责任部门 (where the text names no other), and a reminder names them. False
        (nothing read) unless every item under the 方面 is a unit's name over items of its own."""
        units = [_UNIT_NAME.fullmatch(c.text.rstrip("。：:")) for c in node.children]
        if not all(units) or not all(c.children for c in node.children):
            return False
        for child in node.children:
            for b in child.body:
                self.loose_block(b)
            start = len(aspect.problems)
            for grand in child.children:
                self.problem_node(aspect, grand)
            self.unit_responsible(aspect.problems[start:], child.text.rstrip("。：:"))
        named = "、".join(dict.fromkeys(c.text.rstrip("。：:") for c in node.children))
        self.p.warnings.append(
            f"{node.where}起“{aspect.title}”下按单位分列（{named}）：单位名称不是问题，"
            "已记入其下各问题的“责任部门”，请核对。"
        )
        return True

    def is_unit_part(self, node: Node) -> bool:
        """A top-level part named by a unit alone ("一、石桥镇") whose items are 方面."""
        return bool(
            _UNIT_NAME.fullmatch(self.head(node).rstrip("。：:"))
        ) and self.children_are_aspects(node.children)

    @staticmethod
    def unit_responsible(problems: list[PProblem], unit: str) -> None:
        """The unit a problem was found in as the 责任部门 of its measures (where the text
        names none)."""
        for problem in problems:
            if not problem.measures:
                problem.measures.append(PMeasure("", problem.where))
            for m in problem.measures:
                m.fields.setdefault("责任部门", unit)

    def about_paragraphs(self, aspect: PAspect, node: Node) -> bool:
        """A 方面 whose problems are unnumbered paragraphs each starting "关于……的问题。" and
        going on with its measures and status ("一是……；二是……。目前已整改到位。"), or followed
        by paragraphs of their own until the next "关于": each "关于" starts a problem (the
        enumeration inside it is its measures, never problems). False (nothing read) when the
        body does not start so."""
        body = [b for b in node.body if not b.is_table]
        if self.p.kind == "feedback" or not body or not _ABOUT.match(body[0].text):
            return False
        self.paragraph_problems(aspect, node, lambda b: bool(_ABOUT.match(b.text)), _about_title)
        return True

    def paragraph_problems(
        self,
        aspect: PAspect,
        node: Node,
        starts: Callable[[Block], bool],
        title: Callable[[str], str] = lambda head: head,
    ) -> None:
        """The problems of a 方面 written as paragraphs: each paragraph ``starts`` accepts
        begins a problem (its first sentence, through ``title``, is the problem; the rest of it
        and the paragraphs up to the next start are its body); tables are read as tables."""
        problem: PProblem | None = None
        parts: list[Block] = []
        for b in node.body:
            if b.is_table:
                self.table(b)
                continue
            if not starts(b):
                parts.append(b)
                continue
            if problem is not None:
                self.problem_body(problem, parts)
            head, detail = first_sentence(b.text)
            problem = PProblem(_short_title(title(head.rstrip("。；;：:"))), b.where)
            aspect.problems.append(problem)
            parts = [Block(detail, b.where)] if detail.strip() else []
        if problem is not None:
            self.problem_body(problem, parts)

    def labelled_paragraphs(self, aspect: PAspect, node: Node) -> bool:
        """A 方面 whose problems are unnumbered paragraphs of their own (in a 通报 often bold,
        which a PDF does not keep), each followed by its "整改情况：……" (or "整改措施：……")
        paragraph and perhaps "下一步：……": an unlabelled paragraph just before such a label
        starts a problem; what follows belongs to it. False (nothing read) when the body does
        not start with an unlabelled paragraph followed by one so labelled."""
        body = [b for b in node.body if not b.is_table]
        if self.p.kind == "feedback" or len(body) < 2:
            return False

        def answers(b: Block) -> bool:
            label = strip_label(b.text)[0]
            return bool(label) and _label_mode(label) in ("measures", "progress")

        starts = {
            id(b)
            for b, after in zip(body, body[1:], strict=False)
            if not strip_label(b.text)[0]
            and answers(after)
            and len(b.text) <= 80
            and not self.is_status_line(b.text)
        }
        if id(body[0]) not in starts:
            return False
        self.paragraph_problems(aspect, node, lambda b: id(b) in starts)
        return True

    def aimed_measures(self, aspect: PAspect, node: Node, rest: str, aimed: list[Block]) -> None:
        """A 方面 whose problems are listed in a paragraph ("巡察指出的问题：一是……。二是……。")
        and answered one by one in the paragraphs after it ("针对……问题，……。目前已整改完成。"):
        each answer is matched to its problem by the words it repeats. An answer naming no problem
        of the list is imported as a problem of its own, with a reminder; with no list at all,
        each answer is a problem and its measures."""
        from ledger_tools.ledger.cells import split_measures

        listed = [rest] if rest else []
        answers = {id(b) for b in aimed}
        for b in node.body:
            if b.is_table:
                self.table(b)
            elif id(b) not in answers and not self.special(b):
                listed.append(b.text)
        text = _LIST_LABEL.sub("", "".join(listed).strip())
        items = split_measures(text) if text else []
        for item in items:
            head, detail = first_sentence(item)
            listed_problem = PProblem(_short_title(head.rstrip("。；;")), node.where, detail=detail)
            aspect.problems.append(listed_problem)
        named = list(aspect.problems)  # (an answer is matched to these only)
        for b in aimed:
            target, answer = _aimed_at(b.text) or ("", b.text)
            problem = F.best_match(named, target, lambda p: p.title, 0.6) if named else None
            if problem is None:
                if items:
                    self.p.warnings.append(
                        f"{b.where}“针对{target[:30]}问题”在本方面列出的问题中没有找到，"
                        "已作为一项问题导入，请核对。"
                    )
                problem = PProblem(_short_title(target), b.where)
                aspect.problems.append(problem)
            self.problem_body(problem, [Block(answer, b.where)])

    @staticmethod
    def block_lead(b: Block) -> str:
        """The bold lead a paragraph starts with, when more text follows it."""
        return b.lead if b.lead and b.text.startswith(b.lead) and len(b.lead) < len(b.text) else ""

    def loose_block(self, b: Block) -> None:
        """A paragraph between numbered items: a table, a known line, 下一步…, or the tail of
        the problem before it."""
        if b.is_table:
            self.table(b)
        elif self.special(b):
            return
        elif _NEXT_STEP.match(b.text):
            self.p.texts.append(
                {
                    "文稿": TEXT_DOC.get(self.p.kind, "全部"),
                    "章节": "下一步打算",
                    "小标题": "",
                    "内容": b.text,
                }
            )
        elif self.p.problems and self.p.aspects[-1].problems:
            # Unnumbered text after a problem belongs to it (a status line, a continuation).
            self.problem_body(self.p.aspects[-1].problems[-1], [b])
        elif _GROUP_COUNT.match(b.text):
            self.summary(b)  # "共排查发现此类问题2个，已全部整改。" under a 方面's heading
        else:
            self.unplaced(b)

    def problem_node(self, aspect: PAspect, node: Node) -> None:
        lead = self.node_lead(node)
        if node.style == "about":
            title, rest = node.text, ""
        elif lead:
            title, rest = lead, node.text[len(lead) :].strip()  # bold run-in lead
        elif len(node.text) <= 60 and not node.text.rstrip("。").count("。"):
            title, rest = node.text, ""
        else:
            title, rest = first_sentence(node.text)
            if rest and set(F.split_tail(rest)[1]) - {"整改时限"} and not F.split_tail(rest)[0]:
                # "1.……问题。（牵头单位：……；责任单位：……）": the tail after the problem's
                # sentence is of all its measures, not a 表现 of it
                title, rest = f"{title.rstrip('。；;')}{rest}", ""
        if about := _ABOUT.fullmatch(title.strip()) or _ABOUT_WORK.fullmatch(title.strip()):
            title = _unquote(about.group(1))
        title = _PROBLEM_LABEL.sub("", title.strip()).rstrip("。；;：:")
        if own := F.trailing_status(title):
            # "……的问题（已整改）": the problem's status written after its title.
            own_status, title = own
        else:
            own_status = ""
        bare, tail = F.split_tail(title)
        if set(tail) - {"整改时限"}:
            # "1.……问题突出（牵头单位：……；责任单位：……；整改时限：……）": of all its measures
            title = bare
        else:
            tail = {}
        problem = PProblem(_short_title(title), node.where, number=node.marker)
        if own_status:
            problem.status, problem.status_text = own_status, own_status
        aspect.problems.append(problem)
        body = list(node.body)
        if rest:
            body.insert(0, Block(rest, node.where))
        self.problem_body(problem, body)
        for child in node.children:
            self.problem_child(problem, child)
        if tail:
            self.responsibility(problem, tail)

    def node_lead(self, node: Node) -> str:
        """The bold run-in lead of a numbered paragraph, without its number, when the text goes
        on after it ("（一）理论学习不深入。" in bold, then the details)."""
        lead = node.block.lead if node.block else ""
        if lead.startswith(node.marker):
            lead = lead[len(node.marker) :].strip()
        return lead if lead and node.text.startswith(lead) and len(lead) < len(node.text) else ""

    def problem_child(self, problem: PProblem, child: Node) -> None:
        """A numbered item under a problem: a 表现 point in a feedback, else a measure."""
        extra, shared, progress = [], [], []
        for b in child.body:
            label, rest = strip_label(b.text)
            if label and _label_mode(label) == "progress" and self.p.kind != "feedback":
                head, after = first_sentence(rest)
                if after.strip() and len(head) <= 20 and self.is_status_line(head):
                    # "整改成效：正在整改。已排查……" after the numbered measures: the status,
                    # then the results (before: read whole as the status, the results lost)
                    self.status_line(problem, head)
                    rest = after.strip()
            if b.is_table:
                self.table(b)
            elif self.is_status_line(rest):
                self.status_line(problem, rest)  # "目前已整改到位。" / "整改情况：已完成。"
            elif label and _label_mode(label) == "responsibility" and self.p.kind != "feedback":
                shared.append(b.text)  # "责任领导：…；责任单位：…" for the measures above
            elif label and _label_mode(label) == "progress" and self.p.kind != "feedback":
                # "整改成效：…" after the numbered measures: of them all ("整改进度：已清退资金
                # 3.2万元，正在持续推进中。": the status read from its last clause)
                progress.append(self.trailing_status_sentence(problem, rest, bare=True))
            elif not self.special(b):
                extra.append(b.text)
        full = "".join([child.text, *extra])
        if self.p.kind == "feedback":
            point = f"{child.marker}{full}"
            problem.detail = f"{problem.detail}\n{point}".strip() if problem.detail else point
        else:
            items = [full]
            if child.style == "shi":
                # "一是…；二是…；三是…" in one paragraph: the enumeration goes on inside it.
                if self.p.kind in ("report", "notice"):
                    # (a clause telling more than a status is the last item's own, read below)
                    full = self.trailing_status_sentence(problem, full, bare=True)
                head, more = _continue_enumeration(full, child.value + 1)
                items = [head, *more] if more else [full]
            for item in items:
                if self.p.kind not in ("report", "notice"):
                    self.add_measure(problem, item, child.where)
                    continue
                own = PProblem("", "")
                item = self.trailing_status_sentence(own, item)
                self.add_report_item(problem, item, child.where)
                if own.status:
                    # "1.1 …。已完成。": this measure's status (the problem's too, for the
                    # measures that state none).
                    measure = problem.measures[-1]
                    measure.fields.setdefault("整改状态", own.status)
                    if own.deadline:
                        measure.fields.setdefault("整改时限", own.deadline)
                    if F.bare_status(own.status_text):
                        # (a clause that tells what is still being done, "正在跟踪复查，计划
                        # 6月底前完成", is this measure's alone: its date is not the problem's)
                        self.status_line(problem, own.status_text)
        for text in shared:
            self.responsibility(problem, text)
        if progress:
            self.assign_progress(problem, progress)
        for grand in child.children:
            if self.p.kind == "feedback":
                problem.detail += "\n" + grand.marker + grand.text
            elif problem.measures:
                self.measure_details(problem.measures[-1], grand)
            else:
                self.unplaced_node(grand, "措施下更深一级的编号")

    def measure_details(self, measure: PMeasure, node: Node) -> None:
        """Items numbered under a measure ("2.建立…机制。" over "（1）…（2）…"): the details of
        how it was done — its progress in a report, part of its wording in a plan."""
        parts = [node.marker + node.text, *(b.text for b in node.body if not b.is_table)]
        parts += [g.marker + g.text for g in node.children]
        text = "".join(parts)
        if self.p.kind in ("report", "notice"):
            done = measure.fields.get("整改进展及成效", "")
            measure.fields["整改进展及成效"] = _join(done, text)
        else:
            measure.text = _join(measure.text, text)

    def is_status_line(self, text: str) -> bool:
        return bool(F.status_sentence(text) or F.clause_status(text))

    def status_line(self, problem: PProblem, text: str) -> None:
        status, deadline = F.status_sentence(text) or F.clause_status(text) or ("", "")
        problem.status, problem.status_text = status, text
        if deadline:
            problem.deadline = deadline
        problem.done = F.done_day(text) or problem.done
        problem.delay = F.delay_reason(text) or problem.delay

    def trailing_status_sentence(self, problem: PProblem, text: str, bare: bool = False) -> str:
        """``text`` without a status sentence at its end ("…。目前已整改到位。"), which is read;
        ``bare``: only a clause that is nothing but a status counts (the text is several items,
        and "……，正在跟踪复查，计划……完成" is the last one's)."""
        sentences = re.findall(r"[^。！？]+[。！？]?", text)
        if len(sentences) >= 2 and self.is_status_line(sentences[-1]):
            self.status_line(problem, sentences[-1])
            kept = ""
            if (own := F.trailing_clause_status(sentences[-1], bare_only=True)) and not (
                F.status_sentence(own[2]) or F.clause_status(own[2])
            ):
                # "目前已改造8公里，正在持续推进中，计划……": what was done stays the progress
                kept = re.sub(r"^(?:目前|当前|截至目前)[，,]?", "", own[2])
                if not kept.strip("。！？；;，, "):
                    kept = ""  # "目前，该问题已整改完成。": nothing told but the status
            return "".join(sentences[:-1]) + kept
        # A paragraph of several items ("一是……二是……", "（1）……（2）……"): a clause telling
        # more than a status is its last item's own.
        bare = bare or bool(re.search(r"二是|（2）|\(2\)|②|2[.．、]\D", text))
        if self.p.kind in ("report", "notice") and (
            found := F.trailing_clause_status(text, bare_only=bare)
        ):
            # "……，补齐缺失材料，正在推进。": the status closes the last sentence.
            status, deadline, before = found
            problem.status, problem.status_text = status, text[len(before) - 1 :].lstrip("，,")
            problem.deadline = deadline or problem.deadline
            problem.done = F.done_day(problem.status_text) or problem.done
            return before
        return text

    def problem_body(self, problem: PProblem, blocks: list[Block]) -> None:
        """The unnumbered paragraphs of a problem: labelled (整改措施…/整改进展…/整改目标…),
        status sentences, and plain text (问题表现 before any measure)."""
        mode = "detail"
        progress: list[str] = []
        added: list[PMeasure] = []  # the measures the last paragraph added
        blocks = [part for b in blocks for part in _split_at_labels(b)]
        for b in blocks:
            if b.is_table:
                self.table(b, problem)  # (a table of measures only is this problem's)
                continue
            if self.special(b):
                continue
            if _NEXT_STEP.match(b.text) and not (problem.measures and _NEXT_LABEL.match(b.text)):
                self.loose_block(b)
                continue
            if _GENERAL_TAIL.match(b.text):
                self.unplaced(b, _DIRECTIONS_REASON)  # after the last problem, about them all
                continue
            if (
                len(b.text) <= 120
                and (fig := F.stated_figures(b.text))
                and ("已整改" in fig or "方面" in fig)
                and not strip_label(b.text)[0]
            ) or _GROUP_COUNT.match(b.text):
                self.summary(b)  # "截至目前，反馈的4个问题已整改2个……": about them all
                continue
            label, rest = strip_label(b.text)
            bare, tail = F.split_tail(b.text)
            if set(tail) - {"整改时限"} and not bare.strip("。；; ") and problem.measures:
                # "（责任人：副局长李红梅；完成时限：2025年3月底前）" on a line of its own, after
                # the measures: of them all (as a "责任领导：…" line is)
                for measure in problem.measures:
                    for k, v in tail.items():
                        measure.fields.setdefault(k, v)
                continue
            if not label and self.is_status_line(b.text):
                self.status_line(problem, b.text)
                continue
            if label and _label_mode(label) == "progress" and problem.measures:
                # "整改进展：第（1）（2）项已完成，第（3）项长期坚持。": each named measure's own
                # (before: the last status read was every measure's, the rest its 进展)
                by_item, dues, rest = _item_statuses(rest, len(problem.measures))
                for item, status in by_item.items():
                    problem.measures[item].fields["整改状态"] = status
                for item, due in dues.items():
                    problem.measures[item].fields.setdefault("整改时限", due)
                if by_item and not rest:
                    continue
            if label and _label_mode(label) == "progress":
                head, after = first_sentence(rest)
                if after.strip() and len(head) <= 20 and self.is_status_line(head):
                    # "整改结果：已整改。清查资产1862项……": the status, then the results
                    self.status_line(problem, head)
                    rest = after.strip()
            rest = self.trailing_status_sentence(problem, rest)
            if label and _label_mode(label) == "progress" and self.is_status_line(rest):
                self.status_line(problem, rest)  # "整改情况：已完成。"
                continue
            if label:
                previous, mode = mode, _label_mode(label)
                if mode == "progress" and previous == "measures_more" and len(added) == 1:
                    # "整改措施：…" / "整改成效：…" alternating: each result is of the one
                    # measure just named.
                    done = added[0].fields.get("整改进展及成效", "")
                    added[0].fields["整改进展及成效"] = _join(done, rest)
                    added[0].told = F.account_status(added[0].fields["整改进展及成效"])
                    continue
            before = len(problem.measures)
            if mode == "planned" and progress:
                # The results told so far are of the measures taken, not of the ones planned.
                self.assign_progress(problem, progress)
                progress = []
            if mode in ("listed", "planned"):
                self.listed_measures(problem, rest, b.where, planned=mode == "planned")
            elif mode == "goal":
                problem.goal = _join(problem.goal, rest)
            elif mode == "measures":
                self.inline_measures(
                    problem,
                    rest,
                    b.where,
                    with_results="结果" in label
                    or "成效" in label
                    or "进展" in label
                    or self.p.kind in ("report", "notice"),
                )
                mode = "measures_more"
            elif mode == "measures_more":
                if problem.measures:
                    self.more_measures(problem, rest, b.where)
                else:
                    self.inline_measures(
                        problem, rest, b.where, self.p.kind in ("report", "notice")
                    )
            elif (
                mode == "progress" and not problem.measures and self.p.kind in ("report", "notice")
            ):
                # "整改情况：一是…。二是…" with no measures before it: measures with their results.
                self.inline_measures(problem, rest, b.where, with_results=True)
                mode = "measures_more"
            elif mode == "progress":
                progress.append(rest)
            elif mode == "responsibility":
                self.responsibility(problem, b.text)
            elif self.p.kind in ("report", "notice") and not problem.measures:
                # A report without labels: what follows the problem is its measures and results.
                self.inline_measures(problem, rest, b.where, with_results=True)
                mode = "measures_more"
            elif self.p.kind == "feedback" or not problem.measures:
                problem.detail = _join(problem.detail, rest, "\n")
            else:
                self.unplaced(b, "问题下无法识别的段落")
            added = problem.measures[before:]
        if progress:
            self.assign_progress(problem, progress)

    def summary(self, b: Block) -> None:
        """A paragraph stating the counts of all the problems, among them: the report's own
        account of its work (文稿段落), or — in a feedback or plan — a reminder."""
        if self.p.kind in ("report", "notice"):
            doc = TEXT_DOC.get(self.p.kind, "全部")
            self.p.texts.append({"文稿": doc, "章节": "工作开展情况", "小标题": "", "内容": b.text})
        else:
            self.unplaced(b, "全文问题数和整改数的说明，不属于某个问题，已用于核对识别出的问题数")

    def responsibility(self, problem: PProblem, text: str | dict[str, str]) -> None:
        found = F.responsibility_pairs(text) if isinstance(text, str) else text
        for m in problem.measures or []:
            for k, v in found.items():
                m.fields.setdefault(k, v)
        if not problem.measures:
            problem.measures.append(PMeasure("", "", dict(found)))

    def more_measures(self, problem: PProblem, text: str, where: str) -> None:
        """A paragraph after the measures: the rest of the last one (its result, in a report),
        and any further measures continuing the enumeration ("…三是…四是…" after a break)."""
        head, items = _continue_enumeration(text, len(problem.measures) + 1)
        last = problem.measures[-1]
        if self.p.kind in ("report", "notice"):
            last.fields["整改进展及成效"] = _join(last.fields.get("整改进展及成效", ""), head)
        else:
            last.text = _join(last.text, head)
        for item in items:
            if self.p.kind in ("report", "notice"):
                self.add_report_item(problem, item, where, enumerated=True)
            else:
                self.add_measure(problem, item, where)

    def inline_measures(self, problem: PProblem, text: str, where: str, with_results: bool) -> None:
        from ledger_tools.ledger.cells import split_measures

        if not text:
            return
        if _OMITTED.fullmatch(text):
            self.p.warnings.append(
                f"{where}：问题“{problem.title[:30]}”的整改措施写作“{text}”（从略），没有可导入的措施。"
            )
            return
        items = split_measures(text)
        if len(items) >= 2 and _INTRO.fullmatch(items[0].strip().rstrip("，,：: ")):
            items = items[1:]  # "针对这一问题，一是……；二是……": the lead-in is no measure
        elif len(items) >= 2 and (lead := _LEAD_IN.match(items[0])) and items[0][lead.end() :]:
            # "针对这一问题，我局采取了以下措施：第一，……": split_measures keeps a lead-in
            # ending in a colon before the first measure; this one announces the list
            items[0] = items[0][lead.end() :]
        if len(items) == 1 and not with_results and self.p.kind == "plan":
            items = self.semicolon_measures(text) or items
        elif len(items) == 1 and self.p.kind in ("report", "notice"):
            items = self.semicolon_measures(text, report=True) or items
        if len(items) == 1 and (sole := re.match(r"^\s*一是\s*", items[0])):
            items = [items[0][sole.end() :]]  # "一是……。" with no 二是: one measure, unnumbered
        if len(items) == 1 and (taken := _TAKEN.match(items[0])):
            # "对照……的问题，采取建立……制度、开展……培训等措施。": the measures taken, without
            # the problem said again around them
            items = [taken.group("m") + "。" + items[0][taken.end() :].lstrip("，,。；; ")]
        for item in items:
            if with_results:
                self.add_report_item(problem, item, where, enumerated=len(items) >= 2)
            else:
                self.add_measure(problem, item, where)

    @staticmethod
    def semicolon_measures(text: str, report: bool = False) -> list[str]:
        """ "整改措施：每半年专题研究一次意识形态工作；建立网络舆情分析研判和处置机制。" in a
        plan: measures listed without numbers, one per clause between semicolons (each a task
        of its own, six characters or more, and no status or deadline clause among them).
        In a report (``report``) a clause after a semicolon is often the result of the one
        before it ("修订管理办法；已收回资金21万元"): split only three clauses or more of which
        none tells a result (已…, 共…, 累计…, 完成, 达到, 实现, or a date)."""
        from ledger_tools.documents.wording import split_outside

        body, tail = text, ""
        if m := re.search(r"[（(][^（()）]*[)）][。.]?$", text):
            body, tail = text[: m.start()], text[m.start() :]  # a responsibility tail
        parts = [p.strip().rstrip("。.") for p in split_outside(body, "；;")]
        if len(parts) < (3 if report else 2) or any(len(p) < 6 for p in parts):
            return []
        if report and any(_ACCOUNT.match(p) or _RESULT_WORD.search(p) for p in parts):
            return []
        if any(F.status_sentence(p) or F.clause_status(p) or F.split_tail(p)[1] for p in parts):
            return []
        return [p + "；" for p in parts[:-1]] + [parts[-1] + "。" + tail]

    def listed_measures(self, problem: PProblem, text: str, where: str, planned: bool) -> None:
        """ "主要措施：修订学习制度；召开专题会议。" — measures named by their leads, one after
        another (a public notice's way); "下一步计划：…" lists the ones not started yet."""
        from ledger_tools.documents.wording import split_outside
        from ledger_tools.ledger.cells import split_measures

        text = _TOTALS.sub("", text).strip()
        due = ""
        if planned and (dates := _PLAN_DATES.search(text)):
            # "下一步计划：A；B。上述措施计划于…完成；其中…": the plan's dates, not a measure
            text = text[: dates.start()]
            # one day for all of them ("上述措施原计划于2024年4月底前完成，现已超期…") is
            # their 整改时限; days listed or a part late ("；其中…") are not told apart
            said = re.match(
                r"(?:原)?计划于\s*(?P<due>[^，,。；;、]{4,24}?)\s*完成", dates.group("said")
            )
            due = "" if not said or "；" in dates.group("said") else said.group("due")
            due = re.sub(r"\s+", "", due)
        items = split_measures(text)
        if len(items) < 2:
            items = split_outside(text, "；;")
        for item in items:
            item = item.strip().rstrip("。；;，, ")
            if not item:
                continue
            measure = PMeasure(item + "。", where)
            if planned:
                measure.fields["整改状态"] = "未启动"
                if own := _BY_DATE.search(item):
                    # "2025年5月底前完成……建设": the date this one is planned by
                    measure.fields["整改时限"] = re.sub(r"\s+", "", own.group("due"))
                elif due:
                    measure.fields["整改时限"] = due
            problem.measures.append(measure)

    def add_report_item(
        self, problem: PProblem, text: str, where: str, enumerated: bool = False
    ) -> None:
        """One measure as a report words it: its lead then what was done ("严格落实“第一议题”
        制度。自2024年3月12日起，…"), the account alone when action and result are told in one
        ("2024年3月28日，局党组会议审议通过…"), or a sentence whose tense tells its status
        ("…，已于2024年4月11日完成", "将于2024年9月底前…", "该项工作正在推进"). One of
        several items (``enumerated``) of one sentence may end in its own status or date
        ("一是……，已完成；二是……，计划2025年6月底前完成")."""
        text = text.strip()
        fields: dict[str, str] = {}
        # (an account "2024年4月，……约谈，已全部整改" keeps its clause: the account is both)
        # (nor does a clause the tense patterns below read with its day: "，已于……完成")
        plain = enumerated and not _ACCOUNT.match(text)
        plain = plain and not any(pattern.match(text) for pattern, _, _ in _TENSED)
        one = text.rstrip("。；;，, ") if plain else "。"
        if "。" not in one and (own := F.trailing_clause_status(one + "。", bare_only=True)):
            # "一是……，已完成；二是……，正在推进": each item's own status after it
            fields["整改状态"] = own[0]
            if own[1]:
                fields["整改时限"] = own[1]
            text = own[2]
        elif "。" not in one and (due := _PLANNED_BY.search(one + "。")) and due.start() > 6:
            # "（2）……，计划2025年6月底前完成": the item's deadline; its status is not said
            fields["整改时限"] = re.sub(r"\s+", "", due.group("due"))
            text = one[: due.start()] + "。"
        for pattern, status, date_field in _TENSED:
            if m := pattern.match(text):
                fields = {"整改状态": status, date_field: re.sub(r"\s+", "", m.group("due"))}
                measure, result = m.group("m") + "。", (m.group("rest") or "").lstrip("。")
                break
        else:
            measure, result = first_sentence(text)
            if result and measure.endswith(("；", ";")):
                measure = measure[:-1] + "。"  # "A；B。": A is the measure, B what followed
            if not result and _is_account(measure) or _ACCOUNT.match(measure):
                # Action and result told as one: the account is both (a plan imported with it
                # supplies the measure's own wording).
                measure, result = text, text
        if state := _WORK_STATE.match(result):
            fields["整改状态"] = "基本完成" if "基本" in state.group(1) else "正在推进"
            if state.group("due"):
                fields["整改时限"] = re.sub(r"\s+", "", state.group("due"))
            result = ""
        # "……。已完成资料复核46份，计划于……完成全部合同复核。": the past tense of its result
        # states its status (the one rule, ``F.account_status``, a problem's 整改情况 is read
        # by too; used when no status is said), read before the plan is taken out of it
        told = F.account_status(result)
        if planned := _PLANNED_BY.search(result):
            # "…，计划于2024年6月底前完成": this measure's own deadline, not its progress.
            fields.setdefault("整改时限", re.sub(r"\s+", "", planned.group("due")))
            result = result[: planned.start()] + "。"
        if measure == text and result:
            measure = result
        self.add_measure(problem, measure, where, result)
        problem.measures[-1].fields.update(fields)
        problem.measures[-1].told = told

    def add_measure(self, problem: PProblem, text: str, where: str, result: str = "") -> None:
        ahead = ""
        if self.p.kind in ("report", "notice") and (lead := _LEADING_STATUS.match(text)):
            # "1.（已完成）……": the measure's status in a bracket before its text (as
            # "问题1（已完成）：" is a problem's; before: left in the measure, 状态 empty)
            if said := F.trailing_status(lead.group(1)):
                ahead, text = said[0], text[lead.end() :]
        if self.p.kind in ("report", "notice") and (own := F.trailing_status(text)):
            # "……。（长期坚持）" / "（持续推进）" after a measure in a report tells its state
            # (in a plan the same bracket is its deadline).
            text, fields = F.split_tail(own[1])
            fields["整改状态"] = own[0]
        else:
            text, fields = F.split_tail(text)
        if result and self.p.kind in ("report", "notice") and (done := F.trailing_status(result)):
            fields["整改状态"], result = done  # "……。（长期坚持）" as the sentence after it
        if result:
            more, result = F.leading_pairs(result)
            if not more:
                result, more = F.split_tail(result)
            fields.update({k: v for k, v in more.items() if k not in fields})
            if result_status := F.trailing_status(result):
                fields["整改状态"], result = result_status
            fields["整改进展及成效"] = F.full_stop(result)
        own_status = F.trailing_status(text)
        if own_status:
            fields["整改状态"], text = own_status
        if self.p.kind == "plan" and "整改时限" not in fields and (due := _CLAUSE_DUE.search(text)):
            # "……，2025年底前完成。" closing a plan's measure: its deadline, as the same words
            # in a bracket are (before: left in the measure, the 时限 empty)
            fields["整改时限"] = re.sub(r"\s+", "", due.group(1))
            text = text[: due.start()] + "。"
        if ahead:
            fields.setdefault("整改状态", ahead)
        problem.measures.append(PMeasure(F.full_stop(text), where, fields))

    def assign_progress(self, problem: PProblem, progress: list[str]) -> None:
        """整改进展 written apart from the measures: item by item when it is numbered as many
        as the measures, else as one text on the problem's last measure. A past-tense account
        with no status word states the status (``F.account_status``): of each measure when
        told item by item, else of the problem when no status sentence gave one."""
        from ledger_tools.ledger.cells import split_measures

        text = "".join(progress)
        parts = split_measures(text)
        measures = problem.measures or [PMeasure("", "")]
        if not problem.measures:
            problem.measures = measures
        if len(parts) == len(measures) and len(parts) > 1:
            for m, part in zip(measures, parts, strict=True):
                m.fields["整改进展及成效"] = part
                m.told = F.account_status(part)
        else:
            last = measures[-1]
            last.fields["整改进展及成效"] = _join(last.fields.get("整改进展及成效", ""), text)
            told = F.account_status(text)
            if told and not problem.status:
                problem.status, problem.status_text = told[0], text if told[0] else ""
                problem.deadline = problem.deadline or told[1]
                problem.done = problem.done or told[2]
            elif told and told[0] == problem.status and told[2]:
                # "整改情况：已完成。已于2025年5月20日完成……": the day the account gives
                problem.done = problem.done or told[2]


# "第（1）（2）项已完成" / "第3条措施正在推进": the status of the measures named by number.
_ITEM_STATUS = re.compile(
    r"^(?:其中)?第\s*(?P<nums>[（(]?\d{1,2}[)）]?(?:\s*[、，,和及]?\s*[（(]?\d{1,2}[)）]?)*)\s*"
    r"(?:项|条)(?:措施|任务)?\s*(?:均|都)?(?P<status>[^，,；;。]{2,10})$"
)


# "……，计划2025年12月底前完成" after "第3项正在推进": the deadline of the measures just named.
_ITEM_DUE = re.compile(
    rf"^(?:计划|预计|力争)(?:于|在)?\s*(?P<due>{_DUE}|\d{{4}}\s*年\s*(?:底|末)\s*(?:前|以前|之前)?"
    r"|年\s*(?:底|末)\s*(?:前|以前|之前)?)\s*(?:完成|整改到位|办结)$"
)


def _item_statuses(text: str, count: int) -> tuple[dict[int, str], dict[int, str], str]:
    """({measure index: status}, {measure index: deadline}, the rest of ``text``) for the
    clauses of ``text`` that give the status of measures by their number ("第（1）（2）项已完成，
    第（3）项长期坚持。"), and the deadline a clause right after one of them gives those
    measures ("第3项正在推进，计划2025年底前完成"); only numbers 1..``count`` and status
    words ``check`` knows count, else nothing is taken."""
    from ledger_tools.ledger.status import normalise_status

    found: dict[int, str] = {}
    dues: dict[int, str] = {}
    kept = []
    named: list[int] = []  # the measures the clause before named
    for clause in re.split(r"(?<=[，,；;。])", text):
        bare = clause.strip().rstrip("，,；;。")
        m = _ITEM_STATUS.match(bare)
        status = m and normalise_status(m["status"])
        nums = [int(n) for n in re.findall(r"\d+", m["nums"])] if m else []
        if status and nums and all(1 <= n <= count for n in nums):
            found.update({n - 1: status for n in nums})
            named = nums
        elif named and (due := _ITEM_DUE.match(bare)):
            dues.update({n - 1: re.sub(r"\s+", "", due["due"]) for n in named})
            named = []
        else:
            kept.append(clause)
            named = []
    rest = "".join(kept).strip()
    if found and rest.endswith(("，", ",", "；", ";")):
        rest = rest[:-1] + "。"
    return found, dues, rest


# "，2025年底前完成。" / "，于2025年9月30日前完成。": the last clause of a plan's measure.
_CLAUSE_DUE = re.compile(
    r"[，,]\s*(?:于|在)?\s*(\d{4}\s*年[^，,。；;（(]{0,12}?前)\s*(?:完成|整改到位|办结)?\s*[。；;]?$"
)

# The lead-in before "一是……" that is no measure: "针对这一问题，", "对此，".
_INTRO = re.compile(
    r"(?:针对|对照|就|对于|对)(?:这一|这个|该|此|上述|以上|前述)(?:问题|情况)?|对此|为此|就此"
)
# "对照公文办理质量不高的问题，采取建立……制度、开展……培训等措施": the problem said again, then
# the measures named inside "采取……等措施".
_TAKEN = re.compile(
    r"^(?:针对|对照)[^。；;]{2,80}?问题[，,]\s*(?:[^，,。；;]{0,12}?)?采取(?:了)?"
    r"(?P<m>[^。；;：:]{4,}?)等?(?:一系列|多项|具体)?(?:的)?(?:整改)?措施[，,。；;]?"
)
# A sentence announcing the list of measures after it ("针对这一问题，我局采取了以下措施：",
# "具体整改情况如下："): no part of the first measure.
_LEAD_IN = re.compile(r"^[^。；;：:]{0,40}(?:以下|如下)[^。；;：:]{0,12}[：:]\s*")
# What tells a result, not a task: "已…", "共…", "累计…", "完成", "达到", "实现", a date.
_RESULT_WORD = re.compile(rf"已|共|累计|完成|达到|实现|{_DAY}|\d{{4}}\s*年")

# "针对“违法用地查处不够及时”问题，……" / "针对耕地保护责任落实不够有力的问题，……": the answer
# to one problem listed before it (not "针对上述问题" — that is about them all).
_AIMED = re.compile(
    r"^针对(?!上述|以上|这些|前述|该|此)(?P<target>[^，,。；;]{4,80}?)的?问题[，,]\s*"
)
# "针对巡察反馈的问题，……", "针对审计发现的问题": about all the problems, not one of them.
_ALL_FOUND = re.compile(
    r"(?:本次|此次)?(?:巡[视察]组?|审计|督[察查]组?|上级)?(?:反馈|指出|发现|查摆|检视|查找|交办)(?:出)?的?"
)
# The label over a list of problems: "巡察指出的问题：", "存在的主要问题："
_LIST_LABEL = re.compile(r"^[^。；;：:]{0,14}问题(?:表现)?\s*[：:]\s*")


def _aimed_at(text: str) -> tuple[str, str] | None:
    """(the problem named, the answer) of "针对……问题，……", or None."""
    m = _AIMED.match(text)
    if m is None or not text[m.end() :].strip() or _ALL_FOUND.fullmatch(m.group("target")):
        return None
    return _unquote(m.group("target")), text[m.end() :]


def _continue_enumeration(text: str, start: int) -> tuple[str, list[str]]:
    """("text before", [items]) of an enumeration 三是…四是… continuing at ``start``."""
    from ledger_tools.documents.context import cn_num

    cuts = []
    pos, k = 0, start
    while True:
        m = re.search(rf"(?:^|(?<=[。；;，,：:]))\s*{cn_num(k)}是", text[pos:])
        if not m:
            break
        cuts.append((pos + m.start(), pos + m.end()))
        pos, k = pos + m.end(), k + 1
    if not cuts:
        return text, []
    items = [
        text[b : (cuts[i + 1][0] if i + 1 < len(cuts) else len(text))].strip()
        for i, (_, b) in enumerate(cuts)
    ]
    return text[: cuts[0][0]].strip(), [x for x in items if x]


def _short_title(title: str) -> str:
    """ "学习不深入的问题" → "学习不深入": the ledger's 问题 is the short title."""
    return title[:-3] if title.endswith("的问题") and len(title) >= 7 else title


def _unquote(text: str) -> str:
    """“政治理论学习不够” → 政治理论学习不够; “三重一大”制度… keeps its quotes."""
    if (
        len(text) > 2
        and text[0] in '“"‘「'
        and text[-1] in '”"’」'
        and not re.search(r"[“”\"‘’「」]", text[1:-1])
    ):
        return text[1:-1]
    return text


def _is_account(sentence: str) -> bool:
    """A sentence that goes on, after its first clause, to tell what was done: a date or
    "已…" in a later clause ("重新核定党费缴纳基数，2名党员补缴差额，已上缴…")."""
    from ledger_tools.documents.wording import measure_lead

    later = sentence[len(measure_lead(sentence)) :]
    return bool(re.search(rf"{_DAY}|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[，,；;]\s*已", later))


def _table_hint() -> str:
    """What makes a PDF table with drawn borders readable, where that is not installed."""
    from ledger_tools.importing.pdftables import available

    if available():
        return ""
    return '表格画有边框时，安装 PDF 表格支持（pip install "ledger-tools[pdf]"）后可按单元格读取。'


def _is_statement(text: str) -> bool:
    """A short paragraph that only states the counts ("审计发现问题共4个，已整改3个。")."""
    fig = F.stated_figures(text) or {}
    return bool(fig) and len(text) <= 120 and ("已整改" in fig or "方面" in fig)


def _split_at_labels(block: Block) -> list[Block]:
    """A paragraph with a second label inside it ("…。下一步计划：…") as one block a label."""
    if block.is_table:
        return [block]
    parts = [t for t in _INLINE_LABEL.split(block.text) if t.strip()]
    if len(parts) < 2:
        return [block]
    return [Block(t.strip(), block.where) for t in parts]


def _label_mode(label: str) -> str:
    if label.startswith(("下一步", "下步")):
        return "planned"
    if label.startswith("主要"):
        return "listed"
    if "目标" in label or label in ("审计建议", "整改要求"):
        return "goal"  # (the ledger's 整改目标 column takes an audit's 审计建议 too)
    if re.search(r"表现|问题", label):
        return "detail"
    if label.startswith(("责任", "牵头")) or label.endswith(("时限", "期限", "时间", "日期")):
        return "responsibility"
    if re.search(r"措施|举措", label):
        return "measures"
    return "progress"


def _join(a: str, b: str, sep: str = "") -> str:
    return f"{a}{sep}{b}" if a and b else a or b


def _clean_aspect(title: str) -> str:
    """ "在落实…方面" → "落实…方面" (documents say 在…方面; the ledger's 方面 column does not)."""
    title = re.sub(r"^关于(?=.{2,}方面)", "", title.strip())
    title = re.sub(r"^在", "", title)
    title = title.rstrip("。：:，,")
    # "领导班子存在的问题及整改措施": the 方面 is "领导班子".
    title = re.sub(
        r"(?<=.{2})(?:存在)?的?(?:突出)?问题(?:及|和)(?:其)?整改(?:措施|举措)$", "", title
    )
    # "……方面的问题" / "……方面存在的问题": the 方面 is "……方面".
    return re.sub(r"(?<=方面)(?:存在)?的?问题$", "", title)
