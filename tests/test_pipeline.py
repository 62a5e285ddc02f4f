"""The whole run on the generated sample reports: curated tables, validation, report, query, Prefect flow."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

import extractors.ocr as ocr
from pipeline.devtools.bench.accuracy import score
from pipeline.cli import app
from pipeline.results import DocumentResult
from pipeline.publish import results_to_frames, validate
from pipeline.run import RunSummary, run_pipeline
from pipeline.settings import Settings
from schemas.tables import BudgetLines, Documents, IndicatorValues, ValidationFailures


@pytest.fixture(scope="module")
def run_dir(sample_dir, bad_inputs, tmp_path_factory):
    """Samples plus every bad input in one raw folder, run once without Prefect."""
    root = tmp_path_factory.mktemp("run")
    raw = root / "raw"
    shutil.copytree(sample_dir, raw)
    for p in bad_inputs.values():
        shutil.copy(p, raw / p.name)
    settings = Settings(raw_dir=raw, curated_dir=root / "curated", reports_dir=root / "reports", workers=2)
    summary = run_pipeline(settings)
    return root, settings, summary


def test_every_document_is_recorded_and_the_run_goes_on(run_dir, bad_inputs):
    root, _, summary = run_dir
    docs = pd.read_parquet(root / "curated" / "documents.parquet")
    Documents.validate(docs)
    assert summary.documents == len(docs) == 4 + len(bad_inputs)
    status = dict(zip(docs["source_file"], docs["status"]))
    assert status["bad_scan.pdf"] == ("ok" if ocr._engine() is not None else "needs_ocr")  # a scan is read by OCR when it is installed
    assert {status[f"bad_{k}.pdf"] for k in ("empty", "truncated", "encrypted", "not_pdf")} == {"failed"}
    assert [status[n] for n in ("bekasi_lkip_2025.pdf", "lampung_barat_iki_2023_2026.pdf", "probolinggo_iki_eselon_iii_iv.pdf")] == ["ok"] * 3
    values = pd.read_parquet(root / "curated" / "indicator_values.parquet")
    failed = [f"bad_{k}.pdf" for k in ("empty", "truncated", "encrypted", "not_pdf")]
    assert not values["source_file"].isin(failed).any()  # a failed document leaves no rows


def test_documents_read_from_the_reports_themselves(run_dir):
    root, _, _ = run_dir
    docs = pd.read_parquet(root / "curated" / "documents.parquet").set_index("source_file")
    lkip = docs.loc["bekasi_lkip_2025.pdf"]
    assert (lkip.doc_type, lkip.agency, lkip.region, lkip.year_from, lkip.year_to) == ("LKIP", "Dinas Sosial", "Kota Bekasi", 2025, 2025)
    iki = docs.loc["lampung_barat_iki_2023_2026.pdf"]
    assert (iki.doc_type, iki.region, iki.year_from, iki.year_to) == ("IKI", "Kabupaten Lampung Barat", 2023, 2026)


def test_curated_values_match_the_generated_truth(run_dir, sample_dir):
    root, _, _ = run_dir
    values = pd.read_parquet(root / "curated" / "indicator_values.parquet")
    IndicatorValues.validate(values)
    truth = pd.read_csv(sample_dir / "sample_truth.csv", dtype={"value_text": str, "period": str, "value": str})
    total = score(values, truth).set_index("file").loc["TOTAL"]
    assert total["recall"] >= 0.85
    assert total["precision"] >= 0.95


def test_values_carry_provenance_and_jabatan(run_dir):
    root, _, _ = run_dir
    values = pd.read_parquet(root / "curated" / "indicator_values.parquet")
    assert values["page"].ge(1).all()
    assert values["bbox"].map(len).eq(4).all()
    iki = values[values["doc_type"] == "IKI"]
    assert iki["jabatan"].notna().all()
    assert "Kepala Dinas Sosial" in set(iki["jabatan"])
    nilai_sakip = iki[iki["indicator_name"].str.contains("Nilai SAKIP")]
    assert sorted(nilai_sakip["value"].tolist())[:1] == [78.75]


def test_budget_lines_have_codes_and_rupiah(run_dir, sample_dir):
    root, _, summary = run_dir
    budget = pd.read_parquet(root / "curated" / "budget_lines.parquet")
    BudgetLines.validate(budget)
    assert summary.budget_lines == len(budget) > 0
    assert budget["code"].dropna().str.fullmatch(r"[0-9][0-9.\-]*").all()
    truth = pd.read_csv(sample_dir / "sample_budget_truth.csv", dtype={"code": str}).rename(columns={"file": "source_file"})
    coded = truth.dropna(subset=["code"])
    merged = budget.dropna(subset=["code"]).merge(coded, on=["source_file", "page", "code"], suffixes=("", "_truth"))
    assert len(merged) == len(coded) > 0  # every coded line of the sample is found, once
    assert (merged["pagu"] == merged["pagu_truth"]).all()
    assert (merged["realisasi"].fillna(-1) == merged["realisasi_truth"].fillna(-1)).all()


def test_validation_failures_point_back_to_the_pdf(run_dir):
    root, _, _ = run_dir
    failures = pd.read_parquet(root / "curated" / "validation_failures.parquet")
    ValidationFailures.validate(failures)
    assert failures["severity"].isin(["error", "warning"]).all()
    rowwise = failures[failures["check"] != "number_needed_a_guess"]
    assert rowwise["source_file"].notna().all() and rowwise["page"].notna().all()


def _result(values: list[dict]) -> DocumentResult:
    doc = {"source_file": "x.pdf", "sha256": "0" * 64, "doc_type": "LKIP", "agency": None, "region": None, "year_from": 2025,
           "year_to": 2025, "pages": 1, "status": "ok", "error": None, "extracted_at": pd.Timestamp.now(tz="UTC")}
    base = {"source_file": "x.pdf", "doc_type": "LKIP", "agency": None, "region": None, "jabatan": None, "sasaran": None,
            "indicator_name": "Persentase PSKS yang dibina", "indicator_id": "ind_000000000001", "year": 2025, "period": None,
            "unit": "%", "page": 2, "bbox": [1.0, 2.0, 3.0, 4.0], "extractor": "pdfplumber-lattice", "table": "p2t1"}
    return DocumentResult(doc, [{**base, **v} for v in values])


def test_error_rows_are_held_back_and_warnings_kept():
    res = _result([
        {"measure": "target", "value": 80.0, "value_text": "80%"},
        {"measure": "realisasi", "value": 40.0, "value_text": "40%"},
        {"measure": "capaian", "value": 90.0, "value_text": "90%"},  # 40/80 is 50, not 90: warning
        {"measure": "target", "value": 5.0, "value_text": "5", "year": 3025},  # impossible year: error
    ])
    out = validate(results_to_frames([res]))
    assert len(out["indicator_values"]) == 3
    f = out["validation_failures"]
    err = f[f["severity"] == "error"]
    assert len(err) == 1 and err.iloc[0]["value"] == "5" and err.iloc[0]["page"] == 2 and err.iloc[0]["column"] == "year"
    warn = f[f["severity"] == "warning"]
    assert warn["check"].tolist() == ["capaian_matches_realisasi_over_target"] and warn.iloc[0]["value"] == "90%"


def test_an_indicator_in_two_units_is_a_warning_but_its_capaian_in_percent_is_not():
    people = {"indicator_name": "Jumlah Korban Bencana yang Mendapatkan Permakanan", "indicator_id": "ind_000000000002"}
    res = _result([
        {**people, "measure": "target", "value": 6967.0, "value_text": "6.967", "unit": "Jiwa"},
        {**people, "measure": "realisasi", "value": 6800.0, "value_text": "6.800", "unit": "Jiwa"},
        {**people, "measure": "capaian", "value": 97.6, "value_text": "97,60", "unit": "%"},
        {"measure": "target", "value": 80.0, "value_text": "80", "unit": "%"},
        {"measure": "realisasi", "value": 12.0, "value_text": "12", "unit": "orang"},  # another unit: warning
    ])
    f = validate(results_to_frames([res]))["validation_failures"]
    units = f[f["check"] == "one_unit_per_indicator"]
    assert sorted(units["value"]) == ["12", "80"] and set(units["severity"]) == {"warning"}


def test_query_cli_reads_curated_views(run_dir):
    root, _, _ = run_dir
    runner = CliRunner()
    res = runner.invoke(app, ["query", "select doc_type, count(*) as n from indicator_values group by 1 order by 1", "--curated", str(root / "curated")])
    assert res.exit_code == 0, res.output
    assert "IKI" in res.output and "LKIP" in res.output
    bad = runner.invoke(app, ["query", "select 1", "--curated", str(root / "nowhere")])
    assert bad.exit_code == 2 and "kinerja run" in bad.output


def test_run_cli_fails_clearly_on_missing_raw(tmp_path):
    res = CliRunner().invoke(app, ["run", "--raw", str(tmp_path / "missing"), "--curated", str(tmp_path / "c")])
    assert res.exit_code == 2
    assert "raw folder not found" in res.output


def test_prefect_flow_writes_the_same_tables(sample_dir, tmp_path, monkeypatch):
    """The flow wires the same stages: run once through Prefect (ephemeral, local) and compare."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "WARNING")
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.nightly import run_nightly

    settings = Settings(raw_dir=sample_dir, curated_dir=tmp_path / "curated", reports_dir=tmp_path / "reports", workers=2)
    summary = run_nightly(settings)
    assert isinstance(summary, RunSummary) and summary.ok == len(list(sample_dir.glob("*.pdf")))
    again = run_pipeline(Settings.resolve(settings, curated_dir=tmp_path / "curated2"))
    a = pd.read_parquet(tmp_path / "curated" / "indicator_values.parquet")
    b = pd.read_parquet(tmp_path / "curated2" / "indicator_values.parquet")
    pd.testing.assert_frame_equal(a, b)
    assert (tmp_path / "reports" / "validation.html").exists()
