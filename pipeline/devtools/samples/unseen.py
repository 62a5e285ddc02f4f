"""Layouts met in reports from regions the rules were not written on, one generated document each, with
their truth: each holds a class of layout, so a test of it holds the class, not a file.

- a quarterly Renja evaluation form: "Realisasi Kinerja Pada Triwulan I - IV" over I | II | III | IV,
  each over K | Rp; the quarters not yet reported are empty, and the table runs on over pages whose
  header is not repeated (the empty ruled columns carry no text there);
- an LKIP capaian table, the city's own report, of grades with their scores in brackets ("B (60,05)"),
  a target range broken over two lines in a narrow cell ("68,65-" / "69,15"), a decimal broken after
  its comma, and one broken between two of its digits ("97,0" / "2");
- an LRA by organisation, headed by the government: long rekening codes of urusan, bidang, unit and
  account segments joined by "." and "-", and a bare group code;
- a Renja funding table whose code is printed over five narrow "Kode" columns, its cover's words glued;
- an IKU in the family's other words, its header ruled into nine rows and printed again inside;
- a Renstra funding table: "Target Kinerja dan Pagu Indikatif" over years over "Target | Pagu (Rp)", and
  "Target 2025-2029" over a column per year;
- an LKIP page whose decoration (a coloured band down its edge, a footer wave) lies over its table, and
  text drawn over every cell but clipped away (invisible: a template's leftovers under the page);
- a cascaded Renstra: tujuan, sasaran and program indicator columns side by side, one filled a row;
- an LKIP capaian table over two years, continued on the next page under its header printed again
  without its year line ("Target | Realisasi | Target | Realisasi");
- a hospital's LKIP whose numbered records are grouped under unnumbered heading rows ending in ":"
  ("Kinerja Layanan Rumah Sakit, meliputi:"), which head the rows below and are no record's name.
The evaluation form has no cover: its first page is the table.

The names and figures are the seed documents' (Dinas Sosial Kota Bekasi and its programs).
"""
from __future__ import annotations

from pathlib import Path

from .content import I_PPKS, I_PSKS, PROGRAMS, S_PPKS, S_PSKS, SUBKEG
from .corpora import _emit
from .formatting import _dots, _pct
from .layout import Cell, Doc, H, Table, landscape_cover as _cover
from .unseen_breaks import break_docs

YEAR = 2024


def _value(text: str, indicator: str, measure: str, period: str = "", sasaran: str = "", **truth) -> Cell:
    return Cell(text, al="C", fit=True, rec=("value", {"indicator": indicator, "sasaran": sasaran, "measure": measure,
                                                        "year": YEAR, "period": period, **truth}))


def quarterly_evaluation() -> Doc:
    """K and Rp per triwulan under a "Triwulan I - IV" range; two quarters reported, two empty; long
    enough to run over three pages with the header printed once. No cover: the form is the first page,
    and the agency is its first row, with its abbreviation in the last column."""
    d = Doc("unseen_evaluasi_renja_triwulan.pdf", "RENJA", footer="Evaluasi Renja Dinas Sosial")
    d.new_page(landscape=True)
    head = [
        [H("Urusan/Bidang Urusan/Program/Kegiatan", rs=3), H("Indikator Kinerja Program (Outcome)/Kegiatan (Output)", rs=3),
         H(f"Realisasi Kinerja Pada Triwulan I - IV Tahun {YEAR}", cs=8), H("Perangkat Daerah Penanggung Jawab", rs=3)],
        [H("I", cs=2), H("II", cs=2), H("III", cs=2), H("IV", cs=2)],
        [H("K"), H("Rp")] * 4,
    ]
    rows = [[Cell("DINAS SOSIAL", bold=True), Cell(""), Cell(""), Cell(_dots(3_814_194_520), al="R", fit=True), Cell(""),
             Cell(_dots(5_485_238_993), al="R", fit=True), Cell(""), Cell(""), Cell(""), Cell(""), Cell("DINSOS", al="C")]]
    for k in range(3):  # the seed's kegiatan, three times over: enough rows for three pages
        for name, indicator, _unit, target, real in SUBKEG:
            ind = f"{indicator} ({k + 1})" if k else indicator
            q1, q2 = round(real * 0.21), round(real * 0.47)
            rows.append([Cell(name), Cell(ind), _value(str(q1), ind, "realisasi", "TW1", name), Cell(_dots(q1 * 41_500), al="R", fit=True),
                         _value(str(q2), ind, "realisasi", "TW2", name), Cell(_dots(q2 * 39_800), al="R", fit=True),
                         Cell(""), Cell(""), Cell(""), Cell(""), Cell("DINSOS", al="C")])
    d.table(Table("evaluasi", [110, 150, 30, 62, 30, 62, 30, 50, 30, 50, 60], head, rows, size=7, repeat_head=False))
    return d


