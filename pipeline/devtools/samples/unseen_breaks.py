"""Layouts of issue 14 classes 12 and 13, generated with their truth (registered in `unseen.unseen_docs`):

- a record split by a page break: a long ruled table's last record on a page is cut, and its tail (the
  rest of its name, or only its code, no values, no number of its own) stands at the top of the next
  page, in the same columns; with and without the header printed again, with and without a "No" column;
- a budget table whose lines are split so (a kegiatan's name cut; a line whose code fell to the next page);
- an IKI whose "Jabatan :" heading is printed below a page's last table, its table on the next page;
- a Renstra funding table ("Rencana Program, Kegiatan, Indikator Kinerja dan Pendanaan Indikatif") of
  program rows and the kegiatan and sub-kegiatan rows beneath each, each with code, indicator, target
  and "Rp" per year: every row's pagu is a budget line with its own code and level;
- a Renja evaluation form with every money column of the regulation's form: the plan period's target,
  the realisation up to last year, the year's target, K and Rp per triwulan, the year's realisation and
  the plan's realisation up to this year: a budget line takes the year's pagu and realisation by header.

Names and figures are the seed documents' (Dinas Sosial Kota Bekasi and its programs).
"""
from __future__ import annotations

from .content import I_PPKS, I_PSKS, LAMPUNG, PROGRAMS, S_PPKS, S_PSKS, SUBKEG
from .formatting import _dots, _pct
from .layout import Cell, Doc, H, Table, _heights, _place, landscape_cover as _cover

YEAR = 2024


def _value(text: str, indicator: str, measure: str, year: int = YEAR, period: str = "", sasaran: str = "", jabatan: str = "",
           **truth) -> Cell:
    return Cell(text, al="C", fit=True, rec=("value", {"indicator": indicator, "sasaran": sasaran, "jabatan": jabatan, "measure": measure,
                                                        "year": year, "period": period, **truth}))


def _budget(code: str, name: str, pagu: int, real: int | None = None) -> tuple[str, dict]:
    return ("budget", {"year": YEAR, "code": code, "name": name, "pagu": _dots(pagu), "realisasi": _dots(real) if real is not None else "",
                       "pct": _pct(real, pagu) if real is not None else ""})


def _heights_of(d: Doc, t: Table) -> tuple[float, list[float]]:
    """The printed height of a table's header, and of each of its body rows, on this document's page."""
    ncols = len(t.widths)
    widths = list(t.widths)
    if sum(widths) > d.cw:
        widths = [w * d.cw / sum(widths) for w in widths]
    head, nh = _place(t.head, ncols)
    body, nb = _place(t.body, ncols)
    return sum(_heights(head, nh, widths, t.head_size or t.size, True)), _heights(body, nb, widths, t.size, False)


def _to_page_foot(d: Doc, t: Table, caption: int = 0) -> None:
    """Move the cursor down so that the table (and its caption lines) ends at the page's bottom margin:
    the next part of it starts the next page, as a long table runs on."""
    head, rows = _heights_of(d, t)
    height = head + sum(rows) + caption * 13 + (4 if caption else 0)
    d.y = min(d.y, d.mb + height + 1)


def _rows_that_fit(d: Doc, t: Table) -> int:
    """How many of the table's body rows fit between the cursor and the page's bottom margin."""
    head, rows = _heights_of(d, t)
    room, k = d.y - d.mb - head, 0
    while k < len(rows) and room >= rows[k]:
        room -= rows[k]
        k += 1
    return k


def _split(name: str, words: int) -> tuple[str, str]:
    """A name cut after its first `words` words: what the page holds, and the tail the next page prints."""
    parts = name.split()
    return " ".join(parts[:words]), " ".join(parts[words:])


