"""Where an article ends: comment sections and teaser lists below it, inline teasers inside it.

Every article here is written for these tests; each heuristic has a case that must change and a
case that must not.
"""

import pytest

from cleantext.boilerplate import remove_boilerplate
from cleantext.document import Document, apply_edits

DE_BODY = [
    "Der Gemeinderat hat am Montag beschlossen, die alte Brücke über den Fluss im kommenden Frühjahr zu sanieren.",
    "Die Arbeiten sollen nach Angaben der Verwaltung etwa vier Monate dauern und werden mehr kosten, als die Stadt eingeplant hatte.",
    "Während der Sanierung wird der Verkehr über eine Behelfsbrücke geleitet, die neben dem alten Bauwerk entsteht.",
    "Anwohner hatten sich seit Jahren über den schlechten Zustand der Brücke beschwert und mehr Tempo gefordert.",
    "Der Bürgermeister sagte, er sei froh, dass die Finanzierung nun endlich gesichert sei und die Arbeiten beginnen könnten.",
]
EN_BODY = [
    "The library on the market square will close for two weeks in August while the roof is repaired by a local firm.",
    "Staff said that the reading room had been damp for most of the winter and that some of the old maps were at risk.",
    "During the closure the mobile library will visit the villages on the hill twice a week, as it did last year.",
    "The council has set aside money for new shelves as well, which will be built in the autumn after the roof is done.",
    "Readers can return their books at the town hall, where a box will stand next to the main door until the library opens.",
]


def clean(text):
    edits = remove_boilerplate(Document(text))
    out = apply_edits(text, edits)
    assert not remove_boilerplate(Document(out)) or apply_edits(out, remove_boilerplate(Document(out))) == out
    return out, edits


def page(*parts, sep="\n"):
    """The lines of `parts` (strings and lists of strings), one a line or, with `sep="\\n\\n"`, with
    a blank line between each two."""
    return sep.join(line for part in parts for line in ([part] if isinstance(part, str) else part)) + "\n"


LAYOUTS = pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["one-a-line", "blank-between"])


def test_comments_below_the_comment_form_go_with_it():
    comments = [
        "Schreibe einen Kommentar",
        "Anna meinte dazu:",
        "Das wurde aber auch Zeit, ich fahre jeden Tag mit dem Rad über diese Brücke und habe mich oft geärgert.",
        "Peter meinte dazu:",
        "Ich bin gespannt, ob die Arbeiten wirklich nur vier Monate dauern werden, bei uns dauert alles länger.",
    ]
    text = page("Brücke wird saniert", DE_BODY, comments)
    out, edits = clean(text)
    assert out == page("Brücke wird saniert", DE_BODY)
    assert {e.reason for e in edits} <= {"comment-form", "page-tail"}


def test_a_comment_form_label_above_most_of_the_body_ends_nothing():
    text = page("Brücke wird saniert", DE_BODY[:1], "Schreibe einen Kommentar", DE_BODY[1:])
    out, _ = clean(text)
    for line in DE_BODY:
        assert line in out.splitlines()


def test_a_teaser_list_below_the_article_goes():
    teasers = ["Related articles", "New bus timetable starts on Monday", "Swimming pool opens its doors again",
               "Road works on the bridge road", "Town band plays in the park", "Market hall gets a new roof",
               "School choir wins a prize", "Harvest festival in the old town", "Football club finds a new coach",
               "Bakery on the corner closes after fifty years"]
    out, edits = clean(page("Library closes for repairs", EN_BODY, teasers))
    assert out == page("Library closes for repairs", EN_BODY)
    assert edits[0].reason == "related-links"


def test_an_inline_read_more_teaser_keeps_the_article_after_it():
    text = page("Library closes for repairs", EN_BODY[:3], "Read more:", "Mobile library visits the hill villages",
                EN_BODY[3:], "Related articles", "New bus timetable starts on Monday")
    out, _ = clean(text)
    for line in EN_BODY:
        assert line in out.splitlines()


def test_a_comment_count_goes_but_does_not_end_the_article():
    # a blog author may carry the text on in replies below the count: only the count line goes
    reply = "Danke für die Frage: Die Behelfsbrücke ist auch für Radfahrer freigegeben, das hat die Stadt bestätigt."
    text = page("Brücke wird saniert", DE_BODY, "3 Gedanken zu „Brücke wird saniert“", reply)
    out, edits = clean(text)
    assert out == page("Brücke wird saniert", DE_BODY, reply)
    assert [e.reason for e in edits] == ["comment-count"]


