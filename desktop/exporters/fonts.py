"""The bundled CJK font, registered once with reportlab.

WenQuanYi Micro Hei is TrueType (reportlab cannot embed CFF-based OpenType such as Noto Sans
CJK) and covers Latin, digits and ¥ √ ×, so one font serves every character on our forms. It is
embedded as a subset in each PDF, so the PDF renders and prints on machines without it.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop import paths

FONT = "CJK"
_registered = False


def register() -> str:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont(FONT, str(paths.CJK_FONT), subfontIndex=0))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
        _registered = True
    return FONT
