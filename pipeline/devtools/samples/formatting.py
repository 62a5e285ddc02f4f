"""Values as the reports print them, to numbers and back.

Indonesian number text (',' decimal, '.' thousands), money in the reports' styles, percentages, and
a formatter that prints a varied value the way the original cell was printed. The truth recording
(`cell_value`) and the corpus variation (`_fmt_like`) both go through here, so a value and its
reading never use two different rules.
"""
from __future__ import annotations

import re
from decimal import Decimal

# ---------------------------------------------------------------- values as printed -> numbers

_NUM = re.compile(r"^(?P<num>\d[\d.,]*)\s*(?P<unit>.*)$")
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def _number(num: str) -> Decimal:
    """Indonesian-style number text to Decimal: ',' decimal, '.' thousands unless it can't be."""
    num = num.rstrip(".,")
    if "," in num and "." in num:
        num = num.replace(".", "").replace(",", ".")
    elif "," in num:
        num = num.replace(",", ".")
    elif _THOUSANDS.fullmatch(num):
        num = num.replace(".", "")
    return Decimal(num)  # "04.05" (a typo for 4,05 in the source) reads as 4.05


def _dec(d: Decimal) -> str:
    return format(d.normalize(), "f")


def cell_value(text: str) -> tuple[str, str]:
    """(value with '.' decimal or '' when not a number, unit printed in the cell) for a cell text."""
    t = " ".join(text.split())
    m = _NUM.match(t)
    if not m:  # "BB", "B Poin", "-"
        parts = t.split(maxsplit=1)
        return "", parts[1] if len(parts) == 2 else ""
    return _dec(_number(m["num"])), m["unit"].strip()


def _money(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _dots(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _rp(n: int, style: str) -> str:
    """Money as the reports print it: 'Rp.15.061.828.880', 'Rp. 4.524.850.000', 'Rp 619.756.910'."""
    s = _dots(n)
    return {"dot": "Rp." + ("" if len(s) >= 14 else " ") + s, "space": "Rp " + s,
            "tight": "Rp" + s, "plain": s}[style]


def _pct(part: float, whole: float, decimals: int = 2) -> str:
    return f"{part / whole * 100:.{decimals}f}".replace(".", ",")


def _fmt_like(v: float, template: str) -> str:
    """Format v the way `template` is printed (separators, decimals, unit suffix)."""
    m = _NUM.match(template)
    if not m:
        return template
    num, tail = m["num"], template[m.end("num"):]
    if "," in num:
        sep, dec = ",", len(num.split(",")[-1])
    elif "." in num and not _THOUSANDS.fullmatch(num):
        sep, dec = ".", len(num.split(".")[-1])
    else:
        sep, dec = "", 0
    whole, _, frac = f"{v:,.{dec}f}".partition(".")
    out = whole.replace(",", "" if sep == "." else ".") + (sep + frac if dec else "")
    if num.startswith("0") and len(num.split(sep or ".")[0]) == 2 and len(whole) == 1:
        out = "0" + out  # keep the "04.05" slip
    return out + tail
