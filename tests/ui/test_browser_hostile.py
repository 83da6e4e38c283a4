"""Hostile input in a real browser (issue 15): damaged bundles and unexpected errors, no traceback.

The bundle cases repeat the issue's reproduction: take the page's own bundle download, change a
few JSON values, open it again. The error-boundary case runs its own server with a test hook
(tests/ui/hooks/crash) that makes one page function raise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.conftest import run_app_server
from tests.hostile_inputs import rezip, zip_members

pytestmark = pytest.mark.browser

LOAD = 90_000
MAIN = ".st-key-analyze-article .fl-main"
SEED = "Jens Stoltenberg claimed that Russia"
HOOK = Path(__file__).resolve().parent / "hooks" / "crash"


def download_bundle(page: Any, tmp_path: Path) -> bytes:
    button = page.locator(".st-key-analyze-bundle").get_by_role("button")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    path = tmp_path / "saved.zip"
    info.value.save_as(path)
    return path.read_bytes()


def changed(data: bytes, member: str, change: Any) -> bytes:
    doc = json.loads(zip_members(data)[member])
    change(doc)
    return rezip(data, replace={member: json.dumps(doc).encode()})


CASES = [
    ("manifest.json", lambda d: d.update(entries=5), "“entries” must be a list"),
    ("manifest.json", lambda d: d.update(entries=["a", "b"]), "entry 1 must be an object"),
    (
        "analyses/001.json",
        lambda d: d["markers"][0].update(start=str(d["markers"][0]["start"])),
        "marker 1's “start” must be a whole number",
    ),
    ("analyses/001.json", lambda d: d.update(title={"x": 1}), "“title” must be text"),
]


def test_the_pages_own_bundle_with_wrong_types_gets_a_message_and_the_view_stays(
    page: Any, app_server: str, tmp_path: Path, app_idle: Any
) -> None:
    page.goto(f"{app_server}/analyze")
    page.wait_for_selector(MAIN, timeout=LOAD)
    good = download_bundle(page, tmp_path)
    uploader = page.locator(".st-key-analyze-bundle_upload input[type=file]")
    for i, (member, change, message) in enumerate(CASES):
        bad = tmp_path / f"edited-{i}.zip"
        bad.write_bytes(changed(good, member, change))
        uploader.set_input_files(str(bad))
        alert = page.locator("[data-testid=stAlert]").filter(has_text=f"edited-{i}.zip")
        expect(alert).to_be_visible(timeout=LOAD)
        app_idle(page)
        text = alert.inner_text().replace("\u2060", "")
        assert f"edited-{i}.zip: {member}" in text and message in text
        assert page.locator("[data-testid=stException]").count() == 0  # no traceback
        expect(page.locator(MAIN).first).to_contain_text(SEED)  # the previous view stays
        page.mouse.wheel(0, -5000)


@pytest.fixture(scope="module")
def crashing_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("crash-server")
    with run_app_server(tmp, {"PYTHONPATH": str(HOOK)}) as url:
        yield url, tmp / "server.log"


def test_an_unexpected_error_shows_an_error_id_and_only_the_log_has_the_traceback(
    page: Any, crashing_server: tuple[str, Path], app_idle: Any
) -> None:
    url, log = crashing_server
    page.goto(f"{url}/analyze")
    page.wait_for_selector(MAIN, timeout=LOAD)
    page.get_by_text("Analyse your own article").click()
    page.locator(".st-key-analyze-title input").fill("Crash me")
    page.locator(".st-key-analyze-text textarea").fill(
        "Belarus President Alexander Lukashenko claimed on Thursday that the exercises were "
        "purely defensive, and NATO said more troops had arrived."
    )
    page.locator(".st-key-analyze-run button").click()
    alert = page.locator("[data-testid=stAlert]").filter(has_text="Something went wrong")
    expect(alert).to_be_visible(timeout=LOAD)
    app_idle(page)
    error_id = re.search(r"error id ([0-9a-f]{6})", alert.inner_text())
    assert error_id, alert.inner_text()
    body = page.locator("[data-testid=stApp]").inner_text()
    assert "Traceback" not in body and "RuntimeError" not in body and "/srv/secret" not in body
    assert page.locator("[data-testid=stException]").count() == 0
    expect(page.locator(MAIN).first).to_contain_text(SEED)  # the last good state is back
    logged = log.read_text(errors="replace")
    at = logged.index(f"error {error_id.group(1)}")
    assert "Traceback" in logged[at:] and "RuntimeError: boom" in logged[at:]
