"""The alias editor on the Library page (AppTest): merge, split, rename, not an actor, undo, CSV.

The library holds hand-built analyses (no model runs); every edit must land in the library's
alias table and change the resolved actors the page lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from analysis.library.aliases import Alias, AliasTable
from analysis.library.samples import SEEDED_KEY
from analysis.library.store import Library
from tests.library.test_query import analysis_of

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "library.py")
KEY = "library.alias"
TRICKY = "**Bold** <b>x</b> [link](http://e.x)"
ARTICLES = [
    ("Wire", "Kerry claimed the talks failed.", {"John Kerry": 2, "Ms Quill": 1}),
    ("Courier", "Kerry said more.", {"Kerry": 1, "Anna Quill": 2, TRICKY: 1}),
]


def library(db: Path) -> None:
    with Library(db) as lib:
        lib.set_meta(SEEDED_KEY, "1")  # no samples: only these articles
        for outlet, text, actors in ARTICLES:
            lib.add(text, outlet=outlet, analysis=analysis_of(text, actors))


def run(target: Any) -> AppTest:
    """Run the script (an AppTest, or a widget after an interaction) and check it did not fail."""
    app: AppTest = target.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def actors(app: AppTest) -> dict[str, str]:
    frame = app.dataframe[1].value  # after the articles table (dataframes carry no key here)
    return dict(zip(frame["actor"], frame["also written"], strict=True))


def rules(db: Path) -> list[Alias]:
    with Library(db) as lib:
        return AliasTable(lib).rules()


def test_the_editor_lists_resolved_actors_and_merges_two(db: Path) -> None:
    library(db)
    app = run(AppTest.from_file(PAGE, default_timeout=120))
    listed = actors(app)
    assert listed["John Kerry"] == "Kerry"  # resolved across the library, no alias yet
    assert {"Ms Quill", "Anna Quill"} <= set(listed)
    run(app.selectbox(key=f"{KEY}.merge_from").select("Ms Quill"))
    run(app.selectbox(key=f"{KEY}.merge_into").select("Anna Quill"))
    run(app.button(key=f"{KEY}.merge").click())
    assert rules(db) == [Alias("merge", "Ms Quill", "Anna Quill")]
    assert "Ms Quill" not in actors(app)
    assert actors(app)["Anna Quill"] == "Ms Quill"
    assert any("Merged Ms Quill into Anna Quill" in s.value for s in app.success)


def test_split_rename_ignore_and_undo(db: Path) -> None:
    library(db)
    app = run(AppTest.from_file(PAGE, default_timeout=120))
    run(app.selectbox(key=f"{KEY}.split_actor").select("John Kerry"))
    run(app.selectbox(key=f"{KEY}.split_name").select("Kerry"))
    run(app.button(key=f"{KEY}.split").click())
    assert Alias("split", "Kerry") in rules(db)
    assert "Kerry" in actors(app) and actors(app)["John Kerry"] == ""

    run(app.selectbox(key=f"{KEY}.rename_actor").select("Anna Quill"))
    run(app.text_input(key=f"{KEY}.rename_to").input("Dr Anna Quill"))
    run(app.button(key=f"{KEY}.rename").click())
    assert "Dr Anna Quill" in actors(app)

    run(app.selectbox(key=f"{KEY}.ignore_actor").select(TRICKY))
    run(app.button(key=f"{KEY}.ignore").click())
    assert TRICKY not in actors(app)
    # The name is article text: the confirmation shows it literally, no Markdown, no HTML.
    message = next(s.value for s in app.success if "no longer counted" in s.value)
    assert "\\*\\*Bold\\*\\*" in message and "\\<b\\>" in message and "\\[link\\]" in message

    run(app.selectbox(key=f"{KEY}.remove_pick").select("split: Kerry"))
    run(app.button(key=f"{KEY}.remove").click())
    assert Alias("split", "Kerry") not in rules(db)
    assert actors(app)["John Kerry"] == "Kerry"


def test_a_suggested_merge_is_accepted_in_one_click(db: Path) -> None:
    with Library(db) as lib:
        lib.set_meta(SEEDED_KEY, "1")
        lib.add("Lavrov said.", outlet="Wire", analysis=analysis_of("Lavrov said.", {"X": 1}))
        stored = analysis_of("Sergei Lavrov said.", {"Sergei Lavrov": 1})
        lib.add("Sergei Lavrov said.", outlet="Wire", analysis=stored)
        con = lib.connection  # the model typed the bare surname ORG: write it so
        con.execute(
            "UPDATE actor_counts SET type = 'ORG' WHERE name_id = "
            "(SELECT id FROM actor_names WHERE name = 'X')"
        )
        con.execute("UPDATE actor_names SET name = 'Lavrov' WHERE name = 'X'")
    app = run(AppTest.from_file(PAGE, default_timeout=120))
    box = app.multiselect(key=f"{KEY}.suggested")
    assert box.options == ["Lavrov → Sergei Lavrov"]
    run(box.select("Lavrov → Sergei Lavrov"))
    run(app.button(key=f"{KEY}.accept").click())
    assert rules(db) == [Alias("merge", "Lavrov", "Sergei Lavrov", "suggested")]
    assert actors(app)["Sergei Lavrov"] == "Lavrov"
