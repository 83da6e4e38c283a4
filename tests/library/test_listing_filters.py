"""The Library listing honours the Compare page's filters: constructed samples out, an actor
(through the name merge), combined with the others; "delete all matching" deletes only those."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.library.listing import Listing
from analysis.library.query import ArticleFilter, Selection
from analysis.library.store import Library
from tests.library.test_query import ARTICLES, analysis_of


@pytest.fixture
def lib(tmp_path: Path):
    with Library(tmp_path / "lib.sqlite3") as library:
        for outlet, date, constructed, text, actors in ARTICLES:
            library.add(
                text, title=text.split()[0], outlet=outlet, date=date, constructed=constructed,
                analysis=analysis_of(text, actors),
            )  # fmt: skip
        library.add("Not analysed yet: Stoltenberg again.", outlet="Wire")
        yield library


def listed(lib: Library, names: dict[str, str] | None = None, **kw: object) -> list[int]:
    flt = ArticleFilter(**kw)  # type: ignore[arg-type]
    listing = Listing(lib, flt, names=names or {})
    ids = listing.page(0, 100)["id"].tolist()
    assert listing.count() == len(ids) == len(listing.ids())
    return ids


def test_constructed_samples_are_left_out(lib: Library) -> None:
    real = [a.id for a in lib.articles(with_text=False) if not a.constructed]
    assert len(real) == 4
    assert listed(lib, exclude_constructed=True) == real
    assert len(listed(lib)) == 5


def test_the_actor_filter_is_the_compare_pages(lib: Library) -> None:
    names = {"Putin": "Vladimir Putin"}
    putin = listed(lib, names, actor="Vladimir Putin")
    assert putin == [2, 3]  # "Putin" in article 3 counts as Vladimir Putin
    compared = Selection(lib, ArticleFilter(actor="Vladimir Putin"), names=names).articles()
    assert compared["article_id"].tolist() == putin  # the same articles as on Compare
    assert listed(lib, actor="Vladimir Putin") == [2]  # without the merge: only the full name
    assert listed(lib, actor="Jens Stoltenberg") == [1, 4]  # not the unanalysed article 5
    assert listed(lib, actor="Jens Stoltenberg", exclude_constructed=True) == [1]
    assert listed(lib, names, actor="Vladimir Putin", outlets=("Courier",)) == [3]
    assert listed(lib, actor="Nobody") == []


def test_delete_all_matching_deletes_only_the_actors_real_articles(lib: Library) -> None:
    flt = ArticleFilter(actor="Jens Stoltenberg", exclude_constructed=True)
    assert Listing(lib, flt).delete_all() == 1
    assert [a.id for a in lib.articles(with_text=False)] == [2, 3, 4, 5]
