"""A save from a stale window (issue 10, no lost updates): the editor says who changed the record
and when, keeps what was typed, and offers 重新载入."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.models import Application
from desktop.services import applications as apps
from desktop.services import auth
from desktop.views.application_editor import ApplicationDialog


@pytest.fixture
def draft(demo_db):
    lina = auth.actor_by_username("lina")
    return lina, next(a for a in apps.list_applications(lina) if a.status == apps.DRAFT)


def _other_window_saves(lina, app_id: int, purpose: str) -> None:
    form = apps.get(lina, app_id).form
    apps.save_draft(lina, dataclasses.replace(form, purpose=purpose), app_id)


def test_stale_application_editor_keeps_the_typed_text(qtbot, draft, scripted):
    lina, info = draft
    dialog = ApplicationDialog(lina, info.id)
    qtbot.addWidget(dialog)
    _other_window_saves(lina, info.id, "另一个窗口写的")
    dialog.purpose.setPlainText("这扇窗口里刚输入的")
    assert dialog.save() is False
    kind, _title, text = scripted.shown[-1]
    assert kind == "ask" and "李娜" in text and "请重新打开后再改" in text
    assert dialog.purpose.toPlainText() == "这扇窗口里刚输入的" and dialog.is_modified()
    assert Application.get_by_id(info.id).purpose == "另一个窗口写的"


def test_stale_application_editor_reloads_when_asked(qtbot, draft, scripted):
    lina, info = draft
    dialog = ApplicationDialog(lina, info.id)
    qtbot.addWidget(dialog)
    _other_window_saves(lina, info.id, "另一个窗口写的")
    dialog.purpose.setPlainText("这扇窗口里刚输入的")
    scripted.answers = [True]  # 重新载入
    assert dialog.save() is False
    assert dialog.purpose.toPlainText() == "另一个窗口写的" and not dialog.is_modified()
    dialog.purpose.setPlainText("重新载入后再改")
    assert dialog.save() is True  # the reloaded copy carries the new version
    assert Application.get_by_id(info.id).purpose == "重新载入后再改"
