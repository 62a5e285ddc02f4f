"""What a report is, read from its own first pages (cover, title, running header), never its file name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from normalizers.text import YEAR, collapse_whitespace, undouble_glyphs, years_in

# Most specific first: "Laporan Kinerja" reports quote "Perjanjian Kinerja" and "Renstra" in their bodies,
# so the title page decides, and within it the phrase found earliest.
_DOC_TYPES: list[tuple[str, str]] = [
    (r"pohon\s+kinerja", "POHON_KINERJA"),
    (r"cascading|kaskade", "CASCADING"),
    (r"indikator\s+kinerja\s+individu|\biki\b", "IKI"),
    (r"laporan\s+(akuntabilitas\s+)?kinerja|\blakip\b|\blkip\b|\blkj?ip\b", "LKIP"),
    (r"perjanjian\s+kinerja|penetapan\s+kinerja", "PK"),
    # the evaluation of a Renja (Permendagri 86/2017 form): "Realisasi Kinerja Pada Triwulan I - IV", K and Rp
    (r"evaluasi\s+(?:terhadap\s+)?(?:hasil\s+)?(?:renja|rencana\s+kerja)|realisasi\s+kinerja\s+(?:pada\s+)?triwulan", "RENJA"),
    (r"pengukuran\s+kinerja|pencapaian\s+target\s+kinerja|capaian\s+kinerja", "PENGUKURAN_KINERJA"),
    (r"rencana\s+kinerja\s+tahunan|\brkt\b|(?:^|\n)target\s+kinerja\b", "RKT"),
    (r"indikator\s+kinerja\s+utama|\biku\b", "IKU"),
    (r"rencana\s+strategis|\brenstra\b", "RENSTRA"),
    (r"rencana\s+kerja|\brenja\b|rencana\s+program\s+dan\s+kegiatan", "RENJA"),
    (r"\brpjmd\b|rencana\s+pembangunan\s+jangka\s+menengah", "RPJMD"),
    (r"laporan\s+realisasi\s+anggaran|\blra\b", "LRA"),
]
_AGENCY_WORDS = r"dinas|badan|biro|inspektorat|sekretariat|kantor|satuan|rumah[ \t]+sakit|rsud|bappeda|dprd|kecamatan|kelurahan|kementerian|kementrian|direktorat"
_REGION_WORDS = r"kota|kabupaten|kab\.|provinsi|prov\."
_AGENCY = re.compile(
    rf"\b((?:{_AGENCY_WORDS})"
    r"(?:[ \t]+(?!kota\b|kabupaten\b|kab\.|provinsi\b|prov\.|tahun\b|pemerintah\b)(?:(?:prof|drs?|hj?|ir)\.|[a-z&,/\-]+)){0,9})",
    re.IGNORECASE,
)
_BARE = {"dinas", "badan", "biro", "kantor", "satuan", "kecamatan", "kelurahan", "sekretariat", "rsud", "rumah sakit", "kementerian", "direktorat"}  # not a name on their own
# An agency named right before its region ("Dinas Sosial Kota Bekasi"), maybe with its acronym between
_GAP = r"[ \t]+(?:\([A-Za-z]{2,12}\)[ \t]+)?"
_GAP_RE = re.compile(_GAP)
_AGENCY_IN_REGION = re.compile(_AGENCY.pattern + rf"(?={_GAP}(?:{_REGION_WORDS})[ \t]+[A-Za-z])", re.IGNORECASE)
# A labelled field: "Nama OPD : ...", "Unit Kerja : ...", "Instansi: ...", "Nama Unit Organisasi : ..."
_AGENCY_LABEL = re.compile(r"\b(?:opd|skpd|perangkat[ \t]+daerah|unit[ \t]+kerja(?:[ \t]+mandiri)?|organisasi|instansi)[ \t]*:[ \t]*", re.IGNORECASE)
# Case matters: "Provinsi Jawa Barat" / "PROVINSI JAWA BARAT" name a region, "kota se-Jawa Barat" does not.
# "Kabupaten/Kota" names every regency and city, not one ("Kabupaten/Kota dengan Standar Gizi Minimal")
_REGION = re.compile(r"(?<!/)\b(Kota|KOTA|Kabupaten|KABUPATEN|Kab\.|KAB\.|Provinsi|PROVINSI|Prov\.|PROV\.)(?!/)[ \t]+([A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,2})")
# Who heads a region names it: "Gubernur Jawa Barat", "Bupati Bandung", "Wali Kota Bogor"
_REGION_HEAD = re.compile(r"\b(Gubernur|GUBERNUR|Bupati|BUPATI|Wali[ \t]?[Kk]ota|WALI[ \t]?KOTA)[ \t]+([A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,2})")
_NAME_STOP = {"bab", "nama", "bidang", "selanjutnya", "disebut", "pihak", "nomor", "no", "tentang", "tahun", "ta", "jl", "jalan", "telepon", "unit", "review", "rencana", "laporan", "renstra", "lakip", "lkip", "perjanjian", "indikator", "pengukuran", "capaian", "target", "yang", "di", "untuk", "pada", "sebagai", "dalam", "kepala", "periode", "lembar", "halaman", "hal", "terhadap", "oleh", "adalah", "republik"}
# After its first word a name ends where a parent body begins: "Biro Organisasi Sekretariat Daerah"
_PARENT = {"sekretariat", "setda"}
# a region's name ends at these; one that begins with one is a sentence's words, no name ("Kota dengan ...")
_REGION_STOP = frozenset({"dan", "kab", "kota", "provinsi", "se", "dinas", "badan", "biro", "inspektorat", "sekretariat", "kantor", "satuan", "rsud", "dprd",
                          "dengan", "yang", "untuk", "dari", "pada", "sesuai", "di", "ke", "oleh", "atau", "serta"})
_ACRONYMS = {"rsud", "dprd", "uptd"}
_KINDS = {"kab.": "Kabupaten", "prov.": "Provinsi"}
_HEAD_KINDS = {"gubernur": "Provinsi", "bupati": "Kabupaten", "walikota": "Kota"}
# a national body on a cover's title lines: its report is the nation's, whatever places its tables name
_NATIONAL = re.compile(r"\b(?:kementerian|kementrian|republik[ \t]+indonesia|direktorat[ \t]+jenderal|badan\b[^\n]{0,60}\bnasional)\b", re.IGNORECASE)
NATIONAL = "Nasional"  # the region of a national body's report
TITLE_LINES = 8  # a cover's title, agency and region come before this many lines


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


# a cover's words glued together by its text layer: "RencanaStrategisInspektorat"
_GLUED = re.compile(r"\b[A-Z]?[a-z]{2,}(?:[A-Z][a-z]{2,}){2,}\b")
# the seat of a region's head is the government itself: "Kantor Gubernur Provinsi ...", "Kantor Bupati ..."
_HEAD_OFFICE = re.compile(r"^kantor\s+(gubernur|bupati|wali\s*kota)\b", re.IGNORECASE)
# a government's own report: "Laporan Kinerja (Instansi) Pemerintah Provinsi ...", or a cover headed
# "PEMERINTAH PROVINSI ..." that names no agency (an LRA by organisation)
_OWN_REPORT = re.compile(r"laporan\s+(?:akuntabilitas\s+)?kinerja\s+(?:instansi\s+)?pemerintah\s+(provinsi|kabupaten|kota)\b", re.IGNORECASE)
_GOVERNMENT = re.compile(r"^\s*pemerintah\s+(provinsi|kabupaten|kota)\b", re.IGNORECASE)
# a table row in a page's text: a leading code with money after it ("4.1.01 Dinas Pendidikan 10.000.000,00")
_TABLE_ROW = re.compile(r"^\s*\d[\d.\-]*\s.*\d{1,3}(?:\.\d{3}){2,}")


def _government(kind: str) -> str:
    """ "Pemerintah Provinsi" for a region's kind or its head ("gubernur", "kota")."""
    key = re.sub(r"\s", "", kind.lower())
    return "Pemerintah " + _HEAD_KINDS.get(key, key.capitalize())


