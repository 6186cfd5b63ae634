"""The desk while another PC or process holds the database: 数据库忙, and nothing typed is lost."""

from __future__ import annotations

import pytest

from desktop import db
from desktop.models import Visit, Visitor
from desktop.views.visitor_desk import VisitorDeskView
from tests.test_concurrency import finish_worker, start_worker
from tests.views.conftest import wait_ops


@pytest.fixture
def short_waits(monkeypatch):
    """Give up after 0.3 s instead of 5 s, so the test need not wait; set before the database
    is opened, since both are applied when a connection is made."""
    monkeypatch.setitem(db._SQLITE_PRAGMAS, "busy_timeout", 300)
    monkeypatch.setattr(db, "PG_LOCK_TIMEOUT", "300ms")


def test_check_in_while_another_process_writes_keeps_the_form(
    short_waits, desk_actor, qtbot, scripted, db_url
):
    view = VisitorDeskView(desk_actor)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    form = view.form
    form.name.setText("钱七")
    form.phone.setText("13812340000")
    form.company.setText("星河贸易有限公司")
    form.host.setText("黄磊")
    before = (Visitor.select().count(), Visit.select().count())

    info = db.current_info()
    if info.kind == "sqlite":
        holder = start_worker("hold", info.path, 3.0)
        release = lambda: finish_worker(holder)  # noqa: E731
    else:
        import psycopg

        other = psycopg.connect(db_url)
        other.cursor().execute("LOCK TABLE visit IN EXCLUSIVE MODE")

        def release() -> None:
            other.rollback()
            other.close()

    try:
        form.submitted.emit()
        wait_ops(qtbot, timeout=10_000)
    finally:
        release()

    assert [(kind, title) for kind, title, _ in scripted.shown] == [("warn", "数据库忙")]
    assert "您输入的内容已保留" in scripted.shown[0][2]
    assert (form.name.text(), form.phone.text(), form.company.text(), form.host.text()) == (
        "钱七",
        "13812340000",
        "星河贸易有限公司",
        "黄磊",
    )
    assert form.submit_button.isEnabled()  # the receptionist can simply press Enter again
    assert (Visitor.select().count(), Visit.select().count()) == before

    form.submitted.emit()  # the other process is done: now it goes through
    wait_ops(qtbot)
    assert Visit.select().count() == before[1] + 1
    assert form.name.text() == ""
