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


def test_a_saved_profile_is_used_without_reading_the_file_twice(finance, gbk_statement, monkeypatch):
    preview = imports.preview(finance, gbk_statement)
    imports.save_profile(
        finance, "工行对公", preview, {"date": 0, "memo": 1, "vendor": 2, "debit": 3, "credit": 4}
    )
    from desktop.importers import tabular

    reads = []
    original = tabular._read_rows
    monkeypatch.setattr(tabular, "_read_rows", lambda *a: reads.append(a) or original(*a))
    again = imports.preview(finance, gbk_statement)
    assert again.profile == "工行对公" and len(reads) == 1
    assert [line.status for line in again.parsed.lines] == ["new"] * 4


def test_preview_reports_progress_and_a_cancel_stops_it(finance, gbk_statement):
    seen: list[tuple[int, int]] = []
    imports.preview(finance, gbk_statement, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)  # the rows under the header

    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        imports.preview(finance, gbk_statement, progress=cancel)


def test_rules_decide_an_import_with_one_insert_each(finance, tmp_path, monkeypatch):
    """Set-based: a rule deciding 900 lines of an import is one INSERT … SELECT, not rows sent in
    batches of 500; what is decided is as before (a rule never decides a line twice)."""
    from desktop.models import LineMatch
    from desktop.services import reconcile_rules

    credit = reconcile_rules.save_rule(finance, "credit")
    payroll = reconcile_rules.save_rule(finance, "counterparty", "工资户")
    path = tmp_path / "card.csv"
    # odd rows are money in (贷方); every fourth row is paid to 工资户
    rows = [
        f"2026-11-{i % 28 + 1:02d},摘要{i},{'工资户' if i % 4 == 0 else '客户'},{'' if i % 2 else 50},{50 if i % 2 else ''}"
        for i in range(1800)
    ]
    path.write_text("\n".join(["交易日期,摘要,对方户名,支出金额,存入金额", *rows]) + "\n", encoding="utf-8")
    preview = imports.preview(finance, path)
    inserts: list[str] = []
    execute = db.database.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        if sql.startswith('INSERT INTO "line_match"'):
            inserts.append(sql)
        return execute(sql, params, *args, **kwargs)

    monkeypatch.setattr(db.database.obj, "execute_sql", counting)
    batch = imports.commit(finance, preview)
    decided = LineMatch.select(LineMatch, ImportedLine).join(ImportedLine).where(ImportedLine.batch == batch)
    by_rule = {
        rule: sorted(m.imported.row - 2 for m in decided if m.rule_id == rule) for rule in (credit, payroll)
    }
    assert by_rule == {credit: list(range(1, 1800, 2)), payroll: list(range(0, 1800, 4))}
    assert {(m.kind, m.role, m.by_id) for m in decided} == {("not_reception", "payment", finance.user_id)}
    assert len(inserts) == 2  # one per rule
