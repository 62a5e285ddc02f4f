"""The closed vocabularies of the curated tables' columns, in a module of their own: the models read them
here, and the process that publishes never imports the extractors (pdfplumber, pdfium) to get them."""

DOC_TYPES = ("LKIP", "RENSTRA", "IKU", "IKI", "PK", "POHON_KINERJA", "CASCADING", "PENGUKURAN_KINERJA", "RENJA", "RKT", "RPJMD", "LRA", "OTHER")
MEASURES = ("target", "realisasi", "capaian", "baseline")
PERIODS = ("TW1", "TW2", "TW3", "TW4", "S1", "S2")  # null for annual values
STATUSES = ("ok", "partial", "failed", "needs_ocr")
PAGE_KINDS = ("ruled", "aligned", "image", "diagram")  # what makes a page a table page (page_coverage.kind)
