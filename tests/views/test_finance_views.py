"""Finance in the windows: import a messy list and a GBK statement, reconcile, take expenses
from draft to reimbursed."""

from __future__ import annotations

import pytest

from desktop.models import ImportedLine
from desktop.services import auth, expenses
from desktop.views.expenses import ExpensesView
from desktop.views.reconciliation import ReconciliationView
from tests.importers.conftest import (  # noqa: F401
    STATEMENT,  # noqa: F401 - fixtures below come from there
    gbk_statement,
    messy_invoices,
)
from tests.views.conftest import wait_ops


@pytest.fixture
def finance(demo_db):
    return auth.actor_by_username("caiwu")


def test_import_preview_mapping_commit_and_undo(qtbot, finance, messy_invoices, gbk_statement, scripted):  # noqa: F811
    view = ReconciliationView(finance)
    qtbot.addWidget(view)
    wait_ops(qtbot)
    tab = view.importer
    before = ImportedLine.select().count()
    tab.open_file(messy_invoices)
    wait_ops(qtbot)  # the file is read off the UI thread
    assert tab.header_row.value() == 4
    assert "新 3 条，重复 1 条，错误 2 条" in tab.summary.text()
    assert tab.mapping["invoice_no"].currentText() == "发票号码"
    assert any("2026-13-01" in line.reason for line in tab.model.rows)
    tab.commit()
    wait_ops(qtbot)
    assert ImportedLine.select().count() == before + 3
    assert "批次" in tab.summary.text()
    tab.open_file(gbk_statement)
    wait_ops(qtbot)
    assert "银行" in tab.summary.text() and "新 4 条" in tab.summary.text()
    tab.profile.setText("工行对公")
    tab.save_profile()
    tab.commit()
    wait_ops(qtbot)
    assert ImportedLine.select().count() == before + 7
    tab.batch_table.selectRow(0)  # newest first
    scripted.answers = [True]
    tab.undo()
    wait_ops(qtbot)
    assert ImportedLine.select().count() == before + 3


def test_cancelled_import_writes_nothing(qtbot, finance, tmp_path, monkeypatch, scripted):
    """Cancel pressed after the first block of 4,500 lines was inserted: the transaction is
    rolled back, no batch and no line remain, and the window says so."""
    from desktop.models import ImportBatch
    from desktop.views import ops

    big = tmp_path / "big-statement.csv"
    lines = ["交易日期,摘要,对方户名,支出金额,存入金额,余额"]
    lines += [f"2026-11-{1 + i % 28:02d},餐费 {i},酒家 {i},{100 + i}.00,,{90000 - i}.00" for i in range(4500)]
    big.write_text("\n".join(lines), encoding="utf-8")
    view = ReconciliationView(finance)
    qtbot.addWidget(view)
    wait_ops(qtbot)
    view.importer.open_file(big)
    wait_ops(qtbot)
    assert "新 4500 条" in view.importer.summary.text()
    lines_before, batches_before = ImportedLine.select().count(), ImportBatch.select().count()
    reported: list[tuple[int, int]] = []
    real_run = ops.run

    def run_and_cancel_after_first_step(parent, fn, on_done, on_error=None, **kw):
        def fn_cancelling(progress: ops.Progress):
            real_report = progress.report

            def report(done: int, total: int, text: str = "") -> None:
                reported.append((done, total))
                real_report(done, total, text)
                progress.cancel()  # the user presses Cancel while the import is under way

            progress.report = report
            return fn(progress)

        return real_run(parent, fn_cancelling, on_done, on_error, **kw)

    monkeypatch.setattr(ops, "run", run_and_cancel_after_first_step)
    view.importer.commit()
    wait_ops(qtbot)
    # it started, wrote a first block, and stopped there (the block size is the service's)
    assert len(reported) == 1 and 0 < reported[0][0] < 4500 and reported[0][1] == 4500
    assert ImportedLine.select().count() == lines_before
    assert ImportBatch.select().count() == batches_before
    assert "已取消导入" in view.importer.summary.text()
    assert "已导入" not in view.importer.summary.text()


