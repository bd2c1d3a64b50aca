"""Plain functions behind the command line: ``workbench randomize`` and ``workbench verify``.

They open the registry of a project folder (or a database URL), call the same public methods a
notebook would, and return Swedish (or English) text for the terminal. Bad input raises a
:class:`workbench.WorkbenchError` whose message is meant to be printed as it is.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from workbench.core.errors import RegistryError
from workbench.core.messages import msg, resolve_lang
from workbench.registry.api import Registry


def open_registry(project_or_url: str | os.PathLike[str], *, key: str | bytes | None = None,
                  project: str | os.PathLike[str] | None = None, lang: str | None = None) -> Registry:
    """A registry from a database URL (``sqlite:///…``, ``postgresql://…``) or a project path.

    ``project``: with a URL, the project folder whose receipts (and key file) belong to it.
    """
    text = str(project_or_url)
    if "://" in text:
        return Registry(text, path=project, key=key, lang=lang)
    return Registry(path=text, key=key, lang=lang)


def parse_strata(strata: Mapping[str, Any] | Iterable[str] | str | None, *,
                 lang: str | None = None) -> dict[str, str] | None:
    """``{"stadsdel": "Norr"}`` from a mapping, ``"stadsdel=Norr,kön=K"`` or ``["stadsdel=Norr"]``."""
    if strata is None or isinstance(strata, Mapping):
        return dict(strata) if strata else None
    items = strata.split(",") if isinstance(strata, str) else list(strata)
    out: dict[str, str] = {}
    for item in items:
        factor, sep, level = str(item).partition("=")
        if not sep or not factor.strip():
            raise RegistryError("registry.cli_bad_strata", lang=lang, value=item)
        out[factor.strip()] = level.strip()
    return out or None


def randomize_command(project_or_url: str | os.PathLike[str], trial: str, participant: str,
                      strata: Mapping[str, Any] | Iterable[str] | str | None = None,
                      by: str | None = None, *, criteria_confirmed: bool = False,
                      consent: bool | None = None, key: str | bytes | None = None,
                      lang: str | None = None) -> str:
    """Randomize one participant and return what to tell the user.

    ``criteria_confirmed=True`` confirms every inclusion criterion of the trial (the terminal
    has no checklist). Asking again for the same participant returns their existing allocation.
    """
    lang = resolve_lang(lang)
    reg = open_registry(project_or_url, key=key, lang=lang)
    try:
        t = reg.trial(trial, lang=lang)
        alloc = t.randomize(participant, strata=parse_strata(strata, lang=lang),
                            by=by if by is not None else os.environ.get("USER", ""),
                            eligibility=True if criteria_confirmed else None, consent=consent,
                            lang=lang)
    finally:
        reg.close()
    if alloc.existing:
        return alloc.note or ""
    text = msg("registry.cli_randomized", lang, participant=alloc.participant_id, arm=alloc.arm,
               trial=trial, when=alloc.created_at.isoformat(timespec="seconds"))
    if alloc.receipt:
        text += "\n" + msg("registry.cli_receipt", lang, code=alloc.receipt)
    return text


def verify_command(project_or_url: str | os.PathLike[str], *, expected_head: str | None = None,
                   receipts: Iterable[str] | None = None, key: str | bytes | None = None,
                   project: str | os.PathLike[str] | None = None,
                   lang: str | None = None) -> tuple[bool, str]:
    """Check the registry; return ``(ok, text)`` (the text names every problem found).

    ``receipts`` (receipts or short codes someone noted) are checked together with the receipts
    stored in the project folder.
    """
    lang = resolve_lang(lang)
    reg = open_registry(project_or_url, key=key, project=project, lang=lang)
    try:
        checkpoints = None
        if receipts:
            from workbench.registry.receipts import stored_receipts

            checkpoints = stored_receipts(reg.receipts_file) + list(receipts)
        report = reg.verify(checkpoints=checkpoints, expected_head=expected_head, lang=lang)
    finally:
        reg.close()
    return report.ok, report.text(lang)
