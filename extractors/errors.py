"""A document we could not read: its message is for a person, its `status` is what `documents` records."""


class DocumentError(Exception):
    def __init__(self, message: str, status: str = "failed"):
        super().__init__(message)
        self.status = status
