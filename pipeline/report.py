"""The reviewer's reports: `validation.html` (per document its status, then its failures grouped by check,
with page and printed value) and the review queue of indicator pairs (`review_queue.html` / `.csv`).

Everything from a PDF is data: the one jinja2 environment autoescapes every value put into a page.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pandas as pd
from jinja2 import Environment, select_autoescape

from .catalogue import REVIEW_COLUMNS
from .results import LOW_COVERAGE
from .store import write_bytes

_ENV = Environment(autoescape=select_autoescape(default=True, default_for_string=True))

_VALIDATION = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>kinerja validation report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;color:#222} table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left;vertical-align:top}
.ok,.covered{color:#176117}.low,.partial{color:#8a6100}.failed,.error{color:#a31515}.needs_ocr{color:#5a3fa0}.warning{color:#8a6100}
h2{margin-top:2em;border-bottom:1px solid #ddd} summary{cursor:pointer;font-weight:600}
</style></head><body>
<h1>kinerja: validation report</h1>
<p>{{ n_docs }} documents: {% for s, n in status_counts %}<span class="{{ s }}">{{ n }} {{ s }}</span>{% if not loop.last %}, {% endif %}{% endfor %}.
{{ n_values }} values written; {{ n_errors }} rows held back (error), {{ n_warnings }} warnings.
{% if n_cells %}Of the {{ n_cells }} value-like cells on table pages, {{ n_cells_read }} were read; coverage (read or knowingly skipped) {{ "%.2f"|format(coverage) }}.{% endif %}</p>
<table><tr><th>document</th><th>type</th><th>agency</th><th>region</th><th>years</th><th>pages</th><th title="value-like cells on its table pages: read / counted (coverage: read or knowingly skipped)">value cells read</th><th>status</th><th>values</th><th>errors</th><th>warnings</th><th>reason</th></tr>
{% for d in docs %}<tr><td><a href="#doc-{{ loop.index }}">{{ d.source_file }}</a></td><td>{{ d.doc_type }}</td><td>{{ d.agency or "" }}</td><td>{{ d.region or "" }}</td>
<td>{{ d.years }}</td><td>{{ d.pages if d.pages is not none else "" }}</td><td class="{{ d.coverage_class }}">{{ d.cells }}</td><td class="{{ d.status }}">{{ d.status }}</td><td>{{ d.n_values }}</td><td>{{ d.n_errors }}</td><td>{{ d.n_warnings }}</td><td>{{ d.error or "" }}</td></tr>
{% endfor %}</table>
{% for d in docs %}{% if d.groups %}
<h2 id="doc-{{ loop.index }}">{{ d.source_file }} <small class="{{ d.status }}">{{ d.status }}</small></h2>
{% for g in d.groups %}<details {% if g.severity == "error" %}open{% endif %}><summary class="{{ g.severity }}">{{ g.check }} ({{ g.severity }}, {{ g.rows|length }})</summary>
<p>{{ g.message }}</p>
<table><tr><th>page</th><th>column</th><th>printed value</th><th>detail</th></tr>
{% for f in g.rows %}<tr><td>{{ f.page if f.page is not none else "" }}</td><td>{{ f.column or "" }}</td><td>{{ f.value if f.value is not none else "" }}</td><td>{{ f.message }}</td></tr>
{% endfor %}</table></details>{% endfor %}{% endif %}{% endfor %}
</body></html>
"""


def _none(v):
    return None if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)) else v


def _page_order(row: dict) -> tuple[bool, int]:
    return row["page"] is None, row["page"] or 0


def _cells(d: dict, covered: dict) -> tuple[str, str]:
    """A document's value cells as the report prints them ("337 / 490, coverage 0.94") and their class."""
    cells, read = _none(d.get("value_cells")), _none(d.get("value_cells_read"))
    if cells is None or read is None:
        return "", ""
    if not cells:
        return "0", ""
    share = covered.get(d["source_file"])
    if share is None:
        return f"{read} / {cells}", ""
    return f"{read} / {cells}, coverage {share:.2f}", "covered" if share >= LOW_COVERAGE else "low"


