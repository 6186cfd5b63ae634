"""Read the messy spreadsheets finance receives and turn them into typed lines.

VAT e-invoice lists and bank/card statements arrive as .xlsx, legacy .xls, .ods or CSV in
UTF-8 or GBK, with title rows and merged banners above the header, 合计 rows below, amounts as
text ("¥1,234.50", "(1,234.50)") and dates as Excel serial numbers or "2026年11月3日". This module
finds the header, maps columns to fields by their Chinese or English names, parses every cell,
and reports each problem with its row and column. It writes nothing: :mod:`desktop.services.imports`
decides duplicates and commits.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from operator import add, itemgetter, sub
from pathlib import Path

from desktop.i18n import translate
from desktop.importers import limits
from desktop.importers.cells import (  # noqa: F401 - the one-cell readers, used here and re-exported
    BAD,
    CODE_LENGTHS,
    EXACT_DIGITS,
    EXCEL_EPOCH,
    _text,
    amounts,
    code_text,
    codes,
    dates,
    parse_amount,
    parse_date,
    texts,
)

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt"}
HEADER_SCAN_ROWS = 30

# field → header names (Chinese and English), compared after normalising (see _norm).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "invoice_code": ("发票代码", "invoicecode"),
    "invoice_no": ("发票号码", "发票号", "数电票号码", "全电发票号码", "invoiceno", "invoicenumber"),
    "date": (
        "开票日期",
        "交易日期",
        "记账日期",
        "交易时间",
        "日期",
        "date",
        "invoicedate",
        "transactiondate",
    ),
    "vendor": (
        "销方名称",
        "销售方名称",
        "销方",
        "对方户名",
        "对方名称",
        "对方账户名称",
        "商户名称",
        "收款方",
        "vendor",
        "seller",
        "counterparty",
        "payee",
        "merchant",
    ),
    "memo": (
        "摘要",
        "交易摘要",
        "用途",
        "备注",
        "货物或应税劳务名称",
        "项目名称",
        "memo",
        "description",
        "remarks",
    ),
    "amount": ("金额", "不含税金额", "amount", "netamount"),
    "tax": ("税额", "tax", "taxamount"),
    "total": ("价税合计", "含税金额", "合计金额", "total", "grossamount"),
    "debit": ("支出", "借方", "支出金额", "借方金额", "付款金额", "debit", "withdrawal", "paidout"),
    "credit": ("存入", "贷方", "收入金额", "存入金额", "贷方金额", "收款金额", "credit", "deposit", "paidin"),
}
TOTAL_WORDS = ("合计", "总计", "本期合计", "小计", "本页合计", "累计")


class ImportRefused(Exception):
    """The file cannot be imported at all; the message is one sentence for the user."""


@dataclass
class Line:
    row: int  # 1-based, as Excel shows it
    date: dt.date | None = None
    invoice_code: str | None = None
    invoice_no: str | None = None
    vendor: str | None = None
    memo: str | None = None
    amount: Decimal | None = None
    tax: Decimal | None = None
    total: Decimal | None = None
    status: str = "new"  # new | duplicate | error
    reason: str = ""

    def content_hash(self) -> str:
        """Statement lines have no id: date, amount, counterparty and memo identify them."""
        return content_hashes([self])[0]


def content_hashes(lines: list[Line]) -> list[str]:
    """Line.content_hash of each line, without a call per line (a commit stores 100,000).
    ``f"{x}"`` is str(x) for the values a line holds."""
    sha = hashlib.sha256
    return [
        sha(f"{x.date or ''}|{x.amount or ''}|{x.vendor or ''}|{x.memo or ''}".encode()).hexdigest()[:32]
        for x in lines
    ]


@dataclass
class Parsed:
    file: str
    encoding: str | None
    sheet: str | None
    header_row: int  # 1-based
    headers: list[str]
    columns: dict[str, str]  # field → header text
    kind: str  # invoice | statement
    lines: list[Line] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    mapping: dict[str, int] = field(default_factory=dict)  # field → column index, as read

    def signature(self) -> str:
        """Identifies files with the same layout, to propose a saved mapping profile again."""
        return "|".join(_norm(h) for h in self.headers if _norm(h))


def _norm(text: object) -> str:
    value = str(text or "").strip().lower()
    value = re.sub(r"[（(][^）)]*[）)]", "", value)  # units like （元）
    return re.sub(r"[\s_:：/\\.\-]+", "", value)


# ------------------------------------------------------------------ reading


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (a superset of GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        raise ImportRefused(
            translate("imports", "无法识别文件编码，请指定编码（如 GBK 或 UTF-8）。")
        ) from None


def read_rows(
    path: Path, *, sheet: str | None = None, encoding: str | None = None
) -> tuple[list[list[object]], str | None, str | None]:
    """(rows, sheet name, encoding). Workbooks via python-calamine; CSV decoded and sniffed."""
    path = Path(path)
    if not path.exists():
        raise ImportRefused(translate("imports", "文件不存在：{path}").format(path=path))
    try:
        rows, name, used = _read_rows(path, sheet, encoding)
    except limits.TooBig as exc:
        raise ImportRefused(str(exc)) from None
    return _cleaned(rows), name, used


def _cleaned(rows: list[list[object]]) -> list[list[object]]:
    """``rows`` with control characters taken out of every text cell (see limits.clean). Files
    almost never have any, so all the text is searched once before any cell is rewritten."""
    text = "\n".join([c for r in rows for c in r if isinstance(c, str)])  # line breaks stay anyway
    if limits.clean(text) == text:
        return rows
    return [[limits.clean(c) for c in r] for r in rows]


def _read_rows(
    path: Path, sheet: str | None, encoding: str | None
) -> tuple[list[list[object]], str | None, str | None]:
    limits.check_file(path)
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        from python_calamine import CalamineWorkbook

        limits.check_workbook(path)
        try:
            workbook = CalamineWorkbook.from_path(str(path))
        except Exception:  # noqa: BLE001 - calamine raises several types for a bad file
            raise ImportRefused(
                translate("imports", "{name} 不是可读取的电子表格文件。").format(name=path.name)
            ) from None
        names = workbook.sheet_names
        if not names:
            raise ImportRefused(translate("imports", "{name} 中没有工作表。").format(name=path.name))
        name = sheet or names[0]
        if name not in names:
            raise ImportRefused(
                translate("imports", "没有名为“{sheet}”的工作表（有：{names}）。").format(
                    sheet=name, names="、".join(names)
                )
            )
        found = workbook.get_sheet_by_name(name)
        limits.check_shape(path.name, found.height, found.width)  # before any cell becomes Python
        rows = found.to_python(skip_empty_area=False)  # a new list per row
        return rows, name, None
    if suffix in CSV_SUFFIXES:
        data = path.read_bytes()
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ImportRefused(
                translate("imports", "{name} 不是文本格式的 CSV 文件。").format(name=path.name)
            )
        used = encoding or detect_encoding(data)
        try:
            text = data.decode(used)
        except (UnicodeDecodeError, LookupError):
            raise ImportRefused(
                translate("imports", "无法用 {enc} 编码读取 {name}。").format(enc=used, name=path.name)
            ) from None
        text = limits.clean(text)  # a NUL after the first 4 KB, an ESC, a bidi override
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return _csv_rows(path.name, text, dialect), None, used
    raise ImportRefused(
        translate("imports", "{name} 不是电子表格（支持 .xlsx、.xls、.ods、.csv）。").format(name=path.name)
    )


def _csv_rows(name: str, text: str, dialect) -> list[list[object]]:
    """Every row, refusing an overlong field (a missing newline or quote) or too large a table."""
    rows: list[list[object]] = []
    reader = csv.reader(io.StringIO(text), dialect)
    cells = 0
    try:
        for row in reader:
            rows.append(row)
            cells += len(row)
            if len(row) > limits.MAX_COLUMNS or cells > limits.MAX_CELLS:
                raise limits.too_many_cells(name)
            if len(rows) > limits.MAX_ROWS:
                raise limits.too_many_rows(name)
    except csv.Error:
        raise ImportRefused(
            translate(
                "imports",
                "{name} 第 {line} 行无法按 CSV 读取：字段超过 {n} 个字符或引号不配对，请检查换行和引号。",
            ).format(name=name, line=reader.line_num, n=limits.CSV_FIELD_CHARS)
        ) from None
    return rows


# ------------------------------------------------------------------ header and mapping


def match_field(header: object) -> str | None:
    text = _norm(header)
    if not text:
        return None
    for field_name, names in SYNONYMS.items():
        if text in names:
            return field_name
    for field_name, names in SYNONYMS.items():  # "开票日期（yyyy-mm-dd）" and similar
        if any(len(n) >= 2 and text.startswith(n) for n in names):
            return field_name
    return None


def find_header(rows: list[list[object]]) -> int:
    """Index of the row that names the most known fields (at least two), within the first rows."""
    best, best_score = -1, 1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = {match_field(c) for c in row} - {None}
        if len(fields) > best_score:
            best, best_score = i, len(fields)
    if best < 0:
        raise ImportRefused(
            translate(
                "imports",
                "找不到表头：前 {n} 行中没有可识别的列名（如 发票号码、开票日期、金额、交易日期、摘要）。",
            ).format(n=HEADER_SCAN_ROWS)
        )
    return best


def propose_mapping(headers: list[object]) -> dict[str, int]:
    """field → column index; the first column matching a field wins."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field_name = match_field(header)
        if field_name and field_name not in mapping:
            mapping[field_name] = index
    return mapping


