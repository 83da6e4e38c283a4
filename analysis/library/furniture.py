"""Page furniture: the text of a web page around an article, removed before analysis.

A pasted or downloaded article often carries the page it sat on: video-player text ("JUST
WATCHED … Replay More Videos"), caption buttons ("Enlarge this image toggle caption"), photo
credits ("Tim Brakemeier/EPA/Landov"), newsletter boxes ("Sign up for Daily Newsletters Manage
Newsletters"), share bars, lists of related stories, polls and copyright lines. Analysed as
prose, it becomes actors ("Replay More Videos", "LLC") and words that were never written about
anyone. The patterns are data (``lexicons/furniture.csv``, one row per pattern with its category,
a plain explanation and its source); this module only applies them, line by line, after the
shallow-text-feature view of boilerplate of Kohlschütter, Fankhauser & Nejdl (2010, "Boilerplate
Detection using Shallow Text Features"): page furniture comes in short lines with few words,
made of a small vocabulary, while article prose comes in long lines of sentences.

Nothing is lost: :func:`remove_page_furniture` returns the cleaned text and every piece it cut,
with its offsets in the original text, the offset in the cleaned text where it was cut and the
rule that cut it, so the user can see it and :meth:`CleanedText.restored` puts it back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from analysis.lexicons import lexicon_frame

LEXICON = "furniture"
MAX_LINE_WORDS = 25
"""A line pattern applies to lines of at most this many words unless its row says otherwise
(``max_words``): furniture lines are short, article paragraphs long."""
UI_LINE_WORDS = 8
"""A line of at most this many words made only of page-control words ('Replay More Videos',
'Share Tweet Email') is furniture."""
UI_MIN_WORDS = 2
"""... if it has at least this many of them (a one-word line is judged by the line patterns)."""
LIST_ITEM_WORDS = 20
"""A line this short, not ending like a sentence (or with a colon that introduces what follows),
after a list header ('Related', 'Vote Now:') is an item of that list."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")
_SENTENCE_END = re.compile(r"[.!:]['\"”’)]*$")


