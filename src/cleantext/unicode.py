"""Unicode repair with ftfy, in the conservative configuration corpus tools agree on.

ftfy's defaults also straighten curly quotes, fold full-width forms, expand ligatures and apply
NFC. Those change text that was never broken (a French guillemet, a Japanese full stop), so they
are off here, as in datatrove's and NeMo Curator's formatters; what stays on repairs damage:
mojibake, HTML entities, terminal escapes, C1 and other control characters, lone surrogates.

ftfy works line by line, and most lines of most articles are plain ASCII with nothing it could
change; those lines are skipped without calling it, which gives the same output far faster.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from functools import lru_cache

import regex

from .document import Document, Edit

# A line that is ASCII, has no "&" (HTML entity) and no control character (terminal escapes and
# C0 controls) is one that no enabled ftfy fixer changes.
_MAYBE_BROKEN = regex.compile(r"[^\x0a\x20-\x25\x27-\x7e]")

_TOKEN = regex.compile(r"\s+|\S+")
_REASONS = {
    "unescape_html": "html-entity",
    "remove_terminal_escapes": "terminal-escape",
    "fix_c1_controls": "c1-control",
    "fix_surrogates": "surrogate",
    "remove_control_chars": "control-char",
    "restore_byte_a0": "mojibake",
    "replace_lossy_sequences": "mojibake",
    "decode_inconsistent_utf8": "mojibake",
}


@dataclass(frozen=True)
class UnicodeOptions:
    unescape_html: bool = True
    """Turn "&amp;" into "&". As in ftfy, never in a text that contains "<": that may be markup."""
    max_decode_length: int = 1_000_000
    """ftfy's own cap on a line it tries to re-decode (its default), against huge single lines."""


@lru_cache(maxsize=8)
def _ftfy_config(unescape_html: bool, max_decode_length: int):
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=unescape_html,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        max_decode_length=max_decode_length,
        explain=True,
    )


def _reason(explanation) -> tuple[str, str]:
    steps = [f"{action} {name}" for action, name in explanation or ()]
    reasons = {"mojibake" if action in ("encode", "decode", "transcode") else _REASONS.get(name, "unicode")
               for action, name in explanation or ()}
    reason = "mojibake" if "mojibake" in reasons else min(reasons, default="unicode")
    return reason, "ftfy: " + ", ".join(steps) if steps else "ftfy"


def fix_unicode(doc: Document, options: UnicodeOptions = UnicodeOptions()) -> list[Edit]:
    """Repair mojibake and other encoding damage, one edit per damaged stretch of a line.

    >>> [(e.old, e.new, e.reason) for e in fix_unicode(Document("cafÃ© au lait\\n"))]
    [('Ã©', 'é', 'mojibake')]
    """
    text = doc.text
    if not _MAYBE_BROKEN.search(text):
        return []
    import ftfy

    # ftfy decides "auto" HTML unescaping on the whole text; so does this step, to match it.
    config = _ftfy_config(options.unescape_html and "<" not in text, options.max_decode_length)
    edits: list[Edit] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if not _MAYBE_BROKEN.search(line):
            continue
        segment = line + "\n" if offset <= len(text) else line  # ftfy sees lines as fix_text does
        fixed, explanation = ftfy.fix_and_explain(segment, config=config)
        if fixed == segment:
            continue
        reason, detail = _reason(explanation)
        edits.extend(_diff_edits(segment, fixed, start, reason, detail))
    return edits


def _diff_edits(old: str, new: str, offset: int, reason: str, detail: str) -> list[Edit]:
    """The changed stretches between a line and its repair, as edits.

    The diff runs over words and spaces, not characters: repairs are local to a word or two, and a
    character diff of a long paragraph costs milliseconds. Each changed run of tokens is then
    trimmed to the characters that differ.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    edits = []
    starts_a, starts_b = _offsets(a), _offsets(b)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
        start_a, start_b = starts_a[i1], starts_b[j1]
        prefix = len(os.path.commonprefix([x, y]))
        suffix = len(os.path.commonprefix([x[prefix:][::-1], y[prefix:][::-1]]))
        x, y = x[prefix:len(x) - suffix], y[prefix:len(y) - suffix]
        start = offset + start_a + prefix
        edits.append(Edit("unicode", start, start + len(x), x, y, reason, detail))
    return edits


def _offsets(tokens: list[str]) -> list[int]:
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets
