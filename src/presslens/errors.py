"""One tree of exceptions; the CLI and the API turn them into messages at the edge."""

from __future__ import annotations


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""


class InputError(PresslensError):
    """An input (file, record, request body) that cannot be read as an article."""

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class ModelMissingError(PresslensError):
    """A bundled model file is absent; the message says how to get it back."""


class StoreError(PresslensError):
    """The store cannot do what was asked (bad URL, unknown article, failed migration)."""
