"""Chart and table exports, checked by their bytes (real kaleido + Chromium, real openpyxl)."""

from __future__ import annotations

import io
import json
import struct
import xml.etree.ElementTree as ET
import zipfile

import pandas as pd
import plotly.graph_objects as go
import pypdf
import pytest

from analysis.present import charts, export
from tests.present.export_sample import TEXT, sample_analysis

SVG_NS = "{http://www.w3.org/2000/svg}"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_texts(data: bytes) -> str:
    """All text nodes of an SVG, joined (parsing fails loudly if it is not XML)."""
    root = ET.fromstring(data)
    assert root.tag == f"{SVG_NS}svg"
    return " ".join(t for el in root.iter() for t in (el.text or "",) if t.strip())


@pytest.fixture(scope="module")
def stance_fig() -> go.Figure:
    return charts.stance_chart(sample_analysis())


def test_png_has_print_resolution(stance_fig: go.Figure) -> None:
    data = export.figure_bytes(stance_fig, "png")
    width, height = export.figure_size(stance_fig)
    assert png_size(data) == (width * export.PNG_SCALE, height * export.PNG_SCALE)
    assert width * export.PNG_SCALE >= 2400  # ≥ 8 inches at 300 dpi
    from PIL import Image

    image = Image.open(io.BytesIO(data))  # the added pHYs chunk keeps the PNG valid
    image.load()
    assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_png_size_and_scale_can_be_chosen(stance_fig: go.Figure) -> None:
    data = export.figure_bytes(stance_fig, "png", width=400, height=300, scale=1)
    assert png_size(data) == (400, 300)


def test_svg_parses_and_holds_the_chart_text(stance_fig: go.Figure) -> None:
    texts = svg_texts(export.figure_bytes(stance_fig, "svg"))
    for name in ("Jens Stoltenberg", "Maria Zakharova", "Belarus", "distancing"):
        assert name in texts
    assert "statements are reported" in texts  # the chart title


