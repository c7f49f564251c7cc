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

>>> text = "Title\\n\\nThe minister arriving in Moscow.\\nThe minister arriving in Moscow. Photo: AFP\\n"
>>> edits = remove_duplicates(Document(text), CaptionOptions())
>>> [(e.reason, e.new) for e in edits]
[('duplicate-caption', 'The minister arriving in Moscow. Photo: AFP'), ('duplicate-caption', '')]
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, islice
from operator import itemgetter, methodcaller

import regex

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


# Credits one copy of a caption carries (case-folded NFKC): en/fr/de/es/it/pt words, wire services.
_CREDIT_WORDS = (
    r"photos?|photograph(?:y|ie)?|pictures?|pics?|images?|imagen|immagine|imagem|bild(?:er)?|bildquelle|"
    r"fotos?|fotografía|fotografia|foto\s*credit|crédits?|credits?|crédito|créditos|source|sources|"
    r"quelle|fuente|fonte|copyright|illustration|grafik|gráfico|video|vídeo|archiv(?:bild|foto)?|"
    r"archive|file\s+photo|foto\s+de\s+archivo"
)
_AGENCIES = (
    r"reuters|afp|ap|dpa|epa|efe|ansa|anp|apa|sda|ats|keystone|belga|lusa|xinhua|tass|"
    r"ria\s+novosti|kyodo|europa\s+press|agencia\s+brasil|getty(?:\s+images)?|imago|"
    r"shutterstock|istock(?:photo)?|picture\s+alliance|ullstein\s*bild|sipa|abaca|pa|"
    r"alamy|unsplash|pixabay|wikimedia(?:\s+commons)?|ips|bloomberg|nurphoto"
)
_CREDIT_TAIL = (
    rf"(?:\(?\b(?:{_CREDIT_WORDS})\b(?:\s+(?:{_CREDIT_WORDS}|by|von|de|di|par|da))?\s*[:©/]"
    rf"[^\n]{{0,50}}?\)?"
    rf"|\(?\b(?:photos?|pictures?|images?|fotos?)\s+(?:by|von|de|di|par|da)\s[^\n]{{1,60}}?\)?"
    rf"|\(\s*(?:{_CREDIT_WORDS})\b[^()\n]{{1,60}}\)"
    rf"|\(?(?:©|\(c\))[^\n]{{1,50}}?\)?"
    rf"|\((?:{_AGENCIES})(?:\s*/\s*[^\n()]{{1,40}})?\)|(?:{_AGENCIES})\s*/\s*[^\n]{{1,40}}?)"
)

# The credit patterns are slow to try at every position of a line, so they are tried only from
# the first of these stems (every credit word contains one) or agencies after "(" or before "/".
_CREDIT_STEMS = ("photo", "pic", "imag", "bild", "foto", "crédit", "credit", "source", "quelle",
                 "fuente", "fonte", "copyright", "illustration", "grafik", "gráfico", "video",
                 "vídeo", "archiv", "©", "(c)")
_AGENCY_WORDS = tuple(w for w in regex.sub(r"[^a-z]", " ", _AGENCIES.replace(r"\s", " ")).split()
                      if len(w) > 1)
_AGENCY_SPACED = tuple(f"{w} " for w in _AGENCY_WORDS)
_PAREN_FORMS = ("(c)",) + tuple(f"({w}" for w in _AGENCY_WORDS)
_AGENCY_FORMS = tuple(f"{a}{b}" for w in _AGENCY_WORDS for a, b in ((f"({w}", ""), (w, "/"), (w, " /")))
_SCANNED_STEMS = tuple((stem, frozenset(c for c in stem if not c.isascii()))
                       for stem in _CREDIT_STEMS if stem != "(c)")


def _credit_cue(line: str) -> int:
    """Where the first possible credit starts in `line`, or -1."""
    found = [at for at in map(line.find, _CREDIT_STEMS) if at >= 0]
    if "(" in line or "/" in line:
        found += [at for at in map(line.find, _AGENCY_FORMS) if at >= 0]
    return min(found, default=-1)


