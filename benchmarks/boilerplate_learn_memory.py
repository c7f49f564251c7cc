"""Peak memory of site learning at two corpus sizes: it should not grow with the corpus.

    python benchmarks/boilerplate_learn_memory.py [--docs 10000 100000] [--sites 5]

Each size runs in a fresh process (peak RSS only ever rises), over generated documents streamed
from a generator: a few boilerplate lines per site and unique body lines per document. Prints
documents, seconds, documents per second and peak RSS in MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time


def documents(n: int, sites: int):
    rng = random.Random(0)
    words = "river bridge council harbour ferry school market train museum forest valley storm".split()
    for i in range(n):
        site = f"site{i % sites}.example"
        body = [" ".join(rng.choice(words) for _ in range(12)) + f" {rng.randrange(10**12)}."
                for _ in range(rng.randint(10, 40))]
        lines = [f"{site} home", "News", "Sport"] + body + [f"Subscribe to {site}", f"© {site}"]
        yield site, "\n".join(lines) + "\n"


def run_one(n: int, sites: int) -> None:
    sys.path.insert(0, "src")
    from cleantext.sites import learn

    start = time.perf_counter()
    profile = learn(documents(n, sites))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = sum(len(v) for v in profile.sites.values())
    print(f"{n:>8} docs  {elapsed:6.1f} s  {n / elapsed:8.0f} docs/s  peak RSS {peak_mb:6.1f} MB  "
          f"learned lines {lines}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--sites", type=int, default=5)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.sites)
        return
    for n in args.docs:
        subprocess.run([sys.executable, __file__, "--one", str(n), "--sites", str(args.sites)], check=True)


if __name__ == "__main__":
    main()
