"""Writes tests/data/indicator_pairs.csv: labelled name pairs for `kinerja bench matching`.

Provenance: SEED_NAMES are indicator names printed in the seed documents (/work/shared/seeds), the
variants are the ways the same name is printed elsewhere (case, Prosentase/Presentase, Jml, a unit in
brackets, numbering, hyphenation, a dropped letter, a split word, an acronym written out, a synonym
verb), and the hand-written pairs are hard cases labelled by reading them: near misses that are
different indicators (another number, acronym, leading measure word, unit, subject word, negation)
and hard positives seen in the seeds.  Run: python tests/data/build_indicator_pairs.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

SEED_NAMES = [
    "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial",
    "Persentase PSKS yang dibina",
    "Persentase PPKS yang terlayani",
    "Persentase Masyarakat Miskin",
    "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)",
    "Nilai Indeks Kepuasan Masyarakat (IKM)",
    "Indeks Risiko Bencana",
    "Angka Kemiskinan",
    "Indeks Pemberdayaan Sosial",
    "Persentase Penyandang disabilitas terlantar yang mendapat rehabilitasi sosial dasar di luar panti",
    "Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di luar panti",
    "Persentase lanjut usia terlantar yang mendapat rehabilitasi sosial dasar diluar panti",
    "Persentase tuna sosial khususnya gelandangan dan pengemis yang mendapat rehabilitasi sosial dasar di luar panti",
    "Persentase korban bencana yang menerima bantuan sosial selama masa tanggap darurat",
    "Persentase PPKS yang ditangani oleh Lembaga Kesejahteraan Sosial yang dikelola oleh masyarakat",
    "Persentase PPKS binaan yang mandiri",
    "Persentase PPKS yang memperoleh bantuan sosial",
    "Persentase PPKS yang memperoleh bantuan pangan",
    "Persentase PPKS yang memperoleh rumah layak",
    "Persentase PPKS yang memperoleh Jaminan Sosial",
    "Persentase Data PPKS yang terdaftar dalam data DTKS",
    "Jumlah PPKS Keluar Dari DTKS Secara Mandiri",
    "Jumlah PPKS Yang Keluar Program Bantuan Sosial",
    "Jumlah laporan data BNBA PPKS",
    "Jumlah Lembaga Kesejahteraan Sosial yang dikelola oleh masyarakat",
    "Jumlah Lembaga Kesejahteraan Sosial yang meningkat kapasitasnya kewenangan Kabupaten/Kota",
    "Jumlah orang yang mendapatkan layanan rujukan kewenangan kabupaten/kota",
    "Jumlah orang yang mendapatkan alat bantu dan alat bantu peraga sesuai kebutuhan kewenangan kabupaten/kota",
    "Jumlah orang yang mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan Standar Gizi Minimal kewenangan kabupaten/kota",
    "Jumlah Orang yang mendapatkan Permakanan 3X1 hari dalam masa tanggap darurat (pengungsian) kewenangan kabupaten/kota",
    "Jumlah Orang yang mendapatkan Layanan Data dan Pengaduan Kewenangan kabupaten/Kota",
    "Jumlah Orang yang mendapatkan bantuan pengembangan ekonomi masyarakat kewenangan kabupaten/kota",
    "Jumlah Orang yang menerima gaji dan tunjangan ASN",
    "Jumlah Orang Mendapat Peningkatan Kapasitas Pekerja Sosial Masyarakat Kewenangan Kabupaten / Kota",
    "Jumlah Peserta Bimbingan Fisik, mental, spiritual, dan sosial kewenangan kabupaten/kota",
    "Jumlah tempat pengungsian kewenangan kabupaten/kota",
    "Jumlah Dokumen Perencanaan Perangkat Daerah",
    "Jumlah dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD",
    "Jumlah dokumen Perubahan DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen Perubahan DPA-SKPD",
    "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah",
    "Jumlah Rencana Kebutuhan Barang Milik Daerah SKPD",
    "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai",
    "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan",
    "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan",
    "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan",
    "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan",
    "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan",
    "Jumlah Laporan Fasilitasi Kunjungan Tamu",
    "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
    "Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang disediakan",
    "Jumlah Laporan Penyediaan Jasa Surat Menyurat",
    "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan",
    "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan",
    "Jumlah Peralatan dan Mesin Lainnya yang dipelihara",
    "Presentase Peningkatan PMKS yang Berdaya",
    "Nilai SAKIP Perangkat Daerah",
    "Persentase Peningkatan Sistem Pelaporan Capaian Kinerja dan Keuangan",
    "Persentase Pemenuhan Pelayanan Administrasi Perkantoran",
    "Persentase Peningkatan Kapasitas Sumber Daya Aparatur",
    "Persentase Pemenuhan Kebutuhan Sarana dan Prasarana Aparatur",
    "Prosentase Peningkatan Potensi Sumber Kesejahteraan Sosial yang berfungsi",
    "Persentase pemberian bantuan bagi korban bencana yang disampaikan dalam waktu kurang dari 3 hari setelah laporan diterima",
    "Persentase masyarakat miskin yang terpenuhi kebutuhan dasarnya",
    "Persentase data penerima program perlindungan dan jaminan sosial yang valid",
    "Persentase anak yatim dan kube miskin yang mendapatkan bantuan program perlindungan dan jaminan sosial",
    "Persentase Penyandang disabilitas yang direhabilitasi",
    "Persentase Dokumen Perencanaan",
    "Jumlah PMKS yang terjaring razia",
    "Jumlah Korban HIV AIDS (ODHA)",
    "Jumlah Anak Berkebutuhan Khusus",
    "Jumlah Yayasan yang di verifikasi",
    "Jumlah TKSK dan PSM",
    "Jumlah PPKS yang tertangani",
    "Jumlah PPKS yang Mendapatkan Layanan Rujukan",
    "Jumlah PPKS yang Mendapatkan Layanan Kedaruratan",
    "Jumlah PPKS yang Dilakukan Penelusuran Keluarga",
    "Jumlah Paket Sandang yang Disalurkan kepada PPKS di Luar Panti",
    "Jumlah Fakir Miskin Cakupan Daerah Kabupaten/Kota",
    "Jumlah Pegawai yang menerima Bimtek dan Diklat",
    "Jumlah warga penerima bantuan yang tepat sasaran",
]

_LONG = {
    "PPKS": "Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)",
    "PSKS": "Potensi dan Sumber Kesejahteraan Sosial (PSKS)",
    "PMKS": "Penyandang Masalah Kesejahteraan Sosial (PMKS)",
    "SKPD": "Satuan Kerja Perangkat Daerah",
    "ASN": "Aparatur Sipil Negara",
    "TKSK": "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)",
    "PSM": "Pekerja Sosial Masyarakat",
    "DTKS": "Data Terpadu Kesejahteraan Sosial",
    "SAKIP": "Sistem Akuntabilitas Kinerja Instansi Pemerintah",
}


def _longest(name: str) -> str:
    return max(re.findall(r"[A-Za-z]+", name), key=len)


# Each variant is label-preserving: the printed noise the same indicator shows in other documents.
def v_prosentase(n):
    if re.search(r"Persentase", n):
        return n.replace("Persentase", "Prosentase"), "Prosentase for Persentase"
    if re.search(r"Pro|Presentase", n):
        return re.sub(r"Prosentase|Presentase", "Persentase", n), "Persentase for a variant spelling"
    return None


def v_jml(n):
    return (n.replace("Jumlah", "Jml"), "Jml for Jumlah") if n.startswith("Jumlah") else None


def v_upper(n):
    return n.upper(), "all caps"


def v_lower(n):
    return n.lower(), "lower case"


def v_unit(n):
    if n.startswith(("Persentase", "Prosentase", "Presentase")):
        return n + " (%)", "unit (%) appended"
    if n.startswith("Jumlah Orang") or n.startswith("Jumlah orang"):
        return n + " (orang)", "unit (orang) appended"
    return None


def v_numbering(n):
    return "1.2. " + n, "outline numbering"


def v_typo(n):
    w = _longest(n)
    if len(w) < 8:
        return None
    i = len(w) // 2
    return n.replace(w, w[:i] + w[i + 1 :], 1), f"typo: a letter dropped from {w}"


def v_hyphen(n):
    w = _longest(n)
    if len(w) < 9:
        return None
    i = len(w) // 2
    return n.replace(w, w[:i] + "- " + w[i:], 1), f"hyphenation break in {w}"


def v_split(n):
    w = _longest(n)
    if len(w) < 9:
        return None
    i = len(w) - 3
    return n.replace(w, w[:i] + " " + w[i:], 1), f"narrow column split {w}"


def v_acronym(n):
    for short, long in _LONG.items():
        if re.search(rf"\b{short}\b", n):
            return re.sub(rf"\b{short}\b", long, n, count=1), f"{short} written out"
    return None


def v_synonym(n):
    for a, b in (("mendapatkan", "memperoleh"), ("memperoleh", "mendapatkan"), ("menerima", "mendapatkan"),
                 ("layanan", "pelayanan"), (" yang ", " yg "), ("kabupaten/kota", "Kab/Kota"), ("dengan", "dgn")):
        if a in n:
            return n.replace(a, b, 1), f"{b.strip()} for {a.strip()}"
    return None


def v_trailing(n):
    return n + " :", "trailing punctuation"


def v_caps_prosentase(n):
    r = v_prosentase(n)
    return (r[0].upper(), "all caps and " + r[1]) if r else None


VARIANTS = [v_prosentase, v_typo, v_jml, v_hyphen, v_acronym, v_synonym, v_split, v_upper, v_unit, v_lower,
            v_numbering, v_caps_prosentase, v_trailing]


def variant_pairs():
    rows = []
    for i, name in enumerate(SEED_NAMES):
        made = 0
        for k in range(len(VARIANTS)):
            f = VARIANTS[(i + k) % len(VARIANTS)]
            r = f(name)
            if r is None or r[0] == name:
                continue
            kind = "abbreviation" if f in (v_jml, v_acronym, v_synonym) else "spelling_variant"
            rows.append((name, r[0], 1, kind, r[1]))
            made += 1
            if made == 3:
                break
    return rows


HAND = [
    # --- hard positives seen in the seeds ---------------------------------------------------------
    ("Persentase psks yang mendapatkan pelayanan kesejahteraan sosial", "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial", 1, "near_miss_acronym", "seed 001: psks is a typo for PPKS here (its sasaran is about PPKS); only evidence can tell"),
    ("Persentase PPKS yang mendapatkan layanan kesejahteraan sosial", "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial", 1, "abbreviation", "seed 001: layanan / pelayanan"),
    ("Persentase PPKS yang mendapat kan pelayanan kesejahter aan sosial", "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial", 1, "spelling_variant", "narrow column split two words"),
    ("Nilai AKIP", "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", 1, "abbreviation", "acronym vs long form"),
    ("Nilai IKM", "Indeks Kepuasan Masyarakat (IKM)", 1, "abbreviation", "Nilai IKM is the index value"),
    ("Nilai Indeks Kepuasan Masyarakat (IKM)", "Indeks Kepuasan Masyarakat", 1, "abbreviation", "leading Nilai before an index"),
    ("% PSKS yang Aktif", "Persentase PSKS yang aktif", 1, "spelling_variant", "seed 004 writes % for Persentase"),
    ("Jumlah orang yang mendapatkan layanan rujukan kewenangan kabupaten/kota", "Jumlah orang yang mendapatkan layanan rujukan", 1, "abbreviation", "nomenclature suffix kewenangan kabupaten/kota"),
    ("Jumlah Paket Mebel yang di sediakan", "Jumlah Paket Mebel yang disediakan", 1, "spelling_variant", "seed 004: di sediakan"),
    ("Jumlah Unit Peralatan dan Mesin Lainnya yang desediakan", "Jumlah Unit Peralatan dan Mesin Lainnya yang disediakan", 1, "spelling_variant", "seed 004 typo desediakan"),
    ("Persentase kegiatan verivikasi barang", "Persentase kegiatan verifikasi barang", 1, "spelling_variant", "seed 003 typo verivikasi"),
    ("Persentase Peningkatan Pendayagunaan Data dan Informasi Penyandang Masalah Keejahteraan Sosial", "Persentase Peningkatan Pendayagunaan Data dan Informasi Penyandang Masalah Kesejahteraan Sosial", 1, "spelling_variant", "seed 001 typo Keejahteraan"),
    ("Jumlah dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen DPA-SKPD", "Jumlah dokumen DPA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen DPA SKPD", 1, "spelling_variant", "hyphen vs space"),
    ("Persentase lanjut usia terlantar yang mendapat rehabilitasi sosial dasar diluar panti", "Persentase Lanjut usia terlantar yang mendapat rehabilitasi sosial dasar di luar panti", 1, "spelling_variant", "seed: diluar / di luar"),
    ("Persentase Tuna Sosial khususnya gelandangan dan pengemis yang mendapat rehabilitasi sosial dasar diluar", "Persentase tuna sosial khususnya gelandangan dan pengemis yang mendapat rehabilitasi sosial dasar di luar panti", 1, "added_words", "seed 000: box cut the last word; review"),
    ("Persentase PPKS yang memperoleh Jaminan", "Persentase PPKS yang memperoleh Jaminan Sosial", 1, "added_words", "seed 002: box cut the last word; review"),
    ("Jumlah PenyandangMasalahKesejahteraanSosial", "Jumlah Penyandang Masalah Kesejahteraan Sosial", 1, "spelling_variant", "seed 003: text layer lost the spaces"),
    ("Persentase PSKS yang dibina", "Persentase psks yang dibina", 1, "spelling_variant", "seed 001: case of the acronym"),
    ("Jumlah TKSK dan PSM", "Jumlah PSM dan TKSK", 1, "word_order", "same two groups"),
    ("Persentase korban bencana yang menerima bantuan sosial selama masa tanggap darurat", "Persentase korban bencana yang mendapatkan bantuan sosial selama masa tanggap darurat", 1, "abbreviation", "menerima / mendapatkan"),
    ("Jumlah Respon- den", "Jumlah Responden", 1, "spelling_variant", "seed: hyphenation break"),
    ("Predikat SAKIP", "Predikat Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)", 1, "abbreviation", "acronym vs long form"),
    ("Indeks Pembangunan Manusia", "IPM", 1, "abbreviation", "well-known acronym"),
    ("Persentase OPD yang melaksanakan SPIP", "Persentase jumlah OPD yang melaksanakan SPIP", 1, "spelling_variant", "redundant jumlah after the measure word"),
    ("Persentase OPD yang sesuai dengan SOTK", "Presentase OPD yang sesuai dgn SOTK", 1, "abbreviation", "Presentase and dgn"),
    ("Jumlah Auditor dan P2UPD bersertifikasi", "Jumlah auditor dan P2UPD bersertifikat", 1, "spelling_variant", "affix variant"),
    ("Jumlah Orang yang mendapatkan Permakanan 3X1 hari", "Jumlah orang yang mendapatkan permakanan 3 x 1 hari", 1, "spelling_variant", "spacing inside 3x1"),
    ("Angka Partisipasi Murni (APM) SD/MI", "APM SD/MI", 1, "abbreviation", "acronym vs long form"),
    ("Persentase penduduk miskin (%)", "Persentase penduduk miskin (persen)", 1, "unit", "same unit spelt two ways"),
    ("Jumlah penduduk miskin (orang)", "Jumlah penduduk miskin (jiwa)", 1, "unit", "orang and jiwa are the same unit"),
    ("Nilai IKM (indeks)", "Nilai IKM (nilai)", 1, "unit", "index value either way"),
    ("Persentase PPKS yang terlayani", "PPKS yang terlayani", 1, "measure_word", "measure word dropped by a narrow column; review"),
    ("Indeks Kepuasan Masyarakat", "Indeks Kepuasan Masyarakat terhadap Layanan Publik", 1, "added_words", "seed 001 long title of the same IKM; review"),
    ("Jumlah Gedung Kantor dan Bangunan Lainnya yang di pelihara /direhabilitasi", "Jumlah Gedung Kantor dan Bangunan Lainnya yang dipelihara/direhabilitasi", 1, "spelling_variant", "seed 004 spacing"),
    ("Jumlah Paket Sandang yang Disalurkan kepada PPKS di Luar Panti", "Jml paket sandang yg disalurkan kpd PPKS diluar panti", 1, "abbreviation", "Jml, yg, kpd, diluar"),
    ("Jumlah Lembaga Kesejahteraan Sosial yang meningkat kapasitasnya kewenangan Kabupaten/Kota", "Jumlah Lembaga Kesejahteraan Sosial yang meningkat kapasitasnya", 1, "abbreviation", "nomenclature suffix"),
    # --- near misses: acronyms -----------------------------------------------------------------------
    ("Indeks Pembangunan Manusia (IPM)", "Indeks Pembangunan Gender (IPG)", 0, "near_miss_acronym", "two different indices"),
    ("IPM", "IPG", 0, "near_miss_acronym", ""),
    ("Nilai IPM", "Nilai IPG", 0, "near_miss_acronym", ""),
    ("Persentase PSKS yang dibina", "Persentase PPKS yang dibina", 0, "near_miss_acronym", "potentials and resources vs people in need"),
    ("Persentase PSKS yang Aktif", "Persentase PPKS yang Aktif", 0, "near_miss_acronym", ""),
    ("Jumlah laporan data BNBA PPKS", "Jumlah laporan data BNBA PSKS", 0, "near_miss_acronym", ""),
    ("Angka Partisipasi Murni (APM) SD", "Angka Partisipasi Murni (APM) SMP", 0, "near_miss_acronym", "school level"),
    ("APK SMA", "APK SMK", 0, "near_miss_acronym", "school type"),
    ("APM SD/MI", "APK SD/MI", 0, "near_miss_acronym", "net vs gross enrolment"),
    ("Jumlah dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD", "Jumlah dokumen DPA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen DPA-SKPD", 0, "near_miss_acronym", "seed 004: budget plan vs budget execution document"),
    ("Prosentase OPD yang memperoleh nilai BB ke atas", "Prosentase OPD yang memperoleh nilai CC ke atas", 0, "near_miss_acronym", "another grade threshold"),
    ("Opini BPK atas LKPD", "Opini BPK atas LPPD", 0, "near_miss_acronym", ""),
    ("Persentase TKSK yang aktif", "Persentase PSM yang aktif", 0, "near_miss_acronym", ""),
    ("Jumlah KUBE yang dibina", "Jumlah LKS yang dibina", 0, "near_miss_acronym", ""),
    ("Jumlah Korban HIV AIDS (ODHA)", "Jumlah Korban NAPZA", 0, "near_miss_acronym", ""),
    ("Persentase ASN yang mengikuti diklat", "Persentase PNS yang mengikuti diklat", 0, "near_miss_acronym", "ASN includes PPPK"),
    ("Jumlah Pendamping PKH yang dibina", "Jumlah Pendamping KUBE yang dibina", 0, "near_miss_acronym", ""),
    ("Nilai SAKIP Perangkat Daerah", "Nilai LPPD Perangkat Daerah", 0, "near_miss_acronym", ""),
    ("Indeks Kepuasan Masyarakat (IKM)", "Indeks Kebahagiaan Masyarakat (IKB)", 0, "near_miss_acronym", ""),
    ("Persentase penyelesaian TLHP BPK", "Persentase penyelesaian TLHP Inspektorat", 0, "near_miss_acronym", "findings of another auditor"),
    ("Jumlah PPKS yang tertangani", "Jumlah PMKS yang terjaring razia", 0, "near_miss_acronym", ""),
    # --- near misses: numbers ------------------------------------------------------------------------
    ("Angka Partisipasi Murni usia 7-12 tahun", "Angka Partisipasi Murni usia 13-15 tahun", 0, "near_miss_number", "age band"),
    ("APK usia 16-18 tahun", "APK usia 13-15 tahun", 0, "near_miss_number", ""),
    ("Persentase pemberian bantuan bagi korban bencana yang disampaikan dalam waktu kurang dari 3 hari setelah laporan diterima", "Persentase pemberian bantuan bagi korban bencana yang disampaikan dalam waktu kurang dari 7 hari setelah laporan diterima", 0, "near_miss_number", "another deadline"),
    ("Jumlah Orang yang mendapatkan Permakanan 3X1 hari dalam masa tanggap darurat", "Jumlah Orang yang mendapatkan Permakanan 2X1 hari dalam masa tanggap darurat", 0, "near_miss_number", ""),
    ("Persentase balita usia 0-59 bulan yang ditimbang", "Persentase balita usia 6-59 bulan yang ditimbang", 0, "near_miss_number", ""),
    ("Persentase Perangkat Daerah dengan deviasi realisasi antara 0% s.d -5,99%", "Persentase Perangkat Daerah dengan deviasi realisasi antara 0% s.d -10%", 0, "near_miss_number", ""),
    ("Persentase realisasi fisik triwulan I", "Persentase realisasi fisik triwulan II", 0, "near_miss_number", "roman numerals"),
    ("Jumlah lansia usia 60 tahun ke atas", "Jumlah lansia usia 70 tahun ke atas", 0, "near_miss_number", ""),
    ("Cakupan imunisasi DPT 1", "Cakupan imunisasi DPT 3", 0, "near_miss_number", ""),
    ("Jumlah Rumah Tidak Layak Huni yang direhabilitasi tahap 1", "Jumlah Rumah Tidak Layak Huni yang direhabilitasi tahap 2", 0, "near_miss_number", ""),
    ("Persentase jalan dengan lebar 4 meter dalam kondisi mantap", "Persentase jalan dengan lebar 6 meter dalam kondisi mantap", 0, "near_miss_number", ""),
    ("Jumlah anak usia 7-12 tahun yang tidak bersekolah", "Jumlah anak usia 7-15 tahun yang tidak bersekolah", 0, "near_miss_number", ""),
    ("Persentase penyelesaian pengaduan dalam 5 hari kerja", "Persentase penyelesaian pengaduan dalam 14 hari kerja", 0, "near_miss_number", ""),
    ("Jumlah desa dengan 2 posyandu aktif", "Jumlah desa dengan 1 posyandu aktif", 0, "near_miss_number", ""),
    ("Angka kematian bayi per 1000 kelahiran hidup", "Angka kematian bayi per 100000 kelahiran hidup", 0, "near_miss_number", "another base; not comparable"),
    ("Persentase sekolah dengan akreditasi minimal B", "Persentase sekolah dengan akreditasi minimal A", 0, "near_miss_number", "grade letter"),
    # --- near misses: leading measure word -----------------------------------------------------------
    ("Persentase PPKS yang tertangani", "Jumlah PPKS yang tertangani", 0, "measure_word", "share vs count"),
    ("Persentase Masyarakat Miskin", "Jumlah Masyarakat Miskin", 0, "measure_word", "seed 001 prints both"),
    ("Persentase Penyandang disabilitas yang direhabilitasi", "Jumlah Penyandang Disabilitas yang direhabilitasi", 0, "measure_word", "seed 004: numerator of the formula"),
    ("Persentase PSKS yang dibina", "Jumlah PSKS yang dibina", 0, "measure_word", "seed 001: numerator of the formula"),
    ("Persentase Dokumen Perencanaan", "Jumlah Dokumen Perencanaan", 0, "measure_word", "seed 003"),
    ("Persentase Kegiatan yang terlaksana", "Jumlah Kegiatan yang terlaksana", 0, "measure_word", "seed 003"),
    ("Persentase warga penerima bantuan yang tepat sasaran", "Jumlah warga penerima bantuan yang tepat sasaran", 0, "measure_word", "seed 003"),
    ("Persentase PPKS binaan yang mandiri", "Jumlah PPKS binaan yang mandiri", 0, "measure_word", ""),
    ("Indeks Pemberdayaan Sosial", "Persentase Pemberdayaan Sosial", 0, "measure_word", ""),
    ("Rasio guru terhadap murid", "Jumlah guru terhadap murid", 0, "measure_word", ""),
    ("Indeks Risiko Bencana", "Tingkat Risiko Bencana", 0, "measure_word", ""),
    ("Persentase penduduk miskin", "Jumlah penduduk miskin", 0, "measure_word", ""),
    ("Prosentase Kegiatan Peringatan Hari Besar", "Jumlah Kegiatan Peringatan Hari Besar", 0, "measure_word", "seed 000"),
    ("Persentase Lembaga Kesejahteraan Sosial yang dikelola oleh masyarakat", "Jumlah Lembaga Kesejahteraan Sosial yang dikelola oleh masyarakat", 0, "measure_word", "seed 000"),
    ("Cakupan pelayanan kesehatan dasar masyarakat miskin", "Jumlah pelayanan kesehatan dasar masyarakat miskin", 0, "measure_word", ""),
    ("Rata-rata lama sekolah", "Jumlah lama sekolah", 0, "measure_word", ""),
    ("Jml PPKS yg mendapatkan pelayanan kesejahteraan sosial", "Prosentase PPKS yang mendapatkan pelayanan kesejahteraan sosial", 0, "measure_word", "seed 001 formula: count vs share"),
    ("Persentase Orang yang mendapatkan layanan rujukan", "Jumlah orang yang mendapatkan layanan rujukan", 0, "measure_word", ""),
    ("Laju pertumbuhan ekonomi", "Indeks pertumbuhan ekonomi", 0, "measure_word", ""),
    ("Proporsi perempuan di parlemen", "Jumlah perempuan di parlemen", 0, "measure_word", ""),
    # --- near misses: units --------------------------------------------------------------------------
    ("Jumlah penduduk miskin (jiwa)", "Jumlah penduduk miskin (KK)", 0, "unit", "people vs households"),
    ("Penduduk miskin (%)", "Penduduk miskin (jiwa)", 0, "unit", "share vs count"),
    ("Realisasi anggaran (Rp)", "Realisasi anggaran (%)", 0, "unit", ""),
    ("Bantuan sosial yang disalurkan (paket)", "Bantuan sosial yang disalurkan (Rp)", 0, "unit", ""),
    ("Lama penanganan pengaduan (hari)", "Lama penanganan pengaduan (bulan)", 0, "unit", ""),
    ("Penerima bantuan pangan (orang)", "Penerima bantuan pangan (KK)", 0, "unit", ""),
    ("Fasilitasi kunjungan tamu (kegiatan)", "Fasilitasi kunjungan tamu (dokumen)", 0, "unit", ""),
    ("Kapasitas aparatur (orang)", "Kapasitas aparatur (%)", 0, "unit", ""),
    ("Pelayanan administrasi perkantoran (%)", "Pelayanan administrasi perkantoran (dokumen)", 0, "unit", ""),
    ("Korban bencana yang menerima bantuan sosial (jiwa)", "Korban bencana yang menerima bantuan sosial (%)", 0, "unit", ""),
    # --- near misses: another subject or object word ------------------------------------------------
    ("Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di luar panti", "Persentase lanjut usia terlantar yang mendapat rehabilitasi sosial dasar di luar panti", 0, "near_miss_word", "seed 001"),
    ("Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di luar panti", "Persentase Penyandang disabilitas terlantar yang mendapat rehabilitasi sosial dasar di luar panti", 0, "near_miss_word", "seed 001"),
    ("Persentase lanjut usia terlantar yang mendapat rehabilitasi sosial dasar diluar panti", "Persentase Penyandang disabilitas terlantar yang mendapat rehabilitasi sosial dasar di luar panti", 0, "near_miss_word", "seed 001"),
    ("Persentase tuna sosial khususnya gelandangan dan pengemis yang mendapat rehabilitasi sosial dasar di luar panti", "Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di luar panti", 0, "near_miss_word", "seed 001"),
    ("Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di luar panti", "Persentase anak terlantar yang mendapat rehabilitasi sosial dasar di dalam panti", 0, "near_miss_word", "inside vs outside an institution"),
    ("Persentase PPKS yang memperoleh bantuan sosial", "Persentase PPKS yang memperoleh bantuan pangan", 0, "near_miss_word", "seed 002"),
    ("Persentase PPKS yang memperoleh bantuan pangan", "Persentase PPKS yang memperoleh rumah layak", 0, "near_miss_word", "seed 002"),
    ("Persentase PPKS yang memperoleh Jaminan Sosial", "Persentase PPKS yang memperoleh bantuan sosial", 0, "near_miss_word", "seed 002"),
    ("Jumlah orang yang mendapatkan layanan rujukan kewenangan kabupaten/kota", "Jumlah Orang yang mendapatkan Layanan Data dan Pengaduan Kewenangan kabupaten/Kota", 0, "near_miss_word", "seed 001"),
    ("Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan", "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan", 0, "near_miss_word", "seed 004"),
    ("Jumlah Laporan Penyediaan Jasa Surat Menyurat", "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor", 0, "near_miss_word", "seed 004"),
    ("Jumlah PPKS yang Mendapatkan Layanan Rujukan", "Jumlah PPKS yang Mendapatkan Layanan Kedaruratan", 0, "near_miss_word", "seed 001"),
    ("Persentase Peningkatan Kapasitas Sumber Daya Aparatur", "Persentase Peningkatan Disiplin Aparatur", 0, "near_miss_word", "seed 000/003"),
    ("Persentase Pemenuhan Kebutuhan Sarana dan Prasarana Aparatur", "Persentase Pemenuhan Pelayanan Administrasi Perkantoran", 0, "near_miss_word", "seed 000"),
    ("Jumlah dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD", "Jumlah dokumen Perubahan RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen Perubahan RKA-SKPD", 0, "near_miss_word", "seed 004: the amended plan is another document"),
    ("Jumlah dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen DPA-SKPD", "Jumlah dokumen Perubahan DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen Perubahan DPA-SKPD", 0, "near_miss_word", "seed 004"),
    ("Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang disediakan", "Jumlah Unit Peralatan dan Mesin Lainnya yang disediakan", 0, "near_miss_word", "seed 004"),
    ("Jumlah PPKS Keluar Dari DTKS Secara Mandiri", "Jumlah PPKS Yang Keluar Program Bantuan Sosial", 0, "near_miss_word", "seed 002"),
    ("Kontribusi terhadap pemenuhan benih ikan nila nasional", "Kontribusi terhadap pemenuhan benih ikan mas nasional", 0, "near_miss_word", "species"),
    ("Kontribusi terhadap pemenuhan benih ikan lele nasional", "Kontribusi terhadap pemenuhan benih ikan patin nasional", 0, "near_miss_word", "species"),
    ("Persentase kredit yang disalurkan ke koperasi", "Persentase kredit yang disalurkan ke UMKM", 0, "near_miss_word", ""),
    ("Persentase pencari kerja terdaftar yang memiliki sertifikat kompetensi", "Persentase pencari kerja terdaftar yang memiliki sertifikat pelatihan", 0, "near_miss_word", ""),
    ("Jumlah Laporan Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan Keuangan Perangkat Daerah", 0, "near_miss_word", ""),
    ("Jumlah Laporan Fasilitasi Kunjungan Tamu", "Jumlah Laporan Penyediaan Jasa Surat Menyurat", 0, "near_miss_word", "seed 004"),
    ("Persentase Peningkatan Sistem Pelaporan Capaian Kinerja dan Keuangan", "Persentase Peningkatan Sistem Perencanaan Kinerja dan Keuangan", 0, "near_miss_word", ""),
    ("Jumlah Penyandang Disabilitas yang mendapat alat bantu", "Jumlah Anak Berkebutuhan Khusus yang mendapat alat bantu", 0, "near_miss_word", ""),
    ("Jumlah Peserta Bimbingan Fisik, mental, spiritual, dan sosial", "Jumlah Peserta Bimbingan Sosial kepada Keluarga Penyandang Disabilitas", 0, "near_miss_word", "seed 000/001"),
    ("Persentase data penerima program perlindungan dan jaminan sosial yang valid", "Persentase data penerima program perlindungan dan jaminan sosial yang diverifikasi", 0, "near_miss_word", ""),
    ("Produksi perikanan tangkap", "Produksi perikanan budidaya", 0, "near_miss_word", ""),
    ("Jumlah wisatawan mancanegara", "Jumlah wisatawan nusantara", 0, "near_miss_word", ""),
    ("Persentase jalan provinsi dalam kondisi mantap", "Persentase jembatan provinsi dalam kondisi mantap", 0, "near_miss_word", ""),
    ("Jumlah Orang yang mendapatkan bantuan pengembangan ekonomi masyarakat", "Jumlah Orang yang mendapatkan bantuan permakanan", 0, "near_miss_word", ""),
    ("Persentase Pemenuhan Kebutuhan Sarana dan Prasarana Aparatur", "Persentase Pemeliharaan Sarana dan Prasarana Aparatur", 0, "near_miss_word", "provision vs maintenance"),
    ("Jumlah Pegawai yang menerima Bimtek dan Diklat", "Jumlah Pegawai yang mengajukan Pelayanan Kepegawaian", 0, "near_miss_word", "seed 003"),
    ("Persentase penyelesaian kasus hubungan industrial", "Persentase penyelesaian kasus pengaduan masyarakat", 0, "near_miss_word", ""),
    ("Tingkat penurunan emisi gas rumah kaca", "Tingkat penurunan emisi gas buang kendaraan", 0, "near_miss_word", ""),
    # --- near misses: negation and opposites ---------------------------------------------------------
    ("Persentase rumah layak huni", "Persentase rumah tidak layak huni", 0, "negation", ""),
    ("Jumlah anak yang bersekolah", "Jumlah anak yang tidak bersekolah", 0, "negation", ""),
    ("Persentase PPKS yang belum terlayani", "Persentase PPKS yang terlayani", 0, "negation", ""),
    ("Persentase ASN yang disiplin", "Persentase ASN yang tidak disiplin", 0, "negation", ""),
    ("Jumlah penerima bantuan tunai", "Jumlah penerima bantuan non tunai", 0, "negation", ""),
    ("Persentase peningkatan omzet UMKM", "Persentase penurunan omzet UMKM", 0, "negation", "opposite direction"),
    ("Jumlah penduduk laki-laki", "Jumlah penduduk perempuan", 0, "negation", "opposite group"),
    ("Jumlah SD negeri", "Jumlah SD swasta", 0, "negation", "opposite group"),
    ("Persentase penurunan jumlah kecelakaan kerja", "Persentase peningkatan jumlah kecelakaan kerja", 0, "negation", "opposite direction"),
    ("Persentase penduduk miskin perkotaan", "Persentase penduduk miskin perdesaan", 0, "negation", "opposite group"),
    # --- words added on one side ---------------------------------------------------------------------
    ("Jumlah PPKS", "Jumlah PPKS yang tertangani", 0, "added_words", "all vs handled"),
    ("Persentase Kegiatan", "Persentase Kegiatan Operasional", 0, "added_words", "seed 000"),
    ("Jumlah Dokumen", "Jumlah Dokumen Perencanaan Perangkat Daerah", 0, "added_words", ""),
    ("Tingkat penurunan emisi Gas Rumah Kaca (GRK)", "Tingkat penurunan emisi Gas Rumah Kaca (GRK) dari sektor limbah", 0, "added_words", "one sector vs all"),
    ("Jumlah Penyandang Disabilitas", "Jumlah Penyandang Disabilitas terlantar", 0, "added_words", ""),
    ("Jumlah Lanjut Usia", "Jumlah Lanjut Usia terlantar yang mendapat rehabilitasi sosial", 0, "added_words", ""),
    ("Persentase PPKS yang terlayani", "Persentase PPKS binaan yang terlayani", 0, "added_words", ""),
    ("Jumlah Laporan", "Jumlah Laporan Kinerja dan Keuangan", 0, "added_words", "seed 003"),
    ("Kontribusi terhadap pemenuhan benih ikan nasional", "Kontribusi terhadap pemenuhan benih ikan nila nasional", 0, "added_words", "all species vs one"),
    ("Persentase OPD yang sesuai dengan SOTK", "Persentase OPD yang sesuai dengan SOTK dan SOP", 0, "added_words", ""),
]

# Easy negatives: far apart names from the seeds (a matcher must not merge anything).
UNRELATED = [(SEED_NAMES[i], SEED_NAMES[(i * 7 + 13) % len(SEED_NAMES)]) for i in range(0, len(SEED_NAMES), 3)]


def main(out: Path = Path(__file__).with_name("indicator_pairs.csv")) -> None:
    rows = variant_pairs() + HAND + [(a, b, 0, "unrelated", "") for a, b in UNRELATED if a != b]
    seen, unique = set(), []
    for r in rows:
        if (r[0], r[1]) not in seen and r[0] != r[1]:
            seen.add((r[0], r[1]))
            unique.append(r)
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["name_a", "name_b", "same", "kind", "note"])
        w.writerows(unique)
    print(f"{len(unique)} pairs -> {out}")


if __name__ == "__main__":
    main()
