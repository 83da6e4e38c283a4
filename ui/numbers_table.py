"""A table of a chart's numbers, under an expander drawn only once it is opened."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from ui.lazy_expander import lazy_expander


def numbers_table(frame: pd.DataFrame, key: str, label: str = "The numbers", **kw: Any) -> None:
    """``frame`` as a dataframe in a closed expander that is filled only when opened
    (:func:`ui.lazy_expander.lazy_expander`: a dataframe brings 1.2 MB of table code with its
    Arrow reader to a first visit)."""
    box = lazy_expander(label, key)
    if box is not None:
        with box:
            st.dataframe(frame, key=key, **kw)
