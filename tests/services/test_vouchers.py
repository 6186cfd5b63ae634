"""Vouchers in the shared database (issue 12): any PC opens them, a size limit, and the files
attached before migration 0018 moved in from the PC that holds them."""

from __future__ import annotations

import hashlib
import shutil
import uuid

import pytest

from desktop import db, paths
from desktop.models import (
    Application,
    ExpenseSummary,
    ExpenseVoucher,
    ImportBatch,
    ImportedLine,
    LineMatch,
    VoucherContent,
)
from desktop.services import applications as apps
from desktop.services import auth, expenses, vouchers
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.expenses import LineForm

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


@pytest.fixture
def line(demo_db):
    """A fresh expense line of the demo reception that ended last week, and its host."""
    lina = auth.actor_by_username("lina")
    app = min((a for a in apps.list_applications(lina) if a.status == apps.APPROVED), key=lambda a: a.arrival)
    for model in (LineMatch, ImportedLine, ImportBatch, ExpenseSummary):
        model.delete().execute()
    application = Application.get_by_id(app.id)
    line_id = expenses.save_line(
        lina,
        app.id,
        LineForm(
            "meals",
            application.arrival.date(),
            "300",
            vendor="粤海酒家",
            invoice_no="13720588",
            guests=2,
            diners=3,
        ),
    )
    return lina, line_id


def test_a_voucher_is_stored_in_the_database_and_opens_on_another_pc(line, tmp_path, data_dir):
    lina, line_id = line
    source = tmp_path / "发票 粤海酒家.pdf"
    source.write_bytes(SCAN)
    expenses.attach_voucher(lina, line_id, source)
    assert not (data_dir / "vouchers").exists() or not any((data_dir / "vouchers").iterdir())
    (info,) = expenses.voucher_files(lina, line_id)
    assert (info.file_name, info.size, info.sha256, info.available) == (
        "发票 粤海酒家.pdf",
        len(SCAN),
        hashlib.sha256(SCAN).hexdigest(),
        True,
    )
    assert bytes(VoucherContent.get(VoucherContent.voucher == info.id).data) == SCAN

    source.unlink()
    other_pc = tmp_path / "finance-pc"
    other_pc.mkdir()
    paths.set_data_dir(other_pc)  # finance's PC: nothing of the host's data folder
    finance = auth.actor_by_username("caiwu")
    copy = expenses.open_voucher(finance, info.id)
    assert copy.name == "发票 粤海酒家.pdf" and copy.read_bytes() == SCAN
    assert expenses.open_voucher(finance, info.id) == copy  # opened again: the same copy


def test_a_voucher_over_the_size_limit_is_refused_and_nothing_is_stored(line, tmp_path, monkeypatch):
    lina, line_id = line
    monkeypatch.setattr(vouchers, "MAX_BYTES", 1024 * 1024)
    big = tmp_path / "扫描.jpg"
    big.write_bytes(b"\xff" * (3 * 1024 * 1024 // 2))
    with pytest.raises(ValidationError) as exc:
        expenses.attach_voucher(lina, line_id, big)
    assert (
        exc.value.errors["voucher"]
        == "凭证文件 扫描.jpg 有 1.5 MB，超过 1 MB 的上限：请压缩图片或分页扫描后再附加。"
    )
    assert expenses.voucher_files(lina, line_id) == []


def test_the_real_limit_is_twenty_megabytes():
    assert vouchers.MAX_BYTES == 20 * 1024 * 1024


def _old_style_voucher(line_id: int, name: str) -> ExpenseVoucher:
    """A voucher row as attached before 0018: a file in some PC's data folder, no bytes."""
    return ExpenseVoucher.create(line=line_id, file_name=name, stored_name=f"{uuid.uuid4().hex}.pdf")


def test_files_from_before_0018_move_in_and_files_elsewhere_say_so(line, data_dir):
    lina, line_id = line
    here = _old_style_voucher(line_id, "本机发票.pdf")
    elsewhere = _old_style_voucher(line_id, "财务电脑上的发票.pdf")
    folder = data_dir / "vouchers"
    folder.mkdir(exist_ok=True)
    (folder / here.stored_name).write_bytes(SCAN)

    assert vouchers.move_local_files() == (1, 1)
    assert not (folder / here.stored_name).exists()  # moved, not copied
    by_name = {v.file_name: v for v in expenses.voucher_files(lina, line_id)}
    assert by_name["本机发票.pdf"].available and by_name["本机发票.pdf"].size == len(SCAN)
    assert not by_name["财务电脑上的发票.pdf"].available
    assert expenses.open_voucher(lina, here.id).read_bytes() == SCAN
    with pytest.raises(ServiceError) as exc:
        expenses.open_voucher(lina, elsewhere.id)
    assert str(exc.value).startswith("附件文件在其他电脑上，未能迁移")

    assert vouchers.move_local_files() == (0, 1)  # the next start: nothing moved twice


def test_a_damaged_voucher_is_not_handed_to_the_viewer(line, tmp_path):
    lina, line_id = line
    source = tmp_path / "发票.pdf"
    source.write_bytes(SCAN)
    expenses.attach_voucher(lina, line_id, source)
    (info,) = expenses.voucher_files(lina, line_id)
    VoucherContent.update(data=SCAN[:-10]).where(VoucherContent.voucher == info.id).execute()
    with pytest.raises(ServiceError, match="已损坏"):
        expenses.open_voucher(lina, info.id)


def test_migration_0018_upgrades_a_database_from_before(db_url, data_dir, tmp_path, monkeypatch):
    """A database at the version before 0018 gains the size/sha256 columns and the content
    table; the PC's old files then move in at start (tested above)."""
    before = tmp_path / "migrations"
    before.mkdir()
    for script in paths.MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.py"):
        if script.name < "0018":
            shutil.copy(script, before)
    full = paths.MIGRATIONS
    monkeypatch.setattr(paths, "MIGRATIONS", before)
    db.open_database(db_url)
    assert "voucher_content" not in db.database.get_tables()
    db.close_database()
    monkeypatch.setattr(paths, "MIGRATIONS", full)
    info = db.open_database(db_url)
    try:
        assert "0018_voucher_content" in info.applied
        columns = {c.name for c in db.database.get_columns("expense_voucher")}
        assert {"size", "sha256", "stored_name"} <= columns
        assert "voucher_content" in db.database.get_tables()
    finally:
        db.close_database()
