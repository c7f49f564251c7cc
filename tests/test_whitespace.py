"""The whitespace step's quick "nothing to fix" answer must never hide a fix."""

import re
import sys

from hypothesis import given, settings, strategies as st

from cleantext import whitespace
from cleantext.document import Document


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
