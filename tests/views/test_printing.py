"""The print preview: owns what it uses, renders lazily at screen resolution, prints at printer
resolution, and says "printed" only when it went to a printer."""

from __future__ import annotations

import datetime as dt
import gc

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from desktop.exporters import visitor_log
from desktop.views import printing
from tests.exporters.conftest import make_row


@pytest.fixture
def long_pdf(tmp_path):
    """A visitor log of 20 pages or more (the longest form the office prints)."""
    path = tmp_path / "log.pdf"
    rows = 400
    while True:
        visitor_log.export_visitor_log(
            [make_row(i) for i in range(1, rows)], dt.date(2026, 11, 20), "华夏精工", "X-1", path
        )
        if printing.page_count(path) >= 20:
            return path
        rows *= 2


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def printed_pages(path) -> tuple[int, bool]:
    doc = pypdfium2.PdfDocument(str(path))
    try:
        width, height = doc.get_page_size(0)
        return len(doc), width > height
    finally:
        doc.close()


def test_paint_pdf_onto_a_printer(tmp_path):
    pdf = visitor_log.export_visitor_log(
        [make_row(i) for i in range(1, 60)], dt.date(2026, 11, 20), "华夏精工", "X-1", tmp_path / "log.pdf"
    )
    pages = printing.page_count(pdf)
    assert pages >= 2
    out = tmp_path / "printed.pdf"
    assert printing.paint_pdf(pdf_printer(out), pdf) == pages
    assert out.stat().st_size > 10_000
    assert printed_pages(out) == (pages, True)  # every page, landscape kept


def test_paint_pdf_honours_the_page_range(tmp_path, long_pdf):
    printer = pdf_printer(tmp_path / "two.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 4)
    assert printing.paint_pdf(printer, long_pdf) == 2
    assert printed_pages(tmp_path / "two.pdf")[0] == 2


def _open_from_a_function(parent, pdf) -> None:
    """Open a preview and return, keeping no reference (how every window opens one)."""
    printing.show_preview(parent, pdf, "来访登记表")


def _the_preview(qtbot) -> printing.PreviewDialog:
    qtbot.waitUntil(lambda: len(printing.open_previews()) == 1)
    return printing.open_previews()[0]


def test_preview_outlives_the_call_that_opened_it(qtbot, tmp_path, long_pdf):
    """The old preview kept its printer in a local; the first paint after return crashed."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    _open_from_a_function(window, long_pdf)
    gc.collect()
    dialog = _the_preview(qtbot)
    qtbot.waitExposed(dialog)
    gc.collect()
    qtbot.waitUntil(lambda: dialog.canvas.rendered > 0)
    dialog.scroll.verticalScrollBar().setValue(dialog.scroll.verticalScrollBar().maximum())
    gc.collect()
    qtbot.wait(50)  # paints again after the collection
    assert dialog.windowTitle().endswith("来访登记表")
    dialog.close()
    qtbot.waitUntil(lambda: not printing.open_previews())


def test_parentless_preview_survives_and_goes_when_closed(qtbot, long_pdf):
    _open_from_a_function(None, long_pdf)
    gc.collect()
    dialog = _the_preview(qtbot)
    qtbot.waitUntil(lambda: dialog.canvas.rendered > 0)
    dialog.close()
    assert not printing.open_previews()


def test_preview_renders_only_the_pages_in_view(qtbot, long_pdf):
    window = QWidget()
    qtbot.addWidget(window)
    dialog = printing.show_preview(window, long_pdf, "来访登记表")
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.canvas.rendered > 0)
    pages = dialog.page_count()
    assert pages >= 20
    assert dialog.canvas.rendered < pages  # lazily: not the whole document
    assert dialog.page_label.text() == f"第 1 / {pages} 页"
    # Screen resolution, not the printer's: a page image is about as wide as it is shown.
    first = dialog.canvas.image(0)
    shown = dialog.canvas.rects[0].width() * dialog.canvas.devicePixelRatioF()
    assert abs(first.width() - shown) <= 2
    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.page_label.text() == f"第 {pages} / {pages} 页")
    dialog.close()


def test_zoom_changes_the_page_size(qtbot, long_pdf):
    dialog = printing.show_preview(None, long_pdf, "x")
    qtbot.waitExposed(dialog)
    dialog.zoom.setCurrentIndex(dialog.zoom.findData("100"))
    at_100 = dialog.canvas.rects[0].width()
    dialog.step_zoom(1)
    assert dialog.zoom.currentData() == "125"
    assert dialog.canvas.rects[0].width() == pytest.approx(at_100 * 1.25, rel=0.01)
    dialog.close()


def test_preview_fits_the_screen_with_its_buttons(qtbot, long_pdf):
    dialog = printing.show_preview(None, long_pdf, "x")
    qtbot.waitExposed(dialog)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    for button in (dialog.print_button, dialog.findChild(QWidget, "previewClose")):
        assert button.isVisible()
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)
    dialog.close()


def test_printing_reports_printed_and_previewing_does_not(qtbot, tmp_path, long_pdf):
    printed = []
    dialog = printing.show_preview(None, long_pdf, "x", on_printed=lambda: printed.append(1))
    qtbot.waitUntil(lambda: dialog.canvas.rendered > 0)
    assert printed == []
    out = tmp_path / "out.pdf"
    assert dialog.print_to(pdf_printer(out)) == dialog.page_count()
    assert printed == [1]
    assert "已发送到打印机" in dialog.status.text()
    assert printed_pages(out)[0] == dialog.page_count()  # at the printer: every page
    dialog.close()


def test_print_button_opens_a_print_dialog_the_preview_owns(qtbot, long_pdf):
    printed = []
    dialog = printing.show_preview(None, long_pdf, "x", on_printed=lambda: printed.append(1))
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    gc.collect()
    ask = dialog.print_dialog
    assert isinstance(ask, QPrintDialog) and ask.isVisible()
    assert ask.printer() is dialog.printer
    assert (ask.minPage(), ask.maxPage()) == (1, dialog.page_count())
    ask.reject()
    qtbot.waitUntil(lambda: dialog.print_dialog is None)
    assert printed == []  # cancelled: nothing went out
    dialog.close()
