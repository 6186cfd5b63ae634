"""Initial schema: organisation, users and roles, settings, front desk."""
import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Department(Base):
        name = pw.CharField(max_length=100, unique=True)
        sort = pw.IntegerField(default=0)
        active = pw.BooleanField(default=True)

    class Employee(Base):
        name = pw.CharField(max_length=60)
        name_pinyin = pw.CharField(max_length=200, default="", index=True)
        name_initials = pw.CharField(max_length=60, default="", index=True)
        department = pw.ForeignKeyField(Department, on_delete="RESTRICT")
        title = pw.CharField(max_length=60, default="")
        phone = pw.CharField(max_length=40, default="")
        active = pw.BooleanField(default=True)

    class Setting(Base):
        key = pw.CharField(max_length=100, primary_key=True)
        value = pw.TextField(default="")

    class OptionItem(Base):
        kind = pw.CharField(max_length=40, index=True)
        label = pw.CharField(max_length=100)
        sort = pw.IntegerField(default=0)
        active = pw.BooleanField(default=True)

        class Meta:
            indexes = ((("kind", "label"), True),)

    class User(Base):
        username = pw.CharField(max_length=60, unique=True)
        display_name = pw.CharField(max_length=60, default="")
        password_hash = pw.CharField(max_length=255)
        employee = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL")
        active = pw.BooleanField(default=True)
        language = pw.CharField(max_length=10, default="")
        created_at = pw.DateTimeField(default=dt.datetime.now)
        last_login = pw.DateTimeField(null=True)

    class UserRole(Base):
        user = pw.ForeignKeyField(User, on_delete="CASCADE")
        role = pw.CharField(max_length=40)

        class Meta:
            indexes = ((("user", "role"), True),)

    class Visitor(Base):
        name = pw.CharField(max_length=60)
        name_pinyin = pw.CharField(max_length=200, default="", index=True)
        name_initials = pw.CharField(max_length=60, default="", index=True)
        company = pw.CharField(max_length=200, default="")
        phone = pw.CharField(max_length=40, default="", index=True)
        id_number = pw.CharField(max_length=40, default="")
        category = pw.ForeignKeyField(OptionItem, null=True, on_delete="SET NULL")
        visit_count = pw.IntegerField(default=0)
        last_visit_at = pw.DateTimeField(null=True)

    class Visit(Base):
        visitor = pw.ForeignKeyField(Visitor, null=True, on_delete="SET NULL")
        name = pw.CharField(max_length=60)
        name_pinyin = pw.CharField(max_length=200, default="", index=True)
        name_initials = pw.CharField(max_length=60, default="", index=True)
        company = pw.CharField(max_length=200, default="")
        phone = pw.CharField(max_length=40, default="", index=True)
        id_number = pw.CharField(max_length=40, default="")
        people_count = pw.IntegerField(default=1)
        category = pw.ForeignKeyField(OptionItem, null=True, on_delete="SET NULL",
                                      backref="+")
        purpose = pw.ForeignKeyField(OptionItem, null=True, on_delete="SET NULL", backref="+")
        host = pw.ForeignKeyField(Employee, null=True, on_delete="SET NULL")
        department = pw.ForeignKeyField(Department, null=True, on_delete="SET NULL")
        kind = pw.CharField(max_length=20, default="walk_in")
        status = pw.CharField(max_length=20, default="on_site", index=True)
        expected_date = pw.DateField(null=True, index=True)
        expected_time = pw.TimeField(null=True)
        time_in = pw.DateTimeField(null=True, index=True)
        time_out = pw.DateTimeField(null=True)
        badge_no = pw.CharField(max_length=20, default="")
        tea_served = pw.BooleanField(default=False)
        wait_location = pw.CharField(max_length=100, default="")
        remarks = pw.TextField(default="")
        deny_override_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        deny_reason = pw.TextField(default="")
        created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        checked_in_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        checked_out_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        created_at = pw.DateTimeField(default=dt.datetime.now)

    class DenyEntry(Base):
        name = pw.CharField(max_length=60, default="")
        company = pw.CharField(max_length=200, default="")
        phone = pw.CharField(max_length=40, default="")
        reason = pw.TextField()
        active = pw.BooleanField(default=True)
        created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        created_at = pw.DateTimeField(default=dt.datetime.now)

    class Notification(Base):
        employee = pw.ForeignKeyField(Employee, on_delete="CASCADE")
        kind = pw.CharField(max_length=30, default="visitor_arrived")
        title = pw.CharField(max_length=200)
        body = pw.TextField(default="")
        visit = pw.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
        created_at = pw.DateTimeField(default=dt.datetime.now, index=True)
        read_at = pw.DateTimeField(null=True)

    db.create_tables([Department, Employee, Setting, OptionItem, User, UserRole, Visitor, Visit,
                      DenyEntry, Notification])
