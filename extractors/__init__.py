"""Everything that reads a PDF. `read.read_document` is the one entry: a file in, its records out.

    reader    open a PDF (errors a person understands), pages in chunks, cover text, the scan test
    ocr       a scan's cover read by OCR (metadata only)
    document  doc_type, agency, region and period from the report's first pages
    routing   which pages hold a table, before parsing
    pages     pdfplumber pages whose objects pdfium reads
    grid      tables (pdfplumber, camelot) into grids of cells with boxes
    layout    a grid's header: what each column means
    values    indicator values of a laid-out grid;  budget: its budget lines
    base      the step order, with the hooks families fill;  families: the registry
    indicator_tables, iki, tree    the families
    records   the records emitted;  vocabulary: header words;  geometry, diagram: boxes and connectors

Kept light: importing a submodule (`extractors.errors`) must not import pdfplumber.
"""
