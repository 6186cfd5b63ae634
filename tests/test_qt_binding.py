"""The Qt binding the program runs on must not corrupt the interpreter.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit`` without taking a reference, so
every emit from Python code lowers ``True``'s count by one; an ordinary day at the front desk
emits thousands of signals and the process then aborts ("bool_dealloc: deallocating True").
pyproject.toml excludes that release; this test fails if such a binding is installed anyway.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    with_value = Signal(int)


def test_signal_emit_keeps_reference_counts(qapp):
    emitter = _Emitter()
    received: list[int] = []
    emitter.with_value.connect(received.append)
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(200):
        emitter.plain.emit()
        emitter.with_value.emit(i)
    gc.collect()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert received == list(range(200))
    # A handful either way is other objects coming and going; 400 emits losing one each is the bug.
    assert after[0] - before[0] > -50, f"True lost {before[0] - after[0]} references in 400 emits"
    assert after[1] - before[1] > -50