@lru_cache(maxsize=None)
def _patterns() -> tuple[regex.Pattern, ...]:
    # A suffix credit follows some text; a line that is only a credit is left to compare as is.
    suffix = regex.compile(rf"(?<=[\p{{L}}\p{{N}}\p{{P}}])[\p{{Z}}|–—-]*\p{{Z}}{_CREDIT_TAIL}[\p{{Z}}.]*$"
                           rf"|(?<=[\p{{L}}\p{{N}}\p{{P}}])\p{{Z}}*(?=\()\p{{Z}}*{_CREDIT_TAIL}[\p{{Z}}.]*$")
    prefix = regex.compile(rf"^{_CREDIT_TAIL}\s*(?:[|–—:]|\s-)\s*")
    word = regex.compile(r"[\p{L}\p{N}]")
    return suffix, prefix, word


def normalise(line: str, timeout: float = 1.0) -> str:
    """The form two copies are compared in: NFKC, case folded, credits and punctuation dropped.

    >>> normalise("“Niger’s PM” arriving in Moscow… Photo: AFP")
    'niger s pm arriving in moscow'
    >>> normalise("Foto: dpa | Der Kanzler in Paris.")
    'der kanzler in paris'
    """
    return _normalise_many([line], timeout)[0]


class _Punctuation(dict):
    """str.translate table: \\p{L}, \\p{N}, \\p{M} and newlines stay, \\p{Cf} (soft hyphens,
    zero-width marks) goes, anything else becomes a space. Filled on demand for any script;
    several times faster than a regex that replaces every gap between words."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        keep = char == "\n" or char.isalnum() or category.startswith("M")
        self[code] = char if keep else "" if category == "Cf" else " "
        return self[code]


_PUNCTUATION = _Punctuation()
_ASCII_BYTES = bytes(range(128))
_ASCII_LOWER = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))
# _PUNCTUATION on ASCII bytes; bytes of other characters stay.
_ASCII_SPACES = bytes(c if c > 127 or chr(c).isalnum() or c == 10 else 32 for c in range(256))
_SPACES = re.compile(rb"  +")


def _normalise_many(lines: list[str], timeout: float) -> list[str]:
    # One pass over all lines costs far less than one per line: the text is folded, searched for
    # credit cues and stripped of punctuation as a whole, and only lines with a cue are visited.
    suffix, prefix, word = _patterns()
    text, wide = _fold("\n".join(lines))
    cued = _cued_lines(text, wide)
    if cued:
        folded = text.split("\n")
        for n in cued:
            line = folded[n]
            cue, stripped = _credit_cue(line), line
            if cue <= 3:
                stripped = prefix.sub("", line, timeout=timeout)
                cue = _credit_cue(stripped)
            start = max(0, cue - 8)
            found = (suffix.search(stripped, start, timeout=timeout)
                     if cue >= 0 and _may_end_in_credit(stripped, start) else None)
            if found:
                stripped = stripped[:found.start()]
            if stripped != line and word.search(stripped, timeout=timeout):
                folded[n] = stripped  # a line that is all credit stays comparable as it is
        text = "\n".join(folded)
    # `" ".join(key.split())` for every line: after _PUNCTUATION the only space left is " ".
    for char in wide:
        new = _PUNCTUATION[ord(char)]
        if new != char:
            text = text.replace(char, new)
    keys = _SPACES.sub(b" ", text.encode().translate(_ASCII_SPACES)).decode().split("\n")
    return list(map(str.strip, keys))


# The words of the one credit form with none of ":", "/", "(" or "©": "photo by ...".
_BY_WORDS = ("photo", "picture", "image", "foto")


def _may_end_in_credit(line: str, start: int) -> bool:
    """False when the suffix credit pattern cannot match `line` from `start`, told by a few finds:
    tried at every position of a long line, the pattern takes tens of microseconds to fail. Each
    of its forms holds "/" or a word of `_BY_WORDS`, or has ":", "©" or ")" followed by at most
    51 characters and then only spaces and dots (64 are looked at)."""
    trimmed = line
    while (shorter := trimmed.rstrip().rstrip(".")) != trimmed:
        trimmed = shorter
    end = len(trimmed)
    last = line[max(start, end - 64):end]
    return (any(mark in last for mark in ":©)") or line.find("/", start) >= 0
            or any(line.find(word, start) >= 0 for word in _BY_WORDS))


class _Compatible(dict):
    """A character's NFKC form on its own, filled on demand."""

    def __missing__(self, char: str) -> str:
        self[char] = unicodedata.normalize("NFKC", char)
        return self[char]


