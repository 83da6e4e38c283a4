"""The class activity in a real Chromium against a real `streamlit run` server.

A teacher starts an activity on the sample; three students (each in their own browser context,
one typing markup as name and reason) answer; the teacher's view counts them and its CSV holds
one row per student × answered flag. Screenshots of both views at desktop and phone sizes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot_dir

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = screenshot_dir()
LOAD = 90_000
EVIL = "<img src=x onerror=alert(1)>"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def start_activity(page: Any, app_server: str, app_idle: Callable[..., None]) -> str:
    """Start an activity on the sample (default settings); returns the student link."""
    page.goto(f"{app_server}/class")
    page.locator(".st-key-class-start button").click(timeout=LOAD)
    link = page.locator(".st-key-class-student_link code")
    link.wait_for(timeout=LOAD)
    app_idle(page)
    assert "teacher=" in page.url
    return link.inner_text().strip()


def student_answers(
    browser: Any,
    link: str,
    app_idle: Callable[..., None],
    *,
    name: str,
    choices: dict[int, str],
    reason: str = "",
    added: str = "",
    screenshot: str | None = None,
    reload: bool = False,
) -> list[str]:
    """One student in a fresh browser context: answers, sends, sees the thanks; JS dialogs seen."""
    context = browser.new_context(viewport=PHONE if screenshot else DESKTOP)
    context.set_default_timeout(30_000)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(link)
        page.locator(".st-key-class-send button").wait_for(timeout=LOAD)
        app_idle(page)
        # The article shows its flags numbered, with the explanation on every mark.
        first = page.locator('.st-key-class-article-0 mark[data-flag="1"]')
        expect(first).to_have_attribute("title", "'Alleged' marks something" + _rest(first))
        if screenshot:
            page.screenshot(path=str(SHOTS / f"{screenshot}.png"))
        page.locator(".st-key-class-name input").fill(name)
        for number, choice in choices.items():
            page.locator(f".st-key-class-answer-0-{number}").get_by_text(choice, exact=True).click()
            if reason:
                page.locator(f".st-key-class-why-0-{number} input").fill(reason)
        if added:
            page.locator(".st-key-class-add-0-words input").fill(added)
            page.locator(".st-key-class-add-0-why input").fill(reason or "it is loaded")
        page.locator(".st-key-class-send button").click()
        thanks = page.locator(".st-key-class-thanks")
        expect(thanks).to_contain_text("Thank you", timeout=LOAD)
        expect(thanks).to_contain_text(name)  # shown literally, markup and all
        assert thanks.locator("img").count() == 0
        assert page.locator("img[src='x']").count() == 0
        if reload:  # the address now names this student: a reload shows what was sent
            assert "me=" in page.url
            page.reload()
            expect(page.locator(".st-key-class-thanks")).to_contain_text(
                "received earlier", timeout=LOAD
            )
            expect(page.locator(".st-key-class-name input")).to_have_value(name)
        return dialogs
    finally:
        context.close()


def _rest(locator: Any) -> str:
    """The rest of a title after its known start (the attribute check needs the whole value)."""
    title = locator.get_attribute("title") or ""
    return title.removeprefix("'Alleged' marks something")


def test_class_flow_three_students_teacher_counts_and_csv(
    page: Any, browser: Any, app_server: str, app_idle: Callable[..., None]
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(DESKTOP)
    link = start_activity(page, app_server, app_idle)
    assert "/class?code=" in link
    code = link.rsplit("=", 1)[1]
    assert len(code) == 6
    expect(page.locator(".st-key-class-count")).to_contain_text("0 answers")
    qr = page.locator(".st-key-class-qr img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 100", arg=qr.element_handle())
    page.screenshot(path=str(SHOTS / "class-teacher.png"))
    teacher = page.url

    dialogs = student_answers(
        browser, link, app_idle, name="Ada", choices={1: "Agree", 2: "Disagree", 3: "Disagree"},
        reason="the quote marks mock the word", added="step up efforts",
        screenshot="class-student-phone",
    )  # fmt: skip
    dialogs += student_answers(
        browser, link, app_idle, name="Ben", choices={1: "Agree", 3: "Disagree"},
        added="Step up  efforts", reload=True,
    )  # fmt: skip
    dialogs += student_answers(
        browser, link, app_idle, name=EVIL, choices={1: "Disagree", 2: "Agree"}, reason=EVIL,
        added="de-escalation",
    )  # fmt: skip
    assert dialogs == []

    # A fresh load of the private teacher link (nothing is kept in the browser).
    page.goto(teacher)
    count = page.locator(".st-key-class-count")
    expect(count).to_contain_text("3 answers", timeout=LOAD)
    app_idle(page)
    disputed = page.locator(".st-key-class-disputed")
    # Flag 3 ("claimed"): Ada and Ben disagreed; flag 1: only the third student of three.
    expect(disputed.locator("p").first).to_contain_text("“claimed” (reporting verb): 2 of 2")
    expect(disputed).to_contain_text("“alleged” (doubt word): 1 of 3 disagreed")
    added = page.locator(".st-key-class-added")
    expect(added).to_contain_text("step up efforts")
    expect(added).to_contain_text("2 students")  # case and spacing ignored when grouping
    expect(added).to_contain_text(EVIL)  # the name, literally
    expect(page.locator(".st-key-class-alpha")).to_contain_text("α")
    assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == []

    with page.expect_download() as info:
        page.locator(".st-key-class-download-csv button").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text("utf-8"))))
    assert list(rows[0]) == ["student", "flag_id", "kind", "category", "text", "answer", "reason"]
    got = {(r["student"], r["flag_id"], r["answer"]) for r in rows}
    assert got == {
        ("Ada", "1", "agree"), ("Ada", "2", "disagree"), ("Ada", "3", "disagree"),
        ("Ada", "new-1", "added"),
        ("Ben", "1", "agree"), ("Ben", "3", "disagree"), ("Ben", "new-1", "added"),
        (EVIL, "1", "disagree"), (EVIL, "2", "agree"), (EVIL, "new-1", "added"),
    }  # fmt: skip
    assert len(rows) == len(got)
    evil = [r for r in rows if r["student"] == EVIL and r["flag_id"] == "1"]
    assert evil[0]["reason"] == EVIL and evil[0]["kind"] == "doubt" and evil[0]["text"] == "alleged"

    with page.expect_download() as info:
        page.locator(".st-key-class-download-xlsx button").click()
    assert Path(info.value.path()).read_bytes()[:2] == b"PK"

    count.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "class-teacher-results.png"))
    page.set_viewport_size(PHONE)
    page.goto(teacher)
    expect(page.locator(".st-key-class-count")).to_contain_text("3 answers", timeout=LOAD)
    app_idle(page)
    page.screenshot(path=str(SHOTS / "class-teacher-phone.png"))
    student = page.context.new_page()
    student.set_viewport_size(DESKTOP)
    student.goto(link)
    student.locator(".st-key-class-send button").wait_for(timeout=LOAD)
    app_idle(student)
    student.screenshot(path=str(SHOTS / "class-student.png"))
    names = ("class-teacher", "class-student", "class-teacher-phone", "class-student-phone")
    assert all((SHOTS / f"{n}.png").stat().st_size > 20_000 for n in names)


def test_worksheet_pdf_has_the_numbered_flags(
    page: Any, app_server: str, app_idle: Callable[..., None]
) -> None:
    code = start_activity(page, app_server, app_idle).rsplit("=", 1)[1]
    with page.expect_download(timeout=LOAD) as info:
        page.locator(".st-key-class-download-pdf button").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Agree" in text and "Disagree" in text and "Why?" in text
    assert "NATO intends to strengthen eastern" in text  # the title ("fl" may print as a ligature)
    assert f"Class code: {code}" in text
    assert "21 “rejected”" in text  # the last of the 21 numbered flags, in the table


def test_unknown_code_says_so(page: Any, app_server: str, app_idle: Callable[..., None]) -> None:
    page.goto(f"{app_server}/class?code=NOPE<b>x</b>")
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text(
        "no class activity with the code", timeout=LOAD
    )
    assert page.locator("b:text('x')").count() == 0
