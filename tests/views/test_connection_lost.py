"""The PostgreSQL server stops while an application is being edited, and starts again.

Issue 12: a lost connection shows a banner, retries, and keeps everything typed; the save
succeeds after the server is back. This stops the real server, so it runs alone: marked
``serial``, skipped unless RECEPTION_PG_RESTART=1, which .ci/run sets in a run of its own after
the parallel runs (another worker's tests would fail while the server is down).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.parse

import pytest

from desktop.services import applications as apps
from desktop.services import auth
from desktop.views import connection_banner
from desktop.views.application_editor import ApplicationDialog
from desktop.views.main_window import MainWindow

pytestmark = pytest.mark.serial


def _cluster_serving(port: int) -> tuple[str, str] | None:
    """(version, name) of the Debian/Ubuntu cluster listening on ``port``."""
    listed = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=False)
    for line in listed.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[2] == str(port):
            return parts[0], parts[1]
    return None


class Server:
    def __init__(self, version: str, name: str):
        self.version, self.name = version, name

    def _ctl(self, action: str) -> None:
        subprocess.run(["pg_ctlcluster", self.version, self.name, action], check=True, timeout=120)

    def stop(self) -> None:
        self._ctl("stop")

    def start(self) -> None:
        self._ctl("start")

    def running(self) -> bool:
        return (
            subprocess.run(
                ["pg_ctlcluster", self.version, self.name, "status"], capture_output=True, check=False
            ).returncode
            == 0
        )


@pytest.fixture
def server(demo_db, db_url):
    if demo_db.kind != "postgresql":
        pytest.skip("stops a PostgreSQL server: run with RECEPTION_TEST_DB=postgresql://…")
    if os.environ.get("RECEPTION_PG_RESTART") != "1":
        pytest.skip(
            "stops and starts the PostgreSQL server: set RECEPTION_PG_RESTART=1 and run it alone "
            "(.ci/run does, after the parallel runs)"
        )
    if shutil.which("pg_ctlcluster") is None or os.geteuid() != 0:
        pytest.skip("needs pg_ctlcluster and root to stop and start the server")
    cluster = _cluster_serving(urllib.parse.urlparse(db_url).port or 5432)
    if cluster is None:
        pytest.skip("no local cluster serves the test database's port (pg_lsclusters)")
    server = Server(*cluster)
    yield server
    if not server.running():
        server.start()  # never leave the server down for what runs next


@pytest.fixture
def fresh_monitor(monkeypatch):
    monkeypatch.setattr(connection_banner, "_monitor", None)
    yield
    if connection_banner._monitor is not None:
        connection_banner._monitor.close()


def test_server_restart_shows_the_banner_keeps_the_typing_and_the_save_succeeds_after(
    qtbot, server, scripted, fresh_monitor
):
    lina = auth.actor_by_username("lina")
    window = MainWindow(lina)
    qtbot.addWidget(window)
    window.show()
    draft = next(a for a in apps.list_applications(lina) if a.status == apps.DRAFT)
    editor = ApplicationDialog(lina, draft.id)
    qtbot.addWidget(editor)
    editor.show()
    typed = "服务器重启期间输入的来访目的"
    editor.purpose.setPlainText(typed)
    assert editor.is_modified()

    server.stop()

    assert not editor.save()
    assert [(kind, title) for kind, title, _ in scripted.shown] == [("warn", "连接已断开")]
    assert "您输入的内容已保留" in scripted.shown[0][2]
    assert editor.isVisible() and editor.is_modified()
    assert editor.purpose.toPlainText() == typed
    banner = window.connection_banner
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.text.text().startswith("与数据库服务器的连接已断开，正在重试…")
    banner.retry_button.click()  # still down: the time of the try is shown
    qtbot.waitUntil(lambda: "上次尝试" in banner.text.text(), timeout=30_000)

    server.start()

    banner.retry_button.click()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=60_000)
    assert editor.purpose.toPlainText() == typed and editor.is_modified()
    assert editor.save()
    assert not editor.is_modified()
    assert apps.get(lina, draft.id).form.purpose == typed
