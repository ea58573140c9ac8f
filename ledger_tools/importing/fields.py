"""Stage 2c of ``import``: the facts inside sentences.

Responsibility tails "（责任领导：…；责任单位：…；完成时限：…）" → columns (labels matched through
the ledger's own header aliases in ``columns``), status sentences ("目前已整改到位并长期坚持",
"目前正在推进，计划于…前完成") → 整改状态 (through the status vocabulary in ``columns``), task
tables → measures, and 基本信息 from the title, opening, 落款, 组织领导 and contact block.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ledger_tools.ledger import columns as C
from ledger_tools.ledger.status import normalise_status

if TYPE_CHECKING:
    from ledger_tools.importing.extract import Block
    from ledger_tools.importing.outline import Node
    from ledger_tools.importing.parse import Parsed, PMeasure, PProblem

T = TypeVar("T")

# Columns a responsibility tail or a task table may fill.
TAIL_COLUMNS = ("责任领导", "牵头部门", "责任部门", "责任人", "整改时限", "完成时间")
TABLE_COLUMNS = (*TAIL_COLUMNS, "整改目标", "整改状态", "完成时间", "整改进展及成效", "佐证材料")

_CN_YEAR = "〇零一二三四五六七八九"
DATE_ONLY = re.compile(
    rf"^\s*(\d{{4}}|[{_CN_YEAR}]{{4}})\s*年\s*(\d{{1,2}}|[十{_CN_YEAR}]{{1,3}})\s*月\s*(\d{{1,2}}|[十{_CN_YEAR}]{{1,3}})\s*日\s*$"
)
_DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_INFO_LINE = re.compile(
    r"^(联系电话|联系人|通信地址|通讯地址|联系地址|邮政编码|邮编|电子邮箱|电子信箱|邮箱|举报电话|监督电话)\s*[：:]"
)
_STATISTICS = re.compile(
    r"(?:对照|针对|围绕).{0,40}?(\d+|[一二三四五六七八九十]+)\s*个方面\s*(\d+|[一二三四五六七八九十百]+)\s*(?:项|个|条|方面)"
)
_OPENING = re.compile(
    r"进行了.{0,6}(巡视|巡察|审计|督导|检查)|反馈了|反馈意见|现将.{0,24}(报告|通报|说明|公布|公开)(如下|[。：:]$)"
    r"|制定本.{0,8}方案|特制定|如下[。：:]$"
)
SUPERVISION_ORG = re.compile(
    r"((?:中央|省委|市委|区委|县委|州委|旗委|盟委|市|区|县|省)(?:[^，。、；：\s]{0,8}?)"
    r"第?[一二三四五六七八九十\d]*(?:巡视组|巡察组|督导组|审计组|检查组|巡视巡察组))"
)


# ---------------------------------------------------------------------------------------------
# Line kinds.


def is_info_line(text: str) -> bool:
    return bool(_INFO_LINE.match(text))


def is_statistics(text: str) -> bool:
    return bool(_STATISTICS.search(text)) and len(text) < 400


def is_opening(text: str) -> bool:
    return bool(_OPENING.search(text))


_NUM = r"(\d+|[一二三四五六七八九十百零两]+)"
# The figures a document states about itself, wherever they stand ("巡察反馈问题共3个方面7个，
# 截至目前已整改5个，整改率71.4%", "审计指出问题5个，已整改4个", "共反馈问题18个"): what the
# importer found is checked against them.
# (an audit counts its problems by 类: "审计发现问题4类11个")
_FIG_ASPECTS = re.compile(rf"{_NUM}\s*(?:个\s*方面|类)[^。；;]{{0,6}}?{_NUM}\s*(?:个|项|条)")
_FIG_TOTAL = re.compile(
    rf"(?:反馈|发现|查出|指出|交办|移交|查摆|检视|查找|梳理|存在)(?:出|了)?(?:的)?(?:各类|具体)?(?:问题|意见)"
    rf"(?:共|总计|合计)?(?:计)?\s*{_NUM}\s*(?:个|项|条)"
    rf"|(?:问题|意见)(?:共|总计|合计)\s*{_NUM}\s*(?:个|项|条)"
    rf"|(?:反馈|发现|指出|交办|移交|查摆|检视|查找|梳理)(?:出的|的|了|出)?(?:共)?\s*{_NUM}\s*(?:个|项|条)(?:具体)?(?:问题|意见)"
    rf"|(?:共|总计|合计)(?:有|计)?\s*{_NUM}\s*(?:个|项|条)(?:具体)?问题"  # "共3个问题、6条整改措施"
)
_FIG_DONE = re.compile(
    rf"(?:已|完成)(?:经)?(?:全部)?(?:完成整改|整改完成|整改到位|整改完毕|整改|办结|销号|完成)(?:到位)?(?:问题)?\s*{_NUM}\s*(?:个|项|条)"
)
# Words that make a count the document's own total ("检查发现问题12个" inside a problem is not).
_FIG_WHOLE = re.compile(
    r"共|总计|合计|方面|已整改|整改率|全部|反馈的|反馈问题|巡[视察]反馈|审计指出|审计发现"
    r"|(?:检视|查摆)出的"  # a 主题教育 report's own list: "检视出的3个问题已完成整改2个"
)
_FIG_ALL_DONE = re.compile(
    r"^[^。；;]{0,12}?(?:已|均已)?全部(?:完成整改|整改到位|整改完成|整改完毕|办结|销号)"
)
_FIG_RATE = re.compile(
    r"(?<!措施)(?<!任务)(?:整改|完成|办结)率(?:为|达到?|达)?\s*(\d+(?:\.\d+)?)\s*[%％]"
)


def _num(text: str) -> int:
    from ledger_tools.importing.outline import cn_value

    return int(text) if text.isdigit() else cn_value(text.replace("两", "二"))


def stated_figures(text: str, whole: bool = True) -> dict[str, float] | None:
    """The counts a sentence states: {"方面", "问题", "已整改", "整改率"} and of the measures
    {"措施", "已完成措施", "措施完成率"} (those it says), or None. Only a sentence that states
    a number of problems counts (a number of 方面 alone, or an "已整改5个" about something
    else, is not a statement of the document's totals); with ``whole`` False, a sentence
    going on with the counts of the one before ("已完成整改问题4个，……") counts too."""
    figures: dict[str, float] = {}
    m = None
    if m := _FIG_ASPECTS.search(text):
        figures["方面"], figures["问题"] = _num(m.group(1)), _num(m.group(2))
    elif m := _FIG_TOTAL.search(text):
        figures["问题"] = _num(next(g for g in m.groups() if g))
    if whole and ("问题" not in figures or not _FIG_WHOLE.search(text)):
        return None
    # Where the statement starts: the clause that holds the first count.
    figures["起"] = max(text.rfind(c, 0, m.start()) for c in "，,：:") + 1 if m else 0
    tail = text[m.end() :] if m else text
    if d := _FIG_DONE.search(tail):
        figures["已整改"] = _num(d.group(1))
    elif m and _FIG_ALL_DONE.search(tail):
        figures["已整改"] = figures["问题"]
    if r := _FIG_RATE.search(tail):
        figures["整改率"] = float(r.group(1))
    figures.update(measure_figures(text))
    return figures if whole or len(figures) > 1 else None


_FIG_MEASURES = re.compile(
    rf"(?:制定|细化|明确|提出|形成|梳理)(?:了|出)?(?:具体|各项)?的?整改(?:措施|任务)(?:共)?\s*{_NUM}\s*(?:条|项|个)"
    rf"|整改(?:措施|任务)(?:共|总计|合计)\s*{_NUM}\s*(?:条|项|个)"
    rf"|(?:制定|细化|明确|提出|形成)(?:了|出)?(?:共)?\s*{_NUM}\s*(?:条|项)(?:具体)?整改(?:措施|任务)"
    rf"|(?<=问题[、，,和])\s*{_NUM}\s*(?:条|项)(?:具体)?整改(?:措施|任务)"  # "3个问题、6条整改措施"
)
# "制定了62条整改措施，已完成58条": after the number of measures, the number done.
_FIG_MEASURES_THEN_DONE = re.compile(
    rf"^[^。；;]*?(?:已|均已)?(?:完成|落实到位|办结)\s*{_NUM}\s*(?:条|项)"
)
_FIG_MEASURES_DONE = re.compile(
    rf"(?:已)?完成(?:整改)?(?:措施|任务)\s*{_NUM}\s*(?:条|项|个)|(?:措施|任务)(?:已)?完成\s*{_NUM}\s*(?:条|项|个)"
)
_FIG_MEASURES_RATE = re.compile(
    r"(?:措施|任务)(?:完成|整改|落实)率(?:为|达到?|达)?\s*(\d+(?:\.\d+)?)\s*[%％]"
)


def measure_figures(text: str) -> dict[str, float]:
    """{"措施", "已完成措施", "措施完成率"} a sentence states of the measures."""
    out: dict[str, float] = {}
    if measures := _FIG_MEASURES.search(text):
        out["措施"] = _num(next(g for g in measures.groups() if g))
    if m := _FIG_MEASURES_DONE.search(text):
        out["已完成措施"] = _num(next(g for g in m.groups() if g))
    elif measures and (m := _FIG_MEASURES_THEN_DONE.search(text[measures.end() :])):
        out["已完成措施"] = _num(m.group(1))
    if m := _FIG_MEASURES_RATE.search(text):
        out["措施完成率"] = float(m.group(1))
    return out


# ---------------------------------------------------------------------------------------------
# Status sentences.

_STATUS_START = re.compile(
    r"^(目前|当前|现已|现|截至目前|截至.{2,14}?[，,]|该问题|此问题|(?:该项|此项|本项)(?:整改|工作)?|整改工作|整改状态[：:]"
    r"|状态[：:]|已|尚|正在|基本"
    # "上述措施均已完成。" "以上整改任务全部完成。": of all the measures just listed (the
    # state at once: "上述措施原计划于……完成，现已超期" is a plan's date, not a state)
    r"|(?:上述|以上)(?:各项|几项)?(?:整改)?(?:措施|任务)(?:均|全部|都)?(?=已|正在|基本|尚|完成|长期))"
)
# Longest spellings first, so 已整改到位并长期坚持 wins over 已整改到位 at the same position.
_STATUS_KEYS = sorted(C.STATUS_INDEX, key=len, reverse=True)
_PLANNED = re.compile(
    r"(?:计划|预计|力争)(?:于|在|到)?\s*(.{2,20}?)(?:前|以前|之前)?\s*(?:完成|整改到位|办结)"
)


def find_status(text: str) -> str | None:
    """The status a sentence states: the earliest (then longest) spelling of the project's
    status vocabulary in it ("目前正在推进，计划于…前完成" → 正在推进, not 已完成)."""
    found = _first_status(text)
    return found[0] if found else None


def _first_status(text: str) -> tuple[str, int] | None:
    best: tuple[int, int, str] | None = None
    for key in _STATUS_KEYS:
        pos = text.find(key)
        if pos >= 0 and (best is None or (pos, -len(key)) < (best[0], best[1])):
            best = (pos, -len(key), key)
    return (C.STATUS_INDEX[best[2]], best[0]) if best else None


# The day a problem was put right, said inside its status sentence: "已于2024年11月30日整改
# 到位", "该问题已于2024年10月15日整改完成", "2024年9月已整改完成".
_DAY_SAID = r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[.．/-]\d{1,2}[.．/-]\d{1,2}"
_DONE_ON = re.compile(
    rf"^(?P<head>该问题|此问题|该项|本项|目前|现)?(?:已经?)?于?\s*(?P<day>{_DAY_SAID})\s*[，,]?\s*"
)


def _done_on(text: str) -> tuple[str, str]:
    """(``text`` with the day it names as the day of completion taken out, that day) —
    ("该问题已整改完成", "2024年10月15日") — or (``text``, "") when it names none."""
    m = _DONE_ON.match(text.strip())
    if m is None:
        return text, ""
    rest = text.strip()[m.end() :]
    said = (m.group("head") or "") + (rest if rest.startswith("已") else "已" + rest)
    found = _first_status(said)
    if (
        found is None
        or found[0] not in C.FINISHED_STATUSES
        or found[1] > len(m.group("head") or "") + 1
    ):
        return text, ""
    return said, re.sub(r"\s+", "", m.group("day"))


def done_day(text: str) -> str:
    """The day a status sentence says the problem was put right ("已于2024年11月30日整改到位"
    → "2024年11月30日"), or ""."""
    s = text.strip().rstrip("。；;")
    cut = max(s.rfind("，"), s.rfind(","))
    for part in (s, s[cut + 1 :] if cut >= 0 else ""):
        said, day = _done_on(part)
        if day and (status_sentence(said) or clause_status(said)):
            return day
    return ""


def status_sentence(text: str) -> tuple[str, str] | None:
    """(status, planned deadline) of a status sentence such as "目前已整改到位。" or "目前正在
    推进，计划于2024年6月30日前完成。"; None for any other sentence."""
    s = _done_on(text.strip())[0]
    start = _STATUS_START.match(s)
    if len(s) > 80 or not start:
        return None
    found = _first_status(s)
    if found is None:
        return None
    status, pos = found
    # "已…" / "正在…" open many a progress sentence ("已制定方案，完成检查416家"): only one that
    # says its status at once ("正在推进，计划于…", "已整改到位。") is a status sentence.
    if start.group(1) in ("已", "尚", "正在", "基本", "现") and pos > 3:
        return None
    key = max((k for k in _STATUS_KEYS if s.startswith(k, pos)), key=len)
    if not _STATUS_END.match(s[pos + len(key) :]):
        return None  # "已完成清产核资，正在…": the status word is the verb of an account
    planned = _PLANNED.search(s)
    deadline = planned.group(1).strip("，, ") if planned and status != C.STATUS_DONE else ""
    return status, deadline


# What may follow the status word of a status sentence: its end, a comma, "并长期坚持", "工作".
_STATUS_END = re.compile(
    r"$|[\s，,。；;！!（(、：:]|并|且|及|后|工作|任务|整改|销号|办结|验收|中(?=$|[\s，,。；;])"
)


# "…原计划于2024年4月底前完成，因…，预计…完成": the reason a problem is late (延期说明).
_DELAY = re.compile(
    r"原(?:计划|定)(?:分别|最迟)?于\s*(?P<due>[^，,。；;]{4,24}?)\s*完成[，,]\s*(?P<why>因[^。]+)"
)


def delay_reason(text: str) -> tuple[str, str] | None:
    """(the date first planned, the reason and new date) a status sentence gives for being
    late, as the ledger's 延期说明 column holds it ("因……，预计……前完成")."""
    m = _DELAY.search(text)
    return (m.group("due"), m.group("why").strip("，, ")) if m else None


# A past-tense account of the work with no status word of its own ("整改情况：已于2025年5月
# 20日完成全部项目资金清理，拨付资金312万元。"): the one rule deciding the status it states
# (``account_status``), for a problem's 整改情况 paragraph, a measure's own result and a
# table's 整改进展 cell alike.
_DUE_SAID = r"\d{4}\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末|中旬|上旬|下旬)?|底|年底)\s*(?:前|以前|之前)?"
# "，计划于2025年6月底前完成全部合同复核": what is left, and the date it is planned by (the
# object may follow the verb: the date is the deadline all the same)
_PLAN_LEFT = re.compile(
    rf"(?:计划|预计|力争|拟)(?:于|在|到)?\s*(?P<due>{_DUE_SAID})\s*"
    r"(?:全部|全面|基本)?(?:完成|整改到位|办结|(?:拨付|清退|上缴|收回|追回|缴回|归还|退还)到位)"
)
# Work still going on, said in words no status clause holds ("尚有3个村未完成", "其余7处正在
# 整改", "持续推进中").
_STILL_OPEN = re.compile(r"正在|尚未|尚有|尚在|仍在|仍有|未完成|未整改|持续推进|逐步推进")
# Some of the work told as done: a clause opening with "已" ("已复核合同58份").
_SOME_DONE = re.compile(r"(?:^|[，,。；;])\s*(?:目前|现|共|累计|[^，,。；;]{0,10}?均)?已")
# A clause saying it was finished: "已完成……", "已全部完成……", "已于……完成……" (the day
# taken out by ``_done_on``), "各村均已整改到位" (a subject only with 均/都/全部: "部分村已
# 完成" is not all of it).
_DONE_CLAUSE = re.compile(
    r"^(?:目前|现|并)?(?:[^，,]{0,10}?(?:均|都|全部))?已(?:经)?(?:全部|全面|按期|如期|基本)?"
    r"(?:完成|整改到位|整改完毕|办结|销号)"
)


def _states_status(text: str) -> bool:
    """Whether any sentence of ``text`` is a status sentence or ends in a status clause."""
    for sentence in re.findall(r"[^。！？]+[。！？]?", text):
        if status_sentence(sentence) or clause_status(sentence):
            return True
        if trailing_clause_status(sentence):
            return True
    return False


def planned_deadline(text: str) -> str:
    """The date a sentence plans the rest of the work by ("已完成资料复核46份，计划于2025年
    6月底前完成全部合同复核。" → "2025年6月底前"), or ""."""
    m = _PLAN_LEFT.search(text)
    return re.sub(r"\s+", "", m.group("due")) if m else ""


def account_status(text: str) -> tuple[str, str, str] | None:
    """(status, deadline, day done) a past-tense account of the work states when it says no
    status word (the rule for every 整改情况 text, docs/import.md “过去时的整改情况”); None
    when a sentence of it is a status sentence or ends in a status clause (those say it):

    - some work told as done ("已……") and the rest planned ("计划于……前完成……") or still
      open ("尚有……正在整改", "尚未", "持续推进") → 正在推进, the planned date its deadline;
    - only a plan ("……，计划于2025年9月底前完成全部资产录入") → no status ("", date): the
      text does not say how far the work is;
    - else a clause "已完成……" / "已于2025年5月20日完成……" / "均已整改到位" → 已完成 (the day
      said in it, if any, the day done), "已基本完成……" → 基本完成;
    - else None ("已制定方案，开展检查416家" tells what was done, not that it is finished)."""
    s = text.strip()
    if not s or _states_status(s):
        return None  # a status said in words: the status rules read it
    due = planned_deadline(s)
    some_done = bool(_SOME_DONE.search(s))
    if some_done and (due or _STILL_OPEN.search(s)):
        return C.STATUS_IN_PROGRESS, due, ""
    if due:
        return "", due, ""
    if _STILL_OPEN.search(s):
        return None
    for clause in re.split(r"[。；;，,！!]", s):
        said, day = _done_on(clause.strip())
        if m := _DONE_CLAUSE.match(said.strip()):
            if "基本" in m.group(0):
                return C.STATUS_MOSTLY_DONE, "", ""
            return C.STATUS_DONE, "", day
    return None


# Words around a status clause at a sentence's end that do not change it ("，目前正在推进",
# "，需长期坚持", "，该问题已完成整改").
_CLAUSE_HEAD = re.compile(
    r"^(?:目前|当前|现已|现|截至目前|该问题|此问题|(?:该项|此项|本项)(?:整改|工作)?|整改工作|均|需|仍需|将)+"
)
_CLAUSE_PLAN = re.compile(
    r"[，,]\s*(?:计划|预计|力争)(?:于|在|到)?\s*(.{2,20}?)(?:前|以前|之前)?\s*"
    # (an audit's money: "计划2025年12月底前拨付到位", "……前清退到位")
    r"(?:完成|整改到位|办结|(?:拨付|清退|上缴|收回|追回|缴回|归还|退还)到位)[^，,]*$"
)


# The part still open named before its status ("剩余事项正在推进", "其余2宗正在…"): the clause
# is the status of what the sentence is about.
_REST_SUBJECT = re.compile(
    r"^(?:剩余|其余|其他|尚未完成)[^，,；;。]{0,8}?(?=正在|正按|尚在|仍在|需)"
)


def clause_status(clause: str) -> tuple[str, str] | None:
    """(status, deadline) of a clause that is only a status, as reports end a sentence with it
    ("正在推进", "目前正在推进，计划2024年12月底前完成", "需长期坚持", "已整改到位"); None for a
    clause that tells more ("已完成的4个项目全部通过验收" is an account, not a status)."""
    s = _done_on(clause.strip())[0].rstrip("。；;，, ")
    deadline = ""
    if m := _CLAUSE_PLAN.search(s):
        deadline, s = m.group(1).strip("，, "), s[: m.start()]
    s = _CLAUSE_HEAD.sub("", s)
    s = _CLAUSE_HEAD.sub("", _REST_SUBJECT.sub("", s))
    if not s or len(s) > (20 if deadline else 14) or re.search(r"[，,；;。]", s):
        return None
    status = C.STATUS_INDEX.get(s) or normalise_status(s)
    if status is None and s.startswith("正在") and len(s) > 4:
        status = normalise_status(s[2:])  # "正在持续推进中"
    if status is None and deadline and s.startswith(("正在", "正按")):
        # "正在会同相关乡镇分类处置，计划2025年6月底前完成": work under way with a date to
        # finish it is a problem in progress, whatever the verb.
        status = C.STATUS_IN_PROGRESS
    if status is None and s.endswith("长期坚持"):
        status = C.STATUS_ONGOING
    if status is None:
        return None
    return status, deadline if status not in C.FINISHED_STATUSES else ""


def trailing_clause_status(text: str, bare_only: bool = False) -> tuple[str, str, str] | None:
    """(status, deadline, text before) when ``text`` ends in a status clause ("……，补齐缺失材料，
    正在推进。"); the clause is one of the last three after a comma."""
    body = text.rstrip()
    cuts = [m.end() for m in re.finditer(r"[，,]", body)][-3:]
    for cut in reversed(cuts):
        found = clause_status(body[cut:])
        if found and cut > 1:
            if not bare_status(body[cut:]):
                if bare_only:
                    return None
                # "……，剩余事项正在推进，计划……" / "……，目前正在推进公示系统建设，计划……":
                # the clause tells what is still being done; the text keeps it.
                return found[0], found[1], body if body.endswith("。") else body + "。"
            return found[0], found[1], body[: cut - 1].rstrip("，, ") + "。"
    return None


def bare_status(clause: str) -> bool:
    """Whether a status clause says nothing but the status (and a date): "目前正在推进，计划……"."""
    s = clause.strip().rstrip("。；;，, ")
    if m := _CLAUSE_PLAN.search(s):
        s = s[: m.start()]
    s = _CLAUSE_HEAD.sub("", s)
    return (
        bool(C.STATUS_INDEX.get(s) or normalise_status(s))
        or (s.startswith("正在") and normalise_status(s[2:]) is not None)
        or s.endswith("长期坚持")
    )


_TRAILING_STATUS = re.compile(r"[（(]([^（()）]{2,12})[)）]\s*[。；;]?$")


def trailing_status(text: str) -> tuple[str, str] | None:
    """A measure ending in its own status "…（已完成）" → (status, text without it)."""
    m = _TRAILING_STATUS.search(text)
    if not m:
        return None
    # "（整改状态：已销号）", "（状态：整改中）": the label said inside the bracket
    said = re.sub(r"^(?:整改|完成|办理)?(?:状态|情况|进度|进展)\s*[：:]\s*", "", m.group(1))
    if percent := _PERCENT_CELL.match(re.sub(r"\s*[：:]\s*", "", said)):
        # "（整改进度：70%）": the status it stands for; a share between none and all stays
        # written where it is (it tells how far the work has gone)
        status = normalise_status(percent.group(0))
        if status and 0 < float(percent.group(1)) < 100:
            return status, text
    elif _DEADLINE_TAIL.match(said) and said[0].isdigit() and "前" in said:
        return None  # "（2025年12月底前完成）": the date to finish by, not a state
    else:
        status = normalise_status(said)
    return (status, text[: m.start()].rstrip("，,；; ")) if status else None


# ---------------------------------------------------------------------------------------------
# Responsibility tails.


def _labels() -> list[str]:
    labels = []
    for alias, canonical in C.ALIASES.items():
        if canonical in TAIL_COLUMNS and len(alias) >= 2:
            labels.append(alias)
    return sorted(set(labels), key=len, reverse=True)


_LABEL = re.compile(r"(" + "|".join(map(re.escape, _labels())) + r")\s*[：:]")
_VALUE_TRIM = " \t，,；;。、"
_OTHER_LABEL = re.compile(r"[；;，,]\s*[\u4e00-\u9fff]{2,8}\s*[：:]")
# A bracketed tail that is only a deadline: "（2024年6月底前完成）", "（立行立改）".
_DEADLINE_TAIL = re.compile(
    r"^(\d{4}\s*年.{0,12}?|立行立改|即知即改|长期坚持|持续推进|常态化推进)(?:前)?(?:完成|整改到位)?$"
)


# How a deadline ends ("2025年6月底前", "2025年9月30日", "立行立改"): "2024年版" is no deadline.
_DEADLINE_END = re.compile(r"(?:前|底|月|日|旬|立行立改|即知即改|长期坚持|持续推进|常态化推进)$")


def responsibility_pairs(text: str) -> dict[str, str]:
    """``{"责任领导": "…", "责任部门": "…", "整改时限": "…"}`` from "责任领导：…；责任单位：…；完成时限：…"."""
    found: dict[str, str] = {}
    hits = list(_LABEL.finditer(text))
    for i, m in enumerate(hits):
        end = hits[i + 1].start() if i + 1 < len(hits) else len(text)
        # A label we do not map ("配合单位：…") ends the value before it.
        value = _OTHER_LABEL.split(text[m.end() : end])[0].strip(_VALUE_TRIM)
        canonical = C.ALIASES.get(C.normalise_header(m.group(1)))
        if canonical and value and canonical not in found:
            found[canonical] = value
    for person in ("责任领导", "责任人"):
        if person in found:
            # "（责任人：副局长李红梅）": the ledger writes the name first, "李红梅（副局长）"
            found[person] = name_then_post(found[person])
    if "牵头部门" in found and "责任部门" not in found:
        # "牵头单位：综合股；配合单位：各乡镇统计站": every unit named is responsible (the lead
        # first), as a 责任单位 cell written with its lead and assisting units is read.
        helping = [
            n
            for m in _HELPING.finditer(text)
            for n in _names(_OTHER_LABEL.split(m.group(1))[0].strip(_VALUE_TRIM))
        ]
        found["责任部门"] = "、".join(dict.fromkeys([*_names(found["牵头部门"]), *helping]))
    return found


def leading_pairs(text: str) -> tuple[dict[str, str], str]:
    """(fields, rest) of a text that opens with labelled sentences, each ended by "。"
    ("责任单位：街道党建办。完成时限：2025年6月底前。目前已完成。"): the 责任/时限 written as
    sentences after a measure; nothing when it does not open with a label."""
    found: dict[str, str] = {}
    rest = text.strip()
    while (m := _LABEL.match(rest)) and (end := rest.find("。", m.end())) > m.end():
        pairs = responsibility_pairs(rest[: end + 1])
        if not pairs:
            break
        found.update({k: v for k, v in pairs.items() if k not in found})
        rest = rest[end + 1 :].strip()
    return found, rest


_HELPING = re.compile(
    r"(?:配合|协办|协助|参与|协同)(?:单位|部门|科室|处室|股室)\s*[：:]\s*([^；;。（）()]+)"
)


def _closing_group(text: str) -> int | None:
    """Start index of the bracket group that ends ``text`` (nested brackets balanced)."""
    s = text.rstrip("。；; ")
    if not s or s[-1] not in "）)":
        return None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        if s[i] in "）)":
            depth += 1
        elif s[i] in "（(":
            depth -= 1
            if depth == 0:
                return i
    return None


def split_tail(text: str) -> tuple[str, dict[str, str]]:
    """(text without its responsibility tail, the fields the tail names)."""
    start = _closing_group(text)
    if start is not None:
        inner = text[start + 1 : len(text.rstrip("。；; ")) - 1]
        fields: dict[str, str] = {}
        *labelled, last = re.split(r"[；;]", inner)
        if labelled and (due := _DEADLINE_TAIL.match(last.strip())):
            # "（牵头单位：县发改局；责任单位：各乡镇；2026年6月底前完成）": the deadline
            # named without its label after the units
            fields["整改时限"] = re.sub(r"(完成|整改到位)$", "", due.group(0))
            inner = "；".join(labelled)
        fields = {**responsibility_pairs(inner), **fields}
        if m := _DEADLINE_TAIL.match(inner.strip()):
            fields = {"整改时限": re.sub(r"(完成|整改到位)$", "", m.group(0))}
        elif not (fields and _LABEL.match(inner.strip())):
            fields = {}
        if fields:
            # "……（牵头单位：…；责任单位：…）（2025年12月底前完成）": a group before it tells
            # the rest (what the later group names stands)
            before = text[:start].rstrip(" ，,；;")
            rest, more = split_tail(before)
            if set(more) == {"整改时限"} and (
                "整改时限" in fields or not _DEADLINE_END.search(more["整改时限"])
            ):
                # "修订《办法》（2024年版）（2024年6月底前完成）", "……（2024年版）（牵头单位：
                # 办公室）": the bracket before is part of a name, not a deadline
                return before, fields
            return (rest, {**more, **fields}) if more else (before, fields)
    # Unbracketed: "……。责任领导：…；责任部门：…"
    m = _LABEL.search(text)
    if m and m.start() > 0 and text[m.start() - 1] in "。；;，, \n":
        fields = responsibility_pairs(text[m.start() :])
        if fields:
            return text[: m.start()].rstrip(" ，,；;"), fields
    return text, {}


# ---------------------------------------------------------------------------------------------
# Task tables (问题清单 / 整改任务清单).


def table_columns(rows: list[list[str]]) -> tuple[int, dict[int, str]] | None:
    """(header row index, column index -> canonical column) of a task table, or None. A header
    of two rows ("整改措施" merged over "具体措施 / 责任人 / 完成时限") is read as one: the
    lower row names the columns it splits, the index returned is the lower row's."""
    for r, row in enumerate(rows[:3]):
        mapped = _mapped(row)
        names = set(mapped.values())
        # three named columns or more; or just "反馈问题 | 整改措施", both cells named
        pair = len(row) == len(mapped) == 2 and names == {"问题", "整改措施"}
        if (len(mapped) >= 3 and names & {"问题", "整改措施"}) or pair:
            if r + 1 < len(rows) and (lower := _lower_header(row, rows[r + 1])) is not None:
                return r + 1, lower
            # "已完成 | 正在推进 | 未启动" as columns of their own, ticked: two or more of them
            statuses = {
                j: normalise_status(c.strip()) for j, c in enumerate(row) if j not in mapped
            }
            ticks = {j: st for j, st in statuses.items() if st and len(row[j].strip()) <= 6}
            if len(set(ticks.values())) >= 2 and "整改状态" not in names:
                mapped.update({j: TICK + st for j, st in ticks.items()})
            return r, mapped
    return None


def _mapped(row: list[str]) -> dict[int, str]:
    mapped: dict[int, str] = {}
    for j, cell in enumerate(row):
        canonical = table_header(cell)
        if canonical and canonical not in mapped.values():
            mapped[j] = canonical
    if "问题" not in mapped.values():
        # "问题类别 | 具体问题 | 整改措施": with the 方面 in a column of its own, the column of
        # the problems' particulars is the only place the problem is named
        for j, name in mapped.items():
            if name == "问题表现":
                mapped[j] = "问题"
                break
    return mapped


def _lower_header(top: list[str], lower: list[str]) -> dict[int, str] | None:
    """The columns of a two-row header, or None when ``lower`` is a row of data: each of its
    cells is blank, repeats the cell above (merged down) or is a column name, and at least one
    cell under a cell merged across names a column."""
    named: dict[int, str | None] = {
        j: table_header(c) for j, c in enumerate(lower) if c and c != top[j]
    }
    for j, c in enumerate(lower):
        if named.get(j, "") is None and _tick_status(top[j], c):
            # "整改情况" merged over "已完成 | 正在推进": a column ticked (√) for each row
            named[j] = TICK + _tick_status(top[j], c)
    if not named or not all(named.values()):
        return None
    if not any(0 < j and top[j] == top[j - 1] for j in named) and not any(
        j + 1 < len(top) and top[j] == top[j + 1] for j in named
    ):
        return None
    merged = [lower[j] if j in named else top[j] for j in range(len(top))]
    columns = _mapped(merged)
    columns.update({j: name for j, name in named.items() if name and name.startswith(TICK)})
    return columns


# A status column of ticks: its field name is TICK + the status it stands for.
TICK = "勾选："
_TICK_GROUPS = {"整改状态", "整改进展及成效"}
TICK_MARKS = re.compile(r"^[√✓✔☑●■★▲○☆✅vVyY是有]\ufe0f?$")


def _tick_status(group: str, cell: str) -> str:
    """The standard status a column "已完成" under a merged "整改情况"/"完成情况" stands for."""
    from ledger_tools.ledger.status import normalise_status

    if table_header(group) not in _TICK_GROUPS:
        return ""
    return normalise_status(cell.strip()) or ""


def ticked_status(values: dict[str, str]) -> tuple[str, list[str]]:
    """(the status ticked in a row's tick columns, or "", the statuses ticked when more than
    one is — a row a reader cannot settle either); the tick columns taken out of ``values``."""
    ticked = []
    for name in [n for n in values if n.startswith(TICK)]:
        if TICK_MARKS.match(values.pop(name).strip()):
            ticked.append(name[len(TICK) :])
    return (ticked[0], []) if len(ticked) == 1 else ("", ticked)


# Headers of published tables that a clerk's ledger does not use (an audit 公告's "整改结果").
_PUBLISHED_HEADERS = {
    "整改结果": "整改进展及成效",
    "整改效果": "整改进展及成效",
    "完成结果": "整改进展及成效",
    # a 民主生活会 整改清单's column of whose problem each row is: he is its 责任领导
    "班子成员": "责任领导",
    "领导班子成员": "责任领导",
}


# "检视出的问题", "查摆问题", "梳理的主要问题": the problems a self-examination found.
_FOUND_PROBLEMS = re.compile(r"^(?:检视|查摆|查找|梳理|自查)(?:出|发现)?的?(?:主要|突出)?问题$")


def table_header(cell: str) -> str | None:
    """The canonical column of a table header: the ledger's aliases, also written with a "的"
    ("审计发现的问题", "存在的主要问题"), and a few headers only published tables use."""
    header = C.normalise_header(cell)
    if _FOUND_PROBLEMS.match(header):
        return "问题"
    found = C.ALIASES.get(header) or _PUBLISHED_HEADERS.get(header)
    if found is None and "的" in header:
        found = C.ALIASES.get(header.replace("的", ""))
    if found is None:
        # the headers a ledger is read by through their pattern too: whoever found the problem
        # named in front of it ("督察反馈问题", "巡察组交办问题"), "具体整改举措", "问题类别"
        found = C.canonical_column(header)
    return found


_PLANNED_ANY = re.compile(r"(?:计划|预计|力争)(?:于|在|到)?\s*(\d{4}\s*年[^，,。；;]{1,10}?前)")


_PERCENT_CELL = re.compile(
    r"^\s*(?:已?完成|整改|办理)?(?:进度|率|比例)?(?:为|约|达到?)?\s*(\d{1,3}(?:\.\d+)?)\s*[%％]\s*$"
)


def _status_from_percent(fields: dict[str, str]) -> None:
    """A status column that gives the progress as a percentage (主题教育 清单's 整改进度 "80%"):
    整改状态 takes the status it stands for (100% 已完成, 0% 未启动, between them 正在推进, as
    ``check`` reads it) and a percentage between those two stays in the progress."""
    from ledger_tools.ledger.status import normalise_status

    m = _PERCENT_CELL.match(fields.get("整改状态", ""))
    status = normalise_status(fields["整改状态"]) if m else None
    if m is None or status is None:
        return
    fields["整改状态"] = status
    if 0 < float(m.group(1)) < 100:
        done = f"整改进度{m.group(1)}%。"
        fields["整改进展及成效"] = done + fields.get("整改进展及成效", "")


_STATUS_DAY_CELL = re.compile(
    rf"^(?P<status>[^（()）\d]{{2,12}}?)\s*[（(]\s*(?P<day>{_DAY_SAID})\s*(?:完成|办结|销号|整改到位)?\s*[)）]$"
)


def _status_with_day(fields: dict[str, str]) -> None:
    """A status cell "已完成（2024年10月15日）" / "已办结（2024.11.30）": the status, and the day
    in brackets its 完成时间."""
    from ledger_tools.ledger.status import normalise_status

    for key in ("整改状态", "整改进展及成效"):
        m = _STATUS_DAY_CELL.match(fields.get(key, "").strip())
        status = normalise_status(m.group("status")) if m else None
        if m is None or status not in C.FINISHED_STATUSES:
            continue
        if key == "整改进展及成效":
            del fields[key]
        if not fields.get("整改状态") or key == "整改状态":
            fields["整改状态"] = status
        day = re.sub(r"\s+", "", m.group("day"))
        if dotted := re.fullmatch(r"(\d{4})[.．/-](\d{1,2})[.．/-](\d{1,2})", day):
            day = "{}年{}月{}日".format(*(int(g) for g in dotted.groups()))  # a date cell
        fields.setdefault("完成时间", day)
        return


def _status_from_progress(fields: dict[str, str]) -> None:
    """A progress cell that states the status ("已完成", "已整改。已收回结余资金…", "正在整改。
    …"): the status goes to 整改状态, what follows it stays the progress."""
    _status_with_day(fields)
    _status_from_percent(fields)
    progress = fields.get("整改进展及成效", "")
    if not progress or fields.get("整改状态"):
        return
    head, _, rest = progress.partition("。")
    found = clause_status(head)
    clause = re.match(r"^([^，,]{2,8})[，,]\s*(.+)$", head)
    if clause and clause_status(clause.group(2)):
        clause = None  # "已整改，长期坚持": one status told twice, read as a sentence below
    if found is None and clause is None and len(head) <= 20:
        found = status_sentence(head + "。")
    if found is None and clause:
        # "正在整改，剩余资金计划2024年12月底前上缴": the status, then what is left to do
        # (and "正在推进，已兑现政策资金320万元": what is done so far).
        if found := clause_status(clause.group(1)):
            head, rest = clause.group(1), (clause.group(2) + "。" + rest).strip()
            planned = _PLANNED_ANY.search(clause.group(2))
            if planned and not fields.get("整改时限"):
                fields["整改时限"] = planned.group(1)
    if (
        found is None
        and "。" not in progress.rstrip("。")
        and (tail := trailing_clause_status(progress, bare_only=True))
    ):
        # "已建立长效机制，长期坚持": what was done, then the status in the last clause
        found, head, rest = (tail[0], tail[1]), "", tail[2]
    if found is None:
        return
    fields["整改状态"] = found[0]
    if found[0] == C.STATUS_NOT_STARTED and rest.strip().startswith(("已", "正在")):
        # "未整改，已向法院提起诉讼": not put right yet, but the work has begun
        fields["整改状态"] = C.STATUS_IN_PROGRESS
    if found[1] and not fields.get("整改时限"):
        fields["整改时限"] = found[1]
    rest = rest.strip()
    if rest:
        fields["整改进展及成效"] = rest
    else:
        del fields["整改进展及成效"]


def _form_table(rows: list[list[str]]) -> list[list[str]] | None:
    """A one-problem form ("问题 | …", "整改措施 | …", "责任领导 | … | 完成时限 | …"): its labels and
    values as a header row and one row, or None. Labels stand in the even cells of each row
    (a form puts two label/value pairs on one row); a merged value repeats in its row."""
    labels: list[str] = []
    values: list[str] = []
    for row in rows:
        cells = [c for k, c in enumerate(row) if k == 0 or c != row[k - 1]]  # merged repeats
        for k in range(0, len(cells) - 1, 2):
            labels.append(cells[k])
            values.append(cells[k + 1])
    names = [table_header(label) for label in labels]
    if len({n for n in names if n}) < 3 or not {"问题", "整改措施"} & set(names):
        return None
    return [labels, values]


def looks_like_table_header(text: str) -> bool:
    """A line that starts with at least three ledger column names ("序号 方面 问题 整改措施 …",
    with or without spaces between them): a table header that reached us as text."""
    rest = re.sub(r"[\s|｜]+", "", text)
    count = 0
    while rest:
        label = next((a for a in _HEADER_LABELS if rest.startswith(a)), None)
        if label is None:
            break
        rest, count = rest[len(label) :], count + 1
    return count >= 3


_HEADER_LABELS = sorted((a for a in C.ALIASES if a), key=len, reverse=True)


def _compact(text: str) -> str:
    return re.sub(r"[\s，,。．.；;：:、“”\"'‘’（）()]", "", text)


def merge_task_table(parsed: Parsed, block: Block, under: PProblem | None = None) -> bool:
    """Read a 问题清单/任务清单 table into ``parsed``: fill the fields of the measures the body
    already has (matched by problem and measure text), or build them when the body has none.
    A table with no 问题 column standing in the body of problem ``under`` (a heading "（一）……
    的问题" over a table 整改措施/责任单位/完成时限/整改进展) holds that problem's measures.
    False when the table is not a task table."""
    from ledger_tools.importing.parse import PAspect, PMeasure, PProblem

    found = table_columns(block.rows)
    if found is None and (turned := _form_table(block.rows)):
        block = copy.copy(block)
        block.rows, found = turned, table_columns(turned)
    if found is None:
        return False
    header, columns = found
    carry: dict[str, str] = {}
    body_had = any(not p.from_table for p in parsed.problems)
    renumbered = False  # a note given for rows numbered by measure (once a table)
    for r, row in enumerate(block.rows[header + 1 :], start=header + 2):
        values = {name: row[j].strip() for j, name in columns.items() if j < len(row)}
        if any(
            all(values.get(k) == v for k, v in ((columns[j], head[j]) for j in columns))
            for head in block.rows[max(header - 1, 0) : header + 1]
        ):
            continue  # the header repeated (either row of a header of two)
        tick, several = ticked_status(values)
        filled = [c.strip() for c in row if c.strip()]
        if len(filled) >= 2 and len(set(filled)) == 1:
            # A title row merged across the table ("一、……方面"): the 方面 of the rows below.
            carry["方面"] = _strip_heading_number(next(c for c in row if c.strip()).strip())
            carry.pop("问题", None)
            continue
        for key in ("序号", "方面", "问题"):
            if values.get(key):
                carry[key] = values[key]
            elif key in carry:
                values[key] = carry[key]
        where = f"{block.where}第{r}行"
        problem_title = values.get("问题", "")
        measure_text = values.get("整改措施", "")
        target: PProblem | None
        if under is not None and not problem_title and "问题" not in columns.values():
            target = under  # (before: an untitled problem per row, each reminded)
        elif body_had:
            target = _find_problem(parsed, problem_title)
        else:
            # The table is the list itself: a row goes on with the problem above only when it is
            # that problem (a merged 序号/问题 cell carried down), never because two problems
            # read alike ("6号专项资金…" and "9号专项资金…").
            last = parsed.problems[-1] if parsed.problems else None
            same = last is not None and _compact(last.title) == _compact(
                problem_title.rstrip("。；;")
            )
            target = (
                last
                if last is not None and same and last.number == values.get("序号", "")
                else None
            )
            if same and target is None and not renumbered:
                # "1 | 政务公开不及时 | 措施A" / "2 | 政务公开不及时 | 措施B": the 序号 numbers
                # the measures; the same problem written out again is the same problem
                target = last
                renumbered = True
                parsed.warnings.append(
                    f"{where}的问题与上一行相同、序号不同，已作为同一问题的又一条措施"
                    "（表中序号按措施编排）；如确是两项问题，请在台账中拆开。"
                )
            elif same and target is None:
                target = last
        if target is None:
            if body_had:
                parsed.warnings.append(
                    f"{where}的问题“{problem_title[:30]}”在正文中没有找到，已按表格补入。"
                )
            aspect_title = values.get("方面", "")
            aspect = next((a for a in parsed.aspects if a.title == aspect_title), None)
            aspect = aspect or best_match(parsed.aspects, aspect_title, lambda a: a.title, 0.9)
            if aspect is None:
                aspect = PAspect(aspect_title, where)
                parsed.aspects.append(aspect)
            target = PProblem(problem_title.rstrip("。；;"), where, number=values.get("序号", ""))
            target.from_table = True
            target.detail = values.get("问题表现", "")
            aspect.problems.append(target)
        fields = {k: v for k, v in values.items() if k in TABLE_COLUMNS and v}
        _units_and_people(fields, block.rows[header], columns)
        if tick:
            fields.setdefault("整改状态", tick)
        elif several:
            parsed.warnings.append(
                f"{where}的整改情况同时勾选了“{'”“'.join(several)}”，整改状态没有填写，请按实际补填。"
            )
        if kept := _kept_columns(block.rows[header], row, columns):
            fields["备注"] = kept
        _status_from_progress(fields)
        # a progress cell in the past tense with no status word ("已于2025年5月20日完成……"):
        # the same rule as the text's (``account_status``), used when no status is said
        said = None if fields.get("整改状态") else account_status(fields.get("整改进展及成效", ""))
        if not measure_text:
            target.goal = target.goal or fields.pop("整改目标", "")
            for m in target.measures or [PMeasure("", where)]:
                for k, v in fields.items():
                    m.fields.setdefault(k, v)
                m.told = m.told or said
            continue
        from ledger_tools.ledger.cells import split_measures

        told = [m for m in target.measures if m.text and m.text == m.fields.get("整改进展及成效")]
        account = ""
        if told and len(told) == len(target.measures):
            # The body told only what was done ("已建立长效机制，需长期坚持。"), taken for a
            # measure for want of one; the table names the measure: that account is its
            # progress (before what the table's own progress column says).
            target.measures = []
            account = _join_texts([m.text for m in told])
            for k, v in told[-1].fields.items():
                if k != "整改进展及成效":
                    fields.setdefault(k, v)
        # One cell may hold several numbered measures ("1.…2.…"): one ledger row each; when
        # the cell writes them as sentences ("1.……；2.……。") each ends as one.
        items = split_measures(measure_text)
        sentences = len(items) >= 2 and bool(re.search(r"[。；;]", measure_text))
        for text in items:
            text = _without_item_number(text)
            if sentences:
                text = full_stop(text)
            measure = _find_measure(target, text)
            if measure is None:
                target.measures.append(PMeasure(text, where, dict(fields), said))
            else:
                for k, v in fields.items():
                    measure.fields.setdefault(k, v)
                measure.told = measure.told or said
        if account and target.measures:
            latest = target.measures[-1].fields
            latest["整改进展及成效"] = account + latest.get("整改进展及成效", "")
    return True


# A header naming a unit and a person in one column: "责任单位及责任人", "责任部门/责任人".
_UNIT_AND_PERSON_HEADER = re.compile(
    r"(?:单位|部门|科室|处室|股室).{0,4}(?:及|和|与|/|、|／).{0,4}人"
)
_UNIT_END = "局委办部院室科股镇乡处所站队馆组会司厂校园"
# The common surnames: a name after a unit without a mark between them ("县财政局张伟") is
# told from the rest of a unit's name ("县财政局预算股") by its first character.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
# "县财政局张某某", "县审计局办公室，王某某", "县民政局局长刘洋": the unit, then the person.
_UNIT_THEN_PERSON = re.compile(
    rf"^(?P<unit>.{{2,40}}?(?:中心|街道|公司|[{_UNIT_END}]))[\s，,、/／]*"
    rf"(?P<person>(?:副?(?:局长|主任|书记|科长|股长|所长|站长|队长|院长|校长|部长|经理|镇长|乡长))?"
    rf"[{_SURNAMES}](?:某某?|[\u4e00-\u9fff]{{1,2}}))$"
)


def _units_and_people(fields: dict[str, str], header: list[str], columns: dict[int, str]) -> None:
    """A 责任 cell holding the unit and the person: labelled ("责任单位：县审计局；责任人：
    李某某") in any 责任 column, or — under a header naming both ("责任单位及责任人") — the
    person's name after the unit ("县财政局 张某某"): each to its own column."""
    for j, key in columns.items():
        value = fields.get(key, "")
        if key not in ("责任部门", "牵头部门", "责任领导") or not value:
            continue
        pairs = responsibility_pairs(value)
        if pairs and _LABEL.match(value.strip()):
            del fields[key]
            for k, v in pairs.items():
                if k in TAIL_COLUMNS:
                    fields.setdefault(k, v)
            continue
        if j < len(header) and _UNIT_AND_PERSON_HEADER.search(header[j]):
            m = _UNIT_THEN_PERSON.match(value.strip())
            if m and m.group("person")[-1] not in _UNIT_END:
                fields[key] = m.group("unit")
                fields.setdefault("责任人", name_then_post(m.group("person")))


def full_stop(text: str) -> str:
    """A measure written into the ledger ends as a sentence: one item of a list "1.……；
    2.……。" or "（1）……，（2）……" split from one sentence gets its full stop (before: the
    items but the last were written without one)."""
    text = text.strip()
    if not text or text.endswith(("。", "！", "？", "!", "?", "…")):
        return text
    return text.rstrip("；;，,、：: ") + "。"


def _join_texts(texts: list[str]) -> str:
    return "".join(t if t.endswith(("。", "；", ";")) else t + "。" for t in texts if t)


def _without_item_number(text: str) -> str:
    """ "1.修订…" → "修订…": a cell holding one measure of a problem numbered over several
    rows (the number is the row's place, not part of the measure)."""
    from ledger_tools.importing.outline import match_marker

    found = match_marker(text)
    if found and found[0] in ("arabic", "paren", "circled", "decimal2"):
        return found[3]
    return text


def _kept_columns(header: list[str], row: list[str], columns: dict[int, str]) -> str:
    """The cells of columns the ledger has none for but a clerk keeps (an audit's "问题金额
    （万元）", "已整改金额（万元）"), as "列名：值" for the row's 备注: the figures are not lost."""
    kept = []
    for j, name in enumerate(header):
        if j in columns or j >= len(row) or not row[j].strip() or not name.strip():
            continue
        if C.normalise_header(re.sub(r"[（(].*?[)）]", "", name)) in _KEPT_HEADERS:
            kept.append(f"{name.strip()}：{row[j].strip()}")
    return "；".join(kept)


_KEPT_HEADERS = {
    C.normalise_header(h)
    # (a 督察 table's 督办领导 is not the 责任领导: kept in the note, not lost; nor is a task
    # list's 整改类型 "立行立改 / 限期整改 / 长期坚持", which says how, not when)
    for key in ("问题金额", "整改金额", "整改资金", "督办领导", "整改类型")
    for h in C.UNUSED_HEADERS.get(key, ())
}


def best_match(items: list[T], text: str, key: Callable[[T], str], threshold: float) -> T | None:
    """The item whose ``key`` text is most similar to ``text`` (ratio ≥ ``threshold``), or None.
    An identical text (ignoring spaces and punctuation) wins at once; difflib's cheap upper
    bounds skip most candidates, so matching a 1,000-row table stays fast."""
    target = _compact(text)
    if not target:
        return None
    compacted = [(_compact(key(item)), item) for item in items]
    for k, item in compacted:
        if k == target:
            return item
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(target)
    best, score = None, threshold
    for k, item in compacted:
        if not k:
            continue
        matcher.set_seq1(k)
        if matcher.real_quick_ratio() < score or matcher.quick_ratio() < score:
            continue
        ratio = matcher.ratio()
        if ratio >= score:
            best, score = item, ratio
    return best


def _strip_heading_number(text: str) -> str:
    from ledger_tools.importing.outline import match_marker

    found = match_marker(text)
    return found[3] if found else text


def _find_problem(parsed: Parsed, title: str) -> PProblem | None:
    found = best_match(parsed.problems, title, lambda p: p.title, 0.8)
    if found is None:
        # A table wording the problem more fully than the body's heading ("……验收不及时，
        # 9个已完工项目长期未组织竣工验收" for "……验收不及时"): the one body title it starts with.
        target = _compact(title)
        starts = [
            p
            for p in parsed.problems
            if not p.from_table
            and len(_compact(p.title)) >= 6
            and target.startswith(_compact(p.title))
        ]
        found = starts[0] if len(starts) == 1 else None
    return found


def _find_measure(problem: PProblem, text: str) -> PMeasure | None:
    return best_match(problem.measures, text, lambda m: m.text, 0.7)


# ---------------------------------------------------------------------------------------------
# 基本信息.


def dates_in(text: str, year: int | None = None) -> list[tuple[dt.date, int, int]]:
    """The dates in ``text`` as (date, start, end); a date without a year takes the year of the
    one before it (``year`` for the first), or the next year when it would otherwise go back in
    time."""
    out: list[tuple[dt.date, int, int]] = []
    for m in _DATE.finditer(text):
        y = int(m.group(1)) if m.group(1) else year
        if y is None:
            continue
        try:
            d = dt.date(y, int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        if not m.group(1) and out and d < out[-1][0]:
            # An opening tells events in order: "11月2日至12月30日…1月5日反馈" is next January.
            try:
                d = d.replace(year=d.year + 1)
            except ValueError:
                continue
        year = d.year
        out.append((d, m.start(), m.end()))
    return out


def exact_date(text: str) -> dt.date | None:
    """ "2024年3月31日" (also in Chinese numerals) → a date; None for anything else."""
    return _cn_date(text.strip())


def _cn_date(text: str) -> dt.date | None:
    from ledger_tools.importing.outline import cn_value

    m = DATE_ONLY.match(text)
    if not m:
        return None

    def num(s: str, year: bool = False) -> int:
        if s.isdigit():
            return int(s)
        if year:
            return int("".join(str(_CN_YEAR.index(c) if c in _CN_YEAR else 0) for c in s))
        return cn_value(s)

    try:
        return dt.date(num(m.group(1), True), num(m.group(2)), num(m.group(3)))
    except ValueError:
        return None


def _org_from_title(title: str) -> str:
    m = re.match(r"^(.{2,40}?)关于", title)
    return m.group(1) if m else ""


_JOINT_PARTY = re.compile(
    r"(?:中共|中国共产党)(?P<place>.{2,20}?)(?:工作委员会|委员会|党工委|党委|党组|党总支)"
)


def _joint_issuers(org: str) -> tuple[str, str] | None:
    """(党组织名称, 单位名称) of a title issued jointly by a party committee and its unit
    ("中共X街道工作委员会X街道办事处", "中共X县委员会X县人民政府"): the second name must start
    with the place the first names, so "中共X县委员会办公室" (one office) is not split."""
    for m in _JOINT_PARTY.finditer(org):
        if m.start() != 0:
            break
        second = org[m.end() :].strip()
        if len(second) >= len(m["place"]) and second.startswith(m["place"]):
            return m.group(0), second
    return None


def _unit_from_org(org: str) -> str:
    unit = re.sub(r"^中共|^中国共产党", "", org)
    unit = re.sub(
        r"(机关)?(党组|党委|党工委|党总支|党支部|总支部委员会|支部委员会|工作委员会|委员会)$",
        "",
        unit,
    )
    return unit if unit != org or not org.endswith(("委", "组")) else ""


def read_info(parsed: Parsed, title: list[Block], preamble: list[Block], tail: list[Block]) -> None:
    """基本信息 from the title, the opening paragraphs, the 落款/成文日期 and contact lines."""
    info = parsed.info
    title_text = parsed.title
    if (org := _org_from_title(title_text)) and not SUPERVISION_ORG.fullmatch(org):
        info["党组织名称"] = org  # (a feedback's title names the group that wrote it)
        if joint := _joint_issuers(org):
            # "中共桥头街道工作委员会 桥头街道办事处关于……": the party committee and the
            # unit issue it together (before: both run together as one 党组织名称)
            info["党组织名称"], info["单位名称"] = joint
            if title_text.startswith(joint[0] + joint[1]):
                # the title keeps the space between the two names (a 公文 joint-issuer title;
                # before: "中共桥头街道工作委员会桥头街道办事处关于……" in 方案标题)
                title_text = f"{joint[0]} {title_text[len(joint[0]) :]}"
    opening = "".join(b.text for b in preamble if not b.is_table)
    whole = title_text + opening
    for t in C.SUPERVISION_TYPES[:-1]:
        if t in whole:
            info["监督类型"] = t
            break
    if m := SUPERVISION_ORG.search(opening) or SUPERVISION_ORG.search(title_text):
        info["监督机构"] = m.group(1)
    if m := re.search(r"(?:根据|按照)(.{2,12}?)(?:的)?(?:统一)?(?:部署|安排)", opening):
        # "根据县委巡察工作统一部署" / "区委巡察工作领导小组的部署": the party committee is 县委/区委.
        info["上级党委"] = re.sub(r"(?<=委)(?:巡[视察]|巡视巡察).*$", "", m.group(1))
    if m := re.search(
        r"对(.{2,30}?)(党组|党委|党工委|党总支|领导班子)?(?:进行了|开展了)(?:为期.{1,6})?(?:常规|专项|机动|提级)?(?:巡视|巡察|审计|督导)",
        opening,
    ):
        unit = m.group(1)
        if not unit.startswith(("我", "本")):
            info["单位名称"] = unit
            if m.group(2) and m.group(2) != "领导班子":
                info.setdefault("党组织名称", unit + m.group(2))
    elif m := re.search(r"向(.{2,30}?)(?:党组|党委|领导班子)?反馈", opening):
        if not m.group(1).startswith(("我", "本")):
            info["单位名称"] = m.group(1)
    _opening_dates(info, opening)
    if addressee := _addressee(preamble):
        info["主送机关"] = addressee
    body_text = opening + "".join(t["内容"] for t in parsed.texts)
    if found := _SELF_NAME.findall(body_text):
        # The form the document uses most ("我馆" over an odd "我单位"); ties: the first.
        info["单位简称"] = max(dict.fromkeys(found), key=found.count)
    # Each document carries its own date: the plan's and the report's are 基本信息 of their own
    # (a plan and a report imported together keep both); a feedback's is the shared 成文日期.
    date_field = {"plan": "方案成文日期", "report": "报告成文日期", "notice": "报告成文日期"}
    for b in tail:
        if d := _cn_date(b.text):
            info[date_field.get(parsed.kind, "成文日期")] = d.isoformat()
        elif b.text and SUPERVISION_ORG.fullmatch(b.text):
            info.setdefault("监督机构", b.text)  # a feedback is signed by the group, not the unit
        elif b.text and "党组织名称" not in info:
            info["党组织名称"] = b.text
    if "单位名称" not in info and (unit := _unit_from_org(info.get("党组织名称", ""))):
        info["单位名称"] = unit
    _concentrated_end(info, [opening, *(t["内容"] for t in parsed.texts)])
    title_field = {"plan": "方案标题", "report": "报告标题", "notice": "通报标题"}.get(parsed.kind)
    if title_field and title_text:
        info[title_field] = title_text


_CONCENTRATED = re.compile(
    r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:前|以前|之前)\s*(?:全面)?完成集中整改"
    r"|集中整改(?:期|阶段)?(?:至|截至|到)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
)


# The unit's short self-reference ("结合我局实际", "我馆坚决扛起…"): 我 + the kind of unit.
_SELF_NAME = re.compile(r"我(?:单位|中心|街道|局|馆|委|院|校|办|厅|处|站|所|部|社|会|司|队|园)")


def _addressee(preamble: list[Block]) -> str:
    """The 主送机关 line before the opening ("区委巡察工作领导小组：")."""
    for b in preamble[:2]:
        if not b.is_table and (m := re.fullmatch(r"([^。，；,;：:]{2,60})[：:]", b.text.strip())):
            if re.search(r"如下$|^现将|^特此", m.group(1)):
                continue  # "现将部分典型问题的整改情况通报如下：" announces, is no addressee
            return m.group(1)
    return ""


def _concentrated_end(info: dict[str, str], texts: list[str]) -> None:
    """集中整改截止日期 from "在2024年5月31日前完成集中整改" / "集中整改期至…"."""
    for text in texts:
        if m := _CONCENTRATED.search(text):
            found = dates_in(m.group(1) or m.group(2))
            if found:
                info.setdefault("集中整改截止日期", found[0][0].isoformat())
                return


def _opening_dates(info: dict[str, str], opening: str) -> None:
    """进驻 dates ("D1至D2，…进行了巡察") and 反馈日期 (the date of the sentence saying 反馈)."""
    found = dates_in(opening)
    for k, (d, _start, end) in enumerate(found):
        after = opening[end : end + 3]
        if re.match(r"\s*(至|到|—|－|-|~)", after) and k + 1 < len(found):
            info.setdefault("进驻开始日期", d.isoformat())
            info.setdefault("进驻结束日期", found[k + 1][0].isoformat())
        # What this date governs: up to the sentence end or the next date, whichever is first.
        stop = opening.find("。", end)
        stop = len(opening) if stop < 0 else stop
        if k + 1 < len(found):
            stop = min(stop, found[k + 1][1])
        sentence = opening[end:stop]
        if "反馈" in sentence and "至" not in opening[end : end + 2]:
            info.setdefault("反馈日期", d.isoformat())


_FILLED_LABEL = re.compile(
    r"(填报单位|报送单位|填表单位|填报人|填表人|审核人|联系人|联系电话|填报时间|填报日期|填表时间|填表日期"
    r"|报送时间|报送日期)(?:[（(]\s*盖章\s*[)）])?\s*[：:]"
)


def read_filled_by(info: dict[str, str], text: str, kind: str) -> bool:
    """A form's line under its table, "填报单位：云溪县教育局　填报时间：2024年12月20日" (with
    联系人, 联系电话, 审核人 as the form has them): the unit, its date and telephone go to
    基本信息 where the document has not said them. False for any other line."""
    marks = list(_FILLED_LABEL.finditer(text))
    if not marks or marks[0].start() != 0:
        return False
    for k, m in enumerate(marks):
        value = text[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(text)]
        value = value.strip(" 　\t，,；;。")
        label = m.group(1)
        if not value:
            continue
        if label.endswith("单位"):
            info.setdefault("单位名称", value)
        elif label.endswith(("时间", "日期")) and (day := _cn_date(value)):
            key = {"plan": "方案成文日期", "report": "报告成文日期", "notice": "报告成文日期"}
            info.setdefault(key.get(kind, "成文日期"), day.isoformat())
        elif label == "联系电话":
            info.setdefault("联系电话", value)
    return True


def read_contacts(info: dict[str, str], text: str) -> None:
    """Every "联系电话：…" / "通信地址：…" / "电子邮箱：…" in ``text`` (a line of its own or the
    end of the invitation to supervise)."""
    for part in re.split(r"[。；;]\s*", text):
        start = _INFO_ANYWHERE.search(part)
        if start:
            read_contact(info, part[start.start() :].strip())


_INFO_ANYWHERE = re.compile(_INFO_LINE.pattern.lstrip("^"))


def read_contact(info: dict[str, str], text: str) -> None:
    m = _INFO_LINE.match(text)
    if not m:
        return
    key, value = m.group(1), text[m.end() :].strip()
    if key in ("通信地址", "通讯地址", "联系地址"):
        if pc := re.search(r"[（(]\s*(?:邮政编码|邮编)\s*[：:]\s*(\d{6})\s*[)）]", value):
            info.setdefault("邮政编码", pc.group(1))
            value = (value[: pc.start()] + value[pc.end() :]).strip()
        info.setdefault("通信地址", value)
    elif key in ("邮政编码", "邮编"):
        info.setdefault("邮政编码", value)
    elif key in ("电子邮箱", "电子信箱", "邮箱"):
        info.setdefault("电子邮箱", value)
    elif key in ("联系电话", "举报电话", "监督电话"):
        info.setdefault("联系电话", value)


def read_leadership(parsed: Parsed, node: Node) -> None:
    """领导小组 组长/副组长/成员/办公室主任 from a 组织领导 section."""
    text = "".join([node.text, *(b.text for b in node.body), *(c.text for c in node.children)])
    text += "".join(b.text for c in node.children for b in c.body)
    patterns = {
        "领导小组组长": r"由?([^，。；,]{2,40}?)任组长",
        "领导小组副组长": r"任组长[，,；;]([^。；]{2,80}?)任副组长",
        "领导小组成员": r"任副组长[，,；;]([^。；]{2,200}?)为成员",
        "领导小组办公室主任": r"[，,；;。]?([^，。；,]{2,40}?)任(?:领导小组)?办公室主任",
    }
    for field_name, pattern in patterns.items():
        if m := re.search(pattern, text):
            value = m.group(1).strip()
            if field_name != "领导小组成员":
                value = name_then_post(value)
            parsed.info.setdefault(field_name, value)


# A person written post first ("局党组书记、局长陈志远"): the post ends in a title word, the
# name (2–3 characters) follows it.
_COMPOUND_SURNAMES = (
    "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|司徒|西门|独孤|端木|澹台|呼延"
)
_POST_NAME = re.compile(
    r"^由?(.{1,30}?(?:长|书记|主任|委员|成员|主席|总师|工程师|秘书|巡视员|调研员|干部|理事|监事))"
    rf"((?:{_COMPOUND_SURNAMES})[\u4e00-\u9fa5]{{1,2}}|[\u4e00-\u9fa5·]{{2,3}})$"
)
# What follows a post is not a name when it is itself part of a post or a unit ("县长助理",
# "校长办公室").
_NOT_NAME = re.compile(r"助理|[办室局科处组委部厅院所站队员]")


def post_and_name(person: str) -> tuple[str, str] | None:
    """ "局党组书记、局长陈志远" → ("陈志远", "局党组书记、局长"), or None when it is not a post
    followed by a name (2–3 characters, 4 with a two-character surname)."""
    m = _POST_NAME.match(person.strip())
    if not m or _NOT_NAME.search(m.group(2)):
        return None
    return m.group(2), m.group(1)


def name_then_post(value: str) -> str:
    """ "局党组书记、局长陈志远，副局长刘明华" → "陈志远（局党组书记、局长）、刘明华（副局长）",
    the ledger's way; a value that is not post + name ("局办公室主任") stays as written."""
    value = re.sub(r"^由", "", value)
    people = re.split(r"[，,；;]", value)
    out = []
    for person in people:
        found = post_and_name(person)
        if not found:
            return value
        out.append(f"{found[0]}（{found[1]}）")
    return "、".join(out)


# 责任单位 written with who leads and who assists: "财政局（牵头），审计局、税务局配合",
# "牵头单位：发展改革局；配合单位：财政局", "办公室为牵头单位". The ledger has 牵头部门 and
# 责任部门 (no column for those assisting): the lead goes to 牵头部门, every unit named (lead
# first, the markers dropped) stays in 责任部门, so no unit is lost.
_UNIT_KIND = r"(?:单位|部门|科室|处室|股室)"
_LABELLED = re.compile(rf"^(牵头|配合|协办|协助|参与|协同){_UNIT_KIND}?\s*[：:]\s*(.+)$")
_TRAILING = re.compile(
    rf"^(.+?)\s*(?:[（(](牵头|配合|协办|协助|参与)[)）]|为?(牵头|配合|协办|协助|参与){_UNIT_KIND}?)$"
)


def lead_units(text: str) -> tuple[str, str] | None:
    """(牵头部门, 责任部门) of a 责任单位 cell that marks its lead unit, or None when no unit is
    marked as leading (the cell then stays as written)."""
    if "牵头" not in text:
        return None
    lead: list[str] = []
    units: list[str] = []
    for segment in re.split(r"[，,；;。]\s*", text.strip()):
        if not segment:
            continue
        labelled = _LABELLED.match(segment)
        if labelled:
            names = _names(labelled.group(2))
            (lead if labelled.group(1) == "牵头" else []).extend(names)
            units += names
            continue
        trailing = _TRAILING.match(segment)
        if trailing and not re.search(r"[（(]", trailing.group(1)):
            # A bare marker after the names ("财政局、审计局配合") applies to all of them.
            names = _names(trailing.group(1))
            if (trailing.group(2) or trailing.group(3)) == "牵头":
                lead += names
            units += names
            continue
        for name in _names(segment):
            marked = _TRAILING.match(name)
            if marked:
                name = marked.group(1)
                if (marked.group(2) or marked.group(3)) == "牵头":
                    lead.append(name)
            units.append(name)
    if not lead or not all(units):
        return None
    ordered = lead + [u for u in units if u not in lead]
    return "、".join(lead), "、".join(dict.fromkeys(ordered))


def _names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"[、/]", text) if n.strip()]
