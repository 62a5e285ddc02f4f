"""DuckDB over the curated parquet tables: each table a view by its name."""

from __future__ import annotations

from pathlib import Path

import duckdb

from schemas.tables import CURATED

from .errors import KinerjaError
from .store import current_version


def connect(curated_dir: Path) -> duckdb.DuckDBPyConnection:
    """Views over one version: `current` is resolved once, so a run publishing meanwhile changes nothing here."""
    curated_dir = current_version(curated_dir) or Path(curated_dir)
    con = duckdb.connect()
    found = 0
    for name in CURATED:
        file, folder = curated_dir / f"{name}.parquet", curated_dir / name
        if file.exists():
            source = str(file)
        elif folder.is_dir():
            source = str(folder / "*.parquet")
        else:
            continue
        con.execute(f"create view {name} as select * from read_parquet('{source.replace(chr(39), chr(39) * 2)}')")
        found += 1
    if not found:
        raise KinerjaError(f"no curated tables in {curated_dir}: run `kinerja run` first")
    return con
