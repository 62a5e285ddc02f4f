"""Is this the same indicator? Name normalization and a pair matcher for the indicator catalogue.

Two names are compared the way a reviewer would: first the printed noise goes (case, punctuation,
numbering, hyphenation, "Prosentase"/"Jml", a spelled-out "Indeks Pembangunan Manusia (IPM)"), then
the rapidfuzz score says how close the rest is, and then the words left over decide.  A typo or a
split word may be left over; a different number, a different leading measure word ("Persentase" vs
"Jumlah"), a different unit, a negation or a different subject word may not.  Every pair lands in
one of three bands:

* ``accept``: the same indicator, merged without asking;
* ``review``: plausible but not sure (a different acronym in a long shared name, words added on one
  side, a missing measure word); a person decides, or evidence from the values lifts it;
* ``reject``: different indicators.

Everything here is pure: plain strings in, plain values out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .text import clean_indicator_name

__all__ = [
    "ACCEPT_MIN",
    "REVIEW_MIN",
    "Name",
    "Verdict",
    "classify",
    "compare",
    "match",
    "match_pairs",
    "normalize",
    "normalize_unit",
    "score",
]

#: token_sort_ratio a pair needs to be accepted when no word is left over after alignment.
ACCEPT_MIN = 85.0
#: below this score a pair is not looked at (cdist cut-off); added-word pairs under it are rejected.
REVIEW_MIN = 70.0

#: spelling variants and abbreviations -> one word (the first group is also in normalizers.text).
SYNONYMS: dict[str, str] = {
    "prosentase": "persentase", "presentase": "persentase", "persentasi": "persentase",
    "prosentasi": "persentase", "presentasi": "persentase", "persen": "persentase", "prosen": "persentase",
    "jml": "jumlah", "jmlh": "jumlah", "banyaknya": "jumlah",
    "thd": "terhadap", "dgn": "dengan", "dg": "dengan", "yg": "yang", "tdk": "tidak", "utk": "untuk",
    "pd": "pada", "dlm": "dalam", "sbg": "sebagai", "krn": "karena", "kpd": "kepada", "ttg": "tentang",
    "kab": "kabupaten", "kec": "kecamatan", "kel": "kelurahan", "prov": "provinsi", "kot": "kota",
    "masy": "masyarakat", "pddk": "penduduk", "dok": "dokumen", "org": "orang", "thn": "tahun",
    "bln": "bulan", "tw": "triwulan", "pemprov": "provinsi", "pemkab": "kabupaten", "pemkot": "kota",
    "rata2": "rata", "ratarata": "rata",
    # the same verb or noun in another affix: "mendapatkan" = "memperoleh" = "menerima"
    "mendapatkan": "mendapat", "memperoleh": "mendapat", "menerima": "mendapat", "peroleh": "mendapat",
    "layanan": "pelayanan", "dilayani": "terlayani",
    "bersertifikasi": "bersertifikat", "tersertifikasi": "bersertifikat",
}

#: words that carry no identity: dropped before the left-over words are judged (not before scoring).
STOPWORDS = frozenset(
    "yang di dan dari ke pada dalam untuk oleh bagi dengan serta atau terhadap sesuai se per "
    "secara sebagai atas antara melalui adalah tahun jumlah".split()
)

#: the leading word that says what is measured; different ones are different indicators.
MEASURE_WORDS = frozenset(
    "persentase jumlah rasio indeks nilai angka tingkat rata cakupan proporsi prevalensi laju luas "
    "panjang skor predikat opini total kontribusi pertumbuhan".split()
)

#: a word on one side only that turns the meaning around.
NEGATIONS = frozenset("tidak non bukan belum tanpa".split())

#: words whose swap makes another indicator (only ever checked between the two sides' left-overs).
OPPOSITES: tuple[frozenset[str], ...] = tuple(
    frozenset(p.split())
    for p in (
        "meningkat menurun", "peningkatan penurunan", "naik turun", "kenaikan penurunan",
        "laki perempuan", "pria wanita", "negeri swasta", "masuk keluar", "baik rusak",
        "tinggi rendah", "luar dalam", "kota desa", "perkotaan perdesaan", "ekspor impor", "tangkap budidaya",
    )
)

#: long forms written out in some documents and abbreviated in others (applied after normalization).
ACRONYMS: dict[str, str] = {
    "sistem akuntabilitas kinerja instansi pemerintah": "sakip",
    "laporan akuntabilitas kinerja instansi pemerintah": "lakip",
    "laporan kinerja instansi pemerintah": "lkip",
    "akuntabilitas kinerja instansi pemerintah": "akip",
    "pemerlu pelayanan kesejahteraan sosial": "ppks",
    "potensi dan sumber kesejahteraan sosial": "psks",
    "potensi sumber kesejahteraan sosial": "psks",
    "penyandang masalah kesejahteraan sosial": "pmks",
    "indeks kepuasan masyarakat": "ikm",
    "survei kepuasan masyarakat": "skm",
    "survey kepuasan masyarakat": "skm",
    "indeks pembangunan manusia": "ipm",
    "indeks pembangunan gender": "ipg",
    "indeks pemberdayaan gender": "idg",
    "organisasi perangkat daerah": "opd",
    "satuan kerja perangkat daerah": "skpd",
    "aparatur sipil negara": "asn",
    "pegawai negeri sipil": "pns",
    "sistem pengendalian intern pemerintah": "spip",
    "tenaga kesejahteraan sosial kecamatan": "tksk",
    "pekerja sosial masyarakat": "psm",
    "kelompok usaha bersama": "kube",
    "data terpadu kesejahteraan sosial": "dtks",
    "usaha mikro kecil dan menengah": "umkm",
    "usaha mikro kecil menengah": "umkm",
    "angka partisipasi murni": "apm",
    "angka partisipasi kasar": "apk",
    "angka harapan hidup": "ahh",
    "angka kematian ibu": "aki",
    "angka kematian bayi": "akb",
    "produk domestik regional bruto": "pdrb",
    "gas rumah kaca": "grk",
    "tingkat pengangguran terbuka": "tpt",
    "nilai tukar petani": "ntp",
    "nilai tukar nelayan": "ntn",
    "rumah tidak layak huni": "rtlh",
    "program keluarga harapan": "pkh",
    "badan pemeriksa keuangan": "bpk",
    "wajar tanpa pengecualian": "wtp",
    "sekolah dasar": "sd",
    "sekolah menengah pertama": "smp",
    "sekolah menengah atas": "sma",
    "sekolah menengah kejuruan": "smk",
    "pendidikan anak usia dini": "paud",
}
_KNOWN_ACRONYMS = frozenset(ACRONYMS.values()) | frozenset("mts slb tki pmi lkpd lppd eppd rpjmd rkpd".split())
_ACRONYM_PHRASES = sorted(ACRONYMS.items(), key=lambda kv: -len(kv[0]))

#: "kewenangan kabupaten/kota" and the like: nomenclature suffixes that do not change the indicator.
_FILLER = re.compile(r"\bkewenangan (?:(?:pemerintah )?(?:daerah )?(?:kabupaten kota|kabupaten|kota|provinsi))\b")

_UNITS: dict[str, str] = {
    "%": "%", "persen": "%", "percent": "%", "persentase": "%", "prosentase": "%", "presentase": "%",
    "orang": "orang", "jiwa": "orang", "org": "orang", "peserta": "orang",
    "kk": "keluarga", "keluarga": "keluarga", "rtm": "keluarga", "rumah tangga": "keluarga",
    "nilai": "nilai", "indeks": "nilai", "poin": "nilai", "point": "nilai", "skor": "nilai", "angka": "nilai",
    "dokumen": "dokumen", "dok": "dokumen", "laporan": "dokumen",
    "rp": "rupiah", "rupiah": "rupiah", "juta rupiah": "rupiah", "milyar rupiah": "rupiah",
    "hari": "hari", "bulan": "bulan", "tahun": "tahun", "km": "km", "ha": "ha", "hektar": "ha",
    "unit": "unit", "buah": "unit", "paket": "paket", "kegiatan": "kegiatan", "keg": "kegiatan",
    "kali": "kali", "kasus": "kasus", "lembaga": "lembaga", "desa": "desa", "kelurahan": "kelurahan",
    "predikat": "predikat", "opini": "predikat",
}
_UNIT_IN_NAME = re.compile(r"\s*\(\s*(" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")\s*\)\s*$", re.I)
_FOOTNOTE = re.compile(r"\(\s*\*+\s*\)|\*+\)?$")
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_])")
_DEFINED_ACRONYM = re.compile(r"\(\s*([A-Za-z]{2,8})\s*\)")
_UPPER_WORD = re.compile(r"\b[A-Z][A-Z0-9]{1,6}\b")
_YEAR = re.compile(r"^(19[9]\d|20\d\d|2100)$")


def normalize_unit(unit: str | None) -> str | None:
    """A unit's class ("Persen" -> "%", "jiwa" -> "orang"); None when blank; unknown units lowercased."""
    if unit is None or (pd.api.types.is_scalar(unit) and pd.isna(unit)):
        return None
    words = re.sub(r"[^\w%]+", " ", str(unit).casefold()).split()
    u = words[0] if words and len(set(words)) == 1 else " ".join(words)  # "% % %" from merged cells
    if not u:
        return None
    return _UNITS.get(u, u)


