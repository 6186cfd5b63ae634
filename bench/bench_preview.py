"""Benchmark: time to the first page of the print preview (prints figures; never fails on timing).

    QT_QPA_PLATFORM=offscreen python bench/bench_preview.py [--pages 20] [--runs 5]

A generated N-page PDF (the visitor log, the longest form we print) is opened in the preview
dialog; the figure is the time from creating the dialog to the first page painted on screen. The
baseline, measured interleaved in the same run, is a bare pypdfium2 render of one page at the
same screen resolution into a QImage: the least any preview can do. Medians of ``--runs``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_pdf(path: Path, pages: int) -> Path:
    from desktop.exporters import visitor_log
    from desktop.services.visitors import VisitRow

    def row(i: int) -> VisitRow:
        return VisitRow(
            id=i, name=f"访客{i}", company="华东精密机械有限公司", phone="13812345678",
            id_number="4401**********1234", people_count=2, category="老客户（商务）",
            purpose="商务洽谈", host_id=1, host_name="张伟", host_phone="13900001111",
            department="销售一部", kind="walk_in", status="left", expected_date=None,
            expected_time=None, time_in=dt.datetime(2026, 11, 20, 9, i % 60),
            time_out=dt.datetime(2026, 11, 20, 11, 5), badge_no=str(i), tea_served=i % 2 == 0,
            wait_location="一楼会客区", remarks="携带样品",
        )  # fmt: skip

    from desktop.views import printing

    rows = 20 * pages
    while True:
        visitor_log.export_visitor_log(
            [row(i) for i in range(1, rows)], dt.date(2026, 11, 20), "华夏精工", "X-1", path
        )
        count = printing.page_count(path)
        if count >= pages:
            return path
        rows = int(rows * pages / max(count, 1)) + 10


def first_page_ms(pdf: Path) -> tuple[float, int]:
    from PySide6.QtWidgets import QApplication

    from desktop.views import printing

    start = time.perf_counter()
    dialog = printing.preview_pdf(None, pdf, "bench")
    dialog.show()
    while dialog.canvas.rendered == 0:
        QApplication.processEvents()
        if time.perf_counter() - start > 60:
            break
    elapsed = (time.perf_counter() - start) * 1000
    rendered = dialog.canvas.rendered
    dialog.close()
    QApplication.processEvents()
    return elapsed, rendered


def bare_render_ms(pdf: Path, dpi: float) -> float:
    import pypdfium2 as pdfium
    from PySide6.QtGui import QImage

    start = time.perf_counter()
    doc = pdfium.PdfDocument(str(pdf))
    page = doc[0]
    bitmap = page.render(scale=dpi / 72, prefer_bgrx=True)
    QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32).copy()
    bitmap.close()
    page.close()
    doc.close()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    pdf = make_pdf(Path(tempfile.mkdtemp(prefix="bench-preview-")) / "log.pdf", args.pages)
    from desktop.views import printing

    pages = printing.page_count(pdf)
    # The same resolution the preview paints at (fit width of a ~900 px window on this screen).
    probe = printing.preview_pdf(None, pdf, "probe")
    probe.show()
    app.processEvents()
    dpi = probe.canvas.pixels_per_point() * 72 * probe.canvas.devicePixelRatioF()
    probe.close()
    app.processEvents()
    preview, bare, rendered = [], [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        ms, n = first_page_ms(pdf)
        preview.append(ms)
        rendered.append(n)
        bare.append(bare_render_ms(pdf, dpi))
    p, b = statistics.median(preview), statistics.median(bare)
    print(f"document: {pages} pages, preview resolution {dpi:.0f} dpi, {args.runs} runs (medians)")
    print(f"preview: time to first page   {p:8.1f} ms  (pages rendered by then: {max(rendered)})")
    print(f"baseline: bare pdfium, 1 page {b:8.1f} ms")
    print(f"ratio                         {p / b:8.2f}x")


if __name__ == "__main__":
    main()