def test_comment_form_notices_in_several_languages():
    for body, notice in ((DE_BODY, "Kommentare sind geschlossen."), (EN_BODY, "Log in to reply"),
                         (EN_BODY, "Join the conversation")):
        out, edits = clean(page("Title of the page", body, notice))
        assert out == page("Title of the page", body)
        assert [e.reason for e in edits] == ["comment-form"]


def test_sentences_about_comments_stay():
    for line in ("Die Kommentare der Leser waren geschlossen gegen den Plan, schrieb die Zeitung am Dienstag.",
                 "Three comments from the audience were read out before the vote on the new bridge.",
                 "Join the conversation at the town hall on Friday, when the council presents the plan."):
        out, edits = clean(page("Title of the page", EN_BODY, line, EN_BODY[0]))
        assert line in out.splitlines()


def test_the_weaker_end_evidence_never_pushes_a_page_past_the_removal_guard():
    # the comment thread below the form holds almost as many words as the article, and the
    # newsletter boxes are removed anyway: cutting the thread as well would take more than half of
    # the words, so the page keeps the older trim, which removes only the labelled lines
    signup = "Melden Sie sich jetzt für unseren Newsletter an und erhalten Sie jede Woche die Nachrichten aus der Stadt"
    comments = [f"Ich wohne seit {n} Jahren direkt an der Brücke und finde, dass die Stadt viel zu lange gewartet hat."
                for n in range(10, 14)]
    text = page(signup, signup, "Brücke wird saniert", DE_BODY, "Schreibe einen Kommentar", comments)
    out, edits = clean(text)
    assert all(line in out.splitlines() for line in DE_BODY + comments)
    assert signup not in out
    assert sum(len(e.old.split()) for e in edits) <= len(text.split()) / 2


def test_a_table_of_figures_after_the_body_keeps_its_bare_numbers():
    table = ["Technische Daten", "Zylinder", "4", "Hubraum in ccm", "1.598", "Höchstgeschwindigkeit in km/h",
             "187", "Verbrauch in Liter", "5,2", "Länge in cm", "478,5"]
    text = page("Kleinwagen im Test", DE_BODY, table)
    out, _ = clean(text)
    assert out == text


def test_teaser_headings_by_shape():
    for body, heading in ((DE_BODY, "Weitere spannende Artikel"), (DE_BODY, "Meistgelesene Artikel"),
                          (EN_BODY, "Latest sports stories"), (EN_BODY, "Most emailed stories")):
        out, edits = clean(page("Title of the page", body, heading, body[0]))
        assert heading not in out.splitlines()
        assert all(line in out.splitlines() for line in body)


def test_an_author_box_below_the_body_ends_the_article():
    bio = "Anna Beispiel schreibt seit zehn Jahren über die Stadt und ihre Brücken, am liebsten mit dem Rad."
    teasers = ["Neuer Busfahrplan ab Montag", "Freibad öffnet wieder", "Baustelle an der Ringstraße"]
    out, edits = clean(page("Brücke wird saniert", DE_BODY, "Über die Autorin", bio, teasers))
    assert out == page("Brücke wird saniert", DE_BODY)
    assert edits[0].reason == "author-box"


def test_an_author_box_under_the_headline_takes_only_its_heading():
    bio = "Anna Beispiel schreibt seit zehn Jahren über die Stadt und ihre Brücken, am liebsten mit dem Rad."
    out, _ = clean(page("Brücke wird saniert", "Über die Autorin", bio, DE_BODY))
    assert out == page("Brücke wird saniert", bio, DE_BODY)


def test_a_footer_menu_above_the_first_footer_label_goes():
    footer = ["Unsere Zeitung", "Anzeigen buchen", "Leserservice", "Impressum", "Datenschutz"]
    out, edits = clean(page("Brücke wird saniert", DE_BODY, footer))
    assert out == page("Brücke wird saniert", DE_BODY)


