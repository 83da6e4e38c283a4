"""The class page's three views: a teacher starts an activity, students answer, the teacher reads.

Links: ``/class?code=<CODE>`` for students, ``/class?teacher=<TOKEN>`` for the teacher (private).
Everything lives in the library file (:mod:`analysis.library.classes`); every run opens its own
connection, so a reload or a server restart loses nothing. Activities never change once started,
so each is read once per server process and shared by every student session.
"""

from __future__ import annotations

import functools
import io
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import streamlit as st

from analysis.compare.agreement import alpha_meaning
from analysis.library.classes import (
    Activity,
    AddedFlag,
    Answer,
    ClassActivities,
    ClassArticle,
    ClassError,
    flags_from_markers,
)
from analysis.library.headline import headline_from_text
from analysis.library.ingest import check_text
from analysis.library.store import Library, LibraryError, default_path
from analysis.present import export
from analysis.present.class_report import (
    added_flags,
    answers_csv,
    answers_frame,
    article_view,
    class_alpha,
    flag_summary,
    most_disputed,
    worksheet_html,
)
from analysis.present.highlight import highlight_html, legend_html, stylesheet
from analysis.records import MARKER_KINDS, ArticleAnalysis, Marker
from analysis.vocabulary import KIND_LABELS
from ui.analysis_cache import analyze_cached
from ui.library_access import open_library
from ui.rewrite_view import render_neutral_rewrite
from ui.samples import samples
from ui.text import md, option

SOURCES = ("Sample article", "From the library", "Paste text")
DEFAULT_KINDS = ("attribution", "scare_quote", "doubt", "loaded")
ADD_SLOTS = 2
CHOICES = ("Agree", "Disagree")


class ClassUnavailable(RuntimeError):
    """The library file cannot be used right now; ``str(exc)`` says why."""


@contextmanager
def class_store() -> Iterator[ClassActivities]:
    """The class activities of the app's library (own connection, closed afterwards)."""
    try:
        library = Library(default_path())
    except (LibraryError, OSError, sqlite3.Error) as exc:
        raise ClassUnavailable(f"The class activities cannot be read ({exc}).") from exc
    try:
        yield ClassActivities(library)
    finally:
        library.close()


@st.cache_resource(show_spinner=False)
def _activities() -> dict[str, Activity]:
    """Activities already read, by code (they never change once started)."""
    return {}


def activity_by_code(code: str) -> Activity | None:
    """The activity with this student code (read once per server process)."""
    cache = _activities()
    key = "".join(c for c in code.upper() if c.isalnum())
    if key not in cache:
        with class_store() as store:
            found = store.by_code(key)
        if found is None:
            return None
        cache[key] = found
    return cache[key]


# ---- links ----------------------------------------------------------------------------------
def page_address() -> str:
    """This page's address without its query (``http://host:port/class``)."""
    url = st.context.url or "http://localhost:8501/class"
    parts = urlsplit(url)
    path = parts.path if parts.path.rstrip("/").endswith("class") else "/class"
    return f"{parts.scheme or 'http'}://{parts.netloc or 'localhost:8501'}{path}"


@functools.lru_cache(maxsize=32)
def qr_png(url: str) -> bytes:
    """A QR code of ``url`` as PNG bytes (segno: pure Python, nothing fetched)."""
    import segno

    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=8, border=2)
    return buf.getvalue()


# ---- teacher: start an activity ---------------------------------------------------------------
def _pick_article(slot: int, source: str) -> tuple[ArticleAnalysis, str | None] | str:
    """The widgets choosing article ``slot``; returns (analysis, outlet) or an error message.

    Only called when the Start button was pressed (analysis can take a second or two).
    """
    state = st.session_state
    if source == "Sample article":
        sample = samples()[int(state.get(f"class.sample.{slot}") or 0)]
        return analyze_cached(sample.text, title=sample.title, outlet=sample.outlet), sample.outlet
    if source == "From the library":
        article_id = state.get(f"class.library.{slot}")
        if article_id is None:
            return "Choose an article from the library first."
        try:
            with open_library() as library:
                article = library.get(int(article_id))
                if article is None:
                    return "That article is no longer in the library."
                result = library.analysis(article.id)
        except (LibraryError, OSError, sqlite3.Error) as exc:
            return f"The library cannot be read right now ({exc}). Try Start again."
        if result is None:
            return "That article could not be analysed."
        return result, article.outlet
    text = state.get(f"class.text.{slot}") or ""
    title = (state.get(f"class.title.{slot}") or "").strip() or headline_from_text(text)
    checked = check_text(text, title=title)
    if not checked.ok:
        return checked.error or "This text cannot be used."
    outlet = (state.get(f"class.outlet.{slot}") or "").strip() or None
    return analyze_cached(checked.text, title=title, outlet=outlet), outlet


