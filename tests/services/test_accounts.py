"""Accounts, roles and passwords."""

from __future__ import annotations

import pytest

from desktop.models import User
from desktop.services import auth
from desktop.services.errors import ServiceError, ValidationError


def test_first_admin_only_once(database):
    assert auth.needs_first_admin()
    admin = auth.create_first_admin("root", "管理员", "secret123")
    assert admin.roles == {auth.SYSADMIN}
    assert not auth.needs_first_admin()
    with pytest.raises(ServiceError):
        auth.create_first_admin("root2", "", "secret123")


def test_passwords_are_argon2_and_checked(admin):
    stored = User.get(User.username == "root").password_hash
    assert stored.startswith("$argon2id$") and "secret123" not in stored
    assert auth.authenticate("root", "secret123").user_id == admin.user_id
    with pytest.raises(ServiceError, match="不正确"):
        auth.authenticate("root", "wrong")
    with pytest.raises(ServiceError, match="不正确"):
        auth.authenticate("nobody", "secret123")


def test_user_validation_and_inactive_accounts(admin):
    with pytest.raises(ValidationError) as exc:
        auth.save_user(
            admin,
            user_id=None,
            username="root",
            display_name="",
            roles=set(),
            employee_id=None,
            password="123",
        )
    assert set(exc.value.errors) == {"username", "roles", "password"}
    info = auth.save_user(
        admin,
        user_id=None,
        username="guard",
        display_name="门卫",
        roles={auth.RECEPTIONIST},
        employee_id=None,
        password="abcdef12",
    )
    auth.save_user(
        admin,
        user_id=info.id,
        username="guard",
        display_name="门卫",
        roles={auth.RECEPTIONIST},
        employee_id=None,
        active=False,
    )
    with pytest.raises(ServiceError, match="停用"):
        auth.authenticate("guard", "abcdef12")


def test_last_sysadmin_cannot_be_removed(admin):
    with pytest.raises(ServiceError, match="系统管理员"):
        auth.save_user(
            admin,
            user_id=admin.user_id,
            username="root",
            display_name="",
            roles={auth.AUDITOR},
            employee_id=None,
        )
    assert auth.refresh(admin).roles == {auth.SYSADMIN}


def test_several_roles_and_permissions(admin):
    auth.save_user(
        admin,
        user_id=None,
        username="multi",
        display_name="",
        password="abcdef12",
        roles={auth.RECEPTIONIST, auth.FINANCE},
        employee_id=None,
    )
    actor = auth.authenticate("multi", "abcdef12")
    assert actor.can("visitors.desk") and actor.can("budgets.manage")
    assert not actor.can("users.manage") and not actor.can("id.unmask")


def test_change_own_password(admin):
    with pytest.raises(ValidationError):
        auth.change_own_password(admin, "wrong", "newpass1")
    auth.change_own_password(admin, "secret123", "newpass1")
    assert auth.authenticate("root", "newpass1")


# ------------------------------------------------------------------ throttling and policy


@pytest.fixture
def frozen_now(monkeypatch):
    """clock.now() under the test's control, moved with ``frozen_now.advance(seconds)``."""
    import datetime as dt

    from desktop import clock

    class Now:
        value = dt.datetime(2026, 11, 23, 9, 0, 0)

        def advance(self, seconds: float) -> None:
            self.value += dt.timedelta(seconds=seconds)

    now = Now()
    monkeypatch.setattr(clock, "now", lambda: now.value)
    return now


def _fail(times: int, username: str = "root") -> None:
    for _ in range(times):
        with pytest.raises(ServiceError, match="不正确"):
            auth.authenticate(username, "wrong-password")


def test_five_failures_lock_the_account_with_a_growing_wait(admin, frozen_now):
    _fail(4)
    assert auth.authenticate("root", "secret123")  # four in a row cost nothing, success resets
    _fail(5)
    with pytest.raises(auth.LoginThrottled, match="30 秒") as exc:
        auth.authenticate("root", "secret123")  # even the right password waits
    assert exc.value.seconds == 30
    frozen_now.advance(10)
    with pytest.raises(auth.LoginThrottled, match="20 秒"):
        auth.authenticate("root", "secret123")
    frozen_now.advance(21)
    _fail(1)  # the sixth failure in a row: twice as long
    with pytest.raises(auth.LoginThrottled, match="60 秒"):
        auth.authenticate("root", "secret123")
    frozen_now.advance(61)
    _fail(1)
    with pytest.raises(auth.LoginThrottled, match="2 分钟"):
        auth.authenticate("root", "secret123")
    frozen_now.advance(121)
    assert auth.authenticate("root", "secret123").username == "root"
    user = User.get(User.username == "root")
    assert user.failed_logins == 0 and user.locked_until is None
    _fail(4)  # counting starts again from zero
    assert auth.authenticate("root", "secret123")


def test_lock_is_per_account_and_capped(admin, frozen_now):
    make = dict(display_name="", roles={auth.RECEPTIONIST}, employee_id=None, password="desk-pass-9")
    auth.save_user(admin, user_id=None, username="desk", **make)
    _fail(5, "desk")
    assert auth.authenticate("root", "secret123")  # another account is not affected
    assert auth.lock_seconds(4) == 0 and auth.lock_seconds(5) == 30 and auth.lock_seconds(6) == 60
    assert auth.lock_seconds(40) == auth.MAX_LOCK_SECONDS


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("", "空格"),
        ("        ", "空格"),
        ("short1", "至少 8 位"),
        ("1234567", "至少 8 位"),
        ("12345678", "常见"),
        ("password", "常见"),
        ("Password", "常见"),
        ("qwerty123", "常见"),
        ("demo1234", "常见"),
    ],
)
def test_password_policy(admin, password, rule):
    for call in (
        lambda: auth.save_user(
            admin,
            user_id=None,
            username="new",
            display_name="",
            roles={auth.RECEPTIONIST},
            employee_id=None,
            password=password,
        ),
        lambda: auth.change_own_password(admin, "secret123", password),
    ):
        with pytest.raises(ValidationError) as exc:
            call()
        message = next(iter(exc.value.errors.values()))
        assert rule in message
    with pytest.raises(ValidationError, match=rule):
        auth.create_first_admin("other", "", password)


def test_demo_accounts_keep_their_published_password(demo_db):
    assert auth.authenticate("admin", "demo1234").username == "admin"


def test_demo_refuses_a_database_with_accounts(admin):
    from desktop.services import demo

    with pytest.raises(ServiceError, match="空数据库"):
        demo.seed_demo()
    assert [u.username for u in User.select()] == ["root"]


def test_dummy_hash_is_made_on_first_use_not_at_import():
    import subprocess
    import sys

    code = (
        "import argon2\n"
        "calls = []\n"
        "original = argon2.PasswordHasher.hash\n"
        "argon2.PasswordHasher.hash = lambda self, *a, **k: calls.append(1) or original(self, *a, **k)\n"
        "import desktop.services.auth as auth\n"
        "print(len(calls))\n"
    )
    root = __import__("pathlib").Path(__file__).parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "0"