def test_menu_items_with_function_words_go_next_to_a_labelled_menu():
    # "Über uns" and "Werben bei uns" are half function words: alone they could be a short
    # headline, next to the labelled menu they are its items; the headline itself stays
    footer = ["Über uns", "Werben bei uns", "Leserservice", "Impressum", "Datenschutz"]
    out, _ = clean(page("Brücke wird saniert", DE_BODY, footer))
    assert out == page("Brücke wird saniert", DE_BODY)
    head = ["Startseite", "Politik", "Kontakt", "Über uns", "Werben bei uns", "Lokales"]
    out, _ = clean(page(head, "Lokales", "Die Brücke am Markt", "Brücke wird saniert", DE_BODY))
    assert out == page("Die Brücke am Markt", "Brücke wird saniert", DE_BODY)


def test_the_head_chain_stops_at_a_standfirst():
    # a "Close" button below the standfirst is the article's own chrome: the chain of the page
    # head's labels does not reach over the headline and the standfirst to it
    standfirst = "The reading room has been damp all winter and some of the old maps are at risk, staff say"
    head = ["Home", "Log in", "Privacy Policy", "Local news"]
    text = page(head, "Library roof to be repaired", standfirst, "Close", "By", "Anna Example", "12 May 2024", EN_BODY)
    out, _ = clean(text)
    assert page("Library roof to be repaired", standfirst) in out
    assert "Privacy Policy" not in out


def test_a_signature_above_the_share_row_stays():
    text = page("Library closes for repairs", EN_BODY, "Best wishes", "Anna Example", "Share this:", "Facebook",
                "Twitter", "WhatsApp")
    out, _ = clean(text)
    assert out == page("Library closes for repairs", EN_BODY, "Best wishes", "Anna Example")


FR_BODY = [
    "La mairie a annoncé lundi que la piscine du quartier nord rouvrira ses portes au début du mois prochain, après deux ans de travaux.",
    "Les nageurs pourront profiter d'un bassin plus grand et d'une salle de sport qui sera ouverte le soir jusqu'à vingt-deux heures.",
    "Selon le maire, le chantier a coûté un peu plus que prévu, mais la ville a reçu une aide de la région pour le financer.",
]
ES_BODY = [
    "El ayuntamiento aprobó el martes un plan para plantar dos mil árboles en las calles del centro antes del final del verano.",
    "Los vecinos podrán elegir en una votación las especies que se plantarán en cada barrio, según explicó la concejala de medio ambiente.",
    "La ciudad espera que la sombra de los árboles reduzca la temperatura de las calles durante las olas de calor de los próximos años.",
]


def dated_teasers(items):
    """A list of teasers: section, headline and dateline per item."""
    return [line for section, headline, date in items for line in (section, headline, date)]


EN_TEASERS = dated_teasers([
    ("Local", "New bus timetable starts on Monday", "Nov 9, 2023"),
    ("Sport", "Town band plays in the park", "Nov 8, 2023"),
    ("Culture", "Market hall gets a new roof", "7 November 2023"),
    ("Local", "Swimming pool opens its doors again", "11/06/2023"),
])


@LAYOUTS
def test_a_list_of_dated_teasers_below_the_article_goes(sep):
    cases = [
        (EN_BODY, EN_TEASERS, "Privacy Policy"),
        (DE_BODY, dated_teasers([("Region", "Neuer Fahrplan für die Buslinien", "22. Juni 2022"),
                                 ("Kultur", "Stadtkapelle spielt im Park", "20. Juni 2022"),
                                 ("Sport", "Schwimmbad öffnet wieder", "8. Juni 2022")]), "Impressum"),
        (FR_BODY, dated_teasers([("Culture", "Le marché couvert change de toit", "5 novembre 2023"),
                                 ("Sport", "Le club de rugby monte en première division", "3 nov. 2023"),
                                 ("Ville", "Nouveaux horaires pour les bus", "1 novembre 2023")]), "Mentions légales"),
        (ES_BODY, dated_teasers([("Cultura", "La banda municipal toca en el parque", "5 de noviembre de 2023"),
                                 ("Deportes", "El equipo de baloncesto gana la liga", "4 de noviembre de 2023"),
                                 ("Ciudad", "Nuevos horarios del autobús", "2 nov 2023")]), "Aviso legal"),
    ]
    for body, teasers, footer in cases:
        text = page("Headline of the story", body, teasers, footer, sep=sep)
        out, edits = clean(text)
        assert out == page("Headline of the story", body, sep=sep), out
        assert {e.reason for e in edits} >= {"page-tail"}


