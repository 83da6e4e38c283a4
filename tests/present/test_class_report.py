"""The teacher's tables and files: rows per student × flag, disputed and added flags, CSV safety."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from analysis.library.classes import (
    Activity,
    AddedFlag,
    Answer,
    ClassActivities,
    ClassArticle,
    Submission,
    flags_from_markers,
)
from analysis.library.store import Library
from analysis.present.class_report import (
    added_flags,
    answers_csv,
    answers_frame,
    class_alpha,
    csv_safe,
    flag_summary,
    most_disputed,
    worksheet_html,
)
from analysis.records import Marker

TEXT = 'Stoltenberg claimed that Russia "threatens" Europe. Russia <b>said</b> it did not.'
EVIL = "<img src=x onerror=alert(1)>"


def marker(word: str, kind: str, category: str) -> Marker:
    start = TEXT.index(word)
    return Marker(kind, category, word, start, start + len(word), None, f"why {word}", "MOS")


@pytest.fixture
def activity(tmp_path: Path) -> tuple[ClassActivities, Activity]:
    flags = flags_from_markers(
        [
            marker("claimed", "attribution", "distancing"),
            marker("threatens", "scare_quote", "scare"),
            marker("said", "attribution", "neutral"),
        ]
    )
    classes = ClassActivities(Library(tmp_path / "lib.sqlite3"))
    article = ClassArticle(0, "Drills <script>", "Outlet & Co", TEXT, "t", flags)
    return classes, classes.create("Title <i>", [article]).activity


def send(
    classes: ClassActivities, activity: Activity, token: str, name: str, answers: str,
    reason: str = "", added: str = "",
) -> Submission:  # fmt: skip
    """``answers`` like "ad-": flag 1 agree, flag 2 disagree, flag 3 skipped."""
    given = [Answer(0, i + 1, {"a": "agree", "d": "disagree"}[c], reason)
             for i, c in enumerate(answers) if c != "-"]  # fmt: skip
    extra = []
    if added:
        start = TEXT.index(added)
        extra = [AddedFlag(0, start, start + len(added), added, "loaded", reason)]
    return classes.submit(activity, token=token, student=name, answers=given, added=extra)


def test_rows_per_student_and_flag_with_added_flags(activity: tuple) -> None:
    classes, act = activity
    send(classes, act, "1", "Ada", "ad-", reason="why not", added="did not")
    send(classes, act, "2", "", "-d-")
    frame = answers_frame(act, classes.submissions(act.id))
    assert list(frame.columns) == ["student", "flag_id", "kind", "category", "text", "answer",
                                   "reason"]  # fmt: skip
    rows = [
        tuple(r) for r in frame[["student", "flag_id", "answer", "text"]].itertuples(index=False)
    ]
    assert rows == [
        ("Ada", "1", "agree", "claimed"),
        ("Ada", "2", "disagree", "threatens"),
        ("Ada", "new-1", "added", "did not"),
        ("Student 2", "2", "disagree", "threatens"),
    ]


def test_summary_disputed_and_alpha(activity: tuple) -> None:
    classes, act = activity
    send(classes, act, "1", "A", "add")
    send(classes, act, "2", "B", "ada")
    send(classes, act, "3", "C", "dda")
    subs = classes.submissions(act.id)
    summary = flag_summary(act, subs)
    assert summary[["flag_id", "agree", "disagree", "answered"]].values.tolist() == [
        ["1", 2, 1, 3], ["2", 0, 3, 3], ["3", 2, 1, 3],
    ]  # fmt: skip
    assert most_disputed(summary)["flag_id"].tolist() == ["2", "1", "3"]
    # By hand (Krippendorff 2011, coincidence matrix): o_ad = o_da = 2, n_agree = 4,
    # n_disagree = 5, n = 9, so alpha = 1 - (n - 1) * 4 / (2 * 4 * 5) = 0.2.
    assert class_alpha(act, subs) == pytest.approx(0.2)


def test_added_flags_are_grouped_ignoring_case_and_spacing(activity: tuple) -> None:
    classes, act = activity
    send(classes, act, "1", "Ada", "a--", reason="one", added="did not")
    send(classes, act, "2", EVIL, "a--", reason="two", added="did not")
    frame = added_flags(act, classes.submissions(act.id))
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["students"] == 2 and row["names"] == f"Ada, {EVIL}" and row["reasons"] == "one | two"


def test_csv_cells_cannot_become_formulas(activity: tuple) -> None:
    classes, act = activity
    send(classes, act, "1", "=cmd|' /C calc'!A0", "a--", reason="+1+1")
    send(classes, act, "2", EVIL, "d--", reason="@SUM(A1)")
    rows = list(csv.DictReader(io.StringIO(answers_csv(act, classes.submissions(act.id)).decode())))
    assert [r["student"] for r in rows] == ["'=cmd|' /C calc'!A0", EVIL]
    assert [r["reason"] for r in rows] == ["'+1+1", "'@SUM(A1)"]
    assert csv_safe(answers_frame(act, [])).empty


def test_worksheet_escapes_and_numbers_every_flag(activity: tuple) -> None:
    _, act = activity
    page = worksheet_html(act)
    assert "<script>" not in page and "<b>said" not in page and "<i>" not in page
    assert "Drills &lt;script&gt; — Outlet &amp; Co" in page
    assert page.count('data-flag="') == 3
    assert page.count("☐ Agree") == 3 and f"<b>{act.code}</b>" in page
