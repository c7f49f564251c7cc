"""Language labelling with langdetect. It labels a document; it never edits one.

langdetect samples n-grams at random, so an unseeded detector can give two answers for the same
text; the factory here is seeded, which makes the label a function of the text alone. It is
unreliable on short text ("Hello world" comes out Dutch), so anything shorter than `min_chars`
letters, or any answer below `min_score`, is labelled "und" (undetermined, as in BCP 47).

langdetect's own code spends most of a call in per-character Python: normalising, splitting
into n-grams, and 7 random trials that multiply 55 probabilities per step. `_ngrams` and
`_trial` compute exactly what langdetect computes (same n-grams, same random draws, same float
operations, so with `early_stop=0` the label and score are langdetect's, bit for bit) with
translation tables, a per-word cache and list arithmetic. On top of that, a clear case stops
early: when the first `early_stop` trials all converge on one language, the remaining trials
would almost surely agree, and the answer is that language with score 1.0 (what langdetect
reports whenever all 7 converge on it).
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import threading
from dataclasses import dataclass
from itertools import islice, repeat
from operator import add, mul, truediv

import regex

try:
    from ._trial import trial as _c_trial
except ImportError:  # built without a C compiler: the pure-Python trial below is the same
    _c_trial = None

UNDETERMINED = "und"
# Before 3.12, `sum` of floats adds them left to right, as the C trial does itself; from 3.12 it
# compensates rounding, and the C trial calls it to get the same bits.
_SUM = None if sys.version_info < (3, 12) and sys.implementation.name == "cpython" else sum
_LETTERS = regex.compile(r"\p{L}")
_factory = None
_lock = threading.Lock()  # langdetect's profile loading is not thread-safe


@dataclass(frozen=True)
class LanguageOptions:
    min_chars: int = 40
    """Fewer letters than this and the label is "und": langdetect guesses wildly on short text."""
    min_score: float = 0.90
    """Probability the top language needs; below it the label is "und"."""
    sample_chars: int = 1000
    """Only this much of the text is read: langdetect's cost grows with the sample, and on news a
    1,000-character prefix ran 2.4x faster than the whole text."""
    early_stop: int = 2
    """Stop after this many trials if they all converged on the same language (score 1.0); 0 runs
    all 7 of langdetect's trials. On the generated benchmark corpus (six languages) 2 gave the
    same labels as 0 on every document; see benchmarks/README.md."""


def _detector_factory():
    global _factory
    with _lock:
        if _factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.set_seed(0)
            _factory = factory
    return _factory


def detect(text: str, options: LanguageOptions = LanguageOptions()) -> tuple[str, float]:
    """The language of `text` as (ISO 639-1 code, probability), or ("und", score) when unsure.

    >>> detect("The minister arrived in the capital on Monday for talks with the government.")[0]
    'en'
    >>> detect("Hello world")
    ('und', 0.0)
    """
    sample = text[: options.sample_chars]
    if not _at_least(_LETTERS, sample, options.min_chars):
        return UNDETERMINED, 0.0
    model = _model()
    ngrams = _ngrams(sample, model)
    if not ngrams:  # langdetect: "No features in text"
        return UNDETERMINED, 0.0
    rng = random.Random(model.seed)
    total = [0.0] * len(model.langs)
    winners = set()
    for trial in range(model.n_trial):
        prob, converged = _trial(ngrams, model, rng)
        if options.early_stop:
            best = max(range(len(prob)), key=prob.__getitem__)
            winners.add(best if converged else -1)
            if trial + 1 == options.early_stop and len(winners) == 1 and -1 not in winners:
                return model.langs[best], 1.0
        for j, p in enumerate(prob):
            total[j] += p / model.n_trial
    best = max(range(len(total)), key=total.__getitem__)  # first of equals, as langdetect's sort
    if total[best] <= model.prob_threshold:
        return UNDETERMINED, 0.0
    score = round(total[best], 4)
    if score < options.min_score:
        return UNDETERMINED, score
    return model.langs[best], score


def _at_least(pattern, text: str, count: int) -> bool:
    """Whether `pattern` matches `text` `count` times or more; it stops looking at `count`."""
    return count <= 0 or next(islice(pattern.finditer(text), count - 1, None), None) is not None


class _Model:
    """langdetect's profiles and constants, read once.

    langdetect's factory turns its 55 JSON profiles into one probability list per n-gram up
    front, in a Python loop that is most of a fresh process's first label (about 0.45 s) and
    tens of MB per process. Here the profiles' counts are kept as loaded and each n-gram's list
    is computed the first time it is drawn, with langdetect's arithmetic, in its language order.
    """

    def __init__(self):
        from langdetect.detector import Detector
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.utils.ngram import NGram

        factory = DetectorFactory()
        factory.set_seed(0)
        detector = Detector(factory)
        self.langs, profiles, size = _read_profiles(PROFILES_DIRECTORY)
        self.probs = _Probabilities(profiles, size)
        self.known = frozenset().union(*(freq for freq, _ in profiles))
        self.seed, self.n_trial, self.alpha = detector.seed, detector.n_trial, detector.alpha
        self.max_text_length = detector.max_text_length
        self.alpha_width, self.base_freq = Detector.ALPHA_WIDTH, Detector.BASE_FREQ
        self.iteration_limit, self.conv_threshold = Detector.ITERATION_LIMIT, Detector.CONV_THRESHOLD
        self.prob_threshold = Detector.PROB_THRESHOLD
        self.url_re, self.mail_re, self.normalize_vi = Detector.URL_RE, Detector.MAIL_RE, NGram.normalize_vi
        self.vi_mark = re.compile(f"[{re.escape(NGram.DMARK_CLASS)}]")  # what normalize_vi composes
        self.table = _NormalizeTable(NGram.normalize)
        self.words: dict[str, tuple[list[str], list[str]]] = {}


def _read_profiles(directory: str) -> tuple[list[str], list[tuple[dict, list]], int]:
    """The profiles in langdetect's order (its `load_profile`: directory order, dot files and
    folders skipped but counted in the list length)."""
    names = os.listdir(directory)
    langs, profiles = [], []
    for name in names:
        path = os.path.join(directory, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        langs.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    return langs, profiles, len(names)


class _Probabilities(dict):
    """n-gram -> one probability per language, as langdetect's `add_profile` computes it."""

    def __init__(self, profiles: list[tuple[dict, list]], size: int):
        super().__init__()
        self.profiles, self.padding = profiles, [0.0] * (size - len(profiles))

    def __missing__(self, word: str) -> list[float]:
        length = len(word)
        self[word] = probs = [1.0 * freq[word] / n_words[length - 1] if word in freq else 0.0
                              for freq, n_words in self.profiles] + self.padding
        return probs


