"""Where the article body lies on a page, from its structure: the boilerplate step's page trim.

A scraped page is a head (menus, breadcrumbs, share rows), the article, and a tail (teasers,
comment forms, footers). The rules (`cleantext.rules`) label lines; this module reads the shape
of the page around those labels: which lines are prose, where the body's paragraphs cluster, where
the head stops at the headline and where the tail starts (a footer menu, an end-of-article marker,
a list of dated teasers). `plan` turns that into the lines the step removes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleantext.boilerplate import BoilerplateOptions

TERMINAL = frozenset('.!?…:;"»«“”\')')
BODY_WORDS = 10
"""Words a line needs to count as body text; menu items, teasers and labels are shorter."""
BODY_STOP_SHARE = 0.15
"""Share of function words a body line needs: prose sits near 0.4, headline lists and tag clouds near 0."""
MAX_GAP = 8
"""Non-body lines allowed between two body lines of one cluster: a subhead, a caption and an
inline teaser fit; a menu or a teaser list does not. Chosen on a development set of real pages."""
MENU_WORDS = 4
"""Words a menu item has at most ("Kunst & Kultur", "Terms of use")."""
HEADLINE_WINDOW = 4
"""Non-blank lines above the body searched for the headline, byline and date that belong to it."""
MIN_TRIM_LINES = 3
"""A head or tail run is only trimmed when it has this many non-blank lines: one or two short
lines (a dateline, a photo credit) are not evidence of a menu."""


def body_words(line: str, stopwords: frozenset[str]) -> int:
    """The words of a body-like line, else 0. Body-like is long, sentence-shaped and dense in
    function words: the shape of a paragraph of prose."""
    if len(line) < 2 * BODY_WORDS - 1:
        return 0  # too short to hold BODY_WORDS words: skip the split
    if line.isprintable() and "  " not in line and line[0] != " " and line[-1] != " ":
        n = line.count(" ") + 1  # single spaces are its only word breaks: count them, no split
    else:
        n = len(line.split())
    if n < BODY_WORDS or (line[-1] not in TERMINAL and n < 2 * BODY_WORDS):
        return 0
    need = BODY_STOP_SHARE * n
    # Prose carries its function words throughout: the first half of a line nearly always has
    # enough of them. The last word of the half may be cut in two, so it does not count.
    head = line[: len(line) // 2].lower().split()[:-1]
    if sum(map(stopwords.__contains__, head)) >= need:
        return n
    return n if sum(map(stopwords.__contains__, line.lower().split())) >= need else 0


def menu_like(line: str, stopwords: frozenset[str]) -> bool:
    """A menu item: a few words, no digits, no sentence punctuation, few function words."""
    return _item_shape(line) and sum(1 for w in line.split() if w.lower() in stopwords) * 2 < len(line.split())


def _item_shape(line: str) -> bool:
    """The shape of a menu item alone: a few words, no digits, no sentence punctuation. Next to a
    labelled menu that is enough ("About us", "Advertise with us", "Über uns"); on its own a short
    line may be a headline, so the function words must show it is not (`menu_like`)."""
    return len(line.split()) <= MENU_WORDS and line[-1] not in TERMINAL and not any(c.isdigit() for c in line)


def _sentence_like(line: str) -> bool:
    return len(line.split()) >= 4 and line[-1] in TERMINAL


def body_region(lines: list[str], body: list[int]) -> tuple[int, int, int, int] | None:
    """(first, last, words, end of the strongest cluster) of the article body, or None; `body`
    holds each line's `body_words`.

    Body lines form clusters (at most MAX_GAP other lines between two of them). Every cluster
    joins the article, with whatever lies between: an article split by a gallery or an inline
    teaser stays whole. The strongest cluster marks where end-of-article labels may begin.
    """
    clusters: list[list[int]] = []
    prev, gap = -1, 0
    for i, line in enumerate(lines):
        if body[i]:
            if prev >= 0 and gap <= MAX_GAP:
                clusters[-1][1] = i
                clusters[-1][2] += body[i]
            else:
                clusters.append([i, i, body[i]])
            prev, gap = i, 0
        elif line:
            gap += 1
    if not clusters:
        return None
    best = max(clusters, key=lambda c: c[2])
    return clusters[0][0], clusters[-1][1], sum(c[2] for c in clusters), best[1]


END_MARKERS = frozenset({"comment-form", "related-links", "share-row", "newsletter", "author-box",
                         "copyright"})
"""Rule ids whose line and block rules end an article when they follow the bulk of its body (edge
rules are single words such as "Name" or "Twitter": too weak to end anything). An author box
heading counts only below the bulk of the body (`TAIL_SHARE`): the same box can stand under the
headline. A copyright line is a footer's: no article goes on below it; but only one with a year
(`_end_marker`) is a copyright line: "© Anna Berg/dpa" is a photo credit inside the article."""
PARAGRAPH_RUN = 2
"""Body-like lines in a row that show the article going on below an end marker: the article's last
two paragraphs below an inline "Read more:" teaser. On a development set of real pages 3 removed
a few more snippets, but it cuts such an article's last two paragraphs."""
LIST_ENDS = frozenset({"related-links", "share-row", "copyright"})
"""End-of-article markers that also end it below half of its body when they lie below its last long
paragraph and a list follows them (`_list_follows`): a teaser list with summaries, which are
sentence-shaped and so hide the list from `TEASER_RUN`."""
YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _end_marker(line: str, rule_id: str) -> bool:
    """Whether a line labelled `rule_id` (by a line or block rule) is an end-of-article marker."""
    return rule_id in END_MARKERS and (rule_id != "copyright" or YEAR.search(line) is not None)


