"""The reviewer's desk, written beside each published version:

    reports/
      validation.html        every document: status, reason, value cells, findings by check (filterable)
      docs/<key>.html        one page per document: metadata, findings each with a crop of its cell and the
                             line to add to review/corrections.csv, the pages as read (values outlined)
      img/<digest>.png       page images and crops, content-addressed (`evidence`): written once
      review_queue.html/.csv indicator pairs to settle in review/decisions.csv, a crop of each name
      findings.csv           every finding with its line to add, for a spreadsheet

Every page names the version whose tables it shows (`<meta name="kinerja-version">`). While a version is
published the entry points say so (`mark_pending`), so a run killed between publishing and writing the report
never leaves an old report beside new data; the next run, even one with nothing new, writes the report of the
current version again (`report_version` differs from it).

Everything from a PDF is data: the one jinja2 environment autoescapes every value put into a page, the pages'
Content-Security-Policy runs only the report's own script, and CSV cells a spreadsheet would run start with a quote.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable

import pandas as pd
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .catalogue import REVIEW_COLUMNS
from .console import neutralised
from .corrections import DROPPED, STALE, box_text, correction_line
from .evidence import PAGE_SCALE, Drawing, Rendered, Wanted
from .reportmark import PENDING
from .results import LOW_COVERAGE
from .store import write_bytes

_ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape(default=True, default_for_string=True))

# the report's one script (desk.js beside the pages; the pages' Content-Security-Policy runs no other): it
# filters rows by the <select data-filter> choices (check, severity, doc_type)
SCRIPT = (
    "for(const s of document.querySelectorAll('select[data-filter]'))s.addEventListener('change',()=>{"
    "const f=[...document.querySelectorAll('select[data-filter]')].filter(x=>x.value).map(x=>[x.dataset.filter,x.value]);"
    "for(const r of document.querySelectorAll('[data-row]'))r.hidden=!f.every(([k,v])=>(r.dataset[k]||'').split(' ').includes(v));});\n"
)
PAGE_ORDER_NONE = 1 << 30
REVIEW_PAIRS = "review_pairs.json"  # in a version's folder: its review queue (its report can be written again)


def _none(v):
    return None if v is None or (pd.api.types.is_scalar(v) and pd.isna(v)) else v


def _box(v) -> tuple[float, float, float, float] | None:
    v = _none(v)
    if v is None or isinstance(v, str) or len(v) != 4:
        return None
    return tuple(round(float(x), 2) for x in v)


def _records(df: pd.DataFrame | None) -> list[dict]:
    return [] if df is None else [{k: _none(v) for k, v in r.items()} for r in df.to_dict("records")]


def _render(page: str, root: str = "", **context) -> bytes:
    """A page of the report; `root`, the way from it to the report's folder ('../' from docs/)."""
    return _ENV.get_template(page).render(root=root, **context).encode("utf-8")


def doc_key(source_file: str) -> str:
    """A document page's file name: from its source_file, never the name itself (PDF paths are data)."""
    return hashlib.sha256(source_file.encode()).hexdigest()[:16] + ".html"


def _cells(d: dict, covered: dict) -> tuple[str, str]:
    """A document's value cells as the report prints them ("337 / 490, coverage 0.94") and their class."""
    cells, read = d.get("value_cells"), d.get("value_cells_read")
    if cells is None or read is None:
        return "", ""
    if not cells:
        return "0", ""
    share = covered.get(d["source_file"])
    if share is None:
        return f"{read} / {cells}", ""
    return f"{read} / {cells}, coverage {share:.2f}", "covered" if share >= LOW_COVERAGE else "low"


def _years(d: dict) -> str:
    yf, yt = d.get("year_from"), d.get("year_to")
    return "" if yf is None else (str(yf) if yf == yt else f"{yf}-{yt}")


def _by_file(df: pd.DataFrame | None) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in _records(df):  # one pass: a report lists thousands of documents
        out[r["source_file"]].append(r)
    return out


