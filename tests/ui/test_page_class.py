"""Class page logic with AppTest: start, student answers, teacher view; widgets by key."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.library.classes import Answer, ClassActivities
from analysis.library.store import Library

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "pages" / "class.py")
TIMEOUT = 120
EVIL = "<img src=x onerror=alert(1)> **bold** :red[x]"


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def param(app: AppTest, name: str) -> str:
    value = app.query_params[name]
    return value[0] if isinstance(value, list) else value


def page(**params: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    for k, v in params.items():
        app.query_params[k] = v
    return run(app)


def started(db: Path, *, twins: bool = False) -> tuple[AppTest, str]:
    """The teacher's view right after Start a class activity; (app, teacher token)."""
    app = page()
    if twins:
        app.toggle(key="class.twins").set_value(True)
        run(app)
        app.selectbox(key="class.sample.1").set_value(2)
    app.button(key="class.start").click()
    run(app)
    return app, param(app, "teacher")


def code_of(db: Path, token: str) -> str:
    with Library(db) as library:
        activity = ClassActivities(library).by_teacher_token(token)
    assert activity is not None
    return activity.code


def test_start_shows_links_qr_and_no_answers(db: Path) -> None:
    app, token = started(db)
    code = code_of(db, token)
    texts = " ".join(m.value for m in app.markdown)
    assert f"Class code: `{code}`" in texts
    codes = [c.value for c in app.code]
    assert any(c.endswith(f"/class?code={code}") for c in codes)
    assert any(c.endswith(f"/class?teacher={token}") for c in codes)
    (qr,) = app.image  # the QR code of the student link
    assert qr.captions[0].endswith(f"/class?code={code}")
    assert "### 0 answers" in texts


def test_twin_articles_label_flags_a_and_b(db: Path) -> None:
    _, token = started(db, twins=True)
    student = page(code=code_of(db, token))
    labels = [m.value for m in student.markdown if m.value.startswith("**A1.**")]
    assert labels
    assert any(m.value.startswith("**B1.**") for m in student.markdown)
    assert any("Flags in article B" in m.value for m in student.markdown)


def test_pasting_nothing_starts_nothing(db: Path) -> None:
    app = page()
    app.radio(key="class.source").set_value("Paste text")
    run(app)
    app.button(key="class.start").click()
    run(app)
    assert any("empty" in e.value for e in app.error)
    assert "teacher" not in app.query_params


def test_no_flags_of_the_chosen_kinds(db: Path) -> None:
    app = page()
    app.multiselect(key="class.kinds").set_value([])
    app.button(key="class.start").click()
    run(app)
    assert any("No flags of the chosen kinds" in e.value for e in app.error)


def test_student_sends_answers_and_sees_thanks_with_the_name_escaped(db: Path) -> None:
    _, token = started(db)
    student = page(code=code_of(db, token))
    student.text_input(key="class.name").set_value(EVIL)
    student.radio(key="class.answer.0.1").set_value("Disagree")
    student.text_input(key="class.why.0.1").set_value("=HYPERLINK()")
    student.radio(key="class.answer.0.3").set_value("Agree")
    student.text_input(key="class.add.0.words").set_value("step  up EFFORTS")
    student.button(key="class.send").click()
    run(student)
    (thanks,) = student.success
    assert thanks.value.startswith("Thank you, \\<img src\\=x")  # Markdown-escaped
    assert "\\*\\*bold\\*\\*" in thanks.value and "\\:\u2060red\\[x\\]" in thanks.value
    assert "3 answers were received" in thanks.value
    with Library(db) as library:
        classes = ClassActivities(library)
        activity = classes.by_code(code_of(db, token))
        assert activity is not None
        (sub,) = classes.submissions(activity.id)
    assert sub.student == " ".join(EVIL.split())
    assert [(a.flag, a.answer, a.reason) for a in sub.answers] == [
        (1, "disagree", "=HYPERLINK()"),
        (3, "agree", ""),
    ]
    assert sub.added[0].text == "step up efforts"  # the article's own words
    # Sending again replaces the student's answers.
    student.radio(key="class.answer.0.2").set_value("Agree")
    student.button(key="class.send").click()
    run(student)
    with Library(db) as library:
        assert ClassActivities(library).submission_count(activity.id) == 1


