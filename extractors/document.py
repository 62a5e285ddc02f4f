"""What a report is, read from its own first pages (cover, title, running header), never its file name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from normalizers.text import collapse_whitespace, undouble_glyphs, years_in

# Most specific first: "Laporan Kinerja" reports quote "Perjanjian Kinerja" and "Renstra" in their bodies,
# so the title page decides, and within it the phrase found earliest.
_DOC_TYPES: list[tuple[str, str]] = [
    (r"pohon\s+kinerja", "POHON_KINERJA"),
    (r"cascading|kaskade", "CASCADING"),
    (r"indikator\s+kinerja\s+individu|\biki\b", "IKI"),
    (r"laporan\s+(akuntabilitas\s+)?kinerja|\blakip\b|\blkip\b|\blkj?ip\b", "LKIP"),
    (r"perjanjian\s+kinerja|penetapan\s+kinerja", "PK"),
    (r"pengukuran\s+kinerja|pencapaian\s+target\s+kinerja|capaian\s+kinerja", "PENGUKURAN_KINERJA"),
    (r"rencana\s+kinerja\s+tahunan|\brkt\b", "RKT"),
    (r"indikator\s+kinerja\s+utama|\biku\b", "IKU"),
    (r"rencana\s+strategis|\brenstra\b", "RENSTRA"),
    (r"rencana\s+kerja|\brenja\b|rencana\s+program\s+dan\s+kegiatan", "RENJA"),
    (r"\brpjmd\b|rencana\s+pembangunan\s+jangka\s+menengah", "RPJMD"),
    (r"laporan\s+realisasi\s+anggaran|\blra\b", "LRA"),
]
DOC_TYPES = ("LKIP", "RENSTRA", "IKU", "IKI", "PK", "POHON_KINERJA", "CASCADING", "PENGUKURAN_KINERJA", "RENJA", "RKT", "RPJMD", "LRA", "OTHER")

_AGENCY = re.compile(
    r"\b((?:dinas|badan|biro|inspektorat|sekretariat|kantor|satuan|rumah[ \t]+sakit|rsud|bappeda|dprd)"
    r"(?:[ \t]+(?!kota\b|kabupaten\b|provinsi\b|prov\.?\b|tahun\b|pemerintah\b)[a-z&,/\-]+){0,9})",
    re.IGNORECASE,
)
# Case matters: "Provinsi Jawa Barat" / "PROVINSI JAWA BARAT" name a region, "kota se-Jawa Barat" does not.
_REGION = re.compile(r"\b(Kota|KOTA|Kabupaten|KABUPATEN|Kab\.|KAB\.|Provinsi|PROVINSI|Prov\.|PROV\.)[ \t]+([A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,2})")
_NAME_STOP = {"bab", "nama", "bidang", "selanjutnya", "disebut", "pihak", "nomor", "no", "tentang", "tahun", "jl", "jalan", "telepon", "unit", "review", "rencana", "laporan", "renstra", "lakip", "lkip", "perjanjian", "indikator", "pengukuran", "capaian", "target", "yang", "di", "untuk", "pada", "sebagai", "dalam", "kepala", "periode"}


@dataclass(frozen=True)
class DocumentInfo:
    doc_type: str
    agency: str | None
    region: str | None
    year_from: int | None
    year_to: int | None

    @property
    def year(self) -> int | None:
        """The report year n ("tahun n-1" is relative to it)."""
        return self.year_to


def _title(text: str) -> str:
    """Whitespace collapsed within lines; line breaks kept, since a name never runs across one."""
    return "\n".join(collapse_whitespace(undouble_glyphs(line)) for line in text.splitlines() if line.strip())


def classify_doc_type(title_text: str) -> str:
    low = title_text.lower()
    found = [(m.start(), rank, t) for rank, (pat, t) in enumerate(_DOC_TYPES) if (m := re.search(pat, low))]
    if not found:
        return "OTHER"
    # earliest phrase on the page wins; among phrases at nearly the same place, the more specific
    first = min(found)[0]
    return min((rank, t) for pos, rank, t in found if pos - first < 40)[1]


def _clean_name(words: str, extra_stops: frozenset = frozenset()) -> str:
    parts = []
    for w in words.split():
        if w.lower().strip(",") in _NAME_STOP or w.lower().strip(",") in extra_stops:
            break
        parts.append(w.strip(","))
    small = {"dan", "dan/atau", "serta", "untuk", "&"}
    return " ".join(p.lower() if p.lower() in small and k else (p.capitalize() if p.isupper() or p.islower() else p) for k, p in enumerate(parts))


def find_agency(text: str) -> str | None:
    names = [_clean_name(m.group(1)) for m in _AGENCY.finditer(text)]
    names = [n for n in names if len(n.split()) >= 1 and n.lower() not in ("dinas", "badan", "biro", "kantor", "satuan")]
    if not names:
        return None
    counts = Counter(n.lower() for n in names)
    best = max(names, key=lambda n: (counts[n.lower()], len(n.split()) > 1, -names.index(n)))
    return best


def find_region(text: str) -> str | None:
    """The region named most often; of its spellings, the longest that is always printed in full
    ("Provinsi Jawa Barat" five times beats a stray "Provinsi Jawa Barat Ta")."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in _REGION.finditer(text):
        kind = {"kab.": "Kabupaten", "prov.": "Provinsi"}.get(m.group(1).lower(), m.group(1).capitalize())
        words = _clean_name(m.group(2), frozenset({"dan", "kab", "kota", "provinsi"})).split()
        for n in range(1, len(words) + 1):
            name = f"{kind} {' '.join(words[:n])}"
            counts[name] += 1
            first.setdefault(name, m.start())
    if not counts:
        return None
    top = max(counts.values())
    return max((n for n, c in counts.items() if c >= 0.6 * top), key=lambda n: (len(n.split()), -first[n]))


