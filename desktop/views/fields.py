"""Form rows with an error message under each field.

Validation errors from the service layer arrive as ``{field: message}``; :class:`FieldErrors`
shows each one under its field and marks the field, lists them all in a summary at the top (a
failed save names every problem at once, not one per click), scrolls to the first and focuses
it, and never touches what the user typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

ERROR_COLOR = "#c0392b"


def qdate(day: dt.date) -> QDate:
    """A date field's value from a Python date (the services speak ``datetime.date``)."""
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    """A date field's value for the services."""
    return dt.date(value.year(), value.month(), value.day())


class FieldErrors:
    def __init__(self, form: QFormLayout):
        self.form = form
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.order: list[str] = []
        self.summary: QLabel | None = None
        self._marked: dict[QWidget, str] = {}

    def make_summary(self) -> QLabel:
        """The list of every problem, for the top of the form (outside its scroll area)."""
        if self.summary is None:
            self.summary = QLabel()
            self.summary.setObjectName("errorSummary")
            self.summary.setWordWrap(True)
            self.summary.setStyleSheet(
                f"color: {ERROR_COLOR}; background: #fdecea; border: 1px solid {ERROR_COLOR}; padding: 4px;"
            )
            self.summary.hide()
        return self.summary

    def add_row(self, key: str, label: str, field: QWidget | QLayout) -> QLabel:
        """Add ``field`` under ``label`` with a hidden error line beneath it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        if isinstance(field, QLayout):
            layout.addLayout(field)
            focus_target = _first_widget(field)
        else:
            layout.addWidget(field)
            focus_target = field
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet("color: #c0392b; font-size: 9pt;")
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        self.form.addRow(label, box)
        if focus_target is not None:
            self.widgets[key] = focus_target
        self.labels[key] = error
        self.order.append(key)
        return error

    def attach(self, key: str, widget: QWidget) -> None:
        """Report errors for ``key`` on an already-added row (e.g. department → host row)."""
        self.widgets.setdefault(key, widget)

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()
        for widget, style in self._marked.items():
            widget.setStyleSheet(style)
        self._marked.clear()
        if self.summary is not None:
            self.summary.clear()
            self.summary.hide()

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show every message; returns keys that have no row (the caller shows those elsewhere).

        The summary (if made) lists all of them, placed or not; the first field in form order
        is scrolled into view and focused.
        """
        self.clear()
        unplaced = []
        for key, message in errors.items():
            widget = self.widgets.get(key)
            if widget is not None:
                self._mark(widget)
            label = self.labels.get(key)
            if label is None:
                unplaced.append(key)
                continue
            label.setText(message)
            label.show()
        ordered = [k for k in self.order if k in errors] + [k for k in errors if k not in self.order]
        if self.summary is not None and errors:
            head = QCoreApplication.translate("fields", "有 {n} 处需要修改：").format(n=len(ordered))
            self.summary.setText("\n".join([head, *(f"• {errors[k]}" for k in ordered)]))
            self.summary.show()
        first = next((k for k in ordered if k in self.widgets), None)
        if first is not None:
            self.reveal(self.widgets[first])
        return unplaced

    def _mark(self, widget: QWidget) -> None:
        if widget in self._marked:
            return
        self._marked[widget] = widget.styleSheet()
        name = type(widget).__name__
        widget.setStyleSheet(widget.styleSheet() + f"{name} {{ border: 1px solid {ERROR_COLOR}; }}")

    @staticmethod
    def reveal(widget: QWidget) -> None:
        """Scroll every scroll area around ``widget`` so it shows, then focus it."""
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea) and parent.widget() is not None:
                if parent.widget().layout() is not None:
                    parent.widget().layout().activate()  # error lines just appeared
                parent.ensureWidgetVisible(widget, 40, 60)
            parent = parent.parentWidget()
        widget.setFocus()

    def message(self, key: str) -> str:
        label = self.labels.get(key)
        return label.text() if label is not None and not label.isHidden() else ""


def _first_widget(layout: QLayout) -> QWidget | None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            return item.widget()
        if item.layout() is not None:
            found = _first_widget(item.layout())
            if found is not None:
                return found
    return None
