"""The program's one clock.

Every "today" and "now" in the program comes from here, so the demo, the tests and the dated CI
runs can set the day: ``RECEPTION_TODAY=2026-11-27`` (a Friday) in the environment, or
:func:`set_today` in a test. The time of day stays the real one (elapsed minutes on site must
still tick); only the date moves. Naive local time, as everywhere (see ``db.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator

_fixed: dt.date | None = None


def _from_env() -> dt.date | None:
    raw = os.environ.get("RECEPTION_TODAY", "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise SystemExit(f"RECEPTION_TODAY is not a date (YYYY-MM-DD): {raw!r}") from None


_fixed = _from_env()


def set_today(day: dt.date | None) -> None:
    """Pin the date (None: back to the environment's, or the real one)."""
    global _fixed
    _fixed = day if day is not None else _from_env()


@contextlib.contextmanager
def pinned(day: dt.date) -> Iterator[None]:
    """Run a block as if today were ``day`` (the demo written "as of" another day), then put
    the clock back as it was."""
    global _fixed
    previous = _fixed
    _fixed = day
    try:
        yield
    finally:
        _fixed = previous


def is_pinned() -> bool:
    return _fixed is not None


def today() -> dt.date:
    return _fixed or dt.date.today()


def now() -> dt.datetime:
    real = dt.datetime.now()
    if _fixed is None:
        return real
    return dt.datetime.combine(_fixed, real.time())
