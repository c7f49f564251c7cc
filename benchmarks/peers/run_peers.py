"""Peers of cleantext on the same documents, run in their own virtual environment.

    /work/peers-venv/bin/python benchmarks/peers/run_peers.py FILE_LIST [--rounds 1]

FILE_LIST holds one path per line. The PyPI package `clean-text` also imports as `cleantext`, so
it cannot share a process with this project; the benchmark runs this script in a separate venv
(see requirements.txt beside it) and reads one JSON object from its stdout: for each peer, the
seconds, MB/s (UTF-8 input, 10^6 bytes) and docs/s over all the files, plus the time to read
them in this process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def _time(texts: list[str], run) -> float:
    start = time.perf_counter()
    for text in texts:
        run(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file_list", type=Path)
    parser.add_argument("--rounds", type=int, default=1, help="best of this many rounds per peer")
    args = parser.parse_args()
    paths = [Path(p) for p in args.file_list.read_text(encoding="utf-8").splitlines() if p]
    start = time.perf_counter()
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    read = time.perf_counter() - start
    size = sum(len(t.encode("utf-8")) for t in texts)

    import ftfy
    from cleantext import clean  # the clean-text package, not this project
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter
    from datatrove.pipeline.formatters import FTFYFormatter

    formatter, c4 = FTFYFormatter(), C4QualityFilter()
    c4.filter(Document(text="Warm-up sentence for the tokenizer. It has two sentences.", id="0"))

    def datatrove(text: str) -> None:
        c4.filter(Document(text=formatter.format(text), id="x"))

    peers = {
        "clean-text clean() defaults": clean,
        "datatrove FTFYFormatter + C4QualityFilter": datatrove,
        "ftfy.fix_text defaults": ftfy.fix_text,
    }
    out = {"files": len(texts), "mb": size / 1e6, "read_s": read, "python": sys.version.split()[0], "peers": {}}
    for name, run in peers.items():
        seconds = min(_time(texts, run) for _ in range(args.rounds))
        out["peers"][name] = {"s": seconds, "mb_s": size / 1e6 / seconds, "docs_s": len(texts) / seconds}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
