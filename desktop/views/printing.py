"""Print preview and printing of the PDFs the exporters write.

Qt Essentials has no PDF module, so pages are rasterised with pdfium (pypdfium2). The preview is
our own dialog rather than Qt's ``QPrintPreviewDialog``, for two reasons learned the hard way:

* Qt's preview paints the whole document at printer resolution before it shows anything (a
  20-page sheet took seconds and hundreds of MiB). Here only the pages in view are rendered, at
  screen resolution, when they are painted; printer resolution is used only when printing.
* Qt's preview needs a ``QPrinter`` that outlives the call that opened it. A printer kept only in
  a local variable died when the function returned and the next paint crashed the program in
  every window. :class:`PreviewDialog` owns everything it uses (document, printer, print dialog)
  as attributes, deletes itself on close, and a parentless one is held in a module set while open.

A sheet counts as printed only when it went to a printer: the dialog emits ``printed`` then, and
callers that track print revisions (the arrangement sheet) record them on that signal, never on
opening the preview. The PDF on disk stays the document of record.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter


def _lazy_module(name: str):
    """The module, executed on its first attribute access (importlib's LazyLoader recipe).

    Every view with a 打印 button imports this module, and pypdfium2 with QtPrintSupport cost
    ~230 ms of start-up (issue 14) before anyone opens a preview.
    """
    import importlib.util

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


pdfium = _lazy_module("pypdfium2")  # noqa: F811 - the real module, loaded on first use

POINTS_PER_INCH = 72
PRINT_DPI_CAP = 300  # sharper than any office laser needs for these forms, and bounded memory


# ------------------------------------------------------------------ rendering


def render_page(page: pdfium.PdfPage, dpi: float, *, for_print: bool = False) -> QImage:
    """One page as an RGB image at ``dpi`` (detached from pdfium's buffer)."""
    # Little-endian BGRx is Qt's native RGB32: painting it is a plain copy, where RGB888 would be
    # converted on every paint. pdfium fills the unused byte with 0xff, as RGB32 requires.
    native = sys.byteorder == "little"
    bitmap = page.render(
        scale=dpi / POINTS_PER_INCH,
        prefer_bgrx=native,
        rev_byteorder=not native,
        optimize_mode="print" if for_print else None,
    )
    try:
        fmt = QImage.Format.Format_RGB32 if native else QImage.Format.Format_RGB888
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()  # the buffer goes with the bitmap
    finally:
        bitmap.close()


def page_count(pdf_path: Path) -> int:
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        return len(doc)
    finally:
        doc.close()


def page_size_of(pdf_path: Path) -> QSizeF:
    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        width, height = doc.get_page_size(0)
    finally:
        doc.close()
    return QSizeF(width, height)


def paint_pdf(printer: QPrinter, pdf_path: Path) -> int:
    """Paint ``pdf_path`` on ``printer`` at its resolution; returns the number of pages painted.

    Pages are rendered one at a time (a 20-page sheet at 300 dpi would otherwise hold ~500 MiB)
    and the page range chosen in the print dialog is honoured.
    """
    from PySide6.QtPrintSupport import QPrinter

    doc = pdfium.PdfDocument(str(pdf_path))
    try:
        total = len(doc)
        if not total:
            return 0
        width, height = doc.get_page_size(0)
        landscape = width > height
        portrait_size = QSizeF(min(width, height), max(width, height))
        printer.setPageLayout(
            QPageLayout(
                QPageSize(portrait_size, QPageSize.Unit.Point),
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),  # the PDF carries its own margins
            )
        )
        first, last = 0, total - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(printer.fromPage(), total) - 1
            last = min(max(printer.toPage(), printer.fromPage()), total) - 1
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        dpi = min(max(printer.resolution(), 96), PRINT_DPI_CAP)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        painted = 0
        try:
            for _copy in range(copies):
                for index in range(first, last + 1):
                    if painted:
                        printer.newPage()
                    page = doc[index]
                    try:
                        image = render_page(page, dpi, for_print=True)
                    finally:
                        page.close()
                    target = QRectF(painter.viewport())
                    scaled = QSizeF(image.size()).scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    painter.drawImage(QRectF(target.topLeft(), scaled), image)
                    painted += 1
        finally:
            painter.end()
        return painted // copies
    finally:
        doc.close()


# ------------------------------------------------------------------ the preview


class _PageCanvas(QWidget):
    """All pages stacked vertically; a page is rendered only when a paint event reaches it."""

    GAP = 14
    CACHE_PAGES = 8

    def __init__(self, doc: pdfium.PdfDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.sizes = [doc.get_page_size(i) for i in range(len(doc))]  # points; cheap, no rendering
        self.zoom = 1.0  # 1.0 = the page at its real size on this screen
        self.rects: list[QRectF] = []
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self.rendered = 0  # pages rendered so far (tests and the benchmark read it)
        self.closed = False
        self.setAutoFillBackground(False)

    def pixels_per_point(self) -> float:
        return self.zoom * self.logicalDpiX() / POINTS_PER_INCH

    def relayout(self) -> None:
        scale = self.pixels_per_point()
        widest = max((w for w, _h in self.sizes), default=0) * scale
        y = float(self.GAP)
        self.rects = []
        for w, h in self.sizes:
            x = self.GAP + (widest - w * scale) / 2
            self.rects.append(QRectF(x, y, w * scale, h * scale))
            y += h * scale + self.GAP
        self._cache.clear()
        self.setFixedSize(int(widest + 2 * self.GAP), int(y))
        self.update()

    def image(self, index: int) -> QImage:
        cached = self._cache.get(index)
        if cached is not None:
            self._cache.move_to_end(index)
            return cached
        dpi = self.pixels_per_point() * POINTS_PER_INCH * self.devicePixelRatioF()
        page = self.doc[index]
        try:
            image = render_page(page, dpi)
        finally:
            page.close()
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self._cache[index] = image
        self.rendered += 1
        while len(self._cache) > self.CACHE_PAGES:
            self._cache.popitem(last=False)
        return image

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#7b7d7d"))
        exposed = QRectF(event.rect())
        for index, rect in enumerate(self.rects):
            if not rect.intersects(exposed):
                continue
            painter.fillRect(rect.translated(3, 3), QColor("#4d5656"))
            if self.closed:
                painter.fillRect(rect, QColor("white"))
                continue
            painter.drawImage(rect, self.image(index))
        painter.end()

    def page_at(self, y: float) -> int:
        for index, rect in enumerate(self.rects):
            if y < rect.bottom() + self.GAP:
                return index
        return max(len(self.rects) - 1, 0)


class PreviewDialog(QDialog):
    """Pages of one PDF, a zoom, and 打印…; ``printed`` fires only when it went to a printer."""

    printed = Signal()

    ZOOMS = (("fit_width", 0.0), ("fit_page", 0.0), ("50", 0.5), ("75", 0.75), ("100", 1.0),
             ("125", 1.25), ("150", 1.5), ("200", 2.0))  # fmt: skip

    def __init__(self, pdf_path: Path, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pdf_path = Path(pdf_path)
        self.title = title or self.pdf_path.stem
        self.setWindowTitle(self.tr("打印预览 — {title}").format(title=self.title))
        self.doc = pdfium.PdfDocument(str(self.pdf_path))
        # Created when printing and kept here: the print dialog uses it after print_document returns.
        self.printer: QPrinter | None = None
        self.print_dialog: QPrintDialog | None = None

        self.canvas = _PageCanvas(self.doc)
        self.canvas.setObjectName("previewPages")
        self.scroll = QScrollArea()
        self.scroll.setObjectName("previewScroll")
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # Always there, so 适合宽度 has a fixed width to fit (no horizontal bar, no refit loop).
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setStyleSheet("QScrollArea { background: #7b7d7d; }")
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._update_page_label())

        self.zoom = QComboBox()
        self.zoom.setObjectName("previewZoom")
        labels = {"fit_width": self.tr("适合宽度"), "fit_page": self.tr("整页")}
        for key, _factor in self.ZOOMS:
            self.zoom.addItem(labels.get(key, f"{key}%"), key)
        self.zoom.currentIndexChanged.connect(lambda _i: self.apply_zoom())
        zoom_out = QPushButton("－")
        zoom_out.setToolTip(self.tr("缩小（Ctrl+-）"))
        zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        zoom_in = QPushButton("＋")
        zoom_in.setToolTip(self.tr("放大（Ctrl++）"))
        zoom_in.clicked.connect(lambda: self.step_zoom(1))
        for b in (zoom_out, zoom_in):
            b.setFixedWidth(32)
        self.page_label = QLabel()
        self.page_label.setObjectName("previewPageLabel")
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setObjectName("previewPrint")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("previewClose")
        close.clicked.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("缩放")))
        bar.addWidget(zoom_out)
        bar.addWidget(self.zoom)
        bar.addWidget(zoom_in)
        bar.addSpacing(12)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)  # only the pages scroll; the buttons stay in view
        layout.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=lambda: self.step_zoom(1))
        QShortcut(QKeySequence("Ctrl+="), self, activated=lambda: self.step_zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=lambda: self.step_zoom(-1))
        self.finished.connect(self._release)
        self._fit_screen()
        self.apply_zoom()

    # -- size and zoom

    def _fit_screen(self) -> None:
        screen = (
            self.parentWidget().screen() if self.parentWidget() else None
        ) or QApplication.primaryScreen()
        if screen is None:
            self.resize(900, 700)
            return
        area = screen.availableGeometry()
        self.resize(min(960, int(area.width() * 0.9)), max(360, int(area.height() * 0.92)))

    def page_count(self) -> int:
        return len(self.canvas.sizes)

    def step_zoom(self, step: int) -> None:
        fixed = [i for i, (_k, f) in enumerate(self.ZOOMS) if f]
        current = self.canvas.zoom
        if step > 0:
            nxt = next((i for i in fixed if self.ZOOMS[i][1] > current + 1e-6), fixed[-1])
        else:
            nxt = next((i for i in reversed(fixed) if self.ZOOMS[i][1] < current - 1e-6), fixed[0])
        self.zoom.setCurrentIndex(nxt)

    def apply_zoom(self) -> None:
        key = self.zoom.currentData()
        factor = dict(self.ZOOMS).get(key, 0.0)
        if not factor and self.canvas.sizes:
            w, h = max(self.canvas.sizes, key=lambda s: s[0])
            per_point = self.canvas.logicalDpiX() / POINTS_PER_INCH
            room_w = self.scroll.viewport().width() - 2 * _PageCanvas.GAP - 2
            room_h = self.scroll.viewport().height() - 2 * _PageCanvas.GAP - 2
            factor = room_w / (w * per_point)
            if key == "fit_page":
                factor = min(factor, room_h / (h * per_point))
            factor = max(factor, 0.2)
        self.canvas.zoom = factor or 1.0
        self.canvas.relayout()
        self._update_page_label()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.zoom.currentData() in ("fit_width", "fit_page"):
            QTimer.singleShot(0, self._refit)  # after the scroll area has its new size

    def _refit(self) -> None:
        if not self.canvas.closed:
            self.apply_zoom()

    def _update_page_label(self) -> None:
        bar = self.scroll.verticalScrollBar()
        middle = bar.value() + self.scroll.viewport().height() / 2
        current = self.canvas.page_at(middle) + 1 if self.page_count() else 0
        self.page_label.setText(self.tr("第 {n} / {total} 页").format(n=current, total=self.page_count()))

    # -- printing

    def print_document(self) -> None:
        """Ask for a printer (the dialog is non-blocking and owned by this preview)."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setDocName(self.title)
        self.printer.setFromTo(0, 0)
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("打印 — {title}").format(title=self.title))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, max(self.page_count(), 1))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        self.print_dialog = dialog
        dialog.destroyed.connect(lambda _o=None: setattr(self, "print_dialog", None))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # QPrintDialog.open() in PySide wants a receiver; this is the same

    def print_to(self, printer: QPrinter) -> int:
        """Send the document to ``printer`` at its resolution; emits ``printed`` on success."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = paint_pdf(printer, self.pdf_path)
        finally:
            QApplication.restoreOverrideCursor()
        if pages:
            self.status.setText(self.tr("已发送到打印机：{n} 页。").format(n=pages))
            self.printed.emit()
        else:
            self.status.setText(self.tr("打印机未能开始打印。"))
        return pages

    def _release(self, _result: int = 0) -> None:
        """The pdfium document is closed with the dialog (the temporary PDF may then be removed)."""
        _open.discard(self)
        if not self.canvas.closed:
            self.canvas.closed = True
            self.doc.close()