def scored_grades() -> Doc:
    """Grades with their score in brackets, a range broken in a narrow cell, a decimal broken at its comma
    and one between its digits (the column's other numbers print two places);
    the city's own report, its cover the mayor's office address."""
    d = Doc("unseen_lkip_grades.pdf", "LKIP", footer="LKIP Pemerintah Kota Bekasi")
    _cover(d, f"LAPORAN KINERJA PEMERINTAH KOTA BEKASI TAHUN {YEAR}")
    d.text("Kantor Wali Kota Bekasi", size=9, align="C", after=0)
    d.text("Jalan Ir. H. Juanda No. 100 Bekasi", size=9, align="C", after=10)
    head = [[H("No"), H("Sasaran"), H("Indikator Kinerja"), H(f"Target {YEAR}"), H(f"Realisasi {YEAR}"), H("Capaian (%)")]]
    rows = [
        [Cell("1"), Cell(S_PPKS), Cell("Indeks Reformasi Birokrasi"),
         _value("BB (70,00)", "Indeks Reformasi Birokrasi", "target", value="70", unit=""),
         _value("B (60,05)", "Indeks Reformasi Birokrasi", "realisasi", value="60.05", unit=""),
         _value("85,79", "Indeks Reformasi Birokrasi", "capaian")],
        [Cell("2"), Cell(S_PSKS), Cell("Indeks Kesehatan"),
         Cell("75,65-\n76,15", al="C", rec=("value", {"indicator": "Indeks Kesehatan", "sasaran": S_PSKS, "measure": "target",
                                                      "year": YEAR, "period": "", "value": "", "unit": ""}), reads="75,65-76,15"),
         _value("75,92", "Indeks Kesehatan", "realisasi"), Cell("")],
        [Cell("3"), Cell(S_PPKS), Cell(I_PPKS),
         _value("15", I_PPKS, "target", unit="%"),
         Cell("15,\n82", al="C", rec=("value", {"indicator": I_PPKS, "sasaran": S_PPKS, "measure": "realisasi", "year": YEAR,
                                                "period": "", "value": "15.82", "unit": ""}), reads="15,82"),
         _value("105,47", I_PPKS, "capaian")],
        [Cell("4"), Cell(S_PSKS), Cell(I_PSKS), _value("80", I_PSKS, "target"), _value("82", I_PSKS, "realisasi"),
         _value("102,5", I_PSKS, "capaian")],
        [Cell("5"), Cell(S_PPKS), Cell("Persentase anak terlantar yang dijangkau"),
         _value("12", "Persentase anak terlantar yang dijangkau", "target"), _value("11,64", "Persentase anak terlantar yang dijangkau", "realisasi"),
         Cell("97,0\n2", al="C", rec=("value", {"indicator": "Persentase anak terlantar yang dijangkau", "sasaran": S_PPKS, "measure": "capaian",
                                                 "year": YEAR, "period": "", "value": "97.02", "unit": ""}), reads="97,02")],
    ]
    d.table(Table("capaian", [24, 210, 190, 36, 70, 60], head, rows, size=8),
            caption=(f"Tabel 3.1 Capaian Kinerja Tahun {YEAR}",))
    return d


def _budget(code: str, name: str, pagu: int, real: int) -> list[Cell]:
    rec = ("budget", {"year": YEAR, "code": code, "name": name, "pagu": _dots(pagu), "realisasi": _dots(real), "pct": _pct(real, pagu)})
    return [Cell(code, rec=rec), Cell(name), Cell(_dots(pagu) + ",00", al="R", fit=True), Cell(_dots(real) + ",00", al="R", fit=True),
            Cell(f"({_dots(pagu - real)},00)", al="R", fit=True), Cell(_pct(real, pagu), al="C", fit=True)]


