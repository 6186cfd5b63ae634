"""Finance imports: preview with duplicate detection, one-transaction commit as a batch, undo of
a whole batch, and named column-mapping profiles proposed again for files with the same headers.

Duplicates: an invoice (code + number) already imported in an active batch, or earlier in the
same file; a statement line (no id) whose content hash — date, amount, counterparty, memo — is
in an earlier batch. Identical statement lines inside one file are kept: two equal taxi rides
are two rides.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import repeat
from pathlib import Path

import peewee as pw

from desktop import clock
from desktop.db import _busy_as_service_error, database, pause_for_other_writers, writer_gap
from desktop.i18n import translate
from desktop.importers.tabular import Line, Parsed, content_hashes, layout, read_lines, read_rows
from desktop.models import ImportBatch, ImportedLine, ImportProfile
from desktop.services import audit
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ServiceError, ValidationError


@dataclass
class Preview:
    parsed: Parsed
    file_hash: str
    profile: str

    @property
    def new_lines(self):
        return [line for line in self.parsed.lines if line.status == "new"]

    def as_json(self) -> dict:
        p = self.parsed

        def money(value) -> str | None:
            return None if value is None else f"{value:.2f}"

        return {
            "file": p.file,
            "encoding": p.encoding,
            "sheet": p.sheet,
            "header_row": p.header_row,
            "kind": p.kind,
            "profile": self.profile or None,
            "columns": p.columns,
            "lines": [
                {
                    "row": line.row,
                    "date": line.date.isoformat() if line.date else None,
                    "invoice_code": line.invoice_code,
                    "invoice_no": line.invoice_no,
                    "vendor": line.vendor,
                    "memo": line.memo,
                    "amount": money(line.amount),
                    "tax": money(line.tax),
                    "total": money(line.total),
                    "status": line.status,
                    "reason": line.reason or None,
                }
                for line in p.lines
            ],
            "skipped": [{"row": row, "reason": reason} for row, reason in p.skipped],
        }


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def preview(
    actor: Actor,
    path: Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    profile: str | None = None,
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Preview:
    """Read and check a file; nothing is written. A named or matching profile sets the mapping.

    ``progress(done, total)`` is called as the rows are read; it may raise to cancel."""
    require(actor, "finance.import")
    used_profile = ""
    if profile:
        row = ImportProfile.get_or_none(ImportProfile.name == profile)
        if row is None:
            raise NotFound(translate("imports", "没有名为“{name}”的映射方案。").format(name=profile))
        mapping, header_row, used_profile = json.loads(row.mapping), row.header_row, row.name
        mapping = {k: int(v) for k, v in mapping.items()}
    path = Path(path)
    with _bulk():
        rows, sheet_name, used = read_rows(path, sheet=sheet, encoding=encoding)
        parsed = layout(path.name, rows, sheet_name, used, header_row=header_row, mapping=mapping)
        if not used_profile and mapping is None:
            match = ImportProfile.get_or_none(ImportProfile.signature == parsed.signature())
            if match is not None:
                stored = {k: int(v) for k, v in json.loads(match.mapping).items()}
                parsed = layout(
                    path.name, rows, sheet_name, used, header_row=match.header_row, mapping=stored
                )
                used_profile = match.name
        read_lines(parsed, rows, progress)
        _mark_duplicates(parsed)
    return Preview(parsed, file_hash(path), used_profile)


@contextlib.contextmanager
def _bulk():
    """Python's cyclic collector off while a file's cells, lines and rows are made: they hold no
    cycles, and with a million of them alive each full collection walks them all (about a tenth
    of a preview). The program's operations already run so (views.ops); the CLI now too."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _active():
    # The batch is selected along, so a duplicate's reason needs no further query.
    return ImportedLine.select(ImportedLine, ImportBatch).join(ImportBatch).where(ImportBatch.live())


# Values per IN (…) query of the duplicate check: few queries, each far under SQLite's limit of
# 32,766 bound variables (and PostgreSQL's 65,535).
DUPLICATE_CHUNK = 5000
# A file with at least 1/SCAN_RATIO as many values as the live lines stored is checked by one scan.
SCAN_RATIO = 4


