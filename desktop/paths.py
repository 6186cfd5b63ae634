"""Every folder the program reads or writes, in one place.

Tests point :func:`set_data_dir` at a temporary folder so nothing touches the user's real data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ReceptionManager"
# A PyInstaller build (tools/build_app.py) unpacks the data files — resources, forms_templates
# and the migrations, which playhouse's Runner reads as .py files — under sys._MEIPASS, laid
# out as in the source tree.
FROZEN = bool(getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"))
SOURCE_ROOT = Path(sys._MEIPASS) if FROZEN else Path(__file__).resolve().parent.parent
PACKAGE_DIR = SOURCE_ROOT / "desktop"
RESOURCES = SOURCE_ROOT / "resources"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "i18n"
ICONS = RESOURCES / "icons"
FORMS_TEMPLATES = SOURCE_ROOT / "forms_templates"
MIGRATIONS = PACKAGE_DIR / "migrations"
CJK_FONT = FONTS / "wqy-microhei.ttc"
CJK_FONT_FAMILY = "WenQuanYi Micro Hei"

_data_dir: Path | None = None


def set_data_dir(path: Path | None) -> None:
    global _data_dir
    _data_dir = Path(path) if path is not None else None


def data_dir() -> Path:
    """The user's data folder (platformdirs), overridable by RECEPTION_DATA_DIR."""
    if _data_dir is not None:
        base = _data_dir
    elif os.environ.get("RECEPTION_DATA_DIR"):
        base = Path(os.environ["RECEPTION_DATA_DIR"])
    else:
        base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_database_path() -> Path:
    return data_dir() / "reception.sqlite3"


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    """Log files and the crash trace (``faulthandler``): what happened before an error."""
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