def lra_codes() -> Doc:
    """Rekening codes of many segments joined by "." and "-", and a bare group code; headed by the
    government, its rows the agencies (the first of them is not whose report it is)."""
    d = Doc("unseen_lra_opd.pdf", "LRA", footer="LRA Pemerintah Kota Bekasi")
    _cover(d, "PEMERINTAH KOTA BEKASI", "LAPORAN REALISASI ANGGARAN MENURUT URUSAN PEMERINTAHAN DAERAH DAN ORGANISASI",
           f"Tahun Anggaran {YEAR}")
    head = [[H("KODE", rs=2), H("URAIAN", rs=2), H("JUMLAH (Rp)", cs=2), H("BERTAMBAH / (BERKURANG)", cs=2)],
            [H("ANGGARAN"), H("REALISASI"), H("(Rp)"), H("(%)")]]
    total_p, total_r = sum(p for *_, p, _ in PROGRAMS), sum(r for *_, r in PROGRAMS)
    rows = [_budget("5", "BELANJA DAERAH", total_p, total_r)]
    for k, (code, name, pagu, real) in enumerate(PROGRAMS, 1):
        unit = f"1.06.0{k}.1-06.0-00.0-00.01"
        rows.append(_budget(unit, "Dinas Sosial" if k == 1 else name.replace("Program ", "Bidang "), pagu, real))
        rows.append(_budget(f"{unit}.1", "BELANJA OPERASI", round(pagu * 0.8), round(real * 0.8)))
        rows.append(_budget(f"{unit}.1.01", "Belanja Pegawai", round(pagu * 0.5), round(real * 0.5)))
    d.table(Table("lra", [150, 230, 92, 92, 92, 40], head, rows, size=7.5))
    return d


def split_codes() -> Doc:
    """A program / kegiatan code printed over five narrow "Kode" columns is one code; the cover's text
    layer glues its words together."""
    d = Doc("unseen_renja_kode.pdf", "RENJA", footer="Renja Dinas Sosial")
    _cover(d, "RencanaKerjaPerangkatDaerah", f"DinasSosialKotaBekasi Tahun {YEAR}")
    head = [[H("Kode", cs=5), H("Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan"), H("Indikator Kinerja Program/Kegiatan"),
             H("Lokasi"), H(f"Target Capaian Kinerja {YEAR}"), H("Kebutuhan Dana/ Pagu Indikatif (Rp)")]]
    rows = []
    for k, (code, name, pagu, _real) in enumerate(PROGRAMS[1:4], 2):
        rec = ("budget", {"year": YEAR, "code": f"1.06.0{k}", "name": name, "pagu": _dots(pagu), "realisasi": "", "pct": ""})
        rows.append([Cell("1", rec=rec), Cell("06"), Cell(f"0{k}"), Cell(""), Cell(""), Cell(name), Cell(""), Cell(""), Cell(""),
                     Cell(_dots(pagu), al="R", fit=True)])
        for j, (kegiatan, indicator, unit, target, _r) in enumerate(SUBKEG[:2], 1):
            part = round(pagu * 0.4)
            rec = ("budget", {"year": YEAR, "code": f"1.06.0{k}.2.0{j}", "name": kegiatan, "pagu": _dots(part), "realisasi": "", "pct": ""})
            rows.append([Cell("1", rec=rec), Cell("06"), Cell(f"0{k}"), Cell("2"), Cell(f"0{j}"), Cell(kegiatan), Cell(indicator),
                         Cell("Kota Bekasi"), Cell(f"{target} {unit}"), Cell(_dots(part), al="R", fit=True)])
    d.table(Table("renja", [16, 18, 18, 14, 18, 200, 200, 60, 60, 90], head, rows, size=7.5))
    return d


def unseen_docs() -> list[Doc]:
    return [quarterly_evaluation(), scored_grades(), lra_codes(), split_codes(), family_vocabulary(), money_and_targets(), decorated_page(), cascaded_renstra(),
            grouped_records(), repeated_short_header(), borderless_categories(), borderless_pair(), organisation_budget(), *break_docs()]


def write_unseen(out_dir: Path) -> list[Path]:
    """The documents above, with sample_truth.csv and sample_budget_truth.csv beside them."""
    return _emit(Path(out_dir), unseen_docs())


