"""Defaults every database starts with: pick lists, reception levels and standards, the
approval chain — all from domain.md, all editable afterwards, none overwritten once edited."""

from __future__ import annotations

from desktop.services import approval, imports, settings, standards, vouchers


def ensure_defaults() -> None:
    settings.ensure_default_options()
    standards.ensure_default_levels()
    approval.ensure_default_chain()
    imports.clean_abandoned()  # a crash half-way through an import left a hidden batch
    vouchers.move_local_files()  # vouchers this PC attached before 0018 go into the database
