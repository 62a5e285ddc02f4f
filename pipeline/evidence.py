"""The reviewer's evidence: a document's pages and the crops around its cells, rendered with pdfium.

Images are content-addressed: a file's name is the digest of what it shows (the PDF's sha256, the page, the
region, the box drawn, the scale and this module's drawing version), so an image is written once and every
later run that needs it finds it on disk. Boxes are PDF points from the page's top-left, as every curated table
holds them (pdfplumber's coordinates: the MediaBox's corner, the page as displayed).

What drawing costs (the real corpus's 146 pages and 362 crops): a page is loaded once for all its images; the
crops of a page are cut from one rendering of the band of the page they lie in (rendering each crop apart took
three times as long: pdfium walks the whole page for every rendering); every image is a palette PNG (no PNG
row filters to try: encoding a page took half the time, for files 10 % larger); and an image is not flushed to
disk one by one (the fsync of each was a quarter of the drawing) but checked when found: a file a crash cut
short lacks the PNG's end and is drawn again.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections import Counter, defaultdict
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

DRAWING_VERSION = "3"  # change when what an image shows changes: every image is renamed, so drawn again
PAGE_SCALE = 1.5  # whole pages: 108 dpi, a page fits a screen's width and its numbers can be read
CROP_SCALE = 2.0  # crops: 144 dpi, so a 7 pt digit is plainly legible
PNG_COMPRESSION = 1  # zlib level: encoding at 6 took 40 % of writing the report (real corpus), for files 23 % smaller
CROP_ABOVE_PT = 48.0  # context above the cell (the row above it, usually the column's header)
CROP_BELOW_PT = 24.0
CROP_LEFT_PT = 360.0  # context left of the cell: the row's indicator name, on a landscape page too
CROP_RIGHT_PT = 120.0
BAND_GAP_PT = CROP_ABOVE_PT + CROP_BELOW_PT  # crops this close (vertically) are cut from one rendering
BOX_COLOUR = (214, 39, 40)  # the cell a finding is about
BOX_WIDTH_PX = 3
_BOX_INDEX = 255  # the palette entry of the box in a crop
_GREY = [v for g in range(256) for v in (g, g, g)]  # a page's palette: entry g is grey level g
_CROP_PALETTE = _GREY[: 3 * _BOX_INDEX] + list(BOX_COLOUR)  # the greys below the box's entry, then the box
_BELOW_BOX = [min(g, _BOX_INDEX - 1) for g in range(256)]  # the page's greys in a crop (white one step darker)
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the last 12 bytes of every whole PNG file


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

    def only(self, wanted: Wanted) -> "Rendered":
        """What of it `wanted` names."""
        return Rendered({p: v for p, v in self.pages.items() if p in wanted.pages},
                        {k: name for k, name in self.crops.items() if k in wanted.crops}, self.error)


def work(wanted: Wanted) -> int:
    """About how long a document's images take, in crops (a whole page costs three: rendered larger, encoded
    larger): the largest documents are drawn first, so that no long one runs alone at the end."""
    return 3 * len(wanted.pages) + len(wanted.crops)


class Drawing:
    """Documents' images drawn in `workers` processes (pdfium is not thread-safe, and a page that pdfium takes
    badly costs a worker, not the run), or here with one. A document may be asked for more than once (what
    the extraction shows first, then what the checks found): `finished` gives each document's images once all
    its asks are drawn."""

    def __init__(self, img_dir: Path, workers: int):
        self.img_dir = Path(img_dir)
        self.img_dir.mkdir(parents=True, exist_ok=True)
        self._pool = None
        if workers > 1:
            import multiprocessing as mp

            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("forkserver"))
        self._asks: dict[str, list[tuple[Wanted, Future | Rendered]]] = defaultdict(list)

    def draw(self, jobs: dict[str, tuple[Path, str, Wanted]]) -> None:
        """Draw each document's (pdf, sha256, wanted), the most work first."""
        for name, (pdf, sha256, wanted) in sorted(jobs.items(), key=lambda job: -work(job[1][2])):
            if self._pool is None:
                job = render_document(pdf, sha256, wanted, self.img_dir)
            else:
                job = self._pool.submit(render_document, pdf, sha256, wanted, self.img_dir)
            self._asks[name].append((wanted, job))

    def asked(self, name: str) -> Wanted:
        """Everything asked of a document so far."""
        out = Wanted()
        for wanted, _ in self._asks.get(name, ()):
            out.pages |= wanted.pages
            out.crops |= wanted.crops
        return out

    def finished(self) -> Iterator[tuple[str, Rendered]]:
        """Each document asked for, with its images, as soon as all its asks are drawn."""
        futures = {job: name for name, asks in self._asks.items() for _, job in asks if isinstance(job, Future)}
        pending = Counter(futures.values())
        for name in [n for n in self._asks if n not in pending]:
            yield name, self._merged(name)
        for future in as_completed(futures):
            name = futures[future]
            pending[name] -= 1
            if not pending[name]:
                yield name, self._merged(name)

    def _merged(self, name: str) -> Rendered:
        out = Rendered()
        for _, job in self._asks[name]:
            try:
                part = job.result() if isinstance(job, Future) else job
            except (BrokenProcessPool, OSError) as exc:
                part = Rendered(error=f"rendering its pages failed: {type(exc).__name__}")
            out.pages.update(part.pages)
            out.crops.update(part.crops)
            out.error = out.error or part.error
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()


