"""Text is text (issue 16): titles, outlets and actor names with Markdown are shown literally.

A local HTTP server counts requests: the Markdown images and links in the stored or pasted text
point at it, so a single request means the browser rendered markup it should have shown as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from analysis.present.bundle import write_bundle
from analysis.records import ActorProfile, ArticleAnalysis, Marker
from analysis.version import ENGINE_VERSION
from tests.conftest import run_app_server
from tests.library.local_servers import Server, send, serve

pytestmark = pytest.mark.browser

LOAD = 90_000
MAIN = ".st-key-analyze-article .fl-main"
TEXT = (
    "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were purely "
    "defensive, and NATO said more troops had arrived in the region this week."
)


@pytest.fixture
def bait() -> Iterator[Server]:
    """The server the hostile Markdown points at; ``paths`` lists every request it got."""
    with serve({"/": lambda h: send(h, 200, b"GIF89a", {"Content-Type": "image/gif"})}) as s:
        yield s


def nasty(bait: Server) -> dict[str, str]:
    return {
        "image": f"![t]({bait.base}/b)",
        "link": f"[o]({bait.base}/phish)",
        "html": f'<img src="{bait.base}/c"> <b>bold</b>',
        "directives": ":red[x] :material/home: :streamlit: **strong** # not a heading",
    }


def no_markup_in(locator: Any) -> None:
    """Nothing rendered from the text: no image, link, emphasis, heading or coloured span."""
    assert locator.locator("img, a, strong, em, h1, h2, [style*='color']").count() == 0


def test_a_pasted_title_and_outlet_are_shown_literally(
    page: Any, app_server: str, bait: Server, app_idle: Any
) -> None:
    n = nasty(bait)
    title = f"{n['image']} {n['directives']}"
    outlet = n["link"]
    page.goto(f"{app_server}/analyze")
    page.wait_for_selector(MAIN, timeout=LOAD)
    page.get_by_text("Analyse your own article").click()
    page.locator(".st-key-analyze-title input").fill(title)
    page.locator(".st-key-analyze-outlet input").fill(outlet)
    page.locator(".st-key-analyze-text textarea").fill(TEXT)
    page.locator(".st-key-analyze-run button").click()
    heading = page.locator("[data-testid=stHeading]").filter(has_text="red[x]")
    expect(heading).to_have_count(1, timeout=LOAD)
    app_idle(page)
    shown = heading.inner_text().replace("\u2060", "")
    assert shown == f"{title} — {outlet}"
    no_markup_in(heading)
    assert bait.paths == []


def _actor_analysis(name: str) -> ArticleAnalysis:
    """A valid analysis whose one actor has a hostile name (as a bundle could carry)."""
    text = f"{name} said the talks would go on."
    start = text.index("said")
    marker = Marker(
        kind="attribution", category="neutral", text="said", start=start, end=start + 4,
        actor=name, explanation="A neutral reporting verb.", source="test", sentence=0,
    )  # fmt: skip
    actor = ActorProfile(
        id="x", name=name, type="PERSON", aliases=(), mentions=1,
        stance_counts={"neutral": 1}, quotes=0, scare_quotes=0, doubt=0, loaded=0,
        sentiment=None, words=len(text.split()),
    )  # fmt: skip
    return ArticleAnalysis(
        text=text, title=name, words=len(text.split()), engine_version=ENGINE_VERSION,
        actors=(actor,), markers=(marker,), warnings=(f"A warning about {name}",),
    )  # fmt: skip


def test_actor_names_and_warnings_from_a_bundle_are_shown_literally(
    page: Any, app_server: str, bait: Server, tmp_path: Path, app_idle: Any
) -> None:
    n = nasty(bait)
    name = f"{n['image']} {n['html']}"
    bundle = tmp_path / "actor.zip"
    bundle.write_bytes(write_bundle(_actor_analysis(name)))
    page.goto(f"{app_server}/analyze")
    page.wait_for_selector(MAIN, timeout=LOAD)
    page.locator(".st-key-analyze-bundle_upload input[type=file]").set_input_files(str(bundle))
    expect(page.get_by_text("Opened actor.zip")).to_be_visible(timeout=LOAD)
    app_idle(page)
    warning = page.locator("[data-testid=stAlert]").filter(has_text="A warning about")
    body = warning.locator("[data-testid=stMarkdownContainer]")
    assert body.inner_text().replace("\u2060", "").strip() == f"A warning about {name}"
    no_markup_in(warning)
    expander = page.locator("[data-testid=stExpander] summary").filter(has_text="markers about")
    assert f"markers about {name} as a table" in expander.inner_text().replace("\u2060", "")
    no_markup_in(expander)
    page.mouse.wheel(0, 3000)
    app_idle(page)
    assert bait.paths == []


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of this module's own: the hostile outlets stay out of the shared library."""
    with run_app_server(tmp_path_factory.mktemp("text-server")) as url:
        yield url


def test_stored_titles_and_outlets_stay_text_on_library_and_compare(
    page: Any, own_server: str, bait: Server, tmp_path: Path, app_idle: Any
) -> None:
    app_server = own_server
    n = nasty(bait)
    rows = [
        {"text": TEXT, "title": n["directives"], "outlet": n["image"]},
        {"text": TEXT.replace("Thursday", "Friday"), "title": n["html"], "outlet": n["link"]},
    ]
    corpus = tmp_path / "nasty.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    page.goto(f"{app_server}/library")
    expect(page.get_by_role("heading", name="Library")).to_be_visible(timeout=LOAD)
    page.get_by_text("Import articles").click()  # open the expander
    page.locator(".st-key-library-upload input[type=file]").set_input_files(str(corpus))
    app_idle(page)
    page.locator(".st-key-library-import button").click()
    expect(page.get_by_text("2 articles added")).to_be_visible(timeout=LOAD)
    app_idle(page)
    page.goto(f"{app_server}/compare")
    page.wait_for_selector(".st-key-compare-heatmap .js-plotly-plot", timeout=LOAD)
    app_idle(page)
    chips = page.locator(".st-key-compare-outlets").inner_text()
    assert n["link"] in chips and n["image"] in chips  # shown, as text
    # "Only one article for <outlet>": the caption that rendered the image before (issue 16).
    caption = page.locator("[data-testid=stCaptionContainer]").filter(has_text="Only one article")
    assert n["image"] in caption.inner_text().replace("\u2060", "")
    no_markup_in(caption)
    page.get_by_role("tab", name="Side by side").click()
    app_idle(page)
    assert bait.paths == []