def _prose(text: str) -> str:
    """The text without its table rows: an agency or a type is read from titles and prose, never from a
    table's cells (the first OPD row of an LRA is not whose report it is)."""
    return "\n".join("|" if _TABLE_ROW.search(ln) else ln for ln in text.splitlines())  # "|": no name runs across it


def _drop_abbreviation(name: str | None) -> str | None:
    """A name followed by its own abbreviation ("Dinas Sosial Dinsos", "Kecamatan Ciputat Kec"): the
    abbreviation goes (its letters start the name's words, in order)."""
    if not name or len(words := name.split()) < 2:
        return name
    last, rest = words[-1].lower(), [w.lower() for w in words[:-1]]

    def spells(k: int, pos: int) -> bool:  # last[pos:] made of prefixes of rest[k:], in order
        if pos == len(last):
            return True
        return any(rest[j].startswith(last[pos:pos + n]) and spells(j + 1, pos + n)
                   for j in range(k, len(rest)) for n in range(1, len(last) - pos + 1) if rest[j][:1] == last[pos])

    return " ".join(words[:-1]) if last.isalpha() and len(last) >= 2 and rest and last[0] == rest[0][0] and spells(0, 0) else name


def _unspace(line: str) -> str:
    """Letter-spaced cover titles read as words again: "T A H U N 2 0 1 6" -> "TAHUN2016"."""
    return re.sub(r"\b(?:\w ){3,}\w\b", lambda m: m.group().replace(" ", ""), line)


