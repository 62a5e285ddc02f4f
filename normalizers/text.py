"""Pure helpers over the text of table cells in SAKIP report PDFs.

PDF text layers are noisy in a few recurring ways: bold glyphs printed twice,
words split over lines in narrow columns, numbering glued to indicator names,
and spelling variants of the same indicator across years.  Every function here
takes plain strings and returns plain values, so they can be tested with
property-based tests and reused by every extractor.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = [
    "KNOWN_HEADER_WORDS",
    "clean_indicator_name",
    "collapse_whitespace",
    "indicator_id",
    "indicator_key",
    "is_year",
    "join_cell_lines",
    "join_split_word",
    "undouble_glyphs",
    "years_in",
]

#: Header words that narrow table columns split over two (or three) lines.
KNOWN_HEADER_WORDS: frozenset[str] = frozenset(
    {
        "INDIKATOR",
        "BASELINE",
        "SASARAN",
        "SATUAN",
        "TARGET",
        "REALISASI",
        "CAPAIAN",
        "KINERJA",
        "PROGRAM",
        "KEGIATAN",
        "ANGGARAN",
        "KETERANGAN",
        "PENJELASAN",
        "FORMULASI",
        "TRIWULAN",
        "KONDISI",
        "TAHUN",
        "JABATAN",
        "SUMBER",
        "PERSENTASE",
    }
)

YEAR_MIN = 1990
YEAR_MAX = 2100
#: A year as a report prints it, in a pattern of the extractors' own (captions, box labels, cover periods);
#: `years_in` reads every year of a text.
YEAR = r"(?:19|20)\d\d"
#: Ranges spanning more than this many years are reported by their ends only.
MAX_EXPANDED_YEAR_SPAN = 10

_TOKEN = re.compile(r"\S+")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def collapse_whitespace(text: str | None) -> str:
    """Trim and collapse runs of any Unicode whitespace (NBSP, tabs, newlines) to one space.

    PDF extraction leaves NBSPs and line breaks inside cells; comparing cells
    needs one canonical spacing.  ``None`` becomes ``""`` so callers can pass
    empty cells straight through.
    """
    if not text:
        return ""
    return " ".join(str(text).split())


def _is_doubled(token: str) -> bool:
    """True when a token is entirely pairs of repeated glyphs ("PPeerrii" style)."""
    return len(token) >= 4 and len(token) % 2 == 0 and token[0::2] == token[1::2]


def undouble_glyphs(text: str) -> str:
    """Undo the bold-by-overprinting artefact: "PPeerriikkaannaann" -> "Perikanan".

    Only whole whitespace-delimited tokens made entirely of equal pairs (length
    >= 4) are touched, so real words ("Ketapang", "AA") survive.  Tokens with
    no letters ("1100", "((11))") are ambiguous on their own; they are undoubled
    only when the result is a year ("22001166" -> "2016") or when another token
    in the same text proves the layer doubles glyphs (a doubled token with
    letters).
    """
    if not text:
        return text
    tokens = _TOKEN.findall(text)
    layer_doubles = any(_is_doubled(t) and _HAS_LETTER.search(t) for t in tokens)

    def fix(match: re.Match[str]) -> str:
        token = match.group(0)
        if not _is_doubled(token):
            return token
        single = token[0::2]
        if _HAS_LETTER.search(token) or layer_doubles or is_year(single):
            return single
        return token

    return _TOKEN.sub(fix, text)


def _core(word: str) -> str:
    """A token with surrounding punctuation removed, for dictionary look-ups."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", word)


def _is_header_word(word: str) -> bool:
    return word.upper() in KNOWN_HEADER_WORDS


