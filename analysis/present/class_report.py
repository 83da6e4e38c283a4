"""What a teacher sees of a class activity: answers per flag, disputed flags, flags students
added, agreement among students, and the files to download (CSV, XLSX, printable worksheet).

Everything students typed (names, reasons, added words) is untrusted: the tables here hold it as
plain text, the CSV guards against formula injection (a cell starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return gets a leading apostrophe, as OWASP recommends for CSV exports), the
XLSX writer stores such cells as strings (:func:`analysis.present.export.table_bytes`), and the
worksheet HTML escapes every piece of text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from analysis.compare.agreement import krippendorff_alpha
from analysis.library.classes import Activity, ClassArticle, Flag, Submission
from analysis.present.highlight import highlight_html, stylesheet
from analysis.records import ArticleAnalysis
from analysis.vocabulary import KIND_LABELS

ANSWER_COLUMNS = ("student", "flag_id", "kind", "category", "text", "answer", "reason")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def student_name(submission: Submission, index: int) -> str:
    """The name a student gave, or "Student N" (N: the order in which answers arrived)."""
    return submission.student or f"Student {index + 1}"


def answers_frame(activity: Activity, submissions: Sequence[Submission]) -> pd.DataFrame:
    """One row per student × answered flag, plus one per added flag (answer ``added``).

    Columns: student, flag_id (``3``, or ``A3`` for twins; ``new-1`` … for added flags), kind,
    category, text, answer (``agree`` / ``disagree`` / ``added``), reason.
    """
    rows = []
    for i, sub in enumerate(submissions):
        name = student_name(sub, i)
        for a in sub.answers:
            flag = activity.articles[a.position].flag(a.flag)
            if flag is None:
                continue
            rows.append(
                (name, activity.flag_label(a.position, a.flag), flag.kind, flag.category,
                 flag.text, a.answer, a.reason)
            )  # fmt: skip
        for n, added in enumerate(sub.added, start=1):
            prefix = "AB"[added.position] if activity.twins else ""
            rows.append(
                (name, f"{prefix}new-{n}", added.kind, "added by a student", added.text, "added",
                 added.reason)
            )  # fmt: skip
    return pd.DataFrame(rows, columns=list(ANSWER_COLUMNS))


def flag_summary(activity: Activity, submissions: Sequence[Submission]) -> pd.DataFrame:
    """One row per flag: flag_id, kind, category, text, agree, disagree, answered, disputed.

    ``disputed`` is the share of answers that disagree with the tool (0 … 1; empty when nobody
    answered the flag).
    """
    counts: dict[tuple[int, int], list[int]] = {}
    for sub in submissions:
        for a in sub.answers:
            c = counts.setdefault((a.position, a.flag), [0, 0])
            c[a.answer == "disagree"] += 1
    rows = []
    for article in activity.articles:
        for f in article.flags:
            agree, disagree = counts.get((article.position, f.number), [0, 0])
            answered = agree + disagree
            rows.append(
                {
                    "flag_id": activity.flag_label(article.position, f.number),
                    "kind": KIND_LABELS.get(f.kind, f.kind),
                    "category": f.category,
                    "text": f.text,
                    "agree": agree,
                    "disagree": disagree,
                    "answered": answered,
                    "disputed": disagree / answered if answered else None,
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "flag_id",
            "kind",
            "category",
            "text",
            "agree",
            "disagree",
            "answered",
            "disputed",
        ],
    )


def most_disputed(summary: pd.DataFrame, top: int = 5) -> pd.DataFrame:
    """The flags most students disagreed with (at least one Disagree), most disputed first."""
    hit = summary[summary["disagree"] > 0]
    return hit.sort_values(["disagree", "disputed"], ascending=False, kind="stable").head(top)


def added_flags(activity: Activity, submissions: Sequence[Submission]) -> pd.DataFrame:
    """Flags students added, grouped by words (case and spacing ignored) and kind.

    Columns: article (``A``/``B`` for twins, else empty), text, kind, students (how many),
    names, reasons (joined with " | ").
    """
    groups: dict[tuple[int, str, str], dict[str, list[str]]] = {}
    for i, sub in enumerate(submissions):
        for added in sub.added:
            key = (added.position, " ".join(added.text.casefold().split()), added.kind)
            g = groups.setdefault(key, {"text": [], "names": [], "reasons": []})
            g["text"].append(added.text)
            g["names"].append(student_name(sub, i))
            if added.reason:
                g["reasons"].append(added.reason)
    rows = [
        {
            "article": "AB"[pos] if activity.twins else "",
            "text": g["text"][0],
            "kind": KIND_LABELS.get(kind, kind),
            "students": len(set(g["names"])),
            "names": ", ".join(dict.fromkeys(g["names"])),
            "reasons": " | ".join(g["reasons"]),
        }
        for (pos, _words, kind), g in groups.items()
    ]
    frame = pd.DataFrame(rows, columns=["article", "text", "kind", "students", "names", "reasons"])
    return frame.sort_values("students", ascending=False, kind="stable").reset_index(drop=True)


def class_alpha(activity: Activity, submissions: Sequence[Submission]) -> float | None:
    """Krippendorff's α (nominal) of the students' agree/disagree answers over all flags."""
    units: dict[tuple[int, int], list[str | None]] = {}
    for article in activity.articles:
        for f in article.flags:
            units[(article.position, f.number)] = []
    for sub in submissions:
        given = {(a.position, a.flag): a.answer for a in sub.answers}
        for key, values in units.items():
            values.append(given.get(key))
    return krippendorff_alpha(units)


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot be read as formulas by a spreadsheet (leading ``'``)."""
    return frame.map(
        lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
    )


