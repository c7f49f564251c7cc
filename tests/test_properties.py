"""Properties that hold for every input: idempotence, replay, no edits on clean text."""

import ftfy
from hypothesis import example, given, settings, strategies as st

import cleantext
from cleantext.document import replay
from cleantext.unicode import _ftfy_config, fix_unicode
from cleantext.document import Document, apply_edits

# Text with the hazards scraped pages carry: CR, BOM, NBSP, tabs, mojibake, entities.
hazards = st.sampled_from(["\r", "\r\n", "\ufeff", "\u00a0", "\t", "  ", "\n\n\n", "Ã©", "â€™", "&amp;", "\u2028", "Åœ", "œ"])
messy = st.lists(st.one_of(st.text(max_size=20), hazards), max_size=30).map("".join)

words = st.sampled_from("the minister arrived in Niamey on Monday for talks . , ; and a country".split())

# Lines of common words, each opened by a word of its own so that no line repeats or contains
# another (a repeated line is a duplicate, which is not clean text).
clean_prose = st.lists(st.lists(words, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=6).map(
    lambda lines: "".join(f"Part{i} {line}\n" for i, line in enumerate(lines)))


@settings(max_examples=300, deadline=None)
@given(messy)
@example("Åœ\r\rœ\ufeffa")  # ftfy alone needs two passes on this one
def test_cleaning_twice_changes_nothing(text):
    once = cleantext.clean(text)
    twice = cleantext.clean(once.text)
    assert twice.text == once.text
    assert [e for e in twice.edits if e.applied] == []


@settings(max_examples=300, deadline=None)
@given(messy)
def test_replaying_the_edits_gives_the_output(text):
    result = cleantext.clean(text)
    assert replay(text, result.edits) == result.text


@settings(max_examples=200, deadline=None)
@given(clean_prose)
def test_clean_ascii_prose_gets_no_edit(text):
    assert cleantext.clean(text).edits == ()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r\u2028\u2029"), max_size=60))
def test_unicode_step_matches_ftfy_on_the_whole_text(text):
    """Skipping lines that cannot need a fix gives exactly ftfy's answer."""
    expected = ftfy.fix_text(text, config=_ftfy_config("<" not in text, 1_000_000)._replace(explain=False))
    assert apply_edits(text, fix_unicode(Document(text))) == expected


@settings(max_examples=500, deadline=None)
@given(messy, st.integers(1, 60), st.sampled_from([0.0, 0.1, 0.5, 1.0, 2.0, -0.5, 1e-310, float("nan")]))
def test_removal_guard_counts_as_a_full_count_would(text, removed, share):
    from cleantext.pipeline import _too_much, _words

    total = _words(text)
    assert _too_much(text, removed, share) == (total if total and removed > share * total else 0)
