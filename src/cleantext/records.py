"""Record files: JSONL (plain, gzip or zstd) and Parquet, read lazily and written atomically.

A record file holds one document per record: a JSON object per line, or a Parquet row. The text
sits in one field ("text" by default) and everything else passes through untouched, so the
datatrove and dolma shape (`id`, `text`, `metadata`, ...) works as it is. Files are read in a
stream (JSONL line by line, Parquet through `iter_batches`), cleaned in chunks of records, and
written to a temporary file that is renamed into place at the end, in input order. Memory stays
flat whatever the file's size: at most a few chunks are held at once.

A line that cannot be a record (broken JSON, not an object, no text) is a `Reject`: it carries
its line number and is reported, and written to a rejects file when one is given. It is never
dropped without a word.
"""

from __future__ import annotations

import gzip
import io
import json
from collections import deque
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator

from .config import Config
from .document import Document, Edit
from .files import AtomicFile
from .pipeline import clean
from .report import Outcome, unified_diff

SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".parquet")
CHUNK_RECORDS = 128
"""Records sent to a worker at once: large enough that hand-over costs little next to cleaning
(about 3 ms a record), small enough that a few chunks in flight stay a few MB."""
PARQUET_BATCH = 1024
"""Rows read and written per Parquet batch; pyarrow's own default is 64k rows, too much memory
for long articles."""


def is_record_file(path: Path) -> bool:
    return path.name.endswith(SUFFIXES)


@dataclass(frozen=True)
class Record:
    line: int
    """Line number (JSONL) or row number (Parquet), counting from 1."""
    data: dict[str, Any]
    raw: bytes | None = None
    """The JSONL line as read: written back byte for byte when the text does not change."""


@dataclass(frozen=True)
class Reject:
    line: int
    error: str
    raw: str
    """The line as read (JSONL) or the row as JSON (Parquet), so nothing is lost."""


def _problem(data: Any, text_field: str) -> str:
    if not isinstance(data, dict):
        return f"not a JSON object but {type(data).__name__}"
    if text_field not in data:
        return f"no field {text_field!r}"
    if not isinstance(data[text_field], str):
        return f"field {text_field!r} is {type(data[text_field]).__name__}, not a string"
    return ""


