"""The typed-in content of the seed documents: agency texts, indicators, targets, budget lines.

Content (agency, indicator names, targets, budget lines) is typed from real reports: the LKIP 2025
of Dinas Sosial Kota Bekasi, the IKI 2023-2026 of Dinas Sosial Kabupaten Lampung Barat and the IKI
eselon III/IV of Dinas Sosial Kota Probolinggo. Values that those reports do not print (quarterly
realisasi, some baselines) are invented and internally consistent (capaian = realisasi/target*100).
Data only: the documents that print it are built in `documents`.
"""
from __future__ import annotations

from .layout import SHY

# ---------------------------------------------------------------- LKIP content (seed 001)

# Tabel 2.1: sasaran RPD -> (no, indikator, satuan, kondisi awal, target y-1, y, y+1, kondisi akhir)
RPD = [
    ("Meningkatnya akuntabilitas dan profesionalisme pengelolaan dan layanan pemerintah", [
        ("1", "Indeks Kepuasan Masyarakat terhadap Layanan Publik", "Nilai",
         "83,33", "84,20", "85,15", "86,10", "86,1"),
        ("2", "Persentase Pengaduan Masyarakat yang Ditindaklanjuti", "%",
         "78,50", "85,00", "90,00", "95,00", "95")]),
    ("Meningkatnya Kualitas Manajemen dan Kinerja Pemerintah", [
        ("3", "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)", "Nilai",
         "67,07", "72,05", "73,12", "74,10", "74,1")]),
    ("Meningkatnya Tenaga Kerja yang Adaptif dan Kesejahteraan Masyarakat Kota", [
        ("11", "Angka Kemiskinan", "%", "0,22", "04.05", "04.04", "04.03", "4,3"),
        ("12", "Persentase PPKS yang Tertangani", "%", "4,50", "5,00", "6,00", "7,00", "7")]),
    ("Meningkatnya upaya dan kesiapsiagaan dalam mengurangi risiko bencana", [
        ("19", "Indeks Risiko Bencana", "Nilai", "122", "108", "103", "98", "98"),
        ("20", "Persentase Korban Bencana yang Menerima Bantuan Sosial Selama Masa Tanggap Darurat",
         "%", "100", "100", "100", "100", "100")]),
]
S_AKIP = ("Meningkatnya nilai akuntabilitas Kinerja Instansi Pemerintah (AKIP) dan Indeks "
          "Kepuasan Masyarakat (IKM)")
S_PPKS_RPD = "Meningkatnya keberfungsian Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
S_PSKS_RPD = "Meningkatnya Potensi dan Sumber Kesejahteraan Sosial (PSKS)"
S_PPKS = "Meningkatnya Rehabilitasi Sosial bagi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)"
S_PSKS = "Meningkatnya keberfungsian Potensi Sumber Kesejahteraan Sosial (PSKS)"
I_AKIP = "Nilai Akuntabilitas Kinerja Instansi Pemerintah (AKIP)"
I_IKM = "Nilai Indeks Kepuasan Masyarakat (IKM)"
I_psks_layan = "Persentase psks yang mendapatkan pelayanan kesejahteraan sosial"
I_PPKS = "Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial"
I_psks = "Persentase psks yang dibina"
I_PSKS = "Persentase PSKS yang dibina"

# Tabel 2.2 IKU 2024-2026 / Tabel 2.3 PK / Tabel 3.2 TW III: (no, sasaran, [(indikator, values)])
IKU_RPD = [("1", S_AKIP, [(I_AKIP, ("BB", "BB", "BB")), (I_IKM, ("80,5", "80,5", "80,5"))]),
           ("2", S_PPKS_RPD, [(I_psks_layan, ("5%", "6%", "7%"))]),
           ("3", S_PSKS_RPD, [(I_psks, ("100%", "100%", "100%"))])]
PK = [("1", S_AKIP.replace("akuntabilitas", "Akuntabilitasi"),
       [(I_AKIP, ("BB Nilai",)), (I_IKM, ("80,50 Nilai",))]),
      ("2", S_PPKS_RPD, [(I_psks_layan, ("6%",))]),
      ("3.", "Meningkatnya Keberfungsian Potensi dan Sumber Kesejahteraan Sosial (PSKS)",
       [(I_psks, ("100%",))])]
