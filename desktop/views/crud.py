"""A list-and-form editor used by the settings tabs: a table on the left, a form on the right,
New / Save / Delete buttons, field errors under the fields.

Each tab supplies how to load rows, which form fields there are and which service calls save
and delete; the editing mechanics (selection, keeping typed text on errors) live here once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import ServiceError, ValidationError
from desktop.views import prompts
from desktop.views.fields import FieldErrors
from desktop.views.table_model import Column, RowTableModel, make_table


class CrudEditor(QWidget):
    """Subclasses implement ``load_rows``, ``fill(row)``, ``clear_form``, ``save(row_id)`` and
    optionally ``delete(row)``; they add their fields with ``self.add_field``."""

    changed = Signal()

    def __init__(
        self, columns: Sequence[Column], *, editable: bool, title: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.editable = editable
        self.current_id: int | None = None
        self.model = RowTableModel(columns, self)
        self.table = make_table(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.form_layout = QFormLayout()
        self.errors = FieldErrors(self.form_layout)
        self.new_button = QPushButton(self.tr("新增"))
        self.save_button = QPushButton(self.tr("保存"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.submit)
        self.delete_button.clicked.connect(self.remove)
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        self.form_box = QGroupBox(title)
        form_outer = QVBoxLayout(self.form_box)
        form_outer.addLayout(self.form_layout)
        form_outer.addLayout(buttons)
        form_outer.addStretch(1)
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setEnabled(editable)

        self.extra = QVBoxLayout()  # tabs may put filters above the table
        left = QVBoxLayout()
        left.addLayout(self.extra)
        left.addWidget(self.table)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.form_box, 2)

    # -- to implement -------------------------------------------------------------------

    def load_rows(self) -> list[Any]:
        raise NotImplementedError

    def fill(self, row: Any) -> None:
        raise NotImplementedError

    def clear_form(self) -> None:
        raise NotImplementedError

    def save(self, row_id: int | None) -> Any:
        raise NotImplementedError

    def delete(self, row: Any) -> None:
        raise ServiceError(self.tr("此项不能删除；可以停用。"))

    def describe(self, row: Any) -> str:
        return str(getattr(row, "name", "") or getattr(row, "label", ""))

    # -- mechanics ----------------------------------------------------------------------

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        self.errors.add_row(key, label, widget)
        widget.setEnabled(self.editable)
        if hasattr(widget, "returnPressed"):
            widget.returnPressed.connect(self.submit)
        return widget

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_rows(self.load_rows())
        target = select_id if select_id is not None else self.current_id
        for i, row in enumerate(self.model.rows):
            if getattr(row, "id", None) == target:
                self.table.selectRow(i)
                return
        self.start_new()

    def _row_changed(self, current, _previous) -> None:
        row = self.model.row_at(current)
        if row is None:
            return
        self.current_id = row.id
        self.errors.clear()
        self.fill(row)

    def start_new(self) -> None:
        self.current_id = None
        self.table.clearSelection()
        self.errors.clear()
        self.clear_form()

    def submit(self) -> None:
        if not self.editable:
            return
        try:
            saved = self.save(self.current_id)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                prompts.show_error(self, ServiceError("；".join(exc.errors[k] for k in unplaced)))
            return
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.refresh(getattr(saved, "id", None))
        self.changed.emit()

    def remove(self) -> None:
        row = self.model.row_at(self.table.currentIndex())
        if row is None:
            return
        if not prompts.ask(
            self, self.tr("删除"), self.tr("删除“{name}”吗？").format(name=self.describe(row))
        ):
            return
        try:
            self.delete(row)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        self.current_id = None
        self.refresh()
        self.changed.emit()


def combo_select(combo, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def bool_text(yes: str, no: str) -> Callable[[bool], str]:
    return lambda value: yes if value else no
