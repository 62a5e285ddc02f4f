"""Project exceptions. A `DocumentError` is a document we could not read; its message is for a person."""


class KinerjaError(Exception):
    """Base of kinerja's exceptions."""


class RunError(KinerjaError):
    """The run cannot proceed at all (missing raw folder, unwritable curated folder)."""


class DocumentError(KinerjaError):
    """One document could not be read; `status` is what the documents table records."""

    def __init__(self, message: str, status: str = "failed"):
        super().__init__(message)
        self.status = status
