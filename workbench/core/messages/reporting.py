"""Texts of the exported report and evidence card."""

MESSAGES = {
    "reporting.title": {"sv": "Utvärderingsrapport: {name}", "en": "Evaluation report: {name}"},
    "reporting.what_do_we_know": {"sv": "Vad vet vi om effekten?", "en": "What do we know about the effect?"},
    "reporting.no_effect_yet": {
        "sv": "Projektet har ännu inget resultat på steg 4 eller 5, så vi vet inte om insatsen har effekt. {claim}",
        "en": "The project has no rung 4 or 5 result yet, so we do not know whether the intervention has an effect. {claim}",
    },
    "reporting.effect_found": {
        "sv": "Den bästa skattningen av effekten är {estimate} ({design}). {claim}",
        "en": "The best estimate of the effect is {estimate} ({design}). {claim}",
    },
    "reporting.ladder": {"sv": "Utvärderingstrappan", "en": "The evaluation ladder"},
    "reporting.project": {"sv": "Projektet", "en": "The project"},
    "reporting.results": {"sv": "Resultat per steg", "en": "Results per rung"},
    "reporting.step_results": {"sv": "Steg {step}: {name}", "en": "Rung {step}: {name}"},
    "reporting.warnings": {"sv": "Att känna till", "en": "Things to know"},
    "reporting.assumptions": {"sv": "Antaganden", "en": "Assumptions"},
    "reporting.method": {"sv": "Metodbilaga", "en": "Method appendix"},
    "reporting.method_text": {
        "sv": "Resultaten är beräknade med workbench {version} den {date}. Varje resultat anger metod, skattning, standardfel och konfidensintervall (95 %). Tabeller med antal döljer celler under {min_count} (även sekundärt, så att dolda värden inte kan räknas fram). Rapporten innehåller inga personuppgifter.",
        "en": "Results were computed with workbench {version} on {date}. Each result states method, estimate, standard error and confidence interval (95%). Count tables hide cells under {min_count} (also secondarily, so hidden values cannot be recomputed). The report contains no personal data.",
    },
    "reporting.assumption.1": {"sv": "Steg 1–3 visar vad som planerats, gjorts och förändrats – inte effekt.",
                               "en": "Rungs 1–3 show what was planned, done and changed – not an effect."},
    "reporting.assumption.4": {"sv": "Steg 4 förutsätter att jämförelsegruppen liknar deltagarna i allt som påverkar utfallet (matchning) eller att områdena hade följt samma utveckling utan insatsen (parallella trender).",
                               "en": "Rung 4 assumes the comparison group resembles participants in everything that affects the outcome (matching) or that areas would have followed the same path without the intervention (parallel trends)."},
    "reporting.assumption.5": {"sv": "Steg 5 förutsätter att slumpningen följdes och att alla som slumpades analyseras.",
                               "en": "Rung 5 assumes the randomization was followed and everyone randomized is analysed."},
    "reporting.no_results": {"sv": "Inga sparade resultat ännu.", "en": "No saved results yet."},
    "reporting.field.owner": {"sv": "Ansvarig", "en": "Responsible"},
    "reporting.field.target_group": {"sv": "Målgrupp", "en": "Target group"},
    "reporting.field.problem": {"sv": "Problem", "en": "Problem"},
    "reporting.field.period": {"sv": "Period", "en": "Period"},
    "reporting.field.municipality": {"sv": "Kommun", "en": "Municipality"},
    "reporting.missing": {"sv": "Nästa steg", "en": "Next steps"},
    "reporting.credible_yes": {"sv": "räknas på trappan", "en": "counts on the ladder"},
    "reporting.credible_no": {"sv": "räknas inte på trappan", "en": "does not count on the ladder"},
    "reporting.personal_data": {
        "sv": "Rapporten kan inte skapas: resultatet '{label}' innehåller något som liknar personnummer i '{column}'. Pseudonymisera uppgifterna först.",
        "en": "The report cannot be made: the result '{label}' holds something like personal identity numbers in '{column}'. Pseudonymize the data first.",
    },
}