def render_report(documents: pd.DataFrame, values: pd.DataFrame, failures: pd.DataFrame, page_coverage: pd.DataFrame | None = None) -> str:
    """The reviewer's report; with `page_coverage`, each document's coverage beside its value cells."""
    template = _ENV.from_string(_VALIDATION)
    counts = values.groupby("source_file").size().to_dict() if len(values) else {}
    covered: dict[str, float] = {}
    if page_coverage is not None and len(page_coverage):
        sums = page_coverage.groupby("source_file")[["read", "skipped", "value_cells"]].sum()
        sums = sums[sums["value_cells"] > 0]
        covered = ((sums["read"] + sums["skipped"]) / sums["value_cells"]).astype(float).to_dict()
    by_group: dict[str, dict[tuple[str, str], list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in failures.to_dict("records"):  # one pass: a report lists thousands of documents
        f = {k: _none(v) for k, v in r.items()}
        by_group[f["source_file"]][(f["check"], f["severity"])].append(f)
    docs = []
    for d in documents.sort_values("source_file").to_dict("records"):
        groups = [
            {"check": check, "severity": severity, "rows": sorted(rows, key=_page_order), "message": rows[0]["message"].split(" (")[0]}
            for (check, severity), rows in by_group.get(d["source_file"], {}).items()
        ]
        groups.sort(key=lambda g: (g["severity"] != "error", g["check"]))
        yf, yt = _none(d["year_from"]), _none(d["year_to"])
        cells, coverage_class = _cells(d, covered)
        docs.append(
            {
                **{k: _none(v) for k, v in d.items()},
                "years": "" if yf is None else (str(yf) if yf == yt else f"{yf}-{yt}"),
                "n_values": counts.get(d["source_file"], 0),
                "n_errors": sum(len(g["rows"]) for g in groups if g["severity"] == "error"),
                "n_warnings": sum(len(g["rows"]) for g in groups if g["severity"] == "warning"),
                "groups": groups,
                "cells": cells,
                "coverage_class": coverage_class,
            }
        )
    status_counts = documents["status"].value_counts().sort_index().items() if len(documents) else []
    n_cells = int(documents["value_cells"].fillna(0).sum()) if "value_cells" in documents and len(documents) else 0
    n_read = int(documents["value_cells_read"].fillna(0).sum()) if n_cells else 0
    n_covered = int((page_coverage["read"] + page_coverage["skipped"]).sum()) if page_coverage is not None and len(page_coverage) else n_read
    return template.render(
        n_cells=n_cells,
        n_cells_read=n_read,
        coverage=n_covered / n_cells if n_cells else 0.0,
        docs=docs,
        n_docs=len(documents),
        status_counts=list(status_counts),
        n_values=len(values),
        n_errors=int((failures["severity"] == "error").sum()) if len(failures) else 0,
        n_warnings=int((failures["severity"] == "warning").sum()) if len(failures) else 0,
    )


def write_report(documents: pd.DataFrame, values: pd.DataFrame, failures: pd.DataFrame, reports_dir: Path,
                 page_coverage: pd.DataFrame | None = None) -> Path:
    return write_bytes(Path(reports_dir) / "validation.html", render_report(documents, values, failures, page_coverage).encode("utf-8"))


_REVIEW_QUEUE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>kinerja indicator review queue</title>
<style>
body{font-family:system-ui,sans-serif;margin:2em;color:#222} table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left;vertical-align:top}
code{background:#f4f4f4;padding:1px 4px;font-size:12px;word-break:break-all} .reason{color:#8a6100}
</style></head><body>
<h1>kinerja: indicator pairs to review</h1>
<p>{{ pairs|length }} pairs of indicator names might be one indicator, and the matcher will not guess.
For each, add a line to <code>review/decisions.csv</code> (columns name_a, name_b, decision, reviewer, decided_at, note)
with <code>same</code> or <code>different</code>; the next run follows it over the matcher.</p>
<table><tr><th>#</th><th>name A</th><th>name B</th><th>score</th><th>why in review</th><th>documents</th><th>units</th><th>sample values</th><th>line to add (same; or write different)</th></tr>
{% for p in pairs %}<tr><td>{{ loop.index }}</td><td>{{ p.name_a }}<br><small>{{ p.id_a }}</small></td><td>{{ p.name_b }}<br><small>{{ p.id_b }}</small></td>
<td>{{ p.score }}</td><td class="reason">{{ p.reason }}</td><td>A: {{ p.files_a }}<br>B: {{ p.files_b }}</td><td>A: {{ p.unit_a or "" }}<br>B: {{ p.unit_b or "" }}</td>
<td>A: {{ p.values_a }}<br>B: {{ p.values_b }}</td><td><code>{{ p.decision_line }}</code></td></tr>
{% endfor %}</table>
</body></html>
"""


def render_review_queue(review_pairs: pd.DataFrame) -> str:
    rows = [{k: _none(v) for k, v in r.items()} for r in review_pairs.to_dict("records")]
    return _ENV.from_string(_REVIEW_QUEUE).render(pairs=rows)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """A cell a spreadsheet would run as a formula ("=HYPERLINK(...)" printed in a PDF) starts with a
    quote instead: text from PDFs stays text in the CSV a reviewer opens."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def write_review_queue(review_pairs: pd.DataFrame, reports_dir: Path | str) -> tuple[Path, Path]:
    """Write reports/review_queue.csv and reports/review_queue.html (atomic replace)."""
    reports_dir = Path(reports_dir)
    csv_text = review_pairs.reindex(columns=REVIEW_COLUMNS).map(neutralised).to_csv(index=False)
    return (write_bytes(reports_dir / "review_queue.csv", csv_text.encode("utf-8")),
            write_bytes(reports_dir / "review_queue.html", render_review_queue(review_pairs).encode("utf-8")))
