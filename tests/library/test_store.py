"""The article library: a real SQLite file, round trips, duplicates, migrations, two writers."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.library.corpus import read_corpus
from analysis.library.importer import import_rows
from analysis.library.query import Selection
from analysis.library.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Library,
    LibraryError,
    default_path,
    save_to_library,
    text_hash,
)
from analysis.records import STANCES, ActorProfile, ArticleAnalysis, Marker, Mention, Sentence
from analysis.version import ENGINE_VERSION, analysis_key

TEXT = 'Stoltenberg claimed that Russia "threatens" Europe.\nRussia said it did not.'


def fake_analysis(
    text: str = TEXT, version: str = ENGINE_VERSION, title: str | None = "T"
) -> ArticleAnalysis:
    """A small hand-made analysis (no spaCy) with every record type filled in."""
    cue = "claimed" if "claimed" in text else text.split()[0]
    i = text.index(cue)
    return ArticleAnalysis(
        text=text,
        title=title,
        words=len(text.split()),
        engine_version=version,
        warnings=("a warning",),
        actors=(
            ActorProfile(
                id="jens-stoltenberg",
                name="Jens Stoltenberg",
                type="PERSON",
                aliases=("Stoltenberg",),
                mentions=1,
                stance_counts={s: int(s == "distancing") for s in STANCES},
                quotes=0,
                scare_quotes=0,
                doubt=0,
                loaded=0,
                sentiment=-0.25,
                words=len(text.split()),
            ),
        ),
        markers=(
            Marker(
                "attribution",
                "distancing",
                cue,
                i,
                i + len(cue),
                "Jens Stoltenberg",
                "casts doubt",
                "MOS:CLAIM",
                0,
                "speaker: Stoltenberg",
            ),
        ),
        mentions=(Mention("Jens Stoltenberg", "Stoltenberg", 0, 11, 0, "name"),),
        sentences=(Sentence(0, 0, (text + "\n").index("\n"), -0.25),),
        meta={"model": "fake"},
    )


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as library:
        yield library


def test_new_file_is_wal_and_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "lib.sqlite3"
    with Library(path) as library:
        assert library.schema_version() == SCHEMA_VERSION
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_default_path_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FRAMING_LENS_DB", str(tmp_path / "x.db"))
    assert default_path() == tmp_path / "x.db"
    monkeypatch.delenv("FRAMING_LENS_DB")
    assert default_path().name == "library.sqlite3"
    assert "framing-lens" in str(default_path())


def test_article_and_analysis_round_trip(lib: Library) -> None:
    analysis = fake_analysis()
    res = lib.add(
        TEXT,
        title="T",
        outlet="Wire",
        date="2022-02-16",
        url="https://e.x/a",
        constructed=True,
        analysis=analysis,
    )
    assert not res.duplicate
    art = lib.get(res.id)
    assert art is not None
    assert (art.title, art.outlet, art.date, art.url, art.constructed) == (
        "T",
        "Wire",
        "2022-02-16",
        "https://e.x/a",
        True,
    )
    assert art.text == TEXT
    assert art.sha256 == text_hash(TEXT)

    # The cached analysis comes back identical without re-analysing.
    def boom(*a: object, **k: object) -> ArticleAnalysis:
        raise AssertionError("should come from the cache")

    assert lib.analysis(res.id, analyze=boom) == analysis
    [(a2, back)] = lib.analyses([res.id])
    assert a2 == art
    assert back == analysis
    # The summary the Compare page reads has actors, markers and sentences but no text.
    [(_, summary)] = lib.summaries([res.id])
    assert summary["actors"][0]["name"] == "Jens Stoltenberg"
    assert summary["markers"][0]["text"] == "claimed"
    assert summary["sentences"][0]["end"] == TEXT.index("\n")
    assert "text" not in summary


def test_duplicates_are_detected_not_stored_twice(lib: Library) -> None:
    first = lib.add(TEXT, title="first", outlet="A")
    # Same text with Windows line ends and surrounding space: same article.
    second = lib.add("  " + TEXT.replace("\n", "\r\n") + "\n", title="second", outlet="B")
    assert second.duplicate
    assert second.id == first.id
    assert lib.count() == 1
    assert lib.get(first.id).title == "first"  # metadata of the stored copy is kept
    many = lib.add_many([{"text": "new one"}, {"text": TEXT}, {"text": "new one"}])
    assert [m.duplicate for m in many] == [False, True, True]
    assert lib.count() == 2


def test_engine_version_is_part_of_the_cache_key(lib: Library) -> None:
    res = lib.add(TEXT, analysis=fake_analysis(version="0.0.1"))
    calls: list[str] = []

    def analyze(text: str, title: str | None = None) -> ArticleAnalysis:
        calls.append(text)
        return fake_analysis(text, version=ENGINE_VERSION, title=title)

    assert lib.missing_analyses() == [(res.id, text_hash(TEXT), TEXT)]
    assert lib.missing_analyses("0.0.1") == []
    got = lib.analysis(res.id, analyze=analyze)
    assert got.engine_version == ENGINE_VERSION
    assert calls == [TEXT]
    # Now cached under the current key: no second analysis; the old one is still readable.
    lib.analysis(res.id, analyze=analyze)
    assert calls == [TEXT]
    assert lib.analysis(res.id, key="0.0.1").engine_version == "0.0.1"


def test_real_engine_analysis_on_demand(lib: Library) -> None:
    res = lib.add("NATO chief Jens Stoltenberg claimed that Russia had not withdrawn.", title="x")
    got = lib.analysis(res.id)
    assert got.title == "x"
    assert any(m.category == "distancing" for m in got.markers_of("attribution"))
    assert lib.missing_analyses() == []


def test_search_filter_update_delete(lib: Library) -> None:
    a = lib.add("Alpha text about NATO", title="One", outlet="Wire", date="2022-02-16").id
    b = lib.add("Beta text about Russia", title="Two", outlet="Courier", date="2022-02-17").id
    c = lib.add("Gamma 100% text_x", title="Three").id
    assert [x.id for x in lib.articles(search="nato")] == [a]
    assert [x.id for x in lib.articles(search="text about")] == [a, b]
    assert [x.id for x in lib.articles(search="100%")] == [c]  # LIKE wildcards are literal
    assert [x.id for x in lib.articles(search="a_o")] == []  # "_" would match "abo"
    assert [x.id for x in lib.articles(outlets=["Courier"])] == [b]
    assert [x.id for x in lib.articles(outlets=["", "Wire"])] == [a, c]
    assert [x.id for x in lib.articles(date_from="2022-02-17")] == [b]
    assert [x.id for x in lib.articles(date_to="2022-02-16")] == [a]
    assert lib.outlets() == ["Courier", "Wire"]
    rev = lib.revision()
    edited = lib.update(c, outlet="  New  ", title="", constructed=True)
    assert (edited.outlet, edited.title, edited.constructed) == ("New", None, True)
    assert lib.revision() > rev
    with pytest.raises(ValueError, match="cannot edit"):
        lib.update(c, text="changed")
    lib.put_analysis(fake_analysis("Beta text about Russia"))
    assert lib.delete([b]) == 1
    assert lib.get(b) is None
    assert lib.count() == 2
    # Its cached analysis went with it.
    con = sqlite3.connect(lib.path)
    assert con.execute("SELECT count(*) FROM analyses").fetchone()[0] == 0


def test_export_csv_and_jsonl_round_trip_loses_nothing(lib: Library, tmp_path: Path) -> None:
    lib.add(
        TEXT,
        title='He said "no", then left',
        outlet="Wire",
        date="2022-02-16",
        url="https://e.x/1",
        constructed=True,
    )
    lib.add("Second article,\nwith a comma\nand lines; é ü “curly”", outlet=None)
    lib.add("Third =1+2 article", title="  ", date="2022-02-18")
    before = list(lib.export_rows())
    for fmt in ("csv", "jsonl"):
        path = tmp_path / f"export.{fmt}"
        path.write_text(lib.export_text(fmt), encoding="utf-8")
        corpus = read_corpus([path])
        assert corpus.errors == ()
        with Library(tmp_path / f"again-{fmt}.sqlite3") as again:
            import_rows(again, corpus.rows, analyse=False)
            after = list(again.export_rows())
            assert after == before
            assert again.export_text(fmt) == lib.export_text(fmt)
    line = json.loads(lib.export_text("jsonl").splitlines()[0])
    assert line["constructed"] is True
    assert line["text"] == TEXT


def test_migration_from_schema_1_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    con.executescript(MIGRATIONS[0])
    con.execute(
        "INSERT INTO articles (title, outlet, date, url, text, sha256, added) VALUES "
        "('Old', 'Wire', '2021-01-01', NULL, ?, ?, '2021-01-02T00:00:00+00:00')",
        (TEXT, text_hash(TEXT)),
    )
    data = json.dumps(fake_analysis().to_dict())
    con.execute(
        "INSERT INTO analyses VALUES (?, ?, ?, '2021-01-02T00:00:00+00:00')",
        (text_hash(TEXT), ENGINE_VERSION, data),
    )
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with Library(path) as library:
        assert library.schema_version() == SCHEMA_VERSION
        [art] = library.articles()
        assert (art.title, art.outlet, art.constructed) == ("Old", "Wire", False)
        # The old analysis row (no detail column then) still rebuilds, under its old key (the
        # bare engine version: the lexicons it was made with are unknown).
        old = library.analysis(art.id, key=ENGINE_VERSION)
        assert old.actors[0].name == "Jens Stoltenberg"
        assert old.mentions == ()
        assert library.missing_analyses() == [(art.id, text_hash(TEXT), TEXT)]
        assert library.add(TEXT).duplicate
        # Its counts (tables of schema 5) were filled from the old row by the migration.
        selection = Selection(library, key=ENGINE_VERSION)
        [counts] = selection.articles().to_dict("records")
        assert (counts["stance_distancing"], counts["attribution"]) == (1, 1)
        [actor] = selection.actor_totals().to_dict("records")
        assert (actor["actor"], actor["distancing"], actor["articles"]) == (
            "Jens Stoltenberg",
            1,
            1,
        )
        rev = library.revision()
        library.add("brand new")
        assert library.revision() == rev + 1


def test_newer_schema_and_garbage_files_are_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.commit()
    con.close()
    with pytest.raises(LibraryError, match="newer Framing Lens"):
        Library(newer)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(LibraryError, match="not a usable"):
        Library(junk)


WRITER = textwrap.dedent(
    """
    import sys, time
    from analysis.library.store import Library
    path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lib = Library(path)
    print("ready", flush=True)
    sys.stdin.readline()  # wait until the test says go, so both writers run at once
    first = time.time()
    for i in range(n):
        lib.add(f"article {i} from writer {tag}", outlet=tag)
    print(first, time.time())
    """
)


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    n = 400
    root = Path(__file__).resolve().parents[2]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), tag, str(n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=root,
        )
        for tag in ("A", "B")
    ]
    for p in procs:  # both have imported everything and opened the file
        line = p.stdout.readline().strip()
        assert line == "ready", line or p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    spans = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        spans.append(tuple(float(x) for x in out.split()))
    # The two writers really overlapped in time.
    (a0, a1), (b0, b1) = spans
    assert a0 < b1
    assert b0 < a1
    with Library(path) as library:
        assert library.count() == 2 * n
        for tag in ("A", "B"):
            texts = {a.text for a in library.articles(outlets=[tag])}
            assert texts == {f"article {i} from writer {tag}" for i in range(n)}


def test_analysis_of_a_differently_spaced_text_is_not_cached(lib: Library) -> None:
    # The offsets of an analysis of "\r\n" text would not fit the stored "\n" text.
    crlf = fake_analysis(TEXT.replace("\n", "\r\n"))
    res = lib.add(crlf.text, analysis=crlf)
    assert lib.get(res.id).text == TEXT
    assert lib.missing_analyses() == [(res.id, text_hash(TEXT), TEXT)]
    assert lib.put_analysis(crlf) is False
    assert lib.put_analysis(fake_analysis()) is True
    assert lib.missing_analyses() == []


def test_save_to_library_for_the_analyze_page(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    analysis = fake_analysis()
    first = save_to_library(analysis, outlet="Wire", date="2022-02-16", path=path)
    again = save_to_library(analysis, outlet="Other", path=path)
    assert not first.duplicate
    assert again.duplicate
    assert again.id == first.id
    with Library(path) as library:
        art = library.get(first.id)
        assert (art.title, art.outlet) == ("T", "Wire")
        assert library.analysis(first.id) == analysis


@pytest.fixture
def lexicon_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the lexicon files that the loader reads instead of the shipped ones."""
    from analysis import lexicons

    shipped = Path(lexicons.__file__).parent
    copy = tmp_path / "lexicons"
    copy.mkdir()
    for name in lexicons.lexicon_names():
        (copy / f"{name}.csv").write_bytes((shipped / f"{name}.csv").read_bytes())
    monkeypatch.setattr(lexicons, "_raw", lambda n: (copy / f"{n}.csv").read_text("utf-8"))
    lexicons.lexicon_digest.cache_clear()
    yield copy
    lexicons.lexicon_digest.cache_clear()


def test_an_edited_lexicon_recomputes_the_stored_analysis(lib: Library, lexicon_copy: Path) -> None:
    res = lib.add(TEXT)
    calls: list[str] = []

    def analyze(text: str, title: str | None = None) -> ArticleAnalysis:
        calls.append(text)
        return fake_analysis(text, version=ENGINE_VERSION, title=title)

    before = analysis_key()
    assert before.startswith(ENGINE_VERSION + "+")
    lib.analysis(res.id, analyze=analyze)
    lib.analysis(res.id, analyze=analyze)
    assert len(calls) == 1  # cached under the current key
    with (lexicon_copy / "loaded.csv").open("a", encoding="utf-8") as fh:
        fh.write("gloriously,loaded,A test word.,test\n")
    from analysis import lexicons

    lexicons.lexicon_digest.cache_clear()  # what a new process (the next server start) reads
    after = analysis_key()
    assert after != before
    assert lib.missing_analyses() == [(res.id, text_hash(TEXT), TEXT)]
    lib.analysis(res.id, analyze=analyze)
    assert len(calls) == 2  # the edited lexicon made it analyse again
    assert lib.missing_analyses() == []
    assert lib.missing_analyses(before) == []  # the old result is still there, under its key