def render_document(pdf: Path, sha256: str, wanted: Wanted, img_dir: Path) -> Rendered:
    """Render what `wanted` names that `img_dir` lacks; the names (and page geometry) of all of it."""
    import pypdfium2 as pdfium

    out = Rendered()
    img_dir = Path(img_dir)
    img_dir.mkdir(parents=True, exist_ok=True)
    try:
        doc = pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as exc:
        out.error = f"cannot open {pdf.name} to show its pages: {exc}"
        return out
    crops_of: dict[int, list[Box]] = {}
    for p, box in wanted.crops:
        crops_of.setdefault(p, []).append(box)
    try:
        n = len(doc)
        for page_no in sorted(wanted.pages | set(crops_of)):
            if not 1 <= page_no <= n:
                continue
            page = doc[page_no - 1]
            try:
                view = _view(page, sha256, page_no)
                if page_no in wanted.pages:
                    out.pages[page_no] = view
                    if not drawn(img_dir / view.image):
                        _save(_page_image(page), img_dir / view.image)
                missing = []
                for box in crops_of.get(page_no, ()):
                    left, upper, right, lower = crop_region(view, box)
                    if min(right - left, lower - upper) * CROP_SCALE < 2:
                        continue  # a box off the page: no crop to show
                    out.crops[(page_no, box)] = name = image_name(sha256, page_no, "crop", box)
                    if not drawn(img_dir / name):
                        missing.append((box, img_dir / name))
                _draw_crops(page, view, missing)
            finally:
                page.close()
    except pdfium.PdfiumError as exc:
        out.error = f"pdfium could not render {pdf.name}: {exc}"
    finally:
        doc.close()
    return out


def drawn(path: Path) -> bool:
    """Whether the image is on disk whole (a PNG's end: images are not flushed one by one, so a crash may
    leave a file cut short, which is drawn again)."""
    try:
        with open(path, "rb") as f:
            f.seek(-len(_PNG_END), os.SEEK_END)
            return f.read() == _PNG_END
    except OSError:  # not there, or shorter than the end itself
        return False


def _view(page, sha256: str, page_no: int) -> PageView:
    width, height = page.get_size()
    _, mb, _, mt = page.get_mediabox()
    cl, _, _, ct = page.get_cropbox()
    # pdfplumber places x as the PDF does and top as the MediaBox's height less y (its bottom edge not
    # subtracted); pdfium shows the CropBox from its top-left corner
    return PageView(image_name(sha256, page_no, "page"), width, height, cl, mt - ct - mb)


