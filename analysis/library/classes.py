"""Class activities in the library: an article (or a pair of twins) with numbered flags, and the
answers students send (agree / disagree with each flag, a reason, flags the tool missed).

A teacher starts an activity and gets a short **code** (the student link) and a secret **teacher
token** (the private link). Only the token's SHA-256 is stored, so reading the database file does
not reveal the teacher link. Each activity keeps its own copy of the article text and of the
flags as students saw them: editing the library or a new engine version changes nothing in a
running activity.

Every write is one ``BEGIN IMMEDIATE`` transaction on the library's connection (see
:mod:`analysis.library.store`), so thirty students sending at once queue for the write lock and
none is lost. A student's browser session sends with its own random token: sending again
replaces that student's earlier answers instead of counting them twice.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from analysis.library.store import Library
from analysis.records import MARKER_KINDS, Marker

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read off a projector
CODE_LENGTH = 6
ANSWERS = ("agree", "disagree")
MAX_NAME = 80
MAX_REASON = 1000
MAX_ADDED = 20
FLAG_FIELDS = ("kind", "category", "text", "start", "end", "actor", "explanation", "source")


class ClassError(ValueError):
    """Answers that cannot be stored as given (unknown flag, words not in the article...)."""


@dataclass(frozen=True, slots=True)
class Flag:
    """One numbered flag of a class article: a marker as the students saw it."""

    number: int
    kind: str
    category: str
    text: str
    start: int
    end: int
    actor: str | None
    explanation: str
    source: str
    sentence: int = -1
    rule: str = ""  # the lexicon row behind the flag ("reporting_verbs/claim"), when known

    def marker(self) -> Marker:
        """The flag as a :class:`Marker` (for highlighting)."""
        return Marker(
            kind=self.kind,
            category=self.category,
            text=self.text,
            start=self.start,
            end=self.end,
            actor=self.actor,
            explanation=self.explanation,
            source=self.source,
            sentence=self.sentence,
            rule=self.rule,
        )


@dataclass(frozen=True, slots=True)
class ClassArticle:
    """One article of an activity (position 0, or 0 and 1 for twins) and its flags."""

    position: int
    title: str | None
    outlet: str | None
    text: str
    engine_version: str
    flags: tuple[Flag, ...]

    def flag(self, number: int) -> Flag | None:
        """The flag with this number, or None."""
        return next((f for f in self.flags if f.number == number), None)


@dataclass(frozen=True, slots=True)
class Activity:
    """A class activity: its code, title and articles."""

    id: int
    code: str
    title: str
    created: str
    articles: tuple[ClassArticle, ...]

    @property
    def twins(self) -> bool:
        """True when the activity compares two articles on the same event."""
        return len(self.articles) > 1

    def flag_label(self, position: int, number: int) -> str:
        """How a flag is named to students and in exports: ``3``, or ``A3`` / ``B3`` for twins."""
        return f"{'AB'[position]}{number}" if self.twins else str(number)


@dataclass(frozen=True, slots=True)
class NewActivity:
    """A freshly started activity with its secret teacher token (shown once, never stored)."""

    activity: Activity
    teacher_token: str


@dataclass(frozen=True, slots=True)
class Answer:
    """A student's answer to one flag."""

    position: int
    flag: int
    answer: str  # agree | disagree
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AddedFlag:
    """A flag a student added: words of the article the tool missed, a kind and a reason."""

    position: int
    start: int
    end: int
    text: str
    kind: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Submission:
    """Everything one student sent."""

    id: int
    student: str
    submitted: str
    answers: tuple[Answer, ...]
    added: tuple[AddedFlag, ...]


