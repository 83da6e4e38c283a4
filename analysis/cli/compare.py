"""Sub-commands ``compare`` (compare outlets in a corpus) and ``import`` (fill the library).

``python -m analysis compare CORPUS.csv --by outlet --format json|csv`` analyses every article
(on all cores) and prints the comparison; ``python -m analysis import CORPUS.csv`` stores the
articles in the library and analyses them, with a progress bar on stderr.

Exit codes: 0 all rows read; 1 some rows were refused (each reported by line, the rest used);
2 nothing usable (no readable file or no valid row).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from typing import Any, TextIO

from analysis.compare.comparison import Comparison, Entry
from analysis.library.corpus import CorpusRow, read_corpus
from analysis.library.importer import analyse_texts, import_rows
from analysis.library.store import Library, LibraryError
from analysis.records import STANCES

GROUP_FIELDS = ("outlet", "date", "title", "url", "source")


class ProgressBar:
    """A text progress bar on a stream: ``analysing [#####.....] 120/2000 (14 articles/s)``."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.perf_counter()
        self._last = -1.0

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar (at most ten times a second, and always at the end)."""
        now = time.perf_counter()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = int(self.width * done / total) if total else self.width
        rate = done / (now - self.started) if now > self.started else 0.0
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} "
            f"({rate:.1f} articles/s)"
        )
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def _report_errors(errors: Any) -> None:
    """Print refused rows on stderr, one per line."""
    for err in errors:
        print(f"warning: {err}", file=sys.stderr)


def _group_of(row: CorpusRow, by: str) -> str:
    value = getattr(row, by, None)
    return str(value) if value else f"(no {by})"


def _cmd_compare(args: argparse.Namespace) -> int:
    corpus = read_corpus(args.corpus)
    _report_errors(corpus.errors)
    if not corpus.rows:
        print("error: no article could be read; nothing to compare.", file=sys.stderr)
        return 2
    rows = corpus.rows
    progress = None if args.quiet else ProgressBar("analysing")
    items = [(str(i), r.text) for i, r in enumerate(rows)]
    summaries: dict[int, dict[str, Any]] = {}
    for chunk in analyse_texts(items, workers=args.workers, progress=progress):
        for key, _version, data, _detail in chunk:
            summaries[int(key)] = json.loads(data)
    entries = [
        Entry(_group_of(r, args.by), r.text, summaries[i], r.title, None)
        for i, r in enumerate(rows)
    ]
    comparison = Comparison(entries, min_attributions=args.min_attributions)
    if args.format == "csv":
        table = comparison.actor_table.sort_values(["actor", "group"], kind="stable")
        writer = csv.writer(sys.stdout, lineterminator="\n")
        cols = ["actor", "type", "group", "mentions", "articles", *STANCES]
        cols += ["attributions", "distancing_share", "enough"]
        writer.writerow(cols)
        for rec in table[cols].itertuples(index=False):
            values = list(rec)
            share = values[cols.index("distancing_share")]
            values[cols.index("distancing_share")] = "" if share != share else round(share, 4)
            values[cols.index("enough")] = "true" if values[cols.index("enough")] else "false"
            writer.writerow(values)
        return 1 if corpus.errors else 0
    out = comparison.to_dict(
        top_actors=args.top_actors or None, top_terms=args.top_terms, min_z=args.min_z
    )
    out["warnings"] = [str(e) for e in corpus.errors] + list(corpus.warnings) + out["warnings"]
    missing = sum(1 for r in rows if not getattr(r, args.by, None))
    if missing:
        out["warnings"].append(
            f"{missing} article(s) have no {args.by}; grouped as '(no {args.by})'."
        )
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if corpus.errors else 0


def _cmd_import(args: argparse.Namespace) -> int:
    corpus = read_corpus(args.corpus)
    _report_errors(corpus.errors)
    for w in corpus.warnings:
        print(f"note: {w}", file=sys.stderr)
    if not corpus.rows:
        print("error: no article could be read; nothing imported.", file=sys.stderr)
        return 2
    try:
        library = Library(args.db)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with library:
        report = import_rows(
            library,
            corpus.rows,
            errors=corpus.errors,
            analyse=not args.no_analyse,
            workers=args.workers,
            progress=None if args.quiet else ProgressBar("analysing"),
        )
        print(f"{report.summary()} Library: {library.path} ({library.count()} articles).")
    return 1 if corpus.errors else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``compare`` and ``import`` sub-commands to the CLI."""
    p = subparsers.add_parser(
        "compare",
        help="compare how outlets frame actors in a corpus (CSV/JSONL/text files)",
        description="Analyse a corpus and compare its groups (outlets): distancing share per "
        "actor, marker rates per 1,000 words, distinctive words (Monroe et al. 2008).",
    )
    p.add_argument("corpus", nargs="+", metavar="CORPUS", help=".csv, .jsonl, or article files")
    p.add_argument("--by", choices=GROUP_FIELDS, default="outlet", help="group articles by")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--top-actors", type=int, default=50, help="actors listed (0: all)")
    p.add_argument("--top-terms", type=int, default=15, help="distinctive terms per group")
    p.add_argument("--min-z", type=float, default=1.96, help="z-score a term must reach")
    p.add_argument("--min-attributions", type=int, default=3, help="below: too few to compare")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_compare)

    p = subparsers.add_parser(
        "import",
        help="import a corpus into the article library (and analyse it)",
        description="Store articles in the library (duplicates are detected by text) and "
        "analyse the new ones on all cores.",
    )
    p.add_argument("corpus", nargs="+", metavar="CORPUS", help=".csv, .jsonl, or article files")
    p.add_argument(
        "--db",
        default=None,
        help="library file (default: $FRAMING_LENS_DB or the user data folder)",
    )
    p.add_argument("--no-analyse", action="store_true", help="store only; analyse on demand")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_import)
