"""The boilerplate step on data: cases, dev articles, guards, options and properties."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleantext.boilerplate import TOO_MUCH, BoilerplateOptions, remove_boilerplate
from cleantext.document import Document, apply_edits

HERE = Path(__file__).parent
CASES = json.loads((HERE / "cases" / "boilerplate.json").read_text(encoding="utf-8"))
DEV = sorted(p for p in (HERE / "boilerplate_dev").glob("*.txt") if not p.name.endswith(".expected.txt"))
BODY = ("The council met on Monday to discuss the repair of the old bridge, which has been closed to "
        "traffic since the spring floods.\nEngineers told the members that the work would take at least "
        "four months and cost more than the town had set aside.\n")


def clean(text, options=BoilerplateOptions()):
    edits = remove_boilerplate(Document(text), options)
    assert all(e.step == "boilerplate" for e in edits)
    return apply_edits(text, edits), edits


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case(case):
    out, edits = clean(case["input"])
    assert out == case["expected"]
    assert [e.reason for e in edits] == case["reasons"]
    again, second = clean(out)
    assert again == out and not second


@pytest.mark.parametrize("path", DEV, ids=[p.stem for p in DEV])
def test_dev_article(path):
    expected = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
    out, _ = clean(path.read_text(encoding="utf-8"))
    assert out == expected
    assert not clean(out)[1]


def test_comment_footer_goes_and_every_body_line_stays():
    article = ("Talks on the new trade route\n\n" + BODY + "\nThe ministers will meet again in March, the statement said.\n"
               "\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n")
    out, edits = clean(article)
    assert "Leave a Reply" not in out and "email address" not in out
    for line in article.split("\n\nLeave")[0].splitlines():
        assert line in out.splitlines()
    assert {e.reason for e in edits} == {"comment-form"}


def test_too_much_boilerplate_is_reported_not_applied():
    text = "Home\nShare this:\nFacebook\nTwitter\nWhatsApp\nSee you.\n"
    edits = remove_boilerplate(Document(text))
    assert edits and not any(e.applied for e in edits)
    assert apply_edits(text, edits) == text
    assert all(e.reason == TOO_MUCH and e.detail.endswith("left unchanged") for e in edits)


def test_disabled_rule_and_extra_rule():
    text = BODY + "Advertisement\nPowered by Examplepress\n"
    out, edits = clean(text, BoilerplateOptions(disabled=("ad-label",), extra_rules=(("powered-by", r"powered by \w+", "line"),)))
    assert "Advertisement" in out and "Powered by" not in out
    assert [e.reason for e in edits] == ["powered-by"]


def test_extra_rule_from_config_mapping_and_bad_where():
    text = BODY + "Printed from the archive\n"
    rule = {"id": "archive-note", "pattern": "printed from the archive", "where": "edge", "timeout": 0.01}
    out, _ = clean(text, BoilerplateOptions(extra_rules=(rule,)))
    assert out == BODY
    with pytest.raises(ValueError):
        clean(text, BoilerplateOptions(extra_rules=(("x", "y", "anywhere"),)))


def test_options_pickle():
    import pickle
    options = BoilerplateOptions(languages=("de",), extra_rules=(("a", "b", "line"),))
    assert pickle.loads(pickle.dumps(options)) == options


words = st.sampled_from("the river rose over bridge and town council water share cookie reply news "
                        "Facebook Home Advertisement Teilen Anzeige . , : *".split())
lines = st.lists(words, min_size=1, max_size=25).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(lines, min_size=1, max_size=30))
def test_edits_replay_and_second_pass_is_clean(parts):
    text = "\n".join(parts) + "\n"
    out, edits = clean(text)
    for edit in edits:
        assert text[edit.start:edit.end] == edit.old and edit.new == ""
    again, second = clean(out)
    assert again == out or all(not e.applied for e in second)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(BODY.splitlines()), min_size=1, max_size=8))
def test_prose_is_never_touched(parts):
    text = "\n".join(parts) + "\n"
    assert not remove_boilerplate(Document(text))


def test_runaway_user_pattern_keeps_its_line_and_the_rest_still_goes():
    import time

    # both backtrack exponentially on a line of a's; the second already on the line's first word
    for pattern in (r"(?:a|aa)+\d", r"(?:a|aa)+(?:a|aa)+\d"):
        slow = ("slow", pattern, "line", 0.05)
        text = BODY + "a" * 40 + "\nAdvertisement\n"
        start = time.perf_counter()
        out, edits = clean(text, BoilerplateOptions(extra_rules=(slow,)))
        assert time.perf_counter() - start < 2
        assert "a" * 40 in out and "Advertisement" not in out


def reference_body_words(line, stopwords):
    """The definition body_words computes faster: every word split and looked up."""
    from cleantext.page import BODY_STOP_SHARE, BODY_WORDS, TERMINAL

    n = len(line.split())
    if not line or n < BODY_WORDS or (line[-1] not in TERMINAL and n < 2 * BODY_WORDS):
        return 0
    return n if sum(w in stopwords for w in line.lower().split()) >= BODY_STOP_SHARE * n else 0


tokens = st.sampled_from("the of and to a in The river rose bridge Σ ΑΣ town council İs said . , ; »".split())
spaces = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", "\u2009"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(tokens, spaces), min_size=0, max_size=60), st.sampled_from(["", ".", " ", "Σ"]))
def test_body_words_is_the_split_count(parts, end):
    from cleantext.page import body_words
    from cleantext.rules import load_file

    stopwords = load_file("en")["stopwords"]
    line = "".join(t + s for t, s in parts).rstrip(" ") + end if parts else end
    assert body_words(line, stopwords) == reference_body_words(line, stopwords)

