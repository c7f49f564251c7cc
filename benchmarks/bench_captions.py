"""Throughput of the captions step alone, on one core.

    PYTHONPATH=src python benchmarks/bench_captions.py [DEV_DIR] [--mb 4] [--repeat 5]
    PYTHONPATH=src python benchmarks/bench_captions.py --corpus /tmp/corpus --mb 5
    PYTHONPATH=src python benchmarks/bench_captions.py --digest DIR [DIR ...]

The dev set's articles are replicated, each as its own document, to about --mb megabytes (the
step runs per document, so this is the realistic load). Prints MB/s (CPU time, best of --repeat
runs), and the time for one long document (the dev set concatenated into 100k+ lines) to show
the cost stays linear when one document is large and full of repeats.

`--corpus` measures instead the first --mb megabytes of .txt files of a folder (sorted paths;
`benchmarks/generate.py` makes one), each file once: as read, and as the pipeline hands it to
the step (after the steps before it in `pipeline.STEPS`, first pass). `--digest` prints a
sha256 of the step's edits on every .txt and .expected file under each folder: equal digests
before and after a change mean the change altered no output of the step.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from cleantext import pipeline
from cleantext.caption_candidates import candidates
from cleantext.captions import CaptionOptions, remove_duplicates
from cleantext.config import Config
from cleantext.document import Document, apply_edits


def best_of(repeat: int, documents: list[Document], options: CaptionOptions) -> float:
    """Best CPU time of this process over `repeat` runs: on a shared, busy machine the wall clock
    measures the neighbours; CPU time of the one thread doing the work is the one-core figure."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in documents:
            remove_duplicates(doc, options)
        best = min(best, time.process_time() - start)
    return best


def before_captions(text: str, config: Config) -> str:
    """`text` as the pipeline's first pass hands it to the captions step."""
    for step in pipeline.STEPS:
        if step.name == "captions":
            break
        text = apply_edits(text, step.run(Document(text), config.options(step.name)))
    return text


def corpus(folder: Path, megabytes: float, repeat: int, options: CaptionOptions) -> None:
    texts, size = [], 0
    for path in sorted(folder.rglob("*.txt")):
        if size >= megabytes * 1e6:
            break
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1].encode())
    config = Config()
    handed = [before_captions(t, config) for t in texts]
    for name, load in (("as read", texts), ("as the pipeline hands it", handed)):
        documents = [Document(t) for t in load]
        total = sum(len(t.encode()) for t in load) / 1e6
        seconds = best_of(repeat, documents, options)
        print(f"{folder} {name}: {len(documents)} documents, {total:.2f} MB: {seconds:.3f} s CPU, "
              f"{total / seconds:.1f} MB/s")


def digest(folders: list[Path], options: CaptionOptions) -> None:
    for folder in folders:
        sha, documents, edits = hashlib.sha256(), 0, 0
        for path in sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".expected") and p.is_file()):
            found = remove_duplicates(Document(path.read_text(encoding="utf-8")), options)
            documents, edits = documents + 1, edits + len(found)
            record = [path.relative_to(folder).as_posix(), [e.to_dict() for e in found]]
            sha.update(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        print(f"{folder}: {documents} documents, {edits} edits, sha256 {sha.hexdigest()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path, default=Path("tests/captions_dev"))
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, metavar="DIR", help="measure on this folder of .txt files")
    parser.add_argument("--digest", type=Path, nargs="+", metavar="DIR", help="print a digest of the edits")
    args = parser.parse_args()
    options = CaptionOptions()
    if args.digest:
        digest(args.digest, options)
        return
    if args.corpus:
        corpus(args.corpus, args.mb, args.repeat, options)
        return
    articles = [p.read_text(encoding="utf-8") for p in sorted(args.dev.glob("*.txt"))]
    size = sum(len(a.encode()) for a in articles)
    copies = max(1, round(args.mb * 1e6 / size))
    documents = [Document(a) for _ in range(copies) for a in articles]
    total = size * copies / 1e6
    seconds = best_of(args.repeat, documents, options)
    print(f"dev set as scraped: {len(documents)} documents, {total:.2f} MB: {seconds:.3f} s CPU, "
          f"{total / seconds:.1f} MB/s")

    # The expected outputs are the same articles without their duplicates: the common case in a
    # corpus, where most documents repeat nothing and the step only has to make sure of it.
    clean = [p.read_text(encoding="utf-8") for p in sorted(args.dev.glob("*.expected"))]
    clean_size = sum(len(a.encode()) for a in clean)
    copies = max(1, round(args.mb * 1e6 / clean_size))
    documents = [Document(a) for _ in range(copies) for a in clean]
    seconds = best_of(args.repeat, documents, options)
    total = clean_size * copies / 1e6
    print(f"without duplicates: {len(documents)} documents, {total:.2f} MB: {seconds:.3f} s CPU, "
          f"{total / seconds:.1f} MB/s")

    # Of those, the documents in which no two lines share a key: the step's cost floor.
    plain = [d for d in dict.fromkeys(a.text for a in documents) if not remove_duplicates(Document(d), options)
             and not candidates(d, options.candidates)]
    plain_size = sum(len(a.encode()) for a in plain)
    documents = [Document(a) for _ in range(max(1, round(args.mb * 1e6 / plain_size))) for a in plain]
    total = sum(len(d.text.encode()) for d in documents) / 1e6
    seconds = best_of(args.repeat, documents, options)
    print(f"no shared key: {len(documents)} documents, {total:.2f} MB: {seconds:.3f} s CPU, "
          f"{total / seconds:.1f} MB/s")

    for lines_wanted in (25_000, 100_000):
        text = "".join(articles)
        big = (text * (lines_wanted // text.count("\n") + 1))
        doc = Document(big)
        start = time.process_time()
        edits = remove_duplicates(doc, options)
        seconds = time.process_time() - start
        print(f"one document of {big.count(chr(10))} lines ({len(big.encode()) / 1e6:.1f} MB, mostly repeats): "
              f"{seconds:.2f} s, {len(edits)} edits")


if __name__ == "__main__":
    main()
