"""对账规则 tab: finance's standing rules (all credits, a counterparty, a memo word are not
reception expenses), stored in the database, applied on import and here on demand."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import reconcile_rules
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError
from desktop.views import changes, ops, prompts
from desktop.views.table_model import Column, RowTableModel, make_table


class RulesTab(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.kind = QComboBox()
        self.kind.setObjectName("ruleKind")
        for kind in reconcile_rules.KINDS:
            self.kind.addItem(reconcile_rules.kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.text = QLineEdit()
        self.text.setObjectName("ruleText")
        self.text.setPlaceholderText(self.tr("如：某某科技有限公司、工资、利息"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("说明（可选）"))
        add = QPushButton(self.tr("添加规则"))
        add.setObjectName("addRule")
        add.clicked.connect(self.add)
        form = QHBoxLayout()
        form.addWidget(self.kind)
        form.addWidget(self.text, 2)
        form.addWidget(self.note, 1)
        form.addWidget(add)
        self.model = RowTableModel(
            [
                Column("rule", self.tr("规则"), lambda r: r.description),
                Column("note", self.tr("说明"), lambda r: r.note),
                Column(
                    "applied",
                    self.tr("已排除"),
                    lambda r: str(r.applied),
                    align_right=True,
                    value=lambda r: r.applied,
                ),
                Column(
                    "at",
                    self.tr("添加时间"),
                    lambda r: f"{r.created_at:%Y-%m-%d %H:%M}",
                    value=lambda r: r.created_at,
                ),
            ],
            self,
        )
        self.table = make_table(self.model, name="ruleTable")
        remove = QPushButton(self.tr("删除所选规则"))
        remove.clicked.connect(self.remove)
        apply_now = QPushButton(self.tr("立即应用到所有未处理记录"))
        apply_now.setObjectName("applyRules")
        apply_now.clicked.connect(self.apply)
        self.message = QLabel(
            self.tr(
                "规则覆盖的导入记录标为“非接待费用”：导入时自动应用，也可立即应用。"
                "已人工处理的记录不受影响；删除规则不会撤销它已作出的处理。"
            )
        )
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(remove)
        bottom.addWidget(apply_now)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._kind_changed()
        self.refresh()
        changes.watch(self, (changes.SETTINGS, changes.RECONCILIATION), self.refresh, skip_own=True)

    def _kind_changed(self) -> None:
        needs_text = self.kind.currentData() != reconcile_rules.CREDIT
        self.text.setEnabled(needs_text)
        if not needs_text:
            self.text.clear()

    def refresh(self) -> None:
        self.model.set_rows(reconcile_rules.list_rules(self.actor))

    def add(self) -> None:
        actor, kind, text, note = self.actor, self.kind.currentData(), self.text.text(), self.note.text()

        def done(_rule_id) -> None:
            self.text.clear()
            self.note.clear()
            self.refresh()
            self.message.setText(self.tr("已添加规则；下次导入时自动应用，或点“立即应用”。"))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ServiceError):  # a ValidationError says which field, in one line
                self.message.setText(str(exc))
            else:
                prompts.show_error(self, exc)

        ops.run(
            self,
            lambda _p: reconcile_rules.save_rule(actor, kind, text, note),
            done,
            failed,
            progress_dialog=False,
            write=True,
            changes=(changes.SETTINGS,),
        )

    def remove(self) -> None:
        rule = self.model.row_at(self.table.currentIndex())
        if rule is None:
            return
        actor = self.actor
        ops.run(
            self,
            lambda _p: reconcile_rules.delete_rule(actor, rule.id),
            lambda _r: self.refresh(),
            lambda exc: prompts.show_error(self, exc),
            progress_dialog=False,
            write=True,
            changes=(changes.SETTINGS,),
        )

    def apply(self) -> None:
        actor = self.actor

        def done(n: int) -> None:
            self.refresh()
            self.message.setText(self.tr("已按规则把 {n} 条记录标为非接待费用。").format(n=n))

        ops.run(
            self,
            lambda _p: reconcile_rules.apply_rules(actor),
            done,
            lambda exc: prompts.show_error(self, exc),
            label=self.tr("正在应用规则…"),
            write=True,
            changes=(changes.RECONCILIATION,),
        )
