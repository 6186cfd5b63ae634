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
        password="abcdef",
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
        auth.authenticate("guard", "abcdef")


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
        password="abcdef",
        roles={auth.RECEPTIONIST, auth.FINANCE},
        employee_id=None,
    )
    actor = auth.authenticate("multi", "abcdef")
    assert actor.can("visitors.desk") and actor.can("budgets.manage")
    assert not actor.can("users.manage") and not actor.can("id.unmask")


def test_change_own_password(admin):
    with pytest.raises(ValidationError):
        auth.change_own_password(admin, "wrong", "newpass1")
    auth.change_own_password(admin, "secret123", "newpass1")
    assert auth.authenticate("root", "newpass1")
