"""The alias table editor: see how names resolve to actors across the library, and correct it.

A researcher merges two actors, splits a name out of one, renames one, or marks one as not an
actor; every edit is a row of the library's alias table (:mod:`analysis.library.aliases`),
applied at query time by every comparison (the library's revision changes, so the cached
comparisons are rebuilt; nothing is analysed again). The table downloads and uploads as CSV.
Actor names are article text: they are shown in widgets that print text as text, and escaped
where they go into Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.compare.resolution import RULES, ActorResolution
from analysis.library.aliases import Alias, AliasTable, read_aliases_csv
from analysis.library.store import Library
from analysis.version import analysis_key
from ui.library_access import actor_resolution
from ui.text import md, option

KEY = "library.alias"


def _resolved(library: Library) -> tuple[ActorResolution, pd.DataFrame]:
    """(resolution, one row per actor: actor, names, articles) of the library's revision."""
    resolution, counts = actor_resolution(str(library.path), library.revision(), analysis_key())
    per_name = counts.groupby("name")["articles"].sum()
    rows = [
        (actor, ", ".join(n for n in names if n != actor), int(per_name.reindex(names).sum()))
        for actor, names in resolution.members.items()
    ]
    frame = pd.DataFrame(rows, columns=["actor", "also written", "articles"])
    frame = frame.sort_values(["articles", "actor"], ascending=[False, True], kind="stable")
    return resolution, frame.reset_index(drop=True)


def _anchor(resolution: ActorResolution, actor: str) -> str:
    """A stored name of ``actor`` that alias rows can name (its own name when stored)."""
    members = resolution.members.get(actor, (actor,))
    return actor if actor in members else members[0]


def _done(message: str) -> None:
    """Remember a confirmation for the next run and rerun (the tables show the edit)."""
    st.session_state[f"{KEY}.done"] = message
    st.rerun()


def alias_editor(library: Library) -> None:
    """The "Actors across the library" section: resolved actors, edits, rules, CSV."""
    resolution, actors = _resolved(library)
    table = AliasTable(library)
    st.markdown(
        "Names that refer to one actor are counted together across all articles: spelling "
        "variants (*Sergei/Sergey*), a short name when the library has exactly one full name "
        "ending with it (*Kerry* → *John Kerry*), other names of a country (*Kremlin* → "
        "*Russia*). Correct it here; every comparison uses your corrections at once."
    )
    if f"{KEY}.done" in st.session_state:
        st.success(st.session_state.pop(f"{KEY}.done"))
    st.dataframe(actors, hide_index=True, key=f"{KEY}.actors", width="stretch", height=240)
    names = actors["actor"].tolist()
    _suggestions(table, resolution)
    merge, split, rename, ignore = st.tabs(
        ["Merge two actors", "Split a name off", "Rename", "Not an actor"]
    )
    with merge:
        _merge_form(table, resolution, names)
    with split:
        _split_form(table, resolution, names)
    with rename:
        _rename_form(table, resolution, names)
    with ignore:
        _ignore_form(table, resolution, names)
    _rules_section(table)


def _suggestions(table: AliasTable, resolution: ActorResolution) -> None:
    """Merges no rule makes but a researcher may want (a surname the model typed ORG)."""
    if not resolution.suggestions:
        return
    labels = [f"{name} → {actor}" for name, actor in resolution.suggestions]
    chosen = st.multiselect(
        f"Suggested merges ({len(labels)}): a one-word name no article calls a person, and the "
        "only person with that surname",
        labels,
        format_func=option,
        key=f"{KEY}.suggested",
    )
    if st.button("Merge the chosen", key=f"{KEY}.accept", disabled=not chosen) and chosen:
        picked = [resolution.suggestions[labels.index(c)] for c in chosen]
        table.set([Alias("merge", name, actor, "suggested") for name, actor in picked])
        _done(f"Merged {len(picked)} suggested name(s).")


def _merge_form(table: AliasTable, resolution: ActorResolution, names: list[str]) -> None:
    source = st.selectbox(
        "Merge this actor", names, index=None, format_func=option, key=f"{KEY}.merge_from"
    )
    target = st.selectbox(
        "into this one", names, index=None, format_func=option, key=f"{KEY}.merge_into"
    )
    ready = source is not None and target is not None and source != target
    clicked = st.button("Merge", key=f"{KEY}.merge", disabled=not ready)
    if clicked and source is not None and target is not None and source != target:
        table.set(Alias("merge", _anchor(resolution, source), _anchor(resolution, target)))
        _done(f"Merged {md(source)} into {md(target)}.")