@dataclass(frozen=True, slots=True)
class Removed:
    """One piece of page furniture cut from the text.

    ``start``/``end`` are offsets in the original text (``original[start:end] == text``),
    ``at`` the offset in the cleaned text where it was cut; ``rule`` names the lexicon row
    (``"furniture/<pattern>"``) and ``explanation`` says in plain words why it went.
    """

    start: int
    end: int
    at: int
    text: str
    category: str
    rule: str
    explanation: str
    source: str


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The text without its page furniture, and what was removed (in text order)."""

    text: str
    removed: tuple[Removed, ...] = ()

    def restored(self) -> str:
        """The original text: every removed piece put back where it was."""
        return restore_furniture(self.text, self.removed)


@dataclass(frozen=True, slots=True)
class _Rule:
    """One lexicon row, compiled."""

    pattern: re.Pattern[str]
    category: str
    scope: str
    takes_next: int
    max_words: int
    term: str
    explanation: str
    source: str


def remove_page_furniture(text: str) -> CleanedText:
    """Cut page furniture (video and gallery text, captions, credits, newsletter boxes, share
    bars, related-story lists, polls, adverts, copyright lines) out of an article's text.

    Line patterns remove whole lines (and the blank lines after them), list headers the short
    list items after them, span patterns only the matched words inside a line. When nothing
    but furniture would remain, nothing is removed.

    Args:
        text: the article text as pasted, uploaded or downloaded.

    Returns:
        :class:`CleanedText` with the cleaned text and every removed piece, its offsets in
        ``text`` and in the cleaned text, and the rule (lexicon row) that removed it.
        After Kohlschütter, Fankhauser & Nejdl 2010 (shallow text features of boilerplate).
    """
    lines = list(_lines(text))
    verdicts = _line_verdicts(text, lines)
    kept = [k for k, rule in enumerate(verdicts) if rule is None]
    if not any(text[a:b].strip() for k in kept for a, b in [lines[k]]):
        return CleanedText(text)
    cuts = list(_line_cuts(text, lines, verdicts))
    cuts += [c for k in kept for c in _span_cuts(text, *lines[k])]
    return _apply(text, sorted(cuts, key=lambda c: c[0]))


def restore_furniture(text: str, removed: Sequence[Removed]) -> str:
    """The original of a cleaned ``text``: each removed piece inserted back at its ``at``."""
    out, pos = [], 0
    for r in sorted(removed, key=lambda r: (r.at, r.start)):
        out += [text[pos : r.at], r.text]
        pos = r.at
    out.append(text[pos:])
    return "".join(out)


# ---- the rules, from the lexicon ---------------------------------------------------------------
@cache
def _rules() -> tuple[_Rule, ...]:
    """Line and span rules in lexicon order (the first that matches a line decides)."""
    frame = lexicon_frame(LEXICON)
    fragments = {"agency": _agency_pattern(), "credit": _credit_pattern()}
    out = []
    for row in frame.to_dict("records"):
        if row["scope"] not in ("line", "span"):
            continue
        flags = 0 if row["case"] == "exact" else re.IGNORECASE
        source = row["term"]
        for name, fragment in fragments.items():
            source = source.replace(f"{{{name}}}", f"(?:{fragment})")
        pattern = re.compile(source, flags)
        out.append(
            _Rule(
                pattern,
                row["category"],
                row["scope"],
                int(row["takes_next"] or 0),
                int(row["max_words"] or MAX_LINE_WORDS),
                row["term"],
                row["explanation"],
                row["source"],
            )
        )
    return tuple(out)


@cache
def _ui_words() -> frozenset[str]:
    """The vocabulary of page controls (rows of scope ``word``)."""
    frame = lexicon_frame(LEXICON)
    return frozenset(frame.loc[frame["scope"] == "word", "term"].str.lower())


@cache
def _ui_rule() -> _Rule:
    """The rule reported for a line made only of page-control words."""
    frame = lexicon_frame(LEXICON)
    row = frame[frame["scope"] == "word"].iloc[0]
    never = re.compile(r"(?!)")
    return _Rule(never, "ui_word", "line", 0, UI_LINE_WORDS, "ui_word", "", row["source"])


@cache
def _agency_pattern() -> str:
    """Alternation of the photo agencies (rows of scope ``agency``), longest first."""
    frame = lexicon_frame(LEXICON)
    names = sorted(frame.loc[frame["scope"] == "agency", "term"], key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)


@cache
def _credit_pattern() -> str:
    """A photo credit 'Name Name/Agency(/Agency)': up to four capitalised words, then agencies."""
    name = r"[A-Z][\w.'’-]*"
    agency = f"(?:{_agency_pattern()})"
    return rf"(?:(?:{name}\s+){{0,3}}{name}\s?/\s?{agency}(?:\s?/\s?{agency})*)"


# ---- judging lines -----------------------------------------------------------------------------
def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    pos = 0
    for m in re.finditer(r"\n", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _line_verdicts(text: str, lines: list[tuple[int, int]]) -> list[_Rule | None]:
    """The rule that removes each line, or None for lines that stay (blank lines stay)."""
    verdicts: list[_Rule | None] = []
    header: _Rule | None = None
    items_left = 0
    for a, b in lines:
        line = text[a:b].strip()
        if not line:
            verdicts.append(None)
            continue
        rule = _line_rule(line)
        if rule is None and header is not None and items_left and _list_item(line):
            rule, items_left = header, items_left - 1
        elif rule is not None and rule.takes_next:
            header, items_left = rule, rule.takes_next
        elif rule is None:
            header, items_left = None, 0
        verdicts.append(rule)
    return verdicts


def _line_rule(line: str) -> _Rule | None:
    """The first line rule that matches the whole (stripped) line, else None."""
    words = len(_WORD.findall(line))
    for rule in _rules():
        if rule.scope == "line" and words <= rule.max_words and rule.pattern.fullmatch(line):
            return rule
    return _ui_rule() if _only_page_controls(line) else None


def _only_page_controls(line: str) -> bool:
    """True for a short line made only of page-control words ('Replay More Videos'); a line
    the writer ends like a sentence ('See here and here.', 'Watch the full video:') stays."""
    if _SENTENCE_END.search(line) and not line.rstrip().endswith(("...", "…")):
        return False
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [w.lower() for w in _WORD.findall(line)]
    ui = _ui_words()
    # Function words (spaCy's English stop list) count neither way: "Sign up *for* Newsletters".
    content = [w for w in words if w in ui or w not in STOP_WORDS]
    if len(words) > UI_LINE_WORDS or len(content) < UI_MIN_WORDS:
        return False
    return all(w in ui for w in content)


def _list_item(line: str) -> bool:
    """True for a line that reads as an item of a list of links (short, no closing full stop)."""
    return len(_WORD.findall(line)) <= LIST_ITEM_WORDS and not _SENTENCE_END.search(line)


# ---- cutting -----------------------------------------------------------------------------------
Cut = tuple[int, int, _Rule]
"""(start, end, rule) of a piece to remove, offsets in the original text."""


def _line_cuts(
    text: str, lines: list[tuple[int, int]], verdicts: list[_Rule | None]
) -> Iterator[Cut]:
    """Removed lines, each with the line break and blank lines after it; furniture at the end
    of the text takes the line breaks before it instead, so the text left ends where its last
    kept line ends."""
    nonblank = [k for k, (a, b) in enumerate(lines) if text[a:b].strip()]
    kept = [k for k in nonblank if verdicts[k] is None]
    last_kept = kept[-1] if kept else -1
    for n, k in enumerate(nonblank):
        rule = verdicts[k]
        if rule is None:
            continue
        end = lines[nonblank[n + 1]][0] if n + 1 < len(nonblank) else lines[k][1]
        start = lines[k][0]
        if k > last_kept >= 0 and nonblank[n - 1] == last_kept:
            start = lines[last_kept][1]  # the first line of the furniture that ends the text
        yield start, end, rule


def _span_cuts(text: str, a: int, b: int) -> Iterator[Cut]:
    """Furniture inside a kept line ('… JUST WATCHED … MUST WATCH … 02:37 …'), each cut with
    one space next to it so the words around it stay apart by one space."""
    line = text[a:b]
    taken: list[tuple[int, int]] = []
    for rule in _rules():
        if rule.scope != "span":
            continue
        for m in rule.pattern.finditer(line):
            s, e = m.start(), m.end()
            if any(s < y and x < e for x, y in taken):
                continue
            taken.append((s, e))
            if e < len(line) and line[e] == " ":
                e += 1
            elif s > 0 and line[s - 1] == " ":
                s -= 1
            yield a + s, a + e, rule


def _apply(text: str, cuts: list[Cut]) -> CleanedText:
    """The cleaned text and the record of every cut (overlapping cuts are merged in order)."""
    out: list[str] = []
    removed: list[Removed] = []
    pos = 0
    at = 0
    for start, end, rule in cuts:
        start = max(start, pos)
        if end <= start:
            continue
        out.append(text[pos:start])
        at += start - pos
        removed.append(
            Removed(
                start,
                end,
                at,
                text[start:end],
                rule.category,
                f"{LEXICON}/{rule.term}",
                rule.explanation or _explanation(rule.category),
                rule.source,
            )
        )
        pos = end
    out.append(text[pos:])
    return CleanedText("".join(out), tuple(removed))


@cache
def _explanation(category: str) -> str:
    """The category's plain explanation (for the page-control rule, which has no row)."""
    frame = lexicon_frame(LEXICON)
    rows = frame[frame["category"] == category]
    return str(rows["explanation"].iloc[0]) if len(rows) else ""
