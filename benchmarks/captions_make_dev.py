"""Write the captions dev set: scraped-looking articles and their expected clean text.

    python benchmarks/captions_make_dev.py [OUT_DIR]     # default tests/captions_dev

Each base article in captions_articles.py is printed the way scrapers print pages, with one
kind of duplicate (alt text and figcaption, a credit on one copy, a truncated copy, a repeated
headline or pull quote, ...), and the expected output is the clean article with the most
complete copy in the first copy's place. The articles in LEGITIMATE repeat lines on purpose
(refrains, table cells, labels, parallel sentences) and must come out unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from captions_articles import ARTICLES

NBSP = "\u00a0"


def truncate(text: str, share: float, mark: str) -> str:
    cut = text.rfind(" ", 0, int(len(text) * share))
    return text[:cut].rstrip(",;") + mark


def layout(a: dict, top: str, extra: dict[int, str] | None = None, title_again: bool = False,
           quote_at: tuple[int, ...] = ()) -> str:
    """The article as blocks: title, byline, caption slot, paragraphs with insertions after them."""
    blocks = [a["title"], a["byline"]]
    if title_again:
        blocks.append(a["title"])
    blocks.append(top)
    for n, para in enumerate(a["paras"]):
        blocks.append(para)
        if n in quote_at:
            blocks.append(a["quote"])
        if extra and n in extra:
            blocks.append(extra[n])
    return "\n\n".join(blocks) + "\n"


def kinds(a: dict) -> dict[str, tuple[str, str]]:
    """name -> (scraped text, expected text) for one article."""
    cap, alt, credit = a["caption"], a["alt"], a["credit"]
    with_credit = f"{cap} {credit}"
    clean = layout(a, cap)
    return {
        "adjacent": (layout(a, f"{cap}\n{cap}"), clean),
        "credit-later": (layout(a, f"{cap}\n{with_credit}"), layout(a, with_credit)),
        "credit-first": (layout(a, with_credit, {0: cap}), layout(a, with_credit)),
        "truncated-first": (layout(a, truncate(cap, 0.6, "\u2026"), {0: cap}), clean),
        "truncated-later": (layout(a, cap, {1: truncate(cap, 0.7, "...")}), clean),
        "headline": (layout(a, cap, title_again=True), clean),
        "pull-quote": (layout(a, cap, quote_at=(0, 2)), layout(a, cap, quote_at=(0,))),
        "case-quotes": (layout(a, cap, {0: cap.upper().replace("\u2019", "'")}), clean),
        "nbsp": (layout(a, f"{cap}\n{cap.replace(' ', NBSP, 2)}"), clean),
        "credit-prefix": (layout(a, f"{credit} | {cap}\n{cap}"), layout(a, f"{credit} | {cap}")),
        "alt-first": (layout(a, f"{alt}\n{cap}"), clean),
        "alt-later": (layout(a, cap, {0: alt}), clean),
        "far-exact": (layout(a, cap, {2: cap}), clean),
        "combined": (layout(a, f"{truncate(cap, 0.5, '...')}\n{with_credit}", title_again=True,
                            quote_at=(0, 1)), layout(a, with_credit, quote_at=(0,))),
    }


LEGITIMATE = {
    "legit-refrain-en": """\
The harbour song that every fishing town in Cornwall knows

By Rosie Penrose

Few songs are sung as often in the pubs of Newlyn as the old harbour ballad, and its chorus is the part everyone joins in.

The words, collected by a folklorist in 1908, go like this:

Oh the tide comes in at morning
And the boats go out to sea
Bring them home before the storm wind
Bring them home to you and me
The nets were cast at Penzance
The gulls were on the wing
And every wife in Mousehole
Would stand and hear them sing
Bring them home before the storm wind
Bring them home to you and me
The lamps were lit at Lamorna
The wind came from the west
And every child in Newlyn
Was told to take his rest
Bring them home before the storm wind
Bring them home to you and me

Local choirs still close every concert with it, and the harbour master says he hears it on the quay most summer evenings.
""",
    "legit-table-de": """\
Preisvergleich: Was Fitnessstudios in Köln kosten

Von Jana Weber

