"""The reviewers' decisions file (`review/decisions.csv`), checked when a run is planned, before anything is
read: a file that cannot be used stops the run with one line naming the file and the line; a decision whose
names match no printed indicator is a warning once the names are known (`unmatched`). The csv module only:
planning imports nothing heavy.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .errors import RunError
from .results import file_sha256

DEFAULT_DECISIONS = Path("review/decisions.csv")  # missing is fine: no decisions yet
DEFAULT_CORRECTIONS = Path("review/corrections.csv")  # missing is fine: nothing corrected yet (pipeline.corrections)
COLUMNS = ["name_a", "name_b", "decision", "reviewer", "decided_at", "note"]
REQUIRED = COLUMNS[:3]
DECISIONS = ("same", "different")


def check_decisions(path: Path) -> str:
    """The sha256 of a usable decisions file ('' when there is none); a RunError saying what is wrong
    otherwise: a path given explicitly that does not exist, a folder, a line that does not parse."""
    digest = review_file_sha(path, DEFAULT_DECISIONS, "decisions")
    if digest:
        read_decisions(Path(path))
    return digest


def review_file_sha(path: Path, default: Path, what: str) -> str:
    """The sha256 of a reviewers' file (decisions, corrections: a change re-publishes the version); '' when the
    default path holds none. A path given explicitly that does not exist, or a folder, stops the run."""
    path = Path(path)
    if path.is_dir():
        raise RunError(f"{what} file {path} is a folder, not a CSV file")
    if not path.exists():
        if path == default:
            return ""
        raise RunError(f"{what} file not found: {path}")
    return file_sha256(path)


def read_decisions(path: Path) -> list[dict]:
    """Every decision of the file, each with its `line` (1 is the header); [] when there is no file (planning
    has refused a missing path given explicitly)."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RunError(f"decisions file {path}: {exc.strerror}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RunError(f"{path} line {line}: not UTF-8 text") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise RunError(f"{path} line 1: {exc}") from exc
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RunError(f"{path} line 1: the header lacks {', '.join(missing)} (it needs {','.join(COLUMNS)})")
    rows = []
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise RunError(f"{path} line {reader.line_num}: {exc}") from exc
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue  # a blank line
        if len(fields) > len(header):
            raise RunError(f"{path} line {line}: {len(fields)} fields, the header has {len(header)} (a comma inside a name needs quotes)")
        row = {c: "" for c in COLUMNS} | dict(zip(header, fields))
        for c in ("name_a", "name_b"):
            if not row[c].strip():
                raise RunError(f"{path} line {line}: {c} is empty")
        if row["decision"].strip().lower() not in DECISIONS:
            raise RunError(f"{path} line {line}: decision is {row['decision']!r}, not same or different")
        rows.append({**{c: row[c] for c in COLUMNS}, "line": line})
    return rows


def unmatched(decisions: list[dict], names: set[str], path: Path) -> list[str]:
    """A warning per decision naming a printed name that no document (nor the catalogue) has: it does nothing."""
    notes = []
    for d in decisions:
        unknown = [n for n in (d["name_a"], d["name_b"]) if n not in names]
        if unknown:
            shown = " and ".join(repr(n) for n in unknown)
            notes.append(f"{path} line {d['line']}: {shown} {'match' if len(unknown) > 1 else 'matches'} no printed indicator name; the decision does nothing")
    return notes
