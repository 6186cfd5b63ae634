"""The import preview in the window (issue 13): current after an undo, skipped rows listed with
their reason, and the whole reason readable (wrapped, and as the tooltip)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import auth
from desktop.views.reconciliation import ReconciliationView
from tests.importers.conftest import STATEMENT
from tests.views.conftest import wait_ops

FOOTER = "本对账单仅供参考，以银行记录为准。"


def test_preview_stays_current_after_an_undo_and_lists_skipped_rows(qtbot, demo_db, tmp_path, scripted):
    path = tmp_path / "statement.csv"
    path.write_bytes("\r\n".join([*STATEMENT, FOOTER]).encode("gbk"))
    view = ReconciliationView(auth.actor_by_username("caiwu"))
    qtbot.addWidget(view)
    wait_ops(qtbot)
    tab = view.importer
    tab.open_file(path)
    wait_ops(qtbot)
    assert "新 4 条" in tab.summary.text() and "错误 0 条" in tab.summary.text()
    shown = {x.row: x for x in tab.model.rows}
    assert shown[9].status == "skipped" and FOOTER in shown[9].reason
    assert shown[8].status == "skipped" and shown[8].reason == "合计行"
    column = tab.model.columns.index(next(c for c in tab.model.columns if c.key == "status"))
    assert tab.model.index(list(shown).index(9), column).data() == "跳过"

    tab.commit()
    wait_ops(qtbot)
    assert "重复 4 条" in tab.summary.text()  # the same file again: all duplicates now
    tab.batch_table.selectRow(0)
    scripted.answers = [True]
    tab.undo()
    wait_ops(qtbot)
    # the batch is undone: its lines are new again, without reading the file by hand
    assert "新 4 条" in tab.summary.text() and "重复 0 条" in tab.summary.text()
    assert tab.commit_button.isEnabled()


def test_the_reason_column_shows_the_whole_reason(qtbot, demo_db, tmp_path, scripted):
    path = tmp_path / "statement.csv"
    long_name = "某某某某国际大酒店餐饮管理有限公司第一分公司" * 3
    path.write_text(
        f"交易日期,摘要,对方户名,支出金额\n2026-13-45,餐费,{long_name},abc\n2026-11-03,餐费,粤海酒家,100\n",
        encoding="utf-8",
    )
    view = ReconciliationView(auth.actor_by_username("caiwu"))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    wait_ops(qtbot)
    tab = view.importer
    tab.open_file(path)
    wait_ops(qtbot)
    row = next(i for i, x in enumerate(tab.model.rows) if x.status == "error")
    reason = tab.model.rows[row].reason
    assert "日期" in reason and "金额" in reason
    column = len(tab.model.columns) - 1
    index = tab.model.index(row, column)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == reason
    assert tab.table.wordWrap()
    # the last column takes the room left and the row grows to the wrapped text
    assert tab.table.columnWidth(column) < tab.table.fontMetrics().horizontalAdvance(reason)
    assert tab.table.rowHeight(row) > tab.table.rowHeight(1 - row)


def test_reading_a_file_shows_progress_and_cancel_drops_it(qtbot, demo_db, tmp_path, scripted, monkeypatch):
    """The file is read on a worker with the rows counted on the progress bar; Cancel stops the
    reading between two blocks of rows and leaves no preview to import."""
    from desktop.importers import tabular
    from desktop.views import ops

    monkeypatch.setattr(tabular, "BLOCK_ROWS", 2)
    path = tmp_path / "statement.csv"
    path.write_bytes("\r\n".join(STATEMENT).encode("gbk"))
    reports: list[tuple[int, int, str]] = []
    report = ops.Progress.report
    monkeypatch.setattr(
        ops.Progress,
        "report",
        lambda self, done, total, text="": (
            reports.append((done, total, text)) or report(self, done, total, text)
        ),
    )
    view = ReconciliationView(auth.actor_by_username("caiwu"))
    qtbot.addWidget(view)
    wait_ops(qtbot)
    tab = view.importer
    reports.clear()
    tab.open_file(path)
    wait_ops(qtbot)
    assert [(done, total) for done, total, _ in reports] == [(0, 5), (2, 5), (4, 5), (5, 5)]
    assert reports[-1][2] == "正在读取 5/5 行…" and "新 4 条" in tab.summary.text()

    monkeypatch.setattr(
        ops.Progress, "report", lambda self, done, total, text="": self.cancel()
    )  # Cancel pressed
    tab.load(use_mapping=False)
    wait_ops(qtbot)
    assert tab.summary.text() == "已取消读取。" and not tab.commit_button.isEnabled()
