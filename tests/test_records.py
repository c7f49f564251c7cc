"""Record files through the command line: JSONL (plain, gzip, zstd) and Parquet."""

import gzip
import io
import json

import pytest
from hypothesis import given, settings, strategies as st

import cleantext
from cleantext import records
from cleantext.cli import main

DIRTY = "The cafÃ© opened in Niamey  on Monday.\n\n\n\nIt serves tea from Mombasa.\n"
CLEAN = "The café opened in Niamey on Monday.\n\nIt serves tea from Mombasa.\n"
TIDY = "A quiet paragraph about the harvest in the valley.\n"


def docs(n=6):
    """Datatrove / dolma-shaped records: id, text, metadata, plus a field of their own."""
    return [{"id": f"d{i}", "text": DIRTY.replace("Monday", f"day {i}") if i % 2 else TIDY,
             "source": "test", "metadata": {"url": f"https://example.org/{i}", "n": i}} for i in range(n)]


def write_jsonl(path, rows, raw_lines=()):
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "".join(raw_lines)
    data = body.encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".zst"):
        import zstandard
        data = zstandard.ZstdCompressor().compress(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def read_jsonl(path):
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    elif path.name.endswith(".zst"):
        import zstandard
        data = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read()
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".jsonl.zst"])
def test_jsonl_mirrors_the_tree_with_the_same_suffix(tmp_path, suffix):
    rows = docs()
    write_jsonl(tmp_path / "in" / "part" / f"a{suffix}", rows)
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 0
    out = read_jsonl(tmp_path / "out" / "part" / f"a{suffix}")
    assert out == list(cleantext.clean_records(rows))
    assert [r["id"] for r in out] == [r["id"] for r in rows]
    assert out[1]["text"] == CLEAN.replace("Monday", "day 1")
    assert out[1]["metadata"] == rows[1]["metadata"] and out[1]["source"] == "test"
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_unchanged_records_are_written_back_byte_for_byte(tmp_path):
    line = '{"text":"' + TIDY.replace("\n", "\\n") + '",  "id":1, "x": 1.50}\n'
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(line, encoding="utf-8")
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert (tmp_path / "out" / "a.jsonl").read_text(encoding="utf-8") == line


def test_broken_lines_are_reported_with_their_number_and_fail_the_run(tmp_path, capsys):
    path = tmp_path / "in" / "a.jsonl"
    write_jsonl(path, docs(2), ['{"id": "broken", "text": \n', '[1, 2]\n', '{"id": "x", "body": "no text"}\n',
                                '\n', json.dumps({"id": "last", "text": DIRTY}) + "\n"])
    assert main(["clean", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"{path.as_posix()}:3: not valid JSON" in err
    assert f"{path.as_posix()}:4: not a JSON object but list" in err
    assert f"{path.as_posix()}:5: no field 'text'" in err
    assert "records: 3 read, 2 cleaned, 3 rejected" in err
    assert [r["id"] for r in read_jsonl(tmp_path / "out" / "a.jsonl")] == ["d0", "d1", "last"]


def test_rejects_file_keeps_broken_lines_and_the_run_succeeds(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, docs(2), ['{"id": "broken", "text": \n', '{"id": 9, "text": null}\n'])
    rejects = tmp_path / "rejects.jsonl"
    assert main(["clean", str(path), "-o", str(tmp_path / "out"), "--rejects", str(rejects), "-q"]) == 0
    saved = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["path"], r["line"]) for r in saved] == [(path.as_posix(), 3), (path.as_posix(), 4)]
    assert saved[0]["raw"] == '{"id": "broken", "text": '
    assert saved[1]["error"] == "field 'text' is NoneType, not a string"
    assert "saved to the rejects file" in capsys.readouterr().err