def family_vocabulary() -> Doc:
    """The family's words, not one province's: the name column headed "Nama IKU", a baseline headed
    "Angka Dasar", a capaian headed "Persentase (Kinerja)", a header word "dan" before "Akuntabel" (not
    "dana"), a header ruled into nine rows (its left and right groups at different heights), and the
    header printed again inside the table before its second sasaran."""
    d = Doc("unseen_iku_vocabulary.pdf", "IKU", footer="IKU Dinas Sosial")
    _cover(d, "INDIKATOR KINERJA UTAMA", f"DINAS SOSIAL KOTA BEKASI TAHUN {YEAR}")
    # 8 header tiers and a numbering row; each group ruled at its own heights, so the rules cut the band
    # into nine grid rows
    blank = Cell("")
    head = [
        [H("No", rs=8), H("Sasaran", rs=3), H("Nama IKU", rs=6), H("Satuan", rs=8), H("Kinerja", cs=3)],
        [H("Tahun", cs=3)],
        [H(f"Angka Dasar {YEAR - 1}", rs=5), H(f"Target {YEAR}", rs=2), H("Persentase (Kinerja)", rs=3)],
        [H("Bersih dan Akuntabel", rs=5)],
        [H("(Sasaran)", rs=4)],
        [Cell("", rs=3)],
        [Cell("", rs=2)],
        [Cell("", rs=1)],
        [Cell(f"({k})", al="C") for k in range(1, 8)],
    ]
    del blank
    repeat = [H("No"), H("Sasaran Bersih dan Akuntabel"), H("Nama IKU"), H("Satuan"), H(f"Angka Dasar {YEAR - 1}"), H(f"Target {YEAR}"), H("Persentase (Kinerja)")]
    rows = []
    for k, (sasaran, indicator, base, target, pct) in enumerate([
        (S_PPKS, I_PPKS, "12", "15", "105,47"), (S_PPKS, "Persentase anak terlantar yang dijangkau", "9,5", "13,17", "98,2"),
        (S_PSKS, I_PSKS, "70", "80", "102,5"), (S_PSKS, "Jumlah Pekerja Sosial Masyarakat yang Meningkat Kapasitasnya", "110", "118", "100"),
    ]):
        if k == 2:
            rows.append(repeat)
        rows.append([Cell(str(k + 1)), Cell(sasaran), Cell(indicator), Cell("%" if indicator.startswith("Persentase") else "Orang"),
                     _value(base, indicator, "baseline", sasaran=sasaran, year=YEAR - 1), _value(target, indicator, "target", sasaran=sasaran),
                     _value(pct, indicator, "capaian", sasaran=sasaran)])
    d.table(Table("iku", [24, 200, 220, 50, 70, 60, 70], head, rows, size=8))
    return d


def money_and_targets() -> Doc:
    """A Renstra funding table: "Target Kinerja dan Pagu Indikatif" over each year over "Target | Pagu
    (Rp)" (the target is a target, the pagu money), and a targets table whose parent "Target 2025-2029"
    stands over one column per year (each column its own year)."""
    d = Doc("unseen_renstra_pagu.pdf", "RENSTRA", footer="Renstra Dinas Sosial")
    _cover(d, "RENCANA STRATEGIS", "DINAS SOSIAL KOTA BEKASI TAHUN 2025-2029")
    years = (2025, 2026, 2027)
    head = [[H("No", rs=3), H("Program"), H("Indikator Kinerja Program", rs=3), H("Satuan", rs=3),
             H("Target Kinerja dan Pagu Indikatif", cs=6)],
            [H("", rs=2), *[H(str(y), cs=2) for y in years]],
            [H("Target"), H("Pagu (Rp)")] * 3]
    rows = []
    for k, (code, name, pagu, _real) in enumerate(PROGRAMS[1:4], 1):
        ind = f"Persentase capaian {name.lower()}"
        cells = []
        for j, y in enumerate(years):
            target = str(80 + 5 * j + k)
            cells += [_value(target, ind, "target", sasaran=name, year=y), Cell(_dots(round(pagu * (1 + 0.1 * j))), al="R", fit=True)]
        cells[1] = Cell(_dots(pagu), al="R", fit=True, rec=("budget", {"year": years[0], "code": "", "name": name, "pagu": _dots(pagu),
                                                                          "realisasi": "", "pct": ""}))
        rows.append([Cell(str(k)), Cell(name), Cell(ind), Cell("%"), *cells])
    d.table(Table("pagu", [20, 170, 200, 36, 40, 80, 40, 80, 40, 80], head, rows, size=7.5),
            caption=("Tabel 6.1 Rencana Program, Indikator Kinerja dan Pendanaan Indikatif",))
    head = [[H("No", rs=2), H("Indikator Kinerja", rs=2), H("Satuan", rs=2), H("Target 2025-2029", cs=5)],
            [H(str(y)) for y in range(2025, 2030)]]
    rows = [[Cell(str(k)), Cell(ind), Cell("%"), *[_value(str(60 + 2 * y - 4050 + k), ind, "target", year=y) for y in range(2025, 2030)]]
            for k, ind in enumerate((I_PPKS, I_PSKS), 1)]
    d.table(Table("target", [20, 300, 40, 60, 60, 60, 60, 60], head, rows, size=8), caption=("Tabel 6.2 Target Indikator Kinerja Utama",))
    return d