def _shown(read: Iterable[dict[str, list[dict]]], failures_by: dict[str, list[dict]]) -> dict[str, Wanted]:
    """Per document, the pages to show whole (every page with a row `read`, or named by a finding) and the
    crops of its findings' cells."""
    out: dict[str, Wanted] = defaultdict(Wanted)
    for by_file in read:
        for name, rows in by_file.items():
            out[name].pages.update(int(r["page"]) for r in rows if r.get("page"))
    for name, rows in failures_by.items():
        for f in rows:
            if f["page"]:
                out[name].pages.add(int(f["page"]))
                if (box := _box(f.get("bbox"))) is not None:
                    out[name].crops.add((int(f["page"]), box))
    return out


class Desk:
    """The published version's tables, arranged by document for the report's pages."""

    def __init__(self, tables: dict[str, pd.DataFrame], review_pairs: pd.DataFrame, version: str):
        self.version = version
        self.documents = tables["documents"].sort_values("source_file")
        self.values = tables["indicator_values"]
        self.failures = tables["validation_failures"]
        self.review_pairs = review_pairs
        self.page_coverage = tables.get("page_coverage")
        self.values_by = _by_file(self.values)
        self.budget_by = _by_file(tables.get("budget_lines"))
        self.coverage_by = _by_file(self.page_coverage)
        self.failures_by = _by_file(self.failures)
        self.docs = _records(self.documents)
        self.sha = {d["source_file"]: d.get("sha256") for d in self.docs}
        self.covered: dict[str, float] = {}  # a document's share of value-like cells read or knowingly skipped
        if self.page_coverage is not None and len(self.page_coverage):
            sums = self.page_coverage.groupby("source_file")[["read", "skipped", "value_cells"]].sum()
            sums = sums[sums["value_cells"] > 0]
            self.covered = ((sums["read"] + sums["skipped"]) / sums["value_cells"]).astype(float).to_dict()

    def wanted(self) -> dict[str, Wanted]:
        """Per document, the pages to show whole (every page read as a table or named by a finding) and the
        crops (each finding's cell; each name of the review queue where it is printed)."""
        out = _shown((self.values_by, self.budget_by, self.coverage_by), self.failures_by)
        for where in self.name_places().values():
            out[where[0]].crops.add((where[1], where[2]))
        return {k: v for k, v in out.items() if k is not None}

    def name_places(self) -> dict[str, tuple[str, int, tuple]]:
        """Where each name of the review queue is printed: its first value's file, page and cell (the crop
        spans the page's width, so the name at the row's start is in it)."""
        names = set(self.review_pairs["name_a"]) | set(self.review_pairs["name_b"]) if len(self.review_pairs) else set()
        places: dict[str, tuple[str, int, tuple]] = {}
        for name, rows in self.values_by.items():
            for v in rows:
                if v["indicator_name"] in names and v["indicator_name"] not in places and (box := _box(v["bbox"])):
                    places[v["indicator_name"]] = (name, v["page"], box)
        return places

    # -- pages ---------------------------------------------------------------------------------

    def index(self) -> bytes:
        docs = [self._summary(d) for d in self.docs]
        general = self.failures_by.get(None, [])
        checks = sorted({f["check"] for rows in self.failures_by.values() for f in rows})
        n_cells = int(self.documents["value_cells"].fillna(0).sum()) if "value_cells" in self.documents and len(self.documents) else 0
        n_read = int(self.documents["value_cells_read"].fillna(0).sum()) if n_cells else 0
        pc = self.page_coverage
        n_covered = int((pc["read"] + pc["skipped"]).sum()) if pc is not None and len(pc) else n_read
        n_corrected = int(self.values["corrected_by"].notna().sum()) if "corrected_by" in self.values else 0
        return _render(
            "index.html", version=self.version, docs=docs, general=general, n_docs=len(self.docs),
            status_counts=list(self.documents["status"].value_counts().sort_index().items()) if len(self.documents) else [],
            n_values=len(self.values), n_cells=n_cells, n_cells_read=n_read, coverage=n_covered / n_cells if n_cells else 0.0,
            n_errors=int((self.failures["severity"] == "error").sum()), n_warnings=int((self.failures["severity"] == "warning").sum()),
            corrections=n_corrected,
            filters=[{"key": "doctype", "label": "doc_type", "options": sorted({d["doc_type"] for d in self.docs})},
                     {"key": "check", "label": "check", "options": checks},
                     {"key": "severity", "label": "severity", "options": ["error", "warning"]}],
        )

    def _summary(self, d: dict) -> dict:
        failures = self.failures_by.get(d["source_file"], [])
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for f in failures:
            groups[(f["check"], f["severity"])].append(f)
        cells, coverage_class = _cells(d, self.covered)
        return {
            **d, "href": f"docs/{doc_key(d['source_file'])}", "years": _years(d), "cells": cells, "coverage_class": coverage_class,
            "n_values": len(self.values_by.get(d["source_file"], [])), "n_budget": len(self.budget_by.get(d["source_file"], [])),
            "n_errors": sum(f["severity"] == "error" for f in failures), "n_warnings": sum(f["severity"] == "warning" for f in failures),
            "groups": sorted(({"check": c, "severity": s, "rows": rows} for (c, s), rows in groups.items()), key=lambda g: (g["severity"] != "error", g["check"])),
            "checks": sorted({f["check"] for f in failures}), "severities": sorted({f["severity"] for f in failures}),
        }

    def document(self, d: dict, rendered: Rendered) -> bytes:
        name, sha = d["source_file"], d.get("sha256")
        summary = self._summary(d)
        findings = []
        seen: set[str] = set()
        ordered = sorted(self.failures_by.get(name, []), key=lambda f: (f["severity"] != "error", f["check"], f["page"] or PAGE_ORDER_NONE))
        for f in ordered:
            box = _box(f.get("bbox"))
            findings.append({
                **f, "first": f["check"] not in seen, "crop": rendered.crops.get((f["page"], box)) if box else None,
                "page_image": f["page"] in rendered.pages, "line": _finding_line(f, sha),
            })
            seen.add(f["check"])
        values = sorted(self.values_by.get(name, []), key=_reading_order)
        for n, v in enumerate(values):
            v["n"] = n
            v["line"] = correction_line(sha, v["page"], _box(v["bbox"]), v["value_text"]) if _box(v["bbox"]) else None
        pages = []
        coverage = {c["page"]: c for c in self.coverage_by.get(name, [])}
        for page_no, view in sorted(rendered.pages.items()):
            on_page = [v for v in values if v["page"] == page_no]
            budget = [b for b in self.budget_by.get(name, []) if b["page"] == page_no]
            boxes = [{**view.place(b), "kind": "read", "target": f"v{v['n']}", "title": f"{v['indicator_name']}: {v['measure']} {v['year'] or ''} = {v['value_text']}"}
                     for v in on_page if (b := _box(v["bbox"]))]
            boxes += [{**view.place(b), "kind": "read", "target": None, "title": f"{line['name']}"} for line in budget if (b := _box(line["bbox"]))]
            c = coverage.get(page_no)
            if c and (b := _box(c["unread_bbox"])):
                boxes.append({**view.place(b), "kind": "unread", "target": None, "title": f"{c['unread']} value-like cells not read"})
            boxes += [{**view.place(b), "kind": "finding", "target": f["check"], "title": f"{f['check']}: {f['message']}"}
                      for f in findings if f["page"] == page_no and (b := _box(f.get("bbox")))]
            pages.append({
                "page": page_no, "image": view.image, "boxes": boxes, "value_rows": on_page, "budget_rows": budget,
                "px_width": round(view.width * PAGE_SCALE), "px_height": round(view.height * PAGE_SCALE),
                "coverage": f"{c['kind']}: {c['read']} of {c['value_cells']} value-like cells read, {c['skipped']} knowingly skipped, {c['unread']} unread" if c else "",
            })
        checks = sorted({f["check"] for f in findings})
        return _render("document.html", "../", version=self.version, d={
            **summary, "findings": findings, "page_views": pages, "render_error": rendered.error,
            "corrected": [v for v in values if v.get("corrected_by")],
        }, filters=[{"key": "check", "label": "check", "options": checks}, {"key": "severity", "label": "severity", "options": ["error", "warning"]}])

    def review_queue(self, crops: dict[str, str]) -> bytes:
        pairs = [{**p, "crop_a": crops.get(p["name_a"]), "crop_b": crops.get(p["name_b"])} for p in _records(self.review_pairs)]
        return _render("review_queue.html", version=self.version, pairs=pairs)

    def findings_csv(self) -> bytes:
        rows = []
        for f in _records(self.failures):
            box = _box(f.get("bbox"))
            rows.append({**{k: f[k] for k in ("source_file", "page", "check", "severity", "column", "value", "message")},
                         "bbox": box_text(box) if box else "", "line_to_add": _finding_line(f, self.sha.get(f["source_file"])) or ""})
        cols = ["source_file", "page", "check", "severity", "column", "value", "message", "bbox", "line_to_add"]
        return neutralised_csv(pd.DataFrame(rows, columns=cols))


