"""The boilerplate step's rule library: rule files kept as data, and whole-line matching that is fast.

Rules live in ``data/boilerplate/<language>.toml`` (a pattern matched against a whole line, with a
place where it may apply: ``line``, ``edge`` or ``block``), beside each language's function words
and month names, which the page-structure evidence (`cleantext.page`) reads. User rules and
disabled rule ids are folded in here, and every pattern runs under a timeout. How the matches are
used is the step's business: see `cleantext.boilerplate`.
"""

from __future__ import annotations

import functools
import re
try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, Iterable

import regex

WHERE = ("block", "line", "edge")


@dataclass(frozen=True)
class Rule:
    id: str
    language: str
    where: str
    pattern: str
    examples: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()


def rule_files() -> list[str]:
    """Names of the shipped rule files (``common`` and one per language)."""
    folder = resources.files("cleantext") / "data" / "boilerplate"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


@functools.lru_cache(maxsize=None)
def load_file(name: str) -> dict[str, Any]:
    """One rule file, parsed: language, stopwords, month names, negatives and rules."""
    path = resources.files("cleantext") / "data" / "boilerplate" / f"{name}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    language = data["language"]
    rules = tuple(Rule(r["id"], language, r["where"], r["pattern"], tuple(r.get("examples", ())),
                       tuple(r.get("requires", ()))) for r in data.get("rule", ()))
    return {"language": language, "stopwords": frozenset(data.get("stopwords", "").split()),
            "months": frozenset(data.get("months", "").split()),
            "negatives": tuple(data.get("negatives", ())), "rules": rules}


def user_rules(extra: Iterable[Any]) -> tuple[tuple[Rule, float | None], ...]:
    """User rules given as tuples or dicts, checked, as (rule, timeout) pairs for `compiled`."""
    out = []
    for item in extra:
        if isinstance(item, dict):
            item = (item["id"], item["pattern"], item.get("where", "line"), item.get("timeout"))
        rule_id, pattern, where, *rest = item
        if where not in WHERE:
            raise ValueError(f"rule {rule_id!r}: where must be one of {WHERE}, not {where!r}")
        out.append((Rule(rule_id, "user", where, pattern), rest[0] if rest else None))
    return tuple(out)


@functools.lru_cache(maxsize=32)
def compiled(languages: tuple[str, ...], disabled: tuple[str, ...],
             extra: tuple[tuple[Rule, float | None], ...]) -> "RuleSet":
    """The chosen rules, compiled once per process for each distinct set of options."""
    names = [n for n in rule_files() if n == "common" or not languages or n in languages]
    rules = [r for n in names for r in load_file(n)["rules"]] + [r for r, _ in extra]
    rules = [r for r in rules if r.id not in disabled]
    rules.sort(key=lambda r: WHERE.index(r.where))  # stable: a block marker wins over a line label
    timeouts = [t for _, t in extra if t]
    stopwords = frozenset().union(*(load_file(n)["stopwords"] for n in names))
    months = frozenset().union(*(load_file(n)["months"] for n in names))
    return RuleSet(rules, stopwords, min(timeouts) if timeouts else None, date_pattern(months))


MAX_RULE_CHARS = 400
"""Lines longer than this are paragraphs: no label, button or notice runs that long, and skipping
them keeps the rule pass far from the paragraphs where most bytes are."""
MAX_CACHED = 50_000
"""Entries kept in each per-process cache of a rule set (first words and whole lines); menus and
footers repeat across a site's pages, so many lines are answered from the line cache."""
PREFIX_CHARS = 3
"""Characters of a line that pick its candidate rules: a few thousand distinct keys, each computed once."""
MAX_WORD = 24
"""Characters of a first word used as the second key; longer words are cut there."""
SHORT_LINE = 80
"""Lines up to this long have their answer cached: menu items and labels, which repeat."""


