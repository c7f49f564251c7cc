"""Hygiene of the shipped gazetteer data, in the spirit of codespell's dictionary checks."""

from __future__ import annotations

import gzip
from pathlib import Path
from collections import defaultdict

import pytest

from cleantext.document import Document
from cleantext.gazetteer import fix_entities
from cleantext.names import PLACE_KINDS, _data, fold, fold_key, load_gazetteer, lower_key, read_table

TABLE = _data("countries.tsv").read_text(encoding="utf-8")
ROWS = read_table(TABLE)
FOREIGN = [line.split("\t") for line in _data("foreign.tsv").read_text(encoding="utf-8").splitlines()
           if line and not line.startswith("#")]


def data_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_table_rows_have_five_columns_and_known_kinds():
    for line in data_lines(TABLE):
        cells = line.split("\t")
        assert len(cells) == 5, line
        name, kind, entity, variants, flags = cells
        assert name and name == name.strip() and kind in PLACE_KINDS, line
        assert set(filter(None, flags.split(","))) <= {"ambiguous", "protect"}, line
        assert name not in variants.split("|"), line


def test_table_is_sorted_and_unique():
    keys = [(line.split("\t")[0].casefold(), line.split("\t")[1]) for line in data_lines(TABLE)]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_no_spelling_maps_to_two_entities_unless_marked_ambiguous():
    entities = defaultdict(set)
    for name, kind, entity, variants, flags in ROWS:
        if "ambiguous" in flags:
            continue
        for spelling in [name, *variants]:
            entities[fold_key(spelling)].add(entity)
    clashes = {k: v for k, v in entities.items() if len(v) > 1}
    assert clashes == {}


def test_ambiguous_rows_name_every_entity():
    for name, kind, entity, variants, flags in ROWS:
        if "ambiguous" in flags:
            assert ";" in entity, name


def test_every_demonym_belongs_to_a_listed_place():
    places = {name for name, kind, *_ in ROWS if kind != "demonym"}
    for name, kind, entity, variants, flags in ROWS:
        if kind == "demonym":
            assert set(entity.split(";")) <= places, name


def test_foreign_forms_are_sorted_and_point_at_listed_entities():
    places = {name for name, kind, *_ in ROWS}
    assert all(len(cells) == 3 and cells[1] in {"fr", "de", "es", "pt", "it"} for cells in FOREIGN)
    assert all(cells[2] in places for cells in FOREIGN), [c for c in FOREIGN if c[2] not in places]
    keys = [(c[0].casefold(), c[1], c[2], c[0]) for c in FOREIGN]
    assert keys == sorted(keys) and len(keys) == len(set(keys))


def test_first_names_sorted_unique():
    names = _data("first_names.txt").read_text(encoding="utf-8").splitlines()
    assert names == sorted(set(names)) and all(n.strip() == n and n for n in names)


def test_places_file_columns():
    lines = gzip.decompress(_data("places.tsv.gz").read_bytes()).decode("utf-8").splitlines()
    assert len(lines) > 30_000
    rows = [line.split("\t") for line in lines]
    for name, key, folded, country, population, flag in rows:
        assert name and key == lower_key(name) and folded == fold(key), name
        assert len(country) == 2 and population.isdigit() and flag in {"c", "-"}, name
    assert rows == sorted(rows, key=lambda r: (r[5] != "c", -int(r[4]), r[0], r[3]))  # capitals, then by size
    assert sum(r[5] == "c" for r in rows) > 200


def test_place_keys_are_sorted_unique_keys():
    for name in ("place_keys.txt.gz", "place_keys_folded.txt.gz"):
        keys = gzip.decompress(_data(name).read_bytes()).decode("utf-8").splitlines()
        assert keys == sorted(set(keys)) and all(k == lower_key(k) for k in keys), name


def test_no_correction_target_is_itself_corrected():
    """codespell's rule that a fix is never itself a typo: every target, in a sentence, stays."""
    gazetteer = load_gazetteer(100_000)
    names = sorted({t.name for targets in gazetteer.targets.values() for t in targets})
    assert len(names) > 5_000
    for start in range(0, len(names), 400):
        chunk = names[start:start + 400]
        text = "".join(f"Reports from {name} arrived on Monday.\n" for name in chunk)
        edits = [e for e in fix_entities(Document(text)) if e.applied]
        assert edits == [], [(e.old, e.new) for e in edits[:5]]


@pytest.mark.parametrize("form", ["nigérien", "Tchad", "Irak", "Österreich", "Turquía", "Moscou", "Moskau"])
def test_other_languages_forms_are_known(form):
    gazetteer = load_gazetteer(100_000)
    assert form.lower() in gazetteer.known


def test_wordfreq_lists_are_read_directly_and_places_in_chunks():
    # A failed direct read falls back to importing wordfreq and changes no output, only the time:
    # so the direct path is checked here.
    from cleantext.names import _buckets, _gzip_lines

    assert _buckets("small", "en") is not None and _buckets("large", "en") is not None
    lines = list(_gzip_lines("places.tsv.gz"))
    assert lines == gzip.decompress(_data("places.tsv.gz").read_bytes()).decode("utf-8").rstrip("\n").split("\n")


def test_packed_frequencies_give_wordfreqs_own_values():
    import wordfreq

    from cleantext.names import PackedFrequencies, frequencies

    packed = frequencies("fr")
    assert isinstance(packed, PackedFrequencies)
    expected = wordfreq.get_frequency_dict("fr", "large")
    words = sorted(expected)[::97]
    assert [packed.get(w) for w in words] == [expected[w] for w in words]
    # Unlisted: the empty word, a listed word's prefix and extension, a word past every entry.
    unlisted = [w for w in ["", "\0", "maisonxq", "\U0010ffff" * 3] if w not in expected]
    assert len(unlisted) == 4 and [packed.get(w, -1.0) for w in unlisted] == [-1.0] * 4


def test_packed_frequencies_are_kept_in_the_cache_and_read_back_equal(tmp_path, monkeypatch):
    from cleantext import names

    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(tmp_path))
    built = names.frequencies.__wrapped__("pt")
    cached, = tmp_path.glob("*.packed")
    read = names.frequencies.__wrapped__("pt")  # from the cache this time
    assert (read.entries, read.ends, read.marks) == (built.entries, built.ends, built.marks)
    assert [read.get(w) for w in ("cidade", "governo", "xqzv")] == [built.get(w) for w in ("cidade", "governo", "xqzv")]
    # A cut or foreign file is not read: the lists are packed again and the file replaced.
    for damage in (cached.read_bytes()[:-5], b"not a cache", b""):
        cached.write_bytes(damage)
        assert names._read_packed(cached) is None
        again = names.frequencies.__wrapped__("pt")
        assert again.entries == built.entries and names._read_packed(cached) is not None


def test_no_cache_folder_or_an_unwritable_one_still_gives_the_lists(tmp_path, monkeypatch):
    from cleantext import names

    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", "")
    assert names._cache_file(Path(names.__file__)) is None
    assert names.frequencies.__wrapped__("pt").get("governo") > 0
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("CLEANTEXT_CACHE_DIR", str(blocker / "cache"))
    assert names.frequencies.__wrapped__("pt").get("governo") > 0
    assert not (blocker / "cache").exists()
