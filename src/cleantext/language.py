"""Language labelling with langdetect. It labels a document; it never edits one.

langdetect samples n-grams at random, so an unseeded detector can give two answers for the same
text; the factory here is seeded, which makes the label a function of the text alone. It is
unreliable on short text ("Hello world" comes out Dutch), so anything shorter than `min_chars`
letters, or any answer below `min_score`, is labelled "und" (undetermined, as in BCP 47).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import regex

UNDETERMINED = "und"
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
    if len(_LETTERS.findall(sample)) < options.min_chars:
        return UNDETERMINED, 0.0
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(sample)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return UNDETERMINED, 0.0
    score = round(best.prob, 4)
    if score < options.min_score:
        return UNDETERMINED, score
    return best.lang, score
