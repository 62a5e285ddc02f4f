"""Pohon kinerja / cascading diagrams: boxes, their parents and levels, and the targets they print."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from extractors.document import DocumentInfo
from extractors.families import extractor_for
from extractors.diagram import drop_frames, line_closed_boxes, link_boxes, merge_stacked, nearest_above, shape_boxes
from extractors.grid import Cell, Grid
from extractors.tree import TreeExtractor, box_content, build_tree, table_nodes
from pipeline.devtools.bench.accuracy import score
from pipeline.extract import extract_document
from pipeline.publish import results_to_frames, validate
from pipeline.devtools.samples import SAMPLE_NAMES
from pipeline.devtools.samples.documents import _pohon

POHON = next(n for n in SAMPLE_NAMES if "pohon" in n)
DISBUN = "jabar_disbun_pohon_kinerja_2016.pdf"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _flat(text) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="module")
def pohon(sample_dir):
    return extract_document(sample_dir / POHON)


def test_tree_documents_get_the_tree_extractor():
    assert isinstance(extractor_for(DocumentInfo("POHON_KINERJA", None, None, None, None)), TreeExtractor)
    assert isinstance(extractor_for(DocumentInfo("CASCADING", None, None, None, None)), TreeExtractor)


def test_sample_boxes_parents_and_levels_match_the_truth(pohon, sample_dir):
    truth = _rows(sample_dir / "sample_tree_truth.csv")
    assert pohon.status == "ok" and pohon.document["doc_type"] == "POHON_KINERJA"
    nodes = pohon.tree
    assert len(nodes) == len(truth) and len({n["node_id"] for n in nodes}) == len(nodes)
    assert all(n["node_id"].startswith("n1-") and n["page"] == 1 for n in nodes)
    by_sasaran = {_flat(n["sasaran"]): n for n in nodes}
    by_id = {n["node_id"]: n for n in nodes}
    truth_by_key = {t["node"]: t for t in truth}
    for t in truth:
        n = by_sasaran[_flat(t["sasaran"])]
        assert _flat(n["indicator_name"]) == _flat(t["indicator"])
        assert _flat(n["jabatan"]) == _flat(t["jabatan"])
        assert n["level"] == int(t["level"])
        if t["parent"]:
            parent = by_id[n["parent_node_id"]]
            assert _flat(parent["sasaran"]) == _flat(truth_by_key[t["parent"]]["sasaran"])
        else:
            assert n["parent_node_id"] is None


def test_sample_rows_pass_the_curated_schemas(pohon):
    tables = validate(results_to_frames([pohon]))
    assert len(tables["performance_tree"]) == len(pohon.tree)
    assert len(tables["indicator_values"]) == len(pohon.values)
    failures = tables["validation_failures"]
    assert not (failures["severity"] == "error").any(), failures.to_dict("records")[:3]


def test_sample_node_ids_are_stable(sample_dir):
    with pdfplumber.open(sample_dir / POHON) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        first, _ = build_tree(page, words)
        again, _ = build_tree(page, list(reversed(words)))
    assert [(n.node_id, n.parent_node_id, n.sasaran) for n in first] == [(n.node_id, n.parent_node_id, n.sasaran) for n in again]


def test_a_frame_around_the_diagram_changes_nothing(sample_dir):
    def tree(framed: bool):
        d = _pohon("framed.pdf")
        if framed:
            d.c.rect(15, 15, d.w - 30, d.h - 30, stroke=1, fill=0)
        with pdfplumber.open(io.BytesIO(d.save())) as pdf:
            page = pdf.pages[0]
            return [(n.node_id, n.parent_node_id, n.level) for n in build_tree(page, page.extract_words())[0]]

    assert tree(True) == tree(False)


def test_a_position_box_heads_the_boxes_under_it():
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(400, 300))
    c.setFont("Helvetica", 8)
    for x, y, w, h, lines in ((150, 250, 100, 20, ["SEKRETARIS"]),
                              (100, 150, 200, 60, ["SASARAN :", "Meningkatnya Disiplin Aparatur", "INDIKATOR :",
                                                   "Persentase ASN disiplin", "Target : 90 %"])):
        c.rect(x, y, w, h)
        for k, line in enumerate(lines):
            c.drawString(x + 4, y + h - 10 - 9 * k, line)
    c.line(200, 250, 200, 210)
    c.save()
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        page = pdf.pages[0]
        nodes, boxes = build_tree(page, page.extract_words())
    assert [(n.node_id, n.parent_node_id, n.level, n.jabatan) for n in nodes] == [
        ("n1-1", None, 0, "SEKRETARIS"), ("n1-2", "n1-1", 1, "SEKRETARIS")]
    assert (nodes[1].sasaran, nodes[1].indicator_name) == ("Meningkatnya Disiplin Aparatur", "Persentase ASN disiplin")


def test_sample_targets_match_the_truth(pohon, sample_dir):
    truth = [r for r in _rows(sample_dir / "sample_truth.csv") if r["file"] == POHON]
    got = {(_flat(v["indicator_name"]), v["year"], v["value"], v["value_text"], v["unit"], _flat(v["sasaran"]), _flat(v["jabatan"]))
           for v in pohon.values}
    want = {(_flat(r["indicator"]), int(r["year"]), float(r["value"]), r["value_text"], r["unit"], _flat(r["sasaran"]), _flat(r["jabatan"]))
            for r in truth}
    assert got == want and len(pohon.values) == len(truth)
    assert {v["extractor"] for v in pohon.values} == {"pdfplumber-boxes"} and {v["table"] for v in pohon.values} == {"p1tree"}
    assert {v["measure"] for v in pohon.values} == {"target"}
    with pdfplumber.open(sample_dir / POHON) as pdf:  # the bbox is where the target is printed
        page = pdf.pages[0]
        for v in pohon.values:
            assert _flat(page.within_bbox(tuple(v["bbox"])).extract_text()) == v["value_text"]


def test_box_geometry_on_hand_built_shapes():
    def r(x0, top, x1, bottom):
        return {"x0": x0, "top": top, "x1": x1, "bottom": bottom}

    frame = r(0, 0, 600, 400)
    left, right = r(50, 20, 200, 80), r(350, 20, 500, 80)
    strip, body = r(60, 150, 190, 165), r(60, 165, 190, 220)  # a title strip on a body: one box
    drawn = [r(300, 150, 450, 150), r(300, 220, 450, 220), r(300, 150, 300, 220), r(450, 150, 450, 220)]  # four lines
    boxes = drop_frames(merge_stacked(shape_boxes([frame, left, right, strip, body], [], drawn)))
    assert sorted(boxes) == sorted([(50, 20, 200, 80), (350, 20, 500, 80), (60, 150, 190, 220), (300, 150, 450, 220)])
    assert line_closed_boxes(drawn) == [(300, 150, 450, 220)]
    boxes = sorted(boxes, key=lambda b: (b[1], b[0]))  # left, right, strip+body, line box
    # an elbow connector from the right box down to the box under the left one (crossing over)
    elbow = [(425, 80, 425, 110), (125, 110, 425, 110), (125, 110, 125, 150)]
    parents, touched = link_boxes(boxes, elbow)
    assert parents == {2: 1} and touched == {1, 2}
    assert nearest_above(boxes, 2) == 0  # without the connector, the box straight above
    assert nearest_above(boxes, 3) == 1
    assert nearest_above(boxes, 0) is None


def _words(lines: list[str]) -> list[dict]:
    out = []
    for i, line in enumerate(lines):
        x = 10.0
        for w in line.split():
            out.append({"text": w, "x0": x, "x1": x + 5 * len(w), "top": 10.0 + 9 * i, "bottom": 17.0 + 9 * i})
            x += 5 * len(w) + 3
    return out


def test_box_labels():
    box = box_content(_words(["MENINGKATNYA KUALITAS", "SDM PPKS", "IK:Jumlah PPKS Keluar", "Dari DTKS",
                              "Target : 2 %", "KEPALA BIDANG PEMBERDAYAAN", "SOSIAL", "*CROSSCUTTING DENGAN X"]), (0, 0, 1, 1))
    assert box.sasaran == "MENINGKATNYA KUALITAS SDM PPKS"
    assert box.jabatan == "KEPALA BIDANG PEMBERDAYAAN SOSIAL"
    (name, target, _), = box.indicators
    assert name == "Jumlah PPKS Keluar Dari DTKS" and [w["text"] for w in target] == ["2", "%"]
    box = box_content(_words(["Sasaran Strategis-2: Meningkatnya Daya Saing", "Indikator Kinerja Utama (IKU): Nilai Tukar",
                              "Petani (NTP) (1%)"]), (0, 0, 1, 1))
    assert box.sasaran == "Meningkatnya Daya Saing"
    (name, target, _), = box.indicators
    assert name == "Nilai Tukar Petani (NTP)" and [w["text"] for w in target] == ["(1%)"]
    box = box_content(_words(["Indikator 8", "Persentase Jumlah Benih"]), (0, 0, 1, 1))
    assert box.sasaran is None and box.indicators[0][:2] == ("Persentase Jumlah Benih", [])
    box = box_content(_words(["SEKRETARIS", "SASARAN :", "Meningkatnya Disiplin Aparatur", "Target 2025 : 80 %"]), (0, 0, 1, 1))
    assert (box.jabatan, box.sasaran, box.indicators) == ("SEKRETARIS", "Meningkatnya Disiplin Aparatur", [])
    box = box_content(_words(["KEPALA SUBBAGIAN UMUM", "SASARAN", "1 Tersedianya Jasa Komunikasi,", "Air dan Listrik",
                              "2 Tersedianya Alat Tulis Kantor", "INDIKATOR :", "1 Jumlah jaringan komunikasi, air",
                              "dan listrik", "2 Jumlah alat tulis kantor"]), (0, 0, 1, 1))
    assert box.jabatan == "KEPALA SUBBAGIAN UMUM"
    assert box.sasaran == "Tersedianya Jasa Komunikasi, Air dan Listrik; Tersedianya Alat Tulis Kantor"
    assert [i[0] for i in box.indicators] == ["Jumlah jaringan komunikasi, air dan listrik", "Jumlah alat tulis kantor"]


def test_cascading_table_levels_from_its_numbering():
    texts = [["KEPALA BADAN X", None],
             ["SASARAN 1. Meningkatnya A", "SASARAN 2. Meningkatnya B"],
             ["1.1. Persentase A", "2.1 Jumlah B"],
             ["KEPALA BIDANG A", "KEPALA BIDANG B"],
             ["1.1. Persentase A", "1. a list item"],
             ["1.1.1. Jumlah C", "2.1.1. Jumlah D"]]
    rows = []
    for i, row in enumerate(texts):
        rows.append([Cell(t, (100.0 * j, 20.0 * i, 100.0 * j + 90, 20.0 * i + 15), i, j) if t else None for j, t in enumerate(row)])
    rows[0][1] = rows[0][0]  # the head spans both columns
    codes: dict = {}
    nodes = table_nodes(Grid(1, (0, 0, 200, 120), rows, "pdfplumber-lattice"), codes)
    got = {(n.node_id, n.parent_node_id, n.level, n.jabatan, n.sasaran, n.indicator_name) for n in nodes}
    assert got == {
        ("n1-1", None, 0, "KEPALA BADAN X", "Meningkatnya A", None),
        ("n1-2", None, 0, "KEPALA BADAN X", "Meningkatnya B", None),
        ("n1-3", "n1-1", 1, "KEPALA BADAN X", "Meningkatnya A", "Persentase A"),
        ("n1-4", "n1-2", 1, "KEPALA BADAN X", "Meningkatnya B", "Jumlah B"),
        ("n1-5", "n1-3", 2, "KEPALA BIDANG A", "Meningkatnya A", "Persentase A"),  # cascaded down
        ("n1-6", "n1-5", 3, "KEPALA BIDANG A", "Meningkatnya A", "Jumlah C"),
        ("n1-7", "n1-4", 2, "KEPALA BIDANG B", "Meningkatnya B", "Jumlah D"),
    }
    assert codes["1.1"].node_id == "n1-5"


@pytest.mark.corpus
def test_disbun_box_diagram_gives_a_tree_and_scored_targets(corpus):
    result = extract_document(corpus / "real" / DISBUN)
    nodes = result.tree
    assert len(nodes) >= 20 and sum(n["parent_node_id"] is None for n in nodes) == 1
    assert max(n["level"] for n in nodes) >= 4
    truth = pd.read_csv(corpus / "real_truth_dev.csv", dtype={"value_text": str, "period": str, "value": str})
    truth = truth[truth["file"] == DISBUN]
    total = score(pd.DataFrame(result.values), truth).set_index("file").loc["TOTAL"]
    assert total["recall"] >= 0.9 and total["precision"] >= 0.9
