"""What a report is, from its own pages."""

import pytest

from extractors.families import EXTRACTORS
from extractors.document import _DOC_TYPES, classify_doc_type, describe_document, find_period, find_region
from schemas.vocabulary import DOC_TYPES


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


# --- rules for covers, headers and labelled fields (hand-written texts, not corpus text) -------------------

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.document import agency_label, find_agency


def _row(info):
    return (info.doc_type, info.agency, info.region, info.year_from, info.year_to)


def test_labelled_field_names_the_agency_over_a_letterhead():
    letter = (
        "PEMERINTAH KABUPATEN BANYUMAS\nBADAN PERENCANAAN PEMBANGUNAN DAERAH\nJl. Pemuda No. 12 Purwokerto\n"
        "Nomor : 050/217/2019\nHal : Penyampaian Pagu Indikatif\nBersama ini disampaikan pagu indikatif OPD "
        "Kabupaten Banyumas Tahun 2020 sebagai bahan penyusunan RKPD."
    )
    table = "LAMPIRAN\nPAGU INDIKATIF\nOPD : DINAS PERTANIAN DAN KETAHANAN PANGAN Lembar 1 dari 3\nNO URAIAN ALOKASI\n1 Program Pelaporan Capaian Kinerja 120.000.000"
    assert _row(describe_document([letter, table])) == ("OTHER", "Dinas Pertanian dan Ketahanan Pangan", "Kabupaten Banyumas", 2020, 2020)
    assert agency_label("Nama Unit Organisasi : Dinas Kesehatan Kota Padang") == "Dinas Kesehatan"
    assert agency_label("Unit Kerja : Bidang Anggaran") is None


def test_agency_right_before_its_region_runs_over_a_line_break():
    text = (
        "INDIKATOR KINERJA UTAMA\nNama Bidang : Bidang Pengendalian Pencemaran\nSumber data: Badan Pusat\n"
        "Statistik; data diolah oleh Badan Pusat Statistik dan dinas terkait yang diselenggarakan oleh Dinas\n"
        "Lingkungan Hidup Kota Surabaya setiap tahun"
    )
    info = describe_document([text])
    assert (info.doc_type, info.agency, info.region) == ("IKU", "Dinas Lingkungan Hidup", "Kota Surabaya")


def test_a_biro_is_named_without_its_secretariat():
    info = describe_document(["LAPORAN KINERJA\nBIRO HUKUM\nSEKRETARIAT DAERAH PROVINSI SUMATERA UTARA\nTAHUN 2019"])
    assert _row(info) == ("LKIP", "Biro Hukum", "Provinsi Sumatera Utara", 2019, 2019)


def test_agency_words_of_local_government():
    assert find_agency("LAPORAN KINERJA SATUAN POLISI PAMONG PRAJA KABUPATEN SLEMAN") == "Satuan Polisi Pamong Praja"
    info = describe_document(["RENCANA KERJA\nKECAMATAN COBLONG KOTA BANDUNG\nTAHUN 2022"])
    assert _row(info) == ("RENJA", "Kecamatan Coblong", "Kota Bandung", 2022, 2022)
    assert find_agency("PERJANJIAN KINERJA RSUD KOTA DEPOK") is None  # "RSUD" alone is no name
    assert find_agency("Perjanjian Kinerja RSUD Tugurejo Provinsi Jawa Tengah") == "RSUD Tugurejo"


def test_region_on_the_title_lines_beats_table_cells():
    text = (
        "Tabel 3.2\nRumusan Rencana Program dan Kegiatan Dinas Perhubungan Tahun 2020\nKabupaten Sleman\n"
        "1 Program Pengendalian Lalu Lintas Kota Yogyakarta 100% 250,00\n2 Program Angkutan Kota Yogyakarta 100% 90,00\n"
        "3 Program Terminal Kota Yogyakarta 100% 75,00"
    )
    assert describe_document([text]).region == "Kabupaten Sleman"


def test_region_cut_at_a_line_end_counts_for_the_whole_name():
    text = (
        "1 Persentase layanan Dinas Sosial Provinsi Nusa\nTenggara Timur 80%\n2 Cakupan bantuan Provinsi Nusa\n"
        "3 Jumlah lansia terlayani Provinsi Nusa Tenggara Timur dan kabupaten/kota 90%"
    )
    assert find_region(text) == "Provinsi Nusa Tenggara Timur"


