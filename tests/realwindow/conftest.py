"""The real-window layer: the program in real X11 windows at 1024×768 with a window manager.

Offscreen tests cannot see a window taller than the screen, a button below its edge, or a
print preview that crashes once the event loop runs. This layer can. It needs an X server
*before* the QApplication exists, so it runs in its own pytest process:

    python3 -m pytest -m realwindow tests/realwindow

``qt_display`` (overriding the offscreen one in tests/conftest.py) starts Xvfb on a free display
and openbox on it, and points Qt's xcb platform there. Without Xvfb the layer is skipped, unless
``RECEPTION_REALWINDOW_REQUIRED=1`` (as .ci/run sets), which turns that into a failure.

A failing check saves a screenshot of the whole screen under ``REALWINDOW_SHOTS`` (default:
``<temp>/realwindow-shots``); the failure message names the file. ``REALWINDOW_SHOTS_ALWAYS=1``
saves one of every window checked, to look at. ``REALWINDOW_SCREEN=1280x800`` gives the X server
that size instead of 1024×768 (.ci/run runs the fit checks at both).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop import clock


def _screen_size() -> tuple[int, int]:
    """1024×768 by default, the smallest screen the offices have; ``REALWINDOW_SCREEN=1280x800``
    runs the layer on the common laptop size too (.ci/run runs the fit checks at both: a window
    that remembers or computes its size can fit one and not the other)."""
    text = os.environ.get("REALWINDOW_SCREEN", "1024x768")
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


SCREEN = _screen_size()
# A weekday with receptions tomorrow in the demo, so every sheet has something to print.
REALWINDOW_TODAY = dt.date(2026, 11, 23)


def shots_dir() -> Path:
    folder = Path(os.environ.get("REALWINDOW_SHOTS") or Path(tempfile.gettempdir()) / "realwindow-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# Servers that end with this process (see -terminate); held so no ResourceWarning is raised.
_outliving: list[subprocess.Popen] = []


def _free_display() -> int:
    for n in range(90, 190):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :189")


def _start_x(number: int) -> subprocess.Popen:
    width, height = SCREEN
    xvfb = subprocess.Popen(
        # -terminate: the server exits by itself when its last client (this process) goes, so
        # the QApplication never outlives its X server (Qt exits with status 1 when it does).
        ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp", "-terminate"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if xvfb.poll() is not None or time.monotonic() > deadline:
            xvfb.kill()
            raise RuntimeError(f"Xvfb did not start on :{number}")
        time.sleep(0.05)
    return xvfb


@pytest.fixture(scope="session")
def qt_display(tmp_path_factory) -> Iterator[str]:
    required = os.environ.get("RECEPTION_REALWINDOW_REQUIRED") == "1"
    missing = [tool for tool in ("Xvfb", "openbox") if shutil.which(tool) is None]
    if missing:
        message = f"the real-window layer needs {' and '.join(missing)} (apt-get install xvfb openbox)"
        if required:
            pytest.fail(message)
        pytest.skip(message)
    number = _free_display()
    xvfb = _start_x(number)
    display = f":{number}"
    env = {**os.environ, "DISPLAY": display}
    # openbox's own configuration must not come from the user's home.
    env["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("openbox-config"))
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # openbox takes over the root window; windows shown before that get no frame
    previous = {k: os.environ.get(k) for k in ("DISPLAY", "QT_QPA_PLATFORM")}
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    yield display
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    wm.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        wm.wait(5)
    if wm.poll() is None:
        wm.kill()
    if not _qt_connected():
        xvfb.terminate()  # nobody connected (the layer was skipped): -terminate never fires
        xvfb.wait(5)
    else:
        _outliving.append(xvfb)  # still serving this process's windows until it exits


def _qt_connected() -> bool:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() is not None and QGuiApplication.platformName() == "xcb"


@pytest.fixture(scope="session")
def xvfb_app(qt_display, _qt_app_setup):
    """The QApplication, on the X server of ``qt_display`` (xcb, 1024×768, openbox)."""
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.platformName() == "xcb", QGuiApplication.platformName()
    size = QGuiApplication.primaryScreen().size()
    assert (size.width(), size.height()) == SCREEN
    return _qt_app_setup


@pytest.fixture(autouse=True)
def _pinned_day():
    clock.set_today(REALWINDOW_TODAY)
    yield
    clock.set_today(None)


@pytest.fixture
def screen_problems(xvfb_app, request) -> Iterator[Problems]:
    problems = Problems(request.node.name)
    yield problems


class Problems:
    """Failed checks of one test; each is kept with a screenshot taken when it was found."""

    def __init__(self, test_name: str):
        self.test_name = re.sub(r"[^\w.-]+", "_", test_name)
        self.items: list[str] = []

    def add(self, what: str) -> None:
        shot = screenshot(f"{self.test_name}-{len(self.items) + 1}")
        self.items.append(f"{what}  [screenshot: {shot}]")

    def extend(self, found: list[str]) -> None:
        for what in found:
            self.add(what)

    def assert_none(self) -> None:
        assert not self.items, "\n".join(self.items)


def screenshot(name: str) -> Path:
    """The whole screen as the X server shows it (window frames and dialogs included)."""
    from PySide6.QtGui import QGuiApplication

    path = shots_dir() / f"{name}.png"
    QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
    return path


def settle(qtbot, ms: int = 150) -> None:
    """Let the window manager map and place windows, and queued work run."""
    from desktop.views import ops

    qtbot.waitUntil(lambda: not ops.busy(), timeout=20_000)
    qtbot.wait(ms)


def fit_problems(window, label: str) -> list[str]:
    """Where ``window`` does not fit the screen, or a push button is off screen, clipped
    (e.g. below a scroll area's edge) or squeezed to nothing."""
    from PySide6.QtWidgets import QDialog, QPushButton

    found: list[str] = []
    if os.environ.get("REALWINDOW_SHOTS_ALWAYS") == "1":  # to look at every checked window
        screenshot("checked-" + re.sub(r"[^\w.-]+", "_", label))
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if not available.contains(frame):
        found.append(f"{label}: window {_rect(frame)} does not fit the available screen {_rect(available)}")
    found.extend(_sideways(window, label))
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
    # A dialog's action row must stay outside scroll areas and fully visible; a button inside a
    # form that scrolls (添加来宾, a dashboard figure) may be scrolled out of view — in a dialog
    # only if the dialog also shows its own buttons outside the scroll area.
    outside = [
        b for b in buttons if _scroll_area_of(b) is None and b.visibleRegion().boundingRect() == b.rect()
    ]
    scrolling_ok = not isinstance(window, QDialog) or bool(outside)
    for button in buttons:
        name = f"{label}: button “{button.text()}”"
        if button.width() < 8 or button.height() < 8:
            found.append(f"{name} squeezed to {button.width()}×{button.height()}")
            continue
        shown = button.visibleRegion().boundingRect()
        area = _scroll_area_of(button)
        if shown != button.rect() and area is not None and scrolling_ok:
            continue  # inside a form that scrolls; the action row outside it is what must show
        if shown != button.rect():
            found.append(
                f"{name} is cut off: {shown.width()}×{shown.height()} of {button.width()}×{button.height()}"
                " visible (outside a scroll area's view, or covered by its parent's edge)"
            )
            continue
        top_left = button.mapToGlobal(button.rect().topLeft())
        bottom_right = button.mapToGlobal(button.rect().bottomRight())
        if not (available.contains(top_left) and available.contains(bottom_right)):
            found.append(
                f"{name} at ({top_left.x()},{top_left.y()}) is outside the screen {_rect(available)}"
            )
    return found


def _sideways(window, label: str) -> list[str]:
    """A form or view that scrolls sideways: something in it (a long label that does not wrap, a
    row of fields) needs more width than the screen gives, and the user must scroll to reach the
    rest. Tables may scroll sideways; the scroll areas that hold whole views and forms may not."""
    from PySide6.QtWidgets import QScrollArea

    found = []
    for area in window.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisibleTo(window) and area.widget() is not None and bar.isVisible() and bar.maximum() > 0:
            inner = area.widget()
            found.append(
                f"{label}: “{area.objectName() or inner.metaObject().className()}” scrolls sideways: its"
                f" content needs {inner.minimumSizeHint().width()} px, {area.viewport().width()} px shown"
                f" ({_widest(inner)})"
            )
    return found


def _widest(widget) -> str:
    """The widest visible child (a label that should wrap, usually), to name in the failure."""
    from PySide6.QtWidgets import QWidget

    children = [w for w in widget.findChildren(QWidget) if w.isVisibleTo(widget)]
    leaves = [w for w in children if not any(c.isVisibleTo(w) for c in w.findChildren(QWidget))]
    children = leaves or children
    if not children:
        return "no child"
    wide = max(children, key=lambda w: w.minimumSizeHint().width())
    text = getattr(wide, "text", lambda: "")()
    name = wide.objectName() or wide.metaObject().className()
    return f"widest: {name} {wide.minimumSizeHint().width()} px" + (f" “{text[:40]}”" if text else "")


def _scroll_area_of(widget):
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        if parent.isWindow():  # a dialog's parent window (and its scroll areas) is not its own
            return None
        parent = parent.parentWidget()
    return None


def _rect(r) -> str:
    return f"{r.width()}×{r.height()}+{r.x()}+{r.y()}"


def top_dialogs() -> list:
    from PySide6.QtWidgets import QApplication, QDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def click_and_dismiss(qtbot, button, *, pick_menu: Callable[[str], bool] | None = None) -> list[str]:
    """Click ``button`` as a person does. A popup menu it opens is answered with the first action
    for which ``pick_menu(text)`` is true; any other modal window that blocks (a file dialog, a
    message box) is closed and reported, so the test never hangs on it."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    blocked: list[str] = []

    def watch() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            actions = [a for a in popup.actions() if a.isEnabled() and a.text()]
            chosen = next((a for a in actions if pick_menu and pick_menu(a.text())), None)
            if chosen is not None:
                popup.setActiveAction(chosen)
                chosen.trigger()
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        # inherits(): the program's file dialog is a QFileDialog subclass (views/filedialogs.py)
        if modal is not None and (modal.inherits("QFileDialog") or modal.inherits("QMessageBox")):
            blocked.append(f"{modal.metaObject().className()} “{modal.windowTitle()}”")
            modal.reject()

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(watch)
    timer.start()
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        settle(qtbot, 300)
    finally:
        timer.stop()
    return blocked


def close_and_collect(qtbot, window) -> None:
    """Close as the user does, then let Python drop every reference and the loop run on: an
    object that died with a local (a printer, a document) crashes the process here."""
    window.close()
    qtbot.wait(100)
    gc.collect()
    settle(qtbot, 300)
    gc.collect()
    qtbot.wait(100)
