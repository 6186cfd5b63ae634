"""Approvals as Chinese offices run them (issue 11).

- ``application.route``: the application's own approval route (JSON: each step's role, label,
  会签/或签 mode, named people after 转交/加签, who has approved), fixed at submission and changed
  only by the actions on it; ``application.resume_step``: where a resubmission continues after a
  return to the applicant.
- ``approval_step.mode`` (any = 或签, all = 会签); ``department.superior_id`` (分管副总, who
  approves the head of department's own application).
- ``approval_record.target_id`` / ``note``: whom a 转交/加签/抄送 went to, the over-standard
  reason, the step a return went back to.
- ``notification``: also for a user without an employee record, and pointing at an application.
- ``user.email`` for e-mail notifications; ``notify_channel`` (SMTP and group robots, per event)
  and ``outbox`` (messages waiting to leave, written in the same transaction as the action).
- ``application_copy`` (抄送); ``calendar_year`` (a year whose public holidays the office entered).
"""
import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        pass

    class Application(Base):
        pass

    class ApplicationCopy(Base):
        application = pw.ForeignKeyField(Application, on_delete="CASCADE", backref="+")
        user = pw.ForeignKeyField(User, on_delete="CASCADE", backref="+")
        by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        auto = pw.BooleanField(default=False)
        comment = pw.TextField(default="")
        at = pw.DateTimeField(default=dt.datetime.now)
        read_at = pw.DateTimeField(null=True)

        class Meta:
            indexes = ((("application", "user"), True),)

    class NotifyChannel(Base):
        name = pw.CharField(max_length=60)
        kind = pw.CharField(max_length=20)
        config = pw.TextField(default="{}")
        events = pw.CharField(max_length=200, default="")
        active = pw.BooleanField(default=True)
        last_error = pw.TextField(default="")
        last_error_at = pw.DateTimeField(null=True)
        last_sent_at = pw.DateTimeField(null=True)

    class Outbox(Base):
        channel = pw.ForeignKeyField(NotifyChannel, on_delete="CASCADE", backref="+")
        event = pw.CharField(max_length=30)
        recipient = pw.CharField(max_length=200, default="")
        title = pw.CharField(max_length=200)
        body = pw.TextField(default="")
        status = pw.CharField(max_length=10, default="pending", index=True)
        attempts = pw.IntegerField(default=0)
        next_at = pw.DateTimeField(default=dt.datetime.now)
        last_error = pw.TextField(default="")
        created_at = pw.DateTimeField(default=dt.datetime.now)
        sent_at = pw.DateTimeField(null=True)

    class CalendarYear(Base):
        year = pw.IntegerField(unique=True)
        entered_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        entered_at = pw.DateTimeField(default=dt.datetime.now)

    target = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", field=User.id)
    superior = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", field=User.id)
    note_user = pw.ForeignKeyField(User, null=True, on_delete="CASCADE", field=User.id)
    note_app = pw.ForeignKeyField(Application, null=True, on_delete="CASCADE", field=Application.id)
    migrator.migrate(
        migrator.add_column("application", "route", pw.TextField(default="")),
        migrator.add_column("application", "resume_step", pw.IntegerField(null=True)),
        migrator.add_column("approval_step", "mode", pw.CharField(max_length=10, default="any")),
        migrator.add_column("department", "superior_id", superior),
        migrator.add_column("approval_record", "target_id", target),
        migrator.add_column("approval_record", "note", pw.TextField(default="")),
        migrator.add_column("notification", "user_id", note_user),
        migrator.add_column("notification", "application_id", note_app),
        migrator.drop_not_null("notification", "employee_id"),
        migrator.add_column("user", "email", pw.CharField(max_length=200, default="")),
    )
    db.create_tables([ApplicationCopy, NotifyChannel, Outbox, CalendarYear])
