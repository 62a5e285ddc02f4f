"""The curated folder as a versioned store: readers always see one complete version.

    curated/
      versions/<run_id>/<table>.parquet, manifest.json   one complete set per run
      current -> versions/<run_id>                        switched atomically (symlink + rename)
      <table>.parquet -> current/<table>.parquet          stable paths for DuckDB and pandas
      .cache/<sha256>.json                                extraction results by content, for incremental runs
      .lock                                               one run at a time (flock: released if the run dies)

A run writes `versions/.tmp-<run_id>/`, renames it into place and then swaps `current`. A run killed at any
moment leaves at worst a `.tmp-*` folder (removed by the next run) or a finished version `current` does not
point to yet; `current` itself is only ever replaced by rename, so it always names a complete version.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Callable

from .errors import RunError
from .results import DocumentResult

MANIFEST = "manifest.json"


def write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Every file kinerja writes goes through here: `write` fills a temporary file beside `path`, which is
    flushed to disk and renamed over `path`. A reader sees the old file or the new one, whole, and a crash
    leaves at worst a `.tmp` file beside it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    return write_atomic(path, lambda f: f.write(data))


# -- lock ---------------------------------------------------------------------------------------


@contextmanager
def run_lock(curated_dir: Path, wait: bool = False, poll_s: float = 1.0):
    """Hold the curated folder's lock for a run. Another holder: wait for it, or stop with who holds it."""
    curated_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(curated_dir / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another process"
                    raise RunError(f"another run is writing {curated_dir} ({holder}); wait for it, or pass --wait")
                time.sleep(poll_s)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, since {datetime.now().isoformat(timespec='seconds')}".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the flock; so does the process dying


# -- versions -----------------------------------------------------------------------------------


def current_version(curated_dir: Path) -> Path | None:
    """The folder of the version readers see now, resolved once (so one reader sees one version)."""
    link = Path(curated_dir) / "current"
    if not link.is_symlink() and not link.is_dir():
        return None
    return link.resolve()


def read_manifest(curated_dir: Path) -> dict | None:
    version = current_version(curated_dir)
    if version is None or not (version / MANIFEST).exists():
        return None
    return json.loads((version / MANIFEST).read_text())


def begin_version(curated_dir: Path, run_id: str) -> Path:
    """A fresh temporary folder for the new version; leftovers of killed runs are removed first."""
    versions = Path(curated_dir) / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    for stale in versions.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = versions / f".tmp-{run_id}"
    tmp.mkdir()
    return tmp


def commit_version(curated_dir: Path, tmp: Path, manifest: dict, keep: int) -> Path:
    """Seal the temporary folder, make it `current`, point the stable table paths at it, prune old versions."""
    curated_dir = Path(curated_dir)
    write_bytes(tmp / MANIFEST, json.dumps(manifest, indent=1, default=str).encode())
    for f in tmp.iterdir():  # data on disk before the switch makes it visible (hard-linked tables too)
        with open(f, "rb") as fh:
            os.fsync(fh.fileno())
    final = tmp.with_name(manifest["run_id"])
    os.replace(tmp, final)
    link_tmp = curated_dir / f".current.{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    os.symlink(Path("versions") / final.name, link_tmp)
    os.replace(link_tmp, curated_dir / "current")
    for table in final.glob("*.parquet"):
        stable = curated_dir / table.name
        if not stable.is_symlink():
            if stable.exists():
                stable.unlink()  # a plain file left by an older kinerja
            os.symlink(Path("current") / table.name, stable)
    _prune(curated_dir / "versions", final, keep)
    return final


def _prune(versions: Path, current: Path, keep: int) -> None:
    done = sorted((v for v in versions.iterdir() if v.is_dir() and not v.name.startswith(".")), key=lambda v: v.name)
    for old in done[:-keep] if keep > 0 else []:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


def reuse_table(previous: Path | None, new: Path, name: str) -> bool:
    """Hard-link an unchanged table file from the previous version (copy if links are refused)."""
    src = previous / name if previous else None
    if src is None or not src.exists():
        return False
    try:
        os.link(src, new / name)
    except OSError:
        shutil.copy2(src, new / name)
    return True


# -- extraction cache ---------------------------------------------------------------------------


def _cache_path(curated_dir: Path, sha: str) -> Path:
    return Path(curated_dir) / ".cache" / f"{sha}.json"


def save_result(curated_dir: Path, result: DocumentResult, code_version: str) -> None:
    path = _cache_path(curated_dir, result.document["sha256"])
    payload = {"code_version": code_version, **asdict(result)}
    write_bytes(path, json.dumps(payload, default=str).encode())


def load_result(curated_dir: Path, sha: str, code_version: str, source_file: str) -> DocumentResult | None:
    """The cached result of these bytes by this code, under the file's current name; None if absent or stale."""
    path = _cache_path(curated_dir, sha)
    try:
        payload = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if payload.pop("code_version", None) != code_version:
        return None
    payload.pop("transient", None)
    result = DocumentResult(**payload)
    result.document["extracted_at"] = datetime.fromisoformat(result.document["extracted_at"])
    return as_named(result, source_file)


def as_named(result: DocumentResult, source_file: str) -> DocumentResult:
    """The result with every row under `source_file` (a worker names rows by the file's name; the run, by
    its path in the raw folder; a cached result, by the file that has its bytes now)."""
    for f in fields(result):
        rows = getattr(result, f.name)
        if isinstance(rows, list):
            for row in rows:
                if isinstance(row, dict) and "source_file" in row:
                    row["source_file"] = source_file
    result.document["source_file"] = source_file
    return result


def prune_cache(curated_dir: Path, keep_shas: set[str]) -> None:
    for f in (Path(curated_dir) / ".cache").glob("*.json"):
        if f.stem not in keep_shas:
            f.unlink(missing_ok=True)
