"""The Hugging Face `datasets` map function, on a real `datasets` install."""

import json
import os
import pickle
import subprocess
import sys

import pytest

import cleantext
from cleantext.config import from_mapping
from test_records import varied_records

datasets = pytest.importorskip("datasets")
dill = pytest.importorskip("dill")

from cleantext.hf import BatchCleaner  # noqa: E402


@pytest.fixture(autouse=True)
def quiet_datasets(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    datasets.disable_progress_bars()


@pytest.mark.parametrize("num_proc", [None, 2])
def test_batched_map_gives_the_single_process_output(num_proc):
    rows = varied_records(60)
    ds = datasets.Dataset.from_list(rows)
    out = ds.map(BatchCleaner(metadata_key="cleantext"), batched=True, batch_size=7, num_proc=num_proc)
    expected = list(cleantext.clean_records(rows, metadata_key="cleantext"))
    got = [dict(row, cleantext=json.loads(row["cleantext"])) for row in out]
    assert got == expected
    assert any(row["cleantext"]["edits"] for row in got) and any(not row["cleantext"]["edits"] for row in got)


def test_other_columns_and_null_texts_pass_through():
    ds = datasets.Dataset.from_list([{"id": 1, "text": "cafÃ©  bar", "n": 3}, {"id": 2, "text": None, "n": 4}])
    out = ds.map(BatchCleaner(), batched=True)
    assert out.to_list() == [{"id": 1, "text": "café bar", "n": 3}, {"id": 2, "text": None, "n": 4}]


def test_custom_fields():
    ds = datasets.Dataset.from_list([{"key": "k", "body": "naÃ¯ve", "text": "left  alone"}])
    out = ds.map(BatchCleaner(text_field="body", id_field="key"), batched=True)
    assert out[0] == {"key": "k", "body": "naïve", "text": "left  alone"}


def test_cleaner_pickles_with_dill_and_pickle():
    cleaner = BatchCleaner(from_mapping({"skip": ["language", "unicode"]}), metadata_key="m")
    batch = {"id": ["a"], "text": ["cafÃ©  bar"]}
    for module in (pickle, dill):
        copy = module.loads(module.dumps(cleaner))
        assert copy == cleaner and copy(batch) == cleaner(batch)
    assert cleaner(batch)["text"] == ["cafÃ© bar"]


def test_fingerprint_is_the_same_in_every_interpreter():
    # The cache only works if the function hashes the same in the next Python process too.
    code = ("from datasets.fingerprint import Hasher; from cleantext.hf import BatchCleaner; "
            "from cleantext.config import from_mapping; "
            "print(Hasher.hash(BatchCleaner(from_mapping({'skip': ['language', 'unicode', 'whitespace']}))))")
    hashes = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": os.pathsep.join(sys.path)}
        hashes.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                  check=True).stdout.strip())
    assert len(hashes) == 1


def test_second_map_on_a_saved_dataset_comes_from_the_cache(tmp_path):
    datasets.Dataset.from_list(varied_records(20)).to_json(tmp_path / "in.jsonl")
    ds = datasets.load_dataset("json", data_files=str(tmp_path / "in.jsonl"), split="train",
                               cache_dir=str(tmp_path / "cache"))
    first = ds.map(BatchCleaner(), batched=True)
    second = ds.map(BatchCleaner(), batched=True)
    assert first._fingerprint == second._fingerprint
    assert first.cache_files == second.cache_files
