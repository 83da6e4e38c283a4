"""The compare CLI's JSON names each actor's canonical name and the names merged into it; the
``aliases`` sub-command exports and imports the library's alias table, and compare applies it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analysis.cli.parser import main

ARTICLES = [
    ("Wire", "John F. Kerry said the talks would go on. John F. Kerry told reporters that "
             "Sergei Lavrov agreed. Lavrov said little."),
    ("Wire", "John Kerry said a deal was near. Kerry added that more work was needed."),
    ("Courier", "Kerry claimed the talks would go on. Kerry insisted that Moscow agreed. "
                "Sergey Lavrov said the West was to blame. Ambassador Pim Quillfeather said so."),
    ("Courier", "Pieter Quillfeather said the same thing. Pieter Quillfeather told reporters "
                "that the envoy agreed."),
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("aliases") / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "outlet", "text"])
        for i, (outlet, text) in enumerate(ARTICLES):
            w.writerow([f"Article {i}", outlet, text])
    return path


def actors_of(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict[str, dict]:
    code = main(argv)
    out = capsys.readouterr().out
    assert code == 0, out
    return {a["name"]: a for a in json.loads(out)["actors"]}


def test_compare_json_gives_canonical_and_merged_names(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actors = actors_of(capsys, ["compare", str(corpus), "--workers", "1", "--quiet"])
    kerry = next(a for n, a in actors.items() if n.endswith("Kerry"))
    assert kerry["canonical_name"] == kerry["name"]
    merged = {m["name"] for m in kerry["merged_names"]}
    assert {"John Kerry", "John F. Kerry", "Kerry"} - {kerry["name"]} <= merged
    assert set(kerry["by_group"]) == {"Courier", "Wire"}
    lavrov = next(a for n, a in actors.items() if n.endswith("Lavrov"))
    assert {lavrov["name"], *(m["name"] for m in lavrov["merged_names"])} >= {
        "Sergei Lavrov", "Sergey Lavrov",
    }  # fmt: skip
    assert all(m["why"] for a in actors.values() for m in a["merged_names"])
    assert not [n for n in actors if n in ("Kerry", "Sergey Lavrov", "John F. Kerry")]


def test_aliases_file_and_library_table_apply_to_compare(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        "action,name,target,note\n"
        "merge,Pieter Quillfeather,Pim Quillfeather,same envoy\n"
        "rename,Kerry,Secretary Kerry,\n",
        encoding="utf-8",
    )
    argv = ["compare", str(corpus), "--workers", "1", "--quiet", "--aliases", str(aliases)]
    actors = actors_of(capsys, argv)
    assert "Secretary Kerry" in actors
    assert "Pieter Quillfeather" not in actors
    assert {m["name"] for m in actors["Pim Quillfeather"]["merged_names"]} == {
        "Pieter Quillfeather"
    }

    db = tmp_path / "lib.sqlite3"
    assert main(["import", str(corpus), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    capsys.readouterr()
    plain = actors_of(capsys, ["compare", "--db", str(db), "--quiet"])
    assert "Pieter Quillfeather" in plain
    assert main(["aliases", "import", str(aliases), "--db", str(db)]) == 0
    assert "2 alias row(s) imported" in capsys.readouterr().out
    stored = actors_of(capsys, ["compare", "--db", str(db), "--quiet"])
    assert "Secretary Kerry" in stored and "Pieter Quillfeather" not in stored
    assert main(["aliases", "export", "--db", str(db)]) == 0
    assert capsys.readouterr().out == aliases.read_text(encoding="utf-8")
    assert main(["aliases", "actors", "--db", str(db)]) == 0
    listing = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert {"actor": "Pim Quillfeather", "name": "Pieter Quillfeather",
            "why": "merged in the alias table"} in listing  # fmt: skip


def test_a_broken_aliases_file_exits_2_and_says_why(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("action,name,target\nfuse,Kerry,John Kerry\n", encoding="utf-8")
    code = main(["compare", str(corpus), "--workers", "1", "--quiet", "--aliases", str(bad)])
    assert code == 2
    assert "unknown action" in capsys.readouterr().err