TAIL_SHARE = 0.8
"""Share of the body's words that must lie above an end-of-article marker for it to end the article.
On a development set of real pages 0.8 lost no article text; 0.6 and 0.7 began to cut it."""
CHAIN_GAP = 6
"""Content lines (not menu items, not labelled) allowed between two labelled lines of the page head.
On a development set of real pages 6 lost no article text; 10 began to cut it."""
PROSE_WORDS = 15
"""Words of a line that no menu item, login prompt or share row reaches: such a line in the page
head is a standfirst or an intro, and a label below it is no longer part of the head's chain. On a
development set of real pages 15 lost no article text; 10 removed less."""
COMMENT_SHARE = 0.5
"""Share of the body's words above a comment-form or comment-section marker for it to end the article.
No article continues below its own comment form, so half the body is enough evidence that the
marker is not a stray label near the top; on a development set of real pages 0.3 and 0.5 lost no
article text."""
TEASER_RUN = 8
"""Lines after a related-links label that must read as a list (headlines, perhaps each with a
one-paragraph summary: no two paragraphs in a row, `_article_goes_on`) for the label to end the
article once half the body is above it. An inline "Read more:" is followed by one teaser and the
article again; a "Related articles" block by a list. On a development set of real pages five lost a
list of press mentions that belonged to the article; eight lost nothing."""
INNER_RUN = 3
"""Labelled lines in a row that are removed inside the text even when each is only an edge label
("Facebook", "Twitter", "E-Mail"): a share row or a menu left in the middle of a page. One or two
such words in a row can be body text, so they stay. Below the bulk of the body (`TAIL_SHARE`, past
its strongest cluster) such a run ends the article as an end-of-article label does: footers,
comment sections and teaser blocks that carry summaries (body-like lines) start with one."""


def _head_cut(lines: list[str], matches: dict[int, tuple[str, str]], stopwords: frozenset[str],
              headline: int) -> int:
    """Where the page head ends: after the last labelled line of the chain that starts at the top
    (each within CHAIN_GAP content lines of the previous one), then on through menu items; never
    past the headline. A list with content (ingredients, facts) between labels breaks the chain,
    and so does a line of prose (PROSE_WORDS)."""
    cut, content = 0, 0
    for i in range(headline):
        if i in matches:
            if content > CHAIN_GAP:
                break
            cut, content = i + 1, 0
        elif lines[i] and not menu_like(lines[i], stopwords):
            if len(lines[i].split()) >= PROSE_WORDS:
                break  # a standfirst or an intro: a label below it belongs to the article's own chrome
            content += 1
    if cut:
        while cut < headline and (not lines[cut] or _item_shape(lines[cut])):
            cut += 1
    return cut


def _bare_number(line: str) -> bool:
    """A line of digits alone ("4", "187"): a pager link, or a value in a table of figures (engine
    data, nutrition facts). It may be removed inside a run of labels, but it never starts the
    page tail, which would cut the rest of such a table."""
    return line.strip().isdigit()


