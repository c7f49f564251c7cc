"""Every shipped rule file: its fields, its ids, its patterns, its examples and the negatives."""

import regex
import pytest
from hypothesis import given, settings, strategies as st

from cleantext.rules import PREFIX_CHARS, WHERE, _folds_as_lowered, _prefixes, literal_starts, load_file, rule_files

FILES = rule_files()
RULES = [rule for name in FILES for rule in load_file(name)["rules"]]
NEGATIVES = [(name, text) for name in FILES for text in load_file(name)["negatives"]]
SLUG = regex.compile(r"[a-z]+(?:-[a-z]+)*")


def test_every_required_language_has_a_file():
    assert {"common", "en", "fr", "de", "es", "pt", "it"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_file_fields(name):
    data = load_file(name)
    assert data["language"] == name
    assert data["rules"], f"{name} has no rules"
    assert data["negatives"], f"{name} has no negative examples"
    if name != "common":
        assert len(data["stopwords"]) >= 50


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.language}:{r.id}:{r.where}")
def test_rule_compiles_and_matches_its_examples(rule):
    assert SLUG.fullmatch(rule.id)
    assert rule.where in WHERE
    pattern = regex.compile(f"(?i)(?:{rule.pattern})", regex.V0)
    assert rule.examples, "a rule needs at least one example"
    for example in rule.examples:
        assert pattern.fullmatch(example, timeout=1), example


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.language}:{r.id}:{r.where}")
def test_rule_never_matches_body_text(rule):
    pattern = regex.compile(f"(?i)(?:{rule.pattern})", regex.V0)
    for name, text in NEGATIVES:
        assert not pattern.fullmatch(text, timeout=1), f"{rule.language}:{rule.id} matches {name} negative {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.language}:{r.id}:{r.where}")
def test_wildcard_rules_are_gated(rule):
    # a pattern that can start with any character defeats the first-characters index
    pattern = regex.compile(f"(?i)(?:{rule.pattern})", regex.V0)
    open_start = all(pattern.fullmatch(c, partial=True) for c in "qz7")
    assert not open_start or rule.requires, "a pattern that can start anywhere needs `requires`"
    for example in rule.examples:
        if rule.requires:
            assert any(r in example.lower() for r in rule.requires), example


# Line starts the rule index is checked on: ASCII, Latin-1 and the marks that open labels.
STARTS = [chr(c) for c in range(32, 127)] + [chr(c) for c in range(0xC0, 0x250)] + list("–—“”‘’«»•·©®←→↑▶►…€£¿¡")


def _heads(pattern: str) -> frozenset[str] | None:
    return _prefixes(literal_starts(pattern, PREFIX_CHARS))  # what the rule index keeps


def _covered(pattern, heads, probe: str) -> bool:
    """A probe that can begin a match must be among the heads read off the pattern (where the
    index trusts lower-casing); blank lines never reach the index."""
    if not probe or heads is None or not pattern.fullmatch(probe, partial=True, timeout=1):
        return True
    return not all(_folds_as_lowered(c) for c in probe) or probe.lower()[:PREFIX_CHARS] in heads


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.language}:{r.id}:{r.where}")
def test_the_starts_read_off_a_rule_cover_every_line_it_matches(rule):
    # the index tries a rule only on lines that begin with one of these: a start left out would be
    # a rule silently never applied
    pattern = regex.compile(f"(?i)(?:{rule.pattern})", regex.V0)
    heads = _heads(rule.pattern)
    probes = STARTS + [e[:n] for e in rule.examples for n in range(1, PREFIX_CHARS + 1)]
    assert all(_covered(pattern, heads, probe) for probe in probes)


_ATOM = st.sampled_from(["a", "b", "A", ":", " ", r"\.", r"\b", ".", "[ab]", r"\w", "(?=a)", "(?!b)", "(?i)", "^"])
_PATTERN = st.recursive(
    _ATOM,
    lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{0,2}", "{1,2}", "{2}", "{2,}", "??", "*+"])).map(
            lambda t: f"(?:{t[0]}){t[1]}"),
        inner.map(lambda x: f"(?-i:{x})"),
        inner.map(lambda x: f"(?P<g>{x})"),
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(_PATTERN, st.text(alphabet="abAB:. ", max_size=4))
def test_the_starts_read_off_any_pattern_cover_its_matches(pattern, text):
    try:
        compiled = regex.compile(f"(?i)(?:{pattern})", regex.V0)
    except regex.error:
        return
    assert _covered(compiled, _heads(pattern), text)
