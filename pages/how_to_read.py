"""How to read this: what each stance and marker means, and the limits of automatic analysis."""

import streamlit as st

from ui.how_to_read import render_how_to_read
from ui.nav import use_app_navigation

use_app_navigation()

st.title("How to read the analysis")
render_how_to_read()
