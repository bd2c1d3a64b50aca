"""The staff form "Slumpa ny deltagare": identify, tick the checklist, confirm, see the arm.

A composite ipywidgets form whose one handler calls the same public registry method an evaluator
would (:meth:`workbench.registry.trial.Trial.randomize`). Every widget carries a stable CSS class
(``f-…``) for browser tests. Errors are shown as kind sentences, never as tracebacks: Voilà hides
tracebacks, so the form must say itself what went wrong.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg, resolve_lang
from workbench.ui.identity import current_user

_WIDE = {"description_width": "22em"}


def _slug(text: str) -> str:
    table = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-") or "x"


class RandomizeForm:
    """The form for one trial.

    Parameters
    ----------
    registry
        A :class:`workbench.registry.api.Registry`.
    trial
        The trial's name.
    user
        The signed-in user as the server knows it (default:
        :func:`workbench.ui.identity.current_user`); no field asks for a name.
    instructions
        What to do next per arm, e.g. ``{"insats": "Boka första hembesöket inom en vecka."}``.
    lang
        ``"sv"`` (default) or ``"en"``.
    """

    def __init__(self, registry: Any, trial: str, *, user: str | None = None,
                 instructions: Mapping[str, str] | None = None, lang: str | None = None) -> None:
        self.lang = resolve_lang(lang)
        self.trial = registry.trial(trial, lang=self.lang)
        self.who = user if user is not None else current_user(lang=self.lang)
        self.instructions = dict(instructions or {})
        #: called after each randomization (the page refreshes the owner's totals)
        self.on_randomized: Any = None
        t = self._t
        layout = widgets.Layout(width="50em")
        self.title = widgets.HTML(f"<h2>{html.escape(t('registry.form.title'))}</h2>"
                                  f"<p>{html.escape(self.trial.name)}</p>")
        self.user = widgets.HTML(f"<p>{html.escape(t('registry.form.signed_in', user=self.who))}</p>")
        self.participant = widgets.Text(description=t("registry.form.participant"), style=_WIDE,
                                        layout=layout, placeholder=t("registry.form.participant_help"))
        self.strata: dict[str, widgets.Widget] = {}
        for factor, levels in self.trial.strata.items():
            label = factor[:1].upper() + factor[1:]
            if levels:
                w: widgets.Widget = widgets.Dropdown(
                    options=[(t("registry.form.choose"), "")] + [(v, v) for v in levels], value="",
                    description=label, style=_WIDE, layout=layout)
            else:
                w = widgets.Text(description=label, style=_WIDE, layout=layout)
            w.add_class(f"f-stratum-{_slug(factor)}")
            self.strata[factor] = w
        self.criteria = {c: widgets.Checkbox(value=False, description=c, indent=False, layout=layout)
                         for c in self.trial.inclusion_criteria}
        for i, box in enumerate(self.criteria.values(), start=1):
            box.add_class(f"f-kriterium-{i}")
        self.not_eligible = widgets.Checkbox(value=False, indent=False, layout=layout,
                                             description=t("registry.form.not_eligible_box"))
        self.consent = widgets.Checkbox(value=False, indent=False, layout=layout,
                                        description=t("registry.form.consent"))
        self.confirm = widgets.Checkbox(value=False, indent=False, layout=layout,
                                        description=t("registry.form.confirm"))
        self.button = widgets.Button(description=t("registry.form.button"), button_style="primary",
                                     icon="random")
        self.result = widgets.HTML("")
        for w, name in [(self.user, "inloggad"), (self.participant, "deltagare"),
                        (self.not_eligible, "ej-behorig"), (self.consent, "samtycke"),
                        (self.confirm, "bekrafta"), (self.button, "slumpa"), (self.result, "resultat")]:
            w.add_class(f"f-{name}")
        children: list[widgets.Widget] = [self.title, self.user, self.participant,
                                          *self.strata.values()]
        if self.criteria:
            children += [widgets.HTML(f"<b>{html.escape(t('registry.form.criteria'))}</b>"),
                         *self.criteria.values(), self.not_eligible]
        if self.trial.settings["require_consent"]:
            children.append(self.consent)
        children += [self.confirm, self.button, self.result]
        self.widget = widgets.VBox(children)
        self.widget.add_class("f-slumpa-form")
        self.button.on_click(self._on_click)

    def _t(self, key: str, **params: Any) -> str:
        return msg(key, self.lang, **params)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    def _show_error(self, text: str) -> None:
        self.result.value = (f'<div class="f-fel" style="color:#a40000;font-size:1.1em">'
                             f"{html.escape(text)}</div>")

    def _on_click(self, _button: Any = None) -> None:
        """Check the form, randomize through the registry, and show the arm or a kind error."""
        t = self._t
        if not self.confirm.value:
            return self._show_error(t("registry.form.need_confirm"))
        strata = {f: (w.value or "").strip() for f, w in self.strata.items()}
        missing = [f for f, v in strata.items() if not v]
        unticked = [c for c, box in self.criteria.items() if not box.value]
        try:
            existing = self.trial.lookup(self.participant.value, viewer=self.who, lang=self.lang)
            if existing is None:
                if missing:
                    return self._show_error(t("registry.form.need_stratum", factor=missing[0]))
                if unticked and not self.not_eligible.value:
                    return self._show_error(t("registry.form.criteria_unticked", criteria=unticked))
            eligibility = {c: box.value for c, box in self.criteria.items()} if self.criteria else None
            consent = self.consent.value if self.trial.settings["require_consent"] else None
            alloc = self.trial.randomize(self.participant.value, strata=strata or None,
                                         by=self.who, eligibility=eligibility,
                                         consent=consent, lang=self.lang)
        except WorkbenchError as err:
            return self._show_error(str(err))
        except Exception:  # noqa: BLE001 - staff must never see a traceback
            return self._show_error(t("registry.form.unexpected"))
        self._show_allocation(alloc)
        if not alloc.existing:
            self._reset()
        if self.on_randomized is not None:
            self.on_randomized()

    def _show_allocation(self, alloc: Any) -> None:
        t = self._t
        if alloc.existing:
            head = t("registry.form.result_existing", participant=alloc.participant_id,
                     when=alloc.created_at.strftime("%Y-%m-%d %H:%M"), by=alloc.by)
        else:
            head = t("registry.form.result_new", participant=alloc.participant_id)
        nxt = self.instructions.get(alloc.arm) or t("registry.form.next_default", arm=alloc.arm)
        note = f"<p><i>{html.escape(t('registry.form.existing_note'))}</i></p>" if alloc.existing else ""
        if alloc.receipt:
            note += (f'<p class="f-kvitto">{html.escape(t("registry.form.receipt"))} '
                     f"<code>{html.escape(alloc.receipt)}</code></p>")
        self.result.value = (
            f'<div class="f-tilldelning"><p>{html.escape(head)}</p>'
            f'<p class="f-arm" style="font-size:2.4em;font-weight:bold;margin:0.2em 0">'
            f"{html.escape(alloc.arm.upper())}</p>{note}"
            f'<p class="f-nasta">{html.escape(nxt)}</p></div>')

    def _reset(self) -> None:
        self.participant.value = ""
        for w in self.strata.values():
            w.value = ""
        for box in [*self.criteria.values(), self.not_eligible, self.consent, self.confirm]:
            box.value = False


def randomize_form(registry: Any, trial: str, **kwargs: Any) -> widgets.VBox:
    """The form's widget, ready to display in a notebook or Voilà app (see :class:`RandomizeForm`)."""
    return RandomizeForm(registry, trial, **kwargs).widget
