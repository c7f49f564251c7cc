"""Ray Data adapter against a local two-CPU Ray: same output as the single-process run."""

import pytest

import cleantext
from test_records import varied_records

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from cleantext.ray import clean_dataset  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    keep = context.execution_options.preserve_order
    context.execution_options.preserve_order = True
    yield
    context.execution_options.preserve_order = keep
    ray.shutdown()


def test_dataset_output_matches_clean_records(local_ray):
    rows = varied_records(300)
    out = clean_dataset(ray.data.from_items(rows), metadata_key="cleantext").take_all()
    expected = list(cleantext.clean_records(rows, metadata_key="cleantext"))
    assert [r["id"] for r in out] == [r["id"] for r in rows]
    assert [r["text"] for r in out] == [r["text"] for r in expected]
    assert [r["cleantext"] for r in out] == [r["cleantext"] for r in expected]
    assert [r["metadata"] for r in out] == [r["metadata"] for r in rows]
    assert sum(a["text"] != b["text"] for a, b in zip(out, rows)) > 100


def test_custom_fields_and_null_text(local_ray):
    items = [{"key": "a", "body": "cafÃ©  bar"}, {"key": "b", "body": None}]
    out = clean_dataset(ray.data.from_items(items), text_field="body", id_field="key", concurrency=1).take_all()
    assert out == [{"key": "a", "body": "café bar"}, {"key": "b", "body": None}]
