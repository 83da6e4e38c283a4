"""The highlighted-article HTML: exact text round trip, escaping, nesting, filters, attributes."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.present.highlight import highlight_html, legend_html, stylesheet
from analysis.records import MARKER_KINDS, ArticleAnalysis, Marker

TAG = re.compile(r"<[^>]*>")


def plain(fragment: str) -> str:
    """Text of an HTML fragment: tags removed, entities decoded."""
    return html.unescape(TAG.sub("", fragment))


def marker(text: str, kind: str, start: int, end: int, **kw: object) -> Marker:
    """A marker over text[start:end] with defaults for the fields a test does not care about."""
    fields: dict = {
        "category": "neutral",
        "actor": None,
        "explanation": f"{kind} explanation",
        "source": "Test source",
    }
    fields.update(kw)
    return Marker(kind=kind, text=text[start:end], start=start, end=end, **fields)


class Marks(HTMLParser):
    """Collects every <mark>'s attributes and checks tags are balanced."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.depth = 0
        self.max_depth = 0
        self.other_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.marks.append(dict(attrs))
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        elif tag != "div":
            self.other_tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1
            assert self.depth >= 0, "closing a mark that was never opened"


def parse(fragment: str) -> Marks:
    parser = Marks()
    parser.feed(fragment)
    parser.close()
    assert parser.depth == 0, "unbalanced <mark> tags"
    return parser


SEED_LIKE = 'NATO intends to act over alleged Russian "threat", Stoltenberg claimed.'


def seed_like() -> ArticleAnalysis:
    t = SEED_LIKE
    a = t.index("alleged")
    q = t.index('"threat"')
    c = t.index("claimed")
    ms = (
        marker(t, "doubt", a, a + 7, category="hedge_label", actor="Russia"),
        marker(t, "scare_quote", q + 1, q + 7, category="scare", actor="Russia"),
        marker(
            t,
            "attribution",
            c,
            c + 7,
            category="distancing",
            actor="Jens Stoltenberg",
            explanation="'Claimed' casts doubt on what the speaker said.",
            source="Wikipedia Manual of Style: Words to watch (MOS:CLAIM)",
        ),
    )
    return ArticleAnalysis(text=t, title=None, words=11, engine_version="test", markers=ms)


def test_every_marker_is_a_mark_with_kind_category_and_explanation() -> None:
    out = highlight_html(seed_like())
    marks = parse(out).marks
    assert [(m["data-kind"], m["data-category"]) for m in marks] == [
        ("doubt", "hedge_label"),
        ("scare_quote", "scare"),
        ("attribution", "distancing"),
    ]
    claim = marks[2]
    assert claim["data-actor"] == "Jens Stoltenberg"
    assert claim["title"] is not None
    assert "casts doubt" in claim["title"]
    assert "MOS:CLAIM" in claim["title"]
    assert plain(out) == SEED_LIKE


def test_article_text_is_escaped_so_markup_shows_literally() -> None:
    t = '<script>alert(1)</script> He said <img src=x onerror="alert(2)"> & "more"'
    s = t.index("said")
    a = ArticleAnalysis(
        text=t,
        title=None,
        words=9,
        engine_version="test",
        markers=(marker(t, "attribution", s, s + 4, explanation='a "quoted" <b>reason</b>'),),
    )
    out = highlight_html(a)
    assert "<script" not in out
    assert "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert parse(out).other_tags == []  # only our <div> and <mark> elements
    assert 'title="a &quot;quoted&quot; &lt;b&gt;reason&lt;/b&gt;' in out
    assert plain(out) == t


def test_nested_markers_stay_whole_and_crossing_markers_are_split() -> None:
    t = 'He said "the brutal regime" was bad.'
    q0, q1 = t.index('"'), t.rindex('"') + 1
    b = t.index("brutal")
    r = t.index("regime")
    ms = (
        marker(t, "quote", q0, q1, category="direct"),
        marker(t, "loaded", b, b + 6, category="label"),
        # crosses the end of the quote: starts inside, ends outside
        marker(t, "loaded", r, r + 10, category="label"),
    )
    a = ArticleAnalysis(text=t, title=None, words=7, engine_version="test", markers=ms)
    out = highlight_html(a)
    p = parse(out)
    assert plain(out) == t
    assert p.max_depth == 2
    ids = [m["data-marker"] for m in p.marks]
    assert sorted(set(ids)) == ["0", "1", "2"]  # every marker is represented
    assert ids.count("0") == 1
    assert ids.count("1") == 1
    assert ids.count("2") == 2  # the crossing marker is split in two parts
    assert [m.get("data-cont") for m in p.marks if m["data-marker"] == "2"] == [None, "1"]


def test_filters_by_kind_and_actor() -> None:
    a = seed_like()
    only_doubt = parse(highlight_html(a, kinds={"doubt"})).marks
    assert [m["data-kind"] for m in only_doubt] == ["doubt"]
    russia = parse(highlight_html(a, actors={"Russia"})).marks
    assert {m["data-actor"] for m in russia} == {"Russia"}
    assert len(russia) == 2
    nothing = highlight_html(a, kinds=set())
    assert "<mark" not in nothing
    assert plain(nothing) == SEED_LIKE


def test_span_renders_one_sentence_with_its_markers() -> None:
    a = seed_like()
    c = SEED_LIKE.index("Stoltenberg")
    out = highlight_html(a, span=(c, len(SEED_LIKE)))
    assert plain(out) == SEED_LIKE[c:]
    assert [m["data-kind"] for m in parse(out).marks] == ["attribution"]


def test_markers_outside_the_text_are_clipped_not_fatal() -> None:
    t = "short text"
    bad = Marker("loaded", "x", "text and more", 6, 40, None, "e", "s")
    a = ArticleAnalysis(text=t, title=None, words=2, engine_version="test", markers=(bad,))
    out = highlight_html(a)
    assert plain(out) == t
    assert len(parse(out).marks) == 1


def test_legend_and_stylesheet_cover_every_kind() -> None:
    legend = parse(legend_html()).marks
    assert [m["data-kind"] for m in legend] == list(MARKER_KINDS)
    css = stylesheet()
    for kind in MARKER_KINDS:
        assert f"data-kind={kind}" in css


@st.composite
def text_and_markers(draw: st.DrawFn) -> tuple[str, list[Marker]]:
    alphabet = st.sampled_from([*list("ab <>&\"'\n\t/=;é“”"), "<script>", "</mark>", "&amp;"])
    text = "".join(draw(st.lists(alphabet, max_size=60)))
    n = len(text)
    markers = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        kind = draw(st.sampled_from(MARKER_KINDS))
        markers.append(
            Marker(
                kind=kind,
                category=draw(st.sampled_from(["neutral", "scare", 'x"<y>'])),
                text=text[start:end],
                start=start,
                end=end,
                actor=draw(st.sampled_from([None, "A", "<b>B</b>"])),
                explanation=draw(st.text(max_size=20)),
                source="s",
            )
        )
    return text, markers


@settings(max_examples=300, deadline=None)
@given(text_and_markers())
def test_round_trip_property_tags_stripped_and_unescaped_give_the_text(
    case: tuple[str, list[Marker]],
) -> None:
    text, markers = case
    a = ArticleAnalysis(text=text, title=None, words=0, engine_version="t", markers=tuple(markers))
    out = highlight_html(a)
    assert plain(out) == text
    p = parse(out)
    assert p.other_tags == []
    expected = {str(i) for i, m in enumerate(markers) if m.end > m.start}
    assert {m["data-marker"] for m in p.marks} == expected