def join_split_word(upper_line: str, lower_line: str) -> str:
    """Join two stacked text lines of one cell, repairing words the column split.

    * "Respon-" + "den" -> "Responden": a hyphen after a letter at the line end
      is a hyphenation break.  It is kept when it is a real hyphen: Indonesian
      reduplication ("anak-" + "anak") or a mixed-case compound ("Sub-" +
      "Bagian").
    * "INDIKA" + "TOR" -> "INDIKATOR": joined without a space only when the
      result is one of :data:`KNOWN_HEADER_WORDS`; up to two earlier fragments
      of the upper line are considered so a three-way split ("INDI KA" + "TOR")
      also heals.
    * otherwise the lines are joined with one space.
    """
    upper = collapse_whitespace(upper_line)
    lower = collapse_whitespace(lower_line)
    if not upper or not lower:
        return upper or lower

    upper_words = upper.split(" ")
    lower_words = lower.split(" ")
    last, first = upper_words[-1], lower_words[0]

    if len(last) >= 2 and last.endswith("-") and last[-2].isalpha() and first[:1].isalpha():
        stem = _core(last[:-1].split("-")[-1])
        head = _core(first.split("-")[0])
        reduplicated = bool(stem) and head.lower() == stem.lower()
        compound = first[0].isupper() and not stem.isupper()
        glue = "-" if reduplicated or compound else ""
        return upper[:-1] + glue + lower

    first_core = _core(first)
    if first_core.isalpha():
        for n_fragments in (1, 2, 3):
            if n_fragments > len(upper_words):
                break
            fragments = upper_words[-n_fragments:]
            # Earlier fragments must be pure letters: they are pieces of one word.
            if not all(w.isalpha() for w in fragments[1:]):
                break
            tail_core = re.sub(r"^[\W_]+", "", "".join(fragments))
            if not tail_core.isalpha():
                break
            if _is_header_word(tail_core + first_core) and not (
                n_fragments == 1 and _is_header_word(tail_core) and _is_header_word(first_core)
            ):
                kept = " ".join(upper_words[:-n_fragments])
                joined = "".join(fragments) + lower
                return f"{kept} {joined}" if kept else joined
    return f"{upper} {lower}"


def join_cell_lines(lines: list[str]) -> str:
    """Join the text lines of one table cell, healing words split by the column width."""
    result = ""
    for line in lines:
        result = join_split_word(result, line) if result else collapse_whitespace(line)
    return result


_LEADING_NUMBERING = re.compile(
    r"""^(?:
        \d+(?:\.\d+)+\.?(?=\s|$|[^\W\d_])   # 1.1  1.2.3  1.1.
      | \d+[.)](?!\d)                       # 1.  1)
      | \(\s*(?:\d+|[a-zA-Z])\s*\)          # (1)  (a)
      | [IVXLC]+\.(?=\s)                    # II.  IV.
      | [a-zA-Z][.)](?=\s)                  # a.  b)
      | [-–—•·▪●◦○■□*»>]                    # bullets and dashes
    )\s*""",
    re.VERBOSE,
)
_TRAILING_PUNCT = ".,;:-–—•·*"


_WORD = re.compile(r"[^\W\d_]+")
#: whole words a break never falls inside: "di Susun" is two words even where "disusun" is printed
_JOINING_WORDS = frozenset({"di", "ke", "dan", "yang", "dari", "per", "se", "atau", "pada", "untuk", "dengan"})


def mend_broken_words(texts: list[str]) -> dict[str, str]:
    """Words a narrow column broke without a hyphen ("Persen tase", "pelabu han"), mended from the
    document's own vocabulary: two adjacent pieces whose join is a word printed whole elsewhere in the
    texts, and neither of which is printed on its own anywhere else, are one word. Acronyms (all capitals)
    and joining words stay apart. Returns {text: mended text} for the texts that change."""
    counts: dict[str, int] = {}
    for t in texts:
        for w in _WORD.findall(t):
            counts[w.lower()] = counts.get(w.lower(), 0) + 1
    out = {}
    for t in set(texts):
        words = t.split(" ")
        mended = [words[0]] if words else []
        for w in words[1:]:
            if _WORD.fullmatch(mended[-1]) and _WORD.fullmatch(w) and _broken(mended[-1], w, counts):
                mended[-1] += w
            else:
                mended.append(w)
        if len(mended) != len(words):
            out[t] = " ".join(mended)
    return out


def _broken(a: str, b: str, counts: dict[str, int]) -> bool:
    if a.isupper() and b.isupper() or a.lower() in _JOINING_WORDS or b.lower() in _JOINING_WORDS or b[:1].isupper():
        return False
    return counts.get((a + b).lower(), 0) > 0 and counts.get(a.lower(), 0) == 1 and counts.get(b.lower(), 0) == 1


