"""Reading numbers, percentages, money, grades and ranges out of SAKIP table cells.

Indonesian reports use '.' to group thousands and ',' as the decimal mark, but
tables pasted from Word/Excel with English settings mix in the opposite
convention.  The parser is strict: a cell it cannot read for certain is either
``kind="text"`` or carries ``guessed=True`` with a short human ``reason``.

Evidence settles most ambiguity.  :func:`separator_evidence` counts the cells
of a column (or of a whole document) that prove a decimal mark ("1.234.567"
proves '.' groups thousands, "78.75" proves '.' is a decimal); :func:`parse_column`
reads a column with that evidence, falling back to a document-level hint.
:func:`parse_value` reads one cell with an optional ``decimal_hint``.

What each kind means (``value`` / ``unit`` / ``low`` / ``high``):

* ``number``, ``percent``, ``money``: the value; unit "%" / "Rp" / the printed
  unit word ("118.908 Keluarga" -> 118908, "Keluarga").  Scale words (ribu, rb,
  juta, jt, miliar, milyar, M, triliun, T) multiply; "(1.234)" is negative.
* ``bound``: "≥ 80", "< 5%", "minimal 80", "maks 5": ``value`` is the bound,
  which is what a target like this is measured against; ``low`` or ``high``
  says which side it bounds (the other is None).  Strictness (< versus ≤) is
  only in ``text``.
* ``range``: "80-85", "80 s.d 85 %": ``value`` is None because neither end nor
  the midpoint is what was printed (the lower end is right for
  higher-is-better indicators, the upper for lower-is-better ones, which the
  cell does not say); both ends are in ``low`` and ``high``.
* ``grade`` (AA … D) and ``predicate`` ("Sangat Baik", "WTP", "Ada",
  "Tersedia"): no value; the text is kept.
* ``missing`` ("-", "n/a", "Belum ada data", ""), ``text`` (anything else).

All functions are pure and never raise on any input string.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from .text import collapse_whitespace

__all__ = [
    "KINDS",
    "VALUELESS_KINDS",
    "ColumnEvidence",
    "ParsedValue",
    "detect_decimal_separator",
    "parse_column",
    "parse_money",
    "parse_value",
    "rejoin_wrapped_number",
    "separator_evidence",
    "typical_decimals",
]

KINDS = frozenset(
    {"number", "percent", "money", "bound", "range", "grade", "predicate", "missing", "text"}
)
#: Kinds whose ``value`` is always ``None``.
VALUELESS_KINDS = frozenset({"range", "grade", "predicate", "missing", "text"})


@dataclass(frozen=True)
class ParsedValue:
    """One cell read as a value; ``text`` keeps what was printed (whitespace collapsed).

    ``guessed`` is True when the reading needed a guess, and then ``reason``
    says which guess and on what evidence.  ``low`` / ``high`` are the ends of
    a ``range`` and the bounded side of a ``bound``.
    """

    value: float | None
    unit: str | None
    kind: str
    text: str
    guessed: bool = False
    reason: str | None = None
    low: float | None = None
    high: float | None = None


# --- vocabularies -----------------------------------------------------------

#: SAKIP evaluation grades (PermenPANRB 88/2021), upper case as printed,
#: optionally with their predicate in parentheses ("A (Memuaskan)").
_GRADE = re.compile(r"^(AA|A|BB|B|CC|C|D)(?:\s*\([^()]*\))?$")
#: a grade with the satuan run into its cell ("BB Nilai", "B Poin"): the word is its unit
_GRADE_UNIT = re.compile(r"^(AA|A|BB|B|CC|C|D)\s+(nilai|poin|predikat|kategori)$", re.IGNORECASE)

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

#: Verbal results ("predikat"), compared lower-cased: evaluation words, BPK audit
#: opinions and yes/no answers.  "tidak tersedia" is a missing marker instead, and
#: bare abbreviations like "TW" (also "triwulan") are left as text.
_PREDICATES = frozenset(
    {
        "sangat baik",
        "baik",
        "cukup baik",
        "cukup",
        "kurang baik",
        "kurang",
        "sangat kurang",
        "buruk",
        "sangat memuaskan",
        "memuaskan",
        "wtp",
        "wdp",
        "wajar tanpa pengecualian",
        "wajar dengan pengecualian",
        "tidak wajar",
        "tidak memberikan pendapat",
        "opini wtp",
        "ada",
        "tidak ada",
        "tersedia",
        "ya",
        "tidak",
        "sudah",
        "tercapai",
        "tidak tercapai",
        "sesuai",
        "tidak sesuai",
    }
)

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
    r"^(?:≥|≤|⩾|⩽|>=|<=|=>|=<|>|<|min(?:imal|imum|\.)?|maks(?:imal|imum|\.)?|max\.?)\s*(?=\S)",
    re.I,
)
_RANGE_SEPARATOR = re.compile(
    r"\s*(?:-|‐|‑|–|—|−|s\.\s?d\.?|s\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s*", re.I
)


# --- numeral reading ----------------------------------------------------------

_NO_EVIDENCE = "no decimal-mark evidence"


def _check_hint(decimal_hint: str | None) -> None:
    if decimal_hint not in (None, ".", ","):
        raise ValueError(f"decimal_hint must be '.', ',' or None, not {decimal_hint!r}")


def _is_grouped(numeral: str, sep: str) -> bool:
    """True for a well-formed thousands grouping like "1.234.567" with ``sep``."""
    return re.fullmatch(r"[1-9]\d{0,2}(?:" + re.escape(sep) + r"\d{3})+", numeral) is not None


def _is_zero_padded(numeral: str) -> bool:
    """ "04.05": a lone '.' after a zero-padded integer, likely a mistyped decimal comma."""
    integer, dot, _ = numeral.partition(".")
    return bool(dot) and "," not in numeral and numeral.count(".") == 1 and len(integer) >= 2 and integer[0] == "0"


def _read_numeral(
    numeral: str,
    decimal_hint: str | None,
    *,
    percent: bool = False,
    money_plain: bool = False,
) -> tuple[Decimal, str | None] | None:
    """Decimal value of digits with '.'/','/' ' separators, plus the guess it needed (or None).

    ``money_plain`` means a printed "Rp" without a scale word: fractions of a
    rupiah beyond two places do not exist, so three digits after a lone
    separator are a thousands group.

    A percent whose lone separator is followed by one or two digits ("78.75%"
    in a column that otherwise writes "19,55%") is read as a decimal without a
    guess, even against ``decimal_hint``: a thousands group always has three
    digits, so no other reading exists, and percentages are exactly the cells
    that Excel with English settings formats as "78.75%" inside Indonesian
    tables.  A plain number like "12.50" against a ',' hint stays a guess, as
    it may be a thousands group that lost a digit ("12.500").
    """
    if " " in numeral:  # spaced thousands groups; the only other separator is the decimal
        integer, _, fraction = re.sub(r"[.,]", ".", numeral.replace(" ", "")).partition(".")
        return Decimal(f"{integer}.{fraction}" if fraction else integer), None

    dots, commas = numeral.count("."), numeral.count(",")
    if dots == 0 and commas == 0:
        return Decimal(numeral), None

    if dots and commas:  # both present: the last one is the decimal mark
        decimal_sep = "." if numeral.rfind(".") > numeral.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        integer, fraction = numeral.rsplit(decimal_sep, 1)
        if group_sep in fraction or decimal_sep in integer or not _is_grouped(integer, group_sep):
            return None
        return Decimal(integer.replace(group_sep, "") + "." + fraction), None

    sep = "." if dots else ","
    if numeral.count(sep) > 1:
        if not _is_grouped(numeral, sep):
            return None
        return Decimal(numeral.replace(sep, "")), None

    integer, fraction = numeral.split(sep)
    as_decimal = Decimal(integer + "." + fraction)
    as_grouped = Decimal(integer + fraction)
    if len(fraction) != 3 or not _is_grouped(numeral, sep):
        # Grouping is impossible, so the separator is a decimal mark.
        if _is_zero_padded(numeral):
            return as_decimal, f"zero-padded '{numeral}' read as a decimal (a ',' typed as '.'?)"
        if decimal_hint not in (None, sep) and not (percent and len(fraction) <= 2):
            return as_decimal, f"'{numeral}' read as a decimal against the decimal mark '{decimal_hint}'"
        return as_decimal, None

    # "1.576" / "2,693": a lone separator followed by exactly three digits.
    if decimal_hint == sep:
        return as_decimal, None
    if decimal_hint is not None:
        return as_grouped, None
    if money_plain:
        if sep == ".":
            return as_grouped, None
        return as_grouped, f"'{numeral}' after Rp read as thousands (rupiah have two decimals at most)"
    if sep == ".":
        if percent:
            return as_decimal, f"'{numeral}%' read as a decimal, {_NO_EVIDENCE}"
        return as_grouped, f"'{numeral}' read as thousands by Indonesian convention, {_NO_EVIDENCE}"
    return as_decimal, f"'{numeral}' read as a decimal comma by Indonesian convention, {_NO_EVIDENCE}"


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
    magnitude, reason = read
    try:
        number = float(magnitude * scale)
    except (InvalidOperation, OverflowError):
        return None
    if not math.isfinite(number):
        return None
    if negative:
        number = -number

    if money:
        kind, unit = "money", "Rp"
    elif percent:
        kind, unit = "percent", "%"
    else:
        kind = "number"
    return ParsedValue(number, unit, kind, text, reason is not None, reason)


def _read_range(s: str, decimal_hint: str | None) -> ParsedValue | None:
    """Bounds ("≥ 80", "< 5%", "maks 5") and intervals ("80 - 85", "80 s.d 85")."""
    comparator = _COMPARATORS.match(s)
    if comparator:
        bound = _read_amount(s[comparator.end() :], decimal_hint)
        if bound is None:
            return None
        word = comparator.group(0).lower()
        is_lower = any(c in word for c in ">≥⩾") or word.startswith("min")
        low, high = (bound.value, None) if is_lower else (None, bound.value)
        return ParsedValue(bound.value, bound.unit, "bound", s, bound.guessed, bound.reason, low, high)

    for sep in _RANGE_SEPARATOR.finditer(s):
        if sep.start() == 0 or sep.end() == len(s):
            continue
        low = _read_amount(s[: sep.start()], decimal_hint)
        high = _read_amount(s[sep.end() :], decimal_hint)
        if low is not None and high is not None:
            reason = "; ".join(end.reason for end in (low, high) if end.reason) or None
            return ParsedValue(None, high.unit or low.unit, "range", s, reason is not None, reason, low.value, high.value)
    return None


def _is_missing(s: str) -> bool:
    if _DASHES_ONLY.match(s) or s.lower().rstrip(".") in _MISSING_WORDS:
        return True
    # "Rp -", "- %": a unit printed around an empty value (but "%" alone is a unit).
    bare = _CURRENCY.sub("", s, count=1) if _CURRENCY.match(s) else s
    bare = bare.replace("%", "").strip()
    return bool(bare) and bare != s and _DASHES_ONLY.match(bare) is not None


def parse_value(text: str | None, decimal_hint: str | None = None) -> ParsedValue:
    """Read one table cell as a number, percent, money, bound, range, grade, predicate, missing or text.

    ``decimal_hint`` is the decimal mark the column is known to use (from
    :func:`separator_evidence`); it settles "1.576"-style cells that are
    otherwise read by Indonesian convention and marked ``guessed``.  To read
    a whole column with its own evidence use :func:`parse_column`.
    """
    _check_hint(decimal_hint)
    s = collapse_whitespace(text)
    try:
        if _is_missing(s):
            return ParsedValue(None, None, "missing", s)
        if _GRADE.match(s):
            return ParsedValue(None, None, "grade", s)
        if (m := _GRADE_UNIT.match(s)) and m.group(1).isupper():
            return ParsedValue(None, m.group(2), "grade", s)
        if s.lower().rstrip(".") in _PREDICATES:
            return ParsedValue(None, None, "predicate", s)
        amount = _read_amount(s, decimal_hint)
        if amount is not None:
            return amount
        ranged = _read_range(s, decimal_hint)
        if ranged is not None:
            return ranged
    except (ValueError, ArithmeticError):  # pragma: no cover - defensive, never expected
        pass
    return ParsedValue(None, None, "text", s)


_NOTE = re.compile(r"^(.*?\d.*?)\s*\(([^()]*)\)\s*$")
#: a grade or level printed with its score in brackets: "B (60,05)", "Level 3 (3,35)", "Nilai A (83)"
_SCORED = re.compile(r"^(?:nilai\s+)?(?:AA|A|BB|B|CC|C|D|level\s*\d)\s*\(\s*([^()]*\d[^()]*?)\s*\)$", re.IGNORECASE)
#: a numeral broken by a line or a stray space at a separator: "83, 60", "68,65-" over "69,15"
_BROKEN_AT_SEPARATOR = re.compile(r"(?<=\d[.,\-–])\s+(?=\d)|(?<=\d)\s+(?=[.,])")
_NUMERALS_ONLY = re.compile(r"^[\d.,%\-–\s]+$")


def rejoin_numeral(text: str) -> str:
    """A cell of numerals only, rejoined where whitespace stands at a separator ("83, 60" -> "83,60");
    any other text as it is. Two whole numbers side by side ("55 75") stay apart: no separator between."""
    return _BROKEN_AT_SEPARATOR.sub("", text) if _NUMERALS_ONLY.match(text) else text


_WRAPPED = re.compile(r"(\d+[.,]\d*) (\d{1,3})")  # "90,0" over "2", joined by a space when the cell's lines were


def typical_decimals(texts: Iterable[str | None], decimal: str | None) -> int | None:
    """The places after the decimal mark most of a column's numbers print ("15,82", "102,50": 2); None
    without a decimal mark or when no count holds at least two cells and half of those showing one."""
    if decimal is None:
        return None
    counts: dict[int, int] = {}
    for text in texts:
        t = collapse_whitespace(text or "")
        m = re.search(rf"\d{re.escape(decimal)}(\d+)\s*%?$", t)
        if m and parse_value(t, decimal).kind in ("number", "percent"):
            counts[len(m.group(1))] = counts.get(len(m.group(1)), 0) + 1
    if not counts:
        return None
    places, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    return places if n >= 2 and 2 * n >= sum(counts.values()) else None


def rejoin_wrapped_number(text: str, places: int | None) -> str | None:
    """A number a narrow cell wrapped onto a second line ("90,0" over "2", read "90,0 2"), joined again
    when its column's numbers print `places` decimals and the two pieces make exactly that many
    ("90,02"); None otherwise (two numbers listed, or nothing to go by)."""
    m = _WRAPPED.fullmatch(collapse_whitespace(text))
    if m is None or places is None:
        return None
    head, tail = m.groups()
    return head + tail if len(re.split(r"[.,]", head)[-1]) + len(tail) == places else None


# a number spelled out after its figures, as letters and decrees print it: "1 (satu) Dokumen", "12 (dua belas) Laporan"
_SPELLED = re.compile(r"^(\d[\d.,]*)\s*\((?:se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu"
                      r"|[a-z]+\s+(?:puluh|belas|ratus|ribu)(?:\s+[a-z]+)*)\)\s*(.*)$", re.IGNORECASE)


def parse_cell(text: str, decimal_hint: str | None = None) -> ParsedValue:
    """A value cell; "100 (Hijau)", "22,7 % (75%)", "10% (190 temuan)": the number before a
    parenthesised note is the value, the note stays in value_text. A grade or level with its score in
    brackets ("B (60,05)") has the score as its value. A numeral broken at a separator ("83, 60") is read
    whole, and ",82" is 0,82. `decimal_hint` is the decimal mark the cell's column proves elsewhere
    ("4,05" below settles "04.05")."""
    printed = collapse_whitespace(text)
    if m := _SPELLED.match(printed):
        return replace(parse_cell(f"{m.group(1)} {m.group(2)}".strip(), decimal_hint), text=printed)
    text = rejoin_numeral(printed)
    if text.startswith(",") and text[1:2].isdigit():  # the leading zero left out
        return replace(parse_cell("0" + text, decimal_hint), text=text)
    p = parse_value(text, decimal_hint)
    if text != printed and p.value is not None and re.search(r"[.,]\s+\d", printed):
        # "15, 82" may be one number broken by a line or two listed ("12, 15"): read, and flagged
        return replace(p, guessed=True, reason=f"'{printed}' read as one number broken by a line")
    if m := _SCORED.match(p.text):
        score = parse_value(m.group(1), decimal_hint)
        if score.kind == "number" and score.value is not None and score.unit is None and not re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            return replace(score, text=p.text)  # "C (2 temuan)", "Level 3 (2023)": a note, not a score
    m = _NOTE.match(p.text) if p.kind == "text" else None
    if m:
        head = parse_value(m.group(1), decimal_hint)
        if head.kind in ("number", "percent") and head.value is not None:
            return replace(head, text=p.text)
    return p


def several_values(text: str) -> bool:
    """A cell holding a column of numbers ("55 9,97 75 15 5"): rows the table drew without rules,
    so no one number in it is known to be this row's."""
    toks = text.split()
    numeric = sum(1 for t in toks if parse_value(t).kind in ("number", "percent"))
    return numeric >= 2 and numeric * 2 > len(toks)


