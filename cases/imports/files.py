"""Reading an uploaded list: bytes in, a table of text out.

What makes the whole file unusable is refused here, before anything is
stored (FileRefused, a 400 naming the problem): not CSV, XLSX or PFIF XML
(cases/imports/pfif.py) (the content
decides, never the file name), empty, a header only, too large, too many
rows, a header wider than the column limit. What is wrong with one row only
(a formula, an Excel error value, more values than the header has columns)
is noted on that row, and never stops the others.

XLSX is read with openpyxl in read-only mode and with data_only=False, so a
formula is read as its text and never evaluated (nor its cached result
trusted). Merged cells give their value to every cell they cover.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import openpyxl
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from openpyxl.utils.cell import get_column_letter, range_boundaries

from cases.imports.errors import FileRefused

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc: the old binary Office formats
# Files often renamed to .csv or .xlsx by mistake; named so the message can say what they are.
BINARY_MAGIC = {
    b"%PDF": _lazy("a PDF document"),
    b"\x89PNG": _lazy("a PNG image"),
    b"\xff\xd8\xff": _lazy("a JPEG image"),
    b"GIF8": _lazy("a GIF image"),
    b"\x1f\x8b": _lazy("a gzip archive"),
    b"Rar!": _lazy("a RAR archive"),
    b"7z\xbc\xaf": _lazy("a 7-Zip archive"),
    b"MZ": _lazy("a Windows program"),
    b"\x7fELF": _lazy("a program"),
}
SAVE_AS = _lazy("Save the list as CSV (UTF-8) or Excel (.xlsx), or send a PFIF 1.4 XML file.")
XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<")
DELIMITERS = (";", ",", "\t")


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_rows: int
    max_columns: int
    max_unpacked_bytes: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_bytes=settings.IMPORT_MAX_BYTES,
            max_rows=settings.IMPORT_MAX_ROWS,
            max_columns=settings.IMPORT_MAX_COLUMNS,
            max_unpacked_bytes=settings.IMPORT_MAX_UNPACKED_BYTES,
        )

    def describe(self) -> str:
        return _("at most %(mb)d MB, %(rows)d rows and %(columns)d columns") % {
            "mb": self.max_bytes // (1024 * 1024),
            "rows": self.max_rows,
            "columns": self.max_columns,
        }

    def check_size(self, size: int) -> None:
        if size > self.max_bytes:
            raise FileRefused(
                _("The file is %(size)d bytes; a list may be %(limits)s.")
                % {"size": size, "limits": self.describe()}
            )

    def too_many_rows(self) -> FileRefused:
        return FileRefused(
            _("The file has more than %(rows)d rows; a list may be %(limits)s. Split it.")
            % {"rows": self.max_rows, "limits": self.describe()}
        )


def looks_like_xml(data: bytes) -> bool:
    return bool(XML_START.match(data[:1024]))


def not_a_list(what: str = "") -> FileRefused:
    if what:
        return FileRefused(
            _("This is not a CSV or XLSX file but %(what)s. %(save_as)s")
            % {"what": what, "save_as": SAVE_AS}
        )
    return FileRefused(_("This is not a CSV or XLSX file. %(save_as)s") % {"save_as": SAVE_AS})


def damaged() -> FileRefused:
    return FileRefused(_("The Excel workbook cannot be read; it may be damaged."))


def empty() -> FileRefused:
    return FileRefused(_("The file is empty."))


@dataclass
class RawRow:
    line: int
    cells: list[str]
    problems: list[str] = field(default_factory=list)


@dataclass
class Table:
    kind: str
    header: list[str]
    rows: list[RawRow]
    encoding: str = ""
    delimiter: str = ""
    # Set when the format names its own fields (PFIF); else found by the header.
    columns: dict[str, Any] | None = None


def read_table(data: bytes, *, limits: Limits) -> Table:
    if not data.strip():
        raise empty()
    limits.check_size(len(data))
    if looks_like_xml(data):
        from cases.imports.pfif import read_pfif  # it builds on this module's Table

        return read_pfif(data, limits=limits)
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data, limits)
    if data.startswith(OLE_MAGIC):
        raise FileRefused(
            _("This is an old Excel (.xls) or Word file; save the list as .xlsx or CSV (UTF-8).")
        )
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise not_a_list(str(what))
    return _read_csv(data, limits)


# --- table shape, shared by CSV and XLSX ----------------------------------------


def _is_blank(cells: Iterable[str]) -> bool:
    return not any(cells)


def _trim(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _table(kind: str, lines: Iterable[RawRow], limits: Limits, **how: str) -> Table:
    """The first non-blank row is the header; blank rows are not rows."""
    rows = (r for r in lines if not _is_blank(r.cells))
    first = next(rows, None)
    if first is None:
        raise empty()
    header = _trim(first.cells)
    if len(header) > limits.max_columns:
        raise FileRefused(
            _("The header (line %(line)d) has over %(most)d columns; a list may be %(limits)s.")
            % {"line": first.line, "most": limits.max_columns, "limits": limits.describe()}
        )
    body = list(_bounded(_fit(rows, len(header), limits.max_columns), limits))
    if not body:
        raise FileRefused(_("The file has a header but no rows."))
    return Table(kind=kind, header=header, rows=body, **how)  # type: ignore[arg-type]


def _fit(rows: Iterable[RawRow], width: int, most: int) -> Iterator[RawRow]:
    for row in rows:
        cells = _trim(row.cells)
        if len(cells) > most:  # rows are read up to one past the limit
            row.problems.append(
                _("this row has values in more than %(most)d columns; the header names %(width)d")
                % {"most": most, "width": width}
            )
        elif len(cells) > width:
            row.problems.append(
                _("this row has values in %(count)d columns; the header names %(width)d")
                % {"count": len(cells), "width": width}
            )
        row.cells = cells[:width] + [""] * (width - len(cells))
        yield row


def _bounded(rows: Iterable[RawRow], limits: Limits) -> Iterator[RawRow]:
    for count, row in enumerate(rows, start=1):
        if count > limits.max_rows:
            raise limits.too_many_rows()
        yield row


def _clean(text: str) -> str:
    # NFC: the same letter typed two ways (é, ё) is one letter.
    return unicodedata.normalize("NFC", " ".join(text.split()))


# --- CSV ---------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251, the
    Cyrillic code page Excel writes 'CSV' in on Russian Windows."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise not_a_list()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _strict(data, "cp1251"), "cp1251"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise FileRefused(
            _("The file is not readable text in %(encoding)s. %(save_as)s")
            % {"encoding": encoding, "save_as": SAVE_AS}
        ) from None


def _looks_like_text(text: str) -> bool:
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n\f" for ch in text)


def _delimiter(text: str) -> str:
    """The separator the header line uses most: `;` (Excel in most of
    Europe and the former USSR), `,` or a tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(data: bytes, limits: Limits) -> Table:
    text, encoding = _decode(data)
    if not _looks_like_text(text):
        raise not_a_list()
    delimiter = _delimiter(text)
    rows = _csv_rows(text, delimiter, limits.max_columns + 1)
    return _table("csv", rows, limits, encoding=encoding, delimiter=delimiter)


