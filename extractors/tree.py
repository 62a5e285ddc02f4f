"""Pohon kinerja and cascading charts: boxes joined by connectors, each box a sasaran with its
indicator, target and the position (jabatan) answering for it.

A page drawn as a table (a cascading table) goes the ordinary table way for its values; its tree
comes from the numbering it prints ("SASARAN 1." > "1.1." > "1.1.1."), the only level such a table
states plainly, with the jabatan heading a column above. A page of boxes is read
box by box: the shapes that hold text are the boxes, the lines and arrows between them say which box
a box contributes to (failing those, the box in the row above it), and the labels inside a box
("SASARAN", "IK :", "Indikator 3", "Target : 80 %") say what each of its lines is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from normalizers.numbers import ParsedValue, parse_value
from normalizers.text import YEAR, clean_indicator_name, join_cell_lines

from .base import TableExtractor
from .diagram import drop_frames, link_boxes, merge_stacked, nearest_above, shape_boxes
from .geometry import BBox, bbox_union, inside, word_lines, words_in
from .grid import Grid
from .records import ExtractedValue, PageResult, TreeNode

_BOX_LABEL = re.compile(r"^[\s•*\-]*(sasaran|tujuan|indikator|iku|iki|ik|target|jabatan|visi|misi)\b", re.IGNORECASE)
_LABEL_KIND = {"sasaran": "sasaran", "tujuan": "sasaran", "indikator": "indicator", "iku": "indicator", "iki": "indicator",
          "ik": "indicator", "target": "target", "jabatan": "jabatan", "visi": "other", "misi": "other"}
_LABEL_NUMBER = re.compile(r"^\s*[-.]?\s*\d+(\.\d+)*\.?(\s|$)")
# Words a position title starts with (Indonesian civil service), for a box that names its jabatan
# without a label.
_POSITION = re.compile(
    r"^(kepala|sekretaris|kasubb?ag|kasie?|kabid|kabag|jabatan\s+fungsional|fungsional|analis|pekerja\s+sosial|penyuluh|"
    r"pengelola|pengolah|pengumpul|staf|pengadministrasi|penyusun|pengawas|perencana|pranata|bendahara|lurah|camat|"
    r"direktur|inspektur|auditor|pelaksana|eselon)\b",
    re.IGNORECASE,
)
_YEAR_SUFFIX = re.compile(rf"\(({YEAR})\)")


@dataclass
class Part:
    """One labelled part of a box: its kind and the words (pdfplumber dicts) after the label."""

    kind: str  # plain | sasaran | indicator | target | jabatan | other
    words: list[dict] = field(default_factory=list)
    qualifier: str = ""  # what stood between the label word and its colon ("2024", "Strategis-2")

    @property
    def text(self) -> str:
        return join_cell_lines([" ".join(w["text"] for w in ln) for ln in word_lines(self.words)])


def _label(line: list[dict]) -> tuple[str, int, str] | None:
    """(kind, words the label takes, qualifier) when the line starts with a label.

    A label ends at a colon a few words on ("Sasaran Strategis-2:", "IK :"), or is a label word with
    a number ("Indikator 8", "SASARAN 1."), or stands alone; else the word is just text."""
    text = " ".join(w["text"] for w in line)
    m = _BOX_LABEL.match(text)
    if not m:
        return None
    kind = _LABEL_KIND[m.group(1).lower()]
    rest = text[m.end():]
    colon = rest.find(":")
    num = _LABEL_NUMBER.match(rest)
    if 0 <= colon <= 40 and len(rest[:colon].split()) <= 5:
        end, qualifier = m.end() + colon + 1, rest[:colon].strip()
    elif num:
        end, qualifier = m.end() + num.end(), rest[: num.end()].strip()
    elif not rest.strip():
        end, qualifier = len(text), ""
    else:
        return None
    # words whose text starts before `end` belong to the label
    pos, n = 0, 0
    for w in line:
        if pos >= end:
            break
        pos += len(w["text"]) + 1
        n += 1
    if pos - 1 > end and ":" in line[n - 1]["text"][:-1]:  # "IK:Jumlah" glued to its label
        tail = line[n - 1]["text"].partition(":")[2]
        line[n - 1] = {**line[n - 1], "text": tail}
        n -= 1
    return kind, n, qualifier


def read_box(words: list[dict]) -> list[Part]:
    """The parts of one box, in reading order."""
    parts: list[Part] = []
    for line in word_lines(words):
        found = _label(line)
        mode = parts[-1].kind if parts else None
        if found:
            kind, n, qualifier = found
            parts.append(Part(kind, line[n:], qualifier))
            continue
        first = line[0]["text"]
        if first.startswith("*") or (mode == "jabatan" and re.match(r"^\d+[.)]$", first)):
            parts.append(Part("other", list(line)))  # notes ("*crosscutting ...") and program lists
        elif mode == "target" or (mode in (None, "other") and _POSITION.match(" ".join(w["text"] for w in line))):
            parts.append(Part("jabatan", list(line)))  # the position is printed after the target
        elif mode is None:
            parts.append(Part("plain", list(line)))
        else:
            parts[-1].words.extend(line)
    return parts


def _number(text: str) -> ParsedValue | None:
    """A target as printed: "80 %", "20000 KK", "1 Laporan Data PPKS" (number, then any unit)."""
    p = parse_value(text)
    if p.value is not None:
        return p
    m = re.match(r"^\s*(-?\d[\d.,]*\s*%?)\s+(\S.*)$", text)
    if m:
        head = parse_value(m.group(1))
        if head.value is not None:
            return ParsedValue(head.value, m.group(2).strip(), head.kind, text.strip(), head.guessed)
    return None


def _inline_target(words: list[dict]) -> tuple[list[dict], list[dict]]:
    """An indicator ending in "(2,3%)" carries its target: (name words, target words)."""
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[k]["text"].startswith("("):
            inner = " ".join(w["text"] for w in words[k:]).strip()
            if inner.endswith(")") and _number(inner[1:-1]) and not re.fullmatch(rf"\(\s*{YEAR}\s*\)", inner):
                return words[:k], words[k:]
            break
    return words, []


@dataclass
class Box:
    bbox: BBox
    sasaran: str | None
    jabatan: str | None
    indicators: list[tuple[str, list[dict], str]]  # (indicator name, target words, target qualifier)


def _text(words: list[dict]) -> str:
    return Part("plain", words).text


_LIST_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})*[.)]?$")


def _items(words: list[dict]) -> list[list[dict]]:
    """A part printed as a numbered list ("1 Jumlah ...", "2 Jumlah ...") is one item per number,
    the numbers dropped; any other part is one item."""
    lines = word_lines(words)
    if not lines or len(lines[0]) < 2 or not _LIST_NUMBER.match(lines[0][0]["text"]):
        return [words] if words else []
    items: list[list[dict]] = []
    for ln in lines:
        if len(ln) > 1 and _LIST_NUMBER.match(ln[0]["text"]):
            items.append(ln[1:])
        else:
            items[-1].extend(ln)
    return items


def box_content(words: list[dict], bbox: BBox) -> Box:
    """What a box says. Several sasaran in one box (a numbered list) are joined with "; "."""
    parts = read_box(words)
    sasaran = "; ".join(clean_indicator_name(_text(it)) for p in parts if p.kind == "sasaran" for it in _items(p.words)) or None
    if sasaran is None:
        sasaran = " ".join(p.text for p in parts if p.kind == "plain") or None
    jabatan = " ".join(p.text for p in parts if p.kind == "jabatan") or None
    indicators: list[tuple[str, list[dict], str]] = []
    for p in parts:
        if p.kind == "indicator":
            for item in _items(p.words):
                name_words, target = _inline_target(item)
                indicators.append((clean_indicator_name(_text(name_words)), target, ""))
        elif p.kind == "target" and p.words and indicators and not indicators[-1][1]:
            indicators[-1] = (indicators[-1][0], p.words, p.qualifier)
    return Box(bbox, sasaran and clean_indicator_name(sasaran), jabatan, [i for i in indicators if i[0]])


def _segments(page, boxes: list[BBox], words: list[dict]) -> list[BBox]:
    """What may connect boxes: lines, hairline rectangles and shapes without text (arrows); not what
    lies inside a box, nor a frame around text."""
    segs = [(float(o["x0"]), float(o["top"]), float(o["x1"]), float(o["bottom"])) for o in (*page.lines, *page.rects, *page.curves)]
    return [s for s in segs if not any(inside(s, b, 0.5) for b in boxes) and not words_in(words, s)]


def find_boxes(page, words: list[dict]) -> list[tuple[BBox, list[dict]]]:
    """The boxes of a diagram that hold text, with their words, in reading order."""
    shapes = shape_boxes(page.rects, page.curves, page.lines)
    shapes = [b for b in shapes if words_in(words, b)]
    boxes = drop_frames(merge_stacked(shapes))
    boxes.sort(key=lambda b: (round(b[1]), b[0]))
    return [(b, words_in(words, b)) for b in boxes]


def build_tree(page, words: list[dict]) -> tuple[list[TreeNode], list[Box]]:
    found = find_boxes(page, words)
    bboxes = [b for b, _ in found]
    parents, connected = link_boxes(bboxes, _segments(page, bboxes, words))
    for k in range(len(bboxes)):
        if k not in parents and k not in connected:
            above = nearest_above(bboxes, k)
            if above is not None:
                parents[k] = above
    number = page.page_number
    contents = [box_content(w, b) for b, w in found]
    levels: dict[int, int] = {}
    nodes = []
    for k in sorted(range(len(bboxes)), key=lambda k: bboxes[k][1]):  # parents sit above their children
        levels[k] = levels[parents[k]] + 1 if k in parents else 0
        up = contents[parents[k]] if k in parents else None
        if up and not contents[k].jabatan and up.jabatan and not up.sasaran and not up.indicators:
            contents[k].jabatan = up.jabatan  # a box naming only a position heads the boxes under it
    for k, c in enumerate(contents):
        name = "; ".join(i[0] for i in c.indicators)
        parent = f"n{number}-{parents[k] + 1}" if k in parents else None
        nodes.append(TreeNode(f"n{number}-{k + 1}", parent, levels[k], c.jabatan, c.sasaran, name or None, number, c.bbox))
    # a box without its own sasaran (an indicator box under a sasaran box): its values take the parent's
    for k in sorted(range(len(bboxes)), key=lambda k: levels[k]):
        if contents[k].sasaran is None and k in parents:
            contents[k].sasaran = contents[parents[k]].sasaran
    return nodes, contents


def _is_table_page(page) -> bool:
    """A grid with two or more filled cells in two or more rows is a table, not a diagram."""
    for t in page.find_tables():
        rows = t.extract()
        if sum(sum(1 for c in r if c and c.strip()) >= 2 for r in rows) >= 2:
            return True
    return False


_CODED = re.compile(r"^(?:(sasaran|tujuan)\s+)?(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$", re.IGNORECASE)


def _column_jabatan(grid: Grid, i: int, j: int) -> str | None:
    """The position title printed above a cell in its column (cascading tables head columns with them)."""
    for k in range(i - 1, -1, -1):
        t = grid.text(k, j)
        if t and t == t.upper() and _POSITION.match(t):
            return t
    return None


def table_nodes(grid: Grid, codes: dict[str, TreeNode], start: int = 0) -> list[TreeNode]:
    """Nodes of a cascading table from its numbering: "SASARAN 1." is a sasaran, "1.1." an indicator
    under it, "1.1.1." one under that; a number printed again lower down (under the next position)
    hangs under its first printing. `codes` maps the codes seen so far (earlier pages too) to nodes."""
    nodes: list[TreeNode] = []
    for i in range(grid.n_rows):
        for j in range(grid.n_cols):
            m = _CODED.match(grid.text(i, j)) if grid.is_origin(i, j) else None
            if not m or (not m.group(1) and "." not in m.group(2)) or not re.search(r"[A-Za-z]{3}", m.group(3)):
                continue  # a bare "1." is a list item; "12.5 %" a value
            code, text = m.group(2), clean_indicator_name(m.group(3))
            bbox = grid.cell(i, j).bbox
            same = codes.get(code)  # the same number printed higher up: cascaded down from there
            if same and (same.page < grid.page or same.bbox[3] <= bbox[1] + 1):
                parent = same
            else:
                parent = codes.get(code.rsplit(".", 1)[0]) if "." in code else None
            level = parent.level + 1 if parent else code.count(".")
            if m.group(1):
                sasaran, indicator = text, None
            else:
                sasaran, indicator = (parent.sasaran if parent else None), text
            node = TreeNode(f"n{grid.page}-{start + len(nodes) + 1}", parent.node_id if parent else None, level,
                            _column_jabatan(grid, i, j), sasaran, indicator, grid.page, bbox)
            codes[code] = node
            nodes.append(node)
    return nodes


class TreeExtractor(TableExtractor):
    name = "tree"
    doc_types = ("POHON_KINERJA", "CASCADING")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._codes: dict[str, TreeNode] = {}  # numbered nodes of a cascading table, across its pages
        self._table_page = False  # the page being read is drawn as a table (a cascading table)

    def read_diagram(self, page) -> PageResult | None:
        """A page of two or more boxes, box by box; a table page (or a page without boxes) the table way."""
        self._table_page = _is_table_page(page)
        if self._table_page:
            return None
        nodes, contents = build_tree(page, page.extract_words())
        if len(nodes) < 2:
            return None
        result = PageResult(page.page_number, tree=nodes)
        for c in contents:  # a diagram has no caption: targets are for the document's year unless they say
            for name, target, qualifier in c.indicators:
                v = self._value(name, target, qualifier, c, self.info.year, page.page_number)
                if v is not None:
                    result.values.append(v)
        return result

    def table_tree(self, grid: Grid, start: int) -> list[TreeNode]:
        """A cascading table's tree, from the numbering it prints."""
        return table_nodes(grid, self._codes, start) if self._table_page else []

    @staticmethod
    def _value(name: str, target: list[dict], qualifier: str, box: Box, year: int | None, number: int) -> ExtractedValue | None:
        if not target or len(name) < 3:
            return None
        m = _YEAR_SUFFIX.fullmatch(target[-1]["text"])
        if m and len(target) > 1:  # "200 ORANG (2026)": the year the target is for
            year, target = int(m.group(1)), target[:-1]
        elif re.fullmatch(YEAR, qualifier):  # "Target 2024 : 80 %"
            year = int(qualifier)
        text = _text(target).strip()
        if text.startswith("(") and text.endswith(")"):
            text = text[1:-1].strip()
        parsed = _number(text) or parse_value(text)
        if not parsed.text:
            return None
        bbox = bbox_union((w["x0"], w["top"], w["x1"], w["bottom"]) for w in target)
        return ExtractedValue(name, box.sasaran, box.jabatan, year, None, "target", parsed.value, parsed.text, parsed.unit,
                              number, bbox, "pdfplumber-boxes", f"p{number}tree", parsed.guessed)