def _slot_widgets(slot: int, source: str) -> None:
    """The input widgets for article ``slot`` of the chosen source."""
    if source == "Sample article":
        options = samples()
        st.selectbox(
            "Sample article",
            range(len(options)),
            index=min(slot, len(options) - 1),
            format_func=lambda i: options[i].label,
            key=f"class.sample.{slot}",
        )
    elif source == "From the library":
        try:
            with open_library() as library:
                listed = library.articles(with_text=False)
        except (LibraryError, OSError, sqlite3.Error) as exc:
            st.error(f"The library cannot be read ({md(exc)}).")
            return
        labels = {a.id: a.label for a in listed}
        st.selectbox(
            "Article from the library",
            list(labels),
            format_func=lambda i: option(labels[i]),
            key=f"class.library.{slot}",
            placeholder="Choose an article",
        )
    else:
        c1, c2 = st.columns(2)
        c1.text_input("Title (optional)", key=f"class.title.{slot}")
        c2.text_input("Outlet (optional)", key=f"class.outlet.{slot}")
        st.text_area(
            "Article text",
            key=f"class.text.{slot}",
            height=160,
            placeholder="Paste the text of a news article here…",
        )


def _keep(marker: Marker, kinds: set[str], neutral: bool) -> bool:
    """Whether a marker becomes a flag of the activity."""
    if marker.kind not in kinds:
        return False
    return neutral or not (marker.kind == "attribution" and marker.category == "neutral")


def render_setup() -> None:
    """The teacher's form: article(s), kinds of flags, and the Start button."""
    st.markdown(
        "Pick an article (or two **twin** articles on the same event), press **Start a class "
        "activity**, and show the student link or QR code to the class. Students need no account."
    )
    source = st.radio("Where is the article?", SOURCES, horizontal=True, key="class.source")
    twins = st.toggle("Twin articles: two reports of the same event", key="class.twins")
    slots = (0, 1) if twins else (0,)
    cols = st.columns(len(slots), gap="large")
    for slot, col in zip(slots, cols, strict=True):
        with col:
            if twins:
                st.markdown(f"**Article {'AB'[slot]}**")
            _slot_widgets(slot, source)
    kinds = st.multiselect(
        "Flags students discuss",
        MARKER_KINDS,
        default=list(DEFAULT_KINDS),
        format_func=lambda k: KIND_LABELS[k],
        key="class.kinds",
    )
    neutral = st.checkbox("Also neutral reporting verbs (said, told)", key="class.neutral")
    st.text_input("Name of the activity (optional)", key="class.activity_title")
    if not st.button("Start a class activity", type="primary", key="class.start"):
        return
    articles: list[ClassArticle] = []
    for slot in slots:
        picked = _pick_article(slot, source)
        if isinstance(picked, str):
            st.error(f"Article {'AB'[slot]}: {md(picked)}" if twins else md(picked))
            return
        result, outlet = picked
        flags = flags_from_markers(m for m in result.markers if _keep(m, set(kinds), neutral))
        if not flags:
            st.error("No flags of the chosen kinds in this article: choose more kinds of flags.")
            return
        articles.append(
            ClassArticle(slot, result.title, outlet, result.text, result.engine_version, flags)
        )
    title = (st.session_state.get("class.activity_title") or "").strip()
    title = title or " / ".join(a.title or "Article" for a in articles)
    try:
        with class_store() as store:
            new = store.create(title, articles)
    except (ClassUnavailable, ClassError, sqlite3.Error) as exc:
        st.error(f"The activity could not be started: {md(exc)}")
        return
    st.session_state["class.started"] = new.activity.code
    st.query_params.clear()
    st.query_params["teacher"] = new.teacher_token
    st.rerun()