def test_region_from_the_head_of_government_who_signs():
    pk = (
        "PERJANJIAN KINERJA TAHUN 2018\nDalam rangka mewujudkan manajemen pemerintahan yang efektif, kami yang bertanda tangan:\n"
        "Nama : Dr. H. Ahmad Fauzi\nJabatan : KEPALA BADAN KEPEGAWAIAN DAERAH\nSelanjutnya disebut PIHAK PERTAMA\n"
        "Nama : H. Rahmat\nJabatan : GUBERNUR KALIMANTAN TIMUR\nSelanjutnya disebut PIHAK KEDUA"
    )
    assert _row(describe_document([pk])) == ("PK", "Badan Kepegawaian Daerah", "Provinsi Kalimantan Timur", 2018, 2018)
    assert describe_document(["PERJANJIAN KINERJA 2021\nJabatan : Bupati Bandung Barat"]).region == "Kabupaten Bandung Barat"
    assert describe_document(["PERJANJIAN KINERJA 2021\nJabatan : WALI KOTA BOGOR"]).region == "Kota Bogor"


def test_tahun_anggaran_abbreviated_ends_the_region():
    info = describe_document(["POHON KINERJA DINAS PERTANIAN KABUPATEN GARUT TA. 2019\nVISI: GARUT BERTAKWA"])
    assert _row(info) == ("POHON_KINERJA", "Dinas Pertanian", "Kabupaten Garut", 2019, 2019)
    assert find_period("Unit Kerja : Dinas Koperasi\nTahun Anggaran : 2017") == (2017, 2017)


def test_target_kinerja_title_is_an_annual_plan():
    text = (
        "Lampiran II\nTARGET KINERJA SATUAN POLISI PAMONG PRAJA KOTA MAKASSAR\nTAHUN 2021\nTUJUAN SASARAN INDIKATOR KINERJA\n"
        "1 Meningkatnya ketertiban umum Persentase nilai evaluasi LAKIP 80"
    )
    assert _row(describe_document([text])) == ("RKT", "Satuan Polisi Pamong Praja", "Kota Makassar", 2021, 2021)
    assert classify_doc_type("PENCAPAIAN TARGET KINERJA DINAS SOSIAL TAHUN 2020") == "PENGUKURAN_KINERJA"


def test_letter_spaced_cover_title():
    info = describe_document(["LKIP T A H U N 2 0 1 8\nLampiran 1\nIndikator Kinerja Utama\nNO SASARAN INDIKATOR"])
    assert (info.doc_type, info.year_from, info.year_to) == ("IKU", 2018, 2018)


def test_renstra_five_year_span_and_law_citation():
    text = (
        "RENCANA STRATEGIS\nDINAS PENDIDIKAN KABUPATEN SIDOARJO\n2016-2021\n"
        "Disusun berdasarkan Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang tata cara perencanaan"
    )
    assert _row(describe_document([text])) == ("RENSTRA", "Dinas Pendidikan", "Kabupaten Sidoarjo", 2016, 2021)
    assert find_period("Review Renstra Provinsi Bali Tahun 2017 –– 2018") == (2017, 2018)
    assert find_period("Rencana Strategis periode 2019 s.d. 2023") == (2019, 2023)
    assert find_period("Peraturan Gubernur No. 53\nTahun 2014 tentang organisasi") == (None, None)


def test_period_from_the_next_pages_when_the_first_only_cites_a_law():
    first = "BAB I\nPENDAHULUAN\nSebagaimana diatur dalam Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang petunjuk teknis"
    second = "LAPORAN KINERJA KECAMATAN SUKAJADI KOTA PEKANBARU TAHUN 2019\nRingkasan eksekutif"
    info = describe_document([first, second])
    assert (info.year_from, info.year_to, info.agency, info.region) == (2019, 2019, "Kecamatan Sukajadi", "Kota Pekanbaru")


def test_no_text_says_nothing():
    assert _row(describe_document(["", "  ", ""])) == ("OTHER", None, None, None, None)
    assert _row(describe_document(["INDIKATOR KINERJA UTAMA\nNO SASARAN INDIKATOR PENJELASAN"])) == ("IKU", None, None, None, None)


