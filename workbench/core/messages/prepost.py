"""Messages of rung 3, before/after measurement (``wb.prepost``)."""

MESSAGES = {
    # errors
    "prepost.no_indicators": {
        "sv": "Ange minst en kolumn för 'före' och en för 'efter'.",
        "en": "Give at least one column for 'before' and one for 'after'.",
    },
    "prepost.unequal_lengths": {
        "sv": "Listorna 'före' ({n_before} kolumner) och 'efter' ({n_after} kolumner) är olika långa. "
        "Varje före-kolumn ska ha en efter-kolumn på samma plats i listan.",
        "en": "The lists 'before' ({n_before} columns) and 'after' ({n_after} columns) differ in length. "
        "Each before-column needs an after-column in the same place in the list.",
    },
    "prepost.same_column": {
        "sv": "Kolumnen '{column}' är angiven både som 'före' och 'efter'. Välj två olika kolumner.",
        "en": "Column '{column}' is given both as 'before' and 'after'. Choose two different columns.",
    },
    "prepost.all_after_missing": {
        "sv": "Efter-kolumnen '{column}' saknar värden på alla rader med ett före-värde, så det finns inga "
        "par att jämföra. Kontrollera att eftermätningen är inläst.",
        "en": "The after-column '{column}' has no values on any row with a before-value, so there are no "
        "pairs to compare. Check that the follow-up measurement has been loaded.",
    },
    "prepost.all_before_missing": {
        "sv": "Före-kolumnen '{column}' saknar värden på alla rader, så det finns inga par att jämföra med "
        "'{after}'. Kontrollera att baslinjemätningen är inläst och att kolumnnamnet stämmer.",
        "en": "The before-column '{column}' has no values on any row, so there are no pairs to compare "
        "with '{after}'. Check that the baseline measurement has been loaded and the column name is right.",
    },
    "prepost.too_few_pairs": {
        "sv": "Kolumnerna '{before}' (före) och '{after}' (efter) har bara {n} fullständiga par (rader med "
        "både före- och eftervärde), men analysen behöver minst {minimum}.",
        "en": "The columns '{before}' (before) and '{after}' (after) have only {n} complete pairs (rows "
        "with both a before and an after value), but the analysis needs at least {minimum}.",
    },
    "prepost.duplicate_names": {
        "sv": "Flera indikatorer får samma namn ({names}). Ange egna namn med names=[...].",
        "en": "Several indicators get the same name ({names}). Give your own names with names=[...].",
    },
    "prepost.reference_unknown": {
        "sv": "Referensvärdet för '{name}' gäller indikatorn '{indicator}', som inte finns. Indikatorerna "
        "heter: {available}.",
        "en": "The reference value for '{name}' names indicator '{indicator}', which does not exist. "
        "The indicators are: {available}.",
    },
    # words
    "prepost.claim": {"sv": "förändring, inte effekt", "en": "change, not effect"},
    "prepost.word.before": {"sv": "före", "en": "before"},
    "prepost.word.after": {"sv": "efter", "en": "after"},
    "prepost.word.yes": {"sv": "ja", "en": "yes"},
    "prepost.word.no": {"sv": "nej", "en": "no"},
    # warnings
    "prepost.warn.attrition": {
        "sv": "Bortfallet för '{indicator}' är {share} % ({lost} av {total} saknar eftermätning). De som "
        "föll bort hade {comparison} värden vid baslinjen än de som stannade kvar (skillnad {diff}, SMD {smd}); "
        "förändringen gäller bara dem som mättes två gånger.",
        "en": "Attrition for '{indicator}' is {share}% ({lost} of {total} lack a follow-up measurement). "
        "Those lost had {comparison} values at baseline than those kept (difference {diff}, SMD {smd}); "
        "the change describes only those measured twice.",
    },
    "prepost.warn.higher": {"sv": "högre", "en": "higher"},
    "prepost.warn.lower": {"sv": "lägre", "en": "lower"},
    "prepost.warn.rtm_selected": {
        "sv": "Deltagarna valdes ut för att de hade extrema värden vid starten. Då rör sig värdena ofta "
        "tillbaka mot genomsnittet av sig själva (regression mot medelvärdet) – en del av förändringen "
        "kan bero på det och inte på insatsen.",
        "en": "Participants were chosen for extreme values at the start. Such values tend to move back "
        "towards the average on their own (regression to the mean) – part of the change may be that, "
        "not the intervention.",
    },
    "prepost.warn.rtm_reference": {
        "sv": "Medelvärdet före för '{indicator}' ({mean}) ligger {distance} standardavvikelser från "
        "referensbefolkningens ({reference}). Deltagare med så avvikande startvärden brukar röra sig mot "
        "genomsnittet av sig själva (regression mot medelvärdet); tolka förändringen försiktigt.",
        "en": "The before mean of '{indicator}' ({mean}) lies {distance} standard deviations from the "
        "reference population's ({reference}). Participants with such unusual starting values tend to "
        "move towards the average on their own (regression to the mean); read the change with care.",
    },
    "prepost.warn.constant_change": {
        "sv": "Alla deltagare har exakt samma förändring för '{indicator}', så t-test och effektstorlek "
        "går inte att beräkna.",
        "en": "Every participant has exactly the same change for '{indicator}', so the t-test and effect "
        "size cannot be computed.",
    },
    "prepost.warn.no_discordant": {
        "sv": "Ingen deltagare bytte svar för '{indicator}' (inga par 0→1 eller 1→0), så McNemars test "
        "går inte att beräkna.",
        "en": "No participant changed answer for '{indicator}' (no 0→1 or 1→0 pairs), so McNemar's test "
        "cannot be computed.",
    },
    "prepost.warn.few_pairs": {
        "sv": "Bara {n} fullständiga par för '{indicator}': osäkerheten är stor och resultatet räcker inte "
        "för steg 3 (minst {minimum} par).",
        "en": "Only {n} complete pairs for '{indicator}': the uncertainty is large and the result is not "
        "enough for rung 3 (at least {minimum} pairs).",
    },
    "prepost.warn.missing_before": {
        "sv": "{n} rader saknar före-värde för '{indicator}' och är inte med i analysen.",
        "en": "{n} rows lack a before-value for '{indicator}' and are left out of the analysis.",
    },
    # credibility
    "prepost.cred.few_pairs": {
        "sv": "'{indicator}' har bara {n} fullständiga par (minst {minimum} behövs)",
        "en": "'{indicator}' has only {n} complete pairs (at least {minimum} needed)",
    },
    "prepost.cred.attrition": {
        "sv": "bortfallet för '{indicator}' är {share} % (högst {limit} % går att tolka)",
        "en": "attrition for '{indicator}' is {share}% (at most {limit}% can be interpreted)",
    },
    # explain
    "prepost.explain.intro": {
        "sv": "Förändring, inte effekt. Samma indikatorer mättes före och efter för deltagarna.",
        "en": "Change, not effect. The same indicators were measured before and after for participants.",
    },
    "prepost.explain.continuous": {
        "sv": "För '{indicator}' ({n} par) var medelvärdet {mean_before} före och {mean_after} efter, en "
        "förändring på {change}; parat t-test {p}, Wilcoxon {p_w}; standardiserat d_z = {dz}.",
        "en": "For '{indicator}' ({n} pairs) the mean was {mean_before} before and {mean_after} after, a "
        "change of {change}; paired t-test {p}, Wilcoxon {p_w}; standardized d_z = {dz}.",
    },
    "prepost.explain.binary": {
        "sv": "För '{indicator}' ({n} par) var andelen {share_before} före och {share_after} efter, en "
        "skillnad i procentenheter på {change}; McNemar {p}, exakt test {p_exact}.",
        "en": "For '{indicator}' ({n} pairs) the share was {share_before} before and {share_after} after, "
        "a difference in percentage points of {change}; McNemar {p}, exact test {p_exact}.",
    },
    "prepost.explain.attrition": {
        "sv": "Av {total} med före-mätning saknar {lost} eftermätning ({share} %); siffrorna gäller de "
        "fullständiga paren.",
        "en": "Of {total} with a before-measurement, {lost} lack a follow-up ({share}%); the figures describe "
        "the complete pairs.",
    },
    "prepost.explain.cannot": {
        "sv": "Det här är steg 3 på utvärderingstrappan: det visar att något förändrades för deltagarna, "
        "men inte att insatsen orsakade det. Förändringen kan också bero på annat som hänt under tiden, "
        "på att de med extrema startvärden rör sig mot genomsnittet, eller på vilka som fanns kvar vid "
        "eftermätningen. För att kunna tala om effekt behövs en jämförelsegrupp (steg 4 eller 5).",
        "en": "This is rung 3 of the evaluation ladder: it shows that something changed for participants, "
        "but not that the intervention caused it. The change may also come from other things happening "
        "meanwhile, from people with extreme starting values moving towards the average, or from who "
        "remained at follow-up. Claiming an effect needs a comparison group (rung 4 or 5).",
    },
    "prepost.explain.percent": {"sv": "{value} %", "en": "{value}%"},
    "prepost.explain.more": {
        "sv": "Ytterligare {n} indikatorer finns i tabellen.",
        "en": "{n} more indicators are in the table.",
    },
    # chart titles
    "prepost.chart.individual": {"sv": "Förändring per deltagare: {indicator}",
                                 "en": "Change per participant: {indicator}"},
    "prepost.chart.means": {"sv": "Medelvärde med {pct} % KI: {indicator}", "en": "Mean with {pct}% CI: {indicator}"},
    "prepost.chart.shares": {"sv": "Andel med {pct} % KI: {indicator}", "en": "Share with {pct}% CI: {indicator}"},
    "prepost.chart.transitions": {"sv": "Byten mellan före och efter: {indicator}",
                                  "en": "Transitions between before and after: {indicator}"},
    "prepost.chart.value": {"sv": "Värde", "en": "Value"},
    "prepost.chart.time": {"sv": "Mättillfälle", "en": "Measurement"},
    "prepost.chart.count": {"sv": "Antal deltagare", "en": "Number of participants"},
    "prepost.chart.share": {"sv": "Andel", "en": "Share"},
    "prepost.chart.sampled": {"sv": "(visar {shown} av {n} deltagare)", "en": "(showing {shown} of {n} participants)"},
}
