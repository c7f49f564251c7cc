"""The PySpark mapInArrow recipe on a local two-core Spark; skipped where Java is missing."""

import os
import shutil
import sys

import pytest

import cleantext
from test_records import varied_records

pytest.importorskip("pyspark")
if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java, and there is none here", allow_module_level=True)

from cleantext.spark import clean_dataframe  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Workers must run this interpreter, which has cleantext on its path.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    session = (SparkSession.builder.master("local[2]").appName("cleantext-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "50").getOrCreate())
    yield session
    session.stop()


def test_dataframe_output_matches_clean_records(spark):
    rows = [{"id": r["id"], "text": r["text"], "position": r["metadata"]["position"]} for r in varied_records(200)]
    df = spark.createDataFrame(rows, "id string, text string, position long").repartition(4)
    out = {row["id"]: row.asDict(recursive=True) for row in clean_dataframe(df, metadata_key="cleantext").collect()}
    expected = {r["id"]: r for r in cleantext.clean_records(rows, metadata_key="cleantext")}
    assert out == expected
    assert sum(out[r["id"]]["text"] != r["text"] for r in rows) > 50


def test_custom_fields_and_null_text(spark):
    df = spark.createDataFrame([("a", "cafÃ©  bar"), ("b", None)], "key string, body string")
    out = sorted(tuple(row) for row in clean_dataframe(df, text_field="body", id_field="key").collect())
    assert out == [("a", "café bar"), ("b", None)]
