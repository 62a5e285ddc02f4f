"""The curated tables: each class is the one definition of a table, its grain and its checks.

Error-level checks live on the table models: a row failing one is kept out of the curated table and
listed in `validation_failures`. Warning-level checks live on `*Review` models: the row stays, the
reviewer is told. The README's table docs are generated from these classes (`kinerja schema`).
"""

from __future__ import annotations

import sys
import types

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from .vocabulary import DOC_TYPES, MEASURES, PAGE_KINDS, PERIODS, STATUSES


def _pandera_without_dask() -> None:
    """pandera imports dask.dataframe (0.4 s, 45 MB) the first time a model is built, only to learn dask's
    types; dask is installed for prefect-dask, these tables are pandas. So, unless it is loaded already,
    pandera's dask typing module is a stand-in saying dask is absent: pandera validates no dask frame in
    this process, and dask itself is untouched."""
    stand_in = types.ModuleType("pandera.typing.dask", "kinerja's stand-in: its tables are pandas frames")
    stand_in.DASK_INSTALLED = False
    sys.modules.setdefault("pandera.typing.dask", stand_in)


_pandera_without_dask()


class Documents(pa.DataFrameModel):
    """One row per input file (grain: source_file), whatever became of it."""

    source_file: Series[str] = pa.Field(unique=True, description="path of the file in the raw folder, posix (2024/dinsos.pdf; a name alone at the top)")
    sha256: Series[str] = pa.Field(str_length={"min_value": 64, "max_value": 64}, description="sha256 of the file's bytes (of its path and reason, for one refused unread)")
    doc_type: Series[str] = pa.Field(isin=list(DOC_TYPES), description="report family, read from the report itself")
    agency: Series[str] = pa.Field(nullable=True, description="issuing agency (perangkat daerah), without the region")
    region: Series[str] = pa.Field(nullable=True, description="Provinsi / Kabupaten / Kota")
    year_from: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="first year the report covers")
    year_to: Series[pd.Int64Dtype] = pa.Field(nullable=True, description="last year the report covers (the report year n)")
    pages: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="page count, when the file opens")
    status: Series[str] = pa.Field(isin=list(STATUSES), description="ok, partial (some pages failed), failed, needs_ocr (no text layer, and the OCR package is not installed)")
    error: Series[str] = pa.Field(nullable=True, description="why, for anything not ok")
    extracted_at: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"}, description="when this run read it")
    table_pages: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="pages that look like a table (rules that cross, numbers aligned in columns, a table printed as an image); null when the file was not read page by page")
    value_cells: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="value-like cells printed on those pages, counted from the page itself (page_coverage)")
    value_cells_read: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="of them, read as an indicator value or a budget line's amount (the rest knowingly skipped or unread: page_coverage)")
    ocr_pages: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=0, description="pages read by OCR (no text layer, or one that is OCR noise); null when the file was not read page by page")

    @pa.dataframe_check
    def reason_when_not_ok(cls, df: pd.DataFrame) -> Series[bool]:
        """A document that is not ok says why."""
        return (df["status"] == "ok") | df["error"].notna()


