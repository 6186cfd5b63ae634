"""The editors in real windows at 1024×768: they fit with their buttons on screen, and typed
work survives Esc and the window's × until the user says 放弃.

Offscreen, a 1060×820 dialog "fits" an 800×800 virtual screen as far as any assertion sees;
here the window manager frames it and the screen ends where a real one does.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.services import applications as apps
from desktop.services import arrangements as arr
from desktop.services import auth
from desktop.views import prompts
from tests.realwindow.conftest import fit_problems, settle

pytestmark = pytest.mark.realwindow


@pytest.fixture
def scripted():
    previous = prompts.current
    script = prompts.use(prompts.ScriptedPrompts())
    yield script
    prompts.use(previous)


def _asked(script) -> int:
    return sum(1 for kind, *_ in script.shown if kind == "save_discard_cancel")


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    settle(qtbot, 400)
    return dialog


def _esc_keeps_then_discard_closes(qtbot, dialog, field, scripted) -> None:
    field.setFocus()
    QTest.keyClicks(field, "typed")
    assert dialog.is_modified()
    scripted.answers = ["cancel"]
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    settle(qtbot)
    assert _asked(scripted) == 1 and dialog.isVisible(), "Esc lost the typed work"
    assert "typed" in field.text()
    scripted.answers = ["discard"]
    dialog.close()  # what the window's × and Alt+F4 do
    settle(qtbot)
    assert _asked(scripted) == 2 and not dialog.isVisible()


def test_application_editor_fits_and_asks(qtbot, xvfb_app, screen_problems, demo_db, scripted):
    from desktop.views.application_editor import ApplicationDialog

    lina = auth.actor_by_username("lina")
    dialog = _open(qtbot, ApplicationDialog(lina))
    screen_problems.extend(fit_problems(dialog, "客户接待申请"))
    screen_problems.assert_none()
    _esc_keeps_then_discard_closes(qtbot, dialog, dialog.client, scripted)


def test_arrangement_editor_fits_and_asks(qtbot, xvfb_app, screen_problems, demo_db, scripted):
    from desktop.views.arrangement_editor import ArrangementDialog

    admin = auth.actor_by_username("admin")
    approved = [a for a in apps.list_applications(admin, scope="all") if a.status == apps.APPROVED]
    target = next(a for a in approved if arr.get(admin, a.id).items)
    dialog = _open(qtbot, ArrangementDialog(admin, target.id))
    screen_problems.extend(fit_problems(dialog, "接待安排"))
    screen_problems.assert_none()
    _esc_keeps_then_discard_closes(qtbot, dialog, dialog.notes, scripted)


def test_settings_dialog_fits(qtbot, xvfb_app, screen_problems, demo_db, scripted):
    from desktop.views.settings_window import SettingsDialog

    admin = auth.actor_by_username("admin")
    dialog = _open(qtbot, SettingsDialog(admin))
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        settle(qtbot)
        screen_problems.extend(fit_problems(dialog, f"设置 · {dialog.tabs.tabText(i)}"))
    reception = dialog.reception
    for i in range(reception.count()):
        dialog.tabs.setCurrentWidget(reception)
        reception.setCurrentIndex(i)
        settle(qtbot)
        screen_problems.extend(fit_problems(dialog, f"设置 · {reception.tabText(i)}"))
    screen_problems.assert_none()
    dialog.close()
