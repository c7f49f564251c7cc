"""Remove boilerplate lines: comment forms, share rows, cookie notices, menus, related-link lists.

Scrapers keep what sits around an article. Two kinds of evidence find it here, and both stay
away from running prose:

- **Rules** kept as data (``data/boilerplate/<language>.toml``): a pattern matched against a whole
  line, with a place where it may apply. ``line`` rules are labels that are boilerplate anywhere
  ("Advertisement", "Share this:"); ``edge`` rules only count inside a run of boilerplate at the
  head or tail of the text ("Facebook", "Home"), because the same words can be a one-word line in a
  body; ``block`` rules are markers ("Leave a Reply") that also take the short form lines after them.
- **Page structure**: a line is body-like when it is long, sentence-shaped and dense in function
  words. The article body runs from the first to the last cluster of body-like lines. Above it, the
  page head is removed when it is a chain of labelled lines from the top (menus, breadcrumbs,
  share rows) and the unlabelled menu items after them, stopping at the headline. Below it, the
  tail is removed from the first labelled line after the body (a bare number, a pager link or a
  value in a table, never starts it), or from an end-of-article label ("Related articles", "Leave
  a Reply", "Share this:") once most of the body lies above it. A comment form ends the article
  once half of the body is above it, and so does a related-links label that opens a list
  (headlines, perhaps each with a one-paragraph summary, never two paragraphs in a row). Three
  labelled lines in a row (a share row, a footer menu) end it below the bulk of the body. Below the last long paragraph, once half of the body is above it, a list of dated items
  (teasers, posts: three short datelines, each with its headline) ends the article, and so does a
  related-links, share or copyright line (one with a year: "© Anna Berg/dpa" is a photo credit)
  followed by a list (teaser headlines with their summaries). Two paragraphs in a row, or a subhead
  over a paragraph, below such lines show the article going on, and they stay. Where these weaker
  ends would take more than half the words, they are not used; where the trim would take more
  than half without them, it has misread the page: only the labelled lines go, as on a page with
  no body, and the lines the trim would have taken are reported as suggestions.
  A line between a box's heading and its button, both removed (a donation, paywall, newsletter or
  consent box: "Support our journalism", its pitch, "Donate now"), goes with them.
  Labels and datelines decide where the chrome starts and ends: a list of short lines alone
  (ingredients, facts, a table) is never evidence of boilerplate.

A body sentence that merely contains "share" or "cookie" is never cut: rules match whole lines.
When no article body is found and the rules alone would remove more than `max_removed_share` of
the words, nothing is applied: the edits come back as suggestions (``applied=False``) with the
reason ``too-much-boilerplate``, so the document is reported, not gutted.

This module is the step: its options, its edits and that guard. The rules and their matching live
in `cleantext.rules`, the page-structure evidence in `cleantext.page`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterable

from .document import Document, Edit, remove_lines
from .page import plan
from .rules import compiled, user_rules

STEP = "boilerplate"
TOO_MUCH = "too-much-boilerplate"


@dataclass(frozen=True)
class BoilerplateOptions:
    languages: tuple[str, ...] = ()
    """Rule files to load besides ``common`` ("en", "de", ...); empty loads every language: rules
    match whole lines, so a German label never matches an English sentence."""
    disabled: tuple[str, ...] = ()
    """Rule ids (reasons) switched off, e.g. ("navigation",); "page-head" and "page-tail" switch
    off the structural trim of the head and the tail."""
    extra_rules: tuple[tuple[Any, ...], ...] = ()
    """User rules as (id, pattern, where) or (id, pattern, where, timeout); where is line, edge or block."""
    rule_timeout: float = 0.05
    """Seconds one line may take against one compiled rule set; generous: a line takes microseconds."""
    trim_page: bool = True
    """Remove non-body runs above and below the article body (menus, teaser lists, footers)."""
    max_removed_share: float = 0.5
    """When no article body is found, rules may remove at most this share of the words (as the
    pipeline's general guard); past it the edits become suggestions."""
    min_body_words: int = 40
    """Words the body-like lines of the strongest cluster need before the page is trimmed; below it
    there is no evidence where the article is. Chosen on a development set of real pages."""
    max_block_lines: int = 12
    """Form lines a block marker ("Leave a Reply") may take after it: name, e-mail, website,
    consent and submit lines of the stock comment forms, with room to spare."""
    profile: str | None = None
    """Path of a site profile saved by `cleantext.sites.learn(...).save(path)`; its lines are
    removed from documents whose ``metadata[site_key]`` names that site (reason site-boilerplate)."""
    site_key: str = "site"
    """Metadata field that names a document's site."""


def remove_boilerplate(doc: Document, options: BoilerplateOptions = BoilerplateOptions()) -> list[Edit]:
    """Edits that delete boilerplate lines from `doc.text`, each with its rule id as the reason.

    >>> text = "A short story about rain.\\n\\nThe rain fell on the town for three days, and the river rose over the old bridge.\\n\\nLeave a Reply\\n\\nYour email address will not be published.\\n"
    >>> [e.reason for e in remove_boilerplate(Document(text))]
    ['comment-form', 'comment-form']
    """
    text = doc.text
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not any(line.strip() for line in lines):
        return []
    rules = compiled(tuple(options.languages), tuple(options.disabled), user_rules(options.extra_rules))
    timeout = min(options.rule_timeout, rules.timeout_cap or options.rule_timeout)
    matches = rules.match_lines(lines, timeout)
    site_lines = _site_lines(doc, options)
    if not matches and not site_lines:
        return []  # no labelled line: the page trim and the rules have nothing to start from
    removals, body_found = plan(lines, matches, rules.stopwords, options, dates=rules.dates)
    held: dict[int, tuple[str, str]] = {}
    if body_found and _too_much(lines, removals, options.max_removed_share):
        # The weaker end-of-article evidence must not turn a page the trim could clean without it
        # into one the removal guard leaves as it is: such a page is trimmed without it.
        removals, body_found = plan(lines, matches, rules.stopwords, options, weak_ends=False,
                                    dates=rules.dates)
        if body_found and _too_much(lines, removals, options.max_removed_share):
            # The trim has misread where the article is, but a labelled line is boilerplate
            # wherever it stands: those go, as on a page with no body, and the trim is reported.
            held = removals
            removals, body_found = plan(lines, matches, rules.stopwords, replace(options, trim_page=False),
                                        dates=rules.dates)
    if site_lines:
        from .sites import line_hash
        for i, line in enumerate(lines):
            if i not in removals and line.strip() and line_hash(line) in site_lines:
                removals[i] = ("site-boilerplate", "line recurs across this site's documents")
    if not removals and not held:
        return []
    # the same count as line by line (a line break is whitespace), needed only by the two guards
    total = len(text.split()) if held or not body_found else 0
    if held:
        detail = f"the page trim would remove {_words(lines, held)} of {total} words; only labelled lines removed"
        held = {i: (TOO_MUCH, f"{reason}: {detail}") for i, (reason, _) in held.items() if i not in removals}
    edits = remove_lines(text, STEP, removals, lines)
    edits += [replace(e, applied=False) for e in remove_lines(text, STEP, held, lines)]
    if not body_found:
        removed = _words(lines, removals)
        if total and removed > options.max_removed_share * total:
            detail = (f"rules would remove {removed} of {total} words and no article body was found; "
                      "left unchanged")
            edits = [replace(e, applied=False, reason=TOO_MUCH, detail=f"{e.reason}: {detail}") if e.applied else e
                     for e in edits]
    return edits


def _site_lines(doc: Document, options: BoilerplateOptions) -> frozenset[int]:
    if not options.profile:
        return frozenset()
    site = doc.metadata.get(options.site_key)
    if site is None:
        return frozenset()
    from .sites import load_profile
    return load_profile(options.profile).lines_for(str(site))


def _too_much(lines: list[str], removals: dict[int, tuple[str, str]], share: float) -> bool:
    """Whether `removals` take more than `share` of the words, split at whitespace as the no-body
    check in `remove_boilerplate` counts them (the pipeline's guard counts runs of word characters,
    which is close). Long lines are counted first, so a few body lines usually settle it."""
    removed = _words(lines, removals)
    if share <= 0:
        return removed > 0
    need = removed * (1 - share) / share  # kept words that make the removal small enough
    kept = 0
    for i, line in enumerate(lines):
        if len(line) > 40 and i not in removals:  # long lines first: a few body lines settle it
            kept += len(line.split())
            if kept >= need:
                return False
    kept += sum(len(line.split()) for i, line in enumerate(lines) if len(line) <= 40 and i not in removals)
    return kept < need


def _words(lines: list[str], indices: Iterable[int]) -> int:
    """Words of those lines, split at whitespace: the one count both removal checks compare."""
    return sum(len(lines[i].split()) for i in indices)
