"""Measure the gazetteer step: typo recall, false changes, lookup cost, load time and throughput.

    PYTHONPATH=src python benchmarks/bench_gazetteer.py [--failures FILE] [--skip-speed] [--pages DIR]
                                                        [--corpus DIR --mb N]

Recall counts a typo sentence as fixed only when the output is exactly the expected sentence (the
right spelling and no other change). The false-change rate counts keep sentences that got any
applied edit. Load time and memory are measured in a fresh interpreter, so caches do not flatter.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from cleantext import gazetteer, names
from cleantext.document import Document, apply_edits
from cleantext.gazetteer import GazetteerOptions, fix_entities

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "gazetteer_dev"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(options: GazetteerOptions, failures: list[str], form: str = "NFC") -> dict:
    typos, keep = read_jsonl(DEV / "typos.jsonl"), read_jsonl(DEV / "keep.jsonl")
    fixed, wrong, by_kind, missed_kind = 0, 0, Counter(), Counter()
    for row in typos:
        text = unicodedata.normalize(form, row["text"] + "\n")
        out = unicodedata.normalize("NFC", apply_edits(text, fix_entities(Document(text), options)).rstrip("\n"))
        by_kind[row["typo"]] += 1
        if out == row["expected"]:
            fixed += 1
        else:
            missed_kind[row["typo"]] += 1
            wrong += out != row["text"]
            failures.append(f"MISS [{row['typo']}] {row['old']} -> {row['new']}: {out}")
    changed, suggested = 0, 0
    for row in keep:
        text = unicodedata.normalize(form, row["text"] + "\n")
        edits = fix_entities(Document(text), options)
        suggested += sum(not e.applied for e in edits)
        if any(e.applied for e in edits):
            changed += 1
            failures.append(f"FALSE {row['text']} :: {[(e.old, e.new) for e in edits if e.applied]}")
    return {"typo sentences": len(typos), "fixed": fixed, "recall": fixed / len(typos),
            "wrong fixes in typo sentences": wrong,
            "keep sentences": len(keep), "false changes": changed, "false-change rate": changed / len(keep),
            "suggestions on keep sentences": suggested,
            "recall by typo kind": {k: f"{by_kind[k] - missed_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)}}


COLD = """
import os, time

def rss():  # bytes resident (Linux; psutil where /proc is missing)
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import psutil
        return psutil.Process().memory_info().rss

