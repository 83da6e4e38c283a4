"""The side-by-side HTML: evidence rows from compare, rendered (and escaped) by ui.compare_view."""

from __future__ import annotations

from analysis import analyze_many
from analysis.compare import compare_analyses
from ui.compare_view import evidence_html, group_blocks


def test_side_by_side_blocks_are_escaped_and_highlight_the_actor() -> None:
    hawk = [
        "Peskov claimed the troops were leaving. Peskov insisted Russia threatened nobody. "
        "Peskov alleged that <script>alert(1)</script> was hysteria.",
        "Peskov claimed again that the drills were over.",
    ]
    wire = ["Peskov said the troops were leaving. Peskov said Russia threatened nobody."]
    comparison = compare_analyses(
        {"<b>Hawk</b>": analyze_many(hawk), "Wire": analyze_many(wire)}, n_boot=50
    )
    peskov = next(n for n in comparison.top_actors(None) if n.endswith("Peskov"))
    evidence = comparison.actor_evidence(peskov, per_group=3)
    html_all = " ".join(evidence_html(e) for e in evidence)
    assert "<script>" not in html_all
    assert "&lt;script&gt;" in html_all
    assert 'data-category="distancing"' in html_all
    assert 'data-category="neutral"' in html_all
    blocks = group_blocks(evidence, [*comparison.groups, "Empty"], peskov)
    assert len(blocks) == 3
    assert blocks[0].startswith('<div class="fl-side"><h4>&lt;b&gt;Hawk&lt;/b&gt;</h4>')
    assert blocks[0].count('class="fl-article"') == 3
    assert "has no marked sentence here" in blocks[2]
