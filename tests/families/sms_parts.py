"""Counting SMS parts, to hold the rendered texts short (test_texts)."""

from __future__ import annotations


def sms_segments(text: str) -> int:
    """How many SMS parts a text takes: GSM-7 when it can, else UCS-2."""
    gsm = (
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
        "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    extended = "^{}\\[~]|€"
    if all(ch in gsm or ch in extended for ch in text):
        length = sum(2 if ch in extended else 1 for ch in text)
        single, multi = 160, 153
    else:
        length = sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)
        single, multi = 70, 67
    return 1 if length <= single else -(-length // multi)
