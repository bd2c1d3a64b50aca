"""Exceptions and warning classes of the workbench.

Every error a user can cause is a :class:`WorkbenchError` (a ``ValueError``) whose text comes from
the message catalogue (:mod:`workbench.core.messages`) in the user's language. The error keeps its
catalogue key and parameters, so an app can re-render it in the other language with
:meth:`WorkbenchError.message`, and tests can check *which* problem was found without parsing text.
"""

from __future__ import annotations

from typing import Any

from workbench.core.messages import msg, resolve_lang


class WorkbenchError(ValueError):
    """Bad input that the user can fix; the message says what is wrong and what to do.

    Parameters
    ----------
    key
        Catalogue key of the message, e.g. ``"core.column_missing"``.
    lang
        ``"sv"`` or ``"en"``; ``None`` uses the session default (:func:`workbench.set_language`).
    **params
        Values named in the message (column, row, value …).
    """

    def __init__(self, key: str, /, *, lang: str | None = None, **params: Any) -> None:
        self.key = key
        self.params = params
        self.lang = resolve_lang(lang)
        super().__init__(msg(key, self.lang, **params))

    def message(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language the error was raised in)."""
        return msg(self.key, lang or self.lang, **self.params)

    def __reduce__(self):  # keep errors picklable across processes
        return (_rebuild, (type(self), self.key, self.lang, self.params))


def _rebuild(cls: type[WorkbenchError], key: str, lang: str, params: dict[str, Any]) -> WorkbenchError:
    return cls(key, lang=lang, **params)


class InputError(WorkbenchError):
    """A table or argument does not have the shape an analysis needs."""


class ColumnMissingError(InputError):
    """A named column is not in the table."""


class ColumnTypeError(InputError):
    """A column holds values of the wrong kind (text in a numeric column, not 0/1 …)."""


class MissingValuesError(InputError):
    """Required values are missing."""


class DuplicateIdError(InputError):
    """An identifier column has repeated values."""


class TooFewRowsError(InputError):
    """Too little data for the analysis."""


class OptionError(InputError):
    """An option has a value outside its allowed set or range."""


class FileReadError(WorkbenchError):
    """A file could not be read as a table."""


class PrivacyError(WorkbenchError):
    """A privacy rule would be broken (personnummer, small cells, keys)."""


class ProjectError(WorkbenchError):
    """The project folder or its step-1 record cannot be used."""


class DesignError(WorkbenchError):
    """The analysis or study design cannot answer the question as posed (no overlap, separation …)."""


class RegistryError(WorkbenchError):
    """The randomization registry refused an operation."""


class EconomicsError(WorkbenchError):
    """A cost-benefit input is inconsistent."""


class OpenDataError(WorkbenchError):
    """An open-statistics request (Kolada, SCB) failed or was refused; the message names the id or URL."""


class EvidenceCardError(WorkbenchError):
    """An evidence card does not follow the schema, or cards cannot be pooled together."""


class WorkbenchWarning(UserWarning):
    """Something a careful evaluator must know; results also carry these in ``warnings``."""
