"""Money: Decimal yuan with two places, and the capital-numeral form (大写) forms print."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop.i18n import translate

CENT = Decimal("0.01")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ["", "拾", "佰", "仟"]
_SECTIONS = ["", "万", "亿", "万亿"]
CAPITAL_LIMIT = Decimal(10) ** 16  # 万亿 is the largest section unit: 9999 万亿 and change


class AmountTooLarge(ValueError):
    """An amount the capital-numeral form cannot spell (a typo, or a number pasted as an amount)."""


def to_money(value: object) -> Decimal:
    """Decimal rounded to fen; accepts Decimal, int, str ("1,234.5") — never float arithmetic."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    else:
        text = str(value or "0").replace(",", "").replace("¥", "").replace("元", "").strip() or "0"
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not an amount: {value!r}") from None
    return result.quantize(CENT, rounding=ROUND_HALF_UP)


def format_money(value: Decimal) -> str:
    amount = to_money(value)
    return f"-¥{-amount:,.2f}" if amount < 0 else f"¥{amount:,.2f}"


def _section(number: int) -> str:
    """0–9999 in capitals, with 零 where a unit is skipped inside the section."""
    out = ""
    zero = False
    for position in range(3, -1, -1):
        digit = number // (10**position) % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + _UNITS[position]
    return out


def chinese_capital(amount: Decimal | int | str) -> str:
    """1234.5 → 壹仟贰佰叁拾肆元伍角整 (the form used on Chinese financial documents)."""
    value = to_money(amount)
    negative = value < 0
    value = abs(value)
    if value >= CAPITAL_LIMIT:
        raise AmountTooLarge(
            translate("money", "金额 {amount} 超出大写金额的范围（不超过 9999 万亿元），请核对金额。").format(
                amount=f"{value:,.2f}"
            )
        )
    yuan = int(value)
    fen_total = int((value - yuan) * 100)
    jiao, fen = divmod(fen_total, 10)
    if yuan == 0 and fen_total == 0:
        return "零元整"
    parts: list[str] = []
    if yuan:
        sections = []
        n = yuan
        while n:
            sections.append(n % 10000)
            n //= 10000
        text = ""
        need_zero = False
        for index in range(len(sections) - 1, -1, -1):
            section = sections[index]
            if section == 0:
                need_zero = bool(text)
                continue
            if text and (need_zero or section < 1000):
                text += "零"
            text += _section(section) + _SECTIONS[index]
            need_zero = False
        parts.append(text + "元")
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    elif yuan and fen:
        parts.append("零")
    if fen:
        parts.append(_DIGITS[fen] + "分")
    else:
        parts.append("整")
    return ("负" if negative else "") + "".join(parts)
