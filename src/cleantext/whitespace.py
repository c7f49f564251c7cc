"""Newline and whitespace normalisation. It changes spacing, never words.

Two steps, because they must sit on either side of the Unicode repair: ftfy segments text at
"\\n", and on lone carriage returns it is not idempotent (a second pass fixes what the first left),
so newlines are made uniform *before* it; spacing is tidied *after* it, because repairing mojibake
can produce spaces of its own (a broken "Â\\xa0" becomes a no-break space).
"""

from __future__ import annotations

from dataclasses import dataclass

import re

from .document import Document, Edit

# NEL (U+0085) is left alone on purpose: in scraped text it is nearly always a cp1252 ellipsis
# decoded as Latin-1, which the Unicode step repairs.
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")

_SPACE = r"[^\S\n\x85]"  # horizontal whitespace, in every script
# Most text has nothing to fix, and saying so takes a few searches for the shapes that could be:
# four substrings, which `in` finds at memory speed, and any whitespace other than space and
# newline. `re` scans a class of literal characters several times faster than `[^\S \n]`, so
# the class lists them: the characters `str.isspace` accepts, which is what `\s` matches in a
# `str` pattern (the tests compare the two over every code point).
_SUSPECT_PAIRS = ("  ", " \n", "\n ", "\n\n\n")
_ODD_SPACE = re.compile("[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_WHITESPACE = re.compile(
    rf"""(?=\s)(?:(?P<start>\A\s+)
      |(?P<end>\s+\Z)
      |(?P<blank>\n(?:{_SPACE}*\n){{2,}})
      |(?P<trail>{_SPACE}+(?=\n))
      |(?P<indent>(?<=\n){_SPACE}+)
      |(?P<run>{_SPACE}{{2,}}|[\t\v\f]))""",
    re.VERBOSE,
)
_DETAIL = {
    "start": ("leading-blank", "blank space before the first line"),
    "end": ("trailing-blank", "space after the last line; a final newline stays one newline"),
    "blank": ("blank-lines", "at most one blank line between paragraphs"),
    "trail": ("trailing-space", "spaces at the end of a line"),
    "indent": ("indent", "spaces at the start of a line"),
    "run": ("space-run", "a run of spaces or a tab inside a line"),
}


@dataclass(frozen=True)
class NewlineOptions:
    """The newline step has no settings: LF is the one line break the later steps understand."""


@dataclass(frozen=True)
class WhitespaceOptions:
    indent: bool = True
    """Remove spaces at the start of lines. Scraped text has no meaningful indentation; turn this
    off for Markdown with indented code blocks."""


def fix_newlines(doc: Document, options: NewlineOptions = NewlineOptions()) -> list[Edit]:
    r"""CRLF, lone CR and the Unicode line and paragraph separators become LF.

    >>> [(e.old, e.new) for e in fix_newlines(Document("a\r\nb\rc"))]
    [('\r\n', '\n'), ('\r', '\n')]
    """
    text = doc.text
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return []
    return [
        Edit("newlines", m.start(), m.end(), m.group(), "\n", "newline", f"{m.group()!r} line break")
        for m in _NEWLINES.finditer(text)
    ]


def fix_whitespace(doc: Document, options: WhitespaceOptions = WhitespaceOptions()) -> list[Edit]:
    r"""Trailing and leading spaces, runs of spaces and tabs, extra blank lines, blank space at the
    start and end. A text that ends with a newline keeps exactly one; one without stays without.

    A single no-break or thin space between words is left alone: French typography and
    digit grouping use them on purpose.

    >>> [(e.old, e.new, e.reason) for e in fix_whitespace(Document("One  two \n\n\n\nThree\n\n"))]
    [('  ', ' ', 'space-run'), (' ', '', 'trailing-space'), ('\n\n\n\n', '\n\n', 'blank-lines'), ('\n\n', '\n', 'trailing-blank')]
    """
    text = doc.text
    if not (_ends_need_work(text) or _suspect(text)):
        return []
    edits = []
    for m in _WHITESPACE.finditer(text):
        kind = m.lastgroup
        if kind == "indent" and not options.indent:
            continue
        old = m.group()
        if kind == "blank":
            new = "\n\n"
        elif kind == "run":
            new = " "
        elif kind == "end":
            new = "\n" if "\n" in old and m.start() > 0 else ""
        else:
            new = ""
        if old != new:
            reason, detail = _DETAIL[kind]
            edits.append(Edit("whitespace", m.start(), m.end(), old, new, reason, detail))
    return edits


def _suspect(text: str) -> bool:
    """Does `text` hold a shape a spacing edit starts from (a pair or any whitespace but space
    and newline)? Where it holds none, the step has nothing to do but at the ends."""
    return any(pair in text for pair in _SUSPECT_PAIRS) or _ODD_SPACE.search(text) is not None


def _ends_need_work(text: str) -> bool:
    tail = text[-2:]
    return text[:1].isspace() or (tail[-1:].isspace() and (tail != tail.strip() + "\n" or len(text) == 1))


def still_clean(text: str, edits: list[Edit]) -> bool:
    """Whether `text`, made by applying `edits` to a text `fix_whitespace` left unchanged, is one it
    would leave unchanged too; False means only "not shown", and the step then runs.

    Outside the replaced spans the text is as it was, so a new defect (at most three characters
    of suspect shape) has a character within two of a span. The later steps replace words and
    remove whole lines, so most spans show none, and the step need not scan the whole text again.
    """
    shift = 0
    for edit in sorted((e for e in edits if e.applied), key=lambda e: e.start):
        start = edit.start + shift
        end = start + len(edit.new)
        shift += len(edit.new) - (edit.end - edit.start)
        if _suspect(text[max(0, start - 2):end + 2]):
            return False
        if (start < 2 or end > len(text) - 2) and _ends_need_work(text):
            return False
    return True
