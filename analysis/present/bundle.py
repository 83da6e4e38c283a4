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
from analysis.records import ArticleAnalysis
from analysis.version import ENGINE_VERSION

BUNDLE_SCHEMA = "framing-lens/bundle/1"
MAX_MEMBERS = 20_000
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # refuse zip bombs before reading them


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


def _read_json(zf: zipfile.ZipFile, name: str) -> Any:
    try:
        raw = zf.read(name)
    except KeyError:
        raise BundleError(f"the bundle is missing {name}") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleError(f"{name} in the bundle is not valid JSON ({exc})") from None


def _check_sizes(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BundleError(f"the bundle holds {len(infos)} files; at most {MAX_MEMBERS} are read")
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise BundleError("the bundle unpacks to more than 512 MB; it is not read")


def read_bundle(source: bytes | str | Path) -> Bundle:
    """Load a bundle written by :func:`write_bundle`.

    Args:
        source: the .zip bytes or a path to it.

    Returns:
        The analyses exactly as saved, their labels, the manifest, and warnings when this app's
        engine or lexicons differ from the ones that made the bundle (the saved analysis is shown
        as it was; re-analyse to apply the current rules).

    Raises:
        BundleError: not a zip, not a Framing Lens bundle, or damaged.
    """
    data = Path(source).read_bytes() if isinstance(source, str | Path) else source
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise BundleError("this file is not a .zip analysis bundle") from None
    with zf:
        _check_sizes(zf)
        manifest = _read_json(zf, "manifest.json")
        if not isinstance(manifest, dict) or manifest.get("schema") != BUNDLE_SCHEMA:
            raise BundleError(
                f"this .zip is not a Framing Lens bundle (expected schema {BUNDLE_SCHEMA})"
            )
        analyses, labels = [], []
        for n, entry in enumerate(manifest.get("entries", []), start=1):
            d = _read_json(zf, str(entry.get("analysis")))
            try:
                a = ArticleAnalysis.from_dict(d)
            except (KeyError, TypeError, ValueError) as exc:
                raise BundleError(f"analysis {n} in the bundle is damaged ({exc!r})") from None
            if entry.get("text_sha256") not in (None, _sha(a.text)):
                raise BundleError(f"analysis {n} in the bundle does not match its article text")
            analyses.append(a)
            labels.append(dict(entry.get("labels") or {}))
    if not analyses:
        raise BundleError("the bundle holds no analysis")
    return Bundle(tuple(analyses), tuple(labels), manifest, tuple(_drift(manifest)))


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
