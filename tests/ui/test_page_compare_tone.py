"""Compare page with AppTest: the sentences behind a cell of the tone heat map (an actor in one
outlet), each with the words that decided its tone, everything from the article escaped."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis.library.samples import seed_library
from analysis.library.store import Library

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "compare.py")
TIMEOUT = 240
EVIL_OUTLET = "<script>Evil</script> Times"


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def tone_blocks(app: AppTest) -> list[str]:
    return [h.value for h in app.html if "fl-tone" in h.value]


def test_a_cell_shows_its_sentences_with_the_deciding_words_escaped(db: Path) -> None:
    with Library(db) as lib:
        seed_library(lib)
        lib.add(
            'Critics accused <img src=x onerror="alert(1)"> Jens Stoltenberg of lying to voters '
            "and wasting millions. Stoltenberg said the talks went on.",
            title="<b>Bold</b> title",
            outlet=EVIL_OUTLET,
        )
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    run(app)
    app.toggle(key="compare.exclude_samples").set_value(False)
    run(app)
    # The pickers of a cell are sent only once their expander is opened.
    assert not [s for s in app.selectbox if s.key == "compare.tone_actor"]
    app.session_state["compare.tone_cell.open"] = True
    run(app)
    actors = app.selectbox(key="compare.tone_actor").options
    assert "Jens Stoltenberg" in actors
    app.selectbox(key="compare.tone_actor").set_value("Jens Stoltenberg")
    app.selectbox(key="compare.tone_group").set_value(EVIL_OUTLET)
    run(app)
    [block] = tone_blocks(app)
    assert "<script>" not in block and "<img" not in block
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in block
    # The clearest sentence first: negative towards Stoltenberg, "accused" pushed it there.
    first = block.split('class="fl-tone-sentence"')[1]
    assert "as <b" in first and ">negative</b> towards <b>Jens Stoltenberg</b>" in first
    assert 'class="fl-tone-for"' in first and ">accused</mark>" in first
    # Each sentence once, although it may mention the actor twice ("Stoltenberg", "he").
    sentences = [s.split("</p>")[0] for s in block.split('class="fl-tone-sentence"')[1:]]
    assert len(sentences) == len(set(sentences))
    # Another outlet gives other sentences (its own articles only).
    other = next(o for o in app.selectbox(key="compare.tone_group").options if o != EVIL_OUTLET)
    app.selectbox(key="compare.tone_group").set_value(other)
    run(app)
    blocks = tone_blocks(app)
    assert all("Bold" not in b and "accused" not in b for b in blocks)
    # Closed and opened again, the expander shows the same cell (not the first outlet's).
    assert app.selectbox(key="compare.tone_group").options[0] != other
    app.session_state["compare.tone_cell.open"] = False
    run(app)
    assert not tone_blocks(app)
    app.session_state["compare.tone_cell.open"] = True
    run(app)
    assert app.selectbox(key="compare.tone_group").value == other
    assert tone_blocks(app) == blocks


def test_an_actor_absent_from_an_outlet_says_so(db: Path) -> None:
    with Library(db) as lib:
        seed_library(lib)
        lib.add("The council met on Tuesday and the mayor said little.", outlet="Quiet Post")
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    run(app)
    app.toggle(key="compare.exclude_samples").set_value(False)
    app.session_state["compare.tone_cell.open"] = True
    run(app)
    app.selectbox(key="compare.tone_actor").set_value("Jens Stoltenberg")
    app.selectbox(key="compare.tone_group").set_value("Quiet Post")
    run(app)
    assert not tone_blocks(app)
    captions = [c.value for c in app.caption]
    assert "No mention of Jens Stoltenberg in Quiet Post has a tone." in captions, captions
