"""设置 → 备份与数据保留: back up and restore the whole database, the daily automatic backup, and
the retention period for visitors' personal data (issue 12).

Backups, restores and the retention run take seconds to minutes on a large database, so they
run off the UI thread (views/ops.py) with progress. A restore replaces every record the program
shows, including the accounts: afterwards the window logs its user out and the login comes
back, so nothing on screen is left from before the restore.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import backup, retention, settings
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.views import changes, filedialogs, ops, prompts
from desktop.views.editor import EditorMixin
from desktop.views.fields import FieldErrors


def _time(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


class BackupTab(EditorMixin, QWidget):
    """Three boxes: 备份与恢复, 自动备份, 个人信息保留; one 保存 for the two numbers."""

    restored = Signal(object)  # the RestoreResult, after the user was told

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.versions = settings.versions()

        # --- backup and restore
        manual = QGroupBox(self.tr("备份与恢复"))
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseInfo")
        self.database_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("立即备份…"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.choose_backup_file)
        self.restore_button = QPushButton(self.tr("恢复…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.choose_restore_file)
        self.result_label = QLabel()
        self.result_label.setObjectName("backupResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        ml = QVBoxLayout(manual)
        ml.addWidget(self.database_label)
        restore_note = QLabel(
            self.tr(
                "恢复会用备份替换全部数据（恢复前自动备份当前数据）；请先关闭其他电脑上的本程序。"
                "恢复后需要重新登录。"
            )
        )
        restore_note.setWordWrap(True)
        ml.addWidget(restore_note)
        ml.addLayout(buttons)
        ml.addWidget(self.result_label)

        # --- the daily backup
        daily = QGroupBox(self.tr("自动备份"))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(settings.INT_MINIMUM["backup_keep"], settings.INT_SETTINGS["backup_keep"])
        self.keep.setSuffix(self.tr(" 份"))
        self.keep.setMaximumWidth(160)
        self.errors.add_row("backup_keep", self.tr("保留最近"), self.keep)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("备份文件夹"), self.folder_label)
        self.last_ok = QLabel()
        self.last_ok.setObjectName("lastGoodBackup")
        form.addRow(self.tr("上次成功备份"), self.last_ok)
        self.last_error = QLabel()
        self.last_error.setObjectName("lastBackupError")
        self.last_error.setWordWrap(True)
        self.last_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("上次错误"), self.last_error)
        self.daily_note = QLabel()
        self.daily_note.setWordWrap(True)
        dl = QVBoxLayout(daily)
        dl.addWidget(self.daily_note)
        dl.addLayout(form)

        # --- retention of personal data
        keep_box = QGroupBox(self.tr("个人信息保留"))
        keep_form = QFormLayout()
        self.keep_errors = FieldErrors(keep_form)
        self.days = QSpinBox()
        self.days.setObjectName("retentionDays")
        self.days.setRange(settings.INT_MINIMUM["retention_days"], settings.INT_SETTINGS["retention_days"])
        self.days.setSuffix(self.tr(" 天"))
        self.days.setMaximumWidth(160)
        self.keep_errors.add_row("retention_days", self.tr("保存期限"), self.days)
        explain = QLabel(
            self.tr(
                "期满后删除访客的电话和身份证号，姓名只保留姓氏（如“张某”“欧阳某”）。"
                "接待的费用未报销或反馈表未提交的、今天的和仍在场的访客不受影响。"
                "程序启动时及每天自动执行，并记入审计日志。"
            )
        )
        explain.setWordWrap(True)
        self.clean_button = QPushButton(self.tr("立即清理"))
        self.clean_button.setObjectName("retentionNow")
        self.clean_button.clicked.connect(self.clean_now)
        self.clean_label = QLabel()
        self.clean_label.setObjectName("retentionResult")
        self.clean_label.setWordWrap(True)
        kl = QVBoxLayout(keep_box)
        kl.addWidget(explain)
        kl.addLayout(keep_form)
        clean_row = QHBoxLayout()
        clean_row.addWidget(self.clean_button)
        clean_row.addWidget(self.clean_label, 1)
        kl.addLayout(clean_row)

        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("saveBackupSettings")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.make_summary())
        layout.addWidget(manual)
        layout.addWidget(daily)
        layout.addWidget(keep_box)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)

        can_backup = actor.can("system.backup")
        self.backup_button.setEnabled(can_backup)
        self.restore_button.setEnabled(can_backup)
        self.clean_button.setEnabled(actor.can("system.retention"))
        self.keep.setEnabled(actor.can("settings.manage"))
        self.days.setEnabled(actor.can("settings.manage"))
        self.save_button.setEnabled(actor.can("settings.manage"))
        self.refresh()
        self.track(self.keep, self.days)
        changes.watch(self, {changes.SETTINGS}, self.refresh)

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        """Read the settings and the backup status again (not over what the user typed)."""
        state = backup.status()
        if not self.is_modified():
            with self.loading():
                values = settings.all_settings()
                self.keep.setValue(int(values["backup_keep"]))
                self.days.setValue(int(values["retention_days"]))
                self.versions = settings.versions()
        self.folder_label.setText(str(state.folder))
        self.last_ok.setText(_time(state.last_ok))
        if state.last_error:
            self.last_error.setText(f"{_time(state.last_error_at)}  {state.last_error}")
            self.last_error.setStyleSheet("color: #c0392b;")
        else:
            self.last_error.setText(self.tr("无"))
            self.last_error.setStyleSheet("")
        if state.automatic:
            self.daily_note.setText(
                self.tr("SQLite 数据库在程序启动时及每天自动备份一次，保存在下面的文件夹，只保留最近几份。")
            )
        else:
            self.daily_note.setText(
                self.tr("PostgreSQL 数据库请由服务器定期备份（pg_dump）；也可随时在上面手动备份。")
            )
        self.database_label.setText(self.tr("数据库：{db}").format(db=self._database_text()))

    @staticmethod
    def _database_text() -> str:
        from desktop import db

        info = db.current_info()
        if info is None:
            return "—"
        return str(info.path) if info.path is not None else db.display_url(info.url)

    def save_changes(self) -> bool:
        return self.save()

    def save(self) -> bool:
        self.errors.clear()
        self.keep_errors.clear()
        values = {"backup_keep": str(self.keep.value()), "retention_days": str(self.days.value())}
        try:
            settings.save(self.actor, values, self.versions)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            self.keep_errors.show(exc.errors)
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.versions = settings.versions()
        self.set_modified(False)
        self.message.setText(self.tr("已保存。"))
        changes.announce(changes.SETTINGS, initiator=self)
        return True

    # ------------------------------------------------------------------ backup

    def choose_backup_file(self) -> None:
        start = str(Path.home() / backup.default_name())
        path, _ = filedialogs.get_save_file_name(
            self, self.tr("备份到"), start, self.tr("接待管理备份 (*.zip)")
        )
        if path:
            if not path.lower().endswith(backup.SUFFIX):
                path += backup.SUFFIX
            self.backup_to(Path(path))

    def backup_to(self, path: Path) -> None:
        actor = self.actor
        self.result_label.setText(self.tr("正在备份…"))

        def done(result: backup.BackupResult) -> None:
            m = result.manifest
            self.result_label.setText(
                self.tr("已备份到 {path}（{size}，数据库结构 {schema}）").format(
                    path=result.path, size=_size(result.size), schema=m.schema_version
                )
            )

        def failed(exc: BaseException) -> None:
            self.result_label.setText(self.tr("备份失败：{error}").format(error=exc))
            prompts.show_error(self, exc)

        ops.run(
            self,
            lambda progress: backup.backup(actor, path, progress.report),
            done,
            failed,
            label=self.tr("正在备份数据库…"),
        )

    # ------------------------------------------------------------------ restore

    def choose_restore_file(self) -> None:
        path, _ = filedialogs.get_open_file_name(
            self, self.tr("从备份恢复"), str(backup.daily_folder()), self.tr("接待管理备份 (*.zip)")
        )
        if path:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> bool:
        """Say what the file holds and ask; then restore on the writer thread. False when the
        file was refused or the user said no."""
        try:
            manifest = backup.read_manifest(path)
        except ServiceError as exc:
            prompts.warn(self, self.tr("不能恢复"), str(exc))
            return False
        question = self.tr(
            "用这个备份替换全部数据吗？\n\n文件：{file}\n备份时间：{created}（{by}）\n数据库：{kind}，结构 {schema}\n\n"
            "当前数据会先自动备份。其他电脑上的本程序请先关闭。恢复后需要重新登录。"
        ).format(
            file=path.name,
            created=_time(manifest.created_at),
            by=manifest.created_by or "—",
            kind=manifest.db_kind,
            schema=manifest.schema_version,
        )
        if not prompts.ask(self, self.tr("恢复数据"), question):
            return False
        actor = self.actor

        def done(result: backup.RestoreResult) -> None:
            prompts.info(
                self,
                self.tr("恢复完成"),
                self.tr(
                    "数据已从备份恢复。恢复前的数据保存在：\n{safety}\n\n程序将重新载入，请重新登录。"
                ).format(safety=result.safety_backup),
            )
            self.restored.emit(result)
            log_out_after_restore(self)

        ops.run(
            self,
            lambda progress: backup.restore(actor, path, progress.report),
            done,
            label=self.tr("正在恢复数据…"),
            write=True,
            changes=tuple(changes.ALL),
        )
        return True

    # ------------------------------------------------------------------ retention

    def clean_now(self) -> None:
        if self.is_modified() and not self.save():
            return  # the period on screen is the one that runs
        actor = self.actor

        def done(result: retention.RetentionResult) -> None:
            self.clean_label.setText(describe(result))

        ops.run(
            self,
            lambda _p: retention.run(actor),
            done,
            label=self.tr("正在清理过期的个人信息…"),
            write=True,
            changes=(changes.VISITS, changes.NOTIFICATIONS),
        )


def describe(result: retention.RetentionResult) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "BackupTab",
        "{cutoff} 之前的来访：已清理 {visits} 条来访、{visitors} 位访客、{notes} 条通知；"
        "因费用或反馈未完成保留 {open} 条，仍在场保留 {on_site} 条。",
    ).format(
        cutoff=result.cutoff.isoformat(),
        visits=result.visits,
        visitors=result.visitors,
        notes=result.notifications,
        open=result.kept_open,
        on_site=result.kept_on_site,
    )


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, size // 1024)} KB"


def log_out_after_restore(widget: QWidget) -> None:
    """Close the settings window and log out: every window is built again from the restored
    data, and the accounts may have changed with it. Unsaved input elsewhere belongs to data
    that no longer exists, so nobody is asked about it."""
    from PySide6.QtWidgets import QDialog

    window = widget.window()
    main = window.parentWidget() if isinstance(window, QDialog) else window
    if isinstance(window, QDialog):
        window.done(QDialog.DialogCode.Accepted)
    if main is not None and hasattr(main, "logoutRequested") and hasattr(main, "finish"):
        main.finish()
        main.logoutRequested.emit()
