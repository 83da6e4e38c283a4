"""Hostile bundles (issue 15, 16): validated at the boundary, one sentence naming member and field.

Each case starts from a real bundle written by ``write_bundle`` and changes one thing. Before the
schema, these raised TypeError/AttributeError/NotImplementedError inside ``read_bundle`` or got
through and broke the Analyze page on every rerun.
"""

from __future__ import annotations

import dataclasses
import json
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from analysis.present import bundle
from analysis.present.bundle import BundleError, read_bundle, write_bundle
from tests.hostile_inputs import (
    declare_size,
    rename_member,
    rezip,
    set_method,
    set_version,
    zip_members,
)
from tests.present.export_sample import sample_analysis


def good() -> bytes:
    return write_bundle(sample_analysis())


def edit_json(data: bytes, member: str, change: Callable[[Any], Any]) -> bytes:
    """The bundle with one JSON member changed by ``change`` (which may mutate and return)."""
    doc = json.loads(zip_members(data)[member])
    doc = change(doc) or doc
    return rezip(data, replace={member: json.dumps(doc).encode()})


def setter(path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    def change(doc: Any) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("entries",), 5, "manifest.json: “entries” must be a list, but it is the number 5"),
        (("entries",), ["a", "b"], "manifest.json: entry 1 must be an object"),
        (("entries",), [], "the bundle holds no analysis"),
        (("entries", 0, "analysis"), 7, "manifest.json: entry 1's “analysis” must be text"),
        (("entries", 0, "analysis"), "../../etc/passwd", "climbs out of the archive"),
        (("entries", 0, "text_sha256"), 12, "entry 1's “text_sha256” must be text"),
        (("entries", 0, "labels"), ["outlet"], "entry 1's “labels” must be an object"),
        (("entries", 0, "labels"), {"outlet": {"x": 1}}, "“labels” → “outlet”"),
        (("entries", 0, "title"), {"a": 1}, "entry 1's “title” must be text"),
        (("kind",), 3, "manifest.json: “kind”"),
        (("lexicon_versions",), "abc", "“lexicon_versions” must be an object"),
        (("schema",), "framing-lens/bundle/9", "not a Framing Lens bundle"),
    ],
)
def test_wrong_types_in_the_manifest_are_refused_by_name(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    data = edit_json(good(), "manifest.json", setter(path, value))
    with pytest.raises(BundleError) as info:
        read_bundle(data)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("markers", 0, "start"),
            "12",
            "marker 1's “start” must be a whole number, but it is the text '12'",
        ),
        (("markers", 0, "end"), 1.5, "marker 1's “end” must be a whole number"),
        (("markers",), 5, "“markers” must be a list"),
        (("markers",), ["x"], "marker 1 must be an object"),
        (("markers", 0, "kind"), "bogus", "marker 1's “kind” must be one of"),
        (("markers", 0, "start"), -3, "marker 1's “start” must not be negative"),
        (("markers", 0, "end"), 10**9, "marker 1's offsets"),
        (("actors",), {"a": 1}, "“actors” must be a list"),
        (("actors", 0, "stance_counts"), "lots", "actor 1's “stance_counts” must be an object"),
        (("actors", 0, "stance_counts", "neutral"), "2", "“stance_counts” → “neutral”"),
        (("actors", 0, "sentiment"), "NaN", "actor 1's “sentiment” must be a number"),
        (("title",), {"a": 1}, "“title” must be text, but it is an object"),
        (("text",), 5, "“text” must be text, but it is the number 5"),
        (("words",), "many", "“words” must be a whole number"),
        (("meta", "outlet"), {"x": 1}, "“meta” → “outlet”"),
        (("sentences", 0, "start"), "0", "sentence 1's “start” must be a whole number"),
        (("mentions", 0, "end"), None, "mention 1's “end” must be a whole number"),
    ],
)
def test_wrong_types_in_an_analysis_are_refused_by_member_and_field(
    path: tuple[Any, ...], value: Any, message: str
) -> None:
    data = edit_json(good(), "analyses/001.json", setter(path, value))
    with pytest.raises(BundleError) as info:
        read_bundle(data)
    text = str(info.value)
    assert text.startswith("analyses/001.json")
    assert message in text