_WORDS = ["Dinas", "BADAN", "Biro", "Kota", "KABUPATEN", "Provinsi", "Prov.", "Kab.", "Tahun", "TA.", "Nomor", "2016", "2013-2018",
          "s.d.", "Gubernur", "Wali Kota", "OPD :", "(BPS)", "Sekretariat", "Lampiran", "\n", "Jawa", "Barat", "T A H U N", "–"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)), max_size=4))
def test_random_text_never_raises(pages):
    info = describe_document(pages)
    assert info.doc_type in DOC_TYPES
    assert (info.year_from is None) == (info.year_to is None)


def test_every_family_the_extractors_know_is_a_curated_doc_type():
    """A report family added to the classifier or an extractor, but not to the vocabulary, would only fail
    at publish time."""
    assert {t for _, t in _DOC_TYPES} | {"OTHER"} <= set(DOC_TYPES)
    for cls in EXTRACTORS.values():
        assert set(cls.doc_types) <= set(DOC_TYPES), cls.__name__


@pytest.mark.parametrize("name, kept", [
    ("Dinas Sosial Dinsos", "Dinas Sosial"), ("Dinas Kesehatan Dinkes", "Dinas Kesehatan"), ("Kecamatan Ciputat Kec", "Kecamatan Ciputat"),
    ("Badan Pusat Statistik Bps", "Badan Pusat Statistik"), ("Dinas Bina Marga", "Dinas Bina Marga"), ("Dinas Sosial", "Dinas Sosial"),
    ("Biro Administrasi Pembangunan", "Biro Administrasi Pembangunan"),
])
def test_a_name_followed_by_its_own_abbreviation_loses_it(name, kept):
    from extractors.document import _drop_abbreviation

    assert _drop_abbreviation(name) == kept


def test_government_reports_and_glued_covers():
    assert describe_document(["Kantor Gubernur Provinsi Sumatera Barat\nJalan Sudirman No. 51 Padang"]).agency == "Pemerintah Provinsi"
    info = describe_document(["RencanaStrategisInspektoratKabupatenBogor\n2018-2023"])
    assert (info.doc_type, info.agency, info.region) == ("RENSTRA", "Inspektorat", "Kabupaten Bogor")


@pytest.mark.parametrize("cover, agency, region", [
    # a ministry and its directorate: the nation's report, whatever provinces its tables list
    ("LAPORAN KINERJA\nDIREKTORAT JENDERAL REHABILITASI SOSIAL\nKEMENTERIAN SOSIAL REPUBLIK INDONESIA\nTAHUN 2024\n"
     "No Provinsi Realisasi\n1 Provinsi Jawa Barat 12", "Direktorat Jenderal Rehabilitasi Sosial", "Nasional"),
    ("LAPORAN KINERJA KEMENTERIAN SOSIAL REPUBLIK INDONESIA TAHUN 2024", "Kementerian Sosial", "Nasional"),
    # a ministry's office in a province is that province's
    ("LAPORAN KINERJA\nKANTOR WILAYAH KEMENTERIAN HUKUM DAN HAM\nPROVINSI JAWA BARAT\nTAHUN 2023",
     "Kantor Wilayah Kementerian Hukum dan Ham", "Provinsi Jawa Barat"),
])
def test_a_national_body_reports_for_the_nation(cover, agency, region):
    info = describe_document([cover])
    assert (info.agency, info.region) == (agency, region)


def test_kabupaten_kota_names_no_region():
    """ "Kabupaten/Kota" is every regency and city, and a region's name never starts with "dengan"."""
    info = describe_document(["POHON KINERJA DINAS SOSIAL TAHUN 2024\nKABUPATEN/KOTA DENGAN STANDAR GIZI MINIMAL\n"
                              "Kewenangan Kabupaten/Kota Target : 300 Orang"])
    assert info.region is None and info.agency == "Dinas Sosial"


def test_a_misspelt_name_on_the_cover_takes_the_spelling_the_pages_print():
    """An OCR'd text layer misspells the cover once ("Perikannan"); every page's running header prints it
    right: the name is the one the pages print most."""
    cover = "RENCANA STRATEGIS\nDINAS KELAUTAN DAN PERIKANNAN\nTAHUN 2013-2018"
    pages = [f"Dinas Kelautan dan Perikanan Review Rencana Strategis\n{k}. Program" for k in range(1, 3)]
    assert describe_document([cover, *pages]).agency == "Dinas Kelautan dan Perikanan"
    assert describe_document([cover]).agency == "Dinas Kelautan dan Perikannan"  # nothing else to go by: as printed
