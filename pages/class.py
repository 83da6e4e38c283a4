"""Class: a teacher starts an activity on an article; students agree or disagree with each flag.

``/class`` — the teacher picks an article (or twin articles) and presses Start a class activity.
``/class?code=<CODE>`` — the student view (no account; a name is optional).
``/class?teacher=<TOKEN>`` — the teacher's private view of the answers, with downloads.
"""

import streamlit as st

from ui.class_view import (
    ClassUnavailable,
    activity_by_code,
    class_store,
    render_setup,
    render_student,
    render_teacher,
)
from ui.memory import freeze_once
from ui.nav import use_app_navigation
from ui.text import md

use_app_navigation()
freeze_once()

code = (st.query_params.get("code") or "").strip()
token = (st.query_params.get("teacher") or "").strip()

try:
    if token:
        with class_store() as store:
            activity = store.by_teacher_token(token)
        st.title("Class activity: your class's answers")
        if activity is None:
            st.error("This teacher link is not valid here. Check that you copied all of it.")
        else:
            st.markdown(f"**{md(activity.title)}**")
            render_teacher(activity, token)
    elif code:
        activity = activity_by_code(code)
        st.title("Class activity")
        if activity is None:
            st.error(
                f"There is no class activity with the code “{md(code[:12])}”. "
                "Check the code with your teacher."
            )
        else:
            if len(activity.articles) > 1 or activity.title != activity.articles[0].title:
                st.markdown(f"**{md(activity.title)}**")
            render_student(activity)
    else:
        st.title("Class activity")
        render_setup()
except ClassUnavailable as exc:
    st.error(f"{md(exc)} Ask the teacher to check the server.")
