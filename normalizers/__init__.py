"""Pure normalizers over table-cell text: numbers, money, grades, names and years."""

from .numbers import (
    KINDS,
    VALUELESS_KINDS,
    ColumnEvidence,
    ParsedValue,
    detect_decimal_separator,
    parse_column,
    parse_money,
    parse_value,
    separator_evidence,
)
from .text import (
    KNOWN_HEADER_WORDS,
    clean_indicator_name,
    collapse_whitespace,
    indicator_id,
    indicator_key,
    is_year,
    join_cell_lines,
    join_split_word,
    undouble_glyphs,
    years_in,
)

__all__ = [
    "KINDS",
    "KNOWN_HEADER_WORDS",
    "VALUELESS_KINDS",
    "ColumnEvidence",
    "ParsedValue",
    "clean_indicator_name",
    "collapse_whitespace",
    "detect_decimal_separator",
    "indicator_id",
    "indicator_key",
    "is_year",
    "join_cell_lines",
    "join_split_word",
    "parse_column",
    "parse_money",
    "parse_value",
    "separator_evidence",
    "undouble_glyphs",
    "years_in",
]
