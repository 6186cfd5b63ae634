"""The 对账报告 as a PDF that reads like one report, not three spreadsheets printed in a row.

A month of the demo printed on three pages: 14-point section titles, an eleven-row summary
table down the left, generous padding, and column widths from fixed weights, so short columns
(日期, 方向, 得分) took as much room as names and long texts wrapped. Here the summary is one
band across the page, the grids use a compact 7.5-point style with widths fitted to what the
columns hold, and a long 问题清单 (three narrow columns) runs in two columns side by side when
each half fits a page. Header rows repeat on every page; the title, period and page numbers
stay. The .xlsx keeps one sheet per list (finance sorts and filters there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop import clock
from desktop.exporters import pdfkit
from desktop.exporters.fonts import register

MARGINS_MM = 9
FONT_SIZE = 7.5
LEADING = 9.2
PADDING = 1.4
GAP = 4 * mm  # between the two halves of a long 问题清单
# A column never takes more than this share of the page: a long memo wraps instead of
# squeezing the dates.
MAX_SHARE = 0.34
# Rows of the 问题清单 before it is worth running in two columns.
TWO_COLUMNS_FROM = 12


def _text(value: object) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    return "" if value is None else str(value)


def _styles() -> dict:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    font = register()
    cell = ParagraphStyle("rcell", fontName=font, fontSize=FONT_SIZE, leading=LEADING, wordWrap="CJK")
    return {
        "cell": cell,
        "number": ParagraphStyle("rnum", parent=cell, alignment=TA_RIGHT),
        "head": ParagraphStyle("rhead", parent=cell, alignment=TA_CENTER),
        # a section's title never stays alone at the foot of a page
        "section": ParagraphStyle(
            "rsection", fontName=font, fontSize=10, leading=12, spaceBefore=3, spaceAfter=3, keepWithNext=1
        ),
    }


def _numeric(rows: Sequence[Sequence[object]], column: int) -> bool:
    values = [r[column] for r in rows if column < len(r) and r[column] not in ("", None)]
    return bool(values) and all(isinstance(v, (int, float, Decimal)) for v in values)


def fitted_widths(head: Sequence[str], rows: Sequence[Sequence[str]], width: float) -> list[float]:
    """Column widths from what each column holds (its widest cell, capped), scaled to ``width``."""
    font = register()
    pad = 2 * PADDING + 2
    natural = []
    for c, title in enumerate(head):
        texts = [title] + [r[c] for r in rows[:300] if c < len(r)]
        widest = max(stringWidth(t, font, FONT_SIZE) for t in texts) + pad
        natural.append(min(widest, width * MAX_SHARE))
    total = sum(natural)
    return [w * width / total for w in natural]


def grid(head: Sequence[str], rows: Sequence[Sequence[object]], width: float) -> Table:
    """A compact bordered grid; the header row shaded and repeated on every page."""
    st = _styles()
    texts = [[_text(v) for v in r] for r in rows]
    widths = fitted_widths(head, texts, width)
    numeric = {c for c in range(len(head)) if _numeric(rows, c)}
    data = [[Paragraph(pdfkit.escape(h), st["head"]) for h in head]]
    for row in texts:
        data.append(
            [
                Paragraph(pdfkit.escape(t), st["number"] if c in numeric else st["cell"])
                for c, t in enumerate(row)
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register()),
                ("GRID", (0, 0), (-1, -1), 0.5, pdfkit.GRID),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING + 0.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING + 0.5),
                ("BACKGROUND", (0, 0), (-1, 0), pdfkit.HEADER_BG),
            ]
        )
    )
    return table


def summary_band(summary: Sequence[tuple[str, object]], width: float) -> Table:
    """The counts as one band: names above, figures below."""
    head = [k for k, _ in summary]
    table = grid(head, [[v for _, v in summary]], width)
    cells = len(head)
    table._argW = [width / cells] * cells  # equal cells read as a band
    return table


def _two_columns(head: Sequence[str], rows: Sequence[Sequence[object]], width: float, page_height: float):
    """The list in two halves side by side — only when each half fits one page (a table inside
    a table cannot break across pages)."""
    half = (len(rows) + 1) // 2
    column = (width - GAP) / 2
    left, right = grid(head, rows[:half], column), grid(head, rows[half:], column)
    tallest = max(left.wrap(column, page_height)[1], right.wrap(column, page_height)[1])
    if tallest > page_height * 0.85:
        return None
    outer = Table([[left, right]], colWidths=[column + GAP / 2, column + GAP / 2])
    outer.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register()),  # else reportlab names Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), GAP / 2),
                ("LEFTPADDING", (1, 0), (1, 0), GAP / 2),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return outer


def write(
    data, sections: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]], path: Path, title: str
) -> Path:
    """``data`` is a finance_reports.ReportData; ``sections`` (title, head, rows) in print order."""
    from reportlab.lib.pagesizes import A4, landscape

    width = pdfkit.content_width(True, MARGINS_MM)
    page_height = landscape(A4)[1] - (2 * MARGINS_MM + 4) * mm
    st = _styles()
    story: list[Flowable] = pdfkit.title_block(
        title,
        data.company,
        f"期间：{data.date_from:%Y-%m-%d} 至 {data.date_to:%Y-%m-%d}",
        f"生成：{clock.now():%Y-%m-%d %H:%M}",
        width,
    )
    story.append(summary_band(data.summary, width))
    for name, head, rows in sections:
        story.append(Paragraph(pdfkit.escape(f"{name}（{len(rows)}）"), st["section"]))
        if not rows:
            story.append(Paragraph("无", st["cell"]))
            continue
        block = None
        if len(rows) >= TWO_COLUMNS_FROM and len(head) <= 4:
            block = _two_columns(head, rows, width, page_height)
        story.append(block if block is not None else grid(head, rows, width))
    return pdfkit.build(path, story, landscape_page=True, title=title, margins_mm=MARGINS_MM)
