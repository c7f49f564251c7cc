"""Site boilerplate learned from a corpus: found, order-free, mergeable, saved, used by the step."""

import random

from cleantext.boilerplate import BoilerplateOptions, remove_boilerplate
from cleantext.document import Document, apply_edits
from cleantext.sites import count, learn, line_hash, Profile

SITES = {
    f"site{n}.example": [f"Site {n} home", f"Subscribe to the site {n} letter", f"Site {n} footer: terms and privacy"]
    for n in range(5)
}
NOUNS = "river bridge council harbour ferry school market train museum forest valley storm".split()


def generated(n_docs=1000, seed=7):
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        site = f"site{i % 5}.example"
        head, letter, foot = SITES[site]
        body = [f"The {rng.choice(NOUNS)} story {i}-{k} tells of the {rng.choice(NOUNS)} near "
                f"{rng.choice(NOUNS)} {rng.randrange(10**9)}." for k in range(rng.randint(3, 8))]
        # the letter prompt is on 60% of pages, a seasonal banner on 10%
        lines = [head] + body + ([letter] if rng.random() < 0.6 else []) + (["Winter sale"] if rng.random() < 0.1 else []) + [foot]
        docs.append((site, "\n".join(lines) + "\n"))
    return docs


def test_learn_finds_each_sites_lines():
    profile = learn(generated())
    for site, lines in SITES.items():
        learned = profile.lines_for(site)
        assert {line_hash(x) for x in lines} <= learned
        assert line_hash("Winter sale") not in learned
        assert len(learned) == 3
        assert profile.docs[site] == 200


def test_order_and_split_do_not_change_the_profile():
    docs = generated()
    shuffled = docs[:]
    random.Random(1).shuffle(shuffled)
    whole = learn(docs, sample_size=150)
    assert learn(shuffled, sample_size=150) == whole
    merged = count(shuffled[:333], 150).merge(count(shuffled[333:], 150)).profile()
    assert merged == whole


def test_profile_round_trip_and_use_in_the_step(tmp_path):
    profile = learn(generated(200))
    path = tmp_path / "profile.json"
    profile.save(str(path))
    assert Profile.from_json(path.read_text()) == profile
    text = ("Site 2 home\nThe ferry crossed the bay in the storm, and the passengers waited below deck until "
            "the harbour came into sight.\nSite 2 footer: terms and privacy\n")
    options = BoilerplateOptions(profile=str(path))
    edits = remove_boilerplate(Document(text, metadata={"site": "site2.example"}), options)
    assert [e.reason for e in edits] == ["site-boilerplate", "site-boilerplate"]
    assert apply_edits(text, edits).startswith("The ferry")
    assert not remove_boilerplate(Document(text, metadata={"site": "other.example"}), options)


def test_sites_from_folders_and_records(tmp_path):
    from cleantext.sites import folder_items, record_items

    for n in range(6):
        page = tmp_path / "news.example" / "2024" / f"p{n}.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"Menu\nA story about the {NOUNS[n]} in town.\n", encoding="utf-8")
    (tmp_path / "loose.txt").write_text("Menu\n", encoding="utf-8")
    items = list(folder_items(str(tmp_path)))
    assert [s for s, _ in items].count("news.example") == 6
    assert (tmp_path.name, "Menu\n") in items
    profile = learn(items)
    assert profile.lines_for("news.example") == {line_hash("Menu")}
    assert list(record_items([{"site": "a", "text": "x"}])) == [("a", "x")]