class _NormalizeTable(dict):
    """A `str.translate` table that asks langdetect's per-character normaliser once per character."""

    def __init__(self, normalize):
        super().__init__()
        self.normalize = normalize

    def __missing__(self, code: int) -> str:
        self[code] = value = self.normalize(chr(code))
        return value


_model_instance = None


def _model() -> _Model:
    global _model_instance
    if _model_instance is None:
        with _lock:
            if _model_instance is None:
                _model_instance = _Model()
    return _model_instance


_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")  # langdetect: >= U+0300, not Latin Ext. Additional


def _ngrams(sample: str, model: _Model) -> list[str]:
    """The n-grams langdetect's `append`, `cleaning_text` and `_extract_ngrams` give, in order."""
    # Each rewrite needs a character most samples lack; a substring test is far cheaper than the
    # pattern it skips, and a skipped rewrite would have changed nothing.
    text = model.url_re.sub(" ", sample) if "://" in sample else sample
    text = model.mail_re.sub(" ", text) if "@" in text else text
    text = model.normalize_vi(text) if model.vi_mark.search(text) else text
    text = text[: model.max_text_length]
    text = _SPACES.sub(" ", text) if "  " in text else text
    non_latin = len(_NON_LATIN.findall(text))  # mostly none, or a few curly quotes
    if non_latin and not _at_least(_LATIN, text, (non_latin + 1) // 2):  # Latin * 2 < non-Latin
        text = _LATIN.sub("", text)
    words = text.translate(model.table).split(" ")
    result: list[str] = []
    cache = model.words
    last = len(words) - 1
    for i, word in enumerate(words):
        if not word:
            continue
        grams = cache.get(word)
        if grams is None:
            grams = cache[word] = _word_ngrams(word, model.known)
            if len(cache) > 200_000:  # a bound for endless streams of new words
                cache.clear()
        result += grams[0] if i < last else grams[1]
    return result


def _word_ngrams(word: str, known) -> tuple[list[str], list[str]]:
    """langdetect's n-grams of one word after a space: (followed by a space, at the text's end)."""
    out: list[str] = []
    grams, capital = " ", False
    for ch in word:
        last = grams[-1]
        grams = (grams if len(grams) < 3 else grams[1:]) + ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if not capital:
            _emit(grams, known, out)
    at_end = list(out)
    _emit((grams if len(grams) < 3 else grams[1:]) + " ", known, out)  # a space is never upper case
    return out, at_end


def _emit(grams: str, known, out: list[str]) -> None:
    for n in (1, 2, 3):
        if len(grams) < n:
            break
        w = grams[-n:]
        if w != " " and w in known:
            out.append(w)


def _trial(ngrams: list[str], model: _Model, rng: random.Random) -> tuple[list[float], bool]:
    """One of langdetect's trials, with its float operations in its order.

    langdetect multiplies each probability by (weight + p(n-gram | language)) in a Python loop and
    normalises every fifth step; `map` over `operator` functions does the same products in C, and
    the five products between two checks are chained into one pass over the languages (each
    element still meets the same operations in the same order). `rng._randbelow` is what
    `rng.choice` draws with. Where the C trial is built (`_trial.c`), it runs the same loop,
    about 8x faster, with the same draws and float operations.
    """
    n = len(model.langs)
    alpha = model.alpha + rng.gauss(0.0, 1.0) * model.alpha_width
    if _c_trial is not None:
        return _c_trial(ngrams, model.probs, rng._randbelow, n, alpha / model.base_freq,
                        model.conv_threshold, model.iteration_limit, _SUM)
    prob = [1.0 / n] * n
    weights = [alpha / model.base_freq] * n
    probs, draw, count = model.probs, rng._randbelow, len(ngrams)
    # p * (q + weight): IEEE addition is commutative, so this is langdetect's p * (weight + q)
    prob = list(map(mul, prob, map(add, probs[ngrams[draw(count)]], weights)))  # step 0
    step = 0
    while True:
        total = sum(prob)
        prob = list(map(truediv, prob, repeat(total, n)))
        if max(prob) > model.conv_threshold:
            return prob, True
        if step >= model.iteration_limit:
            return prob, False
        chained = iter(prob)
        for _ in range(5):
            chained = map(mul, chained, map(add, probs[ngrams[draw(count)]], weights))
        prob = list(chained)
        step += 5
