"""A PDF's object structure checked before any parser reads it: reference cycles fail in milliseconds.

pdfminer follows an object that is only a reference to another (`6 0 obj 6 0 R endobj`) until it reaches
something else; when the chain comes back to itself it never does, and the worker spins until its timeout
(a 765-byte file held one for the full 300 s). A page tree whose Kids hold an ancestor, a page that is its
own Parent, an array of contents that holds itself, a stream whose Length is the stream, or a
cross-reference section whose /Prev points back at itself make it crash or recurse instead. None of these
is a PDF any tool could read as meant, so the document fails at once with the cycle named.

The scan reads every object header in the file (`N G obj`), and the objects packed in Flate object
streams (PDF 1.5), with a few regular expressions: no object is parsed beyond the keys that are walked
(Kids, Parent, Length, array members). It costs a few milliseconds per megabyte; the worker's timeout stays
the last line of defence for what it does not see.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from .errors import DocumentError

_HEADER = re.compile(rb"(?<![0-9])(\d{1,10})\s+\d{1,5}\s+obj\b")
_ALIAS = re.compile(rb"\s*(\d{1,10})\s+\d{1,5}\s+R\s*")
_REF = re.compile(rb"(\d{1,10})\s+\d{1,5}\s+R\b")
_KIDS = re.compile(rb"/Kids\s*(?:\[([^\]]*)\]|(\d{1,10})\s+\d{1,5}\s+R\b)")
_PARENT = re.compile(rb"/Parent\s*(\d{1,10})\s+\d{1,5}\s+R\b")
_LENGTH = re.compile(rb"/Length\s*(?:(\d{1,10})\s+\d{1,5}\s+R\b|(\d{1,12})\b)")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_FORM = re.compile(rb"/Subtype\s*/Form\b")
_INT = re.compile(rb"/(N|First)\s+(\d{1,10})\b")
_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})")
_PREV = re.compile(rb"/Prev\s+(\d{1,12})\b")
_STREAM = re.compile(rb"stream\r?\n")

MAX_BODY = 1 << 20  # an object's bytes looked at (a page tree node with thousands of kids is far less)
MAX_INFLATED = 256 << 20  # object-stream bytes inflated in all (a decompression bomb stops the scan, not the run)


def check_structure(path: Path) -> None:
    """Raise a DocumentError naming the cycle when the file's objects refer to themselves."""
    with open(path, "rb") as f:
        try:
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty: check_readable says so
            return
    with data:
        objects = _objects(data)
        problem = _xref_loop(data) or _cycles(objects)
    if problem:
        raise DocumentError(f"broken PDF: {problem}; not read")


def _objects(data) -> dict[int, bytes]:
    """Object number -> the bytes of its value (a stream's dictionary, without its data); a later
    definition of a number wins, as an incremental update does."""
    objects: dict[int, bytes] = {}
    streams: list[tuple[bytes, int]] = []
    pos = 0
    while (m := _HEADER.search(data, pos)) is not None:
        end = data.find(b"endobj", m.end(), m.end() + MAX_BODY)
        end = end if end != -1 else min(len(data), m.end() + MAX_BODY)
        stream = data.find(b"stream", m.end(), end)
        body = data[m.end() : stream if stream != -1 else end]
        objects[int(m.group(1))] = body
        if stream != -1 and _OBJSTM.search(body):
            streams.append((body, stream))
        pos = max(end, m.end())
    inflated = 0
    for body, at in streams:
        inflated += _unpack_object_stream(data, body, at, objects, MAX_INFLATED - inflated)
        if inflated >= MAX_INFLATED:
            break
    return objects


def _unpack_object_stream(data, body: bytes, at: int, objects: dict[int, bytes], budget: int) -> int:
    """Add the objects packed in an object stream (Flate, no predictor); the bytes inflated."""
    if b"/DecodeParms" in body or (b"/Filter" in body and b"/FlateDecode" not in body):
        return 0
    ints = {k: int(v) for k, v in _INT.findall(body)}
    start = _STREAM.match(data, at)
    if start is None or b"N" not in ints or b"First" not in ints:
        return 0
    length = _LENGTH.search(body)
    size = int(length.group(2)) if length and length.group(2) else None
    if size is None:  # an indirect length: up to endstream
        stop = data.find(b"endstream", start.end())
        size = (stop if stop != -1 else len(data)) - start.end()
    raw = data[start.end() : start.end() + size]
    try:
        content = zlib.decompressobj().decompress(raw, max(budget, 1)) if b"/FlateDecode" in body else raw
    except zlib.error:
        return 0
    first, n = ints[b"First"], ints[b"N"]
    numbers = [int(v) for v in re.findall(rb"\d+", content[:first])][: 2 * n]
    pairs = list(zip(numbers[0::2], numbers[1::2]))
    for k, (num, offset) in enumerate(pairs):
        stop = first + pairs[k + 1][1] if k + 1 < len(pairs) else len(content)
        objects[num] = content[first + offset : stop]
    return len(content)


