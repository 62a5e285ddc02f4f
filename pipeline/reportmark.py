"""The version mark every page of the report carries, read back without pandas: a night with nothing new
checks it in a few microseconds and writes the report again only when it is not the current version's."""

from __future__ import annotations

import re
from pathlib import Path

PENDING = "pending "  # the mark of a report whose version is being published (a run cut short there leaves it)
_MARK = re.compile(rb'<meta name="kinerja-version" content="([^"]*)">')


def report_version(reports_dir: Path) -> str | None:
    """The version the report in `reports_dir` shows (None when there is none; 'pending <v>' when cut short)."""
    try:
        with open(Path(reports_dir) / "validation.html", "rb") as f:
            head = f.read(2048)
    except OSError:
        return None
    m = _MARK.search(head)
    return m.group(1).decode() if m else None
