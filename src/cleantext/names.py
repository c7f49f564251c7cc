"""The gazetteer's data: which spellings are known, which are correction targets, and how to find them.

Two sets matter, and they are deliberately different:

* *known spellings* are never changed. They are every name, variant and alternate name we ship
  (GeoNames alternate names, our country and demonym table, the forms used in French, German,
  Spanish, Portuguese and Italian, user entries), because a correct spelling that happens to be one
  edit away from another place ("Nigerian", "Austria", "Iraq") must stay as it is.
* *correction targets* are what a misspelling may become: our table's names and English variants,
  capitals, and the primary names of cities above a population floor. GeoNames alternate names are
  never targets: they hold old and foreign spellings that make poor corrections.

Everything is compared through two keys: `lower_key` (lower case, words joined by one space, so
"Côte d’Ivoire" and "côte d'ivoire" meet) and `fold_key` (the same without accents, so "Cote
d'Ivoire" meets it too). Data loads once per process and is cached on plain option values.
"""

from __future__ import annotations

import math
import os
import unicodedata
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain
from pathlib import Path

import regex

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
PLACE_KINDS = frozenset({"country", "territory", "demonym", "region", "continent", "city", "capital", "place"})
# Letters that NFKD does not split into base + accent.
_SPECIAL = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ß": "ss",
                          "ı": "i", "þ": "th", "ħ": "h"})


def lower_key(text: str) -> str:
    """Lower case, words joined by single spaces: the form exact comparisons use."""
    return " ".join(WORD.findall(text.lower()))


def fold(text: str) -> str:
    """Strip accents from already lower-cased text ("côte" -> "cote"); ASCII passes through."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_key(text: str) -> str:
    return fold(lower_key(text))


@dataclass(frozen=True, slots=True)
class Target:
    """One spelling a misspelt token may be corrected to."""

    name: str
    kind: str
    entity: str
    population: int = 0


@dataclass
class Gazetteer:
    known: set[str] = field(default_factory=set)
    """lower_key of every known spelling, multi-word names included."""
    known_folded: set[str] = field(default_factory=set)
    """fold_key of the known spellings that have accents (the others are in `known` already): an
    unaccented spelling of a known name is a known spelling too."""
    protected: set[str] = field(default_factory=set)
    """fold_key of user entries marked protect: never changed, whatever the matcher says."""
    targets: dict[str, list[Target]] = field(default_factory=dict)
    """fold_key -> the spellings it stands for (one key may carry accented and plain forms)."""
    entity_forms: dict[str, set[str]] = field(default_factory=dict)
    """entity -> lower_key of all its names and demonyms, to count supporting mentions."""
    first_names: set[str] = field(default_factory=set)
    multi_buckets: dict[tuple[str, int], list[str]] | None = None
    """Multi-word target keys by first letter and length; single words go through a deletion
    index built by the matcher."""

    def add_known(self, name: str) -> None:
        key = lower_key(name)
        if key:
            self.known.add(key)
            self.known_folded.add(fold(key))

    def add_target(self, target: Target) -> None:
        key = fold_key(target.name)
        if len(key) < 3:
            return
        forms = self.targets.setdefault(key, [])
        if all(t.name != target.name or t.entity != target.entity for t in forms):
            forms.append(target)
        entity_key = target.entity
        self.entity_forms.setdefault(entity_key, set()).add(lower_key(target.name))

    def index(self) -> None:
        multi: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in self.targets:
            if " " in key:
                multi[(key[0], len(key))].append(key)
        self.multi_buckets = {k: sorted(v) for k, v in multi.items()}


def _data(name: str):
    return resources.files("cleantext").joinpath("data", "gazetteer", name)


def _read_gzip(name: str) -> str:
    return zlib.decompress(_data(name).read_bytes(), wbits=31).decode("utf-8").rstrip("\n")


def _gzip_lines(name: str, chunk: int = 1 << 15):
    """The lines of a gzipped data file, inflated a chunk at a time: a reader that stops early
    (places.tsv below the population floor) never inflates the rest."""
    data = _data(name).read_bytes()
    inflate = zlib.decompressobj(wbits=31)
    tail = b""
    for offset in range(0, len(data), chunk):
        block = tail + inflate.decompress(data[offset:offset + chunk])
        cut = block.rfind(b"\n")  # whole lines only: a chunk may end inside a UTF-8 character
        if cut >= 0:
            yield from block[:cut].decode("utf-8").split("\n")
            block = block[cut + 1:]
        tail = block
    tail += inflate.flush()
    if tail:
        yield tail.decode("utf-8")


def read_table(text: str) -> list[tuple[str, str, str, list[str], set[str]]]:
    """Rows of a gazetteer TSV: name, kind, entity, variants ("|"-separated), flags (","-separated)."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + [""] * 5
        name, kind, entity, variants, flags = (c.strip() for c in cells[:5])
        rows.append((name, kind or "place", entity or name, [v for v in variants.split("|") if v],
                     {f.strip() for f in flags.split(",") if f.strip()}))
    return rows