# ---- students ---------------------------------------------------------------------------------
def _locate(text: str, words: str) -> tuple[int, int] | None:
    """Where ``words`` occur in ``text`` (case and spacing ignored), or None."""
    tokens = words.split()
    if not tokens:
        return None
    found = re.search(r"\s+".join(map(re.escape, tokens)), text, flags=re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def _article_heading(activity: Activity, article: ClassArticle) -> str:
    """'Article A: title — outlet' (Markdown-escaped)."""
    head = md(article.title or "The article")
    if article.outlet:
        head += f" — {md(article.outlet)}"
    return f"Article {'AB'[article.position]}: {head}" if activity.twins else head


def _show_article(activity: Activity, article: ClassArticle, key: str) -> None:
    """The article with its numbered flags (click, tap or Tab a flag for the explanation)."""
    st.markdown(f"#### {_article_heading(activity, article)}")
    body = highlight_html(article_view(article), numbered=True)
    kinds = sorted({f.kind for f in article.flags}, key=MARKER_KINDS.index)
    with st.container(key=key):
        st.html(f'{stylesheet()}{legend_html(kinds)}<div class="fl-main">{body}</div>')


def _flag_questions(activity: Activity, article: ClassArticle) -> None:
    """Agree / Disagree and "Why?" for every flag of one article (inside the form)."""
    for f in article.flags:
        label = activity.flag_label(article.position, f.number)
        with st.container(border=True, key=f"class.flag.{article.position}.{f.number}"):
            st.markdown(
                f"**{label}.** “{md(f.text[:120])}” — {md(KIND_LABELS[f.kind])} ({md(f.category)})"
            )
            st.caption(md(f.explanation))
            st.radio(
                f"Flag {label}: do you agree?",
                CHOICES,
                index=None,
                horizontal=True,
                key=f"class.answer.{article.position}.{f.number}",
                label_visibility="collapsed",
            )
            st.text_input(
                "Why?",
                key=f"class.why.{article.position}.{f.number}",
                placeholder="optional",
            )


def _added_widgets(activity: Activity) -> None:
    """Slots for flags the tool missed (inside the form)."""
    st.markdown("#### Did the tool miss something?")
    st.caption("Copy the words from the article, pick what kind of flag it is, and say why.")
    for i in range(ADD_SLOTS):
        cols = st.columns([3, 2, 3] if not activity.twins else [1, 3, 2, 3])
        if activity.twins:
            cols[0].selectbox("Article", ("A", "B"), key=f"class.add.{i}.article")
        cols[-3].text_input("Words the tool missed", key=f"class.add.{i}.words")
        cols[-2].selectbox(
            "Kind",
            MARKER_KINDS,
            index=MARKER_KINDS.index("loaded"),
            format_func=lambda k: KIND_LABELS[k],
            key=f"class.add.{i}.kind",
        )
        cols[-1].text_input("Why?", key=f"class.add.{i}.why", placeholder="optional")


def _collect_answers(activity: Activity) -> tuple[list[Answer], list[AddedFlag], list[str]]:
    """The form's answers, added flags, and problems with what was typed."""
    state = st.session_state
    answers = []
    for article in activity.articles:
        for f in article.flags:
            choice = state.get(f"class.answer.{article.position}.{f.number}")
            if choice in CHOICES:
                reason = state.get(f"class.why.{article.position}.{f.number}") or ""
                answers.append(Answer(article.position, f.number, choice.lower(), reason))
    added, problems = [], []
    for i in range(ADD_SLOTS):
        words = (state.get(f"class.add.{i}.words") or "").strip()
        if not words:
            continue
        position = "AB".index(state.get(f"class.add.{i}.article") or "A")
        article = activity.articles[min(position, len(activity.articles) - 1)]
        span = _locate(article.text, words)
        if span is None:
            problems.append(f"“{md(words[:60])}” is not in the article: copy the words exactly.")
            continue
        start, end = span
        kind = state.get(f"class.add.{i}.kind") or "loaded"
        reason = state.get(f"class.add.{i}.why") or ""
        added.append(AddedFlag(article.position, start, end, article.text[start:end], kind, reason))
    return answers, added, problems


def render_student(activity: Activity) -> None:
    """The student view: the article, Agree / Disagree per flag, added flags, Send answers."""
    st.markdown(
        "Read the article. Each **numbered** highlight is a flag: click or tap it to see why the "
        "tool flagged it. Then say whether you **agree** and why."
    )
    token = _student_token(activity)
    st.html(_STUDENT_CSS)
    left, right = st.columns([3, 2], gap="large")
    with left, st.container(key="class.articles"):
        for article in activity.articles:
            _show_article(activity, article, key=f"class.article.{article.position}")
    with right:
        _answer_form(activity, token)
    for article in activity.articles:
        render_neutral_rewrite(article_view(article), key=f"class.rewrite.{article.position}")


# On a wide screen the article stays in view beside the questions; on a phone the columns stack
# and the article simply comes first.
_STUDENT_CSS = (
    "<style>@media (min-width:641px){[data-testid=stColumn]:has(> div > .st-key-class-articles),"
    "[data-testid=stColumn]:has(.st-key-class-articles){position:sticky;top:3.75rem;"
    "align-self:flex-start;max-height:calc(100vh - 4.5rem);overflow-y:auto;"
    "padding-right:.5rem;}}</style>"
)


def _student_token(activity: Activity) -> str:
    """This student's token: from the address (``me=``, set after the first send) or new.

    After a reload the address still holds it, so the page shows what was sent and sending
    again replaces it instead of counting the student twice.
    """
    state = st.session_state
    if "class.token" not in state:
        given = (st.query_params.get("me") or "").strip().lower()
        state["class.token"] = given if _TOKEN.match(given) else uuid.uuid4().hex
        if given == state["class.token"]:
            _restore(activity, given)
    return str(state["class.token"])


_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _restore(activity: Activity, token: str) -> None:
    """Put a student's sent answers back into the form (before its widgets are drawn)."""
    try:
        with class_store() as store:
            sent = store.submission_of(activity.id, token)
    except (ClassUnavailable, sqlite3.Error):
        return
    if sent is None:
        return
    state = st.session_state
    state["class.name"] = sent.student
    for a in sent.answers:
        state[f"class.answer.{a.position}.{a.flag}"] = a.answer.capitalize()
        state[f"class.why.{a.position}.{a.flag}"] = a.reason
    for i, added in enumerate(sent.added[:ADD_SLOTS]):
        state[f"class.add.{i}.words"] = added.text
        state[f"class.add.{i}.kind"] = added.kind
        state[f"class.add.{i}.why"] = added.reason
        state[f"class.add.{i}.article"] = "AB"[added.position]
    state["class.sent"] = "Your answers were received earlier; change them and send again."


def _answer_form(activity: Activity, token: str) -> None:
    """The form: name, Agree / Disagree and Why? per flag, added flags, Send answers."""
    with st.form("class.answers", border=False):
        st.text_input("Your name", key="class.name", placeholder="optional", max_chars=80)
        for article in activity.articles:
            if activity.twins:
                st.markdown(f"#### Flags in article {'AB'[article.position]}")
            _flag_questions(activity, article)
        _added_widgets(activity)
        sent = st.form_submit_button("Send answers", type="primary", key="class.send")
    if sent:
        _send(activity, token)
    confirmation = st.session_state.get("class.sent")
    if confirmation:
        with st.container(key="class.thanks"):
            st.success(confirmation)


def _send(activity: Activity, token: str) -> None:
    """Store the form's answers; say thank you, or what to fix (nothing typed is lost)."""
    answers, added, problems = _collect_answers(activity)
    for problem in problems:
        st.error(problem)
    if problems:
        return
    name = (st.session_state.get("class.name") or "").strip()
    try:
        with class_store() as store:
            store.submit(activity, token=token, student=name, answers=answers, added=added)
    except ClassError as exc:
        st.error(md(str(exc)))
        return
    except (ClassUnavailable, sqlite3.Error) as exc:
        st.error(f"Your answers could not be saved ({md(exc)}). Press Send answers again.")
        return
    st.query_params["me"] = token  # a reload keeps this student's answers (see _student_token)
    who = f", {md(name)}" if name else ""
    n = len(answers) + len(added)
    st.session_state["class.sent"] = (
        f"Thank you{who}! Your {n} answer{'s' if n != 1 else ''} were received. "
        "You can change them and send again."
    )


# ---- teacher: results -------------------------------------------------------------------------
def render_links(activity: Activity, token: str) -> None:
    """The student link (text and QR code) and the private teacher link."""
    base = page_address()
    host = urlsplit(base).hostname or ""
    student = f"{base}?code={activity.code}"
    teacher = f"{base}?teacher={token}"
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"#### Class code: `{activity.code}`")
        st.markdown("**Student link** — show it or the QR code to the class:")
        with st.container(key="class.student_link"):
            st.code(student, language=None, wrap_lines=True)
        if host in ("localhost", "127.0.0.1", "::1"):
            st.warning(
                "Students' devices cannot open a localhost address: open this page through the "
                "computer's network address (e.g. http://192.168.1.20:8501/class) so the links "
                "point there."
            )
        st.markdown("**Your teacher link** — private: it shows everyone's answers. Bookmark it.")
        with st.container(key="class.teacher_link"):
            st.code(teacher, language=None, wrap_lines=True)
    with right, st.container(key="class.qr"):
        st.image(qr_png(student), caption=f"Scan to open {student}", width=260)