def parse_money(text: str | None, decimal_hint: str | None = None) -> float | None:
    """Rupiah amount of a budget cell ("Rp.15.061.828.880", "15,06 M"), else None.

    A bare number without a unit counts as money since budget columns often
    omit "Rp"; percents, ranges and numbers with other units do not.
    """
    parsed = parse_value(text, decimal_hint)
    if parsed.kind == "money" or (parsed.kind == "number" and parsed.unit is None):
        return parsed.value
    return None


# --- column and document evidence ------------------------------------------------------

_EVIDENCE_NUMERAL = re.compile(r"\d+(?:[.,]\d+)+")
_EVIDENCE_KINDS = frozenset({"number", "percent", "money", "bound", "range"})


def _separator_vote(numeral: str) -> str | None:
    """Which decimal mark one numeral proves, or None when it proves nothing."""
    dots, commas = numeral.count("."), numeral.count(",")
    if dots and commas:
        return "." if numeral.rfind(".") > numeral.rfind(",") else ","
    sep = "." if dots else ","
    other = "," if sep == "." else "."
    if numeral.count(sep) > 1:
        return other if _is_grouped(numeral, sep) else None
    if _is_grouped(numeral, sep) or _is_zero_padded(numeral):
        return None  # "1.576" reads either way; "04.05" is itself suspect
    return sep


