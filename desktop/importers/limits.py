"""How big an import may be, checked before the file is read.

A statement or invoice list is a few thousand lines. A file that is much bigger is a mistake or
an attack, and reading it first is the harm: a 976 KB .xlsx that unpacks to 500 MB of empty rows
kept the program busy for 12 s, a 3 KB .ods that repeats one row 300 000 times fills 160 MB, and
a sheet with one cell in A1 and one in XFD1048576 makes the reader allocate 17 billion cells.
So the zip members are measured first (by the bytes they really unpack to, not what the archive
claims), the sheet XML is scanned as a stream that stops at the first limit, and only then is the
workbook handed to the reader. Each refusal is one sentence for the user.

Text from any file also loses control characters (NUL, BEL, ESC, bidi overrides …): they are
invisible, break later exports and can disguise what a line says.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from desktop.i18n import translate

MAX_FILE_BYTES = 50 * 1024 * 1024  # the file itself (CSV, .xls)
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # all members of an .xlsx / .ods together
MAX_ROWS = 200_000  # the benchmark imports 100,000 invoices in one file
MAX_COLUMNS = 500
MAX_CELLS = 3_000_000  # rows × columns the reader would allocate
CSV_FIELD_CHARS = 131_072  # Python's csv default field limit, named here for the message

_CHUNK = 1 << 16
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


class TooBig(Exception):
    """Raised with the one sentence to show; :mod:`tabular` turns it into ImportRefused."""


def clean(value: object) -> object:
    """Text without control characters (tab and line breaks stay); other values unchanged."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def too_many_rows(name: str) -> TooBig:
    return TooBig(
        translate("imports", "{name} 超过 {n} 行，请按月份拆分后再导入。").format(name=name, n=MAX_ROWS)
    )


def too_many_cells(name: str) -> TooBig:
    return TooBig(
        translate(
            "imports", "{name} 的表格超过 {n} 列或 {cells} 个单元格，请删除多余的行列后再导入。"
        ).format(name=name, n=MAX_COLUMNS, cells=MAX_CELLS)
    )


def check_file(path: Path) -> None:
    """The path is a regular file of a sensible size."""
    if path.is_dir():
        raise TooBig(translate("imports", "{name} 是一个文件夹，请选择其中的文件。").format(name=path.name))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooBig(
            translate("imports", "{name} 有 {size} MB，超过导入上限 {limit} MB。").format(
                name=path.name, size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
            )
        )


def check_shape(name: str, rows: int, columns: int) -> None:
    if rows > MAX_ROWS:
        raise too_many_rows(name)
    if columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise too_many_cells(name)


def check_workbook(path: Path) -> None:
    """Zip-based workbooks (.xlsx, .xlsm, .xlsb, .ods): unpacked size and sheet shapes.

    Anything that is not a zip (.xls) is left to the file-size check and the reader.
    """
    if not zipfile.is_zipfile(path):
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked_limit = _unpacked_too_big(path.name)
            if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                raise unpacked_limit
            budget = [MAX_UNPACKED_BYTES]
            for member in members:
                name = member.filename
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with archive.open(member) as stream:
                        _scan_xlsx_sheet(_measured(stream, budget, unpacked_limit), path.name)
                elif name == "content.xml":
                    with archive.open(member) as stream:
                        _scan_ods_content(_measured(stream, budget, unpacked_limit), path.name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ET.ParseError, OSError, EOFError, ValueError):
        return  # not a workbook we can pre-check: the reader reports it as unreadable


def _unpacked_too_big(name: str) -> TooBig:
    return TooBig(
        translate("imports", "{name} 解压后超过 {limit} MB，不像对账单或发票清单，已拒绝导入。").format(
            name=name, limit=MAX_UNPACKED_BYTES // (1024 * 1024)
        )
    )


