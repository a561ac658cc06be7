"""Issue 2: the seed corpus, loading any folder in its format, exact offsets and clear errors on bad input."""

from __future__ import annotations

import csv
import hashlib
import os
import random
import re
import shutil
import warnings
from datetime import date, timedelta
from pathlib import Path

import pytest

from analysis.common.errors import DataError, UsageError
from analysis.corpus import language
from analysis.corpus import normalise as normalise_module
from analysis.corpus.loading import (
    MAX_BYTES,
    CorpusWarning,
    Document,
    OffsetMap,
    detect_language,
    load_corpus,
    load_document,
    load_paths,
    normalise,
    parse_published,
    read_manifest,
)
from analysis.tables import corpus_table

SEED_FILES = [
    "000_b63c0b02ec8bcf88.txt",
    "001_88accbfebe5ba4a8.txt",
    "002_efff323ac530a1c5.txt",
    "003_ebf5511c89ae4abc.txt",
    "004_9f52e88a6f15e691.txt",
]
SEED_DATES = {
    "jpost-lasso-office": "2022-05-12",
    "jpost-herzog-lasso": "2022-05-11",
    "riotimes-noboa-visit": "2025-05-05",
    "jns-caucus": "2025-06-09",
    "rhc-jarrin-training": "2019-09-17",
}
MANIFEST_COLUMNS = [
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
]
ARTICLE = "Ecuador and Israel signed a security agreement in Quito on Monday, the ministry said.\n"


