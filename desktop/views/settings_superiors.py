"""分管副总 per department: who approves a department head's own application.

Without it, the head's own step goes to the next approver on the chain (routing.build); an office
whose vice presidents look after departments names them here.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.services import approval_actions, routing
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError
from desktop.views import changes, prompts
from desktop.views.crud import combo_select
from desktop.views.editor import EditorMixin


class SuperiorEditor(EditorMixin, QGroupBox):
    changed = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(self.tr("分管副总（部门负责人本人申请时由其审批）"), parent)
        self.actor = actor
        form = QFormLayout(self)
        self.combos: dict[int, QComboBox] = {}
        people = approval_actions.colleagues(actor)
        if actor.user_id:
            people = sorted([*people, (actor.user_id, actor.label)], key=lambda p: p[1])
        for department_id, name, superior in routing.superiors():
            combo = QComboBox()
            combo.setObjectName(f"superior_{department_id}")
            combo.addItem(self.tr("（未设置：交给下一步审批人）"), None)
            for user_id, label in people:
                combo.addItem(label, user_id)
            combo_select(combo, superior)
            self.combos[department_id] = combo
            form.addRow(name, combo)
        self.message = QLabel()
        self.save_button = QPushButton(self.tr("保存分管副总"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        form.addRow(row)
        editable = actor.can("chain.manage")
        for w in (*self.combos.values(), self.save_button):
            w.setEnabled(editable)
        self.track(*self.combos.values())
        self.set_modified(False)

    def save_changes(self) -> bool:
        return self.save()

    def save(self) -> bool:
        try:
            for department_id, combo in self.combos.items():
                routing.set_superior(self.actor, department_id, combo.currentData())
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return False
        self.set_modified(False)
        self.message.setText(self.tr("已保存。"))
        changes.announce(changes.SETTINGS, initiator=self)
        self.changed.emit()
        return True