def _earlier(column: pw.Field, values: list[str]) -> list[tuple[str, str, int]]:
    """(value, invoice_code, batch id) of the live lines whose ``column`` holds one of these
    values, in the order they were imported.

    Plain tuples, not model objects: a re-import of 100,000 lines is all duplicates, and building
    100,000 ImportedLine + ImportBatch instances to explain them took seconds.
    """
    live = [b for (b,) in ImportBatch.select(ImportBatch.id).where(ImportBatch.live()).tuples()]
    if not live or not values:
        return []
    # Raw SQL: peewee's parameter node per value and conversion per fetched cell doubled the
    # time of a re-import; these columns are plain text and integers anyway.
    mark = database.obj.param
    table, col = _quote(ImportedLine._meta.table_name), _quote(column.column_name)
    in_live = f'"batch_id" IN ({", ".join([mark] * len(live))})'
    stored = (
        ImportBatch.select(pw.fn.COALESCE(pw.fn.SUM(ImportBatch.line_count), 0))
        .where(ImportBatch.id.in_(live))
        .scalar()
    )
    if len(values) * SCAN_RATIO >= (stored or 0):
        # The file is a good part of what is stored (a re-import): one pass over the live lines
        # and a set lookup beat index lookups in 20 IN (…) queries — 1.3 s → ~0.1 s at 100,000.
        wanted = set(values)
        sql = f'SELECT {col}, "invoice_code", "batch_id" FROM {table} WHERE {in_live} ORDER BY "id"'
        return [row for row in database.execute_sql(sql, live) if row[0] in wanted]
    found: list[tuple[str, str, int]] = []
    for start in range(0, len(values), DUPLICATE_CHUNK):
        part = values[start : start + DUPLICATE_CHUNK]
        sql = (
            f'SELECT {col}, "invoice_code", "batch_id" FROM {table} '
            f'WHERE {in_live} AND {col} IN ({", ".join([mark] * len(part))}) ORDER BY "id"'
        )
        # a value's lines all come from one query, in the order they were imported
        found += database.execute_sql(sql, [*live, *part]).fetchall()
    return found


def _batch_days(batch_ids: set[int]) -> dict[int, str]:
    if not batch_ids:
        return {}
    query = ImportBatch.select(ImportBatch.id, ImportBatch.imported_at).where(
        ImportBatch.id.in_(list(batch_ids))
    )
    return {b: f"{at:%Y-%m-%d}" for b, at in query.tuples()}


def _mark_duplicates(parsed: Parsed) -> None:
    lines = [x for x in parsed.lines if x.status == "new"]
    already = translate("imports", "第 {row} 行：发票 {no} 已于 {date} 导入（批次 {batch}）")
    twice = translate("imports", "第 {row} 行：发票 {no} 与本文件第 {first} 行重复")
    same = translate("imports", "第 {row} 行：相同的流水已于 {date} 导入（批次 {batch}）")
    if parsed.kind == "invoice":
        lines = [x for x in lines if x.invoice_no]
        numbers = list({x.invoice_no for x in lines})
        # (code, number) → batch id of its first import: the earliest is written last
        earlier = {
            (code or "", number): b
            for number, code, b in reversed(_earlier(ImportedLine.invoice_no, numbers))
        }
        days = _batch_days(set(earlier.values()))
        seen_in_file: dict[tuple[str, str], int] = {}
        for line in lines:
            key = (line.invoice_code or "", line.invoice_no)
            batch_id = earlier.get(key)
            if batch_id is not None:
                line.status = "duplicate"
                line.reason = already.format(
                    row=line.row, no=line.invoice_no, date=days[batch_id], batch=batch_id
                )
            elif key in seen_in_file:
                line.status = "duplicate"
                line.reason = twice.format(row=line.row, no=line.invoice_no, first=seen_in_file[key])
            else:
                seen_in_file[key] = line.row
    elif parsed.kind == "statement":
        digests = content_hashes(lines)
        found = _earlier(ImportedLine.content_hash, list(set(digests)))
        hashes = {digest: b for digest, _code, b in reversed(found)}
        days = _batch_days(set(hashes.values()))
        for line, digest in zip(lines, digests, strict=True):
            batch_id = hashes.get(digest)
            if batch_id is not None:
                line.status = "duplicate"
                line.reason = same.format(row=line.row, date=days[batch_id], batch=batch_id)


_INSERT_COLUMNS = (
    "batch", "row", "kind", "date", "invoice_code", "invoice_no", "vendor", "memo", "amount", "tax",
    "total", "content_hash",
)  # fmt: skip


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# A long import is written in chunks, each its own short transaction, so a check-in at the desk
# (another process on the same SQLite file) waits at most about CHUNK_SECONDS, not the whole import.
CHUNK_ROWS = 500  # 13 columns × 500 stays far under SQLite's bound-variable limit
CHUNK_SECONDS = 0.4
COMMITTING, DONE = "committing", "done"
# A 'committing' batch older than this was left by a crash; younger ones may be another
# process's import in progress. Measured on the program's clock, which imported_at is written with.
ABANDONED_AFTER = dt.timedelta(minutes=30)


