"""The other PC of tests/services/test_change_feed.py and tests/views/test_remote_changes.py:
a second process on the same database that writes, or listens, while the test process does
the other.

    python tests/change_feed_worker.py publish URL DATA_DIR KIND...
    python tests/change_feed_worker.py checkin URL DATA_DIR HOST_USERNAME NAME
    python tests/change_feed_worker.py listen URL DATA_DIR
    python tests/change_feed_worker.py restore URL DATA_DIR BACKUP_FILE

``listen`` prints "READY" once its feed listens, then one JSON line with the first kinds it
hears, and exits. The others print one JSON line when done.
"""

from __future__ import annotations

import json
import queue
import sys
from pathlib import Path


def _open(url: str, data_dir: str) -> None:
    from desktop import db, paths

    paths.set_data_dir(Path(data_dir))
    db.open_database(url)


def publish(url: str, data_dir: str, kinds: list[str]) -> None:
    from desktop.services import change_feed

    _open(url, data_dir)
    change_feed.publish(kinds)
    print(json.dumps({"origin": change_feed.ORIGIN, "kinds": kinds}), flush=True)


def checkin(url: str, data_dir: str, host_username: str, name: str) -> None:
    """Check a visitor in at the desk as the window does: the write, then the change event."""
    from desktop.services import auth, change_feed, visitors
    from desktop.services.visitors import VisitForm

    _open(url, data_dir)
    desk = auth.actor_by_username("qiantai")
    host = auth.actor_by_username(host_username)
    form = VisitForm(name=name, phone="13900001111", company="远方贸易有限公司", host_id=host.employee_id)
    row = visitors.check_in(desk, form, confirm_duplicate=True)
    change_feed.publish(["visits", "notifications"])  # what views/visitor_desk.py announces
    print(json.dumps({"visit": row.id}), flush=True)


def restore(url: str, data_dir: str, backup_file: str) -> None:
    """Restore the database from a backup as 系统管理员, as 设置 or the CLI on another PC does."""
    from desktop.services import auth, backup

    _open(url, data_dir)
    result = backup.restore(auth.actor_by_username("admin"), Path(backup_file))
    print(json.dumps({"restored": str(result.path)}), flush=True)


def listen(url: str, data_dir: str) -> None:
    from desktop.services import change_feed

    _open(url, data_dir)
    heard: queue.Queue = queue.Queue()
    feed = change_feed.ChangeFeed(url, heard.put, interval=0.05).start()
    if not feed.ready.wait(30):
        print(json.dumps({"error": "feed did not start"}), flush=True)
        return
    print("READY", flush=True)
    try:
        kinds = heard.get(timeout=60)
    except queue.Empty:
        kinds = frozenset()
    feed.stop()
    print(json.dumps({"kinds": sorted(kinds)}), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    command, args = sys.argv[1], sys.argv[2:]
    if command == "publish":
        publish(args[0], args[1], args[2:])
    elif command == "checkin":
        checkin(args[0], args[1], args[2], args[3])
    elif command == "listen":
        listen(args[0], args[1])
    elif command == "restore":
        restore(args[0], args[1], args[2])
    else:
        raise SystemExit(f"unknown command {command}")
