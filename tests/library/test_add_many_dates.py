"""Library.add_many normalises dates like the importer, or refuses the batch naming the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.library.store import Library


def test_dates_are_stored_in_iso_form(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        ids = [r.id for r in library.add_many([
            {"text": "First article text.", "date": "17 February 2022"},
            {"text": "Second article text.", "date": "2022-02-18T09:30:00Z"},
            {"text": "Third article text.", "date": ""},
        ])]  # fmt: skip
        assert [library.get(i).date for i in ids] == ["2022-02-17", "2022-02-18", None]  # type: ignore[union-attr]


def test_an_unreadable_date_names_its_record_and_stores_nothing(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        records = [
            {"text": "First article text.", "date": "2022-02-17"},
            {"text": "Second article text.", "date": "next Tuesday"},
        ]
        with pytest.raises(ValueError, match=r"record 2: date 'next Tuesday' is not a date"):
            library.add_many(records)
        assert library.count() == 0


def test_single_add_and_edit_follow_the_same_rule(tmp_path: Path) -> None:
    with Library(tmp_path / "lib.sqlite3") as library:
        with pytest.raises(ValueError, match="write it as YYYY-MM-DD"):
            library.add("Some article text.", date="2022")
        article = library.add("Some article text.", date="17/02/2022")
        assert library.get(article.id).date == "2022-02-17"  # type: ignore[union-attr]
        assert library.update(article.id, date="18 February 2022").date == "2022-02-18"
        with pytest.raises(ValueError, match="not a date we understand"):
            library.update(article.id, date="soon")
        assert library.get(article.id).date == "2022-02-18"  # type: ignore[union-attr]
