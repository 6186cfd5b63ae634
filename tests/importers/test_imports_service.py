"""Preview, duplicates across batches and inside a file, commit as one batch, undo, profiles."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from desktop import db
from desktop.models import ImportedLine
from desktop.services import auth, imports
from desktop.services.errors import PermissionDenied
from tests.conftest import make_user


@pytest.fixture
def finance(admin):
    return make_user(admin, "caiwu", {auth.FINANCE})


def test_invoice_duplicates_across_batches_and_undo(finance, messy_invoices):
    first = imports.preview(finance, messy_invoices)
    statuses = {line.row: line.status for line in first.parsed.lines}
    assert statuses == {5: "new", 6: "new", 8: "new", 9: "duplicate", 10: "error", 11: "error"}
    batch = imports.commit(finance, first)
    assert ImportedLine.select().count() == 3
    again = imports.preview(finance, messy_invoices)
    dup = next(line for line in again.parsed.lines if line.row == 5)
    assert dup.status == "duplicate" and f"批次 {batch}" in dup.reason and "13720588" in dup.reason
    assert imports.undo(finance, batch) == 3
    assert ImportedLine.select().count() == 0
    assert {line.row: line.status for line in imports.preview(finance, messy_invoices).parsed.lines}[
        5
    ] == "new"


def test_statement_lines_repeat_inside_a_file_but_not_across(finance, gbk_statement):
    first = imports.preview(finance, gbk_statement)
    assert [line.status for line in first.parsed.lines] == ["new"] * 4  # two equal taxi rides kept
    imports.commit(finance, first)
    again = imports.preview(finance, gbk_statement)
    assert [line.status for line in again.parsed.lines] == ["duplicate"] * 4


def test_cancelled_commit_writes_nothing(finance, gbk_statement):
    preview = imports.preview(finance, gbk_statement)

    def cancel(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        imports.commit(finance, preview, progress=cancel)
    assert ImportedLine.select().count() == 0
    assert imports.batches(finance) == []


def test_profiles_are_proposed_for_the_same_headers(finance, gbk_statement, tmp_path):
    preview = imports.preview(finance, gbk_statement)
    mapping = {"date": 0, "memo": 1, "vendor": 2, "debit": 3, "credit": 4}
    imports.save_profile(finance, "工行对公", preview, mapping)
    copy = tmp_path / "another.csv"
    copy.write_bytes(gbk_statement.read_bytes())
    assert imports.preview(finance, copy).profile == "工行对公"
    assert imports.preview(finance, copy, profile="工行对公").profile == "工行对公"


def test_only_finance_imports(admin, messy_invoices):
    desk = make_user(admin, "desk", {auth.RECEPTIONIST})
    with pytest.raises(PermissionDenied):
        imports.preview(desk, messy_invoices)


def test_cli_dry_run_json_and_refusal(tmp_path, messy_invoices, data_dir):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    db.open_database(url)
    make_user(auth.create_first_admin("root", "", "secret123"), "caiwu", {auth.FINANCE})
    db.close_database()
    env = {**os.environ, "RECEPTION_PASSWORD": "secret123"}
    cmd = [sys.executable, "-m", "desktop", "--db", url, "--user", "caiwu", "import", str(messy_invoices)]
    result = subprocess.run(
        [*cmd, "--dry-run", "--json"], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["header_row"] == 4 and data["encoding"] is None and data["sheet"] == "发票清单"
    assert data["columns"]["invoice_no"] == "发票号码"
    first = data["lines"][0]
    assert first == {
        "row": 5,
        "date": "2026-11-03",
        "invoice_code": "044001900111",
        "invoice_no": "13720588",
        "vendor": "粤海酒家",
        "memo": None,
        "amount": "1132.08",
        "tax": "67.92",
        "total": "1200.00",
        "status": "new",
        "reason": None,
    }
    assert {"row": 12, "reason": "合计行"} in data["skipped"]
    junk = tmp_path / "junk.xls"
    junk.write_bytes(b"\x00\x01junk")
    bad = subprocess.run(
        [*cmd[:-1], str(junk), "--dry-run"], capture_output=True, text=True, timeout=60, env=env
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert "junk.xls" in bad.stderr
