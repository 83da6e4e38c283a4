"""Library page at scale: counts after an import, pages of rows, delete all matching, outlets."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis import analyze
from analysis.library.store import Library
from analysis.present.text import shown_text
from tests.ui.library_rows import delete_confirm, select_rows

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "library.py")
TIMEOUT = 240
A_TXT = "Talks resume in Vienna\nOfficials said the talks would resume."
B_TXT = "Kremlin denies crossing\nThe Kremlin denied everything on Monday."


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def header_count(app: AppTest) -> int:
    caption = next(c.value for c in app.caption if "articles stored" in c.value)
    return int(caption.split()[0].replace(",", ""))


def article(i: int) -> str:
    return f"Officials said on day {i} that the talks in Vienna would resume next week."


def fill(db: Path, n: int, outlet: str = "Bulk Wire") -> None:
    """Store ``n`` articles without analysing them (a large library is listed, not analysed)."""
    with Library(db) as lib:
        lib.add_many(
            [{"text": article(i), "title": f"Bulk {i}", "outlet": outlet, "date": "2024-05-01"}
             for i in range(n)]
        )  # fmt: skip


def test_after_an_import_the_header_counts_and_the_summary_says_what_is_analysed(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    before = header_count(app)
    # One text was analysed before (on another page); importing it must not say "0 analysed".
    text = "The Kremlin denied on Monday that its troops had crossed the border."
    with Library(db) as lib:
        assert lib.put_analysis(analyze(text))
    rows = "".join(f'T{i},Out,2024-01-0{i + 1},"{article(i)}"\n' for i in range(2))
    csv_bytes = f'title,outlet,date,text\n{rows}Old,Out,2024-01-09,"{text}"\n'.encode()
    app.file_uploader(key="library.upload").set_value(("three.csv", csv_bytes, "text/csv"))
    run(app)
    app.button(key="library.import").click()
    run(app)
    summary = " ".join(shown_text(s.value) for s in app.success)
    assert "3 articles added" in summary
    assert "3 analysed (1 from earlier analyses of the same text)" in summary
    assert header_count(app) == before + 3
    assert any(f"**{before + 3}** of {before + 3}" in m.value for m in app.markdown)


def test_the_table_shows_one_page_at_a_time(db: Path) -> None:
    fill(db, 120)
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        every = [a.id for a in lib.articles(with_text=False)]
    assert len(every) > 120
    assert app.dataframe[0].value["id"].tolist() == every[:50]
    app.number_input(key="library.page").set_value(3)
    run(app)
    assert app.dataframe[0].value["id"].tolist() == every[100:150]
    assert any(f"showing 101–{min(150, len(every))}" in m.value for m in app.markdown)
    app.selectbox(key="library.page_size").set_value(100)
    run(app)
    # Another page size starts again at the first page.
    assert app.dataframe[0].value["id"].tolist() == every[:100]


def test_delete_all_matching_needs_the_count_confirmed_and_deletes_only_those(db: Path) -> None:
    fill(db, 60, outlet="Bulk Wire")
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        keep = {a.id for a in lib.articles(with_text=False) if a.outlet != "Bulk Wire"}
    app.multiselect(key="library.outlets").set_value(["Bulk Wire"])
    run(app)
    button = app.button(key="library.delete_all")
    assert button.label == "Delete 60 article(s)"
    assert button.disabled  # not confirmed yet
    box = app.checkbox(key="library.delete_all_confirm.60")
    assert "all 60 matching" in box.label
    box.check()
    run(app)
    app.button(key="library.delete_all").click()
    run(app)
    with Library(db) as lib:
        assert {a.id for a in lib.articles(with_text=False)} == keep
    assert any("Deleted 60 article(s)" in shown_text(s.value) for s in app.success)


def test_a_selected_row_is_edited_and_other_rows_stay(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        first, second = [a.id for a in lib.articles(with_text=False)][:2]
    select_rows(app, [second])
    app.text_input(key=f"library.edit.{second}.title").set_value("Picked in the table")
    next(b for b in app.button if b.label == "Save changes").click()
    run(app)
    with Library(db) as lib:
        assert lib.get(second).title == "Picked in the table"
        assert lib.get(first).title != "Picked in the table"
    # Two rows ticked: no edit form, but both can be deleted.
    select_rows(app, [first, second])
    assert not [t for t in app.text_input if (t.key or "").startswith("library.edit.")]
    assert "2 selected" in delete_confirm(app).label


def test_a_selection_does_not_follow_the_rows_to_another_filter(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    with Library(db) as lib:
        target = next(a.id for a in lib.articles(with_text=False))
    select_rows(app, [target])
    app.multiselect(key="library.outlets").set_value(["Moscow Courier"])
    run(app)
    assert not [t for t in app.text_input if (t.key or "").startswith("library.edit.")]


def test_each_uploaded_article_file_gets_its_own_outlet(db: Path) -> None:
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    app.file_uploader(key="library.upload").set_value(
        [
            ("a.txt", A_TXT.encode(), "text/plain"),
            ("b.txt", B_TXT.encode(), "text/plain"),
        ]
    )
    run(app)
    app.text_input(key="library.outlet_file.0.a.txt").set_value("Vienna Post")
    app.text_input(key="library.outlet_file.1.b.txt").set_value("Moscow Courier")
    app.button(key="library.import").click()
    run(app)
    with Library(db) as lib:
        a, b = lib.find(A_TXT), lib.find(B_TXT)
    assert (a.title, a.outlet) == ("Talks resume in Vienna", "Vienna Post")
    assert (b.title, b.outlet) == ("Kremlin denies crossing", "Moscow Courier")
