"""Unicode repair with ftfy, in the conservative configuration corpus tools agree on.

ftfy's defaults also straighten curly quotes, fold full-width forms, expand ligatures and apply
NFC. Those change text that was never broken (a French guillemet, a Japanese full stop), so they
are off here, as in datatrove's and NeMo Curator's formatters; what stays on repairs damage:
mojibake, HTML entities, terminal escapes, C1 and other control characters, lone surrogates.

ftfy works line by line, and most lines of most articles have nothing it could change. Its
fixers only act on a line that has an "&" (entities), a control character (C0, C1, terminal
escapes, surrogates, the few it removes) or that its mojibake detector `is_bad` flags. `is_bad`
is a 37-way regex that costs as much as the repair; every one of its branches needs two adjacent
characters from its own short list of suspects, a C1 control, "Ã"/"Â" before a space, or
"Œ"/"œ" before a non-letter. One scan for those shapes (`_gate`) clears almost every line of real
text, curly quotes, dashes and accented letters included, and only the lines it flags go to
ftfy: the output is the same, byte for byte (the tests check the claim branch by branch).
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

try:  # the parser behind `re`, used to read ftfy's detector pattern once
    import re._constants as sre_constants
    import re._parser as sre_parse
except ImportError:  # Python < 3.11
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from .document import Document, Edit

# Runs of Unicode White_Space and of everything else, as `regex`'s \s+|\S+ splits them (the tests
# compare the two over every code point), in a class of literal characters that `re` scans
# faster; `re`'s own \s also takes U+001C to U+001F.
_WHITE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_TOKEN = re.compile(f"[{_WHITE}]+|[^{_WHITE}]+")
_REASONS = {
    "unescape_html": "html-entity",
    "remove_terminal_escapes": "terminal-escape",
    "fix_c1_controls": "c1-control",
    "fix_surrogates": "surrogate",
    "remove_control_chars": "control-char",
    "restore_byte_a0": "mojibake",
    "replace_lossy_sequences": "mojibake",
    "decode_inconsistent_utf8": "mojibake",
}


@dataclass(frozen=True)
class UnicodeOptions:
    unescape_html: bool = True
    """Turn "&amp;" into "&". As in ftfy, never in a text that contains "<": that may be markup."""
    max_decode_length: int = 1_000_000
    """ftfy's own cap on a line it tries to re-decode (its default), against huge single lines."""


@lru_cache(maxsize=8)
def _ftfy_config(unescape_html: bool, max_decode_length: int):
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=unescape_html,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        max_decode_length=max_decode_length,
        explain=True,
    )


def _reason(explanation) -> tuple[str, str]:
    steps = [f"{action} {name}" for action, name in explanation or ()]
    reasons = {"mojibake" if action in ("encode", "decode", "transcode") else _REASONS.get(name, "unicode")
               for action, name in explanation or ()}
    reason = "mojibake" if "mojibake" in reasons else min(reasons, default="unicode")
    return reason, "ftfy: " + ", ".join(steps) if steps else "ftfy"


def fix_unicode(doc: Document, options: UnicodeOptions = UnicodeOptions()) -> list[Edit]:
    """Repair mojibake and other encoding damage, one edit per damaged stretch of a line.

    >>> [(e.old, e.new, e.reason) for e in fix_unicode(Document("cafÃ© au lait\\n"))]
    [('Ã©', 'é', 'mojibake')]
    """
    text = doc.text
    # ftfy decides "auto" HTML unescaping on the whole text; so does this step, to match it.
    unescape = options.unescape_html and "<" not in text
    gate = _gate(unescape)
    match = gate.search(text)
    if match is None:
        return []
    config = _ftfy_config(unescape, options.max_decode_length)
    edits: list[Edit] = []
    while match is not None:
        # Only the lines the gate flags can change; ftfy sees each one as fix_text does,
        # with its newline.
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start()) + 1 or len(text)
        segment = text[start:end]
        fixed, explanation = _repair(segment, config, gate)
        if fixed != segment:
            reason, detail = _reason(explanation)
            edits.extend(_diff_edits(segment, fixed, start, reason, detail))
        match = gate.search(text, end) if end < len(text) else None
    return edits


# The fixers `ftfy.fix_and_explain` runs after the encoding repair in each pass, in its order.
_PASS_FIXERS = ("fix_c1_controls", "fix_latin_ligatures", "fix_character_width", "uncurl_quotes",
                "fix_line_breaks", "fix_surrogates", "remove_terminal_escapes", "remove_control_chars")


