"""Writing the sample set, the bad inputs and varied corpora, each PDF with its truth files."""
from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from .content import LAMPUNG, SUBKEG
from .documents import Opts, _iki_lampung, _iki_probolinggo, _lkip, _sample_docs
from .layout import Doc
from .truth import BUDGET_COLUMNS, BUDGET_FILE, TREE_COLUMNS, TREE_FILE, TRUTH_COLUMNS, TRUTH_FILE


def _write_csv(path: Path, cols, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})


def _emit(out_dir: Path, docs: list[Doc]) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in docs:
        p = out_dir / d.name
        p.write_bytes(d.save())
        paths.append(p)
    _write_csv(out_dir / TRUTH_FILE, TRUTH_COLUMNS, [r for d in docs for r in d.truth])
    _write_csv(out_dir / BUDGET_FILE, BUDGET_COLUMNS, [r for d in docs for r in d.budget])
    _write_csv(out_dir / TREE_FILE, TREE_COLUMNS, [r for d in docs for r in d.tree])
    return paths


def write_samples(out_dir: Path) -> list[Path]:
    """Write the sample PDFs and out_dir/sample_truth.csv; return the PDF paths. Deterministic
    (same bytes each run). Also writes out_dir/sample_budget_truth.csv (money is not in the truth)
    and out_dir/sample_tree_truth.csv (the boxes of the pohon kinerja and their parents)."""
    return _emit(Path(out_dir), _sample_docs())


def _scan_pdf() -> bytes:
    """Two pages that are only images of a rendered IKI table: no text layer at all."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    import reportlab
    fonts = Path(reportlab.__file__).parent / "fonts"
    font = ImageFont.truetype(str(fonts / "Vera.ttf"), 15)
    bold = ImageFont.truetype(str(fonts / "VeraBd.ttf"), 16)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    for (jab, _, _, _, groups) in LAMPUNG[1:3]:
        img = Image.new("L", (1240, 1754), 255)
        g = ImageDraw.Draw(img)
        g.text((620, 120), "INDIKATOR KINERJA INDIVIDU (IKI)", font=bold, fill=0, anchor="mm")
        g.text((90, 180), f"Jabatan : {jab}", font=font, fill=0)
        xs, y = [80, 120, 400, 720, 840, 960, 1080, 1170], 240
        g.line((80, y, 1170, y), fill=0, width=2)
        for x, h in zip(xs, ("No", "Sasaran Kinerja", "Indikator Kinerja", "2023", "2024", "2025",
                             "2026")):
            g.text((x + 6, y + 8), h, font=bold, fill=0)
        y += 36
        for grp in groups:
            g.line((80, y, 1170, y), fill=0, width=1)
            cells = [grp[0], grp[1][:30], grp[2][:34], *grp[-1]]
            for x, s in zip(xs, cells):
                g.text((x + 6, y + 10), s, font=font, fill=0)
            y += 44
        g.line((80, y, 1170, y), fill=0, width=2)
        for x in xs:
            g.line((x, 240, x, y), fill=0, width=1)
        img = img.rotate(0.4, fillcolor=255)   # a scanner never feeds quite straight
        c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def write_bad_inputs(out_dir: Path) -> dict[str, Path]:
    """Bad inputs for tests: 'empty' (0 bytes), 'truncated' (a valid sample cut in half),
    'encrypted' (user password), 'not_pdf' (HTML named .pdf), 'scan' (image-only 2-page PDF), and the
    self-referencing PDFs of `hostile_pdfs` under their names."""
    from pypdf import PdfReader, PdfWriter
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    valid = _iki_lampung("bad_source.pdf", Opts(region="Kabupaten Lampung Barat", year=2023)).save()
    paths = {k: out_dir / f"bad_{k}.pdf" for k in ("empty", "truncated", "encrypted", "not_pdf",
                                                   "scan")}
    paths["empty"].write_bytes(b"")
    paths["truncated"].write_bytes(valid[: len(valid) // 2])
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(valid)))
    w.encrypt(user_password="rahasia", owner_password="pemilik", algorithm="RC4-128")
    with paths["encrypted"].open("wb") as fh:
        w.write(fh)
    paths["not_pdf"].write_text("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
                                "<body><h1>Not Found</h1><p>The requested URL /esakip/dokumen/"
                                "lkip_2025.pdf was not found on this server.</p></body></html>\n",
                                encoding="utf-8")
    paths["scan"].write_bytes(_scan_pdf())
    for kind, data in hostile_pdfs().items():
        paths[kind] = out_dir / f"bad_{kind}.pdf"
        paths[kind].write_bytes(data)
    return paths


def _pdf(objects: dict[int, bytes], prev_self: bool = False) -> bytes:
    """A PDF of these objects with a correct cross-reference table (catalog 1); `prev_self`: the trailer's
    /Prev names the table itself."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objects[num])
    size, xref = max(objects) + 1, len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 00000 f \n" for n in range(1, size))
    prev = b" /Prev %d" % xref if prev_self else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, prev, xref)
    return bytes(out)


