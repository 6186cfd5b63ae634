"""现场人员清单 / 紧急疏散名单: everyone checked in and not out, for a fire drill or evacuation.

The head count (sum of people per party) is printed large: it is what the assembly-point warden
compares against.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.exporters import pdfkit
from desktop.i18n import chinese_form
from desktop.services.visitors import VisitRow

TITLE = "现场访客清单（紧急疏散名单）"
COLUMNS: list[tuple[str, float]] = [
    ("序号", 5),
    ("签到时间", 9),
    ("姓名", 12),
    ("单位", 30),
    ("人数", 6),
    ("接待人", 10),
    ("接待人电话", 16),
    ("接待部门", 12),
    ("胸卡号", 8),
    ("等候地点", 16),
    ("清点", 8),
]


@chinese_form
def export_onsite_pdf(rows: list[VisitRow], company: str, now: dt.datetime, path: Path) -> Path:
    width = pdfkit.content_width(landscape_page=True)
    total_chars = sum(w for _, w in COLUMNS)
    widths = [width * w / total_chars for _, w in COLUMNS]
    people = sum(r.people_count for r in rows)
    st = pdfkit.styles()
    data: list[list[object]] = [[h for h, _ in COLUMNS]]
    for i, r in enumerate(rows, start=1):
        data.append(
            [
                i,
                r.time_in.strftime("%H:%M") if r.time_in else "",
                r.name,
                r.company,
                r.people_count,
                r.host_name,
                r.host_phone,
                r.department,
                r.badge_no,
                r.wait_location,
                "□",
            ]
        )
    if not rows:
        data.append(["", "", "当前无在访人员", "", "", "", "", "", "", "", ""])
    story = pdfkit.title_block(
        TITLE, company, f"打印时间：{now:%Y-%m-%d %H:%M}", f"在访 {len(rows)} 批", width
    )
    story.append(pdfkit.para(f"现场访客合计：{people} 人", st["big"]))
    story.append(pdfkit.grid(data, widths, center_columns=(0, 1, 4, 8, 10)))
    story.append(pdfkit.signature_line(("清点人", "安全负责人"), width))
    return pdfkit.build(path, story, landscape_page=True, title=TITLE)
