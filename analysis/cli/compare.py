"""Sub-commands ``compare`` (compare outlets in a corpus) and ``import`` (fill the library).

``python -m analysis compare CORPUS.csv --by outlet --format json|csv`` analyses every article
(on all cores) and prints the comparison; ``python -m analysis compare --db LIBRARY`` compares
the articles stored in a library from its count tables. Filters work on both: ``--from``,
``--to``, ``--outlet``, ``--keyword``, ``--actor``, ``--exclude-constructed``; ``--over
week|month|year|date`` adds a ``timeline`` to the JSON, which always lists the tested
``differences`` between groups. Actors are resolved across the corpus
(:func:`analysis.compare.resolve_actors`) with the library's alias table and the rows of
``--aliases FILE.csv``; the JSON gives each actor its ``canonical_name`` and ``merged_names``.
``python -m analysis import
CORPUS.csv`` streams the articles into the library and analyses them — on all cores, or on a
Dask cluster with ``--cluster tcp://HOST:8786`` (or ``FRAMING_LENS_CLUSTER``) — with a progress
bar (rate, time left) on stderr; a killed import run again continues where it stopped.

Exit codes: 0 all rows read; 1 some rows were refused (each reported by line, the rest used);
2 nothing usable (no readable file or no valid row).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from contextlib import ExitStack
from typing import Any, TextIO

from analysis.cli.aliases import read_alias_file
from analysis.compare.comparison import Comparison
from analysis.compare.resolution import resolve_actors
from analysis.compare.source import Entry, MemorySource
from analysis.library.cluster import cluster_address, connect
from analysis.library.corpus import CorpusReader, CorpusRow, read_corpus
from analysis.library.importer import analyse_missing, analyse_texts, import_corpus
from analysis.library.progress import Meter
from analysis.library.query import GROUPINGS, ArticleFilter, Selection
from analysis.library.store import Library, LibraryError
from analysis.records import STANCES

GROUP_FIELDS = ("outlet", "date", "title", "url", "source", "article")


class ProgressBar:
    """A text progress bar: ``analysing [#####.....] 120 of 2,000 articles · 14.2 articles/s ·
    about 2 min 12 s left``."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.meter = Meter()
        self._last = -1.0

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar (at most ten times a second, and always at the end)."""
        reading = self.meter.update(done, total)
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = int(self.width * reading.fraction)
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {reading.describe()}"
            "\033[K"
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


def _print_csv(comparison: Comparison) -> None:
    """The actor × group table as CSV on stdout."""
    table = comparison.actor_table.sort_values(["actor", "group"], kind="stable")
    tones = comparison.tone_table.drop(columns="scored")
    table = table.merge(tones, on=["actor", "group"], how="left")
    tone_counts = ["tone_negative", "tone_neutral", "tone_positive"]
    table[tone_counts] = table[tone_counts].fillna(0).astype("int64")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    cols = ["actor", "type", "group", "mentions", "articles", *STANCES]
    cols += ["attributions", "distancing_share", "enough", *tone_counts, "net_tone"]
    writer.writerow(cols)
    for rec in table[cols].itertuples(index=False):
        values = list(rec)
        for col in ("distancing_share", "net_tone"):  # blank when undefined
            share = values[cols.index(col)]
            values[cols.index(col)] = "" if share != share else round(share, 4)
        values[cols.index("enough")] = "true" if values[cols.index("enough")] else "false"
        writer.writerow(values)


def _print_json(comparison: Comparison, args: argparse.Namespace, notes: list[str]) -> None:
    out = comparison.to_dict(
        top_actors=args.top_actors or None, top_terms=args.top_terms, min_z=args.min_z,
        over=args.over, test_actors=args.test_actors,
    )  # fmt: skip
    out["warnings"] = notes + out["warnings"]
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _filter_of(args: argparse.Namespace) -> ArticleFilter:
    return ArticleFilter(
        date_from=args.date_from,
        date_to=args.date_to,
        outlets=tuple(args.outlet) if args.outlet else None,
        keyword=args.keyword,
        actor=args.actor,
        exclude_constructed=args.exclude_constructed,
    )


def _row_passes(row: CorpusRow, flt: ArticleFilter) -> bool:
    """True when a corpus row passes the filter's outlet, date, keyword and sample conditions
    (the same rules as the library's: dates inclusive, undated rows out of a date range, every
    keyword word as a word beginning in the title or text, case-insensitive)."""
    if flt.outlets is not None and (row.outlet or "") not in flt.outlets:
        return False
    if (flt.date_from or flt.date_to) and not row.date:
        return False
    if flt.date_from and str(row.date) < flt.date_from:
        return False
    if flt.date_to and str(row.date) > flt.date_to:
        return False
    if flt.exclude_constructed and row.constructed:
        return False
    if flt.keyword and flt.keyword.split():
        words = set(re.findall(r"\w[\w'’-]*", f"{row.title or ''} {row.text}".casefold()))
        for wanted in flt.keyword.casefold().split():
            if not any(w.startswith(wanted.strip('"')) for w in words):
                return False
    return True


def _has_actor(entry: Entry, actor: str) -> bool:
    """True when the entry mentions ``actor`` (its full name or a short name ending it)."""
    return any(a.name == actor or actor.endswith(" " + a.name) for a in entry.counts.actors)


def _compare_library(args: argparse.Namespace) -> int:
    """``compare --db``: the stored articles passing the filters, from the count tables."""
    if args.by not in GROUPINGS:
        print(f"error: with --db, --by is one of {', '.join(GROUPINGS)}.", file=sys.stderr)
        return 2
    try:
        library = Library(args.db)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with library:
        selection = Selection(library, _filter_of(args), by=args.by)
        missing = selection.missing_ids()
        if missing:
            progress = None if args.quiet else ProgressBar("analysing")
            analyse_missing(library, ids=missing, workers=args.workers, progress=progress)
        resolution = None
        if args.aliases:
            rows, errors = read_alias_file(args.aliases)
            if errors:
                _report_errors(errors)
                return 2
            resolution = resolve_actors(selection.name_counts(), [*selection.alias_rules(), *rows])
        comparison = Comparison(
            selection,
            min_attributions=args.min_attributions,
            resolution=resolution,
            group_kind=args.by,
        )
        if comparison.article_count == 0:
            print("error: no stored article passes the filters.", file=sys.stderr)
            return 2
        if args.format == "csv":
            _print_csv(comparison)
        else:
            _print_json(comparison, args, [])
        selection.close()
    return 0


def _corpus_entries(rows: list[CorpusRow], args: argparse.Namespace) -> list[Entry]:
    """Analyse the rows (on all cores) into comparison entries; the actor filter applies to
    the analyses."""
    if not rows:
        return []
    progress = None if args.quiet else ProgressBar("analysing")
    items = [(str(i), r.text) for i, r in enumerate(rows)]
    summaries: dict[int, dict[str, Any]] = {}
    for chunk in analyse_texts(items, workers=args.workers, progress=progress):
        for stored in chunk:
            summaries[int(stored.sha256)] = json.loads(stored.data)
    entries = [
        Entry(_group_of(r, args.by), r.text, summaries[i], r.title, None, date=r.date)
        for i, r in enumerate(rows)
    ]
    if args.actor:
        entries = [e for e in entries if _has_actor(e, args.actor)]
    return entries


def _cmd_compare(args: argparse.Namespace) -> int:
    if args.db:
        if args.corpus:
            print("error: give corpus files or --db, not both.", file=sys.stderr)
            return 2
        return _compare_library(args)
    if not args.corpus:
        print("error: give corpus files to compare, or --db LIBRARY.", file=sys.stderr)
        return 2
    corpus = read_corpus(args.corpus)
    _report_errors(corpus.errors)
    if not corpus.rows:
        print("error: no article could be read; nothing to compare.", file=sys.stderr)
        return 2
    rows = [r for r in corpus.rows if _row_passes(r, _filter_of(args))]
    entries = _corpus_entries(rows, args)
    if not entries:
        print("error: no article passes the filters.", file=sys.stderr)
        return 2
    aliases, alias_errors = read_alias_file(args.aliases) if args.aliases else ([], [])
    if alias_errors:
        _report_errors(alias_errors)
        return 2
    comparison = Comparison(
        MemorySource(entries, aliases=aliases),
        min_attributions=args.min_attributions,
        group_kind=args.by,
    )
    if args.format == "csv":
        _print_csv(comparison)
        return 1 if corpus.errors else 0
    notes = [str(e) for e in corpus.errors] + list(corpus.warnings)
    missing = sum(1 for r in rows if not getattr(r, args.by, None))
    if missing:
        notes.append(f"{missing} article(s) have no {args.by}; grouped as '(no {args.by})'.")
    _print_json(comparison, args, notes)
    return 1 if corpus.errors else 0


def _cmd_import(args: argparse.Namespace) -> int:
    reader = CorpusReader(args.corpus)
    try:
        library = Library(args.db)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    address = None if args.no_analyse else cluster_address(args.cluster)
    progress = None if args.quiet else ProgressBar("analysing")
    with library, ExitStack() as stack:
        runner = None
        if address:
            try:
                runner = stack.enter_context(connect(address))
            except OSError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
        report = import_corpus(
            library,
            reader,
            total=reader.count(),
            analyse=not args.no_analyse,
            workers=args.workers,
            progress=progress,
            runner=runner,
        )
        _report_errors(reader.errors)
        for w in reader.warnings:
            print(f"note: {w}", file=sys.stderr)
        if not report.added + report.duplicates:
            print("error: no article could be read; nothing imported.", file=sys.stderr)
            return 2
        print(f"{report.summary()} Library: {library.path} ({library.count()} articles).")
    return 1 if reader.errors else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``compare`` and ``import`` sub-commands to the CLI."""
    _add_compare(subparsers)
    _add_import(subparsers)


def _add_filters(p: argparse.ArgumentParser) -> None:
    """The filters of ``compare``: dates, outlets, keyword, actor, constructed samples."""
    p.add_argument(
        "--from", dest="date_from", default=None, help="only articles from this date (YYYY-MM-DD)"
    )
    p.add_argument("--to", dest="date_to", default=None, help="only articles up to this date")
    p.add_argument("--outlet", action="append", help="only this outlet (repeatable)")
    p.add_argument(
        "--keyword", default=None, help="only articles with these words in the title or text"
    )
    p.add_argument("--actor", default=None, help="only articles mentioning this actor")
    p.add_argument(
        "--exclude-constructed", action="store_true", help="leave out the constructed samples"
    )


def _add_compare(subparsers: argparse._SubParsersAction) -> None:
    """The ``compare`` sub-command: the corpus or library, filters, what to print."""
    p = subparsers.add_parser(
        "compare",
        help="compare how outlets frame actors in a corpus (CSV/JSONL/text files)",
        description="Analyse a corpus and compare its groups (outlets): distancing share per "
        "actor, marker rates per 1,000 words, distinctive words (Monroe et al. 2008).",
    )
    p.add_argument("corpus", nargs="*", metavar="CORPUS", help=".csv, .jsonl, or article files")
    p.add_argument("--db", default=None, help="compare the articles stored in this library")
    p.add_argument("--by", choices=GROUP_FIELDS, default="outlet", help="group articles by")
    _add_filters(p)
    p.add_argument(
        "--over", choices=("week", "month", "year", "date"), default=None,
        help="JSON: add a timeline of each actor's distancing share per period",
    )  # fmt: skip
    p.add_argument(
        "--test-actors", type=int, default=15, help="actors whose differences are tested"
    )
    p.add_argument(
        "--aliases",
        default=None,
        metavar="CSV",
        help="alias rows (action, name, target, note) applied on top of the library's table",
    )
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--top-actors", type=int, default=50, help="actors listed (0: all)")
    p.add_argument("--top-terms", type=int, default=15, help="distinctive terms per group")
    p.add_argument("--min-z", type=float, default=1.96, help="z-score a term must reach")
    p.add_argument("--min-attributions", type=int, default=3, help="below: too few to compare")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_compare)


def _add_import(subparsers: argparse._SubParsersAction) -> None:
    """The ``import`` sub-command: store a corpus in the library and analyse it."""
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
    p.add_argument(
        "--cluster",
        default=None,
        metavar="ADDRESS",
        help="analyse on a Dask cluster, e.g. tcp://HOST:8786 (default: $FRAMING_LENS_CLUSTER)",
    )
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_import)