class IndicatorValues(pa.DataFrameModel):
    """One row per printed value (grain: source_file, page, bbox, measure), with its provenance."""

    source_file: Series[str] = pa.Field(description="file the value was printed in")
    doc_type: Series[str] = pa.Field(isin=list(DOC_TYPES))
    agency: Series[str] = pa.Field(nullable=True)
    region: Series[str] = pa.Field(nullable=True)
    jabatan: Series[str] = pa.Field(nullable=True, description="position the indicator belongs to (IKI, PK)")
    sasaran: Series[str] = pa.Field(nullable=True, description="objective (sasaran / tujuan / program) of the row")
    indicator_name: Series[str] = pa.Field(str_length={"min_value": 3}, description="indicator as printed, cleaned")
    indicator_id: Series[str] = pa.Field(str_startswith="ind_", description="key shared by the same indicator across documents")
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1990, le=2100)
    period: Series[str] = pa.Field(nullable=True, isin=list(PERIODS), description="null for annual; TW1..TW4 quarters; S1, S2 semesters")
    measure: Series[str] = pa.Field(isin=list(MEASURES))
    value: Series[float] = pa.Field(nullable=True, description="the number; null when the cell is not a number (BB, -, WTP)")
    value_text: Series[str] = pa.Field(str_length={"min_value": 1}, description="the cell as printed")
    unit: Series[str] = pa.Field(nullable=True)
    page: Series[pd.Int64Dtype] = pa.Field(ge=1, description="1-based page")
    bbox: Series[object] = pa.Field(description="[x0, top, x1, bottom] of the cell, PDF points from the top-left, widened by 0.5 pt so any reader's crop holds its text")
    extractor: Series[str] = pa.Field(description="what read the table: pdfplumber-lattice, camelot-stream, ...")
    table: Series[str] = pa.Field(description="table on the page, p<page>t<n>")
    value_read: Series[float] = pa.Field(nullable=True, description="the number as the machine read the cell, kept when a reviewer corrected `value` (review/corrections.csv); null when not corrected")
    corrected_by: Series[str] = pa.Field(nullable=True, description="the reviewer who corrected `value`, null when the machine's reading stands")
    corrected_on: Series[str] = pa.Field(nullable=True, description="the date of the correction, YYYY-MM-DD")
    correction_note: Series[str] = pa.Field(nullable=True, description="the reviewer's note, and the line of review/corrections.csv")

    @pa.check("bbox", element_wise=True)
    def bbox_is_a_box(cls, b) -> bool:
        """bbox holds four numbers with x0 <= x1 and top <= bottom."""
        try:
            return len(b) == 4 and b[0] <= b[2] and b[1] <= b[3]
        except TypeError:
            return False


def _group_key(df: pd.DataFrame) -> list[pd.Series]:
    return [df["source_file"], df["jabatan"].fillna(""), df["indicator_id"], df["year"].fillna(-1), df["period"].fillna("")]


class IndicatorValuesReview(IndicatorValues):
    """Warning-level checks a reviewer looks at; failing rows stay in the curated table."""

    class Config:
        name = "indicator_values (review)"

    @pa.dataframe_check
    def capaian_matches_realisasi_over_target(cls, df: pd.DataFrame) -> Series[bool]:
        """Where target, realisasi and capaian are all printed, capaian is realisasi/target*100 (or its inverse, for lower-is-better indicators), within 1 point."""
        keyed = df.assign(_k=pd.Series(list(zip(*_group_key(df))), index=df.index))
        wide = keyed.pivot_table(index="_k", columns="measure", values="value", aggfunc="first")
        ok = pd.Series(True, index=df.index)
        if not {"target", "realisasi", "capaian"} <= set(wide.columns):
            return ok
        t, r, c = wide["target"], wide["realisasi"], wide["capaian"]
        with np.errstate(divide="ignore", invalid="ignore"):
            direct = (r / t * 100 - c).abs() <= 1
            inverse = (t / r * 100 - c).abs() <= 1
        bad = set(wide.index[(t.notna() & r.notna() & c.notna() & (t != 0) & (r != 0)) & ~(direct | inverse)])
        return ~(keyed["_k"].isin(bad) & (keyed["measure"] == "capaian"))

    @pa.dataframe_check
    def one_value_per_indicator_year_measure(cls, df: pd.DataFrame) -> Series[bool]:
        """One indicator has one value per year, period and measure in a document."""
        return ~df.duplicated(subset=["source_file", "jabatan", "indicator_id", "year", "period", "measure", "table"], keep="first")

    @pa.dataframe_check
    def one_unit_per_indicator(cls, df: pd.DataFrame) -> Series[bool]:
        """An indicator is measured in one unit within a document (its capaian, a percentage of the target
        whatever the unit, aside)."""
        capaian = df["measure"] == "capaian"
        unit = df["unit"].str.lower().replace({"persen": "%", "percent": "%", "persentase": "%"}).mask(capaian)
        n_units = unit.groupby([df["source_file"], df["indicator_id"]]).transform("nunique")  # nulls not counted
        return (n_units.fillna(0) <= 1) | capaian

    @pa.dataframe_check
    def year_known(cls, df: pd.DataFrame) -> Series[bool]:
        """Every value has a year (from its header, caption or the report)."""
        return df["year"].notna()


