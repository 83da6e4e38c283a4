"""The article library: SQLite store, ingest of files and URLs, corpus import, samples (layer 2)."""

from analysis.library.addresses import PUBLIC_ONLY, AddressPolicy
from analysis.library.archive import ArchiveError, ZipLimits, open_zip
from analysis.library.corpus import Corpus, CorpusRow, RowError, parse_date, read_corpus
from analysis.library.fetch import FetchedPage, fetch_page
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
from analysis.library.stored import damaged_rows

__all__ = [
    "PUBLIC_ONLY",
    "AddResult",
    "AddressPolicy",
    "ArchiveError",
    "Article",
    "Corpus",
    "CorpusRow",
    "FetchedPage",
    "ImportReport",
    "IngestResult",
    "Library",
    "LibraryError",
    "RowError",
    "ZipLimits",
    "analyse_missing",
    "analyse_texts",
    "check_text",
    "damaged_rows",
    "default_path",
    "fetch_page",
    "from_upload",
    "from_url",
    "import_rows",
    "open_zip",
    "parse_date",
    "read_corpus",
    "sample_rows",
    "save_to_library",
    "seed_library",
]
