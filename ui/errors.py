"""The pages' error boundary: an unexpected exception becomes a friendly message with an error id.

Bad input is handled where it arrives (clear messages, nothing lost). This is the net under
everything else: any exception a page or a widget callback raises is caught here, its traceback
goes to the server log under a short error id (never to the browser), the session state is put
back as it was after the last run that went well (data restored, widgets the failed run changed
reset), and the page runs again showing "Something went wrong … (error id 3fa9c2)". If the
restored page fails again straight away, the page's state is cleared and it starts fresh; if even
that fails, only the message is shown (no rerun loop).

Streamlit's own control flow (``st.rerun``, ``st.stop``, page switches) raises
``BaseException`` subclasses, which pass through untouched.
"""

from __future__ import annotations

import functools
import logging
import secrets
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import streamlit as st

from analysis.engine.time_limit import AnalysisTimeout

log = logging.getLogger("framing_lens.errors")
if not log.handlers:  # Streamlit configures its own loggers only; ours must reach stderr too
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False

PREFIX = "_fl."
GOOD = PREFIX + "last_good"
PENDING = PREFIX + "error"
FAILURES = PREFIX + "failures"
"""Failed runs in a row: 1 restores the last good state, 2 starts the page fresh, 3 stops."""
GOOD_ADDRESS = PREFIX + "last_good_address"
"""The address's query parameters after the last good run (a page may set ``?article=`` before
it fails; left in place, the rerun would open the same failing article again)."""

F = TypeVar("F", bound=Callable[..., Any])


class Runnable(Protocol):
    """What ``st.navigation`` returns: a page with ``run()`` and a title."""

    @property
    def title(self) -> str: ...

    def run(self) -> None: ...


def new_error_id() -> str:
    """A short id a user can read out (6 hex digits)."""
    return secrets.token_hex(3)


def is_widget_key(key: str) -> bool:
    """True when a widget registered ``key`` (its value may only be reset, never set).

    Streamlit keeps the key→widget mapping in its session state (``get_widget_id_from_key``,
    internal); tests/ui/test_errors.py fails if that changes. Unknown means "widget": resetting
    is always allowed, setting a widget's value is not.
    """
    try:
        from streamlit.runtime.state.session_state_proxy import get_session_state

        inner = object.__getattribute__(get_session_state(), "_state")
        return inner.get_widget_id_from_key(key) is not None
    except Exception:  # an internal API moved: fall back to the safe answer
        return True


def _snapshot() -> dict[str, Any]:
    """The current session state (references, not copies: our values are not mutated)."""
    return {str(k): v for k, v in st.session_state.items() if not str(k).startswith(PREFIX)}


def _remember_good_state() -> None:
    st.session_state[GOOD] = _snapshot()
    st.session_state[GOOD_ADDRESS] = st.query_params.to_dict()
    st.session_state[FAILURES] = 0


def _put_back_address(fresh: bool) -> None:
    """The query parameters of the last good run (none when starting fresh)."""
    good = {} if fresh else st.session_state.get(GOOD_ADDRESS, {})
    if st.query_params.to_dict() != good:
        st.query_params.from_dict(good)


def _same(a: Any, b: Any) -> bool:
    """Equal values (identity first; values that cannot be compared count as changed)."""
    if a is b:
        return True
    try:
        return bool(type(a) is type(b) and a == b)
    except Exception:  # e.g. arrays whose == is element-wise
        return False


def _put_back(good: dict[str, Any] | None, fresh: bool) -> None:
    """Restore the last good state (or clear everything when ``fresh``)."""
    good = {} if fresh or good is None else good
    current = _snapshot()
    widgets = {k for k in {*current, *good} if is_widget_key(k)}  # before deleting unmaps them
    for key, value in current.items():
        if key in good and _same(good[key], value):
            continue
        del st.session_state[key]  # data is set back below; a widget goes back to its default
    for key, value in good.items():
        if key not in st.session_state and key not in widgets:
            st.session_state[key] = value


def _record(exc: BaseException, where: str) -> str:
    """Log the traceback under a new id; returns the id."""
    error_id = new_error_id()
    log.error("error %s in %s: %s", error_id, where, exc, exc_info=exc)
    return error_id


def _recover(exc: Exception, where: str) -> bool:
    """Log, restore, remember the message; True when a rerun should show the restored page."""
    failures = int(st.session_state.get(FAILURES, 0)) + 1
    error_id = _record(exc, where)
    _put_back(st.session_state.get(GOOD), fresh=failures >= 2)
    _put_back_address(fresh=failures >= 2)
    st.session_state[PENDING] = {
        "id": error_id,
        "where": where,
        "failures": failures,
        "reason": str(exc) if isinstance(exc, AnalysisTimeout) else None,  # written for users
    }
    st.session_state[FAILURES] = failures
    return failures <= 2


def message(error_id: str, fresh: bool = False) -> str:
    """What the user reads (no traceback, no paths)."""
    back = (
        "The page was started again from the beginning."
        if fresh
        else "The page is shown as it was before; nothing you saved was lost."
    )
    return (
        f"Something went wrong on this page (error id {error_id}). {back} If it happens again, "
        "tell the person who runs Framing Lens this error id."
    )


def _show_pending() -> None:
    pending = st.session_state.pop(PENDING, None)
    if pending:
        text = message(pending["id"], fresh=pending.get("failures", 1) >= 2)
        if pending.get("reason"):
            text = f"{pending['reason']} {text}"
        st.error(text, icon="⚠️")


def run_page(page: Runnable) -> None:
    """Run the navigation's current page inside the error boundary (called by app.py)."""
    _show_pending()
    try:
        page.run()
    except Exception as exc:
        if _recover(exc, f"page {page.title!r}"):
            st.rerun()
        _show_pending()  # a third failure in a row: say so and stop here
    except BaseException as exc:  # rerun/stop/switch_page: Streamlit's control flow
        if type(exc).__name__ == "StopException":
            _remember_good_state()  # st.stop() ends a good run early
        raise
    else:
        _remember_good_state()


def guarded(fn: F) -> F:
    """A widget callback inside the error boundary (callbacks run before the page script)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            _recover(exc, f"callback {fn.__name__}")
            return None

    return wrapper  # type: ignore[return-value]
