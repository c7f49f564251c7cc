"""The captions step of two source trees alternating in one process, on the same documents.

    PYTHONPATH=src python benchmarks/captions_ab.py OLD_SRC NEW_SRC DIR [--mb 5] [--rounds 7] [--handed]

OLD_SRC and NEW_SRC are `src` folders (for instance of a `git worktree` at an older commit). Both
packages are imported side by side under their own names, and each round runs the step of one
then of the other on the first --mb megabytes of .txt files under DIR (sorted paths), so the
neighbours' load on a shared machine falls on both alike. Prints the best CPU time of each and
their ratio. `--handed` first passes the texts through the pipeline's steps before captions.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
from pathlib import Path


def load(name: str, src: Path):
    """The `cleantext` package under `src`, imported as `name`: its captions and document modules."""
    spec = importlib.util.spec_from_file_location(name, src / "cleantext" / "__init__.py",
                                                  submodule_search_locations=[str(src / "cleantext")])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return importlib.import_module(f"{name}.captions"), importlib.import_module(f"{name}.document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--handed", action="store_true", help="as the pipeline hands texts to the step")
    args = parser.parse_args()
    texts, size = [], 0
    for path in sorted(args.folder.rglob("*.txt")):
        if size >= args.mb * 1e6:
            break
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1].encode())
    if args.handed:
        from bench_captions import before_captions
        from cleantext.config import Config

        texts = [before_captions(t, Config()) for t in texts]
        size = sum(len(t.encode()) for t in texts)
    steps = {"old": load("cleantext_old", args.old), "new": load("cleantext_new", args.new)}
    best = dict.fromkeys(steps, float("inf"))
    for _ in range(args.rounds):
        for tag, (captions, document) in steps.items():
            documents, options = [document.Document(t) for t in texts], captions.CaptionOptions()
            start = time.process_time()
            for doc in documents:
                captions.remove_duplicates(doc, options)
            best[tag] = min(best[tag], time.process_time() - start)
    figures = ", ".join(f"{tag} {seconds:.3f} s ({size / 1e6 / seconds:.1f} MB/s)" for tag, seconds in best.items())
    print(f"{args.folder}: {len(texts)} documents, {size / 1e6:.2f} MB, best of {args.rounds}: {figures}, "
          f"new / old {best['old'] / best['new']:.2f}x")


if __name__ == "__main__":
    main()
