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
from desktop.views import changes, ops, printing, prompts
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
        # Earliest first (a sortable table otherwise starts on column 0 descending).
        self.expected_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
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
        self.onsite_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.onsite_table.installEventFilter(_EnterFilter(self._check_out_by_enter, self))
        self.onsite_box = QGroupBox()
        self.checkout_button = QPushButton(self.tr("签离所选"))
        self.checkout_button.setObjectName("checkout")
        self.checkout_button.clicked.connect(self.check_out_selected)
        self.checkout_all_button = QPushButton(self.tr("全部签离…"))
        self.checkout_all_button.clicked.connect(self.check_out_all)
        self.badge_button = QPushButton(self.tr("打印胸卡"))
        self.badge_button.clicked.connect(self.print_badge_selected)
        self.undo_button = QPushButton(self.tr("撤销签离 (Ctrl+Z)"))
        self.undo_button.setObjectName("undoCheckout")
        self.undo_button.clicked.connect(self.undo_check_out)
        self.undo_button.hide()
        self._undo_ids: list[int] = []
        self._undo_badges: dict[int, str] = {}
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._withdraw_undo)
        self._busy = False
        self._focused_once = False
        self.evacuation_button = QPushButton(self.tr("疏散名单 PDF"))
        self.evacuation_button.clicked.connect(self.print_evacuation_list)
        on_buttons = QHBoxLayout()
        on_buttons.addWidget(self.evacuation_button)
        on_buttons.addWidget(self.badge_button)
        on_buttons.addStretch(1)
        on_buttons.addWidget(self.undo_button)
        on_buttons.addWidget(self.checkout_all_button)
        on_buttons.addWidget(self.checkout_button)
        on_layout = QVBoxLayout(self.onsite_box)
        on_layout.addWidget(self.onsite_table)
        on_layout.addLayout(on_buttons)

        for box in (self.expected_box, self.onsite_box):
            # The counts in the titles are long in English; a title may be cut at a narrow
            # width, but it must not hold the window wider than a 1024-pixel screen.
            box.setMinimumWidth(380)
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
        QShortcut(QKeySequence("Ctrl+Z"), self, activated=self.undo_check_out)
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.timeout.connect(self.onsite_model.refresh_elapsed)
        self.clock.start()
        self.refresh()
        # Each check-in, check-out or cancellation here tells the log, the bell and the counts.
        self.visitsChanged.connect(
            lambda: changes.announce(changes.VISITS, changes.NOTIFICATIONS, initiator=self)
        )
        changes.watch(self, (changes.VISITS, changes.SETTINGS), self.refresh, skip_own=True)

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
        self.form.refresh_badge()

    def showEvent(self, event) -> None:  # noqa: N802
        """The first time the desk appears (after login) the cursor waits in 姓名."""
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            QTimer.singleShot(0, self, self._focus_name)

    def _focus_name(self) -> None:
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_expected(self) -> None:
        self._focus_table(self.expected_table)

    def focus_on_site(self) -> None:
        self._focus_table(self.onsite_table)

    @staticmethod
    def _focus_table(table: QTableView) -> None:
        """Focus a list with a row selected, so the next Enter acts on the row one sees marked
        (focus alone gives a current cell but no selection)."""
        table.setFocus()
        if not table.model().rowCount() or table.selectionModel().hasSelection():
            return
        current = table.currentIndex()
        table.selectRow(current.row() if current.isValid() else 0)

    def _selected(self, table: QTableView, model: VisitTableModel) -> list[VisitRow]:
        rows = {i.row() for i in table.selectionModel().selectedRows()}
        return [model.rows[r] for r in sorted(rows) if r < len(model.rows)]

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # ------------------------------------------------------------------ check-in

    def _gated(
        self,
        work,
        name: str,
        on_done,
        on_failed,
        *,
        confirm_duplicate: bool = False,
        deny_override: Actor | None = None,
    ) -> None:
        """Run a check-in on the database-writer thread; when a gate (deny list, already on
        site) needs a yes, ask here on the UI thread and run it again with the answer.

        Nothing on screen is cleared until it succeeded, so a failure keeps what was typed.
        """
        self._set_busy(True)

        def done(row: VisitRow) -> None:
            self._set_busy(False)
            on_done(row)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if isinstance(exc, DenyListHit):
                override = self._confirm_deny(exc)
                if override is None:
                    self._say(self.tr("未签到：{name} 在黑名单中。").format(name=name))
                    return
                self._gated(
                    work,
                    name,
                    on_done,
                    on_failed,
                    confirm_duplicate=confirm_duplicate,
                    deny_override=override,
                )
            elif isinstance(exc, AlreadyOnSite):
                question = str(exc) + "\n" + self.tr("仍要再次签到吗？")
                if not prompts.ask(self, self.tr("访客已在访"), question):
                    self._say(self.tr("未签到：{name} 已在访。").format(name=name))
                    return
                self._gated(
                    work, name, on_done, on_failed, confirm_duplicate=True, deny_override=deny_override
                )
            else:
                on_failed(exc)

        ops.run(
            self,
            lambda _progress: work(confirm_duplicate=confirm_duplicate, deny_override=deny_override),
            done,
            failed,
            label=self.tr("正在签到…"),
            write=True,
            changes=(changes.VISITS, changes.NOTIFICATIONS),
        )

    def _set_busy(self, busy: bool) -> None:
        """One check-in at a time: a second Enter while the first is saving does nothing."""
        self._busy = busy
        self.form.submit_button.setEnabled(not busy)

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
        if self._busy:
            return
        problem = self.form.host_problem()
        if problem:
            self.form.show_errors({"host": problem})
            return
        self.form.refresh_badge()  # the proposed badge may have gone out at another desk
        form = self.form.value()
        print_badge = self.form.print_badge.isChecked()
        actor = self.actor

        def done(row: VisitRow) -> None:
            self.form.clear()
            self.form.print_badge.setChecked(print_badge)
            self._after_check_in(row)
            if print_badge:
                self.print_badge(row)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self.form.show_errors(exc.errors)
            else:
                prompts.show_error(self, exc)

        self._gated(lambda **kw: visitors.check_in(actor, form, **kw), form.name.strip(), done, failed)

    def _after_check_in(self, row: VisitRow) -> None:
        if row.host_name:
            text = self.tr("已签到：{name}（胸卡 {badge}），已通知 {host}。").format(
                name=row.name, badge=row.badge_no or "—", host=row.host_name
            )
        else:
            text = self.tr("已签到：{name}（胸卡 {badge}）。").format(
                name=row.name, badge=row.badge_no or "—"
            )
        if row.kind == visitors.APPOINTMENT and row.expected_date is not None:
            text += self.tr("（按今日预约签到）")
        if row.deny_reason:
            text += self.tr("（黑名单已确认）")
        self._say(text)
        self.refresh()  # the change bus skips the view that made the change

    def check_in_expected(self) -> None:
        if self._busy:
            return
        rows = self._selected(self.expected_table, self.expected_model)
        if not rows:
            self._say(self.tr("请先在“今日预约”中选择访客。"))
            return
        row, actor = rows[0], self.actor

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                exc = ServiceError("；".join(exc.errors.values()))
            prompts.show_error(self, exc)
            self.refresh()

        self._gated(
            lambda **kw: visitors.check_in_expected(actor, row.id, **kw),
            row.name,
            self._after_check_in,
            failed,
        )

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
        else:
            self.visitsChanged.emit()
        self.refresh()

    # ------------------------------------------------------------------ check-out

    def _check_out_by_enter(self) -> None:
        """Enter on the on-site list checks out only after a yes: Enter is easily pressed on
        the wrong list (it checks in on the other one)."""
        rows = self._selected(self.onsite_table, self.onsite_model)
        if not rows:
            self._say(self.tr("请先在“在访”列表中选择要签离的访客。"))
            return
        names = "、".join(r.name for r in rows)
        if prompts.ask(self, self.tr("签离"), self.tr("签离 {names} 吗？").format(names=names)):
            self.check_out_selected()

    def check_out_selected(self) -> None:
        rows = self._selected(self.onsite_table, self.onsite_model)
        if not rows:
            self._say(self.tr("请先在“在访”列表中选择要签离的访客。"))
            return
        actor, ids = self.actor, [r.id for r in rows]
        names = "、".join(r.name for r in rows)
        self._check_out(
            lambda _p: visitors.check_out(actor, ids),
            lambda n: self.tr("已签离 {n} 批：{names}。").format(n=n, names=names),
            rows,
        )

    def check_out_all(self) -> None:
        n = self.onsite_model.rowCount()
        if not n:
            self._say(self.tr("当前没有在访人员。"))
            return
        if not prompts.ask(
            self, self.tr("全部签离"), self.tr("将在访的 {n} 批访客全部签离（下班清场）吗？").format(n=n)
        ):
            return
        actor, rows = self.actor, list(self.onsite_model.rows)
        self._check_out(
            lambda _p: visitors.check_out(actor, [r.id for r in rows]),
            lambda done: self.tr("已全部签离，共 {n} 批。").format(n=done),
            rows,
        )

    def _check_out(self, work, message, rows: list[VisitRow]) -> None:
        def done(n: int) -> None:
            self._offer_undo(rows)
            self._say(message(n) + " " + self.tr("5 分钟内可撤销（Ctrl+Z）。"))
            self.refresh()

        def failed(exc: BaseException) -> None:
            prompts.show_error(self, exc)
            self.refresh()

        ops.run(self, work, done, failed, label=self.tr("正在签离…"), write=True, changes=(changes.VISITS,))

    def _offer_undo(self, rows: list[VisitRow]) -> None:
        """撤销签离 stays offered for as long as the service allows it."""
        self._undo_ids = [r.id for r in rows]
        self._undo_badges = {r.id: r.badge_no for r in rows}
        self.undo_button.show()
        self._undo_timer.start(int(visitors.UNDO_CHECK_OUT.total_seconds() * 1000))

    def _withdraw_undo(self) -> None:
        self._undo_ids = []
        self._undo_timer.stop()
        self.undo_button.hide()

    def undo_check_out(self) -> None:
        if not self._undo_ids:
            return
        ids, badges, actor = self._undo_ids, self._undo_badges, self.actor
        self._withdraw_undo()

        def done(rows: list[VisitRow]) -> None:
            text = self.tr("已撤销签离：{names}。").format(names="、".join(r.name for r in rows))
            lost = [r.name for r in rows if badges.get(r.id) and not r.badge_no]
            if lost:
                text += self.tr("{names} 的胸卡已发给他人，请重新发卡。").format(names="、".join(lost))
            self._say(text)
            self.refresh()

        def failed(exc: BaseException) -> None:
            prompts.show_error(self, exc)
            self.refresh()

        ops.run(
            self,
            lambda _p: visitors.undo_check_out(actor, ids),
            done,
            failed,
            label=self.tr("正在撤销签离…"),
            write=True,
            changes=(changes.VISITS,),
        )

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
        printing.show_preview(self, path, title)
