"""Box-diagram geometry (pohon kinerja, cascading charts): the shapes that are boxes, and the connectors
that join them. Plain box arithmetic is in `geometry`."""

from __future__ import annotations

from typing import Iterable

from .geometry import BBox, bbox_of, bbox_union, components, grow, inside, intersects, x_overlap

def line_closed_boxes(lines: Iterable[dict], tol: float = 2.0, min_size: float = 8.0) -> list[BBox]:
    """Rectangles drawn as four separate line segments: two horizontals of the same span joined by
    verticals at both ends."""
    segs = [bbox_of(ln) for ln in lines]
    hor = [s for s in segs if s[3] - s[1] <= tol and s[2] - s[0] >= min_size]
    ver = [s for s in segs if s[2] - s[0] <= tol and s[3] - s[1] >= min_size]

    def side(x: float, top: float, bottom: float) -> bool:
        return any(abs((v[0] + v[2]) / 2 - x) <= tol and v[1] <= top + tol and v[3] >= bottom - tol for v in ver)

    out = []
    for a in hor:
        for b in hor:
            if b[1] - a[1] >= min_size and abs(a[0] - b[0]) <= tol and abs(a[2] - b[2]) <= tol:
                if side(a[0], a[1], b[1]) and side(a[2], a[1], b[1]):
                    out.append((a[0], a[1], a[2], b[3]))
    return out


def shape_boxes(rects: Iterable[dict], curves: Iterable[dict], lines: Iterable[dict], min_size: float = 8.0) -> list[BBox]:
    """Candidate boxes: rectangles, curves (rounded boxes, but also arrows: the caller keeps only
    boxes holding text) and rectangles closed by lines; duplicates (fill + stroke) once."""
    found = [bbox_of(o) for o in (*rects, *curves)] + line_closed_boxes(lines, min_size=min_size)
    seen, out = set(), []
    for b in found:
        key = tuple(round(v) for v in b)
        if b[2] - b[0] >= min_size and b[3] - b[1] >= min_size and key not in seen:
            seen.add(key)
            out.append(b)
    return out


def merge_stacked(boxes: list[BBox], tol: float = 2.0) -> list[BBox]:
    """One box from rectangles of the same width stacked edge to edge (a title strip over a body).
    Top to bottom, each rectangle joins the box it continues, if any: one pass."""
    out: list[BBox] = []
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        for k, a in enumerate(out):
            if abs(a[0] - b[0]) <= tol and abs(a[2] - b[2]) <= tol and -tol <= b[1] - a[3] <= tol:
                out[k] = bbox_union([a, b])
                break
        else:
            out.append(b)
    return out


def drop_frames(boxes: list[BBox], tol: float = 1.0) -> list[BBox]:
    """A box around two or more boxes is a frame (page border, group): dropped. A box inside another
    box is part of it (a label strip): dropped too, its words belong to the outer box."""
    def holds(a: BBox, b: BBox) -> bool:
        return a != b and inside(b, a, tol)

    boxes = [a for a in boxes if sum(holds(a, b) for b in boxes) < 2]
    return [b for b in boxes if not any(holds(a, b) for a in boxes)]


def connector_groups(segments: list[BBox], tol: float = 3.0) -> list[list[BBox]]:
    """Segments that touch one another (within tol) form one connector."""
    grown = [grow(s, tol) for s in segments]
    touching = ((i, j) for i in range(len(segments)) for j in range(i + 1, len(segments)) if intersects(grown[i], segments[j]))
    return [[segments[k] for k in group] for group in components(len(segments), touching)]


def link_boxes(boxes: list[BBox], segments: list[BBox], tol: float = 8.0, join: float = 2.0) -> tuple[dict[int, int], set[int]]:
    """Parent of each box by connectors: in a connector touching several boxes, the highest box is
    the parent of the boxes below it. Segments within `join` of each other make one connector; a
    connector touches a box within `tol` (block arrows stop short of the boxes they join).
    Returns ({child: parent}, boxes touched by any connector)."""
    parents: dict[int, int] = {}
    touched_any: set[int] = set()
    for group in connector_groups(segments, join):
        touched = sorted(
            {k for s in group for k, b in enumerate(boxes) if intersects(grow(s, tol), b) and not inside(s, b, -tol)},
            key=lambda k: boxes[k][1],
        )
        touched_any.update(touched)
        if len(touched) < 2:
            continue
        top = touched[0]
        if abs(boxes[touched[1]][1] - boxes[top][1]) <= tol:
            continue  # two boxes side by side at the top: the connector has no direction
        for k in touched[1:]:
            if boxes[k][1] >= boxes[top][3] - tol and (k not in parents or boxes[parents[k]][3] < boxes[top][3]):
                parents[k] = top
    return parents, touched_any


def nearest_above(boxes: list[BBox], k: int, tol: float = 2.0) -> int | None:
    """The box a box hangs under when nothing connects them: in the nearest band above, the one
    overlapping it most, else the one whose centre is nearest."""
    b = boxes[k]
    above = [j for j, a in enumerate(boxes) if a[3] <= b[1] + tol]
    if not above:
        return None
    band = max(boxes[j][1] for j in above)  # the row above: boxes whose tops line up with the lowest top
    near = [j for j in above if boxes[j][1] >= band - 3 * tol]
    cx = (b[0] + b[2]) / 2
    return max(near, key=lambda j: (x_overlap(boxes[j], b), -abs((boxes[j][0] + boxes[j][2]) / 2 - cx)))
