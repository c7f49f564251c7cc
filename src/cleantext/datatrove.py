"""datatrove: a pipeline step that cleans each document and keeps the edits in its metadata.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleantext.datatrove import CleanText

    LocalPipelineExecutor(
        pipeline=[JsonlReader("raw/"), CleanText(), JsonlWriter("clean/")],
        tasks=4, workers=2, logging_dir="logs/",
    ).run()

Each document's text is replaced by the cleaned text, and `metadata["cleantext"]` holds the
language label and every edit (step, span, old, new, reason), so a cleaned corpus can still be
audited or undone. The step's stats count documents cleaned and unchanged and each edit reason,
the way datatrove counts filter reasons, and they merge across tasks in `logs/stats.json`.

The step holds only its `Config`, a frozen dataclass of plain values, so it pickles with dill for
the executor; language profiles and patterns load once per worker process on first use.
"""

from __future__ import annotations

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from .config import Config
from .pipeline import clean_records


class CleanText(PipelineStep):
    """Clean `doc.text` in place; with `metadata_key` (the default), record the edits there."""

    name = "🧹 cleantext"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config | None = None, metadata_key: str | None = "cleantext"):
        super().__init__()
        self.config = config or Config()
        self.metadata_key = metadata_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                row = next(clean_records([{"id": doc.id, "text": doc.text}], self.config, metadata_key="cleantext"))
            found = row["cleantext"]
            self.stat_update("cleaned" if row["text"] != doc.text else "unchanged")
            for edit in found["edits"]:
                if edit["applied"]:
                    self.stat_update(f"edit-{edit['reason']}")
            if found["notes"]:
                self.stat_update("left-unchanged-by-guard")
            doc.text = row["text"]
            if self.metadata_key:
                doc.metadata[self.metadata_key] = found
            yield doc
