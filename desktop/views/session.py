"""Who is at the desk: one main window at a time, log out and in without quitting.

One front-desk PC serves several people (the receptionist, a colleague covering lunch, the
admin clerk). 注销 / 切换用户 asks the window's views and editors first (``can_close``), then
shows the login again and opens a fresh window for whoever logs in; Cancel at the login ends
the program. Changing the language rebuilds the window the same way, for the same user.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.services import auth, settings
from desktop.services.auth import Actor
from desktop.views.main_window import MainWindow


class Session(QObject):
    """Owns the current :class:`MainWindow` and the login shown between two users."""

    def __init__(
        self,
        app: QApplication,
        *,
        demo_note: str = "",
        demo_note_later: str | None = None,
        db_label: str = "",
        install_language: Callable[[str], object] | None = None,
        language_fixed: bool = False,
    ):
        super().__init__()
        self.app = app
        self.demo_note = demo_note
        # The first note may say who was logged in automatically; after a log-out it must not.
        self.demo_note_later = demo_note if demo_note_later is None else demo_note_later
        self.db_label = db_label
        self.install_language = install_language
        self.language_fixed = language_fixed  # --lang on the command line wins over the user's
        self.window: MainWindow | None = None
        self.login: QDialog | None = None
        self.quit: Callable[[], object] = app.quit  # tests replace it

    def open_window(self, actor: Actor) -> MainWindow:
        window = MainWindow(actor, demo_note=self.demo_note, db_label=self.db_label)
        window.languageChanged.connect(self.switch_language)
        window.logoutRequested.connect(self.log_out)
        old, self.window = self.window, window
        if old is not None:
            old.finish()
        window.show_restored()
        if old is not None:
            old.close()
            old.deleteLater()
        return window

    def switch_language(self, language: str) -> None:
        """Widgets take their text when built, so the window is rebuilt in the new language."""
        if self.window is None or not self.window.may_close():
            return
        self.window.finish()  # remembers the geometry the new window restores
        if self.install_language is not None:
            self.install_language(language)
        self.open_window(auth.refresh(self.window.actor))

    def log_out(self) -> QDialog:
        """The window already agreed to close (``MainWindow.request_logout``): ask who is next."""
        from desktop.views.login import LoginDialog

        dialog = LoginDialog(company=settings.company_name())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._logged_in(dialog, result))
        self.login = dialog
        dialog.open()  # shown before the old window closes, so the program does not end here
        old, self.window = self.window, None
        if old is not None:
            old.close()
            old.deleteLater()
        return dialog

    def _logged_in(self, dialog: QDialog, result: int) -> None:
        self.login = None
        actor = getattr(dialog, "actor", None)
        if not result or actor is None:
            self.quit()  # Cancel at the login: the desk is left logged out, the program ends
            return
        if self.install_language is not None and not self.language_fixed:
            self.install_language(actor.language or settings.get("language"))
        self.demo_note = self.demo_note_later
        self.open_window(actor)
