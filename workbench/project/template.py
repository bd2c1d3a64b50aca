"""Copy the project template notebooks (one per rung of the ladder) into a project folder.

The templates live at the top of the repository, ``templates/projekt/`` (Swedish) and
``templates/projekt/en/`` (English), one notebook per rung: ``steg1_projektbeskrivning.ipynb`` …
``steg5_randomiserad.ipynb``. Each starts with a papermill-style cell tagged ``parameters`` (project
path, data file names, column names), so it runs as installed or with ``papermill -p``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from workbench.core.errors import ProjectError
from workbench.core.messages import resolve_lang

NOTEBOOK_FOLDER = "anteckningar"


def templates_root() -> Path:
    """The repository's ``templates/`` folder (it may be missing in a bare wheel install)."""
    return Path(__file__).resolve().parents[2] / "templates"


def template_notebooks(*, lang: str | None = None) -> list[Path]:
    """The template notebooks for ``lang`` (``"sv"`` or ``"en"``), sorted by rung.

    Raises
    ------
    ProjectError
        If the template folder is missing or holds no notebooks.
    """
    lang = resolve_lang(lang)
    folder = templates_root() / "projekt"
    if lang != "sv":
        folder = folder / lang
    if not folder.is_dir():
        raise ProjectError("template.missing", lang=lang, path=str(folder))
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        raise ProjectError("template.empty", lang=lang, path=str(folder))
    return notebooks


def install_templates(project_path: str | os.PathLike[str], *, lang: str | None = "sv") -> list[Path]:
    """Copy the template notebooks into ``<project>/anteckningar/``.

    Existing files are never overwritten: a notebook the user has already edited stays as it is.

    Parameters
    ----------
    project_path
        The project folder (made by ``workbench new`` or :meth:`workbench.Project.create`).
    lang
        ``"sv"`` (default) for the Swedish notebooks, ``"en"`` for the English ones.

    Returns
    -------
    list of Path
        The notebooks written now (empty when every one already existed).

    Raises
    ------
    ProjectError
        If the project folder or the templates are missing.
    """
    lang = resolve_lang(lang)
    root = Path(project_path)
    if not root.exists():
        raise ProjectError("template.no_project", lang=lang, path=str(root))
    if not root.is_dir():
        raise ProjectError("template.not_a_folder", lang=lang, path=str(root))
    sources = template_notebooks(lang=lang)
    target = root / NOTEBOOK_FOLDER
    if target.exists() and not target.is_dir():
        raise ProjectError("template.not_a_folder", lang=lang, path=str(target))
    target.mkdir(exist_ok=True)
    written: list[Path] = []
    for source in sources:
        destination = target / source.name
        try:  # exclusive create: never replaces a file, even one made a moment ago
            with open(destination, "xb") as handle:
                handle.write(source.read_bytes())
        except FileExistsError:
            continue
        shutil.copymode(source, destination)
        written.append(destination)
    return written