# ------------------------------------------------------------------ rows that are not lines


def _is_note_row(cells: list[object], columns: dict[str, int]) -> str | None:
    """A sentence under or between the data — "本对账单仅供参考，以银行记录为准。", "打印时间：…" —
    not a line: every amount column is empty, there is no invoice number, no date can be read,
    and only one cell is filled. Returns that text, or None."""

    def at(name: str) -> object:
        return cells[columns[name]] if name in columns and columns[name] < len(cells) else None

    filled: list[object] = []
    for c in cells:  # stops at the second filled cell: a data line has many (runs on every row)
        if c is not None and (not isinstance(c, str) or c.strip()):
            if filled:
                return None
            filled.append(c)
    if len(filled) != 1 or not isinstance(filled[0], str):
        return None
    if any(at(n) not in (None, "") for n in ("amount", "tax", "total", "debit", "credit", "invoice_no")):
        return None
    try:
        if parse_date(at("date")) is not None:
            return None
    except (ValueError, OverflowError):
        pass
    try:  # a lone number is a line missing its other cells, reported as such
        parse_amount(filled[0])
        return None
    except ValueError:
        return filled[0].strip()


_TOTAL_FIRST = frozenset(w[0] for w in TOTAL_WORDS)


def _is_total_row(row: list[object]) -> bool:
    """A 合计/小计… row (whitespace inside the word ignored). Runs on every cell of every row, so
    only text cells whose first visible character can start such a word are looked at further."""
    for cell in row:
        if not isinstance(cell, str):
            continue  # numbers, dates, None: never a total word
        text = cell.lstrip()
        if text and text[0] in _TOTAL_FIRST and "".join(text.split()).startswith(TOTAL_WORDS):
            return True
    return False