def decorated_page() -> Doc:
    """A report's page decoration over its table: a coloured band down the page's right edge, across the
    table's last column, a footer wave drawn as curves just under the table, and "(6)" printed all over
    the table under a clip path that hides it (no reader of the page sees it)."""
    d = Doc("unseen_lkip_decorated.pdf", "LKIP", footer="LKIP Dinas Sosial", margins=(30, 20, 62, 55))
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH", f"DINAS SOSIAL KOTA BEKASI TAHUN {YEAR}")
    c = d.c
    c.setFillColorRGB(0.55, 0.75, 0.35)
    c.rect(d.w - 100, 0, 40, d.h, stroke=0, fill=1)  # the band, drawn first: its edge runs through the capaian figures
    c.setFillGray(0)
    head = [[H("No"), H("Sasaran"), H("Indikator Kinerja"), H(f"Target {YEAR}"), H(f"Realisasi {YEAR}"), H("Capaian (%)")]]
    rows = [[Cell(str(k)), Cell(s), Cell(i), _value(t, i, "target", sasaran=s), _value(r, i, "realisasi", sasaran=s),
             _value(p, i, "capaian", sasaran=s)]
            for k, (s, i, t, r, p) in enumerate([(S_PPKS, I_PPKS, "15", "15,82", "105,47"), (S_PSKS, I_PSKS, "80", "82", "102,5"),
                                                  (S_PPKS, "Persentase anak terlantar yang dijangkau", "12", "13,17", "109,75")], 1)]
    top = d.y
    d.table(Table("capaian", [24, 230, 250, 70, 70, 140], head, rows, size=8, center=False))
    c.saveState()
    hidden = c.beginPath()
    hidden.rect(0, 0, 2, 2)  # the clip: a corner of the page; what follows is drawn outside it
    c.clipPath(hidden, stroke=0, fill=0)
    c.setFont("Helvetica", 8)
    for y in range(int(d.y), int(top), 9):
        for x in range(30, int(d.w) - 60, 30):
            c.drawString(x, y, "(6)")
    c.restoreState()
    y = d.y + 4  # the wave just under the table's bottom rule
    c.setStrokeColorRGB(0.2, 0.5, 0.8)
    c.setLineWidth(2)
    path = c.beginPath()
    path.moveTo(0, y)
    for k in range(8):
        x = k * d.w / 8
        path.curveTo(x + d.w / 24, y + 8, x + d.w / 12, y - 8, x + d.w / 8, y)
    c.drawPath(path, stroke=1, fill=0)
    c.setStrokeGray(0)
    c.setLineWidth(0.5)
    return d


def cascaded_renstra() -> Doc:
    """A cascaded Renstra table: tujuan, sasaran and program each with an indicator column of its own,
    side by side, sharing the satuan, baseline and target columns at the right; each row fills one."""
    d = Doc("unseen_renstra_cascade.pdf", "RENSTRA", footer="Renstra Dinas Sosial")
    _cover(d, "RENCANA STRATEGIS", "DINAS SOSIAL KOTA BEKASI TAHUN 2025-2029")
    head = [[H("No"), H("Tujuan"), H("Indikator Tujuan"), H("Sasaran"), H("Indikator Sasaran"), H("Program"), H("Indikator Program"),
             H("Satuan"), H("Kondisi Kinerja Awal 2024"), H("Target 2025"), H("Target 2026")]]
    levels = [
        (1, "Penurunan Tingkat Kemiskinan dan Peningkatan Ketahanan Sosial Masyarakat", "Persentase Masyarakat Miskin", "%", "4,01", "3,98", "3,90"),
        (3, S_PPKS, I_PPKS, "%", "12", "15", "18"),
        (5, PROGRAMS[2][1], "Persentase PPKS yang direhabilitasi", "%", "60", "65", "70"),
        (3, S_PSKS, I_PSKS, "%", "70", "80", "85"),
        (5, PROGRAMS[1][1], "Jumlah PSKS yang diberdayakan", "Lembaga", "110", "118", "125"),
    ]
    rows = []
    for k, (col, name, indicator, unit, base, t1, t2) in enumerate(levels, 1):
        cells = [Cell("")] * 6
        cells[col - 1], cells[col] = Cell(name), Cell(indicator)
        rows.append([Cell(str(k)), *cells, Cell(unit), _value(base, indicator, "baseline", year=2024), _value(t1, indicator, "target", year=2025),
                     _value(t2, indicator, "target", year=2026)])
    d.table(Table("cascade", [18, 100, 100, 100, 100, 100, 100, 40, 50, 44, 44], head, rows, size=7))
    return d


