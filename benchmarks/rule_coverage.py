"""How much of a fixed set of chrome lines the shipped rules match, and which article lines they hit.

    PYTHONPATH=src python benchmarks/rule_coverage.py            # per language
    PYTHONPATH=src python benchmarks/rule_coverage.py --misses   # and every line no rule matches

`rule_lines/<lang>-chrome.txt` holds stock lines of page chrome (category, a tab, the line) and
`<lang>-article.txt` article lines that use the same words ("She baked cookies for the street.").
They were written apart from the rules and are kept out of rule writing: a rule added because a
line here is missed would make this a measure of nothing. Date lines ("Updated: 12.03.2021") are
among them although no rule takes them on purpose (on some pages the date is the article's).
Figures, not a test.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from cleantext.rules import compiled

HERE = Path(__file__).resolve().parent / "rule_lines"


def read(path: Path) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="print the chrome lines no rule matches")
    args = parser.parse_args()
    rules = compiled((), (), ())  # every language, as the step runs by default
    totals = Counter()
    for chrome in sorted(HERE.glob("*-chrome.txt")):
        lang = chrome.name.split("-")[0]
        rows, article = read(chrome), read(HERE / f"{lang}-article.txt")
        found = rules.match_lines([line for _, line in rows], 0.05)
        hits = rules.match_lines([line for _, line in article], 0.05)
        totals.update(chrome=len(rows), matched=len(found), article=len(article), hits=len(hits))
        print(f"{lang}: chrome lines matched {len(found)}/{len(rows)}, article lines matched {len(hits)}/{len(article)}")
        for i in hits:
            print(f"    article line matched by {hits[i][1]}: {article[i][1]}")
        if args.misses:
            for i, (category, line) in enumerate(rows):
                if i not in found:
                    print(f"    missed ({category}): {line}")
    print(f"all: chrome lines matched {totals['matched']}/{totals['chrome']}, "
          f"article lines matched {totals['hits']}/{totals['article']}")


if __name__ == "__main__":
    main()
