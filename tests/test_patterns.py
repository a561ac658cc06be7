"""The trigger pass (one Aho-Corasick scan per sentence) must give exactly the matches of the plain patterns."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest

from analysis.common import matching as patterns
from analysis.common.matching import (
    LowerPattern,
    finditer,
    finditer_each,
    lower,
    opening_literals,
    required_words,
    scan,
    search,
)
from analysis.common.paths import SEEDS
from analysis.corpus import sentences as text
from analysis.corpus.loading import load_corpus
from analysis.corpus.sentences import split_sentences
from analysis.extract import actors
from analysis.extract.dates import es as dates_es
from analysis.extract.dates import resolver as dates
from analysis.extract.rules import en as rules_en
from analysis.extract.rules import es as rules_es

TESTS = Path(__file__).parent


def _engine_patterns() -> list:
    """Every compiled pattern the extractor runs on a whole sentence."""
    out = []
    for R in (rules_en, rules_es):
        out += [rx for rules in R.RULES.values() for _, rx in rules]
        out += [v for v in vars(R).values() if isinstance(v, (LowerPattern, re.Pattern))]
    out += [rx for _, rx in dates.EN_PATTERNS]
    out += [rx.wraps for _, rx in dates_es.ES_PATTERNS]  # what the Spanish wrappers run
    out += [actors._compiled("en")[0], actors._compiled("es")[0]]
    out += [text._SEG_WORD]
    return out


def _sentences() -> list[str]:
    texts = []
    for folder in (SEEDS, TESTS / "gold" / "en_heldout", TESTS / "gold" / "es"):
        for doc in load_corpus(folder):
            texts += [s.text for s in split_sentences(doc.text, doc.body_start)]
    rng = random.Random(5)
    # the same sentences in capitals, after an emoji and a Kelvin sign, and glued to the previous word
    variants = [s.upper() for s in rng.sample(texts, 40)]
    variants += ["\U0001f1ee\U0001f1f1" + s for s in rng.sample(texts, 40)]
    variants += ["x" + s.replace(" ", "") for s in rng.sample(texts, 20)]
    variants += ["\u212a" + s.replace("k", "\u212a") for s in rng.sample(texts, 20)]
    return texts + variants


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return _sentences()


def test_opening_words_are_read_off_the_pattern() -> None:
    assert opening_literals(r"\b(?:visit(?:ed|s)?|trip)\s+to") == ("trip", "visit", "visited", "visits")
    # a top-level alternative is an opening too (a gate that missed it once hid "TLC")
    assert opening_literals(r"\b(?:tratado|acuerdo)\s+de\s+libre|\b(?-i:TLC)\b", re.I) == (
        "acuerdo",
        "tlc",
        "tratado",
    )
    # optional leading words and classes are spelled out
    assert opening_literals(r"\b(?:(?:last|this)\s+)?(?:Monday|[Ff]riday)\b") == (
        "friday",
        "last",
        "monday",
        "this",
    )
    # a pattern that can start with any digit or letter has no opening words: it is run as it is
    assert opening_literals(r"\d+\s+years?\s+ago") is None
    # an optional character is spelled out both ways ("U.N." and "UN"); a lone "u" would be too common
    assert opening_literals(r"\b(?:U\.?N\.?|United\s+Nations)") == ("u n", "un")  # "united" starts with "un"
    assert opening_literals(r"\b(?:U\.?|United\s+Nations)") is None


def test_finditer_and_search_match_the_plain_patterns_on_every_sentence(sentences: list[str]) -> None:
    rxs = _engine_patterns()
    assert sum(patterns.anchored(rx) for rx in rxs) > len(rxs) // 2  # the pass does stand in for most
    checked = 0
    for s in sentences:
        scan(s)
        scan(s)  # a second scan of the same string is harmless
        for rx in rxs:
            want = [m.span() for m in rx.finditer(s)]
            assert [m.span() for m in finditer(rx, s)] == want, (rx.pattern[:60], s[:80])
            first = rx.search(s)
            got = search(rx, s)
            assert (got and got.span()) == (first and first.span())
            if len(s) > 40:
                a, b = 10, len(s) - 10
                inner = rx.search(s, a, b)
                got = search(rx, s, a, b)
                assert (got and got.span()) == (inner and inner.span())
            checked += 1
    assert checked > 10_000


def test_finditer_each_is_finditer_over_each_pattern(sentences: list[str]) -> None:
    rxs = tuple(rx for rules in rules_en.RULES.values() for _, rx in rules)
    skip = [i % 3 == 0 for i in range(len(rxs))]
    for s in sentences[:200]:
        scan(s)
        want = [(i, m.span()) for i, rx in enumerate(rxs) if not skip[i] for m in rx.finditer(s)]
        assert [(i, m.span()) for i, m in finditer_each(rxs, s, skip)] == want


def test_required_words_are_read_off_the_whole_pattern() -> None:
    # a pattern that opens with a digit or a sign is gated on a word every match holds further on
    assert required_words(r"\d+\s+de\s+(?:mayo|junio)") == {"mayo", "junio"}
    assert required_words(r"\$\s?\d+\s+(?:weapons?|arms)\b") == {"weapon", "arms"}
    assert required_words(r"(?:en|a\s+lo\s+largo\s+de)\s+(?:el|los)\s+(?:últim[oa]s?)") == {
        "último",
        "última",
    }
    # inside a group every match goes through; an alternation needs a word from each of its options
    assert required_words(r"\d(?:\s+de\s+(?:mayo|junio))") == {"mayo", "junio"}
    assert required_words(r"\d+\s+(?:de\s+mayo|en\s+junio)") == {"mayo", "junio"}
    assert required_words(r"\d+\s*%") is None  # nothing but digits, spaces and signs


def test_a_gated_pattern_is_never_skipped_where_it_matches(sentences: list[str]) -> None:
    rxs = [rx for rx in _engine_patterns() if patterns.gated(rx)]
    wrappers = [rx for _, rx in dates_es.ES_PATTERNS]
    assert len(rxs) >= 7 and all(map(patterns.gated, wrappers))
    hits = 0
    for s in sentences:
        scan(s)
        for rx in rxs:
            if rx.search(s):
                hits += 1
                assert patterns.may_match((rx,), s), (rx.pattern[:60], s[:80])
        want = [(i, m.span()) for i, rx in enumerate(wrappers) for m in rx.wraps.finditer(s)]
        assert [(i, m.span()) for i, m in finditer_each(wrappers, s)] == want, s[:80]
    assert hits > 20


def test_a_string_that_was_not_scanned_uses_the_plain_pattern() -> None:
    rx = rules_en.SPEECH
    scan("An unrelated sentence that said nothing.")
    other = "The minister said the embassy would move."
    assert [m.span() for m in finditer(rx, other)] == [m.span() for m in rx.finditer(other)]
    assert search(rx, other).span() == rx.search(other).span()


def test_lower_case_is_length_preserving_and_agrees_with_ignorecase() -> None:
    text = "İstanbul \u212aelvin ſtate Straße ΣΑΣ"
    low = lower(text)
    assert len(low) == len(text)
    for word in ("istanbul", "kelvin", "state"):
        assert (LowerPattern(word).search(text) is None) == (re.search(word, text, re.I) is None)


def test_a_trigger_after_an_emoji_or_at_the_start_still_matches() -> None:
    mentions = actors.find_mentions("\U0001f1ee\U0001f1f1Israel and Ecuador signed.", "en")
    scan_text = "\U0001f1ee\U0001f1f1Israel and Ecuador signed."
    scan(scan_text)
    assert (
        [m.iso3 for m in actors.find_mentions(scan_text, "en")]
        == [m.iso3 for m in mentions]
        == ["ISR", "ECU"]
    )
    assert dates.find_dates("May 4, 2025: Noboa landed.", date(2025, 5, 6))[0].date == "2025-05-04"


def test_gazetteer_cut_by_first_letter_finds_what_the_whole_alternation_finds(sentences: list[str]) -> None:
    for lang in ("en", "es"):
        rx = actors._compiled(lang)[0]
        for s in sentences:
            scan(s)
            assert [m.span() for m in actors._matches(s, lang)] == [m.span() for m in rx.finditer(s)], s[:80]


def test_patterns_rewritten_for_speed_find_what_the_plain_originals_find(sentences: list[str]) -> None:
    """Sentence ends, deleted characters and clause marks are written so the regex engine can jump between
    candidates; they must find exactly what the plain alternations they replace find."""
    from analysis.corpus import loading as corpus

    end = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n[ \t]*\n|\n")
    delete = re.compile(
        r"[\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e]|\r(?=\n)|\\(?=[!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~])"
    )
    clause = re.compile(
        r"[,;:()\u2014\u2013]| - | -- |\b(?:who|which|whom|whose|while|whereas|although|but|after|"
        r"following|before|quien|quienes|cual|cuales|mientras|aunque|pero|tras|luego)\b"
    )
    rng = random.Random(9)
    alphabet = [*".!?\n \t\"')]ab\r\\$*-,:\u2014\ufeff\u200b\u00ad", "but ", "who"]
    texts = sentences + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(20_000)
    ]
    for s in texts:
        assert [m.span() for m in text._END.finditer(s)] == [m.span() for m in end.finditer(s)], repr(s)
        assert [m.span() for m in corpus._DELETE.finditer(s)] == [m.span() for m in delete.finditer(s)], repr(
            s
        )
        scan(s)
        want = sorted({0, *(m.start() for m in clause.finditer(s)), len(s)})
        assert text.segment_bounds(s, []) == want, repr(s)


def _pivot_patterns() -> list:
    return [
        rx
        for rx in _engine_patterns() + [actors._gazetteer(lang)[3][1] for lang in ("en", "es")]
        if id(rx) in patterns._PIVOTS
    ]


def test_patterns_anchored_past_a_common_first_word_find_what_the_plain_patterns_find() -> None:
    """Pivot patterns ("in May", "on Monday", "two years ago", "was visited", "the Hague") are tried where
    their second part begins and the first is found by looking back; with spaces, tabs and line breaks of any
    length between the words, at the start of the string and glued to other words, they must find exactly
    what the plain pattern finds, searched whole or in a window."""
    pivots = _pivot_patterns()
    assert len(pivots) >= 10
    words = (
        "in on by this last next past the during since until early late mid- mid was were is has been have had "
        "4 4th 12 31st of two a well over more than about some following coming previous within over El La "
        "May March Mar. Monday Friday week weeks year years month months days decades ago visited Hague "
        "Salvador Jewish State Israel Quito 2019 I we you , . - x three-day official state his high-level "
        "visit trip Allies Ecuador " + "w" * 70 + "-day"
    ).split()
    gaps = [" ", " ", " ", "  ", "\t", "\n", " \n ", " " * 40, " " * 300, "", "-", ", "]
    rng = random.Random(11)
    texts = []
    for _ in range(6_000):
        texts.append("".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(1, 14))))
    # and the longest prefixes, from a handful of words: "his three-day state visit", "in the last two years"
    few = "his state three-day high-level Israel visit trip in on the last past two years ago May Monday 4th of".split()
    few.append("w" * 120 + "-day")
    for _ in range(4_000):
        lead = "and so on " * 30 if rng.random() < 0.5 else ""  # far from the start: the window is looked for
        texts.append(lead + "".join(rng.choice(few) + rng.choice(gaps[:4]) for _ in range(rng.randint(3, 9))))
    checked = 0
    for s in texts:
        scan(s)
        for rx in pivots:
            assert [m.span() for m in finditer(rx, s)] == [m.span() for m in rx.finditer(s)], (
                rx.pattern[:40],
                s,
            )
            a, b = len(s) // 3, len(s) - 2
            got, want = search(rx, s, a, b), rx.search(s, a, b)
            assert (got and got.span()) == (want and want.span()), (rx.pattern[:40], s)
            checked += 1
        for lang in ("en", "es"):
            assert [m.span() for m in actors._matches(s, lang)] == [
                m.span() for m in actors._compiled(lang)[0].finditer(s)
            ], s
    assert checked > 100_000


def test_a_pivot_prefix_must_have_a_bounded_width_or_bounded_whitespace_runs() -> None:
    with pytest.raises(ValueError):
        patterns.pivot(r"\b", r".+\s+", r"\bvisit\b", optional=False)  # "." matches whitespace too
    with pytest.raises(ValueError):
        patterns.pivot("(?<=x)", r"in\s+", r"\bMay\b", optional=True)
    with pytest.raises(ValueError):  # \W can match whitespace: neither the width nor the gaps are bounded
        patterns.pivot(r"\b", r"by\W+(?:\w+\W+)*", r"\bIsrael\b", optional=False)
    # unbounded width but at most three runs of whitespace: allowed
    patterns.pivot(r"\b", r"\w+-day\s+(?:\w+\s+){0,2}", r"\bvisit\b", optional=False)


def test_sentence_splitting_shortcuts_agree_with_the_plain_rules() -> None:
    """The abbreviation check skips its regex after a long word, and a sentence is trimmed with str.strip;
    both must decide exactly what the plain versions decide."""

    def is_abbreviation(s: str, dot: int) -> bool:
        m = text._WORD_BEFORE.search(s, max(0, dot - 12), dot)
        if not m:
            return False
        word = m.group(1).lower().rstrip(".")
        return word in text._ABBREV or (len(word) == 1 and word.isalpha())

    def trimmed(s: str, a: int, b: int) -> list[tuple[int, int]]:
        while a < b and s[a].isspace():
            a += 1
        while b > a and s[b - 1].isspace():
            b -= 1
        return [(a, b)] if b > a else []

    rng = random.Random(17)
    alphabet = [*"ab AB.!?\n\t\"')(*#_-,;é\u2028\xa0", "Mr", "U.S", "approx", "xxxxxxxx", "İ"]
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        for dot in range(len(s) + 1):
            assert text._is_abbreviation(s, dot) == is_abbreviation(s, dot), (s, dot)
        a, b = sorted((rng.randint(0, len(s)), rng.randint(0, len(s))))
        assert [(x.start, x.end) for x in text._emit(s, a, b, 0)] == trimmed(s, a, b), (s, a, b)


def test_scanning_a_run_of_sentences_gives_what_scanning_each_gives() -> None:
    """scan_spans walks only the part of the text a run spans: for each sentence the same lower case and
    trigger hits as a scan of the sentence alone, whatever run it is in and wherever the run starts."""
    checked = 0
    for folder in (SEEDS, TESTS / "gold" / "es"):
        for doc in load_corpus(folder):
            sents = list(split_sentences(doc.text, doc.body_start))
            for size in (1, 7, len(sents)):
                for i in range(0, len(sents), size):
                    run = sents[i : i + size]
                    states = patterns.scan_spans(doc.text, [(s.start, s.end, s.text) for s in run])
                    for sent, state in zip(run, states, strict=True):
                        if state is None:  # a sentence cut mid-word is scanned on its own when used
                            continue
                        scan(sent.text)
                        text, low, starts, _ = patterns.current()
                        assert (state[0], state[1]) == (text, low)
                        assert {k: sorted(v) for k, v in state[2].items()} == {
                            k: sorted(v) for k, v in starts.items()
                        }, sent.text[:80]
                        checked += 1
    assert checked > 300
