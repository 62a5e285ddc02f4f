"""OCR of a scanned report's first pages, used only to read what the report is (cover, titles).

A scan has no text layer, so `describe_document` has nothing to read; this gives it the cover's lines.
No values come from here: a scan stays `needs_ocr`. The OCR package (rapidocr-onnxruntime: onnxruntime
with its detection and recognition models in the wheel) is optional: without it `cover_text` is None.

Its recogniser is trained mostly on Chinese and often runs Latin words together ("DINASSUMBERDAYA"), so
each detected line is cut into words at its blank columns and every word is recognised on its own.
"""

from __future__ import annotations

import logging
import time
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

log = logging.getLogger(__name__)

SCALE = 2.0  # page render scale (144 dpi): words are cut and recognised at this size
DET_SCALE = 1.0  # lines are found on a smaller copy: detection costs grow with the area
DET_MAX_SIDE = 1000  # and no larger than this (px) a side
DET_BAND, DET_OVERLAP = 480, 96  # px: the detector reads the page in overlapping bands. Its memory grows with
# the area (about 200 MB for an A4 page at DET_SCALE, 842 px high; 90 MB for a band); a line up to
# DET_OVERLAP high lies whole in one band
LINES = 20  # a cover's title block: lines read per page
ENOUGH_CHARS = 200  # a page giving fewer characters than this: the next page is read too
BLANK_BETWEEN_WORDS = 0.2  # a blank run at least this fraction of the line's height separates two words
INK, MIN_INK_PIXELS = 160, 50  # a page with fewer pixels darker than INK than this (at 72 dpi) is blank


@lru_cache(maxsize=1)
def _engine():
    try:
        from onnxruntime import InferenceSession
        from rapidocr_onnxruntime import RapidOCR
        from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH, read_yaml, update_model_path
    except ImportError:
        return None
    # one thread: documents already run in parallel workers, and more threads did not help on 2 cores.
    # The detector gets the page as `_page_text` sizes it, never enlarged (rapidocr's default enlarges the
    # short side to 736 px; with "max" it only shrinks images over 2000 px). Words are recognised one at a
    # time: in a batch each is padded to the widest, and the recogniser's cost grows faster than the width
    engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, rec_img_shape=[3, 48, 96], det_limit_type="max", rec_batch_num=1)
    # onnxruntime's memory pattern keeps the detector's largest activations allocated (a few hundred MB for
    # a page) for the worker's life, and rapidocr has no option for it: its detection and recognition
    # sessions are made again, before their first use, with the pattern off (the models are the wheel's)
    models = update_model_path(read_yaml(DEFAULT_CFG_PATH))
    for infer, key in ((engine.text_det.infer, "Det"), (engine.text_rec.session, "Rec")):
        opts = infer.session.get_session_options()
        opts.enable_mem_pattern = False
        infer.session = InferenceSession(models[key]["model_path"], sess_options=opts, providers=infer.session.get_providers())
    return engine


def cover_text(path: Path, pages: int = 3, timeout: float = 60.0, enough: Callable[[list[str]], bool] | None = None) -> list[str] | None:
    """The text of the first page, and of the next ones (up to `pages`) while what was read is not
    `enough` (default: fewer than ENOUGH_CHARS characters); one string per page, lines in reading order,
    the last page's ending with the line that made it enough. None when the OCR package is absent
    or the OCR failed. `timeout` is checked between pages: no page is started once it has passed."""
    enough = enough or (lambda texts: sum(len(t) for t in texts) >= ENOUGH_CHARS)
    engine = _engine()
    if engine is None:
        return None
    import pypdfium2 as pdfium

    start = time.monotonic()
    texts: list[str] = []
    try:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for k in range(min(pages, len(pdf))):
                texts.append("")
                for text in _page_text(engine, pdf[k]):
                    texts[-1] = text
                    if enough(texts):
                        return texts
                if time.monotonic() - start > timeout:
                    break
        finally:
            pdf.close()
    except Exception as exc:  # OCR is a bonus: a failure leaves the document as it was
        log.warning("%s: OCR of the cover failed: %s: %s", Path(path).name, type(exc).__name__, exc)
        return None
    return texts


def _page_text(engine, page) -> Iterator[str]:
    """The page's text so far, after each line read top to bottom: the caller stops reading once it has
    what it needs (recognition is most of the cost)."""
    import numpy as np

    image = page.render(scale=SCALE).to_pil().convert("RGB")
    f = SCALE / DET_SCALE
    f *= max(1.0, max(image.width, image.height) / f / DET_MAX_SIDE)  # a large page is shrunk further
    small = np.array(image.resize((round(image.width / f), round(image.height / f))))
    if (small.min(axis=2) < INK).sum() < MIN_INK_PIXELS:
        return  # a blank page (a cover's blank back): nothing for the detector to find
    boxes = detect(engine, small)
    if not boxes:
        return
    pixels = np.array(image)
    read: list[str] = []
    for line in _lines([b * f for b in boxes])[:LINES]:
        words = [[w for w in _words(c) if w.shape[1] > 2] for c in engine.get_crop_img_list(pixels, line)]
        found = iter(engine.text_rec([w for ws in words for w in ws])[0])
        boxes_text = [" ".join(t for _ in ws for t, score in [next(found)] if t and score >= 0.5) for ws in words]
        if text := " ".join(t for t in boxes_text if t):
            read.append(text)
        yield unicodedata.normalize("NFKC", "\n".join(read))


def detect(engine, image) -> list:
    """The page's text boxes, found band by band. A box is kept from the band whose core (the band less
    half the overlap at each inner edge) holds its middle: the cores tile the page, and a line up to
    DET_OVERLAP high cut by a band's edge has its middle outside that band's core (a taller one may be
    read twice, in halves)."""
    import numpy as np

    height, step, half = image.shape[0], DET_BAND - DET_OVERLAP, DET_OVERLAP / 2
    boxes = []
    for top in range(0, max(1, height - DET_OVERLAP), step):
        found, _ = engine.text_det(image[top : top + DET_BAND])
        low = top + half if top else 0
        high = top + DET_BAND - half if top + DET_BAND < height else height
        boxes += [b + np.array((0, top), b.dtype) for b in (found if found is not None else []) if low <= b[:, 1].mean() + top < high]
    return boxes


def _lines(boxes: list) -> list[list]:
    """Detected boxes (4 corner points each) grouped into lines, top to bottom, each line left to right:
    a box whose middle lies within the first box's height is on the same line."""
    lines: list[list] = []
    for b in sorted(boxes, key=lambda b: b[:, 1].min()):
        mid = b[:, 1].mean()
        if lines and lines[-1][0][:, 1].min() <= mid <= lines[-1][0][:, 1].max():
            lines[-1].append(b)
        else:
            lines.append([b])
    return [sorted(line, key=lambda b: b[:, 0].min()) for line in lines]


def _words(crop) -> list:
    """A line image cut into words at its wide blank column runs."""
    gray = crop.min(axis=2).astype(int)
    blank = ~(gray < (int(gray.max()) + int(gray.min())) // 2).any(axis=0)
    pieces, left, run = [], 0, None
    for x, b in enumerate([*blank.tolist(), True]):
        if b and run is None:
            run = x
        elif not b and run is not None:
            if run > 0 and x - run >= BLANK_BETWEEN_WORDS * crop.shape[0]:
                pieces.append(crop[:, max(0, left - 2) : run + 2])
                left = x
            run = None
    pieces.append(crop[:, max(0, left - 2) :])
    return pieces