def split_records() -> Doc:
    """Two capaian tables, each running over a page break that cuts a record: the first numbered and
    continued without its header, its cut record's tail at the top of the next page in the indicator
    column only; the second without a "No" column and continued under its header printed again."""
    d = Doc("unseen_lkip_split_record.pdf", "LKIP", footer="LKIP Dinas Sosial Kota Bekasi")
    _cover(d, "LAPORAN KINERJA INSTANSI PEMERINTAH", f"DINAS SOSIAL KOTA BEKASI TAHUN {YEAR}")
    head = [[H("No"), H("Indikator Kinerja"), H("Satuan"), H(f"Target {YEAR}"), H(f"Realisasi {YEAR}"), H("Capaian (%)")]]
    widths = [28, 380, 60, 70, 70, 70]
    records = [(indicator, unit, str(target), str(real), _pct(real, target)) for _keg, indicator, unit, target, real in SUBKEG[:6]]

    def row(k: int, name: str, unit: str, target: str, real: str, pct: str, printed: str | None = None) -> list[Cell]:
        return [Cell(str(k), al="C"), Cell(printed or name), Cell(unit, al="C"), _value(target, name, "target"), _value(real, name, "realisasi"),
                _value(pct, name, "capaian")]

    cut = 3  # the page ends inside record 3's name
    head_part, tail = _split(records[cut - 1][0], 4)
    first = Table("capaian", widths, head, [row(k, *r, printed=head_part if k == cut else None) for k, r in enumerate(records[:cut], 1)], size=8)
    d.text("Capaian indikator kinerja kegiatan Dinas Sosial disajikan pada tabel berikut.", size=10)
    _to_page_foot(d, first, caption=1)
    d.table(first, caption=(f"Tabel 3.1 Capaian Indikator Kinerja Kegiatan Tahun {YEAR}",))
    d.new_page(landscape=True)
    rest = [[Cell(""), Cell(tail), Cell(""), Cell(""), Cell(""), Cell("")]] + [row(k, *r) for k, r in enumerate(records[cut:], cut + 1)]
    d.table(Table("capaian", widths, [], rest, size=8))

    d.text("Capaian indikator kinerja sasaran disajikan pada tabel berikut.", size=10)
    head = [[H("Sasaran Strategis"), H("Indikator Kinerja"), H(f"Target {YEAR}"), H(f"Realisasi {YEAR}"), H("Capaian (%)")]]
    widths = [250, 300, 70, 70, 70]
    sasaran = [(S_PPKS, I_PPKS, "15", "15,82", "105,47"), (S_PSKS, I_PSKS, "80", "82", "102,5"),
               (S_PPKS, "Persentase anak terlantar yang dijangkau dan mendapatkan layanan rehabilitasi sosial di dalam panti", "12", "13,17",
                "109,75"),
               (S_PSKS, "Jumlah Pekerja Sosial Masyarakat yang Meningkat Kapasitasnya", "110", "118", "107,27")]

    def srow(s: str, name: str, target: str, real: str, pct: str, printed: str | None = None) -> list[Cell]:
        return [Cell(s), Cell(printed or name), _value(target, name, "target", sasaran=s), _value(real, name, "realisasi", sasaran=s),
                _value(pct, name, "capaian", sasaran=s)]

    head_part, tail = _split(sasaran[2][1], 8)
    first = Table("sasaran", widths, head, [srow(*r, printed=head_part if k == 2 else None) for k, r in enumerate(sasaran[:3])], size=8)
    _to_page_foot(d, first, caption=1)
    d.table(first, caption=(f"Tabel 3.2 Capaian Indikator Kinerja Sasaran Tahun {YEAR}",))
    d.new_page(landscape=True)
    d.table(Table("sasaran", widths, head, [[Cell(""), Cell(tail), Cell(""), Cell(""), Cell("")], srow(*sasaran[3])], size=8))
    return d


