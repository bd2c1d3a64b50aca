"""Messages of the long-term follow-up analysis (keys ``followup.``)."""

MESSAGES = {
    "followup.no_occasions": {
        "sv": "Hittar inga mättillfällen efter insatsen med värden. Ange occasions=, t.ex. ['efter', "
              "'uppfoljning_24']. Kolumner som finns: {columns}.",
        "en": "No occasion after the intervention has values. Give occasions=, e.g. ['efter', "
              "'uppfoljning_24']. Columns there are: {columns}.",
    },
    "followup.arm_share": {"sv": "{arm} {share}", "en": "{arm} {share}"},
    "followup.chart.occasion": {"sv": "Mättillfälle", "en": "Occasion"},
    "followup.chart.effect": {"sv": "Effekt av erbjudandet", "en": "Effect of the offer"},
    "followup.warn.differential": {
        "sv": "Olika stort bortfall mellan grupperna vid '{occasion}': mätta {shares} (skillnad {difference} "
              "procentenheter). Jämförelsen kan vara snedvriden; se gränserna (Lee) och sänk tilltron till steg 5.",
        "en": "Attrition differs between arms at '{occasion}': measured {shares} (difference {difference} "
              "percentage points). The comparison may be biased; see the (Lee) bounds, and rung 5 is not met.",
    },
    "followup.warn.overall": {
        "sv": "Stort bortfall vid '{occasion}': {missing} av de randomiserade saknar mätning.",
        "en": "Large attrition at '{occasion}': {missing} of those randomized have no measurement.",
    },
    "followup.text.intro": {
        "sv": "Effekten av erbjudandet ({treated} jämfört med {control}) vid varje mättillfälle, för alla som "
              "randomiserades och mättes då:",
        "en": "The effect of the offer ({treated} compared with {control}) at each occasion, for everyone "
              "randomized and measured then:",
    },
    "followup.text.occasion": {
        "sv": "vid '{occasion}' {effect} (n = {n})",
        "en": "at '{occasion}' {effect} (n = {n})",
    },
    "followup.text.held": {
        "sv": "Höll resultaten i sig? Ja: effekten vid '{first}' syns tydligt även vid '{last}'.",
        "en": "Did the results hold? Yes: the effect at '{first}' is still clear at '{last}'.",
    },
    "followup.text.faded": {
        "sv": "Höll resultaten i sig? Nej, det ser inte så ut: effekten vid '{first}' har minskat till mindre "
              "än hälften vid '{last}' och kan där inte skiljas från noll.",
        "en": "Did the results hold? It does not look so: the effect at '{first}' has shrunk to less than half "
              "at '{last}' and cannot be told apart from zero there.",
    },
    "followup.text.unclear": {
        "sv": "Höll resultaten i sig? Osäkert: effekten vid '{first}' är tydlig, men vid '{last}' är "
              "osäkerheten så stor att den inte kan skiljas från noll.",
        "en": "Did the results hold? Uncertain: the effect at '{first}' is clear, but at '{last}' the "
              "uncertainty is so large that it cannot be told apart from zero.",
    },
    "followup.text.no_effect": {
        "sv": "Höll resultaten i sig? Det fanns ingen tydlig effekt vid '{first}' att hålla i sig.",
        "en": "Did the results hold? There was no clear effect at '{first}' to hold.",
    },
    "followup.text.attrition": {
        "sv": "Observera: vid '{occasion}' saknas mätning för {missing} % av de randomiserade, med "
              "{difference} procentenheters skillnad mellan grupperna, så effekten där är osäkrare än "
              "intervallet visar.",
        "en": "Note: at '{occasion}' {missing} % of those randomized were not measured, with a difference of "
              "{difference} percentage points between arms, so the effect there is less certain than its "
              "interval shows.",
    },
    "followup.text.bounds_lee": {
        "sv": "Om de som föll bort skiljer sig från de mätta kan effekten vid '{occasion}' ligga mellan {lower} "
              "och {upper} (Lee-gränser, utan slumposäkerhet).",
        "en": "If those lost differ from those measured, the effect at '{occasion}' may lie between {lower} "
              "and {upper} (Lee bounds, without sampling uncertainty).",
    },
    "followup.text.bounds_worst_best": {
        "sv": "I värsta och bästa fall (saknade värden satta till skalans ytterlägen) ligger den mellan "
              "{lower} och {upper}.",
        "en": "In the worst and best case (missing values set to the ends of the scale) it lies between "
              "{lower} and {upper}.",
    },
    "followup.text.claim": {
        "sv": "Eftersom grupperna lottades visar varje jämförelse effekten av erbjudandet vid just det "
              "tillfället; att effekten håller i sig kräver att bortfallet inte snedvrider de senare mätningarna.",
        "en": "Because the arms were randomized, each comparison shows the effect of the offer at that "
              "occasion; that the effect holds requires that attrition does not bias the later measurements.",
    },
    "followup.bad_due": {
        "sv": "'due' ska ha en rad per deltagare ({n}) och en kolumn per mättillfälle; saknas: {occasions}.",
        "en": "'due' must have one row per participant ({n}) and one column per occasion; missing: {occasions}.",
    },
}
