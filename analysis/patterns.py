"""Case-insensitive patterns that run several times faster than ``re.IGNORECASE``.

Python's ``re`` loses its literal-prefix optimisations under IGNORECASE. A :class:`LowerPattern` lowers
its pattern's letters once and the text at each call (a length-preserving ``str.translate``, so every
offset is unchanged) and matches case-sensitively. Patterns that must see case (``(?-i:...)``, ``[A-Z]``)
stay ordinary IGNORECASE patterns.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

# Length-preserving lower-casing: characters whose lower case is longer (e.g. U+0130) keep a 1-char stand-in.
LOWER = {
    c: (chr(c).lower() if len(chr(c).lower()) == 1 else chr(c)) for c in range(0x250) if chr(c).isupper()
}


_last: list[str] = ["", ""]


def lower(text: str) -> str:
    """Lower-cased copy of ``text``, offsets unchanged; the last result is reused (one sentence, many patterns)."""
    if text is _last[0]:
        return _last[1]
    out = text.translate(LOWER) if not text.isascii() else text.lower()
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
        out.append(ch.lower())
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


def _split_top(s: str) -> list[str]:
    """Top-level alternatives of a group body (escapes, classes and nested groups respected)."""
    parts: list[str] = []
    cur: list[str] = []
    depth = i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            cur.append(s[i : i + 2])
            i += 2
            continue
        if ch == "[":
            j = s.index("]", i + 1)
            cur.append(s[i : j + 1])
            i = j + 1
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return parts


def _literal_prefix(alt: str) -> str:
    out = []
    for i, ch in enumerate(alt):
        if not (ch.isalpha() or ch in " -'"):
            break
        if i + 1 < len(alt) and alt[i + 1] in "?*{":
            break  # an optional character ends what is certain
        out.append(ch.lower())
    return "".join(out).strip()


def required_words(pattern: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match must contain, read off a pattern that opens with a
    required group of alternatives (``\\b(?:visit|trip|...)``); None when no such guarantee can be read."""
    s = pattern[2:] if pattern.startswith("\\b") else pattern
    if not s.startswith("(?:"):
        return None
    depth = 0
    end = -1
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = s.index("]", i + 1) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                end = i
                break
        i += 1
    if end < 0 or (end + 1 < len(s) and s[end + 1] in "?*{"):
        return None
    prefixes = [_literal_prefix(a) for a in _split_top(s[3:end])]
    if any(len(p) < 2 for p in prefixes):
        return None
    return tuple(sorted(set(prefixes)))