def _csv_rows(text: str, delimiter: str, width: int) -> Iterator[RawRow]:
    """Rows cut one past the column limit, as XLSX rows are: a too-wide row
    is seen as such without keeping all of it."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            yield RawRow(line=start, cells=[_clean(c) for c in cells[:width]])
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileRefused(
            _("Line %(line)d cannot be read as CSV: %(error)s.") % {"line": start, "error": exc}
        ) from None


# --- XLSX --------------------------------------------------------------------------


def _read_xlsx(data: bytes, limits: Limits) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise not_a_list(_("a damaged ZIP archive")) from None
    with archive:
        _check_workbook(archive, limits)
        merges = _merged_ranges(archive)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged workbook
        raise damaged() from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a declared size is not trusted: read what is there
        rows = list(_sheet_rows(sheet, limits))
    except FileRefused:
        raise
    except Exception:
        raise damaged() from None
    finally:
        workbook.close()
    return _table("xlsx", _fill_merged(rows, merges, limits.max_columns + 1), limits)


def _check_workbook(archive: zipfile.ZipFile, limits: Limits) -> None:
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names:
        raise not_a_list(_("a ZIP archive of something else"))
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > limits.max_unpacked_bytes:
        raise FileRefused(
            _("The workbook unpacks to %(size)d bytes, more than the %(limit)d a list may take.")
            % {"size": unpacked, "limit": limits.max_unpacked_bytes}
        )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first_sheet_path(archive: zipfile.ZipFile) -> str | None:
    """The part of the first sheet, the one openpyxl reads as worksheets[0]."""
    # expat (2.4+) refuses entity-expansion bombs; these parts are small.
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))  # noqa: S314
    sheet = next((el for el in workbook.iter() if _local(el.tag) == "sheet"), None)
    if sheet is None:
        return None
    rel_id = next((v for k, v in sheet.attrib.items() if _local(k) == "id"), None)
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))  # noqa: S314
    target = next((el.get("Target") for el in rels.iter() if el.get("Id") == rel_id), None)
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z0-9:$]+)\"")
CHUNK = 1 << 20


def _merged_ranges(archive: zipfile.ZipFile) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of each merged range of the first
    sheet. Read-only openpyxl does not report them; they are found in the
    sheet's XML, streamed in chunks (they follow the rows, at its end)."""
    try:
        path = _first_sheet_path(archive)
        if path is None:
            return []
        refs: list[bytes] = []
        tail = b""
        with archive.open(path) as part:
            while chunk := part.read(CHUNK):
                text = tail + chunk
                # Keep an unfinished element for the next chunk.
                cut = max(len(text) - 512, text.rfind(b">") + 1)
                refs += [m.group(1) for m in MERGE_CELL.finditer(text, 0, cut)]
                tail = text[cut:]
        refs += [m.group(1) for m in MERGE_CELL.finditer(tail)]
        return [_bounds(ref.decode("ascii")) for ref in refs if b":" in ref]
    except (KeyError, ET.ParseError, ValueError, zipfile.BadZipFile):
        raise damaged() from None


