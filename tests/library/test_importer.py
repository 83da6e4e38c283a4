"""Parallel analysis: worker processes give the same results and never re-run the app script."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from analysis.library import importer
from analysis.library.importer import analyse_texts


@pytest.mark.slow
def test_parallel_analysis_matches_in_process_and_never_reruns_main(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under `streamlit run`, __main__ is the app script (no __spec__): a spawned worker would
    # execute it again unless the importer hides it. Stand in a script that leaves a trace.
    flag = tmp_path / "main-was-run"
    script = tmp_path / "app.py"
    script.write_text(f"open({str(flag)!r}, 'w').write('ran')\n", encoding="utf-8")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)

    n = importer.MIN_PARALLEL + 2
    verbs = ["said", "claimed", "insisted", "confirmed", "denied", "admitted"]
    items = [
        (str(i), f"Official number {i} {verbs[i % len(verbs)]} that the talks in round {i} failed.")
        for i in range(n)
    ]
    seen: list[tuple[int, int]] = []
    parallel = {
        stored.sha256: stored
        for chunk in analyse_texts(items, workers=2, progress=lambda d, t: seen.append((d, t)))
        for stored in chunk
    }
    in_process = {
        stored.sha256: stored for chunk in analyse_texts(items, workers=1) for stored in chunk
    }
    # Spawned workers (as under Streamlit, where the parent runs many threads) agree too.
    with importer.LocalPool(2, start_method="spawn") as pool:
        spawned = {
            stored.sha256: stored for chunk in analyse_texts(items, runner=pool) for stored in chunk
        }
    assert parallel == in_process == spawned
    assert len(parallel) == n
    assert not flag.exists()
    assert sys.modules["__main__"] is fake_main  # restored after the workers started
    assert seen[0] == (0, n)
    assert seen[-1] == (n, n)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
