"""The visitor desk (来访登记): check-in form, expected today, on site now.

All rules live in :mod:`desktop.services.visitors`; this window gathers input, asks the user
when a rule needs a yes (deny list, already on site) and shows the answers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.services import auth, settings, visitors
from desktop.services.auth import Actor
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.visitors import AlreadyOnSite, DenyListHit, VisitRow
from desktop.views import ops, printing, prompts
from desktop.views.checkin_form import CheckInForm
from desktop.views.table_model import make_table
from desktop.views.visit_models import VisitTableModel, expected_columns, on_site_columns


class _EnterFilter(QObject):
    """Enter on a table runs an action (one-key check-in / check-out)."""

    def __init__(self, action, parent: QObject):
        super().__init__(parent)
        self.action = action

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.action()
            return True
        return False


class VisitorDeskView(QWidget):
    """The receptionist's main screen."""

    visitsChanged = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.form = CheckInForm(actor)
        self.form.submitted.connect(self.check_in)
        self.status = QLabel()
        self.status.setObjectName("deskStatus")
        self.status.setWordWrap(True)

        form_box = QGroupBox(self.tr("访客签到"))
        form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(self.form)
        form_layout.addWidget(self.status)

        self.expected_model = VisitTableModel(expected_columns(), self)
        self.expected_table = make_table(self.expected_model, multi=True)
        self.expected_table.setObjectName("expectedTable")
        self.expected_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.expected_table.doubleClicked.connect(lambda _i: self.check_in_expected())
        self.expected_table.installEventFilter(_EnterFilter(self.check_in_expected, self))
        self.expected_box = QGroupBox()
        checkin_expected = QPushButton(self.tr("签到所选 (Enter)"))
        checkin_expected.clicked.connect(self.check_in_expected)
        self.cancel_expected_button = QPushButton(self.tr("取消预约"))
        self.cancel_expected_button.clicked.connect(self.cancel_expected)
        exp_buttons = QHBoxLayout()
        exp_buttons.addStretch(1)
        exp_buttons.addWidget(self.cancel_expected_button)
        exp_buttons.addWidget(checkin_expected)
        exp_layout = QVBoxLayout(self.expected_box)
        exp_layout.addWidget(self.expected_table)
        exp_layout.addLayout(exp_buttons)

        self.onsite_model = VisitTableModel(on_site_columns(), self)
        self.onsite_table = make_table(self.onsite_model, multi=True)
        self.onsite_table.setObjectName("onsiteTable")
        self.onsite_table.installEventFilter(_EnterFilter(self.check_out_selected, self))
        self.onsite_box = QGroupBox()
        self.checkout_button = QPushButton(self.tr("签离所选"))
        self.checkout_button.setObjectName("checkout")
        self.checkout_button.clicked.connect(self.check_out_selected)
        self.checkout_all_button = QPushButton(self.tr("全部签离…"))
        self.checkout_all_button.clicked.connect(self.check_out_all)
        self.badge_button = QPushButton(self.tr("打印胸卡"))
        self.badge_button.clicked.connect(self.print_badge_selected)
        self.evacuation_button = QPushButton(self.tr("疏散名单 PDF"))
        self.evacuation_button.clicked.connect(self.print_evacuation_list)
        on_buttons = QHBoxLayout()
        on_buttons.addWidget(self.evacuation_button)
        on_buttons.addWidget(self.badge_button)
        on_buttons.addStretch(1)
        on_buttons.addWidget(self.checkout_all_button)
        on_buttons.addWidget(self.checkout_button)
        on_layout = QVBoxLayout(self.onsite_box)
        on_layout.addWidget(self.onsite_table)
        on_layout.addLayout(on_buttons)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.expected_box)
        right.addWidget(self.onsite_box)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(form_box)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([480, 760])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)

        QShortcut(QKeySequence("F2"), self, activated=self.focus_expected)
        QShortcut(QKeySequence("F3"), self, activated=self.focus_on_site)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.form.clear)
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self.onsite_model.refresh_elapsed)
        self.clock.start()
        self.refresh()

    # ------------------------------------------------------------------ lists

    def refresh(self) -> None:
        expected = visitors.expected_on(self.actor, clock.today())
        on_site = visitors.on_site(self.actor)
        self.expected_model.set_rows(expected)
        self.onsite_model.set_rows(on_site)
        self.expected_box.setTitle(self.tr("今日预约 {n} 位（F2）").format(n=len(expected)))
        people = sum(r.people_count for r in on_site)
        self.onsite_box.setTitle(
            self.tr("在访 {n} 批 · 共 {people} 人（F3，Enter 签离）").format(n=len(on_site), people=people)
        )
        if expected and not self.expected_table.currentIndex().isValid():
            self.expected_table.selectRow(0)

    def focus_expected(self) -> None:
        self.expected_table.setFocus()
        if self.expected_model.rowCount() and not self.expected_table.currentIndex().isValid():
            self.expected_table.selectRow(0)

    def focus_on_site(self) -> None:
        self.onsite_table.setFocus()
        if self.onsite_model.rowCount() and not self.onsite_table.currentIndex().isValid():
            self.onsite_table.selectRow(0)

    def _selected(self, table: QTableView, model: VisitTableModel) -> list[VisitRow]:
        rows = {i.row() for i in table.selectionModel().selectedRows()}
        return [model.rows[r] for r in sorted(rows) if r < len(model.rows)]

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # ------------------------------------------------------------------ check-in

    def _run_gated(self, action, name: str):
        """Run a check-in, asking through the deny-list and already-on-site gates."""
        confirm_duplicate = False
        deny_override: Actor | None = None
        while True:
            try:
                return action(confirm_duplicate=confirm_duplicate, deny_override=deny_override)
            except DenyListHit as hit:
                deny_override = self._confirm_deny(hit)
                if deny_override is None:
                    self._say(self.tr("未签到：{name} 在黑名单中。").format(name=name))
                    return None
            except AlreadyOnSite as dup:
                question = str(dup) + "\n" + self.tr("仍要再次签到吗？")
                if not prompts.ask(self, self.tr("访客已在访"), question):
                    self._say(self.tr("未签到：{name} 已在访。").format(name=name))
                    return None
                confirm_duplicate = True

    def _confirm_deny(self, hit: DenyListHit) -> Actor | None:
        text = str(hit)
        if self.actor.can("visitors.deny_override"):
            if prompts.ask(self, self.tr("黑名单提醒"), text + "\n" + self.tr("确认仍允许进入吗？")):
                return self.actor
            return None
        answer = prompts.credentials(
            self,
            self.tr("黑名单提醒"),
            text + "\n" + self.tr("需要行政部、总经理或系统管理员确认：请主管输入用户名和密码。"),
        )
        if answer is None:
            return None
        try:
            supervisor = auth.authenticate(*answer)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return None
        if not supervisor.can("visitors.deny_override"):
            prompts.show_error(
                self, PermissionDenied(self.tr("{who} 无权确认黑名单访客。").format(who=supervisor.label))
            )
            return None
        return supervisor

    def check_in(self) -> None:
        problem = self.form.host_problem()
        if problem:
            self.form.show_errors({"host": problem})
            return
        form = self.form.value()
        try:
            row = self._run_gated(lambda **kw: visitors.check_in(self.actor, form, **kw), form.name.strip())
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        except ServiceError as exc:
            prompts.show_error(self, exc)
            return
        if row is None:
            return
        print_badge = self.form.print_badge.isChecked()
        self.form.clear()
        self.form.print_badge.setChecked(print_badge)
        self._after_check_in(row)
        if print_badge:
            self.print_badge(row)

    def _after_check_in(self, row: VisitRow) -> None:
        if row.host_name:
            text = self.tr("已签到：{name}（胸卡 {badge}），已通知 {host}。").format(
                name=row.name, badge=row.badge_no or "—", host=row.host_name
            )
        else:
            text = self.tr("已签到：{name}（胸卡 {badge}）。").format(
                name=row.name, badge=row.badge_no or "—"
            )
        if row.deny_reason:
            text += self.tr("（黑名单已确认）")
        self._say(text)
        self.refresh()
        self.visitsChanged.emit()

    def check_in_expected(self) -> None:
        rows = self._selected(self.expected_table, self.expected_model)
        if not rows:
            self._say(self.tr("请先在“今日预约”中选择访客。"))
            return
        row = rows[0]
        try:
            done = self._run_gated(
                lambda **kw: visitors.check_in_expected(self.actor, row.id, **kw), row.name
            )
        except ValidationError as exc:
            prompts.show_error(self, ServiceError("；".join(exc.errors.values())))
            return
        except ServiceError as exc:
            prompts.show_error(self, exc)
            self.refresh()
            return
        if done is not None:
            self._after_check_in(done)

    def cancel_expected(self) -> None:
        rows = self._selected(self.expected_table, self.expected_model)
        if not rows:
            return
        if not prompts.ask(
            self, self.tr("取消预约"), self.tr("取消 {name} 的预约吗？").format(name=rows[0].name)
        ):
            return
        try:
            visitors.cancel_expected(self.actor, rows[0].id)
        except ServiceError as exc:
            prompts.show_error(self, exc)
        self.refresh()

    # ------------------------------------------------------------------ check-out

    def check_out_selected(self) -> None:
        rows = self._selected(self.onsite_table, self.onsite_model)
        if not rows:
            self._say(self.tr("请先在“在访”列表中选择要签离的访客。"))
            return
        try:
            n = visitors.check_out(self.actor, [r.id for r in rows])
        except ServiceError as exc:
            prompts.show_error(self, exc)
            self.refresh()
            return
        names = "、".join(r.name for r in rows)
        self._say(self.tr("已签离 {n} 批：{names}。").format(n=n, names=names))
        self.refresh()
        self.visitsChanged.emit()

    def check_out_all(self) -> None:
        n = self.onsite_model.rowCount()
        if not n:
            self._say(self.tr("当前没有在访人员。"))
            return
        if not prompts.ask(
            self, self.tr("全部签离"), self.tr("将在访的 {n} 批访客全部签离（下班清场）吗？").format(n=n)
        ):
            return
        try:
            done = visitors.check_out_all(self.actor)
        except ServiceError as exc:
            prompts.show_error(self, exc)
            self.refresh()
            return
        self._say(self.tr("已全部签离，共 {n} 批。").format(n=done))
        self.refresh()
        self.visitsChanged.emit()

    # ------------------------------------------------------------------ prints

    def _temp_pdf(self, stem: str) -> Path:
        folder = Path(tempfile.mkdtemp(prefix="reception-print-"))
        return folder / f"{stem}.pdf"

    def print_badge_selected(self) -> None:
        rows = self._selected(self.onsite_table, self.onsite_model)
        if not rows:
            self._say(self.tr("请先在“在访”列表中选择访客。"))
            return
        self.print_badge(rows[0])

    def print_badge(self, row: VisitRow) -> None:
        from desktop.exporters import badge as badge_export  # reportlab loads on first print

        path = self._temp_pdf(f"badge-{row.badge_no or row.id}")
        company = settings.company_name()
        ops.run(
            self,
            lambda _p: badge_export.export_badge_pdf(row, company, path),
            lambda result: self.open_preview(Path(result), self.tr("访客胸卡")),
            label=self.tr("正在生成胸卡…"),
        )

    def print_evacuation_list(self) -> None:
        from desktop.exporters import onsite as onsite_export

        path = self._temp_pdf("onsite-" + clock.now().strftime("%Y%m%d-%H%M"))
        company = settings.company_name()
        actor = self.actor

        def work(_progress: ops.Progress) -> Path:
            rows = visitors.on_site(actor)
            return onsite_export.export_onsite_pdf(rows, company, clock.now(), path)

        ops.run(
            self,
            work,
            lambda result: self.open_preview(Path(result), self.tr("疏散名单")),
            label=self.tr("正在生成疏散名单…"),
        )

    def open_preview(self, path: Path, title: str) -> None:
        self.last_pdf = path
        self._say(self.tr("已生成：{path}").format(path=path))
        dialog = printing.preview_pdf(self, path, title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