def split_budget_lines() -> Doc:
    """A budget realisation table (Kode | Program/Kegiatan | Anggaran | Realisasi | %) over three pages, its
    header printed again on each: the first break cuts a kegiatan's name, whose tail opens the next page;
    at the second, a line's code (printed at the foot of its tall cell) fell to the next page alone."""
    d = Doc("unseen_renja_split_budget.pdf", "RENJA", footer="Renja Dinas Sosial Kota Bekasi")
    _cover(d, "RENCANA KERJA PERANGKAT DAERAH", f"DINAS SOSIAL KOTA BEKASI TAHUN {YEAR}")
    head = [[H("Kode"), H("Program/Kegiatan"), H("Anggaran (Rp)"), H("Realisasi (Rp)"), H("Capaian (%)")]]
    widths = [90, 380, 100, 100, 60]
    lines = [("1.06.04", PROGRAMS[2][1], PROGRAMS[2][2], PROGRAMS[2][3])]
    for k, (kegiatan, *_rest) in enumerate(SUBKEG, 1):
        name = kegiatan if k != 2 else f"{kegiatan} bagi Penyandang Disabilitas Terlantar, Anak Terlantar dan Lanjut Usia Terlantar di Luar Panti"
        lines.append((f"1.06.04.2.{k:02d}", name, 300_000_000 + 41_250_000 * k, 270_000_000 + 38_125_500 * k))
    lines.append(("1.06.05", PROGRAMS[3][1], PROGRAMS[3][2], PROGRAMS[3][3]))
    lines += [(f"1.06.05.2.{k:02d}", kegiatan, 200_000_000 + 21_500_000 * k, 180_000_000 + 19_250_000 * k) for k, (kegiatan, *_r) in enumerate(SUBKEG[:8], 1)]

    def row(code: str, name: str, pagu: int, real: int, printed_code: str | None = None, printed_name: str | None = None) -> list[Cell]:
        return [Cell(code if printed_code is None else printed_code, rec=("budget", _budget(code, name, pagu, real)[1])), Cell(printed_name or name),
                Cell(_dots(pagu), al="R", fit=True), Cell(_dots(real), al="R", fit=True), Cell(_pct(real, pagu), al="C", fit=True)]

    head_part, tail = _split(lines[2][1], 6)
    first = Table("anggaran", widths, head, [row(*ln, printed_name=head_part if k == 2 else None) for k, ln in enumerate(lines[:3])], size=8)
    _to_page_foot(d, first, caption=1)
    d.table(first, caption=(f"Tabel 2.3 Realisasi Anggaran Program dan Kegiatan Tahun {YEAR}",))
    d.new_page(landscape=True)
    rest = [[Cell(""), Cell(tail), Cell(""), Cell(""), Cell("")]] + [row(*ln) for ln in lines[3:]]
    fit = _rows_that_fit(d, Table("anggaran", widths, head, rest, size=8))
    cut = lines[3 + fit - 2]  # the page's last line: its code, printed at the foot of its cell, falls to the next page
    rest[fit - 1] = row(*cut, printed_code="")
    d.table(Table("anggaran", widths, head, rest[:fit], size=8))
    d.new_page(landscape=True)
    d.table(Table("anggaran", widths, head, [[Cell(cut[0]), Cell(""), Cell(""), Cell(""), Cell("")], *rest[fit:]], size=8))
    return d


def jabatan_below_table() -> Doc:
    """An IKI of two jabatan: the second's "Jabatan :" heading is printed under the first's table, at the
    foot of the page; its table starts the next page."""
    d = Doc("unseen_iki_jabatan_break.pdf", "IKI", footer="IKI Dinas Sosial Kabupaten Lampung Barat")
    _cover(d, "INDIKATOR KINERJA INDIVIDU (IKI)", "DINAS SOSIAL KABUPATEN LAMPUNG BARAT", f"TAHUN {YEAR}-{YEAR + 3}")
    years = [YEAR + k for k in range(4)]
    head = [[H("No", rs=2), H("Sasaran Kinerja", rs=2), H("Indikator Kinerja", rs=2), H("Target", cs=4), H("Sumber Data", rs=2)],
            [H(str(y)) for y in years]]
    widths = [24, 220, 260, 56, 56, 56, 56, 80]
    tables = []
    for jab, _tugas, _fungsi, _shift, groups in LAMPUNG[:2]:
        rows = []
        for no, sasaran, indicator, subs in ((g[0], g[1], g[2], g[3] if len(g) == 4 else [(g[3], g[4], "")]) for g in groups[:2]):
            targets = subs[0][1]
            rows.append([Cell(no, al="C"), Cell(sasaran), Cell(indicator),
                         *[_value(t, indicator, "target", year=y, sasaran=sasaran, jabatan=jab) for t, y in zip(targets, years)], Cell("Renstra", al="C")])
        tables.append((jab, Table(f"IKI {jab}", widths, head, rows, size=8)))
    (jab1, t1), (jab2, t2) = tables
    d.kv("1. Jabatan", jab1)
    d.y -= 4
    _to_page_foot(d, t1, caption=0)
    d.y += 40  # room under the table for the next heading
    d.table(t1)
    d.kv("1. Jabatan", jab2)
    d.new_page(landscape=True)
    d.table(t2)
    return d


