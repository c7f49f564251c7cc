"""Site boilerplate through the command line: learn, clean --profile, clean --learn."""

import json
import random

import pytest

from cleantext.cli import main

SITES = {
    f"site{n}.example": [f"Welcome to the {n} Gazette reader portal", f"All content copyright the {n} Gazette group",
                         f"Follow the {n} Gazette on every network you use"]
    for n in ("north", "south", "east", "west", "harbour")
}
TOPICS = ["river", "market", "school", "bridge", "harvest", "museum", "railway", "festival", "clinic", "library"]


def _article(rng, n):
    words = rng.sample(TOPICS, 3)
    body = [f"Story {n}: the {words[0]} near the {words[1]} was discussed by residents on day {rng.randint(1, 999)}, "
            f"and the council said the {words[2]} budget would be reviewed before the next meeting in spring number {n}."
            for _ in range(2)]
    body[1] = body[1].replace("Story", "Later the report")
    return body


def _build(root, order_seed):
    rng = random.Random(7)
    docs = []
    for site, chrome in SITES.items():
        for n in range(200):
            docs.append((site, n, "\n\n".join([chrome[0], *_article(rng, n), chrome[1], chrome[2]]) + "\n"))
    random.Random(order_seed).shuffle(docs)  # files are created in a different order each time
    for site, n, text in docs:
        path = root / site / f"doc{n:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def _outputs(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


@pytest.fixture(scope="module")
def learned(tmp_path_factory):
    root = tmp_path_factory.mktemp("sites")
    corpus = root / "in"
    _build(corpus, order_seed=1)
    profile = root / "profile.json"
    assert main(["learn", str(corpus), "-o", str(profile), "-q"]) == 0
    return root, corpus, profile


def test_learn_finds_each_sites_lines(learned):
    root, corpus, profile = learned
    data = json.loads(profile.read_text(encoding="utf-8"))
    assert sorted(data["sites"]) == sorted(SITES)
    assert all(len(site["lines"]) == 3 and site["docs"] == 200 for site in data["sites"].values())


def test_clean_with_profile_removes_site_lines_and_keeps_stories(learned):
    root, corpus, profile = learned
    out = root / "out-j1"
    assert main(["clean", str(corpus), "-o", str(out), "--profile", str(profile), "-q", "-j", "1"]) == 0
    text = (out / "sitenorth.example" / "doc0007.txt").read_text(encoding="utf-8")
    assert "Gazette" not in text
    assert text.startswith("Story 7:") and "Later the report 7:" in text


def test_outputs_do_not_depend_on_workers_or_file_order(learned, tmp_path):
    root, corpus, profile = learned
    assert main(["clean", str(corpus), "-o", str(tmp_path / "a"), "--profile", str(profile), "-q", "-j", "1"]) == 0
    other = tmp_path / "shuffled"
    _build(other, order_seed=2)
    other_profile = tmp_path / "profile.json"
    assert main(["learn", str(other), "-o", str(other_profile), "-q", "-j", "2"]) == 0
    assert other_profile.read_bytes() == profile.read_bytes()
    assert main(["clean", str(other), "-o", str(tmp_path / "b"), "--learn", "-q", "-j", "2"]) == 0
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "b")


def test_profile_that_does_not_exist_is_a_usage_error(learned, tmp_path, capsys):
    root, corpus, profile = learned
    assert main(["clean", str(corpus), "--check", "--profile", str(tmp_path / "nope.json")]) == 2
    assert "no such file" in capsys.readouterr().err