def _split_form(table: AliasTable, resolution: ActorResolution, names: list[str]) -> None:
    merged = [n for n in names if resolution.merged_into(n)]
    actor = st.selectbox("Actor", merged, index=None, format_func=option, key=f"{KEY}.split_actor")
    parts = resolution.merged_into(actor) if actor else []
    label = {n: option(f"{n} ({RULES[resolution.why.get(n, 'merge')]})") for n in parts}
    name = st.selectbox(
        "Name to count on its own", parts, index=None, format_func=lambda n: label.get(n, n),
        key=f"{KEY}.split_name",
    )  # fmt: skip
    if st.button("Split", key=f"{KEY}.split", disabled=name is None) and name is not None:
        table.set(Alias("split", name), removing=[("merge", name)])
        _done(f"{md(name)} is now counted on its own.")


def _rename_form(table: AliasTable, resolution: ActorResolution, names: list[str]) -> None:
    actor = st.selectbox("Actor", names, index=None, format_func=option, key=f"{KEY}.rename_actor")
    new = st.text_input("Show it as", key=f"{KEY}.rename_to", max_chars=200)
    ready = actor is not None and bool(new.strip()) and new.strip() != actor
    if st.button("Rename", key=f"{KEY}.rename", disabled=not ready) and actor is not None:
        table.set(Alias("rename", _anchor(resolution, actor), new))
        _done(f"{md(actor)} is now shown as {md(new.strip())}.")


def _ignore_form(table: AliasTable, resolution: ActorResolution, names: list[str]) -> None:
    actor = st.selectbox("Actor", names, index=None, format_func=option, key=f"{KEY}.ignore_actor")
    st.caption("Page furniture or a heading read as a name: left out of every table and chart.")
    if st.button("Not an actor", key=f"{KEY}.ignore", disabled=actor is None) and actor:
        table.set([Alias("ignore", n) for n in resolution.members.get(actor, (actor,))])
        _done(f"{md(actor)} is no longer counted as an actor.")


def _rules_section(table: AliasTable) -> None:
    """The rows of the table, removal of one, CSV download and upload."""
    rules = table.rules()
    st.markdown(f"**Your corrections** ({len(rules)})")
    frame = pd.DataFrame(
        [(r.action, r.name, r.target, r.note) for r in rules],
        columns=["action", "name", "target", "note"],
    )
    st.dataframe(frame, hide_index=True, key=f"{KEY}.rules", width="stretch")
    labels = [f"{r.action}: {r.name}" + (f" → {r.target}" if r.target else "") for r in rules]
    picked = st.selectbox(
        "Undo a correction", labels, index=None, format_func=option, key=f"{KEY}.remove_pick"
    )
    if st.button("Undo", key=f"{KEY}.remove", disabled=picked is None) and picked is not None:
        rule = rules[labels.index(picked)]
        table.remove(rule.action, rule.name)
        _done("Correction undone.")
    c1, c2 = st.columns([1, 2])
    c1.download_button(
        "Download as CSV", table.to_csv(), file_name="framing-lens-aliases.csv",
        mime="text/csv", key=f"{KEY}.download", on_click="ignore",
    )  # fmt: skip
    upload = c2.file_uploader(
        "Replace with a CSV (action, name, target, note)", type=["csv"], key=f"{KEY}.upload"
    )
    if upload is not None and st.button("Replace the corrections", key=f"{KEY}.replace"):
        try:
            text = upload.getvalue().decode("utf-8")
        except UnicodeDecodeError:
            st.error("The file is not UTF-8 text; nothing was changed.")
            return
        rows, errors = read_aliases_csv(text)
        if errors or not rows:  # a partial or empty file never replaces the corrections
            for err in errors or ["the file holds no corrections"]:
                st.error(f"Nothing was changed: {md(err)}")
            return
        n = table.replace(rows)
        _done(f"{n} correction(s) imported (they replace the earlier ones).")