_COMPATIBLE = _Compatible()


def _fold(text: str) -> tuple[str, set[str]]:
    """`unicodedata.normalize("NFKC", text).casefold()`, and the non-ASCII characters of the
    result (or more), at memory speed on long text: both are per character but for combining
    marks, so the few distinct non-ASCII characters of a text are mapped one by one and its ASCII
    lowercased in one bytes.translate."""
    if text.isascii():
        return text.lower(), set()
    wide = set(text.encode().translate(None, _ASCII_BYTES).decode())
    # Replacing each character by its own NFKC form leaves the NFKD form of the text as it was,
    # so NFKC of the result is NFKC of the text; on a text with nothing left to compose it
    # returns at once (the same object), and then the characters it holds are known.
    replaced = text
    for char in list(wide):
        new = _COMPATIBLE[char]
        if new != char:
            replaced = replaced.replace(char, new)
            wide.update(c for c in new if not c.isascii())
    text = unicodedata.normalize("NFKC", replaced)
    if text is not replaced:
        wide = set(text.encode().translate(None, _ASCII_BYTES).decode())
    # Folding is per character, and a folded character folds to itself.
    folded = text.encode().translate(_ASCII_LOWER).decode()
    for char in list(wide):
        new = char.casefold()
        if new != char:
            folded = folded.replace(char, new)
            wide.update(c for c in new if not c.isascii())
    return folded, wide


def _cued_lines(text: str, wide: set[str]) -> list[int]:
    """The lines of `text` in which `_credit_cue` finds a cue, in order. A scan of the whole text
    per stem is cheaper than per line, and a line with a hit needs no further scan. `wide` holds
    every non-ASCII character of `text`: a stem with another is not looked for."""
    hits = []
    for stem, needs in _SCANNED_STEMS:
        if needs and not needs <= wide:
            continue
        at = text.find(stem)
        while at >= 0:
            hits.append(at)
            end = text.find("\n", at)
            at = text.find(stem, end) if end >= 0 else -1
    # "(c)" and every agency form hold "(" or "/", rare characters found at memory speed.
    at = text.find("(")
    while at >= 0:
        if text.startswith(_PAREN_FORMS, at):
            hits.append(at)
        at = text.find("(", at + 1)
    at = text.find("/")
    while at >= 0:
        if text.endswith(_AGENCY_WORDS, 0, at) or text.endswith(_AGENCY_SPACED, 0, at):
            hits.append(at)
        at = text.find("/", at + 1)
    if not hits:
        return []
    ends = list(accumulate(len(line) + 1 for line in text.split("\n")))
    return sorted({bisect_right(ends, at) for at in hits})


# The prefilter runs bytes.translate on UTF-8 (memory speed): ASCII lowercased, ASCII punctuation
# and spaces dropped, every other byte kept, so no letter of any script is lost; common wide
# punctuation goes first. It only proposes candidates: the Unicode-aware `normalise` decides.
_ASCII_DROP = bytes(c for c in range(128) if not chr(c).isalnum() and c != 10)
_WIDE_PUNCTUATION = "\u2018\u2019\u201a\u201c\u201d\u201e\xab\xbb\u2039\u203a\xa0\u202f\u2009\u2026\u2013\u2014\xad\u200b\xa9\xb7\u2022"
_KEY_BYTES = 16  # bytes of the prefix and suffix keys: longer than any credit, shorter than a caption
_ELLIPSES = ("\u2026", "...", "[\u2026]", "[...]", "(\u2026)", "(...)")


