"""The whitespace step's quick "nothing to fix" answer must never hide a fix."""

import re
import sys

import pytest
from hypothesis import given, settings, strategies as st

from cleantext import whitespace
from cleantext.document import Document, Edit, apply_edits


def test_odd_space_class_is_every_whitespace_but_space_and_newline():
    reference = re.compile(r"[^\S \n]")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert bool(whitespace._ODD_SPACE.match(ch)) == bool(reference.match(ch)), hex(code)


def _slow(text: str) -> list:
    """The step with its quick answer taken away: every text goes to the full pattern."""
    original = whitespace._SUSPECT_PAIRS, whitespace._ODD_SPACE
    whitespace._SUSPECT_PAIRS, whitespace._ODD_SPACE = ("",), re.compile("")
    try:
        return whitespace.fix_whitespace(Document(text))
    finally:
        whitespace._SUSPECT_PAIRS, whitespace._ODD_SPACE = original


spacey = st.text(alphabet=st.sampled_from(list("ab é.\n\t\r\xa0\u2009\u3000\x85\x1f")), max_size=40)


@settings(max_examples=500, deadline=None)
@given(spacey)
def test_quick_answer_equals_full_pattern(text):
    assert whitespace.fix_whitespace(Document(text)) == _slow(text)


def _edits(text: str, spans: list[tuple[int, int, str]]) -> list:
    """Non-overlapping edits of `text` from (start, length, new) triples."""
    edits, position = [], 0
    for start, length, new in sorted(spans):
        start = max(start, position)
        if start > len(text):
            break
        end = min(start + length, len(text))
        edits.append(Edit("test", start, end, text[start:end], new, "test"))
        position = end + 1
    return edits


@settings(max_examples=3000, deadline=None)
@given(spacey, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), spacey.map(lambda s: s[:6])), max_size=4))
def test_still_clean_is_never_wrong(text, spans):
    """A text the step leaves alone, edited: where still_clean says so, the step has nothing to do."""
    text = apply_edits(text, whitespace.fix_whitespace(Document(text)))
    if whitespace.fix_whitespace(Document(text)):
        return  # not a text the step leaves alone
    edits = _edits(text, spans)
    edited = apply_edits(text, edits)
    if whitespace.still_clean(edited, edits):
        assert whitespace.fix_whitespace(Document(edited)) == []


@pytest.mark.parametrize("text, start, end, new", [
    ("One.\n\nTwo.\n\nThree.\n", 6, 11, ""),  # a removed paragraph leaves three newlines
    ("One. Two. Three.\n", 5, 9, ""),  # a removed word leaves two spaces
    ("One.\nTwo three.\n", 5, 9, ""),  # a removed first word leaves an indent
    ("One.\nTwo.\n", 5, 10, ""),  # the last line goes: the text ends "\n" as before, but ask
    ("One two.\n", 4, 7, "x y"),  # a new word with a space: looked at, and fine
])
def test_still_clean_looks_at_the_spans(text, start, end, new):
    edits = [Edit("test", start, end, text[start:end], new, "test")]
    edited = apply_edits(text, edits)
    assert whitespace.still_clean(edited, edits) == (whitespace.fix_whitespace(Document(edited)) == [])
