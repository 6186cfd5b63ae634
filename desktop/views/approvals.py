"""审批 inbox: what waits for me, the application at a glance, and the decision with a comment."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services import applications as apps
from desktop.services import approval
from desktop.services import approval_actions as actions
from desktop.services.auth import Actor
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.money import format_money
from desktop.views import approval_actions as action_dialogs
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
        f"{e(approval.decision_label(a.decision))} {e(a.note)} {e(a.comment)}</li>"
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

    #: The two lists this view shows: what waits for me, and what was copied to me (抄送我).
    WAITING, COPIED = 0, 1

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self._handled: str = ""  # "已处理 …" shown in the detail pane until the next selection
        self._deciding = False
        self._selecting = False  # the program, not the approver, is moving the selection
        self.scope = QTabBar()
        self.scope.setObjectName("inboxScope")
        self.scope.addTab(self.tr("待我审批"))
        self.scope.addTab(self.tr("抄送我"))
        self.scope.currentChanged.connect(lambda _i: self.refresh(select_first=True))
        self.model = RowTableModel(application_columns(), self)
        # several rows may be selected for 批量同意; the detail shows the current one
        self.table = make_table(self.model, multi=True, sortable=False, name="inboxTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_batch())
        self.title = QLabel()
        self.title.setObjectName("inboxTitle")
        self.detail = QTextBrowser()
        self.detail.setObjectName("inboxDetail")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("审批意见（退回、驳回时必填）"))
        self.comment.setFixedHeight(70)
        self.over_reason = QLineEdit()
        self.over_reason.setObjectName("overReason")
        self.over_reason.setPlaceholderText(self.tr("超标准理由（这一步含超标准审批，同意时必填）"))
        self.over_reason.hide()
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
        self.transfer_button = QPushButton(self.tr("转交…"))
        self.transfer_button.setObjectName("transfer")
        self.transfer_button.setShortcut("Ctrl+T")
        self.transfer_button.clicked.connect(self.transfer)
        self.add_button = QPushButton(self.tr("加签…"))
        self.add_button.setObjectName("addApprovers")
        self.add_button.setShortcut("Ctrl+J")
        self.add_button.clicked.connect(self.add_approvers)
        self.copy_button = QPushButton(self.tr("抄送…"))
        self.copy_button.setObjectName("copyTo")
        self.copy_button.setShortcut("Ctrl+Shift+C")
        self.copy_button.clicked.connect(self.copy_to)
        self.return_to_button = QPushButton(self.tr("退回到…"))
        self.return_to_button.setObjectName("returnTo")
        self.return_to_button.setShortcut("Ctrl+Shift+R")
        self.return_to_button.clicked.connect(self.return_to)
        self.batch_button = QPushButton(self.tr("批量同意"))
        self.batch_button.setObjectName("batchApprove")
        self.batch_button.setShortcut("Ctrl+Shift+Return")
        self.batch_button.setToolTip(
            self.tr("用同一条意见同意所选的全部申请；含超标准审批的会留下单独审批") + " (Ctrl+Shift+Enter)"
        )
        self.batch_button.clicked.connect(self.batch_approve)
        self.message = QLabel()
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        more = QHBoxLayout()
        # The shortcuts are in the tooltips: with them in the labels the row needed 941 px in English.
        for b in (self.transfer_button, self.add_button, self.copy_button, self.return_to_button):
            b.setToolTip(b.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            more.addWidget(b)
        more.addStretch(1)
        more.addWidget(self.batch_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.comment)
        rl.addWidget(self.over_reason)
        rl.addLayout(buttons)
        rl.addLayout(more)
        rl.addWidget(self.message)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.scope)
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
        self._show_counts()
        if self.copies_shown():
            rows = actions.copied_to_me(self.actor)
            self.title.setText(self.tr("抄送我：{n} 份（只读）").format(n=len(rows)))
        else:
            rows = approval.inbox(self.actor)
            self.title.setText(self.tr("待我审批：{n} 份").format(n=len(rows)))
        self.model.set_rows(rows)
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
        row = self.current()
        if row is not None and self.copies_shown():
            self._mark_read(row.id)

    def current(self):
        return self.model.row_at(self.table.currentIndex())

    def _show_counts(self) -> None:
        counts = actions.counts(self.actor)
        waiting, copied = counts.waiting, counts.copied
        self.scope.setTabText(
            self.WAITING, self.tr("待我审批 ({n})").format(n=waiting) if waiting else self.tr("待我审批")
        )
        self.scope.setTabText(
            self.COPIED, self.tr("抄送我 ({n})").format(n=copied) if copied else self.tr("抄送我")
        )

    def _update_batch(self) -> None:
        self.batch_button.setEnabled(
            not self.copies_shown() and not self._deciding and len(self.selected_rows()) > 1
        )

    def copies_shown(self) -> bool:
        return self.scope.currentIndex() == self.COPIED

    def selected_rows(self) -> list:
        """The applications selected for 批量同意, in the list's order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def show_current(self) -> None:
        row = self.current()
        copies = self.copies_shown()
        enabled = row is not None and not self._deciding and not copies
        for b in (
            self.approve_button,
            self.return_button,
            self.reject_button,
            self.transfer_button,
            self.add_button,
            self.return_to_button,
        ):
            b.setEnabled(enabled)
        self.copy_button.setEnabled(row is not None and not self._deciding)
        self._update_batch()
        self.comment.setEnabled(not copies)
        over = enabled and actions.needs_over_reason(self.actor, row.id)
        self.over_reason.setVisible(over)
        if not over:
            self.over_reason.clear()
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

    def decide(self, decision: str, return_to: int | None = None) -> None:
        """Record the decision on the database-writer thread; say what happened when it is in.

        ``return_to``: with 退回, an earlier step's index (退回到指定步骤); None = the applicant.
        """
        row = self.current()
        if row is None or self._deciding:
            return
        self._set_message("")  # no stale outcome or error while the new one is on its way
        if decision == approval.REJECT and not prompts.ask(
            self, self.tr("驳回"), self.tr("驳回后申请结束，申请人需重新申请。确定驳回吗？")
        ):
            return
        actor, comment, application_id = self.actor, self.comment.toPlainText(), row.id
        over_reason = self.over_reason.text() if not self.over_reason.isHidden() else ""
        self._deciding = True
        self.show_current()

        def done(info) -> None:
            self._deciding = False
            self.comment.clear()
            self.over_reason.clear()
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
            lambda _p: approval.decide(
                actor, application_id, decision, comment, over_reason=over_reason, return_to=return_to
            ),
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

    # ------------------------------------------------------------------ 转交, 加签, 抄送, 退回到…, 批量

    def _action_dialog(self, kind: str, title: str, **kwargs) -> action_dialogs.ActionDialog | None:
        """Open the small form for ``kind`` (kept on the view: a local would die at once)."""
        row = self.current()
        if row is None or self._deciding:
            return None
        dialog = action_dialogs.ActionDialog(kind, title, parent=self, **kwargs)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._dialog_accepted(kind, row, dialog.values()))
        self._dialog = dialog
        dialog.open()
        return dialog

    def _people(self) -> list[tuple[int, str]]:
        """Whom the pickers offer: never me, the applicant, or who already holds the step."""
        row = self.current()
        return actions.colleagues(self.actor, row.id if row is not None else None)

    def transfer(self) -> action_dialogs.ActionDialog | None:
        return self._action_dialog(action_dialogs.TRANSFER, self.tr("转交"), people=self._people())

    def add_approvers(self) -> action_dialogs.ActionDialog | None:
        return self._action_dialog(action_dialogs.ADD, self.tr("加签"), people=self._people())

    def copy_to(self) -> action_dialogs.ActionDialog | None:
        return self._action_dialog(action_dialogs.COPY, self.tr("抄送"), people=self._people())

    def return_to(self) -> action_dialogs.ActionDialog | None:
        row = self.current()
        if row is None or self.copies_shown():
            return None
        try:
            targets = actions.return_targets(self.actor, row.id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            self.refresh()
            return None
        return self._action_dialog(action_dialogs.RETURN_TO, self.tr("退回到…"), targets=targets)

    def _dialog_accepted(self, kind: str, row, values: dict) -> None:
        if kind == action_dialogs.RETURN_TO:
            self.comment.setPlainText(values["comment"])
            target = values["target"]
            self.decide(approval.RETURN, None if target is None or target < 0 else target)
            return
        actor, application_id, comment = self.actor, row.id, values["comment"]
        if kind == action_dialogs.TRANSFER:
            fn = lambda _p: actions.transfer(actor, application_id, values["users"][0], comment)  # noqa: E731
        elif kind == action_dialogs.ADD:
            fn = lambda _p: actions.add_approvers(  # noqa: E731
                actor, application_id, values["users"], values["where"], comment, values["mode"]
            )
        else:
            fn = lambda _p: actions.copy_to(actor, application_id, values["users"], comment)  # noqa: E731
        label = {
            action_dialogs.TRANSFER: self.tr("转交"),
            action_dialogs.ADD: self.tr("加签"),
            action_dialogs.COPY: self.tr("抄送"),
        }[kind]
        self._run(
            fn,
            lambda _r: self.tr("{number}（{client}）：已{action}。").format(
                number=row.number, client=row.client_company, action=label
            ),
        )

    def batch_approve(self) -> None:
        """批量同意 with the one comment; what is left (超标准, changed meanwhile) stays selected
        with its reason, for a decision of its own."""
        rows = self.selected_rows()
        if len(rows) < 2 or self._deciding or self.copies_shown():
            return
        actor, comment, ids = self.actor, self.comment.toPlainText(), [r.id for r in rows]

        def after(results) -> str:
            self.comment.clear()
            done = [r for r in results if r.ok]
            left = [r for r in results if not r.ok]
            self._left = [r.application_id for r in left]
            text = self.tr("已同意 {n} 份。").format(n=len(done))
            if left:
                text += self.tr("未处理 {n} 份：").format(n=len(left)) + "；".join(
                    f"{r.number} {r.message}" for r in left
                )
            return text

        self._run(lambda _p: actions.batch_approve(actor, ids, comment), after, select_left=True)

    def _run(self, fn, message, select_left: bool = False) -> None:
        """Run an action on the writer thread; say what it did, or why not, under the buttons.

        After 转交 / 加签 / 抄送 the application stays selected while it still waits for me (a
        后加签 or a copy leaves it mine to decide); after 批量同意 only what was left is selected.
        """
        self._set_message("")
        self._deciding = True
        self._left: list[int] = []
        self.show_current()

        def done(result) -> None:
            self._deciding = False
            text = message(result)
            self._set_message(text, error=bool(self._left))
            if select_left:
                self._select(None)
            self.refresh()
            if select_left and self._left:
                for i, r in enumerate(self.model.rows):
                    if r.id in self._left:
                        self._select(i)  # the one to decide on its own is shown
                        break
                self.show_current()

        def failed(exc: BaseException) -> None:
            self._deciding = False
            if isinstance(exc, ValidationError):
                self._set_message("；".join(exc.errors.values()), error=True)
            else:
                self._set_message(str(exc), error=True)
                if not isinstance(exc, ServiceError):
                    prompts.show_error(self, exc)
            self.refresh()

        ops.run(
            self,
            fn,
            done,
            failed,
            write=True,
            changes=(changes.APPROVALS, changes.APPLICATIONS, changes.NOTIFICATIONS),
        )

    def _mark_read(self, application_id: int) -> None:
        """Opening a copy (抄送我) reads it: its count in the navigation goes down."""
        actor = self.actor
        ops.run(
            self,
            lambda _p: actions.mark_copy_read(actor, application_id),
            lambda _r: self._show_counts(),
            progress_dialog=False,
            write=True,
            changes=(changes.APPROVALS,),
        )
