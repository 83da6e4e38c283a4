"""Sub-command ``report``: a one-click report (HTML or PDF) from the command line.

``python -m analysis report ARTICLE --format pdf|html --out PATH`` reports on one article (a
.txt, .md, .html, .pdf or .docx file, or an analysis bundle .zip);
``python -m analysis report CORPUS.csv --by outlet --out PATH`` analyses a corpus (CSV or JSON
Lines) and writes the comparison report of its outlets.

Exit codes: 0 report written; 1 written, but some corpus rows were refused (each reported on
stderr); 2 nothing usable (unreadable file, no article, bad bundle); 3 the PDF needs a
Chrome/Chromium that is not installed (the HTML format works without one).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis.compare.comparison import Comparison, Entry
from analysis.library.corpus import TABLE_EXTENSIONS, read_corpus
from analysis.library.ingest import from_upload
from analysis.present.bundle import BundleError, read_bundle
from analysis.present.export import ExportUnavailable
from analysis.present.report import (
    Report,
    build_article_report,
    build_comparison_report,
    default_comparison_figures,
    report_html,
    report_pdf,
)

GROUP_FIELDS = ("outlet", "date", "title", "url")


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _corpus_report(args: argparse.Namespace, path: Path) -> tuple[Report | None, int]:
    """(comparison report, exit code) for a corpus file; None when nothing was usable."""
    from analysis.cli.compare import ProgressBar
    from analysis.library.importer import analyse_texts

    corpus = read_corpus([path])
    for err in corpus.errors:
        print(f"warning: {err}", file=sys.stderr)
    if not corpus.rows:
        return None, _error(f"no article could be read from {path}; no report written.")
    by = args.by or "outlet"
    rows = corpus.rows
    items = [(str(i), r.text) for i, r in enumerate(rows)]
    summaries: dict[int, dict] = {}
    progress = None if args.quiet else ProgressBar("analysing")
    for chunk in analyse_texts(items, workers=args.workers, progress=progress):
        for stored in chunk:
            summaries[int(stored.sha256)] = json.loads(stored.data)
    entries = [
        Entry(str(getattr(r, by, None) or f"(no {by})"), r.text, summaries[i], r.title)
        for i, r in enumerate(rows)
    ]
    comparison = Comparison(entries)
    report = build_comparison_report(
        comparison, by=by, title=args.title, figures=default_comparison_figures(comparison)
    )
    return report, (1 if corpus.errors else 0)


def _bundle_report(args: argparse.Namespace, path: Path) -> Report:
    """The report of a saved analysis bundle (one article, or a comparison of its labels)."""
    b = read_bundle(path)
    for note in b.warnings:
        print(f"note: {note}", file=sys.stderr)
    if b.kind == "article" and len(b.analyses) == 1 and not args.by:
        report = build_article_report(b.analyses[0], label=b.labels[0])
    else:
        by = args.by or str(b.manifest.get("extra", {}).get("by", "outlet"))
        entries = [
            Entry.from_analysis(str(lab.get(by) or a.meta.get(by) or f"(no {by})"), a)
            for a, lab in zip(b.analyses, b.labels, strict=True)
        ]
        comparison = Comparison(entries)
        report = build_comparison_report(
            comparison, by=by, title=args.title, figures=default_comparison_figures(comparison)
        )
    if args.title and report.title != args.title:
        from dataclasses import replace

        report = replace(report, title=args.title)
    return report


def _article_report(args: argparse.Namespace, path: Path) -> tuple[Report | None, int]:
    """(article report, exit code) for one article file."""
    from analysis.engine.pipeline import analyze

    got = from_upload(path.name, path.read_bytes())
    if not got.ok:
        return None, _error(got.error or f"no text in {path}")
    for note in got.warnings:
        print(f"note: {note}", file=sys.stderr)
    analysis = analyze(got.text, title=args.title or got.title)
    return build_article_report(analysis, label={"file": path.name}), 0


def _cmd_report(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        return _error(f"cannot read {path}: no such file")
    fmt = args.format or (Path(args.out).suffix.lstrip(".").lower() if args.out else "pdf")
    if fmt not in ("pdf", "html"):
        return _error(f"unknown report format {fmt!r}; use --format pdf or --format html")
    out = Path(args.out) if args.out else Path(f"{path.stem}-report.{fmt}")
    report, code = _report_of(args, path)
    if report is None:
        return code
    try:
        data = report_pdf(report) if fmt == "pdf" else report_html(report)
    except ExportUnavailable as exc:
        print(f"error: {exc}\nTip: --format html needs no browser.", file=sys.stderr)
        return 3
    try:
        out.write_bytes(data)
    except OSError as exc:
        return _error(f"cannot write {out}: {exc.strerror}")
    print(f"wrote {out} ({len(data):,} bytes)", file=sys.stderr)
    return code


def _report_of(args: argparse.Namespace, path: Path) -> tuple[Report | None, int]:
    """The report a file asks for (corpus, bundle or one article) and the exit code so far."""
    suffix = path.suffix.lower()
    if suffix in TABLE_EXTENSIONS:
        return _corpus_report(args, path)
    if suffix == ".zip":
        try:
            return _bundle_report(args, path), 0
        except BundleError as exc:
            return None, _error(f"{path}: {exc}")
    if args.by:
        return None, _error(
            f"--by {args.by} compares the articles of a corpus (.csv or .jsonl file); "
            f"{path.name} is a single article."
        )
    return _article_report(args, path)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``report`` sub-command to the CLI."""
    p = subparsers.add_parser(
        "report",
        help="write a report (PDF or self-contained HTML) for an article, bundle or corpus",
        description="Write the one-click report: title and metadata, summary, every chart, "
        "the actor table, the highlighted text with its legend, the evidence, method notes with "
        "the word lists' sources, engine version and date. A corpus (.csv/.jsonl) gives a "
        "comparison report of its outlets.",
    )
    p.add_argument(
        "file", metavar="FILE", help="article (.txt .md .html .pdf .docx), bundle .zip or corpus"
    )
    p.add_argument("--format", choices=("pdf", "html"), default=None, help="default: from --out")
    p.add_argument("--out", default=None, help="output path (default: FILE-report.FORMAT)")
    p.add_argument(
        "--by", choices=GROUP_FIELDS, default=None, help="group a corpus by (default outlet)"
    )
    p.add_argument("--title", default=None, help="report title")
    p.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)
