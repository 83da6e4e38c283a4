"""Hypothesis strategies that damage *valid* inputs the way careless or hostile users do.

Each strategy draws a mutation of a real file (tests/hostile_inputs.py builds them): bytes
truncated, flipped, inserted or duplicated; zip members dropped, renamed to ``../`` paths,
recompressed with methods we do not read, declared huge; JSON values swapped for values of
another type. docs/fuzzing.md lists what is covered.
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.hostile_inputs import declare_size, rename_member, rezip, set_method, zip_members

PROFILE = os.environ.get("FRAMING_LENS_FUZZ", "fuzz")
settings.register_profile(
    "fuzz",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "slow",
    max_examples=1_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile(PROFILE)
MEMBER_NAMES = st.from_regex(r"[A-Za-z0-9_.\-]{1,20}(/[A-Za-z0-9_.\-]{1,10})?", fullmatch=True)
"""Names a zip can hold (an arbitrary string may be cut to nothing by zipfile at a NUL)."""
"""The settings every fuzz test uses: ``FRAMING_LENS_FUZZ=slow`` for the long run."""

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


@st.composite
def byte_damage(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` truncated, with bytes flipped, inserted or a slice repeated."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "flip", "insert", "repeat"]))
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        if kind == "truncate":
            del out[at:]
        elif kind == "flip":
            out[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            end = min(len(out), at + draw(st.integers(1, 512)))
            out[at:at] = out[at:end] * draw(st.integers(1, 20))
    return bytes(out)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    found = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc[:6]):
            found += _paths(v, (*prefix, i))
    return found


@st.composite
def json_swap(draw: st.DrawFn, raw: bytes) -> bytes:
    """The JSON document with one to three values replaced by values of any other type."""
    doc = json.loads(raw)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(doc)))
        value = draw(JSON_VALUES)
        if not path:
            doc = value
            continue
        target = doc
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    return json.dumps(doc).encode()


@st.composite
def zip_damage(draw: st.DrawFn, data: bytes) -> bytes:
    """A zip with one member dropped, renamed out of the archive, recompressed, resized, or
    its JSON/XML damaged; sometimes the whole file's bytes damaged as well."""
    members = zip_members(data)
    name = draw(st.sampled_from(sorted(members)))
    kind = draw(
        st.sampled_from(["drop", "escape", "method", "huge", "content", "json", "add", "bytes"])
    )
    if kind == "drop":
        out = rezip(data, drop=[name])
    elif kind == "escape":
        bad = draw(st.sampled_from(["../", "../../", "/", "C:\\", "a/../../"])) + name
        out = rename_member(data, name, bad)
    elif kind == "method":
        out = set_method(data, name, draw(st.sampled_from([1, 6, 9, 12, 14, 93, 95, 98, 99])))
    elif kind == "huge":
        out = declare_size(data, name, draw(st.integers(2**24, 2**32 - 1)))
    elif kind == "content":
        out = rezip(data, replace={name: draw(byte_damage(members[name]))})
    elif kind == "json" and name.endswith(".json"):
        out = rezip(data, replace={name: draw(json_swap(members[name]))})
    elif kind == "add":
        out = rezip(data, add={draw(MEMBER_NAMES): draw(st.binary(max_size=200))})
    else:
        out = draw(byte_damage(data))
    return out
