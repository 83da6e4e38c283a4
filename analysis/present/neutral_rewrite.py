"""A neutral rewrite of an article, for a class to discuss what changed.

Every reporting verb or noun whose lexicon row has a ``neutral`` alternative is replaced by it, in
the same grammatical form ("claimed" → "said", "insists" → "says", "arguing" → "saying", "his
claims" → "his statements"), and the quote marks of scare quotes are removed (alleged Russian
"threat" → alleged Russian threat). Direct quotations and a speaker's own words set in quote
marks (partial quotes) keep their marks: removing those would put the speaker's words into the
writer's mouth. The neutral verb is the style guides' default: "said is almost always neutral"
(Wikipedia Manual of Style, "Words to watch", MOS:SAID).

It works from the markers of an analysis and the lexicon files, never from a new parse, so it is
instant and shows exactly the words the highlights show: a marker's ``rule`` names its lexicon row
("reporting_verbs/claim"); markers without one (older bundles) are matched by their written form.
It is an exercise, not a copy-editor: a verb with an object ("claimed victory") does not always
read well as "said".
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from analysis.lexicons import lexicon_column, lexicon_frame
from analysis.records import ArticleAnalysis, Marker

QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
DEFAULT_STANCES = ("distancing",)
# Forms of the neutral words (third person, past, -ing); others follow the regular rules.
_IRREGULAR: dict[str, tuple[str, str, str]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
}
_NOUN_BEFORE = {"'s", "’s", "the", "his", "her", "their", "its", "a", "an", "these", "those"}
_NOUN_BEFORE |= {"this", "that", "our", "my", "your", "such", "new", "earlier", "latest"}


@dataclass(frozen=True, slots=True)
class Change:
    """One edit of the rewrite: ``before`` at [start, end) of the original became ``after``."""

    start: int
    end: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True, slots=True)
class NeutralRewrite:
    """The original text, the rewritten text and the edits between them (original offsets)."""

    original: str
    text: str
    changes: tuple[Change, ...]


def _regular(base: str) -> tuple[str, str, str]:
    """(third person, past, -ing) of a regular English verb."""
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    if base.endswith("e"):
        return base + "s", base + "d", base[:-1] + "ing"
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return third, base + "ed", base + "ing"


def _verb_forms(base: str) -> dict[str, str]:
    """Every form of ``base`` (with doubled final consonants) → its slot (base/s/past/ing)."""
    third, past, ing = _IRREGULAR.get(base) or _regular(base)
    forms = {base: "base", third: "s", past: "past", ing: "ing"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", base):  # snap → snapped, quip → quipping
        forms[base + base[-1] + "ed"] = "past"
        forms[base + base[-1] + "ing"] = "ing"
    return forms


def _inflect(base: str, slot: str) -> str:
    third, past, ing = _IRREGULAR.get(base) or _regular(base)
    return {"base": base, "s": third, "past": past, "ing": ing}[slot]


@cache
def _alternatives() -> dict[str, dict[str, tuple[str, str]]]:
    """Per lexicon ("verb", "noun"): each written form → (neutral word, form slot)."""
    verbs: dict[str, tuple[str, str]] = {}
    nouns: dict[str, tuple[str, str]] = {}
    for name, table in (("reporting_verbs", verbs), ("reporting_nouns", nouns)):
        frame = lexicon_frame(name)
        if "neutral" not in frame.columns:
            continue
        for term, neutral in zip(frame["term"], frame["neutral"], strict=True):
            term, neutral = " ".join(term.lower().split()), neutral.strip().lower()
            if not neutral:
                continue
            head, _, rest = term.partition(" ")
            if table is nouns:
                plural = _regular(head)[0] if not head.endswith("s") else head
                table[term] = (neutral, "base")
                table[" ".join(filter(None, (plural, rest)))] = (neutral, "s")
                continue
            for form, slot in _verb_forms(head).items():
                table[" ".join(filter(None, (form, rest)))] = (neutral, slot)
                table.setdefault(form, (neutral, slot))  # the marker may hold only "pointed"
    return {"verb": verbs, "noun": nouns}


@cache
def _explanation_kinds() -> dict[str, str]:
    """A lexicon row's explanation → "verb" or "noun" (markers carry their row's explanation)."""
    out: dict[str, str] = {}
    for name, kind in (("reporting_verbs", "verb"), ("reporting_nouns", "noun")):
        for text in lexicon_frame(name)["explanation"]:
            out.setdefault(text.strip(), kind)
    return out


def _is_noun(marker: Marker, text: str) -> bool:
    """Whether an attribution marker is a reporting noun ("his claims") rather than a verb."""
    for row, kind in _explanation_kinds().items():
        if marker.explanation.strip().startswith(row):
            return kind == "noun"
    before = text[max(0, marker.start - 12) : marker.start].lower().split()
    return bool(before) and (before[-1] in _NOUN_BEFORE or before[-1].endswith(("'s", "’s")))


def _match_case(word: str, like: str) -> str:
    """``word`` capitalised like ``like`` (Claimed → Said, CLAIMED → SAID)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _slot_of(word: str, term: str, noun: bool) -> str:
    """Which form of ``term`` the written ``word`` is (base, s, past, ing)."""
    head = term.split()[0]
    if noun:
        return "s" if word.endswith("s") and not head.endswith("s") else "base"
    forms = _verb_forms(head)
    if word in forms:
        return forms[word]
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed"):
        return "past"
    return "s" if word.endswith("s") else "base"


