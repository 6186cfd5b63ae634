"""客户接待安排表 (one A4 per reception, in as many labelled copies as recipients), 商务考察行程安排表
(the day-by-day itinerary for the client's team leader) and 客户接待信息反馈表."""

from __future__ import annotations

from pathlib import Path

from desktop import paths
from desktop.exporters.formdoc import (
    HEADER,
    LABEL,
    Cell,
    FormDoc,
    check,
    write_pdf,
    write_pdf_many,
    write_xlsx,
)
from desktop.services.arrangements import ArrangementDetail
from desktop.services.feedback import FeedbackForm

ARRANGEMENT_TEMPLATE = paths.FORMS_TEMPLATES / "arrangement.xlsx"
ITINERARY_TEMPLATE = paths.FORMS_TEMPLATES / "itinerary.xlsx"
FEEDBACK_TEMPLATE = paths.FORMS_TEMPLATES / "feedback.xlsx"
ARRANGEMENT_TITLE = "客户接待安排表"
ITINERARY_TITLE = "商务考察行程安排表"
FEEDBACK_TITLE = "客户接待信息反馈表"
WIDTHS = (1.1, 1.1, 1, 1, 1, 1, 1, 1)


def _when(start, end) -> str:
    if start.date() == end.date():
        return f"{start:%m-%d %H:%M}–{end:%H:%M}"
    return f"{start:%m-%d %H:%M}–{end:%m-%d %H:%M}"


def arrangement_doc(detail: ArrangementDetail, company: str, recipient: str = "") -> FormDoc:
    app = detail.application
    info, form = app.info, app.form
    revision = f"第 {detail.revision} 版" + ("（打印后有变更）" if detail.changed_since_print else "")
    right = f"{recipient}联" if recipient else "　"
    doc = FormDoc(ARRANGEMENT_TITLE, company, f"编号：{info.number}　{revision}", right, widths=WIDTHS)
    doc.fields(("来宾公司", form.client_company, 3), ("接待级别", app.estimate.standard.label, 3))
    doc.fields(("到访时间", _when(form.arrival, form.departure), 3), ("接待部门", info.department_name, 3))
    guests = "、".join(f"{g.name}（{g.title}）" if g.title else g.name for g in form.guests)
    doc.fields(("来访人员", f"{guests}　共 {info.guest_count} 人", 7))
    doc.fields(("接待负责人", app.responsible_name, 3), ("我方出席", str(form.our_attendees), 3))
    doc.fields(("来访目的", form.purpose, 7))
    doc.section("日程安排")
    doc.row(
        Cell("时间", 2, HEADER),
        Cell("事项", 1, HEADER),
        Cell("地点 / 资源", 2, HEADER),
        Cell("说明", 3, HEADER),
    )
    for item in detail.items:
        where = " ".join(
            x
            for x in (item.room_name, item.place if item.place != item.room_name else "", item.vehicle_label)
            if x
        )
        doc.row(
            Cell(_when(item.start, item.end), 2, align="center"),
            Cell(item.kind_label, 1, align="center"),
            Cell(where, 2),
            Cell(item.summary(), 3),
        )
    if not detail.items:
        doc.row(Cell("尚未安排", 8, align="center"))
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
    doc.footer = "接待人员在客户离开前不得更换；如有变更请以最新版本为准。"
    return doc


def export_arrangement(detail: ArrangementDetail, company: str, path: Path) -> Path:
    """The sheet in triplicate (or as many copies as recipients), each copy labelled."""
    path = Path(path)
    recipients = list(detail.recipients) or [""]
    if path.suffix.lower() == ".pdf":
        return write_pdf_many([arrangement_doc(detail, company, r) for r in recipients], path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(
            arrangement_doc(detail, company),
            ARRANGEMENT_TEMPLATE,
            path,
            copies=[f"{r}联" for r in recipients],
        )
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


def export_day_sheets(details: list[ArrangementDetail], company: str, path: Path) -> Path:
    """Tomorrow's sheets, every copy of every reception, in one PDF to print at once."""
    docs = [arrangement_doc(d, company, r) for d in details for r in (d.recipients or ("",))]
    if not docs:
        raise ValueError("no receptions on that day")
    return write_pdf_many(docs, Path(path))


def itinerary_doc(detail: ArrangementDetail, company: str) -> FormDoc:
    app = detail.application
    form = app.form
    doc = FormDoc(
        ITINERARY_TITLE,
        company,
        f"{form.client_company}",
        f"{form.arrival:%Y-%m-%d} 至 {form.departure:%Y-%m-%d}",
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
        place = item.place or item.room_name or item.restaurant_name or item.hotel_name or item.station
        note = "时间待定" if item.to_be_confirmed else (item.route or item.transport_no or item.notes)
        doc.row(
            Cell(_when(item.start, item.end), 2, align="center"),
            Cell(item.kind_label, 1, align="center"),
            Cell(place, 2),
            Cell(note, 3),
        )
    if not detail.items:
        doc.row(Cell("行程待定", 8, align="center"))
    doc.fields(("联系人", app.responsible_name, 3), ("接待部门", app.info.department_name, 3))
    return doc


def export_itinerary(detail: ArrangementDetail, company: str, path: Path) -> Path:
    path = Path(path)
    doc = itinerary_doc(detail, company)
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, ITINERARY_TEMPLATE, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


def feedback_doc(
    detail: ArrangementDetail, fb: FeedbackForm, names: dict[int, str], due, submitted, company: str
) -> FormDoc:
    app = detail.application
    form = app.form
    state = f"已提交 {submitted:%Y-%m-%d}" if submitted else "未提交"
    doc = FormDoc(
        FEEDBACK_TITLE,
        company,
        f"编号：{app.info.number}",
        f"应于 {due:%Y-%m-%d} 前提交　{state}",
        widths=WIDTHS,
    )
    doc.fields(("来宾公司", form.client_company, 3), ("接待时间", _when(form.arrival, form.departure), 3))
    doc.fields(("接待部门", app.info.department_name, 3), ("接待负责人", app.responsible_name, 3))
    doc.fields(("洽谈内容", fb.discussed, 7))
    doc.fields(("客户需求", fb.requirements, 7))
    stars = "★" * fb.satisfaction + "☆" * (5 - fb.satisfaction) if fb.satisfaction else ""
    doc.fields(
        ("客户满意度", f"{fb.satisfaction} / 5　{stars}" if fb.satisfaction else "", 3),
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
    if not fb.actions:
        doc.row(Cell("", 1), Cell("", 4), Cell("", 1), Cell("", 2))
    doc.fields(("部门负责人", "", 3), ("日期", "", 3))
    return doc


def export_feedback(doc: FormDoc, path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        return write_pdf(doc, path)
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(doc, FEEDBACK_TEMPLATE, path)
    raise ValueError(f"cannot write {path.suffix or 'a file without extension'}: use .xlsx or .pdf")


def write_feedback(actor, application_id: int, path: Path) -> Path:
    """The feedback form of a reception, as it stands (shared by the window and the CLI)."""
    from desktop.services import arrangements, feedback, org, settings

    detail = arrangements.get(actor, application_id)
    form = feedback.get(actor, application_id)
    status = next((s for s in feedback.statuses(actor, days=3650) if s.root_id == detail.root_id), None)
    names = {e.id: e.name for e in org.list_employees(include_inactive=True)}
    due = status.due if status else feedback.due_date(detail.application.form.departure)
    doc = feedback_doc(
        detail, form, names, due, status.submitted_at if status else None, settings.company_name()
    )
    return export_feedback(doc, path)
