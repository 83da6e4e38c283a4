"""The article library: SQLite store, ingest of files and URLs, corpus import, samples (layer 2)."""

from analysis.library.corpus import Corpus, CorpusRow, RowError, parse_date, read_corpus
from analysis.library.furniture import (
    CleanedText,
    Removed,
    remove_page_furniture,
    restore_furniture,
)
from analysis.library.importer import ImportReport, analyse_missing, analyse_texts, import_rows
from analysis.library.ingest import IngestResult, check_text, from_upload, from_url
from analysis.library.samples import sample_rows, seed_library
from analysis.library.store import (
    AddResult,
    Article,
    Library,
    LibraryError,
    default_path,
    save_to_library,
)

__all__ = [
    "AddResult",
    "Article",
    "CleanedText",
    "Corpus",
    "CorpusRow",
    "ImportReport",
    "IngestResult",
    "Library",
    "LibraryError",
    "Removed",
    "RowError",
    "analyse_missing",
    "analyse_texts",
    "check_text",
    "default_path",
    "from_upload",
    "from_url",
    "import_rows",
    "parse_date",
    "read_corpus",
    "remove_page_furniture",
    "restore_furniture",
    "sample_rows",
    "save_to_library",
    "seed_library",
]
