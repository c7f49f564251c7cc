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
Data and lookups live in `cleantext.names`, the candidate scan and matcher in `cleantext.matching`,
the guards in `cleantext.guards`; measurements in benchmarks/gazetteer.md.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from itertools import accumulate

import regex

from cleantext.document import Document, Edit
from cleantext.guards import _Checker, _decide, _ignored, _in_address, _never_fixed
from cleantext.matching import Match, _best_match, _first_candidate, candidates
from cleantext.names import load_gazetteer, lookup

STEP = "gazetteer"


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


def carry_case(old: str, new: str) -> str:
    """NGERIÈN -> NIGERIEN; otherwise the target's own capitals ("Côte d'Ivoire")."""
    letters = [c for c in old if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    return new


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