def test_a_dated_gallery_inside_the_article_stays():
    # captions with their dates, and the article goes on below them with a long paragraph
    gallery = dated_teasers([("Photo", "Waves over the harbour wall", "2 November 2020"),
                             ("Photo", "Queues outside the shops", "1 November 2020"),
                             ("Photo", "Lanterns on the river", "31 October 2020")])
    more = ("The library will also lend out its reading glasses again, which it stopped doing during the winter, "
            "and volunteers who help with the move of the old maps to the dry cellar of the town hall are still "
            "being sought, the staff said on Friday in a letter to the readers.")
    text = page("Library closes for repairs", EN_BODY, gallery, more, "Privacy Policy")
    out, _ = clean(text)
    for line in EN_BODY + gallery + [more]:
        assert line in out.splitlines()


@LAYOUTS
def test_a_chronology_of_datelines_in_a_row_stays(sep):
    # one date per line, no other line between them: a table of the article, not a list of items
    chronology = ["12 March 2021 Council votes for the repairs", "3 May 2021 Firm chosen for the roof",
                  "1 June 2021 Work begins on the roof", "20 August 2021 Library opens again"]
    text = page("Library closes for repairs", EN_BODY, "How it happened", chronology, "Privacy Policy", sep=sep)
    out, _ = clean(text)
    for line in chronology:
        assert line in out.splitlines()


def test_two_dated_items_or_a_dated_list_above_most_of_the_body_stay():
    two = EN_TEASERS[:6]
    text = page("Library closes for repairs", EN_BODY, two, "Privacy Policy")
    out, _ = clean(text)
    for line in two:
        assert line in out.splitlines()
    text = page("Library closes for repairs", EN_BODY[:1], EN_TEASERS, EN_BODY[1:], "Privacy Policy")
    out, _ = clean(text)
    for line in EN_TEASERS:
        assert line in out.splitlines()


def test_a_body_line_with_a_date_is_no_dateline():
    # sentences that name dates are prose, however many of them follow one another
    dated = ["On 3 May 2021 the council chose the firm that will repair the roof of the library.",
             "Work began on 1 June 2021, and it should be done by the end of the month, the staff said.",
             "The library opened again on 20 August 2021 with a small party for the readers."]
    text = page("Library closes for repairs", EN_BODY, "Short news", dated[0], "More", dated[1], "Also", dated[2],
                "Privacy Policy")
    out, _ = clean(text)
    for line in dated:
        assert line in out.splitlines()


EN_SUMMARIES = [
    "New bus timetable starts on Monday",
    "The buses to the hill villages will run every half hour, the transport office said on Friday.",
    "Town band plays in the park",
    "The band will give three concerts in the park this summer, the first of them in the middle of June.",
    "Market hall gets a new roof",
    "Work on the roof of the market hall is to begin in the spring and should be done by the autumn.",
]


def test_a_teaser_list_with_summaries_below_the_article_goes():
    for label in ("Related articles", "Share this:", "© 2024 Valley News"):
        text = page("Library closes for repairs", EN_BODY, label, EN_SUMMARIES, "Privacy Policy")
        out, edits = clean(text)
        assert out == page("Library closes for repairs", EN_BODY), (label, out)
    de_teasers = [
        "Neuer Fahrplan für die Buslinien",
        "Die Busse in die Dörfer am Hang fahren ab Montag jede halbe Stunde, teilte die Stadt mit.",
        "Stadtkapelle spielt im Park",
        "Die Kapelle gibt in diesem Sommer drei Konzerte im Park, das erste schon Mitte Juni.",
    ]
    text = page("Brücke wird saniert", DE_BODY, "Weitere Artikel", de_teasers, "Impressum")
    out, _ = clean(text)
    assert out == page("Brücke wird saniert", DE_BODY)


def test_an_inline_teaser_label_above_more_of_the_article_stays():
    # the label is followed by one teaser and the article's last paragraphs, one after another
    closing = ["The firm that repairs the roof has worked on the church and the school before, the council said.",
               "The library's staff will spend the two weeks sorting the old maps and mending their covers."]
    for label in ("Read more:", "Related articles", "© 2024 Valley News"):
        text = page("Library closes for repairs", EN_BODY, label, "Mobile library visits the hill villages",
                    closing, "Privacy Policy")
        out, _ = clean(text)
        for line in EN_BODY + closing + ["Mobile library visits the hill villages"]:
            assert line in out.splitlines(), (label, line)


