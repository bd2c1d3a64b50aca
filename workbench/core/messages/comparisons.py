"""Messages of comparisons across municipalities: evidence cards, pooling, panels from open data."""

MESSAGES = {
    "comparisons.card_not_object": {
        "sv": "Evidensbeviset '{name}' är inte ett JSON-objekt (fick {got}). Ange evidensbevis.json som "
        "'workbench report' skriver, eller en ordlista.",
        "en": "The evidence card '{name}' is not a JSON object (got {got}). Give the evidensbevis.json that "
        "'workbench report' writes, or a dict.",
    },
    "comparisons.card_invalid": {
        "sv": "Evidensbeviset '{name}' följer inte schemat {format}: fältet '{field}' — {problem}. Skapa "
        "kortet på nytt med 'workbench report'.",
        "en": "The evidence card '{name}' does not follow the schema {format}: field '{field}' — {problem}. "
        "Make the card again with 'workbench report'.",
    },
    "comparisons.card_unreadable": {
        "sv": "Kan inte läsa evidensbeviset '{name}' ({reason}). Ange sökvägen till en JSON-fil.",
        "en": "Cannot read the evidence card '{name}' ({reason}). Give the path of a JSON file.",
    },
    "comparisons.card_no_effect": {
        "sv": "Evidensbeviset från '{name}' har ingen effektskattning med standardfel och kan inte vägas "
        "samman. Ta bort det eller spara ett resultat med effekt först.",
        "en": "The evidence card from '{name}' has no effect estimate with a standard error and cannot be "
        "pooled. Remove it or save a result with an effect first.",
    },
    "comparisons.pool_too_few": {
        "sv": "Sammanvägning behöver minst två evidensbevis, fick {n}.",
        "en": "Pooling needs at least two evidence cards, got {n}.",
    },
    "comparisons.definitions_differ": {
        "sv": "Evidensbevisen mäter inte samma sak och kan inte vägas samman: '{name_a}' definierar "
        "indikatorn som «{definition_a}» ({unit_a}), men '{name_b}' som «{definition_b}» ({unit_b}). "
        "Kom överens om en gemensam definition och räkna om.",
        "en": "The evidence cards do not measure the same thing and cannot be pooled: '{name_a}' defines "
        "the indicator as «{definition_a}» ({unit_a}), but '{name_b}' as «{definition_b}» ({unit_b}). "
        "Agree on one definition and recompute.",
    },
    "comparisons.warn_few_cards": {
        "sv": "Bara {k} kommuner: mellankommunvariansen (τ²) är mycket osäker och prediktionsintervallet brett.",
        "en": "Only {k} municipalities: the between-municipality variance (τ²) is very uncertain and the "
        "prediction interval wide.",
    },
    "comparisons.warn_not_credible": {
        "sv": "Evidensbeviset från '{name}' bygger inte på en trovärdig jämförelse (steg {rung}); den "
        "sammanvägda effekten är inte starkare än sitt svagaste bidrag.",
        "en": "The evidence card from '{name}' does not rest on a credible comparison (rung {rung}); the "
        "pooled effect is no stronger than its weakest contribution.",
    },
}