def test_pdf_chart_opens_with_its_text(stance_fig: go.Figure) -> None:
    data = export.figure_bytes(stance_fig, "pdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Jens Stoltenberg" in text
    assert "Belarus" in text


def test_html_chart_is_interactive_and_offline(stance_fig: go.Figure) -> None:
    page = export.figure_bytes(stance_fig, "html").decode("utf-8")
    assert "Plotly.newPlot" in page
    assert "Jens Stoltenberg" in page
    assert "<script src=" not in page.replace(" ", "")  # plotly.js is inline


def test_the_browser_is_started_once_and_reused(stance_fig: go.Figure) -> None:
    export.figure_bytes(stance_fig, "svg")
    first = export._service
    assert first is not None
    assert export.exporter_running()
    export.figure_bytes(stance_fig, "png", scale=1)
    export.figure_bytes(stance_fig, "pdf")
    assert export._service is first


def test_unknown_formats_are_refused(stance_fig: go.Figure) -> None:
    with pytest.raises(ValueError, match="unknown figure format"):
        export.figure_bytes(stance_fig, "gif")
    with pytest.raises(ValueError, match="unknown table format"):
        export.table_bytes(pd.DataFrame({"a": [1]}), "ods")


# ---- tables -------------------------------------------------------------------------------


def test_actor_table_round_trips_through_csv_xlsx_json() -> None:
    frame = sample_analysis().actors_frame()
    from_csv = pd.read_csv(io.BytesIO(export.table_bytes(frame, "csv")))
    from_xlsx = pd.read_excel(io.BytesIO(export.table_bytes(frame, "xlsx", sheet="actors")))
    from_json = pd.DataFrame(json.loads(export.table_bytes(frame, "json")))
    for got in (from_csv, from_xlsx, from_json):
        assert list(got.columns) == list(frame.columns)
        assert list(got["actor"]) == list(frame["actor"])
        assert list(got["distancing"]) == list(frame["distancing"])
        assert got["sentiment"].tolist() == pytest.approx(frame["sentiment"].tolist())
    with zipfile.ZipFile(io.BytesIO(export.table_bytes(frame, "xlsx", sheet="actors"))) as zf:
        assert "actors" in zf.read("xl/workbook.xml").decode()


def test_markers_export_keeps_offsets_and_explanations() -> None:
    a = sample_analysis()
    frame = a.markers_frame()
    for fmt in ("csv", "xlsx", "json"):
        data = export.table_bytes(frame, fmt)
        if fmt == "csv":
            got = pd.read_csv(io.BytesIO(data), keep_default_na=False)
        elif fmt == "xlsx":
            got = pd.read_excel(io.BytesIO(data), keep_default_na=False)
        else:
            got = pd.DataFrame(json.loads(data))
        assert {"start", "end", "explanation", "source", "actor"} <= set(got.columns)
        for row in got.itertuples():
            assert TEXT[int(row.start) : int(row.end)] == row.text
        assert got["explanation"].tolist() == [m.explanation for m in a.markers]


def test_xlsx_never_turns_article_text_into_a_formula() -> None:
    frame = pd.DataFrame({"text": ['=HYPERLINK("http://example.invalid")', "+1", "plain"]})
    data = export.table_bytes(frame, "xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data)).active
    cells = [ws.cell(row=r, column=1) for r in (2, 3, 4)]
    assert [c.data_type for c in cells] == ["s", "s", "s"]
    assert cells[0].value == '=HYPERLINK("http://example.invalid")'


def test_json_table_writes_missing_values_as_null() -> None:
    rows = json.loads(export.table_bytes(pd.DataFrame({"a": [1.5, None]}), "json"))
    assert rows == [{"a": 1.5}, {"a": None}]


def test_empty_table_exports() -> None:
    frame = sample_analysis().actors_frame().iloc[0:0]
    assert json.loads(export.table_bytes(frame, "json")) == []
    assert pd.read_excel(io.BytesIO(export.table_bytes(frame, "xlsx"))).empty
    assert export.table_bytes(frame, "csv").decode().startswith("actor,id,type")


def test_safe_filename() -> None:
    assert export.safe_filename("NATO & Russia: <b>test</b>", "png") == "nato-russia-b-test-b.png"
    assert export.safe_filename("???", "csv") == "framing-lens.csv"
    long = export.safe_filename("A very long title " * 10, "pdf", tag="report")
    assert long.endswith("-report.pdf")
    assert len(long) <= 60 + len("-report.pdf")


def test_file_names_say_whose_chart_and_what_it_shows() -> None:
    name = export.safe_filename("Zelenskyy’s café talks", "png", tag="distancing by actor")
    assert name == "zelenskyys-cafe-talks-distancing-by-actor.png"  # accents folded, not lost
    long = export.safe_filename("Title " * 30, "csv", tag="markers about " + "Name " * 30)
    stem, _, tag = long.removesuffix(".csv").partition("-markers-about-")
    assert len(long) <= 60 + 1 + 40 + len(".csv")
    assert stem.startswith("title-title") and len(stem) <= 60 and tag.startswith("name-name")
    assert (
        export.safe_filename("Путин", "png", tag="tone by actor")
        == "framing-lens-tone-by-actor.png"
    )


# ---- no browser ---------------------------------------------------------------------------


def test_without_a_browser_static_export_explains_how_to_install_one(
    stance_fig: go.Figure, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    export.stop_exporter()
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    assert not export.static_export_available()
    for fmt in ("png", "svg", "pdf"):
        with pytest.raises(export.ExportUnavailable, match="apt-get install chromium"):
            export.figure_bytes(stance_fig, fmt)
    with pytest.raises(export.ExportUnavailable, match="BROWSER_PATH"):
        export.html_to_pdf("<p>x</p>")
    # The downloads that need no browser still work.
    assert b"Plotly.newPlot" in export.figure_bytes(stance_fig, "html")
    assert export.table_bytes(pd.DataFrame({"a": [1]}), "csv") == b"a\n1\n"
    monkeypatch.delenv("BROWSER_PATH")
    assert export.static_export_available()
    assert png_size(export.figure_bytes(stance_fig, "png", scale=1))[0] > 0  # restarts


def test_html_to_pdf_prints_real_text() -> None:
    data = export.html_to_pdf("<h1>Framing Lens</h1><p>Jens Stoltenberg claimed.</p>")
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Jens Stoltenberg claimed." in text


def test_concurrent_exports_each_get_their_own_chart() -> None:
    # Streamlit serves each session from its own thread: two sessions exporting at the same
    # time must not receive each other's images.
    from concurrent.futures import ThreadPoolExecutor

    titles = [f"Chart number {i}" for i in range(4)]
    figs = [
        go.Figure(go.Bar(x=[1, 2], y=[i, i + 1]), layout={"title": t}) for i, t in enumerate(titles)
    ]
    with ThreadPoolExecutor(max_workers=4) as pool:
        svgs = list(pool.map(lambda f: export.figure_bytes(f, "svg"), figs))
    for title, svg in zip(titles, svgs, strict=True):
        assert title in svg_texts(svg)
        assert all(other not in svg_texts(svg) for other in titles if other != title)
