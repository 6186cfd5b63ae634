"""The company: departments, employees (hosts), settings and editable option lists."""

from __future__ import annotations

import peewee as pw

from desktop.models.base import VersionedModel


class Department(VersionedModel):
    name = pw.CharField(max_length=100, unique=True)
    sort = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)
    # 分管副总: approves the head's own application (migration 0013; a user id, no FK object
    # here because User is defined after Department).
    superior_id = pw.IntegerField(null=True, column_name="superior_id")


class Employee(VersionedModel):
    name = pw.CharField(max_length=60)
    name_pinyin = pw.CharField(max_length=200, default="", index=True)
    name_initials = pw.CharField(max_length=60, default="", index=True)
    department = pw.ForeignKeyField(Department, backref="employees", on_delete="RESTRICT")
    title = pw.CharField(max_length=60, default="")
    phone = pw.CharField(max_length=40, default="")
    active = pw.BooleanField(default=True)


class Setting(VersionedModel):
    """Key/value settings an office changes (company name, form numbers, language)."""

    key = pw.CharField(max_length=100, primary_key=True)
    value = pw.TextField(default="")


class OptionItem(VersionedModel):
    """Editable pick lists: visitor categories, visit purposes (kind says which list)."""

    kind = pw.CharField(max_length=40, index=True)
    label = pw.CharField(max_length=100)
    sort = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)

    class Meta:
        indexes = ((("kind", "label"), True),)
