"""Pure normalizers over table-cell text: numbers, money, grades, names and years."""

from .numbers import (
    KINDS,
    VALUELESS_KINDS,
    ParsedValue,
    detect_decimal_separator,
    parse_money,
    parse_value,
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
    "ParsedValue",
    "clean_indicator_name",
    "collapse_whitespace",
    "detect_decimal_separator",
    "indicator_id",
    "indicator_key",
    "is_year",
    "join_cell_lines",
    "join_split_word",
    "parse_money",
    "parse_value",
    "undouble_glyphs",
    "years_in",
]
