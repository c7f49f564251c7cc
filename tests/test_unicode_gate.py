"""The gate before ftfy: every line it lets through unrepaired is one ftfy would not change.

The claim is checked two ways. Exhaustively, branch by branch against the installed ftfy's
mojibake detector: each branch of `BADNESS_RE` has two consecutive items such that every pair of
characters they can match is found by the gate. And on random text full of mojibake, entities and
control characters, where the gated step must give exactly `ftfy.fix_text` with the same settings.
"""

import sys

import ftfy
import pytest
from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import CONTROL_CHARS
from hypothesis import example, given, settings, strategies as st

from cleantext.document import Document, apply_edits
from cleantext.unicode import _ftfy_config, _gate, _repair, fix_unicode, sre_constants, sre_parse

ALL_CODES = range(sys.maxunicode + 1)


def _charset(item):
    """The characters one parsed item matches, or None when it is not a single character."""
    op, arg = item
    if op is sre_constants.LITERAL:
        return [chr(arg)]
    if op is sre_constants.ANY:
        return [chr(c) for c in ALL_CODES if c != 10]
    if op is not sre_constants.IN:
        return None
    compiled = __import__("re").compile(_unparse(arg))
    if len(arg) < 40 and not any(o is sre_constants.NEGATE or o is sre_constants.CATEGORY for o, _ in arg):
        codes = []
        for o, a in arg:
            codes.extend([a] if o is sre_constants.LITERAL else range(a[0], a[1] + 1))
        return [chr(c) for c in codes]
    return [chr(c) for c in ALL_CODES if compiled.fullmatch(chr(c))]


def _unparse(arg) -> str:
    parts = []
    for o, a in arg:
        if o is sre_constants.NEGATE:
            parts.append("^")
        elif o is sre_constants.LITERAL:
            parts.append(f"\\U{a:08x}")
        elif o is sre_constants.RANGE:
            parts.append(f"\\U{a[0]:08x}-\\U{a[1]:08x}")
        elif o is sre_constants.CATEGORY:
            parts.append({sre_constants.CATEGORY_SPACE: r"\s", sre_constants.CATEGORY_WORD: r"\w",
                          sre_constants.CATEGORY_DIGIT: r"\d"}[a])
        else:
            raise AssertionError(f"unexpected item in a class: {o}")
    return "[" + "".join(parts) + "]"


def _branches():
    tree = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    (op, arg), = tree.data
    assert op is sre_constants.BRANCH
    return [list(branch.data) for branch in arg[1]]


@pytest.mark.parametrize("index", range(len(_branches())))
def test_every_detector_branch_is_seen_by_the_gate(index):
    """Some two consecutive items of the branch (or one, if it is a single item) are such that
    every string they can match is found by the gate; a match of the branch contains one."""
    gate = _gate(False)
    items = _branches()[index]
    if len(items) == 1:
        chars = _charset(items[0])
        assert chars is not None and all(gate.search(c) for c in chars)
        return
    for first, second in zip(items, items[1:]):
        a, b = _charset(first), _charset(second)
        if a is None or b is None or len(a) * len(b) > 3_000_000:
            continue
        if all(gate.search(x + y) for x in a for y in b):
            return
    pytest.fail(f"branch {index} of ftfy's detector has no pair of items the gate always sees")


def test_every_character_a_fixer_acts_on_is_seen_by_the_gate():
    gate = _gate(True)
    for code in list(CONTROL_CHARS) + list(range(0x80, 0xA0)) + list(range(0xD800, 0xE000)):
        assert gate.search(chr(code)), hex(code)
    assert gate.search("&amp;") and gate.search("&#233;") and not _gate(False).search("&amp;")
    assert not gate.search("Q&A, AT&T & co; &nbsp")


@pytest.mark.parametrize("line", [
    "\u201cWe will not wait,\u201d the minister said \u2014 twice.\n",
    "L\u2019\u00e9quipe a gagn\u00e9 \u00e0 Niamey, o\u00f9 il fait 40 \u00b0C.\n",
    "Die Gr\u00fcnen in M\u00fcnchen \u2013 ein \u00dcberblick\n",
    "Le c\u0153ur de l\u2019\u0152uvre\n",
    "S\u00e3o Paulo e Bras\u00edlia\n",
])
def test_clean_lines_of_real_text_pass_the_gate(line):
    """The point of the gate: curly quotes, dashes and accented letters need no ftfy call."""
    assert not is_bad(line)
    assert _gate(True).search(line) is None


