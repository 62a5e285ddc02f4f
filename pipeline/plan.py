"""Planning a run: discover the PDFs, hash them, diff them against the current version's manifest; and
what every run records of itself (its `runs` row, manifest and summary). Imports nothing heavy: a night
with nothing new is answered from here in under a second.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from .decisions import DEFAULT_CORRECTIONS, check_decisions, review_file_sha
from .errors import RunError
from .results import DocumentResult, failed_result, file_sha256
from .settings import Settings
from .store import as_named, current_version, load_result, read_manifest

ROOT = Path(__file__).resolve().parents[1]
# the code that turns bytes into rows: a change to any of it re-extracts every document
EXTRACTION_CODE = ("extractors/*.py", "normalizers/*.py", "pipeline/extract.py", "pipeline/results.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the extraction code (`EXTRACTION_CODE`)."""
    h = hashlib.sha256()
    for pattern in EXTRACTION_CODE:
        for f in sorted(ROOT.glob(pattern)):
            h.update(f.relative_to(ROOT).as_posix().encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


MAX_NOTES = 5  # warning lines a summary prints; the rest are counted


@dataclass(frozen=True)
class RunSummary:
    documents: int
    ok: int
    partial: int
    failed: int
    needs_ocr: int
    pages: int
    values: int
    budget_lines: int
    errors: int
    warnings: int
    report: Path
    curated_dir: Path
    run_id: str = ""
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    value_cells: int = 0  # value-like cells of the table pages (page_coverage)
    coverage: float | None = None  # of them, the share read or knowingly skipped
    notes: tuple[str, ...] | list[str] = ()  # warnings for whoever reads the summary (a decision matching nothing)

    def lines(self) -> list[str]:
        cells = f"coverage {self.coverage:.2f} of {self.value_cells} value-like cells" if self.coverage is not None else "no value-like cells counted"
        return [
            f"run {self.run_id}: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.removed} removed documents",
            f"documents: {self.documents} ({self.ok} ok, {self.partial} partial, {self.failed} failed, {self.needs_ocr} needing OCR), {self.pages} pages",
            f"values written: {self.values} indicator values, {self.budget_lines} budget lines ({cells})",
            f"validation: {self.errors} rows held back (error), {self.warnings} warnings",
            *(f"warning: {note}" for note in self.notes[:MAX_NOTES]),
            *([f"warning: {len(self.notes) - MAX_NOTES} more such (validation_failures)"] if len(self.notes) > MAX_NOTES else []),
            f"curated tables: {self.curated_dir}/",
            f"report: {self.report}",
        ]


@dataclass
class Plan:
    """What this run has to do, decided from file hashes and the current version's manifest."""

    run_id: str
    started: datetime
    code_version: str
    files: dict[str, Path]  # source_file (path relative to the raw folder) -> path, sorted; refused entries too
    shas: dict[str, str]
    new: list[str]
    changed: list[str]
    unchanged: list[str]
    removed: list[str]
    previous_version: Path | None  # the current version's folder, before this run
    decisions_sha: str  # of the reviewers' decisions file: a change re-publishes (ids may merge or split)
    nothing_changed: bool  # same files, bytes, code and decisions as the current version: just record the run
    cached: dict[str, DocumentResult] = field(default_factory=dict)  # unchanged documents' earlier results
    corrections_sha: str = ""  # of the reviewers' corrections file: a change re-publishes, nothing is re-read

    @property
    def to_extract(self) -> list[Path]:
        return [p for name, p in self.files.items() if name not in self.cached]


@dataclass(frozen=True)
class RawFolder:
    """What the raw folder holds, by source_file (the path relative to it, posix: `2024/dinsos.pdf`)."""

    files: dict[str, Path]  # to read, sorted by source_file
    refused: dict[str, str]  # not read, and why (a link out of the folder, a broken link, not a regular file)


def source_name(path: Path, raw_dir: Path) -> str:
    """A document's source_file: its path relative to the raw folder (its name, if it is not under it)."""
    try:
        return Path(path).relative_to(raw_dir).as_posix()
    except ValueError:
        return Path(path).name


def _refusal(path: Path, root: Path) -> str | None:
    """Why a *.pdf entry is not read, or None. A link is followed only when it resolves to a regular file
    inside the raw folder (the uploads area): never to a system file, never to another folder's data."""
    if path.is_symlink():
        target = os.readlink(path)
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError):  # missing target, or a loop of links
            return f"broken link (to {target})"
        if not resolved.is_relative_to(root):
            return f"refused: a link to a file outside the raw folder (to {target})"
        path = resolved
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read the file: {exc.strerror}"
    if not stat.S_ISREG(mode):
        return "refused: not a regular file (a folder, FIFO, socket or device)"
    return None