def renstra_program_kegiatan() -> Doc:
    """Tabel "Rencana Program, Kegiatan, Indikator Kinerja dan Pendanaan Indikatif": a program row, then its
    kegiatan and each kegiatan's sub-kegiatan rows, each with its code, indicator, satuan, the baseline and a
    target and "Rp" for each year under "Target Kinerja dan Kerangka Pendanaan". Each row's first year's
    "Rp" is its budget line (its own code and level); the targets stay targets."""
    d = Doc("unseen_renstra_program_kegiatan.pdf", "RENSTRA", footer="Renstra Dinas Sosial Kota Bekasi")
    _cover(d, "RENCANA STRATEGIS", "DINAS SOSIAL KOTA BEKASI TAHUN 2025-2029")
    years = (2025, 2026, 2027)
    head = [[H("Kode", rs=3), H("Program, Kegiatan dan Sub Kegiatan", rs=3), H("Indikator Kinerja Program (Outcome), Kegiatan dan Sub Kegiatan (Output)", rs=3),
             H("Satuan", rs=3), H("Data Capaian pada Awal Tahun Perencanaan", rs=3), H("Target Kinerja dan Kerangka Pendanaan", cs=6)],
            [H(str(y), cs=2) for y in years],
            [H("Target"), H("Rp")] * 3]
    rows = []
    structure = [
        ("1.06.02", PROGRAMS[1][1], "Persentase PSKS yang aktif dalam penyelenggaraan kesejahteraan sosial", "%", "70", PROGRAMS[1][2], [
            ("1.06.02.2.01", "Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)", "Persentase KAT yang diberdayakan", "%", "40", 410_000_000, [
                ("1.06.02.2.01.0001", "Pemberdayaan Sosial Komunitas Adat Terpencil", "Jumlah warga KAT yang memperoleh pemberdayaan", "Orang", "120", 410_000_000)]),
            ("1.06.02.2.02", "Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota", "Persentase izin pengumpulan sumbangan yang diterbitkan", "%", "90", 95_500_000, [
                ("1.06.02.2.02.0001", "Penerbitan Izin Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota", "Jumlah izin yang diterbitkan", "Izin", "12",
                 95_500_000)]),
        ]),
        ("1.06.04", PROGRAMS[2][1], "Persentase PPKS yang mendapatkan rehabilitasi sosial dasar", "%", "60", PROGRAMS[2][2], [
            ("1.06.04.2.02", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti",
             "Persentase PPKS di luar panti yang terpenuhi kebutuhan dasarnya", "%", "55", 2_315_000_000, [
                 (f"1.06.04.2.02.000{k}", keg, indicator, unit, str(round(target * 0.9)), 380_000_000 + 25_000_000 * k)
                 for k, (keg, indicator, unit, target, _r) in enumerate(SUBKEG[:3], 1)]),
        ]),
    ]

    def row(code: str, name: str, indicator: str, unit: str, base: str, pagu: int, step: int, bold: bool = False) -> list[Cell]:
        cells = [Cell(code, bold=bold, rec=_budget(code, name, pagu)), Cell(name, bold=bold), Cell(indicator), Cell(unit, al="C"),
                 _value(base, indicator, "baseline", year=years[0] - 1, sasaran=name)]
        for j, y in enumerate(years):
            target = str(int(base) + step * (j + 1)) if base.isdigit() else base
            cells += [_value(target, indicator, "target", year=y, sasaran=name), Cell(_dots(round(pagu * (1 + 0.05 * j))), al="R", fit=True)]
        return cells

    for code, name, indicator, unit, base, pagu, kegiatan in structure:
        rows.append(row(code, name, indicator, unit, base, pagu, 2, bold=True))
        for kcode, kname, kind, kunit, kbase, kpagu, subs in kegiatan:
            rows.append(row(kcode, kname, kind, kunit, kbase, kpagu, 3))
            rows += [row(*sub, 5) for sub in subs]
    d.table(Table("renstra", [62, 150, 170, 34, 50, 30, 66, 30, 66, 30, 66], head, rows, size=7),
            caption=("Tabel 6.1 Rencana Program, Kegiatan, Indikator Kinerja dan Pendanaan Indikatif",))
    return d


