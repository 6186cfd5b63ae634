"""Files too big to be a statement are refused before they are read; control characters go.

Every file is generated here, small: the limits are what the checks look at, not the bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.importers import limits, tabular
from desktop.importers.tabular import ImportRefused

FIXTURES = Path(__file__).parent / "fixtures"
HEAD = "交易日期,对方户名,摘要,支出,存入\n"
LINE = "2026-11-03,滴滴出行,打车,35.00,\n"


def one_sentence(exc: pytest.ExceptionInfo) -> str:
    text = str(exc.value)
    assert text and "\n" not in text and "Traceback" not in text
    return text


def statement_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["交易日期", "对方户名", "摘要", "支出"])
    ws.append(["2026-11-03", "滴滴出行", "打车", 35])
    wb.save(path)
    return path


def rewrite_sheet(path: Path, change) -> Path:
    """Copy the workbook with its first sheet's XML passed through ``change``."""
    source = zipfile.ZipFile(path)
    out = path.with_name("changed-" + path.name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()
            target.writestr(item.filename, data)
    return out


def test_a_normal_workbook_still_imports(tmp_path):
    parsed = tabular.parse(statement_xlsx(tmp_path / "ok.xlsx"))
    assert [line.vendor for line in parsed.lines] == ["滴滴出行"]


def test_workbook_of_empty_rows_is_refused_before_reading(tmp_path):
    # The field case: under 1 MB on disk, hundreds of MB of <row/> elements unpacked.
    empty_rows = "".join(f'<row r="{r}"/>' for r in range(3, 3 + limits.MAX_ROWS + 10))
    bomb = rewrite_sheet(
        statement_xlsx(tmp_path / "s.xlsx"),
        lambda xml: xml.replace("</sheetData>", empty_rows + "</sheetData>"),
    )
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(bomb)
    assert str(limits.MAX_ROWS) in one_sentence(exc)


def test_unpacked_size_limit(tmp_path, monkeypatch):
    padding = " " * (2 * 1024 * 1024)
    big = rewrite_sheet(
        statement_xlsx(tmp_path / "s.xlsx"), lambda xml: xml.replace("<sheetData>", "<sheetData>" + padding)
    )
    assert tabular.parse(big).lines  # 2 MB unpacked is fine at the real limit
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 1024 * 1024)
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(big)
    assert "解压后超过 1 MB" in one_sentence(exc)


def test_one_far_cell_is_refused_before_the_reader_allocates_the_range(tmp_path):
    far = '<row r="5000"><c r="ZZ5000" t="inlineStr"><is><t>x</t></is></c></row>'
    sparse = rewrite_sheet(
        statement_xlsx(tmp_path / "s.xlsx"),
        lambda xml: xml.replace("</sheetData>", far + "</sheetData>").replace(
            'ref="A1:D2"', 'ref="A1:ZZ5000"'
        ),
    )
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(sparse)
    assert "单元格" in one_sentence(exc)


def _ods_with(tmp_path: Path, extra_rows: str) -> Path:
    source = zipfile.ZipFile(FIXTURES / "invoices.ods")
    out = tmp_path / "changed.ods"
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                text = data.decode()
                end = text.rfind("</table:table-row>") + len("</table:table-row>")
                data = (text[:end] + extra_rows + text[end:]).encode()
            target.writestr(item, data, compress_type=item.compress_type or zipfile.ZIP_DEFLATED)
    return out


def test_ods_row_repeated_many_times_is_refused(tmp_path):
    repeated = (
        '<table:table-row table:number-rows-repeated="300000"><table:table-cell office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    bomb = _ods_with(tmp_path, repeated)
    assert bomb.stat().st_size < 64 * 1024
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(bomb)
    assert str(limits.MAX_ROWS) in one_sentence(exc)


def test_ods_trailing_empty_rows_as_libreoffice_writes_them_are_fine(tmp_path):
    trailing = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    expected = tabular.parse(FIXTURES / "invoices.ods")
    parsed = tabular.parse(_ods_with(tmp_path, trailing))
    assert [line.invoice_no for line in parsed.lines] == [line.invoice_no for line in expected.lines]


def test_csv_with_a_huge_field_is_refused_in_one_sentence(tmp_path):
    path = tmp_path / "field.csv"
    path.write_text(HEAD + '2026-11-03,"' + "x" * (10 * 1024 * 1024) + '",打车,1,\n', encoding="utf-8")
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(path)
    assert "第 2 行" in one_sentence(exc)


def test_csv_line_without_newline_is_refused(tmp_path):
    one_field = tmp_path / "line.csv"
    one_field.write_text("x" * (10 * 1024 * 1024), encoding="utf-8")
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(one_field)
    one_sentence(exc)
    many_fields = tmp_path / "fields.csv"
    many_fields.write_text(HEAD + "1," * (5 * 1024 * 1024), encoding="utf-8")
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(many_fields)
    assert str(limits.MAX_COLUMNS) in one_sentence(exc)


def test_too_many_csv_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    path = tmp_path / "rows.csv"
    path.write_text(HEAD + LINE * 60, encoding="utf-8")
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(path)
    assert "50" in one_sentence(exc)


def test_file_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.csv"
    path.write_text(HEAD + LINE * 100, encoding="utf-8")
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(path)
    assert "上限" in one_sentence(exc)


def test_a_folder_named_like_a_csv(tmp_path):
    folder = tmp_path / "x.csv"
    folder.mkdir()
    with pytest.raises(ImportRefused) as exc:
        tabular.parse(folder)
    assert "文件夹" in one_sentence(exc)


def test_control_characters_are_removed_everywhere_in_a_csv(tmp_path):
    padding = LINE * 200  # well past the first 4 KB that is sniffed for binary content
    assert len(padding.encode()) > 4096
    hostile = "2026-11-04,Acme\x00 Co\x1b[31m\u202e,打车\x07,12.00,\n"
    path = tmp_path / "ctl.csv"
    path.write_bytes((HEAD + padding + hostile).encode("utf-8"))
    parsed = tabular.parse(path)
    last = parsed.lines[-1]
    assert last.vendor == "Acme Co[31m" and last.memo == "打车"
    assert last.status == "new"


def test_control_characters_are_removed_from_workbook_text(tmp_path):
    # openpyxl refuses to write control characters; the sheet XML carries them escaped.
    path = rewrite_sheet(
        statement_xlsx(tmp_path / "s.xlsx"),
        lambda xml: xml.replace("<t>滴滴出行</t>", "<t>滴滴_x0000_出行_x001B_</t>"),
    )
    assert [line.vendor for line in tabular.parse(path).lines] == ["滴滴出行"]


def test_clean_keeps_ordinary_text():
    assert limits.clean("北京\t首都机场\n2 号航站楼") == "北京\t首都机场\n2 号航站楼"
    assert limits.clean(12) == 12
