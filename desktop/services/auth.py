"""Accounts, roles and the permission table every service checks.

Passwords are hashed with Argon2id (memory-hard). A logged-in user is an :class:`Actor`, a small
immutable value the views hand to every service call.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from dataclasses import dataclass, field

import peewee
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import Employee, User, UserRole
from desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError

RECEPTIONIST = "receptionist"
HOST = "host"
DEPT_MANAGER = "dept_manager"
ADMIN_OFFICE = "admin_office"
FINANCE = "finance"
GENERAL_MANAGER = "general_manager"
AUDITOR = "auditor"
SYSADMIN = "sysadmin"
CHAIRMAN = "chairman"  # 董事长: approves level-A receptions

ROLES: tuple[str, ...] = (
    RECEPTIONIST,
    HOST,
    DEPT_MANAGER,
    ADMIN_OFFICE,
    FINANCE,
    GENERAL_MANAGER,
    AUDITOR,
    SYSADMIN,
    CHAIRMAN,
)


def role_label(role: str) -> str:
    labels = {
        RECEPTIONIST: translate("roles", "前台"),
        HOST: translate("roles", "接待人（员工）"),
        DEPT_MANAGER: translate("roles", "部门负责人"),
        ADMIN_OFFICE: translate("roles", "行政部"),
        FINANCE: translate("roles", "财务"),
        GENERAL_MANAGER: translate("roles", "总经理"),
        AUDITOR: translate("roles", "审计"),
        SYSADMIN: translate("roles", "系统管理员"),
        CHAIRMAN: translate("roles", "董事长"),
    }
    return labels.get(role, role)


# permission → roles allowed. The one table every service consults.
PERMISSIONS: dict[str, frozenset[str]] = {
    "visitors.desk": frozenset({RECEPTIONIST, ADMIN_OFFICE, SYSADMIN}),
    "visitors.preregister": frozenset(
        {RECEPTIONIST, HOST, DEPT_MANAGER, ADMIN_OFFICE, GENERAL_MANAGER, SYSADMIN}
    ),
    "visitors.log": frozenset({RECEPTIONIST, ADMIN_OFFICE, AUDITOR, GENERAL_MANAGER, DEPT_MANAGER, SYSADMIN}),
    "visitors.deny_override": frozenset({ADMIN_OFFICE, GENERAL_MANAGER, SYSADMIN}),
    "denylist.manage": frozenset({ADMIN_OFFICE, SYSADMIN}),
    "org.manage": frozenset({ADMIN_OFFICE, SYSADMIN}),
    "settings.manage": frozenset({ADMIN_OFFICE, SYSADMIN}),
    "users.manage": frozenset({SYSADMIN}),
    "id.unmask": frozenset({SYSADMIN}),
    "standards.manage": frozenset({ADMIN_OFFICE, SYSADMIN}),
    "budgets.manage": frozenset({FINANCE, ADMIN_OFFICE, SYSADMIN}),
    "chain.manage": frozenset({SYSADMIN}),
    "applications.file": frozenset({HOST, DEPT_MANAGER, ADMIN_OFFICE, SYSADMIN}),
    "approvals.decide": frozenset({DEPT_MANAGER, ADMIN_OFFICE, FINANCE, GENERAL_MANAGER, CHAIRMAN}),
    "arrangements.manage": frozenset({ADMIN_OFFICE, SYSADMIN}),
    "schedule.view": frozenset(
        {
            ADMIN_OFFICE,
            GENERAL_MANAGER,
            DEPT_MANAGER,
            RECEPTIONIST,
            HOST,
            FINANCE,
            AUDITOR,
            CHAIRMAN,
            SYSADMIN,
        }
    ),
    "finance.import": frozenset({FINANCE, SYSADMIN}),
    "expenses.file": frozenset({HOST, DEPT_MANAGER, ADMIN_OFFICE, SYSADMIN}),
    "expenses.audit": frozenset({FINANCE}),
    "expenses.approve": frozenset({GENERAL_MANAGER}),
    "expenses.reimburse": frozenset({FINANCE}),
    "expenses.view": frozenset({FINANCE, GENERAL_MANAGER, AUDITOR, ADMIN_OFFICE, SYSADMIN}),
    "feedback.file": frozenset({HOST, DEPT_MANAGER, ADMIN_OFFICE, SYSADMIN}),
    "feedback.signoff": frozenset({DEPT_MANAGER}),
    "fines.manage": frozenset({AUDITOR, ADMIN_OFFICE}),
    "fines.view": frozenset({AUDITOR, ADMIN_OFFICE, GENERAL_MANAGER, SYSADMIN}),
    "expenses.dept_signoff": frozenset({DEPT_MANAGER}),
    "feedback.view": frozenset({HOST, DEPT_MANAGER, ADMIN_OFFICE, GENERAL_MANAGER, AUDITOR, SYSADMIN}),
    "applications.view_all": frozenset({ADMIN_OFFICE, FINANCE, GENERAL_MANAGER, AUDITOR, SYSADMIN}),
    "audit.view": frozenset({AUDITOR, SYSADMIN}),  # 审计日志 and verify-audit (issue 12)
    # 备份与恢复 and the retention run (个人信息保护法): the whole database, so the administrator only
    "system.backup": frozenset({SYSADMIN}),
    "system.retention": frozenset({SYSADMIN}),
}


# The test suite sets RECEPTION_FAST_HASH to use a cheap Argon2id (it creates many accounts);
# the program itself always uses argon2-cffi's recommended memory-hard parameters.
_hasher = (
    PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if os.environ.get("RECEPTION_FAST_HASH")
    else PasswordHasher()
)


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    display_name: str
    roles: frozenset[str]
    employee_id: int | None = None
    language: str = ""

    def can(self, permission: str) -> bool:
        return bool(self.roles & PERMISSIONS[permission])

    @property
    def label(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    roles: tuple[str, ...]
    employee_id: int | None
    employee_name: str
    active: bool
    last_login: dt.datetime | None = None
    role_labels: tuple[str, ...] = field(default=())
    version: int = 0  # hand back to save_user (services.versioning)
    email: str = ""  # where e-mail notifications reach this person (设置 → 通知)


def require(actor: Actor, permission: str) -> None:
    if not actor.can(permission):
        raise PermissionDenied(
            translate("services", "您的角色无权执行此操作（需要：{roles}）。").format(
                roles="、".join(role_label(r) for r in ROLES if r in PERMISSIONS[permission])
            )
        )


def require_any(actor: Actor, *permissions: str) -> None:
    if not any(actor.can(p) for p in permissions):
        require(actor, permissions[0])


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _actor_for(user: User) -> Actor:
    roles = frozenset(r.role for r in UserRole.select().where(UserRole.user == user))
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=roles,
        employee_id=user.employee_id,
        language=user.language,
    )


def needs_first_admin() -> bool:
    """True on a fresh database: the GUI must ask for an administrator before anything else."""
    return not User.select().exists()


MIN_PASSWORD = 8
# The passwords tried first by anyone guessing (the top of the leaked-password lists, Chinese
# favourites included) and the demo's published password. Compared without case.
COMMON_PASSWORDS = frozenset(
    {
        "123456",
        "1234567",
        "12345678",
        "123456789",
        "1234567890",
        "0123456789",
        "111111",
        "11111111",
        "000000",
        "00000000",
        "88888888",
        "66666666",
        "123123",
        "123123123",
        "654321",
        "87654321",
        "112233",
        "147258369",
        "password",
        "password1",
        "passw0rd",
        "p@ssw0rd",
        "qwerty",
        "qwerty123",
        "qwertyuiop",
        "1qaz2wsx",
        "1q2w3e4r",
        "abc123",
        "abc12345",
        "abcd1234",
        "a1234567",
        "a123456",
        "aa123456",
        "admin",
        "admin123",
        "admin888",
        "administrator",
        "iloveyou",
        "woaini1314",
        "5201314",
        "letmein",
        "welcome",
        "welcome1",
        "changeme",
        "demo1234",
    }
)


def _check_password_rules(password: str, errors: dict[str, str]) -> None:
    """For new and changed passwords only: existing accounts (and the demo's) keep theirs."""
    if not password.strip():
        errors["password"] = translate("services", "密码不能为空，也不能只有空格。")
    elif len(password) < MIN_PASSWORD:
        errors["password"] = translate("services", "密码至少 {n} 位。").format(n=MIN_PASSWORD)
    elif password.strip().lower() in COMMON_PASSWORDS:
        errors["password"] = translate("services", "这个密码太常见，容易被猜中，请换一个。")


def create_first_admin(username: str, display_name: str, password: str) -> Actor:
    errors: dict[str, str] = {}
    if not username.strip():
        errors["username"] = translate("services", "请填写用户名。")
    _check_password_rules(password, errors)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        if User.select().exists():
            raise ServiceError(translate("services", "已经有管理员账户，请登录。"))
        user = User.create(
            username=username.strip(),
            display_name=display_name.strip() or username.strip(),
            password_hash=hash_password(password),
        )
        UserRole.create(user=user, role=SYSADMIN)
        _audit().record(
            _actor_for(user),
            "create",
            "user",
            user.id,
            {"username": (None, user.username), "roles": (None, [SYSADMIN])},
        )
    return _actor_for(user)


def _audit():
    """desktop.services.audit, imported late: it imports this module for Actor and require."""
    from desktop.services import audit

    return audit


def _failed_login(username: str, why: str, user_id: int | None = None) -> None:
    """Every failed login goes into the audit trail (issue 12): nobody is logged in, so the
    entry carries the name that was tried."""
    _audit().record(None, "login_failed", "login", user_id or "", note=why, user_name=username.strip()[:60])
    # An auditor's 审计日志 open on another PC shows it at once (the account's failure count
    # changed too); imported late, like the audit module.
    from desktop.services import change_feed

    change_feed.publish_quietly(["users"])


# Throttling: the first FREE_FAILURES wrong passwords in a row cost nothing; from then on each
# one locks the account for LOCK_SECONDS, doubling up to MAX_LOCK_SECONDS. A success resets it.
FREE_FAILURES = 5
LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 15 * 60


class LoginThrottled(ServiceError):
    """Too many wrong passwords: ``seconds`` until the next attempt is checked."""

    def __init__(self, seconds: int):
        self.seconds = seconds
        if seconds < 120:
            wait = translate("services", "{n} 秒").format(n=seconds)
        else:
            wait = translate("services", "{n} 分钟").format(n=-(-seconds // 60))
        super().__init__(translate("services", "密码错误次数过多，请 {wait}后再试。").format(wait=wait))


def lock_seconds(failures: int) -> int:
    """How long the account waits after ``failures`` wrong passwords in a row."""
    if failures < FREE_FAILURES:
        return 0
    return min(LOCK_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS)


def authenticate(username: str, password: str) -> Actor:
    user = User.get_or_none(User.username == username.strip())
    bad = ServiceError(translate("services", "用户名或密码不正确。"))
    if user is None:
        # Spend the same time as a real check so usernames cannot be probed by timing.
        try:
            _hasher.verify(_dummy_hash(), password)
        except VerificationError:
            pass
        _failed_login(username, translate("services", "用户名不存在"))
        raise bad
    now = clock.now()
    if user.locked_until is not None and user.locked_until > now:
        # Not even checked: a right guess during the wait must not be told apart from a wrong one.
        _failed_login(username, translate("services", "账户暂时锁定"), user.id)
        raise LoginThrottled(max(1, int(-(-(user.locked_until - now).total_seconds() // 1))))
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        _record_failure(user.id, now)
        _failed_login(username, translate("services", "密码错误"), user.id)
        raise bad from None
    if not user.active:
        _failed_login(username, translate("services", "账户已停用"), user.id)
        raise ServiceError(translate("services", "该账户已停用，请联系系统管理员。"))
    with database.atomic():
        fields = {User.last_login: now, User.failed_logins: 0, User.locked_until: None}
        if _hasher.check_needs_rehash(user.password_hash):
            fields[User.password_hash] = hash_password(password)
        User.update(fields).where(User.id == user.id).execute()
    return _actor_for(user)


def _record_failure(user_id: int, now: dt.datetime) -> None:
    """Count one wrong password (in the database: two windows or the CLI share the count)."""
    with database.atomic():
        User.update(failed_logins=User.failed_logins + 1).where(User.id == user_id).execute()
        failures = User.select(User.failed_logins).where(User.id == user_id).scalar() or 0
        seconds = lock_seconds(failures)
        if seconds:
            User.update(locked_until=now + dt.timedelta(seconds=seconds)).where(User.id == user_id).execute()


@functools.cache
def _dummy_hash() -> str:
    """Made on first use: hashing at import time cost every start-up (and every CLI call)
    a full Argon2 computation."""
    return _hasher.hash("not-a-real-password")


def actor_by_username(username: str) -> Actor:
    """For the demo and the screenshot command, which log in without a password."""
    user = User.get_or_none(User.username == username)
    if user is None:
        raise NotFound(translate("services", "没有用户 {name}。").format(name=username))
    return _actor_for(user)


def first_sysadmin() -> Actor | None:
    row = (
        User.select()
        .join(UserRole)
        .where(UserRole.role == SYSADMIN, User.active == True)  # noqa: E712
        .order_by(User.id)
        .first()
    )
    return _actor_for(row) if row else None


def refresh(actor: Actor) -> Actor:
    user = User.get_or_none(User.id == actor.user_id)
    if user is None:
        raise NotFound(translate("services", "账户不存在。"))
    return _actor_for(user)


def _info(user: User) -> UserInfo:
    roles = tuple(r for r in ROLES if r in {x.role for x in user.role_rows})
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        roles=roles,
        employee_id=user.employee_id,
        employee_name=user.employee.name if user.employee_id else "",
        active=user.active,
        last_login=user.last_login,
        role_labels=tuple(role_label(r) for r in roles),
        version=user.version,
        email=user.email,
    )


def list_users(actor: Actor) -> list[UserInfo]:
    require(actor, "users.manage")
    users = User.select().order_by(User.username)
    return [_info(u) for u in peewee.prefetch(users, UserRole)]


def save_user(
    actor: Actor,
    *,
    user_id: int | None,
    username: str,
    display_name: str,
    roles: set[str] | frozenset[str],
    employee_id: int | None,
    active: bool = True,
    password: str | None = None,
    version: int | None = None,
    email: str | None = None,
) -> UserInfo:
    """Create or update an account. A new account needs a password; an edit may leave it.
    ``email`` (None: unchanged) is where e-mail notifications reach the person.

    ``version`` is :attr:`UserInfo.version` of the copy edited: a form opened before another
    administrator's change is refused (StaleRecord), so it cannot re-activate an account that
    was deactivated meanwhile.
    """
    require(actor, "users.manage")
    from desktop.services import validation, versioning

    errors: dict[str, str] = {}
    username = validation.text(
        errors, "username", translate("services", "用户名"), username, field=User.username
    )
    display_name = validation.text(
        errors, "display_name", translate("services", "显示名"), display_name, field=User.display_name
    )
    if "username" in errors:
        pass
    elif not username:
        errors["username"] = translate("services", "请填写用户名。")
    elif User.select().where(User.username == username, User.id != (user_id or 0)).exists():
        errors["username"] = translate("services", "用户名已被占用。")
    unknown = set(roles) - set(ROLES)
    if unknown:
        errors["roles"] = translate("services", "未知角色：{roles}").format(roles=", ".join(unknown))
    if not roles:
        errors["roles"] = translate("services", "至少选择一个角色。")
    if user_id is None or password:
        _check_password_rules(password or "", errors)
    if employee_id is not None and not Employee.select().where(Employee.id == employee_id).exists():
        errors["employee"] = translate("services", "员工不存在。")
    if email is not None:
        email = clean_email(errors, email)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        before: dict = {}
        if user_id is None:
            user = User.create(
                username=username,
                display_name=display_name.strip() or username,
                password_hash=hash_password(password or ""),
                employee=employee_id,
                active=active,
                email=email or "",
            )
        else:
            user = User.get_or_none(User.id == user_id)
            if user is None:
                raise NotFound(translate("services", "账户不存在。"))
            versioning.claim(user, version, actor)
            before = _audit().snapshot(user)
            before["roles"] = sorted(r.role for r in UserRole.select().where(UserRole.user == user))
            user.username = username
            user.display_name = display_name.strip() or username
            user.employee = employee_id
            user.active = active
            if email is not None:
                user.email = email
            if password:
                user.password_hash = hash_password(password)
            user.save()
        UserRole.delete().where(UserRole.user == user).execute()
        for role in sorted(roles):
            UserRole.create(user=user, role=role)
        _ensure_a_sysadmin_remains()
        changes = _audit().row_changes(
            before,
            {**user.__data__, "roles": sorted(roles)},
            skip=frozenset({"version", "updated_at", "updated_by_id", "password_hash"}),
        )
        if password:
            changes["password"] = (None, translate("services", "（已设置）"))
        _audit().record(actor, "edit" if before else "create", "user", user.id, changes, user.username)
    return _info(User.get_by_id(user.id))


def clean_email(errors: dict[str, str], value: str) -> str:
    """An e-mail address for notifications, trimmed; empty is allowed (no e-mail)."""
    email = value.strip()
    if email and (len(email) > 200 or not _EMAIL.fullmatch(email)):
        errors["email"] = translate("services", "电子邮件地址格式不正确。")
    return email


# name@domain.tld: one @, a dotted domain, no spaces, quotes, brackets or a leading "=" (a
# formula-like text is not an address, and it would reach the SMTP server and the exports)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")


def _ensure_a_sysadmin_remains() -> None:
    exists = (
        User.select()
        .join(UserRole)
        .where(UserRole.role == SYSADMIN, User.active == True)  # noqa: E712
        .exists()
    )
    if not exists:
        # Raising inside the caller's transaction rolls the change back.
        raise ServiceError(translate("services", "至少要保留一个启用的系统管理员账户。"))


def change_own_password(actor: Actor, old: str, new: str) -> None:
    user = User.get_by_id(actor.user_id)
    try:
        _hasher.verify(user.password_hash, old)
    except (VerificationError, InvalidHashError):
        raise ValidationError({"old": translate("services", "原密码不正确。")}) from None
    errors: dict[str, str] = {}
    _check_password_rules(new, errors)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        user.password_hash = hash_password(new)
        user.save()
        _audit().record(
            actor, "edit", "user", user.id, {"password": (None, translate("services", "（已修改）"))}
        )


def own_account(actor: Actor) -> UserInfo:
    """What 我的账户 shows: the signed-in person's own account, whatever their roles."""
    user = User.get_or_none(User.id == actor.user_id)
    if user is None or not user.active:
        raise NotFound(translate("services", "账户不存在。"))
    return _info(user)


def update_own_account(
    actor: Actor, *, email: str, old_password: str = "", new_password: str = "", confirm: str | None = None
) -> UserInfo:
    """Everyone keeps their own e-mail address (where approval and arrival notices reach them)
    and password; before this only the administrator could, in 用户与角色.

    A new password needs the current one, so a PC left signed in cannot be used to take the
    account over; every problem is reported at once, and nothing is written unless all is well.
    """
    errors: dict[str, str] = {}
    email = clean_email(errors, email)
    user = User.get_or_none(User.id == actor.user_id)
    if user is None or not user.active:
        raise NotFound(translate("services", "账户不存在。"))
    if new_password or old_password:
        if not old_password:
            errors["old"] = translate("services", "修改密码需要先输入原密码。")
        else:
            try:
                _hasher.verify(user.password_hash, old_password)
            except (VerificationError, InvalidHashError):
                errors["old"] = translate("services", "原密码不正确。")
        if not new_password:
            errors["new"] = translate("services", "请填写新密码。")
        else:
            _check_password_rules(new_password, errors)
            if "password" in errors:
                errors["new"] = errors.pop("password")
        if confirm is not None and confirm != new_password:
            errors["new2"] = translate("services", "两次输入的新密码不一致。")
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        from desktop.services import versioning

        # a new version, so an administrator's form opened before this cannot put the old
        # address back (versioning.claim without an expected version: the person's own change)
        versioning.claim(user, None, actor)
        changes: dict = {}
        if user.email != email:
            changes["email"] = (user.email, email)
        user.email = email
        if new_password:
            user.password_hash = hash_password(new_password)
            changes["password"] = (None, translate("services", "（已修改）"))
        user.save()
        if changes:
            _audit().record(actor, "edit", "user", user.id, changes, note=translate("services", "本人修改"))
    return _info(User.get_by_id(user.id))


def set_own_language(actor: Actor, language: str) -> Actor:
    User.update(language=language).where(User.id == actor.user_id).execute()
    return refresh(actor)