def test_a_related_label_followed_by_a_paragraph_stays():
    last = "Further details on the closure are on the library's page and on the notice board at the town hall."
    text = page("Library closes for repairs", EN_BODY, "Related articles", last, "Privacy Policy")
    out, _ = clean(text)
    assert last in out.splitlines()


def test_a_prompt_to_comment_ends_the_article_once_half_of_it_is_above():
    thread = ["Anna meinte dazu:",
              "Das wurde aber auch Zeit, ich fahre jeden Tag mit dem Rad über diese Brücke und habe mich oft geärgert."]
    for prompt in ("Jetzt kommentieren", "Kommentar abgeben"):
        out, edits = clean(page("Brücke wird saniert", DE_BODY, prompt, thread))
        assert out == page("Brücke wird saniert", DE_BODY), prompt
    out, _ = clean(page("Library closes for repairs", EN_BODY, "Write a comment", "Privacy Policy"))
    assert out == page("Library closes for repairs", EN_BODY)
    # above most of the body it is only a label: the article goes on below it
    out, _ = clean(page("Brücke wird saniert", DE_BODY[:1], "Jetzt kommentieren", DE_BODY[1:]))
    assert out == page("Brücke wird saniert", DE_BODY)


def test_datelines_in_six_languages():
    from cleantext.rules import compiled
    dates = compiled((), (), ()).dates
    for line in ["Nov 9, 2023", "November 9th, 2023", "9th November 2023", "22. Juni 2022", "3. Jänner 2021 | 10:25",
                 "1er décembre 2019", "5 nov. 2023 à 14h", "5 de noviembre de 2023", "12 de março de 2022",
                 "7 settembre 2021", "05.11.2023", "2023-11-05", "Anna Berg, 11/06/2023"]:
        assert dates.search(line), line
    for line in ["Mai", "3 May", "Im Jahr 2023", "Seite 2 von 12", "Tel. 089 231416", "Version 2.1.4"]:
        assert not dates.search(line), line


def test_a_dated_list_below_the_article_keeps_its_last_paragraph():
    # the date may stand under the headline or above it: the walk up to the first item's headline
    # must stop at the article's closing paragraph, whatever the item's layout
    closing = ("The library thanks its readers for their patience and hopes to see all of them again "
               "in September, the staff said.")
    items = [("New bus timetable starts on Monday", "Nov 9, 2023", "Buses run every half hour."),
             ("Town band plays in the park", "Nov 8, 2023", "Three concerts this summer."),
             ("Market hall gets a new roof", "Nov 7, 2023", "Work begins in spring.")]
    short = "The library thanks its readers for their patience."  # too short to be body-like
    for last in (closing, short):
        for order in ((0, 1, 2), (1, 0, 2)):
            teasers = [item[k] for item in items for k in order]
            text = page("Library closes for repairs", EN_BODY, last, teasers, "Privacy Policy")
            out, _ = clean(text)
            for line in EN_BODY + [last]:
                assert line in out.splitlines(), (order, line)
            assert teasers[-1] not in out.splitlines(), order


def test_a_dated_gallery_followed_by_short_paragraphs_stays():
    # news paragraphs are seldom long enough to be LONG_WORDS: two in a row below the dated
    # lines show that the article goes on
    gallery = dated_teasers([("Photo", "Waves over the harbour wall", "2 November 2020"),
                             ("Photo", "Queues outside the shops", "1 November 2020"),
                             ("Photo", "Lanterns on the river", "31 October 2020")])
    more = ["The staff will lend out the reading glasses again as soon as the roof has been finished next month.",
            "Anyone who wants to help carry the old maps down to the cellar of the town hall can sign up there."]
    for sep in ("\n", "\n\n"):
        text = sep.join(["Library closes for repairs", *EN_BODY, *gallery, *more, "Privacy Policy"]) + "\n"
        out, _ = clean(text)
        for line in EN_BODY + gallery + more:
            assert line in out.splitlines(), (sep, line)


