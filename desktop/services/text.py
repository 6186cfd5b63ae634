"""Text helpers shared by several services: pinyin keys, phone normalisation, ID masking."""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin


def pinyin_keys(name: str) -> tuple[str, str]:
    """Return (full pinyin, initials) of a name, lower case, no spaces: 张伟 → (zhangwei, zw).

    Latin letters pass through, so "Tom Li" gives ("tomli", "tl").
    """
    name = (name or "").strip()
    if not name:
        return "", ""
    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()]
    parts: list[str] = []
    for s in syllables:
        parts.extend(p for p in re.split(r"\s+", s) if p)
    full = "".join(p.lower() for p in parts if p.isalnum())
    initials = "".join(p[0].lower() for p in parts if p and p[0].isalnum())
    return full, initials


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone or "")


def mask_id_number(value: str) -> str:
    """4401xxxxxxxxxx1234 → 4401**********1234: keeps the first and last four characters."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) <= 8:
        return value[:1] + "*" * (len(value) - 1)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


_PHONE_RE = re.compile(r"^\+?[\d\s\-()]{5,20}$")
_ID_RE = re.compile(r"^(\d{15}|\d{17}[\dXx])$")


def is_valid_phone(value: str) -> bool:
    return bool(_PHONE_RE.match(value.strip())) and len(digits(value)) >= 5


def is_valid_id_number(value: str) -> bool:
    """Mainland resident ID (15 or 18 characters, checksum verified for 18).

    Passports and other documents are also used at a front desk, so callers accept any
    document number of 5–30 letters/digits and only check the checksum when it looks like a
    resident ID.
    """
    value = value.strip().upper()
    if len(value) == 18 and _ID_RE.match(value):
        weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        total = sum(int(c) * w for c, w in zip(value[:17], weights, strict=True))
        return "10X98765432"[total % 11] == value[17]
    return bool(re.match(r"^[A-Z0-9]{5,30}$", value))
