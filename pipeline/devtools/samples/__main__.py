"""python -m pipeline.devtools.samples OUT_DIR: write the sample PDFs and their truth files."""
from __future__ import annotations

import sys
from pathlib import Path

from .corpora import write_samples

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m pipeline.devtools.samples OUT_DIR")
    for p in write_samples(Path(sys.argv[1])):
        print(p)
