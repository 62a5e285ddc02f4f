from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.devtools.samples import write_bad_inputs, write_samples

# Prefect's throwaway API server starts slowly on a loaded 2-core CI machine; its default 20 s is too short.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "300")

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """The sample reports, generated afresh (the same bytes as raw/)."""
    out = tmp_path_factory.mktemp("samples")
    write_samples(out)
    return out


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory) -> dict[str, Path]:
    return write_bad_inputs(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "real").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS
