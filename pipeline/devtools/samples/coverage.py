"""Documents whose coverage is known, one for each thing the coverage count must tell (`extractors/coverage.py`):

- a ruled table under a header no reader understands (no indicator column): nothing of it is read, its
  page's coverage is 0 and the document, with nothing read at all, is `document_unread`;
- a table read half: an indicator's target and realisasi under a header the reader knows, beside two
  columns of figures under a header it cannot interpret (a district each): coverage about 0.5;
- a table pasted as an image (a raster of a ruled table) under a text heading: an image page;
- a page of prose with numbers in its sentences: not a table page at all.

They are written apart from the sample set (`write_coverage_fixtures`); the names and figures are the
seed documents' (Dinas Sosial Kota Bekasi).
"""
from __future__ import annotations

from pathlib import Path

from .content import I_PPKS, I_PSKS, PPKS, S_PPKS, S_PSKS
from .corpora import _emit
from .formatting import _dots
from .layout import BOLD, Cell, Doc, H, Table

YEAR = 2024
AGENCY = "DINAS SOSIAL KOTA BEKASI"
SERVICES = ("Rehabilitasi sosial disabilitas", "Perlindungan anak terlantar", "Pelayanan lanjut usia", "Penanganan gelandangan",
            "Bantuan korban bencana", "Bantuan langsung tunai", "Pemberdayaan fakir miskin", "Pendampingan keluarga harapan",
            "Rumah singgah", "Layanan pengaduan sosial", "Pelatihan keterampilan", "Bantuan usaha ekonomi produktif")
NAMES = {"unknown_header": "coverage_unknown_header.pdf", "half_read": "coverage_half_read.pdf",
         "image": "coverage_table_image.pdf", "prose": "coverage_prose.pdf"}


def _cover(d: Doc, title: str) -> None:
    d.new_page()
    d.text(f"{title} {AGENCY} TAHUN {YEAR}", size=13, font=BOLD, align="C", after=14)


def unknown_header() -> Doc:
    """A ruled table of figures per service, its header naming no indicator, target or realisasi (a table of
    places would be skipped as such: this one is a table nobody could read)."""
    d = Doc(NAMES["unknown_header"], "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH")
    d.para("Sebaran penerima layanan sosial per jenis layanan disajikan pada tabel berikut.")
    head = [[H("Jenis Layanan"), H("Penerima"), H("Rumah Tangga"), H("Nilai Layanan"), H("Pendamping")]]
    rows = [[Cell(name), Cell(_dots(21_000 + 3_517 * k), al="R"), Cell(_dots(6_100 + 977 * k), al="R"),
             Cell(f"{12 + k},{k * 7 % 10}{k * 3 % 10}", al="R"), Cell(str(4 + k % 5), al="C")]
            for k, name in enumerate(SERVICES)]
    d.table(Table("unknown header", [130, 80, 80, 80, 60], head, rows, size=8), caption=(f"Tabel 2.1 Sebaran per Jenis Layanan Tahun {YEAR}",))
    return d


def half_read() -> Doc:
    """Target and realisasi of each indicator, read; beside them two columns of figures per district under
    a header no reader interprets ("Bekasi Utara", "Bekasi Selatan"): about half of the page's cells."""
    d = Doc(NAMES["half_read"], "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH")
    head = [[H("Indikator Kinerja"), H("Satuan"), H(f"Target {YEAR}"), H(f"Realisasi {YEAR}"), H("Bekasi Utara"), H("Bekasi Selatan")]]
    rows = []
    for k, (name, target, real, _) in enumerate(PPKS):
        indicator = f"Jumlah {name} yang ditangani"
        ctx = {"sasaran": "", "indicator": indicator, "year": YEAR, "period": ""}
        rows.append([Cell(indicator), Cell("Orang", al="C"),
                     Cell(target, al="C", fit=True, rec=("value", {**ctx, "measure": "target"})),
                     Cell(real, al="C", fit=True, rec=("value", {**ctx, "measure": "realisasi"})),
                     Cell(str(31 + 7 * k), al="C"), Cell(str(44 + 5 * k), al="C")])
    for indicator in (I_PPKS, I_PSKS):
        ctx = {"sasaran": S_PPKS if indicator == I_PPKS else S_PSKS, "indicator": indicator, "year": YEAR, "period": ""}
        rows.append([Cell(indicator), Cell("%", al="C"), Cell("100%", al="C", fit=True, rec=("value", {**ctx, "measure": "target"})),
                     Cell("93%", al="C", fit=True, rec=("value", {**ctx, "measure": "realisasi"})), Cell("47%", al="C"), Cell("52%", al="C")])
    d.table(Table("half read", [190, 50, 60, 60, 60, 60], head, rows, size=8), caption=(f"Tabel 3.1 Capaian Kinerja Tahun {YEAR}",))
    return d


