"""Visitor badge (访客证) on a 90 × 54 mm label, printed at check-in.

The name is the largest thing on the card and shrinks to fit long names; company and host
wrap onto two lines at most, so a badge never spills onto a second label.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from desktop import clock
from desktop.exporters.fonts import register
from desktop.i18n import chinese_form
from desktop.services.visitors import VisitRow

WIDTH, HEIGHT = 90 * mm, 54 * mm


def _fit(text: str, font: str, size: float, width: float, minimum: float = 7) -> float:
    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _wrap(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    """Break CJK text by characters into at most ``lines`` lines, ellipsis on the last."""
    out: list[str] = []
    current = ""
    for ch in text:
        if stringWidth(current + ch, font, size) > width:
            out.append(current)
            current = ch
            if len(out) == lines:
                break
        else:
            current += ch
    else:
        out.append(current)
        return out[:lines]
    last = out[-1]
    while last and stringWidth(last + "…", font, size) > width:
        last = last[:-1]
    out[-1] = last + "…"
    return out


@chinese_form
def export_badge_pdf(row: VisitRow, company: str, path: Path, *, day: dt.date | None = None) -> Path:
    font = register()
    day = day or (row.time_in.date() if row.time_in else clock.today())
    c = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), initialFontName=font)
    c.setTitle(f"访客证 {row.name}")
    inner = WIDTH - 10 * mm
    # Header band
    c.setFillColor(colors.HexColor("#1f4e79"))
    c.rect(0, HEIGHT - 12 * mm, WIDTH, 12 * mm, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont(font, _fit(company, font, 9, inner - 25 * mm))
    c.drawString(5 * mm, HEIGHT - 7.5 * mm, company)
    c.setFont(font, 11)
    c.drawRightString(WIDTH - 5 * mm, HEIGHT - 7.5 * mm, "访客 VISITOR")
    # Name
    c.setFillColor(colors.black)
    size = _fit(row.name, font, 22, inner)
    c.setFont(font, size)
    c.drawString(5 * mm, HEIGHT - 22 * mm, row.name)
    # Company, host, date
    c.setFont(font, 8.5)
    y = HEIGHT - 28.5 * mm
    for line in _wrap(f"单位：{row.company or '—'}", font, 8.5, inner, 2):
        c.drawString(5 * mm, y, line)
        y -= 4 * mm
    host = row.host_name + (f"（{row.department}）" if row.department else "")
    for line in _wrap(f"接待人：{host or '—'}", font, 8.5, inner, 1):
        c.drawString(5 * mm, y, line)
        y -= 4 * mm
    c.drawString(5 * mm, 5 * mm, f"日期：{day:%Y-%m-%d}")
    # Badge number
    c.setFont(font, 8)
    c.drawRightString(WIDTH - 5 * mm, 12 * mm, "胸卡号")
    c.setFont(font, 18)
    c.drawRightString(WIDTH - 5 * mm, 4.5 * mm, row.badge_no or "—")
    c.setStrokeColor(colors.HexColor("#999999"))
    c.rect(0.5, 0.5, WIDTH - 1, HEIGHT - 1, stroke=1, fill=0)
    c.showPage()
    c.save()
    return path
