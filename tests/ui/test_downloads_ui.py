"""The download widgets (ui/downloads.py) in Streamlit's AppTest, with and without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest


def _chart_and_table_script() -> None:
    import plotly.graph_objects as go

    from tests.present.export_sample import sample_analysis
    from ui.downloads import analysis_table_downloads, chart_downloads, report_buttons

    fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h"))
    chart_downloads(fig, key="t.chart")
    analysis_table_downloads(sample_analysis(), key="t")
    report_buttons(lambda: None, lambda: b"", name="Sample", key="t")


def _keys(at: AppTest) -> set[str]:
    return {b.key for b in at.get("download_button")}


def _chart_popover_opened(at: AppTest) -> AppTest:
    """The script run again with the chart's popover open (as after a click on it)."""
    at.session_state["t.chart.download"] = True
    return at.run(timeout=60)


def test_a_closed_chart_popover_holds_no_buttons_until_opened() -> None:
    at = AppTest.from_function(_chart_and_table_script).run(timeout=60)
    assert not at.exception
    assert not {k for k in _keys(at) if k.startswith("t.chart.")}
    assert {"t.report.html", "t.report.pdf"} <= _keys(at)  # the rest is drawn at once
    _chart_popover_opened(at)
    assert "t.chart.download.png" in _keys(at)


def test_every_chart_and_table_format_has_a_button() -> None:
    at = _chart_popover_opened(AppTest.from_function(_chart_and_table_script).run(timeout=60))
    assert not at.exception
    assert {f"t.chart.download.{f}" for f in ("png", "svg", "pdf", "html")} <= _keys(at)
    for table in ("actors_table", "markers_table"):
        assert {f"t.{table}.download.{f}" for f in ("csv", "xlsx", "json")} <= _keys(at)
    assert {"t.report.html", "t.report.pdf", "t.bundle"} <= _keys(at)
    pdf = next(b for b in at.get("download_button") if b.key == "t.report.pdf")
    assert not pdf.proto.disabled
    assert not any("apt-get" in i.value for i in at.info)


def test_without_a_browser_the_buttons_explain_how_to_install_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    at = _chart_popover_opened(AppTest.from_function(_chart_and_table_script).run(timeout=60))
    assert not at.exception
    keys = _keys(at)
    assert "t.chart.download.html" in keys  # interactive HTML needs no browser
    assert not {f"t.chart.download.{f}" for f in ("png", "svg", "pdf")} & keys
    assert "t.actors_table.download.csv" in keys  # tables need no browser
    assert any("apt-get install chromium" in i.value for i in at.info)
    pdf = next(b for b in at.get("download_button") if b.key == "t.report.pdf")
    assert pdf.proto.disabled
    assert "apt-get install chromium" in pdf.proto.help
    assert any("needs Chrome or Chromium" in c.value for c in at.caption)
