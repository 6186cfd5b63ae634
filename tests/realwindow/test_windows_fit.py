"""Every main view, every editor and dialog, and every print preview in a real X11 window at
1024×768 with a window manager: it fits the screen, its buttons can be reached, a preview opens
and closes in a running event loop without taking the program down, and closing an editor with
changes asks first."""

from __future__ import annotations

import gc

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop.services import auth
from desktop.views import prompts
from desktop.views.registry import main_views
from tests.realwindow.conftest import (
    click_and_dismiss,
    close_and_collect,
    fit_problems,
    settle,
    top_dialogs,
)

pytestmark = pytest.mark.realwindow


@pytest.fixture
def scripted():
    previous = prompts.current
    script = prompts.use(prompts.ScriptedPrompts())
    yield script
    prompts.use(previous)


@pytest.fixture
def everyone(demo_db):
    """A demo account holding every role, so one main window shows every view."""
    admin = auth.actor_by_username("admin")
    auth.save_user(
        admin,
        user_id=None,
        username="alles",
        display_name="全部角色",
        roles=set(auth.ROLES),
        employee_id=admin.employee_id,
        password="secret123",
    )
    return auth.actor_by_username("alles")


@pytest.fixture
def main_window(xvfb_app, everyone, qtbot, scripted):
    from desktop.views.main_window import MainWindow

    window = MainWindow(everyone, demo_note="演示数据库", db_label="sqlite (demo)")
    qtbot.addWidget(window)
    window.show_restored()
    qtbot.waitExposed(window)
    settle(qtbot, 400)
    yield window
    window._closing = True  # the test decides about prompts itself; no question on teardown
    window.close()
    settle(qtbot)


def test_main_window_and_every_view_fit_the_screen(main_window, qtbot, screen_problems):
    keys = [s.key for s in main_window.specs]
    assert keys == [s.key for s in main_views()]  # the account sees every view
    for key in keys:
        main_window.show_view(key)
        settle(qtbot, 250)
        screen_problems.extend(fit_problems(main_window, f"main window / {key}"))
    screen_problems.assert_none()


def _open_dialog(qtbot, opener) -> object:
    before = set(map(id, top_dialogs()))
    opener()
    settle(qtbot, 400)
    new = [d for d in top_dialogs() if id(d) not in before]
    assert new, "no dialog appeared"
    return new[-1]


def _first_arranged(schedule_view) -> int:
    """An approved reception of the shown week that has its itinerary (the demo has several)."""
    entries = [e for e in schedule_view.entries if e.item is not None]
    assert entries, "the demo has no arranged reception in the schedule's week"
    return entries[0].application_id


