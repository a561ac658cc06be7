"""Load a folder of ``.txt`` articles and its optional ``manifest.csv`` into documents.

Extraction works on a normalised copy of each text (no BOM, LF line ends, plain spaces, markdown escapes
removed), but every quote must point into the *original* file, so each document keeps a map from
normalised to original character offsets.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import warnings
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from pathlib import Path

from analysis.common.csvio import read_rows
from analysis.common.errors import DataError, UsageError

MAX_BYTES = 10_000_000
MANIFEST = "manifest.csv"
PRECISIONS = ("day", "month", "year", "decade", "unknown")
#: Languages the extractor reads ("und": undetermined, read with the English rules).
LANGUAGES = ("en", "es", "und")
#: Columns ``alignment corpus`` shows; the manifest may carry any others, which are kept.
KNOWN_COLUMNS = (
    "file",
    "doc_id",
    "title",
    "outlet",
    "url",
    "published",
    "published_precision",
    "published_evidence",
    "language",
    "perspective",
    "sha256",
)

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
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b(?:[ \t]+\d+(?=[ \t]*(?:\n|\Z)))?", re.ASCII)
#: Leading bytes of common binary formats that happen to contain no NUL byte early on.
_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"\xd0\xcf\x11\xe0",
    b"{\\rtf",
)
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1a\x1b")
_UTF8_BOM = b"\xef\xbb\xbf"


class CorpusWarning(UserWarning):
    """Something odd in the input that does not stop the load (empty file, no manifest row, ...)."""


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


@dataclass
class Document:
    file: str
    path: Path
    raw: str
    text: str
    offsets: OffsetMap
    doc_id: str
    published: date | None = None
    published_precision: str = "unknown"
    meta: dict[str, str] = field(default_factory=dict)
    body_start: int = 0  # normalised offset where the article body begins (after a date header)
    encoding: str = "utf-8"

    @property
    def language(self) -> str:
        return self.meta.get("language") or detect_language(self.text)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets ``(a, b)`` of the normalised span ``[start, end)``: ``raw[a:b]`` is its text."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(
                f"span ({start}, {end}) outside the text of {self.file} (length {len(self.text)})"
            )
        a = self.offsets.start(start)
        return (a, a) if start == end else (a, self.offsets.end(end))


_EN = set(
    "the of and to in a is was that for on with as by at from has have will were said its their".split()
)
_ES = set("el la de que y en los las del se por un una con para es su al lo como más fue ha sus".split())
#: Words are runs of these letters (all in Latin-1). Tokenising bytes is the same split and twice as fast:
#: each other character (any outside Latin-1 becomes "?") is a space.
_LETTERS = set(b"abcdefghijklmnopqrstuvwxyz" + "áéíóúñü".encode("latin-1"))
_TOKENS = bytes(c if c in _LETTERS else 32 for c in range(256))
_EN_BYTES = {w.encode("latin-1") for w in _EN}
_ES_BYTES = {w.encode("latin-1") for w in _ES}
# a function word's score: 1 for an English one, 1 << 20 for a Spanish one (a text has under 2**20 words)
_WORD_SCORE = {w: (w in _EN_BYTES) + ((w in _ES_BYTES) << 20) for w in _EN_BYTES | _ES_BYTES}
_EN_MASK = (1 << 20) - 1


def detect_language(text: str) -> str:
    """``en`` or ``es`` by function-word counts: light, offline, good enough for news prose."""
    words = text[:20000].lower().encode("latin-1", "replace").translate(_TOKENS).split()
    both = sum(map(_WORD_SCORE.get, words, repeat(0)))  # one pass counts both: English ones + Spanish << 20
    en, es = both & _EN_MASK, both >> 20
    if en == es == 0:
        return "und"
    return "es" if es > en else "en"


def parse_published(
    value: str, path: Path | str, line: int | None, field_name: str = "published"
) -> tuple[date, str]:
    """An ISO date, month or year (``2022-05-12``, ``2022-05``, ``2022``) and its precision."""
    value = value.strip()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            day, precision = date.fromisoformat(value), "day"
        elif re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
            day, precision = date.fromisoformat(value + "-01"), "month"
        elif re.fullmatch(r"[0-9]{4}", value):
            day, precision = date(int(value), 1, 1), "year"
        else:
            raise ValueError
    except ValueError:
        raise DataError(
            f"malformed or impossible date {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)",
            path,
            line,
            field_name,
        ) from None
    if day > date.today():
        raise DataError(f"publication date {value} is in the future", path, line, field_name)
    return day, precision


def _check_max_bytes(max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise UsageError(f"--max-bytes must be a positive whole number of bytes, not {max_bytes!r}")


def _path_error(path: Path, want: str = "file or folder") -> DataError:
    """Why ``path`` cannot be read as a ``want``: the operating system's real reason, not "no such file"."""
    reasons = {
        errno.ENOENT: f"no such {want}",
        errno.ENOTDIR: f"no such {want} (a part of the path is not a folder)",
        errno.ELOOP: "symlink loop (the link points back at itself)",
        errno.ENAMETOOLONG: "path too long for the operating system",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
    }
    try:
        info = os.stat(path)
    except OSError as exc:
        return DataError(reasons.get(exc.errno, f"cannot be read ({exc.strerror or exc})"), _shown(path))
    except ValueError:  # a NUL byte in the path
        return DataError("path holds a NUL byte", _shown(path))
    if stat.S_ISDIR(info.st_mode):
        return DataError(f"is a folder, not a {want}", _shown(path))
    if stat.S_ISREG(info.st_mode):
        return DataError(f"is a file, not a {want}", _shown(path))
    return DataError("not a regular file (a FIFO, device or socket)", _shown(path))


