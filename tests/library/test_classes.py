"""Class activities in a real SQLite library: start, answer, replace, restart, thirty at once."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from analysis.library.classes import (
    AddedFlag,
    Answer,
    ClassActivities,
    ClassArticle,
    ClassError,
    flags_from_markers,
    normalise_code,
)
from analysis.library.links import article_key, share_article, shared_article
from analysis.library.schema import MIGRATIONS, Migration, apply_migration
from analysis.library.store import Library
from analysis.records import Marker

TEXT = 'Stoltenberg claimed that Russia "threatens" Europe. Russia said it did not.'


def marker(word: str, kind: str = "attribution", category: str = "distancing") -> Marker:
    start = TEXT.index(word)
    return Marker(kind, category, word, start, start + len(word), "Russia", f"why {word}", "MOS")


def article(position: int = 0) -> ClassArticle:
    flags = flags_from_markers(
        [marker("said", category="neutral"), marker("threatens", "scare_quote", "scare"),
         marker("claimed")]
    )  # fmt: skip
    return ClassArticle(position, "Title <b>", "Outlet", TEXT, "0.2.0", flags)


@pytest.fixture
def classes(tmp_path: Path) -> ClassActivities:
    return ClassActivities(Library(tmp_path / "lib.sqlite3"))


def test_flags_are_numbered_in_reading_order() -> None:
    flags = article().flags
    assert [(f.number, f.text) for f in flags] == [(1, "claimed"), (2, "threatens"), (3, "said")]
    assert flags[0].marker().start == TEXT.index("claimed")


def test_start_an_activity_and_find_it_by_code_and_by_teacher_token(
    classes: ClassActivities,
) -> None:
    new = classes.create("Drills", [article()])
    code = new.activity.code
    assert len(code) == 6 and code.isalnum() and code.isupper()
    assert classes.by_code(code.lower()) == new.activity
    assert classes.by_code(f" {code[:3]}-{code[3:]} ") == new.activity
    assert normalise_code("ab-c d") == "ABCD"
    assert classes.by_teacher_token(new.teacher_token) == new.activity
    assert classes.by_teacher_token(code) is None
    assert classes.by_code("ZZZZZZ") is None
    # Only a hash of the token is stored.
    rows = classes._con.execute("SELECT * FROM class_activities").fetchall()
    assert new.teacher_token not in repr([tuple(r) for r in rows])


def test_twin_activity_labels_flags_a_and_b(classes: ClassActivities) -> None:
    activity = classes.create("Twins", [article(0), article(1)]).activity
    assert activity.twins
    assert activity.flag_label(0, 3) == "A3" and activity.flag_label(1, 1) == "B1"
    with pytest.raises(ClassError):
        classes.create("Three", [article(0), article(1), article(2)])


def test_submit_and_read_back_answers_and_added_flags(classes: ClassActivities) -> None:
    activity = classes.create("Drills", [article()]).activity
    start = TEXT.index("did not")
    classes.submit(
        activity,
        token="t1",
        student="  Ada   <img src=x onerror=alert(1)> ",
        answers=[Answer(0, 1, "agree", "it is doubt"), Answer(0, 2, "disagree", "")],
        added=[AddedFlag(0, start, start + 7, "did not", "loaded", "=HYPERLINK()")],
    )
    (sub,) = classes.submissions(activity.id)
    assert sub.student == "Ada <img src=x onerror=alert(1)>"  # stored as given, trimmed
    assert [(a.flag, a.answer, a.reason) for a in sub.answers] == [
        (1, "agree", "it is doubt"),
        (2, "disagree", ""),
    ]
    assert sub.added[0].text == "did not" and sub.added[0].reason == "=HYPERLINK()"


def test_sending_again_replaces_instead_of_counting_twice(classes: ClassActivities) -> None:
    activity = classes.create("Drills", [article()]).activity
    classes.submit(activity, token="t1", student="Ada", answers=[Answer(0, 1, "agree")])
    classes.submit(activity, token="t1", student="Ada L.", answers=[Answer(0, 2, "disagree")])
    classes.submit(activity, token="t2", student="", answers=[Answer(0, 1, "disagree")])
    subs = classes.submissions(activity.id)
    assert classes.submission_count(activity.id) == 2
    assert [s.student for s in subs] == ["Ada L.", ""]
    assert [(a.flag, a.answer) for a in subs[0].answers] == [(2, "disagree")]


@pytest.mark.parametrize(
    ("answers", "added", "words"),
    [
        ([Answer(0, 9, "agree")], [], "no flag 9"),
        ([Answer(1, 1, "agree")], [], "no flag 1"),
        ([Answer(0, 1, "maybe")], [], "'agree' or 'disagree'"),
        ([], [AddedFlag(0, 0, 5, "Putin", "loaded")], "not in the article"),
        ([], [AddedFlag(0, 0, 11, "Stoltenberg", "rumour")], "Unknown kind"),
        ([], [], "at least one flag"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(
    classes: ClassActivities, answers: list[Answer], added: list[AddedFlag], words: str
) -> None:
    activity = classes.create("Drills", [article()]).activity
    with pytest.raises(ClassError, match=words):
        classes.submit(activity, token="t", student="x", answers=answers, added=added)
    assert classes.submission_count(activity.id) == 0


def test_everything_survives_closing_and_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as library:
        classes = ClassActivities(library)
        new = classes.create("Drills", [article()])
        classes.submit(new.activity, token="t", student="Ada", answers=[Answer(0, 1, "agree")])
    with Library(path) as library:
        classes = ClassActivities(library)
        activity = classes.by_teacher_token(new.teacher_token)
        assert activity == new.activity
        assert classes.submissions(activity.id)[0].student == "Ada"


def test_migration_adds_the_class_tables_to_an_older_library(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    sql = [m.sql if isinstance(m, Migration) else m for m in MIGRATIONS]
    before = next(i for i, script in enumerate(sql) if "CREATE TABLE class_activities" in script)
    con = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:before]:
        apply_migration(con, migration)
    con.execute(f"PRAGMA user_version = {before}")
    con.execute("INSERT INTO articles (text, sha256, added) VALUES ('x', 'h', 'now')")
    con.close()
    with Library(path) as library:
        assert library.count() == 1
        assert ClassActivities(library).create("Drills", [article()]).activity.code


def test_thirty_students_sending_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(path) as library:
        activity = ClassActivities(library).create("Drills", [article()]).activity
    barrier = threading.Barrier(30)
    errors: list[BaseException] = []

    def student(i: int) -> None:
        try:
            with Library(path) as library:  # each student's session has its own connection
                classes = ClassActivities(library)
                barrier.wait()
                answers = [Answer(0, f, ("agree", "disagree")[(i + f) % 2]) for f in (1, 2, 3)]
                classes.submit(activity, token=f"t{i}", student=f"S{i}", answers=answers)
        except BaseException as exc:  # collected and re-raised below, in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=student, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Library(path) as library:
        subs = ClassActivities(library).submissions(activity.id)
    assert sorted(s.student for s in subs) == sorted(f"S{i}" for i in range(30))
    assert all(len(s.answers) == 3 for s in subs)


def test_shared_article_links(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        key = share_article(library, TEXT, title="T", outlet=None)
        assert key == article_key(TEXT, "T", None, None) and len(key) == 16
        assert share_article(library, TEXT, title="T") == key  # stored once
        assert share_article(library, TEXT, title="Other") != key
        found = shared_article(library, key.upper())
        assert found is not None and found.text == TEXT and found.title == "T"
        assert shared_article(library, "0" * 16) is None
        assert shared_article(library, "'; DROP TABLE x; --") is None
