"""设置: office settings, organisation, pick lists, deny list, users and roles.

Every tab is visible to whoever may read it; editing needs the matching permission, which the
services check again on save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES
from desktop.services import auth, settings
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.views import prompts
from desktop.views.crud import combo_select
from desktop.views.editor import EditorDialog, EditorMixin, scrolled
from desktop.views.fields import FieldErrors
from desktop.views.labels import literal
from desktop.views.settings_tabs import (
    DenyEditor,
    DepartmentEditor,
    EmployeeEditor,
    OptionEditor,
    UserEditor,
)


class GeneralTab(EditorMixin, QWidget):
    languageChanged = Signal(str)

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.edits: dict[str, QWidget] = {}
        self.versions = settings.versions()  # handed back on save: a stale form is refused
        values = settings.all_settings()
        can_edit = actor.can("settings.manage")
        for spec in settings.setting_specs():
            if spec.key == "language" or spec.key in settings.OWN_TAB:
                continue
            edit = _setting_field(spec.key, values[spec.key])
            edit.setObjectName(f"setting_{spec.key}")
            edit.setEnabled(can_edit)
            if isinstance(edit, QLineEdit):
                edit.returnPressed.connect(self.save)
            self.edits[spec.key] = edit
            self.errors.add_row(spec.key, spec.label, edit)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        combo_select(self.language, actor.language or values["language"])
        self.errors.add_row("language", self.tr("我的界面语言"), self.language)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.addLayout(form)
        fields_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.make_summary())
        layout.addWidget(scrolled(fields), 1)  # many settings: the form scrolls, 保存 stays
        layout.addWidget(self.message)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.track(fields)

    def save_changes(self) -> bool:
        return self.save()

    def save(self) -> bool:
        self.errors.clear()
        try:
            if self.actor.can("settings.manage"):
                settings.save(self.actor, {k: _field_value(e) for k, e in self.edits.items()}, self.versions)
                self.versions = settings.versions()
            language = self.language.currentData()
            if language != (self.actor.language or settings.get("language")):
                self.actor = auth.set_own_language(self.actor, language)
                self.languageChanged.emit(language)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.set_modified(False)
        self.message.setText(self.tr("已保存。"))
        return True


#: Yes/no settings shown as check boxes, and whole numbers of hours as a spin box (issue 11).
_SWITCHES = ("approval_dedupe", "approval_resume")
_HOURS = ("remind_hours",)


def _setting_field(key: str, value: str) -> QWidget:
    if key in _SWITCHES:
        box = QCheckBox()
        box.setChecked(value.strip() == "1")
        return box
    if key in _HOURS:
        spin = QSpinBox()
        spin.setRange(1, 720)
        spin.setSuffix(QCoreApplication.translate("GeneralTab", " 小时"))
        spin.setValue(int(value) if value.strip().isdigit() else 4)
        return spin
    return QLineEdit(value)


def _field_value(widget: QWidget) -> str:
    if isinstance(widget, QCheckBox):
        return "1" if widget.isChecked() else "0"
    if isinstance(widget, QSpinBox):
        return str(widget.value())
    return widget.text()


class SettingsDialog(EditorDialog):
    """An :class:`EditorDialog` whose editors are its tabs: closing asks about each one with
    unsaved work, showing its tab first."""

    languageChanged = Signal(str)
    changed = Signal()
    default_size = QSize(1100, 720)

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle(self.tr("设置") + "[*]")
        self.tabs = QTabWidget()
        self.general = GeneralTab(actor)
        self.general.languageChanged.connect(self.languageChanged)
        self.tabs.addTab(self.general, literal(self.tr("常规")))

        self.departments = DepartmentEditor(actor)
        self.employees = EmployeeEditor(actor)
        self.departments.changed.connect(self._departments_changed)
        org_split = QSplitter(Qt.Orientation.Vertical)
        org_split.addWidget(self.departments)
        org_split.addWidget(self.employees)
        org_split.setSizes([260, 420])
        self.tabs.addTab(org_split, literal(self.tr("部门与员工")))

        self.categories = OptionEditor(actor, settings.CATEGORY, self.tr("访客类别"))
        self.purposes = OptionEditor(actor, settings.PURPOSE, self.tr("来访事由"))
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(self.categories)
        lists.addWidget(self.purposes)
        self.tabs.addTab(lists, literal(self.tr("访客类别与事由")))

        from desktop.views.settings_reception import ReceptionSettings

        self.reception = ReceptionSettings(actor)
        self.tabs.addTab(self.reception, literal(self.tr("接待标准与资源")))

        from desktop.views.settings_notify import NotifyTab

        self.notify = None
        if actor.can("settings.manage"):
            self.notify = NotifyTab(actor)
            self.tabs.addTab(self.notify, literal(self.tr("通知")))

        self.deny = None
        if actor.can("denylist.manage") or actor.can("visitors.desk"):
            self.deny = DenyEditor(actor)
            self.tabs.addTab(self.deny, literal(self.tr("黑名单")))
        self.users = None
        if actor.can("users.manage"):
            self.users = UserEditor(actor)
            self.tabs.addTab(self.users, literal(self.tr("用户与角色")))

        self.backup = None
        if actor.can("system.backup") or actor.can("system.retention"):
            from desktop.views.settings_backup import BackupTab

            self.backup = BackupTab(actor)  # a restore logs out: settings_backup.log_out_after_restore
            self.tabs.addTab(self.backup, literal(self.tr("备份与数据保留")))

        # This PC's database connection (per PC, QSettings): takes effect at the next start.
        from desktop import db
        from desktop.views.connection import ConnectionTab

        info = db.current_info()
        self.connection = ConnectionTab(db.display_url(info.url) if info is not None else "")
        self.tabs.addTab(self.connection, literal(self.tr("数据库连接")))

        for editor in (
            self.departments,
            self.employees,
            self.categories,
            self.purposes,
            self.deny,
            self.users,
        ):
            if editor is not None:
                editor.changed.connect(self.changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def editors(self) -> list[EditorMixin]:
        """Every editor inside the tabs (lists, forms, budgets, the approval chain)."""
        return [w for w in self.findChildren(QWidget) if isinstance(w, EditorMixin)]

    def is_modified(self) -> bool:
        return any(e.is_modified() for e in self.editors())

    def can_close(self) -> bool:
        for editor in self.editors():
            if editor.is_modified():
                self._reveal(editor)
                if not editor.can_close():
                    return False
        return True

    def _reveal(self, widget: QWidget) -> None:
        """Bring the tab (and inner tab) holding ``widget`` to the front before asking."""
        parent = widget.parentWidget()
        while parent is not None and parent is not self:
            if isinstance(parent, QTabWidget):
                for i in range(parent.count()):
                    page = parent.widget(i)
                    if page is widget or page.isAncestorOf(widget):
                        parent.setCurrentIndex(i)
            parent = parent.parentWidget()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def _departments_changed(self) -> None:
        self.employees.reload_departments()
        self.employees.refresh()
