"""Lists sort by the value behind the text (money, dates, counts) and keep the selection on its
record when a header is clicked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.services.money import format_money
from desktop.views.table_model import SORT_ROLE, Column, RowTableModel, make_table


@dataclass(frozen=True)
class Line:
    id: int
    total: Decimal | None
    day: dt.date | None
    count: int


ROWS = [
    Line(1, Decimal("1040.00"), dt.date(2026, 11, 3), 10),
    Line(2, Decimal("95.50"), dt.date(2026, 12, 1), 9),
    Line(3, None, None, 0),
    Line(4, Decimal("200.00"), dt.date(2026, 2, 28), 100),
]


def _columns() -> list[Column]:
    return [
        Column(
            "total",
            "合计",
            lambda r: format_money(r.total) if r.total is not None else "",
            value=lambda r: r.total,
        ),
        Column("day", "日期", lambda r: f"{r.day:%m-%d}" if r.day else "", value=lambda r: r.day),
        Column("count", "人数", lambda r: str(r.count), value=lambda r: r.count),
        Column("plain", "编号", lambda r: f"#{r.id}"),
    ]


def _model(qtbot) -> RowTableModel:
    model = RowTableModel(_columns())
    # Qt's own model checks run on every change (a broken layoutChanged aborts the test).
    model.tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    model.set_rows(ROWS)
    return model


def _texts(model: RowTableModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_money_sorts_by_amount_not_text(qtbot):
    model = _model(qtbot)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert _texts(model, 0) == ["¥95.50", "¥200.00", "¥1,040.00", ""]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    # Empty values stay at the end in both directions.
    assert _texts(model, 0) == ["¥1,040.00", "¥200.00", "¥95.50", ""]


def test_dates_and_counts_sort_by_value(qtbot):
    model = _model(qtbot)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [r.id for r in model.rows] == [4, 1, 2, 3]
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert _texts(model, 2) == ["0", "9", "10", "100"]


def test_sort_role_gives_the_raw_value(qtbot):
    model = _model(qtbot)
    assert model.index(0, 0).data(SORT_ROLE) == Decimal("1040.00")
    assert model.index(0, 3).data(SORT_ROLE) == "#1"  # no value: the text


def _click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _select_id(table, model: RowTableModel, record_id: int) -> None:
    row = next(n for n, r in enumerate(model.rows) if r.id == record_id)
    table.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_header_click_keeps_selection_on_the_same_record(qtbot):
    model = _model(qtbot)
    table = make_table(model)
    qtbot.addWidget(table)
    table.resize(600, 300)
    table.show()
    qtbot.waitExposed(table)
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # #4, #3, #2, #1
    _select_id(table, model, 4)
    assert table.currentIndex().row() == 0
    _click_header(qtbot, table, 0)
    assert table.horizontalHeader().sortIndicatorSection() == 0
    texts = _texts(model, 0)
    assert texts[:3] in (["¥95.50", "¥200.00", "¥1,040.00"], ["¥1,040.00", "¥200.00", "¥95.50"])
    assert model.row_at(table.currentIndex()).id == 4
    selected = table.selectionModel().selectedRows()
    assert [model.row_at(i).id for i in selected] == [4]
    assert selected[0].row() == 1
    _click_header(qtbot, table, 2)  # by count: 0, 9, 10, 100 -- the record moves to an end
    assert [model.row_at(i).id for i in table.selectionModel().selectedRows()] == [4]
    assert model.row_at(table.currentIndex()).id == 4


def test_expense_detail_follows_the_selected_record_after_a_header_click(qtbot, demo_db):
    from desktop.services import auth
    from desktop.views.expenses import ExpensesView

    view = ExpensesView(auth.actor_by_username("caiwu"))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    model, table = view.list, view.table
    assert model.rowCount() >= 2
    totals = [r.total for r in model.rows]
    # The record that moves when sorting by total: the largest one, wherever it stands now.
    target = max(model.rows, key=lambda r: r.total)
    _select_id_by(table, model, lambda r: r is target)
    assert view.info.application.id == target.application_id
    column = [c.key for c in model.columns].index("total")
    _click_header(qtbot, table, column)
    if table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        _click_header(qtbot, table, column)
    assert [r.total for r in model.rows] == sorted(totals)
    assert model.row_at(table.currentIndex()) is target
    assert table.currentIndex().row() == len(model.rows) - 1 or model.rows[-1].total == target.total
    assert view.info.application.id == target.application_id
    assert target.number in view.header.text()
    view.refresh()  # a refresh keeps the chosen order and the record
    assert [r.total for r in model.rows] == sorted(totals)
    assert model.row_at(table.currentIndex()).application_id == target.application_id


def _select_id_by(table, model: RowTableModel, which) -> None:
    row = next(n for n, r in enumerate(model.rows) if which(r))
    table.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