def _finding_line(f: dict, sha: str | None) -> str | None:
    """The line to add to review/corrections.csv for a finding about one value's cell (None for a page, a
    document, or a correction's own finding)."""
    box = _box(f.get("bbox"))
    if f["table"] != "indicator_values" or f["check"] in (STALE, DROPPED) or not (sha and box and f["page"]):
        return None
    return correction_line(sha, f["page"], box, f["value"])


def _reading_order(v: dict) -> tuple:
    box = _box(v["bbox"]) or (0.0, 0.0)
    return v["page"], v["table"], box[1], box[0]


def start_drawing(frames: dict[str, pd.DataFrame], sources: dict[str, Path], reports_dir: Path, workers: int) -> Drawing:
    """Start drawing what the extraction's rows alone show (every page read as a table, the cells of the
    extractors' warnings) in `workers` processes, while the version's tables are checked on one core; the
    checks' findings and the review queue's names are drawn by `write_desk`, which finishes the drawing."""
    def by_file(table: str, columns: list[str]) -> dict[str, list[dict]]:
        df = frames.get(table)
        return {} if df is None else _by_file(df[[c for c in columns if c in df.columns]])

    shown = _shown([by_file(t, ["source_file", "page"]) for t in ("indicator_values", "budget_lines", "page_coverage")],
                   by_file("extra_failures", ["source_file", "page", "bbox"]))
    docs = frames["documents"]
    sha = dict(zip(docs["source_file"], docs["sha256"])) if len(docs) else {}
    drawing = Drawing(Path(reports_dir) / "img", workers)
    drawing.draw({name: (sources[name], sha[name], w) for name, w in shown.items() if name in sources and _none(sha.get(name))})
    return drawing


