"""The sample generator: PDFs that look like real SAKIP reports, with exact ground truth."""
from __future__ import annotations

import csv
import hashlib
import runpy
import sys
from collections import defaultdict
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from pipeline.devtools.samples import (BUDGET_COLUMNS, SAMPLE_NAMES, TREE_COLUMNS, TRUTH_COLUMNS,
                                       cell_value, read_truth, write_bad_inputs, write_corpus, write_samples)
from pipeline.devtools.samples.corpora import hostile_pdfs

BEKASI, LAMPUNG, PROBOLINGGO, POHON = SAMPLE_NAMES


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def out(sample_dir) -> Path:
    """The session's generated samples (tests here only read them)."""
    return sample_dir


@pytest.fixture(scope="module")
def truth(out) -> list[dict]:
    return _rows(out / "sample_truth.csv")


@pytest.fixture(scope="module")
def texts(out) -> dict[str, list[str]]:
    """Whitespace-collapsed pdfplumber text of every page of every sample."""
    res = {}
    for name in SAMPLE_NAMES:
        with pdfplumber.open(out / name) as pdf:
            res[name] = [_flat(p.extract_text()) for p in pdf.pages]
    return res


def test_writes_the_pdfs_and_truth_files(out):
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(SAMPLE_NAMES)
    assert sum((out / n).stat().st_size for n in SAMPLE_NAMES) < 1_000_000
    for name, cols in (("sample_truth.csv", TRUTH_COLUMNS),
                       ("sample_budget_truth.csv", BUDGET_COLUMNS),
                       ("sample_tree_truth.csv", TREE_COLUMNS)):
        with (out / name).open(encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == list(cols)


def test_write_samples_is_deterministic(tmp_path, out):
    paths = write_samples(tmp_path)
    assert [p.name for p in paths] == list(SAMPLE_NAMES)
    for name in [*SAMPLE_NAMES, "sample_truth.csv", "sample_budget_truth.csv", "sample_tree_truth.csv"]:
        assert _sha(tmp_path / name) == _sha(out / name), name


def test_every_truth_value_is_printed_on_its_page(truth, texts):
    missing = [r for r in truth if r["value_text"] not in texts[r["file"]][int(r["page"]) - 1]]
    assert not missing, missing[:5]


def test_truth_rows_are_well_formed(truth, texts):
    assert {r["file"] for r in truth} == {BEKASI, LAMPUNG, POHON}  # Probolinggo prints no targets
    assert {r["measure"] for r in truth} == {"target", "realisasi", "capaian", "baseline"}
    assert {r["period"] for r in truth} == {"", "TW1", "TW2", "TW3", "TW4"}
    assert {r["kind"] for r in truth if r["file"] == BEKASI} == {"LKIP"}
    assert {r["kind"] for r in truth if r["file"] == LAMPUNG} == {"IKI"}
    assert {r["kind"] for r in truth if r["file"] == POHON} == {"POHON_KINERJA"}
    for r in truth:
        assert r["indicator"] and int(r["year"]) and 1 <= int(r["page"]) <= len(texts[r["file"]])
        assert r["value"] == cell_value(r["value_text"])[0]
        if r["value"]:
            float(r["value"])
    assert 10 <= len(texts[BEKASI]) <= 14
    assert len({r["jabatan"] for r in truth if r["file"] == LAMPUNG}) >= 6
    assert not any(r["jabatan"] for r in truth if r["file"] == BEKASI)
    # several jabatan share a page
    per_page = defaultdict(set)
    for r in truth:
        if r["file"] == LAMPUNG:
            per_page[r["page"]].add(r["jabatan"])
    assert max(len(j) for j in per_page.values()) >= 2


def _one(truth, **kw) -> list[dict]:
    return [r for r in truth if all(r[k] == v for k, v in kw.items())]


def test_seed_quirks_are_labelled_as_meant(truth):
    (r,) = _one(truth, value_text="04.05")
    assert (r["value"], r["year"], r["measure"], r["indicator"]) == (
        "4.05", "2024", "target", "Angka Kemiskinan")
    (bb,) = _one(truth, value_text="BB Nilai")
    assert (bb["value"], bb["unit"], bb["year"]) == ("", "Nilai", "2025")  # year from the title
    (ikm,) = _one(truth, value_text="80,50 Nilai")
    assert (ikm["value"], ikm["unit"]) == ("80.5", "Nilai")
    kel = _one(truth, value_text="118.908 Keluarga")
    assert len(kel) == 4 and {(r["value"], r["unit"]) for r in kel} == {("118908", "Keluarga")}
    assert {r["year"] for r in kel} == {"2023", "2024", "2025", "2026"}
    assert _one(truth, value_text="19.55%")[0]["value"] == "19.55"
    assert _one(truth, value_text="19,55%")[0]["value"] == "19.55"
    assert _one(truth, value_text="4 dokumen")[0]["unit"] == "dokumen"
    # the "2018-2021" header inside the 2023-2026 IKI is labelled with the printed years
    assert "2018" in {r["year"] for r in truth if r["file"] == LAMPUNG}
    assert _one(truth, value_text="0,22", measure="baseline")[0]["year"] == "2021"
    tw3 = _one(truth, file=BEKASI, period="TW3", indicator="Nilai Indeks Kepuasan Masyarakat (IKM)")
    assert {(r["measure"], r["value"]) for r in tw3} == {
        ("target", "80.5"), ("realisasi", "92.86"), ("capaian", "115")}


def test_quarterly_realisasi_add_up_to_capaian(truth):
    by_ind = defaultdict(dict)
    for r in truth:
        if r["file"] == BEKASI and r["period"] in ("TW1", "TW2", "TW3", "TW4", ""):
            by_ind[r["indicator"]][(r["measure"], r["period"])] = r
    quarterly = {k: v for k, v in by_ind.items() if ("realisasi", "TW4") in v}
    assert len(quarterly) >= 15
    for ind, v in quarterly.items():
        real = sum(float(v[("realisasi", f"TW{q}")]["value"]) for q in range(1, 5))
        target = float(v[("target", "")]["value"])
        assert float(v[("capaian", "")]["value"]) == pytest.approx(real / target * 100, abs=0.006)
    pages = {int(v[("target", "")]["page"]) for v in quarterly.values()}
    assert len(pages) == 2  # the long table continues on the next page ...


def test_long_table_repeats_its_header(truth, texts):
    pages = sorted({int(r["page"]) for r in truth if r["file"] == BEKASI and r["period"] == "TW4"})
    assert len(pages) == 2 and pages[1] == pages[0] + 1
    for p in pages:  # ... with the header (and the bare quarter sub-columns) repeated
        words = texts[BEKASI][p - 1].split()
        assert {"SUB", "KEGIATAN", "REALISASI", "Triwulan"} <= set(words)
        assert "I II III IV" in texts[BEKASI][p - 1]


def test_renstra_page_is_landscape_and_the_rest_portrait(out, truth):
    land = {int(r["page"]) for r in truth if r["file"] == BEKASI and r["year"] == "2029"}
    assert len(land) == 1
    with pdfplumber.open(out / BEKASI) as pdf:
        for page in pdf.pages:
            assert (page.width > page.height) == (page.page_number in land)


def test_borderless_table_has_no_ruling_lines(out, truth):
    rows = _one(truth, file=BEKASI, indicator="Masyarakat Miskin (BLT)")
    page_no = int(rows[0]["page"])
    names = {r["indicator"] for r in truth if r["file"] == BEKASI and int(r["page"]) == page_no}
    assert "Disabilitas" in names
    with pdfplumber.open(out / BEKASI) as pdf:
        page = pdf.pages[page_no - 1]
        hits = [h for r in truth if r["file"] == BEKASI and int(r["page"]) == page_no
                for h in page.search(r["value_text"], regex=False)]
        header = page.search("REALISASI", regex=False)
        top = min(h["top"] for h in hits + header) - 5
        bottom = max(h["bottom"] for h in hits) + 5
        area = page.crop((0, top, page.width, bottom))
        assert not area.lines and not area.rects and not area.curves
        assert len(area.extract_words()) > 20


def test_ruled_tables_have_ruling_lines(out, truth):
    page_no = int(_one(truth, value_text="04.05")[0]["page"])
    with pdfplumber.open(out / BEKASI) as pdf:
        page = pdf.pages[page_no - 1]
        assert len(page.lines) > 50 and page.rects  # body rulings as segments, header as rects
        assert page.find_tables()


def test_narrow_columns_split_words(out, truth):
    rows = _one(truth, file=BEKASI, measure="baseline", year="2024")
    page_no = int(rows[0]["page"])
    with pdfplumber.open(out / BEKASI) as pdf:
        lines = (pdf.pages[page_no - 1].extract_text() or "").splitlines()
    words = {w for ln in lines for w in ln.split()}
    assert {"INDIKA", "TOR", "BASELIN", "Respon-", "den"} <= words
    # truth keeps the indicator un-split
    assert any("Responden" in r["indicator"] for r in rows)


def test_running_header_and_page_footer(texts):
    pages = texts[BEKASI]
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP)" in pages[0]
    assert "DINAS SOSIAL KOTA BEKASI" in pages[0] and "TAHUN 2025" in pages[0]
    for i, t in enumerate(pages[1:], 2):
        assert t.startswith("LAPORAN KINERJA INSTANSI PEMERINTAH DINAS SOSIAL KOTA BEKASI TAHUN 2025")
        assert t.endswith(str(i))
    captions = " ".join(pages)
    assert "Tabel 2.2 Indikator Kinerja Utama Periode 2024-2026" in captions
    assert "PERJANJIAN KINERJA TAHUN 2025" in captions
    assert "Tabel 3.3 Capaian Kinerja Dinas Sosial Kota Bekasi Tahun 2025" in captions