def read_jsonl(stream: io.BufferedIOBase, text_field: str = "text") -> Iterator[Record | Reject]:
    """Records from a binary JSONL stream; blank lines are not records and are passed over."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield Reject(number, f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})",
                         raw.decode("utf-8", "replace").rstrip("\r\n"))
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield Reject(number, f"not valid JSON: {error.msg} at column {error.colno}", line.rstrip("\r\n"))
            continue
        problem = _problem(data, text_field)
        if problem:
            yield Reject(number, problem, line.rstrip("\r\n"))
        else:
            yield Record(number, data, raw)


def _decompressed(path: Path, handle: io.BufferedIOBase) -> io.BufferedIOBase:
    if path.name.endswith(".gz"):
        return gzip.GzipFile(fileobj=handle, mode="rb")
    if path.name.endswith(".zst"):
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(handle))
    return handle


def _compressed(path: Path, handle: io.BufferedIOBase) -> io.BufferedIOBase:
    if path.name.endswith(".gz"):
        return gzip.GzipFile(fileobj=handle, mode="wb", filename="", mtime=0)
    if path.name.endswith(".zst"):
        import zstandard

        return zstandard.ZstdCompressor().stream_writer(handle, closefd=False)
    return handle


class _ParquetReader:
    def __init__(self, path: Path, text_field: str):
        import pyarrow.parquet as pq

        self.file = pq.ParquetFile(path)
        self.schema = self.file.schema_arrow
        self.text_field = text_field

    def __iter__(self) -> Iterator[Record | Reject]:
        number = 0
        for batch in self.file.iter_batches(batch_size=PARQUET_BATCH):
            for row in batch.to_pylist():
                number += 1
                problem = _problem(row, self.text_field)
                if problem:
                    yield Reject(number, problem, json.dumps(row, ensure_ascii=False, default=str))
                else:
                    yield Record(number, row)


class _JsonlWriter:
    def __init__(self, output: AtomicFile, text_field: str):
        self.output, self.text_field = output, text_field
        self.stream = _compressed(output.path, output.handle)

    def write(self, record: Record, text: str) -> None:
        if record.raw is not None and text == record.data[self.text_field]:
            self.stream.write(record.raw if record.raw.endswith(b"\n") else record.raw + b"\n")
            return
        data = dict(record.data)
        data[self.text_field] = text
        self.stream.write(json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n")

    def close(self) -> None:
        if self.stream is not self.output.handle:
            self.stream.close()


class _ParquetWriter:
    def __init__(self, output: AtomicFile, text_field: str, schema: Any):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa, self.schema, self.text_field = pa, schema, text_field
        self.writer = pq.ParquetWriter(output.handle, schema)
        self.rows: list[dict] = []

    def write(self, record: Record, text: str) -> None:
        row = dict(record.data)
        row[self.text_field] = text
        self.rows.append(row)
        if len(self.rows) >= PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_batch(self.pa.RecordBatch.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def _clean_chunk(task: tuple[Config, list[tuple[str | None, str]]]) -> list[tuple[str, tuple[Edit, ...], tuple[str, ...]]]:
    """Clean (id, text) pairs in a worker; only texts travel, the records stay with the parent."""
    config, items = task
    results = [clean(Document(text, ident), config) for ident, text in items]
    return [(r.text, r.edits, r.notes) for r in results]


def cleaned(items: Iterator[Record | Reject], config: Config, id_field: str, text_field: str,
            pool: Any = None, jobs: int = 1) -> Iterator[tuple[Record | Reject, Any]]:
    """Pair each record with its (text, edits, notes) in input order, rejects with None.

    With a pool, chunks go to the workers ahead of the reader, but never more than two per
    worker: `Pool.imap` would read the whole file into its task queue, which is the one thing a
    stream must not do.
    """
    pending: deque = deque()

    def settle(chunk, result):
        answers = iter(result.get() if pool is not None else result)
        for item in chunk:
            yield item, next(answers) if isinstance(item, Record) else None

    while True:
        chunk = list(islice(items, CHUNK_RECORDS))
        if not chunk:
            break
        pairs = [(_ident(r.data.get(id_field)), r.data[text_field]) for r in chunk if isinstance(r, Record)]
        task = (config, pairs)
        pending.append((chunk, pool.apply_async(_clean_chunk, (task,)) if pool is not None else _clean_chunk(task)))
        if len(pending) > 2 * max(jobs, 1) or pool is None:
            yield from settle(*pending.popleft())
    while pending:
        yield from settle(*pending.popleft())


def _ident(value: Any) -> str | None:
    return None if value is None else str(value)


@dataclass
class RecordRun:
    """Cleans record files for the command line and counts records across them.

    `edits` and `rejects` are JSONL sinks with `write(path, rows)`; `say` prints one message to
    the user; `diff` receives unified diffs, one per changed record.
    """

    edits: Any = None
    rejects: Any = None
    say: Callable[[str], None] = print
    diff: Callable[[str], None] | None = None
    records: int = 0
    changed: int = 0
    rejected: int = 0

    def clean_file(self, source: Any, job: Any, pool: Any = None, jobs: int = 1) -> Outcome:
        name = source.path.as_posix()
        target = {"output": job.output / source.relative if job.output else None,
                  "in-place": source.path}.get(job.mode)
        output = writer = None
        reasons: dict[str, int] = {}
        notes: list[str] = []
        changed = False
        unit = "row" if source.path.name.endswith(".parquet") else "line"
        try:
            with open(source.path, "rb") as handle:
                if unit == "row":
                    reader: Any = _ParquetReader(source.path, job.text_field)
                else:
                    reader = read_jsonl(_decompressed(source.path, handle), job.text_field)
                if target is not None:
                    output = AtomicFile(target, source.path if job.mode == "in-place" else None)
                    writer = (_ParquetWriter(output, job.text_field, reader.schema) if unit == "row"
                              else _JsonlWriter(output, job.text_field))
                for item, answer in cleaned(iter(reader), job.config, job.id_field, job.text_field, pool, jobs):
                    if isinstance(item, Reject):
                        self.rejected += 1
                        self.say(f"{name}:{item.line}: {item.error}; {unit} skipped"
                                 + ("" if self.rejects is None else ", saved to the rejects file"))
                        if self.rejects is not None:
                            self.rejects.write(name, [{unit: item.line, "error": item.error, "raw": item.raw}])
                        continue
                    self._note(name, unit, item, answer, job, reasons, notes)
                    changed |= answer[0] != item.data[job.text_field]
                    if writer is not None:
                        writer.write(item, answer[0])
                if writer is not None:
                    writer.close()
            if output is not None:
                output.commit() if changed or job.mode == "output" else output.discard()
        except Exception as error:  # a truncated archive or a failed write: the old file stays
            if output is not None:
                output.discard()
            return Outcome(name, "failed", error=f"{name}: {type(error).__name__}: {error}")
        return Outcome(name, "cleaned" if changed else "unchanged", reasons, [], notes)

    def _note(self, name, unit, record, answer, job, reasons, notes) -> None:
        text, edits, record_notes = answer
        old = record.data[job.text_field]
        ident = record.data.get(job.id_field)
        self.records += 1
        if text != old:
            self.changed += 1
        for edit in edits:
            if edit.applied:
                reasons[edit.reason] = reasons.get(edit.reason, 0) + 1
        notes.extend(f"{unit} {record.line} (id {ident}): {note}" for note in record_notes)
        if self.edits is not None and edits:
            self.edits.write(name, [{unit: record.line, "id": ident, **e.to_dict()} for e in edits])
        if self.diff is not None and text != old:
            where = f"{name}:{record.line}"
            self.diff(unified_diff(old, text, where))

    def summary(self) -> str:
        if not (self.records or self.rejected):
            return ""
        return f"; records: {self.records} read, {self.changed} cleaned, {self.rejected} rejected"


def metadata_type() -> Any:
    """The Arrow type of the metadata column: one fixed type, so batches with and without edits
    concatenate (an inferred type would be `list<null>` for a batch without any edit)."""
    import pyarrow as pa

    edit = pa.struct([("step", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("old", pa.string()),
                      ("new", pa.string()), ("reason", pa.string()), ("detail", pa.string()), ("applied", pa.bool_()),
                      ("round", pa.int64())])
    return pa.struct([("language", pa.string()), ("language_score", pa.float64()),
                      ("edits", pa.list_(edit)), ("notes", pa.list_(pa.string()))])


def clean_columns(texts: list, ids: list | None, config: Config | None) -> tuple[list, list]:
    """Cleaned texts and their metadata for a column of texts; a null text stays null.

    Goes through `clean_records`, so every engine gives exactly the single-process output.
    """
    from .pipeline import clean_records

    ids = ids if ids is not None else [None] * len(texts)
    present = [{"id": i, "text": t} for i, t in zip(ids, texts) if t is not None]
    done = clean_records(present, config, metadata_key="cleantext")
    out_texts, metadata = [], []
    for text in texts:
        row = next(done) if text is not None else {"text": None, "cleantext": None}
        out_texts.append(row["text"])
        metadata.append(row["cleantext"])
    return out_texts, metadata


def clean_arrow(batch: Any, config: Config | None = None, *, text_field: str = "text", id_field: str = "id",
                metadata_key: str | None = None) -> Any:
    """Clean a `pyarrow.Table` or `RecordBatch`: the text column is replaced, every other column
    passes through, and with `metadata_key` a column of edits and language is appended."""
    import pyarrow as pa

    names = batch.schema.names
    ids = batch.column(id_field).to_pylist() if id_field in names else None
    texts, metadata = clean_columns(batch.column(text_field).to_pylist(), ids, config)
    index = names.index(text_field)
    field = batch.schema.field(index)
    batch = batch.set_column(index, field, pa.array(texts, type=field.type))
    if metadata_key:
        batch = batch.append_column(pa.field(metadata_key, metadata_type()), pa.array(metadata, type=metadata_type()))
    return batch