def _cycles(objects: dict[int, bytes]) -> str | None:
    """The first reference cycle found among the objects, in words; None when there is none. Linear in the
    number of objects and references (a hostile file may hold a long chain)."""
    aliases = {n: int(m.group(1)) for n, body in objects.items() if len(body) < 40 and (m := _ALIAS.fullmatch(body))}
    if (loop := _graph_cycle({n: [m] for n, m in aliases.items()})) is not None:  # pdfminer follows it forever
        if len(loop) == 2:
            return f"object {loop[0]} is a reference to itself ({_arrows(loop)})"
        return f"a cycle of references ({_arrows(loop)})"
    resolved: dict[int, int] = {}

    def target(n: int) -> int:
        """What a reference ends at once aliases are followed (no cycle is left among them)."""
        if n not in aliases:
            return n
        chain = []
        while n in aliases and n not in resolved:
            chain.append(n)
            n = aliases[n]
        end = resolved.get(n, n)
        resolved.update(dict.fromkeys(chain, end))
        return end

    def refs(text: bytes) -> list[int]:
        return [target(int(r)) for r in _REF.findall(text)]

    arrays = {n: refs(body) for n, body in objects.items() if b"R" in body and body.lstrip()[:1] == b"["}
    kids: dict[int, list[int]] = {}
    parent: dict[int, list[int]] = {}
    for n, body in objects.items():
        if b"/" not in body:  # no dictionary key: most objects of a large file (numbers, arrays, strings)
            continue
        if b"/Kids" in body and (m := _KIDS.search(body)) is not None:
            kids[n] = refs(m.group(1)) if m.group(1) is not None else arrays.get(target(int(m.group(2))), [])
        if b"/Parent" in body and (m := _PARENT.search(body)) is not None:
            parent[n] = [target(int(m.group(1)))]
        if b"/Length" in body and (m := _LENGTH.search(body)) is not None and m.group(1) and target(int(m.group(1))) == n:
            return f"the Length of stream {n} is the stream itself"
    if (loop := _graph_cycle(kids)) is not None:
        return f"its page tree contains itself (Kids: {_arrows(loop)})"
    if (loop := _graph_cycle(parent)) is not None:
        return f"an object is its own ancestor (Parent: {_arrows(loop)})"
    if (loop := _graph_cycle(_forms_drawn(objects, refs))) is not None:
        return f"a form XObject draws itself ({_arrows(loop)})"
    if (loop := _graph_cycle(arrays)) is not None:
        return f"an array holds itself ({_arrows(loop)})"
    return None


def _forms_drawn(objects: dict[int, bytes], refs) -> dict[int, list[int]]:
    """Form XObject -> the forms its resources name: in its own dictionary, or one or two objects away
    (an indirect Resources dictionary, its XObject dictionary)."""
    forms = {n for n, body in objects.items() if b"/Form" in body and _FORM.search(body)}
    drawn: dict[int, list[int]] = {}
    for n in forms:
        found, frontier, seen = [], refs(objects[n]), set()
        for _ in range(3):
            later = []
            for r in frontier:
                if r in forms:
                    found.append(r)
                elif r not in seen and r in objects:
                    seen.add(r)
                    later += refs(objects[r])
            frontier = later
        drawn[n] = found
    return drawn


def _arrows(loop: list[int]) -> str:
    """The cycle as `a -> b -> a`, its middle left out when it is long."""
    shown = loop if len(loop) <= 8 else [*loop[:4], "...", *loop[-3:]]
    return " -> ".join(map(str, shown))


def _graph_cycle(edges: dict[int, list[int]]) -> list[int] | None:
    """A cycle in a directed graph (iterative depth-first search), as the list of its nodes, first repeated."""
    state: dict[int, int] = {}  # 1: on the current path, 2: done
    for root in edges:
        if root in state:
            continue
        path, stack = [root], [iter(edges.get(root, ()))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]  # once: the search ends here
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(edges.get(nxt, ())))
    return None


def _xref_loop(data) -> str | None:
    """The cross-reference sections, from startxref back through /Prev: one met twice is a loop."""
    last = None
    for last in _STARTXREF.finditer(data, max(0, len(data) - 4096)):
        pass
    if last is None:
        return None
    offset, seen = int(last.group(1)), []
    while 0 <= offset < len(data) and offset not in seen:
        seen.append(offset)
        stop = data.find(b"startxref", offset, offset + MAX_BODY)
        window = data[offset : stop if stop != -1 else offset + MAX_BODY]
        if window.startswith(b"xref"):
            trailer = window.find(b"trailer")
            window = window[trailer:] if trailer != -1 else b""
        else:
            stream = window.find(b"stream")
            window = window[:stream] if stream != -1 else window
        m = _PREV.search(window)
        if m is None:
            return None
        offset = int(m.group(1))
    if offset in seen:
        return f"its cross-reference sections point back into themselves (/Prev {offset})"
    return None
