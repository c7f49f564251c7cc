"""The run's report: what happened to each file, the one-line summary, and the exit code.

Exit codes: 0 everything cleaned (or nothing to do); 1 `--check` found files that would change;
2 a usage or configuration error, or at least one file that could not be cleaned. A failure
outranks a pending change: a check over a folder with an unreadable file has not checked it.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

OK, CHANGES, ERROR = 0, 1, 2


def unified_diff(old: str, new: str, name: str) -> str:
    """The change from `old` to `new` as a unified diff, headed a/NAME and b/NAME."""
    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"))


@dataclass
class Outcome:
    """What happened to one file; made in a worker, so plain picklable values only."""

    path: str
    status: str  # "cleaned" | "unchanged" | "failed"
    reasons: dict[str, int] = field(default_factory=dict)
    edits: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    diff: str = ""
    error: str = ""


@dataclass
class Report:
    check: bool = False
    files: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.files[outcome.status] += 1
        self.reasons.update(outcome.reasons)
        if outcome.error:
            self.errors.append(outcome.error)
        self.notes.extend(f"{outcome.path}: {note}" for note in outcome.notes)

    @property
    def exit_code(self) -> int:
        if self.files["failed"]:
            return ERROR
        if self.check and self.files["cleaned"]:
            return CHANGES
        return OK

    def summary(self) -> str:
        verb = "would be cleaned" if self.check else "cleaned"
        parts = [f"{self.files['cleaned']} file(s) {verb}", f"{self.files['unchanged']} unchanged",
                 f"{self.files['failed']} failed"]
        line = ", ".join(parts)
        if self.reasons:
            line += "; edits: " + ", ".join(f"{r} {n}" for r, n in sorted(self.reasons.items(), key=lambda i: (-i[1], i[0])))
        if self.notes:
            line += f"; {len(self.notes)} document(s) left unchanged by a guard"
        return line
