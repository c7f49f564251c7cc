"""Throughput of `cleantext clean` on a folder, against the cost of just reading its files.

    python benchmarks/bench_cli.py corpus            # the sample corpus, repeated to ~20 MB
    python benchmarks/bench_cli.py DIR --copies 1 -j 2

Prints MB/s (input bytes, 10^6) of the command end to end, including interpreter start-up,
and as a ratio to reading the same files in the same run: on a shared, noisy machine the ratio
is steadier than the absolute figure. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def replicate(source: Path, target: Path, copies: int) -> int:
    """Copy every .txt/.md file under `source` `copies` times into `target`; returns bytes."""
    total = 0
    files = sorted(p for p in source.rglob("*") if p.suffix in (".txt", ".md"))
    for n in range(copies):
        for path in files:
            dest = target / f"copy{n:04d}" / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            total += path.stat().st_size
    return total


def read_all(folder: Path) -> float:
    start = time.perf_counter()
    for path in folder.rglob("*"):
        if path.is_file():
            path.read_bytes()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--copies", type=int, default=0, help="times to repeat the folder (default: to ~20 MB)")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    size = sum(p.stat().st_size for p in args.folder.rglob("*") if p.suffix in (".txt", ".md"))
    copies = args.copies or max(1, 20_000_000 // max(size, 1))
    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp) / "in"
        total = replicate(args.folder, data, copies)
        command = [sys.executable, "-m", "cleantext.cli", "clean", str(data), "-o", str(Path(temp) / "out"),
                   "-q", "-j", str(args.jobs)]
        rows = []
        for _ in range(args.rounds):
            shutil.rmtree(Path(temp) / "out", ignore_errors=True)
            start = time.perf_counter()
            subprocess.run(command, check=False, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
            elapsed = time.perf_counter() - start
            rows.append((elapsed, read_all(data)))
        elapsed, read = sorted(rows)[len(rows) // 2]
        print(f"input: {total / 1e6:.1f} MB in {copies} copies of {args.folder}; -j {args.jobs}")
        print(f"cleantext clean: {total / 1e6 / elapsed:.2f} MB/s (median of {args.rounds}, {elapsed:.2f} s)")
        print(f"reading the files: {total / 1e6 / read:.0f} MB/s; clean / read = {read / elapsed:.4f}")


if __name__ == "__main__":
    main()
