"""Notifications leaving the program: delivered to a local SMTP server and a local HTTP server
standing in for the DingTalk / WeCom / Feishu robots. Nothing leaves the machine."""

# ruff: noqa: F811 - `office` is the fixture imported from test_applications
from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from desktop import clock
from desktop.models import Outbox
from desktop.services import applications as apps
from desktop.services import approval, outbox
from desktop.services.errors import ServiceError
from tests.services.test_applications import form, office  # noqa: F401 - the fixture


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            received.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
            return "250 OK"

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port, received
    controller.stop()


@pytest.fixture
def robots(monkeypatch):
    """One local HTTP server answering like the three robots; the plugins post to it."""
    from apprise.plugins.dingtalk import NotifyDingTalk
    from apprise.plugins.feishu import NotifyFeishu
    from apprise.plugins.wecombot import NotifyWeComBot

    received = []
    state = {"fail": False}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            received.append((self.path, json.loads(body)))
            self.send_response(500 if state["fail"] else 200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"errcode":0,"errmsg":"ok","code":0,"StatusCode":0}')

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    monkeypatch.setattr(NotifyDingTalk, "notify_url", base + "/robot/send?access_token={token}")
    monkeypatch.setattr(NotifyWeComBot, "notify_url", base + "/cgi-bin/webhook/send?key={key}")
    monkeypatch.setattr(NotifyFeishu, "notify_url", base + "/open-apis/bot/v2/hook/{token}/")
    yield received, state
    server.shutdown()
    server.server_close()


def test_waiting_application_reaches_the_approver_by_mail_and_robots(office, admin, smtp, robots):
    sales, host, people = office
    port, mails = smtp
    posts, _ = robots
    outbox.save_channel(
        admin,
        channel_id=None,
        name="公司邮箱",
        kind=outbox.EMAIL,
        config={"host": "127.0.0.1", "port": port, "security": "none", "sender": "noreply@example.com"},
        events=[outbox.APPROVAL_WAITING, outbox.APPLICATION_RESULT],
    )
    for kind, hook in (
        (outbox.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=dtoken123"),
        (outbox.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wkey456"),
        (outbox.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/ftoken789"),
    ):
        outbox.save_channel(
            admin,
            channel_id=None,
            name=kind,
            kind=kind,
            config={"webhook": hook},
            events=[outbox.APPROVAL_WAITING],
        )
    outbox.set_email(people["manager"], people["manager"].user_id, "zhangwei@example.com")
    info = apps.submit(people["host"], apps.save_draft(people["host"], form(sales, host)).id)
    assert Outbox.select().where(Outbox.status == outbox.PENDING).count() == 4  # queued with the action
    assert outbox.send_due() == 4
    assert mails[0][0] == ["zhangwei@example.com"]
    paths = sorted(path for path, _ in posts)
    assert paths == [
        "/cgi-bin/webhook/send?key=wkey456",
        "/open-apis/bot/v2/hook/ftoken789/",
        "/robot/send?access_token=dtoken123",
    ]
    dingtalk = next(body for path, body in posts if path.startswith("/robot"))
    assert info.number in dingtalk["text"]["content"] and "@zhangwei" in dingtalk["text"]["content"]
    assert outbox.send_due() == 0  # sent once


def test_a_failing_robot_never_undoes_the_action_and_is_retried(office, admin, robots):
    sales, host, people = office
    posts, state = robots
    state["fail"] = True
    channel = outbox.save_channel(
        admin,
        channel_id=None,
        name="钉钉",
        kind=outbox.DINGTALK,
        config={"webhook": "tok"},
        events=[outbox.APPLICATION_RESULT],
    )
    info = apps.submit(people["host"], apps.save_draft(people["host"], form(sales, host)).id)
    rejected = approval.decide(people["manager"], info.id, approval.REJECT, "预算不足")
    assert rejected.status == apps.REJECTED
    now = clock.now()
    assert outbox.send_due(now) == 0
    row = Outbox.get()
    assert row.status == outbox.PENDING and row.attempts == 1 and row.last_error
    shown = outbox.channels(admin)[0]
    assert shown.id == channel.id and shown.last_error and shown.pending == 1
    assert outbox.send_due(now) == 0 and len(posts) == 1  # not due again yet
    state["fail"] = False
    assert outbox.send_due(now + dt.timedelta(minutes=2)) == 1
    assert outbox.channels(admin)[0].last_error == ""


def test_send_test_message(admin, smtp, robots):
    port, mails = smtp
    posts, state = robots
    robot = outbox.save_channel(
        admin, channel_id=None, name="飞书", kind=outbox.FEISHU, config={"webhook": "abc"}, events=[]
    )
    outbox.send_test(admin, robot.id)
    assert posts[-1][1]["content"]["text"].startswith("测试消息")
    mail = outbox.save_channel(
        admin,
        channel_id=None,
        name="邮箱",
        kind=outbox.EMAIL,
        config={"host": "127.0.0.1", "port": port, "security": "none", "sender": "a@example.com"},
        events=[],
    )
    outbox.send_test(admin, mail.id, "me@example.com")
    assert mails[-1][0] == ["me@example.com"]
    state["fail"] = True
    with pytest.raises(ServiceError):
        outbox.send_test(admin, robot.id)
    assert outbox.channels(admin)[0].last_error


def test_visitor_arrival_reaches_the_host_by_mail(office, admin, smtp):
    sales, host, people = office
    port, mails = smtp
    outbox.save_channel(
        admin,
        channel_id=None,
        name="邮箱",
        kind=outbox.EMAIL,
        config={"host": "127.0.0.1", "port": port, "security": "none", "sender": "a@example.com"},
        events=[outbox.VISITOR_ARRIVED],
    )
    outbox.set_email(admin, people["host"].user_id, "lina@example.com")
    from desktop.services import notifications

    notifications.notify_employee(host.id, "访客已到达：王总")
    assert outbox.send_due() == 1
    assert mails[0][0] == ["lina@example.com"]
