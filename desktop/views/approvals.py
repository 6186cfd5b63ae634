"""审批 inbox: what waits for me, the application at a glance, and the decision with a comment."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services import applications as apps
from desktop.services import approval
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.money import format_money
from desktop.views import changes, ops, prompts
from desktop.views.application_editor import ApplicationDialog
from desktop.views.applications import application_columns
from desktop.views.table_model import RowTableModel, make_table

translate = QCoreApplication.translate


def summary_html(detail: apps.ApplicationDetail) -> str:
    """The application at a glance for the approver (read-only HTML)."""
    info, form, est = detail.info, detail.form, detail.estimate
    e = html.escape
    over = translate("ApprovalSummary", "超标")
    rows = [
        (translate("ApprovalSummary", "来宾公司"), form.client_company),
        (translate("ApprovalSummary", "级别"), est.standard.label),
        (
            translate("ApprovalSummary", "到访"),
            f"{form.arrival:%Y-%m-%d %H:%M} — {form.departure:%Y-%m-%d %H:%M}",
        ),
        (
            translate("ApprovalSummary", "来宾"),
            "、".join(f"{g.name}（{g.title}）" if g.title else g.name for g in form.guests),
        ),
        (translate("ApprovalSummary", "目的"), form.purpose),
        (translate("ApprovalSummary", "背景"), form.background),
        (translate("ApprovalSummary", "申请人"), f"{info.applicant_name}（{info.department_name}）"),
    ]
    flags = []
    if info.urgent:
        flags.append(translate("ApprovalSummary", "加急：") + form.urgent_reason)
    if info.over_standard:
        flags.append(translate("ApprovalSummary", "有超标准费用"))
    if info.backfill:
        flags.append(translate("ApprovalSummary", "事后补填"))
    parts = [f"<h3>{e(info.number)}　{e(info.where)}</h3>"]
    if flags:
        parts.append(f"<p style='color:#c0392b'><b>{e('；'.join(flags))}</b></p>")
    parts.append(
        "<table cellpadding=3>"
        + "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(str(v))}</td></tr>" for k, v in rows)
        + "</table>"
    )
    lines = "".join(
        f"<tr><td>{e(line.label)}</td><td align=right>{e(format_money(line.estimate))}</td>"
        f"<td align=right>{e(format_money(line.amount))}</td>"
        f"<td style='color:#c0392b'>{e(over if line.over_cap else '')}</td><td>{e(line.reason)}</td></tr>"
        for line in est.lines
        if line.amount or line.estimate
    )
    heads = (
        translate("ApprovalSummary", "类别"),
        translate("ApprovalSummary", "标准估算"),
        translate("ApprovalSummary", "申请"),
        "",
        translate("ApprovalSummary", "说明"),
    )
    head_row = "".join(f"<th>{e(h)}</th>" for h in heads)
    parts.append(f"<table border=1 cellspacing=0 cellpadding=3><tr>{head_row}</tr>{lines}</table>")
    total = translate("ApprovalSummary", "合计")
    parts.append(f"<p><b>{e(total)} {e(format_money(est.total))}</b>（{e(est.total_capital)}）</p>")
    if est.budget is not None:
        remaining = translate("ApprovalSummary", "部门当月预算剩余")
        parts.append(f"<p>{e(remaining)}：{e(format_money(est.budget.remaining))}</p>")
    history = "".join(
        f"<li>{a.at:%m-%d %H:%M} {e(a.user_name)} {e(apps.step_label(a.step_label))} "
        f"{e(approval.decision_label(a.decision))} {e(a.comment)}</li>"
        for a in detail.approvals
    )
    parts.append(f"<p><b>{e(translate('ApprovalSummary', '审批记录'))}</b></p><ul>{history}</ul>")
    return "".join(parts)


class ApprovalsView(QWidget):
    """The approver's inbox. A decision names what it did in the status line, and the next
    application is never selected behind the approver's back: a second Ctrl+Enter must not
    approve an application nobody looked at."""

    #: Kinds of change that may add to or take from this inbox.
    WATCHED = (changes.APPROVALS, changes.APPLICATIONS, changes.SETTINGS, changes.USERS)

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self._handled: str = ""  # "已处理 …" shown in the detail pane until the next selection
        self._deciding = False
        self._selecting = False  # the program, not the approver, is moving the selection
        self.model = RowTableModel(application_columns(), self)
        self.table = make_table(self.model, sortable=False, name="inboxTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.title = QLabel()
        self.title.setObjectName("inboxTitle")
        self.detail = QTextBrowser()
        self.detail.setObjectName("inboxDetail")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("审批意见（退回、驳回时必填）"))
        self.comment.setFixedHeight(70)
        self.approve_button = QPushButton(self.tr("同意 (Ctrl+Enter)"))
        self.approve_button.setObjectName("approve")
        self.approve_button.setShortcut("Ctrl+Return")
        self.return_button = QPushButton(self.tr("退回修改"))
        self.reject_button = QPushButton(self.tr("驳回"))
        open_button = QPushButton(self.tr("查看申请表…"))
        self.approve_button.clicked.connect(lambda: self.decide(approval.APPROVE))
        self.return_button.clicked.connect(lambda: self.decide(approval.RETURN))
        self.reject_button.clicked.connect(lambda: self.decide(approval.REJECT))
        open_button.clicked.connect(self.open_current)
        self.message = QLabel()
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.comment)
        rl.addLayout(buttons)
        rl.addWidget(self.message)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.title)
        ll.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([620, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        self.refresh(select_first=True)
        changes.watch(self, self.WATCHED, self.refresh, skip_own=True)

    def refresh(self, select_first: bool = False) -> None:
        """Read the inbox again, keeping the selected application if it still waits.

        Only on opening is the first one selected; after a decision or a change elsewhere the
        approver chooses the next one.
        """
        kept = self.current()
        rows = approval.inbox(self.actor)
        self.model.set_rows(rows)
        self.title.setText(self.tr("待我审批：{n} 份").format(n=len(rows)))
        row = next((i for i, r in enumerate(rows) if kept is not None and r.id == kept.id), None)
        if row is None and select_first and rows:
            row = 0
        self._select(row)
        self.show_current()

    def _select(self, row: int | None) -> None:
        self._selecting = True
        try:
            if row is None:
                self.table.clearSelection()
                self.table.setCurrentIndex(QModelIndex())
            else:
                self.table.selectRow(row)
        finally:
            self._selecting = False

    def _selection_changed(self) -> None:
        """The approver picked another application: the last outcome or error is no longer
        about what is on screen."""
        if not self._selecting:
            self._handled = ""
            self._set_message("")
        self.show_current()

    def current(self):
        return self.model.row_at(self.table.currentIndex())

    def show_current(self) -> None:
        row = self.current()
        enabled = row is not None and not self._deciding
        for b in (self.approve_button, self.return_button, self.reject_button):
            b.setEnabled(enabled)
        if row is None:
            if self._handled and self.model.rows:
                text = self.tr("{handled}请选择下一份申请。").format(handled=self._handled)
            elif self._handled:
                text = self.tr("{handled}没有其他等待您审批的申请。").format(handled=self._handled)
            else:
                text = (
                    self.tr("没有等待您审批的申请。") if not self.model.rows else self.tr("请选择一份申请。")
                )
            self.detail.setHtml(f"<p>{html.escape(text)}</p>")
            return
        self.detail.setHtml(summary_html(apps.get(self.actor, row.id)))

    def _set_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b;" if error else "color: #1e8449;")
        self.message.setText(text)

    def decide(self, decision: str) -> None:
        """Record the decision on the database-writer thread; say what happened when it is in."""
        row = self.current()
        if row is None or self._deciding:
            return
        self._set_message("")  # no stale outcome or error while the new one is on its way
        if decision == approval.REJECT and not prompts.ask(
            self, self.tr("驳回"), self.tr("驳回后申请结束，申请人需重新申请。确定驳回吗？")
        ):
            return
        actor, comment, application_id = self.actor, self.comment.toPlainText(), row.id
        self._deciding = True
        self.show_current()

        def done(info) -> None:
            self._deciding = False
            self.comment.clear()
            label = approval.decision_label(decision)
            self._handled = self.tr("已处理 {number}（{client}）：{decision}。").format(
                number=info.number, client=row.client_company, decision=label
            )
            self._set_message(
                self.tr("{number}（{client}）：{decision}。现在：{where}").format(
                    number=info.number, client=row.client_company, decision=label, where=info.where
                )
            )
            self._select(None)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._deciding = False
            if isinstance(exc, ValidationError):
                self._set_message("；".join(exc.errors.values()), error=True)
                self.show_current()
                self.comment.setFocus()
                return
            if isinstance(exc, ServiceError):
                self._set_message(str(exc), error=True)
            prompts.show_error(self, exc)
            self.refresh()

        ops.run(
            self,
            lambda _p: approval.decide(actor, application_id, decision, comment),
            done,
            failed,
            label=self.tr("正在提交审批意见…"),
            write=True,
            changes=(changes.APPROVALS, changes.APPLICATIONS, changes.NOTIFICATIONS),
        )

    def open_current(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ApplicationDialog(self.actor, row.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