class RuleSet:
    """Rules matched against whole lines, fast. A `regex` call costs about half a microsecond,
    four with a timeout, and an alternation of a hundred rules tries every one of them (about 25
    microseconds a line), while most lines of an article can match none. So each line only meets
    the rules that can start with its first characters and its first word: `regex` partial
    matching answers that soundly (a rule that fully matches a line also partially matches the
    line's start), once per distinct key, and lines with no candidate never reach a pattern. The
    candidates are tried one by one in rule order, so no subset of rules is ever compiled, and a
    rule is compiled the first time a key needs it. Results never depend on what is cached."""

    def __init__(self, rules: list[Rule], stopwords: frozenset[str], timeout_cap: float | None,
                 dates: Any = None):
        self.rules = rules
        self.stopwords = stopwords
        self.dates = dates
        self.timeout_cap = timeout_cap
        self.plain = tuple(i for i, r in enumerate(rules) if not r.requires)
        self.gated = [i for i, r in enumerate(rules) if r.requires]  # tried only when a string is in the line
        self.needles = sorted({n for i in self.gated for n in rules[i].requires})
        self.by_needle = {n: [i for i in self.gated if n in rules[i].requires] for n in self.needles}
        self._single: dict[int, Any] = {}
        # The lower-cased prefixes of up to PREFIX_CHARS characters each rule can start with, read
        # off its pattern text (None: not worked out), so that a new line start only meets the
        # rules that can begin with it, and a process compiles only the rules its lines ask for.
        self.heads = [_prefixes(literal_starts(r.pattern, PREFIX_CHARS)) for r in rules]
        self.by_prefix: dict[str, tuple[int, ...]] = {}
        self.by_word: dict[tuple[str, str], tuple[int, ...]] = {}
        self.by_line: dict[str, tuple[str, str] | None] = {}
        self.glued = any(r.id == "navigation" for r in rules)  # the shape rule below is a navigation rule

    def single(self, i: int) -> Any:
        """Rule `i`, compiled on first use."""
        pattern = self._single.get(i)
        if pattern is None:
            pattern = self._single[i] = regex.compile(f"(?i)(?:{self.rules[i].pattern})", regex.V0)
        return pattern

    def _candidates(self, prefix: str, among: Iterable[int], timeout: float) -> tuple[int, ...]:
        chosen = []
        for i in among:
            try:
                if self.single(i).fullmatch(prefix, partial=True, timeout=timeout):
                    chosen.append(i)
            except TimeoutError:
                chosen.append(i)  # undecided: the full match decides, under its own timeout
        return tuple(chosen)

    def match_lines(self, lines: list[str], timeout: float) -> dict[int, tuple[str, str]]:
        """{line index: (where, rule id)} for the lines of one text that a rule matches."""
        found: dict[int, tuple[str, str]] = {}
        todo: list[int] = []  # short lines the line cache does not answer
        by_line = self.by_line
        for index, line in enumerate(lines):
            if not line or len(line) > MAX_RULE_CHARS:
                continue
            result = by_line.get(line, by_line)
            if result is by_line:
                todo.append(index)
            elif result:
                found[index] = result
        if not todo:
            return found
        lowered = "\n".join([lines[i] for i in todo]).lower()  # lower-casing keeps the line breaks
        present = [n for n in self.needles if n in lowered]  # paragraphs are never searched
        for index, low in zip(todo, lowered.split("\n")):
            line = lines[index]
            gated = sorted({i for n in present if n in low for i in self.by_needle[n]}) if present else ()
            result = self._match(line, low, gated, timeout)
            if len(line) <= SHORT_LINE:  # a line's answer never depends on the other lines
                if len(by_line) > MAX_CACHED:
                    by_line.clear()
                by_line[line] = result
            if result:
                found[index] = result
        return found

    def _match(self, line: str, low: str, gated: Iterable[int], timeout: float) -> tuple[str, str] | None:
        # two keys: the first characters (few, each tried against every rule), then the first word
        # and the character after it (many, each tried only against the first key's rules)
        head = low[:PREFIX_CHARS]
        among = self.by_prefix.get(head)
        if among is None:
            pool = self.plain
            if head.isascii() or all(_folds_as_lowered(c) for c in head):
                pool = [i for i in pool if self.heads[i] is None or head in self.heads[i]]
            among = self.by_prefix[head] = self._candidates(head, pool, timeout)
        chosen: tuple[int, ...] = ()
        if among:
            space = low.find(" ", 0, MAX_WORD)
            key = (head, low[: space + 1] if space >= 0 else low[:MAX_WORD])
            chosen = self.by_word.get(key)
            if chosen is None:
                if len(self.by_word) > MAX_CACHED:
                    self.by_word.clear()
                chosen = self.by_word[key] = self._candidates(key[1], among, timeout)
        found = None
        try:
            for i in chosen:
                if self.single(i).fullmatch(line, timeout=timeout):
                    found = i
                    break
            for i in gated:  # the gated rules whose strings are in the line, in rule order
                if (found is None or i < found) and self.single(i).fullmatch(line, timeout=timeout):
                    found = i
                    break
        except TimeoutError:
            return None  # a pathological line against a user pattern: keep the line
        if found is None:
            # no phrase to write a rule for: the shape is the evidence
            return ("line", "navigation") if self.glued and glued_links(line) else None
        return self.rules[found].where, self.rules[found].id


