"""Throughput of the boilerplate step on one core, in MB/s of UTF-8 input.

    python benchmarks/bench_boilerplate.py [FOLDER] [--seconds 3]

FOLDER holds .txt pages (e.g. a development set of scraped pages); without it the articles under
tests/boilerplate_dev are used, each with a few body paragraphs repeated to article length.
The first pass is timed apart: it compiles the rules and fills the per-process caches.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleantext.boilerplate import BoilerplateOptions, remove_boilerplate
from cleantext.document import Document


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    docs = [Document(t) for t in load(args.folder)]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    options = BoilerplateOptions()
    start = time.perf_counter()
    for d in docs:
        remove_boilerplate(d, options)
    cold = time.perf_counter() - start
    print(f"first pass, caches cold: {size / cold / 1e6:.1f} MB/s")
    for label, opts in (("rules + page trim (default)", options),
                        ("rules only (trim_page=False)", BoilerplateOptions(trim_page=False))):
        done, start = 0, time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            for d in docs:
                remove_boilerplate(d, opts)
            done += 1
        elapsed = time.perf_counter() - start
        print(f"{label}: {done * size / elapsed / 1e6:.1f} MB/s over {len(docs)} docs, "
              f"{size / len(docs) / 1000:.1f} kB per doc")


if __name__ == "__main__":
    main()
