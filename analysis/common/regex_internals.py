"""The private parts of Python's regex engine that :mod:`analysis.common.matching` reads, and nothing else.

Why: the matcher reads each pattern's opening words off its parse tree, and lower-cases text the way
IGNORECASE compares characters. Neither is public API, so every use of ``_sre``, ``re._parser`` and
``re._casefix`` is here. The parse tree is converted into the small node types below with every shape
checked: a Python whose parser changed raises :class:`RegexInternalsError`, at import (:func:`_self_check`
parses a probe pattern and compares the whole tree) or at the first node it does not know, instead of
letting the matcher read less (silently slower) or read wrong (silently missed matches).

What is relied on:

* ``_sre.unicode_tolower(code point) -> code point``: the one-character lower case IGNORECASE compares.
* ``re._casefix._EXTRA_CASES``: ``dict[int, tuple[int, ...]]``, a lower-case code point -> the other
  lower-case code points IGNORECASE also equates with it (``s``/``ſ``, ``i``/``ı``, ``σ``/``ς``).
* ``re._parser.parse(pattern, flags) -> SubPattern``: its ``.data`` a list of ``(opcode, argument)`` pairs,
  the pattern's flags (inline ones included) at ``.state.flags``. Opcodes and codes are the named ints of
  ``re._constants`` (re-exported by ``re._parser``), compared by identity. The argument shapes read:

  - ``LITERAL``, ``NOT_LITERAL``: a code point (int); ``ANY``: None
  - ``IN``: a list of ``(LITERAL, cp)``, ``(RANGE, (lo, hi))``, ``(CATEGORY, code)``, and ``(NEGATE, None)``
    only as its first item; the categories are ``CATEGORY_DIGIT``, ``_NOT_DIGIT``, ``_SPACE``,
    ``_NOT_SPACE``, ``_WORD``, ``_NOT_WORD`` (the parser wraps a lone ``\\d`` in an ``IN``)
  - ``AT``: ``AT_BEGINNING``, ``AT_BEGINNING_STRING``, ``AT_BOUNDARY``, ``AT_NON_BOUNDARY``, ``AT_END``,
    ``AT_END_STRING``
  - ``ASSERT``, ``ASSERT_NOT``: ``(direction, SubPattern)``, direction 1 ahead, -1 behind
  - ``SUBPATTERN``: ``(group number or None, add flags, del flags, SubPattern)``, four items
  - ``BRANCH``: ``(None, [SubPattern, ...])``
  - ``MAX_REPEAT``, ``MIN_REPEAT``, ``POSSESSIVE_REPEAT``: ``(min, max, SubPattern)``, max ``MAXREPEAT``
    when unbounded
  - ``ATOMIC_GROUP``: a SubPattern; ``GROUPREF``: a group number; ``GROUPREF_EXISTS``:
    ``(group number, SubPattern, SubPattern or None)``; ``FAILURE``: ``()``, a pattern that cannot match
    (3.13 parses the empty lookaround ``(?!)`` so; 3.11 and 3.12 give ``(ASSERT_NOT, (1, []))``); these four
    are kept opaque (not read into)

Verified on CPython 3.11.7, 3.12.1 and 3.13.0: ``tests/test_regex_internals.py``, the self-check and the
matcher's own tests pass on all three; every pattern of the rule sets gets the same opening words and the
extractor the same rows; ``unicode_tolower`` and ``_EXTRA_CASES`` give identical tables although the
Unicode version moves from 14.0 to 15.1. The one difference found is ``FAILURE`` above (3.13 only).
Before 3.11 the parser was the module ``sre_parse``, there was no ``re._casefix``, and no
``POSSESSIVE_REPEAT`` or ``ATOMIC_GROUP``: this package needs 3.11 or later.
"""

from __future__ import annotations

import _sre
import re
import sys
from re import _casefix, _parser
from typing import NamedTuple


class RegexInternalsError(RuntimeError):
    """The regex engine's private structures are not what this module was written against."""


