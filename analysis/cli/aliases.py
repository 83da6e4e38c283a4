"""Sub-command ``aliases``: the library's alias table as CSV (export, import, list).

``python -m analysis aliases export --db LIBRARY > aliases.csv`` prints the table;
``python -m analysis aliases import aliases.csv --db LIBRARY`` replaces it (refused lines are
reported, the rest imported); ``python -m analysis aliases actors --db LIBRARY`` prints every
resolved actor with the names merged into it (CSV: actor, name, why).

Exit codes: 0 done; 1 some lines were refused; 2 nothing usable.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from analysis.compare.resolution import RULES, resolve_actors
from analysis.library.aliases import AliasTable, read_aliases_csv
from analysis.library.query import Selection
from analysis.library.store import Library, LibraryError


def read_alias_file(path: str) -> tuple[list, list[str]]:
    """(rows, refused-line messages) of an alias CSV file; unreadable files are one message."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read ({exc})"]
    rows, errors = read_aliases_csv(text)
    return rows, [f"{path}, {e}" for e in errors]


def _cmd_aliases(args: argparse.Namespace) -> int:
    try:
        library = Library(args.db)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with library:
        table = AliasTable(library)
        if args.action == "export":
            sys.stdout.write(table.to_csv())
            return 0
        if args.action == "actors":
            selection = Selection(library)
            resolution = resolve_actors(selection.name_counts(), table.rules())
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(["actor", "name", "why"])
            for actor in sorted(resolution.members):
                for name in resolution.merged_into(actor):
                    writer.writerow([actor, name, RULES[resolution.why.get(name, "merge")]])
            selection.close()
            return 0
        if not args.file:
            print("error: give the CSV file to import.", file=sys.stderr)
            return 2
        rows, errors = read_alias_file(args.file)
        for err in errors:
            print(f"warning: {err}", file=sys.stderr)
        if not rows:
            print("error: no usable alias row; the table was not changed.", file=sys.stderr)
            return 2
        n = table.replace(rows)
        print(f"{n} alias row(s) imported into {library.path}.")
    return 1 if errors else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``aliases`` sub-command to the CLI."""
    p = subparsers.add_parser(
        "aliases",
        help="export or import the library's alias table (merge, split, rename, ignore)",
        description="The corrections of the corpus-level actor resolution, as CSV "
        "(action, name, target, note).",
    )
    p.add_argument("action", choices=("export", "import", "actors"))
    p.add_argument("file", nargs="?", default=None, help="import: the CSV file")
    p.add_argument("--db", default=None, help="library file (default: $FRAMING_LENS_DB)")
    p.set_defaults(func=_cmd_aliases)