def _title(text: str) -> str:
    """Whitespace collapsed within lines; line breaks kept, since a name rarely runs across one."""
    return "\n".join(_unglue(_unspace(collapse_whitespace(undouble_glyphs(line)))) for line in text.splitlines() if line.strip())


def _unglue(line: str) -> str:
    return _GLUED.sub(lambda m: re.sub(r"(?<=[a-z])(?=[A-Z])", " ", m.group()), line)


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
        low = w.lower().strip(",")
        if low in _NAME_STOP or low in extra_stops or (parts and low in _PARENT):
            break
        parts.append(w.strip(","))
    small = {"dan", "dan/atau", "serta", "untuk", "&"}

    def case(k: int, p: str) -> str:
        if p.lower() in _ACRONYMS:
            return p.upper()
        if p.lower() in small and k:
            return p.lower()
        return p.capitalize() if p.isupper() or p.islower() else p

    return " ".join(case(k, p) for k, p in enumerate(parts))


SPELLING_RATIO = 90  # rapidfuzz ratio: two names this close are one name, one of them misspelt ("Kelauutan")


def _most_named(names: list[str]) -> str | None:
    """The name given most often; a name of several words beats a lone word; then the first given."""
    names = [n for n in names if n and n.lower() not in _BARE]
    if not names:
        return None
    counts = Counter(n.lower() for n in names)
    return max(names, key=lambda n: (counts[n.lower()], len(n.split()) > 1, -names.index(n)))


def _as_printed(name: str | None, text: str) -> str | None:
    """The spelling of an agency's name that `text` prints most often, of the name and its near spellings
    (a misspelt cover of an OCR'd text layer: "Perikannan" once, "Perikanan" on every page's header)."""
    if name is None:
        return None
    spellings = Counter(n for m in _AGENCY.finditer(text) if fuzz.ratio((n := _clean_name(m.group(1))).lower(), name.lower()) >= SPELLING_RATIO)
    best = max(spellings, key=lambda n: (spellings[n], n == name), default=name)
    return best if spellings[best] > spellings.get(name, 0) else name


def find_agency(text: str) -> str | None:
    """The agency the text names most often, anywhere."""
    return _most_named([_clean_name(m.group(1)) for m in _AGENCY.finditer(text)])