def grouped_records() -> Doc:
    """Numbered records under heading rows of their own: "Kinerja Layanan Rumah Sakit, meliputi:" is printed
    in the indicator column, unnumbered and without values, between two records; it heads the rows below."""
    d = Doc("unseen_lkip_rsud.pdf", "LKIP", footer="LKIP RSUD Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH", f"RSUD KOTA BEKASI TAHUN {YEAR}")
    head = [[H("No"), H("Indikator Kinerja"), H(f"Target {YEAR}"), H(f"Realisasi {YEAR}"), H("Capaian (%)")]]
    groups = [
        ("Kinerja Layanan Rumah Sakit, meliputi:", [("Bed Occupancy Rate (BOR)", "75", "71,20", "94,93"),
                                                   ("Average Length of Stay (ALOS)", "6", "4,10", "146,34")]),
        ("Kinerja Mutu Pelayanan, meliputi:", [("Persentase kepuasan pasien", "80", "84,50", "105,63"),
                                              ("Angka kematian pasien lebih dari 48 jam", "2,5", "1,90", "131,58")]),
    ]
    rows, k = [], 0
    for heading, records in groups:
        rows.append([Cell(""), Cell(heading, bold=True), Cell(""), Cell(""), Cell("")])
        group = heading.removesuffix(", meliputi:")
        for name, target, real, pct in records:
            k += 1
            rows.append([Cell(str(k), al="C"), Cell(name), _value(target, name, "target", sasaran=group), _value(real, name, "realisasi", sasaran=group),
                         _value(pct, name, "capaian", sasaran=group)])
    d.table(Table("capaian", [30, 330, 70, 70, 70], head, rows, size=8), caption=(f"Tabel 3.1 Capaian Indikator Kinerja Tahun {YEAR}",))
    return d


def repeated_short_header() -> Doc:
    """Target and realisasi of two years; the table runs on to the next page, whose header is printed again
    without its year line: its columns are the first page's, years included."""
    d = Doc("unseen_lkip_two_years.pdf", "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH", f"DINAS SOSIAL KOTA BEKASI TAHUN {YEAR}")
    years = (YEAR - 1, YEAR)
    full = [[H("No", rs=2), H("Indikator Kinerja", rs=2), H("Satuan", rs=2), H(str(years[0]), cs=2), H(str(years[1]), cs=2)],
            [H("Target"), H("Realisasi"), H("Target"), H("Realisasi")]]
    short = [[H("No"), H("Indikator Kinerja"), H("Satuan"), H("Target"), H("Realisasi"), H("Target"), H("Realisasi")]]
    records = [(I_PPKS, "%", ("14", "14,50", "15", "15,82")), (I_PSKS, "%", ("75", "78", "80", "82")),
               ("Persentase anak terlantar yang dijangkau", "%", ("10", "11,25", "12", "13,17")),
               ("Jumlah Pekerja Sosial Masyarakat yang Meningkat Kapasitasnya", "Orang", ("100", "104", "110", "118"))]

    def row(k: int, name: str, unit: str, figures: tuple[str, ...]) -> list[Cell]:
        cells = [_value(v, name, measure, year=y) for v, (measure, y) in
                 zip(figures, [("target", years[0]), ("realisasi", years[0]), ("target", years[1]), ("realisasi", years[1])])]
        return [Cell(str(k), al="C"), Cell(name), Cell(unit, al="C"), *cells]

    widths = [24, 300, 50, 60, 60, 60, 60]
    d.table(Table("capaian", widths, full, [row(k, *r) for k, r in enumerate(records[:2], 1)], size=8),
            caption=(f"Tabel 3.1 Capaian Indikator Kinerja Tahun {years[0]}-{years[1]}",))
    d.new_page(landscape=True)
    d.table(Table("capaian", widths, short, [row(k, *r) for k, r in enumerate(records[2:], 3)], size=8))
    return d


