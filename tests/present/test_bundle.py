"""Analysis bundles: a .zip round trip gives back identical analyses; bad files get clear errors."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from analysis.lexicons import lexicon_versions
from analysis.present import bundle
from analysis.version import ENGINE_VERSION
from tests.present.export_sample import TEXT, sample_analysis

SEED = Path(__file__).resolve().parents[2] / "sample_articles" / "nato-eastern-flank.txt"


def test_round_trip_gives_an_identical_analysis() -> None:
    a = sample_analysis()
    loaded = bundle.read_bundle(bundle.write_bundle(a))
    assert loaded.kind == "article"
    assert loaded.analyses == (a,)
    assert loaded.analyses[0].to_dict(include_text=True) == a.to_dict(include_text=True)


def test_round_trip_of_the_seed_article_from_the_real_engine() -> None:
    from analysis.engine.pipeline import analyze

    a = analyze(SEED.read_text(encoding="utf-8"), title="NATO eastern flank")
    assert a.actors  # the engine found something to keep
    assert a.markers
    loaded = bundle.read_bundle(bundle.write_bundle(a)).analyses[0]
    assert loaded == a
    assert loaded.actors_frame().equals(a.actors_frame())
    assert loaded.markers_frame().equals(a.markers_frame())


def test_bundle_holds_text_analysis_lexicon_versions_and_manifest() -> None:
    a = sample_analysis()
    with zipfile.ZipFile(io.BytesIO(bundle.write_bundle(a))) as zf:
        names = set(zf.namelist())
        assert {"manifest.json", "articles/001.txt", "analyses/001.json"} <= names
        assert zf.read("articles/001.txt").decode("utf-8") == TEXT
        manifest = json.loads(zf.read("manifest.json"))
        saved = json.loads(zf.read("analyses/001.json"))
    assert manifest["schema"] == bundle.BUNDLE_SCHEMA
    assert manifest["engine_version"] == ENGINE_VERSION
    assert manifest["lexicon_versions"] == lexicon_versions()
    assert manifest["entries"][0]["title"] == a.title
    assert saved["markers"][0]["explanation"] == a.markers[0].explanation


def test_comparison_bundle_keeps_order_and_labels(tmp_path: Path) -> None:
    a, b = sample_analysis("one"), sample_analysis("two")
    data = bundle.write_bundle(
        [a, b], labels=[{"outlet": "Wire A"}, {"outlet": "Wire B"}], extra={"by": "outlet"}
    )
    path = tmp_path / "set.zip"
    path.write_bytes(data)
    loaded = bundle.read_bundle(path)
    assert loaded.kind == "comparison"
    assert [x.title for x in loaded.analyses] == ["one", "two"]
    assert [lab["outlet"] for lab in loaded.labels] == ["Wire A", "Wire B"]
    assert loaded.manifest["extra"] == {"by": "outlet"}


def test_labels_must_match_the_analyses() -> None:
    with pytest.raises(ValueError, match="one entry per analysis"):
        bundle.write_bundle([sample_analysis()], labels=[{}, {}])


def _rezip(data: bytes, change) -> bytes:
    """The bundle with its members passed through ``change(name, bytes) -> bytes | None``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            body = change(name, src.read(name))
            if body is not None:
                dst.writestr(name, body)
    return out.getvalue()


def test_engine_and_lexicon_drift_are_reported_not_fatal() -> None:
    def older(name: str, body: bytes) -> bytes:
        if name != "manifest.json":
            return body
        m = json.loads(body)
        m["engine_version"] = "0.0.1"
        m["lexicon_versions"] = {**m["lexicon_versions"], "doubt": "000000000000"}
        return json.dumps(m).encode()

    loaded = bundle.read_bundle(_rezip(bundle.write_bundle(sample_analysis()), older))
    assert loaded.analyses[0] == sample_analysis()
    assert any("engine 0.0.1" in w for w in loaded.warnings)
    assert any("doubt" in w for w in loaded.warnings)


def test_fresh_bundle_has_no_warnings() -> None:
    assert bundle.read_bundle(bundle.write_bundle(sample_analysis())).warnings == ()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not a .zip"),
        (b"", "not a .zip"),
    ],
)
def test_non_zip_files_are_refused_clearly(data: bytes, message: str) -> None:
    with pytest.raises(bundle.BundleError, match=message):
        bundle.read_bundle(data)


def test_other_zips_and_damaged_bundles_are_refused_clearly() -> None:
    good = bundle.write_bundle(sample_analysis())
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(bundle.BundleError, match=r"manifest\.json is missing"):
        bundle.read_bundle(other.getvalue())

    def wrong_schema(name: str, body: bytes) -> bytes:
        return b'{"schema": "something/else"}' if name == "manifest.json" else body

    with pytest.raises(bundle.BundleError, match="not a Framing Lens bundle"):
        bundle.read_bundle(_rezip(good, wrong_schema))

    def drop_analysis(name: str, body: bytes) -> bytes | None:
        return None if name.startswith("analyses/") else body

    with pytest.raises(bundle.BundleError, match=r"analyses/001\.json is missing"):
        bundle.read_bundle(_rezip(good, drop_analysis))

    def bad_json(name: str, body: bytes) -> bytes:
        return b"{oops" if name.startswith("analyses/") else body

    with pytest.raises(bundle.BundleError, match="not valid JSON"):
        bundle.read_bundle(_rezip(good, bad_json))

    def tampered(name: str, body: bytes) -> bytes:
        if not name.startswith("analyses/"):
            return body
        d = json.loads(body)
        d["text"] = d["text"].replace("claimed", "stated!")
        return json.dumps(d).encode()

    with pytest.raises(bundle.BundleError, match="do not point at its words in the article text"):
        bundle.read_bundle(_rezip(good, tampered))

    def broken_record(name: str, body: bytes) -> bytes:
        if not name.startswith("analyses/"):
            return body
        d = json.loads(body)
        del d["actors"]
        return json.dumps(d).encode()

    with pytest.raises(bundle.BundleError, match=r"analyses/001\.json: “actors” is missing"):
        bundle.read_bundle(_rezip(good, broken_record))


def test_oversized_bundles_are_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(
        bundle.BundleError, match=r"would unpack to \d+\.\d KB, more than the 100 bytes limit"
    ):
        bundle.read_bundle(bundle.write_bundle(sample_analysis()))
