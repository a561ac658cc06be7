"""One error type for bad input, so the CLI can print it without a traceback and exit 1."""

from __future__ import annotations


class DataError(Exception):
    """Bad input data: names the file and, where known, the line and field."""

    def __init__(self, message: str, file: object = None, line: int | None = None, field: str | None = None):
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        prefix = ":".join(where[:1]) + (" (" + ", ".join(where[1:]) + ")" if len(where) > 1 else "")
        return f"{prefix}: {self.message}" if prefix else self.message


class UsageError(Exception):
    """Bad command-line usage: exit code 2."""