def mark_pending(reports_dir: Path, version: str) -> None:
    """Before a version is switched to: the entry points say its report is being written (never the old
    report beside the new data, whatever moment a run is killed at)."""
    reports_dir = Path(reports_dir)
    stub = _render("index.html", version=PENDING + version, docs=[], general=[], n_docs=0, status_counts=[], n_values=0, n_cells=0,
                   n_cells_read=0, coverage=0.0, n_errors=0, n_warnings=0, corrections=0, filters=[])
    stub = stub.replace(b"<h1>kinerja: validation report</h1>", f"<h1>kinerja: the report of version {version} is being written</h1>".encode())
    if reports_dir.exists():
        write_bytes(reports_dir / "validation.html", stub)
        for f in ("review_queue.html", "review_queue.csv", "findings.csv"):
            (reports_dir / f).unlink(missing_ok=True)


def write_desk(tables: dict[str, pd.DataFrame], review_pairs: pd.DataFrame, version: str, reports_dir: Path,
               sources: dict[str, Path], workers: int = 1, drawing: Drawing | None = None) -> Path:
    """Write the whole report of a version; images the folder holds already are not drawn again. `sources`:
    the PDFs whose bytes are the documents' (by source_file); `drawing`: images started already
    (`start_drawing`), finished here. A document's page is written as soon as its images are drawn, while
    the workers draw the others'. validation.html last: it names the version."""
    reports_dir = Path(reports_dir)
    desk = Desk(tables, review_pairs, version)
    drawing = drawing or Drawing(reports_dir / "img", workers)
    try:
        wanted = desk.wanted()
        rendered = {name: Rendered(error="the file is not in the raw folder now: no page images")
                    for name in wanted if name not in sources or not desk.sha.get(name)}
        rest = {}
        for name, w in wanted.items():
            asked = drawing.asked(name)
            if name not in rendered and (w.pages - asked.pages or w.crops - asked.crops):
                rest[name] = (sources[name], desk.sha[name], Wanted(w.pages - asked.pages, w.crops - asked.crops))
        drawing.draw(rest)
        write_bytes(reports_dir / "desk.js", SCRIPT.encode())
        docs = {d["source_file"]: d for d in desk.docs}
        written = set()
        for name, drawn in drawing.finished():
            if name in wanted and name not in rendered:
                rendered[name] = drawn.only(wanted[name])
                if name in docs:
                    write_bytes(reports_dir / "docs" / doc_key(name), desk.document(docs[name], rendered[name]))
                    written.add(name)
    finally:
        drawing.close()
    for name in docs.keys() - written:  # nothing to draw, or nothing could be
        write_bytes(reports_dir / "docs" / doc_key(name), desk.document(docs[name], rendered.get(name, Rendered())))
    crops = {name: rendered[f].crops.get((p, box)) for name, (f, p, box) in desk.name_places().items() if f in rendered}
    write_bytes(reports_dir / "review_queue.csv", neutralised_csv(review_pairs.reindex(columns=REVIEW_COLUMNS)))
    write_bytes(reports_dir / "review_queue.html", desk.review_queue(crops))
    write_bytes(reports_dir / "findings.csv", desk.findings_csv())
    return write_bytes(reports_dir / "validation.html", desk.index())


