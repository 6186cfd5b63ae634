"""The main window: navigation on the left, the chosen view, the notification bell."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.services import (
    approval_actions,
    arrangements,
    auth,
    expenses,
    feedback,
    notifications,
    outbox,
    reminders,
    settings,
)
from desktop.services.auth import Actor
from desktop.views import changes, ops, prompts
from desktop.views.registry import ViewSpec, allowed, main_views, start_view


class NotificationsPopup(QDialog):
    """The list under the bell; opening it marks what it shows as read."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("通知"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        items = notifications.recent(actor, 30)
        for n in items:
            stamp = n.created_at.strftime("%m-%d %H:%M")
            item = QListWidgetItem(f"{stamp}  {n.title}\n{n.body}")
            if not n.read:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        if not items:
            self.list.addItem(self.tr("暂无通知。"))
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.resize(460, 420)
        notifications.mark_read(actor, [n.id for n in items if not n.read])


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen view, the bell, and who is logged in.

    Views are built on first use and each sits in its own scroll area, so a wide view never
    raises the window's minimum width (a QStackedWidget otherwise takes the largest minimum of
    all its pages). Views refresh themselves through :mod:`desktop.views.changes`; the window
    only keeps the navigation counts and the bell current. Closing asks every view and open
    editor (``can_close``) and waits for background work, so nothing typed or half-written is
    lost by quitting, logging out or switching views.
    """

    languageChanged = Signal(str)
    logoutRequested = Signal()

    GEOMETRY_KEY = "MainWindow"
    #: Kinds of change after which the navigation counts are read again.
    COUNT_KINDS = frozenset({changes.APPROVALS, changes.APPLICATIONS, changes.FEEDBACK, changes.EXPENSES})
    #: Kinds of change that may bring this user a notification.
    BELL_KINDS = frozenset(
        {changes.NOTIFICATIONS, changes.VISITS, changes.APPROVALS, changes.APPLICATIONS, changes.ARRANGEMENTS}
    )

    def __init__(self, actor: Actor, *, demo_note: str = "", db_label: str = ""):
        super().__init__()
        self.actor = actor
        self.views: dict[str, QWidget] = {}
        self.holders: dict[str, QScrollArea] = {}
        self.specs: list[ViewSpec] = [s for s in main_views() if allowed(s, actor)]
        self.setWindowTitle(self.tr("接待管理 — {company}").format(company=settings.company_name()))
        self.resize(1280, 800)
        self._closing = False  # set once the close was agreed to (no second round of questions)
        self._failing: dict[str, str] = {}  # background refreshes failing now -> their message
        self._db_label = db_label

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget::item { padding: 10px 8px; }")
        for spec in self.specs:
            item = QListWidgetItem(spec.label())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setMinimumWidth(0)
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        if demo_note:
            banner = QLabel(demo_note)
            banner.setObjectName("demoBanner")
            banner.setWordWrap(True)
            banner.setStyleSheet("background: #fff3cd; color: #7a5b00; padding: 6px;")
            # a long note wraps; it must not set the window's minimum width
            banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            banner.setMinimumWidth(0)
            right.addWidget(banner)
        # Lost connection to the database server: shown while it is retried (issue 12).
        from desktop.views.connection_banner import ConnectionBanner

        self.connection_banner = ConnectionBanner(parent=central)
        right.addWidget(self.connection_banner)
        right.addWidget(self.stack)
        layout.addLayout(right)
        self.setCentralWidget(central)

        toolbar = QToolBar()
        toolbar.setMovable(False)
        toolbar.setObjectName("mainToolbar")
        title = QLabel(settings.company_name())
        title.setStyleSheet("font-weight: bold; font-size: 12pt; padding: 0 10px;")
        toolbar.addWidget(title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.bell = QToolButton()
        self.bell.setObjectName("bell")
        self.bell.setIcon(QIcon(str(paths.ICONS / "bell.svg")))
        self.bell.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bell.clicked.connect(self.show_notifications)
        toolbar.addWidget(self.bell)
        settings_action = QAction(self.tr("设置"), self)
        settings_action.triggered.connect(self.open_settings)
        toolbar.addAction(settings_action)
        self.account_action = QAction(self.tr("我的账户"), self)
        self.account_action.setObjectName("account")
        self.account_action.setToolTip(self.tr("自己的电子邮件地址（接收通知）和密码"))
        self.account_action.triggered.connect(self.open_account)
        toolbar.addAction(self.account_action)
        self.about_action = QAction(self.tr("关于"), self)
        self.about_action.setObjectName("about")
        self.about_action.triggered.connect(self.show_about)
        toolbar.addAction(self.about_action)
        self.logout_action = QAction(self.tr("注销 / 切换用户"), self)
        self.logout_action.setObjectName("logout")
        self.logout_action.setToolTip(self.tr("退出当前用户，换另一位同事登录（程序不关闭）"))
        self.logout_action.triggered.connect(self.request_logout)
        toolbar.addAction(self.logout_action)
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.setObjectName("quit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.request_quit)
        toolbar.addAction(self.quit_action)
        self.addToolBar(toolbar)

        roles = self.tr("、").join(auth.role_label(r) for r in auth.ROLES if r in actor.roles)
        self.user_label = QLabel(self.tr("当前用户：{name}（{roles}）").format(name=actor.label, roles=roles))
        self.user_label.setObjectName("currentUser")
        self.user_label.setMinimumWidth(0)
        self.user_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.user_label, 1)
        if db_label:
            self.db_label = QLabel(db_label)
            self.db_label.setObjectName("databaseLabel")
            self.db_label.setToolTip(db_label)
            self.db_label.setMinimumWidth(0)
            self.db_label.setMaximumWidth(360)
            self.statusBar().addPermanentWidget(self.db_label)

        # The timer remains only for what changes with time, not with a write in this program:
        # reminders falling due, and notifications or counts from other PCs.
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        # Notifications that leave the program (e-mail, DingTalk/WeCom/Feishu robots) go out off
        # the UI thread; a slow or failing server never holds up the window.
        self._sending = False
        self._scanning = False  # overdue reminders (services.reminders) on the writer thread
        self.outbox_timer = QTimer(self)
        self.outbox_timer.setInterval(60_000)
        self.outbox_timer.timeout.connect(self.send_outbox)
        self.outbox_timer.start()
        changes.bus().changed.connect(self._on_changes)
        self.refresh_bell()
        self.refresh_counts()
        if self.specs:
            self.show_view(start_view(self.specs, actor) or self.specs[0].key)
        else:
            self.stack.addWidget(QLabel(self.tr("您的账户没有可用的窗口，请联系系统管理员分配角色。")))

    # ------------------------------------------------------------------ geometry

    def show_restored(self) -> None:
        """Show maximised the first time on this PC; afterwards where and as large as it was."""
        from desktop.views.editor import restore_geometry

        if restore_geometry(self, self.GEOMETRY_KEY):
            self.show()
        else:
            self.showMaximized()

    def save_geometry(self) -> None:
        from desktop.views.editor import remember_geometry

        remember_geometry(self, self.GEOMETRY_KEY)

    # ------------------------------------------------------------------ views

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.show_view(self.specs[row].key)

    def current_key(self) -> str | None:
        holder = self.stack.currentWidget()
        return next((k for k, h in self.holders.items() if h is holder), None)

    def current_view(self) -> QWidget | None:
        key = self.current_key()
        return self.views.get(key) if key else None

    def show_view(self, key: str) -> QWidget:
        """Show view ``key`` (built on first use); the view being left may refuse (can_close)."""
        spec = next(s for s in self.specs if s.key == key)
        current_key = self.current_key()
        if current_key is not None and current_key != key and not _may_close(self.views[current_key]):
            self._select_nav(current_key)
            return self.views[current_key]
        view = self.views.get(key)
        if view is None:
            view = spec.factory(self.actor)
            self.views[key] = view
            holder = QScrollArea()
            holder.setObjectName(f"view_{key}")
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidget(view)
            self.holders[key] = holder
            self.stack.addWidget(holder)
        self.stack.setCurrentWidget(self.holders[key])
        self._select_nav(key)
        return view

    def _select_nav(self, key: str) -> None:
        row = next(i for i, s in enumerate(self.specs) if s.key == key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    # ------------------------------------------------------------------ changes, bell, counts

    def _on_changes(self, kinds: frozenset[str], initiator: object) -> None:
        if self._closing or not shiboken6.isValid(self):
            return
        if changes.RESTORED in kinds and initiator == changes.REMOTE:
            self.restored_elsewhere()
            return
        self._guarded(self._apply_changes, kinds)

    def restored_elsewhere(self) -> None:
        """Another PC (or the command line) restored the database from a backup: everything on
        screen, typed input included, belongs to data that no longer exists, and the accounts
        may have changed with it. Say so once, then log out, as a restore made here does."""
        self.finish()
        prompts.info(
            self,
            self.tr("数据已恢复"),
            self.tr(
                "另一台电脑（或命令行）刚把数据库从备份恢复。\n"
                "本窗口显示的内容和尚未保存的输入属于恢复前的数据，已不再有效。请重新登录。"
            ),
        )
        self.logoutRequested.emit()

    def _apply_changes(self, kinds: frozenset[str]) -> None:
        if kinds & self.COUNT_KINDS:
            self.refresh_counts()
        if kinds & self.BELL_KINDS:
            self.refresh_bell(send_reminders=False)

    def _tick(self) -> None:
        self.send_overdue_reminders()
        self._guarded(self.refresh_bell)
        self._guarded(self.refresh_counts)

    def send_overdue_reminders(self) -> None:
        """Feedback forms and expense summaries past their due date tell their owners once
        (services.reminders). A write, so on the writer thread, never on the UI thread; the bell
        is read again only when a reminder was actually sent."""
        if self._scanning or self._closing:
            return
        self._scanning = True

        def finished(count) -> None:
            self._scanning = False
            if count:
                changes.announce(changes.NOTIFICATIONS)

        def failed(exc: BaseException) -> None:
            self._scanning = False
            logging.getLogger("reception").warning("overdue reminders failed: %s", exc)

        ops.run(
            None, lambda _p: reminders.send_overdue(), finished, failed, progress_dialog=False, write=True
        )

    def _guarded(self, fn, *args) -> None:
        """Background refreshes report a failure in the status bar and the log, not in a
        modal box that would come back every 30 seconds (a database briefly locked, say)."""
        try:
            fn(*args)
        except Exception as exc:  # noqa: BLE001 - logged with its traceback
            logging.getLogger("reception").exception("background refresh failed")
            message = self.tr("刷新失败：{error}（详见日志）").format(error=exc)
            self._failing[getattr(fn, "__name__", repr(fn))] = message
            self.statusBar().showMessage(message, 60_000)
            return
        # Once the refreshes that failed work again (the server is back), the failure shown is
        # no longer true.
        failed = self._failing.pop(getattr(fn, "__name__", repr(fn)), None)
        if failed and not self._failing and self.statusBar().currentMessage() == failed:
            self.statusBar().clearMessage()

    def refresh_counts(self) -> None:
        """The approvals entry shows how many applications wait for this user (and how many
        copies 抄送我 are unread); applications how many of mine were returned (退回给我);
        feedback how many forms are overdue; expenses how many summaries wait for this user's
        signature, audit, approval or payment."""
        counts = approval_actions.counts(self.actor)
        for row, spec in enumerate(self.specs):
            text = ""
            if spec.key == "approvals":
                parts = [str(counts.waiting)] if counts.waiting else []
                if counts.copied:
                    parts.append(self.tr("抄送 {n}").format(n=counts.copied))
                text = " · ".join(parts)
            elif spec.key == "applications":
                text = self.tr("退回 {n}").format(n=counts.returned) if counts.returned else ""
            elif spec.key == "feedback":
                count = len(feedback.overdue(self.actor))  # overdue feedback forms
                text = str(count) if count else ""
            elif spec.key == "expenses":
                count = len(expenses.waiting_for(self.actor))
                text = str(count) if count else ""
            else:
                continue
            self.nav.item(row).setText(spec.label() + (f" ({text})" if text else ""))

    def send_outbox(self) -> None:
        """Deliver queued notifications on a pool thread, not the writer thread: ``send_due``
        writes only in short transactions of its own (claim a row, record the outcome) and
        spends its time on the network, which must not hold up the user's saves."""
        if self._sending or self._closing:
            return
        self._sending = True

        def finished(_result=None) -> None:
            self._sending = False

        def failed(exc: BaseException) -> None:
            self._sending = False
            logging.getLogger("reception").warning("sending notifications failed: %s", exc)

        ops.run(None, lambda _p: outbox.send_due(), finished, failed, progress_dialog=False)

    def refresh_bell(self, send_reminders: bool = True) -> None:
        if send_reminders:
            arrangements.send_due_reminders()  # tours still "to be confirmed" an hour ahead
        count = notifications.unread_count(self.actor)
        self.bell.setText(self.tr("通知 {n}").format(n=count) if count else self.tr("通知"))
        self.bell.setStyleSheet("color: #c0392b; font-weight: bold;" if count else "")

    def show_notifications(self) -> None:
        popup = NotificationsPopup(self.actor, self)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.finished.connect(lambda _r: self.refresh_bell(send_reminders=False))
        popup.open()
        self.refresh_bell(send_reminders=False)

    # ------------------------------------------------------------------ settings

    def show_about(self) -> QDialog:
        """The version and where the data lives (kept on the window: a local would die at once)."""
        from desktop.views.about import AboutDialog

        self._about = AboutDialog(self._db_label, self)
        self._about.open()
        return self._about

    def open_account(self) -> QDialog:
        """我的账户 (kept on the window while open: a local would be collected at once)."""
        from desktop.views.account import AccountDialog

        self._account = AccountDialog(self.actor, self)
        self._account.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._account.open()
        return self._account

    def open_settings(self) -> None:
        from desktop.views.settings_window import SettingsDialog

        dialog = SettingsDialog(self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hasattr(dialog, "languageChanged"):
            dialog.languageChanged.connect(self.languageChanged)
        dialog.finished.connect(lambda _r: self._settings_closed())
        dialog.open()

    def _settings_closed(self) -> None:
        self.setWindowTitle(self.tr("接待管理 — {company}").format(company=settings.company_name()))
        for view in self.views.values():
            form = getattr(view, "form", None)
            reload_lists = getattr(form, "reload_lists", None)
            if reload_lists is not None:
                reload_lists()
        changes.announce(changes.SETTINGS, initiator=self)

    # ------------------------------------------------------------------ closing

    def open_editors(self) -> list[QWidget]:
        """Dialogs opened from this window that are still on screen, newest last."""
        return [d for d in self.findChildren(QDialog) if d.isVisible()]

    def may_close(self) -> bool:
        """Ask every open editor and every view (unsaved work), then wait for background work.

        True when the window may go: nothing is left unsaved that the user wanted, and no
        write is cut in half.
        """
        if self._closing:
            return True
        for widget in [*reversed(self.open_editors()), *self.views.values()]:
            if not _may_close(widget):
                return False
        if ops.busy():
            if not prompts.ask(
                self,
                self.tr("后台任务"),
                self.tr("还有工作正在后台进行（保存、导入或导出）。等它完成后再关闭吗？"),
            ):
                return False
            self.statusBar().showMessage(self.tr("正在等待后台工作完成…"))
            if not ops.wait_all():
                prompts.warn(self, self.tr("后台任务"), self.tr("后台工作仍未完成，请稍后再试。"))
                return False
        return True

    def request_quit(self) -> bool:
        """退出 (Ctrl+Q): the same questions as the window's ×."""
        if not self.may_close():
            return False
        self.finish()
        self.close()
        return True

    def request_logout(self) -> bool:
        """注销 / 切换用户: after the same questions, the session shows the login again."""
        if not self.may_close():
            return False
        self.finish()
        self.logoutRequested.emit()
        return True

    def finish(self, remember: bool = True) -> None:
        """The close was agreed to: remember the geometry (when the user closed it, not the
        screenshot command or a test) and stop listening."""
        if self._closing:
            return
        self._closing = True
        self.timer.stop()
        if remember and self.isVisible():
            self.save_geometry()
        try:
            changes.bus().changed.disconnect(self._on_changes)
        except (RuntimeError, TypeError):
            pass
        for dialog in self.open_editors():
            # done(), not close(): they were asked already; close() would ask again (reject)
            dialog.done(QDialog.DialogCode.Rejected)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # A close the user asked for (× , Alt+F4: spontaneous) goes through the questions; a
        # close by the program (log out, a rebuilt window, a test) has already been agreed to.
        if event.spontaneous() and not self._closing and not self.may_close():
            event.ignore()
            return
        self.finish(remember=event.spontaneous())
        super().closeEvent(event)


def _may_close(widget: QWidget) -> bool:
    can_close = getattr(widget, "can_close", None)
    return bool(can_close()) if callable(can_close) else True
