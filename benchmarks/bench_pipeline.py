"""Throughput of the cleaning pipeline, step by step and whole, on one core.

    python benchmarks/generate.py --mb 100 --out /tmp/corpus
    PYTHONPATH=src python benchmarks/bench_pipeline.py /tmp/corpus --mb 20 --json bench.json
    PYTHONPATH=src python benchmarks/bench_pipeline.py /tmp/corpus --mb 20 --hash      # output digest
    PYTHONPATH=src python benchmarks/bench_pipeline.py /tmp/corpus --cli-jobs 1,2      # the CLI, -j N
    PYTHONPATH=src python benchmarks/bench_pipeline.py /tmp/corpus --cli-jobs 1,2 --cli-out /dev/shm

Prints, for the first `--mb` megabytes of .txt files (sorted paths): MB/s (UTF-8 input, 10^6
bytes) and docs/s of every step in `pipeline.STEPS` as it runs inside the pipeline, of the
language label, and of the whole pipeline (a first pass, with its one-off loads, and warm); the
Unicode step alone on text that needs no fix (the pipeline's own output); peak RSS; start-up (a
fresh process importing cleantext and cleaning one document). Ratios are to reading the same
files and, with `--peers`, to clean-text and datatrove run on the same files in the same run, in
their own venv (benchmarks/peers/).
`--hash` prints a digest of every output text and edit, and one of the language labels: equal
digests before and after a change mean the change altered no output. Figures, not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import cleantext
from cleantext import language, pipeline, unicode
from cleantext.document import Document

HERE = Path(__file__).resolve().parent


def pick_files(corpus: Path, megabytes: float) -> list[Path]:
    files, total = [], 0
    for path in sorted(corpus.rglob("*.txt")):
        if megabytes and total >= megabytes * 1e6:
            break
        files.append(path)
        total += path.stat().st_size
    return files


def read_floor(files: list[Path]) -> float:
    """Seconds to read and decode every file, best of three (the page cache is warm after one)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for path in files:
            path.read_bytes().decode("utf-8")
        best = min(best, time.perf_counter() - start)
    return best


def run_whole(texts: list[str]) -> tuple[float, list]:
    start = time.perf_counter()
    results = [cleantext.clean(text) for text in texts]
    return time.perf_counter() - start, results