before = rss()
t = time.perf_counter()
from cleantext import gazetteer
from cleantext import names
from cleantext.names import load_gazetteer
g = load_gazetteer(100_000)
names.delete_index(g)
names.near_part(g, "Warmup")
load = time.perf_counter() - t
added = rss() - before
t = time.perf_counter()
names.common_words()
lex = time.perf_counter() - t
print(load, added / 1e6, lex, len(g.known), len(g.targets), rss() / 1e6)
"""


def cold_load() -> dict:
    """Median of 5 fresh interpreters: importing the step, loading the data and building the indexes."""
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
        runs.append([float(x) for x in out.stdout.split()])
    runs.sort()
    load, rss, lex, known, targets, total = runs[len(runs) // 2]
    return {"cold load: import + data + indexes (s, median of 5)": round(load, 3),
            "cold load, fastest of 5 (s)": round(runs[0][0], 3),
            "memory added by the gazetteer (MB RSS)": round(rss, 1),
            "process RSS after load (MB)": round(total, 1),
            "English common-word list load (s)": round(lex, 3), "known spellings": int(known),
            "correction targets (folded keys)": int(targets)}


def throughput(options: GazetteerOptions) -> dict:
    """Step throughput on a synthetic article corpus, against a bare scan for capitalised words
    in the same run (the machine is shared and noisy: the ratio is the stable figure)."""
    sys.path.insert(0, str(DEV))
    from corpus import TYPOS, make_articles

    articles = make_articles(400)
    size = sum(len(a.encode("utf-8")) for a in articles)
    tokens = sum(len(a.split()) for a in articles)
    fix_entities(Document(articles[0]), options)  # load data outside the timing
    gazetteer.load_gazetteer(options.min_city_population).__dict__.pop("_spans", None)
    gazetteer.load_gazetteer(options.min_city_population).__dict__.pop("_cache", None)
    lookups = Counter()
    original = names.nearest

    def counting(gaz, key):
        lookups["calls"] += 1
        lookups["misses"] += key not in gaz.__dict__.get("_cache", {})
        return original(gaz, key)

    names.nearest = counting
    t = time.perf_counter()
    edits = [e for a in articles for e in fix_entities(Document(a), options)]
    cold = time.perf_counter() - t
    names.nearest = original
    best = math.inf
    for _ in range(3):
        t = time.perf_counter()
        for a in articles:
            fix_entities(Document(a), options)
        best = min(best, time.perf_counter() - t)
    scan = math.inf
    for _ in range(3):
        t = time.perf_counter()
        for a in articles:
            gazetteer.candidates(a)
        scan = min(scan, time.perf_counter() - t)
    return {"corpus (MB)": round(size / 1e6, 2), "articles": len(articles), "tokens": tokens,
            "throughput, lookup caches empty (MB/s)": round(size / 1e6 / cold, 1),
            "throughput, warm (MB/s, best of 3)": round(size / 1e6 / best, 1),
            "bare capitalised-word scan (MB/s, best of 3)": round(size / 1e6 / scan, 1),
            "step time / bare scan time": round(best / scan, 2),
            "cost per token, caches empty (µs)": round(cold / tokens * 1e6, 2),
            "cost per token, warm (µs)": round(best / tokens * 1e6, 2),
            "matcher lookups per 1,000 tokens": round(lookups["calls"] / tokens * 1000, 2),
            "distinct keys the matcher computed": lookups["misses"],
            "edits on corpus (applied / suggested)": f"{sum(e.applied for e in edits)} / "
                                                      f"{sum(not e.applied for e in edits)}",
            "articles with a planted typo": sum(any(bad in a for _, bad in TYPOS) for a in articles),
            "applied edits that restore a planted word": sum(
                e.applied and any(e.new.startswith(good) and e.old.startswith(bad[:3]) for good, bad in TYPOS)
                for e in edits)}


def corpus_throughput(directory: Path, megabytes: float, options: GazetteerOptions) -> dict:
    """The step alone over the first `megabytes` of a generated corpus (benchmarks/generate.py),
    twice: the first pass meets every token for the first time, the second is warm."""
    texts, size = [], 0
    for path in sorted(directory.rglob("*.txt")):
        if size >= megabytes * 1e6:
            break
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1].encode("utf-8"))
    fix_entities(Document(texts[0]), options)  # load the data outside the timing
    times = []
    for _ in range(2):
        t = time.perf_counter()
        for text in texts:
            fix_entities(Document(text), options)
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    for text in texts:
        gazetteer.candidates(text)
    scan = time.perf_counter() - t
    return {"benchmark corpus documents": len(texts), "benchmark corpus (MB)": round(size / 1e6, 1),
            "benchmark corpus throughput, first pass (MB/s)": round(size / 1e6 / times[0], 2),
            "benchmark corpus throughput, second pass (MB/s)": round(size / 1e6 / times[1], 2),
            "benchmark corpus bare candidate scan (MB/s)": round(size / 1e6 / scan, 1)}


def real_pages(directory: Path, options: GazetteerOptions, failures: list[str]) -> dict:
    """The step over a folder of real scraped pages (*.txt): throughput and every applied edit,
    for a person to judge (a real page has few misspelt places, so most edits are suspects)."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]
    size = sum(len(p.encode("utf-8")) for p in pages)
    fix_entities(Document(pages[0]), options)
    t = time.perf_counter()
    edits = [(n, e) for n, page in enumerate(pages) for e in fix_entities(Document(page), options)]
    elapsed = time.perf_counter() - t
    t = time.perf_counter()
    for page in pages:
        gazetteer.candidates(page)
    scan = time.perf_counter() - t
    failures.extend(f"REAL page {n}: {e.old!r} -> {e.new!r} ({e.detail})" for n, e in edits if e.applied)
    return {"real pages": len(pages), "real pages (MB)": round(size / 1e6, 1),
            "real pages throughput, first pass (MB/s)": round(size / 1e6 / elapsed, 2),
            "real pages bare scan (MB/s)": round(size / 1e6 / scan, 1),
            "real pages applied edits": sum(e.applied for _, e in edits),
            "real pages suggestions": sum(not e.applied for _, e in edits)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=Path)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--pages", type=Path, help="a folder of real scraped pages (*.txt) to run over")
    parser.add_argument("--corpus", type=Path, help="a generated corpus (benchmarks/generate.py) to time the step on")
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of --corpus to read")
    args = parser.parse_args()
    options = GazetteerOptions()
    failures: list[str] = []
    t = time.perf_counter()
    figures = evaluate(options, failures)
    figures["dev set time (s)"] = round(time.perf_counter() - t, 2)
    decomposed = evaluate(options, [], "NFD")  # accents as combining marks, as some sources send them
    figures["NFD text: fixed / false changes"] = f"{decomposed['fixed']} / {decomposed['false changes']}"
    if not args.skip_speed:
        figures.update(cold_load())
        figures.update(throughput(options))
    if args.corpus:
        figures.update(corpus_throughput(args.corpus, args.mb, options))
    if args.pages:
        figures.update(real_pages(args.pages, options, failures))
    for key, value in figures.items():
        print(f"{key}: {value:.4f}" if isinstance(value, float) else f"{key}: {value}")
    if args.failures:
        args.failures.write_text("\n".join(failures) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