def evaluation_money_columns() -> Doc:
    """A Renja evaluation form with the regulation's money columns, each K | Rp: the Renstra's target for
    its last year, realised up to last year, the year's target, the four triwulan, realised in the year,
    the Renstra's realisation up to this year. A line's pagu is the year's target Rp, its realisasi the
    year's realised Rp, whatever columns stand before them; the form runs over pages with its header
    printed once, and the lines of those pages are read under the first page's columns."""
    d = Doc("unseen_evaluasi_renja_anggaran.pdf", "RENJA", footer="Evaluasi Renja Dinas Sosial Kota Bekasi")
    _cover(d, "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH", f"DINAS SOSIAL KOTA BEKASI TAHUN {YEAR}")
    kr = [H("K"), H("Rp")]
    head = [[H("Kode", rs=3), H("Urusan/Bidang Urusan/Program/Kegiatan", rs=3), H("Indikator Kinerja Program (Outcome)/Kegiatan (Output)", rs=3),
             H("Target Renstra Perangkat Daerah pada Tahun 2026 (Akhir Periode Renstra)", cs=2, rs=2),
             H(f"Realisasi Capaian Kinerja Renstra s.d. Renja Tahun Lalu ({YEAR - 1})", cs=2, rs=2),
             H(f"Target Kinerja dan Anggaran Renja Tahun Berjalan ({YEAR})", cs=2, rs=2),
             H(f"Realisasi Kinerja Pada Triwulan Tahun {YEAR}", cs=8),
             H(f"Realisasi Capaian Kinerja dan Anggaran Renja yang Dievaluasi ({YEAR})", cs=2, rs=2)],
            [H("I", cs=2), H("II", cs=2), H("III", cs=2), H("IV", cs=2)],
            kr * 8]
    rows = []
    lines = [("1.06.04", PROGRAMS[2][1], "Persentase PPKS yang mendapatkan rehabilitasi sosial dasar", 60, PROGRAMS[2][2], PROGRAMS[2][3])]
    lines += [(f"1.06.04.2.{k:02d}", keg, indicator, target, 300_000_000 + 41_250_000 * k, 270_000_000 + 38_125_500 * k)
              for k, (keg, indicator, _unit, target, _real) in enumerate(SUBKEG, 1)]
    for code, name, indicator, target, pagu, real in lines:
        quarters = [round(target * s) for s in (0.2, 0.45, 0.7, 1.0)]
        money = [round(real * s) for s in (0.2, 0.45, 0.7, 1.0)]
        cells = [Cell(code, rec=_budget(code, name, pagu, real)), Cell(name), Cell(indicator),
                 _value(str(target), indicator, "target", year=2026, sasaran=name), Cell(_dots(pagu * 3), al="R", fit=True),
                 _value(str(round(target * 0.6)), indicator, "realisasi", year=YEAR - 1, sasaran=name), Cell(_dots(round(real * 1.8)), al="R", fit=True),
                 _value(str(target), indicator, "target", sasaran=name), Cell(_dots(pagu), al="R", fit=True)]
        for q, (k, rp) in enumerate(zip(quarters, money), 1):
            cells += [_value(str(k), indicator, "realisasi", period=f"TW{q}", sasaran=name), Cell(_dots(rp), al="R", fit=True)]
        cells += [_value(str(target), indicator, "realisasi", sasaran=name), Cell(_dots(real), al="R", fit=True)]
        rows.append(cells)
    d.table(Table("evaluasi", [44, 92, 100, 26, 46, 26, 46, 26, 46, 22, 42, 22, 42, 22, 42, 22, 46, 26, 46], head, rows, size=6, repeat_head=False),
            caption=(f"Tabel 2.1 Evaluasi Hasil Pelaksanaan Renja Dinas Sosial Tahun {YEAR}",))
    return d


def break_docs() -> list[Doc]:
    return [split_records(), split_budget_lines(), jabatan_below_table(), renstra_program_kegiatan(), evaluation_money_columns()]