class BudgetLines(pa.DataFrameModel):
    """One row per program / kegiatan line of a budget table (grain: source_file, page, table, code, name)."""

    source_file: Series[str]
    agency: Series[str] = pa.Field(nullable=True)
    region: Series[str] = pa.Field(nullable=True)
    year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1990, le=2100)
    code: Series[str] = pa.Field(nullable=True, str_matches=r"^[0-9][0-9.\-]*$", description="program / kegiatan code, no spaces")
    name: Series[str] = pa.Field(str_length={"min_value": 2})
    level: Series[str] = pa.Field(isin=["urusan", "program", "kegiatan", "sub_kegiatan", "total", "other"])
    pagu: Series[float] = pa.Field(nullable=True, ge=0, description="budget ceiling, Rp")
    realisasi: Series[float] = pa.Field(nullable=True, ge=0, description="spent, Rp")
    pct: Series[float] = pa.Field(nullable=True, description="realisasi / pagu, % as printed")
    page: Series[pd.Int64Dtype] = pa.Field(ge=1)
    bbox: Series[object] = pa.Field(nullable=True, description="[x0, top, x1, bottom] of the line's cells that were read (name to money), PDF points from the top-left, widened by 0.5 pt")
    extractor: Series[str] = pa.Field(nullable=True, description="what read the table")
    table: Series[str] = pa.Field(nullable=True, description="table on the page, p<page>t<n>")


class IndicatorAttributes(pa.DataFrameModel):
    """What an IKI / IKU table says about an indicator besides numbers (grain: source_file, jabatan, indicator_id)."""

    source_file: Series[str]
    jabatan: Series[str] = pa.Field(nullable=True, description="position the indicator belongs to")
    indicator_name: Series[str] = pa.Field(str_length={"min_value": 3})
    indicator_id: Series[str] = pa.Field(str_startswith="ind_")
    formula: Series[str] = pa.Field(nullable=True, description="formulasi / cara perhitungan, as printed")
    sumber_data: Series[str] = pa.Field(nullable=True, description="where the figure comes from, as printed")
    definition: Series[str] = pa.Field(nullable=True, description="definisi / penjelasan, as printed")
    page: Series[pd.Int64Dtype] = pa.Field(ge=1)


class PerformanceTree(pa.DataFrameModel):
    """One row per box of a pohon kinerja / cascading diagram (grain: source_file, node_id)."""

    source_file: Series[str]
    node_id: Series[str] = pa.Field(description="stable within the file: n<page>-<k>")
    parent_node_id: Series[str] = pa.Field(nullable=True, description="the box this one contributes to; null at the top")
    level: Series[pd.Int64Dtype] = pa.Field(ge=0, description="0 = ultimate outcome, counting down to outputs")
    jabatan: Series[str] = pa.Field(nullable=True, description="position responsible for the box")
    sasaran: Series[str] = pa.Field(nullable=True)
    indicator_name: Series[str] = pa.Field(nullable=True)
    page: Series[pd.Int64Dtype] = pa.Field(ge=1)
    bbox: Series[object] = pa.Field(description="[x0, top, x1, bottom] of the box, PDF points from the top-left, widened by 0.5 pt")

    @pa.dataframe_check
    def node_ids_unique(cls, df: pd.DataFrame) -> Series[bool]:
        """A node id names one box in its file."""
        return ~df.duplicated(subset=["source_file", "node_id"], keep=False)


class PageCoverage(pa.DataFrameModel):
    """One row per table page of a document read (grain: source_file, page): its value-like cells (numbers,
    percentages, money, grades, levels), counted from the page without labels, and what became of them.
    A page of prose is not a table page; a table printed as an image is one, with no cells to count."""

    source_file: Series[str]
    page: Series[pd.Int64Dtype] = pa.Field(ge=1)
    kind: Series[str] = pa.Field(isin=list(PAGE_KINDS), description="ruled: rules cross like a table's; aligned: numbers stand in columns (or a borderless table was read); image: a table printed as an image, not read; diagram: a pohon kinerja's boxes, read as a tree")
    value_cells: Series[pd.Int64Dtype] = pa.Field(ge=0, description="value-like cells inside the page's tables")
    read: Series[pd.Int64Dtype] = pa.Field(ge=0, description="cells whose box is an indicator value's or a budget line's amount read")
    skipped: Series[pd.Int64Dtype] = pa.Field(ge=0, description="cells the extractors knowingly leave: header years and numbering, row numbers, codes, money, total rows, numbers inside names")
    skipped_by_reason: Series[str] = pa.Field(nullable=True, description="the skipped cells by reason, 'header=12; row_number=4' (null when none)")
    unread: Series[pd.Int64Dtype] = pa.Field(ge=0, description="cells neither read nor knowingly skipped: what the extractors missed")
    coverage: Series[float] = pa.Field(nullable=True, ge=0, le=1, description="(read + skipped) / value_cells; null without cells (an image page)")
    reader: Series[str] = pa.Field(nullable=True, description="what read the page's tables (pdfplumber-lattice, camelot-stream, ...)")
    unread_bbox: Series[object] = pa.Field(nullable=True, description="[x0, top, x1, bottom] of the largest block of unread cells (of the image, on an image page), PDF points from the top-left")

    @pa.dataframe_check
    def one_row_per_page(cls, df: pd.DataFrame) -> Series[bool]:
        """A page of a document has one coverage row."""
        return ~df.duplicated(subset=["source_file", "page"], keep=False)

    @pa.dataframe_check
    def cells_add_up(cls, df: pd.DataFrame) -> Series[bool]:
        """read + skipped + unread = value_cells."""
        return df["read"] + df["skipped"] + df["unread"] == df["value_cells"]


