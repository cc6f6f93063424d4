"""Reading a user's text file safely: size limit, missing or binary files, and the encodings that
spreadsheets and editors produce. Every problem is one :class:`~.errors.InputError`."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .i18n import _

MAX_BYTES = 20 * 1024 * 1024  #: larger files are refused with a message, not read


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a text file safely.

    Refuses a missing, empty, oversized or binary file with one clear message. Decodes UTF-8 (with
    or without BOM) or UTF-16 with a BOM, falling back to Windows-1252, which is what Danish and
    Norwegian spreadsheets export.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError.one(p, _("is a folder, not a file"))
        if size > max_bytes:
            raise InputError.one(p, _("file is too large ({size:.1f} MB; the limit is {limit:.0f} MB)").format(size=size / 1e6, limit=max_bytes / 1e6))
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError.one(p, _("no such file")) from None
    except PermissionError:
        raise InputError.one(p, _("permission denied: the file cannot be read")) from None
    except OSError as exc:
        raise InputError.one(p, _("cannot be read ({reason})").format(reason=exc.strerror or exc)) from None
    return decode_bytes(data, p)


def decode_bytes(data: bytes, path: str | Path = "<upload>") -> str:
    """Decode an uploaded or read file, with the same checks as :func:`read_text`."""
    if not data.strip():
        raise InputError.one(path, _("the file is empty"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError.one(path, _("starts with a UTF-16 mark but is not valid UTF-16 text")) from None
    if data.startswith(b"PK\x03\x04"):
        raise InputError.one(path, _("is a ZIP or Excel workbook, not text: save it from the spreadsheet as CSV first"))
    if b"\x00" in data[:8192]:
        raise InputError.one(path, _("is a binary file, not text"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError.one(path, _("is neither UTF-8 nor Windows-1252 text"), line=line) from None


def csv_rows(text: str, path: str | Path, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` for each non-blank CSV row; ``line`` is the physical line the row starts on
    (a quoted text may span lines). A malformed CSV is one :class:`InputError` naming that line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError.one(path, _("malformed CSV ({reason}); is a quote left open?").format(reason=exc), line=start) from None
        if any(cell.strip() for cell in row):
            yield start, row
