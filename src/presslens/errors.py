"""One tree of exceptions. Each class knows its CLI exit code and its HTTP status, so the
front ends map an error by its class, never by its message."""

from __future__ import annotations


class PresslensError(Exception):
    """Base of every error presslens raises on purpose."""

    exit_code = 1
    http_status = 500


class InputError(PresslensError):
    """An input (file, record, request body, query option) that cannot be used as given."""

    http_status = 400

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class TooLargeError(InputError):
    """An input longer than presslens analyses (over `nlp.max_length`, or over
    `Settings.max_analyze_chars` on the web and API paths)."""

    http_status = 413


class NotFoundError(PresslensError):
    """A stored record (article, outlet, speaker) that the store does not have."""

    http_status = 404


class ModelMissingError(PresslensError):
    """A bundled model file is absent; the message says how to get it back."""

    http_status = 503


class PipelineError(PresslensError):
    """A pipeline that cannot be built: a component missing what it requires."""


class StoreError(PresslensError):
    """The store cannot do what was asked (bad URL, failed migration, unusable index)."""

    http_status = 503


class ServiceUnavailable(PresslensError):
    """The server is too busy to start the work in time."""

    http_status = 503


class StoreBusy(StoreError):
    """The store's write lock stayed held by another connection or process past the short
    lock timeout the server uses for writes. `retry_after` (seconds) becomes the
    Retry-After header of the 503."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class AnalysisTimeout(PresslensError):
    """An analysis ran past `Settings.analyze_timeout_s`."""

    http_status = 504


class QueryTimeout(PresslensError):
    """A store query (a search) ran past `Settings.query_timeout_s` and was stopped."""

    http_status = 504


class DroppedFieldWarning(UserWarning):
    """A metadata field (a date, an outlet) that could not be read: the article is kept
    without it.

    Issued with `warnings.warn`; its message is one line, `SOURCE[:LINE]: problem; kept
    without a date` (or `its outlet`...). The CLI shows each as `warning: <message>`.
    """

    def __init__(self, source: str, problem: str, line: int | None = None, field: str = "published") -> None:
        self.source = source
        self.problem = problem
        self.line = line
        self.field = field
        where = f"{source}:{line}" if line is not None else source
        kept = "a date" if field == "published" else f"its {field}"
        super().__init__(f"{where}: {problem}; kept without {kept}")


__all__ = [
    "AnalysisTimeout", "DroppedFieldWarning", "InputError", "ModelMissingError", "NotFoundError", "PipelineError",
    "PresslensError", "QueryTimeout", "ServiceUnavailable", "StoreError",
]
