"""审计日志: only 审计 and 系统管理员 get it; filters narrow the rows; 校验审计链 runs off the UI
thread and names the broken entry; the export keeps formula-like text as text."""

from __future__ import annotations

from openpyxl import load_workbook

from desktop.db import database
from desktop.models import AuditEntry
from desktop.services import audit, auth
from desktop.views import filedialogs
from desktop.views.audit_log import AuditLogView
from desktop.views.registry import allowed, main_views
from tests.views.conftest import wait_ops


def keys(username: str) -> list[str]:
    actor = auth.actor_by_username(username)
    return [s.key for s in main_views() if allowed(s, actor)]


def test_only_auditor_and_sysadmin_get_the_view(demo_db):
    assert "audit-log" in keys("shenji") and "audit-log" in keys("admin")
    for other in ("caiwu", "liuyang", "lina", "zongjingli", "qiantai"):
        assert "audit-log" not in keys(other)


def test_filter_verify_and_find_the_broken_entry(qtbot, demo_db, scripted):
    auditor = auth.actor_by_username("shenji")
    caiwu = auth.actor_by_username("caiwu")
    audit.record(caiwu, "edit", "setting", "company_name", {"company_name": ("甲公司", "乙公司")})
    view = AuditLogView(auditor)
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() >= 1
    view.person.setText("赵敏")
    view.kind.setCurrentIndex(view.kind.findData("setting"))
    view.search_button.click()
    assert [r.user_name for r in view.model.rows] and {r.user_name for r in view.model.rows} == {
        "赵敏（caiwu）"
    }
    changes_column = next(i for i, c in enumerate(view.model.columns) if c.key == "changes")
    # The setting's name as 设置 shows it, not its column name.
    assert view.model.index(0, changes_column).data() == "公司名称（印在表单上）: 甲公司 → 乙公司"

    view.verify_button.click()
    wait_ops(qtbot)
    assert "完整" in view.verdict.text()

    target = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    database.execute_sql(f"UPDATE audit_entry SET note = 'x' WHERE id = {target.id}")
    view.verify_button.click()
    wait_ops(qtbot)
    assert f"第 {target.id} 条" in view.verdict.text() and "断开" in view.verdict.text()
    selected = view.model.row_at(view.table.currentIndex())
    assert selected is not None and selected.id == target.id


def test_export_keeps_formula_like_text_as_text(qtbot, demo_db, scripted, tmp_path, monkeypatch):
    admin = auth.actor_by_username("admin")
    audit.record(admin, "edit", "deny", 1, {"name": ("张三", "李四")}, '=HYPERLINK("http://x","y")')
    view = AuditLogView(admin)
    qtbot.addWidget(view)
    target = tmp_path / "audit"
    monkeypatch.setattr(filedialogs, "get_save_file_name", lambda *a, **k: (str(target), ""))
    view.ask_export()
    wait_ops(qtbot)
    path = tmp_path / "audit.xlsx"
    assert path.exists()
    ws = load_workbook(path).active
    texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert texts and all(c.data_type == "s" and c.quotePrefix for c in texts)
    assert ws.max_row - 3 == audit.search(admin).total  # title, blank line, header
