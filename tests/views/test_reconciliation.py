"""The review queue in the window: pick any candidate, search, decide many rows at once, and
the queue changing in place without running the reconciliation again."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop.models import Application, ExpenseSummary, ImportBatch, ImportedLine, LineMatch
from desktop.services import applications as apps
from desktop.services import auth, expenses, imports, reconcile, reconcile_rules
from desktop.services.expenses import LineForm
from desktop.views.reconciliation import ReconciliationView
from tests.views.conftest import wait_ops


@pytest.fixture
def queue(demo_db, tmp_path):
    """One reception with four claim lines and a card statement: two ¥40 lines and two ¥30
    lines at unknown shops (amount and date only: review), a salary and a customer receipt."""
    lina, finance = auth.actor_by_username("lina"), auth.actor_by_username("caiwu")
    info = min(
        (a for a in apps.list_applications(lina) if a.status == apps.APPROVED), key=lambda a: a.arrival
    )
    for model in (LineMatch, ImportedLine, ImportBatch, ExpenseSummary):
        model.delete().execute()
    app = Application.get_by_id(info.id)
    d = app.arrival.date()
    lines = {
        name: expenses.save_line(lina, app.id, LineForm("other", d, amount, vendor=name))
        for name, amount in (("甲店", "40.00"), ("乙店", "40.00"), ("丙店", "30.00"), ("丁店", "30.00"))
    }
    path = tmp_path / "card.csv"
    with open(path, "w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["交易日期", "摘要", "对方户名", "支出金额", "存入金额"])
        for vendor, out, incoming in (
            ("商户一", "40.00", ""),
            ("商户二", "40.00", ""),
            ("商户三", "30.00", ""),
            ("商户四", "30.00", ""),
            ("工资户", "9000.00", ""),
            ("某客户", "", "20000.00"),
        ):
            writer.writerow([d.isoformat(), "消费", vendor, out, incoming])
    imports.commit(finance, imports.preview(finance, path))
    return finance, app, lines, d


def _view(qtbot, finance, d):
    view = ReconciliationView(finance)
    qtbot.addWidget(view)
    wait_ops(qtbot)
    tab = view.matcher
    tab.date_from.setDate(d - dt.timedelta(days=5))
    tab.date_to.setDate(d + dt.timedelta(days=5))
    tab.run()
    wait_ops(qtbot)
    return view, tab


def _row_of(tab, vendor: str) -> int:
    return next(i for i, r in enumerate(tab.review.rows) if r.imported.vendor == vendor)


def test_pick_any_candidate_and_search(qtbot, queue, scripted):
    finance, app, lines, d = queue
    view, tab = _view(qtbot, finance, d)
    assert {r.imported.vendor for r in tab.review.rows} == {"商户一", "商户二", "商户三", "商户四"}
    tab.review_table.selectRow(_row_of(tab, "商户一"))
    assert tab.candidates.rowCount() == 2  # both ¥40 claim lines, not only the best
    second = tab.candidates.rows[1]
    tab.candidate_table.selectRow(1)
    tab.match_chosen()
    wait_ops(qtbot)
    assert LineMatch.get(LineMatch.expense == second.expense_id).imported.vendor == "商户一"
    # Search any claim line: by vendor, by the reception's number.
    tab.review_table.selectRow(_row_of(tab, "商户三"))
    tab.search.setText("丁店")
    tab.find_claims()
    assert [c.expense_id for c in tab.candidates.rows] == [lines["丁店"]]
    tab.search.setText(app.number)
    tab.find_claims()
    # the ¥40 line already matched as a payment is not offered again
    assert second.expense_id not in {c.expense_id for c in tab.candidates.rows}
    assert lines["丁店"] in {c.expense_id for c in tab.candidates.rows}
    # 匹配最佳候选 on a row without candidates says so
    tab.show_filter.setCurrentIndex(tab.show_filter.findData("none"))
    assert [r.imported.vendor for r in tab.review.rows] == ["工资户"]
    tab.review_table.selectRow(0)
    tab.match_best()
    assert "没有候选" in tab.status.text()
    tab.show_filter.setCurrentIndex(tab.show_filter.findData("credits"))
    assert [r.imported.vendor for r in tab.review.rows] == ["某客户"]


def test_multi_select_bulk_in_place(qtbot, queue, scripted, monkeypatch):
    finance, app, lines, d = queue
    view, tab = _view(qtbot, finance, d)
    runs = []
    real = reconcile.overview
    monkeypatch.setattr(reconcile, "overview", lambda *a, **k: runs.append(1) or real(*a, **k))
    decided_before = tab.decided.rowCount()
    removed = []
    tab.review.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    selection = tab.review_table.selectionModel()
    selection.clearSelection()
    for vendor in ("商户一", "商户二", "商户三"):
        index = tab.review.index(_row_of(tab, vendor), 0)
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    assert "已选 3 行" in tab.selection_label.text()
    tab.match_best()
    wait_ops(qtbot)
    # 商户一 and 商户二 had the same best ¥40 claim line: the first took it, the second was refused.
    matched = {m.expense_id for m in LineMatch.select() if m.expense_id}
    assert matched == {lines["甲店"], lines["丙店"]}
    assert "1 行未处理" in tab.status.text() and "已匹配付款" in tab.status.text()
    assert [c.expense_id for c in tab.review.rows[_row_of(tab, "商户二")].candidates] == [lines["乙店"]]
    assert runs == []  # no re-run of the reconciliation
    assert removed  # rows left the model one by one, not by a reset
    assert tab.decided.rowCount() == decided_before + len(matched)
    left = {r.imported.vendor for r in tab.review.rows}
    assert "商户三" not in left and "商户四" in left
    # The ¥30 taken by 商户三 is no longer a candidate of 商户四.
    row = tab.review.rows[_row_of(tab, "商户四")]
    assert {c.expense_id for c in row.candidates} == {lines["丙店"], lines["丁店"]} - matched
    # 非接待费用 for several rows at once.
    tab.show_filter.setCurrentIndex(tab.show_filter.findData("all"))
    selection.clearSelection()
    for vendor in ("工资户", "某客户"):
        index = tab.review.index(_row_of(tab, vendor), 0)
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    tab.not_reception()
    wait_ops(qtbot)
    assert {"工资户", "某客户"}.isdisjoint({r.imported.vendor for r in tab.review.rows})
    assert runs == []
    # Undo one decision: it comes back to the queue in place.
    tab.decided_table.selectRow(0)
    undone = tab.decided.rows[0].imported.id
    tab.unmatch()
    wait_ops(qtbot)
    assert undone in {r.imported.id for r in tab.review.rows}
    assert runs == []


def _period_counts(tab) -> dict[str, int]:
    return next(r for r in tab.state_rows.rows if r.application_id is None).counts


def test_three_way_counts_follow_each_decision_and_its_undo(qtbot, queue, scripted):
    """Seen in the real window: after a bulk match the 三方对账状态 still showed every line as
    未对账 until the next 运行对账."""
    finance, app, lines, d = queue
    view, tab = _view(qtbot, finance, d)
    before = _period_counts(tab)
    selection = tab.review_table.selectionModel()
    selection.clearSelection()
    for vendor in ("商户一", "商户三"):
        index = tab.review.index(_row_of(tab, vendor), 0)
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    tab.match_best()
    wait_ops(qtbot)
    after = _period_counts(tab)
    assert sum(after.values()) == sum(before.values()) == 4
    # two claim lines now have their payment (no invoice yet): they left 未对账
    assert after[reconcile.report.OPEN] == before[reconcile.report.OPEN] - 2
    assert after == reconcile.state_counts(finance, *tab.period())[-1].counts
    tab.decided_table.selectRow(0)
    tab.unmatch()
    wait_ops(qtbot)
    assert _period_counts(tab)[reconcile.report.OPEN] == before[reconcile.report.OPEN] - 1


def test_rules_tab_saves_and_applies(qtbot, queue, scripted):
    finance, app, lines, d = queue
    view, tab = _view(qtbot, finance, d)
    rules = view.rules
    rules.kind.setCurrentIndex(rules.kind.findData("counterparty"))
    rules.text.setText("工资户")
    rules.add()
    wait_ops(qtbot)
    assert [r.text for r in reconcile_rules.list_rules(finance)] == ["工资户"]
    assert rules.model.rowCount() == 1
    rules.apply()
    wait_ops(qtbot)
    assert "1 条" in rules.message.text()
    assert LineMatch.get(LineMatch.imported == ImportedLine.get(ImportedLine.vendor == "工资户").id).rule_id
