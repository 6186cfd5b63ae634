"""The visitor log: search by text, pinyin and dates; sort in the database; lazy paging."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, Qt

from desktop import clock
from desktop.services import auth, org, visitors
from desktop.services.text import pinyin_keys
from desktop.views.visit_models import VisitLogModel, VisitTableModel, on_site_columns
from desktop.views.visitor_log import VisitorLogView
from tests.views.conftest import wait_ops


@pytest.fixture
def log_view(qtbot, demo_db):
    actor = auth.actor_by_username("admin")
    view = VisitorLogView(actor)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    wait_ops(qtbot)
    return view


def names(view: VisitorLogView) -> set[str]:
    return {r.name for r in view.model.rows}


def _rows_in_range(view: VisitorLogView) -> list[visitors.VisitRow]:
    """Every row of the view's date range, without a text filter (to filter here, by hand)."""
    query = replace(view.current_query(), text="")
    return visitors.search_log(view.actor, query, 0, visitors.count_log(view.actor, query))


def test_search_by_pinyin_initials_and_company(log_view, qtbot):
    desk = auth.actor_by_username("qiantai")
    li = next(s for s in visitors.suggest_visitors(desk, "李四") if s.name == "李四")
    host = org.list_employees(text="黄磊")[0]
    visitors.check_in(
        desk, visitors.VisitForm(name="李四", phone=li.phone, company=li.company, host_id=host.id)
    )
    log_view.text.setText("ls")
    log_view.search()
    wait_ops(qtbot)

    def matches_ls(row: visitors.VisitRow) -> bool:
        full, initials = pinyin_keys(row.name)
        return initials.startswith("ls") or full.startswith("ls") or "ls" in row.name + row.company

    expected = {r.id for r in _rows_in_range(log_view) if matches_ls(r)}
    assert "李四" in names(log_view)  # checked in just now
    assert {r.id for r in log_view.model.rows} == expected
    assert log_view.model.total == len(expected)
    log_view.text.setText("华东精密")
    log_view.search()
    wait_ops(qtbot)
    assert log_view.model.total > 0
    assert all("华东精密" in r.company for r in log_view.model.rows)
    assert str(log_view.model.total) in log_view.count_label.text()


def test_search_by_phone_fragment(log_view, qtbot):
    some = log_view.model.rows[0]
    log_view.text.setText(some.phone[-6:])
    log_view.search()
    wait_ops(qtbot)
    assert any(r.phone == some.phone for r in log_view.model.rows)


def test_date_range_filters(log_view, qtbot):
    today = clock.today()
    log_view.date_from.setDate(QDate(today.year, today.month, today.day))
    log_view.search()
    wait_ops(qtbot)
    assert log_view.model.rows
    assert all(r.time_in.date() == today for r in log_view.model.rows)


def test_sort_by_header_asks_the_database(log_view, qtbot):
    header = log_view.table.horizontalHeader()
    name_column = next(i for i, c in enumerate(log_view.model.columns) if c.key == "company")
    header.setSortIndicator(name_column, Qt.SortOrder.AscendingOrder)
    wait_ops(qtbot)
    assert log_view.query.sort_key == "company" and not log_view.query.descending
    companies = [r.company for r in log_view.model.rows]
    assert companies == sorted(companies)


def test_lazy_paging(qtbot, demo_db, qtmodeltester):
    actor = auth.actor_by_username("admin")
    query = visitors.LogQuery(date_from=None, date_to=None)
    model = VisitLogModel(lambda off, lim: visitors.search_log(actor, query, off, lim))
    qtmodeltester.check(model)
    model.PAGE = 20
    total = visitors.count_log(actor, query)
    model.reset_with(total, visitors.search_log(actor, query, 0, 20))
    assert model.rowCount() == 20 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() >= 40
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    ids = [r.id for r in model.rows]
    assert len(ids) == len(set(ids))
    qtmodeltester.check(model)


def test_short_list_model(qtmodeltester, demo_db):
    actor = auth.actor_by_username("qiantai")
    model = VisitTableModel(on_site_columns())
    qtmodeltester.check(model)
    model.set_rows(visitors.on_site(actor))
    qtmodeltester.check(model)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [r.name for r in model.rows] == sorted((r.name for r in model.rows), reverse=True)


def test_export_day_writes_xlsx(log_view, qtbot, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "log.xlsx"
    log_view._export(target)
    wait_ops(qtbot)
    assert target.exists()
    ws = load_workbook(target).active
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    today_names = {r.name for r in visitors.day_log(auth.actor_by_username("admin"), clock.today())}
    assert today_names and all(n in text for n in today_names)