def _fail(what: str) -> RegexInternalsError:
    return RegexInternalsError(
        f"re's private parse tree has changed on Python {sys.version.split()[0]}: {what}. "
        "analysis.common.regex_internals must be updated for this Python (see its docstring)."
    )


class Lit(NamedTuple):
    """One given character."""

    cp: int


class OneChar(NamedTuple):
    """Any one character (``.``), or any but ``cp`` (``[^x]``): not read into, one character wide."""

    cp: int | None


class Range(NamedTuple):
    """Inside a :class:`Set`: the characters ``lo`` to ``hi``."""

    lo: int
    hi: int


class Cat(NamedTuple):
    """Inside a :class:`Set`: ``DIGIT``, ``NOT_DIGIT``, ``SPACE``, ``NOT_SPACE``, ``WORD`` or ``NOT_WORD``."""

    name: str


class Set(NamedTuple):
    """A character class (``[...]``, ``\\w``, ``\\s``)."""

    items: tuple[Lit | Range | Cat, ...]
    negated: bool


class At(NamedTuple):
    """A zero-width position: ``BOUNDARY``, ``NON_BOUNDARY``, ``BEGINNING``, ``BEGINNING_STRING``, ``END``,
    ``END_STRING``."""

    where: str


class Look(NamedTuple):
    """A lookaround: ``(?=...)``, ``(?!...)``, ``(?<=...)``, ``(?<!...)``."""

    behind: bool
    negative: bool
    body: tuple[Node, ...]


class Group(NamedTuple):
    """A group, capturing or not (inline flags inside it do not matter to the reader)."""

    body: tuple[Node, ...]


class Alt(NamedTuple):
    """Alternatives, each a sequence."""

    options: tuple[tuple[Node, ...], ...]


class Repeat(NamedTuple):
    """``body`` ``lo`` to ``hi`` times (None: unbounded), greedy, lazy or possessive alike."""

    lo: int
    hi: int | None
    body: tuple[Node, ...]


class Opaque(NamedTuple):
    """An atomic group, a back-reference, a conditional, or "never" (``FAILURE``): not read into."""

    what: str


Node = Lit | OneChar | Set | At | Look | Group | Alt | Repeat | Opaque


class Parsed(NamedTuple):
    nodes: tuple[Node, ...]
    flags: int  # the pattern's flags, inline ones included


_CATEGORIES = {
    _parser.CATEGORY_DIGIT: "DIGIT",
    _parser.CATEGORY_NOT_DIGIT: "NOT_DIGIT",
    _parser.CATEGORY_SPACE: "SPACE",
    _parser.CATEGORY_NOT_SPACE: "NOT_SPACE",
    _parser.CATEGORY_WORD: "WORD",
    _parser.CATEGORY_NOT_WORD: "NOT_WORD",
}
_ATS = {
    _parser.AT_BEGINNING: "BEGINNING",
    _parser.AT_BEGINNING_STRING: "BEGINNING_STRING",
    _parser.AT_BOUNDARY: "BOUNDARY",
    _parser.AT_NON_BOUNDARY: "NON_BOUNDARY",
    _parser.AT_END: "END",
    _parser.AT_END_STRING: "END_STRING",
}
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


# Bound once: the conversion below runs over every node of every pattern the matcher reads.
_LITERAL, _IN, _SUBPATTERN, _BRANCH = _parser.LITERAL, _parser.IN, _parser.SUBPATTERN, _parser.BRANCH
_SUBPATTERN_TYPE = _parser.SubPattern


def _int(x: object, what: str) -> int:
    if type(x) is not int:
        raise _fail(f"{what} is {x!r}, not an int")
    return x


def _seq(sub: object) -> tuple[Node, ...]:
    data = getattr(sub, "data", None)
    if not (isinstance(sub, _SUBPATTERN_TYPE) and type(data) is list):
        raise _fail(f"expected a SubPattern holding a list at .data, got {type(sub).__name__}")
    return tuple(map(_node, data))