def clean_indicator_name(text: str | None) -> str:
    """Canonical printed form of an indicator name: no numbering, no glyph doubling.

    Strips leading list markers ("1.", "1)", "a.", "1.1", "(2)", "II.", "-",
    "•") repeatedly, trailing punctuation and an unbalanced closing bracket
    (footnote marks like "*)"), but keeps the case and inner punctuation as
    printed, e.g. "Indeks Pembangunan Manusia (IPM)".
    """
    name = collapse_whitespace(text)
    while True:  # to a fixed point, so cleaning a cleaned name changes nothing
        before = name
        name = undouble_glyphs(name)
        name = _LEADING_NUMBERING.sub("", name, count=1).lstrip(_TRAILING_PUNCT + " ")
        name = name.rstrip(_TRAILING_PUNCT + " ")
        if name.endswith(")") and name.count(")") > name.count("("):
            name = name[:-1]
        if name == before:
            return name


#: Spelling variants and abbreviations seen in SAKIP tables -> canonical word.
_KEY_SYNONYMS: dict[str, str] = {
    "prosentase": "persentase",
    "presentase": "persentase",
    "persentasi": "persentase",
    "prosentasi": "persentase",
    "presentasi": "persentase",
    "prosen": "persen",
    "jml": "jumlah",
    "jmlh": "jumlah",
    "thd": "terhadap",
    "dgn": "dengan",
    "yg": "yang",
    "tdk": "tidak",
}


def indicator_key(name: str) -> str:
    """A matching key that survives case, punctuation, numbering and spelling drift.

    Applies :func:`clean_indicator_name`, strips accents, lowercases, turns every
    non-alphanumeric run into a space and maps known variants
    ("Prosentase" -> "persentase", "jml" -> "jumlah").
    """
    key = name
    while True:  # to a fixed point: lowercasing can make a doubled-glyph run ("00Aa" -> "00aa") visible
        cleaned = clean_indicator_name(key)
        ascii_ish = "".join(
            ch for ch in unicodedata.normalize("NFKD", cleaned) if not unicodedata.combining(ch)
        )
        words = re.sub(r"[^0-9a-z]+", " ", ascii_ish.casefold()).split()
        new = " ".join(_KEY_SYNONYMS.get(w, w) for w in words)
        if new == key:
            return key
        key = new


def indicator_id(name: str) -> str:
    """Stable id for an indicator: ``"ind_"`` + 12 hex chars of sha1(indicator_key).

    Raises ``ValueError`` when the name has no letters or digits, since such
    an id would collide for every empty cell.
    """
    key = indicator_key(name)
    if not key:
        raise ValueError(f"indicator name has no alphanumeric text: {name!r}")
    return "ind_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def is_year(text: str) -> bool:
    """True when the text (ignoring surrounding whitespace) is one year 1990..2100."""
    if not isinstance(text, str):
        return False
    stripped = text.strip()
    return (
        len(stripped) == 4
        and stripped.isascii()
        and stripped.isdigit()
        and YEAR_MIN <= int(stripped) <= YEAR_MAX
    )


_YEAR = r"(?<![\d.,])(\d{4})(?![\d]|[.,]\d)"
_YEAR_RANGE = re.compile(
    _YEAR
    + r"\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|to)\s*"
    + _YEAR,
    re.IGNORECASE,
)
_SINGLE_YEAR = re.compile(_YEAR)


def _in_year_bounds(year: int) -> bool:
    return YEAR_MIN <= year <= YEAR_MAX


def years_in(text: str) -> list[int]:
    """Every year 1990..2100 in a text, in order of appearance, without repeats.

    Ranges "2024-2026", "2025 s.d 2029", "2025 s/d 2029", "2013 sampai 2018"
    are expanded; a range spanning more than 10 years (or running backwards)
    yields just its two ends, since headers like "2010-2030" name a period
    rather than columns.
    """
    if not text:
        return []
    found: list[int] = []

    def add(year: int) -> None:
        if _in_year_bounds(year) and year not in found:
            found.append(year)

    pos = 0
    while pos < len(text):
        ranged = _YEAR_RANGE.search(text, pos)
        single = _SINGLE_YEAR.search(text, pos)
        if single is None:
            break
        if ranged is not None and ranged.start() == single.start():
            start, end = int(ranged.group(1)), int(ranged.group(2))
            if _in_year_bounds(start) and _in_year_bounds(end):
                if 0 <= end - start <= MAX_EXPANDED_YEAR_SPAN:
                    for year in range(start, end + 1):
                        add(year)
                else:
                    add(start)
                    add(end)
                pos = ranged.end()
                continue
        add(int(single.group(1)))
        pos = single.end()
    return found
