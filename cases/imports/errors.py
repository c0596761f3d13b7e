"""What an import refuses, with the message a person reads."""

from __future__ import annotations


class ImportProblem(Exception):
    def __init__(self, message: str, *, field: str = "file") -> None:
        super().__init__(message)
        self.message = message
        self.field = field  # the request field it is reported on (a 400)


class FileRefused(ImportProblem):
    """The whole file cannot be used."""


class ColumnsRefused(ImportProblem):
    """The columns cannot be found, or the override names none."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="columns")


class RowInvalid(ImportProblem):
    """One row cannot be understood; the others go on."""