def _repair(line: str, config, gate: "re.Pattern[str]") -> tuple[str, list]:
    """`ftfy.fix_and_explain(line, config)`, without the confirming runs the gate shows are idle.

    ftfy repeats its encoding repair until a step changes nothing, and its whole pass of fixers
    until a pass changes nothing. On a repaired line each confirmation runs the mojibake detector
    again over the whole line, which is most of what ftfy costs here. Once the gate clears the
    line no enabled fixer can change it, so the confirmation is skipped: the same text and the
    same explanation (tests/test_unicode_gate.py compares the two on damaged text).
    """
    try:
        from ftfy import FIXERS, _fix_encoding_one_step_and_explain as encoding_step
    except ImportError:  # pragma: no cover - a different ftfy: its own loop, confirmations and all
        import ftfy

        return ftfy.fix_and_explain(line, config=config)
    steps: list = []
    text = line
    while True:
        before = text
        if config.unescape_html:
            text = _apply(FIXERS, "unescape_html", text, steps)
        while gate.search(text):  # else the detector finds nothing and the step returns the text
            fixed, plan = encoding_step(text, config)
            steps.extend(plan or ())
            if fixed == text:
                break
            text = fixed
        for name in _PASS_FIXERS:
            if getattr(config, name):
                text = _apply(FIXERS, name, text, steps)
        if text == before or gate.search(text) is None:
            return text, steps


def _apply(fixers, name: str, text: str, steps: list) -> str:
    fixed = fixers[name](text)
    if fixed != text:
        steps.append(("apply", name))
    return fixed


@lru_cache(maxsize=2)
def _gate(unescape_html: bool) -> "re.Pattern[str]":
    """A pattern found in every line that some enabled ftfy fixer could change.

    Built from the installed ftfy's own tables: its control characters, the C1 range and
    surrogates, and for its mojibake detector one pair of adjacent characters per branch (see
    `_detector_pairs`). The pattern starts with a character class, so `re` skips along the text
    to the next trigger character without trying the alternatives at every position.
    """
    from ftfy.chardata import CONTROL_CHARS

    at_once = set(CONTROL_CHARS) | set(range(0x80, 0xA0)) | set(range(0xD800, 0xE000))
    pairs, singles = _detector_pairs()
    at_once |= singles
    triggers = set(at_once)
    shapes, wide = [f"(?<=[{_class(at_once)}])"], []
    if unescape_html:
        # unescape_html only rewrites what its entity pattern matches; "Q&A" is left alone.
        from ftfy.chardata import HTML_ENTITY_RE

        if not HTML_ENTITY_RE.pattern.startswith("&"):  # pragma: no cover - a different ftfy
            raise RuntimeError("ftfy's entity pattern has an unexpected shape")
        triggers.add(ord("&"))
        shapes.append(f"(?<=&){HTML_ENTITY_RE.pattern[1:]}")
    for firsts, second, second_is_ascii_free in pairs:
        triggers |= firsts
        (wide if second_is_ascii_free else shapes).append(f"(?<=[{_class(firsts)}]){second}")
    # Most trigger characters (an "é", a curly quote) are followed by an ASCII letter or space,
    # which no two-suspect branch accepts: one look ahead settles them before the long list.
    shapes.append(f"(?=[^\\x00-\\x7f])(?:{'|'.join(wide)})")
    return re.compile(f"[{_class(triggers)}](?:{'|'.join(shapes)})")


@lru_cache(maxsize=1)
def _detector_pairs() -> tuple[tuple[tuple[frozenset[int], str, bool], ...], frozenset[int]]:
    """For each branch of ftfy's `BADNESS_RE`, two adjacent items that every match of it holds.

    Returns (first characters, pattern of the second character, whether that second is never
    ASCII) triples, merged when the second is the same, and the characters of one-character
    branches. The pair chosen in a branch is the
    rarest in real text: a first character outside ASCII, and preferably a second one too
    ("’" then "é" is ordinary French; "Ã" then "©" is damage, and is what a branch looks for).
    """
    from ftfy.badness import BADNESS_RE

    (op, arg), = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data
    if op is not sre_constants.BRANCH:  # pragma: no cover - a different ftfy
        raise RuntimeError("ftfy's mojibake detector has an unexpected shape")
    by_second: dict[tuple[str, bool], set[int]] = {}
    singles: set[int] = set()
    for branch in arg[1]:
        items = list(branch)
        if len(items) == 1:
            singles |= _codes(items[0]) or set()
            continue
        best = None
        for first, second in zip(items, items[1:]):
            firsts, seconds, pattern = _codes(first), _codes(second), _pattern(second)
            if not firsts or min(firsts) < 0x80 or pattern is None:
                continue
            ascii_free = bool(seconds) and min(seconds) >= 0x80
            rank = (0, len(firsts) * len(seconds)) if ascii_free else (1, len(firsts))
            if best is None or rank < best[0]:
                best = (rank, firsts, (pattern, ascii_free))
        if best is None:  # pragma: no cover - a different ftfy
            raise RuntimeError("a branch of ftfy's mojibake detector has no usable pair")
        by_second.setdefault(best[2], set()).update(best[1])
    pairs = tuple((frozenset(firsts), second, ascii_free)
                  for (second, ascii_free), firsts in sorted(by_second.items()))
    return pairs, frozenset(singles)


