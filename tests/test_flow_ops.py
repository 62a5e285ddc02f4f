"""The Prefect side of nightly operations: Dask scale-out, the run artifact, the scheduled deployment."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import run_pipeline
from pipeline.settings import Settings


@pytest.fixture
def prefect_home(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect"))
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "WARNING")
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    monkeypatch.setenv("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "true")
    monkeypatch.setenv("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


@pytest.fixture
def iki_raw(sample_dir, tmp_path) -> Path:
    out = tmp_path / "raw"
    out.mkdir()
    for p in sample_dir.glob("*iki*.pdf"):
        shutil.copy(p, out / p.name)
    return out


def test_the_flow_runs_on_a_local_dask_cluster_and_publishes_an_artifact(iki_raw, tmp_path, prefect_home, monkeypatch):
    import dask
    import prefect.settings
    from distributed import LocalCluster
    from prefect.testing.utilities import prefect_test_harness

    from flows.nightly import run_nightly

    with prefect_test_harness(server_startup_timeout=120):
        # one API server for the flow and the Dask workers (else each worker starts its own)
        monkeypatch.setenv("PREFECT_API_URL", prefect.settings.PREFECT_API_URL.value())
        # Dask's worker processes are daemons by default, and daemons may not start the per-document workers
        with dask.config.set({"distributed.worker.daemon": False}), LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            settings = Settings(raw_dir=iki_raw, curated_dir=tmp_path / "dask", reports_dir=tmp_path / "reports", workers=2, dask_address=cluster.scheduler_address)
            summary = run_nightly(settings)
        artifacts = _summary_artifacts()
    assert summary.ok == 2 and summary.values > 0
    run_pipeline(Settings(raw_dir=iki_raw, curated_dir=tmp_path / "plain", reports_dir=tmp_path / "r2", workers=2))
    on_dask = pd.read_parquet(tmp_path / "dask" / "indicator_values.parquet")
    plain = pd.read_parquet(tmp_path / "plain" / "indicator_values.parquet")
    pd.testing.assert_frame_equal(on_dask, plain)

    assert any(summary.run_id in a["data"] and "validation.html" in a["data"] for a in artifacts), artifacts


def _summary_artifacts() -> list[dict]:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        body = {"artifacts": {"key": {"any_": ["kinerja-nightly-summary"]}}, "sort": "CREATED_DESC", "limit": 5, "offset": 0}
        return client._client.post("/artifacts/filter", json=body).json()


def test_serve_builds_a_nightly_deployment_with_a_cron_schedule(tmp_path, prefect_home):
    from flows.nightly import nightly_deployment

    settings = Settings(raw_dir=tmp_path / "raw", curated_dir=tmp_path / "curated", reports_dir=tmp_path / "reports", workers=3, wait_for_lock=True)
    deployment = nightly_deployment(settings, cron="30 1 * * *")
    assert [s.schedule.cron for s in deployment.schedules] == ["30 1 * * *"]
    assert deployment.parameters["raw_dir"] == str(tmp_path / "raw") and deployment.parameters["workers"] == 3
    assert deployment.parameters["wait_for_lock"] is True