def borderless_categories() -> Doc:
    """A borderless table under a paragraph and a two-line caption, its name column headed by what the rows
    are ("Jenis Layanan"), not by "Indikator": the column of names before the target and realisasi
    columns is the indicator's; one name wraps onto a second line."""
    d = Doc("unseen_lkip_borderless.pdf", "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH", f"DINAS SOSIAL KOTA BEKASI TAHUN {YEAR}")
    d.new_page()
    d.para(f"Realisasi layanan rehabilitasi sosial bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) Tahun {YEAR} "
           "menurut jenis layanan adalah sebagai berikut:")
    head = [[H("No"), H("Jenis Layanan"), H("Target"), H("Realisasi"), H("Capaian"), H("Ket")]]
    records = [("Rehabilitasi sosial penyandang disabilitas terlantar", "672", "672", "100%"),
               ("Perlindungan anak terlantar", "400", "400", "100%"),
               ("Pelayanan lanjut usia terlantar di luar panti sosial milik pemerintah daerah", "300", "285", "95%"),
               ("Penanganan gelandangan dan pengemis", "204", "204", "100%"),
               ("Bantuan langsung tunai masyarakat miskin", "10.928", "10.149", "93%")]
    rows = [[Cell(str(k), al="C"), Cell(name), _value(t, name, "target"), _value(r, name, "realisasi"), _value(c, name, "capaian"), Cell("")]
            for k, (name, t, r, c) in enumerate(records, 1)]
    d.table(Table("layanan", [28, 190, 64, 64, 60, 60], head, rows, size=8, ruled=False, shade=False),
            caption=("Tabel 3.6 Realisasi Layanan Rehabilitasi Sosial bagi Pemerlu",
                     f"Pelayanan Kesejahteraan Sosial (PPKS) Tahun {YEAR}"))
    d.new_page()
    d.para("Pembiayaan daerah pada tahun anggaran berjalan dapat diuraikan sebagai berikut:")
    head = [[H("Pembiayaan Daerah"), H("Target"), H("Realisasi"), H("Persen")]]
    financing = [("PENERIMAAN PEMBIAYAAN", 476_782_631_305, 499_350_054_431), ("Sisa Lebih Perhitungan Anggaran Tahun Sebelumnya", 476_782_631_305, 499_350_054_431),
                 ("PENGELUARAN PEMBIAYAAN", 210_500_000_000, 210_500_000_000), ("Penyertaan Modal Daerah", 210_500_000_000, 210_500_000_000),
                 ("PEMBIAYAAN NETTO", 266_282_631_305, 288_850_054_431)]
    rows = [[Cell(name), Cell(_dots(t) + ",00", al="R"), Cell(_dots(r) + ",00", al="R"), Cell(_pct(r, t), al="R")] for name, t, r in financing]
    d.table(Table("pembiayaan", [200, 100, 100, 50], head, rows, size=8, ruled=False, shade=False),
            caption=(f"Target dan Realisasi Pembiayaan Daerah Tahun Anggaran {YEAR}",))  # money, no indicator: no value of it is one
    d.new_page()
    head = [[H("No"), H("Bulan"), H("Kunjungan Wisatawan Mancanegara"), H("Kunjungan Wisatawan Nusantara"), H("Jumlah Kunjungan Wisatawan"), H("Keterangan")]]
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni")
    rows = [[Cell(f"{k}.", al="C"), Cell(m), Cell(str(8 * k), al="C"), Cell(_dots(1200 * k), al="C"), Cell(_dots(1208 * k), al="C"), Cell("")]
            for k, m in enumerate(months, 1)]
    d.table(Table("kunjungan", [28, 190, 64, 64, 60, 60], head, rows, size=8),
            caption=(f"Tabel 3.7 Kunjungan Wisatawan per Bulan Tahun {YEAR}",))  # its own table, not the page 2 table running on
    return d