def render_teacher(activity: Activity, token: str) -> None:
    """The teacher view: links, counts, disputed flags, added flags, agreement, downloads."""
    render_links(activity, token)
    st.button("Refresh answers", key="class.refresh")
    try:
        with class_store() as store:
            submissions = store.submissions(activity.id)
    except (ClassUnavailable, sqlite3.Error) as exc:
        st.error(f"The answers cannot be read right now ({md(exc)}). Try Refresh answers.")
        return
    n = len(submissions)
    with st.container(key="class.count"):
        st.markdown(f"### {n} answer{'s' if n != 1 else ''}")
    summary = flag_summary(activity, submissions)
    alpha = class_alpha(activity, submissions)
    with st.container(key="class.alpha"):
        value = "—" if alpha is None else f"{alpha:.2f}"
        st.metric("Agreement among students (Krippendorff's α)", value)
        st.caption(alpha_meaning(alpha))
    st.markdown("#### Per flag: how many agreed")
    st.dataframe(
        summary,
        hide_index=True,
        key="class.summary",
        column_config={
            "flag_id": "Flag",
            "text": "Words",
            "agree": "Agree",
            "disagree": "Disagree",
            "answered": "Answers",
            "disputed": st.column_config.ProgressColumn(
                "Disagree share", format="percent", min_value=0.0, max_value=1.0
            ),
        },
    )
    st.markdown("#### Most disputed flags")
    disputed = most_disputed(summary)
    with st.container(key="class.disputed"):
        if disputed.empty:
            st.caption("No student has disagreed with a flag yet.")
        for row in disputed.itertuples():
            st.markdown(
                f"**{md(row.flag_id)}.** “{md(row.text[:100])}” "
                f"({md(row.kind)}): **{row.disagree} of {row.answered} disagreed**"
            )
    st.markdown("#### Flags students added")
    extra = added_flags(activity, submissions)
    with st.container(key="class.added"):
        if extra.empty:
            st.caption("No student has added a flag yet.")
        for row in extra.itertuples():
            where = f"article {row.article}: " if row.article else ""
            who = "1 student" if row.students == 1 else f"{row.students} students"
            st.markdown(
                f"{where}“{md(row.text[:100])}” as a {md(row.kind)} — added by "
                f"**{who}** ({md(row.names)})"
            )
            if row.reasons:
                st.caption(f"Why: {md(row.reasons[:600])}")
    answers = answers_frame(activity, submissions)
    with st.expander("Every answer with its reason"):
        st.dataframe(answers, hide_index=True, key="class.answers_table")
    _downloads(activity)
    for article in activity.articles:
        _show_article(activity, article, key=f"class.teacher_article.{article.position}")
        render_neutral_rewrite(
            article_view(article), key=f"class.teacher_rewrite.{article.position}"
        )


