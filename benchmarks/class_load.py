"""Class-sized load: server CPU per new session, and 10, 20, 30 students answering at once.

Starts `streamlit run app.py` on a free loopback port (its own library file) and measures:

1. **Server CPU seconds per new browser session** (utime + stime of the server process, read from
   ``/proc/<pid>/stat`` before a fresh Chromium context opens the page and after the server is
   idle again once it is usable and closed), at ``/`` (Home, the baseline: the cheapest page, same
   run), ``/analyze`` (the sample analysed, with its charts), ``/class`` (the teacher's form) and
   ``/class?code=…`` (a student). Target: ≤ 0.3 s at /analyze and /class.
2. **Waves of students** answering one class activity at the same moment: each opens the student
   link, waits until the page is usable, chooses Agree/Disagree for three flags, gives a name and
   presses Send answers, then waits for the thanks; then the same wave sizes opening /analyze
   (usable: highlights and charts shown, or the run finished for protocol clients). Reported:
   errors (target 0), p50/p95 time to a usable page (target p95 ≤ 5 s on a 2-core machine with
   server and clients on it), answers stored in the library (target: all), server peak memory
   (VmHWM, target ≤ 1.5 GB).

Real Chromium pages (Playwright, Debian's /usr/bin/chromium) carry up to ``--browsers`` students
per wave; the rest speak Streamlit's own websocket protocol (the protobuf BackMsg/ForwardMsg
messages the browser sends, so the server does exactly the same work per session: the script
runs, the form is submitted, the answers are stored). Everything is bounded in count and time
and talks to 127.0.0.1 only.

Run: `.venv/bin/python benchmarks/class_load.py [--sessions 5] [--waves 10,20,30] [--browsers 10]`.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: make `analysis` importable
sys.path.insert(0, str(ROOT / "benchmarks"))

from app_server import CHROMIUM_ARGS, cpu_seconds, rss_mb, served  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CPU_TARGET_S = 0.3
P95_TARGET_S = 5.0
MEMORY_TARGET_MB = 1536
STUDENT_TIMEOUT_S = 120.0
WAVE_TIMEOUT_S = 300.0
IDLE = """() => { const a = document.querySelector('[data-testid="stApp"]');
  return a && a.dataset.testScriptState === "notRunning"; }"""
FLAGS = (1, 2, 3)


# ---- the server ---------------------------------------------------------------------------
def settle(pid: int, quiet_ticks: int = 4, limit_s: float = 15.0) -> float:
    """Wait until the server has used no CPU for ``quiet_ticks`` × 0.1 s; returns its CPU total."""
    last, quiet, deadline = cpu_seconds(pid), 0, time.monotonic() + limit_s
    while quiet < quiet_ticks and time.monotonic() < deadline:
        time.sleep(0.1)
        now = cpu_seconds(pid)
        quiet = quiet + 1 if now == last else 0
        last = now
    return last


# ---- the activity -------------------------------------------------------------------------
def create_activity(db: Path, title: str) -> tuple[str, int]:
    """A class activity on the sample article, like the teacher's default; (code, id)."""
    from analysis import analyze
    from analysis.library.classes import ClassActivities, ClassArticle, flags_from_markers
    from analysis.library.samples import SAMPLES_DIR
    from analysis.library.store import Library

    text = (SAMPLES_DIR / "nato-eastern-flank.txt").read_text(encoding="utf-8")
    result = analyze(text, title=title)
    kinds = {"attribution", "scare_quote", "doubt", "loaded"}
    keep = [
        m
        for m in result.markers
        if m.kind in kinds and not (m.kind == "attribution" and m.category == "neutral")
    ]
    article = ClassArticle(
        0, title, None, result.text, result.engine_version, flags_from_markers(keep)
    )
    with Library(db) as library:
        new = ClassActivities(library).create(title, [article])
    return new.activity.code, new.activity.id


def stored_answers(db: Path, activity_id: int) -> int:
    """How many students' answers the library holds for the activity."""
    from analysis.library.classes import ClassActivities
    from analysis.library.store import Library

    with Library(db) as library:
        return ClassActivities(library).submission_count(activity_id)


# ---- 1. CPU per new session -----------------------------------------------------------------
def session_cpu(
    pid: int, url: str, pages: list[tuple[str, str, str]], repeat: int
) -> dict[str, list[float]]:
    """Server CPU seconds for each of ``repeat`` fresh browser sessions per (name, path, ready)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {name: [] for name, _, _ in pages}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(repeat + 1):  # the first round warms every page up, not counted
                for name, path, ready in pages:
                    before = settle(pid)
                    context = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = context.new_page()
                    page.goto(url + path)
                    page.wait_for_selector(ready, timeout=120_000)
                    page.wait_for_function(IDLE, timeout=120_000)
                    context.close()
                    out[name].append(settle(pid) - before)
        finally:
            browser.close()
    return {name: values[1:] for name, values in out.items()}


# ---- 2. waves of students -------------------------------------------------------------------
@dataclass
class Student:
    """What happened to one simulated student."""

    kind: str  # browser | websocket
    usable_s: float | None = None
    sent: bool = False
    error: str | None = None


@dataclass
class Wave:
    """One wave's results."""

    sessions: int
    browsers: int
    page: str = "class"
    students: list[Student] = field(default_factory=list)
    stored: int = 0
    peak_rss_mb: float = 0.0
    wall_s: float = 0.0
    cpu_s: float = 0.0