def run_per_step(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each step (and the language label) while the pipeline runs as usual."""
    spent: dict[str, float] = {}

    def timed(name, run):
        def wrapper(*args):
            start = time.perf_counter()
            try:
                return run(*args)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return wrapper

    steps, by_name, detect = pipeline.STEPS, dict(pipeline._BY_NAME), language.detect
    pipeline.STEPS = tuple(pipeline.Step(s.name, timed(s.name, s.run), s.options) for s in steps)
    pipeline._BY_NAME.update({s.name: s for s in pipeline.STEPS})
    language.detect = timed("language", detect)
    try:
        for text in texts:
            cleantext.clean(text)
    finally:
        pipeline.STEPS, language.detect = steps, detect
        pipeline._BY_NAME.update(by_name)
    return spent


def run_unicode_on_clean(texts: list[str]) -> float:
    options = unicode.UnicodeOptions()
    start = time.perf_counter()
    for text in texts:
        unicode.fix_unicode(Document(text), options)
    return time.perf_counter() - start


def digest(paths: list[Path], results: list) -> tuple[str, str, str]:
    """sha256 of every output text and edit, of every language label, and of the texts alone, in
    path order (the last stays equal when a change moves edits between passes but not the text)."""
    outputs, labels, texts = hashlib.sha256(), hashlib.sha256(), hashlib.sha256()
    for path, result in zip(paths, results):
        record = {"text": result.text, "edits": [e.to_dict() for e in result.edits], "notes": list(result.notes)}
        outputs.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
        labels.update(f"{result.language}\t{result.language_score}\n".encode())
        texts.update(json.dumps(result.text, ensure_ascii=False).encode("utf-8") + b"\n")
    return outputs.hexdigest(), labels.hexdigest(), texts.hexdigest()


def startup(path: Path, runs: int) -> dict[str, float]:
    """`import cleantext` plus the first document, timed inside a fresh interpreter each run."""
    code = ("import time; t = time.perf_counter(); import cleantext; import sys; "
            "cleantext.clean(open(sys.argv[1], encoding='utf-8').read()); print(time.perf_counter() - t)")
    inside, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
        wall.append(time.perf_counter() - start)
        inside.append(float(out.stdout))
    return {"import_and_first_doc_s": statistics.median(inside), "process_wall_s": statistics.median(wall)}


def peers(python: str, files: list[Path]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("\n".join(str(p) for p in files))
    try:
        # Without PYTHONPATH: this project's src/ would shadow clean-text's `cleantext`.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        out = subprocess.run([python, str(HERE / "peers" / "run_peers.py"), handle.name],
                             capture_output=True, text=True, check=True, env=env)
    finally:
        os.unlink(handle.name)
    return json.loads(out.stdout)


def _proc_status(pid: int, field: str) -> int:
    """A memory figure of /proc/PID/status in bytes, 0 once the process is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """pid and all its descendants, from /proc (Linux)."""
    found, todo = [], [pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                todo += map(int, (task / "children").read_text().split())
            except OSError:
                pass
    return found


def cli_run(corpus: Path, jobs: int, out_dir: Path | None = None) -> dict[str, float]:
    """The CLI on the whole folder with -j N: wall time, the peak RSS of the biggest process (the
    kernel's VmHWM, so a peak between two samples counts too), and the RSS of all its processes
    together (sampled every 50 ms)."""
    # Outputs go beside the corpus, on its file system, as a user's would (creating files in a
    # fresh folder under /tmp measured 15x slower than under the corpus's folder on one machine),
    # or under --cli-out: a RAM disk there leaves the file system out of the figures.
    with tempfile.TemporaryDirectory(dir=out_dir or corpus.resolve().parent, prefix=".bench-out-") as temp:
        command = [sys.executable, "-m", "cleantext.cli", "clean", str(corpus), "-o", str(Path(temp) / "out"),
                   "-q", "-j", str(jobs)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env)
        peak_tree, peak_one = 0, 0
        while process.poll() is None:
            members = _tree(process.pid)
            peak_tree = max(peak_tree, sum(_proc_status(pid, "VmRSS") for pid in members))
            peak_one = max(peak_one, max(_proc_status(pid, "VmHWM") for pid in members))
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
    size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    return {"jobs": jobs, "s": elapsed, "mb": size / 1e6, "mb_s": size / 1e6 / elapsed,
            "peak_rss_tree_mib": peak_tree / 2**20, "peak_rss_one_process_mib": peak_one / 2**20,
            "exit": process.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folder of .txt files (benchmarks/generate.py makes one)")
    parser.add_argument("--mb", type=float, default=20, help="megabytes of files to use, 0 for all (default 20)")
    parser.add_argument("--hash", action="store_true", help="print the output digests and stop")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure to this JSON file")
    parser.add_argument("--peers", metavar="PYTHON", help="python of the peers venv, e.g. /work/peers-venv/bin/python")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--cli-jobs", metavar="N,M", help="time the CLI on the whole folder with these -j values")
    parser.add_argument("--cli-out", type=Path, metavar="DIR", help="where the CLI writes (default: beside the corpus)")
    args = parser.parse_args()

    if args.cli_jobs:
        rows = [cli_run(args.corpus, int(j), args.cli_out) for j in args.cli_jobs.split(",")]
        for row in rows:
            print(f"cleantext clean -j {row['jobs']}: {row['mb']:.0f} MB in {row['s']:.1f} s = {row['mb_s']:.2f} MB/s; "
                  f"peak RSS {row['peak_rss_one_process_mib']:.0f} MiB in one process, "
                  f"{row['peak_rss_tree_mib']:.0f} MiB all processes")
        for row in rows[1:]:
            print(f"-j {row['jobs']} / -j {rows[0]['jobs']}: {rows[0]['s'] / row['s']:.2f}x")
        if args.json:
            args.json.write_text(json.dumps({"cli": rows}, indent=1), encoding="utf-8")
        return

    files = pick_files(args.corpus, args.mb)
    texts = [p.read_bytes().decode("utf-8") for p in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    mb, docs = size / 1e6, len(texts)
    cleantext.clean(texts[0])  # load ftfy and the language profiles before timing
    if args.hash:
        _, results = run_whole(texts)
        outputs, labels, texts_only = digest(files, results)
        print(f"{docs} docs, {mb:.1f} MB from {args.corpus}")
        print(f"outputs (texts + edits + notes) sha256: {outputs}")
        print(f"language labels sha256:              {labels}")
        print(f"output texts alone sha256:           {texts_only}")
        return

    read = read_floor(files)
    whole, results = run_whole(texts)
    # The first pass also loads what the first documents of each language need (lexicons,
    # rule patterns): a one-off cost per process, measured on its own by the start-up figure.
    warm, _ = run_whole(texts)
    spent = run_per_step(texts)
    clean_unicode = run_unicode_on_clean([r.text for r in results])
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {"docs": docs, "mb": mb, "read_s": read, "whole_s": whole, "whole_warm_s": warm, "steps_s": spent,
              "unicode_on_clean_s": clean_unicode, "peak_rss_mib": peak_rss,
              "startup": startup(files[0], args.startup_runs), "python": sys.version.split()[0]}
    if args.peers:
        report["peers"] = peers(args.peers, files)

    rows = [("read the files (floor)", read)] + [(f"step {name}", s) for name, s in spent.items()]
    rows += [("unicode on clean text", clean_unicode), ("WHOLE PIPELINE, first pass", whole),
             ("WHOLE PIPELINE, warm", warm)]
    for name, peer in report.get("peers", {}).get("peers", {}).items():
        rows.append((f"peer: {name}", peer["s"]))
    print(f"{docs} docs, {mb:.1f} MB from {args.corpus}; one core; Python {report['python']}")
    print(f"{'':42} {'MB/s':>9} {'docs/s':>9} {'x read':>8} {'whole/this':>10}")
    for name, seconds in rows:
        print(f"{name:42} {mb / seconds:9.2f} {docs / seconds:9.0f} {read / seconds:8.4f} {seconds / warm:10.2f}")
    print(f"peak RSS of this process: {peak_rss:.0f} MiB (it holds all {mb:.0f} MB of texts and results)")
    start = report["startup"]
    print(f"start-up: import cleantext + first document {start['import_and_first_doc_s']:.3f} s; "
          f"whole process {start['process_wall_s']:.3f} s (median of {args.startup_runs})")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
