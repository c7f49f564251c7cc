"""Golden outputs: every article under corpus/ cleans to the expected file beside it.

An article whose expected output depends on a step the pipeline does not have yet is a strict
xfail: it fails the run the day that step lands, so the expectation is then checked for real.
So is an article whose manifest entry names a `known_miss`: a defect the steps are known not to
fix yet (the expected file still says what the right output is).
"""

import sys
from pathlib import Path

import pytest

from cleantext import clean
from cleantext.pipeline import STEPS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).parent.parent / "corpus"
MANIFEST = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))["article"]
STEP_NAMES = {step.name for step in STEPS}


def _articles():
    for article in MANIFEST:
        missing = sorted(set(article["defects"]) - STEP_NAMES)
        marks = [pytest.mark.xfail(strict=True, reason=f"needs step(s) {', '.join(missing)}")] if missing else []
        if "known_miss" in article:
            marks.append(pytest.mark.xfail(strict=True, reason=article["known_miss"]))
        yield pytest.param(article, marks=marks, id=article["path"])


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("article", list(_articles()))
def test_article_cleans_to_its_expected_output(article):
    source = CORPUS / article["path"]
    expected = _read(source.with_suffix(".expected"))
    result = clean(_read(source))
    assert result.text == expected


@pytest.mark.parametrize("article", MANIFEST, ids=lambda a: a["path"])
def test_expected_output_is_left_alone(article):
    expected = _read((CORPUS / article["path"]).with_suffix(".expected"))
    assert [e for e in clean(expected).edits if e.applied] == []


def test_every_article_is_in_the_manifest():
    listed = {a["path"] for a in MANIFEST}
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.txt")}
    assert listed == on_disk
    assert all((CORPUS / p).with_suffix(".expected").is_file() for p in listed)
    assert {a["language"] for a in MANIFEST} >= {"en", "fr", "de"}
    assert len(MANIFEST) >= 12


DEV_ARTICLES = sorted([*CORPUS.rglob("*.txt"), *(CORPUS.parent / "tests" / "captions_dev").glob("*.txt"),
                       *(CORPUS.parent / "tests" / "boilerplate_dev").glob("*.txt"),
                       *(CORPUS.parent / "tests" / "pipeline_dev").glob("*.txt")])


@pytest.mark.parametrize("path", DEV_ARTICLES, ids=lambda p: p.relative_to(CORPUS.parent).as_posix())
def test_cleaning_the_output_again_changes_nothing(path):
    first = clean(_read(path))
    assert [e for e in clean(first.text).edits if e.applied] == []