async def browser_student(browser: Any, link: str, name: str) -> Student:
    """A student in a real Chromium context: open, wait until usable, answer, send."""
    me = Student("browser")
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(STUDENT_TIMEOUT_S * 1000)
    try:
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(link)
        await page.locator(".st-key-class-send button").wait_for()
        await page.wait_for_function(IDLE)
        me.usable_s = time.perf_counter() - start
        await page.locator(".st-key-class-name input").fill(name)
        for n in FLAGS:
            radio = page.locator(f".st-key-class-answer-0-{n}")
            await radio.get_by_text("Agree" if n % 2 else "Disagree", exact=True).click()
        await page.locator(".st-key-class-send button").click()
        await page.locator(".st-key-class-thanks").get_by_text("Thank you").wait_for()
        me.sent = True
    except Exception as exc:  # a benchmark counts failures instead of stopping
        me.error = f"{type(exc).__name__}: {str(exc)[:160]}"
    finally:
        await context.close()
    return me


async def browser_reader(browser: Any, url: str) -> Student:
    """A student opening the Analyze page in Chromium: usable once highlights and charts show."""
    me = Student("browser")
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(STUDENT_TIMEOUT_S * 1000)
    try:
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(f"{url}/analyze")
        await page.locator(".st-key-analyze-article mark[data-marker]").first.wait_for()
        await page.locator(".st-key-analyze-chart-stance .js-plotly-plot").wait_for()
        await page.wait_for_function(IDLE)
        me.usable_s = time.perf_counter() - start
        me.sent = True
    except Exception as exc:  # a benchmark counts failures instead of stopping
        me.error = f"{type(exc).__name__}: {str(exc)[:160]}"
    finally:
        await context.close()
    return me


async def websocket_student(host: str, code: str, name: str, page: str = "class") -> Student:
    """A student speaking Streamlit's websocket protocol: the same BackMsgs a browser sends.

    ``page="analyze"``: the student only opens the Analyze page (usable = the run finished).
    """
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    me = Student("websocket")

    def rerun(widgets: dict[str, Any] | None = None) -> bytes:
        msg = BackMsg()
        msg.rerun_script.query_string = f"code={code}" if page == "class" else ""
        msg.rerun_script.page_name = page
        for wid, value in (widgets or {}).items():
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = wid
            if value is True:
                state.trigger_value = True
            elif isinstance(value, int):
                state.int_value = value
            else:
                state.string_value = value
        return msg.SerializeToString()

    async def until_finished(ws: Any, seen: dict[str, str], texts: list[str]) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                body = getattr(element, element.WhichOneof("type") or "", None)
                if getattr(body, "id", ""):
                    seen[body.id.rsplit("-", 1)[-1]] = body.id
                if element.WhichOneof("type") == "alert":
                    texts.append(element.alert.body)
            elif kind == "script_finished" and msg.script_finished in (
                ForwardMsg.FINISHED_SUCCESSFULLY,
                ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
            ):
                return

    try:
        async with websockets.connect(
            f"ws://{host}/_stcore/stream",
            subprotocols=["streamlit"],  # type: ignore[list-item]
            origin=f"http://{host}",  # type: ignore[arg-type]
            max_size=None,
            open_timeout=STUDENT_TIMEOUT_S,
        ) as ws:
            start = time.perf_counter()
            ids: dict[str, str] = {}
            texts: list[str] = []
            await ws.send(rerun())
            await asyncio.wait_for(until_finished(ws, ids, texts), STUDENT_TIMEOUT_S)
            me.usable_s = time.perf_counter() - start
            if page == "analyze":
                me.sent = bool(ids)  # the page's widgets arrived
                return me
            widgets: dict[str, Any] = {ids["class.name"]: name, ids["class.send"]: True}
            for n in FLAGS:
                widgets[ids[f"class.answer.0.{n}"]] = "Agree" if n % 2 else "Disagree"
            texts.clear()
            await ws.send(rerun(widgets))
            await asyncio.wait_for(until_finished(ws, ids, texts), STUDENT_TIMEOUT_S)
            me.sent = any("Thank you" in t for t in texts)
            if not me.sent:
                me.error = f"no thanks: {texts[:2]}"
    except Exception as exc:  # a benchmark counts failures instead of stopping
        me.error = f"{type(exc).__name__}: {str(exc)[:160]}"
    return me


