"""The article library: SQLite store, ingest of files and URLs, corpus import, samples (layer 2).

- :mod:`~analysis.library.schema` — the file's schema and its migrations, in order;
- :mod:`~analysis.library.store` — :class:`Library`, articles and cached analyses;
- :mod:`~analysis.library.serialise` — how an analysis is stored (JSON parts, count rows);
- :mod:`~analysis.library.aggregates` — the count tables filled when an analysis is stored;
- :mod:`~analysis.library.aliases` — :class:`AliasTable`: the researcher's corrections of the
  corpus-level actor resolution (merge, split, rename, ignore), as CSV too;
- :mod:`~analysis.library.query` — :class:`ArticleFilter` and :class:`Selection`: DataFrames
  aggregated in SQL for Compare, the timeline and tests of differences
  (:mod:`~analysis.library.left_out`: a filter keeping most articles as all minus those left out);
- :mod:`~analysis.library.corpus`, :mod:`~analysis.library.importer`,
  :mod:`~analysis.library.worker`, :mod:`~analysis.library.cluster`,
  :mod:`~analysis.library.progress` — streamed, resumable imports on all cores or a Dask cluster;
- :mod:`~analysis.library.ingest`, :mod:`~analysis.library.samples` — files, web pages, samples.
"""

from analysis.library.addresses import PUBLIC_ONLY, AddressPolicy
from analysis.library.aggregates import ACTOR_COLUMNS, ARTICLE_COLUMNS, CountRows
from analysis.library.aliases import Alias, AliasTable, aliases_csv, read_aliases_csv
from analysis.library.archive import ArchiveError, ZipLimits, open_zip
from analysis.library.cluster import ClusterRunner, cluster_address
from analysis.library.corpus import (
    Corpus,
    CorpusReader,
    CorpusRow,
    RowError,
    parse_date,
    read_corpus,
)
from analysis.library.fetch import FetchedPage, fetch_page
from analysis.library.furniture import (
    CleanedText,
    Removed,
    remove_page_furniture,
    restore_furniture,
)
from analysis.library.importer import (
    ImportReport,
    InProcess,
    LocalPool,
    analyse_missing,
    analyse_texts,
    import_corpus,
    import_rows,
)
from analysis.library.ingest import IngestResult, check_text, from_upload, from_url
from analysis.library.left_out import units_without
from analysis.library.listing import Listing
from analysis.library.progress import Meter, Progress, Reading
from analysis.library.query import ArticleFilter, Selection
from analysis.library.reflow import PrintedLine, reflow_lines
from analysis.library.samples import sample_rows, seed_library
from analysis.library.schema import MIGRATIONS, SCHEMA_VERSION
from analysis.library.serialise import (
    StoredAnalysis,
    join_analysis,
    split_analysis,
    stored_analysis,
)
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
    "ACTOR_COLUMNS",
    "ARTICLE_COLUMNS",
    "MIGRATIONS",
    "PUBLIC_ONLY",
    "SCHEMA_VERSION",
    "AddResult",
    "AddressPolicy",
    "Alias",
    "AliasTable",
    "ArchiveError",
    "Article",
    "ArticleFilter",
    "CleanedText",
    "ClusterRunner",
    "Corpus",
    "CorpusReader",
    "CorpusRow",
    "CountRows",
    "FetchedPage",
    "ImportReport",
    "InProcess",
    "IngestResult",
    "Library",
    "LibraryError",
    "Listing",
    "LocalPool",
    "Meter",
    "PrintedLine",
    "Progress",
    "Reading",
    "Removed",
    "RowError",
    "Selection",
    "StoredAnalysis",
    "ZipLimits",
    "aliases_csv",
    "analyse_missing",
    "analyse_texts",
    "check_text",
    "cluster_address",
    "damaged_rows",
    "default_path",
    "fetch_page",
    "from_upload",
    "from_url",
    "import_corpus",
    "import_rows",
    "join_analysis",
    "open_zip",
    "parse_date",
    "read_aliases_csv",
    "read_corpus",
    "reflow_lines",
    "remove_page_furniture",
    "restore_furniture",
    "sample_rows",
    "save_to_library",
    "seed_library",
    "split_analysis",
    "stored_analysis",
    "units_without",
]