def _ends_article(i: int, lines: list[str], counts: list[int], rule_id: str, words_before: int,
                  total: int, core_end: int, weak_ends: bool = True, last_long: int = -1) -> bool:
    """Whether the end-of-article marker on line `i` ends the article (`counts`: body words a line;
    `last_long`: the last line of the text with `LONG_WORDS` body words or more)."""
    if not weak_ends:
        return words_before >= TAIL_SHARE * total and i > core_end
    if rule_id == "comment-form":
        return words_before >= COMMENT_SHARE * total
    if rule_id == "author-box" and words_before >= TAIL_SHARE * total:
        return True  # the author's biography is prose: the box may lie inside the last cluster
    if words_before >= TAIL_SHARE * total and i > core_end:
        return True
    if rule_id in LIST_ENDS and words_before >= COMMENT_SHARE * total and i > last_long \
            and _list_follows(i, lines, counts):
        return True
    if rule_id == "related-links" and words_before >= COMMENT_SHARE * total:
        after = _next_rows(lines, i + 1, {})
        return len(after) == TEASER_RUN and not counts[after[0]] and not _article_goes_on(after, lines, counts)
    return False


DATE_CHARS = 60
"""A dateline is at most this long: a date, perhaps with a time, an author or a category."""
LIST_DATES = 3
"""Datelines that make a list of dated items (teasers, posts): two can be a dated paragraph and
its update; on a development set of real pages two lost article text, three and four did not."""
LIST_SPAN = 18
"""Non-blank lines the first and last of those datelines may span: items of up to nine lines."""
LONG_WORDS = 40
"""Words of a paragraph that no teaser summary reaches. A dated list, or a list after a related-links,
share or copyright line, is only taken below the article's last such paragraph: above one it is a
gallery, a timeline, an inline teaser or a comment thread inside the article. On a development set
of real pages 60 lost article text, 30 removed less."""


def _last_long(counts: list[int], begin: int, end: int) -> int:
    """The last line from `begin` to `end` with `LONG_WORDS` body words or more, else `begin - 1`."""
    return max((k for k in range(begin, end) if counts[k] >= LONG_WORDS), default=begin - 1)


def _datelines(lines: list[str], begin: int, end: int, dates: Any, timeout: float) -> list[int]:
    found = []
    for i in range(begin, end):
        if 0 < len(lines[i]) <= DATE_CHARS and any(c.isdigit() for c in lines[i]):
            try:
                if dates.search(lines[i], timeout=timeout):
                    found.append(i)
            except TimeoutError:
                pass  # a line the date pattern cannot settle in time is no evidence for a cut
    return found


def _dated_list(lines: list[str], counts: list[int], begin: int, end: int, found: list[int]) -> int | None:
    """Where a list of dated items starts between `begin` and `end`, below the last long paragraph
    there, or None; `found` holds the datelines there. Each item has its dateline and at least one
    more line (a headline, a summary): datelines in a row are a chronology, a table of the article.
    Dated lines with a run of paragraphs below them are inside the article (`_article_goes_on`)."""
    begin = _last_long(counts, begin, end) + 1
    # positions among the non-blank lines: a page with a blank line between each two is the same list
    rows = [k for k in range(begin, end) if lines[k]]
    rank = {k: r for r, k in enumerate(rows)}
    found = [rank[i] for i in found if i in rank]
    for j in range(len(found) - LIST_DATES + 1):
        window = found[j:j + LIST_DATES]
        if window[-1] - window[0] > LIST_SPAN or any(b - a < 2 for a, b in zip(window, window[1:])):
            continue
        if _article_goes_on(rows[window[-1] + 1:], lines, counts):
            continue  # a gallery or a timeline inside the article, whose paragraphs are short
        item = (window[-1] - window[0]) // (LIST_DATES - 1)  # lines an item takes
        cut = window[0]
        # up to the headline above the first dateline; an item whose date is not its last line would
        # take the walk past the list, so it stops at the first body-like or sentence-shaped line:
        # the article's closing sentence may be short, a headline seldom ends in a full stop
        while cut > 0 and window[0] - cut < item - 1 and not counts[rows[cut - 1]] \
                and not _sentence_like(lines[rows[cut - 1]]):
            cut -= 1
        return rows[cut]
    return None


SUBHEAD_WORDS = 3
"""Words of a subhead at most ("The roof", "What comes next"): it names a topic, where a teaser's
headline is a sentence with a verb ("Town band plays in the park"). A four-word subhead over a
single paragraph reads as a teaser still; one over two paragraphs is a `PARAGRAPH_RUN`."""


def _article_goes_on(after: list[int], lines: list[str], counts: list[int]) -> bool:
    """Whether the article goes on among the non-blank lines `after`: `PARAGRAPH_RUN` paragraphs
    follow one another (teaser summaries alternate with headlines, footer blurbs stand alone), or
    a subhead stands over a paragraph (an article's last sections may each have only one). News
    paragraphs are short, so these shapes, not a paragraph's length, are the evidence."""
    if any(all(counts[k] for k in after[j:j + PARAGRAPH_RUN]) for j in range(len(after) - PARAGRAPH_RUN + 1)):
        return True
    return any(not counts[a] and counts[b] and len(lines[a].split()) <= SUBHEAD_WORDS
               and lines[a][-1] not in TERMINAL for a, b in zip(after, after[1:]))


