"""Reading a corpus of articles: CSV, JSON Lines, or several .txt/.html (and other) article files.

A corpus is untrusted input. A malformed row never stops the import: it becomes a
:class:`RowError` naming the file and line, and every other row is still read. CSV and JSONL
rows need a ``text`` column; ``title``, ``outlet``, ``date``, ``url`` are optional, and
``constructed`` and ``added`` are read too so that an exported library imports back unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any

from analysis.library.furniture import Removed, remove_page_furniture
from analysis.library.ingest import MAX_CHARS, decode_bytes, from_upload

TABLE_EXTENSIONS = (".csv", ".jsonl", ".ndjson")
OPTIONAL_COLUMNS = ("title", "outlet", "date", "url", "constructed", "added")
_TRUE = {"1", "true", "yes", "y", "t"}
_FALSE = {"", "0", "false", "no", "n", "f"}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%B %d, %Y", "%d %B %Y", "%b %d, %Y")


@dataclass(frozen=True, slots=True)
class CorpusRow:
    """One article read from a corpus, with where it came from."""

    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    constructed: bool = False
    added: str | None = None
    source: str = ""
    line: int = 0
    removed: tuple[Removed, ...] = ()
    """Page furniture cut from the text (:mod:`analysis.library.furniture`)."""

    def record(self) -> dict[str, Any]:
        """The row as the record :meth:`analysis.library.store.Library.add_many` takes."""
        return {
            "text": self.text,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "url": self.url,
            "constructed": self.constructed,
            "added": self.added,
        }


@dataclass(frozen=True, slots=True)
class RowError:
    """A row (or a whole file) that could not be read, and why, in plain words."""

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.source}, line {self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Corpus:
    """What was read: the good rows, the errors, and non-fatal notes."""

    rows: tuple[CorpusRow, ...] = ()
    errors: tuple[RowError, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def parse_date(value: Any) -> str | None:
    """An ISO date ``YYYY-MM-DD`` from common date spellings; None when empty.

    Raises:
        ValueError: the value is not empty and not a date we understand.
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    if re.fullmatch(r"\d{4}", s):  # a bare year is too vague to filter on honestly
        raise ValueError(f"date {s!r} has no month and day; write it as YYYY-MM-DD")
    raise ValueError(f"date {s!r} is not a date we understand; write it as YYYY-MM-DD")


def _flag(value: Any) -> bool:
    """A yes/no cell; raises ValueError on anything else."""
    if isinstance(value, bool):
        return value
    s = "" if value is None else str(value).strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise ValueError(f"constructed must be true or false, not {value!r}")


def _text_of(value: Any) -> str | None:
    """A metadata cell as text, or None when empty."""
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _row(fields: Mapping[str, Any], source: str, line: int) -> CorpusRow:
    """A validated row; raises ValueError with a plain-language reason."""
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("the 'text' cell is empty; every row needs the article text")
    if len(text) > MAX_CHARS:
        raise ValueError(f"the text is {len(text):,} characters, more than {MAX_CHARS:,}")
    added = _text_of(fields.get("added"))
    if added:
        try:
            datetime.fromisoformat(added)
        except ValueError:
            raise ValueError(f"added {added!r} is not an ISO 8601 time") from None
    cleaned = remove_page_furniture(text)
    return CorpusRow(
        text=cleaned.text,
        title=_text_of(fields.get("title")),
        outlet=_text_of(fields.get("outlet")),
        date=parse_date(fields.get("date")),
        url=_text_of(fields.get("url")),
        constructed=_flag(fields.get("constructed")),
        added=added,
        source=source,
        line=line,
        removed=cleaned.removed,
    )


def _read_csv(text: str, source: str) -> tuple[list[CorpusRow], list[RowError]]:
    """Rows of a CSV table; the line reported is where the row starts."""
    rows: list[CorpusRow] = []
    errors: list[RowError] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return rows, [RowError(source, 0, "the file is empty")]
    except csv.Error as exc:
        return rows, [RowError(source, 1, f"the header is not valid CSV ({exc})")]
    if "text" not in header:
        return rows, [
            RowError(
                source,
                1,
                "there is no 'text' column. The first line must name the columns: text "
                "(required), and optionally title, outlet, date, url.",
            )
        ]
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(source, start, f"not valid CSV ({exc})"))
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            errors.append(
                RowError(
                    source,
                    line,
                    f"has {len(cells)} cells but the header names {len(header)} columns "
                    "(a missing quote or comma?)",
                )
            )
            continue
        try:
            rows.append(_row(dict(zip(header, cells, strict=True)), source, line))
        except ValueError as exc:
            errors.append(RowError(source, line, str(exc)))
    return rows, errors


def _read_jsonl(text: str, source: str) -> tuple[list[CorpusRow], list[RowError]]:
    """Rows of a JSON Lines file: one JSON object per line."""
    rows: list[CorpusRow] = []
    errors: list[RowError] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(RowError(source, line_no, f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            errors.append(RowError(source, line_no, "is not a JSON object with a 'text' field"))
            continue
        try:
            rows.append(_row({str(k).lower(): v for k, v in obj.items()}, source, line_no))
        except ValueError as exc:
            errors.append(RowError(source, line_no, str(exc)))
    return rows, errors


def _guess_title(text: str) -> str | None:
    """The first line when it reads like a headline (short, more text follows)."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= 200 and not first.endswith((".", ":", ",")):
        return first
    return None


def read_corpus(items: Iterable[str | Path | tuple[str, bytes]]) -> Corpus:
    """Read articles from corpus files.

    Args:
        items: paths, or (file name, bytes) pairs as uploaded. ``.csv`` and ``.jsonl``/
            ``.ndjson`` are tables of articles (``text`` required; ``title, outlet, date, url``
            optional); any other file (.txt, .md, .html, .pdf, .docx) is one article, read by
            :func:`analysis.library.ingest.from_upload` (the title is the HTML title or the
            first line).

    Returns:
        :class:`Corpus` with every readable row, and one :class:`RowError` per malformed row
        (file name and line number) or unreadable file. Never raises on bad content.
    """
    rows: list[CorpusRow] = []
    errors: list[RowError] = []
    warnings: list[str] = []
    for item in items:
        if isinstance(item, tuple):
            name, data = item
        else:
            name = str(item)
            try:
                data = Path(item).read_bytes()
            except OSError as exc:
                errors.append(RowError(name, 0, f"cannot read the file ({exc.strerror})"))
                continue
        source = PurePath(name).name or name
        ext = PurePath(source).suffix.lower()
        if ext in TABLE_EXTENSIONS:
            text, warning = decode_bytes(data)
            if warning:
                warnings.append(f"{source}: {warning}")
            reader = _read_csv if ext == ".csv" else _read_jsonl
            got, bad = reader(text.lstrip("\ufeff"), source)
            rows += got
            errors += bad
            continue
        result = from_upload(source, data)
        if not result.ok:
            errors.append(RowError(source, 0, result.error or "no text"))
            continue
        warnings += [f"{source}: {w}" for w in result.warnings]
        rows.append(
            CorpusRow(
                text=result.text,
                title=result.title or _guess_title(result.text),
                source=source,
            )
        )
    return Corpus(tuple(rows), tuple(errors), tuple(warnings))
