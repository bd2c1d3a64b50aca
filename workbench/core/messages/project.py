"""Messages of the project room: the project folder, the step-1 record, SMART checks, rung 1."""

MESSAGES = {
    "project.record.not_mapping": {
        "sv": "Projektbeskrivningen ska vara en lista av fält (namn: värde). Innehållet sparades under 'notes' så att inget går förlorat.",
        "en": "The project description must be a set of fields (name: value). The content was kept under 'notes' so nothing is lost.",
    },
    "project.record.unknown_key": {
        "sv": "Fältet '{key}' känns inte igen; det sparas som det är men används inte. Kontrollera stavningen.",
        "en": "The field '{key}' is not recognised; it is kept as written but not used. Check the spelling.",
    },
    "project.record.not_number": {
        "sv": "'{field}' ska vara ett tal (minst 0), men är '{value}'. Skriv bara siffror, t.ex. 120.",
        "en": "'{field}' must be a number (at least 0), but is '{value}'. Write digits only, e.g. 120.",
    },
    "project.record.not_date": {
        "sv": "'{field}' ska vara ett datum som ÅÅÅÅ-MM-DD, men är '{value}'.",
        "en": "'{field}' must be a date as YYYY-MM-DD, but is '{value}'.",
    },
    "project.record.not_rung": {
        "sv": "'{field}' ska vara ett steg mellan 1 och 5, men är '{value}'.",
        "en": "'{field}' must be a rung from 1 to 5, but is '{value}'.",
    },
    "project.record.not_design": {
        "sv": "'{field}' har värdet '{value}'. Välj ett av: {allowed}.",
        "en": "'{field}' has the value '{value}'. Choose one of: {allowed}.",
    },
    "project.record.bad_item": {
        "sv": "{field} nummer {number} går inte att läsa; skriv det som fält (t.ex. text, indikator, målvärde).",
        "en": "{field} number {number} cannot be read; write it as fields (e.g. text, indicator, target).",
    },
    "project.record.not_text": {
        "sv": "'{field}' ska vara text.",
        "en": "'{field}' must be text.",
    },
    "project.folder.missing": {
        "sv": "Projektmappen '{path}' finns inte. Skapa den med 'workbench new {path}' eller wb.Project.create().",
        "en": "The project folder '{path}' does not exist. Create it with 'workbench new {path}' or wb.Project.create().",
    },
    "project.folder.no_record": {
        "sv": "Mappen '{path}' innehåller ingen projektbeskrivning ({file}). Skapa ett projekt med 'workbench new {path}'.",
        "en": "The folder '{path}' holds no project description ({file}). Create a project with 'workbench new {path}'.",
    },
    "project.folder.exists": {
        "sv": "Det finns redan ett projekt i '{path}'. Öppna det med wb.Project.open() eller välj en annan mapp.",
        "en": "There is already a project in '{path}'. Open it with wb.Project.open() or choose another folder.",
    },
    "project.folder.bad_yaml": {
        "sv": "Projektbeskrivningen '{file}' går inte att läsa (rad {line}): {problem}. Rätta filen i en texteditor; inget har skrivits över.",
        "en": "The project description '{file}' cannot be read (line {line}): {problem}. Fix the file in a text editor; nothing was overwritten.",
    },
    "project.folder.name_required": {
        "sv": "Projektet behöver ett namn. Ange name='…'.",
        "en": "The project needs a name. Give name='…'.",
    },
    "project.result.not_a_result": {
        "sv": "Bara resultat från workbench-analyser kan sparas i projektet (fick {got}).",
        "en": "Only results of workbench analyses can be saved in the project (got {got}).",
    },
    "project.result.bad_file": {
        "sv": "Resultatfilen '{file}' går inte att läsa och hoppas över. Ta bort eller ersätt den.",
        "en": "The result file '{file}' cannot be read and is skipped. Remove or replace it.",
    },
    # rung 1 requirements
    "project.rung1.missing_field": {"sv": "Fyll i: {field}.", "en": "Fill in: {field}."},
    "project.rung1.no_goal": {"sv": "Lägg till minst ett mål.", "en": "Add at least one goal."},
    "project.rung1.goal_not_smart": {
        "sv": "Mål {number} är inte SMART än: {problems}",
        "en": "Goal {number} is not SMART yet: {problems}",
    },
    "project.rung1.no_indicator": {
        "sv": "Lägg till minst en indikator med definition, datakälla och baslinje.",
        "en": "Add at least one indicator with definition, data source and baseline.",
    },
    "project.rung1.indicator_incomplete": {
        "sv": "Indikator '{name}' saknar: {fields}.",
        "en": "Indicator '{name}' lacks: {fields}.",
    },
    "project.rung1.need_comparison": {
        "sv": "Utvärderingsplanen siktar på steg {rung} men anger ingen jämförelsedesign. Planera jämförelsegruppen redan nu.",
        "en": "The evaluation plan aims for rung {rung} but names no comparison design. Plan the comparison group now.",
    },
    "project.rung1.record_problem": {"sv": "Rätta i beskrivningen: {finding}", "en": "Fix in the description: {finding}"},
    # SMART
    "project.smart.specific.ok": {"sv": "Specifikt: målet säger vad som ska förändras och för vem.",
                                  "en": "Specific: the goal says what should change and for whom."},
    "project.smart.specific.missing": {
        "sv": "Specifikt: ange för vilken målgrupp och vad som ska förändras (t.ex. 'andelen familjer i målgruppen som blir självförsörjande').",
        "en": "Specific: say for which target group and what should change (e.g. 'the share of families in the target group who become self-supporting').",
    },
    "project.smart.measurable.ok": {"sv": "Mätbart: det finns en indikator med utgångsläge och målvärde.",
                                    "en": "Measurable: there is an indicator with a baseline and a target value."},
    "project.smart.measurable.missing": {
        "sv": "Mätbart: ange {what}.",
        "en": "Measurable: give {what}.",
    },
    "project.smart.accepted.ok": {"sv": "Accepterat: målet är beslutat eller förankrat.",
                                  "en": "Accepted: the goal is decided or agreed."},
    "project.smart.accepted.missing": {
        "sv": "Accepterat: ange vem som beslutat eller står bakom målet (t.ex. socialnämnden, verksamheten).",
        "en": "Accepted: say who decided or stands behind the goal (e.g. the social services committee, the unit).",
    },
    "project.smart.realistic.ok": {"sv": "Realistiskt: målvärdet är en rimlig förändring från utgångsläget.",
                                   "en": "Realistic: the target is a plausible change from the baseline."},
    "project.smart.realistic.missing": {
        "sv": "Realistiskt: {why}",
        "en": "Realistic: {why}",
    },
    "project.smart.realistic.unknown": {
        "sv": "ange utgångsläge och målvärde så att förändringen kan bedömas.",
        "en": "give a baseline and a target so the change can be judged.",
    },
    "project.smart.realistic.extreme": {
        "sv": "målvärdet {target} innebär att alla eller ingen ska nås – sätt ett mål som går att uppnå.",
        "en": "the target {target} means everyone or no one – set a target that can be reached.",
    },
    "project.smart.realistic.too_large": {
        "sv": "förändringen från {baseline} till {target} är mycket stor (mer än en halvering eller fördubbling); motivera den eller sänk målet.",
        "en": "the change from {baseline} to {target} is very large (more than halving or doubling); justify it or lower the target.",
    },
    "project.smart.realistic.no_change": {
        "sv": "målvärdet är detsamma som utgångsläget; ange vilken förändring ni vill se.",
        "en": "the target equals the baseline; say which change you want to see.",
    },
    "project.smart.time_bound.ok": {"sv": "Tidsatt: det finns en tidpunkt då målet ska vara nått.",
                                    "en": "Time-bound: there is a date by which the goal is to be reached."},
    "project.smart.time_bound.missing": {
        "sv": "Tidsatt: ange när målet ska vara nått (t.ex. 'senast december 2027').",
        "en": "Time-bound: say when the goal is to be reached (e.g. 'by December 2027').",
    },
    "project.smart.what.indicator": {"sv": "vad som mäts (indikator)", "en": "what is measured (indicator)"},
    "project.smart.what.baseline": {"sv": "utgångsläget (baslinje)", "en": "the baseline"},
    "project.smart.what.target": {"sv": "ett målvärde i siffror", "en": "a target value in numbers"},
    "project.smart.empty": {"sv": "Målet är tomt. Skriv vad som ska uppnås.", "en": "The goal is empty. Write what should be achieved."},
}
