"""Fast matching for the extractor: case-insensitive patterns, and one trigger pass per sentence.

Python's ``re`` loses its literal-prefix optimisations under IGNORECASE. A :class:`LowerPattern` lowers
its pattern's letters once and the text at each call (a length-preserving ``str.translate``, so every
offset is unchanged) and matches case-sensitively. Patterns that must see case (``(?-i:...)``, ``[A-Z]``)
stay ordinary IGNORECASE patterns.

Most patterns can only match where one of a few words begins (``\\b(?:visit|trip|...)``, a month name, a
country). :func:`opening_literals` reads those words off the parsed pattern, and :func:`scan` finds every
occurrence of every registered word in a sentence in one Aho-Corasick pass (``pyahocorasick``, C). Then
:func:`finditer` and :func:`search` try the pattern only at those positions; they give exactly the matches
of the plain pattern (tested against it). A pattern whose opening words cannot be read (``\\$\\s?\\d...``,
``\\d+ de mayo``) is gated instead on :func:`required_words`, words one of which every match contains
anywhere ("weapons", "mayo"): it runs, plain, only on a sentence where the same pass saw one. A pattern with
neither always runs plain. The parse tree is read through :mod:`analysis.common.regex_internals`.

A pattern that opens with the commonest words ("in May", "on Monday", "two years ago", "the Hague") is
built with :func:`pivot`: it is anchored on the words of its second part, and its first part is found by
searching back from each of them in a window as wide as that part can be.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

import ahocorasick

from analysis.common.regex_internals import (
    Alt,
    At,
    Cat,
    Group,
    Lit,
    Look,
    Node,
    OneChar,
    Parsed,
    Range,
    Repeat,
    Set,
    ignorecase_lower_table,
    parse,
)

# Length-preserving lower-casing: equal under it exactly when IGNORECASE would call two characters equal.
LOWER = ignorecase_lower_table()
# Characters where ``str.lower`` does something else (a longer string, another equivalent, astral planes):
# text without them is lowered by ``str.lower``, in C, instead of a dictionary lookup per character.
_CASE_SPECIAL = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).lower() != chr(LOWER.get(c, c)))
    + "\U00010000-\U0010ffff]"
)


_last: list[str] = ["", ""]


def lower(text: str) -> str:
    """Lower-cased copy of ``text``, offsets unchanged; the last result is reused (one sentence, many patterns)."""
    if text is _last[0]:
        return _last[1]
    out = text.lower() if text.isascii() or not _CASE_SPECIAL.search(text) else text.translate(LOWER)
    _last[0], _last[1] = text, out
    return out


def _lower_source(pattern: str) -> str:
    """Lower-case the letters of a pattern, leaving escapes (``\\W``, ``\\S``, ``\\D``, ``\\B``) alone."""
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith("(?P<", i):  # group names stay as written
            j = pattern.index(">", i)
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        out.append(ch.translate(LOWER))
        i += 1
    return "".join(out)


class LowerPattern:
    """A compiled case-insensitive pattern with the ``re.Pattern`` methods the extractor uses."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.flags = re.IGNORECASE  # what it behaves as
        self._rx = re.compile(_lower_source(pattern))

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._rx.search(lower(string), pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._rx.match(lower(string), pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self._rx.finditer(lower(string), pos, endpos)

    def __repr__(self) -> str:
        return f"LowerPattern({self.pattern!r})"


def ci(pattern: str) -> LowerPattern | re.Pattern[str]:
    """A case-insensitive pattern: the fast kind unless it needs to see case."""
    if "(?-i:" in pattern or "[A-Z]" in pattern:
        return re.compile(pattern, re.I)
    return LowerPattern(pattern)


# ---------------------------------------------------------------------------------------------------------
# Opening words and the trigger pass
# ---------------------------------------------------------------------------------------------------------

_MAX_PREFIX = 12  # longer words add selectivity, not correctness
_MAX_SET = 400  # beyond this many alternatives, stop extending (still correct, a little less selective)
_MAX_CLASS = 12  # a character class of at most this many characters is spelled out
_EDGE = "\x00"  # stands for a word boundary while words are read off a pattern

# The trigger pass runs on the sentence's *scan form*: lower-cased, every non-word character a space, and one
# space in front. Words read off patterns are put in the same form, so a literal that occurs in the text
# occurs in the scan form too; and a pattern that opens with ``\b`` (or "not after a word character") is
# registered with a leading space, so that "in" is found only where a word starts, not inside "during".
_PUNCTUATION = re.compile(r"[^\w ]")  # \W but the space, which stays as it is
_ASCII_NON_WORD = {c: 32 for c in range(128) if not (chr(c).isalnum() or c == 95)}


def _scan_form(low: str) -> str:
    return " " + (low.translate(_ASCII_NON_WORD) if low.isascii() else _PUNCTUATION.sub(" ", low))


def _scan_char(ch: str) -> str:
    ch = ch.translate(LOWER)
    return ch if ch.isalnum() or ch == "_" else " "


@lru_cache(maxsize=1024)
def _parsed(pattern: str, flags: int) -> Parsed:
    """The parse tree, once per pattern: a pattern is read for its opening words, then maybe for its required
    words, and a wrapped one again when the pattern itself is registered (the trees are immutable)."""
    return parse(pattern, flags)


#: (text, exact): every match of the piece starts with ``text``; ``exact`` when the piece matches only it.
_Prefixes = set[tuple[str, bool]]
_SPACE_LIKE = (Cat("SPACE"), Cat("NOT_WORD"))


def _chars(node: Set) -> set[str] | None:
    """The scan-form characters a ``[...]`` class matches, if it is a short list of literals and ranges."""
    if node.negated:
        return None
    out: set[str] = set()
    for item in node.items:
        if type(item) is Lit:
            out.add(_scan_char(chr(item.cp)))
        elif type(item) is Range and item.hi - item.lo < _MAX_CLASS:
            out.update(_scan_char(chr(c)) for c in range(item.lo, item.hi + 1))
        elif item in _SPACE_LIKE:
            out.add(" ")  # whitespace and non-word characters are all a space in the scan form
        else:
            return None  # \w, \d, wide ranges
    return out if len(out) <= _MAX_CLASS else None


def _not_after_word(look: Look) -> bool:
    r"""A lookbehind such as ``(?<![\w-])``: what follows starts a word when it is a word character."""
    body = look.body
    return (
        look.behind
        and len(body) == 1
        and type(body[0]) is Set
        and Cat("WORD") in body[0].items
        and not body[0].negated
    )


_STARTS_WORD = ("BOUNDARY", "BEGINNING", "BEGINNING_STRING")


def _item(node: Node) -> _Prefixes | None:
    kind = type(node)
    if kind is At:
        # the start of the string (or of a line) is, like a word boundary, after a space of the scan form
        return {(_EDGE, True)} if node.where in _STARTS_WORD else {("", True)}
    if kind is Look:
        return {(_EDGE, True)} if node.negative and _not_after_word(node) else {("", True)}
    if kind is Lit:
        return {(_scan_char(chr(node.cp)), True)}
    if kind is Set:
        chars = _chars(node)
        return None if chars is None else {(c, True) for c in chars}
    if kind is Group:
        return _sequence(node.body)
    if kind is Alt:
        out: _Prefixes = set()
        for option in node.options:
            sub = _sequence(option)
            if sub is None:
                return None
            out |= sub
        return out
    if kind is Repeat:
        if node.hi == 0:
            return {("", True)}
        sub = _sequence(node.body)
        if sub is None:
            return None
        if node.hi == 1:  # once, or at most once: either way what follows comes right after
            return sub | {("", True)} if node.lo == 0 else sub
        out = {(t, False) for t, _ in sub}
        return out | {("", True)} if node.lo == 0 else out
    return None  # any character, an atomic group, a back-reference, a conditional


def _sequence(nodes: Sequence[Node]) -> _Prefixes | None:
    cur: _Prefixes = {("", True)}
    for node in nodes:
        if all(not exact for _, exact in cur):
            break
        piece = _item(node)
        nxt: _Prefixes = set()
        for text, exact in cur:
            if not exact or len(text) >= _MAX_PREFIX or len(cur) > _MAX_SET or piece is None:
                nxt.add((text, False))
            else:
                nxt.update((text + t, e) for t, e in piece)
        cur = nxt
    return cur


def _trigger(word: str) -> tuple[str, int]:
    """(scan-form key, characters of the key before the match starts) for a word read off a pattern."""
    edge = word.startswith(_EDGE)
    core = word.lstrip(_EDGE).split(_EDGE)[0]
    if edge and core[:1] not in ("", " "):
        return " " + core, 1  # the match starts a word: it follows a space of the scan form
    return core, 0


def opening_words(pattern: str, flags: int = 0, min_len: int = 2) -> tuple[tuple[str, int], ...] | None:
    """Scan-form words one of which every match of ``pattern`` starts with, each with how many of its
    characters come before the match; None when some match could start otherwise, or with fewer than
    ``min_len`` known letters (too common to be worth a trigger)."""
    try:
        parsed = _parsed(pattern, int(flags))
    except (re.error, RecursionError):
        return None
    if parsed.flags & re.VERBOSE:
        return None  # never used here; whitespace handling would need care
    found = _sequence(parsed.nodes)
    if not found:
        return None
    triggers = {_trigger(t) for t, _ in found}
    if any(len(key.strip()) < min_len for key, _ in triggers):
        return None
    kept: list[tuple[str, int]] = []
    for key, before in sorted(triggers, key=lambda t: (len(t[0]), t)):
        # a word that extends a kept one adds nothing: the shorter one's hits include it
        if not any(key.startswith(k) and before == b for k, b in kept):
            kept.append((key, before))
    return tuple(sorted(kept))


def opening_literals(pattern: str, flags: int = 0, min_len: int = 2) -> tuple[str, ...] | None:
    """The words of :func:`opening_words` without their scan-form spacing (for reading and tests)."""
    words = opening_words(pattern, flags, min_len)
    return None if words is None else tuple(sorted({k.strip() for k, _ in words}))


def _keys(found: _Prefixes, min_len: int) -> frozenset[str] | None:
    """The scan-form keys of a set of prefixes, none contained in another; None if one is too short."""
    keys = sorted({_trigger(t)[0] for t, _ in found}, key=len)
    if not keys or len(keys[0].strip()) < min_len:
        return None
    kept: list[str] = []
    for key in keys:
        if len(key.strip()) < min_len:
            return None
        if not any(k in key for k in kept):  # a hit on the shorter one is already a hit
            kept.append(key)
    return frozenset(kept)


def _required(nodes: Sequence[Node], min_len: int) -> frozenset[str] | None:
    """The most selective set of scan-form keys one of which every match of ``nodes`` contains: the opening
    words of some tail of the sequence, or the required words of a part every match goes through."""
    best: frozenset[str] | None = None
    for i, node in enumerate(nodes):
        kind = type(node)
        if kind is Repeat and node.lo == 0:
            continue  # optional: the words after it are as selective, and it may hold none
        found = _sequence(nodes[i:])
        options = [_keys(found, min_len) if found else None]
        if kind is Group or (kind is Repeat and node.lo >= 1):
            options.append(_required(node.body, min_len))
        elif kind is Alt:
            subs = [_required(option, min_len) for option in node.options]
            if all(subs):
                options.append(frozenset().union(*subs))
        for keys in options:
            if keys and (best is None or _rank(keys) > _rank(best)):
                best = keys
    return best


def _rank(keys: frozenset[str]) -> tuple[int, int]:
    return min(len(k.strip()) for k in keys), -len(keys)  # long words first, then few of them


@lru_cache(maxsize=1024)
def required_words(pattern: str, flags: int = 0, min_len: int = 3) -> frozenset[str] | None:
    """Scan-form words one of which occurs in every match of ``pattern`` (not only at its start), each of at
    least ``min_len`` letters; None when none can be read. A pattern without opening words is run only on a
    string where the trigger pass saw one of these: the words a hand-written gate used to list."""
    try:
        parsed = _parsed(pattern, int(flags))
    except (re.error, RecursionError):
        return None
    if parsed.flags & re.VERBOSE:
        return None
    return _required(parsed.nodes, min_len)


_SPACE_ITEM = (Set((Cat("SPACE"),), False),)  # \s
_NOT_SPACE = (Cat("WORD"), Cat("DIGIT"))  # the categories that cannot match whitespace


def _width(nodes: Sequence[Node]) -> int:
    """The most characters a match of ``nodes`` spans where no two whitespace characters are adjacent (so a
    repeated ``\\s`` spans one); ValueError when that is unbounded."""
    total = 0
    for node in nodes:
        kind = type(node)
        if kind is Lit or kind is OneChar or kind is Set:
            total += 1
        elif kind is At or kind is Look:
            continue
        elif kind is Group:
            total += _width(node.body)
        elif kind is Alt:
            total += max(_width(option) for option in node.options)
        elif kind is Repeat:
            if node.body == _SPACE_ITEM:
                total += 1 if node.hi is None else min(node.hi, 1)
            elif node.hi is None:
                raise ValueError("an unbounded repeat of something other than whitespace")
            else:
                total += node.hi * _width(node.body)
        else:
            raise ValueError(f"cannot bound {node}")
    return total


def _gaps(nodes: Sequence[Node]) -> int | None:
    """The most whitespace runs a match of ``nodes`` can touch, when nothing but its ``\\s`` items can
    match whitespace; None otherwise."""
    total = 0
    for node in nodes:
        kind = type(node)
        if kind is Lit:
            if chr(node.cp).isspace():
                return None
        elif kind is Set:
            if (node,) == _SPACE_ITEM:
                total += 1
            elif node.negated or not all(
                (type(i) is Lit and not chr(i.cp).isspace())
                or (type(i) is Range and not any(chr(c).isspace() for c in range(i.lo, i.hi + 1)))
                or i in _NOT_SPACE
                for i in node.items
            ):
                return None  # a negated class, \W, \D, a class with a space: it could match whitespace
        elif kind is At or kind is Look:
            continue
        elif kind is Group:
            sub = _gaps(node.body)
            if sub is None:
                return None
            total += sub
        elif kind is Alt:
            subs = [_gaps(option) for option in node.options]
            if None in subs:
                return None
            total += max(subs)
        elif kind is Repeat:
            if node.body == _SPACE_ITEM:
                total += 1 if node.hi != 0 else 0  # one run of whitespace, however long
                continue
            sub = _gaps(node.body)
            if sub is None or (sub and node.hi is None):
                return None
            total += (node.hi or 0) * sub
        else:
            return None
    return total


#: id(pattern) -> (pattern, backward pattern, prefix optional, look-back window, gaps, body) for :func:`pivot`
_PIVOTS: dict[int, tuple[re.Pattern[str], re.Pattern[str], bool, int, int, str]] = {}
#: How a pivot pattern finds its starts: (backward pattern, prefix optional, look-back window or 0, and
#: when 0 the most whitespace runs its prefix spans)
Pivot = tuple[re.Pattern[str], bool, int, int]
#: How far back a prefix with a bounded number of whitespace runs (but not of characters) is looked for
_GAP_SPAN = 256
#: A registered pattern: (slot, pattern, opening words, compiled pattern to try at a start, whether it runs on
#: the lower case, how a pivot pattern finds its starts, whether a pattern without opening words is gated on
#: its :func:`required_words`: run only where one occurred)
Entry = tuple[int, object, tuple | None, re.Pattern[str] | None, bool, Pivot | None, bool]
_ADJACENT_SPACES = re.compile(r"\s\s")


def pivot(
    lead: str, prefix: str, body: str, *, optional: bool, flags: int = 0, lowered: bool = False
) -> re.Pattern[str] | LowerPattern:
    """``lead(?:prefix)body`` (``(?:prefix)?`` when ``optional``), compiled, and tried where a word that
    opens ``body`` begins, or where ``prefix`` begins just before one.

    Why: the prefixes of date and name patterns are the commonest words there are ("in May", "on Monday",
    "the Hague"), and a trigger on each "in" and "the" costs more than all the rest of the pass. The prefix
    is found by searching back from the body's word in a window as wide as the longest prefix; where two
    whitespace characters meet in that window (the prefix could be longer) the plain pattern is run instead.
    A prefix of unbounded width ("\\w+-day") but with at most a few whitespace runs, and no other way to
    match whitespace, is looked for from the start of the chunk of words that many runs back; a prefix
    with neither bound is a ValueError. ``lowered``: a :class:`LowerPattern` (case-insensitive, matched
    on the lower case)."""
    if lead not in ("", r"\b"):
        raise ValueError(f"lead must be empty or \\b, not {lead!r}")
    source, back_source = f"{lead}(?:{prefix}){'?' if optional else ''}{body}", f"{lead}(?:{prefix})\\Z"
    if lowered:
        rx: re.Pattern[str] | LowerPattern = LowerPattern(source)
        back = re.compile(_lower_source(back_source))
    else:
        rx = re.compile(source, flags)
        back = re.compile(back_source, flags)
    parsed = _parsed(prefix, int(flags)).nodes
    try:
        window, gaps = _width(parsed) + 1, 0
    except ValueError:
        window, gaps = 0, _gaps(parsed)
        if gaps is None:
            raise ValueError(
                f"the prefix {prefix!r} has no bound on its width or its whitespace runs"
            ) from None
    _PIVOTS[id(rx)] = (rx, back, optional, window, gaps, body)
    return rx


def _pivot_starts(
    body: list[int], subject: str, back: re.Pattern[str], optional: bool, window: int, gaps: int
) -> list[int] | None:
    """Where a :func:`pivot` pattern may start, given where its body's words begin (in order); None when
    the prefix could reach beyond what is looked at (whitespace characters meet in the window, or a few
    chunks of words span more than _GAP_SPAN characters): run the plain pattern."""
    out = []
    for p in body:
        if window:
            lo = p - window if p > window else 0
            if _ADJACENT_SPACES.search(subject, lo, p) is not None:
                return None
        else:
            # a prefix touching at most `gaps` whitespace runs starts after the (gaps + 1)-th run before p
            # (str.rsplit does not count a run right before p, which only moves the start further back)
            lo = p - _GAP_SPAN if p > _GAP_SPAN else 0
            chunks = subject[lo:p].rsplit(None, gaps + 1)
            if len(chunks) > gaps + 1:
                lo += len(chunks[0])
            elif lo:
                return None
        m = back.search(subject, lo, p)
        while m is not None:  # every start of a prefix that ends at p ("his high-level visit": two)
            out.append(m.start())
            m = back.search(subject, m.start() + 1, p)
        if optional:
            out.append(p)
    if len(out) > 1:
        out.sort()
    return out


def _gate(rx) -> frozenset[str] | None:
    """Words one of which every match of ``rx`` (a pattern without opening words) contains; for a wrapper
    whose ``finditer`` yields one match per match of the compiled pattern at its ``wraps`` (a pattern that
    canonicalises its groups, say), the opening or required words of that pattern."""
    inner = getattr(rx, "wraps", None)
    if inner is not None:
        words = opening_words(inner.pattern, inner.flags)
        return frozenset(k for k, _ in words) if words else _gate(inner)
    if isinstance(rx, re.Pattern):
        return required_words(rx.pattern, rx.flags)
    return None


class _Registry:
    """Every word any pattern is anchored or gated on, and the automaton that finds them all at once."""

    def __init__(self) -> None:
        self.patterns: dict[int, Entry] = {}  # id(rx) -> its entry
        # scan-form key -> ({characters before the match: pattern slots}, slots of the patterns it gates)
        self.keys: dict[str, tuple[dict[int, list[int]], list[int]]] = {}
        self.automaton: ahocorasick.Automaton | None = None
        self.count = 0  # slots handed out
        self.generation = 0  # slots below this were in the automaton when the current text was scanned

    def _key(self, key: str) -> tuple[dict[int, list[int]], list[int]]:
        self.automaton = None
        return self.keys.setdefault(key, ({}, []))

    def pattern(self, rx) -> Entry:
        entry = self.patterns.get(id(rx))
        if entry is None or entry[1] is not rx:
            compiled = rx._rx if isinstance(rx, LowerPattern) else rx if isinstance(rx, re.Pattern) else None
            # a wrapper with its own finditer has no words: it is called as it is
            words = None if compiled is None else opening_words(compiled.pattern, compiled.flags)
            hint = _PIVOTS.get(id(rx))
            pivoted = None
            if hint is not None and hint[0] is rx:
                body_words = opening_words(hint[5], rx.flags)
                if body_words is not None:  # else the whole pattern's words serve, as for any other
                    words, pivoted = body_words, hint[1:5]
            slot, self.count = self.count, self.count + 1
            for key, before in words or ():
                self._key(key)[0].setdefault(before, []).append(slot)
            gate = None if words is not None else _gate(compiled if compiled is not None else rx)
            for key in gate or ():
                self._key(key)[1].append(slot)
            entry = (slot, rx, words, compiled, isinstance(rx, LowerPattern), pivoted, gate is not None)
            self.patterns[id(rx)] = entry
        return entry

    def build(self) -> ahocorasick.Automaton:
        if self.automaton is None:
            a = ahocorasick.Automaton()
            for key, (pats, sets) in self.keys.items():
                # a hit ends at index ``end`` of the scan form, which has one extra space in front: a match
                # starts at text index end - (len(key) - before); a gated pattern only needs to know it
                # occurred
                payload = [
                    (slot, len(key) - before) for before, slots in sorted(pats.items()) for slot in slots
                ]
                payload += [(slot, 0) for slot in sets]
                # (key length, first slot and its offset, the others): most keys serve one pattern
                (slot, back), *rest = payload
                a.add_word(key, (len(key), slot, back, tuple(rest)))
            a.make_automaton()
            self.automaton = a
            self.generation = self.count
        return self.automaton


_REG = _Registry()


class _Scan:
    __slots__ = ("generation", "low", "starts", "text")

    def __init__(self) -> None:
        self.text: str | None = None
        self.low = ""
        self.starts: dict[int, list[int]] = {}  # slot -> where its matches may start (gated: any hit)
        self.generation = 0


_SCAN = _Scan()
#: What :func:`scan` left behind: (text, lower case, starts per slot, generation).
ScanState = tuple[str | None, str, dict[int, list[int]], int]

#: Off, every call falls back to the plain pattern (tests compare the two).
ENABLED = True


def scan(text: str) -> None:
    """Find every registered word in ``text`` (one pass); later calls on this same string use the result."""
    if not ENABLED:
        _SCAN.text = None
        return
    automaton = _REG.build()
    low = lower(text)
    starts: defaultdict[int, list[int]] = defaultdict(list)
    if automaton.kind == ahocorasick.AHOCORASICK:
        for end, (_, slot, back, rest) in automaton.iter(_scan_form(low)):
            starts[slot].append(end - back)
            for slot, back in rest:
                starts[slot].append(end - back)
    _SCAN.text, _SCAN.low, _SCAN.starts = text, low, starts
    _SCAN.generation = _REG.generation


def scan_spans(text: str, spans: Sequence[tuple[int, int, str]]) -> list[ScanState | None]:
    """The trigger pass of each sentence ``text[a:b]`` (given as ``(a, b, sentence)``, in order, not
    overlapping), from one walk of the automaton over the part of ``text`` they span: for each, what
    :func:`scan` of the sentence would leave, ready for :func:`use`. A sentence whose first character follows
    a word character (a long run cut mid-word) gets None and is scanned on its own when used.

    Why: one walk per run of sentences instead of one per sentence keeps the automaton in the processor's
    cache and pays the per-call costs (lower case, scan form, iterator) once; only the part spanned is
    lowered and walked, so a long document can be scanned a run of sentences at a time in bounded memory."""
    if not ENABLED or not spans:
        return [None] * len(spans)
    automaton = _REG.build()
    lo = spans[0][0] - 1 if spans[0][0] > 0 else 0  # the character before the first sentence, if any
    low = lower(text[lo : spans[-1][1]])  # lower case is per character: the same as a slice of the whole's
    # form[i + 1] is low[i], and form[0] the space in front of text[lo]: a sentence's leading space, the
    # character before it, is form[a - lo] (for a first sentence at 0 the space in front, as for the whole)
    form = _scan_form(low)
    bounds = [(a - lo, b - lo) for a, b, _ in spans]
    found: list[defaultdict[int, list[int]] | None] = [
        defaultdict(list) if form[a] == " " else None for a, _ in bounds
    ]
    if automaton.kind == ahocorasick.AHOCORASICK:
        k, n = 0, len(spans)
        a, b = bounds[0]
        starts = found[0]
        for end, (length, slot, back, rest) in automaton.iter(form):
            # the hit is form[end - length + 1 : end + 1]; sentence k is form[a : b + 1], its space included
            while end > b:
                k += 1
                if k == n:
                    break
                a, b = bounds[k]
                starts = found[k]
            if k == n:
                break
            if starts is None or end - length + 1 < a:
                continue
            end -= a  # now an offset in the sentence's own scan form
            starts[slot].append(end - back)
            if rest:  # most words open one pattern
                for slot, back in rest:
                    starts[slot].append(end - back)
    generation = _REG.generation
    return [
        None if starts is None else (sentence, low[a:b], starts, generation)
        for (a, b), (_, _, sentence), starts in zip(bounds, spans, found, strict=True)
    ]


def use(state: ScanState | None, text: str) -> None:
    """Make ``text``'s trigger pass (from :func:`scan_spans`) the current one; None: scan it now."""
    if state is None or not ENABLED:
        scan(text)
        return
    _SCAN.text, _SCAN.low, _SCAN.starts, _SCAN.generation = state
    _last[0], _last[1] = text, state[1]


def current() -> ScanState:
    """The trigger pass's result for the last scanned string, to be made current again later."""
    return _SCAN.text, _SCAN.low, _SCAN.starts, _SCAN.generation


@contextmanager
def rescanned(state: ScanState | str) -> Iterator[None]:
    """Use an earlier string's trigger pass for a while (a later sentence asks for an earlier one's dates);
    given the string itself instead (its pass was not kept), scan it again."""
    now = current()
    if isinstance(state, str):
        scan(state)
    else:
        _SCAN.text, _SCAN.low, _SCAN.starts, _SCAN.generation = state
    try:
        yield
    finally:
        _SCAN.text, _SCAN.low, _SCAN.starts, _SCAN.generation = now


def _entry(rx) -> Entry:
    """The registry's entry for ``rx``, looked up by identity (registered on first use)."""
    entry = _REG.patterns.get(id(rx))
    if entry is None or entry[1] is not rx:
        entry = _REG.pattern(rx)
    return entry


def _starts(rx, text: str) -> tuple[re.Pattern[str], str, list[int]] | None:
    """(compiled pattern, the string it runs on, where a match may start, in order) when the trigger pass of
    ``text`` (the current one) can stand in for a scan; None when it cannot (a pattern without opening words).

    The lookup of :func:`_entry` is written out here: every search, finditer and
    trigger lookup of the engine (some 100,000 per megabyte of text) comes through this function."""
    entry = _REG.patterns.get(id(rx))
    if entry is None or entry[1] is not rx:
        entry = _REG.pattern(rx)
    slot, _, words, compiled, on_low, pivoted, gated = entry
    if words is None or slot >= _SCAN.generation:
        if gated and slot < _SCAN.generation and slot not in _SCAN.starts:
            return compiled, text, _EMPTY  # none of the words every match contains: no match
        return None
    subject = _SCAN.low if on_low else text
    if pivoted is None:
        starts = _SCAN.starts.get(slot, _EMPTY)
        if len(starts) > 1:
            starts.sort()  # the automaton reports by end; words of different lengths can end out of start order
        return compiled, subject, starts
    starts = _pivot_of(slot, pivoted, subject)
    return None if starts is None else (compiled, subject, starts)


def may_match(rxs: Sequence, text: str) -> bool:
    """False only when the trigger pass shows that none of ``rxs`` can match anywhere in ``text`` (nor in any
    window of it): a quick way out before searching several windows for several patterns."""
    if text is not _SCAN.text:
        return True
    starts, generation = _SCAN.starts, _SCAN.generation
    for rx in rxs:
        slot, _, words, _, _, _, gated = _entry(rx)
        if slot >= generation or slot in starts or (words is None and not gated):
            return True
    return False


def trigger_starts(rx, text: str) -> tuple[str, list[int]] | None:
    """(``text`` lower-cased, where a match of ``rx`` may start, in order) from the current trigger pass;
    None when the pass cannot stand in for a scan (another string, a pattern without opening words)."""
    found = _starts(rx, text) if text is _SCAN.text else None
    return None if found is None else (_SCAN.low, found[2])


_EMPTY: list[int] = []


def _pivot_of(slot: int, pivoted: Pivot, subject: str) -> list[int] | None:
    """Where the :func:`pivot` pattern in ``slot`` may start in the current string, worked out on first use
    and kept beside its body's starts (under ``~slot``); None when it must run plain."""
    starts = _SCAN.starts
    got = starts.get(~slot)
    if got is None:
        body = starts.get(slot)
        if body is None:
            return _EMPTY
        if len(body) > 1:
            body.sort()
        got = _pivot_starts(body, subject, *pivoted)
        starts[~slot] = False if got is None else got
    return None if got is False else got


def _match_at(
    compiled: re.Pattern[str], subject: str, starts: list[int], pos: int = 0, endpos: int = sys.maxsize
) -> list[re.Match[str]]:
    """What ``compiled.finditer(subject, pos, endpos)`` finds, when every match starts at one of ``starts``:
    the leftmost match from each start on, each search resuming where the last match ended."""
    out = []
    nxt = pos
    for p in starts:
        if p < nxt:
            continue
        if p >= endpos:
            break
        m = compiled.match(subject, p, endpos)
        if m is not None:
            out.append(m)
            nxt = m.end() if m.end() > p else p + 1
    return out


def finditer(rx, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match[str]]:
    """The matches of ``rx.finditer(text, pos, endpos)``, trying only where one of its opening words begins."""
    found = _starts(rx, text) if text is _SCAN.text else None
    if found is None:
        return list(rx.finditer(text, pos, endpos))
    return _match_at(*found, pos, endpos)


def search(rx, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
    """``rx.search(text, pos, endpos)``, trying only where one of its opening words begins."""
    found = _starts(rx, text) if text is _SCAN.text else None
    if found is None:
        return rx.search(text, pos, endpos)
    compiled, subject, starts = found
    for p in starts:  # the first match of _match_at
        if p < pos:
            continue
        if p >= endpos:
            break
        m = compiled.match(subject, p, endpos)
        if m is not None:
            return m
    return None


_GROUPS: dict[int, tuple] = {}  # id(sequence of patterns) -> (the sequence, its plan)


def _group(rxs: Sequence) -> tuple[list, dict[int, int], list[int], int]:
    """Registry entries of a sequence of patterns, slot -> index for the anchored and gated ones, the
    indices of the others (always run), and the highest slot (the plan is only usable once all are in the
    automaton)."""
    got = _GROUPS.get(id(rxs))
    if got is None or got[0] is not rxs:
        entries = [_REG.pattern(rx) for rx in rxs]
        index = {e[0]: i for i, e in enumerate(entries) if e[2] is not None or e[6]}
        others = [i for i, e in enumerate(entries) if e[2] is None and not e[6]]
        got = _GROUPS[id(rxs)] = (rxs, (entries, index, others, max((e[0] for e in entries), default=-1)))
    return got[1]


def finditer_each(
    rxs: Sequence, text: str, skip: Sequence[bool] | None = None
) -> list[tuple[int, re.Match[str]]]:
    """``(i, match)`` for each match of each pattern of ``rxs`` in turn (but those ``skip`` marks): the same
    as ``[(i, m) for i, rx in enumerate(rxs) for m in finditer(rx, text)]`` with one call for the lot."""
    if text is not _SCAN.text:
        return [(i, m) for i, rx in enumerate(rxs) if not (skip and skip[i]) for m in rx.finditer(text)]
    entries, index, others, top = _group(rxs)
    starts_of, low = _SCAN.starts, _SCAN.low
    if top < _SCAN.generation:  # only the patterns with a hit, and those that are always run
        todo = [index[slot] for slot in index.keys() & starts_of.keys()]  # the intersection runs in C
        todo += others
        todo.sort()
    else:
        todo = range(len(entries))
    out: list[tuple[int, re.Match[str]]] = []
    generation = _SCAN.generation
    for i in todo:
        if skip and skip[i]:
            continue
        slot, rx, words, compiled, on_low, pivoted, gated = entries[i]
        if words is None or slot >= generation:
            if gated and slot < generation and slot not in starts_of:
                continue  # none of the words every match contains occurred
            out.extend((i, m) for m in rx.finditer(text))
            continue
        subject = low if on_low else text
        if pivoted is None:
            starts = starts_of.get(slot)
            if starts is None:
                continue
            if len(starts) > 1:
                starts.sort()  # as in _starts, and then _match_at inlined: this loop is the engine's hottest
        else:
            starts = _pivot_of(slot, pivoted, subject)
            if starts is None:
                out.extend((i, m) for m in rx.finditer(text))
                continue
        nxt = 0
        for p in starts:
            if p >= nxt:
                m = compiled.match(subject, p)
                if m is not None:
                    out.append((i, m))
                    end = m.end()
                    nxt = end if end > p else p + 1
    return out


def anchored(rx) -> bool:
    """Whether ``rx`` is tried only where one of its opening words begins."""
    return _REG.pattern(rx)[2] is not None


def gated(rx) -> bool:
    """Whether ``rx`` (without opening words) is run only on a string holding one of its required words."""
    return _REG.pattern(rx)[6]


def prepare() -> None:
    """Build the automaton for every word registered so far (otherwise the next :func:`scan` does)."""
    _REG.build()
