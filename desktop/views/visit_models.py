"""Table models over the service layer's ``VisitRow`` lists.

:class:`VisitTableModel` holds a short list (on site now, expected today). :class:`VisitLogModel`
is the lazy one for the whole log: it asks the service for one page at a time as the view
scrolls (``canFetchMore``/``fetchMore``) and sorts in the database, so a log of a hundred
thousand visits opens as fast as one of a hundred.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from desktop import clock
from desktop.services.visitors import VisitRow
from desktop.views.table_model import Column, Index, RowTableModel

translate = QCoreApplication.translate


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _datetime(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def elapsed_text(start: dt.datetime | None, now: dt.datetime | None = None) -> str:
    if start is None:
        return ""
    minutes = max(0, int(((now or clock.now()) - start).total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if hours:
        return translate("VisitColumns", "{h} 小时 {m} 分").format(h=hours, m=minutes)
    return translate("VisitColumns", "{m} 分钟").format(m=minutes)


def on_site_columns() -> list[Column]:
    return [
        Column(
            "time_in",
            translate("VisitColumns", "签到时间"),
            lambda r: _time(r.time_in),
            value=lambda r: r.time_in,
        ),
        Column(
            "elapsed", translate("VisitColumns", "已停留"), lambda r: elapsed_text(r.time_in), sortable=False
        ),
        Column("name", translate("VisitColumns", "姓名"), lambda r: r.name),
        Column("company", translate("VisitColumns", "单位"), lambda r: r.company),
        Column(
            "people_count",
            translate("VisitColumns", "人数"),
            lambda r: str(r.people_count),
            align_right=True,
            value=lambda r: r.people_count,
        ),
        Column("host", translate("VisitColumns", "接待人"), lambda r: r.host_name),
        Column("department", translate("VisitColumns", "部门"), lambda r: r.department),
        Column("badge_no", translate("VisitColumns", "胸卡"), lambda r: r.badge_no),
        Column(
            "wait_location", translate("VisitColumns", "等候地点"), lambda r: r.wait_location, sortable=False
        ),
    ]


def expected_columns() -> list[Column]:
    return [
        Column(
            "expected_time",
            translate("VisitColumns", "预约时间"),
            lambda r: (
                r.expected_time.strftime("%H:%M") if r.expected_time else translate("VisitColumns", "全天")
            ),
            value=lambda r: r.expected_time,
        ),
        Column("name", translate("VisitColumns", "姓名"), lambda r: r.name),
        Column("company", translate("VisitColumns", "单位"), lambda r: r.company),
        Column(
            "people_count",
            translate("VisitColumns", "人数"),
            lambda r: str(r.people_count),
            align_right=True,
            value=lambda r: r.people_count,
        ),
        Column("host", translate("VisitColumns", "接待人"), lambda r: r.host_name),
        Column("department", translate("VisitColumns", "部门"), lambda r: r.department),
        Column("purpose", translate("VisitColumns", "来访事由"), lambda r: r.purpose),
    ]


def log_columns() -> list[Column]:
    return [
        Column("time_in", translate("VisitColumns", "来访时间"), lambda r: _datetime(r.time_in)),
        Column("time_out", translate("VisitColumns", "离开时间"), lambda r: _time(r.time_out)),
        Column("name", translate("VisitColumns", "姓名"), lambda r: r.name),
        Column("company", translate("VisitColumns", "单位"), lambda r: r.company),
        Column("phone", translate("VisitColumns", "电话"), lambda r: r.phone),
        Column("id_number", translate("VisitColumns", "证件号码"), lambda r: r.id_number, sortable=False),
        Column(
            "people_count", translate("VisitColumns", "人数"), lambda r: str(r.people_count), align_right=True
        ),
        Column("category", translate("VisitColumns", "来访类别"), lambda r: r.category),
        Column("purpose", translate("VisitColumns", "来访事由"), lambda r: r.purpose),
        Column("host", translate("VisitColumns", "接待人"), lambda r: r.host_name),
        Column("department", translate("VisitColumns", "部门"), lambda r: r.department),
        Column("kind", translate("VisitColumns", "方式"), lambda r: r.kind_label),
        Column("badge_no", translate("VisitColumns", "胸卡"), lambda r: r.badge_no),
        Column("status", translate("VisitColumns", "状态"), lambda r: r.status_label),
    ]


class VisitTableModel(RowTableModel):
    """A short list of visits (on site now, expected today)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index)
            return (row.remarks or None) if row is not None else None
        return super().data(index, role)

    def refresh_elapsed(self) -> None:
        """Elapsed-time column changes with the clock, not the data."""
        for i, column in enumerate(self.columns):
            if column.key == "elapsed" and self.rows:
                self.dataChanged.emit(self.index(0, i), self.index(len(self.rows) - 1, i))


class VisitLogModel(VisitTableModel):
    """The whole visitor log, fetched a page at a time.

    ``fetch_page(offset, limit)`` and ``total`` come from the service; the model never builds a
    query. ``reset_with(total, first_page)`` installs the result of a (background) search.
    """

    PAGE = 200

    def __init__(self, fetch_page: Callable[[int, int], list[VisitRow]], parent=None):
        super().__init__(log_columns(), parent)
        self.fetch_page = fetch_page
        self.total = 0
        self.sort_requested: Callable[[str, bool], None] | None = None
        self._changing = False

    def reset_with(self, total: int, first_page: list[VisitRow]) -> None:
        self._changing = True  # views ask for more inside our own change signals; not then
        self.beginResetModel()
        self.total = total
        self.rows = list(first_page)
        self.endResetModel()
        self._changing = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._changing and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._changing or len(self.rows) >= self.total:
            return
        page = self.fetch_page(len(self.rows), self.PAGE)[: self.total - len(self.rows)]
        if not page:
            self.total = len(self.rows)
            return
        first = len(self.rows)
        self._changing = True
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()
        self._changing = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is done by the database: ask the owner to search again in that order."""
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        if self.sort_requested is not None:
            self.sort_requested(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)