def commit(actor: Actor, preview: Preview, *, progress=None) -> int:
    """Write the new lines as one batch; returns the batch id.

    All-or-nothing for the user though written in chunks: the batch is 'committing' (invisible:
    duplicates, lists and reconciliation see only 'done' batches) until its last chunk is in,
    then turns 'done' in one step. A failure or cancel removes what was written; a crash leaves
    a 'committing' batch that :func:`clean_abandoned` removes at a later start.

    ``progress`` may be a callable(done, total) that raises to cancel: nothing is then kept.
    """
    require(actor, "finance.import")
    lines = preview.new_lines
    if not lines:
        raise ServiceError(translate("imports", "没有可导入的新记录。"))
    p = preview.parsed
    # The raw DB-API executemany: peewee's insert_many builds a Value node per cell (1.2M for
    # 100,000 lines) and took 20 of the import's 22 seconds. Values are what each field's db_value
    # makes of them, as the ORM would send them (see _rows).
    fields = [getattr(ImportedLine, name) for name in _INSERT_COLUMNS]
    insert = "INSERT INTO {table} ({columns}) VALUES ({marks})".format(
        table=_quote(ImportedLine._meta.table_name),
        columns=", ".join(_quote(f.column_name) for f in fields),
        marks=", ".join([database.obj.param] * len(fields)),
    )
    # Inside a caller's transaction the lock cannot be let go between chunks anyway.
    may_pause = not database.in_transaction()
    with database.atomic():
        batch = ImportBatch.create(
            file_name=p.file,
            file_hash=preview.file_hash,
            kind=p.kind,
            sheet=p.sheet or "",
            profile=preview.profile,
            imported_by=actor.user_id or None,
            line_count=len(lines),
            state=COMMITTING,
        )
    try:
        with _page_cache(), _bulk():
            _write_lines(batch.id, p.kind, lines, insert, may_pause, progress)
        with database.atomic():
            _still_committing(batch.id)
            ImportBatch.update(state=DONE).where(ImportBatch.id == batch.id).execute()
            audit.record(
                actor, "import", "import", batch.id, {"lines": (None, len(lines))}, f"{p.kind} {p.file}"
            )
            # Finance's saved rules (credits, counterparties) decide their lines with the batch,
            # so a big bank statement does not arrive as thousands of review items.
            from desktop.services import reconcile_rules

            reconcile_rules.apply_rules(actor, batch_id=batch.id)
    except BaseException:
        try:
            _discard(batch.id)
        except Exception:  # busy or gone: the hidden leftover is removed at a later start
            pass
        raise
    return batch.id


def _write_lines(batch_id: int, kind: str, lines: list[Line], insert: str, may_pause: bool, progress) -> None:
    """Insert the lines in transactions of about CHUNK_SECONDS each, letting other writers in
    between (``may_pause``); ``progress(done, total)`` after each chunk."""
    cursor = database.obj.cursor()
    written = made = 0  # lines inserted; lines whose rows are made (the ready ones waiting)
    ready: deque[list[tuple]] = deque()
    while written < len(lines):
        started = time.monotonic()
        with database.atomic():
            _still_committing(batch_id)
            while True:  # at least one chunk per transaction, more while time allows
                # rows made chunk by chunk: the bar moves from the start
                if not ready:
                    ready.append(_rows(batch_id, kind, lines[made : made + CHUNK_ROWS]))
                    made += len(ready[-1])
                part = ready.popleft()
                with _busy_as_service_error(), pw.__exception_wrapper__:  # as execute_sql does
                    cursor.executemany(insert, part)
                written += len(part)
                if progress is not None:
                    progress(written, len(lines))
                if written >= len(lines) or time.monotonic() - started >= CHUNK_SECONDS:
                    break
        if may_pause and written < len(lines):
            # The gap that lets a waiting writer in is spent making the next chunks' rows,
            # outside any transaction; only what is left of it is slept.
            gap = time.monotonic()
            while made < len(lines) and time.monotonic() - gap < writer_gap(database.obj):
                ready.append(_rows(batch_id, kind, lines[made : made + CHUNK_ROWS]))
                made += len(ready[-1])
            pause_for_other_writers(database.obj, spent=time.monotonic() - gap)


# SQLite pages kept in memory while an import writes (KiB, as PRAGMA cache_size takes a negative
# number): the default 2 MB keeps evicting the pages of the lines' five indexes; 32 MB made the
# insert of 100,000 lines about 15 % faster. Only for the import's own connection, only meanwhile.
IMPORT_CACHE_KIB = 32 * 1024


@contextlib.contextmanager
def _page_cache():
    if not isinstance(database.obj, pw.SqliteDatabase):
        yield
        return
    (before,) = database.execute_sql("PRAGMA cache_size").fetchone()
    database.execute_sql(f"PRAGMA cache_size = {-IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(before)}")