def find_period(text: str) -> tuple[int | None, int | None]:
    """The years a report covers: "Tahun 2025" -> (2025, 2025); "2023-2026" -> (2023, 2026)."""
    low = text.lower()
    # "Nomor 29 Tahun 2014" cites a law or decree: not the period of the report
    pattern = r"(?<!\d )(?<!\d)(?:tahun|periode|th\.?)\s*(?:anggaran\s*)?((?:19|20)\d\d)(?:\s*(?:-|–|s\.?\s*d\.?|s/d|sampai)\s*((?:19|20)\d\d))?"
    for m in re.finditer(pattern, low):
        if re.search(r"(nomor|no\.?)\s*[\w./-]+\s*$", low[max(0, m.start() - 30) : m.start()]):
            continue
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        return (min(a, b), max(a, b))
    years = years_in(low)
    if years:
        c = Counter(years)
        y = max(c, key=lambda k: (c[k], k))
        return (y, y)
    return (None, None)


def describe_document(first_pages_text: list[str]) -> DocumentInfo:
    """Read doc_type, agency, region and period from the first pages' text (the cover comes first)."""
    pages = [_title(t) for t in first_pages_text if t and t.strip()]
    if not pages:
        return DocumentInfo("OTHER", None, None, None, None)
    head = pages[0][:1500]
    doc_type = classify_doc_type(head)
    lines = head.splitlines()
    lampiran = next((k for k, ln in enumerate(lines[:6]) if re.match(r"\s*lampiran\b", ln, re.IGNORECASE)), None)
    if lampiran is not None:
        # an appendix is what its own title says; the report it belongs to is only its running header
        own = classify_doc_type("\n".join(ln for ln in lines[lampiran + 1 : lampiran + 6] if classify_doc_type(ln) != "LKIP"))
        doc_type = own if own != "OTHER" else doc_type
    if doc_type == "OTHER" and len(pages) > 1:
        doc_type = classify_doc_type(" ".join(p[:800] for p in pages[1:3]))
    body = " ".join(pages[:3])
    agency = find_agency(head) or find_agency(body)
    region = find_region(head) or find_region(body)
    year_from, year_to = find_period(head)
    if year_from is None:
        year_from, year_to = find_period(body)
    return DocumentInfo(doc_type, agency, region, year_from, year_to)
