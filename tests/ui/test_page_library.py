"""Library page with AppTest: seeded first run, filters, import with bad rows, edit, delete."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis.library.samples import sample_rows
from analysis.library.store import Library
from analysis.present.text import shown_text
from tests.ui.library_rows import delete_confirm, select_rows

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "library.py")
TIMEOUT = 180


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def table_ids(app: AppTest) -> list[int]:
    return app.dataframe[0].value["id"].tolist()


def test_first_run_lists_the_samples(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    n = len(sample_rows())
    assert len(table_ids(app)) == n
    frame = app.dataframe[0].value
    assert set(frame["outlet"]) >= {"Seed article", "Meridian Wire", "Moscow Courier"}
    assert frame["constructed"].sum() == n - 1  # every sample but the seed is constructed
    assert any(f"**{n}** of {n}" in m.value for m in app.markdown)
    assert app.download_button(key="library.export_csv")
    assert app.download_button(key="library.export_jsonl")


def test_search_and_filters(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    app.text_input(key="library.search").set_value("Zakharova mocked")
    run(app)
    with Library(db) as lib:
        expected = [a.id for a in lib.articles(search="Zakharova mocked")]
        courier = [a.id for a in lib.articles(outlets=["Moscow Courier"])]
    assert 0 < len(expected) < len(sample_rows())
    assert table_ids(app) == expected
    app.text_input(key="library.search").set_value("")
    app.multiselect(key="library.outlets").set_value(["Moscow Courier"])
    run(app)
    assert table_ids(app) == courier
    app.multiselect(key="library.outlets").set_value([])
    app.date_input(key="library.date_from").set_value("2022-02-17")
    run(app)
    frame = app.dataframe[0].value
    assert len(frame) > 0
    assert (frame["date"] >= "2022-02-17").all()


def test_import_csv_reports_bad_rows_and_imports_the_rest(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    csv_bytes = (
        b"title,outlet,date,text\n"
        b'First,Test Outlet,2022-03-01,"NATO chief Jens Stoltenberg claimed that Russia moved."\n'
        b"Broken,Test Outlet,March-ish,A row with a date nobody can read.\n"
        b'Second,Test Outlet,2022-03-02,"Russia said it had withdrawn, the Kremlin insisted."\n'
    )
    app.file_uploader(key="library.upload").set_value(("new.csv", csv_bytes, "text/csv"))
    run(app)
    app.button(key="library.import").click()
    run(app)
    assert any("2 articles added" in shown_text(w.value) for w in app.warning)
    assert any("new.csv, line 3" in shown_text(e.value) for e in app.error)
    with Library(db) as lib:
        new = lib.articles(outlets=["Test Outlet"])
        assert [a.title for a in new] == ["First", "Second"]
        assert lib.missing_analyses(ids=[a.id for a in new]) == []  # analysed on import
    # Importing the same file again stores nothing twice.
    app.button(key="library.import").click()
    run(app)
    assert any(
        "0 articles added, 2 already in the library" in shown_text(w.value) for w in app.warning
    )


def test_import_jsonl_and_text_files(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    jsonl = json.dumps({"text": "Belarus confirmed the troops would leave.", "outlet": "J"})
    app.file_uploader(key="library.upload").set_value(
        [
            ("a.jsonl", jsonl.encode(), "application/json"),
            ("b.txt", b"Headline B\nThe Kremlin denied everything.", "text/plain"),
        ]
    )
    run(app)
    app.button(key="library.import").click()
    run(app)
    assert any("2 articles added" in shown_text(s.value) for s in app.success)
    with Library(db) as lib:
        assert lib.find("The Kremlin denied everything.") is None  # whole text, headline too
        titles = {a.title for a in lib.articles(search="denied everything")}
        assert titles == {"Headline B"}
        assert lib.find("Belarus confirmed the troops would leave.").outlet == "J"


def test_edit_metadata_and_refuse_bad_date(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        target = lib.articles(outlets=["Ledger Markets"])[0].id
    select_rows(app, [target])
    app.text_input(key=f"library.edit.{target}.outlet").set_value("Ledger <Markets> & Co")
    app.text_input(key=f"library.edit.{target}.date").set_value("not a date")
    form_button = next(b for b in app.button if b.label == "Save changes")
    form_button.click()
    run(app)
    assert any("Not saved" in shown_text(e.value) for e in app.error)
    with Library(db) as lib:
        assert lib.get(target).outlet == "Ledger Markets"
    app.text_input(key=f"library.edit.{target}.date").set_value("17 February 2022")
    next(b for b in app.button if b.label == "Save changes").click()
    run(app)
    with Library(db) as lib:
        art = lib.get(target)
    assert (art.outlet, art.date) == ("Ledger <Markets> & Co", "2022-02-17")
    assert any(s.value == "Saved." for s in app.success)


def test_delete_needs_confirmation(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        doomed = [a.id for a in lib.articles(outlets=["Daily Clarion"])]
        before = lib.count()
    select_rows(app, doomed)
    assert app.button(key="library.delete").disabled  # not confirmed yet
    delete_confirm(app).check()
    run(app)
    assert not app.button(key="library.delete").disabled
    app.button(key="library.delete").click()
    run(app)
    with Library(db) as lib:
        assert lib.count() == before - len(doomed)
        assert lib.articles(outlets=["Daily Clarion"]) == []
    assert any("Deleted 1 article" in shown_text(s.value) for s in app.success)
    assert "Daily Clarion" not in set(app.dataframe[0].value["outlet"])
    # A reopened page does not bring the deleted sample back.
    run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        assert lib.articles(outlets=["Daily Clarion"]) == []
