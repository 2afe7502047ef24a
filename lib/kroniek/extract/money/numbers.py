"""Dutch numbers: digits in Dutch format and number words (through text2num)."""

from __future__ import annotations

import functools
import re

from text_to_num import text2num


def parse_number(text: str) -> float | None:
    """A Dutch-formatted number: "1.500.000", "2,5", "1,25", "5,-"."""
    text = re.sub(r",-{1,2}$", "", text)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d+\.\d+", text):
        whole, frac = text.split(".")
        return float(whole + frac) if len(frac) == 3 else float(text)
    if re.fullmatch(r"\d+", text):
        return float(text)
    return None


@functools.lru_cache(maxsize=4096)
def number_word(word: str) -> float | None:
    """Dutch number words through text2num ("zeshonderddertig" -> 630)."""
    if not word.isalpha() or len(word) < 3:
        return None
    m = re.fullmatch(r"(.+?)(?:ë|e)nhal(?:f|ve)", word)
    if m:
        base = number_word(m.group(1))
        return base + 0.5 if base is not None else None
    # "tweeentwintig" is often written without the diaeresis text2num expects
    word = re.sub(r"(twee|drie)en(?=[a-z])", r"\1ën", word)
    try:
        return float(text2num(word, "nl"))
    except (ValueError, AssertionError, KeyError, IndexError):
        return None