async def run_wave(
    pid: int, url: str, code: str, sessions: int, browsers: int, browser: Any, page: str
) -> Wave:
    """``sessions`` students at once (``browsers`` of them in Chromium); peak memory sampled."""
    wave = Wave(sessions, browsers, page=page)
    host = url.removeprefix("http://")
    link = f"{url}/class?code={code}"
    tasks = []
    for i in range(sessions):
        if i < browsers:
            tasks.append(
                browser_student(browser, link, f"B{i}") if page == "class"
                else browser_reader(browser, url)
            )  # fmt: skip
        else:
            tasks.append(websocket_student(host, code, f"W{i}", page))
    done = asyncio.Event()

    async def sample_memory() -> None:
        while not done.is_set():
            wave.peak_rss_mb = max(wave.peak_rss_mb, rss_mb(pid, "VmRSS"))
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample_memory())
    cpu0, start = cpu_seconds(pid), time.perf_counter()
    try:
        wave.students = list(await asyncio.wait_for(asyncio.gather(*tasks), WAVE_TIMEOUT_S))
    finally:
        done.set()
        await sampler
    wave.wall_s = time.perf_counter() - start
    wave.cpu_s = cpu_seconds(pid) - cpu0
    return wave


async def waves(pid: int, url: str, db: Path, sizes: list[int], cap: int) -> list[Wave]:
    """Each wave on its own activity, so its stored answers can be counted."""
    from playwright.async_api import async_playwright

    out = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page in ("class", "analyze"):
                for n in sizes:
                    code, activity_id = create_activity(db, f"Load wave of {n}")
                    settle(pid)
                    wave = await run_wave(pid, url, code, n, min(n, cap), browser, page)
                    wave.stored = stored_answers(db, activity_id)
                    out.append(wave)
        finally:
            await browser.close()
    return out


# ---- report ---------------------------------------------------------------------------------
def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def main() -> int:
    """Run both measurements and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5, help="fresh sessions per page")
    parser.add_argument("--waves", default="10,20,30", help="students per wave")
    parser.add_argument("--browsers", type=int, default=10, help="real browsers per wave (max)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.waves.split(",") if x.strip()]
    if max(sizes) > 60 or args.sessions > 20:
        raise SystemExit("bounded on purpose: at most 60 students per wave, 20 sessions per page")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.sqlite3"
        code, _ = create_activity(db, "CPU per session")
        with served(db) as (url, pid, _start):
            pages = [
                ("/ (Home, baseline)", "/", "h1"),  # (Home is the default page, at /)
                ("/analyze", "/analyze", ".st-key-analyze-chart-sentiment .js-plotly-plot"),
                ("/class (teacher's form)", "/class", ".st-key-class-start button"),
                ("/class?code= (student)", f"/class?code={code}", ".st-key-class-send button"),
            ]
            cpu = session_cpu(pid, url, pages, args.sessions)
            results = asyncio.run(waves(pid, url, db, sizes, args.browsers))
            peak = rss_mb(pid)

    base = statistics.median(cpu["/ (Home, baseline)"])
    print(f"\nServer CPU per new browser session (median of {args.sessions}; target ≤ "
          f"{CPU_TARGET_S} s at /analyze and /class)\n")  # fmt: skip
    print("| page | CPU s (median) | max | × baseline |")
    print("|---|---|---|---|")
    for name, values in cpu.items():
        med = statistics.median(values)
        print(f"| {name} | {med:.3f} | {max(values):.3f} | {med / base if base else 0:.1f}× |")

    print(f"\nStudents answering at once (target: 0 errors, p95 ≤ {P95_TARGET_S:.0f} s, all "
          f"stored, server ≤ {MEMORY_TARGET_MB} MB)\n")  # fmt: skip
    print(
        "| page | students | browsers + websocket | errors | p50 usable s | p95 usable s "
        "| p95 browsers s | answers stored | server peak RSS MB | server CPU s | wall s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for w in results:
        usable = [s.usable_s for s in w.students if s.usable_s is not None]
        in_browser = [s.usable_s for s in w.students if s.kind == "browser" and s.usable_s]
        errors = [s.error for s in w.students if s.error]
        p95b = f"{pct(in_browser, 95):.2f}" if in_browser else "—"
        stored = f"{w.stored}/{w.sessions}" if w.page == "class" else "—"
        print(
            f"| /{w.page} | {w.sessions} | {w.browsers} + {w.sessions - w.browsers} | "
            f"{len(errors)} | "
            f"{pct(usable, 50) if usable else float('nan'):.2f} | "
            f"{pct(usable, 95) if usable else float('nan'):.2f} | {p95b} | "
            f"{stored} | {w.peak_rss_mb:.0f} | {w.cpu_s:.1f} | {w.wall_s:.1f} |"
        )
        for e in errors[:3]:
            print(f"  error: {e}")
    print(f"\nServer peak memory over the whole run (VmHWM): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
