"""The form in which the captions step compares two lines, and the credits it drops to get there.

Two copies of a caption rarely match as printed: one carries a photo credit ("Photo: AFP",
"(Reuters)"), quotes are curly on one side, case differs. `normalise` maps both to one form (NFKC,
case folded, credits and punctuation dropped). The credit patterns are slow, so most of this
module is there to make normalising a whole document cost about one pass over its text; the
step itself, and what it does with the forms, is `cleantext.captions`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

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
    return normalise_many([line], timeout)[0]


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


PUNCTUATION = _Punctuation()
ASCII_BYTES = bytes(range(128))
ASCII_LOWER = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))
# PUNCTUATION on ASCII bytes; bytes of other characters stay.
ASCII_SPACES = bytes(c if c > 127 or chr(c).isalnum() or c == 10 else 32 for c in range(256))
SPACES = re.compile(rb"  +")


def normalise_many(lines: list[str], timeout: float) -> list[str]:
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
    # `" ".join(key.split())` for every line: after PUNCTUATION the only space left is " ".
    for char in wide:
        new = PUNCTUATION[ord(char)]
        if new != char:
            text = text.replace(char, new)
    keys = SPACES.sub(b" ", text.encode().translate(ASCII_SPACES)).decode().split("\n")
    return list(map(str.strip, keys))


# The words of the one credit form with none of ":", "/", "(" or "©": "photo by ...".
BY_WORDS = ("photo", "picture", "image", "foto")


def _may_end_in_credit(line: str, start: int) -> bool:
    """False when the suffix credit pattern cannot match `line` from `start`, told by a few finds:
    tried at every position of a long line, the pattern takes tens of microseconds to fail. Each
    of its forms holds "/" or a word of `BY_WORDS`, or has ":", "©" or ")" followed by at most
    51 characters and then only spaces and dots (64 are looked at)."""
    trimmed = line
    while (shorter := trimmed.rstrip().rstrip(".")) != trimmed:
        trimmed = shorter
    end = len(trimmed)
    last = line[max(start, end - 64):end]
    return (any(mark in last for mark in ":©)") or line.find("/", start) >= 0
            or any(line.find(word, start) >= 0 for word in BY_WORDS))


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
    wide = set(text.encode().translate(None, ASCII_BYTES).decode())
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
        wide = set(text.encode().translate(None, ASCII_BYTES).decode())
    # Folding is per character, and a folded character folds to itself.
    folded = text.encode().translate(ASCII_LOWER).decode()
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
    hits += [at for at in finds(text, "(") if text.startswith(_PAREN_FORMS, at)]
    hits += [at for at in finds(text, "/")
             if text.endswith(_AGENCY_WORDS, 0, at) or text.endswith(_AGENCY_SPACED, 0, at)]
    return sorted(line_numbers(text, hits))


def finds(text, part):
    """Every offset of `part` in `text` (str or bytes), in order."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def line_numbers(text, offsets: list[int]) -> set[int]:
    """The numbers of the lines of `text` (split at newlines) holding these offsets."""
    numbers, line, counted = set(), 0, 0
    newline = "\n" if isinstance(text, str) else b"\n"
    for at in sorted(offsets):
        line += text.count(newline, counted, at)
        counted = at
        numbers.add(line)
    return numbers
