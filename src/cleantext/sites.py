"""Learn a site's boilerplate from its documents: lines that recur across many of them.

A menu, a footer or a newsletter prompt repeats on every page of a site, an article sentence does
not. `learn` counts, per site, in how many documents each normalised line occurs (one count per
document, however often the line repeats inside it) and keeps the lines past a document-frequency
threshold as that site's `Profile`. The boilerplate step removes those lines (reason
``site-boilerplate``) from documents whose metadata names the site.

Memory stays flat on millions of documents, and the result does not depend on input order or on
how the work is split, because counting runs on a *bottom-k sample* per site: the `sample_size`
documents with the smallest content hash. Which documents those are is a property of the set of
documents, not of their order; merging two workers' samples (`Counts.merge`) and keeping the
bottom k again gives exactly the sample one process would have kept. Below `sample_size` documents
a site is counted in full. Lines are stored as 64-bit blake2b hashes of their normalised form.
Identical documents (same text) count once: a mirrored page should not make its lines look common.
"""

from __future__ import annotations

import functools
import heapq
import json
from array import array
from collections import Counter
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Iterable, Iterator

SAMPLE_SIZE = 2000
"""Documents per site that are counted. At a 0.3 threshold the sampling error of a line's document
frequency is about 1 point at this size, and memory stays near 1 MB per site."""
MIN_SHARE = 0.3
"""Share of a site's documents a line must appear in; 0.3 is the middle of what peers use for
per-domain boilerplate (between 0.26 and 0.5)."""
MIN_DOCS = 5
"""A line must appear in at least this many documents: on a small site, 30% can be one page."""


def normalise(line: str) -> str:
    """The form lines are compared in: case-folded, digits as 0, whitespace collapsed (dates and
    counters in a footer change from page to page; the footer does not)."""
    return " ".join(line.casefold().translate(_DIGITS).split())


_DIGITS = str.maketrans("123456789", "000000000")


def line_hash(line: str) -> int:
    return int.from_bytes(blake2b(normalise(line).encode("utf-8"), digest_size=8).digest(), "big")


def _doc_hash(text: str) -> int:
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass
class Counts:
    """Partial counts that merge: documents seen per site, and each site's bottom-k sample as
    (document hash, sorted line hashes). Build one per worker with `add`, then `merge` them."""

    sample_size: int = SAMPLE_SIZE
    docs: Counter = field(default_factory=Counter)
    samples: dict[str, list[tuple[int, array]]] = field(default_factory=dict)

    def add(self, site: str, text: str) -> None:
        self.docs[site] += 1
        heap = self.samples.setdefault(site, [])  # a max-heap on the document hash, as negatives
        key = _doc_hash(text)
        if len(heap) >= self.sample_size and key >= -heap[0][0]:
            return  # not among the k smallest: skip the line hashing altogether
        if any(-k == key for k, _ in heap) if len(heap) < 64 else key in {-k for k, _ in heap}:
            return
        lines = array("Q", sorted({line_hash(line) for line in text.splitlines() if line.strip()}))
        item = (-key, lines)
        if len(heap) < self.sample_size:
            heapq.heappush(heap, item)
        else:
            heapq.heapreplace(heap, item)

    def merge(self, other: "Counts") -> "Counts":
        """The counts of both inputs together, as if one process had read them all."""
        merged = Counts(min(self.sample_size, other.sample_size))
        merged.docs = self.docs + other.docs
        for site in set(self.samples) | set(other.samples):
            items = {-k: lines for k, lines in self.samples.get(site, []) + other.samples.get(site, [])}
            smallest = sorted(items)[: merged.sample_size]
            merged.samples[site] = [(-k, items[k]) for k in smallest]
            heapq.heapify(merged.samples[site])
        return merged

    def profile(self, min_share: float = MIN_SHARE, min_docs: int = MIN_DOCS) -> "Profile":
        sites: dict[str, frozenset[int]] = {}
        for site, heap in sorted(self.samples.items()):
            frequency: Counter = Counter()
            for _, lines in heap:
                frequency.update(lines)
            need = max(min_docs, min_share * len(heap))
            sites[site] = frozenset(h for h, n in frequency.items() if n >= need)
        return Profile(sites, dict(self.docs), min_share, min_docs)


@dataclass(frozen=True)
class Profile:
    """Per site, the hashes of its boilerplate lines; saved and loaded as JSON."""

    sites: dict[str, frozenset[int]]
    docs: dict[str, int]
    min_share: float = MIN_SHARE
    min_docs: int = MIN_DOCS

    def lines_for(self, site: str) -> frozenset[int]:
        return self.sites.get(site, frozenset())

    def to_json(self) -> str:
        body = {"format": "cleantext-site-profile/1", "hash": "blake2b-64 of sites.normalise(line)",
                "min_share": self.min_share, "min_docs": self.min_docs,
                "sites": {s: {"docs": self.docs.get(s, 0), "lines": [f"{h:016x}" for h in sorted(hs)]}
                          for s, hs in sorted(self.sites.items())}}
        return json.dumps(body, indent=1, sort_keys=True)

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.to_json() + "\n")

    @classmethod
    def from_json(cls, text: str) -> "Profile":
        data = json.loads(text)
        sites = {s: frozenset(int(h, 16) for h in v["lines"]) for s, v in data["sites"].items()}
        docs = {s: v["docs"] for s, v in data["sites"].items()}
        return cls(sites, docs, data["min_share"], data["min_docs"])


def learn(items: Iterable[tuple[str, str]], min_share: float = MIN_SHARE, min_docs: int = MIN_DOCS,
          sample_size: int = SAMPLE_SIZE) -> Profile:
    """A profile from (site, text) pairs: each site's lines in at least `min_share` of its
    documents and in at least `min_docs` of them.

    >>> pages = [("a.example", f"Home\\nA story about {w}.\\nContact us\\n") for w in "rain snow fog hail sun wind".split()]
    >>> profile = learn(pages)
    >>> [line_hash(x) in profile.lines_for("a.example") for x in ["Home", "Contact us", "A story about fog."]]
    [True, True, False]
    """
    counts = count(items, sample_size)
    return counts.profile(min_share, min_docs)


def count(items: Iterable[tuple[str, str]], sample_size: int = SAMPLE_SIZE) -> Counts:
    """The partial counts of some documents; one worker's share of a `learn`."""
    counts = Counts(sample_size)
    for site, text in items:
        counts.add(site, text)
    return counts


def folder_items(root: str, pattern: str = "*.txt") -> Iterator[tuple[str, str]]:
    """(site, text) for every file under `root`, the site being the first folder below `root`
    (``root/example.com/2024/page.txt`` belongs to ``example.com``); files directly in `root`
    belong to a site named after `root` itself. Sorted, so a listing is reproducible; the
    profile would be the same in any order."""
    base = Path(root)
    for path in sorted(base.rglob(pattern)):
        if path.is_file():
            parts = path.relative_to(base).parts
            site = parts[0] if len(parts) > 1 else base.name
            yield site, path.read_text(encoding="utf-8", errors="replace")


def record_items(records: Iterable[dict], site_key: str = "site", text_key: str = "text") -> Iterator[tuple[str, str]]:
    """(site, text) from records such as JSON lines, the site taken from a field."""
    for record in records:
        yield str(record.get(site_key, "")), record[text_key]


@functools.lru_cache(maxsize=8)
def load_profile(path: str) -> Profile:
    """A saved profile, read once per process."""
    with open(path, encoding="utf-8") as f:
        return Profile.from_json(f.read())
