"""The upload page: a spreadsheet into the project's ``data/`` folder, a preview, and column choices.

An upload is read with :func:`workbench.data.read.read_table` (the same front door as in a notebook),
so a bad file gives its kind Swedish message naming the row or column. A readable file is saved in
``data/`` under a new name when the name is taken (never overwritten). If the table holds
personnummer (:func:`~workbench.data.privacy.find_personnummer_columns`, or any cell of an Excel
workbook), the original is **not** saved: the read table is saved as ``<name>_pseudonymiserad.csv``
with those columns replaced by keyed pseudonyms (:meth:`Project.pseudonym_key`), and the preview
shows the pseudonyms. Column choices are kept in ``data/kolumner.yaml`` (see :func:`load_mapping`).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from workbench.core.errors import InputError, PrivacyError, ProjectError, WorkbenchError, WorkbenchWarning
from workbench.core.messages import msg
from workbench.core.validate import sheet_row
from workbench.project.folder import Project
from workbench.ui.charts import items_html, table_html
from workbench.ui.common import busy_indicator, heading, labelled, message_html, safe_handler
from workbench.ui.measure_import_panel import MeasureImportPanel

ACCEPT = ".csv,.xlsx,.txt"
PREVIEW_ROWS = 10
MAX_UPLOAD_MB = 50  # the file travels in one websocket message; serve.py raises tornado's limit to 100 MiB
MAPPING_FILE = "kolumner.yaml"
ROLES: tuple[str, ...] = ("id", "group", "outcome", "before", "after")
_GUESS = {
    "id": ("id", "löpnr", "lopnr", "løpenr", "personnr", "personnummer", "pnr", "ärende", "arende", "kod"),
    "group": ("grupp", "group", "insats", "behandlad", "treated", "treatment", "deltagare"),
    "outcome": ("utfall", "outcome", "resultat"),
    "before": ("före", "fore", "before", "baslinje", "start"),
    "after": ("efter", "after", "uppföljning", "uppfoljning", "slut"),
}
_MAPPING_HEADER = "# Kolumnval per datafil från uppladdningssidan / column choices per data file (workbench)\n"


# -- files ------------------------------------------------------------------------------------
def safe_file_name(name: str) -> str:
    """The upload's base name with path parts and odd characters removed (letters such as åäö kept)."""
    base = os.path.basename(str(name).replace("\\", "/")).strip()
    base = re.sub(r"[^\w.\- ]+", "_", base).lstrip(". ")
    return base or "data"


