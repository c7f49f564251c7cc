"""PySpark: clean a DataFrame with `mapInArrow`, one pyarrow batch at a time.

    from pyspark.sql import SparkSession
    from cleantext.spark import clean_dataframe

    spark = SparkSession.builder.master("local[*]").getOrCreate()   # or your cluster
    df = spark.read.json("raw/")
    clean_dataframe(df, metadata_key="cleantext").write.parquet("clean/")

Spark hands each Python worker an iterator of Arrow record batches (their size is
`spark.sql.execution.arrow.maxRecordsPerBatch`); each is cleaned with the same function as the
Ray adapter, so the output is the single-process output. Only the `Config` is shipped with the
function; heavy resources load once per Python worker, on first use, and stay cached in the
module for as long as Spark reuses the worker (`spark.python.worker.reuse`, on by default).
Every executor needs `cleantext-corpus` installed.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable, Iterator

from .config import Config
from .records import clean_arrow


def clean_batches(batches: Iterable[Any], config: Config | None = None, *, text_field: str = "text",
                  id_field: str = "id", metadata_key: str | None = None) -> Iterator[Any]:
    """The `mapInArrow` function: cleaned record batches, in order, one for each batch in."""
    for batch in batches:
        yield clean_arrow(batch, config, text_field=text_field, id_field=id_field, metadata_key=metadata_key)


def metadata_schema() -> Any:
    """The Spark type of the metadata column, field for field the Arrow type of `records`."""
    from pyspark.sql.types import ArrayType, BooleanType, DoubleType, LongType, StringType, StructField, StructType

    edit = StructType([StructField("step", StringType()), StructField("start", LongType()),
                       StructField("end", LongType()), StructField("old", StringType()),
                       StructField("new", StringType()), StructField("reason", StringType()),
                       StructField("detail", StringType()), StructField("applied", BooleanType()),
                       StructField("round", LongType())])
    return StructType([StructField("language", StringType()), StructField("language_score", DoubleType()),
                       StructField("edits", ArrayType(edit)), StructField("notes", ArrayType(StringType()))])


def clean_dataframe(df: Any, config: Config | None = None, *, text_field: str = "text", id_field: str = "id",
                    metadata_key: str | None = None) -> Any:
    """The DataFrame with its text column cleaned and, with `metadata_key`, a metadata column added."""
    from pyspark.sql.types import StructField, StructType

    # A new StructType: `StructType.add` changes the DataFrame's own cached schema in place.
    fields = list(df.schema.fields)
    if metadata_key:
        fields.append(StructField(metadata_key, metadata_schema()))
    schema = StructType(fields)
    function = partial(clean_batches, config=config, text_field=text_field, id_field=id_field,
                       metadata_key=metadata_key)
    return df.mapInArrow(function, schema)
