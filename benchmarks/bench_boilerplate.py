"""Throughput of the boilerplate step on one core, in MB/s of UTF-8 input.

    python benchmarks/bench_boilerplate.py [FOLDER] [--seconds 3]
    python benchmarks/bench_boilerplate.py --corpus DIR [--mb 20]

FOLDER holds .txt pages (e.g. a development set of scraped pages); without it the articles under
tests/boilerplate_dev are used, each with a few body paragraphs repeated to article length.
`--corpus` reads the first `--mb` megabytes of .txt files anywhere under DIR (sorted paths; the
layout of benchmarks/generate.py) and gives the step each text as it sees it in the pipeline,
after the steps before it. The first pass is timed apart: it compiles the rules and fills the
per-process caches. Times are CPU seconds of this process, steadier than wall time on a busy machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleantext import pipeline
from cleantext.boilerplate import BoilerplateOptions, remove_boilerplate
from cleantext.document import Document, apply_edits


def load(folder: Path | None) -> list[str]:
    if folder:
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        return ["\n".join(l.strip() for l in t.splitlines() if l.strip()) + "\n" for t in texts]
    dev = Path(__file__).parent.parent / "tests" / "boilerplate_dev"
    texts = []
    for p in sorted(dev.glob("*.txt")):
        lines = p.read_text(encoding="utf-8").splitlines()
        body = [l for l in lines if len(l.split()) >= 10]
        head = lines[: lines.index(body[0])]
        tail = lines[lines.index(body[-1]) + 1:]
        texts.append("\n".join(head + body * 6 + tail) + "\n")
    return texts


def load_corpus(corpus: Path, megabytes: float) -> list[str]:
    """The corpus texts as the boilerplate step sees them: after the pipeline's earlier steps."""
    before = pipeline.STEPS[: [s.name for s in pipeline.STEPS].index("boilerplate")]
    texts, total = [], 0
    for path in sorted(corpus.rglob("*.txt")):
        if megabytes and total >= megabytes * 1e6:
            break
        text = path.read_text(encoding="utf-8")
        total += len(text.encode("utf-8"))
        for step in before:
            text = apply_edits(text, step.run(Document(text), step.options()))
        texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--corpus", type=Path, help="folder of .txt files, nested (benchmarks/generate.py)")
    parser.add_argument("--mb", type=float, default=20, help="megabytes of --corpus to use, 0 for all")
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    texts = load_corpus(args.corpus, args.mb) if args.corpus else load(args.folder)
    docs = [Document(t) for t in texts]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    options = BoilerplateOptions()
    start = time.process_time()
    for d in docs:
        remove_boilerplate(d, options)
    cold = time.process_time() - start
    print(f"first pass, caches cold: {size / cold / 1e6:.1f} MB/s over {len(docs)} docs, {size / 1e6:.1f} MB")
    for label, opts in (("rules + page trim (default)", options),
                        ("rules only (trim_page=False)", BoilerplateOptions(trim_page=False))):
        done, start = 0, time.process_time()
        while time.process_time() - start < args.seconds:
            for d in docs:
                remove_boilerplate(d, opts)
            done += 1
        elapsed = time.process_time() - start
        print(f"{label}: {done * size / elapsed / 1e6:.1f} MB/s over {len(docs)} docs, "
              f"{size / len(docs) / 1000:.1f} kB per doc")


if __name__ == "__main__":
    main()