def _prefilter_keys(text: str) -> list[bytes]:
    """Each line of `text` lowercased (ASCII), without ASCII punctuation, spaces or common wide
    punctuation: the key the prefilter groups lines by."""
    if not text.isascii():
        for mark in _WIDE_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
    return text.encode().translate(_ASCII_LOWER, _ASCII_DROP).split(b"\n")


def _candidates(text: str, limit: int, keys: list[bytes] | None = None) -> dict[int, list[int]]:
    """For each line of `text`, earlier lines (newest first) that share its whole key, or its first
    or last bytes. Lines with no such earlier or later line are absent from every list. `keys` are
    the `_prefilter_keys` of `text` when the caller has them already."""
    if keys is None:
        keys = _prefilter_keys(text)
    # Most documents repeat nothing, and in the others most lines share no key: counting the keys
    # (in C) settles both before any per-line Python work.
    indices = [i for i, key in enumerate(keys) if len(key) >= 8]
    head_keys = [keys[i][:_KEY_BYTES] for i in indices]
    tail_keys = [keys[i][-_KEY_BYTES:] for i in indices]
    head_counts, tail_counts = Counter(head_keys), Counter(tail_keys)
    if len(head_counts) == len(indices) and len(tail_counts) == len(indices):
        return {}
    whole: dict[bytes, int] = {}
    heads: dict[bytes, list[int]] = {}
    tails: dict[bytes, list[int]] = {}
    pairs: dict[int, list[int]] = {}
    for i, head, tail in zip(indices, head_keys, tail_keys):
        shared_head, shared_tail = head_counts[head] > 1, tail_counts[tail] > 1
        if not (shared_head or shared_tail):
            continue  # equal whole keys share their head too
        first = whole.setdefault(keys[i], i)
        by_head = heads.setdefault(head, []) if shared_head else []
        by_tail = tails.setdefault(tail, []) if shared_tail else []
        # Each list holds earlier lines in order, once: only lines in both need sorting.
        if by_head and by_tail:
            earlier = sorted(set(by_head[-limit:]).union(by_tail[-limit:]), reverse=True)
        else:
            earlier = (by_head or by_tail)[-limit:][::-1]
        if first != i:
            # The line with the same whole key comes first, however far back: the likely match.
            if first in earlier:
                earlier.remove(first)
            earlier.insert(0, first)
        if earlier:
            pairs[i] = earlier
        by_head.append(i)
        by_tail.append(i)
    return pairs


# A plain line is one whose normalised form is known without computing it to hold exactly its
# ASCII letters and digits (lowercased, in order: its skeleton) and to be no longer than the line
# (or the line and its skeleton, when a character is spelled out as "ß" is as "ss"). Most lines
# that share a prefilter key with another are different sentences that begin alike; for two plain
# lines that is settled from their skeletons alone, and neither needs to be normalised. A credit
# is what could break this, and every credit pattern needs ":", "/", "(", "©" or one of these words.
_LONG_LINES = 160  # mean prefilter key bytes from which telling lines apart pays (captions_results)
_CREDIT_MARKS = (":", "/", "(")
_CREDIT_SPACED_WORDS = tuple(word.encode() for word in _BY_WORDS)
# From its first word to the end of the line, a "photo by" credit that ends it holds at most 71
# letters ("pictures", "von", 60 of a name); the skeleton holds no more of them.
_BY_REACH = 80
_NON_ASCII_BYTES = bytes(range(128, 256))


