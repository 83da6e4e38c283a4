"""Every write on the Library page changes only the rows it is meant to (issue 16: data loss)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from analysis.library.store import Library
from tests.ui.library_rows import delete_confirm, select_rows

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "library.py")
TIMEOUT = 180


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def rows(db: Path) -> dict[int, dict[str, Any]]:
    """Every stored article's row (metadata and text), by id."""
    with Library(db) as lib:
        return {r["id"]: r for r in lib.export_rows()}


def save(app: AppTest) -> None:
    next(b for b in app.button if b.label == "Save changes").click()
    run(app)


def test_switching_the_article_then_saving_keeps_each_articles_own_values(db: Path) -> None:
    """Pick #3, then #4, save: #4 must not get #3's title and date (it did, with fixed keys)."""
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    before = rows(db)
    third, fourth = sorted(before)[2:4]
    select_rows(app, [third])
    select_rows(app, [fourth])
    shown = {t.label: t.value for t in app.text_input if t.key and t.key.startswith("library.edit")}
    assert shown["Title"] == (before[fourth]["title"] or "")
    save(app)
    assert rows(db) == before  # saving unchanged values changes nothing, on any row


def test_an_edit_changes_only_the_chosen_article(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    before = rows(db)
    first, target = sorted(before)[0], sorted(before)[4]
    select_rows(app, [first])  # look at another one first
    select_rows(app, [target])
    app.text_input(key=f"library.edit.{target}.title").set_value("A new title")
    save(app)
    after = rows(db)
    assert after[target]["title"] == "A new title"
    assert {k: v for k, v in after.items() if k != target} == {
        k: v for k, v in before.items() if k != target
    }


def test_deleting_removes_only_the_chosen_articles(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    before = rows(db)
    doomed = sorted(before)[1:3]
    select_rows(app, doomed)
    delete_confirm(app).check()
    run(app)
    app.button(key="library.delete").click()
    run(app)
    assert rows(db) == {k: v for k, v in before.items() if k not in doomed}


def test_importing_adds_rows_and_changes_no_existing_one(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    before = rows(db)
    existing = before[sorted(before)[0]]
    quoted = existing["text"].replace('"', '""')
    csv_bytes = (
        "title,outlet,text\n"
        f'A different title,Another outlet,"{quoted}"\n'  # the same text: a duplicate
        'New one,Test Outlet,"NATO chief Jens Stoltenberg claimed that Russia moved troops."\n'
    ).encode()
    app.file_uploader(key="library.upload").set_value(("rows.csv", csv_bytes, "text/csv"))
    run(app)
    app.button(key="library.import").click()
    run(app)
    after = rows(db)
    assert {k: after[k] for k in before} == before  # the duplicate kept its stored metadata
    new = [after[k] for k in after if k not in before]
    assert [(r["title"], r["outlet"]) for r in new] == [("New one", "Test Outlet")]
