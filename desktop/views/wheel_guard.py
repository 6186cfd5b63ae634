"""The mouse wheel scrolls the form; it never changes a field the user is not working in.

Scrolling the application editor past the 晚数 spin box turned 1 night into 0: Qt gives the
wheel to whatever spin box, date edit or combo box is under the pointer. One filter on the
application stops that for every window: a wheel event on such a field without keyboard focus
is passed to the scroll area around it instead, and those fields take focus only by click or
Tab (``Qt.StrongFocus``), so scrolling over them cannot focus them either.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scroll area (a form's, or a table's for a combo box in a cell) around it.

    Qt does not pass a re-sent wheel event on to parents, so it goes to the area directly.
    """
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """Application-wide event filter; see the module docstring."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            # the inner line edit of a spin box ignores the wheel, so it reaches the box itself
            if isinstance(obj, GUARDED) and not obj.hasFocus():
                area = _scroll_area_around(obj)
                if area is not None:  # the form (or the table) around it scrolls instead
                    QApplication.sendEvent(area.viewport(), event)
                event.accept()
                return True
        elif kind in (QEvent.Type.Polish, QEvent.Type.Show) and isinstance(obj, GUARDED):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


_guard: WheelGuard | None = None


def install(app: QApplication) -> WheelGuard:
    """Install the guard once on ``app`` (idempotent); returns it."""
    global _guard
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard
