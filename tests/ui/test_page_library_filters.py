"""Library page (AppTest): the Compare page's "leave out the constructed samples" and actor
filters narrow the table, and "delete all matching" deletes only what they keep."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from analysis.library.store import Library
from analysis.present.text import shown_text
from tests.library.test_query import ARTICLES, analysis_of

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "library.py")
TIMEOUT = 180


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def stored(db: Path) -> dict[int, tuple[str | None, bool]]:
    """id → (title, constructed) of every stored article."""
    with Library(db) as lib:
        return {a.id: (a.title, a.constructed) for a in lib.articles(with_text=False)}


def test_samples_out_and_an_actor_narrow_the_table_and_delete_all_matching(db: Path) -> None:
    with Library(db) as lib:
        for outlet, date, constructed, text, actors in ARTICLES:
            lib.add(text, title=f"{outlet}: {text[:20]}", outlet=outlet, date=date,
                    constructed=constructed, analysis=analysis_of(text, actors))  # fmt: skip
    app = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    every = stored(db)
    assert sum(c for _, c in every.values()) >= 2  # the shipped samples and ours
    assert set(app.dataframe[0].value["id"]) == set(every)

    app.toggle(key="library.exclude_samples").set_value(True)
    run(app)
    real = {i for i, (_, c) in every.items() if not c}
    assert set(app.dataframe[0].value["id"]) == real
    assert any(f"**{len(real)}** of {len(every)}" in m.value for m in app.markdown)

    app.text_input(key="library.actor").set_value("Jens Stoltenberg")
    run(app)
    # Of the two articles about him, the constructed one is left out.
    (kept,) = app.dataframe[0].value["id"].tolist()
    assert every[kept][0].startswith("Wire: Stoltenberg") and not every[kept][1]
    assert app.button(key="library.delete_all").label == "Delete 1 article(s)"
    app.checkbox(key="library.delete_all_confirm.1").check()
    run(app)
    app.button(key="library.delete_all").click()
    run(app)
    assert set(stored(db)) == set(every) - {kept}
    assert any("Deleted 1 article(s)" in shown_text(s.value) for s in app.success)
