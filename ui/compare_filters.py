"""The Compare page's choice of articles: outlets or single articles, and the filters.

Every filter becomes one :class:`analysis.library.query.ArticleFilter`, answered in SQL from the
count tables and the full-text index (no article text is read), so a filter change on 20,000
articles redraws in about a second. Widget keys are namespaced ``compare.*``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from analysis.library.listing import Listing
from analysis.library.query import ArticleFilter
from analysis.library.samples import sample_rows
from analysis.library.store import Article, Library
from ui.lazy_expander import lazy_expander
from ui.library_access import ids_filter, outlets_of, span_of
from ui.page_text import page_text
from ui.text import md, option

MODES = ("Whole outlets", "Single articles")
ARTICLES_LISTED = 300
"""Up to this many articles the picker lists them all; beyond, a word search lists as many."""
DATES_KEY, KEYWORD_KEY, ACTOR_KEY = "compare.dates", "compare.keyword", "compare.actor_filter"
"""The keys of the filters in the expander (read from the session state while it is closed)."""
SHOWN_CHARS = 60
"""A keyword or actor longer than this is cut short in the "Filters on" line."""


@dataclass(frozen=True)
class Choice:
    """What the page compares: the filter, how articles are grouped, how many groups."""

    filter: ArticleFilter
    by: str
    groups: int


def _day(value: str | None) -> dt.date | None:
    """An ISO date string's date (None when it is not one)."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _span_days(library: Library) -> tuple[dt.date, dt.date] | None:
    """The library's first and last article dates, or None when there is no range to pick."""
    span = span_of(library)
    lo, hi = _day(span.first_date), _day(span.last_date)
    return None if lo is None or hi is None or lo == hi else (lo, hi)


def _date_filter(library: Library, box: DeltaGenerator | None) -> tuple[str | None, str | None]:
    """The date range input (drawn in ``box`` when the filters are open; its value is kept
    while they are closed): (from, to) when narrowed, (None, None) for the whole span (which
    keeps undated articles too), a range being picked (one day so far) or a kept range beyond
    the library's span (articles deleted since; open, the input itself resets it)."""
    days = _span_days(library)
    if days is None:
        return None, None
    if box is not None:
        box.date_input(
            "Dates", value=days, min_value=days[0], max_value=days[1], key=DATES_KEY,
            persist_state="page",
            help="Only articles dated in this range (undated articles drop out once it is "
            "narrowed).",
        )  # fmt: skip
    picked = st.session_state.get(DATES_KEY, days)
    if not isinstance(picked, tuple | list) or len(picked) != 2 or tuple(picked) == days:
        return None, None
    if not all(isinstance(d, dt.date) and days[0] <= d <= days[1] for d in picked):
        return None, None
    return picked[0].isoformat(), picked[1].isoformat()


def _text_filter(box: DeltaGenerator | None, label: str, key: str, placeholder: str) -> str:
    """A text filter's value: typed in ``box`` when the filters are open, kept while closed."""
    if box is not None:
        box.text_input(label, key=key, placeholder=placeholder, persist_state="page")
    return str(st.session_state.get(key, "")).strip()


@cache
def _shipped_real() -> int:
    """How many of the samples shipped with the app are real articles (the seed article)."""
    return sum(not r.constructed for r in sample_rows())


def default_filter(library: Library) -> ArticleFilter:
    """What the page compares before anyone touches a filter: every outlet, and the
    constructed samples left out once the user has real articles of their own (beyond the
    shipped seed)."""
    span = span_of(library)
    return ArticleFilter(
        outlets=tuple(outlets_of(library)), exclude_constructed=span.real_articles > _shipped_real()
    )


