"""The gazetteer step: data-driven cases, each guard both ways, modes, user files, properties.

tests/cases/gazetteer.json holds cases with `label`, `input` (a document ending in one newline),
`expected` (the text after the applied edits) and `reasons` (the sorted reason slugs of every
edit, suggestions included). Cases with empty `reasons` are negative: correct text that must
come out unchanged.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.document import Document, apply_edits
from cleantext.gazetteer import GazetteerOptions, fix_entities
from cleantext.names import read_table, _data

HERE = Path(__file__).resolve().parent
CASES = json.loads((HERE / "cases" / "gazetteer.json").read_text(encoding="utf-8"))


def run(text: str, **options) -> list:
    return fix_entities(Document(text), GazetteerOptions(**options))


def fixed(text: str, **options) -> str:
    return apply_edits(text, run(text, **options))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case(case):
    edits = run(case["input"])
    assert sorted(e.reason for e in edits) == case["reasons"]
    assert all(e.step == "gazetteer" and e.detail for e in edits)
    output = apply_edits(case["input"], edits)
    assert output == case["expected"]
    assert [e for e in run(output) if e.applied] == []


def test_own_article_gets_exactly_one_fix():
    text = (HERE / "gazetteer_dev" / "article_niger.txt").read_text(encoding="utf-8")
    edits = run(text)
    assert [(e.old, e.new, e.reason) for e in edits] == [("Ngerièn", "Nigerien", "entity-typo")]
    detail = edits[0].detail
    for evidence in ("distance 1.5", "demonym (Niger)", "Zipf", "supporting mention", "language en"):
        assert evidence in detail


# Guard: the lexicon. A listed word is left alone unless the place is far more frequent.
def test_lexicon_rare_listed_word_needs_a_wide_margin():
    # "ukranian" is listed (Zipf 2.33) 1.85 below "ukrainian": under the default 100x margin it
    # counts as a word; a looser margin lets the fix through.
    text = "Ukranian troops withdrew from the border town in Ukraine on Friday after the talks.\n"
    assert [e for e in run(text) if e.applied] == []
    assert fixed(text, rare_margin_zipf=1.5) == text.replace("Ukranian", "Ukrainian")


def test_lexicon_listed_word_needs_the_document_to_name_the_place():
    # "Styria" is a listed word (an Austrian province) one edit from Syria: without Syria in the
    # document it is at most a suggestion.
    text = "The study was funded by the national science fund and the province of Styria.\n"
    edits = run(text)
    assert [e for e in edits if e.applied] == []


def test_lexicon_common_word_is_never_looked_up():
    text = "The Chin family opened a restaurant near the station last spring.\n"
    assert run(text) == []


# Guard: the paragraph's language.
FRENCH = "Le gouvernement du Nigerr a annoncé lundi un couvre-feu dans trois régions du pays.\n"


def test_language_french_paragraph_is_left_alone():
    assert run(FRENCH) == []


def test_language_undetermined_short_text_gets_a_suggestion_not_a_fix():
    text = "Nigerr: lundi, couvre-feu.\n"
    assert [(e.new, e.applied) for e in run(text)] == [("Niger", False)]


def test_language_english_paragraph_gets_the_fix():
    text = "The Ngérien prime minister arrived in Moscow on Monday for an official three-day visit.\n"
    assert fixed(text) == text.replace("Ngérien", "Nigérien")  # the accent the writer meant


def test_language_can_be_widened():
    assert fixed(FRENCH, fix_languages=("en", "fr")) == FRENCH.replace("Nigerr", "Niger")


# Guard: a unique best candidate.
def test_tie_is_never_fixed():
    assert run("The Malai authorities said the dam would be completed next year.\n") == []


def test_unique_candidate_is_fixed():
    text = "The Malawii authorities said the dam would be completed next year.\n"
    assert fixed(text) == text.replace("Malawii", "Malawi")


def test_accent_and_dropped_letter_only_in_best_known_names():
    # A country with a letter dropped and an accent added is fixed; an accent plus a changed
    # letter, or the same pattern on a small town, stays as written.
    text = "The foreign ministry of Kwàit summoned the ambassador over the remarks.\n"
    assert fixed(text) == text.replace("Kwàit", "Kuwait")
    assert not [e for e in run("The Qàtor authorities said the dam would be completed next year.\n") if e.applied]
    assert not [e for e in run("Heavy rain flooded several districts of Gèta overnight, officials said.\n")
                if e.applied]


def test_decomposed_accents_are_fixed_at_the_right_offsets():
    text = unicodedata.normalize("NFD", "Café owners said the Ngerièn Prime Minister visited Nigèria.\n")
    edits = run(text)
    assert [(text[e.start:e.end], e.old, e.new) for e in edits] == [
        ("Ngerie\u0300n", "Ngerie\u0300n", "Nigerien"), ("Nige\u0300ria", "Nige\u0300ria", "Nigeria")]
    assert apply_edits(text, edits) == unicodedata.normalize("NFD", "Café owners said the ") + \
        "Nigerien Prime Minister visited Nigeria.\n"
    french = unicodedata.normalize("NFD", "Le Premier ministre nigérien est arrivé à Moscou lundi pour des entretiens.\n")
    assert run(french) == []


# Guard: document context.
def test_consistent_repetition_without_support_is_a_name():
    text = ("Malawii spoke first. Later Malawii answered questions from the press.\n\n"
            "Malawii left the hall before the vote.\n")
    assert run(text) == []


def test_repetition_with_a_supporting_mention_is_fixed():
    text = ("Malawii spoke first. Later Malawii answered questions from the press.\n\n"
            "Malawii and Malawi have long shared the lake.\n")
    assert fixed(text) == text.replace("Malawii", "Malawi")


def test_first_letter_change_is_only_suggested():
    alone = "Heavy rain flooded several districts of Jogadishu overnight, officials said.\n"
    assert [(e.new, e.applied) for e in run(alone)] == [("Mogadishu", False)]
    supported = "Mogadishu was calm. " + alone
    assert [(e.new, e.applied) for e in run(supported)] == [("Mogadishu", False)]


def test_town_needs_a_correct_mention_elsewhere():
    alone = "Heavy rain flooded several districts of Bordeuax overnight, officials said.\n"
    assert [(e.new, e.applied) for e in run(alone)] == [("Bordeaux", False)]
    supported = "Bordeaux was calm. " + alone
    assert fixed(supported) == supported.replace("Bordeuax", "Bordeaux")


# Guard: person-name context.
@pytest.mark.parametrize("text", [
    "President Niamy told reporters the visit had been a success.\n",
    "Ibrahim Niamy told reporters the visit had been a success.\n",
    "Niamy Wendkouni told reporters the visit had been a success.\n",
    "The report by Ian Niamy was published on Monday.\n",
    "General Niamy arrived. Niamy told reporters the visit had been a success.\n",
])
def test_person_context_blocks_the_fix(text):
    assert run(text) == []


def test_same_token_in_place_context_is_fixed():
    text = "Flights to Niamy resumed on Monday after the strike ended.\n"
    assert fixed(text) == text.replace("Niamy", "Niamey")


# Modes and options.
def test_suggest_mode_reports_but_never_applies():
    text = "Election observers deployed across Nigeira reported a calm first round.\n"
    edits = run(text, mode="suggest")
    assert [(e.new, e.applied, e.reason) for e in edits] == [("Nigeria", False, "entity-suggestion")]
    assert apply_edits(text, edits) == text


def test_suggestions_can_be_turned_off():
    text = "Heavy rain flooded several districts of Jogadishu overnight, officials said.\n"
    assert run(text, suggestions=False) == []


def test_options_are_picklable():
    import pickle

    options = GazetteerOptions(user_files=("a.tsv",))
    assert pickle.loads(pickle.dumps(options)) == options


# User gazetteers.
def test_user_tsv_adds_targets_and_protects(tmp_path):
    user = tmp_path / "people.tsv"
    user.write_text("Wakanda\tcountry\tWakanda\tWakandah\t\nWakandan\tdemonym\tWakanda\t\t\nNiamy\tperson\tNiamy\t\tprotect\n", encoding="utf-8")
    text = "Flights to Niamy and Wakandaa resumed on Monday after the strike ended, and Wakanan troops left.\n"
    assert fixed(text) == text.replace("Niamy", "Niamey")
    assert fixed(text, user_files=(str(user),)) == text.replace("Wakandaa", "Wakanda").replace("Wakanan", "Wakandan")


def test_user_toml(tmp_path):
    user = tmp_path / "people.toml"
    user.write_text('[[entry]]\nname = "Niamy"\nkind = "person"\nprotect = true\n', encoding="utf-8")
    text = "Flights to Niamy resumed on Monday after the strike ended.\n"
    assert run(text, user_files=(str(user),)) == []


# Properties.
NAMES = sorted({spelling for name, kind, _, variants, flags in
                read_table(_data("countries.tsv").read_text(encoding="utf-8")) for spelling in [name, *variants]})
WORDS = ("the minister said that talks would resume on monday after officials from both sides met "
         "in a hotel near airport where troops had been deployed since last year").split()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(WORDS)), min_size=3, max_size=25))
def test_names_and_known_words_get_no_edit(tokens):
    text = " ".join(tokens).capitalize() + ".\n"
    assert [e for e in run(text) if e.applied] == []


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="NigeraoèéAIlr0 \n", max_size=60))
def test_edits_replay_and_are_stable(text):
    edits = run(text)
    output = apply_edits(text, edits)
    assert [e for e in run(output) if e.applied] == []


# Guard: a document full of unrelated "typos" is not ours to fix.
def test_many_unsupported_fixes_in_one_document_become_suggestions():
    text = ("Flights to Nairobbi, Niamy, Lbieria and Ethopia resumed on Monday after the strike "
            "ended, the airline said in a statement.\n")
    edits = run(text)
    assert len(edits) == 4 and not any(e.applied for e in edits)


def test_a_few_unsupported_fixes_are_applied():
    text = "Flights to Nairobbi and Niamy resumed on Monday after the strike ended, the airline said.\n"
    assert fixed(text) == text.replace("Nairobbi", "Nairobi").replace("Niamy", "Niamey")


def test_four_letter_word_fixed_only_for_a_dropped_letter_of_a_country():
    text = "Officials in Mlta said the talks would resume next week in the capital.\n"
    assert fixed(text) == text.replace("Mlta", "Malta")
    text = "Officials in Gaha said the talks would resume next week in the capital.\n"
    assert [e.applied for e in run(text)] == [False]


# Speed: text made only of PLAIN characters is split into words with `re`, not `regex`.
def test_plain_characters_split_alike_under_both_word_patterns():
    import re

    import regex

    from cleantext.matching import PLAIN, WORD

    plain = "".join(c for c in map(chr, range(0x10000)) if re.fullmatch(f"[{PLAIN}]", c))
    assert len(plain) > 900
    alnum = re.compile(r"[^\W_]")
    for char in plain:
        assert bool(alnum.match(char)) == bool(WORD.match(char)), hex(ord(char))
        assert re.fullmatch(f"[{PLAIN}]*", char.lower()), hex(ord(char))
    text = "Ngerièn Ça-va, l’Œuvre ʻOumuamua 4½ ×3 Ŀ dž “quoted” – €5"
    assert re.findall(r"[^\W_]+", text) == WORD.findall(text) == regex.findall(r"[\p{L}\p{M}\p{N}]+", text)


# Guard: the language of a short line. langdetect guesses on a caption or a heading, so a line
# that short takes the document's language; one with another language's function words stays out.
ENGLISH_BODY = (
    "The delegation from Niamey met officials in Ankara on Wednesday to discuss grain, fuel and "
    "security along the border with Mali. Niger has looked for new partners since the coup, and "
    "the talks are expected to continue in the capital next month.\n\n")


@pytest.mark.parametrize("caption", [
    "Ngerièn Prime Minister, Lamine Zeine, arriving in Ankara.",
    "Ngerièn officials, Ali Mody, leaving Ankara.",
])
def test_short_caption_takes_the_documents_language(caption):
    text = caption + "\n\n" + ENGLISH_BODY
    assert [(e.old, e.new, e.reason) for e in run(text)] == [("Ngerièn", "Nigerien", "entity-typo")]
    assert "language en" in run(text)[0].detail


def test_short_line_in_another_language_is_left_alone():
    text = "Le ministre nigérien et la délégation à Ankara.\n\n" + ENGLISH_BODY
    assert [e for e in run(text) if e.applied] == []