@LAYOUTS
def test_subheads_below_a_photo_credit_or_a_related_label_stay(sep):
    # a photo credit carries a © but no year, unlike a footer's copyright line; and an article's
    # last sections, a subhead over one paragraph each, alternate just like teasers with summaries
    sections = ["The roof", "A firm from the valley will replace the slates and the old beams, which have rotted in places.",
                "The maps", "The oldest maps will be kept in the cellar of the town hall until the reading room is dry."]
    for label in ("© Anna Berg/dpa", "Related:"):
        text = page("Library closes for repairs", EN_BODY[:3], label, "The reading room after the storm",
                    sections, "Privacy Policy", sep=sep)
        out, _ = clean(text)
        for line in EN_BODY[:3] + sections:
            assert line in out.splitlines(), (label, line)


def test_version_numbers_are_no_dates():
    from cleantext.rules import compiled
    dates = compiled((), (), ()).dates
    for line in ["Python 3.10.12", "Release 1.12.10.3", "Node 18.12.01"]:
        assert not dates.search(line), line
    for line in ["Berlin, 03.10.12", "05.11.23", "11/05/23"]:
        assert dates.search(line), line


FR_BODY = [
    "Le conseil municipal a voté lundi soir la rénovation du vieux marché couvert, fermé depuis le printemps dernier.",
    "Les travaux doivent durer six mois et coûteront plus cher que prévu, selon les services de la mairie.",
    "Pendant le chantier, les commerçants s'installeront sur la place de l'église, comme ils l'avaient fait en hiver.",
    "Les habitants du quartier réclamaient depuis des années une toiture neuve et des allées plus larges.",
    "Le maire s'est dit soulagé que le financement soit enfin bouclé et que le chantier puisse commencer en mai.",
]
FR_BODY += [
    "Le projet prévoit aussi une salle pour les producteurs de la vallée, qui vendront leurs fromages le samedi.",
    "Une partie des anciennes halles en fer sera conservée, à la demande des architectes des monuments historiques.",
    "La région participe au financement à hauteur d'un tiers, le reste étant pris en charge par la commune.",
    "L'opposition a voté contre le projet, qu'elle juge trop coûteux pour une ville de cette taille.",
    "Le chantier sera suivi par un comité de riverains, qui se réunira une fois par mois à la mairie.",
]
FR_TEASERS = [
    "Régions",
    "Le nouveau pont ouvre à la circulation",
    "Les voitures pourront traverser le fleuve dès la semaine prochaine, a annoncé la préfecture vendredi.",
    "Culture",
    "La fanfare joue au parc",
    "La fanfare donnera trois concerts au parc cet été, le premier à la mi-juin, devant le kiosque rénové.",
    "Sport",
    "Le club de football change d'entraîneur",
]
FR_FOOTER_BLURB = ("Le Journal de la Vallée est un quotidien régional indépendant qui couvre depuis 1950 "
                   "toute l'actualité des communes de la vallée, de leurs écoles, de leurs clubs et de leurs "
                   "associations, et qui publie chaque semaine un supplément gratuit sur la vie culturelle "
                   "de la région et sur les marchés.")


def test_a_related_label_over_teasers_with_summaries_ends_the_article_above_a_long_footer_blurb():
    # the summaries are sentence-shaped and the footer blurb is a long paragraph: only the shape of
    # the lines after the label (headlines, each summary alone) shows that the article has ended
    text = page("Le marché couvert sera rénové", FR_BODY, "À lire aussi", FR_TEASERS, FR_FOOTER_BLURB,
                "Mentions légales")
    out, edits = clean(text)
    assert out == page("Le marché couvert sera rénové", FR_BODY)
    assert edits[0].reason == "related-links"


def test_a_related_label_over_more_paragraphs_in_a_row_stays():
    closing = ["Les commerçants ont salué la décision, tout en demandant que le chantier ne dure pas plus longtemps.",
               "La mairie a promis une réunion publique avant l'été pour présenter les plans du nouveau marché."]
    text = page("Le marché couvert sera rénové", FR_BODY, "À lire aussi", "Régions", closing, FR_FOOTER_BLURB,
                "Mentions légales")
    out, _ = clean(text)
    for line in FR_BODY + closing:
        assert line in out.splitlines(), line