def _pair(item: object) -> tuple[object, object]:
    if type(item) is not tuple or len(item) != 2:
        raise _fail(f"a node is {item!r}, not an (opcode, argument) pair")
    return item


def _set_item(item: object) -> Lit | Range | Cat:
    op, av = _pair(item)
    if op is _LITERAL:
        return Lit(_int(av, "a class literal"))
    if op is _parser.RANGE:
        if not (type(av) is tuple and len(av) == 2):
            raise _fail(f"a RANGE is {av!r}, not (lo, hi)")
        return Range(_int(av[0], "a range start"), _int(av[1], "a range end"))
    if op is _parser.CATEGORY:
        if av not in _CATEGORIES:
            raise _fail(f"unknown category {av!r}")
        return Cat(_CATEGORIES[av])
    raise _fail(f"unknown item {op!r} in a character class")


def _node(item: object) -> Node:
    op, av = _pair(item)
    if op is _LITERAL:  # most nodes: checked first, inline
        if type(av) is not int:
            raise _fail(f"a LITERAL is {av!r}, not an int")
        return Lit(av)
    if op is _IN:
        if type(av) is not list:
            raise _fail(f"IN holds {type(av).__name__}, not a list")
        negated = bool(av) and _pair(av[0])[0] is _parser.NEGATE
        return Set(tuple(map(_set_item, av[1:] if negated else av)), negated)
    if op is _SUBPATTERN:
        if not (type(av) is tuple and len(av) == 4):
            raise _fail(f"SUBPATTERN holds {av!r}, not (group, add flags, del flags, SubPattern)")
        return Group(_seq(av[3]))
    if op is _BRANCH:
        if not (type(av) is tuple and len(av) == 2 and av[0] is None and type(av[1]) is list):
            raise _fail(f"BRANCH holds {av!r}, not (None, [SubPattern, ...])")
        return Alt(tuple(map(_seq, av[1])))
    if op in _REPEATS:
        if not (type(av) is tuple and len(av) == 3):
            raise _fail(f"a repeat holds {av!r}, not (min, max, SubPattern)")
        lo, hi = _int(av[0], "a repeat minimum"), av[1]
        return Repeat(lo, None if hi is _parser.MAXREPEAT else _int(hi, "a repeat maximum"), _seq(av[2]))
    if op is _parser.AT:
        if av not in _ATS:
            raise _fail(f"unknown position {av!r}")
        return At(_ATS[av])
    if op is _parser.ASSERT or op is _parser.ASSERT_NOT:
        if not (type(av) is tuple and len(av) == 2 and av[0] in (1, -1)):
            raise _fail(f"a lookaround is {av!r}, not (1 or -1, SubPattern)")
        return Look(av[0] == -1, op is _parser.ASSERT_NOT, _seq(av[1]))
    if op is _parser.NOT_LITERAL:
        return OneChar(_int(av, "a NOT_LITERAL"))
    if op is _parser.ANY:
        if av is not None:
            raise _fail(f"ANY has argument {av!r}")
        return OneChar(None)
    if op is _parser.ATOMIC_GROUP:
        _seq(av)
        return Opaque("ATOMIC_GROUP")
    if op is _parser.GROUPREF:
        _int(av, "a GROUPREF")
        return Opaque("GROUPREF")
    if op is _parser.GROUPREF_EXISTS:
        if not (type(av) is tuple and len(av) == 3):
            raise _fail(f"GROUPREF_EXISTS holds {av!r}, not (group, yes, no)")
        return Opaque("GROUPREF_EXISTS")
    if op is _parser.FAILURE:  # 3.13+: "(?!)"
        if av != ():
            raise _fail(f"FAILURE holds {av!r}, not ()")
        return Opaque("FAILURE")
    raise _fail(f"unknown opcode {op!r}")


