"""我的账户: everyone keeps their own e-mail address and password (issue 11: notices by e-mail
reach only people whose address is known, and only the administrator could enter one)."""

from __future__ import annotations

import pytest

from desktop.models import User
from desktop.services import auth
from desktop.services.demo import DEMO_PASSWORD
from desktop.services.errors import ServiceError, StaleRecord, ValidationError


def test_a_receptionist_sets_her_own_email(demo_db):
    actor = auth.actor_by_username("qiantai")
    info = auth.update_own_account(actor, email=" qiantai@example.com ")
    assert info.email == "qiantai@example.com"
    assert User.get(User.username == "qiantai").email == "qiantai@example.com"
    # nobody else's row changed
    assert User.get(User.username == "caiwu").email != "qiantai@example.com"


def test_a_bad_address_is_refused_and_nothing_is_written(demo_db):
    actor = auth.actor_by_username("qiantai")
    before = User.get(User.username == "qiantai").email
    with pytest.raises(ValidationError) as caught:
        auth.update_own_account(actor, email="not an address")
    assert set(caught.value.errors) == {"email"}
    assert User.get(User.username == "qiantai").email == before


def test_a_new_password_needs_the_current_one(demo_db):
    actor = auth.actor_by_username("qiantai")
    with pytest.raises(ValidationError) as caught:
        auth.update_own_account(actor, email="", new_password="Chang3d-pass")
    assert "old" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        auth.update_own_account(actor, email="", old_password="wrong-one", new_password="Chang3d-pass")
    assert "old" in caught.value.errors
    # still the old password
    assert auth.authenticate("qiantai", DEMO_PASSWORD).user_id == actor.user_id


def test_every_problem_is_reported_at_once(demo_db):
    actor = auth.actor_by_username("qiantai")
    with pytest.raises(ValidationError) as caught:
        auth.update_own_account(actor, email="x@", old_password="wrong-one", new_password="1")
    assert set(caught.value.errors) == {"email", "old", "new"}


def test_the_password_changes_with_the_current_one(demo_db):
    actor = auth.actor_by_username("qiantai")
    auth.update_own_account(actor, email="", old_password=DEMO_PASSWORD, new_password="Chang3d-pass")
    assert auth.authenticate("qiantai", "Chang3d-pass").user_id == actor.user_id
    with pytest.raises(ServiceError):
        auth.authenticate("qiantai", DEMO_PASSWORD)


def test_an_administrators_form_opened_before_cannot_put_the_old_address_back(demo_db):
    admin = auth.actor_by_username("admin")
    me = auth.actor_by_username("qiantai")
    opened = next(u for u in auth.list_users(admin) if u.username == "qiantai")
    auth.update_own_account(me, email="new@example.com")
    with pytest.raises(StaleRecord):
        auth.save_user(
            admin,
            user_id=opened.id,
            username=opened.username,
            display_name=opened.display_name,
            roles=set(opened.roles),
            employee_id=opened.employee_id,
            version=opened.version,
            email=opened.email,
        )
    assert User.get(User.username == "qiantai").email == "new@example.com"


def test_the_change_is_in_the_audit_trail_without_the_password(demo_db):
    from desktop.models import AuditEntry

    actor = auth.actor_by_username("qiantai")
    auth.update_own_account(
        actor, email="desk@example.com", old_password=DEMO_PASSWORD, new_password="Chang3d-pass"
    )
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (entry.kind, entry.record_id, entry.user_id) == ("user", str(actor.user_id), actor.user_id)
    assert "desk@example.com" in entry.changes and "Chang3d-pass" not in entry.changes


@pytest.mark.parametrize("address", ['=HYPERLINK("http://x")@evil', "a@b", "x" * 195 + "@a.com", "a b@c.com"])
def test_formula_like_short_and_huge_addresses_are_refused(demo_db, address):
    actor = auth.actor_by_username("qiantai")
    with pytest.raises(ValidationError) as caught:
        auth.update_own_account(actor, email=address)
    assert set(caught.value.errors) == {"email"}


def test_the_confirmation_is_checked_with_everything_else(demo_db):
    actor = auth.actor_by_username("qiantai")
    with pytest.raises(ValidationError) as caught:
        auth.update_own_account(
            actor, email="x@", old_password=DEMO_PASSWORD, new_password="Chang3d-pass", confirm="Chang3d-pasS"
        )
    assert set(caught.value.errors) == {"email", "new2"}
