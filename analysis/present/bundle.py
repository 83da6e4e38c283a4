"""Analysis bundles: one .zip holding the article text(s), the analyses and the lexicon versions.

A bundle is what a teacher or researcher keeps or sends so the exact view can be reopened later
(or elsewhere) without re-running the engine: loading it gives back analyses equal to the saved
ones, whatever engine or lexicons the opening app has. Layout::

    manifest.json           schema, creation time, engine version, lexicon versions, entries
    articles/001.txt        the article text (UTF-8), for people and other tools
    analyses/001.json       ArticleAnalysis.to_dict(include_text=True)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.lexicons import lexicon_versions
from analysis.library.archive import ArchiveError, BoundedZip, ZipLimits, open_zip
from analysis.present.bundle_schema import (
    BUNDLE_SCHEMA,
    MAX_ENTRIES,
    EntryJSON,
    ManifestError,
    validated_manifest,
)
from analysis.records import ArticleAnalysis
from analysis.records_schema import RecordError, validated_analysis
from analysis.version import ENGINE_VERSION

MB = 1024 * 1024
MAX_MEMBERS = 2 * MAX_ENTRIES + 1
MAX_MEMBER_BYTES = 32 * MB
"""The largest analysis JSON read (a 300,000-character article's analysis is about 10 MB)."""

MAX_UNPACKED_BYTES = 96 * MB
"""Everything read from one bundle, decoded: refuses zip bombs and repeated entries."""

MAX_FILE_BYTES = 64 * MB
"""The largest bundle file opened from disk (uploads are capped lower by the server)."""


class BundleError(ValueError):
    """The file is not a readable Framing Lens bundle; the message says why, in plain words."""


@dataclass(frozen=True)
class Bundle:
    """A loaded bundle: the analyses, each entry's labels (e.g. outlet), the manifest, notes."""

    analyses: tuple[ArticleAnalysis, ...]
    labels: tuple[Mapping[str, Any], ...]
    manifest: Mapping[str, Any]
    warnings: tuple[str, ...] = field(default=())

    @property
    def kind(self) -> str:
        """``article`` (one analysis) or ``comparison`` (several)."""
        return str(self.manifest.get("kind", "article"))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_bundle(
    analyses: ArticleAnalysis | Sequence[ArticleAnalysis],
    *,
    labels: Sequence[Mapping[str, Any]] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> bytes:
    """Pack analyses into a bundle.

    Args:
        analyses: one analysis (kind ``article``) or several (kind ``comparison``).
        labels: per analysis, JSON-ready labels to restore with it (e.g. ``{"outlet": "BBC"}``).
        extra: JSON-ready data about the whole view (e.g. the comparison's settings).

    Returns:
        The .zip file's bytes.
    """
    items = [analyses] if isinstance(analyses, ArticleAnalysis) else list(analyses)
    labs = [dict(x) for x in labels] if labels is not None else [{} for _ in items]
    if len(labs) != len(items):
        raise ValueError("labels must have one entry per analysis")
    entries = []
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i, (a, lab) in enumerate(zip(items, labs, strict=True), start=1):
            stem = f"{i:03d}"
            zf.writestr(f"articles/{stem}.txt", a.text)
            body = json.dumps(a.to_dict(include_text=True), ensure_ascii=False, indent=1)
            zf.writestr(f"analyses/{stem}.json", body)
            entries.append(
                {
                    "title": a.title,
                    "text": f"articles/{stem}.txt",
                    "analysis": f"analyses/{stem}.json",
                    "text_sha256": _sha(a.text),
                    "engine_version": a.engine_version,
                    "labels": lab,
                }
            )
        manifest = {
            "schema": BUNDLE_SCHEMA,
            "kind": "article" if isinstance(analyses, ArticleAnalysis) else "comparison",
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "engine_version": ENGINE_VERSION,
            "lexicon_versions": lexicon_versions(),
            "entries": entries,
            "extra": dict(extra or {}),
        }
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return buf.getvalue()


def _limits() -> ZipLimits:
    """The zip limits of a bundle (read at call time, so tests can lower them).

    Deflate cannot inflate more than ~1,032 times; a declared ratio above that is a lie. Lower
    caps would refuse honest bundles of very repetitive text (a pasted sentence repeated).
    """
    return ZipLimits(MAX_MEMBERS, MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES, max_ratio=1_040)


def _entries(
    zf: BoundedZip, entries: Sequence[EntryJSON]
) -> tuple[list[ArticleAnalysis], list[dict[str, Any]], list[str]]:
    """The analyses the manifest lists, each validated; an analysis listed twice is read once."""
    analyses, labels, notes = [], [], []
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.analysis in seen:
            seen[entry.analysis] += 1
            continue
        seen[entry.analysis] = 1
        a = validated_analysis(zf.read(entry.analysis), where=entry.analysis)
        if entry.text_sha256 not in (None, _sha(a.text)):
            raise BundleError(f"{entry.analysis} does not match its article text (changed?)")
        analyses.append(a)
        labels.append(dict(entry.labels))
    repeated = {name: n for name, n in seen.items() if n > 1}
    if repeated:
        notes.append(
            "The bundle lists the same analysis more than once ("
            + ", ".join(f"{name} {n} times" for name, n in sorted(repeated.items()))
            + "); each is shown once."
        )
    return analyses, labels, notes


def read_bundle(source: bytes | str | Path) -> Bundle:
    """Load a bundle written by :func:`write_bundle`, checking everything before using it.

    The zip's directory is checked first (member count, names, compression methods, declared
    sizes), the manifest and each analysis are validated against their schemas
    (:mod:`analysis.present.bundle_schema`, :mod:`analysis.records_schema`), and everything is
    decompressed under one running total, so a hostile bundle costs little and changes nothing.

    Args:
        source: the .zip bytes or a path to it.

    Returns:
        The analyses exactly as saved, their labels, the manifest, and warnings when this app's
        engine or lexicons differ from the ones that made the bundle (the saved analysis is shown
        as it was; re-analyse to apply the current rules).

    Raises:
        BundleError: not a zip, not a Framing Lens bundle, damaged, or over a limit; the message
            names the member and what is wrong.
    """
    if isinstance(source, str | Path):
        path = Path(source)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise BundleError(f"the bundle is larger than {MAX_FILE_BYTES // MB} MB; not opened")
        data = path.read_bytes()
    else:
        data = source
    try:
        with open_zip(data, _limits()) as zf:
            manifest = validated_manifest(zf.read("manifest.json"))
            analyses, labels, notes = _entries(zf, manifest.entries)
    except ArchiveError as exc:
        if exc.member is None and "not a readable .zip" in str(exc):
            raise BundleError("this file is not a .zip analysis bundle") from None
        raise BundleError(f"the bundle was not opened: {exc}") from None
    except (ManifestError, RecordError) as exc:
        raise BundleError(str(exc)) from None
    raw = manifest.model_dump(by_alias=True)
    return Bundle(tuple(analyses), tuple(labels), raw, tuple(notes + _drift(raw)))


def _drift(manifest: Mapping[str, Any]) -> list[str]:
    """Plain-language notes on engine/lexicon differences between the bundle and this app."""
    notes = []
    if manifest.get("engine_version") != ENGINE_VERSION:
        notes.append(
            f"This bundle was made with engine {manifest.get('engine_version')}; this app runs "
            f"{ENGINE_VERSION}. You see the saved analysis; analyse the text again for the "
            "current rules."
        )
    saved = manifest.get("lexicon_versions") or {}
    now = lexicon_versions()
    changed = sorted(k for k in set(saved) | set(now) if saved.get(k) != now.get(k))
    if changed:
        notes.append(
            "These word lists changed since the bundle was made: "
            + ", ".join(changed)
            + ". You see the saved analysis."
        )
    return notes
