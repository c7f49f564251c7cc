"""Run the captions step alone on a folder of real scraped pages and score the outputs.

    PYTHONPATH=src python benchmarks/captions_eval.py EVAL_DIR [--out DIR] [--show N]

EVAL_DIR holds `data/scraped/*.txt`, `data/expect/*.json` and `score.py` (a development set of
real pages with snippets of article text that must survive). The step sees each page as it was
scraped, without the earlier normalising steps. Prints the scorer's summary (exact duplicate
lines left, `with` snippets lost) and, with --show, removed lines to read for false positives.
Not used by the tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from cleantext.captions import CaptionOptions, remove_duplicates
from cleantext.document import Document, apply_edits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--out", type=Path, help="keep the cleaned pages here")
    parser.add_argument("--set", nargs="*", default=[], help="option=value overrides")
    parser.add_argument("--show", type=int, default=0, help="print this many removed lines")
    args = parser.parse_args()
    data = args.eval_dir / "data"
    out = args.out or Path(tempfile.mkdtemp(prefix="captions-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    options = CaptionOptions(**{k: int(v) if v.isdigit() else float(v) for k, v in (a.split("=") for a in args.set)})
    reasons: Counter[str] = Counter()
    shown = 0
    seconds = 0.0
    size = 0
    for page in sorted((data / "scraped").glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        start = time.perf_counter()
        edits = remove_duplicates(Document(text), options)
        seconds += time.perf_counter() - start
        size += len(text.encode())
        reasons.update(e.reason for e in edits)
        (out / page.name).write_text(apply_edits(text, edits), encoding="utf-8")
        for edit in edits:
            if shown < args.show:
                print(f"{page.name}: {edit.reason}: {edit.old.strip()[:100]!r} -> {edit.new[:60]!r}")
                shown += 1
    print(f"pages in {out}; {size / 1e6:.1f} MB in {seconds:.2f} s ({size / 1e6 / seconds:.1f} MB/s)")
    print("edits by reason:", dict(sorted(reasons.items())))
    score = [sys.executable, str(args.eval_dir / "score.py"), "--data", str(data), "--pred", str(out),
             "--rows", "harm"]
    return subprocess.call(score)


if __name__ == "__main__":
    sys.exit(main())