def parse(pattern: str, flags: int = 0) -> Parsed:
    """The parse tree of ``pattern`` as :data:`Node` values; ``re.error`` for a bad pattern,
    :class:`RegexInternalsError` for a tree of a shape this module does not know."""
    sub = _parser.parse(pattern, flags)
    state = getattr(sub, "state", None)
    if not isinstance(getattr(state, "flags", None), int):
        raise _fail("a parsed pattern has no .state.flags")
    return Parsed(_seq(sub), int(state.flags))


def ignorecase_lower_table() -> dict[int, int]:
    """Code point -> one-character lower case, equal for two characters exactly when IGNORECASE calls them
    equal (in the Basic Multilingual Plane): the engine's simple lower case (so ``İ`` -> ``i``, the Kelvin
    sign -> ``k``, never a longer string) plus its extra equivalences (``ſ`` = ``s``, ``ı`` = ``i``), each
    class mapped to one representative. Characters that map to themselves are left out."""
    extra = _casefix._EXTRA_CASES
    if not isinstance(extra, dict):
        raise _fail("re._casefix._EXTRA_CASES is not a dict")
    table = {c: low for c in range(0x10000) if (low := _sre.unicode_tolower(c)) != c}
    canon: dict[int, int] = {}
    for low, extras in extra.items():
        if type(low) is not int or not isinstance(extras, tuple) or not all(type(e) is int for e in extras):
            raise _fail(f"re._casefix._EXTRA_CASES has the entry {low!r}: {extras!r}")
        group = {low, *extras}
        rep = min(canon.get(g, g) for g in group)
        for g in group:
            canon[g] = rep
    for c in list(table):
        table[c] = canon.get(table[c], table[c])
    for c, rep in canon.items():
        if c != rep:
            table[c] = rep
    return table


# One pattern with a node of every kind the matcher reads, and the tree it must come out as.
_PROBE = r"\bab(?:c|d)+?[^x-z\d]\s*(?P<g>e)(?=f)(?<!g)h{2,3}+(?>i).[^j]|\B^\A$\Z(?(g)k|l)\1\w\W\S\D"
_PROBE_TREE = (
    Alt(
        (
            (
                At("BOUNDARY"),
                Lit(97),
                Lit(98),
                Repeat(1, None, (Set((Lit(99), Lit(100)), False),)),
                Set((Range(120, 122), Cat("DIGIT")), True),
                Repeat(0, None, (Set((Cat("SPACE"),), False),)),
                Group((Lit(101),)),
                Look(False, False, (Lit(102),)),
                Look(True, True, (Lit(103),)),
                Repeat(2, 3, (Lit(104),)),
                Opaque("ATOMIC_GROUP"),
                OneChar(None),
                OneChar(106),
            ),
            (
                At("NON_BOUNDARY"),
                At("BEGINNING"),
                At("BEGINNING_STRING"),
                At("END"),
                At("END_STRING"),
                Opaque("GROUPREF_EXISTS"),
                Opaque("GROUPREF"),
                Set((Cat("WORD"),), False),
                Set((Cat("NOT_WORD"),), False),
                Set((Cat("NOT_SPACE"),), False),
                Set((Cat("NOT_DIGIT"),), False),
            ),
        )
    ),
)


def _self_check() -> None:
    """Fail at import, not at the first pattern, on a Python whose regex internals differ."""
    got = parse(_PROBE).nodes
    if got != _PROBE_TREE:
        raise _fail(f"the probe pattern {_PROBE!r} parses as {got!r}, expected {_PROBE_TREE!r}")
    if parse("(?i)x").flags & re.IGNORECASE == 0:
        raise _fail("inline flags are not in .state.flags")
    for upper, low in ((0x130, 0x69), (0x212A, 0x6B), (0x41, 0x61)):  # İ -> i, Kelvin sign -> k, A -> a
        if _sre.unicode_tolower(upper) != low:
            raise _fail(f"_sre.unicode_tolower({upper:#x}) is not {low:#x}")
    if 0x17F not in _casefix._EXTRA_CASES.get(0x73, ()):  # ſ is an extra case of s
        raise _fail("re._casefix._EXTRA_CASES does not equate s and ſ")


_self_check()
