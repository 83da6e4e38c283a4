"""The library's alias table: a researcher's corrections to how actor names are resolved.

Across a corpus, :func:`analysis.compare.resolve_actors` maps every stored actor name to one
canonical actor by rules (spelling variants, short names, places). Rules err; the alias table
corrects them, and it is applied at query time, so an edit needs no new analysis. Each row is
about one *stored* name (a name as some article gives it):

- ``merge`` — the actor holding ``name`` counts as the actor holding ``target``;
- ``split`` — ``name`` is its own actor: no automatic rule merges it with another name;
- ``rename`` — the actor holding ``name`` is shown as ``target``;
- ``ignore`` — ``name`` is not an actor (page furniture, a heading): left out of every table.

Rows live in the ``actor_aliases`` table (schema version 9); an edit bumps the library's
revision, so cached comparisons are rebuilt. The table travels as CSV (``action, name, target,
note``) for sharing between libraries and for review.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from analysis.library.store import Library

ACTIONS: tuple[str, ...] = ("merge", "split", "rename", "ignore")
NEEDS_TARGET = frozenset({"merge", "rename"})
CSV_COLUMNS = ("action", "name", "target", "note")
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class Alias:
    """One correction of the alias table (see the module docstring for the actions)."""

    action: str
    name: str
    target: str = ""
    note: str = ""

    def check(self) -> Alias:
        """The row with its fields trimmed; raises ValueError with a plain message if unusable."""
        action = self.action.strip().lower()
        name, target = " ".join(self.name.split()), " ".join(self.target.split())
        if action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}; use one of {', '.join(ACTIONS)}")
        if not name:
            raise ValueError("the name is empty")
        if action in NEEDS_TARGET and not target:
            raise ValueError(f"{action} needs a target name")
        if action not in NEEDS_TARGET:
            target = ""
        if action == "merge" and target == name:
            raise ValueError(f"{name!r} cannot be merged into itself")
        if max(len(name), len(target)) > MAX_NAME:
            raise ValueError(f"names are at most {MAX_NAME} characters")
        return Alias(action, name, target, " ".join(self.note.split()))


class AliasTable:
    """The alias rows of one library (read and written through its connection).

    Args:
        library: the open library.
    """

    def __init__(self, library: Library) -> None:
        self.library = library

    def rules(self) -> list[Alias]:
        """Every row, in the order they were written (later rows win over earlier ones)."""
        rows = self.library.connection.execute(
            "SELECT action, name, target, note FROM actor_aliases ORDER BY id"
        )
        return [Alias(*r) for r in rows]

    def set(
        self, rules: Alias | Iterable[Alias], *, removing: Iterable[tuple[str, str]] = ()
    ) -> list[Alias]:
        """Add or replace rows (one per action and name); returns them as stored.

        ``removing`` names (action, name) rows deleted in the same transaction, so a split
        (drop the merge, add the split) is never half done.

        Raises:
            ValueError: a row is unusable (nothing is written then).
        """
        checked = [r.check() for r in ([rules] if isinstance(rules, Alias) else rules)]
        with _write(self.library) as con:
            for action, name in removing:
                con.execute(
                    "DELETE FROM actor_aliases WHERE action = ? AND name = ?", (action, name)
                )
            _insert(con, checked)
        return checked

    def remove(self, action: str, name: str) -> bool:
        """Delete the row of ``action`` on ``name``; True if there was one."""
        with _write(self.library) as con:
            cur = con.execute(
                "DELETE FROM actor_aliases WHERE action = ? AND name = ?", (action, name)
            )
            return cur.rowcount > 0

    def replace(self, rules: Sequence[Alias]) -> int:
        """Replace the whole table by ``rules`` (an import); returns the rows stored."""
        checked = [r.check() for r in rules]
        with _write(self.library) as con:  # one transaction: never left empty half way
            con.execute("DELETE FROM actor_aliases")
            _insert(con, checked)
        return len(checked)

    def to_csv(self) -> str:
        """The table as CSV text (``action, name, target, note``)."""
        return aliases_csv(self.rules())


@contextmanager
def _write(library: Library) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` on the library's connection (rolled back on error)."""
    con = library.connection
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def aliases_csv(rules: Iterable[Alias]) -> str:
    """Alias rows as CSV text with a header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rules:
        writer.writerow([r.action, r.name, r.target, r.note])
    return out.getvalue()


def read_aliases_csv(text: str) -> tuple[list[Alias], list[str]]:
    """Alias rows from CSV text: (usable rows, one plain message per refused line).

    The header must name ``action`` and ``name``; ``target`` and ``note`` are optional.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if not {"action", "name"} <= fields:
        return [], ["the file needs a header with the columns action, name, target, note"]
    rules: list[Alias] = []
    errors: list[str] = []
    for line, rec in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "") for k, v in rec.items() if k is not None}
        try:
            rules.append(
                Alias(
                    row["action"], row["name"], row.get("target", ""), row.get("note", "")
                ).check()
            )
        except ValueError as exc:
            errors.append(f"line {line}: {exc}")
    return rules, errors


def _insert(con: sqlite3.Connection, rows: Sequence[Alias]) -> None:
    """Store ``rows`` on ``con`` (inside the caller's transaction), replacing same-key rows."""
    for r in rows:
        # Delete then insert: a replaced row moves to the end (it is the latest word).
        con.execute("DELETE FROM actor_aliases WHERE action = ? AND name = ?", (r.action, r.name))
        con.execute(
            "INSERT INTO actor_aliases (action, name, target, note, created) "
            "VALUES (?, ?, ?, ?, ?)",
            (r.action, r.name, r.target, r.note, datetime.now(UTC).isoformat()),
        )