def _filters(library: Library) -> ArticleFilter:
    """The filters every mode shares: samples, and (in an expander drawn only when open,
    their values kept while it is closed) dates, keyword, actor."""
    span = span_of(library)
    exclude = st.toggle(
        "Leave out the constructed samples",
        value=default_filter(library).exclude_constructed,
        key="compare.exclude_samples",
        help=f"{span.constructed} teaching samples come with the app; "
        f"{span.real_articles} real articles are in the library.",
    )
    box = lazy_expander("Filters: dates, keyword, actor", "compare.filters",
                        icon=":material/filter_alt:")  # fmt: skip
    if box is not None:
        box.caption(page_text("compare/filters"))
    date_from, date_to = _date_filter(library, box)
    left, right = box.columns(2) if box is not None else (None, None)
    keyword = _text_filter(left, "Keyword or topic", KEYWORD_KEY, "e.g. Crimea sanctions")
    actor = _text_filter(right, "Actor mentioned", ACTOR_KEY, "e.g. Vladimir Putin")
    flt = ArticleFilter(
        date_from=date_from, date_to=date_to, keyword=keyword or None, actor=actor or None,
        exclude_constructed=exclude,
    )  # fmt: skip
    if box is None and (summary := _filters_on(flt)):
        st.caption(f":material/filter_alt: Filters on: {summary}. Open *Filters* to change them.")
    return flt


def _filters_on(flt: ArticleFilter) -> str:
    """The set filters of the closed expander, in words (user text escaped)."""
    parts = []
    if flt.date_from and flt.date_to:
        parts.append(f"dates {flt.date_from} to {flt.date_to}")
    if flt.keyword:
        parts.append(f"keyword “{md(flt.keyword, limit=SHOWN_CHARS)}”")
    if flt.actor:
        parts.append(f"actor “{md(flt.actor, limit=SHOWN_CHARS)}”")
    return ", ".join(parts)


def compare_choice(library: Library) -> Choice:
    """Draw the mode, the outlets (or articles) and the filters; return what to compare."""
    mode = st.radio("Compare", MODES, horizontal=True, key="compare.mode")
    if mode == MODES[0]:
        outlets = outlets_of(library)
        chosen = st.multiselect(
            "Outlets (two or more)", outlets, default=outlets, key="compare.outlets",
            format_func=option,
        )  # fmt: skip
        flt = replace(_filters(library), outlets=tuple(chosen))
        return Choice(flt, "outlet", len(chosen))
    labels = _article_options(library)
    ids = st.multiselect(
        "Articles (two or more)",
        list(labels),
        format_func=lambda i: option(labels[i]),
        key="compare.articles",
    )
    return Choice(ids_filter(ids), "article", len(ids))


def _label(row: Article) -> str:
    """'#12 Title (Outlet)' of one article."""
    return f"#{row.id} {row.label}"


def _article_options(library: Library) -> dict[int, str]:
    """The articles the picker offers, id → label: every article of a small library; in a
    larger one, those found by a word search (the first :data:`ARTICLES_LISTED`) and those
    already picked — a menu of 100,000 titles would freeze the page."""
    span = span_of(library)
    if span.real_articles + span.constructed <= ARTICLES_LISTED:
        return {a.id: _label(a) for a in library.articles(with_text=False)}
    words = st.text_input(
        "Find articles", key="compare.article_search",
        placeholder="words of the title or text, or an outlet",
        help="The library is large: type words to list the articles to pick from.",
    ).strip()  # fmt: skip
    listing = Listing(library, ArticleFilter(keyword=words or None))
    found = [int(i) for i in listing.page(0, ARTICLES_LISTED)["id"]]
    picked = [int(i) for i in st.session_state.get("compare.articles", [])]
    shown = list(dict.fromkeys([*picked, *found]))
    by_id = {a.id: a for a in library.articles(ids=shown, with_text=False)}
    total = listing.count()
    if total > len(found):
        st.caption(f"{total:,} articles match; the first {len(found):,} are listed. "
                   "Type more words to narrow the list.")  # fmt: skip
    return {i: _label(by_id[i]) for i in shown if i in by_id}
