"""One actor across a corpus: actors per real person before and after corpus resolution.

    .venv/bin/python benchmarks/corpus_resolution.py [--names 300000] [--cells 5]

1. **Accuracy.** A corpus of the shipped samples (``sample_articles/``) plus articles we
   constructed for this benchmark (CONSTRUCTED below: short texts under fictional outlets, each
   writing a person the way some outlets do — "Sergey Lavrov", "John F. Kerry", "Viktor
   Yanukovich", "Turchinov", a bare surname …, and one ambiguous surname). Every text is
   analysed for real; the stored actor names are then resolved across the corpus
   (:func:`analysis.compare.resolve_actors`). For each real person (the gold table PEOPLE, by
   hand) the table prints how many actors (rows of the Compare page) hold that person's names:
   before resolution (each stored name its own row), after the rules, after accepting every
   suggested merge, and with one more alias row. An actor holding names of two different
   people is a false merge.
2. **Speed.** A name table the size of a large library (``--names`` distinct stored names, as
   100,000 articles of many events give) resolved in memory; the old short-name rule
   (:func:`analysis.compare.merge_short_names`, quadratic) is the baseline on the first 5,000
   people, with the new rules on the same names in the same run; then the SQL
   that reads a library's name counts (``Selection.name_counts``) on a library file holding
   those names in ``--cells`` per-day cells each.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis import analyze  # noqa: E402
from analysis.compare import merge_short_names, resolve_actors  # noqa: E402
from analysis.library.aliases import Alias  # noqa: E402
from analysis.library.query import Selection  # noqa: E402
from analysis.library.samples import sample_rows  # noqa: E402
from analysis.library.schema import ACTOR_NUMBERS  # noqa: E402
from analysis.library.store import Library  # noqa: E402

CONSTRUCTED = [
    # (outlet, text) — constructed for this benchmark, not real reporting.
    ("Harbour Times", "Foreign Minister Sergei Lavrov said the talks were useful. Sergei Lavrov "
     "told reporters that Moscow wanted a deal."),
    ("Steppe Daily", "Sergey Lavrov claimed that the West had broken its word."),
    ("Bridge Post", "Lavrov insisted the troops were leaving. Lavrov said so twice."),
    ("Harbour Times", "Secretary of State John F. Kerry said the sanctions would stay."),
    ("Steppe Daily", "John Kerry told the Senate that diplomacy was not over."),
    ("Bridge Post", "Kerry claimed the evidence was clear."),
    ("Harbour Times", "Viktor Yanukovych said he was still the president."),
    ("Steppe Daily", "Viktor Yanukovich told a news conference in Rostov that he would return."),
    ("Bridge Post", "Victor Yanukovych insisted he had not fled."),
    ("Lantern Review", "Yanukovych said the vote was illegal."),
    ("Harbour Times", "Acting President Oleksandr Turchynov said the army was ready."),
    ("Steppe Daily", "Turchinov claimed that the operation had begun."),
    ("Bridge Post", "Petro O. Poroshenko said the ceasefire would hold."),
    ("Lantern Review", "Petro Poroshenko told parliament that reforms would come."),
    ("Steppe Daily", "Poroshenko alleged that Russian troops had crossed the border."),
    ("Harbour Times", "Vladimir V. Putin said the referendum was legal."),
    ("Lantern Review", "President Vladimir Putin told the Duma that Crimea was Russian."),
    ("Bridge Post", "Putin claimed that the West had provoked the crisis."),
    ("Steppe Daily", "Barack Obama said the United States stood with Ukraine."),
    ("Lantern Review", "Obama warned that there would be costs."),
    # Two people share a surname: the bare "Johnson" (the golfer here) must not be merged by rule.
    ("Lantern Review", "Dustin Johnson said the course was hard. Dustin Johnson told reporters "
     "he was tired."),
    ("Bridge Post", "Johnson said he would play again next week."),
]  # fmt: skip

PEOPLE = {
    "Sergei Lavrov": r"\bLavrov\b",
    "John Kerry": r"\bKerry\b",
    "Viktor Yanukovych": r"\bYanukovy?[ci]c?h\b",
    "Oleksandr Turchynov": r"\bTurch[yi]nov\b",
    "Petro Poroshenko": r"\bPoroshenko\b",
    "Vladimir Putin": r"\bPutin\b",
    "Barack Obama": r"\bObama\b",
    "Antony Blinken": r"\bBlinken\b",
    "Jens Stoltenberg": r"\bStoltenberg\b",
    "Dmitry Peskov": r"\bPeskov\b",
    "Maria Zakharova": r"\bZakharova\b",
    "Volodymyr Zelensky": r"\bZelensk[yi]y?\b",
    "Boris Johnson": r"^Boris Johnson$",
    "Dustin Johnson": r"^Dustin Johnson$|^Johnson$",
}
"""Gold: which stored person names refer to which real person (hand-made; the bare "Johnson"
of the constructed corpus is the golfer)."""
BASELINE_PEOPLE = 5_000
ALIASES = [Alias("merge", "Johnson", "Dustin Johnson", "the golf article")]


def person_of(name: str) -> str | None:
    """The real person a stored name refers to (gold), or None for names outside the table."""
    hits = [p for p, pattern in PEOPLE.items() if re.search(pattern, name)]
    return hits[0] if len(hits) == 1 else None


def corpus_names() -> pd.DataFrame:
    """name, type, articles of the analysed corpus (samples + constructed)."""
    texts = [r.text for r in sample_rows()] + [t for _, t in CONSTRUCTED]
    rows: dict[tuple[str, str], int] = {}
    for text in texts:
        for a in analyze(text).actors:
            rows[(a.name, a.type)] = rows.get((a.name, a.type), 0) + 1
    return pd.DataFrame([(n, t, k) for (n, t), k in rows.items()],
                        columns=["name", "type", "articles"])  # fmt: skip


def accuracy_table(counts: pd.DataFrame) -> None:
    """Print actors per real person: before, after the rules, after rules + alias table."""
    people = counts["name"].unique().tolist()  # every type: a surname tagged ORG is a row too
    rules = resolve_actors(counts)
    accepted = [Alias("merge", n, a, "suggested") for n, a in rules.suggestions]
    suggested = resolve_actors(counts, accepted)
    fixed = resolve_actors(counts, [*accepted, *ALIASES])
    rows = []
    false_merges = {"rules": 0, "suggested": 0, "aliases": 0}
    for label, res in (("rules", rules), ("suggested", suggested), ("aliases", fixed)):
        for members in res.members.values():
            if len({p for p in map(person_of, members) if p}) > 1:
                false_merges[label] += 1
    for person in PEOPLE:
        names = sorted(n for n in people if person_of(n) == person)
        if not names:
            continue
        rows.append((person, len(names), len({rules.canonical(n) for n in names}),
                     len({suggested.canonical(n) for n in names}),
                     len({fixed.canonical(n) for n in names}), "; ".join(names)))  # fmt: skip
    print("\nActors per real person (samples + constructed variants)\n")
    print(f"| {'person':<20} | before | after rules | + suggestions | + alias row | stored names")
    print(f"|{'-' * 22}|--------|-------------|---------------|-------------|-------------")
    for person, before, after, sug, alias, names in rows:
        print(f"| {person:<20} | {before:>6} | {after:>11} | {sug:>13} | {alias:>11} | {names}")
    total = [sum(r[i] for r in rows) for i in (1, 2, 3, 4)]
    print(f"| {'all ' + str(len(rows)) + ' people':<20} | {total[0]:>6} | {total[1]:>11} | "
          f"{total[2]:>13} | {total[3]:>11} | (ideal: {len(rows)})")  # fmt: skip
    print(
        f"\nFalse merges (one actor holding two people's names): rules {false_merges['rules']}"
        f", + suggestions {false_merges['suggested']}, + alias row {false_merges['aliases']}"
    )
    print(f"Suggested merges (accepted in column 4): {list(rules.suggestions)}")
    print(f"Alias row (column 5): {[(a.action, a.name, a.target) for a in ALIASES]}")


FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ines", "Jonas",
         "Katya", "Luis", "Maya", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tomas",
         "Yulia"]  # fmt: skip


def synthetic_names(n: int, seed: int = 3) -> pd.DataFrame:
    """``n`` distinct stored names: people (full, short, variant spellings), places, groups."""
    rng = random.Random(seed)
    rows = []
    surnames = [f"Surname{i:06d}" for i in range(n // 4)]
    for i in range(n):
        roll = rng.random()
        s = surnames[i % len(surnames)]
        if roll < 0.5:
            name, kind = f"{FIRST[i % len(FIRST)]} {s}", "PERSON"
        elif roll < 0.6:
            name, kind = f"{FIRST[i % len(FIRST)]} Q. {s}", "PERSON"
        elif roll < 0.75:
            name, kind = s, "PERSON"
        else:
            name, kind = f"Ministry of Affairs {i}", "ORG"
        rows.append((name, kind, rng.randint(1, 40)))
    frame = pd.DataFrame(rows, columns=["name", "type", "articles"])
    return frame.drop_duplicates(["name", "type"]).reset_index(drop=True)


def speed_table(n: int, cells: int) -> None:
    """Print the seconds to resolve ``n`` names and to read them from a library file."""
    names = synthetic_names(n)
    people = names[names["type"] == "PERSON"]["name"].tolist()
    # The old rule compares every short name with every full name (quadratic): its baseline
    # runs on a small part of the names, and ours on the same part and on all of them.
    small = people[:BASELINE_PEOPLE]
    t0 = time.perf_counter()
    merge_short_names(small)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    resolve_actors(names[names["name"].isin(set(small))])
    ours_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    res = resolve_actors(names)
    ours = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.sqlite3"
        key = "bench"
        with Library(path) as lib:
            con: sqlite3.Connection = lib.connection
            con.execute("BEGIN")
            con.executemany("INSERT INTO actor_names (id, name) VALUES (?, ?)",
                            enumerate(names["name"].drop_duplicates(), start=1))  # fmt: skip
            ids = dict(con.execute("SELECT name, id FROM actor_names"))
            numbers = ["words", *ACTOR_NUMBERS]
            con.executemany(
                "INSERT INTO actor_days (analysis_key, name_id, type, outlet, date, constructed, "
                f"articles, {', '.join(numbers)}) VALUES (?, ?, ?, ?, ?, 0, ?, "
                f"{', '.join(['0'] * len(numbers))})",
                [(key, ids[r.name], r.type, f"Outlet {c}", f"2022-01-{c + 1:02d}", r.articles)
                 for r in names.itertuples() for c in range(cells)],
            )  # fmt: skip
            con.execute("COMMIT")
            t0 = time.perf_counter()
            read = Selection(lib, key=key).name_counts()
            sql = time.perf_counter() - t0
    print(
        f"\nSpeed: {len(names):,} distinct stored names ({len(people):,} people), "
        f"{len(read):,} (name, type) rows read from {len(names) * cells:,} per-day cells\n"
    )
    print("| step | seconds | vs. baseline |")
    print("|---|---|---|")
    print(f"| baseline: merge_short_names (old rule), {len(small):,} people | {base:.2f} | 1.00× |")
    print(
        f"| resolve_actors (all rules), the same {len(small):,} people | {ours_small:.2f} | "
        f"{ours_small / base:.2f}× |"
    )
    print(f"| resolve_actors (all rules), all {len(names):,} names | {ours:.2f} | — |")
    print(f"| Selection.name_counts (SQL) | {sql:.2f} | — |")
    print(f"\n{len(res.names):,} names merged into {len(res.members):,} actors.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=300_000, help="distinct names (speed)")
    parser.add_argument("--cells", type=int, default=5, help="per-day cells per name (speed)")
    args = parser.parse_args()
    accuracy_table(corpus_names())
    speed_table(args.names, args.cells)


if __name__ == "__main__":
    main()
