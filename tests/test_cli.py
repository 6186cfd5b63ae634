"""The command line: demo, export, screenshot, and one-line errors with non-zero exits."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from desktop import db
from desktop.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sqlite_url(tmp_path, data_dir):
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_demo_then_export_visitor_log(capsys, sqlite_url, tmp_path):
    code, out, _ = run(capsys, "--db", sqlite_url, "demo", "--today", "2026-11-23")
    assert code == 0 and "visits" in out
    target = tmp_path / "log.xlsx"
    code, out, err = run(
        capsys, "--db", sqlite_url, "export", "visitor-log", "--date", "2026-11-20", "-o", str(target)
    )
    assert code == 0, err
    assert target.exists() and "2026-11-20" in out


def test_demo_is_deterministic(capsys, tmp_path, data_dir):
    rows = []
    for name in ("a", "b"):
        url = f"sqlite:///{tmp_path / name}.db"
        assert run(capsys, "--db", url, "demo", "--seed", "7", "--today", "2026-11-23")[0] == 0
        con = sqlite3.connect(tmp_path / f"{name}.db")
        rows.append(con.execute("SELECT name, company, time_in, status FROM visit ORDER BY id").fetchall())
        con.close()
    assert rows[0] == rows[1] and len(rows[0]) > 50


def test_screenshot(capsys, sqlite_url, tmp_path):
    run(capsys, "--db", sqlite_url, "demo")
    target = tmp_path / "visitors.png"
    code, out, err = run(capsys, "--db", sqlite_url, "screenshot", "visitors", "-o", str(target))
    assert code == 0, err
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)
    code, out, err = run(
        capsys, "--db", sqlite_url, "--lang", "en", "screenshot", "log", "-o", str(tmp_path / "log.png")
    )
    assert code == 0, err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--db", "mysql://x/y", "demo"], "unsupported database URL"),
        (["--db", "sqlite:///no/such/folder/x.db", "demo"], "folder does not exist"),
        (["export", "visitor-log", "-o", "x.xlsx"], "--date"),
        (["export", "visitor-log", "--date", "2026-13-01", "-o", "x.xlsx"], "not a date"),
        (["screenshot", "nosuchview", "-o", "x.png"], "unknown view"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_errors_are_one_line(capsys, argv, needle, data_dir, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code != 0
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unreadable_and_newer_databases(capsys, tmp_path, data_dir):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "--db", f"sqlite:///{junk}", "demo")
    assert code == 2 and "not a database" in err and len(err.strip().splitlines()) == 1

    newer = tmp_path / "newer.db"
    url = f"sqlite:///{newer}"
    db.open_database(url)
    db.database.execute_sql("INSERT INTO schema_version (name, applied) VALUES ('9999_future', '2030-01-01')")
    db.close_database()
    code, _, err = run(
        capsys, "--db", url, "export", "visitor-log", "--date", "2026-11-20", "-o", str(tmp_path / "x.xlsx")
    )
    assert code == 2 and "newer version" in err and len(err.strip().splitlines()) == 1


def test_module_entry_point_has_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", f"sqlite:///{tmp_path}/missing/x.db", "demo"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_export_arrangement_itinerary_feedback(capsys, sqlite_url, tmp_path):
    assert run(capsys, "--db", sqlite_url, "demo")[0] == 0
    for form in ("arrangement", "itinerary", "feedback", "application"):
        for suffix in (".pdf", ".xlsx"):
            target = tmp_path / f"{form}{suffix}"
            code, out, err = run(capsys, "--db", sqlite_url, "export", form, "--id", "1", "-o", str(target))
            assert code == 0, err
            assert target.stat().st_size > 1000
    code, _, err = run(
        capsys, "--db", sqlite_url, "export", "arrangement", "--id", "9999", "-o", str(tmp_path / "x.pdf")
    )
    assert code != 0 and len(err.strip().splitlines()) == 1
    for view in ("schedule", "arrangement", "feedback", "applications", "approvals"):
        code, _, err = run(
            capsys, "--db", sqlite_url, "screenshot", view, "-o", str(tmp_path / f"{view}.png")
        )
        assert code == 0, err


# ------------------------------------------------------------------ acting as a named user


def test_writes_need_a_named_user_with_the_right_role(capsys, sqlite_url, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from desktop.models import ImportBatch, User

    assert run(capsys, "--db", sqlite_url, "demo")[0] == 0
    statement = tmp_path / "bank.csv"
    statement.write_text(
        '交易日期,对方户名,摘要,支出,存入\n2026-11-03,"=HYPERLINK(""http://x"",""click"")",餐费,88.00,\n',
        encoding="utf-8",
    )
    report = tmp_path / "r.xlsx"
    dates = ["--from", "2026-01-01", "--to", "2026-12-31", "-o", str(report)]

    for argv in (["import", str(statement)], ["reconcile", *dates]):
        code, _, err = run(capsys, "--db", sqlite_url, *argv)
        assert code == 2 and "--user" in err and len(err.strip().splitlines()) == 1

    monkeypatch.setenv("RECEPTION_PASSWORD", "wrong-password")
    code, _, err = run(capsys, "--db", sqlite_url, "--user", "caiwu", "import", str(statement))
    assert code == 2 and "不正确" in err and len(err.strip().splitlines()) == 1
    db.open_database(sqlite_url)
    assert User.get(User.username == "caiwu").failed_logins == 1  # counted like a failed login
    db.close_database()

    monkeypatch.setenv("RECEPTION_PASSWORD", "demo1234")
    code, _, err = run(capsys, "--db", sqlite_url, "--user", "qiantai", "import", str(statement))
    assert code != 0 and "角色" in err and len(err.strip().splitlines()) == 1  # the desk may not import

    code, out, err = run(capsys, "--db", sqlite_url, "import", str(statement), "--user", "caiwu")
    assert code == 0, err
    assert "imported as batch" in out
    db.open_database(sqlite_url)
    batch = ImportBatch.select().order_by(ImportBatch.id.desc()).first()
    assert batch.imported_by.username == "caiwu"
    assert User.get(User.username == "caiwu").failed_logins == 0  # success resets
    db.close_database()

    code, out, err = run(capsys, "--db", sqlite_url, "reconcile", *dates, "--user", "caiwu")
    assert code == 0, err
    cells = [c for ws in load_workbook(report).worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == '=HYPERLINK("http://x","click")' and c.data_type == "s" for c in cells)


def test_password_from_the_prompt(capsys, sqlite_url, tmp_path, monkeypatch):
    import getpass

    assert run(capsys, "--db", sqlite_url, "demo")[0] == 0
    monkeypatch.delenv("RECEPTION_PASSWORD", raising=False)
    asked = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "demo1234")
    target = tmp_path / "log.xlsx"
    code, _, err = run(
        capsys,
        "--db",
        sqlite_url,
        "--user",
        "admin",
        "export",
        "visitor-log",
        "--date",
        "2026-11-20",
        "-o",
        str(target),
    )
    assert code == 0, err
    assert asked and "admin" in asked[0]


def test_demo_refuses_a_database_with_accounts(capsys, sqlite_url):
    from desktop.models import User
    from desktop.services import auth

    db.open_database(sqlite_url)
    auth.create_first_admin("boss", "", "a-real-pass-1")
    db.close_database()
    code, _, err = run(capsys, "--db", sqlite_url, "demo")
    assert code != 0 and "空数据库" in err and len(err.strip().splitlines()) == 1
    db.open_database(sqlite_url)
    assert [u.username for u in User.select()] == ["boss"]
    db.close_database()


@pytest.mark.parametrize("kind", ["huge field", "no newline", "folder"])
def test_import_refuses_bad_files_in_one_sentence(capsys, sqlite_url, tmp_path, monkeypatch, kind):
    from desktop.services import auth
    from tests.conftest import make_user

    db.open_database(sqlite_url)
    make_user(auth.create_first_admin("root", "", "secret123"), "caiwu", {auth.FINANCE})
    db.close_database()
    monkeypatch.setenv("RECEPTION_PASSWORD", "secret123")
    path = tmp_path / "x.csv"
    if kind == "huge field":
        path.write_text(
            '交易日期,摘要,金额\n2026-11-03,"' + "x" * (10 * 1024 * 1024) + '",1\n', encoding="utf-8"
        )
    elif kind == "no newline":
        path.write_text("x" * (10 * 1024 * 1024), encoding="utf-8")
    else:
        path.mkdir()
    code, _, err = run(capsys, "--db", sqlite_url, "--user", "caiwu", "import", str(path))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "x.csv" in err
    assert "Error" not in err and "limit" not in err


def test_verify_audit_says_intact_or_where_it_breaks(capsys, sqlite_url, tmp_path):
    code, _, err = run(capsys, "--db", sqlite_url, "demo", "--today", "2026-11-23")
    assert code == 0, err
    code, out, err = run(capsys, "--db", sqlite_url, "verify-audit")
    assert code == 0, err
    assert out.startswith("audit trail intact") and len(out.strip().splitlines()) == 1
    path = sqlite_url[len("sqlite:///") :]
    conn = sqlite3.connect(path)
    (target,) = conn.execute("SELECT id FROM audit_entry ORDER BY id LIMIT 1 OFFSET 3").fetchone()
    conn.execute("UPDATE audit_entry SET user_name = 'someone else' WHERE id = ?", (target,))
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "--db", sqlite_url, "verify-audit")
    assert code == 1
    assert f"broken at entry {target}" in out and len(out.strip().splitlines()) == 1


def test_export_audit_log(capsys, sqlite_url, tmp_path):
    from openpyxl import load_workbook

    code, _, err = run(capsys, "--db", sqlite_url, "demo", "--today", "2026-11-23")
    assert code == 0, err
    target = tmp_path / "audit.xlsx"
    code, out, err = run(capsys, "--db", sqlite_url, "export", "audit-log", "--out", str(target))
    assert code == 0, err
    count = int(out.split(": ")[1].split()[0])
    assert count > 0 and load_workbook(target).active.max_row == count + 3
    code, _, err = run(capsys, "--db", sqlite_url, "export", "audit-log", "--out", str(tmp_path / "a.pdf"))
    assert code == 2 and ".xlsx" in err


def test_demo_never_prints_the_database_password(capsys, db_url):
    """Found following the README's "Several PCs" recipe: `demo` echoed the whole URL,
    password included, to the terminal (and `screenshot` into the PNG's status bar)."""
    import urllib.parse

    password = urllib.parse.urlparse(db_url).password
    if not password:
        pytest.skip("an SQLite URL carries no password")
    code, out, err = run(capsys, "--db", db_url, "demo")
    assert code == 0, err
    assert f":{password}@" not in out and db.display_url(db_url) in out  # user:***@host
