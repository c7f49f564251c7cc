"""Language labels: the fast path computes what langdetect computes.

With `early_stop=0` the label and score must be langdetect's own, exactly, for any text: same
n-grams, same random draws, same float operations. With the default early stop the label may
differ only in ambiguous cases, which these tests do not pin; they pin clear cases.
"""

import random

import pytest
from hypothesis import given, settings, strategies as st
from langdetect.lang_detect_exception import LangDetectException

from cleantext import language
from cleantext.language import UNDETERMINED, LanguageOptions, _detector_factory, _LETTERS, detect

EXACT = LanguageOptions(early_stop=0)


def langdetect_reference(text: str, options: LanguageOptions = EXACT) -> tuple[str, float]:
    """The label computed through langdetect's own Detector, as this module did before."""
    sample = text[: options.sample_chars]
    if len(_LETTERS.findall(sample)) < options.min_chars:
        return UNDETERMINED, 0.0
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


CLEAR = [
    ("en", "The regional council said on Tuesday that the new water pipeline would reach the northern "
           "villages before the rainy season, after two years of delays and rising costs."),
    ("fr", "Le conseil régional a annoncé mardi que la nouvelle conduite d’eau atteindrait les villages "
           "du nord avant la saison des pluies, après deux ans de retard."),
    ("de", "Der Regionalrat kündigte am Dienstag an, dass die neue Wasserleitung die Dörfer im Norden "
           "noch vor der Regenzeit erreichen werde, nach zwei Jahren Verspätung."),
    ("es", "El consejo regional anunció el martes que la nueva tubería de agua llegará a los pueblos del "
           "norte antes de la temporada de lluvias, tras dos años de retrasos."),
    ("it", "Il consiglio regionale ha annunciato martedì che il nuovo acquedotto raggiungerà i villaggi "
           "del nord prima della stagione delle piogge, dopo due anni di ritardi."),
    ("pt", "O conselho regional anunciou na terça-feira que a nova conduta de água chegará às aldeias do "
           "norte antes da estação das chuvas, depois de dois anos de atrasos."),
]


@pytest.mark.parametrize("code,text", CLEAR)
def test_clear_cases_get_their_language_with_and_without_early_stop(code, text):
    assert detect(text) == (code, 1.0)
    assert detect(text, EXACT) == langdetect_reference(text) == (code, 1.0)


@pytest.mark.parametrize("text", ["Hello world", "", "12 345 678 / 2024-05-01 https://example.org/a?b=c",
                                  "ÉTAT D’URGENCE À NIAMEY: LES ÉCOLES FERMÉES JUSQU’À NOUVEL ORDRE"])
def test_short_capital_or_letterless_text(text):
    assert detect(text, EXACT) == langdetect_reference(text)


def test_latin_minority_in_cyrillic_text_is_dropped_as_langdetect_does():
    text = "Министр финансов заявил во вторник, что бюджет на следующий год будет принят в декабре. OK Google"
    assert detect(text, EXACT) == langdetect_reference(text) == ("ru", 1.0)


words = st.sampled_from(
    "the and water minister der die und Wasser le la et eau el los agua il acqua o água "
    "ÉTAT NIAMEY Niger nigérien Zeine Mody café naïve straße über ção mañana perché "
    "— “ ” ’ « » . , ; 123 4,5 % http://x.org/a mail@example.com  \t "
    "tie\u0302\u0301ng Vie\u0323t ha\u0300 no\u0309i".split(" "))  # decomposed Vietnamese marks
sentences = st.lists(words, min_size=5, max_size=120).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(sentences)
def test_exact_mode_equals_langdetect(text):
    assert detect(text, EXACT) == langdetect_reference(text)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=40, max_size=300))
def test_exact_mode_equals_langdetect_on_any_text(text):
    assert detect(text, EXACT) == langdetect_reference(text)


def test_sample_bound_is_respected():
    text = CLEAR[1][1] * 3 + " " + CLEAR[0][1] * 20
    assert detect(text, LanguageOptions(sample_chars=300)) == ("fr", 1.0)


def _compiler() -> bool:
    import shutil
    import sysconfig

    return bool(shutil.which((sysconfig.get_config_var("CC") or "cc").split()[0]))


@pytest.mark.skipif(not _compiler(), reason="no C compiler: the pure-Python trial is used")
def test_the_c_trial_is_built_where_a_compiler_is():
    assert language._c_trial is not None


@pytest.mark.skipif(language._c_trial is None, reason="the C trial is not built")
@settings(max_examples=120, deadline=None)
@given(sentences, st.integers(0, 2**32 - 1))
def test_c_trial_equals_the_python_trial(text, seed):
    model = language._model()
    ngrams = language._ngrams(text, model)
    if not ngrams:
        return
    trials = []
    for c_trial in (language._c_trial, None):
        rng = random.Random(seed)
        original, language._c_trial = language._c_trial, c_trial
        try:
            trials.append([language._trial(ngrams, model, rng) for _ in range(3)] + [rng.random()])
        finally:
            language._c_trial = original
    assert trials[0] == trials[1]  # every probability, the convergence flags and the draws used
