"""Run the boilerplate step alone on a folder of scraped pages and write the cleaned pages.

    python benchmarks/boilerplate_eval.py DATA [--out DIR] [--scorer SCORE_PY]

DATA holds ``scraped/*.txt``; outputs go to DIR (a new temporary folder by default) with the same
names. With ``--scorer``, the scorer of the development set is run on the outputs and its summary
printed. Also prints how many pages the guard left unchanged and the reasons counted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from cleantext.boilerplate import BoilerplateOptions, remove_boilerplate
from cleantext.document import Document, apply_edits


def clean_page(text: str, options: BoilerplateOptions) -> tuple[str, list]:
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"
    edits = remove_boilerplate(Document(text), options)
    return apply_edits(text, edits), edits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--scorer", type=Path)
    parser.add_argument("--no-trim", action="store_true", help="rules only, no page-structure trim")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="boilerplate-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    options = BoilerplateOptions(trim_page=not args.no_trim)
    reasons: Counter[str] = Counter()
    held = 0
    for path in sorted((args.data / "scraped").glob("*.txt")):
        cleaned, edits = clean_page(path.read_text(encoding="utf-8"), options)
        held += any(not e.applied for e in edits)
        reasons.update(e.reason for e in edits if e.applied)
        (out / path.name).write_text(cleaned, encoding="utf-8")
    print(f"outputs in {out}; pages held back by the guard: {held}")
    print("reasons:", ", ".join(f"{r}={n}" for r, n in reasons.most_common()))
    if args.scorer:
        result = subprocess.run([sys.executable, str(args.scorer), "--data", str(args.data), "--pred", str(out),
                                 "--rows", "harm"], capture_output=True, text=True)
        print(result.stdout[-6000:])


if __name__ == "__main__":
    main()
