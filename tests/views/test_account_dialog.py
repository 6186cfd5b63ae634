"""我的账户 from the main window: the e-mail address is saved, a bad one stays on screen with
its message, and closing with typed work asks first."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.models import User
from desktop.services import auth
from desktop.views.main_window import MainWindow
from tests.views.conftest import wait_ops


def _open(qtbot):
    window = MainWindow(auth.actor_by_username("qiantai"))
    qtbot.addWidget(window)
    gc.collect()
    window.account_action.trigger()
    dialog = window._account
    qtbot.waitUntil(dialog.isVisible)
    return window, dialog


def test_the_address_is_saved_and_the_dialog_closes(qtbot, demo_db):
    _window, dialog = _open(qtbot)
    dialog.email.setFocus()
    dialog.email.selectAll()
    qtbot.keyClicks(dialog.email, "desk@example.com")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert User.get(User.username == "qiantai").email == "desk@example.com"


def test_a_wrong_current_password_stays_on_screen(qtbot, demo_db):
    _window, dialog = _open(qtbot)
    dialog.old_password.setText("not-it")
    dialog.new_password.setText("Chang3d-pass")
    dialog.new_password2.setText("Chang3d-pass")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    wait_ops(qtbot)
    assert dialog.isVisible()
    assert dialog.errors.labels["old"].text() == "原密码不正确。"
    assert dialog.new_password.text() == "Chang3d-pass"
    dialog.set_modified(False)
    dialog.reject()


def test_mismatched_new_passwords_are_caught_before_saving(qtbot, demo_db):
    _window, dialog = _open(qtbot)
    dialog.new_password.setText("Chang3d-pass")
    dialog.new_password2.setText("Chang3d-pasS")
    dialog.email.setText('=HYPERLINK("http://x")@evil')
    dialog.submit()
    wait_ops(qtbot)
    assert dialog.errors.labels["new2"].text()
    assert dialog.errors.labels["email"].text()  # every problem at once, not the first found
    assert dialog.isVisible()
    dialog.set_modified(False)
    dialog.reject()


def test_closing_with_typed_work_asks(qtbot, demo_db, scripted):
    _window, dialog = _open(qtbot)
    dialog.email.setText("typed@example.com")
    assert dialog.is_modified()
    scripted.answers = ["cancel"]
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.email.text() == "typed@example.com"
    scripted.answers = ["discard"]
    dialog.reject()
    assert not dialog.isVisible()
    assert User.get(User.username == "qiantai").email != "typed@example.com"