def _rule_change(marker: Marker, text: str) -> Change | None:
    """The replacement named by the marker's own lexicon row (``rule`` = "lexicon/term")."""
    lexicon, _, term = (getattr(marker, "rule", "") or "").partition("/")
    if lexicon not in ("reporting_verbs", "reporting_nouns") or not term:
        return None
    neutral = lexicon_column(lexicon, "neutral").get(term.lower(), "")
    first = re.match(r"\S+", marker.text)
    if not neutral or first is None:
        return None
    noun = lexicon == "reporting_nouns"
    # A phrasal cue ("pointed out") is replaced whole; otherwise only its first word.
    whole = " ".join(marker.text.split()).lower().split()[1:] == term.lower().split()[1:]
    end = marker.end if whole else marker.start + first.end()
    before = text[marker.start : end]
    slot = _slot_of(first.group().lower(), term.lower(), noun)
    after = _match_case(_inflect(neutral, slot), before)
    if after.lower() == before.lower():
        return None
    return Change(
        marker.start, end, before, after, f"'{before}' ({marker.category}) → the neutral '{after}'"
    )


def _verb_change(marker: Marker, text: str) -> Change | None:
    """The neutral replacement of one reporting verb or noun marker, if its row has one."""
    if getattr(marker, "rule", ""):
        return _rule_change(marker, text)
    table = _alternatives()["noun" if _is_noun(marker, text) else "verb"]
    written = " ".join(marker.text.lower().split())
    hit = table.get(written)
    end = marker.end
    if hit is None:  # "pointed out" marked as "pointed": match the first word only
        first = re.match(r"\S+", marker.text)
        if first is None or (hit := table.get(first.group().lower())) is None:
            return None
        end = marker.start + first.end()
    neutral, slot = hit
    before = text[marker.start : end]
    after = _match_case(_inflect(neutral, slot) if " " not in neutral else neutral, before)
    if after.lower() == before.lower():
        return None
    reason = f"'{before}' ({marker.category}) → the neutral '{after}'"
    return Change(marker.start, end, before, after, reason)


def _quote_changes(marker: Marker, text: str) -> list[Change]:
    """Removing the quote marks around a scare quote (when they are really there)."""
    lo, hi = marker.start, marker.end
    if lo == 0 or hi >= len(text) or text[lo - 1] not in QUOTE_MARKS:
        return []
    if text[hi] not in QUOTE_MARKS:
        return []
    reason = f"scare quotes around '{marker.text}' removed"
    return [Change(lo - 1, lo, text[lo - 1], "", reason), Change(hi, hi + 1, text[hi], "", reason)]


def neutral_rewrite(
    analysis: ArticleAnalysis, stances: Collection[str] = DEFAULT_STANCES
) -> NeutralRewrite:
    """The article with loaded reporting words made neutral and scare quotes removed.

    Args:
        analysis: the result of :func:`analysis.analyze` (only its text and markers are used).
        stances: stances of reporting verbs and nouns to replace (default: distancing only;
            add endorsing, admission, emotive for a stricter rewrite). Each replaced word has a
            ``neutral`` alternative in ``reporting_verbs.csv`` / ``reporting_nouns.csv``.

    Returns:
        :class:`NeutralRewrite`; its ``changes`` are in text order and never overlap.
    """
    text = analysis.text
    changes: list[Change] = []
    for m in analysis.markers:
        if m.kind == "attribution" and m.category in stances:
            change = _verb_change(m, text)
            if change:
                changes.append(change)
        elif m.kind == "scare_quote" and m.category == "scare":
            changes.extend(_quote_changes(m, text))
    kept: list[Change] = []
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if kept and c.start < kept[-1].end:
            continue  # two markers on the same words: the first edit wins
        kept.append(c)
    parts, pos = [], 0
    for c in kept:
        parts += [text[pos : c.start], c.after]
        pos = c.end
    parts.append(text[pos:])
    return NeutralRewrite(text, "".join(parts), tuple(kept))


def rewrite_html(rewrite: NeutralRewrite) -> tuple[str, str]:
    """(original, rewrite) as escaped HTML: removed words in ``<del>``, new words in ``<ins>``."""
    old, new, pos = [], [], 0
    for c in rewrite.changes:
        plain = html.escape(rewrite.original[pos : c.start])
        tip = html.escape(c.reason, quote=True)
        old += [plain, f'<del title="{tip}">{html.escape(c.before)}</del>']
        new += [plain, f'<ins title="{tip}">{html.escape(c.after)}</ins>' if c.after else ""]
        pos = c.end
    tail = html.escape(rewrite.original[pos:])
    return (
        f'<div class="fl-rewrite">{"".join(old)}{tail}</div>',
        f'<div class="fl-rewrite">{"".join(new)}{tail}</div>',
    )