@dataclass(frozen=True)
class ColumnEvidence:
    """How many cells prove each decimal mark, over a column or a whole document.

    "1.234.567" and "1.234,5" prove ','; "78.75" and "1,234.5" prove '.';
    "1.576" and the suspect "04.05" prove nothing.  Evidence adds up
    (``column_a + column_b``), so a document's evidence is the sum of its columns'.
    """

    dot: int = 0
    comma: int = 0

    @property
    def decimal(self) -> str | None:
        """The decimal mark by majority; None on no evidence or a tie."""
        if self.dot == self.comma:
            return None
        return "." if self.dot > self.comma else ","

    def __add__(self, other: ColumnEvidence) -> ColumnEvidence:
        return ColumnEvidence(self.dot + other.dot, self.comma + other.comma)

    def describe(self, scope: str = "column") -> str:
        """ "column: 3 cells show decimal ',', 1 shows '.'" for reasons and logs."""
        if not self.dot and not self.comma:
            return f"{scope}: no cell proves a decimal mark"
        return f"{scope}: {self.comma} cells show decimal ',', {self.dot} show '.'"


def separator_evidence(texts: Iterable[str | None]) -> ColumnEvidence:
    """Count the cells that prove a decimal mark.

    Only cells that read as numbers, percents, money, bounds or ranges count,
    so numbering like "1.1" in a name column is ignored.  Pass one column's
    cells for column evidence, or every value cell of a report for a document
    hint (``separator_evidence(cells).decimal``).
    """
    dot = comma = 0
    for text in texts:
        if not isinstance(text, str):
            continue
        parsed = parse_value(text)
        if parsed.kind not in _EVIDENCE_KINDS:
            continue
        for numeral in _EVIDENCE_NUMERAL.findall(parsed.text):
            vote = _separator_vote(numeral)
            dot += vote == "."
            comma += vote == ","
    return ColumnEvidence(dot, comma)


def detect_decimal_separator(texts: Iterable[str | None]) -> str | None:
    """The decimal mark a column uses, by majority of unambiguous cells; None on no evidence or a tie."""
    return separator_evidence(texts).decimal


def parse_column(texts: list[str | None], document_hint: str | None = None) -> list[ParsedValue]:
    """Read the cells of one table column, settling ambiguity with the column's own evidence.

    The column's majority decimal mark (:func:`separator_evidence`) wins; on no
    evidence or a tie, ``document_hint`` (the report's decimal mark) is used;
    with neither, cells fall back to Indonesian convention and are flagged.
    Every guessed cell's ``reason`` ends with the evidence it was read against.
    """
    _check_hint(document_hint)
    evidence = separator_evidence(texts)
    if evidence.decimal is not None:
        hint, source = evidence.decimal, evidence.describe("column")
    elif document_hint is not None:
        hint, source = document_hint, f"document decimal mark '{document_hint}' ({evidence.describe('column')})"
    else:
        hint, source = None, evidence.describe("column")
    out = []
    for text in texts:
        parsed = parse_value(text, hint)
        if parsed.guessed:
            parsed = replace(parsed, reason=f"{parsed.reason} [{source}]")
        out.append(parsed)
    return out