PK2 = [("1.", S_PPKS, [(I_PPKS, ("12%",))]), ("2.", S_PSKS, [(I_PSKS, ("100%",))])]
# anggaran attached to the Perjanjian Kinerja murni (pagu only)
PK_BUDGET = [("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 15061828880),
             ("Program Pemberdayaan Sosial", 4524850000), ("Program Rehabilitasi Sosial", 4402800000),
             ("Program Perlindungan Dan Jaminan Sosial", 4777649800),
             ("Program Penanganan Bencana", 2130000000),
             ("Program Pengelolaan Taman Makam Pahlawan", 989150000)]
TW3 = [("1", S_AKIP, [(I_AKIP, ("BB", "BB", "100")), (I_IKM, ("80,5", "92,86", "115"))]),
       ("2", S_PPKS_RPD, [(I_psks_layan, ("6%", "-", "-"))]),
       ("3", S_PSKS_RPD, [(I_psks, ("100%", "100%", "100"))])]
CAPAIAN = [("1", S_PPKS, [(I_PPKS, "%", ("12%", "15,82%", "132%"))]),
           ("2", S_PSKS, [(I_PSKS, "%", ("100%", "100%", "100%"))])]

# Tabel 2.4 Renstra 2025-2029: (sasaran or "" for tujuan-level indicators, indikator, 5 targets)
NSPK = "UU No 11 Tahun 2009 Tentang Kesejahteraan Sosial"
TUJUAN = "Penurunan Tingkat Kemiskinan dan Peningkatan Ketahanan Sosial Masyarakat"
RENSTRA = [("", "Persentase Masyarakat Miskin", ("4,01", "3,98", "3,90", "3,85", "3,80")),
           ("", "Persentase PPKS yang terlayani", ("12%", "7%", "8%", "9%", "10%")),
           ("", I_psks, ("100%",) * 5),
           (S_PPKS, I_PPKS, ("12%", "7%", "8%", "9%", "10%")),
           (S_PSKS, I_PSKS, ("100%",) * 5)]

# Tabel 3.4 (long, quarterly): (sub kegiatan, indikator, satuan, target, realisasi for the year)
SUBKEG = [
    ("Penyediaan Permakanan", "Jumlah Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia "
     "Terlantar, serta Gelandangan Pengemis yang Terpenuhi Kebutuhan Permakanan", "Orang", 1576, 1576),
    ("Penyediaan Sandang", "Jumlah Paket Sandang yang Disalurkan kepada PPKS di Luar Panti",
     "Paket", 400, 392),
    ("Penyediaan Alat Bantu", "Jumlah Penyandang Disabilitas Terlantar yang Mendapatkan Alat Bantu",
     "Orang", 672, 672),
    ("Pemberian Pelayanan Reunifikasi Keluarga", "Jumlah Anak Terlantar dan Lanjut Usia Terlantar "
     "yang Dikembalikan kepada Keluarga", "Orang", 120, 96),
    ("Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial", "Jumlah PPKS yang Mendapatkan "
     "Bimbingan Fisik, Mental, Spiritual, dan Sosial", "Orang", 300, 276),
    ("Pemberian Bimbingan Sosial kepada Keluarga Penyandang Disabilitas Terlantar, Anak Terlantar, "
     "Lanjut Usia Terlantar, serta Gelandangan Pengemis dan Masyarakat",
     "Jumlah Keluarga yang Mendapatkan Bimbingan Sosial", "Keluarga", 1200, 1188),
    ("Fasilitasi Pembuatan Nomor Induk Kependudukan, Akta Kelahiran, Surat Nikah, dan Kartu "
     "Identitas Anak", "Jumlah PPKS yang Difasilitasi Dokumen Kependudukan", "Orang", 204, 163),
    ("Pemberian Akses ke Layanan Pendidikan dan Kesehatan Dasar", "Jumlah PPKS yang Mendapatkan "
     "Akses Layanan Pendidikan dan Kesehatan Dasar", "Orang", 150, 148),
    ("Pemberian Layanan Data dan Pengaduan", "Jumlah Pengaduan Masyarakat yang Ditindaklanjuti",
     "Laporan", 240, 236),
    ("Pemberian Layanan Kedaruratan", "Jumlah PPKS yang Mendapatkan Layanan Kedaruratan", "Orang",
     204, 204),
    ("Pemberian Pelayanan Penelusuran Keluarga", "Jumlah PPKS yang Dilakukan Penelusuran Keluarga",
     "Orang", 60, 54),
    ("Pemberian Layanan Rujukan", "Jumlah PPKS yang Mendapatkan Layanan Rujukan", "Orang", 400, 380),
    ("Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", "Jumlah Keluarga Penerima Manfaat Bantuan "
     "Langsung Tunai", "Keluarga", 10928, 10149),
    ("Penyediaan Makanan", "Jumlah Korban Bencana yang Mendapatkan Permakanan Selama Masa Tanggap "
     "Darurat", "Jiwa", 8100, 8100),
    ("Penyediaan Sandang", "Jumlah Korban Bencana yang Mendapatkan Bantuan Sandang", "Jiwa",
     2500, 2210),
    ("Penyediaan Tempat Penampungan Pengungsi", "Jumlah Tempat Penampungan Pengungsi yang "
     "Disediakan", "Unit", 12, 10),
    ("Penanganan Khusus bagi Kelompok Rentan", "Jumlah Kelompok Rentan Korban Bencana yang "
     "Mendapatkan Penanganan Khusus", "Orang", 500, 445),
    ("Koordinasi, Sosialisasi dan Pelaksanaan Kampung Siaga Bencana", "Jumlah Kampung Siaga Bencana "
     "yang Dibentuk dan Dibina", "Kampung", 12, 12),
    ("Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana", "Jumlah Taruna Siaga Bencana "
     "yang Mendapatkan Peningkatan Kapasitas", "Orang", 150, 150),
    ("Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat Kewenangan Kabupaten/Kota",
     "Jumlah Pekerja Sosial Masyarakat yang Meningkat Kapasitasnya", "Orang", 560, 560),
    ("Peningkatan Kemampuan Potensi Tenaga Kesejahteraan Sosial Kecamatan Kewenangan "
     "Kabupaten/Kota", "Jumlah Tenaga Kesejahteraan Sosial Kecamatan (TKSK) yang Meningkat "
     "Kapasitasnya", "Orang", 12, 12),
    ("Peningkatan Kemampuan Potensi Sumber Kesejahteraan Sosial Kelembagaan Masyarakat Kewenangan "
     "Kabupaten/Kota", "Jumlah Lembaga Kesejahteraan Sosial yang Dibina", "Lembaga", 85, 68),
]
QUARTER_SHARE = (0.21, 0.26, 0.24)   # the fourth quarter takes the rest

# Tabel 3.7 (narrow columns): (indikator, satuan, baseline y-1, target, realisasi, capaian)
NARROW = [(I_PPKS, "Persen", "12", "12", "15,82", "132"),
          (I_PSKS, "Persen", "100", "100", "100", "100"),
          ("Indeks Kepuasan Masyarakat (IKM) berdasarkan Survei terhadap Respon" + SHY + "den "
           "Penerima Layanan Dinas Sosial", "Nilai", "89,47", "80,5", "92,86", "115,35")]

# Tabel 3.14 (borderless): PPKS, target, realisasi, capaian
PPKS = [("Disabilitas", "672", "672", "100%"), ("Anak Terlantar", "400", "400", "100%"),
        ("Lanjut Usia Terlantar", "300", "300", "100%"),
        ("Gelandangan dan Pengemis diluar Panti", "204", "204", "100%"),
        ("Korban Bencana", "8.100", "8.100", "100%"),
        ("Masyarakat Miskin (BLT)", "10.928", "10.149", "93%")]

# Tabel 3.22: program code, name, pagu (perubahan), realisasi
PROGRAMS = [("1.06.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
             14171420836, 12762370465),
            ("1.06.02", "Program Pemberdayaan Sosial", 3341258639, 2427542487),
            ("1.06.04", "Program Rehabilitasi Sosial", 4645554625, 4005923311),
            ("1.06.05", "Program Perlindungan Dan Jaminan Sosial", 4572316800, 3717696432),
            ("1.06.06", "Program Penanganan Bencana", 1876244335, 1578973331),
            ("1.06.07", "Program Pengelolaan Taman Makam Pahlawan", 619756910, 588636686)]
# Tabel 3.23: code suffix after "1.06.01.01-", uraian, anggaran, realisasi
SUBKEG_BUDGET = [
    ("04", "PROGRAM REHABILITASI SOSIAL", 4645554625, 4005923311),
    ("04.2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut "
     "Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial", 4645554625, 4005923311),
    ("04.2.01.01", "Penyediaan Permakanan", 743400000, 607430000),
    ("04.2.01.02", "Penyediaan Sandang", 100000000, 98534022),
    ("04.2.01.03", "Penyediaan Alat Bantu", 629840000, 538668800),
    ("04.2.01.04", "Pemberian Pelayanan Reunifikasi Keluarga", 589000000, 406917797),
    ("04.2.01.05", "Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial", 358380000, 266649866),
    ("04.2.01.06", "Pemberian Bimbingan Sosial kepada Keluarga Penyandang Disabilitas Terlantar, Anak "
     "Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis dan Masyarakat",
     1380000000, 1306664516),
    ("04.2.01.07", "Fasilitasi Pembuatan Nomor Induk Kependudukan, Akta Kelahiran, Surat Nikah, dan "
     "Kartu Identitas Anak", 32633625, 25965000),
    ("04.2.01.08", "Pemberian Akses ke Layanan Pendidikan dan Kesehatan Dasar", 50000000, 49476719),
    ("04.2.01.09", "Pemberian Layanan Data dan Pengaduan", 51081000, 50131000),
    ("04.2.01.10", "Pemberian Layanan Kedaruratan", 199190000, 170800000),
    ("04.2.01.11", "Pemberian Pelayanan Penelusuran Keluarga", 12030000, 10884000),
    ("04.2.01.12", "Pemberian Layanan Rujukan", 500000000, 473801591),
    ("05", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL", 4572316800, 3717696432),
    ("05.2.02", "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota", 4572316800, 3717696432),
    ("05.2.02.03", "Fasilitasi Bantuan Sosial Kesejahteraan Keluarga", 3248486800, 2727545020),
    ("06", "PROGRAM PENANGANAN BENCANA", 1876244335, 1578973331),
    ("06.2.01", "Perlindungan Sosial Korban Bencana Alam dan Sosial Kabupaten/Kota",
     1381879910, 1160398691),
    ("06.2.01.01", "Penyediaan Makanan", 588240000, 491669672),
    ("06.2.01.02", "Penyediaan Sandang", 250000000, 202960170),
    ("06.2.01.03", "Penyediaan Tempat Penampungan Pengungsi", 241253910, 191139598),
    ("06.2.01.04", "Penanganan Khusus bagi Kelompok Rentan", 150000000, 127939051),
    ("06.2.02", "Penyelenggaraan Pemberdayaan Masyarakat Terhadap Kesiapsiagaan Bencana "
     "Kabupaten/Kota", 494364425, 418574640),
    ("06.2.02.01", "Koordinasi, Sosialisasi dan Pelaksanaan Kampung Siaga Bencana",
     356572000, 296104635),
    ("06.2.02.02", "Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana",
     137792425, 122470005),
]

TEXT = {
    "pengantar": "Berkat Rahmat Tuhan Yang Maha Esa, Laporan Kinerja Instansi Pemerintah (LKIP) {org} "
    "dapat diterbitkan. Dengan telah berakhirnya Tahun {y}, {org} telah menyelesaikan kegiatannya "
    "untuk tahun pertama dikaitkan dengan Rencana Pembangunan Jangka Menengah Daerah (RPJMD) {reg} "
    "Tahun {y}-{y4} yang telah digunakan sebagai acuan bagi pelaksanaan kegiatan {org}.",
    "latar": "Dinas Sosial memiliki peran penting dalam upaya meningkatkan taraf kesejahteraan "
    "masyarakat, terutamanya masyarakat yang memiliki kehidupan yang tidak layak secara kemanusiaan "
    "dan memiliki kriteria masalah sosial (pemerlu pelayanan kesejahteraan sosial). Upaya peningkatan "
    "taraf kesejahteraan sosial tersebut, dilaksanakan melalui rehabilitasi sosial, jaminan sosial, "
    "pemberdayaan sosial dan perlindungan sosial.",
    "latar2": "Dinas Sosial senantiasa berupaya meningkatkan taraf kesejahteraan Pemerlu Pelayanan "
    "Kesejahteraan Sosial, sehingga dapat berkontribusi dalam penurunan angka kemiskinan, serta "
    "pencapaian target RPJMD {y}-{y4}. Tahun {y} merupakan tahun awal pelaksanaan menggantikan "
    "Renstra {y0}-{y2} yang merupakan penjabaran operasional Dinas Sosial untuk mendukung sasaran "
    "RPD {y0}-{y2}.",
    "bab2": "Perencanaan kinerja {org} Tahun {y} merupakan penjabaran operasional dari Rencana "
    "Strategis (Renstra) {org} Tahun {y0}-{y2} yang disusun berdasarkan RPD {reg} Tahun {y0}-{y2} dan "
    "Renstra {org} Tahun {y}-{y4}, yang disusun selaras dengan RPJMD {reg} Tahun {y}-{y4}.",
    "rpd": "Rencana Strategis dapat dicapai dengan cara merumuskan tujuan dan sasaran. Tujuan "
    "merupakan penjabaran atau implementasi dari pernyataan misi, adapun tujuan strategis Dinas "
    "Sosial pada periode tahun {y0}-{y2} sebagai berikut:",
    "iku": "Berdasarkan rumusan tujuan dan sasaran strategis, ditentukan indikator sasaran dijadikan "
    "sebagai Indikator Kinerja Utama (IKU) Dinas Sosial Tahun {y0}-{y2} sebagai berikut:",
    "pk": "Perjanjian Kinerja adalah lembar/dokumen yang berisikan penugasan dari pimpinan instansi "
    "yang lebih tinggi kepada pimpinan instansi yang lebih rendah untuk melaksanakan program dan "
    "kegiatan yang disertai dengan indikator kinerja. Perjanjian kinerja ini merupakan tolak ukur "
    "evaluasi akuntabilitas kinerja pada akhir Tahun {y}.",
    "pk2": "Sasaran Strategis pada Renstra {org} tahun {y}-{y4} dilakukan perubahan dari Sasaran "
    "Strategis sebelumnya. Dari Sasaran Strategis tersebut, diturunkan kedalam perjanjian kinerja "
    "perubahan seperti diuraikan ditabel dibawah ini.",
    "renstra": "Dalam mendukung pencapaian visi dan misi pembangunan daerah, Dinas Sosial sebagai "
    "salah satu perangkat daerah harus melaksanakan amanat pada RPJMD dengan perumusan tujuan, dan "
    "sasaran yang sesuai dengan tugas pokok dan fungsi Dinas Sosial dengan penjabaran sebagai berikut:",
    "bab3": "Pengukuran kinerja pada periode RPD dilakukan sampai dengan triwulan III, karena pada "
    "triwulan IV pengukuran kinerja sudah berdasarkan Renstra dan RPJMD {y}-{y4}. Untuk mengetahui "
    "pencapaian sasaran diperoleh dengan cara membandingkan target dengan realisasi indikator sasaran "
    "melalui media formulir pengukuran kinerja.",
    "tw3": "Berdasarkan Tabel diatas, hampir semua indikator tercapai untuk target di Triwulan III, "
    "bahkan ada yang melebihi 100%, yaitu pada indikator Nilai SKM, dan ada Indikator yang belum ada "
    "realisasinya, hal ini pada triwulan III tidak ditetapkan target dan akan diakumulasikan di "
    "Triwulan IV.",
    "rpjmd": "Capaian kinerja yang telah dicapai {org} selama tahun {y}, berupa pencapaian sasaran "
    "strategis dan indikator kinerja yang telah ditetapkan dalam Renstra {org} tahun {y}-{y4} serta "
    "perjanjian kinerja {org} tahun {y} sebanyak 2 (dua) sasaran strategis dan 2 (dua) indikator "
    "kinerja.",
    "sub": "Capaian indikator kinerja sub kegiatan yang mendukung sasaran strategis diukur setiap "
    "triwulan. Realisasi per triwulan disajikan pada tabel berikut:",
    "narrow": "Perbandingan realisasi kinerja tahun {y0} dengan tahun {y} untuk indikator kinerja "
    "sasaran disajikan pada tabel berikut:",
    "ppks": "Jumlah realisasi PPKS pada sasaran Meningkatnya Rehabilitasi Sosial bagi Pemerlu "
    "Pelayanan Kesejahteraan Sosial (PPKS) Tahun {y} adalah sebagai berikut:",
    "anggaran": "Realisasi anggaran {org} Tahun {y} setelah APBD Perubahan disajikan per program dan "
    "per sub kegiatan sebagai berikut:",
    "penutup": "Laporan Kinerja Instansi Pemerintah {org} Tahun {y} ini merupakan wujud "
    "pertanggungjawaban atas pelaksanaan tugas dan fungsi serta penggunaan anggaran. Akhirnya laporan "
    "ini dapat tersaji menjadi sarana evaluasi yang konstruktif dan dapat memberi manfaat yang "
    "optimal bagi peningkatan manajemen kinerja yang lebih baik di masa mendatang.",
}


# ---------------------------------------------------------------- IKI Lampung Barat (seed 004)

# (jabatan, tugas, fungsi, printed-year shift, groups); a group is
# (no, sasaran, indikator, [(penjelasan, targets, sumber)]) or (no, sasaran, indikator, penjelasan, targets)
_K = "kebutuhan dasarnya diluar panti / Jumlah"
LAMPUNG = [
    ("Kepala Dinas Sosial", "Membantu Bupati dalam melaksanakan Urusan Pemerintahan di bidang sosial "
     "yang menjadi kewenangan daerah dan tugas pembantuan yang diberikan kepada kabupaten",
     ("perumusan kebijakan di bidang sosial;", "pelaksanaan kebijakan di bidang sosial;",
      "pelaksanaan, evaluasi dan pelaporan bidang sosial;"), 0,
     [("1", "Meningkatnya PMKS yang Berdaya", "Presentase Peningkatan PMKS yang Berdaya", [
         (f"Jumlah Penyandang disabilitas yang terpenuhi {_K} Penyandang disabilitas x 100%",
          ("19.55%", "39.10%", "58.65%", "78.20%"), "Renstra {r}"),
         (f"Jumlah Anak Terlantar yang terpenuhi {_K} Anak terlantar x 100%", ("100%",) * 4,
          "Renstra {r}"),
         (f"Jumlah Lanjut Usia Terlantar yang terpenuhi {_K} Lanjut Usia terlantar x 100%",
          ("100%",) * 4, "Renstra {r}"),
         (f"Jumlah Gelandangan Pengemis yang terpenuhi {_K} Gelandangan Pengemis x 100%",
          ("100%",) * 4, "Renstra {r}"),
         ("Jumlah Korban Bencana alam dan sosial yang terpenuhi kebutuhan dasarnya pada saat dan "
          "setelah tanggap darurat bencana/Jumlah Korban Bencana x100%", ("100%",) * 4,
          "Renstra {r}")])]),
    ("Sekretaris Dinas Sosial", "mengkoordinasikan dan menyelenggarakan kegiatan kesekretariatan, "
     "pengelolaan keuangan dan pelayanan administrasi pada seluruh unit organisasi di lingkungan "
     "dinas serta melaksanakan penyusunan program, evaluasi dan pelaporan",
     ("pelayanan administrasi; dan", "pelaksanaan monitoring, evaluasi dan pelaporan di lingkup "
      "Sekretariat dan lingkup Dinas."), 0,
     [("1", "Meningkatnya SAKIP Perangkat Daerah", "Nilai SAKIP Perangkat Daerah",
       "Hasil evaluasi SAKIP oleh Inspektorat Kabupaten", ("78.75%", "78.90%", "78.95%", "79.20%"))]),
    ("Kepala Sub Bagian Umum dan Perencanaan", "menyiapkan bahan dalam rangka membantu melaksanakan "
     "penjabaran kebijakan teknis di bidang sub bagian umum, kepegawaian dan perencanaan.",
     ("pengelolaan administrasi umum dan administrasi kepegawaian dan perencanaan;",), 0,
     [("1", "Tersusunnya dokumen perencanaan perangkat daerah", "Jumlah Dokumen Perencanaan "
       "Perangkat Daerah", "Banyaknya dokumen Perencanaan Perangkat Daerah yang disusun",
       ("4 dokumen",) * 4),
      ("2", "Tersedianya dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD",
       "Jumlah dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD",
       "Banyaknya dokumen RKA SKPD dan Laporan Hasil Koordinasi Penyusunan dokumen RKA-SKPD yang "
       "disusun", ("2 dokumen",) * 4),
      ("3", "Tersedianya Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "Jumlah "
       "Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", "Banyaknya Laporan Capaian "
       "Kinerja dan Ikhtisar Realisasi Kinerja SKPD yang disusun", ("4 Laporan",) * 4),
      ("4", "Terlaksananya Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan Evaluasi Kinerja "
       "Perangkat Daerah", "Banyaknya Laporan Evaluasi Kinerja Perangkat Daerah yang disusun",
       ("10 Laporan",) * 4),
      ("5", "Terlaksananya Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", "Jumlah "
       "Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan", "Banyaknya "
       "Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan",
       ("3 Orang",) * 4),
      ("6", "Tersedianya Kendaraan Dinas Operasional atau Lapangan", "Jumlah Unit Kendaraan Dinas "
       "Operasional atau Lapangan yang disediakan", "Banyaknya Unit Kendaraan Dinas Operasional "
       "atau Lapangan yang disediakan", ("4 Unit", "2 Unit", "2 Unit", "2 Unit")),
      ("7", "Tersedianya Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas "
       "Operasional atau Lapangan", "Jumlah Kendaraan Dinas Operasional atau Lapangan yang "
       "dipelihara dan dibayarkan pajak dan perizinannya", "Banyaknya Kendaraan Dinas Operasional "
       "atau Lapangan yang dipelihara dan dibayarkan pajak dan perizinannya",
       ("36 Unit", "40 Unit", "42 Unit", "44 Unit")),
      ("", "Terlaksananya Pemeliharaan / Rehabilitasi Gedung Kantor dan Bangunan Lainnya", "Jumlah "
       "Gedung Kantor dan Bangunan Lainnya yang di pelihara /direhabilitasi", "Banyaknya Gedung "
       "Kantor dan Bangunan Lainnya yang di pelihara /direhabilitasi", ("2 Unit",) * 4)]),
    ("Analis Keuangan Pusat dan Daerah Ahli Muda SubSubstansi Bagian Keuangan", "melaksanakan dan "
     "mengkoordinasikan rencana anggaran pendapatan dan belanja, melaksanakan kegiatan "
     "perbendaharaan, pembukuan dan verifikasi serta melaksanakan pelaporan atas realisasi "
     "pelaksanaan kegiatan keuangan Dinas.", ("pengelolaan administrasi keuangan;",), -5,
     [("1", "Tersedianya Gaji dan Tunjangan ASN", "Jumlah Orang yang menerima gaji dan tunjangan ASN",
       "Banyaknya Orang yang Menerima Gaji dan Tunjangan ASN",
       ("26 Orang", "27 Orang", "28 Orang", "29 Orang")),
      ("2", "Tersedianya Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan "
       "Laporan Keuangan Akhir Tahun SKPD", "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan "
       "Hasil Koordinasi Penyusunan Laporan Keuangan Akhir Tahun SKPD", "Banyaknya Laporan Keuangan "
       "Akhir Tahun SKPD yang disusun", ("1 Laporan",) * 4),
      ("3", "Tersedianya Dokumen Pelaporan dan Analisis Prognosis Realisasi Anggaran", "Jumlah "
       "Dokumen Pelaporan dan Analisis Prognosis Realisasi Anggaran", "Banyaknya Dokumen Pelaporan "
       "dan Analisis Prognosis Realisasi Anggaran", ("1 dokumen",) * 4)]),
    ("Kepala Bidang Perlindungan dan Jaminan Sosial", "Melaksanakan sebagian tugas Dinas Sosial dalam "
     "penyusunan, pelaksanaan kebijakan, dan pemberian bimbingan teknis, serta pemantauan dan "
     "evaluasi di Bidang Perlindungan dan Jaminan Sosial.",
     ("penyiapan bahan rumusan kebijakan teknis di Bidang Perlindungan dan Jaminan Sosial;",), 0,
     [("1", "Optimalnya pemberian bantuan bagi korban bencana", "Persentase pemberian bantuan bagi "
       "korban bencana yang disampaikan dalam waktu kurang dari 3 hari setelah laporan diterima",
       "Cukup Jelas", ("100%",) * 4),
      ("2", "Meningkatnya pemenuhan kebutuhan dasar untuk masyarakat miskin", "Persentase masyarakat "
       "miskin yang terpenuhi kebutuhan dasarnya", "Jumlah Masyarakat Miskin yang terpenuhi "
       "kebutuhan dasarnya/Jumlah Masyarakat miskin X 100", ("13,23%",) * 4)]),
    ("Penyuluh Sosial Ahli Muda SubSubstansi Perlindungan Sosial Korban Bencana Sosial",
     "melaksanakan perumusan dan pelaksanaan kebijakan, penyusunan norma, standar, prosedur dan "
     "kriteria, pemberian bimbingan teknis dan supervisi serta evaluasi dan pelaporan Seksi "
     "Perlindungan Sosial Korban Bencana Sosial",
     ("perencanaan dan pelaksanaan kegiatan di Bidang Perlindungan Sosial Korban Bencana Sosial;",),
     0,
     [("1", "Terpenuhinya Kebutuhan Permakanan Per Orang sesuai dengan standar gizi minimal "
       "kewenangan kabupaten/kota", "Jumlah orang yang mendapatkan Pemenuhan Kebutuhan Permakanan "
       "Sesuai dengan Standar Gizi Minimal kewenangan kabupaten/kota", "Banyaknya orang yang "
       "mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan Standar Gizi Minimal",
       ("20.000 Orang",) * 4),
      ("2", "Terlaksananya Pengentasan Keluarga Fakir Miskin Kabupaten/Kota", "Jumlah Keluarga yang "
       "mendapatkan pengentasan fakir miskin kabupaten/kota", "Banyaknya Keluarga yang mendapatkan "
       "pengentasan fakir miskin kabupaten/kota", ("118.908 Keluarga",) * 4)]),
    ("Kepala Bidang Rehabilitasi Sosial", "Menyelenggarakan perumusan dan pelaksanaan kebijakan di "
     "bidang rehabilitasi sosial sesuai dengan ketentuan peraturan perundang-undangan.",
     ("penyusunan rencana dan program kegiatan di Bidang Rehabilitasi Sosial;",), 0,
     [("1", "Meningkatnya Rehabilitasi Sosial dasar penyandang disabilitas", "Persentase Penyandang "
       "disabilitas yang direhabilitasi", "Jumlah Penyandang Disabilitas yang direhabilitasi/Jumlah "
       "Penyandang Disabilitas *100%", ("19,55%", "39,10%", "58,65%", "78,20%")),
      ("2", "Meningkatnya perlindungan dan jaminan sosial bagi masyarakat", "Persentase anak yatim "
       "dan kube miskin yang mendapatkan bantuan program perlindungan dan jaminan sosial",
       "Jumlah anak yatim dan kube miskin yang mendapatkan bantuan program perlindungan dan jaminan "
       "sosial/ Jumlah anak yatim dan kube miskinx 100", ("70.24%",) * 4)]),
    ("Kepala Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Menyelenggarakan perumusan "
     "dan pelaksanaan kebijakan, di bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin sesuai "
     "dengan ketentuan perundang-undangan yang berlaku.",
     ("penyiapan bahan rumusan kebijakan teknis di Bidang Pemberdayaan Sosial dan Penanganan Fakir "
      "Miskin;",), 0,
     [("1", "Meningkatnya Pemberdayaan Sosial", "% PSKS yang Aktif", "jumlah psks yg aktif / jumlah "
       "psks x 100", ("33.51%",) * 4),
      ("2", "Meningkatnya kualitas layanan rujukan terpadu", "IKM", "PERATURAN MENTERI "
       "PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA NOMOR 14 TAHUN 2017 "
       "TENTANG PEDOMAN PENYUSUNAN SURVEI KEPUASAN MASYARAKAT UNIT PENYELENGGARA PELAYANAN PUBLIK",
       ("B Poin",) * 4),
      ("3", "Meningkatnya data penerima program perlindungan dan jaminan sosial yang valid",
       "Persentase data penerima program perlindungan dan jaminan sosial yang valid", "Jumlah data "
       "penerima program perlindungan dan jaminan sosial yang diverifikasi dan validasi/Jumlah data "
       "penerima program perlindungan dan jaminan sosial X100", ("100%",) * 4),
      ("4", "Meningkatnya Pengelolaan Taman Makam Pahlawan", "% komponen utama taman makam pahlawan",
       "komponen utama yang tersedia/Jumlah komponen utama x 100%", ("78.57%",) * 4)]),
    ("Penggerak Swadaya Masyarakat Ahli Muda SubSubstansi Identifikasi dan Penguatan Kapasitas",
     "Melaksanakan perumusan dan melaksanakan kebijakan teknis, penyusunan norma, standar, prosedur, "
     "kriteria, pemberian bimbingan teknis, supervisi, serta evaluasi dan pelaporan Seksi "
     "Identifikasi dan Penguatan Kapasitas;",
     ("perencanaan dan pelaksanaan kegiatan di bidang Identifikasi dan Penguatan Kapasitas",), 0,
     [("1", "Terlaksananya Pendataan Fakir Miskin Cakupan Daerah Kabupaten/Kota", "Jumlah Fakir "
       "Miskin Cakupan Daerah Kabupaten/Kota yang di data", "Cukup Jelas", ("124.151 Orang",) * 4),
      ("2", "Terlaksananya Pemberian Layanan Data dan Pengaduan Kewenangan Kabupaten/Kota", "Jumlah "
       "Orang yang mendapatkan Layanan Data dan Pengaduan Kewenangan kabupaten/Kota", "Cukup Jelas",
       ("450 Orang", "500 Orang", "550 Orang", "650 Orang"))]),
]


# ---------------------------------------------------------------- IKI Probolinggo (seed 003)

FP = "Formulasi Pengitungan :"
PROBOLINGGO = [
    ("Sekretaris", "Mengoordinasikan perumusan program kerja dan keuangan, menyelenggarakan urusan "
     "administrasi umum, perkantoran dan kehumasan, kepegawaian serta analisis jabatan.",
     "Meningkatnya kapasitas kinerja pegawai, sistem administrasi pemerintahan, pelaporan kinerja "
     "dan keuangan", "Bidang Sekretariat",
     [("Persentase Peningkatan Kualitas Pelayanan Administrasi Perkantoran", FP,
       ("Jumlah Pegawai yang mendapat pelayanan administrasi kepegawaian tepat waktu",
        "Jumlah Pegawai yang mengajukan Pelayanan")),
      ("Persentase Peningkatan sarana dan prasarana Aparatur", FP,
       ("Jumlah Keg. Penyediaan dan Pemeliharaan Sarpras yang dilaksanakan",
        "Target Penyediaan dan Pemeliharaan Sarpras")),
      ("Persentase Peningkatan Disiplin Aparatur", FP,
       ("Jumlah Pegawai yang menerima Bimtek dan mengikuti upacara peringatan",
        "Jumlah pegawai Dinas Sosial Kota Probolinggo")),
      ("Persentase peningkatan kualitas laporan capaian kinerja dan keuangan SKPD", FP,
       ("Jumlah Laporan Kinerja dan Keuangan yang terselesaikan",
        "Jumlah Laporan Kinerja dan Keuangan yang harus diselesaikan"))]),
    ("KepalaSub. Bagian Tata Usaha", "Menyusun rencana program dan kegiatan serta pelaksanaan pada "
     "Subbagian Tata Usaha; Melaksanakan administrasi umum meliputi ketatausahaan, ketatalaksanaan, "
     "kepustakaan dan tata kearsipan.", "Meningkatnya administrasi penyelenggaraan pemerintahan SKPD",
     "Bidang Sekretariat",
     [("Jumlah Alat kantor/Alat Rumah Tangga/Alat studio dan Alat Komunikasi yang sudah dibeli",
       FP + "\nƒ(x) = Jumlah Alat kantor/Alat Rumah Tangga/Alat Studio/Alat Komunikasi yang sudah "
       "terbeli", None),
      ("Persentase Kegiatan Peringatan/Upacara/Hari-hari besar yang terlaksana", FP,
       ("Jumlah Kegiatan yang sudah terlaksana", "Jumlah Kegiatan yang seharusnya terlaksana")),
      ("Persentase kegiatan verivikasi barang yang terlaksana", FP,
       ("Jumlah kegiatan pemerikasaan barang yang sudah terlaksana",
        "Jumlah Kegiatan pemeriksanaan barang yang seharusnya terlaksana"))]),
    ("KepalaSub. Bagian Program dan Keuangan", "Menyusun Rencana Kerja Anggaran dan Dokumen "
     "Pelaksanaan Anggaran Dinas; Melaksanakan pengelolaan keuangan Dinas.",
     "Meningkatnya kualitas sistem pelaporan capaian kinerja dan keuangan SKPD.", "Bidang Sekretariat",
     [("Persentase Dokumen Perencanaan dan Dokumen laporan keuangan yang sudah disusun", FP,
       ("Jumlah Dokumen yang sudah disusun", "Jumlah Dokumen yang seharusnya disusun")),
      ("Presentase Kegiatan Bimtek yang sudah terlaksana", FP,
       ("Jumlah Kegiatan Bimtek yang sudah terlaksana", "Jumlah Kegiatan Bimtek yang seharusnya "
        "terlaksana")),
      ("Persentase warga penerima bantuan yang di monev", FP,
       ("Jumlah warga penerima bantuan yang sudah di monev", "Jumlah warga penerima bantuan yang "
        "seharusnya di monev"))]),
    ("Kepala Bidang Pelayanan dan Rehabilitasi Sosial", "Merencanakan, melaksanakan, "
     "mengoordinasikan dan mengendalikan kegiatan, perumusan, penyusunan, pelaksanaan pengawasan, "
     "evaluasi dan pelaporan dibidang pelayanan dan rehabilitasi sosial.",
     "Meningkatnya Kesejahteraan Penyandang Masalah Kesejahteraan Sosial (PMKS)",
     "Bidang Pelayanan dan Rehabilitasi Sosial",
     [("Persentase Penyandang Masalah Kesejahteraan Sosial (PMKS) yang mendapatkan rehabilitasi "
       "Sosial", "Penjelasan : Penyandang Masalah Kesejahteraan Sosial yang selanjutnya disebut PMKS "
       "adalah perseorangan, keluarga, kelompok, dan/atau masyarakat yang karena suatu hambatan, "
       "kesulitan, atau gangguan, tidak dapat melaksanakan fungsi sosialnya.\n" + FP,
       ("Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS) yang sudah mendapatkan Bantuan "
        "Rehabilitasi Sosial.", "Jumlah Penyandang Masalah Kesejahteraan Sosial (PMKS) yang terdata"))]),
    ("Kepala Seksi Pelayanan dan Rehabilitasi Sosial Anak dan Lanjut Usia.", "Menyusun rencana "
     "program dan kegiatan serta pelaksanaan pada Seksi Pelayanan dan Rehabilitasi Sosial Anak dan "
     "Lanjut Usia.", "Meningkatnya Kualitas Penanganan Anak dan Lanjut Usia Terlantar",
     "Bidang Pelayanan dan Rehabilitasi Sosial",
     [("Jumlah Lanjut Usia terlantar yang mendapat Rehabilitasi dan mengikuti kegiatan Komda Lansia",
       "Formulasi Penghitungan :\nƒ(x) = Jumlah lanjut usia yang mendapat Rehabilitasi dan mengikuti "
       "kegiatan Komda Lansia", None),
      ("Jumlah Klien yang pernah direhabilitasi di Shelter",
       FP + "\nƒ(x) = Jumlah Klien yang pernah direhabilitasi di Shelter", None)]),
]


# ---------------------------------------------------------------- pohon kinerja (seed 002)

# (sasaran, "IK : indicator", "Target : value" or None, jabatan or a "*crosscutting" note, children),
# levels from the ultimate outcome down to outputs, as the Dinas Sosial pohon kinerja 2024 prints them.
_PF, _PM, _PP = "Pekerja Sosial Ahli Muda", "Pekerja sosial ahli muda", "Pekerja sosial ahli pertama"
POHON = (
    "MENURUNNYA PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS)",
    "IK : JUMLAH PEMERLU PELAYANAN KESEJAHTERAAN SOSIAL (PPKS)", "TARGET : 200 ORANG (2026)",
    "KEPALA DINAS SOSIAL", [
        ("TERWUJUDNYA DATABASE PPKS TERPADU", "IK : Persentase PPKS dalam Data DTKS", "TARGET : 15%",
         "KEPALA BIDANG PENANGANAN FAKIR MISKIN", [
             ("TERSEDIANYA SATU DATABASE PPKS TERPADU",
              "IK : Persentase Data PPKS yang terdaftar dalam data DTKS", "Target : 15 %",
              "KEPALA BIDANG PENANGANAN FAKIR MISKIN", [
                  ("TERLAKSANANYA PENDATAAN FAKIR MISKIN CAKUPAN DAERAH KABUPATEN/KOTA",
                   "IK: Jumlah Fakir Miskin Cakupan Daerah Kabupaten/Kota yang Didata",
                   "Target : 20000 KK", _PF, [
                       ("TERSEDIANYA DATA PPKS", "IK : Jumlah laporan data BNBA PPKS",
                        "Target : 1 Laporan", _PP, []),
                       ("TERSEDIANYA BERITA ACARA MUSYAWARAH DESA/KEL TERKAIT VERIFIKASI DAN "
                        "VALIDASI DATA", "IK : Jumlah Berita Acara Verifikasi/Validasi Data",
                        "Target : 167 Berita Acara", _PP, [])])])]),
        ("TERPENUHINYA KEBUTUHAN MATERIAL PPKS", "IK : Persentase PPKS yang memperoleh bantuan sosial",
         "TARGET : 28%", "KEPALA BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL SERTA KEPALA BIDANG "
         "PELAYANAN DAN REHABILITASI SOSIAL", [
             ("TERPENUHINYA KEBUTUHAN PANGAN PPKS", "IK : Persentase PPKS yang memperoleh bantuan pangan",
              "Target : 9%", "KEPALA BIDANG PELAYANAN DAN REHABILITASI SOSIAL", [
                  ("TERPENUHINYA KEBUTUHAN PERMAKANAN PER ORANG SESUAI DENGAN STANDAR GIZI MINIMAL",
                   "IK : Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Permakanan Sesuai dengan "
                   "Standar Gizi Minimal Kewenangan Kabupaten/Kota", "Target : 170 Orang", _PM, [
                       ("TERSEDIANYA DATA PPKS PENERIMA BANTUAN PERMAKANAN",
                        "IK : Jumlah Laporan Data Calon Penerima Permakanan yang terverifikasi",
                        "Target : 1 Laporan", _PP, [])])]),
             ("TERPENUHINYA JAMINAN SOSIAL PPKS", "IK : Persentase PPKS yang memperoleh Jaminan Sosial",
              "Target : 13%", "KEPALA BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL DAN KEPALA BIDANG "
              "PENANGANAN FAKIR MISKIN", [
                  ("TERLAKSANANYA PENGELOLAAN JAMINAN KESEHATAN MASYARAKAT",
                   "IK : Jumlah Dokumen Hasil Pengelolaan Jaminan Kesehatan Masyarakat", None,
                   "*CROSSCUTTING DENGAN DINAS KESEHATAN", [])])]),
        ("MENINGKATNYA KUALITAS SDM PPKS", "IK : Jumlah PPKS Keluar Dari DTKS Secara Mandiri",
         "TARGET : 2%", "KEPALA BIDANG PEMBERDAYAAN SOSIAL DAN KEPALA BIDANG PELAYANAN DAN "
         "REHABILITASI SOSIAL", [
             ("MENINGKATNYA KEMANDIRIAN PPKS", "IK : Jumlah PPKS Yang Keluar Program Bantuan Sosial",
              "Target : 2%", "KEPALA BIDANG PEMBERDAYAAN SOSIAL", [
                  ("TERLAKSANANYA PEMBINAAN TEKNIS SUMBER DAYA MANUSIA SUMBER KESEJAHTERAAN SOSIAL "
                   "DAERAH KABUPATEN/KOTA", "IK : Jumlah Sumber Daya Manusia Sumber Kesejahteraan "
                   "Sosial Daerah Kabupaten/Kota yang Mendapatkan Bimbingan Teknis", "Target : 18 Orang",
                   "Penyuluh Sosial Ahli Muda", [])]),
             ("MENINGKATNYA PELAYANAN REHABILITASI PPKS",
              "IK : Persentase PPKS Yang Mendapatkan Pelayanan Rehabilitasi", "Target : 13 %",
              "KEPALA BIDANG PELAYANAN DAN REHABILITASI SOSIAL DAN KEPALA BIDANG PERLINDUNGAN DAN "
              "JAMINAN SOSIAL", [
                  ("TERPENUHINYA KEBUTUHAN ALAT BANTU DISABILITAS", "IK : Jumlah Orang yang Mendapatkan "
                   "Alat Bantu dan Alat Bantu Peraga Sesuai kebutuhan Kewenangan Kabupaten/Kota",
                   "Target : 7 Orang", _PF, [
                       ("TERSEDIANYA DATA DISABILITAS PENERIMA ALAT BANTU YANG TELAH DIVERIFIKASI",
                        "IK: Jumlah Laporan Data Disabilitas Penerima Alat Bantu Yang Telah diVerifikasi",
                        "Target : 1 Laporan", "Pekerja Sosial Ahli Pertama", [])]),
                  ("TERLAKSANANYA PEMBERIAN LAYANAN KEDARURATAN",
                   "IK : Jumlah Orang yang Mendapatkan Pelayanan Kedaruratan Kewenangan Kabupaten/Kota",
                   "Target : 300 Orang", "Penyuluh Sosial Ahli Muda", [
                       ("TERSEDIANYA BUFFERSTOCK KEDARURATAN BAGI PPKS",
                        "IK : Jumlah laporan bufferstock yang telah disediakan", "Target : 2 Laporan",
                        "Penyusun pemberian Bantuan Teknis", [])])])])])