def _next_rows(lines: list[str], begin: int, skip: dict[int, Any]) -> list[int]:
    """The next `TEASER_RUN` non-blank lines from `begin` on, after the lines in `skip` that open them."""
    while begin < len(lines) and (not lines[begin] or begin in skip):
        begin += 1
    return [k for k in range(begin, min(len(lines), begin + 4 * TEASER_RUN)) if lines[k]][:TEASER_RUN]


def _label_runs(lines: list[str], matches: dict[int, Any], begin: int, end: int) -> set[int]:
    """The first lines of the runs of `INNER_RUN` labelled lines in a row between `begin` and `end`
    (blank lines do not break a run)."""
    labelled = sorted(k for k in matches if begin <= k < end)  # few: walk them, not every line
    return {labelled[j] for j in range(len(labelled) - INNER_RUN + 1)
            if not any(lines[k] for k in range(labelled[j] + 1, labelled[j + INNER_RUN - 1]) if k not in matches)}


def _list_follows(i: int, lines: list[str], counts: list[int]) -> bool:
    """Whether the lines below line `i` read as a list rather than as more of the article: the next
    line is no paragraph ("Read more:" followed by the article's last paragraph stays), and the
    article does not go on anywhere below (`_article_goes_on`)."""
    after = [k for k in range(i + 1, len(lines)) if lines[k]]
    return bool(after) and not counts[after[0]] and not _article_goes_on(after, lines, counts)


