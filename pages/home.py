"""Home: what Framing Lens is, for whom, and where to start."""

import streamlit as st

from ui.nav import use_app_navigation

use_app_navigation()

st.title("Framing Lens")
st.markdown(
    """
**See how a news article frames the people, countries and organisations in it.**

News reports rarely lie outright; framing hides in small word choices. One side *said* something,
the other *claimed* it. One side's words are quoted plainly, the other's sit in
"scare quotes". Framing Lens finds these choices, highlights every one of them in the text with the
reason it was flagged, and counts them per actor, so patterns become visible.
"""
)
c1, c2, c3 = st.columns(3)
with c1, st.container(border=True):
    st.markdown("**Teachers and students**")
    st.markdown(
        "Paste an article, click the highlighted words, and discuss: is this fair? "
        "Start a class activity and every student says Agree or Disagree to each flag."
    )
with c2, st.container(border=True):
    st.markdown("**Researchers**")
    st.markdown(
        "Compare how different outlets frame the same actors, one story or thousands of articles."
    )
with c3, st.container(border=True):
    st.markdown("**Report writers**")
    st.markdown("Every chart and table can be exported, and every number traces back to the text.")

st.markdown("### Where to start")
st.page_link(
    "pages/analyze.py",
    label="Analyze an article — the sample article is already analysed there",
    icon=":material/arrow_forward:",
)
st.page_link(
    "pages/compare.py",
    label="Compare outlets — seven outlets telling the same February 2022 story",
    icon=":material/compare_arrows:",
)
st.page_link(
    "pages/class.py",
    label="Class activity — students agree or disagree with each flag; you see the answers",
    icon=":material/groups:",
)
st.page_link(
    "pages/library.py",
    label="Library — import your own articles or a corpus (CSV, JSONL, files)",
    icon=":material/library_books:",
)
st.page_link("pages/how_to_read.py", label="How to read the results", icon=":material/help:")
st.caption(
    "Framing Lens reads words, not minds: treat each highlight as a question to discuss, "
    "not a verdict."
)