def _collapse_defined(name: str) -> str:
    """"Indeks Pembangunan Manusia (IPM)" -> "IPM": a long form followed by its own acronym becomes the acronym.

    The words before the parenthesis are taken back to front while their initials still spell the
    end of the acronym (short words that do not fit are skipped: "dan", "&", the tail of a split word
    as in "Masyara kat"); on a full spelling they are replaced.
    """
    out, pos = [], 0
    for m in _DEFINED_ACRONYM.finditer(name):
        acr = m.group(1).lower()
        head = name[pos:m.start()]
        words = head.split()
        need, k = acr, len(words)
        while need and k > 0:
            w = re.sub(r"[^\w]", "", words[k - 1]).lower()
            if w[:1] == need[-1:] and w != "dan":
                need, k = need[:-1], k - 1
            elif len(w) <= 3:  # "dan", "&", or the tail of a split word ("Masyara kat")
                k -= 1
            else:
                break
        if not need and k < len(words):
            out.append(" ".join(words[:k]) + " " + m.group(1))
        else:
            out.append(head + m.group(0))
        pos = m.end()
    out.append(name[pos:])
    return "".join(out)


@dataclass(frozen=True)
class Name:
    """A name ready to compare: its key and what the guards look at."""

    key: str
    tokens: tuple[str, ...]
    raw_tokens: tuple[str, ...]  # before synonyms and acronyms
    long_tokens: tuple[str, ...]  # synonyms applied, acronyms not collapsed
    measure: str | None
    numbers: frozenset[str]
    acronyms: frozenset[str]
    unit: str | None


