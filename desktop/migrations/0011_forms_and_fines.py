"""Forms as an office hands them out (issue 15): the reception venue on the application, the
client's team leader (领队) and guests' phones, the
hotel's phone for the arrangement sheet, the head of department's sign-off of the feedback form, and the 赞助单 fines table."""

import datetime as dt

import peewee as pw


def up(migrator, db):
    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    def money(**kwargs):
        return pw.DecimalField(max_digits=14, decimal_places=2, auto_round=True, **kwargs)

    class User(Base):
        pass

    class Department(Base):
        pass

    class Employee(Base):
        pass

    class Application(Base):
        pass

    class Fine(Base):
        person = pw.ForeignKeyField(Employee, on_delete="RESTRICT", backref="+")
        department = pw.ForeignKeyField(Department, null=True, on_delete="SET NULL", backref="+")
        article = pw.CharField(max_length=20)
        article_title = pw.CharField(max_length=100, default="")
        base_amount = money(default=0)
        multiplier = pw.IntegerField(default=1)
        share_percent = pw.IntegerField(default=100)
        amount = money(default=0)
        primary = pw.ForeignKeyField("self", null=True, on_delete="CASCADE", backref="shares")
        reception = pw.ForeignKeyField(Application, null=True, on_delete="SET NULL", backref="+")
        occurred_on = pw.DateField(index=True)
        description = pw.TextField(default="")
        recorded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        recorded_at = pw.DateTimeField(default=dt.datetime.now)
        voided_at = pw.DateTimeField(null=True)
        voided_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
        void_reason = pw.TextField(default="")

    signed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL", field=User.id)
    migrator.migrate(
        migrator.add_column("application", "venue", pw.CharField(max_length=200, default="")),
        migrator.add_column("agreement_hotel", "phone", pw.CharField(max_length=40, default="")),
        migrator.add_column("application_guest", "phone", pw.CharField(max_length=40, default="")),
        migrator.add_column("application_guest", "leader", pw.BooleanField(default=False)),
        migrator.add_column("feedback", "signed_off_at", pw.DateTimeField(null=True)),
        migrator.add_column("feedback", "signed_off_by_id", signed_by),
    )
    db.create_tables([Fine])
