"""Messages of the economics room: municipal cost-benefit, unit costs, repayment (keys ``economics.``)."""

MESSAGES = {
    # -- input errors ---------------------------------------------------------------------------
    "economics.negative_amount": {
        "sv": "Beloppet för '{item}' är negativt ({value}). Ange alla belopp som positiva tal och "
        "säg med typen om det är en kostnad, en besparing eller en intäkt.",
        "en": "The amount for '{item}' is negative ({value}). Give every amount as a positive number "
        "and use the type to say whether it is a cost, a saving or a revenue.",
    },
    "economics.discount_rate": {
        "sv": "Diskonteringsräntan '{name}' ska vara ett decimaltal från 0 upp till (men inte med) 1, "
        "men är {value}. Skriv räntan som decimaltal, inte i procent: för {percent} % skriver du {suggestion}.",
        "en": "The discount rate '{name}' must be a decimal from 0 up to (not including) 1, but is "
        "{value}. Give the rate as a decimal, not in percent: for {percent}% write {suggestion}.",
    },
    "economics.rate": {
        "sv": "'{name}' ska vara ett decimaltal per år, större än −1 och mindre än 1 (negativa värden "
        "går bra), men är {value}. Skriv det som decimaltal, inte i procent: för {percent} % skriver du "
        "{suggestion}.",
        "en": "'{name}' must be a decimal per year, greater than −1 and less than 1 (negative values "
        "are fine), but is {value}. Give it as a decimal, not in percent: for {percent}% write {suggestion}.",
    },
    "economics.share": {
        "sv": "'{name}' ska vara en andel från 0 till 1, men är {value}. Skriv andelen som decimaltal, "
        "inte i procent: för {percent} % skriver du {suggestion}.",
        "en": "'{name}' must be a share from 0 to 1, but is {value}. Give the share as a decimal, not "
        "in percent: for {percent}% write {suggestion}.",
    },
    "economics.not_a_number": {
        "sv": "'{name}' ska vara ett tal (inte text, tomt, NaN eller oändligt), men är {value}.",
        "en": "'{name}' must be a number (not text, blank, NaN or infinite), but is {value}.",
    },
    "economics.negative_value": {
        "sv": "'{name}' får inte vara negativt, men är {value}. Ange 0 eller ett positivt tal.",
        "en": "'{name}' must not be negative, but is {value}. Give 0 or a positive number.",
    },
    "economics.number_range": {
        "sv": "'{name}' ska vara ett tal från {low} till {high}, men är {value}.",
        "en": "'{name}' must be a number from {low} to {high}, but is {value}.",
    },
    "economics.integer": {
        "sv": "'{name}' ska vara ett heltal som är minst {low}, men är {value}.",
        "en": "'{name}' must be a whole number of at least {low}, but is {value}.",
    },
    "economics.integer_range": {
        "sv": "'{name}' ska vara ett heltal från {low} till {high}, men är {value}.",
        "en": "'{name}' must be a whole number from {low} to {high}, but is {value}.",
    },
    "economics.year": {
        "sv": "'{name}' ska vara ett årtal (ett heltal, t.ex. 2020), men är {value}.",
        "en": "'{name}' must be a year (a whole number, e.g. 2020), but is {value}.",
    },
    "economics.not_text": {
        "sv": "'{name}' ska vara en text (t.ex. ett namn), men är {value}.",
        "en": "'{name}' must be a text (e.g. a name), but is {value}.",
    },
    "economics.bad_flag": {
        "sv": "'{name}' ska vara True eller False, men är {value}.",
        "en": "'{name}' must be True or False, but is {value}.",
    },
    "economics.not_a_mapping": {
        "sv": "'{name}' ska vara en ordlista (dict), t.ex. {example}, men är {value}.",
        "en": "'{name}' must be a dictionary (dict), e.g. {example}, but is {value}.",
    },
    "economics.not_a_list": {
        "sv": "'{name}' ska vara en lista, t.ex. [100, 200] eller range(2020, 2025), men är {value}.",
        "en": "'{name}' must be a list, e.g. [100, 200] or range(2020, 2025), but is {value}.",
    },
    "economics.not_a_table": {
        "sv": "'{name}' ska vara en tabell (pandas DataFrame) eller sökvägen till en fil, men är {value}.",
        "en": "'{name}' must be a table (pandas DataFrame) or the path of a file, but is {value}.",
    },
    "economics.empty": {
        "sv": "'{name}' är tom ({value}). Ange minst ett värde.",
        "en": "'{name}' is empty ({value}). Give at least one value.",
    },
    "economics.amount_in_list": {
        "sv": "'{name}': belopp nr {position} ({value}) är inte ett tal. Ange varje belopp som ett tal "
        "i kronor, utan text och utan tomma värden.",
        "en": "'{name}': amount no. {position} ({value}) is not a number. Give every amount as a "
        "number in kronor, without text and without blanks.",
    },
    "economics.negative_in_list": {
        "sv": "'{name}': belopp nr {position} ({value}) är negativt. Ange beloppen som positiva tal.",
        "en": "'{name}': amount no. {position} ({value}) is negative. Give the amounts as positive numbers.",
    },
    "economics.year_in_list": {
        "sv": "'{name}': år nr {position} ({value}) är inte ett årtal. Ange åren som heltal, t.ex. "
        "range(2020, 2025).",
        "en": "'{name}': year no. {position} ({value}) is not a year. Give the years as whole numbers, "
        "e.g. range(2020, 2025).",
    },
    "economics.years_order": {
        "sv": "'{name}': år nr {position} ({value}) kommer efter {previous}. Åren ska stå i stigande "
        "ordning utan upprepningar.",
        "en": "'{name}': year no. {position} ({value}) comes after {previous}. The years must be in "
        "increasing order without repeats.",
    },
    "economics.share_in_list": {
        "sv": "'{name}': andel nr {position} ({value}) ska vara ett tal från 0 till 1 (t.ex. 0.5 för "
        "50 %).",
        "en": "'{name}': share no. {position} ({value}) must be a number from 0 to 1 (e.g. 0.5 for 50%).",
    },
    "economics.item_in_list": {
        "sv": "'{name}': post nr {position} ({value}) är inte en {expected}.",
        "en": "'{name}': item no. {position} ({value}) is not a {expected}.",
    },
    "economics.length_mismatch": {
        "sv": "'{name}' har {n} värden men '{other}' har {other_n}. De ska vara lika många, ett per år.",
        "en": "'{name}' has {n} values but '{other}' has {other_n}. They must be equally many, one per year.",
    },
    "economics.end_before_start": {
        "sv": "'{name}' ({value}) ligger före '{start_name}' ({start}). Effekten kan inte upphöra innan "
        "den har börjat.",
        "en": "'{name}' ({value}) is before '{start_name}' ({start}). The effect cannot end before it "
        "has started.",
    },
    "economics.not_finite": {
        "sv": "Beräkningen ger ett oändligt stort tal ('{name}' = {value}): räntan ligger för nära −1, "
        "perioden är för lång eller beloppen är för stora. Kontrollera indata.",
        "en": "The calculation gives an infinitely large number ('{name}' = {value}): the rate is too "
        "close to −1, the period too long or the amounts too large. Check the input.",
    },
    "economics.overhead_one_off": {
        "sv": "Overhead räknas på löpande poster, men '{item}' i 'of' är en engångspost (one_off=True). "
        "Ta bort den ur of=.",
        "en": "Overhead is computed on running items, but '{item}' in 'of' is a one-off item "
        "(one_off=True). Remove it from of=.",
    },
    "economics.level_missing": {
        "sv": "'{name}' saknar nivå för budgetansvarig '{holder}'. Ange en av: {allowed}.",
        "en": "'{name}' has no level for budget holder '{holder}'. Give one of: {allowed}.",
    },
    "economics.unknown_holder": {
        "sv": "Budgetansvarig '{holder}' finns inte bland de angivna budgetansvariga: {known}. Lägg "
        "till den i holders= (med nivå kommun, region, stat eller individ) eller rätta stavningen.",
        "en": "Budget holder '{holder}' is not among the declared budget holders: {known}. Add it to "
        "holders= (with level kommun, region, stat or individ) or correct the spelling.",
    },
    "economics.unknown_level": {
        "sv": "Nivån '{level}' för budgetansvarig '{holder}' är okänd. Välj en av: {allowed}.",
        "en": "The level '{level}' of budget holder '{holder}' is unknown. Choose one of: {allowed}.",
    },
    "economics.unit_cost_no_source": {
        "sv": "Enhetskostnaden '{key}' (rad {row}) saknar källa. Varje rad i enhetskostnadstabellen "
        "ska ange varifrån värdet kommer (kolumnen 'källa'), så att beslutsfattare kan granska det.",
        "en": "Unit cost '{key}' (row {row}) has no source. Every row of the unit-cost table must say "
        "where the value comes from (column 'källa') so that decision makers can check it.",
    },
    "economics.unit_cost_range": {
        "sv": "Enhetskostnaden '{key}' har ett orimligt intervall: lågt {low}, värde {value}, högt "
        "{high}. Det ska gälla 0 ≤ lågt ≤ värde ≤ högt.",
        "en": "Unit cost '{key}' has an impossible range: low {low}, value {value}, high {high}. It "
        "must hold that 0 ≤ low ≤ value ≤ high.",
    },
    "economics.unit_cost_missing": {
        "sv": "Enhetskostnaden '{key}' (rad {row}) saknar värde i kolumnen '{column}'. Fyll i det i "
        "enhetskostnadstabellen.",
        "en": "Unit cost '{key}' (row {row}) has no value in the column '{column}'. Fill it in in the "
        "unit-cost table.",
    },
    "economics.unit_cost_year": {
        "sv": "Prisåret för enhetskostnaden '{key}' (rad {row}) är {value}, men ska vara ett årtal "
        "(ett heltal, t.ex. 2022).",
        "en": "The price year of unit cost '{key}' (row {row}) is {value}, but must be a year (a whole "
        "number, e.g. 2022).",
    },
    "economics.table_year": {
        "sv": "Året i kolumnen '{column}' på rad {row} ({value}) är inte ett årtal (ett heltal, t.ex. 2020).",
        "en": "The year in the column '{column}' in row {row} ({value}) is not a year (a whole number, "
        "e.g. 2020).",
    },
    "economics.amount_missing": {
        "sv": "Beloppet för '{item}' (rad {row}) saknas. Fyll i ett belopp eller ta bort raden.",
        "en": "The amount for '{item}' (row {row}) is missing. Fill in an amount or remove the row.",
    },
    "economics.index_value": {
        "sv": "Prisindexet för år {year} ska vara ett positivt tal, men är {value}.",
        "en": "The price index for {year} must be a positive number, but is {value}.",
    },
    "economics.index_duplicate": {
        "sv": "År {year} förekommer flera gånger i prisindexet. Varje år ska stå en gång.",
        "en": "The year {year} occurs several times in the price index. Every year must occur once.",
    },
    "economics.unit_cost_unknown": {
        "sv": "Enhetskostnaden '{key}' finns inte i tabellen. Tabellen har: {available}.",
        "en": "Unit cost '{key}' is not in the table. The table has: {available}.",
    },
    "economics.unit_cost_duplicate": {
        "sv": "Enhetskostnaden '{key}' förekommer flera gånger i tabellen. Varje nyckel ska vara unik.",
        "en": "Unit cost '{key}' occurs several times in the table. Every key must be unique.",
    },
    "economics.index_year_missing": {
        "sv": "Prisindex saknas för år {year}. Indextabellen har åren {available}. Lägg till året "
        "i indextabellen eller välj ett annat prisår.",
        "en": "The price index has no value for {year}. The index table has the years {available}. "
        "Add the year to the index table or choose another price year.",
    },
    "economics.bad_type": {
        "sv": "Typen '{value}' (rad {row}) känns inte igen. Använd Kostnad, Besparing eller Intäkt.",
        "en": "The type '{value}' (row {row}) is not recognised. Use Kostnad (cost), Besparing "
        "(saving) or Intäkt (revenue).",
    },
    "economics.ambiguous_sources": {
        "sv": "Raderna av slaget {what} kommer från flera källor: {sources}. Välj vilken som ska "
        "användas med {argument}= (t.ex. 'Budget' eller 'Utfall huvudbok'), annars räknas samma "
        "pengar två gånger.",
        "en": "The {what} rows come from several sources: {sources}. Choose which to use with "
        "{argument}= (e.g. 'Budget' or 'Utfall huvudbok'), otherwise the same money is counted twice.",
    },
    "economics.source_missing": {
        "sv": "Källan '{source}' finns inte bland raderna av slaget {what}. Källorna är: {available}.",
        "en": "The source '{source}' is not among the {what} rows. The sources are: {available}.",
    },
    "economics.nothing_to_value": {
        "sv": "Det finns inga kostnader och inga besparingar att räkna på. Ange en tabell (flows), "
        "kostnadsposter (costs=) eller effekter (outcomes=).",
        "en": "There are no costs and no savings to work with. Give a table (flows), cost items "
        "(costs=) or effects (outcomes=).",
    },
    "economics.years_needed": {
        "sv": "Ange vilka år kalkylen ska omfatta med years= (t.ex. range(2018, 2025)) när du anger "
        "effekter utan en tabell.",
        "en": "Say which years the calculation covers with years= (e.g. range(2018, 2025)) when you "
        "give effects without a table.",
    },
    "economics.bad_years": {
        "sv": "Åren för '{item}' ({years}) ligger inte inom kalkylens år {first}–{last}.",
        "en": "The years of '{item}' ({years}) are not within the calculation's years {first}–{last}.",
    },
    "economics.bad_evidence": {
        "sv": "Effekten '{name}' ska vara ett tal, en Estimate eller ett analysresultat med .estimate "
        "(t.ex. från m.effect() eller wb.rct()), men fick {got}.",
        "en": "The effect '{name}' must be a number, an Estimate or an analysis result with .estimate "
        "(e.g. from m.effect() or wb.rct()), but got {got}.",
    },
    "economics.evidence_zero": {
        "sv": "Effekten är exakt 0, så besparingarna i tabellen kan inte skalas mot den. Ange "
        "besparingarna via outcomes= i stället.",
        "en": "The effect is exactly 0, so the table's savings cannot be scaled by it. Give the "
        "savings through outcomes= instead.",
    },
    "economics.unknown_fund": {
        "sv": "Investeringsfonden '{fund}' finns inte bland de budgetansvariga: {known}.",
        "en": "The investment fund '{fund}' is not among the budget holders: {known}.",
    },
    "economics.bad_perspective": {
        "sv": "Perspektivet '{value}' är okänt. Välj 'kommun', 'offentlig' (kommun, region och "
        "stat), 'samhälle' (alla) eller en lista med budgetansvariga.",
        "en": "The perspective '{value}' is unknown. Choose 'kommun' (municipality), 'offentlig' "
        "(municipality, region and state), 'samhälle' (everyone) or a list of budget holders.",
    },
    "economics.bad_range": {
        "sv": "Intervallet för {name} ska vara (lågt, högt) med 0 < lågt ≤ 1 ≤ högt, men är {value}.",
        "en": "The range for {name} must be (low, high) with 0 < low ≤ 1 ≤ high, but is {value}.",
    },
    "economics.bad_item": {
        "sv": "'{name}' ska vara {expected}, men fick {got}.",
        "en": "'{name}' must be {expected}, but got {got}.",
    },
    # -- warnings -------------------------------------------------------------------------------
    "economics.warn_example_values": {
        "sv": "Kalkylen använder EXEMPEL-värden ur enhetskostnadstabellen ({keys}). Byt dem mot era "
        "egna kostnader innan beslut fattas.",
        "en": "The calculation uses EXAMPLE values from the unit-cost table ({keys}). Replace them "
        "with your own costs before any decision.",
    },
    "economics.warn_rung_low": {
        "sv": "Effekten kommer från steg {rung} på utvärderingstrappan. En återföringsmodell bör "
        "bygga på minst steg 4 (jämförelsegrupp) — återbetalningen nedan är bara räkneexempel.",
        "en": "The effect comes from rung {rung} of the evaluation ladder. A repayment model should "
        "rest on at least rung 4 (a comparison group) — the repayment below is only an illustration.",
    },
    "economics.warn_rung_unknown": {
        "sv": "Det är okänt vilket steg på utvärderingstrappan effekten kommer från. En "
        "återföringsmodell bör bygga på minst steg 4 — ange rung= eller skicka in analysresultatet.",
        "en": "It is unknown which rung of the evaluation ladder the effect comes from. A repayment "
        "model should rest on at least rung 4 — give rung= or pass the analysis result.",
    },
    "economics.warn_not_credible": {
        "sv": "Analysen som effekten kommer från uppfyller inte kraven för sitt steg: {problems}.",
        "en": "The analysis the effect comes from does not meet the requirements of its rung: {problems}.",
    },
    "economics.warn_no_uncertainty": {
        "sv": "Effekten saknar osäkerhet (inget standardfel), så sannolikheterna speglar bara "
        "osäkerheten i enhetskostnaderna.",
        "en": "The effect has no uncertainty (no standard error), so the probabilities reflect only "
        "the uncertainty in the unit costs.",
    },
    "economics.warn_never_pays_back": {
        "sv": "Satsningen betalar sig inte inom kalkylperioden ({first}–{last}) ur {perspective} perspektiv.",
        "en": "The intervention does not pay back within the period ({first}–{last}) from "
        "{perspective} perspective.",
    },
    "economics.warn_outside_municipality": {
        "sv": "Besparingar hamnar utanför kommunen ({holders}); de kan inte krävas tillbaka till "
        "kommunens investeringsfond.",
        "en": "Savings land outside the municipality ({holders}); they cannot be claimed back to the "
        "municipality's investment fund.",
    },
    # -- assumptions (explain) ------------------------------------------------------------------
    "economics.assume_discount": {
        "sv": "Diskonteringsränta {rate} per år (real); basår {base_year} räknas utan diskontering. "
        "Trafikverkets ASEK och brittiska HM Treasury Green Book använder båda 3,5 %.",
        "en": "Discount rate {rate} a year (real); the base year {base_year} is not discounted. "
        "Sweden's ASEK (Trafikverket) and the UK HM Treasury Green Book both use 3.5%.",
    },
    "economics.perspective_name.kommun": {"sv": "kommunens", "en": "the municipality's"},
    "economics.perspective_name.offentlig": {"sv": "den offentliga sektorns", "en": "the public sector's"},
    "economics.perspective_name.samhälle": {"sv": "samhällets", "en": "society's"},
    "economics.perspective_name.egen": {"sv": "de valda budgetansvarigas", "en": "the chosen budget holders'"},
    "economics.perspective_label.kommun": {"sv": "kommunen", "en": "the municipality"},
    "economics.perspective_label.offentlig": {"sv": "den offentliga sektorn", "en": "the public sector"},
    "economics.perspective_label.samhälle": {"sv": "samhället", "en": "society"},
    "economics.perspective_label.egen": {"sv": "valda budgetansvariga", "en": "chosen budget holders"},
    "economics.assume_perspective": {
        "sv": "Perspektiv: {perspective} — räknar med {holders}.",
        "en": "Perspective: {perspective} — counts {holders}.",
    },
    "economics.assume_levels": {
        "sv": "Budgetansvariga och nivå: {pairs}.",
        "en": "Budget holders and level: {pairs}.",
    },
    "economics.assume_table": {
        "sv": "Kostnader ur tabellen: {cost_source}; besparingar och intäkter: {benefit_source}. "
        "Beloppen används som de står (ingen prisomräkning).",
        "en": "Costs from the table: {cost_source}; savings and revenues: {benefit_source}. Amounts "
        "are used as given (no price adjustment).",
    },
    "economics.assume_effect_scaling": {
        "sv": "Tabellens besparingar antas motsvara effekten {effect}; i osäkerhetsanalysen skalas de "
        "i proportion till effekten.",
        "en": "The table's savings are taken to correspond to the effect {effect}; in the uncertainty "
        "analysis they scale in proportion to the effect.",
    },
    "economics.assume_outcome": {
        "sv": "Effekt på '{name}': {effect} per deltagare för {n} deltagare; upptrappning {ramp}, "
        "därefter kvarstår {persistence} av effekten per år; {units} enheter per år värderas med {keys}.",
        "en": "Effect on '{name}': {effect} per participant for {n} participants; ramp-up {ramp}, then "
        "{persistence} of the effect remains each year; {units} units a year valued with {keys}.",
    },
    "economics.assume_prices": {
        "sv": "Enhetskostnader omräknade till {year} års priser med {index}.",
        "en": "Unit costs converted to {year} prices with {index}.",
    },
    "economics.assume_social_fees": {
        "sv": "Personalkostnad = årsarbetare × månadslön × 12 × (1 + sociala avgifter); se "
        "kostnadsposternas egna påslag.",
        "en": "Staff cost = full-time equivalents × monthly salary × 12 × (1 + social fees); see the "
        "cost items' own rates.",
    },
    "economics.assume_monte_carlo": {
        "sv": "Osäkerhet: {n_sims} simuleringar (frö {seed}); effekten normalfördelad kring "
        "skattningen med dess standardfel, enhetskostnader och kostnadsnivå PERT-fördelade mellan "
        "lågt och högt värde.",
        "en": "Uncertainty: {n_sims} simulations (seed {seed}); the effect normal around the estimate "
        "with its standard error, unit costs and cost level PERT-distributed between low and high.",
    },
    "economics.assume_payback": {
        "sv": "Återbetalningsår = första år då den ackumulerade nettobesparingen (odiskonterad, "
        "budgetårsvis) är noll eller mer.",
        "en": "Payback year = the first year in which the cumulative net saving (undiscounted, by "
        "budget year) is zero or more.",
    },
    "economics.assume_repayment": {
        "sv": "Återföringsmodell: varje kommunal budgetansvarig (utom fonden) betalar {share} av sin "
        "positiva nettobesparing varje år till '{fund}' tills satsningen på {investment} är återbetald.",
        "en": "Repayment model: each municipal budget holder (except the fund) pays {share} of its "
        "positive net saving each year to '{fund}' until the investment of {investment} is repaid.",
    },
}