def test_words_not_in_the_article_are_refused_and_nothing_is_lost(db: Path) -> None:
    _, token = started(db)
    student = page(code=code_of(db, token))
    student.radio(key="class.answer.0.1").set_value("Agree")
    student.text_input(key="class.add.0.words").set_value("Putin is <b>great</b>")
    student.button(key="class.send").click()
    run(student)
    assert any("is not in the article" in e.value for e in student.error)
    assert not student.success
    assert student.radio(key="class.answer.0.1").value == "Agree"  # kept for the next try
    with Library(db) as library:
        activity = ClassActivities(library).by_code(code_of(db, token))
        assert activity is not None
        assert ClassActivities(library).submission_count(activity.id) == 0


def test_sending_nothing_says_what_to_do(db: Path) -> None:
    _, token = started(db)
    student = page(code=code_of(db, token))
    student.button(key="class.send").click()
    run(student)
    assert any("at least one flag" in e.value for e in student.error)


def test_teacher_view_counts_answers(db: Path) -> None:
    _, token = started(db)
    with Library(db) as library:
        classes = ClassActivities(library)
        activity = classes.by_teacher_token(token)
        assert activity is not None
        for i, answers in enumerate(("agree", "disagree", "disagree")):
            classes.submit(activity, token=str(i), student=f"S{i}",
                           answers=[Answer(0, 1, answers), Answer(0, 2, "disagree")])  # fmt: skip
    teacher = page(teacher=token)
    texts = " ".join(m.value for m in teacher.markdown)
    assert "### 3 answers" in texts
    assert "3 of 3 disagreed" in texts and "2 of 3 disagreed" in texts
    alpha = teacher.metric[0]
    assert alpha.label.startswith("Agreement among students")
    assert any("α =" in c.value for c in teacher.caption)


@pytest.mark.parametrize(
    ("params", "words"),
    [({"code": "ZZZZZZ"}, "no class activity with the code"),
     ({"teacher": "not-a-token"}, "teacher link is not valid")],
)  # fmt: skip
def test_bad_links_say_so(db: Path, params: dict[str, str], words: str) -> None:
    app = page(**params)
    assert any(words in e.value for e in app.error)


def test_the_app_menu_has_the_class_page() -> None:
    app = run(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))
    app.switch_page("pages/class.py")
    run(app)
    assert app.title[0].value == "Class activity"


def test_qr_code_is_a_png_of_the_student_link() -> None:
    import segno

    from ui.class_view import qr_png

    data = qr_png("http://192.168.1.20:8501/class?code=ABCDEF")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    # The same link encodes to the same symbol: the image is the link, nothing else.
    assert segno.make("http://192.168.1.20:8501/class?code=ABCDEF", error="m").version >= 3


def test_a_reload_after_sending_shows_the_answers_and_sending_again_replaces_them(
    db: Path,
) -> None:
    _, token = started(db)
    code = code_of(db, token)
    student = page(code=code)
    student.text_input(key="class.name").set_value("Ada")
    student.radio(key="class.answer.0.2").set_value("Disagree")
    student.text_input(key="class.why.0.2").set_value("it is a quote")
    student.button(key="class.send").click()
    run(student)
    me = param(student, "me")
    assert len(me) == 32
    reloaded = page(code=code, me=me)  # a new session: the address kept the token
    assert reloaded.text_input(key="class.name").value == "Ada"
    assert reloaded.radio(key="class.answer.0.2").value == "Disagree"
    assert reloaded.text_input(key="class.why.0.2").value == "it is a quote"
    assert any("received earlier" in s.value for s in reloaded.success)
    reloaded.radio(key="class.answer.0.1").set_value("Agree")
    reloaded.button(key="class.send").click()
    run(reloaded)
    with Library(db) as library:
        classes = ClassActivities(library)
        activity = classes.by_code(code)
        assert activity is not None
        (sub,) = classes.submissions(activity.id)
    assert [(a.flag, a.answer) for a in sub.answers] == [(1, "agree"), (2, "disagree")]
    # Anything but a token in the address is ignored: a fresh student.
    stranger = page(code=code, me="../../etc")
    assert stranger.text_input(key="class.name").value in ("", None)
