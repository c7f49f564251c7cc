"""Sweep the near-copy threshold (and other options) over the captions dev set.

    PYTHONPATH=src python benchmarks/captions_threshold.py [DEV_DIR] [--option similarity]
        [--values 0.5 0.6 ...]

For each value, runs the step on every `NAME.txt` of the dev set and compares the output with
`NAME.expected`, line by line (as multisets): a line of the expected text missing from the
output is a *lost* line (a false removal, the error that matters), a line left in the output
that the expected text does not have is a *missed* duplicate. Prints one row per value.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections import Counter
from pathlib import Path

from cleantext.captions import CaptionOptions, remove_duplicates
from cleantext.document import Document, apply_edits


def score(dev: Path, options: CaptionOptions) -> dict[str, int]:
    totals = Counter()
    for source in sorted(dev.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        expected = source.with_suffix(".expected").read_text(encoding="utf-8")
        output = apply_edits(text, remove_duplicates(Document(text), options))
        got, want = Counter(output.splitlines()), Counter(expected.splitlines())
        totals["articles"] += 1
        totals["exact"] += output == expected
        totals["lost"] += sum((want - got).values())
        totals["missed"] += sum((got - want).values())
        totals["legit_changed"] += source.name.startswith("legit-") and output != text
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", nargs="?", type=Path, default=Path("tests/captions_dev"))
    parser.add_argument("--option", default="similarity")
    parser.add_argument("--values", nargs="*", type=float,
                        default=[0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0])
    args = parser.parse_args()
    kind = type(getattr(CaptionOptions(), args.option))
    print(f"| {args.option} | articles as expected | lines lost | duplicates missed | legit articles changed |")
    print("| --- | --- | --- | --- | --- |")
    for value in args.values:
        options = dataclasses.replace(CaptionOptions(), **{args.option: kind(value)})
        t = score(args.dev, options)
        print(f"| {kind(value)} | {t['exact']}/{t['articles']} | {t['lost']} | {t['missed']} | {t['legit_changed']} |")


if __name__ == "__main__":
    main()
