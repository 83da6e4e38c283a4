"""A table of a chart's numbers, under an expander drawn only once it is opened."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st


def numbers_table(frame: pd.DataFrame, key: str, label: str = "The numbers", **kw: Any) -> None:
    """``frame`` as a dataframe in a closed expander that is filled only when opened.

    A closed expander's content is still sent and drawn by Streamlit; a dataframe brings its
    table code to the browser (1.2 MB with its Arrow reader), which a first visit to a page
    then waits for before anything is drawn. With ``on_change="rerun"`` the expander reports
    its state and the table is sent only to those who open it (:func:`streamlit.expander`,
    ``.open``)."""
    box = st.expander(label, key=f"{key}.open", on_change="rerun")
    if box.open:
        with box:
            st.dataframe(frame, key=key, **kw)
