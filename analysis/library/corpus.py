"""Reading a corpus of articles: CSV, JSON Lines, or several .txt/.html (and other) article files.

A corpus is untrusted input. A malformed row never stops the import: it becomes a
:class:`RowError` naming the file and line, and every other row is still read. CSV and JSONL
rows need a ``text`` column; ``title``, ``outlet``, ``date``, ``url`` are optional, and
``constructed`` and ``added`` are read too so that an exported library imports back unchanged.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any, TextIO

from analysis.library.furniture import Removed, remove_page_furniture
from analysis.library.ingest import decode_bytes, from_upload

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


def _row(fields: Mapping[str, Any], source: str, line: int) -> CorpusRow:
    """A row checked by :mod:`analysis.library.row_schema`, its page furniture removed.

    Raises ValueError with the plain-language reason.
    """
    from analysis.library.row_schema import validated_row

    valid = validated_row(dict(fields))
    cleaned = remove_page_furniture(valid.pop("text"))
    return CorpusRow(**valid, text=cleaned.text, source=source, line=line, removed=cleaned.removed)


def _csv_rows(stream: TextIO, source: str) -> Iterator[CorpusRow | RowError]:
    """Rows of a CSV table, one at a time; the line reported is where the row starts."""
    reader = csv.reader(stream)
    try:
        header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        yield RowError(source, 0, "the file is empty")
        return
    except csv.Error as exc:
        yield RowError(source, 1, f"the header is not valid CSV ({exc})")
        return
    if "text" not in header:
        yield RowError(
            source,
            1,
            "there is no 'text' column. The first line must name the columns: text "
            "(required), and optionally title, outlet, date, url.",
        )
        return
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield RowError(source, start, f"not valid CSV ({exc})")
            start = reader.line_num + 1
            continue
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            yield RowError(
                source,
                line,
                f"has {len(cells)} cells but the header names {len(header)} columns "
                "(a missing quote or comma?)",
            )
            continue
        try:
            yield _row(dict(zip(header, cells, strict=True)), source, line)
        except ValueError as exc:
            yield RowError(source, line, str(exc))


def _jsonl_rows(stream: TextIO, source: str) -> Iterator[CorpusRow | RowError]:
    """Rows of a JSON Lines file (one JSON object per line), one at a time."""
    for line_no, line in enumerate(stream, start=1):
        line = line.lstrip("\ufeff") if line_no == 1 else line
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(source, line_no, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield RowError(source, line_no, "is not a JSON object with a 'text' field")
            continue
        try:
            yield _row({str(k).lower(): v for k, v in obj.items()}, source, line_no)
        except ValueError as exc:
            yield RowError(source, line_no, str(exc))


def _table_encoding(path: Path) -> tuple[str, str | None]:
    """(encoding, warning) of a table file, as :func:`decode_bytes` would decide, in one
    streamed pass (a megabyte at a time, so any file size reads in flat memory)."""
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith(b"\xef\xbb\xbf"):
            return "utf-8-sig", None
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16", None
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while block := fh.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
            return "utf-8", None
        except UnicodeDecodeError:
            pass
        fh.seek(0)
        try:
            while block := fh.read(1 << 20):
                block.decode("cp1252")  # cp1252 is single-byte: blocks decode independently
            return "cp1252", "The file was not UTF-8; it was read as Windows-1252."
        except UnicodeDecodeError:
            return "latin-1", "The file was not UTF-8; it was read as Latin-1."


class CorpusReader:
    """The rows of corpus files, read one at a time: constant memory whatever the corpus size.

    Iterating yields every readable :class:`CorpusRow`; each malformed row or unreadable file
    becomes a :class:`RowError` in :attr:`errors` (file name and line) and notes go to
    :attr:`warnings`, as the iteration reaches them. See :func:`read_corpus` for the formats.

    Args:
        items: paths, or (file name, bytes) pairs as uploaded.
    """

    def __init__(self, items: Iterable[str | Path | tuple[str, bytes]]) -> None:
        self.items = list(items)
        self.errors: list[RowError] = []
        self.warnings: list[str] = []

    def __iter__(self) -> Iterator[CorpusRow]:
        self.errors.clear()
        self.warnings.clear()
        for item in self.items:
            for got in self._rows_of(item):
                if isinstance(got, RowError):
                    self.errors.append(got)
                else:
                    yield got

    def count(self) -> int:
        """How many records the files hold (rows of tables, one per other file), read fast
        without checking them: the total of a progress bar."""
        total = 0
        for item in self.items:
            name = item[0] if isinstance(item, tuple) else str(item)
            ext = PurePath(name).suffix.lower()
            if ext not in TABLE_EXTENSIONS:
                total += 1
                continue
            try:
                with self._open_table(item, quiet=True) as stream:
                    if ext == ".csv":
                        total += max(0, sum(1 for cells in csv.reader(stream) if any(cells)) - 1)
                    else:
                        total += sum(1 for line in stream if line.strip())
            except OSError:
                continue
        return total

    def _open_table(self, item: str | Path | tuple[str, bytes], quiet: bool = False) -> TextIO:
        """A text stream of a CSV/JSONL item in its detected encoding."""
        if isinstance(item, tuple):
            text, warning = decode_bytes(item[1])
            if warning and not quiet:
                self.warnings.append(f"{PurePath(item[0]).name or item[0]}: {warning}")
            return io.StringIO(text, newline="")
        path = Path(item)
        encoding, warning = _table_encoding(path)
        if warning and not quiet:
            self.warnings.append(f"{path.name}: {warning}")
        return path.open(encoding=encoding, newline="", errors="replace")

    def _rows_of(self, item: str | Path | tuple[str, bytes]) -> Iterator[CorpusRow | RowError]:
        """The rows (and errors) of one corpus item."""
        name = item[0] if isinstance(item, tuple) else str(item)
        source = PurePath(name).name or name
        ext = PurePath(source).suffix.lower()
        if ext in TABLE_EXTENSIONS:
            try:
                stream = self._open_table(item)
            except OSError as exc:
                yield RowError(name, 0, f"cannot read the file ({exc.strerror})")
                return
            with stream:
                reader = _csv_rows if ext == ".csv" else _jsonl_rows
                yield from reader(stream, source)
            return
        if isinstance(item, tuple):
            data = item[1]
        else:
            try:
                data = Path(item).read_bytes()
            except OSError as exc:
                yield RowError(name, 0, f"cannot read the file ({exc.strerror})")
                return
        result = from_upload(source, data)
        if not result.ok:
            yield RowError(source, 0, result.error or "no text")
            return
        self.warnings.extend(f"{source}: {w}" for w in result.warnings)
        yield CorpusRow(text=result.text, title=result.title, source=source)


def read_corpus(items: Iterable[str | Path | tuple[str, bytes]]) -> Corpus:
    """Read articles from corpus files (all at once; :class:`CorpusReader` streams them).

    Args:
        items: paths, or (file name, bytes) pairs as uploaded. ``.csv`` and ``.jsonl``/
            ``.ndjson`` are tables of articles (``text`` required; ``title, outlet, date, url``
            optional); any other file (.txt, .md, .html, .pdf, .docx) is one article, read by
            :func:`analysis.library.ingest.from_upload` (the title is the document's own, or
            the first line when it reads like a headline).

    Returns:
        :class:`Corpus` with every readable row, and one :class:`RowError` per malformed row
        (file name and line number) or unreadable file. Never raises on bad content.
    """
    reader = CorpusReader(items)
    rows = tuple(reader)
    return Corpus(rows, tuple(reader.errors), tuple(reader.warnings))