def _seed_rows(seeds_dir: Path) -> list[dict[str, str]]:
    with open(seeds_dir / "manifest.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _load_quietly(folder: Path, **kwargs) -> list[Document]:
    """Load, failing the test on any warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return load_corpus(folder, **kwargs)


def _data_error(fn, *args, **kwargs) -> DataError:
    with pytest.raises(DataError) as info:
        fn(*args, **kwargs)
    return info.value


def _assert_clean_failure(result, code: int, *needles: str) -> None:
    assert result.code == code, (result.code, result.err)
    assert "Traceback" not in result.err + result.out
    for needle in needles:
        assert needle in result.err, (needle, result.err)


# --------------------------------------------------------------------------------------------- seeds


def test_seed_manifest_has_the_documented_columns_and_one_row_per_txt(seeds_dir):
    with open(seeds_dir / "manifest.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert set(MANIFEST_COLUMNS) <= set(header)
    assert "sha256" in header
    rows = _seed_rows(seeds_dir)
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in seeds_dir.glob("*.txt")) == SEED_FILES
    assert len({r["doc_id"] for r in rows}) == len(rows) == 5


@pytest.mark.parametrize("name", SEED_FILES)
def test_seed_file_is_byte_identical_to_the_original_by_sha256(seeds_dir, name):
    expected = {r["file"]: r["sha256"] for r in _seed_rows(seeds_dir)}[name]
    assert len(expected) == 64
    assert hashlib.sha256((seeds_dir / name).read_bytes()).hexdigest() == expected


def test_seed_corpus_loads_without_warnings_with_manifest_metadata(seeds_dir):
    docs = _load_quietly(seeds_dir)
    assert [d.file for d in docs] == SEED_FILES
    assert {d.doc_id: d.meta["published"] for d in docs} == SEED_DATES
    for d in docs:
        assert d.published == date.fromisoformat(SEED_DATES[d.doc_id])
        assert d.published_precision == "day"
        assert d.language == "en"
        assert d.encoding == "utf-8"
        assert d.meta["outlet"] and d.meta["perspective"]
        assert len(d.meta["sha256"]) == 64  # the extra column is kept
        assert d.words > 300
        assert normalise(d.raw)[0] == d.text


def test_seed_002_header_line_gives_the_date_and_the_body_start_without_a_manifest(tmp_path, seeds_dir):
    shutil.copy(seeds_dir / SEED_FILES[2], tmp_path)
    doc = load_document(tmp_path / SEED_FILES[2])
    assert doc.published == date(2025, 5, 5)
    assert doc.published_precision == "day"
    assert doc.text[doc.body_start :].lstrip().startswith("Ecuador And Israel Cement Security Alliance")
    assert "403" not in doc.text[doc.body_start :].split("\n", 1)[0]


def test_seed_003_header_with_the_body_on_the_same_line_gives_the_date(tmp_path, seeds_dir):
    shutil.copy(seeds_dir / SEED_FILES[3], tmp_path)
    doc = load_document(tmp_path / SEED_FILES[3])
    assert doc.published == date(2025, 6, 9)
    assert doc.text[doc.body_start :].lstrip().startswith("The Ecuadorian National Assembly")


def test_seed_folder_without_manifest_dates_only_the_header_files_and_warns_for_the_rest(tmp_path, seeds_dir):
    for name in SEED_FILES:
        shutil.copy(seeds_dir / name, tmp_path)
    with pytest.warns(CorpusWarning) as record:
        docs = load_corpus(tmp_path)
    published = {d.file: d.published for d in docs}
    assert published == {
        SEED_FILES[0]: None,
        SEED_FILES[1]: None,
        SEED_FILES[2]: date(2025, 5, 5),
        SEED_FILES[3]: date(2025, 6, 9),
        SEED_FILES[4]: None,
    }
    messages = " ".join(str(w.message) for w in record)
    for name in (SEED_FILES[0], SEED_FILES[1], SEED_FILES[4]):
        assert f"{name}: no publication date" in messages
    assert "no manifest.csv" in messages


# ------------------------------------------------------------------------------- folder format


def test_manifest_with_only_the_file_column_loads_with_defaults(make_corpus):
    folder = make_corpus({"a.txt": "date 2024-03-01\n" + ARTICLE}, "file\na.txt\n")
    [doc] = _load_quietly(folder)
    assert doc.doc_id == "a"
    assert doc.published == date(2024, 3, 1)
    assert doc.meta.get("outlet", "") == ""
    assert doc.language == "en"
    row = corpus_table([doc]).iloc[0].to_dict()
    assert row == {
        "doc_id": "a",
        "outlet": "",
        "published": "2024-03-01",
        "words": doc.words,
        "language": "en",
        "perspective": "",
    }


def test_manifest_unknown_extra_columns_are_kept_in_meta(make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE}, "file,doc_id,published,reviewer,notes\na.txt,x1,2023-01-02,ana,checked twice\n"
    )
    [doc] = _load_quietly(folder)
    assert doc.doc_id == "x1"
    assert doc.meta["reviewer"] == "ana"
    assert doc.meta["notes"] == "checked twice"
    assert doc.published == date(2023, 1, 2)


def test_manifest_columns_may_come_in_any_order(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "outlet,published,file\nEl Universo,2021-07,a.txt\n")
    [doc] = _load_quietly(folder)
    assert (doc.meta["outlet"], doc.published, doc.published_precision) == (
        "El Universo",
        date(2021, 7, 1),
        "month",
    )


def test_manifest_year_precision_and_explicit_precision_are_kept(make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE, "b.txt": ARTICLE},
        "file,published,published_precision\na.txt,2020,\nb.txt,2010-01-01,decade\n",
    )
    a, b = _load_quietly(folder)
    assert (a.published, a.published_precision) == (date(2020, 1, 1), "year")
    assert (b.published, b.published_precision) == (date(2010, 1, 1), "decade")


def test_manifest_language_column_overrides_detection(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file,published,language\na.txt,2020-01-01,es\n")
    [doc] = _load_quietly(folder)
    assert doc.language == "es"


def test_language_is_detected_when_the_manifest_has_none(make_corpus):
    spanish = (
        "El presidente de Ecuador visitó la embajada de Israel y se reunió con los ministros del gobierno.\n"
    )
    folder = make_corpus(
        {"a.txt": spanish, "b.txt": ARTICLE}, "file,published\na.txt,2020-01-01\nb.txt,2020-01-01\n"
    )
    a, b = _load_quietly(folder)
    assert (a.language, b.language) == ("es", "en")
    assert detect_language("") == "und"


def test_language_counts_whole_words_of_spanish_and_english_letters_only() -> None:
    """Words are runs of a-z and áéíóúñü after lower-casing, whatever else is around them."""

    def reference(text: str) -> str:
        words = re.findall(r"[a-záéíóúñü]+", text[:20000].lower())
        en = sum(w in language._EN for w in words)
        es = sum(w in language._ES for w in words)
        return "und" if en == es == 0 else "es" if es > en else "en"

    rng = random.Random(11)
    alphabet = [*"the la de y a en ÁÉÍ ñü ßİ\u212a\u0130çàº 2_ .,-\n", "\U0001f600", "\u4e2d"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert detect_language(text) == reference(text), text
    assert detect_language("the2 la_ the-the ÉL é l") == reference("the2 la_ the-the ÉL é l")


def test_manifest_date_takes_precedence_over_the_header_line(make_corpus):
    folder = make_corpus({"a.txt": "date 2024-03-01\n" + ARTICLE}, "file,published\na.txt,2024-02-28\n")
    [doc] = _load_quietly(folder)
    assert doc.published == date(2024, 2, 28)


def test_manifest_row_without_a_date_falls_back_to_the_header_line(make_corpus):
    folder = make_corpus({"a.txt": "  date 2024-03-01 77\n" + ARTICLE}, "file,published\na.txt,\n")
    [doc] = _load_quietly(folder)
    assert doc.published == date(2024, 3, 1)
    assert doc.text[doc.body_start :].strip().startswith("Ecuador and Israel")


def test_header_line_after_a_bom_and_crlf_still_gives_the_date(make_corpus):
    folder = make_corpus({"a.txt": b"\xef\xbb\xbfdate 2024-03-01\r\n" + ARTICLE.encode()}, "file\na.txt\n")
    [doc] = _load_quietly(folder)
    assert doc.published == date(2024, 3, 1)


def test_txt_without_a_manifest_row_is_a_warning_naming_the_file(make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE, "b.txt": "date 2020-02-02\n" + ARTICLE}, "file,published\na.txt,2020-01-01\n"
    )
    with pytest.warns(CorpusWarning, match=r"b\.txt: no row in .*manifest\.csv"):
        docs = load_corpus(folder)
    assert [d.doc_id for d in docs] == ["a", "b"]


def test_txt_without_a_row_in_a_header_only_manifest_is_a_warning(make_corpus):
    folder = make_corpus({"a.txt": "date 2020-01-01\n" + ARTICLE}, "file,published\n")
    with pytest.warns(CorpusWarning, match=r"a\.txt: no row in"):
        [doc] = load_corpus(folder)
    assert doc.published == date(2020, 1, 1)


def test_document_without_any_date_warns_and_keeps_the_date_unknown(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file,outlet\na.txt,El Comercio\n")
    with pytest.warns(CorpusWarning, match=r"a\.txt: no publication date"):
        [doc] = load_corpus(folder)
    assert doc.published is None
    assert doc.published_precision == "unknown"
    assert doc.meta["published"] == ""


def test_folder_without_a_manifest_loads_every_txt_with_a_warning(make_corpus):
    folder = make_corpus({"b.txt": "date 2020-01-02\n" + ARTICLE, "a.txt": "date 2020-01-01\n" + ARTICLE})
    with pytest.warns(CorpusWarning, match="no manifest.csv"):
        docs = load_corpus(folder)
    assert [(d.doc_id, d.published) for d in docs] == [("a", date(2020, 1, 1)), ("b", date(2020, 1, 2))]


def test_only_txt_files_are_articles_and_a_folder_named_txt_is_skipped(make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE, "notes.md": "# notes", "a.txt.bak": "old"}, "file,published\na.txt,2020-01-01\n"
    )
    (folder / "sub.txt").mkdir()
    [doc] = _load_quietly(folder)
    assert doc.file == "a.txt"


def test_manifest_row_for_a_file_that_is_not_a_txt_article_is_a_warning_naming_the_line(make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE, "notes.md": "# notes"}, "file,published\na.txt,2020-01-01\nnotes.md,2020-01-01\n"
    )
    with pytest.warns(CorpusWarning, match=r"manifest\.csv \(line 3, field 'file'\): 'notes\.md'"):
        load_corpus(folder)


def test_explicit_manifest_elsewhere_describes_the_files_of_the_corpus_folder(make_corpus, tmp_path):
    folder = make_corpus({"a.txt": ARTICLE})
    manifest = tmp_path / "meta.csv"
    manifest.write_text("file,doc_id,published\na.txt,alpha,2020-05-05\n", encoding="utf-8")
    [doc] = _load_quietly(folder, manifest=manifest)
    assert (doc.doc_id, doc.published) == ("alpha", date(2020, 5, 5))


def test_explicit_manifest_that_does_not_exist_is_an_error_naming_it(make_corpus, tmp_path):
    folder = make_corpus({"a.txt": ARTICLE})
    err = _data_error(load_corpus, folder, tmp_path / "nope.csv")
    assert "nope.csv" in str(err) and "not found" in str(err)


def test_load_paths_reads_single_files_with_their_folders_manifest(seeds_dir):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = load_paths([seeds_dir / SEED_FILES[4], seeds_dir / SEED_FILES[0]])
    assert [d.doc_id for d in docs] == ["rhc-jarrin-training", "jpost-lasso-office"]


def test_load_paths_missing_path_is_an_error_naming_it(tmp_path):
    err = _data_error(load_paths, [tmp_path / "gone.txt"])
    assert "gone.txt" in str(err)


# ------------------------------------------------------------------------------ normalisation


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("\ufeffHola", "Hola"),
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb", "a\nb"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\u00a0b\u2009c\u202fd\te\u3000f", "a b c d e f"),
        ("\u201cQuote\u201d and \u2018single\u2019", "\"Quote\" and 'single'"),
        ("zero\u200bwidth\u200c\u200d\u2060soft\u00adhyphen", "zerowidthsofthyphen"),
        (
            "costs \\$30 and \\*bold\\* \\_x\\_ \\# \\[a\\] 1\\. \\- \\!",
            "costs $30 and *bold* _x_ # [a] 1. - !",
        ),
        ("C:\\Users and \\n stay", "C:\\Users and \\n stay"),
        ("\\\\$", "\\$"),
        ("line\u2028sep\u2029para", "line\nsep\npara"),
        ("", ""),
    ],
)
def test_normalise_cleans_bom_crlf_odd_spaces_quotes_zero_width_and_markdown_escapes(raw, text):
    got, offsets = normalise(raw)
    assert got == text
    assert isinstance(offsets, OffsetMap)


# Pieces of original text and what each normalises to: plain text maps 1:1, a replacement maps one
# character to one, a deletion to nothing, and a CRLF or a markdown escape keeps only its second character.
_PLAIN = [
    "Ecuador",
    "Israel",
    "Noboa",
    "Holguín",
    "año",
    "a",
    " ",
    "\n",
    "1",
    ".",
    ",",
    "$30",
    "-",
    "🇪🇨",
    "é",
    "…",
]
_REPLACED = [
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u2003", " "),
    ("\t", " "),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u2028", "\n"),
]
_DELETED = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad"]
_PAIRS = [("\r\n", "\n"), ("\\$", "$"), ("\\*", "*"), ("\\_", "_"), ("\\#", "#"), ("\\[", "["), ("\\.", ".")]


def _random_pieces(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """``n`` random (original, normalised) pieces, sometimes after a BOM."""
    pieces = [("\ufeff", "")] if rng.random() < 0.5 else []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.45:
            plain = rng.choice(_PLAIN)
            pieces.append((plain, plain))
        elif kind < 0.7:
            pieces.append(rng.choice(_REPLACED))
        elif kind < 0.85:
            pieces.append((rng.choice(_DELETED), ""))
        else:
            pieces.append(rng.choice(_PAIRS))
    return pieces


def _compose(pieces: list[tuple[str, str]]) -> tuple[str, str, list[int]]:
    """The original text, its expected normalisation, and the original index of every normalised character."""
    raw, text, where = [], [], []
    pos = 0
    for old, new in pieces:
        raw.append(old)
        text.append(new)
        if old == new:
            where.extend(range(pos, pos + len(old)))
        elif new:  # one character replaced 1:1, or the second of a pair kept
            where.append(pos + len(old) - 1)
        pos += len(old)
    return "".join(raw), "".join(text), where


def _check_random_spans(
    doc_raw: str, doc_text: str, span, where: list[int], rng: random.Random, k: int
) -> None:
    n = len(doc_text)
    for _ in range(k):
        a = rng.randint(0, n)
        b = rng.randint(a, n)
        s, e = span(a, b)
        if a == b:
            assert doc_raw[s:e] == ""
            continue
        assert (s, e) == (where[a], where[b - 1] + 1), (a, b)
        # the original slice holds exactly the span's characters plus anything deleted inside it
        assert normalise(doc_raw[s:e])[0] == doc_text[a:b]


@pytest.mark.parametrize("seed", range(60))
def test_offsets_map_every_random_span_back_to_its_original_text(seed):
    rng = random.Random(seed)
    raw, expected, where = _compose(_random_pieces(rng, rng.randint(0, 400)))
    text, offsets = normalise(raw)
    assert text == expected
    doc = Document(file="x.txt", path=Path("x.txt"), raw=raw, text=text, offsets=offsets, doc_id="x")
    _check_random_spans(raw, text, doc.span, where, rng, 300)


@pytest.mark.parametrize("seed", range(15))
def test_offsets_are_exact_in_files_mixing_bom_crlf_and_nbsp(tmp_path, seed):
    rng = random.Random(1000 + seed)
    pieces = [("\ufeff", ""), *_random_pieces(rng, 300), ("\r\n", "\n"), ("\u00a0", " "), ("end", "end")]
    pieces += [("\r\n", "\n")] * 2
    raw, expected, where = _compose(pieces)
    assert raw.startswith("\ufeff") and "\r\n" in raw and "\u00a0" in raw
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw.encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)  # no date: not what this test is about
        doc = load_document(path)
    assert doc.raw == path.read_bytes().decode("utf-8")
    assert doc.text == expected
    _check_random_spans(doc.raw, doc.text, doc.span, where, rng, 300)


@pytest.mark.parametrize("name", SEED_FILES)
def test_offsets_map_random_spans_of_each_seed_back_to_the_original_file(seeds_dir, name):
    [doc] = load_paths([seeds_dir / name])
    rng = random.Random(name)
    n = len(doc.text)
    for _ in range(500):
        a = rng.randint(0, n - 1)
        b = rng.randint(a + 1, min(n, a + 400))
        s, e = doc.span(a, b)
        original = doc.raw[s:e]
        assert normalise(original)[0] == doc.text[a:b]
        assert normalise(doc.raw[s : s + 1])[0] == doc.text[a]  # starts on the span's first character


def test_seed_004_markdown_dollar_escape_points_at_the_original_backslash_text(seeds_dir):
    [doc] = load_paths([seeds_dir / SEED_FILES[4]])
    i = doc.text.index("$")
    assert "\\$" in doc.raw
    s, e = doc.span(i, i + 3)
    assert doc.raw[s:e] == doc.text[i : i + 3]
    assert doc.raw[s - 1] == "\\"


def test_span_of_an_empty_range_is_empty_and_outside_the_text_is_an_error():
    text, offsets = normalise("\ufeffab\u200bc")
    doc = Document(
        file="x.txt", path=Path("x.txt"), raw="\ufeffab\u200bc", text=text, offsets=offsets, doc_id="x"
    )
    for i in range(len(text) + 1):
        s, e = doc.span(i, i)
        assert s == e
    assert doc.raw[slice(*doc.span(0, 3))] == "ab\u200bc"
    with pytest.raises(IndexError):
        doc.span(0, 4)
    with pytest.raises(IndexError):
        doc.span(2, 1)


def test_text_that_normalisation_cannot_change_skips_it_and_any_that_it_can_goes_through_it():
    """The quick check (no scan for ASCII text, one scan otherwise) never waves through a character that
    would be deleted or replaced."""
    rng = random.Random(13)
    alphabet = [*normalise_module._TOUCHED, *"ab \n.$*-\u2013\u00e9"]
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if normalise_module._DELETE.search(s) or normalise_module._REPLACED.search(s):
            assert normalise_module._touched(s), repr(s)
        if not normalise_module._touched(s):
            assert normalise(s)[0] is s


# ------------------------------------------------------------------------------------------ CLI


def test_cli_corpus_prints_all_five_seeds_with_their_dates(run_cli, seeds_dir):
    result = run_cli("corpus", seeds_dir)
    assert result.code == 0, result.err
    header = result.out.splitlines()[0].split()
    assert header == ["doc_id", "outlet", "published", "words", "language", "perspective"]
    for doc_id, published in SEED_DATES.items():
        [line] = [ln for ln in result.out.splitlines() if doc_id in ln]
        assert published in line
        assert " en " in line
    assert "The Jerusalem Post" in result.out and "Radio Habana Cuba" in result.out
    assert "warning" not in result.err


def test_cli_corpus_defaults_to_the_seed_folder(run_cli):
    result = run_cli("corpus")
    assert result.code == 0
    assert all(doc_id in result.out for doc_id in SEED_DATES)


def test_cli_corpus_with_explicit_manifest_option(run_cli, make_corpus, tmp_path):
    folder = make_corpus({"a.txt": ARTICLE})
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,doc_id,outlet,published\na.txt,alpha,Primicias,2021-11-30\n", encoding="utf-8")
    result = run_cli("corpus", folder, "--manifest", manifest)
    assert result.code == 0, result.err
    assert "alpha" in result.out and "Primicias" in result.out and "2021-11-30" in result.out


def test_cli_unknown_option_is_a_usage_error_exit_2(run_cli, seeds_dir):
    result = run_cli("corpus", seeds_dir, "--no-such-option")
    _assert_clean_failure(result, 2, "usage error", "--no-such-option")


def test_cli_unknown_subcommand_is_a_usage_error_exit_2(run_cli):
    _assert_clean_failure(run_cli("corpse"), 2, "usage error")


@pytest.mark.parametrize("value", ["ten", "1.5", "0", "-1"])
def test_cli_bad_max_bytes_value_is_a_usage_error_exit_2(run_cli, seeds_dir, value):
    _assert_clean_failure(run_cli("corpus", seeds_dir, f"--max-bytes={value}"), 2, "max-bytes")


def test_non_positive_max_bytes_is_a_usage_error_from_the_library(seeds_dir):
    with pytest.raises(UsageError):
        load_corpus(seeds_dir, max_bytes=0)


def test_cli_missing_folder_is_a_data_error_naming_it(run_cli, tmp_path):
    _assert_clean_failure(run_cli("corpus", tmp_path / "absent"), 1, "absent", "no such folder")


# ------------------------------------------------------------------------------- bad articles


def test_empty_file_is_a_warning_and_the_document_is_kept_with_no_text(make_corpus):
    folder = make_corpus(
        {"a.txt": "", "b.txt": ARTICLE}, "file,published\na.txt,2020-01-01\nb.txt,2020-01-01\n"
    )
    with pytest.warns(CorpusWarning, match=r"a\.txt: empty file"):
        a, b = load_corpus(folder)
    assert (a.doc_id, a.text, a.raw, a.words) == ("a", "", "", 0)
    assert b.words > 0


def test_whitespace_only_file_is_reported_as_empty(make_corpus):
    folder = make_corpus({"a.txt": "\ufeff \r\n\u00a0\t\n"}, "file,published\na.txt,2020-01-01\n")
    with pytest.warns(CorpusWarning, match=r"a\.txt: empty file"):
        [doc] = load_corpus(folder)
    assert doc.text.strip() == ""


def test_cli_empty_file_prints_the_table_and_a_warning_naming_the_file(run_cli, make_corpus):
    folder = make_corpus({"empty.txt": ""}, "file,published\nempty.txt,2020-01-01\n")
    result = run_cli("corpus", folder)
    assert result.code == 0
    assert "empty" in result.out
    assert "warning:" in result.err and "empty.txt" in result.err and "Traceback" not in result.err


def test_file_with_nul_bytes_is_an_error_naming_the_file(make_corpus):
    folder = make_corpus({"a.txt": b"Ecuador\x00Israel"}, "file\na.txt\n")
    err = _data_error(load_corpus, folder)
    assert err.file.endswith("a.txt")
    assert "binary" in str(err) and "a.txt" in str(err)


def test_utf16_file_is_an_error_that_suggests_utf8(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE.encode("utf-16")}, "file\na.txt\n")
    err = _data_error(load_corpus, folder)
    assert "a.txt" in str(err) and "UTF-16" in str(err)


@pytest.mark.parametrize(
    "payload",
    [
        random.Random(7).randbytes(4096).replace(b"\x00", b"\x01"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\x1f\x8b\x08\x08" + b"x" * 100,
    ],
    ids=["random-bytes-without-nul", "pdf", "gzip"],
)
def test_binary_file_without_nul_bytes_is_an_error_naming_the_file(make_corpus, payload):
    folder = make_corpus({"blob.txt": payload}, "file\nblob.txt\n")
    err = _data_error(load_corpus, folder)
    assert "blob.txt" in str(err) and "binary" in str(err)


def test_stray_control_character_in_text_is_not_taken_for_binary(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE + "\x1a\x07"}, "file,published\na.txt,2020-01-01\n")
    [doc] = _load_quietly(folder)
    assert doc.text.startswith("Ecuador")


def test_cli_binary_file_exits_1_naming_the_file(run_cli, make_corpus):
    folder = make_corpus(
        {"good.txt": ARTICLE, "bad.txt": b"\x00\x01\x02"},
        "file,published\ngood.txt,2020-01-01\nbad.txt,2020-01-01\n",
    )
    _assert_clean_failure(run_cli("corpus", folder), 1, "bad.txt", "binary")


def test_non_utf8_bytes_are_decoded_as_cp1252_with_a_warning_naming_the_file(make_corpus):
    data = "Canciller Holgu\xedn dijo \u201cs\xed\u201d \u2013 Jerusal\xe9n.\r\n".encode("cp1252")
    folder = make_corpus({"a.txt": data}, "file,published\na.txt,2020-01-01\n")
    with pytest.warns(CorpusWarning, match=r"a\.txt: not valid UTF-8 \(byte 15, line 1\); decoded as cp1252"):
        [doc] = load_corpus(folder)
    assert doc.encoding == "cp1252"
    assert doc.raw == data.decode("cp1252")
    assert doc.text == 'Canciller Holguín dijo "sí" – Jerusalén.\n'
    i = doc.text.index('"')
    assert doc.raw[slice(*doc.span(i, i + 4))] == "\u201cs\xed\u201d"


def test_non_utf8_file_with_a_utf8_bom_keeps_the_bom_out_of_the_text(make_corpus):
    data = b"\xef\xbb\xbf" + "Quito, a\xf1o 2020".encode("cp1252")
    folder = make_corpus({"a.txt": data}, "file,published\na.txt,2020-01-01\n")
    with pytest.warns(CorpusWarning, match="cp1252"):
        [doc] = load_corpus(folder)
    assert doc.text == "Quito, año 2020"
    assert doc.raw[slice(*doc.span(0, 5))] == "Quito"


def test_bytes_undefined_in_cp1252_never_crash(make_corpus):
    folder = make_corpus(
        {"a.txt": b"abc \x81\x8d\x8f\x90\x9d \xff def"}, "file,published\na.txt,2020-01-01\n"
    )
    with pytest.warns(CorpusWarning, match="cp1252"):
        [doc] = load_corpus(folder)
    assert doc.text.startswith("abc ") and doc.text.endswith(" def")


def test_cli_non_utf8_file_succeeds_with_a_warning_on_stderr(run_cli, make_corpus):
    folder = make_corpus(
        {"latin.txt": "Ecuador y Espa\xf1a".encode("cp1252")}, "file,published\nlatin.txt,2020-01-01\n"
    )
    result = run_cli("corpus", folder)
    assert result.code == 0
    assert "latin.txt" in result.err and "cp1252" in result.err and "Traceback" not in result.err


def test_bom_and_crlf_are_handled_silently_with_exact_offsets(make_corpus):
    raw = "\ufeffLasso\u00a0visited Jerusalem.\r\nHerzog welcomed him.\r\n"
    folder = make_corpus({"a.txt": raw}, "file,published\na.txt,2022-05-11\n")
    [doc] = _load_quietly(folder)
    assert doc.raw == raw
    assert doc.text == "Lasso visited Jerusalem.\nHerzog welcomed him.\n"
    i = doc.text.index("Herzog")
    assert doc.raw[slice(*doc.span(i, i + len("Herzog welcomed him.")))] == "Herzog welcomed him."
    assert doc.raw[slice(*doc.span(0, doc.text.index("\n") + 1))] == "Lasso\u00a0visited Jerusalem.\r\n"


def test_file_over_10_mb_is_an_error_naming_the_file_and_the_limit(make_corpus):
    folder = make_corpus({"small.txt": ARTICLE}, "file,published\nsmall.txt,2020-01-01\n")
    big = folder / "big.txt"
    with open(big, "wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_BYTES + 1)
    with pytest.warns(CorpusWarning, match=r"big\.txt: no row"):
        err = _data_error(load_corpus, folder)
    assert "big.txt" in str(err) and "10,000,000-byte limit" in str(err) and "--max-bytes" in str(err)


def test_max_bytes_limit_applies_and_can_be_raised_from_the_cli(run_cli, make_corpus):
    folder = make_corpus({"a.txt": ARTICLE * 30}, "file,published\na.txt,2020-01-01\n")
    size = (folder / "a.txt").stat().st_size
    _assert_clean_failure(run_cli("corpus", folder, "--max-bytes", size - 1), 1, "a.txt", "--max-bytes")
    result = run_cli("corpus", folder, "--max-bytes", size)
    assert result.code == 0, result.err


def test_text_file_just_over_the_default_limit_loads_when_max_bytes_is_raised(run_cli, make_corpus):
    body = ("Ecuador and Israel. " * (MAX_BYTES // 20 + 1)).encode()
    assert len(body) > MAX_BYTES
    folder = make_corpus({"big.txt": body}, "file,published\nbig.txt,2020-01-01\n")
    _assert_clean_failure(run_cli("corpus", folder), 1, "big.txt", "limit")
    result = run_cli("corpus", folder, "--max-bytes", 20_000_000)
    assert result.code == 0, result.err
    assert "big" in result.out


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can read any file")
def test_unreadable_file_is_an_error_naming_the_file(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file\na.txt\n")
    (folder / "a.txt").chmod(0)
    try:
        err = _data_error(load_corpus, folder)
    finally:
        (folder / "a.txt").chmod(0o644)
    assert "a.txt" in str(err)


# ------------------------------------------------------------------------------- bad manifests


def test_manifest_row_whose_file_is_missing_is_an_error_with_line_and_field(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file,published\na.txt,2020-01-01\nmissing.txt,2020-01-01\n")
    err = _data_error(load_corpus, folder)
    assert (err.line, err.field) == (3, "file")
    assert err.file.endswith("manifest.csv")
    assert "missing.txt" in str(err) and "line 3" in str(err)


def test_manifest_duplicate_doc_id_is_an_error_naming_the_line(make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE, "b.txt": ARTICLE},
        "file,doc_id,published\na.txt,same,2020-01-01\nb.txt,same,2020-01-02\n",
    )
    err = _data_error(load_corpus, folder)
    assert (err.line, err.field) == (3, "doc_id")
    assert "'same'" in str(err) and "first on line 2" in str(err)


def test_manifest_duplicate_file_is_an_error_naming_the_line(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file,doc_id\na.txt,one\na.txt,two\n")
    err = _data_error(load_corpus, folder)
    assert (err.line, err.field) == (3, "file")
    assert "duplicate file 'a.txt'" in str(err)


def test_doc_id_clashing_with_another_files_name_is_an_error(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE}, "file,doc_id,published\na.txt,b,2020-01-01\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        err = _data_error(load_corpus, folder)
    assert err.field == "doc_id" and "'b'" in str(err)


@pytest.mark.parametrize(
    "value", ["2022-02-30", "May 2022", "2022/05/01", "2022-13-01", "12/05/2022", "22-05-01", "２０２２"]
)
def test_manifest_malformed_or_impossible_date_is_an_error_with_line_and_field(make_corpus, value):
    folder = make_corpus(
        {"a.txt": ARTICLE, "b.txt": ARTICLE}, f'file,published\na.txt,2020-01-01\nb.txt,"{value}"\n'
    )
    err = _data_error(load_corpus, folder)
    assert (err.line, err.field) == (3, "published")
    assert repr(value) in str(err) and "manifest.csv (line 3, field 'published')" in str(err)


@pytest.mark.parametrize("future", [date.today() + timedelta(days=1), date(date.today().year + 1, 1, 1)])
def test_manifest_publication_date_in_the_future_is_an_error_with_line_and_field(make_corpus, future):
    folder = make_corpus({"a.txt": ARTICLE}, f"file,published\na.txt,{future.isoformat()}\n")
    err = _data_error(load_corpus, folder)
    assert (err.line, err.field) == (2, "published")
    assert "future" in str(err)


def test_publication_date_today_is_accepted():
    assert parse_published(date.today().isoformat(), "m.csv", 2) == (date.today(), "day")


def test_impossible_date_in_the_header_line_is_an_error_naming_the_file(make_corpus):
    folder = make_corpus({"a.txt": "date 2022-02-30\n" + ARTICLE}, "file\na.txt\n")
    err = _data_error(load_corpus, folder)
    assert err.file.endswith("a.txt") and err.line == 1 and err.field == "date header"


def test_manifest_bad_published_precision_is_an_error_with_line_and_field(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file,published,published_precision\na.txt,2020-01-01,week\n")
    err = _data_error(load_corpus, folder)
    assert (err.line, err.field) == (2, "published_precision")


def test_manifest_row_with_the_wrong_number_of_fields_is_an_error_naming_the_line(make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE, "b.txt": ARTICLE},
        "file,doc_id,published\na.txt,a,2020-01-01\nb.txt,b,2020-01-01,extra\n",
    )
    err = _data_error(load_corpus, folder)
    assert err.line == 3
    assert "malformed CSV row" in str(err) and "manifest.csv (line 3)" in str(err)


def test_manifest_row_with_too_few_fields_is_an_error_naming_the_line(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file,doc_id,published\na.txt\n")
    err = _data_error(load_corpus, folder)
    assert err.line == 2 and "malformed CSV row" in str(err)


def test_manifest_with_an_unclosed_quote_is_an_error_naming_the_file(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, 'file,title\na.txt,"never closed\n')
    err = _data_error(load_corpus, folder)
    assert err.file.endswith("manifest.csv") and err.line is not None


def test_manifest_without_a_file_column_is_an_error_naming_the_field(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "doc_id,published\na,2020-01-01\n")
    err = _data_error(load_corpus, folder)
    assert (err.line, err.field) == (1, "file")


def test_manifest_file_given_as_a_path_is_an_error_with_line_and_field(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file\nsub/a.txt\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    err = _data_error(read_manifest, folder / "manifest.csv")
    assert (err.line, err.field) == (2, "file")


def test_manifest_that_is_not_utf8_is_an_error_naming_it(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, "file,outlet\na.txt,Espa\xf1a\n".encode("cp1252"))
    err = _data_error(load_corpus, folder)
    assert err.file.endswith("manifest.csv") and "UTF-8" in str(err)


def test_manifest_with_a_bom_and_crlf_line_ends_is_read(make_corpus):
    folder = make_corpus({"a.txt": ARTICLE}, b"\xef\xbb\xbffile,published\r\na.txt,2020-01-01\r\n")
    [doc] = _load_quietly(folder)
    assert doc.published == date(2020, 1, 1)


@pytest.mark.parametrize(
    ("manifest", "needles"),
    [
        (
            "file,published\nmissing.txt,2020-01-01\n",
            ["manifest.csv", "line 2", "field 'file'", "missing.txt"],
        ),
        ("file,doc_id\na.txt,x\nb.txt,x\n", ["manifest.csv", "line 3", "field 'doc_id'"]),
        ("file\na.txt\na.txt\n", ["manifest.csv", "line 3", "field 'file'"]),
        ("file,published\na.txt,2022-02-30\n", ["manifest.csv", "line 2", "field 'published'", "2022-02-30"]),
        ("file,published\na.txt,May 2022\n", ["manifest.csv", "line 2", "field 'published'"]),
        ("file,published\na.txt,2022/05/01\n", ["manifest.csv", "line 2", "field 'published'"]),
        ("file,published\na.txt,2999-01-01\n", ["manifest.csv", "line 2", "field 'published'", "future"]),
        ("file,published\na.txt,2020-01-01,oops\n", ["manifest.csv", "line 2", "malformed CSV row"]),
    ],
    ids=[
        "missing-file",
        "duplicate-doc_id",
        "duplicate-file",
        "impossible-date",
        "month-name",
        "slashes",
        "future",
        "extra-field",
    ],
)
def test_cli_manifest_errors_exit_1_naming_file_line_and_field_without_traceback(
    run_cli, make_corpus, manifest, needles
):
    folder = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE}, manifest)
    result = run_cli("corpus", folder)
    _assert_clean_failure(result, 1, "alignment: error:", *needles)
    assert result.out == ""


def test_cli_txt_without_a_manifest_row_warns_on_stderr_and_exits_0(run_cli, make_corpus):
    folder = make_corpus(
        {"a.txt": ARTICLE, "orphan.txt": "date 2021-01-01\n" + ARTICLE}, "file,published\na.txt,2020-01-01\n"
    )
    result = run_cli("corpus", folder)
    assert result.code == 0
    assert "warning:" in result.err and "orphan.txt" in result.err and "no row" in result.err
    assert "2021-01-01" in result.out
