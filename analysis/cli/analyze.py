"""``python -m analysis analyze FILE…|-``: the analysis of article files as JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from analysis.engine.pipeline import analyze_many


def _read(path: str) -> tuple[str, str]:
    """(file label, text) for a path or ``-`` (stdin); undecodable bytes are replaced, not fatal."""
    if path == "-":
        return "-", sys.stdin.read()
    with open(path, "rb") as fh:
        return path, fh.read().decode("utf-8", errors="replace")


def _cmd_analyze(args: argparse.Namespace) -> int:
    docs: list[tuple[str, str]] = []
    for p in args.files:
        try:
            docs.append(_read(p))
        except OSError as exc:
            print(f"error: cannot read {p}: {exc.strerror}", file=sys.stderr)
            return 2
    results = analyze_many([t for _, t in docs])
    if args.format == "json":
        out = [r.to_dict(file=f) for (f, _), r in zip(docs, results, strict=True)]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    buf = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for (f, _), r in zip(docs, results, strict=True):
        frame = r.actors_frame()
        frame.insert(0, "file", f)
        frame.insert(1, "words", r.words)
        for row in frame.to_dict(orient="records"):
            if writer is None:
                writer = csv.DictWriter(buf, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
    if writer is None:
        from analysis.records import ArticleAnalysis

        cols = ["file", "words", *ArticleAnalysis("", None, 0, "").actors_frame().columns]
        csv.writer(buf).writerow(cols)
    sys.stdout.write(buf.getvalue())
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``analyze`` sub-command."""
    p = subparsers.add_parser("analyze", help="analyse article text files (or - for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.set_defaults(func=_cmd_analyze)
