"""客户接待安排表 (one A4 per reception, in as many labelled copies as recipients), 商务考察行程安排表
(the day-by-day itinerary for the client's team leader) and 客户接待信息反馈表.

The sheets are handouts: everything a driver, a host or the client's team leader needs is on
the page (places, rooms, cars, phones), dates carry the year, and a revised sheet says which
lines changed since the copy that went out before — the internal "changed since printing"
state stays in the program.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop import clock, paths
from desktop.exporters.formdoc import (
    HEADER,
    LABEL,
    SIGN,
    Cell,
    FormDoc,
    check,
    write_pdf,
    write_pdf_many,
    write_xlsx,
)
from desktop.i18n import chinese_form
from desktop.services.arrangements import ArrangementDetail, ItemInfo
from desktop.services.feedback import FeedbackForm, FeedbackSignatures

ARRANGEMENT_TEMPLATE = paths.FORMS_TEMPLATES / "arrangement.xlsx"
ITINERARY_TEMPLATE = paths.FORMS_TEMPLATES / "itinerary.xlsx"
FEEDBACK_TEMPLATE = paths.FORMS_TEMPLATES / "feedback.xlsx"
ARRANGEMENT_TITLE = "客户接待安排表"
ITINERARY_TITLE = "商务考察行程安排表"
FEEDBACK_TITLE = "客户接待信息反馈表"
WIDTHS = (1.1, 1.1, 1, 1, 1, 1, 1, 1)
CHANGED = "【已变更】"
CANCELLED = "【已取消】"
FORM_NUMBERS = {  # setting key, default — the settings window can change them
    ARRANGEMENT_TITLE: ("arrangement_form_no", "XZ-QR-003"),
    ITINERARY_TITLE: ("itinerary_form_no", "XZ-QR-004"),
    FEEDBACK_TITLE: ("feedback_form_no", "XZ-QR-005"),
}


def form_number(title: str) -> str:
    from desktop.services import settings

    key, default = FORM_NUMBERS[title]
    try:
        return settings.get(key)
    except Exception:  # noqa: BLE001 - a form still prints without a database
        return default


def _when(start: dt.datetime, end: dt.datetime) -> str:
    if start.date() == end.date():
        return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
    return f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"


def _item_when(item: ItemInfo) -> str:
    if item.kind == "hotel":
        check_in = item.start.date()
        check_out = check_in + dt.timedelta(days=max(item.nights, 1))
        return f"入住 {check_in:%Y-%m-%d}\n退房 {check_out:%Y-%m-%d}（{max(item.nights, 1)} 晚）"
    if item.to_be_confirmed:
        return f"时间待定（暂定 {_when(item.start, item.end)}）"
    return _when(item.start, item.end)


def _unique(*parts: str) -> list[str]:
    out: list[str] = []
    for part in parts:
        part = (part or "").strip()
        if part and part not in out:
            out.append(part)
    return out


def _where(item: ItemInfo) -> str:
    """Every place and resource once: the typed place, the room, restaurant, hotel, the car."""
    return "\n".join(
        _unique(
            item.place,
            item.station if item.kind == "pickup" else "",
            item.room_name,
            item.restaurant_name,
            item.hotel_name,
            item.vehicle_label,
        )
    )


def _note(item: ItemInfo) -> str:
    """What happens, without repeating the place and the car of the 地点 / 资源 column."""
    parts: list[str] = []
    if item.kind == "pickup" and item.transport_no:
        parts.append(f"航班/车次 {item.transport_no}")
    if item.kind == "meeting" and item.room_id:
        parts.append(f"投影仪 {check(item.projector)}")
    if item.kind == "tour":
        if item.route:
            parts.append(f"路线：{item.route}")
        if item.guide:
            parts.append(f"讲解：{item.guide}")
        if item.to_be_confirmed:
            parts.append("时间待定，提前 1 小时通知相关部门")
    if item.kind == "meal":
        parts.append(f"来宾 {item.guests} 人，陪餐 {item.diners} 人")
    if item.kind == "hotel":
        parts.append(f"{item.rooms} 间 × {max(item.nights, 1)} 晚")
    if item.driver_name:
        parts.append(f"司机：{item.driver_name}")
    if item.attendee_names:
        parts.append("我方：" + "、".join(item.attendee_names))
    if item.notes:
        parts.append(item.notes)
    return "；".join(parts)


def _leader(detail: ArrangementDetail):
    return next((g for g in detail.application.form.guests if g.leader), None)


def _contacts(detail: ArrangementDetail) -> list[tuple[str, str, str]]:
    """(role, name, phone) for the handout: host, client's team leader, drivers, hotel, restaurant."""
    rows = [("接待负责人", detail.application.responsible_name, detail.host_phone)]
    leader = _leader(detail)
    if leader is not None:
        rows.append(
            ("来宾领队", f"{leader.name}（{leader.title}）" if leader.title else leader.name, leader.phone)
        )
    seen: set[tuple[str, str]] = set()
    for item in detail.items:
        for role, name, phone in (
            (
                "司机",
                f"{item.driver_name}（{item.vehicle_label}）" if item.driver_name else "",
                item.driver_phone,
            ),
            ("酒店", item.hotel_name, item.hotel_phone),
            ("餐厅", item.restaurant_name, item.restaurant_phone),
        ):
            if name and (role, name) not in seen:
                seen.add((role, name))
                rows.append((role, name, phone))
    return rows