Wir haben die Monatspreise von vier Ketten verglichen. Die Tabelle zeigt, was im Grundtarif enthalten ist.

Anbieter
Monatspreis
Sauna
Kurse
Studio Nord
29,90 Euro
Im Grundpreis enthalten
Gegen Aufpreis buchbar
Studio Rhein
24,90 Euro
Gegen Aufpreis buchbar
Im Grundpreis enthalten
Studio Dom
34,90 Euro
Im Grundpreis enthalten
Zwei Kurse pro Woche inklusive
Studio Süd
19,90 Euro
Nicht im Angebot enthalten
Gegen Aufpreis buchbar

Wer vor allem Kurse besucht, fährt mit dem zweiten Anbieter am günstigsten. Die Verträge laufen bei allen Ketten mindestens zwölf Monate.
""",
    "legit-labels-fr": """\
Dix questions sur la réforme des retraites

Par la rédaction

Question :
À partir de quand l'âge légal augmente-t-il ?
Réponse :
Le relèvement commence le 1er septembre et se fait par paliers de trois mois par génération.
Question :
Les carrières longues sont-elles concernées ?
Réponse :
Oui, mais un dispositif permet toujours de partir plus tôt à condition d'avoir commencé à travailler jeune.

Qu'est-ce qui change pour les fonctionnaires ?

Les règles de calcul restent les mêmes, seul l'âge de départ est modifié.

Et pour les indépendants ?

Les cotisations évoluent peu, mais la durée de cotisation exigée augmente comme pour les salariés.

Qu'est-ce qui change pour les fonctionnaires ?

Pour les fonctionnaires des catégories actives, comme les policiers, l'âge de départ anticipé recule aussi de deux ans.
""",
    "legit-yesno-es": """\
¿Qué documentos necesito para renovar el pasaporte?

Guía práctica | Madrid

Repasamos los requisitos más habituales en las oficinas de expedición.

¿Hace falta cita previa?
Sí
¿Se puede pagar con tarjeta?
Sí
¿Es obligatorio llevar fotografía?
No
¿Pueden renovarlo los menores solos?
No

* * *

Los menores de edad deben acudir acompañados de uno de sus progenitores o de su tutor legal.

* * *

El pasaporte se entrega en el acto en la mayoría de las oficinas, salvo que haya problemas con el sistema.
""",
    "legit-parallel-it": """\
Abbonamenti ai musei civici: le nuove tariffe

Di Sara Conti, Torino

Il comune ha aggiornato le tariffe degli abbonamenti annuali ai musei civici a partire da gennaio.

L'abbonamento per i residenti costa 30 euro e comprende tutte le mostre temporanee.
L'abbonamento per i residenti costa 20 euro e comprende tutte le mostre temporanee.
L'abbonamento per gli studenti costa 15 euro e comprende tutte le mostre temporanee.

La differenza tra le prime due tariffe dipende dalla fascia di reddito dichiarata al momento dell'iscrizione.

Le tessere si possono acquistare online o alle biglietterie dei musei, con pagamento in contanti o con carta.
""",
    "legit-heading-prefix-pt": """\
Guia de verão: as praias mais limpas da costa portuguesa

Por Marta Ribeiro

As praias com bandeira azul no Algarve

As praias com bandeira azul no Algarve voltaram a aumentar este ano, com mais doze areais distinguidos pela qualidade da água e pelos serviços de apoio.

A costa alentejana

A costa alentejana mantém-se como a mais procurada por quem foge das multidões, sobretudo entre Vila Nova de Milfontes e Odeceixe.
""",
    "legit-options-en": """\
Museum opens its new wing with lower prices

By Daniel Okafor

The city museum reopens on Saturday after a two-year renovation, and the ticket prices have been simplified.

Tickets on sale from Monday:
Single entry for adults
Single entry for adults with a guided tour
Annual pass for students
Annual pass for students and their families
Evening ticket for the late opening
Evening ticket for the late opening with a drink

Groups of more than ten people should book in advance by telephone.
""",
    "legit-subheads-de": """\
Was sich im neuen Jahr für Mieter ändert

Von Petra Lang

Neue Regeln für Mieter in Hamburg

