"""The document model: what a step sees (Document), what it returns (Edit), what a user gets (Result).

A step never returns text. It returns edits against the text it was given, and `apply_edits` is the
one place where edits become text. That is what makes every change auditable and replayable: the
output of a clean is, by construction, the input with its recorded edits applied step by step.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import accumulate, count
from operator import add
from typing import Any, Iterable, Sequence


@dataclass(frozen=True, slots=True)
class Edit:
    """One change, or one proposed change, to a document.

    `start` and `end` index the text *as the step saw it* (the output of the previous step), so a
    list of edits replays step by step. `reason` is a stable slug that reports count
    (`duplicate-caption`, `comment-form`, `entity-typo`); `detail` says why, for a person.
    An edit with `applied=False` is a suggestion: it is reported and never changes the text.
    `round` counts the pipeline's passes: removing boilerplate can expose more of it, so a
    document is cleaned again until stable, and later passes' edits say which pass made them.
    """

    step: str
    start: int
    end: int
    old: str
    new: str
    reason: str
    detail: str = ""
    applied: bool = True
    round: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """Text plus an optional id and metadata, which pass through cleaning untouched."""

    text: str
    id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Result:
    """What `clean` returns: the cleaned text, every edit in order, and the language label."""

    text: str
    edits: tuple[Edit, ...]
    language: str = "und"
    language_score: float = 0.0
    id: str | None = None
    original: str = ""
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def reasons(self) -> dict[str, int]:
        """How many applied edits each reason produced."""
        counts: dict[str, int] = {}
        for edit in self.edits:
            if edit.applied:
                counts[edit.reason] = counts.get(edit.reason, 0) + 1
        return counts


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply one step's edits to `text`. Suggestions (`applied=False`) are skipped.

    Edits must not overlap and must quote the text they replace; both are checked, because a
    step that breaks either would change text that no edit accounts for.

    >>> apply_edits("a  b", [Edit("whitespace", 1, 3, "  ", " ", "space-run")])
    'a b'
    """
    pieces: list[str] = []
    position = 0
    for edit in sorted((e for e in edits if e.applied), key=lambda e: (e.start, e.end)):
        if edit.start < position:
            raise ValueError(f"overlapping edits at {edit.start} from step {edit.step!r}")
        if text[edit.start:edit.end] != edit.old:
            raise ValueError(f"edit from step {edit.step!r} does not match the text at {edit.start}")
        pieces.append(text[position:edit.start])
        pieces.append(edit.new)
        position = edit.end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def replay(text: str, edits: Sequence[Edit]) -> str:
    """Replay a whole result's edits on the original text, step by step, in the order recorded."""
    groups: list[list[Edit]] = []
    for edit in edits:
        if groups and (groups[-1][0].step, groups[-1][0].round) == (edit.step, edit.round):
            groups[-1].append(edit)
        else:
            groups.append([edit])
    for group in groups:
        text = apply_edits(text, group)
    return text



def remove_lines(text: str, step: str, removals: dict[int, tuple[str, str]],
                 lines: list[str] | None = None) -> list[Edit]:
    r"""Edits that delete whole lines, keyed by line index in ``text.split("\n")``.

    Each value is ``(reason, detail)``. Blank lines next to removed lines go with them where keeping
    them would leave two blank lines in a row or a blank line at either end of the document, so a
    removal never leaves a hole that a second clean would have to tidy up. A caller that has split
    the text already passes its `lines` (without the empty one after a final newline): on short
    documents, splitting again was a third of the cost.

    >>> text = "Title\n\nCaption\n\nBody\n"
    >>> [(e.old, e.reason) for e in remove_lines(text, "captions", {2: ("duplicate-caption", "")})]
    [('Caption\n\n', 'duplicate-caption')]
    """
    final_newline = text.endswith("\n")
    if lines is None:
        lines = (text[:-1] if final_newline else text).split("\n")
    # starts[i + 1] is the end of line i with its newline (map and accumulate run in C)
    starts = [0, *map(add, accumulate(map(len, lines)), count(1))]
    last_line = len(lines) - 1

    def blank(i: int) -> bool:
        return not lines[i].strip()

    edits: list[Edit] = []
    done = 0  # lines before this one belong to a run already handled
    for i in sorted(removals):
        if i < done or i > last_line:
            continue
        first, last = i, i
        while first > 0 and blank(first - 1):
            first -= 1
        while last < last_line and (last + 1 in removals or blank(last + 1)):
            last += 1
        inner = first > 0 and last < last_line  # kept text on both sides
        blanks = [j for j in range(first, last + 1) if j not in removals]
        keep = blanks[0] if inner and blanks else None
        # Split the run at the kept blank line; in each part, a removed line takes the blank lines
        # after it, and blank lines before the part's first removed line go with that line.
        parts = [[j for j in range(first, last + 1) if keep is None or j < keep],
                 [j for j in range(first, last + 1) if keep is not None and j > keep]]
        for part in parts:
            owners = [j for j in part if j in removals]
            for n, owner in enumerate(owners):
                lo = part[0] if n == 0 else owner
                hi = owners[n + 1] - 1 if n + 1 < len(owners) else part[-1]
                start, end = starts[lo], min(starts[hi + 1], len(text))
                if lo == first and last == last_line and first > 0 and not final_newline:
                    start -= 1  # the run ends the text: take the newline before it, not after
                reason, detail = removals[owner]
                edits.append(Edit(step, start, end, text[start:end], "", reason, detail))
        done = last + 1
    return edits
