"""Reading numbers, percentages, money, grades and ranges out of SAKIP table cells.

Indonesian reports use '.' to group thousands and ',' as the decimal mark, but
tables pasted from Word/Excel with English settings mix in the opposite
convention.  Every reading here is therefore explicit about ambiguity: a
value that needed a guess carries ``guessed=True`` so the pipeline can prefer
a column-level hint (:func:`detect_decimal_separator`) or flag the row.

All functions are pure and never raise on any input string; cells that are
not understood come back as ``kind="text"``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .text import collapse_whitespace

__all__ = [
    "KINDS",
    "VALUELESS_KINDS",
    "ParsedValue",
    "detect_decimal_separator",
    "parse_money",
    "parse_value",
]

KINDS = frozenset({"number", "percent", "money", "grade", "missing", "text", "range"})
#: Kinds whose ``value`` is always ``None``.
VALUELESS_KINDS = frozenset({"grade", "missing", "text", "range"})


@dataclass(frozen=True)
class ParsedValue:
    """One cell read as a value; ``text`` keeps what was printed (whitespace collapsed)."""

    value: float | None
    unit: str | None
    kind: str
    text: str
    guessed: bool = False


# --- vocabularies -----------------------------------------------------------

#: SAKIP evaluation grades (PermenPANRB 88/2021), upper case as printed.
_GRADES = frozenset({"AA", "A", "BB", "B", "CC", "C", "D"})
_GRADE = re.compile(r"^(AA|A|BB|B|CC|C|D)(?:\s*\([^()]*\))?$")

#: Compared lower-cased with trailing dots removed ("N.A." -> "n.a").
_MISSING_WORDS = frozenset(
    {
        "n/a",
        "na",
        "n.a",
        "belum ada data",
        "tidak ada data",
        "data belum tersedia",
        "belum tersedia",
        "tidak tersedia",
    }
)
#: Dashes, dots and slashes only ("-", "–", "--", "-/-", "...").
_DASHES_ONLY = re.compile(r"^[\-‐‑‒–—―−.…/\s]*$")

_SCALE_WORDS = {
    "ribu": 10**3,
    "rb": 10**3,
    "juta": 10**6,
    "jt": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    "triliun": 10**12,
    "trilyun": 10**12,
}
_SCALE_WORD = re.compile(r"(ribu|rb|juta|jt|miliar|milyar|triliun|trilyun)\.?(?![^\W\d_])", re.I)
#: Single-letter scales are upper case only: a lower-case "m" is a metre.
_SCALE_LETTER = re.compile(r"([MT])\.?(?![^\W\d_])")
_SCALE_LETTERS = {"M": 10**9, "T": 10**12}

_PERCENT_WORDS = frozenset({"persen", "prosen"})
_MONEY_WORDS = frozenset({"rupiah"})

_CURRENCY = re.compile(r"(?:rp\.?|idr)\s*", re.I)
_SIGNS = "-−–+"  # hyphen-minus, U+2212 minus, en dash (PDF minus), plus
#: A spaced thousands group needs at least two spaces ("15 061 828 880");
#: "1 576" alone is too ambiguous (two numbers side by side?) and stays text.
_NUMERAL = re.compile(r"\d{1,3}(?: \d{3}){2,}(?:[.,]\d+)?(?![\d.,])|\d+(?:[.,]\d+)*")
#: One or two unit words ("Keluarga", "Rumah Tangga", "Ton/Ha", "m2"); longer tails
#: are more likely a numbered name ("1.1 Persentase penduduk miskin") than a unit.
_UNIT = re.compile(r"[^\W\d_][\w./\-²³]*(?: [^\W\d_][\w./\-²³]*)?")
_MAX_UNIT_CHARS = 40

_COMPARATORS = re.compile(
    r"^(?:≥|≤|⩾|⩽|>=|<=|=>|=<|>|<|min(?:imal|\.)?|maks(?:imal|\.)?|max\.?)\s*(?=\S)",
    re.I,
)
_RANGE_SEPARATOR = re.compile(
    r"\s*(?:-|‐|‑|–|—|−|s\.\s?d\.?|s\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s*", re.I
)


# --- numeral reading ----------------------------------------------------------


def _check_hint(decimal_hint: str | None) -> None:
    if decimal_hint not in (None, ".", ","):
        raise ValueError(f"decimal_hint must be '.', ',' or None, not {decimal_hint!r}")


def _is_grouped(numeral: str, sep: str) -> bool:
    """True for a well-formed thousands grouping like "1.234.567" with ``sep``."""
    return re.fullmatch(r"[1-9]\d{0,2}(?:" + re.escape(sep) + r"\d{3})+", numeral) is not None


def _read_numeral(
    numeral: str,
    decimal_hint: str | None,
    *,
    percent: bool = False,
    money_plain: bool = False,
) -> tuple[Decimal, bool] | None:
    """Decimal value of digits with '.'/','/' ' separators, plus whether it was a guess.

    ``money_plain`` means a printed "Rp" without a scale word: fractions of a
    rupiah beyond two places do not exist, so three digits after a lone
    separator are a thousands group.
    """
    if " " in numeral:  # spaced thousands groups; the only other separator is the decimal
        integer, _, fraction = re.sub(r"[.,]", ".", numeral.replace(" ", "")).partition(".")
        return Decimal(f"{integer}.{fraction}" if fraction else integer), False

    dots, commas = numeral.count("."), numeral.count(",")
    if dots == 0 and commas == 0:
        return Decimal(numeral), False

    if dots and commas:  # both present: the last one is the decimal mark
        decimal_sep = "." if numeral.rfind(".") > numeral.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        integer, fraction = numeral.rsplit(decimal_sep, 1)
        if group_sep in fraction or decimal_sep in integer or not _is_grouped(integer, group_sep):
            return None
        return Decimal(integer.replace(group_sep, "") + "." + fraction), False

    sep = "." if dots else ","
    if numeral.count(sep) > 1:
        if not _is_grouped(numeral, sep):
            return None
        return Decimal(numeral.replace(sep, "")), False

    integer, fraction = numeral.split(sep)
    as_decimal = Decimal(integer + "." + fraction)
    as_grouped = Decimal(integer + fraction)
    contradicts_hint = decimal_hint is not None and decimal_hint != sep
    if len(fraction) != 3 or not _is_grouped(numeral, sep):
        # Grouping is impossible, so the separator is a decimal mark. A dot after
        # a zero-padded integer ("04.05") reads as a mistyped decimal comma.
        zero_padded = sep == "." and len(integer) >= 2 and integer.startswith("0")
        return as_decimal, zero_padded or contradicts_hint

    # "1.576" / "2,693": a lone separator followed by exactly three digits.
    if decimal_hint == sep:
        return as_decimal, False
    if decimal_hint is not None:
        return as_grouped, False
    if money_plain:
        return as_grouped, sep == ","
    if sep == ".":
        return (as_decimal, True) if percent else (as_grouped, True)
    return as_decimal, True  # Indonesian decimal comma, e.g. "2,693 poin"


# --- cell grammar ---------------------------------------------------------------


def _strip_sign(s: str) -> tuple[str, bool | None]:
    """Leading sign or accounting parentheses: returns (rest, negative) or (s, None)."""
    if len(s) >= 2 and s[0] == "(" and s[-1] == ")":
        return s[1:-1].strip(), True
    if len(s) >= 2 and s[0] in _SIGNS and (s[1].isdigit() or s[1] in "(Rr"):
        return s[1:], s[0] != "+"
    return s, None


def _read_amount(s: str, decimal_hint: str | None) -> ParsedValue | None:
    """Parse "[sign][Rp][sign]numeral[%|scale][unit words]"; None when it does not fit."""
    text = s
    s, negative = _strip_sign(s)
    currency = _CURRENCY.match(s)
    if currency and currency.end() < len(s):
        s = s[currency.end() :]
        if negative is None:
            s, negative = _strip_sign(s)
    elif currency:
        return None

    numeral = _NUMERAL.match(s)
    if numeral is None:
        return None
    rest = s[numeral.end() :].lstrip()

    percent = rest.startswith("%")
    if percent:
        rest = rest[1:].lstrip()

    scale = 1
    if not percent:
        word = _SCALE_WORD.match(rest)
        letter = None if word else _SCALE_LETTER.match(rest)
        if word:
            scale = _SCALE_WORDS[word.group(1).lower()]
            rest = rest[word.end() :].lstrip()
        elif letter:
            scale = _SCALE_LETTERS[letter.group(1)]
            rest = rest[letter.end() :].lstrip()

    unit: str | None = None
    if rest:
        if percent or currency or not _UNIT.fullmatch(rest) or len(rest) > _MAX_UNIT_CHARS:
            return None
        unit = rest

    money = bool(currency) or (scale > 1 and unit is None)
    if unit is not None and unit.lower() in _PERCENT_WORDS and scale == 1:
        percent, unit = True, None
    if unit is not None and unit.lower() in _MONEY_WORDS:
        money, unit = True, None

    read = _read_numeral(
        numeral.group(0),
        decimal_hint,
        percent=percent,
        money_plain=bool(currency) and scale == 1,
    )
    if read is None:
        return None
    magnitude, guessed = read
    try:
        number = float(magnitude * scale)
    except (InvalidOperation, OverflowError):
        return None
    if not math.isfinite(number):
        return None
    if negative:
        number = -number

    if money:
        return ParsedValue(number, "Rp", "money", text, guessed)
    if percent:
        return ParsedValue(number, "%", "percent", text, guessed)
    return ParsedValue(number, unit, "number", text, guessed)


def _read_range(s: str, decimal_hint: str | None) -> ParsedValue | None:
    """Bounds and intervals ("≥ 80", "80 - 85", "< 5%", "80 s.d 85"): kept as text."""
    comparator = _COMPARATORS.match(s)
    if comparator:
        bound = _read_amount(s[comparator.end() :], decimal_hint)
        if bound is None:
            return None
        return ParsedValue(None, bound.unit, "range", s)

    for sep in _RANGE_SEPARATOR.finditer(s):
        if sep.start() == 0 or sep.end() == len(s):
            continue
        low = _read_amount(s[: sep.start()], decimal_hint)
        high = _read_amount(s[sep.end() :], decimal_hint)
        if low is not None and high is not None:
            return ParsedValue(None, high.unit or low.unit, "range", s)
    return None


def _is_missing(s: str) -> bool:
    if _DASHES_ONLY.match(s) or s.lower().rstrip(".") in _MISSING_WORDS:
        return True
    # "Rp -", "- %": a unit printed around an empty value (but "%" alone is a unit).
    bare = _CURRENCY.sub("", s, count=1) if _CURRENCY.match(s) else s
    bare = bare.replace("%", "").strip()
    return bool(bare) and bare != s and _DASHES_ONLY.match(bare) is not None


def parse_value(text: str | None, decimal_hint: str | None = None) -> ParsedValue:
    """Read one table cell as a number, percent, money, grade, range, missing or text.

    ``decimal_hint`` is the decimal mark the column is known to use (from
    :func:`detect_decimal_separator`); it settles "1.576"-style cells that are
    otherwise read by Indonesian convention and marked ``guessed``.
    """
    _check_hint(decimal_hint)
    s = collapse_whitespace(text)
    try:
        if _is_missing(s):
            return ParsedValue(None, None, "missing", s)
        if s in _GRADES or _GRADE.match(s):
            return ParsedValue(None, None, "grade", s)
        amount = _read_amount(s, decimal_hint)
        if amount is not None:
            return amount
        ranged = _read_range(s, decimal_hint)
        if ranged is not None:
            return ranged
    except (ValueError, ArithmeticError):  # pragma: no cover - defensive, never expected
        pass
    return ParsedValue(None, None, "text", s)


def parse_money(text: str | None) -> float | None:
    """Rupiah amount of a budget cell ("Rp.15.061.828.880", "15,06 M"), else None.

    A bare number without a unit counts as money since budget columns often
    omit "Rp"; percents, ranges and numbers with other units do not.
    """
    parsed = parse_value(text)
    if parsed.kind == "money" or (parsed.kind == "number" and parsed.unit is None):
        return parsed.value
    return None


# --- column evidence ---------------------------------------------------------------

_EVIDENCE_NUMERAL = re.compile(r"\d+(?:[.,]\d+)+")


def _separator_vote(numeral: str) -> str | None:
    """Which decimal mark one numeral proves, or None when it proves nothing."""
    dots, commas = numeral.count("."), numeral.count(",")
    if dots and commas:
        return "." if numeral.rfind(".") > numeral.rfind(",") else ","
    sep = "." if dots else ","
    other = "," if sep == "." else "."
    if numeral.count(sep) > 1:
        return other if _is_grouped(numeral, sep) else None
    if _is_grouped(numeral, sep):
        return None  # "1.576" / "1,576": either reading works
    return sep


def detect_decimal_separator(texts: Iterable[str]) -> str | None:
    """The decimal mark a column uses, by majority of unambiguous cells; None on no evidence or a tie.

    "1.234.567" and "1.234,5" vote ','; "78.75" and "1,234.5" vote '.';
    "1.576" votes for nothing.  Only cells that read as numbers, percents,
    money or ranges count, so numbering like "1.1" in a name column is ignored.
    """
    votes = {".": 0, ",": 0}
    for text in texts:
        if not isinstance(text, str):
            continue
        parsed = parse_value(text)
        if parsed.kind not in {"number", "percent", "money", "range"}:
            continue
        for numeral in _EVIDENCE_NUMERAL.findall(parsed.text):
            vote = _separator_vote(numeral)
            if vote is not None:
                votes[vote] += 1
    if votes["."] == votes[","]:
        return None
    return "." if votes["."] > votes[","] else ","