def _measured(stream, budget: list[int], error: TooBig):
    """Chunks of ``stream``, counting the bytes really unpacked against the shared budget."""
    while chunk := stream.read(_CHUNK):
        budget[0] -= len(chunk)
        if budget[0] < 0:
            raise error
        yield chunk


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _scan_xlsx_sheet(chunks, name: str) -> None:
    """Scan one worksheet's XML as it unpacks: the declared dimension, how many rows and cells it
    holds and how far they reach. Byte counting and regular expressions, not an XML parser: a
    100,000-row sheet is scanned in a fraction of the time the reader itself takes."""
    tail = b""
    patterns = None
    rows = cells = max_row = max_column = 0
    for chunk in chunks:
        data = tail + chunk
        cut = data.rfind(b"<")
        if cut <= 0 or len(data) - cut > _CHUNK:
            cut = len(data)  # no tag starts in the tail (or an absurdly long one): take it all
        data, tail = data[:cut], data[cut:]
        if patterns is None:  # the first chunk: the root names the prefix, the dimension follows
            root = re.search(rb"<(\w+:)?worksheet[\s>]", data)
            patterns = _xlsx_patterns(root.group(1) or b"" if root else b"")
            for match in patterns[0].finditer(data):
                check_shape(name, int(match.group(2)), _column_number(match.group(1).decode()))
        _, row_tag, row_number, cell_tag, cell_column = patterns
        rows += sum(data.count(t) for t in row_tag)
        numbers = row_number.findall(data)
        if numbers:
            max_row = max(max_row, max(map(int, numbers)))
        cells += sum(data.count(t) for t in cell_tag)
        letters = set(cell_column.findall(data))
        if letters:
            max_column = max(max_column, max(_column_number(x.decode()) for x in letters))
        if rows > MAX_ROWS or max_row > MAX_ROWS:
            raise too_many_rows(name)
        if cells > MAX_CELLS:
            raise too_many_cells(name)
        check_shape(name, max(rows, max_row), max_column)


def _xlsx_patterns(prefix: bytes):
    """Tag patterns for a sheet whose elements carry ``prefix`` (``x:`` in some generators)."""
    p = re.escape(prefix)
    return (
        re.compile(rb"<" + p + rb'dimension\s[^>]*?ref="(?:[^"]*:)?\$?([A-Z]{1,3})\$?(\d+)"'),
        [b"<" + prefix + b"row"],  # also counts a rare <rowBreaks>: harmless
        re.compile(rb"<" + p + rb'row\s[^>]*?(?<=\s)r="(\d+)"'),
        [b"<" + prefix + b"c ", b"<" + prefix + b"c>"],
        re.compile(rb"<" + p + rb'c\s[^>]*?(?<=\s)r="\$?([A-Z]{1,3})'),
    )


def _scan_ods_content(chunks, name: str) -> None:
    """Stream content.xml. Rows count with their repeats up to the last row that holds a value:
    the reader expands empty rows between values but not the trailing empty rows (with a huge
    repeat count) that LibreOffice writes after the data."""
    parser = ET.XMLPullParser(events=("start", "end"))
    position = empty = elements = 0
    for chunk in chunks:
        parser.feed(chunk)
        for event, elem in parser.read_events():
            if elem.tag == _TABLE + "table" and event == "start":
                position = empty = 0
            if elem.tag != _TABLE + "table-row":
                continue
            if event == "start":
                elements += 1
                if elements > MAX_ROWS:
                    raise too_many_rows(name)
                continue
            repeats = int(elem.get(_TABLE + "number-rows-repeated") or 1)
            columns = width = 0
            for cell in elem:
                columns += int(cell.get(_TABLE + "number-columns-repeated") or 1)
                if cell.get(_OFFICE + "value-type") or any(t.tag == _TEXT + "p" for t in cell):
                    width = columns
            if width:
                position += empty + repeats
                empty = 0
                check_shape(name, position, width)
            else:
                empty += repeats
            elem.clear()