def agency_label(text: str) -> str | None:
    """The agency in a labelled field ("Nama OPD : Dinas Bina Marga"): the report says whose it is."""
    for m in _AGENCY_LABEL.finditer(text):
        if (a := _AGENCY.match(text, m.end())) and (name := _most_named([_clean_name(a.group(1))])):
            return name
    return None


def _agency_regions(text: str) -> list[tuple[str, str | None]]:
    """(agency, region) for each agency named right before a region ("Inspektorat Provinsi Jawa Barat").
    The agency may run over line breaks here, since the region after it marks where it ends; the region's
    name ends with the line it begins on."""
    flat = text.replace("\n", " ")
    out = []
    pos = 0
    while m := _AGENCY_IN_REGION.search(flat, pos):
        pos = m.end()
        if any(w.lower().strip(",") in _NAME_STOP for w in m.group(1).split()):
            pos = m.start() + 1  # "dinas terkait yang dibina oleh Dinas Sosial Kota ...": the name nearer the region
            continue
        r = _REGION.match(flat, _GAP_RE.match(flat, m.end()).end())
        region = None
        if r:
            cut = text.find("\n", r.start(2) + 1)
            words = _clean_name(flat[r.start(2) : r.end() if cut < 0 else min(r.end(), cut)], _REGION_STOP)
            region = f"{_KINDS.get(r.group(1).lower(), r.group(1).capitalize())} {words}" if words else None
        out.append((_clean_name(m.group(1)), region))
    return out


def agency_before_region(text: str) -> str | None:
    """The agency named most often right before a region."""
    return _most_named([a for a, _ in _agency_regions(text)])


def region_after_agency(text: str) -> str | None:
    """The region named most often right after an agency: whose report it is."""
    names = [r for a, r in _agency_regions(text) if r and a and a.lower() not in _BARE]
    return Counter(names).most_common(1)[0][0] if names else None


def _region_names(pattern: re.Pattern, text: str, kinds: dict) -> list[tuple[str, bool, int]]:
    """(name, open, position) per match; open when the name runs to the end of its line and may go on."""
    out = []
    for m in pattern.finditer(text):
        kind = kinds.get(re.sub(r"[ \t]", "", m.group(1).lower()), m.group(1).capitalize())
        name = _clean_name(m.group(2), _REGION_STOP)
        if name:
            full = len(name.split()) == len(m.group(2).split())
            line_end = m.end() == len(text) or text[m.end()] == "\n"
            out.append((f"{kind} {name}", full and line_end, m.start()))
    return out


def find_region(text: str) -> str | None:
    """The region named most often. A name that runs to its line's end may be cut short there (a table
    cell wrapping "Provinsi Jawa / Barat"), so it also counts for the longer names it begins; of the
    names counted nearly as often as the top one, the longest, then the first."""
    matches = _region_names(_REGION, text, _KINDS)
    if not matches:
        return None
    support: Counter = Counter()
    first: dict[str, int] = {}
    candidates = {" ".join(n.split()[:k]) for n, _, _ in matches for k in range(2, len(n.split()) + 1)}
    for c in candidates:
        for name, is_open, pos in matches:
            if name == c or name.startswith(c + " ") or (is_open and c.startswith(name + " ")):
                support[c] += 1
                first[c] = min(first.get(c, pos), pos)
    top = max(support.values())
    return max((n for n, c in support.items() if c >= 0.6 * top), key=lambda n: (len(n.split()), -first[n]))


def title_lines(text: str) -> list[str]:
    """A page's first lines up to its first table row or numbered item ("1 ...", "NO ...")."""
    lines = text.splitlines()[:TITLE_LINES]
    return lines[: next((k for k, ln in enumerate(lines) if re.match(r"(?:no\.?|\d[\d.]*)\s", ln, re.IGNORECASE)), len(lines))]