@pytest.mark.parametrize("line", ["caf\u00c3\u00a9\n", "the country\u00e2\u20ac\u2122s army\n", "x\u00c2 y\n",
                                  "\u0153 \n", "a\x1b[31mred\n", "\x85\n"])
def test_damaged_lines_reach_ftfy(line):
    assert _gate(True).search(line)


# Text built from the pieces mojibake and scraping produce, mixed with any Unicode.
damage = st.sampled_from([
    "Ã©", "â€™", "â€œ", "â€\x9d", "Ã ", "Â ", "Â\xa0", "Ã¼", "Ã\xa0", "Å“", "œ", "Œ", "Ã", "Â",
    "&amp;", "&eacute;", "&", "&#x41;", "&EACUTE;", "&nTILDE;", ";", "<b>", "\x1b[1m", "\x85", "\x9d", "\x00", "\ufeff", "\u206a",
    "\ud83d", "\udca9", "\u2019", "\u201c", "\u2014", "é", "à", "°", "×²", "вЂ", "β€™", "√±", "\n",
])
prose = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r\u2028\u2029"), max_size=12)
messy = st.lists(st.one_of(prose, damage, damage), max_size=25).map("".join)


def _ftfy(text: str) -> str:
    config = _ftfy_config("<" not in text, 1_000_000)._replace(explain=False)
    return ftfy.fix_text(text, config=config)


@settings(max_examples=1500, deadline=None)
@given(messy)
@example("x\u00c3 \n\u0153")
@example("\u00c2 caf\u00c3\u00a9 &amp; <b>\n\u0153\n")
def test_gated_step_equals_ftfy(text):
    assert apply_edits(text, fix_unicode(Document(text))) == _ftfy(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(min_codepoint=0x80, max_codepoint=0x3FF), max_size=3),
                max_size=20).map(" ".join))
def test_gated_step_equals_ftfy_on_latin_greek_cyrillic(text):
    """Short runs of the characters the detector knows, where its branches fire most."""
    assert apply_edits(text, fix_unicode(Document(text))) == _ftfy(text)


# Token lists from a small alphabet, with some positions changed in place: repeated words and
# changed values that also occur elsewhere are common here, so both paths of `_opcodes` run.
tokens = st.lists(st.sampled_from(["a", " ", "b", "c", "de", "  "]), max_size=30)


@settings(max_examples=3000, deadline=None)
@given(tokens, st.data())
def test_in_place_opcodes_equal_sequence_matcher(a, data):
    import difflib

    from cleantext.unicode import _opcodes

    b = list(a)
    for p in data.draw(st.lists(st.integers(0, max(len(a) - 1, 0)), max_size=6)) if a else []:
        b[p] = data.draw(st.sampled_from(["a", "b", "X", "Y", "Z", "é", " "]))
    if data.draw(st.booleans()):
        b = data.draw(st.lists(st.sampled_from(["a", " ", "b", "X"]), max_size=30))
    assert _opcodes(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


@settings(max_examples=1500, deadline=None)
@given(messy, st.booleans())
@example("caf\u00c3\u00a9 &amp;eacute; \u00c3\u00a9\n", True)
@example("\u00c3\u00a9 \x9d \x1b[1mA\n", False)
def test_repair_equals_ftfy_fix_and_explain(text, unescape):
    """The repair of one line skips only confirmations: same text, same explanation as ftfy's."""
    config = _ftfy_config(unescape, 1_000_000)
    for line in text.splitlines(keepends=True):
        expected = ftfy.fix_and_explain(line, config=config)
        fixed, steps = _repair(line, config, _gate(unescape))
        assert (fixed, [tuple(s) for s in steps]) == (expected.text, [tuple(s) for s in expected.explanation])


def test_token_class_is_unicode_white_space():
    """The edits' word and space runs are `regex`'s \\s+ and \\S+, character for character."""
    import regex

    from cleantext.unicode import _TOKEN

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(regex.fullmatch(r"\s", char)) == (_TOKEN.fullmatch(char + " ") is not None), hex(code)
