"""The one editor base: typed work is never lost, and every editor fits the screen.

An editor knows whether it holds unsaved changes (``track`` hooks the change signals of its
fields; the title shows ``*``), and :meth:`EditorMixin.can_close` asks 保存/放弃/取消 before it
goes away — whether by 关闭, the window's ×, Esc or Alt+F4 (all of which reach ``reject``),
or because the main window switches view, logs out or quits. Dialogs remember their size per
PC (``QSettings`` in the local data folder, never the shared database) and always open inside
the screen's available geometry, with the form in a scroll area and the button row outside it
so 保存/提交/关闭 can always be reached (Anki's ``restoreGeom``/``ifCanClose``, Picard's
``PreserveGeometry``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFrame,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTableWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import paths

#: Room left around a window for the window manager's title bar and borders.
FRAME = QSize(16, 40)
#: The smallest screen we promise to fit (available geometry, after the taskbar).
SMALLEST_SCREEN = QSize(1024, 768)


# ---------------------------------------------------------------------- geometry


def window_settings() -> QSettings:
    """Window sizes of this PC: an ini file in the local data folder (tests get a temp one)."""
    return QSettings(str(paths.data_dir() / "windows.ini"), QSettings.Format.IniFormat)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen ``widget`` (or its parent window) is on."""
    screen = None
    if widget is not None:
        anchor = widget.parentWidget().window() if widget.parentWidget() is not None else widget
        screen = anchor.screen() if anchor.isVisible() else None
        screen = screen or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(QPoint(0, 0), SMALLEST_SCREEN)


