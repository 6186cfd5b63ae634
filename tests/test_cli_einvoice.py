"""`import FILE…` with e-invoice files and folders: the spreadsheet import's JSON contract."""

from __future__ import annotations

import json

import pytest

from desktop import db
from desktop.cli import main
from tests.einvoice_files import COMPANY, COMPANY_TAX_ID, make_ofd, make_pdf, make_xml


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_db(tmp_path, data_dir, monkeypatch):
    from desktop.services import auth, settings
    from tests.conftest import make_user

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db.open_database(url)
    root = auth.create_first_admin("root", "", "secret123")
    make_user(root, "caiwu", {auth.FINANCE})
    settings.save(root, {"company_name": COMPANY, "company_tax_id": COMPANY_TAX_ID})
    db.close_database()
    monkeypatch.setenv("RECEPTION_PASSWORD", "secret123")
    return url


def test_import_files_and_folders_as_json(capsys, cli_db, tmp_path):
    folder = tmp_path / "发票"
    folder.mkdir()
    make_pdf(folder / "1-餐费.pdf")
    make_xml(folder / "2-数电票.xml", number="26442000000012345678")
    make_pdf(
        folder / "3-改过.pdf",
        number="12345679",
        amount="90.00",
        tax="5.40",
        total="95.40",
        qr_amount="100.00",
    )
    ofd = make_ofd(
        tmp_path / "4-住宿.ofd",
        {"发票代码": "044001900111", "发票号码": "12345680", "开票日期": "2026-11-04", "合计金额": "500.00",
         "合计税额": "30.00", "购买方纳税人识别号": COMPANY_TAX_ID},
    )  # fmt: skip
    (folder / "5-坏的.pdf").write_bytes(b"%PDF-1.4 broken")
    code, out, err = run(capsys, "--db", cli_db, "--user", "caiwu", "import", str(folder), str(ofd), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "e-invoice" and data["batch"] is not None
    lines = {x["file"]: x for x in data["lines"]}
    assert list(lines) == ["1-餐费.pdf", "2-数电票.xml", "3-改过.pdf", "5-坏的.pdf", "4-住宿.ofd"]
    assert {k: v["status"] for k, v in lines.items()} == {
        "1-餐费.pdf": "new",
        "2-数电票.xml": "new",
        "3-改过.pdf": "new",
        "5-坏的.pdf": "error",
        "4-住宿.ofd": "new",
    }
    first = lines["1-餐费.pdf"]
    assert (first["invoice_code"], first["invoice_no"], first["amount"], first["tax"], first["total"]) == (
        "044001900111",
        "12345678",
        "100.00",
        "6.00",
        "106.00",
    )
    assert first["flags"] == [] and first["buyer"] == COMPANY
    assert lines["2-数电票.xml"]["invoice_code"] is None and lines["2-数电票.xml"]["type"] == "32"
    assert any("二维码" in f for f in lines["3-改过.pdf"]["flags"])
    assert "5-坏的.pdf" in lines["5-坏的.pdf"]["reason"]
    assert lines["4-住宿.ofd"]["total"] == "530.00"

    code, out, err = run(capsys, "--db", cli_db, "--user", "caiwu", "import", str(folder), "--json")
    again = json.loads(out)
    assert code == 0 and again["batch"] is None
    assert [x["status"] for x in again["lines"]] == ["duplicate", "duplicate", "duplicate", "error"]
    assert all("caiwu" in x["reason"] for x in again["lines"][:3])  # who imported them


def test_one_unreadable_file_is_refused_in_one_sentence(capsys, cli_db, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"\x89PNG not a pdf")
    code, out, err = run(capsys, "--db", cli_db, "--user", "caiwu", "import", str(bad))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "scan.pdf" in err and "Traceback" not in err
    evil = tmp_path / "evil.xml"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><EInvoice>&e;</EInvoice>'
    )
    code, _, err = run(capsys, "--db", cli_db, "--user", "caiwu", "import", str(evil))
    assert code == 2 and "DTD" in err and len(err.strip().splitlines()) == 1


def test_a_spreadsheet_is_not_mixed_with_invoice_files(capsys, cli_db, tmp_path):
    sheet = tmp_path / "list.csv"
    sheet.write_text("发票号码,开票日期,金额\n1,2026-11-03,1\n", encoding="utf-8")
    code, _, err = run(
        capsys, "--db", cli_db, "--user", "caiwu", "import", str(make_pdf(tmp_path / "a.pdf")), str(sheet)
    )
    assert code == 2 and "list.csv" in err and len(err.strip().splitlines()) == 1


def test_text_output_names_each_file_with_a_finding(capsys, cli_db, tmp_path):
    wrong = make_pdf(tmp_path / "抬头错.pdf", buyer=("别的公司", "91110000100000000X"))
    code, out, err = run(capsys, "--db", cli_db, "--user", "caiwu", "import", str(wrong), "--dry-run")
    assert code == 0, err
    assert "e-invoice; 1 new" in out and "(dry run)" in out
    assert "抬头错.pdf: " in out and "别的公司" in out
