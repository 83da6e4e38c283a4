"""One-click reports: self-contained HTML and a PDF with real text, for one article or a set.

Both hold the same sections, in this order: title and metadata, summary, charts, actor table,
highlighted article text with its legend, the evidence (every marker with its explanation),
method notes with the lexicon sources, and the engine version and date.

- HTML: plotly.js is inlined once, so the file opens offline and the charts stay interactive;
  no ``<script src=…>`` at all.
- PDF: the same document with each chart inlined as kaleido SVG, printed by headless
  Chrome/Chromium (:func:`analysis.present.export.html_to_pdf`), so every word, chart labels
  included, is real, searchable text. Each section starts on a new page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from analysis.lexicons import lexicon_frame, lexicon_names, lexicon_versions
from analysis.present.export import figure_bytes, html_to_pdf
from analysis.present.highlight import highlight_html, legend_html, stylesheet
from analysis.records import MARKER_KINDS, STANCES, ArticleAnalysis
from analysis.version import ENGINE_VERSION
from analysis.vocabulary import KIND_PLURALS

if TYPE_CHECKING:
    from analysis.compare.comparison import Comparison

MAX_TEXTS = 20  # a corpus report prints the highlighted text of at most this many articles
EVIDENCE_PER_ARTICLE = 8
"""A comparison report lists at most this many markers of each article (the bundle has all)."""
SECTIONS = {
    "summary": "Summary",
    "charts": "Charts",
    "actors": "Actors",
    "differences": "Tested differences",
    "texts": "Highlighted article text",
    "evidence": "Evidence",
    "method": "Method notes",
}
"""Report sections in print order: id → heading."""
COMPARISON_SECTIONS = ("summary", "charts", "actors", "differences", "evidence", "method")
"""The sections a comparison report holds unless the user picks others (the highlighted texts
of many articles make a long document: they are added on request)."""

ACTOR_COLUMNS = [
    "actor",
    "type",
    "mentions",
    *STANCES,
    "quotes",
    "scare_quotes",
    "doubt",
    "loaded",
    "sentiment",
    "tone_negative",
    "tone_neutral",
    "tone_positive",
    "net_tone",
]
EVIDENCE_COLUMNS = ["kind", "category", "text", "actor", "explanation"]
RATE_LABELS = {k: KIND_PLURALS[k] for k in ("scare_quote", "doubt", "loaded")}

METHOD_NOTES = (
    "Framing Lens reads the article with spaCy (en_core_web_sm) to find sentences, names and "
    "grammar, merges the names of each person, organisation, country or group into one actor "
    '("NATO chief Jens Stoltenberg", "Stoltenberg", "he"), and then marks evidence of '
    "framing: reporting verbs and their stance (who 'said' and who 'claimed'), direct quotes, "
    "scare quotes, doubt words (alleged, so-called) and loaded words. Every number in this "
    "report is a count of those markers; the evidence table lists each one with a plain-language "
    "reason.",
    "Stance of reporting verbs follows journalism style guides and research on biased language: "
    "'said' is the neutral default, 'claimed' casts doubt, 'confirmed' presents the words as "
    "true, 'admitted' implies guilt (Wikipedia Manual of Style, \"Words to watch\"; Recasens, "
    'Danescu-Niculescu-Mizil & Jurafsky 2013, "Linguistic Models for Analyzing and Detecting '
    "Biased Language\"). Sentence sentiment is VADER's compound score (Hutto & Gilbert 2014), "
    "from -1 (negative) to 1 (positive). Rates per 1,000 words let articles of different length "
    "be compared.",
    "This is an automatic reading and it can be wrong: a word list cannot see irony, and an "
    "actor can be merged or missed. Read the highlighted text and the evidence before drawing "
    "conclusions; the word lists below are plain CSV files anyone can check and correct.",
    "Tone towards an actor is read mention by mention by a linear classifier trained on "
    "NewsMTSC, news sentences in which five coders marked whether the sentence makes a named "
    "person look bad, neutral or good (Hamborg & Donnay 2021; model NB-LR after Wang & Manning "
    "2012). Net tone = (positive − negative mentions) / all mentions. It counts words and "
    "where they stand, is right about two times in three, and cannot see irony or facts that "
    "are bad without a bad word; negative tone is not the same as bias.",
)
DIFFERENCES_NOTE = (
    "Tested differences: for each actor and pair of outlets with attributions in at least "
    "three articles each, the difference of the distancing shares is tested with the article "
    "as the unit, because statements within one article are not independent: a permutation "
    "test (the articles of both outlets shuffled between them; exact when the splits can be "
    "counted) with a bootstrap interval over articles, or for hundreds of articles a "
    "cluster-robust z-test (Good 2005; Efron & Tibshirani 1993; Cochran 1977). p-values are "
    "adjusted for the number of pairs tested (Benjamini & Hochberg 1995); a difference is "
    "called significant at a false discovery rate of 5%."
)
COMPARISON_NOTE = (
    "Outlets are compared on the same per-actor counts, summed over each outlet's articles. "
    "Words that set one outlet apart are ranked by the log-odds ratio with an informative "
    "Dirichlet prior, one outlet against all the others (Monroe, Colaresi & Quinn 2008, "
    '"Fightin\' Words").'
)

_CSS = """
:root { --ink:#1d1d1f; --muted:#5f6368; --rule:#d9d9de; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink);
       margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem 0; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--rule); padding-bottom: .2rem;
     margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem 0; }
