"""Ray Data: clean a `ray.data.Dataset` with every worker busy.

    import ray
    from cleantext.ray import clean_dataset

    ray.init()                                   # or ray.init(address="auto") on a cluster
    ds = ray.data.read_json("raw/")              # or read_parquet, from_items, ...
    clean_dataset(ds, metadata_key="cleantext").write_parquet("clean/")

The cleaning runs in `map_batches` with a callable class over pyarrow batches: Ray starts one
actor per worker and runs its constructor once, so language profiles and compiled patterns load
once per worker, not once per batch. Only the `Config` travels to the actors.

Left to its defaults, Ray Data gave a cleaning map over a small JSONL file to one worker at a
time (a file is read as one block, and a block is never split across workers); on two cores it
reached about a third of a two-process Pool. So the dataset is first cut into blocks of
`rows_per_block` rows, many more blocks than workers, and the actor pool is as large as the
cluster's CPUs.
"""

from __future__ import annotations

from typing import Any

from .config import Config
from .pipeline import clean
from .records import clean_arrow

ROWS_PER_BLOCK = 64
"""Rows per block before the map: a few hundred milliseconds of cleaning each, so every worker
gets many blocks and none waits long for the last one."""
BATCH_SIZE = 64
"""Rows per `map_batches` call; one block is one batch."""
ACTOR_CPUS = 0.5
"""Logical CPUs each actor reserves. With one whole CPU per actor and one actor per CPU, the
read tasks found no CPU left and the run waited forever on a 2-CPU machine; half a CPU leaves
room for reading, while each actor still uses a full core when it works (a reservation is a
scheduling label, not a limit)."""


class ArrowCleaner:
    """The per-actor callable: built once per worker, then called on each pyarrow batch."""

    def __init__(self, config: Config | None = None, text_field: str = "text", id_field: str = "id",
                 metadata_key: str | None = None):
        self.config = config or Config()
        self.options = dict(text_field=text_field, id_field=id_field, metadata_key=metadata_key)
        # Load the heavy resources now, in the actor's constructor, not inside the first batch.
        clean("Warming up the cleaner: language profiles and patterns load once per worker.\n", self.config)

    def __call__(self, batch: Any) -> Any:
        return clean_arrow(batch, self.config, **self.options)


def clean_dataset(ds: Any, config: Config | None = None, *, text_field: str = "text", id_field: str = "id",
                  metadata_key: str | None = None, concurrency: int | None = None,
                  rows_per_block: int = ROWS_PER_BLOCK, batch_size: int = BATCH_SIZE,
                  num_cpus: float = ACTOR_CPUS) -> Any:
    """The dataset with its text column cleaned; every other column passes through.

    `concurrency` is the number of cleaning actors (default: the cluster's CPUs). With
    `metadata_key`, a struct column of edits and language is added. A null text stays null.
    Row order follows Ray's `DataContext.execution_options.preserve_order`.
    """
    import ray

    workers = concurrency or max(1, int(ray.cluster_resources().get("CPU", 1)))
    return ds.repartition(target_num_rows_per_block=rows_per_block).map_batches(
        ArrowCleaner,
        fn_constructor_kwargs=dict(config=config, text_field=text_field, id_field=id_field, metadata_key=metadata_key),
        batch_format="pyarrow",
        batch_size=batch_size,
        concurrency=workers,
        num_cpus=num_cpus,
        zero_copy_batch=True,
    )