def answers_csv(activity: Activity, submissions: Sequence[Submission]) -> bytes:
    """The answers table (:func:`answers_frame`) as UTF-8 CSV, safe to open in a spreadsheet."""
    frame = csv_safe(answers_frame(activity, submissions))
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def article_view(article: ClassArticle) -> ArticleAnalysis:
    """A class article as an analysis holding only its flags (for highlighting)."""
    return ArticleAnalysis(
        text=article.text,
        title=article.title,
        words=len(article.text.split()),
        engine_version=article.engine_version,
        markers=tuple(f.marker() for f in article.flags),
    )


_SHEET_CSS = """
@page { size: A4; margin: 16mm 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111; }
h1 { font-size: 17pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; }
.fl-article { max-width: none; font-size: 11pt; line-height: 1.7; }
.name { margin: 6pt 0 10pt; font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin-top: 6pt; }
th, td { border: 1px solid #999; padding: 5pt 6pt; vertical-align: top; text-align: left; }
td.why { height: 34pt; width: 46%; } td.box { white-space: nowrap; }
tr { page-break-inside: avoid; }
"""


def _worksheet_row(activity: Activity, position: int, f: Flag) -> str:
    """One flag's line on the worksheet: number, words, kind, answer boxes, room for a reason."""
    kind = html.escape(KIND_LABELS.get(f.kind, f.kind))
    return (
        f"<tr><td><b>{html.escape(activity.flag_label(position, f.number))}</b></td>"
        f"<td>“{html.escape(f.text[:90])}”<br><small>{kind} ({html.escape(f.category)})</small>"
        '</td><td class="box">☐ Agree<br>☐ Disagree</td><td class="why"></td></tr>'
    )


def worksheet_html(activity: Activity) -> str:
    """A printable worksheet: each article with numbered flags, then a table with a line per flag
    (Agree / Disagree boxes and space for the reason) and room for flags the tool missed."""
    parts = [
        f"<h1>{html.escape(activity.title)}</h1>",
        '<p class="name">Name: ______________________ &nbsp; Class code: '
        f"<b>{html.escape(activity.code)}</b></p>",
        "<p>For each numbered flag: do you agree that the words frame someone? Tick a box and "
        "say why.</p>",
    ]
    for article in activity.articles:
        heading = article.title or "Article"
        if activity.twins:
            heading = f"Article {'AB'[article.position]}: {heading}"
        if article.outlet:
            heading += f" — {article.outlet}"
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts.append(highlight_html(article_view(article), numbered=True))
        rows = "".join(_worksheet_row(activity, article.position, f) for f in article.flags)
        parts.append(
            "<table><tr><th>#</th><th>Flag</th><th>Your answer</th><th>Why?</th></tr>"
            f"{rows}</table>"
        )
    parts.append(
        "<h2>Words the tool missed</h2><table><tr><th>Words</th><th>Kind</th><th>Why?</th></tr>"
        + '<tr><td class="why"></td><td></td><td class="why"></td></tr>' * 3
        + "</table>"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(activity.title)}</title>{stylesheet()}<style>{_SHEET_CSS}</style>"
        f"</head><body>{''.join(parts)}</body></html>"
    )
