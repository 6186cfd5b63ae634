"""Notifications that leave the program: the channels (SMTP, group robots) and the outbox.

An action writes its outbox rows in its own transaction, so a message is queued exactly when
the action happened; a sender thread delivers them later with retries. A failed delivery stays
on the row and the channel (shown in 设置) and never undoes the action.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from desktop.models.base import BaseModel


class NotifyChannel(BaseModel):
    name = pw.CharField(max_length=60)
    kind = pw.CharField(max_length=20)  # email dingtalk wecom feishu
    config = pw.TextField(default="{}")  # JSON: SMTP host/port/user/password/from, or webhook
    events = pw.CharField(max_length=200, default="")  # comma-separated event codes
    active = pw.BooleanField(default=True)
    last_error = pw.TextField(default="")
    last_error_at = pw.DateTimeField(null=True)
    last_sent_at = pw.DateTimeField(null=True)


class Outbox(BaseModel):
    channel = pw.ForeignKeyField(NotifyChannel, on_delete="CASCADE", backref="+")
    event = pw.CharField(max_length=30)
    recipient = pw.CharField(max_length=200, default="")  # e-mail address; "" for a group robot
    title = pw.CharField(max_length=200)
    body = pw.TextField(default="")
    status = pw.CharField(max_length=10, default="pending", index=True)  # pending sending sent failed
    attempts = pw.IntegerField(default=0)
    next_at = pw.DateTimeField(default=dt.datetime.now)
    last_error = pw.TextField(default="")
    created_at = pw.DateTimeField(default=dt.datetime.now)
    sent_at = pw.DateTimeField(null=True)
