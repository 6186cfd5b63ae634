"""The main window: navigation on the left, the chosen view, the notification bell."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.services import approval, arrangements, auth, feedback, notifications, settings
from desktop.services.auth import Actor
from desktop.views.registry import ViewSpec, allowed, main_views


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
    languageChanged = Signal(str)

    def __init__(self, actor: Actor, *, demo_note: str = "", db_label: str = ""):
        super().__init__()
        self.actor = actor
        self.views: dict[str, QWidget] = {}
        self.specs: list[ViewSpec] = [s for s in main_views() if allowed(s, actor)]
        self.setWindowTitle(self.tr("接待管理 — {company}").format(company=settings.company_name()))
        self.resize(1280, 800)

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
            right.addWidget(banner)
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
        self.addToolBar(toolbar)

        roles = self.tr("、").join(auth.role_label(r) for r in auth.ROLES if r in actor.roles)
        user_label = QLabel(self.tr("当前用户：{name}（{roles}）").format(name=actor.label, roles=roles))
        self.statusBar().addWidget(user_label)
        if db_label:
            self.statusBar().addPermanentWidget(QLabel(db_label))

        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self.refresh_bell)
        self.timer.timeout.connect(self.refresh_counts)
        self.timer.start()
        self.refresh_bell()
        self.refresh_counts()
        if self.specs:
            self.nav.setCurrentRow(0)
        else:
            self.stack.addWidget(QLabel(self.tr("您的账户没有可用的窗口，请联系系统管理员分配角色。")))

    # ------------------------------------------------------------------ views

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.show_view(self.specs[row].key)

    def show_view(self, key: str) -> QWidget:
        spec = next(s for s in self.specs if s.key == key)
        view = self.views.get(key)
        if view is None:
            view = spec.factory(self.actor)
            self.views[key] = view
            self.stack.addWidget(view)
            if hasattr(view, "visitsChanged"):
                view.visitsChanged.connect(self._visits_changed)
            for signal in ("approvalsChanged", "applicationsChanged", "feedbackChanged"):
                if hasattr(view, signal):
                    getattr(view, signal).connect(self.refresh_counts)
        elif hasattr(view, "refresh"):
            view.refresh()
        self.stack.setCurrentWidget(view)
        row = self.specs.index(spec)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return view

    def _visits_changed(self) -> None:
        self.refresh_bell()
        log = self.views.get("log")
        if log is not None and hasattr(log, "search"):
            log.search()

    # ------------------------------------------------------------------ bell

    def refresh_counts(self) -> None:
        """The approvals entry shows how many applications wait for this user."""
        for row, spec in enumerate(self.specs):
            if spec.key == "approvals":
                count = approval.inbox_count(self.actor)
            elif spec.key == "feedback":
                count = len(feedback.overdue(self.actor))  # overdue feedback forms
            else:
                continue
            self.nav.item(row).setText(spec.label() + (f" ({count})" if count else ""))
        for key in ("approvals", "applications", "feedback"):
            view = self.views.get(key)
            if view is not None and view is not self.stack.currentWidget():
                view.refresh()

    def refresh_bell(self) -> None:
        arrangements.send_due_reminders()  # tours still "to be confirmed" an hour ahead
        count = notifications.unread_count(self.actor)
        self.bell.setText(self.tr("通知 {n}").format(n=count) if count else self.tr("通知"))
        self.bell.setStyleSheet("color: #c0392b; font-weight: bold;" if count else "")

    def show_notifications(self) -> None:
        popup = NotificationsPopup(self.actor, self)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.finished.connect(lambda _r: self.refresh_bell())
        popup.open()
        self.refresh_bell()

    # ------------------------------------------------------------------ settings

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
            if hasattr(view, "form") and hasattr(view.form, "reload_lists"):
                view.form.reload_lists()
            if hasattr(view, "refresh"):
                view.refresh()
