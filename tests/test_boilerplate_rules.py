"""Every shipped rule file: its fields, its ids, its patterns, its examples and the negatives."""

import regex
import pytest

from cleantext.rules import WHERE, load_file, rule_files

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
