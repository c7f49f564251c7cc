"""Where the gazetteer step looks and what it matches: candidate tokens, the words of a line, the
words joined to a token, and the unique nearest target for a token or the multi-word name around
it. The guards that decide whether a match is changed live in `cleantext.guards`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

import regex

from cleantext.names import WORD, Gazetteer, Target, accent_penalty, fold, lookup, multi_parts, pick, tier

if TYPE_CHECKING:
    from cleantext.guards import _Checker

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


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    old: str
    target: Target
    distance: float
    ocr: bool = False
    """The span reads as the target once an OCR confusion is undone ("lndia", "Arrnenia")."""


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
