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
    'encrypted' (user password), 'not_pdf' (HTML named .pdf), 'scan' (image-only 2-page PDF)."""
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
    return paths


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