def test_a_not_finite_number_is_refused() -> None:
    data = edit_json(
        good(), "analyses/001.json", setter(("sentences", 0, "sentiment"), float("nan"))
    )
    assert b"NaN" in zip_members(data)["analyses/001.json"]
    with pytest.raises(BundleError, match="sentence 1's “sentiment” must be a finite number"):
        read_bundle(data)


@pytest.mark.parametrize(("method", "name"), [(9, "Deflate64"), (14, "LZMA"), (93, "Zstandard")])
def test_an_unsupported_compression_method_is_refused(method: int, name: str) -> None:
    """Issue 15: NotImplementedError from inside zipfile, shown as a traceback."""
    data = set_method(good(), "analyses/001.json", method)
    with pytest.raises(BundleError, match=f"analyses/001.json is compressed with {name}"):
        read_bundle(data)


def test_a_member_needing_a_newer_zip_version_is_refused() -> None:
    """Found by tests/fuzz: NotImplementedError("zip file version 8.4") from zipfile."""
    data = set_version(good(), "analyses/001.json", 84)
    with pytest.raises(BundleError, match=r"not supported \(zip file version 8\.4\)"):
        read_bundle(data)


def test_a_huge_declared_size_is_refused_before_reading() -> None:
    data = declare_size(good(), "analyses/001.json", 4_000_000_000)
    with pytest.raises(BundleError, match=r"analyses/001\.json would unpack to 3814\.7 MB"):
        read_bundle(data)


def test_a_member_named_outside_the_archive_is_refused() -> None:
    data = rename_member(good(), "articles/001.txt", "../../001.txt")
    with pytest.raises(BundleError, match="climbs out of the archive"):
        read_bundle(data)


def _large_analysis() -> Any:
    """The sample analysis with ~2 MB of extra text after it (offsets stay valid)."""
    a = sample_analysis()
    return dataclasses.replace(a, text=a.text + "\n" + "Filler text about nothing. " * 80_000)


def test_the_same_analysis_listed_100_times_is_loaded_once() -> None:
    """Issue 16: a manifest listing one 2.2 MB analysis 100 times loaded 100 copies (+470 MB)."""
    data = write_bundle(_large_analysis())
    assert len(zip_members(data)["analyses/001.json"]) > 2_000_000

    def repeat(doc: Any) -> None:
        doc["entries"] = doc["entries"] * 100

    data = edit_json(data, "manifest.json", repeat)
    tracemalloc.start()
    loaded = read_bundle(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(loaded.analyses) == 1
    assert any("analyses/001.json 100 times" in w for w in loaded.warnings)
    assert peak < 60 * 1024 * 1024  # one copy and its parsing, not a hundred


def test_many_distinct_copies_hit_the_total_decoded_size_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    big = _large_analysis()
    monkeypatch.setattr(bundle, "MAX_UNPACKED_BYTES", 20 * 1024 * 1024)
    data = write_bundle([big] * 12, labels=[{"outlet": f"o{i}"} for i in range(12)])
    with pytest.raises(BundleError, match=r"would unpack to .* MB, more than the 20\.0 MB limit"):
        read_bundle(data)


def test_a_valid_bundle_still_round_trips() -> None:
    a = sample_analysis()
    assert read_bundle(write_bundle(a)).analyses == (a,)


def test_a_schema_1_bundle_with_free_text_detail_still_opens() -> None:
    """Bundles saved before structured marker fields keep opening (the schema accepts both)."""

    def old(doc: Any) -> None:
        doc["schema"] = "framing-lens/analysis/1"
        for m in doc["markers"]:
            for key in ("speaker", "cue", "qualifies", "valence", "rule", "reason"):
                m.pop(key, None)
        doc["markers"][0]["detail"] = "speaker: the NATO boss"

    loaded = read_bundle(edit_json(good(), "analyses/001.json", old))
    assert loaded.analyses[0].markers[0].speaker == "the NATO boss"