.sub { color: var(--muted); margin: 0 0 1rem 0; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem 0; }
th, td { border: 1px solid var(--rule); padding: .2rem .4rem; vertical-align: top;
         text-align: left; }
th { background: #f3f3f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.meta th { width: 12rem; }
figure { margin: 1rem 0 1.6rem 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: .3rem; }
.chart svg.main-svg { width: 100%; height: auto; }
.warn { background: #fff4e5; border-left: 4px solid #e69f00; padding: .4rem .7rem; }
footer { color: var(--muted); font-size: .85rem; margin-top: 2rem; border-top: 1px solid
         var(--rule); padding-top: .5rem; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  section { break-before: page; }
  section.first { break-before: auto; }
  h2 { margin-top: 0; }
  table { font-size: 7.5pt; width: 100%; }
  th, td { padding: .1rem .2rem; }
  .fl-article { font-size: 10pt; max-width: none; }
  tr { break-inside: avoid; }
}
"""


@dataclass(frozen=True)
class Report:
    """Everything one report shows, ready to render as HTML or PDF.

    ``texts`` hold HTML made by :func:`analysis.present.highlight.highlight_html` (article
    text already escaped there); every other string is plain text and is escaped when rendered.
    """

    title: str
    meta: tuple[tuple[str, str], ...]
    summary: tuple[str, ...]
    figures: tuple[tuple[str, go.Figure], ...]
    actors: pd.DataFrame
    texts: tuple[tuple[str, str], ...]
    evidence: pd.DataFrame
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = METHOD_NOTES
    sections: tuple[str, ...] = tuple(SECTIONS)
    differences: tuple[str, ...] = ()
    """Plain-language sentences of the tested differences (comparison reports)."""
    differences_table: pd.DataFrame | None = None
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    engine_version: str = ENGINE_VERSION


# ---- building ------------------------------------------------------------------------------


def _count(n: int, word: str) -> str:
    """'1 actor', '3 actors'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def article_summary(a: ArticleAnalysis) -> list[str]:
    """Plain-language sentences summing up one analysis (counts come straight from markers)."""
    kinds = {k: len(a.markers_of(kind=k)) for k in MARKER_KINDS}
    lines = [
        f"{_count(a.words, 'word')}, {_count(len(a.actors), 'actor')}, "
        f"{_count(len(a.markers), 'marker')} of framing: {kinds['attribution']} reporting "
        f"verbs, {kinds['quote']} direct quotes, {kinds['scare_quote']} scare quotes, "
        f"{kinds['doubt']} doubt words and {kinds['loaded']} loaded words."
    ]
    for p in sorted(a.actors, key=lambda x: (-x.attributions, -x.mentions, x.name))[:6]:
        if not p.attributions:
            continue
        cues: dict[str, list[str]] = {}
        for m in a.markers_of(kind="attribution", actor=p.name):
            words = cues.setdefault(m.category, [])
            if m.text.lower() not in words:
                words.append(m.text.lower())
        parts = [
            f"{p.stance_counts.get(s, 0)} {s} ({', '.join(cues.get(s, [])[:3])})"
            if cues.get(s)
            else f"{p.stance_counts.get(s, 0)} {s}"
            for s in STANCES
            if p.stance_counts.get(s, 0)
        ]
        extra = []
        if p.scare_quotes:
            extra.append(_count(p.scare_quotes, "scare quote"))
        if p.doubt:
            extra.append(_count(p.doubt, "doubt word"))
        tail = f"; {', '.join(extra)}" if extra else ""
        lines.append(f"{p.name}: {_count(p.attributions, 'statement')} — {'; '.join(parts)}{tail}.")
    shares = [(p.distancing_share, p.name) for p in a.actors if p.distancing_share is not None]
    if len(shares) >= 2:
        hi, lo = max(shares), min(shares)
        if hi[0] > lo[0]:
            lines.append(
                f"Most distanced: {hi[1]} ({hi[0]:.0%} of their statements reported with "
                f"distancing verbs); least: {lo[1]} ({lo[0]:.0%})."
            )
    return lines


def _article_meta(
    a: ArticleAnalysis, label: Mapping[str, object] | None = None
) -> list[tuple[str, str]]:
    """Metadata rows of one article: its labels and meta (source, outlet, date…), then counts."""
    rows: list[tuple[str, str]] = []
    for key, value in {**dict(a.meta), **dict(label or {})}.items():
        if value not in (None, "") and isinstance(value, str | int | float):
            rows.append((str(key).replace("_", " ").capitalize(), str(value)))
    rows += [
        ("Words", f"{a.words:,}"),
        ("Language", a.language),
        ("Actors", str(len(a.actors))),
        ("Markers", str(len(a.markers))),
    ]
    return rows


def _actor_table(a: ArticleAnalysis) -> pd.DataFrame:
    """The actor table as printed: who, how often named, statements by stance, other markers."""
    frame = a.actors_frame()[ACTOR_COLUMNS].copy()
    frame["sentiment"] = frame["sentiment"].astype(float).round(2)
    frame["net_tone"] = frame["net_tone"].astype(float).round(2)
    return frame


def _evidence(a: ArticleAnalysis) -> pd.DataFrame:
    """Every marker with its explanation, in text order."""
    return a.markers_frame()[EVIDENCE_COLUMNS].copy()


def _default_article_figures(a: ArticleAnalysis) -> list[tuple[str, go.Figure]]:
    """Every chart of the Analyze page for this article (from :mod:`analysis.present.charts`)."""
    from analysis.present import charts, tone_charts

    return [
        ("How each actor's statements are reported", charts.stance_chart(a)),
        ("Markers about each actor, by kind", charts.marker_chart(a)),
        ("How the sentences portray each actor (tone)", tone_charts.tone_chart(a)),
        ("Sentiment along the article", charts.sentiment_chart(a)),
    ]


def build_article_report(
    analysis: ArticleAnalysis,
    *,
    figures: Sequence[tuple[str, go.Figure]] | Mapping[str, go.Figure] | None = None,
    label: Mapping[str, object] | None = None,
) -> Report:
    """The report of one article.

    Args:
        analysis: the result of :func:`analysis.analyze`.
        figures: (caption, figure) pairs to show; default: every chart of the Analyze page.
        label: extra metadata rows (e.g. ``{"outlet": "BBC", "file": "a.txt"}``).

    Returns:
        A :class:`Report`; render it with :func:`report_html` or :func:`report_pdf`.
    """
    figs = _pairs(figures) if figures is not None else _default_article_figures(analysis)
    return Report(
        title=analysis.title or "Untitled article",
        meta=tuple(_article_meta(analysis, label)),
        summary=tuple(article_summary(analysis)),
        figures=tuple(figs),
        actors=_actor_table(analysis),
        texts=(("", highlight_html(analysis)),),
        evidence=_evidence(analysis),
        warnings=tuple(analysis.warnings),
    )


def _pairs(
    figures: Sequence[tuple[str, go.Figure]] | Mapping[str, go.Figure],
) -> list[tuple[str, go.Figure]]:
    return list(figures.items()) if isinstance(figures, Mapping) else list(figures)


def _comparison_summary(comparison: Comparison, by: str) -> list[str]:
    """Per group: articles, words, distancing share, marker rates, distinctive words."""
    arts = comparison.articles_frame
    table = comparison.actor_table
    rates = comparison.marker_rates()
    terms = comparison.distinctive_terms(n=6)
    lines = [
        f"{_count(len(arts), 'article')} from {_count(len(comparison.groups), by)}, "
        f"{int(arts['words'].sum()):,} words in all."
    ]
    for g in comparison.groups:
        mine = arts[arts["group"] == g]
        sub = table[table["group"] == g]
        att = int(sub["attributions"].sum())
        dist = int(sub["distancing"].sum())
        share = f", {dist / att:.0%} of them with distancing verbs" if att else ""
        rate = {r.kind: r.rate for r in rates[rates["group"] == g].itertuples()}
        per_k = ", ".join(
            f"{rate[k]:.1f} {label}" for k, label in RATE_LABELS.items() if pd.notna(rate.get(k))
        )
        words = ", ".join(t["term"] for t in terms.get(g, []))
        lines.append(
            f"{g}: {_count(len(mine), 'article')}, {_count(att, 'attributed statement')}{share}"
            + (f"; per 1,000 words: {per_k}" if per_k else "")
            + (f"; distinctive words: {words}" if words else "")
            + "."
        )
    return lines


def _comparison_actor_table(comparison: Comparison, by: str, top: int) -> pd.DataFrame:
    """The (actor, group) table of the most-attributed actors, in that order, for print."""
    names = comparison.top_actors(top)
    table = comparison.actor_table
    table = table[table["actor"].isin(names)].copy()
    table["_rank"] = table["actor"].map({n: i for i, n in enumerate(names)})
    table = table.sort_values(["_rank", "group"], kind="stable").drop(columns="_rank")
    table["distancing_share"] = table["distancing_share"].astype(float).round(2)
    table["enough"] = table["enough"].map({True: "yes", False: "too few"})
    tones = comparison.tone_table.drop(columns="scored")
    table = table.merge(tones, on=["actor", "group"], how="left")
    for col in ("tone_negative", "tone_neutral", "tone_positive"):
        table[col] = table[col].fillna(0).astype("int64")
    table["net_tone"] = table["net_tone"].astype(float).round(2)
    return table.rename(columns={"group": by}).reset_index(drop=True)


def build_comparison_report(
    comparison: Comparison,
    *,
    by: str = "outlet",
    title: str | None = None,
    figures: Sequence[tuple[str, go.Figure]] | Mapping[str, go.Figure] | None = None,
    top_actors: int = 40,
    sections: Sequence[str] = COMPARISON_SECTIONS,
    evidence_per_article: int = EVIDENCE_PER_ARTICLE,
) -> Report:
    """The report of a set of articles grouped by outlet (or another label).

    Args:
        comparison: an :class:`analysis.compare.comparison.Comparison` (e.g. from
            :func:`analysis.compare.comparison.compare_analyses` or the Compare page).
        by: what the groups are, for headings ("outlet").
        title: report title; default "Framing by outlet: A, B, C".
        figures: (caption, figure) pairs, typically the Compare page's charts; default none.
        top_actors: rows of the actor table: this many actors (most attributions), every group.
        sections: which of :data:`SECTIONS` to print (default :data:`COMPARISON_SECTIONS`).
        evidence_per_article: markers listed per article in the evidence section.

    Returns:
        A :class:`Report` with one actor-table row per (actor, group), counts pooled over the
        group's articles (distancing share = distancing / all attributions; "too few" below the
        comparison's ``min_attributions``), the tested differences in words, and the
        highlighted text and (capped) evidence of the first ``MAX_TEXTS`` articles.
    """
    chosen = tuple(k for k in SECTIONS if k in set(sections))
    groups = comparison.groups
    warn = list(comparison.warnings)
    texts, evidence = _comparison_articles(comparison, chosen, evidence_per_article, warn)
    warn.extend(_actor_table_cut(comparison, top_actors))
    sentences, table = _differences_section(comparison) if "differences" in chosen else ((), None)
    arts = comparison.articles_frame
    return Report(
        title=title or f"Framing by {by}: {', '.join(groups)}",
        meta=(
            ("Articles", str(len(arts))),
            (by.capitalize() + "s", ", ".join(groups)),
            ("Words", f"{int(arts['words'].sum()):,}"),
            ("Too few to compare", f"fewer than {comparison.min_attributions} attributions"),
        ),
        summary=tuple(_comparison_summary(comparison, by)),
        figures=tuple(_pairs(figures or [])),
        actors=_comparison_actor_table(comparison, by, top_actors),
        texts=tuple(texts),
        evidence=_joined_evidence(evidence),
        warnings=tuple(warn),
        notes=(*METHOD_NOTES, COMPARISON_NOTE, DIFFERENCES_NOTE),
        sections=chosen,
        differences=sentences,
        differences_table=table,
    )


def _actor_table_cut(comparison: Comparison, top_actors: int) -> list[str]:
    """A warning when the actor table leaves actors out (empty when it lists them all)."""
    total = len(comparison.top_actors(None))
    if total <= top_actors:
        return []
    return [f"The actor table lists the {top_actors} actors with most attributions of {total}."]


def _joined_evidence(evidence: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """The per-article evidence tables as one (an empty table with the columns when none)."""
    if evidence:
        return pd.concat(evidence, ignore_index=True)
    return pd.DataFrame(columns=["article", *EVIDENCE_COLUMNS])


def _comparison_articles(
    comparison: Comparison, sections: Sequence[str], per_article: int, warn: list[str]
) -> tuple[list[tuple[str, str]], list[pd.DataFrame]]:
    """(highlighted texts, evidence tables) of the first ``MAX_TEXTS`` articles, for the
    sections chosen; evidence capped at ``per_article`` markers each (a warning says so)."""
    texts: list[tuple[str, str]] = []
    evidence: list[pd.DataFrame] = []
    if "texts" not in sections and "evidence" not in sections:
        return texts, evidence
    capped = 0
    for i, e in enumerate(comparison.entries[:MAX_TEXTS]):
        try:
            a = ArticleAnalysis.from_dict(e.summary, text=e.text)
        except (KeyError, TypeError, ValueError):
            warn.append(f"Article {i + 1} ({e.title or 'untitled'}) has no stored markers.")
            continue
        head = f"{e.group}: {e.title or f'article {i + 1}'}"
        if "texts" in sections:
            texts.append((head, highlight_html(a)))
        ev = _evidence(a)
        capped += max(0, len(ev) - per_article)
        ev = ev.head(per_article)
        ev.insert(0, "article", head)
        evidence.append(ev)
    if len(comparison.entries) > MAX_TEXTS:
        warn.append(
            f"The highlighted text and evidence of the first {MAX_TEXTS} of "
            f"{len(comparison.entries)} articles are included; the analysis bundle holds all."
        )
    if capped and "evidence" in sections:
        warn.append(
            f"The evidence lists the first {per_article} markers of each article ({capped} "
            "more are in the analysis bundle and on the Analyze page)."
        )
    if "evidence" not in sections:
        evidence = []
    return texts, evidence


def _differences_section(comparison: Comparison) -> tuple[tuple[str, ...], pd.DataFrame]:
    """(sentences, table) of the tested differences of the most attributed actors."""
    from analysis.present.differences_text import difference_sentence, thin_sentence

    tested, thin = comparison.differences()
    order = tested.sort_values(["significant", "p_adjusted"], ascending=[False, True])
    lines = [difference_sentence(r, len(tested)) for r in order.to_dict("records")]
    if not len(tested):
        lines.append("No actor has enough data in two outlets for a test of differences.")
    lines += [thin_sentence(r) for r in thin.to_dict("records")][:20]
    table = order[["actor", "group_a", "group_b", "a", "b", "effect", "ci_low", "ci_high",
                   "p_adjusted", "articles_a", "articles_b"]].round(3)  # fmt: skip
    return tuple(lines), table.reset_index(drop=True)


# ---- rendering -----------------------------------------------------------------------------

_e = html.escape


def _table_html(frame: pd.DataFrame) -> str:
    """A DataFrame as an HTML table, every cell escaped; numbers right-aligned."""
    head = "".join(f"<th>{_e(str(c).replace('_', ' '))}</th>" for c in frame.columns)
    rows = []
    for rec in frame.itertuples(index=False, name=None):
        cells = []
        for v in rec:
            if v is None or (isinstance(v, float) and pd.isna(v)):
                cells.append("<td></td>")
            elif isinstance(v, int | float) and not isinstance(v, bool):
                cells.append(f'<td class="num">{_e(f"{v:g}")}</td>')
            else:
                cells.append(f"<td>{_e(str(v))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


_SCORE = re.compile(r",?\s*valence\s*[+-−]?\d+(?:\.\d+)?", re.IGNORECASE)


def _source_parts(cell: object) -> list[str]:
    """The sources one lexicon row cites, each as a plain name (a per-term score such as
    VADER's "valence +2.9" removed, so the source reads the same for every term)."""
    out = []
    for part in str(cell).split(";"):
        part = _SCORE.sub("", part).strip(" ,")
        if part and part.lower() != "nan":
            out.append(part)
    return out


def _lexicon_sources() -> str:
    """Method-notes tables: each word list (version hash, size), then each source cited,
    once, with the word lists that cite it."""
    versions = lexicon_versions()
    lists: list[dict[str, object]] = []
    cited: dict[str, list[str]] = {}
    for name in lexicon_names():
        frame = lexicon_frame(name)
        lists.append({"word list": name, "version": versions.get(name, ""), "terms": len(frame)})
        for cell in frame.get("source", pd.Series(dtype=str)):
            for part in _source_parts(cell):
                names = cited.setdefault(part, [])
                if name not in names:
                    names.append(name)
    sources = pd.DataFrame(
        [{"source": k, "word lists": ", ".join(v)} for k, v in cited.items()],
        columns=["source", "word lists"],
    )
    return _table_html(pd.DataFrame(lists)) + "<h3>Sources</h3>" + _table_html(sources)


def _caption(caption: str, fig: go.Figure) -> str:
    """A figcaption, unless the figure's own title already says the same."""
    from analysis.present.charts import plain_title

    title = plain_title(fig)
    return "" if caption and caption in title else f"<figcaption>{_e(caption)}</figcaption>"


def _charts_html(report: Report, printable: bool) -> str:
    """The chart figures: interactive plotly divs, or inline SVG (scaled to the page) for print."""
    if not report.figures:
        return "<p>No charts.</p>"
    out = []
    for i, (caption, fig) in enumerate(report.figures):
        if printable:
            chart = figure_bytes(fig, "svg").decode("utf-8")
        else:
            chart = pio.to_html(
                fig,
                include_plotlyjs=False,
                full_html=False,
                div_id=f"chart-{i + 1}",
                config={"displaylogo": False, "responsive": True},
            )
        out.append(f'<figure>{_caption(caption, fig)}<div class="chart">{chart}</div></figure>')
    return "".join(out)


def render_html(report: Report, *, printable: bool = False) -> str:
    """The report as one self-contained HTML document.

    Args:
        report: from :func:`build_article_report` or :func:`build_comparison_report`.
        printable: inline charts as static SVG (kaleido; needs Chrome/Chromium) instead of
            interactive plotly.js; used for the PDF.

    Returns:
        The HTML text. It references no external file or URL.
    """
    date = report.created.strftime("%Y-%m-%d %H:%M UTC")
    meta = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in report.meta)
    script = "" if printable else f'<script type="text/javascript">{get_plotlyjs()}</script>'
    body = "".join(
        _section_html(report, key, printable) for key in report.sections if key != "summary"
    )
    summary = _section_html(report, "summary", printable) if "summary" in report.sections else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Framing Lens {_e(report.engine_version)}">
<title>{_e(report.title)} — Framing Lens report</title>
<style>{_CSS}</style>{stylesheet()}{script}
</head><body>
<section class="first" id="overview">
<h1>{_e(report.title)}</h1>
<p class="sub">Framing Lens report · {_e(date)} · engine {_e(report.engine_version)}</p>
<table class="meta">{meta}</table>{summary}
</section>{body}
<footer>Made with Framing Lens, engine version {_e(report.engine_version)}, on {_e(date)}.
</footer>
</body></html>
"""


def _section_html(report: Report, key: str, printable: bool) -> str:
    """One section of the report (the summary sits in the first section, after the title)."""
    if key == "summary":
        warn = "".join(f'<p class="warn">{_e(w)}</p>' for w in report.warnings)
        summary = "".join(f"<li>{_e(s)}</li>" for s in report.summary)
        return f'<h2 id="summary">Summary</h2>{warn}<ul>{summary}</ul>'
    if key == "charts":
        body = _charts_html(report, printable)
    elif key == "actors":
        body = (
            "<p>Counts per actor: how often named, statements attributed to them by stance, "
            "direct quotes, scare quotes, doubt words and loaded words aimed at them, and the "
            "average sentiment of sentences about them.</p>" + _table_html(report.actors)
        )
    elif key == "differences":
        items = "".join(f"<li>{_e(s)}</li>" for s in report.differences)
        table = "" if report.differences_table is None else _table_html(report.differences_table)
        body = f"<ul>{items}</ul>{table}"
    elif key == "texts":
        body = legend_html() + "".join(
            (f"<h3>{_e(head)}</h3>" if head else "") + html_ for head, html_ in report.texts
        )
    elif key == "evidence":
        body = (
            "<p>Every marker counted above, in the order it appears, with the reason it was "
            "flagged.</p>" + _table_html(report.evidence)
        )
    else:
        notes = "".join(f"<p>{_e(n)}</p>" for n in report.notes)
        body = f"{notes}<h3>Word lists</h3>{_lexicon_sources()}"
    return f'\n<section id="{key}"><h2>{_e(SECTIONS[key])}</h2>{body}</section>'


def report_html(report: Report) -> bytes:
    """The interactive, self-contained HTML report as UTF-8 bytes (opens without network)."""
    return render_html(report).encode("utf-8")


def report_pdf(report: Report, *, printer: Callable[[str], bytes] = html_to_pdf) -> bytes:
    """The report as a PDF with real text (charts as vector graphics with text labels).

    Raises:
        analysis.present.export.ExportUnavailable: no Chrome/Chromium to draw the charts and print.
    """
    return printer(render_html(report, printable=True))


def default_comparison_figures(
    comparison: Comparison, *, top_actors: int = 15, over: str = "month"
) -> list[tuple[str, go.Figure]]:
    """The Compare page's charts for this comparison (:mod:`~analysis.present.compare_charts`).

    Args:
        comparison: the comparison to draw.
        top_actors: actors in the heat map (the page's default).
        over: the period of the timeline chart (drawn when articles are dated).
    """
    from analysis.present import compare_charts as cc
    from analysis.present.tone_charts import tone_heatmap_figure

    points, explained = comparison.outlet_map()
    actors = comparison.top_actors(top_actors)
    grid = comparison.heatmap_frame(actors)
    tested, _ = comparison.differences(actors)
    sig = tested[tested["significant"]]
    marks = {(r.actor, g): "*" for r in sig.itertuples() for g in (r.group_a, r.group_b)}
    kind = comparison.group_kind
    figures = [
        (
            f"Distancing share by actor and {kind}",
            cc.heatmap_figure(grid, comparison.min_attributions, marks, kind),
        ),
        (
            f"Tone towards each actor by {kind}",
            tone_heatmap_figure(comparison.tone_frame(actors), group_kind=kind),
        ),
    ]
    if not tested.empty:
        first = str(tested.sort_values("p_adjusted")["actor"].iloc[0])
        figures.append(("Tested differences", cc.differences_figure(tested, first)))
    timeline = comparison.timeline(over, actors[:3])
    if not timeline.empty:
        figures.append(("Over time", cc.timeline_figure(timeline, actors[:3])))
    return [
        *figures,
        ("Markers per 1,000 words", cc.rates_figure(comparison.marker_rates())),
        ("Distinctive words", cc.terms_figure(comparison.distinctive_terms(n=12, min_z=0.0))),
        ("Outlet map", cc.outlet_map_figure(points, explained)),
        ("Similarity of framing profiles", cc.similarity_figure(comparison.similarity())),
    ]
