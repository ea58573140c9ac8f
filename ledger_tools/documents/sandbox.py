"""The Jinja environment templates run in: sandboxed, and bounded in time and memory.

Jinja's sandbox stops a template from reaching Python internals, but not from exhausting the
machine (its documentation says so): ``'a' * 10**9`` takes gigabytes, nested ``range``
loops never end, a recursive macro ends in ``RecursionError``. A template arrives by e-mail
like a ledger, so every render runs under a ``Budget``:

* **Sizes are checked before the allocation**: ``*`` on strings/lists, ``**``, ``%``
  formatting, string methods and filters with a size argument (``center``, ``indent``,
  ``wordwrap``, ``'x'.ljust(n)``, ``'{:>n}'.format``) are refused when the result would exceed
  ``MAX_VALUE`` characters; ``range`` is limited to ``MAX_RANGE`` items (Jinja's own limit),
  with a Chinese message instead of Jinja's English ``OverflowError``. A long text turned
  into many objects (``|batch``, ``.split()``, ``.splitlines()``) is counted like a list's
  items before they are made.
* **Text made from containers is measured before it is made**: printing a list or dict,
  ``~``, ``|string``, ``|tojson``, ``|join``, ``'{0}{0}'.format``, ``'%s%s' % …`` and
  ``sep.join`` turn references into text, so ``[s] * 1000`` (a thousand references to one
  9 MB string, small as a list) would become 9 GB; ``_text_bound`` adds up what the text
  will hold (walking the values, stopping at the limit) and refuses it first. Integers are
  bounded the same way (``10 ** 999 ** …``, squaring in a loop: C-level arithmetic the
  watchdog cannot interrupt), and ``|sum`` over lists is done in linear time.
* **Everything produced is counted**: each printed value (``finalize``), each filter, call and
  operator result and each chunk of output adds to one counter; past ``max_output``
  characters the render stops. This bounds the memory a template can make accumulate
  (block ``set``, macros, ``namespace`` growing in a loop), not only the final document.
* **Time**: a watchdog thread interrupts the render (``_thread.interrupt_main``, which works
  on Windows too; off the main thread, an exception raised in the render's thread) once
  ``seconds`` have passed, so even an empty nested loop over the data ends; the budget is
  also checked on every counted step.
* **No other files**: ``{% include %}``, ``{% import %}``, ``{% from %}`` and
  ``{% extends %}`` are refused when the template is parsed (a Word template is one file;
  there is no loader to read others from, and none should be reached).

Why in-process guards and not a child process with OS limits: the users' machines are
mostly Windows, where there is no ``fork`` and no ``RLIMIT_AS``; a spawned child re-imports
the library and receives the whole context by pickling (seconds at 40,000 measures), and
forking a process that runs polars' thread pool is unsafe. The guards cost a few per cent of
the render (measured: README, 性能).
"""

from __future__ import annotations

import _thread
import contextlib
import html
import io
import itertools
import math
import re
import signal
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

MAX_RANGE = 100_000  # items of one range(); Jinja's sandbox uses the same number
MAX_VALUE = 10_000_000  # characters (or items) of one value a template makes
MIN_OUTPUT = 200_000_000  # characters produced by one render, at least …
OUTPUT_PER_CONTEXT = 50  # … and at least this many per character of the context
MIN_SECONDS = 60.0  # time of one render, at least …
SECONDS_PER_MB = 2.0  # … plus this per MB of context text (a render takes ~0.15 s per MB)
MAX_MACRO_DEPTH = 50  # nested macro calls
ITEM_COST = 4  # characters an item of a list counts for: 2.5 million items at most
MAX_INT_BITS = 100_000  # an integer a template makes (30,000 digits; Python prints 4,300)
ITERATION_COST = 100  # characters a range() iteration counts for
CHECK_EVERY = 1_000_000  # characters produced between two checks of the budget


_DICT_ATTRIBUTES = frozenset(dir(dict))


