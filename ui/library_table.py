"""The Library page's article table at scale: filters, pages of rows, row selection, edit, delete.

The table shows one page of the articles passing the filter (:class:`Listing`, one SQL query per
page), so a library of 20,000 articles draws as fast as one of 20. Rows are picked in the table
itself (``st.dataframe`` row selection) for editing or deleting; "delete all matching" deletes
every article the filter keeps, after a confirmation naming how many.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date

import streamlit as st

from analysis.library.corpus import parse_date
from analysis.library.listing import Listing
from analysis.library.query import ArticleFilter
from analysis.library.store import Library
from analysis.version import analysis_key
from ui.library_access import actor_resolution, outlets_of
from ui.text import md

PAGE_SIZES = (50, 100, 500)
COLUMNS = {
    "id": st.column_config.NumberColumn("id", width=60, format="%d"),
    "date": st.column_config.TextColumn("date", width=100),  # "2022-02-17" whole, never cut
    "outlet": st.column_config.TextColumn("outlet", width="medium"),
    "title": st.column_config.TextColumn("title", width="large"),
    "constructed": st.column_config.CheckboxColumn("constructed", width=100),
    "url": st.column_config.LinkColumn("url", width="medium"),
    "added": st.column_config.TextColumn("added", width="medium"),
}


def library_filter(library: Library) -> ArticleFilter:
    """Draw the search and filter widgets; the filter they describe (the Compare page's
    :class:`ArticleFilter`, so both pages mean the same by each filter)."""
    c1, c2, c3, c4 = st.columns([3, 3, 2, 2])
    search = c1.text_input("Search title, outlet and text", key="library.search")
    outlets = c2.multiselect("Outlets", outlets_of(library), key="library.outlets")
    date_from = c3.date_input("From", value=None, key="library.date_from", format="YYYY-MM-DD")
    date_to = c4.date_input("To", value=None, key="library.date_to", format="YYYY-MM-DD")
    c5, c6 = st.columns([3, 5], vertical_alignment="bottom")
    actor = c5.text_input(
        "Actor mentioned", key="library.actor", placeholder="e.g. Vladimir Putin",
        help="Articles whose analysis mentions this actor, under the name the Compare page "
        "shows (merged names count); articles not analysed yet drop out while it is set.",
    ).strip()  # fmt: skip
    exclude = c6.toggle(
        "Leave out the constructed samples", key="library.exclude_samples",
        help="The teaching examples written by the Framing Lens authors (the *constructed* "
        "column), not real reporting.",
    )  # fmt: skip
    return ArticleFilter(
        keyword=search.strip() or None,
        outlets=tuple(outlets) or None,
        date_from=date_from.isoformat() if isinstance(date_from, date) else None,
        date_to=date_to.isoformat() if isinstance(date_to, date) else None,
        actor=actor or None,
        exclude_constructed=bool(exclude),
    )


def listing_of(library: Library, flt: ArticleFilter) -> Listing:
    """The listing of ``flt``, its actor condition read through the library's actor merge
    (the one the Compare page uses; looked up only when an actor is asked for)."""
    if not flt.actor:
        return Listing(library, flt)
    resolution, _ = actor_resolution(str(library.path), library.revision(), analysis_key())
    return Listing(library, flt, names=resolution.names, dropped=resolution.dropped)


def table_key(flt: ArticleFilter, page: int, size: int) -> str:
    """The widget key of the table showing this page of this filter: a selection (row
    positions) never carries over to another filter or page, where it would mean other rows."""
    digest = hashlib.sha256(repr((flt, page, size)).encode()).hexdigest()[:12]
    return f"library.table.{digest}"


def render_table(library: Library, flt: ArticleFilter) -> list[int]:
    """One page of the matching articles, with row selection; the ids of the selected rows."""
    listing = listing_of(library, flt)
    total = listing.count()
    c1, c2, c3 = st.columns([4, 1, 1], vertical_alignment="bottom")
    size = int(c3.selectbox("Rows per page", PAGE_SIZES, key="library.page_size"))
    pages = max(1, -(-total // size))
    page = int(
        c2.number_input("Page", min_value=1, max_value=pages, step=1, key="library.page")
    )  # fmt: skip
    page = min(page, pages)
    first = (page - 1) * size
    c1.markdown(
        f"**{total:,}** of {library.count():,} articles match"
        + (f" (showing {first + 1:,}–{min(first + size, total):,})." if total > size else ".")
    )
    frame = listing.page(page - 1, size)
    event = st.dataframe(
        frame,
        hide_index=True,
        key=table_key(flt, page, size),
        width="stretch",
        column_config=COLUMNS,
        column_order=["id", "date", "outlet", "title", "constructed", "url", "added"],
        on_select="rerun",
        selection_mode="multi-row",
    )
    rows = [int(r) for r in event.selection.rows if 0 <= int(r) < len(frame)]
    st.caption("Tick rows in the table to edit or delete them.")
    return [int(frame["id"].iloc[r]) for r in rows]


def render_selected(library: Library, ids: list[int]) -> None:
    """The edit form of one selected article, or the delete button of the selected ones."""
    if len(ids) == 1:
        _edit_form(library, ids[0])
    if ids:
        _delete_selected(library, ids)
    for key, text in (("library.saved", "Saved."), ("library.deleted", None)):
        if key in st.session_state:
            value = st.session_state.pop(key)
            st.success(text or f"Deleted {value:,} article(s).")


def _edit_form(library: Library, article_id: int) -> None:
    """Edit the details of the one selected article."""
    art = library.get(article_id)
    if art is None:
        return
    # Keys carry the article id: Streamlit ignores value= once a key has state, so a key shared
    # by all articles would keep the first article's values and "Save" would write them here.
    k = f"library.edit.{article_id}"
    with st.expander(f"Edit #{article_id}: {md(art.label, limit=80)}", expanded=True):
        with st.form(f"library.edit_form.{article_id}"):
            title = st.text_input("Title", art.title or "", key=f"{k}.title")
            outlet = st.text_input("Outlet", art.outlet or "", key=f"{k}.outlet")
            when = st.text_input("Date (YYYY-MM-DD)", art.date or "", key=f"{k}.date")
            url = st.text_input("Web address", art.url or "", key=f"{k}.url")
            constructed = st.checkbox(
                "Constructed (a teaching example, not real reporting)",
                art.constructed,
                key=f"{k}.constructed",
            )
            if st.form_submit_button("Save changes"):
                try:
                    iso = parse_date(when)
                except ValueError as exc:
                    st.error(md(f"Not saved: {exc}."))
                else:
                    try:
                        library.update(
                            article_id, title=title, outlet=outlet, date=iso, url=url,
                            constructed=constructed,
                        )  # fmt: skip
                    except sqlite3.Error as exc:  # busy or read-only file: the form keeps the edits
                        st.error(md(f"Not saved: the library could not be written ({exc}). "
                                    "Your changes are still in the form: press Save changes "
                                    "again."))  # fmt: skip
                    else:
                        st.session_state["library.saved"] = article_id
                        st.rerun()
        with st.container(height=220):
            st.text(art.text)


def _delete_selected(library: Library, ids: list[int]) -> None:
    """Delete the selected articles, after a confirmation."""
    confirm = st.checkbox(
        f"Yes, delete the {len(ids)} selected article(s) and their analyses. "
        "This cannot be undone.",
        key=(confirm_key := f"library.delete_confirm.{_ids_digest(ids)}"),
    )  # keyed by the selection: a tick given for other rows never confirms these
    if st.button("Delete selected", key="library.delete", disabled=not confirm):
        st.session_state["library.deleted"] = library.delete(ids)
        st.session_state.pop(confirm_key, None)
        st.rerun()


def _ids_digest(ids: list[int]) -> str:
    """A short stable name of a set of article ids."""
    import hashlib

    return hashlib.sha256(",".join(map(str, sorted(ids))).encode()).hexdigest()[:12]


def render_delete_matching(library: Library, flt: ArticleFilter) -> None:
    """Delete every article the filter keeps, after a confirmation naming how many."""
    listing = listing_of(library, flt)
    total = listing.count()
    everything = flt == ArticleFilter()
    with st.expander(
        "Delete all matching articles", icon=":material/delete_sweep:", key="library.delete_all_box"
    ):
        if not total:
            st.caption("No article matches the filter.")
            return
        what = "every article in the library" if everything else "every article the filter keeps"
        confirm = st.checkbox(
            f"Yes, delete all {total:,} matching article(s) ({what}) and their analyses. "
            "This cannot be undone.",
            key=f"library.delete_all_confirm.{total}",  # a new count needs a new confirmation
        )
        if st.button(
            f"Delete {total:,} article(s)", key="library.delete_all", disabled=not confirm
        ):
            st.session_state["library.deleted"] = listing.delete_all()
            st.rerun()
