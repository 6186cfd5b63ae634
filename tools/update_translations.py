"""Refresh the translation catalogues from the sources and compile them.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # fail if a .ts is stale or has unfinished entries

The program's source language is Simplified Chinese; ``resources/i18n/reception_en.ts`` holds
the English. Strings are found in ``self.tr()``, ``QCoreApplication.translate()`` and the
service layer's ``translate(context, text)`` calls.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop"
TS_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"pyside6-{name} not found: pip install PySide6-Essentials")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py") if "migrations" not in p.parts)


def lupdate(ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-locations", "none", *source_files(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path) -> None:
    subprocess.run(
        [_tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def messages(ts: Path) -> dict[tuple[str, str], str]:
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            result[(name, message.findtext("source"))] = (translation.text or "") if done else ""
    return result


def check() -> int:
    problems = 0
    for lang in LANGUAGES:
        ts = TS_DIR / f"reception_{lang}.ts"
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh)
            current = messages(fresh)
        missing = [k for k, v in current.items() if not v]
        for context, source in missing:
            print(f"{ts.name}: untranslated [{context}] {source}")
        problems += len(missing)
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        return check()
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        ts = TS_DIR / f"reception_{lang}.ts"
        if not ts.exists():
            ts.write_text(
                f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{lang}" sourcelanguage="zh_CN"></TS>\n',
                encoding="utf-8",
            )
        lupdate(ts)
        lrelease(ts)
        print(
            f"{ts.relative_to(ROOT)}: {sum(1 for v in messages(ts).values() if v)}/"
            f"{len(messages(ts))} translated"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
