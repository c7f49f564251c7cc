"""cleantext: clean scraped article text for corpora, recording every change as an edit."""

from ._clash import check_clash as _check_clash
from .config import Config, ConfigError
from .document import Document, Edit, Result, apply_edits, replay
from .pipeline import clean, clean_records, clean_text

__version__ = "0.1.0"
__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Edit",
    "Result",
    "__version__",
    "apply_edits",
    "clean",
    "clean_records",
    "clean_text",
    "replay",
]

_check_clash()