def _pdf_with_object_stream(objects: dict[int, bytes], packed: dict[int, bytes]) -> bytes:
    """A PDF 1.5 whose `packed` objects sit in a Flate object stream, found through a cross-reference stream."""
    import zlib

    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    stm, xref_num = max([*objects, *packed]) + 1, max([*objects, *packed]) + 2
    header = b" ".join(b"%d %d" % (n, k * 16) for k, n in enumerate(packed))
    body = b"".join(packed[n].ljust(16) for n in packed)
    first = len(header) + 1
    data = zlib.compress(header + b"\n" + body)
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (num, objects[num])
    offsets[stm] = len(out)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (stm, len(packed), first, len(data))
    out += data + b"\nendstream\nendobj\n"
    offsets[xref_num] = xref = len(out)
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]
    for n in range(1, xref_num + 1):
        if n in offsets:
            rows.append(b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00")
        elif n in packed:
            rows.append(b"\x02" + stm.to_bytes(4, "big") + list(packed).index(n).to_bytes(2, "big"))
        else:
            rows.append(b"\x00\x00\x00\x00\x00\xff\xff")
    table = b"".join(rows)
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % (xref_num, xref_num + 1, len(table))
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def hostile_pdfs() -> dict[str, bytes]:
    """Small PDFs whose structure refers to itself, each a page of text that would otherwise read. Without a
    check, the first two hold a worker until its timeout (pdfminer follows the reference chain forever) and
    the others crash or recurse in the parser: 'ref_self' (the page's MediaBox is an object that is a
    reference to itself), 'root_self' (so is the catalog), 'kids_self' and 'kids_cycle' (a page tree node
    among its own Kids, directly or through a child), 'objstm_kids_self' (the same, packed in an object
    stream), 'parent_self' (a page that is its own Parent), 'contents_self' (a Contents array holding
    itself), 'length_self' (a stream whose Length is the stream), 'form_self' (a form XObject that draws
    itself), 'xref_self' (a trailer whose /Prev is its own cross-reference table)."""
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>")
    text = b"BT /F1 12 Tf 72 760 Td (LAPORAN KINERJA INSTANSI PEMERINTAH 2025) Tj ET"
    contents = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    ok = {1: catalog, 2: pages, 3: page, 4: contents, 5: font}
    return {
        "ref_self": _pdf({**ok, 3: page.replace(b"/MediaBox [0 0 595 842]", b"/MediaBox 6 0 R"), 6: b"6 0 R"}),
        "root_self": _pdf({**ok, 1: b"1 0 R"}),
        "objstm_kids_self": _pdf_with_object_stream({k: v for k, v in ok.items() if k > 2},
                                                    {1: catalog, 2: b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"}),
        "kids_self": _pdf({**ok, 2: b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"}),
        "kids_cycle": _pdf({**ok, 2: b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>", 6: b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 2 0 R] /Count 1 >>"}),
        "parent_self": _pdf({**ok, 3: page.replace(b"/Parent 2 0 R", b"/Parent 3 0 R")}),
        "contents_self": _pdf({**ok, 3: page.replace(b"/Contents 4 0 R", b"/Contents 6 0 R"), 6: b"[4 0 R 6 0 R]"}),
        "length_self": _pdf({**ok, 4: b"<< /Length 4 0 R >>\nstream\n%s\nendstream" % text}),
        "form_self": _pdf({**ok, 3: page.replace(b"/Font << /F1 5 0 R >>", b"/Font << /F1 5 0 R >> /XObject << /X 6 0 R >>"),
                           4: b"<< /Length 16 >>\nstream\n/X Do %s\nendstream" % b"          ",
                           6: b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X 6 0 R >> >> /Length 5 >>\nstream\n/X Do\nendstream"}),
        "xref_self": _pdf(ok, prev_self=True),
    }


REGIONS = ("Kota Bekasi", "Kota Depok", "Kabupaten Bogor", "Kabupaten Lampung Barat",
           "Kabupaten Tanggamus", "Kota Probolinggo", "Kabupaten Pesawaran", "Kota Bandar Lampung",
           "Kabupaten Garut", "Kota Malang", "Kabupaten Sleman", "Kota Semarang", "Kabupaten Bandung",
           "Kota Cimahi", "Kabupaten Sumedang")


def write_corpus(out_dir: Path, n: int, seed: int = 0) -> list[Path]:
    """n varied documents (for scale benchmarks) from the same families, with agency, years,
    numbers, row counts and layout options drawn from random.Random(seed); also writes
    out_dir/sample_truth.csv (and sample_budget_truth.csv) for them."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        family = rng.choices(("lkip", "iki", "ikiformula"), weights=(5, 4, 1))[0]
        region = rng.choice(REGIONS)
        o = Opts(region=region, rng=rng, size=rng.choice((7, 7.5, 8, 8.5)),
                 numbering=rng.choice(("paren", "minus")), shade=rng.random() < 0.7,
                 landscape=rng.random() < 0.6, repeat_head=rng.random() < 0.7,
                 borderless=rng.choice(("ppks", "ppks", "tw3", "annual", "narrow")),
                 long_rows=rng.randint(5, len(SUBKEG)), jabatan=rng.randint(3, len(LAMPUNG)))
        slug = region.split(" ", 1)[1].lower().replace(" ", "_")
        if family == "lkip":
            o.year = rng.randint(2019, 2025)
            docs.append(_lkip(f"c{i:04d}_{slug}_lkip_{o.year}.pdf", o))
        elif family == "iki":
            o.year = rng.randint(2019, 2024)
            docs.append(_iki_lampung(f"c{i:04d}_{slug}_iki_{o.year}_{o.year + 3}.pdf", o))
        else:
            docs.append(_iki_probolinggo(f"c{i:04d}_{slug}_iki_eselon_iii_iv.pdf", o))
    return _emit(Path(out_dir), docs)