@chinese_form
def arrangement_doc(
    detail: ArrangementDetail, company: str, recipient: str = "", form_no: str | None = None
) -> FormDoc:
    app = detail.application
    info, form = app.info, app.form
    form_no = form_no if form_no is not None else form_number(ARRANGEMENT_TITLE)
    doc = FormDoc(
        ARRANGEMENT_TITLE,
        company,
        f"编号：{info.number}　第 {detail.revision} 版",
        f"表单编号：{form_no}",
        widths=WIDTHS,
    )
    doc.copy_label = f"{recipient}联" if recipient else ""
    doc.fields(("来宾公司", form.client_company, 3), ("接待级别", app.estimate.standard.label, 3))
    doc.fields(("到访时间", _when(form.arrival, form.departure), 3), ("接待部门", info.department_name, 3))
    guests = "、".join(f"{g.name}（{g.title}）" if g.title else g.name for g in form.guests)
    doc.fields(("来访人员", f"{guests}　共 {info.guest_count} 人", 7))
    doc.fields(("接待负责人", app.responsible_name, 3), ("我方出席", str(form.our_attendees), 3))
    doc.fields(("接待地点", form.venue, 7))
    doc.fields(("来访目的", form.purpose, 7))
    doc.fields(("客户背景", form.background, 7))
    doc.section("日程安排")
    doc.row(
        Cell("时间", 2, HEADER),
        Cell("事项", 1, HEADER),
        Cell("地点 / 资源", 2, HEADER),
        Cell("说明", 3, HEADER),
    )
    changed = detail.changed_items()
    # Lines deleted since the printed revision stay on the revised sheet, struck through, so
    # whoever holds the old copy sees what is off; in time order among the others.
    cancelled = {id(i) for i in detail.cancelled}
    for item in sorted([*detail.items, *detail.cancelled], key=lambda i: i.start):
        gone = id(item) in cancelled
        if gone or item.id in changed:
            doc.changed_rows.add(len(doc.rows))
        mark = CANCELLED if gone else CHANGED if item.id in changed else ""
        doc.row(
            Cell(_item_when(item), 2, align="center", strike=gone),
            Cell(item.kind_label, 1, align="center", strike=gone),
            Cell(_where(item), 2, strike=gone),
            Cell(mark + _note(item), 3),
        )
    if not detail.items and not detail.cancelled:
        doc.row(Cell("尚未安排", 8, align="center"))
    doc.section("联系方式")
    contacts = _contacts(detail)
    for i in range(0, len(contacts), 2):
        cells = []
        for role, name, phone in contacts[i : i + 2]:
            cells += [Cell(role, 1, LABEL), Cell(name, 2), Cell(phone, 1, align="center")]
        if len(cells) < 6:
            cells += [Cell("", 1, LABEL), Cell("", 2), Cell("", 1)]
        doc.row(*cells)
    doc.section("准备事项")
    checklist = detail.checklist
    for i in range(0, len(checklist), 2):
        pair = checklist[i : i + 2]
        cells = []
        for c in pair:
            cells += [Cell(c.name, 1, LABEL), Cell(f"{check(c.done)}　{c.owner_name}", 3)]
        if len(pair) == 1:
            cells += [Cell("", 1, LABEL), Cell("", 3)]
        doc.row(*cells)
    doc.fields(("接收人", "、".join(detail.recipients) + f"（一式 {len(detail.recipients)} 份）", 7))
    due = form.arrival.date() - dt.timedelta(days=1)
    filled = detail.updated_at.date() if detail.updated_at else clock.today()
    doc.fields(
        ("填表人", detail.updated_by, 3), ("填表日期", f"{filled:%Y-%m-%d}（应于 {due:%Y-%m-%d} 前发出）", 3)
    )
    footer = "接待人员在客户离开前不得更换；如有变更请以最新版本为准。"
    marks = [m for m, used in ((CHANGED, changed), (CANCELLED, detail.cancelled)) if used]
    if marks:
        footer += f"标“{'”“'.join(marks)}”的行是第 {detail.printed_revision} 版发出后的变更。"
    doc.footer = footer
    return doc


