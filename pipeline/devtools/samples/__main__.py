"""python -m pipeline.devtools.samples OUT_DIR: write the sample PDFs and their truth files.
python -m pipeline.devtools.samples --scan OUT_DIR: write the scanned copy of a generated report and its truth."""
from __future__ import annotations

import sys
from pathlib import Path

from .corpora import write_samples
from .scanned import write_scanned_sample

if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--scan"] and len(args) == 2:
        print(write_scanned_sample(Path(args[1])))
    elif len(args) == 1:
        for p in write_samples(Path(args[0])):
            print(p)
    else:
        sys.exit("usage: python -m pipeline.devtools.samples [--scan] OUT_DIR")