class DictItemsFirst:
    """A Jinja environment mixin: ``问题.问题`` on a context dict returns its item at once.
    Jinja (and its sandbox) try the Python attribute first and raise and catch an
    AttributeError each time (600,000 times in a 40,000-measure plan). A plain dict has no
    attributes but dict's own, and an item is returned unchecked either way, so the item is
    what Jinja would return; anything else goes the usual way."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)  # type: ignore[misc]


class RenderLimit(Exception):
    """A template exceeded a limit; ``str()`` is the Chinese explanation (no location)."""


class Budget:
    """What one render may still spend: characters produced and seconds."""

    def __init__(self, max_output: int = MIN_OUTPUT, seconds: float = MIN_SECONDS) -> None:
        self.max_output = max_output
        self.seconds = seconds
        self.produced = 0
        self.checkpoint = 0  # the next ``produced`` at which limits are checked
        self.deadline = time.monotonic() + seconds
        self.depth = 0
        self.expired = False

    @classmethod
    def for_context(cls, context: Any) -> Budget:
        """A budget that grows with the data: a large ledger makes a large document."""
        size = _text_size(context)
        return cls(
            max(MIN_OUTPUT, OUTPUT_PER_CONTEXT * size), MIN_SECONDS + SECONDS_PER_MB * size / 1e6
        )

    def spend(self, n: int) -> None:
        """Count ``n`` characters produced; limits are checked every ``CHECK_EVERY``
        characters (a render calls this hundreds of thousands of times)."""
        self.produced += n
        if self.produced > self.checkpoint:
            self._check()

    def _check(self) -> None:
        self.checkpoint = min(self.produced + CHECK_EVERY, self.max_output)
        if self.produced > self.max_output:
            raise RenderLimit(
                f"模板生成的内容超过 {self.max_output // 1_000_000} 百万字符的上限"
                "（通常是循环嵌套过深，或把很长的文字重复了很多次）"
            )
        self.tick()

    def tick(self) -> None:
        if self.expired or time.monotonic() > self.deadline:
            self.expired = True
            raise self.timeout_error()

    def timeout_error(self) -> RenderLimit:
        return RenderLimit(
            f"模板渲染超过 {self.seconds:.0f} 秒仍未完成，已停止"
            "（通常是循环嵌套过多、宏递归调用，或模板本身极长：上万段、上万个 {{ … }}）"
        )


def _text_size(value: Any, sample: int = 20) -> int:
    """Characters of text in a nested context, estimated: a long list counts as ``sample``
    of its items spread over it, scaled up (a few thousand values looked at, whatever the
    ledger's size; building the context's JSON would cost seconds and hundreds of MB)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_text_size(v, sample) for v in value.values()) + 8 * len(value)
    if isinstance(value, (list, tuple)):
        if len(value) <= sample:
            return sum(_text_size(v, sample) for v in value)
        picked = value[:: len(value) // sample][:sample]
        return sum(_text_size(v, sample) for v in picked) * len(value) // len(picked)
    return 8


class TimeUp(BaseException):
    """Raised by the watchdog in a render running off the main thread (a worker thread of a
    service calling the library) once its time is up. A ``BaseException``, as Ctrl+C's
    ``KeyboardInterrupt`` is, so that no ``except Exception`` on the way takes it for an
    error of the template; ``watchdog`` turns it into the budget's ``RenderLimit``."""


@contextlib.contextmanager
def watchdog(budget: Budget) -> Iterator[None]:
    """Interrupt the render when ``budget`` runs out of time (a render stuck in a loop that
    calls nothing we intercept): on the main thread with ``_thread.interrupt_main``, on any
    other thread by raising ``TimeUp`` in it (``PyThreadState_SetAsyncExc``: between two
    bytecodes, like Ctrl+C; Windows too). Before, a render off the main thread had only the
    per-step checks, and a loop over a plain list of the context ran on for ever."""
    on_main = threading.current_thread() is threading.main_thread()
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()
    state = {"finished": False, "interrupted": False}

    def wait() -> None:
        if done.wait(max(budget.deadline - time.monotonic(), 0)):
            return
        with lock:
            if not state["finished"]:
                budget.expired = True
                state["interrupted"] = True
                if on_main:
                    _thread.interrupt_main()
                else:
                    _raise_in(target, TimeUp)

    thread = threading.Thread(target=wait, name="ledger-tools-render-watchdog", daemon=True)
    previous = _interruptible(budget) if on_main else None
    try:
        try:
            # (inside: with a budget of a moment, the interrupt may come while it starts)
            thread.start()
            yield
        finally:
            with lock:
                state["finished"] = True  # no interrupt from now on
                if state["interrupted"] and not on_main:
                    # one sent but not raised yet is cancelled; one raised before this
                    # point is still inside the ``try``: taken below
                    _raise_in(target, None)
    except (KeyboardInterrupt, TimeUp):
        if budget.expired:
            raise budget.timeout_error() from None
        raise
    finally:
        done.set()
        if state["interrupted"] and on_main:
            _absorb_interrupt()
        if thread.ident is not None:  # (started)
            thread.join()
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` in the thread ``thread_id`` at its next bytecode (``None``: cancel one
    pending). Where the interpreter has no such call (not CPython) nothing happens, and
    the per-step checks remain."""
    try:
        import ctypes

        set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (ImportError, AttributeError):  # pragma: no cover - not CPython
        return
    # (untyped: ``None`` passes as NULL, which cancels; a ``py_object`` would pass ``None``)
    set_async(ctypes.c_ulong(thread_id), None if exc is None else ctypes.py_object(exc))


def _interruptible(budget: Budget) -> Any:
    """Let the watchdog's interrupt reach a process started with Ctrl+C ignored (``&`` in a
    script, nohup, a service): ``interrupt_main`` does nothing then, and a loop over a plain
    list ran on for ever. A handler is set for the render that stops it only once its time
    is up (Ctrl+C stays ignored; under the default action it stops the run, as before).
    Returns the handler to put back, or None when Python's own was in place."""
    previous = signal.getsignal(signal.SIGINT)
    if callable(previous):
        return None

    def on_interrupt(signum: int, frame: Any) -> None:
        if budget.expired or previous == signal.SIG_DFL:
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)
    return previous


def _absorb_interrupt() -> None:
    """Take the watchdog's interrupt if it is still pending (it arrived while the render
    was already stopping for another reason), so it cannot hit the caller later."""
    try:
        for _ in range(50):
            time.sleep(0.001)
    except KeyboardInterrupt:
        pass


def _size(value: Any) -> int:
    """A value's size in characters; an item of a list, tuple or dict counts as
    ``ITEM_COST`` (a reference and an object: a list of ten million items takes a GB)."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple, dict)):
        return ITEM_COST * len(value)
    return 0


def _check_size(n: int, what: str = "模板中的一个值") -> None:
    if n > MAX_VALUE:
        raise RenderLimit(f"{what}将超过 {MAX_VALUE // 1_000_000} 百万字符的上限")


def _text_bound(value: Any, limit: int = MAX_VALUE) -> int:
    """At least how many characters ``str(value)`` (or its JSON, or a join of it) would
    have: strings and the texts inside lists, tuples, sets, dicts and namespaces added up,
    a container counted each time it is referred to (as its repr prints it), two characters
    per item at least. Stops once past ``limit``, so it takes at most ``limit / 2`` steps
    (a list that holds itself adds up until then: refused, though Python would print
    ``[...]``; no template needs one)."""
    total = 0
    stack = [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, (bytes, bytearray)):
            total += 4 * len(item)
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1
        elif isinstance(item, (list, tuple, set, frozenset, dict)) or _is_namespace(item):
            items = _items_of(item)
            total += 2 + 2 * len(items)
            stack.extend(items)
        else:
            total += 20
    return total


def _is_namespace(value: Any) -> bool:
    return type(value).__name__ in {"Namespace", "GuardedNamespace"}


def _items_of(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if _is_namespace(value):
        attrs = object.__getattribute__(value, "_Namespace__attrs")
        return [*attrs.keys(), *attrs.values()]
    return list(value)


def _check_text(values: Any, what: str, times: int = 1, extra: int = 0) -> None:
    """Refuse when the text ``values`` make, ``times`` over plus ``extra``, is too long."""
    limit = MAX_VALUE // max(times, 1)
    bound = _text_bound(values, limit + 1)
    if bound > limit or extra > MAX_VALUE or bound * max(times, 1) + extra > MAX_VALUE:
        _check_size(MAX_VALUE + 1, what)


def _int_too_big(what: str) -> RenderLimit:
    return RenderLimit(f"{what}的数值过大（超过 {MAX_INT_BITS // 10 * 3:,} 位）")


def _check_join(sep: str, items: list[Any]) -> None:
    _check_text(items, "连接（join）的结果", extra=len(sep) * max(len(items) - 1, 0))


_BIG_NUMBER_IN_FORMAT = re.compile(r"\d{7,}")


def _precheck_binop(op: str, left: Any, right: Any) -> None:
    if op == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(n, int) and _size(seq):
                _check_size(_size(seq) * n, "重复字符串或列表的结果")
        if _both_ints(left, right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _int_too_big("乘积")
    elif op == "**":
        if isinstance(right, (int, float)) and abs(right) > 1000:
            raise RenderLimit("乘方的指数过大（超过 1000）")
        if _both_ints(left, right) and right > 0 and left.bit_length() * right > MAX_INT_BITS:
            raise _int_too_big("乘方")
    elif op == "%" and isinstance(left, str):
        if _BIG_NUMBER_IN_FORMAT.search(left):
            raise RenderLimit("格式化字符串中的宽度或精度过大")
        if "*" in left:  # '%*d' % (width, value): the width comes from the arguments
            _check_numbers(right if isinstance(right, tuple) else (right,), {})
        # '%s%s…' % (s, s, …): each field may hold the largest argument
        _check_text(right, "格式化的结果", times=left.count("%"), extra=len(left))
    elif op == "+":
        _check_size(_size(left) + _size(right), "拼接的结果")


def _both_ints(left: Any, right: Any) -> bool:
    return isinstance(left, int) and isinstance(right, int)


MAX_WRAP_COPY = 10_000_000_000  # characters textwrap may copy cutting long words (a few s)
_SIZE_METHODS = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_SIZED_FILTERS = {"center", "indent", "wordwrap", "truncate", "slice", "batch", "random"}


_NESTED_FORMAT_SPEC = re.compile(r"\{[^{}]*:[^{}]*\{")  # '{:>{}}': width from the arguments


def _precheck_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox's wrapper of str.format
    name = getattr(obj, "__name__", "")
    owner = getattr(obj, "__self__", None)
    if isinstance(owner, str):
        if name in _SIZE_METHODS:
            _check_numbers(args, kwargs)
        if name == "expandtabs":
            width = (args or tuple(kwargs.values()) or (8,))[0]
            if isinstance(width, int):
                _check_size(len(owner) + owner.count("\t") * width, "展开制表符的结果")
        elif name in {"format", "format_map"}:
            if _BIG_NUMBER_IN_FORMAT.search(owner):
                raise RenderLimit("格式化字符串中的宽度或精度过大")
            if _NESTED_FORMAT_SPEC.search(owner):
                _check_numbers(args, kwargs)
            _check_text((args, kwargs), "格式化的结果", owner.count("{"), len(owner))
        elif name == "replace" and len(args) >= 2:
            _check_replace(owner, args[0], args[1])
        elif name in {"split", "rsplit", "splitlines"}:
            _check_pieces(owner, name, args, kwargs)
        elif name == "join" and args and isinstance(args[0], (list, tuple)):
            _check_join(owner, list(args[0]))


def _is_str_join(obj: Any) -> bool:
    obj = getattr(obj, "__wrapped__", obj)
    return getattr(obj, "__name__", "") == "join" and isinstance(
        getattr(obj, "__self__", None), str
    )


def _check_numbers(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for n in (*args, *kwargs.values()):
        if isinstance(n, int) and not isinstance(n, bool) and abs(n) > MAX_RANGE:
            raise RenderLimit(f"参数 {n} 过大（上限 {MAX_RANGE}）")


BATCH_COST = 4  # items a batch (a list of its own) counts for, besides its items
_WORD = re.compile(r"\S+")


def _check_pieces(s: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """``'ab ab …'.split()`` makes one object per piece: ten million characters made
    3.3 million strings (250 MB). The pieces are counted like the items of a list, before
    they are made (counted, not made, only for texts long enough to matter)."""
    if ITEM_COST * (len(s) // 2 + 1) <= MAX_VALUE:
        return
    if name == "splitlines":
        pieces = len(re.findall(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]", s)) + 1
    else:
        sep = args[0] if args else kwargs.get("sep")
        most = args[1] if len(args) > 1 else kwargs.get("maxsplit", -1)
        if isinstance(sep, str) and sep:
            pieces = s.count(sep) + 1
        else:
            pieces = sum(1 for _ in _WORD.finditer(s))
        if isinstance(most, int) and most >= 0:
            pieces = min(pieces, most + 1)
    _check_size(ITEM_COST * pieces, "拆分（" + name + "）的结果")


def _check_batch(value: Any, size: Any) -> None:
    """``|batch(1)`` makes a list per item: a text of nine million characters became nine
    million lists (1 GB). Each item counts as an item of a list, each batch as ``BATCH_COST``
    more."""
    if isinstance(value, (str, list, tuple)) and isinstance(size, int) and size > 0:
        batches = -(-len(value) // size)
        _check_size(ITEM_COST * (len(value) + BATCH_COST * batches), "分批（batch）的结果")


def _check_replace(s: str, old: Any, new: Any) -> None:
    if isinstance(old, str) and isinstance(new, str):
        count = s.count(old) if old else len(s) + 1
        _check_size(len(s) + count * len(new), "替换的结果")


def _range(env: Any) -> Callable[..., Iterator[int]]:
    def limited_range(*args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise RenderLimit(f"range() 的项数 {len(numbers)} 超过上限 {MAX_RANGE}")
        return _counted(numbers, env.budget)

    return limited_range


def _counted(items: Any, budget: Budget) -> Iterator[Any]:
    # an iteration costs like ITERATION_COST characters: nested range loops stop after
    # some millions of iterations, not billions
    for i, item in enumerate(items):
        if not i & 1023:
            budget.spend(1024 * ITERATION_COST)
        yield item


def make_sandbox(finalize: Callable[[Any], Any], filters: dict[str, Callable[..., Any]]) -> Any:
    """A sandboxed, autoescaped, StrictUndefined environment with ``filters`` whose every
    render must run inside ``limited(env, budget)``."""
    from jinja2 import StrictUndefined, nodes
    from jinja2.compiler import CodeGenerator
    from jinja2.runtime import Macro, Namespace
    from jinja2.sandbox import SandboxedEnvironment

    class GuardedNamespace(Namespace):
        def __setitem__(self, name: str, value: Any) -> None:
            _check_size(_size(value))
            env.budget.spend(_size(value))
            super().__setitem__(name, value)

    class GuardedCodeGenerator(CodeGenerator):
        """``a ~ b ~ c`` checked before the join (Jinja compiles it to one join call that
        the sandbox does not intercept)."""

        def visit_Concat(self, node: Any, frame: Any) -> None:
            if frame.eval_ctx.volatile:
                join = "(markup_join if context.eval_ctx.volatile else str_join)"
            elif frame.eval_ctx.autoescape:
                join = "markup_join"
            else:
                join = "str_join"
            self.write(f"{join}(environment.checked_parts((")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write(")))")

    class GuardedEnvironment(DictItemsFirst, SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%", "+", "//"})
        code_generator_class = GuardedCodeGenerator

        def checked_parts(self, parts: tuple[Any, ...]) -> tuple[Any, ...]:
            total = sum(len(p) for p in parts if isinstance(p, str))
            _check_size(total, "拼接（~）的结果")
            if any(not isinstance(p, str) for p in parts):  # 'x' ~ [s] * 1000
                _check_text(parts, "拼接（~）的结果")
            self.budget.spend(total)
            return parts

        budget = Budget(seconds=math.inf)  # replaced by ``limited`` for each render

        def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
            _precheck_binop(op, left, right)
            result = self.binop_table[op](left, right)
            self.budget.spend(_size(result))
            return result

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            if _is_str_join(__obj) and args and not isinstance(args[0], (list, tuple)):
                args = (list(args[0]), *args[1:])  # join makes a list of it anyway; measured
            _precheck_call(__obj, args, kwargs)
            for value in (*args, *kwargs.values()):  # a macro doubling its argument
                _check_size(_size(value))
            macro = isinstance(__obj, Macro)
            if macro:
                __self.budget.depth += 1
                if __self.budget.depth > MAX_MACRO_DEPTH:
                    raise RenderLimit(
                        f"宏的嵌套调用超过 {MAX_MACRO_DEPTH} 层（宏递归调用自身，无法结束）"
                    )
            try:
                result = super().call(__context, __obj, *args, **kwargs)
            finally:
                if macro:
                    __self.budget.depth -= 1
            __self.budget.spend(_size(result))
            return result

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is not None and _BIG_NUMBER_IN_FORMAT.search(str(value.__self__)):
                raise RenderLimit("格式化字符串中的宽度或精度过大")
            return wrapped

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            from jinja2.exceptions import TemplateSyntaxError

            ast = super()._parse(source, name, filename)
            for node in ast.find_all(
                (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
            ):
                raise TemplateSyntaxError(OTHER_FILES_REFUSED, node.lineno, name, filename)
            return ast

    def counted_finalize(value: Any) -> Any:
        if not isinstance(value, (str, int, float)):  # printed as its repr: measured first
            _check_text(value, "输出的值")
        result = finalize(value)
        env.budget.spend(_size(result))
        return result

    env = GuardedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=counted_finalize)
    env.filters.update(filters)
    env.filters = {name: _guard_filter(env, name, f) for name, f in env.filters.items()}
    env.globals["namespace"] = GuardedNamespace
    env.globals["range"] = _range(env)
    env.globals.pop("lipsum", None)  # random Latin text: of no use in a 公文, and size-driven
    return env


OTHER_FILES_REFUSED = (
    "模板不能引用其他文件：{% include %}、{% import %}、{% from … import %}、{% extends %} 都不允许使用。"
    "请把需要的内容直接写进这一个模板"
)


def _guard_filter(env: Any, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    import functools

    sized = name in _SIZED_FILTERS or name == "replace" or name == "format"
    passes = getattr(func, "jinja_pass_arg", None)

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        plain = args[1:] if passes is not None else args
        if (
            (name in ("join", "sum") or name in _KEYED_FILTERS)
            and plain
            and not isinstance(plain[0], (list, tuple, str))
        ):
            plain = (list(plain[0]), *plain[1:])  # measured before it is joined or added
            args = (*args[:1], *plain) if passes is not None else plain
        _precheck_filter(name, plain, kwargs)
        if name == "sum":
            linear = _linear_sum(plain, kwargs)
            if linear is not None:
                return linear
        if sized:
            if name == "replace" and len(plain) >= 3 and isinstance(plain[0], str):
                _check_replace(plain[0], plain[1], plain[2])
            elif name == "format" and isinstance(plain[0], str):
                if _BIG_NUMBER_IN_FORMAT.search(plain[0]):
                    raise RenderLimit("格式化字符串中的宽度或精度过大")
            else:
                _check_numbers(plain[1:], kwargs)
        result = func(*args, **kwargs)
        env.budget.spend(_size(result))
        if isinstance(result, str):
            _check_size(len(result))
        return result

    if passes is not None:
        guarded.jinja_pass_arg = passes  # type: ignore[attr-defined]
    return guarded


_TEXT_FILTERS = {  # filters that write a container out as text, and how much longer it may get
    "string": 1,
    "tojson": 6,
    "pprint": 2,
    "xmlattr": 6,
    "urlencode": 9,
    "e": 6,
    "escape": 6,
    "forceescape": 6,
    "safe": 1,
}


_KEYED_FILTERS = {"sort": 3, "groupby": 1, "unique": 2, "min": 2, "max": 2}  # attribute's index


def _precheck_filter(name: str, plain: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """The size of what a filter will make, from its arguments, before it makes it."""
    if not plain:
        return
    value = plain[0]
    if name in _KEYED_FILTERS and isinstance(value, (list, tuple)):
        # case-insensitive by default: each item's key is a lower-cased copy of its text
        # (a thousand references to one long text are a thousand long copies)
        at = _KEYED_FILTERS[name]
        attribute = plain[at] if len(plain) > at else kwargs.get("attribute")
        _check_text(_keys(value, attribute), "排序或分组（" + name + "）所需的文字副本")
    elif name in _TEXT_FILTERS and not isinstance(value, str):
        _check_text(value, "过滤器 " + name + " 的结果", times=_TEXT_FILTERS[name])
    elif name == "join" and isinstance(value, (list, tuple)):
        sep = plain[1] if len(plain) > 1 else kwargs.get("d", "")
        _check_join(sep if isinstance(sep, str) else "", list(value))
    elif name == "batch":
        _check_batch(value, plain[1] if len(plain) > 1 else kwargs.get("linecount"))
    elif name == "format" and isinstance(value, str):
        # the filter is ``value % args``: the operator's checks, '%*d' widths included
        _precheck_binop("%", value, tuple(plain[1:]) or kwargs)
    elif name == "indent" and isinstance(value, str):
        width = plain[1] if len(plain) > 1 else kwargs.get("width", 4)
        if isinstance(width, str):
            _check_size(len(value) + (value.count("\n") + 1) * len(width), "缩进的结果")
    elif name == "wordwrap" and isinstance(value, str):
        width = plain[1] if len(plain) > 1 else kwargs.get("width", 79)
        wrap = plain[3] if len(plain) > 3 else kwargs.get("wrapstring")
        if isinstance(width, int) and isinstance(wrap, str):
            _check_size(len(value) + (len(value) // max(width, 1) + 1) * len(wrap), "换行的结果")
        breaks = plain[2] if len(plain) > 2 else kwargs.get("break_long_words", True)
        if isinstance(width, int) and breaks and len(value) > 100_000:
            # textwrap cuts a long word one line at a time, copying the rest of it each time
            # (in C between two steps: 9 million characters at width 1 ran to the time limit)
            longest = max((len(word) for word in value.split()), default=0)
            if longest * longest // max(width, 1) > MAX_WRAP_COPY:
                raise RenderLimit(
                    f"换行（wordwrap）的文字中有一段 {longest:,} 字的连续文字（中间没有空格），"
                    f"按每行 {width} 字切分要很长时间"
                )


def _keys(items: list[Any] | tuple[Any, ...], attribute: Any) -> list[Any]:
    """The values a keyed filter sorts by: ``attribute`` (dotted) of each dict item, or the
    items themselves."""
    if attribute is None:
        return list(items)
    path = str(attribute).split(".")
    keys = []
    for item in items:
        for part in path:
            item = item.get(part) if isinstance(item, dict) else item
        keys.append(item)
    return keys


def _linear_sum(plain: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """``|sum`` of lists (or tuples) concatenated in one pass: Python's ``sum`` copies the
    growing list at each step (quadratic, in C: the watchdog cannot stop it). ``None``
    when the items are not all lists/tuples of the start's type (numbers: Jinja's own)."""
    items = plain[0] if plain else ()
    start = plain[3] if len(plain) > 3 else kwargs.get("start", 0)
    attribute = plain[1] if len(plain) > 1 else kwargs.get("attribute")
    kind = type(start)
    if attribute is not None or kind not in (list, tuple) or not isinstance(items, list):
        return None
    if not all(type(item) is kind for item in items):
        return None
    _check_size(_size(start) + sum(_size(item) for item in items), "求和（sum）的结果")
    return kind(itertools.chain(start, *items))


@contextlib.contextmanager
def limited(env: Any, budget: Budget) -> Iterator[Budget]:
    """Run a render of ``env`` under ``budget`` (time watchdog, counters, range limits)."""
    env.budget = budget
    with watchdog(budget):
        try:
            yield budget
        except RecursionError:
            raise RenderLimit("模板递归调用过深，无法完成（宏调用了自身）") from None
        except MemoryError:
            raise RenderLimit("模板渲染所需内存超过本机可用内存") from None
        except OverflowError as exc:
            raise RenderLimit(f"模板中的数值过大（{type(exc).__name__}）") from None


def generate(template: Any, context: dict[str, Any], budget: Budget) -> Iterator[str]:
    """``template.generate(context)``, each chunk counted against ``budget``."""
    try:
        for chunk in template.generate(context):
            budget.spend(len(chunk))
            yield chunk
    except NameError as exc:
        # Jinja folds constant expressions into the compiled code, and writes an infinite
        # float ('1e999'|float * 0) as the bare name ``inf``: the template's expression.
        raise ValueError(str(exc)) from None


# ---------------------------------------------------------------------------------------------
# The template's package: what reaches python-docx, and what leaves in the document

_TEMPLATE_HINT = (
    "可能已损坏或是特意构造的文件，未使用。请在 Word/WPS 中打开确认内容，另存为新的 .docx 后再用，"
    "或去掉 --template 使用内置模板。"
)


def check_template_package(path: Path, data: bytes) -> None:
    """A Word template is a zip, checked like a ledger before python-docx inflates every part
    into memory: too many parts, a part over the size or compression limits, two parts of
    one name (``ledger.reading.check_zip_sizes``). Raises ``TemplateError``."""
    from ledger_tools.errors import TemplateError, UnreadableFile
    from ledger_tools.ledger.reading import check_zip_sizes

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return  # not a zip: python-docx's own refusal explains it
    try:
        check_zip_sizes(
            path, infos, {"word/document.xml": "正文"}, _TEMPLATE_HINT, f"模板 {path.name}"
        )
    except UnreadableFile as exc:
        raise TemplateError(exc.message) from None
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_TEMPLATE_XML_BYTES:
            raise TemplateError(
                f"模板 {path.name} 中的“{info.filename}”部分解压后有 "
                f"{info.file_size / 2**20:,.0f} MB，超过模板每一部分的上限 "
                f"{MAX_TEMPLATE_XML_BYTES // 2**20} MB（正常模板的每一部分只有几十到几百 KB），"
                + _TEMPLATE_HINT
            )


# One XML part of a template (as for an imported Word file): python-docx and lxml hold each as
# a tree several times its size. A styles.xml of 400,000 styles (72 MB, an 8 MB template) took
# ``plan --template`` to “memory exhausted” and ``templates check`` to 1.8 GB.
MAX_TEMPLATE_XML_BYTES = 32 << 20


# Relationships a generated 公文 never needs to point outside the file: a picture or object
# linked (not embedded) from a path or web address, an attached template (fetched and run by
# Word when the document opens), frames, subdocuments, altChunks. Hyperlinks stay.
_EXTERNAL_DROPPED = (
    "/image",
    "/oleObject",
    "/attachedTemplate",
    "/frame",
    "/subDocument",
    "/aFChunk",
    "/package",
    "/video",
    "/audio",
    "/media",
    # a mail merge's data source and header source (Word connects to them, running its SQL
    # query, when the document is opened)
    "/mailMergeSource",
    "/mailMergeHeaderSource",
    "/recipientData",
)


NOWHERE = "about:blank"

# Field codes that load or run something outside the document when Word updates the field
# (F9, printing, opening: DDEAUTO asks to start a program): a hostile template's
# INCLUDETEXT "file:///…" or DDEAUTO would be carried into every 公文 generated from it.
# LibreOffice (--pdf) does not update them; Word may. Their instruction is emptied, the
# result shown stays (a field with no instruction is left as its text).
_LIVE_FIELD = re.compile(
    r"^\s*(?:DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE|INCLUDE|IMPORT|LINK|DATABASE|MACROBUTTON)\b",
    re.I,
)
_FIELD_SIMPLE = re.compile(r'(<w:fldSimple\b[^>]*?\sw:instr=")([^"]*)(")')
_FIELD_SPAN = re.compile(r'w:fldCharType="begin".*?w:fldCharType="(?:separate|end)"', re.S)
_INSTR_TEXT = re.compile(r"(<w:instrText\b[^>]*>)([^<]*)(</w:instrText>)")


class LiveField(Exception):
    """The rendered output of a template holds a live field (``_LIVE_FIELD``) that was not in
    its source: built by the template's expressions, or written with another namespace
    prefix than ``w:``, where ``strip_live_fields`` does not see it. ``str()`` is the
    instruction."""


class FieldWatch:
    """Follows the field codes of a rendered part, element by element (expat's events, or a
    tree walked in document order), and raises ``LiveField`` at a live one: a simple field's
    ``instr``, or the ``instrText`` of a complex field joined between its ``begin`` and its
    ``separate``/``end`` (a nested field's begin starts a new instruction). Elements are
    known by their local name, whatever their prefix."""

    KEEP = 200  # characters of an instruction kept: its first word is what matters

    def __init__(self) -> None:
        self.instruction = ""
        self.inside = False  # in an instrText element

    @staticmethod
    def _local(name: str) -> str:
        return name.rsplit(":", 1)[-1].rsplit("}", 1)[-1].rsplit(" ", 1)[-1]

    def _attribute(self, attrs: Any, local: str) -> str:
        for key, value in attrs.items():
            if self._local(key) == local:
                return str(value)
        return ""

    def _test(self, instruction: str) -> None:
        if _LIVE_FIELD.match(html.unescape(instruction)):
            raise LiveField(instruction.strip()[:80])

    def start(self, name: str, attrs: Any) -> None:
        local = self._local(name)
        if local == "fldSimple":
            self._test(self._attribute(attrs, "instr"))
        elif local == "fldChar":
            self._test(self.instruction)
            self.instruction = ""
        elif local == "instrText":
            self.inside = True

    def end(self, name: str) -> None:
        if self.inside and self._local(name) == "instrText":
            self.inside = False

    def data(self, text: str) -> None:
        if self.inside and len(self.instruction) < self.KEEP:
            self.instruction = (self.instruction + text).lstrip()[: self.KEEP]

    def finish(self) -> None:
        self._test(self.instruction)

    NAMES = (b"fldSimple", b"fldChar", b"instrText")

    def tree(self, root: Any) -> None:
        """Watch the elements of an lxml tree, in document order."""
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            self.start(el.tag, el.attrib)
            if self.inside and el.text:
                self.data(el.text)
            self.end(el.tag)
        self.finish()


def strip_live_fields(source: str) -> str:
    """``source`` (a part's XML) with the instructions of live fields (``_LIVE_FIELD``)
    emptied: simple fields and complex ones, whose instruction may be split over runs."""
    if "instr" not in source:
        return source

    def simple(m: re.Match[str]) -> str:
        live = _LIVE_FIELD.match(html.unescape(m.group(2)))
        return m.group(1) + ("" if live else m.group(2)) + m.group(3)

    def span(m: re.Match[str]) -> str:
        text = "".join(html.unescape(g[1]) for g in _INSTR_TEXT.findall(m.group(0)))
        if not _LIVE_FIELD.match(text):
            return m.group(0)
        return _INSTR_TEXT.sub(lambda t: t.group(1) + t.group(3), m.group(0))

    source = _FIELD_SIMPLE.sub(simple, source)
    # a field's begin with no separate/end after it made the lazy span look to the end of the
    # part, for every such begin: 100,000 of them (a 660 KB template) never finished. Past
    # the last separate/end no span can end: only the part before it is searched.
    last = max(source.rfind('w:fldCharType="separate"'), source.rfind('w:fldCharType="end"'))
    if last < 0:
        return source
    cut = source.index('"', source.index("=", last) + 2) + 1
    return _FIELD_SPAN.sub(span, source[:cut]) + source[cut:]


def strip_mail_merge(doc: Any) -> bool:
    """Drop the mail merge settings (``w:mailMerge``) of a python-docx ``Document``: its
    connection string and SQL query name a data source that Word connects to, running the
    query, when the document is opened. A generated 公文 is no mail merge document. Returns
    whether there were any."""
    from docx.oxml.ns import qn

    # (``doc.settings`` would add a settings part to a template that has none)
    parts = [r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/settings")]
    if not parts or not hasattr(parts[0], "element"):
        return False
    settings = parts[0].element
    found = settings.findall(qn("w:mailMerge"))
    for el in found:
        settings.remove(el)
    return bool(found)


def strip_external_links(doc: Any) -> list[str]:
    """Point nowhere (``about:blank``) every relationship, in every part of the python-docx
    ``Document``, that loads something from outside the document (``_EXTERNAL_DROPPED``)
    when Word or LibreOffice (``--pdf``) opens it: a template's ``file:///…`` picture or
    ``http://…`` attached template would otherwise be fetched from the clerk's machine.
    The relationship stays (the XML refers to its id; a missing one makes Word call the
    file damaged). Returns the targets replaced."""
    replaced = []
    for part in doc.part.package.iter_parts():
        for rel in part.rels.values():
            if rel.is_external and rel.reltype.endswith(_EXTERNAL_DROPPED):
                if rel.target_ref != NOWHERE:
                    replaced.append(rel.target_ref)
                    rel._target = NOWHERE  # python-docx has no setter for a target
    return replaced
