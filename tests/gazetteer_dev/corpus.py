"""A synthetic article corpus for the gazetteer throughput benchmark.

Articles are built from news-style sentence templates with countries, demonyms, cities, real
public figures and invented surnames (so the matcher meets names it has not cached), and about one
misspelt place per article. Deterministic for a given seed.
"""

from __future__ import annotations

import random

from cleantext.names import _data, read_table

SENTENCES = [
    "{Person} arrived in {city} on {day} for talks with officials from {country}.",
    "The {demonym} government said it would review the agreement before the end of the year.",
    "Speaking after the meeting, {person} said both sides had agreed to keep talking.",
    "Trade between {country} and {country2} rose by {n} per cent last year, according to customs data.",
    "Analysts said the decision could weaken the {demonym} currency in the coming weeks.",
    "Protesters gathered outside the parliament in {city}, calling for the release of {person}.",
    "The minister of finance, {person}, presented the budget to lawmakers on {day}.",
    "Heavy rains have displaced more than {n},000 people in the north of {country}, aid groups said.",
    "{org} said it had not been consulted before the announcement.",
    "In a statement, the {demonym} foreign ministry described the move as unacceptable.",
    "Flights between {city} and {city2} were cancelled because of a strike by air traffic controllers.",
    "The central bank kept its main rate unchanged at {n} per cent.",
    "Security forces were deployed across {city} ahead of the vote.",
    "{Person}, a former adviser to the president, told reporters the plan had little support.",
    "The company, which is based in {city}, employs about {n},000 people.",
    "Officials from {country} and {country2} are expected to sign the deal next month.",
    "The opposition leader, {person}, accused the government of ignoring rising prices.",
    "Teachers in {country} have been on strike since {day}, demanding higher pay.",
    "The {demonym} army said its soldiers had repelled an attack near the border.",
    "Grain exports through the port of {city} resumed after a two-week pause.",
    "{Person} will travel to {city} next week, a spokesperson said.",
    "Several {demonym} companies have already expressed interest in the tender.",
    "The report, published by {org}, found that poverty had fallen in most regions.",
    "Fuel shortages have led to long queues at petrol stations in {city}.",
    "Residents said the power had been cut for most of the night.",
    "It was not immediately clear how many people had been injured.",
    "The talks are expected to resume after the holiday.",
    "Prices of staple foods have risen sharply since the start of the year.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORGS = ["Reuters", "the World Bank", "the African Union", "ECOWAS", "Amnesty International", "the IMF",
        "the United Nations", "Human Rights Watch", "the European Commission", "Interpol"]
FIRST = ["Amadou", "Ibrahim", "Maria", "Jean", "Fatima", "Olga", "Ahmed", "Sergei", "Aminata", "David",
         "Moussa", "Elena", "Yusuf", "Claire", "Kwame", "Li", "Hassan", "Ana", "Issa", "Peter"]
SYLLABLES = ["ba", "zou", "ma", "ki", "ne", "to", "ra", "di", "ou", "sa", "ga", "lo", "mi", "ko", "be",
             "ye", "vku", "rov", "ine", "tia", "dou", "ssa", "nko", "la", "fo", "min", "zei"]
TYPOS = [("Nigeria", "Nigeira"), ("Nigerien", "Ngerièn"), ("Ethiopia", "Ethopia"), ("Kenya", "Kenyaa"),
         ("Moscow", "Mosocw"), ("Senegal", "Senagal"), ("Cameroon", "Camerron"), ("Ghanaian", "Ghanian")]


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def make_articles(count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    rows = read_table(_data("countries.tsv").read_text(encoding="utf-8"))
    countries = [r[0] for r in rows if r[1] == "country"]
    demonyms = [r[0] for r in rows if r[1] == "demonym" and "ambiguous" not in r[4]]
    cities = ["Niamey", "Lagos", "Dakar", "Nairobi", "Moscow", "Paris", "Abuja", "Bamako", "Cairo", "Accra",
              "Istanbul", "Berlin", "Kinshasa", "Addis Ababa", "Johannesburg", "London", "Madrid", "Tunis"]
    articles = []
    for _ in range(count):
        people = [f"{rng.choice(FIRST)} {_surname(rng)}" for _ in range(3)]
        paragraphs = []
        for _ in range(rng.randint(8, 16)):
            sentences = []
            for _ in range(rng.randint(1, 3)):
                person = rng.choice(people)
                sentences.append(rng.choice(SENTENCES).format(
                    Person=person, person=person if rng.random() < 0.5 else person.split()[-1],
                    city=rng.choice(cities), city2=rng.choice(cities), country=rng.choice(countries),
                    country2=rng.choice(countries), demonym=rng.choice(demonyms), day=rng.choice(DAYS),
                    org=rng.choice(ORGS), n=rng.randint(2, 40)))
            paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
        text = "\n\n".join(paragraphs) + "\n"
        right, wrong = rng.choice(TYPOS)
        articles.append(text.replace(right, wrong, 1))
    return articles