class _Plain(dict):
    """How a non-ASCII character shows in a plain line, filled on demand: its bytes in the
    skeleton and in the normalised form, or None when it makes a line not plain. It keeps a line
    plain when its NFKC form, case folded, is ASCII letters and digits ("ß", "ss": spelled in the
    skeleton) or holds no ASCII but spaces and dots and, without punctuation, one character or
    only spaces (absent from the skeleton); and when neither it nor its decomposition's first
    character can join the character before it under NFKC: combining marks and Hangul vowel and
    final jamo are the only ones that can (a test checks it on the whole Unicode table)."""

    def __missing__(self, char: str) -> tuple[bytes, bytes] | None:
        folded = unicodedata.normalize("NFKC", char).casefold()
        form = "".join(_PUNCTUATION[ord(c)] for c in folded).encode()
        if char == "©" or not all(map(_stands_alone, (char, unicodedata.normalize("NFKD", char)[0]))):
            self[char] = None
        elif folded.isascii() and folded.isalnum():
            self[char] = folded.encode(), form
        elif not any(c.isascii() and c not in " ." for c in folded) and (len(form.decode()) <= 1 or not form.strip(b" ")):
            self[char] = b"", form
        else:
            self[char] = None
        return self[char]


def _stands_alone(char: str) -> bool:
    return not (unicodedata.category(char).startswith("M") or unicodedata.combining(char)
                or "\u1160" <= char <= "\u11ff")


_PLAIN = _Plain()
_NOT_DIGITS = bytes(c for c in range(256) if not 48 <= c <= 57)
# _ASCII_LOWER and _ASCII_SPACES in one table.
_ASCII_FOLD_SPACES = bytes(_ASCII_SPACES[c] if c > 127 or not chr(c).isalpha() else _ASCII_LOWER[c] for c in range(256))


class _Skeletons:
    """The ASCII letters and digits of plain lines, as their normalised forms hold them: enough to
    tell most pairs of lines that share a prefilter key apart without normalising either."""

    def __init__(self, text: str, lines: list[str], order: list[int], keys: list[bytes], similarity: float) -> None:
        """`lines` and `keys` are those of `text` (its lines and prefilter keys); `order` the
        lines to consider."""
        self.lines = lines
        # A form can grow by the words a near copy adds: 2 * short / (short + long) >= similarity.
        self.slack = (2 - 2 * similarity) / similarity if similarity > 0 else float("inf")
        self.letters: dict[int, bytes] = {}
        self.spelled: list[str] = []
        if not order:
            return
        joined = b"\n".join([keys[n] for n in order])
        wide = () if joined.isascii() else set(joined.translate(None, _ASCII_BYTES).decode())
        marks = [*_CREDIT_MARKS, "©", *(c for c in wide if _PLAIN[c] is None)]
        self.spelled = [c for c in wide if _PLAIN[c] and _PLAIN[c][0]]
        for char in self.spelled:
            joined = joined.replace(char.encode(), _PLAIN[char][0])
        if wide:
            joined = joined.translate(None, _NON_ASCII_BYTES)
        letters = joined.split(b"\n")
        not_plain = _line_numbers(text, [at for mark in marks for at in _finds(text, mark)])
        # "Photo by ..." is a credit only at either end of a line: its words open the skeleton or
        # lie in its last letters.
        ends = b"\n".join(map(itemgetter(slice(-_BY_REACH, None)), letters))
        at_word = _line_numbers(ends, [at for word in _CREDIT_SPACED_WORDS for at in _finds(ends, word)])
        not_plain.update(order[k] for k in at_word)
        not_plain.update(compress(order, map(methodcaller("startswith", _CREDIT_SPACED_WORDS), letters)))
        self.letters = dict(zip(order, letters))
        for n in not_plain:
            self.letters.pop(n, None)

    def may_relate(self, a: int, b: int) -> bool:
        """False only when lines `a` and `b` are plain and `_relation` of their normalised forms is
        sure to be None. Equal forms have equal skeletons, a cut copy's skeleton starts the full
        one's, and a near copy's skeleton (its digits too) is a subsequence of the longer one's,
        longer by no more than the words added."""
        short, long_ = self.letters.get(a), self.letters.get(b)
        if short is None or long_ is None or short == long_:
            return True
        if len(short) > len(long_):
            a, short, long_ = b, long_, short
        if long_.startswith(short):
            return True
        # A form is no longer than its line, or than its line and skeleton with spelled characters.
        room = len(self.lines[a]) + (len(short) if self.spelled else 0)
        if len(short) == len(long_) or len(long_) - len(short) > self.slack * room + 1:
            return False
        short, long_ = short.translate(None, _NOT_DIGITS), long_.translate(None, _NOT_DIGITS)
        digits = iter(long_)
        return short == long_ or len(short) < len(long_) and all(d in digits for d in short)

    def normalise(self, lines: list[int], timeout: float) -> dict[int, str]:
        """The normalised forms of these lines: as `_normalise_many`, but for plain lines every
        character maps on its own, so their non-ASCII characters are replaced in the UTF-8 bytes
        and the rest is one translate."""
        plain = [n for n in lines if n in self.letters]
        other = [n for n in lines if n not in self.letters]
        forms = dict(zip(other, _normalise_many([self.lines[n] for n in other], timeout))) if other else {}
        if plain:
            data = "\n".join([self.lines[n] for n in plain]).encode()
            for char in set(data.translate(None, _ASCII_BYTES).decode()):
                if _PLAIN[char][1] != char.encode():
                    data = data.replace(char.encode(), _PLAIN[char][1])
            keys = _SPACES.sub(b" ", data.translate(_ASCII_FOLD_SPACES)).decode().split("\n")
            forms.update(zip(plain, map(str.strip, keys)))
        return forms


