"""What the app accepts is what its widgets say: 10 MB uploads, a paste box that stays quick."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis.library.ingest import MAX_CHARS
from analysis.present.text import shown_text
from ui.inputs import PASTE_MAX_CHARS
from ui.samples import seed

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


def analyze() -> AppTest:
    app = AppTest.from_file(str(ROOT / "pages" / "analyze.py"), default_timeout=TIMEOUT).run()
    assert not app.exception
    return app


def test_the_paste_box_is_limited_and_says_where_longer_texts_go() -> None:
    app = analyze()
    box = app.text_area(key="analyze.text")
    assert box.proto.max_chars == PASTE_MAX_CHARS < MAX_CHARS
    assert "upload longer articles" in box.help


def test_a_paste_that_fills_the_box_is_analysed_with_a_warning() -> None:
    app = analyze()
    text = (seed().text + "\n\n") * (PASTE_MAX_CHARS // len(seed().text) + 1)
    app.text_area(key="analyze.text").set_value(text[:PASTE_MAX_CHARS])
    app.button(key="analyze.run").click()
    app.run()
    assert not app.exception
    warnings = [shown_text(w.value) for w in app.warning]
    assert any("filled the box (100,000 characters) and may have been cut" in w for w in warnings)


def test_every_upload_widget_names_the_limit(db: Path) -> None:
    app = analyze()
    app.radio(key="analyze.source").set_value("Upload files")
    app.run()
    labels = [u.proto.label for u in app.get("file_uploader")]
    assert len(labels) == 2 and all("10 MB" in label for label in labels), labels
    library = AppTest.from_file(str(ROOT / "pages" / "library.py"), default_timeout=180).run()
    assert "10 MB" in library.get("file_uploader")[0].proto.label
