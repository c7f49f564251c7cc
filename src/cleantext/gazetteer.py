"""Fix misspelt place names and demonyms ("Ngerièn Prime Minister" -> "Nigerien Prime Minister").

Finding a near place name is easy; more than half of ordinary capitalised English words are
within two edits of some town. The work is not changing what was right: Nigerian/Nigerien,
Iran/Iraq, Turkey the bird, Chad the first name, people such as Zeine (one letter from Seine) or
Bazoum (from Bozoum), and French "nigérien". So a word is corrected only when every guard agrees:

1. it is no known spelling (our tables, GeoNames alternate names, other languages' forms, user
   entries) and no common word of eight languages (wordfreq, Zipf >= 3), nor a rare listed word
   unless the place is 100x more frequent;
2. exactly one correction target is nearest, within one edit on accent- and case-folded forms
   (an accent alone counts half); ties are never fixed;
3. it does not look like part of a person's name, here or anywhere else in the document: after a
   title, a first name or a capitalised word inside a sentence, or next to an unknown name;
4. it is not an acronym, a plural of the place, or a spelling repeated with no sign of the place;
5. its paragraph is English (or another language in `fix_languages`); prose plainly in another
   language is left alone, and undetermined text gets suggestions;
6. the change is likely enough: same first letter, a known kind of place (towns under a million
   people need a correct mention elsewhere), and few such changes in the document.

Anything that passes 1-5 but not 6 is a suggestion (`applied=False`) for a person to review.
Data and lookups live in `cleantext.names`; measurements in benchmarks/gazetteer.md.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import accumulate

import regex

from cleantext.document import Document, Edit
from cleantext.language import LanguageOptions, detect
from cleantext.names import (Gazetteer, Target, accent_penalty, common_words, fold, fold_key, load_gazetteer,
                             lookup, lower_key, max_distance, multi_parts, near_part, pick, tier, zipf)

STEP = "gazetteer"
# A candidate is a run of letters and digits of 4+ characters that starts with a capital, or with
# an OCR "l" standing for "I" ("lran", "lstanbul"). This scan touches every byte, so it is split
# in two patterns that each begin with a plain character class: `re` then skips ahead in C to the
# next capital (or "l"), about 2x faster than one pattern opening with a look-behind. They also
# match the tail of a run ("Phone" in "iPhone"); `_first_candidate` drops those tails, and only
# for the few tokens that survive the cheap checks. Text reaching this step is NFC (ftfy), so
# accented letters are single characters that `\w` covers.
_CAPITALS = "".join(filter(str.isupper, map(chr, range(0x10000))))
CAPITALISED = re.compile(r"[" + re.escape(_CAPITALS) + r"][^\W_]{3,}")
OCR_L = re.compile(r"l[nrstcz][a-z][^\W_]+")
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}]")
_ALNUM_RUN = re.compile(r"[^\W_]*")  # `re`'s [^\W_] is exactly str.isalnum
_WORD_SPLIT = regex.compile(r"([\p{L}\p{M}\p{N}]+)")
# On these characters `re`'s [^\W_] and WORD's class agree, one by one, and lower-casing keeps
# them inside (three capitals that lower to a combining mark or past U+02FF are left out), so a
# text made only of them splits into the same words with `re`, twice as fast. Latin scripts up
# to U+02FF, general punctuation, currency signs: 862 of the first 900 benchmark documents.
# tests/test_gazetteer.py checks the agreement for the installed `re` and `regex`.
PLAIN = r"\x00-\u012f\u0131-\u0239\u023b-\u023d\u023f-\u02ff\u2000-\u206f\u20a0-\u20cf"
_NOT_PLAIN = re.compile(f"[^{PLAIN}]")
_PLAIN_WORD = re.compile(r"[^\W_]+")
_PLAIN_SPLIT = re.compile(r"([^\W_]+)")
JOINERS = frozenset({" ", "-", "'", "’", "‘", "ʻ", "ʼ", "`", "´"})  # Marg‘ilon, O‘zbekiston
TITLES = frozenset("""president minister prime general colonel captain lieutenant major sergeant
commander admiral marshal mr mrs ms miss dr prof professor sir dame lord lady king queen prince
princess sheikh emir imam pope bishop cardinal father senator governor mayor ambassador judge
justice chancellor secretary chairman chairwoman spokesman spokeswoman spokesperson director chief
coach deputy vice speaker mp rep gen col capt lt sgt maj adm sen gov pres premier envoy
commissioner superintendent inspector officer agent warden reverend rev""".split())
@dataclass(frozen=True)
class GazetteerOptions:
    mode: str = "fix"
    """"fix" applies high-confidence corrections; "suggest" reports every correction with applied=False."""
    user_files: tuple[str, ...] = ()
    """Extra gazetteer files (TSV or TOML: name, kind, entity, variants, protect), merged with ours."""
    min_city_population: int = 100_000
    """Cities smaller than this (capitals excepted) are known spellings but never targets. Towns
    under a million need a supporting mention anyway, so the floor mostly saves lookups: 15,000 /
    100,000 / 300,000 gave the same dev-set recall and 18 / 16 / 15 applied edits on real pages."""
    common_languages: tuple[str, ...] = ("en", "de", "fr", "es", "pt", "it", "nl", "pl")
    """Languages whose common words (wordfreq small lists, Zipf >= 3) are never looked up: on real
    pages German nouns one edit from a town were most of the wrong fixes before this gate. The
    price: a typo that is a word elsewhere ("Haare", "Frane") is left, 3-5 of 600 dev typos."""
    min_token_length: int = 4
    """Shorter capitalised tokens are never looked up: at 3 letters almost everything is one edit
    from some place."""
    common_zipf: float = 3.0
    """A token this frequent (wordfreq Zipf) in its language is an ordinary word; the research
    measured 0 typo tokens and 46/47 near-place words above it."""
    rare_margin_zipf: float = 2.0
    """A rare but listed token (0 < Zipf < common_zipf) is only corrected when the candidate is
    this much more frequent (2.0 = 100x): web lists contain common misspellings (Austrailia 1.43
    vs Australia 5.06), while on real pages 1.5 let names through (Dales 2.82 vs Wales 4.6)."""
    noise_zipf: float = 1.5
    """Zipf below this counts as unlisted: wordfreq's large lists bottom out near 1.0, where a
    word was seen a handful of times (Auban 1.05, Farese 1.05 are typos, not words)."""
    repeat_protect: int = 3
    """A spelling used this often in one document, with no mention of the candidate, is taken as a
    real name; typos are rarely repeated consistently."""
    fix_languages: tuple[str, ...] = ("en",)
    """Paragraph languages where corrections are applied; our targets are English spellings."""
    max_unsupported_fixes: int = 3
    """A document with more distinct corrections than this, none of them backed by a correct
    mention, gets suggestions only: on real pages such clusters were romanised names or foreign
    text (one lyrics page alone had 8), while real typos come one or two to a page."""
    suggestions: bool = True
    """In fix mode, also report lower-confidence corrections as suggestions (applied=False)."""


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    old: str
    target: Target
    distance: float
    ocr: bool = False
    """The span reads as the target once an OCR confusion is undone ("lndia", "Arrnenia")."""


def carry_case(old: str, new: str) -> str:
    """NGERIÈN -> NIGERIEN; otherwise the target's own capitals ("Côte d'Ivoire")."""
    letters = [c for c in old if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    return new


def candidates(text: str) -> list[str]:
    """Capitalised (or OCR "l") tokens of `text`, plus tails of runs that `_first_candidate` drops."""
    found = CAPITALISED.findall(text)
    if "l" in text:
        found += OCR_L.findall(text)
    return found


def _first_candidate(text: str, token: str) -> int:
    """Where `token` first stands as a whole run of letters and digits, or -1 (only ever a tail).

    `str.isalnum` is exactly the `[^\\W_]` of the scanning patterns.
    """
    start = text.find(token)
    while start >= 0:
        end = start + len(token)
        if not (start and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            return start
        start = text.find(token, start + 1)
    return -1


class _Paragraph:
    """The words of one line, computed only for lines that hold a candidate."""

    def __init__(self, text: str, start: int, end: int, plain: bool = False):
        self.start, self.end = start, end
        # Split with a capturing group alternates gaps and words; offsets are running sums of
        # their lengths, all computed in C rather than by one match object per word.
        pieces = (_PLAIN_SPLIT if plain else _WORD_SPLIT).split(text[start:end])
        offsets = list(accumulate(map(len, pieces), initial=start))
        self.starts = offsets[1::2]
        self.words = list(zip(self.starts, offsets[2::2], pieces[1::2]))

    def position(self, start: int) -> int | None:
        """The index of the word that begins at `start`, or None (most lines ask once or twice:
        a search of the sorted starts, not a dict of every word)."""
        i = bisect_left(self.starts, start)
        return i if i < len(self.starts) and self.starts[i] == start else None


ENGLISH_MARKERS = frozenset("""a an the and of to in on is that for with was as by at from this are be have
has had not but they we you he she his her their which will would been were or its it into after
before over said says""".split())
OTHER_MARKERS = frozenset("""der die das und ist nicht ein eine den dem des sich auch le la les et est une
dans pour sur qui el los las del que por con una para het een van ook niet il che di della per
non sono nos dos da não uma para""".split())


OTHER = "other"


def _english_by_words(text: str, plain: bool = False) -> tuple[str, float]:
    """Plain English prose, recognised for free: many English function words, few of other
    languages'; prose plainly in another language (German, French, ...) is labelled OTHER.
    Only the rest is left to langdetect, which costs milliseconds a call."""
    words = (_PLAIN_WORD if plain else WORD).findall(text.lower())  # `plain`: text has only PLAIN
    if len(words) < 6:
        return "und", 0.0
    english = sum(map(ENGLISH_MARKERS.__contains__, words)) / len(words)
    other = sum(map(OTHER_MARKERS.__contains__, words)) / len(words)
    if english >= 0.15 and other <= 0.03:
        return "en", round(english, 2)
    if other >= 0.08 and english < 0.08:
        return OTHER, round(other, 2)
    return "und", 0.0


def _is_place(gazetteer: Gazetteer, word: str) -> bool:
    low = word.lower()
    return low in gazetteer.known or (low.isascii() and low in gazetteer.known_folded) or \
        fold(low) in multi_parts(gazetteer)


def _is_known(gazetteer: Gazetteer, word: str) -> bool:
    low = word.lower()
    return low in gazetteer.known or low in common_words() or (low.isascii() and low in gazetteer.known_folded)


class _Checker:
    """Per-document state: paragraphs, language labels, mention counts, person-name evidence."""

    def __init__(self, text: str, gazetteer: Gazetteer, options: GazetteerOptions):
        self.text, self.gazetteer, self.options = text, gazetteer, options
        self.paragraphs: dict[int, _Paragraph] = {}
        self.languages: dict[int, tuple[str, float]] = {}
        self.by_words: dict[int, tuple[str, float]] = {}
        self.only_english = set(options.fix_languages) == {"en"}
        self._plain: bool | None = None
        self.person_tokens: dict[str, str] = {}
        self.multi_part_neighbours: dict[tuple[int, int], bool] = {}
        self._lower_text: str | None = None
        self._lower_whole: str | None = None
        self._occurrences: dict[str, list[int]] = {}

    @property
    def plain(self) -> bool:
        """Is the text made only of PLAIN characters? Asked once, when a line is first split."""
        if self._plain is None:
            self._plain = not _NOT_PLAIN.search(self.text)
        return self._plain

    def lower_words(self) -> str:
        """The document's words, lower-cased and joined by single spaces, with a space at each end."""
        if self._lower_text is None:
            words = (_PLAIN_WORD if self.plain else WORD).findall(self.text)
            self._lower_text = " " + " ".join(words).lower() + " "
        return self._lower_text

    def near_multi_part(self, start: int, end: int) -> bool:
        """`_near_multi_part` for the token at start:end, asked once per occurrence."""
        near = self.multi_part_neighbours.get((start, end))
        if near is None:
            near = self.multi_part_neighbours[start, end] = _near_multi_part(self.gazetteer, self.text, start, end)
        return near

    def paragraph(self, position: int) -> _Paragraph:
        start = self.text.rfind("\n", 0, position) + 1
        if start not in self.paragraphs:
            end = self.text.find("\n", position)
            self.paragraphs[start] = _Paragraph(self.text, start, len(self.text) if end < 0 else end, self.plain)
        return self.paragraphs[start]

    def _language_by_words(self, start: int) -> tuple[str, float]:
        """`_english_by_words` of the line holding `start`, keyed by the line's start."""
        line = self.text.rfind("\n", 0, start) + 1
        if line not in self.by_words:
            end = self.text.find("\n", start)
            self.by_words[line] = _english_by_words(self.text[line:len(self.text) if end < 0 else end], self.plain)
        return self.by_words[line]

    def other_prose(self, start: int) -> bool:
        """Is the line holding `start` prose in a language we leave alone? Then no match there can
        be applied or suggested (`_decide` says so too), and it need not be matched at all."""
        return self.only_english and self._language_by_words(start)[0] == OTHER

    def language_is_costly(self, paragraph: _Paragraph) -> bool:
        """Would `language` have to ask langdetect about this paragraph?"""
        if paragraph.start in self.languages:
            return False
        code = self._language_by_words(paragraph.start)[0]
        return code == "und" or (code == OTHER and not self.only_english)

    def language(self, paragraph: _Paragraph) -> tuple[str, float]:
        if paragraph.start not in self.languages:
            # Plain English prose is recognised from its common words for free; langdetect (a few
            # milliseconds a call) is asked only about the rest.
            code, score = self._language_by_words(paragraph.start)
            if code == OTHER and not self.only_english:
                code = "und"  # another language may be one we fix: ask langdetect which
            if code == "und":  # langdetect's cost grows with the text; 500 characters settle it
                code, score = detect(self.text[paragraph.start:paragraph.end], LanguageOptions(sample_chars=500))
            if code == "und":
                if -1 not in self.languages:
                    self.languages[-1] = detect(self.text, LanguageOptions(sample_chars=1000))
                code, score = self.languages[-1]
            self.languages[paragraph.start] = (code, score)
        return self.languages[paragraph.start]

    def _joined(self, words, i: int, j: int, dot: bool = False) -> bool:
        """Words i and j (j = i + 1) are one name: only a space, hyphen or apostrophe between them."""
        if i < 0 or j >= len(words):
            return False
        gap = self.text[words[i][1]:words[j][0]]
        return gap in JOINERS or (dot and gap == ". ")

    def _mid_sentence_name(self, start: int, word: str) -> bool:
        """A capitalised word inside a sentence that is no place, title or known place part:
        usually a first name ("Ian Buruma") or the start of another name."""
        if word.lower() in TITLES or _is_place(self.gazetteer, word) or not word[:1].isupper():
            return False
        before = self.text[max(0, start - 3):start].rstrip(" \"'“‘(«")
        return bool(before) and before[-1] not in ".!?:;\n"

    def _unknown_name(self, word: str) -> bool:
        return (word[:1].isupper() and not _is_known(self.gazetteer, word) and word.lower() not in TITLES
                and fold(word.lower()) not in multi_parts(self.gazetteer))

    def looks_like_person(self, start: int, end: int) -> str:
        """Why the word at start:end seems part of a person's name, or "" if it does not."""
        previous, gap, following = _neighbours(self.text, start, end)
        if previous and previous[:1].isupper():
            if previous.lower() in TITLES:
                return f"after the title {previous!r}"
            if gap != ". ":
                if previous.lower() in self.gazetteer.first_names:
                    return f"after the first name {previous!r}"
                if self._unknown_name(previous):
                    return f"next to the unknown name {previous!r}"
                if gap == " " and self._mid_sentence_name(start - 1 - len(previous), previous):
                    return f"after the capitalised word {previous!r}"
        if following and self._unknown_name(following):
            return f"next to the unknown name {following!r}"
        return ""

    def person_anywhere(self, token: str) -> str:
        """Person evidence for `token` at any of its occurrences in the document."""
        if token not in self.person_tokens:
            reason = ""
            for start in self.occurrences(token):
                reason = self.looks_like_person(start, start + len(token))
                if reason:
                    break
            self.person_tokens[token] = reason
        return self.person_tokens[token]

    def occurrences(self, word: str) -> list[int]:
        """Start offsets of `word` as a whole word (kept: the person test reads them again)."""
        found = self._occurrences.get(word)
        if found is None:
            text, found = self.text, []
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                if not (start and _is_word_char(text[start - 1])) and not (
                        end < len(text) and _is_word_char(text[end])):
                    found.append(start)
                start = text.find(word, end)
            self._occurrences[word] = found
        return found

    def mentions(self, forms) -> int:
        if all(form.isascii() and not all(map(self.lower_text().__contains__, form.split(" "))) for form in forms):
            # An ASCII form is counted on the lower-cased words only where each of its words is in
            # the lower-cased text (only the Greek sigma lowers by context, and it is not ASCII):
            # where none is, the count is 0 without splitting the document into words.
            return 0
        text = self.lower_words()
        return sum(text.count(f" {form} ") for form in forms)

    def lower_text(self) -> str:
        if self._lower_whole is None:
            self._lower_whole = self.text.lower()
        return self._lower_whole

    def count(self, token: str) -> int:
        """How often `token` stands as a whole word (a whole run of `WORD`), case as given; a
        multi-word token is counted on the lower-cased words."""
        key = lower_key(token)
        if " " in key:
            return self.lower_words().count(f" {key} ")
        if not WORD.fullmatch(token):
            return 0
        # A find loop with a test at each end: the words of the whole text are split only when
        # a mention count needs them.
        text, found = self.text, 0
        start = text.find(token)
        while start >= 0:
            end = start + len(token)
            if not (start and _WORD_CHAR.match(text, start - 1)) and not _WORD_CHAR.match(text, end):
                found += 1
            start = text.find(token, start + 1)
        return found


def _is_word_char(char: str) -> bool:
    # No ASCII character is a mark: most calls end before the Unicode database is asked.
    return char.isalnum() or (not char.isascii() and unicodedata.category(char)[0] == "M")


# Spans of up to 4 words around word i, as offsets from i: shortest first, then leftmost.
_WINDOWS = sorted(((a, b) for a in range(-3, 1) for b in range(4) if b - a <= 3),
                  key=lambda span: (span[1] - span[0], span))


def _windows(checker: _Checker, paragraph: _Paragraph, i: int):
    """Spans of up to 4 joined words around word i that could form a multi-word name."""
    words, text = paragraph.words, checker.text
    last = len(words) - 1
    # Each gap is tested once, not once per window that spans it (`_joined` without the dot).
    joined = [text[words[k][1]:words[k + 1][0]] in JOINERS for k in range(max(0, i - 3), min(last, i + 3))]
    low = max(0, i - 3)
    for da, db in _WINDOWS:
        a, b = i + da, i + db
        if a < 0 or b > last:
            continue
        if all(joined[a - low:b - low]):
            yield a, b


def _best_match(checker: _Checker, start: int, token: str) -> tuple[Match | None, list[Target]]:
    """The unique nearest target for the token at `start` (or its multi-word span), and any rivals."""
    gazetteer, text = checker.gazetteer, checker.text
    distance, keys, ocr = lookup(gazetteer, token)
    multi = checker.near_multi_part(start, start + len(token))
    if not keys and not multi:
        return None, []
    paragraph = checker.paragraph(start)
    i = paragraph.position(start)
    if i is None:  # the candidate starts inside a word (after a digit, say): leave it
        return None, []
    found: list[tuple[float, int, int, str]] = [(distance, i, i, k) for k in keys]
    words = paragraph.words
    for a, b in _windows(checker, paragraph, i):
        if a == b:
            continue
        span_key = " ".join(w[2].lower() for w in words[a:b + 1])
        if span_key in gazetteer.known or (span_key.isascii() and span_key in gazetteer.known_folded):
            return None, []  # part of a known multi-word name ("Leone" in "Sierra Leone")
        if not multi:
            continue
        span = text[words[a][0]:words[b][1]]
        d, multi_keys, span_ocr = lookup(gazetteer, span)
        if span_ocr and d == 0:
            ocr = True
        found += [(d, a, b, k) for k in multi_keys]
    if not found:
        return None, []
    best = min(f[0] for f in found)
    widest = max(f[2] - f[1] for f in found if f[0] == best)
    # At equal distance the longer name wins: "Saudi Arabìa" is Saudi Arabia, not Arabia.
    best_found = [f for f in found if f[0] == best and f[2] - f[1] == widest]
    targets = {k: pick(gazetteer.targets[k], text[paragraph.words[a][0]:paragraph.words[b][1]])
               for _, a, b, k in best_found}
    # Then the better-known kind of place: Haiti before Hailin (a city of 144,000), Japan before Jālna.
    top = min(tier(t) for t in targets.values())
    targets = {k: t for k, t in targets.items() if tier(t) == top}
    best_found = [f for f in best_found if f[3] in targets]
    # Variants of one name ("Ivorian"/"Ivoirian") are no tie: keep the spelling nearest to the text.
    from rapidfuzz.distance import OSA  # loaded by the lookup above; not imported with the package
    old = text[paragraph.words[best_found[0][1]][0]:paragraph.words[best_found[0][2]][1]]
    groups: dict[tuple[str, str], Target] = {}
    for t in sorted(targets.values(), key=lambda t: (OSA.distance(old.lower(), t.name.lower()), t.name)):
        groups.setdefault((t.entity, t.kind), t)
    targets = {k: t for k, t in targets.items() if t in groups.values()}
    best_found = [f for f in best_found if f[3] in targets]
    if len({t.name for t in targets.values()}) > 1:
        chosen = _place_or_adjective(checker, paragraph, best_found[0][2], list(targets.values()))
        if chosen is None:
            return None, sorted(targets.values(), key=lambda t: t.name)
        best_found = [f for f in best_found if targets[f[3]] is chosen]
    if ocr and best > 0:
        return None, []
    d, a, b, k = best_found[0]
    span_start, span_end = paragraph.words[a][0], paragraph.words[b][1]
    old = text[span_start:span_end]
    target = targets[k]
    return Match(span_start, span_end, old, target, d + (0.5 if ocr else accent_penalty(old, target.name)),
                 ocr and d == 0), []


NOT_NOUNS = frozenset("""a an and as at but by for from has had have in into is it its of on or over said says
that the their this to was were will would with who which while after before since until under""".split())


def _place_or_adjective(checker: _Checker, paragraph: _Paragraph, last: int, targets: list[Target]):
    """Break a tie between a place and its own demonym ("Syrin" -> Syria or Syrian) by the next
    word: a noun after it ("Syrin court", "Haitin Prime Minister") wants the adjective."""
    kinds = {t.kind for t in targets}
    if len({t.entity for t in targets if t.kind != "demonym"} | {t.entity for t in targets if t.kind == "demonym"}) != 1 \
            or "demonym" not in kinds or len(targets) != 2:
        return None
    words = paragraph.words
    following = words[last + 1][2] if checker._joined(words, last, last + 1) else ""
    noun = following and (following.lower() in TITLES or (
        following.islower() and following not in NOT_NOUNS and not following.endswith("ed")))
    return next(t for t in targets if (t.kind == "demonym") == bool(noun))


def _neighbours(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The word joined before start:end (with the gap: a joiner or ". "), and the word joined after.

    Backwards a hand-written scan (a regex anchored at the end of a slice is tried from every
    position); forwards a run of `str.isalnum` characters in C, extended over any marks.
    """
    previous = gap = following = ""
    if start >= 2 and text[start - 2:start] == ". ":
        gap = ". "
    elif start >= 1 and text[start - 1] in JOINERS:
        gap = text[start - 1]
    if gap:
        stop = k = start - len(gap)
        while k > 0 and (text[k - 1].isalnum() or _is_word_char(text[k - 1])):
            k -= 1
        previous = text[k:stop]
    if end < len(text) and text[end] in JOINERS:
        k = _ALNUM_RUN.match(text, end + 1).end()
        while k < len(text) and _is_word_char(text[k]):  # a mark: the word goes on after it
            k = _ALNUM_RUN.match(text, k + 1).end()
        following = text[end + 1:k]
    return previous, gap if previous else "", following


def _near_multi_part(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """Is a word joined to this token part of some multi-word target? Only then try windows."""
    parts = multi_parts(gazetteer)
    previous, gap, following = _neighbours(text, start, end)
    return (gap != ". " and fold(previous.lower()) in parts) or fold(following.lower()) in parts


def _confident(match: Match, length: int, support: int) -> bool:
    """Whether a match is sure enough to apply; the rest are suggestions.

    Measured on a development set of real pages, where nearly every wrong fix was a person, a
    brand or a word one edit from a town: a changed first letter (Karren/Warren, Dales/Wales)
    or two edits (Cascadian/Canadian) are never applied; a town below a million people only
    when the document names it correctly elsewhere; a big city only for words of 5+ letters.
    """
    old, target = fold_key(match.old), fold_key(match.target.name)
    if match.distance > 1.5 or (old[:1] != target[:1] and match.distance != 0.5):
        return False
    level = tier(match.target)
    if length <= 4 and match.distance >= 1:
        # Four letters are one edit from far too much ("Gaha" -> "Gaza"); a letter dropped from a
        # country or capital ("Mlta", "Npal") is the one short typo common enough to fix.
        dropped = len(target) == length + 1 and level <= 1
        return dropped or support > 0
    if level == 3:
        return support > 0
    if level == 2:
        return length >= 5 or support > 0
    return True


def _accent_and_drop(match: Match) -> bool:
    """A country, demonym or capital with one letter dropped and an accent added ("Qàtr", "Otàwa").

    An accent plus a full edit is too far on short words in general ("Goïta" is one letter from
    the town of Geita); this narrower pattern, a letter missing from a best-known name, is a typo
    that scraped text shows, and names it would wrongly hit are already known spellings.
    """
    from rapidfuzz.distance import OSA

    old, new = fold_key(match.old), fold_key(match.target.name)
    return (match.distance == 1.5 and not match.ocr and tier(match.target) <= 1
            and len(new) == len(old) + 1 and OSA.distance(old, new) == 1)


def _support(checker: _Checker, match: Match) -> int:
    """Mentions of the target's place (any of its names or demonyms) in the document."""
    target = match.target
    return checker.mentions(checker.gazetteer.entity_forms.get(target.entity, {lower_key(target.name)}))


def _unsupported_or_far(checker: _Checker, match: Match) -> bool:
    """A spelling repeated with no mention of the place, or a change too large for its length."""
    if checker.count(match.old) >= checker.options.repeat_protect and not _support(checker, match):
        return True  # typos are rarely repeated consistently: a name
    length = len(fold_key(match.old))
    # An accent plus a full edit on a short word ("Goïta" -> "Geita") is too far.
    return match.distance > max_distance(length) + (0.5 if length >= 6 or _accent_and_drop(match) else 0.0)


def _decide(checker: _Checker, match: Match) -> tuple[str, str] | None:
    """("fix" | "suggest", detail) for a match, or None when a guard says leave it alone."""
    options, gazetteer = checker.options, checker.gazetteer
    target, old = match.target, match.old
    if fold_key(old) in gazetteer.protected:
        return None
    if fold_key(old) == fold_key(target.name) + "s":
        return None  # a plural or an apostrophe-less possessive ("Bajans", "Germanys") is no typo
    letters = [c for c in old if c.isalpha()]
    if len(letters) <= 5 and all(c.isupper() for c in letters):
        return None  # an acronym (EFRE, SARSA), not a shouted place name
    paragraph = checker.paragraph(match.start)
    if " " not in lower_key(old):
        person = checker.person_anywhere(old)
        if person:
            return None
    # langdetect (milliseconds a call) is asked about a paragraph only after the guards that need
    # no language; where function words settle the language, those guards keep their place.
    costly = checker.language_is_costly(paragraph)
    if costly and _unsupported_or_far(checker, match):
        return None
    language, score = checker.language(paragraph)
    if language == OTHER:
        return None  # another language's prose: its spellings are its own, and we have no lexicon
    token_zipf = zipf(old, language) if " " not in old else 0.0
    if token_zipf < options.noise_zipf:
        token_zipf = 0.0  # seen once or twice in a web crawl: no evidence of a real word
    target_zipf = zipf(target.name, language) if " " not in target.name else 0.0
    if token_zipf >= options.common_zipf:
        return None
    if token_zipf > 0 and target_zipf - token_zipf < options.rare_margin_zipf:
        return None
    if not costly and _unsupported_or_far(checker, match):
        return None
    support = _support(checker, match)
    length = len(fold_key(old))
    detail = (f"{old!r} -> {target.name!r}: {target.kind} ({target.entity}), distance {match.distance:g}; "
              f"lexicon {language} Zipf {token_zipf:g} (target {target_zipf:g}); "
              f"{support} supporting mention(s); language {language} ({score:g})")
    # A word the lexicon lists is a real spelling of something ("Styria", a province, is one edit
    # from Syria); only the document naming the place itself makes it a typo. Not so an OCR
    # reading of a far more frequent name: web text holds OCR output, so wordfreq lists "lndia"
    # (Zipf 1.79) as it lists "India" (5.04), and the margin above already asked for 100x.
    confident = _confident(match, length, support) and (support > 0 or token_zipf == 0 or match.ocr)
    if options.mode == "fix" and confident and language in options.fix_languages:
        return "fix", detail if support else detail + "; unsupported"
    return "suggest", detail


def fix_entities(doc: Document, options: GazetteerOptions = GazetteerOptions()) -> list[Edit]:
    """Edits that correct misspelt place names and demonyms in `doc.text`.

    >>> text = "The Ngerièn Prime Minister arrived in Moscow on Monday for talks on security and trade.\\n"
    >>> [(e.old, e.new, e.reason) for e in fix_entities(Document(text))]
    [('Ngerièn', 'Nigerien', 'entity-typo')]
    """
    text = doc.text
    if not unicodedata.is_normalized("NFC", text):
        return _fix_decomposed(doc, options)
    gazetteer = load_gazetteer(options.min_city_population, tuple(options.user_files))
    found = candidates(text)
    ignored = _ignored(gazetteer, options)
    unknown = []
    for token in set(found).difference(ignored):  # set arithmetic in C: usually nothing is left
        if _never_fixed(gazetteer, options, token):
            ignored.add(token)
        else:
            first = _first_candidate(text, token)
            if first >= 0:
                unknown.append((first, token))
    checker: _Checker | None = None
    proposed: list[tuple[Match, str, str]] = []
    for _, token in sorted(unknown):  # in order of appearance
        keys = lookup(gazetteer, token)[1]
        checker = checker or _Checker(text, gazetteer, options)
        starts = [start for start in checker.occurrences(token)
                  if keys or checker.near_multi_part(start, start + len(token))]
        if not starts or checker.person_anywhere(token):  # settles most surnames before any matching
            continue
        starts = [start for start in starts if not checker.other_prose(start)]
        for start in starts:
            if _in_address(text, start, start + len(token)):
                continue
            match, _rivals = _best_match(checker, start, token)
            verdict = _decide(checker, match) if match is not None else None
            if verdict is not None:
                proposed.append((match, *verdict))
    unsupported = {m.old for m, action, detail in proposed if action == "fix" and detail.endswith("unsupported")}
    if len(unsupported) > options.max_unsupported_fixes:
        # Many unrelated "typos" in one document mean it is not ours to fix: romanised names,
        # a language we do not know. Report them, change nothing.
        proposed = [(m, "suggest", d + "; too many in one document") for m, _, d in proposed]
    edits: list[Edit] = []
    last_end = 0
    for match, action, detail in sorted(proposed, key=lambda p: (p[0].start, -p[0].end)):
        if match.start < last_end:
            continue  # two tokens of one multi-word name proposed the same fix
        if action == "suggest" and options.mode == "fix" and not options.suggestions:
            continue
        applied = action == "fix"
        edits.append(Edit(STEP, match.start, match.end, match.old, carry_case(match.old, match.target.name),
                          "entity-typo" if applied else "entity-suggestion", detail, applied))
        last_end = match.end
    return edits


_CLUSTER = regex.compile(r"\X")


def _fix_decomposed(doc: Document, options: GazetteerOptions) -> list[Edit]:
    """The edits for text with decomposed accents ("Ngerie\u0300n"): found on its NFC form, where
    an accented letter is one character like every table's, and mapped back to the text's offsets.

    Each user-perceived character (grapheme cluster) is composed on its own, so the two texts
    align at every cluster boundary; an edit that would not begin and end on one is dropped.
    """
    text = doc.text
    clusters = _CLUSTER.findall(text)
    composed = [unicodedata.normalize("NFC", c) for c in clusters]
    original = dict(zip(accumulate(map(len, composed), initial=0), accumulate(map(len, clusters), initial=0)))
    edits = []
    for edit in fix_entities(Document("".join(composed), doc.id, doc.metadata), options):
        start, end = original.get(edit.start), original.get(edit.end)
        if start is not None and end is not None:
            edits.append(replace(edit, start=start, end=end, old=text[start:end]))
    return edits


def _ignored(gazetteer: Gazetteer, options: GazetteerOptions) -> set[str]:
    """Tokens `_never_fixed` said yes to, kept with the loaded data for every later document."""
    memo = gazetteer.__dict__.setdefault("_ignored", {})
    key = (tuple(options.common_languages), options.min_token_length)
    ignored = memo.get(key)
    if ignored is None or len(ignored) > 500_000:  # bound the memory a long run of new words takes
        ignored = memo[key] = set()
    return ignored


def _never_fixed(gazetteer: Gazetteer, options: GazetteerOptions, token: str) -> bool:
    """A known spelling, a short token, one near no place, or a common word: whatever the document.

    The common-word lists are consulted last, so they load only once a token comes near a place.
    """
    low = token.lower()
    if low in gazetteer.known or (low.isascii() and low in gazetteer.known_folded):
        return True
    if len(token) < options.min_token_length:
        return True
    # Most unknown capitalised words (surnames, brands) are near no place and no word of a
    # multi-word place: nothing to fix.
    if not lookup(gazetteer, token)[1] and not near_part(gazetteer, token):
        return True
    return low in common_words(tuple(options.common_languages))


def _in_address(text: str, start: int, end: int) -> bool:
    """Inside a URL, e-mail address or file path: never touched."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    chunk = text[left:right if right >= 0 else len(text)]
    return "/" in chunk or "@" in chunk or "www." in chunk
