"""Form rows with an error message under each field.

Validation errors from the service layer arrive as ``{field: message}``; :class:`FieldErrors`
shows each one under its field, focuses the first, and never touches what the user typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget


class FieldErrors:
    def __init__(self, form: QFormLayout):
        self.form = form
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.order: list[str] = []

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

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show messages; returns keys that have no row (the caller shows those elsewhere)."""
        self.clear()
        unplaced = []
        first = None
        for key, message in errors.items():
            label = self.labels.get(key)
            if label is None:
                unplaced.append(key)
                continue
            label.setText(message)
            label.show()
            if first is None or self.order.index(key) < self.order.index(first):
                first = key
        if first is not None and first in self.widgets:
            self.widgets[first].setFocus()
        return unplaced

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
