"""The gazetteer step's guards: per-document evidence (line languages, person names, mentions)
and the verdict on each match, fix, suggestion or nothing. See `cleantext.gazetteer` for the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleantext.language import LanguageOptions, detect
from cleantext.matching import (JOINERS, TITLES, WORD, _NOT_PLAIN, _PLAIN_WORD, _WORD_CHAR, Match, _is_word_char,
                                _near_multi_part, _neighbours, _Paragraph)
from cleantext.names import (Gazetteer, common_words, fold, fold_key, lookup, lower_key, max_distance, multi_parts,
                             near_part, tier, zipf)

if TYPE_CHECKING:
    from cleantext.gazetteer import GazetteerOptions

ENGLISH_MARKERS = frozenset("""a an the and of to in on is that for with was as by at from this are be have
has had not but they we you he she his her their which will would been were or its it into after
before over said says""".split())
# Function words of the other languages the corpora hold, none of them an English word ("in",
# "a", "as", "do" and "no" are both): Portuguese prose shares "a" and "as" with English and needs
# more of its own to be told apart without asking langdetect.
OTHER_MARKERS = frozenset("""der die das und ist nicht ein eine den dem des sich auch von zu mit auf für im
werden wird hat dass bei nach aus
le la les et est une dans pour sur qui des du au aux avec sont pas ne ce cette leur
el los las del que por con una para al su sus más pero muy sin también este esta
het een van ook niet
il che di della per non sono gli nel nella dei delle degli anche alla è
nos dos da não uma em os das na ao aos pelo pela pelos pelas com foi mais sem seu sua ou há já está
até após nas num numa à""".split())


OTHER = "other"


SHORT_LINE = 100
"""A line shorter than this (a caption, a heading) takes the document's language: on lines of 50
to 100 characters of the benchmark corpus langdetect named the wrong language 2 to 4 % of the
time (an English caption came out German), and on lines of 100 or more it was never wrong."""


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
        if code == OTHER and not self.only_english:
            return True
        # A short line takes the document's label, which langdetect gives once per document.
        long = paragraph.end - paragraph.start >= SHORT_LINE
        return code == "und" and (long or -1 not in self.languages)

    def language(self, paragraph: _Paragraph) -> tuple[str, float]:
        if paragraph.start not in self.languages:
            # Plain English prose is recognised from its common words for free; langdetect (a few
            # milliseconds a call) is asked only about the rest.
            code, score = self._language_by_words(paragraph.start)
            ask = paragraph.end - paragraph.start >= SHORT_LINE
            if code == OTHER and not self.only_english:
                code, ask = "und", True  # another language may be one we fix: ask langdetect which
            if code == "und" and ask:  # langdetect's cost grows with the text; 500 characters settle it
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
