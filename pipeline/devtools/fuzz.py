"""Fuzzing the document extraction: random bytes and mutated sample reports through `extract_isolated`.

Every input must end as a recorded document (a status and, unless ok, a sentence), never as a crash (an
exception escaping `extract_document`, a worker that died) and never past its time limit. The mutations are
plain data, `(kind, where, size, value)`, applied by `mutate`: the test draws them with hypothesis (which
shrinks a failing input to its smallest), `kinerja bench fuzz` with a seeded `random.Random` for a longer run.

The seeds are the generated sample reports, each as it is (ReportLab: ASCII85 + Flate content streams) and
mutated in the ways real files break: bytes flipped, cut, repeated or inserted; a number changed (object
numbers, /Length, offsets, coordinates); a keyword swapped for another (obj, endobj, R, /Kids, /Parent...);
the drawing operators inside a page's content stream changed and the stream re-encoded (the file still
opens, its page is garbage); or the file cut short and closed with %%EOF (so the truncation check passes and
the parsers meet it).
"""

from __future__ import annotations

import base64
import os
import random
import re
import tempfile
import time
import zlib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.isolation import extract_isolated
from pipeline.results import DocumentResult
from pipeline.settings import Settings

KINDS = ("flip", "delete", "duplicate", "insert", "number", "keyword", "content", "truncate")
KEYWORDS = [b"obj", b"endobj", b"stream", b"endstream", b" R", b"/Type", b"/Page", b"/Pages", b"/Kids", b"/Parent",
            b"/Length", b"/Contents", b"/Resources", b"/MediaBox", b"/Font", b"xref", b"trailer", b"startxref", b"/Root",
            b"/Count", b"null", b"<<", b">>", b"[", b"]"]
_KEYWORD = re.compile(b"|".join(re.escape(k) for k in KEYWORDS))
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")
# a ReportLab content stream: its dictionary's filters and length, then the encoded bytes up to `~>`
_CONTENT = re.compile(rb"/Filter \[ /ASCII85Decode /FlateDecode \] /Length (\d+)\s*>>\s*stream\r?\n")
FUZZ_TIMEOUT_S = 30.0  # one input's limit: a sample reads in 1-5 s on a loaded 2-core machine
CRASH_PREFIXES = ("crashed while reading", "worker killed", "worker exited")  # pipeline/isolation.py's words for a crash

Mutation = tuple[str, float, int, int]  # (kind, where in [0, 1), size >= 1, value >= 0)


def mutate(data: bytes, mutations: list[Mutation]) -> bytes:
    """`data` with each mutation applied in turn (positions are fractions, so one list fits any seed)."""
    for kind, where, size, value in mutations:
        data = _APPLY[kind](data, where, size, value)
    return data


def _at(data: bytes, where: float) -> int:
    return min(int(where * len(data)), max(len(data) - 1, 0))


def _flip(data, where, size, value):
    if not data:
        return data
    p = _at(data, where)
    return data[:p] + bytes([data[p] ^ (value % 255 + 1)]) + data[p + 1:]


def _delete(data, where, size, value):
    p = _at(data, where)
    return data[:p] + data[p + size:]


def _duplicate(data, where, size, value):
    p = _at(data, where)
    q = value % (len(data) + 1)
    return data[:q] + data[p:p + size] + data[q:]


def _insert(data, where, size, value):
    p = _at(data, where)
    return data[:p] + random.Random(value).randbytes(size) + data[p:]


def _nth(pattern: re.Pattern, data: bytes, where: float):
    found = list(pattern.finditer(data))
    return found[min(int(where * len(found)), len(found) - 1)] if found else None


def _number(data, where, size, value):
    m = _nth(_NUMBER, data, where)
    if m is None:
        return data
    new = [b"0", b"-1", str(value).encode(), str(value * 10 ** size).encode(), b"1e308", b"99999999999999999999"][value % 6]
    return data[:m.start()] + new + data[m.end():]


def _keyword(data, where, size, value):
    m = _nth(_KEYWORD, data, where)
    if m is None:
        return data
    return data[:m.start()] + KEYWORDS[value % len(KEYWORDS)] + data[m.end():]


def _content(data, where, size, value):
    """A page's drawing operators changed inside its content stream, re-encoded with a /Length that fits."""
    m = _nth(_CONTENT, data, where)
    if m is None:
        return _number(data, where, size, value)
    end = data.find(b"~>", m.end())
    if end < 0:
        return data
    try:
        ops = zlib.decompress(base64.a85decode(data[m.end():end]))
    except (ValueError, zlib.error):
        return data
    ops = _APPLY[("flip", "delete", "duplicate", "number", "keyword")[value % 5]](ops, (value % 997) / 997, size, value)
    encoded = base64.a85encode(zlib.compress(ops)) + b"~>"
    head = data[:m.start()] + b"/Filter [ /ASCII85Decode /FlateDecode ] /Length " + str(len(encoded)).encode() + b" >>\nstream\n"
    return head + encoded + data[end + 2:]


def _truncate(data, where, size, value):
    return data[:_at(data, where)] + b"\n%%EOF\n"


_APPLY = {"flip": _flip, "delete": _delete, "duplicate": _duplicate, "insert": _insert, "number": _number,
          "keyword": _keyword, "content": _content, "truncate": _truncate}