def _rows(batch_id: int, kind: str, lines: list[Line]) -> list[tuple]:
    """The insert's parameters for these lines, in _INSERT_COLUMNS order: what each field's
    db_value makes of a value (a date as it is, an amount quantized to the field's places, zero as
    Decimal(0)), made a column at a time without peewee's call per cell in the usual case."""
    money = ImportedLine.amount
    exp, rounding, db_money, db_date = money._exp, money.rounding, money.db_value, ImportedLine.date.db_value

    def cents(values: list) -> list:
        return [
            v.quantize(exp, rounding=rounding) if v.__class__ is Decimal and v else db_money(v)
            for v in values
        ]

    dates = [x.date for x in lines]
    return list(
        zip(
            repeat(batch_id),
            [x.row for x in lines],
            repeat(kind),
            [d if d.__class__ is dt.date else db_date(d) for d in dates],
            [x.invoice_code or "" for x in lines],
            [x.invoice_no or "" for x in lines],
            [x.vendor or "" for x in lines],
            [x.memo or "" for x in lines],
            cents([x.amount for x in lines]),
            cents([x.tax for x in lines]),
            cents([x.total for x in lines]),
            content_hashes(lines),
        )
    )


def _is_committing(batch_id: int) -> bool:
    return ImportBatch.select().where(ImportBatch.id == batch_id, ImportBatch.state == COMMITTING).exists()


def _still_committing(batch_id: int) -> None:
    # Another PC's start may have removed a batch it took for abandoned: stop, keep nothing.
    if not _is_committing(batch_id):
        raise ServiceError(translate("imports", "导入被中断，未导入任何记录，请重新导入。"))


def _discard(batch_id: int) -> None:
    """Remove a batch that did not finish, lines first (cascades are not relied upon)."""
    with database.atomic():
        if not _is_committing(batch_id):
            return
        ImportedLine.delete().where(ImportedLine.batch == batch_id).execute()
        ImportBatch.delete().where(ImportBatch.id == batch_id, ImportBatch.state == COMMITTING).execute()


def clean_abandoned() -> int:
    """Remove batches a crash left half-written; called when the database is opened."""
    cutoff = clock.now() - ABANDONED_AFTER  # the same clock imported_at is written with
    stale = [
        b.id
        for b in ImportBatch.select(ImportBatch.id).where(
            ImportBatch.state == COMMITTING, ImportBatch.imported_at < cutoff
        )
    ]
    for batch_id in stale:
        _discard(batch_id)
    return len(stale)


def undo(actor: Actor, batch_id: int) -> int:
    """Remove a whole batch's lines; the batch stays on record as undone."""
    require(actor, "finance.import")
    with database.atomic():
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id, ImportBatch.state == DONE)
        if batch is None:
            raise NotFound(translate("imports", "导入批次不存在。"))
        if batch.undone_at is not None:
            raise ServiceError(translate("imports", "该批次已撤销。"))
        count = ImportedLine.delete().where(ImportedLine.batch == batch).execute()
        batch.undone_at, batch.undone_by = clock.now(), actor.user_id or None
        batch.save()
        audit.record(
            actor, "undo", "import", batch.id, {"lines": (count, 0)}, f"{batch.kind} {batch.file_name}"
        )
    return count


def save_profile(actor: Actor, name: str, preview: Preview, mapping: dict[str, int]) -> None:
    require(actor, "finance.import")
    if not name.strip():
        raise ValidationError({"name": translate("imports", "请填写方案名称。")})
    with database.atomic():
        old = ImportProfile.get_or_none(ImportProfile.name == name.strip())
        ImportProfile.delete().where(ImportProfile.name == name.strip()).execute()
        row = ImportProfile.create(
            name=name.strip(),
            signature=preview.parsed.signature(),
            header_row=preview.parsed.header_row,
            mapping=json.dumps(mapping),
        )
        audit.record(
            actor,
            "edit" if old is not None else "create",
            "import_profile",
            row.id,
            audit.diff(
                {"header_row": old.header_row, "mapping": old.mapping} if old is not None else {},
                {"header_row": row.header_row, "mapping": row.mapping},
            ),
            row.name,
        )


@dataclass(frozen=True)
class BatchInfo:
    id: int
    file_name: str
    kind: str
    imported_at: dt.datetime
    line_count: int
    undone: bool


def batches(actor: Actor) -> list[BatchInfo]:
    require(actor, "finance.import")
    return [
        BatchInfo(b.id, b.file_name, b.kind, b.imported_at, b.line_count, b.undone_at is not None)
        for b in ImportBatch.select()
        .where(ImportBatch.state == DONE)
        .order_by(ImportBatch.imported_at.desc())
    ]
