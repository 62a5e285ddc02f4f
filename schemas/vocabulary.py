"""The closed vocabularies of the curated tables' columns, apart from the models: importing them needs
neither pandas nor pandera (a worker, or a run's parent before it publishes)."""

DOC_TYPES = ("LKIP", "RENSTRA", "IKU", "IKI", "PK", "POHON_KINERJA", "CASCADING", "PENGUKURAN_KINERJA", "RENJA", "RKT", "RPJMD", "LRA", "OTHER")
MEASURES = ("target", "realisasi", "capaian", "baseline")
PERIODS = ("TW1", "TW2", "TW3", "TW4", "S1", "S2")  # null for annual values
STATUSES = ("ok", "partial", "failed", "needs_ocr")