def fit_to_screen(widget: QWidget, available: QRect | None = None, *, center: bool = False) -> QRect:
    """Shrink ``widget`` to the available geometry and move it fully inside; returns the rect.

    ``center`` puts it in the middle of its parent window (or the screen) first — for a window
    opening for the first time, with no remembered place.
    """
    area = available if available is not None else available_geometry(widget)
    limit = QSize(max(area.width() - FRAME.width(), 200), max(area.height() - FRAME.height(), 150))
    size = widget.size().boundedTo(limit)
    widget.resize(size)
    pos = widget.pos()
    if center:
        parent = widget.parentWidget().window() if widget.parentWidget() is not None else None
        around = parent.frameGeometry() if parent is not None and parent.isVisible() else area
        pos = around.center() - QPoint(size.width() // 2, (size.height() + FRAME.height()) // 2)
    right = area.left() + area.width() - size.width() - FRAME.width() // 2
    bottom = area.top() + area.height() - size.height() - FRAME.height()
    x = min(max(pos.x(), area.left()), max(right, area.left()))
    y = min(max(pos.y(), area.top()), max(bottom, area.top()))
    widget.move(x, y)
    return QRect(QPoint(x, y), size)


def remember_geometry(widget: QWidget, key: str) -> None:
    window_settings().setValue(f"geometry/{key}", widget.saveGeometry())


def restore_geometry(widget: QWidget, key: str) -> bool:
    """Restore the size and place saved under ``key``; False if there was none."""
    value = window_settings().value(f"geometry/{key}")
    if isinstance(value, QByteArray | bytes) and value:
        return bool(widget.restoreGeometry(QByteArray(value)))
    return False


# ---------------------------------------------------------------------- layout


def scrolled(body: QWidget | QLayout) -> QScrollArea:
    """``body`` in a frameless scroll area that scrolls vertically when the screen is short."""
    if isinstance(body, QLayout):
        holder = QWidget()
        holder.setLayout(body)
        body = holder
    scroll = QScrollArea()
    scroll.setObjectName("editorScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    # the form keeps the look of what it sits on (a tab page, a group box)
    scroll.viewport().setAutoFillBackground(False)
    body.setAutoFillBackground(False)
    return scroll


def editor_layout(
    owner: QWidget,
    body: QWidget | QLayout,
    buttons: QWidget | QLayout,
    *,
    top: list[QWidget] | None = None,
) -> QScrollArea:
    """Lay out ``owner`` as: ``top`` widgets, the scrolling ``body``, the fixed button row.

    The button row is outside the scroll area, so it stays on screen however short the screen
    and however long the form. Put the error summary in ``top`` so it is always visible too.
    """
    layout = QVBoxLayout(owner)
    for widget in top or []:
        layout.addWidget(widget)
    scroll = scrolled(body)
    layout.addWidget(scroll, 1)
    if isinstance(buttons, QLayout):
        layout.addLayout(buttons)
    else:
        layout.addWidget(buttons)
    return scroll


# ---------------------------------------------------------------------- modified state


class EditorMixin:
    """Modified state and the close prompt, for dialogs and for editors inside the main window.

    Subclasses implement :meth:`save_changes` (True when saved) and may override
    :meth:`discard_changes`. Programmatic filling goes inside ``with self.loading():`` (or is
    followed by ``set_modified(False)``) so only what the user does counts as a change.
    """

    _modified: bool = False
    _loading_depth: int = 0

    # -- state ---------------------------------------------------------------------------

    def is_modified(self) -> bool:
        return self._modified

    def set_modified(self, modified: bool = True) -> None:
        self._modified = bool(modified)
        if isinstance(self, QWidget) and self.isWindow():
            if "[*]" not in self.windowTitle():
                self.setWindowTitle(self.windowTitle() + "[*]")
            self.setWindowModified(self._modified)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Changes made inside (filling the form from the database) are not the user's."""
        self._loading_depth += 1
        try:
            yield
        finally:
            self._loading_depth -= 1

    def _mark_modified(self, *_args) -> None:
        if self._loading_depth == 0 and not self._modified:
            self.set_modified(True)

    def track(self, *widgets: QWidget) -> None:
        """Count edits in ``widgets`` (or, for a container, in every field inside it)."""
        for widget in widgets:
            if not _hook(widget, self._mark_modified):
                for child in widget.findChildren(QWidget):
                    # popups (a completer's list, a calendar) are windows of their own
                    if child.window() is widget.window() and not _is_inner_part(child):
                        _hook(child, self._mark_modified)

    # -- closing -------------------------------------------------------------------------

    def unsaved_text(self) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("editor", "有尚未保存的修改。保存吗？")

    def save_changes(self) -> bool:
        """Save what was typed; True when saved (errors stay on screen and keep it open)."""
        return False

    def discard_changes(self) -> None:
        self.set_modified(False)

    def can_close(self) -> bool:
        """True when the editor may close or be switched away from; asks if there is work."""
        if not self.is_modified():
            return True
        from PySide6.QtCore import QCoreApplication

        from desktop.views import prompts

        parent = self if isinstance(self, QWidget) else None
        answer = prompts.save_discard_cancel(
            parent, QCoreApplication.translate("editor", "未保存的修改"), self.unsaved_text()
        )
        if answer == "save":
            return bool(self.save_changes()) and not self.is_modified()
        if answer == "discard":
            self.discard_changes()
            return True
        return False


def _is_inner_part(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box: its owner is hooked instead."""
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractSpinBox | QComboBox)


def _hook(widget: QWidget, slot) -> bool:
    """Connect the change signal(s) of one field; False when ``widget`` is not a field."""
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(slot)
    elif isinstance(widget, QAbstractSpinBox) and hasattr(widget, "valueChanged"):
        widget.valueChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        if widget.isEditable():
            widget.editTextChanged.connect(slot)
    elif isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.toggled.connect(slot)
    elif isinstance(widget, QTableWidget):
        widget.itemChanged.connect(slot)
        widget.model().rowsInserted.connect(slot)
        widget.model().rowsRemoved.connect(slot)
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        widget.model().dataChanged.connect(slot)
    else:
        return False
    return True


class EditorDialog(EditorMixin, QDialog):
    """A dialog that asks before losing work, remembers its size and fits the screen.

    ``default_size`` is the size on a first opening (shrunk to fit); ``geometry_key`` names the
    saved size (the class name unless given).
    """

    default_size = QSize(900, 700)

    def __init__(
        self, parent: QWidget | None = None, *, geometry_key: str | None = None, size: QSize | None = None
    ):
        QDialog.__init__(self, parent)
        self.geometry_key = geometry_key or type(self).__name__
        self._placed = False
        self.resize(size or self.default_size)

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._placed:
            self._placed = True
            restored = restore_geometry(self, self.geometry_key)
            fit_to_screen(self, center=not restored)
        super().showEvent(event)

    def reject(self) -> None:
        """关闭, Esc, × and Alt+F4 all arrive here: ask first when there is unsaved work."""
        if self.can_close():
            super().reject()

    def done(self, result: int) -> None:
        if self._placed:
            remember_geometry(self, self.geometry_key)
        super().done(result)