# ------------------------------------------------------------------ the whole file


def parse(
    path: Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Parsed:
    """Read ``path`` into lines. ``header_row`` (1-based) and ``mapping`` override detection.

    ``progress(done, total)`` is called as the rows are read (see :func:`read_lines`)."""
    path = Path(path)
    rows, sheet_name, used = read_rows(path, sheet=sheet, encoding=encoding)
    parsed = layout(path.name, rows, sheet_name, used, header_row=header_row, mapping=mapping)
    read_lines(parsed, rows, progress)
    return parsed


def layout(
    name: str,
    rows: list[list[object]],
    sheet_name: str | None,
    encoding: str | None,
    *,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
) -> Parsed:
    """The header and the columns' fields of rows read from file ``name``, checked; no lines yet.
    Apart from :func:`read_lines`, so a saved mapping that fits the header is used without
    reading the file or its lines twice."""
    if not any(any(str(c).strip() for c in r if c is not None) for r in rows):
        raise ImportRefused(translate("imports", "{name} 是空的。").format(name=name))
    index = header_row - 1 if header_row else find_header(rows)
    if not 0 <= index < len(rows):
        raise ImportRefused(translate("imports", "第 {n} 行不存在。").format(n=header_row))
    headers = [str(h).strip() if h is not None else "" for h in rows[index]]
    columns = mapping if mapping is not None else propose_mapping(headers)
    has_amount = any(k in columns for k in ("amount", "total", "debit", "credit"))
    if "date" not in columns or not has_amount:
        raise ImportRefused(
            translate("imports", "第 {n} 行的表头缺少日期或金额列，请在映射中指定。").format(n=index + 1)
        )
    kind = "invoice" if "invoice_no" in columns else "statement"
    return Parsed(
        str(name),
        encoding,
        sheet_name,
        index + 1,
        headers,
        {f: headers[i] for f, i in columns.items() if i < len(headers)},
        kind,
        mapping=columns,
    )


def read_lines(
    parsed: Parsed, rows: list[list[object]], progress: Callable[[int, int], None] | None = None
) -> None:
    """Read the rows under ``parsed``'s header into its lines and skipped rows.

    ``progress(done, total)`` (rows) is called before the first and after every
    :data:`BLOCK_ROWS` rows; it may raise to cancel."""
    body = rows[parsed.header_row :]
    if progress is not None:
        progress(0, len(body))
    for start in range(0, len(body), BLOCK_ROWS):
        _read_block(body[start : start + BLOCK_ROWS], parsed.header_row + 1 + start, parsed, parsed.mapping)
        if progress is not None:
            progress(min(start + BLOCK_ROWS, len(body)), len(body))


# Rows read as one block: column by column, so a cell costs no function call of its own. Also the
# step of the preview's progress bar and Cancel.
BLOCK_ROWS = 5000
# Text whose first character is one of these may be (part of) a blank or 合计 cell: its row is
# checked one cell at a time. str.isspace() is true for none above U+3000.
_SPECIAL_FIRST = _TOTAL_FIRST | frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())
_SPECIAL_START = re.compile("\x00[" + re.escape("".join(sorted(_SPECIAL_FIRST))) + "]")