class Runs(pa.DataFrameModel):
    """One row per run of the pipeline on this curated folder (grain: run_id); the history of the dataset."""

    run_id: Series[str] = pa.Field(unique=True, description="also the name of the version folder it wrote")
    started: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"})
    finished: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"})
    code_version: Series[str] = pa.Field(description="digest of the extraction code; a change re-extracts everything")
    documents_new: Series[pd.Int64Dtype] = pa.Field(ge=0)
    documents_changed: Series[pd.Int64Dtype] = pa.Field(ge=0, description="same file name, different bytes")
    documents_unchanged: Series[pd.Int64Dtype] = pa.Field(ge=0, description="not re-extracted")
    documents_removed: Series[pd.Int64Dtype] = pa.Field(ge=0, description="their rows left the tables (older versions keep them)")
    documents_failed: Series[pd.Int64Dtype] = pa.Field(ge=0)
    values_written: Series[pd.Int64Dtype] = pa.Field(ge=0)
    validation_failures: Series[pd.Int64Dtype] = pa.Field(ge=0)


class Indicators(pa.DataFrameModel):
    """The indicator catalogue, one row per indicator across agencies and years (grain: indicator_id)."""

    indicator_id: Series[str] = pa.Field(unique=True, str_startswith="ind_", description="stable id; kept between runs, new ones from the canonical name")
    canonical_name: Series[str] = pa.Field(str_length={"min_value": 1}, description="the name the indicator is listed under")
    unit: Series[str] = pa.Field(nullable=True, description="unit most printed with it")
    aliases: Series[object] = pa.Field(description="every printed name merged into this indicator (list)")
    agencies: Series[object] = pa.Field(description="agencies reporting it (list)")
    first_seen: Series[pd.DatetimeTZDtype] = pa.Field(dtype_kwargs={"unit": "us", "tz": "UTC"}, description="when the catalogue first listed the id")

    @pa.check("aliases", element_wise=True)
    def aliases_listed(cls, a) -> bool:
        """aliases is a non-empty list of names."""
        return hasattr(a, "__len__") and not isinstance(a, str) and len(a) > 0

    @pa.check("agencies", element_wise=True)
    def agencies_listed(cls, a) -> bool:
        """agencies is a list (maybe empty)."""
        return hasattr(a, "__len__") and not isinstance(a, str)


class ValidationFailures(pa.DataFrameModel):
    """One row per failed check on a row (or a document); what a reviewer works through."""

    source_file: Series[str] = pa.Field(nullable=True)
    page: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    table: Series[str] = pa.Field(nullable=True, description="curated table the row was bound for")
    check: Series[str]
    column: Series[str] = pa.Field(nullable=True)
    value: Series[str] = pa.Field(nullable=True, description="the printed value (value_text) of the row")
    severity: Series[str] = pa.Field(isin=["error", "warning"])
    message: Series[str]
    bbox: Series[object] = pa.Field(nullable=True, description="[x0, top, x1, bottom] of the cell (or block of cells) the failure is about, PDF points from the top-left; null for a whole page or document")


CURATED: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "indicator_values": IndicatorValues,
    "budget_lines": BudgetLines,
    "indicator_attributes": IndicatorAttributes,
    "performance_tree": PerformanceTree,
    "indicators": Indicators,
    "page_coverage": PageCoverage,
    "validation_failures": ValidationFailures,
    "runs": Runs,
}
