"""The datatrove step inside a real LocalPipelineExecutor: jsonl reader -> step -> jsonl writer."""

import json

import pytest

import cleantext
from test_records import varied_records

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleantext.config import from_mapping  # noqa: E402
from cleantext.datatrove import CleanText  # noqa: E402


def shards(folder, rows, count):
    folder.mkdir(parents=True)
    for n in range(count):
        with open(folder / f"part-{n}.jsonl", "w", encoding="utf-8") as handle:
            for row in rows[n::count]:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_folder(folder):
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]


def run(tmp_path, step, tasks=2, workers=2):
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), step, JsonlWriter(str(tmp_path / "out"), compression=None)],
        tasks=tasks, workers=workers, logging_dir=str(tmp_path / "logs"))
    executor.run()
    return {doc["id"]: doc for doc in read_folder(tmp_path / "out")}


def test_executor_output_matches_the_single_process_result(tmp_path):
    rows = varied_records(80)
    shards(tmp_path / "in", rows, 4)
    out = run(tmp_path, CleanText())
    expected = {r["id"]: r for r in cleantext.clean_records(rows, metadata_key="cleantext")}
    assert out.keys() == expected.keys()
    for ident, doc in out.items():
        assert doc["text"] == expected[ident]["text"]
        assert doc["metadata"]["cleantext"] == expected[ident]["cleantext"]
        assert doc["metadata"]["position"] == expected[ident]["metadata"]["position"]  # other fields kept
    assert sum(doc["text"] != r["text"] for r in rows for doc in [out[r["id"]]]) > 10

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    ours = next(s for s in stats if "cleantext" in s["name"])["stats"]
    count = {k: v["total"] if isinstance(v, dict) else v for k, v in ours.items()}
    changed = sum(r["text"] != expected[r["id"]]["text"] for r in rows)
    assert count["cleaned"] == changed and count["unchanged"] == len(rows) - changed
    assert count["edit-mojibake"] == sum(
        e["reason"] == "mojibake" for r in expected.values() for e in r["cleantext"]["edits"])


def test_config_and_no_metadata(tmp_path):
    shards(tmp_path / "in", [{"id": "a", "text": "cafÃ©  bar\n"}], 1)
    out = run(tmp_path, CleanText(from_mapping({"skip": ["unicode"]}), metadata_key=None), tasks=1, workers=1)
    assert out["a"]["text"] == "cafÃ© bar\n"
    assert "cleantext" not in out["a"].get("metadata", {})
