"""Texts of the staff page "Jämför med andra kommuner" (Voilà)."""

MESSAGES = {
    "ui.compare.tab": {"sv": "Jämför kommuner", "en": "Compare municipalities"},
    "ui.compare.heading": {"sv": "Jämför med andra kommuner", "en": "Compare with other municipalities"},
    "ui.compare.intro": {
        "sv": "Kolada publicerar samma nyckeltal för alla kommuner varje år. Välj nyckeltal, er kommun och året "
              "insatsen startade; verkstaden bygger en syntetisk kontroll av jämförbara kommuner och en "
              "skillnad-i-skillnader-jämförelse. Svaren från Kolada sparas i projektmappen ({folder}) med adress och "
              "datum, så att jämförelsen går att göra om utan nätverk.",
        "en": "Kolada publishes the same key figures for every municipality each year. Choose the KPI, your "
              "municipality and the year the intervention started; the workbench builds a synthetic control from "
              "comparable municipalities and a difference-in-differences comparison. Kolada's answers are kept in the "
              "project folder ({folder}) with address and date, so the comparison can be redone without a network.",
    },
    "ui.compare.kpi": {"sv": "Nyckeltal i Kolada (id, t.ex. N03702)", "en": "Kolada KPI (id, e.g. N03702)"},
    "ui.compare.municipality": {"sv": "Er kommun (kommun-id, t.ex. 1984)", "en": "Your municipality (id, e.g. 1984)"},
    "ui.compare.start": {"sv": "Första året med insatsen", "en": "First year with the intervention"},
    "ui.compare.pools_button": {"sv": "Visa jämförelsegrupper", "en": "Show comparison pools"},
    "ui.compare.pool": {"sv": "Jämförelsegrupp", "en": "Comparison pool"},
    "ui.compare.pool_option": {"sv": "{label} ({n} kommuner)", "en": "{label} ({n} municipalities)"},
    "ui.compare.run": {"sv": "Jämför", "en": "Compare"},
    "ui.compare.save": {"sv": "Spara i projektet", "en": "Save in the project"},
    "ui.compare.saved": {"sv": "Jämförelsen sparades som {path}.", "en": "The comparison was saved as {path}."},
    "ui.compare.saved_label": {"sv": "Jämförelse med andra kommuner: {municipality}, {kpi}",
                               "en": "Comparison with other municipalities: {municipality}, {kpi}"},
    "ui.compare.pools_found": {
        "sv": "{municipality}: {n} jämförelsegrupper. Välj en och tryck på Jämför.",
        "en": "{municipality}: {n} comparison pools. Choose one and press Compare.",
    },
    "ui.compare.need_pools": {"sv": "Tryck först på 'Visa jämförelsegrupper'.", "en": "First press 'Show comparison pools'."},
    "ui.compare.results": {"sv": "Resultat", "en": "Results"},
    "ui.compare.warnings": {"sv": "Att tänka på", "en": "Keep in mind"},
    "ui.compare.sources": {"sv": "Data från Kolada (adress och hämtningsdatum)", "en": "Data from Kolada (address and retrieval date)"},
}