def flags_from_markers(markers: Iterable[Marker]) -> tuple[Flag, ...]:
    """Markers numbered 1, 2, … in reading order, as flags."""
    ordered = sorted(markers, key=lambda m: (m.start, -m.end))
    return tuple(
        Flag(
            number=i,
            sentence=m.sentence,
            rule=getattr(m, "rule", "") or "",
            **{k: getattr(m, k) for k in FLAG_FIELDS},
        )
        for i, m in enumerate(ordered, start=1)
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_code() -> str:
    """A random short code (6 characters from an alphabet without look-alikes)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """A code as typed (any case, spaces, dashes) in its stored form."""
    return "".join(c for c in code.upper() if c.isalnum())


def _clip(value: str | None, limit: int) -> str:
    """Trimmed text, at most ``limit`` characters."""
    return " ".join((value or "").split())[:limit] if value else ""


class ClassActivities:
    """Class activities stored in a :class:`~analysis.library.store.Library` file.

    Args:
        library: an open library (its schema holds the class tables).
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self._con: sqlite3.Connection = library._con

    # ---- teacher --------------------------------------------------------------------------
    def create(self, title: str, articles: Sequence[ClassArticle]) -> NewActivity:
        """Start an activity on one article or a pair of twins; returns it with its token.

        Raises:
            ClassError: no article, more than two, or an article without flags.
        """
        if not 1 <= len(articles) <= 2:
            raise ClassError("A class activity has one article or a pair of twin articles.")
        if any(not a.flags for a in articles):
            raise ClassError("Every article of a class activity needs at least one flag.")
        token = secrets.token_urlsafe(18)
        with self.library._write() as con:
            for _ in range(20):
                code = new_code()
                if not con.execute(
                    "SELECT 1 FROM class_activities WHERE code = ?", (code,)
                ).fetchone():
                    break
            else:
                raise ClassError("No free class code was found; press the button again.")
            cur = con.execute(
                "INSERT INTO class_activities (code, teacher_hash, title, created) "
                "VALUES (?, ?, ?, ?)",
                (code, _token_hash(token), _clip(title, 200) or "Class activity", _now()),
            )
            activity_id = int(cur.lastrowid or 0)
            for position, article in enumerate(articles):
                con.execute(
                    "INSERT INTO class_articles (activity_id, position, title, outlet, text, "
                    "engine_version, flags) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        activity_id,
                        position,
                        article.title,
                        article.outlet,
                        article.text,
                        article.engine_version,
                        json.dumps([asdict(f) for f in article.flags], ensure_ascii=False),
                    ),
                )
        activity = self._activity("id = ?", activity_id)
        assert activity is not None
        return NewActivity(activity, token)

    def by_code(self, code: str) -> Activity | None:
        """The activity with this student code (case and dashes ignored), or None."""
        return self._activity("code = ?", normalise_code(code))

    def by_teacher_token(self, token: str) -> Activity | None:
        """The activity whose private teacher link holds this token, or None."""
        return self._activity("teacher_hash = ?", _token_hash(token.strip()))

    def _activity(self, where: str, value: Any) -> Activity | None:
        row = self._con.execute(
            f"SELECT id, code, title, created FROM class_activities WHERE {where}", (value,)
        ).fetchone()
        if row is None:
            return None
        articles = tuple(
            ClassArticle(
                position=r["position"],
                title=r["title"],
                outlet=r["outlet"],
                text=r["text"],
                engine_version=r["engine_version"],
                flags=tuple(Flag(**f) for f in json.loads(r["flags"])),
            )
            for r in self._con.execute(
                "SELECT * FROM class_articles WHERE activity_id = ? ORDER BY position", (row[0],)
            )
        )
        return Activity(row["id"], row["code"], row["title"], row["created"], articles)

    # ---- students -------------------------------------------------------------------------
    def submit(
        self,
        activity: Activity,
        *,
        token: str,
        student: str | None,
        answers: Iterable[Answer],
        added: Iterable[AddedFlag] = (),
    ) -> Submission:
        """Store a student's answers (replacing what the same session ``token`` sent before).

        Raises:
            ClassError: an answer to a flag that does not exist, an answer other than agree or
                disagree, or an added flag whose words are not where it says in the article.
        """
        clean = [self._check_answer(activity, a) for a in answers]
        extra = [self._check_added(activity, a) for a in added]
        if len(extra) > MAX_ADDED:
            raise ClassError(f"At most {MAX_ADDED} added flags per student.")
        if not clean and not extra:
            raise ClassError("Choose Agree or Disagree for at least one flag, or add a flag.")
        name = _clip(student, MAX_NAME)
        with self.library._write() as con:
            con.execute(
                "INSERT INTO class_submissions (activity_id, token, student, submitted) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (activity_id, token) DO UPDATE SET "
                "student = excluded.student, submitted = excluded.submitted",
                (activity.id, token, name, _now()),
            )
            sid = int(
                con.execute(
                    "SELECT id FROM class_submissions WHERE activity_id = ? AND token = ?",
                    (activity.id, token),
                ).fetchone()[0]
            )
            con.execute("DELETE FROM class_answers WHERE submission_id = ?", (sid,))
            con.execute("DELETE FROM class_added_flags WHERE submission_id = ?", (sid,))
            con.executemany(
                "INSERT OR REPLACE INTO class_answers VALUES (?, ?, ?, ?, ?)",
                [(sid, a.position, a.flag, a.answer, a.reason) for a in clean],
            )
            con.executemany(
                'INSERT INTO class_added_flags (submission_id, position, start, "end", text, '
                "kind, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(sid, a.position, a.start, a.end, a.text, a.kind, a.reason) for a in extra],
            )
        return next(s for s in self.submissions(activity.id) if s.id == sid)

    @staticmethod
    def _check_answer(activity: Activity, answer: Answer) -> Answer:
        if answer.answer not in ANSWERS:
            raise ClassError(f"An answer is 'agree' or 'disagree', not {answer.answer!r}.")
        if not 0 <= answer.position < len(activity.articles) or (
            activity.articles[answer.position].flag(answer.flag) is None
        ):
            raise ClassError(f"There is no flag {answer.flag} in this activity.")
        return Answer(answer.position, answer.flag, answer.answer, _clip(answer.reason, MAX_REASON))

    @staticmethod
    def _check_added(activity: Activity, flag: AddedFlag) -> AddedFlag:
        if not 0 <= flag.position < len(activity.articles):
            raise ClassError("An added flag must belong to an article of this activity.")
        text = activity.articles[flag.position].text
        if not (0 <= flag.start < flag.end <= len(text)) or text[flag.start : flag.end] != (
            flag.text
        ):
            raise ClassError(f"The words “{flag.text[:60]}” are not in the article.")
        if flag.kind not in MARKER_KINDS:
            raise ClassError(f"Unknown kind of flag {flag.kind!r}.")
        return AddedFlag(
            flag.position,
            flag.start,
            flag.end,
            flag.text,
            flag.kind,
            _clip(flag.reason, MAX_REASON),
        )

    def submissions(self, activity_id: int) -> list[Submission]:
        """Every submission to an activity, oldest first, with its answers and added flags."""
        answers: dict[int, list[Answer]] = {}
        for r in self._con.execute(
            "SELECT a.* FROM class_answers a JOIN class_submissions s ON s.id = a.submission_id "
            "WHERE s.activity_id = ? ORDER BY a.position, a.flag",
            (activity_id,),
        ):
            answers.setdefault(r["submission_id"], []).append(
                Answer(r["position"], r["flag"], r["answer"], r["reason"] or "")
            )
        added: dict[int, list[AddedFlag]] = {}
        for r in self._con.execute(
            "SELECT f.* FROM class_added_flags f JOIN class_submissions s "
            "ON s.id = f.submission_id WHERE s.activity_id = ? ORDER BY f.id",
            (activity_id,),
        ):
            added.setdefault(r["submission_id"], []).append(
                AddedFlag(
                    r["position"], r["start"], r["end"], r["text"], r["kind"], r["reason"] or ""
                )
            )
        return [
            Submission(
                r["id"],
                r["student"] or "",
                r["submitted"],
                tuple(answers.get(r["id"], ())),
                tuple(added.get(r["id"], ())),
            )
            for r in self._con.execute(
                "SELECT * FROM class_submissions WHERE activity_id = ? ORDER BY id",
                (activity_id,),
            )
        ]

    def submission_of(self, activity_id: int, token: str) -> Submission | None:
        """What the browser session with this token sent to the activity, or None."""
        row = self._con.execute(
            "SELECT id FROM class_submissions WHERE activity_id = ? AND token = ?",
            (activity_id, token),
        ).fetchone()
        if row is None:
            return None
        return next((s for s in self.submissions(activity_id) if s.id == row[0]), None)

    def submission_count(self, activity_id: int) -> int:
        """How many students have sent answers."""
        row = self._con.execute(
            "SELECT count(*) FROM class_submissions WHERE activity_id = ?", (activity_id,)
        ).fetchone()
        return int(row[0])