def plan(lines: list[str], matches: dict[int, tuple[str, str]], stopwords: frozenset[str],
         options: BoilerplateOptions, weak_ends: bool = True,
         dates: Any = None) -> tuple[dict[int, tuple[str, str]], bool]:
    """Which lines go, keyed by index with (reason, detail); and whether an article body was found.
    `weak_ends` lets the weaker end-of-article evidence end the article: below half of its body a
    comment form or a teaser list (`_ends_article`), a list of dated items (`_dated_list`) and a
    list below a related-links, share or copyright line (`_list_follows`); below the bulk of it a
    run of labels (`_label_runs`). Without it only markers below the bulk of the body do."""
    removals: dict[int, tuple[str, str]] = {}
    disabled = options.disabled
    n = len(lines)
    first, last = 0, n - 1
    body: list[int | None] = [None] * n  # body_words of a line, computed when the trim needs it

    def words(i: int) -> int:
        if body[i] is None:
            body[i] = 0 if i in matches else body_words(lines[i], stopwords)
        return body[i]

    # The article runs from the first body line to the last (`body_region`); most of the lines
    # between are only read when an end-of-article label lies among them.
    start = next((i for i in range(n) if words(i)), None) if options.trim_page else None
    body_found = False
    if start is not None:
        end = next(i for i in range(n - 1, start - 1, -1) if words(i))
        total, i = words(start) + (words(end) if end > start else 0), start + 1
        while total < options.min_body_words and i < end:  # enough body words settle it
            total += words(i)
            i += 1
        body_found = total >= options.min_body_words
    if body_found:
        top, bottom = start, end
        while top > 0 and (not lines[top - 1] or _sentence_like(lines[top - 1])) and top - 1 not in matches:
            top -= 1
        while bottom < n - 1 and (not lines[bottom + 1] or _sentence_like(lines[bottom + 1])) \
                and bottom + 1 not in matches:
            bottom += 1
        cut, seen = top, 0
        for i in range(top - 1, -1, -1):
            if not lines[i]:
                continue
            seen += 1
            if seen > HEADLINE_WINDOW:
                break
            if i not in matches and len(lines[i].split()) >= 2:
                cut = i
        cut = _head_cut(lines, matches, stopwords, cut)
        tail = min((i for i in range(bottom + 1, n) if i in matches and not _bare_number(lines[i])),
                   default=n)
        up = tail
        while up < n and up - 1 > bottom and (not lines[up - 1] or _item_shape(lines[up - 1])):
            up -= 1
        if sum(1 for k in range(up, tail) if lines[k]) >= MIN_TRIM_LINES:
            tail = up  # a footer menu above the footer's first label; one or two lines may be a signature
        found = _datelines(lines, start, tail, dates, options.rule_timeout) if weak_ends and dates is not None else []
        markers = {i for i, (where, rule_id) in matches.items()
                   if start <= i < tail and where != "edge" and _end_marker(lines[i], rule_id)}
        runs = _label_runs(lines, matches, start, tail) if weak_ends else set()
        if len(found) >= LIST_DATES or markers or runs:
            counts = [words(i) for i in range(n)]
            _, _, total, core_end = body_region(lines, counts)
        if len(found) >= LIST_DATES:
            # a list of dated teasers or posts once half of the body is above it
            words_before, half = 0, tail
            for i in range(start, tail):
                words_before += counts[i]
                if words_before >= COMMENT_SHARE * total:
                    half = i + 1
                    break
            tail = _dated_list(lines, counts, half, tail, found) or tail
            markers = {i for i in markers if i < tail}
            runs = {i for i in runs if i < tail}
        if markers or runs:
            # an end-of-article marker once the bulk of the body is above it
            words_before, last_long = 0, _last_long(counts, start, tail)
            for i in range(start, tail):
                words_before += counts[i]  # 0 on a labelled line
                if i in markers and _ends_article(i, lines, counts, matches[i][1], words_before, total, core_end,
                                               weak_ends, last_long) \
                        or i in runs and words_before >= TAIL_SHARE * total and (
                            i > core_end or not _article_goes_on(_next_rows(lines, i, matches), lines, counts)):
                    tail = i
                    break
        if "page-head" not in disabled and sum(1 for i in range(cut) if lines[i]) >= MIN_TRIM_LINES:
            for i in range(cut):
                if lines[i]:
                    removals[i] = _reason(matches.get(i), "page-head", "above the article body")
            first = cut
        if "page-tail" not in disabled and sum(1 for i in range(tail, n) if lines[i]) >= MIN_TRIM_LINES:
            for i in range(tail, n):
                if lines[i]:
                    removals[i] = _reason(matches.get(i), "page-tail", "below the article body")
            last = tail - 1
    for step in (1, -1):  # peel boilerplate runs at the head and the tail of what is left
        i = first if step == 1 else last
        while first <= i <= last and (not lines[i] or i in matches):
            if lines[i]:
                removals[i] = _reason(matches[i], "", "in a boilerplate run at the edge of the text")
            i += step
    i = first
    while i <= last:
        where, rule_id = matches.get(i, ("", ""))
        if where in ("line", "edge"):
            j = i
            while j <= last and (not lines[j] or matches.get(j, ("block",))[0] in ("line", "edge")):
                j += 1
            labelled = [k for k in range(i, j) if k in matches]
            whole_run = len(labelled) >= INNER_RUN or (len(labelled) >= 2 and any(
                matches[k][0] == "line" for k in labelled))
            for k in labelled:
                if whole_run or matches[k][0] == "line":
                    removals.setdefault(k, _reason(matches[k], "", "a boilerplate line" if not whole_run
                                                   else "in a run of boilerplate lines"))
            i = j
            continue
        if where == "block":
            removals.setdefault(i, (rule_id, "start of a form"))
            j = i + 1
            while j <= last and j - i <= options.max_block_lines and (not lines[j] or j in matches):
                if lines[j]:
                    removals.setdefault(j, (rule_id, "a line of the form"))
                j += 1
            i = j
            continue
        i += 1
    _fill_boxes(lines, matches, removals)
    return removals, body_found


BOXES = frozenset({"donation", "paywall", "newsletter", "cookie-notice"})
"""Rule ids of boxes that put a sentence of their own between their heading and their button
("Support our journalism" / a pitch / "Donate now"): the line between two removed lines of one
such box is the box's."""


def _fill_boxes(lines: list[str], matches: dict[int, tuple[str, str]], removals: dict[int, tuple[str, str]]) -> None:
    # only the removed lines of a box can open one, and most pages have none
    for a in sorted(i for i, (_, rule_id) in matches.items() if rule_id in BOXES and i in removals):
        k = _next_shown(lines, a)
        b = _next_shown(lines, k)
        if b < len(lines) and k not in matches and k not in removals and b in removals \
                and matches.get(b, ("", ""))[1] == matches[a][1]:
            removals[k] = (matches[a][1], f"inside a {matches[a][1]} box")


def _next_shown(lines: list[str], i: int) -> int:
    """The first non-empty line after line `i`, or len(lines)."""
    i += 1
    while i < len(lines) and not lines[i]:
        i += 1
    return i


def _reason(match: tuple[str, str] | None, fallback: str, detail: str) -> tuple[str, str]:
    if match:
        return match[1], f"{match[0]} rule, {detail}"
    return fallback, detail