def test_iki_documents_have_jabatan_blocks(texts, truth):
    lampung = " ".join(texts[LAMPUNG])
    for jab in {r["jabatan"] for r in truth if r["file"] == LAMPUNG}:
        assert f"1. Jabatan : {jab}" in lampung
    assert "INDIKATOR KINERJA INDIVIDU (IKI)" in lampung
    probo = " ".join(texts[PROBOLINGGO])
    assert probo.count("1. JABATAN :") >= 4 and "X 100%" in probo
    assert "PENJELASAN/FORMULASI PENGHITUNGAN" in probo


def test_budget_truth(out, texts):
    rows = _rows(out / "sample_budget_truth.csv")
    assert {r["file"] for r in rows} == {BEKASI}
    assert any(r["code"] == "1.06.01.01-04.2.01" for r in rows)
    assert any(r["code"] == "1.06.01" for r in rows)
    page_text = texts[BEKASI]
    for r in rows:
        pagu = f"{int(r['pagu']):,}".replace(",", ".")
        assert pagu in page_text[int(r["page"]) - 1]
        if r["realisasi"]:
            assert float(r["pct"]) == pytest.approx(int(r["realisasi"]) / int(r["pagu"]) * 100,
                                                    abs=0.006)
    every = " ".join(page_text)
    assert "Rp.15.061.828.880" in every and "Rp. 4.524.850.000" in every
    # money never reaches the performance truth
    assert not any("Rp" in r["value_text"] for r in _rows(out / "sample_truth.csv"))


