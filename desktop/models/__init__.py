"""peewee models. They know nothing of Qt; the services own the rules."""

from desktop.models.base import BaseModel
from desktop.models.org import Department, Employee, OptionItem, Setting
from desktop.models.users import User, UserRole
from desktop.models.visitors import DenyEntry, Notification, Visit, Visitor

ALL_MODELS = [
    Department,
    Employee,
    Setting,
    OptionItem,
    User,
    UserRole,
    Visitor,
    Visit,
    DenyEntry,
    Notification,
]

__all__ = [
    "ALL_MODELS",
    "BaseModel",
    "Department",
    "DenyEntry",
    "Employee",
    "Notification",
    "OptionItem",
    "Setting",
    "User",
    "UserRole",
    "Visit",
    "Visitor",
]