def _downloads(activity: Activity) -> None:
    """CSV, XLSX and worksheet PDF buttons (files made only when clicked)."""

    def rows() -> list:
        with class_store() as store:
            return store.submissions(activity.id)

    stem = f"class {activity.code}"
    cols = st.columns(3)
    cols[0].download_button(
        "Answers (CSV)",
        data=lambda: answers_csv(activity, rows()),
        file_name=export.safe_filename(stem, "csv", tag="answers"),
        mime="text/csv",
        key="class.download.csv",
        on_click="ignore",
        width="stretch",
    )
    cols[1].download_button(
        "Answers (XLSX)",
        data=lambda: export.table_bytes(answers_frame(activity, rows()), "xlsx", sheet="answers"),
        file_name=export.safe_filename(stem, "xlsx", tag="answers"),
        mime=export.MIME_TYPES["xlsx"],
        key="class.download.xlsx",
        on_click="ignore",
        width="stretch",
    )
    if export.static_export_available():
        cols[2].download_button(
            "Worksheet to print (PDF)",
            data=lambda: export.html_to_pdf(worksheet_html(activity)),
            file_name=export.safe_filename(stem, "pdf", tag="worksheet"),
            mime="application/pdf",
            key="class.download.pdf",
            on_click="ignore",
            width="stretch",
        )
    else:
        cols[2].caption("The printable worksheet needs Chrome or Chromium on the server.")
