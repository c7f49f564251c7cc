"""Repeated captions and blocks: keep one copy, in the first copy's place.

A scraper that walks a page in order prints an image's alt text and then its figcaption, so the
caption appears twice; a headline comes back as the first body line, a pull quote is printed
twice, a menu or teaser list sits at the top and again at the bottom. The copies are rarely
byte-identical: one side carries a photo credit ("... in Moscow. Photo: AFP", "(Reuters)"), the
quotes are curly on one side, one copy is cut with an ellipsis.

`remove_duplicates` compares lines in a normalised form (NFKC, case folded, punctuation and
credits dropped) and keeps the most complete copy in the position of the first one. What can go
wrong is removing text that was meant to repeat: a refrain, a table cell, a list of "Yes"/"No",
a heading like "Question:". So a copy goes only when it is long enough, is no label or question
heading, and is not separated from its previous copy by a few short lines printed once (verse,
a table row). A missed duplicate costs a line, a removed sentence loses text: doubt keeps.

Reasons: ``duplicate-caption`` (a short line such as a caption or headline), ``duplicate-block``
(a longer paragraph), ``truncated-duplicate`` (one copy is a cut-off version of the other).
The normalised form and its credit patterns live in `cleantext.caption_forms`; the prefilter that
picks which lines to compare, so that a long document stays linear, in `cleantext.caption_candidates`.

>>> text = "Title\\n\\nThe minister arriving in Moscow.\\nThe minister arriving in Moscow. Photo: AFP\\n"
>>> edits = remove_duplicates(Document(text), CaptionOptions())
>>> [(e.reason, e.new) for e in edits]
[('duplicate-caption', 'The minister arriving in Moscow. Photo: AFP'), ('duplicate-caption', '')]
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from .caption_candidates import Skeletons, candidates, prefilter_keys
from .caption_forms import normalise_many
from .document import Document, Edit, remove_lines

STEP = "captions"


@dataclass(frozen=True)
class CaptionOptions:
    min_chars: int = 20
    """A copy is removed only if the line has this many characters: below are labels, cells and
    list items ("Yes", "Read more", "* * *"). Real pages are scored for repeats from 20."""
    min_words: int = 1
    """...and its normalised form this many words. On real pages most repeated lines of 20+
    characters with one or two words are menu entries (German compounds): 2 left 962 repeated
    lines on the development set of real pages against 600, so length alone is the guard."""
    window: int = 20
    """Copies that differ as printed (case, punctuation, credit, length) must lie within this many
    kept non-blank lines; identical ones may be anywhere. A caption's copy is near; a contents
    entry and its heading are far (40 removed such a heading in the dev set; 5 to 20 did not)."""
    caption_max_chars: int = 200
    """A removed copy up to this long is reported as ``duplicate-caption``, longer as
    ``duplicate-block``. Captions and headlines in the dev set are under 160 characters."""
    similarity: float = 0.90
    """A copy whose words all appear, in order, in a longer copy is the same block when 2 * short /
    (short + long), in normalised characters, reaches this; substituted words never match. The
    dev set loses lines below 0.85; 0.90 also spares list items on real pages (captions_results)."""
    truncated_min_ratio: float = 0.2
    """A copy ending in an ellipsis must still cover this share of the full copy: the ellipsis is
    evidence of a cut, but a three-word teaser is too little to say which paragraph it cut."""
    candidates: int = 32
    """For near (not exact) copies, each line is compared with at most this many earlier groups
    that share its first or last characters. This window keeps a 100k-line file linear."""
    verse_max_chars: int = 80
    """Lines up to this long count as short for the verse and table guard."""
    verse_min_gap: int = 2
    """A repeated short line stays when only short lines separate it from the previous copy, at
    least this many printed once and no fewer than the repeats: a refrain after its verse, a cell
    after the rest of its row. Adjacent copies always go (alt text and figcaption); 3 lost cells."""
    verse_max_gap: int = 8
    """...and at most this many: a verse or a row. Repeated menus come back after longer runs of
    short unique lines: on real pages 10 leaves 624 repeats, 8 leaves 600; 6 leaves 563 but
    removes a repeated table cell in the dev set (figures in benchmarks/captions_results.md)."""
    heading_max_chars: int = 80
    """A repeated line up to this long ending in "?" or ":" is a question or label heading (Q&A,
    interviews, FAQs) and stays unless its copies are adjacent."""
    timeout: float = 1.0
    """Seconds allowed to each credit-pattern match, as for every pattern in cleantext."""


_LONG_LINES = 160  # mean prefilter key bytes from which telling lines apart pays (captions_results)


def _telling_apart_pays(pairs: dict[int, list[int]], order: list[int], keys: list[bytes]) -> bool:
    """Whether to look for lines that cannot relate before normalising. It pays on paragraphs that
    begin alike; when most candidate lines are copies of their first candidate (equal prefilter
    keys, which always may relate), or short (menus, teasers: on real pages their skeletons spare
    a few percent of the text), it costs more than it saves. Either way the edits are the same."""
    if sum(map(len, map(keys.__getitem__, order))) < _LONG_LINES * len(order):
        return False
    copies = {n for i, js in pairs.items() if keys[i] == keys[js[0]] for n in (i, js[0])}
    return 4 * (len(order) - len(copies)) >= len(order)


class _Group:
    """Copies of one line found so far. A line no copy joined has none: most lines never do."""

    __slots__ = ("head", "best", "last_kept", "members", "relation", "protected", "keys", "printed")

    def __init__(self, head: int, key: str, printed: str) -> None:
        self.head = head  # the first copy: where the kept text stays
        self.best = head  # the most complete copy: the text that is kept
        self.last_kept = head  # the latest member that stays: the head or a protected copy
        self.members = [head]
        self.relation: dict[int, str] = {}  # "exact", "truncated", "contained"
        self.protected: set[int] = set()  # repeats that stay (refrain, heading)
        self.keys = {key}  # the members' normalised forms
        self.printed = {printed}  # the members as printed (NFKC, spaces)


_ELLIPSES = ("\u2026", "...", "[\u2026]", "[...]", "(\u2026)", "(...)")


def _ellipsis(line: str) -> bool:
    return line.rstrip().endswith(_ELLIPSES)


def _more_complete(line: str, key: str, than: str, than_key: str) -> bool:
    """Uncut beats cut, then more words, then more letters (a credit); a quote style, a
    non-breaking space or a compatibility form changes none of these, so the first copy stays."""
    if _ellipsis(line) != _ellipsis(than):
        return _ellipsis(than)
    if len(key) != len(than_key):
        return len(key) > len(than_key)
    letters = [sum(map(str.isalnum, unicodedata.normalize("NFKC", t))) for t in (line, than)]
    return letters[0] > letters[1]


def _subsequence(short: str, long_: str) -> bool:
    """Every word of `short`, in order, is a word of `long_` (normalised keys: single spaces).
    Each word is looked for from the end of the previous one, so `long_` is never split."""
    padded, at = f" {long_} ", 0
    for word in short.split():
        at = padded.find(f" {word} ", at)
        if at < 0:
            return False
        at += len(word) + 1
    return True


def _relation(a: str, b: str, line_a: str, line_b: str, options: CaptionOptions) -> str | None:
    """How normalised copy `a` of `line_a` relates to `b`: "exact", "truncated", "contained" or None."""
    if a == b:
        return "exact"
    short, long_, line = (a, b, line_a) if len(a) <= len(b) else (b, a, line_b)
    if long_.startswith(short) and len(short) / len(long_) >= options.truncated_min_ratio and _ellipsis(line):
        return "truncated"  # the ellipsis may have cut a word in two
    # Near means insertions only: every word of the shorter copy, in order, in the longer one.
    # A substituted word ("3 €" for "2 €", "CPU" for "user") makes a different sentence.
    # Words added only in front are a label or a breadcrumb ("Home Politics ..."): both stay.
    if 2 * len(short) / (len(short) + len(long_)) >= options.similarity and not long_.endswith(short):
        if _subsequence(short, long_):
            return "truncated" if long_.startswith(short) else "contained"
    return None


def _guarded(lines: list[str], keys: dict[int, str], prev: int, i: int, involved: set[int],
             removed: set[int], counts: dict[str, int], options: CaptionOptions,
             widths: dict[int, int]) -> bool:
    """True when copy `i` of the kept line `prev` must stay: too short, a heading, or verse.
    Removed lines are left out of every gap, so a second run over the output decides the same."""
    key = keys[i]
    if len(lines[i].strip()) < options.min_chars or not key or key.count(" ") + 1 < options.min_words:
        return True
    line = lines[i].rstrip()
    if line.endswith(("?", ":")) and len(line) <= options.heading_max_chars:
        if any(lines[j] and j not in removed for j in range(prev + 1, i)):
            return True
    if len(line) > options.verse_max_chars:
        return False
    # Verse and tables: between the copies only short lines, at least half of them printed once
    # and sharing no key with any line: a refrain's verses, a table's other cells. A repeated menu
    # or teaser list is all repeats, short entries included; a caption's copy follows it directly
    # or after a paragraph. Removed lines are skipped, and removing lines never makes a line a
    # repeat, so a second run sees a gap that passes at least as well.
    if i - prev > 2 * options.verse_max_gap:  # blank lines between stanzas count double at most
        return False
    gap = [j for j in range(prev + 1, i) if lines[j] and j not in removed]
    if len(gap) > options.verse_max_gap or any(widths.get(j, len(lines[j])) > options.verse_max_chars for j in gap):
        return False
    if not counts:
        counts.update(Counter(lines))
    # Numbers and scores ("2", "0:1") repeat in any table and say nothing either way.
    worded = [j for j in gap if any(map(str.isalpha, lines[j]))]
    unrepeated = sum(j not in involved and counts[lines[j]] == 1 for j in worded)
    return unrepeated >= options.verse_min_gap and len(worded) - unrepeated <= unrepeated


def _far(lines: list[str], removed: set[int], prev: int, i: int, window: int) -> bool:
    """More than `window` non-blank lines that stay lie between `prev` and `i`. Lines already
    removed do not count, so a second run over the output measures the same distance."""
    kept = (j for j in range(prev + 1, i) if lines[j] and j not in removed)
    return i - prev > window and next(islice(kept, window, None), None) is not None


def _quote(line: str, width: int = 60) -> str:
    line, cut = line.strip(), line.strip().rfind(" ", 0, width)
    return f'"{line}"' if len(line) <= width else f'"{line[:cut if cut > width // 2 else width]} ..."'


def _reason(relation: str, line: str, options: CaptionOptions) -> str:
    if relation == "truncated":
        return "truncated-duplicate"
    return "duplicate-caption" if len(line) <= options.caption_max_chars else "duplicate-block"


def remove_duplicates(doc: Document, options: CaptionOptions) -> list[Edit]:
    """Edits that remove later copies of repeated lines and keep the most complete copy first.

    Copies identical as printed are found at any distance, others (case, credit, cut off, words
    added within `similarity`) within `window`. When a later copy is more complete (uncut, or
    with its credit), the first copy's line is replaced by it and the later one removed.
    """
    text = doc.text
    line_keys = prefilter_keys(text)
    pairs = candidates(text, options.candidates, line_keys)
    if not pairs:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()  # cheaper than splitting a copy of the text without its last newline
    involved = set(pairs).union(*pairs.values())
    order = sorted(involved)
    # Only lines that may relate to a candidate are normalised, all in one pass; a line found to
    # need its form later (compared with a group's best copy) is normalised then.
    telling_apart_pays = _telling_apart_pays(pairs, order, line_keys)
    if telling_apart_pays:
        skeletons = Skeletons(text, lines, order, line_keys, options.similarity)
        may_relate = skeletons.may_relate
        # Equal prefilter keys give equal skeletons: such pairs may relate.
        related = {(i, j) for i, js in pairs.items() for j in js
                   if line_keys[i] == line_keys[j] or may_relate(i, j)}
        keys = skeletons.normalise(sorted({n for pair in related for n in pair}), options.timeout)
    else:
        keys = dict(zip(order, normalise_many([lines[i] for i in order], options.timeout)))

    def key_of(n: int) -> str:
        if n not in keys:
            keys[n] = normalise_many([lines[n]], options.timeout)[0]
        return keys[n]

    printed_cache: dict[int, str] = {}

    def printed(n: int) -> str:
        """Line `n` as printed (NFKC, spaces): asked only of lines whose keys relate."""
        if n not in printed_cache:
            printed_cache[n] = " ".join(unicodedata.normalize("NFKC", lines[n]).split())
        return printed_cache[n]

    counts: dict[str, int] = {}  # filled the first time the verse guard needs it: most never do

    def group(widths: dict[int, int]) -> list[_Group]:
        groups: list[_Group] = []
        group_of: dict[int, _Group] = {}
        removed: set[int] = set()
        for i in sorted(pairs):
            tried: set[int] = set()
            for j in pairs[i]:
                group = group_of.get(j)
                head = group.head if group else j
                if head in tried:
                    continue
                if len(tried) >= options.candidates:
                    break
                tried.add(head)
                if telling_apart_pays and not (
                        (i, j) in related if group is None else any(may_relate(i, m) for m in group.members)):
                    continue
                key = key_of(i)
                # An exact copy of any member belongs here even when the best copy grew past it.
                if group is None:
                    relation = _relation(key_of(j), key, lines[j], lines[i], options)
                else:
                    relation = "exact" if key in group.keys else _relation(
                        keys[group.best], key, lines[group.best], lines[i], options)
                if relation is None:
                    continue
                identical = printed(i) in group.printed if group else printed(i) == printed(j)
                if not identical and _far(lines, removed, group.last_kept if group else j, i, options.window):
                    continue
                if group is None:
                    group = group_of[j] = _Group(j, keys[j], printed(j))
                    groups.append(group)
                if _guarded(lines, keys, group.last_kept, i, involved, removed, counts, options, widths):
                    group.protected.add(i)
                    group.last_kept = i
                else:
                    removed.add(i)
                    if _more_complete(lines[i], key, lines[group.best], keys[group.best]):
                        group.best = i
                group.members.append(i)
                group.keys.add(key)
                group.printed.add(printed(i))
                group.relation[i] = relation
                group_of[i] = group
                break
        return groups

    groups = group({})
    if any(g.protected for g in groups) and any(g.best != g.head for g in groups):
        # The verse guard kept a copy while judging the lines between it and its previous copy
        # as printed, but a line there takes a longer copy's text: judge that text instead, as
        # a second run over the output will.
        groups = group({g.head: len(lines[g.best]) for g in groups if g.best != g.head})

    removals: dict[int, tuple[str, str]] = {}
    edits: list[Edit] = []
    for group in groups:
        dropped = [m for m in group.members[1:] if m not in group.protected]
        if not dropped:
            continue
        kept = lines[group.best]
        for m in dropped:
            removals[m] = (_reason(group.relation[m], lines[m], options),
                           f"same as line {group.head + 1}: {_quote(kept)}")
        if group.best != group.head:
            relation = "truncated" if _ellipsis(lines[group.head]) else group.relation[group.best]
            head = lines[group.head]
            start = sum(len(line) + 1 for line in lines[:group.head])
            edits.append(Edit(STEP, start, start + len(head), head, kept,
                              _reason(relation, head, options),
                              f"replaced by the more complete copy on line {group.best + 1}: {_quote(kept)}"))
    if removals:
        edits.extend(remove_lines(text, STEP, removals, lines))
    return sorted(edits, key=lambda e: e.start)
