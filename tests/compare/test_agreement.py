"""Krippendorff's alpha against the worked examples of Krippendorff (2011)."""

from __future__ import annotations

import pytest

from analysis.compare.agreement import alpha_meaning, krippendorff_alpha

N = None
# Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, values 1-5, with missing data. Published: nominal 0.743, interval 0.849.
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
UNITS = list(zip(*OBSERVERS, strict=True))


def test_nominal_worked_example() -> None:
    assert krippendorff_alpha(UNITS) == pytest.approx(0.743, abs=5e-4)


def test_interval_worked_example() -> None:
    assert krippendorff_alpha(UNITS, "interval") == pytest.approx(0.849, abs=5e-4)


def test_binary_two_observers_worked_example() -> None:
    # Section A of the same paper: two observers, ten units, binary data: alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha(zip(a, b, strict=True)) == pytest.approx(0.095, abs=5e-4)


def test_mapping_and_labels_work_like_numbers() -> None:
    labels = {1: "agree", 2: "disagree", 3: "x", 4: "y", 5: "z"}
    named = {i: [labels.get(v) if v else None for v in u] for i, u in enumerate(UNITS)}
    assert krippendorff_alpha(named) == pytest.approx(krippendorff_alpha(UNITS))


def test_perfect_agreement_is_one_and_undefined_cases_are_none() -> None:
    assert krippendorff_alpha([["agree", "agree"], ["disagree", "disagree"]]) == 1.0
    assert krippendorff_alpha([["agree", "agree"], ["agree", "agree"]]) is None  # no variation
    assert krippendorff_alpha([["agree", None], ["disagree"]]) is None  # nothing pairable
    assert krippendorff_alpha([]) is None


def test_systematic_disagreement_is_negative() -> None:
    assert krippendorff_alpha([["agree", "disagree"], ["disagree", "agree"]]) < 0


def test_meaning_is_one_sentence_for_each_band() -> None:
    for value in (None, 0.9, 0.7, 0.3, -0.2):
        text = alpha_meaning(value)
        assert text.count(". ") == 0 and text.endswith(".")
    assert "0.90" in alpha_meaning(0.9)


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="nominal"):
        krippendorff_alpha(UNITS, "ordinal")
