"""The staff form "Slumpa ny deltagare", tested at widget level (set values, click)."""

import pytest

from workbench.registry.api import Registry
from workbench.ui.randomize_form import RandomizeForm, randomize_form


KEY = "projektnyckel-för-testet"


@pytest.fixture
def reg(tmp_path):
    r = Registry(path=tmp_path, key=KEY)
    r.create_trial("Hemmaplan", strata={"stadsdel": ["Norr", "Söder"]}, seed=4,
                   inclusion_criteria=["Bor i kommunen", "Orosanmälan utredd"])
    yield r
    r.close()


def _fill(form, pid, stadsdel="Norr", criteria=True, confirm=True):
    form.participant.value = pid
    form.strata["stadsdel"].value = stadsdel
    for box in form.criteria.values():
        box.value = criteria
    form.confirm.value = confirm


def test_widgets_have_swedish_labels_and_hooks(reg):
    form = RandomizeForm(reg, "Hemmaplan", user="anna")
    assert "Slumpa ny deltagare" in form.title.value
    assert form.button.description == "Slumpa"
    assert "ärendenummer" in form.participant.placeholder
    assert form.confirm.description.startswith("Jag bekräftar")
    classes = {c for w in form.widget.children for c in w._dom_classes}
    for hook in ["f-inloggad", "f-deltagare", "f-stratum-stadsdel", "f-kriterium-1",
                 "f-kriterium-2", "f-bekrafta", "f-slumpa", "f-resultat"]:
        assert hook in classes
    assert randomize_form(reg, "Hemmaplan").children


def test_randomize_two_and_retry_one(reg):
    form = RandomizeForm(reg, "Hemmaplan", user="anna",
                         instructions={"insats": "Boka första hembesöket.",
                                       "kontroll": "Fortsätt som vanligt."})
    _fill(form, "Ä-101")
    form.button.click()
    first = reg.trial("Hemmaplan").lookup("Ä-101")
    assert first is not None
    assert f">{first.arm.upper()}<" in form.result.value
    assert ("Boka första" if first.arm == "insats" else "Fortsätt som") in form.result.value
    assert form.participant.value == "" and not form.confirm.value  # ready for the next one
    _fill(form, "Ä-102", stadsdel="Söder")
    form.button.click()
    assert reg.trial("Hemmaplan").lookup("Ä-102") is not None
    _fill(form, "Ä-101", stadsdel="Söder")
    form.button.click()
    assert "redan slumpad" in form.result.value and f">{first.arm.upper()}<" in form.result.value
    assert "Ingen ny slumpning" in form.result.value
    assert len(reg.trial("Hemmaplan").allocations()) == 2
    assert reg.verify().ok


@pytest.mark.parametrize("setup,words", [
    (dict(pid="", stadsdel="Norr"), "id saknas"),
    (dict(pid="A-1", stadsdel=""), "Välj ett värde"),
    (dict(pid="A-1", confirm=False), "Bocka i att uppgifterna"),
    (dict(pid="A-1", criteria=False), "Alla inklusionskriterier"),
    (dict(pid="19121212-1213"), "kontrollsiffran"),
    (dict(pid="<b>x</b>"), "går inte att använda"),
])
def test_kind_errors_and_nothing_written(reg, setup, words):
    form = RandomizeForm(reg, "Hemmaplan", user="anna")
    head = reg.head()
    _fill(form, **setup)
    form.button.click()
    assert words in form.result.value
    assert "Traceback" not in form.result.value and "<b>x" not in form.result.value
    assert reg.head() == head