def title_region(text: str) -> str | None:
    """The first region on a cover's title lines, where names are printed whole."""
    for line in title_lines(text):
        if names := _region_names(_REGION, line, _KINDS):
            return names[0][0]
    return None


def region_of_head(text: str) -> str | None:
    """The region of the official who signs: "Gubernur Jawa Barat" -> "Provinsi Jawa Barat"."""
    names = [n for n, _, _ in _region_names(_REGION_HEAD, text, _HEAD_KINDS)]
    return Counter(names).most_common(1)[0][0] if names else None


# "Nomor 29 Tahun 2014" cites a law or decree: not the period of the report
_CITATION = re.compile(rf"\b(?:nomor|no\.?)\s*:?\s*[\w./-]+\s+tahun\s+{YEAR}\b")
_YEAR = rf"({YEAR})"
_TO = r"\s*(?:-|–|—|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?)+\s*"
_PERIOD = re.compile(
    rf"(?:\b(?:tahun|periode|th\.?|ta\.?)\s*(?:anggaran\s*)?:?\s*{_YEAR}(?:{_TO}{_YEAR})?\b)"  # "Tahun 2016", "Tahun Anggaran 2017"
    rf"|(?:\b{_YEAR}{_TO}{_YEAR}\b)"  # "2013-2018"
)


def find_period(text: str) -> tuple[int | None, int | None]:
    """The first period the text states: "Tahun 2025" -> (2025, 2025); "2023-2026" -> (2023, 2026)."""
    low = _CITATION.sub(" ", text.lower())
    for m in _PERIOD.finditer(low):
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        a, b = int(a), int(b or a)
        if 0 <= b - a <= 10:
            return (a, b)
    return (None, None)


def any_year(text: str) -> tuple[int | None, int | None]:
    """No period stated: the year printed most often (the latest of equals), law citations aside."""
    years = years_in(_CITATION.sub(" ", text.lower()))
    if not years:
        return (None, None)
    c = Counter(years)
    y = max(c, key=lambda k: (c[k], k))
    return (y, y)


def _government_agency(head: str, body: str) -> str | None:
    """"Pemerintah Provinsi" (Kabupaten, Kota) when the report is the government's own: its title says so,
    its cover is the head's office, or it is headed by the government and names no agency before its table."""
    if m := _OWN_REPORT.search(" ".join("\n".join(head.splitlines()[:TITLE_LINES]).split())):
        return _government(m.group(1))
    first = head.splitlines()[0] if head else ""
    if m := _HEAD_OFFICE.match(first):
        return _government(m.group(1))
    if (m := _GOVERNMENT.match(first)) and not _AGENCY.search(_prose("\n".join(head.splitlines()[1:TITLE_LINES]))):
        return _government(m.group(1))
    return None


def describe_document(first_pages_text: list[str]) -> DocumentInfo:
    """Read doc_type, agency, region and period from the first pages' text (the cover comes first).

    Each field is taken from the most telling place that has it: a labelled field or the cover's title
    lines, then the first page, then the next pages."""
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
    if doc_type == "OTHER":
        # a cover that says nothing: the next pages' titles (their first lines), not their tables
        doc_type = next((t for p in pages[1:] if (t := classify_doc_type("\n".join(title_lines(p)))) != "OTHER"), "OTHER")
    body = "\n".join(pages)
    agency = _drop_abbreviation(_as_printed(_government_agency(head, body) or agency_label(body) or agency_before_region(_prose(head))
                                            or find_agency(_prose(head)) or find_agency(_prose(body)), _prose(body)))
    national = NATIONAL if _NATIONAL.search("\n".join(title_lines(head))) else None  # a ministry's own, not an office of it in a region
    region = region_after_agency(head) or title_region(head) or national or find_region(head) or find_region(body) or region_of_head(body)
    year_from, year_to = (None, None)
    for find, text in ((find_period, head), (any_year, head), (find_period, body), (any_year, body)):
        if year_from is None:
            year_from, year_to = find(text)
    return DocumentInfo(doc_type, agency, region, year_from, year_to)