def organisation_budget() -> Doc:
    """An LKIP's budget by organisation: "No | Perangkat Daerah | Pagu (Rp.) | Realisasi (Rp.) | Persen", its
    title printed inside its border (two rows across the table above the header), its lines the agencies;
    continued on the next page headed "OPD", its amounts printed with "," thousands ("2,684,886,550.00")
    under a "Realisasi" that names no money."""
    d = Doc("unseen_lkip_belanja_opd.pdf", "LKIP", footer="LKIP Pemerintah Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH", f"PEMERINTAH KOTA BEKASI TAHUN {YEAR}")
    agencies = [("Dinas Sosial", 132_893_902_921, 125_054_017_958), ("Dinas Pendidikan", 3_716_065_541_008, 3_530_068_529_471),
                ("Dinas Kesehatan", 582_285_230_483, 565_388_048_040), ("Dinas Perhubungan", 74_541_888_791, 70_866_274_311),
                ("Badan Perencanaan Pembangunan Daerah", 43_379_810_043, 41_649_336_993), ("Inspektorat Daerah", 75_143_006_680, 72_388_435_423),
                ("Sekretariat DPRD", 462_264_527_600, 442_630_573_090), ("Satuan Polisi Pamong Praja", 40_266_136_637, 36_609_008_072)]

    def line(k: int, name: str, pagu: int, real: int, thousands: str) -> list[Cell]:
        def amount(v: int) -> str:
            return _dots(v) + ",00" if thousands == "." else f"{v:,}.00"
        rec = ("budget", {"year": YEAR, "code": "", "name": name, "pagu": _dots(pagu), "realisasi": _dots(real), "pct": _pct(real, pagu)})
        return [Cell(str(k), al="C", rec=rec), Cell(name), Cell(amount(pagu), al="R", fit=True), Cell(amount(real), al="R", fit=True),
                Cell(_pct(real, pagu), al="C")]

    widths = [28, 200, 110, 110, 50]
    head = [[H("PAGU DAN REALISASI BELANJA DAERAH KOTA BEKASI PER PERANGKAT DAERAH", cs=5)], [H(f"TAHUN ANGGARAN {YEAR}", cs=5)],
            [H("NO."), H("PERANGKAT DAERAH"), H("PAGU (Rp.)"), H("REALISASI (Rp.)"), H("PERSEN")]]
    d.new_page()
    d.para(f"Secara garis besar pagu dan realisasi belanja daerah Tahun {YEAR} dapat dilihat pada tabel berikut ini:")
    d.table(Table("belanja", widths, head, [line(k, *a, ".") for k, a in enumerate(agencies[:4], 1)], size=8))
    d.new_page()
    head = [[H("NO."), H("OPD"), H("PAGU"), H("REALISASI"), H("PERSEN")]]
    d.table(Table("belanja", widths, head, [line(k, *a, ",") for k, a in enumerate(agencies[4:], 5)], size=8))
    return d


def borderless_pair() -> Doc:
    """Two borderless tables on one page, each under a sentence ending in ":" and its caption: camelot
    stream's guessed area takes the sentence in as a row, and stops after the first table."""
    d = Doc("unseen_lkip_two_borderless.pdf", "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    d.new_page()
    tables = (("Tabel 3.6 Realisasi Layanan Rehabilitasi Sosial", [("Perlindungan anak terlantar", "400", "400", "100%"),
                                                                 ("Penanganan gelandangan dan pengemis", "204", "204", "100%"), ("Bantuan sosial bencana", "50", "45", "90%")]),
              ("Tabel 3.7 Realisasi Pemberdayaan Sosial", [("Pelatihan keterampilan kerja", "120", "96", "80%"),
                                                         ("Pendampingan usaha ekonomi produktif", "60", "60", "100%"), ("Bantuan modal usaha", "30", "27", "90%")]))
    for caption, records in tables:
        d.para("Realisasi program pada tahun berjalan menurut jenis layanan adalah sebagai berikut:")
        head = [[H("No"), H("Jenis Layanan"), H("Target"), H("Realisasi"), H("Capaian"), H("Ket")]]
        rows = [[Cell(str(k), al="C"), Cell(n), _value(t, n, "target"), _value(r, n, "realisasi"), _value(c, n, "capaian"), Cell("")]
                for k, (n, t, r, c) in enumerate(records, 1)]
        d.table(Table("layanan", [28, 190, 64, 64, 60, 60], head, rows, size=8, ruled=False, shade=False), caption=(f"{caption} Tahun {YEAR}",))
    return d
