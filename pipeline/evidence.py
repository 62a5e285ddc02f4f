"""The reviewer's evidence: a document's pages and the crops around its cells, rendered with pdfium.

Images are content-addressed: a file's name is the digest of what it shows (the PDF's sha256, the page, the
region, the box drawn, the scale and this module's drawing version), so an image is written once and every
later run that needs it finds it on disk. Boxes are PDF points from the page's top-left, as every curated table
holds them (pdfplumber's coordinates: the MediaBox's corner, the page as displayed).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .store import write_atomic

DRAWING_VERSION = "3"  # change when what an image shows changes: every image is renamed, so drawn again
PAGE_SCALE = 1.5  # whole pages: 108 dpi, a page fits a screen's width and its numbers can be read
CROP_SCALE = 2.0  # crops: 144 dpi, so a 7 pt digit is plainly legible
PNG_COMPRESSION = 1  # zlib level: encoding at 6 took 40 % of writing the report (real corpus), for files 23 % smaller
CROP_ABOVE_PT = 48.0  # context above the cell (the row above it, usually the column's header)
CROP_BELOW_PT = 24.0
CROP_LEFT_PT = 360.0  # context left of the cell: the row's indicator name, on a landscape page too
CROP_RIGHT_PT = 120.0
BOX_COLOUR = (214, 39, 40)  # the cell a finding is about
BOX_WIDTH_PX = 3
_BOX_INDEX = 255  # the palette entry of the box in a crop


Box = tuple[float, float, float, float]


def image_name(sha256: str, page: int, what: str, box: Box | None = None) -> str:
    recipe = f"{DRAWING_VERSION}|{sha256}|{page}|{what}|{'' if box is None else ','.join(f'{v:.2f}' for v in box)}"
    return hashlib.sha256(recipe.encode()).hexdigest()[:24] + ".png"


@dataclass(frozen=True)
class PageView:
    """A page rendered whole: its image and the size (points) that boxes are placed in, as percentages."""

    image: str
    width: float
    height: float
    dx: float  # where the displayed page's top-left corner is in the boxes' coordinates (0, 0 but for
    dy: float  # a MediaBox not at the origin, or a CropBox smaller than the page)

    def place(self, box) -> dict:
        """A box as CSS percentages of the page image."""
        x0, top, x1, bottom = (float(v) for v in box)
        return {"left": 100 * (x0 - self.dx) / self.width, "top": 100 * (top - self.dy) / self.height,
                "width": 100 * (x1 - x0) / self.width, "height": 100 * (bottom - top) / self.height}


@dataclass
class Wanted:
    """What one document's report needs rendered: whole pages, and crops by page and cell box."""

    pages: set[int] = field(default_factory=set)
    crops: set[tuple[int, Box]] = field(default_factory=set)


@dataclass
class Rendered:
    pages: dict[int, PageView] = field(default_factory=dict)
    crops: dict[tuple[int, Box], str] = field(default_factory=dict)
    error: str | None = None  # why nothing could be rendered (the file changed or went since it was read)


def render_document(pdf: Path, sha256: str, wanted: Wanted, img_dir: Path) -> Rendered:
    """Render what `wanted` names that `img_dir` lacks; the names (and page geometry) of all of it."""
    import pypdfium2 as pdfium

    out = Rendered()
    try:
        doc = pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as exc:
        out.error = f"cannot open {pdf.name} to show its pages: {exc}"
        return out
    try:
        n = len(doc)
        for page_no in sorted(wanted.pages | {p for p, _ in wanted.crops}):
            if not 1 <= page_no <= n:
                continue
            page = doc[page_no - 1]
            try:
                view = _view(page, sha256, page_no)
                if page_no in wanted.pages:
                    out.pages[page_no] = view
                    if not (img_dir / view.image).exists():
                        _save(page.render(scale=PAGE_SCALE, grayscale=True).to_pil(), img_dir / view.image)
                for p, box in wanted.crops:
                    if p == page_no:
                        out.crops[(p, box)] = _crop(page, view, sha256, page_no, box, img_dir)
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        out.error = f"pdfium could not render {pdf.name}: {exc}"
    finally:
        doc.close()
    return out


def _view(page, sha256: str, page_no: int) -> PageView:
    width, height = page.get_size()
    _, mb, _, mt = page.get_mediabox()
    cl, _, _, ct = page.get_cropbox()
    # pdfplumber places x as the PDF does and top as the MediaBox's height less y (its bottom edge not
    # subtracted); pdfium shows the CropBox from its top-left corner
    return PageView(image_name(sha256, page_no, "page"), width, height, cl, mt - ct - mb)


def _crop(page, view: PageView, sha256: str, page_no: int, box: Box, img_dir: Path) -> str:
    """The cell's rows with a little above and below, from the row's name on the left to a column or two right
    of the cell (a portrait page's whole width), the cell's box drawn."""
    name = image_name(sha256, page_no, "crop", box)
    if (img_dir / name).exists():
        return name
    from PIL import Image, ImageDraw

    x0, top, x1, bottom = box[0] - view.dx, box[1] - view.dy, box[2] - view.dx, box[3] - view.dy
    upper = max(0.0, top - CROP_ABOVE_PT)
    lower = min(view.height, bottom + CROP_BELOW_PT)
    left, right = max(0.0, x0 - CROP_LEFT_PT), min(view.width, x1 + CROP_RIGHT_PT)
    grey = page.render(scale=CROP_SCALE, crop=(left, view.height - lower, view.width - right, upper), grayscale=True).to_pil()
    # the grey page as a palette image whose last entry is the box's colour: one red box on grey text, without
    # quantizing (a third of the time a crop took) and at the bytes of a grey image
    image = Image.frombytes("P", grey.size, grey.point(lambda v: min(v, _BOX_INDEX - 1)).tobytes())
    image.putpalette([v for g in range(_BOX_INDEX) for v in (g, g, g)] + list(BOX_COLOUR))
    s = CROP_SCALE
    ImageDraw.Draw(image).rectangle([(x0 - left) * s - 2, (top - upper) * s - 2, (x1 - left) * s + 2, (bottom - upper) * s + 2],
                                    outline=_BOX_INDEX, width=BOX_WIDTH_PX)
    _save(image, img_dir / name)
    return name


def _save(image, path: Path) -> None:
    write_atomic(path, lambda f: image.save(f, "PNG", compress_level=PNG_COMPRESSION))