def _existing(path: Path) -> Path:
    """``path`` if it is a folder or a regular file, else the error saying why not (``Path.is_dir`` raises on
    a too-long name and says nothing about a loop, a FIFO or a device)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        raise _path_error(path) from None
    if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
        raise _path_error(path)
    return path


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _shown(path: Path | str) -> str:
    """``path`` printable in UTF-8: a byte of a non-UTF-8 file name shows as ``\\xe9``, not a surrogate."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def _check_name(path: Path) -> None:
    """A file name that is not UTF-8 would become part of every mention's id and break each CSV written."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise DataError(
            "file name is not valid UTF-8 (rename the file, e.g. with `convmv -f latin1 -t utf8`)",
            _shown(path),
        ) from None


def _txt_files(folder: Path) -> list[Path]:
    """The ``.txt`` files in ``folder``, sorted; an unreadable folder is an error (``glob`` would say none)."""
    try:
        names = os.listdir(folder)
    except OSError as exc:
        raise (
            _path_error(folder, "folder")
            if exc.errno != errno.EACCES
            else DataError("permission denied: the folder cannot be listed", _shown(folder))
        ) from None
    for n in sorted(names):
        if n.lower().endswith(".txt") and not n.endswith(".txt"):
            warnings.warn(
                f"{_shown(folder / n)}: not read: articles end in '.txt' (lower case); rename it",
                CorpusWarning,
                stacklevel=3,
            )
    paths = sorted(folder / n for n in names if n.endswith(".txt"))
    return [p for p in paths if not p.is_dir()]


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (one more is read, to tell that it grew).

    Opened once and checked on the open file (no separate stat calls: the benchmark reads ten thousand
    articles), without blocking, so a FIFO or a device is refused rather than waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        raise _path_error(path, "file") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DataError("not a regular file", path)
        if info.st_size > max_bytes:
            raise DataError(
                f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)",
                path,
            )
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, info.st_size + 1 if not chunks else 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror or exc}", path) from None
    finally:
        os.close(fd)


def read_article(path: Path, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """The decoded original text and its encoding; binary or oversized files are errors.

    Text that is not UTF-8 is decoded as cp1252 (the usual Windows encoding of Spanish and English
    text) with a warning; it never fails on bytes alone.
    """
    path = Path(path)
    _check_max_bytes(max_bytes)
    data = _read_regular_file(path, max_bytes)
    if len(data) > max_bytes:  # grew since stat
        raise DataError(f"file is over the {max_bytes:,}-byte limit (raise it with --max-bytes)", path)
    if b"\x00" in data:
        hint = " (UTF-16? save it as UTF-8)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise DataError(f"binary file (contains NUL bytes){hint}; articles must be text", path)
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if sample.startswith(_MAGIC) or controls > max(3, len(sample) // 20):
        raise DataError(
            "binary file (not text: control bytes or a binary file signature); articles must be text", path
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        warnings.warn(
            f"{path}: not valid UTF-8 (byte {exc.start}, line {line}); decoded as cp1252",
            CorpusWarning,
            stacklevel=3,
        )
        # keep a UTF-8 BOM as one (deleted) character rather than three letters of mojibake
        bom = "\ufeff" if data.startswith(_UTF8_BOM) else ""
        body = data[len(_UTF8_BOM) :] if bom else data
        return bom + body.decode("cp1252", errors="replace"), "cp1252"


def load_document(
    path: Path,
    meta: dict[str, str] | None = None,
    max_bytes: int = MAX_BYTES,
    manifest_line: int | None = None,
    manifest_path: Path | None = None,
) -> Document:
    """One article with its metadata; the date comes from the manifest, else a ``date`` header line."""
    path = Path(path)
    _check_name(path)
    meta = dict(meta or {})
    raw, encoding = read_article(path, max_bytes)
    expected = (meta.get("sha256") or "").strip().lower()
    if expected:
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            raise DataError(
                f"{path.name} does not match its recorded sha256 ({actual[:12]}… vs {expected[:12]}…): the article "
                "changed; if that is intended, record the new checksum",
                manifest_path or path,
                manifest_line,
                "sha256",
            )
    text, offsets = normalise(raw)
    if not text.strip():
        warnings.warn(f"{path}: empty file; kept with no text", CorpusWarning, stacklevel=2)
    doc = Document(
        file=path.name,
        path=path,
        raw=raw,
        text=text,
        offsets=offsets,
        doc_id=meta.get("doc_id") or path.stem,
        meta=meta,
        encoding=encoding,
    )
    header = _HEADER.match(text)
    if header:
        doc.body_start = header.end()
    if meta.get("published"):
        doc.published, precision = parse_published(meta["published"], manifest_path or path, manifest_line)
        doc.published_precision = meta.get("published_precision") or precision
    elif header:
        doc.published, doc.published_precision = parse_published(header.group(1), path, 1, "date header")
        doc.meta.setdefault("published_evidence", "date header line in the file")
    else:
        warnings.warn(
            f"{path}: no publication date (no manifest date, no 'date YYYY-MM-DD' header); "
            "relative dates in it stay unresolved",
            CorpusWarning,
            stacklevel=2,
        )
    if doc.published_precision not in PRECISIONS:
        raise DataError(
            f"published_precision must be one of {', '.join(PRECISIONS)}",
            manifest_path or path,
            manifest_line,
            "published_precision",
        )
    doc.meta["published"] = doc.published.isoformat() if doc.published else ""
    doc.meta["published_precision"] = doc.published_precision
    doc.meta.setdefault("language", "")
    if not doc.meta["language"]:
        doc.meta["language"] = detect_language(text)
    doc.meta["doc_id"] = doc.doc_id
    doc.meta["file"] = doc.file
    return doc


def read_manifest(path: Path, folder: Path | None = None) -> dict[str, tuple[int, dict[str, str]]]:
    """Manifest rows by file name, checked for missing files, duplicate ids and bad dates.

    ``file`` is the only required column; any others are kept. Files are looked up in ``folder``
    (default: the manifest's own folder).
    """
    path = Path(path)
    folder = Path(folder) if folder is not None else path.parent
    if not path.exists():
        raise DataError("manifest not found", path)
    if not path.is_file():
        raise DataError("manifest is not a regular file", path)
    try:
        rows = read_rows(path, required=("file",))
    except OSError as exc:
        raise DataError(f"cannot read manifest: {exc.strerror or exc}", path) from None
    by_file: dict[str, tuple[int, dict[str, str]]] = {}
    ids: dict[str, int] = {}
    for line, row in rows:
        name = row["file"]
        if not name:
            raise DataError("empty file name", path, line, "file")
        if name in (".", "..") or "/" in name or "\\" in name:
            raise DataError(
                f"file {name!r} must be a plain file name in {folder}, not a path", path, line, "file"
            )
        if name in by_file:
            raise DataError(f"duplicate file {name!r} (first on line {by_file[name][0]})", path, line, "file")
        if not (folder / name).is_file():
            raise DataError(f"file {name!r} does not exist in {folder}", path, line, "file")
        doc_id = row.get("doc_id") or Path(name).stem
        if doc_id in ids:
            raise DataError(
                f"duplicate doc_id {doc_id!r} (first on line {ids[doc_id]})", path, line, "doc_id"
            )
        ids[doc_id] = line
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", doc_id):
            raise DataError(
                f"doc_id {doc_id!r} may hold only letters, digits, '.', '_' and '-' (it is part of every "
                "mention's id)",
                path,
                line,
                "doc_id",
            )
        if row.get("language") and row["language"] not in LANGUAGES:
            raise DataError(
                f"language {row['language']!r} must be one of {', '.join(LANGUAGES)}", path, line, "language"
            )
        if row.get("published"):
            _, precision = parse_published(row["published"], path, line)
            stated = row.get("published_precision")
            if stated and stated in PRECISIONS and PRECISIONS.index(stated) < PRECISIONS.index(precision):
                raise DataError(
                    f"published_precision {stated!r} is finer than the date {row['published']!r}",
                    path,
                    line,
                    "published_precision",
                )
        if row.get("published_precision") and row["published_precision"] not in PRECISIONS:
            raise DataError(
                f"published_precision {row['published_precision']!r} must be one of {', '.join(PRECISIONS)}",
                path,
                line,
                "published_precision",
            )
        by_file[name] = (line, row)
    return by_file


@dataclass(frozen=True, eq=False)
class Source:
    """An article to load: its path and manifest row, found without reading the text (so a corpus can be
    planned in one process and read and extracted in others, a document at a time)."""

    path: Path
    meta: dict[str, str] | None = None
    line: int | None = None  # the manifest line of ``meta``
    manifest: Path | None = None  # the manifest errors about this article name

    @property
    def doc_id(self) -> str:
        return (self.meta or {}).get("doc_id") or self.path.stem

    def load(self, max_bytes: int = MAX_BYTES) -> Document:
        return load_document(self.path, self.meta, max_bytes, self.line, self.manifest)


def plan_corpus(folder: Path, manifest: Path | None = None, max_bytes: int = MAX_BYTES) -> list[Source]:
    """The articles of :func:`load_corpus`, in its order, with their manifest rows, checked for duplicate
    ids; the texts are not read."""
    folder = Path(folder)
    _check_max_bytes(max_bytes)
    if not _is_folder(folder):
        raise _path_error(folder, "folder")
    if manifest is not None:  # given explicitly: it must exist; its files are looked up in ``folder``
        manifest = Path(manifest)
        rows = read_manifest(manifest, folder)
    else:
        manifest = folder / MANIFEST
        has_manifest = manifest.exists()
        rows = read_manifest(manifest, folder) if has_manifest else {}
        if not has_manifest:
            warnings.warn(
                f"{folder}: no {MANIFEST}; metadata (outlet, date, ...) from the files only",
                CorpusWarning,
                stacklevel=2,
            )
    paths = _txt_files(folder)
    names = {p.name for p in paths}
    for name, (line, _row) in sorted(rows.items(), key=lambda kv: kv[1][0]):
        if name not in names:
            warnings.warn(
                f"{manifest} (line {line}, field 'file'): {name!r} is not a .txt article; row ignored",
                CorpusWarning,
                stacklevel=2,
            )
    sources = []
    seen: dict[str, str] = {}
    for path in paths:
        line, meta = rows.get(path.name, (None, None))
        if meta is None and manifest.exists():
            warnings.warn(
                f"{path}: no row in {manifest}; metadata from the file only", CorpusWarning, stacklevel=2
            )
        source = Source(path, meta, line, manifest)
        if source.doc_id in seen:
            raise DataError(
                f"duplicate doc_id {source.doc_id!r} (also {seen[source.doc_id]})",
                manifest if line is not None else path,
                line,
                "doc_id",
            )
        seen[source.doc_id] = path.name
        sources.append(source)
    return sources


def load_corpus(folder: Path, manifest: Path | None = None, max_bytes: int = MAX_BYTES) -> list[Document]:
    """Every ``.txt`` in ``folder`` (sorted by name), with metadata from the manifest where it has a row."""
    return [source.load(max_bytes) for source in plan_corpus(folder, manifest, max_bytes)]


def plan_paths(paths: list[Path], manifest: Path | None = None, max_bytes: int = MAX_BYTES) -> list[Source]:
    """The articles of :func:`load_paths`, in its order, each once, checked for duplicate ids; the texts are
    not read."""
    _check_max_bytes(max_bytes)
    sources: list[Source] = []
    explicit = read_manifest(manifest) if manifest else {}
    for p in paths:
        p = _existing(Path(p))
        if p.is_dir():
            sources.extend(plan_corpus(p, manifest, max_bytes))
        elif p.is_file():
            own = p.parent / MANIFEST
            rows = explicit or (read_manifest(own) if own.is_file() else {})
            line, meta = rows.get(p.name, (None, None))
            sources.append(Source(p, meta, line, manifest or own))
        else:
            raise _path_error(p)
    unique: dict[Path, Source] = {}
    for s in sources:  # the same file named twice (or inside a folder also named) is read once
        unique.setdefault(Path(s.path).resolve(), s)
    sources = list(unique.values())
    seen: dict[str, str] = {}
    for s in sources:
        if s.doc_id in seen and seen[s.doc_id] != str(s.path):
            raise DataError(f"duplicate doc_id {s.doc_id!r} (also {seen[s.doc_id]})", s.path, None, "doc_id")
        seen[s.doc_id] = str(s.path)
    return sources


def load_paths(paths: list[Path], manifest: Path | None = None, max_bytes: int = MAX_BYTES) -> list[Document]:
    """Articles from files and folders; a folder's own manifest applies unless ``manifest`` is given."""
    return [source.load(max_bytes) for source in plan_paths(paths, manifest, max_bytes)]
