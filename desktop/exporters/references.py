"""One-page references an office pins up: the 星级食宿标准 (the levels and caps in force) and the
协议酒店 directory. Both come from the current settings, so a print is never out of step with
what the application window checks against."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop import clock, paths
from desktop.exporters.formdoc import HEADER, Cell, FormDoc, write_pdf, write_xlsx
from desktop.i18n import chinese_form
from desktop.services.money import format_money
from desktop.services.resources import Item
from desktop.services.standards import LevelInfo

STANDARDS_TEMPLATE = paths.FORMS_TEMPLATES / "standards.xlsx"
HOTELS_TEMPLATE = paths.FORMS_TEMPLATES / "hotels.xlsx"
STANDARDS_TITLE = "接待星级食宿标准"
HOTELS_TITLE = "协议酒店一览表"
STANDARDS_WIDTHS = (1.3, 1, 1, 1, 1, 1, 2.2, 0.9)
HOTELS_WIDTHS = (1.2, 1, 0.6, 1, 1, 1, 1.1, 0.9)


def _cap(value: Decimal) -> str:
    return format_money(value) if value else "—"


@chinese_form
def standards_doc(levels: list[LevelInfo], company: str) -> FormDoc:
    doc = FormDoc(
        STANDARDS_TITLE,
        company,
        f"现行标准　打印日期：{clock.today():%Y-%m-%d}",
        "单位：元（餐费每人每餐，住宿每间每晚，交通每趟）",
        widths=STANDARDS_WIDTHS,
    )
    doc.row(
        Cell("级别", 1, HEADER),
        Cell("餐费上限", 1, HEADER),
        Cell("住宿上限", 1, HEADER),
        Cell("交通上限", 1, HEADER),
        Cell("礼品上限", 1, HEADER),
        Cell("参观上限", 1, HEADER),
        Cell("陪同人员 / 陪餐人数", 1, HEADER),
        Cell("提前申请", 1, HEADER),
    )
    for level in levels:
        s = level.standard
        diners = (
            f"来宾 ≤ {s.accompany_small_group} 人时陪餐 ≤ {s.accompany_small_limit} 人，"
            f"否则 ≤ 来宾的 1/{s.accompany_ratio}"
            if s.accompany_ratio
            else ""
        )
        deciders = "；".join(
            x
            for x in (
                f"礼品由{s.gifts_decider}决定" if s.gifts_decider else "",
                f"参观由{s.tour_decider}决定" if s.tour_decider else "",
            )
            if x
        )
        doc.row(
            Cell(f"{s.level_code} · {s.level_name}\n第 {s.version} 版", 1, align="center"),
            Cell(_cap(s.meal_cap), 1, align="right"),
            Cell(_cap(s.hotel_cap), 1, align="right"),
            Cell(_cap(s.transport_cap), 1, align="right"),
            Cell(_cap(s.gift_cap), 1, align="right"),
            Cell(_cap(s.tour_cap), 1, align="right"),
            Cell("\n".join(x for x in (s.accompany, diners, deciders) if x), 1),
            Cell(f"{s.lead_days} 个工作日", 1, align="center"),
        )
    if not levels:
        doc.row(Cell("尚未设置接待级别", 8, align="center"))
    doc.footer = "餐费标准不含烟酒及礼品；超标准费用须另行审批；总经理出席时由总经理决定标准。"
    return doc


@chinese_form
def hotels_doc(hotels: list[Item], company: str) -> FormDoc:
    doc = FormDoc(
        HOTELS_TITLE,
        company,
        f"打印日期：{clock.today():%Y-%m-%d}",
        f"共 {len(hotels)} 家",
        widths=HOTELS_WIDTHS,
    )
    doc.row(
        Cell("酒店名称", 2, HEADER),
        Cell("星级", 1, HEADER),
        Cell("地址", 3, HEADER),
        Cell("电话", 1, HEADER),
        Cell("协议房价", 1, HEADER),
    )
    for hotel in hotels:
        v = hotel.values
        doc.row(
            Cell(v.get("name", ""), 2),
            Cell(f"{v.get('star') or ''} 星", 1, align="center"),
            Cell(v.get("address", ""), 3),
            Cell(v.get("phone", ""), 1, align="center"),
            Cell(format_money(v.get("room_price") or 0), 1, align="right"),
        )
    if not hotels:
        doc.row(Cell("尚无协议酒店", 8, align="center"))
    doc.footer = "预订时请报公司名称，按协议价结算；房价超出接待级别住宿上限的须另行审批。"
    return doc


def _write(doc: FormDoc, template: Path, path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, template, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


@chinese_form
def export_standards(levels: list[LevelInfo], company: str, path: Path) -> Path:
    return _write(standards_doc(levels, company), STANDARDS_TEMPLATE, path)


@chinese_form
def export_hotels(hotels: list[Item], company: str, path: Path) -> Path:
    return _write(hotels_doc(hotels, company), HOTELS_TEMPLATE, path)
