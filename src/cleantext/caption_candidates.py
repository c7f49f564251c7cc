"""Which lines the captions step compares with which: a prefilter for candidate pairs, and
skeletons that tell most of them apart before either line is normalised.

Comparing every line with every earlier one is quadratic, and normalising a line (credit patterns,
NFKC) is the step's main cost. So lines are first grouped by a cheap byte key, only lines sharing
the start or end of a key become candidates, and for pairs of plain lines their ASCII letters
decide whether they can relate at all. Both only narrow the search: `cleantext.captions` decides
on the normalised forms from `cleantext.caption_forms`, and gives the same edits without them.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from itertools import compress
from operator import itemgetter, methodcaller

from .caption_forms import (ASCII_BYTES, ASCII_LOWER, ASCII_SPACES, BY_WORDS, PUNCTUATION, SPACES, finds,
                            line_numbers, normalise_many)

# The prefilter runs bytes.translate on UTF-8 (memory speed): ASCII lowercased, ASCII punctuation
# and spaces dropped, every other byte kept, so no letter of any script is lost; common wide
# punctuation goes first. It only proposes candidates: the Unicode-aware `normalise` decides.
_ASCII_DROP = bytes(c for c in range(128) if not chr(c).isalnum() and c != 10)
_WIDE_PUNCTUATION = "\u2018\u2019\u201a\u201c\u201d\u201e\xab\xbb\u2039\u203a\xa0\u202f\u2009\u2026\u2013\u2014\xad\u200b\xa9\xb7\u2022"
_KEY_BYTES = 16  # bytes of the prefix and suffix keys: longer than any credit, shorter than a caption


def prefilter_keys(text: str) -> list[bytes]:
    """Each line of `text` lowercased (ASCII), without ASCII punctuation, spaces or common wide
    punctuation: the key the prefilter groups lines by."""
    if not text.isascii():
        for mark in _WIDE_PUNCTUATION:
            if mark in text:
                text = text.replace(mark, " ")
    return text.encode().translate(ASCII_LOWER, _ASCII_DROP).split(b"\n")


def candidates(text: str, limit: int, keys: list[bytes] | None = None) -> dict[int, list[int]]:
    """For each line of `text`, earlier lines (newest first) that share its whole key, or its first
    or last bytes. Lines with no such earlier or later line are absent from every list. `keys` are
    the `prefilter_keys` of `text` when the caller has them already."""
    if keys is None:
        keys = prefilter_keys(text)
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
_CREDIT_MARKS = (":", "/", "(")
_CREDIT_SPACED_WORDS = tuple(word.encode() for word in BY_WORDS)
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
        form = "".join(PUNCTUATION[ord(c)] for c in folded).encode()
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
# ASCII_LOWER and ASCII_SPACES in one table.
_ASCII_FOLD_SPACES = bytes(ASCII_SPACES[c] if c > 127 or not chr(c).isalpha() else ASCII_LOWER[c] for c in range(256))


class Skeletons:
    """The ASCII letters and digits of plain lines, as their normalised forms hold them: enough to
    tell most pairs of lines that share a prefilter key apart without normalising either."""

    def __init__(self, text: str, lines: list[str], order: list[int], keys: list[bytes], similarity: float) -> None:
        """`lines` and `keys` are those of `text` (its lines and prefilter keys); `order` the
        lines to consider."""
        self.lines = lines
        # A form can grow by the words a near copy adds: 2 * short / (short + long) >= similarity.
        self.slack = (2 - 2 * similarity) / similarity if similarity > 0 else float("inf")
        joined = b"\n".join([keys[n] for n in order])
        wide = () if joined.isascii() else set(joined.translate(None, ASCII_BYTES).decode())
        marks = [*_CREDIT_MARKS, "©", *(c for c in wide if _PLAIN[c] is None)]
        self.spelled = [c for c in wide if _PLAIN[c] and _PLAIN[c][0]]
        for char in self.spelled:
            joined = joined.replace(char.encode(), _PLAIN[char][0])
        if wide:
            joined = joined.translate(None, _NON_ASCII_BYTES)
        letters = joined.split(b"\n")
        not_plain = line_numbers(text, [at for mark in marks for at in finds(text, mark)])
        # "Photo by ..." is a credit only at either end of a line: its words open the skeleton or
        # lie in its last letters.
        ends = b"\n".join(map(itemgetter(slice(-_BY_REACH, None)), letters))
        at_word = line_numbers(ends, [at for word in _CREDIT_SPACED_WORDS for at in finds(ends, word)])
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
        """The normalised forms of these lines: as `normalise_many`, but for plain lines every
        character maps on its own, so their non-ASCII characters are replaced in the UTF-8 bytes
        and the rest is one translate."""
        plain = [n for n in lines if n in self.letters]
        other = [n for n in lines if n not in self.letters]
        forms = dict(zip(other, normalise_many([self.lines[n] for n in other], timeout))) if other else {}
        if plain:
            data = "\n".join([self.lines[n] for n in plain]).encode()
            for char in set(data.translate(None, ASCII_BYTES).decode()):
                if _PLAIN[char][1] != char.encode():
                    data = data.replace(char.encode(), _PLAIN[char][1])
            keys = SPACES.sub(b" ", data.translate(_ASCII_FOLD_SPACES)).decode().split("\n")
            forms.update(zip(plain, map(str.strip, keys)))
        return forms
