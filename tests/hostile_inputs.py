"""Valid inputs and the surgery that makes them hostile: shared by the hostile-input and fuzz tests.

Every builder starts from a *real* file (python-docx's own .docx, a PDF with a text layer, a bundle
written by ``write_bundle``) and changes one thing, the way an attacker or a broken tool would.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
ENGLISH = (
    "The minister said on Wednesday that the talks would continue next week. Officials from "
    "both countries met in the capital, and a spokesman told reporters that there had been "
    "progress on several of the questions that were still open."
)


@cache
def valid_docx(text: str = ENGLISH, title: str = "Minister speaks") -> bytes:
    """A real .docx made by python-docx."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for part in text.split(". "):
        document.add_paragraph(part)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@cache
def valid_pdf(text: str = ENGLISH, title: str = "Minister speaks") -> bytes:
    """A one-page PDF with a real text layer (the conftest builder)."""
    from tests.conftest import build_pdf, wrap_lines

    return build_pdf(wrap_lines(text), title=title)


def valid_html(text: str = ENGLISH) -> bytes:
    """A small news page."""
    return (
        "<html><head><title>Talks continue</title></head><body><article>"
        + f"<p>{text}</p>" * 4
        + "</article></body></html>"
    ).encode()


def zip_members(data: bytes) -> dict[str, bytes]:
    """Every member of a (trusted, test-made) zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(
    data: bytes,
    *,
    replace: Mapping[str, bytes] | None = None,
    add: Mapping[str, bytes] | None = None,
    drop: Sequence[str] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """The zip with members replaced, added or dropped (everything else kept as it was)."""
    members = zip_members(data)
    for name in drop:
        members.pop(name, None)
    members.update(replace or {})
    members.update(add or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def _central_entries(data: bytes) -> list[tuple[int, str]]:
    """(offset, name) of every central-directory header."""
    out = []
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        name = data[pos + 46 : pos + 46 + name_len].decode("utf-8", "replace")
        out.append((pos, name))
        pos = data.find(b"PK\x01\x02", pos + 46 + name_len)
    return out


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """The zip with ``member``'s declared (uncompressed) size changed in the central directory."""
    out = bytearray(data)
    for pos, name in _central_entries(data):
        if name == member:
            struct.pack_into("<I", out, pos + 24, size & 0xFFFFFFFF)
    return bytes(out)


def set_version(data: bytes, member: str, version: int) -> bytes:
    """The zip with ``member``'s "version needed to extract" changed (central directory)."""
    out = bytearray(data)
    for pos, name in _central_entries(data):
        if name == member:
            struct.pack_into("<H", out, pos + 6, version)
    return bytes(out)


def set_method(data: bytes, member: str, method: int) -> bytes:
    """The zip with ``member``'s compression method changed (local and central headers)."""
    out = bytearray(data)
    for pos, name in _central_entries(data):
        if name == member:
            struct.pack_into("<H", out, pos + 10, method)
            local = struct.unpack_from("<I", data, pos + 42)[0]
            struct.pack_into("<H", out, local + 8, method)
    return bytes(out)


def rename_member(data: bytes, member: str, new: str) -> bytes:
    """The zip with ``member`` stored under another name (``../`` names are the point)."""
    members = zip_members(data)
    body = members.pop(member)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
        info = zipfile.ZipInfo(new)
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, body)
    return buf.getvalue()


def bomb_member(size: int) -> bytes:
    """XML that compresses to almost nothing and inflates to ``size`` bytes."""
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
    head += b'wordprocessingml/2006/main"><w:body>'
    tail = b"</w:body></w:document>"
    return head + b"<w:p/>" * ((size - len(head) - len(tail)) // 6) + tail
