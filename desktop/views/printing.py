"""Print preview and printing of the PDFs the exporters write.

Qt Essentials has no PDF module, so pages are rasterised with pdfium (pypdfium2) at the
printer's resolution (capped at 300 dpi) and painted onto the printer page, keeping the aspect
ratio. The PDF on disk stays the document of record; this is only how it reaches paper.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def render_pages(pdf_path: Path, dpi: int) -> list[QImage]:
    """Each page of a PDF as an image at ``dpi``."""
    doc = pdfium.PdfDocument(str(pdf_path))
    images = []
    try:
        for page in doc:
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # detach from the Python buffer
            page.close()
    finally:
        doc.close()
    return images


def page_size_of(pdf_path: Path) -> QSizeF:
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        width, height = doc[0].get_size()
    finally:
        doc.close()
    return QSizeF(width, height)


def paint_pdf(printer: QPrinter, pdf_path: Path) -> int:
    """Paint every page of ``pdf_path`` on ``printer``; returns the page count."""
    size = page_size_of(pdf_path)
    landscape = size.width() > size.height()
    portrait_size = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    layout = QPageLayout(
        QPageSize(portrait_size, QPageSize.Unit.Point),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),  # the PDF carries its own margins
    )
    printer.setPageLayout(layout)
    dpi = min(max(printer.resolution(), 96), 300)
    pages = render_pages(pdf_path, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            target = QRectF(painter.viewport())
            scaled = QSizeF(image.size()).scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            rect = QRectF(target.topLeft(), scaled)
            painter.drawImage(rect, image)
    finally:
        painter.end()
    return len(pages)


def preview_pdf(parent: QWidget | None, pdf_path: Path, title: str = "") -> QPrintPreviewDialog:
    """Open Qt's print preview (with its own Print button) for a PDF; returns the dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title or pdf_path.stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title or pdf_path.name)
    dialog.paintRequested.connect(lambda p: paint_pdf(p, pdf_path))
    dialog.resize(1000, 760)
    return dialog


def print_pdf(parent: QWidget | None, pdf_path: Path) -> bool:
    """Ask for a printer and print; False if the user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return paint_pdf(printer, pdf_path) > 0
