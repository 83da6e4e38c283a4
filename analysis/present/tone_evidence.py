"""The evidence behind an actor's tone: each sentence with the words that decided it, in HTML.

For each of the actor's clearest non-neutral mentions, the sentence is shown with the mention
underlined and the words the tone model weighed highlighted: in the tone's colour when they
pushed towards the tone, struck through in grey when they pulled the other way. A plain sentence
says what the model decided, how sure it is and where the model comes from. Article text is
untrusted: every piece of it is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from analysis.present.palette import TONE_COLOURS
from analysis.records import ArticleAnalysis, Mention

MIN_SHOWN = 0.15
"""Evidence words with a smaller push (|weight| in log-odds) are neither highlighted nor listed."""
SHOWN_SENTENCES = 5

TONE_MODEL_SOURCE = (
    "Source: the Framing Lens tone model (a linear classifier, NB-LR after Wang & Manning 2012), "
    "trained on NewsMTSC (Hamborg & Donnay 2021, MIT licence), right about 2 times in 3."
)
TONE_EXPLANATION = (
    "The tone model reads each sentence and asks: does it make this actor look bad (negative), "
    "good (positive) or neither (neutral)? Every word adds or takes away a little; the words "
    "with the biggest push are highlighted. It counts words and where they stand; it does not "
    "understand irony or facts that are bad without a bad word."
)


def tone_mentions(
    result: ArticleAnalysis, name: str, limit: int = SHOWN_SENTENCES
) -> list[Mention]:
    """The actor's scored mentions to show: non-neutral ones first, the most confident first."""
    scored = [m for m in result.mentions if m.actor == name and m.tone]
    return sorted(scored, key=lambda m: (m.tone == "neutral", -(m.tone_score or 0.0), m.start))[
        :limit
    ]


def tone_evidence_html(result: ArticleAnalysis, name: str, limit: int = SHOWN_SENTENCES) -> str:
    """HTML blocks: one per shown mention of ``name``, its sentence and the deciding words.

    Args:
        result: an analysis whose mentions carry a tone (schema 3).
        name: the actor's display name.
        limit: how many mentions to show.

    Returns:
        Escaped HTML (empty when no mention of the actor has a tone).
    """
    blocks = [_mention_block(result, m) for m in tone_mentions(result, name, limit)]
    if not blocks:
        return ""
    return f'<div class="fl-tone">{"".join(blocks)}</div>'


def tone_sentences_html(
    articles: Sequence[tuple[str | None, ArticleAnalysis]],
    names: Collection[str],
    limit: int = SHOWN_SENTENCES,
) -> str:
    """HTML of the clearest tone sentences about an actor across several articles (one outlet).

    Args:
        articles: (title, analysis) of each article read; analyses made before engine 0.5.0
            have no tone and add nothing.
        names: every stored name the actor goes by (merged spellings).
        limit: how many sentences to show in all.

    Returns:
        Escaped HTML: under each article's title, its chosen sentences with the words that
        decided them; the non-neutral, most confident mentions first, over all the articles,
        each sentence once (for its clearest mention of the actor). Empty when no mention of
        the actor has a tone.
    """
    found = [
        (k, m)
        for k, (_, result) in enumerate(articles)
        for m in result.mentions
        if m.actor in names and m.tone
    ]
    found.sort(key=lambda km: (km[1].tone == "neutral", -(km[1].tone_score or 0.0), km[0]))
    chosen: dict[int, list[Mention]] = {}
    seen: set[tuple[int, int]] = set()  # a sentence once, for its clearest mention ("he", name)
    for k, m in found:
        if len(seen) < limit and (k, m.sentence) not in seen:
            seen.add((k, m.sentence))
            chosen.setdefault(k, []).append(m)
    parts = []
    for k, mentions in chosen.items():
        title, result = articles[k]
        parts.append(
            f'<p class="fl-tone-title" style="margin:0 0 .2rem 0;color:#555">'
            f"{html.escape(title or 'untitled')}</p>"
        )
        parts += [_mention_block(result, m) for m in mentions]
    return f'<div class="fl-tone">{"".join(parts)}</div>' if parts else ""


def _mention_block(result: ArticleAnalysis, m: Mention) -> str:
    """One sentence with its mention and evidence words marked, and the plain explanation."""
    spans = {s.index: (s.start, s.end) for s in result.sentences}
    start, end = spans.get(m.sentence, (m.start, m.end))
    colour = TONE_COLOURS.get(m.tone, "#8c8c8c")
    sentence = _marked_sentence(result.text, start, end, m, colour)
    pushed = [(w, x) for w, x, _, _ in m.tone_evidence if x >= MIN_SHOWN]
    pulled = [(w, x) for w, x, _, _ in m.tone_evidence if x <= -MIN_SHOWN]
    sure = round(100 * (m.tone_score or 0.0))
    lines = [
        f'The tone model reads this sentence as <b style="color:{colour}">{html.escape(m.tone)}'
        f"</b> towards <b>{html.escape(m.actor)}</b> (score {sure}%; the three tones add up to "
        "100%).",
    ]
    if pushed:
        lines.append(f"Words that pushed it to {html.escape(m.tone)}: {_words(pushed)}.")
    if pulled:
        lines.append(f"Words that pulled the other way: {_words(pulled)}.")
    if not pushed and not pulled:
        lines.append("No single word pushed it much: the tone comes from many small pushes.")
    items = "".join(f"<li>{line}</li>" for line in lines)
    return (
        '<div class="fl-tone-sentence" style="margin-bottom:1rem">'
        f'<p style="line-height:1.7;margin:0">{sentence}</p>'
        f'<ul style="margin:.2rem 0 0 1rem;font-size:.95rem">{items}</ul></div>'
    )


def _words(pairs: Sequence[tuple[str, float]]) -> str:
    """ "condemning (+1.31), praised (−0.38)" with each word escaped."""
    return ", ".join(f"“{html.escape(w)}” ({x:+.2f})" for w, x in pairs)


def _marked_sentence(text: str, start: int, end: int, m: Mention, colour: str) -> str:
    """The sentence as HTML: the mention underlined, evidence words highlighted by direction."""
    marks: list[tuple[int, int, str, str]] = [(m.start, m.end, "mention", "")]
    for word, weight, a, b in m.tone_evidence:
        if a >= 0 and start <= a < b <= end and abs(weight) >= MIN_SHOWN:
            marks.append((a, b, "for" if weight > 0 else "against", f"{word} {weight:+.2f}"))
    marks.sort()
    out, pos = [], start
    for a, b, role, title in marks:
        if a < pos:
            continue  # overlapping marks: the first one wins
        out.append(html.escape(text[pos:a]))
        piece = html.escape(text[a:b])
        if role == "mention":
            out.append(f'<u style="text-decoration-thickness:2px"><b>{piece}</b></u>')
        elif role == "for":
            out.append(
                f'<mark class="fl-tone-for" title="{html.escape(title)}" style="background:'
                f'{colour}33;border-bottom:3px solid {colour};padding:0 2px">{piece}</mark>'
            )
        else:
            out.append(
                f'<mark class="fl-tone-against" title="{html.escape(title)}" style="background:'
                f'#eeeeee;text-decoration:line-through;padding:0 2px">{piece}</mark>'
            )
        pos = b
    out.append(html.escape(text[pos:end]))
    return "".join(out)
