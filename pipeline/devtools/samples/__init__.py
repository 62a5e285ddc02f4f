"""The generator of the sample and scale-test reports: synthetic SAKIP report PDFs with exact
ground truth. Tooling (tests, benches, `kinerja samples`): nothing in the run imports it.

    python -m pipeline.devtools.samples OUT_DIR

By job: `formatting` (values as printed <-> numbers), `layout` (canvas, tables, truth recording),
`content` (what the seed documents print), `documents` (the documents built from it), `corpora`
(writing sample sets, bad inputs, varied corpora), `truth` (the truth-file formats and a reader),
`coverage` (documents whose coverage is known: a table no reader understands, one read half, one
printed as an image, a page of prose).
"""
from __future__ import annotations

from .corpora import write_bad_inputs, write_corpus, write_samples
from .coverage import write_coverage_fixtures
from .documents import SAMPLE_NAMES
from .formatting import cell_value
from .truth import BUDGET_COLUMNS, TREE_COLUMNS, TRUTH_COLUMNS, read_truth

__all__ = ["write_samples", "write_bad_inputs", "write_corpus", "write_coverage_fixtures", "read_truth", "cell_value", "SAMPLE_NAMES",
           "TRUTH_COLUMNS", "BUDGET_COLUMNS", "TREE_COLUMNS"]
