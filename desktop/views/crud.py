"""A list-and-form editor used by the settings tabs: a table on the left, a form on the right,
New / Save / Delete buttons, field errors under the fields.

Each tab supplies how to load rows, which form fields there are and which service calls save
and delete; the editing mechanics (selection, keeping typed text on errors) live here once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.errors import ServiceError, StaleRecord, ValidationError
from desktop.views import prompts
from desktop.views.editor import EditorMixin, scrolled
from desktop.views.fields import FieldErrors
from desktop.views.table_model import Column, RowTableModel, make_table


class CrudEditor(EditorMixin, QWidget):
    """Subclasses implement ``load_rows``, ``fill(row)``, ``clear_form``, ``save(row_id)`` and
    optionally ``delete(row)``; they add their fields with ``self.add_field``.

    A record typed but not saved is asked about (保存/放弃/取消) before another row, 新增 or
    closing the window replaces it."""

    changed = Signal()

    def __init__(
        self, columns: Sequence[Column], *, editable: bool, title: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.editable = editable
        self.current_id: int | None = None
        # The version of the record in the form as read; subclasses hand it to their save, which
        # refuses it (StaleRecord) when someone saved the record since (services.versioning).
        self.current_version: int | None = None
        self.model = RowTableModel(columns, self)
        self.table = make_table(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.form_layout = QFormLayout()
        self.errors = FieldErrors(self.form_layout)
        self.new_button = QPushButton(self.tr("新增"))
        self.save_button = QPushButton(self.tr("保存"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.new_button.clicked.connect(lambda: self.can_close() and self.start_new())
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
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(self.form_layout)
        fields_layout.addStretch(1)
        form_outer.addWidget(self.errors.make_summary())
        form_outer.addWidget(scrolled(fields), 1)  # a long form scrolls on a short screen…
        form_outer.addLayout(buttons)  # …its buttons do not
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
        self.track(widget)
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
        if row.id == self.current_id and self.is_modified():
            return  # the list was refreshed under the record being typed: keep the typing
        if row.id != self.current_id and not self.can_close():
            # 取消: stay on the record being typed (after the click has finished selecting)
            QTimer.singleShot(0, self, lambda: self._show_selected(self.current_id))
            return
        self.current_id = row.id
        self.current_version = getattr(row, "version", None)
        self._show_selected(row.id)  # 保存 selected the saved record; show the one chosen
        self.errors.clear()
        with self.loading():
            self.fill(row)
        self.set_modified(False)

    def _show_selected(self, row_id: int | None) -> None:
        """Select ``row_id`` in the table without treating it as a new choice."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            rows = [i for i, r in enumerate(self.model.rows) if getattr(r, "id", None) == row_id]
            if rows and row_id is not None:
                self.table.selectRow(rows[0])
            else:
                self.table.clearSelection()
        finally:
            selection.blockSignals(False)

    def start_new(self) -> None:
        self.current_id = None
        self.current_version = None
        self.table.clearSelection()
        self.errors.clear()
        with self.loading():
            self.clear_form()
        self.set_modified(False)

    def save_changes(self) -> bool:
        return self.submit()

    def submit(self) -> bool:
        """Save the form; errors go under their fields. True when saved."""
        if not self.editable:
            return False
        try:
            saved = self.save(self.current_id)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                prompts.show_error(self, ServiceError("；".join(exc.errors[k] for k in unplaced)))
            return False
        except StaleRecord as exc:  # the form stays as typed unless 重新载入 is chosen
            if prompts.offer_reload(self, exc):
                self.set_modified(False)
                self.refresh(self.current_id)
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.set_modified(False)
        self.refresh(getattr(saved, "id", None))
        self.changed.emit()
        return True

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
        self.set_modified(False)
        self.refresh()
        self.changed.emit()


def combo_select(combo, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def bool_text(yes: str, no: str) -> Callable[[bool], str]:
    return lambda value: yes if value else no