def test_invalid_utf8_line_is_a_reject_not_a_crash(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": 1, "text": "caf\xe9"}\n' + (json.dumps({"id": 2, "text": TIDY}) + "\n").encode())
    assert main(["clean", str(path), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert "a.jsonl:1: not valid UTF-8 (byte 0xe9" in capsys.readouterr().err
    assert [r["id"] for r in read_jsonl(tmp_path / "out" / "a.jsonl")] == [2]


def test_text_and_id_fields(tmp_path):
    rows = [{"doc_id": "k1", "content": DIRTY, "text": "untouched  field"}]
    write_jsonl(tmp_path / "a.jsonl", rows)
    edits = tmp_path / "edits.jsonl"
    assert main(["clean", str(tmp_path / "a.jsonl"), "-o", str(tmp_path / "out"), "--text-field", "content",
                 "--id-field", "doc_id", "--edits", str(edits), "-q"]) == 0
    out = read_jsonl(tmp_path / "out" / "a.jsonl")
    assert out == [{"doc_id": "k1", "content": CLEAN, "text": "untouched  field"}]
    lines = [json.loads(line) for line in edits.read_text(encoding="utf-8").splitlines()]
    assert {(r["id"], r["line"]) for r in lines} == {("k1", 1)}
    assert {r["reason"] for r in lines} == {"mojibake", "space-run", "blank-lines"}


def test_check_and_diff_name_the_record_and_write_nothing(tmp_path, capsys):
    write_jsonl(tmp_path / "a.jsonl", docs(2))
    before = (tmp_path / "a.jsonl").read_bytes()
    assert main(["clean", str(tmp_path / "a.jsonl"), "--check", "--diff", "-q"]) == 1
    out = capsys.readouterr().out
    assert f"--- a/{(tmp_path / 'a.jsonl').as_posix()}:2" in out and "+The café opened" in out
    assert (tmp_path / "a.jsonl").read_bytes() == before
    write_jsonl(tmp_path / "b.jsonl", [docs(1)[0]])
    assert main(["clean", str(tmp_path / "b.jsonl"), "--check", "-q"]) == 0


def test_in_place_rewrites_a_record_file_only_when_it_changes(tmp_path):
    clean_file, dirty_file = tmp_path / "clean.jsonl.gz", tmp_path / "dirty.jsonl.gz"
    write_jsonl(clean_file, [docs(1)[0]])
    write_jsonl(dirty_file, docs(4))
    dirty_file.chmod(0o640)
    untouched = clean_file.stat().st_mtime_ns
    assert main(["clean", str(tmp_path), "--in-place", "-q"]) == 0
    assert clean_file.stat().st_mtime_ns == untouched
    assert read_jsonl(dirty_file) == list(cleantext.clean_records(docs(4)))
    assert dirty_file.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_keep_record_order_across_chunks(tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(records, "CHUNK_RECORDS", 3)
    rows = docs(40)
    write_jsonl(tmp_path / "in" / "a.jsonl", rows)
    (tmp_path / "in" / "b.txt").write_text(DIRTY, encoding="utf-8")
    edits = tmp_path / "edits.jsonl"
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", jobs, "-q",
                 "--edits", str(edits)]) == 0
    assert read_jsonl(tmp_path / "out" / "a.jsonl") == list(cleantext.clean_records(rows))
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == CLEAN
    ids = [json.loads(line).get("id") for line in edits.read_text(encoding="utf-8").splitlines()]
    assert [i for i in ids if i] == sorted((i for i in ids if i), key=lambda s: int(s[1:]))


def test_truncated_gzip_fails_the_file_and_writes_nothing(tmp_path, capsys):
    write_jsonl(tmp_path / "in" / "a.jsonl.gz", docs(20))
    data = (tmp_path / "in" / "a.jsonl.gz").read_bytes()
    (tmp_path / "in" / "a.jsonl.gz").write_bytes(data[: len(data) // 2])
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert "a.jsonl.gz" in capsys.readouterr().err
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8))
record_strategy = st.fixed_dictionaries(
    {"id": st.text(max_size=6), "text": st.text(max_size=40)},
    optional={"metadata": st.dictionaries(st.text(max_size=5), scalars, max_size=3), "n": scalars})


@settings(max_examples=150, deadline=None)
@given(st.lists(record_strategy, max_size=6), st.sampled_from([1, 2, 5]))
def test_streamed_records_match_clean_records_in_order(rows, chunk):
    # Whatever the chunking, the stream pairs each record with exactly its own clean result.
    stream = io.BytesIO("".join(json.dumps(r) + "\n" for r in rows).encode("utf-8"))
    original, records.CHUNK_RECORDS = records.CHUNK_RECORDS, chunk
    try:
        pairs = list(records.cleaned(records.read_jsonl(stream), cleantext.Config(), "id", "text"))
    finally:
        records.CHUNK_RECORDS = original
    assert [p[0].data for p in pairs] == rows
    assert [p[1][0] for p in pairs] == [r["text"] for r in cleantext.clean_records(rows)]


pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def test_parquet_round_trip_keeps_schema_order_and_other_columns(tmp_path, monkeypatch):
    monkeypatch.setattr(records, "PARQUET_BATCH", 4)
    rows = [{"id": r["id"], "text": r["text"], "n": i, "tags": ["a", str(i)]} for i, r in enumerate(docs(11))]
    table = pa.Table.from_pylist(rows)
    pq.write_table(table, tmp_path / "a.parquet", row_group_size=5)
    assert main(["clean", str(tmp_path / "a.parquet"), "-o", str(tmp_path / "out"), "-q"]) == 0
    out = pq.read_table(tmp_path / "out" / "a.parquet")
    assert out.schema == table.schema
    assert out.to_pylist() == list(cleantext.clean_records(rows))


def test_parquet_null_text_is_a_reject_with_its_row(tmp_path, capsys):
    pq.write_table(pa.Table.from_pylist([{"id": "a", "text": DIRTY}, {"id": "b", "text": None}]), tmp_path / "a.parquet")
    rejects = tmp_path / "rejects.jsonl"
    assert main(["clean", str(tmp_path / "a.parquet"), "-o", str(tmp_path / "out"), "--rejects", str(rejects)]) == 0
    assert "a.parquet:2: field 'text' is NoneType" in capsys.readouterr().err
    assert json.loads(rejects.read_text(encoding="utf-8"))["row"] == 2
    assert pq.read_table(tmp_path / "out" / "a.parquet").column("id").to_pylist() == ["a"]


PARAGRAPHS = [
    "The harbour authority in Mombasa said on Tuesday that container traffic rose by a tenth this year.",
    "Le ministre est arrivÃ© Ã  Niamey lundi pour deux jours de discussions avec le gouvernement.",
    "Die Stadtverwaltung  hat den neuen Radweg entlang des Flusses am Freitag  eröffnet.",
    "Farmers near Agadez &amp; Zinder expect a better millet harvest after the late rains.",
    "El museo abrirá sus puertas de nuevo en primavera, después de tres años de obras.",
    "Short line.",
    "Il mercato del sabato resta il cuore della vita del quartiere, dicono i commercianti.\t",
    "The councilâ€™s budget vote was postponed until the auditors finish their report.",
]


def varied_records(n, seed=0):
    """Synthetic dolma-shaped records built from varied paragraphs, some clean, some not."""
    rows = []
    for i in range(n):
        k = (i * 7 + seed) % len(PARAGRAPHS)
        body = [PARAGRAPHS[(k + j * 3) % len(PARAGRAPHS)] for j in range(1 + i % 4)]
        gap = "\n\n\n" if i % 5 == 0 else "\n\n"
        rows.append({"id": f"doc-{i}", "text": gap.join(body) + "\n", "source": "synthetic",
                     "metadata": {"position": i}})
    return rows


def test_arrow_batches_get_one_metadata_type_with_or_without_edits():
    rows = [{"id": "clean", "text": TIDY}, {"id": "dirty", "text": DIRTY}]
    first = records.clean_arrow(pa.Table.from_pylist(rows[:1]), metadata_key="cleantext")
    second = records.clean_arrow(pa.Table.from_pylist(rows[1:]), metadata_key="cleantext")
    both = pa.concat_tables([first, second])
    assert both.to_pylist() == list(cleantext.clean_records(rows, metadata_key="cleantext"))
