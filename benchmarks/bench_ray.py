"""Ray Data against `cleantext clean -j N` on the same JSONL file, and Ray's start-up cost.

    python benchmarks/bench_ray.py                       # 3,000 records, 2 workers
    python benchmarks/bench_ray.py --records 10000 --skip language

Ray starts once (`ray.init(num_cpus=N)`, then a trivial job, both timed: that is the start-up
cost), then runs read_json -> clean_dataset -> write_json `--rounds` times; the median round is
its throughput. The CLI runs as a fresh process each round, start-up included, as a user runs
it. The ratio Ray / CLI is the figure to quote: on a shared, noisy machine it is steadier than
either rate. It also checks that both give the same texts. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_records import write_jsonl


def texts_of(paths):
    rows = [json.loads(line) for path in paths for line in open(path, encoding="utf-8")]
    return {row["id"]: row["text"] for row in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip", default="", help="steps to skip in both runs, comma-separated")
    args = parser.parse_args()
    skip = [s for s in args.skip.split(",") if s]

    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp) / "in.jsonl"
        size = write_jsonl(data, args.records)
        command = [sys.executable, "-m", "cleantext.cli", "clean", str(data), "-o", str(Path(temp) / "cli"),
                   "-q", "-j", str(args.jobs)] + (["--skip", ",".join(skip)] if skip else [])
        cli_times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            subprocess.run(command, check=True, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
            cli_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        import ray

        from cleantext import Config
        from cleantext.ray import clean_dataset

        ray.init(num_cpus=args.jobs, include_dashboard=False, log_to_driver=False, configure_logging=False)
        init = time.perf_counter() - start
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.execution_options.preserve_order = True
        start = time.perf_counter()
        ray.data.range(8).map_batches(lambda batch: batch).materialize()
        first_job = time.perf_counter() - start

        config = Config(skip=frozenset(skip))
        ray_times = []
        for n in range(args.rounds):
            out = Path(temp) / f"ray{n}"
            start = time.perf_counter()
            clean_dataset(ray.data.read_json(str(data)), config).write_json(str(out))
            ray_times.append(time.perf_counter() - start)
        ray.shutdown()

        same = texts_of(sorted((Path(temp) / "ray0").glob("*.json*"))) == texts_of([Path(temp) / "cli" / data.name])
        cli, ray_round = statistics.median(cli_times), statistics.median(ray_times)
        print(f"input: {args.records} records, {size / 1e6:.2f} MB; {args.jobs} workers; skip: {args.skip or 'nothing'}; "
              f"same texts: {same}")
        print(f"cleantext clean -j {args.jobs}: {args.records / cli:.0f} records/s, {size / 1e6 / cli:.3f} MB/s "
              f"(median of {args.rounds}, {cli:.2f} s, process start-up included)")
        print(f"Ray clean_dataset:    {args.records / ray_round:.0f} records/s, {size / 1e6 / ray_round:.3f} MB/s "
              f"(median of {args.rounds}, {ray_round:.2f} s, after start-up)")
        print(f"Ray / CLI throughput: {cli / ray_round:.2f}")
        print(f"Ray start-up: ray.init {init:.1f} s + first trivial job {first_job:.1f} s = {init + first_job:.1f} s")


if __name__ == "__main__":
    main()