def _page_image(page):
    """The page whole, in grey, as a palette image of its greys (the same pixels; a palette PNG's rows are
    not filtered, which halved encoding a page)."""
    from PIL import Image

    bitmap = page.render(scale=PAGE_SCALE, grayscale=True)
    image = Image.frombytes("P", (bitmap.width, bitmap.height), bytes(bitmap.buffer), "raw", "P", bitmap.stride)
    image.putpalette(_GREY)
    return image


def crop_region(view: PageView, box: Box) -> Box:
    """Where a cell's crop lies on the displayed page (points from its top-left): the cell's rows with a little
    above and below, from the row's name on the left to a column or two right of the cell (a portrait page's
    whole width)."""
    x0, top, x1, bottom = box[0] - view.dx, box[1] - view.dy, box[2] - view.dx, box[3] - view.dy
    return (max(0.0, x0 - CROP_LEFT_PT), max(0.0, top - CROP_ABOVE_PT), min(view.width, x1 + CROP_RIGHT_PT), min(view.height, bottom + CROP_BELOW_PT))


def bands(regions: list[Box], gap: float = BAND_GAP_PT) -> list[tuple[Box, list[int]]]:
    """Regions grouped into horizontal bands rendered once each: a region starting within `gap` of the band
    above joins it. Each band's extent (all its regions') and the regions' indices."""
    out: list[tuple[list[float], list[int]]] = []
    for k in sorted(range(len(regions)), key=lambda k: regions[k][1]):
        left, upper, right, lower = regions[k]
        if out and upper <= out[-1][0][3] + gap:
            extent, members = out[-1]
            extent[0], extent[2], extent[3] = min(extent[0], left), max(extent[2], right), max(extent[3], lower)
            members.append(k)
        else:
            out.append(([left, upper, right, lower], [k]))
    return [(tuple(extent), members) for extent, members in out]


def _pixels(region: Box, view: PageView, scale: float) -> tuple[int, int, int, int]:
    """A region's pixels in a rendering of the whole page at `scale`, as pdfium crops it (each margin rounded up)."""
    left, upper, right, lower = region
    width, height = math.ceil(view.width * scale), math.ceil(view.height * scale)
    return (math.ceil(left * scale), math.ceil(upper * scale),
            width - math.ceil((view.width - right) * scale), height - math.ceil((view.height - lower) * scale))


def _draw_crops(page, view: PageView, crops: list[tuple[Box, Path]]) -> None:
    """Each (cell box, file) crop with its box drawn, cut from one rendering per band of the page."""
    if not crops:
        return
    from PIL import Image, ImageDraw

    s = CROP_SCALE
    regions = [crop_region(view, box) for box, _ in crops]
    for extent, members in bands(regions):
        left, upper, right, lower = extent
        grey = page.render(scale=s, crop=(left, view.height - lower, view.width - right, upper), grayscale=True).to_pil()
        # the grey band as a palette image whose last entry is the box's colour: one red box on grey text,
        # without quantizing (a third of the time a crop took) and at the bytes of a grey image
        band = Image.frombytes("P", grey.size, grey.point(_BELOW_BOX).tobytes())
        band.putpalette(_CROP_PALETTE)
        bx, by, _, _ = _pixels(extent, view, s)
        for k in members:
            (box, path), region = crops[k], regions[k]
            x0, y0, x1, y1 = _pixels(region, view, s)
            image = band.crop((x0 - bx, y0 - by, x1 - bx, y1 - by))
            c0, top, c1, bottom = box[0] - view.dx, box[1] - view.dy, box[2] - view.dx, box[3] - view.dy
            r_left, r_upper = region[0], region[1]
            ImageDraw.Draw(image).rectangle([(c0 - r_left) * s - 2, (top - r_upper) * s - 2, (c1 - r_left) * s + 2, (bottom - r_upper) * s + 2],
                                            outline=_BOX_INDEX, width=BOX_WIDTH_PX)
            _save(image, path)


def _save(image, path: Path) -> None:
    """Written beside its name and renamed into place (a reader finds the image whole or not at all); not
    flushed to disk: a crash's cut-short file is found by `drawn` and drawn again."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        image.save(tmp, "PNG", compress_level=PNG_COMPRESSION)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