def _codes(item) -> "set[int] | None":
    """The code points one parsed item matches, or None unless it is a plain, finite class."""
    op, arg = item
    if op is sre_constants.LITERAL:
        return {arg}
    if op is not sre_constants.IN:
        return None
    codes: set[int] = set()
    for kind, value in arg:
        if kind is sre_constants.LITERAL:
            codes.add(value)
        elif kind is sre_constants.RANGE:
            codes.update(range(value[0], value[1] + 1))
        else:
            return None
    return codes


def _pattern(item) -> "str | None":
    """`re` source for one parsed character item (a literal or a class), else None."""
    op, arg = item
    if op is sre_constants.LITERAL:
        return f"[{_class({arg})}]"
    if op is not sre_constants.IN:
        return None
    parts = []
    for kind, value in arg:
        if kind is sre_constants.NEGATE:
            parts.append("^")
        elif kind is sre_constants.LITERAL:
            parts.append(_class({value}))
        elif kind is sre_constants.RANGE:
            parts.append(_class(set(range(value[0], value[1] + 1))))
        elif kind is sre_constants.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            return None
    return "[" + "".join(parts) + "]"


_CATEGORIES = {sre_constants.CATEGORY_SPACE: r"\s", sre_constants.CATEGORY_WORD: r"\w",
               sre_constants.CATEGORY_DIGIT: r"\d"}


def _class(codes: "set[int] | frozenset[int]") -> str:
    """A regex character class body for a set of code points, as escaped ranges."""
    parts, ordered = [], sorted(codes)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        low, high = ordered[i], ordered[j]
        parts.append(f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}")
        i = j + 1
    return "".join(parts)


def _diff_edits(old: str, new: str, offset: int, reason: str, detail: str) -> list[Edit]:
    """The changed stretches between a line and its repair, as edits.

    The diff runs over words and spaces, not characters: repairs are local to a word or two, and a
    character diff of a long paragraph costs milliseconds. Each changed run of tokens is then
    trimmed to the characters that differ.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    edits = []
    starts_a, starts_b = _offsets(a), _offsets(b)
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            continue
        x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
        start_a, start_b = starts_a[i1], starts_b[j1]
        prefix = len(os.path.commonprefix([x, y]))
        suffix = len(os.path.commonprefix([x[prefix:][::-1], y[prefix:][::-1]]))
        x, y = x[prefix:len(x) - suffix], y[prefix:len(y) - suffix]
        start = offset + start_a + prefix
        edits.append(Edit("unicode", start, start + len(x), x, y, reason, detail))
    return edits


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """`difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()`, cheaply when it can be.

    A re-decoded paragraph usually keeps its token count and changes some words in place. If no
    changed token's old value occurs anywhere in `b`, nor its new value anywhere in `a`, every
    match pairs unchanged positions; a match at i in `a` and j != i in `b` then implies equal
    runs at least as long at i and at j in place, so SequenceMatcher's longest-match-earliest
    choice is always in place, and its blocks are the maximal runs of unchanged positions. Those
    give the same opcodes in linear time; SequenceMatcher's own search is quadratic in the
    space tokens, milliseconds per paragraph. Any other case goes to SequenceMatcher.
    """
    if len(a) == len(b):
        changed = [p for p, (x, y) in enumerate(zip(a, b)) if x != y]
        if {a[p] for p in changed}.isdisjoint(b) and {b[p] for p in changed}.isdisjoint(a):
            codes, p = [], 0
            for start in changed:
                if start < p:
                    continue
                if start > p:
                    codes.append(("equal", p, start, p, start))
                end = start
                while end < len(a) and a[end] != b[end]:
                    end += 1
                codes.append(("replace", start, end, start, end))
                p = end
            if p < len(a):
                codes.append(("equal", p, len(a), p, len(a)))
            return codes
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _offsets(tokens: list[str]) -> list[int]:
    return list(accumulate(map(len, tokens), initial=0))
