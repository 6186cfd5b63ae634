"""E-invoice files in the windows: dropped on 导入 (preview, import, shown as batch) and added to an
expense line in the editor (fields filled, attached on save, a duplicate refused)."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.models import ExpenseLine, ImportedLine
from desktop.models.invoices import InvoiceRecord
from desktop.services import auth, expenses
from desktop.views.expenses import ExpensesView
from desktop.views.reconciliation import ReconciliationView
from tests.einvoice_files import make_pdf, make_xml
from tests.views.conftest import wait_ops


def drop(widget, paths) -> None:
    """Drag local files onto ``widget`` and let go, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def finance(demo_db):
    return auth.actor_by_username("caiwu")


def test_files_dropped_on_import_are_previewed_and_imported(qtbot, finance, tmp_path):
    view = ReconciliationView(finance)
    qtbot.addWidget(view)
    view.show()
    wait_ops(qtbot)
    tab = view.importer
    view.setCurrentWidget(tab)
    files = [
        make_pdf(tmp_path / "餐费.pdf", number="55500001"),
        make_xml(
            tmp_path / "住宿.xml", number="26442000000055500002", buyer=("别的公司", "91110000100000000X")
        ),
        make_pdf(
            tmp_path / "改过.pdf",
            number="55500003",
            amount="90.00",
            tax="5.40",
            total="95.40",
            qr_amount="100.00",
        ),
    ]
    gc.collect()
    drop(tab, files)
    dialog = tab.einvoice_dialog
    assert dialog.isVisible()
    wait_ops(qtbot)
    rows = {r.file: r for r in dialog.model.rows}
    assert [r.status for r in rows.values()] == ["new", "new", "new"]
    assert "抬头" in rows["住宿.xml"].reason and "二维码" in rows["改过.pdf"].reason
    assert rows["餐费.pdf"].reason == ""
    assert "新 3 张（其中 2 张有提示）" in dialog.summary.text()
    assert dialog.commit_button.isEnabled() and "3" in dialog.commit_button.text()
    before = ImportedLine.select().count()
    dialog.commit()
    wait_ops(qtbot)
    assert ImportedLine.select().count() == before + 3
    assert {r.status for r in dialog.model.rows} == {"duplicate"}  # the preview shows them imported
    assert "已导入" in dialog.summary.text() and not dialog.commit_button.isEnabled()
    qtbot.waitUntil(lambda: tab.batches.rows and tab.batches.rows[0].line_count == 3)
    dialog.close()


def test_a_spreadsheet_and_an_odd_file_dropped_on_import(qtbot, finance, tmp_path, scripted):
    from tests.importers.conftest import STATEMENT

    view = ReconciliationView(finance)
    qtbot.addWidget(view)
    tab = view.importer
    statement = tmp_path / "statement.csv"
    statement.write_bytes("\r\n".join(STATEMENT).encode("gbk"))
    note = tmp_path / "readme.docx"
    note.write_bytes(b"x")
    drop(tab, [statement, note])
    wait_ops(qtbot)
    assert tab.path == statement and getattr(tab, "einvoice_dialog", None) is None
    assert "银行" in tab.summary.text() and "新 4 条" in tab.summary.text()
    assert [kind for kind, _, text in scripted.shown if "readme.docx" in text] == ["warn"]


def test_adding_an_einvoice_to_an_expense_line(qtbot, demo_db, tmp_path):
    lina = auth.actor_by_username("lina")
    draft = next(r for r in expenses.list_summaries(lina) if r.status == expenses.DRAFT)
    view = ExpensesView(lina)
    qtbot.addWidget(view)
    view.table.selectRow(
        next(i for i, r in enumerate(view.list.rows) if r.application_id == draft.application_id)
    )
    view.new_line()
    pdf = make_pdf(tmp_path / "餐费.pdf", number="66600001", total="318.00", amount="300.00", tax="18.00")
    view.einvoices.add(pdf)
    assert (view.invoice_code.text(), view.invoice_no.text()) == ("044001900111", "66600001")
    assert (
        view.vendor.text() == "粤海酒家餐饮有限公司"
        and view.total.text() == "318.00"
        and view.tax.text() == "18.00"
    )
    assert view.date.date().toString("yyyy-MM-dd") == "2026-11-03" and view.is_modified()
    view.category.setCurrentIndex(view.category.findData("meals"))
    view.counts["guests"].setValue(3)
    view.reason.setText("客户临时加人")
    assert view.save_line()
    wait_ops(qtbot)
    line = ExpenseLine.get(ExpenseLine.invoice_no == "66600001")
    record = InvoiceRecord.get(InvoiceRecord.expense_line == line.id)
    assert record.voucher is not None and record.file_name == "餐费.pdf"
    assert "已附加电子发票 66600001" in view.message.text()

    # someone else adds the same invoice to another reception: refused, saying who has it
    admin = auth.actor_by_username("liuyang")
    other = ExpensesView(admin)
    qtbot.addWidget(other)
    other.table.selectRow(
        next(i for i, r in enumerate(other.list.rows) if r.application_id != draft.application_id)
    )
    other.new_line()
    other.einvoices.add(pdf)
    assert "66600001" in other.message.text() and "李娜" in other.message.text()
    assert other.invoice_no.text() == "" and not other.is_modified()
