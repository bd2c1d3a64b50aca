"""Texts of the staff apps (Voilà): titles, buttons, feedback."""

MESSAGES = {
    "ui.app.title": {"sv": "Utvärderingsverkstaden", "en": "The evaluation workbench"},
    "ui.app.subtitle": {"sv": "Projekt: {name}", "en": "Project: {name}"},
    "ui.app.no_project": {
        "sv": "Inget projekt är valt. Starta appen med 'workbench serve MAPP' eller 'make demo'.",
        "en": "No project is chosen. Start the app with 'workbench serve FOLDER' or 'make demo'.",
    },
    "ui.tab.start": {"sv": "Start: trappan", "en": "Start: the ladder"},
    "ui.tab.step1": {"sv": "Steg 1: Beskriv projektet", "en": "Step 1: Describe the project"},
    "ui.status.heading": {"sv": "Var står projektet på utvärderingstrappan?", "en": "Where is the project on the evaluation ladder?"},
    "ui.status.done": {"sv": "klart", "en": "done"},
    "ui.status.not_done": {"sv": "saknas", "en": "missing"},
    "ui.status.next": {"sv": "Nästa steg att ta", "en": "Next actions"},
    "ui.status.refresh": {"sv": "Uppdatera", "en": "Refresh"},
    "ui.step1.heading": {"sv": "Projektbeskrivning (steg 1)", "en": "Project description (rung 1)"},
    "ui.step1.intro": {
        "sv": "Beskriv projektet så att det går att följa upp. Fält markerade med * krävs för steg 1. Spara ofta – inget skickas någonstans, allt sparas i projektmappen.",
        "en": "Describe the project so it can be followed up. Fields marked * are required for rung 1. Save often – nothing is sent anywhere, everything is saved in the project folder.",
    },
    "ui.step1.goal_heading": {"sv": "Mål (SMART)", "en": "Goal (SMART)"},
    "ui.step1.indicator_heading": {"sv": "Indikator", "en": "Indicator"},
    "ui.step1.plan_heading": {"sv": "Utvärderingsplan", "en": "Evaluation plan"},
    "ui.step1.save": {"sv": "Spara", "en": "Save"},
    "ui.step1.check": {"sv": "Granska målet (SMART)", "en": "Check the goal (SMART)"},
    "ui.step1.saved": {"sv": "Sparat {time}. Projektet har nått steg {reached} av 5.", "en": "Saved {time}. The project has reached rung {reached} of 5."},
    "ui.step1.findings": {"sv": "Att rätta i beskrivningen:", "en": "To fix in the description:"},
    "ui.step1.smart_heading": {"sv": "SMART-granskning av målet", "en": "SMART check of the goal"},
    "ui.choose": {"sv": "(välj)", "en": "(choose)"},
    "ui.error.unexpected": {
        "sv": "Något oväntat gick fel och åtgärden kunde inte slutföras. Inget av det du skrivit har försvunnit. Försök igen, och kontakta utvärderaren om felet kvarstår (felkod {code}).",
        "en": "Something unexpected went wrong and the action could not be completed. Nothing you typed is lost. Try again, and contact the evaluator if the error persists (error code {code}).",
    },
    "ui.tab.randomize": {"sv": "Slumpa ny deltagare", "en": "Randomize a participant"},
    "ui.randomize.heading": {"sv": "Slumpa ny deltagare", "en": "Randomize a new participant"},
    "ui.randomize.trial": {"sv": "Studie", "en": "Trial"},
    "ui.randomize.no_trial": {
        "sv": "Projektet har ingen studie med slumpning ännu. Utvärderaren lägger upp den (arm, strata, inklusionskriterier) med wb.Registry(path=projektmappen).create_trial(...); därefter slumpar personalen här.",
        "en": "The project has no randomized trial yet. The evaluator sets it up (arms, strata, inclusion criteria) with wb.Registry(path=project_folder).create_trial(...); then staff randomize here.",
    },
    "ui.working": {"sv": "Arbetar …", "en": "Working …"},
}
