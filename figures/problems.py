"""A located problem in the data: which file, which line, which column, what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, at the place a person must go to mend it.

    `line` is the line of the file the row starts on (1 is a CSV's header); 0 means the
    file as a whole. `column` is "-" when the problem is with no one column.
    """

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        return {"file": self.file, "line": self.line, "column": self.column,
                "message": self.message}
