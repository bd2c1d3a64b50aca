"""The staff app: pages composed into tabs; each page is a form that calls the public API.

The app notebook (``notebooks/app_start.ipynb``) only calls :func:`start_app`; the project folder
comes from the ``WORKBENCH_PROJECT`` environment variable set by ``workbench serve``. Pages are
listed in :data:`PAGES` (title key → factory), so a new rung page is one entry.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.ui.activity_page import ActivityPage
from workbench.ui.followup_page import FollowupPage
from workbench.ui.common import message_html
from workbench.ui.compare_page import ComparePage
from workbench.ui.identity import current_user, hub_mode, open_registry, registry_url
from workbench.ui.measure_page import MeasurePage
from workbench.ui.randomize_page import RandomizePage
from workbench.ui.results_page import ResultsPage
from workbench.ui.status_page import StatusPage
from workbench.ui.step1_form import Step1Form
from workbench.ui.upload_page import UploadPage

PageFactory = Callable[[Project, str, Callable[[], None]], w.Widget]


def _status_page(project: Project, lang: str, refresh: Callable[[], None]) -> w.Widget:
    return StatusPage(project, lang=lang)


def _step1_page(project: Project, lang: str, refresh: Callable[[], None]) -> w.Widget:
    return Step1Form(project, lang=lang, on_saved=refresh)


PAGES: list[tuple[str, PageFactory]] = [
    ("ui.tab.start", _status_page),
    ("ui.tab.step1", _step1_page),
    ("people.ui.tab", lambda project, lang, refresh: ActivityPage(project, lang=lang, on_saved=refresh)),
    ("measure.ui.tab", lambda project, lang, refresh: MeasurePage(project, lang=lang, on_saved=refresh)),
    ("measure.ui.f.tab", lambda project, lang, refresh: FollowupPage(project, lang=lang)),
    ("ui.pages.tab.upload", lambda project, lang, refresh: UploadPage(project, lang=lang, on_saved=refresh)),
    ("ui.pages.tab.results", lambda project, lang, refresh: ResultsPage(project, lang=lang, background=True)),
    ("ui.tab.randomize", lambda project, lang, refresh: RandomizePage(project, lang=lang)),
    ("ui.compare.tab", lambda project, lang, refresh: ComparePage(project, lang=lang)),
]

APP_CSS = """
<style>
  body, .jp-Notebook { font-size: 16px; }
  .widget-label { font-weight: 600; white-space: normal !important; text-overflow: clip !important;
                  overflow: visible !important; line-height: 1.25; }
  .jupyter-button { width: auto !important; min-width: 8em; padding: 0 1em; }
  .jupyter-widgets.widget-tab > .p-TabBar .p-TabBar-tab,
  .jupyter-widgets.widget-tab > .lm-TabBar .lm-TabBar-tab { font-size: 1em; min-width: 0; flex: 0 1 auto;
    margin-bottom: 2px; }
  /* eight pages: the tabs wrap onto a second row rather than run out of the window */
  .jupyter-widgets.widget-tab > .p-TabBar, .jupyter-widgets.widget-tab > .lm-TabBar { height: auto !important;
    max-height: none !important; overflow: visible !important; }
  .jupyter-widgets.widget-tab > .p-TabBar .p-TabBar-content,
  .jupyter-widgets.widget-tab > .lm-TabBar .lm-TabBar-content { flex-wrap: wrap; }
  :focus-visible { outline: 3px solid #1a4480 !important; outline-offset: 2px; }
  .wb-ladder li { line-height: 1.4; }
  .wb-tabs .widget-inline-hbox, .wb-tabs .widget-vbox, .wb-tabs .widget-hbox { max-width: 100% !important; }
  .wb-tabs .widget-label { height: auto !important; line-height: 1.3 !important; padding: 0.25em 0; }
  .wb-tabs .widget-inline-hbox { height: auto !important; min-height: var(--jp-widgets-inline-height); }
  .wb-tabs .widget-inline-hbox > .widget-input, .wb-tabs .widget-inline-hbox > select { min-width: 0; }
  .wb-tabs .widget-dropdown > select { min-height: var(--jp-widgets-inline-height); }
  .wb-tabs .widget-html > .widget-html-content { min-width: 0; max-width: 100%; }
  /* 200 % zoom (or a narrow window): labels above their fields, tabs wrap onto more rows */
  @media (max-width: 900px) {
    .wb-tabs .widget-inline-hbox:not(.widget-checkbox) { flex-wrap: wrap; }
    .wb-tabs .widget-vbox > .widget-inline-hbox { width: auto !important; align-self: stretch; }
    .wb-tabs .widget-hbox { flex-wrap: wrap; }
    .wb-tabs .jupyter-button { flex-shrink: 0; max-width: 100%; white-space: normal; height: auto;
      min-height: 2em; }
    .wb-tabs .widget-inline-hbox:not(.widget-checkbox) > .widget-label { width: 100% !important;
      max-width: 100% !important; text-align: left !important; margin: 0.4em 0 0.1em 0; }
    .wb-tabs .widget-inline-hbox > .widget-input, .wb-tabs .widget-inline-hbox > select { flex: 1 1 100%;
      width: 100% !important; max-width: 100%; }
    .jupyter-widgets.widget-tab > .p-TabBar, .jupyter-widgets.widget-tab > .lm-TabBar { height: auto !important;
      max-height: none !important; overflow: visible !important; }
    .jupyter-widgets.widget-tab > .p-TabBar .p-TabBar-content,
    .jupyter-widgets.widget-tab > .lm-TabBar .lm-TabBar-content { flex-wrap: wrap; }
    .jupyter-widgets.widget-tab > .p-TabBar .p-TabBar-tab,
    .jupyter-widgets.widget-tab > .lm-TabBar .lm-TabBar-tab { min-width: 0; flex: 1 1 auto; margin-bottom: 2px; }
  }
</style>
"""


class LazyPage(w.VBox):
    """A tab's content, built the first time the tab is opened (the start page is built at once).

    Building every page up front (about 330 widgets, the registry, the saved results) made the app
    several times slower to become usable than a bare form; a page nobody opens now costs nothing.
    """

    def __init__(self, factory: Callable[[], w.Widget]) -> None:
        super().__init__([])
        self._factory = factory
        self._page: w.Widget | None = None

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> w.Widget:
        """The page itself, built now if it was not yet."""
        if self._page is None:
            self._page = self._factory()
            self.children = [self._page]
        return self._page


def build_app(project: Project, *, lang: str = "sv") -> w.Widget:
    """The app for one project: a header and one tab per page (pages other than the first built on demand)."""
    pages: list[LazyPage] = []

    def refresh() -> None:
        for lazy in pages:
            if lazy.built and isinstance(lazy.page, (StatusPage, FollowupPage)):
                lazy.page.refresh()

    for _, factory in PAGES:
        pages.append(LazyPage(lambda factory=factory: factory(project, lang, refresh)))
    pages[0].page  # noqa: B018 - the start page is shown at once
    tabs = w.Tab(children=pages)
    tabs.titles = tuple(msg(key, lang) for key, _ in PAGES)
    tabs.add_class("wb-tabs")

    def on_select(change: dict) -> None:
        index = change["new"]
        if index is not None:
            pages[index].page  # noqa: B018 - build on first visit

    tabs.observe(on_select, names="selected_index")
    header = w.HTML(
        f"{APP_CSS}<h1 style='margin:0.2em 0'>{html.escape(msg('ui.app.title', lang))}</h1>"
        f"<p class='wb-project-name'>{html.escape(msg('ui.app.subtitle', lang, name=project.name))}</p>"
    )
    return w.VBox([header, tabs])


def start_app(path: str | os.PathLike[str] | None = None, *, lang: str | None = None) -> w.Widget:
    """Open the project (argument or ``WORKBENCH_PROJECT``) and return the app; kind message on failure.

    The user is the server's identity (:func:`workbench.ui.identity.current_user`); a user with no
    role in a project whose registry has roles gets a refusal, not the app.
    """
    lang = lang or os.environ.get("WORKBENCH_LANG", "sv")
    path = path or os.environ.get("WORKBENCH_PROJECT")
    if not path:
        return w.HTML(message_html(html.escape(msg("ui.app.no_project", lang)), "error"))
    try:
        user = current_user(lang=lang)
        project = Project.open(Path(path), lang=lang)
        allowed = True
        if hub_mode() or registry_url(project) or project.registry_path.exists():
            registry = open_registry(project, lang=lang)
            try:
                allowed = registry.may_open(user, strict=hub_mode())
            finally:
                registry.close()
    except WorkbenchError as err:
        return w.HTML(message_html(html.escape(err.message(lang)), "error"))
    if not allowed:
        return w.HTML(message_html(html.escape(msg("registry.no_project_open", lang, user=user,
                                                   project=project.name)), "error"))
    return build_app(project, lang=lang)
