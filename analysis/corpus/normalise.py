"""Normalisation with an offset map: extraction reads a cleaned copy of each article (no BOM, LF line ends,
plain spaces and quotes, markdown escapes removed), but every quote must point into the *original* file, so
:func:`normalise` returns the map from normalised to original character offsets beside the text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

#: Deleted characters: BOM and zero-width characters, the CR of CRLF, and the backslash of a markdown
#: escape (``\$30``, ``\*``, ``1\.``: any ASCII punctuation but the backslash itself, which CommonMark lets
#: a backslash escape).
#: (Written to open with one character class, so that the regex engine jumps between candidates.)
_DELETED = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e\r\\"  # the characters _DELETE may delete
_DELETE = re.compile(
    r"[\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e\r\\]"
    r"(?:(?<=[\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e])|(?<=\r)(?=\n)|(?<=\\)(?=[!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~]))"
)
_ONE_TO_ONE = str.maketrans(
    {
        "\r": "\n",
        "\t": " ",
        "\v": " ",
        "\f": " ",
        "\u00a0": " ",
        "\u2000": " ",
        "\u2001": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2004": " ",
        "\u2005": " ",
        "\u2006": " ",
        "\u2007": " ",
        "\u2008": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        "\u0085": "\n",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2028": "\n",
        "\u2029": "\n",
    }
)


def _replacers(table: dict[int, str]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """One character-class substitution per target character: the same result as ``str.translate`` with
    ``table``, in a few passes of the regex engine instead of a dictionary lookup per character."""
    by_target: dict[str, list[str]] = {}
    for code, target in sorted(table.items()):
        by_target.setdefault(target, []).append(re.escape(chr(code)))
    return tuple((re.compile("[" + "".join(chars) + "]"), target) for target, chars in by_target.items())


_REPLACE = _replacers(_ONE_TO_ONE)
_REPLACED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_ONE_TO_ONE)) + "]")
#: Every character normalisation may delete or replace; most articles have none.
_TOUCHED = "".join(sorted(set(_DELETED) | {chr(c) for c in _ONE_TO_ONE}))
_TOUCHED_ASCII = "".join(c for c in _TOUCHED if c.isascii())
_TOUCHED_RX = re.compile("[" + re.escape(_TOUCHED) + "]")


@dataclass
class OffsetMap:
    """Maps offsets in the normalised text back to the original file text."""

    #: normalised positions at which one original character was deleted (sorted, may repeat)
    deleted_at: list[int] = field(default_factory=list)

    def start(self, n: int) -> int:
        return n + bisect_right(self.deleted_at, n)

    def end(self, n: int) -> int:
        """Exclusive end: the original position just after normalised character ``n - 1``."""
        return self.start(n - 1) + 1 if n > 0 else self.start(0)


def _touched(raw: str) -> bool:
    """Whether normalisation could change ``raw``: one scan of the text rather than two, and for ASCII text
    (known without looking) a few single-character searches."""
    if raw.isascii():
        return any(c in raw for c in _TOUCHED_ASCII)
    return _TOUCHED_RX.search(raw) is not None


def normalise(raw: str) -> tuple[str, OffsetMap]:
    """Normalised text and the map back to ``raw``; replacements are 1:1, deletions are recorded."""
    if not _touched(raw):
        return raw, OffsetMap([])
    deleted: list[int] = []
    parts: list[str] = []
    last = 0
    for m in _DELETE.finditer(raw):
        parts.append(raw[last : m.start()])
        deleted.append(m.start() - len(deleted))
        last = m.end()
    parts.append(raw[last:])
    text = "".join(parts)
    if _REPLACED.search(text):
        for rx, target in _REPLACE:
            text = rx.sub(target, text)
    return text, OffsetMap(deleted)