def test_reconcile_window_review_and_flags(qtbot, finance, scripted):
    view = ReconciliationView(finance)
    qtbot.addWidget(view)
    wait_ops(qtbot)
    tab = view.matcher
    assert tab.flags.rowCount() > 0
    assert tab.review.rowCount() > 0
    waiting = tab.review.rowCount()
    tab.review_table.selectRow(0)
    tab.not_reception()
    wait_ops(qtbot)
    assert tab.review.rowCount() == waiting - 1


def test_expenses_from_draft_to_reimbursed(qtbot, demo_db, scripted):
    lina = auth.actor_by_username("lina")
    finance = auth.actor_by_username("caiwu")
    gm = auth.actor_by_username("zongjingli")
    submitted = next(r for r in expenses.list_summaries(finance) if r.status == expenses.SUBMITTED)
    view = ExpensesView(finance)
    qtbot.addWidget(view)
    row = next(i for i, r in enumerate(view.list.rows) if r.application_id == submitted.application_id)
    view.table.selectRow(row)
    view.act("return")
    assert "必须填写意见" in view.message.text()
    view.comment.setText("请补充发票")
    view.act("return")
    assert expenses.get(finance, submitted.application_id).status == expenses.RETURNED

    host = ExpensesView(lina)
    qtbot.addWidget(host)
    row = next(i for i, r in enumerate(host.list.rows) if r.application_id == submitted.application_id)
    host.table.selectRow(row)
    host.total.setText("abc")
    host.save_line()
    assert host.errors.message("total")
    host.total.setText("58.00")
    host.vendor.setText("打印店")
    host.reason.setText("补打资料")
    host.category.setCurrentIndex(host.category.findData("other"))
    host.save_line()
    assert any(line.vendor == "打印店" for line in expenses.get(lina, submitted.application_id).lines)
    host.act("submit")
    view.refresh()
    view.table.selectRow(
        next(i for i, r in enumerate(view.list.rows) if r.application_id == submitted.application_id)
    )
    assert not view.action_buttons["audit"].isEnabled()  # 部门负责人 signs first (issue 15)
    view.act("audit")
    assert expenses.get(finance, submitted.application_id).status == expenses.SUBMITTED
    head = ExpensesView(auth.actor_by_username("zhangwei"))
    qtbot.addWidget(head)
    head.table.selectRow(
        next(i for i, r in enumerate(head.list.rows) if r.application_id == submitted.application_id)
    )
    head.act("dept_signoff")
    view.refresh()
    view.act("audit")
    boss = ExpensesView(gm)
    qtbot.addWidget(boss)
    boss.table.selectRow(
        next(i for i, r in enumerate(boss.list.rows) if r.application_id == submitted.application_id)
    )
    boss.act("approve")
    view.refresh()
    view.table.selectRow(
        next(i for i, r in enumerate(view.list.rows) if r.application_id == submitted.application_id)
    )
    view.act("reimburse")  # opens 登记报销
    view.reimburse_dialog.reference.setText("记-0077")
    view.reimburse_dialog.ok.click()
    assert expenses.get(finance, submitted.application_id).status == expenses.REIMBURSED


def test_unmatch_and_flag_link(qtbot, finance, scripted):
    view = ReconciliationView(finance)
    qtbot.addWidget(view)
    wait_ops(qtbot)
    tab = view.matcher
    decided = tab.decided.rowCount()
    assert decided > 0  # the demo's card statement matched automatically
    waiting = tab.review.rowCount()
    tab.decided_table.selectRow(0)
    tab.unmatch()
    wait_ops(qtbot)
    assert tab.decided.rowCount() == decided - 1  # not matched again automatically
    assert tab.review.rowCount() == waiting + 1
    row = next(i for i, f in enumerate(tab.flags.rows) if f.reception)
    from desktop.services import applications

    app_id = tab.flag_application_id(tab.flags.rows[row])
    assert applications.get(finance, app_id).info.number in tab.flags.rows[row].reception
