"""One table model for lists of service-layer dataclasses.

Every table in the program shows rows a service returned; :class:`RowTableModel` takes the rows
and a list of :class:`Column` (header + how to render a row) and does the Qt bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

Index = QModelIndex | QPersistentModelIndex


# The raw value a column sorts on (Decimal, date, count), for proxies and tests.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    key: str  # the service's sort key where the database sorts
    header: str
    text: Callable[[Any], str]
    sortable: bool = True
    align_right: bool = False
    tooltip: Callable[[Any], str | None] | None = None
    # What the column sorts on when it sorts in memory: the Decimal, date or count behind the
    # text. Sorting the display text puts ¥1,040.00 before ¥200.00 and "10" before "9".
    value: Callable[[Any], Any] | None = None

    def sort_value(self, row: Any) -> Any:
        return self.value(row) if self.value is not None else self.text(row)


class RowTableModel(QAbstractTableModel):
    """A list of rows; sorting happens in memory (subclasses may sort in the database)."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        """New rows, in the order the user last chose by clicking a header (if any)."""
        self.beginResetModel()
        self.rows = list(rows)
        if self._sorted_by is not None:
            column, order = self._sorted_by
            self.rows = _sorted_rows(
                self.rows, self.columns[column], descending=order == Qt.SortOrder.DescendingOrder
            )
        self.endResetModel()

    def row_at(self, index: Index) -> Any | None:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        column = self.columns[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        if role == SORT_ROLE:
            return column.sort_value(row)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        spec = self.columns[column]
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        # Persistent indexes (the view's selection and current row among them) follow their
        # record, so a header click keeps the selection -- and the detail pane -- on it.
        old_persistent = self.persistentIndexList()
        old_rows = [self.rows[i.row()] if 0 <= i.row() < len(self.rows) else None for i in old_persistent]
        self.rows = _sorted_rows(self.rows, spec, descending=order == Qt.SortOrder.DescendingOrder)
        position = {id(r): n for n, r in enumerate(self.rows)}
        new_persistent = [
            self.index(position[id(r)], i.column()) if r is not None else QModelIndex()
            for i, r in zip(old_persistent, old_rows, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()


def _sorted_rows(rows: list[Any], spec: Column, *, descending: bool) -> list[Any]:
    """Rows by the column's value; empty values (None) last in both directions.

    Python's sort is stable with ``reverse`` too, so equal values keep their previous order.
    Values of mixed types in one column (which should not happen) fall back to the text.
    """
    values = [(spec.sort_value(r), r) for r in rows]
    filled = [(v, r) for v, r in values if v is not None]
    empty = [r for v, r in values if v is None]
    try:
        filled.sort(key=lambda vr: vr[0], reverse=descending)
    except TypeError:
        filled.sort(key=lambda vr: spec.text(vr[1]), reverse=descending)
    return [r for _, r in filled] + empty


def make_table(
    model: QAbstractTableModel, *, multi: bool = False, sortable: bool = True, name: str = ""
) -> QTableView:
    """A read-only, row-selecting table as every list in the program shows it."""
    table = QTableView()
    if name:
        table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(sortable)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table
