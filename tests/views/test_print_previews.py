"""Every print preview of the program opens from its window, paints, and closes.

Each one used to crash the whole program on its first paint (its printer was a local that died
when the opening function returned). So each is opened the way a click opens it, the collector
is run, and the event loop runs until the preview has painted a page; then it is closed.

And a sheet counts as printed (its revision recorded) when it is printed or exported, never when
a preview is merely opened.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable

import pytest
from PySide6.QtPrintSupport import QPrinter

from desktop import clock
from desktop.services import applications as apps
from desktop.services import arrangements as arr
from desktop.services import auth, expenses, visitors
from desktop.views import application_print, printing
from tests.views.conftest import wait_ops


@pytest.fixture
def admin(demo_db):
    return auth.actor_by_username("admin")


def open_and_paint(qtbot, start: Callable[[], object]) -> printing.PreviewDialog:
    """Start a preview as the window does, then run the loop until it has painted a page."""
    assert not printing.open_previews()
    start()
    wait_ops(qtbot, timeout=20_000)
    gc.collect()
    qtbot.waitUntil(lambda: len(printing.open_previews()) == 1, timeout=10_000)
    dialog = printing.open_previews()[0]
    qtbot.waitExposed(dialog)
    gc.collect()
    qtbot.waitUntil(lambda: dialog.canvas.rendered > 0, timeout=10_000)
    qtbot.wait(20)  # a few more turns of the loop after the collection
    assert dialog.page_count() >= 1
    return dialog


def close(qtbot, dialog: printing.PreviewDialog) -> None:
    dialog.close()
    qtbot.waitUntil(lambda: not printing.open_previews())
    gc.collect()
    qtbot.wait(10)


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def first_arranged(admin) -> apps.ApplicationInfo:
    today = clock.today()
    entry = next(e for e in arr.schedule(admin, today, today + dt.timedelta(days=30)) if e.item)
    return apps.get(admin, entry.application_id).info


def test_badge_and_evacuation_list(qtbot, demo_db):
    from desktop.views.visitor_desk import VisitorDeskView

    desk = auth.actor_by_username("qiantai")
    view = shown(qtbot, VisitorDeskView(desk))
    row = visitors.on_site(desk)[0]
    close(qtbot, open_and_paint(qtbot, lambda: view.print_badge(row)))
    close(qtbot, open_and_paint(qtbot, view.print_evacuation_list))


def test_visitor_log(qtbot, admin):
    from desktop.views.visitor_log import VisitorLogView

    view = shown(qtbot, VisitorLogView(admin))
    wait_ops(qtbot)
    dialog = open_and_paint(qtbot, view.preview_day)
    assert "来访登记表" in dialog.windowTitle()
    close(qtbot, dialog)


def test_application(qtbot, admin):
    from desktop.views.applications import ApplicationsView

    view = shown(qtbot, ApplicationsView(admin))
    info = apps.list_applications(admin, scope="all")[0]
    dialog = open_and_paint(qtbot, lambda: application_print.preview(view, admin, info.id))
    assert "客户接待申请表" in dialog.windowTitle()
    close(qtbot, dialog)


def test_arrangement_sheet_and_itinerary(qtbot, admin, scripted):
    from desktop.views.arrangement_editor import ArrangementDialog

    editor = shown(qtbot, ArrangementDialog(admin, first_arranged(admin).id))
    dialog = open_and_paint(qtbot, lambda: editor.preview("arrangement"))
    assert "客户接待安排表" in dialog.windowTitle()
    close(qtbot, dialog)
    dialog = open_and_paint(qtbot, lambda: editor.preview("itinerary"))
    assert "商务考察行程安排表" in dialog.windowTitle()
    close(qtbot, dialog)


@pytest.fixture
def day_before_a_reception(admin):
    """Pin the clock to the day before the first arranged reception, whatever today is."""
    arrival = first_arranged(admin).arrival.date()
    clock.set_today(arrival - dt.timedelta(days=1))
    yield arrival
    clock.set_today(None)


def test_tomorrows_sheets(qtbot, admin, day_before_a_reception):
    from desktop.views.schedule import ScheduleView

    view = shown(qtbot, ScheduleView(admin))
    dialog = open_and_paint(qtbot, view.print_tomorrow)
    assert "明日客户接待安排表" in dialog.windowTitle()
    close(qtbot, dialog)


def test_feedback(qtbot, demo_db, scripted):
    from desktop.views.feedback import FeedbackView

    view = shown(qtbot, FeedbackView(auth.actor_by_username("lina")))
    assert view.current is not None
    dialog = open_and_paint(qtbot, view.preview)
    assert "客户接待信息反馈表" in dialog.windowTitle()
    close(qtbot, dialog)


def test_expenses(qtbot, demo_db, scripted):
    from desktop.views.expenses import ExpensesView

    finance = auth.actor_by_username("caiwu")
    view = shown(qtbot, ExpensesView(finance))
    some = expenses.list_summaries(finance)[0]
    view.table.selectRow(
        next(i for i, r in enumerate(view.list.rows) if r.application_id == some.application_id)
    )
    assert view.info is not None
    dialog = open_and_paint(qtbot, view.preview)
    assert "接待费用报销汇总表" in dialog.windowTitle()
    close(qtbot, dialog)


# ------------------------------------------------------------------ export from the window


def test_feedback_and_expenses_export_to_xlsx_and_pdf(qtbot, demo_db, scripted, tmp_path, monkeypatch):
    from desktop.views import filedialogs
    from desktop.views.expenses import ExpensesView
    from desktop.views.feedback import FeedbackView

    answers = iter([str(tmp_path / "反馈"), str(tmp_path / "反馈.pdf"), str(tmp_path / "报销.xlsx")])
    monkeypatch.setattr(filedialogs, "get_save_file_name", lambda *a, **k: (next(answers), ""))
    feedback_view = shown(qtbot, FeedbackView(auth.actor_by_username("lina")))
    feedback_view.export()
    wait_ops(qtbot)
    assert (tmp_path / "反馈.xlsx").stat().st_size > 0  # no suffix typed: the office template
    assert "已导出" in feedback_view.message.text()
    feedback_view.export()
    wait_ops(qtbot)
    assert printing.page_count(tmp_path / "反馈.pdf") >= 1
    finance = auth.actor_by_username("caiwu")
    expenses_view = shown(qtbot, ExpensesView(finance))
    expenses_view.table.selectRow(0)
    expenses_view.export()
    wait_ops(qtbot)
    assert (tmp_path / "报销.xlsx").stat().st_size > 0
    assert "已导出" in expenses_view.message.text()


# ------------------------------------------------------------------ printed revision


def test_revision_recorded_on_print_not_on_preview(qtbot, admin, scripted, tmp_path):
    from desktop.views.arrangement_editor import ArrangementDialog

    info = first_arranged(admin)
    assert arr.get(admin, info.id).printed_revision is None
    editor = shown(qtbot, ArrangementDialog(admin, info.id))
    dialog = open_and_paint(qtbot, lambda: editor.preview("arrangement"))
    wait_ops(qtbot)
    assert arr.get(admin, info.id).printed_revision is None  # looked at, not printed
    assert "打印后有变更" not in editor.header.text()
    dialog.print_to(pdf_printer(tmp_path / "sheet.pdf"))
    wait_ops(qtbot)
    printed = arr.get(admin, info.id)
    assert printed.printed_revision == printed.revision
    close(qtbot, dialog)
    # A change after printing marks the sheet.
    editor.table.selectRow(0)
    editor.notes.setText("航班延误，改为 10 点接机")
    assert editor.save_item()
    assert "打印后有变更" in editor.header.text()


def test_revision_recorded_on_export(qtbot, admin, scripted, tmp_path, monkeypatch):
    from desktop.views import filedialogs
    from desktop.views.arrangement_editor import ArrangementDialog

    info = first_arranged(admin)
    editor = shown(qtbot, ArrangementDialog(admin, info.id))
    target = tmp_path / "客户接待安排表.pdf"
    monkeypatch.setattr(filedialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    editor.export()
    wait_ops(qtbot)
    assert target.exists()
    printed = arr.get(admin, info.id)
    assert printed.printed_revision == printed.revision


def test_tomorrows_sheets_recorded_when_printed(qtbot, admin, day_before_a_reception, tmp_path):
    from desktop.views.schedule import ScheduleView

    tomorrow = day_before_a_reception
    roots = {e.application_id for e in arr.schedule(admin, tomorrow, tomorrow)}
    view = shown(qtbot, ScheduleView(admin))
    dialog = open_and_paint(qtbot, view.print_tomorrow)
    wait_ops(qtbot)
    assert all(arr.get(admin, i).printed_revision is None for i in roots)
    dialog.print_to(pdf_printer(tmp_path / "day.pdf"))
    wait_ops(qtbot)
    for i in roots:
        detail = arr.get(admin, i)
        assert detail.printed_revision == detail.revision
    close(qtbot, dialog)
