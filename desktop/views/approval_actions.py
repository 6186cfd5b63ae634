"""The small forms behind 转交, 加签, 抄送 and 退回到… in the approver's window.

One dialog class serves all four: whom (one colleague, or several ticked), where (前加签 /
后加签), how (或签 / 会签), which earlier step, and the comment. The dialog only collects; the
window runs the action on the database-writer thread when it is accepted. Tests fill it in and
call ``accept()`` — it is opened with ``open()``, never ``exec()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services import approval_actions as actions
from desktop.services import routing

TRANSFER = "transfer"
ADD = "add"
COPY = "copy"
RETURN_TO = "return_to"


class ActionDialog(QDialog):
    """Collects what one approval action needs; ``values()`` hands it to the window."""

    def __init__(
        self,
        kind: str,
        title: str,
        people: list[tuple[int, str]] | None = None,
        targets: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(title)
        self.setObjectName(f"action_{kind}")
        form = QFormLayout()
        self.person = QComboBox()  # 转交: exactly one colleague
        self.person.setObjectName("person")
        self.filter = QLineEdit()  # 加签 / 抄送: several, found by typing
        self.filter.setObjectName("peopleFilter")
        self.filter.setPlaceholderText(self.tr("输入姓名筛选"))
        self.people = QListWidget()
        self.people.setObjectName("people")
        self.where = QComboBox()
        self.where.setObjectName("where")
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.target = QComboBox()
        self.target.setObjectName("target")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("actionComment")
        self.comment.setFixedHeight(70)
        self.comment.setTabChangesFocus(True)  # Tab reaches 确定, as in every other form
        if kind == TRANSFER:
            for user_id, name in people or []:
                self.person.addItem(name, user_id)
            form.addRow(self.tr("转交给"), self.person)
        elif kind in (ADD, COPY):
            for user_id, name in people or []:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, user_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.people.addItem(item)
            self.filter.textChanged.connect(self._filter)
            form.addRow(self.tr("人员"), self.filter)
            form.addRow("", self.people)
            if kind == ADD:
                self.where.addItem(self.tr("前加签：他们先审批，再回到我"), actions.BEFORE)
                self.where.addItem(self.tr("后加签：我同意后由他们审批"), actions.AFTER)
                self.mode.addItem(self.tr("或签：其中一人同意即可"), routing.ANY)
                self.mode.addItem(self.tr("会签：所有人都要同意"), routing.ALL)
                form.addRow(self.tr("位置"), self.where)
                form.addRow(self.tr("方式"), self.mode)
        elif kind == RETURN_TO:
            for index, label in targets or []:
                self.target.addItem(label, index)
            form.addRow(self.tr("退回到"), self.target)
        required = kind == RETURN_TO
        self.comment.setPlaceholderText(self.tr("意见（必填）") if required else self.tr("意见（可不填）"))
        form.addRow(self.tr("意见"), self.comment)
        self.error = QLabel()
        self.error.setObjectName("actionError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 420 if kind in (ADD, COPY) else 220)

    def _filter(self, text: str) -> None:
        text = text.strip()
        for i in range(self.people.count()):
            item = self.people.item(i)
            item.setHidden(bool(text) and text not in item.text())

    def tick(self, *user_ids: int) -> None:
        """Tick these people (tests and keyboard users alike)."""
        for i in range(self.people.count()):
            item = self.people.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in user_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[int]:
        if self.kind == TRANSFER:
            return [self.person.currentData()] if self.person.currentData() is not None else []
        return [
            self.people.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def accept(self) -> None:
        """Refuse an empty choice here, where it can still be corrected."""
        if self.kind in (TRANSFER, ADD, COPY) and not self.chosen():
            self.error.setText(self.tr("请选择人员。"))
            return
        if self.kind == RETURN_TO and not self.comment.toPlainText().strip():
            self.error.setText(self.tr("退回时必须填写意见。"))
            self.comment.setFocus()
            return
        super().accept()

    def values(self) -> dict:
        return {
            "users": self.chosen(),
            "where": self.where.currentData(),
            "mode": self.mode.currentData(),
            "target": self.target.currentData(),
            "comment": self.comment.toPlainText(),
        }
