"""Text helpers shared by several services: pinyin keys, phone normalisation, ID masking."""

from __future__ import annotations

import re
import unicodedata


def pinyin_keys(name: str) -> tuple[str, str]:
    """Return (full pinyin, initials) of a name, lower case, no spaces: 张伟 → (zhangwei, zw).

    Latin letters pass through, so "Tom Li" gives ("tomli", "tl").
    """
    name = (name or "").strip()
    if not name:
        return "", ""
    # Imported here: pypinyin's phrase dictionaries cost ~200 ms and ~55 MiB, which start-up and
    # the CLI should not pay before the first name is typed (issue 14).
    from pypinyin import Style, lazy_pinyin

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


# ---------------------------------------------------------------- comparing what people type
#
# The same person or company is typed many ways at a front desk: "东莞恒信模具" for
# "东莞恒信模具有限公司", full-width "ＡＢＣ（深圳）" for "ABC(深圳)", "+86 138-1234-5678" for
# "13812345678". The deny list compares these normalised forms, so a listed company is not let
# in because the receptionist left off 有限公司.

_LEGAL_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "分公司",
    "总公司",
    "集团公司",
    "集团",
    "公司",
    "厂",
)
# English legal forms only count as a separate word: "Tesco" keeps its "co".
_ENGLISH_SUFFIX = re.compile(
    r"[\s,.]+(co\.?,?\s*ltd|co|ltd|limited|inc|corp|corporation|company|group)\.?\s*$", re.IGNORECASE
)
_BRACKETED = re.compile(r"[(\[{（【〔［｛《<][^)\]}）】〕］｝》>]*[)\]}）】〕］｝》>]")
_NOT_WORD = re.compile(r"[\W_]+")


def _fold(value: str) -> str:
    """Full-width → half-width (NFKC), lower case, without spaces and punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", value or "").casefold())


def normalize_name(value: str) -> str:
    """王 小明 / 王小明 / 阿卜杜·热合曼 / ＴＯＭ　ＬＩ → one comparable form."""
    return _fold(value)


def _strip_suffixes(value: str) -> str:
    changed = True
    while changed and value:
        changed = False
        for suffix in _LEGAL_SUFFIXES:
            if value.endswith(suffix) and len(value) > len(suffix):
                value = value[: -len(suffix)]
                changed = True
                break
    return value


def company_forms(value: str) -> set[str]:
    """Comparable forms of a company name: without legal-form suffixes (有限公司, 集团, Co., Ltd.),
    spaces, punctuation and width; once with the words in brackets kept and once without
    (恒信模具（东莞）有限公司 → {恒信模具东莞, 恒信模具})."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    while (shorter := _ENGLISH_SUFFIX.sub("", text)) != text:
        text = shorter
    forms = {_strip_suffixes(_fold(text)), _strip_suffixes(_fold(_BRACKETED.sub("", text)))}
    return {f for f in forms if f}


def normalize_phone(value: str) -> str:
    """The national number: digits only, without +86/0086 and the trunk 0 of a landline.

    +86 138-1234-5678 → 13812345678; (020) 8888 1234 and +86 20 8888 1234 → 2088881234.
    """
    number = digits(value)
    if number.startswith("0086"):
        number = number[4:]
    elif number.startswith("86") and len(number) > 11:
        number = number[2:]
    return number.lstrip("0")
