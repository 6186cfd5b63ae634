"""The audit trail's hash chain with several PCs writing at once (issue 12).

Two real processes (tests/concurrency_worker.py ``audit``) and this one append audited changes
at the same time, on SQLite or PostgreSQL (RECEPTION_TEST_DB). If two writers read the same
"last hash", the chain forks: two entries name the same predecessor and verify() breaks.
"""

from __future__ import annotations

from collections import Counter

from desktop.models import AuditEntry
from desktop.services import audit, denylist
from tests.test_concurrency import finish_worker, start_worker

PER_PROCESS = 60


def test_three_processes_writing_at_once_keep_one_chain(database, admin, db_url, tmp_path):
    go = tmp_path / "go"
    before = AuditEntry.select().count()
    workers = [start_worker("audit", db_url, tmp_path / "data", tag, PER_PROCESS, go) for tag in ("甲", "乙")]
    try:
        go.touch()
        for n in range(PER_PROCESS):
            if n % 2:
                denylist.save_entry(admin, name=f"丙{n}", reason=f"并发 丙 {n}")
            else:
                audit.record(admin, "edit", "setting", f"丙:{n}", {"n": (n - 1, n)})
    finally:
        go.touch()
        results = [finish_worker(w) for w in workers]

    assert [r["failures"] for r in results] == [[], []]
    rows = list(
        AuditEntry.select(AuditEntry.id, AuditEntry.prev_hash, AuditEntry.hash)
        .order_by(AuditEntry.id)
        .tuples()
    )
    assert len(rows) == before + 3 * PER_PROCESS
    # One chain: each entry names the one just before it, and no entry has two successors.
    assert rows[0][1] == ""
    assert all(rows[i][1] == rows[i - 1][2] for i in range(1, len(rows)))
    assert max(Counter(prev for _id, prev, _h in rows).values()) == 1
    result = audit.verify()
    assert result.ok, result.message
    assert result.count == len(rows)
    # All three writers really interleaved (not one after the other).
    tags = [
        r.split(":")[0] if ":" in r else ""
        for (r,) in AuditEntry.select(AuditEntry.record_id)
        .where(AuditEntry.kind == "setting")
        .order_by(AuditEntry.id)
        .tuples()
    ]
    switches = sum(1 for a, b in zip(tags, tags[1:], strict=False) if a != b)
    assert switches >= 2
