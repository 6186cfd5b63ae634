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