def read_user_file(path: str) -> list[tuple[str, str, str, list[str], set[str]]]:
    """A user gazetteer: the TSV columns above, or TOML with `[[entry]]` tables of the same keys."""
    text = Path(path).read_text(encoding="utf-8")
    if not path.endswith(".toml"):
        return read_table(text)
    rows = []
    for entry in tomllib.loads(text).get("entry", []):
        flags = {"protect"} if entry.get("protect") else set()
        name = entry["name"]
        rows.append((name, entry.get("kind", "place"), entry.get("entity", name),
                     list(entry.get("variants", [])), flags))
    return rows


def _add_table_rows(gazetteer: Gazetteer, rows, user: bool) -> None:
    for name, kind, entity, variants, flags in rows:
        for spelling in [name, *variants]:
            gazetteer.add_known(spelling)
            if "protect" in flags:
                gazetteer.protected.add(fold_key(spelling))
        if "protect" in flags or "ambiguous" in flags or (user and kind not in PLACE_KINDS):
            continue  # known but never a target: we cannot say which entity a fix would mean
        for spelling in [name, *variants]:
            gazetteer.add_target(Target(spelling, kind, entity))


@lru_cache(maxsize=4)
def base_gazetteer(min_city_population: int) -> Gazetteer:
    """The shipped gazetteer; cities below `min_city_population` (capitals excepted) are known only."""
    gazetteer = Gazetteer()
    _add_table_rows(gazetteer, read_table(_data("countries.tsv").read_text(encoding="utf-8")), user=False)
    for line in _data("foreign.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            gazetteer.add_known(line.split("\t", 1)[0])
    gazetteer.first_names = {line.strip().lower() for line in
                             _data("first_names.txt").read_text(encoding="utf-8").splitlines() if line.strip()}
    known, known_folded = gazetteer.known, gazetteer.known_folded
    known.update(_read_gzip("place_keys.txt.gz").split("\n"))
    known_folded.update(_read_gzip("place_keys_folded.txt.gz").split("\n"))
    targets = gazetteer.targets
    for line in _gzip_lines("places.tsv.gz"):
        name, key, folded, country, population, flag = line.split("\t")
        if flag != "c" and int(population) < min_city_population:
            break  # capitals come first, then towns by size: the rest stay known spellings only
        target = Target(name, "capital" if flag == "c" else "city", f"{name}, {country}", int(population))
        targets.setdefault(folded, []).append(target)
        gazetteer.entity_forms[target.entity] = {key}
    return gazetteer


@lru_cache(maxsize=8)
def load_gazetteer(min_city_population: int, user_files: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped gazetteer merged with the user's files, indexed for lookup."""
    base = base_gazetteer(min_city_population)
    if not user_files:
        if base.multi_buckets is None:
            base.index()
        return base
    merged = Gazetteer(set(base.known), set(base.known_folded), set(base.protected),
                       {k: list(v) for k, v in base.targets.items()},
                       {k: set(v) for k, v in base.entity_forms.items()}, set(base.first_names))
    for path in user_files:
        _add_table_rows(merged, read_user_file(path), user=True)
    merged.index()
    return merged


# Lookup: which targets lie within an edit or two of a word. Results are cached on the gazetteer
# object, so they live as long as the loaded data and are shared by every document.

OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s"})


def max_distance(length: int) -> int:
    """Edits allowed for a folded name of this length: one up to 6 letters, two beyond."""
    return 1 if length <= 6 else 2


def delete_index(gazetteer: Gazetteer) -> dict[str, str | tuple[str, ...]]:
    """Single-word targets under every one-letter deletion of themselves (and themselves).

    Two strings are within one substitution, insertion, deletion or adjacent swap of each other
    only if they share such a form, so a lookup is a dozen dict probes instead of a scan. Built
    once per gazetteer (~43,000 forms) when a token first reaches it. A form held by one key (most
    are) maps to the key itself: a list per form made the build about twice as slow, mostly in the
    garbage collector walking the new lists.
    """
    index = gazetteer.__dict__.get("_deletes")
    if index is None:
        index = {}
        get = index.get
        for key in gazetteer.targets:
            if " " not in key:
                for form in deletes(key):
                    held = get(form)
                    index[form] = key if held is None else (held, key) if type(held) is str else (*held, key)
        gazetteer.__dict__["_deletes"] = index
    return index


def deletes(key: str) -> set[str]:
    return {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}


def nearest(gazetteer: Gazetteer, key: str) -> tuple[float, list[str]]:
    """The target keys nearest to `key` (OSA distance on folded forms) and that distance.

    Single words are searched within one edit: a two-edit change is never applied, so it is not
    worth a scan. Multi-word names are few, so they are scanned by first letter and length, two
    edits allowed for 7+ letters.
    """
    cache = gazetteer.__dict__.setdefault("_cache", {})
    if len(cache) > 200_000:  # bound the memory a long run of unseen names can take
        cache.clear()
    result = cache.get(key)
    if result is None:
        from rapidfuzz import process  # imported on the first lookup, not with the package
        from rapidfuzz.distance import OSA

        if " " in key:
            limit = max_distance(len(key.replace(" ", "")))
            pool = [name for n in range(len(key) - limit, len(key) + limit + 1)
                    for name in gazetteer.multi_buckets.get((key[0], n), ())]
            found = [(f[0], f[1]) for f in process.extract(key, pool, scorer=OSA.distance, score_cutoff=limit,
                                                           limit=None)]
        else:
            index = delete_index(gazetteer)
            near = set()
            for form in deletes(key):
                held = index.get(form)
                if type(held) is str:
                    near.add(held)
                elif held is not None:
                    near.update(held)
            found = [(name, d) for name in near if (d := OSA.distance(key, name)) <= 1]
        if found:
            # A changed first letter is the rarer typo (and the usual mark of a different surname):
            # at equal distance, names that keep the first letter go first.
            best = min((f[1], f[0][0] != key[0]) for f in found)
            result = (best[0], sorted({f[0] for f in found if (f[1], f[0][0] != key[0]) == best}))
        else:
            result = (math.inf, [])
        cache[key] = result
    return result


def tier(target: Target) -> int:
    """How well known a kind of place is: our table's names, then capitals, big cities, the rest."""
    if target.kind not in ("city", "capital"):
        return 0
    if target.kind == "capital":
        return 1
    return 2 if target.population >= 1_000_000 else 3


def accent_penalty(old: str, new: str) -> float:
    """Half an edit when the token carries an accent the target lacks ("Ngerièn" vs "Nigerien")."""
    extra = {c for c in old.lower() if not c.isascii()} - set(new.lower())
    return 0.5 if extra else 0.0


def pick(targets: list[Target], old: str) -> Target:
    """Among spellings sharing a folded key, the one whose accents fit the token best."""
    return min(targets, key=lambda t: (tier(t), accent_penalty(old, t.name) + accent_penalty(t.name, old),
                                       -t.population, t.name))


def query_key(span: str) -> tuple[str, bool]:
    """The folded lookup key of a span, with OCR confusions undone; True if any were."""
    key = fold_key(span)
    ocr = key.translate(OCR_DIGITS)
    if span[:1] == "l" and span[1:2].islower():
        ocr = "i" + ocr[1:]
    return ocr, ocr != key


def lookup(gazetteer: Gazetteer, span: str) -> tuple[float, list[str], bool]:
    """Nearest targets for a span: (distance, keys, whether an OCR confusion was undone)."""
    cache = gazetteer.__dict__.setdefault("_spans", {})
    if span in cache:
        return cache[span]
    if len(cache) > 200_000:  # bound the memory a long run of unseen names can take
        cache.clear()
    key, ocr = query_key(span)
    distance, keys = nearest(gazetteer, key)
    result = (distance, keys, ocr)
    if distance > 0 and "rn" in key:  # OCR reads "m" as "rn" ("Arrnenia"); only an exact hit counts
        ocr_distance, ocr_keys = nearest(gazetteer, key.replace("rn", "m"))
        if ocr_distance == 0:
            result = (0, ocr_keys, True)
    cache[span] = result
    return result


def multi_parts(gazetteer: Gazetteer) -> set[str]:
    """Words of multi-word targets ("mayi" of Mbuji-Mayi): not names in their own right."""
    parts = gazetteer.__dict__.get("_multi_parts")
    if parts is None:
        parts = gazetteer.__dict__["_multi_parts"] = {w for k in gazetteer.targets if " " in k for w in k.split()}
    return parts


def near_part(gazetteer: Gazetteer, token: str) -> bool:
    """Is the token within one edit of a word of some multi-word target ("Fasso" of Burkina Faso)?"""
    index = gazetteer.__dict__.get("_part_deletes")
    if index is None:
        index = gazetteer.__dict__["_part_deletes"] = {
            form for part in multi_parts(gazetteer) if len(part) >= 3 for form in deletes(part)}
    cache = gazetteer.__dict__.setdefault("_near_parts", {})
    if token not in cache:
        if len(cache) > 200_000:
            cache.clear()
        key = query_key(token)[0]
        cache[token] = any(form in index for variant in {key, key.replace("rn", "m")} for form in deletes(variant))
    return cache[token]


# The lexicon: wordfreq tells ordinary words from names (a runtime dependency; its lists are
# CC BY-SA and stay in its own package). Importing wordfreq costs ~0.35 s (langcodes' tables) and
# its frequency dicts are built word by word, so its data files (gzipped msgpack "cBpack": a
# header, then one list of words per centibel of frequency) are read here directly, language by
# language as a token needs one. Anything unexpected falls back to wordfreq's own API.

COMMON_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "pl")


def _wordfreq_file(wordlist: str, language: str) -> Path | None:
    """wordfreq's data file for exactly this language, found without importing wordfreq."""
    import importlib.util

    spec = importlib.util.find_spec("wordfreq")
    for folder in (spec and spec.submodule_search_locations) or ():
        path = Path(folder, "data", f"{wordlist}_{language}.msgpack.gz")
        if path.is_file():
            return path
    return None


def _unpack(path: Path, raw: bool) -> list[list] | None:
    """The word lists of one cBpack file, index = -centibels: str, or UTF-8 bytes when `raw`.
    None when it cannot be read here."""
    try:
        import msgpack

        data = msgpack.unpackb(zlib.decompress(path.read_bytes(), wbits=31), raw=raw)
    except Exception:  # a format we do not know: wordfreq itself will read it
        return None
    header = data[0] if data else None
    text = str.encode if raw else str
    if not isinstance(header, dict) or header.get(text("format")) != text("cB") or header.get(text("version")) != 1:
        return None
    return data[1:]


@lru_cache(maxsize=64)
def _buckets(wordlist: str, language: str) -> tuple[list[str], ...] | None:
    """The word lists of one cBpack file as str; None when it cannot be read here."""
    path = _wordfreq_file(wordlist, language)
    buckets = _unpack(path, raw=False) if path is not None else None
    return tuple(buckets) if buckets is not None else None


def _small_list(language: str):
    """Every word of wordfreq's small list for `language` (all have Zipf >= 3), in its buckets."""
    buckets = _buckets("small", language)
    if buckets is not None:
        return chain.from_iterable(buckets)
    import wordfreq

    return wordfreq.get_frequency_dict(language, "small")


@lru_cache(maxsize=4)
def common_words(languages: tuple[str, ...] = COMMON_LANGUAGES) -> frozenset[str]:
    """Words with Zipf >= 3 (wordfreq's small lists) in any of `languages`: the cheap first gate.

    A capitalised word common in any of them is an ordinary word (a German noun, a sentence's
    first word) or another language's own spelling of a place ("Kenia", "Rusia"): either way
    not ours to change, and most tokens stop here without a lookup.
    """
    # One set from every word list: 0.02 s, not 0.047 s through a set per language.
    return frozenset(chain.from_iterable(map(_small_list, languages)))


_STRIDE = 16
_OFFSETS = "I" if array("I").itemsize >= 4 else "L"  # C promises "I" only 2 bytes; 4 hold 4 GB


def _mark(entry: bytes) -> int:
    return int.from_bytes(entry[:8].ljust(8, b"\0"), "big")


class PackedFrequencies:
    """One language's word list with no Python object per word: wordfreq's frequencies, exactly.

    A dict of German's 634,000 words costs 70 MB; this form 11. Every word, as UTF-8 with its
    bucket appended (a NUL, then the centibel index in two bytes), sits in one sorted `bytes`;
    `ends` says where each entry stops, and a lookup bisects over them. The NUL, which no word
    holds, sorts a word before every longer word it begins, so the entries sort as their words do.
    Bisecting in Python costs 16 us over 634,000 entries, so `marks` (the first 8 bytes of every
    16th entry, as integers: they sort as the entries do) narrows the range in C first.
    """

    __slots__ = ("entries", "ends", "marks")

    def __init__(self, buckets: list[list[bytes]]) -> None:
        tagged: list[bytes] = []
        for index, bucket in enumerate(buckets):
            tag = b"\0" + index.to_bytes(2, "big")
            tagged += [word + tag for word in bucket]
            buckets[index] = []  # each bucket's words go as soon as they are copied
        tagged.sort()  # one sorted run per bucket: Timsort only merges them
        self.marks = array("Q", map(_mark, tagged[::_STRIDE]))
        self.ends = array(_OFFSETS, accumulate(map(len, tagged), initial=0))
        # bytes.join holds an 80-byte buffer per item while it copies: join in slices, or a
        # German list would briefly cost 50 MB more than the whole result.
        self.entries = b"".join([b"".join(tagged[i:i + 4096]) for i in range(0, len(tagged), 4096)])

    @classmethod
    def from_parts(cls, entries: bytes, ends: array, marks: array) -> "PackedFrequencies":
        packed = cls.__new__(cls)
        packed.entries, packed.ends, packed.marks = entries, ends, marks
        return packed

    def _entry(self, position: int) -> bytes:
        return self.entries[self.ends[position]:self.ends[position + 1]]

    def get(self, word: str, default: float = 0.0) -> float:
        key = word.encode("utf-8", "surrogatepass")
        # Past every entry of `word` (bucket indexes stay below 0xffff), before every longer word.
        probe = key + b"\0\xff\xff"
        mark = _mark(probe)
        low = max(bisect_left(self.marks, mark) - 1, 0) * _STRIDE
        high = min(bisect_right(self.marks, mark) * _STRIDE, len(self.ends) - 1)
        position = bisect_right(range(len(self.ends) - 1), probe, low, high, key=self._entry)
        if not position:  # sorts before every entry, as only the empty word can: unlisted
            return default
        entry = self._entry(position - 1)
        if entry[:-3] != key:
            return default
        # The last of equal words is the rarest bucket, the one wordfreq's dicts keep.
        return 10 ** (-int.from_bytes(entry[-2:], "big") / 100)


@lru_cache(maxsize=16)
def frequencies(language: str) -> PackedFrequencies | dict[str, float]:
    """word -> frequency as wordfreq gives it (its large list where there is one), to `.get`.

    Packing a list takes 0.1 to 0.2 s a language, paid by every process that meets it, so the
    packed form is also kept in a cache folder and read back in milliseconds (`_cache_file`).
    """
    for wordlist in ("large", "small"):
        path = _wordfreq_file(wordlist, language)
        if path is None:
            continue
        cache = _cache_file(path)
        packed = _read_packed(cache) if cache is not None else None
        if packed is None:
            buckets = _unpack(path, raw=True)
            if buckets is None:
                break
            packed = PackedFrequencies(buckets)
            if cache is not None:
                _write_packed(cache, packed)
        return packed
    return _wordfreq_frequencies(language)


_PACKED_MAGIC = b"cleantext packed frequencies 1\n"
_PACKED_CODES = (_OFFSETS + "Q").encode("ascii")  # the arrays' item types, which a reader must share
_PACKED_HEADER = len(_PACKED_MAGIC) + len(_PACKED_CODES) + 3 * 8  # then the three parts' sizes


def _cache_file(source: Path) -> Path | None:
    """Where the packed form of wordfreq's `source` file is kept: in $CLEANTEXT_CACHE_DIR (empty:
    no cache), else $XDG_CACHE_HOME/cleantext or ~/.cache/cleantext, named after the file's
    size and modification time, so a new wordfreq is packed anew."""
    folder = os.environ.get("CLEANTEXT_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "cleantext")
    if not folder:
        return None
    try:
        stat = source.stat()
    except OSError:
        return None
    return Path(folder, f"{source.name}.{stat.st_size}.{stat.st_mtime_ns}.packed")


def _read_packed(path: Path) -> PackedFrequencies | None:
    """The packed lists stored at `path`, or None when there are none that this build can read.
    Each part is read straight into its own object: no copy of the whole file is held."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_PACKED_HEADER)
            if len(head) < _PACKED_HEADER or not head.startswith(_PACKED_MAGIC + _PACKED_CODES):
                return None
            at = len(_PACKED_MAGIC) + len(_PACKED_CODES)
            sizes = [int.from_bytes(head[at + 8 * k:at + 8 * k + 8], "big") for k in range(3)]
            ends, marks = array(_OFFSETS), array("Q")
            if _PACKED_HEADER + sum(sizes) != os.fstat(handle.fileno()).st_size or \
                    sizes[1] % ends.itemsize or sizes[2] % marks.itemsize:
                return None
            entries = handle.read(sizes[0])
            ends.fromfile(handle, sizes[1] // ends.itemsize)
            marks.fromfile(handle, sizes[2] // marks.itemsize)
    except (OSError, EOFError):
        return None
    return PackedFrequencies.from_parts(entries, ends, marks)


def _write_packed(path: Path, packed: PackedFrequencies) -> None:
    """Store `packed` at `path` through a temporary file, so a reader never sees part of one.
    A cache that cannot be written is no error: the lists are packed again next time."""
    parts = (packed.entries, packed.ends.tobytes(), packed.marks.tobytes())
    header = _PACKED_MAGIC + _PACKED_CODES + b"".join(len(p).to_bytes(8, "big") for p in parts)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(temp, "wb") as handle:
            handle.write(header)
            for part in parts:
                handle.write(part)
        os.replace(temp, path)
    except OSError:
        pass


def _wordfreq_frequencies(language: str) -> dict[str, float]:
    import logging

    import wordfreq

    # langdetect's codes ("no", "zh-cn") are wordfreq's nearest match; its warning saying so
    # would print once per language on every run.
    logging.getLogger("wordfreq").setLevel(logging.ERROR)
    wordlist = "large" if language in wordfreq.available_languages("large") else "small"
    try:
        return wordfreq.get_frequency_dict(language, wordlist)
    except LookupError:
        return {}


@lru_cache(maxsize=4096)  # a document names its places again and again; a packed lookup costs ~5 us
def zipf(word: str, language: str) -> float:
    frequency = frequencies(language).get(word.lower(), 0.0)
    return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0
