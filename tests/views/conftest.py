from __future__ import annotations

import pytest

from desktop.services import auth
from desktop.views import ops, prompts


@pytest.fixture(autouse=True)
def _no_work_left_behind(qtbot):
    """Background operations finish inside the test that started them."""
    yield
    qtbot.waitUntil(lambda: not ops.busy(), timeout=10_000)


@pytest.fixture
def scripted():
    """Replace message boxes with scripted answers; restores the real ones afterwards."""
    previous = prompts.current
    script = prompts.use(prompts.ScriptedPrompts())
    yield script
    prompts.use(previous)


@pytest.fixture
def desk_actor(demo_db):
    return auth.actor_by_username("qiantai")


def wait_ops(qtbot, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: not ops.busy(), timeout=timeout)


class Keyboard:
    """Types as a person does: keys go to the open popup if there is one, else the focus.

    Chinese arrives the way an input method delivers it (a commit string), since QTest can
    only synthesise Latin keys. ``presses`` counts the non-text keys (Tab, Enter, …).
    """

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.presses = 0

    @staticmethod
    def target():
        from PySide6.QtWidgets import QApplication

        return QApplication.activePopupWidget() or QApplication.focusWidget()

    def type(self, text: str) -> None:
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        for ch in text:
            if ch.isascii():
                QTest.keyClick(self.target(), ch)
            else:
                event = QInputMethodEvent()
                event.setCommitString(ch)
                QApplication.sendEvent(QApplication.focusWidget(), event)
            QApplication.processEvents()
        self.qtbot.wait(30)

    def press(self, key, modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.target(), key, modifier or Qt.KeyboardModifier.NoModifier)
        self.presses += 1
        self.qtbot.wait(30)


@pytest.fixture
def keyboard(qtbot):
    return Keyboard(qtbot)
