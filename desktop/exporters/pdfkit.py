"""Building blocks shared by our PDF forms: styles, the title block, bordered grids, page
numbers "第 1 页 / 共 N 页" and signature lines, all in the bundled CJK font."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.exporters.fonts import register

GRID = colors.HexColor("#333333")
HEADER_BG = colors.HexColor("#e8edf3")


def styles() -> dict[str, ParagraphStyle]:
    font = register()
    return {
        "title": ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=TA_CENTER),
        "company": ParagraphStyle("company", fontName=font, fontSize=11, leading=15, alignment=TA_CENTER),
        "meta": ParagraphStyle("meta", fontName=font, fontSize=9, leading=12, alignment=TA_LEFT),
        "meta_right": ParagraphStyle("meta_right", fontName=font, fontSize=9, leading=12, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK"),
        "cell_center": ParagraphStyle(
            "cell_center", fontName=font, fontSize=8.5, leading=11, alignment=TA_CENTER, wordWrap="CJK"
        ),
        "head": ParagraphStyle(
            "head", fontName=font, fontSize=9, leading=12, alignment=TA_CENTER, wordWrap="CJK"
        ),
        "body": ParagraphStyle("body", fontName=font, fontSize=10, leading=14, wordWrap="CJK"),
        "big": ParagraphStyle("big", fontName=font, fontSize=14, leading=18),
    }


def escape(text: object) -> str:
    return (
        str(text if text is not None else "")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "<br/>")
    )


def para(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def title_block(title: str, company: str, left: str, right: str, width: float) -> list[Flowable]:
    st = styles()
    meta = Table([[para(left, st["meta"]), para(right, st["meta_right"])]], colWidths=[width / 2, width / 2])
    meta.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register()),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        para(company, st["company"]),
        para(title, st["title"]),
        Spacer(1, 2 * mm),
        meta,
        Spacer(1, 2 * mm),
    ]


def grid(
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    center_columns: Sequence[int] = (),
) -> Table:
    """A bordered table of paragraphs; header rows shaded and repeated on every page."""
    st = styles()
    data = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            if isinstance(value, Flowable):
                cells.append(value)
            elif r < header_rows:
                cells.append(para(value, st["head"]))
            else:
                cells.append(para(value, st["cell_center"] if c in center_columns else st["cell"]))
        data.append(cells)
    table = Table(data, colWidths=list(widths), repeatRows=header_rows)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), register()),  # tables set a font per cell, even unused
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
    table.setStyle(TableStyle(commands))
    return table


def signature_line(labels: Sequence[str], width: float) -> Table:
    st = styles()
    cells = [para(f"{label}：__________　日期：________", st["meta"]) for label in labels]
    table = Table([cells], colWidths=[width / len(labels)] * len(labels))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register()),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


class PageGroup(Flowable):
    """Starts a numbering group: a labelled copy of a form counts its own pages ("第 1 页 / 共 1
    页" on every copy of a triplicate, not "第 3 页 / 共 3 页"), and its later pages carry
    ``header`` (title, number, copy) so a loose page 2 still says what it belongs to."""

    def __init__(self, key: object, header: str = "") -> None:
        super().__init__()
        self.key, self.header = key, header
        self.width = self.height = 0

    def wrap(self, *_args) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._group = (self.key, self.header)


class NumberedCanvas(rl_canvas.Canvas):
    """Writes "第 n 页 / 共 N 页" at the foot of every page once the page count is known,
    counted within each :class:`PageGroup`; pages after the first of a group get its header."""

    def __init__(self, *args, **kwargs):
        # Without this the canvas starts in Helvetica, a font the PDF would name but not embed.
        kwargs.setdefault("initialFontName", register())
        kwargs.setdefault("initialFontSize", 9)
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        groups = [state.get("_group", (None, "")) for state in self._pages]
        totals: dict[object, int] = {}
        for key, _header in groups:
            totals[key] = totals.get(key, 0) + 1
        seen: dict[object, int] = {}
        for state, (key, header) in zip(self._pages, groups, strict=True):
            self.__dict__.update(state)
            seen[key] = number = seen.get(key, 0) + 1
            self.setFont(register(), 8)
            width, height = self._pagesize
            self.drawCentredString(width / 2, 8 * mm, f"第 {number} 页 / 共 {totals[key]} 页")
            if number > 1 and header:
                self.setFont(register(), 9)
                self.drawString(12 * mm, height - 8 * mm, f"{header}　第 {number} 页")
            super().showPage()
        super().save()


def build(
    path: Path, story: list[Flowable], *, landscape_page: bool, title: str, margins_mm: float = 12
) -> Path:
    size = landscape(A4) if landscape_page else A4
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=margins_mm * mm,
        rightMargin=margins_mm * mm,
        topMargin=margins_mm * mm,
        bottomMargin=(margins_mm + 4) * mm,
        title=title,
        author="接待管理",
        initialFontName=register(),
        initialFontSize=9,
    )
    doc.build(story, canvasmaker=NumberedCanvas)
    return path


def content_width(landscape_page: bool, margins_mm: float = 12) -> float:
    size = landscape(A4) if landscape_page else A4
    return size[0] - 2 * margins_mm * mm