def test_identity_comes_from_the_server_and_unexpected_error_is_kind(reg, monkeypatch):
    import ipywidgets as widgets

    from workbench.core.errors import RegistryError

    monkeypatch.setenv("WORKBENCH_USER", "kommunens-anna")  # one-person mode: a configured name
    form = RandomizeForm(reg, "Hemmaplan")
    texts = [w.description for w in form.widget.children if isinstance(w, widgets.Text)]
    assert texts == ["Deltagarens id"] or all("namn" not in t.lower() for t in texts)
    assert "Inloggad som kommunens-anna" in form.user.value
    _fill(form, "A-1")
    form.button.click()
    alloc = reg.trial("Hemmaplan").lookup("A-1")
    assert alloc.by == "kommunens-anna"
    code = form.result.value.split("<code>")[1].split("</code>")[0]
    assert reg.verify(checkpoints=[code]).ok and code.startswith(f"{reg.head()[0]}-")
    monkeypatch.setenv("WORKBENCH_HUB", "1")  # behind the hub only the hub's identity counts
    with pytest.raises(RegistryError, match="inloggning"):
        RandomizeForm(reg, "Hemmaplan")

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(form.trial, "randomize", boom)
    _fill(form, "A-2")
    form.button.click()
    assert "Något gick fel" in form.result.value and "disk full" not in form.result.value


def test_not_eligible_is_recorded_when_asked(reg):
    form = RandomizeForm(reg, "Hemmaplan", user="anna")
    _fill(form, "B-7", criteria=False)
    form.not_eligible.value = True
    form.button.click()
    assert "exkluderad" in form.result.value
    consort = reg.trial("Hemmaplan").consort()
    assert int(consort.loc[consort["stage"].eq("excluded") & consort["reason"].isna(), "n"].iloc[0]) == 1


def test_personnummer_is_pseudonymized_with_the_project_key(reg):
    form = RandomizeForm(reg, "Hemmaplan", user="anna")
    _fill(form, "19121212-1212")
    form.button.click()
    table = reg.trial("Hemmaplan").allocations()
    from workbench.data.privacy import pseudonym

    assert table["participant_id"].iloc[0] == pseudonym("19121212-1212", KEY)
    assert "1212-1212" not in form.result.value


def test_english_form(reg):
    form = RandomizeForm(reg, "Hemmaplan", user="anna", lang="en")
    assert form.button.description == "Randomize"
    _fill(form, "C-1", confirm=False)
    form.button.click()
    assert "Tick that the details" in form.result.value


def test_viewer_is_refused_in_the_form_and_nothing_is_written(reg):
    reg.set_role("agare", "owner", by="agare")
    reg.set_role("lasare", "viewer", by="agare")
    form = RandomizeForm(reg, "Hemmaplan", user="lasare")
    head = reg.head()
    _fill(form, "V-1")
    form.button.click()
    assert "läsbehörighet" in form.result.value and "Inget har sparats" in form.result.value
    assert "f-arm" not in form.result.value and reg.head() == head


def test_app_refuses_a_user_without_a_role_in_the_project(tmp_path, monkeypatch):
    from workbench.project.folder import Project
    from workbench.ui.app import start_app

    project = Project.create(tmp_path / "p", name="Behörighet")
    with Registry(path=project.path, key=project.pseudonym_key()) as r:
        r.create_trial("T", seed=1)
        r.set_role("agare", "owner", by="agare")
    monkeypatch.setenv("WORKBENCH_USER", "obehorig")
    page = start_app(project.path)
    assert "ingen behörighet" in page.value and "obehorig" in page.value
    monkeypatch.setenv("WORKBENCH_USER", "agare")
    assert not hasattr(start_app(project.path), "value")  # the app itself
    monkeypatch.setenv("WORKBENCH_HUB", "1")  # behind the hub, without the hub's identity: refused
    monkeypatch.delenv("WORKBENCH_USER")
    assert "inloggning" in start_app(project.path).value
    fresh = Project.create(tmp_path / "ny", name="Ingen roll ännu")
    with Registry(path=fresh.path, key=fresh.pseudonym_key()) as r:
        r.create_trial("T", seed=1)
    import workbench.ui.identity as identity

    monkeypatch.setitem(identity._signed_in, "user", "vem")  # as the hub's prelaunch hook sets it
    assert "ingen behörighet" in start_app(fresh.path).value  # served: nobody granted, nobody in
    monkeypatch.delenv("WORKBENCH_HUB")
    assert not hasattr(start_app(fresh.path), "value")       # one-person mode: open
