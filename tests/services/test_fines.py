"""赞助单 (regulation 001 §4.4): article amounts from the settings, the severity multiplier, the
direct leader's linked 20 % share, totals per person and month, and who may record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop import clock
from desktop.models import Employee, Fine
from desktop.services import auth, fines, settings
from desktop.services.errors import PermissionDenied, ValidationError


@pytest.fixture
def office(demo_db):
    people = {e.name: e.id for e in Employee.select()}
    return auth.actor_by_username("shenji"), people


def test_breach_amount_and_the_leaders_linked_share(office):
    auditor, people = office
    slip = fines.record(
        auditor,
        fines.FineForm(people["黄磊"], "4.3", clock.today(), multiplier=3, description="参观时闲谈"),
    )
    assert slip.fine.amount == Decimal("60.00")  # 20 yuan × 3 for a serious case
    assert slip.fine.person == "黄磊" and slip.fine.article_title == "来宾参观时的接待"
    [share] = slip.shares
    assert share.person == "张伟" and share.share_percent == 20 and share.amount == Decimal("12.00")
    assert share.primary_id == slip.fine.id and slip.total == Decimal("72.00")
    assert fines.get(auditor, share.id).fine.id == slip.fine.id  # the share opens its breach


def test_articles_and_share_are_settings(office):
    auditor, people = office
    admin = auth.actor_by_username("admin")
    settings.save(
        admin, {"fine_articles": "4.1 到达前准备=15；4.2 接待中=15；4.3 参观时=30", "fine_leader_share": "50"}
    )
    slip = fines.record(auditor, fines.FineForm(people["李娜"], "4.2", clock.today()))
    assert slip.fine.amount == Decimal("15.00") and slip.shares[0].amount == Decimal("7.50")
    with pytest.raises(ValidationError) as exc:
        settings.save(admin, {"fine_articles": "四点一 十元"})
    assert "fine_articles" in exc.value.errors


def test_rules_for_recording(office):
    auditor, people = office
    today = clock.today()
    with pytest.raises(ValidationError) as exc:
        fines.record(auditor, fines.FineForm(people["李娜"], "4.2", today, multiplier=2))
    assert "description" in exc.value.errors  # a serious case says why
    with pytest.raises(ValidationError) as exc:
        fines.record(
            auditor, fines.FineForm(people["李娜"], "4.9", today + dt.timedelta(days=1), multiplier=6)
        )
    assert {"article", "occurred_on", "multiplier"} <= set(exc.value.errors)
    with pytest.raises(PermissionDenied):
        fines.record(auth.actor_by_username("lina"), fines.FineForm(people["黄磊"], "4.2", today))
    office_manager = auth.actor_by_username("liuyang")  # admin office may record, not against himself
    with pytest.raises(ValidationError) as exc:
        fines.record(office_manager, fines.FineForm(people["刘洋"], "4.1", today))
    assert "person_id" in exc.value.errors
    fines.record(office_manager, fines.FineForm(people["王芳"], "4.1", today))


def test_totals_per_person_and_month_and_void(office):
    auditor, people = office
    today = clock.today()
    before = {(t.month, t.person): t.amount for t in fines.month_totals(fines.list_fines(auditor))}
    slip = fines.record(auditor, fines.FineForm(people["李娜"], "4.2", today))
    fines.record(auditor, fines.FineForm(people["李娜"], "4.1", today))
    month = f"{today:%Y-%m}"
    totals = {(t.month, t.person): t for t in fines.month_totals(fines.list_fines(auditor))}
    assert totals[(month, "李娜")].amount == before.get((month, "李娜"), 0) + Decimal("20.00")
    assert totals[(month, "张伟")].amount == before.get((month, "张伟"), 0) + Decimal("4.00")
    with pytest.raises(ValidationError):
        fines.void(auditor, slip.fine.id, " ")
    fines.void(auditor, slip.fine.id, "记录有误")
    assert Fine.select().where(Fine.primary == slip.fine.id, Fine.voided_at.is_null()).count() == 0
    totals = {(t.month, t.person): t for t in fines.month_totals(fines.list_fines(auditor))}
    assert totals[(month, "李娜")].amount == before.get((month, "李娜"), 0) + Decimal("10.00")
    with pytest.raises(PermissionDenied):
        fines.list_fines(auth.actor_by_username("lina"))