def write_new_file(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name``, or to ``name_2``, ``name_3`` … when taken; never overwrites."""
    stem, suffix = os.path.splitext(safe_file_name(name))
    folder.mkdir(parents=True, exist_ok=True)
    k = 1
    while True:
        path = folder / (f"{stem}{suffix}" if k == 1 else f"{stem}_{k}{suffix}")
        try:
            with open(path, "xb") as handle:  # exclusive: an existing file is never replaced
                handle.write(data)
            return path
        except FileExistsError:
            k += 1


def inspect_workbook(raw: bytes) -> tuple[list[str], bool]:
    """Sheet names of an Excel workbook, and whether any cell of any sheet is a valid personnummer."""
    import openpyxl

    from workbench.data.privacy import is_valid_personnummer

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # read_table gives the kind message for a broken workbook
        return [], False
    try:
        found = any(
            isinstance(value, (str, int)) and not isinstance(value, bool) and is_valid_personnummer(value)
            for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row
        )
        return list(book.sheetnames), found
    finally:
        book.close()


def stray_personnummer(df: Any, skip: list[str]) -> tuple[str, Any] | None:
    """The first (column, row label) outside ``skip`` with a valid personnummer in a cell or its text."""
    import pandas as pd

    from workbench.data.privacy import is_valid_personnummer

    for col in df.columns:
        series = df[col]
        if col in skip or pd.api.types.is_float_dtype(series) or pd.api.types.is_bool_dtype(series) \
                or pd.api.types.is_datetime64_any_dtype(series):
            continue
        found = series.dropna().astype(str).str.findall(r"(?<!\d)(?:\d{6}|\d{8})[-+]?\d{4}(?!\d)")
        hits = found[found.map(lambda parts: any(is_valid_personnummer(p) for p in parts)).astype(bool)]
        if len(hits):  # a whole cell or a number inside free text
            return str(col), hits.index[0]
    return None


# -- column choices ---------------------------------------------------------------------------
def load_mapping(project: Project) -> dict[str, Any]:
    """The saved column choices: ``{"files": {file: {"columns": {role: column}, ...}}, "latest": file}``."""
    import yaml

    path = project.folder("data") / MAPPING_FILE
    if not path.is_file():
        return {"files": {}}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise ProjectError("ui.pages.mapping.bad_file", lang=project.lang, path=f"data/{MAPPING_FILE}") from None
    if not isinstance(data, dict) or not isinstance(data.get("files", {}), dict):
        raise ProjectError("ui.pages.mapping.bad_file", lang=project.lang, path=f"data/{MAPPING_FILE}")
    data.setdefault("files", {})
    return data


def save_mapping(project: Project, file: str, columns: Mapping[str, str | None], *, sheet: str | None = None,
                 original: str | None = None, lang: str = "sv") -> Path:
    """Save the column choices for ``file`` (a name in ``data/``); roles left empty are dropped.

    Raises
    ------
    InputError
        No column chosen, or one column chosen for two roles.
    """
    import yaml

    chosen = {role: col for role, col in columns.items() if col}
    if not chosen:
        raise InputError("ui.pages.mapping.nothing", lang=lang)
    seen: dict[str, str] = {}
    for role, col in chosen.items():
        if col in seen:
            raise InputError("ui.pages.mapping.duplicate", lang=lang, column=col,
                             first=msg(f"ui.pages.mapping.role.{seen[col]}", lang).lower(),
                             second=msg(f"ui.pages.mapping.role.{role}", lang).lower())
        seen[col] = role
    data = load_mapping(project)
    entry: dict[str, Any] = {"columns": chosen, "saved": dt.datetime.now().replace(microsecond=0).isoformat()}
    if sheet is not None:
        entry["sheet"] = sheet
    if original and original != file:
        entry["original"] = original
    data["files"][file] = entry
    data["latest"] = file
    path = project.folder("data") / MAPPING_FILE
    text = _MAPPING_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    tmp = path.with_name(f".{path.name}.tmp")  # written whole, then renamed: never half a file
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return path


def guess_role(column: str, role: str) -> bool:
    """Whether a column name looks like ``role`` (a first suggestion; the person confirms it)."""
    name = column.strip().lower()
    words = re.split(r"[\W_]+", name)
    return any(word == key or (len(key) > 3 and word.startswith(key)) for key in _GUESS[role] for word in words)


# -- the page ---------------------------------------------------------------------------------
class UploadPage(w.VBox):
    """Upload, preview, pseudonymize and map the columns of one spreadsheet at a time.

    ``on_saved`` is called after a file or the column choices were saved.
    """

    def __init__(self, project: Project, *, lang: str = "sv", on_saved: Callable[[], None] | None = None) -> None:
        self.project = project
        self.lang = lang
        self.on_saved = on_saved
        self.df = None
        self.saved_path: Path | None = None
        self._upload: tuple[str, bytes] | None = None
        self._excel = False
        self._workbook_pnr = False
        self._stored: dict[Any, tuple[Path, list[tuple[str, str]]]] = {}
        self._quiet = False
        self.upload = w.FileUpload(accept=ACCEPT, multiple=False, description=msg("ui.pages.upload.button", lang),
                                   icon="upload")
        self.upload.add_class("f-upload")
        file_label = w.HTML(f"<label class='widget-label wb-upload-label'>{html.escape(msg('ui.pages.upload.file_label', lang, mb=MAX_UPLOAD_MB))}</label>")
        self.sheet = labelled(w.Dropdown(options=[(msg("ui.pages.upload.sheet_none", lang), "")], value="",
                                         disabled=True), msg("ui.pages.upload.sheet", lang), "f-sheet")
        self.busy = busy_indicator(lang)
        self.feedback = w.HTML()
        self.feedback.add_class("wb-upload-feedback")
        self.preview = w.HTML()
        self.preview.add_class("wb-preview")
        self.role_inputs = {
            role: labelled(w.Dropdown(options=self._role_options([]), value=""),
                           msg(f"ui.pages.mapping.role.{role}", lang), f"f-role-{role}")
            for role in ROLES
        }
        self.mapping_feedback = w.HTML()
        self.mapping_feedback.add_class("wb-mapping-feedback")
        self.save_mapping_button = w.Button(description=msg("ui.pages.mapping.save", lang), button_style="primary",
                                            icon="save")
        self.save_mapping_button.add_class("b-spara-kolumner")
        self.upload.observe(safe_handler(self.feedback, lang, self.busy)(self._on_upload), names="value")
        self.sheet.observe(safe_handler(self.feedback, lang, self.busy)(self._on_sheet), names="value")
        self.save_mapping_button.on_click(safe_handler(self.mapping_feedback, lang)(lambda _: self.save_mapping()))
        intro = w.HTML(f"<p style='max-width:60em'>{html.escape(msg('ui.pages.upload.intro', lang))}</p>")
        #: "Importera mätningar till registret" for the table just read (pseudonymized)
        self.measure_import = MeasureImportPanel(project, lang=lang)
        mapping_intro = w.HTML(f"<p style='max-width:60em'>{html.escape(msg('ui.pages.mapping.intro', lang))}</p>")
        super().__init__([
            heading(msg("ui.pages.upload.heading", lang)), intro,
            w.HBox([file_label, self.upload, self.busy], layout=w.Layout(align_items="center")),
            self.sheet, self.feedback, self.preview,
            heading(msg("ui.pages.mapping.heading", lang), 3), mapping_intro, *self.role_inputs.values(),
            w.HBox([self.save_mapping_button]), self.mapping_feedback, self.measure_import,
        ])

    # -- events ---------------------------------------------------------------------------
    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change.get("new") or ()
        if not files:
            return
        entry = files[0]
        name = str(entry.get("name") or "data")
        content = entry.get("content")
        self.handle_upload(name, bytes(content) if content is not None else b"")

    def _on_sheet(self, change: dict[str, Any]) -> None:
        if self._quiet or self._upload is None or not self._excel or not change.get("new"):
            return
        self._process()

    # -- actions --------------------------------------------------------------------------
    def handle_upload(self, name: str, content: bytes) -> None:
        """Read, pseudonymize if needed, save and preview one uploaded file."""
        self._upload = (name, content)
        self._stored = {}
        self._excel = os.path.splitext(name)[1].lower() in (".xlsx", ".xlsm") or content.startswith(b"PK\x03\x04")
        names, self._workbook_pnr = inspect_workbook(content) if self._excel else ([], False)
        self._quiet = True
        try:
            if self._excel:
                self.sheet.options = [(n, n) for n in names] or [(msg("ui.pages.upload.sheet_none", self.lang), "")]
                self.sheet.value = names[0] if names else ""
                self.sheet.disabled = len(names) < 2
            else:
                self.sheet.options = [(msg("ui.pages.upload.sheet_none", self.lang), "")]
                self.sheet.value = ""
                self.sheet.disabled = True
        finally:
            self._quiet = False
        self._process()

    def _process(self) -> None:
        from workbench.data.privacy import find_personnummer_columns, pseudonymize
        from workbench.data.read import read_table

        if self._upload is None:
            return
        name, content = self._upload
        sheet = (self.sheet.value or None) if self._excel else None
        self.df, self.saved_path = None, None
        self.preview.value = ""
        self._set_columns([])
        buffer = io.BytesIO(content)
        buffer.name = safe_file_name(name)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", WorkbenchWarning)
            try:
                if not content:
                    raise InputError("ui.pages.upload.empty_file", lang=self.lang, name=buffer.name)
                df = read_table(buffer, sheet=sheet, lang=self.lang)
                found = find_personnummer_columns(df)
                stray = stray_personnummer(df, found)
                if stray is not None:  # a few numbers in a mostly other column: the person removes them
                    raise PrivacyError("ui.pages.upload.pnr_stray", lang=self.lang, column=stray[0],
                                       row=sheet_row(df, stray[1]))
                if found:
                    df = pseudonymize(df, found, key=self.project.pseudonym_key(), lang=self.lang)
            except WorkbenchError as err:
                text = (html.escape(msg("ui.pages.upload.read_failed", self.lang, name=buffer.name))
                        + f"<br><strong class='wb-read-error'>{html.escape(err.message(self.lang))}</strong>")
                self.feedback.value = message_html(text, "error")
                return
        notes_warn = [str(c.message) for c in caught if issubclass(c.category, WorkbenchWarning)]
        path, notes = self._store(df, found, sheet)
        self.df, self.saved_path = df, path
        self._show(df, path, notes, notes_warn, sheet)
        self._set_columns([str(c) for c in df.columns])
        self.measure_import.set_table(df)
        if self.on_saved is not None:
            self.on_saved()

    def _store(self, df: Any, found: list[str], sheet: str | None) -> tuple[Path, list[tuple[str, str]]]:
        """Save the upload once per sheet; the copy never holds personnummer."""
        name, content = self._upload or ("data", b"")
        folder = self.project.folder("data")
        pseudo = bool(found) or self._workbook_pnr
        key = ("pseudo", sheet) if pseudo else "original"
        if key in self._stored:
            return self._stored[key]
        notes: list[tuple[str, str]] = []
        if pseudo:
            stem = os.path.splitext(safe_file_name(name))[0]
            target = f"{stem}_{sheet}_pseudonymiserad.csv" if self._excel and sheet else f"{stem}_pseudonymiserad.csv"
            data = df.to_csv(sep=";", decimal=",", index=False).encode("utf-8-sig")
            path = write_new_file(folder, target, data)
            if found:
                notes.append(("warning", msg("ui.pages.upload.pseudonymized", self.lang, columns=found)))
            if self._workbook_pnr:
                notes.append(("warning", msg("ui.pages.upload.pnr_elsewhere", self.lang)))
        else:
            wanted = folder / safe_file_name(name)
            if wanted.is_file() and wanted.read_bytes() == content:
                path = wanted
                notes.append(("info", msg("ui.pages.upload.same_file", self.lang, path=self._rel(path))))
            else:
                path = write_new_file(folder, name, content)
                if path.name != wanted.name:
                    notes.append(("info", msg("ui.pages.upload.renamed", self.lang, path=self._rel(path))))
        self._stored[key] = (path, notes)
        return path, notes

    def _rel(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.project.path)).as_posix()

    def _show(self, df: Any, path: Path, notes: list[tuple[str, str]], found_warnings: list[str],
              sheet: str | None) -> None:
        lang = self.lang
        source = df.attrs.get("source", {})
        ok = msg("ui.pages.upload.read_ok", lang, name=source.get("file", path.name), rows=len(df), columns=df.shape[1])
        if self._excel:
            fmt = msg("ui.pages.upload.format_xlsx", lang, sheet=sheet or "")
        else:
            sep = source.get("separator") or ";"
            sep_key = "tab" if sep == "\t" else sep
            sep_text = msg(f"ui.pages.upload.sep.{sep_key}", lang) if sep_key in ("tab", ";", ",") else sep
            fmt = msg("ui.pages.upload.format_csv", lang, separator=sep_text, encoding=source.get("encoding", "?"))
        saved = msg("ui.pages.upload.saved", lang, path=self._rel(path))
        parts = [message_html(f"<span class='wb-read-ok'>{html.escape(ok)}</span> {html.escape(fmt)}<br>"
                              f"<span class='wb-saved-as'>{html.escape(saved)}</span>", "ok")]
        for kind, text in notes:
            parts.append(message_html(f"<span class='wb-note-{kind}'>{html.escape(text)}</span>", kind))
        if found_warnings:
            parts.append(message_html(html.escape(msg("ui.pages.upload.warnings", lang))
                                      + items_html(found_warnings, "wb-read-warnings"), "warning"))
        self.feedback.value = "".join(f"<div style='margin:0.3em 0'>{p}</div>" for p in parts)
        title = html.escape(msg("ui.pages.upload.preview_heading", lang, n=min(PREVIEW_ROWS, len(df)), total=len(df)))
        self.preview.value = f"<h3>{title}</h3>" + table_html(df, lang=lang, max_rows=PREVIEW_ROWS, show_types=True)

    def _role_options(self, columns: list[str]) -> list[tuple[str, str]]:
        return [(msg("ui.pages.mapping.none", self.lang), "")] + [(c, c) for c in columns]

    def _set_columns(self, columns: list[str]) -> None:
        """Offer ``columns`` in every role; preselect saved choices, else a guess by name."""
        saved: dict[str, str] = {}
        if columns and self.saved_path is not None:
            try:
                entry = load_mapping(self.project)["files"].get(self.saved_path.name) or {}
                saved = dict(entry.get("columns") or {})
            except WorkbenchError:
                saved = {}
        used: set[str] = set()
        for role, dropdown in self.role_inputs.items():
            dropdown.options = self._role_options(columns)
            choice = saved.get(role) if saved.get(role) in columns else None
            if choice is None and not saved:
                choice = next((c for c in columns if c not in used and guess_role(c, role)), None)
            dropdown.value = choice or ""
            if choice:
                used.add(choice)
        self.mapping_feedback.value = ""

    def mapping(self) -> dict[str, str | None]:
        """The roles as chosen in the dropdowns."""
        return {role: dropdown.value or None for role, dropdown in self.role_inputs.items()}

    def save_mapping(self) -> Path:
        """Save the dropdowns' choices for the current file in ``data/kolumner.yaml``."""
        if self.df is None or self.saved_path is None:
            raise InputError("ui.pages.mapping.no_data", lang=self.lang)
        original = safe_file_name(self._upload[0]) if self._upload else None
        path = save_mapping(self.project, self.saved_path.name, self.mapping(),
                            sheet=(self.sheet.value or None) if self._excel else None, original=original, lang=self.lang)
        choices = ", ".join(f"{msg(f'ui.pages.mapping.role.{r}', self.lang)} = {c}" for r, c in self.mapping().items() if c)
        text = msg("ui.pages.mapping.saved", self.lang, name=self.saved_path.name, path=self._rel(path), choices=choices)
        self.mapping_feedback.value = message_html(html.escape(text), "ok")
        if self.on_saved is not None:
            self.on_saved()
        return path