def test_bad_inputs(tmp_path, out):
    bad = write_bad_inputs(tmp_path)
    assert set(bad) == {"empty", "truncated", "encrypted", "not_pdf", "scan", *hostile_pdfs()}
    assert all(p.suffix == ".pdf" and p.exists() for p in bad.values())
    assert bad["empty"].stat().st_size == 0
    assert 0 < bad["truncated"].stat().st_size < (out / LAMPUNG).stat().st_size
    assert b"%%EOF" not in bad["truncated"].read_bytes()[-64:]
    assert pypdf.PdfReader(bad["encrypted"]).is_encrypted
    assert not bad["not_pdf"].read_bytes().startswith(b"%PDF")
    with pdfplumber.open(bad["scan"]) as pdf:
        assert len(pdf.pages) == 2
        assert all(not p.chars and p.images for p in pdf.pages)


def test_corpus(tmp_path):
    paths = write_corpus(tmp_path / "a", 5, seed=11)
    assert len(paths) == 5 and len({_sha(p) for p in paths}) == 5
    rows = _rows(tmp_path / "a" / "sample_truth.csv")
    names = {p.name for p in paths}
    assert {r["file"] for r in rows} == {n for n in names if "eselon" not in n}
    firsts = {}
    for r in rows:  # the first truth page of each family shows the varied values are printed
        firsts.setdefault(r["kind"], (r["file"], r["page"]))
    for name, page in firsts.values():
        with pdfplumber.open(tmp_path / "a" / name) as pdf:
            text = _flat(pdf.pages[int(page) - 1].extract_text())
        mine = [r for r in rows if (r["file"], r["page"]) == (name, page)]
        assert mine and all(r["value_text"] in text for r in mine)
    again = write_corpus(tmp_path / "b", 5, seed=11)
    assert [_sha(p) for p in again] == [_sha(p) for p in paths]


@pytest.mark.parametrize("text,value,unit", [
    ("19,55%", "19.55", "%"), ("19.55%", "19.55", "%"), ("118.908 Keluarga", "118908", "Keluarga"),
    ("04.05", "4.05", ""), ("80,50 Nilai", "80.5", "Nilai"), ("BB", "", ""), ("B Poin", "", "Poin"),
    ("-", "", ""), ("1.576", "1576", ""), ("100", "100", ""), ("0,22", "0.22", ""),
])
def test_cell_value(text, value, unit):
    assert cell_value(text) == (value, unit)


def test_read_truth_keeps_printed_texts(tmp_path, out, truth):
    df = read_truth(out / "sample_truth.csv")
    assert list(df.columns) == list(TRUTH_COLUMNS) and len(df) == len(truth)
    assert df["value_text"].tolist() == [r["value_text"] for r in truth]
    p = tmp_path / "labels.csv"
    p.write_text(",".join(TRUTH_COLUMNS) + "\n"
                 "a.pdf,IKI,,S,I,2024,target,,,NA,,1\n"
                 "a.pdf,IKI,,S,I,2024,target,TW1,007,N/A,NA,1\n", encoding="utf-8")
    df = read_truth(p)
    assert df["value_text"].tolist() == ["NA", "N/A"] and df["unit"].tolist() == ["", "NA"]
    assert df["value"].isna().tolist() == [True, False] and df["value"][1] == "007"
    assert df["period"].isna().tolist() == [True, False]


def test_module_cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["samples", str(tmp_path)])
    runpy.run_module("pipeline.devtools.samples", run_name="__main__")
    assert len(capsys.readouterr().out.splitlines()) == len(SAMPLE_NAMES)
    assert {p.name for p in tmp_path.glob("*.pdf")} == set(SAMPLE_NAMES)