@chinese_form
def export_arrangement(detail: ArrangementDetail, company: str, path: Path) -> Path:
    """The sheet in triplicate (or as many copies as recipients), each copy labelled."""
    path = Path(path)
    recipients = list(detail.recipients) or [""]
    form_no = form_number(ARRANGEMENT_TITLE)
    if path.suffix.lower() == ".pdf":
        return write_pdf_many([arrangement_doc(detail, company, r, form_no) for r in recipients], path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(
            arrangement_doc(detail, company, form_no=form_no),
            ARRANGEMENT_TEMPLATE,
            path,
            copies=[f"{r}联" for r in recipients],
        )
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


@chinese_form
def export_day_sheets(details: list[ArrangementDetail], company: str, path: Path) -> Path:
    """Tomorrow's sheets, every copy of every reception, in one PDF to print at once."""
    form_no = form_number(ARRANGEMENT_TITLE)
    docs = [arrangement_doc(d, company, r, form_no) for d in details for r in (d.recipients or ("",))]
    if not docs:
        raise ValueError("no receptions on that day")
    return write_pdf_many(docs, Path(path))


@chinese_form
def itinerary_doc(detail: ArrangementDetail, company: str, form_no: str | None = None) -> FormDoc:
    app = detail.application
    form = app.form
    form_no = form_no if form_no is not None else form_number(ITINERARY_TITLE)
    doc = FormDoc(
        ITINERARY_TITLE,
        company,
        f"{form.client_company}　{form.arrival:%Y-%m-%d} 至 {form.departure:%Y-%m-%d}",
        f"编号：{app.info.number}　表单编号：{form_no}",
        widths=WIDTHS,
    )
    day = None
    for item in detail.items:
        if item.start.date() != day:
            day = item.start.date()
            weekday = "一二三四五六日"[day.weekday()]
            doc.section(f"{day:%Y 年 %m 月 %d 日}（星期{weekday}）")
            doc.row(
                Cell("时间", 2, HEADER),
                Cell("安排", 1, HEADER),
                Cell("地点", 2, HEADER),
                Cell("说明", 3, HEADER),
            )
        place = "\n".join(
            _unique(item.place, item.station, item.room_name, item.restaurant_name, item.hotel_name)
        )
        notes = []
        if item.kind == "tour" and item.route:
            notes.append(f"路线：{item.route}")
        if item.kind == "pickup" and item.transport_no:
            notes.append(f"航班/车次 {item.transport_no}")
        if item.kind == "hotel":
            notes.append(f"{item.rooms} 间 × {max(item.nights, 1)} 晚")
        if item.to_be_confirmed:
            notes.append("具体时间另行通知")
        if item.notes:
            notes.append(item.notes)
        doc.row(
            Cell(_item_when(item), 2, align="center"),
            Cell(item.kind_label, 1, align="center"),
            Cell(place, 2),
            Cell("；".join(notes), 3),
        )
    if not detail.items:
        doc.row(Cell("行程待定", 8, align="center"))
    doc.section("联系方式")
    leader = _leader(detail)
    doc.fields(
        ("我方联系人", f"{app.responsible_name}　{detail.host_phone}".strip(), 3),
        ("接待部门", app.info.department_name, 3),
    )
    if leader is not None:
        doc.fields(("来宾领队", leader.name, 3), ("领队电话", leader.phone, 3))
    if app.estimate.standard.level_code == "A":
        doc.section("董事长确认")
        doc.row(Cell("董事长", 2, LABEL), Cell("", 4, SIGN), Cell("日期", 1, LABEL), Cell("", 1, SIGN))
    return doc


@chinese_form
def export_itinerary(detail: ArrangementDetail, company: str, path: Path) -> Path:
    path = Path(path)
    doc = itinerary_doc(detail, company)
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, ITINERARY_TEMPLATE, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


@chinese_form
def feedback_doc(
    detail: ArrangementDetail,
    fb: FeedbackForm,
    names: dict[int, str],
    due,
    submitted,
    company: str,
    signed: FeedbackSignatures | None = None,
    form_no: str | None = None,
) -> FormDoc:
    app = detail.application
    form = app.form
    form_no = form_no if form_no is not None else form_number(FEEDBACK_TITLE)
    state = f"已提交 {submitted:%Y-%m-%d}" if submitted else "未提交"
    doc = FormDoc(
        FEEDBACK_TITLE,
        company,
        f"编号：{app.info.number}　应于 {due:%Y-%m-%d} 前提交　{state}",
        f"表单编号：{form_no}",
        widths=WIDTHS,
    )
    doc.fields(("来宾公司", form.client_company, 3), ("接待时间", _when(form.arrival, form.departure), 3))
    doc.fields(("接待部门", app.info.department_name, 3), ("接待负责人", app.responsible_name, 3))
    doc.row(Cell("洽谈内容", 1, LABEL), Cell(fb.discussed, 7, min_lines=6))
    doc.row(Cell("客户需求", 1, LABEL), Cell(fb.requirements, 7, min_lines=6))
    stars = "★" * fb.satisfaction + "☆" * (5 - fb.satisfaction) if fb.satisfaction else ""
    doc.fields(
        ("客户满意度", f"{fb.satisfaction} / 5　{stars}" if fb.satisfaction else "□1 □2 □3 □4 □5", 3),
        ("跟进负责人", names.get(fb.followup_owner_id or 0, ""), 3),
    )
    doc.section("跟进措施")
    doc.row(
        Cell("序号", 1, HEADER),
        Cell("措施", 4, HEADER),
        Cell("负责人", 1, HEADER),
        Cell("完成日期", 2, HEADER),
    )
    for i, action in enumerate(fb.actions, start=1):
        doc.row(
            Cell(i, 1, align="center"),
            Cell(action.action, 4),
            Cell(names.get(action.owner_id or 0, ""), 1),
            Cell(f"{action.due:%Y-%m-%d}" if action.due else "", 2, align="center"),
        )
    for i in range(len(fb.actions) + 1, 4):  # room to write three actions by hand
        doc.row(Cell(i, 1, align="center"), Cell("", 4, min_lines=2), Cell("", 1), Cell("", 2))
    signed = signed or FeedbackSignatures("", None, "", None)
    doc.row(
        Cell("填表人", 1, LABEL),
        Cell(signed.filled_by, 3, SIGN, "center"),
        Cell("日期", 1, LABEL),
        Cell(f"{signed.submitted_at:%Y-%m-%d}" if signed.submitted_at else "", 3, SIGN, "center"),
    )
    doc.row(
        Cell("部门负责人", 1, LABEL),
        Cell(signed.signed_off_by, 3, SIGN, "center"),
        Cell("日期", 1, LABEL),
        Cell(f"{signed.signed_off_at:%Y-%m-%d}" if signed.signed_off_at else "", 3, SIGN, "center"),
    )
    return doc


@chinese_form
def export_feedback(doc: FormDoc, path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, FEEDBACK_TEMPLATE, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


@chinese_form
def write_feedback(actor, application_id: int, path: Path) -> Path:
    """The feedback form of a reception, as it stands (shared by the window and the CLI)."""
    from desktop.services import arrangements, feedback, org, settings

    detail = arrangements.get(actor, application_id)
    form = feedback.get(actor, application_id)
    signed = feedback.signatures(actor, application_id)
    status = next((s for s in feedback.statuses(actor, days=3650) if s.root_id == detail.root_id), None)
    names = {e.id: e.name for e in org.list_employees(include_inactive=True)}
    due = status.due if status else feedback.due_date(detail.application.form.departure)
    doc = feedback_doc(
        detail,
        form,
        names,
        due,
        status.submitted_at if status else signed.submitted_at,
        settings.company_name(),
        signed,
    )
    return export_feedback(doc, path)
