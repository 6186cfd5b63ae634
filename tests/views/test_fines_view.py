"""The 赞助单 view: the auditor records a breach, sees it with the leader's share and the
totals per person and month; a host does not get the view."""

from __future__ import annotations

from desktop.services import auth, fines
from desktop.views.fines import FinesView
from desktop.views.registry import allowed, main_views
from tests.views.conftest import wait_ops


def test_auditor_records_a_breach_and_sees_the_totals(qtbot, demo_db, scripted):
    auditor = auth.actor_by_username("shenji")
    assert "fines" in [s.key for s in main_views() if allowed(s, auditor)]
    assert "fines" in [s.key for s in main_views() if allowed(s, auth.actor_by_username("liuyang"))]
    assert "fines" not in [s.key for s in main_views() if allowed(s, auth.actor_by_username("lina"))]
    view = FinesView(auditor)
    qtbot.addWidget(view)
    before = view.model.rowCount()
    view.person.setCurrentIndex(view.person.findText("黄磊", flags=qtbot_match()))
    view.article.setCurrentIndex(view.article.findData("4.3"))
    view.multiplier.setValue(2)
    assert "¥40.00" in view.amount_label.text()
    view.record_button.click()
    wait_ops(qtbot)
    assert view.errors.labels["description"].text()  # a serious case needs the circumstances
    view.description.setPlainText("参观时与来访人员闲谈")
    view.record_button.click()
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 2)  # the breach and the leader's share
    assert "已记录：黄磊 ¥40.00" in view.message.text() and "张伟 连带 ¥8.00" in view.message.text()
    people = {t.person for t in view.totals_model.rows}
    assert {"黄磊", "张伟"} <= people
    assert sum(f.amount for f in fines.list_fines(auditor) if f.person == "黄磊") >= 80


def qtbot_match():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains
