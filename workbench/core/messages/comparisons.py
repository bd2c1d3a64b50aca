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

MESSAGES.update({
    "comparisons.pool.alla": {"sv": "Alla kommuner", "en": "All municipalities"},
    "comparisons.pool.samma_lan": {"sv": "Samma län ({county})", "en": "Same county ({county})"},
    "comparisons.pool.liknande": {"sv": "Kolada: {title}", "en": "Kolada: {title}"},
    "comparisons.pool.skr": {"sv": "SKR:s kommungrupp: {title}", "en": "SKR municipality group: {title}"},
    "comparisons.pool.storlek": {"sv": "Liknande storlek ({n} närmast i invånarantal)",
                                 "en": "Similar size ({n} closest in population)"},
    "comparisons.unknown_pool": {
        "sv": "Okänd jämförelsegrupp '{pool}'. Välj en av: {allowed}, eller ge en lista med kommun-id.",
        "en": "Unknown comparison pool '{pool}'. Choose one of: {allowed}, or give a list of municipality ids.",
    },
    "comparisons.not_municipality": {
        "sv": "'{id}' är inte en kommun i Kolada (kommun-id har fyra siffror, t.ex. '1984' för Arboga).",
        "en": "'{id}' is not a municipality in Kolada (municipality ids have four digits, e.g. '1984' for Arboga).",
    },
    "comparisons.no_treated_data": {
        "sv": "Kolada har inga värden för nyckeltalet {kpi} i {municipality}. Välj ett annat nyckeltal.",
        "en": "Kolada has no values of the KPI {kpi} for {municipality}. Choose another KPI.",
    },
    "comparisons.too_few_in_pool": {
        "sv": "Jämförelsegruppen har bara {n} kommun(er) med fullständiga värden för {kpi}; det behövs minst två.",
        "en": "The comparison pool has only {n} municipality(ies) with complete values of {kpi}; at least two are needed.",
    },
    "comparisons.warn_yearly": {
        "sv": "Kolada redovisar årsvärden: effekter som kommer och går inom ett år syns inte, och varje år "
        "är bara en observation.",
        "en": "Kolada publishes yearly values: effects that come and go within a year are invisible, and each "
        "year is a single observation.",
    },
    "comparisons.warn_few_pre": {
        "sv": "Bara {n} år före starten {start}. Med så få förår är det svårt att se om kommunerna följde "
        "varandra innan; helst minst fem.",
        "en": "Only {n} years before the start {start}. With so few pre-years it is hard to see whether the "
        "municipalities moved together before; preferably at least five.",
    },
    "comparisons.warn_dropped": {
        "sv": "Utan fullständiga värden {first}–{last} och därför utanför jämförelsen: {names}.",
        "en": "Without complete values {first}–{last} and therefore left out of the comparison: {names}.",
    },
    "comparisons.warn_status": {
        "sv": "Kolada markerar värden med status ({statuses}) för {names}; kontrollera i Kolada om definitionen "
        "eller datakällan ändrats (brott i tidsserien).",
        "en": "Kolada flags values with a status ({statuses}) for {names}; check in Kolada whether the definition "
        "or the data source changed (a break in the series).",
    },
    "comparisons.explain_intro": {
        "sv": "{municipality} jämförs med {n} kommuner ({pool}) på nyckeltalet {kpi} ({title}) från Kolada, "
        "{first}–{last}, med start {start}.",
        "en": "{municipality} is compared with {n} municipalities ({pool}) on the Kolada KPI {kpi} ({title}), "
        "{first}–{last}, starting {start}.",
    },
})

MESSAGES.update({
    "comparisons.explain_areas": {
        "sv": "{treated} jämförs med {n} andra områden, {first}–{last}, med start {start}.",
        "en": "{treated} is compared with {n} other areas, {first}–{last}, starting {start}.",
    },
    "comparisons.unknown_treated": {
        "sv": "Området '{treated}' finns inte i kolumnen '{column}'. Områdena är: {allowed}.",
        "en": "The area '{treated}' is not in the column '{column}'. The areas are: {allowed}.",
    },
    "comparisons.warn_status_areas": {
        "sv": "Värden med statussymbol ({statuses}) saknas för {names}: de områdena är inte med.",
        "en": "Values with a status symbol ({statuses}) are missing for {names}: those areas are left out.",
    },
})

MESSAGES.update({
    "comparisons.data_note": {
        "sv": "Data: Kolada, nyckeltal {kpi}, hämtat {dates} ({n} svar, sparade med adress och datum).",
        "en": "Data: Kolada, KPI {kpi}, retrieved {dates} ({n} answers, kept with address and date).",
    },
})

MESSAGES.update({
    "comparisons.card_n": {"sv": "kort {n}", "en": "card {n}"},
    "comparisons.card_default_name": {"sv": "evidensbevis", "en": "evidence card"},
    "comparisons.card_root": {"sv": "(kortet)", "en": "(the card)"},
    "comparisons.pool_explain": {
        "sv": "Sammanvägt över {k} kommuner (slumpeffektmodell, REML med Knapp–Hartung) är effekten på «{name}» "
        "{effect}. Skillnaden mellan kommunerna: I² = {i2} %, τ² = {tau2}. I en ny, liknande kommun kan effekten "
        "väntas hamna mellan {lo} och {hi} ({pct} % prediktionsintervall). ",
        "en": "Pooled over {k} municipalities (random effects, REML with Knapp–Hartung), the effect on «{name}» is "
        "{effect}. Between municipalities: I² = {i2}%, τ² = {tau2}. In a new, similar municipality the effect can "
        "be expected between {lo} and {hi} ({pct}% prediction interval). ",
    },
    "comparisons.pool_explain_weak": {
        "sv": "Sammanvägningen gör inte svaga jämförelser starkare: den är så trovärdig som de bevis den bygger på.",
        "en": "Pooling does not make weak comparisons stronger: it is as credible as the evidence it rests on.",
    },
    "comparisons.pool_explain_credible": {
        "sv": "Alla bidrag bygger på trovärdiga jämförelser, men kommunerna kan skilja sig på sätt som "
        "sammanvägningen inte ser.",
        "en": "Every contribution rests on a credible comparison, but the municipalities may differ in ways the "
        "pooling cannot see.",
    },
    "comparisons.problem_weak_cards": {
        "sv": "{n} av {k} evidensbevis bygger inte på en trovärdig jämförelse (steg 4 eller högre): {names}. "
        "Den sammanvägda effekten är inte starkare än sitt svagaste bidrag.",
        "en": "{n} of {k} evidence cards do not rest on a credible comparison (rung 4 or higher): {names}. "
        "The pooled effect is no stronger than its weakest contribution.",
    },
    "comparisons.the_indicator": {"sv": "indikatorn", "en": "the indicator"},
    "comparisons.chart.pool_title": {"sv": "Sammanvägning av kommunernas evidensbevis", "en": "Pooled evidence cards"},
    "comparisons.chart.pooled": {"sv": "Sammanvägt", "en": "Pooled"},
    "comparisons.chart.municipality": {"sv": "kommun", "en": "municipality"},
    "comparisons.chart.effect": {"sv": "Effekt", "en": "Effect"},
})
