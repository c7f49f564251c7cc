"""The pipeline: an ordered list of steps over a document, and the functions users call.

Each step is a pure function `(Document, options) -> list[Edit]`. The pipeline applies one step's
edits before the next step runs, so each step sees the previous one's output and every edit's
offsets refer to the text as that step saw it. Adding a step is one line in `STEPS`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Mapping

import regex

from . import boilerplate, captions, gazetteer, language, unicode, whitespace
from .config import Config
from .document import Document, Edit, Result, apply_edits


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Document, Any], list[Edit]]
    options: type


STEPS: tuple[Step, ...] = (
    Step("newlines", whitespace.fix_newlines, whitespace.NewlineOptions),
    Step("whitespace", whitespace.fix_whitespace, whitespace.WhitespaceOptions),
    Step("unicode", unicode.fix_unicode, unicode.UnicodeOptions),
    Step("boilerplate", boilerplate.remove_boilerplate, boilerplate.BoilerplateOptions),
    Step("captions", captions.remove_duplicates, captions.CaptionOptions),
    Step("gazetteer", gazetteer.fix_entities, gazetteer.GazetteerOptions),
)

_BY_NAME = {step.name: step for step in STEPS}
_SETTLE_ROUNDS = 3
_ROUNDS = 4
_REMOVING = frozenset({"boilerplate", "captions"})
_WORD = regex.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=4)
def _after_removal(steps: tuple[Step, ...]) -> frozenset[str]:
    """The steps after the last one that removes lines. Unlike removal, which can find more on
    the page it trimmed, they have nothing more to do on their own output."""
    last = max((i for i, step in enumerate(steps) if step.name in _REMOVING), default=len(steps))
    return frozenset(step.name for step in steps[last + 1:])


def clean(text_or_document: str | Document, config: Config | None = None) -> Result:
    r"""Clean one document: run every step, then label its language.

    >>> result = clean("cafÃ© au lait")
    >>> result.text
    'café au lait'
    >>> [(e.step, e.old, e.new, e.reason) for e in result.edits]
    [('unicode', 'Ã©', 'é', 'mojibake')]
    """
    config = config or Config()
    doc = text_or_document if isinstance(text_or_document, Document) else Document(text_or_document)
    original = text = doc.text
    edits: list[Edit] = []
    notes: list[str] = []
    after = _after_removal(STEPS)
    returned: dict[str, str] = {}
    spaced = False  # shown to be text the whitespace step leaves unchanged
    for round_ in range(_ROUNDS):
        start = len(edits)
        for step in STEPS:
            if step.name in config.skip:
                continue
            if step.name in after and returned.get(step.name) == text:
                # A pass that changed nothing before this step gives it its own output back,
                # which it leaves as it is: what cleaning the output again relies on.
                continue
            if step.name == "whitespace" and spaced:
                continue
            before = len(edits)
            text = _run(step, text, doc, config, edits, notes)
            spaced = _spaced(step.name, spaced, text, edits[before:])
            if step.name in after:
                returned[step.name] = text
            if step.name == "unicode" and edits and edits[-1].step == "unicode":
                text, spaced = _settle(text, spaced, doc, config, edits, notes)
        if round_:
            # A later pass repeats the suggestions of the first; keep only what is new.
            seen = {(e.step, e.reason, e.old, e.new) for e in edits[:start] if not e.applied}
            edits[start:] = [replace(e, round=round_) for e in edits[start:]
                             if e.applied or (e.step, e.reason, e.old, e.new) not in seen]
        # Removing lines changes what the page around the article looks like: a trimmed page can
        # show more boilerplate at its new edges; and a step after the removing ones changes text
        # they have not seen (a place name fixed in one copy of a caption makes it the other's
        # duplicate). Clean again until a pass does neither, so that cleaning the output once
        # more changes nothing.
        if not any(e.applied and (e.step in _REMOVING or e.step in after) for e in edits[start:]):
            break
    code, score = ("und", 0.0)
    if "language" not in config.skip:
        code, score = language.detect(text, config.language)
    return Result(text, tuple(edits), code, score, doc.id, original, tuple(dict.fromkeys(notes)))


def _run(step: Step, text: str, doc: Document, config: Config, edits: list, notes: list) -> str:
    options = config.steps.get(step.name)
    step_edits = step.run(Document(text, doc.id, doc.metadata),
                          _default_options(step.options) if options is None else options)
    if not step_edits:
        return text
    removed = sum(_words(e.old) - _words(e.new) for e in step_edits if e.applied)
    total = _too_much(text, removed, config.max_removal) if removed > 0 else 0  # most steps remove no words
    if total:
        # A step that would delete most of a document has misread it: keep the text, say so,
        # once: a later pass refusing again on slightly less text is the same news.
        # The share is of the text this run sees, as a fresh clean of it would see it.
        if not any(note.startswith(f"{step.name}: would remove ") for note in notes):
            notes.append(f"{step.name}: would remove {removed} of {total} words; left unchanged")
        return text
    edits.extend(step_edits)
    return apply_edits(text, step_edits)


@lru_cache(maxsize=None)
def _default_options(options: type) -> Any:
    return options()  # frozen, so one instance serves every document


def _too_much(text: str, removed: int, share: float) -> int:
    """The words in `text` if `removed` of them is more than `share` of them, else 0.

    A word never spans a line break, so the words of the lines up to one are a lower bound of
    the total, and with the words after it, the total. A removal that is small next to the first
    lines is settled without counting the rest, which is most removals.
    """
    enough = int(min(removed / share * 8, len(text))) if share > 0 else len(text)  # ~8 characters a word
    cut = text.find("\n", enough)
    cut = len(text) if cut < 0 else cut
    head = len(_WORD.findall(text, 0, cut))
    if removed <= share * head:
        return 0
    total = head + len(_WORD.findall(text, cut))
    return total if total and removed > share * total else 0


def _spaced(name: str, spaced: bool, text: str, new_edits: list[Edit]) -> bool:
    """Whether `text`, after step `name` made `new_edits`, is shown to need no spacing edit."""
    if name == "whitespace":
        return not new_edits  # it removes no words, so it is never refused: none means none found
    return spaced and (not new_edits or whitespace.still_clean(text, new_edits))


def _settle(text: str, spaced: bool, doc: Document, config: Config, edits: list,
            notes: list) -> tuple[str, bool]:
    """After a Unicode repair, repeat spacing and repair until neither changes anything.

    ftfy's answer on a line depends on the spaces around the damage ("Â " at the start of a
    line is read differently from " Â "), and a repair can leave spaces to tidy, so spacing and
    repair alternate until the text is stable for both: that is what makes a second clean a no-op.
    Spacing runs before the repair for the same reason. Only damaged documents pay for this.
    """
    for _ in range(_SETTLE_ROUNDS):
        for name in ("whitespace", "unicode"):
            before = len(edits)
            if name not in config.skip and not (name == "whitespace" and spaced):
                text = _run(_BY_NAME[name], text, doc, config, edits, notes)
                spaced = _spaced(name, spaced, text, edits[before:])
            if len(edits) == before:
                return text, spaced
    return text, spaced


def clean_text(text: str, config: Config | None = None) -> str:
    """Clean one text and return only the text.

    >>> clean_text("cafÃ©")
    'café'
    """
    return clean(text, config).text


def clean_records(
    records: Iterable[Mapping[str, Any]],
    config: Config | None = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    metadata_key: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Clean a stream of records lazily: each comes back with its text cleaned, every other field
    as it was. With `metadata_key`, the edits and language are stored under that key.

    >>> next(clean_records([{"id": 1, "text": "naÃ¯ve", "url": "u"}]))
    {'id': 1, 'text': 'naïve', 'url': 'u'}
    """
    for record in records:
        text = record.get(text_field)
        if not isinstance(text, str):
            raise TypeError(f"record {record.get(id_field)!r}: field {text_field!r} is not a string")
        ident = record.get(id_field)
        # A site (for learned site boilerplate) comes from the record or its metadata.
        metadata = dict(record["metadata"]) if isinstance(record.get("metadata"), Mapping) else {}
        if "site" in record:
            metadata.setdefault("site", record["site"])
        result = clean(Document(text, None if ident is None else str(ident), metadata), config)
        out = dict(record)
        out[text_field] = result.text
        if metadata_key:
            out[metadata_key] = {
                "language": result.language,
                "language_score": result.language_score,
                "edits": [e.to_dict() for e in result.edits],
                "notes": list(result.notes),
            }
        yield out