_GLUED = regex.compile(r"\p{Ll}\p{Lu}")
_WORDS = re.compile(r"[^\s/,;|]+")
GLUED_JOINS = 3
"""Lower-to-upper joins inside one capitalised word that make it a run of links scraped with
nothing between them ("HomeProjectsAboutContact", "TagsGardenAutumnHarvest"). A brand name has
one or two ("iPhone", "LinkedIn", "SchülerInnen"), so a list of them never counts; a code
identifier ("getElementsByClassName") and a hashtag ("#FridaysForFuture") do not start with a
capital."""


def glued_links(line: str) -> bool:
    """A short line, no sentence, with a capitalised word of GLUED_JOINS joins or more."""
    if not line or line[-1] in ".!?" or len(line) > 200 or line.count(" ") > 11 \
            or len(_GLUED.findall(line)) < GLUED_JOINS:  # most lines stop at the cheap tests
        return False
    return any(word[0].isupper() and len(_GLUED.findall(word)) >= GLUED_JOINS for word in _WORDS.findall(line))


def _folds_as_lowered(char: str) -> bool:
    """Whether `regex`'s case-insensitive matching of `char` is matching its `str.lower()`: not
    for the few letters that fold elsewhere ("ſ" folds to "s", "İ" lowers to two characters)."""
    low = char.lower()
    return len(low) == 1 and low == char.casefold()


def _prefixes(starts: frozenset[str] | None) -> frozenset[str] | None:
    return None if starts is None else frozenset(s[:n] for s in starts for n in range(1, len(s) + 1))


MAX_STARTS = 4000
"""Prefixes kept per pattern while reading them off; past this the pattern counts as unknown."""


def literal_starts(pattern: str, k: int) -> frozenset[str] | None:
    """The first `k` characters of every string `pattern` can match (the whole string where it is
    shorter), lower-cased; None where a class, a wildcard or a character escape comes first.

    Reads the pattern text, a small subset of `regex` syntax (literals, groups, alternation,
    quantifiers, look-arounds, flag groups): a sound over-approximation, checked against `regex`
    itself by tests/test_boilerplate_rules.py.

    >>> sorted(literal_starts("(?:share|tweet)(?: this)?:?", 3))
    ['sha', 'twe']
    """
    found, _ = _alternation(pattern, 0, k)
    return None if found is None else frozenset(found)


def _alternation(p: str, i: int, k: int) -> tuple[set[str] | None, int]:
    out: set[str] | None = set()
    seq: set[str] | None = {""}
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            out = None if seq is None or out is None else out | seq
            seq, i = {""}, i + 1
            continue
        if seq is None or all(len(s) == k for s in seq):  # the rest of the branch is moot: skip it
            found = _STRUCTURE.search(p, i)
            i = len(p) if found is None else found.start()
            if i < len(p) and p[i] not in "|)":
                i = _skip(p, i)
            continue
        item, i = _item(p, i, k)
        item, i = _quantified(p, i, item, k)
        seq = None if item is None else _concat(seq, item, k)
        if seq is not None and len(seq) > MAX_STARTS:
            seq = None
    return (None if seq is None or out is None else out | seq), i


_STRUCTURE = re.compile(r"[\\\[()|]")


