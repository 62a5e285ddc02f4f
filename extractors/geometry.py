"""Shared geometry: boxes are (x0, top, x1, bottom) in PDF points, top-left origin (pdfplumber's)."""

from __future__ import annotations

import math
from typing import Iterable

BBox = tuple[float, float, float, float]


def bbox_union(boxes: Iterable[BBox]) -> BBox:
    boxes = list(boxes)
    if not boxes:
        raise ValueError("bbox_union needs at least one box")
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def contains_point(b: BBox, x: float, y: float, tol: float = 0.5) -> bool:
    return b[0] - tol <= x <= b[2] + tol and b[1] - tol <= y <= b[3] + tol


def x_overlap(a: BBox, b: BBox) -> float:
    """Length of the horizontal overlap of two boxes (0 when apart)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0]))


def rounded(b: BBox, ndigits: int = 2) -> BBox:
    return tuple(round(float(v), ndigits) for v in b)  # type: ignore[return-value]


def enclosing(b: BBox, margin: float = 0.5) -> list[float]:
    """A published box: the text's box widened by `margin` points and rounded outward to 0.01 pt, so that a
    crop by any reader holds the whole text (pdfminer and pdfium place a glyph's box a few tenths apart:
    each takes the font's descent from its own tables)."""
    return [math.floor((b[0] - margin) * 100) / 100, math.floor((b[1] - margin) * 100) / 100,
            math.ceil((b[2] + margin) * 100) / 100, math.ceil((b[3] + margin) * 100) / 100]


def camelot_to_plumber(x1: float, y1: float, x2: float, y2: float, page_height: float) -> BBox:
    """camelot uses a bottom-left origin; turn its cell corners into a top-left box."""
    return (min(x1, x2), page_height - max(y1, y2), max(x1, x2), page_height - min(y1, y2))


def words_in(words: Iterable[dict], b: BBox) -> list[dict]:
    """pdfplumber words whose centre lies inside the box."""
    return [w for w in words if contains_point(b, (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2)]


LINE_TOLERANCE = 0.4  # of a word's height: a word whose top is this close to a line's first word's is on it
MIN_LINE_TOLERANCE = 2.0  # points, for small print


def word_lines(words: Iterable[dict], relative: float = LINE_TOLERANCE) -> list[list[dict]]:
    """pdfplumber words into text lines, top to bottom, each left to right: a word whose top lies within
    `relative` of its height (at least MIN_LINE_TOLERANCE) of a line's first word's top is on that line.
    (Page text lines come from pdfplumber's `extract_text_lines`; OCR groups its boxes on their own.)"""
    out: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if out and abs(w["top"] - out[-1][0]["top"]) <= max(MIN_LINE_TOLERANCE, relative * (w["bottom"] - w["top"])):
            out[-1].append(w)
        else:
            out.append([w])
    return [sorted(ln, key=lambda w: w["x0"]) for ln in out]


def text_above(lines: list[dict], b: BBox, max_gap: float) -> list[str]:
    """Text lines (pdfplumber extract_text_lines) ending above the box within max_gap, nearest last."""
    above = [ln for ln in lines if ln["bottom"] <= b[1] + 1 and b[1] - ln["bottom"] <= max_gap]
    return [ln["text"] for ln in sorted(above, key=lambda ln: ln["top"])]


def bbox_of(obj: dict) -> BBox:
    return (float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def inside(inner: BBox, outer: BBox, tol: float = 1.0) -> bool:
    return inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol


def grow(b: BBox, d: float) -> BBox:
    return (b[0] - d, b[1] - d, b[2] + d, b[3] + d)


def intersects(a: BBox, b: BBox) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def components(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The indices 0..n-1 grouped by the pairs that join them (connected components), each group in
    index order, the groups in the order of their first index."""
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())
