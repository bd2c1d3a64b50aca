"""Messages of the open-statistics clients (Kolada, SCB PxWeb) and of comparisons built on them."""

MESSAGES = {
    # -- network and HTTP ----------------------------------------------------------------------
    "opendata.no_network": {
        "sv": "Kunde inte nå {url} ({reason}). Kontrollera nätverket, eller använd en cache-mapp "
        "(cache=) där svaret redan finns sparat.",
        "en": "Could not reach {url} ({reason}). Check the network, or use a cache folder (cache=) that "
        "already holds the response.",
    },
    "opendata.http_error": {
        "sv": "Servern svarade med HTTP {status} på {url}. Kontrollera id:n och urvalet; vid 5xx, försök "
        "igen senare.",
        "en": "The server answered HTTP {status} to {url}. Check the ids and the selection; for 5xx, try "
        "again later.",
    },
    "opendata.rate_limited": {
        "sv": "Servern begränsar antalet anrop (HTTP 429) och svarade inte efter {tries} försök: {url}. "
        "Vänta en stund och försök igen.",
        "en": "The server limits the number of calls (HTTP 429) and did not answer after {tries} tries: "
        "{url}. Wait a while and try again.",
    },
    "opendata.bad_response": {
        "sv": "Svaret från {url} ser inte ut som API:et beskriver ({detail}). Kontrollera adressen "
        "och api-versionen.",
        "en": "The response from {url} is not what the API documents ({detail}). Check the address and "
        "the API version.",
    },
    "opendata.paging_loop": {
        "sv": "Sidhänvisningen från {url} pekar tillbaka på en sida som redan hämtats. Avbryter.",
        "en": "The next-page link from {url} points back at a page already fetched. Stopping.",
    },
    "opendata.bad_cache": {
        "sv": "Cache-mappen '{path}' kan inte användas ({reason}). Ange en mapp i projektet.",
        "en": "The cache folder '{path}' cannot be used ({reason}). Give a folder in the project.",
    },
    # -- Kolada ---------------------------------------------------------------------------------
    "opendata.kolada_bad_kpi": {
        "sv": "'{kpi}' ser inte ut som ett nyckeltals-id i Kolada (t.ex. 'N00945' eller 'U30446'). "
        "Sök med wb.opendata.kolada_kpis('ord').",
        "en": "'{kpi}' does not look like a Kolada KPI id (e.g. 'N00945' or 'U30446'). Search with "
        "wb.opendata.kolada_kpis('word').",
    },
    "opendata.kolada_unknown_kpi": {
        "sv": "Kolada känner inte till nyckeltalet '{kpi}' ({url}). Sök rätt id med "
        "wb.opendata.kolada_kpis('ord').",
        "en": "Kolada does not know the KPI '{kpi}' ({url}). Find the right id with "
        "wb.opendata.kolada_kpis('word').",
    },
    "opendata.kolada_unknown_municipality": {
        "sv": "Kolada känner inte till kommun-id {ids}. Kommun-id har fyra siffror (t.ex. '0180' för "
        "Stockholm); se wb.opendata.kolada_municipalities().",
        "en": "Kolada does not know the municipality id(s) {ids}. Municipality ids have four digits (e.g. "
        "'0180' for Stockholm); see wb.opendata.kolada_municipalities().",
    },
    "opendata.kolada_need_filter": {
        "sv": "Ange kommuner (municipalities=) eller år (years=) för nyckeltalet '{kpi}': Kolada lämnar "
        "inte ut alla kommuner och alla år i ett anrop.",
        "en": "Give municipalities (municipalities=) or years (years=) for the KPI '{kpi}': Kolada does not "
        "hand out every municipality and every year in one call.",
    },
    "opendata.kolada_bad_gender": {
        "sv": "gender= ska vara 'T' (totalt), 'K' (kvinnor), 'M' (män) eller None (alla), inte '{value}'.",
        "en": "gender= must be 'T' (total), 'K' (women), 'M' (men) or None (all), not '{value}'.",
    },
    "opendata.bad_api": {
        "sv": "Okänt api '{value}'. Välj något av: {allowed}.",
        "en": "Unknown api '{value}'. Choose one of: {allowed}.",
    },
    # -- PxWeb ----------------------------------------------------------------------------------
    "opendata.px_unknown_table": {
        "sv": "Tabellen '{table}' finns inte hos {url}. Kontrollera tabell-id:t (t.ex. 'TAB638' i API v2 "
        "eller 'BE/BE0101/BE0101A/BefolkningNy' i v1).",
        "en": "The table '{table}' does not exist at {url}. Check the table id (e.g. 'TAB638' in API v2 or "
        "'BE/BE0101/BE0101A/BefolkningNy' in v1).",
    },
    "opendata.px_unknown_variable": {
        "sv": "Tabellen '{table}' har ingen variabel '{variable}'. Variablerna är: {allowed}.",
        "en": "The table '{table}' has no variable '{variable}'. Its variables are: {allowed}.",
    },
    "opendata.px_unknown_value": {
        "sv": "Variabeln '{variable}' i tabellen '{table}' har inga värden {values}. Exempel på giltiga "
        "koder: {allowed}.",
        "en": "The variable '{variable}' in the table '{table}' has no values {values}. Examples of valid "
        "codes: {allowed}.",
    },
    "opendata.px_missing_variable": {
        "sv": "Tabellen '{table}' kräver ett urval för variabeln '{variable}' (den kan inte utelämnas). "
        "Ange t.ex. {{'{variable}': ['*']}}.",
        "en": "The table '{table}' needs a selection for the variable '{variable}' (it cannot be left out). "
        "Give e.g. {{'{variable}': ['*']}}.",
    },
    "opendata.px_too_large": {
        "sv": "Urvalet ger {cells} celler och skulle kräva {queries} anrop (högst {max_queries}) mot "
        "tabellen '{table}'. Begränsa urvalet (färre år, regioner eller variabler).",
        "en": "The selection gives {cells} cells and would need {queries} calls (at most {max_queries}) to "
        "the table '{table}'. Narrow the selection (fewer years, regions or variables).",
    },
    "opendata.px_bad_selection": {
        "sv": "selection= ska vara en ordlista {{variabelkod: [värdekoder]}} (\"*\" för alla), inte {got}.",
        "en": "selection= must be a dict {{variable code: [value codes]}} (\"*\" for all), not {got}.",
    },
    "opendata.px_bad_format": {
        "sv": "Okänt svarsformat '{value}'. Välj något av: {allowed}.",
        "en": "Unknown response format '{value}'. Choose one of: {allowed}.",
    },
}
