"""Refresh the translation catalogues from the sources and compile them.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # fail if a .ts is stale or has unfinished entries
    python tools/update_translations.py --missing missing.json   # refresh; write what is untranslated
    python tools/update_translations.py --fill done.json         # put translations in, then compile

``--missing`` writes ``[{"context", "source", "numerus", "translation": ""}]``; fill in
``translation`` (for numerus messages a list: singular, plural) and pass the file to ``--fill``.

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


def write_missing(out: Path) -> int:
    import json

    rows = []
    for lang in LANGUAGES:
        ts = TS_DIR / f"reception_{lang}.ts"
        lupdate(ts)
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") not in ("unfinished",):
                    continue
                rows.append(
                    {
                        "lang": lang,
                        "context": name,
                        "source": message.findtext("source"),
                        "numerus": message.get("numerus") == "yes",
                        "translation": "",
                    }
                )
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(rows)} untranslated messages written to {out}")
    return 0


def fill(path: Path) -> int:
    import json

    rows = json.loads(path.read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        ts = TS_DIR / f"reception_{lang}.ts"
        wanted = {(r["context"], r["source"]): r["translation"] for r in rows if r.get("lang", lang) == lang}
        tree = ET.parse(ts)
        filled = 0
        for context in tree.getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                text = wanted.get((name, message.findtext("source")))
                if not text:
                    continue
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                for child in list(translation):
                    translation.remove(child)
                translation.attrib.pop("type", None)
                if message.get("numerus") == "yes":
                    translation.text = None
                    for form in text if isinstance(text, list) else [text, text]:
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.text = text
                filled += 1
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        lupdate(ts)  # back to lupdate's own layout
        lrelease(ts)
        print(f"{ts.relative_to(ROOT)}: {filled} filled")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--missing", type=Path, help="write the untranslated messages to this JSON file")
    parser.add_argument("--fill", type=Path, help="fill translations from this JSON file and compile")
    args = parser.parse_args()
    if args.check:
        return check()
    if args.missing:
        return write_missing(args.missing)
    if args.fill:
        return fill(args.fill)
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