def scan_raw(raw_dir: Path) -> RawFolder:
    """Every *.pdf under raw_dir (any case) and in its subfolders, by its path relative to raw_dir; a missing
    folder stops the run. Links to folders are not walked into (one inside the raw folder holds files read at
    their own path; one leading outside is recorded as refused)."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise RunError(f"raw folder not found: {raw_dir}")
    root = raw_dir.resolve()
    files: dict[str, Path] = {}
    refused: dict[str, str] = {}
    for folder, dirs, names in os.walk(raw_dir):  # does not follow links to folders
        here = Path(folder)
        for d in dirs:
            link = here / d
            if link.is_symlink() and not link.resolve().is_relative_to(root):
                refused[source_name(link, raw_dir)] = f"refused: a link to a folder outside the raw folder (to {os.readlink(link)})"
        for name in names:
            if not name.lower().endswith(".pdf"):
                continue
            path = here / name
            why = _refusal(path, root)
            if why is None:
                files[source_name(path, raw_dir)] = path
            else:
                refused[source_name(path, raw_dir)] = why
    return RawFolder(dict(sorted(files.items())), dict(sorted(refused.items())))


def discover_documents(raw_dir: Path) -> list[Path]:
    """Every readable *.pdf under raw_dir (`scan_raw`), sorted by its path relative to raw_dir."""
    return list(scan_raw(raw_dir).files.values())


def refused_sha(source_file: str, reason: str) -> str:
    """The documents row's sha256 of an entry whose bytes are not read: of its name and reason, so a link
    pointed elsewhere (or a file become readable) counts as changed."""
    return hashlib.sha256(f"not read: {source_file}\n{reason}".encode()).hexdigest()


def check_writable(*dirs: Path) -> None:
    for d in dirs:
        d = Path(d)
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RunError(f"cannot create {d}: {exc.strerror}") from exc
        if not os.access(d, os.W_OK):
            raise RunError(f"cannot write to {d}")


def plan_run(settings: Settings, load_cache: bool = True) -> Plan:
    """Hash every PDF and compare with the current version; unless nothing changed, documents already
    read (by these bytes and this code) come from the cache."""
    started = datetime.now(timezone.utc)
    raw = scan_raw(settings.raw_dir)
    refused = dict(raw.refused)
    shas: dict[str, str] = {}
    for name, p in raw.files.items():
        try:
            shas[name] = file_sha256(p)
        except OSError as exc:  # unreadable (permissions), or gone since the scan
            refused[name] = f"cannot read the file: {exc.strerror}"
    shas.update({name: refused_sha(name, why) for name, why in refused.items()})
    files = {name: raw.files.get(name, Path(settings.raw_dir) / name) for name in sorted(shas)}
    manifest = read_manifest(settings.curated_dir) or {}
    version = code_version()
    known = manifest.get("documents", {})
    decisions_sha = check_decisions(settings.decisions_file)  # an unusable file stops the run before anything is read
    corrections_sha = review_file_sha(settings.corrections_file, DEFAULT_CORRECTIONS, "corrections")
    new = [n for n in files if n not in known]
    changed = [n for n in files if n in known and known[n] != shas[n]]
    removed = [n for n in known if n not in files]
    plan = Plan(
        run_id=started.strftime("%Y%m%dT%H%M%S%fZ"),
        started=started,
        code_version=version,
        files=files,
        shas=shas,
        new=new,
        changed=changed,
        unchanged=[n for n in files if known.get(n) == shas[n]],
        removed=removed,
        previous_version=current_version(settings.curated_dir) if manifest else None,
        decisions_sha=decisions_sha,
        nothing_changed=bool(manifest) and not (new or changed or removed or settings.full)
        and manifest.get("code_version") == version and manifest.get("decisions_sha") == decisions_sha
        and manifest.get("corrections_sha", "") == corrections_sha,
        corrections_sha=corrections_sha,
    )
    if corrections_sha and not plan.nothing_changed:  # checked before anything is read (pandera: only when publishing)
        from .corrections import read_corrections

        read_corrections(settings.corrections_file)
    for name, why in refused.items():  # recorded, never read
        plan.cached[name] = as_named(failed_result(files[name], why, sha=shas[name]), name)
    if load_cache and not settings.full and not plan.nothing_changed:  # keyed by content and code, whatever the name
        for name, sha in shas.items():
            if name not in refused and (cached := load_result(settings.curated_dir, sha, version, name)) is not None:
                plan.cached[name] = cached
    return plan


def run_row(plan: Plan, docs_failed: int, values: int, failures: int) -> dict:
    return {
        "run_id": plan.run_id,
        "started": plan.started,
        "finished": datetime.now(timezone.utc),
        "code_version": plan.code_version,
        "documents_new": len(plan.new),
        "documents_changed": len(plan.changed),
        "documents_unchanged": len(plan.unchanged),
        "documents_removed": len(plan.removed),
        "documents_failed": docs_failed,
        "values_written": values,
        "validation_failures": failures,
    }


def version_manifest(plan: Plan, summary: dict) -> dict:
    return {"run_id": plan.run_id, "code_version": plan.code_version, "documents": plan.shas, "decisions_sha": plan.decisions_sha,
            "corrections_sha": plan.corrections_sha, "summary": summary}


def run_summary(plan: Plan, counts: dict, report: Path, settings: Settings) -> RunSummary:
    return RunSummary(
        **counts,
        report=report,
        curated_dir=Path(settings.curated_dir),
        run_id=plan.run_id,
        new=len(plan.new),
        changed=len(plan.changed),
        unchanged=len(plan.unchanged),
        removed=len(plan.removed),
    )