def _dialogs(main_window, qtbot):
    """(label, opener) for every dialog reachable from the main window and its views."""
    from desktop.views.login import FirstRunDialog, LoginDialog

    def new_application():
        view = main_window.show_view("applications")
        return view.new_application()

    def open_application():
        view = main_window.show_view("applications")
        view.table.selectRow(0)
        return view.open_selected()

    def arrangement():
        view = main_window.show_view("schedule")
        return view.open(_first_arranged(view))

    def login():
        dialog = LoginDialog(main_window, company="华夏精工")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def first_run():
        dialog = FirstRunDialog(main_window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    return [
        ("接待申请 (new)", new_application),
        ("接待申请 (existing)", open_application),
        ("接待安排", arrangement),
        ("设置", main_window.open_settings),
        ("通知", main_window.show_notifications),
        ("登录", login),
        ("首次使用", first_run),
    ]


def test_every_dialog_fits_the_screen(main_window, qtbot, screen_problems):
    from PySide6.QtWidgets import QTabWidget

    for label, opener in _dialogs(main_window, qtbot):
        dialog = _open_dialog(qtbot, opener)
        screen_problems.extend(fit_problems(dialog, label))
        for tabs in dialog.findChildren(QTabWidget):  # every page of the settings, one at a time
            if not tabs.isVisibleTo(dialog):
                continue
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                settle(qtbot, 150)
                screen_problems.extend(fit_problems(dialog, f"{label} / {tabs.tabText(i)}"))
        dialog._closing = True
        if hasattr(dialog, "set_modified"):
            dialog.set_modified(False)
        close_and_collect(qtbot, dialog)
        assert dialog not in top_dialogs()
    screen_problems.assert_none()


def _print_buttons(widget) -> list[QPushButton]:
    return [
        b
        for b in widget.findChildren(QPushButton)
        if b.isVisibleTo(widget) and b.isEnabled() and ("打印" in b.text() or "预览" in b.text())
    ]


def _preview_is(dialog) -> bool:
    return "预览" in dialog.windowTitle() or dialog.metaObject().className() == "PreviewDialog"


def _open_every_preview(qtbot, owner, label: str, screen_problems, prepare=None) -> int:
    """Click each print button of ``owner``; each must open a preview that fits and closes."""
    opened = 0
    for button in _print_buttons(owner):
        text = button.text()
        if prepare is not None:
            prepare()
        before = set(map(id, top_dialogs()))
        blocked = click_and_dismiss(qtbot, button, pick_menu=lambda t: "预览" in t or "打印" in t)
        qtbot.waitUntil(
            lambda before=before: any(_preview_is(d) for d in top_dialogs() if id(d) not in before),
            timeout=20_000,
        )
        preview = next(d for d in top_dialogs() if id(d) not in before and _preview_is(d))
        settle(qtbot, 300)
        screen_problems.extend(fit_problems(preview, f"{label} → {text} → {preview.windowTitle()}"))
        if blocked:
            screen_problems.add(f"{label} → {text}: a blocking window came up first: {blocked}")
        close_and_collect(qtbot, preview)
        assert QApplication.instance() is not None  # still running
        opened += 1
    return opened


def test_every_print_preview_opens_and_closes_in_a_running_loop(main_window, qtbot, screen_problems):
    total = 0
    for key in ("visitors", "log", "feedback", "expenses", "schedule"):
        view = main_window.show_view(key)
        settle(qtbot, 300)
        prepare = None
        if key == "visitors":
            table = view.onsite_table

            def prepare(table=table):
                table.selectRow(0)
        elif key in ("feedback", "expenses"):
            table = view.table

            def prepare(table=table):
                table.selectRow(0)
                settle(qtbot)

        if prepare is not None:
            prepare()
        total += _open_every_preview(qtbot, view, key, screen_problems, prepare)
    # The editors' own previews: the application form, the arrangement sheet and itinerary.
    applications = main_window.show_view("applications")
    applications.table.selectRow(0)
    editor = applications.open_selected()
    settle(qtbot, 400)
    total += _open_every_preview(qtbot, editor, "接待申请", screen_problems)
    editor.set_modified(False) if hasattr(editor, "set_modified") else None
    close_and_collect(qtbot, editor)
    schedule = main_window.show_view("schedule")
    arrangement = schedule.open(_first_arranged(schedule))
    settle(qtbot, 400)
    total += _open_every_preview(qtbot, arrangement, "接待安排", screen_problems)
    arrangement.set_modified(False) if hasattr(arrangement, "set_modified") else None
    close_and_collect(qtbot, arrangement)
    gc.collect()
    settle(qtbot, 300)
    screen_problems.assert_none()
    # 打印胸卡, 来访记录, 信息反馈, 费用报销, 明日安排表, 申请表, 安排表, 行程单
    assert total >= 8


def test_closing_an_editor_with_changes_asks_first(main_window, qtbot, scripted):
    applications = main_window.show_view("applications")
    editor = applications.new_application()
    settle(qtbot, 400)
    field = editor.client
    assert isinstance(field, QLineEdit)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, "Acme")
    assert editor.isWindowModified() or getattr(editor, "is_modified", lambda: False)()
    scripted.answers = ["cancel"]
    editor.close()
    settle(qtbot)
    asked = [s for s in scripted.shown if s[0] == "save_discard_cancel"]
    assert len(asked) == 1
    assert editor.isVisible() and editor.client.text() == "Acme"  # cancel keeps the editor and its text
    scripted.answers = ["discard"]
    editor.close()
    settle(qtbot)
    assert len([s for s in scripted.shown if s[0] == "save_discard_cancel"]) == 2
    assert not shiboken6.isValid(editor) or not editor.isVisible()
