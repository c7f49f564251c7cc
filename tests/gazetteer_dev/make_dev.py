"""Generate the gazetteer development set: sentences with misspelt places, and sentences to keep.

    PYTHONPATH=src python tests/gazetteer_dev/make_dev.py

Writes typos.jsonl (text with one misspelling, the misspelt span, the expected spelling) and
keep.jsonl (text that must come out unchanged), reproducibly (fixed seed). The templates are
written for this project in a news style; the names are facts. A generated misspelling that is
itself a known spelling (a GeoNames alternate name, another language's form) or a common English
word is dropped, because it is a real word and no corrector should change it.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from cleantext.names import common_words
from cleantext.names import fold_key, load_gazetteer, lower_key, read_table, _data

HERE = Path(__file__).resolve().parent
random.seed(20231128)

COUNTRY_TEMPLATES = [
    "Officials in {x} said the talks would resume next week.",
    "The delegation from {x} arrived late on Tuesday evening.",
    "Exports from {x} rose by 4 per cent in the last quarter, the central bank said.",
    "Aid agencies warned that the drought in {x} could displace thousands of families.",
    "The foreign minister travelled to {x} for a two-day visit focused on trade.",
    "Relations between {x} and its neighbours have cooled since the election.",
    "Thousands marched through the capital of {x} on Saturday to demand reforms.",
    "A court in {x} sentenced two journalists to prison, drawing international criticism.",
    "The IMF approved a new loan for {x} after months of negotiations.",
    "Flights to {x} were suspended as the storm approached the coast.",
    "Analysts expect {x} to post stronger growth than forecast this year.",
    "Election observers deployed across {x} reported a calm first round.",
    "The embassy of {x} issued a statement condemning the attack.",
    "Farmers in northern {x} say the rains came three weeks late.",
    "Security forces in {x} have been on alert since the weekend.",
    "The national team of {x} qualified for the finals with a late goal.",
    "Oil production in {x} fell sharply after the pipeline was damaged.",
    "Mining companies operating in {x} face a new tax on exports.",
    "The president of {x} is expected to attend the summit in person.",
    "Human rights groups accused authorities in {x} of detaining critics without charge.",
    "Inflation in {x} reached its highest level in a decade, official data showed.",
    "Refugees fleeing the fighting crossed into {x} over the weekend.",
    "The border between {x} and its neighbour reopened after two months.",
    "Diplomats said {x} had agreed to host the next round of negotiations.",
]
DEMONYM_TEMPLATES = [
    "The {x} government announced a curfew in three regions.",
    "{x} troops withdrew from the border town on Friday.",
    "A {x} court upheld the ruling on appeal.",
    "The {x} foreign ministry summoned the ambassador.",
    "Several {x} journalists were briefly detained during the protest.",
    "{x} officials declined to comment on the report.",
    "The {x} Prime Minister arrived in the capital for talks on security.",
    "According to the {x} army, the convoy was attacked at dawn.",
    "{x} authorities said the dam would be completed next year.",
    "The {x} president signed the decree on Wednesday.",
    "Local {x} media reported heavy rain in the south.",
    "The {x} national carrier cancelled dozens of flights.",
    "A {x} delegation is expected in Geneva next month.",
    "The {x} currency weakened against the dollar after the announcement.",
    "{x} farmers have protested against the new import rules.",
    "The {x} minister of defence met his counterpart on Monday.",
]
CITY_TEMPLATES = [
    "The meeting took place in {x} on Monday.",
    "Protesters gathered in central {x} despite the ban.",
    "Flights from {x} resumed after a six-hour delay.",
    "The minister arrived in {x} late on Sunday for talks.",
    "Residents of {x} woke to the sound of gunfire.",
    "Prices for bread in {x} have doubled since January.",
    "The summit in {x} ended without a joint statement.",
    "A new metro line opened in {x} this week.",
    "Police in {x} arrested six people after the clashes.",
    "The conference, held in {x}, drew delegates from forty countries.",
    "Heavy rain flooded several districts of {x} overnight.",
    "He was born in {x} and studied law abroad.",
    "The company moved its headquarters to {x} last year.",
    "Talks in {x} are expected to continue until Friday.",
]
KEYBOARD = {c: n for c, n in zip("qwertyuiopasdfghjklzxcvbnm", "wqrtyuiopoasdfghjklkzxcvbnm")}
WRONG_ACCENT = {"e": "è", "a": "à", "o": "ò", "i": "ì", "u": "ù", "é": "è", "è": "é", "á": "à", "í": "ì", "ó": "ò"}


def typo(word: str, rng: random.Random) -> tuple[str, str]:
    """One realistic misspelling of `word` and its kind."""
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    inner = [i for i in letters if 0 < i < len(word) - 1]
    kind = rng.choice(["drop", "double", "swap", "wrong", "accent", "accent+drop", "ocr"])
    i = rng.choice(inner or letters)
    if kind == "drop":
        return word[:i] + word[i + 1:], kind
    if kind == "double":
        return word[:i] + word[i] + word[i:], kind
    if kind == "swap" and i + 1 < len(word) and word[i + 1].isalpha():
        return word[:i] + word[i + 1] + word[i] + word[i + 2:], kind
    if kind == "wrong" and word[i].lower() in KEYBOARD:
        return word[:i] + KEYBOARD[word[i].lower()] + word[i + 1:], kind
    vowels = [j for j in letters if word[j].lower() in WRONG_ACCENT and j > 0]
    if kind == "accent" and vowels:
        j = rng.choice(vowels)
        return word[:j] + WRONG_ACCENT[word[j].lower()] + word[j + 1:], kind
    if kind == "accent+drop" and len(vowels) > 1:
        j = rng.choice(vowels)
        changed = word[:j] + WRONG_ACCENT[word[j].lower()] + word[j + 1:]
        k = rng.choice([x for x in inner if abs(x - j) > 1] or inner)
        return changed[:k] + changed[k + 1:], kind
    if kind == "ocr":
        if word[0] == "I" and word[1:2].lower() in "nrstcz":
            return "l" + word[1:], "ocr-l"
        if "m" in word[1:]:
            j = word.index("m", 1)
            return word[:j] + "rn" + word[j + 1:], "ocr-rn"
        if "o" in word[1:]:
            j = word.index("o", 1)
            return word[:j] + "0" + word[j + 1:], "ocr-0"
    return word[:i] + word[i + 1:], "drop"


def targets() -> dict[str, list[str]]:
    rows = read_table(_data("countries.tsv").read_text(encoding="utf-8"))
    countries = [r[0] for r in rows if r[1] == "country" and len(r[0]) >= 5]
    demonyms = [r[0] for r in rows if r[1] == "demonym" and "ambiguous" not in r[4] and len(r[0]) >= 6]
    gazetteer = load_gazetteer(100_000)
    cities = sorted({t.name for ts in gazetteer.targets.values() for t in ts
                     if t.kind in ("capital", "city") and (t.kind == "capital" or t.population >= 1_500_000)
                     and len(t.name) >= 5})
    return {"country": countries, "demonym": demonyms, "city": cities}


def make_typos(count: int) -> list[dict]:
    gazetteer = load_gazetteer(100_000)
    common = common_words(("en",))
    rng = random.Random(7)
    pools = targets()
    templates = {"country": COUNTRY_TEMPLATES, "demonym": DEMONYM_TEMPLATES, "city": CITY_TEMPLATES}
    rows, seen = [], set()
    while len(rows) < count:
        kind = rng.choice(["country", "country", "demonym", "demonym", "city"])
        name = rng.choice(pools[kind])
        word_names = name.split(" ")
        if len(word_names) > 1 and rng.random() < 0.5:
            piece = rng.randrange(len(word_names))
            if len(word_names[piece]) < 5:
                continue
            bad_piece, how = typo(word_names[piece], rng)
            bad = " ".join(word_names[:piece] + [bad_piece] + word_names[piece + 1:])
        else:
            if len(word_names) > 1:
                continue
            bad, how = typo(name, rng)
        if bad == name or lower_key(bad) in gazetteer.known or fold_key(bad) == fold_key(name) and how != "accent":
            continue
        if any(w.lower() in common for w in bad.split(" ") if w not in word_names):
            continue
        template = rng.choice(templates[kind])
        if template.startswith("{x}") is False and kind == "demonym" and template.startswith("{x}"):
            continue
        text = template.format(x=bad)
        if (text, name) in seen:
            continue
        seen.add((text, name))
        rows.append({"text": text, "old": bad, "new": name, "kind": kind, "typo": how,
                     "expected": template.format(x=name)})
    return rows


KEEP = [
    # near-place words used correctly
    "Nigerian officials said the Lagos port would reopen on Monday.",
    "The Nigerien army said its patrol had been ambushed near the border with Mali.",
    "Niger and Nigeria share a long and porous border.",
    "Iran and Iraq signed an agreement on water sharing from the Tigris.",
    "Austria and Australia both sent observers to the vote.",
    "Gambia and Zambia are thousands of kilometres apart but share a similar name.",
    "Mali and Malawi were both hit by poor harvests this year.",
    "Slovakia and Slovenia are often confused by foreign visitors.",
    "Sudan and South Sudan still dispute the oil-rich Abyei area.",
    "Guinea and Guinea-Bissau held talks on their maritime border.",
    "Oman and Yemen agreed to reopen the crossing at Sarfait.",
    "Austrian police said the suspect had been arrested in Vienna.",
    "Australian troops took part in the joint exercise off Darwin.",
    "Iranian and Iraqi ministers met in Baghdad.",
    "Georgian protesters filled the streets of Tbilisi on Sunday night.",
    "The Gambian president addressed parliament in Banjul.",
    "Zambian copper exports rose sharply in March.",
    "Malian and Burkinabè forces launched a joint operation.",
    "Burkinabe farmers complain that fuel prices keep rising.",
    "Ivorian cocoa growers are waiting for the new season price.",
    "Ivoirian officials welcomed the decision.",
    "The Sahel has seen a sharp rise in attacks since 2015.",
    "Sahelian states have left the regional bloc.",
    "Sand from the Sahara reached southern Europe this week.",
    "Leaders from the Maghreb and the Balkans attended the forum.",
    "Tensions in the Caucasus have eased since the ceasefire.",
    "Trade between Turkey and Russia has grown since 2022.",
    "Congolese troops were deployed to the eastern provinces.",
    "Dominican baseball players dominate the league this season.",
    "Filipino workers sent home record remittances last year.",
    "Kazakh and Kyrgyz officials met to discuss water rights.",
    # ordinary words next to places
    "We roasted a turkey for the holiday and invited the neighbours.",
    "Turkey sandwiches were served at the reception.",
    "The children adopted a guinea pig from the shelter.",
    "Chad Smith scored twice in the second half.",
    "Chad Johnson, a former player, now coaches the team.",
    "She served tea in fine china inherited from her grandmother.",
    "Jordan Henderson captained the side on Saturday.",
    "Georgia Smith won the regional spelling contest.",
    "Paris Hilton attended the opening of the hotel.",
    "Victoria Beckham launched a new collection in London.",
    "Florence Pugh starred in the film.",
    "Sydney Sweeney was cast in the lead role.",
    "The hungry crowd waited for the grease-stained bags of chips.",
    "A cypress tree fell across the road during the storm.",
    "The chili was too hot for most of the guests.",
    "The mail arrived late because of the strike.",
    "He squeezed a lime over the fish.",
    "The iron gate was painted black.",
    "Many people see it as a bad omen.",
    # forms in other languages
    "Le Premier ministre nigérien est arrivé lundi à Moscou pour une visite officielle.",
    "Les autorités nigériennes ont annoncé un couvre-feu à Niamey.",
    "Le Tchad et le Niger ont signé un accord de coopération militaire.",
    "L'Irak et l'Iran ont renforcé leurs échanges commerciaux.",
    "Les soldats burkinabè ont repoussé l'attaque près de Djibo.",
    "La Côte d'Ivoire a remporté la Coupe d'Afrique des nations.",
    "Der nigrische Regierungschef reiste nach Moskau.",
    "Österreich und die Türkei unterzeichneten ein Abkommen.",
    "Die Bundesregierung beobachtet die Lage im Tschad mit Sorge.",
    "El primer ministro nigerino llegó a Moscú el lunes.",
    "Irak y Turquía firmaron un acuerdo sobre el agua.",
    "Las autoridades de Níger anunciaron nuevas elecciones.",
    "O primeiro-ministro nigerino chegou a Moscovo na segunda-feira.",
    "A Nigéria e o Chade reforçaram a cooperação militar.",
    "Il primo ministro nigerino è arrivato a Mosca lunedì.",
    "L'Iraq e la Turchia hanno firmato un accordo sull'acqua.",
    # English spellings without accents, and other accepted spellings
    "The flight from Bogota to Sao Paulo was delayed.",
    "Cote d'Ivoire is the largest cocoa producer in the world.",
    "Delegates met in Lome to discuss maritime security.",
    "Talks in Nouakchott and N'Djamena ended without agreement.",
    "Kyiv and Kiev both appear in older reports.",
    "Troops were deployed to Basra and Mosul.",
    "Cologne and Munich hosted the matches.",
    "Burkina Faso, Mali and Niger formed a new alliance.",
    "The Central African Republic has hosted Russian instructors since 2018.",
    "Sierra Leone and Liberia held joint talks.",
    "Papua New Guinea hosted the regional summit.",
    "Türkiye has asked to be called by its own name.",
]
PEOPLE = ["Zeine", "Mody", "Bazoum", "Fomin", "Yevkurov", "Tiani", "Tchiani", "Issoufou", "Tokayev", "Macron",
          "Erdogan", "Tinubu", "Traoré", "Goïta", "Ouattara", "Mnangagwa", "Ramaphosa", "Ruto", "Museveni",
          "Kagame", "Tshisekedi", "Touadéra", "Sonko", "Faye", "Doumbouya", "Déby", "Boko", "Hichilema",
          "Akufo-Addo", "Mahama", "Weah", "Boakai", "Embalo", "Bio", "Talon", "Gnassingbé", "Biya", "Nguema",
          "Sassou", "Kiir", "Burhan", "Dbeibah", "Haftar", "Tebboune", "Saied", "Abiy", "Hassan", "Samia",
          "Lavrov", "Shoigu", "Peskov", "Belousov", "Gerasimov", "Prigozhin", "Zelensky", "Kuleba", "Orban",
          "Vucic", "Aliyev", "Pashinyan", "Kobakhidze", "Mirziyoyev", "Lukashenko", "Bayrou", "Barrot",
          "Sejourne", "Meloni", "Tajani", "Sanchez", "Albares", "Scholz", "Baerbock", "Pistorius", "Lammy",
          "Starmer", "Blinken", "Guterres", "Borrell", "Kallas", "Lagarde", "Georgieva", "Okonjo-Iweala",
          "Mahamadou", "Salifou", "Ousmane", "Sidibé", "Coulibaly", "Konaté", "Diarra", "Keïta", "Cissé",
          "Kaboré", "Damiba", "Zongo", "Sawadogo", "Ouédraogo", "Kinda", "Tapsoba", "Mahamat", "Abakar",
          "Oumarou", "Rhissa", "Massaoudou", "Moumouni", "Amadou", "Laouali", "Garba", "Dillon", "Yerima"]
PERSON_TEMPLATES = [
    "Prime Minister {p} told reporters the visit had been a success.",
    "President {p} is expected to travel abroad next week.",
    "{p} said the government would not bow to pressure.",
    "In a statement, {p} called for calm.",
    "A spokesman for {p} declined to comment.",
    "The minister, {p}, arrived on Monday.",
    "{p}'s office confirmed the meeting.",
    "Critics of {p} say the reforms came too late.",
    "General {p} inspected the troops at the base.",
    "Supporters of {p} gathered outside the court.",
    "{p} met the delegation in the morning.",
    "Speaking to state television, {p} defended the decision.",
]
OTHER = ["Reuters", "Wagner", "ECOWAS", "Airbus", "Gazprom", "Rosatom", "Orano", "Interpol", "Frontex",
         "Amnesty", "Hezbollah", "Hamas", "Boko Haram", "Facebook", "WhatsApp", "Telegram", "Starlink",
         "Eurostat", "Africom", "Barkhane", "Serval", "Takuba", "Minusma", "Sonatrach", "Ecobank"]
OTHER_TEMPLATES = [
    "{p} said the figures would be published next month.",
    "According to {p}, the talks stalled over funding.",
    "A report by {p} described the situation as critical.",
    "The deal with {p} was signed in March.",
]


def make_keep() -> list[dict]:
    rng = random.Random(11)
    rows = [{"text": t, "family": "near-place or foreign"} for t in KEEP]
    for person in PEOPLE:
        for template in rng.sample(PERSON_TEMPLATES, 2):
            rows.append({"text": template.format(p=person), "family": "person"})
    for other in OTHER:
        rows.append({"text": rng.choice(OTHER_TEMPLATES).format(p=other), "family": "organisation"})
    return rows


def main() -> None:
    typos = make_typos(600)
    keep = make_keep()
    for name, rows in (("typos.jsonl", typos), ("keep.jsonl", keep)):
        with open(HERE / name, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(typos)} typo sentences, {len(keep)} keep sentences")


if __name__ == "__main__":
    main()