def _bounds(ref: str) -> tuple[int, int, int, int]:
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if None in (min_col, min_row, max_col, max_row):
        raise ValueError(ref)
    return min_col, min_row, max_col, max_row


def _sheet_rows(sheet: Any, limits: Limits) -> Iterator[RawRow]:
    # Rows come as wide as their last cell (no padding to a declared size);
    # past the column limit nothing is read, but a too-wide row is seen as such.
    width = limits.max_columns + 1
    non_blank = 0
    for number, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
        row = RawRow(line=number, cells=[])
        for column, cell in enumerate(cells[:width], start=1):
            row.cells.append(_cell_text(cell, column, number, row.problems))
        non_blank += not _is_blank(row.cells)
        if non_blank > limits.max_rows + 1:  # + the header
            raise limits.too_many_rows()
        yield row


def _cell_text(cell: Any, column: int, line: int, problems: list[str]) -> str:
    value = getattr(cell, "value", None)
    if value is None:  # most cells of a padded row: the fast way out
        return ""
    kind = getattr(cell, "data_type", None)
    where = f"{get_column_letter(column)}{line}"
    if kind == "f":
        problems.append(
            _(
                "cell %(cell)s holds a formula (%(formula)s); formulas are never evaluated: "
                "type the value itself"
            )
            % {"cell": where, "formula": value}
        )
        return _clean(str(value))
    if kind == "e":
        problems.append(
            _("cell %(cell)s holds an Excel error (%(value)s)") % {"cell": where, "value": value}
        )
        return _clean(str(value))
    return _as_text(value)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value))


def _fill_merged(
    rows: list[RawRow], merges: list[tuple[int, int, int, int]], width: int
) -> list[RawRow]:
    """A merged range's value (kept in its first cell) belongs to every row
    and column it covers: a place written once for a group of men is each
    man's place."""
    by_line = {row.line: row for row in rows}
    for min_col, min_row, max_col, max_row in merges:
        origin = by_line.get(min_row)
        if origin is None or len(origin.cells) < min_col:
            continue
        value = origin.cells[min_col - 1]
        for line in range(min_row, max_row + 1):
            target = by_line.get(line)
            if target is None:
                continue
            last = min(max_col, width)
            target.cells += [""] * (last - len(target.cells))
            for col in range(min_col, last + 1):
                if not target.cells[col - 1]:
                    target.cells[col - 1] = value
    return rows