_open: set[PreviewDialog] = set()


def preview_pdf(parent: QWidget | None, pdf_path: Path, title: str = "") -> PreviewDialog:
    """A preview for a PDF (not yet shown); it deletes itself when closed."""
    return PreviewDialog(Path(pdf_path), title, parent)


def show_preview(parent: QWidget | None, pdf_path: Path, title: str = "", on_printed=None) -> PreviewDialog:
    """Open the preview window-modally; ``on_printed()`` runs each time it is sent to a printer.

    A preview without a parent is held in a module set until it is closed, so no caller has to
    keep a reference for it to survive.
    """
    dialog = preview_pdf(parent, pdf_path, title)
    if on_printed is not None:
        dialog.printed.connect(on_printed)
    _open.add(dialog)
    dialog.open()
    return dialog


def print_or_export(
    parent: QWidget, anchor: QWidget | None, on_preview: Callable[[], None], on_export: Callable[[], None]
) -> None:
    """The drop-down every form window offers under its print button: preview (and print from
    there) or export to a file. Deleted after use, so repeated clicks do not pile up menus."""
    menu = QMenu(parent)
    menu.setObjectName("printOrExport")
    menu.addAction(QCoreApplication.translate("printing", "打印预览…"), on_preview)
    menu.addAction(QCoreApplication.translate("printing", "导出为 Excel / PDF…"), on_export)
    where = anchor.mapToGlobal(anchor.rect().bottomLeft()) if anchor is not None else QCursor.pos()
    menu.exec(where)
    menu.deleteLater()


def ask_export_path(parent: QWidget, caption: str, suggested_name: str) -> Path | None:
    """Where to export a form (.xlsx or .pdf; .xlsx when the name has neither); None if cancelled."""
    from desktop.views import filedialogs

    path, chosen = filedialogs.get_save_file_name(
        parent,
        caption,
        str(Path.home() / suggested_name),
        QCoreApplication.translate("printing", "Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)"),
    )
    if not path:
        return None
    if not path.lower().endswith((".xlsx", ".pdf")):
        path += ".pdf" if "pdf" in chosen.lower() else ".xlsx"
    return Path(path)


def open_previews() -> list[PreviewDialog]:
    """Previews currently open (tests look here). One whose parent window took it down is dropped."""
    for dialog in [d for d in _open if not shiboken6.isValid(d)]:
        _open.discard(dialog)
    return [d for d in _open if d.isVisible()]