def _finds(text, part):
    """Every offset of `part` in `text` (str or bytes), in order."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def _line_numbers(text, offsets: list[int]) -> set[int]:
    """The numbers of the lines of `text` (split at newlines) holding these offsets."""
    numbers, line, counted = set(), 0, 0
    newline = "\n" if isinstance(text, str) else b"\n"
    for at in sorted(offsets):
        line += text.count(newline, counted, at)
        counted = at
        numbers.add(line)
    return numbers


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
             removed: set[int], counts: dict[str, int], options: CaptionOptions) -> bool:
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
    if len(gap) > options.verse_max_gap or any(len(lines[j]) > options.verse_max_chars for j in gap):
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
    prefilter_keys = _prefilter_keys(text)
    pairs = _candidates(text, options.candidates, prefilter_keys)
    if not pairs:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()  # cheaper than splitting a copy of the text without its last newline
    involved = set(pairs).union(*pairs.values())
    order = sorted(involved)
    # Only lines that may relate to a candidate are normalised, all in one pass; a line found to
    # need its form later (compared with a group's best copy) is normalised then.
    telling_apart_pays = _telling_apart_pays(pairs, order, prefilter_keys)
    if telling_apart_pays:
        skeletons = _Skeletons(text, lines, order, prefilter_keys, options.similarity)
        may_relate = skeletons.may_relate
        # Equal prefilter keys give equal skeletons: such pairs may relate.
        related = {(i, j) for i, js in pairs.items() for j in js
                   if prefilter_keys[i] == prefilter_keys[j] or may_relate(i, j)}
        keys = skeletons.normalise(sorted({n for pair in related for n in pair}), options.timeout)
    else:
        keys = dict(zip(order, _normalise_many([lines[i] for i in order], options.timeout)))

    def key_of(n: int) -> str:
        if n not in keys:
            keys[n] = _normalise_many([lines[n]], options.timeout)[0]
        return keys[n]

    printed_cache: dict[int, str] = {}

    def printed(n: int) -> str:
        """Line `n` as printed (NFKC, spaces): asked only of lines whose keys relate."""
        if n not in printed_cache:
            printed_cache[n] = " ".join(unicodedata.normalize("NFKC", lines[n]).split())
        return printed_cache[n]

    groups: list[_Group] = []
    group_of: dict[int, _Group] = {}
    removed: set[int] = set()
    counts: dict[str, int] = {}  # filled the first time the verse guard needs it: most never do
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
                relation = "exact" if key == key_of(j) else _relation(keys[j], key, lines[j], lines[i], options)
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
            if _guarded(lines, keys, group.last_kept, i, involved, removed, counts, options):
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
    if removals:  # remove_lines splits the whole text again
        edits.extend(remove_lines(text, STEP, removals))
    return sorted(edits, key=lambda e: e.start)
