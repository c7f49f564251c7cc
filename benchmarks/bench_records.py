"""Record files at scale: the CLI against `clean_records`, and peak memory at two sizes.

    python benchmarks/bench_records.py                    # 10k and 100k records, -j 2
    python benchmarks/bench_records.py --sizes 2000 20000 -j 1
    python benchmarks/bench_records.py --skip language    # the label changes no text

For each size it writes a synthetic JSONL file, cleans it with `cleantext clean FILE -o OUT`
and with a plain loop over `clean_records` (each in its own process), checks that both give the
same texts in the same order, and prints records/s, MB/s and the peak RSS of each process. Flat
memory means the 100k figure is about the 10k one. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPHS = {
    "en": [
        "The port authority said container traffic through the harbour rose by eleven percent in the third quarter.",
        "Dockworkers in Mombasa have asked for a new shift pattern after months of overtime during the tea season.",
        "Analysts expect the central bank to hold interest rates steady at its next meeting, citing slower inflation.",
        "A delegation from Ankara arrived on Monday for two days of talks on trade, energy and transport links.",
        "The festival will close with an open-air concert by the river, weather permitting, on Sunday evening.",
        "Residents of the northern district complained about the noise from the new railway line at night.",
        "The ministry said the new curriculum would be tested in forty schools before it is rolled out nationally.",
        "Short note.",
    ],
    "fr": [
        "Le conseil municipal de Niamey a voté mardi un budget en hausse pour l'entretien des routes de la capitale.",
        "Les agriculteurs de la région de Zinder espèrent une meilleure récolte de mil après des pluies tardives.",
        "La nouvelle ligne de bus reliera le marché central à l'université dès la rentrée, selon la mairie.",
    ],
    "de": [
        "Die Stadtwerke kündigten an, das Fernwärmenetz bis zum Ende des Jahrzehnts deutlich auszubauen.",
        "Im Sommer öffnet das Freibad wieder, nachdem die Sanierung des Beckens länger gedauert hat als geplant.",
        "Der Gemeinderat will im Herbst über den Bau einer zweiten Brücke über den Fluss entscheiden.",
    ],
    "es": [
        "El ayuntamiento de Valencia presentó un plan para plantar diez mil árboles en los barrios más calurosos.",
        "La biblioteca municipal ampliará su horario durante los exámenes de junio, según informó la concejalía.",
    ],
    "it": [
        "Il comune ha deciso di chiudere al traffico il centro storico nei fine settimana a partire da maggio.",
        "La stagione dei concerti estivi si aprirà con un'orchestra giovanile nel cortile del castello.",
    ],
    "pt": [
        "O governo anunciou um novo programa de apoio às pequenas empresas exportadoras do setor têxtil.",
        "A câmara municipal vai renovar os passeios da avenida principal durante o verão.",
    ],
}
LANGUAGES = ["en"] * 5 + ["fr", "de", "es", "it", "pt"]


def damage(paragraph: str, rng: random.Random) -> str:
    """Scraping damage of the kinds the pipeline repairs: mojibake, entities, stray spaces."""
    roll = rng.random()
    if roll < 0.15:
        return paragraph.encode("utf-8").decode("cp1252", errors="replace")
    if roll < 0.25:
        return paragraph.replace(" and ", " &amp; ").replace(", ", " , ", 1)
    if roll < 0.40:
        return paragraph.replace(" ", "  ", 2) + "  "
    return paragraph


def synthetic_records(count: int, seed: int = 0):
    rng = random.Random(seed)
    for i in range(count):
        # One language per record, as in real articles: langdetect is slow on mixed text.
        paragraphs = PARAGRAPHS[rng.choice(LANGUAGES)]
        body = [damage(rng.choice(paragraphs), rng) for _ in range(rng.randint(2, 9))]
        gap = "\n\n\n" if rng.random() < 0.1 else "\n\n"
        yield {"id": f"doc-{i:07d}", "text": gap.join(body) + "\n", "source": "synthetic",
               "metadata": {"url": f"https://news.example.org/{i}", "n": i}}


def write_jsonl(path: Path, count: int) -> int:
    with open(path, "w", encoding="utf-8") as handle:
        for record in synthetic_records(count):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def timed(command: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one child process, from wait4: on Linux the largest of the
    child and the workers it reaped, so a pool is covered too."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{command[:4]}... exited {child.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss


STREAM = """
import json, sys
from cleantext import Config, clean_records
config = Config(skip=frozenset(filter(None, sys.argv[3].split(","))))
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for record in clean_records((json.loads(line) for line in src), config):
        out.write(json.dumps(record, ensure_ascii=False) + "\\n")
"""


def texts(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)["text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--skip", default="", help="steps to skip in both runs, comma-separated (e.g. language: "
                        "the label changes no text and is most of the time on short synthetic records)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        for size in args.sizes:
            data = Path(temp) / f"in-{size}.jsonl"
            total = write_jsonl(data, size)
            cli_out, api_out = Path(temp) / "cli", Path(temp) / f"api-{size}.jsonl"
            cli_time, cli_rss = timed([sys.executable, "-m", "cleantext.cli", "clean", str(data), "-o", str(cli_out),
                                       "-q", "-j", str(args.jobs)] + (["--skip", args.skip] if args.skip else []))
            api_time, api_rss = timed([sys.executable, "-c", STREAM, str(data), str(api_out), args.skip])
            same = all(a == b for a, b in zip(texts(cli_out / data.name), texts(api_out), strict=True))
            print(f"{size} records, {total / 1e6:.1f} MB (skip: {args.skip or 'nothing'}): texts identical: {same}")
            print(f"  cleantext clean -j {args.jobs}: {size / cli_time:.0f} records/s, {total / 1e6 / cli_time:.2f} MB/s, "
                  f"peak RSS {cli_rss / 1024:.0f} MiB")
            print(f"  clean_records loop:   {size / api_time:.0f} records/s, {total / 1e6 / api_time:.2f} MB/s, "
                  f"peak RSS {api_rss / 1024:.0f} MiB")
            api_out.unlink()


if __name__ == "__main__":
    main()
