"""Where an article ends: comment sections and teaser lists below it, inline teasers inside it.

Every article here is written for these tests; each heuristic has a case that must change and a
case that must not.
"""

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


def page(*parts):
    return "\n".join(line for part in parts for line in ([part] if isinstance(part, str) else part)) + "\n"


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


def test_a_signature_above_the_share_row_stays():
    text = page("Library closes for repairs", EN_BODY, "Best wishes", "Anna Example", "Share this:", "Facebook",
                "Twitter", "WhatsApp")
    out, _ = clean(text)
    assert out == page("Library closes for repairs", EN_BODY, "Best wishes", "Anna Example")
