"""Run one document in a worker process with a wall-time and a memory limit.

A PDF that hangs pdfminer or balloons memory is killed and recorded (status failed, reason timeout or
memory); the night goes on. Workers come from a forkserver, which forks from a clean single-threaded
process (Prefect's threads are never forked) with the extraction modules already imported.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import resource
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from .errors import RunError
from .extract import extract_document
from .plan import source_name
from .results import DocumentResult, failed_result
from .settings import Settings
from .store import as_named

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _context():
    """The forkserver context, made once per process (the server itself is started on first use)."""
    ctx = mp.get_context("forkserver")
    # every module a document needs, imported once in the server: a child forked from it starts reading at
    # once (importing camelot and pdfplumber in each child cost about a second per document). multiprocessing
    # runs the main script (`kinerja`) again in each child; with the CLI imported here that costs nothing
    ctx.set_forkserver_preload(["pipeline.cli", "pipeline.extract", "extractors.read", "camelot", "rapidocr_onnxruntime"])
    return ctx


def _child(path: str, settings: Settings, conn, reader: Callable[[Path, Settings], DocumentResult]) -> None:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on malformed objects are not the user's business
    limit = settings.memory_mb * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass  # some platforms refuse; the timeout still bounds the document
    try:
        result = reader(Path(path), settings)
    except MemoryError:
        result = failed_result(Path(path), f"memory: the document needed more than {settings.memory_mb} MB")
    except BaseException as exc:  # report, never die silently
        result = failed_result(Path(path), f"crashed while reading: {type(exc).__name__}: {exc}")
    conn.send(result)
    conn.close()


def extract_isolated(path: Path, settings: Settings, reader: Callable[[Path, Settings], DocumentResult] = extract_document) -> DocumentResult:
    """`reader` (extract_document) in a child process; a child that overruns or dies becomes a failed result."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(path), settings, sender, reader), daemon=True)
    proc.start()
    sender.close()
    try:
        if receiver.poll(settings.timeout_s):
            try:
                return receiver.recv()
            except EOFError:
                pass  # the child died before sending: fall through to its exit code
            proc.join(5)
            code = proc.exitcode
            if code is not None and code < 0:
                return failed_result(path, f"worker killed by signal {-code} (likely out of memory, limit {settings.memory_mb} MB)")
            return failed_result(path, f"worker exited with code {code} before finishing")
        return failed_result(path, f"timeout: still reading after {settings.timeout_s:.0f} s; killed")
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receiver.close()


def extract_with_retries(path: Path, settings: Settings, reader: Callable[[Path, Settings], DocumentResult] = extract_document) -> DocumentResult:
    """Isolated extraction, retried with a doubling wait while the failure is transient (I/O, upload in progress);
    rows named by the file's path in the raw folder."""
    result = extract_isolated(path, settings, reader)
    for attempt in range(settings.retries):
        if not result.transient:
            break
        delay = settings.retry_delay_s * 2**attempt
        log.info("%s: %s; retrying in %.1f s", Path(path).name, result.document["error"], delay)
        time.sleep(delay)
        result = extract_isolated(path, settings, reader)
    return as_named(result, source_name(path, settings.raw_dir))


def extract_all(paths: Iterable[Path], settings: Settings, on_done: Callable[[DocumentResult], None] | None = None) -> list[DocumentResult]:
    """Every document, `settings.workers` at a time, each isolated and retried; results in input order."""
    paths = list(paths)
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        futures = {pool.submit(extract_with_retries, p, settings): k for k, p in enumerate(paths)}
        results: list[DocumentResult | None] = [None] * len(paths)
        for f in as_completed(futures):
            results[futures[f]] = r = f.result()
            if on_done:
                on_done(r)
    return results


def check_dask_scheduler(address: str, timeout_s: float) -> None:
    """Stop with one line, within `timeout_s`, unless a Dask scheduler answers at `address`: asked later, inside
    the flow, distributed tries for 30 s and ends in a traceback of hundreds of lines."""
    import asyncio

    from distributed.comm import connect

    async def identity():
        comm = await connect(address, timeout=timeout_s)
        try:
            await comm.write({"op": "identity"})
            return await asyncio.wait_for(comm.read(), timeout_s)
        finally:
            comm.abort()

    try:
        reply = asyncio.run(identity())
    except ValueError as exc:  # no scheme, no port, an unknown protocol
        raise RunError(f"--dask-address {address!r} is not a Dask scheduler's address ({exc}); give tcp://host:8786") from exc
    except (OSError, asyncio.TimeoutError) as exc:
        raise RunError(f"no Dask scheduler answers at {address} within {timeout_s:g} s (is it running, and is the address right?)") from exc
    except Exception as exc:  # something answered in another protocol: its bytes decode as junk (a frame of 3 EiB: MemoryError)
        raise RunError(f"{address} answers, but not as a Dask scheduler (its reply: {type(exc).__name__})") from exc
    if not (isinstance(reply, dict) and reply.get("type") == "Scheduler"):
        raise RunError(f"{address} answers, but not as a Dask scheduler (it says it is {str(reply)[:60]!r})")
