import pickle

import pytest

import cleantext
from cleantext import _clash
from cleantext.config import ConfigError, from_mapping


def test_public_names_are_pinned():
    assert sorted(cleantext.__all__) == [
        "Config", "ConfigError", "Document", "Edit", "Result", "__version__",
        "apply_edits", "clean", "clean_records", "clean_text", "replay",
    ]


def test_clean_text_repairs_mojibake():
    assert cleantext.clean_text("cafÃ©") == "café"


def test_clean_records_an_edit_naming_the_step_and_reason():
    result = cleantext.clean("cafÃ© au lait")
    assert result.text == "café au lait"
    assert [(e.step, e.reason, e.old, e.new) for e in result.edits] == [("unicode", "mojibake", "Ã©", "é")]


def test_language_label_and_score():
    result = cleantext.clean("The minister arrived in the capital on Monday for two days of talks with the government.")
    assert result.language == "en" and result.language_score >= 0.9
    assert cleantext.clean("Short one.").language == "und"


def test_language_label_is_deterministic_across_calls():
    text = "Ciao a tutti, oggi parliamo di una ricetta tipica della cucina siciliana con le melanzane."
    assert len({cleantext.clean(text).language for _ in range(5)}) == 1


def test_documents_keep_their_id():
    assert cleantext.clean(cleantext.Document("x", id="doc-1")).id == "doc-1"


def test_clean_records_passes_other_fields_through_and_can_store_edits():
    records = [{"id": 7, "text": "naÃ¯ve  text", "url": "https://example.org", "meta": {"a": 1}}]
    out = list(cleantext.clean_records(records, metadata_key="cleantext"))
    assert out[0]["text"] == "naïve text"
    assert out[0]["url"] == "https://example.org" and out[0]["meta"] == {"a": 1}
    assert [e["reason"] for e in out[0]["cleantext"]["edits"]] == ["space-run", "mojibake"]
    assert records[0]["text"] == "naÃ¯ve  text"


def test_clean_records_rejects_a_record_without_text():
    with pytest.raises(TypeError, match="field 'text'"):
        list(cleantext.clean_records([{"id": 1, "body": "x"}]))


def test_config_is_picklable_for_workers():
    config = from_mapping({"skip": ["unicode"], "whitespace": {"indent": False}})
    assert pickle.loads(pickle.dumps(config)) == config


@pytest.mark.parametrize("table,message", [
    ({"skipp": []}, "unknown key config.skipp"),
    ({"whitespace": {"indent": "no"}}, "config.whitespace.indent must be bool"),
    ({"skip": ["nope"]}, "no step named 'nope'"),
    ({"language": {"min_score": "high"}}, "config.language.min_score must be float"),
])
def test_bad_config_is_an_error(table, message):
    with pytest.raises(ConfigError, match=message):
        from_mapping(table)


def test_guard_leaves_a_document_alone_when_a_step_would_remove_most_words(monkeypatch):
    from cleantext import pipeline
    from cleantext.document import Edit

    def greedy(doc, options):
        return [Edit("whitespace", 0, len(doc.text) - 5, doc.text[:-5], "", "greedy")]

    steps = tuple(pipeline.Step(s.name, greedy if s.name == "whitespace" else s.run, s.options) for s in pipeline.STEPS)
    monkeypatch.setattr(pipeline, "STEPS", steps)
    result = pipeline.clean("one two three four five six seven eight nine ten")
    assert result.text == "one two three four five six seven eight nine ten"
    assert result.notes and "would remove" in result.notes[0]


def test_a_refusal_is_reported_once_when_a_later_pass_refuses_again(monkeypatch):
    from cleantext import pipeline
    from cleantext.document import Edit

    def greedy(doc, options):
        return [Edit("boilerplate", 0, len(doc.text) - 5, doc.text[:-5], "", "greedy")]

    steps = tuple(pipeline.Step(s.name, greedy if s.name == "boilerplate" else s.run, s.options)
                  for s in pipeline.STEPS)
    monkeypatch.setattr(pipeline, "STEPS", steps)
    caption = "The harbour of Dakar at dawn, seen from the ferry to Gorée island."
    text = f"{caption}\n{caption}\n" + "The ferry crossed the bay in twenty minutes, as it does every day. " * 6
    result = pipeline.clean(text)
    assert "duplicate-caption" in [e.reason for e in result.edits if e.applied]  # so a second pass ran
    assert len(result.notes) == 1 and result.notes[0].startswith("boilerplate: would remove ")


def test_a_foreign_cleantext_distribution_is_detected(tmp_path, monkeypatch):
    (tmp_path / "clean_text-0.7.1.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _clash.foreign_distributions() == ["clean-text"]
    with pytest.warns(RuntimeWarning, match="clean-text also install a module named 'cleantext'"):
        _clash.check_clash()


def test_no_clash_reported_for_our_own_distribution(tmp_path, monkeypatch):
    (tmp_path / "cleantext_corpus-0.1.0.dist-info").mkdir()
    monkeypatch.setattr("sys.path", [str(tmp_path)])
    assert _clash.foreign_distributions() == []


def test_clean_records_takes_the_site_from_the_record(tmp_path):
    from cleantext.config import Config
    from cleantext.sites import learn

    chrome = "Subscribe to the Harbour Weekly print edition today"
    topics = "ferry pier market school bridge museum clinic library harvest festival".split()
    pages = [("harbour.example", f"{chrome}\nA story about the {t} that residents discussed this week.\n")
             for t in topics]
    profile = tmp_path / "profile.json"
    learn(pages).save(str(profile))
    config = Config().with_options("boilerplate", profile=str(profile))
    records = [{"id": n, "site": site, "text": text} for n, (site, text) in enumerate(pages)]
    out = list(cleantext.clean_records(records, config))
    assert all(chrome not in r["text"] for r in out)
    assert out[3]["text"] == "A story about the school that residents discussed this week.\n"


def test_a_caption_fixed_into_its_copy_goes_in_the_same_clean():
    """The gazetteer runs after the captions step; a place name it fixes in one copy of a caption
    makes the copies equal, and the duplicate goes in this clean, not in a second one."""
    body = ("Prices of onions in Bamako rose by eight per cent over the past month, traders at the "
            "central market said on Tuesday, and officials expect talks on transport to resume.\n")
    text = ("Malian officials meet in Bamako over road building\n\n"
            "Residents queue for onions in Rbaat on Tuesday.\n"
            "Residents queue for onions in Rabat on Tuesday.\n\n" + body)
    result = cleantext.clean(text)
    assert result.text.count("Residents queue for onions in Rabat on Tuesday.") == 1
    assert "Rbaat" not in result.text and body in result.text
    assert cleantext.clean(result.text).edits == ()