def enveloped(body: bytes, header: bool, trailer: bool) -> bytes:
    """Random bytes, optionally behind a PDF header and before %%EOF, so they get past the first checks."""
    return (b"%PDF-1.7\n" if header else b"") + body + (b"\n%%EOF\n" if trailer else b"")


@dataclass(frozen=True)
class Outcome:
    label: str  # what went in: "random bytes" or the seed's name and its mutations' kinds
    status: str  # the documents row's status (ok, partial, failed, needs_ocr)
    reason: str  # the error's first words ("broken PDF", "not a PDF", "timeout"), "" when ok
    error: str | None
    seconds: float

    @property
    def crashed(self) -> bool:
        return (self.error or "").startswith(CRASH_PREFIXES)

    @property
    def timed_out(self) -> bool:
        return (self.error or "").startswith("timeout")


def outcome_of(label: str, result: DocumentResult, seconds: float) -> Outcome:
    error = result.document.get("error")
    return Outcome(label, result.status, (error or "").split(":")[0][:40], error, seconds)


def try_input(data: bytes, label: str, folder: Path, settings: Settings) -> tuple[Outcome, DocumentResult]:
    """One input written as a file and read in its own worker under the settings' time and memory limits."""
    handle, name = tempfile.mkstemp(suffix=".pdf", dir=folder)
    os.close(handle)
    path = Path(name)
    path.write_bytes(data)
    started = time.monotonic()
    result = extract_isolated(path, settings)
    seconds = time.monotonic() - started
    path.unlink()
    return outcome_of(label, result, seconds), result


def random_input(rnd: random.Random, seeds: dict[str, bytes]) -> tuple[bytes, str]:
    """Half random bytes (in a PDF envelope or not), half a seed with one to four mutations."""
    if rnd.random() < 0.5:
        body = rnd.randbytes(rnd.randrange(0, 4096))
        return enveloped(body, rnd.random() < 0.7, rnd.random() < 0.7), "random bytes"
    name = rnd.choice(sorted(seeds))
    mutations = [(rnd.choice(KINDS), rnd.random(), rnd.randrange(1, 65), rnd.randrange(2**31)) for _ in range(rnd.randrange(1, 5))]
    return mutate(seeds[name], mutations), f"{name} ({', '.join(m[0] for m in mutations)})"


def fuzz_report(seeds: dict[str, bytes], seconds: float, workers: int, seed: int, timeout_s: float = FUZZ_TIMEOUT_S,
                keep: Path | None = None) -> list[str]:
    """Inputs for about `seconds`, `workers` at a time; the figures: inputs tried, statuses and reasons,
    crashes and timeouts, the slowest inputs. A crashing or timed-out input is written to `keep`."""
    settings = Settings.resolve(timeout_s=timeout_s, retries=0, workers=workers)
    rnd = random.Random(seed)
    outcomes: list[Outcome] = []
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(workers) as pool:
        while time.monotonic() < deadline:
            batch = [random_input(rnd, seeds) for _ in range(workers * 4)]
            done = pool.map(lambda item: try_input(item[0], item[1], Path(tmp), settings)[0], batch)
            for (data, _), outcome in zip(batch, done):
                outcomes.append(outcome)
                if keep is not None and (outcome.crashed or outcome.timed_out):
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"input_{len(outcomes):06d}.pdf").write_bytes(data)
    return _figures(outcomes, seconds, workers, seed, timeout_s)


def _figures(outcomes: list[Outcome], seconds: float, workers: int, seed: int, timeout_s: float) -> list[str]:
    statuses = Counter(o.status for o in outcomes)
    reasons = Counter((o.status, o.reason) for o in outcomes if o.reason)
    kinds = Counter("random bytes" if o.label == "random bytes" else "mutated samples" for o in outcomes)
    lines = [f"fuzz: {len(outcomes):,} inputs in {seconds:.0f} s ({', '.join(f'{n:,} {k}' for k, n in sorted(kinds.items()))}), "
             f"{workers} workers, seed {seed}, limit {timeout_s:g} s per input",
             "statuses: " + ", ".join(f"{s} {n:,}" for s, n in statuses.most_common()),
             "reasons: " + "; ".join(f"{s} / {r}: {n:,}" for (s, r), n in reasons.most_common(12)),
             f"crashes: {sum(o.crashed for o in outcomes)}, timeouts: {sum(o.timed_out for o in outcomes)}"]
    lines += [f"  {o.label}: {o.error}" for o in outcomes if o.crashed or o.timed_out][:10]
    lines.append("slowest:")
    for o in sorted(outcomes, key=lambda o: -o.seconds)[:5]:
        lines.append(f"  {o.seconds:5.1f} s  {o.label} -> {o.status}{f' ({o.reason})' if o.reason else ''}")
    return lines


def sample_seeds(folder: Path | None = None) -> dict[str, bytes]:
    """The PDFs of `folder`, or the generated sample reports written afresh."""
    if folder is not None:
        return {p.name: p.read_bytes() for p in sorted(Path(folder).glob("*.pdf"))}
    from .samples import write_samples

    with tempfile.TemporaryDirectory() as tmp:
        return {p.name: p.read_bytes() for p in write_samples(Path(tmp))}
