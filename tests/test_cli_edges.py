"""Rough edges of `kinerja run` and `serve` (issue 18 item 9), each as a new process: a Dask address where no
scheduler answers, worker counts out of bounds, usage errors; each is one line, exit 2, and nothing is written."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.errors import RunError
from pipeline.isolation import check_dask_scheduler
from pipeline.settings import WORKERS_PER_CORE

ROOT = Path(__file__).resolve().parents[1]
KINERJA = Path(sys.executable).with_name("kinerja")


def kinerja(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(KINERJA), *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once it is closed


@pytest.fixture
def not_a_scheduler():
    """A TCP service in another protocol (an HTTP server's answer to anything)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def answer():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                conn.recv(1024)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4)

    threading.Thread(target=answer, daemon=True).start()
    yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    server.close()


def _stopped_with_one_line(done: subprocess.CompletedProcess, says: str, root: Path) -> None:
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(says), done.stderr
    assert "Traceback" not in done.stderr and "prefect" not in done.stdout.lower()  # Prefect never started
    assert not (root / "curated").exists()  # nothing written


@pytest.mark.parametrize("command", ["run", "serve"])
def test_a_dask_address_where_no_scheduler_answers_is_one_line(command, sample_dir, tmp_path):
    address = f"tcp://127.0.0.1:{_closed_port()}"
    done = kinerja(command, "--raw", str(sample_dir), "--curated", str(tmp_path / "curated"), "--reports", str(tmp_path / "r"),
                   "--dask-address", address, COLUMNS="40")
    _stopped_with_one_line(done, f"kinerja {command}: no Dask scheduler answers at {address} within 5 s (is it running", tmp_path)


def test_a_service_in_another_protocol_or_no_address_is_one_line(not_a_scheduler, sample_dir, tmp_path):
    folders = ["--raw", str(sample_dir), "--curated", str(tmp_path / "curated"), "--reports", str(tmp_path / "r")]
    done = kinerja("run", *folders, "--dask-address", not_a_scheduler)
    _stopped_with_one_line(done, f"kinerja run: {not_a_scheduler} answers, but not as a Dask scheduler", tmp_path)
    done = kinerja("run", *folders, "--dask-address", "scheduler.local")
    _stopped_with_one_line(done, "kinerja run: --dask-address 'scheduler.local' is not a Dask scheduler's address", tmp_path)


def test_a_real_scheduler_passes_the_check():
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        check_dask_scheduler(cluster.scheduler_address, 5)
    with pytest.raises(RunError, match="no Dask scheduler answers"):
        check_dask_scheduler(cluster.scheduler_address, 1)  # closed now


@pytest.mark.parametrize("workers, says", [
    ("0", "kinerja run: workers must be >= 1, got 0"),
    ("-3", "kinerja run: workers must be >= 1, got -3"),
    ("1000", f"kinerja run: workers must be at most {WORKERS_PER_CORE * (os.cpu_count() or 1)} on this machine ({WORKERS_PER_CORE} per CPU core"),
])
def test_a_worker_count_out_of_bounds_is_one_line(workers, says, sample_dir, tmp_path):
    done = kinerja("run", "--no-prefect", "--raw", str(sample_dir), "--curated", str(tmp_path / "curated"), "--reports", str(tmp_path / "r"),
                   "--workers", workers)
    _stopped_with_one_line(done, says, tmp_path)


def test_the_largest_worker_count_allowed_runs(bad_inputs, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.pdf").write_bytes(bad_inputs["empty"].read_bytes())
    most = str(WORKERS_PER_CORE * (os.cpu_count() or 1))
    done = kinerja("run", "--no-prefect", "--raw", str(raw), "--curated", str(tmp_path / "curated"), "--reports", str(tmp_path / "r"), "--workers", most)
    assert done.returncode == 0 and "documents: 1 (0 ok, 0 partial, 1 failed" in done.stdout, done.stderr


def test_a_usage_error_is_one_error_line_in_a_narrow_log(tmp_path):
    """Click's own lines (usage, the hint, the error), the error on one line even at 40 columns."""
    done = kinerja("query", "select 1", "--limit", "many", COLUMNS="40")
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "Error" in line]
    assert errors == ["Error: Invalid value for '--limit': Input should be a valid integer, unable to parse string as an integer"]
    assert "╭" not in done.stderr and "│" not in done.stderr
