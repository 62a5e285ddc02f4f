"""IKI / IKU tables: formula, data source and definition per indicator (indicator_attributes).

Expectations on the samples come from the generator's own data (`pipeline.devtools.samples`), not from output."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from extractors.iki import attribute_columns, grid_to_attributes, split_labelled
from extractors.layout import grid_to_layout
from extractors.records import TableContext
from extractors.values import layout_to_values
from normalizers.text import clean_indicator_name, indicator_id
from pipeline.isolation import extract_all
from pipeline.run import run_pipeline
from pipeline.devtools.samples import SAMPLE_NAMES
from pipeline.devtools.samples.content import LAMPUNG, PROBOLINGGO
from pipeline.settings import Settings
from schemas.tables import IndicatorAttributes

LAMPUNG_FILE, PROBOLINGGO_FILE = SAMPLE_NAMES[1], SAMPLE_NAMES[2]
from grids import LEFT, UP, make_grid


def attributes_of(rows, doc_type="IKU"):
    grid = make_grid(rows, page=2)
    ctx = TableContext(doc_type, 2024, 2024, "Kepala Bidang")
    layout = grid_to_layout(grid, ctx)
    assert layout is not None
    return grid, layout, ctx, grid_to_attributes(grid, layout, ctx.jabatan)


# ---------------------------------------------------------------------------------------------
# hand-built grids


def test_columns_found_under_split_header_words():
    rows = [
        ["NO", "INDIKA TOR KINERJA", "FORMU LASI", "DEFINISI OPERASIONAL", "SUMBER DATA", "SUMBER DANA"],
        ["1", "Persentase desa mandiri", "Jumlah desa mandiri / jumlah desa x 100%", "Desa dengan IDM di atas 0,8", "BPS", "APBD"],
    ]
    grid, layout, _, attrs = attributes_of(rows)
    assert attribute_columns(layout) == {"formula": 2, "definition": 3, "sumber_data": 4}
    [a] = attrs
    assert (a.jabatan, a.indicator_name, a.page) == ("Kepala Bidang", "Persentase desa mandiri", 2)
    assert (a.formula, a.definition, a.sumber_data) == ("Jumlah desa mandiri / jumlah desa x 100%", "Desa dengan IDM di atas 0,8", "BPS")


@pytest.mark.parametrize("header", ["CARA PERHITUNGAN", "PENJE LASAN", "Rumus"])
def test_a_lone_explanation_or_computation_column_is_the_formula(header):
    rows = [["No", "Indikator Kinerja Utama", header, "Sumber Data"], ["1", "Indeks Kepuasan Masyarakat", "Survei IKM", "Bagian Umum"]]
    _, layout, _, attrs = attributes_of(rows)
    assert attribute_columns(layout) == {"formula": 2, "sumber_data": 3}
    assert [(a.formula, a.sumber_data) for a in attrs] == [("Survei IKM", "Bagian Umum")]


def test_labelled_parts_of_one_cell_split_into_definition_and_formula():
    text = "Penjelasan : PMKS adalah perseorangan yang membutuhkan pelayanan. Formulasi Penghitungan : Jumlah PMKS tertangani / Jumlah PMKS x 100%"
    assert split_labelled(text, "formula") == {
        "definition": "PMKS adalah perseorangan yang membutuhkan pelayanan.",
        "formula": "Jumlah PMKS tertangani / Jumlah PMKS x 100%",
    }
    assert split_labelled("Cukup Jelas", "formula") == {"formula": "Cukup Jelas"}


def test_name_lines_in_rows_of_their_own_join_and_a_page_break_half_row_is_dropped():
    rows = [
        ["No", "Indikator Kinerja", "Penjelasan/Formulasi", "Sumber Data"],
        ["", "dan pelaporan keuangan", "yang disusun tepat waktu", ""],  # the rest of a row begun on the previous page
        ["2", "Capaian stabilitas", "Koefisien variasi", "Bidang"],
        [UP, "harga pangan pokok", "harga bulanan", "Harga Pangan"],
        ["3", "Jumlah pasar yang dipantau", "Banyaknya pasar", "Bidang Distribusi"],
    ]
    _, _, _, attrs = attributes_of(rows)
    assert [(a.indicator_name, a.formula, a.sumber_data) for a in attrs] == [
        ("Capaian stabilitas harga pangan pokok", "Koefisien variasi harga bulanan", "Bidang Harga Pangan"),
        ("Jumlah pasar yang dipantau", "Banyaknya pasar", "Bidang Distribusi"),
    ]


def test_a_name_merged_over_formula_rows_is_one_indicator_named_as_its_values():
    rows = [
        ["No", "Indikator Kinerja", "Formulasi", "Target", LEFT, "Sumber Data"],
        [UP, UP, UP, "2024", "2025", UP],
        ["1", "Persentase PMKS yang berdaya", "Disabilitas terlayani / disabilitas x 100%", "20%", "40%", "Renstra"],
        [UP, UP, "Anak terlantar terlayani / anak terlantar x 100%", "100%", "100%", "Renstra"],
        ["2", "Nilai SAKIP", "Hasil evaluasi SAKIP", "78,75", "79", ""],
    ]
    grid, layout, ctx, attrs = attributes_of(rows, "IKI")
    assert [(a.indicator_name, a.formula, a.sumber_data) for a in attrs] == [
        ("Persentase PMKS yang berdaya", "Disabilitas terlayani / disabilitas x 100%\nAnak terlantar terlayani / anak terlantar x 100%", "Renstra"),
        ("Nilai SAKIP", "Hasil evaluasi SAKIP", None),
    ]
    values = layout_to_values(grid, layout, ctx, "p2t1")
    assert {v.indicator_name for v in values} == {a.indicator_name for a in attrs}


# ---------------------------------------------------------------------------------------------
# the generated samples, through the curated run


def _probolinggo_expected() -> dict[tuple[str, str], tuple]:
    """(jabatan, indicator_id) -> (formula, sumber_data, definition), from the generator's rows."""
    out = {}
    for jab, _tugas, _kinerja, sumber, inds in PROBOLINGGO:
        for ind, penj, frac in inds:
            formula = definition = None
            for line in penj.split("\n"):
                label, _, rest = line.partition(":")
                if label.strip().lower().startswith("penjelasan"):
                    definition = rest.strip()
                elif not label.strip().lower().startswith("formulasi"):
                    formula = line.strip()
            if frac:  # numerator over a rule over denominator, "X 100%" beside the rule
                formula = f"{frac[0]} / {frac[1]} X 100%"
            out[(jab, indicator_id(clean_indicator_name(ind)))] = (formula, sumber, definition)
    return out


def _lampung_expected(period: str = "2023-2026") -> dict[tuple[str, str], tuple]:
    out = {}
    for jab, _tugas, _fungsi, _shift, groups in LAMPUNG:
        for g in groups:
            _no, _sasaran, ind = g[:3]
            subs = g[3] if len(g) == 4 else [(g[3], g[4], "")]
            sources = list(dict.fromkeys(s.format(r=period) for _, _, s in subs if s))
            out[(jab, indicator_id(clean_indicator_name(ind)))] = ("\n".join(p for p, _, _ in subs), "\n".join(sources) or None, None)
    return out


@pytest.fixture(scope="module")
def curated(sample_dir, tmp_path_factory):
    root = tmp_path_factory.mktemp("iki_run")
    raw = root / "raw"
    raw.mkdir()
    for name in (LAMPUNG_FILE, PROBOLINGGO_FILE):
        shutil.copy(sample_dir / name, raw / name)
    run_pipeline(Settings(raw_dir=raw, curated_dir=root / "curated", reports_dir=root / "reports", workers=2))
    attrs = pd.read_parquet(root / "curated" / "indicator_attributes.parquet")
    values = pd.read_parquet(root / "curated" / "indicator_values.parquet")
    return attrs, values


def _by_key(attrs: pd.DataFrame, name: str) -> dict[tuple[str, str], tuple]:
    rows = attrs[attrs["source_file"] == name]
    assert not rows.duplicated(["jabatan", "indicator_id"]).any()  # the table's grain
    rows = rows.astype(object).where(rows.notna(), None)
    return {(r.jabatan, r.indicator_id): (r.formula, r.sumber_data, r.definition) for r in rows.itertuples()}


def test_curated_run_writes_indicator_attributes(curated):
    attrs, _ = curated
    IndicatorAttributes.validate(attrs)
    assert set(attrs["source_file"]) == {LAMPUNG_FILE, PROBOLINGGO_FILE}


def test_probolinggo_formulas_sources_and_definitions(curated):
    attrs, _ = curated
    assert _by_key(attrs, PROBOLINGGO_FILE) == _probolinggo_expected()


def test_lampung_formulas_and_sources_share_ids_with_the_targets(curated):
    attrs, values = curated
    got = _by_key(attrs, LAMPUNG_FILE)
    assert got == _lampung_expected()
    lampung_values = values[values["source_file"] == LAMPUNG_FILE]
    assert set(got) == set(zip(lampung_values["jabatan"], lampung_values["indicator_id"]))


# ---------------------------------------------------------------------------------------------
# real IKU reports, when the corpus is present


@pytest.mark.corpus
def test_real_iku_reports_give_formulas_or_sources(corpus):
    docs = pd.read_csv(corpus / "real_docs_dev.csv")
    files = docs[(docs["doc_type"] == "IKU") & (docs["text_layer"] == "yes")]["file"]
    counts = {}
    for r in extract_all([corpus / "real" / name for name in files], Settings(workers=2)):
        assert all(a["formula"] or a["sumber_data"] for a in r.attributes)
        counts[r.document["source_file"]] = len(r.attributes)
    assert len(counts) >= 3 and all(n >= 5 for n in counts.values()), counts