def normalize(name: str, unit: str | None = None) -> Name:
    """Normalize a printed indicator name for matching.

    Removes numbering, footnote marks, a trailing unit in brackets ("(%)", kept as the unit),
    hyphenation breaks ("Respon- den"), accents, case and punctuation; maps spelling variants and
    abbreviations (:data:`SYNONYMS`) and spelled-out acronyms (:data:`ACRONYMS` and any
    "Long Form (LF)" in the name itself) to one form; a leading "%" reads "persentase".
    """
    text = clean_indicator_name(name)
    text = _FOOTNOTE.sub(" ", text).strip()
    m = _UNIT_IN_NAME.search(text)
    if m:
        unit = unit if normalize_unit(unit) else m.group(1)
        text = text[: m.start()]
    text = _HYPHEN_BREAK.sub("", text)
    text = _collapse_defined(text)
    mostly_upper = sum(c.isupper() for c in text) > 0.6 * max(1, sum(c.isalpha() for c in text))
    upper = set() if mostly_upper else {w.lower() for w in _UPPER_WORD.findall(text) if not w.isdigit()}
    text = re.sub(r"^\s*%", "persentase ", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    raw = re.sub(r"[^0-9a-z]+", " ", text.casefold()).split()
    words = [SYNONYMS.get(w, w) for w in raw]
    if len(words) > 1 and words[0] not in MEASURE_WORDS:
        glued = SYNONYMS.get(words[0] + words[1], words[0] + words[1])
        if glued in MEASURE_WORDS:  # "Persent ase"
            words[:2] = [glued]
        elif len(words[0]) >= 6:  # "Persetase": a typo in the headword
            best = process.extractOne(words[0], MEASURE_WORDS, scorer=fuzz.ratio, score_cutoff=85)
            words[0] = best[0] if best else words[0]
    key = _FILLER.sub(" ", " ".join(words))
    long_tokens = tuple(key.split())
    for phrase, acr in _ACRONYM_PHRASES:
        if phrase in key:
            key = re.sub(rf"\b{phrase}\b", acr, key)
    tokens = key.split()
    if len(tokens) > 1 and tokens[0] == "nilai" and (tokens[1] in MEASURE_WORDS or tokens[1] in _KNOWN_ACRONYMS):
        tokens = tokens[1:]  # "Nilai IKM" is the IKM, "Nilai Indeks X" the Indeks X
    measure = tokens[0] if tokens and tokens[0] in MEASURE_WORDS else None
    numbers = frozenset(n for n in re.findall(r"\d+", " ".join(tokens)) if not _YEAR.match(n))
    acronyms = frozenset(t for t in tokens if t in _KNOWN_ACRONYMS or (t in upper and not t.isdigit()))
    return Name(" ".join(tokens), tuple(tokens), tuple(raw), long_tokens, measure, numbers, acronyms, normalize_unit(unit))


def score(a: Name, b: Name) -> float:
    """The similarity the bands are drawn on: rapidfuzz token_sort_ratio of the keys (0..100)."""
    return float(fuzz.token_sort_ratio(a.key, b.key))


def _alike(x: str, y: str) -> bool:
    """Two words that are one word misspelt or in another affix ("terlantr", "mendapat"/"mendapatkan")."""
    if min(len(x), len(y)) < 5:
        return False
    return fuzz.ratio(x, y) >= (80 if min(len(x), len(y)) >= 7 else 86)


_SOURCES: dict[str, set[str]] = {}
for _k, _v in SYNONYMS.items():
    _SOURCES.setdefault(_v, {_v}).add(_k)


def _typo_of(x: str, y: str) -> bool:
    """x is y misspelt, or misspelt from one of the spellings y stands for ("meneima" -> "menerima" -> "mendapat")."""
    return any(_alike(x, z) for z in _SOURCES.get(y, {y})) or any(_alike(z, y) for z in _SOURCES.get(x, {x}))


def _left_over(a: Name, b: Name) -> tuple[set[str], set[str]]:
    """Content words left over on each side, judged on the acronym-collapsed and the spelled-out tokens."""
    best = None
    for ta_seq, tb_seq in ((a.tokens, b.tokens), (a.long_tokens, b.long_tokens)):
        ra, rb = _left_over_tokens(a, b, ta_seq, tb_seq)
        if best is None or len(ra) + len(rb) < len(best[0]) + len(best[1]):
            best = (ra, rb)
    return best


def _left_over_tokens(a: Name, b: Name, a_tokens, b_tokens) -> tuple[set[str], set[str]]:
    """Content words of each side with no counterpart on the other (after typo and split-word pairing)."""
    ta, tb = set(a_tokens), set(b_tokens)
    ra = {t for t in ta - tb if t not in STOPWORDS}
    rb = {t for t in tb - ta if t not in STOPWORDS}

    def glued(side: set[str], other: Name) -> set[str]:
        """Words that are two adjacent words of the other side run together ("jumlahopd", "mendapat kan")."""
        for seq in (other.raw_tokens, other.tokens):
            pairs = {seq[i] + seq[i + 1] for i in range(len(seq) - 1)}
            side = {t for t in side if t not in pairs}
        soft = STOPWORDS | MEASURE_WORDS
        words = set(other.tokens)
        return {t for t in side if not any(t.startswith(w) and t[len(w):] in words for w in soft)}

    def split(side_seq: Sequence[str], other: set[str], side: set[str]) -> set[str]:
        """Drop halves of a word the other side prints whole ("kesejahter aan" vs "kesejahteraan")."""
        for i in range(len(side_seq) - 1):
            if side_seq[i] + side_seq[i + 1] in other or SYNONYMS.get(side_seq[i] + side_seq[i + 1]) in other:
                side -= {side_seq[i], side_seq[i + 1]}
        return side

    ra, rb = glued(ra, b), glued(rb, a)
    ra, rb = split(a.raw_tokens, tb | set(b.raw_tokens), ra), split(b.raw_tokens, ta | set(a.raw_tokens), rb)
    for x in sorted(ra):
        y = next((y for y in sorted(rb) if _typo_of(x, y)), None)
        if y is not None:
            ra.discard(x)
            rb.discard(y)
    return ra, rb


@dataclass(frozen=True)
class Verdict:
    decision: str  # accept | review | reject
    score: float
    reason: str


def classify(a: Name, b: Name, s: float | None = None) -> Verdict:
    """Accept, review or reject one pair; ``s`` is the pair's score when already computed (cdist)."""
    s = score(a, b) if s is None else float(s)
    if a.key == b.key:
        if a.unit and b.unit and a.unit != b.unit:
            return Verdict("reject", s, f"unit differs: {a.unit} vs {b.unit}")
        return Verdict("accept", 100.0, "same key")
    if a.unit and b.unit and a.unit != b.unit:
        return Verdict("reject", s, f"unit differs: {a.unit} vs {b.unit}")
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return Verdict("reject", s, "numbers differ: " + " ".join(sorted(a.numbers ^ b.numbers)))
    if a.measure and b.measure and a.measure != b.measure:
        return Verdict("reject", s, f"measure word differs: {a.measure} vs {b.measure}")
    only_a, only_b = set(a.tokens) - set(b.tokens), set(b.tokens) - set(a.tokens)
    if (only_a | only_b) & NEGATIONS:
        return Verdict("reject", s, "negation on one side: " + " ".join(sorted((only_a | only_b) & NEGATIONS)))
    for pair in OPPOSITES:
        if only_a & pair and only_b & pair:
            return Verdict("reject", s, "opposite words: " + " vs ".join(sorted(pair)))
    if "".join(a.raw_tokens) == "".join(b.raw_tokens):
        return Verdict("accept", s, "same letters, other spacing")
    ra, rb = _left_over(a, b)
    if not ra and not rb:
        la, lb = " ".join(a.long_tokens), " ".join(b.long_tokens)
        s = max(s, float(fuzz.token_sort_ratio(la, lb)), float(fuzz.ratio(a.key.replace(" ", ""), b.key.replace(" ", ""))))
        if a.numbers != b.numbers:
            return Verdict("review", s, "a number on one side only")
        if a.measure != b.measure:
            return Verdict("review", s, "measure word on one side only")
        if s >= ACCEPT_MIN:
            return Verdict("accept", s, "spelling variant")
        return Verdict("review", s, "same words, low score")
    if ra and rb:
        shared = len([t for t in set(a.tokens) & set(b.tokens) if t not in STOPWORDS and t not in MEASURE_WORDS])
        if len(ra) == len(rb) == 1 and ra <= a.acronyms and rb <= b.acronyms and shared >= 3:
            return Verdict("review", s, f"acronym differs: {min(ra)} vs {min(rb)}")
        return Verdict("reject", s, f"different words: {' '.join(sorted(ra))} vs {' '.join(sorted(rb))}")
    extra = ra or rb
    if len(extra) <= 2 and s >= REVIEW_MIN:
        return Verdict("review", s, "words on one side only: " + " ".join(sorted(extra)))
    return Verdict("reject", s, "words on one side only: " + " ".join(sorted(extra)))


def compare(name_a: str, name_b: str, unit_a: str | None = None, unit_b: str | None = None) -> Verdict:
    """Classify one pair of printed names."""
    return classify(normalize(name_a, unit_a), normalize(name_b, unit_b))


def match(names: Sequence[str], units: Sequence[str | None] | None = None, cutoff: float = REVIEW_MIN) -> pd.DataFrame:
    """Every pair of ``names`` worth a look, classified: columns i, j, name_a, name_b, score, decision, reason.

    Scores come from one vectorized ``process.cdist`` over the keys; only pairs at or above
    ``cutoff`` (and pairs with equal keys) are classified, so the work after cdist grows with the
    number of near pairs, not with n².
    """
    units = list(units) if units is not None else [None] * len(names)
    norms = [normalize(n, u) for n, u in zip(names, units)]
    cols = ["i", "j", "name_a", "name_b", "score", "decision", "reason"]
    if len(norms) < 2:
        return pd.DataFrame(columns=cols)
    keys = [n.key for n in norms]
    scores = process.cdist(keys, keys, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1)
    ii, jj = np.nonzero(np.triu(scores, k=1))
    rows = []
    for i, j in zip(ii.tolist(), jj.tolist()):
        v = classify(norms[i], norms[j], scores[i, j])
        rows.append((i, j, names[i], names[j], v.score, v.decision, v.reason))
    return pd.DataFrame(rows, columns=cols)


def match_pairs(names_a: Sequence[str], names_b: Sequence[str], units_a=None, units_b=None) -> pd.DataFrame:
    """Classify given pairs (element-wise, scored with ``process.cpdist``): columns score, decision, reason."""
    ua = list(units_a) if units_a is not None else [None] * len(names_a)
    ub = list(units_b) if units_b is not None else [None] * len(names_b)
    na = [normalize(n, u) for n, u in zip(names_a, ua)]
    nb = [normalize(n, u) for n, u in zip(names_b, ub)]
    scores = process.cpdist([n.key for n in na], [n.key for n in nb], scorer=fuzz.token_sort_ratio, workers=-1)
    verdicts = [classify(a, b, s) for a, b, s in zip(na, nb, scores)]
    return pd.DataFrame({"score": [v.score for v in verdicts], "decision": [v.decision for v in verdicts], "reason": [v.reason for v in verdicts]})
