"""Benchmark: exports next to bare-library baselines (prints figures; never fails on timing).

    python bench/bench_exports.py [--runs 5] [--visits 2000] [--sheets 100]

1. The .xlsx visitor log of a day with VISITS visits (exporters/visitor_log.py) vs bare openpyxl
   writing the same cell values into the same template and saving.
2. SHEETS arrangement sheets (接待安排表) in one PDF (exporters/arrangement_forms.py,
   export_day_sheets) vs bare reportlab: the same cell texts as CJK-wrapped Paragraphs in a
   Table with the same font, column widths and grid, one sheet per page (and, for reference,
   the same as plain unwrapped strings: the floor no wrapped form can reach).
Medians of ``--runs`` interleaved runs.
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

from desktop import db, paths  # noqa: E402


def visit_rows(n: int):
    from desktop.services.visitors import VisitRow

    return [
        VisitRow(
            id=i, name=f"访客{i}", company="华东精密机械有限公司", phone="13812345678",
            id_number="4401**********1234", people_count=2, category="老客户（商务）",
            purpose="商务洽谈", host_id=1, host_name="张伟", host_phone="13900001111",
            department="销售一部", kind="walk_in", status="left", expected_date=None,
            expected_time=None, time_in=dt.datetime(2026, 11, 20, 8 + i % 10, i % 60),
            time_out=dt.datetime(2026, 11, 20, 18, 5), badge_no=str(i), tea_served=i % 2 == 0,
            wait_location="一楼会客区", remarks="携带样品" if i % 7 else "=SUM(A1)",
        )
        for i in range(1, n + 1)
    ]  # fmt: skip


def bare_xlsx(rows, path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.exporters import visitor_log

    wb = load_workbook(visitor_log.TEMPLATE)
    ws = wb.active
    for offset, values in enumerate(visitor_log._cells(i, r) for i, r in enumerate(rows, start=1)):
        for c, value in enumerate(values):
            ws.cell(visitor_log.FIRST_ROW + offset, c + 1, value)
    wb.save(path)


def arrangement_details(count: int):
    from desktop.models import Arrangement
    from desktop.services import arrangements, demo, setup
    from desktop.services.auth import actor_by_username

    setup.ensure_defaults()
    demo.seed_demo()
    actor = actor_by_username(demo.DEMO_ADMIN)
    first = Arrangement.select().order_by(Arrangement.id).first()
    detail = arrangements.get(actor, first.reception_id)
    return [detail] * count


def bare_pdf(docs, path: Path, *, plain: bool = False) -> None:
    """The same cell texts as CJK-wrapped Paragraphs, same font, widths and grid, a page each."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    from desktop.exporters import pdfkit
    from desktop.exporters.fonts import register

    font = register()
    style = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    story = []
    for i, doc in enumerate(docs):
        if i:
            story.append(PageBreak())
        width = pdfkit.content_width(doc.landscape)
        total = sum(doc.widths)
        data = []
        for row in doc.rows:
            cells: list = []
            for cell in row:
                cells.append(str(cell.text) if plain else Paragraph(pdfkit.escape(cell.text), style))
                cells += [""] * (cell.span - 1)
            data.append(cells[: len(doc.widths)] + [""] * (len(doc.widths) - len(cells)))
        table = Table(data, colWidths=[width * w / total for w in doc.widths])
        table.setStyle(
            TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.6, "black")])
        )
        story.append(table)
    size = landscape(A4) if docs and docs[0].landscape else A4
    SimpleDocTemplate(str(path), pagesize=size).build(story)


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--sheets", type=int, default=100)
    args = parser.parse_args()
    from desktop.exporters import arrangement_forms, visitor_log

    folder = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    paths.set_data_dir(folder)
    rows = visit_rows(args.visits)
    day = dt.date(2026, 11, 20)
    db.open_database(f"sqlite:///{folder / 'demo.sqlite3'}")
    details = arrangement_details(args.sheets)
    form_no = arrangement_forms.form_number(arrangement_forms.ARRANGEMENT_TITLE)
    docs = [  # the very documents export_day_sheets lays out: every copy of every reception
        arrangement_forms.arrangement_doc(d, "华夏精工", r, form_no)
        for d in details
        for r in (d.recipients or ("",))
    ]
    samples: dict[str, list[float]] = {k: [] for k in ("xlsx", "xlsx_bare", "pdf", "pdf_bare", "pdf_plain")}
    for _ in range(args.runs):
        samples["xlsx"].append(
            _time(lambda: visitor_log.export_visitor_log(rows, day, "华夏精工", "X-1", folder / "a.xlsx"))
        )
        samples["xlsx_bare"].append(_time(lambda: bare_xlsx(rows, folder / "b.xlsx")))
        samples["pdf"].append(
            _time(lambda: arrangement_forms.export_day_sheets(details, "华夏精工", folder / "a.pdf"))
        )
        samples["pdf_bare"].append(_time(lambda: bare_pdf(docs, folder / "b.pdf")))
        samples["pdf_plain"].append(_time(lambda: bare_pdf(docs, folder / "c.pdf", plain=True)))
    db.close_database()
    m = {k: statistics.median(v) for k, v in samples.items()}
    print(f"exports, medians of {args.runs} interleaved runs")
    print(f"  visitor log .xlsx, {args.visits:,} visits  {m['xlsx']:8.0f} ms   bare openpyxl same cells "
          f"{m['xlsx_bare']:8.0f} ms   {m['xlsx'] / m['xlsx_bare']:5.2f}×  (target ≤ 2×)")  # fmt: skip
    print(f"  {args.sheets} arrangement sheets, one PDF  {m['pdf']:8.0f} ms   bare reportlab same font  "
          f"{m['pdf_bare']:8.0f} ms   {m['pdf'] / m['pdf_bare']:5.2f}×  (target ≤ 2×)")  # fmt: skip
    print(f"  {'':34} plain-string cells (no wrapping) {m['pdf_plain']:8.0f} ms   "
          f"{m['pdf'] / m['pdf_plain']:5.2f}×  (the floor without CJK line breaking)")  # fmt: skip


if __name__ == "__main__":
    main()
