"""The regex engine's private structures, read in one module, must keep the shape it was written against.

If a Python release changes them, these tests (and the import of the module itself) fail with
:class:`RegexInternalsError`; the matcher never falls back quietly to reading less (slower) or misreading
(missed matches).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.common import matching, regex_internals
from analysis.common.regex_internals import (
    Alt,
    At,
    Cat,
    Group,
    Lit,
    Look,
    Range,
    RegexInternalsError,
    Repeat,
    Set,
    ignorecase_lower_table,
    parse,
)

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"
SPACE = Set((Cat("SPACE"),), False)
SPACES = Repeat(1, None, (SPACE,))


def lits(word: str) -> tuple[Lit, ...]:
    return tuple(Lit(ord(c)) for c in word)


@pytest.mark.parametrize(
    ("pattern", "flags", "tree"),
    [
        (  # a cue: a word with optional endings, alternatives, whitespace
            r"\b(?:visit(?:ed|s)?|trip)\s+to",
            0,
            (
                At("BOUNDARY"),
                Alt(
                    (
                        (*lits("visit"), Repeat(0, 1, (Alt((lits("ed"), lits("s"))),))),
                        lits("trip"),
                    )
                ),
                SPACES,
                *lits("to"),
            ),
        ),
        (  # the gazetteer: "not after a word character or a hyphen", "not before a word character"
            r"(?<![\w-])(?:Israel|Ecuador)(?![\w])",
            0,
            (
                Look(True, True, (Set((Cat("WORD"), Lit(ord("-"))), False),)),
                Alt((lits("Israel"), lits("Ecuador"))),
                Look(False, True, (Set((Cat("WORD"),), False),)),
            ),
        ),
        (  # an optional leading word and a short class
            r"\b(?:(?:last|this)\s+)?(?:Monday|[Ff]riday)\b",
            re.I,
            (
                At("BOUNDARY"),
                Repeat(0, 1, (Alt((lits("last"), lits("this"))), SPACES)),
                Alt((lits("Monday"), (Set((Lit(ord("F")), Lit(ord("f"))), False), *lits("riday")))),
                At("BOUNDARY"),
            ),
        ),
        (  # an amount: categories inside classes, unbounded repeats
            r"\$\s?\d[\d.,]*\s*(?:million|bn)?",
            0,
            (
                Lit(ord("$")),
                Repeat(0, 1, (SPACE,)),
                Set((Cat("DIGIT"),), False),
                Repeat(0, None, (Set((Cat("DIGIT"), Lit(ord(".")), Lit(ord(","))), False),)),
                Repeat(0, None, (SPACE,)),
                Repeat(0, 1, (Alt((lits("million"), lits("bn"))),)),
            ),
        ),
        (  # a case-sensitive group inside a case-insensitive pattern
            r"\b(?-i:TLC)\b",
            re.I,
            (At("BOUNDARY"), Group(lits("TLC")), At("BOUNDARY")),
        ),
        (  # a Spanish date: named groups, a range
            r"(?P<d>[0-3]?\d)\s+de\s+(?P<m>mayo|junio)",
            re.I,
            (
                Group(
                    (Repeat(0, 1, (Set((Range(ord("0"), ord("3")),), False),)), Set((Cat("DIGIT"),), False))
                ),
                SPACES,
                *lits("de"),
                SPACES,
                Group((Alt((lits("mayo"), lits("junio"))),)),
            ),
        ),
    ],
)
def test_representative_patterns_parse_to_exactly_the_tree_the_matcher_reads(
    pattern: str, flags: int, tree: tuple
) -> None:
    parsed = parse(pattern, flags)
    assert parsed.nodes == tree
    assert parsed.flags & re.IGNORECASE == flags & re.IGNORECASE


def test_the_probe_of_every_node_kind_parses_as_expected() -> None:
    regex_internals._self_check()  # also runs at import
    assert parse(regex_internals._PROBE).nodes == regex_internals._PROBE_TREE


def test_opening_literals_of_known_patterns() -> None:
    ol = matching.opening_literals
    assert ol(r"\b(?:visit(?:ed|s)?|trip)\s+to") == ("trip", "visit", "visited", "visits")
    assert ol(r"(?<![\w-])(?:Israel|Ecuador)(?![\w])") == ("ecuador", "israel")
    assert ol(r"\b(?:(?:last|this)\s+)?(?:Monday|[Ff]riday)\b", re.I) == ("friday", "last", "monday", "this")
    assert ol(r"\b(?-i:TLC)\b", re.I) == ("tlc",)
    assert ol(r"\$\s?\d[\d.,]*") is None  # "$" and a digit: nothing worth a trigger
    # the words carry where the match starts: after a word boundary, one space of the scan form in front
    assert matching.opening_words(r"\bvisit") == ((" visit", 1),)
    assert matching.opening_words(r"visit") == (("visit", 0),)


def _with_tree(monkeypatch: pytest.MonkeyPatch, mutate) -> None:
    """Make ``re._parser.parse`` return a real tree changed by ``mutate`` (a new Python's parser, say)."""
    real = regex_internals._parser

    class Parser:  # the module as regex_internals sees it; re.compile keeps the real one
        def __getattr__(self, name: str):
            return getattr(real, name)

        @staticmethod
        def parse(pattern: str, flags: int = 0):
            sub = real.parse(pattern, flags)
            mutate(sub)
            return sub

    monkeypatch.setattr(regex_internals, "_parser", Parser())
    matching._parsed.cache_clear()  # the matcher reads each pattern once: make it read again


@pytest.mark.parametrize(
    "mutate",
    [
        # SUBPATTERN with a fifth item
        lambda sub: sub.data.__setitem__(1, (sub.data[1][0], (*sub.data[1][1], None))),
        # an opcode this module has never seen
        lambda sub: sub.data.append((regex_internals._parser.INFO, None)),
        # a literal that is no longer a code point
        lambda sub: sub.data.__setitem__(0, (regex_internals._parser.LITERAL, "v")),
        # a repeat with its bounds in another order or shape
        lambda sub: sub.data.append((regex_internals._parser.MAX_REPEAT, ([], 0, 1))),
        # a category the parser never produced before
        lambda sub: sub.data.append(
            (regex_internals._parser.IN, [(regex_internals._parser.CATEGORY, "CATEGORY_EMOJI")])
        ),
    ],
    ids=["subpattern-arity", "unknown-opcode", "literal-type", "repeat-shape", "unknown-category"],
)
def test_an_unknown_shape_is_an_error_not_a_quiet_fallback(monkeypatch: pytest.MonkeyPatch, mutate) -> None:
    pattern = r"v(isit)"
    assert matching.opening_words(pattern) == (("visit", 0),)
    _with_tree(monkeypatch, mutate)
    with pytest.raises(RegexInternalsError, match="re's private parse tree has changed"):
        parse(pattern)
    # the matcher does not turn it into "no opening words" (which would run the plain pattern, slower)
    with pytest.raises(RegexInternalsError):
        matching.opening_words(pattern)


def test_the_self_check_fails_when_the_probe_parses_differently(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_internals, "_PROBE_TREE", (At("BOUNDARY"),))
    with pytest.raises(RegexInternalsError, match="probe pattern"):
        regex_internals._self_check()


def test_a_pattern_that_never_matches_parses_on_every_version() -> None:
    # 3.13 parses "(?!)" as FAILURE, 3.11 and 3.12 as an empty negative lookahead; neither has opening words
    assert parse("(?!)").nodes in ((Look(False, True, ()),), (regex_internals.Opaque("FAILURE"),))
    assert matching.opening_words("(?!)") is None


def test_a_bad_pattern_is_still_a_plain_re_error() -> None:
    with pytest.raises(re.error):
        parse("(unclosed")
    assert matching.opening_words("(unclosed") is None  # a bad pattern has no opening words; re says why


def test_the_lower_case_table_agrees_with_ignorecase() -> None:
    table = ignorecase_lower_table()
    assert table[0x130] == ord("i") and table[0x212A] == ord("k")  # İ, the Kelvin sign
    assert table[0x17F] == table.get(ord("s"), ord("s")) or table[ord("s")] == table[0x17F]  # ſ = s
    for c, low in table.items():  # every mapping is an equality IGNORECASE itself makes
        assert re.fullmatch(re.escape(chr(c)), chr(low), re.IGNORECASE), hex(c)
    for c, extras in regex_internals._casefix._EXTRA_CASES.items():  # one representative per class
        assert len({table.get(x, x) for x in (c, *extras)}) == 1, hex(c)


def test_nothing_else_in_the_package_reaches_into_the_regex_engine() -> None:
    private = re.compile(
        r"\b(?:_sre|sre_parse|sre_compile|sre_constants|_casefix)\b|\bre\._|from re import _"
    )
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "regex_internals.py" and private.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
