"""The admin office arranges a reception in the windows; a double booking is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime

from desktop import clock
from desktop.services import applications as apps
from desktop.services import arrangements as arr
from desktop.services import auth, feedback, resources
from desktop.views.arrangement_editor import ArrangementDialog
from desktop.views.feedback import FeedbackView
from desktop.views.schedule import ScheduleView


@pytest.fixture
def admin_actor(demo_db):
    return auth.actor_by_username("admin")


def qdt(value: dt.datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def first_arranged(actor) -> apps.ApplicationInfo:
    today = clock.today()
    entry = next(e for e in arr.schedule(actor, today, today + dt.timedelta(days=30)) if e.item)
    return apps.get(actor, entry.application_id).info


def first_item_day(actor) -> dt.date:
    """The day of the demo's first arranged item: the demo arranges the coming working days, so
    on a Friday, Saturday or Sunday that is next week, not this one."""
    today = clock.today()
    return next(e for e in arr.schedule(actor, today, today + dt.timedelta(days=30)) if e.item).start.date()


def test_arrange_end_to_end_and_double_booking(qtbot, admin_actor, scripted):
    approved = sorted(
        (a for a in apps.list_applications(admin_actor, scope="all") if a.status == apps.APPROVED),
        key=lambda a: a.arrival,
    )
    third = next(a for a in approved if a.client_company.startswith("杭州"))
    dialog = ArrangementDialog(admin_actor, third.id)
    qtbot.addWidget(dialog)
    before = len(dialog.items.rows)
    day = third.arrival.date()
    room = next(r for r in resources.items("rooms") if r.values["name"] == "二号会议室")
    # The demo booked 二号会议室 09:00–11:00 for this reception; book it again 10:00–12:00.
    dialog.new_item()
    dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
    dialog.start.setDateTime(qdt(dt.datetime.combine(day, dt.time(10))))
    dialog.end.setDateTime(qdt(dt.datetime.combine(day, dt.time(12))))
    dialog.room.setCurrentIndex(dialog.room.findData(room.id))
    assert not dialog.save_item()
    assert "冲突" in dialog.message.text() and "二号会议室" in dialog.message.text()
    assert len(arr.get(admin_actor, third.id).items) == before
    # Touching is fine: 11:00–12:00.
    dialog.start.setDateTime(qdt(dt.datetime.combine(day, dt.time(11))))
    assert dialog.save_item()
    # A lunch with too many accompanying diners is refused by the level's rule.
    dialog.new_item()
    dialog.kind.setCurrentIndex(dialog.kind.findData("meal"))
    dialog.start.setDateTime(qdt(dt.datetime.combine(day, dt.time(12))))
    dialog.end.setDateTime(qdt(dt.datetime.combine(day, dt.time(13))))
    dialog.guests.setValue(2)
    dialog.diners.setValue(5)
    assert not dialog.save_item()
    assert "上限" in dialog.errors.message("diners")
    dialog.diners.setValue(2)
    assert dialog.save_item()
    assert len(arr.get(admin_actor, third.id).items) == before + 2
    # A new pickup starts an hour before the guests arrive.
    dialog.new_item()
    dialog.kind.setCurrentIndex(dialog.kind.findData("pickup"))
    assert dialog.value().start == third.arrival - dt.timedelta(hours=1)
    # Ticking the checklist saves it.
    dialog.checklist.item(0, 2).setCheckState(dialog.checklist.item(0, 2).checkState().Checked)
    assert arr.get(admin_actor, third.id).checklist[0].done


def test_schedule_week_day_list_and_filters(qtbot, admin_actor):
    view = ScheduleView(admin_actor)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.go_to(first_item_day(admin_actor))  # this week, or next week when today is a Friday
    assert view.entries, "the demo has arrangements that week"
    view.mode.setCurrentIndex(view.mode.findData("list"))
    assert view.stack.currentWidget() is view.table
    assert view.list_model.rowCount() == len(view.entries)
    room = next(r for r in resources.items("rooms") if r.values["name"] == "一号会议室")
    view.room.setCurrentIndex(view.room.findData(room.id))
    assert view.entries and all(e.item.room_id == room.id for e in view.entries)
    assert "明日" in view.checklist_label.text()


def test_calendar_double_click_opens_the_arrangement(qtbot, admin_actor):
    view = ScheduleView(admin_actor)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.go_to(first_item_day(admin_actor))
    view.show()
    qtbot.waitExposed(view)
    view.grid.grab()  # paints, which lays out the boxes
    rect, entry = next((r, e) for r, e in view.grid._boxes if e.item is not None)
    dialog = view.open(entry.application_id)
    qtbot.addWidget(dialog)
    assert entry.client in dialog.header.text()
    assert view.grid.entry_at(rect.center().x(), rect.center().y()) is not None


def test_feedback_form_flow(qtbot, admin_actor, scripted):
    lina = auth.actor_by_username("lina")
    view = FeedbackView(lina)
    qtbot.addWidget(view)
    overdue = next(i for i, s in enumerate(view.model.rows) if s.overdue)
    late_before = sum(1 for s in feedback.statuses(lina) if s.overdue)
    view.table.selectRow(overdue)
    view.submit()
    assert view.errors.message("discussed")
    view.discussed.setPlainText("讨论了年度框架协议")
    view.satisfaction.setValue(5)
    view.add_action(feedback.ActionForm("寄样品", None, clock.today() + dt.timedelta(days=3)))
    view.submit()
    shown = {k: view.errors.message(k) for k in view.errors.labels if view.errors.message(k)}
    assert view.message.text() == "已提交。", (shown, scripted.shown)
    assert sum(1 for s in feedback.statuses(lina) if s.overdue) == late_before - 1


def test_changing_the_start_moves_the_end(qtbot, admin_actor, scripted):
    info = first_arranged(admin_actor)
    dialog = ArrangementDialog(admin_actor, info.id)
    qtbot.addWidget(dialog)
    dialog.new_item()
    start = dialog.value().start
    assert dialog.value().end == start + dt.timedelta(hours=1)
    later = start.replace(hour=14, minute=30)
    dialog.start.setDateTime(qdt(later))
    assert dialog.value().end == later + dt.timedelta(hours=1)  # the hour is kept
    # Showing a saved item shows its own end, not one moved by the start.
    scripted.answers = ["discard"]  # the new item typed above
    dialog.table.selectRow(0)
    shown = dialog.items.row_at(dialog.table.currentIndex())
    assert (dialog.value().start, dialog.value().end) == (shown.start, shown.end)


def test_item_outside_the_reception_dates_is_refused_in_the_editor(qtbot, admin_actor, scripted):
    info = first_arranged(admin_actor)
    dialog = ArrangementDialog(admin_actor, info.id)
    qtbot.addWidget(dialog)
    before = len(arr.get(admin_actor, info.id).items)
    dialog.new_item()
    dialog.start.setDateTime(qdt(info.departure + dt.timedelta(days=3)))
    assert not dialog.save_item()
    assert "接待日期" in dialog.errors.message("start")
    assert len(arr.get(admin_actor, info.id).items) == before


def _grid_for_the_busy_day(qtbot, admin_actor) -> tuple[ScheduleView, dt.date]:
    """The demo's first day: two receptions, a pickup of one overlapping the other's meeting."""
    day = first_item_day(admin_actor)
    view = ScheduleView(admin_actor)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    # The grid starts at that day, so a two-day reception has both its days in view.
    view.grid.set_entries(day, 7, arr.schedule(admin_actor, day, day + dt.timedelta(days=6)))
    view.grid.grab()
    return view, day


def test_week_grid_puts_overlapping_items_side_by_side(qtbot, admin_actor):
    view, day = _grid_for_the_busy_day(qtbot, admin_actor)
    boxes = [(r, e) for r, e in view.grid._boxes if e.item is not None and e.start.date() == day]
    overlapping = [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1].start < b[1].end and b[1].start < a[1].end
    ]
    assert overlapping, "the demo has a pickup overlapping a meeting"
    for (ra, _), (rb, _) in overlapping:
        assert not ra.intersects(rb)  # side by side, never drawn over each other
        assert ra.left() != rb.left()
    alone = [r for r, e in boxes if not any(e is a[1] or e is b[1] for a, b in overlapping)]
    widest = max(r.width() for r, _ in boxes)
    assert alone and all(r.width() == widest for r in alone)  # no overlap: the full column


def test_week_grid_tooltips_carry_the_full_text(qtbot, admin_actor):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    view, _day = _grid_for_the_busy_day(qtbot, admin_actor)
    rect, entry = next((r, e) for r, e in view.grid._boxes if e.item is not None and e.item.kind == "meeting")
    tip = view.grid.tooltip_at(rect.center().x(), rect.center().y())
    assert entry.client in tip and entry.number in tip and entry.item.summary() in tip
    point = QPoint(int(rect.center().x()), int(rect.center().y()))
    QApplication.sendEvent(view.grid, QHelpEvent(QEvent.Type.ToolTip, point, view.grid.mapToGlobal(point)))
    assert QToolTip.text() == tip
    QToolTip.hideText()


def test_multi_day_reception_has_a_banner_on_each_day(qtbot, admin_actor):
    view, day = _grid_for_the_busy_day(qtbot, admin_actor)
    long_stay = next(e for e in view.grid.entries if e.departure.date() > e.arrival.date())
    days = (long_stay.departure.date() - long_stay.arrival.date()).days + 1
    banners = [r for r, e in view.grid._boxes if e.item is None and e.root_id == long_stay.root_id]
    assert len(banners) == days
    assert len({r.left() for r in banners}) == days and len({r.top() for r in banners}) == 1
    tip = view.grid.tooltip_at(banners[-1].center().x(), banners[-1].center().y())
    assert long_stay.client in tip