def _read_block(block: list[list[object]], first_row: int, parsed: Parsed, columns: dict[str, int]) -> None:
    """Append the lines and skipped rows of ``block`` (rows ``first_row``… of the file) to ``parsed``.

    The same result as checking and reading every row cell by cell (blank → 合计 → note → line),
    faster: only rows that can be blank, a total or a note are checked one by one, and the lines
    are read a column at a time (:mod:`desktop.importers.cells`).
    """
    width = len(parsed.headers)
    # As the one-row reading sees them: short rows padded to the header's width.
    rows = [r if len(r) >= width else [*r, *([None] * (width - len(r)))] for r in block]
    widest = max(map(len, rows), default=0)
    same = widest if all(len(r) == widest for r in rows) else None  # rows of one length: faster
    data = _lines_among(rows, first_row, parsed, columns, same)
    if data:
        lines = rows if len(data) == len(rows) else [rows[k] for k in data]
        parsed.lines.extend(_read_lines(lines, [first_row + k for k in data], parsed, columns, same))


def _lines_among(
    rows: list[list[object]], first_row: int, parsed: Parsed, columns: dict[str, int], same: int | None
) -> list[int]:
    """Positions of the rows that are lines; the others go to ``parsed.skipped`` with their reason.

    A blank, 合计 or note row has at most one filled cell, or a text cell whose first character is
    a space or a total word's first; only those rows are looked at cell by cell.
    """
    empty = map(add, map(list.count, rows, repeat(None)), map(list.count, rows, repeat("")))
    # '' and None are empty; text of spaces is too, and its row is found by its first character
    check = {k for k, filled in enumerate(map(sub, map(len, rows), empty)) if filled <= 1}
    for j in range(max(map(len, rows), default=0)):
        column = _column(rows, j, same)
        text = [c for c in column if c.__class__ is str]
        if text and _SPECIAL_START.search("\x00" + "\x00".join(text)):  # one search per column first
            check.update(k for k, c in enumerate(column) if c.__class__ is str and c[:1] in _SPECIAL_FIRST)
    skip: set[int] = set()
    for k in sorted(check):
        cells, offset = rows[k], first_row + k
        if not any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells):
            parsed.skipped.append((offset, translate("imports", "空行")))
        elif _is_total_row(cells):
            parsed.skipped.append((offset, translate("imports", "合计行")))
        elif (note := _is_note_row(cells, columns)) is not None:
            parsed.skipped.append(
                (offset, translate("imports", "说明文字，不是数据行：“{text}”").format(text=note))
            )
        else:
            continue
        skip.add(k)
    return [k for k in range(len(rows)) if k not in skip] if skip else list(range(len(rows)))


