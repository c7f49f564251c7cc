"""Two unrelated PyPI distributions, clean-text and cleantext, also install a top-level package
named `cleantext`. pip lets them overwrite each other's files without a word, and their `clean()`
functions do something else entirely (lower-casing, ASCII folding). So the clash is looked for at
import, cheaply, and reported loudly.
"""

from __future__ import annotations

import os
import sys
import warnings

OURS = "cleantext_corpus"
FOREIGN = {"clean_text": "clean-text", "cleantext": "cleantext"}


def _normalise(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def foreign_distributions() -> list[str]:
    """Installed distributions, other than ours, that also provide the `cleantext` package.

    The import-time check lists dist-info folders on sys.path instead of asking
    importlib.metadata, which reads every installed distribution and costs a tenth of a second.
    """
    found = set()
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        try:
            names = os.listdir(entry)
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                dist = _normalise(name.rsplit(".", 1)[0].split("-")[0])
                if dist in FOREIGN:
                    found.add(FOREIGN[dist])
    return sorted(found)


def providers() -> list[str]:
    """Every distribution that says it provides `cleantext` (thorough, slower: for --version)."""
    from importlib.metadata import packages_distributions

    return sorted(set(packages_distributions().get("cleantext", [])) | set(foreign_distributions()))


def clash_message(names: list[str]) -> str:
    return (
        f"the package(s) {', '.join(names)} also install a module named 'cleantext' and may have "
        "overwritten this one's files (or this one theirs). This is cleantext-corpus; uninstall "
        f"the other with 'pip uninstall {' '.join(names)}' and reinstall cleantext-corpus."
    )


def check_clash() -> None:
    names = foreign_distributions()
    if names:
        warnings.warn(clash_message(names), RuntimeWarning, stacklevel=3)
