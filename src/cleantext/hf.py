"""Hugging Face `datasets`: a batched map function.

    >>> import datasets
    >>> from cleantext.hf import BatchCleaner
    >>> ds = datasets.Dataset.from_list([{"id": "a1", "text": "naÃ¯ve  reader", "url": "u"}])
    >>> ds.map(BatchCleaner(), batched=True)[0]
    {'id': 'a1', 'text': 'naïve reader', 'url': 'u'}

`BatchCleaner` is a frozen dataclass of plain values, so it pickles with dill: `num_proc=N`
ships it to the workers, and `datasets` can fingerprint it, so a second run with the same
settings loads the cached result instead of cleaning again. Heavy resources (language
profiles, compiled patterns) load once per worker process on first use.

With `metadata_key`, the edits and language go into that column as one JSON string per row.
`datasets` types a column from the first batch it writes, and a batch without a single edit
would type the edits as a list of nulls, which the next batch with an edit cannot be cast to;
a string keeps one type. Read it back with `json.loads`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .records import clean_columns


@dataclass(frozen=True)
class BatchCleaner:
    """`ds.map(BatchCleaner(...), batched=True, num_proc=N)`: cleans the text column of each batch.

    A null text stays null. Only the text column (and the metadata column) are returned, so
    `datasets` keeps every other column as it was without copying it.
    """

    config: Config = field(default_factory=Config)
    text_field: str = "text"
    id_field: str = "id"
    metadata_key: str | None = None

    def __call__(self, batch: dict[str, list]) -> dict[str, list]:
        ids = batch.get(self.id_field)
        texts, metadata = clean_columns(list(batch[self.text_field]), None if ids is None else list(ids), self.config)
        out: dict[str, list[Any]] = {self.text_field: texts}
        if self.metadata_key:
            out[self.metadata_key] = [None if m is None else json.dumps(m, ensure_ascii=False) for m in metadata]
        return out

    def __reduce__(self):
        # `datasets` fingerprints the function by pickling it; a frozenset pickles in hash order,
        # which changes with every interpreter, so the skip set goes out sorted.
        config = self.config
        state = (tuple(sorted(config.skip)), config.max_removal, config.language, tuple(sorted(config.steps.items())))
        return _rebuild, (state, self.text_field, self.id_field, self.metadata_key)


def _rebuild(state: tuple, text_field: str, id_field: str, metadata_key: str | None) -> BatchCleaner:
    skip, max_removal, language, steps = state
    return BatchCleaner(Config(frozenset(skip), max_removal, language, dict(steps)), text_field, id_field, metadata_key)
