"""Reading .zip files (Word .docx, analysis bundles) without trusting what they say of themselves.

A zip file declares each member's name, compression method and sizes in its central directory;
a hostile one lies (a 357 KB .docx whose ``document.xml`` inflates to 100 MB, member names like
``../../etc/passwd``, methods zipfile cannot decode). :func:`open_zip` checks the whole directory
before a single byte is decompressed, and :meth:`BoundedZip.read` decompresses in chunks with a
running total, so no member and no archive can grow past its limits however it is built (see
https://www.bamsoftware.com/hacks/zipbomb/ for the overlapping-member bombs this also stops).
Every problem is an :class:`ArchiveError` whose message names the member and says what is wrong.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

CHUNK = 64 * 1024
RATIO_FLOOR = 1024 * 1024
"""Members smaller than this (decoded) are never refused for their compression ratio."""

METHOD_NAMES = {
    zipfile.ZIP_BZIP2: "bzip2",
    zipfile.ZIP_LZMA: "LZMA",
    9: "Deflate64",
    93: "Zstandard",
    98: "PPMd",
}
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """How much a zip may hold: member count, decoded bytes per member and in all, inflation."""

    max_members: int
    max_member_bytes: int
    max_total_bytes: int
    max_ratio: int = 200


class ArchiveError(ValueError):
    """A zip that is refused; ``member`` is the offending member's name (None: the whole file)."""

    def __init__(self, message: str, member: str | None = None) -> None:
        super().__init__(message)
        self.member = member


def _mb(n: int) -> str:
    """A byte count for messages: MB, or KB/bytes when small."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name must not be used (absolute, ``..``, drive letter, NUL), or None."""
    if not name or "\x00" in name:
        return "has an empty or corrupt name"
    parts = re.split(r"[\\/]", name)
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return "has an absolute path as its name"
    if ".." in parts:
        return "has a name that climbs out of the archive ('..')"
    return None


def _check_member(info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    """Refuse one central-directory entry before anything is decompressed."""
    name = info.filename
    reason = unsafe_name_reason(name)
    if reason:
        raise ArchiveError(f"{name!r} {reason}", name)
    if info.flag_bits & 0x1:
        raise ArchiveError(f"{name} is password-protected", name)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        method = METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        raise ArchiveError(
            f"{name} is compressed with {method}, which is not supported (only the usual "
            "'deflate' zip compression is)",
            name,
        )
    if info.file_size > limits.max_member_bytes:
        raise ArchiveError(
            f"{name} would unpack to {_mb(info.file_size)}, more than the "
            f"{_mb(limits.max_member_bytes)} allowed for one part",
            name,
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
        raise ArchiveError(
            f"{name} would inflate {ratio:,.0f} times (from {_mb(info.compress_size)} to "
            f"{_mb(info.file_size)}), which only deliberately built 'zip bombs' do",
            name,
        )


class BoundedZip:
    """A zip whose directory passed :func:`open_zip`; members are read with running totals."""

    def __init__(self, zf: zipfile.ZipFile, limits: ZipLimits) -> None:
        self._zf = zf
        self._limits = limits
        self._read_total = 0
        self.names: tuple[str, ...] = tuple(i.filename for i in zf.infolist())

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """The decoded bytes of one member, stopped as soon as any limit would be passed.

        Raises:
            ArchiveError: no such member, damaged data, or a limit reached while reading.
        """
        try:
            info = self._zf.getinfo(name)
        except KeyError:
            raise ArchiveError(f"{name} is missing", name) from None
        out = bytearray()
        cap = min(info.file_size, self._limits.max_member_bytes)
        try:
            with self._zf.open(info) as fh:
                while chunk := fh.read(CHUNK):
                    out += chunk
                    self._read_total += len(chunk)
                    if len(out) > cap:
                        raise ArchiveError(f"{name} holds more data than it declares", name)
                    if self._read_total > self._limits.max_total_bytes:
                        raise ArchiveError(
                            f"reading {name} passed the {_mb(self._limits.max_total_bytes)} "
                            "limit for the whole archive",
                            name,
                        )
        except ArchiveError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            RuntimeError,
            NotImplementedError,
            struct.error,
        ) as exc:
            raise ArchiveError(f"{name} is damaged ({_why(exc)})", name) from None
        return bytes(out)

    def read_all(self) -> dict[str, bytes]:
        """Every member's bytes (directories skipped), within the limits."""
        return {n: self.read(n) for n in self.names if not n.endswith("/")}

    def close(self) -> None:
        """Release the underlying zipfile."""
        self._zf.close()

    def __enter__(self) -> BoundedZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _why(exc: BaseException) -> str:
    """A short reason from a decoder exception, for messages."""
    text = str(exc).strip().rstrip(".")
    return text[:120] if text else type(exc).__name__


def open_zip(data: bytes, limits: ZipLimits) -> BoundedZip:
    """Open zip bytes after checking every central-directory entry against ``limits``.

    Args:
        data: the whole file.
        limits: member count, per-member and total decoded bytes, compression ratio.

    Returns:
        A :class:`BoundedZip` to read members from.

    Raises:
        ArchiveError: not a zip, too many members, an unsafe or duplicated name, encryption, an
            unsupported compression method, or declared sizes over the limits.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ArchiveError(f"it is not a readable .zip file ({_why(exc)})") from None
    except NotImplementedError as exc:  # e.g. "zip file version 8.4" (found by fuzzing)
        raise ArchiveError(f"it uses a .zip feature that is not supported ({_why(exc)})") from None
    except (zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise ArchiveError(f"it is a damaged .zip file ({_why(exc)})") from None
    try:
        if len(infos) > limits.max_members:
            raise ArchiveError(
                f"it holds {len(infos):,} parts; at most {limits.max_members:,} are read"
            )
        seen: set[str] = set()
        for info in infos:
            if info.filename in seen:
                raise ArchiveError(f"{info.filename} appears twice", info.filename)
            seen.add(info.filename)
            _check_member(info, limits)
        total = sum(i.file_size for i in infos)
        if total > limits.max_total_bytes:
            raise ArchiveError(
                f"it would unpack to {_mb(total)}, more than the {_mb(limits.max_total_bytes)} "
                "limit"
            )
    except ArchiveError:
        zf.close()
        raise
    return BoundedZip(zf, limits)