def _read_lines(
    lines: list[list[object]], numbers: list[int], parsed: Parsed, columns: dict[str, int], same: int | None
) -> list[Line]:
    """The lines of these rows (``numbers``: their row in the file), as :func:`_line` reads them.

    A line with a cell that cannot be read, or with something missing, is read again by
    :func:`_line`, which words the problem.
    """
    nothing = [None] * len(lines)

    def field(name: str, read) -> list[object]:
        # a field without a column reads as an empty cell: None whichever way it is read
        return read(_column(lines, columns[name], same)) if name in columns else nothing

    def marked(values: list[object]) -> list[object]:
        wrong = [j for j, v in enumerate(values) if v is BAD]
        if not wrong:
            return values
        redo.update(wrong)
        return [None if v is BAD else v for v in values]

    redo: set[int] = set()
    date = marked(field("date", dates))
    code = marked(field("invoice_code", lambda c: codes(c, "invoice_code")))
    number = marked(field("invoice_no", lambda c: codes(c, "invoice_no")))
    amount, tax, total, debit, credit = (
        marked(field(name, amounts)) for name in ("amount", "tax", "total", "debit", "credit")
    )
    vendor, memo = field("vendor", texts), field("memo", texts)
    zero = Decimal("0.00")
    if parsed.kind == "invoice":
        total = [
            a + (t or zero) if tt is None and a is not None else tt
            for a, t, tt in zip(amount, tax, total, strict=True)
        ]
        amount = [
            tt - (t or zero) if a is None and tt is not None else a
            for a, t, tt in zip(amount, tax, total, strict=True)
        ]
        missing = (
            not n or d is None or (a is None and t is None)
            for n, d, a, t in zip(number, date, amount, total, strict=True)
        )
    else:
        if "debit" in columns or "credit" in columns:
            amount = [
                abs(c or zero) - abs(d or zero) if d is not None or c is not None else None
                for d, c in zip(debit, credit, strict=True)
            ]
        else:
            amount = [a if a is not None else t for a, t in zip(amount, total, strict=True)]
        total, tax = amount, nothing
        missing = (d is None or a is None for d, a in zip(date, amount, strict=True))
    redo.update(j for j, gap in enumerate(missing) if gap)
    made = list(map(Line, numbers, date, code, number, vendor, memo, amount, tax, total))
    for j in sorted(redo):
        made[j] = _line(numbers[j], lines[j], columns, parsed.headers, parsed.kind)
    return made


def _column(rows: list[list[object]], index: int, same: int | None) -> list[object]:
    """Cell ``index`` of every row (None past a row's end), as the one-row reading takes it.
    ``same``: the length of every row, when they have one."""
    if same is not None:
        return list(map(itemgetter(index), rows)) if index < same else [None] * len(rows)
    return [r[index] if index < len(r) else None for r in rows]


def _line(row: int, cells: list[object], columns: dict[str, int], headers: list[str], kind: str) -> Line:
    line = Line(row)
    problems: list[str] = []

    def cell(name: str) -> object:
        return cells[columns[name]] if name in columns and columns[name] < len(cells) else None

    def fail(name: str, what: str) -> None:
        problems.append(
            translate("imports", "第 {row} 行，列“{col}”：无法把“{value}”读作{what}").format(
                row=row, col=headers[columns[name]], value=cell(name), what=what
            )
        )

    try:
        line.date = parse_date(cell("date"))
    except (ValueError, OverflowError):
        fail("date", translate("imports", "日期"))
    money: dict[str, Decimal | None] = {}
    for name in ("amount", "tax", "total", "debit", "credit"):
        try:
            money[name] = parse_amount(cell(name))
        except ValueError:
            fail(name, translate("imports", "金额"))
            money[name] = None
    for name in ("invoice_code", "invoice_no"):
        text, lost = code_text(cell(name), name)
        setattr(line, name, text)
        if lost:
            problems.append(
                translate(
                    "imports",
                    "第 {row} 行，列“{col}”：号码“{value}”以数字保存，Excel 只保留 15 位，末尾数字已丢失；"
                    "请把该列设为文本后重新导出",
                ).format(row=row, col=headers[columns[name]], value=cell(name))
            )
    line.vendor = _text(cell("vendor"))
    line.memo = _text(cell("memo"))
    if kind == "invoice":
        line.amount, line.tax, line.total = money["amount"], money["tax"], money["total"]
        if line.total is None and line.amount is not None:
            line.total = line.amount + (line.tax or Decimal("0.00"))
        if line.amount is None and line.total is not None:
            line.amount = line.total - (line.tax or Decimal("0.00"))
        if not line.invoice_no and not problems:
            problems.append(translate("imports", "第 {row} 行：缺少发票号码").format(row=row))
    else:
        if "debit" in columns or "credit" in columns:
            debit, credit = money["debit"] or Decimal("0.00"), money["credit"] or Decimal("0.00")
            line.amount = (
                abs(credit) - abs(debit)
                if money["debit"] is not None or money["credit"] is not None
                else None
            )
        else:
            line.amount = money["amount"] if money["amount"] is not None else money["total"]
        line.total = line.amount
    if line.date is None and not problems:
        problems.append(translate("imports", "第 {row} 行：缺少日期").format(row=row))
    if line.amount is None and line.total is None and not problems:
        problems.append(translate("imports", "第 {row} 行：缺少金额").format(row=row))
    if problems:
        line.status, line.reason = "error", "；".join(problems)
    return line
