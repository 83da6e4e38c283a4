"""Fuzzing the input boundaries with damaged valid files (issue 15).

Property, for every input: the function the page calls returns a clear failure (an IngestResult
with an error, a BundleError, RowErrors) or a valid result, never another exception; and it does
so within a bounded time and memory. A bundle that loads must also draw (the highlight and the
tables the Analyze page shows), because issue 15's bundles got through and then broke the page.

Default: ``FUZZ`` settings, about 40 examples per input kind (seconds). More:
``FRAMING_LENS_FUZZ=slow .venv/bin/python -m pytest tests/fuzz`` (1,000 each).
"""

from __future__ import annotations

import csv
import io
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from analysis.library.corpus import read_corpus
from analysis.library.ingest import IngestResult, from_upload
from analysis.library.samples import sample_rows
from analysis.present.bundle import BundleError, read_bundle, write_bundle
from analysis.present.highlight import highlight_html
from tests.fuzz.mutations import FUZZ, byte_damage, json_swap, zip_damage
from tests.hostile_inputs import rezip, valid_docx, valid_html, valid_pdf, zip_members
from tests.present.export_sample import sample_analysis

SECONDS = 15.0
PEAK_BYTES = 300 * 1024 * 1024


@contextmanager
def bounded(what: str) -> Iterator[None]:
    """Fail when the block takes longer than SECONDS or allocates more than PEAK_BYTES."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        yield
    finally:
        seconds = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert seconds < SECONDS, f"{what} took {seconds:.1f} s"
    assert peak < PEAK_BYTES, f"{what} allocated {peak / 2**20:.0f} MB"


def clear_failure_or_text(result: IngestResult, name: str) -> None:
    assert isinstance(result, IngestResult)
    if result.ok:
        assert result.text.strip()
    else:
        assert isinstance(result.error, str) and result.error.strip()
        assert "Traceback" not in result.error
        assert name in result.error or result.error.startswith("The ")


def _upload_property(name: str, data: bytes) -> None:
    with bounded(name):
        result = from_upload(name, data)
    clear_failure_or_text(result, name)


@FUZZ
@given(data=zip_damage(valid_docx()))
def test_damaged_docx_uploads(data: bytes) -> None:
    _upload_property("report.docx", data)


@FUZZ
@given(data=byte_damage(valid_pdf()))
def test_damaged_pdf_uploads(data: bytes) -> None:
    _upload_property("report.pdf", data)


@FUZZ
@given(data=byte_damage(valid_html()) | st.binary(max_size=2000))
def test_damaged_html_uploads(data: bytes) -> None:
    _upload_property("page.html", data)


def _bundle() -> bytes:
    return write_bundle(sample_analysis())


GOOD_BUNDLE = _bundle()
GOOD_ANALYSIS = zip_members(GOOD_BUNDLE)["analyses/001.json"]


def _bundle_property(data: bytes) -> None:
    try:
        with bounded("bundle"):
            loaded = read_bundle(data)
    except BundleError as exc:
        message = str(exc)
        assert message.strip() and "Traceback" not in message
        return
    for a in loaded.analyses:  # what the Analyze page draws from a bundle
        highlight_html(a)
        a.actors_frame()
        a.markers_frame()
        for m in a.markers:
            assert a.text[m.start : m.end] == m.text


@FUZZ
@given(data=zip_damage(GOOD_BUNDLE))
def test_damaged_bundles(data: bytes) -> None:
    _bundle_property(data)


@FUZZ
@given(raw=json_swap(GOOD_ANALYSIS))
def test_bundles_with_json_values_of_the_wrong_type(raw: bytes) -> None:
    _bundle_property(rezip(GOOD_BUNDLE, replace={"analyses/001.json": raw}))


def _corpus_files() -> tuple[bytes, bytes]:
    rows = sample_rows()[:4]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["title", "outlet", "date", "text"])
    for r in rows:
        writer.writerow([r.title, r.outlet, r.date or "", r.text])
    jsonl = "\n".join(
        json.dumps({"title": r.title, "outlet": r.outlet, "text": r.text}) for r in rows
    )
    return buf.getvalue().encode(), jsonl.encode()


CSV, JSONL = _corpus_files()


def _corpus_property(name: str, data: bytes) -> None:
    with bounded(name):
        corpus = read_corpus([(name, data)])
    for err in corpus.errors:
        assert err.source == name and err.message.strip()
    for row in corpus.rows:
        assert isinstance(row.text, str) and row.text.strip()
        for value in (row.title, row.outlet, row.url, row.date):
            assert value is None or isinstance(value, str)


@FUZZ
@given(data=byte_damage(CSV))
def test_damaged_csv_imports(data: bytes) -> None:
    _corpus_property("corpus.csv", data)


@FUZZ
@given(line=json_swap(JSONL.splitlines()[0]), rest=byte_damage(JSONL))
def test_damaged_jsonl_imports(line: bytes, rest: bytes) -> None:
    _corpus_property("corpus.jsonl", line + b"\n" + rest)


def test_the_strategies_start_from_valid_inputs() -> None:
    """Control: unmutated, every input is accepted (so the failures above come from damage)."""
    checks: list[Callable[[], Any]] = [
        lambda: from_upload("report.docx", valid_docx()).ok,
        lambda: from_upload("report.pdf", valid_pdf()).ok,
        lambda: from_upload("page.html", valid_html()).ok,
        lambda: len(read_bundle(GOOD_BUNDLE).analyses) == 1,
        lambda: len(read_corpus([("c.csv", CSV)]).rows) == 4,
        lambda: len(read_corpus([("c.jsonl", JSONL)]).rows) == 4,
    ]
    assert all(check() for check in checks)
