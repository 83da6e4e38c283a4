"""Framing Lens — the Streamlit app: navigation between the pages (one page per user task).

Run with ``make run`` (or ``streamlit run app.py``). Each page lives in ``pages/``; a page whose
file does not exist yet is simply left out of the menu, so pages can be added one at a time.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.errors import run_page
from ui.prefetch import prefetch_element_code

ROOT = Path(__file__).resolve().parent

# (file, title, url path, icon). The first entry is the default page, served at "/". Each url
# path equals the file name (see ui/nav.py for why).
PAGES: list[tuple[str, str, str, str]] = [
    ("pages/home.py", "Home", "home", ":material/home:"),
    ("pages/analyze.py", "Analyze an article", "analyze", ":material/find_in_page:"),
    ("pages/compare.py", "Compare outlets", "compare", ":material/compare_arrows:"),
    ("pages/library.py", "Library", "library", ":material/library_books:"),
    ("pages/class.py", "Class activity", "class", ":material/groups:"),
    ("pages/how_to_read.py", "How to read this", "how_to_read", ":material/help:"),
]

st.set_page_config(page_title="Framing Lens", page_icon="🔎", layout="wide")

pages = [
    st.Page(file, title=title, url_path=url, icon=icon, default=(i == 0))
    for i, (file, title, url, icon) in enumerate(PAGES)
    if (ROOT / file).is_file()
]
page = st.navigation(pages)
prefetch_element_code()  # the other pages' chart code, while the browser is idle
run_page(page)  # the error boundary: see ui/errors.py