def render_report(documents: pd.DataFrame, values: pd.DataFrame, failures: pd.DataFrame, page_coverage: pd.DataFrame | None = None, version: str = "") -> str:
    """The report's first page (validation.html) of these tables."""
    tables = {"documents": documents, "indicator_values": values, "validation_failures": failures, "page_coverage": page_coverage}
    return Desk(tables, pd.DataFrame(columns=REVIEW_COLUMNS), version).index().decode("utf-8")


def render_review_queue(review_pairs: pd.DataFrame, version: str = "") -> str:
    """review_queue.html without page crops (those need the version's tables: `write_desk`)."""
    empty = {"documents": pd.DataFrame(columns=["source_file", "status", "doc_type"]), "indicator_values": pd.DataFrame(columns=["source_file"]),
             "validation_failures": pd.DataFrame(columns=["source_file", "severity"])}
    return Desk(empty, review_pairs, version).review_queue({}).decode("utf-8")


def write_review_queue(review_pairs: pd.DataFrame, reports_dir: Path | str) -> tuple[Path, Path]:
    """reports/review_queue.csv and .html alone (atomic replace); `write_desk` writes them with crops."""
    reports_dir = Path(reports_dir)
    return (write_bytes(reports_dir / "review_queue.csv", neutralised_csv(review_pairs.reindex(columns=REVIEW_COLUMNS))),
            write_bytes(reports_dir / "review_queue.html", render_review_queue(review_pairs).encode("utf-8")))


def save_review_pairs(review_pairs: pd.DataFrame, path: Path) -> None:
    """The review queue kept with the version (the report of a version can be written again from it)."""
    pairs = review_pairs.reindex(columns=REVIEW_COLUMNS)
    write_bytes(path, json.dumps(_records(pairs), default=str).encode())


def write_report_of(version_dir: Path, version: str, reports_dir: Path, sources: dict[str, Path], workers: int = 1) -> Path:
    """The report of a published version, written again from its tables (a new --reports folder, or a run
    killed before its report was written)."""
    tables = {t: pd.read_parquet(version_dir / f"{t}.parquet")
              for t in ("documents", "indicator_values", "validation_failures", "page_coverage", "budget_lines") if (version_dir / f"{t}.parquet").exists()}
    path = version_dir / REVIEW_PAIRS
    pairs = pd.DataFrame(json.loads(path.read_text()) if path.exists() else [], columns=REVIEW_COLUMNS)
    return write_desk(tables, pairs, version, reports_dir, sources, workers)


# -- CSV a reviewer opens in a spreadsheet ---------------------------------------------------------

def neutralised_csv(df: pd.DataFrame) -> bytes:
    """Every CSV the report writes goes through here."""
    return df.map(neutralised).to_csv(index=False).encode("utf-8")
