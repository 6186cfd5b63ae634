"""The program names its version: ``--version`` and the About dialog of the main window."""

from __future__ import annotations

import gc
from importlib.metadata import version

from desktop import __version__, cli
from desktop.services import auth
from desktop.views.main_window import MainWindow


def test_version_comes_from_the_installed_distribution():
    assert __version__ == version("reception-manager")


def test_cli_prints_the_version(capsys):
    try:
        cli.main(["--version"])
    except SystemExit as exit_:
        assert exit_.code in (0, None)
    assert capsys.readouterr().out.strip() == f"reception-manager {__version__}"


def test_about_dialog_shows_the_version(qtbot, demo_db):
    window = MainWindow(auth.actor_by_username("qiantai"), db_label="sqlite:///office.db")
    qtbot.addWidget(window)
    gc.collect()
    window.about_action.trigger()
    dialog = window._about
    qtbot.waitUntil(dialog.isVisible)
    assert __version__ in dialog.version_label.text()
    assert "sqlite:///office.db" in dialog.findChild(type(dialog.version_label), "aboutDetails").text()
    dialog.reject()
