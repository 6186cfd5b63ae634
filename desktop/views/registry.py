"""The main views, in one list: the navigation, the screenshot command and later issues use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.services.auth import Actor

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class QCoreApplication:
    """Qt's translate, imported on the first call: the CLI lists the view keys for its parser on
    every command, and that must not load Qt (~350 ms). Keeps the ``QCoreApplication.translate``
    spelling that lupdate extracts."""

    @staticmethod
    def translate(context: str, text: str) -> str:
        from PySide6.QtCore import QCoreApplication as _Qt

        return _Qt.translate(context, text)


@dataclass(frozen=True)
class ViewSpec:
    key: str  # the name the screenshot command takes
    label: Callable[[], str]  # translated at call time
    permissions: tuple[str, ...]  # any one of these lets the actor open it
    factory: Callable[[Actor], QWidget]


def _dashboard(actor: Actor) -> QWidget:
    from desktop.views.dashboard import DashboardView

    return DashboardView(actor)


def _desk(actor: Actor) -> QWidget:
    from desktop.views.visitor_desk import VisitorDeskView

    return VisitorDeskView(actor)


def _log(actor: Actor) -> QWidget:
    from desktop.views.visitor_log import VisitorLogView

    return VisitorLogView(actor)


def _preregister(actor: Actor) -> QWidget:
    from desktop.views.preregister import PreregisterView

    return PreregisterView(actor)


def _applications(actor: Actor) -> QWidget:
    from desktop.views.applications import ApplicationsView

    return ApplicationsView(actor)


def _approvals(actor: Actor) -> QWidget:
    from desktop.views.approvals import ApprovalsView

    return ApprovalsView(actor)


def _schedule(actor: Actor) -> QWidget:
    from desktop.views.schedule import ScheduleView

    return ScheduleView(actor)


def _feedback(actor: Actor) -> QWidget:
    from desktop.views.feedback import FeedbackView

    return FeedbackView(actor)


def _expenses(actor: Actor) -> QWidget:
    from desktop.views.expenses import ExpensesView

    return ExpensesView(actor)


def _reconciliation(actor: Actor) -> QWidget:
    from desktop.views.reconciliation import ReconciliationView

    return ReconciliationView(actor)


def _fines(actor: Actor) -> QWidget:
    from desktop.views.fines import FinesView

    return FinesView(actor)


def _audit_log(actor: Actor) -> QWidget:
    from desktop.views.audit_log import AuditLogView

    return AuditLogView(actor)


def main_views() -> list[ViewSpec]:
    return [
        ViewSpec(
            "dashboard",
            lambda: QCoreApplication.translate("nav", "首页"),
            ("visitors.desk", "arrangements.manage", "expenses.audit", "expenses.approve"),
            _dashboard,
        ),
        ViewSpec(
            "visitors", lambda: QCoreApplication.translate("nav", "来访登记"), ("visitors.desk",), _desk
        ),
        ViewSpec(
            "preregister",
            lambda: QCoreApplication.translate("nav", "访客预约"),
            ("visitors.preregister",),
            _preregister,
        ),
        ViewSpec(
            "applications",
            lambda: QCoreApplication.translate("nav", "接待申请"),
            ("applications.file", "applications.view_all"),
            _applications,
        ),
        ViewSpec(
            "approvals",
            lambda: QCoreApplication.translate("nav", "审批"),
            ("approvals.decide",),
            _approvals,
        ),
        ViewSpec(
            "schedule",
            lambda: QCoreApplication.translate("nav", "接待日程"),
            ("schedule.view", "arrangements.manage"),
            _schedule,
        ),
        ViewSpec(
            "feedback",
            lambda: QCoreApplication.translate("nav", "信息反馈"),
            ("feedback.view", "feedback.file"),
            _feedback,
        ),
        ViewSpec(
            "expenses",
            lambda: QCoreApplication.translate("nav", "费用报销"),
            ("expenses.view", "expenses.file", "expenses.audit", "expenses.approve"),
            _expenses,
        ),
        ViewSpec(
            "reconciliation",
            lambda: QCoreApplication.translate("nav", "财务对账"),
            ("finance.import",),
            _reconciliation,
        ),
        ViewSpec(
            "fines",
            lambda: QCoreApplication.translate("nav", "赞助单"),
            ("fines.manage", "fines.view"),
            _fines,
        ),
        ViewSpec("log", lambda: QCoreApplication.translate("nav", "来访记录"), ("visitors.log",), _log),
        ViewSpec(
            "audit-log",
            lambda: QCoreApplication.translate("nav", "审计日志"),
            ("audit.view",),
            _audit_log,
        ),
    ]


def view_keys() -> list[str]:
    return [v.key for v in main_views()]


def allowed(spec: ViewSpec, actor: Actor) -> bool:
    return any(actor.can(p) for p in spec.permissions)


def start_view(specs: list[ViewSpec], actor: Actor) -> str | None:
    """The view shown after login.

    The dashboard (首页) comes first for managers, admin and finance; a receptionist starts at
    the desk with the cursor in 姓名, because the first visitor is often already waiting — the
    desk figures are one click away under 首页.
    """
    from desktop.services import auth

    keys = [s.key for s in specs]
    if auth.RECEPTIONIST in actor.roles and "visitors" in keys:
        return "visitors"
    return keys[0] if keys else None
