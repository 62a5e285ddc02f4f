"""The words a SAKIP table's header uses, and how a header cell is asked for them.

Header cells are printed in narrow columns that split words ("INDIKA TOR"), so words are matched on
letter runs, alone or joined with the next run; a keyword must start a run ("pencapaian" is not "capaian").
"""

from __future__ import annotations

import re
from functools import lru_cache

# a header word -> the measure it names
MEASURE_WORDS = {
    "target": "target",
    "rencana": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "kondisiawal": "baseline",
    "baseline": "baseline",
    "eksisting": "baseline",
    "existing": "baseline",
    "tahundasar": "baseline",
    "tahunawal": "baseline",
    "angkadasar": "baseline",
    "datadasar": "baseline",
}
MONEY_WORDS = ("pagu", "anggaran", "rupiah", "dana", "biaya", "alokasi")
HEADER_WORDS = (
    *MEASURE_WORDS, *MONEY_WORDS, "indikator", "sasaran", "satuan", "kinerja", "tahun", "uraian", "keterangan",
    "program", "kegiatan", "sumber", "formula", "penjelasan", "tujuan", "nomor", "rp", "lokasi", "catatan", "jabatan",
    "penanggung", "strategis",
)
# words a header joins others with: whole words, never the first half of a word split by a narrow column
# ("di", "ke", "per" start words too: "KE GIATAN", "PER SENTASE" are one word each)
COMMON_WORDS = frozenset({"dan", "yang", "dari", "atau", "untuk", "dengan", "pada", "serta", "atas", "oleh", "dalam"})
# a column naming the indicator: "Indikator", "Ukuran Kinerja", or the family's acronyms alone as words
INDICATOR_WORDS = ("indikator", "ukurankinerja")
INDICATOR_ACRONYMS = frozenset({"iku", "ikk", "ikp", "iki", "ikd"})
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}  # quarter numerals under a "Triwulan" header
# words a page's column-header line names (routing a borderless table)
TABLE_WORDS = ("indikator", "target", "realisasi", "capaian", "sasaran", "satuan", "pagu", "anggaran")
_LETTERS = re.compile(r"[a-z]+")


def compact(text: str) -> str:
    """Letters only, lowercase: header words split by narrow columns ("INDIKA TOR") match again."""
    return re.sub(r"[^a-z]", "", text.lower())


@lru_cache(maxsize=65536)  # a header cell is asked about the same words once per table read, and tables are read twice
def find_word(text: str, word: str) -> int:
    """Index of the first letter run that starts `word`, alone or joined with the next run, so that
    "INDIKA TOR" and "kondisi awal" hold "indikator" and "kondisiawal"; -1 when absent.
    A keyword must start a run: "pencapaian" is not "capaian"."""
    singles, pairs = _letter_runs(text)
    k = next((k for k, tok in enumerate(singles) if tok.startswith(word)), -1)
    return k if k >= 0 else next((k for k, pair in enumerate(pairs) if pair.startswith(word)), -1)


@lru_cache(maxsize=8192)
def _letter_runs(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A text's lowercase letter runs, and each run joined with the next (header cells are asked about
    many words, so a cell is cut into runs once). A complete common word is never joined: "dan" +
    "Akuntabel" is not "dana...", a money word."""
    toks = tuple(_LETTERS.findall(text.lower()))
    return toks, tuple(a + b if a not in COMMON_WORDS else "" for a, b in zip(toks, toks[1:]))


def has_word(text: str, *words: str) -> bool:
    return any(find_word(text, w) >= 0 for w in words)


def names_indicator(text: str) -> bool:
    """A header naming the indicator column: "Indikator Kinerja", "Nama IKU", "IKK", "Ukuran Kinerja"."""
    return has_word(text, *INDICATOR_WORDS) or any(tok in INDICATOR_ACRONYMS for tok in _letter_runs(text)[0])