def _skip(p: str, i: int) -> int:
    """The end of the item at `i`, read without working out what a group matches."""
    if p[i] != "(":
        return _item(p, i, 0)[1]  # an escape, a class or a character: cheap to read
    depth = 0
    while True:
        if p[i] == "\\":
            i += 2
            continue
        if p[i] == "[":
            i = _item(p, i, 0)[1]
            continue
        depth += (p[i] == "(") - (p[i] == ")")
        i += 1
        if not depth:
            return i


def _concat(a: set[str], b: set[str], k: int) -> set[str]:
    return {s if len(s) == k else (s + t)[:k] for s in a for t in (b if len(s) < k else ("",))}


def _quantified(p: str, i: int, item: set[str] | None, k: int) -> tuple[set[str] | None, int]:
    if i >= len(p) or p[i] not in "?*+{":
        return item, i
    if p[i] == "{":
        j = p.index("}", i)
        low, comma, high = p[i + 1:j].partition(",")
        least, most = int(low or 0), (None if comma and not high else int(high or low or 0))
        i = j + 1
    else:
        least, most = {"?": (0, 1), "*": (0, None), "+": (1, None)}[p[i]]
        i += 1
    if i < len(p) and p[i] in "?+":  # lazy or possessive
        i += 1
    if item is None:
        return None, i
    result, current = ({""} if least == 0 else set()), {""}
    for n in range(1, max(least, k if most is None else min(most, k), 1) + 1):
        current = _concat(current, item, k)
        if n >= least:
            result |= current
            if all(len(s) == k for s in current):
                break
    return result, i


def _item(p: str, i: int, k: int) -> tuple[set[str] | None, int]:
    c = p[i]
    if c == "\\":
        e = p[i + 1]
        if e in "bBAZG":  # zero width
            return {""}, i + 2
        if e.isalnum():  # a class (\w, \p{L}) or a code (\x41): not worked out
            j = i + 2
            if j < len(p) and p[j] == "{":
                j = p.index("}", j) + 1
            return None, j
        return {e.lower()}, i + 2
    if c == "(":
        j = i + 1
        if p.startswith("?", j):
            j += 1
            if p[j] in "=!" or p.startswith("<=", j) or p.startswith("<!", j):
                _, end = _alternation(p, j + (2 if p[j] == "<" else 1), k)
                return {""}, end + 1  # a look-around only narrows what matches
            if p.startswith("P<", j):
                j = p.index(">", j) + 1
            else:
                while p[j] not in ":)":
                    j += 1
                if p[j] == ")":  # a flag group such as (?i)
                    return {""}, j + 1
                j += 1
        found, end = _alternation(p, j, k)
        return found, end + 1
    if c == "[":
        j = i + 1
        j += p[j] == "^"
        j += p[j] == "]"
        while p[j] != "]":
            j += 2 if p[j] == "\\" else 1
        return None, j + 1
    if c == ".":
        return None, i + 1
    if c in "^$":
        return {""}, i + 1
    return {c.lower()}, i + 1


NUMERIC_DATE = (r"\d{1,2}[./-]\d{1,2}[./-]\d{4}(?![./-]\d)"
                r"|(?<![^\W\d_] )\d{1,2}[./-]\d{1,2}[./-]\d{2}(?![./-]\d)"
                r"|\d{4}-\d{2}-\d{2}")
"""Dates written in digits ("05.11.2023", "11/05/23", "2023-11-05"), read alike in every language.
A version number has the same shape ("Python 3.10.12"): one with more parts, or one with a
two-digit last part right after a word, is no date. A date after a word ("am 3.10.12") is missed;
a dateline mostly stands alone or after a name and a comma."""


def date_pattern(months: Iterable[str]) -> Any:
    """A date inside a line: in digits, or with a month name of the rule files' `months`
    ("9 Nov 2023", "Nov 9, 2023", "22. Juni 2022", "5 de noviembre de 2023")."""
    names = "|".join(sorted(map(regex.escape, months), key=len, reverse=True)) or "(?!)"
    return regex.compile(
        rf"(?i)(?<!\w)(?:\d{{1,2}}(?:st|nd|rd|th|er|º)?\.? ?(?:de )?(?:{names})\.?,?(?: de)? \d{{4}}"
        rf"|(?:{names})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|{NUMERIC_DATE})(?!\w)")

