"""Print preview and printing paint the PDF's pages onto the printer."""

from __future__ import annotations

import datetime as dt

from PySide6.QtPrintSupport import QPrinter

from desktop.exporters import visitor_log
from desktop.views import printing
from tests.exporters.conftest import make_row


def test_paint_pdf_onto_a_printer(tmp_path):
    pdf = visitor_log.export_visitor_log(
        [make_row(i) for i in range(1, 60)], dt.date(2026, 11, 20), "华夏精工", "X-1", tmp_path / "log.pdf"
    )
    pages = len(printing.render_pages(pdf, 30))
    assert pages >= 2
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert printing.paint_pdf(printer, pdf) == pages
    assert out.exists() and out.stat().st_size > 10_000
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(out))
    assert len(doc) == pages
    width, height = doc[0].get_size()
    assert width > height  # landscape kept
    doc.close()


def test_preview_dialog_builds(qtbot, tmp_path):
    pdf = visitor_log.export_visitor_log([], dt.date(2026, 11, 20), "华夏精工", "X-1", tmp_path / "e.pdf")
    dialog = printing.preview_pdf(None, pdf, "来访登记表")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "来访登记表"
