"""What a report is, from its own pages."""

from extractors.document import classify_doc_type, describe_document, find_period, find_region


def test_lkip_cover():
    info = describe_document([
        "LAPORAN KINERJA INSTANSI PEMERINTAHAN (LKIP) 2025\nDINAS SOSIAL KOTA BEKASI\nJL. IR. H. JUANDA NO. 100 BEKASI, JAWA BARAT\n"
        "LAPORAN KINERJA INSTANSI PEMERINTAH DINAS SOSIAL KOTA BEKASI TAHUN 2025"
    ])
    assert (info.doc_type, info.agency, info.region, info.year_from, info.year_to) == ("LKIP", "Dinas Sosial", "Kota Bekasi", 2025, 2025)


def test_iki_period_range():
    info = describe_document(["INDIKATOR KINERJA INDIVIDU (IKI) DINAS SOSIAL KABUPATEN LAMPUNG BARAT\nTAHUN 2023-2026"])
    assert (info.doc_type, info.region, info.year_from, info.year_to) == ("IKI", "Kabupaten Lampung Barat", 2023, 2026)


def test_appendix_is_what_its_own_title_says():
    text = "Lampiran 1\nLKIP Inspektorat Provinsi Jawa Barat Tahun 2016\nIndikator Kinerja Utama\nNO SASARAN"
    assert describe_document([text]).doc_type == "IKU"


def test_law_citation_is_not_the_period():
    assert find_period("berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP, laporan kinerja tahun 2016") == (2016, 2016)


def test_region_spelled_in_full_beats_a_stray_longer_match():
    text = "Provinsi Jawa Barat\nPROVINSI JAWA BARAT\nProvinsi Jawa Barat Ta"
    assert find_region(text) == "Provinsi Jawa Barat"


def test_unknown_is_other():
    assert classify_doc_type("Surat undangan rapat koordinasi") == "OTHER"