def test_a_run_of_labels_below_the_article_ends_it():
    # a share row starts the page footer, whose teasers and blurb are body-like; no single label
    # there is an end-of-article marker, but three labels in a row below the body are the chrome
    text = page("Le marché couvert sera rénové", FR_BODY, "Facebook", "Twitter", "E-mail", FR_TEASERS)
    out, _ = clean(text)
    assert out == page("Le marché couvert sera rénové", FR_BODY)


def test_a_run_of_labels_above_the_end_of_the_body_takes_only_itself():
    closing = ["Les commerçants ont salué la décision, tout en demandant que le chantier ne dure pas plus longtemps.",
               "La mairie a promis une réunion publique avant l'été pour présenter les plans du nouveau marché."]
    # above the first paragraphs, then with most of the body above it and the last two below
    for before, after in ((FR_BODY[:2], FR_BODY[2:]), (FR_BODY, closing)):
        text = page("Le marché couvert sera rénové", before, "Facebook", "Twitter", "E-mail", after)
        out, _ = clean(text)
        assert out == page("Le marché couvert sera rénové", before, after)


def test_a_run_of_labels_never_pushes_a_page_past_the_removal_guard():
    # below the share row, a long list of teaser headlines and two summaries: ending the article at
    # the row would take more than half of the words, so only the labelled lines go
    headlines = [f"Le conseil de la commune numéro {n} vote son budget" for n in range(40)]
    summaries = FR_TEASERS[2:3] + FR_TEASERS[5:6]
    text = page("Le marché couvert sera rénové", FR_BODY, "Facebook", "Twitter", "E-mail", headlines, summaries)
    out, edits = clean(text)
    assert out == page("Le marché couvert sera rénové", FR_BODY, headlines, summaries)
    assert sum(len(e.old.split()) for e in edits) <= len(text.split()) / 2


def test_a_trim_that_would_take_most_of_the_page_leaves_only_the_labels_to_go():
    # forty teaser headlines below a short article: trimming from the label would take more than
    # half of the words, so the trim has misread the page; the label still goes, the rest is reported
    headlines = [f"Council number {n} sets its budget for the coming year" for n in range(40)]
    text = page("Library roof to be repaired", EN_BODY, "Most popular", headlines)
    out, edits = clean(text)
    assert out == page("Library roof to be repaired", EN_BODY, headlines)
    assert [e.old for e in edits if e.applied] == ["Most popular\n"]
    held = [e for e in edits if not e.applied]
    assert "".join(e.old for e in held) == page(headlines)
    assert {e.reason for e in held} == {"too-much-boilerplate"}
    assert all(e.detail.startswith("page-tail: the page trim would remove ") for e in held)


def test_the_pitch_of_a_box_goes_with_its_heading_and_its_button():
    pitch = "The Valley Courier is free to read, but reporting from the hill villages costs money."
    text = page("Library roof to be repaired", EN_BODY, "Support our journalism", pitch, "Donate now",
                "Privacy Policy")
    out, edits = clean(text)
    assert out == page("Library roof to be repaired", EN_BODY)
    assert any(e.old.startswith(pitch) and e.reason == "donation" for e in edits)


def test_a_paragraph_between_two_advertisement_labels_stays():
    # an ad slot above and below a paragraph is no box: the paragraph is the article's
    text = page("Library roof to be repaired", EN_BODY[:2], "Advertisement", EN_BODY[2], "Advertisement", EN_BODY[3:])
    out, _ = clean(text)
    assert out == page("Library roof to be repaired", EN_BODY)


def test_a_short_post_between_its_title_and_its_share_row_stays():
    # a post of one sentence and two lines of dialogue, with the comment form's sentences far
    # below it: a lone body line between labels is still the article's first line
    post = ["Nothing to do is an option too", "14 June 2013 at 20:51",
            "“I know I am tired and should not say this to you at all.”",
            "– “Then do not say it.”", "– “Fine.”"]
    form = ["Share this:", "Twitter", "Facebook", "Like this:", "Like Loading...", "Related posts",
            "Leave a Reply Cancel reply", "Enter your comment here...", "Gravatar", "Email (never made public)",
            *[f"You are commenting using your {site} account to reply to this post on the blog." for site in
              ("WordPress.com", "Google", "Twitter", "Facebook")]]
    out, _ = clean(page("Home", "About", post, form))
    assert page(post[2:]) in out