Neue Regeln für Mieter in Hamburg gelten ab dem ersten Januar, wenn die überarbeitete Mietpreisbremse in Kraft tritt und Vermieter strengere Auskunftspflichten haben.

Heizkosten und Abrechnung

Heizkosten und Abrechnung müssen künftig monatlich mitgeteilt werden, damit Mieter ihren Verbrauch besser einschätzen können.
""",
    "legit-list-es": """\
Horarios de la piscina municipal en verano

Deportes | Zaragoza

La piscina del parque abre el 15 de junio con estos horarios y tarifas:
Entrada de mañana para adultos
Entrada de mañana para adultos y niños menores de diez años
Bono de diez baños para jubilados
Bono de diez baños para jubilados y personas con discapacidad

Los bonos se pueden comprar en la taquilla o en la web del ayuntamiento.
""",
    "legit-toc-en": """\
A beginner's guide to keeping chickens in the garden

By Helen Marsh

Contents
Choosing the right breed for you
Building a safe and dry coop
Feeding and fresh water every day
Health checks and common problems

Keeping a few hens is easier than many people think, and the reward is fresh eggs most mornings from spring to autumn.

Before you buy, check with your council and your neighbours: some areas limit the number of birds, and cockerels are rarely welcome.

Start small. Three or four hens are enough for a family, and they need company, so never keep a single bird.

Hens are happiest with room to scratch, a dust bath and somewhere to perch off the ground at night.

Most people buy point-of-lay pullets at around eighteen weeks, which should start laying within a month.

A good supplier will tell you which vaccinations the birds have had and show you where they were raised.

Ask to see the parent birds if you can, and avoid any flock where birds look dull or sneeze.

Bring the hens home in a ventilated box and keep them in the run for the first week so they learn where home is.

Clip the flight feathers of one wing if your fence is low; it does not hurt the bird and grows back after the moult.

Collect eggs every day, and twice a day in hot weather, to keep them clean and stop hens from going broody.

Expect fewer eggs in winter: most hens rest when the days are short, and that is no reason to worry.

Worm the flock twice a year and check under the wings for mites, especially after a warm spell.

Keep feed in a metal bin with a tight lid, because spilt pellets soon bring rats to the garden.

Clean the coop thoroughly once a month and replace the bedding whenever it is damp.

Fresh greens, such as cabbage leaves hung from a string, keep bored hens busy in winter.

Old hens that no longer lay can still live happily for years and keep pests down in the vegetable beds.

Join a local poultry club if there is one: members swap advice, hatching eggs and spare equipment.

Above all, spend time with your birds each day, because you will notice problems early if you know how they normally behave.

CHOOSING THE RIGHT BREED FOR YOU

Hybrid hens lay the most eggs, while traditional breeds are hardier and often live longer.

BUILDING A SAFE AND DRY COOP

A fox can open a weak latch, so use bolts and bury wire mesh around the run.
""",
    "legit-results-en": """\
County cup: all the weekend results

Sport desk

Saturday

Harbour Athletic Football Club
2
Millbrook Rovers Football Club
1
Saturday

Westfield United Football Club
0
Harbour Athletic Football Club
0

Harbour Athletic stay top of the group after two games, with Westfield United a point behind.
""",
}


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("tests/captions_dev")
    out.mkdir(parents=True, exist_ok=True)
    names = list(kinds(ARTICLES[0]))
    written = 0
    for n, article in enumerate(ARTICLES):
        variants = kinds(article)
        chosen = [names[(3 * n + m) % len(names)] for m in range(3)]
        if n % 3 == 0:
            chosen.append("clean")
            variants["clean"] = (layout(article, article["caption"]),) * 2
        for kind in chosen:
            scraped, expected = variants[kind]
            stem = f"{article['lang']}-{article['slug']}-{kind}"
            (out / f"{stem}.txt").write_text(scraped, encoding="utf-8")
            (out / f"{stem}.expected").write_text(expected, encoding="utf-8")
            written += 1
    for stem, text in LEGITIMATE.items():
        (out / f"{stem}.txt").write_text(text, encoding="utf-8")
        (out / f"{stem}.expected").write_text(text, encoding="utf-8")
        written += 1
    print(f"{written} articles in {out}")


if __name__ == "__main__":
    main()