def _table_image():
    """A ruled table drawn as pixels (what a screenshot pasted into Word is), 150 dpi."""
    from PIL import Image, ImageDraw, ImageFont
    import reportlab

    fonts = Path(reportlab.__file__).parent / "fonts"
    font, bold = ImageFont.truetype(str(fonts / "Vera.ttf"), 20), ImageFont.truetype(str(fonts / "VeraBd.ttf"), 20)
    xs = [0, 70, 560, 720, 880, 1040]
    rows = [("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian")]
    rows += [(str(k + 1), name, target, real, cap) for k, (name, target, real, cap) in enumerate(PPKS)]
    img = Image.new("L", (xs[-1] + 2, 50 * len(rows) + 2), 255)
    g = ImageDraw.Draw(img)
    for i, row in enumerate(rows):
        for x, text in zip(xs, row):
            g.text((x + 10, 50 * i + 13), text, font=bold if i == 0 else font, fill=0)
    for i in range(len(rows) + 1):
        g.line((0, 50 * i, xs[-1], 50 * i), fill=0, width=2)
    for x in xs:
        g.line((x, 0, x, 50 * len(rows)), fill=0, width=2)
    return img


def table_image() -> Doc:
    """A heading in text, and under it the table as an image: nothing of it can be read without OCR."""
    from reportlab.lib.utils import ImageReader

    d = Doc(NAMES["image"], "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH")
    d.new_page()
    d.text(f"Tabel 3.6 Realisasi PPKS Tahun {YEAR}", size=10, font=BOLD, align="C", after=8)
    img = _table_image()
    width = d.cw
    height = width * img.height / img.width
    d.c.drawImage(ImageReader(img), d.ml, d.y - height, width=width, height=height)
    d.y -= height + 10
    return d


def prose() -> Doc:
    """Paragraphs whose sentences hold numbers (percentages, years, counts, money): no table."""
    d = Doc(NAMES["prose"], "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH")
    d.new_page()
    d.text("BAB III AKUNTABILITAS KINERJA", size=12, font=BOLD, align="C", after=8)
    paragraphs = [
        f"Pada tahun {YEAR} capaian indikator persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial "
        f"sebesar 93,5 persen dari target 100 persen, naik dari 87,2 persen pada tahun {YEAR - 1} dan 81,9 persen "
        f"pada tahun {YEAR - 2}. Sebanyak 1.250 keluarga menerima bantuan, 312 di antaranya untuk pertama kali.",
        f"Anggaran yang dialokasikan sebesar Rp 15.061.828.880 dengan realisasi Rp 14.312.004.117 atau 95,02 persen. "
        f"Dari 12 kecamatan, 9 kecamatan melampaui target dan 3 kecamatan belum, terutama karena 2 bulan "
        f"pertama tahun {YEAR} digunakan untuk pemutakhiran data 21.340 penerima.",
        f"Indeks Kepuasan Masyarakat mencapai 83,33 dengan mutu pelayanan B (baik), dibandingkan 80,5 pada tahun "
        f"{YEAR - 1}. Sebanyak 4 dari 5 unit layanan memperoleh nilai di atas 80, dan 1 unit memperoleh 76,4.",
        f"Nilai Akuntabilitas Kinerja Instansi Pemerintah naik dari 67,07 menjadi 72,05, sementara target tahun "
        f"{YEAR + 1} ditetapkan 73,12 dan target akhir periode 74,10 pada tahun {YEAR + 2}.",
    ]
    for p in paragraphs * 2:
        d.para(p, size=10)
    return d


def coverage_docs() -> list[Doc]:
    return [unknown_header(), half_read(), table_image(), prose()]


def write_coverage_fixtures(out_dir: Path) -> list[Path]:
    """Write the coverage fixtures (`NAMES`) and their truth files into out_dir; return the PDF paths."""
    return _emit(Path(out_dir), coverage_docs())
