"""What reviewers write (`review/`): each class is the one definition of a file's columns and its rules."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from . import tables as _tables  # noqa: F401  (for its effect: pandera validates without importing dask)
from .vocabulary import MEASURES, PERIODS

NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"  # a corrected value: digits, '.' as the decimal point, no thousands mark
BOX = r"^-?[0-9.]+ -?[0-9.]+ -?[0-9.]+ -?[0-9.]+$"  # x0 top x1 bottom, as the report prints a cell's box
DROP = "drop"


class Corrections(pa.DataFrameModel):
    """`review/corrections.csv`: one row per printed value a reviewer corrects (grain: sha256 with page and bbox,
    or sha256 with indicator_id, year, period and measure). The row's index is its line in the file (1 is the
    header). Applied when a version is published, without re-extraction; a row that matches no value, or more
    than one, or a cell now read as something other than `was`, is stale: reported, never applied."""

    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="sha256 of the PDF's bytes (documents.sha256): a changed file leaves its corrections stale")
    page: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, description="1-based page of the cell (with bbox)")
    bbox: Series[str] = pa.Field(nullable=True, str_matches=BOX, description="x0 top x1 bottom of the cell, PDF points from the top-left, as the report prints it")
    indicator_id: Series[str] = pa.Field(nullable=True, str_startswith="ind_", description="instead of page and bbox: the value's indicator, with year, period and measure")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1990, le=2100)
    period: Series[str] = pa.Field(nullable=True, isin=list(PERIODS), description="empty for an annual value")
    measure: Series[str] = pa.Field(nullable=True, isin=list(MEASURES))
    was: Series[str] = pa.Field(nullable=True, description="the cell as the machine read it (value_text) when the line was written: read differently now, the correction is stale")
    value: Series[str] = pa.Field(str_matches=f"{NUMBER}|^{DROP}$", description="the corrected number (12.5: '.' as the decimal point, no thousands mark), or drop: the row leaves indicator_values")
    reviewer: Series[str] = pa.Field(str_length={"min_value": 1}, description="who corrected it")
    corrected_on: Series[str] = pa.Field(str_matches=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="date, YYYY-MM-DD")
    note: Series[str] = pa.Field(nullable=True, description="why, for the next reviewer")

    class Config:
        name = "review/corrections.csv"
        strict = True

    @pa.dataframe_check
    def names_one_value(cls, df: pd.DataFrame) -> Series[bool]:
        """A correction names its value by page and bbox, or by indicator_id and measure (with year and period)."""
        return (df["page"].notna() & df["bbox"].notna()) | (df["indicator_id"].notna() & df["measure"].notna())

    @pa.dataframe_check
    def corrected_on_is_a_date(cls, df: pd.DataFrame) -> Series[bool]:
        """corrected_on is a real calendar date."""
        return pd.to_datetime(df["corrected_on"], format="%Y-%m-%d", errors="coerce").notna()
