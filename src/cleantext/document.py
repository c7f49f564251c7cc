"""The document model: what a step sees (Document), what it returns (Edit), what a user gets (Result).

A step never returns text. It returns edits against the text it was given, and `apply_edits` is the
one place where edits become text. That is what makes every change auditable and replayable: the
output of a clean is, by construction, the input with its recorded edits applied step by step.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Sequence


@dataclass(frozen=True, slots=True)
class Edit:
    """One change, or one proposed change, to a document.

    `start` and `end` index the text *as the step saw it* (the output of the previous step), so a
    list of edits replays step by step. `reason` is a stable slug that reports count
    (`duplicate-caption`, `comment-form`, `entity-typo`); `detail` says why, for a person.
    An edit with `applied=False` is a suggestion: it is reported and never changes the text.
    """

    step: str
    start: int
    end: int
    old: str
    new: str
    reason: str
    detail: str = ""
    applied: bool = True

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
        if groups and groups[-1][0].step == edit.step:
            groups[-1].append(edit)
        else:
            groups.append([edit])
    for group in groups:
        text = apply_edits(text, group)
    return text
