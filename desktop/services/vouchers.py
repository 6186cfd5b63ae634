"""Voucher files (invoice scans, PDFs) kept in the shared database, so any PC opens them.

Before migration 0018 a voucher was copied into the data folder of the PC that attached it and
only that PC could open it. Now the bytes live in ``voucher_content`` with their size and
SHA-256; opening writes a copy to a temporary folder of this PC for the system viewer.

:func:`move_local_files` runs at every start (``setup.ensure_defaults``): each PC moves the old
files it still holds into the database; a voucher whose file is on another PC stays "not moved"
until that PC starts the program, and says so instead of failing.

Permissions are checked by the callers in :mod:`desktop.services.expenses`.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from peewee import JOIN

from desktop import paths
from desktop.db import database
from desktop.i18n import translate
from desktop.models import ExpenseLine, ExpenseVoucher, VoucherContent
from desktop.services.errors import NotFound, ServiceError, ValidationError

log = logging.getLogger(__name__)

#: The largest voucher accepted. A phone photo or a scanned page is well under this; a database
#: full of 100 MB scans would make every backup and every PC's first download slow.
MAX_BYTES = 20 * 1024 * 1024

# .xml: a 数电票 is issued as XML too (attached through services.invoices, issue 13)
SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".ofd", ".gif", ".bmp", ".tif", ".tiff", ".xml")


@dataclass(frozen=True)
class VoucherInfo:
    id: int
    file_name: str
    size: int | None
    sha256: str
    available: bool  # False: the file is still on the PC that attached it before 0018


def not_moved_message() -> str:
    return translate(
        "vouchers", "附件文件在其他电脑上，未能迁移：请在上传它的电脑上启动一次本程序，文件会自动存入数据库。"
    )


def check_file(source: Path) -> int:
    """The file's size, or the reason it cannot be a voucher (kind, missing, too big)."""
    if source.suffix.lower() not in SUFFIXES:
        raise ValidationError({"voucher": translate("expenses", "凭证请使用图片或 PDF 文件。")})
    try:
        size = source.stat().st_size
    except OSError:
        raise ValidationError(
            {"voucher": translate("vouchers", "无法读取文件 {name}。").format(name=source.name)}
        ) from None
    if size > MAX_BYTES:
        raise ValidationError(
            {
                "voucher": translate(
                    "vouchers",
                    "凭证文件 {name} 有 {size} MB，超过 {limit} MB 的上限：请压缩图片或分页扫描后再附加。",
                ).format(name=source.name, size=f"{size / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024)
            }
        )
    return size


def store(line: ExpenseLine, file_name: str, source: Path) -> ExpenseVoucher:
    """Write the voucher row and its bytes (inside the caller's transaction)."""
    check_file(source)
    data = source.read_bytes()
    if len(data) > MAX_BYTES:  # grew since it was checked
        check_file(source)
    voucher = ExpenseVoucher.create(
        line=line,
        file_name=file_name,
        stored_name=_safe_name(file_name),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    VoucherContent.create(voucher=voucher, data=data)
    return voucher


def for_line(line_id: int) -> list[VoucherInfo]:
    """The line's vouchers, without their bytes."""
    stored = {
        v
        for (v,) in VoucherContent.select(VoucherContent.voucher)
        .join(ExpenseVoucher)
        .where(ExpenseVoucher.line == line_id)
        .tuples()
    }
    rows = (
        ExpenseVoucher.select(
            ExpenseVoucher.id, ExpenseVoucher.file_name, ExpenseVoucher.size, ExpenseVoucher.sha256
        )
        .where(ExpenseVoucher.line == line_id)
        .order_by(ExpenseVoucher.id)
    )
    return [VoucherInfo(v.id, v.file_name, v.size, v.sha256 or "", v.id in stored) for v in rows]


def copy_to_temp(voucher_id: int) -> Path:
    """Write the voucher to this PC's temporary folder (named as attached) and return the path.

    The folder is keyed by the content's hash, so opening the same voucher twice reuses the copy
    and two vouchers with the same file name never overwrite each other."""
    voucher = ExpenseVoucher.get_or_none(ExpenseVoucher.id == voucher_id)
    if voucher is None:
        raise NotFound(translate("vouchers", "凭证不存在。"))
    row = VoucherContent.select(VoucherContent.data).where(VoucherContent.voucher == voucher_id).first()
    if row is None:
        raise ServiceError(not_moved_message())
    data = bytes(row.data)
    digest = hashlib.sha256(data).hexdigest()
    if voucher.sha256 and digest != voucher.sha256:
        raise ServiceError(
            translate("vouchers", "凭证文件 {name} 已损坏（校验值不符）。").format(name=voucher.file_name)
        )
    folder = Path(tempfile.gettempdir()) / f"{paths.APP_NAME}-vouchers" / digest[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _safe_name(voucher.file_name)
    if not (target.exists() and target.stat().st_size == len(data)):
        target.write_bytes(data)
    return target


def move_local_files() -> tuple[int, int]:
    """Move vouchers attached before 0018 from this PC's data folder into the database.

    Returns ``(moved, still elsewhere)``. A file is deleted only after its row is committed;
    one that is unreadable or too big stays where it is, logged, and is tried again next start.
    """
    pending = list(
        ExpenseVoucher.select(ExpenseVoucher.id, ExpenseVoucher.stored_name)
        .join(VoucherContent, JOIN.LEFT_OUTER, on=(VoucherContent.voucher == ExpenseVoucher.id))
        .where(VoucherContent.id.is_null())
        .tuples()
    )
    folder = paths.data_dir() / "vouchers"
    if not pending or not folder.is_dir():  # the usual start: nothing here to move
        return 0, len(pending)
    moved = elsewhere = 0
    for voucher_id, stored_name in pending:
        source = folder / Path(stored_name).name
        if not source.is_file():
            elsewhere += 1
            continue
        try:
            data = source.read_bytes()
        except OSError as exc:
            log.warning("voucher %s: cannot read %s: %s", voucher_id, source, exc)
            elsewhere += 1
            continue
        if len(data) > MAX_BYTES * 2:  # far beyond any scan: leave it, do not bloat the database
            log.warning("voucher %s: %s is %d bytes, not moved", voucher_id, source, len(data))
            elsewhere += 1
            continue
        with database.atomic():
            if VoucherContent.select().where(VoucherContent.voucher == voucher_id).exists():
                continue  # another PC holding a copy moved it meanwhile
            VoucherContent.create(voucher=voucher_id, data=data)
            ExpenseVoucher.update(size=len(data), sha256=hashlib.sha256(data).hexdigest()).where(
                ExpenseVoucher.id == voucher_id
            ).execute()
        source.unlink(missing_ok=True)
        moved += 1
    if moved:
        log.info("moved %d voucher file(s) into the database", moved)
    return moved, elsewhere


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def _safe_name(file_name: str) -> str:
    """A file name every file system takes: no folders, no characters Windows refuses."""
    name = _UNSAFE.sub("_", Path(file_name).name).strip(" .")
    return name[:200] or "voucher"
